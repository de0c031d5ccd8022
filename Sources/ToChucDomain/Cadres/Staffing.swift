import Foundation

/// Staffing quotas (biên chế, DOMAIN.md §3): per agency and year, the quota assigned, the actual headcount, the
/// reduction target (tinh giản biên chế) and the reductions achieved. An agency's figures include its sub-agencies':
/// a parent allots part of its own quota to its children, so the children's quotas together cannot exceed it.

/// A quota as typed in a form, a request or a file, before it is checked.
public struct StaffingDraft: Sendable, Equatable {
    public var assigned = ""
    public var actual = ""
    public var reductionTarget = ""
    public var reduced = ""
    public var note = ""

    public init(assigned: String = "", actual: String = "", reductionTarget: String = "", reduced: String = "", note: String = "") {
        self.assigned = assigned
        self.actual = actual
        self.reductionTarget = reductionTarget
        self.reduced = reduced
        self.note = note
    }
}

/// The checked figures of one agency for one year.
public struct StaffingFigures: Sendable, Equatable {
    public let assigned: Int
    public let actual: Int
    public let reductionTarget: Int
    public let reduced: Int
    public let note: String

    public init(assigned: Int, actual: Int, reductionTarget: Int, reduced: Int, note: String = "") {
        self.assigned = assigned
        self.actual = actual
        self.reductionTarget = reductionTarget
        self.reduced = reduced
        self.note = note
    }

    /// Reductions achieved as a percentage of the target (tiến độ tinh giản); nil without a target.
    public var progressPercent: Double? { StaffingRules.progressPercent(reduced: reduced, target: reductionTarget) }

    /// Headcount above (positive) or below (negative) the quota.
    public var overQuota: Int { actual - assigned }

    public var auditValues: [String: String?] {
        [
            "assigned": String(assigned), "actual": String(actual), "reduction_target": String(reductionTarget), "reduced": String(reduced),
            "note": note.isEmpty ? nil : note,
        ]
    }

    public var draft: StaffingDraft {
        StaffingDraft(assigned: String(assigned), actual: String(actual), reductionTarget: String(reductionTarget), reduced: String(reduced), note: note)
    }

    /// Figures added up (totals of a list).
    public static func + (a: StaffingFigures, b: StaffingFigures) -> StaffingFigures {
        StaffingFigures(
            assigned: a.assigned + b.assigned, actual: a.actual + b.actual, reductionTarget: a.reductionTarget + b.reductionTarget,
            reduced: a.reduced + b.reduced)
    }

    public static let zero = StaffingFigures(assigned: 0, actual: 0, reductionTarget: 0, reduced: 0)
}

/// What the quota check needs to know around one agency in one year (read from the records by the service).
public struct QuotaNeighbourhood: Sendable, Equatable {
    public let agency: String
    public let year: Int
    /// The parent agency's name and its assigned quota for the year; nil when it has no parent, or the parent has no
    /// quota recorded for that year yet (nothing to compare with: the check runs again when the parent's is saved).
    public let parent: String?
    public let parentAssigned: Int?
    /// The assigned quotas of the parent's other children for the year, added up.
    public let siblingsAssigned: Int
    /// The assigned quotas of this agency's own children for the year, added up (0 when none has one).
    public let childrenAssigned: Int

    public init(agency: String, year: Int, parent: String?, parentAssigned: Int?, siblingsAssigned: Int, childrenAssigned: Int) {
        self.agency = agency
        self.year = year
        self.parent = parent
        self.parentAssigned = parentAssigned
        self.siblingsAssigned = siblingsAssigned
        self.childrenAssigned = childrenAssigned
    }
}

public enum StaffingRules {
    public static let minimumYear = 2000
    public static let maximumYear = 2100
    /// More than any agency's headcount (the largest ministries count in the hundreds of thousands).
    public static let maximumCount = 10_000_000
    public static let maximumNoteLength = 1000

    /// A year a quota may be recorded for.
    public static func isValidYear(_ year: Int) -> Bool { (minimumYear...maximumYear).contains(year) }

    /// The figures' own rules: whole numbers from 0; a reduction target no larger than the quota it reduces.
    public static func check(_ draft: StaffingDraft) -> Result<StaffingFigures, DomainError> {
        var errors: [FieldError] = []
        func count(_ field: String, _ text: String) -> Int {
            let trimmed = text.trimmed.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: " ", with: "")
            if trimmed.isEmpty {
                errors.append(FieldError(field, Catalogue.required))
                return 0
            }
            guard let n = Int(trimmed), (0...maximumCount).contains(n) else {
                errors.append(FieldError(field, Catalogue.outOfRange(0, maximumCount)))
                return 0
            }
            return n
        }
        let assigned = count("assigned", draft.assigned)
        let actual = count("actual", draft.actual)
        let target = draft.reductionTarget.trimmed.isEmpty ? 0 : count("reduction_target", draft.reductionTarget)
        let reduced = draft.reduced.trimmed.isEmpty ? 0 : count("reduced", draft.reduced)
        if errors.isEmpty && target > assigned {
            errors.append(FieldError("reduction_target", Catalogue.reductionAboveQuota(target: target, assigned: assigned)))
        }
        let note = draft.note.trimmed
        if note.count > maximumNoteLength { errors.append(FieldError("note", Catalogue.tooLong(maximumNoteLength))) }
        guard errors.isEmpty else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(StaffingFigures(assigned: assigned, actual: actual, reductionTarget: target, reduced: reduced, note: note))
    }

    /// DOMAIN.md §3: a child's quota cannot exceed what its parent allotted. Checked from both sides on every save: the
    /// children's quotas together (this one included) may not exceed the parent's, and this agency's quota may not fall
    /// below what it already allotted to its own children. Equal is allowed (the whole quota handed down).
    public static func quotaProblems(assigned: Int, around n: QuotaNeighbourhood) -> [FieldError] {
        var problems: [FieldError] = []
        if let parent = n.parent, let allotted = n.parentAssigned, assigned + n.siblingsAssigned > allotted {
            problems.append(
                FieldError(
                    "assigned",
                    Catalogue.quotaAboveParent(
                        agency: n.agency, year: n.year, assigned: assigned, siblings: n.siblingsAssigned, parent: parent, parentAssigned: allotted)))
        }
        if assigned < n.childrenAssigned {
            problems.append(
                FieldError("assigned", Catalogue.quotaBelowChildren(agency: n.agency, year: n.year, assigned: assigned, children: n.childrenAssigned)))
        }
        return problems
    }

    /// Reductions achieved as a percentage of the target; nil when there is no target (0).
    public static func progressPercent(reduced: Int, target: Int) -> Double? {
        guard target > 0 else { return nil }
        return Double(reduced) * 100 / Double(target)
    }
}

/// The columns of `staffing_quotas.csv` (docs/interchange.md): one agency's figures for one year.
public enum StaffingQuotasFile {
    public static let fileName = "staffing_quotas.csv"
    public static let sheetName = "staffing_quotas"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("agency_code", "Mã cơ quan", required: true),
        InterchangeColumn("year", "Năm", required: true),
        InterchangeColumn("assigned", "Biên chế được giao", required: true),
        InterchangeColumn("actual", "Có mặt", required: true),
        InterchangeColumn("reduction_target", "Chỉ tiêu tinh giản"),
        InterchangeColumn("reduced", "Đã tinh giản"),
        InterchangeColumn("note", "Ghi chú"),
    ]
}
