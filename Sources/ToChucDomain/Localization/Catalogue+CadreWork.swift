/// Texts of cadre work (DOMAIN.md §3, issue 5): agencies, positions, decisions, management levels and the lists.
extension Catalogue {
    // MARK: - Enumerations

    /// INTERCHANGE.md positions.csv `managed_by` labels.
    public static func managementLevel(_ level: ManagementLevel) -> Localized {
        switch level {
        case .central: return t("Trung ương", "Central")
        case .provincial: return t("Tỉnh ủy", "Provincial")
        case .upperBase: return t("Huyện ủy", "Upper-base")
        case .base: return t("Cơ sở", "Base")
        }
    }

    /// INTERCHANGE.md positions.csv `start_kind` labels.
    public static func positionStartKind(_ kind: PositionStartKind) -> Localized {
        switch kind {
        case .elected: return t("Bầu", "Elected")
        case .appointed: return t("Bổ nhiệm", "Appointed")
        case .reappointed: return t("Bổ nhiệm lại", "Re-appointed")
        case .rotated: return t("Luân chuyển", "Rotated")
        case .transferred: return t("Điều động", "Transferred")
        case .assigned: return t("Phân công", "Assigned")
        }
    }

    /// INTERCHANGE.md positions.csv `end_kind` labels.
    public static func positionEndKind(_ kind: PositionEndKind) -> Localized {
        switch kind {
        case .termEnd: return t("Hết nhiệm kỳ", "Term ended")
        case .dismissed: return t("Miễn nhiệm", "Dismissed")
        case .resigned: return t("Từ chức", "Resigned")
        case .retired: return t("Nghỉ hưu", "Retired")
        case .disciplined: return t("Kỷ luật", "Disciplined")
        case .transferred: return t("Chuyển công tác", "Transferred")
        }
    }

    /// Kinds of cadre decision.
    public static func cadreDecisionKind(_ kind: CadreDecisionKind) -> Localized {
        switch kind {
        case .election: return t("Bầu", "Election")
        case .appointment: return t("Bổ nhiệm", "Appointment")
        case .reappointment: return t("Bổ nhiệm lại", "Re-appointment")
        case .rotation: return t("Luân chuyển", "Rotation")
        case .transfer: return t("Điều động", "Transfer")
        case .dismissal: return t("Miễn nhiệm", "Dismissal")
        case .resignation: return t("Từ chức", "Resignation")
        case .retirement: return t("Nghỉ hưu", "Retirement")
        }
    }

    /// Statuses of a cadre decision.
    public static func cadreDecisionStatus(_ status: CadreDecisionStatus) -> Localized {
        switch status {
        case .draft: return t("Dự thảo (chưa có hiệu lực)", "Draft (no effect yet)")
        case .approved: return t("Đã phê duyệt", "Approved")
        case .voided: return t("Đã hủy bỏ", "Voided")
        }
    }

    /// Kinds of agency.
    public static func agencyKind(_ kind: AgencyKind) -> Localized {
        switch kind {
        case .government: return t("Chính quyền", "Government")
        case .fatherlandFront: return t("Mặt trận Tổ quốc", "Fatherland Front")
        case .massOrganization: return t("Đoàn thể chính trị – xã hội", "Mass organization")
        case .other: return t("Khác", "Other")
        }
    }

    // MARK: - Agencies

    public static let agencies = t("Cơ quan, đoàn thể", "Agencies")
    public static let agency = t("Cơ quan", "Agency")
    public static let newAgency = t("Thêm cơ quan", "New agency")
    public static let editAgency = t("Sửa cơ quan", "Edit agency")
    public static let agencyName = t("Tên cơ quan", "Agency name")
    public static let agencyUnit = t("Tổ chức đảng lãnh đạo", "Leading party unit")
    public static let agencyNotFound = t("Không tìm thấy cơ quan này trong phạm vi của bạn.", "No such agency in your scope.")
    public static let agencyCodeTaken = t("Mã này đã dùng cho một cơ quan hoặc tổ chức đảng khác.", "This code is already used by another agency or party unit.")
    public static let agencySaved = t("Đã lưu cơ quan.", "Agency saved.")
    public static let subAgencies = t("Cơ quan trực thuộc", "Sub-agencies")

    // MARK: - Cadres and positions

