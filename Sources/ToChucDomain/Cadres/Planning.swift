/// A person in a planning list (quy hoạch cán bộ, DOMAIN.md §3), with what the planning rules need.
public struct PlanningCandidate: Sendable, Hashable {
    /// What identifies the person across lists (card number, national ID or record id).
    public let id: String
    /// The full name, as messages show it.
    public let name: String
    /// The birth date (the retirement roadmap and the "young" share use it).
    public let birthDate: CivilDate
    /// The gender (the retirement roadmap and the share of women use it).
    public let gender: Gender
    /// Whether the person belongs to an ethnic minority (`Ethnicity.isMinority`).
    public let isEthnicMinority: Bool

    /// A candidate.
    public init(id: String, name: String, birthDate: CivilDate, gender: Gender, isEthnicMinority: Bool = false) {
        self.id = id
        self.name = name
        self.birthDate = birthDate
        self.gender = gender
        self.isEthnicMinority = isEthnicMinority
    }
}

/// The people planned for one position in one term (DOMAIN.md §3).
public struct PlanningList: Sendable, Hashable {
    /// The planned position (chức danh quy hoạch), as messages show it: "Bí thư Tỉnh ủy".
    public let position: String
    /// The people planned, in the list's order.
    public let candidates: [PlanningCandidate]

    /// A list for `position`.
    public init(position: String, candidates: [PlanningCandidate]) {
        self.position = position
        self.candidates = candidates
    }

    /// The problems of this list on its own, one message each (Quy định 377-QĐ/TW 2025; before it Quy định 50-QĐ/TW
    /// 2021): more than `maxPerPosition` people; a person listed twice; a person without a full term of working age
    /// left at the start of the term — fewer than `requiredMonths` full months from `termStart` to the retirement
    /// time (`Retirement.schedule`). Empty when the list is valid. `regulation` is the one the messages cite.
    public func problems(
        termStart: CivilDate, maxPerPosition: Int = PlanningRules.builtIn.maxPerPosition,
        requiredMonths: Int = PlanningRules.builtIn.workingAgeMonths, rule: RetirementRule = .current,
        regulation: String = PlanningRules.builtIn.regulation
    ) -> [Localized] {
        var problems: [Localized] = []
        let distinct = Planning.distinct(candidates)
        if distinct.count > maxPerPosition {
            problems.append(
                Catalogue.planningListTooLong(position: position, count: distinct.count, maximum: maxPerPosition, regulation: regulation))
        }
        var seen: Set<String> = []
        var reported: Set<String> = []
        for candidate in candidates {
            let isRepeat = !seen.insert(candidate.id).inserted
            if isRepeat && reported.insert(candidate.id).inserted {
                problems.append(Catalogue.planningDuplicate(name: candidate.name, position: position))
            }
        }
        for candidate in distinct {
            let schedule = Retirement.schedule(birthDate: candidate.birthDate, gender: candidate.gender, rule: rule)
            let left = schedule.monthsOfWorkLeft(on: termStart)
            if left < requiredMonths {
                problems.append(
                    Catalogue.planningNoFullTerm(
                        candidate, position: position, monthsLeft: left, termStart: termStart, retiresOn: schedule.retiresOn,
                        requiredMonths: requiredMonths))
            }
        }
        return problems
    }
}

/// The structure targets of a planning list (DOMAIN.md §3; Quy định 377-QĐ/TW 2025): women at least 25%, young
/// cadres at least 15%, ethnic minorities reported against a target when there is one. Percentages are whole numbers.
/// The defaults are the shipped rule set's (`PlanningRules.builtIn`); services take `PlanningRules.targets(central:)`
/// of the version in force.
public struct PlanningTargets: Sendable, Hashable {
    /// The least share of women, in percent.
    public let womenPercent: Int
    /// The least share of young cadres, in percent.
    public let youngPercent: Int
    /// "Young" is under this age in full years: 40 for planning at province level and below, 45 for the Centre.
    public let youngAgeLimit: Int
    /// The least share of ethnic minorities, in percent; nil when the share is only reported.
    public let ethnicMinorityPercent: Int?

