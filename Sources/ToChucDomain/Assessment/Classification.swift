import Foundation

/// The four classes of the annual review (xếp loại chất lượng, DOMAIN.md §4; INTERCHANGE.md evaluations.csv).
public enum Rating: String, Sendable, CaseIterable, Codable, Comparable {
    case excellent
    case good
    case done
    case notDone = "not_done"

    public var label: Localized { Catalogue.rating(self) }
    /// One letter per class, typed in the entry grid (X, T, H, K).
    public var letter: String { Catalogue.ratingLetter(self) }

    var rank: Int { Rating.allCases.firstIndex(of: self)! }
    public static func < (a: Rating, b: Rating) -> Bool { a.rank < b.rank }

    private static let byFoldedName: [String: Rating] = {
        var out: [String: Rating] = [:]
        for r in Rating.allCases {
            out[r.rawValue] = r
            out[VietnameseText.fold(r.label.vi)] = r
            out[VietnameseText.fold(r.label.en)] = r
            out[VietnameseText.fold(r.letter)] = r
            out[VietnameseText.fold(Catalogue.ratingShort(r).vi)] = r
        }
        return out
    }()

    /// The English key, the Vietnamese label (full or short), or the grid's letter, case and accents ignored.
    public static func parse(_ text: String) -> Rating? { byFoldedName[VietnameseText.fold(text)] }
}

/// Who is rated: a member, a leader (a cadre, for the position held), or an organization.
public enum RatingSubject: String, Sendable, CaseIterable, Codable {
    case member, leader, unit

    public var label: Localized { Catalogue.ratingSubject(self) }
}

/// The period of a review: the year, or (Quy định 366-QĐ/TW) a quarter of it, or a whole term.
public struct ReviewPeriod: Sendable, Hashable, Comparable {
    public enum Kind: String, Sendable, Hashable { case year, quarter, term }
    public let kind: Kind
    public let year: Int
    /// The quarter (1–4), or the term's last year for a term; 0 for a year.
    public let index: Int

    public static func year(_ y: Int) -> ReviewPeriod { ReviewPeriod(kind: .year, year: y, index: 0) }

    /// `2024`, `2025-Q2`, `2020-2025` (a term: its first and last year).
    public init?(parsing text: String) {
        let t = text.trimmed.uppercased()
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let y = Int(parts[0]), parts[0].count == 4, (1930...2100).contains(y) else { return nil }
        if parts.count == 1 {
            self.init(kind: .year, year: y, index: 0)
        } else if parts.count == 2, parts[1].hasPrefix("Q"), let q = Int(parts[1].dropFirst()), (1...4).contains(q), parts[1].count == 2 {
            self.init(kind: .quarter, year: y, index: q)
        } else if parts.count == 2, parts[1].count == 4, let last = Int(parts[1]), last > y, last - y <= 10 {
            self.init(kind: .term, year: y, index: last)
        } else {
            return nil
        }
    }

    init(kind: Kind, year: Int, index: Int) {
        self.kind = kind
        self.year = year
        self.index = index
    }

    public var key: String {
        switch kind {
        case .year: return String(year)
        case .quarter: return "\(year)-Q\(index)"
        case .term: return "\(year)-\(index)"
        }
    }

    /// The day the review judges: the period's last day. It picks the rule set in force (124-QĐ/TW for 2024, 366-QĐ/TW
    /// for 2025).
    public var judgedOn: CivilDate {
        switch kind {
        case .year: return CivilDate(year: year, month: 12, day: 31)!
        case .quarter: return CivilDate(year: year, month: index * 3, day: 1)!.adding(months: 1).adding(days: -1)
        case .term: return CivilDate(year: index, month: 12, day: 31)!
        }
    }

    /// The same kind of period one year earlier (for comparison); for a term, the previous term.
    public var previous: ReviewPeriod {
        kind == .term ? ReviewPeriod(kind: .term, year: 2 * year - index, index: year) : ReviewPeriod(kind: kind, year: year - 1, index: index)
    }

    public var label: Localized { Catalogue.reviewPeriod(self) }

    public static func < (a: ReviewPeriod, b: ReviewPeriod) -> Bool { (a.judgedOn, a.key) < (b.judgedOn, b.key) }
}