    public static let cadres = t("Cán bộ", "Cadres")
    public static let cadre = t("Cán bộ", "Cadre")
    public static let newCadre = t("Thêm cán bộ", "New cadre")
    public static let cadreNotFound = t("Không tìm thấy cán bộ này trong phạm vi của bạn.", "No such cadre in your scope.")
    public static let cadreSaved = t("Đã lưu hồ sơ cán bộ.", "Cadre record saved.")
    public static let cadreFromMember = t(
        "Là đảng viên: nhập số thẻ đảng viên hoặc số CCCD, họ tên và ngày sinh lấy từ hồ sơ đảng viên.",
        "A party member: give the card or national ID number; name and birth date come from the member record.")
    public static let cadreNotMember = t(
        "Không phải đảng viên: nhập họ tên, giới tính, ngày sinh và số CCCD.",
        "Not a party member: give the name, gender, birth date and national ID.")
    public static let cadreAlreadyExists = t("Người này đã có hồ sơ cán bộ.", "This person already has a cadre record.")
    public static let memberNotFoundByNumber = t(
        "Không có đảng viên nào với số thẻ hoặc số CCCD này trong phạm vi của bạn.", "No member with this card or ID number in your scope.")
    public static let homeUnit = t("Đơn vị quản lý hồ sơ", "Unit holding the record")
    public static let partyMember = t("Đảng viên", "Party member")
    public static let positions = t("Chức vụ", "Positions")
    public static let currentPositions = t("Chức vụ hiện nay", "Current positions")
    public static let career = t("Quá trình công tác", "Career")
    public static let title = t("Chức vụ", "Title")
    public static let place = t("Đơn vị", "Unit")
    public static let placeCode = t("Mã đơn vị (tổ chức đảng hoặc cơ quan)", "Code of the unit (party unit or agency)")
    public static let startedOn = t("Ngày bắt đầu", "Started on")
    public static let endedOn = t("Ngày kết thúc", "Ended on")
    public static let startKind = t("Hình thức", "How it started")
    public static let endKind = t("Lý do kết thúc", "How it ended")
    public static let managedBy = t("Diện quản lý", "Managed by")
    public static let approvedOn = t("Ngày phê duyệt", "Approved on")
    public static let isHeadLabel = t("Người đứng đầu", "Head of the unit")
    public static let positionEndsBeforeStart = t("Ngày kết thúc trước ngày bắt đầu.", "The end is before the start.")
    public static let placeNotFound = t(
        "Không tìm thấy tổ chức đảng hoặc cơ quan có mã này trong phạm vi của bạn.", "No party unit or agency with this code in your scope.")
    public static let upcoming = t("sắp có hiệu lực", "upcoming")
    public static let noWarnings = t("Không có cảnh báo.", "No warnings.")
    public static let warnings = t("Cảnh báo theo quy định", "Rule warnings")
    public static let retirementLabel = t("Nghỉ hưu", "Retirement")
    public static func retiresOn(_ date: String, age: Localized) -> Localized {
        t("Đến tuổi nghỉ hưu (\(age.vi)): nghỉ hưu từ hết ngày \(date).", "Reaches retirement age (\(age.en)): retires at the end of \(date).")
    }
    // The warnings dashboard (issue 5): one label per rule.
    public static let warningHeadTenure = t("Giữ chức vụ đứng đầu đủ hai nhiệm kỳ liên tiếp", "Head of the same unit for two terms in a row")
    public static let warningRetirement = t("Đến tuổi nghỉ hưu trong 12 tháng", "Retires within 12 months")
    public static let warningReappointment = t("Đến hạn, quá hạn bổ nhiệm lại", "Due or overdue for re-appointment")
    public static let warningDiscipline = t("Đang trong thời hạn kỷ luật", "Within a discipline period")
    public static let warningTimeInPost = t("Chưa đủ thời gian giữ chức vụ hiện tại", "Too short a time in the current post")
    public static let warningWorkingAge = t("Không đủ tuổi công tác một nhiệm kỳ khi bổ nhiệm", "Less than a full term of working age at appointment")
    public static let warningsDashboard = t("Cảnh báo công tác cán bộ", "Cadre warnings")
    /// `regulations`: those in force on the date viewed (head of a unit, appointments, discipline, retirement).
    public static func warningsDashboardHelp(_ regulations: [String]) -> Localized {
        t(
            "Cán bộ thuộc phạm vi được rà soát theo các văn bản về công tác cán bộ áp dụng vào ngày xem (\(regulations.joined(separator: ", "))); một cán bộ có thể có nhiều cảnh báo.",
            "Cadres in scope with at least one rule warning on the date viewed (\(regulations.joined(separator: ", "))); a cadre may have several.")
    }
    public static let warningKind = t("Loại cảnh báo", "Warning")
    public static let allWarnings = t("Tất cả cảnh báo", "All warnings")
    public static let cadresWithWarnings = t("Số cán bộ có cảnh báo", "Cadres with warnings")
    public static let cadresChecked = t("Số cán bộ đã rà soát", "Cadres checked")

