/// Texts of vetting (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let vettingArea = t("Thẩm định tiêu chuẩn chính trị", "Political-standard vetting")
}
