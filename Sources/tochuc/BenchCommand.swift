import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

/// `tochuc bench`: measured figures beside the raw engine doing the same work in the same run (BENCHMARKS.md).
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmarks against the raw engine (sqlite3 / psql) on generated data; prints a Markdown table.")

    @Option(name: .long, help: "postgres://… server to benchmark on (a fresh database is created and dropped); default: a temporary SQLite file.")
    var database: String?
    @Option(name: .long, help: "nation (~300,000 units) or province (~9,000).") var scale: String = "nation"
    @Option(name: .customLong("repeat"), help: "Repetitions of each query (the median is reported).") var repetitions: Int = 5
    @Option(name: .long, help: "Append the table to this file as well.") var output: String?
    @Option(name: .long, help: "Members in the timed import (0: none).") var members: Int = 1_000_000
    @Option(name: .customLong("search-members"), help: "Members loaded in all for the name search (0: no search).") var searchMembers: Int = 5_000_000
    @Option(name: .long, help: "Typed queries in the name search.") var queries: Int = 400
    @Option(name: .customLong("search-on"), help: "Only time the name search on this existing database (path or postgres://…), slowest queries with their plan.")
    var searchOn: String?
    @Option(name: .long, help: "With --search-on: time only this typed query.") var text: String?
    @Flag(name: .customLong("skip-raw"), help: "With --search-on: leave out the raw engine's run.") var skipRaw = false
    @Option(name: .customLong("report-on"), help: "Only time the briefing report on this existing database (path or postgres://…).")
    var reportOn: String?
    @Option(name: .customLong("report-units"), help: "With --report-on: unit codes, comma-separated (default: the root, a province, a commune).")
    var reportUnits: String?
    @Option(name: .long, help: "With --report-on: the report's period.") var period: String = "2025"

    func run() async throws {
        if let reportOn {
            guard let parsed = ReportPeriod(parsing: period) else { throw ValidationError(Catalogue.periodInvalid(period).en) }
            let location = DatabaseLocation(reportOn)
            let db = try await Database.open(location)
            var units = reportUnits.map { $0.split(separator: ",").map { String($0).trimmed } } ?? []
            if units.isEmpty { units = try await ReportBench.defaultUnits(db) }
            let rows = try await ReportBench(services: AppServices(db: db), db: db, location: location, units: units, period: parsed, repetitions: repetitions)
                .run()
            await db.close()
            var table = "| what | ToChuc | raw engine (member and cell counts) | ratio |\n|---|---|---|---|\n"
            for row in rows { table += "| \(row.0) | \(row.1) | \(row.2) | \(row.3) |\n" }
            print(table, terminator: "")
            if let output {
                let before = (try? String(contentsOfFile: output, encoding: .utf8)).map { $0 + "\n" } ?? ""
                try (before + table).write(toFile: output, atomically: true, encoding: .utf8)
            }
            return
        }
        if let searchOn {
            let location = DatabaseLocation(searchOn)
            let db = try await Database.open(location)
            try await SearchProfile(services: AppServices(db: db), db: db, location: location, queries: queries, text: text, raw: !skipRaw).run()
            await db.close()
            return
        }
        let size: DemoTree.Size = scale == "province" ? .province : .nation
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let dataset = work.appendingPathComponent("dataset")
        try FileManager.default.createDirectory(at: dataset, withIntermediateDirectories: true)
        let csvFile = dataset.appendingPathComponent(OrgUnitsFile.fileName)
        let rows = DemoTree.rows(size: size)
        try Data(rows.map(CSV.line).joined().utf8).write(to: csvFile)
        let unitCount = rows.count - 1

        let location: DatabaseLocation
        var pgDatabase: (admin: String, name: String)? = nil
        if let database, DatabaseLocation(database) != .sqlite(path: database) {
            let name = "tochuc_bench_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(10).lowercased()
            try Shell.run("psql", [database, "-q", "-c", "CREATE DATABASE \(name)"])
            var components = URLComponents(string: database)!
            components.path = "/" + name
            location = .postgres(url: components.string!)
            pgDatabase = (database, name)
        } else {
            location = .sqlite(path: work.appendingPathComponent("bench.sqlite").path)
        }
        defer {
            if let pg = pgDatabase { try? Shell.run("psql", [pg.admin, "-q", "-c", "DROP DATABASE IF EXISTS \(pg.name) WITH (FORCE)"]) }
        }
        var results: [(String, String, String, String)] = []
        let engine: String
        let db = try await Database.open(location)
        let services = AppServices(db: db)
        let cli = Principal.commandLine(osUser: "bench")
        do {

        // 1. Building the tree: our import vs the raw engine loading the same file into a table with the same indexes.
        let ours = try await Clock.seconds { _ = try await services.interchange.importDataset(cli, at: dataset) }
        let raw: Double
        switch location {
        case .sqlite:
            engine = "SQLite (sqlite3 \(try Shell.output("sqlite3", ["--version"]).split(separator: " ").first ?? "?"))"
            let rawDB = work.appendingPathComponent("raw.sqlite").path
            raw = try Clock.seconds {
                try Shell.run("sqlite3", [rawDB, Self.rawSchema(), ".import --csv --skip 1 \(csvFile.path) raw_units", Self.rawIndexes()])
            }
        case .postgres(let url):
            engine = "PostgreSQL (\(try Shell.output("psql", ["--version"]).trimmed))"
            raw = try Clock.seconds {
                try Shell.run("psql", [url, "-q", "-c", Self.rawSchema(), "-c", "\\copy raw_units FROM '\(csvFile.path)' CSV HEADER", "-c", Self.rawIndexes()])
            }
        }
        results.append(("Build the tree: import of \(VietnameseFormat.integer(unitCount)) units", Self.rate(unitCount, ours), Self.rate(unitCount, raw), Self.ratio(ours, raw)))

        // Members: the import rate of the first million, then the name search on the full set.
        let memberBench = MemberBench(
            services: services, location: location, work: work, importCount: members, searchCount: searchMembers, queries: queries)
        results += try await memberBench.run(unitRows: rows)

        // 2. Subtree counts for the root and for one province, as of today.
        let today = Timestamp.vietnamDate()
        for (label, code) in [("root", "TW"), ("one province", "T01")] {
            results.append(try await Self.subtreeCounts(services, location, code: code, label: label, on: today, repetitions: repetitions))
        }

        // 3. A province merge: every sub-unit of one province moves under another, one atomic event.
        if size.provinces >= 2 {
            let source = try await services.units.stats(cli, code: "T02")
            let moved = source.unitsByKind.values.reduce(0, +) - 1
            let movedMembers = source.membersByStatus.values.reduce(0, +)
            let step = RestructureStep(
                operation: .merge(sources: ["T01", "T02"], target: "T01", newTarget: nil), effectiveOn: today.adding(days: 1), decisionNo: "1-NQ/TW")
            let merge = try await Clock.seconds { _ = try await services.restructuring.apply(cli, steps: [step]) }
            results.append(("Province merge (\(VietnameseFormat.integer(moved)) units and \(VietnameseFormat.integer(movedMembers)) members moved)", Self.ms(merge), "—", "—"))
        }
        } catch {
            // SQLite connections must be closed before they go away, also on the way out with an error.
            await db.close()
            throw error
        }
        await db.close()

        var table = "| measure (\(engine), \(ProcessInfo.processInfo.activeProcessorCount) cores) | ToChuc | raw engine | ratio |\n|---|---|---|---|\n"
        for (name, a, b, ratio) in results { table += "| \(name) | \(a) | \(b) | \(ratio) |\n" }
        print(table)
        if let output {
            let handle = FileManager.default.fileExists(atPath: output) ? try FileHandle(forWritingTo: URL(fileURLWithPath: output)) : nil
            if let handle {
                handle.seekToEndOfFile()
                handle.write(Data(("\n" + table).utf8))
                try handle.close()
            } else {
                try Data(table.utf8).write(to: URL(fileURLWithPath: output))
            }
        }
    }

    static func rawSchema() -> String {
        "CREATE TABLE raw_units (code TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL, parent_code TEXT, sector TEXT, has_committee TEXT, founded_on TEXT, dissolved_on TEXT);"
    }

    /// `units.stats` (units by kind, cells with a committee, members by status on a day) of one unit, median of
    /// `repetitions`, beside the raw engine running the same two statements as many times.
    static func subtreeCounts(
        _ services: AppServices, _ location: DatabaseLocation, code: String, label: String, on today: CivilDate, repetitions: Int
    ) async throws -> (String, String, String, String) {
        let cli = Principal.commandLine(osUser: "bench")
        let ourTimes = try await (0..<repetitions).asyncMap { _ in
            try await Clock.seconds { _ = try await services.units.stats(cli, code: code, asOf: today) }
        }
        let path = try await services.units.get(cli, code: code).path
        let range = PathRange.of(path)
        let query = """
            SELECT v.kind, v.has_committee, COUNT(*) FROM unit_versions v WHERE v.path >= '\(range.lower)' AND v.path < '\(range.upper)'
            AND v.valid_from <= '\(today.iso)' AND (v.valid_to IS NULL OR v.valid_to > '\(today.iso)') AND v.voided_by_event_id IS NULL
            GROUP BY v.kind, v.has_committee;
            SELECT CASE WHEN m.left_on IS NOT NULL AND m.left_on <= '\(today.iso)' THEN m.status
                WHEN m.recognized_on IS NOT NULL AND m.recognized_on <= '\(today.iso)' THEN (CASE WHEN m.status = 'exempt' THEN 'exempt' ELSE 'full' END)
                WHEN m.admitted_on IS NOT NULL AND m.admitted_on <= '\(today.iso)' THEN 'probationary'
                WHEN m.status = 'candidate' THEN 'candidate' ELSE NULL END AS s, COUNT(*)
            FROM members m WHERE m.unit_path >= '\(range.lower)' AND m.unit_path < '\(range.upper)' GROUP BY 1;
            """
        // Two statements per run (units, then members by status): add their times pairwise.
        let statementTimes = try rawQueryTimes(location, query: query, times: repetitions)
        let rawTimes = Bench.pairSums(statementTimes)
        let a = median(ourTimes)
        let b = median(rawTimes)
        return ("Subtree counts (units and members by status), \(label) (median of \(repetitions))", ms(a), ms(b), ratio(a, b))
    }

    /// The raw engine does the same work as our import: the rows land in two tables (the register and its first
    /// versions) carrying the same six indexes as ours (code unique, parent, path; unit, path, parent).
    static func rawIndexes() -> String {
        """
        ALTER TABLE raw_units ADD COLUMN path TEXT; UPDATE raw_units SET path = '/' || code || '/';
        CREATE UNIQUE INDEX raw_units_code ON raw_units (code); CREATE INDEX raw_units_parent ON raw_units (parent_code);
        CREATE INDEX raw_units_path ON raw_units (path);
        CREATE TABLE raw_versions AS SELECT * FROM raw_units;
        CREATE INDEX raw_versions_unit ON raw_versions (code, founded_on); CREATE INDEX raw_versions_path ON raw_versions (path, founded_on);
        CREATE INDEX raw_versions_parent ON raw_versions (parent_code, founded_on);
        """
    }

    /// Wall time of each run of `query` inside the engine's own client, read from its timer.
    static func rawQueryTimes(_ location: DatabaseLocation, query: String, times: Int) throws -> [Double] {
        try rawStatementTimes(location, statements: Array(repeating: query, count: times))
    }

    /// Wall time of each statement inside the engine's own client (one session), read from its timer. On SQLite the
    /// statements run on `sqlitePath` when given, else on the benchmarked file.
    static func rawStatementTimes(_ location: DatabaseLocation, sqlitePath: String? = nil, statements: [String]) throws -> [Double] {
        switch location {
        case .sqlite(let ours):
            let script = ".timer on\n" + statements.joined(separator: "\n") + "\n"
            let output = try Shell.output("sqlite3", [sqlitePath ?? ours], input: script)
            return output.split(separator: "\n").compactMap { line -> Double? in
                guard line.hasPrefix("Run Time: real ") else { return nil }
                return Double(line.dropFirst("Run Time: real ".count).split(separator: " ").first ?? "")
            }
        case .postgres(let url):
            let script = "\\timing on\n" + statements.joined(separator: "\n") + "\n"
            let output = try Shell.output("psql", [url, "-q"], input: script)
            return output.split(separator: "\n").compactMap { line -> Double? in
                guard line.hasPrefix("Time: ") else { return nil }
                return Double(line.dropFirst("Time: ".count).split(separator: " ").first ?? "").map { $0 / 1000 }
            }
        }
    }

    /// The nearest-rank percentile `p` (0…1) of `values`.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
    }

    /// The times of runs made of two statements each (the raw engine times statements, not runs).
    static func pairSums(_ times: [Double]) -> [Double] {
        stride(from: 0, to: times.count - 1, by: 2).map { times[$0] + times[$0 + 1] }
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }
    /// "—" for a figure not measured (NaN: the raw engine's run left out).
    static func ms(_ seconds: Double) -> String { seconds.isNaN ? "—" : String(format: "%.1f ms", seconds * 1000) }
    static func rate(_ rows: Int, _ seconds: Double) -> String {
        String(format: "%.2f s (%@ rows/s)", seconds, VietnameseFormat.integer(Int(Double(rows) / seconds)))
    }
    static func ratio(_ ours: Double, _ raw: Double) -> String {
        let value = ours / raw
        // No ratio to a figure not measured, nor to a raw time below the clock's resolution (sqlite3 prints 0.000).
        guard value.isFinite else { return "—" }
        return String(format: value < 0.1 ? "%.3f×" : "%.1f×", value)
    }
}

