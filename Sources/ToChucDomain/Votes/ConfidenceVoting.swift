/// Confidence votes (lấy phiếu tín nhiệm, DOMAIN.md §4; Quy định 96-QĐ/TW 2023): the quorum of a session, the paper
/// tally of each person voted on, its percentages over the ballots returned, the consequence, and the limit of places
/// per round. Thresholds come from the rule set in force on the session's date (`ConfidenceVoteRules`); nothing here
/// knows who voted how — a tally is counts only.

/// A level on the ballot: tín nhiệm cao / tín nhiệm / tín nhiệm thấp.
public enum ConfidenceLevel: String, Sendable, CaseIterable, Codable {
    case high
    case medium
    case low

    public var label: Localized { Catalogue.confidenceLevel(self) }
}

/// The body whose members vote (Quy định 96-QĐ/TW: the body that elected or approved the positions): the committee,
/// its standing committee, or a conference of the unit's key cadres.
public enum VoteBodyKind: String, Sendable, CaseIterable, Codable {
    case committee
    case standingCommittee = "standing_committee"
    case conference

    public var label: Localized { Catalogue.voteBodyKind(self) }
}

/// What follows from a person's tally (Quy định 96-QĐ/TW): nothing; more than half "thấp" but less than two thirds —
/// out of the planning for higher posts and considered for leaving the post; two thirds or more — dismissal (miễn
/// nhiệm), moved to other work without waiting for the term to end.
public enum VoteConsequence: String, Sendable, CaseIterable, Codable {
    case none
    case removal
    case dismissal

    public var label: Localized { Catalogue.voteConsequence(self) }
}

/// The counts read from the paper tally for one person (biên bản kiểm phiếu). Ballots are secret: a tally never says
/// who voted how, only how many.
public struct VoteTally: Sendable, Hashable, Codable {
    public let issued: Int
    public let returned: Int
    public let valid: Int
    public let invalid: Int
    public let high: Int
    public let medium: Int
    public let low: Int

    public init(issued: Int, returned: Int, valid: Int, invalid: Int, high: Int, medium: Int, low: Int) {
        self.issued = issued
        self.returned = returned
        self.valid = valid
        self.invalid = invalid
        self.high = high
        self.medium = medium
        self.low = low
    }

    public func count(_ level: ConfidenceLevel) -> Int {
        switch level {
        case .high: return high
        case .medium: return medium
        case .low: return low
        }
    }

    /// A level's share of the ballots returned (DOMAIN.md §4: "each level's count and percentage over the ballots
    /// returned"), exact: `PlanningShare.label` writes it "20/30 (66,66%)".
    public func share(_ level: ConfidenceLevel) -> PlanningShare { PlanningShare(count: count(level), total: returned) }

    /// The tally as the planning review reads it (`Planning.removalReasons`).
    public func planningVote(heldOn: CivilDate?, body: String?) -> ConfidenceVote {
        ConfidenceVote(ballots: returned, low: low, heldOn: heldOn, body: body)
    }
}

/// A tally as typed: seven whole numbers, or all empty for "not entered yet".
public struct VoteTallyDraft: Sendable, Equatable {
    public var issued = ""
    public var returned = ""
    public var valid = ""
    public var invalid = ""
    public var high = ""
    public var medium = ""
    public var low = ""

    public init(
        issued: String = "", returned: String = "", valid: String = "", invalid: String = "", high: String = "", medium: String = "", low: String = ""
    ) {
        self.issued = issued
        self.returned = returned
        self.valid = valid
        self.invalid = invalid
        self.high = high
        self.medium = medium
        self.low = low
    }

    public init(_ tally: VoteTally?) {
        guard let tally else {
            self.init()
            return
        }
        self.init(
            issued: String(tally.issued), returned: String(tally.returned), valid: String(tally.valid), invalid: String(tally.invalid),
            high: String(tally.high), medium: String(tally.medium), low: String(tally.low))
    }

    public var isEmpty: Bool { [issued, returned, valid, invalid, high, medium, low].allSatisfy { $0.trimmed.isEmpty } }

    /// The fields in the order of the paper tally, with their keys.
    public var fields: [(key: String, text: String)] {
        [("issued", issued), ("returned", returned), ("valid", valid), ("invalid", invalid), ("high", high), ("medium", medium), ("low", low)]
    }
}

/// Whether a session may vote: at least the rule's share of those convened present.
public struct QuorumCheck: Sendable, Hashable {
    public let convened: Int
    public let present: Int
    /// The least number present that reaches the quorum (2/3 of 40 is 27).
    public let required: Int
    public let isMet: Bool
}

