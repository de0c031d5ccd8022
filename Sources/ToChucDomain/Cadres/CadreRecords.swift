import Foundation

/// Who manages a cadre's position (phân cấp quản lý cán bộ, diện quản lý; DOMAIN.md §3; INTERCHANGE.md positions.csv
/// `managed_by`), from the highest authority down. Keys are stored; labels are shown.
public enum ManagementLevel: String, Sendable, CaseIterable, Codable, Comparable {
    /// Diện Trung ương quản lý (Politburo, Secretariat).
    case central
    /// Diện Ban Thường vụ Tỉnh ủy quản lý.
    case provincial
    /// Diện Ban Thường vụ Huyện ủy (cấp trên cơ sở) quản lý.
    case upperBase = "upper_base"
    /// Diện cấp cơ sở quản lý.
    case base

    /// Trung ương / Tỉnh ủy / Huyện ủy / Cơ sở (INTERCHANGE.md).
    public var label: Localized { Catalogue.managementLevel(self) }

    /// 3 for the Centre down to 0 for the base level.
    public var rank: Int { ManagementLevel.allCases.count - 1 - ManagementLevel.allCases.firstIndex(of: self)! }

    /// Lower authority first: `.base < .central`.
    public static func < (lhs: ManagementLevel, rhs: ManagementLevel) -> Bool { lhs.rank < rhs.rank }

    /// The level of the committee of a party unit: the Centre, a province, an upper-base committee; every unit below
    /// (base, sub-base, cell) is the base level.
    public static func of(_ kind: UnitKind) -> ManagementLevel {
        switch kind {
        case .central: return .central
        case .provincial: return .provincial
        case .upperBase: return .upperBase
        case .base, .subBase, .cell: return .base
        }
    }

    /// DOMAIN.md §3 and §6: only the managing authority (or one above it) approves decisions about a position it manages;
    /// lower levels may propose and read. `approver` is the level of the approving user's unit.
    public static func mayApprove(managedBy: ManagementLevel, approver: ManagementLevel) -> Bool { approver >= managedBy }

    /// The key or the Vietnamese label, ignoring case and diacritics (`Tỉnh ủy`, `provincial`).
    public static func parse(_ text: String) -> ManagementLevel? { byFoldedName[VietnameseText.fold(text)] }

    /// Labels, keys and the short names spreadsheets use (Tỉnh, Huyện, TW, Cấp trên cơ sở).
    private static let byFoldedName: [String: ManagementLevel] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [("tinh", .provincial), ("huyen", .upperBase), ("tw", .central), ("cap tren co so", .upperBase), ("thanh uy", .provincial)],
        uniquingKeysWith: { a, _ in a })
}

/// How a position started (INTERCHANGE.md positions.csv `start_kind`).
public enum PositionStartKind: String, Sendable, CaseIterable, Codable {
    case elected
    case appointed
    case reappointed
    /// Luân chuyển.
    case rotated
    /// Điều động.
    case transferred
    /// Phân công.
    case assigned

    /// Bầu / Bổ nhiệm / Bổ nhiệm lại / Luân chuyển / Điều động / Phân công.
    public var label: Localized { Catalogue.positionStartKind(self) }

    /// Positions held by appointment last a term and then need re-appointment (DOMAIN.md §3).
    public var isAppointment: Bool { self == .appointed || self == .reappointed }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> PositionStartKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: PositionStartKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// How a position ended (INTERCHANGE.md positions.csv `end_kind`).
public enum PositionEndKind: String, Sendable, CaseIterable, Codable {
    case termEnd = "term_end"
    /// Miễn nhiệm.
    case dismissed
    /// Từ chức.
    case resigned
    case retired
    case disciplined
    case transferred

