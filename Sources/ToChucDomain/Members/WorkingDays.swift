/// Working days (ngày làm việc) for the deadlines of DOMAIN.md §2: the admission ceremony and the recognition meeting
/// are due within 30 working days (Điều lệ Đảng, Điều 4–5; Quy định 24-QĐ/TW 2021 — thresholds in `Admission`).
///
/// A working day is Monday to Friday (the 40-hour week of state agencies, Quyết định 188/1999/QĐ-TTg) that is not a
/// public holiday. The holidays are data — `init(holidays:)` — so that an administrator-maintained table can replace
/// the built-in one without a release.
public struct HolidayCalendar: Sendable, Hashable {
    /// The public holidays; weekends are not listed (they are never working days).
    public let holidays: Set<CivilDate>

    /// A calendar from a table of holidays, e.g. one an administrator maintains.
    public init(holidays: Set<CivilDate>) {
        self.holidays = holidays
    }

    /// Vietnam's public holidays as `VietnamHolidays` tabulates them, without compensatory days
    /// (Bộ luật Lao động 2019, Điều 112; see `VietnamHolidays` for what is approximated).
    public static let vietnam = HolidayCalendar(holidays: VietnamHolidays.allDays(compensatingWeekends: false))

    /// As `vietnam`, plus a compensatory day (nghỉ bù) on the next working day for each holiday that falls on a
    /// Saturday or Sunday (Bộ luật Lao động 2019, Điều 111, khoản 3). The Government's yearly notices sometimes
    /// place the days differently (swapped working days), but the number of working days lost comes out the same.
    public static let vietnamWithWeekendCompensation = HolidayCalendar(
        holidays: VietnamHolidays.allDays(compensatingWeekends: true))

    /// Whether `d` is in the table of holidays.
    public func isHoliday(_ d: CivilDate) -> Bool { holidays.contains(d) }

    /// Monday to Friday and not a holiday.
    public func isWorkingDay(_ d: CivilDate) -> Bool { d.isoWeekday <= 5 && !holidays.contains(d) }

    /// The `n`-th working day after `d` (`d` itself does not count, whatever it is); for a negative `n`, the `|n|`-th
    /// working day before `d`; `d` for 0. "Within 30 working days of the decision" ends on
    /// `adding(workingDays: 30, to: decision)`.
    public func adding(workingDays n: Int, to d: CivilDate) -> CivilDate {
        let step = n >= 0 ? 1 : -1
        var remaining = abs(n)
        var day = d
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// The working days in `(from, to]`: after `from`, up to and including `to`. Negative when `to` is before `from`
    /// (minus the working days in `(to, from]`), so `workingDays(from: d, to: adding(workingDays: n, to: d)) == n`.
    public func workingDays(from: CivilDate, to: CivilDate) -> Int {
        if to < from { return -workingDays(from: to, to: from) }
        var count = 0
        var day = from.dayNumber + 1
        while day <= to.dayNumber {
            if isWorkingDay(CivilDate(dayNumber: day)) { count += 1 }
            day += 1
        }
        return count
    }
}

/// Vietnam's public holidays (Bộ luật Lao động 2019, Điều 112, khoản 1), as a maintained table.
///
/// - Solar-calendar days, every year of `solarYears`: 1/1; 30/4; 1/5; 2/9 — plus, from 2021, one day next to 2/9
///   (Điều 112, khoản 1, điểm đ; the day is chosen each year by the Prime Minister, khoản 3).
/// - Lunar-calendar days, only in `lunarYears` (the lunar dates converted once, see below): Tết Nguyên Đán, 5 days
///   (điểm b); Giỗ Tổ Hùng Vương, 10/3 lunar (điểm e). Outside `lunarYears` these are not in the table (never
///   guessed): a deadline there is computed as if they were working days.
///
/// Approximations (the administrator-maintained table is meant to replace them with the Government's notices):
/// - Tết is taken as the day before the lunar new year (29 or 30 Tết) to the 4th day (mùng 4), 5 days. The Prime
///   Minister fixes the actual days each year (khoản 3); in practice they are often 29 Tết–mùng 3 or 30 Tết–mùng 4,
///   with weekend days compensated or swapped.
/// - The day next to 2/9 is the one announced for 2021 (3/9), 2022 (1/9), 2023 (1/9), 2024 (3/9) and 2025 (1/9); for
///   other years from 2021, 1/9 unless that is a Saturday or Sunday, then 3/9.
/// - Compensatory days (nghỉ bù) and swapped working days are not in `days(in:)`; `allDays(compensatingWeekends:)`
///   can add the compensatory days by the rule of Điều 111, khoản 3.
public enum VietnamHolidays {
    /// Years whose solar-calendar holidays are in the table (from the Bộ luật Lao động 1994, which fixed the four).
    public static let solarYears = 1995...2100

