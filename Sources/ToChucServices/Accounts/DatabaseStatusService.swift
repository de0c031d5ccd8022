import ToChucDomain
import ToChucStorage

/// What the database is and how its servers stand: for administrators, who run the deployment (docs/deployment.md).
public struct DatabaseStatus: Sendable {
    public enum Engine: Sendable { case sqlite(path: String), postgres }
    public var engine: Engine
    /// The PostgreSQL host taken as the primary now (nil on SQLite, or while a failover is being followed).
    public var primaryHost: String?
    public var replicas: [ReplicaStatus]
}

extension AppServices {
    /// The database's engine, its primary and its read replicas. Host names and file paths are the deployment's
    /// business: root-level administrators only (an administrator of a commune runs its accounts, not the servers).
    /// Never the URL itself (it may carry a password).
    public func databaseStatus(_ principal: Principal) throws -> DatabaseStatus {
        guard principal.administersRootUnit else { throw DomainError.forbidden(Catalogue.rootAdminOnly) }
        let engine: DatabaseStatus.Engine
        switch db.location {
        case .sqlite(let path): engine = .sqlite(path: path)
        case .postgres: engine = .postgres
        }
        return DatabaseStatus(engine: engine, primaryHost: db.primaryHost, replicas: db.replicaStatus)
    }
}
