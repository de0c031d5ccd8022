/// One of Vietnam's 54 ethnic groups, with its official code (Quyết định 121-TCTK/PPCĐ ngày 02/3/1979 của Tổng cục
/// Thống kê, "Danh mục các dân tộc Việt Nam"; DOMAIN.md §2; INTERCHANGE.md members.csv `ethnicity`).
///
/// `name` is the common modern spelling (Khmer, Mông, Gia Rai, Ê Đê…); the 1979 spellings (Khơ-me, HMông, Gia-rai,
/// Ê-đê…) and a few other established names are accepted by `match`.
public struct Ethnicity: Sendable, Hashable, CustomStringConvertible {
    /// 1…54, the official code (01 Kinh … 54 Rơ Măm).
    public let code: Int
    /// The name to show and store.
    public let name: String

    /// The name.
    public var description: String { name }

    /// Every group except the Kinh is an ethnic minority (dân tộc thiểu số), as reports count them.
    public var isMinority: Bool { code != 1 }

    /// The code as lists print it: `01` … `54`.
    public var codeText: String { String(format2: code) }

    /// The 54 groups in code order.
    public static let all: [Ethnicity] = table.map { Ethnicity(code: $0.code, name: $0.name) }

    /// The group with this official code.
    public static func byCode(_ code: Int) -> Ethnicity? {
        (1...all.count).contains(code) ? all[code - 1] : nil
    }

    /// The group named by `text`, ignoring case, diacritics, spaces, hyphens and apostrophes (`Xơ-đăng` = `Xơ Đăng`,
    /// `Khơ-me` = `Khmer`, `H'Mông` = `HMông` = `Mông`); the official code (`1`, `01` … `54`) is accepted too.
    /// Nil when nothing matches: no guessing.
    public static func match(_ text: String) -> Ethnicity? {
        // Files mostly carry the official name as listed: no folding needed (the tests check it gives the same).
        if let group = byName[text] { return group }
        let key = matchKey(text)
        if key.isEmpty { return nil }
        if key.allSatisfy(\.isASCII), key.allSatisfy(\.isNumber), key.count <= 2, let code = Int(key) { return byCode(code) }
        return byKey[key]
    }

    /// The form names are compared in: folded (lower case, no diacritics, đ → d), letters and digits only.
    static func matchKey(_ text: String) -> String {
        String(VietnameseText.fold(text).unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) })
    }

    /// Code, modern name, then other spellings and names in use (the 1979 list's first).
    static let table: [(code: Int, name: String, variants: [String])] = [
        (1, "Kinh", ["Việt"]),
        (2, "Tày", []),
        (3, "Thái", []),
        (4, "Hoa", []),
        (5, "Khmer", ["Khơ-me", "Khơ Me", "Khmer Krom"]),
        (6, "Mường", []),
        (7, "Nùng", []),
        (8, "Mông", ["HMông", "H'Mông", "Hmong"]),
        (9, "Dao", []),
        (10, "Gia Rai", ["Gia-rai", "Jrai", "Jarai"]),
        (11, "Ngái", []),
        (12, "Ê Đê", ["Ê-đê", "Rhade"]),
        (13, "Ba Na", ["Ba-na", "Bahnar"]),
        (14, "Xơ Đăng", ["Xơ-Đăng", "Sedang"]),
        (15, "Sán Chay", ["Cao Lan", "Sán Chỉ", "Cao Lan - Sán Chỉ"]),
        (16, "Cơ Ho", ["Cơ-ho", "K'Ho", "Koho"]),
        (17, "Chăm", ["Chàm", "Cham"]),
        (18, "Sán Dìu", []),
        (19, "Hrê", ["H're"]),
        (20, "Mnông", ["M'Nông"]),
        (21, "Raglai", ["Ra-glai", "Ra Glai"]),
        (22, "Xtiêng", ["Stiêng"]),
        (23, "Bru - Vân Kiều", ["Bru-Vân Kiều", "Vân Kiều"]),
        (24, "Thổ", []),
        (25, "Giáy", []),
        (26, "Cơ Tu", ["Cơ-tu", "Katu"]),
        (27, "Giẻ Triêng", ["Gié Triêng", "Gié-Triêng"]),
        (28, "Mạ", []),
        (29, "Khơ Mú", ["Khơ-mú", "Khmu", "Kh'mu"]),
        (30, "Co", ["Cor"]),
        (31, "Tà Ôi", ["Tà-ôi", "Pa Cô"]),
        (32, "Chơ Ro", ["Chơ-ro"]),
        (33, "Kháng", []),
        (34, "Xinh Mun", ["Xinh-mun"]),
        (35, "Hà Nhì", []),
        (36, "Chu Ru", ["Chu-ru"]),
        (37, "Lào", []),
        (38, "La Chí", []),
        (39, "La Ha", []),
        (40, "Phù Lá", []),
        (41, "La Hủ", []),
        (42, "Lự", []),
        (43, "Lô Lô", []),
        (44, "Chứt", []),
        (45, "Mảng", []),
        (46, "Pà Thẻn", []),
        (47, "Cờ Lao", ["Co Lao", "Cơ Lao"]),
        (48, "Cống", []),
        (49, "Bố Y", []),
        (50, "Si La", []),
        (51, "Pu Péo", []),
        (52, "Brâu", []),
        (53, "Ơ Đu", []),
        (54, "Rơ Măm", ["Rơ-măm"]),
    ]

    // Folded once; a later name never replaces an earlier one (the tests check that no two groups share a key).
    static let byKey: [String: Ethnicity] = Dictionary(
        table.flatMap { row in ([row.name] + row.variants).map { (matchKey($0), Ethnicity(code: row.code, name: row.name)) } },
        uniquingKeysWith: { first, _ in first })

    static let byName: [String: Ethnicity] = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    init(code: Int, name: String) {
        self.code = code
        self.name = name
    }
}