enum Clock {
    static func seconds(_ body: () async throws -> Void) async throws -> Double {
        let start = ContinuousClock.now
        try await body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    static func seconds(_ body: () throws -> Void) throws -> Double {
        let start = ContinuousClock.now
        try body()
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}

/// stderr of a child process, read on another thread.
final class ErrorOutput: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Data? = nil
    var data: Data {
        get { lock.withLock { stored ?? Data() } }
        set { lock.withLock { stored = newValue } }
    }
    var done: Bool { lock.withLock { stored != nil } }
}

enum Shell {
    static func run(_ tool: String, _ arguments: [String]) throws { _ = try output(tool, arguments) }

    @discardableResult
    static func output(_ tool: String, _ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let inPipe = Pipe()
        if input != nil { process.standardInput = inPipe }
        try process.run()
        // Input goes in on its own thread: a tool that answers as it reads would otherwise fill the output pipe
        // while we are still writing, and both would wait for ever. Errors are drained the same way.
        let writer = input.map { text in
            Thread {
                inPipe.fileHandleForWriting.write(Data(text.utf8))
                try? inPipe.fileHandleForWriting.close()
            }
        }
        writer?.start()
        let errorBox = ErrorOutput()
        let errorReader = Thread { errorBox.data = err.fileHandleForReading.readDataToEndOfFile() }
        errorReader.start()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorBox.done { usleep(1_000) }
        let errors = errorBox.data
        guard process.terminationStatus == 0 else {
            throw CommandFailure(description: "\(tool) failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

extension Sequence {
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
