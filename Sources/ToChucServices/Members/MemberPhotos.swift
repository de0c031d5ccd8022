import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A stored photo.
public struct StoredPhoto: Sendable, Equatable {
    public let contentType: String
    public let data: Data
    public let sha256: String
}

extension MemberService {
    /// The member's photo for roles that see personal data (`forbidden` for the others; nil when there is none).
    public func photo(_ principal: Principal, memberId: Int64) async throws -> StoredPhoto? {
        _ = try await get(principal, id: memberId)
        guard principal.role.seesPersonalData else { throw DomainError.forbidden(Catalogue.maskedForRole) }
        return try await db.read { sql in try await Self.storedPhoto(sql, memberId: memberId) }
    }

    /// Whether the member has a photo (any role may know that much; the page says so without showing it).
    public func hasPhoto(_ principal: Principal, memberId: Int64) async throws -> Bool {
        try await hasPhoto(principal, member: try await get(principal, id: memberId))
    }

    /// Whether a member the caller already read with `get` has a photo.
    public func hasPhoto(_ principal: Principal, member: Member) async throws -> Bool {
        try Self.requireSees(principal, member)
        return try await db.read { sql in
            try await sql.raw("SELECT member_id FROM member_photos WHERE member_id = \(bind: member.id)").first() != nil
        }
    }

    /// Stores (or replaces) the photo after checking its bytes; the change is in the member's history (by hash).
    public func setPhoto(_ principal: Principal, memberId: Int64, data: Data) async throws {
        try principal.requireWrite()
        let hash = Secrets.sha256Hex(data)
        try await db.write { sql in
            guard let member = try await MemberStore.find(sql, id: memberId), principal.sees(path: member.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            // The scope first (issue 9's access matrix): another unit's member is "not found", whatever the body.
            let type = try MemberPhoto.check([UInt8](data)).get()
            let old = try await Self.storedPhoto(sql, memberId: memberId)
            if old?.sha256 == hash { return }
            try await sql.raw("DELETE FROM member_photos WHERE member_id = \(bind: memberId)").run()
            try await sql.raw(
                """
                INSERT INTO member_photos (member_id, content_type, data, sha256, updated_at)
                VALUES (\(bind: memberId), \(bind: type), \(bind: data), \(bind: hash), \(bind: Timestamp.now()))
                """
            ).run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: "member", key: String(memberId),
                unitPath: member.unitPath, old: ["photo": old?.sha256], new: ["photo": hash])
        }
    }

    public func removePhoto(_ principal: Principal, memberId: Int64) async throws {
        try principal.requireWrite()
        try await db.write { sql in
            guard let member = try await MemberStore.find(sql, id: memberId), principal.sees(path: member.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            guard let old = try await Self.storedPhoto(sql, memberId: memberId) else { return }
            try await sql.raw("DELETE FROM member_photos WHERE member_id = \(bind: memberId)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: "member", key: String(memberId),
                unitPath: member.unitPath, old: ["photo": old.sha256], new: ["photo": nil])
        }
    }

    static func storedPhoto(_ sql: any SQLDatabase, memberId: Int64) async throws -> StoredPhoto? {
        guard let row = try await sql.raw("SELECT content_type, data, sha256 FROM member_photos WHERE member_id = \(bind: memberId)").first()
        else { return nil }
        return StoredPhoto(
            contentType: try row.decode(column: "content_type", as: String.self), data: try row.decode(column: "data", as: Data.self),
            sha256: try row.decode(column: "sha256", as: String.self))
    }
}
