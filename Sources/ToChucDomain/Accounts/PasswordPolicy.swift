import Foundation

/// Why a new password is refused (FACTS.md "Security anchors": OWASP ASVS 5.0, level 2, §6.2).
public enum PasswordProblem: Equatable, Sendable {
    case tooShort(minimum: Int)
    case tooLong(maximum: Int)
    /// In the list of common passwords, or a trivial variant of one (see `PasswordPolicy.problems`).
    case common
    case containsUsername
}

/// The rules a new password must pass (FACTS.md "Security anchors"; ASVS 5.0 §6.2 at level 2).
///
/// Length only, counted in `Character`s (so an accented letter counts once, typed precomposed or not), plus
/// a check against common passwords and the account's own name. No composition rules (no "one digit, one
/// capital"), as ASVS 6.2.5 requires; rotation is not this type's business.
public enum PasswordPolicy {
    /// ASVS asks for at least 8 and recommends 15; 12 is this system's default.
    public static let minimumLength = 12
    /// ASVS requires that at least 64 be allowed. Note that bcrypt reads only the first 72 bytes.
    public static let maximumLength = 128

    /// Every problem of `password` for the account `username`, empty when it is acceptable.
    ///
    /// `common` when any of these is in `CommonPasswords.list`: the password lower-cased; the same folded
    /// (diacritics removed, đ → d, spaces dropped: "Mật khẩu" → "matkhau"); either of them with the digits,
    /// punctuation and symbols at its end removed, or at both ends ("Matkhau@2024!" → "matkhau"). Also
    /// `common`: one unit repeated ("abcabcabcabc", "matkhaumatkhau"), or a straight run of letters or digits
    /// ("abcdefghijkl", "123456789012", "987654321098").
    ///
    /// `containsUsername` when the folded password, letters and digits only, contains the folded username
    /// (letters and digits only) of at least 3 characters: "Tung.Nguyen-2024" for `tung.nguyen`.
    /// A password over `maximumLength` is reported as `tooLong` only.
    public static func problems(password: String, username: String) -> [PasswordProblem] {
        let length = password.count
        if length > maximumLength { return [.tooLong(maximum: maximumLength)] }
        var problems: [PasswordProblem] = []
        if length < minimumLength { problems.append(.tooShort(minimum: minimumLength)) }
        if isCommon(password) { problems.append(.common) }
        if containsUsername(password: password, username: username) { problems.append(.containsUsername) }
        return problems
    }

    static func isCommon(_ password: String) -> Bool {
        let lowered = password.lowercased()
        let folded = VietnameseText.fold(password).replacingOccurrences(of: " ", with: "")
        for base in [lowered, folded] {
            for candidate in [base, trimmingNonLetters(base, leading: false), trimmingNonLetters(base, leading: true)]
            where !candidate.isEmpty && CommonPasswords.list.contains(candidate) {
                return true
            }
        }
        let scalars = Array(folded.unicodeScalars)
        return isRepetition(scalars) || isStraightRun(scalars)
    }

    static func containsUsername(password: String, username: String) -> Bool {
        let name = lettersAndDigits(VietnameseText.fold(username))
        guard name.unicodeScalars.count >= 3 else { return false }
        return lettersAndDigits(VietnameseText.fold(password)).contains(name)
    }

    // MARK: - Helpers

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic }

    /// Removes non-letters at the end, and also at the start when `leading`.
    private static func trimmingNonLetters(_ text: String, leading: Bool) -> String {
        var scalars = Array(text.unicodeScalars)[...]
        while let last = scalars.last, !isLetter(last) { scalars.removeLast() }
        if leading {
            while let first = scalars.first, !isLetter(first) { scalars.removeFirst() }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    private static func lettersAndDigits(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { isLetter($0) || $0.properties.numericType != nil }
        return String(String.UnicodeScalarView(kept))
    }

    /// The whole text is a shorter unit written at least twice, and that unit is short (≤ 4) or common.
    private static func isRepetition(_ scalars: [Unicode.Scalar]) -> Bool {
        let n = scalars.count
        guard n >= 2 else { return false }
        for period in 1...(n / 2) where n % period == 0 {
            let unit = Array(scalars[0..<period])
            if (period..<n).allSatisfy({ scalars[$0] == unit[$0 % period] }) {
                let unitText = String(String.UnicodeScalarView(unit))
                return period <= 4 || CommonPasswords.list.contains(unitText)
                    || CommonPasswords.list.contains(trimmingNonLetters(unitText, leading: true))
            }
        }
        return false
    }

    /// Each character is the next (or each the previous) letter or digit: "abcdef…", "345678…", "…8901…".
    private static func isStraightRun(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 3 else { return false }
        func step(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> Int? {
            let digits: ClosedRange<Unicode.Scalar> = "0"..."9"
            let letters: ClosedRange<Unicode.Scalar> = "a"..."z"
            if digits.contains(a) && digits.contains(b) {
                let d = (Int(b.value) - Int(a.value) + 10) % 10
                return d == 1 ? 1 : d == 9 ? -1 : nil
            }
            if letters.contains(a) && letters.contains(b) {
                let d = Int(b.value) - Int(a.value)
                return abs(d) == 1 ? d : nil
            }
            return nil
        }
        guard let first = step(scalars[0], scalars[1]) else { return false }
        return (1..<(scalars.count - 1)).allSatisfy { step(scalars[$0], scalars[$0 + 1]) == first }
    }
}