/// The rules of Quy định 96-QĐ/TW as plain functions.
public enum ConfidenceVoting {
    /// The quorum: `present` reaches `rules.quorum` of `convened`, compared exactly (27 of 40 meets 2/3, 26 does not).
    public static func quorum(convened: Int, present: Int, rules: ConfidenceVoteRules) -> QuorumCheck {
        QuorumCheck(
            convened: convened, present: present, required: rules.quorum.leastReaching(convened),
            isMet: rules.quorum.isReached(present, of: convened))
    }

    /// The consequence of a tally, over the ballots returned and compared exactly: "thấp" reaching
    /// `lowDismissalAtLeast` (2/3: 20 of 30) is dismissal; exceeding `lowRemovalMoreThan` (1/2: 16 of 30, but not 15) is
    /// removal from planning; otherwise none. A tally without ballots returned has none.
    public static func consequence(_ tally: VoteTally, rules: ConfidenceVoteRules) -> VoteConsequence {
        if rules.lowDismissalAtLeast.isReached(tally.low, of: tally.returned) { return .dismissal }
        if rules.lowRemovalMoreThan.isExceeded(tally.low, of: tally.returned) { return .removal }
        return .none
    }

    /// The session's own counts: someone convened, no more present than convened.
    public static func sessionProblems(convened: Int, present: Int) -> [FieldError] {
        var errors: [FieldError] = []
        if convened < 1 { errors.append(FieldError("convened", Catalogue.voteConvenedInvalid)) }
        if present < 0 || present > convened { errors.append(FieldError("present", Catalogue.votePresentInvalid(convened))) }
        return errors
    }

    /// Reads and checks a typed tally for `name` at a session where `present` members were present: nil when every field
    /// is empty (no tally yet). Each ballot is issued to one member present and returned at most once; each returned
    /// ballot is valid or invalid for the person; each valid ballot ticks exactly one level (a ballot ticking none or
    /// more than one for the person is invalid for that person). Errors name `fieldPrefix + key`.
    public static func check(_ draft: VoteTallyDraft, name: String, present: Int, fieldPrefix: String = "") -> Result<VoteTally?, DomainError> {
        if draft.isEmpty { return .success(nil) }
        var errors: [FieldError] = []
        var n: [String: Int] = [:]
        for (key, text) in draft.fields {
            let t = text.trimmed.filter { $0 != "." }
            guard !t.isEmpty, t.count <= 7, t.allSatisfy(\.isASCII), let value = Int(t), value >= 0 else {
                errors.append(FieldError(fieldPrefix + key, Catalogue.voteCountInvalid(name, Catalogue.voteCountLabel(key))))
                continue
            }
            n[key] = value
        }
        guard errors.isEmpty else { return .failure(.invalid(Catalogue.voteTallyRefused, errors)) }
        let tally = VoteTally(
            issued: n["issued"]!, returned: n["returned"]!, valid: n["valid"]!, invalid: n["invalid"]!, high: n["high"]!, medium: n["medium"]!,
            low: n["low"]!)
        if tally.issued > present { errors.append(FieldError(fieldPrefix + "issued", Catalogue.voteIssuedOverPresent(name, tally.issued, present))) }
        if tally.returned > tally.issued {
            errors.append(FieldError(fieldPrefix + "returned", Catalogue.voteReturnedOverIssued(name, tally.returned, tally.issued)))
        }
        if tally.valid + tally.invalid != tally.returned {
            errors.append(FieldError(fieldPrefix + "invalid", Catalogue.voteValidPlusInvalid(name, tally.valid, tally.invalid, tally.returned)))
        }
        if tally.high + tally.medium + tally.low != tally.valid {
            errors.append(FieldError(fieldPrefix + "low", Catalogue.voteLevelsSum(name, tally.high, tally.medium, tally.low, tally.valid)))
        }
        return errors.isEmpty ? .success(tally) : .failure(.invalid(Catalogue.voteTallyRefused, errors))
    }

    /// Refuses a person voted on at `otherPlaces` other sessions of the same round when that already makes the most
    /// places the rules allow (96-QĐ/TW: no more than two): nil when the person may be added.
    public static func placesRefusal(name: String, round: String, otherPlaces: Int, rules: ConfidenceVoteRules) -> Localized? {
        otherPlaces >= rules.maxPlaces
            ? Catalogue.voteTooManyPlaces(name, round: round, places: otherPlaces, maximum: rules.maxPlaces, regulation: rules.regulation) : nil
    }

    /// A round's label (đợt lấy phiếu: "2026", "giữa nhiệm kỳ 2025-2030") as compared: case, accents and spacing ignored.
    public static func roundKey(_ round: String) -> String { VietnameseText.fold(round) }
}
