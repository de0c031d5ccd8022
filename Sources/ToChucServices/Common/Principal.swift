import ToChucDomain

/// Who is acting, and where in the tree they may act. Every use case takes one; none trusts the caller otherwise.
public struct Principal: Sendable, Equatable {
    public let userId: Int64?
    public let username: String
    public let displayName: String
    public let role: Role
    public let unitId: Int64
    public let unitCode: String
    public let unitName: String
    /// Materialized path of the user's unit: the user sees exactly the paths that start with it.
    public let unitPath: String
    public let language: Language
    /// Sessions write with the role's rights; an API token may be read-only.
    public let tokenScope: TokenScope
    /// The client's address, for the audit log.
    public let address: String?
    /// The name the audit log records: the user name, or `cli:<OS user>`.
    public let actor: String

    public init(
        userId: Int64?, username: String, displayName: String, role: Role, unitId: Int64, unitCode: String,
        unitName: String, unitPath: String, language: Language, tokenScope: TokenScope, address: String?,
        actor: String
    ) {
        self.userId = userId
        self.username = username
        self.displayName = displayName
        self.role = role
        self.unitId = unitId
        self.unitCode = unitCode
        self.unitName = unitName
        self.unitPath = unitPath
        self.language = language
        self.tokenScope = tokenScope
        self.address = address
        self.actor = actor
    }

    /// The command line acts as the local system administrator over the whole database (issue: CLI contract).
    public static func commandLine(osUser: String) -> Principal {
        Principal(
            userId: nil, username: "cli:\(osUser)", displayName: "cli:\(osUser)", role: .admin, unitId: 0,
            unitCode: "", unitName: "", unitPath: "/", language: .vi, tokenScope: .readWrite, address: "local",
            actor: "cli:\(osUser)")
    }

    public var isCommandLine: Bool { userId == nil }
    public var isRootScope: Bool { unitPath == "/" }

    /// An administrator of a root unit (or the command line): settings that apply to every unit, and the deployment.
    public var administersRootUnit: Bool {
        role.canManageAccounts && (isRootScope || unitPath.split(separator: "/").count == 1)
    }

    public func sees(path: String) -> Bool { Scope.contains(root: unitPath, path: path) }

    /// Refuses unless this principal may change records (role and token scope).
    public func requireWrite() throws {
        if tokenScope == .read { throw DomainError.forbidden(Catalogue.readOnlyToken) }
        if !role.canWriteRecords { throw DomainError.forbidden(Catalogue.readOnlyRole) }
    }

    public func requireAdmin() throws {
        try requireWrite()
        if !role.canManageAccounts { throw DomainError.forbidden(Catalogue.adminOnly) }
    }

    /// The bounds of a range scan over materialized paths in this principal's subtree: `[lower, upper)`.
    public var pathRange: (lower: String, upper: String) { PathRange.of(unitPath) }
}

/// Range bounds for "every path that starts with P": `'/'` is followed by `'0'` in byte order.
public enum PathRange {
    public static func of(_ prefix: String) -> (lower: String, upper: String) {
        (prefix, String(prefix.dropLast()) + "0")
    }
}
