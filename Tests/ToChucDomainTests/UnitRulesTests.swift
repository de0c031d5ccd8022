import Foundation
import Testing
import ToChucDomain

/// DOMAIN.md §1 and INTERCHANGE.md org_units.csv: what a unit's own attributes must be.
@Suite struct UnitRulesTests {
    static func draft(
        code: String = "C1", name: String = "Chi bộ thôn 1", kind: String = "cell", parent: String = "X", sector: String = "commune",
        founded: String = "", dissolved: String = ""
    ) -> UnitDraft {
        UnitDraft(code: code, name: name, kind: kind, parentCode: parent, sector: sector, hasCommittee: false, foundedOn: founded, dissolvedOn: dissolved)
    }

    @Test(
        "enumerations accept the English key or the Vietnamese label, ignoring case and accents (INTERCHANGE.md)",
        arguments: [
            ("cell", UnitKind.cell), ("Chi bộ", .cell), ("chi bo", .cell), ("CƠ SỞ", .base), ("upper_base", .upperBase),
            ("Cấp trên cơ sở", .upperBase), ("Đảng bộ bộ phận", .subBase), ("Trung ương", .central),
        ])
    func kinds(text: String, kind: UnitKind) {
        #expect(UnitRules.parseKind(text) == kind)
    }

    @Test("unknown kinds and sectors are not guessed")
    func unknownEnumerations() {
        #expect(UnitRules.parseKind("ward") == nil)
        #expect(UnitRules.parseSector("private") == nil)
        #expect(UnitRules.parseSector("Doanh nghiệp ngoài nhà nước") == .nonStateEnterprise)
    }

    @Test(
        "flags: true/false, có/không, 1/0, x or empty", arguments: [("true", true), ("có", true), ("Có", true), ("x", true), ("1", true), ("", false), ("không", false), ("false", false)])
    func flags(text: String, value: Bool) {
        #expect(UnitRules.parseFlag(text) == value)
    }

    @Test(
        "each broken rule names its field",
        arguments: [
            (draft(code: ""), "code"), (draft(code: "C 1"), "code"), (draft(code: "Chi-bộ"), "code"),
            (draft(code: String(repeating: "A", count: 41)), "code"), (draft(name: "  "), "name"),
            (draft(name: String(repeating: "a", count: 301)), "name"), (draft(kind: "ward"), "kind"), (draft(sector: "?"), "sector"),
            (draft(founded: "2020-02-30"), "founded_on"), (draft(founded: "2020-05-01", dissolved: "2020-04-30"), "dissolved_on"),
        ])
    func refusals(draft: UnitDraft, field: String) {
        guard case .failure(.invalid(_, let errors)) = UnitRules.check(draft, parentKind: .base) else {
            Issue.record("accepted \(draft)")
            return
        }
        #expect(errors.map(\.field).contains(field))
    }

    @Test(
        "a unit sits only under a higher kind; any higher kind will do (DOMAIN.md §1: a real tree is not uniform)",
        arguments: [
            (UnitKind.provincial, UnitKind.cell, true), (.base, .cell, true), (.subBase, .cell, true), (.central, .base, true),
            (.cell, .cell, false), (.base, .base, false), (.cell, .base, false), (.base, .provincial, false),
        ])
    func parentKinds(parent: UnitKind, child: UnitKind, allowed: Bool) {
        let result = UnitRules.check(Self.draft(kind: child.rawValue), parentKind: parent)
        if case .success = result { #expect(allowed) } else { #expect(!allowed) }
    }

    @Test("a good draft becomes typed values, trimmed, dates parsed from either form")
    func accepted() throws {
        let valid = try UnitRules.check(Self.draft(code: " C1 ", name: " Chi bộ thôn 1 ", founded: "02/09/1945", dissolved: "2025-07-01"), parentKind: .base).get()
        #expect(valid.code == "C1")
        #expect(valid.name == "Chi bộ thôn 1")
        #expect(valid.foundedOn == CivilDate(year: 1945, month: 9, day: 2))
        #expect(valid.dissolvedOn == CivilDate(year: 2025, month: 7, day: 1))
    }
}

/// RFC 4180 as INTERCHANGE.md asks: quoting, embedded line breaks, BOM, and lines of each record.
@Suite struct CSVTests {
    @Test("quoted fields keep commas, quotes and line breaks; records know their first line")
    func quoting() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\nlast,\n"
        let records = try CSV.parse(Data(text.utf8))
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"], ["last", ""]])
        #expect(records.map(\.line) == [1, 2, 3, 6])
    }

