/// Texts of the rule families of DOMAIN.md §2–§3 (admission, badges, cadres, planning, retirement): their thresholds'
/// labels, units and consistency messages.
extension Catalogue {
    public static let unitWorkingDays = t("ngày làm việc", "working days")
    public static let unitPartyYears = t("năm tuổi Đảng", "years of party age")
    public static let unitPositions = t("chức danh", "positions")
    public static let unitAgeMonths = t("tháng tuổi; 60 tuổi 3 tháng = 723", "months of age; 60 years 3 months = 723")

    public static let ruleAdmissionMinAge = t(
        "Tuổi đời tối thiểu của người vào Đảng (tuổi tròn, tính theo tháng)", "Least age of a candidate (full years, counted in months)")
    public static let ruleAdmissionMaxAge = t(
        "Tuổi đời tối đa; lớn hơn cần văn bản đồng ý của cấp ủy trực thuộc Trung ương", "Most age; older needs the provincial committee's consent")
    public static let ruleIntroducers = t("Số người giới thiệu", "Introducers")
    public static let ruleIntroducerMonths = t(
        "Thời gian tối thiểu người giới thiệu cùng công tác với người vào Đảng", "Least time an introducer has worked with the candidate")
    public static let ruleYouthUnionMaxAge = t(
        "Tuổi tối đa của người vào Đảng do Ban Chấp hành Đoàn cơ sở giới thiệu", "Most age of a candidate the Youth Union committee introduces")
    public static let ruleCellVote = t(
        "Tỷ lệ đảng viên chính thức của chi bộ tán thành tối thiểu", "Least share of the cell's full members in favour")
    public static let ruleCeremonyDays = t("Tổ chức lễ kết nạp trong thời hạn kể từ quyết định", "Admission ceremony within, from the decision")
    public static let ruleProbationMonths = t("Thời gian dự bị", "Probation")
    public static let ruleRecognitionDays = t(
        "Chi bộ xét công nhận chính thức trong thời hạn sau khi hết dự bị", "Recognition considered within, after the probation")
    public static let ruleAgesOrder = t("Tuổi tối đa phải lớn hơn tuổi tối thiểu.", "The most age must exceed the least age.")

    public static let ruleBadgeEarlyMonths = t(
        "Tặng sớm tối đa (ốm nặng) cho các mốc dưới mốc tặng sớm dài", "Most months early (serious illness) below the longer window's milestone")
    public static let ruleBadgeLongEarlyFrom = t("Mốc tuổi Đảng bắt đầu được tặng sớm dài hơn", "Milestone from which the longer early window applies")
    public static let ruleBadgeLongEarlyMonths = t("Tặng sớm tối đa từ mốc đó", "Most months early from that milestone")
    public static let ruleBadgePosthumousMonths = t(
        "Truy tặng khi từ trần trước mốc không quá", "Posthumous award when death came at most this before the milestone")

    public static let ruleHeadLimitYears = t(
        "Số năm liên tục giữ chức vụ người đứng đầu một địa phương, đơn vị (hai nhiệm kỳ)", "Years in a row as head of one unit (two terms)")
    public static let ruleMinMonthsInPost = t(
        "Thời gian giữ chức vụ hiện tại tối thiểu trước khi bổ nhiệm chức vụ cao hơn", "Least time in the current post before a higher one")
    public static let ruleAppointmentWorkingAge = t(
        "Thời gian công tác còn lại tối thiểu khi bổ nhiệm lần đầu, bổ nhiệm chức vụ cao hơn", "Least working time left at a first or higher appointment")
    public static let ruleAppointmentTermYears = t("Thời hạn mỗi lần bổ nhiệm", "Term of an appointment")
    public static let ruleNoticeWorkingDays = t(
        "Bắt đầu quy trình bổ nhiệm lại trước khi hết thời hạn ít nhất", "Re-appointment procedure starts at least this before the term ends")
    public static let ruleReappointmentMinMonths = t(
        "Thời gian công tác còn lại tối thiểu để bổ nhiệm lại (ít hơn: kéo dài đến khi nghỉ hưu)",
        "Least working time left for a re-appointment (less: kept in the post until retirement)")
    public static func ruleBarMonths(_ level: DisciplineLevel) -> Localized {
        let name = disciplineLevel(level)
        return t(
            "\(name.vi): không quy hoạch, bổ nhiệm, giới thiệu ứng cử trong", "\(name.en): no planning, appointment or nomination for")
    }
    public static let ruleBarsOrder = t(
        "Hình thức kỷ luật nặng hơn không thể có thời hạn ngắn hơn: khiển trách ≤ cảnh cáo ≤ cách chức.",
        "A heavier discipline cannot bar for less time: reprimand ≤ warning ≤ removal from post.")

    public static let rulePlanningMaxPerPosition = t("Số người tối đa quy hoạch cho một chức danh", "Most people planned for one position")
    public static let rulePlanningMaxPositions = t(
        "Số chức danh tối đa một người được quy hoạch ở một cấp", "Most positions one person is planned for at one level")
    public static let rulePlanningWorkingAge = t(
        "Thời gian công tác còn lại tối thiểu tính từ đầu nhiệm kỳ quy hoạch (trọn một nhiệm kỳ)",
        "Least working time left from the start of the planning term (a full term)")
    public static let rulePlanningWomen = t("Tỷ lệ cán bộ nữ tối thiểu (mục tiêu)", "Least share of women (target)")
    public static let rulePlanningYoung = t("Tỷ lệ cán bộ trẻ tối thiểu (mục tiêu)", "Least share of young cadres (target)")
    public static let rulePlanningYoungProvince = t("Cán bộ trẻ: dưới tuổi này (cấp tỉnh trở xuống)", "Young: under this age (province and below)")
    public static let rulePlanningYoungCentral = t("Cán bộ trẻ: dưới tuổi này (Trung ương)", "Young: under this age (the Centre)")

    public static let ruleRoadmapFirstYear = t("Năm đầu của lộ trình", "First year of the roadmap")
    private static func gendered(_ gender: Gender, _ vi: String, _ en: String) -> Localized {
        gender == .male ? t("Nam: " + vi, "Men: " + en) : t("Nữ: " + vi, "Women: " + en)
    }
    public static func ruleRoadmapAgeBefore(_ gender: Gender) -> Localized {
        gendered(gender, "tuổi nghỉ hưu trước năm đầu", "retirement age before the first year")
    }
    public static func ruleRoadmapFirstAge(_ gender: Gender) -> Localized {
        gendered(gender, "tuổi nghỉ hưu năm đầu", "retirement age in the first year")
    }
    public static func ruleRoadmapStep(_ gender: Gender) -> Localized { gendered(gender, "mỗi năm tăng thêm", "added each year") }
    public static func ruleRoadmapFinalAge(_ gender: Gender) -> Localized {
        gendered(gender, "tuổi nghỉ hưu cuối lộ trình", "retirement age at the end of the roadmap")
    }
    public static let ruleRoadmapOrder = t(
        "Tuổi năm đầu không lớn hơn tuổi cuối lộ trình, và mỗi năm phải tăng thêm khi hai tuổi khác nhau.",
        "The first year's age cannot exceed the final age, and a step is needed when they differ.")
}
