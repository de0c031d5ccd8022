/// A person's gender as the member record holds it (DOMAIN.md §2; INTERCHANGE.md members.csv `gender`: male, female / Nam, Nữ).
public enum Gender: String, Sendable, CaseIterable, Codable {
    case male
    case female

    /// Nam / Nữ.
    public var label: Localized { Catalogue.gender(self) }

    /// The English key or the Vietnamese label, ignoring case, diacritics and surrounding spaces
    /// (`male`, `Nam`, `NỮ`, `nu`); nil for anything else.
    public static func parse(_ text: String) -> Gender? {
        byFoldedName[VietnameseText.fold(text)]
    }

    // Folded once: imports parse this for every row.
    private static let byFoldedName: [String: Gender] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}
