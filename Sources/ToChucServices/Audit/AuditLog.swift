import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// One entry of the audit log.
public struct AuditEntry: Sendable, Equatable, Codable {
    public let id: Int64
    public let at: String
    public let actor: String
    public let address: String?
    public let action: String
    public let entity: String
    public let entityKey: String
    public let unitPath: String?
    public let oldValues: [String: String?]?
    public let newValues: [String: String?]?

    /// The same entry with the values of `fields` hidden (personal data for roles that may not see it).
    public func masking(_ fields: Set<String>) -> AuditEntry {
        func mask(_ values: [String: String?]?) -> [String: String?]? {
            values.map { dict in Dictionary(uniqueKeysWithValues: dict.map { ($0.key, fields.contains($0.key) && $0.value != nil ? "•••" : $0.value) }) }
        }
        return AuditEntry(
            id: id, at: at, actor: actor, address: address, action: action, entity: entity, entityKey: entityKey, unitPath: unitPath,
            oldValues: mask(oldValues), newValues: mask(newValues))
    }

    /// Fields whose value differs between old and new (all new fields for a creation).
    public var changes: [FieldChange] {
        let keys = Set((oldValues ?? [:]).keys).union((newValues ?? [:]).keys).sorted()
        return keys.compactMap { key in
            let old = oldValues?[key] ?? nil
            let new = newValues?[key] ?? nil
            return old == new ? nil : FieldChange(field: key, old: old, new: new)
        }
    }
}

/// The append-only, hash-chained record of every change (issue: Audit).
///
/// Each entry's hash covers its own fields and the previous entry's hash, so altering or removing any entry
/// breaks every link after it; `verify` names the first broken one. Appends run inside the caller's
/// transaction, so the entry exists exactly when the change does.
public enum AuditLog {
    public static let genesisHash = String(repeating: "0", count: 64)

    /// Appends one entry in the caller's transaction. `old`/`new` are the record's values before and after.
    /// Returns the entry's id.
    @discardableResult
    public static func append(
        _ sql: any SQLDatabase, actor: String, address: String?, action: String, entity: String, key: String,
        unitPath: String?, old: [String: String?]?, new: [String: String?]?
    ) async throws -> Int64 {
        // The head row is the chain's lock: PostgreSQL serializes on FOR UPDATE, SQLite on BEGIN IMMEDIATE.
        let lock = sql.dialect.name == "postgresql" ? " FOR UPDATE" : ""
        guard let head = try await sql.raw("SELECT last_id, last_hash FROM audit_head WHERE id = 1\(unsafeRaw: lock)").first()
        else { throw StorageError.toolFailed("audit_head is missing") }
        let id = try head.decode(column: "last_id", as: Int64.self) + 1
        let previous = try head.decode(column: "last_hash", as: String.self)
        let at = Timestamp.now()
        let oldText = old.map(CanonicalJSON.encode)
        let newText = new.map(CanonicalJSON.encode)
        let hash = digest(
            id: id, at: at, actor: actor, address: address, action: action, entity: entity, key: key,
            unitPath: unitPath, old: oldText, new: newText, previous: previous)
        try await sql.raw(
            """
            INSERT INTO audit_log (id, at, actor, address, action, entity, entity_key, unit_path, old_values, new_values, prev_hash, hash)
            VALUES (\(bind: id), \(bind: at), \(bind: actor), \(bind: address), \(bind: action), \(bind: entity), \(bind: key),
                    \(bind: unitPath), \(bind: oldText), \(bind: newText), \(bind: previous), \(bind: hash))
            """
        ).run()
        try await sql.raw("UPDATE audit_head SET last_id = \(bind: id), last_hash = \(bind: hash) WHERE id = 1").run()
        return id
    }

    static func digest(
        id: Int64, at: String, actor: String, address: String?, action: String, entity: String, key: String,
        unitPath: String?, old: String?, new: String?, previous: String
    ) -> String {
        // OrgUnit separators between fields and a distinct marker for "absent" keep the encoding unambiguous.
        let absent = "\u{0}"
        let fields = [
            String(id), at, actor, address ?? absent, action, entity, key, unitPath ?? absent, old ?? absent, new ?? absent,
            previous,
        ]
        return Secrets.sha256Hex(fields.joined(separator: "\u{1F}"))
    }

