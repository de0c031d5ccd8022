import Foundation
import Testing

@testable import ToChucDomain

// RFC 6238 (TOTP) over RFC 4226 (HOTP), with Base32 of RFC 4648: the second factor of FACTS.md "Security anchors".

@Suite("TOTP second factor (RFC 6238, RFC 4226, RFC 4648)")
struct TOTPTests {
    /// The key of RFC 4226 Appendix D and of RFC 6238 Appendix B's SHA-1 rows: ASCII "12345678901234567890".
    static let rfcSecret = Array("12345678901234567890".utf8)

    @Test(
        "RFC 4226 Appendix D: HOTP values for counters 0 to 9",
        arguments: zip(
            0..<10, ["755224", "287082", "359152", "969429", "338314", "254676", "287922", "162583", "399871", "520489"]))
    func hotpVectors(counter: Int, expected: String) {
        #expect(TOTP.hotp(secret: Self.rfcSecret, counter: UInt64(counter)) == expected)
    }

    @Test(
        "RFC 6238 Appendix B: the SHA-1 test vectors (8 digits)",
        arguments: [
            (Int64(59), "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"),
            (1_234_567_890, "89005924"), (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ])
    func totpVectors(time: Int64, expected: String) {
        #expect(TOTP.code(secret: Self.rfcSecret, at: time, digits: 8) == expected)
    }

    @Test("RFC 6238 §4: steps of 30 seconds from the Unix epoch")
    func steps() {
        #expect(TOTP.step(at: 0) == 0)
        #expect(TOTP.step(at: 29) == 0)
        #expect(TOTP.step(at: 30) == 1)
        #expect(TOTP.step(at: 59) == 1)
        #expect(TOTP.step(at: 1_111_111_109) == 0x0235_23EC)  // RFC 6238 Appendix B's T column
    }

    @Test(
        "RFC 6238 §5.2: a code counts one step either side of now, and never twice",
        arguments: [
            // (step of the code, last step used, accepted?)
            (Int64(-1), Int64?.none, true), (0, nil, true), (1, nil, true), (-2, nil, false), (2, nil, false),
            (0, 0, false),  // the same code again: refused
            (-1, 0, false),  // an older one after a newer: refused
            (1, 0, true),  // the next one, typed early: fine
        ])
    func window(offset: Int64, lastUsed: Int64?, accepted: Bool) {
        let now: Int64 = 1_700_000_000
        let base = TOTP.step(at: now)
        let code = TOTP.hotp(secret: Self.rfcSecret, counter: UInt64(base + offset))
        let last = lastUsed.map { base + $0 }
        let step = TOTP.acceptedStep(code: code, secret: Self.rfcSecret, at: now, lastUsedStep: last)
        #expect((step != nil) == accepted)
        if accepted { #expect(step == base + offset) }
    }

    @Test("only six digits are a code (spaces aside)", arguments: ["", "12345", "1234567", "12a456", "١٢٣٤٥٦"])
    func malformedCodes(code: String) {
        #expect(TOTP.acceptedStep(code: code, secret: Self.rfcSecret, at: 59, lastUsedStep: nil) == nil)
    }

    @Test("a code typed in two groups is read as one")
    func spacedCode() {
        let code = TOTP.code(secret: Self.rfcSecret, at: 1_000_000)
        let spaced = String(code.prefix(3)) + " " + String(code.suffix(3))
        #expect(TOTP.acceptedStep(code: spaced, secret: Self.rfcSecret, at: 1_000_000, lastUsedStep: nil) == TOTP.step(at: 1_000_000))
    }

    @Test(
        "RFC 4648 §10: the Base32 test vectors, both ways",
        arguments: [
            ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="), ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI======"),
        ])
    func base32Vectors(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8), padded: true) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
        #expect(Base32.decode(encoded.lowercased().replacingOccurrences(of: "=", with: "")) == Array(plain.utf8))
    }

    @Test("Base32 refuses letters outside the alphabet and non-zero leftover bits", arguments: ["MZXW1", "MZXW6YQ!", "MZ", "MZXR"])
    func base32Refusals(text: String) {
        #expect(Base32.decode(text) == nil)
    }

    @Test("the RFC secret in Base32, as an app would be given it")
    func rfcSecretInBase32() {
        #expect(Base32.encode(Self.rfcSecret) == "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ")
        #expect(Base32.decode("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ") == Self.rfcSecret)
    }

    @Test("SHA-1 (FIPS 180-4 example) and HMAC-SHA-1 (RFC 2202 test cases 1 and 2)")
    func sha1AndHMAC() {
        func hex(_ bytes: [UInt8]) -> String {
            bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
        }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hmac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8)))
            == "b617318655057264e28bc0b6fb378c8ef146be00")
        #expect(hex(SHA1.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8)))
            == "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79")
    }

    @Test("the otpauth URI names the issuer and account and carries the parameters")
    func uri() {
        #expect(
            TOTP.uri(secret: Self.rfcSecret, account: "head.t01-a", issuer: "ToChuc")
                == "otpauth://totp/ToChuc:head.t01-a?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=ToChuc&algorithm=SHA1&digits=6&period=30")
    }

    @Test("ASVS level 2: the roles that approve or manage accounts must have a second factor", arguments: Role.allCases)
    func privilegedRoles(role: Role) {
        #expect(role.requiresSecondFactor == [.head, .admin].contains(role))
    }
}
