import Testing

@testable import ToChucDomain

/// DOMAIN.md §4, Quy định 366-QĐ/TW: a 100-point score maps to the class; "xuất sắc" at most 20% of "tốt" in a unit.
struct ClassificationTests {
    static let rules366 = ClassificationRules(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: CivilDate(parsing: "2025-12-31")!)!)
    static let rules124 = ClassificationRules(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: CivilDate(parsing: "2024-12-31")!)!)

    @Test(
        "score bands: xuất sắc ≥ 90, tốt 70–89, hoàn thành 50–69, không hoàn thành below 50",
        arguments: [(100, Rating.excellent), (90, .excellent), (89, .good), (70, .good), (69, .done), (50, .done), (49, .notDone), (0, .notDone)])
    func bands(score: Int, rating: Rating) {
        #expect(Classification.rating(score: score, rules: Self.rules366) == rating)
    }

    @Test(
        "xuất sắc also needs every task on time, ≥ 30% exceeded, no disciplined sub-unit; hoàn thành allows at most 20% late",
        arguments: [
            (92, ReviewFacts(latePercent: 0, exceededPercent: 30, disciplinedSubunit: false), Rating.excellent),
            (92, ReviewFacts(exceededPercent: 29), .good),
            (92, ReviewFacts(latePercent: 5), .good),
            (92, ReviewFacts(disciplinedSubunit: true), .good),
            (60, ReviewFacts(latePercent: 20), .done),
            (60, ReviewFacts(latePercent: 21), .notDone),
            (75, ReviewFacts(latePercent: 50), .good),
        ])
    func facts(score: Int, facts: ReviewFacts, rating: Rating) {
        #expect(Classification.rating(score: score, facts: facts, rules: Self.rules366) == rating)
    }

    @Test(
        "the quota: xuất sắc no more than 20% of tốt (rounded down); a breach by one person is named before saving",
        arguments: [(10, 2, nil as Int?), (10, 3, 1), (4, 0, nil), (4, 1, 1), (5, 1, nil), (0, 0, nil), (0, 1, 1), (100, 20, nil), (100, 22, 2)])
    func quota(good: Int, excellent: Int, over: Int?) {
        let ratings = Array(repeating: Rating.good, count: good) + Array(repeating: Rating.excellent, count: excellent) + [.done, .notDone]
        let breach = Classification.quotaBreach(ratings, rules: Self.rules124)
        #expect((breach == nil) == (over == nil))
        if let over, let breach { #expect(breach.vi.contains("vượt \(over) người") && breach.vi.contains("124-QĐ/TW")) }
    }

    @Test(
        "ratings are read from the key, the Vietnamese label (full or short) or the grid's letter",
        arguments: [("excellent", Rating.excellent), ("Hoàn thành xuất sắc nhiệm vụ", .excellent), ("x", .excellent), ("Tốt", .good), ("t", .good),
                    ("HOAN THANH NHIEM VU", .done), ("H", .done), ("not_done", .notDone), ("Không hoàn thành nhiệm vụ", .notDone), ("k", .notDone)])
    func parse(text: String, rating: Rating) {
        #expect(Rating.parse(text) == rating)
    }

    @Test("scores are whole points 0–100; empty is no score", arguments: [("85", 85 as Int?), ("85,0", 85), (" 100 ", 100), ("0", 0)])
    func scores(text: String, score: Int?) {
        #expect(Classification.parseScore(text) == .score(score!))
    }

    @Test("not scores", arguments: ["101", "-1", "85,5", "abc", "1e3"])
    func notScores(text: String) {
        #expect(Classification.parseScore(text) == .invalid)
        #expect(Classification.parseScore("  ") == .none)
    }

    @Test(
        "review periods: a year, a quarter, a term; each judged on its last day and compared with the one before",
        arguments: [("2024", "2024-12-31", "2023"), ("2025-Q2", "2025-06-30", "2024-Q2"), ("2025-q4", "2025-12-31", "2024-Q4"), ("2020-2025", "2025-12-31", "2015-2020")])
    func periods(text: String, judged: String, previous: String) throws {
        let p = try #require(ReviewPeriod(parsing: text))
        #expect(p.judgedOn.iso == judged && p.previous.key == previous)
        #expect(ReviewPeriod(parsing: p.key) == p)
    }
}
