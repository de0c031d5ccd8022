import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A new planning list: one position at one place for one term.
public struct PlanningListDraft: Sendable, Equatable {
    public var term = ""
    public var position = ""
    /// A party unit's or an agency's code.
    public var placeCode = ""
    public var managedBy = ""

    public init(term: String = "", position: String = "", placeCode: String = "", managedBy: String = "") {
        self.term = term
        self.position = position
        self.placeCode = placeCode
        self.managedBy = managedBy
    }
}

/// A planning list as stored.
public struct PlanningListRecord: Sendable, Equatable {
    public let id: Int64
    public let term: PlanningTerm
    public let position: String
    public let place: PositionPlace
    public let managedBy: ManagementLevel
    public let approvedOn: CivilDate?
    public let approvedBy: String?
    public let approvalNo: String?
    public let version: Int

    /// "Bí thư Đảng ủy — Xã An Bình": what tells two lists of one term apart.
    public var label: String { position + " — " + place.name }
}

/// A person in a planning list, as stored: active while `removedOn` is nil; proposed until `approvedOn` is set.
public struct PlanningEntry: Sendable, Equatable {
    public let id: Int64
    public let listId: Int64
    public let cadre: Cadre
    public let isEthnicMinority: Bool
    public let addedOn: CivilDate
    public let addedReason: String?
    public let addedBy: String
    public let approvedOn: CivilDate?
    public let removedOn: CivilDate?
    /// `manual` or a `PlanningRemovalReason.key`.
    public let removalKind: String?
    public let removedReason: String?

    public var isActive: Bool { removedOn == nil }

    /// The entry as `principal` may see it: a removal for failing the political standard reveals a vetting conclusion,
    /// which only those who handle vetting cases may know (`VettingRules.seesDetails`); others see "confidential".
    public func shown(to principal: Principal) -> PlanningEntry {
        guard removalKind == PlanningRemovalReason.politicalStandard.key, !VettingRules.seesDetails(principal.role) else { return self }
        return PlanningEntry(
            id: id, listId: listId, cadre: cadre, isEthnicMinority: isEthnicMinority, addedOn: addedOn, addedReason: addedReason, addedBy: addedBy,
            approvedOn: approvedOn, removedOn: removedOn, removalKind: PlanningEntry.confidentialKind, removedReason: nil)
    }

    public static let confidentialKind = "confidential"

    /// The person as the planning rules see it; nil without a birth date (the rules cannot be checked).
    public var candidate: PlanningCandidate? {
        cadre.birthDate.map {
            PlanningCandidate(id: String(cadre.id), name: cadre.fullName, birthDate: $0, gender: cadre.gender, isEthnicMinority: isEthnicMinority)
        }
    }
}

/// One list of a term with its people and structure (`PlanningService.lists`).
public struct PlanningListSummary: Sendable {
    public let list: PlanningListRecord
    public let active: [PlanningEntry]
    public let structure: PlanningStructure
    /// Entries waiting for the managing level's approval.
    public var pending: Int { active.filter { $0.approvedOn == nil }.count }
}

/// An entry the yearly review must remove, and why (`Planning.removalReasons`).
public struct PlanningReviewItem: Sendable {
    public let entry: PlanningEntry
    public let reasons: [PlanningRemovalReason]
}

/// Everything a planning list's page shows.
public struct PlanningListDetail: Sendable {
    public let list: PlanningListRecord
    public let active: [PlanningEntry]
    /// Entries removed, newest removal first: the history of the list.
    public let removed: [PlanningEntry]
    public let structure: PlanningStructure
    /// Problems of this list and, for its people, of the level's lists (Planning.problems).
    public let problems: [Localized]
    /// What the review on `today` would remove.
    public let review: [PlanningReviewItem]
    public let today: CivilDate
    /// The planning rule set applicable on `today`, which the problems and the structure were judged by.
    public let rules: PlanningRules
}

