import Testing
import ToChucDomain

/// Retirement age by the published roadmap (DOMAIN.md §3; Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP,
/// Điều 3–4, Phụ lục I and II).
@Suite struct CadreRetirementTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    // MARK: Phụ lục I — the age by the year it is reached

    @Test(
        "Phụ lục I, men: 60 before 2021, 60y3m in 2021, 3 months more a year, 62 from 2028",
        arguments: [
            (2020, 60, 0), (2021, 60, 3), (2022, 60, 6), (2023, 60, 9), (2024, 61, 0), (2025, 61, 3), (2026, 61, 6),
            (2027, 61, 9), (2028, 62, 0), (2040, 62, 0),
        ])
    func menRoadmap(year: Int, years: Int, months: Int) {
        #expect(RetirementRoadmap.men.ageMonths(in: year) == years * 12 + months)
    }

    @Test(
        "Phụ lục I, women: 55 before 2021, 55y4m in 2021, 4 months more a year, 60 from 2035",
        arguments: [
            (2020, 55, 0), (2021, 55, 4), (2022, 55, 8), (2023, 56, 0), (2024, 56, 4), (2025, 56, 8), (2026, 57, 0),
            (2027, 57, 4), (2028, 57, 8), (2029, 58, 0), (2030, 58, 4), (2031, 58, 8), (2032, 59, 0), (2033, 59, 4),
            (2034, 59, 8), (2035, 60, 0), (2050, 60, 0),
        ])
    func womenRoadmap(year: Int, years: Int, months: Int) {
        #expect(RetirementRoadmap.women.ageMonths(in: year) == years * 12 + months)
    }

    // MARK: Phụ lục II — by month and year of birth: the age and the month it is reached

    @Test(
        "Phụ lục II: the age that applies is the one of the year in which the person reaches it",
        arguments: [
            // Men: each step of the roadmap covers nine birth months.
            ("1960-01-10", Gender.male, 60, 0, "2020-01-10"),
            ("1960-12-10", .male, 60, 0, "2020-12-10"),  // the last man at 60
            ("1961-01-15", .male, 60, 3, "2021-04-15"),
            ("1961-09-15", .male, 60, 3, "2021-12-15"),  // reaches 60y3m in 12/2021, not 60y6m in 03/2022
            ("1961-10-15", .male, 60, 6, "2022-04-15"),  // 60y3m would fall in 01/2022, when 60y6m applies
            ("1962-06-15", .male, 60, 6, "2022-12-15"),
            ("1962-07-15", .male, 60, 9, "2023-04-15"),
            ("1963-03-15", .male, 60, 9, "2023-12-15"),
            ("1963-04-15", .male, 61, 0, "2024-04-15"),
            ("1963-12-15", .male, 61, 0, "2024-12-15"),
            ("1964-01-15", .male, 61, 3, "2025-04-15"),
            ("1964-09-15", .male, 61, 3, "2025-12-15"),
            ("1964-10-15", .male, 61, 6, "2026-04-15"),
            ("1965-06-15", .male, 61, 6, "2026-12-15"),
            ("1965-07-15", .male, 61, 9, "2027-04-15"),
            ("1966-01-15", .male, 61, 9, "2027-10-15"),  // born in 1966 but not yet at 62
            ("1966-03-15", .male, 61, 9, "2027-12-15"),
            ("1966-04-15", .male, 62, 0, "2028-04-15"),  // from 04/1966: 62
            ("1980-05-20", .male, 62, 0, "2042-05-20"),
            // Women: each step covers eight birth months.
            ("1965-12-10", .female, 55, 0, "2020-12-10"),
            ("1966-01-10", .female, 55, 4, "2021-05-10"),
            ("1966-08-10", .female, 55, 4, "2021-12-10"),
            ("1966-09-10", .female, 55, 8, "2022-05-10"),
            ("1967-04-10", .female, 55, 8, "2022-12-10"),
            ("1967-05-10", .female, 56, 0, "2023-05-10"),
            ("1967-12-10", .female, 56, 0, "2023-12-10"),
            ("1968-01-10", .female, 56, 4, "2024-05-10"),
            ("1972-04-10", .female, 58, 4, "2030-08-10"),
            ("1972-05-10", .female, 58, 4, "2030-09-10"),
            ("1975-04-10", .female, 59, 8, "2034-12-10"),  // born in 1975 but not yet at 60
            ("1975-05-10", .female, 60, 0, "2035-05-10"),  // from 05/1975: 60
            ("1990-01-10", .female, 60, 0, "2050-01-10"),
        ])
    func appendix(birth: String, gender: Gender, years: Int, months: Int, reached: String) {
        let age = Retirement.age(birthDate: Self.date(birth), gender: gender)
        #expect(age.years == years && age.months == months, "\(birth) \(gender): \(age)")
        #expect(Retirement.date(birthDate: Self.date(birth), gender: gender) == Self.date(reached))
    }

    @Test(
        "Điều 3: retirement at the end of the month the age is reached, the pension from the first of the next month",
        arguments: [
            ("1961-01-15", Gender.male, "2021-04-15", "2021-04-30", "2021-05-01"),
            ("1961-01-31", .male, "2021-04-30", "2021-04-30", "2021-05-01"),  // 31/01 + 60y3m: the day clamps to 30/04
            ("1966-01-31", .female, "2021-05-31", "2021-05-31", "2021-06-01"),
            ("1961-09-01", .male, "2021-12-01", "2021-12-31", "2022-01-01"),  // across the year
            ("1964-02-29", .male, "2025-05-29", "2025-05-31", "2025-06-01"),
            ("1963-11-30", .male, "2024-11-30", "2024-11-30", "2024-12-01"),
        ])
    func schedule(birth: String, gender: Gender, reached: String, retires: String, pension: String) {
        let schedule = Retirement.schedule(birthDate: Self.date(birth), gender: gender)
        #expect(schedule.reachedOn == Self.date(reached))
        #expect(schedule.retiresOn == Self.date(retires))
        #expect(schedule.pensionFrom == Self.date(pension))
    }

    @Test(
        "working time left counts full months up to the end of the retirement month; none once retired",
        arguments: [
            ("2023-05-01", 60),  // a man born 15/04/1966 retires with 30/04/2028
            ("2023-05-02", 59),
            ("2023-04-30", 60),
            ("2026-05-01", 24),
            ("2028-04-30", 0),
            ("2028-05-01", 0),
            ("2030-06-15", 0),
        ])
    func monthsLeft(on: String, months: Int) {
        #expect(Retirement.monthsOfWorkLeft(birthDate: Self.date("1966-04-15"), gender: .male, on: Self.date(on)) == months)
    }

    @Test("the roadmap is a parameter: a later rule set replaces it")
    func customRule() {
        let later = RetirementRoadmap(ageBefore: 62 * 12, firstYear: 2030, agesByYear: [62 * 12 + 6, 63 * 12])
        let rule = RetirementRule(men: later, women: .women)
        #expect(Retirement.age(birthDate: Self.date("1967-03-01"), gender: .male, rule: rule) == (62, 0))  // 03/2029
        #expect(Retirement.age(birthDate: Self.date("1968-03-01"), gender: .male, rule: rule) == (62, 6))  // 09/2030
        #expect(Retirement.age(birthDate: Self.date("1968-08-01"), gender: .male, rule: rule) == (63, 0))  // 62y6m in 02/2031
        #expect(Retirement.age(birthDate: Self.date("1968-08-01"), gender: .female, rule: rule) == (56, 4))  // women unchanged
    }

    @Test("a roadmap with no years keeps the age before it")
    func emptyRoadmap() {
        let flat = RetirementRoadmap(ageBefore: 60 * 12, firstYear: 2021, agesByYear: [])
        #expect(flat.ageMonths(in: 2030) == 720)
        #expect(flat.ageMonths(birthDate: Self.date("1970-01-01")) == 720)
    }

    @Test("retirement ages read as Vietnamese: 60 tuổi 3 tháng, 62 tuổi")
    func ageLabels() {
        #expect(Catalogue.retirementAge(years: 60, months: 3).vi == "60 tuổi 3 tháng")
        #expect(Catalogue.retirementAge(years: 62, months: 0).vi == "62 tuổi")
        #expect(Catalogue.retirementAge(years: 61, months: 1).en == "61 years 1 month")
        #expect(Catalogue.yearsAndMonths(99).vi == "8 năm 3 tháng")
        #expect(Catalogue.yearsAndMonths(96).vi == "8 năm")
        #expect(Catalogue.yearsAndMonths(11).vi == "11 tháng")
        #expect(Catalogue.yearsAndMonths(13).en == "1 year 1 month")
    }
    // MARK: Who retires within a period, by birth date alone

    static let oddRule = RetirementRule(
        men: RetirementRoadmap(ageBefore: 60 * 12, firstYear: 2025, agesByYear: [61 * 12, 60 * 12 + 6, 62 * 12]),
        women: RetirementRoadmap(ageBefore: 55 * 12, firstYear: 2026, agesByYear: []))

    @Test(
        "the birth dates retiring within a period are exactly those whose own schedule retires in it (Điều 3, khoản 1: the end of the month the age is reached)",
        arguments: [
            ("2026-12-07", "2027-12-07", RetirementRule.current), ("2021-01-01", "2021-02-01", .current),
            ("2030-06-30", "2031-06-30", .current), ("2026-12-07", "2027-12-07", oddRule), ("2024-03-15", "2026-09-01", oddRule),
        ])
    func birthDatesOfThoseRetiring(from: String, until: String, rule: RetirementRule) {
        let from = Self.date(from)
        let until = Self.date(until)
        for gender in [Gender.male, .female] {
            let runs = Retirement.birthDates(retiringFrom: from, before: until, gender: gender, rule: rule)
            var day = Self.date("1955-01-01")
            while day <= Self.date("1985-12-31") {
                let retires = Retirement.schedule(birthDate: day, gender: gender, rule: rule).retiresOn
                #expect(runs.contains { $0.contains(day) } == (retires >= from && retires < until), "\(gender) born \(day.iso)")
                day = day.adding(days: 1)
            }
        }
    }

    @Test("a rising roadmap gives one run of birth months: men retiring in the year from 07/12/2026 were born 06/1965–02/1966 (12/2026 to 11/2027)")
    func oneRunForTheRoadmap() {
        let runs = Retirement.birthDates(retiringFrom: Self.date("2026-12-07"), before: Self.date("2027-12-07"), gender: .male)
        #expect(runs == [Self.date("1965-06-01")...Self.date("1966-02-28")])
        #expect(Retirement.birthDates(retiringFrom: Self.date("2027-01-01"), before: Self.date("2027-01-01"), gender: .male).isEmpty)
    }
}