    /// Hết nhiệm kỳ / Miễn nhiệm / Từ chức / Nghỉ hưu / Kỷ luật / Chuyển công tác.
    public var label: Localized { Catalogue.positionEndKind(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> PositionEndKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: PositionEndKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// The decisions of cadre work (DOMAIN.md §3): each opens a position, closes one, or both.
public enum CadreDecisionKind: String, Sendable, CaseIterable, Codable {
    case election
    case appointment
    case reappointment
    /// Luân chuyển.
    case rotation
    /// Điều động.
    case transfer
    /// Miễn nhiệm.
    case dismissal
    /// Từ chức.
    case resignation
    case retirement

    /// Bầu / Bổ nhiệm / Bổ nhiệm lại / Luân chuyển / Điều động / Miễn nhiệm / Từ chức / Nghỉ hưu.
    public var label: Localized { Catalogue.cadreDecisionKind(self) }

    /// How the position it opens starts; nil for decisions that only end a position.
    public var opens: PositionStartKind? {
        switch self {
        case .election: return .elected
        case .appointment: return .appointed
        case .reappointment: return .reappointed
        case .rotation: return .rotated
        case .transfer: return .transferred
        case .dismissal, .resignation, .retirement: return nil
        }
    }

    /// How the position it closes ends (when it closes one).
    public var closes: PositionEndKind {
        switch self {
        case .election, .reappointment: return .termEnd
        case .appointment, .rotation, .transfer: return .transferred
        case .dismissal: return .dismissed
        case .resignation: return .resigned
        case .retirement: return .retired
        }
    }

    /// Whether the decision must name the position it closes: re-appointment renews it; the others end it.
    public var mustClose: Bool { opens == nil || self == .reappointment }

    /// Re-appointment continues the closed position (same place and title) in a new term.
    public var continuesClosedPosition: Bool { self == .reappointment }
}

/// Where a decision stands. Drafts change nothing; approval writes the dated positions; voiding undoes an approval
/// (or withdraws a draft) without deleting anything.
public enum CadreDecisionStatus: String, Sendable, CaseIterable, Codable {
    case draft
    case approved
    case voided

    /// Dự thảo / Đã phê duyệt / Đã hủy bỏ.
    public var label: Localized { Catalogue.cadreDecisionStatus(self) }
}

/// Kinds of non-party agency (DOMAIN.md §3: government, Fatherland Front, mass organizations).
public enum AgencyKind: String, Sendable, CaseIterable, Codable {
    case government
    case fatherlandFront = "fatherland_front"
    case massOrganization = "mass_organization"
    case other

    /// Chính quyền / Mặt trận Tổ quốc / Đoàn thể chính trị – xã hội / Khác.
    public var label: Localized { Catalogue.agencyKind(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> AgencyKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: AgencyKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// An agency as typed in a form or a file, before it is checked.
public struct AgencyDraft: Sendable, Equatable {
    public var code: String
    public var name: String
    public var kind: String
    public var parentCode: String
    /// The party unit whose subtree holds the agency (the committee that leads it): scope follows it.
    public var unitCode: String

    public init(code: String = "", name: String = "", kind: String = AgencyKind.government.rawValue, parentCode: String = "", unitCode: String = "") {
        self.code = code
        self.name = name
        self.kind = kind
        self.parentCode = parentCode
        self.unitCode = unitCode
    }
}

/// A checked agency draft.
public struct ValidAgency: Sendable, Equatable {
    public let code: String
    public let name: String
    public let kind: AgencyKind
    public let parentCode: String?
    public let unitCode: String

    /// The values the audit log records.
    public var auditValues: [String: String?] {
        ["code": code, "name": name, "kind": kind.rawValue, "parent_code": parentCode, "unit_code": unitCode]
    }
}

/// The rules of an agency's own attributes (the parent's existence and scope need the database).
public enum AgencyRules {
    public static func check(_ draft: AgencyDraft) -> Result<ValidAgency, DomainError> {
        var errors: [FieldError] = []
        let code = draft.code.trimmed
        if !UnitCode.isValid(code) { errors.append(FieldError("code", Catalogue.invalidUnitCode)) }
        let name = draft.name.trimmed
        if name.isEmpty {
            errors.append(FieldError("name", Catalogue.required))
        } else if name.count > UnitRules.maximumNameLength {
            errors.append(FieldError("name", Catalogue.tooLong(UnitRules.maximumNameLength)))
        }
        let kind = AgencyKind.parse(draft.kind)
        if kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind))) }
        let unit = draft.unitCode.trimmed
        if unit.isEmpty { errors.append(FieldError("unit_code", Catalogue.required)) }
        let parent = draft.parentCode.trimmed
        if parent == code && !code.isEmpty { errors.append(FieldError("parent_code", Catalogue.cycle)) }
        guard errors.isEmpty, let kind else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ValidAgency(code: code, name: name, kind: kind, parentCode: parent.isEmpty ? nil : parent, unitCode: unit))
    }
}

/// Titles of the head of a unit (người đứng đầu: Bí thư, Chủ tịch, Giám đốc, Trưởng ban…), for the 8-year rule;
/// deputies (Phó …) are not heads. positions.csv has no such column, so the title decides.
public enum CadreTitle {
    public static let maximumLength = 200

    /// Typed with its accents, the title is read with them ("Trưởng ban" is a head, "Trường Chính trị" is a school, not a
    /// title); typed without any, the folded prefixes decide.
    public static func isHead(_ title: String) -> Bool {
        let lowered = title.trimmed.lowercased().precomposedStringWithCanonicalMapping
        let words = lowered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let folded = VietnameseText.fold(title)
        if folded.hasPrefix("pho ") || folded == "pho" { return false }
        let hasAccents = words != folded
        let prefixes = hasAccents ? accentedHeadPrefixes : headPrefixes
        return prefixes.contains { (hasAccents ? words : folded) == $0 || (hasAccents ? words : folded).hasPrefix($0 + " ") }
    }

    private static let accentedHeadPrefixes = [
        "bí thư", "chủ tịch", "giám đốc", "tổng giám đốc", "trưởng", "chánh án", "viện trưởng", "hiệu trưởng", "chủ nhiệm",
        "tổng biên tập", "thủ trưởng", "chánh văn phòng", "tư lệnh", "chính ủy",
    ].map { $0.precomposedStringWithCanonicalMapping }

