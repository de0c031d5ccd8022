import SQLKit
import ToChucDomain
import ToChucStorage

/// How a member search runs on millions of rows (issue 4: p95 under 50 ms on 5 million; BENCHMARKS.md).
///
/// The smallest of three sets drives the query: the members having the rarest typed word (`member_terms`), the
/// members of the subtree, or — when both are large — the name order itself, walked until a page is full. Sizes are
/// measured with capped counts first (a few thousand index entries at most), so the plan never depends on the
/// engine's guesses; SQLite is told which index to use (`INDEXED BY`), PostgreSQL's planner has real statistics.
/// When the name order is walked, nothing is counted: the walk stops one row past the page, and the total is reported
/// as "more than" the rows seen so far (counting a common name among millions is what makes a search slow).
enum MemberSearch {
    struct Caps: Sendable {
        /// Below this many rows a set is small enough to read whole and sort.
        var driver = 5_000
    }

    /// Tests lower the caps to make every plan run on a few rows.
    @TaskLocal static var caps = Caps()

    enum Driver: Equatable {
        case term(lower: String, upper: String)
        case scope
        case order
    }

    struct Plan {
        /// Conditions on `members m` every row must meet (scope, filters, words).
        var conditions: SQLQueryString
        var driver: Driver
    }

    static func run(
        _ sql: any SQLDatabase, conditions: SQLQueryString, scope: SQLQueryString?, terms: [String], sort: MemberQuery.Sort,
        page: Int, perPage: Int
    ) async throws -> Page<Member> {
        let sqlite = sql.dialect.name == "sqlite"
        let driverCap = caps.driver
        // Words: each must start a word of the name (terms hold only letters and digits: nothing to escape).
        var all = conditions
        if let scope { all = all + " AND " + scope }
        for term in terms {
            all = all + " AND m.name_folded LIKE \(bind: "% " + term + "%")"
        }
        // Measure the candidate drivers.
        var best: (driver: Driver, size: Int) = (.order, Int.max)
        for term in terms {
            let range = MemberSearchIndex.prefixRange(term)
            let size = try await cappedCount(
                sql, "SELECT 1 FROM member_terms WHERE term >= \(bind: range.lower) AND term < \(bind: range.upper)", cap: driverCap)
            if size < best.size { best = (.term(lower: range.lower, upper: range.upper), size) }
        }
        if let scope {
            let size = try await cappedCount(sql, "SELECT 1 FROM members m WHERE \(scope)", cap: driverCap)
            if size < best.size { best = (.scope, size) }
        }
        let driver: Driver = best.size < driverCap ? best.driver : .order
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
        case .order:
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
