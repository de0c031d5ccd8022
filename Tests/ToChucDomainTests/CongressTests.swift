import Testing

@testable import ToChucDomain

/// DOMAIN.md §4 and §5: congresses per unit and term; progress counts, among the units existing on a date, those that
/// held the congress of the term in course — "52.031 (99,85%) … 624/1.305 (47,81%) … 127 đại hội điểm … 99 bầu trực
/// tiếp bí thư" (seed 002, 25/7/2020).
struct CongressTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }
    static let rules = CongressRules(RuleBook.inForce(RuleBook.builtIn, family: .congress, on: d("2020-07-25"))!)

    @Test(
        "a term is written with its first and last year; one to ten years",
        arguments: [
            ("2020-2025", "2020-2025"), ("2025–2030", "2025-2030"), (" 2022 - 2025 ", "2022-2025"), ("2020-2020", nil), ("2025-2020", nil),
            ("2020-2031", nil), ("20-25", nil), ("2020/2025", nil), ("", nil),
        ])
    func terms(text: String, key: String?) {
        #expect(CongressTerm(parsing: text)?.key == key)
    }

    @Test(
        "the term in course on a date (Điều lệ Đảng; shipped: every 5 years from 2020, the round opening 12 months before the first year)",
        arguments: [
            ("2020-07-25", "2020-2025"), ("2019-01-01", "2020-2025"), ("2018-12-31", "2015-2020"), ("2023-12-31", "2020-2025"),
            ("2024-01-01", "2025-2030"), ("2025-10-01", "2025-2030"), ("2028-12-31", "2025-2030"), ("2029-01-01", "2030-2035"),
            ("2011-06-01", "2010-2015"),
        ])
    func inCourse(date: String, term: String) {
        #expect(Self.rules.term(inCourseOn: Self.d(date)).key == term)
        #expect(Self.rules.regulation == "Điều lệ Đảng")
    }

    @Test(
        "a congress belongs to a round when its term begins within the round's term (a cell's two half terms both do)",
        arguments: [("2020-2025", true), ("2020-2022", true), ("2022-2025", true), ("2024-2029", true), ("2025-2030", false), ("2019-2024", false)])
    func belongs(term: String, inRound: Bool) {
        #expect(CongressRules.belongs(CongressTerm(parsing: term)!, to: CongressTerm(parsing: "2020-2025")!) == inRound)
    }

    @Test("the seed's figures, cut to two decimals as the seed writes them: 624/1.305 (47,81%), 52.031 (99,85%), 99/1.305 (7,58%)")
    func figures() {
        let upper = CongressLevelProgress(kind: .upperBase, total: 1305, held: 624, pilot: 127, directSecretary: 99)
        #expect(upper.ratio.vi == "624/1.305 (47,81%)" && upper.ratio.en == "624/1,305 (47.81%)")
        #expect(upper.hundredthsOfPercent == 4781 && upper.percent == 47.81)
        let base = CongressLevelProgress(kind: .base, total: 52_109, held: 52_031, pilot: 0, directSecretary: 0)
        #expect(base.countWithPercent.vi == "52.031 (99,85%)" && base.percent == 99.85)
        #expect(CongressLevelProgress(kind: .cell, total: 1305, held: 99, pilot: 0, directSecretary: 0).ratio.vi == "99/1.305 (7,58%)")
        #expect(CongressLevelProgress(kind: .provincial, total: 0, held: 0, pilot: 0, directSecretary: 0).percent == 0)
    }

    @Test("the progress sentence reads like seed 002")
    func sentence() {
        let levels = [
            CongressLevelProgress(kind: .base, total: 52_109, held: 52_031, pilot: 0, directSecretary: 0),
            CongressLevelProgress(kind: .upperBase, total: 1305, held: 624, pilot: 127, directSecretary: 99),
        ]
        let text = Catalogue.progressSentence(Self.d("2020-07-25"), levels: levels).vi
        #expect(
            text.hasPrefix("Tính đến hết ngày 25/07/2020 đã có 52.031 (99,85%) đảng bộ, chi bộ cơ sở và 624/1.305 (47,81%) đảng bộ cấp trên cơ sở"))
        #expect(text.contains("127 đại hội điểm") && text.contains("99 bầu trực tiếp bí thư"))
    }

    @Test(
        "a congress record is refused with the field: no term, held in the future or after its term, a flag that is not yes/no, too many delegates",
        arguments: [
            (CongressDraft(term: ""), "term"), (CongressDraft(term: "2025-2030", heldOn: "2026-12-01"), "held_on"),
            (CongressDraft(term: "2015-2020", heldOn: "2021-01-10"), "held_on"), (CongressDraft(term: "2025-2030", heldOn: "32/01/2025"), "held_on"),
            (CongressDraft(term: "2025-2030", pilot: "maybe"), "pilot"), (CongressDraft(term: "2025-2030", delegates: "0"), "delegates"),
            (CongressDraft(term: "2025-2030", committeeElected: "1001"), "committee_elected"),
        ])
    func refusals(draft: CongressDraft, field: String) {
        guard case .failure(.invalid(_, let errors)) = CongressRecordRules.check(draft, today: Self.d("2026-06-30")) else {
            Issue.record("accepted")
            return
        }
        #expect(errors.contains { $0.field == field }, "\(errors.map(\.field))")
    }

    @Test("flags read yes/no the Vietnamese way; counts accept thousands dots")
    func accepted() throws {
        let facts = try CongressRecordRules.check(
            CongressDraft(term: "2025–2030", plannedOn: "01/05/2025", heldOn: "2025-05-20", pilot: "Có", directSecretary: "x", delegates: "1.200"),
            today: Self.d("2026-06-30")
        ).get()
        #expect(
            facts.term.key == "2025-2030" && facts.pilot && facts.directSecretary && facts.delegates == 1200 && facts.heldOn == Self.d("2025-05-20"))
        #expect(try CongressRecordRules.check(facts.draft, today: Self.d("2026-06-30")).get() == facts)
    }
}
