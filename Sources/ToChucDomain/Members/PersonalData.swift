/// Personal data shown only to roles that need it (DOMAIN.md §6): how each field looks to the others.
public enum PersonalData {
    /// The record fields that are personal data.
    public static let fields: Set<String> = ["national_id", "phone", "address"]

    public static func maskPhone(_ phone: String) -> String { phone.isEmpty ? "" : String(phone.prefix(3)) + "•••••" }
    public static func maskAddress(_ address: String) -> String { address.isEmpty ? "" : "•••" }
}
