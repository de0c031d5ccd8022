import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// What one applied (or previewed) step did.
public struct RestructureOutcome: Sendable, Equatable, Codable {
    public let line: Int?
    public let kind: RestructureKind
    public let eventId: Int64?
    public var created: [String] = []
    public var ended: [String] = []
    public var moved: [String] = []
    public var renamed: [String] = []
    /// Members who followed their unit into another (merges).
    public var membersMoved = 0

    public func summary(_ language: Language) -> String {
        var parts: [String] = [kind.label.text(language)]
        if !created.isEmpty { parts.append(Catalogue.outcomeCreated(created).text(language)) }
        if !moved.isEmpty { parts.append(Catalogue.outcomeMoved(moved).text(language)) }
        if !renamed.isEmpty { parts.append(Catalogue.outcomeRenamed(renamed).text(language)) }
        if !ended.isEmpty { parts.append(Catalogue.outcomeEnded(ended).text(language)) }
        if membersMoved > 0 { parts.append(Catalogue.outcomeMembersMoved(membersMoved).text(language)) }
        return parts.joined(separator: " — ")
    }
}

/// A restructuring event as listed on unit pages.
public struct RestructureEventSummary: Sendable, Equatable {
    public let id: Int64
    public let kind: RestructureKind
    public let effectiveOn: CivilDate
    public let decisionNo: String?
    public let note: String?
    public let actor: String
    public let createdAt: String
    public let units: [String]
    public let correctsEventId: Int64?
    public let correctedByEventId: Int64?
}

