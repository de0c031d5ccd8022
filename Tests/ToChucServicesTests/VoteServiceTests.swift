import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Confidence votes on SQLite and PostgreSQL (DOMAIN.md §4, Quy định 96-QĐ/TW): the quorum of a session, tallies
/// entered from the paper count with their consequences, the limit of places per round across units, the planning
/// review's reason, scope and stale saves, and no voter in the records.
@Suite(.serialized)
struct VoteServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Four members in T01-A-C1 (cards 3000000n), one in T01-B-C1 (30000009).
    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        for (n, name) in ["Nguyễn Văn An", "Trần Thị Bích", "Lê Văn Cường", "Phạm Thị Dung"].enumerated() {
            _ = try await t.services.members.create(cli, MemberTests.draft(name, card: "3000000\(n + 1)", birth: "1980-05-01"), today: today)
        }
        _ = try await t.services.members.create(cli, MemberTests.draft("Võ Văn Em", card: "30000009", unit: "T01-B-C1"), today: today)
    }

    static func session(
        _ t: TestDatabase, unit: String = "T01-A", round: String = "2026", on: String = "2026-03-10", convened: Int = 30, present: Int = 30,
        by role: Role = .clerk, at: String = "T01"
    ) async throws -> VoteSession {
        try await t.services.votes.create(
            try await t.principal(role, at: at),
            VoteSessionDraft(
                unitCode: unit, bodyKind: "committee", round: round, heldOn: on, convened: String(convened), present: String(present)), today: today)
    }

    static func tally(_ subject: VoteSubject, returned: Int = 30, low: Int, invalid: Int = 0) -> VoteTallyInput {
        let valid = returned - invalid
        return VoteTallyInput(
            subjectId: subject.id,
            draft: VoteTallyDraft(
                issued: String(returned), returned: String(returned), valid: String(valid), invalid: String(invalid), high: String(valid - low),
                medium: "0", low: String(low)), version: subject.version)
    }

    @Test("a quorum one short (26 of 40): the session is recorded but no tally is taken; with 27 present it is")
    func quorum() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let session = try await Self.session(t, convened: 40, present: 26)
            let subject = try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "30000001", position: "Bí thư Đảng ủy")
            let detail = try await t.services.votes.detail(clerk, id: session.id)
            #expect(!detail.quorum.isMet && detail.quorum.required == 27 && detail.rules.regulation == "96-QĐ/TW")
            do {
                _ = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [Self.tally(subject, returned: 26, low: 1)])
                Issue.record("a tally was taken without a quorum")
            } catch DomainError.invalid(let message, _) {
                #expect(message.vi.contains("26/40, cần ít nhất 27"))
            }
            var draft = session.draft
            draft.present = "27"
            _ = try await t.services.votes.update(clerk, id: session.id, draft, expectedVersion: session.version, today: Self.today)
            let saved = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [Self.tally(subject, returned: 27, low: 1)])
            #expect(saved.quorum.isMet && saved.subjects[0].tally?.returned == 27)
            // With tallies entered, the session cannot fall below its quorum again.
            draft.present = "26"
            let current = try await t.services.votes.detail(clerk, id: session.id).session
            await #expect(throws: DomainError.self) {
                _ = try await t.services.votes.update(clerk, id: session.id, draft, expectedVersion: current.version, today: Self.today)
            }
        }
    }

    @Test("96-QĐ/TW over the ballots returned: exactly half 'thấp' has no consequence, 16 of 30 is removal, exactly 2/3 is dismissal")
    func consequences() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let session = try await Self.session(t)
            var subjects: [VoteSubject] = []
            for n in 1...3 {
                subjects.append(try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "3000000\(n)", position: "Phó Bí thư"))
            }
            let saved = try await t.services.votes.saveTallies(
                clerk, sessionId: session.id,
                [Self.tally(subjects[0], low: 15), Self.tally(subjects[1], low: 16, invalid: 1), Self.tally(subjects[2], low: 20)])
            #expect(saved.subjects.map { saved.consequence($0) } == [VoteConsequence.none, .removal, .dismissal])
            #expect(saved.subjects[1].tally?.share(.low).label.vi == "16/30 (53,33%)")
            #expect(saved.count(.removal) == 1 && saved.count(.dismissal) == 1 && saved.tallied == 3)
            // A tally that does not add up is refused whole; nothing changes.
            var wrong = Self.tally(saved.subjects[0], low: 1)
            wrong.draft.returned = "31"
            await #expect(throws: DomainError.self) { _ = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [wrong]) }
            // A line read before the save above is stale.
            await #expect(throws: DomainError.self) {
                _ = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [Self.tally(subjects[0], low: 2)])
            }
            #expect(try await t.services.votes.detail(clerk, id: session.id).subjects[0].tally?.low == 15)
            let rows = try await t.services.votes.exportRows(clerk, VoteQuery())
            #expect(rows.count == 4 && rows[2].contains("53,33%") && rows[3].last == VoteConsequence.dismissal.label.vi)
            let history = try await t.services.votes.history(clerk, id: session.id)
            #expect(history.count == 7)  // the session, three persons, three tallies
        }
    }

    @Test("96-QĐ/TW: a person is voted on at no more than two places in a round — a third, even in another unit, is refused")
    func places() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let province = try await t.principal(.clerk, at: "T01")
            let first = try await Self.session(t, unit: "T01-A")
            let second = try await Self.session(t, unit: "T01-A-C1", on: "2026-03-11")
            let third = try await Self.session(t, unit: "T01-B", round: "  2026 ", on: "2026-03-12")
            let later = try await Self.session(t, unit: "T01-B", round: "2027", on: "2026-11-01")
            _ = try await t.services.votes.addPerson(province, sessionId: first.id, person: "30000001", position: "Bí thư")
            _ = try await t.services.votes.addPerson(province, sessionId: second.id, person: "30000001", position: "Bí thư Chi bộ")
            do {
                _ = try await t.services.votes.addPerson(province, sessionId: third.id, person: "30000001", position: "Ủy viên")
                Issue.record("a third place was accepted")
            } catch DomainError.invalid(let message, _) {
                #expect(message.vi.contains("đã được lấy phiếu tín nhiệm ở 2 nơi trong đợt") && message.vi.contains("không quá 2 nơi"))
            }
            _ = try await t.services.votes.addPerson(province, sessionId: later.id, person: "30000001", position: "Ủy viên")
            // Moving a session into the full round is refused the same way.
            var draft = later.draft
            draft.round = "2026"
            await #expect(throws: DomainError.self) {
                _ = try await t.services.votes.update(province, id: later.id, draft, expectedVersion: later.version, today: Self.today)
            }
        }
    }

    @Test("scope: a sibling commune's session is not found; a viewer reads but cannot write; a stale session edit is a conflict")
    func scope() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let session = try await Self.session(t, unit: "T01-A", at: "T01-A")
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.voteSessionNotFound)) {
                _ = try await t.services.votes.detail(sibling, id: session.id)
            }
            #expect(try await t.services.votes.list(sibling, VoteQuery()).total == 0)
            await #expect(throws: DomainError.self) {
                _ = try await t.services.votes.addPerson(sibling, sessionId: session.id, person: "30000009", position: "x")
            }
            let viewer = try await t.principal(.viewer, at: "T01-A")
            #expect(try await t.services.votes.detail(viewer, id: session.id).session.id == session.id)
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                _ = try await t.services.votes.addPerson(viewer, sessionId: session.id, person: "30000001", position: "x")
            }
            let clerk = try await t.principal(.clerk, at: "T01-A")
            // Someone outside the scope cannot be added, even by number.
            await #expect(throws: DomainError.self) {
                _ = try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "30000009", position: "x")
            }
            var draft = session.draft
            draft.convened = "31"
            _ = try await t.services.votes.update(clerk, id: session.id, draft, expectedVersion: session.version, today: Self.today)
            draft.present = "29"
            do {
                _ = try await t.services.votes.update(clerk, id: session.id, draft, expectedVersion: session.version, today: Self.today)
                Issue.record("a stale save was accepted")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.map(\.field) == ["convened"])
            }
            var query = VoteQuery()
            query.round = "2026"
            query.from = "2026-03-01"
            #expect(try await t.services.votes.list(clerk, query).total == 1)
            query.round = "2025"
            #expect(try await t.services.votes.list(clerk, query).total == 0)
        }
    }

    @Test("DOMAIN.md §3: the planning review removes a cadre with more than half 'thấp' in the latest round, with the vote as the reason")
    func planningReview() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let list = try await t.services.planning.createList(
                clerk, PlanningListDraft(term: "2026-2031", position: "Bí thư Đảng ủy", placeCode: "T01-A", managedBy: "provincial"))
            for n in 1...2 {
                _ = try await t.services.planning.addCandidate(
                    clerk, listId: list.id, person: "3000000\(n)", addedOn: "2026-01-05", reason: "", today: Self.today)
            }
            let session = try await Self.session(t, at: "T01-A")
            let a = try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "30000001", position: "Phó Bí thư")
            let b = try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "30000002", position: "Ủy viên")
            _ = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [Self.tally(a, low: 16), Self.tally(b, low: 15)])
            let detail = try await t.services.planning.detail(clerk, id: list.id, today: Self.today)
            #expect(detail.review.map(\.entry.cadre.fullName) == ["Nguyễn Văn An"])
            #expect(detail.review.first?.reasons.map(\.key) == ["low_confidence"])
            // Before the vote, nothing to remove.
            #expect(try await t.services.planning.applyReview(clerk, listId: list.id, on: CivilDate(year: 2026, month: 3, day: 9)!).isEmpty)
            let removed = try await t.services.planning.applyReview(clerk, listId: list.id, on: Self.today)
            #expect(removed.map(\.entry.cadre.fullName) == ["Nguyễn Văn An"])
            let entry = try await t.services.planning.detail(clerk, id: list.id, today: Self.today).removed.first
            #expect(entry?.removalKind == "low_confidence")
            #expect(entry?.removedReason?.contains("Lấy phiếu tín nhiệm ngày 10/03/2026") == true && entry?.removedReason?.contains("16/30") == true)
            // The cadre's page lists the result.
            let results = try await t.services.votes.results(clerk, cadreId: a.cadre.id)
            #expect(results.map(\.consequence) == [.removal])
        }
    }

    @Test("a later round's result replaces an earlier one's; of two places in a round the worse counts")
    func latestRound() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let list = try await t.services.planning.createList(
                clerk, PlanningListDraft(term: "2026-2031", position: "Chủ tịch UBND", placeCode: "T01-A", managedBy: "provincial"))
            _ = try await t.services.planning.addCandidate(
                clerk, listId: list.id, person: "30000003", addedOn: "2026-01-05", reason: "", today: Self.today)
            let early = try await Self.session(t, round: "2025", on: "2025-12-01", at: "T01-A")
            let s = try await t.services.votes.addPerson(clerk, sessionId: early.id, person: "30000003", position: "Phó Chủ tịch")
            _ = try await t.services.votes.saveTallies(clerk, sessionId: early.id, [Self.tally(s, low: 25)])
            #expect(try await t.services.planning.detail(clerk, id: list.id, today: Self.today).review.count == 1)
            let first = try await Self.session(t, on: "2026-06-01", at: "T01-A")
            let second = try await Self.session(t, unit: "T01-A-C1", on: "2026-06-02", at: "T01-A")
            let x = try await t.services.votes.addPerson(clerk, sessionId: first.id, person: "30000003", position: "Phó Chủ tịch")
            let y = try await t.services.votes.addPerson(clerk, sessionId: second.id, person: "30000003", position: "Đảng viên")
            _ = try await t.services.votes.saveTallies(clerk, sessionId: first.id, [Self.tally(x, low: 2)])
            #expect(try await t.services.planning.detail(clerk, id: list.id, today: Self.today).review.isEmpty)
            _ = try await t.services.votes.saveTallies(clerk, sessionId: second.id, [Self.tally(y, returned: 10, low: 6)])
            let review = try await t.services.planning.detail(clerk, id: list.id, today: Self.today).review
            #expect(review.first?.reasons.first?.message.vi.contains("6/10") == true)
        }
    }

    @Test("ballots are secret: the vote tables hold counts only — no voter, no ballot")
    func secrecy() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let session = try await Self.session(t, at: "T01-A")
            let subject = try await t.services.votes.addPerson(clerk, sessionId: session.id, person: "30000004", position: "Ủy viên")
            _ = try await t.services.votes.saveTallies(clerk, sessionId: session.id, [Self.tally(subject, low: 3)])
            let columns = try await t.db.read { sql in
                [
                    try await sql.raw("SELECT * FROM vote_sessions").first()!.allColumns,
                    try await sql.raw("SELECT * FROM vote_subjects").first()!.allColumns,
                ]
            }
            #expect(
                Set(columns[0]) == [
                    "id", "unit_id", "body_kind", "body_name", "round", "round_key", "held_on", "convened", "present", "note", "version",
                    "created_by",
                    "created_at", "updated_at",
                ])
            #expect(
                Set(columns[1]) == [
                    "id", "session_id", "cadre_id", "position", "ballots_issued", "ballots_returned", "ballots_valid", "ballots_invalid",
                    "votes_high",
                    "votes_medium", "votes_low", "version", "created_by", "created_at", "updated_at",
                ])
            // Taking the person off keeps the line in the session's history.
            try await t.services.votes.removePerson(clerk, sessionId: session.id, subjectId: subject.id)
            #expect(try await t.services.votes.history(clerk, id: session.id).map(\.action) == ["create", "create", "update", "delete"])
        }
    }
}
