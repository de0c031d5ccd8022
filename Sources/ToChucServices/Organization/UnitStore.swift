import SQLKit
import ToChucDomain
import ToChucStorage

/// SQL for units, used by the services inside their reads and transactions.
enum UnitStore {
    static let columns =
        "u.id, u.code, u.name, u.kind, u.sector, u.has_committee, u.founded_on, u.dissolved_on, u.path, u.depth, u.version, p.code AS parent_code"
    static let from = "units u LEFT JOIN units p ON p.id = u.parent_id"

    static func unit(from row: any SQLRow) throws -> OrgUnit {
        OrgUnit(
            id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .cell,
            parentCode: try row.decode(column: "parent_code", as: String?.self),
            sector: Sector(rawValue: try row.decode(column: "sector", as: String.self)) ?? .other,
            hasCommittee: try row.decode(column: "has_committee", as: Int.self) != 0,
            foundedOn: try row.decode(column: "founded_on", as: String?.self).flatMap { CivilDate(parsing: $0) },
            dissolvedOn: try row.decode(column: "dissolved_on", as: String?.self).flatMap { CivilDate(parsing: $0) },
            path: try row.decode(column: "path", as: String.self), depth: try row.decode(column: "depth", as: Int.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func find(_ sql: any SQLDatabase, code: String) async throws -> OrgUnit? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE u.code = \(bind: code)").first().map(unit)
    }

    /// Units by code, 500 codes a statement (a national file names hundreds of thousands); unknown codes are absent.
    static func find(_ sql: any SQLDatabase, codes: some Collection<String>) async throws -> [String: OrgUnit] {
        var out: [String: OrgUnit] = [:]
        for chunk in Batches.of(Array(Set(codes))) {
            for row in try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE u.code IN (\(binds: chunk))").all() {
                let found = try unit(from: row)
                out[found.code] = found
            }
        }
        return out
    }

    /// Whether a code is taken by a party unit or an agency: positions.csv names either by code, so they share one set.
    static func codeTaken(_ sql: any SQLDatabase, code: String) async throws -> Bool {
        try await sql.raw("SELECT 1 AS x FROM units WHERE code = \(bind: code) UNION ALL SELECT 1 AS x FROM agencies WHERE code = \(bind: code)").first() != nil
    }

    static func count(_ sql: any SQLDatabase) async throws -> Int {
        try await sql.raw("SELECT COUNT(*) AS n FROM units").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Inserts a checked unit under a parent (its path and depth on the founding date; nil for a root), with its
    /// first version: from its founding date (or always, when unknown) to its dissolution date, if any.
    static func insert(
        _ sql: any SQLDatabase, _ unit: ValidUnit, parent: (id: Int64, code: String, path: String, depth: Int)?, eventId: Int64? = nil
    ) async throws -> OrgUnit {
        let now = Timestamp.now()
        let depth = (parent?.depth ?? -1) + 1
        let id = try await sql.raw(
            """
            INSERT INTO units (code, name, name_folded, kind, parent_id, sector, has_committee, founded_on, dissolved_on, path, depth, version, created_at, updated_at)
            VALUES (\(bind: unit.code), \(bind: unit.name), \(bind: VietnameseText.fold(unit.name)), \(bind: unit.kind.rawValue),
                    \(bind: parent?.id), \(bind: unit.sector.rawValue), \(bind: unit.hasCommittee ? 1 : 0), \(bind: unit.foundedOn?.iso),
                    \(bind: unit.dissolvedOn?.iso), '', \(bind: depth), 1, \(bind: now), \(bind: now))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        let path = (parent?.path ?? "/") + "\(id)/"
        try await sql.raw("UPDATE units SET path = \(bind: path) WHERE id = \(bind: id)").run()
        try await UnitHistory.insert(
            sql,
            UnitVersion(
                id: 0, unitId: id, code: unit.code, validFrom: unit.foundedOn ?? UnitVersion.epoch, validTo: unit.dissolvedOn,
                name: unit.name, kind: unit.kind, sector: unit.sector, hasCommittee: unit.hasCommittee, parentId: parent?.id,
                parentCode: parent?.code, path: path, depth: depth, eventId: eventId),
            eventId: eventId)
        return OrgUnit(
            id: id, code: unit.code, name: unit.name, kind: unit.kind, parentCode: parent?.code, sector: unit.sector,
            hasCommittee: unit.hasCommittee, foundedOn: unit.foundedOn, dissolvedOn: unit.dissolvedOn, path: path,
            depth: depth, version: 1)
    }

    /// Corrects the descriptive attributes (name, kind, sector, committee, founding date) of the register and of the
    /// newest version in place; `nil` when the record's version moved on. Parents and dissolution change only
    /// through dated restructuring events.
    static func update(_ sql: any SQLDatabase, current: OrgUnit, to unit: ValidUnit) async throws -> OrgUnit? {
        let changed = try await sql.raw(
            """
            UPDATE units SET name = \(bind: unit.name), name_folded = \(bind: VietnameseText.fold(unit.name)),
                kind = \(bind: unit.kind.rawValue), sector = \(bind: unit.sector.rawValue), has_committee = \(bind: unit.hasCommittee ? 1 : 0),
                founded_on = \(bind: unit.foundedOn?.iso), version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: current.id) AND version = \(bind: current.version)
            RETURNING id
            """
        ).first()
        guard changed != nil else { return nil }
        let versions = try await UnitHistory.all(sql, unitId: current.id)
        if let newest = versions.last {
            try await sql.raw(
                """
                UPDATE unit_versions SET name = \(bind: unit.name), name_folded = \(bind: VietnameseText.fold(unit.name)),
                    kind = \(bind: unit.kind.rawValue), sector = \(bind: unit.sector.rawValue), has_committee = \(bind: unit.hasCommittee ? 1 : 0)
                WHERE id = \(bind: newest.id)
                """
            ).run()
        }
        if let first = versions.first, unit.foundedOn != current.foundedOn {
            let from = unit.foundedOn ?? UnitVersion.epoch
            if let end = first.validTo, end <= from {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("founded_on", Catalogue.foundedAfterChange)])
            }
            try await sql.raw("UPDATE unit_versions SET valid_from = \(bind: from.iso) WHERE id = \(bind: first.id)").run()
        }
        return try await find(sql, code: current.code)
    }
}
