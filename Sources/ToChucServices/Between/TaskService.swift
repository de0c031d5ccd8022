import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// The document a task implements, as its page names it.
public struct TaskDocument: Sendable, Equatable {
    public let id: Int64
    public let number: String
    public let title: String
}

/// A task as stored.
public struct TaskRecord: Sendable, Equatable {
    public let id: Int64
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let assignedByCode: String
    public let assignedByName: String
    public let assignedByPath: String
    public let document: TaskDocument?
    public let title: String
    public let description: String?
    public let owner: String?
    public let assignedOn: CivilDate
    public let deadline: CivilDate
    public let state: TaskState
    public let focusYear: Int?
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    public var status: TaskStatus { state.status }

    /// The values the audit log keeps (and a stale save compares).
    public var auditValues: [String: String?] {
        [
            "unit_code": unitCode, "assigned_by": assignedByCode, "document": document?.number, "title": title, "description": description,
            "owner": owner, "assigned_on": assignedOn.iso, "deadline": deadline.iso, "status": status.rawValue, "progress": String(state.progress),
            "closed_on": state.closedOn?.iso, "reason": state.closeReason, "focus_year": focusYear.map(String.init), "version": String(version),
        ]
    }
}

/// A progress note, as stored.
public struct TaskNote: Sendable, Equatable {
    public let id: Int64
    public let notedOn: CivilDate
    public let progress: Int?
    public let text: String
    public let createdBy: String
    public let createdAt: String
}

/// A task in a list, with its deadline state on the list's day.
public struct TaskRow: Sendable, Equatable {
    public let task: TaskRecord
    public let due: TaskDue
}

/// Everything a task's page shows.
public struct TaskDetail: Sendable {
    public let task: TaskRecord
    public let due: TaskDue
    /// Newest first.
    public let notes: [TaskNote]
}

/// What a list of tasks is asked for; text values are checked by `TaskService.list`.
public struct TaskQuery: Sendable, Equatable {
    /// Tasks carried out in this unit's subtree (default: the principal's scope).
    public var unitCode = ""
    /// Words of the title.
    public var text = ""
    public var status = ""
    /// `overdue`: unfinished after the deadline, today.
    public var due = ""
    /// Open on this day (`TaskRules.isOpen`): what the briefing report's `tasks_open` counts.
    public var openOn = ""
    /// On the focus list (nhiệm vụ trọng tâm) of this year.
    public var focusYear = ""
    /// Implementing this document.
    public var documentId = ""
    /// `deadline` (earliest first, the default), `assigned_on` (newest first), `title`, `progress` (least first).
    public var sort = ""
    public var page = 1
    public var perPage = 50

    public init() {}

    public static let sorts = ["deadline", "assigned_on", "title", "progress"]
}

