import SQLKit
import Synchronization
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
/// The typed words are checked on the index entries (they carry the folded name) and the other filters only for
/// entries whose words match, on the name-order index: no member row is read but the page's.
public enum MemberSearch {
    struct Caps: Sendable {
        /// Below this many rows a set is small enough to read whole and sort.
        var driver = 5_000
        /// At most this many distinct words are merged in name order (a one-letter prefix has hundreds).
        var mergedWords = 64
        /// Entries read by a walk's first batch (each next one reads twice as many); nil: eight pages' worth, at least 256.
        var firstWalkBatch: Int? = nil
    }

    /// Tests lower the caps to make every plan run on a few rows.
    @TaskLocal static var caps = Caps()

    /// The plan the latest search chose, for `tochuc bench --search-on` (which query is slow, and why).
    public static let lastPlan = Mutex("")

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
        let answer = { () async throws -> Page<Member> in try await Self.answer(sql, conditions: conditions, scope: scope, terms: terms, sort: sort, page: page, perPage: perPage) }
        guard sql.dialect.name != "sqlite" else { return try await answer() }
        // PostgreSQL plans a walk that stops after one page as a parallel scan: starting the workers costs more than
        // the walk (5 million members: p50 12 → 4.5 ms, p95 33–62 → 20 ms; BENCHMARKS.md). Only for this search, on
        // its own connection: reports keep their parallel counts.
        try await sql.raw("SET max_parallel_workers_per_gather = 0").run()
        do {
            let page = try await answer()
            try await sql.raw("RESET max_parallel_workers_per_gather").run()
            return page
        } catch {
            try? await sql.raw("RESET max_parallel_workers_per_gather").run()
            throw error
        }
    }

    static func answer(
        _ sql: any SQLDatabase, conditions: SQLQueryString, scope: SQLQueryString?, terms: [String], sort: MemberQuery.Sort,
        page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let sqlite = sql.dialect.name == "sqlite"
        let caps = caps
        // Words: each must start a word of the name (terms hold only letters and digits: nothing to escape).
        var filters = conditions
        if let scope { filters = filters + " AND " + scope }
        let all = filters + " AND " + nameCheck(sql, terms, on: "m")
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
        lastPlan.withLock { $0 = "\(driver) of \(best.size)" }
        switch driver {
        case .wordOrder(let words):
            return try await walkWords(sql, words: words, typed: terms, filters: filters, page: page, perPage: perPage)
        case .term(let lower, let upper) where sort == .name:
            return try await readTerm(sql, lower: lower, upper: upper, typed: terms, filters: filters, page: page, perPage: perPage)
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

    /// Every typed word starts a word of `alias.name_folded` (" nguyen van tung ": " tu" is in it). A plain substring
    /// search (`instr` / `strpos`) rather than `LIKE`, which folds case on every row of a walk.
    static func nameCheck(_ sql: any SQLDatabase, _ typed: [String], on alias: String) -> SQLQueryString {
        let position = sql.dialect.name == "sqlite" ? "instr" : "strpos"
        var check = SQLQueryString("1 = 1")
        for term in typed { check = check + " AND \(unsafeRaw: position)(\(unsafeRaw: alias).name_folded, \(bind: " " + term)) > 0" }
        return check
    }

    /// Whether the member of an index entry (`alias`) passes the other filters (status, subtree …). Checked only for
    /// entries whose name matched, on the name-order index by (sort key, id): that index holds the status, and the
    /// probes of entries in name order land side by side in it, where reading rows by id jumps all over the table.
    static func memberPasses(_ sql: any SQLDatabase, entry alias: String, filters: SQLQueryString) -> SQLQueryString {
        let members: SQLQueryString = sql.dialect.name == "sqlite" ? "members m INDEXED BY members_sort" : "members m"
        return """
            EXISTS (SELECT 1 FROM \(members) WHERE m.name_sort_key = \(unsafeRaw: alias).sort_key \
            AND m.id = \(unsafeRaw: alias).member_id AND \(filters))
            """
    }

    /// A small set (a rare word): its members counted and a page cut in name order, names checked on the index
    /// entries themselves (they carry the folded name), rows read only for the page.
    static func readTerm(
        _ sql: any SQLDatabase, lower: String, upper: String, typed: [String], filters: SQLQueryString, page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let matches: SQLQueryString = """
            FROM member_terms t WHERE t.term >= \(bind: lower) AND t.term < \(bind: upper) AND \(nameCheck(sql, typed, on: "t")) \
            AND \(memberPasses(sql, entry: "t", filters: filters))
            """
        // One pass gives the page and the count. A member with two words in the range has two entries with the same
        // key: DISTINCT keeps one.
        let all = try await sql.raw("SELECT DISTINCT t.sort_key AS k, t.member_id AS id \(matches) ORDER BY k, id").all()
        let total = all.count
        let ids = try all.dropFirst((page - 1) * perPage).prefix(perPage).map { try $0.decode(column: "id", as: Int64.self) }
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
    /// Append) and the next `batch` entries come out without sorting. The typed words and filters are checked after
    /// the merge, on those entries only: checked inside each branch, a word whose members rarely match would read
    /// far past the others before giving its first row. A member having two of the words has two entries side by
    /// side; it is kept once.
    static func walkWords(
        _ sql: any SQLDatabase, words: [String], typed: [String], filters: SQLQueryString, page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let sqlite = sql.dialect.name == "sqlite"
        let skip = (page - 1) * perPage
        let wanted = skip + perPage + 1
        var batch = caps.firstWalkBatch ?? max(wanted * 8, 256)
        var ids: [Int64] = []
        var lastHit: (key: String, id: Int64)? = nil
        var start: (key: String, id: Int64)? = nil
        // One word (and no test asking for batches): nothing to merge, so nothing is read ahead; the walk stops at
        // the page's last member.
        let single = words.count == 1 && caps.firstWalkBatch == nil
        if single {
            ids = try await sql.raw(
                """
                SELECT e.member_id AS id FROM member_terms e WHERE e.term = \(bind: words[0])
                AND \(nameCheck(sql, typed, on: "e")) AND \(memberPasses(sql, entry: "e", filters: filters))
                ORDER BY e.sort_key, e.member_id LIMIT \(literal: wanted)
                """
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        while !single && ids.count < wanted {
            var merged = SQLQueryString("")
            for (index, word) in words.enumerated() {
                var branch: SQLQueryString = "SELECT sort_key, member_id, name_folded FROM member_terms WHERE term = \(bind: word)"
                if let start { branch = branch + " AND (sort_key, member_id) > (\(bind: start.key), \(bind: start.id))" }
                // PostgreSQL merges (Merge Append) only branches that say their own order; SQLite merges the plain
                // branches of a compound select and would sort each ordered one.
                if !sqlite {
                    branch = "SELECT * FROM (" + branch + " ORDER BY sort_key, member_id LIMIT \(literal: batch)) b\(unsafeRaw: String(index))"
                }
                merged = merged + (index == 0 ? "" : " UNION ALL ") + branch
            }
            // The next `batch` entries, merged: the members among them that match (checked as they stream out of the
            // merge), and the last of them, where the next batch starts.
            func key(_ row: any SQLRow) throws -> (key: String, id: Int64) {
                (try row.decode(column: "k", as: String.self), try row.decode(column: "id", as: Int64.self))
            }
            let hits = try await sql.raw(
                """
                SELECT e.sort_key AS k, e.member_id AS id FROM (\(merged) ORDER BY sort_key, member_id LIMIT \(literal: batch)) e
                WHERE \(nameCheck(sql, typed, on: "e")) AND \(memberPasses(sql, entry: "e", filters: filters))
                """
            ).all().map(key)
                // In key order (byte order, as both engines compare the keys).
                .sorted { $0.key != $1.key ? $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) : $0.id < $1.id }
            let end = try await sql.raw(
                "SELECT sort_key AS k, member_id AS id FROM (\(merged) ORDER BY sort_key, member_id LIMIT 1 OFFSET \(literal: batch - 1)) e"
            ).first().map(key)
            for hit in hits {
                if let lastHit, lastHit.key == hit.key, lastHit.id == hit.id { continue }
                ids.append(hit.id)
                lastHit = hit
            }
            guard let end else { break }
            start = end
            batch = min(batch * 2, 16_384)
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
