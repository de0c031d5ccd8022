/// Texts of the unit chooser (issue 8): a text field that finds any unit of the user's scope by name or code.
extension Catalogue {
    public static let unitChooserPlaceholder = t("Tên hoặc mã tổ chức", "Unit name or code")
    public static let unitChooserHelp = t(
        "Gõ mã chính xác để đến thẳng tổ chức, hoặc một phần tên (không cần dấu) để chọn trong danh sách.",
        "Type the exact code to go straight to a unit, or part of its name (accents optional) to pick from a list.")
    public static let unitChoiceEmpty = t("Hãy gõ tên hoặc mã tổ chức.", "Type a unit's name or code.")
    public static func noUnitMatches(_ text: String, _ scope: String) -> Localized {
        t(
            "Không có tổ chức nào có mã hoặc tên “\(text)” trong phạm vi của bạn (\(scope)).",
            "No unit with the code or name “\(text)” in your scope (\(scope)).")
    }
    public static func unitMatchesFor(_ text: String) -> Localized { t("Tổ chức khớp với “\(text)”", "Units matching “\(text)”") }
    public static let pickOneUnit = t(
        "Mã gõ vào không phải mã của một tổ chức: hãy chọn một tổ chức trong danh sách.",
        "What you typed is not a unit's code: pick a unit from the list.")
    public static let unitDissolvedMark = t("đã giải thể", "dissolved")
    public static let unitUnder = t("thuộc", "under")
    public static let chooseThisUnit = t("Chọn", "Choose")
    public static let unitSuggestions = t("Gợi ý tổ chức", "Unit suggestions")
}
