import Testing
import ToChucDomain

/// Party document numbers (DOMAIN.md §5; Hướng dẫn 36-HD/VPTW on the form of Party documents): serial-kind/issuer, as the
/// seeds write them ("Nghị quyết số 21-NQ/TW", "Quy định số 680-QĐ/TU", "Hướng dẫn 26-HD/BTCTW", "1011-CTr/TƯ",
/// "Kết luận số 92- KL/TU"), parsed into serial, kind and issuer; malformed ones refused with what is wrong.
@Suite struct DocumentNumberTests {
    @Test(
        "well-formed numbers parse into serial, kind and issuer, written canonically and compared by key",
        arguments: [
            ("21-NQ/TW", 21, DocumentKind.resolution, "TW", "21-NQ/TW", "21-NQ/TW", true),
            ("680-QĐ/TU", 680, .decision, "TU", "680-QĐ/TU", "680-QD/TU", false),
            ("26-HD/BTCTW", 26, .guidance, "BTCTW", "26-HD/BTCTW", "26-HD/BTCTW", true),
            ("1011-CTr/TU", 1011, .programme, "TU", "1011-CTr/TU", "1011-CTR/TU", false),
            // The seed's "TƯ" is the older spelling of Trung ương.
            ("1011-CTr/TƯ", 1011, .programme, "TW", "1011-CTr/TW", "1011-CTR/TW", true),
            // Spaces the seeds leave around the dash; a leading "Số".
            ("92- KL/TU", 92, .conclusion, "TU", "92-KL/TU", "92-KL/TU", false),
            ("Số 680-QĐ/TU", 680, .decision, "TU", "680-QĐ/TU", "680-QD/TU", false),
            ("số: 366 - QĐ / TW", 366, .decision, "TW", "366-QĐ/TW", "366-QD/TW", true),
            // ASCII and lower case: QD is QĐ, DU is ĐU, ctr is CTr.
            ("680-QD/TU", 680, .decision, "TU", "680-QĐ/TU", "680-QD/TU", false),
            ("45-qd/du", 45, .decision, "ĐU", "45-QĐ/ĐU", "45-QD/DU", false),
            ("12-ctr/duk", 12, .programme, "ĐUK", "12-CTr/ĐUK", "12-CTR/DUK", false),
            ("3-DA/TU", 3, .project, "TU", "3-ĐA/TU", "3-DA/TU", false),
            // Leading zeros are kept as written but do not change the key.
            ("05-KL/TU", 5, .conclusion, "TU", "05-KL/TU", "5-KL/TU", false),
            // Other kinds of the seeds and of daily work; a dash-separated suffix on the issuer.
            ("123-CV/BTCTU", 123, .letter, "BTCTU", "123-CV/BTCTU", "123-CV/BTCTU", false),
            ("7-KH/HU-BTC", 7, .plan, "HU-BTC", "7-KH/HU-BTC", "7-KH/HU-BTC", false),
            ("10-CT/TW", 10, .directive, "TW", "10-CT/TW", "10-CT/TW", true),
            ("2-TTr/BTCTU", 2, .submission, "BTCTU", "2-TTr/BTCTU", "2-TTR/BTCTU", false),
            ("9-TB/VPTW", 9, .notice, "VPTW", "9-TB/VPTW", "9-TB/VPTW", true),
            ("1-BC/BCT", 1, .report, "BCT", "1-BC/BCT", "1-BC/BCT", true),
            ("999999-QC/TU", 999_999, .statute, "TU", "999999-QC/TU", "999999-QC/TU", false),
        ])
    func parses(text: String, serial: Int, kind: DocumentKind, issuer: String, canonical: String, key: String, central: Bool) throws {
        let n = try DocumentNumber.parse(text).get()
        #expect(n.serial == serial && n.kind == kind && n.issuer == issuer)
        #expect(n.text == canonical && n.key == key && n.isCentral == central)
    }

    @Test(
        "malformed numbers are refused, each with what is wrong",
        arguments: [
            ("", DocumentNumber.Problem.empty),
            ("   ", .empty),
            ("NQ/TW", .shape),
            ("21NQ/TW", .shape),
            ("21-NQ", .shape),
            ("21-/TW", .shape),
            ("-NQ/TW", .shape),
            ("Điều lệ Đảng", .shape),
            ("abc-NQ/TW", .serial("abc")),
            ("0-NQ/TW", .serial("0")),
            ("1234567-NQ/TW", .serial("1234567")),
            ("21-XYZ/TW", .kind("XYZ")),
            ("21-Nghịquyết/TW", .kind("Nghịquyết")),
            ("21-NQ/", .issuer("")),
            ("21-NQ/TU--BTC", .issuer("TU--BTC")),
            ("21-NQ/TU/BTC", .issuer("TU/BTC")),
            ("21-NQ/123", .issuer("123")),
            ("21-NQ/TU-", .issuer("TU-")),
            (String(repeating: "1", count: 61), .tooLong),
        ])
    func refuses(text: String, problem: DocumentNumber.Problem) {
        #expect(DocumentNumber.parse(text) == .failure(problem))
        #expect(!problem.message.vi.isEmpty && !problem.message.en.isEmpty)
    }

    @Test("the message of a wrong kind lists the kinds; of a wrong shape gives an example")
    func messages() {
        #expect(DocumentNumber.Problem.kind("XYZ").message.vi.contains("NQ, KL, QĐ"))
        #expect(DocumentNumber.Problem.shape.message.vi.contains("680-QĐ/TU"))
    }

    @Test(
        "central issuers: TW and the central bodies (ending in TW), the Politburo and the Secretariat",
        arguments: [("TW", true), ("BTCTW", true), ("UBKTTW", true), ("BCT", true), ("BBT", true), ("TU", false), ("BTCTU", false), ("ĐU", false),
                    ("HU-BTC", false), ("BTCTW-VP", true)])
    func central(issuer: String, central: Bool) throws {
        #expect(try DocumentNumber.parse("1-NQ/" + issuer).get().isCentral == central)
    }

    @Test("kinds parse from the abbreviation (any case, D for Đ), the key or the label")
    func kinds() {
        #expect(DocumentKind.parse("qd") == .decision && DocumentKind.parse("QĐ") == .decision)
        #expect(DocumentKind.parse("Nghị quyết") == .resolution && DocumentKind.parse("nghi quyet") == .resolution)
        #expect(DocumentKind.parse("Quy định") == .decision && DocumentKind.parse("quyết định") == .decision)
        #expect(DocumentKind.parse("CTR") == .programme && DocumentKind.parse("CT") == .directive && DocumentKind.parse("TTr") == .submission)
        #expect(DocumentKind.parse("XX") == nil)
        #expect(DocumentNumber.key(of: "680-QD/TU") == DocumentNumber.key(of: "Số 680-QĐ/TU") && DocumentNumber.key(of: "Điều lệ Đảng") == nil)
    }
}
