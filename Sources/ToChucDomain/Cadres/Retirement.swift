/// The normal retirement age (tuổi nghỉ hưu trong điều kiện lao động bình thường) by the year in which it is reached,
/// for one gender (Bộ luật Lao động 2019, Điều 169, khoản 2; Nghị định 135/2020/NĐ-CP, Điều 4 and Phụ lục I).
///
/// Ages are in months. The age of a year holds for the people who reach it in that year: the age that applies to a
/// person is found from the birth month and year (Phụ lục II of the decree tabulates the result per birth month).
public struct RetirementRoadmap: Sendable, Hashable {
    /// The age for the years before `firstYear` (Bộ luật Lao động 2012: 60 for men, 55 for women).
    public let ageBefore: Int
    /// The first year of the roadmap.
    public let firstYear: Int
    /// The age for `firstYear`, `firstYear + 1`, …; the last one holds for every later year.
    public let agesByYear: [Int]

    /// A roadmap from its table. Ages should not decrease from year to year (every published roadmap rises; the search
    /// in `ageMonths(birthDate:)` assumes it, and with a falling table returns the first match or the last age). An
    /// empty `agesByYear` keeps `ageBefore` for ever. Never traps, so a rule set read from data cannot stop the server.
    public init(ageBefore: Int, firstYear: Int, agesByYear: [Int]) {
        self.ageBefore = ageBefore
        self.firstYear = firstYear
        self.agesByYear = agesByYear.isEmpty ? [ageBefore] : agesByYear
    }

    /// Men (Nghị định 135/2020/NĐ-CP, Phụ lục I): 60 years 3 months in 2021, then 3 months more each year, 62 from 2028.
    public static let men = RetirementRoadmap(
        ageBefore: 60 * 12, firstYear: 2021,
        agesByYear: [
            60 * 12 + 3,  // 2021
            60 * 12 + 6,  // 2022
            60 * 12 + 9,  // 2023
            61 * 12 + 0,  // 2024
            61 * 12 + 3,  // 2025
            61 * 12 + 6,  // 2026
            61 * 12 + 9,  // 2027
            62 * 12 + 0,  // 2028 and later
        ])

    /// Women (Nghị định 135/2020/NĐ-CP, Phụ lục I): 55 years 4 months in 2021, then 4 months more each year, 60 from
    /// 2035.
    public static let women = RetirementRoadmap(
        ageBefore: 55 * 12, firstYear: 2021,
        agesByYear: [
            55 * 12 + 4,  // 2021
            55 * 12 + 8,  // 2022
            56 * 12 + 0,  // 2023
            56 * 12 + 4,  // 2024
            56 * 12 + 8,  // 2025
            57 * 12 + 0,  // 2026
            57 * 12 + 4,  // 2027
            57 * 12 + 8,  // 2028
            58 * 12 + 0,  // 2029
            58 * 12 + 4,  // 2030
            58 * 12 + 8,  // 2031
            59 * 12 + 0,  // 2032
            59 * 12 + 4,  // 2033
            59 * 12 + 8,  // 2034
            60 * 12 + 0,  // 2035 and later
        ])

    /// The retirement age, in months, for people who reach it in `year`.
    public func ageMonths(in year: Int) -> Int {
        if year < firstYear { return ageBefore }
        return agesByYear[min(year - firstYear, agesByYear.count - 1)]
    }

    /// The retirement age, in months, of a person born on `birthDate`: the lowest age of the table that the person
    /// reaches in a year for which the table gives that very age (Nghị định 135/2020/NĐ-CP, Điều 4, khoản 1 with
    /// Phụ lục II). A man born 01/1961 reaches 60y3m in 04/2021 (2021's age): 60y3m. One born 10/1961 reaches 60y3m
    /// in 01/2022, when the age is already 60y6m, which he reaches in 04/2022: 60y6m. Only the month and year of birth
    /// matter.
    public func ageMonths(birthDate: CivilDate) -> Int {
        // Each candidate age with the years it holds for; ages grow by a few months a year while time grows by twelve,
        // so the first candidate reached within its own years is the answer (the last one holds for ever).
        let birthMonth = birthDate.year * 12 + (birthDate.month - 1)
        if (birthMonth + ageBefore) / 12 < firstYear { return ageBefore }
        for (index, age) in agesByYear.enumerated() {
            let reachedYear = (birthMonth + age) / 12
            if reachedYear == firstYear + index || (index == agesByYear.count - 1 && reachedYear >= firstYear + index) {
                return age
            }
        }
        return agesByYear[agesByYear.count - 1]
    }
}