    /// A rule that was broken when a post now held was taken (the warning stays once the decision is in force).
    public static func warningOnTakingPost(_ post: String, _ message: Localized) -> Localized {
        t("Khi nhận chức vụ \(post): \(message.vi)", "When taking the post \(post): \(message.en)")
    }
    public static func retirementSoon(_ date: String) -> Localized {
        t("Sẽ nghỉ hưu trong 12 tháng tới (hết ngày \(date)): chuẩn bị nhân sự thay thế.", "Retires within the next 12 months (end of \(date)): prepare a successor.")
    }
    public static func disciplineRecorded(_ level: Localized, _ date: String) -> Localized {
        t("Kỷ luật \(level.vi.lowercased()) ngày \(date)", "\(level.en) on \(date)")
    }
    public static let discipline = t("Kỷ luật", "Discipline")
    public static let disciplineLevel = t("Hình thức kỷ luật", "Measure")
    public static let decidedOn = t("Ngày quyết định", "Decided on")
    public static let recordDiscipline = t("Ghi nhận kỷ luật", "Record a discipline")
    public static let disciplineSaved = t("Đã ghi nhận kỷ luật.", "Discipline recorded.")

    // MARK: - Decisions

    public static let decisions = t("Quyết định về cán bộ", "Decisions")
    public static let decision = t("Quyết định", "Decision")
    public static let newDecision = t("Đề xuất quyết định (dự thảo)", "Propose a decision (draft)")
    public static let decisionKind = t("Loại quyết định", "Kind of decision")
    public static let decisionStatus = t("Tình trạng", "Status")
    public static let decisionNotFound = t("Không tìm thấy quyết định này trong phạm vi của bạn.", "No such decision in your scope.")
    public static let closesPosition = t("Chức vụ thôi giữ", "Position it ends")
    public static let closesNothing = t("(không thôi giữ chức vụ nào)", "(ends no position)")
    public static let opensPosition = t("Chức vụ mới", "New position")
    public static let approve = t("Phê duyệt", "Approve")
    public static let voidDecision = t("Hủy bỏ (đính chính)", "Void (correct)")
    public static let voidNote = t("Lý do hủy bỏ", "Reason")
    public static let voidDecisionNo = t("Số quyết định hủy bỏ (với quyết định đã phê duyệt)", "Number of the voiding decision (for an approved one)")
    public static let decisionDrafted = t("Đã lưu dự thảo; chưa có hiệu lực cho đến khi được phê duyệt.", "Draft saved; it has no effect until approved.")
    public static let decisionApproved = t("Đã phê duyệt; quyết định có hiệu lực từ ngày hiệu lực.", "Approved; it takes effect on its effective date.")
    public static let decisionVoided = t("Đã hủy bỏ quyết định.", "Decision voided.")
    public static let proposedBy = t("Người đề xuất", "Proposed by")
    public static let approvedBy = t("Người phê duyệt", "Approved by")
    public static let propertyChanges = t("Nội dung thay đổi (cũ → mới)", "Changes (old → new)")
    public static let decisionMustClose = t("Quyết định này phải chỉ rõ chức vụ thôi giữ.", "This decision must name the position it ends.")
    public static let decisionNoPlace = t("Cần mã đơn vị của chức vụ mới.", "The new position needs the code of its unit.")
    public static let positionNotCurrent = t(
        "Chức vụ này đã kết thúc, đã bị hủy bỏ hoặc không thuộc cán bộ này.", "This position has ended, was voided, or is not this cadre's.")
    public static let effectiveBeforeStart = t(
        "Ngày hiệu lực phải sau ngày bắt đầu của chức vụ thôi giữ.", "The effective date must come after the start of the position it ends.")
    public static let decisionNotDraft = t("Chỉ phê duyệt được quyết định đang là dự thảo.", "Only a draft can be approved.")
    public static let decisionAlreadyVoided = t("Quyết định này đã bị hủy bỏ.", "This decision was already voided.")
    public static let decisionHasLaterChange = t(
        "Chức vụ do quyết định này tạo ra đã bị một quyết định sau thay đổi; hãy hủy bỏ quyết định sau trước.",
        "A later decision changed the position this one made; void that one first.")
    public static func approvalNeedsLevel(_ level: ManagementLevel) -> Localized {
        t(
            "Chức vụ thuộc diện \(level.label.vi) quản lý: chỉ lãnh đạo ở cấp \(level.label.vi) (hoặc cấp trên) mới được phê duyệt; cấp dưới chỉ được đề xuất và xem.",
            "The position is managed at the \(level.label.en.lowercased()) level: only heads at that level (or above) may approve; lower levels may propose and read.")
    }
    public static func changeNeedsLevel(_ level: ManagementLevel) -> Localized {
        t(
            "Chức vụ thuộc diện \(level.label.vi) quản lý: chỉ cấp \(level.label.vi) (hoặc cấp trên) mới được ghi nhận.",
            "The position is managed at the \(level.label.en.lowercased()) level: only that level (or above) may record it.")
    }
    public static let approveNeedsHead = t("Chỉ lãnh đạo ban (vai trò lãnh đạo) mới được phê duyệt.", "Only heads may approve.")

