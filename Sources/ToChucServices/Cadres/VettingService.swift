import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A new vetting case as a form, a request or a file gives it.
public struct VettingCaseDraft: Sendable, Equatable {
    /// A member's card or national ID number, a non-member cadre's national ID, or the national ID of a person in neither
    /// register (then with `fullName`).
    public var person = ""
    public var fullName = ""
    public var birthDate = ""
    public var purpose = ""
    /// The handling unit (empty: the principal's own unit).
    public var unitCode = ""
    /// Empty: today.
    public var receivedOn = ""
    /// Empty: the default of the settings.
    public var deadline = ""
    public var note = ""

    public init() {}
}

/// A change of a case's own fields (its state changes by steps: `VettingService.apply`).
public struct VettingCaseEdit: Sendable, Equatable {
    public var unitCode = ""
    public var receivedOn = ""
    public var deadline = ""
    public var note = ""

    public init(unitCode: String = "", receivedOn: String = "", deadline: String = "", note: String = "") {
        self.unitCode = unitCode
        self.receivedOn = receivedOn
        self.deadline = deadline
        self.note = note
    }
}

/// Who a case is about: a member, a cadre who is not a member, or a person in neither register.
public struct VettingPerson: Sendable, Equatable {
    public enum Kind: String, Sendable { case member, cadre, other }
    public let kind: Kind
    public let memberId: Int64?
    public let cadreId: Int64?
    public let fullName: String
    public let cardNo: String?
    public let nationalId: String?
    public let birthDate: CivilDate?

    /// `member:12`, `cadre:5`, `nid:001085012345`: the person in the natural key and in the audit log.
    public var key: String {
        switch kind {
        case .member: return "member:\(memberId ?? 0)"
        case .cadre: return "cadre:\(cadreId ?? 0)"
        case .other: return "nid:" + (nationalId ?? "")
        }
    }
}

/// A vetting case as stored.
public struct VettingCase: Sendable, Equatable {
    public let id: Int64
    public let person: VettingPerson
    public let purpose: VettingPurpose
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let receivedOn: CivilDate
    public let deadline: CivilDate
    public let state: VettingState
    public let note: String?
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    public var status: VettingStatus { state.status }
    public var outcome: VettingOutcome? { state.outcome }

    /// How the case stands against its deadline on `today`.
    public func due(today: CivilDate, settings: VettingSettings) -> VettingDue {
        VettingRules.due(status: status, deadline: deadline, today: today, warningWorkingDays: settings.warningWorkingDays)
    }

    /// The values the audit log keeps (and a stale save compares).
    public var auditValues: [String: String?] {
        [
            "person": person.key, "purpose": purpose.rawValue, "unit_code": unitCode, "received_on": receivedOn.iso, "deadline": deadline.iso,
            "status": status.rawValue, "conclusion": outcome?.conclusion.rawValue, "concluded_on": outcome?.concludedOn.iso,
            "document_no": outcome?.documentNo, "note": note, "version": String(version),
        ]
    }
}

/// A case in a list, with its deadline state on the list's day.
public struct VettingRow: Sendable, Equatable {
    public let vettingCase: VettingCase
    public let due: VettingDue
}

/// What a list of cases is asked for. Text values are checked by `VettingService.list` (unknown values are refused).
public struct VettingQuery: Sendable, Equatable {
    /// Words of the person's name (prefixes, accents optional).
    public var text = ""
    /// A unit whose subtree to list (default: the principal's whole scope).
    public var unitCode = ""
    public var status = ""
    public var purpose = ""
    public var conclusion = ""
    /// `overdue` or `due_soon` (on `today`).
    public var due = ""
    /// Which date `from`/`to` bound: `received` (default), `concluded`, `deadline`.
    public var dateField = ""
    public var from = ""
    public var to = ""
    /// `received_on` (newest first, the default), `deadline` (earliest first), `name`, `concluded_on` (newest first).
    public var sort = ""
    public var page = 1
    public var perPage = 50

    public init() {}

    public static let dateFields = ["received", "concluded", "deadline"]
    public static let sorts = ["received_on", "deadline", "name", "concluded_on"]
    public static let dues = ["overdue", "due_soon"]
}

/// The counts of one purpose (or of all) in a period.
public struct VettingPurposeCounts: Sendable, Equatable {
    /// Cases received in the period.
    public var received = 0
    /// Cases concluded in the period that meet the standard.
    public var meets = 0
    /// Cases concluded in the period that do not.
    public var doesNotMeet = 0
    /// Cases open past their deadline at the end of the period (`VettingCounts.asOf`).
    public var overdue = 0

    public init() {}

    /// Cases concluded in the period.
    public var concluded: Int { meets + doesNotMeet }