/// What a score-based review knows besides the score (Quy định 366-QĐ/TW): the share of tasks done late, of tasks
/// exceeded, whether every task was on time, whether a sub-unit was disciplined. Unknown facts do not lower a class.
public struct ReviewFacts: Sendable, Hashable {
    public var latePercent: Int?
    public var exceededPercent: Int?
    public var disciplinedSubunit: Bool?

    public init(latePercent: Int? = nil, exceededPercent: Int? = nil, disciplinedSubunit: Bool? = nil) {
        self.latePercent = latePercent
        self.exceededPercent = exceededPercent
        self.disciplinedSubunit = disciplinedSubunit
    }
}

/// The rules of classification (DOMAIN.md §4), with the thresholds of the rule set in force for the period reviewed.
public enum Classification {
    public static let maximumScore = 100

    /// Quy định 366-QĐ/TW: xuất sắc ≥ 90 (and every task on time, at least 30% exceeded, no disciplined sub-unit),
    /// tốt 70–89, hoàn thành 50–69 (no more than 20% of tasks late), không hoàn thành below 50. A score of 90 or more
    /// whose facts fall short is "tốt"; a score of 50–69 with too many late tasks is "không hoàn thành".
    public static func rating(score: Int, facts: ReviewFacts = ReviewFacts(), rules: ClassificationRules) -> Rating {
        if score >= rules.excellentMinScore {
            let lateOK = facts.latePercent.map { $0 == 0 } ?? true
            let exceededOK = facts.exceededPercent.map { $0 >= rules.excellentMinExceededPercent } ?? true
            let disciplineOK = !(facts.disciplinedSubunit ?? false)
            return lateOK && exceededOK && disciplineOK ? .excellent : .good
        }
        if score >= rules.goodMinScore { return .good }
        if score >= rules.doneMinScore {
            if let late = facts.latePercent, late > rules.doneMaxLatePercent { return .notDone }
            return .done
        }
        return .notDone
    }

    /// The most "xuất sắc" a unit may give: the quota's share of those rated "tốt", rounded down (20% of 12 is 2).
    public static func excellentAllowed(good: Int, rules: ClassificationRules) -> Int { good * rules.excellentQuotaPercentOfGood / 100 }

    /// DOMAIN.md §4: "xuất sắc" no more than 20% of those rated "tốt" in the same unit, flagged before saving; nil when
    /// within the quota.
    public static func quotaBreach(_ ratings: [Rating], rules: ClassificationRules) -> Localized? {
        let excellent = ratings.filter { $0 == .excellent }.count
        let good = ratings.filter { $0 == .good }.count
        let allowed = excellentAllowed(good: good, rules: rules)
        guard excellent > allowed else { return nil }
        return Catalogue.excellentQuotaBreach(excellent: excellent, good: good, allowed: allowed, percent: rules.excellentQuotaPercentOfGood, regulation: rules.regulation)
    }

    /// A score as typed (0–100, whole points; "85,0" is 85): `.none` when empty, `.invalid` when not a score.
    public enum ParsedScore: Sendable, Hashable {
        case none
        case score(Int)
        case invalid
    }

    public static func parseScore(_ text: String) -> ParsedScore {
        let trimmed = text.trimmed
        if trimmed.isEmpty { return .none }
        // A decimal comma as written in Vietnamese ("85,0"); a Swift replacement, as Foundation's goes through NSString
        // (a national evaluations file has ten million rows).
        let t = trimmed.contains(",") ? String(trimmed.map { $0 == "," ? "." : $0 }) : trimmed
        guard let n = Int(t) ?? Double(t).flatMap({ $0.isFinite && $0 == $0.rounded() && abs($0) < 1000 ? Int($0) : nil }), (0...maximumScore).contains(n)
        else { return .invalid }
        return .score(n)
    }
}

/// The columns of `evaluations.csv` (INTERCHANGE.md), plus an optional score (Quy định 366-QĐ/TW). `year` also takes a
/// quarter (`2025-Q2`) or a term (`2020-2025`); `subject` is a member's card number or a unit code prefixed `unit:`.
public enum EvaluationsFile {
    public static let fileName = "evaluations.csv"
    public static let sheetName = "evaluations"
    public static let unitPrefix = "unit:"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("year", "Năm", required: true),
        InterchangeColumn("subject", "Đối tượng", required: true),
        InterchangeColumn("rating", "Xếp loại", required: true),
        InterchangeColumn("score", "Điểm"),
    ]
}
