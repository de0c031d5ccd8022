/// Party age (tuổi đảng) in full years and months (DOMAIN.md §2).
///
/// It counts from the date of the admission decision, once full membership is recognized, minus the periods the
/// member was out of the Party's life (Điều lệ Đảng, Điều 5; Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021).
public struct PartyAge: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A period without party life: from `from` (the first day out) until `to` (the day the member was back), so
    /// its length is what `from` to `to` measures.
    public typealias Interruption = (from: CivilDate, to: CivilDate)

    /// Full months of party age.
    public let totalMonths: Int

    /// Full years.
    public var years: Int { totalMonths / 12 }
    /// Months beyond the full years (0…11).
    public var months: Int { totalMonths % 12 }

    /// "12 năm 3 tháng" / "12 years 3 months".
    public var label: Localized { Catalogue.partyAge(self) }

    /// `30y0m`, for logs and test output.
    public var description: String { "\(years)y\(months)m" }

    /// A party age of `totalMonths` full months (negative values count as 0).
    public init(totalMonths: Int) {
        self.totalMonths = max(totalMonths, 0)
    }

    /// Party age on `date`; nil while full membership is not recognized (`recognized` false) or before the admission.
    ///
    /// `recognized` is whether the member is, or was, recognized as a full member: a member recognized later counts
    /// from the admission decision all the same. Interruptions are clipped to the admission–`date` span and may
    /// overlap; each one moves the start later by its length in calendar months and days, so a one-year interruption
    /// takes off exactly one year.
    public static func on(
        _ date: CivilDate, admittedOn: CivilDate, recognized: Bool, interruptions: [Interruption] = []
    ) -> PartyAge? {
        guard recognized, date >= admittedOn else { return nil }
        return PartyAge(totalMonths: countedMonths(admittedOn: admittedOn, interruptions: interruptions, on: date))
    }

    /// Shorter party age first.
    public static func < (lhs: PartyAge, rhs: PartyAge) -> Bool { lhs.totalMonths < rhs.totalMonths }

    /// Full months from the admission to `date`, less the interruptions.
    public static func countedMonths(admittedOn: CivilDate, interruptions: [Interruption], on date: CivilDate) -> Int {
        guard date >= admittedOn else { return 0 }
        var start = admittedOn
        for gap in merged(interruptions, from: admittedOn, to: date) {
            let months = gap.from.fullMonths(until: gap.to)
            let days = gap.to.dayNumber - gap.from.adding(months: months).dayNumber
            start = start.adding(months: months).adding(days: days)
        }
        return max(start.fullMonths(until: date), 0)
    }

    /// The interruptions clipped to `[from, to]`, sorted, overlapping ones joined, empty ones dropped.
    static func merged(_ interruptions: [Interruption], from: CivilDate, to: CivilDate) -> [Interruption] {
        let clipped = interruptions.compactMap { gap -> Interruption? in
            let start = max(gap.from, from)
            let end = min(gap.to, to)
            return start < end ? (start, end) : nil
        }
        var result: [Interruption] = []
        for gap in clipped.sorted(by: { $0.from < $1.from }) {
            if let last = result.last, gap.from <= last.to {
                result[result.count - 1] = (last.from, max(last.to, gap.to))
            } else {
                result.append(gap)
            }
        }
        return result
    }
}

/// A badge a member can be given on an award date (Huy hiệu Đảng; Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021,
/// mục 18).
public struct BadgeEligibility: Sendable, Hashable {
    /// How the badge is given.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// The member has reached the milestone.
        case regular
        /// Before the milestone, for a seriously ill member, within the early window.
        case early
        /// To a member who died having reached the milestone, or within the posthumous early window.
        case posthumous

        /// Tặng / Tặng sớm / Truy tặng.
        public var label: Localized { Catalogue.badgeKind(self) }
    }

    /// Years of party age the badge marks (30, 40, 45 … 90).
    public let milestone: Int
    /// Regular, early or posthumous.
    public let kind: Kind

    /// The badge for `milestone` years, given as `kind`.
    public init(milestone: Int, kind: Kind) {
        self.milestone = milestone
        self.kind = kind
    }

    /// "Huy hiệu 30 năm tuổi Đảng".
    public var label: Localized { Catalogue.badge(milestone) }
}

/// Party badges (Huy hiệu Đảng) for 30 to 90 years of party age (DOMAIN.md §2; Quy định 24-QĐ/TW 2021, on the
/// Điều lệ Đảng's badge article; Hướng dẫn 01-HD/TW 2021, mục 18).
public enum Badges {
    /// Years of party age that earn a badge (Hướng dẫn 01-HD/TW 2021, mục 18).
    public static let milestones = [30, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90]

    /// Days badges are usually presented (Hướng dẫn 01-HD/TW 2021, mục 18): 3/2 (the Party's founding), 19/5
    /// (President Hồ Chí Minh's birthday), 2/9 (National Day), 7/11 (the October Revolution).
    public static let ceremonyDays: [(month: Int, day: Int)] = [(2, 3), (5, 19), (9, 2), (11, 7)]

    /// The usual award dates of `year`, in order.
    public static func awardDates(in year: Int) -> [CivilDate] {
        ceremonyDays.compactMap { CivilDate(year: year, month: $0.month, day: $0.day) }
    }

