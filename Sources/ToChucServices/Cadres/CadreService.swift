import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A new cadre record: a party member found by card or national ID number, or a person who is not a member.
public struct CadreDraft: Sendable, Equatable {
    /// Card number or national ID of a member; empty for a non-member.
    public var memberNumber = ""
    public var fullName = ""
    public var gender = ""
    public var birthDate = ""
    public var nationalId = ""
    /// The unit that holds a non-member's record (a member's is the member's unit).
    public var unitCode = ""

    public init() {}
}

/// What a cadre list is asked for.
public struct CadreQuery: Sendable, Equatable {
    public var text = ""
    /// A unit whose subtree to list (default: the principal's whole scope).
    public var unitCode = ""
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// One warning on a cadre's page: a rule of DOMAIN.md §3 and, for a draft decision, which one it is about.
public struct CadreWarning: Sendable, Equatable {
    /// The rule the warning is about.
    public let kind: CadreWarningKind
    /// The decision the warning is about (a draft's, or the one that opened a post held now), or nil for the cadre's
    /// present situation.
    public let decisionNo: String?
    public let message: Localized
}

/// A cadre with the warnings of their record on a date (`CadreService.warningsDashboard`).
public struct CadreWarningRow: Sendable {
    public let cadre: Cadre
    public let warnings: [CadreWarning]
}

/// The warnings dashboard of a subtree on a date: how many cadres each rule flags, and the flagged cadres.
public struct WarningsDashboard: Sendable {
    public let unitCode: String
    public let today: CivilDate
    /// Cadres checked (every cadre of the subtree).
    public let checked: Int
    /// Cadres flagged by each rule (a cadre counted once per rule).
    public let counts: [CadreWarningKind: Int]
    /// Cadres with at least one warning (of `kind` when one is asked for), in Vietnamese name order.
    public let rows: Page<CadreWarningRow>
    /// The regulations the checks applied on `today` (head of a unit, appointments, discipline, retirement), as cited.
    public let regulations: [String]
}

/// One item of the career timeline: a position starting or ending, or a decision.
public struct CareerEvent: Sendable, Equatable {
    public enum Kind: String, Sendable { case started, ended, decision }
    public let date: CivilDate
    public let kind: Kind
    public let positionId: Int64?
    public let decisionId: Int64?
}

/// Everything a cadre's page shows.
public struct CadreProfile: Sendable {
    public let cadre: Cadre
    /// Every position, voided ones included (marked), oldest first.
    public let positions: [PositionRecord]
    public let decisions: [CadreDecision]
    public let disciplines: [CadreDiscipline]
    public let retirement: RetirementSchedule?
    public let warnings: [CadreWarning]
    /// The date the profile was computed for.
    public let today: CivilDate

    /// Positions held on `today`.
    public var current: [PositionRecord] { positions.filter { $0.isHeld(on: today) } }

    /// Positions and decisions by date (newest last).
    public var timeline: [CareerEvent] {
        var events: [CareerEvent] = []
        for p in positions where p.voidedByDecisionId == nil {
            events.append(CareerEvent(date: p.startedOn, kind: .started, positionId: p.id, decisionId: p.decisionId))
            if let end = p.endedOn { events.append(CareerEvent(date: end, kind: .ended, positionId: p.id, decisionId: p.endDecisionId)) }
        }
        for d in decisions {
            events.append(CareerEvent(date: d.effectiveOn, kind: .decision, positionId: nil, decisionId: d.id))
        }
        let order: [CareerEvent.Kind: Int] = [.ended: 0, .decision: 1, .started: 2]
        return events.sorted { ($0.date, order[$0.kind]!, $0.positionId ?? $0.decisionId ?? 0) < ($1.date, order[$1.kind]!, $1.positionId ?? $1.decisionId ?? 0) }
    }
}

/// A cadre who reaches retirement soon (`CadreService.retiring`).
public struct RetiringCadre: Sendable {
    public let cadre: Cadre
    public let schedule: RetirementSchedule
    public let current: [PositionRecord]
}

/// An appointment due (or overdue) for re-appointment (`CadreService.dueForReappointment`).
public struct ReappointmentDue: Sendable {
    public let cadre: Cadre
    public let position: PositionRecord
    public let termEnd: CivilDate
    public let noticeDate: CivilDate
    public let status: AppointmentTermStatus
}

/// Cadres (DOMAIN.md §3): records, positions, rule warnings and the lists built on them.
public struct CadreService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    // MARK: - Records

