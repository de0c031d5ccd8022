/// Texts of planning (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let planningArea = t("Quy hoạch cán bộ", "Cadre planning")
}

extension Catalogue {
    public static let planningListNotFound = t("Không tìm thấy danh sách quy hoạch.", "Planning list not found.")
    public static let planningEntryNotFound = t("Không tìm thấy người trong danh sách quy hoạch.", "Planning entry not found.")
    public static func planningTermInvalid(_ text: String) -> Localized {
        t("Nhiệm kỳ “\(text)” không hợp lệ: ghi năm đầu và năm cuối cách nhau 5 năm, ví dụ 2025-2030.",
          "Term “\(text)” is not valid: write the first and last years, five years apart, e.g. 2025-2030.")
    }
    public static let planningListExists = t(
        "Đã có danh sách quy hoạch chức danh này tại nơi này trong nhiệm kỳ này.", "There is already a planning list for this position at this place in this term.")
    public static let planningPersonNotFound = t(
        "Không tìm thấy cán bộ hoặc đảng viên có số thẻ hoặc số CCCD này trong phạm vi quản lý.",
        "No cadre or party member with this card or national ID number in your scope.")
    public static func planningAlreadyListed(_ name: String) -> Localized {
        t("\(name) đã có trong danh sách quy hoạch này.", "\(name) is already in this planning list.")
    }
    public static let planningNeedsBirthDate = t(
        "Hồ sơ chưa có ngày sinh: không kiểm tra được tuổi quy hoạch.", "The record has no birth date: the planning age cannot be checked.")
    public static let planningAddRefused = t("Không đưa vào quy hoạch được:", "Cannot add to the planning:")
    public static let planningRemovalNeedsReason = t(
        "Phải ghi lý do đưa ra khỏi quy hoạch.", "A reason for taking the person out of the planning is required.")
    public static let planningEntryAlreadyRemoved = t("Người này đã được đưa ra khỏi quy hoạch.", "This person has already left the planning.")
    public static let planningRemovedBeforeAdded = t(
        "Ngày đưa ra trước ngày đưa vào quy hoạch.", "The removal date is before the date the person was planned.")
    public static let planningNothingToApprove = t(
        "Danh sách không có ai chờ phê duyệt.", "Nobody in the list is waiting for approval.")

    // Page texts.
    public static let planningTerm = t("Nhiệm kỳ", "Term")
    public static let planningPosition = t("Chức danh quy hoạch", "Planned position")
    public static let planningPlace = t("Đơn vị, cơ quan (mã)", "Unit or agency (code)")
    public static let planningNewList = t("Tạo danh sách quy hoạch", "New planning list")
    public static let planningPeople = t("Số người", "People")
    public static let planningStatus = t("Tình trạng", "Status")
    public static let planningPending = t("Chờ phê duyệt", "Awaiting approval")
    public static let planningApproved = t("Đã phê duyệt", "Approved")
    public static let planningAllTerms = t("Mọi nhiệm kỳ", "All terms")
    public static let planningStructure = t("Cơ cấu danh sách", "Structure of the list")
    public static let planningTermStructure = t("Cơ cấu chung của nhiệm kỳ (mỗi người tính một lần)", "Structure of the term (each person once)")
    public static let planningTarget = t("Chỉ tiêu", "Target")
    public static let planningNoTarget = t("không có chỉ tiêu", "no target")
    public static let planningMet = t("Đạt", "Met")
    public static let planningNotMet = t("Chưa đạt", "Not met")
    public static let planningAddPerson = t("Đưa vào quy hoạch", "Add to the planning")
    public static let planningPersonNumber = t("Số thẻ đảng viên hoặc số CCCD", "Card or national ID number")
    public static let planningAddedOn = t("Ngày đưa vào", "Planned on")
    public static let planningReason = t("Lý do", "Reason")
    public static let planningRemove = t("Đưa ra khỏi quy hoạch", "Take out of the planning")
    public static let planningRemovedOn = t("Ngày đưa ra", "Removed on")
    public static let planningRemovedList = t("Đã đưa ra khỏi danh sách", "Taken out of the list")
    public static let planningReview = t("Rà soát hằng năm", "Yearly review")
    public static let planningReviewNone = t(
        "Rà soát đến hôm nay: không ai phải đưa ra khỏi quy hoạch.", "Review as of today: nobody has to leave the planning.")
    public static let planningApplyReview = t("Đưa ra những người không còn đủ điều kiện", "Remove those no longer eligible")
    public static let planningApprove = t("Phê duyệt danh sách", "Approve the list")
    public static let planningApprovalNo = t("Số quyết định phê duyệt", "Approval decision number")
    public static let planningApprovedOn = t("Ngày phê duyệt", "Approved on")
    public static let planningProblems = t("Vướng quy định", "Rule problems")
    public static let planningOfCadre = t("Quy hoạch", "Planning")
    public static let planningManual = t("Theo đề nghị", "On proposal")
    public static let planningMinority = t("Dân tộc thiểu số", "Ethnic minority")
    public static let planningAge = t("Tuổi", "Age")
    public static func planningLimitNote(_ rules: PlanningRules) -> Localized {
        t(
            "Mỗi chức danh quy hoạch không quá \(rules.maxPerPosition) người; mỗi người không quá \(rules.maxPositionsPerPerson) chức danh ở một cấp (Quy định \(rules.regulation)).",
            "At most \(rules.maxPerPosition) people per position; a person in at most \(rules.maxPositionsPerPerson) positions at one level (Quy định \(rules.regulation)).")
    }
    public static let planningSaved = t("Đã lưu.", "Saved.")
    public static func planningReviewRemoved(_ n: Int) -> Localized {
        t("Rà soát: đã đưa \(n) người ra khỏi quy hoạch.", "Review: \(n) people taken out of the planning.")
    }
}

extension Catalogue {
    /// The kind of a removal as stored (`manual` or a `PlanningRemovalReason.key`), for a column.
    public static func planningRemovalKind(_ key: String) -> Localized {
        switch key {
        case "age_limit": return t("Không còn đủ tuổi quy hoạch", "No longer of planning age")
        case "discipline": return t("Bị kỷ luật", "Disciplined")
        case "political_standard": return t("Không đạt tiêu chuẩn chính trị", "Political standard not met")
        case "low_confidence": return t("Tín nhiệm thấp quá một nửa", "Low confidence from more than half")
        case "confidential": return t("Theo kết luận thẩm định (bảo mật)", "By a vetting conclusion (confidential)")
        default: return planningManual
        }
    }
}
