import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// Downloading and removing the files of proposals and documents: only those who see the owner see its files; every
/// download is in the audit log (who took which file, when).
public struct AttachmentService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// The owner's entity and unit path for the audit log, after checking the principal sees the owner; also the side
    /// the principal is on for a proposal.
    static func owner(_ sql: any SQLDatabase, _ principal: Principal, _ info: AttachmentInfo) async throws -> (entity: String, path: String, side: String) {
        switch info.owner {
        case .proposal:
            let (p, side) = try await ProposalService.visible(sql, principal, id: info.ownerId)
            return (ProposalService.entity, p.fromUnitPath, side.rawValue)
        case .document:
            let d = try await DocumentService.visible(sql, principal, id: info.ownerId)
            return (DocumentService.entity, d.unitPath, principal.sees(path: d.unitPath) ? AttachmentOwner.document.rawValue : "")
        }
    }

    /// A file's description (`notFound` unless the principal sees its owner).
    public func get(_ principal: Principal, id: Int64) async throws -> AttachmentInfo {
        try await db.read { sql in
            guard let info = try await BetweenStore.findAttachment(sql, id: id) else { throw DomainError.notFound(Catalogue.attachmentNotFound) }
            do {
                _ = try await Self.owner(sql, principal, info)
            } catch DomainError.notFound {
                throw DomainError.notFound(Catalogue.attachmentNotFound)
            }
            return info
        }
    }

    /// A file with its bytes, for a principal who sees its owner; the download is recorded.
    public func download(_ principal: Principal, id: Int64) async throws -> StoredAttachment {
        let info = try await get(principal, id: id)
        return try await db.write { sql in
            let owner = try await Self.owner(sql, principal, info)
            guard let row = try await sql.raw("SELECT data FROM attachments WHERE id = \(bind: id)").first() else {
                throw DomainError.notFound(Catalogue.attachmentNotFound)
            }
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "download", entity: "attachment", key: String(id), unitPath: owner.path,
                old: nil, new: ["file": info.fileName, "sha256": info.sha256, owner.entity: String(info.ownerId)])
            return StoredAttachment(info: info, data: try row.decode(column: "data", as: Data.self))
        }
    }

    /// Removes a file: for a proposal, by a writer of the side that attached it while the proposal is not withdrawn; for
    /// a document, by a writer whose scope holds its registry. Returns what was removed (its owner, for the way back).
    public func remove(_ principal: Principal, id: Int64) async throws -> AttachmentInfo {
        try principal.requireWrite()
        let info = try await get(principal, id: id)
        return try await db.write { sql in
            let owner = try await Self.owner(sql, principal, info)
            guard owner.side == info.side else { throw DomainError.forbidden(Catalogue.attachmentOtherSide) }
            if info.owner == .proposal, let p = try await ProposalService.find(sql, id: info.ownerId), p.status == .withdrawn {
                throw DomainError.invalid(Catalogue.proposalStepRefused, [FieldError("file", Catalogue.proposalClosed(p.status))])
            }
            try await BetweenStore.deleteAttachment(sql, principal, info, entity: owner.entity, unitPath: owner.path)
            return info
        }
    }
}