    /// Targets; the defaults are those of province-level planning.
    public init(
        womenPercent: Int = PlanningRules.builtIn.womenPercent, youngPercent: Int = PlanningRules.builtIn.youngPercent,
        youngAgeLimit: Int = PlanningRules.builtIn.youngUnderProvince, ethnicMinorityPercent: Int? = nil
    ) {
        self.womenPercent = womenPercent
        self.youngPercent = youngPercent
        self.youngAgeLimit = youngAgeLimit
        self.ethnicMinorityPercent = ethnicMinorityPercent
    }

    /// Province level and below: young is under 40.
    public static let province = PlanningRules.builtIn.targets(central: false)
    /// Planning of the Central Committee's posts: young is under 45.
    public static let central = PlanningRules.builtIn.targets(central: true)
}

/// A part of a planning list as an exact fraction (`count` of `total`).
public struct PlanningShare: Sendable, Hashable {
    /// The people in the group.
    public let count: Int
    /// The people in the list.
    public let total: Int

    /// A share of `count` out of `total`.
    public init(count: Int, total: Int) {
        self.count = count
        self.total = total
    }

    /// The share in hundredths of a percent, truncated like `VietnameseFormat.ratio` (1/3 → 3333, i.e. 33,33%; a
    /// share short of a target never shows as reaching it); 0 for an empty list.
    public var hundredthsOfPercent: Int { total > 0 ? count * 10_000 / total : 0 }

    /// Whether the share is at least `percent` percent, compared exactly (`count × 100 ≥ percent × total`): 1 of 4
    /// meets 25%, 2 of 9 does not. An empty list meets no target.
    public func meets(percent: Int) -> Bool { total > 0 && count * 100 >= percent * total }

    /// "1/4 (25,00%)" / "1/4 (25.00%)".
    public var label: Localized {
        Localized(vi: VietnameseFormat.ratio(count, total), en: EnglishFormat.ratio(count, total))
    }
}

/// The make-up of a planning list against its targets (DOMAIN.md §3). Counts are exact; `PlanningShare` gives the
/// percentages, truncated to two decimals for display, while targets are checked on the exact fractions.
public struct PlanningStructure: Sendable, Hashable {
    /// The distinct people counted.
    public let total: Int
    /// Women.
    public let women: PlanningShare
    /// Young cadres: under `targets.youngAgeLimit` full years on the date the structure was computed for.
    public let young: PlanningShare
    /// Ethnic minorities.
    public let ethnicMinority: PlanningShare
    /// The targets compared against.
    public let targets: PlanningTargets

    /// A structure from its counts.
    public init(total: Int, women: Int, young: Int, ethnicMinority: Int, targets: PlanningTargets) {
        self.total = total
        self.women = PlanningShare(count: women, total: total)
        self.young = PlanningShare(count: young, total: total)
        self.ethnicMinority = PlanningShare(count: ethnicMinority, total: total)
        self.targets = targets
    }

    /// The share of women reaches its target.
    public var womenMet: Bool { women.meets(percent: targets.womenPercent) }
    /// The share of young cadres reaches its target.
    public var youngMet: Bool { young.meets(percent: targets.youngPercent) }
    /// The share of ethnic minorities reaches its target; nil when there is no target (report only).
    public var ethnicMinorityMet: Bool? { targets.ethnicMinorityPercent.map { ethnicMinority.meets(percent: $0) } }

    /// One message per target not met (or one saying the list is empty); empty when every target is met.
    public var problems: [Localized] {
        guard total > 0 else { return [Catalogue.planningEmpty] }
        var problems: [Localized] = []
        if !womenMet { problems.append(Catalogue.planningWomenShort(women, target: targets.womenPercent)) }
        if !youngMet {
            problems.append(Catalogue.planningYoungShort(young, target: targets.youngPercent, ageLimit: targets.youngAgeLimit))
        }
        if let target = targets.ethnicMinorityPercent, ethnicMinorityMet == false {
            problems.append(Catalogue.planningEthnicMinorityShort(ethnicMinority, target: target))
        }
        return problems
    }
}

