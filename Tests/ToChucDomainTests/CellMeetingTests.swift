import Testing
import ToChucDomain

/// Cell meetings and dues (DOMAIN.md §4; Điều lệ Đảng, Điều 8): "a member who misses cell meetings or does not pay dues
/// for three months in a year without good reason is flagged" — three months of the year, not necessarily in a row,
/// each month once; excused absences never count.
@Suite struct CellMeetingTests {
    static let rules = CellMeetingRules(RuleBook.inForce(RuleBook.builtIn, family: .cellMeetings, on: CivilDate(year: 2026, month: 12, day: 31)!)!)

    @Test(
        "Điều lệ Đảng, Điều 8: two months are not flagged, three are — absences, unpaid dues, or both; consecutive or not",
        arguments: [
            ([1, 2], [], false),
            ([1, 2, 3], [], true),
            ([], [4, 8], false),
            ([], [1, 6, 11], true),  // not in a row
            ([3], [3, 4], false),  // March counts once
            ([3], [4, 5], true),
            ([2, 7], [2, 7], false),
            ([], [], false),
            ([1, 13, 0], [], false),  // not months
        ] as [([Int], [Int], Bool)])
    func flag(absences: [Int], unpaid: [Int], flagged: Bool) {
        let standing = CellMeetingStanding.standing(absenceMonths: Set(absences), unpaidMonths: Set(unpaid), rules: Self.rules)
        #expect(standing.isFlagged == flagged)
        #expect(standing.months == Set(absences + unpaid).filter { (1...12).contains($0) }.sorted())
    }

    @Test("the number of months is the rule's: a version with four months does not flag three")
    func rulesDecide() throws {
        let draft = RuleSetDraft(
            family: "cell_meetings", regulation: "Điều lệ Đảng (sửa đổi)", effectiveFrom: "2031-01-01", title: "Điều lệ mới",
            values: ["flag_months": "4"])
        let version = try RuleBook.check(draft, existing: RuleBook.builtIn).get()
        let later = CellMeetingRules(version)
        #expect(!CellMeetingStanding.standing(absenceMonths: [1, 2, 3], unpaidMonths: [], rules: later).isFlagged)
        #expect(CellMeetingStanding.standing(absenceMonths: [1, 2, 3], unpaidMonths: [9], rules: later).isFlagged)
    }

    @Test(
        "attendance is typed with one key (C, P, K), a key or a label, case and accents ignored",
        arguments: [
            ("C", Attendance.present), ("c", .present), ("P", .excused), ("k", .absent), ("absent", .absent), ("Vắng có lý do", .excused),
            ("vang khong ly do", .absent), ("có mặt", .present),
        ])
    func attendance(text: String, expected: Attendance) {
        #expect(Attendance.parse(text) == expected)
    }

    @Test("an unknown attendance is refused")
    func unknownAttendance() {
        #expect(Attendance.parse("V") == nil && Attendance.parse("") == nil)
    }

    @Test(
        "a dues cell: empty is not recorded, x or an amount is paid, 0 or - is not paid; anything else is refused",
        arguments: [
            ("", DuesMark.Parsed.empty), ("x", .mark(.paid(amount: nil))), ("X", .mark(.paid(amount: nil))), ("25000", .mark(.paid(amount: 25000))),
            ("25.000", .mark(.paid(amount: 25000))), ("1 200 000", .mark(.paid(amount: 1_200_000))), ("0", .mark(.unpaid)), ("-", .mark(.unpaid)),
            ("abc", .invalid), ("-5", .invalid), ("1.000.000.000", .invalid), ("12,5x", .invalid),
        ])
    func dues(text: String, expected: DuesMark.Parsed) {
        #expect(DuesMark.parse(text) == expected)
    }

    @Test("a dues mark writes back as it parses; months compare and key as stored")
    func duesText() throws {
        for mark in [DuesMark.paid(amount: 25000), .paid(amount: nil), .unpaid] { #expect(DuesMark.parse(mark.text) == .mark(mark)) }
        let march = try #require(YearMonth(parsing: "2026-03"))
        #expect(march.key == "2026-03" && march.lastDay == CivilDate(year: 2026, month: 3, day: 31)!)
        #expect(march < YearMonth(year: 2026, month: 11)! && YearMonth(parsing: "2026-13") == nil && YearMonth(parsing: "26-03") == nil)
    }
}
