/// Texts of staffing (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let staffingArea = t("Biên chế", "Staffing quotas")
}
