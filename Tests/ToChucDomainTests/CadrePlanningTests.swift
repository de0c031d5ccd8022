import Testing
import ToChucDomain

/// Planning of cadres (quy hoạch cán bộ, DOMAIN.md §3; Quy định 377-QĐ/TW 2025): at most 3 people per position, a
/// person in at most 3 positions' lists at one level, a full term of working age at the start of the term, the
/// structure against its targets, and the automatic removals.
@Suite struct CadrePlanningTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    static func person(_ id: String, _ name: String, _ gender: Gender, _ birth: String, minority: Bool = false) -> PlanningCandidate {
        PlanningCandidate(id: id, name: name, birthDate: date(birth), gender: gender, isEthnicMinority: minority)
    }

    static let termStart = date("2025-10-01")
    // Retire with 30/09/2030: exactly 60 months from the start of the term.
    static let an = person("a", "Nguyễn Văn An", .male, "1968-09-10")
    static let binh = person("b", "Trần Thị Bình", .female, "1972-05-10")
    // Retire with 31/08/2030: 59 months.
    static let cuong = person("c", "Lê Văn Cường", .male, "1968-08-20")
    static let dung = person("d", "Phạm Thị Dung", .female, "1972-04-10")
    static let em = person("e", "Hoàng Văn Em", .male, "1985-01-01", minority: true)
    static let phuong = person("f", "Vũ Thị Phương", .female, "1990-06-01")

    // MARK: One list — at most 3 people, each with a full term of working age at the start of the term

    @Test(
        "Quy định 377-QĐ/TW: a full term (60 months) of working age left at the start of the term; 59 months is too few",
        arguments: [(an, true), (binh, true), (cuong, false), (dung, false), (em, true)])
    func fullTerm(candidate: PlanningCandidate, accepted: Bool) {
        let problems = PlanningList(position: "Bí thư Tỉnh ủy", candidates: [candidate]).problems(termStart: Self.termStart)
        #expect(problems.isEmpty == accepted, "\(problems.map(\.vi))")
    }

    @Test("the age problem names the person, the dates and the months left")
    func fullTermMessage() {
        let problems = PlanningList(position: "Phó Chủ tịch UBND tỉnh", candidates: [Self.an, Self.cuong]).problems(termStart: Self.termStart)
        #expect(
            problems.map(\.vi) == [
                "Lê Văn Cường (sinh ngày 20/08/1968) không đủ tuổi quy hoạch chức danh Phó Chủ tịch UBND tỉnh: tính từ đầu nhiệm kỳ 01/10/2025 đến thời điểm nghỉ hưu (hết ngày 31/08/2030) chỉ còn 59 tháng công tác; phải còn đủ ít nhất 60 tháng (trọn một nhiệm kỳ)."
            ])
    }

    @Test(
        "Quy định 377-QĐ/TW: no more than 3 people per position; a person listed twice is one person and one problem",
        arguments: [
            ([an, binh, em], 0),
            ([an, binh, em, phuong], 1),
            ([an, an, binh], 1),
            ([an, an, an, binh, em, phuong], 2),
            ([], 0),
        ])
    func listLength(candidates: [PlanningCandidate], problems: Int) {
        #expect(PlanningList(position: "Bí thư Tỉnh ủy", candidates: candidates).problems(termStart: Self.termStart).count == problems)
    }

    @Test("the length problem says how many and the limit, which is a parameter")
    func listLengthMessage() {
        let list = PlanningList(position: "Bí thư Tỉnh ủy", candidates: [Self.an, Self.binh, Self.em, Self.phuong])
        #expect(
            list.problems(termStart: Self.termStart).first?.vi
                == "Chức danh Bí thư Tỉnh ủy có 4 người trong quy hoạch; mỗi chức danh quy hoạch không quá 3 người (Quy định 377-QĐ/TW).")
        #expect(list.problems(termStart: Self.termStart, maxPerPosition: 4).isEmpty)
        #expect(PlanningList(position: "X", candidates: [Self.cuong]).problems(termStart: Self.termStart, requiredMonths: 59).isEmpty)
    }

    // MARK: One level — a person in at most 3 positions' lists

    @Test("Quy định 377-QĐ/TW: a person may be in the lists of 3 positions at one level, not 4")
    func positionsPerPerson() {
        let three = ["Bí thư", "Phó Bí thư", "Chủ tịch UBND"].map { PlanningList(position: $0, candidates: [Self.em]) }
        #expect(Planning.problems(lists: three, termStart: Self.termStart).isEmpty)
        let four = three + [PlanningList(position: "Trưởng Ban Tổ chức", candidates: [Self.em, Self.an])]
        #expect(
            Planning.problems(lists: four, termStart: Self.termStart).map(\.vi) == [
                "Hoàng Văn Em có tên trong quy hoạch 4 chức danh cùng cấp (Bí thư; Phó Bí thư; Chủ tịch UBND; Trưởng Ban Tổ chức); một người không quá 3 chức danh (Quy định 377-QĐ/TW)."
            ])
        #expect(Planning.problems(lists: four, termStart: Self.termStart, maxPositionsPerPerson: 4).isEmpty)
    }

    @Test("the lists' own problems come first; twice in one list counts as one position")
    func levelProblems() {
        let lists = [
            PlanningList(position: "Bí thư", candidates: [Self.em, Self.em]),
            PlanningList(position: "Phó Bí thư", candidates: [Self.em, Self.cuong]),
            PlanningList(position: "Chủ tịch UBND", candidates: [Self.em]),
        ]
        let problems = Planning.problems(lists: lists, termStart: Self.termStart)
        #expect(problems.count == 2)
        #expect(problems.first?.vi == "Hoàng Văn Em có tên hai lần trong danh sách quy hoạch chức danh Bí thư.")
        #expect(problems.last?.vi.hasPrefix("Lê Văn Cường") == true)
    }

    // MARK: Structure — women ≥ 25%, young ≥ 15% (under 40, or 45 centrally), ethnic minorities reported

    static func people(_ count: Int, women: Int = 0, young: Int = 0) -> [PlanningCandidate] {
        (0..<count).map { i in
            person("p\(i)", "Người \(i)", i < women ? .female : .male, i < young ? "1990-01-01" : "1970-01-01")
        }
    }

    @Test(
        "DOMAIN.md §3: the share of women is compared exactly with 25%: 1 of 4 meets it, 2 of 9 does not",
        arguments: [(4, 1, true), (9, 2, false), (8, 2, true), (3, 0, false), (1, 1, true)])
    func womenTarget(total: Int, women: Int, met: Bool) {
        let structure = Planning.structure(Self.people(total, women: women), on: Self.termStart)
        #expect(structure.women.count == women && structure.total == total)
        #expect(structure.womenMet == met)
    }

    @Test(
        "DOMAIN.md §3: the share of young cadres is compared exactly with 15%: 3 of 20 meets it, 1 of 7 does not",
        arguments: [(20, 3, true), (20, 2, false), (7, 1, false), (6, 1, true)])
    func youngTarget(total: Int, young: Int, met: Bool) {
        #expect(Planning.structure(Self.people(total, women: total, young: young), on: Self.termStart).youngMet == met)
    }

    @Test(
        "young is under 40 full years on the date (45 for central planning): 40 on the day is no longer young",
        arguments: [
            ("1985-10-02", PlanningTargets.province, true),
            ("1985-10-01", .province, false),
            ("1981-01-01", .province, false),
            ("1981-01-01", .central, true),
            ("1980-10-01", .central, false),
        ])
    func youngAge(birth: String, targets: PlanningTargets, young: Bool) {
        let structure = Planning.structure([Self.person("y", "Y", .male, birth)], on: Self.termStart, targets: targets)
        #expect((structure.young.count == 1) == young)
    }

    @Test("the structure counts each person once, and says which targets are missed with the shares")
    func structureMessages() {
        let structure = Planning.structure([Self.an, Self.an, Self.cuong, Self.em, Self.binh, Self.dung, Self.dung], on: Self.termStart)
        #expect(structure.total == 5)
        #expect(structure.women.count == 2 && structure.young.count == 0 && structure.ethnicMinority.count == 1)
        #expect(structure.womenMet && !structure.youngMet && structure.ethnicMinorityMet == nil)
        #expect(
            structure.problems.map(\.vi) == [
                "Tỷ lệ cán bộ trẻ (dưới 40 tuổi) trong danh sách quy hoạch 0/5 (0,00%), chưa đạt mục tiêu ít nhất 15%."
            ])
        let few = Planning.structure(Self.people(9, women: 2, young: 2), on: Self.termStart)
        #expect(few.problems.map(\.vi) == ["Tỷ lệ nữ trong danh sách quy hoạch 2/9 (22,22%), chưa đạt mục tiêu ít nhất 25%."])
    }

    @Test("ethnic minorities are only reported unless a target is given")
    func ethnicMinorityTarget() {
        let targets = PlanningTargets(ethnicMinorityPercent: 10)
        let none = Planning.structure([Self.an, Self.binh, Self.phuong], on: Self.termStart, targets: targets)
        #expect(none.ethnicMinorityMet == false)
        #expect(
            none.problems.map(\.vi) == ["Tỷ lệ cán bộ người dân tộc thiểu số trong danh sách quy hoạch 0/3 (0,00%), chưa đạt mục tiêu ít nhất 10%."])
        let some = Planning.structure([Self.em, Self.binh, Self.phuong], on: Self.termStart, targets: targets)
        #expect(some.ethnicMinorityMet == true && some.problems.isEmpty)
    }

    @Test("an empty list meets no target and says it is empty")
    func emptyStructure() {
        let structure = Planning.structure([], on: Self.termStart)
        #expect(structure.total == 0 && !structure.womenMet && !structure.youngMet)
        #expect(structure.problems == [Catalogue.planningEmpty])
    }

    @Test("shares are exact fractions, shown truncated to two decimals")
    func shares() {
        #expect(PlanningShare(count: 1, total: 3).hundredthsOfPercent == 3333)
        #expect(PlanningShare(count: 2, total: 3).hundredthsOfPercent == 6666)
        #expect(PlanningShare(count: 1, total: 3).label.vi == "1/3 (33,33%)")
        #expect(PlanningShare(count: 1, total: 4).label.en == "1/4 (25.00%)")
        #expect(PlanningShare(count: 0, total: 0).hundredthsOfPercent == 0)
        #expect(PlanningShare(count: 1, total: 4).meets(percent: 25) && !PlanningShare(count: 0, total: 0).meets(percent: 0))
    }

    // MARK: Automatic removal — age limit, discipline of khiển trách or worse, political standard, confidence vote

    static func facts(
        _ candidate: PlanningCandidate = em, plannedOn: String? = "2024-01-01", disciplines: [DisciplineRecord] = [],
        political: Bool? = nil, vote: ConfidenceVote? = nil
    ) -> PlanningReviewFacts {
        PlanningReviewFacts(
            birthDate: candidate.birthDate, gender: candidate.gender, plannedOn: plannedOn.map(date), disciplines: disciplines,
            meetsPoliticalStandard: political, confidenceVote: vote)
    }

    static func reprimand(_ on: String) -> DisciplineRecord { DisciplineRecord(level: .reprimand, decidedOn: date(on)) }

    @Test(
        "DOMAIN.md §3: removal when a full term is no longer left — from the start of the term, or from the review once the term has begun",
        arguments: [
            (an, "2024-06-01", nil),
            (cuong, "2024-06-01", 59),  // counted from 01/10/2025
            (an, "2025-10-01", nil),
            (an, "2025-10-02", 59),  // the term has begun: counted from the review
            (an, "2027-01-01", 45),
        ] as [(PlanningCandidate, String, Int?)])
    func ageLimit(candidate: PlanningCandidate, on: String, monthsLeft: Int?) {
        let reasons = Planning.removalReasons(Self.facts(candidate), termStart: Self.termStart, on: Self.date(on))
        if let months = monthsLeft {
            #expect(reasons.map(\.key) == ["age_limit"])
            #expect(reasons.first?.message.vi.contains("chỉ còn \(months) tháng công tác") == true, "\(reasons.first?.message.vi ?? "")")
        } else {
            #expect(reasons.isEmpty)
        }
    }

    @Test(
        "DOMAIN.md §3: removal on a discipline of khiển trách or worse decided while planned, or still barring planning",
        arguments: [
            ("2024-01-01", [reprimand("2024-09-01")], "2025-06-01", true),  // decided while planned
            ("2024-01-01", [reprimand("2024-09-01")], "2026-06-01", true),  // … even after its bar has run out
            ("2024-01-01", [reprimand("2020-01-01")], "2025-06-01", false),  // before the planning, long over
            ("2024-01-01", [DisciplineRecord(level: .warning, decidedOn: date("2023-06-01"))], "2024-06-01", true),  // still barring
            ("2024-01-01", [reprimand("2025-01-01")], "2024-06-01", false),  // decided after the review date
            (nil, [reprimand("2020-01-01")], "2025-06-01", false),
            (nil, [reprimand("2025-01-01")], "2025-06-01", true),
        ] as [(String?, [DisciplineRecord], String, Bool)])
    func discipline(plannedOn: String?, disciplines: [DisciplineRecord], on: String, removed: Bool) {
        let reasons = Planning.removalReasons(
            Self.facts(plannedOn: plannedOn, disciplines: disciplines), termStart: Self.termStart, on: Self.date(on))
        #expect((reasons.map(\.key) == ["discipline"]) == removed)
        #expect(reasons.isEmpty == !removed)
    }

    @Test(
        "DOMAIN.md §3: removal when more than half of the ballots are 'thấp': 5 of 10 stays, 6 of 10 leaves",
        arguments: [(10, 5, false), (10, 6, true), (11, 5, false), (11, 6, true), (0, 0, false), (1, 1, true)])
    func confidenceVote(ballots: Int, low: Int, removed: Bool) {
        let reasons = Planning.removalReasons(
            Self.facts(vote: ConfidenceVote(ballots: ballots, low: low)), termStart: Self.termStart, on: Self.date("2024-06-01"))
        #expect((reasons.map(\.key) == ["low_confidence"]) == removed)
    }

    @Test("DOMAIN.md §3: removal when the vetting concludes the political standard is not met; not while unconcluded")
    func politicalStandard() {
        let on = Self.date("2024-06-01")
        #expect(Planning.removalReasons(Self.facts(political: false), termStart: Self.termStart, on: on).map(\.key) == ["political_standard"])
        #expect(Planning.removalReasons(Self.facts(political: true), termStart: Self.termStart, on: on).isEmpty)
        #expect(Planning.removalReasons(Self.facts(political: nil), termStart: Self.termStart, on: on).isEmpty)
    }

    @Test("every reason is given, in order, each with its message")
    func allReasons() {
        let facts = Self.facts(
            Self.cuong, disciplines: [Self.reprimand("2024-09-01")], political: false, vote: ConfidenceVote(ballots: 10, low: 6))
        let reasons = Planning.removalReasons(facts, termStart: Self.termStart, on: Self.date("2025-06-01"))
        #expect(reasons.map(\.key) == ["age_limit", "discipline", "political_standard", "low_confidence"])
        #expect(
            reasons.map(\.label.vi) == [
                "Không còn đủ tuổi quy hoạch", "Bị kỷ luật", "Không đạt tiêu chuẩn chính trị", "Tín nhiệm thấp quá một nửa",
            ])
        #expect(
            reasons.map(\.message.vi) == [
                "Không còn đủ tuổi quy hoạch: tính từ ngày 01/10/2025 đến thời điểm nghỉ hưu (hết ngày 31/08/2030) chỉ còn 59 tháng công tác; cần ít nhất 60 tháng (trọn một nhiệm kỳ).",
                "Bị kỷ luật khiển trách ngày 01/09/2024; bị kỷ luật từ khiển trách trở lên thì đưa ra khỏi quy hoạch.",
                "Không đạt tiêu chuẩn chính trị theo kết luận thẩm định.",
                "Số phiếu tín nhiệm thấp 6/10 (60,00%), quá một nửa tổng số phiếu.",
            ])
    }
}
