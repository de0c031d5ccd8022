import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// How far a demo load has come, for the progress page and the terminal.
public struct DemoProgress: Sendable, Equatable {
    public enum Stage: String, Sendable {
        case idle, generating, loading, done, failed
    }

    public var stage: Stage = .idle
    public var units = 0
    public var members = 0
    public var message = ""

    public init() {}
}

/// Generated, realistic data (`DemoTree`, `DemoMembers`): what the first page offers on an empty database,
/// `tochuc demo` loads, and the benchmarks measure. Deterministic by seed.
public struct DemoService: Sendable {
    let db: Database
    let interchange: InterchangeService

    public init(db: Database) {
        self.db = db
        self.interchange = InterchangeService(db: db)
    }

    public enum Scale: String, Sendable, CaseIterable {
        case province
        case nation

        var tree: DemoTree.Size { self == .nation ? .nation : .province }
        /// Members per cell: ~9 for a province demo page, ~23 nationally (5.6 million members over ~240,000 cells).
        var perCell: ClosedRange<Int> { self == .nation ? 12...34 : 4...14 }
    }

    /// Writes the dataset into a folder: org_units.csv and members.csv, and the records made of them
    /// (`DemoRecords`: congresses.csv, positions.csv, evaluations.csv).
    public static func write(scale: Scale, seed: UInt64, today: CivilDate, to folder: URL) throws -> (units: Int, members: Int) {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unitRows = DemoTree.rows(size: scale.tree, seed: seed)
        try Data(unitRows.map(CSV.line).joined().utf8).write(to: folder.appendingPathComponent(OrgUnitsFile.fileName))
        let memberRows = DemoMembers.rows(cells: cells(of: unitRows), perCell: scale.perCell, today: today, seed: seed &+ 1)
        try writeCSV(memberRows, to: folder.appendingPathComponent(MembersFile.fileName))
        let congresses = DemoRecords.congresses(unitRows: unitRows, seed: seed &+ 2)
        try writeCSV(congresses, to: folder.appendingPathComponent(CongressesFile.fileName))
        try writeCSV(
            DemoRecords.positions(unitRows: unitRows, memberRows: memberRows, congresses: congresses, seed: seed &+ 3),
            to: folder.appendingPathComponent(PositionsFile.fileName))
        try writeCSV(
            DemoRecords.evaluations(unitRows: unitRows, memberRows: memberRows, today: today, seed: seed &+ 4),
            to: folder.appendingPathComponent(EvaluationsFile.fileName))
        return (unitRows.count - 1, memberRows.count - 1)
    }

    /// The cells of a generated tree (`DemoTree.rows`), with the province each belongs to and its founding date.
    public static func cells(of unitRows: [[String]]) -> [(code: String, province: Int, founded: CivilDate)] {
        let header = unitRows[0]
        let code = header.firstIndex(of: "code")!
        let kind = header.firstIndex(of: "kind")!
        let founded = header.firstIndex(of: "founded_on")!
        var cells: [(code: String, province: Int, founded: CivilDate)] = []
        for row in unitRows.dropFirst() where row[kind] == UnitKind.cell.rawValue {
            // Codes are T01-…: the province index is in the code.
            let province = Int(row[code].dropFirst().prefix(2)).map { $0 - 1 } ?? 0
            cells.append((row[code], province, CivilDate(parsing: row[founded]) ?? CivilDate(year: 2000, month: 1, day: 1)!))
        }
        return cells
    }

    /// Writes rows as one CSV file.
    public static func writeCSV(_ rows: [[String]], to url: URL) throws {
        var text = ""
        text.reserveCapacity(rows.count * 160)
        for row in rows { text += CSV.line(row) }
        try Data(text.utf8).write(to: url)
    }

    /// Generates and loads the demo in one import (all or nothing), reporting the stage.
    public func load(
        _ principal: Principal, scale: Scale, seed: UInt64 = 2025, progress: @Sendable (DemoProgress) async -> Void = { _ in }
    ) async throws -> ImportSummary {
        try principal.requireAdmin()
        var state = DemoProgress()
        state.stage = .generating
        await progress(state)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-demo-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let counts = try Self.write(scale: scale, seed: seed, today: Timestamp.vietnamDate(), to: folder)
        state.stage = .loading
        state.units = counts.units
        state.members = counts.members
        await progress(state)
        let summary = try await interchange.importDataset(principal, at: folder)
        state.stage = .done
        await progress(state)
        return summary
    }

    /// Whether the database holds no members yet (the first page then offers the demo).
    public func isEmpty() async throws -> Bool {
        try await db.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM (SELECT id FROM members LIMIT 1) x").first()?.decode(column: "n", as: Int.self) == 0
        }
    }
}
