import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// One effective-dated version of a unit: its attributes and parent in `[validFrom, validTo)`.
public struct UnitVersion: Sendable, Equatable {
    public var id: Int64
    public var unitId: Int64
    public var code: String
    public var validFrom: CivilDate
    public var validTo: CivilDate?
    public var name: String
    public var kind: UnitKind
    public var sector: Sector
    public var hasCommittee: Bool
    public var parentId: Int64?
    public var parentCode: String?
    public var path: String
    public var depth: Int
    public var eventId: Int64?

    /// The beginning of time for units founded on an unknown date.
    static let epoch = CivilDate(year: 1, month: 1, day: 1)!

    public var foundedKnown: Bool { validFrom != Self.epoch }
}

/// SQL for unit versions. "Live" means not voided by a correction.
enum UnitHistory {
    static let columns = """
        v.id, v.unit_id, u.code, v.valid_from, v.valid_to, v.name, v.kind, v.sector, v.has_committee, v.parent_id, p.code AS parent_code,
        v.path, v.depth, v.event_id
        """
    static let from = "unit_versions v JOIN units u ON u.id = v.unit_id LEFT JOIN units p ON p.id = v.parent_id"
    static let live = "v.voided_by_event_id IS NULL"

    static func at(_ date: CivilDate) -> SQLQueryString {
        "v.valid_from <= \(bind: date.iso) AND (v.valid_to IS NULL OR v.valid_to > \(bind: date.iso)) AND v.voided_by_event_id IS NULL"
    }

    static func version(from row: any SQLRow) throws -> UnitVersion {
        UnitVersion(
            id: try row.decode(column: "id", as: Int64.self), unitId: try row.decode(column: "unit_id", as: Int64.self),
            code: try row.decode(column: "code", as: String.self),
            validFrom: CivilDate(parsing: try row.decode(column: "valid_from", as: String.self)) ?? UnitVersion.epoch,
            validTo: try row.decode(column: "valid_to", as: String?.self).flatMap { CivilDate(parsing: $0) },
            name: try row.decode(column: "name", as: String.self),
            kind: UnitKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .cell,
            sector: Sector(rawValue: try row.decode(column: "sector", as: String.self)) ?? .other,
            hasCommittee: try row.decode(column: "has_committee", as: Int.self) != 0,
            parentId: try row.decode(column: "parent_id", as: Int64?.self),
            parentCode: try row.decode(column: "parent_code", as: String?.self),
            path: try row.decode(column: "path", as: String.self), depth: try row.decode(column: "depth", as: Int.self),
            eventId: try row.decode(column: "event_id", as: Int64?.self))
    }

