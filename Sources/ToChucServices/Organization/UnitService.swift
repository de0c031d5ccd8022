import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A page of a list, with the total for the pager.
public struct Page<Item: Sendable>: Sendable {
    public let items: [Item]
    public let page: Int
    public let perPage: Int
    public let total: Int
    /// The total was counted only this far (a search over millions): "more than `total`".
    public var totalIsLowerBound = false

    public init(items: [Item], page: Int, perPage: Int, total: Int, totalIsLowerBound: Bool = false) {
        self.items = items
        self.page = page
        self.perPage = perPage
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
    }

    /// Pages known so far: one more than the current when the total is only a lower bound (there is a next page).
    public var pageCount: Int { totalIsLowerBound ? page + 1 : max(1, (total + perPage - 1) / perPage) }

    /// Every item of a paged list (for exports): pages of the largest size, at most 1,000 of them.
    public static func all(_ fetch: (_ page: Int, _ perPage: Int) async throws -> Page<Item>) async throws -> [Item] {
        var items: [Item] = []
        var page = 1
        while true {
            let result = try await fetch(page, UnitService.maximumPerPage)
            items += result.items
            if page >= result.pageCount || result.items.isEmpty || page >= 1000 { return items }
            page += 1
        }
    }
}

/// How a unit list is ordered.
public enum UnitSort: String, Sendable, CaseIterable {
    case code
    case name
    case kind
    /// Tree order: parents before their sub-units.
    case tree

    var orderBy: String {
        switch self {
        case .code: return "u.code"
        case .name: return "v.name_folded, u.code"
        case .kind: return "v.depth, u.code"
        case .tree: return "v.path"
        }
    }
}

/// Filters of the unit list beyond its text, as the briefing report counts units (DOMAIN.md §5): a subtree as it was on the
/// list's date, a kind, a sector, whether the unit has an elected committee, and when it was founded.
public struct UnitFilter: Sendable, Equatable {
    /// The code of a unit in scope: its subtree only (the unit itself included).
    public var under = ""
    public var kind: UnitKind? = nil
    public var sector: Sector? = nil
    public var hasCommittee: Bool? = nil
    /// Founded on or after / on or before these days (both included).
    public var foundedFrom: CivilDate? = nil
    public var foundedTo: CivilDate? = nil

    public init() {}
}

