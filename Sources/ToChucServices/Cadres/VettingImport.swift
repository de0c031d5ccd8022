import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `vetting_cases.csv` (docs/interchange.md): all or nothing, every wrong row named, idempotent; one audit entry per file
/// imported, and one per case it changes.
enum VettingImport {
    /// One checked row of the file.
    struct Row {
        let line: Int
        let person: VettingPerson
        let purpose: VettingPurpose
        let unit: OrgUnit
        let receivedOn: CivilDate
        /// nil: the file leaves it empty or has no such column (the default for a new case, unchanged for a known one).
        let deadline: CivilDate?
        let state: VettingState
        /// nil: the file has no `note` column (unchanged for a known case).
        let note: String?
    }

    static func importCases(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        let file = VettingCasesFile.fileName
        guard let index = try CadreImport.header(records, columns: VettingCasesFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        var firstLine: [String: Int] = [:]
        var units: [String: OrgUnit?] = [:]
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            var rowProblems: [ImportProblem] = []
            func problem(_ column: String?, _ reason: Localized) { rowProblems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason)) }
            // Who: a member by card number, else the national ID (a member, a non-member cadre, or a person with the name given).
            let card = cell("card_no")
            let nid = cell("national_id")
            var person: VettingPerson? = nil
            if card.isEmpty && nid.isEmpty {
                problem("national_id", Catalogue.importPersonMissing)
            } else {
                var number = nid.isEmpty ? card : nid
                if !card.isEmpty, try await CadreService.member(sql, number: card) != nil { number = card }
                do {
                    person = try await VettingService.person(sql, principal, number: number, fullName: cell("full_name"), birthDate: cell("birth_date"))
                } catch DomainError.invalid(_, let errors) {
                    for e in errors { problem(e.field == "person" ? (number == card ? "card_no" : "national_id") : e.field, e.message) }
                }
            }
            if cell("received_on").isEmpty { problem("received_on", Catalogue.required) }
            var valid: ValidVettingCase? = nil
            switch VettingRules.check(purpose: cell("purpose"), receivedOn: cell("received_on"), deadline: cell("deadline"), note: cell("note"), today: today) {
            case .success(let checked): valid = checked
            case .failure(.invalid(_, let errors)): for e in errors { problem(e.field, e.message) }
            case .failure(let error): problem(nil, error.message)
            }
            let code = cell("unit_code")
            var unit: OrgUnit? = nil
            if code.isEmpty {
                problem("unit_code", Catalogue.required)
            } else {
                if units[code] == nil { units[code] = .some(try await VettingService.unit(sql, principal, code: code)) }
                unit = units[code] ?? nil
                if unit == nil { problem("unit_code", Catalogue.unitNotFound) }
            }
            // The state: `status` (empty: concluded when a conclusion is given, else received) and the conclusion it needs.
            let outcomeDraft = VettingOutcomeDraft(conclusion: cell("conclusion"), concludedOn: cell("concluded_on"), documentNo: cell("document_no"))
            let hasOutcome = !(outcomeDraft.conclusion.isEmpty && outcomeDraft.concludedOn.isEmpty && outcomeDraft.documentNo.isEmpty)
            var status: VettingStatus? = hasOutcome ? .concluded : .received
            if !cell("status").isEmpty {
                status = VettingStatus.parse(cell("status"))
                if status == nil { problem("status", Catalogue.unknownValue(cell("status"))) }
            }
            var state: VettingState? = nil
            if let status, let valid {
                if status == .concluded {
                    switch VettingRules.checkOutcome(outcomeDraft, receivedOn: valid.receivedOn, today: today) {
                    case .success(let outcome): state = VettingState(status: .concluded, outcome: outcome)
                    case .failure(.invalid(_, let errors)): for e in errors { problem(e.field, e.message) }
                    case .failure(let error): problem(nil, error.message)
                    }
                } else if hasOutcome {
                    problem("status", Catalogue.vettingOutcomeNeedsConcluded)
                } else {
                    state = VettingState(status: status)
                }
            }
            problems += rowProblems
            guard rowProblems.isEmpty, let person, let valid, let unit, let state else { continue }
            let key = [person.key, valid.purpose.rawValue, valid.receivedOn.iso].joined(separator: "|")
            if let first = firstLine[key] {
                problems.append(
                    ImportProblem(
                        file: file, line: record.line, column: "received_on",
                        reason: Catalogue.importDuplicateKey(valid.purpose.rawValue + " " + valid.receivedOn.iso, firstLine: first)))
                continue
            }
            firstLine[key] = record.line
            rows.append(
                Row(
                    line: record.line, person: person, purpose: valid.purpose, unit: unit, receivedOn: valid.receivedOn, deadline: valid.deadline,
                    state: state, note: index["note"] == nil ? nil : valid.note))
        }
        // Known cases (by the natural key) must be in scope too.
        var known: [Int: VettingCase] = [:]
        for row in rows {
            guard let current = try await VettingService.existing(sql, person: row.person, purpose: row.purpose, receivedOn: row.receivedOn) else { continue }
            if principal.sees(path: current.unitPath) {
                known[row.line] = current
            } else {
                problems.append(ImportProblem(file: file, line: row.line, column: "unit_code", reason: Catalogue.outsideScope))
            }
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        let settings = try await VettingService.settings(sql).settings
        var fresh: [Row] = []
        var changes: [(row: Row, current: VettingCase, deadline: CivilDate, note: String)] = []
        var unchanged = 0
        for row in rows {
            guard let current = known[row.line] else {
                fresh.append(row)
                continue
            }
            let deadline = row.deadline ?? current.deadline
            let note = row.note ?? current.note ?? ""
            if current.unitPath == row.unit.path && current.deadline == deadline && current.state == row.state && (current.note ?? "") == note {
                unchanged += 1
            } else {
                changes.append((row, current, deadline, note))
            }
        }
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: fresh.count, updated: changes.count)
        for row in fresh {
            _ = try await VettingService.insert(
                sql, principal, person: row.person, purpose: row.purpose, unitId: row.unit.id, receivedOn: row.receivedOn,
                deadline: row.deadline ?? VettingRules.defaultDeadline(receivedOn: row.receivedOn, workingDays: settings.deadlineWorkingDays),
                state: row.state, note: row.note ?? "", importAuditId: auditId)
        }
        for (row, current, deadline, note) in changes {
            try await sql.raw(
                """
                UPDATE vetting_cases SET unit_id = \(bind: row.unit.id), deadline = \(bind: deadline.iso), note = \(bind: note.isEmpty ? nil : note),
                    status = \(bind: row.state.status.rawValue), conclusion = \(bind: row.state.outcome?.conclusion.rawValue),
                    concluded_on = \(bind: row.state.outcome?.concludedOn.iso), document_no = \(bind: row.state.outcome?.documentNo),
                    version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: current.id)
                """
            ).run()
            let saved = try await VettingService.find(sql, id: current.id)!
            // Going back, or amending a conclusion, is a correction whatever brings it: the import is its reason.
            let correction = VettingRules.isCorrection(from: current.state, to: saved.state)
            var extra: [String: String?] = ["import": String(auditId)]
            if correction { extra["reason"] = source.name }
            try await VettingService.audit(sql, principal, action: correction ? "correct" : "update", old: current, new: saved, extra: extra)
        }
        return (fresh.count, changes.count, unchanged)
    }

    /// The rows of `vetting_cases.csv` for cases handled in the principal's subtree, header first. Members are named by
    /// card number and national ID (members.csv has the rest); others by national ID with their name and birth date, so
    /// that a dataset without the cadre still loads.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        // Case details are for the roles that handle them (DOMAIN.md §6): others get the header alone.
        guard VettingRules.seesDetails(principal.role) else { return [VettingCasesFile.columns.map(\.name)] }
        let range = principal.pathRange
        let cases = try await sql.raw(
            """
            SELECT \(unsafeRaw: VettingService.columns) FROM \(unsafeRaw: VettingService.from)
            WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) ORDER BY v.received_on, v.id
            """
        ).all().map(VettingService.vettingCase)
        return [VettingCasesFile.columns.map(\.name)]
            + cases.map { c in
                let member = c.person.kind == .member
                return [
                    c.person.cardNo ?? "", c.person.nationalId ?? "", member ? "" : c.person.fullName, member ? "" : c.person.birthDate?.iso ?? "",
                    c.purpose.rawValue, c.unitCode, c.receivedOn.iso, c.deadline.iso, c.status.rawValue, c.outcome?.conclusion.rawValue ?? "",
                    c.outcome?.concludedOn.iso ?? "", c.outcome?.documentNo ?? "", c.note ?? "",
                ]
            }
    }
}
