import Foundation
import Testing

@testable import ToChucDomain

// FACTS.md "Security anchors" (OWASP ASVS 5.0, level 2, §6.2): length ≥ 8 (15 recommended), up to ≥ 64 allowed;
// check against common and breached lists; no composition rules. This system: 12 to 128 characters.

@Suite("Password policy (FACTS.md Security anchors, ASVS 5.0 §6.2)")
struct PasswordPolicyTests {
    private static let pangram = String(repeating: "The quick brown fox jumps over the lazy dog; ", count: 3)

    @Test(
        "length is 12 to 128 characters, counted as the user sees them",
        arguments: [
            ("tàu về ga Hàng Cỏ", [PasswordProblem]()),
            ("bến Nhà Rồng", []),  // exactly 12
            ("bến Nhà Rồng".decomposedStringWithCanonicalMapping, []),  // 12 characters, 17 scalars
            ("bến NhàRồng", [.tooShort(minimum: 12)]),
            (String(pangram.prefix(128)), []),
            (String(pangram.prefix(129)), [.tooLong(maximum: 128)]),
        ])
    func lengthLimits(password: String, expected: [PasswordProblem]) {
        #expect(PasswordPolicy.problems(password: password, username: "chuyenvien01") == expected)
    }

    @Test("the limits are ASVS level 2 or stricter")
    func limitsMeetASVS() {
        #expect(PasswordPolicy.minimumLength >= 8)
        #expect(PasswordPolicy.maximumLength >= 64)
    }

    @Test(
        "no composition rules: long passphrases of plain lower-case words pass",
        arguments: [
            "hoa phượng đỏ sân trường", "correct horse battery staple", "bến nhà rồng 1911", "đồi thông hai mộ",
        ])
    func passphrasesPass(password: String) {
        #expect(PasswordPolicy.problems(password: password, username: "nguyenvana").isEmpty)
    }

    @Test(
        "a common password is refused, also with case, accents, spaces or a suffix of digits and symbols",
        arguments: [
            "password", "Password123!", "matkhau123456", "Matkhau@2024!", "Mật khẩu 2024!!", "MATKHAU12345678",
            "anhyeuem123456", "Anh Yêu Em 2024", "iloveyou2024!!", "qwerty123456", "123456789012", "12345678910",
            "1qaz2wsx3edc", "Vietnam@2024!", "admin123456789", "!!Admin2024!!", "Hà Nội 1010-2024",
        ])
    func commonPasswordsRefused(password: String) {
        #expect(PasswordPolicy.problems(password: password, username: "chuyenvien01").contains(.common))
    }

    @Test(
        "a run or a repetition counts as common",
        arguments: [
            "abcdefghijklmnop", "aaaaaaaaaaaa", "matkhaumatkhau", "987654321098", "2024202420242024",
            "abcabcabcabc", "7890123456789",
        ])
    func runsAndRepetitionsRefused(password: String) {
        #expect(PasswordPolicy.problems(password: password, username: "chuyenvien01") == [.common])
    }

    @Test(
        "a password that contains the username is refused",
        arguments: [
            ("tung.nguyen", "Tung.Nguyen-2024!", true),
            ("tungnv", "Tài khoản TungNV ở Hà Nội", true),
            ("admin", "Quản trị viên ADMIN của ban", true),
            ("đào.pt", "mùa đào phở tái chín", false),  // letters and digits: "daopt" does not occur
            ("an", "an toàn là trên hết", false),  // usernames under 3 letters are not checked
            ("", "an toàn là trên hết", false),
        ])
    func containsUsername(username: String, password: String, refused: Bool) {
        #expect(PasswordPolicy.problems(password: password, username: username).contains(.containsUsername) == refused)
    }

    @Test("problems are listed in order: length, common, username")
    func allProblemsListed() {
        #expect(
            PasswordPolicy.problems(password: "admin1", username: "admin")
                == [.tooShort(minimum: 12), .common, .containsUsername])
        #expect(PasswordPolicy.problems(password: "matkhau", username: "x") == [.tooShort(minimum: 12), .common])
        #expect(PasswordPolicy.problems(password: "nguyenvantung", username: "NguyenVanTung") == [.containsUsername])
        #expect(PasswordPolicy.problems(password: "", username: "") == [.tooShort(minimum: 12)])
    }

    @Test("the common list has at least 1,000 lower-case ASCII entries, Vietnamese favourites included")
    func commonListContents() {
        let list = CommonPasswords.list
        #expect(list.count >= 1_000)
        #expect(list.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) && $0 == $0.lowercased() && !$0.isEmpty })
        for required in [
            "matkhau", "matkhau123", "123456789", "anhyeuem", "iloveyou", "vietnam", "admin123", "password",
            "qwerty123456", "12345678910", "1qaz2wsx", "2024",
        ] {
            #expect(list.contains(required), "\(required)")
        }
    }
}