/// A confidence vote on a planned cadre (lấy phiếu tín nhiệm): how many ballots, how many of them "thấp" (low).
public struct ConfidenceVote: Sendable, Hashable {
    /// The number the share is taken of: the ballots returned (DOMAIN.md §4).
    public let ballots: Int
    /// The ballots rating confidence low (tín nhiệm thấp).
    public let low: Int
    /// The day of the session, when the vote comes from a recorded session (`VoteTally.planningVote`).
    public let heldOn: CivilDate?
    /// The body that voted, as messages name it.
    public let body: String?

    /// A vote result.
    public init(ballots: Int, low: Int, heldOn: CivilDate? = nil, body: String? = nil) {
        self.ballots = ballots
        self.low = low
        self.heldOn = heldOn
        self.body = body
    }
}

/// What the annual review of a planning must know about a planned person (DOMAIN.md §3).
public struct PlanningReviewFacts: Sendable, Hashable {
    /// The birth date.
    public let birthDate: CivilDate
    /// The gender.
    public let gender: Gender
    /// When the person was put in the planning, if known.
    public let plannedOn: CivilDate?
    /// The disciplines decided against the person (any date; `Planning.removalReasons` picks those that count).
    public let disciplines: [DisciplineRecord]
    /// The conclusion of the political-standard vetting: true meets, false does not, nil not concluded.
    public let meetsPoliticalStandard: Bool?
    /// The latest confidence vote, if any.
    public let confidenceVote: ConfidenceVote?

    /// Facts; only the birth date and gender are required.
    public init(
        birthDate: CivilDate, gender: Gender, plannedOn: CivilDate? = nil, disciplines: [DisciplineRecord] = [],
        meetsPoliticalStandard: Bool? = nil, confidenceVote: ConfidenceVote? = nil
    ) {
        self.birthDate = birthDate
        self.gender = gender
        self.plannedOn = plannedOn
        self.disciplines = disciplines
        self.meetsPoliticalStandard = meetsPoliticalStandard
        self.confidenceVote = confidenceVote
    }
}

/// Why a person is taken out of a planning automatically (DOMAIN.md §3). Keys are stored; messages are shown.
public enum PlanningRemovalReason: Sendable, Hashable {
    /// Fewer than a full term of working age left, counted from `from`.
    case ageLimit(monthsLeft: Int, from: CivilDate, retiresOn: CivilDate, requiredMonths: Int)
    /// A discipline of khiển trách or worse.
    case discipline(DisciplineRecord)
    /// The vetting concluded that the person does not meet the political standard.
    case politicalStandard
    /// More than half of the ballots rated confidence low.
    case lowConfidence(ConfidenceVote)

    /// `age_limit`, `discipline`, `political_standard`, `low_confidence`.
    public var key: String {
        switch self {
        case .ageLimit: return "age_limit"
        case .discipline: return "discipline"
        case .politicalStandard: return "political_standard"
        case .lowConfidence: return "low_confidence"
        }
    }

    /// A short name of the reason, for a column: "Không còn đủ tuổi quy hoạch", "Bị kỷ luật"…
    public var label: Localized { Catalogue.planningRemovalLabel(self) }

    /// What happened, with the numbers.
    public var message: Localized { Catalogue.planningRemoval(self) }
}

