import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// One agency's quota for one year, as recorded.
public struct StaffingQuota: Sendable, Equatable {
    public let agency: Agency
    public let year: Int
    public let figures: StaffingFigures
    public let version: Int
    public let updatedAt: String

    public var key: String { StaffingService.auditKey(agency.code, year) }
}

/// An agency of the list in tree order, with its quota for the year when it has one.
public struct StaffingRow: Sendable, Equatable {
    public let agency: Agency
    public let depth: Int
    public let figures: StaffingFigures?
    public let version: Int?
    /// Whether the totals count this row: it has figures and no agency above it in the list has any.
    public let countsInTotals: Bool
}

/// The staffing list of one year for a subtree: a page of rows and the totals of the whole list.
public struct StaffingReport: Sendable {
    public let year: Int
    public let unitCode: String
    public let rows: Page<StaffingRow>
    public let totals: StaffingFigures
    public var progressPercent: Double? { totals.progressPercent }
}

/// Staffing quotas (biên chế) per agency and year (DOMAIN.md §3): list in tree order with totals, read, save with an
/// optimistic version check, history, export. Every save checks the quota against the parent's and the children's.
public struct StaffingService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "staffing_quota"
    static func auditKey(_ code: String, _ year: Int) -> String { "\(code)/\(year)" }

    static func checkYear(_ year: Int) throws {
        if !StaffingRules.isValidYear(year) { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("year", Catalogue.staffingInvalidYear)]) }
    }

    /// The agencies of the principal's subtree (or of a unit's) in tree order, with their figures for `year`.
    public func list(_ principal: Principal, year: Int, unitCode: String = "", page: Int = 1, perPage: Int = 100) async throws -> StaffingReport {
        let all = try await rows(principal, year: year, unitCode: unitCode)
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        let totals = all.filter(\.countsInTotals).compactMap(\.figures).reduce(StaffingFigures.zero, +)
        let items = Array(all.dropFirst((page - 1) * perPage).prefix(perPage))
        return StaffingReport(
            year: year, unitCode: unitCode.isEmpty ? principal.unitCode : unitCode, rows: Page(items: items, page: page, perPage: perPage, total: all.count),
            totals: totals)
    }

    /// Every row of the list (for exports).
    public func rows(_ principal: Principal, year: Int, unitCode: String = "") async throws -> [StaffingRow] {
        try Self.checkYear(year)
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode)
        let found = try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: CadreStore.agencyColumns), q.assigned, q.actual, q.reduction_target, q.reduced, q.note, q.version AS quota_version
                FROM \(unsafeRaw: CadreStore.agencyFrom) LEFT JOIN staffing_quotas q ON q.agency_id = a.id AND q.year = \(bind: year)
                WHERE au.path >= \(bind: range.lower) AND au.path < \(bind: range.upper) ORDER BY a.name_folded, a.code
                """
            ).all().map { row -> (Agency, StaffingFigures?, Int?) in
                let agency = try CadreStore.agency(from: row)
                guard let version = try row.decode(column: "quota_version", as: Int?.self) else { return (agency, nil, nil) }
                return (agency, try Self.figures(row), version)
            }
        }
        let byCode = Dictionary(found.map { ($0.0.code, $0) }, uniquingKeysWith: { a, _ in a })
        return AgencyService.treeOrder(found.map(\.0)).map { row in
            let (_, figures, version) = byCode[row.agency.code]!
            // Counted in the totals unless an agency above it in the list has figures (they include its own).
            var counts = figures != nil
            var parent = row.agency.parentCode
            var steps = 0
            while counts, let code = parent, let above = byCode[code], steps < 1000 {
                if above.1 != nil { counts = false }
                parent = above.0.parentCode
                steps += 1
            }
            return StaffingRow(agency: row.agency, depth: row.depth, figures: figures, version: version, countsInTotals: counts)
        }
    }

    /// The quota of an agency in scope for a year; nil when none is recorded (`notFound` for an agency outside scope).
    public func get(_ principal: Principal, agencyCode: String, year: Int) async throws -> StaffingQuota? {
        try Self.checkYear(year)
        let agency = try await AgencyService(db: db).get(principal, code: agencyCode)
        return try await db.read { sql in try await Self.find(sql, agency: agency, year: year) }
    }

    /// Records or corrects an agency's figures for a year. `expectedVersion` is the version the user started from (0 for
    /// a year not recorded yet); a save over someone else's is refused with what changed. The quota must fit in the
    /// parent's and cover the children's (`StaffingRules.quotaProblems`).
    public func save(_ principal: Principal, agencyCode: String, year: Int, _ draft: StaffingDraft, expectedVersion: Int) async throws -> StaffingQuota {
        try Self.checkYear(year)
        let agency = try await AgencyService(db: db).get(principal, code: agencyCode)
        try principal.requireWrite()
        let figures = try StaffingRules.check(draft).get()
        return try await db.write { sql in
            // Saves of a parent and of its children are serialized on the parent's row (SQLite writes one at a time).
            if sql.dialect.name == "postgresql" {
                let parentId = try await sql.raw("SELECT parent_id FROM agencies WHERE id = \(bind: agency.id)").first()?
                    .decode(column: "parent_id", as: Int64?.self)
                _ = try await sql.raw(
                    "SELECT id FROM agencies WHERE id = \(bind: agency.id) OR id = \(bind: parentId ?? agency.id) ORDER BY id FOR UPDATE"
                ).all()
            }
            let current = try await Self.find(sql, agency: agency, year: year)
            if let current, current.version != expectedVersion {
                throw try await Self.conflict(sql, current: current, baseVersion: expectedVersion)
            }
            if current == nil && expectedVersion != 0 {
                // The row the user edited is gone: cannot happen (quotas are never deleted) unless the version is made up.
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.outOfRange(0, 0))])
            }
            let around = try await Self.neighbourhood(sql, agency: agency, year: year)
            let problems = StaffingRules.quotaProblems(assigned: figures.assigned, around: around)
            if !problems.isEmpty { throw DomainError.invalid(problems[0].message, problems) }
            let now = Timestamp.now()
            if let current {
                let changed = try await sql.raw(
                    """
                    UPDATE staffing_quotas SET assigned = \(bind: figures.assigned), actual = \(bind: figures.actual),
                        reduction_target = \(bind: figures.reductionTarget), reduced = \(bind: figures.reduced), note = \(bind: figures.note.isEmpty ? nil : figures.note),
                        version = version + 1, updated_at = \(bind: now)
                    WHERE agency_id = \(bind: agency.id) AND year = \(bind: year) AND version = \(bind: expectedVersion) RETURNING id
                    """
                ).first()
                guard changed != nil else { throw try await Self.conflict(sql, current: current, baseVersion: expectedVersion) }
            } else {
                try await sql.raw(
                    """
                    INSERT INTO staffing_quotas (agency_id, year, assigned, actual, reduction_target, reduced, note, version, created_at, updated_at)
                    VALUES (\(bind: agency.id), \(bind: year), \(bind: figures.assigned), \(bind: figures.actual), \(bind: figures.reductionTarget),
                        \(bind: figures.reduced), \(bind: figures.note.isEmpty ? nil : figures.note), 1, \(bind: now), \(bind: now))
                    """
                ).run()
            }
            let saved = try await Self.find(sql, agency: agency, year: year)!
            if current?.figures != saved.figures {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: current == nil ? "create" : "update", entity: Self.entity,
                    key: saved.key, unitPath: agency.unitPath,
                    old: current.map { $0.figures.auditValues.merging(["version": String($0.version)]) { $1 } },
                    new: saved.figures.auditValues.merging(["version": String(saved.version)]) { $1 })
            }
            return saved
        }
    }

    /// Changes to an agency's quota of a year, oldest first.
    public func history(_ principal: Principal, agencyCode: String, year: Int) async throws -> [AuditEntry] {
        try Self.checkYear(year)
        let agency = try await AgencyService(db: db).get(principal, code: agencyCode)
        return try await db.read { sql in try await AuditLog.history(sql, entity: Self.entity, key: Self.auditKey(agency.code, year)) }
    }

    /// The list as a spreadsheet: header first, one line per agency in tree order, totals last.
    public func exportRows(_ principal: Principal, year: Int, unitCode: String = "") async throws -> [[String]] {
        let rows = try await rows(principal, year: year, unitCode: unitCode)
        let language = principal.language
        let header = [
            Catalogue.code, Catalogue.staffingAgency, Catalogue.parentCode, Catalogue.quotaAssigned, Catalogue.quotaActual, Catalogue.quotaOver,
            Catalogue.reductionTarget, Catalogue.reductionAchieved, Catalogue.reductionProgress, Catalogue.note,
        ].map { $0.text(language) }
        func line(_ code: String, _ name: String, _ parent: String, _ f: StaffingFigures?) -> [String] {
            guard let f else { return [code, name, parent, "", "", "", "", "", "", ""] }
            let progress = f.progressPercent.map { language == .vi ? VietnameseFormat.percent($0, fractionDigits: 1) : EnglishFormat.percent($0, fractionDigits: 1) } ?? ""
            return [code, name, parent, String(f.assigned), String(f.actual), String(f.overQuota), String(f.reductionTarget), String(f.reduced), progress, f.note]
        }
        let totals = rows.filter(\.countsInTotals).compactMap(\.figures).reduce(StaffingFigures.zero, +)
        return [header] + rows.map { line($0.agency.code, $0.agency.name, $0.agency.parentCode ?? "", $0.figures) }
            + [line("", Catalogue.staffingTotals.text(language), "", totals)]
    }

    // MARK: SQL

    static func figures(_ row: any SQLRow) throws -> StaffingFigures {
        StaffingFigures(
            assigned: try row.decode(column: "assigned", as: Int.self), actual: try row.decode(column: "actual", as: Int.self),
            reductionTarget: try row.decode(column: "reduction_target", as: Int.self), reduced: try row.decode(column: "reduced", as: Int.self),
            note: try row.decode(column: "note", as: String?.self) ?? "")
    }

    static func find(_ sql: any SQLDatabase, agency: Agency, year: Int) async throws -> StaffingQuota? {
        try await sql.raw(
            "SELECT assigned, actual, reduction_target, reduced, note, version, updated_at FROM staffing_quotas WHERE agency_id = \(bind: agency.id) AND year = \(bind: year)"
        ).first().map { row in
            StaffingQuota(
                agency: agency, year: year, figures: try figures(row), version: try row.decode(column: "version", as: Int.self),
                updatedAt: try row.decode(column: "updated_at", as: String.self))
        }
    }

    /// The parent's quota, its other children's and this agency's children's, for the check.
    static func neighbourhood(_ sql: any SQLDatabase, agency: Agency, year: Int) async throws -> QuotaNeighbourhood {
        func sum(parentId: Int64, except id: Int64?) async throws -> Int {
            try await sql.raw(
                """
                SELECT CAST(COALESCE(SUM(q.assigned), 0) AS BIGINT) AS n FROM staffing_quotas q JOIN agencies a ON a.id = q.agency_id
                WHERE a.parent_id = \(bind: parentId) AND q.year = \(bind: year) AND a.id <> \(bind: id ?? 0)
                """
            ).first()!.decode(column: "n", as: Int.self)
        }
        var parentName: String? = nil
        var parentAssigned: Int? = nil
        var siblings = 0
        if let code = agency.parentCode, let parent = try await CadreStore.findAgency(sql, code: code) {
            parentName = parent.name
            parentAssigned = try await find(sql, agency: parent, year: year)?.figures.assigned
            siblings = try await sum(parentId: parent.id, except: agency.id)
        }
        return QuotaNeighbourhood(
            agency: agency.name, year: year, parent: parentName, parentAssigned: parentAssigned, siblingsAssigned: siblings,
            childrenAssigned: try await sum(parentId: agency.id, except: nil))
    }

    static func conflict(_ sql: any SQLDatabase, current: StaffingQuota, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleSave(
            sql, entity: entity, key: current.key, baseVersion: baseVersion, current: current.figures.auditValues, currentVersion: current.version,
            fallback: [:])
    }
}
