/// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), the second factor of privileged roles
/// (FACTS.md "Security anchors": ASVS 5.0 level 2 asks for one). Pure functions: the caller passes the clock.
public enum TOTP {
    /// RFC 6238 defaults that every authenticator app understands.
    public static let digits = 6
    public static let period: Int64 = 30
    /// Steps either side of now that still count (RFC 6238 §5.2 allows one for clock drift and typing time).
    public static let tolerance: Int64 = 1
    /// 160 bits, the size RFC 4226 §4 recommends for an HMAC-SHA-1 key.
    public static let secretLength = 20

    /// HOTP (RFC 4226 §5.3): HMAC-SHA-1 of the 8-byte big-endian counter, dynamically truncated, modulo 10^digits.
    public static func hotp(secret: [UInt8], counter: UInt64, digits: Int = TOTP.digits) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: counter >> (8 * (7 - UInt64($0)))) }
        let mac = SHA1.hmac(key: secret, message: message)
        let offset = Int(mac[19] & 0x0f)
        let binary =
            (UInt32(mac[offset] & 0x7f) << 24) | (UInt32(mac[offset + 1]) << 16) | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(binary % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The time step of a Unix time (RFC 6238 §4.2: T = floor((time − T0) / X), T0 = 0).
    public static func step(at unixTime: Int64) -> Int64 { unixTime >= 0 ? unixTime / period : (unixTime - period + 1) / period }

    /// The code shown by an authenticator at `unixTime`.
    public static func code(secret: [UInt8], at unixTime: Int64, digits: Int = TOTP.digits) -> String {
        hotp(secret: secret, counter: UInt64(max(0, step(at: unixTime))), digits: digits)
    }

    /// The step a typed code belongs to, if it is right within ±`tolerance` steps of now and later than
    /// `lastUsedStep` (RFC 6238 §5.2: a code already accepted is never accepted again, nor an older one).
    /// Spaces the user typed are ignored; anything but `digits` decimal digits is wrong.
    public static func acceptedStep(code typed: String, secret: [UInt8], at unixTime: Int64, lastUsedStep: Int64?) -> Int64? {
        let code = typed.filter { $0 != " " }
        guard code.count == digits, code.allSatisfy({ ("0"..."9").contains($0) }), !secret.isEmpty else { return nil }
        let now = step(at: unixTime)
        for candidate in (now - tolerance)...(now + tolerance) where candidate >= 0 && candidate > (lastUsedStep ?? -1) {
            // Compare every candidate in full: the loop's timing should not tell which step matched.
            if constantTimeEquals(hotp(secret: secret, counter: UInt64(candidate)), code) { return candidate }
        }
        return nil
    }

    /// The `otpauth://` URI that authenticator apps read (Google Authenticator's key URI format).
    public static func uri(secret: [UInt8], account: String, issuer: String) -> String {
        func escape(_ text: String) -> String {
            var out = ""
            for byte in text.utf8 {
                let c = Character(Unicode.Scalar(byte))
                if c.isASCII && (c.isLetter || c.isNumber || "-._~".contains(c)) { out.append(c) } else {
                    out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            }
            return out
        }
        return "otpauth://totp/\(escape(issuer)):\(escape(account))?secret=\(Base32.encode(secret))&issuer=\(escape(issuer))"
            + "&algorithm=SHA1&digits=\(digits)&period=\(period)"
    }

    static func constantTimeEquals(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}

/// Base32 of RFC 4648 §6, the alphabet authenticator apps take secrets in.
public enum Base32 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".utf8)

    /// Encodes with `=` padding when `padded` (RFC 4648), without by default (as otpauth URIs carry it).
    public static func encode(_ bytes: [UInt8], padded: Bool = false) -> String {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        for byte in bytes {
            buffer = (buffer << 8) | UInt32(byte)
            bits += 8
            while bits >= 5 {
                out.append(alphabet[Int((buffer >> UInt32(bits - 5)) & 31)])
                bits -= 5
            }
        }
        if bits > 0 { out.append(alphabet[Int((buffer << UInt32(5 - bits)) & 31)]) }
        if padded { while out.count % 8 != 0 { out.append(UInt8(ascii: "=")) } }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes, case-insensitively, ignoring spaces and hyphens (people copy secrets in groups) and trailing `=`.
    /// Nil for any other character, or for leftover bits that are not zero.
    public static func decode(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var buffer: UInt32 = 0
        var bits = 0
        var trimmed = Array(text.uppercased().utf8.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "-") })
        while trimmed.last == UInt8(ascii: "=") { trimmed.removeLast() }
        for char in trimmed {
            guard let value = alphabet.firstIndex(of: char) else { return nil }
            buffer = (buffer << 5) | UInt32(value)
            bits += 5
            if bits >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits - 8)))
                bits -= 8
            }
            buffer &= (1 << UInt32(bits)) - 1
        }
        // RFC 4648 §6: a valid encoding leaves fewer than 5 bits, all zero.
        guard bits < 5, buffer == 0 else { return nil }
        return out
    }
}

/// SHA-1 (FIPS 180-4) and HMAC (RFC 2104), only for HOTP: the domain module has no crypto library, and TOTP
/// needs SHA-1 because every authenticator app defaults to it. Never used for anything else.
enum SHA1 {
    static func hash(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for i in (0..<8).reversed() { data.append(UInt8(truncatingIfNeeded: bitLength >> (UInt64(i) * 8))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
            }
            for i in 16..<80 { w[i] = rotl(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1) }
            var (a, b, c, d, e) = (h[0], h[1], h[2], h[3], h[4])
            for i in 0..<80 {
                let f: UInt32
                let k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let temp = rotl(a, 5) &+ f &+ e &+ k &+ w[i]
                (e, d, c, b, a) = (d, c, rotl(b, 30), a, temp)
            }
            h[0] &+= a
            h[1] &+= b
            h[2] &+= c
            h[3] &+= d
            h[4] &+= e
        }
        return h.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (24 - 8 * UInt32($0))) } }
    }

    static func hmac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        var key = key.count > 64 ? hash(key) : key
        key += [UInt8](repeating: 0, count: 64 - key.count)
        let inner = hash(key.map { $0 ^ 0x36 } + message)
        return hash(key.map { $0 ^ 0x5c } + inner)
    }

    private static func rotl(_ x: UInt32, _ n: UInt32) -> UInt32 { (x << n) | (x >> (32 - n)) }
}