/// The retirement roadmaps of both genders: the rule set the cadre rules take (`.current` by default), so that a later
/// rule set (a version of the `retirement` family, or the later retirement of some senior cadres, Bộ luật Lao động
/// 2019, Điều 169, khoản 4) can replace it.
public struct RetirementRule: Sendable, Hashable {
    /// The men's roadmap.
    public let men: RetirementRoadmap
    /// The women's roadmap.
    public let women: RetirementRoadmap

    /// A rule from two roadmaps.
    public init(men: RetirementRoadmap, women: RetirementRoadmap) {
        self.men = men
        self.women = women
    }

    /// The shipped rule set: Nghị định 135/2020/NĐ-CP, in force from 01/01/2021 (built from its version of the
    /// `retirement` family; it gives exactly the tables `RetirementRoadmap.men` and `.women`). Services pass the roadmap
    /// in force on the date they judge (`RuleVersions.retirement(on:)`).
    public static let current = RetirementRule(RuleBook.shipped(.retirement))

    /// The lowest retirement age of either roadmap, in months: nobody retires younger.
    public var lowestAge: Int { [men, women].map { min($0.ageBefore, $0.agesByYear.min() ?? $0.ageBefore) }.min()! }

    /// The highest retirement age of either roadmap, in months: everybody older has retired.
    public var highestAge: Int { [men, women].map { max($0.ageBefore, $0.agesByYear.max() ?? $0.ageBefore) }.max()! }

    /// The roadmap of `gender`.
    public func roadmap(for gender: Gender) -> RetirementRoadmap {
        switch gender {
        case .male: return men
        case .female: return women
        }
    }
}

/// When one person retires (Nghị định 135/2020/NĐ-CP, Điều 3–4).
public struct RetirementSchedule: Sendable, Hashable {
    /// The retirement age that applies, in months.
    public let ageMonths: Int
    /// The day the person reaches that age: the birth date plus the age (29/02 gives 28/02 in common years).
    public let reachedOn: CivilDate
    /// The retirement time (thời điểm nghỉ hưu): the end of the last day of the month in which the age is reached
    /// (Điều 3, khoản 1). The person works up to and including this day.
    public let retiresOn: CivilDate
    /// The first day of the pension (thời điểm hưởng chế độ hưu trí): the first day of the following month
    /// (Điều 3, khoản 2). The first day without working time.
    public let pensionFrom: CivilDate

    /// The schedule of a person born on `birthDate` who retires at `ageMonths`.
    public init(birthDate: CivilDate, ageMonths: Int) {
        self.ageMonths = ageMonths
        reachedOn = birthDate.adding(months: ageMonths)
        retiresOn = CivilDate(
            year: reachedOn.year, month: reachedOn.month, day: CivilDate.daysIn(month: reachedOn.month, year: reachedOn.year))!
        pensionFrom = retiresOn.adding(days: 1)
    }

    /// Full years of the age.
    public var years: Int { ageMonths / 12 }
    /// Months beyond the full years (0…11).
    public var months: Int { ageMonths % 12 }

    /// Full months of working time from `date` (counted) to the retirement time (counted): `date` to `pensionFrom`;
    /// 0 once retired. From 01/06/2023 to a pension from 01/06/2028 is 60 months; from 02/06/2023, 59.
    public func monthsOfWorkLeft(on date: CivilDate) -> Int {
        max(date.fullMonths(until: pensionFrom), 0)
    }
}

