import Testing

@testable import ToChucDomain

/// The dashboard's age bands count full years on the day (issue 7): a member moves to the next band on the birthday
/// that reaches 30, 40, 50 or 60, not on the 1st of January.
struct AgeBandTests {
    @Test(
        "the band by full years on the day",
        arguments: [
            ("1996-12-07", "2026-12-07", AgeBand.from30),  // 30th birthday today
            ("1996-12-08", "2026-12-07", AgeBand.under30),  // 30 tomorrow
            ("1986-12-08", "2026-12-07", AgeBand.from30),  // 39 until tomorrow
            ("1986-12-07", "2026-12-07", AgeBand.from40),
            ("1976-12-07", "2026-12-07", AgeBand.from50),
            ("1966-12-08", "2026-12-07", AgeBand.from50),
            ("1966-12-07", "2026-12-07", AgeBand.from60),
            ("1930-01-01", "2026-12-07", AgeBand.from60),
            ("2008-05-01", "2026-12-07", AgeBand.under30),
            ("1996-02-29", "2026-02-28", AgeBand.from30),  // born on 29 February: 30 on 28 February of a common year
            ("1996-02-29", "2026-02-27", AgeBand.under30),
        ])
    func band(born: String, on day: String, expected: AgeBand) {
        #expect(AgeBand(born: CivilDate(parsing: born)!, on: CivilDate(parsing: day)!) == expected)
    }
}
