/// One position a cadre holds or held (DOMAIN.md §3, positions held; INTERCHANGE.md positions.csv), as the cadre rules
/// need it.
public struct CadrePosition: Sendable, Hashable {
    /// What identifies the unit (its id or code): positions at the same `unit` are "the same locality or unit".
    public let unit: String
    /// The unit's name as messages show it; empty for "this unit".
    public let unitName: String
    /// The title (Bí thư, Chủ tịch UBND, Giám đốc Sở…), as messages show it.
    public let title: String
    /// Whether the title is the head (người đứng đầu) of the unit: Bí thư, Chủ tịch, Giám đốc, Trưởng ban…
    public let isHead: Bool
    /// The first day in the post.
    public let start: CivilDate
    /// The last day in the post (counted); nil while the post is held.
    public let end: CivilDate?

    /// A position; `end` is the last day in the post, nil while it is held.
    public init(unit: String, unitName: String = "", title: String, isHead: Bool, start: CivilDate, end: CivilDate? = nil) {
        self.unit = unit
        self.unitName = unitName
        self.title = title
        self.isHead = isHead
        self.start = start
        self.end = end
    }
}

/// An unbroken stretch as head of one unit, up to a date (`CadreRules.headRuns`).
public struct HeadRun: Sendable, Hashable {
    /// The unit's id or code.
    public let unit: String
    /// The unit's name (of the latest position of the run), or empty.
    public let unitName: String
    /// The title of the latest position of the run.
    public let title: String
    /// The first day of the run.
    public let start: CivilDate
    /// The last day of the run; nil when the run is still going on the date it was computed for.
    public let lastDay: CivilDate?
    /// Full months from `start` to the end of the run: to the day after `lastDay`, or to the date the run was
    /// computed for. Gaps inside the run count.
    public let months: Int

    /// Whether the person is still head of the unit on the date the run was computed for.
    public var isCurrent: Bool { lastDay == nil }
}

/// Rules on the posts a cadre holds (DOMAIN.md §3, "limits to check and warn about"). Each returns nil when the
/// numbers are fine, or a warning (`Localized`) that says what the numbers are and what the rule asks. Thresholds and
/// the regulation cited are parameters whose defaults are the shipped rule sets (`HeadTenureRules.builtIn`,
/// `AppointmentRules.builtIn`); `CadreService` passes the versions in force on the date each check judges.
public enum CadreRules {
    // MARK: - Head of the same unit (Quy định 65-QĐ/TW 2022)

    /// The stretches as head of one unit up to `date` (positions starting after `date` are ignored, ends after it are
    /// cut at it), in order of their start.
    ///
    /// Head positions at the same `unit` join into one run when they overlap, touch (the next starts the day after the
    /// last day) or leave a gap of at most `maximumGapDays` days between the last day of one and the first day of the
    /// next: a post left vacant for a few weeks between two terms — the congress or the re-appointment decision comes
    /// late — does not break "consecutive terms". The gap days count in the run's length. A change of head title
    /// at the same unit (Chủ tịch then Bí thư) does not break the run either.
    public static func headRuns(_ positions: [CadrePosition], on date: CivilDate, maximumGapDays: Int = 90) -> [HeadRun] {
        // A position whose last day is before its first is a data error: left out rather than guessed.
        let heads = positions.filter { position in
            position.isHead && position.start <= date && (position.end.map { $0 >= position.start } ?? true)
        }
        var runs: [HeadRun] = []
        for unit in Set(heads.map(\.unit)) {
            let ordered = heads.filter { $0.unit == unit }.sorted { ($0.start, $0.end ?? date) < ($1.start, $1.end ?? date) }
            var first = ordered[0]
            var latest = ordered[0]
            var endsAfter = exclusiveEnd(ordered[0], on: date)
            func close() {
                let current = endsAfter > date
                let until = min(endsAfter, date)
                runs.append(
                    HeadRun(
                        unit: unit, unitName: latest.unitName, title: latest.title, start: first.start,
                        lastDay: current ? nil : until.adding(days: -1), months: max(first.start.fullMonths(until: until), 0)))
            }
            for position in ordered.dropFirst() {
                if position.start.dayNumber - endsAfter.dayNumber <= maximumGapDays {
                    endsAfter = max(endsAfter, exclusiveEnd(position, on: date))
                } else {
                    close()
                    first = position
                    endsAfter = exclusiveEnd(position, on: date)
                }
                latest = position
            }
            close()
        }
        return runs.sorted { ($0.start, $0.unit) < ($1.start, $1.unit) }
    }

