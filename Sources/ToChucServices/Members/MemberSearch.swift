import SQLKit
import ToChucDomain
import ToChucStorage

/// How a member search runs on millions of rows (issue 4: p95 under 50 ms on 5 million; BENCHMARKS.md).
///
/// The smallest of the candidate sets drives the query. Each typed word's size is read from `name_words` (the count
/// of members per distinct word), the subtree's with a capped count, so the plan never depends on the engine's
/// guesses. A small set (a rare word, a small unit) is read whole, sorted and counted. When every set is large and
/// the list is in name order, the rarest word's entries are walked in name order straight from the word index —
/// one ordered branch per distinct word starting with the typed prefix, merged by the engine — until a page is full;
/// otherwise the name order itself is walked. A walk counts nothing: it stops one row past the page and the total is
/// reported as "more than" the rows seen (counting a common name among millions is what makes a search slow).
public enum MemberSearch {
    struct Caps: Sendable {
        /// Below this many rows a set is small enough to read whole and sort.
        var driver = 5_000
        /// At most this many distinct words are merged in name order (a one-letter prefix has hundreds).
        var mergedWords = 64
    }

    /// Tests lower the caps to make every plan run on a few rows.
    @TaskLocal static var caps = Caps()

    /// The plan each search chose, for `tochuc bench --search-on` (which query is slow, and why).
    @TaskLocal public static var planReport: (@Sendable (String) -> Void)? = nil

    enum Driver: Equatable {
        case term(lower: String, upper: String)
        case scope
        case wordOrder(words: [String])
        case order
    }

