/// Roles of DOMAIN.md §6. Each role can do what the one before it can.
public enum Role: String, Sendable, CaseIterable, Codable, Comparable {
    /// Reads records of its subtree.
    case viewer
    /// Enters and edits records (chuyên viên).
    case clerk
    /// Approves (lãnh đạo ban).
    case head
    /// Manages accounts and settings.
    case admin

    private var rank: Int { Role.allCases.firstIndex(of: self)! }
    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }

    public var canWriteRecords: Bool { self >= .clerk }
    public var canApprove: Bool { self >= .head }
    public var canManageAccounts: Bool { self == .admin }
    public var canReadAudit: Bool { self >= .head }
    /// National ID, phone and address are shown only to roles that work with them (DOMAIN.md §6); others see them masked.
    public var seesPersonalData: Bool { self >= .clerk }
    /// A second factor (TOTP) is required of those who approve and who manage accounts (FACTS.md "Security anchors":
    /// ASVS 5.0 level 2, "a second factor for privileged roles"); viewers and clerks may turn it on.
    public var requiresSecondFactor: Bool { self >= .head }

    public var label: Localized { Catalogue.role(self) }
}

/// What an API token may do.
public enum TokenScope: String, Sendable, CaseIterable, Codable {
    case read
    case readWrite = "read_write"

    public var label: Localized { Catalogue.tokenScope(self) }
}

/// Scope of an account in the tree, as a materialized path (`/1/5/9/`): it sees that node and everything below.
public enum Scope {
    /// Whether `path` (a unit's path) lies in the subtree rooted at `root` (also a path).
    public static func contains(root: String, path: String) -> Bool { path.hasPrefix(root) }
}
