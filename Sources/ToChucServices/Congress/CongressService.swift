import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// One unit's congress of one term, as recorded.
public struct CongressRecord: Sendable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let facts: CongressFacts
    public let version: Int
    public let updatedAt: String

    public var key: String { CongressService.auditKey(unitCode, facts.term) }
}

/// A unit of a list with its congress of the round, when one is recorded.
public struct CongressRow: Sendable, Equatable {
    /// The unit as it was on the list's date.
    public let unit: OrgUnit
    public let congress: CongressRecord?
}

/// The list's status filter: held (by the list's date), planned (recorded, not held by then), or none recorded.
public enum CongressStatus: String, Sendable, CaseIterable {
    case held
    case planned
    case missing

    public var label: Localized {
        switch self {
        case .held: return Catalogue.congressHeld
        case .planned: return Catalogue.congressPlanned
        case .missing: return Catalogue.congressMissing
        }
    }
}

/// What a congress list is asked for.
public struct CongressQuery: Sendable, Equatable {
    /// The unit whose subtree to list (default: the principal's).
    public var unitCode = ""
    /// A term ("2025-2030"); empty: the term in course on `date`.
    public var term = ""
    /// The date the units must exist on and the congresses be held by (default: today).
    public var date: CivilDate? = nil
    public var kind: UnitKind? = nil
    public var status: CongressStatus? = nil
    /// Only congresses that were pilots (thí điểm), or that elected the secretary directly (what the report counts).
    public var pilot = false
    public var directSecretary = false
    /// Name or code contains (accents ignored).
    public var text = ""
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// A page of a subtree's units with their congress of a round.
public struct CongressList: Sendable {
    public let unitCode: String
    public let term: CongressTerm
    public let date: CivilDate
    public let rows: Page<CongressRow>
}

/// The progress of a round's congresses in a subtree on a date (DOMAIN.md §4, §5), by kind of unit.
public struct CongressProgress: Sendable, Equatable {
    public let unitCode: String
    public let unitName: String
    public let date: CivilDate
    public let term: CongressTerm
    /// Whether `term` is the term in course on `date` (rather than one asked for).
    public let termInCourse: Bool
    /// The rule set that places dates in rounds.
    public let regulation: String
    /// Every kind with at least one unit on the date, top down.
    public let levels: [CongressLevelProgress]

    /// A kind's figures (zeros when the subtree has no unit of that kind).
    public func level(_ kind: UnitKind) -> CongressLevelProgress {
        levels.first { $0.kind == kind } ?? CongressLevelProgress(kind: kind, total: 0, held: 0, pilot: 0, directSecretary: 0)
    }

    /// The levels the seed's sentence speaks of, as it orders them: base, then upper-base, then provincial — those with
    /// units only.
    public var sentenceLevels: [CongressLevelProgress] { [UnitKind.base, .upperBase, .provincial].map(level).filter { $0.total > 0 } }

    /// "Tính đến hết ngày 25/07/2020 đã có 52.031 (99,85%) đảng bộ, chi bộ cơ sở và 624/1.305 (47,81%) …".
    public var sentence: Localized { Catalogue.progressSentence(date, levels: sentenceLevels) }
}

/// Congresses (đại hội) of every unit per term (DOMAIN.md §4): the record of each, lists of a subtree's units with their
/// congress, progress by level on any date, history and export.
public struct CongressService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "congress"
    static func auditKey(_ code: String, _ term: CongressTerm) -> String { "\(code)/\(term.key)" }

    /// The kinds the briefing report carries (`figures.congress`).
    public static let reportKinds: [UnitKind] = [.provincial, .upperBase, .base]

