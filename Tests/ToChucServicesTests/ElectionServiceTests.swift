import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 6, elections (Quyết định 190-QĐ/TW; DOMAIN.md §4): the list checked before any ballot, the paper count per
/// round, the re-vote of the tied, and the higher level's approval writing the elected into the unit's positions.
@Suite struct ElectionServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 6, day: 30)!

    static let people = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Đỗ Văn Phúc"]

    /// The tree, six full members in T01-A-C1 (cards 3000000n), one probationary, and T01-A's 2025–2030 congress.
    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        for (index, name) in people.enumerated() {
            _ = try await t.services.members.create(cli, MemberTests.draft(name, card: "3000000\(index + 1)"), today: today)
        }
        _ = try await t.services.members.create(
            cli, MemberTests.draft("Vũ Văn Giang", card: "30000009", status: "probationary", admitted: "2025-01-10", recognized: ""), today: today)
        _ = try await t.services.congresses.save(
            cli, unitCode: "T01-A", term: "2025-2030", CongressDraft(term: "2025-2030", heldOn: "2025-05-20", delegates: "100"), expectedVersion: 0,
            today: today)
    }

    static func election(_ t: TestDatabase, seats: Int = 3) async throws -> ElectionRecord {
        var draft = ElectionDraft()
        draft.unitCode = "T01-A"
        draft.congressTerm = "2025-2030"
        draft.body = "committee"
        draft.heldOn = "2025-05-20"
        draft.seats = String(seats)
        draft.delegates = "100"
        return try await t.services.elections.create(try await t.principal(.clerk, at: "T01-A"), draft, today: today)
    }

    static func add(
        _ t: TestDatabase, _ election: ElectionRecord, _ n: Int, source: String = "committee", agreed: String = ""
    ) async throws
        -> ElectionCandidate
    {
        try await t.services.elections.addCandidate(
            try await t.principal(.clerk, at: "T01-A"), electionId: election.id, person: "3000000\(n)", source: source, agreed: agreed)
    }

    static func count(_ t: TestDatabase, _ id: Int64, _ votes: [Int64: Int], valid: Int = 100) async throws -> ElectionDetail {
        try await t.services.elections.enterCount(
            try await t.principal(.clerk, at: "T01-A"), electionId: id, issued: 100, returned: 100, valid: valid, invalid: 100 - valid, votes: votes,
            expectedVersion: nil)
    }

    @Test("the list: full members only, floor nominations need more than 30% of the delegates, a surplus over the limit blocks the count")
    func list() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let election = try await Self.election(t)
            #expect(election.title == "Ủy viên Ban Chấp hành" && election.congressTerm?.key == "2025-2030")
            for n in 1...4 { _ = try await Self.add(t, election, n) }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("member_number", Catalogue.electionNotFullMember)])) {
                try await Self.add(t, election, 9)
            }
            await #expect(
                throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("member_number", Catalogue.electionAlreadyListed("Nguyễn Văn An"))])
            ) {
                try await Self.add(t, election, 1)
            }
            // 30 of 100 delegates is not more than 30%: noted, kept off the list.
            let floor = try await Self.add(t, election, 5, source: "floor", agreed: "30")
            var detail = try await t.services.elections.detail(Self.cli, id: election.id)
            #expect(detail.listCheck.admitted.count == 4 && detail.listCheck.refused == [String(floor.id)] && detail.listCheck.isValid)
            #expect(detail.stage == .listing && detail.approvingLevel == .provincial)
            // A fifth name from the committee: a surplus of 2 for 3 seats.
            _ = try await Self.add(t, election, 6)
            detail = try await t.services.elections.detail(Self.cli, id: election.id)
            #expect(!detail.listCheck.isValid && detail.listCheck.problems[0].vi.contains("không quá 1"))
            let ids = detail.listCheck.admitted.compactMap { Int64($0) }
            do {
                _ = try await Self.count(t, election.id, Dictionary(uniqueKeysWithValues: ids.map { ($0, 50) }))
                Issue.record("a count was accepted on a list breaking the rules")
            } catch DomainError.invalid(let message, _) {
                #expect(message == Catalogue.electionListBreaksRules)
            }
            // A member of another commune is not a member of T01-A's organization, even for someone who sees both.
            _ = try await t.services.members.create(Self.cli, MemberTests.draft("Mai Văn Hậu", card: "30000008", unit: "T01-B-C1"), today: Self.today)
            await #expect(
                throws: DomainError.invalid(
                    Catalogue.invalidInput, [FieldError("member_number", Catalogue.electionMemberOutside("Đảng bộ xã An Bình"))])
            ) {
                try await t.services.elections.addCandidate(Self.cli, electionId: election.id, person: "30000008", source: "committee", agreed: "")
            }
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.electionNotFound)) {
                try await t.services.elections.detail(sibling, id: election.id)
            }
        }
    }

    @Test("a tie at the last seat: the re-vote among the tied fills it; approval waits for it; then the higher level approves")
    func tieRevoteAndApproval() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let election = try await Self.election(t)
            var ids: [Int64] = []
            for n in 1...4 { ids.append(try await Self.add(t, election, n).id) }
            // An impossible count is refused and names the field.
            do {
                _ = try await Self.count(t, election.id, [ids[0]: 101, ids[1]: 70, ids[2]: 60, ids[3]: 60])
                Issue.record("an impossible count was accepted")
            } catch DomainError.invalid(_, let errors) {
                #expect(errors.contains { $0.field == "votes.\(ids[0])" })
            }
            var detail = try await Self.count(t, election.id, [ids[0]: 80, ids[1]: 70, ids[2]: 60, ids[3]: 60])
            #expect(detail.stage == .revote(seats: 1, candidates: [ids[2], ids[3]]))
            #expect(detail.elected.map(\.id) == [ids[0], ids[1]])
            await #expect(throws: DomainError.invalid(Catalogue.electionListClosed, [FieldError("member_number", Catalogue.electionListClosed)])) {
                try await Self.add(t, election, 5)
            }
            let province = try await t.principal(.head, at: "T01")
            do {
                _ = try await t.services.elections.approve(
                    province, electionId: election.id, approvalNo: "12-QĐ/TU", approvedOn: "2025-06-01", today: Self.today)
                Issue.record("approved with a tie pending")
            } catch DomainError.invalid(_, let errors) {
                #expect(errors.contains { $0.message == Catalogue.electionTiePending })
            }
            detail = try await t.services.elections.nextRound(try await t.principal(.clerk, at: "T01-A"), electionId: election.id)
            #expect(detail.rounds.count == 2 && detail.rounds[1].round.reason == .tie && detail.rounds[1].round.seats == 1)
            #expect(detail.stage == .counting(round: 2))
            detail = try await Self.count(t, election.id, [ids[2]: 58, ids[3]: 42])
            #expect(detail.stage == .complete && detail.elected.map(\.id) == [ids[0], ids[1], ids[2]])

            // Approval is the higher level's: not a clerk, not the unit's own head.
            await #expect(throws: DomainError.forbidden(Catalogue.approveNeedsHead)) {
                try await t.services.elections.approve(
                    try await t.principal(.clerk, at: "T01"), electionId: election.id, approvalNo: "12-QĐ/TU", approvedOn: "2025-06-01",
                    today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.electionApprovalAbove)) {
                try await t.services.elections.approve(
                    try await t.principal(.head, at: "T01-A"), electionId: election.id, approvalNo: "12-QĐ/TU", approvedOn: "2025-06-01",
                    today: Self.today)
            }
            detail = try await t.services.elections.approve(
                province, electionId: election.id, approvalNo: "12-QĐ/TU", approvedOn: "2025-06-01", today: Self.today)
            #expect(detail.stage == .approved && detail.election.approvalNo == "12-QĐ/TU")
            // Each elected person now holds the post at T01-A from the election's day, by an approved election decision.
            for person in detail.elected {
                let cadreId = try #require(person.cadreId)
                let profile = try await t.services.cadres.profile(Self.cli, id: cadreId, today: Self.today)
                let post = try #require(profile.positions.first { $0.place.code == "T01-A" })
                #expect(
                    post.title == "Ủy viên Ban Chấp hành" && post.startKind == .elected && post.startedOn == CivilDate(year: 2025, month: 5, day: 20))
                #expect(post.managedBy == .provincial && post.approvedOn == CivilDate(year: 2025, month: 6, day: 1))
                #expect(profile.decisions.contains { $0.kind == .election && $0.status == .approved && $0.decisionNo == "12-QĐ/TU" })
            }
            let approvals = try await t.services.decisions.approvalCounts(
                Self.cli, unitCode: "T01", from: CivilDate(year: 2025, month: 1, day: 1)!, to: CivilDate(year: 2025, month: 12, day: 31)!)
            #expect(approvals.byLevel[.provincial] == 3)
            await #expect(throws: DomainError.invalid(Catalogue.electionApproved, [FieldError("status", Catalogue.electionApproved)])) {
                try await Self.count(t, election.id, [ids[2]: 58, ids[3]: 42])
            }
            let history = try await t.services.elections.history(Self.cli, id: election.id)
            #expect(history.map(\.action) == ["create", "update", "update", "update", "update", "count", "round", "count", "approve"])
        }
    }

    @Test("too few pass: the seats stay empty; the body may vote again among those not elected, or the result is approved as it stands")
    func anotherRound() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let election = try await Self.election(t, seats: 2)
            var ids: [Int64] = []
            for n in 1...3 { ids.append(try await Self.add(t, election, n).id) }
            // Exactly half (50 of 100 valid) is not more than half.
            var detail = try await Self.count(t, election.id, [ids[0]: 70, ids[1]: 50, ids[2]: 40])
            #expect(detail.stage == .seatsLeft(1) && detail.elected.map(\.id) == [ids[0]])
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate_ids", Catalogue.electionRoundCandidates)])) {
                try await t.services.elections.nextRound(try await t.principal(.clerk, at: "T01-A"), electionId: election.id, candidateIds: [ids[0]])
            }
            detail = try await t.services.elections.nextRound(
                try await t.principal(.clerk, at: "T01-A"), electionId: election.id, candidateIds: [ids[1], ids[2]])
            #expect(detail.rounds[1].round.reason == .again && detail.rounds[1].round.candidateIds == [ids[1], ids[2]])
            detail = try await Self.count(t, election.id, [ids[1]: 45, ids[2]: 30])
            #expect(detail.stage == .seatsLeft(1))
            detail = try await t.services.elections.approve(
                try await t.principal(.head, at: "T01"), electionId: election.id, approvalNo: "15-QĐ/TU", approvedOn: "", today: Self.today)
            #expect(detail.stage == .approved && detail.elected.count == 1)
        }
    }
}