    /// The version of a unit valid on a date, if the unit existed then.
    static func version(_ sql: any SQLDatabase, unitId: Int64, on date: CivilDate) async throws -> UnitVersion? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.unit_id = \(bind: unitId) AND \(at(date))")
            .first().map(version)
    }

    /// The versions of many units on a date, 500 units a statement.
    static func versions(_ sql: any SQLDatabase, unitIds: some Collection<Int64>, on date: CivilDate) async throws -> [Int64: UnitVersion] {
        var out: [Int64: UnitVersion] = [:]
        for chunk in Batches.of(Array(Set(unitIds))) {
            for row in try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.unit_id IN (\(binds: chunk)) AND \(at(date))").all() {
                let found = try version(from: row)
                out[found.unitId] = found
            }
        }
        return out
    }

    static func version(_ sql: any SQLDatabase, code: String, on date: CivilDate) async throws -> UnitVersion? {
        try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE u.code = \(bind: code) AND \(at(date))")
            .first().map(version)
    }

    /// The newest live version of a unit (open-ended unless it was dissolved).
    static func latest(_ sql: any SQLDatabase, unitId: Int64) async throws -> UnitVersion? {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.unit_id = \(bind: unitId) AND \(unsafeRaw: live) ORDER BY v.valid_from DESC, v.id DESC LIMIT 1"
        ).first().map(version)
    }

    static func all(_ sql: any SQLDatabase, unitId: Int64) async throws -> [UnitVersion] {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.unit_id = \(bind: unitId) AND \(unsafeRaw: live) ORDER BY v.valid_from, v.id"
        ).all().map(version)
    }

    /// The subtree of `root` as of `date` cut into at most `count` contiguous ranges of paths, for reading in parallel:
    /// the children (in path order) are dealt into groups of consecutive siblings; the first range starts at the root
    /// itself and the last ends where the subtree does, so the ranges cover the subtree exactly and never overlap.
    static func partitions(
        _ sql: any SQLDatabase, of root: (unitId: Int64, path: String), on date: CivilDate, into count: Int
    ) async throws -> [(lower: String, upper: String)] {
        let whole = PathRange.of(root.path)
        let children = try await sql.raw(
            "SELECT v.path FROM unit_versions v WHERE v.parent_id = \(bind: root.unitId) AND \(at(date)) ORDER BY v.path"
        ).all().map { try $0.decode(column: "path", as: String.self) }
        return pathPartitions(whole: whole, childPaths: children, count: count)
    }

    /// `partitions` without the database: the boundaries are the first child path of each group but the first.
    static func pathPartitions(
        whole: (lower: String, upper: String), childPaths: [String], count: Int
    ) -> [(lower: String, upper: String)] {
        let groups = max(1, min(count, childPaths.count))
        guard groups > 1 else { return [whole] }
        let cuts = (1..<groups).map { childPaths[$0 * childPaths.count / groups] }
        let bounds = [whole.lower] + cuts + [whole.upper]
        return (0..<groups).map { (bounds[$0], bounds[$0 + 1]) }
    }

    /// Every version valid on `date` in the subtree whose path (on that date) starts with `path`.
    static func subtree(_ sql: any SQLDatabase, path: String, on date: CivilDate) async throws -> [UnitVersion] {
        let range = PathRange.of(path)
        return try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper) AND \(at(date)) ORDER BY v.path"
        ).all().map(version)
    }

    /// The direct sub-units valid on `date`.
    static func children(_ sql: any SQLDatabase, parentId: Int64, on date: CivilDate) async throws -> [UnitVersion] {
        try await sql.raw(
            "SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE v.parent_id = \(bind: parentId) AND \(at(date)) ORDER BY u.code"
        ).all().map(version)
    }

    static func insert(_ sql: any SQLDatabase, _ v: UnitVersion, eventId: Int64?) async throws {
        try await sql.raw(
            """
            INSERT INTO unit_versions (unit_id, valid_from, valid_to, name, name_folded, kind, sector, has_committee, parent_id, path, depth, event_id)
            VALUES (\(bind: v.unitId), \(bind: v.validFrom.iso), \(bind: v.validTo?.iso), \(bind: v.name), \(bind: VietnameseText.fold(v.name)),
                    \(bind: v.kind.rawValue), \(bind: v.sector.rawValue), \(bind: v.hasCommittee ? 1 : 0), \(bind: v.parentId), \(bind: v.path),
                    \(bind: v.depth), \(bind: eventId))
            """
        ).run()
    }

    /// Ends `current` on `date` and, unless `change` is nil (dissolution), opens a changed copy from that date.
    /// Only the newest version can be superseded: history already written stays as it is.
    static func supersede(
        _ sql: any SQLDatabase, _ current: UnitVersion, on date: CivilDate, eventId: Int64, change: ((inout UnitVersion) -> Void)?
    ) async throws {
        guard current.validTo == nil, current.validFrom <= date else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("effective_on", Catalogue.laterChangeExists(current.code, VietnameseFormat.date(date)))])
        }
        try await sql.raw("UPDATE unit_versions SET valid_to = \(bind: date.iso) WHERE id = \(bind: current.id)").run()
        try await recordClosed(sql, eventId: eventId, versionId: current.id)
        if let change {
            var next = current
            next.validFrom = date
            next.validTo = nil
            change(&next)
            try await insert(sql, next, eventId: eventId)
        }
    }

    /// Which versions an event closed, so that a correction can reopen them.
    static func recordClosed(_ sql: any SQLDatabase, eventId: Int64, versionId: Int64) async throws {
        try await sql.raw("INSERT INTO unit_event_closures (event_id, version_id) VALUES (\(bind: eventId), \(bind: versionId))").run()
    }

    /// Copies the newest live version into the `units` row (the register's current state) for each unit.
    static func refreshSnapshot(_ sql: any SQLDatabase, unitIds: [Int64]) async throws {
        for unitId in Set(unitIds) {
            let versions = try await all(sql, unitId: unitId)
            guard let newest = versions.last, let first = versions.first else {
                // Every version voided (a corrected founding): the unit never existed.
                try await sql.raw(
                    "UPDATE units SET dissolved_on = founded_on, version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: unitId)"
                ).run()
                continue
            }
            try await sql.raw(
                """
                UPDATE units SET name = \(bind: newest.name), name_folded = \(bind: VietnameseText.fold(newest.name)), kind = \(bind: newest.kind.rawValue),
                    sector = \(bind: newest.sector.rawValue), has_committee = \(bind: newest.hasCommittee ? 1 : 0), parent_id = \(bind: newest.parentId),
                    path = \(bind: newest.path), depth = \(bind: newest.depth), founded_on = \(bind: first.foundedKnown ? first.validFrom.iso : nil),
                    dissolved_on = \(bind: newest.validTo?.iso), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: unitId)
                """
            ).run()
        }
    }
}