    @Test(
        "fields of every shape: Vietnamese text, CR alone, quoted empty, text after a closing quote, no final line break",
        arguments: [
            ("Nguyễn Văn Đặng,Hà Nội\n", [["Nguyễn Văn Đặng", "Hà Nội"]], [1]),
            ("a\rb\r\nc", [["a"], ["b"], ["c"]], [1, 2, 3]),
            ("\"\"\n,\n\n\n", [[""], ["", ""]], [1, 2]),
            ("\"Đảng\" bộ,\"x\"\"\"y\n", [["Đảng bộ", "x\"y"]], [1]),
            ("\"a\r\nb\",\"\"\"\"", [["a\r\nb", "\""]], [1]),
            ("", [], []),
        ] as [(String, [[String]], [Int])])
    func shapes(text: String, fields: [[String]], lines: [Int]) throws {
        let records = try CSV.parse(text)
        #expect(records.map(\.fields) == fields)
        #expect(records.map(\.line) == lines)
    }

    @Test("an unclosed quote and a non-UTF-8 file are refused")
    func malformed() {
        #expect(throws: CSV.ParseError.unclosedQuote(line: 2)) { try CSV.parse("a\n\"b\nc") }
        #expect(throws: CSV.ParseError.notUTF8) { try CSV.parse(Data([0x61, 0xff, 0xfe, 0x0a])) }
        #expect(throws: CSV.ParseError.nulCharacter(line: 2)) { try CSV.parse("a,b\nc\u{0},d\n") }
    }

    @Test("writing quotes only what needs it and reads back the same")
    func writing() throws {
        let fields = ["plain", "a,b", "quote\"d", " padded", "=1+1", "Đảng bộ"]
        let line = CSV.line(fields)
        #expect(line == "plain,\"a,b\",\"quote\"\"d\",\" padded\",=1+1,Đảng bộ\r\n")
        #expect(try CSV.parse(line).first?.fields == fields)
    }

    @Test("cells meant for Excel that would run as formulas get an apostrophe (OWASP CSV injection)", arguments: [("=SUM(A1)", "'=SUM(A1)"), ("+84", "'+84"), ("-1", "'-1"), ("@x", "'@x"), ("Hà Nội", "Hà Nội"), ("", "")])
    func spreadsheetSafe(value: String, expected: String) {
        #expect(CSV.spreadsheetSafe(value) == expected)
    }

    @Test("headers match the English or the Vietnamese name, ignoring case, accents and spaces; unknown and missing columns are named")
    func headers() {
        let good = HeaderMapping.map(header: ["Mã", "TÊN TỔ CHỨC", "loai", "Mã cấp trên"], columns: OrgUnitsFile.columns, file: "org_units.csv", line: 1)
        #expect((try? good.get()) == ["code": 0, "name": 1, "kind": 2, "parent_code": 3])
        guard case .failure(let failure) = HeaderMapping.map(header: ["code", "colour"], columns: OrgUnitsFile.columns, file: "org_units.csv", line: 1) else {
            Issue.record("accepted")
            return
        }
        #expect(failure.problems.map { $0.text(.en) } == [
            "org_units.csv:1: colour: Unknown column: “colour”.", "org_units.csv:1: name: Missing column “name”.",
            "org_units.csv:1: kind: Missing column “kind”.",
        ])
    }
}
