import SQLKit
import Testing
import ToChucDomain
import ToChucStorage

@testable import ToChucServices

/// Issue 4: search is fast on millions because the smallest set drives it (MemberSearch); whichever set drives,
/// the answer must be the same.
@Suite struct MemberSearchTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    static let names: [(String, String)] = [
        ("Nguyễn Văn Tùng", "T01-A-C1"), ("Nguyễn Tú Tùng", "T01-A-C1"), ("Đặng Thị Lan", "T01-A-C1"), ("Trần Văn An", "T01-B-C1"),
        ("Lê Thị Ánh", "T01-B-C1"), ("Nguyễn Thị Kim-Anh", "T01-B-C1"), ("Phạm Đức Tuấn", "T01-A-C1"), ("Nguyễn Văn Tú", "T01-B-C1"),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let unit: String
        let expected: [String]
        var testDescription: String { "\"\(text)\" in \(unit.isEmpty ? "everything" : unit)" }
    }

    /// Expected answers in Vietnamese name order (given name first).
    static let cases: [Case] = [
        Case(text: "nguyen", unit: "", expected: ["Nguyễn Thị Kim-Anh", "Nguyễn Văn Tú", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "tu", unit: "", expected: ["Nguyễn Văn Tú", "Phạm Đức Tuấn", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "tu tung", unit: "", expected: ["Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "anh", unit: "", expected: ["Nguyễn Thị Kim-Anh", "Lê Thị Ánh"]),
        Case(text: "nguyen", unit: "T01-A-C1", expected: ["Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "", unit: "T01-B-C1", expected: ["Trần Văn An", "Nguyễn Thị Kim-Anh", "Lê Thị Ánh", "Nguyễn Văn Tú"]),
        Case(text: "xyz", unit: "", expected: []),
    ]

    @Test("every plan — rarest word, subtree, or walking the name order — gives the same members in the same order", arguments: cases)
    func plansAgree(_ c: Case) async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for (index, (name, unit)) in Self.names.enumerated() {
                _ = try await t.services.members.create(Self.cli, MemberTests.draft(name, card: "3000000\(index)", unit: unit), today: Self.today)
            }
            var query = MemberQuery()
            query.text = c.text
            query.unitCode = c.unit
            // Large caps: the smallest set drives; cap 0: the name order is walked.
            for caps in [MemberSearch.Caps(driver: 1_000_000), MemberSearch.Caps(driver: 0)] {
                let page = try await MemberSearch.$caps.withValue(caps) { try await t.services.members.search(Self.cli, query) }
                #expect(page.items.map(\.record.fullName) == c.expected, "caps \(caps)")
                #expect(page.total == c.expected.count)
                #expect(!page.totalIsLowerBound)
            }
        }
    }

    @Test("walking the name order counts nothing: a full page says there is more, the last page gives the total")
    func cappedTotal() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for (index, (name, unit)) in Self.names.enumerated() {
                _ = try await t.services.members.create(Self.cli, MemberTests.draft(name, card: "3000000\(index)", unit: unit), today: Self.today)
            }
            var query = MemberQuery()
            query.text = "nguyen"
            query.perPage = 2
            let first = try await MemberSearch.$caps.withValue(.init(driver: 0)) { try await t.services.members.search(Self.cli, query) }
            #expect(first.total == 2 && first.totalIsLowerBound && first.pageCount == 2)
            #expect(first.items.map(\.record.fullName) == ["Nguyễn Thị Kim-Anh", "Nguyễn Văn Tú"])
            query.page = 2
            let last = try await MemberSearch.$caps.withValue(.init(driver: 0)) { try await t.services.members.search(Self.cli, query) }
            #expect(last.total == 4 && !last.totalIsLowerBound)
            #expect(last.items.map(\.record.fullName) == ["Nguyễn Tú Tùng", "Nguyễn Văn Tùng"])
        }
    }

    @Test("a change of name moves the member in the word index; the migration's rebuild gives the same index")
    func renameAndRebuild() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let created = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "30000001"), today: Self.today)
            var draft = created.draft
            draft.fullName = "Nguyễn Văn Tuấn"
            _ = try await t.services.members.update(Self.cli, id: created.id, draft, expectedVersion: created.version, today: Self.today)
            var query = MemberQuery()
            query.text = "tung"
            #expect(try await t.services.members.search(Self.cli, query).total == 0)
            query.text = "tuan"
            #expect(try await t.services.members.search(Self.cli, query).total == 1)
            let before = try await t.services.db.read { sql in
                try await sql.raw("SELECT term, member_id FROM member_terms ORDER BY term, member_id").all().map {
                    "\(try $0.decode(column: "term", as: String.self)) \(try $0.decode(column: "member_id", as: Int64.self))"
                }
            }
            try await t.services.db.write { sql in try await MemberSearchIndex.rebuild(sql) }
            let after = try await t.services.db.read { sql in
                try await sql.raw("SELECT term, member_id FROM member_terms ORDER BY term, member_id").all().map {
                    "\(try $0.decode(column: "term", as: String.self)) \(try $0.decode(column: "member_id", as: Int64.self))"
                }
            }
            #expect(before == ["nguyen \(created.id)", "tuan \(created.id)", "van \(created.id)"])
            #expect(after == before)
        }
    }
}