/// Restructuring of the tree (DOMAIN.md §1): found, rename, move, merge, split, dissolve — each dated, recorded as an
/// event with its decision number, atomic; undone only by a correcting event, never by rewriting history.
public struct RestructuringService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Thrown out of the transaction of a dry run, so that nothing it did is kept.
    struct DryRun: Error {
        let outcomes: [RestructureOutcome]
    }

    /// Applies the steps in order, in one transaction: all of them or none. With `dryRun`, reports what would change
    /// and stores nothing. A refused step throws `ImportFailure` naming its line.
    public func apply(_ principal: Principal, steps: [RestructureStep], dryRun: Bool = false, file: String = RestructurePlan.fileName)
        async throws -> [RestructureOutcome]
    {
        try principal.requireWrite()
        do {
            return try await db.write { sql in
                var outcomes: [RestructureOutcome] = []
                for step in steps {
                    do {
                        outcomes.append(try await Self.apply(sql, principal: principal, step: step))
                    } catch let error as DomainError {
                        var problems: [ImportProblem] = []
                        if case .invalid(_, let errors) = error {
                            problems = errors.map { ImportProblem(file: file, line: step.line, column: $0.field, reason: $0.message) }
                        }
                        if problems.isEmpty { problems = [ImportProblem(file: file, line: step.line, column: nil, reason: error.message)] }
                        throw ImportFailure(problems: problems)
                    }
                }
                if dryRun { throw DryRun(outcomes: outcomes) }
                return outcomes
            }
        } catch let dry as DryRun {
            return dry.outcomes
        }
    }

    /// One step, for the UI (errors stay `DomainError`).
    public func apply(_ principal: Principal, step: RestructureStep) async throws -> RestructureOutcome {
        try principal.requireWrite()
        return try await db.write { sql in try await Self.apply(sql, principal: principal, step: step) }
    }

    static func apply(_ sql: any SQLDatabase, principal: Principal, step: RestructureStep) async throws -> RestructureOutcome {
        if let message = RestructureRules.checkDecision(step.decisionNo) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("decision_no", message)])
        }
        let eventId = try await createEvent(sql, principal: principal, step: step)
        var context = StepContext(sql: sql, principal: principal, date: step.effectiveOn, eventId: eventId)
        var outcome = RestructureOutcome(line: step.line, kind: step.operation.kind, eventId: eventId)
        switch step.operation {
        case .found(let draft):
            outcome.created.append(try await context.found(draft).code)
        case .rename(let code, let name):
            let current = try await context.versionInScope(code, field: "code")
            let clean = name.trimmed
            if clean.isEmpty || clean.count > UnitRules.maximumNameLength {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("name", clean.isEmpty ? Catalogue.required : Catalogue.tooLong(UnitRules.maximumNameLength))])
            }
            try await context.supersede(current) { $0.name = clean }
            outcome.renamed.append(code)
        case .move(let code, let parentCode):
            let unit = try await context.versionInScope(code, field: "code")
            let parent = try await context.versionInScope(parentCode, field: "parent_code")
            outcome.moved += try await context.move(unit, under: parent)
        case .dissolve(let code):
            let unit = try await context.versionInScope(code, field: "code")
            try await context.dissolve(unit)
            outcome.ended.append(code)
        case .merge(let sources, let targetCode, let newTarget):
            let target: UnitVersion
            if var draft = newTarget {
                if draft.parentCode.isEmpty, let first = sources.first {
                    draft.parentCode = try await context.versionInScope(first, field: "sources").parentCode ?? ""
                }
                if draft.kind.isEmpty, let first = sources.first {
                    draft.kind = try await context.versionInScope(first, field: "sources").kind.rawValue
                }
                target = try await context.found(draft)
                outcome.created.append(target.code)
            } else {
                target = try await context.versionInScope(targetCode, field: "code")
            }
            let others = sources.filter { $0 != target.code }
            var seen: Set<String> = []
            for code in others where seen.insert(code).inserted {
                let source = try await context.versionInScope(code, field: "sources")
                if let message = RestructureRules.checkMergeKinds(sources: [(source.code, source.kind)], target: (target.code, target.kind)) {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("sources", message)])
                }
                for child in try await UnitHistory.children(sql, parentId: source.unitId, on: context.date) {
                    outcome.moved += try await context.move(child, under: target)
                }
                // Members of the source follow into the target (all of them: those who left keep their last unit's history).
                let moved = try await context.moveMembers(from: source, to: target)
                if moved > 0 { outcome.membersMoved += moved }
                try await context.dissolve(try await context.reload(source))
                outcome.ended.append(code)
            }
        case .split(let sourceCode, let parts, let assignments):
            let source = try await context.versionInScope(sourceCode, field: "code")
            let children = try await UnitHistory.children(sql, parentId: source.unitId, on: context.date)
            let partCodes = Set(parts.map(\.code))
            let unassigned = children.map(\.code).filter { assignments[$0] == nil }
            if !unassigned.isEmpty {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("assign", Catalogue.splitUnassigned(unassigned))])
            }
            for (child, part) in assignments.sorted(by: { $0.key < $1.key }) {
                if !partCodes.contains(part) {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("assign", Catalogue.splitUnknownPart(part))])
                }
                if !children.contains(where: { $0.code == child }) {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("assign", Catalogue.notAChild(child, sourceCode))])
                }
            }
            if parts.count < 2 {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parts", Catalogue.splitNeedsTwoParts)])
            }
            var created: [String: UnitVersion] = [:]
            for var part in parts {
                part.parentCode = source.parentCode ?? ""
                if part.kind.isEmpty { part.kind = source.kind.rawValue }
                if part.sector == Sector.other.rawValue { part.sector = source.sector.rawValue }
                created[part.code] = try await context.found(part)
                outcome.created.append(part.code)
            }
            for child in children {
                let part = try await context.reload(created[assignments[child.code]!]!)
                outcome.moved += try await context.move(child, under: part)
            }
            try await context.dissolve(try await context.reload(source))
            outcome.ended.append(sourceCode)
        }
        let touched = outcome.created + outcome.ended + outcome.moved + outcome.renamed
        try await UnitHistory.refreshSnapshot(sql, unitIds: context.touched)
        try await sql.raw("UPDATE unit_events SET payload = \(bind: outcomePayload(outcome)) WHERE id = \(bind: eventId)").run()
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: step.operation.kind.rawValue, entity: "unit_event",
            key: String(eventId), unitPath: context.auditPath,
            old: nil,
            new: [
                "effective_on": step.effectiveOn.iso, "decision_no": step.decisionNo, "note": step.note.isEmpty ? nil : step.note,
                "units": touched.prefix(50).joined(separator: ";") + (touched.count > 50 ? ";…" : ""),
            ])
        return outcome
    }

    static func createEvent(_ sql: any SQLDatabase, principal: Principal, step: RestructureStep) async throws -> Int64 {
        try await sql.raw(
            """
            INSERT INTO unit_events (kind, effective_on, decision_no, note, payload, actor, created_at)
            VALUES (\(bind: step.operation.kind.rawValue), \(bind: step.effectiveOn.iso), \(bind: step.decisionNo.trimmed),
                    \(bind: step.note.isEmpty ? nil : step.note), '{}', \(bind: principal.actor), \(bind: Timestamp.now()))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    static func outcomePayload(_ outcome: RestructureOutcome) -> String {
        let data = (try? JSONEncoder().encode(outcome)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Undoes an event by a correcting event: the versions it made are voided (kept, marked), the ones it ended reopen.
    /// Only the latest change of the units involved can be corrected.
    /// Refuses an event the principal does not see (404) before anything about a correction is read: scope first.
    public func checkEventInScope(_ principal: Principal, eventId: Int64) async throws {
        _ = try await db.read { sql in try await Self.scopedEvent(sql, principal, eventId: eventId) }
    }

    /// An event with the versions it made and closed, if every unit it touched lies in the principal's scope.
    static func scopedEvent(
        _ sql: any SQLDatabase, _ principal: Principal, eventId: Int64
    ) async throws -> (event: any SQLRow, effective: CivilDate, made: [any SQLRow], closed: [any SQLRow]) {
        guard
            let event = try await sql.raw("SELECT * FROM unit_events WHERE id = \(bind: eventId)").first(),
            let effective = CivilDate(parsing: try event.decode(column: "effective_on", as: String.self))
        else { throw DomainError.notFound(Catalogue.notFound) }
        let made = try await sql.raw(
            "SELECT v.id, v.unit_id, u.path FROM unit_versions v JOIN units u ON u.id = v.unit_id WHERE v.event_id = \(bind: eventId) AND v.voided_by_event_id IS NULL"
        ).all()
        let closed = try await sql.raw(
            "SELECT v.id, v.unit_id, u.path FROM unit_event_closures c JOIN unit_versions v ON v.id = c.version_id JOIN units u ON u.id = v.unit_id WHERE c.event_id = \(bind: eventId)"
        ).all()
        for row in made + closed where !principal.sees(path: try row.decode(column: "path", as: String.self)) {
            throw DomainError.notFound(Catalogue.notFound)
        }
        return (event, effective, made, closed)
    }

    public func correct(_ principal: Principal, eventId: Int64, decisionNo: String, note: String) async throws -> Int64 {
        try principal.requireWrite()
        return try await db.write { sql in
            let (event, effective, made, closed) = try await Self.scopedEvent(sql, principal, eventId: eventId)
            if let message = RestructureRules.checkDecision(decisionNo) {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("decision_no", message)])
            }
            if try event.decode(column: "corrected_by_event_id", as: Int64?.self) != nil || event.decode(column: "kind", as: String.self) == RestructureKind.correction.rawValue {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("event", Catalogue.eventAlreadyCorrected)])
            }
            let madeIds = Set(try made.map { try $0.decode(column: "id", as: Int64.self) })
            let closedIds = Set(try closed.map { try $0.decode(column: "id", as: Int64.self) })
            var unitIds: Set<Int64> = []
            for row in made + closed { unitIds.insert(try row.decode(column: "unit_id", as: Int64.self)) }
            // Nothing may have happened to these units after the event (other than by the event itself).
            for unitId in unitIds {
                let newer = try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM unit_versions v WHERE v.unit_id = \(bind: unitId) AND v.voided_by_event_id IS NULL
                    AND (v.event_id IS NULL OR v.event_id <> \(bind: eventId)) AND v.valid_from >= \(bind: effective.iso)
                    AND v.id > \(bind: (madeIds.union(closedIds)).max() ?? 0)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
                let closedLater = try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM unit_event_closures c JOIN unit_versions v ON v.id = c.version_id
                    WHERE v.unit_id = \(bind: unitId) AND c.event_id > \(bind: eventId)
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
                if newer > 0 || closedLater > 0 { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("event", Catalogue.eventNotLatest)]) }
            }
            let step = RestructureStep(operation: .rename(code: "", name: ""), effectiveOn: effective, decisionNo: decisionNo, note: note)
            let correctionId = try await sql.raw(
                """
                INSERT INTO unit_events (kind, effective_on, decision_no, note, payload, actor, created_at, corrects_event_id)
                VALUES ('correction', \(bind: step.effectiveOn.iso), \(bind: decisionNo), \(bind: note.isEmpty ? nil : note), '{}', \(bind: principal.actor),
                        \(bind: Timestamp.now()), \(bind: eventId))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await sql.raw("UPDATE unit_versions SET voided_by_event_id = \(bind: correctionId) WHERE event_id = \(bind: eventId)").run()
            if !closedIds.isEmpty {
                try await sql.raw("UPDATE unit_versions SET valid_to = NULL WHERE id IN (\(binds: Array(closedIds)))").run()
            }
            try await sql.raw("UPDATE unit_events SET corrected_by_event_id = \(bind: correctionId) WHERE id = \(bind: eventId)").run()
            try await UnitHistory.refreshSnapshot(sql, unitIds: Array(unitIds))
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "correction", entity: "unit_event", key: String(correctionId),
                unitPath: principal.unitPath, old: nil, new: ["corrects": String(eventId), "decision_no": decisionNo, "note": note.isEmpty ? nil : note])
            return correctionId
        }
    }

    /// Events that touched a unit (or all events of the principal's subtree), newest first.
    public func events(_ principal: Principal, code: String? = nil, limit: Int = 200) async throws -> [RestructureEventSummary] {
        let range = principal.pathRange
        return try await db.read { sql in
            var filter: SQLQueryString = "u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)"
            if let code { filter = filter + " AND u.code = \(bind: code)" }
            let rows = try await sql.raw(
                """
                SELECT e.*, u.code FROM unit_events e
                JOIN (SELECT event_id, unit_id FROM unit_versions WHERE event_id IS NOT NULL
                      UNION SELECT c.event_id, v.unit_id FROM unit_event_closures c JOIN unit_versions v ON v.id = c.version_id) t ON t.event_id = e.id
                JOIN units u ON u.id = t.unit_id
                WHERE \(filter)
                ORDER BY e.id DESC
                LIMIT \(literal: limit * 20)
                """
            ).all()
            var byId: [Int64: (row: any SQLRow, units: [String])] = [:]
            var order: [Int64] = []
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                if byId[id] == nil {
                    order.append(id)
                    byId[id] = (row, [])
                }
                byId[id]!.units.append(try row.decode(column: "code", as: String.self))
            }
            return try order.prefix(limit).map { id in
                let (row, units) = byId[id]!
                return RestructureEventSummary(
                    id: id, kind: RestructureKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .correction,
                    effectiveOn: CivilDate(parsing: try row.decode(column: "effective_on", as: String.self)) ?? UnitVersion.epoch,
                    decisionNo: try row.decode(column: "decision_no", as: String?.self), note: try row.decode(column: "note", as: String?.self),
                    actor: try row.decode(column: "actor", as: String.self), createdAt: try row.decode(column: "created_at", as: String.self),
                    units: Array(Set(units)).sorted(), correctsEventId: try row.decode(column: "corrects_event_id", as: Int64?.self),
                    correctedByEventId: try row.decode(column: "corrected_by_event_id", as: Int64?.self))
            }
        }
    }
}

