import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// What a member list is asked for: text and filters, sort and page.
public struct MemberQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// Vietnamese name order: given name, then middle, then family name (DOMAIN.md §2).
        case name
        case cardNo = "card_no"
        case birthDate = "birth_date"
        case admittedOn = "admitted_on"
    }

    public var text = ""
    /// The subtree to search (default: the principal's whole scope).
    public var unitCode = ""
    public var status: MemberStatus? = nil
    /// Members (probationary, full, exempt) only, unless a status is asked for.
    public var currentOnly = true
    public var gender: Gender? = nil
    public var ageFrom: Int? = nil
    public var ageTo: Int? = nil
    public var ethnicityCode: Int? = nil
    public var admittedYear: Int? = nil
    /// Admitted, recognized (ngày chính thức) or left on or after / on or before these days (both included). With a
    /// unit, a member is then placed as the briefing report counts them (`ReportService`): by the unit they belonged to
    /// on that date — the unit they left, for those who left — in its version on the range's last day.
    public var admittedFrom: CivilDate? = nil
    public var admittedTo: CivilDate? = nil
    public var recognizedFrom: CivilDate? = nil
    public var recognizedTo: CivilDate? = nil
    public var leftFrom: CivilDate? = nil
    public var leftTo: CivilDate? = nil
    public var sort: Sort = .name
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// Party members: the register, search, entry and correction (DOMAIN.md §2).
public struct MemberService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    public func search(_ principal: Principal, _ query: MemberQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> Page<Member> {
        var range = principal.pathRange
        var wholeTree = principal.isRootScope
        var filter: SQLQueryString = "1 = 1"
        let dates = try Self.dateRanges(query)
        if !query.unitCode.isEmpty {
            guard let unit = try await db.read({ sql in try await UnitStore.find(sql, code: query.unitCode) }), principal.sees(path: unit.path)
            else { throw DomainError.notFound(Catalogue.unitNotFound) }
            if let dated = dates.first {
                // As the report counts: the subtree holds the unit the member belonged to then (the principal's scope still
                // bounds what is shown).
                filter = filter + " AND " + (try await Self.unitThen(db, unit: unit, column: dated.column, to: dated.to ?? today))
            } else {
                range = PathRange.of(unit.path)
                wholeTree = wholeTree && unit.depth == 0
            }
        }
        for dated in dates {
            if let from = dated.from { filter = filter + " AND m.\(unsafeRaw: dated.column) >= \(bind: from.iso)" }
            if let to = dated.to { filter = filter + " AND m.\(unsafeRaw: dated.column) <= \(bind: to.iso)" }
        }
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), 200)
        // The root's subtree is every member: no range to check then.
        let scope: SQLQueryString? = wholeTree ? nil : "m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper)"
        if let status = query.status {
            filter = filter + " AND m.status = \(bind: status.rawValue)"
        } else if query.currentOnly {
            filter = filter + " AND m.status IN ('probationary', 'full', 'exempt')"
        }
        let text = query.text.trimmed
        var terms: [String] = []
        if !text.isEmpty && text.allSatisfy(\.isNumber) {
            // Card numbers and national IDs by prefix: two unique-index range scans.
            let digits = MemberSearchIndex.prefixRange(text)
            filter = filter + """
                 AND ((m.card_no >= \(bind: digits.lower) AND m.card_no < \(bind: digits.upper))
                 OR (m.national_id >= \(bind: digits.lower) AND m.national_id < \(bind: digits.upper)))
                """
        } else {
            // Every word must start a word of the name: "nguyen van" finds "Nguyễn Văn Tùng", "tung" too, "dang" finds "Đặng".
            terms = MemberSearchIndex.terms(text)
        }
        if let gender = query.gender { filter = filter + " AND m.gender = \(bind: gender.rawValue)" }
        if let code = query.ethnicityCode { filter = filter + " AND m.ethnicity_code = \(bind: code)" }
        if let year = query.admittedYear {
            filter = filter + " AND m.admitted_on >= \(bind: "\(year)-01-01") AND m.admitted_on <= \(bind: "\(year)-12-31")"
        }
        // Age band: born after today minus (to + 1) years and no later than today minus `from` years.
        if let from = query.ageFrom { filter = filter + " AND m.birth_date <= \(bind: today.adding(years: -from).iso)" }
        if let to = query.ageTo { filter = filter + " AND m.birth_date > \(bind: today.adding(years: -(to + 1)).iso)" }
        let conditions = filter
        let words = terms
        return try await db.read { sql in
            try await MemberSearch.run(sql, conditions: conditions, scope: scope, terms: words, sort: query.sort, page: page, perPage: perPage)
        }
    }

    /// The date filters that are set, in the order that places a member (admission, recognition, leaving).
    static func dateRanges(_ q: MemberQuery) throws -> [(column: String, from: CivilDate?, to: CivilDate?)] {
        let all: [(String, String, CivilDate?, CivilDate?)] = [
            ("admitted_on", "admitted_to", q.admittedFrom, q.admittedTo), ("recognized_on", "recognized_to", q.recognizedFrom, q.recognizedTo),
            ("left_on", "left_to", q.leftFrom, q.leftTo),
        ]
        for (_, field, from, to) in all {
            if let from, let to, to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.periodReversed)]) }
        }
        return all.filter { $0.2 != nil || $0.3 != nil }.map { ($0.0, $0.2, $0.3) }
    }

    /// The member's unit on the date of `column` lies in the subtree of `unit` as it was on `to`: the unit left by the
    /// first official transfer after that date (`ReportService.unitThen`), or — for leaving, which keeps the last unit —
    /// the member's unit.
    static func unitThen(_ db: Database, unit: OrgUnit, column: String, to: CivilDate) async throws -> SQLQueryString {
        guard let root = try await db.read({ sql in try await UnitHistory.version(sql, unitId: unit.id, on: to) }) else { return "1 = 0" }
        let range = PathRange.of(root.path)
        let then = column == "left_on" ? "m.unit_id" : ReportService.unitThen("m." + column)
        return """
            EXISTS (SELECT 1 FROM unit_versions v WHERE v.unit_id = \(unsafeRaw: then) AND \(UnitHistory.at(to)) \
            AND v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper))
            """
    }

    /// One member; `notFound` outside the principal's subtree.
    public func get(_ principal: Principal, id: Int64) async throws -> Member {
        let member = try await db.read { sql in try await MemberStore.find(sql, id: id) }
        guard let member else { throw DomainError.notFound(Catalogue.memberNotFound) }
        try Self.requireSees(principal, member)
        return member
    }

    /// A member with what the member's page shows beside the record: its history and events, and whether a photo,
    /// courses or exams, and vetting cases exist. One lease of a connection, and one statement for most members: the
    /// record carries the import that brought it and flags saying which sections have rows, so that the page asks for
    /// a section's rows only when it has some (a member imported and never changed since: one statement instead of
    /// three — issue 8).
    public func overview(_ principal: Principal, id: Int64) async throws -> MemberOverview {
        let key = String(id)
        let overview = try await db.read { sql -> MemberOverview? in
            let row = try await sql.planned(
                "member_overview",
                """
                SELECT \(unsafeRaw: MemberStore.columns), \(unsafeRaw: AuditLog.columns(of: "ia", prefix: "import_entry_")),
                    CASE WHEN EXISTS (SELECT 1 FROM member_photos p WHERE p.member_id = m.id) THEN 1 ELSE 0 END AS has_photo,
                    CASE WHEN EXISTS (SELECT 1 FROM training_enrollments e WHERE e.member_id = m.id AND e.annulled_on IS NULL)
                        OR EXISTS (SELECT 1 FROM exam_candidates k WHERE k.member_id = m.id AND k.annulled_on IS NULL) THEN 1 ELSE 0 END AS has_training,
                    CASE WHEN EXISTS (SELECT 1 FROM vetting_cases v WHERE v.member_id = m.id)
                        OR EXISTS (SELECT 1 FROM vetting_cases v WHERE v.national_id = m.national_id AND v.member_id IS NULL AND v.cadre_id IS NULL)
                        THEN 1 ELSE 0 END AS has_vetting,
                    CASE WHEN EXISTS (SELECT 1 FROM member_events e WHERE e.member_id = m.id) THEN 1 ELSE 0 END AS has_events,
                    CASE WHEN EXISTS (SELECT 1 FROM audit_log a WHERE a.entity = 'member' AND a.entity_key = \(bind: key)) THEN 1 ELSE 0 END AS has_entries
                FROM \(unsafeRaw: MemberStore.from) LEFT JOIN audit_log ia ON ia.id = m.import_audit_id WHERE m.id = \(bind: id)
                """
            ).first
            guard let row else { return nil }
            let member = try MemberStore.member(from: row)
            // Nothing more is read about a member the principal may not see.
            guard principal.sees(path: member.unitPath) else { return nil }
            // The history: the import that brought the record first, then its own entries (`AuditLog.history`).
            var history = try AuditLog.entry(from: row, prefix: "import_entry_").map { [$0] } ?? []
            if try row.decode(column: "has_entries", as: Int.self) != 0 {
                history += try await AuditLog.history(sql, entity: "member", key: key)
            }
            let events = try row.decode(column: "has_events", as: Int.self) != 0 ? try await Self.events(sql, memberId: id) : []
            return MemberOverview(
                member: member, history: history, events: events, hasPhoto: try row.decode(column: "has_photo", as: Int.self) != 0,
                hasTraining: try row.decode(column: "has_training", as: Int.self) != 0,
                hasVettingCases: try row.decode(column: "has_vetting", as: Int.self) != 0)
        }
        guard let overview else { throw DomainError.notFound(Catalogue.memberNotFound) }
        return overview
    }

    /// The scope check of `get`, for the sections of a member already read: a member outside the principal's subtree
    /// is "not found", as if it did not exist.
    static func requireSees(_ principal: Principal, _ member: Member) throws {
        guard principal.sees(path: member.unitPath) else { throw DomainError.notFound(Catalogue.memberNotFound) }
    }

    public func create(_ principal: Principal, _ draft: MemberDraft, today: CivilDate = Timestamp.vietnamDate()) async throws -> Member {
        try principal.requireWrite()
        let valid = try MemberRules.check(draft, today: today, strict: true, rules: try await RuleService(db: db).live()).get()
        return try await db.write { sql in
            let unit = try await Self.memberUnit(sql, principal: principal, code: valid.unitCode)
            try await Self.checkUnique(sql, valid, except: nil)
            let id = try await sql.raw(
                """
                INSERT INTO members (\(unsafeRaw: MemberStore.writeColumns.joined(separator: ", ")), version, created_at, updated_at)
                VALUES (\(binds: MemberStore.values(valid, unitId: unit.id, unitPath: unit.path)), 1, \(bind: Timestamp.now()), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await MemberSearchIndex.replace(sql, memberId: id, fullName: valid.fullName)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "member", key: String(id),
                unitPath: unit.path, old: nil, new: valid.auditValues.merging(["version": "1"]) { $1 })
            return try await MemberStore.find(sql, id: id)!
        }
    }

    /// Saves a corrected record if it is still at `expectedVersion`; otherwise refuses with what changed meanwhile.
    public func update(_ principal: Principal, id: Int64, _ draft: MemberDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate())
        async throws -> Member
    {
        try await db.write { sql in
            guard let current = try await MemberStore.find(sql, id: id), principal.sees(path: current.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            try principal.requireWrite()
            if current.version != expectedVersion {
                throw try await Self.conflict(sql, current: current, baseVersion: expectedVersion)
            }
            let valid = try MemberRules.check(draft, today: today, strict: true, rules: try await RuleService.live(sql)).get()
            let unit = try await Self.memberUnit(sql, principal: principal, code: valid.unitCode)
            try await Self.checkUnique(sql, valid, except: id)
            let assignments = MemberStore.assignments(valid, unitId: unit.id, unitPath: unit.path)
            let changed = try await sql.raw(
                "UPDATE members SET \(assignments), version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id"
            ).first()
            guard changed != nil else {
                // Another save committed after `current` was read (PostgreSQL waited on its row lock): show that one.
                let now = try await MemberStore.find(sql, id: id) ?? current
                throw try await Self.conflict(sql, current: now, baseVersion: expectedVersion)
            }
            if valid.fullName != current.record.fullName {
                try await MemberSearchIndex.replace(sql, memberId: id, fullName: valid.fullName)
            }
            let updated = try await MemberStore.find(sql, id: id)!
            if updated.record.auditValues != current.record.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: "member", key: String(id),
                    unitPath: updated.unitPath, old: current.record.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: updated.record.auditValues.merging(["version": String(updated.version)]) { $1 })
            }
            return updated
        }
    }

    static func conflict(_ sql: any SQLDatabase, current: Member, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleSave(
            sql, entity: "member", key: String(current.id), baseVersion: baseVersion, current: current.record.auditValues,
            currentVersion: current.version, fallback: [:])
    }

    /// A member belongs to a cell or a base unit (INTERCHANGE.md members.csv) that exists and lies in scope.
    static func memberUnit(_ sql: any SQLDatabase, principal: Principal, code: String) async throws -> OrgUnit {
        guard let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path), unit.dissolvedOn == nil else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("unit_code", Catalogue.unitNotFound)])
        }
        guard [.cell, .base, .subBase].contains(unit.kind) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("unit_code", Catalogue.memberUnitKind)])
        }
        return unit
    }

    static func checkUnique(_ sql: any SQLDatabase, _ m: ValidMember, except id: Int64?) async throws {
        var errors: [FieldError] = []
        if let card = m.cardNo,
            let other = try await sql.raw("SELECT id FROM members WHERE card_no = \(bind: card)").first()?.decode(column: "id", as: Int64.self),
            other != id
        {
            errors.append(FieldError("card_no", Catalogue.cardNoTaken))
        }
        if let nid = m.nationalId,
            let other = try await sql.raw("SELECT id FROM members WHERE national_id = \(bind: nid)").first()?.decode(column: "id", as: Int64.self),
            other != id
        {
            errors.append(FieldError("national_id", Catalogue.nationalIdTaken))
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
    }

    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await history(principal, member: try await get(principal, id: id))
    }

    /// The history of a member the caller already read with `get` (a page reads the member once, not per section).
    public func history(_ principal: Principal, member: Member) async throws -> [AuditEntry] {
        try Self.requireSees(principal, member)
        return try await db.read { sql in
            try await AuditLog.history(sql, entity: "member", key: String(member.id), importedInto: "members", rowId: member.id)
        }
    }
}

extension UnitService {
    /// Members of a subtree by status on a date, each counted in its current unit: from today on, the counts kept per
    /// unit (`MemberCounts`, summed over the subtree's units); before, from the members' dates.
    static func membersByStatus(_ sql: any SQLDatabase, path: String, on date: CivilDate) async throws -> [MemberStatus: Int] {
        guard date >= Timestamp.vietnamDate() else { return try await membersByStatusFromRows(sql, path: path, on: date) }
        let range = PathRange.of(path)
        return try await statusCounts(
            sql,
            """
            SELECT c.status AS s, CAST(SUM(c.n) AS BIGINT) AS n FROM units u JOIN unit_member_counts c ON c.unit_id = u.id
            WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) GROUP BY 1 HAVING SUM(c.n) > 0
            """)
    }

    /// The same from the members' rows and dates (any date; the kept counts must equal it for today: MemberCountsTests).
    static func membersByStatusFromRows(_ sql: any SQLDatabase, path: String, on date: CivilDate) async throws -> [MemberStatus: Int] {
        let range = PathRange.of(path)
        return try await statusCounts(
            sql,
            """
            SELECT \(MemberStore.statusOn(date)) AS s, COUNT(*) AS n FROM members m
            WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) GROUP BY 1
            """)
    }

    private static func statusCounts(_ sql: any SQLDatabase, _ query: SQLQueryString) async throws -> [MemberStatus: Int] {
        var counts: [MemberStatus: Int] = [:]
        for row in try await sql.raw(query).all() {
            if let status = try row.decode(column: "s", as: String?.self).flatMap(MemberStatus.init(rawValue:)) {
                counts[status] = try row.decode(column: "n", as: Int.self)
            }
        }
        return counts
    }
}
