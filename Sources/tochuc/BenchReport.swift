import Foundation
import SQLKit
import ToChucDomain
import ToChucServices
import ToChucStorage

/// `tochuc bench --report-on DB`: the briefing report of a few units (the nation, a province, a commune by default)
/// timed on an existing database, beside the raw engine counting the member and unit figures with hand-written SQL on
/// the same tables in the same run (issue 7's benchmark; targets 2 s, 200 ms, 20 ms).
struct ReportBench {
    let services: AppServices
    let db: Database
    let location: DatabaseLocation
    let units: [String]
    let period: ReportPeriod
    let repetitions: Int

    /// The root, the first provincial unit and the first base unit under it, when no codes are given.
    static func defaultUnits(_ db: Database) async throws -> [String] {
        try await db.read { sql in
            func first(_ query: SQLQueryString) async throws -> String? {
                try await sql.raw(query).first()?.decode(column: "code", as: String.self)
            }
            var out: [String] = []
            if let root = try await first("SELECT code FROM units WHERE parent_id IS NULL ORDER BY id LIMIT 1") { out.append(root) }
            if let province = try await first("SELECT code FROM units WHERE kind = 'provincial' ORDER BY id LIMIT 1") {
                out.append(province)
                if let commune = try await first(
                    "SELECT u.code FROM units u JOIN units p ON p.id = u.parent_id WHERE u.kind = 'base' AND p.code = \(bind: province) ORDER BY u.id LIMIT 1")
                {
                    out.append(commune)
                }
            }
            return out
        }
    }

    func run() async throws -> [(String, String, String, String)] {
        let cli = Principal.commandLine(osUser: "bench")
        var rows: [(String, String, String, String)] = []
        for code in units {
            let unit = try await services.units.get(cli, code: code)
            // Today's counts (the tree's and the unit pages' figures: kept per unit, `MemberCounts`).
            rows.append(
                try await Bench.subtreeCounts(
                    services, location, code: code, label: "\(unit.kind.rawValue) \(code), today", on: Timestamp.vietnamDate(), repetitions: repetitions))
            var ours: [Double] = []
            var members = 0
            for _ in 0..<repetitions {
                ours.append(try await Clock.seconds { _ = try await services.reports.report(cli, unitCode: code, period: period) })
            }
            members = try await db.read { sql in
                let range = PathRange.of(unit.path)
                return try await sql.raw("SELECT COUNT(*) AS n FROM members WHERE unit_path >= \(bind: range.lower) AND unit_path < \(bind: range.upper)")
                    .first()!.decode(column: "n", as: Int.self)
            }
            let range = PathRange.of(unit.path)
            func between(_ column: String, _ p: ReportPeriod) -> String {
                "\(column) >= '\(p.from.iso)' AND \(column) <= '\(p.to.iso)'"
            }
            let inRange = "unit_path >= '\(range.lower)' AND unit_path < '\(range.upper)'"
            let at = "valid_from <= '\(period.to.iso)' AND (valid_to IS NULL OR valid_to > '\(period.to.iso)') AND voided_by_event_id IS NULL"
            // One pass of the raw figures: admissions (and a year earlier), recognitions, departures by status, cells.
            let statements = [
                "SELECT COUNT(*) FROM members WHERE \(inRange) AND \(between("admitted_on", period));",
                "SELECT COUNT(*) FROM members WHERE \(inRange) AND \(between("admitted_on", period.yearEarlier));",
                "SELECT COUNT(*) FROM members WHERE \(inRange) AND \(between("recognized_on", period));",
                "SELECT status, COUNT(*) FROM members WHERE \(inRange) AND \(between("left_on", period)) GROUP BY status;",
                "SELECT has_committee, COUNT(*) FROM unit_versions WHERE path >= '\(range.lower)' AND path < '\(range.upper)' AND kind = 'cell' AND \(at) GROUP BY has_committee;",
            ]
            var raw: [Double] = []
            for _ in 0..<repetitions {
                raw.append(try Bench.rawStatementTimes(location, statements: statements).reduce(0, +))
            }
            let label = "report \(period.key), \(unit.kind.rawValue) \(code) (\(VietnameseFormat.integer(members)) members), median of \(repetitions)"
            rows.append((label, Bench.ms(Bench.median(ours)), Bench.ms(Bench.median(raw)), Bench.ratio(Bench.median(ours), Bench.median(raw))))
        }
        return rows
    }
}
