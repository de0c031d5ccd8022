import Testing

@testable import ToChucDomain

/// DOMAIN.md §4, Quy chế bầu cử trong Đảng (Quyết định 190-QĐ/TW 2024): the surplus at most 30% (at most 1 for a body of
/// 3–5), floor and self nominations with more than 30% of the delegates, elected with more than half of the ballots (valid
/// or returned, a setting), the most votes when too many pass, a re-vote among those tied at the last seat.
struct ElectionRulesTests {
    static let rules = ElectionRules(RuleBook.inForce(RuleBook.builtIn, family: .election, on: CivilDate(parsing: "2025-06-01")!)!)
    /// The same rules with the majority counted over the ballots returned.
    static let returnedRules: ElectionRules = {
        var values = RuleBook.inForce(RuleBook.builtIn, family: .election, on: CivilDate(parsing: "2025-06-01")!)!.values
        values["majority_base"] = .choice("returned")
        return ElectionRules(
            RuleSetVersion(family: .election, regulation: "190-QĐ/TW", effectiveFrom: CivilDate(parsing: "2024-10-07")!, title: "x", values: values))
    }()

    static func names(_ n: Int) -> [NomineeEntry] { (1...max(1, n)).prefix(n).map { NomineeEntry(id: "c\($0)", source: .committee) } }

