import Foundation
import Testing
@testable import ToChucServices

@Suite("XLSX reader and writer")
struct XLSXTests {
    // MARK: Helpers

    /// The rows of the one sheet named `name` in `workbook`.
    static func rows(_ workbook: [(name: String, rows: [[String]])], _ name: String) -> [[String]]? {
        workbook.first { $0.name == name }?.rows
    }

    /// The text of one part of a written package.
    static func part(_ data: Data, _ path: String) throws -> String {
        let package = try XLSX.Package(data: data, maxEntrySize: XLSX.maxEntrySize)
        let bytes = try #require(try package.part(path))
        return String(decoding: bytes, as: UTF8.self)
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRels = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// A hand-made package: one workbook whose sheets are the given worksheet XML bodies (`<sheetData>`…).
    static func package(
        sheets: [(name: String, xml: String)], sharedStrings: String? = nil, styles: String? = nil,
        workbookPr: String = "", extraParts: [(path: String, data: Data)] = []
    ) throws -> Data {
        var workbook = "<workbook xmlns=\"\(main)\" xmlns:r=\"\(rels)\">\(workbookPr)<sheets>"
        var relationships = "<Relationships xmlns=\"\(packageRels)\">"
        var parts: [(path: String, data: Data)] = []
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(sheet.name)\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
            relationships += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(rels)/worksheet\" "
                + "Target=\"worksheets/sheet\(index + 1).xml\"/>"
            parts.append((
                "xl/worksheets/sheet\(index + 1).xml",
                Data("<worksheet xmlns=\"\(main)\" xmlns:r=\"\(rels)\">\(sheet.xml)</worksheet>".utf8)
            ))
        }
        workbook += "</sheets></workbook>"
        if let sharedStrings {
            relationships += "<Relationship Id=\"rIdS\" Type=\"\(rels)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
            parts.append(("xl/sharedStrings.xml", Data("<sst xmlns=\"\(main)\">\(sharedStrings)</sst>".utf8)))
        }
        if let styles {
            relationships += "<Relationship Id=\"rIdT\" Type=\"\(rels)/styles\" Target=\"styles.xml\"/>"
            parts.append(("xl/styles.xml", Data("<styleSheet xmlns=\"\(main)\">\(styles)</styleSheet>".utf8)))
        }
        relationships += "</Relationships>"
        parts.append(("xl/workbook.xml", Data(workbook.utf8)))
        parts.append(("xl/_rels/workbook.xml.rels", Data(relationships.utf8)))
        return try XLSX.zip(parts + extraParts)
    }

    // MARK: Round trip

    static let sample: [XLSXSheet] = [
        XLSXSheet(name: "Nhân sự", rows: [
            [.text("Mã"), .text("Họ và tên"), .text("Ghi chú"), .text("Lương")],
            [.text("NV001"), .text("Nguyễn Văn Ánh"), .text("a, b; \"c\" 'd'"), .number(12_000_000)],
            [.text("NV002"), .empty, .text("=SUM(A1:A2)"), .number(3.5)],
            [],
            [.text("  hai khoảng trắng  "), .text("<tag> & &amp; ]]>"), .empty, .number(-0.25)],
            [.text("dòng 1\ndòng 2\r\ndòng 3\ttab"), .text("điều khiển\u{1}\u{8}\u{B}\u{1F}bị bỏ"), .text("_x0041_ _x005F_")],
            [.empty, .empty, .text("chỉ cột C"), .empty, .empty],
            [.number(0.1), .number(1e-7), .number(84_912_345_678), .number(1e20), .text("👩‍👩‍👧 Đỗ Thị Hằng")],
        ]),
        XLSXSheet(name: "Đơn vị & <khác>", rows: [
            [.text("Mã"), .text("Tên")],
            [.text("DV01"), .text("Phòng Tổ chức – Hành chính")],
        ]),
    ]

