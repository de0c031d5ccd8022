import SQLKit
import ToChucDomain

/// The word index behind name search (issue 4: fast on millions of members, accents optional).
///
/// Each member's name is split into folded words (`VietnameseText.searchTerms`: "Đặng Thị Kim-Anh" →
/// dang, thi, kim, anh); `member_terms` holds one row per (word, member) with the member's name sort key and folded
/// name (the other typed words are checked on the entry itself), keyed by
/// (word, sort key, id): a typed prefix is one range scan on both engines, and one word's members come out in
/// Vietnamese name order, so a page of a common word is read without sorting its hundreds of thousands of members
/// (FACTS.md: LIKE '%…%' scans every row; FTS5 and pg_trgm differ per engine and keep no order). `name_words`
/// counts the members of each distinct word, so that the rarest typed word is known before any scan.
/// `members.name_folded` holds the same words between spaces for checking the other words of a query.
public enum MemberSearchIndex {
    /// The folded words of a name, each once, in order.
    public static func terms(_ fullName: String) -> [String] { VietnameseText.searchTerms(fullName) }

    /// ` nguyen van tung `: the stored form of the words, for `LIKE '% tu%'` checks.
    public static func foldedName(_ terms: [String]) -> String { " " + terms.joined(separator: " ") + " " }

    /// The range of stored words that start with `prefix` (binary order on both engines).
    public static func prefixRange(_ prefix: String) -> (lower: String, upper: String) { (prefix, prefix + "\u{FFFF}") }

    public static let columns = ["term", "sort_key", "member_id", "name_folded"]

    /// A member as the index sees it.
    public struct Entry: Sendable {
        public let id: Int64
        public let terms: [String]
        public let sortKey: String
        public init(id: Int64, terms: [String], sortKey: String) {
            self.id = id
            self.terms = terms
            self.sortKey = sortKey
        }
    }

    /// Rows of `member_terms` for members just written (ids known), for `BulkInsert`, in key order: so they go into
    /// the index's pages one after another instead of all over it.
    public static func rows(_ members: [Entry]) -> [[SQLValue]] {
        var keys: [(term: String, entry: Int)] = []
        keys.reserveCapacity(members.count * 3)
        for (index, member) in members.enumerated() {
            for term in member.terms { keys.append((term, index)) }
        }
        keys.sort { $0.term != $1.term ? $0.term < $1.term : members[$0.entry].sortKey < members[$1.entry].sortKey }
        let folded = members.map { foldedName($0.terms) }
        return keys.map { key in
            let member = members[key.entry]
            return [.text(key.term), .text(member.sortKey), .integer(member.id), .text(folded[key.entry])]
        }
    }

    /// New members' index rows and word counts, computed apart from the writing (a bulk import prepares the next
    /// chunk while the engine writes this one).
    public struct Addition: Sendable {
        let rows: [[SQLValue]]
        let counts: [String: Int64]
    }

    public static func addition(_ members: [Entry]) -> Addition {
        var counts: [String: Int64] = [:]
        for member in members { for term in member.terms { counts[term, default: 0] += 1 } }
        return Addition(rows: rows(members), counts: counts)
    }

    /// Writes the index rows of new members and adds them to the word counts.
    public static func add(_ sql: any SQLDatabase, _ members: [Entry]) async throws {
        try await add(sql, addition(members))
    }

    public static func add(_ sql: any SQLDatabase, _ addition: Addition) async throws {
        try await BulkInsert.insert(sql, table: "member_terms", columns: columns, rows: addition.rows)
        try await count(sql, addition.counts)
    }

    /// Removes one member from the index (before the member's row is deleted, or its name changes).
    public static func remove(_ sql: any SQLDatabase, memberId: Int64) async throws {
        let old = try await sql.raw("SELECT term FROM member_terms WHERE member_id = \(bind: memberId)").all()
            .map { try $0.decode(column: "term", as: String.self) }
        try await sql.raw("DELETE FROM member_terms WHERE member_id = \(bind: memberId)").run()
        try await count(sql, Dictionary(old.map { ($0, -1) }, uniquingKeysWith: +))
    }

    /// Replaces one member's words (after a create or a change of name).
    public static func replace(_ sql: any SQLDatabase, memberId: Int64, fullName: String) async throws {
        try await remove(sql, memberId: memberId)
        try await add(sql, [Entry(id: memberId, terms: terms(fullName), sortKey: VietnameseText.nameSortKey(fullName))])
    }

    /// Adds `delta` to each word's count (an upsert per word; a few thousand distinct words per chunk of an import).
    static func count(_ sql: any SQLDatabase, _ delta: [String: Int64]) async throws {
        let entries = delta.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        var start = 0
        while start < entries.count {
            let end = min(start + 400, entries.count)
            var statement: SQLQueryString = "INSERT INTO name_words (term, members) VALUES "
            for (index, entry) in entries[start..<end].enumerated() {
                statement = statement + (index == 0 ? "" : ", ") + "(\(bind: entry.key), \(bind: entry.value))"
            }
            statement = statement + " ON CONFLICT (term) DO UPDATE SET members = name_words.members + excluded.members"
            try await sql.raw(statement).run()
            start = end
        }
    }

    /// Fills `members.name_folded` for every member (the step that introduced the folded names; the word index
    /// itself is rebuilt by `rebuild`).
    public static func refoldNames(_ sql: any SQLDatabase) async throws {
        var after: Int64 = 0
        while true {
            let batch = try await sql.raw("SELECT id, full_name FROM members WHERE id > \(bind: after) ORDER BY id LIMIT 5000").all()
            guard !batch.isEmpty else { return }
            for row in batch {
                let id = try row.decode(column: "id", as: Int64.self)
                let words = terms(try row.decode(column: "full_name", as: String.self))
                try await sql.raw("UPDATE members SET name_folded = \(bind: foldedName(words)) WHERE id = \(bind: id)").run()
                after = id
            }
        }
    }

    /// Rebuilds the word index and the word counts from the members' names, in batches.
    public static func rebuild(_ sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM member_terms").run()
        try await sql.raw("DELETE FROM name_words").run()
        var after: Int64 = 0
        while true {
            let batch = try await sql.raw(
                "SELECT id, full_name, name_sort_key FROM members WHERE id > \(bind: after) ORDER BY id LIMIT 5000"
            ).all()
            guard !batch.isEmpty else { return }
            var members: [Entry] = []
            for row in batch {
                let id = try row.decode(column: "id", as: Int64.self)
                let name = try row.decode(column: "full_name", as: String.self)
                members.append(Entry(id: id, terms: terms(name), sortKey: try row.decode(column: "name_sort_key", as: String.self)))
                after = id
            }
            try await add(sql, members)
        }
    }
}