/// Tasks that implement documents (nhiệm vụ, DOMAIN.md §5): per unit, with an owner, a deadline, a status and progress
/// notes; the focus lists (nhiệm vụ trọng tâm) with their progress; tasks open on a day for the briefing report.
///
/// Scope (DOMAIN.md §6): a task is visible in the subtree of the unit that carries it out and to the unit that assigned
/// it (the same unit or one above it); writers of that scope record progress and change it.
public struct TaskService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "task"
    static let columns = """
        t.*, ou.code AS unit_code, ou.name AS unit_name, ou.path AS unit_path, au.code AS by_code, au.name AS by_name, au.path AS by_path,
        d.number AS document_number, d.title AS document_title
        """
    static let from = "tasks t JOIN units ou ON ou.id = t.unit_id JOIN units au ON au.id = t.assigned_by_unit_id LEFT JOIN documents d ON d.id = t.document_id"

    static func task(from row: any SQLRow) throws -> TaskRecord {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try text(column).flatMap { CivilDate(parsing: $0) } }
        let documentId = try row.decode(column: "document_id", as: Int64?.self)
        return TaskRecord(
            id: try row.decode(column: "id", as: Int64.self), unitCode: try text("unit_code") ?? "", unitName: try text("unit_name") ?? "",
            unitPath: try text("unit_path") ?? "", assignedByCode: try text("by_code") ?? "", assignedByName: try text("by_name") ?? "",
            assignedByPath: try text("by_path") ?? "",
            document: try documentId.map { TaskDocument(id: $0, number: try text("document_number") ?? "", title: try text("document_title") ?? "") },
            title: try text("title") ?? "", description: try text("description"), owner: try text("owner"),
            assignedOn: try date("assigned_on") ?? UnitVersion.epoch, deadline: try date("deadline") ?? UnitVersion.epoch,
            state: TaskState(
                status: TaskStatus(rawValue: try text("status") ?? "") ?? .open, progress: try row.decode(column: "progress", as: Int.self),
                closedOn: try date("closed_on"), closeReason: try text("close_reason")),
            focusYear: try row.decode(column: "focus_year", as: Int?.self), version: try row.decode(column: "version", as: Int.self),
            createdBy: try text("created_by") ?? "", updatedAt: try text("updated_at") ?? "")
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> TaskRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE t.id = \(bind: id)").first().map(task)
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> TaskRecord {
        guard let found = try await find(sql, id: id), principal.sees(path: found.unitPath) || principal.sees(path: found.assignedByPath) else {
            throw DomainError.notFound(Catalogue.taskNotFound)
        }
        return found
    }

    static func notes(_ sql: any SQLDatabase, taskId: Int64) async throws -> [TaskNote] {
        try await sql.raw("SELECT * FROM task_notes WHERE task_id = \(bind: taskId) ORDER BY noted_on DESC, id DESC").all().map { row in
            TaskNote(
                id: try row.decode(column: "id", as: Int64.self),
                notedOn: CivilDate(parsing: try row.decode(column: "noted_on", as: String.self)) ?? UnitVersion.epoch,
                progress: try row.decode(column: "progress", as: Int?.self), text: try row.decode(column: "note", as: String.self),
                createdBy: try row.decode(column: "created_by", as: String.self), createdAt: try row.decode(column: "created_at", as: String.self))
        }
    }

    // MARK: - Reading

    public func get(_ principal: Principal, id: Int64) async throws -> TaskRecord {
        try await db.read { sql in try await Self.visible(sql, principal, id: id) }
    }

    public func detail(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> TaskDetail {
        try await db.read { sql in
            let task = try await Self.visible(sql, principal, id: id)
            return TaskDetail(
                task: task, due: TaskRules.due(status: task.status, deadline: task.deadline, today: today), notes: try await Self.notes(sql, taskId: id))
        }
    }

    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let found = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.entity, key: String(found.id), importedInto: "tasks", rowId: found.id)
        }
    }

    /// Tasks of a subtree, filtered, sorted and paged, each with its deadline state on `today`.
    public func list(_ principal: Principal, _ query: TaskQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> Page<TaskRow> {
        let bounds = BetweenStore.bounds(page: query.page, perPage: query.perPage)
        return try await db.read { sql in
            let (filter, order) = try await Self.filter(sql, principal, query, today: today)
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
            let items = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(filter)
                ORDER BY \(unsafeRaw: order), t.id LIMIT \(literal: bounds.perPage) OFFSET \(literal: bounds.offset)
                """
            ).all().map(Self.task).map { TaskRow(task: $0, due: TaskRules.due(status: $0.status, deadline: $0.deadline, today: today)) }
            return Page(items: items, page: bounds.page, perPage: bounds.perPage, total: total)
        }
    }

    static func filter(_ sql: any SQLDatabase, _ principal: Principal, _ query: TaskQuery, today: CivilDate) async throws -> (SQLQueryString, String) {
        var errors: [FieldError] = []
        let range: (lower: String, upper: String)
        if query.unitCode.trimmed.isEmpty {
            range = principal.pathRange
        } else {
            guard let unit = try await BetweenStore.unit(sql, principal, code: query.unitCode) else { throw DomainError.notFound(Catalogue.unitNotFound) }
            range = PathRange.of(unit.path)
        }
        var filter: SQLQueryString = """
            ((ou.path >= \(bind: range.lower) AND ou.path < \(bind: range.upper)) OR (au.path >= \(bind: range.lower) AND au.path < \(bind: range.upper)))
            """
        if let words = BetweenStore.textFilter("t.title_folded", query.text) { filter = filter + " AND (\(words))" }
        if let status = BetweenStore.value(query.status, field: "status", errors: &errors, TaskStatus.parse) {
            filter = filter + " AND t.status = \(bind: status.rawValue)"
        }
        if BetweenStore.value(query.due, field: "due", errors: &errors, { $0 == "overdue" ? $0 : nil }) != nil {
            filter = filter + " AND t.status IN ('open', 'in_progress') AND t.deadline < \(bind: today.iso)"
        }
        if let day = BetweenStore.date(query.openOn, field: "open_on", errors: &errors) {
            filter = filter + " AND \(Self.openOn(day))"
        }
        let focus = BetweenStore.value(query.focusYear, field: "focus_year", errors: &errors) { Int($0).flatMap { TaskRules.focusYears.contains($0) ? $0 : nil } }
        if let year = focus {
            filter = filter + " AND t.focus_year = \(bind: year)"
        }
        if let document = BetweenStore.value(query.documentId, field: "document", errors: &errors, { Int64($0) }) {
            filter = filter + " AND t.document_id = \(bind: document)"
        }
        let sort = BetweenStore.value(query.sort, field: "sort", errors: &errors, { TaskQuery.sorts.contains($0) ? $0 : nil }) ?? "deadline"
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let order = ["deadline": "t.deadline", "assigned_on": "t.assigned_on DESC", "title": "t.title_folded", "progress": "t.progress"][sort]!
        return (filter, order)
    }

    /// `TaskRules.isOpen` in SQL.
    static func openOn(_ day: CivilDate) -> SQLQueryString {
        "t.assigned_on <= \(bind: day.iso) AND (t.closed_on IS NULL OR t.closed_on > \(bind: day.iso))"
    }

    /// `tasks_open` of the briefing report (DOMAIN.md §5 "open tasks"): tasks carried out by units in the subtree of
    /// `unitCode` that are open on `day` — assigned on or before it, not done or cancelled by it (`TaskRules.isOpen`).
    public func openCount(_ principal: Principal, unitCode: String, on day: CivilDate) async throws -> Int {
        try await db.read { sql in
            guard let unit = try await BetweenStore.unit(sql, principal, code: unitCode) else { throw DomainError.notFound(Catalogue.unitNotFound) }
            let range = PathRange.of(unit.path)
            return try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM tasks t JOIN units ou ON ou.id = t.unit_id
                WHERE ou.path >= \(bind: range.lower) AND ou.path < \(bind: range.upper) AND \(Self.openOn(day))
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// The tasks of a list as a spreadsheet (every page; header first), in the principal's language.
    public func exportRows(_ principal: Principal, _ query: TaskQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> [[String]] {
        let language = principal.language
        func date(_ d: CivilDate?) -> String { BetweenStore.date(d, language) }
        var rows: [[String]] = [
            [
                Catalogue.taskTitle, Catalogue.taskUnit, Catalogue.taskAssignedBy, Catalogue.taskDocument, Catalogue.taskOwner, Catalogue.taskAssignedOn,
                Catalogue.taskDeadline, Catalogue.taskStatusLabel, Catalogue.taskProgress, Catalogue.taskDueLabel, Catalogue.taskClosedOn,
                Catalogue.taskFocusYear,
            ].map { $0.text(language) }
        ]
        let all = try await BetweenStore.allPages { page, perPage in
            var q = query
            q.page = page
            q.perPage = perPage
            return try await list(principal, q, today: today)
        }
        for row in all {
            let t = row.task
            rows.append([
                t.title, t.unitName, t.assignedByName, t.document?.number ?? "", t.owner ?? "", date(t.assignedOn), date(t.deadline),
                t.status.label.text(language), String(t.state.progress), row.due.label.text(language), date(t.state.closedOn),
                t.focusYear.map(String.init) ?? "",
            ])
        }
        return rows
    }

    // MARK: - Writing

    /// The units and the document of a task as typed: the carrying unit in scope (default: the principal's), the
    /// assigning unit (default: the carrying one) — the carrying unit or one above it, in scope — and the document by id
    /// or by number (the visible one issued last on or before the day assigned, else the latest).
    static func resolve(
        _ sql: any SQLDatabase, _ principal: Principal, _ draft: TaskDraft, valid: ValidTask?, current: TaskRecord?
    ) async throws -> (unit: OrgUnit?, by: OrgUnit?, document: DocumentRecord?, errors: [FieldError]) {
        var errors: [FieldError] = []
        let unit = try await BetweenStore.unit(sql, principal, code: draft.unitCode.trimmed.isEmpty ? (current?.unitCode ?? "") : draft.unitCode)
        if unit == nil { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
        var by: OrgUnit? = unit
        let byCode = draft.assignedByCode.trimmed.isEmpty ? (current?.assignedByCode ?? "") : draft.assignedByCode
        if !byCode.trimmed.isEmpty {
            by = try await BetweenStore.unit(sql, principal, code: byCode)
            if by == nil { errors.append(FieldError("assigned_by", Catalogue.unitNotFound)) }
        }
        if let unit, let by, !unit.path.hasPrefix(by.path) { errors.append(FieldError("assigned_by", Catalogue.taskAssignerNotAbove)) }
        var document: DocumentRecord? = nil
        if let id = draft.documentId {
            document = try? await DocumentService.visible(sql, principal, id: id)
            if document == nil { errors.append(FieldError("document", Catalogue.documentNotFound)) }
        } else if let number = valid?.documentNumber {
            document = try await DocumentService.latest(sql, principal, key: number.key, onOrBefore: valid?.assignedOn)
            if document == nil { document = try await DocumentService.latest(sql, principal, key: number.key, onOrBefore: nil) }
            if document == nil { errors.append(FieldError("document", Catalogue.taskDocumentNotFound(number.text))) }
        }
        return (unit, by, document, errors)
    }

    /// Records a task (open) for a unit in scope, assigned by it or a unit above it.
    public func create(_ principal: Principal, _ draft: TaskDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> TaskRecord {
        try principal.requireWrite()
        let checked = TaskRules.check(draft, today: today)
        return try await db.write { sql in
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let resolved = try await Self.resolve(sql, principal, draft, valid: try? checked.get(), current: nil)
            errors += resolved.errors
            guard errors.isEmpty, let valid = try? checked.get(), let unit = resolved.unit, let by = resolved.by else {
                throw DomainError.invalid(Catalogue.invalidInput, errors)
            }
            if try await Self.existing(sql, unitId: unit.id, title: valid.title, assignedOn: valid.assignedOn) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("title", Catalogue.taskExists)])
            }
            let id = try await Self.insert(sql, principal, valid, unit: unit.id, by: by.id, document: resolved.document?.id, state: .open, importAuditId: nil)
            let created = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.entity, key: String(id),
                unitPath: created.unitPath, old: nil, new: created.auditValues)
            return created
        }
    }

    /// The task with the natural key (carrying unit, title ignoring case and accents, day assigned).
    static func existing(_ sql: any SQLDatabase, unitId: Int64, title: String, assignedOn: CivilDate) async throws -> TaskRecord? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE t.unit_id = \(bind: unitId) AND t.title_folded = \(bind: VietnameseText.fold(title))
            AND t.assigned_on = \(bind: assignedOn.iso) ORDER BY t.id LIMIT 1
            """
        ).first().map(task)
    }

    static func insert(
        _ sql: any SQLDatabase, _ principal: Principal, _ valid: ValidTask, unit: Int64, by: Int64, document: Int64?, state: TaskState, importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        return try await sql.raw(
            """
            INSERT INTO tasks (unit_id, assigned_by_unit_id, document_id, title, title_folded, description, owner, assigned_on, deadline, status, progress,
                closed_on, close_reason, focus_year, version, created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: unit), \(bind: by), \(bind: document), \(bind: valid.title), \(bind: VietnameseText.fold(valid.title)),
                \(bind: valid.description.isEmpty ? nil : valid.description), \(bind: valid.owner.isEmpty ? nil : valid.owner), \(bind: valid.assignedOn.iso),
                \(bind: valid.deadline.iso), \(bind: state.status.rawValue), \(bind: state.progress), \(bind: state.closedOn?.iso), \(bind: state.closeReason),
                \(bind: valid.focusYear), 1, \(bind: principal.actor), \(bind: now), \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    static func checkVersion(_ sql: any SQLDatabase, _ current: TaskRecord, _ expectedVersion: Int) async throws {
        guard current.version != expectedVersion else { return }
        throw try await AuditLog.staleSave(
            sql, entity: entity, key: String(current.id), baseVersion: expectedVersion, current: current.auditValues, currentVersion: current.version,
            fallback: [:])
    }

    /// Corrects a task's own fields (units, document, title, description, owner, dates, focus year) at the version the
    /// user started from; its state changes by steps (`apply`). A closed task's day of closing must stay after the day
    /// assigned.
    public func update(
        _ principal: Principal, id: Int64, _ draft: TaskDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TaskRecord {
        try principal.requireWrite()
        let checked = TaskRules.check(draft, today: today)
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            try await Self.checkVersion(sql, current, expectedVersion)
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let resolved = try await Self.resolve(sql, principal, draft, valid: try? checked.get(), current: current)
            errors += resolved.errors
            if let valid = try? checked.get(), let closed = current.state.closedOn, closed < valid.assignedOn {
                errors.append(FieldError("assigned_on", Catalogue.taskClosedBeforeAssigned))
            }
            guard errors.isEmpty, let valid = try? checked.get(), let unit = resolved.unit, let by = resolved.by else {
                throw DomainError.invalid(Catalogue.invalidInput, errors)
            }
            if let other = try await Self.existing(sql, unitId: unit.id, title: valid.title, assignedOn: valid.assignedOn), other.id != id {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("title", Catalogue.taskExists)])
            }
            try await sql.raw(
                """
                UPDATE tasks SET unit_id = \(bind: unit.id), assigned_by_unit_id = \(bind: by.id), document_id = \(bind: resolved.document?.id),
                    title = \(bind: valid.title), title_folded = \(bind: VietnameseText.fold(valid.title)),
                    description = \(bind: valid.description.isEmpty ? nil : valid.description), owner = \(bind: valid.owner.isEmpty ? nil : valid.owner),
                    assigned_on = \(bind: valid.assignedOn.iso), deadline = \(bind: valid.deadline.iso), focus_year = \(bind: valid.focusYear),
                    version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id)
                """
            ).run()
            let saved = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.entity, key: String(id),
                unitPath: saved.unitPath, old: current.auditValues, new: saved.auditValues)
            return saved
        }
    }

    /// Takes a step (`TaskRules.next`) at the version the user started from: a progress note (kept in the task's notes),
    /// completion, cancellation, reopening.
    public func apply(
        _ principal: Principal, id: Int64, _ step: TaskStep, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TaskRecord {
        try principal.requireWrite()
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            try await Self.checkVersion(sql, current, expectedVersion)
            let next = try TaskRules.next(current.state, step, assignedOn: current.assignedOn, today: today).get()
            var extra: [String: String?] = [:]
            let action: String
            switch step {
            case .note(let text, let notedOn, let progress):
                action = "progress"
                let note = try TaskRules.checkNote(text: text, notedOn: notedOn, progress: progress, assignedOn: current.assignedOn, today: today).get()
                try await sql.raw(
                    """
                    INSERT INTO task_notes (task_id, noted_on, progress, note, created_by, created_at)
                    VALUES (\(bind: id), \(bind: note.notedOn.iso), \(bind: note.progress), \(bind: note.text), \(bind: principal.actor),
                        \(bind: Timestamp.now()))
                    """
                ).run()
                extra = ["note": note.text, "noted_on": note.notedOn.iso]
            case .complete: action = "complete"
            case .cancel: action = "cancel"
            case .reopen(let reason):
                action = "reopen"
                extra = ["reason": reason.trimmed]
            }
            try await sql.raw(
                """
                UPDATE tasks SET status = \(bind: next.status.rawValue), progress = \(bind: next.progress), closed_on = \(bind: next.closedOn?.iso),
                    close_reason = \(bind: next.closeReason), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id)
                """
            ).run()
            let saved = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: action, entity: Self.entity, key: String(id), unitPath: saved.unitPath,
                old: current.auditValues, new: saved.auditValues.merging(extra) { $1 })
            return saved
        }
    }
}
