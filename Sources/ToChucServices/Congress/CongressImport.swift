import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `congresses.csv` (INTERCHANGE.md, docs/interchange.md): all or nothing, every wrong row named, idempotent. Key: the unit
/// and the term. Optional columns left out of the file keep a known congress's values (and are empty for a new one).
enum CongressImport {
    static func importCongresses(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        let file = CongressesFile.fileName
        guard let index = try CadreImport.header(records, columns: CongressesFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var rows: [(line: Int, unit: OrgUnit, facts: CongressFacts)] = []
        var firstLine: [String: Int] = [:]
        var units: [String: OrgUnit?] = [:]
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            var rowProblems: [ImportProblem] = []
            let code = cell("unit_code")
            var unit: OrgUnit? = nil
            if code.isEmpty {
                rowProblems.append(ImportProblem(file: file, line: record.line, column: "unit_code", reason: Catalogue.required))
            } else {
                if units[code] == nil { units[code] = .some(try await UnitStore.find(sql, code: code)) }
                unit = units[code] ?? nil
                if let found = unit, !principal.sees(path: found.path) { unit = nil }
                if unit == nil { rowProblems.append(ImportProblem(file: file, line: record.line, column: "unit_code", reason: Catalogue.unitNotFound)) }
            }
            let draft = CongressDraft(
                term: cell("term"), plannedOn: cell("planned_on"), heldOn: cell("held_on"), pilot: cell("pilot"), directSecretary: cell("direct_secretary"),
                delegates: cell("delegates"), committeeElected: cell("committee_elected"), note: cell("note"))
            var facts: CongressFacts? = nil
            switch CongressRecordRules.check(draft, today: today) {
            case .success(let checked): facts = checked
            case .failure(.invalid(_, let errors)): rowProblems += errors.map { ImportProblem(file: file, line: record.line, column: $0.field, reason: $0.message) }
            case .failure(let error): rowProblems.append(ImportProblem(file: file, line: record.line, column: nil, reason: error.message))
            }
            if let unit, let held = facts?.heldOn, try await UnitHistory.version(sql, unitId: unit.id, on: held) == nil {
                rowProblems.append(
                    ImportProblem(file: file, line: record.line, column: "held_on", reason: Catalogue.congressUnitMissing(unit.code, VietnameseFormat.date(held))))
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let unit, let facts else { continue }
            let key = CongressService.auditKey(unit.code, facts.term)
            if let first = firstLine[key] {
                problems.append(ImportProblem(file: file, line: record.line, column: "term", reason: Catalogue.importDuplicateKey(key, firstLine: first)))
                continue
            }
            firstLine[key] = record.line
            rows.append((record.line, unit, facts))
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        var writes: [(unit: OrgUnit, facts: CongressFacts, current: CongressRecord?)] = []
        var unchanged = 0
        for row in rows {
            let current = try await CongressService.find(sql, unitId: row.unit.id, term: row.facts.term)
            // Columns the file leaves out keep what is stored.
            let facts = current.map { merged(row.facts, kept: $0.facts, columns: index) } ?? row.facts
            if current?.facts == facts { unchanged += 1 } else { writes.append((row.unit, facts, current)) }
        }
        guard !writes.isEmpty else { return (0, 0, unchanged) }
        let created = writes.filter { $0.current == nil }.count
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: created, updated: writes.count - created)
        for write in writes {
            _ = try await CongressService.write(sql, principal, unit: write.unit, facts: write.facts, current: write.current, importAuditId: auditId)
        }
        return (created, writes.count - created, unchanged)
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
                    r.unitCode, f.term.key, f.plannedOn?.iso ?? "", f.heldOn?.iso ?? "", f.pilot ? "true" : "false", f.directSecretary ? "true" : "false",
                    f.delegates.map { String($0) } ?? "", f.committeeElected.map { String($0) } ?? "", f.note,
                ]
            }
    }
}