    @Test(
        "the surplus: at most 30% of the seats (31% refused), rounded down; at most 1 for 3–5 seats (and, our reading, for 1–2)",
        arguments: [
            (100, 130, true), (100, 131, false),  // the worked case: a list whose surplus is 31%
            (10, 13, true), (10, 14, false), (6, 7, true), (6, 8, false),  // 30% of 6 is 1.8: one more
            (5, 6, true), (5, 7, false), (3, 4, true), (3, 5, false),  // a small body: at most 1
            (1, 2, true), (1, 3, false), (9, 9, true), (9, 8, true),  // no surplus and a short list are only noted
        ])
    func surplus(seats: Int, names: Int, valid: Bool) {
        let check = Self.rules.checkList(seats: seats, nominees: Self.names(names), delegates: 200)
        #expect(check.isValid == valid, "\(check.problems)")
        #expect(check.surplus == names - seats)
        if seats == 100 && !valid { #expect(check.problems[0].vi.contains("31/100 (31,00%)") && check.problems[0].vi.contains("190-QĐ/TW")) }
        if names == seats { #expect(check.notes.contains(Catalogue.surplusNone)) }
        if names < seats { #expect(check.notes.contains(Catalogue.listShort(names: names, seats: seats))) }
    }

    @Test(
        "a floor or self nomination enters the list only with more than 30% of the delegates: 30 of 100 is not enough, 31 is",
        arguments: [
            (NominationSource.floor, 31, 100, true), (.floor, 30, 100, false), (.selfNominated, 46, 150, true), (.selfNominated, 45, 150, false),
            (.committee, 0, 100, true), (.floor, 1, 0, false),
        ])
    func floorNominees(source: NominationSource, agreed: Int, delegates: Int, admitted: Bool) {
        #expect(Self.rules.admits(NomineeEntry(id: "x", source: source, agreed: agreed), delegates: delegates) == admitted)
        let check = Self.rules.checkList(
            seats: 3, nominees: Self.names(3) + [NomineeEntry(id: "x", source: source, agreed: agreed)], delegates: delegates)
        #expect(check.admitted.contains("x") == admitted && check.refused.contains("x") == !admitted)
    }

    static func count(_ votes: [Int], valid: Int = 100, returned: Int? = nil) -> BallotCount {
        let returned = returned ?? valid
        return BallotCount(
            issued: returned, returned: returned, valid: valid, invalid: returned - valid,
            votes: Dictionary(uniqueKeysWithValues: votes.enumerated().map { ("c\($0.offset + 1)", $0.element) }))
    }

    static func ids(_ n: Int) -> [String] { (1...n).map { "c\($0)" } }

    @Test(
        "the result of a round, by the rules",
        arguments: [
            // A tie at the last seat (3 seats): 80 and 70 elected, 60 and 60 go to a re-vote for the one seat left; 40 is not more than half.
            (3, [80, 70, 60, 60, 40], ["c1", "c2"], ["c3", "c4"], 1, 0),
            // Exactly half is not more than half: one seat stays empty, the body decides.
            (2, [51, 50], ["c1"], [], 0, 1),
            // More pass than there are seats: the most votes win.
            (2, [90, 80, 70], ["c1", "c2"], [], 0, 0),
            // A tie that fits the seats is no tie.
            (3, [80, 70, 70, 40], ["c1", "c2", "c3"], [], 0, 0),
            // Everyone tied for two seats among three.
            (2, [60, 60, 60], [], ["c1", "c2", "c3"], 2, 0),
            // The re-vote among the tied: one seat, the one with more than half wins.
            (1, [55, 45], ["c1"], [], 0, 0),
            // Nobody passes.
            (2, [50, 30, 20], [], [], 0, 2),
        ])
    func result(seats: Int, votes: [Int], elected: [String], tied: [String], tieSeats: Int, seatsLeft: Int) {
        let result = Self.rules.result(seats: seats, candidates: Self.ids(votes.count), count: Self.count(votes))
        #expect(result.elected == elected)
        #expect(Set(result.tied) == Set(tied))
        #expect(result.tieSeats == tieSeats && result.needsRevote == (tieSeats > 0))
        #expect(result.seatsLeft == seatsLeft)
    }

    @Test("every name carries its reason: elected, tied, passed but fewer votes, not more than half")
    func reasons() {
        let result = Self.rules.result(seats: 3, candidates: Self.ids(6), count: Self.count([80, 70, 60, 60, 40, 55]))
        let byId = Dictionary(uniqueKeysWithValues: result.results.map { ($0.id, $0) })
        #expect(byId["c1"]?.outcome == .elected && byId["c1"]?.reason.vi == "80/100 (80,00%) phiếu hợp lệ, quá 1/2.")
        #expect(byId["c3"]?.outcome == .tied && byId["c3"]?.reason.vi.contains("bầu lại") == true)
        #expect(byId["c6"]?.outcome == .passed && byId["c6"]?.reason.vi.contains("ít phiếu hơn") == true)
        #expect(byId["c5"]?.outcome == .notPassed && byId["c5"]?.reason.vi == "40/100 (40,00%) phiếu hợp lệ, không quá 1/2.")
        #expect(result.results.map(\.votes) == [80, 70, 60, 60, 55, 40])
    }

    @Test(
        "the majority's base is a setting: 48 of 90 valid ballots is more than half of them, not of the 100 returned",
        arguments: [(false, true), (true, false)])
    func base(returnedBase: Bool, elected: Bool) {
        let rules = returnedBase ? Self.returnedRules : Self.rules
        let result = rules.result(seats: 1, candidates: ["c1"], count: Self.count([48], valid: 90, returned: 100))
        #expect(result.base == (returnedBase ? 100 : 90))
        #expect(result.elected == (elected ? ["c1"] : []))
    }

    @Test(
        "an impossible count is refused with the field: more returned than issued, valid and invalid apart, too many votes, names or ballots",
        arguments: [
            (BallotCount(issued: 90, returned: 91, valid: 91, invalid: 0, votes: ["a": 50, "b": 40]), "returned"),
            (BallotCount(issued: 100, returned: 100, valid: 95, invalid: 4, votes: ["a": 50, "b": 40]), "valid"),
            (BallotCount(issued: 100, returned: 100, valid: 100, invalid: 0, votes: ["a": 101, "b": 40]), "votes.a"),
            (BallotCount(issued: 100, returned: 100, valid: 100, invalid: 0, votes: ["a": 100, "b": 100]), "votes"),
            (BallotCount(issued: 201, returned: 100, valid: 100, invalid: 0, votes: ["a": 50, "b": 40]), "issued"),
            (BallotCount(issued: 100, returned: 100, valid: 100, invalid: 0, votes: ["a": 50]), "votes.b"),
        ])
    func countProblems(count: BallotCount, field: String) {
        let problems = count.problems(seats: 1, candidates: ["a", "b"], delegates: 200)
        #expect(problems.contains { $0.field == field }, "\(problems.map(\.field))")
        #expect(
            BallotCount(issued: 100, returned: 99, valid: 97, invalid: 2, votes: ["a": 60, "b": 37]).problems(
                seats: 1, candidates: ["a", "b"], delegates: 100
            ).isEmpty)
    }

    @Test("nomination sources read from the key or the Vietnamese label")
    func sources() {
        #expect(NominationSource.parse("self") == .selfNominated && NominationSource.parse("Tự ứng cử") == .selfNominated)
        #expect(NominationSource.parse("dai bieu de cu") == .floor && NominationSource.parse("x") == nil)
    }
}