/// Organization units: list, read, create, edit — always inside the principal's subtree.
public struct UnitService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    public static let maximumPerPage = 200

    /// Units of the principal's subtree, as they were on `asOf` (today by default), whose name or code contains the
    /// query (accents and case ignored).
    public func list(
        _ principal: Principal, query: String = "", page: Int = 1, perPage: Int = 50, sort: UnitSort = .tree, asOf: CivilDate? = nil,
        filter more: UnitFilter = UnitFilter()
    ) async throws -> Page<OrgUnit> {
        let page = max(1, page)
        let perPage = min(max(1, perPage), Self.maximumPerPage)
        let range = principal.pathRange
        let date = asOf ?? Timestamp.vietnamDate()
        let folded = VietnameseText.fold(query)
        let pattern = "%" + folded.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_") + "%"
        let under = more.under.trimmed.isEmpty ? nil : try await get(principal, code: more.under.trimmed)
        if let from = more.foundedFrom, let to = more.foundedTo, to < from {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("founded_to", Catalogue.periodReversed)])
        }
        return try await db.read { sql in
            var filter: SQLQueryString = "u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper) AND \(UnitHistory.at(date))"
            if !folded.isEmpty {
                filter = filter + " AND (v.name_folded LIKE \(bind: pattern) ESCAPE '\\' OR LOWER(u.code) LIKE \(bind: pattern) ESCAPE '\\')"
            }
            if let under {
                // The subtree as it was on the date (the report's), nothing when the unit did not exist then.
                if let root = try await UnitHistory.version(sql, unitId: under.id, on: date) {
                    let subtree = PathRange.of(root.path)
                    filter = filter + " AND v.path >= \(bind: subtree.lower) AND v.path < \(bind: subtree.upper)"
                } else {
                    filter = filter + " AND 1 = 0"
                }
            }
            if let kind = more.kind { filter = filter + " AND v.kind = \(bind: kind.rawValue)" }
            if let sector = more.sector { filter = filter + " AND v.sector = \(bind: sector.rawValue)" }
            if let committee = more.hasCommittee { filter = filter + " AND v.has_committee = \(literal: committee ? 1 : 0)" }
            if let from = more.foundedFrom { filter = filter + " AND u.founded_on >= \(bind: from.iso)" }
            if let to = more.foundedTo { filter = filter + " AND u.founded_on <= \(bind: to.iso)" }
            let total = try await sql.raw("SELECT COUNT(*) AS n FROM unit_versions v JOIN units u ON u.id = v.unit_id WHERE \(filter)")
                .first()?.decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.asOfColumns) FROM \(unsafeRaw: UnitHistory.from) WHERE \(filter)
                ORDER BY \(unsafeRaw: sort.orderBy) LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all()
            return Page(items: try rows.map(UnitStore.unit), page: page, perPage: perPage, total: total)
        }
    }

    /// A unit's attributes as of a date, shaped like the register's row (version-specific name, parent and path).
    static let asOfColumns =
        "u.id, u.code, v.name, v.kind, v.sector, v.has_committee, u.founded_on, u.dissolved_on, v.path, v.depth, u.version, p.code AS parent_code"

    /// One unit as the register has it now; `notFound` for a unit outside the subtree, exactly as for one that does not exist.
    public func get(_ principal: Principal, code: String) async throws -> OrgUnit {
        let unit = try await db.read { sql in try await UnitStore.find(sql, code: code) }
        guard let unit, principal.sees(path: unit.path) else { throw DomainError.notFound(Catalogue.unitNotFound) }
        return unit
    }

    /// One unit as it was on a date; nil when it did not exist then.
    public func get(_ principal: Principal, code: String, asOf date: CivilDate) async throws -> OrgUnit? {
        let current = try await get(principal, code: code)
        return try await db.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: Self.asOfColumns) FROM \(unsafeRaw: UnitHistory.from) WHERE v.unit_id = \(bind: current.id) AND \(UnitHistory.at(date))"
            ).first().map(UnitStore.unit)
        }
    }

    /// The direct sub-units of a unit on a date (today by default).
    public func children(_ principal: Principal, of unit: OrgUnit, asOf: CivilDate? = nil) async throws -> [OrgUnit] {
        guard principal.sees(path: unit.path) else { throw DomainError.notFound(Catalogue.unitNotFound) }
        let date = asOf ?? Timestamp.vietnamDate()
        return try await db.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: Self.asOfColumns) FROM \(unsafeRaw: UnitHistory.from) WHERE v.parent_id = \(bind: unit.id) AND \(UnitHistory.at(date)) ORDER BY u.code"
            ).all().map(UnitStore.unit)
        }
    }

    /// The chain from the principal's own unit down to `unit`, for breadcrumbs.
    public func ancestors(_ principal: Principal, of unit: OrgUnit) async throws -> [OrgUnit] {
        let ids = unit.path.split(separator: "/").compactMap { Int64($0) }.dropLast()
        guard !ids.isEmpty else { return [] }
        let all = try await db.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: UnitStore.columns) FROM \(unsafeRaw: UnitStore.from) WHERE u.id IN (\(binds: Array(ids))) ORDER BY u.depth"
            ).all().map(UnitStore.unit)
        }
        return all.filter { principal.sees(path: $0.path) }
    }

    /// The figures of a unit's subtree on a date (the unit itself included): the JSON contract of `tochuc stats`.
    /// A dissolved unit counts before its dissolution date and not from it on.
    /// Without `countingMembers` the members are not counted (a pass over every member of the subtree): the report
    /// counts its own.
    public func stats(_ principal: Principal, code: String, asOf: CivilDate? = nil, countingMembers: Bool = true) async throws -> SubtreeStats {
        let date = asOf ?? Timestamp.vietnamDate()
        let current = try await get(principal, code: code)
        return try await db.read { sql in
            guard let root = try await UnitHistory.version(sql, unitId: current.id, on: date) else {
                return SubtreeStats(unit: current.code, asOf: date, unitsByKind: [:], cellsWithCommittee: 0)
            }
            let range = PathRange.of(root.path)
            var byKind: [UnitKind: Int] = [:]
            var cellsWithCommittee = 0
            for row in try await sql.raw(
                """
                SELECT v.kind, v.has_committee, COUNT(*) AS n FROM unit_versions v
                WHERE v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper) AND \(UnitHistory.at(date))
                GROUP BY v.kind, v.has_committee
                """
            ).all() {
                guard let kind = UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                let n = try row.decode(column: "n", as: Int.self)
                byKind[kind, default: 0] += n
                let committee = try row.decode(column: "has_committee", as: Int.self) != 0
                if kind == .cell && committee { cellsWithCommittee += n }
            }
            // Members carry their unit's current path (no transfer history yet), so they are counted by it.
            let members: [MemberStatus: Int] = if countingMembers { try await Self.membersByStatus(sql, path: current.path, on: date) } else { [:] }
            return SubtreeStats(unit: current.code, asOf: date, unitsByKind: byKind, cellsWithCommittee: cellsWithCommittee, membersByStatus: members)
        }
    }

    /// Every version of a unit, oldest first: its names, kinds and parents over time.
    public func versions(_ principal: Principal, code: String) async throws -> [UnitVersion] {
        let unit = try await get(principal, code: code)
        return try await db.read { sql in try await UnitHistory.all(sql, unitId: unit.id) }
    }

    /// Creates a unit under a parent in scope (a root only for an administrator of the whole tree).
    public func create(_ principal: Principal, _ draft: UnitDraft) async throws -> OrgUnit {
        try principal.requireWrite()
        return try await db.write { sql in
            try await Self.create(sql, principal: principal, draft: draft)
        }
    }

    static func create(_ sql: any SQLDatabase, principal: Principal, draft: UnitDraft) async throws -> OrgUnit {
        let parentCode = draft.parentCode.trimmed
        var parent: OrgUnit? = nil
        if parentCode.isEmpty {
            guard principal.isRootScope, principal.role.canManageAccounts else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.rootNeedsAdmin)])
            }
        } else {
            parent = try await UnitStore.find(sql, code: parentCode)
            guard let found = parent, principal.sees(path: found.path) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.parentNotFound(parentCode))])
            }
        }
        let valid = try UnitRules.check(draft, parentKind: parent?.kind).get()
        if try await UnitStore.codeTaken(sql, code: valid.code) {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.unitCodeTaken(valid.code))])
        }
        if let parent {
            try await checkParentHolds(sql, parent: parent, from: valid.foundedOn, until: valid.dissolvedOn)
        }
        let unit = try await UnitStore.insert(
            sql, valid, parent: parent.map { (id: $0.id, code: $0.code, path: $0.path, depth: $0.depth) })
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "create", entity: "unit", key: unit.code,
            unitPath: unit.path, old: nil, new: unit.auditValues.merging(["version": "1"]) { $1 })
        return unit
    }

    /// A unit entered with its dates sits under its parent's newest version: the parent must exist from the
    /// child's founding on (the tree is never rewritten in the past) and not end before the child does.
    static func checkParentHolds(_ sql: any SQLDatabase, parent: OrgUnit, from founded: CivilDate?, until dissolved: CivilDate?) async throws {
        guard let newest = try await UnitHistory.latest(sql, unitId: parent.id) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.parentNotFound(parent.code))])
        }
        let from = founded ?? UnitVersion.epoch
        if newest.validFrom > from && founded != nil {
            throw DomainError.invalid(
                Catalogue.invalidInput, [FieldError("founded_on", Catalogue.laterChangeExists(parent.code, VietnameseFormat.date(from)))])
        }
        if let end = newest.validTo, dissolved.map({ $0 > end }) ?? true {
            throw DomainError.invalid(
                Catalogue.invalidInput, [FieldError("parent_code", Catalogue.unitNotOnDate(parent.code, VietnameseFormat.date(end)))])
        }
    }

    /// Saves new attributes if the record is still at `expectedVersion`; otherwise refuses with what changed meanwhile.
    public func update(_ principal: Principal, code: String, _ draft: UnitDraft, expectedVersion: Int) async throws -> OrgUnit {
        try await db.write { sql in
            try await Self.update(sql, principal: principal, code: code, draft: draft, expectedVersion: expectedVersion)
        }
    }

    /// Corrects what was entered (name, kind, sector, committee, founding date). Moving and dissolving are dated
    /// restructuring events (`RestructuringService`), so a different parent or dissolution date here is refused.
    static func update(_ sql: any SQLDatabase, principal: Principal, code: String, draft: UnitDraft, expectedVersion: Int)
        async throws -> OrgUnit
    {
        guard let current = try await UnitStore.find(sql, code: code), principal.sees(path: current.path) else {
            throw DomainError.notFound(Catalogue.unitNotFound)
        }
        // Scope first: outside it the answer is "not found", whatever the role.
        try principal.requireWrite()
        if current.version != expectedVersion {
            throw try await conflict(sql, current: current, baseVersion: expectedVersion, submitted: draft)
        }
        var draft = draft
        if draft.code.trimmed.isEmpty { draft.code = current.code }
        if draft.code != current.code {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.forbidden)])
        }
        if draft.parentCode.trimmed != (current.parentCode ?? "") {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.useRestructuring)])
        }
        if CivilDate(parsing: draft.dissolvedOn) != current.dissolvedOn {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("dissolved_on", Catalogue.useRestructuring)])
        }
        let parent = try await current.parentCode.asyncMap { try await UnitStore.find(sql, code: $0) } ?? nil
        let valid = try UnitRules.check(draft, parentKind: parent?.kind).get()
        if valid.kind != current.kind {
            let children = try await sql.raw("SELECT DISTINCT kind FROM units WHERE parent_id = \(bind: current.id)").all()
                .compactMap { UnitKind(rawValue: try $0.decode(column: "kind", as: String.self)) }
            if children.contains(where: { $0.order <= valid.kind.order }) {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.kindConflictsWithChildren)])
            }
        }
        guard let updated = try await UnitStore.update(sql, current: current, to: valid) else {
            // Another save committed after `current` was read (PostgreSQL waited on its row lock): show that one.
            let now = try await UnitStore.find(sql, code: code) ?? current
            throw try await conflict(sql, current: now, baseVersion: expectedVersion, submitted: draft)
        }
        if updated.auditValues != current.auditValues {
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: "unit", key: updated.code,
                unitPath: updated.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: updated.auditValues.merging(["version": String(updated.version)]) { $1 })
        }
        return updated
    }

    /// The refusal of a stale save: what differs between the version the user started from and the current one
    /// (from the audit log), or, when that version is unknown, between the user's input and the current record.
    static func conflict(_ sql: any SQLDatabase, current: OrgUnit, baseVersion: Int, submitted: UnitDraft) async throws
        -> DomainError
    {
        try await AuditLog.staleSave(
            sql, entity: "unit", key: current.code, baseVersion: baseVersion, current: current.auditValues,
            currentVersion: current.version, fallback: submitted.auditValues)
    }

    /// The audit entries of a unit, oldest first; a unit created by a bulk import starts with that import's entry.
    public func history(_ principal: Principal, code: String) async throws -> [AuditEntry] {
        let unit = try await get(principal, code: code)
        return try await db.read { sql in
            try await AuditLog.history(sql, entity: "unit", key: unit.code, importedInto: "units", rowId: unit.id)
        }
    }
}

extension UnitService {
    /// How many units of each kind lie in the subtree of `unit` (itself included) today: dissolved ones do not count, as
    /// in the unit list these counts link to.
    public func countsByKind(_ principal: Principal, under unit: OrgUnit, today: CivilDate = Timestamp.vietnamDate()) async throws -> [UnitKind: Int]
    {
        guard principal.sees(path: unit.path) else { throw DomainError.notFound(Catalogue.unitNotFound) }
        let range = PathRange.of(unit.path)
        return try await db.read { sql in
            var counts: [UnitKind: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT v.kind, COUNT(*) AS n FROM unit_versions v WHERE v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper)
                AND \(UnitHistory.at(today)) GROUP BY v.kind
                """
            ).all() {
                if let kind = UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) {
                    counts[kind] = try row.decode(column: "n", as: Int.self)
                }
            }
            return counts
        }
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        switch self {
        case .some(let value): return try await transform(value)
        case .none: return nil
        }
    }
}
