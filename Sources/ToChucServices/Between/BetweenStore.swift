import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A stored file's description (its bytes are read only to download it).
public struct AttachmentInfo: Sendable, Equatable {
    public let id: Int64
    public let owner: AttachmentOwner
    public let ownerId: Int64
    /// `sender` or `receiver` for a proposal's files, `document` for a document's.
    public let side: String
    public let fileName: String
    public let contentType: String
    public let size: Int
    public let sha256: String
    public let uploadedBy: String
    public let uploadedAt: String
}

/// A file with its bytes, for a download.
public struct StoredAttachment: Sendable, Equatable {
    public let info: AttachmentInfo
    public let data: Data
}

/// SQL shared by proposals, documents and tasks: units by code in scope, the ancestors of a path, files.
enum BetweenStore {
    /// The paths of the units above `path` and of itself (`/1/5/9/` → `/1/`, `/1/5/`, `/1/5/9/`): the units whose
    /// subtree holds it.
    static func ancestorPaths(_ path: String) -> [String] {
        let parts = path.split(separator: "/")
        return parts.indices.map { "/" + parts[...$0].joined(separator: "/") + "/" }
    }

    /// A unit by code that the principal sees; `fallback` (the principal's own unit) when the code is empty.
    static func unit(_ sql: any SQLDatabase, _ principal: Principal, code: String) async throws -> OrgUnit? {
        let code = code.trimmed.isEmpty ? principal.unitCode : code.trimmed
        guard !code.isEmpty, let unit = try await UnitStore.find(sql, code: code), principal.sees(path: unit.path) else { return nil }
        return unit
    }

    /// A unit by code, in scope or not (a proposal's receiver lies above the sender's scope).
    static func anyUnit(_ sql: any SQLDatabase, code: String) async throws -> OrgUnit? {
        let code = code.trimmed
        guard !code.isEmpty else { return nil }
        return try await UnitStore.find(sql, code: code)
    }

    static func unit(_ sql: any SQLDatabase, id: Int64) async throws -> OrgUnit? {
        try await sql.raw("SELECT \(unsafeRaw: UnitStore.columns) FROM \(unsafeRaw: UnitStore.from) WHERE u.id = \(bind: id)").first().map(UnitStore.unit)
    }

    // MARK: - Files

    static let attachmentColumns = "id, owner_kind, owner_id, side, file_name, content_type, size, sha256, uploaded_by, uploaded_at"

    static func attachment(from row: any SQLRow) throws -> AttachmentInfo {
        AttachmentInfo(
            id: try row.decode(column: "id", as: Int64.self),
            owner: AttachmentOwner(rawValue: try row.decode(column: "owner_kind", as: String.self)) ?? .document,
            ownerId: try row.decode(column: "owner_id", as: Int64.self), side: try row.decode(column: "side", as: String.self),
            fileName: try row.decode(column: "file_name", as: String.self), contentType: try row.decode(column: "content_type", as: String.self),
            size: try row.decode(column: "size", as: Int.self), sha256: try row.decode(column: "sha256", as: String.self),
            uploadedBy: try row.decode(column: "uploaded_by", as: String.self), uploadedAt: try row.decode(column: "uploaded_at", as: String.self))
    }

    static func attachments(_ sql: any SQLDatabase, owner: AttachmentOwner, id: Int64) async throws -> [AttachmentInfo] {
        try await sql.raw(
            "SELECT \(unsafeRaw: attachmentColumns) FROM attachments WHERE owner_kind = \(bind: owner.rawValue) AND owner_id = \(bind: id) ORDER BY id"
        ).all().map(attachment)
    }

    static func findAttachment(_ sql: any SQLDatabase, id: Int64) async throws -> AttachmentInfo? {
        try await sql.raw("SELECT \(unsafeRaw: attachmentColumns) FROM attachments WHERE id = \(bind: id)").first().map(attachment)
    }

    /// Checks a file (`AttachmentRules.check`) before any transaction.
    static func checkFile(fileName: String, data: Data) throws -> (name: String, contentType: String) {
        try AttachmentRules.check(fileName: fileName, bytes: [UInt8](data)).get()
    }

