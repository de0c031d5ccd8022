import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// What an import did (or, on a dry run, would do).
public struct ImportSummary: Sendable, Equatable, Codable {
    public var created = 0
    public var updated = 0
    public var unchanged = 0
    public var files: [String] = []

    mutating func add(_ counts: (created: Int, updated: Int, unchanged: Int)) {
        created += counts.created
        updated += counts.updated
        unchanged += counts.unchanged
    }

    public init(created: Int = 0, updated: Int = 0, unchanged: Int = 0, files: [String] = []) {
        self.created = created
        self.updated = updated
        self.unchanged = unchanged
        self.files = files
    }
}

/// A dataset read from disk: each file's rows with the line (or spreadsheet row) each came from.
struct Dataset {
    var tables: [String: [CSV.Record]] = [:]
    var hashes: [String: String] = [:]
}

/// Import and export in the interchange format (INTERCHANGE.md): a folder of CSV files or one .xlsx workbook.
public struct InterchangeService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// The files this version knows, in load order (files that refer to others come after them).
    public static let knownFiles = [
        OrgUnitsFile.fileName, CongressesFile.fileName, MembersFile.fileName, AgenciesFile.fileName, PositionsFile.fileName, TrainingsFile.fileName,
        ExamsFile.fileName, VettingCasesFile.fileName, EvaluationsFile.fileName, StaffingQuotasFile.fileName, DocumentsFile.fileName,
        ProposalsFile.fileName, TasksFile.fileName,
    ]

    /// Loads a dataset, all or nothing. Throws `ImportFailure` naming every wrong row; nothing is stored then.
    /// `progress`, when given, hears the stages (reading, checking, writing) and ends with `done` (after the commit)
    /// or `failed` (after the rollback: by then nothing is stored).
    public func importDataset(
        _ principal: Principal, at url: URL, progress: (@Sendable (ImportProgress) async -> Void)? = nil
    ) async throws -> ImportSummary {
        try principal.requireWrite()
        await progress?(ImportProgress(stage: .reading, file: url.lastPathComponent))
        do {
            let summary = try await load(principal, at: url, progress: progress)
            await progress?(ImportProgress(stage: .done, file: url.lastPathComponent))
            return summary
        } catch {
            await progress?(ImportProgress(stage: .failed, file: url.lastPathComponent))
            throw error
        }
    }

    private func load(
        _ principal: Principal, at url: URL, progress: (@Sendable (ImportProgress) async -> Void)?
    ) async throws -> ImportSummary {
        let dataset = try Self.read(url)
        let files = dataset.tables.keys.sorted()
        let sourceName = url.lastPathComponent
        // Each file's reports carry its place among the files loaded, so that the overall bar never goes back.
        let loading = Self.knownFiles.filter { dataset.tables[$0] != nil }
        let reporters = Dictionary(uniqueKeysWithValues: loading.enumerated().map { index, file in
            (file, ImportProgressReporter(callback: progress, file: file, fileIndex: index, fileCount: loading.count))
        })
        let rowCount = dataset.tables.values.reduce(0) { $0 + max(0, $1.count - 1) }
        await progress?(ImportProgress(stage: .reading, file: sourceName, rowsDone: rowCount, rowsTotal: rowCount, fileCount: max(1, loading.count)))
        let summary = try await write(principal, dataset: dataset, files: files, sourceName: sourceName, reporters: reporters)
        // After a large load the planner's statistics are stale (PostgreSQL would walk the name index for a rare name).
        if summary.created + summary.updated >= 10_000 {
            try await db.refreshStatistics(tables: Self.bulkTables)
        }
        return summary
    }

    /// The tables a large load fills: their statistics are refreshed after it (ANALYZE samples a fixed number of rows,
    /// so the small ones cost nothing). Until then PostgreSQL plans by the counts it had before the load: none, for a
    /// first load of ratings or positions.
    static let bulkTables = [
        "units", "unit_versions", "members", "member_terms", "name_words", "member_events", "congresses", "cadres", "positions",
        "evaluations", "unit_rating_counts",
    ]

    private func write(
        _ principal: Principal, dataset: Dataset, files: [String], sourceName: String, reporters: [String: ImportProgressReporter]
    ) async throws -> ImportSummary {
        try await db.write { sql in
            var summary = ImportSummary(files: files)
            // Files that refer to others load after them; problems of every file are reported together.
            var problems: [ImportProblem] = []
            if let rows = dataset.tables[OrgUnitsFile.fileName] {
                do {
                    let counts = try await Self.importUnits(
                        sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[OrgUnitsFile.fileName] ?? ""),
                        progress: reporters[OrgUnitsFile.fileName] ?? .silent)
                    summary.add(counts)
                } catch let failure as ImportFailure {
                    problems += failure.problems
                }
            }
            // Congresses name units only (issue 6).
            if let rows = dataset.tables[CongressesFile.fileName], problems.isEmpty {
                summary.add(try await CongressImport.importCongresses(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[CongressesFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate()))
            }
            if let rows = dataset.tables[MembersFile.fileName], problems.isEmpty {
                let counts = try await MemberImport.importMembers(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[MembersFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate(), progress: reporters[MembersFile.fileName] ?? .silent)
                summary.add(counts)
            }
            // Cadre work (issue 5): agencies, then positions (they name members, units and agencies).
            if let rows = dataset.tables[AgenciesFile.fileName], problems.isEmpty {
                summary.add(try await CadreImport.importAgencies(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[AgenciesFile.fileName] ?? "")))
            }
            if let rows = dataset.tables[PositionsFile.fileName], problems.isEmpty {
                summary.add(try await CadreImport.importPositions(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[PositionsFile.fileName] ?? "")))
            }
            // Training (issue 5): courses and trainees, then exams (their plans name courses).
            if let rows = dataset.tables[TrainingsFile.fileName], problems.isEmpty {
                summary.add(try await TrainingImport.importTrainings(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[TrainingsFile.fileName] ?? "")))
            }
            if let rows = dataset.tables[ExamsFile.fileName], problems.isEmpty {
                summary.add(try await ExamImport.importExams(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[ExamsFile.fileName] ?? "")))
            }
            // Vetting cases name members, cadres and units: last.
            if let rows = dataset.tables[VettingCasesFile.fileName], problems.isEmpty {
                summary.add(try await VettingImport.importCases(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[VettingCasesFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate()))
            }
            // Ratings name members and units.
            if let rows = dataset.tables[EvaluationsFile.fileName], problems.isEmpty {
                summary.add(try await EvaluationImport.importEvaluations(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[EvaluationsFile.fileName] ?? "")))
            }
            // Staffing quotas name agencies.
            if let rows = dataset.tables[StaffingQuotasFile.fileName], problems.isEmpty {
                summary.add(try await StaffingImport.importQuotas(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[StaffingQuotasFile.fileName] ?? "")))
            }
            // Between levels (issue 7): documents, then proposals (they name units), then tasks (they name documents).
            if let rows = dataset.tables[DocumentsFile.fileName], problems.isEmpty {
                summary.add(try await BetweenImport.importDocuments(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[DocumentsFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate()))
            }
            if let rows = dataset.tables[ProposalsFile.fileName], problems.isEmpty {
                summary.add(try await BetweenImport.importProposals(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[ProposalsFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate()))
            }
            if let rows = dataset.tables[TasksFile.fileName], problems.isEmpty {
                summary.add(try await BetweenImport.importTasks(
                    sql, principal: principal, records: rows, source: (sourceName, dataset.hashes[TasksFile.fileName] ?? ""),
                    today: Timestamp.vietnamDate()))
            }
            if !problems.isEmpty { throw ImportFailure(problems: problems) }
            return summary
        }
    }

    /// Reads a folder of CSV files or an .xlsx workbook; unknown file or sheet names are refused.
    static func read(_ url: URL) throws -> Dataset {
        var dataset = Dataset()
        var problems: [ImportProblem] = []
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportFailure(problems: [ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: Catalogue.notFound)])
        }
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: url.path).filter { !$0.hasPrefix(".") }.sorted()
            for name in names where name != "manifest.json" {
                guard knownFiles.contains(name) else {
                    problems.append(ImportProblem(file: name, line: nil, column: nil, reason: Catalogue.importUnknownFile(name)))
                    continue
                }
                let data = try Data(contentsOf: url.appendingPathComponent(name))
                dataset.hashes[name] = Secrets.sha256Hex(data)
                do {
                    dataset.tables[name] = try CSV.parse(data)
                } catch CSV.ParseError.notUTF8 {
                    problems.append(ImportProblem(file: name, line: nil, column: nil, reason: Catalogue.importEncoding))
                } catch CSV.ParseError.unclosedQuote(let line) {
                    problems.append(ImportProblem(file: name, line: line, column: nil, reason: Catalogue.importMalformed))
                } catch CSV.ParseError.nulCharacter(let line) {
                    problems.append(ImportProblem(file: name, line: line, column: nil, reason: Catalogue.nulCharacter))
                }
            }
        } else if url.pathExtension.lowercased() == "xlsx" {
            let data = try Data(contentsOf: url)
            let sheets: [(name: String, rows: [[String]])]
            do {
                sheets = try XLSX.read(data: data)
            } catch {
                throw ImportFailure(problems: [
                    ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: Catalogue.importNotXLSX)
                ])
            }
            for sheet in sheets {
                let fileName = sheet.name.hasSuffix(".csv") ? sheet.name : sheet.name + ".csv"
                guard knownFiles.contains(fileName) else {
                    problems.append(ImportProblem(file: sheet.name, line: nil, column: nil, reason: Catalogue.importUnknownFile(sheet.name)))
                    continue
                }
                dataset.hashes[fileName] = Secrets.sha256Hex(data)
                if let row = sheet.rows.firstIndex(where: { $0.contains { $0.contains("\u{0}") } }) {
                    problems.append(ImportProblem(file: sheet.name, line: row + 1, column: nil, reason: Catalogue.nulCharacter))
                    continue
                }
                // Spreadsheets drop trailing empty cells: pad every row to the header's width.
                let width = sheet.rows.first?.count ?? 0
                dataset.tables[fileName] = sheet.rows.enumerated().compactMap { index, row in
                    row.allSatisfy(\.isEmpty)
                        ? nil : CSV.Record(line: index + 1, fields: row + Array(repeating: "", count: max(0, width - row.count)))
                }
            }
        } else if knownFiles.contains(url.lastPathComponent) {
            let data = try Data(contentsOf: url)
            dataset.hashes[url.lastPathComponent] = Secrets.sha256Hex(data)
            do {
                dataset.tables[url.lastPathComponent] = try CSV.parse(data)
            } catch CSV.ParseError.notUTF8 {
                problems.append(ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: Catalogue.importEncoding))
            } catch CSV.ParseError.unclosedQuote(let line) {
                problems.append(ImportProblem(file: url.lastPathComponent, line: line, column: nil, reason: Catalogue.importMalformed))
            } catch CSV.ParseError.nulCharacter(let line) {
                problems.append(ImportProblem(file: url.lastPathComponent, line: line, column: nil, reason: Catalogue.nulCharacter))
            }
        } else {
            problems.append(
                ImportProblem(file: url.lastPathComponent, line: nil, column: nil, reason: Catalogue.importUnknownFile(url.lastPathComponent)))
        }
        problems += cellsTooLong(dataset)
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
        return dataset
    }

    /// No field of any file holds more text than this (the longest, a proposal's text, allows 10,000 characters): a cell
    /// of a megabyte is a broken file, refused before any row is checked (and never echoed back in a message).
    public static let maximumCellLength = 10_000

    static func cellsTooLong(_ dataset: Dataset) -> [ImportProblem] {
        var problems: [ImportProblem] = []
        for (file, records) in dataset.tables.sorted(by: { $0.key < $1.key }) {
            let header = records.first?.fields ?? []
            for record in records {
                // UTF-8 length first: it is known without walking the text, and never below the count of characters.
                for (index, field) in record.fields.enumerated() where field.utf8.count > maximumCellLength && field.count > maximumCellLength {
                    problems.append(ImportProblem(
                        file: file, line: record.line, column: index < header.count && header[index].utf8.count <= 100 ? header[index] : nil,
                        reason: Catalogue.importCellTooLong(maximumCellLength, field.count)))
                }
            }
        }
        return problems
    }

    /// Checks every row first (so that the report names them all), then writes parents before children.
    static func importUnits(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String),
        progress: ImportProgressReporter = .silent
    ) async throws -> (created: Int, updated: Int, unchanged: Int) {
        let file = OrgUnitsFile.fileName
        guard let header = records.first else { return (0, 0, 0) }
        let index: [String: Int]
        switch HeaderMapping.map(header: header.fields, columns: OrgUnitsFile.columns, file: file, line: header.line) {
        case .success(let map): index = map
        case .failure(let failure): throw failure
        }
        var problems: [ImportProblem] = []
        var drafts: [(line: Int, draft: UnitDraft)] = []
        var lineOfCode: [String: Int] = [:]
        let rowCount = records.count - 1
        for (done, record) in records.dropFirst().enumerated() {
            await progress.checked(done, of: rowCount)
            if record.fields.count != header.fields.count {
                problems.append(
                    ImportProblem(file: file, line: record.line, column: nil,
                        reason: Catalogue.importWrongFieldCount(record.fields.count, header.fields.count)))
                continue
            }
            func cell(_ name: String) -> String {
                index[name].map { record.fields[$0].trimmed } ?? ""
            }
            guard let flag = UnitRules.parseFlag(cell("has_committee")) else {
                problems.append(ImportProblem(file: file, line: record.line, column: "has_committee", reason: Catalogue.unknownValue(cell("has_committee"))))
                continue
            }
            let sector = cell("sector").isEmpty ? Sector.other.rawValue : cell("sector")
            let draft = UnitDraft(
                code: cell("code"), name: cell("name"), kind: cell("kind"), parentCode: cell("parent_code"), sector: sector,
                hasCommittee: flag, foundedOn: cell("founded_on"), dissolvedOn: cell("dissolved_on"))
            if let first = lineOfCode[draft.code] {
                problems.append(ImportProblem(file: file, line: record.line, column: "code", reason: Catalogue.importDuplicateKey(draft.code, firstLine: first)))
                continue
            }
            lineOfCode[draft.code] = record.line
            drafts.append((record.line, draft))
        }
        // What the file says about each code, and what the database has.
        let byCode = Dictionary(uniqueKeysWithValues: drafts.map { ($0.draft.code, $0) })
        var existing: [String: OrgUnit] = [:]
        let wanted = Array(Set(drafts.flatMap { [$0.draft.code, $0.draft.parentCode] }.filter { !$0.isEmpty }))
        for chunk in Batches.of(wanted) {
            let rows = try await sql.raw(
                "SELECT \(unsafeRaw: UnitStore.columns) FROM \(unsafeRaw: UnitStore.from) WHERE u.code IN (\(binds: chunk))"
            ).all()
            for row in rows {
                let unit = try UnitStore.unit(from: row)
                existing[unit.code] = unit
            }
        }
        // Codes taken by agencies (a few thousand at most): a unit may not take one.
        let agencyCodes = Set(try await sql.raw("SELECT code FROM agencies").all().map { try $0.decode(column: "code", as: String.self) })
        func kind(of code: String) -> UnitKind? {
            if let row = byCode[code] { return UnitRules.parseKind(row.draft.kind) }
            return existing[code]?.kind
        }
        var valid: [String: (line: Int, draft: UnitDraft)] = [:]
        for (line, draft) in drafts {
            var rowProblems: [ImportProblem] = []
            let parent = draft.parentCode
            if !parent.isEmpty {
                if byCode[parent] == nil && existing[parent] == nil {
                    rowProblems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.parentNotFound(parent)))
                } else if let found = existing[parent], byCode[parent] == nil, !principal.sees(path: found.path) {
                    rowProblems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.outsideScope))
                }
            } else if !(principal.isRootScope && principal.role.canManageAccounts) && !(existing[draft.code]?.parentCode == nil && existing[draft.code] != nil) {
                // A new root needs an administrator of the whole database; an existing root may be updated by its own.
                rowProblems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.rootNeedsAdmin))
            }
            if let current = existing[draft.code], !principal.sees(path: current.path) {
                rowProblems.append(ImportProblem(file: file, line: line, column: "code", reason: Catalogue.unitCodeTaken(draft.code)))
            } else if existing[draft.code] == nil && agencyCodes.contains(draft.code) {
                rowProblems.append(ImportProblem(file: file, line: line, column: "code", reason: Catalogue.agencyCodeTaken))
            }
            if case .failure(.invalid(_, let errors)) = UnitRules.check(draft, parentKind: parent.isEmpty ? nil : kind(of: parent)) {
                rowProblems += errors.map { ImportProblem(file: file, line: line, column: $0.field, reason: $0.message) }
            }
            if rowProblems.isEmpty { valid[draft.code] = (line, draft) }
            problems += rowProblems
        }
        // Cycles: follow each row's parent chain through the file and the database.
        for (line, draft) in drafts {
            var seen: Set<String> = [draft.code]
            var next = draft.parentCode
            while !next.isEmpty {
                if seen.contains(next) {
                    problems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.cycle))
                    break
                }
                seen.insert(next)
                next = byCode[next]?.draft.parentCode ?? existing[next]?.parentCode ?? ""
            }
        }
        if !problems.isEmpty {
            throw ImportFailure(problems: problems.sorted { ($0.line ?? 0, $0.column ?? "") < ($1.line ?? 0, $1.column ?? "") })
        }
        // Parents first: order by depth within the file (computed once per row; the chain was checked acyclic above).
        var depths: [String: Int] = [:]
        func depth(_ code: String) -> Int {
            if let known = depths[code] { return known }
            let parent = byCode[code]?.draft.parentCode ?? ""
            let d = byCode[parent] == nil ? 0 : depth(parent) + 1
            depths[code] = d
            return d
        }
        let ordered = drafts.map { (depth: depth($0.draft.code), row: $0) }.sorted { ($0.depth, $0.row.line) < ($1.depth, $1.row.line) }
            .map(\.row)
        var unchanged = 0
        var changes: [(line: Int, draft: UnitDraft, current: OrgUnit)] = []
        var fresh: [(line: Int, unit: ValidUnit)] = []
        for (line, draft) in ordered {
            let valid = try UnitRules.check(draft, parentKind: nil).get()
            if let current = existing[draft.code] {
                if current.auditValues == Self.values(of: valid) { unchanged += 1 } else { changes.append((line, draft, current)) }
            } else {
                fresh.append((line, valid))
            }
        }
        try await checkDates(sql, fresh: fresh, existing: existing, file: file)
        await progress.report(.checking, rowCount, of: rowCount)
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: [
                "file": file, "sha256": source.hash, "rows": String(records.count - 1), "created": String(fresh.count),
                "updated": String(changes.count),
            ])
        let writes = fresh.count + changes.count
        await progress.report(.writing, 0, of: writes)
        try await bulkInsert(sql, fresh.map(\.unit), existing: existing, auditId: auditId)
        await progress.report(.writing, fresh.count, of: writes)
        for (done, (line, draft, current)) in changes.enumerated() {
            await progress.updated(done, after: fresh.count, of: writes)
            do {
                _ = try await UnitService.update(sql, principal: principal, code: draft.code, draft: draft, expectedVersion: current.version)
            } catch let error as DomainError {
                var rowProblems: [ImportProblem] = []
                if case .invalid(_, let errors) = error {
                    rowProblems = errors.map { ImportProblem(file: file, line: line, column: $0.field, reason: $0.message) }
                }
                if rowProblems.isEmpty { rowProblems = [ImportProblem(file: file, line: line, column: nil, reason: error.message)] }
                throw ImportFailure(problems: rowProblems)
            }
        }
        await progress.report(.writing, writes, of: writes)
        return (fresh.count, changes.count, unchanged)
    }

    /// A new unit's parent must exist when the unit is founded and not end before it does.
    static func checkDates(_ sql: any SQLDatabase, fresh: [(line: Int, unit: ValidUnit)], existing: [String: OrgUnit], file: String) async throws {
        let inFile = Dictionary(uniqueKeysWithValues: fresh.map { ($0.unit.code, $0.unit) })
        var latest: [String: UnitVersion?] = [:]
        var problems: [ImportProblem] = []
        for (line, unit) in fresh {
            guard let parentCode = unit.parentCode else { continue }
            var parentFrom: CivilDate? = nil
            var parentTo: CivilDate? = nil
            if let parent = inFile[parentCode] {
                parentFrom = parent.foundedOn
                parentTo = parent.dissolvedOn
            } else if let parent = existing[parentCode] {
                if latest[parentCode] == nil { latest[parentCode] = try await UnitHistory.latest(sql, unitId: parent.id) }
                guard let newest = latest[parentCode] ?? nil else { continue }
                // Units enter under the parent's newest version: founded no earlier than it.
                parentFrom = newest.foundedKnown ? newest.validFrom : nil
                parentTo = newest.validTo
            }
            if let from = unit.foundedOn, let parentFrom, from < parentFrom {
                problems.append(ImportProblem(file: file, line: line, column: "founded_on", reason: Catalogue.unitNotOnDate(parentCode, VietnameseFormat.date(from))))
            }
            if let parentTo, unit.dissolvedOn.map({ $0 > parentTo }) ?? true {
                problems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.unitNotOnDate(parentCode, VietnameseFormat.date(parentTo))))
            }
        }
        if !problems.isEmpty { throw ImportFailure(problems: problems) }
    }

    /// Inserts new units (already checked, parents first) with multi-row statements: ids are assigned here so that
    /// each unit's materialized path is known before it is written.
    static func bulkInsert(_ sql: any SQLDatabase, _ units: [ValidUnit], existing: [String: OrgUnit], auditId: Int64) async throws {
        guard !units.isEmpty else { return }
        var nextId = (try await sql.raw("SELECT COALESCE(MAX(id), 0) AS n FROM units").first()?.decode(column: "n", as: Int64.self) ?? 0) + 1
        var placed: [String: (id: Int64, path: String, depth: Int)] = [:]
        for (code, unit) in existing { placed[code] = (unit.id, unit.path, unit.depth) }
        let now = Timestamp.now()
        var unitRows: [[SQLValue]] = []
        var versionRows: [[SQLValue]] = []
        unitRows.reserveCapacity(units.count)
        versionRows.reserveCapacity(units.count)
        for unit in units {
            let parent = unit.parentCode.flatMap { placed[$0] }
            let id = nextId
            nextId += 1
            let path = (parent?.path ?? "/") + "\(id)/"
            let depth = (parent?.depth ?? -1) + 1
            placed[unit.code] = (id, path, depth)
            let folded = VietnameseText.fold(unit.name)
            let committee = SQLValue.integer(unit.hasCommittee ? 1 : 0)
            unitRows.append([
                .integer(id), .text(unit.code), .text(unit.name), .text(folded), .text(unit.kind.rawValue), SQLValue(parent?.id),
                .text(unit.sector.rawValue), committee, SQLValue(unit.foundedOn?.iso), SQLValue(unit.dissolvedOn?.iso), .text(path),
                .integer(Int64(depth)), .integer(1), .text(now), .text(now), .integer(auditId),
            ])
            versionRows.append([
                .integer(id), .text((unit.foundedOn ?? UnitVersion.epoch).iso), SQLValue(unit.dissolvedOn?.iso), .text(unit.name),
                .text(folded), .text(unit.kind.rawValue), .text(unit.sector.rawValue), committee, SQLValue(parent?.id), .text(path),
                .integer(Int64(depth)),
            ])
        }
        try await BulkInsert.insert(
            sql, table: "units",
            columns: [
                "id", "code", "name", "name_folded", "kind", "parent_id", "sector", "has_committee", "founded_on", "dissolved_on", "path",
                "depth", "version", "created_at", "updated_at", "import_audit_id",
            ], rows: unitRows)
        try await BulkInsert.insert(
            sql, table: "unit_versions",
            columns: ["unit_id", "valid_from", "valid_to", "name", "name_folded", "kind", "sector", "has_committee", "parent_id", "path", "depth"],
            rows: versionRows)
        try await BulkInsert.syncIdentity(sql, table: "units")
    }

    static func values(of unit: ValidUnit) -> [String: String?] {
        UnitDraft(
            code: unit.code, name: unit.name, kind: unit.kind.rawValue, parentCode: unit.parentCode ?? "",
            sector: unit.sector.rawValue, hasCommittee: unit.hasCommittee, foundedOn: unit.foundedOn?.iso ?? "",
            dissolvedOn: unit.dissolvedOn?.iso ?? ""
        ).auditValues
    }

    // MARK: - Export

    public enum ExportFormat: String, Sendable, CaseIterable {
        case csv
        case xlsx
    }

    /// The rows of `org_units.csv` for the principal's subtree, parents before children; header first.
    public func orgUnitRows(_ principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let units = try await db.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: UnitStore.columns) FROM \(unsafeRaw: UnitStore.from) WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) ORDER BY u.depth, u.code"
            ).all().map(UnitStore.unit)
        }
        let header = OrgUnitsFile.columns.map(\.name)
        return [header] + units.map { unit in
            // A unit whose parent lies outside the exported subtree becomes a root of the export.
            let parent = principal.isRootScope || unit.path != principal.unitPath ? unit.parentCode ?? "" : ""
            return [
                unit.code, unit.name, unit.kind.rawValue, parent, unit.sector.rawValue, unit.hasCommittee ? "true" : "false",
                unit.foundedOn?.iso ?? "", unit.dissolvedOn?.iso ?? "",
            ]
        }
    }

    /// Writes the dataset verbatim to a folder of CSV files (with `manifest.json`) or to one .xlsx (manifest beside it).
    public func export(_ principal: Principal, format: ExportFormat, to url: URL, programVersion: String) async throws -> [String: Int] {
        let units = try await orgUnitRows(principal)
        let members = try await db.read { sql in try await MemberImport.rows(sql, principal: principal) }
        let agencies = try await db.read { sql in try await CadreImport.agencyRows(sql, principal: principal) }
        let positions = try await db.read { sql in try await CadreImport.positionRows(sql, principal: principal) }
        let vetting = try await db.read { sql in try await VettingImport.rows(sql, principal: principal) }
        let evaluations = try await db.read { sql in try await EvaluationImport.rows(sql, principal: principal) }
        let staffing = try await db.read { sql in try await StaffingImport.rows(sql, principal: principal) }
        let trainings = try await db.read { sql in try await TrainingImport.rows(sql, principal: principal) }
        let exams = try await db.read { sql in try await ExamImport.rows(sql, principal: principal) }
        let congresses = try await db.read { sql in try await CongressImport.rows(sql, principal: principal) }
        let documents = try await db.read { sql in try await BetweenImport.documentRows(sql, principal: principal) }
        let proposals = try await db.read { sql in try await BetweenImport.proposalRows(sql, principal: principal) }
        let tasks = try await db.read { sql in try await BetweenImport.taskRows(sql, principal: principal) }
        let tables: [(file: String, sheet: String, rows: [[String]])] = [
            (OrgUnitsFile.fileName, OrgUnitsFile.sheetName, units), (CongressesFile.fileName, CongressesFile.sheetName, congresses),
            (MembersFile.fileName, MembersFile.sheetName, members),
            (AgenciesFile.fileName, AgenciesFile.sheetName, agencies), (PositionsFile.fileName, PositionsFile.sheetName, positions),
            (TrainingsFile.fileName, TrainingsFile.sheetName, trainings), (ExamsFile.fileName, ExamsFile.sheetName, exams),
            (VettingCasesFile.fileName, VettingCasesFile.sheetName, vetting), (EvaluationsFile.fileName, EvaluationsFile.sheetName, evaluations),
            (StaffingQuotasFile.fileName, StaffingQuotasFile.sheetName, staffing),
            (DocumentsFile.fileName, DocumentsFile.sheetName, documents), (ProposalsFile.fileName, ProposalsFile.sheetName, proposals),
            (TasksFile.fileName, TasksFile.sheetName, tasks),
        ]
        var files: [String: (rows: Int, sha256: String)] = [:]
        switch format {
        case .csv:
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for table in tables {
                let data = Data(table.rows.map(CSV.line).joined().utf8)
                try data.write(to: url.appendingPathComponent(table.file), options: .atomic)
                files[table.file] = (table.rows.count - 1, Secrets.sha256Hex(data))
            }
            try writeManifest(principal, files: files, version: programVersion, to: url.appendingPathComponent("manifest.json"))
        case .xlsx:
            let sheets = tables.map { table in
                XLSXSheet(name: table.sheet, rows: table.rows.map { $0.map { $0.isEmpty ? .empty : .text($0) } })
            }
            let data = try XLSX.data(sheets)
            try data.write(to: url, options: .atomic)
            for table in tables { files[table.file] = (table.rows.count - 1, Secrets.sha256Hex(data)) }
            try writeManifest(
                principal, files: files, version: programVersion,
                to: url.deletingPathExtension().appendingPathExtension("manifest.json"))
        }
        try await db.write { sql in
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "export", entity: "dataset",
                key: url.lastPathComponent, unitPath: principal.unitPath, old: nil,
                new: ["format": format.rawValue, "rows": String(units.count - 1), "members": String(members.count - 1)])
        }
        return files.mapValues(\.rows)
    }

    /// The rows of `positions.csv` for places in the principal's subtree, header first.
    public func positionRows(_ principal: Principal) async throws -> [[String]] {
        try await db.read { sql in try await CadreImport.positionRows(sql, principal: principal) }
    }

    /// The rows of `members.csv` for the principal's subtree, header first.
    public func memberRows(_ principal: Principal) async throws -> [[String]] {
        try await db.read { sql in try await MemberImport.rows(sql, principal: principal) }
    }

    private func writeManifest(_ principal: Principal, files: [String: (rows: Int, sha256: String)], version: String, to url: URL) throws {
        let manifest: [String: Any] = [
            "format": "tochuc-interchange", "format_version": 1, "program_version": version,
            "exported_by": principal.actor, "exported_at": Timestamp.now(),
            "scope_unit": principal.isRootScope ? "" : principal.unitCode,
            "files": files.mapValues { ["rows": $0.rows, "sha256": $0.sha256] },
        ]
        let data = try JSONSerialization.data(withJSONObject: manifest, options: [.prettyPrinted, .sortedKeys])
        try data.write(to: url, options: .atomic)
    }
}

extension InterchangeService {
    /// Downloads from the UI are audited: who took which list, when, how many rows.
    public func recordDownload(_ principal: Principal, name: String, rows: Int) async throws {
        try await db.write { sql in
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "export", entity: "download", key: name,
                unitPath: principal.unitPath, old: nil, new: ["rows": String(rows)])
        }
    }
}