    /// Years whose lunar-calendar holidays (Tết, Giỗ Tổ Hùng Vương) are in the table.
    public static let lunarYears = 2015...2035

    /// Mùng 1 Tết (the lunar new year) in the Vietnamese calendar (UTC+7), 2015–2035.
    ///
    /// Computed with Hồ Ngọc Đức's algorithm for the Vietnamese calendar and checked against the Chinese calendar
    /// (UTC+8): they agree every year except 2030, where the new moon falls at about 23:10 in Hà Nội on 2 February
    /// and after midnight in Beijing, so Tết is 2 February 2030 in Vietnam (3 February in China).
    public static let lunarNewYear: [Int: CivilDate] = dates([
        2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12),
        2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
        2029: (2, 13), 2030: (2, 2), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19), 2035: (2, 8),
    ])

    /// Giỗ Tổ Hùng Vương, 10/3 lunar (not of a leap third month), 2015–2035: converted the same way as `lunarNewYear`,
    /// and the same in the Chinese calendar every year. 2023 is 29 April because 2023 had a leap second month.
    public static let hungKingsDay: [Int: CivilDate] = dates([
        2015: (4, 28), 2016: (4, 16), 2017: (4, 6), 2018: (4, 25), 2019: (4, 14), 2020: (4, 2), 2021: (4, 21),
        2022: (4, 10), 2023: (4, 29), 2024: (4, 18), 2025: (4, 7), 2026: (4, 26), 2027: (4, 16), 2028: (4, 4),
        2029: (4, 23), 2030: (4, 12), 2031: (4, 1), 2032: (4, 19), 2033: (4, 9), 2034: (4, 28), 2035: (4, 17),
    ])

    /// The day next to 2/9 as the Government's yearly notices announced it, for the years known.
    public static let announcedNationalDayCompanions: [Int: CivilDate] = dates([
        2021: (9, 3), 2022: (9, 1), 2023: (9, 1), 2024: (9, 3), 2025: (9, 1),
    ])

    /// The second day of the National Day holiday: nil before 2021 (one day only until then); the announced day for
    /// 2021–2025; otherwise 1/9, or 3/9 when 1/9 is a Saturday or Sunday.
    public static func nationalDayCompanion(in year: Int) -> CivilDate? {
        guard year >= 2021 else { return nil }
        if let known = announcedNationalDayCompanions[year] { return known }
        let first = CivilDate(year: year, month: 9, day: 1)!
        return first.isoWeekday <= 5 ? first : CivilDate(year: year, month: 9, day: 3)!
    }

    /// The holidays of `year`, in date order, without compensatory days.
    public static func days(in year: Int) -> [CivilDate] {
        var days: [CivilDate] = []
        if solarYears.contains(year) {
            for (month, day) in [(1, 1), (4, 30), (5, 1), (9, 2)] {
                days.append(CivilDate(year: year, month: month, day: day)!)
            }
            if let companion = nationalDayCompanion(in: year) { days.append(companion) }
        }
        if let tet = lunarNewYear[year] {
            days.append(contentsOf: (-1...3).map { tet.adding(days: $0) })
        }
        if let hungKings = hungKingsDay[year] { days.append(hungKings) }
        return days.sorted()
    }

    /// Every holiday of `solarYears` (and so of `lunarYears`); with `compensatingWeekends`, plus for each holiday on a
    /// Saturday or Sunday the next Monday–Friday that is neither a holiday nor already a compensatory day
    /// (Bộ luật Lao động 2019, Điều 111, khoản 3).
    public static func allDays(compensatingWeekends: Bool) -> Set<CivilDate> {
        let sorted = solarYears.flatMap { days(in: $0) }
        var all = Set(sorted)
        guard compensatingWeekends else { return all }
        for holiday in sorted where holiday.isoWeekday >= 6 {
            var day = holiday.adding(days: 1)
            while day.isoWeekday >= 6 || all.contains(day) { day = day.adding(days: 1) }
            all.insert(day)
        }
        return all
    }

    private static func dates(_ table: [Int: (month: Int, day: Int)]) -> [Int: CivilDate] {
        table.reduce(into: [:]) { result, entry in
            result[entry.key] = CivilDate(year: entry.key, month: entry.value.month, day: entry.value.day)!
        }
    }
}
