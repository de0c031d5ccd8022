/// Texts of the list downloads and the filters that let a report's figure open its records (DOMAIN.md §6, issue 7).
extension Catalogue {
    public static let unitsUnder = t("Thuộc đơn vị (mã)", "Under unit (code)")
    public static let foundedFrom = t("Thành lập từ ngày", "Founded from")
    public static let foundedTo = t("Thành lập đến ngày", "Founded until")
    public static let admittedFrom = t("Kết nạp từ ngày", "Admitted from")
    public static let admittedTo = t("Kết nạp đến ngày", "Admitted until")
    public static let recognizedFrom = t("Chính thức từ ngày", "Full member from")
    public static let recognizedTo = t("Chính thức đến ngày", "Full member until")
    public static let leftFrom = t("Ra khỏi Đảng từ ngày", "Left from")
    public static let leftTo = t("Ra khỏi Đảng đến ngày", "Left until")
    public static let countedByUnitThen = t(
        "Có lọc theo ngày: đảng viên được tính theo đơn vị sinh hoạt vào ngày đó (như báo cáo giao ban), nơi sinh hoạt hiện nay ghi ở cột Chi bộ.",
        "With a date filter, members are counted by the unit they belonged to on that date (as the briefing report does); the cell column shows where they are now."
    )
    public static let stageLabel = t("Bước", "Stage")
    public static let recognitionLabel = t("Công nhận chính thức", "Recognition")
    public static let findingLabel = t("Vấn đề", "Finding")
    public static let detailLabel = t("Chi tiết", "Detail")
    public static let approvalKindLabel = t("Loại phê duyệt", "Kind of approval")
    public static let approvalAppointment = t("Bổ nhiệm, giới thiệu, phê chuẩn", "Appointment, approval")
    public static let approvalEnding = t("Thôi giữ chức vụ", "End of a position")
    public static let approvalsListTitle = t("Các trường hợp được phê duyệt", "The approvals")
    public static let approvalsLevelFilter = t("Cấp quản lý", "Managing level")
    public static let ratingMissing = t("Chưa xếp loại", "Not rated")
    public static let meetingAttendanceCount = t("Số người dự", "Present")
    public static let duesMonthPaid = t("Tổng đã nộp", "Paid in total")
    public static let ruleStateLabel = t("Tình trạng", "State")
    public static let congressHeldCount = t("Đã tổ chức", "Held")
    public static let congressPercent = t("Tỷ lệ (%)", "Percent")
    public static let auditRecord = t("Bản ghi", "Record")
    public static let dueSoonList = t("Sắp đến hạn", "Due soon")
}