    // MARK: - Lists and counts

    public static let retiringList = t("Đến tuổi nghỉ hưu trong 12 tháng tới", "Retiring in the next 12 months")
    public static let reappointmentList = t("Đến hạn bổ nhiệm lại", "Due for re-appointment")
    public static let termEnds = t("Hết thời hạn bổ nhiệm", "Term ends")
    public static let noticeBy = t("Bắt đầu quy trình chậm nhất", "Start the procedure by")
    public static let approvals = t("Số lượt phê duyệt theo diện quản lý", "Approvals by management level")
    public static let periodFrom = t("Từ ngày", "From")
    public static let periodTo = t("Đến ngày", "To")
    public static let total = t("Tổng số", "Total")
    public static func approvalsSentence(_ level: Localized, _ count: String) -> Localized {
        t("Phê duyệt \(count) lượt cán bộ diện \(level.vi) quản lý", "\(count) approvals of cadres managed at the \(level.en.lowercased()) level")
    }
    public static let periodReversed = t("Ngày kết thúc kỳ trước ngày bắt đầu.", "The period ends before it starts.")

    // MARK: - Import

    public static func importPersonNotFound(_ key: String) -> Localized {
        t(
            "Không có đảng viên hoặc cán bộ nào với số “\(key)”; người không phải đảng viên cần cả họ tên, giới tính, ngày sinh và số CCCD.",
            "No member or cadre with number “\(key)”; a person who is not a member needs the name, gender, birth date and national ID.")
    }
    public static let importPersonMissing = t("Cần số CCCD hoặc số thẻ đảng viên.", "A national ID or card number is needed.")

    // MARK: - Pages

    public static let unitFilter = t("Mã tổ chức đảng (cả cấp dưới)", "Party unit code (with its subtree)")
    public static let memberNumber = t("Số thẻ đảng viên hoặc số CCCD", "Party card or national ID number")
    public static let asMember = t("Cán bộ là đảng viên", "A cadre who is a party member")
    public static let asNonMember = t("Cán bộ không phải đảng viên", "A cadre who is not a party member")
    public static let retirementTime = t("Thời điểm nghỉ hưu", "Retirement time")
    public static let reappointmentStatus = t("Bổ nhiệm lại", "Re-appointment")
    public static let voidedMark = t("(đã hủy bỏ)", "(voided)")
    public static let approvalLevelHelp = t(
        "Chỉ lãnh đạo ban ở cấp quản lý chức vụ (hoặc cấp trên) mới phê duyệt được; cấp dưới chỉ đề xuất (dự thảo) và xem.",
        "Only heads at the level that manages the position (or above) may approve; lower levels propose (drafts) and read.")
    public static let draftHelp = t(
        "Dự thảo chưa làm thay đổi gì. Khi được phê duyệt, quyết định có hiệu lực từ ngày hiệu lực (kể cả ngày trong tương lai).",
        "A draft changes nothing. Once approved, the decision takes effect on its effective date (a future one included).")
    public static func careerStarted(_ title: String, _ place: String, _ how: String) -> Localized {
        t("Bắt đầu giữ chức vụ \(title), \(place)\(how.isEmpty ? "" : " (\(how))")", "Started as \(title), \(place)\(how.isEmpty ? "" : " (\(how))")")
    }
    public static func careerEnded(_ title: String, _ place: String, _ how: String) -> Localized {
        t("Thôi giữ chức vụ \(title), \(place)\(how.isEmpty ? "" : " (\(how))")", "Left the post of \(title), \(place)\(how.isEmpty ? "" : " (\(how))")")
    }
    public static func careerDecision(_ number: String, _ kind: Localized, _ status: Localized) -> Localized {
        t("Quyết định số \(number): \(kind.vi) — \(status.vi)", "Decision \(number): \(kind.en) — \(status.en)")
    }
    public static let approvalsHelp = t(
        "Một lượt phê duyệt là một chức vụ có ngày phê duyệt trong kỳ, hoặc một quyết định thôi giữ chức vụ được phê duyệt trong kỳ, đếm theo diện quản lý.",
        "An approval is a position approved in the period, or an approved decision ending one, counted by management level.")
    public static let cadreLists = t("Danh sách", "Lists")
    public static let draftsToApprove = t("Dự thảo chờ phê duyệt", "Drafts awaiting approval")
    public static let allStatuses = t("Mọi tình trạng", "Any status")
    public static let oldValue = t("Giá trị cũ", "Old value")
    public static let newValue = t("Giá trị mới", "New value")
}
