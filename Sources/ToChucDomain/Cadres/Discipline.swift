/// The disciplinary measures against a party member (hình thức kỷ luật đảng viên; Điều lệ Đảng, Điều 35; Quy định
/// 22-QĐ/TW 2021), from the lightest. Keys are stored; labels are shown.
public enum DisciplineLevel: String, Sendable, CaseIterable, Codable, Comparable {
    /// Khiển trách (reprimand).
    case reprimand
    /// Cảnh cáo (warning).
    case warning
    /// Cách chức (removal from the posts held in the Party).
    case removalFromPost = "removal_from_post"
    /// Khai trừ (expulsion): membership ends.
    case expulsion

    /// Khiển trách / Cảnh cáo / Cách chức / Khai trừ.
    public var label: Localized { Catalogue.disciplineLevel(self) }

    /// Lighter first.
    public static func < (lhs: DisciplineLevel, rhs: DisciplineLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The key or the Vietnamese label, ignoring case and diacritics (`cảnh cáo`, `CANH CAO`, `warning`).
    public static func parse(_ text: String) -> DisciplineLevel? {
        byFoldedName[VietnameseText.fold(text)]
    }

    private static let byFoldedName: [String: DisciplineLevel] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// How long a discipline bars planning, appointment and candidacy, in months from the decision (DOMAIN.md §3: 12 for
/// khiển trách, 30 for cảnh cáo, 60 for cách chức). Khai trừ has no end: the person is no longer a member.
public struct DisciplineBarPeriods: Sendable, Hashable {
    /// Months barred after khiển trách.
    public let reprimand: Int
    /// Months barred after cảnh cáo.
    public let warning: Int
    /// Months barred after cách chức.
    public let removalFromPost: Int

    /// Periods in months.
    public init(reprimand: Int, warning: Int, removalFromPost: Int) {
        self.reprimand = reprimand
        self.warning = warning
        self.removalFromPost = removalFromPost
    }

    /// The shipped rule set: 12, 30 and 60 months (DOMAIN.md §3; Quy định 22-QĐ/TW 2021). Services pass the periods
    /// in force on the date proposed (`RuleVersions.discipline(on:)`).
    public static let current = DisciplineBarPeriods(RuleBook.shipped(.discipline))

    /// The months of `level`; nil for khai trừ (no end).
    public func months(for level: DisciplineLevel) -> Int? {
        switch level {
        case .reprimand: return reprimand
        case .warning: return warning
        case .removalFromPost: return removalFromPost
        case .expulsion: return nil
        }
    }
}

/// A discipline decided against the person.
public struct DisciplineRecord: Sendable, Hashable {
    /// The measure.
    public let level: DisciplineLevel
    /// The date of the decision (the periods count from it).
    public let decidedOn: CivilDate

    /// A discipline of `level` decided on `decidedOn`.
    public init(level: DisciplineLevel, decidedOn: CivilDate) {
        self.level = level
        self.decidedOn = decidedOn
    }
}

/// After a discipline, no planning, appointment, promotion or candidacy for a period (DOMAIN.md §3; Quy định 22-QĐ/TW
/// 2021): 12 months after khiển trách, 30 after cảnh cáo, 60 after cách chức, counted from the decision like the other
/// calendar periods (Bộ luật Dân sự 2015, Điều 147–148). Khai trừ ends membership: no end to the bar.
public enum Discipline {
    /// The first day the discipline no longer bars: `months` after the decision (khiển trách on 15/03/2024: from
    /// 15/03/2025). Nil for khai trừ.
    public static func eligibleFrom(_ record: DisciplineRecord, periods: DisciplineBarPeriods = .current) -> CivilDate? {
        periods.months(for: record.level).map { record.decidedOn.adding(months: $0) }
    }

    /// The last day barred: the day before `eligibleFrom` (khiển trách on 15/03/2024: up to and including 14/03/2025).
    /// Nil for khai trừ, whose bar has no end.
    public static func barredUntil(_ record: DisciplineRecord, periods: DisciplineBarPeriods = .current) -> CivilDate? {
        eligibleFrom(record, periods: periods).map { $0.adding(days: -1) }
    }

    /// Whether the discipline bars a proposal dated `date`: decided on or before `date`, and `date` before
    /// `eligibleFrom` (always, for khai trừ). A discipline decided after `date` does not bar it.
    public static func bars(_ record: DisciplineRecord, on date: CivilDate, periods: DisciplineBarPeriods = .current) -> Bool {
        guard record.decidedOn <= date else { return false }
        guard let from = eligibleFrom(record, periods: periods) else { return true }
        return date < from
    }

    /// A warning when a discipline bars planning, appointment or promotion proposed for `proposedDate`, naming the
    /// discipline whose bar lasts longest (khai trừ before any other); nil when none bars it.
    public static func check(
        _ records: [DisciplineRecord], proposedDate: CivilDate, periods: DisciplineBarPeriods = .current
    ) -> Localized? {
        let barring = records.filter { bars($0, on: proposedDate, periods: periods) }
        if let expelled = barring.first(where: { $0.level == .expulsion }) {
            return Catalogue.disciplineExpelled(decidedOn: expelled.decidedOn)
        }
        guard
            let binding = barring.max(by: { eligibleFrom($0, periods: periods)! < eligibleFrom($1, periods: periods)! }),
            let months = periods.months(for: binding.level), let until = barredUntil(binding, periods: periods)
        else { return nil }
        return Catalogue.disciplineBarred(binding, months: months, barredUntil: until, proposedDate: proposedDate)
    }
}
