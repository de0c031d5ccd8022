import Foundation

/// An organization unit as stored today (the tree issue adds effective dating).
public struct OrgUnit: Sendable, Equatable, Codable {
    public var id: Int64
    public var code: String
    public var name: String
    public var kind: UnitKind
    public var parentCode: String?
    public var sector: Sector
    public var hasCommittee: Bool
    public var foundedOn: CivilDate?
    public var dissolvedOn: CivilDate?
    /// Materialized path of ids, `/1/5/9/`: the subtree of a unit is every path that starts with its own.
    public var path: String
    public var depth: Int
    /// Optimistic-locking version: a save based on an older one is refused.
    public var version: Int

    public init(
        id: Int64, code: String, name: String, kind: UnitKind, parentCode: String?, sector: Sector, hasCommittee: Bool,
        foundedOn: CivilDate?, dissolvedOn: CivilDate?, path: String, depth: Int, version: Int
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.sector = sector
        self.hasCommittee = hasCommittee
        self.foundedOn = foundedOn
        self.dissolvedOn = dissolvedOn
        self.path = path
        self.depth = depth
        self.version = version
    }

    /// The attributes a user edits, as text: what the audit log and conflict messages compare.
    public var auditValues: [String: String?] { draft.auditValues }

    public var draft: UnitDraft {
        UnitDraft(
            code: code, name: name, kind: kind.rawValue, parentCode: parentCode ?? "", sector: sector.rawValue,
            hasCommittee: hasCommittee, foundedOn: foundedOn?.iso ?? "", dissolvedOn: dissolvedOn?.iso ?? "")
    }
}

/// A unit as typed in a form, an API body or a CSV row: text, not yet checked.
public struct UnitDraft: Sendable, Equatable, Codable {
    public var code: String
    public var name: String
    public var kind: String
    public var parentCode: String
    public var sector: String
    public var hasCommittee: Bool
    public var foundedOn: String
    public var dissolvedOn: String

    public init(
        code: String, name: String, kind: String, parentCode: String, sector: String, hasCommittee: Bool,
        foundedOn: String, dissolvedOn: String
    ) {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.sector = sector
        self.hasCommittee = hasCommittee
        self.foundedOn = foundedOn
        self.dissolvedOn = dissolvedOn
    }

    public var auditValues: [String: String?] {
        [
            "code": code, "name": name, "kind": kind, "parent_code": parentCode.isEmpty ? nil : parentCode,
            "sector": sector, "has_committee": hasCommittee ? "true" : "false",
            "founded_on": foundedOn.isEmpty ? nil : foundedOn, "dissolved_on": dissolvedOn.isEmpty ? nil : dissolvedOn,
        ]
    }
}

/// A draft that passed `UnitRules.check`: typed values, ready to store.
public struct ValidUnit: Sendable, Equatable {
    public let code: String
    public let name: String
    public let kind: UnitKind
    public let parentCode: String?
    public let sector: Sector
    public let hasCommittee: Bool
    public let foundedOn: CivilDate?
    public let dissolvedOn: CivilDate?
}

/// The rules a unit's own attributes must keep (DOMAIN.md §1; INTERCHANGE.md org_units.csv).
public enum UnitRules {
    public static let maximumNameLength = 300

    /// Parses an enumeration given as the English key or the Vietnamese label (case- and diacritic-insensitive).
    public static func parseKind(_ text: String) -> UnitKind? {
        UnitKind(rawValue: text) ?? kindsByFoldedLabel[VietnameseText.fold(text)]
    }

    public static func parseSector(_ text: String) -> Sector? {
        Sector(rawValue: text) ?? sectorsByFoldedLabel[VietnameseText.fold(text)]
    }

    // Folded once: imports parse these for every row.
    private static let kindsByFoldedLabel: [String: UnitKind] = Dictionary(
        UnitKind.allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
    private static let sectorsByFoldedLabel: [String: Sector] = Dictionary(
        Sector.allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })

    /// `true/false`, `có/không`, `1/0`, `x`/empty as spreadsheets have them.
    public static func parseFlag(_ text: String) -> Bool? {
        if text == "true" { return true }
        if text == "false" || text.isEmpty { return false }
        switch VietnameseText.fold(text) {
        case "true", "co", "1", "x", "yes": return true
        case "false", "khong", "0", "", "no": return false
        default: return nil
        }
    }

    /// Checks a draft on its own. `parentKind` is the kind of the named parent when it exists (nil for a root).
    /// Whether the parent exists, the code is free, and the tree stays acyclic need the database: the service checks those.
    public static func check(_ draft: UnitDraft, parentKind: UnitKind?) -> Result<ValidUnit, DomainError> {
        var errors: [FieldError] = []
        let code = draft.code.trimmed
        if !UnitCode.isValid(code) { errors.append(FieldError("code", Catalogue.invalidUnitCode)) }
        let name = draft.name.trimmed
        if name.isEmpty {
            errors.append(FieldError("name", Catalogue.required))
        } else if name.count > maximumNameLength {
            errors.append(FieldError("name", Catalogue.tooLong(maximumNameLength)))
        }
        let kind = parseKind(draft.kind)
        if kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind))) }
        let sector = parseSector(draft.sector)
        if sector == nil { errors.append(FieldError("sector", Catalogue.unknownValue(draft.sector))) }
        let founded = parseOptionalDate(draft.foundedOn, field: "founded_on", into: &errors)
        let dissolved = parseOptionalDate(draft.dissolvedOn, field: "dissolved_on", into: &errors)
        if let founded, let dissolved, dissolved < founded {
            errors.append(FieldError("dissolved_on", Catalogue.dissolvedBeforeFounded))
        }
        if let kind, let parentKind, parentKind.order >= kind.order {
            errors.append(FieldError("parent_code", Catalogue.parentKindNotHigher(parent: parentKind, child: kind)))
        }
        guard errors.isEmpty, let kind, let sector else {
            return .failure(.invalid(Catalogue.invalidInput, errors))
        }
        let parent = draft.parentCode.trimmed
        return .success(
            ValidUnit(
                code: code, name: name, kind: kind, parentCode: parent.isEmpty ? nil : parent, sector: sector,
                hasCommittee: draft.hasCommittee, foundedOn: founded, dissolvedOn: dissolved))
    }

    static func parseOptionalDate(_ text: String, field: String, into errors: inout [FieldError]) -> CivilDate? {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return nil }
        guard let date = CivilDate(parsing: trimmed) else {
            errors.append(FieldError(field, Catalogue.invalidDate(trimmed)))
            return nil
        }
        return date
    }
}