    static func term(_ text: String) throws -> CongressTerm {
        guard let term = CongressTerm(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("term", Catalogue.congressTermInvalid(text))])
        }
        return term
    }

    /// The term in course on a date by the rule set in force then (`CongressRules.term(inCourseOn:)`).
    public func termInCourse(on date: CivilDate) async throws -> (term: CongressTerm, rules: CongressRules) {
        let rules = CongressRules(try await RuleService(db: db).inForce(.congress, on: date))
        return (rules.term(inCourseOn: date), rules)
    }

    /// The term asked for, or the one in course on `date`; and whether it is the one in course.
    func round(_ text: String, on date: CivilDate) async throws -> (term: CongressTerm, inCourse: Bool, regulation: String) {
        let inCourse = try? await termInCourse(on: date)
        if text.trimmed.isEmpty {
            guard let inCourse else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("date", Catalogue.ruleNotFound)]) }
            return (inCourse.term, true, inCourse.rules.regulation)
        }
        let term = try Self.term(text)
        return (term, inCourse?.term == term, inCourse?.rules.regulation ?? "")
    }

    // MARK: - Records

    static let columns = """
        c.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path
        """
    static let from = "congresses c JOIN units u ON u.id = c.unit_id"

    static func record(from row: any SQLRow) throws -> CongressRecord {
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) } }
        let term = CongressTerm(parsing: try row.decode(column: "term", as: String.self))!
        return CongressRecord(
            id: try row.decode(column: "id", as: Int64.self), unitId: try row.decode(column: "unit_id", as: Int64.self),
            unitCode: try row.decode(column: "unit_code", as: String.self), unitName: try row.decode(column: "unit_name", as: String.self),
            unitPath: try row.decode(column: "unit_path", as: String.self),
            facts: CongressFacts(
                term: term, plannedOn: try date("planned_on"), heldOn: try date("held_on"), pilot: try row.decode(column: "pilot", as: Int.self) != 0,
                directSecretary: try row.decode(column: "direct_secretary", as: Int.self) != 0,
                delegates: try row.decode(column: "delegates", as: Int?.self),
                committeeElected: try row.decode(column: "committee_elected", as: Int?.self),
                note: try row.decode(column: "note", as: String?.self) ?? ""),
            version: try row.decode(column: "version", as: Int.self), updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    static func find(_ sql: any SQLDatabase, unitId: Int64, term: CongressTerm) async throws -> CongressRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE c.unit_id = \(bind: unitId) AND c.term = \(bind: term.key)")
            .first().map(record)
    }

    static func find(_ sql: any SQLDatabase, id: Int64) async throws -> CongressRecord? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE c.id = \(bind: id)").first().map(record)
    }

    static func visibleUnit(_ sql: any SQLDatabase, _ principal: Principal, code: String) async throws -> OrgUnit {
        guard let unit = try await UnitStore.find(sql, code: code.trimmed), principal.sees(path: unit.path) else {
            throw DomainError.notFound(Catalogue.unitNotFound)
        }
        return unit
    }

    /// A unit's congress of a term; nil when none is recorded (`notFound` for a unit outside scope).
    public func get(_ principal: Principal, unitCode: String, term: String) async throws -> CongressRecord? {
        let term = try Self.term(term)
        return try await db.read { sql in
            let unit = try await Self.visibleUnit(sql, principal, code: unitCode)
            return try await Self.find(sql, unitId: unit.id, term: term)
        }
    }

    /// The congresses of one unit, newest term first.
    public func ofUnit(_ principal: Principal, unitCode: String) async throws -> [CongressRecord] {
        try await db.read { sql in
            let unit = try await Self.visibleUnit(sql, principal, code: unitCode)
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE c.unit_id = \(bind: unit.id)
                ORDER BY c.term_first_year DESC, c.term DESC
                """
            ).all().map(Self.record)
        }
    }

    /// Records or corrects a unit's congress of a term. `expectedVersion` is the version the user started from (0 for a
    /// term not recorded yet); a save over someone else's is refused with what changed. A held congress needs the unit
    /// to exist on that day.
    public func save(
        _ principal: Principal, unitCode: String, term termText: String, _ draft: CongressDraft, expectedVersion: Int,
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> CongressRecord {
        let term = try Self.term(termText)
        var draft = draft
        draft.term = term.key
        let checked = CongressRecordRules.check(draft, today: today)
        return try await db.write { sql in
            let unit = try await Self.visibleUnit(sql, principal, code: unitCode)
            try principal.requireWrite()
            let facts = try checked.get()
            if let held = facts.heldOn, try await UnitHistory.version(sql, unitId: unit.id, on: held) == nil {
                throw DomainError.invalid(
                    Catalogue.invalidInput, [FieldError("held_on", Catalogue.congressUnitMissing(unit.code, VietnameseFormat.date(held)))])
            }
            let current = try await Self.find(sql, unitId: unit.id, term: term)
            if let current, current.version != expectedVersion { throw try await Self.conflict(sql, current: current, baseVersion: expectedVersion) }
            if current == nil && expectedVersion != 0 {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.outOfRange(0, 0))])
            }
            return try await Self.write(sql, principal, unit: unit, facts: facts, current: current, importAuditId: nil)
        }
    }

    /// Inserts or updates the row and audits the change (nothing when the values are the same).
    static func write(
        _ sql: any SQLDatabase, _ principal: Principal, unit: OrgUnit, facts: CongressFacts, current: CongressRecord?, importAuditId: Int64?
    ) async throws -> CongressRecord {
        let now = Timestamp.now()
        if let current {
            if current.facts == facts { return current }
            let changed = try await sql.raw(
                """
                UPDATE congresses SET planned_on = \(bind: facts.plannedOn?.iso), held_on = \(bind: facts.heldOn?.iso),
                    pilot = \(bind: facts.pilot ? 1 : 0),
                    direct_secretary = \(bind: facts.directSecretary ? 1 : 0), delegates = \(bind: facts.delegates),
                    committee_elected = \(bind: facts.committeeElected), note = \(bind: facts.note.isEmpty ? nil : facts.note),
                    version = version + 1, updated_at = \(bind: now)
                WHERE id = \(bind: current.id) AND version = \(bind: current.version) RETURNING id
                """
            ).first()
            guard changed != nil else { throw try await conflict(sql, current: current, baseVersion: current.version) }
        } else {
            try await sql.raw(
                """
                INSERT INTO congresses (unit_id, term, term_first_year, term_last_year, planned_on, held_on, pilot, direct_secretary, delegates,
                    committee_elected, note, version, created_at, updated_at, import_audit_id)
                VALUES (\(bind: unit.id), \(bind: facts.term.key), \(bind: facts.term.firstYear), \(bind: facts.term.lastYear),
                    \(bind: facts.plannedOn?.iso),
                    \(bind: facts.heldOn?.iso), \(bind: facts.pilot ? 1 : 0), \(bind: facts.directSecretary ? 1 : 0), \(bind: facts.delegates),
                    \(bind: facts.committeeElected), \(bind: facts.note.isEmpty ? nil : facts.note), 1, \(bind: now), \(bind: now),
                    \(bind: importAuditId))
                """
            ).run()
        }
        let saved = try await find(sql, unitId: unit.id, term: facts.term)!
        var new = saved.facts.auditValues.merging(["version": String(saved.version)]) { $1 }
        if let importAuditId { new["import"] = String(importAuditId) }
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: current == nil ? "create" : "update", entity: entity, key: saved.key,
            unitPath: unit.path, old: current.map { $0.facts.auditValues.merging(["version": String($0.version)]) { $1 } }, new: new)
        return saved
    }

    static func conflict(_ sql: any SQLDatabase, current: CongressRecord, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleSave(
            sql, entity: entity, key: current.key, baseVersion: baseVersion, current: current.facts.auditValues, currentVersion: current.version,
            fallback: [:])
    }

    /// Changes to a unit's congress of a term, oldest first.
    public func history(_ principal: Principal, unitCode: String, term: String) async throws -> [AuditEntry] {
        let term = try Self.term(term)
        return try await db.read { sql in
            let unit = try await Self.visibleUnit(sql, principal, code: unitCode)
            let key = Self.auditKey(unit.code, term)
            guard let record = try await Self.find(sql, unitId: unit.id, term: term) else {
                return try await AuditLog.history(sql, entity: Self.entity, key: key)
            }
            return try await AuditLog.history(sql, entity: Self.entity, key: key, importedInto: "congresses", rowId: record.id)
        }
    }

    // MARK: - Lists

    /// The units of a subtree existing on the date, in tree order, each with its congress of the round (the earliest
    /// recorded whose term begins in the round's term).
    public func list(_ principal: Principal, _ query: CongressQuery) async throws -> CongressList {
        let date = query.date ?? Timestamp.vietnamDate()
        let round = try await round(query.term, on: date)
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), UnitService.maximumPerPage)
        return try await db.read { sql in
            let root = try await Self.root(sql, principal, code: query.unitCode, on: date)
            let conditions = Self.listConditions(root: root, query: query, round: round.term, date: date)
            let total =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: Self.listFrom(round.term)) WHERE \(conditions)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await Self.listRows(sql, conditions: conditions, round: round.term, limit: perPage, offset: (page - 1) * perPage)
            return CongressList(
                unitCode: root.code, term: round.term, date: date, rows: Page(items: rows, page: page, perPage: perPage, total: total))
        }
    }

    /// The root of a list or progress: the unit asked for (the principal's by default) as it was on the date.
    static func root(_ sql: any SQLDatabase, _ principal: Principal, code: String, on date: CivilDate) async throws -> UnitVersion {
        let unit = try await visibleUnit(sql, principal, code: code.trimmed.isEmpty ? principal.unitCode : code)
        guard let version = try await UnitHistory.version(sql, unitId: unit.id, on: date) else {
            throw DomainError.invalid(
                Catalogue.invalidInput, [FieldError("date", Catalogue.congressUnitMissing(unit.code, VietnameseFormat.date(date)))])
        }
        return version
    }

    /// The congress of a unit in a round: the earliest whose term begins in the round's term.
    static func roundCongress(_ round: CongressTerm) -> String {
        """
        (SELECT c2.id FROM congresses c2 WHERE c2.unit_id = v.unit_id AND c2.term_first_year >= \(round.firstYear)
            AND c2.term_first_year < \(round.lastYear) ORDER BY c2.term_first_year, c2.id LIMIT 1)
        """
    }

    static func listFrom(_ round: CongressTerm) -> String {
        "unit_versions v JOIN units u ON u.id = v.unit_id LEFT JOIN congresses c ON c.id = \(roundCongress(round))"
    }

    static func listConditions(root: UnitVersion, query: CongressQuery, round: CongressTerm, date: CivilDate) -> SQLQueryString {
        let range = PathRange.of(root.path)
        var filter: SQLQueryString = "v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper) AND \(UnitHistory.at(date))"
        if let kind = query.kind { filter = filter + " AND v.kind = \(bind: kind.rawValue)" }
        switch query.status {
        case .held: filter = filter + " AND c.held_on <= \(bind: date.iso)"
        case .planned: filter = filter + " AND c.id IS NOT NULL AND (c.held_on IS NULL OR c.held_on > \(bind: date.iso))"
        case .missing: filter = filter + " AND c.id IS NULL"
        case nil: break
        }
        if query.pilot { filter = filter + " AND c.pilot = 1" }
        if query.directSecretary { filter = filter + " AND c.direct_secretary = 1" }
        let folded = VietnameseText.fold(query.text)
        if !folded.isEmpty {
            let pattern =
                "%"
                + folded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
                .replacingOccurrences(of: "_", with: "\\_") + "%"
            filter = filter + " AND (v.name_folded LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(u.code) LIKE \(bind: pattern) ESCAPE '\\')"
        }
        return filter
    }

    static func listRows(_ sql: any SQLDatabase, conditions: SQLQueryString, round: CongressTerm, limit: Int?, offset: Int) async throws
        -> [CongressRow]
    {
        let paging = limit.map { " LIMIT \($0) OFFSET \(offset)" } ?? ""
        var rows: [CongressRow] = []
        for row in try await sql.raw(
            """
            SELECT \(unsafeRaw: UnitService.asOfColumns), c.id AS congress_id
            FROM \(unsafeRaw: listFrom(round)) LEFT JOIN units p ON p.id = v.parent_id
            WHERE \(conditions) ORDER BY v.path\(unsafeRaw: paging)
            """
        ).all() {
            let id = try row.decode(column: "congress_id", as: Int64?.self)
            rows.append(CongressRow(unit: try UnitStore.unit(from: row), congress: try await id.asyncFlatMap { try await find(sql, id: $0) }))
        }
        return rows
    }

    /// The whole list as a spreadsheet (header first), for the download.
    public func exportRows(_ principal: Principal, _ query: CongressQuery) async throws -> [[String]] {
        let date = query.date ?? Timestamp.vietnamDate()
        let round = try await round(query.term, on: date)
        let language = principal.language
        let rows = try await db.read { sql in
            let root = try await Self.root(sql, principal, code: query.unitCode, on: date)
            return try await Self.listRows(
                sql, conditions: Self.listConditions(root: root, query: query, round: round.term, date: date), round: round.term, limit: nil,
                offset: 0)
        }
        let header = [
            Catalogue.code, Catalogue.name, Catalogue.kind, Catalogue.congressTerm, Catalogue.congressPlannedOn, Catalogue.congressHeldOn,
            Catalogue.congressPilot, Catalogue.congressDirectSecretary, Catalogue.congressDelegates, Catalogue.congressCommitteeElected,
            Catalogue.note,
        ].map { $0.text(language) }
        let yes = Catalogue.yes.text(language)
        func day(_ d: CivilDate?) -> String { d.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? "" }
        return [header]
            + rows.map { row in
                let f = row.congress?.facts
                return [
                    row.unit.code, row.unit.name, row.unit.kind.label.text(language), f?.term.key ?? "", day(f?.plannedOn), day(f?.heldOn),
                    f?.pilot == true ? yes : "", f?.directSecretary == true ? yes : "", f?.delegates.map { String($0) } ?? "",
                    f?.committeeElected.map { String($0) } ?? "", f?.note ?? "",
                ]
            }
    }

    // MARK: - Progress

    /// Progress on a date in a subtree (DOMAIN.md §5): among the units existing on that date, by kind, those that held
    /// the congress of the round (`term`, or the term in course on the date) on or before it; of those, the pilots and
    /// the direct elections of the secretary.
    public func progress(_ principal: Principal, unitCode: String = "", on date: CivilDate, term: String = "") async throws -> CongressProgress {
        let round = try await round(term, on: date)
        return try await db.read { sql in
            let root = try await Self.root(sql, principal, code: unitCode, on: date)
            let levels = try await Self.levels(sql, path: root.path, on: date, round: round.term)
            return CongressProgress(
                unitCode: root.code, unitName: root.name, date: date, term: round.term, termInCourse: round.inCourse, regulation: round.regulation,
                levels: UnitKind.allCases.compactMap { levels[$0] })
        }
    }

    /// The counts by kind under `path` on `date` for a round (one grouped scan of the versions on the date).
    static func levels(_ sql: any SQLDatabase, path: String, on date: CivilDate, round: CongressTerm) async throws -> [UnitKind:
        CongressLevelProgress]
    {
        let range = PathRange.of(path)
        // Each unit's congresses of the round folded into flags first (only the subtree's units: a commune reads its
        // own), then one join with the versions summed by kind. Three correlated EXISTS per unit version were the
        // report's slowest part on PostgreSQL, which runs them as a sub-plan per row: 1.7–2.2 s for the nation's
        // 290,000 units beside the report's other statements; this join takes 0.2 s alone (BENCHMARKS.md).
        let rows = try await sql.raw(
            """
            SELECT v.kind, COUNT(*) AS total, COUNT(c.unit_id) AS held, COALESCE(SUM(c.pilot), 0) AS pilot, COALESCE(SUM(c.direct), 0) AS direct
            FROM unit_versions v LEFT JOIN (
                SELECT unit_id, MAX(CASE WHEN pilot = 1 THEN 1 ELSE 0 END) AS pilot, MAX(CASE WHEN direct_secretary = 1 THEN 1 ELSE 0 END) AS direct
                FROM congresses WHERE term_first_year >= \(bind: round.firstYear) AND term_first_year < \(bind: round.lastYear)
                AND held_on <= \(bind: date.iso)
                AND unit_id IN (SELECT unit_id FROM unit_versions WHERE path >= \(bind: range.lower) AND path < \(bind: range.upper))
                GROUP BY unit_id
            ) c ON c.unit_id = v.unit_id
            WHERE v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper) AND \(UnitHistory.at(date))
            GROUP BY v.kind
            """
        ).all()
        var out: [UnitKind: CongressLevelProgress] = [:]
        for row in rows {
            guard let kind = UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
            out[kind] = CongressLevelProgress(
                kind: kind, total: try row.decode(column: "total", as: Int.self), held: try row.decode(column: "held", as: Int.self),
                pilot: try row.decode(column: "pilot", as: Int.self), directSecretary: try row.decode(column: "direct", as: Int.self))
        }
        return out
    }

    /// The report's `figures.congress` for a subtree on a date: the term in course by the rule set in force then; every
    /// kind of `reportKinds`, zeros where the subtree has none (and everywhere before any rule set is in force).
    static func reportLevels(_ sql: any SQLDatabase, path: String, on date: CivilDate) async throws -> [UnitKind: CongressLevelProgress] {
        var levels: [UnitKind: CongressLevelProgress] = [:]
        if let version = try? await RuleService.inForce(sql, .congress, on: date) {
            levels = try await Self.levels(sql, path: path, on: date, round: CongressRules(version).term(inCourseOn: date))
        }
        return Dictionary(
            uniqueKeysWithValues: reportKinds.map { kind in
                (kind, levels[kind] ?? CongressLevelProgress(kind: kind, total: 0, held: 0, pilot: 0, directSecretary: 0))
            })
    }
}
