import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A proposal as stored.
public struct ProposalRecord: Sendable, Equatable {
    public let id: Int64
    public let kind: ProposalKind
    public let fromUnitCode: String
    public let fromUnitName: String
    public let fromUnitPath: String
    public let toUnitCode: String
    public let toUnitName: String
    public let toUnitPath: String
    public let subject: String
    public let text: String
    public let receivedOn: CivilDate
    public let state: ProposalState
    public let answeredBy: String?
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    public var status: ProposalStatus { state.status }

    /// The values the audit log keeps (and a stale save compares).
    public var auditValues: [String: String?] {
        [
            "kind": kind.rawValue, "from_unit": fromUnitCode, "to_unit": toUnitCode, "subject": subject, "text": text, "received_on": receivedOn.iso,
            "handler": state.handler.isEmpty ? nil : state.handler, "status": status.rawValue, "answer": state.answer?.text,
            "answered_on": state.answer?.answeredOn.iso, "withdrawn_on": state.withdrawnOn?.iso, "reason": state.withdrawReason,
            "reminders": String(state.reminders), "version": String(version),
        ]
    }

    /// Which side the principal is on: the receiving unit and above receive; the rest of the sender's scope sends.
    public func side(of principal: Principal) -> ProposalSide? {
        if principal.sees(path: toUnitPath) { return .receiver }
        return principal.sees(path: fromUnitPath) ? .sender : nil
    }
}

/// A proposal in a list, with its reminder state on the list's day.
public struct ProposalRow: Sendable, Equatable {
    public let proposal: ProposalRecord
    public let due: ProposalDue
    /// The last day of the answer's time.
    public let remindAfter: CivilDate

    public init(proposal: ProposalRecord, due: ProposalDue, remindAfter: CivilDate) {
        self.proposal = proposal
        self.due = due
        self.remindAfter = remindAfter
    }
}

/// Everything a proposal's page shows.
public struct ProposalDetail: Sendable {
    public let proposal: ProposalRecord
    public let side: ProposalSide
    public let due: ProposalDue
    public let remindAfter: CivilDate
    public let files: [AttachmentInfo]
}

/// What a list of proposals is asked for; text values are checked by `ProposalService.list`.
public struct ProposalQuery: Sendable, Equatable {
    /// `in` (received by the unit's subtree, the default) or `out` (sent by it to units above it).
    public var box = ""
    /// The unit whose boxes to list (default: the principal's).
    public var unitCode = ""
    /// Words of the subject.
    public var text = ""
    public var kind = ""
    public var status = ""
    /// `overdue`: unanswered after the reminder's working days, today.
    public var due = ""
    /// Which date `from`/`to` bound: `received` (default) or `answered`.
    public var dateField = ""
    public var from = ""
    public var to = ""
    /// `received_on` (newest first, the default), `answered_on` (newest first), `subject`.
    public var sort = ""
    public var page = 1
    public var perPage = 50

    public init() {}

    public static let boxes = ["in", "out"]
    public static let dateFields = ["received", "answered"]
    public static let sorts = ["received_on", "answered_on", "subject"]
}

/// The counts of one box in a period.
public struct ProposalBoxCounts: Sendable, Equatable {
    /// Received in the period (by the day of receipt).
    public var received = 0
    /// Answered in the period (by the day of the answer): "62 đề xuất, kiến nghị được giải đáp".
    public var answered = 0
    /// Unanswered and not withdrawn at the end of the period.
    public var open = 0
    /// Of those, overdue then.
    public var overdue = 0

    public init() {}
}

/// A unit's boxes for a period (`ProposalService.counts`).
public struct ProposalCounts: Sendable, Equatable {
    public let unitCode: String
    public let from: CivilDate
    public let to: CivilDate
    /// The day open and overdue proposals are counted on: the period's last day, or today when that is earlier.
    public let asOf: CivilDate
    public let inbox: ProposalBoxCounts
    public let outbox: ProposalBoxCounts
}

/// The administrator's setting as stored, with its version.
public struct ProposalSettingsRecord: Sendable, Equatable {
    public let settings: ProposalSettings
    public let version: Int
    public let updatedBy: String?
    public let updatedAt: String?
}