    static func run(
        _ sql: any SQLDatabase, conditions: SQLQueryString, scope: SQLQueryString?, terms: [String], sort: MemberQuery.Sort,
        page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let sqlite = sql.dialect.name == "sqlite"
        let caps = caps
        // Words: each must start a word of the name (terms hold only letters and digits: nothing to escape).
        var all = conditions
        if let scope { all = all + " AND " + scope }
        for term in terms {
            all = all + " AND m.name_folded LIKE \(bind: "% " + term + "%")"
        }
        // Measure the candidate drivers.
        var best: (driver: Driver, size: Int) = (.order, Int.max)
        var rarestWords: [String] = []
        for term in terms {
            let range = MemberSearchIndex.prefixRange(term)
            let words = try await sql.raw(
                "SELECT term, members FROM name_words WHERE term >= \(bind: range.lower) AND term < \(bind: range.upper) AND members > 0"
            ).all().map { (try $0.decode(column: "term", as: String.self), try $0.decode(column: "members", as: Int.self)) }
            let size = words.reduce(0) { $0 + $1.1 }
            if size < best.size {
                best = (.term(lower: range.lower, upper: range.upper), size)
                rarestWords = words.map(\.0)
            }
        }
        if let scope, best.size >= caps.driver {
            let size = try await cappedCount(sql, "SELECT 1 FROM members m WHERE \(scope)", cap: caps.driver)
            if size < best.size { best = (.scope, size) }
        }
        let driver: Driver
        if best.size < caps.driver {
            driver = best.driver
        } else if sort == .name && !rarestWords.isEmpty && rarestWords.count <= caps.mergedWords {
            driver = .wordOrder(words: rarestWords)
        } else {
            driver = .order
        }
        planReport?("\(driver) of \(best.size)")
        switch driver {
        case .wordOrder(let words):
            return try await walkWords(sql, words: words, conditions: all, page: page, perPage: perPage)
        case .term(let lower, let upper) where sort == .name:
            return try await readTerm(sql, lower: lower, upper: upper, conditions: all, page: page, perPage: perPage)
        default:
            break
        }
        let order = orderColumns(sort)
        var from: SQLQueryString
        var orderBy: String
        var condition = all
        switch driver {
        case .term(let lower, let upper):
            from = "members m"
            condition = condition + " AND m.id IN (SELECT member_id FROM member_terms WHERE term >= \(bind: lower) AND term < \(bind: upper))"
            // An expression, so that SQLite sorts the few rows instead of walking a whole index in order.
            orderBy = sqlite ? order.map { "(\($0) || '')" }.joined(separator: ", ") + ", m.id" : order.joined(separator: ", ") + ", m.id"
        case .scope:
            from = sqlite ? "members m INDEXED BY members_unit_path" : "members m"
            orderBy = order.joined(separator: ", ") + ", m.id"
        case .order, .wordOrder:
            from = sqlite && sort == .name ? "members m INDEXED BY members_sort" : "members m"
            orderBy = order.joined(separator: ", ") + ", m.id"
        }
        let walking = driver == .order
        // Walking the order, one row past the page tells whether there is a next page.
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: MemberStore.columns) FROM \(from) JOIN units u ON u.id = m.unit_id WHERE \(condition)
            ORDER BY \(unsafeRaw: orderBy) LIMIT \(literal: walking ? perPage + 1 : perPage) OFFSET \(literal: (page - 1) * perPage)
            """
        ).all()
        let items = try rows.prefix(perPage).map(MemberStore.member)
        if walking {
            let more = rows.count > perPage
            return Page(items: items, page: page, perPage: perPage, total: (page - 1) * perPage + items.count, totalIsLowerBound: more)
        }
        let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(from) WHERE \(condition)").first()?.decode(column: "n", as: Int.self) ?? 0
        return Page(items: items, page: page, perPage: perPage, total: total)
    }

    /// The members of a word index entry, checked on the name-order index rather than the table: an entry carries
    /// the member's sort key and id, which are the first two columns of `members_sort`, and that index also holds
    /// the folded name and the status — the default query's conditions. Entries of one word come in name order, so
    /// consecutive probes land next to each other in that index, where reading rows by id would jump all over a
    /// table of millions (BENCHMARKS.md: this is what the walk's time was spent on).
    static func entriesOf(_ sql: any SQLDatabase, words: SQLQueryString, conditions: SQLQueryString) -> SQLQueryString {
        let members: SQLQueryString = sql.dialect.name == "sqlite" ? "members m INDEXED BY members_sort" : "members m"
        return """
            FROM member_terms t CROSS JOIN \(members)
            WHERE \(words) AND m.name_sort_key = t.sort_key AND m.id = t.member_id AND \(conditions)
            """
    }

    /// A small set (a rare word): its members counted and a page cut in name order, without reading their rows.
    static func readTerm(
        _ sql: any SQLDatabase, lower: String, upper: String, conditions: SQLQueryString, page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let matches = entriesOf(sql, words: "t.term >= \(bind: lower) AND t.term < \(bind: upper)", conditions: conditions)
        // A member with two words in the range has two entries with the same key: DISTINCT keeps one.
        let ids = try await sql.raw(
            "SELECT DISTINCT t.sort_key AS k, t.member_id AS id \(matches) ORDER BY k, id LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)"
        ).all().map { try $0.decode(column: "id", as: Int64.self) }
        let total = try await sql.raw("SELECT COUNT(DISTINCT t.member_id) AS n \(matches)").first()?.decode(column: "n", as: Int.self) ?? 0
        return Page(items: try await members(sql, ids: ids), page: page, perPage: perPage, total: total)
    }

    /// The rows of `ids`, in that order.
    static func members(_ sql: any SQLDatabase, ids: [Int64]) async throws -> [Member] {
        guard !ids.isEmpty else { return [] }
        var found: [Int64: Member] = [:]
        let list = ids.map { String($0) }.joined(separator: ", ")
        for row in try await sql.raw("SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE m.id IN (\(unsafeRaw: list))").all() {
            let member = try MemberStore.member(from: row)
            found[member.id] = member
        }
        return ids.compactMap { found[$0] }
    }

    /// A page in name order among the members having one of `words`: each word's index entries are already in name
    /// order, so the engine merges one ordered branch per word (SQLite's compound-select merge, PostgreSQL's Merge
    /// Append) and stops at the limit. A member having two of the words appears twice, side by side; it is kept once.
    static func walkWords(
        _ sql: any SQLDatabase, words: [String], conditions: SQLQueryString, page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let skip = (page - 1) * perPage
        let wanted = skip + perPage + 1
        let batch = max(wanted, 64)
        var ids: [Int64] = []
        var last: (key: String, id: Int64)? = nil
        while ids.count < wanted {
            var statement = SQLQueryString("")
            for (index, word) in words.enumerated() {
                var branch: SQLQueryString = "SELECT t.sort_key AS k, t.member_id AS id "
                branch = branch + entriesOf(sql, words: "t.term = \(bind: word)", conditions: conditions)
                if let last { branch = branch + " AND (t.sort_key, t.member_id) > (\(bind: last.key), \(bind: last.id))" }
                statement = statement + (index == 0 ? "" : " UNION ALL ") + branch
            }
            statement = statement + " ORDER BY k, id LIMIT \(literal: batch)"
            let rows = try await sql.raw(statement).all()
            for row in rows {
                let entry = (key: try row.decode(column: "k", as: String.self), id: try row.decode(column: "id", as: Int64.self))
                if let last, last.key == entry.key, last.id == entry.id { continue }
                ids.append(entry.id)
                last = entry
            }
            if rows.count < batch { break }
        }
        let items = try await members(sql, ids: Array(ids.dropFirst(skip).prefix(perPage)))
        return Page(items: items, page: page, perPage: perPage, total: skip + items.count, totalIsLowerBound: ids.count > skip + perPage)
    }

    static func orderColumns(_ sort: MemberQuery.Sort) -> [String] {
        switch sort {
        case .name: return ["m.name_sort_key"]
        case .cardNo: return ["m.card_no"]
        case .birthDate: return ["m.birth_date"]
        case .admittedOn: return ["m.admitted_on"]
        }
    }

    /// `COUNT(*)` of `select`, reading at most `cap` rows.
    static func cappedCount(_ sql: any SQLDatabase, _ select: SQLQueryString, cap: Int) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM (\(select) LIMIT \(literal: cap)) x").first()?.decode(column: "n", as: Int.self) ?? 0
    }
}
