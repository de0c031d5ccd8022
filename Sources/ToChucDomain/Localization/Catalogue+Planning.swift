/// Texts of planning (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let planningArea = t("Quy hoạch cán bộ", "Cadre planning")
}
