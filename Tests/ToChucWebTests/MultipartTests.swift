import Foundation
import Testing
import ToChucDomain

@testable import ToChucWeb

/// The `multipart/form-data` reader behind uploads: what browsers send is read byte for byte; anything malformed is
/// refused with a reason; a client's file name never becomes a path.
@Suite struct MultipartTests {
    static let boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
    static let contentType = "multipart/form-data; boundary=\(boundary)"

    /// A body as a browser writes it: fields, then files, CRLF everywhere, closing delimiter and a final CRLF.
    static func body(_ parts: [(headers: String, content: [UInt8])], boundary: String = boundary, close: String = "--\r\n") -> Data {
        var data = Data()
        for part in parts {
            data += Data("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8)
            data += Data(part.content)
            data += Data("\r\n".utf8)
        }
        data += Data("--\(boundary)\(close)".utf8)
        return data
    }

    static func field(_ name: String, _ value: String) -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"", Array(value.utf8))
    }

    static func file(_ name: String, _ filename: String, _ content: [UInt8], type: String = "text/csv") -> (headers: String, content: [UInt8]) {
        ("Content-Disposition: form-data; name=\"\(name)\"; filename=\"\(filename)\"\r\nContent-Type: \(type)", content)
    }

    func problem(_ body: Data, contentType: String = contentType) -> Multipart.Problem? {
        do {
            _ = try Multipart.parse(body, contentType: contentType)
            return nil
        } catch let problem as Multipart.Problem {
            return problem
        } catch {
            Issue.record("unexpected error \(error)")
            return nil
        }
    }

    @Test("fields and a file are read; the file's bytes are kept exactly, CR, LF, NUL, dashes and a near-boundary included")
    func readsFieldsAndBinaryFile() throws {
        // Everything that could confuse a text-based reader: a CRLF followed by dashes, the boundary minus one byte,
        // NUL and bytes that are not UTF-8.
        var content = Array("card_no,full_name\r\n50000001,Nguyễn Văn Tùng\r\n--\r\n".utf8)
        content += Array("\r\n--\(Self.boundary.dropLast())x".utf8) + [0, 0xFF, 0xFE, 13, 10, 13, 10, 45, 45]
        let body = Self.body([Self.field("_csrf", "abc123"), Self.field("note", "Ghi chú có dấu"), Self.file("file", "members.csv", content)])
        let parts = try Multipart.parse(body, contentType: Self.contentType)
        #expect(parts.count == 3)
        #expect(parts[0] == MultipartPart(name: "_csrf", filename: nil, contentType: nil, data: Data("abc123".utf8)))
        #expect(String(decoding: parts[1].data, as: UTF8.self) == "Ghi chú có dấu")
        #expect(parts[2].name == "file" && parts[2].filename == "members.csv" && parts[2].contentType == "text/csv")
        #expect(Array(parts[2].data) == content)
    }

    @Test("an empty file input, an empty field, and a body without the final CRLF are read")
    func emptyPartsAndNoFinalLineEnd() throws {
        let body = Self.body([Self.field("_csrf", ""), Self.file("file", "", [], type: "application/octet-stream")], close: "--")
        let parts = try Multipart.parse(body, contentType: Self.contentType)
        #expect(parts.map(\.name) == ["_csrf", "file"])
        #expect(parts[0].data.isEmpty && parts[1].filename == "" && parts[1].data.isEmpty)
    }

    @Test("a large binary upload is read quickly and exactly")
    func largeUpload() throws {
        // 5 MB of every byte value: 64 KB of random bytes, repeated.
        var generator = SystemRandomNumberGenerator()
        let block = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let content = Array(repeating: block, count: 80).flatMap { $0 }
        let body = Self.body([Self.field("_csrf", "t"), Self.file("file", "so-lieu.xlsx", content)])
        let started = Date()
        let parts = try Multipart.parse(body, contentType: Self.contentType)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(parts[1].data == Data(content))
    }

    @Test(
        "the boundary comes from the Content-Type, quoted or not; anything else has none",
        arguments: [
            ("multipart/form-data; boundary=abc", "abc"),
            ("Multipart/Form-Data; BOUNDARY=\"a b:c\"", "a b:c"),
            ("multipart/form-data; charset=utf-8; boundary=----x", "----x"),
            ("multipart/form-data", nil),
            ("multipart/form-data; boundary=", nil),
            ("multipart/form-data; boundary=\"abc", nil),
            ("multipart/form-data; boundary=a; boundary=b", nil),
            ("multipart/form-data; boundary=" + String(repeating: "x", count: 71), nil),
            ("multipart/form-data; boundary=a<b", nil),
            ("multipart/mixed; boundary=abc", nil),
            ("application/x-www-form-urlencoded", nil),
        ] as [(String, String?)])
    func boundaries(contentType: String, expected: String?) {
        #expect(Multipart.boundary(contentType: contentType) == expected)
    }

    @Test("malformed bodies are refused, each with its reason")
    func malformed() {
        let good = Self.body([Self.field("_csrf", "x")])
        #expect(problem(good) == nil)
        #expect(problem(good, contentType: "multipart/form-data") == .boundary)
        // Another boundary than the header's, or text before the first one.
        #expect(problem(Self.body([Self.field("_csrf", "x")], boundary: "other")) == .start)
        #expect(problem(Data("preamble\r\n".utf8) + good) == .start)
        #expect(problem(Data()) == .start)
        // Cut short: no closing delimiter, or in the middle of a part's headers.
        #expect(problem(good.prefix(good.count - 8)) == .end)
        #expect(problem(Data("--\(Self.boundary)\r\nContent-Disposition: form-data; na".utf8)) == .end)
        #expect(problem(Data("--\(Self.boundary)".utf8)) == .end)
        // Anything but a line end after the closing delimiter.
        #expect(problem(Self.body([Self.field("_csrf", "x")], close: "--\r\nepilogue")) == .end)
        // A delimiter followed by something else than CRLF or "--".
        #expect(problem(Self.body([Self.field("_csrf", "x")], close: "xx\r\n")) == .headers)
        // Headers: without a colon, folded, repeated, unclosed quote, not UTF-8.
        #expect(problem(Self.body([("Content-Disposition form-data; name=\"a\"", [])])) == .headers)
        #expect(problem(Self.body([("Content-Disposition: form-data;\r\n name=\"a\"", [])])) == .headers)
        #expect(problem(Self.body([("Content-Disposition: form-data; name=\"a\"\r\nContent-Disposition: form-data; name=\"b\"", [])])) == .headers)
        #expect(problem(Self.body([("Content-Disposition: form-data; name=\"a", [])])) == .headers)
        #expect(problem(Self.body([("Content-Disposition: form-data; name=\"a\"; name=\"b\"", [])])) == .headers)
        var latin1 = Data("--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"".utf8)
        latin1 += Data([0xE9]) + Data("\"\r\n\r\nx\r\n--\(Self.boundary)--\r\n".utf8)
        #expect(problem(latin1) == .headers)
        // Content-Disposition: missing, not form-data, without a name.
        #expect(problem(Self.body([("Content-Type: text/plain", Array("x".utf8))])) == .disposition)
        #expect(problem(Self.body([("Content-Disposition: attachment; name=\"a\"", [])])) == .disposition)
        #expect(problem(Self.body([("Content-Disposition: form-data; filename=\"a.csv\"", [])])) == .disposition)
        #expect(problem(Self.body([("Content-Disposition: form-data; name=\"\"", [])])) == .disposition)
        // A text field must be UTF-8 (a file may hold any bytes).
        #expect(problem(Self.body([("Content-Disposition: form-data; name=\"a\"", [0xFF, 0xFE])])) == .encoding)
        #expect(problem(Self.body([Self.file("file", "x.xlsx", [0xFF, 0xFE])])) == nil)
        // Too many parts.
        #expect(problem(Self.body(Array(repeating: Self.field("a", "b"), count: Multipart.maxParts + 1))) == .parts)
    }

    @Test("every refusal is explained in Vietnamese first, then English")
    func messages() {
        for problem in [Multipart.Problem.boundary, .start, .end, .headers, .disposition, .encoding, .parts] {
            #expect(problem.message.vi.contains("multipart/form-data") && problem.message.vi.contains("chưa nhập gì"))
            #expect(problem.message.en.contains("multipart/form-data"))
            #expect(Catalogue.multipartProblem(problem.rawValue).vi != problem.rawValue)
        }
    }

    @Test(
        "only the known files of the interchange format and *.xlsx are accepted, without any path",
        arguments: [
            ("members.csv", "members.csv"),
            ("MEMBERS.CSV", "members.csv"),
            ("Org_Units.csv", "org_units.csv"),
            ("Danh sách đảng viên 2026.xlsx", "Danh sách đảng viên 2026.xlsx"),
            ("du-lieu.XLSX", "du-lieu.XLSX"),
            ("../evil.csv", nil),
            ("../members.csv", nil),
            ("..\\members.csv", nil),
            ("/etc/members.csv", nil),
            ("C:\\fakepath\\members.csv", nil),
            ("sub/book.xlsx", nil),
            ("..", nil),
            (".xlsx", nil),
            (".members.csv", nil),
            ("evil.csv", nil),
            ("members.csv.exe", nil),
            ("members.csv\u{0}.xlsx", nil),
            ("book\n.xlsx", nil),
            ("Positions.csv", "positions.csv"),  // issue 5 added positions.csv and agencies.csv
            ("agencies.csv", "agencies.csv"),
            ("Trainings.CSV", "trainings.csv"),  // and trainings.csv
            ("Evaluations.csv", "evaluations.csv"),  // and evaluations.csv (issue 6)
            ("Congresses.csv", "congresses.csv"),  // and congresses.csv
            ("proposals.txt", nil),
            ("Documents.csv", "documents.csv"),  // and documents.csv, proposals.csv, tasks.csv (issue 7)
            ("PROPOSALS.csv", "proposals.csv"),
            ("tasks.csv", "tasks.csv"),
            ("", nil),
            (String(repeating: "a", count: 300) + ".xlsx", nil),
        ] as [(String, String?)])
    func uploadNames(filename: String, expected: String?) {
        #expect(ImportUpload.acceptedName(filename) == expected)
    }

    @Test("a file name read from a body is still refused when it is a path")
    func traversalThroughTheParser() throws {
        let body = Self.body([Self.field("_csrf", "x"), Self.file("file", "../evil.csv", Array("a,b\n".utf8))])
        let parts = try Multipart.parse(body, contentType: Self.contentType)
        #expect(parts[1].filename == "../evil.csv")
        #expect(ImportUpload.acceptedName(parts[1].filename ?? "") == nil)
    }
}