    /// Cadres of the principal's subtree (or of one unit's): those whose record, or one of whose positions, lies in it;
    /// by name (words as prefixes, accents ignored), in Vietnamese name order.
    public func list(_ principal: Principal, _ query: CadreQuery) async throws -> Page<Cadre> {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: query.unitCode)
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), UnitService.maximumPerPage)
        var filter = CadreStore.cadreInRange(range)
        for term in MemberSearchIndex.terms(query.text) {
            filter = filter + " AND \(unsafeRaw: CadreStore.cadreFolded) LIKE \(bind: "% " + term + "%")"
        }
        let conditions = filter
        return try await db.read { sql in
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(conditions)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(conditions)
                ORDER BY \(unsafeRaw: CadreStore.cadreSortKey), c.id LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all()
            return Page(items: try rows.map(CadreStore.cadre), page: page, perPage: perPage, total: total)
        }
    }

    /// One cadre; `notFound` when neither the record nor any of its positions lies in the principal's subtree.
    public func get(_ principal: Principal, id: Int64) async throws -> Cadre {
        try await db.read { sql in try await Self.visible(sql, principal, id: id) }
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> Cadre {
        guard let cadre = try await CadreStore.findCadre(sql, id: id), try await CadreStore.sees(sql, principal, cadre: cadre) else {
            throw DomainError.notFound(Catalogue.cadreNotFound)
        }
        return cadre
    }

    /// Creates a cadre record: for a member (found in scope by card or national ID number), or for a person who is not
    /// a member (name, gender, birth date, a valid national ID, and the unit that holds the record).
    public func create(_ principal: Principal, _ draft: CadreDraft) async throws -> Cadre {
        try principal.requireWrite()
        return try await db.write { sql in try await Self.create(sql, principal: principal, draft, importAuditId: nil) }
    }

    static func create(_ sql: any SQLDatabase, principal: Principal, _ draft: CadreDraft, importAuditId: Int64?) async throws -> Cadre {
        let number = draft.memberNumber.trimmed
        let now = Timestamp.now()
        var id: Int64
        if !number.isEmpty {
            guard let member = try await member(sql, number: number), principal.sees(path: member.unitPath) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("member_number", Catalogue.memberNotFoundByNumber)])
            }
            if try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: member.id)").first() != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("member_number", Catalogue.cadreAlreadyExists)])
            }
            let name = IndexedName(member.record.fullName)
            id = try await sql.raw(
                """
                INSERT INTO cadres (member_id, national_id, full_name, name_folded, name_sort_key, gender, birth_date, unit_id, version, created_at,
                    updated_at, import_audit_id)
                VALUES (\(bind: member.id), NULL, \(bind: member.record.fullName), \(bind: MemberSearchIndex.foldedName(name.terms)),
                    \(bind: name.sortKey), \(bind: member.record.gender.rawValue), \(bind: member.record.birthDate?.iso),
                    (SELECT unit_id FROM members WHERE id = \(bind: member.id)), 1, \(bind: now), \(bind: now), \(bind: importAuditId))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
        } else {
            var errors: [FieldError] = []
            let fullName = draft.fullName.trimmed
            if fullName.isEmpty { errors.append(FieldError("full_name", Catalogue.required)) }
            let gender = Gender.parse(draft.gender)
            if gender == nil { errors.append(FieldError("gender", Catalogue.unknownValue(draft.gender))) }
            var birth: CivilDate? = nil
            if draft.birthDate.trimmed.isEmpty {
                errors.append(FieldError("birth_date", Catalogue.required))
            } else if let date = CivilDate(parsing: draft.birthDate.trimmed) {
                birth = date
            } else {
                errors.append(FieldError("birth_date", Catalogue.invalidDate(draft.birthDate)))
            }
            let nid = draft.nationalId.trimmed
            if nid.isEmpty {
                errors.append(FieldError("national_id", Catalogue.required))
            } else {
                errors += NationalID.problems(nid, birthDate: birth, gender: gender).map { FieldError("national_id", $0) }
            }
            let unit = try await UnitStore.find(sql, code: draft.unitCode.trimmed)
            if unit == nil || !principal.sees(path: unit!.path) { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
            if !nid.isEmpty {
                let taken = try await sql.raw("SELECT id FROM cadres WHERE national_id = \(bind: nid)").first() != nil
                let memberTaken = try await sql.raw("SELECT id FROM members WHERE national_id = \(bind: nid)").first() != nil
                if taken { errors.append(FieldError("national_id", Catalogue.cadreAlreadyExists)) }
                if memberTaken { errors.append(FieldError("national_id", Catalogue.nationalIdTaken)) }
            }
            guard errors.isEmpty, let gender, let unit else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let name = IndexedName(fullName)
            id = try await sql.raw(
                """
                INSERT INTO cadres (member_id, national_id, full_name, name_folded, name_sort_key, gender, birth_date, unit_id, version, created_at,
                    updated_at, import_audit_id)
                VALUES (NULL, \(bind: nid), \(bind: fullName), \(bind: MemberSearchIndex.foldedName(name.terms)), \(bind: name.sortKey),
                    \(bind: gender.rawValue), \(bind: birth?.iso), \(bind: unit.id), 1, \(bind: now), \(bind: now), \(bind: importAuditId))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
        }
        let cadre = try await CadreStore.findCadre(sql, id: id)!
        if importAuditId == nil {
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "cadre", key: String(id),
                unitPath: cadre.unitPath, old: nil,
                new: [
                    "full_name": cadre.fullName, "card_no": cadre.cardNo, "national_id": cadre.nationalId, "gender": cadre.gender.rawValue,
                    "birth_date": cadre.birthDate?.iso, "unit_code": cadre.unitCode,
                ])
        }
        return cadre
    }

    /// A member by card number, else by national ID.
    static func member(_ sql: any SQLDatabase, number: String) async throws -> Member? {
        if let row = try await sql.raw(
            "SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from) WHERE m.card_no = \(bind: number) OR m.national_id = \(bind: number) ORDER BY m.id LIMIT 1"
        ).first() {
            return try MemberStore.member(from: row)
        }
        return nil
    }

    /// A duplicate member is merged into the kept one (`MemberService.merge`): its cadre record follows. When both have
    /// one, the duplicate's positions, decisions and discipline move to the kept cadre and its record is deleted (audited).
    static func followMerge(_ sql: any SQLDatabase, principal: Principal, keep: Int64, duplicate: Int64) async throws {
        guard let dup = try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: duplicate)").first()?.decode(column: "id", as: Int64.self)
        else { return }
        guard let kept = try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: keep)").first()?.decode(column: "id", as: Int64.self) else {
            try await sql.raw("UPDATE cadres SET member_id = \(bind: keep), version = version + 1 WHERE id = \(bind: dup)").run()
            return
        }
        let old = try await CadreStore.findCadre(sql, id: dup)
        for table in ["positions", "cadre_decisions", "cadre_disciplines", "planning_entries"] {
            try await sql.raw("UPDATE \(unsafeRaw: table) SET cadre_id = \(bind: kept) WHERE cadre_id = \(bind: dup)").run()
        }
        try await EvaluationService.followMerge(sql, kind: .leader, keep: kept, duplicate: dup)
        try await VoteService.followCadreMerge(sql, keep: kept, duplicate: dup)
        try await sql.raw("DELETE FROM cadres WHERE id = \(bind: dup)").run()
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "delete", entity: "cadre", key: String(dup),
            unitPath: old?.unitPath, old: ["full_name": old?.fullName, "card_no": old?.cardNo], new: ["merged_into": String(kept)])
    }

    /// Records a discipline against a cadre (what the discipline bars of DOMAIN.md §3 read).
    public func recordDiscipline(
        _ principal: Principal, cadreId: Int64, level: String, decidedOn: String, decisionNo: String, note: String,
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> CadreDiscipline {
        try principal.requireWrite()
        var errors: [FieldError] = []
        let parsed = DisciplineLevel.parse(level)
        if parsed == nil { errors.append(FieldError("level", Catalogue.unknownValue(level))) }
        let date = CivilDate(parsing: decidedOn.trimmed)
        if date == nil { errors.append(FieldError("decided_on", Catalogue.invalidDate(decidedOn))) }
        if let date, date > today { errors.append(FieldError("decided_on", Catalogue.dateInFuture)) }
        if let message = RestructureRules.checkDecision(decisionNo) { errors.append(FieldError("decision_no", message)) }
        guard errors.isEmpty, let parsed, let date else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return try await db.write { sql in
            let cadre = try await Self.visible(sql, principal, id: cadreId)
            let id = try await sql.raw(
                """
                INSERT INTO cadre_disciplines (cadre_id, level, decided_on, decision_no, note, actor, created_at)
                VALUES (\(bind: cadre.id), \(bind: parsed.rawValue), \(bind: date.iso), \(bind: decisionNo.trimmed), \(bind: note.trimmed.isEmpty ? nil : note.trimmed),
                    \(bind: principal.actor), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "cadre_discipline", key: String(id),
                unitPath: cadre.unitPath, old: nil,
                new: ["cadre": String(cadre.id), "level": parsed.rawValue, "decided_on": date.iso, "decision_no": decisionNo.trimmed])
            let record = DisciplineRecord(level: parsed, decidedOn: date)
            // Every level recorded here is khiển trách or worse: it takes the cadre out of the planning at once (DOMAIN.md §3).
            try await PlanningService.removeAfterDiscipline(sql, principal, cadreId: cadre.id, record: record)
            return CadreDiscipline(id: id, record: record, decisionNo: decisionNo.trimmed, note: note)
        }
    }

    // MARK: - The cadre's page

    /// The record, positions, decisions, discipline and warnings of one cadre on `today`.
    public func profile(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> CadreProfile {
        try await db.read { sql in
            let cadre = try await Self.visible(sql, principal, id: id)
            let positions = try await CadreStore.positions(sql, cadreId: id)
            let decisions = try await CadreStore.decisions(sql, cadreId: id)
            let disciplines = try await CadreStore.disciplines(sql, cadreId: id)
            let rules = try await RuleService.live(sql)
            let retirement = cadre.birthDate.map { Retirement.schedule(birthDate: $0, gender: cadre.gender, rule: rules.retirement(on: today)) }
            let warnings = Self.warnings(
                cadre: cadre, positions: positions, decisions: decisions, disciplines: disciplines.map(\.record), today: today, rules: rules)
            return CadreProfile(
                cadre: cadre, positions: positions, decisions: decisions, disciplines: disciplines, retirement: retirement, warnings: warnings,
                today: today)
        }
    }

    /// The rules of DOMAIN.md §3 on a cadre's record, on `today`, and on each draft that would put them in a new post.
    /// The record's present situation is judged by the rule sets applicable on `today` — except an appointment's term,
    /// whose length is the one applicable on the day it began —; a post taken, by those applicable on its date
    /// (`promotionWarnings`).
    static func warnings(
        cadre: Cadre, positions: [PositionRecord], decisions: [CadreDecision], disciplines: [DisciplineRecord], today: CivilDate,
        rules: RuleVersions
    ) -> [CadreWarning] {
        var out: [CadreWarning] = []
        let live = positions.filter { $0.voidedByDecisionId == nil }
        let head = rules.headTenure(on: today)
        if let message = CadreRules.headTenure(live.map(\.forRules), on: today, limitYears: head.limitYears, regulation: head.regulation) {
            out.append(CadreWarning(kind: .headTenure, decisionNo: nil, message: message))
        }
        if let birth = cadre.birthDate {
            let schedule = Retirement.schedule(birthDate: birth, gender: cadre.gender, rule: rules.retirement(on: today))
            if schedule.retiresOn >= today && schedule.retiresOn < today.adding(months: 12) {
                out.append(
                    CadreWarning(kind: .retirement, decisionNo: nil, message: Catalogue.retirementSoon(VietnameseFormat.date(schedule.retiresOn))))
            }
        }
        let appointment = rules.appointment(on: today)
        for position in live where position.isHeld(on: today) && position.startKind?.isAppointment == true {
            if let message = Appointment.reappointmentNotice(
                termEnd: Self.termEnd(start: position.startedOn, rules), on: today, workingDays: appointment.noticeWorkingDays,
                regulation: appointment.regulation)
            {
                out.append(CadreWarning(kind: .reappointment, decisionNo: nil, message: message))
            }
        }
        if let message = Discipline.check(disciplines, proposedDate: today, periods: rules.discipline(on: today)) {
            out.append(CadreWarning(kind: .discipline, decisionNo: nil, message: message))
        }
        // Drafts that would put the cadre in a post: the promotion rules on their effective date.
        for decision in decisions where decision.status == .draft && decision.openTitle != nil && !decision.kind.continuesClosedPosition {
            let previous = decision.closesPositionId.flatMap { id in live.first { $0.id == id } }
            out += promotionWarnings(
                cadre: cadre, elected: decision.kind == .election, appointed: decision.kind == .appointment, date: decision.effectiveOn,
                previous: previous, positions: live, taking: nil, disciplines: disciplines, rules: rules
            ).map { CadreWarning(kind: $0.kind, decisionNo: decision.decisionNo, message: $0.message) }
        }
        // Posts held now that an appointment or election opened keep the warnings they were taken with: a rule broken when
        // the post was taken stays visible once the decision is approved and in force.
        for position in live where position.isHeld(on: today) && (position.startKind == .appointed || position.startKind == .elected) {
            let decision = position.decisionId.flatMap { id in decisions.first { $0.id == id } }
            let previous = decision?.closesPositionId.flatMap { id in live.first { $0.id == id } }
            out += promotionWarnings(
                cadre: cadre, elected: position.startKind == .elected, appointed: position.startKind == .appointed, date: position.startedOn,
                previous: previous, positions: live, taking: position.id, disciplines: disciplines, rules: rules
            ).map { CadreWarning(kind: $0.kind, decisionNo: decision?.decisionNo, message: Catalogue.warningOnTakingPost(position.label, $0.message)) }
        }
        return out
    }

    /// The promotion rules of DOMAIN.md §3 for a post taken on `date`: at least 2 years in the previous post (election or
    /// appointment), a full term of working age left (appointment), no discipline period running. `previous` is the post
    /// the decision closes; without one, the latest other post held the day before. `taking` is the post itself once held.
    /// Judged by the rule sets applicable on `date`, the proposal's effective date.
    static func promotionWarnings(
        cadre: Cadre, elected: Bool, appointed: Bool, date: CivilDate, previous: PositionRecord?, positions: [PositionRecord], taking: Int64?,
        disciplines: [DisciplineRecord], rules: RuleVersions
    ) -> [(kind: CadreWarningKind, message: Localized)] {
        var out: [(kind: CadreWarningKind, message: Localized)] = []
        let appointment = rules.appointment(on: date)
        if elected || appointed {
            let before = previous ?? positions.filter { $0.id != taking && $0.isHeld(on: date.adding(days: -1)) }.max { $0.startedOn < $1.startedOn }
            if let before,
                let message = CadreRules.timeInPost(
                    since: before.startedOn, promotionDate: date, minimumMonths: appointment.minimumMonthsInPost, regulation: appointment.regulation)
            {
                out.append((.timeInPost, message))
            }
        }
        if appointed, let birth = cadre.birthDate,
            let message = Appointment.firstAppointmentAge(
                birthDate: birth, gender: cadre.gender, appointmentDate: date, requiredMonths: appointment.workingAgeMonths,
                rule: rules.retirement(on: date), regulation: appointment.regulation)
        {
            out.append((.workingAge, message))
        }
        if let message = Discipline.check(disciplines, proposedDate: date, periods: rules.discipline(on: date)) { out.append((.discipline, message)) }
        return out
    }

    /// The numbers of the regulations the cadre warnings apply on `date`, each once.
    static func regulations(_ rules: RuleVersions, on date: CivilDate) -> [String] {
        var out: [String] = []
        for family in [RuleFamily.headTenure, .appointment, .discipline, .retirement] {
            guard let regulation = rules.inForce(family, on: date)?.regulation, !out.contains(regulation) else { continue }
            out.append(regulation)
        }
        return out
    }

    /// The last day of an appointment's term: its length is the one of the rule set applicable on the day it began.
    static func termEnd(start: CivilDate, _ rules: RuleVersions) -> CivilDate {
        Appointment.termEnd(start: start, years: rules.appointment(on: start).termYears)
    }

    /// The warnings dashboard of a subtree (DOMAIN.md §3): every cadre of the subtree checked against the rules on
    /// `today` (the same checks as the cadre's page), the number flagged by each rule, and the flagged cadres — of one
    /// rule when `kind` is given — in Vietnamese name order. Records are read in batches, not cadre by cadre.
    public func warningsDashboard(
        _ principal: Principal, unitCode: String = "", kind: CadreWarningKind? = nil, today: CivilDate = Timestamp.vietnamDate(), page: Int = 1,
        perPage: Int = 50
    ) async throws -> WarningsDashboard {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let rules = try await RuleService(db: db).live()
        let (checked, flagged) = try await db.read { sql in
            let cadres = try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(CadreStore.cadreInRange(range))
                ORDER BY \(unsafeRaw: CadreStore.cadreSortKey), c.id
                """
            ).all().map(CadreStore.cadre)
            var flagged: [CadreWarningRow] = []
            for batch in Batches.of(cadres) {
                let ids = batch.map(\.id)
                let positions = try await CadreStore.positions(sql, cadreIds: ids)
                let decisions = try await CadreStore.decisions(sql, cadreIds: ids)
                let disciplines = try await CadreStore.disciplines(sql, cadreIds: ids)
                for cadre in batch {
                    let warnings = Self.warnings(
                        cadre: cadre, positions: positions[cadre.id] ?? [], decisions: decisions[cadre.id] ?? [],
                        disciplines: (disciplines[cadre.id] ?? []).map(\.record), today: today, rules: rules)
                    if !warnings.isEmpty { flagged.append(CadreWarningRow(cadre: cadre, warnings: warnings)) }
                }
            }
            return (cadres.count, flagged)
        }
        var counts: [CadreWarningKind: Int] = [:]
        for row in flagged {
            for k in Set(row.warnings.map(\.kind)) { counts[k, default: 0] += 1 }
        }
        let shown = kind.map { k in flagged.filter { $0.warnings.contains { $0.kind == k } } } ?? flagged
        return WarningsDashboard(
            unitCode: unitCode.isEmpty ? principal.unitCode : unitCode, today: today, checked: checked, counts: counts,
            rows: Self.page(shown, page: page, perPage: perPage), regulations: Self.regulations(rules, on: today))
    }

    // MARK: - Lists

    /// Cadres of a subtree who reach their retirement time within 12 months of `today` (`Retirement.schedule`, by the
    /// roadmap applicable on `today`), soonest first.
    public func retiring(
        _ principal: Principal, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate(), page: Int = 1, perPage: Int = 50
    ) async throws -> Page<RetiringCadre> {
        let (condition, rule) = try await retiringCondition(principal, unitCode: unitCode, today: today)
        return try await db.read { sql in
            // Only the cadres born in the months that retire within the year are read (the nation's window of ages holds
            // 31,812 cadres, of whom a few thousand retire); each is then judged by its own schedule, as one cadre's page.
            let cadres = try await sql.raw(
                "SELECT \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(condition)"
            ).all().map(CadreStore.cadre)
            var due: [(cadre: Cadre, schedule: RetirementSchedule)] = []
            for cadre in cadres {
                guard let birth = cadre.birthDate else { continue }
                let schedule = Retirement.schedule(birthDate: birth, gender: cadre.gender, rule: rule)
                guard schedule.retiresOn >= today && schedule.retiresOn < today.adding(months: 12) else { continue }
                due.append((cadre, schedule))
            }
            due.sort { ($0.schedule.retiresOn, $0.cadre.id) < ($1.schedule.retiresOn, $1.cadre.id) }
            // Positions for the page shown only (the dashboard asks for the count and one line; the nation has thousands).
            let shown = Self.page(due, page: page, perPage: perPage)
            var items: [RetiringCadre] = []
            for item in shown.items {
                let current = try await CadreStore.positions(sql, cadreId: item.cadre.id).filter { $0.isHeld(on: today) }
                items.append(RetiringCadre(cadre: item.cadre, schedule: item.schedule, current: current))
            }
            return Page(items: items, page: shown.page, perPage: shown.perPage, total: shown.total)
        }
    }

    /// How many cadres of a subtree reach their retirement time within 12 months of `today`: `retiring(…).total`,
    /// counted by the database (the dashboard shows the number only).
    public func retiringCount(_ principal: Principal, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate()) async throws -> Int {
        let (condition, _) = try await retiringCondition(principal, unitCode: unitCode, today: today)
        return try await db.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: CadreStore.cadreFrom) WHERE \(condition)").first()!
                .decode(column: "n", as: Int.self)
        }
    }

    /// The cadres of the principal's scope (or of `unitCode`'s) whose retirement falls within a year of `today`, as a
    /// condition on `CadreStore.cadreFrom`, with the retirement rule in force that day.
    private func retiringCondition(
        _ principal: Principal, unitCode: String, today: CivilDate
    ) async throws -> (SQLQueryString, RetirementRule) {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let rule = try await RuleService(db: db).live().retirement(on: today)
        return ("\(CadreStore.cadreInRange(range)) AND \(Self.retiringWithinAYear(today, rule))", rule)
    }

    /// The cadre's gender and birth date put its retirement time within 12 months of `today` (`Retirement.birthDates`).
    static func retiringWithinAYear(_ today: CivilDate, _ rule: RetirementRule) -> SQLQueryString {
        let births: [SQLQueryString] = [Gender.male, .female].flatMap { gender in
            Retirement.birthDates(retiringFrom: today, before: today.adding(months: 12), gender: gender, rule: rule).map { run in
                """
                (COALESCE(m.gender, c.gender) = \(bind: gender.rawValue)
                AND COALESCE(m.birth_date, c.birth_date) BETWEEN \(bind: run.lowerBound.iso) AND \(bind: run.upperBound.iso))
                """
            }
        }
        return births.isEmpty ? "1 = 0" : "(\(births.joined(separator: " OR ")))"
    }

    /// Appointments held on `today` at places in a subtree whose term (5 years from the appointment or re-appointment,
    /// by the rule set applicable on that day) is due for re-appointment or overdue (`Appointment.status`, with the
    /// notice of the rule set applicable on `today`), earliest term end first.
    public func dueForReappointment(
        _ principal: Principal, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate(), page: Int = 1, perPage: Int = 50
    ) async throws -> Page<ReappointmentDue> {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let rules = try await RuleService(db: db).live()
        let notice = rules.appointment(on: today).noticeWorkingDays
        // N working days span at most N × 7/5 calendar days and the holidays (Tết included, fewer than 60): terms that
        // started later, even under the shortest term of any version, are not due.
        let shortestTerm = rules.all(.appointment).map { AppointmentRules($0).termYears }.min() ?? AppointmentRules.builtIn.termYears
        let latestStart = today.adding(days: notice * 7 / 5 + 60).adding(years: -shortestTerm).iso
        let all = try await db.read { sql in
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.positionColumns) FROM \(unsafeRaw: CadreStore.positionFrom)
                WHERE p.voided_by_decision_id IS NULL AND p.start_kind IN ('appointed', 'reappointed') AND p.started_on <= \(bind: latestStart)
                AND p.started_on <= \(bind: today.iso) AND (p.ended_on IS NULL OR p.ended_on >= \(bind: today.iso))
                AND \(unsafeRaw: CadreStore.placePath) >= \(bind: range.lower) AND \(unsafeRaw: CadreStore.placePath) < \(bind: range.upper)
                """
            ).all().map(CadreStore.position)
            var out: [ReappointmentDue] = []
            var cadres: [Int64: Cadre] = [:]
            for position in rows {
                let termEnd = Self.termEnd(start: position.startedOn, rules)
                let status = Appointment.status(termEnd: termEnd, on: today, workingDays: notice)
                guard status != .notDue else { continue }
                if cadres[position.cadreId] == nil { cadres[position.cadreId] = try await CadreStore.findCadre(sql, id: position.cadreId) }
                guard let cadre = cadres[position.cadreId] else { continue }
                out.append(
                    ReappointmentDue(
                        cadre: cadre, position: position, termEnd: termEnd, noticeDate: Appointment.noticeDate(termEnd: termEnd, workingDays: notice),
                        status: status))
            }
            return out.sorted { ($0.termEnd, $0.position.id) < ($1.termEnd, $1.position.id) }
        }
        return Self.page(all, page: page, perPage: perPage)
    }

    static func page<T: Sendable>(_ all: [T], page: Int, perPage: Int) -> Page<T> {
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        return Page(items: Array(all.dropFirst((page - 1) * perPage).prefix(perPage)), page: page, perPage: perPage, total: all.count)
    }

    /// The audit entries about a cadre: the record, its decisions and its discipline, oldest first.
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let cadre = try await Self.visible(sql, principal, id: id)
            var entries = try await AuditLog.history(sql, entity: "cadre", key: String(cadre.id))
            for decision in try await CadreStore.decisions(sql, cadreId: cadre.id) {
                entries += try await AuditLog.history(sql, entity: "cadre_decision", key: String(decision.id))
            }
            for discipline in try await CadreStore.disciplines(sql, cadreId: cadre.id) {
                entries += try await AuditLog.history(sql, entity: "cadre_discipline", key: String(discipline.id))
            }
            return entries.sorted { $0.id < $1.id }
        }
    }
}
