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
    let location: DatabaseLocation
    let queries: Int
    /// Only this typed query, when given.
    let text: String?
    /// Whether the raw engine answers the same queries too.
    let raw: Bool

    func run() async throws {
        let cli = Principal.commandLine(osUser: "bench")
        if let text {
            // One typed query, four times (the first may read from disk).
            for _ in 0..<4 {
                let seconds = try await Clock.seconds { _ = try await services.members.search(cli, MemberBench.query(text)) }
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
            var page: Page<Member>? = nil
            let seconds = try await Clock.seconds { page = try await services.members.search(cli, MemberBench.query(text)) }
            let plan = MemberSearch.lastPlan.withLock { $0 }
            timed.append((seconds, text, String(plan.prefix(160)), page?.total ?? 0, page?.totalIsLowerBound ?? false))
        }
        // The raw engine on the same tables, the way MemberBench asks it: the rarest word's range in the word index,
        // the other words on the folded name, count + first page in name order.
        var statements: [String] = []
        for text in texts where raw {
            let words = MemberSearchIndex.terms(text)
            var rarest = (word: words[0], size: Int.max)
            for word in words {
                let range = MemberSearchIndex.prefixRange(word)
                let size = try await db.read { sql in
                    try await sql.raw("SELECT CAST(COALESCE(SUM(members), 0) AS BIGINT) AS n FROM name_words WHERE term >= \(bind: range.lower) AND term < \(bind: range.upper)")
                        .first()?.decode(column: "n", as: Int.self) ?? 0
                }
                if size < rarest.size { rarest = (word, size) }
            }
            statements += MemberBench.rawSearch(words: words, rarest: rarest.word, members: "members", terms: "member_terms", sqlite: location.isSQLite)
        }
        let times = raw ? try Bench.rawStatementTimes(location, statements: statements) : []
        let raw = Bench.pairSums(times)
        let ours = timed.map(\.seconds)
        let members = try await db.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM members").first()?.decode(column: "n", as: Int.self) ?? 0
        }
        let lowerBounds = timed.filter(\.more).count
        print("| measure | ToChuc | raw engine | ratio |\n|---|---|---|---|")
        let label = "Name search on \(VietnameseFormat.integer(members)) members, \(texts.count) typed queries"
        for (name, p) in [("p50", 0.50), ("p95", 0.95), ("p99 (\(lowerBounds) of them answered with “more than”)", 0.99)] {
            let (a, b) = (Bench.percentile(ours, p), Bench.percentile(raw, p))
            print("| \(label): \(name) | \(Bench.ms(a)) | \(Bench.ms(b)) | \(Bench.ratio(a, b)) |")
        }
        print("\nSlowest of ours, with the plan MemberSearch chose:\n")
        print("| ms | typed | total | plan |\n|---|---|---|---|")
        for entry in timed.sorted(by: { $0.seconds > $1.seconds }).prefix(20) {
            print("| \(Bench.ms(entry.seconds)) | \(entry.text) | \(entry.more ? "> " : "")\(entry.rows) | \(entry.plan) |")
        }
    }

}
