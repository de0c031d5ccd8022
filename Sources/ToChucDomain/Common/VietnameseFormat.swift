import Foundation

/// Numbers and dates the Vietnamese way (DOMAIN.md: `1.666`, `99,85%`, `06/01/2023`).
///
/// Written by hand, not with `NumberFormatter`/`DateFormatter`, whose locale data differ between machines.
public enum VietnameseFormat {
    /// `1666` → `1.666`, `-1234567` → `-1.234.567`.
    public static func integer(_ n: Int) -> String { NumberStyle.vietnamese.integer(n) }

    /// Fixed `fractionDigits` after a comma, thousands grouped with dots: `99.854` (2) → `99,85`.
    ///
    /// Rounds half away from zero on the shortest decimal form of `x` (the digits Swift prints for it), not
    /// on its binary value: `47.8085` → `47,81` and `99.845` → `99,85`, although both are stored a little
    /// below those values. A result that rounds to zero has no minus sign. NaN and infinities give `NaN`,
    /// `∞`, `-∞`.
    public static func decimal(_ x: Double, fractionDigits: Int) -> String {
        NumberStyle.vietnamese.decimal(x, fractionDigits: fractionDigits)
    }

    /// `x` is already a percentage: `99.85` → `99,85%` (rounded like `decimal`).
    public static func percent(_ x: Double, fractionDigits: Int = 2) -> String {
        NumberStyle.vietnamese.decimal(x, fractionDigits: fractionDigits) + "%"
    }

    /// `624, 1305` → `624/1.305 (47,81%)`; `whole == 0` → `0/0` with no percentage.
    ///
    /// The percentage is computed exactly in integers and truncated (not rounded) to two decimals, as the
    /// reports quoted in DOMAIN.md do (624/1305 = 47.816…% is written 47,81%; 99/1305 = 7.586…% is 7,58%):
    /// a count short of its target never shows 100%.
    public static func ratio(_ part: Int, _ whole: Int) -> String { NumberStyle.vietnamese.ratio(part, whole) }

    /// `DD/MM/YYYY`: `06/01/2023`.
    public static func date(_ d: CivilDate) -> String {
        pad(d.day, 2) + "/" + pad(d.month, 2) + "/" + pad(d.year, 4)
    }

    /// `DD/MM/YYYY HH:mm` in `timeZone` (Vietnam's by default): `06/01/2023 14:05`.
    public static func dateTime(_ date: Date, timeZone: TimeZone = vietnamTimeZone) -> String {
        let t = WallClock(date, timeZone: timeZone)
        return pad(t.day, 2) + "/" + pad(t.month, 2) + "/" + pad(t.year, 4) + " " + pad(t.hour, 2) + ":"
            + pad(t.minute, 2)
    }

    /// `Asia/Ho_Chi_Minh`; UTC+07:00 (Vietnam's offset since 1975, no daylight saving) when the machine
    /// has no time zone database.
    public static let vietnamTimeZone: TimeZone =
        TimeZone(identifier: "Asia/Ho_Chi_Minh") ?? TimeZone(secondsFromGMT: 7 * 3600)!
}

/// The same values for English pages and exports: `1,666`, `99.85%`, `2023-01-06`.
public enum EnglishFormat {
    /// `1666` → `1,666`, `-1234567` → `-1,234,567`.
    public static func integer(_ n: Int) -> String { NumberStyle.english.integer(n) }

    /// `99.854` (2) → `99.85`; rounding as `VietnameseFormat.decimal`.
    public static func decimal(_ x: Double, fractionDigits: Int) -> String {
        NumberStyle.english.decimal(x, fractionDigits: fractionDigits)
    }

    /// `99.85` → `99.85%`.
    public static func percent(_ x: Double, fractionDigits: Int = 2) -> String {
        NumberStyle.english.decimal(x, fractionDigits: fractionDigits) + "%"
    }

    /// `624/1,305 (47.81%)`; truncation as `VietnameseFormat.ratio`.
    public static func ratio(_ part: Int, _ whole: Int) -> String { NumberStyle.english.ratio(part, whole) }

    /// ISO 8601: `2023-01-06`.
    public static func date(_ d: CivilDate) -> String {
        pad(d.year, 4) + "-" + pad(d.month, 2) + "-" + pad(d.day, 2)
    }

    /// `YYYY-MM-DD HH:mm` in `timeZone`: `2023-01-06 14:05`.
    public static func dateTime(_ date: Date, timeZone: TimeZone = VietnameseFormat.vietnamTimeZone) -> String {
        let t = WallClock(date, timeZone: timeZone)
        return pad(t.year, 4) + "-" + pad(t.month, 2) + "-" + pad(t.day, 2) + " " + pad(t.hour, 2) + ":"
            + pad(t.minute, 2)
    }
}

