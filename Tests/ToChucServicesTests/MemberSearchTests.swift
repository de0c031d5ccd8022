import Foundation
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
        ("Nguyễn Ngọc Ngà", "T01-A-C1"),
    ]

    struct Case: Sendable, CustomTestStringConvertible {
        let text: String
        let unit: String
        let expected: [String]
        var testDescription: String { "\"\(text)\" in \(unit.isEmpty ? "everything" : unit)" }
    }

    /// Expected answers in Vietnamese name order (given name first).
    static let cases: [Case] = [
        Case(text: "nguyen", unit: "", expected: ["Nguyễn Thị Kim-Anh", "Nguyễn Ngọc Ngà", "Nguyễn Văn Tú", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        // Three words of one name start with "ng": the member is listed once.
        Case(text: "ng", unit: "", expected: ["Nguyễn Thị Kim-Anh", "Nguyễn Ngọc Ngà", "Nguyễn Văn Tú", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "ng nga", unit: "", expected: ["Nguyễn Ngọc Ngà"]),
        Case(text: "tu", unit: "", expected: ["Nguyễn Văn Tú", "Phạm Đức Tuấn", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "tu tung", unit: "", expected: ["Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "anh", unit: "", expected: ["Nguyễn Thị Kim-Anh", "Lê Thị Ánh"]),
        Case(text: "nguyen", unit: "T01-A-C1", expected: ["Nguyễn Ngọc Ngà", "Nguyễn Tú Tùng", "Nguyễn Văn Tùng"]),
        Case(text: "", unit: "T01-B-C1", expected: ["Trần Văn An", "Nguyễn Thị Kim-Anh", "Lê Thị Ánh", "Nguyễn Văn Tú"]),
        Case(text: "xyz", unit: "", expected: []),
    ]

    /// Large caps: the smallest set drives; driver cap 0: the rarest word's entries are walked in name order (in one
    /// batch, or in growing batches from one entry); no merged words either: the name order itself is walked.
    static let plans = [
        MemberSearch.Caps(driver: 1_000_000), MemberSearch.Caps(driver: 0), MemberSearch.Caps(driver: 0, mergedWords: 0),
        // A walk in batches of one entry, then two, four …: members with several matching words straddle batches.
        MemberSearch.Caps(driver: 0, firstWalkBatch: 1),
    ]

    @Test("every plan — rarest word, subtree, the rarest word in name order, the name order — gives the same members in the same order", arguments: cases)
    func plansAgree(_ c: Case) async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for (index, (name, unit)) in Self.names.enumerated() {
                _ = try await t.services.members.create(Self.cli, MemberTests.draft(name, card: "3000000\(index)", unit: unit), today: Self.today)
            }
            // Someone who died is no longer listed (the default filter), whichever plan runs.
            var gone = MemberTests.draft("Nguyễn Văn Tùng", card: "30000099", unit: "T01-A-C1", birth: "1950-03-01", status: "deceased")
            gone.leftOn = "2020-06-01"
            _ = try await t.services.members.create(Self.cli, gone, today: Self.today)
            var query = MemberQuery()
            query.text = c.text
            query.unitCode = c.unit
            for caps in Self.plans {
                let page = try await MemberSearch.$caps.withValue(caps) { try await t.services.members.search(Self.cli, query) }
                #expect(page.items.map(\.record.fullName) == c.expected, "caps \(caps)")
                #expect(page.total == c.expected.count)
                #expect(!page.totalIsLowerBound)
            }
        }
    }

    @Test("a walk counts nothing: a full page says there is more, the last page gives the total")
    func cappedTotal() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for (index, (name, unit)) in Self.names.enumerated() {
                _ = try await t.services.members.create(Self.cli, MemberTests.draft(name, card: "3000000\(index)", unit: unit), today: Self.today)
            }
            for caps in Self.plans.dropFirst() {
                var query = MemberQuery()
                query.text = "nguyen"
                query.perPage = 2
                let first = try await MemberSearch.$caps.withValue(caps) { try await t.services.members.search(Self.cli, query) }
                #expect(first.total == 2 && first.totalIsLowerBound && first.pageCount == 2, "caps \(caps)")
                #expect(first.items.map(\.record.fullName) == ["Nguyễn Thị Kim-Anh", "Nguyễn Ngọc Ngà"])
                query.page = 2
                let middle = try await MemberSearch.$caps.withValue(caps) { try await t.services.members.search(Self.cli, query) }
                #expect(middle.total == 4 && middle.totalIsLowerBound, "caps \(caps)")
                #expect(middle.items.map(\.record.fullName) == ["Nguyễn Văn Tú", "Nguyễn Tú Tùng"])
                query.page = 3
                let last = try await MemberSearch.$caps.withValue(caps) { try await t.services.members.search(Self.cli, query) }
                #expect(last.total == 5 && !last.totalIsLowerBound, "caps \(caps)")
                #expect(last.items.map(\.record.fullName) == ["Nguyễn Văn Tùng"])
            }
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
            let before = try await Self.index(t)
            try await t.services.db.write { sql in try await MemberSearchIndex.rebuild(sql) }
            let after = try await Self.index(t)
            let key = VietnameseText.nameSortKey("Nguyễn Văn Tuấn")
            #expect(before.terms == ["nguyen \(key) \(created.id)", "tuan \(key) \(created.id)", "van \(key) \(created.id)"])
            // The renamed word keeps a count of 0 until a rebuild drops it.
            #expect(before.words.filter { !$0.hasSuffix(" 0") } == ["nguyen 1", "tuan 1", "van 1"])
            #expect(before.words.contains("tung 0"))
            #expect(after.terms == before.terms)
            #expect(after.words == ["nguyen 1", "tuan 1", "van 1"])
        }
    }

    @Test("a large first load builds the indexes and triggers after the rows: they come back as the migrations made them, and a failure keeps them")
    func indexesBuiltAfterALoad() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let before = try await Self.indexDefinitions(t)
            #expect(before.contains { $0.hasPrefix("members_sort ") } && before.contains { $0.hasPrefix("member_terms_member ") })
            #expect(before.contains { $0.hasPrefix("members_count") }, "the triggers that keep the member counts (MemberCounts)")
            let folder = t.folder.appendingPathComponent("members-load")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(MemberTests.membersCSV.utf8).write(to: folder.appendingPathComponent("members.csv"))
            let summary = try await MemberImport.$indexesAfterLoadOf.withValue(1) {
                try await t.services.interchange.importDataset(Self.cli, at: folder)
            }
            #expect(summary.created == 4)
            #expect(try await Self.indexDefinitions(t) == before)
            var query = MemberQuery()
            query.text = "mai"
            #expect(try await t.services.members.search(Self.cli, query).total == 1)
            struct Refused: Error {}
            await #expect(throws: Refused.self) {
                try await t.services.db.write { sql in
                    try await BulkInsert.withIndexesBuiltAfter(sql, tables: ["members", "member_terms"]) { throw Refused() }
                }
            }
            #expect(try await Self.indexDefinitions(t) == before)
        }
    }

    /// The secondary indexes of the register's tables, as the engine's catalogue has them.
    static func indexDefinitions(_ t: TestDatabase) async throws -> [String] {
        try await t.services.db.read { sql in
            let query: SQLQueryString =
                sql.dialect.name == "sqlite"
                ? "SELECT name, sql AS definition FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name IN ('members', 'member_terms') AND sql IS NOT NULL ORDER BY name"
                : """
                SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ('members', 'member_terms')
                UNION ALL SELECT t.tgname, pg_get_triggerdef(t.oid) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relname IN ('members', 'member_terms') AND NOT t.tgisinternal ORDER BY 1
                """
            return try await sql.raw(query).all().map {
                "\(try $0.decode(column: "name", as: String.self)) \(try $0.decode(column: "definition", as: String.self))"
            }
        }
    }

    /// The word index and the word counts as text lines.
    static func index(_ t: TestDatabase) async throws -> (terms: [String], words: [String]) {
        try await t.services.db.read { sql in
            let terms = try await sql.raw("SELECT term, sort_key, member_id FROM member_terms ORDER BY term, member_id").all().map {
                "\(try $0.decode(column: "term", as: String.self)) \(try $0.decode(column: "sort_key", as: String.self)) \(try $0.decode(column: "member_id", as: Int64.self))"
            }
            let words = try await sql.raw("SELECT term, members FROM name_words ORDER BY term").all().map {
                "\(try $0.decode(column: "term", as: String.self)) \(try $0.decode(column: "members", as: Int64.self))"
            }
            return (terms, words)
        }
    }
}
