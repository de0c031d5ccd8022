import ArgumentParser
import Foundation
import SQLKit
import Synchronization
import ToChucDomain
import ToChucServices
import ToChucStorage

/// `tochuc bench --search-on DATABASE`: the bench's typed name queries on an existing database, each timed, with
/// the slowest listed beside the plan the search chose — to find what makes the p95, without reloading millions.
struct SearchProfile {
    let services: AppServices
    let db: Database
    let queries: Int
    /// Only this typed query, when given.
    let text: String?

    func run() async throws {
        let cli = Principal.commandLine(osUser: "bench")
        if let text {
            // One typed query, four times (the first may read from disk).
            for _ in 0..<4 {
                var query = MemberQuery()
                query.text = text
                query.perPage = 20
                let seconds = try await Clock.seconds { _ = try await services.members.search(cli, query) }
                print(Bench.ms(seconds), MemberSearch.lastPlan.withLock { $0 }.prefix(160))
            }
            return
        }
        let maxId = try await db.read { sql in
            try await sql.raw("SELECT MAX(id) AS n FROM members").first()?.decode(column: "n", as: Int64?.self) ?? nil
        } ?? 0
        guard maxId > 0 else { throw ValidationError("no members in this database") }
        var generator = SplitMix(seed: 42)
        var names: [String] = []
        while names.count < queries {
            let id = Int64(generator.next() % UInt64(maxId)) + 1
            let name = try await db.read { sql in
                try await sql.raw("SELECT full_name FROM members WHERE id >= \(bind: id) ORDER BY id LIMIT 1").first()?
                    .decode(column: "full_name", as: String.self)
            }
            if let name { names.append(name) }
        }
        var index = 0
        let texts = MemberBench.typedQueries(count: names.count) {
            defer { index += 1 }
            return names[index]
        }
        var timed: [(seconds: Double, text: String, plan: String, rows: Int, more: Bool)] = []
        for text in texts {
            var query = MemberQuery()
            query.text = text
            query.perPage = 20
            var page: Page<Member>? = nil
            let seconds = try await Clock.seconds { page = try await services.members.search(cli, query) }
            let plan = MemberSearch.lastPlan.withLock { $0 }
            timed.append((seconds, text, String(plan.prefix(160)), page?.total ?? 0, page?.totalIsLowerBound ?? false))
        }
        let sorted = timed.map(\.seconds).sorted()
        func percentile(_ p: Double) -> String { Bench.ms(sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]) }
        print("\(timed.count) typed queries: p50 \(percentile(0.5)), p95 \(percentile(0.95)), p99 \(percentile(0.99))")
        print("| ms | typed | total | plan |\n|---|---|---|---|")
        for entry in timed.sorted(by: { $0.seconds > $1.seconds }).prefix(30) {
            print("| \(Bench.ms(entry.seconds)) | \(entry.text) | \(entry.more ? "> " : "")\(entry.rows) | \(entry.plan) |")
        }
    }
}
