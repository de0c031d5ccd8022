import Foundation

/// Where a name on an election list comes from (Quy chế bầu cử trong Đảng, Quyết định 190-QĐ/TW 2024).
public enum NominationSource: String, Sendable, CaseIterable, Codable {
    /// Introduced by the outgoing committee (cấp ủy giới thiệu).
    case committee
    /// Proposed from the floor by delegates (đại biểu đề cử).
    case floor
    /// Self-nominated (tự ứng cử).
    case selfNominated = "self"

    public var label: Localized { Catalogue.nominationSource(self) }

    /// Floor and self nominations enter the list only with the delegates' agreement (DOMAIN.md §4).
    public var needsDelegatesAgreement: Bool { self != .committee }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> NominationSource? {
        allCases.first { $0.rawValue == text.trimmed || VietnameseText.fold($0.label.vi) == VietnameseText.fold(text) }
    }
}

/// What an election fills (DOMAIN.md §4): the body, and the title its members hold once the result is approved.
public enum ElectedBody: String, Sendable, CaseIterable, Codable {
    /// The executive committee (Ban Chấp hành, cấp ủy).
    case committee
    /// The standing committee (Ban Thường vụ).
    case standingCommittee = "standing_committee"
    case secretary
    case deputySecretary = "deputy_secretary"
    /// The inspection committee (Ủy ban Kiểm tra).
    case inspectionCommittee = "inspection_committee"
    /// Delegates to the higher level's congress: no position follows from it.
    case delegates

    public var label: Localized { Catalogue.electedBody(self) }
    /// The title written on the positions of those elected ("Ủy viên Ban Chấp hành").
    public var defaultTitle: Localized { Catalogue.electedTitle(self) }
    /// Whether approval writes positions (delegates to a congress hold none).
    public var writesPositions: Bool { self != .delegates }
}

/// Where an election stands.
public enum ElectionStatus: String, Sendable, CaseIterable {
    case open
    /// Approved by the higher level (chuẩn y): the elected hold their positions.
    case approved

    public var label: Localized { Catalogue.electionStatus(self) }
}

/// Why a round is held.
public enum ElectionRoundReason: String, Sendable, CaseIterable {
    /// The first ballot, on the admitted list.
    case first
    /// A re-vote among those tied at the last seat.
    case tie
    /// A further round the body decided on, for seats left empty.
    case again

    public var label: Localized { Catalogue.roundReason(self) }
}

/// A name proposed for the list, as the list check sees it.
public struct NomineeEntry: Sendable, Hashable {
    public let id: String
    public let source: NominationSource
    /// Delegates who agreed to put a floor or self nomination on the list (nil for the committee's names).
    public let agreed: Int?

    public init(id: String, source: NominationSource, agreed: Int? = nil) {
        self.id = id
        self.source = source
        self.agreed = agreed
    }
}

/// The list of an election against the rules, shown before any ballot (Quyết định 190-QĐ/TW): who is on it, the
/// surplus (số dư) and its limit, what blocks the vote and what is only worth a look.
public struct ElectionListCheck: Sendable, Equatable {
    public let seats: Int
    /// The names admitted to the list, in the order given.
    public let admitted: [String]
    /// Floor or self nominations not admitted: too few delegates agreed.
    public let refused: [String]
    /// Names admitted minus seats (negative when the list is short).
    public var surplus: Int { admitted.count - seats }
    /// The largest surplus allowed for this many seats.
    public let maxSurplus: Int
    /// Breaches that block the vote.
    public let problems: [Localized]
    /// What the presidium should know but does not block (no surplus; fewer names than seats).
    public let notes: [Localized]

    public var isValid: Bool { problems.isEmpty }
}

extension ElectionRules {
    /// The largest surplus allowed (Quyết định 190-QĐ/TW): a body of `smallBodyMinSeats`–`smallBodyMaxSeats` seats at
    /// most `smallBodyMaxSurplus`; a larger one `surplusMaxPercent` of its seats, rounded down (30% of 10 is 3, of 6 is 1).
    /// Our reading for fewer seats than a small body (one secretary, two deputies): the percentage would allow no
    /// surplus at all, so the small body's limit applies there too.
    public func maxSurplus(seats: Int) -> Int {
        seats <= smallBodyMaxSeats ? smallBodyMaxSurplus : seats * surplusMaxPercent / 100
    }