/// The state of one step being applied: its date, its event, the units it touched.
struct StepContext {
    let sql: any SQLDatabase
    let principal: Principal
    let date: CivilDate
    let eventId: Int64
    private(set) var touched: [Int64] = []
    private(set) var auditPath: String? = nil

    init(sql: any SQLDatabase, principal: Principal, date: CivilDate, eventId: Int64) {
        self.sql = sql
        self.principal = principal
        self.date = date
        self.eventId = eventId
    }

    /// A unit's version on the step's date, refused when it does not exist then or lies outside the principal's scope.
    mutating func versionInScope(_ code: String, field: String) async throws -> UnitVersion {
        guard let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.parentNotFound(code))])
        }
        guard let version = try await UnitHistory.version(sql, unitId: unit.id, on: date) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.unitNotOnDate(code, VietnameseFormat.date(date)))])
        }
        if auditPath == nil { auditPath = unit.path }
        return version
    }

    func reload(_ version: UnitVersion) async throws -> UnitVersion {
        guard let current = try await UnitHistory.version(sql, unitId: version.unitId, on: date) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.unitNotOnDate(version.code, VietnameseFormat.date(date)))])
        }
        return current
    }

    mutating func supersede(_ version: UnitVersion, change: ((inout UnitVersion) -> Void)?) async throws {
        try await UnitHistory.supersede(sql, version, on: date, eventId: eventId, change: change)
        touched.append(version.unitId)
    }

    mutating func found(_ draft: UnitDraft) async throws -> UnitVersion {
        var draft = draft
        draft.foundedOn = date.iso
        draft.dissolvedOn = ""
        let parent = draft.parentCode.isEmpty ? nil : try await versionInScope(draft.parentCode, field: "parent_code")
        if parent == nil && !(principal.isRootScope && principal.role.canManageAccounts) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.rootNeedsAdmin)])
        }
        if let parent, parent.validTo != nil {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.laterChangeExists(parent.code, VietnameseFormat.date(date)))])
        }
        let valid = try UnitRules.check(draft, parentKind: parent?.kind).get()
        if try await UnitStore.codeTaken(sql, code: valid.code) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.unitCodeTaken(valid.code))])
        }
        let unit = try await UnitStore.insert(
            sql, valid, parent: parent.map { (id: $0.unitId, code: $0.code, path: $0.path, depth: $0.depth) }, eventId: eventId)
        touched.append(unit.id)
        if auditPath == nil { auditPath = unit.path }
        return try await reload(
            UnitVersion(
                id: 0, unitId: unit.id, code: unit.code, validFrom: date, validTo: nil, name: unit.name, kind: unit.kind, sector: unit.sector,
                hasCommittee: unit.hasCommittee, parentId: parent?.unitId, parentCode: parent?.code, path: unit.path, depth: unit.depth, eventId: eventId))
    }

    /// Moves a subtree under a new parent from the step's date: every unit in it gets a new version with its new path.
    mutating func move(_ unit: UnitVersion, under parent: UnitVersion) async throws -> [String] {
        if unit.unitId == principal.unitId && !principal.isRootScope {
            throw DomainError.forbidden(Catalogue.cannotMoveOwnUnit)
        }
        if parent.path.hasPrefix(unit.path) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.cycle)])
        }
        if parent.kind.order >= unit.kind.order {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.parentKindNotHigher(parent: parent.kind, child: unit.kind))])
        }
        let newPath = parent.path + "\(unit.unitId)/"
        let delta = parent.depth + 1 - unit.depth
        let range = PathRange.of(unit.path)
        let inSubtree: SQLQueryString = "path >= \(bind: range.lower) AND path < \(bind: range.upper) AND voided_by_event_id IS NULL"
        // Set-based, so that moving a province's thousands of units is a handful of statements, not thousands.
        // Only the newest versions can be superseded: a later change anywhere in the subtree stops the move.
        let later = try await sql.raw(
            "SELECT COUNT(*) AS n FROM unit_versions WHERE \(inSubtree) AND (valid_from > \(bind: date.iso) OR (valid_from <= \(bind: date.iso) AND valid_to IS NOT NULL AND valid_to > \(bind: date.iso)))"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
        if later > 0 {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("effective_on", Catalogue.laterChangeExists(unit.code, VietnameseFormat.date(date)))])
        }
        let current: SQLQueryString = "\(inSubtree) AND valid_from <= \(bind: date.iso) AND valid_to IS NULL"
        let cut = unit.path.count + 1
        try await sql.raw("INSERT INTO unit_event_closures (event_id, version_id) SELECT \(bind: eventId), id FROM unit_versions WHERE \(current)").run()
        try await sql.raw(
            """
            INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, name_folded, kind, sector, has_committee, parent_id, path, depth, event_id)
            SELECT unit_id, \(bind: date.iso), NULL, name, name_folded, kind, sector, has_committee,
                   CASE WHEN unit_id = \(bind: unit.unitId) THEN \(bind: parent.unitId) ELSE parent_id END,
                   \(bind: newPath) || substr(path, CAST(\(bind: cut) AS INTEGER)), depth + \(bind: delta), \(bind: eventId)
            FROM unit_versions WHERE \(current)
            """
        ).run()
        try await sql.raw(
            "UPDATE unit_versions SET valid_to = \(bind: date.iso) WHERE id IN (SELECT version_id FROM unit_event_closures WHERE event_id = \(bind: eventId)) AND path >= \(bind: range.lower) AND path < \(bind: range.upper) AND valid_to IS NULL"
        ).run()
        // The register follows its newest versions.
        try await sql.raw(
            """
            UPDATE units SET path = \(bind: newPath) || substr(path, CAST(\(bind: cut) AS INTEGER)), depth = depth + \(bind: delta),
                version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE path >= \(bind: range.lower) AND path < \(bind: range.upper) AND dissolved_on IS NULL
            """
        ).run()
        try await sql.raw("UPDATE units SET parent_id = \(bind: parent.unitId) WHERE id = \(bind: unit.unitId)").run()
        // Members follow their units.
        try await sql.raw(
            """
            UPDATE members SET unit_path = \(bind: newPath) || substr(unit_path, CAST(\(bind: cut) AS INTEGER))
            WHERE unit_path >= \(bind: range.lower) AND unit_path < \(bind: range.upper)
            """
        ).run()
        return [unit.code]
    }

    /// Moves every member of one unit into another (a merge); returns how many.
    func moveMembers(from source: UnitVersion, to target: UnitVersion) async throws -> Int {
        guard let targetUnit = try await UnitStore.find(sql, code: target.code) else { return 0 }
        let count = try await sql.raw("SELECT COUNT(*) AS n FROM members WHERE unit_id = \(bind: source.unitId)").first()?
            .decode(column: "n", as: Int.self) ?? 0
        if count > 0 {
            try await sql.raw(
                "UPDATE members SET unit_id = \(bind: targetUnit.id), unit_path = \(bind: targetUnit.path), version = version + 1 WHERE unit_id = \(bind: source.unitId)"
            ).run()
        }
        return count
    }

    /// Ends a unit on the step's date; refused while it still has sub-units then (DOMAIN.md §1).
    mutating func dissolve(_ unit: UnitVersion) async throws {
        let children = try await UnitHistory.children(sql, parentId: unit.unitId, on: date)
        if let message = RestructureRules.dissolveRefusal(code: unit.code, liveChildren: children.map(\.code)) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", message)])
        }
        let members = try await sql.raw(
            "SELECT COUNT(*) AS n FROM members WHERE unit_id = \(bind: unit.unitId) AND status IN ('candidate', 'probationary', 'full', 'exempt')"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
        if members > 0 {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.dissolveHasMembers(unit.code, members))])
        }
        try await supersede(unit, change: nil)
    }
}

extension SQLQueryString {
    static func + (lhs: SQLQueryString, rhs: SQLQueryString) -> SQLQueryString {
        var result = lhs
        result.appendInterpolation(rhs)
        return result
    }
}
