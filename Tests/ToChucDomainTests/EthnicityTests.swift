import Foundation
import Testing
import ToChucDomain

/// DOMAIN.md §2 and INTERCHANGE.md members.csv `ethnicity`: one of the 54 official groups (Quyết định
/// 121-TCTK/PPCĐ 1979), matched ignoring case, diacritics, spaces and hyphens.
@Suite struct EthnicityTests {
    /// The 1979 list as the decision spells it, in code order.
    static let official1979 = [
        "Kinh", "Tày", "Thái", "Hoa", "Khơ-me", "Mường", "Nùng", "HMông", "Dao", "Gia-rai", "Ngái", "Ê-đê", "Ba na",
        "Xơ-Đăng", "Sán Chay", "Cơ-ho", "Chăm", "Sán Dìu", "Hrê", "Mnông", "Ra-glai", "Xtiêng", "Bru-Vân Kiều", "Thổ",
        "Giáy", "Cơ-tu", "Gié Triêng", "Mạ", "Khơ-mú", "Co", "Tà-ôi", "Chơ-ro", "Kháng", "Xinh-mun", "Hà Nhì", "Chu ru",
        "Lào", "La Chí", "La Ha", "Phù Lá", "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Co Lao", "Cống", "Bố Y",
        "Si La", "Pu Péo", "Brâu", "Ơ Đu", "Rơ-măm",
    ]

    @Test("there are 54 groups with codes 01 to 54 in order")
    func fiftyFour() {
        #expect(Ethnicity.all.count == 54)
        #expect(Ethnicity.all.map(\.code) == Array(1...54))
        #expect(Set(Ethnicity.all.map(\.name)).count == 54)
        #expect(Ethnicity.byCode(1)?.name == "Kinh")
        #expect(Ethnicity.byCode(54)?.name == "Rơ Măm")
        #expect(Ethnicity.byCode(0) == nil && Ethnicity.byCode(55) == nil)
        #expect(Ethnicity.byCode(8)?.codeText == "08")
    }

    @Test("every 1979 spelling finds its group under its official code", arguments: Array(official1979.enumerated()))
    func officialSpellings(index: Int, name: String) {
        #expect(Ethnicity.match(name)?.code == index + 1, "\(name)")
    }

    @Test("every modern name finds itself, in NFC and NFD, upper and lower case", arguments: Ethnicity.all)
    func modernNames(group: Ethnicity) {
        #expect(Ethnicity.match(group.name) == group)
        // The exact-name shortcut and the folded look-up (which a leading space forces) agree.
        #expect(Ethnicity.match(" " + group.name) == group)
        #expect(Ethnicity.match(group.name.decomposedStringWithCanonicalMapping) == group)
        #expect(Ethnicity.match(group.name.uppercased()) == group)
        #expect(Ethnicity.match(group.name.lowercased()) == group)
    }

    @Test(
        "case, diacritics, spaces, hyphens and apostrophes do not matter (INTERCHANGE.md: “Xơ-đăng” = “Xơ Đăng”)",
        arguments: [
            ("Xơ-đăng", "Xơ Đăng"), ("xo dang", "Xơ Đăng"), ("XƠ ĐĂNG", "Xơ Đăng"), ("Khơ-me", "Khmer"), ("Khmer", "Khmer"),
            ("khome", "Khmer"), ("H'Mông", "Mông"), ("HMông", "Mông"), ("Mông", "Mông"), ("hmong", "Mông"), ("H’Mông", "Mông"),
            ("Ê-đê", "Ê Đê"), ("ede", "Ê Đê"), ("Ba-na", "Ba Na"), ("gia rai", "Gia Rai"), ("Bru Vân Kiều", "Bru - Vân Kiều"),
            ("Giẻ-Triêng", "Giẻ Triêng"), ("Gié Triêng", "Giẻ Triêng"), ("Cơ Lao", "Cờ Lao"), ("Co Lao", "Cờ Lao"), ("Co", "Co"),
            ("Stiêng", "Xtiêng"), ("M'Nông", "Mnông"), ("Raglai", "Raglai"), (" kinh ", "Kinh"), ("Lô-Lô", "Lô Lô"),
            ("Tà Ôi", "Tà Ôi"), ("Thổ", "Thổ"), ("Thái", "Thái"), ("Tày", "Tày"), ("Mạ", "Mạ"), ("Mảng", "Mảng"), ("Lào", "Lào"),
        ])
    func variants(text: String, name: String) {
        #expect(Ethnicity.match(text)?.name == name, "\(text)")
    }

    @Test("the official code is accepted as well", arguments: [("1", 1), ("01", 1), ("14", 14), ("54", 54)])
    func codes(text: String, code: Int) {
        #expect(Ethnicity.match(text)?.code == code)
    }

    @Test("anything else is not guessed", arguments: ["", " ", "-", "55", "00", "Kinh Tày", "Pháp", "Người nước ngoài", "Mon", "Ki"])
    func unknown(text: String) {
        #expect(Ethnicity.match(text) == nil)
    }

    @Test("every group except the Kinh is a minority")
    func minorities() {
        #expect(Ethnicity.match("Kinh")?.isMinority == false)
        #expect(Ethnicity.all.filter(\.isMinority).count == 53)
    }

    @Test("the message for an unknown group repeats the text and gives examples")
    func message() {
        let message = Catalogue.unknownEthnicity("Pháp")
        #expect(message.vi.contains("“Pháp”") && message.vi.contains("54 dân tộc"))
        #expect(message.en.contains("54 ethnic groups"))
    }
}
