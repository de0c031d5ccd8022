import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `congresses.csv` (INTERCHANGE.md, docs/interchange.md): all or nothing, every wrong row named, idempotent. Key: the unit
/// and the term. Optional columns left out of the file keep a known congress's values (and are empty for a new one). New
/// congresses are written in bulk under one audit entry (their history starts with it); each update is audited.
enum CongressImport {
    static func importCongresses(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        let file = CongressesFile.fileName
        guard let index = try CadreImport.header(records, columns: CongressesFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var parsed: [(line: Int, code: String, facts: CongressFacts)] = []
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(
                    ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            let code = cell("unit_code")
            if code.isEmpty { problems.append(ImportProblem(file: file, line: record.line, column: "unit_code", reason: Catalogue.required)) }
            let draft = CongressDraft(
                term: cell("term"), plannedOn: cell("planned_on"), heldOn: cell("held_on"), pilot: cell("pilot"),
                directSecretary: cell("direct_secretary"),
                delegates: cell("delegates"), committeeElected: cell("committee_elected"), note: cell("note"))
            switch CongressRecordRules.check(draft, today: today) {
            case .success(let facts): if !code.isEmpty { parsed.append((record.line, code, facts)) }
            case .failure(.invalid(_, let errors)):
                problems += errors.map { ImportProblem(file: file, line: record.line, column: $0.field, reason: $0.message) }
            case .failure(let error): problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: error.message))
            }
        }
        // The units named, their versions (a held congress needs its unit on that day) and the congresses already stored,
        // read in chunks: a national file has tens of thousands of rows.
        let units = try await UnitStore.find(sql, codes: parsed.map(\.code))
        let ids = Array(Set(units.values.map(\.id)))
        let spans = try await Self.spans(sql, unitIds: ids)
        let stored = try await Self.stored(sql, unitIds: ids)
        var rows: [(line: Int, unit: OrgUnit, facts: CongressFacts)] = []
        var firstLine: [String: Int] = [:]
        for row in parsed {
            guard let unit = units[row.code], principal.sees(path: unit.path) else {
                problems.append(ImportProblem(file: file, line: row.line, column: "unit_code", reason: Catalogue.unitNotFound))
                continue
            }
            if let held = row.facts.heldOn, !(spans[unit.id] ?? []).contains(where: { $0.from <= held && ($0.to.map { held < $0 } ?? true) }) {
                problems.append(
                    ImportProblem(
                        file: file, line: row.line, column: "held_on", reason: Catalogue.congressUnitMissing(unit.code, VietnameseFormat.date(held))))
                continue
            }
            let key = CongressService.auditKey(unit.code, row.facts.term)
            if let first = firstLine[key] {
                problems.append(
                    ImportProblem(file: file, line: row.line, column: "term", reason: Catalogue.importDuplicateKey(key, firstLine: first)))
                continue
            }
            firstLine[key] = row.line
            rows.append((row.line, unit, row.facts))
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        var fresh: [(unit: OrgUnit, facts: CongressFacts)] = []
        var changes: [(unit: OrgUnit, facts: CongressFacts, current: CongressRecord)] = []
        var unchanged = 0
        for row in rows {
            guard let current = stored[StoredKey(unitId: row.unit.id, term: row.facts.term.key)] else {
                fresh.append((row.unit, row.facts))
                continue
            }
            // Columns the file leaves out keep what is stored.
            let facts = merged(row.facts, kept: current.facts, columns: index)
            if current.facts == facts { unchanged += 1 } else { changes.append((row.unit, facts, current)) }
        }
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: fresh.count, updated: changes.count)
        // New congresses in multi-row statements, referring to the import's audit entry (their history starts with it).
        let now = Timestamp.now()
        try await BulkInsert.insert(
            sql, table: "congresses",
            columns: [
                "unit_id", "term", "term_first_year", "term_last_year", "planned_on", "held_on", "pilot", "direct_secretary", "delegates",
                "committee_elected", "note", "version", "created_at", "updated_at", "import_audit_id",
            ],
            rows: fresh.map { row in
                let f = row.facts
                return [
                    .integer(row.unit.id), .text(f.term.key), .integer(Int64(f.term.firstYear)), .integer(Int64(f.term.lastYear)),
                    SQLValue(f.plannedOn?.iso),
                    SQLValue(f.heldOn?.iso), .integer(f.pilot ? 1 : 0), .integer(f.directSecretary ? 1 : 0), SQLValue(f.delegates.map { Int64($0) }),
                    SQLValue(f.committeeElected.map { Int64($0) }), SQLValue(f.note.isEmpty ? nil : f.note), .integer(1), .text(now), .text(now),
                    .integer(auditId),
                ]
            })
        try await BulkInsert.syncIdentity(sql, table: "congresses")
        for change in changes {
            _ = try await CongressService.write(
                sql, principal, unit: change.unit, facts: change.facts, current: change.current, importAuditId: auditId)
        }
        return (fresh.count, changes.count, unchanged)
    }

    struct StoredKey: Hashable {
        let unitId: Int64
        let term: String
    }

    /// The live versions' spans of each unit: when it existed.
    static func spans(_ sql: any SQLDatabase, unitIds: [Int64]) async throws -> [Int64: [(from: CivilDate, to: CivilDate?)]] {
        var out: [Int64: [(from: CivilDate, to: CivilDate?)]] = [:]
        for chunk in Batches.of(unitIds) {
            for row in try await sql.raw(
                """
                SELECT v.unit_id, v.valid_from, v.valid_to FROM unit_versions v
                WHERE v.unit_id IN (\(CadreStore.idList(chunk))) AND \(unsafeRaw: UnitHistory.live)
                """
            ).all() {
                out[try row.decode(column: "unit_id", as: Int64.self), default: []].append(
                    (
                        CivilDate(parsing: try row.decode(column: "valid_from", as: String.self)) ?? UnitVersion.epoch,
                        try row.decode(column: "valid_to", as: String?.self).flatMap { CivilDate(parsing: $0) }
                    ))
            }
        }
        return out
    }

    static func stored(_ sql: any SQLDatabase, unitIds: [Int64]) async throws -> [StoredKey: CongressRecord] {
        var out: [StoredKey: CongressRecord] = [:]
        for chunk in Batches.of(unitIds) {
            for row in try await sql.raw(
                """
                SELECT \(unsafeRaw: CongressService.columns) FROM \(unsafeRaw: CongressService.from)
                WHERE c.unit_id IN (\(CadreStore.idList(chunk)))
                """
            ).all() {
                let record = try CongressService.record(from: row)
                out[StoredKey(unitId: record.unitId, term: record.facts.term.key)] = record
            }
        }
        return out
    }

    static func merged(_ new: CongressFacts, kept old: CongressFacts, columns: [String: Int]) -> CongressFacts {
        func has(_ name: String) -> Bool { columns[name] != nil }
        return CongressFacts(
            term: new.term, plannedOn: has("planned_on") ? new.plannedOn : old.plannedOn, heldOn: has("held_on") ? new.heldOn : old.heldOn,
            pilot: has("pilot") ? new.pilot : old.pilot, directSecretary: has("direct_secretary") ? new.directSecretary : old.directSecretary,
            delegates: has("delegates") ? new.delegates : old.delegates,
            committeeElected: has("committee_elected") ? new.committeeElected : old.committeeElected, note: has("note") ? new.note : old.note)
    }

    /// The rows of `congresses.csv` for units of the principal's subtree, header first, by term then unit code.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let records = try await sql.raw(
            """
            SELECT \(unsafeRaw: CongressService.columns) FROM \(unsafeRaw: CongressService.from)
            WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) ORDER BY c.term_first_year, c.term, u.code
            """
        ).all().map(CongressService.record)
        return [CongressesFile.columns.map(\.name)]
            + records.map { r in
                let f = r.facts
                return [
                    r.unitCode, f.term.key, f.plannedOn?.iso ?? "", f.heldOn?.iso ?? "", f.pilot ? "true" : "false",
                    f.directSecretary ? "true" : "false",
                    f.delegates.map { String($0) } ?? "", f.committeeElected.map { String($0) } ?? "", f.note,
                ]
            }
    }
}
