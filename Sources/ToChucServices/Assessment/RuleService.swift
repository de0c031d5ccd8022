import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A rule set version as listed: the shipped ones and those administrators added (with who and when).
public struct RuleSetRecord: Sendable, Equatable {
    /// nil for a shipped version.
    public let id: Int64?
    public let version: RuleSetVersion
    public let createdBy: String?
    public let createdAt: String?
    public let voidReason: String?

    public var isVoided: Bool { voidReason != nil }
}

/// Rule sets (issue 6): the thresholds of DOMAIN.md by regulation and effective date. Everyone may read them; an
/// administrator adds a version for a new regulation (no release needed) or voids a mistaken one, with its reason.
/// Each check asks for the version in force on the date it judges.
public struct RuleService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let entity = "rule_set"

    /// Every version of a family (every family when nil), shipped and added, voided ones included, newest first.
    public func list(family: RuleFamily? = nil) async throws -> [RuleSetRecord] {
        let added = try await db.read { sql in try await Self.added(sql) }
        let shipped = RuleBook.builtIn.map { RuleSetRecord(id: nil, version: $0, createdBy: nil, createdAt: nil, voidReason: nil) }
        return (shipped + added).filter { family == nil || $0.version.family == family }
            .sorted { ($0.version.family.rawValue, $1.version.effectiveFrom, $1.id ?? 0) < ($1.version.family.rawValue, $0.version.effectiveFrom, $0.id ?? 0) }
    }

    /// The version of a family a check on a date uses (shipped and added ones, voided ones left out;
    /// `RuleBook.applicable`).
    public func inForce(_ family: RuleFamily, on date: CivilDate) async throws -> RuleSetVersion {
        try await db.read { sql in try await Self.inForce(sql, family, on: date) }
    }

    static func inForce(_ sql: any SQLDatabase, _ family: RuleFamily, on date: CivilDate) async throws -> RuleSetVersion {
        guard let version = try await live(sql).inForce(family, on: date) else {
            throw DomainError.invalid(Catalogue.ruleNotFound, [FieldError("date", Catalogue.ruleNotFound)])
        }
        return version
    }

    /// Every live version (shipped and added, voided ones left out), read once for checks that judge many records or
    /// dates: each asks it for the version on its own date (`RuleVersions`).
    public func live() async throws -> RuleVersions {
        try await db.read { sql in try await Self.live(sql) }
    }

    static func live(_ sql: any SQLDatabase) async throws -> RuleVersions {
        RuleVersions(RuleBook.builtIn + (try await added(sql)).filter { !$0.isVoided }.map(\.version))
    }

    /// Adds a version (administrators only), checked against the family's thresholds; audited.
    public func add(_ principal: Principal, _ draft: RuleSetDraft) async throws -> RuleSetRecord {
        try principal.requireAdmin()
        return try await db.write { sql in
            let existing = RuleBook.builtIn + (try await Self.added(sql)).filter { !$0.isVoided }.map(\.version)
            let version = try RuleBook.check(draft, existing: existing).get()
            let parameters = CanonicalJSON.encode(version.values.mapValues { Optional($0.text) })
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO rule_sets (family, regulation, effective_from, title, parameters, created_by, created_at)
                VALUES (\(bind: version.family.rawValue), \(bind: version.regulation), \(bind: version.effectiveFrom.iso), \(bind: version.title),
                    \(bind: parameters), \(bind: principal.actor), \(bind: now)) RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            var audit: [String: String?] = [
                "family": version.family.rawValue, "regulation": version.regulation, "effective_from": version.effectiveFrom.iso, "title": version.title,
            ]
            for (key, value) in version.values { audit[key] = value.text }
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.entity, key: String(id), unitPath: nil,
                old: nil, new: audit)
            return RuleSetRecord(id: id, version: version, createdBy: principal.actor, createdAt: now, voidReason: nil)
        }
    }

    /// Voids an added version entered by mistake (administrators only; a reason is required); shipped ones cannot be:
    /// a later version replaces them.
    public func void(_ principal: Principal, id: Int64, reason: String) async throws {
        try principal.requireAdmin()
        let reason = reason.trimmed
        if reason.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("reason", Catalogue.required)]) }
        try await db.write { sql in
            guard let row = try await sql.raw("SELECT voided_at FROM rule_sets WHERE id = \(bind: id)").first() else {
                throw DomainError.notFound(Catalogue.notFound)
            }
            if try row.decode(column: "voided_at", as: String?.self) != nil { throw DomainError.notFound(Catalogue.notFound) }
            try await sql.raw(
                "UPDATE rule_sets SET voided_by = \(bind: principal.actor), voided_at = \(bind: Timestamp.now()), void_reason = \(bind: reason) WHERE id = \(bind: id)"
            ).run()
            _ = try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "void", entity: Self.entity, key: String(id), unitPath: nil,
                old: nil, new: ["reason": reason])
        }
    }

    /// Changes to added versions, oldest first.
    public func history(id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in try await AuditLog.history(sql, entity: Self.entity, key: String(id)) }
    }

    static func added(_ sql: any SQLDatabase) async throws -> [RuleSetRecord] {
        try await sql.raw("SELECT * FROM rule_sets ORDER BY id").all().compactMap { row in
            guard let family = RuleFamily(rawValue: try row.decode(column: "family", as: String.self)),
                let from = CivilDate(parsing: try row.decode(column: "effective_from", as: String.self)),
                let object = CanonicalJSON.decode(try row.decode(column: "parameters", as: String.self))
            else { return nil }
            var values: [String: RuleValue] = [:]
            for parameter in family.parameters {
                guard let text = object[parameter.key] ?? nil, let value = parameter.parse(text) else { return nil }
                values[parameter.key] = value
            }
            return RuleSetRecord(
                id: try row.decode(column: "id", as: Int64.self),
                version: RuleSetVersion(
                    family: family, regulation: try row.decode(column: "regulation", as: String.self), effectiveFrom: from,
                    title: try row.decode(column: "title", as: String.self), values: values),
                createdBy: try row.decode(column: "created_by", as: String.self), createdAt: try row.decode(column: "created_at", as: String.self),
                voidReason: try row.decode(column: "void_reason", as: String?.self))
        }
    }
}