    /// Whether `seats` makes a small body (3–5 with the shipped values).
    public func isSmallBody(seats: Int) -> Bool { (smallBodyMinSeats...max(smallBodyMinSeats, smallBodyMaxSeats)).contains(seats) }

    /// Whether a name enters the list: the committee's always; a floor or self nomination only when more than
    /// `floorNomineeMoreThanPercent` of the delegates agreed (compared in integers: 31 of 100 passes 30%, 30 does not).
    public func admits(_ nominee: NomineeEntry, delegates: Int) -> Bool {
        guard nominee.source.needsDelegatesAgreement else { return true }
        guard let agreed = nominee.agreed, delegates > 0 else { return false }
        return agreed * 100 > floorNomineeMoreThanPercent * delegates
    }

    /// The list checked against the rules: the names admitted, the surplus against its limit, and notes.
    public func checkList(seats: Int, nominees: [NomineeEntry], delegates: Int) -> ElectionListCheck {
        let admitted = nominees.filter { admits($0, delegates: delegates) }.map(\.id)
        let refused = nominees.filter { !admits($0, delegates: delegates) }.map(\.id)
        let limit = maxSurplus(seats: seats)
        var problems: [Localized] = []
        var notes: [Localized] = []
        let surplus = admitted.count - seats
        if surplus > limit {
            problems.append(
                seats <= smallBodyMaxSeats
                    ? Catalogue.surplusSmallBody(surplus: surplus, seats: seats, limit: limit, regulation: regulation)
                    : Catalogue.surplusTooLarge(surplus: surplus, seats: seats, percent: surplusMaxPercent, regulation: regulation))
        }
        if surplus == 0 { notes.append(Catalogue.surplusNone) }
        if surplus < 0 { notes.append(Catalogue.listShort(names: admitted.count, seats: seats)) }
        if !refused.isEmpty { notes.append(Catalogue.floorRefused(refused.count, percent: floorNomineeMoreThanPercent)) }
        return ElectionListCheck(seats: seats, admitted: admitted, refused: refused, maxSurplus: limit, problems: problems, notes: notes)
    }
}

/// The paper count of one round (kiểm phiếu): ballots issued, returned, valid, invalid, and the votes of each name.
public struct BallotCount: Sendable, Equatable {
    public let issued: Int
    public let returned: Int
    public let valid: Int
    public let invalid: Int
    /// Votes by candidate id.
    public let votes: [String: Int]

    public init(issued: Int, returned: Int, valid: Int, invalid: Int, votes: [String: Int]) {
        self.issued = issued
        self.returned = returned
        self.valid = valid
        self.invalid = invalid
        self.votes = votes
    }

    /// What makes a count impossible (DOMAIN.md §4): more returned than issued, valid and invalid not adding up to the
    /// returned, more ballots than delegates present, a name with more votes than valid ballots, or more votes in all
    /// than `seats` per valid ballot (a ballot keeping more names than seats is invalid, so no valid one can).
    public func problems(seats: Int, candidates: [String], delegates: Int) -> [FieldError] {
        var errors: [FieldError] = []
        let range = 0...CongressRecordRules.maximumDelegates
        for (field, n) in [("issued", issued), ("returned", returned), ("valid", valid), ("invalid", invalid)] where !range.contains(n) {
            errors.append(FieldError(field, Catalogue.outOfRange(range.lowerBound, range.upperBound)))
        }
        // Out-of-range figures say nothing more (and would overflow the sums below).
        if !errors.isEmpty { return errors }
        if delegates > 0 && issued > delegates { errors.append(FieldError("issued", Catalogue.ballotsAboveDelegates(issued, delegates))) }
        if returned > issued { errors.append(FieldError("returned", Catalogue.ballotsReturnedAboveIssued)) }
        if valid + invalid != returned {
            errors.append(FieldError("valid", Catalogue.ballotsDoNotAddUp(valid: valid, invalid: invalid, returned: returned)))
        }
        var total = 0
        for id in candidates {
            guard let n = votes[id] else {
                errors.append(FieldError("votes." + id, Catalogue.required))
                continue
            }
            if n < 0 || n > valid {
                errors.append(FieldError("votes." + id, Catalogue.votesAboveValid(valid)))
                continue
            }
            total += n
        }
        if total > valid * seats { errors.append(FieldError("votes", Catalogue.votesAboveSeats(total: total, valid: valid, seats: seats))) }
        return errors
    }
}

