import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A proposed decision, as a form or the API gives it.
public struct DecisionDraft: Sendable, Equatable {
    public var cadreId: Int64 = 0
    public var kind = ""
    public var decisionNo = ""
    public var effectiveOn = ""
    /// The position it ends (required for re-appointment, dismissal, resignation, retirement; optional otherwise).
    public var closesPositionId: Int64? = nil
    /// The new position: the code of a party unit or agency, the title and its management level.
    public var placeCode = ""
    public var title = ""
    public var managedBy = ""
    public var note = ""

    public init() {}
}

/// Approvals per management level in a period (DOMAIN.md §3; INTERCHANGE.md positions.csv `approved_on`): what the
/// briefing report carries as `figures.approvals` (keys central, provincial, upper_base, base).
public struct ApprovalCounts: Sendable, Equatable {
    public let unit: String
    public let from: CivilDate
    public let to: CivilDate
    public let byLevel: [ManagementLevel: Int]

    /// `["central": n, "provincial": n, "upper_base": n, "base": n]`, every key present.
    public var approvals: [String: Int] {
        Dictionary(uniqueKeysWithValues: ManagementLevel.allCases.map { ($0.rawValue, byLevel[$0] ?? 0) })
    }

    public var total: Int { byLevel.values.reduce(0, +) }
}

