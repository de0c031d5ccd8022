import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `documents.csv`, `proposals.csv` and `tasks.csv` (docs/interchange.md): all or nothing, every wrong row named,
/// idempotent; one audit entry per file imported (the records it creates refer to it), and one per record it changes.
enum BetweenImport {
    /// The rows of a file with their cells by column name; rows of the wrong width are reported and skipped.
    struct Rows {
        let file: String
        let index: [String: Int]
        let records: [CSV.Record]
        var problems: [ImportProblem] = []

        init?(_ records: [CSV.Record], columns: [InterchangeColumn], file: String) throws {
            guard let index = try CadreImport.header(records, columns: columns, file: file) else { return nil }
            self.file = file
            self.index = index
            let width = records[0].fields.count
            var kept: [CSV.Record] = []
            for record in records.dropFirst() {
                if record.fields.count == width {
                    kept.append(record)
                } else {
                    problems.append(
                        ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                }
            }
            self.records = kept
        }

        func cell(_ record: CSV.Record, _ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
        func has(_ name: String) -> Bool { index[name] != nil }

        mutating func add(_ line: Int, _ column: String?, _ reason: Localized) {
            problems.append(ImportProblem(file: file, line: line, column: column, reason: reason))
        }

        mutating func add(_ line: Int, _ errors: [FieldError], rename: [String: String] = [:]) {
            for e in errors { add(line, rename[e.field] ?? e.field, e.message) }
        }

        /// The problems of a failed check, or nil and the value.
        mutating func take<T>(_ line: Int, _ result: Result<T, DomainError>, rename: [String: String] = [:]) -> T? {
            switch result {
            case .success(let value): return value
            case .failure(.invalid(_, let errors)): add(line, errors, rename: rename)
            case .failure(let error): add(line, nil, error.message)
            }
            return nil
        }
    }

    static func date(_ text: String) -> CivilDate? { CivilDate(parsing: text) }

    /// Checked rows split into the new ones, those whose stored record differs, and how many are the same.
    static func partition<R, C>(_ rows: [R], current: (R) -> C?, same: (R, C) -> Bool) -> (fresh: [R], changes: [(row: R, current: C)], unchanged: Int) {
        var fresh: [R] = []
        var changes: [(row: R, current: C)] = []
        var unchanged = 0
        for row in rows {
            guard let stored = current(row) else {
                fresh.append(row)
                continue
            }
            if same(row, stored) { unchanged += 1 } else { changes.append((row, stored)) }
        }
        return (fresh, changes, unchanged)
    }

    // MARK: - documents.csv

    static func importDocuments(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        guard var rows = try Rows(records, columns: DocumentsFile.columns, file: DocumentsFile.fileName) else { return (0, 0, 0) }
        struct Row {
            let line: Int
            let valid: ValidDocument
            let unit: OrgUnit
            let current: DocumentRecord?
            var key: String { valid.number.key + "|" + String(valid.issuedOn.year) + "|" + DocumentService.ownerKey(valid.number, unit: unit) }
        }
        var checked: [Row] = []
        var firstLine: [String: Int] = [:]
        var units: [String: OrgUnit?] = [:]
        for record in rows.records {
            let line = record.line
            let draft = DocumentDraft(
                number: rows.cell(record, "number"), issuedOn: rows.cell(record, "issued_on"), title: rows.cell(record, "title"),
                unitCode: rows.cell(record, "unit_code"), replaces: rows.cell(record, "replaces"), note: rows.cell(record, "note"))
            let valid = rows.take(line, DocumentRules.check(draft, today: today))
            let code = draft.unitCode
            if code.isEmpty {
                rows.add(line, "unit_code", Catalogue.required)
                continue
            }
            if units[code] == nil { units[code] = .some(try await BetweenStore.unit(sql, principal, code: code)) }
            guard let unit = units[code] ?? nil else {
                rows.add(line, "unit_code", Catalogue.unitNotFound)
                continue
            }
            guard let valid else { continue }
            if valid.number.isCentral && unit.parentCode != nil {
                rows.add(line, "number", Catalogue.documentCentralNeedsRoot(valid.number.text))
                continue
            }
            let current = try await sql.raw(
                """
                SELECT \(unsafeRaw: DocumentService.columns) FROM \(unsafeRaw: DocumentService.from) WHERE d.number_key = \(bind: valid.number.key)
                AND d.issued_year = \(bind: valid.issuedOn.year) AND d.owner_key = \(bind: DocumentService.ownerKey(valid.number, unit: unit))
                """
            ).first().map(DocumentService.document)
            if let current, !principal.sees(path: current.unitPath) {
                rows.add(line, "unit_code", Catalogue.outsideScope)
                continue
            }
            let row = Row(line: line, valid: valid, unit: unit, current: current)
            if let first = firstLine[row.key] {
                rows.add(line, "number", Catalogue.importDuplicateKey(valid.number.text + " (\(valid.issuedOn.year))", firstLine: first))
                continue
            }
            firstLine[row.key] = line
            checked.append(row)
        }
        // What each row replaces: the latest document with the number issued on or before it, in the file or stored.
        enum Target: Equatable {
            case file(Int)
            case stored(DocumentRecord)
        }
        var targets: [[Target]] = []
        for (position, row) in checked.enumerated() {
            var list: [Target] = []
            for number in row.valid.replaces {
                let inFile = checked.indices.filter {
                    $0 != position && checked[$0].valid.number.key == number.key && checked[$0].valid.issuedOn <= row.valid.issuedOn
                }.max { checked[$0].valid.issuedOn < checked[$1].valid.issuedOn }
                let stored = try await DocumentService.latest(sql, principal, key: number.key, onOrBefore: row.valid.issuedOn)
                if let stored, let same = checked.firstIndex(where: { $0.current?.id == stored.id }) {
                    list.append(same == position ? .stored(stored) : .file(same))
                } else if let inFile, stored.map({ $0.issuedOn <= checked[inFile].valid.issuedOn }) ?? true {
                    list.append(.file(inFile))
                } else if let stored {
                    list.append(.stored(stored))
                } else {
                    rows.add(row.line, "replaces", Catalogue.documentReplacedNotFound(number.text, row.valid.issuedOn))
                }
                if case .stored(let d) = list.last, d.id == row.current?.id {
                    list.removeLast()
                    rows.add(row.line, "replaces", Catalogue.documentReplacesItself)
                }
            }
            targets.append(list)
        }
        // Chains with the file's edges in place of the stored ones: none may close a cycle. New rows get negative ids.
        func id(_ position: Int) -> Int64 { checked[position].current?.id ?? -Int64(position + 1) }
        var edges = try await DocumentService.edges(sql)
        for position in checked.indices {
            edges[id(position)] = targets[position].map {
                switch $0 {
                case .file(let other): return id(other)
                case .stored(let d): return d.id
                }
            }
        }
        for position in checked.indices {
            let targetIds = edges[id(position)] ?? []
            for target in DocumentChains.cycles(document: id(position), replacing: targetIds, edges: edges) {
                var text = checked.first(where: { $0.current?.id == target })?.valid.number.text
                if text == nil { text = try await DocumentService.find(sql, id: target)?.number.text }
                let shown = text ?? String(target)
                rows.add(checked[position].line, "replaces", Catalogue.documentReplacementCycle(shown))
            }
        }
        if !rows.problems.isEmpty { throw CadreImport.sorted(rows.problems) }
        // Unchanged rows (same fields, same replacements) write nothing.
        func numbers(_ position: Int) -> [String] {
            targets[position].map {
                switch $0 {
                case .file(let other): return checked[other].valid.number.text
                case .stored(let d): return d.number.text
                }
            }.sorted()
        }
        var changed: [Int] = []
        var unchanged = 0
        for (position, row) in checked.enumerated() {
            guard let current = row.current else {
                changed.append(position)
                continue
            }
            let old = current.auditValues(replaces: try await DocumentService.replacedNumbers(sql, id: current.id).sorted())
            let new = DocumentRecord(
                id: current.id, number: row.valid.number, issuedOn: row.valid.issuedOn, title: row.valid.title,
                note: row.valid.note.isEmpty ? nil : row.valid.note, unitCode: row.unit.code, unitName: row.unit.name, unitPath: row.unit.path,
                isReplaced: current.isReplaced, version: current.version, createdBy: current.createdBy, updatedAt: current.updatedAt
            ).auditValues(replaces: numbers(position))
            if old == new { unchanged += 1 } else { changed.append(position) }
        }
        if changed.isEmpty { return (0, 0, unchanged) }
        let fresh = changed.filter { checked[$0].current == nil }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: DocumentsFile.fileName, source: source, rows: records.count - 1, created: fresh.count,
            updated: changed.count - fresh.count)
        var ids: [Int: Int64] = [:]
        for position in checked.indices { ids[position] = checked[position].current?.id }
        for position in fresh {
            ids[position] = try await DocumentService.insert(sql, principal, checked[position].valid, unit: checked[position].unit, importAuditId: auditId)
        }
        for position in changed {
            let row = checked[position]
            let targetIds = targets[position].map { target -> Int64 in
                switch target {
                case .file(let other): return ids[other]!
                case .stored(let d): return d.id
                }
            }
            try await DocumentService.setReplacements(sql, id: ids[position]!, replaced: targetIds)
            guard let current = row.current else { continue }
            let old = current.auditValues(replaces: try await DocumentService.replacedNumbers(sql, id: current.id))
            try await sql.raw(
                """
                UPDATE documents SET unit_id = \(bind: row.unit.id), number = \(bind: row.valid.number.text), title = \(bind: row.valid.title),
                    title_folded = \(bind: VietnameseText.fold(row.valid.title)), issued_on = \(bind: row.valid.issuedOn.iso),
                    note = \(bind: row.valid.note.isEmpty ? nil : row.valid.note), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: current.id)
                """
            ).run()
            let saved = try await DocumentService.find(sql, id: current.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: DocumentService.entity, key: String(current.id),
                unitPath: saved.unitPath, old: old,
                new: saved.auditValues(replaces: try await DocumentService.replacedNumbers(sql, id: current.id)).merging(["import": String(auditId)]) { $1 })
        }
        return (fresh.count, changed.count - fresh.count, unchanged)
    }

