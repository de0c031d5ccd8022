import Testing
import ToChucDomain

/// Dates as records carry them: INTERCHANGE.md accepts `YYYY-MM-DD` and `DD/MM/YYYY`; the rules count full months and years.
@Suite struct CivilDateTests {
    @Test(
        "both interchange forms parse to the same day; impossible days are refused",
        arguments: [
            ("2023-01-06", CivilDate(year: 2023, month: 1, day: 6)),
            ("06/01/2023", CivilDate(year: 2023, month: 1, day: 6)),
            ("6/1/2023", CivilDate(year: 2023, month: 1, day: 6)),
            (" 2024-02-29 ", CivilDate(year: 2024, month: 2, day: 29)),
            ("2023-02-29", nil),
            ("31/04/2023", nil),
            ("2023-13-01", nil),
            ("2023-1-6", nil),
            ("06.01.2023", nil),
            ("", nil),
        ] as [(String, CivilDate?)])
    func parsing(text: String, expected: CivilDate?) {
        #expect(CivilDate(parsing: text) == expected)
    }

    @Test("day numbers round-trip across centuries and leap days")
    func dayNumbers() {
        for text in ["1900-03-01", "1970-01-01", "2000-02-29", "2026-11-22", "2100-12-31"] {
            let date = CivilDate(parsing: text)!
            #expect(CivilDate(dayNumber: date.dayNumber) == date)
            #expect(date.adding(days: 1).adding(days: -1) == date)
        }
        #expect(CivilDate(parsing: "1970-01-01")!.dayNumber == 0)
        #expect(CivilDate(parsing: "2026-11-22")!.isoWeekday == 7)  // a Sunday
    }

    @Test(
        "full years count on the birthday, and a 29/02 birthday is reached on 28/02 in common years (age rules, DOMAIN.md §2)",
        arguments: [
            ("2005-06-15", "2023-06-14", 17),
            ("2005-06-15", "2023-06-15", 18),
            ("2004-02-29", "2022-02-28", 18),
            ("2004-02-29", "2022-02-27", 17),
            ("1963-01-01", "2023-01-01", 60),
        ])
    func fullYears(birth: String, on: String, years: Int) {
        #expect(CivilDate(parsing: birth)!.fullYears(until: CivilDate(parsing: on)!) == years)
    }

    @Test("adding months clamps to the month's end (probation of 12 months, DOMAIN.md §2)")
    func addingMonths() {
        #expect(CivilDate(parsing: "2023-01-31")!.adding(months: 1) == CivilDate(year: 2023, month: 2, day: 28))
        #expect(CivilDate(parsing: "2024-02-29")!.adding(years: 1) == CivilDate(year: 2025, month: 2, day: 28))
        #expect(CivilDate(parsing: "2023-05-19")!.adding(months: 12) == CivilDate(year: 2024, month: 5, day: 19))
    }

    @Test("timestamps are UTC text that sorts and parses back")
    func timestamps() {
        let text = Timestamp.string(Timestamp.parse("2026-11-22T08:05:03.120Z")!)
        #expect(text == "2026-11-22T08:05:03.120Z")
        #expect("2026-11-22T08:05:03.120Z" < "2026-11-22T10:00:00.000Z")
        #expect(Timestamp.vietnamDate(Timestamp.parse("2026-11-22T17:30:00.000Z")!) == CivilDate(year: 2026, month: 11, day: 23))
    }
}
