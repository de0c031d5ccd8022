import Testing
import ToChucDomain

/// Confidence votes (lấy phiếu tín nhiệm, DOMAIN.md §4; Quy định 96-QĐ/TW 2023): "the conference needs at least 2/3 of
/// those convened present"; "more than half 'thấp' but less than two thirds → removed from planning for higher posts
/// and considered for leaving the post; two thirds or more 'thấp' → dismissed"; percentages over the ballots returned;
/// "a person is voted on at no more than two places". Thresholds come from the rule set of the session's day.
@Suite struct ConfidenceVoteTests {
    static let rules = ConfidenceVoteRules(RuleBook.inForce(RuleBook.builtIn, family: .confidenceVote, on: CivilDate(year: 2026, month: 3, day: 1)!)!)

    static func tally(returned: Int, low: Int) -> VoteTally {
        VoteTally(issued: returned, returned: returned, valid: returned, invalid: 0, high: returned - low, medium: 0, low: low)
    }

    @Test(
        "96-QĐ/TW: a session votes only with at least 2/3 of those convened present — 27 of 40 does, one short (26) does not",
        arguments: [
            (40, 27, 27, true), (40, 26, 27, false),  // a quorum one short
            (39, 26, 26, true), (39, 25, 26, false),  // exactly 2/3
            (3, 2, 2, true), (3, 1, 2, false), (30, 30, 20, true), (1, 1, 1, true), (1, 0, 1, false),
        ])
    func quorum(convened: Int, present: Int, required: Int, met: Bool) {
        let check = ConfidenceVoting.quorum(convened: convened, present: present, rules: Self.rules)
        #expect(check.required == required)
        #expect(check.isMet == met)
    }

    @Test(
        "96-QĐ/TW: 'thấp' of more than half → out of planning; of two thirds or more → dismissal; exactly half is not more than half",
        arguments: [
            (10, 5, VoteConsequence.none),  // exactly 50%: no consequence
            (10, 6, .removal),
            (30, 15, .none), (30, 16, .removal), (30, 19, .removal),
            (30, 20, .dismissal),  // exactly 2/3: dismissal
            (30, 21, .dismissal), (9, 6, .dismissal), (9, 5, .removal), (3, 2, .dismissal), (2, 1, .none), (1, 1, .dismissal), (0, 0, .none),
        ])
    func consequence(returned: Int, low: Int, expected: VoteConsequence) {
        #expect(ConfidenceVoting.consequence(Self.tally(returned: returned, low: low), rules: Self.rules) == expected)
    }

    @Test("the base is the ballots returned, not those issued: 16 'thấp' of 30 returned (of 35 issued) is more than half")
    func overReturned() {
        let tally = VoteTally(issued: 35, returned: 30, valid: 28, invalid: 2, high: 4, medium: 8, low: 16)
        #expect(ConfidenceVoting.consequence(tally, rules: Self.rules) == .removal)
        #expect(tally.share(.low).label.vi == "16/30 (53,33%)")
        #expect(tally.share(.high).label.vi == "4/30 (13,33%)")
        #expect(tally.planningVote(heldOn: nil, body: nil) == ConfidenceVote(ballots: 30, low: 16))
    }

    @Test("a later regulation's thresholds apply from its date: with 'thấp' over 2/5 removing, 5 of 12 is removal")
    func laterRules() throws {
        let draft = RuleSetDraft(
            family: "confidence_vote", regulation: "200-QĐ/TW", effectiveFrom: "2030-01-01", title: "Quy định mới",
            values: ["quorum": "3/4", "low_removal_more_than": "2/5", "low_dismissal_at_least": "3/5", "max_places": "3"])
        let version = try RuleBook.check(draft, existing: RuleBook.builtIn).get()
        let later = ConfidenceVoteRules(
            try #require(RuleBook.inForce(RuleBook.builtIn + [version], family: .confidenceVote, on: CivilDate(year: 2030, month: 6, day: 1)!)))
        #expect(ConfidenceVoting.consequence(Self.tally(returned: 12, low: 5), rules: later) == .removal)
        #expect(ConfidenceVoting.consequence(Self.tally(returned: 12, low: 5), rules: Self.rules) == .none)
        #expect(
            !ConfidenceVoting.quorum(convened: 40, present: 29, rules: later).isMet
                && ConfidenceVoting.quorum(convened: 40, present: 30, rules: later).isMet)
        #expect(ConfidenceVoting.placesRefusal(name: "A", round: "2030", otherPlaces: 2, rules: later) == nil)
    }

