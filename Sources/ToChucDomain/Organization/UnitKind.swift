/// Kinds of party organization, top down (DOMAIN.md §1). Keys are INTERCHANGE.md's.
public enum UnitKind: String, Sendable, CaseIterable, Codable {
    case central
    case provincial
    case upperBase = "upper_base"
    case base
    case subBase = "sub_base"
    case cell

    public var label: Localized { Catalogue.unitKind(self) }
    /// Depth order: a unit normally sits under a kind of lower order (any higher kind is allowed, §1).
    public var order: Int { UnitKind.allCases.firstIndex(of: self)! }
}

/// Sectors a unit belongs to (DOMAIN.md §1).
public enum Sector: String, Sendable, CaseIterable, Codable {
    case stateAgency = "state_agency"
    case publicService = "public_service"
    case stateEnterprise = "state_enterprise"
    case nonStateEnterprise = "non_state_enterprise"
    case armedForces = "armed_forces"
    case commune
    case other

    public var label: Localized { Catalogue.sector(self) }
}

/// OrgUnit codes: letters, digits, `-`, `_`, `.`; 1–40 characters. They appear in URLs and files, so nothing else.
public enum UnitCode {
    public static func isValid(_ code: String) -> Bool {
        (1...40).contains(code.count)
            && code.unicodeScalars.allSatisfy { ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || "-_.".unicodeScalars.contains($0) }
    }
}
