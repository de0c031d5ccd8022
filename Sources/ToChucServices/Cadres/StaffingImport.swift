import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `staffing_quotas.csv` (docs/interchange.md): all or nothing, every wrong row named, idempotent. The quota check of
/// DOMAIN.md §3 runs on the quotas as they would stand after the load (a parent and its children may come in one file).
enum StaffingImport {
    struct Row {
        let line: Int
        let agency: Agency
        let year: Int
        let figures: StaffingFigures
    }

    static func importQuotas(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String)
    ) async throws -> CadreImport.Counts {
        let file = StaffingQuotasFile.fileName
        guard let index = try CadreImport.header(records, columns: StaffingQuotasFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        var agencies: [String: Agency?] = [:]
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            func problem(_ column: String?, _ reason: Localized) { problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason)) }
            let code = cell("agency_code")
            if agencies[code] == nil { agencies[code] = .some(try await CadreStore.findAgency(sql, code: code)) }
            let agency = (agencies[code] ?? nil).flatMap { principal.sees(path: $0.unitPath) ? $0 : nil }
            if agency == nil { problem("agency_code", Catalogue.placeNotFound) }
            let year = Int(cell("year"))
            if year == nil || !StaffingRules.isValidYear(year!) { problem("year", Catalogue.staffingInvalidYear) }
            let checked = StaffingRules.check(
                StaffingDraft(
                    assigned: cell("assigned"), actual: cell("actual"), reductionTarget: cell("reduction_target"), reduced: cell("reduced"),
                    note: cell("note")))
            var figures: StaffingFigures? = nil
            switch checked {
            case .success(let f): figures = f
            case .failure(.invalid(_, let errors)): for e in errors { problem(e.field, e.message) }
            case .failure(let error): problem(nil, error.message)
            }
            guard let agency, let year, StaffingRules.isValidYear(year), let figures else { continue }
            let key = StaffingService.auditKey(agency.code, year)
            if let first = firstLine[key] {
                problem("agency_code", Catalogue.importDuplicateKey(key, firstLine: first))
                continue
            }
            firstLine[key] = record.line
            rows.append(Row(line: record.line, agency: agency, year: year, figures: figures))
        }
        // The parent/children check on the quotas as they would stand, per year.
        for (year, group) in Dictionary(grouping: rows, by: \.year) {
            var assigned: [Int64: Int] = [:]
            var parentOf: [Int64: Int64?] = [:]
            var names: [Int64: String] = [:]
            for row in try await sql.raw(
                "SELECT a.id, a.parent_id, a.name, q.assigned FROM agencies a LEFT JOIN staffing_quotas q ON q.agency_id = a.id AND q.year = \(bind: year)"
            ).all() {
                let id = try row.decode(column: "id", as: Int64.self)
                parentOf[id] = try row.decode(column: "parent_id", as: Int64?.self)
                names[id] = try row.decode(column: "name", as: String.self)
                if let n = try row.decode(column: "assigned", as: Int?.self) { assigned[id] = n }
            }
            for row in group { assigned[row.agency.id] = row.figures.assigned }
            for row in group.sorted(by: { $0.line < $1.line }) {
                let id = row.agency.id
                let siblings = parentOf.filter { $0.value == parentOf[id] ?? nil && $0.key != id }.keys.compactMap { assigned[$0] }.reduce(0, +)
                let children = parentOf.filter { $0.value == id }.keys.compactMap { assigned[$0] }.reduce(0, +)
                let parent = (parentOf[id] ?? nil)
                let around = QuotaNeighbourhood(
                    agency: row.agency.name, year: year, parent: parent.flatMap { names[$0] }, parentAssigned: parent.flatMap { assigned[$0] },
                    siblingsAssigned: parent == nil ? 0 : siblings, childrenAssigned: children)
                for p in StaffingRules.quotaProblems(assigned: row.figures.assigned, around: around) {
                    problems.append(ImportProblem(file: file, line: row.line, column: "assigned", reason: p.message))
                }
            }
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        var fresh: [Row] = []
        var changed: [(Row, StaffingQuota)] = []
        var unchanged = 0
        for row in rows {
            if let current = try await StaffingService.find(sql, agency: row.agency, year: row.year) {
                if current.figures == row.figures { unchanged += 1 } else { changed.append((row, current)) }
            } else {
                fresh.append(row)
            }
        }
        guard !fresh.isEmpty || !changed.isEmpty else { return (0, 0, unchanged) }
        _ = try await CadreImport.recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: fresh.count, updated: changed.count)
        let now = Timestamp.now()
        for row in fresh {
            let f = row.figures
            try await sql.raw(
                """
                INSERT INTO staffing_quotas (agency_id, year, assigned, actual, reduction_target, reduced, note, version, created_at, updated_at)
                VALUES (\(bind: row.agency.id), \(bind: row.year), \(bind: f.assigned), \(bind: f.actual), \(bind: f.reductionTarget), \(bind: f.reduced),
                    \(bind: f.note.isEmpty ? nil : f.note), 1, \(bind: now), \(bind: now))
                """
            ).run()
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: StaffingService.entity,
                key: StaffingService.auditKey(row.agency.code, row.year), unitPath: row.agency.unitPath, old: nil,
                new: f.auditValues.merging(["version": "1", "file": source.name]) { $1 })
        }
        for (row, current) in changed {
            let f = row.figures
            try await sql.raw(
                """
                UPDATE staffing_quotas SET assigned = \(bind: f.assigned), actual = \(bind: f.actual), reduction_target = \(bind: f.reductionTarget),
                    reduced = \(bind: f.reduced), note = \(bind: f.note.isEmpty ? nil : f.note), version = version + 1, updated_at = \(bind: now)
                WHERE agency_id = \(bind: row.agency.id) AND year = \(bind: row.year)
                """
            ).run()
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: StaffingService.entity,
                key: StaffingService.auditKey(row.agency.code, row.year), unitPath: row.agency.unitPath,
                old: current.figures.auditValues.merging(["version": String(current.version)]) { $1 },
                new: f.auditValues.merging(["version": String(current.version + 1), "file": source.name]) { $1 })
        }
        return (fresh.count, changed.count, unchanged)
    }

    /// The rows of `staffing_quotas.csv` for agencies led from the principal's subtree, by year then tree order; header first.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        var out = [StaffingQuotasFile.columns.map(\.name)]
        for row in try await sql.raw(
            """
            SELECT a.code, q.year, q.assigned, q.actual, q.reduction_target, q.reduced, q.note FROM staffing_quotas q
            JOIN agencies a ON a.id = q.agency_id JOIN units au ON au.id = a.unit_id
            WHERE au.path >= \(bind: range.lower) AND au.path < \(bind: range.upper) ORDER BY q.year, a.code
            """
        ).all() {
            func n(_ c: String) throws -> String { String(try row.decode(column: c, as: Int.self)) }
            out.append([
                try row.decode(column: "code", as: String.self), try n("year"), try n("assigned"), try n("actual"), try n("reduction_target"),
                try n("reduced"), try row.decode(column: "note", as: String?.self) ?? "",
            ])
        }
        return out
    }
}