    /// The first milestone the member has not reached; nil past the last one.
    public static func nextMilestone(partyAge: PartyAge) -> Int? {
        milestones.first { $0 * 12 > partyAge.totalMonths }
    }

    /// How many months early a seriously ill member may receive `milestone` (Hướng dẫn 01-HD/TW 2021, mục 18: up to
    /// 12 months for 30–65 years, up to 24 months for 70–90 years): `from70` from the milestone `longFrom`, `upTo65`
    /// below it (the defaults are the shipped `BadgeRules`).
    public static func earlyWindowMonths(
        for milestone: Int, upTo65: Int = BadgeRules.builtIn.earlyMonths, from70: Int = BadgeRules.builtIn.longEarlyMonths,
        longFrom: Int = BadgeRules.builtIn.longEarlyFrom
    ) -> Int {
        milestone >= longFrom ? from70 : upTo65
    }

    /// The badge the member can be given on `awardDate`, or nil.
    ///
    /// - Not recognized as a full member: nil (party age does not count yet).
    /// - Alive on `awardDate`: the highest milestone reached that is above every badge already awarded (`regular`);
    ///   else, when `seriouslyIll`, the next such milestone if it is at most `earlyWindowMonths` away (`early`:
    ///   12 months before the milestone is in, one day more is out).
    /// - Died on or before `awardDate` (`deceasedOn`): party age stops at death; the highest milestone reached then
    ///   and not yet awarded, or the next one if death came at most `posthumousEarlyMonths` before it (Hướng dẫn
    ///   01-HD/TW 2021, mục 18: posthumous early award up to 12 months), is given `posthumous`.
    ///
    /// A member who already holds a badge never gets a lower one. Discipline (a member under discipline waits) is
    /// not checked here: the caller filters those. The windows' defaults are the shipped `BadgeRules`; `BadgeService`
    /// passes those in force on the award date.
    public static func eligibility(
        admittedOn: CivilDate, recognized: Bool, interruptions: [PartyAge.Interruption] = [], awardDate: CivilDate,
        alreadyAwarded: Set<Int> = [], seriouslyIll: Bool = false, deceasedOn: CivilDate? = nil,
        earlyMonthsUpTo65: Int = BadgeRules.builtIn.earlyMonths, earlyMonthsFrom70: Int = BadgeRules.builtIn.longEarlyMonths,
        longEarlyFrom: Int = BadgeRules.builtIn.longEarlyFrom, posthumousEarlyMonths: Int = BadgeRules.builtIn.posthumousEarlyMonths
    ) -> BadgeEligibility? {
        guard recognized else { return nil }
        let deceased = deceasedOn.map { $0 <= awardDate } ?? false
        let reference = deceased ? deceasedOn! : awardDate
        guard reference >= admittedOn else { return nil }
        let age = PartyAge.countedMonths(admittedOn: admittedOn, interruptions: interruptions, on: reference)
        let highestAwarded = alreadyAwarded.max() ?? 0
        let open = milestones.filter { $0 > highestAwarded }
        if let reached = open.last(where: { $0 * 12 <= age }) {
            return BadgeEligibility(milestone: reached, kind: deceased ? .posthumous : .regular)
        }
        guard let next = open.first else { return nil }
        let shortBy = next * 12 - age
        if deceased {
            return shortBy <= posthumousEarlyMonths ? BadgeEligibility(milestone: next, kind: .posthumous) : nil
        }
        if seriouslyIll && shortBy <= earlyWindowMonths(for: next, upTo65: earlyMonthsUpTo65, from70: earlyMonthsFrom70, longFrom: longEarlyFrom) {
            return BadgeEligibility(milestone: next, kind: .early)
        }
        return nil
    }
}

/// Party age from a member's lifecycle events (DOMAIN.md §2; Quy định 24-QĐ/TW 2021, on Điều 5): a member re-admitted
/// counts from the first admission, less the time between leaving the Party (expelled, removed, resigned) and the
/// re-admission.
public enum PartyHistory {
    /// What the count needs of one event: its kind, date and, for a re-admission, the admission date it replaced.
    public struct Event: Sendable, Equatable {
        public let kind: MemberEventKind
        public let on: CivilDate
        public let previousAdmittedOn: CivilDate?

        public init(kind: MemberEventKind, on: CivilDate, previousAdmittedOn: CivilDate? = nil) {
            self.kind = kind
            self.on = on
            self.previousAdmittedOn = previousAdmittedOn
        }
    }

    /// The kinds that end party life (a re-admission may follow).
    static let leaving: Set<MemberEventKind> = [.expelled, .removed, .resigned]

    /// The first admission and the interruptions, from the current admission date and the events in any order.
    public static func counting(admittedOn: CivilDate, events: [Event]) -> (firstAdmitted: CivilDate, interruptions: [PartyAge.Interruption]) {
        let ordered = events.sorted { $0.on < $1.on }
        var first = admittedOn
        var interruptions: [PartyAge.Interruption] = []
        var leftOn: CivilDate? = nil
        for event in ordered {
            if leaving.contains(event.kind) {
                leftOn = event.on
            } else if event.kind == .readmitted {
                if let previous = event.previousAdmittedOn, previous < first { first = previous }
                if let left = leftOn, left < event.on { interruptions.append((left, event.on)) }
                leftOn = nil
            }
        }
        return (first, interruptions)
    }
}
