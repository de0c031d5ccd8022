import Testing
import ToChucDomain

/// Party age (DOMAIN.md §2; Điều lệ Đảng, Điều 5; Quy định 24-QĐ/TW 2021) and party badges (Hướng dẫn 01-HD/TW 2021,
/// mục 18: 30–90 years; early up to 12 months for 30–65 and 24 months for 70–90 in serious illness; posthumous,
/// early up to 12 months; presented on 3/2, 19/5, 2/9, 7/11).
@Suite struct PartyAgeTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    // MARK: Party age

    @Test(
        "party age counts full months from the admission decision, minus interruptions (clipped and merged)",
        arguments: [
            ("1990-05-19", "2020-05-19", [], 360),  // 30 years on the day
            ("1990-05-19", "2020-05-18", [], 359),  // 29 years 11 months the day before
            ("1990-01-01", "2020-01-01", [("2000-01-01", "2001-01-01")], 348),  // a one-year interruption takes off a year
            ("1990-01-01", "2020-01-01", [("2005-03-01", "2005-06-11")], 356),  // 3 months 10 days off: 356 months 20 days
            ("1990-01-01", "2020-01-01", [("2000-01-01", "2000-07-01"), ("2000-04-01", "2001-01-01")], 348),  // overlapping
            ("1990-01-01", "2020-01-01", [("2000-04-01", "2001-01-01"), ("2000-01-01", "2000-07-01")], 348),  // in any order
            ("1990-01-01", "2020-01-01", [("1985-01-01", "1989-01-01")], 360),  // before the admission: ignored
            ("1990-01-01", "2020-01-01", [("2019-07-01", "2025-01-01")], 354),  // runs past the date: clipped
            ("1990-01-01", "2020-01-01", [("2001-01-01", "2000-01-01")], 360),  // reversed: empty
            ("2024-03-15", "2024-03-15", [], 0),
        ] as [(String, String, [(String, String)], Int)])
    func partyAge(admitted: String, on: String, interruptions: [(String, String)], months: Int) {
        let gaps = interruptions.map { (from: Self.date($0.0), to: Self.date($0.1)) }
        let age = PartyAge.on(Self.date(on), admittedOn: Self.date(admitted), recognized: true, interruptions: gaps)
        #expect(age?.totalMonths == months)
    }

    @Test("party age counts only once full membership is recognized, and not before the admission")
    func onlyWhenRecognized() {
        #expect(PartyAge.on(Self.date("2024-01-01"), admittedOn: Self.date("2020-01-01"), recognized: false) == nil)
        #expect(PartyAge.on(Self.date("2019-12-31"), admittedOn: Self.date("2020-01-01"), recognized: true) == nil)
        let age = PartyAge.on(Self.date("2024-09-01"), admittedOn: Self.date("2020-01-01"), recognized: true)
        #expect(age?.years == 4 && age?.months == 8)
        #expect(age?.label.vi == "4 năm 8 tháng")
        #expect(age?.label.en == "4 years 8 months")
    }

    // MARK: Badges

    @Test("milestones are 30, 40, 45 … 90 years; award dates are 3/2, 19/5, 2/9, 7/11")
    func milestonesAndDates() {
        #expect(Badges.milestones == [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90])
        #expect(Badges.awardDates(in: 2025) == ["2025-02-03", "2025-05-19", "2025-09-02", "2025-11-07"].map(Self.date))
        #expect(BadgeEligibility(milestone: 30, kind: .regular).label.vi == "Huy hiệu 30 năm tuổi Đảng")
        #expect(BadgeEligibility.Kind.posthumous.label.vi == "Truy tặng")
    }

    @Test(
        "the next milestone is the first one not reached",
        arguments: [(0, 30), (359, 30), (360, 40), (479, 40), (480, 45), (1079, 90)] as [(Int, Int?)] + [(1080, nil), (1200, nil)])
    func nextMilestone(months: Int, milestone: Int?) {
        #expect(Badges.nextMilestone(partyAge: PartyAge(totalMonths: months)) == milestone)
    }

    @Test(
        "the early window is 12 months up to 65 years and 24 months from 70",
        arguments: [(30, 12), (65, 12), (70, 24), (90, 24)])
    func earlyWindow(milestone: Int, months: Int) {
        #expect(Badges.earlyWindowMonths(for: milestone) == months)
    }

    struct BadgeCase: Sendable, CustomTestStringConvertible {
        let rule: String
        let admitted: String
        let award: String
        var recognized = true
        var interruptions: [(String, String)] = []
        var awarded: Set<Int> = []
        var ill = false
        var died: String? = nil
        let expected: BadgeEligibility?

        var testDescription: String { rule }
    }

    static let below65: Set<Int> = [30, 40, 45, 50, 55, 60]
    static let upTo65: Set<Int> = [30, 40, 45, 50, 55, 60, 65]

    static let badgeCases: [BadgeCase] = [
        BadgeCase(rule: "30 years on the award date: awarded", admitted: "1995-02-03", award: "2025-02-03", expected: .init(milestone: 30, kind: .regular)),
        BadgeCase(rule: "3 months short, in good health: not yet", admitted: "1995-02-03", award: "2024-11-07", expected: nil),
        BadgeCase(rule: "3 months short, seriously ill: early", admitted: "1995-02-03", award: "2024-11-07", ill: true, expected: .init(milestone: 30, kind: .early)),
        BadgeCase(rule: "exactly 12 months short, ill: early", admitted: "1995-02-03", award: "2024-02-03", ill: true, expected: .init(milestone: 30, kind: .early)),
        BadgeCase(rule: "12 months and a day short, ill: not yet", admitted: "1995-02-04", award: "2024-02-03", ill: true, expected: nil),
        BadgeCase(
            rule: "65 years: 24 months early is too early", admitted: "1960-05-19", award: "2023-05-19", awarded: below65, ill: true, expected: nil),
        BadgeCase(
            rule: "65 years: 12 months early", admitted: "1960-05-19", award: "2024-05-19", awarded: below65, ill: true,
            expected: .init(milestone: 65, kind: .early)),
        BadgeCase(
            rule: "70 years: exactly 24 months early", admitted: "1955-05-19", award: "2023-05-19", awarded: upTo65, ill: true,
            expected: .init(milestone: 70, kind: .early)),
        BadgeCase(
            rule: "70 years: 24 months and a day early is too early", admitted: "1955-05-20", award: "2023-05-19", awarded: upTo65, ill: true,
            expected: nil),
        BadgeCase(rule: "the badge already held is not given again", admitted: "1979-05-19", award: "2024-05-19", awarded: [30, 40, 45], expected: nil),
        BadgeCase(
            rule: "a missed badge: the highest milestone reached", admitted: "1977-05-19", award: "2024-05-19", awarded: [30, 40],
            expected: .init(milestone: 45, kind: .regular)),
        BadgeCase(rule: "never a lower badge than one held", admitted: "1972-05-19", award: "2024-05-19", awarded: [50], expected: nil),
        BadgeCase(
            rule: "died after reaching 30 without the badge: posthumous", admitted: "1980-02-03", award: "2025-02-03", died: "2010-06-01",
            expected: .init(milestone: 30, kind: .posthumous)),
        BadgeCase(
            rule: "died exactly 12 months short: posthumous", admitted: "1980-02-03", award: "2025-02-03", died: "2009-02-03",
            expected: .init(milestone: 30, kind: .posthumous)),
        BadgeCase(rule: "died 12 months and a day short: none", admitted: "1980-02-03", award: "2025-02-03", died: "2009-02-02", expected: nil),
        BadgeCase(
            rule: "posthumous early is 12 months even for 70 years", admitted: "1950-02-03", award: "2025-02-03", awarded: upTo65, ill: true,
            died: "2018-02-03", expected: nil),
        BadgeCase(
            rule: "died 12 months short of 70: posthumous", admitted: "1950-02-03", award: "2025-02-03", awarded: upTo65, died: "2019-02-03",
            expected: .init(milestone: 70, kind: .posthumous)),
        BadgeCase(
            rule: "alive on the award date, died later: a regular award", admitted: "1995-02-03", award: "2025-02-03", died: "2025-06-01",
            expected: .init(milestone: 30, kind: .regular)),
        BadgeCase(
            rule: "an interruption delays the badge", admitted: "1995-02-03", award: "2025-02-03", interruptions: [("2000-01-01", "2001-01-01")],
            expected: nil),
        BadgeCase(
            rule: "… by its length", admitted: "1995-02-03", award: "2026-02-03", interruptions: [("2000-01-01", "2001-01-01")],
            expected: .init(milestone: 30, kind: .regular)),
        BadgeCase(rule: "not recognized as a full member: none", admitted: "1990-02-03", award: "2025-02-03", recognized: false, expected: nil),
        BadgeCase(
            rule: "every badge held: none", admitted: "1930-02-03", award: "2025-02-03", awarded: Set(Badges.milestones), ill: true, expected: nil),
    ]

    @Test("badge eligibility on an award date (Hướng dẫn 01-HD/TW 2021, mục 18)", arguments: badgeCases)
    func eligibility(badge: BadgeCase) {
        let result = Badges.eligibility(
            admittedOn: Self.date(badge.admitted), recognized: badge.recognized,
            interruptions: badge.interruptions.map { (from: Self.date($0.0), to: Self.date($0.1)) }, awardDate: Self.date(badge.award),
            alreadyAwarded: badge.awarded, seriouslyIll: badge.ill, deceasedOn: badge.died.map(Self.date))
        #expect(result == badge.expected)
    }
}