    static let sampleExpected: [[String]] = [
        ["Mã", "Họ và tên", "Ghi chú", "Lương"],
        ["NV001", "Nguyễn Văn Ánh", "a, b; \"c\" 'd'", "12000000"],
        ["NV002", "", "=SUM(A1:A2)", "3.5"],
        [],
        ["  hai khoảng trắng  ", "<tag> & &amp; ]]>", "", "-0.25"],
        ["dòng 1\ndòng 2\r\ndòng 3\ttab", "điều khiểnbị bỏ", "_x0041_ _x005F_"],
        ["", "", "chỉ cột C"],
        ["0.1", "1e-07", "84912345678", "1e+20", "👩‍👩‍👧 Đỗ Thị Hằng"],
    ]

    @Test("round trip keeps text verbatim, numbers, gaps and row numbers")
    func roundTrip() throws {
        let data = try XLSX.data(Self.sample)
        let workbook = try XLSX.read(data: data)
        #expect(workbook.map(\.name) == ["Nhân sự", "Đơn vị & <khác>"])
        #expect(Self.rows(workbook, "Nhân sự") == Self.sampleExpected)
        #expect(Self.rows(workbook, "Đơn vị & <khác>") == [["Mã", "Tên"], ["DV01", "Phòng Tổ chức – Hành chính"]])
    }

