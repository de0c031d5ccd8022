import Testing
import ToChucDomain

/// Time in a post (DOMAIN.md §3): no more than two consecutive terms as head of the same unit (Quy định 65-QĐ/TW
/// 2022), and at least 2 years in the current post before promotion (Quy định 80-QĐ/TW 2022).
@Suite struct CadreTenureTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    static func head(_ unit: String, _ start: String, _ end: String? = nil, title: String = "Bí thư", isHead: Bool = true)
        -> CadrePosition
    {
        CadrePosition(unit: unit, title: title, isHead: isHead, start: date(start), end: end.map(date))
    }

    // MARK: Quy định 65-QĐ/TW — 8 years in a row as head of the same unit warns; 12 months before, "sắp đủ"

    @Test("Quy định 65-QĐ/TW: the warning says how long, since when, and the rule")
    func reachedMessage() {
        let warning = CadreRules.headTenure([Self.head("X", "2017-06-01")], on: Self.date("2025-09-01"))
        #expect(
            warning?.vi
                == "Đã giữ chức Bí thư tại đơn vị này 8 năm 3 tháng liên tục (từ 01/06/2017); Quy định 65-QĐ/TW: không quá hai nhiệm kỳ liên tiếp (8 năm)."
        )
        #expect(
            warning?.en
                == "Has held the post of Bí thư at this unit for 8 years 3 months in a row (since 2017-06-01); Quy định 65-QĐ/TW: no more than two consecutive terms (8 years)."
        )
    }

    enum Expected: Equatable { case none, approaching, reached }

    @Test(
        "Quy định 65-QĐ/TW: exactly 8 years warns, one day less is 'sắp đủ', 7 years is 'sắp đủ', one day less nothing",
        arguments: [
            ("2025-06-01", Expected.reached),  // exactly 8 years
            ("2025-05-31", .approaching),  // 7 years 11 months
            ("2024-06-01", .approaching),  // exactly 7 years: 12 months before
            ("2024-05-31", .none),  // 6 years 11 months
            ("2030-01-01", .reached),
        ])
    func boundaries(on: String, expected: Expected) {
        let warning = CadreRules.headTenure([Self.head("X", "2017-06-01")], on: Self.date(on))
        switch expected {
        case .none: #expect(warning == nil)
        case .approaching: #expect(warning?.vi.hasPrefix("Sắp đủ 8 năm giữ chức Bí thư") == true, "\(warning?.vi ?? "nil")")
        case .reached: #expect(warning?.vi.hasPrefix("Đã giữ chức Bí thư") == true, "\(warning?.vi ?? "nil")")
        }
    }

    @Test("the 'sắp đủ' warning says when 8 years will be reached")
    func approachingMessage() {
        let warning = CadreRules.headTenure(
            [CadrePosition(unit: "X", unitName: "Đảng ủy xã An Bình", title: "Bí thư", isHead: true, start: Self.date("2017-06-01"))],
            on: Self.date("2025-01-15"))
        #expect(
            warning?.vi
                == "Sắp đủ 8 năm giữ chức Bí thư tại Đảng ủy xã An Bình: đã giữ 7 năm 7 tháng liên tục (từ 01/06/2017), đến ngày 01/06/2025 sẽ đủ 8 năm; Quy định 65-QĐ/TW: không quá hai nhiệm kỳ liên tiếp (8 năm)."
        )
    }

    @Test(
        "Quy định 65-QĐ/TW: consecutive terms at the same unit join into one run (touching, overlapping, a gap of up to 90 days, another head title)",
        arguments: [
            // Two terms, the second starting the day after the first ended: 8 years on 20/10/2023.
            ([head("X", "2015-10-20", "2020-10-19"), head("X", "2020-10-20")], "2023-10-20", 96),
            // Re-elected the same day: overlap.
            ([head("X", "2015-10-20", "2020-10-20"), head("X", "2020-10-20")], "2023-10-20", 96),
            // 90 days without a head between the terms: still one run, the gap counted.
            ([head("X", "2010-01-01", "2014-12-31"), head("X", "2015-04-01")], "2018-01-01", 96),
            // Chủ tịch, then Bí thư of the same unit.
            ([head("X", "2014-03-01", "2019-02-28", title: "Chủ tịch"), head("X", "2019-03-01")], "2022-03-01", 96),
            // Concurrent posts at the same unit: one run.
            ([head("X", "2016-01-01", "2024-01-01"), head("X", "2018-01-01", "2020-01-01", title: "Chủ tịch")], "2025-01-01", 96),
        ])
    func joined(positions: [CadrePosition], on: String, months: Int) {
        let run = CadreRules.longestHeadRun(positions, on: Self.date(on))
        #expect(run?.months == months)
        #expect(CadreRules.headTenure(positions, on: Self.date(on)) != nil)
    }

    @Test(
        "Quy định 65-QĐ/TW: a gap over 90 days, another unit, a deputy post or a post not begun by the date breaks or does not count",
        arguments: [
            // 91 days without a head: two runs of 5 years and 2 years 8 months.
            ([head("X", "2010-01-01", "2014-12-31"), head("X", "2015-04-02")], "2018-01-01", 60),
            // Another unit.
            ([head("X", "2012-01-01", "2016-12-31"), head("Y", "2017-01-01")], "2021-01-01", 60),
            // Phó Bí thư is not a head.
            ([head("X", "2010-01-01", title: "Phó Bí thư", isHead: false), head("X", "2020-01-01")], "2021-01-01", 12),
            // A position starting after the date is left out.
            ([head("X", "2019-01-01", "2020-12-31"), head("X", "2021-01-01")], "2020-12-31", 23),
        ])
    func broken(positions: [CadrePosition], on: String, months: Int) {
        #expect(CadreRules.longestHeadRun(positions, on: Self.date(on))?.months == months)
        #expect(CadreRules.headTenure(positions, on: Self.date(on)) == nil)
    }

    @Test("the gap that still joins is a parameter")
    func gapParameter() {
        let positions = [Self.head("X", "2010-01-01", "2014-12-31"), Self.head("X", "2015-01-11")]
        #expect(CadreRules.longestHeadRun(positions, on: Self.date("2018-01-01"), maximumGapDays: 10)?.months == 96)
        #expect(CadreRules.longestHeadRun(positions, on: Self.date("2018-01-01"), maximumGapDays: 9)?.months == 60)
        #expect(CadreRules.headTenure(positions, on: Self.date("2018-01-01"), maximumGapDays: 0) == nil)
    }

    @Test("a past run of 8 years or more still warns, with its end; a past run under 8 years gives no 'sắp đủ'")
    func pastRuns() {
        let past = [Self.head("X", "2005-01-01", "2014-06-30"), Self.head("Y", "2016-01-01")]
        let warning = CadreRules.headTenure(past, on: Self.date("2020-01-01"))
        #expect(warning?.vi.contains("9 năm 6 tháng liên tục (từ 01/01/2005 đến 30/06/2014)") == true, "\(warning?.vi ?? "nil")")
        let run = CadreRules.longestHeadRun(past, on: Self.date("2020-01-01"))
        #expect(run?.unit == "X" && run?.isCurrent == false && run?.lastDay == Self.date("2014-06-30"))

        let ended = [Self.head("X", "2010-01-01", "2017-06-30")]
        #expect(CadreRules.headTenure(ended, on: Self.date("2018-01-01")) == nil)  // 7y6m, but over
    }

    @Test("the run still going is checked even when a past run is longer, and named first when both reach 8 years")
    func currentRunFirst() {
        let approaching = [Self.head("X", "2005-01-01", "2012-06-30"), Self.head("Y", "2013-01-01")]
        let soon = CadreRules.headTenure(approaching, on: Self.date("2020-06-01"))
        #expect(soon?.vi.hasPrefix("Sắp đủ 8 năm") == true && soon?.vi.contains("từ 01/01/2013") == true, "\(soon?.vi ?? "nil")")
        let both = [Self.head("X", "2000-01-01", "2008-12-31"), Self.head("Y", "2010-01-01")]
        let reached = CadreRules.headTenure(both, on: Self.date("2018-06-01"))
        #expect(reached?.vi.contains("8 năm 5 tháng liên tục (từ 01/01/2010)") == true, "\(reached?.vi ?? "nil")")
    }

    @Test("a post whose last day is the date is still held on the date; ended the day before, it is not")
    func currentOnTheDate() {
        #expect(CadreRules.longestHeadRun([Self.head("X", "2020-01-01", "2024-01-01")], on: Self.date("2024-01-01"))?.isCurrent == true)
        #expect(CadreRules.longestHeadRun([Self.head("X", "2020-01-01", "2023-12-31")], on: Self.date("2024-01-01"))?.isCurrent == false)
        #expect(CadreRules.longestHeadRun([Self.head("X", "2020-01-01", "2023-12-31")], on: Self.date("2024-01-01"))?.months == 48)
    }

    @Test("runs are listed per unit in order of start; never head, no run and no warning")
    func runs() {
        let positions = [Self.head("Y", "2016-01-01"), Self.head("X", "2010-01-01", "2015-12-31"), Self.head("X", "2001-01-01", "2003-12-31")]
        let runs = CadreRules.headRuns(positions, on: Self.date("2020-01-01"))
        #expect(runs.map(\.unit) == ["X", "X", "Y"])
        #expect(runs.map(\.months) == [36, 72, 48])
        #expect(CadreRules.headRuns([], on: Self.date("2020-01-01")).isEmpty)
        #expect(CadreRules.headTenure([Self.head("X", "2010-01-01", isHead: false)], on: Self.date("2020-01-01")) == nil)
    }

    @Test("the limit and the warning window are parameters")
    func tenureParameters() {
        let positions = [Self.head("X", "2015-01-01")]
        #expect(CadreRules.headTenure(positions, on: Self.date("2025-01-01"), limitYears: 10)?.vi.hasPrefix("Đã giữ") == true)
        #expect(CadreRules.headTenure(positions, on: Self.date("2024-12-31"), limitYears: 10)?.vi.hasPrefix("Sắp đủ 10 năm") == true)
        #expect(CadreRules.headTenure(positions, on: Self.date("2022-06-01"), warningMonths: 6) == nil)
        #expect(CadreRules.headTenure(positions, on: Self.date("2022-07-01"), warningMonths: 6) != nil)
    }

    // MARK: Quy định 80-QĐ/TW — at least 24 full months in the current post before promotion

    @Test(
        "Quy định 80-QĐ/TW: exactly 24 months in the post passes, one day less fails",
        arguments: [
            ("2023-06-01", "2025-06-01", nil),
            ("2023-06-01", "2025-05-31", 23),
            ("2023-06-01", "2030-01-01", nil),
            ("2023-01-31", "2025-01-31", nil),
            ("2023-01-31", "2025-01-30", 23),
            ("2023-06-01", "2023-06-01", 0),
            ("2023-06-01", "2023-01-01", 0),  // promotion dated before the post began
        ] as [(String, String, Int?)])
    func timeInPost(since: String, promotion: String, shownMonths: Int?) {
        let warning = CadreRules.timeInPost(since: Self.date(since), promotionDate: Self.date(promotion))
        #expect((warning == nil) == (shownMonths == nil))
        if let months = shownMonths {
            #expect(warning?.vi.hasPrefix("Mới giữ chức vụ hiện tại \(months) tháng") == true, "\(warning?.vi ?? "nil")")
        }
    }

    @Test("the time-in-post warning gives both dates and the rule")
    func timeInPostMessage() {
        // A promotion before 08/10/2025 is judged by Quy định 80-QĐ/TW (the default is the shipped version in force today).
        let warning = CadreRules.timeInPost(since: Self.date("2023-06-01"), promotionDate: Self.date("2025-05-31"), regulation: "80-QĐ/TW")
        #expect(
            warning?.vi
                == "Mới giữ chức vụ hiện tại 23 tháng (từ 01/06/2023 đến ngày đề nghị bổ nhiệm 31/05/2025); Quy định 80-QĐ/TW: phải giữ chức vụ hiện tại ít nhất 24 tháng (2 năm) mới được bổ nhiệm chức vụ cao hơn."
        )
        #expect(warning?.en.contains("Only 23 months in the current post") == true)
        #expect(CadreRules.timeInPost(since: Self.date("2023-06-01"), promotionDate: Self.date("2024-06-01"), minimumMonths: 12) == nil)
    }
}
