/// Texts of rule sets (issue 6): the thresholds of regulations, versioned.
extension Catalogue {
    public static func ruleFamily(_ f: RuleFamily) -> Localized {
        switch f {
        case .classification: return t("Đánh giá, xếp loại chất lượng", "Annual classification")
        case .confidenceVote: return t("Lấy phiếu tín nhiệm", "Confidence votes")
        case .election: return t("Bầu cử trong Đảng", "Elections")
        case .cellMeetings: return t("Sinh hoạt chi bộ, đảng phí", "Cell meetings and dues")
        case .congress: return t("Đại hội đảng bộ các cấp", "Congresses")
        case .admission: return t("Kết nạp đảng viên, dự bị, công nhận chính thức", "Admission, probation and recognition")
        case .badges: return t("Xét tặng Huy hiệu Đảng", "Party badges")
        case .headTenure: return t("Giữ chức vụ người đứng đầu liên tục", "Head of the same unit in a row")
        case .appointment: return t("Bổ nhiệm, bổ nhiệm lại cán bộ", "Appointment and re-appointment")
        case .discipline: return t("Thời hạn sau kỷ luật", "Periods after discipline")
        case .planning: return t("Quy hoạch cán bộ", "Planning of cadres")
        case .retirement: return t("Lộ trình tuổi nghỉ hưu", "Retirement roadmap")
        }
    }
    public static let rulesArea = t("Quy định áp dụng", "Rule sets")
    public static let rulesHelp = t(
        "Mỗi ngưỡng (tuổi, số tháng, tỷ lệ, số dư, túc số…) lấy từ văn bản quy định đang có hiệu lực vào ngày được xét. Khi có quy định mới, quản trị viên thêm phiên bản mới kèm số văn bản và ngày hiệu lực; các phiên bản cũ vẫn áp dụng cho thời gian trước đó.",
        "Each threshold (ages, months, shares, surplus, quorum…) comes from the regulation in force on the date judged. When a new regulation is issued, an administrator adds a version with its number and effective date; earlier versions still apply to earlier dates.")
    public static let ruleRegulation = t("Số văn bản", "Regulation")
    public static let ruleEffectiveFrom = t("Hiệu lực từ ngày", "In force from")
    public static let ruleTitle = t("Trích yếu", "Title")
    public static let ruleBuiltIn = t("Có sẵn", "Built in")
    public static let ruleAddedBy = t("Người thêm", "Added by")
    public static let ruleInForce = t("Đang áp dụng", "In force")
    public static let ruleNewVersion = t("Thêm phiên bản theo quy định mới", "Add a version for a new regulation")
    public static let ruleSaved = t("Đã thêm phiên bản quy định.", "Rule set version added.")
    public static let ruleParameter = t("Ngưỡng", "Threshold")
    public static let ruleValue = t("Giá trị", "Value")
    public static let ruleRegulationInvalid = t(
        "Ghi số văn bản như 366-QĐ/TW (số, gạch ngang, loại/cơ quan ban hành) hoặc tên văn bản như “Điều lệ Đảng”.",
        "Write the regulation's number such as 366-QĐ/TW, or its name such as “Điều lệ Đảng”.")
    public static func ruleValueInvalid(_ label: Localized) -> Localized {
        t("Giá trị của “\(label.vi)” không hợp lệ.", "The value of “\(label.en)” is not valid.")
    }
    public static let ruleSameDate = t(
        "Đã có một phiên bản của nhóm quy định này hiệu lực từ cùng ngày.", "A version of this family already takes effect on that date.")
    public static let ruleScoresOrder = t(
        "Các mức điểm phải tăng dần: hoàn thành < tốt < xuất sắc.", "Score bands must rise: done < good < excellent.")
    public static let ruleSmallBodyOrder = t(
        "Số ủy viên tối thiểu của cơ quan nhỏ không lớn hơn số tối đa.", "A small body's least seats cannot exceed its most.")
    public static let ruleVoteOrder = t(
        "Ngưỡng miễn nhiệm phải không thấp hơn ngưỡng đưa ra khỏi quy hoạch.", "The dismissal threshold cannot be below the removal threshold.")
    public static let ruleNotFound = t("Không có quy định đang áp dụng cho ngày này.", "No rule set is in force on that date.")

    public static let unitPercent = t("%", "%")
    public static let unitPoints = t("điểm", "points")
    public static let unitPlaces = t("nơi", "places")
    public static let unitSeats = t("ủy viên", "seats")
    public static let unitPeople = t("người", "people")
    public static let unitMonths = t("tháng", "months")
    public static let ruleUsesScore = t("Chấm điểm theo thang 100", "100-point score")
    public static let ruleExcellentMinScore = t("Điểm tối thiểu xếp loại hoàn thành xuất sắc", "Least score for excellent")
    public static let ruleGoodMinScore = t("Điểm tối thiểu xếp loại hoàn thành tốt", "Least score for good")
    public static let ruleDoneMinScore = t("Điểm tối thiểu xếp loại hoàn thành nhiệm vụ", "Least score for done")
    public static let ruleExcellentQuota = t(
        "Tỷ lệ hoàn thành xuất sắc tối đa so với số hoàn thành tốt", "Most excellent ratings as a share of good ones")
    public static let ruleExcellentExceeded = t(
        "Tỷ lệ nhiệm vụ vượt mức tối thiểu để xếp loại xuất sắc", "Least share of tasks exceeded for excellent")
    public static let ruleDoneMaxLate = t(
        "Tỷ lệ nhiệm vụ chậm tiến độ tối đa để xếp loại hoàn thành", "Most share of late tasks for done")
    public static let ruleQuorum = t("Số đại biểu có mặt tối thiểu so với số được triệu tập", "Quorum: least share of those convened present")
    public static let ruleLowRemoval = t(
        "Tín nhiệm thấp trên mức này: đưa ra khỏi quy hoạch, xem xét cho thôi giữ chức vụ",
        "Low votes above this share: out of planning, considered for leaving the post")
    public static let ruleLowDismissal = t(
        "Tín nhiệm thấp từ mức này: miễn nhiệm, bố trí công tác khác", "Low votes from this share: dismissal")
    public static let ruleMaxPlaces = t("Số nơi lấy phiếu tối đa cho một người", "Most places a person is voted on")
    public static let ruleSurplusMax = t("Số dư tối đa so với số cần bầu", "Most surplus over the seats")
    public static let ruleSmallBodyMin = t("Cơ quan nhỏ: từ số ủy viên", "Small body: from this many seats")
    public static let ruleSmallBodyMax = t("Cơ quan nhỏ: đến số ủy viên", "Small body: up to this many seats")
    public static let ruleSmallBodySurplus = t("Cơ quan nhỏ: số dư tối đa", "Small body: most surplus")
    public static let ruleFloorNominee = t(
        "Người được đề cử, ứng cử tại hội nghị cần trên tỷ lệ đại biểu này đồng ý", "Floor nominees need more than this share of delegates")
    public static let ruleElectedMoreThan = t("Trúng cử khi được quá tỷ lệ này số phiếu", "Elected with more than this share of ballots")
    public static let ruleMajorityBase = t("Tính tỷ lệ trên số phiếu", "Share counted over")
    public static let ballotsValid = t("hợp lệ", "valid ballots")
    public static let ballotsReturned = t("thu về", "ballots returned")
    public static let ruleFlagMonths = t(
        "Số tháng trong năm bỏ sinh hoạt hoặc không đóng đảng phí không có lý do thì đưa ra xem xét",
        "Months in a year of missed meetings or dues before a member is flagged")
}