    /// The longest run as head of one unit up to `date` (the latest of equally long ones); nil when the person was
    /// never head of a unit by then.
    public static func longestHeadRun(_ positions: [CadrePosition], on date: CivilDate, maximumGapDays: Int = 90) -> HeadRun? {
        headRuns(positions, on: date, maximumGapDays: maximumGapDays).max { ($0.months, $0.start) < ($1.months, $1.start) }
    }

    /// No more than two consecutive terms as head of the same locality or unit, i.e. `limitYears` years in a row
    /// (Quy định 65-QĐ/TW 2022; DOMAIN.md §3). Warns when a run (`headRuns`) has reached `limitYears` full years —
    /// exactly 8 years warns; the run still going on `date` is named first, else the longest past one — and otherwise
    /// when the run still going on `date` will reach them within `warningMonths` ("sắp đủ"); nil when neither.
    public static func headTenure(
        _ positions: [CadrePosition], on date: CivilDate, limitYears: Int = HeadTenureRules.builtIn.limitYears, warningMonths: Int = 12,
        maximumGapDays: Int = 90, regulation: String = HeadTenureRules.builtIn.regulation
    ) -> Localized? {
        let runs = headRuns(positions, on: date, maximumGapDays: maximumGapDays)
        let limit = limitYears * 12
        if let run = runs.filter({ $0.months >= limit }).max(by: { ($0.isCurrent ? 1 : 0, $0.months) < ($1.isCurrent ? 1 : 0, $1.months) }) {
            return Catalogue.headTenureReached(run, limitYears: limitYears, regulation: regulation)
        }
        if let run = runs.filter({ $0.isCurrent && $0.months >= limit - warningMonths }).max(by: { $0.months < $1.months }) {
            return Catalogue.headTenureApproaching(run, reachesOn: run.start.adding(months: limit), limitYears: limitYears, regulation: regulation)
        }
        return nil
    }

    // MARK: - Time in the current post before promotion (Quy định 80-QĐ/TW 2022, Quy định 377-QĐ/TW 2025)

    /// At least `minimumMonths` full months in the current post (or an equivalent one) before an appointment to a
    /// higher post (Quy định 80-QĐ/TW 2022, then 377-QĐ/TW 2025: thời gian giữ chức vụ hiện tại ít nhất 2 năm). From
    /// 01/06/2023, a promotion on 01/06/2025 passes (24 months) and one on 31/05/2025 does not (23 months).
    public static func timeInPost(
        since start: CivilDate, promotionDate: CivilDate, minimumMonths: Int = AppointmentRules.builtIn.minimumMonthsInPost,
        regulation: String = AppointmentRules.builtIn.regulation
    ) -> Localized? {
        let months = start.fullMonths(until: promotionDate)
        if months >= minimumMonths { return nil }
        return Catalogue.timeInPostShort(
            months: max(months, 0), since: start, promotionDate: promotionDate, minimumMonths: minimumMonths, regulation: regulation)
    }

    /// The day after the position's last day; for a position still held, the day after `date`. A run whose end is after
    /// `date` is still going on `date`, and is measured up to `date`.
    private static func exclusiveEnd(_ position: CadrePosition, on date: CivilDate) -> CivilDate {
        (position.end ?? date).adding(days: 1)
    }
}
