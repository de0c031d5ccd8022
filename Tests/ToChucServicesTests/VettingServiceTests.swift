import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 5, political-standard vetting (DOMAIN.md §3, §6): cases per person and purpose in the handling unit's subtree,
/// their steps and corrections (audited), deadlines from the settings, details only for the roles that handle cases,
/// counts per period (the briefing's `vetting_concluded`), vetting_cases.csv, the planning review's political standard.
@Suite struct VettingServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Members 3000000n: 1–3 in T01-A-C1, 4 in T01-B-C1 (the sibling commune).
    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        let people = [("Nguyễn Văn Tùng", "T01-A-C1"), ("Đặng Thị Lan", "T01-A-C1"), ("Lò Văn Pọm", "T01-A-C1"), ("Trần Văn Bình", "T01-B-C1")]
        for (index, person) in people.enumerated() {
            _ = try await t.services.members.create(cli, MemberTests.draft(person.0, card: "3000000\(index + 1)", unit: person.1), today: today)
        }
    }

    static func draft(_ person: String, _ purpose: String = "appointment", unit: String = "T01-A", received: String = "2026-11-02") -> VettingCaseDraft {
        var d = VettingCaseDraft()
        d.person = person
        d.purpose = purpose
        d.unitCode = unit
        d.receivedOn = received
        return d
    }

    /// A case taken to its conclusion on `on`.
    static func concluded(
        _ t: TestDatabase, _ person: String, purpose: String = "appointment", unit: String = "T01-A", received: String = "2026-01-05",
        on: String, conclusion: String = "meets"
    ) async throws -> VettingCase {
        let clerk = try await t.principal(.clerk, at: unit)
        let created = try await t.services.vetting.create(clerk, draft(person, purpose, unit: unit, received: received), today: today)
        let verifying = try await t.services.vetting.apply(clerk, id: created.id, .startVerifying, expectedVersion: created.version, today: today)
        return try await t.services.vetting.apply(
            clerk, id: created.id, .conclude(VettingOutcomeDraft(conclusion: conclusion, concludedOn: on, documentNo: "12-CV/BTCTU")),
            expectedVersion: verifying.version, today: today)
    }

    @Test("a case per person and purpose in the handling unit's subtree: the sibling commune neither sees it nor finds the person")
    func scope() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let created = try await t.services.vetting.create(clerk, Self.draft("30000001"), today: Self.today)
            #expect(created.person.fullName == "Nguyễn Văn Tùng" && created.person.kind == .member && created.status == .received)
            #expect(created.unitCode == "T01-A" && created.deadline == CivilDate(year: 2026, month: 12, day: 14))  // 30 working days
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.vettingCaseNotFound)) { try await t.services.vetting.get(sibling, id: created.id) }
            await #expect(throws: DomainError.notFound(Catalogue.vettingCaseNotFound)) {
                try await t.services.vetting.apply(sibling, id: created.id, .startVerifying, expectedVersion: 1, today: Self.today)
            }
            #expect(try await t.services.vetting.list(sibling, VettingQuery(), today: Self.today).total == 0)
            #expect(try await t.services.vetting.counts(sibling, from: Self.today.adding(years: -1), to: Self.today, today: Self.today).total.received == 0)
            let province = try await t.principal(.clerk, at: "T01")
            #expect(try await t.services.vetting.list(province, VettingQuery(), today: Self.today).items.map(\.vettingCase.id) == [created.id])
            // The same person, purpose and day again is one case; another purpose is another.
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("received_on", Catalogue.vettingCaseExists)])) {
                try await t.services.vetting.create(clerk, Self.draft("30000001"), today: Self.today)
            }
            _ = try await t.services.vetting.create(clerk, Self.draft("30000001", "Đi nước ngoài"), today: Self.today)
            // A member of the sibling commune, and a unit there, are out of reach.
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.vettingPersonOutsideScope)])) {
                try await t.services.vetting.create(clerk, Self.draft("30000004"), today: Self.today)
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("unit_code", Catalogue.unitNotFound)])) {
                try await t.services.vetting.create(clerk, Self.draft("30000002", unit: "T01-B"), today: Self.today)
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.vettingPersonNotFound)])) {
                try await t.services.vetting.create(clerk, Self.draft("99999999"), today: Self.today)
            }
        }
    }

    @Test("a person in neither register is named by national ID and name; a non-member cadre by national ID; both reach the cadre page")
    func people() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            var outsider = Self.draft("001085654321", "candidacy")
            outsider.fullName = "Vi Văn Khánh"
            outsider.birthDate = "1985-03-04"
            let first = try await t.services.vetting.create(clerk, outsider, today: Self.today)
            #expect(first.person.kind == .other && first.person.nationalId == "001085654321" && first.person.birthDate != nil)
            outsider.birthDate = "1990-03-04"  // the ID says born 1985
            outsider.receivedOn = "2026-11-03"
            await #expect(throws: DomainError.self) { try await t.services.vetting.create(clerk, outsider, today: Self.today) }
            var cadre = CadreDraft()
            cadre.fullName = "Hà Thị Mai"
            cadre.gender = "female"
            cadre.birthDate = "1982-01-01"
            cadre.nationalId = "001182123456"
            cadre.unitCode = "T01-A"
            let made = try await t.services.cadres.create(clerk, cadre)
            let case2 = try await t.services.vetting.create(clerk, Self.draft("001182123456", "planning"), today: Self.today)
            #expect(case2.person.kind == .cadre && case2.person.cadreId == made.id && case2.person.fullName == "Hà Thị Mai")
            #expect(try await t.services.vetting.cases(clerk, cadreId: made.id, today: Self.today).map(\.vettingCase.id) == [case2.id])
            let member = try await t.services.members.search(clerk, { var q = MemberQuery(); q.text = "tung"; return q }()).items[0]
            let case3 = try await t.services.vetting.create(clerk, Self.draft("30000001", "recognition"), today: Self.today)
            #expect(try await t.services.vetting.cases(clerk, memberId: member.id, today: Self.today).map(\.vettingCase.id) == [case3.id])
            var query = VettingQuery()
            query.text = "khanh"
            #expect(try await t.services.vetting.list(clerk, query, today: Self.today).items.map(\.vettingCase.id) == [first.id])
            query.text = ""
            query.sort = "name"
            #expect(try await t.services.vetting.list(clerk, query, today: Self.today).items.map(\.vettingCase.person.fullName) == [
                "Vi Văn Khánh", "Hà Thị Mai", "Nguyễn Văn Tùng",
            ])
        }
    }

    @Test("steps in order, a conclusion with its document, a stale step refused with 409, a concluded case reopened only by a head's correction; all in the history")
    func steps() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let created = try await t.services.vetting.create(clerk, Self.draft("30000002", "planning"), today: Self.today)
            do {
                _ = try await t.services.vetting.apply(
                    clerk, id: created.id, .conclude(VettingOutcomeDraft(conclusion: "meets", concludedOn: "2026-11-20", documentNo: "1-CV/BTCTU")),
                    expectedVersion: created.version, today: Self.today)
                Issue.record("concluded without verifying")
            } catch DomainError.invalid(let message, _) {
                #expect(message == Catalogue.vettingStepRefused)
            }
            let verifying = try await t.services.vetting.apply(clerk, id: created.id, .startVerifying, expectedVersion: created.version, today: Self.today)
            do {
                _ = try await t.services.vetting.apply(clerk, id: created.id, .startVerifying, expectedVersion: created.version, today: Self.today)
                Issue.record("a stale step was accepted")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.contains { $0.field == "status" && $0.old == "received" && $0.new == "verifying" })
            }
            await #expect(throws: DomainError.invalid(Catalogue.vettingStepRefused, [FieldError("document_no", Catalogue.vettingDocumentRequired)])) {
                try await t.services.vetting.apply(
                    clerk, id: created.id, .conclude(VettingOutcomeDraft(conclusion: "does_not_meet", concludedOn: "2026-11-20", documentNo: " ")),
                    expectedVersion: verifying.version, today: Self.today)
            }
            let done = try await t.services.vetting.apply(
                clerk, id: created.id, .conclude(VettingOutcomeDraft(conclusion: "does_not_meet", concludedOn: "2026-11-20", documentNo: "45-CV/BTCTU")),
                expectedVersion: verifying.version, today: Self.today)
            #expect(done.outcome == VettingOutcome(conclusion: .doesNotMeet, concludedOn: Self.today.adding(days: -2), documentNo: "45-CV/BTCTU"))
            let reopen = VettingStep.correct(to: .verifying, outcome: VettingOutcomeDraft(), reason: "Có thông tin mới cần xác minh")
            await #expect(throws: DomainError.forbidden(Catalogue.vettingCorrectionNeedsHead)) {
                try await t.services.vetting.apply(clerk, id: created.id, reopen, expectedVersion: done.version, today: Self.today)
            }
            let head = try await t.principal(.head, at: "T01-A")
            let reopened = try await t.services.vetting.apply(head, id: created.id, reopen, expectedVersion: done.version, today: Self.today)
            #expect(reopened.status == .verifying && reopened.outcome == nil)
            let history = try await t.services.vetting.history(head, id: created.id)
            #expect(history.map(\.action) == ["create", "verify", "conclude", "correct"])
            #expect(history.last?.newValues?["reason"] == "Có thông tin mới cần xác minh" && history.last?.actor == "head-T01-A")
            #expect(history.last?.oldValues?["conclusion"] == "does_not_meet" && history.last?.newValues?["conclusion"] == .some(nil))
            // A clerk may still take a verifying case back to received: that too is a correction with a reason.
            let back = try await t.services.vetting.apply(
                clerk, id: created.id, .correct(to: .received, outcome: VettingOutcomeDraft(), reason: "Nhận nhầm"), expectedVersion: reopened.version,
                today: Self.today)
            #expect(back.status == .received)
            if case .broken(let id, let reason) = try await t.services.audit.verify() { Issue.record("audit chain broken at \(id): \(reason)") }
        }
    }

    @Test("DOMAIN.md §6: a viewer gets the counts and nothing else; outside the subtree the case is not found at all")
    func confidentiality() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let done = try await Self.concluded(t, "30000003", on: "2026-06-15")
            let viewer = try await t.principal(.viewer, at: "T01-A")
            await #expect(throws: DomainError.forbidden(Catalogue.vettingDetailsForbidden)) { try await t.services.vetting.get(viewer, id: done.id) }
            await #expect(throws: DomainError.forbidden(Catalogue.vettingDetailsForbidden)) { try await t.services.vetting.history(viewer, id: done.id) }
            await #expect(throws: DomainError.forbidden(Catalogue.vettingDetailsForbidden)) {
                try await t.services.vetting.list(viewer, VettingQuery(), today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.vettingDetailsForbidden)) {
                try await t.services.vetting.cases(viewer, memberId: done.person.memberId!, today: Self.today)
            }
            let rows = try await t.services.interchange.export(
                viewer, format: .csv, to: t.folder.appendingPathComponent("viewer-export"), programVersion: "test")
            #expect(rows[VettingCasesFile.fileName] == 0)
            let counts = try await t.services.vetting.counts(
                viewer, from: CivilDate(year: 2026, month: 1, day: 1)!, to: Self.today, today: Self.today)
            #expect(counts.of(.appointment).meets == 1 && counts.total.concluded == 1)
            #expect(
                try await t.services.vetting.concludedCount(viewer, unitCode: "T01-A", from: CivilDate(year: 2026, month: 1, day: 1)!, to: Self.today) == 1)
            let siblingViewer = try await t.principal(.viewer, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.vettingCaseNotFound)) { try await t.services.vetting.get(siblingViewer, id: done.id) }
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                try await t.services.vetting.concludedCount(siblingViewer, unitCode: "T01-A", from: Self.today, to: Self.today)
            }
        }
    }

    @Test(
        "vetting_concluded: cases of the subtree whose conclusion date lies in [from, to], both ends included; reopened ones drop out",
        arguments: [("2026-03-31", false), ("2026-04-01", true), ("2026-05-15", true), ("2026-06-30", true), ("2026-07-01", false)])
    func concludedCount(on: String, counted: Bool) async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let done = try await Self.concluded(t, "30000001", on: on, conclusion: "does_not_meet")
            // A case of the sibling commune inside the period: counted for the province, not for T01-A.
            _ = try await Self.concluded(t, "30000004", unit: "T01-B", on: "2026-05-15")
            let from = CivilDate(year: 2026, month: 4, day: 1)!
            let to = CivilDate(year: 2026, month: 6, day: 30)!
            let viewer = try await t.principal(.viewer, at: "T01")
            #expect(try await t.services.vetting.concludedCount(viewer, unitCode: "T01-A", from: from, to: to) == (counted ? 1 : 0))
            #expect(try await t.services.vetting.concludedCount(viewer, unitCode: "T01", from: from, to: to) == (counted ? 2 : 1))
            let counts = try await t.services.vetting.counts(viewer, unitCode: "T01-A", from: from, to: to, today: Self.today)
            #expect(counts.of(.appointment).doesNotMeet == (counted ? 1 : 0) && counts.of(.appointment).meets == 0)
            let head = try await t.principal(.head, at: "T01-A")
            _ = try await t.services.vetting.apply(
                head, id: done.id, .correct(to: .verifying, outcome: VettingOutcomeDraft(), reason: "Xác minh lại"), expectedVersion: done.version,
                today: Self.today)
            #expect(try await t.services.vetting.concludedCount(viewer, unitCode: "T01-A", from: from, to: to) == 0)
        }
    }

    @Test("received and overdue per period: overdue is open past its deadline at the period's end; the deadline day itself is not overdue")
    func overdueCounts() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            var late = Self.draft("30000001", "admission", received: "2026-02-02")
            late.deadline = "2026-03-13"
            _ = try await t.services.vetting.create(clerk, late, today: Self.today)
            var onTime = Self.draft("30000002", "admission", received: "2026-02-02")
            onTime.deadline = "2026-03-31"
            _ = try await t.services.vetting.create(clerk, onTime, today: Self.today)
            // Concluded late (after the period): still overdue at the end of March.
            _ = try await Self.concluded(t, "30000003", purpose: "admission", received: "2026-02-02", on: "2026-04-10")
            let viewer = try await t.principal(.viewer, at: "T01-A")
            let march = try await t.services.vetting.counts(
                viewer, from: CivilDate(year: 2026, month: 3, day: 1)!, to: CivilDate(year: 2026, month: 3, day: 31)!, today: Self.today)
            // The third case's deadline is 30 working days after 2 February (Tết 16–20/2 skipped): 20 March.
            #expect(march.of(.admission).received == 0 && march.of(.admission).overdue == 2 && march.asOf == CivilDate(year: 2026, month: 3, day: 31))
            let q1 = try await t.services.vetting.counts(
                viewer, from: CivilDate(year: 2026, month: 1, day: 1)!, to: CivilDate(year: 2026, month: 3, day: 31)!, today: Self.today)
            #expect(q1.of(.admission).received == 3 && q1.total.received == 3)
            let year = try await t.services.vetting.counts(viewer, from: CivilDate(year: 2026, month: 1, day: 1)!, to: Self.today, today: Self.today)
            #expect(year.of(.admission).overdue == 2 && year.of(.admission).concluded == 1 && year.asOf == Self.today)
            var overdue = VettingQuery()
            overdue.due = "overdue"
            #expect(try await t.services.vetting.list(clerk, overdue, today: Self.today).total == 2)
            #expect(try await t.services.vetting.list(clerk, overdue, today: CivilDate(year: 2026, month: 3, day: 13)!).total == 0)
            #expect(try await t.services.vetting.list(clerk, overdue, today: CivilDate(year: 2026, month: 3, day: 14)!).total == 1)
            overdue.due = "due_soon"
            #expect(try await t.services.vetting.list(clerk, overdue, today: CivilDate(year: 2026, month: 3, day: 9)!).total == 1)
            overdue.due = "later"
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("due", Catalogue.unknownValue("later"))])) {
                try await t.services.vetting.list(clerk, overdue, today: Self.today)
            }
        }
    }

    @Test("the default deadline follows the settings, which only an administrator of the whole database changes")
    func settings() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let current = try await t.services.vetting.settings()
            #expect(current.settings == .standard)
            let communeAdmin = try await t.principal(.admin, at: "T01-A")
            await #expect(throws: DomainError.forbidden(Catalogue.vettingSettingsForbidden)) {
                try await t.services.vetting.saveSettings(communeAdmin, deadlineWorkingDays: "10", warningWorkingDays: "3", expectedVersion: current.version)
            }
            let saved = try await t.services.vetting.saveSettings(Self.cli, deadlineWorkingDays: "10", warningWorkingDays: "3", expectedVersion: current.version)
            #expect(saved.settings == VettingSettings(deadlineWorkingDays: 10, warningWorkingDays: 3) && saved.version == current.version + 1)
            await #expect(throws: DomainError.self) {
                try await t.services.vetting.saveSettings(Self.cli, deadlineWorkingDays: "12", warningWorkingDays: "3", expectedVersion: current.version)
            }
            let created = try await t.services.vetting.create(try await t.principal(.clerk, at: "T01-A"), Self.draft("30000001"), today: Self.today)
            #expect(created.deadline == CivilDate(year: 2026, month: 11, day: 16))  // 2/11 + 10 working days
        }
    }

    @Test("DOMAIN.md §3: a concluded 'does not meet' case for planning takes the cadre out at the planning review")
    func planningReview() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let list = try await t.services.planning.createList(
                clerk, PlanningListDraft(term: "2026-2031", position: "Bí thư", placeCode: "T01-A", managedBy: "base"))
            let entry = try await t.services.planning.addCandidate(
                clerk, listId: list.id, person: "30000002", addedOn: "2026-03-01", reason: "", today: Self.today)
            // A case for another purpose does not count; one for planning that meets does not remove.
            _ = try await Self.concluded(t, "30000002", purpose: "appointment", received: "2026-04-01", on: "2026-05-01", conclusion: "does_not_meet")
            _ = try await Self.concluded(t, "30000002", purpose: "planning", received: "2026-04-01", on: "2026-05-01", conclusion: "meets")
            #expect(try await t.services.planning.detail(clerk, id: list.id, today: Self.today).review.isEmpty)
            _ = try await Self.concluded(t, "30000002", purpose: "planning", received: "2026-09-01", on: "2026-10-01", conclusion: "does_not_meet")
            // Reviewed as of a day before that conclusion, the person stays.
            #expect(try await t.services.planning.detail(clerk, id: list.id, today: CivilDate(year: 2026, month: 9, day: 30)!).review.isEmpty)
            let removed = try await t.services.planning.applyReview(clerk, listId: list.id, on: Self.today)
            #expect(removed.map(\.entry.id) == [entry.id] && removed[0].reasons.map(\.key) == ["political_standard"])
            // A viewer sees the removal without the vetting conclusion behind it, in the list and in its history.
            let viewer = try await t.principal(.viewer, at: "T01-A")
            let seen = try await t.services.planning.detail(viewer, id: list.id, today: Self.today).removed
            #expect(seen.map(\.removalKind) == ["confidential"] && seen[0].removedReason == nil)
            #expect(try await t.services.planning.detail(clerk, id: list.id, today: Self.today).removed.map(\.removalKind) == ["political_standard"])
            let history = try await t.services.planning.history(viewer, listId: list.id)
            #expect(!history.contains { ($0.newValues?["removal_kind"] ?? nil) == "political_standard" })
        }
    }

    @Test("vetting_cases.csv: every wrong row named, nothing stored; then all of it; a second load changes nothing; an export loads back")
    func importFile() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let folder = t.folder.appendingPathComponent("vetting")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let file = folder.appendingPathComponent(VettingCasesFile.fileName)
            let bad = """
                Số thẻ đảng viên,Số CCCD,Họ và tên,Ngày sinh,Mục đích thẩm định,Đơn vị thẩm định,Ngày tiếp nhận,Hạn thẩm định,Tình trạng,Kết luận,Ngày kết luận,Văn bản kết luận,Ghi chú
                30000001,,,,Bổ nhiệm,T01-A,02/11/2026,,,,,,
                30000004,,,,Bổ nhiệm,T01-A,02/11/2026,,,,,,
                30000002,,,,du lịch,T01-A,02/11/2026,,,,,,
                30000002,,,,Quy hoạch,T01-A,02/11/2026,,Đã kết luận,Đạt,,,
                30000003,,,,Kết nạp Đảng,T99,,,,,,,
                30000001,,,,appointment,T01-A,2026-11-02,,,,,,
                ,001085654321,,,other,T01-A,2026-11-02,,,,,,
                """
            try Data(bad.utf8).write(to: file)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            do {
                _ = try await t.services.interchange.importDataset(clerk, at: folder)
                Issue.record("a bad file was loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                for prefix in [
                    "vetting_cases.csv:3: card_no:", "vetting_cases.csv:4: purpose:", "vetting_cases.csv:5: concluded_on:", "vetting_cases.csv:5: document_no:",
                    "vetting_cases.csv:6: unit_code:", "vetting_cases.csv:6: received_on:", "vetting_cases.csv:7: received_on:", "vetting_cases.csv:8: national_id:",
                ] {
                    #expect(lines.contains { $0.hasPrefix(prefix) }, "\(prefix) in \(lines)")
                }
            }
            #expect(try await t.services.vetting.list(clerk, VettingQuery(), today: Self.today).total == 0)
            let good = """
                card_no,national_id,full_name,birth_date,purpose,unit_code,received_on,deadline,status,conclusion,concluded_on,document_no,note
                30000001,,,,appointment,T01-A,2026-11-02,,,,,,
                30000002,,,,Quy hoạch,T01-A,02/11/2026,,Đã kết luận,Không đạt,20/11/2026,45-CV/BTCTU,Có đơn thư
                ,001085654321,Vi Văn Khánh,1985-03-04,candidacy,T01-A,2026-10-01,2026-10-30,verifying,,,,
                """
            try Data(good.utf8).write(to: file)
            let first = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(first.created == 3 && first.updated == 0)
            let again = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(again.created == 0 && again.updated == 0 && again.unchanged == 3)
            let cases = try await t.services.vetting.list(clerk, VettingQuery(), today: Self.today).items.map(\.vettingCase)
            let planning = try #require(cases.first { $0.purpose == .planning })
            #expect(planning.outcome?.conclusion == .doesNotMeet && planning.note == "Có đơn thư")
            #expect(try await t.services.vetting.history(clerk, id: planning.id).first?.action == "import")
            #expect(cases.first { $0.purpose == .appointment }?.deadline == CivilDate(year: 2026, month: 12, day: 14))
            // Reopening through the file is a correction, recorded as one.
            try Data(good.replacingOccurrences(of: "Đã kết luận,Không đạt,20/11/2026,45-CV/BTCTU", with: "verifying,,,").utf8).write(to: file)
            #expect(try await t.services.interchange.importDataset(clerk, at: folder).updated == 1)
            #expect(try await t.services.vetting.history(clerk, id: planning.id).last?.action == "correct")
            // The export loads back unchanged.
            let out = t.folder.appendingPathComponent("export")
            let counts = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(counts[VettingCasesFile.fileName] == 3)
            let reload = t.folder.appendingPathComponent("reload")
            try FileManager.default.createDirectory(at: reload, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: out.appendingPathComponent(VettingCasesFile.fileName), to: reload.appendingPathComponent(VettingCasesFile.fileName))
            let back = try await t.services.interchange.importDataset(Self.cli, at: reload)
            #expect(back.created == 0 && back.updated == 0 && back.unchanged == 3)
        }
    }

    @Test("a duplicate member merged into the kept one takes its cases along")
    func mergeFollows() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            var other = MemberTests.draft("Nguyễn Văn Tùng", card: "", status: "probationary", admitted: "2025-05-19", recognized: "")
            other.nationalId = "001085012345"
            let duplicate = try await t.services.members.create(Self.cli, other, today: Self.today)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let created = try await t.services.vetting.create(clerk, Self.draft("001085012345", "recognition"), today: Self.today)
            let keep = try await t.services.members.search(clerk, { var q = MemberQuery(); q.text = "30000001"; return q }()).items[0]
            _ = try await t.services.members.merge(
                Self.cli, keep: keep.id, keepVersion: keep.version, duplicate: duplicate.id, duplicateVersion: duplicate.version, today: Self.today)
            #expect(try await t.services.vetting.get(clerk, id: created.id).person.memberId == keep.id)
        }
    }
}