/// Quy định 24-QĐ/TW 2021, on Điều 5: a re-admitted member counts from the first admission, less the time out.
@Suite struct PartyHistoryTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test("a member who resigned and was re-admitted counts from the first admission less the years out")
    func readmission() {
        let events = [
            PartyHistory.Event(kind: .readmitted, on: Self.d("2015-05-19"), previousAdmittedOn: Self.d("1990-03-02")),
            PartyHistory.Event(kind: .resigned, on: Self.d("2010-05-19")),
            PartyHistory.Event(kind: .transferWithin, on: Self.d("2018-01-01")),
        ]
        let history = PartyHistory.counting(admittedOn: Self.d("2015-05-19"), events: events)
        #expect(history.firstAdmitted == Self.d("1990-03-02"))
        #expect(history.interruptions.count == 1)
        // 1990-03-02 → 2025-03-02 is 35 years; five years out leave 30.
        let age = PartyAge.on(Self.d("2025-03-02"), admittedOn: history.firstAdmitted, recognized: true, interruptions: history.interruptions)
        #expect(age?.years == 30 && age?.months == 0)
    }

    @Test("without a re-admission nothing changes", arguments: [[], [PartyHistory.Event(kind: .transferWithin, on: d("2018-01-01"))]])
    func noReadmission(events: [PartyHistory.Event]) {
        let history = PartyHistory.counting(admittedOn: Self.d("2000-01-01"), events: events)
        #expect(history.firstAdmitted == Self.d("2000-01-01") && history.interruptions.isEmpty)
    }
}
