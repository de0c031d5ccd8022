/// Texts of staffing (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let staffingArea = t("Biên chế", "Staffing quotas")
    public static func staffingTitle(_ year: Int) -> Localized { t("Biên chế năm \(year)", "Staffing quotas \(year)") }
    public static let staffingYear = t("Năm", "Year")
    public static let staffingAgency = t("Cơ quan, đơn vị", "Agency")
    public static let quotaAssigned = t("Biên chế được giao", "Assigned quota")
    public static let quotaActual = t("Có mặt", "Actual headcount")
    public static let quotaOver = t("Thừa (+) / thiếu (−)", "Over (+) / under (−)")
    public static let reductionTarget = t("Chỉ tiêu tinh giản", "Reduction target")
    public static let reductionAchieved = t("Đã tinh giản", "Reduced")
    public static let reductionProgress = t("Tiến độ tinh giản", "Reduction progress")
    public static let staffingTotals = t("Tổng cộng", "Totals")
    public static let staffingTotalsHelp = t(
        "Số liệu của một cơ quan đã gồm các cơ quan trực thuộc (cấp trên phân bổ biên chế của mình cho cấp dưới); tổng cộng chỉ cộng các cơ quan cấp cao nhất có số liệu trong danh sách.",
        "An agency's figures include its sub-agencies' (a parent allots its own quota to its children); totals add up only the top-most agencies of the list that have figures.")
    public static let staffingNoFigures = t("chưa nhập", "not entered")
    public static let editStaffing = t("Nhập, sửa biên chế", "Enter or edit quota")
    public static let staffingSaved = t("Đã lưu số liệu biên chế.", "Quota saved.")
    public static let staffingNotFound = t("Chưa có số liệu biên chế của cơ quan này cho năm này.", "No quota recorded for this agency and year.")
    public static let staffingInvalidYear = t("Năm phải từ 2000 đến 2100.", "The year must be between 2000 and 2100.")
    public static let staffingExport = t("Tải danh sách (CSV)", "Download list (CSV)")
    public static let staffingSheet = t("Biên chế", "Staffing")
    public static let staffingHistory = t("Lịch sử thay đổi", "History of changes")

    public static func reductionAboveQuota(target: Int, assigned: Int) -> Localized {
        t(
            "Chỉ tiêu tinh giản (\(VietnameseFormat.integer(target))) không thể lớn hơn biên chế được giao (\(VietnameseFormat.integer(assigned))).",
            "The reduction target (\(EnglishFormat.integer(target))) cannot exceed the assigned quota (\(EnglishFormat.integer(assigned))).")
    }

    /// The children's quotas together exceed what the parent was assigned.
    public static func quotaAboveParent(agency: String, year: Int, assigned: Int, siblings: Int, parent: String, parentAssigned: Int) -> Localized {
        let vi = VietnameseFormat.integer
        let en = EnglishFormat.integer
        return t(
            "Biên chế giao cho \(agency) năm \(year) là \(vi(assigned)); cộng với \(vi(siblings)) đã giao cho các cơ quan cùng cấp thuộc \(parent) thành \(vi(assigned + siblings)), vượt \(vi(parentAssigned)) biên chế được giao của \(parent) (vượt \(vi(assigned + siblings - parentAssigned))). Chưa lưu.",
            "The quota of \(agency) for \(year) is \(en(assigned)); with the \(en(siblings)) allotted to the other agencies under \(parent) it makes \(en(assigned + siblings)), more than the \(en(parentAssigned)) assigned to \(parent) (by \(en(assigned + siblings - parentAssigned))). Nothing was saved.")
    }

    /// A parent's quota lowered below what it already allotted to its children.
    public static func quotaBelowChildren(agency: String, year: Int, assigned: Int, children: Int) -> Localized {
        let vi = VietnameseFormat.integer
        let en = EnglishFormat.integer
        return t(
            "Biên chế được giao của \(agency) năm \(year) là \(vi(assigned)), ít hơn \(vi(children)) đã giao cho các cơ quan trực thuộc (thiếu \(vi(children - assigned))). Chưa lưu.",
            "The quota of \(agency) for \(year) would be \(en(assigned)), less than the \(en(children)) already allotted to its sub-agencies (short by \(en(children - assigned))). Nothing was saved.")
    }
}
