import Foundation

/// Lifecycle events of a membership (DOMAIN.md §2; Điều lệ Đảng; Quy định 24-QĐ/TW 2021).
public enum MemberEventKind: String, Sendable, CaseIterable, Codable {
    /// Official transfer to another unit inside the scope (chuyển sinh hoạt chính thức).
    case transferWithin = "transfer_within"
    /// Official transfer out of the scope: the member leaves this register.
    case transferOut = "transfer_out"
    /// Temporary transfer (sinh hoạt tạm thời) for study or work elsewhere; the member keeps the unit.
    case transferTemporary = "transfer_temporary"
    /// Back from a temporary transfer.
    case returnFromTemporary = "return_temporary"
    /// Exempt from work and meetings for age or health (miễn công tác và sinh hoạt đảng).
    case exempt
    case expelled
    case removed
    case resigned
    case deceased
    /// Re-admission (kết nạp lại): a new probation from the date.
    case readmitted

    public var label: Localized { Catalogue.memberEventKind(self) }

    /// The status the member has after the event (nil: unchanged).
    public var resultingStatus: MemberStatus? {
        switch self {
        case .transferOut: return .transferredOut
        case .exempt: return .exempt
        case .expelled: return .expelled
        case .removed: return .removed
        case .resigned: return .resigned
        case .deceased: return .deceased
        case .readmitted: return .probationary
        case .transferWithin, .transferTemporary, .returnFromTemporary: return nil
        }
    }

    /// Events a member of this status may have (who has left can only be re-admitted; the deceased, nothing).
    public static func allowed(for status: MemberStatus) -> [MemberEventKind] {
        switch status {
        case .probationary, .full: return [.transferWithin, .transferOut, .transferTemporary, .returnFromTemporary, .exempt, .expelled, .removed, .resigned, .deceased]
        case .exempt: return [.transferWithin, .transferOut, .deceased, .resigned]
        case .candidate: return []
        case .transferredOut, .expelled, .removed, .resigned: return [.readmitted]
        case .deceased: return []
        }
    }

    /// Whether the event needs a unit in the register (the new unit, or the one holding the member meanwhile).
    public var needsUnit: Bool { self == .transferWithin || self == .transferTemporary }
}