    /// The rows of `documents.csv` for the documents the principal sees, oldest first, header first.
    static func documentRows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let documents = try await sql.raw(
            """
            SELECT \(unsafeRaw: DocumentService.columns) FROM \(unsafeRaw: DocumentService.from) WHERE \(DocumentService.visibility(principal))
            ORDER BY d.issued_on, d.id
            """
        ).all().map(DocumentService.document)
        var out = [DocumentsFile.columns.map(\.name)]
        for d in documents {
            let replaces = try await DocumentService.replacedNumbers(sql, id: d.id)
            out.append([d.number.text, d.issuedOn.iso, d.title, d.unitCode, replaces.joined(separator: "; "), d.note ?? ""])
        }
        return out
    }

    // MARK: - proposals.csv

    static func importProposals(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        guard var rows = try Rows(records, columns: ProposalsFile.columns, file: ProposalsFile.fileName) else { return (0, 0, 0) }
        struct Row {
            let line: Int
            let valid: ValidProposal
            let from: OrgUnit
            let to: OrgUnit
            let state: ProposalState
            let current: ProposalRecord?
        }
        var checked: [Row] = []
        var firstLine: [String: Int] = [:]
        for record in rows.records {
            let line = record.line
            func cell(_ name: String) -> String { rows.cell(record, name) }
            var draft = ProposalDraft()
            draft.kind = cell("kind")
            draft.subject = cell("subject")
            draft.text = cell("text")
            draft.receivedOn = cell("received_on")
            draft.handler = cell("handler")
            if draft.receivedOn.isEmpty { rows.add(line, "received_on", Catalogue.required) }
            let valid = rows.take(line, ProposalRules.check(draft, today: today))
            let from = cell("from_unit").isEmpty ? nil : try await BetweenStore.unit(sql, principal, code: cell("from_unit"))
            if from == nil { rows.add(line, "from_unit", cell("from_unit").isEmpty ? Catalogue.required : Catalogue.unitNotFound) }
            let to = try await BetweenStore.anyUnit(sql, code: cell("to_unit"))
            if to == nil {
                rows.add(line, "to_unit", cell("to_unit").isEmpty ? Catalogue.required : Catalogue.unitNotFound)
            } else if let from, let to, !(from.path.hasPrefix(to.path) && from.path != to.path) {
                rows.add(line, "to_unit", Catalogue.proposalReceiverNotAbove)
            }
            // The state: `status` (empty: answered with an answer, in progress with a handler, else pending) and what it needs.
            let hasAnswer = !cell("answer").isEmpty || !cell("answered_on").isEmpty
            var status: ProposalStatus? = hasAnswer ? .answered : (draft.handler.isEmpty ? .pending : .inProgress)
            if !cell("status").isEmpty {
                status = ProposalStatus.parse(cell("status"))
                if status == nil { rows.add(line, "status", Catalogue.unknownValue(cell("status"))) }
            }
            var state: ProposalState? = nil
            if let status, let valid {
                switch status {
                case .answered:
                    if cell("answered_on").isEmpty { rows.add(line, "answered_on", Catalogue.required) }
                    if let answer = rows.take(
                        line, ProposalRules.checkAnswer(text: cell("answer"), answeredOn: cell("answered_on"), receivedOn: valid.receivedOn, today: today))
                    {
                        state = ProposalState(status: .answered, handler: valid.handler, answer: answer)
                    }
                case .withdrawn:
                    if hasAnswer { rows.add(line, "status", Catalogue.proposalAnswerNeedsAnswered) }
                    let withdrawn = date(cell("withdrawn_on"))
                    if cell("withdrawn_on").isEmpty {
                        rows.add(line, "withdrawn_on", Catalogue.required)
                    } else if withdrawn == nil {
                        rows.add(line, "withdrawn_on", Catalogue.invalidDate(cell("withdrawn_on")))
                    } else if let withdrawn, withdrawn < valid.receivedOn || withdrawn > today {
                        rows.add(line, "withdrawn_on", withdrawn > today ? Catalogue.dateInFuture : Catalogue.proposalWithdrawnBeforeReceipt)
                    } else {
                        state = ProposalState(status: .withdrawn, handler: valid.handler, withdrawnOn: withdrawn)
                    }
                case .pending, .inProgress:
                    if hasAnswer {
                        rows.add(line, "status", Catalogue.proposalAnswerNeedsAnswered)
                    } else {
                        state = ProposalState(status: status, handler: valid.handler)
                    }
                }
            }
            if status != .withdrawn && !cell("withdrawn_on").isEmpty { rows.add(line, "withdrawn_on", Catalogue.proposalWithdrawnNeedsStatus) }
            guard let valid, let from, let to, let state, from.path.hasPrefix(to.path) else { continue }
            let key = [String(from.id), String(to.id), valid.receivedOn.iso, VietnameseText.fold(valid.subject)].joined(separator: "|")
            if let first = firstLine[key] {
                rows.add(line, "subject", Catalogue.importDuplicateKey(valid.subject, firstLine: first))
                continue
            }
            firstLine[key] = line
            let current = try await ProposalService.existing(sql, from: from.id, to: to.id, receivedOn: valid.receivedOn, subject: valid.subject)
            checked.append(Row(line: line, valid: valid, from: from, to: to, state: state, current: current))
        }
        if !rows.problems.isEmpty { throw CadreImport.sorted(rows.problems) }
        // Reminders are the system's own record: an import keeps them.
        let (fresh, changes, unchanged) = partition(checked, current: \.current) { row, current in
            current.kind == row.valid.kind && current.text == row.valid.text && current.subject == row.valid.subject
                && current.state.status == row.state.status && current.state.handler == row.state.handler && current.state.answer == row.state.answer
                && current.state.withdrawnOn == row.state.withdrawnOn
        }
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: ProposalsFile.fileName, source: source, rows: records.count - 1, created: fresh.count, updated: changes.count)
        for row in fresh {
            _ = try await ProposalService.insert(sql, principal, row.valid, from: row.from.id, to: row.to.id, state: row.state, importAuditId: auditId)
        }
        for (row, current) in changes {
            let state = ProposalState(
                status: row.state.status, handler: row.state.handler, answer: row.state.answer, withdrawnOn: row.state.withdrawnOn,
                withdrawReason: row.state.status == .withdrawn ? (current.state.withdrawReason ?? source.name) : nil, reminders: current.state.reminders,
                lastRemindedOn: current.state.lastRemindedOn)
            try await sql.raw(
                """
                UPDATE proposals SET kind = \(bind: row.valid.kind.rawValue), subject = \(bind: row.valid.subject), body = \(bind: row.valid.text)
                WHERE id = \(bind: current.id)
                """
            ).run()
            try await ProposalService.write(sql, id: current.id, state: state, answeredBy: current.answeredBy ?? principal.actor)
            let saved = try await ProposalService.find(sql, id: current.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: ProposalService.entity, key: String(current.id),
                unitPath: saved.fromUnitPath, old: current.auditValues, new: saved.auditValues.merging(["import": String(auditId)]) { $1 })
        }
        return (fresh.count, changes.count, unchanged)
    }

    /// The rows of `proposals.csv` for the proposals the principal sees, oldest first, header first.
    static func proposalRows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let proposals = try await sql.raw(
            """
            SELECT \(unsafeRaw: ProposalService.columns) FROM \(unsafeRaw: ProposalService.from)
            WHERE (fu.path >= \(bind: range.lower) AND fu.path < \(bind: range.upper)) OR (tu.path >= \(bind: range.lower) AND tu.path < \(bind: range.upper))
            ORDER BY p.received_on, p.id
            """
        ).all().map(ProposalService.proposal)
        return [ProposalsFile.columns.map(\.name)]
            + proposals.map { p in
                [
                    p.fromUnitCode, p.toUnitCode, p.kind.rawValue, p.subject, p.text, p.receivedOn.iso, p.state.handler, p.status.rawValue,
                    p.state.answer?.text ?? "", p.state.answer?.answeredOn.iso ?? "", p.state.withdrawnOn?.iso ?? "",
                ]
            }
    }

    // MARK: - tasks.csv

    static func importTasks(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String), today: CivilDate
    ) async throws -> CadreImport.Counts {
        guard var rows = try Rows(records, columns: TasksFile.columns, file: TasksFile.fileName) else { return (0, 0, 0) }
        struct Row {
            let line: Int
            let valid: ValidTask
            let unit: OrgUnit
            let by: OrgUnit
            let document: DocumentRecord?
            let state: TaskState
            let current: TaskRecord?
        }
        var checked: [Row] = []
        var firstLine: [String: Int] = [:]
        for record in rows.records {
            let line = record.line
            func cell(_ name: String) -> String { rows.cell(record, name) }
            var draft = TaskDraft()
            if cell("unit_code").isEmpty {
                rows.add(line, "unit_code", Catalogue.required)
                continue
            }
            draft.unitCode = cell("unit_code")
            draft.assignedByCode = cell("assigned_by")
            draft.document = cell("document")
            draft.title = cell("title")
            draft.description = cell("description")
            draft.owner = cell("owner")
            draft.assignedOn = cell("assigned_on")
            draft.deadline = cell("deadline")
            draft.focusYear = cell("focus_year")
            if draft.assignedOn.isEmpty { rows.add(line, "assigned_on", Catalogue.required) }
            let valid = rows.take(line, TaskRules.check(draft, today: today))
            let resolved = try await TaskService.resolve(sql, principal, draft, valid: valid, current: nil)
            rows.add(line, resolved.errors)
            // The state: `status` (empty: open, or in progress with some progress) with its progress and day of closing.
            var progress = 0
            if !cell("progress").isEmpty {
                if let p = Int(cell("progress").replacingOccurrences(of: "%", with: "").trimmed), (0...100).contains(p) {
                    progress = p
                } else {
                    rows.add(line, "progress", Catalogue.outOfRange(0, 100))
                }
            }
            var status: TaskStatus? = progress > 0 ? .inProgress : .open
            if !cell("status").isEmpty {
                status = TaskStatus.parse(cell("status"))
                if status == nil { rows.add(line, "status", Catalogue.unknownValue(cell("status"))) }
            }
            var state: TaskState? = nil
            if let status, let valid {
                if status.isOpen {
                    if !cell("closed_on").isEmpty {
                        rows.add(line, "closed_on", Catalogue.taskClosedOnNeedsClosed)
                    } else {
                        state = TaskState(status: status, progress: progress)
                    }
                } else {
                    var errors: [FieldError] = []
                    var closed: CivilDate? = nil
                    if cell("closed_on").isEmpty {
                        errors.append(FieldError("closed_on", Catalogue.required))
                    } else {
                        closed = TaskRules.day(cell("closed_on"), field: "closed_on", assignedOn: valid.assignedOn, today: today, errors: &errors)
                    }
                    rows.add(line, errors)
                    if let closed, errors.isEmpty {
                        // A cancellation needs a reason: the file that brings it.
                        state = TaskState(status: status, progress: progress, closedOn: closed, closeReason: status == .cancelled ? source.name : nil)
                    }
                }
            }
            guard let valid, let unit = resolved.unit, let by = resolved.by, let state, resolved.errors.isEmpty else { continue }
            let key = [String(unit.id), VietnameseText.fold(valid.title), valid.assignedOn.iso].joined(separator: "|")
            if let first = firstLine[key] {
                rows.add(line, "title", Catalogue.importDuplicateKey(valid.title, firstLine: first))
                continue
            }
            firstLine[key] = line
            let current = try await TaskService.existing(sql, unitId: unit.id, title: valid.title, assignedOn: valid.assignedOn)
            checked.append(Row(line: line, valid: valid, unit: unit, by: by, document: resolved.document, state: state, current: current))
        }
        if !rows.problems.isEmpty { throw CadreImport.sorted(rows.problems) }
        let (fresh, changes, unchanged) = partition(checked, current: \.current) { row, c in
            c.assignedByCode == row.by.code && c.document?.id == row.document?.id && c.title == row.valid.title
                && (c.description ?? "") == row.valid.description && (c.owner ?? "") == row.valid.owner && c.deadline == row.valid.deadline
                && c.focusYear == row.valid.focusYear && c.state.status == row.state.status && c.state.progress == row.state.progress
                && c.state.closedOn == row.state.closedOn
        }
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await CadreImport.recordImport(
            sql, principal: principal, file: TasksFile.fileName, source: source, rows: records.count - 1, created: fresh.count, updated: changes.count)
        for row in fresh {
            _ = try await TaskService.insert(
                sql, principal, row.valid, unit: row.unit.id, by: row.by.id, document: row.document?.id, state: row.state, importAuditId: auditId)
        }
        for (row, current) in changes {
            let v = row.valid
            try await sql.raw(
                """
                UPDATE tasks SET assigned_by_unit_id = \(bind: row.by.id), document_id = \(bind: row.document?.id), title = \(bind: v.title),
                    description = \(bind: v.description.isEmpty ? nil : v.description), owner = \(bind: v.owner.isEmpty ? nil : v.owner),
                    deadline = \(bind: v.deadline.iso), focus_year = \(bind: v.focusYear), status = \(bind: row.state.status.rawValue),
                    progress = \(bind: row.state.progress), closed_on = \(bind: row.state.closedOn?.iso),
                    close_reason = \(bind: row.state.status == current.status ? current.state.closeReason : row.state.closeReason),
                    version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: current.id)
                """
            ).run()
            let saved = try await TaskService.find(sql, id: current.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: TaskService.entity, key: String(current.id),
                unitPath: saved.unitPath, old: current.auditValues, new: saved.auditValues.merging(["import": String(auditId)]) { $1 })
        }
        return (fresh.count, changes.count, unchanged)
    }

    /// The rows of `tasks.csv` for the tasks the principal sees, header first.
    static func taskRows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let tasks = try await sql.raw(
            """
            SELECT \(unsafeRaw: TaskService.columns) FROM \(unsafeRaw: TaskService.from)
            WHERE ou.path >= \(bind: range.lower) AND ou.path < \(bind: range.upper) ORDER BY t.assigned_on, t.id
            """
        ).all().map(TaskService.task)
        return [TasksFile.columns.map(\.name)]
            + tasks.map { t in
                [
                    t.unitCode, t.assignedByCode, t.document?.number ?? "", t.title, t.description ?? "", t.owner ?? "", t.assignedOn.iso, t.deadline.iso,
                    t.status.rawValue, String(t.state.progress), t.state.closedOn?.iso ?? "", t.focusYear.map(String.init) ?? "",
                ]
            }
    }
}