/// The planning rules of DOMAIN.md §3 (Quy định 377-QĐ/TW 2025; before it Quy định 50-QĐ/TW 2021) as pure functions.
/// Thresholds and the regulation cited are parameters whose defaults are the shipped rule set (`PlanningRules.builtIn`);
/// `PlanningService` passes the version in force on the date it judges (the addition's date, the review's date).
public enum Planning {
    /// The problems of all the lists of one level for one term, one message each: every list's own problems
    /// (`PlanningList.problems`), then every person in the lists of more than `maxPositionsPerPerson` positions.
    public static func problems(
        lists: [PlanningList], termStart: CivilDate, maxPerPosition: Int = PlanningRules.builtIn.maxPerPosition,
        maxPositionsPerPerson: Int = PlanningRules.builtIn.maxPositionsPerPerson, requiredMonths: Int = PlanningRules.builtIn.workingAgeMonths,
        rule: RetirementRule = .current, regulation: String = PlanningRules.builtIn.regulation
    ) -> [Localized] {
        var problems = lists.flatMap {
            $0.problems(termStart: termStart, maxPerPosition: maxPerPosition, requiredMonths: requiredMonths, rule: rule, regulation: regulation)
        }
        var positionsByPerson: [String: [String]] = [:]
        var order: [PlanningCandidate] = []
        for list in lists {
            for candidate in distinct(list.candidates) {
                if positionsByPerson[candidate.id] == nil { order.append(candidate) }
                if positionsByPerson[candidate.id, default: []].contains(list.position) { continue }
                positionsByPerson[candidate.id, default: []].append(list.position)
            }
        }
        for candidate in order {
            let positions = positionsByPerson[candidate.id] ?? []
            if positions.count > maxPositionsPerPerson {
                problems.append(
                    Catalogue.planningTooManyPositions(
                        name: candidate.name, positions: positions, maximum: maxPositionsPerPerson, regulation: regulation))
            }
        }
        return problems
    }

    /// The structure of `candidates` (each person once, by `id`) on `date` — the date ages are counted at, e.g. the
    /// approval of the planning — against `targets`.
    public static func structure(
        _ candidates: [PlanningCandidate], on date: CivilDate, targets: PlanningTargets = .province
    ) -> PlanningStructure {
        let people = distinct(candidates)
        return PlanningStructure(
            total: people.count,
            women: people.filter { $0.gender == .female }.count,
            young: people.filter { $0.birthDate.fullYears(until: date) < targets.youngAgeLimit }.count,
            ethnicMinority: people.filter(\.isEthnicMinority).count,
            targets: targets)
    }

    /// Why the person must leave the planning on `date` (DOMAIN.md §3), in this order; empty when none applies:
    /// - fewer than `requiredMonths` full months of working age left, counted from the start of the term or, once the
    ///   term has begun, from `date` (a first appointment then needs a full term from its own date; `Retirement`);
    /// - a discipline of khiển trách or worse, decided on or after `plannedOn` (up to `date`), or one still barring
    ///   planning on `date` (`Discipline.bars`);
    /// - the vetting concluded the political standard is not met;
    /// - a confidence vote in which the low ballots exceed `lowShare` of the ballots: more than half, so 5 of 10 stays
    ///   and 6 of 10 leaves.
    public static func removalReasons(
        _ facts: PlanningReviewFacts, termStart: CivilDate, on date: CivilDate, requiredMonths: Int = PlanningRules.builtIn.workingAgeMonths,
        lowShare: (numerator: Int, denominator: Int) = (1, 2), disciplinePeriods: DisciplineBarPeriods = .current,
        rule: RetirementRule = .current
    ) -> [PlanningRemovalReason] {
        var reasons: [PlanningRemovalReason] = []
        let schedule = Retirement.schedule(birthDate: facts.birthDate, gender: facts.gender, rule: rule)
        let from = max(termStart, date)
        let left = schedule.monthsOfWorkLeft(on: from)
        if left < requiredMonths {
            reasons.append(.ageLimit(monthsLeft: left, from: from, retiresOn: schedule.retiresOn, requiredMonths: requiredMonths))
        }
        let counted = facts.disciplines.filter { record in
            guard record.decidedOn <= date else { return false }
            if let planned = facts.plannedOn, record.decidedOn >= planned { return true }
            return Discipline.bars(record, on: date, periods: disciplinePeriods)
        }
        reasons.append(contentsOf: counted.sorted { ($0.decidedOn, $0.level) < ($1.decidedOn, $1.level) }.map { .discipline($0) })
        if facts.meetsPoliticalStandard == false { reasons.append(.politicalStandard) }
        if let vote = facts.confidenceVote, vote.ballots > 0, vote.low * lowShare.denominator > vote.ballots * lowShare.numerator {
            reasons.append(.lowConfidence(vote))
        }
        return reasons
    }

    /// Each person once, by `id`, in the order of first appearance.
    static func distinct(_ candidates: [PlanningCandidate]) -> [PlanningCandidate] {
        var seen: Set<String> = []
        return candidates.filter { seen.insert($0.id).inserted }
    }
}