/// What a round did for one name.
public enum CandidateOutcome: String, Sendable, CaseIterable, Codable {
    case elected
    /// Tied at the last seat: a re-vote among the tied decides.
    case tied
    /// More than the majority, but fewer votes than those elected when more passed than there were seats.
    case passed
    /// Not more than the majority.
    case notPassed = "not_passed"

    public var label: Localized { Catalogue.candidateOutcome(self) }
}

/// One name's result in a round, with the reason in words.
public struct CandidateResult: Sendable, Equatable {
    public let id: String
    public let votes: Int
    public let outcome: CandidateOutcome
    public let reason: Localized
}

/// The result of one round by the rules (Quyết định 190-QĐ/TW): who is elected, who goes to a re-vote, how many seats
/// stay empty.
public struct RoundResult: Sendable, Equatable {
    public let seats: Int
    /// Ballots the majority is counted over (valid or returned, as the rule set says).
    public let base: Int
    public let baseKind: ElectionRules.Base
    /// Every name, most votes first (ties in the list's order).
    public let results: [CandidateResult]
    /// Seats the tied share (a re-vote among them fills these); 0 when there is no tie.
    public let tieSeats: Int
    /// Seats left empty because too few passed: the body decides whether to vote again.
    public let seatsLeft: Int

    public var elected: [String] { results.filter { $0.outcome == .elected }.map(\.id) }
    public var tied: [String] { results.filter { $0.outcome == .tied }.map(\.id) }
    public var needsRevote: Bool { tieSeats > 0 }
}

extension ElectionRules {
    /// The result of a round (DOMAIN.md §4, Quyết định 190-QĐ/TW): elected with more than `electedMoreThan` of the base
    /// (valid or returned ballots); when more pass than there are seats, the most votes win; a tie across the last seat
    /// goes to a re-vote among the tied for the seats left; if too few pass, the seats stay empty until the body decides
    /// on another round. Re-votes follow the same rule.
    public func result(seats: Int, candidates: [String], count: BallotCount) -> RoundResult {
        let base = majorityBase == .valid ? count.valid : count.returned
        let order = Dictionary(uniqueKeysWithValues: candidates.enumerated().map { ($0.element, $0.offset) })
        let ranked = candidates.map { (id: $0, votes: count.votes[$0] ?? 0) }
            .sorted { ($0.votes, -order[$0.id]!) > ($1.votes, -order[$1.id]!) }
        let passing = ranked.filter { electedMoreThan.isExceeded($0.votes, of: base) }
        var outcome: [String: CandidateOutcome] = [:]
        var tieSeats = 0
        var cutoff: Int? = nil
        if seats <= 0 {
            for p in passing { outcome[p.id] = .passed }
        } else if passing.count <= seats {
            for p in passing { outcome[p.id] = .elected }
        } else {
            let last = passing[seats - 1].votes
            cutoff = last
            let above = passing.filter { $0.votes > last }
            let atLast = passing.filter { $0.votes == last }
            if above.count + atLast.count == seats {
                for p in above + atLast { outcome[p.id] = .elected }
            } else {
                for p in above { outcome[p.id] = .elected }
                for p in atLast { outcome[p.id] = .tied }
                tieSeats = seats - above.count
            }
            for p in passing where outcome[p.id] == nil { outcome[p.id] = .passed }
        }
        let share = electedMoreThan.description
        let results = ranked.map { r -> CandidateResult in
            let kind = outcome[r.id] ?? .notPassed
            let reason: Localized
            switch kind {
            case .elected: reason = Catalogue.reasonElected(r.votes, base, share: share, baseKind: majorityBase)
            case .tied: reason = Catalogue.reasonTied(r.votes, seats: tieSeats)
            case .passed: reason = Catalogue.reasonPassedNotElected(r.votes, base, cutoff: cutoff ?? 0, share: share, baseKind: majorityBase)
            case .notPassed: reason = Catalogue.reasonNotPassed(r.votes, base, share: share, baseKind: majorityBase)
            }
            return CandidateResult(id: r.id, votes: r.votes, outcome: kind, reason: reason)
        }
        let filled = outcome.values.filter { $0 == .elected }.count + tieSeats
        return RoundResult(
            seats: seats, base: base, baseKind: majorityBase, results: results, tieSeats: tieSeats, seatsLeft: max(0, seats - filled))
    }
}