    @Test(
        "a tally is checked as the paper count gives it: issued ≤ present, returned ≤ issued, valid + invalid = returned, levels = valid",
        arguments: [
            (VoteTallyDraft(issued: "30", returned: "30", valid: "29", invalid: "1", high: "20", medium: "6", low: "3"), nil as String?),
            (VoteTallyDraft(issued: "31", returned: "30", valid: "29", invalid: "1", high: "20", medium: "6", low: "3"), "issued"),
            (VoteTallyDraft(issued: "30", returned: "31", valid: "30", invalid: "1", high: "20", medium: "7", low: "3"), "returned"),
            (VoteTallyDraft(issued: "30", returned: "30", valid: "29", invalid: "0", high: "20", medium: "6", low: "3"), "invalid"),
            (VoteTallyDraft(issued: "30", returned: "30", valid: "29", invalid: "1", high: "20", medium: "6", low: "4"), "low"),
            (VoteTallyDraft(issued: "30", returned: "30", valid: "29", invalid: "1", high: "20", medium: "sáu", low: "3"), "medium"),
            (VoteTallyDraft(issued: "30", returned: "", valid: "29", invalid: "1", high: "20", medium: "6", low: "3"), "returned"),
            (VoteTallyDraft(issued: "-1", returned: "0", valid: "0", invalid: "0", high: "0", medium: "0", low: "0"), "issued"),
        ])
    func check(draft: VoteTallyDraft, field: String?) {
        switch ConfidenceVoting.check(draft, name: "Nguyễn Văn A", present: 30, fieldPrefix: "7_") {
        case .success(let tally):
            #expect(field == nil)
            #expect(tally == VoteTally(issued: 30, returned: 30, valid: 29, invalid: 1, high: 20, medium: 6, low: 3))
        case .failure(let error):
            guard case .invalid(_, let errors) = error else { return #expect(Bool(false)) }
            #expect(errors.map(\.field) == ["7_" + (field ?? "")])
            #expect(errors.allSatisfy { $0.message.vi.hasPrefix("Nguyễn Văn A: ") })
        }
    }

    @Test("an empty tally is 'not entered yet'; a stored tally reads back as typed")
    func emptyTally() throws {
        #expect(try ConfidenceVoting.check(VoteTallyDraft(), name: "A", present: 3).get() == nil)
        let tally = VoteTally(issued: 3, returned: 3, valid: 3, invalid: 0, high: 1, medium: 1, low: 1)
        #expect(try ConfidenceVoting.check(VoteTallyDraft(tally), name: "A", present: 3).get() == tally)
    }

    @Test("96-QĐ/TW: no more than two places per round — a third is refused", arguments: [(0, true), (1, true), (2, false), (3, false)])
    func places(others: Int, allowed: Bool) {
        let refusal = ConfidenceVoting.placesRefusal(name: "Trần Văn Bình", round: "2026", otherPlaces: others, rules: Self.rules)
        #expect((refusal == nil) == allowed)
        if let refusal { #expect(refusal.vi.contains("không quá 2 nơi") && refusal.vi.contains("96-QĐ/TW")) }
    }

    @Test("a round is compared without case, accents or extra spaces; the session's own counts are checked")
    func roundsAndSessions() {
        #expect(ConfidenceVoting.roundKey("  Giữa  nhiệm kỳ 2026 ") == ConfidenceVoting.roundKey("giua nhiem ky 2026"))
        #expect(ConfidenceVoting.sessionProblems(convened: 40, present: 27).isEmpty)
        #expect(ConfidenceVoting.sessionProblems(convened: 40, present: 41).map(\.field) == ["present"])
        #expect(ConfidenceVoting.sessionProblems(convened: 0, present: 0).map(\.field) == ["convened"])
    }

    @Test("DOMAIN.md §3: the planning review removes on more than half 'thấp' of the ballots returned, naming the session")
    func planningReason() throws {
        let held = try #require(CivilDate(parsing: "2026-03-10"))
        let tally = VoteTally(issued: 30, returned: 30, valid: 30, invalid: 0, high: 5, medium: 9, low: 16)
        let facts = PlanningReviewFacts(
            birthDate: CivilDate(year: 1980, month: 1, day: 1)!, gender: .male,
            confidenceVote: tally.planningVote(heldOn: held, body: "Ban Chấp hành Đảng bộ xã An Bình"))
        let reasons = Planning.removalReasons(
            facts, termStart: CivilDate(year: 2025, month: 10, day: 1)!, on: CivilDate(year: 2026, month: 6, day: 1)!)
        #expect(reasons.map(\.key) == ["low_confidence"])
        #expect(
            reasons.first?.message.vi
                == "Lấy phiếu tín nhiệm ngày 10/03/2026 (Ban Chấp hành Đảng bộ xã An Bình): số phiếu tín nhiệm thấp 16/30 (53,33%), quá một nửa số phiếu thu về."
        )
        let half = VoteTally(issued: 30, returned: 30, valid: 30, invalid: 0, high: 5, medium: 10, low: 15)
        let stays = PlanningReviewFacts(
            birthDate: CivilDate(year: 1980, month: 1, day: 1)!, gender: .male, confidenceVote: half.planningVote(heldOn: held, body: nil))
        #expect(
            Planning.removalReasons(stays, termStart: CivilDate(year: 2025, month: 10, day: 1)!, on: CivilDate(year: 2026, month: 6, day: 1)!).isEmpty
        )
    }
}
