/// The rules of DOMAIN.md §3 a cadre's record is checked against, one kind per rule: what the warnings dashboard counts.
public enum CadreWarningKind: String, Sendable, CaseIterable, Codable {
    /// 8 consecutive years or more as head of the same unit (Quy định 65-QĐ/TW 2022).
    case headTenure = "head_tenure"
    /// Reaches the retirement age of the roadmap within 12 months (Nghị định 135/2020).
    case retirement
    /// An appointment's term ends within 90 working days, or has ended (Quy định 377-QĐ/TW 2025).
    case reappointment
    /// A discipline period runs: no promotion (12/30/60 months).
    case discipline
    /// Less than 2 years in the previous post before a promotion.
    case timeInPost = "time_in_post"
    /// Less than a full 5-year term of working age left at a first appointment.
    case workingAge = "working_age"

    public var label: Localized {
        switch self {
        case .headTenure: return Catalogue.warningHeadTenure
        case .retirement: return Catalogue.warningRetirement
        case .reappointment: return Catalogue.warningReappointment
        case .discipline: return Catalogue.warningDiscipline
        case .timeInPost: return Catalogue.warningTimeInPost
        case .workingAge: return Catalogue.warningWorkingAge
        }
    }
}
