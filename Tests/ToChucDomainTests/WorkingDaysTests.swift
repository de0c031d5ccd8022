import Testing
import ToChucDomain

/// Working days for the 30-working-day deadlines of DOMAIN.md §2: Monday–Friday except Vietnam's public holidays
/// (Bộ luật Lao động 2019, Điều 112), from a table an administrator can replace.
@Suite struct WorkingDaysTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    let calendar = HolidayCalendar.vietnam

    @Test(
        "the holidays of Điều 112: 1/1, Tết (the day before to mùng 4), Giỗ Tổ 10/3 lunar, 30/4, 1/5, 2/9 and a day next to it",
        arguments: [
            "2024-01-01", "2024-02-09", "2024-02-10", "2024-02-11", "2024-02-12", "2024-02-13", "2024-04-18", "2024-04-30",
            "2024-05-01", "2024-09-02", "2024-09-03", "2021-09-03", "2022-09-01", "2023-09-01", "2025-09-01", "2023-04-29",
            "2025-04-07", "2026-04-26", "2025-01-28", "2025-02-01", "2030-02-01", "2030-02-05", "2035-02-07", "2035-04-17",
            "2015-02-18", "2015-04-28", "2100-09-02",
        ])
    func holidays(text: String) {
        #expect(calendar.isHoliday(Self.date(text)))
        #expect(!calendar.isWorkingDay(Self.date(text)))
    }

    @Test(
        "the days around them are not holidays; 2/9 was one day before 2021; lunar holidays exist only where tabulated",
        arguments: [
            "2024-02-08", "2024-02-14", "2024-04-17", "2024-04-19", "2024-09-01", "2024-09-04", "2020-09-01", "2020-09-03",
            "2030-02-06", "2036-01-28", "2014-04-09", "2024-12-31",
        ])
    func notHolidays(text: String) {
        #expect(!calendar.isHoliday(Self.date(text)))
    }

    @Test("each year of the lunar table has 11 holidays from 2021 and 10 before (one day at 2/9)")
    func countsPerYear() {
        for year in VietnamHolidays.lunarYears {
            #expect(VietnamHolidays.days(in: year).count == (year >= 2021 ? 11 : 10), "\(year)")
            #expect(Set(VietnamHolidays.days(in: year)).count == VietnamHolidays.days(in: year).count, "\(year)")
        }
        #expect(VietnamHolidays.days(in: 2040).count == 5)  // solar days only outside the lunar table
        #expect(VietnamHolidays.days(in: 1990).isEmpty)
    }

    @Test(
        "Tết is the Vietnamese lunar new year (UTC+7): 2030 falls on 2 February, a day before the Chinese one",
        arguments: [("2023", "2023-01-22"), ("2024", "2024-02-10"), ("2025", "2025-01-29"), ("2026", "2026-02-17"), ("2030", "2030-02-02")])
    func lunarNewYear(year: String, tet: String) {
        #expect(VietnamHolidays.lunarNewYear[Int(year)!] == Self.date(tet))
    }

    @Test(
        "the day next to 2/9: announced days for 2021–2025, else 1/9 unless that is a weekend, then 3/9",
        arguments: [
            (2020, nil), (2021, "2021-09-03"), (2022, "2022-09-01"), (2023, "2023-09-01"), (2024, "2024-09-03"), (2025, "2025-09-01"),
            (2026, "2026-09-01"), (2029, "2029-09-03"), (2030, "2030-09-03"), (2031, "2031-09-01"),
        ] as [(Int, String?)])
    func nationalDayCompanion(year: Int, expected: String?) {
        #expect(VietnamHolidays.nationalDayCompanion(in: year) == expected.map(Self.date))
    }

    @Test(
        "a working day is Monday to Friday and not a holiday",
        arguments: [("2024-03-04", true), ("2024-03-08", true), ("2024-03-09", false), ("2024-03-10", false), ("2024-04-30", false)])
    func workingDay(text: String, working: Bool) {
        #expect(calendar.isWorkingDay(Self.date(text)) == working)
    }

    @Test(
        "the n-th working day after a date skips weekends and holidays; the start day never counts",
        arguments: [
            ("2024-03-01", 1, "2024-03-04"),  // Friday → Monday
            ("2024-03-02", 1, "2024-03-04"),  // from a Saturday
            ("2024-03-01", 5, "2024-03-08"),
            ("2024-03-01", 0, "2024-03-01"),
            ("2024-03-04", -1, "2024-03-01"),  // backwards
            ("2024-03-01", 30, "2024-04-12"),
            ("2024-01-25", 30, "2024-03-12"),  // across Tết 2024 (9–13/02 off)
            ("2024-12-31", 30, "2025-02-18"),  // across 1/1 and Tết 2025 (28/01–01/02 off)
            ("2025-03-15", 30, "2025-04-28"),  // across Giỗ Tổ 2025 (07/04)
            ("2024-04-26", 3, "2024-05-03"),  // across 30/4 and 1/5
            ("2024-08-29", 2, "2024-09-04"),  // across 2/9 and 3/9 of 2024
        ])
    func addingWorkingDays(start: String, n: Int, expected: String) {
        #expect(calendar.adding(workingDays: n, to: Self.date(start)) == Self.date(expected))
    }

    @Test("counting working days in (from, to] inverts adding them, both ways")
    func countingInvertsAdding() {
        var start = Self.date("2023-12-20")
        while start < Self.date("2024-03-01") {
            for n in [1, 2, 5, 10, 30, 45] {
                let end = calendar.adding(workingDays: n, to: start)
                #expect(calendar.workingDays(from: start, to: end) == n)
                #expect(calendar.workingDays(from: end, to: start) == -n)
            }
            start = start.adding(days: 1)
        }
        #expect(calendar.workingDays(from: Self.date("2024-03-01"), to: Self.date("2024-03-01")) == 0)
        #expect(calendar.workingDays(from: Self.date("2024-02-08"), to: Self.date("2024-02-14")) == 1)  // only 14/02
    }

    @Test("an administrator's table replaces the built-in one")
    func customTable() {
        let custom = HolidayCalendar(holidays: [Self.date("2024-03-04")])
        #expect(custom.isHoliday(Self.date("2024-03-04")))
        #expect(!custom.isHoliday(Self.date("2024-04-30")))
        #expect(custom.adding(workingDays: 1, to: Self.date("2024-03-01")) == Self.date("2024-03-05"))
        #expect(HolidayCalendar(holidays: []).adding(workingDays: 30, to: Self.date("2024-01-25")) == Self.date("2024-03-07"))
    }

    @Test(
        "with weekend compensation, a holiday on Saturday or Sunday gives the next free working day (Bộ luật Lao động 2019, Điều 111, khoản 3)",
        arguments: [
            ("2021-05-03", true),  // 1/5/2021 was a Saturday
            ("2024-02-14", true), ("2024-02-15", true),  // Tết 2024: 10 and 11/02 were a weekend
            ("2024-02-16", false), ("2025-02-03", true),  // 01/02/2025 (mùng 4) was a Saturday
            ("2024-05-02", false),
        ])
    func compensation(text: String, holiday: Bool) {
        #expect(HolidayCalendar.vietnamWithWeekendCompensation.isHoliday(Self.date(text)) == holiday)
        #expect(!HolidayCalendar.vietnam.isHoliday(Self.date(text)))  // the plain table has no compensatory days
    }

    @Test("compensation moves the 30th working day across Tết 2024 by the two weekend days of Tết")
    func compensatedDeadline() {
        #expect(
            HolidayCalendar.vietnamWithWeekendCompensation.adding(workingDays: 30, to: Self.date("2024-01-25"))
                == Self.date("2024-03-14"))
    }
}
