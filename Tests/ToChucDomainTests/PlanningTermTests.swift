import Testing
import ToChucDomain

/// Planning terms (a list is made for the next five-year term, DOMAIN.md §3) and the check run on each addition: only
/// what the addition itself breaks refuses it.
@Suite struct PlanningTermTests {
    @Test(
        "a term is five years from its first year, written with a hyphen or a dash; anything else is not a term",
        arguments: [
            ("2025-2030", "2025-2030"), ("2025–2030", "2025-2030"), (" 2026 - 2031 ", "2026-2031"), ("2025", nil),
            ("2025-2029", nil), ("2030-2025", nil), ("abc", nil), ("", nil), ("1899-1904", nil), ("2025-2030-2035", nil),
        ] as [(String, String?)])
    func parsing(text: String, key: String?) {
        #expect(PlanningTerm(parsing: text)?.key == key)
    }

    @Test("the term starts on 1 January of its first year and is labelled with a dash")
    func start() throws {
        let term = try #require(PlanningTerm(parsing: "2025-2030"))
        #expect(term.startsOn == CivilDate(year: 2025, month: 1, day: 1) && term.label == "2025–2030" && term.lastYear == 2030)
        #expect(PlanningTerm.offered == PlanningTerm.offered.sorted(by: >))
    }

    static let termStart = CivilDate(year: 2026, month: 1, day: 1)!
    static func person(_ id: String, _ birth: String, _ gender: Gender = .male) -> PlanningCandidate {
        PlanningCandidate(id: id, name: "Người \(id)", birthDate: CivilDate(parsing: birth)!, gender: gender, isEthnicMinority: false)
    }
    static let young = ["a", "b", "c", "d"].map { person($0, "1985-01-01") }

    @Test("Quy định 377-QĐ/TW on an addition: the third person is accepted, the fourth refused with the limit")
    func thirdAndFourth() {
        let two = [PlanningList(position: "Bí thư", candidates: Array(Self.young[0..<2]))]
        #expect(Planning.problemsAdding(Self.young[2], to: "Bí thư", lists: two, termStart: Self.termStart).isEmpty)
        let three = [PlanningList(position: "Bí thư", candidates: Array(Self.young[0..<3]))]
        let refused = Planning.problemsAdding(Self.young[3], to: "Bí thư", lists: three, termStart: Self.termStart)
        #expect(refused.count == 1 && refused[0].vi.contains("không quá 3 người"))
    }

    @Test("Quy định 377-QĐ/TW on an addition: a person's third position at one level is accepted, the fourth refused")
    func fourthPosition() {
        let a = Self.young[0]
        let three = ["Bí thư", "Phó Bí thư", "Chủ tịch"].map { PlanningList(position: $0, candidates: [a]) }
        #expect(Planning.problemsAdding(a, to: "Trưởng ban", lists: Array(three[0..<2]), termStart: Self.termStart).isEmpty)
        let refused = Planning.problemsAdding(a, to: "Trưởng ban", lists: three, termStart: Self.termStart)
        #expect(refused.count == 1 && refused[0].vi.contains("không quá 3 chức danh"))
    }

    @Test("a full term of working age from the term's start: 60 months left passes, 59 is refused, around the boundary")
    func workingAge() {
        var outcomes: Set<Int> = []
        for year in 1964...1972 {
            for month in 1...12 {
                let born = CivilDate(year: year, month: month, day: 15)!
                let left = Retirement.schedule(birthDate: born, gender: .male).monthsOfWorkLeft(on: Self.termStart)
                guard (57...63).contains(left) else { continue }
                outcomes.insert(left)
                let candidate = PlanningCandidate(id: "x", name: "Người x", birthDate: born, gender: .male, isEthnicMinority: false)
                let problems = Planning.problemsAdding(candidate, to: "Bí thư", lists: [], termStart: Self.termStart)
                #expect(problems.isEmpty == (left >= 60), "born \(born), \(left) months: \(problems.map(\.vi))")
            }
        }
        #expect(outcomes.contains(59) && outcomes.contains(60))
    }

    @Test("a list already irregular does not block a correct addition to another position")
    func irregularListDoesNotBlock() {
        let crowded = [PlanningList(position: "Bí thư", candidates: Self.young)]
        #expect(Planning.problemsAdding(Self.person("e", "1990-01-01"), to: "Phó Bí thư", lists: crowded, termStart: Self.termStart).isEmpty)
    }
}
