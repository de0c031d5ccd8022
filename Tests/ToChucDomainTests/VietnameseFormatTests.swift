import Foundation
import Testing

@testable import ToChucDomain

// DOMAIN.md: "names, numbers and dates follow Vietnamese conventions (`1.666`, `99,85%`, `06/01/2023`)", and every
// figure the seed reports quote ("52.031 … (đạt 99,85%)", "624/1.305 (47,81%)") must come out of the records.

@Suite("Vietnamese and English number and date formats (DOMAIN.md)")
struct VietnameseFormatTests {
    @Test(
        "integers group thousands with a dot (Vietnamese) or a comma (English)",
        arguments: [
            (0, "0", "0"),
            (7, "7", "7"),
            (999, "999", "999"),
            (1000, "1.000", "1,000"),
            (1666, "1.666", "1,666"),
            (52031, "52.031", "52,031"),
            (999_999, "999.999", "999,999"),
            (1_000_000, "1.000.000", "1,000,000"),
            (-1, "-1", "-1"),
            (-999, "-999", "-999"),
            (-1000, "-1.000", "-1,000"),
            (-1_234_567, "-1.234.567", "-1,234,567"),
            (Int.max, "9.223.372.036.854.775.807", "9,223,372,036,854,775,807"),
            (Int.min, "-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808"),
        ])
    func integers(n: Int, vietnamese: String, english: String) {
        #expect(VietnameseFormat.integer(n) == vietnamese)
        #expect(EnglishFormat.integer(n) == english)
    }

    @Test(
        "decimals round half away from zero on the decimal value, not on the binary one",
        arguments: [
            (99.854, 2, "99,85"),
            (47.8085, 2, "47,81"),  // stored as 47.80849999…
            (99.845, 2, "99,85"),  // stored as 99.84499999…
            (1.005, 2, "1,01"),
            (0.125, 2, "0,13"),
            (100, 2, "100,00"),
            (0, 2, "0,00"),
            (0.005, 2, "0,01"),
            (0.004, 2, "0,00"),
            (-0.004, 2, "0,00"),  // no "-0,00"
            (-47.8085, 2, "-47,81"),
            (1234.5, 1, "1.234,5"),
            (999.995, 2, "1.000,00"),
            (9.5, 0, "10"),
            (2.5, 0, "3"),
            (-2.5, 0, "-3"),
            (0.00001, 2, "0,00"),
            (0.00005, 4, "0,0001"),
            (52031, 0, "52.031"),
            (1e16, 0, "10.000.000.000.000.000"),
            (3.14159, -1, "3"),  // a negative digit count counts as 0
        ])
    func decimals(x: Double, digits: Int, vietnamese: String) {
        #expect(VietnameseFormat.decimal(x, fractionDigits: digits) == vietnamese)
        let english = vietnamese.replacingOccurrences(of: ".", with: "_").replacingOccurrences(of: ",", with: ".")
            .replacingOccurrences(of: "_", with: ",")
        #expect(EnglishFormat.decimal(x, fractionDigits: digits) == english)
    }

    @Test("values that are not numbers have a fixed text")
    func nonFinite() {
        #expect(VietnameseFormat.decimal(.nan, fractionDigits: 2) == "NaN")
        #expect(VietnameseFormat.decimal(.infinity, fractionDigits: 2) == "∞")
        #expect(VietnameseFormat.decimal(-.infinity, fractionDigits: 2) == "-∞")
    }

    @Test(
        "percentages are decimals with a percent sign and no space",
        arguments: [
            (99.85, 2, "99,85%", "99.85%"),
            (99.854, 2, "99,85%", "99.85%"),
            (99.85, 1, "99,9%", "99.9%"),
            (100, 2, "100,00%", "100.00%"),
            (0, 2, "0,00%", "0.00%"),
            (7.586, 2, "7,59%", "7.59%"),
            (-12.5, 0, "-13%", "-13%"),
        ])
    func percents(x: Double, digits: Int, vietnamese: String, english: String) {
        #expect(VietnameseFormat.percent(x, fractionDigits: digits) == vietnamese)
        #expect(EnglishFormat.percent(x, fractionDigits: digits) == english)
    }