// MARK: - Implementation

/// Zero-padded decimal, at least `width` digits.
private func pad(_ n: Int, _ width: Int) -> String {
    let digits = String(n.magnitude)
    return (n < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private struct WallClock {
    let year, month, day, hour, minute: Int

    init(_ date: Date, timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        year = c.year ?? 0
        month = c.month ?? 0
        day = c.day ?? 0
        hour = c.hour ?? 0
        minute = c.minute ?? 0
    }
}

private struct NumberStyle {
    let groupSeparator: String
    let decimalSeparator: String

    static let vietnamese = NumberStyle(groupSeparator: ".", decimalSeparator: ",")
    static let english = NumberStyle(groupSeparator: ",", decimalSeparator: ".")

    func integer(_ n: Int) -> String {
        (n < 0 ? "-" : "") + grouped(Array(String(n.magnitude).utf8).map { $0 - 0x30 })
    }

    func decimal(_ x: Double, fractionDigits: Int) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x < 0 ? "-∞" : "∞") }
        let (digits, exponent) = Self.shortestDecimal(x.magnitude)
        let scaled = Self.roundedHalfAwayFromZero(digits, exponent: exponent, fractionDigits: max(0, fractionDigits))
        return fixed(scaled, negative: x < 0, fractionDigits: max(0, fractionDigits))
    }

    func ratio(_ part: Int, _ whole: Int) -> String {
        let fraction = integer(part) + "/" + integer(whole)
        guard whole != 0 else { return fraction }
        let (scaledPart, overflow) = part.multipliedReportingOverflow(by: 10_000)
        let percent: String
        if !overflow {
            let hundredths = scaledPart / whole  // Integer division truncates toward zero.
            percent = fixed(
                Array(String(hundredths.magnitude).utf8).map { $0 - 0x30 }, negative: hundredths < 0, fractionDigits: 2)
        } else {
            // Only for parts above Int.max / 10 000; the Double quotient is good to far more than 2 decimals.
            let value = (Double(part) / Double(whole) * 100 * 100).rounded(.towardZero) / 100
            percent = decimal(value, fractionDigits: 2)
        }
        return fraction + " (" + percent + "%)"
    }

    /// `scaled` holds the value times 10^fractionDigits, most significant digit first.
    private func fixed(_ scaled: [UInt8], negative: Bool, fractionDigits: Int) -> String {
        var digits = Array(scaled.drop { $0 == 0 })
        let isZero = digits.isEmpty
        if digits.count < fractionDigits + 1 {
            digits.insert(contentsOf: repeatElement(0, count: fractionDigits + 1 - digits.count), at: 0)
        }
        let integerDigits = Array(digits.dropLast(fractionDigits))
        var text = (negative && !isZero ? "-" : "") + grouped(integerDigits)
        if fractionDigits > 0 {
            text += decimalSeparator + String(decoding: digits.suffix(fractionDigits).map { $0 + 0x30 }, as: UTF8.self)
        }
        return text
    }

    private func grouped(_ digits: [UInt8]) -> String {
        var text = ""
        for (i, digit) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { text += groupSeparator }
            text.append(Character(Unicode.Scalar(digit + 0x30)))
        }
        return text.isEmpty ? "0" : text
    }

    /// The digits Swift prints for `x` (the shortest that read back as `x`) as `digits × 10^exponent`.
    static func shortestDecimal(_ x: Double) -> (digits: [UInt8], exponent: Int) {
        let text = x.description  // e.g. "47.8085", "1e-05", "1.2345e+20"
        let parts = text.split(separator: "e", maxSplits: 1)
        var exponent = parts.count == 2 ? Int(parts[1]) ?? 0 : 0
        var digits: [UInt8] = []
        var afterPoint = false
        for byte in parts[0].utf8 {
            if byte == UInt8(ascii: ".") {
                afterPoint = true
            } else if (0x30...0x39).contains(byte) {
                digits.append(byte - 0x30)
                if afterPoint { exponent -= 1 }
            }
        }
        return (digits, exponent)
    }

    /// `digits × 10^exponent × 10^fractionDigits`, rounded half away from zero to an integer (as digits).
    static func roundedHalfAwayFromZero(_ digits: [UInt8], exponent: Int, fractionDigits: Int) -> [UInt8] {
        let shift = exponent + fractionDigits
        if shift >= 0 { return digits + repeatElement(0, count: shift) }
        let keep = digits.count + shift  // digits before the rounding position
        guard keep >= 0 else { return [] }  // below half a unit: 0
        var kept = Array(digits.prefix(keep))
        if digits[keep] >= 5 {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 {
                kept[i] = 0
                i -= 1
            }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0) }
        }
        return kept
    }
}
