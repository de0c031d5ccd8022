import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 5, planning by term (DOMAIN.md §3, Quy định 377-QĐ/TW): lists per position at a place, the limits checked on
/// every addition, discipline and age removals, the structure against targets, approval by the managing level.
@Suite struct PlanningServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Members in T01-A-C1 with card numbers 2000000n: young women and men, one man too old for a full 2026 term.
    static let people: [(String, String, String)] = [
        ("Nguyễn Thị Hoa", "female", "1988-03-01"), ("Trần Văn Minh", "male", "1990-07-01"), ("Lê Văn Nam", "male", "1979-02-01"),
        ("Phạm Văn Quang", "male", "1984-05-01"), ("Hoàng Văn Sơn", "male", "1966-01-10"),
    ]

    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        for (index, person) in people.enumerated() {
            _ = try await t.services.members.create(
                cli, MemberTests.draft(person.0, card: "2000000\(index + 1)", gender: person.1, birth: person.2), today: today)
        }
    }

    static func list(_ t: TestDatabase, _ position: String, level: String = "provincial", term: String = "2026-2031") async throws
        -> PlanningListRecord
    {
        try await t.services.planning.createList(
            try await t.principal(.clerk, at: "T01-A"), PlanningListDraft(term: term, position: position, placeCode: "T01-A", managedBy: level))
    }

    static func add(_ t: TestDatabase, _ list: PlanningListRecord, _ n: Int, on date: String = "2026-03-01") async throws -> PlanningEntry {
        try await t.services.planning.addCandidate(
            try await t.principal(.clerk, at: "T01-A"), listId: list.id, person: "2000000\(n)", addedOn: date, reason: "Đủ tiêu chuẩn", today: today)
    }

    @Test("a list is one position at one place for one term: a second one with the same position (accents aside) is refused")
    func oneListPerPosition() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư Đảng ủy")
            #expect(list.term.key == "2026-2031" && list.place.code == "T01-A" && list.managedBy == .provincial)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("position", Catalogue.planningListExists)])) {
                try await Self.list(t, "bi thu dang uy")
            }
            _ = try await Self.list(t, "Bí thư Đảng ủy", term: "2025-2030")
            await #expect(throws: DomainError.self) { try await Self.list(t, "Phó Bí thư", term: "2026-2030") }
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("place_code", Catalogue.placeNotFound)])) {
                try await t.services.planning.createList(
                    sibling, PlanningListDraft(term: "2026-2031", position: "Bí thư", placeCode: "T01-A", managedBy: "provincial"))
            }
            #expect(try await t.services.planning.lists(sibling).total == 0)
            #expect(try await t.services.planning.lists(try await t.principal(.viewer, at: "T01"), term: "2026-2031").total == 1)
        }
    }

    @Test("Quy định 377-QĐ/TW: 3 people per position, the fourth refused with the rule; a person in 3 positions' lists, not 4")
    func limits() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let secretary = try await Self.list(t, "Bí thư")
            for n in 1...3 { _ = try await Self.add(t, secretary, n) }
            do {
                _ = try await Self.add(t, secretary, 4)
                Issue.record("a fourth person was accepted")
            } catch DomainError.invalid(let message, let fields) {
                #expect(message == Catalogue.planningAddRefused && fields.count == 1 && fields[0].message.vi.contains("không quá 3 người"))
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.planningAlreadyListed("Nguyễn Thị Hoa"))])) {
                try await Self.add(t, secretary, 1)
            }
            let others = [try await Self.list(t, "Phó Bí thư"), try await Self.list(t, "Chủ tịch UBND"), try await Self.list(t, "Trưởng ban Tổ chức")]
            _ = try await Self.add(t, others[0], 1)
            _ = try await Self.add(t, others[1], 1)
            do {
                _ = try await Self.add(t, others[2], 1)
                Issue.record("a fourth position was accepted")
            } catch DomainError.invalid(_, let fields) {
                #expect(fields.count == 1 && fields[0].message.vi.contains("không quá 3 chức danh"))
            }
            // Another level's lists are counted apart.
            let base = try await Self.list(t, "Chủ tịch Hội Nông dân", level: "base")
            _ = try await Self.add(t, base, 1)
            let detail = try await t.services.planning.detail(try await t.principal(.viewer, at: "T01-A"), id: secretary.id, today: Self.today)
            #expect(detail.active.map(\.cadre.fullName) == ["Nguyễn Thị Hoa", "Trần Văn Minh", "Lê Văn Nam"] && detail.problems.isEmpty)
        }
    }

    @Test("a full term of working age from the term's start: a man born in 1966 cannot be planned for 2026–2031; unknown numbers are named")
    func workingAgeAndUnknownPerson() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư")
            do {
                _ = try await Self.add(t, list, 5)
                Issue.record("a man who retires within the term was accepted")
            } catch DomainError.invalid(_, let fields) {
                #expect(fields.count == 1 && fields[0].message.vi.contains("không đủ tuổi quy hoạch"))
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.planningPersonNotFound)])) {
                try await t.services.planning.addCandidate(
                    try await t.principal(.clerk, at: "T01-A"), listId: list.id, person: "99999999", addedOn: "", reason: "", today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.planning.addCandidate(
                    try await t.principal(.viewer, at: "T01-A"), listId: list.id, person: "20000001", addedOn: "", reason: "", today: Self.today)
            }
        }
    }

    @Test("the structure counts women and the young (under 40 at provincial level) against the targets")
    func structure() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư")
            for n in [2, 3, 4] { _ = try await Self.add(t, list, n) }
            var detail = try await t.services.planning.detail(try await t.principal(.viewer, at: "T01-A"), id: list.id, today: Self.today)
            #expect(detail.structure.total == 3 && detail.structure.women.count == 0 && !detail.structure.womenMet)
            #expect(detail.structure.young.count == 1 && detail.structure.youngMet)  // Trần Văn Minh, 36.
            let minh = detail.active.first { $0.cadre.fullName == "Trần Văn Minh" }!
            _ = try await t.services.planning.removeCandidate(
                try await t.principal(.clerk, at: "T01-A"), entryId: minh.id, removedOn: "2026-06-01", reason: "Chuyển công tác", today: Self.today)
            _ = try await Self.add(t, list, 1)
            detail = try await t.services.planning.detail(try await t.principal(.viewer, at: "T01-A"), id: list.id, today: Self.today)
            #expect(detail.structure.women.count == 1 && detail.structure.womenMet && detail.structure.young.count == 1)
            #expect(detail.removed.map(\.cadre.fullName) == ["Trần Văn Minh"] && detail.removed[0].removedReason == "Chuyển công tác")
        }
    }

    @Test("a removal needs its reason; the entry stays in the list's record")
    func removalNeedsReason() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư")
            let entry = try await Self.add(t, list, 1)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("reason", Catalogue.planningRemovalNeedsReason)])) {
                try await t.services.planning.removeCandidate(
                    try await t.principal(.clerk, at: "T01-A"), entryId: entry.id, removedOn: "", reason: "  ", today: Self.today)
            }
            #expect(try await t.services.planning.detail(try await t.principal(.viewer, at: "T01-A"), id: list.id).active.count == 1)
        }
    }

    @Test("DOMAIN.md §3: a discipline of khiển trách or worse takes the cadre out of every list at once, and bars a new entry")
    func disciplineRemoves() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let first = try await Self.list(t, "Bí thư")
            let second = try await Self.list(t, "Phó Bí thư")
            let entry = try await Self.add(t, first, 2)
            _ = try await Self.add(t, second, 2)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            _ = try await t.services.cadres.recordDiscipline(
                clerk, cadreId: entry.cadre.id, level: "khiển trách", decidedOn: "2026-09-01", decisionNo: "15-QĐ/UBKT", note: "", today: Self.today)
            for list in [first, second] {
                let detail = try await t.services.planning.detail(clerk, id: list.id, today: Self.today)
                #expect(detail.active.isEmpty && detail.removed.map(\.removalKind) == ["discipline"])
            }
            do {
                _ = try await Self.add(t, first, 2, on: "2026-10-01")
                Issue.record("a disciplined cadre was planned")
            } catch DomainError.invalid(let message, _) {
                #expect(message == Catalogue.planningAddRefused)
            }
            let planned = try await t.services.planning.plannedFor(clerk, cadreId: entry.cadre.id)
            #expect(planned.count == 2 && planned.allSatisfy { !$0.entry.isActive })
        }
    }

    @Test("the yearly review removes whoever no longer has a full term from the review date, with the rule's reason")
    func review() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư", term: "2020-2025")
            // Accepted for the 2020–2025 term: born 1966, 60 months from 01/01/2020 before retiring.
            let old = try await Self.add(t, list, 5, on: "2020-03-01")
            _ = try await Self.add(t, list, 1, on: "2020-03-01")
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let before = try await t.services.planning.detail(clerk, id: list.id, today: Self.today)
            #expect(before.review.map(\.entry.id) == [old.id])
            let removed = try await t.services.planning.applyReview(clerk, listId: list.id, on: Self.today)
            #expect(removed.map(\.entry.id) == [old.id] && removed[0].reasons.map(\.key) == ["age_limit"])
            let after = try await t.services.planning.detail(clerk, id: list.id, today: Self.today)
            #expect(after.active.map(\.cadre.fullName) == ["Nguyễn Thị Hoa"] && after.removed.first?.removalKind == "age_limit" && after.review.isEmpty)
            #expect(try await t.services.planning.applyReview(clerk, listId: list.id, on: Self.today).isEmpty)
        }
    }

    @Test("DOMAIN.md §6: only a head at the list's managing level or above approves; a lower level cannot")
    func approval() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let list = try await Self.list(t, "Bí thư")
            _ = try await Self.add(t, list, 1)
            await #expect(throws: DomainError.forbidden(Catalogue.approvalNeedsLevel(.provincial))) {
                try await t.services.planning.approve(try await t.principal(.head, at: "T01-A"), listId: list.id, decisionNo: "10-QĐ/TU", today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.approveNeedsHead)) {
                try await t.services.planning.approve(try await t.principal(.clerk, at: "T01"), listId: list.id, decisionNo: "10-QĐ/TU", today: Self.today)
            }
            let head = try await t.principal(.head, at: "T01")
            await #expect(throws: DomainError.self) {
                try await t.services.planning.approve(head, listId: list.id, decisionNo: "", today: Self.today)
            }
            let approved = try await t.services.planning.approve(head, listId: list.id, decisionNo: "10-QĐ/TU", on: "2026-11-20", today: Self.today)
            #expect(approved.approvedOn == CivilDate(year: 2026, month: 11, day: 20) && approved.approvalNo == "10-QĐ/TU")
            let detail = try await t.services.planning.detail(head, id: list.id, today: Self.today)
            #expect(detail.active.allSatisfy { $0.approvedOn != nil })
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("list", Catalogue.planningNothingToApprove)])) {
                try await t.services.planning.approve(head, listId: list.id, decisionNo: "11-QĐ/TU", today: Self.today)
            }
            let actions = try await t.services.planning.history(head, listId: list.id).map(\.action)
            #expect(actions.contains("approve") && actions.first == "create")
        }
    }
}