/// Decisions about cadres (DOMAIN.md §3): proposed as drafts (which change nothing), approved by the managing level
/// (which writes the dated positions: the state of any day follows from their dates, so a decision approved ahead of
/// its effective date takes effect on that date without a scheduler), undone by voiding (nothing is deleted).
public struct DecisionService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// The longest decision number accepted.
    public static let maximumTextLength = 100

    /// An approval as typed: its number checked like a decision's (in `field`), its date (today when empty) neither
    /// malformed nor in the future.
    static func approvalInput(number: String, field: String, on text: String, today: CivilDate) -> (date: CivilDate?, errors: [FieldError]) {
        var errors: [FieldError] = []
        if let message = RestructureRules.checkDecision(number) { errors.append(FieldError(field, message)) }
        if number.trimmed.count > maximumTextLength { errors.append(FieldError(field, Catalogue.tooLong(maximumTextLength))) }
        let date = text.trimmed.isEmpty ? today : CivilDate(parsing: text.trimmed)
        if date == nil { errors.append(FieldError("approved_on", Catalogue.invalidDate(text))) }
        if let date, date > today { errors.append(FieldError("approved_on", Catalogue.dateInFuture)) }
        return (date, errors)
    }

    /// One decision; `notFound` when its cadre is not visible to the principal.
    public func get(_ principal: Principal, id: Int64) async throws -> CadreDecision {
        try await db.read { sql in try await Self.visible(sql, principal, id: id) }
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> CadreDecision {
        guard let decision = try await CadreStore.findDecision(sql, id: id) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
        do {
            _ = try await CadreService.visible(sql, principal, id: decision.cadreId)
        } catch DomainError.notFound {
            throw DomainError.notFound(Catalogue.decisionNotFound)
        }
        return decision
    }

    /// The position a decision ends, when it names one.
    public func closedPosition(_ principal: Principal, of decision: CadreDecision) async throws -> PositionRecord? {
        guard let id = decision.closesPositionId else { return nil }
        return try await db.read { sql in try await CadreStore.findPosition(sql, id: id) }
    }

    /// Proposes a decision (a draft): any level that sees the cadre and the new post's place may propose; nothing changes
    /// until the managing level approves it.
    public func propose(_ principal: Principal, _ draft: DecisionDraft) async throws -> CadreDecision {
        try principal.requireWrite()
        return try await db.write { sql in try await Self.propose(sql, principal, draft) }
    }

    /// `propose` inside a caller's transaction (an election's approval proposes and approves one per person elected).
    static func propose(_ sql: any SQLDatabase, _ principal: Principal, _ draft: DecisionDraft) async throws -> CadreDecision {
        try principal.requireWrite()
        var errors: [FieldError] = []
        let kind = CadreDecisionKind(rawValue: draft.kind)
        if kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind))) }
        if let message = RestructureRules.checkDecision(draft.decisionNo) { errors.append(FieldError("decision_no", message)) }
        if draft.decisionNo.trimmed.count > Self.maximumTextLength { errors.append(FieldError("decision_no", Catalogue.tooLong(Self.maximumTextLength))) }
        if draft.note.count > 2000 { errors.append(FieldError("note", Catalogue.tooLong(2000))) }
        let effective = CivilDate(parsing: draft.effectiveOn.trimmed)
        if effective == nil { errors.append(FieldError("effective_on", Catalogue.invalidDate(draft.effectiveOn))) }
        guard errors.isEmpty, let kind, let effective else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let cadre = try await CadreService.visible(sql, principal, id: draft.cadreId)
        var closed: PositionRecord? = nil
        if let id = draft.closesPositionId {
            if let position = try await CadreStore.findPosition(sql, id: id), position.cadreId == cadre.id, position.endedOn == nil,
                position.voidedByDecisionId == nil
            {
                closed = position
                if effective <= position.startedOn { errors.append(FieldError("closes_position_id", Catalogue.effectiveBeforeStart)) }
            } else {
                errors.append(FieldError("closes_position_id", Catalogue.positionNotCurrent))
            }
        } else if kind.mustClose {
            errors.append(FieldError("closes_position_id", Catalogue.decisionMustClose))
        }
        var place: PositionPlace? = nil
        var title: String? = nil
        var level: ManagementLevel? = nil
        if kind.opens != nil {
            if kind.continuesClosedPosition, let closed {
                place = closed.place
                title = draft.title.trimmed.isEmpty ? closed.title : draft.title.trimmed
                level = ManagementLevel.parse(draft.managedBy) ?? closed.managedBy
            } else if !kind.continuesClosedPosition {
                let code = draft.placeCode.trimmed
                if code.isEmpty {
                    errors.append(FieldError("place_code", Catalogue.decisionNoPlace))
                } else if let found = try await CadreStore.place(sql, code: code), principal.sees(path: found.path) {
                    place = found
                } else {
                    errors.append(FieldError("place_code", Catalogue.placeNotFound))
                }
                let clean = draft.title.trimmed
                if clean.isEmpty { errors.append(FieldError("title", Catalogue.required)) }
                if clean.count > CadreTitle.maximumLength { errors.append(FieldError("title", Catalogue.tooLong(CadreTitle.maximumLength))) }
                title = clean
                level = ManagementLevel.parse(draft.managedBy)
                if level == nil { errors.append(FieldError("managed_by", Catalogue.unknownValue(draft.managedBy))) }
            }
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let managedBy = [level, closed?.managedBy].compactMap { $0 }.max() ?? .base
        let id = try await sql.raw(
            """
            INSERT INTO cadre_decisions (cadre_id, kind, status, decision_no, effective_on, note, closes_position_id, open_unit_id, open_agency_id,
                open_title, open_managed_by, managed_by, proposed_by, proposed_at, version)
            VALUES (\(bind: cadre.id), \(bind: kind.rawValue), 'draft', \(bind: draft.decisionNo.trimmed), \(bind: effective.iso),
                \(bind: draft.note.trimmed.isEmpty ? nil : draft.note.trimmed), \(bind: closed?.id),
                \(bind: place.flatMap { $0.isAgency ? nil : $0.id }), \(bind: place.flatMap { $0.isAgency ? $0.id : nil }), \(bind: title),
                \(bind: level?.rawValue), \(bind: managedBy.rawValue), \(bind: principal.actor), \(bind: Timestamp.now()), 1)
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        let decision = try await CadreStore.findDecision(sql, id: id)!
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "create", entity: "cadre_decision", key: String(id),
            unitPath: place?.path ?? closed?.place.path ?? cadre.unitPath, old: nil, new: Self.auditValues(decision))
        return decision
    }

    static func auditValues(_ d: CadreDecision) -> [String: String?] {
        [
            "cadre": String(d.cadreId), "kind": d.kind.rawValue, "status": d.status.rawValue, "decision_no": d.decisionNo,
            "effective_on": d.effectiveOn.iso, "closes_position_id": d.closesPositionId.map { String($0) }, "unit_code": d.openPlace?.code,
            "title": d.openTitle, "managed_by": d.managedBy.rawValue, "note": d.note,
        ]
    }

    /// What approving the decision would change (old → new), from the positions as they stand now.
    public func preview(_ principal: Principal, _ decision: CadreDecision) async throws -> [DecisionChange] {
        if decision.status != .draft { return decision.changes }
        return try await db.read { sql in
            let closed = try await decision.closesPositionId.asyncFlatMap { try await CadreStore.findPosition(sql, id: $0) }
            return Self.changes(decision, closed: closed, approvedOn: nil)
        }
    }

    static func changes(_ d: CadreDecision, closed: PositionRecord?, approvedOn: CivilDate?) -> [DecisionChange] {
        var out: [DecisionChange] = []
        if let closed {
            out.append(DecisionChange(position: closed.label, field: "ended_on", old: closed.endedOn?.iso, new: d.effectiveOn.adding(days: -1).iso))
            out.append(DecisionChange(position: closed.label, field: "end_kind", old: closed.endKind?.rawValue, new: d.kind.closes.rawValue))
        }
        if let place = d.openPlace, let title = d.openTitle, let start = d.kind.opens {
            let label = title + " — " + place.name
            out.append(DecisionChange(position: label, field: "title", old: nil, new: title))
            out.append(DecisionChange(position: label, field: "unit_code", old: nil, new: place.code))
            out.append(DecisionChange(position: label, field: "started_on", old: nil, new: d.effectiveOn.iso))
            out.append(DecisionChange(position: label, field: "start_kind", old: nil, new: start.rawValue))
            out.append(DecisionChange(position: label, field: "managed_by", old: nil, new: (d.openManagedBy ?? d.managedBy).rawValue))
            if let approvedOn { out.append(DecisionChange(position: label, field: "approved_on", old: nil, new: approvedOn.iso)) }
        }
        return out
    }

    /// Refuses unless the principal may approve (or void) decisions about these places at this level: a head (or
    /// administrator) whose unit is at the managing level or above and whose subtree holds the places.
    static func requireApprovalRight(_ sql: any SQLDatabase, _ principal: Principal, level: ManagementLevel, places: [PositionPlace]) async throws {
        try principal.requireWrite()
        guard principal.role.canApprove else { throw DomainError.forbidden(Catalogue.approveNeedsHead) }
        let own = try await CadreStore.level(sql, of: principal)
        guard ManagementLevel.mayApprove(managedBy: level, approver: own), places.allSatisfy({ principal.sees(path: $0.path) }) else {
            throw DomainError.forbidden(Catalogue.approvalNeedsLevel(level))
        }
    }

    /// Approves a draft on `on` (today by default): the position it ends gets its last day (the day before the effective
    /// date) and how it ended; the position it opens starts on the effective date. Dates in the future take effect
    /// when they come: nothing reads these rows except by their dates.
    public func approve(_ principal: Principal, id: Int64, on date: CivilDate = Timestamp.vietnamDate()) async throws -> CadreDecision {
        try await db.write { sql in try await Self.approve(sql, principal, id: id, on: date) }
    }

    /// `approve` inside a caller's transaction.
    static func approve(_ sql: any SQLDatabase, _ principal: Principal, id: Int64, on date: CivilDate) async throws -> CadreDecision {
        let decision = try await Self.visible(sql, principal, id: id)
        let closed = try await decision.closesPositionId.asyncFlatMap { try await CadreStore.findPosition(sql, id: $0) }
        try await Self.requireApprovalRight(
            sql, principal, level: decision.managedBy, places: [closed?.place, decision.openPlace].compactMap { $0 })
        guard decision.status == .draft else { throw DomainError.invalid(Catalogue.decisionNotDraft, [FieldError("status", Catalogue.decisionNotDraft)]) }
        if let closed, closed.endedOn != nil || closed.voidedByDecisionId != nil {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("closes_position_id", Catalogue.positionNotCurrent)])
        }
        let changes = Self.changes(decision, closed: closed, approvedOn: date)
        if let closed {
            try await sql.raw(
                """
                UPDATE positions SET ended_on = \(bind: decision.effectiveOn.adding(days: -1).iso), end_kind = \(bind: decision.kind.closes.rawValue),
                    end_decision_id = \(bind: decision.id)
                WHERE id = \(bind: closed.id) AND ended_on IS NULL
                """
            ).run()
        }
        if let place = decision.openPlace, let title = decision.openTitle {
            _ = try await CadreStore.insertPosition(
                sql, cadreId: decision.cadreId, place: place, title: title, startedOn: decision.effectiveOn, endedOn: nil,
                startKind: decision.kind.opens, endKind: nil, managedBy: decision.openManagedBy ?? decision.managedBy, approvedOn: date,
                decisionId: decision.id, importAuditId: nil)
        }
        let json = String(decoding: try JSONEncoder().encode(changes), as: UTF8.self)
        try await sql.raw(
            """
            UPDATE cadre_decisions SET status = 'approved', approved_on = \(bind: date.iso), approved_by = \(bind: principal.actor),
                changes = \(bind: json), version = version + 1
            WHERE id = \(bind: decision.id)
            """
        ).run()
        var old: [String: String?] = ["status": CadreDecisionStatus.draft.rawValue]
        var new: [String: String?] = ["status": CadreDecisionStatus.approved.rawValue, "approved_on": date.iso]
        for change in changes {
            old[change.position + ": " + change.field] = change.old
            new[change.position + ": " + change.field] = change.new
        }
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "approve", entity: "cadre_decision", key: String(decision.id),
            unitPath: decision.openPlace?.path ?? closed?.place.path, old: old, new: new)
        return try await CadreStore.findDecision(sql, id: decision.id)!
    }

    /// Voids a decision. A draft is withdrawn (by whoever may propose). An approved one is undone by a voiding decision
    /// (`decisionNo`) of the managing level: the position it opened is marked void (kept), the one it ended is open
    /// again; refused when a later decision already changed the position it opened.
    public func void(_ principal: Principal, id: Int64, decisionNo: String, note: String) async throws -> CadreDecision {
        try principal.requireWrite()
        return try await db.write { sql in
            let decision = try await Self.visible(sql, principal, id: id)
            switch decision.status {
            case .voided:
                throw DomainError.invalid(Catalogue.decisionAlreadyVoided, [FieldError("status", Catalogue.decisionAlreadyVoided)])
            case .draft:
                break
            case .approved:
                let closed = try await decision.closesPositionId.asyncFlatMap { try await CadreStore.findPosition(sql, id: $0) }
                try await Self.requireApprovalRight(
                    sql, principal, level: decision.managedBy, places: [closed?.place, decision.openPlace].compactMap { $0 })
                if let message = RestructureRules.checkDecision(decisionNo) {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("decision_no", message)])
                }
                if decisionNo.trimmed.count > Self.maximumTextLength || note.count > 2000 {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("decision_no", Catalogue.tooLong(Self.maximumTextLength))])
                }
                let later = try await sql.raw(
                    "SELECT COUNT(*) AS n FROM positions WHERE decision_id = \(bind: decision.id) AND end_decision_id IS NOT NULL"
                ).first()?.decode(column: "n", as: Int.self) ?? 0
                if later > 0 {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("decision", Catalogue.decisionHasLaterChange)])
                }
                try await sql.raw("UPDATE positions SET voided_by_decision_id = \(bind: decision.id) WHERE decision_id = \(bind: decision.id)").run()
                try await sql.raw(
                    "UPDATE positions SET ended_on = NULL, end_kind = NULL, end_decision_id = NULL WHERE end_decision_id = \(bind: decision.id)"
                ).run()
            }
            try await sql.raw(
                """
                UPDATE cadre_decisions SET status = 'voided', voided_at = \(bind: Timestamp.now()), voided_by = \(bind: principal.actor),
                    void_decision_no = \(bind: decisionNo.trimmed.isEmpty ? nil : decisionNo.trimmed), void_note = \(bind: note.trimmed.isEmpty ? nil : note.trimmed),
                    version = version + 1
                WHERE id = \(bind: decision.id)
                """
            ).run()
            let closedPath = try await decision.closesPositionId.asyncFlatMap { try await CadreStore.findPosition(sql, id: $0) }?.place.path
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "void", entity: "cadre_decision", key: String(decision.id),
                unitPath: decision.openPlace?.path ?? closedPath,
                old: ["status": decision.status.rawValue],
                new: ["status": CadreDecisionStatus.voided.rawValue, "decision_no": decisionNo.trimmed.isEmpty ? nil : decisionNo.trimmed,
                      "note": note.trimmed.isEmpty ? nil : note.trimmed])
            return try await CadreStore.findDecision(sql, id: decision.id)!
        }
    }

    /// Decisions about cadres of a subtree, newest first, optionally only one status.
    public func list(_ principal: Principal, unitCode: String = "", status: CadreDecisionStatus? = nil, page: Int = 1, perPage: Int = 50)
        async throws -> Page<CadreDecision>
    {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        return try await db.read { sql in
            var filter: SQLQueryString = """
                d.cadre_id IN (SELECT c.id FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(CadreStore.cadreInRange(range)))
                """
            if let status { filter = filter + " AND d.status = \(bind: status.rawValue)" }
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM cadre_decisions d WHERE \(filter)").first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.decisionColumns) FROM \(unsafeRaw: CadreStore.decisionFrom) WHERE \(filter)
                ORDER BY d.id DESC LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all()
            return Page(items: try rows.map(CadreStore.decision), page: page, perPage: perPage, total: total)
        }
    }

    /// Approvals in `[from, to]` at places in a unit's subtree (the principal's unit by default), by management level:
    /// every position whose approval date falls in the period (made by a decision or imported), plus every approved
    /// decision in the period that made no position (dismissal, resignation, retirement) — so no approval counts twice.
    public func approvalCounts(_ principal: Principal, unitCode: String = "", from: CivilDate, to: CivilDate) async throws -> ApprovalCounts {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let unit = unitCode.isEmpty ? principal.unitCode : unitCode
        return try await db.read { sql in
            var counts: [ManagementLevel: Int] = [:]
            let positions = try await sql.raw(
                """
                SELECT p.managed_by AS level, COUNT(*) AS n FROM positions p
                WHERE p.voided_by_decision_id IS NULL AND p.approved_on >= \(bind: from.iso) AND p.approved_on <= \(bind: to.iso)
                AND \(CadreStore.placeWithin(range, on: sql))
                GROUP BY p.managed_by
                """
            ).all()
            let endings = try await sql.raw(
                """
                SELECT d.managed_by AS level, COUNT(*) AS n FROM cadre_decisions d JOIN positions p ON p.id = d.closes_position_id
                WHERE d.status = 'approved' AND d.open_title IS NULL AND d.approved_on >= \(bind: from.iso) AND d.approved_on <= \(bind: to.iso)
                AND \(CadreStore.placeWithin(range, on: sql))
                GROUP BY d.managed_by
                """
            ).all()
            for row in positions + endings {
                if let level = ManagementLevel(rawValue: try row.decode(column: "level", as: String.self)) {
                    counts[level, default: 0] += try row.decode(column: "n", as: Int.self)
                }
            }
            return ApprovalCounts(unit: unit, from: from, to: to, byLevel: counts)
        }
    }
}

/// One approval that `DecisionService.approvalCounts` counts: a position approved in the period (`decisionKind` the
/// decision's that made it, nil for an imported one), or an approved decision that ended a position and made none.
public struct ApprovalRecord: Sendable, Equatable {
    public let cadreId: Int64
    public let cadreName: String
    public let title: String
    public let placeName: String
    public let level: ManagementLevel
    public let approvedOn: CivilDate
    public let decisionNo: String?
    public let decisionKind: CadreDecisionKind?
    /// True for a decision that ended a position (dismissal, resignation, retirement).
    public let endsPosition: Bool
}

extension DecisionService {
    /// The approvals behind `approvalCounts` (same period, same subtree, the same two sources), of one managing level
    /// when `level` is given, in the order they were approved.
    public func approvals(
        _ principal: Principal, unitCode: String = "", from: CivilDate, to: CivilDate, level: ManagementLevel? = nil, page: Int = 1,
        perPage: Int = 50
    ) async throws -> Page<ApprovalRecord> {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        let place = CadreStore.placePath
        func levelIs(_ column: String) -> SQLQueryString { level.map { " AND \(unsafeRaw: column) = \(bind: $0.rawValue)" } ?? "" }
        let union: SQLQueryString = """
            SELECT p.cadre_id AS cadre_id, p.title AS title, COALESCE(pu.name, pa.name) AS place_name, p.managed_by AS level,
                p.approved_on AS approved_on, pd.decision_no AS decision_no, pd.kind AS decision_kind, 0 AS ends, p.id AS rid
            FROM \(unsafeRaw: CadreStore.positionFrom) LEFT JOIN cadre_decisions pd ON pd.id = p.decision_id
            WHERE p.voided_by_decision_id IS NULL AND p.approved_on >= \(bind: from.iso) AND p.approved_on <= \(bind: to.iso)
            AND \(unsafeRaw: place) >= \(bind: range.lower) AND \(unsafeRaw: place) < \(bind: range.upper)\(levelIs("p.managed_by"))
            UNION ALL
            SELECT d.cadre_id, p.title, COALESCE(pu.name, pa.name), d.managed_by, d.approved_on, d.decision_no, d.kind, 1, d.id
            FROM cadre_decisions d JOIN positions p ON p.id = d.closes_position_id \(unsafeRaw: CadreStore.placeJoins)
            WHERE d.status = 'approved' AND d.open_title IS NULL AND d.approved_on >= \(bind: from.iso) AND d.approved_on <= \(bind: to.iso)
            AND \(unsafeRaw: place) >= \(bind: range.lower) AND \(unsafeRaw: place) < \(bind: range.upper)\(levelIs("d.managed_by"))
            """
        return try await db.read { sql in
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM (\(union)) a").first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT a.*, COALESCE(m.full_name, c.full_name) AS cadre_name FROM (\(union)) a
                JOIN cadres c ON c.id = a.cadre_id LEFT JOIN members m ON m.id = c.member_id
                ORDER BY a.approved_on, a.ends, a.rid LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all()
            let items = try rows.map { row in
                ApprovalRecord(
                    cadreId: try row.decode(column: "cadre_id", as: Int64.self), cadreName: try row.decode(column: "cadre_name", as: String.self),
                    title: try row.decode(column: "title", as: String.self), placeName: try row.decode(column: "place_name", as: String?.self) ?? "",
                    level: ManagementLevel(rawValue: try row.decode(column: "level", as: String.self)) ?? .base,
                    approvedOn: CivilDate(parsing: try row.decode(column: "approved_on", as: String.self)) ?? from,
                    decisionNo: try row.decode(column: "decision_no", as: String?.self),
                    decisionKind: try row.decode(column: "decision_kind", as: String?.self).flatMap(CadreDecisionKind.init(rawValue:)),
                    endsPosition: try row.decode(column: "ends", as: Int.self) != 0)
            }
            return Page(items: items, page: page, perPage: perPage, total: total)
        }
    }
}