/// Proposals and recommendations (đề xuất, kiến nghị; DOMAIN.md §5): sent up from a unit to a unit above it, answered by
/// the receiving side, withdrawn by the sending side while unanswered, reminded once overdue; an inbox and an outbox per
/// unit; counts by period; files with the proposal and with its answer.
///
/// Scope (DOMAIN.md §6): a proposal is visible to the users whose subtree holds its sending unit or its receiving unit.
/// The receiving side — the receiving unit and the units above it — assigns and answers; the sending side — the rest,
/// from the sending unit up to just below the receiver — withdraws and reminds. Either side may record one (a receiver
/// enters proposals that came on paper).
public struct ProposalService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "proposal"
    static let columns = """
        p.*, fu.code AS from_code, fu.name AS from_name, fu.path AS from_path, tu.code AS to_code, tu.name AS to_name, tu.path AS to_path
        """
    static let from = "proposals p JOIN units fu ON fu.id = p.from_unit_id JOIN units tu ON tu.id = p.to_unit_id"

    static func proposal(from row: any SQLRow) throws -> ProposalRecord {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try text(column).flatMap { CivilDate(parsing: $0) } }
        let status = ProposalStatus(rawValue: try text("status") ?? "") ?? .pending
        let answer: ProposalAnswer? = try text("answer").flatMap { body in try date("answered_on").map { ProposalAnswer(text: body, answeredOn: $0) } }
        return ProposalRecord(
            id: try row.decode(column: "id", as: Int64.self), kind: ProposalKind(rawValue: try text("kind") ?? "") ?? .proposal,
            fromUnitCode: try text("from_code") ?? "", fromUnitName: try text("from_name") ?? "", fromUnitPath: try text("from_path") ?? "",
            toUnitCode: try text("to_code") ?? "", toUnitName: try text("to_name") ?? "", toUnitPath: try text("to_path") ?? "",
            subject: try text("subject") ?? "", text: try text("body") ?? "", receivedOn: try date("received_on") ?? UnitVersion.epoch,
            state: ProposalState(
                status: status, handler: try text("handler") ?? "", answer: answer, withdrawnOn: try date("withdrawn_on"),
                withdrawReason: try text("withdraw_reason"), reminders: try row.decode(column: "reminders", as: Int.self),
                lastRemindedOn: try date("last_reminded_on")),
            answeredBy: try text("answered_by"), version: try row.decode(column: "version", as: Int.self), createdBy: try text("created_by") ?? "",
            updatedAt: try text("updated_at") ?? "")
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> ProposalRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE p.id = \(bind: id)").first().map(proposal)
    }

    /// A proposal the principal sees, with the side they are on.
    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> (ProposalRecord, ProposalSide) {
        guard let found = try await find(sql, id: id), let side = found.side(of: principal) else { throw DomainError.notFound(Catalogue.proposalNotFound) }
        return (found, side)
    }

    static func row(_ p: ProposalRecord, today: CivilDate, settings: ProposalSettings) -> ProposalRow {
        ProposalRow(
            proposal: p, due: ProposalRules.due(status: p.status, receivedOn: p.receivedOn, today: today, workingDays: settings.reminderWorkingDays),
            remindAfter: ProposalRules.remindAfter(receivedOn: p.receivedOn, workingDays: settings.reminderWorkingDays))
    }

    // MARK: - Settings

    public func settings() async throws -> ProposalSettingsRecord {
        try await db.read { sql in try await Self.settings(sql) }
    }

    static func settings(_ sql: any SQLDatabase) async throws -> ProposalSettingsRecord {
        guard let row = try await sql.raw("SELECT * FROM proposal_settings WHERE id = 1").first() else {
            return ProposalSettingsRecord(settings: .standard, version: 1, updatedBy: nil, updatedAt: nil)
        }
        return ProposalSettingsRecord(
            settings: ProposalSettings(reminderWorkingDays: try row.decode(column: "reminder_working_days", as: Int.self)),
            version: try row.decode(column: "version", as: Int.self), updatedBy: try row.decode(column: "updated_by", as: String?.self),
            updatedAt: try row.decode(column: "updated_at", as: String?.self))
    }

    /// Changes the reminder's working days (administrators of a root unit: the setting applies everywhere), at the version
    /// the administrator started from. Lists and counts use the new value at once.
    public func saveSettings(_ principal: Principal, reminderWorkingDays: String, expectedVersion: Int) async throws -> ProposalSettingsRecord {
        try principal.requireAdmin()
        guard VettingService.mayChangeSettings(principal) else { throw DomainError.forbidden(Catalogue.proposalSettingsForbidden) }
        let settings = try ProposalSettings.check(reminderWorkingDays: reminderWorkingDays).get()
        return try await db.write { sql in
            let current = try await Self.settings(sql)
            func values(_ r: ProposalSettingsRecord) -> [String: String?] {
                ["reminder_working_days": String(r.settings.reminderWorkingDays), "version": String(r.version)]
            }
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: "proposal_settings", key: "1", baseVersion: expectedVersion, current: values(current), currentVersion: current.version,
                    fallback: [:])
            }
            guard settings != current.settings else { return current }
            try await sql.raw(
                """
                UPDATE proposal_settings SET reminder_working_days = \(bind: settings.reminderWorkingDays), version = version + 1,
                    updated_by = \(bind: principal.actor), updated_at = \(bind: Timestamp.now()) WHERE id = 1
                """
            ).run()
            let saved = try await Self.settings(sql)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "settings", entity: "proposal_settings", key: "1",
                unitPath: principal.unitPath, old: values(current), new: values(saved))
            return saved
        }
    }

    // MARK: - Reading

    public func get(_ principal: Principal, id: Int64) async throws -> ProposalRecord {
        try await db.read { sql in try await Self.visible(sql, principal, id: id).0 }
    }

    /// A proposal with the principal's side, its reminder state on `today` and its files.
    public func detail(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> ProposalDetail {
        try await db.read { sql in
            let (p, side) = try await Self.visible(sql, principal, id: id)
            let row = Self.row(p, today: today, settings: try await Self.settings(sql).settings)
            return ProposalDetail(
                proposal: p, side: side, due: row.due, remindAfter: row.remindAfter, files: try await BetweenStore.attachments(sql, owner: .proposal, id: id))
        }
    }

    /// The changes of a proposal, oldest first (with the import that made it, when one did).
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let (found, _) = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.entity, key: String(found.id), importedInto: "proposals", rowId: found.id)
        }
    }

    /// A unit's inbox or outbox, filtered, sorted and paged, each proposal with its reminder state on `today`.
    public func list(_ principal: Principal, _ query: ProposalQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> Page<ProposalRow> {
        let bounds = BetweenStore.bounds(page: query.page, perPage: query.perPage)
        return try await db.read { sql in
            let settings = try await Self.settings(sql).settings
            let (filter, order) = try await Self.filter(sql, principal, query, today: today, settings: settings)
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
            let items = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(filter)
                ORDER BY \(unsafeRaw: order), p.id DESC LIMIT \(literal: bounds.perPage) OFFSET \(literal: bounds.offset)
                """
            ).all().map(Self.proposal).map { Self.row($0, today: today, settings: settings) }
            return Page(items: items, page: bounds.page, perPage: bounds.perPage, total: total)
        }
    }

    /// The box of a subtree: `in` is every proposal whose receiving unit lies in it; `out` every proposal whose sending
    /// unit lies in it and whose receiving unit does not (sent above it).
    static func box(_ box: String, range r: (lower: String, upper: String)) -> SQLQueryString {
        let receiving: SQLQueryString = "(tu.path >= \(bind: r.lower) AND tu.path < \(bind: r.upper))"
        if box == "out" { return "(fu.path >= \(bind: r.lower) AND fu.path < \(bind: r.upper)) AND NOT " + receiving }
        return receiving
    }

    /// The subtree of a unit in scope; without a code the principal's own (the whole database for the command line).
    static func range(_ sql: any SQLDatabase, _ principal: Principal, code: String) async throws -> (code: String, range: (lower: String, upper: String)) {
        if code.trimmed.isEmpty && principal.unitCode.isEmpty { return ("", principal.pathRange) }
        guard let unit = try await BetweenStore.unit(sql, principal, code: code) else { throw DomainError.notFound(Catalogue.unitNotFound) }
        return (unit.code, PathRange.of(unit.path))
    }

    static func filter(
        _ sql: any SQLDatabase, _ principal: Principal, _ query: ProposalQuery, today: CivilDate, settings: ProposalSettings
    ) async throws -> (SQLQueryString, String) {
        var errors: [FieldError] = []
        let range = try await Self.range(sql, principal, code: query.unitCode)
        let box = BetweenStore.value(query.box, field: "box", errors: &errors, { ProposalQuery.boxes.contains($0) ? $0 : nil }) ?? "in"
        var filter = Self.box(box, range: range.range)
        if let words = BetweenStore.textFilter("p.subject_folded", query.text) { filter = filter + " AND (\(words))" }
        if let kind = BetweenStore.value(query.kind, field: "kind", errors: &errors, ProposalKind.parse) {
            filter = filter + " AND p.kind = \(bind: kind.rawValue)"
        }
        if let status = BetweenStore.value(query.status, field: "status", errors: &errors, ProposalStatus.parse) {
            filter = filter + " AND p.status = \(bind: status.rawValue)"
        }
        if BetweenStore.value(query.due, field: "due", errors: &errors, { $0 == "overdue" ? $0 : nil }) != nil {
            let by = ProposalRules.overdueIfReceivedBy(today: today, workingDays: settings.reminderWorkingDays)
            filter = filter + " AND p.status IN ('pending', 'in_progress') AND p.received_on <= \(bind: by.iso)"
        }
        let field = BetweenStore.value(query.dateField, field: "date_field", errors: &errors, { ProposalQuery.dateFields.contains($0) ? $0 : nil })
        let column = field == "answered" ? "p.answered_on" : "p.received_on"
        if let from = BetweenStore.date(query.from, field: "from", errors: &errors) { filter = filter + " AND \(unsafeRaw: column) >= \(bind: from.iso)" }
        if let to = BetweenStore.date(query.to, field: "to", errors: &errors) { filter = filter + " AND \(unsafeRaw: column) <= \(bind: to.iso)" }
        let sort = BetweenStore.value(query.sort, field: "sort", errors: &errors, { ProposalQuery.sorts.contains($0) ? $0 : nil }) ?? "received_on"
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let order = [
            "received_on": "p.received_on DESC", "subject": "p.subject_folded",
            "answered_on": "CASE WHEN p.answered_on IS NULL THEN 1 ELSE 0 END, p.answered_on DESC",
        ][sort]!
        return (filter, order)
    }

    /// The proposals of a list as a spreadsheet (every page; header first), in the principal's language.
    public func exportRows(_ principal: Principal, _ query: ProposalQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> [[String]] {
        let language = principal.language
        func date(_ d: CivilDate?) -> String { BetweenStore.date(d, language) }
        var rows: [[String]] = [
            [
                Catalogue.proposalKindLabel, Catalogue.proposalSubject, Catalogue.proposalFrom, Catalogue.proposalTo, Catalogue.proposalReceivedOn,
                Catalogue.proposalHandler, Catalogue.proposalStatusLabel, Catalogue.proposalDueLabel, Catalogue.proposalAnsweredOn, Catalogue.proposalAnswer,
            ].map { $0.text(language) }
        ]
        let all = try await BetweenStore.allPages { page, perPage in
            var q = query
            q.page = page
            q.perPage = perPage
            return try await list(principal, q, today: today)
        }
        for row in all {
            let p = row.proposal
            rows.append([
                p.kind.label.text(language), p.subject, p.fromUnitName, p.toUnitName, date(p.receivedOn), p.state.handler, p.status.label.text(language),
                row.due.label.text(language), date(p.state.answer?.answeredOn), p.state.answer?.text ?? "",
            ])
        }
        return rows
    }

    // MARK: - Counts

    /// The boxes of a unit in scope (default: the principal's) for `[from, to]`: received and answered in the period,
    /// open and overdue on `asOf` — the period's last day, or `today` when that is earlier. A proposal answered or
    /// withdrawn after `asOf` was still open then.
    public func counts(
        _ principal: Principal, unitCode: String = "", from: CivilDate, to: CivilDate, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> ProposalCounts {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let asOf = min(to, today)
        return try await db.read { sql in
            let scope = try await Self.range(sql, principal, code: unitCode)
            let settings = try await Self.settings(sql).settings
            let overdueBy = ProposalRules.overdueIfReceivedBy(today: asOf, workingDays: settings.reminderWorkingDays)
            func counts(_ box: String) async throws -> ProposalBoxCounts {
                let open: SQLQueryString = """
                    p.received_on <= \(bind: asOf.iso) AND (p.answered_on IS NULL OR p.answered_on > \(bind: asOf.iso))
                    AND (p.withdrawn_on IS NULL OR p.withdrawn_on > \(bind: asOf.iso))
                    """
                let row = try await sql.raw(
                    """
                    SELECT CAST(SUM(CASE WHEN p.received_on >= \(bind: from.iso) AND p.received_on <= \(bind: to.iso) THEN 1 ELSE 0 END) AS BIGINT) AS received,
                        CAST(SUM(CASE WHEN p.status = 'answered' AND p.answered_on >= \(bind: from.iso) AND p.answered_on <= \(bind: to.iso) THEN 1 ELSE 0 END)
                            AS BIGINT) AS answered,
                        CAST(SUM(CASE WHEN \(open) THEN 1 ELSE 0 END) AS BIGINT) AS open_now,
                        CAST(SUM(CASE WHEN \(open) AND p.received_on <= \(bind: overdueBy.iso) THEN 1 ELSE 0 END) AS BIGINT) AS overdue
                    FROM \(unsafeRaw: Self.from) WHERE \(Self.box(box, range: scope.range))
                    """
                ).first()
                var c = ProposalBoxCounts()
                c.received = try row?.decode(column: "received", as: Int?.self) ?? 0
                c.answered = try row?.decode(column: "answered", as: Int?.self) ?? 0
                c.open = try row?.decode(column: "open_now", as: Int?.self) ?? 0
                c.overdue = try row?.decode(column: "overdue", as: Int?.self) ?? 0
                return c
            }
            return ProposalCounts(
                unitCode: scope.code, from: from, to: to, asOf: asOf, inbox: try await counts("in"), outbox: try await counts("out"))
        }
    }

    /// `proposals_answered` of the briefing report ("62 đề xuất, kiến nghị được giải đáp", DOMAIN.md §5): proposals whose
    /// answer is dated in `[from, to]` (both ends included) and whose receiving unit lies in the subtree of `unitCode` —
    /// the answers the subtree gave. Proposals the subtree sent up and got answered are the units above's work, not
    /// counted. An amended answer counts once, on its current date.
    public func answeredCount(_ principal: Principal, unitCode: String, from: CivilDate, to: CivilDate) async throws -> Int {
        try await counts(principal, unitCode: unitCode, from: from, to: to, today: to).inbox.answered
    }

    // MARK: - Writing

    /// Records a proposal from a unit in scope (default: the principal's) to a unit above it (default: its parent). A
    /// handler can be named only by the receiving side.
    public func create(_ principal: Principal, _ draft: ProposalDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> ProposalRecord {
        try principal.requireWrite()
        let checked = ProposalRules.check(draft, today: today)
        return try await db.write { sql in
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let from = try await BetweenStore.unit(sql, principal, code: draft.fromUnitCode)
            if from == nil { errors.append(FieldError("from_unit", Catalogue.unitNotFound)) }
            var to: OrgUnit? = nil
            if let from {
                to = draft.toUnitCode.trimmed.isEmpty
                    ? try await from.parentCode.asyncMap { try await BetweenStore.anyUnit(sql, code: $0) }
                    : try await BetweenStore.anyUnit(sql, code: draft.toUnitCode)
                if to.map({ !(from.path.hasPrefix($0.path) && from.path != $0.path) }) ?? true {
                    errors.append(FieldError("to_unit", Catalogue.proposalReceiverNotAbove))
                }
            }
            guard errors.isEmpty, let valid = try? checked.get(), let from, let to else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            if !valid.handler.isEmpty && !principal.sees(path: to.path) {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("handler", Catalogue.proposalReceiverOnly)])
            }
            if try await Self.existing(sql, from: from.id, to: to.id, receivedOn: valid.receivedOn, subject: valid.subject) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("subject", Catalogue.proposalExists)])
            }
            let state = ProposalState(status: valid.handler.isEmpty ? .pending : .inProgress, handler: valid.handler)
            let id = try await Self.insert(sql, principal, valid, from: from.id, to: to.id, state: state, importAuditId: nil)
            let created = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.entity, key: String(id),
                unitPath: created.fromUnitPath, old: nil, new: created.auditValues)
            return created
        }
    }

    /// The proposal with the natural key (sending unit, receiving unit, day of receipt, subject ignoring case and accents).
    static func existing(_ sql: any SQLDatabase, from: Int64, to: Int64, receivedOn: CivilDate, subject: String) async throws -> ProposalRecord? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: Self.from) WHERE p.from_unit_id = \(bind: from) AND p.to_unit_id = \(bind: to)
            AND p.received_on = \(bind: receivedOn.iso) AND p.subject_folded = \(bind: VietnameseText.fold(subject)) ORDER BY p.id LIMIT 1
            """
        ).first().map(proposal)
    }

    static func insert(
        _ sql: any SQLDatabase, _ principal: Principal, _ valid: ValidProposal, from: Int64, to: Int64, state: ProposalState, importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        return try await sql.raw(
            """
            INSERT INTO proposals (kind, from_unit_id, to_unit_id, subject, subject_folded, body, received_on, handler, status, answer, answered_on,
                answered_by, withdrawn_on, withdraw_reason, reminders, version, created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: valid.kind.rawValue), \(bind: from), \(bind: to), \(bind: valid.subject), \(bind: VietnameseText.fold(valid.subject)),
                \(bind: valid.text), \(bind: valid.receivedOn.iso), \(bind: state.handler.isEmpty ? nil : state.handler), \(bind: state.status.rawValue),
                \(bind: state.answer?.text), \(bind: state.answer?.answeredOn.iso), \(bind: state.answer == nil ? nil : principal.actor),
                \(bind: state.withdrawnOn?.iso), \(bind: state.withdrawReason), 0, 1, \(bind: principal.actor), \(bind: now), \(bind: now),
                \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    /// Takes a step (`ProposalRules.next`) at the version the user started from: assign, answer, withdraw, remind.
    public func apply(
        _ principal: Principal, id: Int64, _ step: ProposalStep, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> ProposalRecord {
        try principal.requireWrite()
        return try await db.write { sql in
            let (current, side) = try await Self.visible(sql, principal, id: id)
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: Self.entity, key: String(id), baseVersion: expectedVersion, current: current.auditValues, currentVersion: current.version,
                    fallback: [:])
            }
            let settings = try await Self.settings(sql).settings
            let next = try ProposalRules.next(
                current.state, step, side: side, receivedOn: current.receivedOn, today: today, workingDays: settings.reminderWorkingDays
            ).get()
            let action: String
            switch step {
            case .assign: action = "assign"
            case .answer: action = current.status == .answered ? "amend" : "answer"
            case .withdraw: action = "withdraw"
            case .remind: action = "remind"
            }
            try await Self.write(sql, id: id, state: next, answeredBy: action == "answer" || action == "amend" ? principal.actor : current.answeredBy)
            let saved = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: action, entity: Self.entity, key: String(id), unitPath: saved.fromUnitPath,
                old: current.auditValues, new: saved.auditValues)
            return saved
        }
    }

    static func write(_ sql: any SQLDatabase, id: Int64, state: ProposalState, answeredBy: String?) async throws {
        try await sql.raw(
            """
            UPDATE proposals SET status = \(bind: state.status.rawValue), handler = \(bind: state.handler.isEmpty ? nil : state.handler),
                answer = \(bind: state.answer?.text), answered_on = \(bind: state.answer?.answeredOn.iso),
                answered_by = \(bind: state.answer == nil ? nil : answeredBy),
                withdrawn_on = \(bind: state.withdrawnOn?.iso), withdraw_reason = \(bind: state.withdrawReason), reminders = \(bind: state.reminders),
                last_reminded_on = \(bind: state.lastRemindedOn?.iso), version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id)
            """
        ).run()
    }

    // MARK: - Files

    /// Attaches a file to a proposal from the principal's side (the sender's with the proposal, the receiver's with the
    /// answer); not to a withdrawn one.
    public func attach(_ principal: Principal, id: Int64, fileName: String, data: Data) async throws -> AttachmentInfo {
        try principal.requireWrite()
        let file = try BetweenStore.checkFile(fileName: fileName, data: data)
        return try await db.write { sql in
            let (p, side) = try await Self.visible(sql, principal, id: id)
            if p.status == .withdrawn { throw DomainError.invalid(Catalogue.proposalStepRefused, [FieldError("file", Catalogue.proposalClosed(p.status))]) }
            return try await BetweenStore.insertAttachment(
                sql, principal, owner: .proposal, id: id, side: side.rawValue, file: file, data: data, entity: Self.entity, unitPath: p.fromUnitPath)
        }
    }
}

extension Optional {
    /// `map` with an asynchronous transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