    private static let headPrefixes = accentedHeadPrefixes.map(VietnameseText.fold)
}

/// One position as a form or a file gives it, before it is checked (INTERCHANGE.md positions.csv).
public struct PositionDraft: Sendable, Equatable {
    public var title = ""
    public var startedOn = ""
    public var endedOn = ""
    public var startKind = ""
    public var endKind = ""
    public var managedBy = ""
    public var approvedOn = ""

    public init() {}
}

/// A checked position's own values.
public struct ValidPosition: Sendable, Equatable {
    public let title: String
    public let startedOn: CivilDate
    public let endedOn: CivilDate?
    public let startKind: PositionStartKind?
    public let endKind: PositionEndKind?
    public let managedBy: ManagementLevel
    public let approvedOn: CivilDate?
}

/// The rules of one position on its own (DOMAIN.md §3): a title, a start, an end not before it, known kinds and level.
public enum PositionRules {
    public static func check(_ draft: PositionDraft) -> Result<ValidPosition, DomainError> {
        var errors: [FieldError] = []
        let title = draft.title.trimmed
        if title.isEmpty {
            errors.append(FieldError("title", Catalogue.required))
        } else if title.count > CadreTitle.maximumLength {
            errors.append(FieldError("title", Catalogue.tooLong(CadreTitle.maximumLength)))
        }
        var started: CivilDate? = nil
        if draft.startedOn.trimmed.isEmpty {
            errors.append(FieldError("started_on", Catalogue.required))
        } else {
            started = UnitRules.parseOptionalDate(draft.startedOn, field: "started_on", into: &errors)
        }
        let ended = UnitRules.parseOptionalDate(draft.endedOn, field: "ended_on", into: &errors)
        let approved = UnitRules.parseOptionalDate(draft.approvedOn, field: "approved_on", into: &errors)
        if let started, let ended, ended < started { errors.append(FieldError("ended_on", Catalogue.positionEndsBeforeStart)) }
        var startKind: PositionStartKind? = nil
        if !draft.startKind.trimmed.isEmpty {
            startKind = PositionStartKind.parse(draft.startKind)
            if startKind == nil { errors.append(FieldError("start_kind", Catalogue.unknownValue(draft.startKind))) }
        }
        var endKind: PositionEndKind? = nil
        if !draft.endKind.trimmed.isEmpty {
            endKind = PositionEndKind.parse(draft.endKind)
            if endKind == nil { errors.append(FieldError("end_kind", Catalogue.unknownValue(draft.endKind))) }
            if ended == nil && !draft.endKind.trimmed.isEmpty { errors.append(FieldError("ended_on", Catalogue.required)) }
        }
        let level = ManagementLevel.parse(draft.managedBy)
        if draft.managedBy.trimmed.isEmpty {
            errors.append(FieldError("managed_by", Catalogue.required))
        } else if level == nil {
            errors.append(FieldError("managed_by", Catalogue.unknownValue(draft.managedBy)))
        }
        guard errors.isEmpty, let started, let level else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            ValidPosition(
                title: title, startedOn: started, endedOn: ended, startKind: startKind, endKind: endKind, managedBy: level,
                approvedOn: approved))
    }
}

/// The columns of `positions.csv` (INTERCHANGE.md), plus the person's name, gender and birth date for cadres who are
/// not party members (docs/interchange.md): members are found by card or national ID number.
public enum PositionsFile {
    public static let fileName = "positions.csv"
    public static let sheetName = "positions"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("national_id", "Số CCCD"),
        InterchangeColumn("card_no", "Số thẻ đảng viên"),
        InterchangeColumn("unit_code", "Mã đơn vị", required: true),
        InterchangeColumn("title", "Chức vụ", required: true),
        InterchangeColumn("started_on", "Ngày bắt đầu", required: true),
        InterchangeColumn("ended_on", "Ngày kết thúc"),
        InterchangeColumn("start_kind", "Hình thức"),
        InterchangeColumn("end_kind", "Lý do kết thúc"),
        InterchangeColumn("managed_by", "Diện quản lý", required: true),
        InterchangeColumn("approved_on", "Ngày phê duyệt"),
        InterchangeColumn("full_name", "Họ và tên"),
        InterchangeColumn("gender", "Giới tính"),
        InterchangeColumn("birth_date", "Ngày sinh"),
    ]
}

/// The columns of `agencies.csv`: the tree of non-party agencies (docs/interchange.md).
public enum AgenciesFile {
    public static let fileName = "agencies.csv"
    public static let sheetName = "agencies"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("code", "Mã", required: true),
        InterchangeColumn("name", "Tên cơ quan", required: true),
        InterchangeColumn("kind", "Loại", required: true),
        InterchangeColumn("parent_code", "Mã cấp trên"),
        InterchangeColumn("unit_code", "Mã tổ chức đảng", required: true),
    ]
}