    /// Stores a checked file and records it in the owner's history (by name and hash: the bytes stay out of the log).
    static func insertAttachment(
        _ sql: any SQLDatabase, _ principal: Principal, owner: AttachmentOwner, id: Int64, side: String, file: (name: String, contentType: String),
        data: Data, entity: String, unitPath: String
    ) async throws -> AttachmentInfo {
        let hash = Secrets.sha256Hex(data)
        let newId = try await sql.raw(
            """
            INSERT INTO attachments (owner_kind, owner_id, side, file_name, content_type, size, sha256, data, uploaded_by, uploaded_at)
            VALUES (\(bind: owner.rawValue), \(bind: id), \(bind: side), \(bind: file.name), \(bind: file.contentType), \(bind: data.count), \(bind: hash),
                \(bind: data), \(bind: principal.actor), \(bind: Timestamp.now()))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "attach", entity: entity, key: String(id), unitPath: unitPath,
            old: nil, new: ["file": file.name, "sha256": hash, "attachment": String(newId)])
        return try await findAttachment(sql, id: newId)!
    }

    static func deleteAttachment(_ sql: any SQLDatabase, _ principal: Principal, _ info: AttachmentInfo, entity: String, unitPath: String) async throws {
        try await sql.raw("DELETE FROM attachments WHERE id = \(bind: info.id)").run()
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "detach", entity: entity, key: String(info.ownerId), unitPath: unitPath,
            old: ["file": info.fileName, "sha256": info.sha256, "attachment": String(info.id)], new: nil)
    }

    /// A page of any list already in memory.
    static func page<T: Sendable>(_ all: [T], page: Int, perPage: Int) -> Page<T> {
        let page = max(1, page)
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        return Page(items: Array(all.dropFirst((page - 1) * perPage).prefix(perPage)), page: page, perPage: perPage, total: all.count)
    }

    /// Every item of a paged list (for exports): `Page.all`.
    static func allPages<T: Sendable>(_ fetch: (_ page: Int, _ perPage: Int) async throws -> Page<T>) async throws -> [T] {
        try await Page.all(fetch)
    }

    /// A date as the principal reads it (an empty text for none).
    static func date(_ d: CivilDate?, _ language: Language) -> String {
        d.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? ""
    }

    /// A list query's page and size, bounded.
    static func bounds(page: Int, perPage: Int) -> (page: Int, perPage: Int, offset: Int) {
        let page = max(1, min(page, 1_000_000))
        let perPage = min(max(1, perPage), UnitService.maximumPerPage)
        return (page, perPage, (page - 1) * perPage)
    }

    /// A date filter value: empty is none; anything else must be a date (`field` names the problem).
    static func date(_ text: String, field: String, errors: inout [FieldError]) -> CivilDate? {
        guard !text.trimmed.isEmpty else { return nil }
        guard let date = CivilDate(parsing: text.trimmed) else {
            errors.append(FieldError(field, Catalogue.invalidDate(text)))
            return nil
        }
        return date
    }

    /// A keyed value of a filter (a status, a sort…): empty is none; an unknown one is named.
    static func value<T>(_ text: String, field: String, errors: inout [FieldError], _ parse: (String) -> T?) -> T? {
        guard !text.trimmed.isEmpty else { return nil }
        guard let parsed = parse(text.trimmed) else {
            errors.append(FieldError(field, Catalogue.unknownValue(text)))
            return nil
        }
        return parsed
    }

    /// `d.title_folded LIKE '%word%'` for each word typed (accents optional).
    static func textFilter(_ column: String, _ text: String) -> SQLQueryString? {
        let terms = VietnameseText.searchTerms(text)
        guard !terms.isEmpty else { return nil }
        var filter: SQLQueryString = "1 = 1"
        for term in terms { filter = filter + " AND \(unsafeRaw: column) LIKE \(bind: "%" + term + "%")" }
        return filter
    }
}
