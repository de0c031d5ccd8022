import Testing
import ToChucDomain

/// After a discipline, no planning, appointment or promotion for 12 (khiển trách), 30 (cảnh cáo) or 60 (cách chức)
/// months from the decision; khai trừ ends membership (DOMAIN.md §3; Quy định 22-QĐ/TW 2021).
@Suite struct CadreDisciplineTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    @Test(
        "DOMAIN.md §3: barred 12, 30 or 60 months from the decision, up to the day before the same day of the last month",
        arguments: [
            (DisciplineLevel.reprimand, "2024-03-15", "2025-03-14", "2025-03-15"),
            (.warning, "2024-03-15", "2026-09-14", "2026-09-15"),
            (.removalFromPost, "2024-03-15", "2029-03-14", "2029-03-15"),
            (.warning, "2024-08-31", "2027-02-27", "2027-02-28"),  // 31/08 + 30 months: the day clamps to 28/02
            (.reprimand, "2024-02-29", "2025-02-27", "2025-02-28"),
        ])
    func barPeriod(level: DisciplineLevel, decided: String, barredUntil: String, eligibleFrom: String) {
        let record = DisciplineRecord(level: level, decidedOn: Self.date(decided))
        #expect(Discipline.barredUntil(record) == Self.date(barredUntil))
        #expect(Discipline.eligibleFrom(record) == Self.date(eligibleFrom))
    }

    @Test("khai trừ: membership ends, the bar has no end")
    func expulsion() {
        let record = DisciplineRecord(level: .expulsion, decidedOn: Self.date("2020-01-01"))
        #expect(Discipline.eligibleFrom(record) == nil)
        #expect(Discipline.barredUntil(record) == nil)
        #expect(Discipline.bars(record, on: Self.date("2040-01-01")))
        #expect(
            Discipline.check([record], proposedDate: Self.date("2040-01-01"))?.vi
                == "Đã bị kỷ luật khai trừ khỏi Đảng ngày 01/01/2020: không còn là đảng viên, không thể quy hoạch, bổ nhiệm, giới thiệu ứng cử.")
    }

    @Test(
        "a proposal on the last barred day is refused, on the next day accepted; a discipline decided later does not bar",
        arguments: [
            ("2025-03-14", true),
            ("2025-03-15", false),
            ("2024-03-15", true),  // the day of the decision
            ("2024-03-14", false),  // before the decision
        ])
    func proposal(proposed: String, barred: Bool) {
        let record = DisciplineRecord(level: .reprimand, decidedOn: Self.date("2024-03-15"))
        #expect((Discipline.check([record], proposedDate: Self.date(proposed)) != nil) == barred)
    }

    @Test("the warning names the discipline whose bar lasts longest, with its dates")
    func longestBar() {
        let records = [
            DisciplineRecord(level: .reprimand, decidedOn: Self.date("2024-01-10")),
            DisciplineRecord(level: .warning, decidedOn: Self.date("2023-06-01")),  // barred to 30/11/2025
        ]
        #expect(
            Discipline.check(records, proposedDate: Self.date("2024-06-01"))?.vi
                == "Bị kỷ luật cảnh cáo ngày 01/06/2023: không quy hoạch, bổ nhiệm, giới thiệu ứng cử trong 30 tháng, đến hết ngày 30/11/2025; ngày đề nghị 01/06/2024 còn trong thời hạn này."
        )
        #expect(Discipline.check(records, proposedDate: Self.date("2025-06-01"))?.vi.contains("cảnh cáo") == true)
        #expect(Discipline.check(records, proposedDate: Self.date("2025-12-01")) == nil)
        #expect(Discipline.check([], proposedDate: Self.date("2025-12-01")) == nil)
    }

    @Test("the periods are parameters")
    func periods() {
        let record = DisciplineRecord(level: .warning, decidedOn: Self.date("2024-03-15"))
        let shorter = DisciplineBarPeriods(reprimand: 6, warning: 18, removalFromPost: 36)
        #expect(Discipline.eligibleFrom(record, periods: shorter) == Self.date("2025-09-15"))
        #expect(Discipline.check([record], proposedDate: Self.date("2025-09-15"), periods: shorter) == nil)
        #expect(DisciplineBarPeriods.current.months(for: .removalFromPost) == 60)
    }

    @Test("levels run from khiển trách to khai trừ and parse from their Vietnamese names or keys")
    func levels() {
        #expect(DisciplineLevel.allCases.sorted() == [.reprimand, .warning, .removalFromPost, .expulsion])
        #expect(DisciplineLevel.reprimand < .expulsion)
        #expect(DisciplineLevel.parse("Khiển trách") == .reprimand)
        #expect(DisciplineLevel.parse("CANH CAO") == .warning)
        #expect(DisciplineLevel.parse(" cách chức ") == .removalFromPost)
        #expect(DisciplineLevel.parse("expulsion") == .expulsion)
        #expect(DisciplineLevel.parse("khai tru") == .expulsion)
        #expect(DisciplineLevel.parse("phê bình") == nil)
        #expect(DisciplineLevel.removalFromPost.label.vi == "Cách chức")
    }
}