/// Planning of cadres per term (quy hoạch cán bộ, DOMAIN.md §3; Quy định 377-QĐ/TW 2025): lists per position, the
/// limits checked on every addition, the yearly review with its automatic removals, the structure against targets,
/// approval by the managing level. Each check uses the rule sets applicable on the date it judges
/// (`RuleVersions`): an addition on its date, a review or a list's page on the review's date (the working age left is
/// still counted from the start of the term, by `Planning`).
public struct PlanningService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let listColumns = """
        l.*, COALESCE(lu.code, la.code) AS place_code, COALESCE(lu.name, la.name) AS place_name, COALESCE(lu.path, lau.path) AS place_path
        """
    static let listFrom =
        "planning_lists l LEFT JOIN units lu ON lu.id = l.unit_id LEFT JOIN agencies la ON la.id = l.agency_id LEFT JOIN units lau ON lau.id = la.unit_id"
    static let listPath = "COALESCE(lu.path, lau.path)"

    static func list(from row: any SQLRow) throws -> PlanningListRecord {
        let agencyId = try row.decode(column: "agency_id", as: Int64?.self)
        let unitId = try row.decode(column: "unit_id", as: Int64?.self)
        return PlanningListRecord(
            id: try row.decode(column: "id", as: Int64.self),
            term: PlanningTerm(parsing: try row.decode(column: "term", as: String.self)) ?? PlanningTerm(firstYear: 2025)!,
            position: try row.decode(column: "position", as: String.self),
            place: PositionPlace(
                id: agencyId ?? unitId ?? 0, isAgency: agencyId != nil, code: try row.decode(column: "place_code", as: String.self),
                name: try row.decode(column: "place_name", as: String.self), path: try row.decode(column: "place_path", as: String.self)),
            managedBy: ManagementLevel(rawValue: try row.decode(column: "managed_by", as: String.self)) ?? .base,
            approvedOn: try row.decode(column: "approved_on", as: String?.self).flatMap { CivilDate(parsing: $0) },
            approvedBy: try row.decode(column: "approved_by", as: String?.self),
            approvalNo: try row.decode(column: "approval_no", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findList(_ sql: any SQLDatabase, id: Int64) async throws -> PlanningListRecord? {
        try await sql.raw("SELECT \(unsafeRaw: listColumns) FROM \(unsafeRaw: listFrom) WHERE l.id = \(bind: id)").first().map(list)
    }

    static func visibleList(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> PlanningListRecord {
        guard let list = try await findList(sql, id: id), principal.sees(path: list.place.path) else {
            throw DomainError.notFound(Catalogue.planningListNotFound)
        }
        return list
    }

    /// The entries of some lists (active and removed), by list, in the order they were added.
    static func entries(_ sql: any SQLDatabase, listIds: [Int64]) async throws -> [Int64: [PlanningEntry]] {
        guard !listIds.isEmpty else { return [:] }
        let ids = CadreStore.idList(listIds)
        let rows = try await sql.raw(
            """
            SELECT e.id AS entry_id, e.list_id, e.added_on, e.added_reason, e.added_by, e.approved_on AS entry_approved_on, e.removed_on,
                e.removal_kind, e.removed_reason, m.ethnicity_code, \(unsafeRaw: CadreStore.cadreColumns)
            FROM \(unsafeRaw: CadreStore.cadreFrom) JOIN planning_entries e ON e.cadre_id = c.id
            WHERE e.list_id IN (\(ids)) ORDER BY e.list_id, e.added_on, e.id
            """
        ).all()
        var out: [Int64: [PlanningEntry]] = [:]
        for row in rows {
            let entry = try entry(from: row)
            out[entry.listId, default: []].append(entry)
        }
        return out
    }

    static func entry(from row: any SQLRow) throws -> PlanningEntry {
        let ethnicity = try row.decode(column: "ethnicity_code", as: Int?.self).flatMap(Ethnicity.byCode)
        return PlanningEntry(
            id: try row.decode(column: "entry_id", as: Int64.self), listId: try row.decode(column: "list_id", as: Int64.self),
            cadre: try CadreStore.cadre(from: row), isEthnicMinority: ethnicity?.isMinority ?? false,
            addedOn: CivilDate(parsing: try row.decode(column: "added_on", as: String.self))!,
            addedReason: try row.decode(column: "added_reason", as: String?.self), addedBy: try row.decode(column: "added_by", as: String.self),
            approvedOn: try row.decode(column: "entry_approved_on", as: String?.self).flatMap { CivilDate(parsing: $0) },
            removedOn: try row.decode(column: "removed_on", as: String?.self).flatMap { CivilDate(parsing: $0) },
            removalKind: try row.decode(column: "removal_kind", as: String?.self),
            removedReason: try row.decode(column: "removed_reason", as: String?.self))
    }

    /// The structure of a list on `date` against the targets of the planning rule set applicable then, central or
    /// province-level by the list's managing level.
    static func structure(_ entries: [PlanningEntry], level: ManagementLevel, on date: CivilDate, _ rules: RuleVersions) -> PlanningStructure {
        Planning.structure(entries.compactMap(\.candidate), on: date, targets: rules.planning(on: date).targets(central: level == .central))
    }

    // MARK: - Lists

    /// The lists of a term (every term when `term` is empty) at places in a subtree, by place and position; `query`
    /// keeps those whose position or place name contains it (accents ignored).
    public func lists(
        _ principal: Principal, term: String = "", unitCode: String = "", query: String = "", today: CivilDate = Timestamp.vietnamDate(),
        page: Int = 1, perPage: Int = 50
    ) async throws -> Page<PlanningListSummary> {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        var filter: SQLQueryString = "\(unsafeRaw: Self.listPath) >= \(bind: range.lower) AND \(unsafeRaw: Self.listPath) < \(bind: range.upper)"
        if !term.trimmed.isEmpty {
            guard let parsed = PlanningTerm(parsing: term.trimmed) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("term", Catalogue.planningTermInvalid(term))])
            }
            filter = filter + " AND l.term = \(bind: parsed.key)"
        }
        let conditions = filter
        let folded = VietnameseText.fold(query)
        let all = try await db.read { sql in
            let rules = try await RuleService.live(sql)
            let lists = try await sql.raw(
                "SELECT \(unsafeRaw: Self.listColumns) FROM \(unsafeRaw: Self.listFrom) WHERE \(conditions) ORDER BY l.term DESC, \(unsafeRaw: Self.listPath), l.position_folded, l.id"
            ).all().map(Self.list).filter { folded.isEmpty || VietnameseText.fold($0.label).contains(folded) }
            let entries = try await Self.entries(sql, listIds: lists.map(\.id))
            return lists.map { list in
                let active = (entries[list.id] ?? []).filter(\.isActive)
                return PlanningListSummary(list: list, active: active, structure: Self.structure(active, level: list.managedBy, on: today, rules))
            }
        }
        return CadreService.page(all, page: page, perPage: perPage)
    }

    /// The structure of the people planned for a term in a subtree, each person once (DOMAIN.md §3).
    public func termStructure(
        _ principal: Principal, term: String, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> PlanningStructure {
        let all = try await lists(principal, term: term, unitCode: unitCode, today: today, perPage: UnitService.maximumPerPage)
        var everyone: [PlanningEntry] = all.items.flatMap(\.active)
        var page = 1
        while page < all.pageCount {
            page += 1
            everyone += try await lists(principal, term: term, unitCode: unitCode, today: today, page: page, perPage: UnitService.maximumPerPage)
                .items.flatMap(\.active)
        }
        let central = !everyone.isEmpty && all.items.allSatisfy { $0.list.managedBy == .central }
        return Self.structure(everyone, level: central ? .central : .provincial, on: today, try await RuleService(db: db).live())
    }

    /// Creates an empty list for a position at a place in scope.
    public func createList(_ principal: Principal, _ draft: PlanningListDraft) async throws -> PlanningListRecord {
        try principal.requireWrite()
        var errors: [FieldError] = []
        let term = PlanningTerm(parsing: draft.term.trimmed)
        if term == nil { errors.append(FieldError("term", Catalogue.planningTermInvalid(draft.term))) }
        let position = draft.position.trimmed
        if position.isEmpty { errors.append(FieldError("position", Catalogue.required)) }
        if position.count > 200 { errors.append(FieldError("position", Catalogue.tooLong(200))) }
        let level = ManagementLevel.parse(draft.managedBy)
        if level == nil { errors.append(FieldError("managed_by", Catalogue.unknownValue(draft.managedBy))) }
        let fieldErrors = errors
        return try await db.write { sql in
            var errors = fieldErrors
            let place = try await CadreStore.place(sql, code: draft.placeCode.trimmed)
            if place == nil || !principal.sees(path: place!.path) { errors.append(FieldError("place_code", Catalogue.placeNotFound)) }
            guard errors.isEmpty, let term, let level, let place else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let placeKey = (place.isAgency ? "a:" : "u:") + String(place.id)
            let folded = VietnameseText.fold(position)
            if try await sql.raw(
                "SELECT id FROM planning_lists WHERE term = \(bind: term.key) AND place_key = \(bind: placeKey) AND position_folded = \(bind: folded)"
            ).first() != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("position", Catalogue.planningListExists)])
            }
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO planning_lists (term, position, position_folded, unit_id, agency_id, place_key, managed_by, version, created_by, created_at, updated_at)
                VALUES (\(bind: term.key), \(bind: position), \(bind: folded), \(bind: place.isAgency ? nil : place.id), \(bind: place.isAgency ? place.id : nil),
                    \(bind: placeKey), \(bind: level.rawValue), 1, \(bind: principal.actor), \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "planning_list", key: String(id),
                unitPath: place.path, old: nil,
                new: ["term": term.key, "position": position, "place_code": place.code, "managed_by": level.rawValue])
            return try await Self.findList(sql, id: id)!
        }
    }

    /// A list with its people, history, structure, problems and what the review on `today` would remove.
    public func detail(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> PlanningListDetail {
        try await db.read { sql in
            let list = try await Self.visibleList(sql, principal, id: id)
            let all = try await Self.entries(sql, listIds: [id])[id] ?? []
            let active = all.filter(\.isActive)
            let levelLists = try await Self.levelLists(sql, list: list, excluding: nil)
            let rules = try await RuleService.live(sql)
            let planning = rules.planning(on: today)
            let retirement = rules.retirement(on: today)
            let own = PlanningList(position: list.label, candidates: active.compactMap(\.candidate)).problems(
                termStart: list.term.startsOn, maxPerPosition: planning.maxPerPosition, requiredMonths: planning.workingAgeMonths, rule: retirement,
                regulation: planning.regulation)
            // The level's other problems about this list's people (say, one planned for a fourth position elsewhere).
            let others = Planning.problems(
                lists: levelLists, termStart: list.term.startsOn, maxPerPosition: planning.maxPerPosition,
                maxPositionsPerPerson: planning.maxPositionsPerPerson, requiredMonths: planning.workingAgeMonths, rule: retirement,
                regulation: planning.regulation
            ).filter { problem in
                !own.contains(problem) && active.contains { problem.vi.contains($0.cadre.fullName) }
            }
            let problems = own + others
            var review: [PlanningReviewItem] = []
            let confidential = !VettingRules.seesDetails(principal.role)
            for entry in active {
                // A vetting conclusion is not shown to those who may not see vetting cases (DOMAIN.md §6).
                let reasons = try await Self.removalReasons(sql, entry: entry, term: list.term, on: today, rules).filter {
                    !confidential || $0 != .politicalStandard
                }
                if !reasons.isEmpty { review.append(PlanningReviewItem(entry: entry, reasons: reasons)) }
            }
            let removed = all.filter { !$0.isActive }.sorted { ($0.removedOn!, $0.id) > ($1.removedOn!, $1.id) }.map { $0.shown(to: principal) }
            return PlanningListDetail(
                list: list, active: active, removed: removed, structure: Self.structure(active, level: list.managedBy, on: today, rules),
                problems: problems, review: review, today: today, rules: planning)
        }
    }

    /// The active lists of the list's term and managing level, as the rules see them (each position named with its
    /// place, so that two places' "Bí thư" are two positions).
    static func levelLists(_ sql: any SQLDatabase, list: PlanningListRecord, excluding: Int64?) async throws -> [PlanningList] {
        let lists = try await sql.raw(
            "SELECT \(unsafeRaw: listColumns) FROM \(unsafeRaw: listFrom) WHERE l.term = \(bind: list.term.key) AND l.managed_by = \(bind: list.managedBy.rawValue)"
        ).all().map(Self.list)
        let entries = try await Self.entries(sql, listIds: lists.map(\.id))
        return lists.map { other in
            PlanningList(
                position: other.label, candidates: (entries[other.id] ?? []).filter { $0.isActive && $0.id != excluding }.compactMap(\.candidate))
        }
    }

    /// What the review on `date` finds against an entry: age, discipline, political standard, confidence vote (DOMAIN.md §3),
    /// by the planning, discipline and retirement rule sets applicable on `date`.
    static func removalReasons(_ sql: any SQLDatabase, entry: PlanningEntry, term: PlanningTerm, on date: CivilDate, _ rules: RuleVersions)
        async throws -> [PlanningRemovalReason]
    {
        guard let birth = entry.cadre.birthDate else { return [] }
        let disciplines = try await CadreStore.disciplines(sql, cadreId: entry.cadre.id).map(\.record)
        let standard = try await VettingService.meetsPlanningStandard(sql, cadre: entry.cadre, on: date)
        let vote = try await VoteService.planningVote(sql, cadreId: entry.cadre.id, on: date)
        let facts = PlanningReviewFacts(
            birthDate: birth, gender: entry.cadre.gender, plannedOn: entry.addedOn, disciplines: disciplines, meetsPoliticalStandard: standard,
            confidenceVote: vote?.vote)
        let share = vote?.lowShare ?? Fraction(1, 2)!
        return Planning.removalReasons(
            facts, termStart: term.startsOn, on: date, requiredMonths: rules.planning(on: date).workingAgeMonths,
            lowShare: (share.numerator, share.denominator), disciplinePeriods: rules.discipline(on: date), rule: rules.retirement(on: date))
    }

    // MARK: - People in a list

    /// Adds a person to a list on `addedOn`: a cadre, or a party member in scope (a cadre record is made for them:
    /// a cadre is a person holding or planned for a leading position), found by card or national ID number. Refused
    /// when the addition breaks a limit of the planning rule set applicable on `addedOn` (Quy định 377-QĐ/TW: 3 per
    /// position, 3 positions per person at one level, a full term of working age), or when a discipline still bars
    /// planning on that date. The entry waits for the managing level's approval.
    public func addCandidate(
        _ principal: Principal, listId: Int64, person: String, addedOn: String, reason: String, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> PlanningEntry {
        try principal.requireWrite()
        var errors: [FieldError] = []
        let number = person.trimmed
        if number.isEmpty { errors.append(FieldError("person", Catalogue.required)) }
        let date = addedOn.trimmed.isEmpty ? today : CivilDate(parsing: addedOn.trimmed)
        if date == nil { errors.append(FieldError("added_on", Catalogue.invalidDate(addedOn))) }
        if let date, date > today { errors.append(FieldError("added_on", Catalogue.dateInFuture)) }
        if reason.trimmed.count > 500 { errors.append(FieldError("reason", Catalogue.tooLong(500))) }
        guard errors.isEmpty, let date else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return try await db.write { sql in
            let list = try await Self.visibleList(sql, principal, id: listId)
            guard let cadre = try await Self.cadre(sql, principal, number: number) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.planningPersonNotFound)])
            }
            let existing = try await Self.entries(sql, listIds: [list.id])[list.id] ?? []
            if existing.contains(where: { $0.isActive && $0.cadre.id == cadre.id }) {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.planningAlreadyListed(cadre.fullName))])
            }
            guard let birth = cadre.birthDate else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.planningNeedsBirthDate)])
            }
            let minority = try await sql.raw("SELECT ethnicity_code FROM members WHERE id = \(bind: cadre.memberId ?? 0)").first()?
                .decode(column: "ethnicity_code", as: Int?.self).flatMap(Ethnicity.byCode)?.isMinority ?? false
            let candidate = PlanningCandidate(
                id: String(cadre.id), name: cadre.fullName, birthDate: birth, gender: cadre.gender, isEthnicMinority: minority)
            let rules = try await RuleService.live(sql)
            let planning = rules.planning(on: date)
            var problems = Planning.problemsAdding(
                candidate, to: list.label, lists: try await Self.levelLists(sql, list: list, excluding: nil), termStart: list.term.startsOn,
                maxPerPosition: planning.maxPerPosition, maxPositionsPerPerson: planning.maxPositionsPerPerson,
                requiredMonths: planning.workingAgeMonths, rule: rules.retirement(on: date), regulation: planning.regulation)
            let disciplines = try await CadreStore.disciplines(sql, cadreId: cadre.id).map(\.record)
            if let barred = Discipline.check(disciplines, proposedDate: date, periods: rules.discipline(on: date)) { problems.append(barred) }
            guard problems.isEmpty else { throw DomainError.invalid(Catalogue.planningAddRefused, problems.map { FieldError("person", $0) }) }
            let id = try await sql.raw(
                """
                INSERT INTO planning_entries (list_id, cadre_id, added_on, added_reason, added_by, created_at)
                VALUES (\(bind: list.id), \(bind: cadre.id), \(bind: date.iso), \(bind: reason.trimmed.isEmpty ? nil : reason.trimmed),
                    \(bind: principal.actor), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await sql.raw("UPDATE planning_lists SET version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: list.id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "planning_entry", key: String(id),
                unitPath: list.place.path, old: nil,
                new: ["list": String(list.id), "cadre": String(cadre.id), "added_on": date.iso, "reason": reason.trimmed])
            return try await Self.entries(sql, listIds: [list.id])[list.id]!.first { $0.id == id }!
        }
    }

    /// The cadre of a card or national ID number, made from the member when there is none yet; nil when nobody in
    /// scope has that number.
    static func cadre(_ sql: any SQLDatabase, _ principal: Principal, number: String) async throws -> Cadre? {
        if let row = try await sql.raw(
            """
            SELECT \(unsafeRaw: CadreStore.cadreColumns) FROM \(unsafeRaw: CadreStore.cadreFrom)
            WHERE m.card_no = \(bind: number) OR m.national_id = \(bind: number) OR c.national_id = \(bind: number) ORDER BY c.id LIMIT 1
            """
        ).first() {
            let cadre = try CadreStore.cadre(from: row)
            return try await CadreStore.sees(sql, principal, cadre: cadre) ? cadre : nil
        }
        guard let member = try await CadreService.member(sql, number: number), principal.sees(path: member.unitPath) else { return nil }
        var draft = CadreDraft()
        draft.memberNumber = number
        return try await CadreService.create(sql, principal: principal, draft, importAuditId: nil)
    }

    /// Takes a person out of a list on `removedOn` with a reason (required: "động và mở" reviews say why).
    /// Refuses an entry of a list the principal does not see (404) before anything about a removal is read.
    public func checkEntryInScope(_ principal: Principal, entryId: Int64) async throws {
        try await db.read { sql in _ = try await Self.entryList(sql, principal, entryId: entryId) }
    }

    static func entryList(_ sql: any SQLDatabase, _ principal: Principal, entryId: Int64) async throws -> (id: Int64, list: PlanningListRecord) {
        guard let listId = try await sql.raw("SELECT list_id FROM planning_entries WHERE id = \(bind: entryId)").first()?
            .decode(column: "list_id", as: Int64.self)
        else { throw DomainError.notFound(Catalogue.planningEntryNotFound) }
        return (listId, try await Self.visibleList(sql, principal, id: listId))
    }

    public func removeCandidate(
        _ principal: Principal, entryId: Int64, removedOn: String, reason: String, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> PlanningEntry {
        try principal.requireWrite()
        try await checkEntryInScope(principal, entryId: entryId)
        var errors: [FieldError] = []
        let date = removedOn.trimmed.isEmpty ? today : CivilDate(parsing: removedOn.trimmed)
        if date == nil { errors.append(FieldError("removed_on", Catalogue.invalidDate(removedOn))) }
        if let date, date > today { errors.append(FieldError("removed_on", Catalogue.dateInFuture)) }
        if reason.trimmed.isEmpty { errors.append(FieldError("reason", Catalogue.planningRemovalNeedsReason)) }
        if reason.trimmed.count > 500 { errors.append(FieldError("reason", Catalogue.tooLong(500))) }
        guard errors.isEmpty, let date else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return try await db.write { sql in
            let (listId, list) = try await Self.entryList(sql, principal, entryId: entryId)
            guard let entry = try await Self.entries(sql, listIds: [listId])[listId]?.first(where: { $0.id == entryId }), entry.isActive else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("entry", Catalogue.planningEntryAlreadyRemoved)])
            }
            if date < entry.addedOn {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("removed_on", Catalogue.planningRemovedBeforeAdded)])
            }
            try await Self.remove(sql, principal, entry: entry, list: list, on: date, kind: "manual", reason: reason.trimmed)
            return try await Self.entries(sql, listIds: [listId])[listId]!.first { $0.id == entryId }!
        }
    }

    static func remove(
        _ sql: any SQLDatabase, _ principal: Principal, entry: PlanningEntry, list: PlanningListRecord, on date: CivilDate, kind: String,
        reason: String
    ) async throws {
        try await sql.raw(
            """
            UPDATE planning_entries SET removed_on = \(bind: date.iso), removal_kind = \(bind: kind), removed_reason = \(bind: reason),
                removed_by = \(bind: principal.actor) WHERE id = \(bind: entry.id) AND removed_on IS NULL
            """
        ).run()
        try await sql.raw("UPDATE planning_lists SET version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: list.id)").run()
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "update", entity: "planning_entry", key: String(entry.id),
            unitPath: list.place.path, old: ["removed_on": nil],
            new: ["removed_on": date.iso, "removal_kind": kind, "reason": reason])
    }

    /// The yearly review (DOMAIN.md §3): removes, on `date`, every person the rules take out of the list — age limit,
    /// discipline, political standard, confidence vote — with the rule's reason. Returns what was removed.
    public func applyReview(_ principal: Principal, listId: Int64, on date: CivilDate = Timestamp.vietnamDate()) async throws
        -> [PlanningReviewItem]
    {
        try principal.requireWrite()
        return try await db.write { sql in
            let list = try await Self.visibleList(sql, principal, id: listId)
            let rules = try await RuleService.live(sql)
            var removed: [PlanningReviewItem] = []
            for entry in (try await Self.entries(sql, listIds: [listId])[listId] ?? []) where entry.isActive && entry.addedOn <= date {
                let reasons = try await Self.removalReasons(sql, entry: entry, term: list.term, on: date, rules)
                guard let first = reasons.first else { continue }
                try await Self.remove(
                    sql, principal, entry: entry, list: list, on: date, kind: first.key, reason: reasons.map(\.message.vi).joined(separator: " "))
                removed.append(PlanningReviewItem(entry: entry, reasons: reasons))
            }
            return removed
        }
    }

    /// A discipline of khiển trách or worse takes the cadre out of every planning list at once (DOMAIN.md §3); called in
    /// the transaction that records the discipline.
    static func removeAfterDiscipline(_ sql: any SQLDatabase, _ principal: Principal, cadreId: Int64, record: DisciplineRecord) async throws {
        let reason = PlanningRemovalReason.discipline(record)
        let listIds = try await sql.raw("SELECT DISTINCT list_id FROM planning_entries WHERE cadre_id = \(bind: cadreId) AND removed_on IS NULL").all()
            .map { try $0.decode(column: "list_id", as: Int64.self) }
        for listId in listIds {
            guard let list = try await findList(sql, id: listId) else { continue }
            for entry in (try await entries(sql, listIds: [listId])[listId] ?? []) where entry.isActive && entry.cadre.id == cadreId {
                try await remove(sql, principal, entry: entry, list: list, on: max(record.decidedOn, entry.addedOn), kind: reason.key, reason: reason.message.vi)
            }
        }
    }

    // MARK: - Approval

    /// The managing level approves the list as it stands on `on`: every proposed entry becomes approved. Only a head at
    /// the list's managing level or above, whose subtree holds the place (DOMAIN.md §6).
    public func approve(
        _ principal: Principal, listId: Int64, decisionNo: String, on approvedOn: String = "", today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> PlanningListRecord {
        let (date, found) = DecisionService.approvalInput(number: decisionNo, field: "decision_no", on: approvedOn, today: today)
        return try await db.write { sql in
            let list = try await Self.visibleList(sql, principal, id: listId)
            try await DecisionService.requireApprovalRight(sql, principal, level: list.managedBy, places: [list.place])
            guard found.isEmpty, let date else { throw DomainError.invalid(Catalogue.invalidInput, found) }
            let pending = (try await Self.entries(sql, listIds: [listId])[listId] ?? []).filter { $0.isActive && $0.approvedOn == nil }
            guard !pending.isEmpty else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("list", Catalogue.planningNothingToApprove)])
            }
            try await sql.raw(
                """
                UPDATE planning_entries SET approved_on = \(bind: date.iso), approved_by = \(bind: principal.actor)
                WHERE list_id = \(bind: listId) AND removed_on IS NULL AND approved_on IS NULL
                """
            ).run()
            try await sql.raw(
                """
                UPDATE planning_lists SET approved_on = \(bind: date.iso), approved_by = \(bind: principal.actor), approval_no = \(bind: decisionNo.trimmed),
                    version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: listId)
                """
            ).run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "approve", entity: "planning_list", key: String(listId),
                unitPath: list.place.path, old: ["approved_on": list.approvedOn?.iso, "approval_no": list.approvalNo],
                new: ["approved_on": date.iso, "approval_no": decisionNo.trimmed, "entries": pending.map { String($0.cadre.id) }.joined(separator: ",")])
            return try await Self.findList(sql, id: listId)!
        }
    }

    // MARK: - A cadre's planning

    /// The lists a cadre is planned in (active entries), for the cadre's page.
    public func plannedFor(_ principal: Principal, cadreId: Int64) async throws -> [(list: PlanningListRecord, entry: PlanningEntry)] {
        try await db.read { sql in
            _ = try await CadreService.visible(sql, principal, id: cadreId)
            let ids = try await sql.raw("SELECT DISTINCT list_id FROM planning_entries WHERE cadre_id = \(bind: cadreId)").all()
                .map { try $0.decode(column: "list_id", as: Int64.self) }
            let entries = try await Self.entries(sql, listIds: ids)
            var out: [(list: PlanningListRecord, entry: PlanningEntry)] = []
            for id in ids {
                guard let list = try await Self.findList(sql, id: id) else { continue }
                for entry in entries[id] ?? [] where entry.cadre.id == cadreId { out.append((list, entry.shown(to: principal))) }
            }
            return out.sorted { ($0.list.term, $0.entry.addedOn) > ($1.list.term, $1.entry.addedOn) }
        }
    }

    /// The audit entries of a list and of its entries, oldest first.
    public func history(_ principal: Principal, listId: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let list = try await Self.visibleList(sql, principal, id: listId)
            var entries = try await AuditLog.history(sql, entity: "planning_list", key: String(list.id))
            for entry in try await Self.entries(sql, listIds: [list.id])[list.id] ?? [] {
                let history = try await AuditLog.history(sql, entity: "planning_entry", key: String(entry.id))
                entries += entry.shown(to: principal).removalKind == PlanningEntry.confidentialKind
                    ? history.map { $0.masking(["removal_kind", "removed_reason", "reason"]) } : history
            }
            return entries.sorted { $0.id < $1.id }
        }
    }
}