    @Test("percent shows two decimals by default")
    func percentDefault() {
        #expect(VietnameseFormat.percent(99.85) == "99,85%")
        #expect(EnglishFormat.percent(47.8085) == "47.81%")
    }

    @Test(
        "a ratio shows both counts and the share truncated to two decimals, as the seed reports do",
        arguments: [
            (624, 1305, "624/1.305 (47,81%)", "624/1,305 (47.81%)"),  // DOMAIN.md §4; 47.816…%
            (99, 1305, "99/1.305 (7,58%)", "99/1,305 (7.58%)"),  // seed 002: 7.586…%
            (933, 954, "933/954 (97,79%)", "933/954 (97.79%)"),
            (953, 954, "953/954 (99,89%)", "953/954 (99.89%)"),  // short of the target: never 100%
            (954, 954, "954/954 (100,00%)", "954/954 (100.00%)"),
            (1, 3, "1/3 (33,33%)", "1/3 (33.33%)"),
            (2, 3, "2/3 (66,66%)", "2/3 (66.66%)"),
            (1305, 1000, "1.305/1.000 (130,50%)", "1,305/1,000 (130.50%)"),
            (0, 5, "0/5 (0,00%)", "0/5 (0.00%)"),
            (-1, 3, "-1/3 (-33,33%)", "-1/3 (-33.33%)"),
            (0, 0, "0/0", "0/0"),
            (5, 0, "5/0", "5/0"),
            (
                Int.max, Int.max, "9.223.372.036.854.775.807/9.223.372.036.854.775.807 (100,00%)",
                "9,223,372,036,854,775,807/9,223,372,036,854,775,807 (100.00%)"
            ),
        ])
    func ratios(part: Int, whole: Int, vietnamese: String, english: String) {
        #expect(VietnameseFormat.ratio(part, whole) == vietnamese)
        #expect(EnglishFormat.ratio(part, whole) == english)
    }

    @Test(
        "dates are DD/MM/YYYY in Vietnamese and ISO 8601 in English",
        arguments: [
            (2023, 1, 6, "06/01/2023", "2023-01-06"),
            (2024, 12, 31, "31/12/2024", "2024-12-31"),
            (2024, 2, 29, "29/02/2024", "2024-02-29"),
            (1, 1, 1, "01/01/0001", "0001-01-01"),
            (1930, 2, 3, "03/02/1930", "1930-02-03"),
        ])
    func dates(year: Int, month: Int, day: Int, vietnamese: String, english: String) throws {
        let date = try #require(CivilDate(year: year, month: month, day: day))
        #expect(VietnameseFormat.date(date) == vietnamese)
        #expect(EnglishFormat.date(date) == english)
    }

    /// An instant given as UTC wall-clock time.
    private func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int) -> Date {
        let days = CivilDate(year: year, month: month, day: day)!.dayNumber
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3_600 + minute * 60))
    }

    @Test("times are shown in Vietnam's time zone (UTC+7) unless another is given")
    func dateTimes() throws {
        #expect(VietnameseFormat.dateTime(utc(2023, 1, 6, 7, 5)) == "06/01/2023 14:05")
        #expect(EnglishFormat.dateTime(utc(2023, 1, 6, 7, 5)) == "2023-01-06 14:05")
        // 17:00 UTC on New Year's Eve is already midnight in Hà Nội.
        #expect(VietnameseFormat.dateTime(utc(2023, 12, 31, 17, 0)) == "01/01/2024 00:00")
        #expect(EnglishFormat.dateTime(utc(2023, 12, 31, 17, 0)) == "2024-01-01 00:00")
        let utcZone = try #require(TimeZone(secondsFromGMT: 0))
        #expect(VietnameseFormat.dateTime(utc(2023, 12, 31, 17, 0), timeZone: utcZone) == "31/12/2023 17:00")
        #expect(EnglishFormat.dateTime(utc(2023, 12, 31, 17, 0), timeZone: utcZone) == "2023-12-31 17:00")
        #expect(VietnameseFormat.vietnamTimeZone.secondsFromGMT(for: utc(2024, 7, 1, 0, 0)) == 7 * 3_600)
    }
}