/// Retirement by the published roadmap (Bộ luật Lao động 2019, Điều 169; Nghị định 135/2020/NĐ-CP): men 60 years
/// 3 months in 2021 rising to 62 in 2028, women 55 years 4 months in 2021 rising to 60 in 2035.
///
/// A birth date known only by year is recorded as 01/01 of that year, and one known only by month and year as the
/// first of the month (the decree counts by month, so the day never changes the result except `reachedOn`).
public enum Retirement {
    /// The full schedule: age, the day it is reached, the retirement time and the pension start.
    public static func schedule(birthDate: CivilDate, gender: Gender, rule: RetirementRule = .current) -> RetirementSchedule {
        RetirementSchedule(birthDate: birthDate, ageMonths: rule.roadmap(for: gender).ageMonths(birthDate: birthDate))
    }

    /// The day the person reaches retirement age: the birth date plus the age (`RetirementSchedule.reachedOn`).
    /// Retirement takes effect at the end of that month (`RetirementSchedule.retiresOn`, Nghị định 135/2020/NĐ-CP,
    /// Điều 3, khoản 1) and the pension from the first day of the next month (`pensionFrom`, khoản 2). A man born
    /// 15/01/1961 reaches 60 years 3 months on 15/04/2021, retires at the end of 30/04/2021, pension from 01/05/2021.
    public static func date(birthDate: CivilDate, gender: Gender, rule: RetirementRule = .current) -> CivilDate {
        schedule(birthDate: birthDate, gender: gender, rule: rule).reachedOn
    }

    /// The retirement age that applies to the person, in years and months (a woman born 01/1966: 55 years 4 months).
    public static func age(birthDate: CivilDate, gender: Gender, rule: RetirementRule = .current) -> (years: Int, months: Int) {
        let s = schedule(birthDate: birthDate, gender: gender, rule: rule)
        return (s.years, s.months)
    }

    /// The birth dates of the people of `gender` whose retirement time (`RetirementSchedule.retiresOn`) falls on or after
    /// `from` and before `until`, as runs of whole months, earliest first. Only the month and year of birth decide the
    /// retirement time (`RetirementRoadmap.ageMonths(birthDate:)`), so the months of birth between the lowest and the
    /// highest age of the rule are each judged once: a database can then count or list those people by birth date
    /// alone, with the very rule that judges one person. A rising roadmap gives one run; any table gives the exact
    /// months.
    public static func birthDates(
        retiringFrom from: CivilDate, before until: CivilDate, gender: Gender, rule: RetirementRule = .current
    ) -> [ClosedRange<CivilDate>] {
        guard from < until else { return [] }
        // Born later than `until` less the lowest age, nobody has retired by `until`; born before `from` less the
        // highest age (and a month for the end of the month), everybody retired before `from`.
        let first = from.adding(months: -(rule.highestAge + 1))
        let last = until.adding(months: -rule.lowestAge)
        var runs: [ClosedRange<CivilDate>] = []
        var month = CivilDate(year: first.year, month: first.month, day: 1)!
        while month <= last {
            let end = CivilDate(year: month.year, month: month.month, day: CivilDate.daysIn(month: month.month, year: month.year))!
            let retires = schedule(birthDate: month, gender: gender, rule: rule).retiresOn
            if retires >= from && retires < until {
                if let run = runs.last, run.upperBound.adding(days: 1) == month {
                    runs[runs.count - 1] = run.lowerBound...end
                } else {
                    runs.append(month...end)
                }
            }
            month = end.adding(days: 1)
        }
        return runs
    }

    /// Full months of working time left on `date` until the retirement time (`RetirementSchedule.monthsOfWorkLeft`).
    public static func monthsOfWorkLeft(
        birthDate: CivilDate, gender: Gender, on date: CivilDate, rule: RetirementRule = .current
    ) -> Int {
        schedule(birthDate: birthDate, gender: gender, rule: rule).monthsOfWorkLeft(on: date)
    }
}
