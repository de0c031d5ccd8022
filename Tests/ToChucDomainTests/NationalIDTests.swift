import Testing
import ToChucDomain

/// DOMAIN.md §2 and INTERCHANGE.md members.csv: the CCCD number is 12 digits; digits 1–3 the province of birth
/// registration, digit 4 century and gender, digits 5–6 the birth year (Thông tư 07/2016/TT-BCA and 59/2021/TT-BCA,
/// Điều 7). Gender keys and labels (members.csv `gender`).
@Suite struct NationalIDTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    @Test(
        "gender accepts the English key or the Vietnamese label, ignoring case and accents (INTERCHANGE.md members.csv)",
        arguments: [
            ("male", Gender.male), ("female", .female), ("Nam", .male), ("NAM", .male), ("Nữ", .female), ("nữ", .female),
            ("nu", .female), ("NỮ", .female), (" Nam ", .male),
        ])
    func genderParsing(text: String, gender: Gender) {
        #expect(Gender.parse(text) == gender)
    }

    @Test("unknown genders are not guessed", arguments: ["", "M", "F", "nam nữ", "khác"])
    func genderUnknown(text: String) {
        #expect(Gender.parse(text) == nil)
    }

    @Test("gender labels are Nam and Nữ")
    func genderLabels() {
        #expect(Gender.male.label.vi == "Nam")
        #expect(Gender.female.label.vi == "Nữ")
    }

    @Test(
        "a number whose parts agree with the record is valid",
        arguments: [
            ("001089012389", "1989-05-19", Gender.male),  // Hà Nội, 20th century, male, 1989
            ("079303001234", "2003-01-01", .female),  // TP Hồ Chí Minh, 21st century, female, 2003
            ("096195000001", "1995-12-31", .female),  // Cà Mau: the highest code
            ("046200000000", "2000-01-01", .male),  // Thừa Thiên Huế, male born 2000
            ("001199999999", "1999-12-31", .female),
        ])
    func valid(id: String, birth: String, gender: Gender) {
        #expect(NationalID.problems(id, birthDate: Self.date(birth), gender: gender).isEmpty)
    }

    @Test("without a birth date or gender, only the shape and province are checked")
    func partialRecord() {
        #expect(NationalID.problems("001089012389", birthDate: nil, gender: nil).isEmpty)
        #expect(NationalID.problems(" 001089012389 ", birthDate: nil, gender: nil).isEmpty)
        #expect(NationalID.problems("001189012389", birthDate: nil, gender: .female).isEmpty)
    }

    @Test(
        "anything but exactly 12 digits is one problem about the shape",
        arguments: ["", "00108901238", "0010890123890", "00108901238a", "001 089012389", "123456789", "００１０８９０１２３８９"])
    func shape(id: String) {
        let problems = NationalID.problems(id, birthDate: Self.date("1989-05-19"), gender: .male)
        #expect(problems.count == 1)
        #expect(problems.first?.vi.contains("12 chữ số") == true)
    }

    @Test(
        "each wrong part is named: province (digits 1–3), century and gender (digit 4), birth year (digits 5–6)",
        arguments: [
            ("003089012389", "1989-05-19", Gender.male, ["Ba chữ số đầu"]),  // 003 is not a province code
            ("000089012389", "1989-05-19", .male, ["Ba chữ số đầu"]),
            ("097089012389", "1989-05-19", .male, ["Ba chữ số đầu"]),  // above Cà Mau (096)
            ("001089012389", "1989-05-19", .female, ["Chữ số thứ 4"]),  // 0 is male
            ("001289012389", "1989-05-19", .male, ["Chữ số thứ 4"]),  // 2 is born 2000–2099
            ("001088012389", "1989-05-19", .male, ["Chữ số thứ 5–6"]),
            ("001000012389", "2000-01-01", .male, ["Chữ số thứ 4"]),  // 2000 is the 21st century: digit 2
            ("003389012389", "1989-05-19", .male, ["Ba chữ số đầu", "Chữ số thứ 4", "Chữ số thứ 4"]),
        ])
    func wrongParts(id: String, birth: String, gender: Gender, parts: [String]) {
        let problems = NationalID.problems(id, birthDate: Self.date(birth), gender: gender)
        #expect(problems.count == parts.count)
        for (problem, part) in zip(problems, parts) {
            #expect(problem.vi.hasPrefix(part), "\(problem.vi)")
            #expect(!problem.en.isEmpty)
        }
    }

    @Test(
        "digit 4: 0/1 born 1900–1999, 2/3 2000–2099, 4/5 2100–2199, 6/7 2200–2299, 8/9 2300–2399; even male, odd female (Thông tư 07/2016/TT-BCA, Điều 7)",
        arguments: [
            ("0", 1900, Gender.male), ("1", 1900, .female), ("2", 2000, .male), ("3", 2000, .female), ("4", 2100, .male),
            ("5", 2100, .female), ("6", 2200, .male), ("7", 2200, .female), ("8", 2300, .male), ("9", 2300, .female),
        ])
    func centuryDigit(digit: String, centuryStart: Int, gender: Gender) {
        let coded = NationalID.centuryAndGender(of: Character(digit))
        #expect(coded?.centuryStart == centuryStart)
        #expect(coded?.gender == gender)
    }

    @Test("the province list has the 63 codes from 001 (Hà Nội) to 096 (Cà Mau)")
    func provinces() {
        #expect(NationalID.provinceCodes.count == 63)
        #expect(NationalID.provinceCodes["001"] == "Hà Nội")
        #expect(NationalID.provinceCodes["079"] == "TP Hồ Chí Minh")
        #expect(NationalID.provinceCodes["096"] == "Cà Mau")
        for code in NationalID.provinceCodes.keys {
            #expect(code.count == 3 && Int(code).map { (1...96).contains($0) } == true, "\(code)")
        }
        let gaps = [
            "003", "005", "007", "009", "013", "016", "018", "021", "023", "028", "029", "032", "039", "041", "043", "047", "050",
            "053", "055", "057", "059", "061", "063", "065", "069", "071", "073", "076", "078", "081", "085", "088", "090",
        ]
        for gap in gaps {
            #expect(NationalID.provinceCodes[gap] == nil, "\(gap)")
        }
    }

    @Test(
        "lists show the first 3 and last 2 characters only",
        arguments: [("001089012389", "001•••••••89"), ("079303001234", "079•••••••34"), ("12345", "•••••"), ("", ""), ("123456", "123•56")])
    func masking(id: String, masked: String) {
        #expect(NationalID.mask(id) == masked)
    }
}