    @Test("write(to:) and read(url) go through a file")
    func roundTripThroughFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try XLSX.write(Self.sample, to: url)
        let workbook = try XLSX.read(url)
        #expect(Self.rows(workbook, "Nhân sự") == Self.sampleExpected)
    }

    @Test("numbers are numeric cells, text is inline, the header is bold and frozen")
    func writtenXML() throws {
        let data = try XLSX.data(Self.sample)
        let sheet = try Self.part(data, "xl/worksheets/sheet1.xml")
        #expect(sheet.contains("<c r=\"D2\"><v>12000000</v></c>"))
        #expect(sheet.contains("<c r=\"B8\"><v>1E-07</v></c>"))
        #expect(sheet.contains("<c r=\"C3\" t=\"inlineStr\"><is><t>=SUM(A1:A2)</t></is></c>"))
        #expect(!sheet.contains("<f>"))
        #expect(sheet.contains("<c r=\"A1\" s=\"1\" t=\"inlineStr\">"))
        #expect(sheet.contains("state=\"frozen\""))
        #expect(sheet.contains("<t xml:space=\"preserve\">  hai khoảng trắng  </t>"))
        #expect(sheet.contains("&lt;tag&gt; &amp; &amp;amp; ]]&gt;"))
        #expect(sheet.contains("dòng 2&#13;\ndòng 3\ttab"))
        #expect(sheet.contains("_x005F_x0041_ _x005F_x005F_"))
        #expect(!sheet.contains("<row r=\"4\""))  // the empty row is not written
        #expect(sheet.contains("<dimension ref=\"A1:E8\"/>"))
        let styles = try Self.part(data, "xl/styles.xml")
        #expect(styles.contains("<b/>"))
        let workbook = try Self.part(data, "xl/workbook.xml")
        #expect(workbook.contains("name=\"Đơn vị &amp; &lt;khác&gt;\""))
        let types = try Self.part(data, "[Content_Types].xml")
        #expect(types.contains("/xl/worksheets/sheet2.xml"))
        for path in ["_rels/.rels", "docProps/app.xml", "docProps/core.xml", "xl/_rels/workbook.xml.rels"] {
            #expect(try !Self.part(data, path).isEmpty)
        }
    }

    @Test("numbers that cannot be stored as numbers become text; no sheets gives one empty sheet")
    func edgeCasesOnWrite() throws {
        let data = try XLSX.data([XLSXSheet(name: "S", rows: [[.number(.nan), .number(.infinity), .number(-0.0)]])])
        #expect(try XLSX.read(data: data).first?.rows == [["nan", "inf", "0"]])
        let empty = try XLSX.read(data: try XLSX.data([]))
        #expect(empty.count == 1)
        #expect(empty.first?.name == "Sheet1")
        #expect(empty.first?.rows == [])
    }

    @Test("export-like use: text only, empty strings omitted")
    func textOnlySheet() throws {
        let rows: [[String]] = [["ma", "ten", "cha"], ["A", "Gốc", ""], ["B", "Con", "A"]]
        let sheet = XLSXSheet(name: "org_units", rows: rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
        let back = try XLSX.read(data: try XLSX.data([sheet]))
        #expect(back.first?.rows == [["ma", "ten", "cha"], ["A", "Gốc"], ["B", "Con", "A"]])
    }

    // MARK: Sheet names

    @Test("sheet names Excel refuses are refused", arguments: [
        "", String(repeating: "x", count: 32), "a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b",
        "'quoted", "quoted'", "History", "tab\there", "a/\u{301}b",
    ])
    func invalidSheetName(_ name: String) {
        #expect(throws: XLSXError.invalidSheetName(name)) {
            try XLSX.data([XLSXSheet(name: name, rows: [[.text("x")]])])
        }
    }

    @Test("31 characters, Vietnamese, spaces and punctuation are fine")
    func validSheetNames() throws {
        let names = [String(repeating: "ệ", count: 31), "Nhân sự (2024) - bản #1", "it's", "A&B <c>"]
        let data = try XLSX.data(names.map { XLSXSheet(name: $0, rows: []) })
        #expect(try XLSX.read(data: data).map(\.name) == names)
    }

    @Test("duplicate sheet names are refused, ignoring case")
    func duplicateSheetNames() {
        #expect(throws: XLSXError.invalidSheetName("đơn vị")) {
            try XLSX.data([XLSXSheet(name: "Đơn Vị", rows: []), XLSXSheet(name: "đơn vị", rows: [])])
        }
    }

    // MARK: Reading other producers' files

    @Test("reads a workbook written by openpyxl")
    func openpyxlFixture() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/openpyxl-sample.xlsx")
        let workbook = try XLSX.read(url)
        #expect(workbook.map(\.name) == ["Nhân sự", "Đơn vị"])
        #expect(Self.rows(workbook, "Nhân sự") == [
            ["Mã", "Họ và tên", "Ngày sinh", "Lương", "Đang làm", "Ghi chú"],
            ["NV001", "Nguyễn Văn An", "1990-05-17", "12000000", "true", "có dấu phẩy, \"ngoặc kép\""],
            ["NV002", "Trần Thị Bình", "", "3.5", "false", "  khoảng trắng đầu"],
            [],
            ["NV003", "Lê Văn Cường", "2024-01-15 08:30:00", "-0.1", "", "=không phải công thức"],
            ["NV004", "", "2000-02-29", "0.25", "", "", "84912345678"],
        ])
        #expect(Self.rows(workbook, "Đơn vị") == [
            ["Mã đơn vị", "Tên", "Cấp"], ["DV01", "Phòng Tổ chức", "1"], ["DV02", "Ban Giám đốc & Văn phòng", "2"],
        ])
    }

    @Test("shared strings with rich text and phonetic runs, inline rich text, escapes, formulas, booleans, errors")
    func cellKinds() throws {
        let shared = """
            <si><t>plain</t></si>\
            <si><r><rPr><b/></rPr><t>bold </t></r><r><t xml:space="preserve">and plain</t></r>\
            <rPh sb="0" eb="1"><t>PHONETIC</t></rPh><phoneticPr fontId="1"/></si>\
            <si><t>line_x000D__x000A_next _x005F_x0041_</t></si>\
            <si><t/></si>
            """
        let sheet = """
            <sheetData>\
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>\
            <c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>0</v></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><r><t>in</t></r><r><t>line</t></r></is></c>\
            <c r="B2" t="str"><f>CONCAT("a","b")</f><v>ab</v></c>\
            <c r="C2"><f>1+1</f><v>2</v></c><c r="D2"><f>1+1</f></c>\
            <c r="E2" t="b"><v>1</v></c><c r="F2" t="b"><v>0</v></c><c r="G2" t="e"><v>#DIV/0!</v></c>\
            <c r="H2" t="d"><v>2024-03-01T00:00:00Z</v></c><c r="I2" t="d"><v>2024-03-01T10:15:00</v></c></row>\
            <row r="3"><c r="A3"><v>12.0</v></c><c r="B3"><v>1.5E-3</v></c><c r="C3"><v>-7</v></c>\
            <c r="D3"><v>  42  </v></c><c r="E3" t="n"><v>0.30000000000000004</v></c></row>\
            </sheetData>
            """
        let data = try Self.package(sheets: [("S", sheet)], sharedStrings: shared)
        #expect(try XLSX.read(data: data).first?.rows == [
            ["plain", "bold and plain", "line\r\nnext _x0041_", "", "plain"],
            ["inline", "ab", "2", "", "true", "false", "#DIV/0!", "2024-03-01", "2024-03-01T10:15:00"],
            ["12", "0.0015", "-7", "42", "0.30000000000000004"],
        ])
    }

    @Test("cell references place cells; cells and rows without one follow the previous")
    func cellPlacement() throws {
        let sheet = """
            <sheetData>\
            <row r="2"><c r="C2" t="inlineStr"><is><t>C2</t></is></c><c t="inlineStr"><is><t>D2</t></is></c></row>\
            <row><c t="inlineStr"><is><t>A3</t></is></c><c r="AA3"><v>1</v></c></row>\
            <row r="5" spans="1:3"><c r="A5" s="0"/><c r="B5" t="inlineStr"><is><t></t></is></c></row>\
            <row r="7"><c r="b7" t="inlineStr"><is><t>B7</t></is></c></row>\
            <row r="9"><c r="A9"/></row>\
            </sheetData>
            """
        let rows = try #require(try XLSX.read(data: try Self.package(sheets: [("S", sheet)])).first?.rows)
        #expect(rows.count == 7)
        #expect(rows[0] == [])
        #expect(rows[1] == ["", "", "C2", "D2"])
        #expect(rows[2].count == 27)
        #expect(rows[2].first == "A3")
        #expect(rows[2].last == "1")
        #expect(rows[3] == [])
        #expect(rows[4] == [])  // styled empty cells only
        #expect(rows[6] == ["", "B7"])
    }

    @Test("namespace prefixes, absolute targets, 1904 dates and chart sheets")
    func otherProducers() throws {
        let x = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let workbook = """
            <x:workbook xmlns:x="\(x)" xmlns:rel="\(Self.rels)"><x:workbookPr date1904="true"/><x:sheets>\
            <x:sheet name="Dữ liệu" sheetId="1" rel:id="rId7"/><x:sheet name="Biểu đồ" sheetId="2" rel:id="rId8"/>\
            <x:sheet name="Ẩn" sheetId="3" state="hidden" rel:id="rId9"/></x:sheets></x:workbook>
            """
        let relationships = """
            <Relationships xmlns="\(Self.packageRels)">\
            <Relationship Id="rId7" Type="\(Self.rels)/worksheet" Target="/xl/worksheets/data.xml"/>\
            <Relationship Id="rId8" Type="\(Self.rels)/chartsheet" Target="chartsheets/sheet1.xml"/>\
            <Relationship Id="rId9" Type="\(Self.rels)/worksheet" Target="./worksheets/../worksheets/hidden.xml"/>\
            <Relationship Id="rId10" Type="\(Self.rels)/styles" Target="styles.xml"/>\
            </Relationships>
            """
        let styles = """
            <x:styleSheet xmlns:x="\(x)"><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="14"/></x:cellXfs>\
            </x:styleSheet>
            """
        let sheet = """
            <x:worksheet xmlns:x="\(x)"><x:sheetData><x:row r="1"><x:c r="A1" s="1"><x:v>0</x:v></x:c>\
            <x:c r="B1" s="1"><x:v>43831</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Vĩnh</x:t></x:is></x:c>\
            </x:row></x:sheetData></x:worksheet>
            """
        let hidden = "<worksheet xmlns=\"\(x)\"><sheetData><row r=\"1\"><c r=\"A1\"><v>5</v></c></row></sheetData></worksheet>"
        let data = try XLSX.zip([
            ("_rels/.rels", Data("""
                <Relationships xmlns="\(Self.packageRels)"><Relationship Id="rId1" \
                Type="\(Self.rels)/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(relationships.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
            ("xl/worksheets/data.xml", Data(sheet.utf8)),
            ("xl/worksheets/hidden.xml", Data(hidden.utf8)),
            ("xl/chartsheets/sheet1.xml", Data("<chartsheet xmlns=\"\(x)\"/>".utf8)),
        ])
        let read = try XLSX.read(data: data)
        #expect(read.map(\.name) == ["Dữ liệu", "Ẩn"])
        #expect(read.first?.rows == [["1904-01-01", "2024-01-02", "Vĩnh"]])
        #expect(read.last?.rows == [["5"]])
    }

    @Test("date styles: built-in and custom date formats become dates, other formats stay numbers")
    func dateStyles() throws {
        let styles = """
            <numFmts count="6"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/>\
            <numFmt numFmtId="165" formatCode="[$-409]mmmm d, yyyy;@"/>\
            <numFmt numFmtId="166" formatCode="#,##0 &quot;đ&quot;"/>\
            <numFmt numFmtId="167" formatCode="h:mm:ss"/><numFmt numFmtId="168" formatCode="[h]:mm"/>\
            <numFmt numFmtId="169" formatCode="d/m/yy h:mm AM/PM"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>\
            <cellXfs count="9"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/>\
            <xf numFmtId="166"/><xf numFmtId="10"/><xf numFmtId="167"/><xf numFmtId="168"/><xf numFmtId="169"/>\
            </cellXfs>
            """
        let sheet = """
            <sheetData><row r="1">\
            <c r="A1" s="0"><v>45292</v></c><c r="B1" s="1"><v>45292</v></c><c r="C1" s="2"><v>45292.75</v></c>\
            <c r="D1" s="3"><v>45292</v></c><c r="E1" s="4"><v>45292</v></c><c r="F1" s="5"><v>0.125</v></c>\
            <c r="G1" s="6"><v>0.5</v></c><c r="H1" s="7"><v>1.5</v></c><c r="I1" s="8"><v>45292.75</v></c>\
            <c r="J1" s="99"><v>45292</v></c><c r="K1" s="1"><v>-1</v></c></row></sheetData>
            """
        let data = try Self.package(sheets: [("S", sheet)], styles: styles)
        #expect(try XLSX.read(data: data).first?.rows == [[
            "45292", "2024-01-01", "2024-01-01", "2024-01-01", "45292", "0.125", "12:00:00", "1.5",
            "2024-01-01 18:00:00", "45292", "-1",
        ]])
    }

    @Test("serial dates in both date systems", arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (60.0, false, "1900-02-29"),
        (61.0, false, "1900-03-01"), (25_569.0, false, "1970-01-01"), (36_526.0, false, "2000-01-01"),
        (45_351.0, false, "2024-02-29"), (2_958_465.0, false, "9999-12-31"), (0.0, true, "1904-01-01"),
        (43_830.0, true, "2024-01-01"), (45_292.999_999_99, false, "2024-01-02"),
    ])
    func serialDates(serial: Double, date1904: Bool, expected: String) {
        #expect(XLSX.dateText(serial: serial, date1904: date1904, withTime: false) == expected)
    }

    @Test("number format classification", arguments: [
        ("yyyy-mm-dd", XLSX.NumberFormatKind.date(showsTime: false)),
        ("dd/mm/yyyy hh:mm", .date(showsTime: true)), ("mmm-yy", .date(showsTime: false)),
        ("[$-42A]dddd, d mmmm yyyy", .date(showsTime: false)), ("m/d", .date(showsTime: false)),
        ("h:mm AM/PM", .time), ("mm:ss", .time), ("[mm]:ss", .time), ("General", .number), ("0.00%", .number),
        ("#,##0 \"ngày\"", .number), ("[Red]#,##0.00;[Blue]-#,##0.00", .number), ("0.00E+00", .number),
        ("_-* #,##0 _đ_-;-* #,##0 _đ_-", .number), ("@", .number), ("0 \\d", .number),
    ])
    func classifyFormat(code: String, kind: XLSX.NumberFormatKind) {
        #expect(XLSX.classifyFormat(code) == kind)
    }

    // MARK: Refusals

    @Test("not a zip, or a zip without a workbook, is not an XLSX")
    func notAnXLSX() throws {
        for data in [Data(), Data("ma,ten\nA,Gốc\n".utf8), Data([0x50, 0x4B, 0x03, 0x04, 0, 0, 0])] {
            #expect(throws: XLSXError.self) { try XLSX.read(data: data) }
            do { _ = try XLSX.read(data: data) } catch let error as XLSXError {
                guard case .notAnXLSX = error else { Issue.record("\(error)"); continue }
            }
        }
        let odsLike = try XLSX.zip([("mimetype", Data("application/vnd.oasis.opendocument.spreadsheet".utf8))])
        #expect(throws: XLSXError.notAnXLSX("no xl/workbook.xml")) { try XLSX.read(data: odsLike) }
        let docxLike = try XLSX.zip([
            ("_rels/.rels", Data("""
                <Relationships xmlns="\(Self.packageRels)"><Relationship Id="rId1" \
                Type="\(Self.rels)/officeDocument" Target="word/document.xml"/></Relationships>
                """.utf8)),
            ("word/document.xml", Data("<document/>".utf8)),
        ])
        #expect(throws: XLSXError.notAnXLSX("word/document.xml is not a workbook")) { try XLSX.read(data: docxLike) }
        let notWorkbook = try XLSX.zip([("xl/workbook.xml", Data("<document/>".utf8))])
        #expect(throws: XLSXError.notAnXLSX("xl/workbook.xml is not a workbook")) {
            try XLSX.read(data: notWorkbook)
        }
    }

    @Test("a missing worksheet part or relationships part is reported")
    func missingPart() throws {
        var parts = try XLSX.parts(for: [XLSXSheet(name: "A", rows: [[.text("x")]])])
        parts.removeAll { $0.path == "xl/worksheets/sheet1.xml" }
        #expect(throws: XLSXError.missingPart("xl/worksheets/sheet1.xml")) { try XLSX.read(data: try XLSX.zip(parts)) }
        parts.removeAll { $0.path == "xl/_rels/workbook.xml.rels" }
        #expect(throws: XLSXError.missingPart("xl/_rels/workbook.xml.rels")) {
            try XLSX.read(data: try XLSX.zip(parts))
        }
    }

    @Test("malformed XML, DTDs, bad references and bad string indexes are malformedXML")
    func malformed() throws {
        let bodies = [
            "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"1A\"><v>1</v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData>",
            "<sheetData><row r=\"0\"><c r=\"A1\"><v>1</v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row></sheetData>",
        ]
        for body in bodies {
            let data = try Self.package(sheets: [("S", body)], sharedStrings: "<si><t>only</t></si>")
            #expect(throws: XLSXError.self) { try XLSX.read(data: data) }
            do { _ = try XLSX.read(data: data) } catch let error as XLSXError {
                guard case .malformedXML = error else { Issue.record("\(body): \(error)"); continue }
            }
        }
        var parts = try XLSX.parts(for: [XLSXSheet(name: "A", rows: [[.text("x")]])])
        let index = try #require(parts.firstIndex { $0.path == "xl/worksheets/sheet1.xml" })
        parts[index].data = Data("""
            <?xml version="1.0"?><!-- c --><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]>\
            <worksheet xmlns="\(Self.main)"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&a;</t></is></c>\
            </row></sheetData></worksheet>
            """.utf8)
        #expect(throws: XLSXError.malformedXML("xl/worksheets/sheet1.xml: a DTD is not allowed")) {
            try XLSX.read(data: try XLSX.zip(parts))
        }
    }

    @Test("an entry that unpacks to more than the limit is refused (zip bomb)")
    func zipBomb() throws {
        let rows = (0..<2000).map { [XLSXCell.text("hàng \($0)"), .number(Double($0))] }
        let data = try XLSX.data([XLSXSheet(name: "Big", rows: rows)])
        #expect(try XLSX.read(data: data, maxEntrySize: 1_000_000, maxCells: XLSX.maxCells).first?.rows.count == 2000)
        #expect(throws: XLSXError.notAnXLSX("xl/worksheets/sheet1.xml unpacks to more than 10000 bytes")) {
            try XLSX.read(data: data, maxEntrySize: 10_000, maxCells: XLSX.maxCells)
        }
    }

    @Test("far-away sparse cells cannot blow up memory")
    func cellBudget() throws {
        var body = "<sheetData>"
        for row in 1...7 { body += "<row r=\"\(row)\"><c r=\"XFD\(row)\"><v>1</v></c></row>" }
        body += "</sheetData>"
        let data = try Self.package(sheets: [("S", body), ("T", body)])
        #expect(try XLSX.read(data: data, maxEntrySize: XLSX.maxEntrySize, maxCells: 16_384 * 14).count == 2)
        // The budget is for the whole workbook.
        #expect(throws: XLSXError.malformedXML("xl/worksheets/sheet2.xml: too many cells")) {
            try XLSX.read(data: data, maxEntrySize: XLSX.maxEntrySize, maxCells: 16_384 * 13)
        }
    }

    @Test("a large sheet round-trips quickly enough")
    func largeSheet() throws {
        let rows = (0..<20_000).map { index -> [XLSXCell] in
            [.text("DV\(index)"), .text("Đơn vị số \(index), \"Hà Nội\""), .number(Double(index) * 1.5), .empty, .text("x")]
        }
        let clock = ContinuousClock()
        let start = clock.now
        let data = try XLSX.data([XLSXSheet(name: "Lớn", rows: rows)])
        let back = try #require(try XLSX.read(data: data).first?.rows)
        #expect(back.count == 20_000)
        #expect(back[19_999] == ["DV19999", "Đơn vị số 19999, \"Hà Nội\"", "29998.5", "", "x"])
        #expect(clock.now - start < .seconds(60))
    }

    @Test("XML parts over 10 MB parse (libxml2 refuses one chunk that big)")
    func bigXMLPart() throws {
        let attribute = String(repeating: "đ", count: 500)  // 1000 bytes
        var xml = "<a>"
        for _ in 0..<11_000 { xml += "<b v=\"\(attribute)\"/>" }
        xml += "</a>"
        var elements = 0
        try XLSX.parseXML(Data(xml.utf8), part: "big.xml", start: { _, attributes in
            if attributes["v"] == attribute || elements == 0 { elements += 1 }
        })
        #expect(elements == 11_001)
    }

    // MARK: Cross-check with openpyxl (optional)

    /// With TOCHUC_XLSX_EXPORT=DIR, writes DIR/swift-sample.xlsx and DIR/swift-sample.json for
    /// `tests/xlsx_roundtrip_check.py check DIR/swift-sample.xlsx` (openpyxl reads what Swift wrote).
    @Test("export a sample for the openpyxl check", .enabled(if: ProcessInfo.processInfo.environment["TOCHUC_XLSX_EXPORT"] != nil))
    func exportForOpenpyxl() throws {
        let directory = URL(fileURLWithPath: try #require(ProcessInfo.processInfo.environment["TOCHUC_XLSX_EXPORT"]))
        try XLSX.write(Self.sample, to: directory.appendingPathComponent("swift-sample.xlsx"))
        // What openpyxl should see: numbers as numbers, text (control characters dropped), gaps as null.
        let expected: [[String: Any]] = Self.sample.map { sheet in
            let rows: [[Any]] = sheet.rows.map { row in
                row.map { cell -> Any in
                    switch cell {
                    case .empty: return NSNull()
                    case .number(let value): return value.isFinite ? value : "\(value)"
                    case .text(let text): return text.isEmpty ? NSNull() : XLSX.stripForbiddenCharacters(text)
                    }
                }
            }
            return ["name": sheet.name, "rows": rows]
        }
        let json = try JSONSerialization.data(withJSONObject: expected, options: [.prettyPrinted, .sortedKeys])
        try json.write(to: directory.appendingPathComponent("swift-sample.json"))
    }
}
