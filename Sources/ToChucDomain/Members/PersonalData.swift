/// Personal data shown only to roles that need it (DOMAIN.md §6): how each field looks to the others.
public enum PersonalData {
    /// The record fields that are personal data.
    public static let fields: Set<String> = ["national_id", "phone", "address"]

    public static func maskPhone(_ phone: String) -> String { phone.isEmpty ? "" : String(phone.prefix(3)) + "•••••" }
    public static func maskAddress(_ address: String) -> String { address.isEmpty ? "" : "•••" }

    /// A record as roles without access to personal data see it.
    public static func masked(_ draft: MemberDraft) -> MemberDraft {
        var d = draft
        d.nationalId = d.nationalId.isEmpty ? "" : NationalID.mask(d.nationalId)
        d.phone = maskPhone(d.phone)
        d.address = maskAddress(d.address)
        return d
    }
}
