import Foundation

/// The citizen identity number (số định danh cá nhân, printed on the CCCD card) that members.csv carries as
/// `national_id` (DOMAIN.md §2).
///
/// Structure (Thông tư 07/2016/TT-BCA, Điều 7, kept by Thông tư 59/2021/TT-BCA, Điều 7): 12 digits;
/// digits 1–3 the code of the province where the birth was registered; digit 4 the century of birth and the gender;
/// digits 5–6 the last two digits of the birth year; digits 7–12 a random number.
public enum NationalID {
    /// Province codes of digits 1–3 (Thông tư 07/2016/TT-BCA, Phụ lục; 63 provinces, codes 001–096 with gaps).
    ///
    /// The codes stay those of the province of birth registration: the 2025 merger into 34 provinces does not
    /// renumber numbers already issued.
    public static let provinceCodes: [String: String] = [
        "001": "Hà Nội", "002": "Hà Giang", "004": "Cao Bằng", "006": "Bắc Kạn", "008": "Tuyên Quang",
        "010": "Lào Cai", "011": "Điện Biên", "012": "Lai Châu", "014": "Sơn La", "015": "Yên Bái",
        "017": "Hòa Bình", "019": "Thái Nguyên", "020": "Lạng Sơn", "022": "Quảng Ninh", "024": "Bắc Giang",
        "025": "Phú Thọ", "026": "Vĩnh Phúc", "027": "Bắc Ninh", "030": "Hải Dương", "031": "Hải Phòng",
        "033": "Hưng Yên", "034": "Thái Bình", "035": "Hà Nam", "036": "Nam Định", "037": "Ninh Bình",
        "038": "Thanh Hóa", "040": "Nghệ An", "042": "Hà Tĩnh", "044": "Quảng Bình", "045": "Quảng Trị",
        "046": "Thừa Thiên Huế", "048": "Đà Nẵng", "049": "Quảng Nam", "051": "Quảng Ngãi", "052": "Bình Định",
        "054": "Phú Yên", "056": "Khánh Hòa", "058": "Ninh Thuận", "060": "Bình Thuận", "062": "Kon Tum",
        "064": "Gia Lai", "066": "Đắk Lắk", "067": "Đắk Nông", "068": "Lâm Đồng", "070": "Bình Phước",
        "072": "Tây Ninh", "074": "Bình Dương", "075": "Đồng Nai", "077": "Bà Rịa – Vũng Tàu", "079": "TP Hồ Chí Minh",
        "080": "Long An", "082": "Tiền Giang", "083": "Bến Tre", "084": "Trà Vinh", "086": "Vĩnh Long",
        "087": "Đồng Tháp", "089": "An Giang", "091": "Kiên Giang", "092": "Cần Thơ", "093": "Hậu Giang",
        "094": "Sóc Trăng", "095": "Bạc Liêu", "096": "Cà Mau",
    ]

    /// What digit 4 says: the first year of the century of birth and the gender (Thông tư 07/2016/TT-BCA, Điều 7,
    /// khoản 2: 0/1 the 20th century, 2/3 the 21st, 4/5 the 22nd, 6/7 the 23rd, 8/9 the 24th; even male, odd female).
    public static func centuryAndGender(of digit: Character) -> (centuryStart: Int, gender: Gender)? {
        guard let value = digit.wholeNumberValue, digit.isASCII else { return nil }
        return (1900 + (value / 2) * 100, value % 2 == 0 ? .male : .female)
    }

    /// Every problem of `id`, each naming the part that is wrong; empty when the number is valid.
    ///
    /// With `birthDate` and `gender` the digits that encode them are checked against the record too. Surrounding
    /// spaces are ignored (spreadsheets add them); any other character than a digit is a problem.
    public static func problems(_ id: String, birthDate: CivilDate?, gender: Gender?) -> [Localized] {
        let trimmed = id.trimmed
        let bytes = Array(trimmed.utf8)
        // Twelve ASCII digits are twelve bytes; anything else is described by its characters.
        guard bytes.count == 12, bytes.allSatisfy({ (0x30...0x39).contains($0) }) else {
            let characters = Array(trimmed)
            return [Catalogue.nationalIDShape(length: characters.count, hasNonDigit: !characters.allSatisfy { $0.isASCII && $0.isWholeNumber })]
        }
        let centuryDigit = Character(Unicode.Scalar(bytes[3]))
        var problems: [Localized] = []
        let province = String(decoding: bytes[0..<3], as: UTF8.self)
        if provinceCodes[province] == nil {
            problems.append(Catalogue.nationalIDProvince(province))
        }
        let coded = centuryAndGender(of: centuryDigit)!
        if let gender, gender != coded.gender {
            problems.append(Catalogue.nationalIDGender(digit: centuryDigit, coded: coded.gender, recorded: gender))
        }
        if let birthDate {
            if !(coded.centuryStart..<coded.centuryStart + 100).contains(birthDate.year) {
                problems.append(
                    Catalogue.nationalIDCentury(digit: centuryDigit, centuryStart: coded.centuryStart, birthYear: birthDate.year))
            }
            let yearDigits = String(decoding: bytes[4..<6], as: UTF8.self)
            if Int(bytes[4] - 0x30) * 10 + Int(bytes[5] - 0x30) != birthDate.year % 100 {
                problems.append(Catalogue.nationalIDYear(yearDigits, birthYear: birthDate.year))
            }
        }
        return problems
    }

    /// The number for lists and logs: the first 3 and the last 2 characters kept, the others shown as `•`
    /// (`001089012389` → `001•••••••89`). A value shorter than 6 characters is masked whole.
    public static func mask(_ id: String) -> String {
        let characters = Array(id.trimmed)
        guard characters.count >= 6 else { return String(repeating: "•", count: characters.count) }
        return String(characters.prefix(3)) + String(repeating: "•", count: characters.count - 5)
            + String(characters.suffix(2))
    }
}