    static func + (a: VettingPurposeCounts, b: VettingPurposeCounts) -> VettingPurposeCounts {
        var sum = VettingPurposeCounts()
        sum.received = a.received + b.received
        sum.meets = a.meets + b.meets
        sum.doesNotMeet = a.doesNotMeet + b.doesNotMeet
        sum.overdue = a.overdue + b.overdue
        return sum
    }
}

/// The counts of a subtree for a period, per purpose (`VettingService.counts`).
public struct VettingCounts: Sendable, Equatable {
    public let unitCode: String
    public let from: CivilDate
    public let to: CivilDate
    /// The day overdue cases are counted on: the period's last day, or today when the period has not ended.
    public let asOf: CivilDate
    public let byPurpose: [VettingPurpose: VettingPurposeCounts]

    public var total: VettingPurposeCounts { byPurpose.values.reduce(VettingPurposeCounts(), +) }
    public func of(_ purpose: VettingPurpose) -> VettingPurposeCounts { byPurpose[purpose] ?? VettingPurposeCounts() }
}

/// The settings as stored, with their version (a stale save is refused).
public struct VettingSettingsRecord: Sendable, Equatable {
    public let settings: VettingSettings
    public let version: Int
    public let updatedBy: String?
    public let updatedAt: String?
}

/// Political-standard vetting (thẩm định tiêu chuẩn chính trị, bảo vệ chính trị nội bộ; DOMAIN.md §3, issue 5): cases per
/// person and purpose, their steps (`VettingRules.next`), deadlines, lists, counts per period, history.
///
/// Confidentiality (DOMAIN.md §6): every role in scope sees the counts; only clerks, heads and administrators of the
/// handling unit's subtree see a case's details — the person, the conclusion, the document, the notes, the history. A
/// case outside the subtree is not found; inside it, a viewer is refused (`forbidden`). Clerks record cases and steps;
/// correcting a concluded case (reopening it or amending its conclusion) takes a head.
public struct VettingService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "vetting_case"

    static let columns = """
        v.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path, m.card_no AS m_card, m.national_id AS m_nid, m.full_name AS m_name,
        m.birth_date AS m_birth, c.national_id AS c_nid, c.full_name AS c_name, c.birth_date AS c_birth
        """
    static let from = "vetting_cases v JOIN units u ON u.id = v.unit_id LEFT JOIN members m ON m.id = v.member_id LEFT JOIN cadres c ON c.id = v.cadre_id"
    static let folded = "COALESCE(m.name_folded, c.name_folded, v.name_folded)"
    static let sortKey = "COALESCE(m.name_sort_key, c.name_sort_key, v.name_sort_key)"

    static func vettingCase(from row: any SQLRow) throws -> VettingCase {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try text(column).flatMap { CivilDate(parsing: $0) } }
        let memberId = try row.decode(column: "member_id", as: Int64?.self)
        let cadreId = try row.decode(column: "cadre_id", as: Int64?.self)
        let person: VettingPerson
        if let memberId {
            person = VettingPerson(
                kind: .member, memberId: memberId, cadreId: nil, fullName: try text("m_name") ?? "", cardNo: try text("m_card"),
                nationalId: try text("m_nid"), birthDate: try date("m_birth"))
        } else if let cadreId {
            person = VettingPerson(
                kind: .cadre, memberId: nil, cadreId: cadreId, fullName: try text("c_name") ?? "", cardNo: nil, nationalId: try text("c_nid"),
                birthDate: try date("c_birth"))
        } else {
            person = VettingPerson(
                kind: .other, memberId: nil, cadreId: nil, fullName: try text("full_name") ?? "", cardNo: nil, nationalId: try text("national_id"),
                birthDate: try date("birth_date"))
        }
        let status = VettingStatus(rawValue: try text("status") ?? "") ?? .received
        var outcome: VettingOutcome? = nil
        if let conclusion = try text("conclusion").flatMap(VettingConclusion.init(rawValue:)), let on = try date("concluded_on") {
            outcome = VettingOutcome(conclusion: conclusion, concludedOn: on, documentNo: try text("document_no") ?? "")
        }
        return VettingCase(
            id: try row.decode(column: "id", as: Int64.self), person: person,
            purpose: VettingPurpose(rawValue: try text("purpose") ?? "") ?? .other, unitCode: try text("unit_code") ?? "",
            unitName: try text("unit_name") ?? "", unitPath: try text("unit_path") ?? "", receivedOn: try date("received_on") ?? UnitVersion.epoch,
            deadline: try date("deadline") ?? UnitVersion.epoch, state: VettingState(status: status, outcome: outcome), note: try text("note"),
            version: try row.decode(column: "version", as: Int.self), createdBy: try text("created_by") ?? "", updatedAt: try text("updated_at") ?? "")
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> VettingCase? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.id = \(bind: id)").first().map(vettingCase)
    }

    /// Refuses a role that may not see case details (DOMAIN.md §6).
    static func requireDetails(_ principal: Principal) throws {
        if !VettingRules.seesDetails(principal.role) { throw DomainError.forbidden(Catalogue.vettingDetailsForbidden) }
    }

    /// A case the principal may see in detail: outside the subtree `notFound` (scope first), inside it `forbidden` for
    /// roles that see counts only.
    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> VettingCase {
        guard let found = try await find(sql, id: id), principal.sees(path: found.unitPath) else {
            throw DomainError.notFound(Catalogue.vettingCaseNotFound)
        }
        try requireDetails(principal)
        return found
    }

    // MARK: - Settings

    /// The settings (the default deadline, the warning before it).
    public func settings() async throws -> VettingSettingsRecord {
        try await db.read { sql in try await Self.settings(sql) }
    }

    static func settings(_ sql: any SQLDatabase) async throws -> VettingSettingsRecord {
        guard let row = try await sql.raw("SELECT * FROM vetting_settings WHERE id = 1").first() else {
            return VettingSettingsRecord(settings: .standard, version: 1, updatedBy: nil, updatedAt: nil)
        }
        return VettingSettingsRecord(
            settings: VettingSettings(
                deadlineWorkingDays: try row.decode(column: "deadline_working_days", as: Int.self),
                warningWorkingDays: try row.decode(column: "warning_working_days", as: Int.self)),
            version: try row.decode(column: "version", as: Int.self), updatedBy: try row.decode(column: "updated_by", as: String?.self),
            updatedAt: try row.decode(column: "updated_at", as: String?.self))
    }

    /// Whether the principal may change the settings, which apply to every unit: an administrator of a root unit (or the
    /// command line).
    public static func mayChangeSettings(_ principal: Principal) -> Bool {
        principal.administersRootUnit
    }

    /// Changes the settings (`mayChangeSettings`). Existing deadlines stay as they are; new cases get the new default.
    public func saveSettings(
        _ principal: Principal, deadlineWorkingDays: String, warningWorkingDays: String, expectedVersion: Int
    ) async throws -> VettingSettingsRecord {
        try principal.requireAdmin()
        guard Self.mayChangeSettings(principal) else { throw DomainError.forbidden(Catalogue.vettingSettingsForbidden) }
        let settings = try VettingSettings.check(deadlineWorkingDays: deadlineWorkingDays, warningWorkingDays: warningWorkingDays).get()
        return try await db.write { sql in
            let current = try await Self.settings(sql)
            func values(_ r: VettingSettingsRecord) -> [String: String?] {
                [
                    "deadline_working_days": String(r.settings.deadlineWorkingDays), "warning_working_days": String(r.settings.warningWorkingDays),
                    "version": String(r.version),
                ]
            }
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: "vetting_settings", key: "1", baseVersion: expectedVersion, current: values(current), currentVersion: current.version,
                    fallback: [:])
            }
            guard settings != current.settings else { return current }
            try await sql.raw(
                """
                UPDATE vetting_settings SET deadline_working_days = \(bind: settings.deadlineWorkingDays),
                    warning_working_days = \(bind: settings.warningWorkingDays), version = version + 1, updated_by = \(bind: principal.actor),
                    updated_at = \(bind: Timestamp.now()) WHERE id = 1
                """
            ).run()
            let saved = try await Self.settings(sql)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "settings", entity: "vetting_settings", key: "1",
                unitPath: principal.unitPath, old: values(current), new: values(saved))
            return saved
        }
    }

    // MARK: - People

    /// The person of a number: a member in scope by card or national ID number; a non-member cadre in scope by
    /// national ID; else a person in neither register, described by `fullName` (required) and `birthDate`, whose
    /// number must be a valid national ID. A number that belongs to someone outside the scope is refused (`invalid`, with
    /// the fields to blame).
    static func person(
        _ sql: any SQLDatabase, _ principal: Principal, number: String, fullName: String, birthDate: String
    ) async throws -> VettingPerson {
        func refuse(_ errors: [FieldError]) -> DomainError { .invalid(Catalogue.invalidInput, errors) }
        let number = number.trimmed
        guard !number.isEmpty else { throw refuse([FieldError("person", Catalogue.required)]) }
        if let member = try await CadreService.member(sql, number: number) {
            guard principal.sees(path: member.unitPath) else { throw refuse([FieldError("person", Catalogue.vettingPersonOutsideScope)]) }
            return VettingPerson(
                kind: .member, memberId: member.id, cadreId: nil, fullName: member.record.fullName, cardNo: member.record.cardNo,
                nationalId: member.record.nationalId, birthDate: member.record.birthDate)
        }
        if let row = try await sql.raw(
            "SELECT \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE c.member_id IS NULL AND c.national_id = \(bind: number)"
        ).first() {
            let cadre = try CadreStore.cadre(from: row)
            guard try await CadreStore.sees(sql, principal, cadre: cadre) else {
                throw refuse([FieldError("person", Catalogue.vettingPersonOutsideScope)])
            }
            return VettingPerson(
                kind: .cadre, memberId: nil, cadreId: cadre.id, fullName: cadre.fullName, cardNo: nil, nationalId: cadre.nationalId,
                birthDate: cadre.birthDate)
        }
        let name = fullName.trimmed
        guard !name.isEmpty else { throw refuse([FieldError("person", Catalogue.vettingPersonNotFound)]) }
        var errors: [FieldError] = []
        var birth: CivilDate? = nil
        if !birthDate.trimmed.isEmpty {
            birth = CivilDate(parsing: birthDate.trimmed)
            if birth == nil { errors.append(FieldError("birth_date", Catalogue.invalidDate(birthDate))) }
        }
        if name.count > 200 { errors.append(FieldError("full_name", Catalogue.tooLong(200))) }
        errors += NationalID.problems(number, birthDate: birth, gender: nil).map { FieldError("person", $0) }
        guard errors.isEmpty else { throw refuse(errors) }
        return VettingPerson(kind: .other, memberId: nil, cadreId: nil, fullName: name, cardNo: nil, nationalId: number, birthDate: birth)
    }

    /// Cases of one person (by the way the case names them).
    static func personCondition(_ person: VettingPerson) -> SQLQueryString {
        switch person.kind {
        case .member: return "v.member_id = \(bind: person.memberId ?? 0)"
        case .cadre: return "v.cadre_id = \(bind: person.cadreId ?? 0)"
        case .other: return "(v.member_id IS NULL AND v.cadre_id IS NULL AND v.national_id = \(bind: person.nationalId ?? ""))"
        }
    }

    /// The case with the natural key (person, purpose, day of receipt), if any.
    static func existing(_ sql: any SQLDatabase, person: VettingPerson, purpose: VettingPurpose, receivedOn: CivilDate) async throws -> VettingCase? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from)
            WHERE \(personCondition(person)) AND v.purpose = \(bind: purpose.rawValue) AND v.received_on = \(bind: receivedOn.iso) ORDER BY v.id LIMIT 1
            """
        ).first().map(vettingCase)
    }

    /// The handling unit of a code, when the principal sees it.
    static func unit(_ sql: any SQLDatabase, _ principal: Principal, code: String) async throws -> OrgUnit? {
        let code = code.trimmed.isEmpty ? principal.unitCode : code.trimmed
        guard let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path) else { return nil }
        return unit
    }

    // MARK: - Cases

    /// Receives a case: the person (`VettingCaseDraft.person`), the purpose, the handling unit in scope, the day of
    /// receipt, the deadline (default: `VettingSettings.deadlineWorkingDays` working days later), a note.
    public func create(_ principal: Principal, _ draft: VettingCaseDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> VettingCase {
        try principal.requireWrite()
        let checked = VettingRules.check(purpose: draft.purpose, receivedOn: draft.receivedOn, deadline: draft.deadline, note: draft.note, today: today)
        return try await db.write { sql in
            var errors: [FieldError] = []
            if case .failure(.invalid(_, let found)) = checked { errors += found }
            let unit = try await Self.unit(sql, principal, code: draft.unitCode)
            if unit == nil { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
            var person: VettingPerson? = nil
            do {
                person = try await Self.person(sql, principal, number: draft.person, fullName: draft.fullName, birthDate: draft.birthDate)
            } catch DomainError.invalid(_, let found) {
                errors += found
            }
            guard errors.isEmpty, let valid = try? checked.get(), let unit, let person else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            if try await Self.existing(sql, person: person, purpose: valid.purpose, receivedOn: valid.receivedOn) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("received_on", Catalogue.vettingCaseExists)])
            }
            let settings = try await Self.settings(sql).settings
            let deadline = valid.deadline ?? VettingRules.defaultDeadline(receivedOn: valid.receivedOn, workingDays: settings.deadlineWorkingDays)
            let id = try await Self.insert(
                sql, principal, person: person, purpose: valid.purpose, unitId: unit.id, receivedOn: valid.receivedOn, deadline: deadline,
                state: .received, note: valid.note, importAuditId: nil)
            let created = try await Self.find(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.entity, key: String(id),
                unitPath: created.unitPath, old: nil, new: created.auditValues)
            return created
        }
    }

    static func insert(
        _ sql: any SQLDatabase, _ principal: Principal, person: VettingPerson, purpose: VettingPurpose, unitId: Int64, receivedOn: CivilDate,
        deadline: CivilDate, state: VettingState, note: String, importAuditId: Int64?
    ) async throws -> Int64 {
        let other = person.kind == .other
        let name = other ? IndexedName(person.fullName) : nil
        let now = Timestamp.now()
        return try await sql.raw(
            """
            INSERT INTO vetting_cases (member_id, cadre_id, full_name, name_folded, name_sort_key, national_id, birth_date, purpose, unit_id, received_on,
                deadline, status, conclusion, concluded_on, document_no, note, version, created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: person.memberId), \(bind: person.cadreId), \(bind: other ? person.fullName : nil),
                \(bind: name.map { MemberSearchIndex.foldedName($0.terms) }), \(bind: name?.sortKey), \(bind: other ? person.nationalId : nil),
                \(bind: other ? person.birthDate?.iso : nil), \(bind: purpose.rawValue), \(bind: unitId), \(bind: receivedOn.iso), \(bind: deadline.iso),
                \(bind: state.status.rawValue), \(bind: state.outcome?.conclusion.rawValue), \(bind: state.outcome?.concludedOn.iso),
                \(bind: state.outcome?.documentNo), \(bind: note.isEmpty ? nil : note), 1, \(bind: principal.actor), \(bind: now), \(bind: now),
                \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    /// One case in detail (`notFound` outside the subtree, `forbidden` for roles that see counts only).
    public func get(_ principal: Principal, id: Int64) async throws -> VettingCase {
        try await db.read { sql in try await Self.visible(sql, principal, id: id) }
    }

    /// Corrects a case's own fields — the handling unit (in scope), the day of receipt, the deadline, the note — at the
    /// version the user started from (a stale save is refused with what changed).
    public func update(
        _ principal: Principal, id: Int64, _ edit: VettingCaseEdit, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> VettingCase {
        try principal.requireWrite()
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            try await Self.checkVersion(sql, current, expectedVersion)
            var errors: [FieldError] = []
            var valid: ValidVettingCase? = nil
            switch VettingRules.check(
                purpose: current.purpose.rawValue, receivedOn: edit.receivedOn.trimmed.isEmpty ? current.receivedOn.iso : edit.receivedOn,
                deadline: edit.deadline.trimmed.isEmpty ? current.deadline.iso : edit.deadline, note: edit.note, today: today)
            {
            case .success(let checked): valid = checked
            case .failure(.invalid(_, let found)): errors += found
            case .failure(let error): throw error
            }
            let unit = try await Self.unit(sql, principal, code: edit.unitCode.trimmed.isEmpty ? current.unitCode : edit.unitCode)
            if unit == nil { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
            if let valid, let outcome = current.outcome, outcome.concludedOn < valid.receivedOn {
                errors.append(FieldError("received_on", Catalogue.vettingConcludedBeforeReceipt))
            }
            guard errors.isEmpty, let valid, let unit else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            if valid.receivedOn != current.receivedOn,
                try await Self.existing(sql, person: current.person, purpose: current.purpose, receivedOn: valid.receivedOn) != nil
            {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("received_on", Catalogue.vettingCaseExists)])
            }
            try await sql.raw(
                """
                UPDATE vetting_cases SET unit_id = \(bind: unit.id), received_on = \(bind: valid.receivedOn.iso), deadline = \(bind: valid.deadline!.iso),
                    note = \(bind: valid.note.isEmpty ? nil : valid.note), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
                """
            ).run()
            let saved = try await Self.find(sql, id: id)!
            try await Self.audit(sql, principal, action: "update", old: current, new: saved, extra: [:])
            return saved
        }
    }

    /// Takes a step (`VettingRules.next`) at the version the user started from: start verifying, conclude, or correct.
    /// Correcting a concluded case takes a head (DOMAIN.md §6: heads approve); the reason is recorded in the history.
    public func apply(
        _ principal: Principal, id: Int64, _ step: VettingStep, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> VettingCase {
        try principal.requireWrite()
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            try await Self.checkVersion(sql, current, expectedVersion)
            var action = "verify"
            var extra: [String: String?] = [:]
            switch step {
            case .startVerifying: break
            case .conclude: action = "conclude"
            case .correct(_, _, let reason):
                action = "correct"
                extra["reason"] = reason.trimmed
                if current.status == .concluded && !principal.role.canApprove { throw DomainError.forbidden(Catalogue.vettingCorrectionNeedsHead) }
            }
            let next = try VettingRules.next(current.state, step, receivedOn: current.receivedOn, today: today).get()
            try await Self.write(sql, id: id, state: next, expectedVersion: expectedVersion)
            let saved = try await Self.find(sql, id: id)!
            try await Self.audit(sql, principal, action: action, old: current, new: saved, extra: extra)
            return saved
        }
    }

    static func write(_ sql: any SQLDatabase, id: Int64, state: VettingState, expectedVersion: Int) async throws {
        try await sql.raw(
            """
            UPDATE vetting_cases SET status = \(bind: state.status.rawValue), conclusion = \(bind: state.outcome?.conclusion.rawValue),
                concluded_on = \(bind: state.outcome?.concludedOn.iso), document_no = \(bind: state.outcome?.documentNo), version = version + 1,
                updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id) AND version = \(bind: expectedVersion)
            """
        ).run()
    }

    static func checkVersion(_ sql: any SQLDatabase, _ current: VettingCase, _ expectedVersion: Int) async throws {
        guard current.version != expectedVersion else { return }
        throw try await AuditLog.staleSave(
            sql, entity: entity, key: String(current.id), baseVersion: expectedVersion, current: current.auditValues, currentVersion: current.version,
            fallback: [:])
    }

    static func audit(
        _ sql: any SQLDatabase, _ principal: Principal, action: String, old: VettingCase, new: VettingCase, extra: [String: String?]
    ) async throws {
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: action, entity: entity, key: String(new.id), unitPath: new.unitPath,
            old: old.auditValues, new: new.auditValues.merging(extra) { $1 })
    }

    /// The changes of a case, oldest first (the import that made it first, when one did): only for those who see its details.
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let found = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.entity, key: String(found.id), importedInto: "vetting_cases", rowId: found.id)
        }
    }

    // MARK: - Lists

    /// Cases handled in the principal's subtree (or a unit's), filtered, sorted and paged; each with its deadline state on
    /// `today`. Details: roles that handle cases only.
    public func list(_ principal: Principal, _ query: VettingQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> Page<VettingRow> {
        try Self.requireDetails(principal)
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: query.unitCode.trimmed)
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), UnitService.maximumPerPage)
        return try await db.read { sql in
            let settings = try await Self.settings(sql).settings
            let (conditions, order) = try Self.filter(query, range: range, today: today, settings: settings)
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.from) WHERE \(conditions)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE \(conditions)
                ORDER BY \(unsafeRaw: order), v.id LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all().map(Self.vettingCase)
            let items = rows.map { VettingRow(vettingCase: $0, due: $0.due(today: today, settings: settings)) }
            return Page(items: items, page: page, perPage: perPage, total: total)
        }
    }

    /// The SQL filter and order of a query; unknown values are refused, each named.
    static func filter(
        _ query: VettingQuery, range: (lower: String, upper: String), today: CivilDate, settings: VettingSettings
    ) throws -> (SQLQueryString, String) {
        var errors: [FieldError] = []
        var filter: SQLQueryString = "u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)"
        func value<T>(_ field: String, _ text: String, _ parse: (String) -> T?) -> T? {
            guard !text.trimmed.isEmpty else { return nil }
            guard let parsed = parse(text.trimmed) else {
                errors.append(FieldError(field, Catalogue.unknownValue(text)))
                return nil
            }
            return parsed
        }
        if let status = value("status", query.status, VettingStatus.parse) { filter = filter + " AND v.status = \(bind: status.rawValue)" }
        if let purpose = value("purpose", query.purpose, VettingPurpose.parse) { filter = filter + " AND v.purpose = \(bind: purpose.rawValue)" }
        if let conclusion = value("conclusion", query.conclusion, VettingConclusion.parse) {
            filter = filter + " AND v.conclusion = \(bind: conclusion.rawValue)"
        }
        switch value("due", query.due, { VettingQuery.dues.contains($0) ? $0 : nil }) ?? "" {
        case "overdue": filter = filter + " AND v.status <> 'concluded' AND v.deadline < \(bind: today.iso)"
        case "due_soon":
            let until = VettingRules.dueSoonUntil(today: today, warningWorkingDays: settings.warningWorkingDays)
            filter = filter + " AND v.status <> 'concluded' AND v.deadline >= \(bind: today.iso) AND v.deadline <= \(bind: until.iso)"
        default: break
        }
        let dateField = value("date_field", query.dateField, { VettingQuery.dateFields.contains($0) ? $0 : nil }) ?? "received"
        let column = ["received": "v.received_on", "concluded": "v.concluded_on", "deadline": "v.deadline"][dateField]!
        if let from = value("from", query.from, { CivilDate(parsing: $0) }) { filter = filter + " AND \(unsafeRaw: column) >= \(bind: from.iso)" }
        if let to = value("to", query.to, { CivilDate(parsing: $0) }) { filter = filter + " AND \(unsafeRaw: column) <= \(bind: to.iso)" }
        for term in MemberSearchIndex.terms(query.text) {
            filter = filter + " AND \(unsafeRaw: folded) LIKE \(bind: "% " + term + "%")"
        }
        let sort = value("sort", query.sort, { VettingQuery.sorts.contains($0) ? $0 : nil }) ?? "received_on"
        let order = [
            "received_on": "v.received_on DESC", "deadline": "v.deadline", "name": sortKey,
            // Open cases (no conclusion date) after the concluded ones.
            "concluded_on": "CASE WHEN v.concluded_on IS NULL THEN 1 ELSE 0 END, v.concluded_on DESC",
        ][sort]!
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return (filter, order)
    }

    /// The cases of a list as a spreadsheet (every page; header first), in the principal's language.
    public func exportRows(_ principal: Principal, _ query: VettingQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> [[String]] {
        let language = principal.language
        var rows: [[String]] = [
            [
                Catalogue.fullName, Catalogue.cardNo, Catalogue.vettingPurposeLabel, Catalogue.vettingUnit, Catalogue.vettingReceivedOn,
                Catalogue.vettingDeadline, Catalogue.vettingStatusLabel, Catalogue.vettingDueLabel, Catalogue.vettingConclusionLabel,
                Catalogue.vettingConcludedOn, Catalogue.vettingDocument, Catalogue.note,
            ].map { $0.text(language) }
        ]
        func date(_ d: CivilDate?) -> String { d.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? "" }
        var query = query
        query.perPage = UnitService.maximumPerPage
        query.page = 1
        while true {
            let result = try await list(principal, query, today: today)
            for row in result.items {
                let c = row.vettingCase
                rows.append([
                    c.person.fullName, c.person.cardNo ?? "", c.purpose.label.text(language), c.unitName, date(c.receivedOn), date(c.deadline),
                    c.status.label.text(language), row.due.label.text(language), c.outcome?.conclusion.label.text(language) ?? "",
                    date(c.outcome?.concludedOn), c.outcome?.documentNo ?? "", c.note ?? "",
                ])
            }
            if query.page >= result.pageCount || query.page >= 1000 { break }
            query.page += 1
        }
        return rows
    }

    /// The cases of a person that the principal may see in detail (by the handling unit), newest first: those naming the
    /// member or the cadre, and those of a person in neither register with the same national ID.
    static func cases(
        _ sql: any SQLDatabase, _ principal: Principal, memberId: Int64?, cadreId: Int64?, nationalId: String?, today: CivilDate
    ) async throws -> [VettingRow] {
        let range = principal.pathRange
        var person: SQLQueryString = "v.member_id = \(bind: memberId ?? -1) OR v.cadre_id = \(bind: cadreId ?? -1)"
        if let nationalId, !nationalId.isEmpty {
            person = person + " OR (v.member_id IS NULL AND v.cadre_id IS NULL AND v.national_id = \(bind: nationalId))"
        }
        let cases = try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from)
            WHERE (\(person)) AND u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) ORDER BY v.received_on DESC, v.id DESC
            """
        ).all().map(Self.vettingCase)
        // The settings only when there is a case to date (a person's page usually has none).
        guard !cases.isEmpty else { return [] }
        let settings = try await Self.settings(sql).settings
        return cases.map { VettingRow(vettingCase: $0, due: $0.due(today: today, settings: settings)) }
    }

    /// A cadre's cases, for the cadre's page (roles that see details; the cadre must be visible).
    public func cases(_ principal: Principal, cadreId: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> [VettingRow] {
        try Self.requireDetails(principal)
        return try await db.read { sql in
            let cadre = try await CadreService.visible(sql, principal, id: cadreId)
            return try await Self.cases(sql, principal, memberId: cadre.memberId, cadreId: cadre.id, nationalId: cadre.nationalId, today: today)
        }
    }

    /// A member's cases, for the member's page (roles that see details; the member must be visible).
    public func cases(_ principal: Principal, memberId: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> [VettingRow] {
        try Self.requireDetails(principal)
        return try await db.read { sql in
            guard let member = try await MemberStore.find(sql, id: memberId), principal.sees(path: member.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            return try await Self.cases(sql, principal, memberId: member.id, cadreId: nil, nationalId: member.record.nationalId, today: today)
        }
    }

    /// The cases of a member the caller already read with `MemberService.get`.
    public func cases(_ principal: Principal, member: Member, today: CivilDate = Timestamp.vietnamDate()) async throws -> [VettingRow] {
        try Self.requireDetails(principal)
        try MemberService.requireSees(principal, member)
        return try await db.read { sql in
            try await Self.cases(sql, principal, memberId: member.id, cadreId: nil, nationalId: member.record.nationalId, today: today)
        }
    }

    // MARK: - Counts

    /// The counts of the cases handled by units in the subtree of `unitCode` (default: the principal's scope) for the
    /// period `[from, to]`, per purpose: received (day of receipt in the period), concluded in the period by conclusion
    /// (conclusion date in the period), and overdue on `asOf` — the period's last day, or `today` when that is earlier —
    /// i.e. received by then, deadline before then, and not concluded by then. Every role in scope sees counts.
    public func counts(
        _ principal: Principal, unitCode: String = "", from: CivilDate, to: CivilDate, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> VettingCounts {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        let asOf = min(to, today)
        let rows = try await db.read { sql in
            try await sql.raw(
                """
                SELECT v.purpose,
                    CAST(SUM(CASE WHEN v.received_on >= \(bind: from.iso) AND v.received_on <= \(bind: to.iso) THEN 1 ELSE 0 END) AS BIGINT) AS received,
                    CAST(SUM(CASE WHEN v.status = 'concluded' AND v.conclusion = 'meets' AND v.concluded_on >= \(bind: from.iso)
                        AND v.concluded_on <= \(bind: to.iso) THEN 1 ELSE 0 END) AS BIGINT) AS meets,
                    CAST(SUM(CASE WHEN v.status = 'concluded' AND v.conclusion = 'does_not_meet' AND v.concluded_on >= \(bind: from.iso)
                        AND v.concluded_on <= \(bind: to.iso) THEN 1 ELSE 0 END) AS BIGINT) AS does_not_meet,
                    CAST(SUM(CASE WHEN v.received_on <= \(bind: asOf.iso) AND v.deadline < \(bind: asOf.iso)
                        AND (v.concluded_on IS NULL OR v.concluded_on > \(bind: asOf.iso)) THEN 1 ELSE 0 END) AS BIGINT) AS overdue
                FROM vetting_cases v JOIN units u ON u.id = v.unit_id
                WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)
                GROUP BY v.purpose
                """
            ).all()
        }
        var byPurpose: [VettingPurpose: VettingPurposeCounts] = [:]
        for row in rows {
            guard let purpose = VettingPurpose(rawValue: try row.decode(column: "purpose", as: String.self)) else { continue }
            var counts = VettingPurposeCounts()
            counts.received = try row.decode(column: "received", as: Int?.self) ?? 0
            counts.meets = try row.decode(column: "meets", as: Int?.self) ?? 0
            counts.doesNotMeet = try row.decode(column: "does_not_meet", as: Int?.self) ?? 0
            counts.overdue = try row.decode(column: "overdue", as: Int?.self) ?? 0
            byPurpose[purpose] = counts
        }
        return VettingCounts(
            unitCode: unitCode.trimmed.isEmpty ? principal.unitCode : unitCode.trimmed, from: from, to: to, asOf: asOf, byPurpose: byPurpose)
    }

    /// `vetting_concluded` of the briefing report ("thẩm định tiêu chuẩn chính trị 700 trường hợp", DOMAIN.md §3, §5): the
    /// number of cases handled by units in the subtree of `unitCode` that stand concluded (meets or does not meet) with a
    /// conclusion date in `[from, to]`, both ends included. A case reopened by a correction no longer counts until it is
    /// concluded again (then on its new date). `notFound` for a unit outside the principal's scope; any role in scope.
    public func concludedCount(_ principal: Principal, unitCode: String, from: CivilDate, to: CivilDate) async throws -> Int {
        try await counts(principal, unitCode: unitCode, from: from, to: to).total.concluded
    }

    // MARK: - Links from other work

    /// What the planning review knows of a cadre's political standard on `date` (DOMAIN.md §3: removal from planning on
    /// failing it): the conclusion of the cadre's latest case for the purpose planning concluded on or before `date` —
    /// true meets, false does not — or nil when there is none.
    static func meetsPlanningStandard(_ sql: any SQLDatabase, cadre: Cadre, on date: CivilDate) async throws -> Bool? {
        let person: SQLQueryString =
            cadre.memberId.map { "v.member_id = \(bind: $0)" } ?? "v.cadre_id = \(bind: cadre.id)"
        let conclusion = try await sql.raw(
            """
            SELECT v.conclusion FROM vetting_cases v WHERE \(person) AND v.purpose = 'planning' AND v.status = 'concluded'
            AND v.concluded_on <= \(bind: date.iso) ORDER BY v.concluded_on DESC, v.id DESC LIMIT 1
            """
        ).first()?.decode(column: "conclusion", as: String?.self)
        return conclusion.flatMap(VettingConclusion.init(rawValue:)).map { $0 == .meets }
    }

    /// A duplicate member merged into the kept one (`MemberService.merge`): its cases follow.
    static func followMemberMerge(_ sql: any SQLDatabase, keep: Int64, duplicate: Int64) async throws {
        try await sql.raw("UPDATE vetting_cases SET member_id = \(bind: keep) WHERE member_id = \(bind: duplicate)").run()
    }
}
