import Testing
import ToChucDomain
import ToChucServices

/// Issue 6, rule sets (DOMAIN.md: "treat a number from a regulation as the default of a setting that an administrator
/// can change"): a version an administrator adds for a new regulation changes each check of §2–§3 from its effective
/// date, and not before — admission, badges, discipline, planning, the retirement roadmap.
@Suite struct RuleVersionServiceTests {
    static let cli = TestDatabase.cli
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    /// Adds a version of `family` from `from`: the shipped values with `changes`, as the administrator at the root.
    static func addVersion(_ t: TestDatabase, _ family: RuleFamily, from: String, _ changes: [String: String]) async throws -> RuleSetRecord {
        let values = RuleBook.shipped(family).values.mapValues(\.text).merging(changes) { $1 }
        return try await t.services.rules.add(
            try await t.principal(.admin, at: "TW"),
            RuleSetDraft(family: family.rawValue, regulation: "999-QĐ/TW", effectiveFrom: from, title: "Quy định mới", values: values))
    }

    @Test("admission: a least age of 17 from 01/01/2030 — a candidate of 17 is refused at a meeting on 31/12/2029, accepted the next day")
    func admissionAge() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01")
            let today = Self.d("2030-06-01")
            _ = try await t.services.members.create(clerk, MemberTests.draft("Nguyễn Văn Tùng", card: "90000001", birth: "1980-01-01"), today: today)
            _ = try await t.services.members.create(clerk, MemberTests.draft("Đặng Thị Lan", card: "90000002", birth: "1982-01-01"), today: today)
            var draft = MemberTests.draft("Vũ Minh Quân", card: "", birth: "2012-06-01", status: "candidate", admitted: "", recognized: "")
            draft.cardNo = ""
            let candidate = try await t.services.members.create(clerk, draft, today: today)
            func step(_ s: AdmissionStep) async throws -> [Localized] {
                try await t.services.admission.advance(clerk, memberId: candidate.id, s, today: today)
            }
            _ = try await step(.course(on: Self.d("2029-10-01")))
            let since = Self.d("2028-01-01")
            _ = try await step(.introducers([.member(cardNo: "90000001", since: since), .member(cardNo: "90000002", since: since)]))
            _ = try await Self.addVersion(t, .admission, from: "2030-01-01", ["min_age": "17"])
            do {
                _ = try await step(.cellVote(on: Self.d("2029-12-31"), fullMembers: 3, inFavour: 2, provincialConsent: false))
                Issue.record("a candidate of 17 was accepted before the new version")
            } catch DomainError.invalid(_, let fields) {
                #expect(fields.map(\.message.vi).contains { $0.contains("phải đủ 18 tuổi") }, "\(fields)")
            }
            _ = try await step(.cellVote(on: Self.d("2030-01-01"), fullMembers: 3, inFavour: 2, provincialConsent: false))
            #expect(try await t.services.admission.board(clerk, today: today).first { $0.member.id == candidate.id }?.stage == .cellApproved)
        }
    }

    @Test("badges: posthumous up to 24 months early from 07/11/2028 — a death 18 months short is not listed before, 20 months short is after")
    func posthumousWindow() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let today = Self.d("2030-01-01")
            for (card, name, admitted, died) in [
                ("71000011", "Lê Văn Trước", "2000-02-01", "2028-08-01"), ("71000012", "Lê Văn Sau", "2000-06-01", "2028-10-01"),
            ] {
                let member = try await t.services.members.create(
                    Self.cli, MemberTests.draft(name, card: card, birth: "1960-01-01", admitted: admitted, recognized: "2001-06-01"), today: today)
                _ = try await t.services.members.recordEvent(
                    Self.cli, memberId: member.id, MemberEventInput(kind: .deceased, effectiveOn: Self.d(died), decisionNo: "1-TB/CB"), today: today)
            }
            _ = try await Self.addVersion(t, .badges, from: "2028-11-07", ["posthumous_early_months": "24"])
            #expect(try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2028-09-02")).isEmpty)
            let award = try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2028-11-07"))
            #expect(award.map(\.member.record.fullName) == ["Lê Văn Sau"] && award.first?.milestone == 30 && award.first?.kind == .posthumous)
        }
    }

    @Test("discipline: a reprimand bars 18 months from 01/07/2030 — no warning on 30/06/2030, 13 months after it; one the next day")
    func disciplineBar() async throws {
        try await TestDatabase.with { t in
            let cadre = try await CadrePositionTests.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.cadres.recordDiscipline(
                head, cadreId: cadre.id, level: "Khiển trách", decidedOn: "2029-06-01", decisionNo: "20-QĐ/UBKT", note: "",
                today: Self.d("2029-06-01"))
            func warnings(_ date: String) async throws -> [CadreWarning] {
                try await t.services.cadres.profile(head, id: cadre.id, today: Self.d(date)).warnings.filter { $0.kind == .discipline }
            }
            #expect(try await warnings("2030-05-31").count == 1)
            #expect(try await warnings("2030-06-30").isEmpty)
            let added = try await Self.addVersion(t, .discipline, from: "2030-07-01", ["reprimand_months": "18"])
            #expect(try await warnings("2030-06-30").isEmpty)
            let barred = try await warnings("2030-07-01")
            #expect(barred.count == 1 && barred[0].message.vi.contains("trong 18 tháng, đến hết ngày 30/11/2030"), "\(barred.map(\.message.vi))")
            let dashboard = try await t.services.cadres.warningsDashboard(head, today: Self.d("2030-07-01"))
            #expect(dashboard.counts[.discipline] == 1 && dashboard.regulations == ["65-QĐ/TW", "377-QĐ/TW", "999-QĐ/TW", "135/2020/NĐ-CP"])
            // A voided version no longer applies.
            try await t.services.rules.void(try await t.principal(.admin, at: "TW"), id: added.id!, reason: "Nhập nhầm")
            #expect(try await warnings("2030-07-01").isEmpty)
        }
    }

    @Test("planning: 4 people per position from 01/01/2030 — the fourth is refused on 31/12/2029 with the rule, accepted on 01/01/2030")
    func planningLimit() async throws {
        try await TestDatabase.with { t in
            try await PlanningServiceTests.setUp(t)
            let today = Self.d("2030-02-01")
            let list = try await PlanningServiceTests.list(t, "Bí thư", term: "2030-2035")
            func add(_ n: Int, on date: String) async throws -> PlanningEntry {
                try await t.services.planning.addCandidate(
                    try await t.principal(.clerk, at: "T01-A"), listId: list.id, person: "2000000\(n)", addedOn: date, reason: "", today: today)
            }
            for n in 1...3 { _ = try await add(n, on: "2029-12-01") }
            _ = try await Self.addVersion(t, .planning, from: "2030-01-01", ["max_per_position": "4"])
            do {
                _ = try await add(4, on: "2029-12-31")
                Issue.record("a fourth person was accepted before the new version")
            } catch DomainError.invalid(_, let fields) {
                #expect(fields.count == 1 && fields[0].message.vi.contains("không quá 3 người (Quy định 377-QĐ/TW)"), "\(fields)")
            }
            _ = try await add(4, on: "2030-01-01")
            let viewer = try await t.principal(.viewer, at: "T01-A")
            #expect(try await t.services.planning.detail(viewer, id: list.id, today: today).problems.isEmpty)
            let before = try await t.services.planning.detail(viewer, id: list.id, today: Self.d("2029-12-31"))
            #expect(before.rules.maxPerPosition == 3 && before.problems.map(\.vi).contains { $0.contains("có 4 người trong quy hoạch") })
        }
    }

    @Test("retirement: a decree from 01/01/2030 raising men's age to 65 moves a man born 03/1968 from 31/03/2030 to 30/09/2030")
    func retirementRoadmap() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            _ = try await t.services.members.create(
                Self.cli, MemberTests.draft("Trần Văn Hưu", card: "10000009", birth: "1968-03-15"), today: Self.d("2026-01-01"))
            var draft = CadreDraft()
            draft.memberNumber = "10000009"
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let cadre = try await t.services.cadres.create(clerk, draft)
            func retires(_ date: String) async throws -> CivilDate? {
                try await t.services.cadres.profile(clerk, id: cadre.id, today: Self.d(date)).retirement?.retiresOn
            }
            #expect(try await retires("2029-12-31") == Self.d("2030-03-31"))
            _ = try await Self.addVersion(t, .retirement, from: "2030-01-01", ["men_final_age": "780"])
            #expect(try await retires("2029-12-31") == Self.d("2030-03-31"))
            #expect(try await retires("2030-01-01") == Self.d("2030-09-30"))
            let listed = try await t.services.cadres.retiring(clerk, today: Self.d("2030-01-01")).items
            #expect(listed.map(\.schedule.retiresOn) == [Self.d("2030-09-30")])
            // On 30/09/2030, his last working day by the new rule, he still counts; from 01/10/2030 he has retired.
            #expect(try await t.services.cadres.retiringCount(clerk, today: Self.d("2030-09-30")) == 1)
            #expect(try await t.services.cadres.retiring(clerk, today: Self.d("2030-09-30")).total == 1)
            #expect(try await t.services.cadres.retiringCount(clerk, today: Self.d("2030-10-01")) == 0)
        }
    }
}
