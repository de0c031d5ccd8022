import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// An agency with its depth in the agencies tree, for lists drawn as a tree.
public struct AgencyRow: Sendable, Equatable {
    public let agency: Agency
    public let depth: Int
}

/// The tree of non-party agencies (DOMAIN.md §3: government, Fatherland Front, mass organizations): list, read, create,
/// edit. An agency belongs to the scope of the party unit that leads it.
public struct AgencyService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Agencies of the principal's subtree (or of a unit's), parents before their sub-agencies; a query (name or code,
    /// accents ignored) lists matches flat.
    public func list(_ principal: Principal, query: String = "", unitCode: String = "", page: Int = 1, perPage: Int = 50) async throws
        -> Page<AgencyRow>
    {
        let range = try await scopeRange(principal, unitCode: unitCode)
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        let folded = VietnameseText.fold(query)
        let all = try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.agencyColumns), a.name_folded FROM \(unsafeRaw: CadreStore.agencyFrom)
                WHERE au.path >= \(bind: range.lower) AND au.path < \(bind: range.upper) ORDER BY a.name_folded, a.code
                """
            ).all().map { row in (try CadreStore.agency(from: row), try row.decode(column: "name_folded", as: String.self)) }
        }
        var rows: [AgencyRow]
        if folded.isEmpty {
            rows = Self.treeOrder(all.map(\.0))
        } else {
            rows = all.filter { $0.1.contains(folded) || $0.0.code.lowercased().contains(folded) }.map { AgencyRow(agency: $0.0, depth: 0) }
        }
        let total = rows.count
        rows = Array(rows.dropFirst((page - 1) * perPage).prefix(perPage))
        return Page(items: rows, page: page, perPage: perPage, total: total)
    }

    /// Parents before children; an agency whose parent is not in the list starts a tree of its own.
    static func treeOrder(_ agencies: [Agency]) -> [AgencyRow] {
        let codes = Set(agencies.map(\.code))
        var children: [String: [Agency]] = [:]
        var roots: [Agency] = []
        for agency in agencies {
            if let parent = agency.parentCode, codes.contains(parent) { children[parent, default: []].append(agency) } else { roots.append(agency) }
        }
        var out: [AgencyRow] = []
        var seen: Set<String> = []
        func walk(_ agency: Agency, _ depth: Int) {
            guard seen.insert(agency.code).inserted else { return }
            out.append(AgencyRow(agency: agency, depth: depth))
            for child in children[agency.code] ?? [] { walk(child, depth + 1) }
        }
        for root in roots { walk(root, 0) }
        return out
    }

    func scopeRange(_ principal: Principal, unitCode: String) async throws -> (lower: String, upper: String) {
        guard !unitCode.isEmpty else { return principal.pathRange }
        guard let unit = try await db.read({ sql in try await UnitStore.find(sql, code: unitCode) }), principal.sees(path: unit.path) else {
            throw DomainError.notFound(Catalogue.unitNotFound)
        }
        return PathRange.of(unit.path)
    }

    /// One agency; `notFound` outside the principal's subtree.
    public func get(_ principal: Principal, code: String) async throws -> Agency {
        let agency = try await db.read { sql in try await CadreStore.findAgency(sql, code: code) }
        guard let agency, principal.sees(path: agency.unitPath) else { throw DomainError.notFound(Catalogue.agencyNotFound) }
        return agency
    }

    /// The direct sub-agencies of an agency.
    public func children(_ principal: Principal, of agency: Agency) async throws -> [Agency] {
        try await db.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: CadreStore.agencyColumns) FROM \(unsafeRaw: CadreStore.agencyFrom) WHERE a.parent_id = \(bind: agency.id) ORDER BY a.code"
            ).all().map(CadreStore.agency)
        }.filter { principal.sees(path: $0.unitPath) }
    }

    public func create(_ principal: Principal, _ draft: AgencyDraft) async throws -> Agency {
        try principal.requireWrite()
        let valid = try AgencyRules.check(draft).get()
        return try await db.write { sql in
            let refs = try await Self.references(sql, principal: principal, valid, except: nil)
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO agencies (code, name, name_folded, kind, parent_id, unit_id, version, created_at, updated_at)
                VALUES (\(bind: valid.code), \(bind: valid.name), \(bind: VietnameseText.fold(valid.name)), \(bind: valid.kind.rawValue),
                        \(bind: refs.parentId), \(bind: refs.unitId), 1, \(bind: now), \(bind: now))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            let agency = try await CadreStore.findAgency(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "agency", key: agency.code,
                unitPath: agency.unitPath, old: nil, new: agency.auditValues.merging(["version": "1"]) { $1 })
            return agency
        }
    }

    /// Saves a corrected agency if it is still at `expectedVersion`; otherwise refuses with what changed meanwhile.
    public func update(_ principal: Principal, code: String, _ draft: AgencyDraft, expectedVersion: Int) async throws -> Agency {
        try await db.write { sql in
            guard let current = try await CadreStore.findAgency(sql, code: code), principal.sees(path: current.unitPath) else {
                throw DomainError.notFound(Catalogue.agencyNotFound)
            }
            try principal.requireWrite()
            var fixed = draft
            fixed.code = code
            let valid = try AgencyRules.check(fixed).get()
            if current.version != expectedVersion { throw try await Self.conflict(sql, current: current, baseVersion: expectedVersion) }
            let refs = try await Self.references(sql, principal: principal, valid, except: current.id)
            let changed = try await sql.raw(
                """
                UPDATE agencies SET name = \(bind: valid.name), name_folded = \(bind: VietnameseText.fold(valid.name)), kind = \(bind: valid.kind.rawValue),
                    parent_id = \(bind: refs.parentId), unit_id = \(bind: refs.unitId), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: current.id) AND version = \(bind: expectedVersion) RETURNING id
                """
            ).first()
            guard changed != nil else {
                // Another save committed after `current` was read: the refusal shows that one.
                let now = try await CadreStore.findAgency(sql, id: current.id) ?? current
                throw try await Self.conflict(sql, current: now, baseVersion: expectedVersion)
            }
            let updated = try await CadreStore.findAgency(sql, id: current.id)!
            if updated.auditValues != current.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: "agency", key: code,
                    unitPath: updated.unitPath, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: updated.auditValues.merging(["version": String(updated.version)]) { $1 })
            }
            return updated
        }
    }

    public func history(_ principal: Principal, code: String) async throws -> [AuditEntry] {
        let agency = try await get(principal, code: code)
        return try await db.read { sql in try await AuditLog.history(sql, entity: "agency", key: agency.code) }
    }

    static func conflict(_ sql: any SQLDatabase, current: Agency, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleSave(
            sql, entity: "agency", key: current.code, baseVersion: baseVersion, current: current.auditValues, currentVersion: current.version,
            fallback: [:])
    }

    /// The leading unit and the parent agency must exist in scope; a code names one agency or unit only; no cycles.
    static func references(_ sql: any SQLDatabase, principal: Principal, _ valid: ValidAgency, except id: Int64?) async throws
        -> (unitId: Int64, parentId: Int64?)
    {
        var errors: [FieldError] = []
        let unit = try await UnitStore.find(sql, code: valid.unitCode)
        if unit == nil || !principal.sees(path: unit!.path) { errors.append(FieldError("unit_code", Catalogue.unitNotFound)) }
        var parentId: Int64? = nil
        if let parentCode = valid.parentCode {
            if let parent = try await CadreStore.findAgency(sql, code: parentCode), principal.sees(path: parent.unitPath) {
                parentId = parent.id
                // Walk up from the parent: reaching the agency itself would make a cycle.
                var next: Agency? = parent
                var steps = 0
                while let current = next, steps < 1000 {
                    if current.id == id { errors.append(FieldError("parent_code", Catalogue.cycle)); break }
                    next = try await current.parentCode.asyncFlatMap { try await CadreStore.findAgency(sql, code: $0) }
                    steps += 1
                }
            } else {
                errors.append(FieldError("parent_code", Catalogue.parentNotFound(parentCode)))
            }
        }
        if id == nil {
            let agencyTaken = try await CadreStore.findAgency(sql, code: valid.code) != nil
            let unitTaken = try await UnitStore.find(sql, code: valid.code) != nil
            if agencyTaken || unitTaken { errors.append(FieldError("code", Catalogue.agencyCodeTaken)) }
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return (unit!.id, parentId)
    }
}

extension Optional {
    /// `flatMap` with an async transform.
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
