import Testing

@testable import ToChucDomain

/// DOMAIN.md §5: briefing reports by month, quarter, half year and year; each compared with the same period a year
/// earlier ("kết nạp 1.666 đảng viên mới, tăng 518 so với năm 2021").
struct ReportPeriodTests {
    @Test(
        "a period is a year, a half, a quarter, a month or a range of dates, with both ends included",
        arguments: [
            ("2022", "2022-01-01", "2022-12-31", "năm 2022", "2022"),
            ("2023-H1", "2023-01-01", "2023-06-30", "6 tháng đầu năm 2023", "2023-H1"),
            ("2023-h2", "2023-07-01", "2023-12-31", "6 tháng cuối năm 2023", "2023-H2"),
            ("2023-Q1", "2023-01-01", "2023-03-31", "quý I/2023", "2023-Q1"),
            ("2023-Q3", "2023-07-01", "2023-09-30", "quý III/2023", "2023-Q3"),
            ("2023-Q4", "2023-10-01", "2023-12-31", "quý IV/2023", "2023-Q4"),
            ("2023-06", "2023-06-01", "2023-06-30", "tháng 6/2023", "2023-06"),
            ("2024-02", "2024-02-01", "2024-02-29", "tháng 2/2024", "2024-02"),
            ("2023-02", "2023-02-01", "2023-02-28", "tháng 2/2023", "2023-02"),
            (" 2023-12 ", "2023-12-01", "2023-12-31", "tháng 12/2023", "2023-12"),
            ("2023-01-15..2023-02-14", "2023-01-15", "2023-02-14", "từ ngày 15/01/2023 đến ngày 14/02/2023", "2023-01-15..2023-02-14"),
            ("2023-05-01..2023-05-01", "2023-05-01", "2023-05-01", "từ ngày 01/05/2023 đến ngày 01/05/2023", "2023-05-01..2023-05-01"),
        ])
    func parses(text: String, from: String, to: String, label: String, key: String) throws {
        let period = try #require(ReportPeriod(parsing: text))
        #expect(period.from.iso == from && period.to.iso == to)
        #expect(period.label.vi == label)
        #expect(period.key == key)
        #expect(ReportPeriod(parsing: period.key) == period)
    }

    @Test(
        "anything else is refused: a month 13, a quarter 5, a half 3, a year outside 1930–2100, a range that ends before it starts",
        arguments: ["", "22", "2023-13", "2023-00", "2023-Q0", "2023-Q5", "2023-H3", "2023-H", "1929", "2101", "2023-6", "2023-Q1-1",
            "2023-02-01..2023-01-31", "2023-02-30..2023-03-01", "abcd", "2023-", "-2023", "2023..2024"])
    func refuses(text: String) {
        #expect(ReportPeriod(parsing: text) == nil)
    }

    @Test(
        "the comparison is the same period a year earlier; a leap day becomes the 28th",
        arguments: [
            ("2022", "2021-01-01", "2021-12-31"),
            ("2023-H1", "2022-01-01", "2022-06-30"),
            ("2023-Q3", "2022-07-01", "2022-09-30"),
            ("2024-02", "2023-02-01", "2023-02-28"),
            ("2025-02", "2024-02-01", "2024-02-29"),
            ("2024-02-29..2024-03-31", "2023-02-28", "2023-03-31"),
        ])
    func yearEarlier(text: String, from: String, to: String) throws {
        let earlier = try #require(ReportPeriod(parsing: text)).yearEarlier
        #expect(earlier.from.iso == from && earlier.to.iso == to)
    }
}
