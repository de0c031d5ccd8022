import SQLKit
import ToChucDomain

/// The word index behind name search (issue 4: fast on millions of members, accents optional).
///
/// Each member's name is split into folded words (`VietnameseText.searchTerms`: "Đặng Thị Kim-Anh" →
/// dang, thi, kim, anh); `member_terms` holds one row per (word, member), keyed by the word, so that a typed prefix is
/// one range scan on both engines (FACTS.md: LIKE '%…%' scans every row; FTS5 and pg_trgm differ per engine and
/// cannot be combined with the subtree range in one index). `members.name_folded` holds the same words between
/// spaces for checking the other words of a query on the rows the rarest word found.
public enum MemberSearchIndex {
    /// The folded words of a name, each once, in order.
    public static func terms(_ fullName: String) -> [String] { VietnameseText.searchTerms(fullName) }

    /// ` nguyen van tung `: the stored form of the words, for `LIKE '% tu%'` checks.
    public static func foldedName(_ terms: [String]) -> String { " " + terms.joined(separator: " ") + " " }

    /// The range of stored words that start with `prefix` (binary order on both engines).
    public static func prefixRange(_ prefix: String) -> (lower: String, upper: String) { (prefix, prefix + "\u{FFFF}") }

    /// Rows of `member_terms` for members just written (ids known), for `BulkInsert`.
    public static func rows(_ members: [(id: Int64, terms: [String])]) -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        rows.reserveCapacity(members.count * 3)
        for member in members {
            for term in member.terms { rows.append([.text(term), .integer(member.id)]) }
        }
        return rows
    }

    /// Replaces one member's words (after a create or a change of name).
    public static func replace(_ sql: any SQLDatabase, memberId: Int64, fullName: String) async throws {
        try await sql.raw("DELETE FROM member_terms WHERE member_id = \(bind: memberId)").run()
        try await BulkInsert.insert(sql, table: "member_terms", columns: ["term", "member_id"], rows: rows([(memberId, terms(fullName))]))
    }

    /// Rebuilds the index and the folded names of every member, in batches (the migration that introduced it).
    public static func rebuild(_ sql: any SQLDatabase) async throws {
        try await sql.raw("DELETE FROM member_terms").run()
        var after: Int64 = 0
        while true {
            let batch = try await sql.raw("SELECT id, full_name FROM members WHERE id > \(bind: after) ORDER BY id LIMIT 5000").all()
            guard !batch.isEmpty else { return }
            var members: [(id: Int64, terms: [String])] = []
            for row in batch {
                let id = try row.decode(column: "id", as: Int64.self)
                let words = terms(try row.decode(column: "full_name", as: String.self))
                members.append((id, words))
                try await sql.raw("UPDATE members SET name_folded = \(bind: foldedName(words)) WHERE id = \(bind: id)").run()
                after = id
            }
            try await BulkInsert.insert(sql, table: "member_terms", columns: ["term", "member_id"], rows: rows(members))
        }
    }
}