    /// The outcome of checking the chain.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int64)
        /// The first entry whose content, link or place in the sequence is wrong, and why.
        case broken(entryId: Int64, reason: String)
    }

    /// Re-computes every hash in order; reports the first entry that was altered, inserted or removed.
    public static func verify(_ db: Database) async throws -> Verification {
        var previousHash = genesisHash
        var expectedId: Int64 = 1
        let batch = 5000
        while true {
            let from = expectedId
            let rows = try await db.read { sql in
                try await sql.raw(
                    "SELECT * FROM audit_log WHERE id >= \(bind: from) ORDER BY id LIMIT \(unsafeRaw: String(batch))"
                ).all()
            }
            for row in rows {
                let id = try row.decode(column: "id", as: Int64.self)
                if id != expectedId {
                    return .broken(entryId: expectedId, reason: "entry \(expectedId) is missing")
                }
                let stored = try row.decode(column: "hash", as: String.self)
                let prev = try row.decode(column: "prev_hash", as: String.self)
                if prev != previousHash {
                    return .broken(entryId: id, reason: "entry \(id) does not link to entry \(id - 1)")
                }
                let recomputed = digest(
                    id: id, at: try row.decode(column: "at", as: String.self),
                    actor: try row.decode(column: "actor", as: String.self),
                    address: try row.decode(column: "address", as: String?.self),
                    action: try row.decode(column: "action", as: String.self),
                    entity: try row.decode(column: "entity", as: String.self),
                    key: try row.decode(column: "entity_key", as: String.self),
                    unitPath: try row.decode(column: "unit_path", as: String?.self),
                    old: try row.decode(column: "old_values", as: String?.self),
                    new: try row.decode(column: "new_values", as: String?.self), previous: prev)
                if recomputed != stored {
                    return .broken(entryId: id, reason: "entry \(id) was altered")
                }
                previousHash = stored
                expectedId += 1
            }
            if rows.count < batch { break }
        }
        let head = try await db.read { sql in try await sql.raw("SELECT last_id, last_hash FROM audit_head WHERE id = 1").first() }
        let lastId = try head?.decode(column: "last_id", as: Int64.self) ?? 0
        let lastHash = try head?.decode(column: "last_hash", as: String.self) ?? ""
        if lastId != expectedId - 1 {
            return .broken(entryId: expectedId, reason: "entries \(expectedId)…\(lastId) were removed")
        }
        if lastHash != previousHash {
            return .broken(entryId: lastId, reason: "entry \(lastId) was altered (head hash differs)")
        }
        return .intact(entries: expectedId - 1)
    }

    static func entry(from row: any SQLRow) throws -> AuditEntry {
        try entry(from: row, prefix: "")!
    }

    /// The columns of an entry joined into another record's row (`LEFT JOIN audit_log alias`), each named
    /// `prefix` + its own name, for `entry(from:prefix:)`.
    static func columns(of alias: String, prefix: String) -> String {
        entryColumns.map { "\(alias).\($0) AS \(prefix)\($0)" }.joined(separator: ", ")
    }

    static let entryColumns = ["id", "at", "actor", "address", "action", "entity", "entity_key", "unit_path", "old_values", "new_values"]

    /// The entry whose columns carry `prefix`; nil when the join found none.
    static func entry(from row: any SQLRow, prefix: String) throws -> AuditEntry? {
        guard let id = try row.decode(column: prefix + "id", as: Int64?.self) else { return nil }
        return AuditEntry(
            id: id, at: try row.decode(column: prefix + "at", as: String.self),
            actor: try row.decode(column: prefix + "actor", as: String.self),
            address: try row.decode(column: prefix + "address", as: String?.self),
            action: try row.decode(column: prefix + "action", as: String.self),
            entity: try row.decode(column: prefix + "entity", as: String.self),
            entityKey: try row.decode(column: prefix + "entity_key", as: String.self),
            unitPath: try row.decode(column: prefix + "unit_path", as: String?.self),
            oldValues: try row.decode(column: prefix + "old_values", as: String?.self).flatMap(CanonicalJSON.decode),
            newValues: try row.decode(column: prefix + "new_values", as: String?.self).flatMap(CanonicalJSON.decode))
    }

    /// The refusal of a stale save: what differs between the version the user started from (found in the record's
    /// history, whose entries carry `version`) and the current values; `fallback` stands in for that version when
    /// the history does not have it.
    static func staleSave(
        _ sql: any SQLDatabase, entity: String, key: String, baseVersion: Int, current: [String: String?], currentVersion: Int,
        fallback: [String: String?]
    ) async throws -> DomainError {
        let history = try await history(sql, entity: entity, key: key)
        let base = history.compactMap(\.newValues).first { ($0["version"] ?? nil) == String(baseVersion) } ?? fallback
        let changes = current.keys.sorted().compactMap { field -> FieldChange? in
            let old = base[field] ?? nil
            let new = current[field] ?? nil
            return old == new ? nil : FieldChange(field: field, old: old, new: new)
        }
        var values = current
        values["version"] = String(currentVersion)
        return .conflict(Catalogue.staleSave, changes: changes, current: values)
    }

    /// History of a record, oldest first, starting with the bulk import that created it when there was one
    /// (`table.import_audit_id`).
    static func history(_ sql: any SQLDatabase, entity: String, key: String, importedInto table: String, rowId: Int64) async throws
        -> [AuditEntry]
    {
        // One statement (a record's page is read often): the import that brought the row, first, then its own entries.
        try await sql.raw(
            """
            SELECT 0 AS part, i.* FROM audit_log i WHERE i.id = (SELECT import_audit_id FROM \(unsafeRaw: table) WHERE id = \(bind: rowId))
            UNION ALL
            SELECT 1 AS part, a.* FROM audit_log a WHERE a.entity = \(bind: entity) AND a.entity_key = \(bind: key)
            ORDER BY part, id
            """
        ).all().map(entry)
    }

    /// History of one record, oldest first.
    public static func history(_ sql: any SQLDatabase, entity: String, key: String) async throws -> [AuditEntry] {
        try await sql.raw(
            "SELECT * FROM audit_log WHERE entity = \(bind: entity) AND entity_key = \(bind: key) ORDER BY id"
        ).all().map(entry)
    }
}

/// A flat string map as JSON with sorted keys: the same values always give the same text (and hash).
public enum CanonicalJSON {
    public static func encode(_ values: [String: String?]) -> String {
        "{" + values.keys.sorted().map { key in quote(key) + ":" + (values[key]!.map(quote) ?? "null") }.joined(separator: ",") + "}"
    }

    public static func decode(_ text: String) -> [String: String?]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        var result: [String: String?] = [:]
        for (key, value) in object {
            result[key] = value as? String
        }
        return result
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
