import Foundation

/// An exact share such as 2/3 or 1/2, compared in integers ("at least 2/3 of those convened", "more than half").
public struct Fraction: Sendable, Hashable, Codable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    public init?(_ numerator: Int, _ denominator: Int) {
        guard denominator > 0, numerator >= 0, numerator <= denominator else { return nil }
        self.numerator = numerator
        self.denominator = denominator
    }

    /// `2/3`.
    public init?(parsing text: String) {
        let parts = text.trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let n = Int(parts[0].trimmingCharacters(in: .whitespaces)), let d = Int(parts[1].trimmingCharacters(in: .whitespaces))
        else { return nil }
        self.init(n, d)
    }

    public var description: String { "\(numerator)/\(denominator)" }

    /// `count / total ≥ n/d`.
    public func isReached(_ count: Int, of total: Int) -> Bool { total > 0 && count * denominator >= numerator * total }
    /// `count / total > n/d`.
    public func isExceeded(_ count: Int, of total: Int) -> Bool { total > 0 && count * denominator > numerator * total }
    /// The least count that reaches the share of `total` (the quorum of 40 at 2/3 is 27).
    public func leastReaching(_ total: Int) -> Int { (numerator * total + denominator - 1) / denominator }
}

/// The value of one threshold in a rule set.
public enum RuleValue: Sendable, Hashable, Codable {
    case integer(Int)
    case fraction(Fraction)
    case choice(String)

    /// How the value is written in forms and stored: `20`, `2/3`, `valid`.
    public var text: String {
        switch self {
        case .integer(let n): return String(n)
        case .fraction(let f): return f.description
        case .choice(let c): return c
        }
    }
}

/// One threshold a family of rules has: its key, what it means, and what values it takes.
public struct RuleParameter: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// A whole number in a range; `unit` says what it counts (năm, tháng, %, người…).
        case integer(ClosedRange<Int>, unit: Localized)
        case fraction
        case choice([String: Localized])
    }

    public let key: String
    public let label: Localized
    public let kind: Kind

    public init(_ key: String, _ label: Localized, _ kind: Kind) {
        self.key = key
        self.label = label
        self.kind = kind
    }

    /// The value typed in a form, checked against the kind; nil when it does not fit.
    public func parse(_ text: String) -> RuleValue? {
        let t = text.trimmed
        switch kind {
        case .integer(let range, _):
            guard let n = Int(t), range.contains(n) else { return nil }
            return .integer(n)
        case .fraction:
            return Fraction(parsing: t).map(RuleValue.fraction)
        case .choice(let options):
            return options[t] == nil ? nil : .choice(t)
        }
    }
}

/// A family of thresholds that one regulation sets and a later one replaces (DOMAIN.md: "treat a number from a
/// regulation as the default of a setting that an administrator can change").
///
/// A family's parameter list is fixed once shipped: versions added by administrators are stored with the values of the
/// family's parameters and read back by that list (`RuleService`), and a stored version that lacks a parameter is left
/// out rather than guessed. A new threshold therefore goes into a new family (the congress terms did; so did every
/// family of §2–§3), never into an existing one.
public enum RuleFamily: String, Sendable, CaseIterable, Codable {
    /// Annual classification (kiểm điểm, xếp loại chất lượng): score bands and the "xuất sắc" quota.
    case classification
    /// Confidence votes (lấy phiếu tín nhiệm): quorum, consequences, places per round.
    case confidenceVote = "confidence_vote"
    /// Elections in the Party (bầu cử): surplus, floor nominations, the majority and its base.
    case election
    /// Cell meetings and dues: when a member is flagged.
    case cellMeetings = "cell_meetings"
    /// Congresses (đại hội) per term: the term's length, the year the terms count from, and when a term's congresses
    /// begin (which term is "in course" on a date).
    case congress
    /// Admission (kết nạp đảng viên, DOMAIN.md §2): the candidate's ages, the introducers, the cell's vote, the ceremony,
    /// the probation and its recognition.
    case admission
    /// Party badges (Huy hiệu Đảng): how early a badge may be given.
    case badges
    /// Head of the same unit (Quy định 65-QĐ/TW): the years in a row that make two consecutive terms.
    case headTenure = "head_tenure"
    /// Appointments (bổ nhiệm): time in the post before promotion, working age left, the term and its notice.
    case appointment
    /// Discipline (kỷ luật): the months each measure bars planning, appointment and candidacy.
    case discipline
    /// Planning of cadres (quy hoạch): people per position, positions per person, working age, structure targets.
    case planning
    /// The retirement roadmap (lộ trình tuổi nghỉ hưu): the ages by year for men and women.
    case retirement

    public var label: Localized { Catalogue.ruleFamily(self) }

    /// Whether the earliest version also answers for the dates before it. The thresholds of DOMAIN.md §2–§3 are checked
    /// on old records too (a member admitted in 1990, a post taken in 2015) and held before the first regulation the
    /// program ships (the Charter, the earlier decrees); the families of §4 begin with the regulation that introduced
    /// them and judge no earlier date.
    public var coversEarlierDates: Bool {
        switch self {
        case .classification, .confidenceVote, .election, .cellMeetings, .congress: return false
        case .admission, .badges, .headTenure, .appointment, .discipline, .planning, .retirement: return true
        }
    }

    /// The thresholds of the family, in the order forms show them.
    public var parameters: [RuleParameter] {
        let percent = Catalogue.unitPercent
        let points = Catalogue.unitPoints
        switch self {
        case .classification:
            return [
                RuleParameter("uses_score", Catalogue.ruleUsesScore, .choice(["yes": Catalogue.yes, "no": Catalogue.no])),
                RuleParameter("excellent_min_score", Catalogue.ruleExcellentMinScore, .integer(0...100, unit: points)),
                RuleParameter("good_min_score", Catalogue.ruleGoodMinScore, .integer(0...100, unit: points)),
                RuleParameter("done_min_score", Catalogue.ruleDoneMinScore, .integer(0...100, unit: points)),
                RuleParameter("excellent_quota_percent_of_good", Catalogue.ruleExcellentQuota, .integer(0...100, unit: percent)),
                RuleParameter("excellent_min_exceeded_percent", Catalogue.ruleExcellentExceeded, .integer(0...100, unit: percent)),
                RuleParameter("done_max_late_percent", Catalogue.ruleDoneMaxLate, .integer(0...100, unit: percent)),
            ]
        case .confidenceVote:
            return [
                RuleParameter("quorum", Catalogue.ruleQuorum, .fraction),
                RuleParameter("low_removal_more_than", Catalogue.ruleLowRemoval, .fraction),
                RuleParameter("low_dismissal_at_least", Catalogue.ruleLowDismissal, .fraction),
                RuleParameter("max_places", Catalogue.ruleMaxPlaces, .integer(1...10, unit: Catalogue.unitPlaces)),
            ]
        case .election:
            return [
                RuleParameter("surplus_max_percent", Catalogue.ruleSurplusMax, .integer(0...100, unit: percent)),
                RuleParameter("small_body_min_seats", Catalogue.ruleSmallBodyMin, .integer(1...100, unit: Catalogue.unitSeats)),
                RuleParameter("small_body_max_seats", Catalogue.ruleSmallBodyMax, .integer(1...100, unit: Catalogue.unitSeats)),
                RuleParameter("small_body_max_surplus", Catalogue.ruleSmallBodySurplus, .integer(0...10, unit: Catalogue.unitPeople)),
                RuleParameter("floor_nominee_more_than_percent", Catalogue.ruleFloorNominee, .integer(0...100, unit: percent)),
                RuleParameter("elected_more_than", Catalogue.ruleElectedMoreThan, .fraction),
                RuleParameter(
                    "majority_base", Catalogue.ruleMajorityBase, .choice(["valid": Catalogue.ballotsValid, "returned": Catalogue.ballotsReturned])),
            ]
        case .cellMeetings:
            return [RuleParameter("flag_months", Catalogue.ruleFlagMonths, .integer(1...12, unit: Catalogue.unitMonths))]
        case .congress:
            return [
                RuleParameter("term_years", Catalogue.ruleTermYears, .integer(1...10, unit: Catalogue.unitYears)),
                RuleParameter("first_term_year", Catalogue.ruleFirstTermYear, .integer(1930...2100, unit: Catalogue.unitYear)),
                RuleParameter("lead_months", Catalogue.ruleLeadMonths, .integer(0...60, unit: Catalogue.unitMonths)),
            ]
        case .admission: return Self.admissionParameters
        case .badges: return Self.badgeParameters
        case .headTenure: return Self.headTenureParameters
        case .appointment: return Self.appointmentParameters
        case .discipline: return Self.disciplineParameters
        case .planning: return Self.planningParameters
        case .retirement: return Self.retirementParameters
        }
    }
}

/// One version of a family: the thresholds a regulation sets, in force from a date until a later version's.
public struct RuleSetVersion: Sendable, Hashable {
    public let family: RuleFamily
    /// The regulation's number, e.g. `366-QĐ/TW`.
    public let regulation: String
    public let effectiveFrom: CivilDate
    public let title: String
    public let values: [String: RuleValue]
    /// Whether it ships with the program (the regulations of DOMAIN.md) rather than added by an administrator.
    public let builtIn: Bool

    public init(family: RuleFamily, regulation: String, effectiveFrom: CivilDate, title: String, values: [String: RuleValue], builtIn: Bool = false) {
        self.family = family
        self.regulation = regulation
        self.effectiveFrom = effectiveFrom
        self.title = title
        self.values = values
        self.builtIn = builtIn
    }

    /// A threshold of the version; the family's schema guarantees it is present with its kind (`RuleBook.check`).
    public func integer(_ key: String) -> Int {
        if case .integer(let n) = values[key] { return n }
        preconditionFailure("rule \(family.rawValue).\(key) is not an integer")
    }

    public func fraction(_ key: String) -> Fraction {
        if case .fraction(let f) = values[key] { return f }
        preconditionFailure("rule \(family.rawValue).\(key) is not a fraction")
    }

    public func choice(_ key: String) -> String {
        if case .choice(let c) = values[key] { return c }
        preconditionFailure("rule \(family.rawValue).\(key) is not a choice")
    }
}

/// A new version as typed by an administrator, before it is checked.
public struct RuleSetDraft: Sendable, Equatable {
    public var family = ""
    public var regulation = ""
    public var effectiveFrom = ""
    public var title = ""
    public var values: [String: String] = [:]

    public init(family: String = "", regulation: String = "", effectiveFrom: String = "", title: String = "", values: [String: String] = [:]) {
        self.family = family
        self.regulation = regulation
        self.effectiveFrom = effectiveFrom
        self.title = title
        self.values = values
    }
}

/// The regulations of DOMAIN.md as shipped, choosing the version in force, and checking a new one.
public enum RuleBook {
    static func d(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    /// The versions the program ships with. Classification: Quy định 132-QĐ/TW (2018) for the years 2018–2022, 124-QĐ/TW for 2023–2024, Quy định
    /// 366-QĐ/TW from 2025 (100-point score). Confidence votes: Quy định 96-QĐ/TW 2023. Elections: Quyết định 190-QĐ/TW
    /// 2024. Cell meetings: Điều lệ Đảng, Điều 8 (three months without good reason). Congresses: Điều lệ Đảng (a congress
    /// every five years; the terms 2015–2020, 2020–2025, 2025–2030…), their congresses held from the year before the
    /// term's first year (Chỉ thị 35-CT/TW of 30/5/2019 and of 14/6/2024 opened the rounds of 2020 and 2025).
    public static let builtIn: [RuleSetVersion] = [
        RuleSetVersion(
            family: .classification, regulation: "132-QĐ/TW", effectiveFrom: d("2018-03-08"),
            title: "Quy định về việc kiểm điểm và đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
            values: [
                "uses_score": .choice("no"), "excellent_min_score": .integer(90), "good_min_score": .integer(70), "done_min_score": .integer(50),
                "excellent_quota_percent_of_good": .integer(20), "excellent_min_exceeded_percent": .integer(30), "done_max_late_percent": .integer(20),
            ], builtIn: true),
        RuleSetVersion(
            family: .classification, regulation: "124-QĐ/TW", effectiveFrom: d("2023-01-01"),
            title: "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng hằng năm đối với tập thể, cá nhân trong hệ thống chính trị",
            values: [
                "uses_score": .choice("no"), "excellent_min_score": .integer(90), "good_min_score": .integer(70), "done_min_score": .integer(50),
                "excellent_quota_percent_of_good": .integer(20), "excellent_min_exceeded_percent": .integer(30), "done_max_late_percent": .integer(20),
            ], builtIn: true),
        RuleSetVersion(
            family: .classification, regulation: "366-QĐ/TW", effectiveFrom: d("2025-01-01"),
            title: "Quy định về kiểm điểm, đánh giá, xếp loại chất lượng đối với tập thể, cá nhân trong hệ thống chính trị (thang điểm 100)",
            values: [
                "uses_score": .choice("yes"), "excellent_min_score": .integer(90), "good_min_score": .integer(70), "done_min_score": .integer(50),
                "excellent_quota_percent_of_good": .integer(20), "excellent_min_exceeded_percent": .integer(30), "done_max_late_percent": .integer(20),
            ], builtIn: true),
        RuleSetVersion(
            family: .confidenceVote, regulation: "96-QĐ/TW", effectiveFrom: d("2023-02-02"),
            title: "Quy định về lấy phiếu tín nhiệm đối với chức vụ lãnh đạo, quản lý trong hệ thống chính trị",
            values: [
                "quorum": .fraction(Fraction(2, 3)!), "low_removal_more_than": .fraction(Fraction(1, 2)!),
                "low_dismissal_at_least": .fraction(Fraction(2, 3)!), "max_places": .integer(2),
            ], builtIn: true),
        RuleSetVersion(
            family: .election, regulation: "190-QĐ/TW", effectiveFrom: d("2024-10-07"), title: "Quy chế bầu cử trong Đảng",
            values: [
                "surplus_max_percent": .integer(30), "small_body_min_seats": .integer(3), "small_body_max_seats": .integer(5),
                "small_body_max_surplus": .integer(1), "floor_nominee_more_than_percent": .integer(30), "elected_more_than": .fraction(Fraction(1, 2)!),
                "majority_base": .choice("valid"),
            ], builtIn: true),
        RuleSetVersion(
            family: .cellMeetings, regulation: "Điều lệ Đảng", effectiveFrom: d("2011-01-19"),
            title: "Điều lệ Đảng, Điều 8: bỏ sinh hoạt chi bộ hoặc không đóng đảng phí ba tháng trong năm mà không có lý do chính đáng",
            values: ["flag_months": .integer(3)], builtIn: true),
        RuleSetVersion(
            family: .congress, regulation: "Điều lệ Đảng", effectiveFrom: d("2011-01-19"),
            title: "Điều lệ Đảng: đại hội đảng bộ các cấp họp thường lệ 5 năm một lần; đại hội nhiệm kỳ mới tổ chức từ năm trước năm đầu nhiệm kỳ",
            values: ["term_years": .integer(5), "first_term_year": .integer(2020), "lead_months": .integer(12)], builtIn: true),
    ] + memberVersions + cadreVersions

    /// The latest shipped version of a family: what the rules' default parameters are (tests call the pure functions
    /// with them; services pass the version in force on the date they judge).
    public static func shipped(_ family: RuleFamily) -> RuleSetVersion {
        guard let version = builtIn.filter({ $0.family == family }).max(by: { $0.effectiveFrom < $1.effectiveFrom }) else {
            preconditionFailure("no shipped version of \(family.rawValue)")
        }
        return version
    }

    /// The version of a family in force on `date`: the one with the latest effective date on or before it (later ones
    /// replace earlier ones); nil before the first.
    public static func inForce(_ versions: [RuleSetVersion], family: RuleFamily, on date: CivilDate) -> RuleSetVersion? {
        versions.filter { $0.family == family && $0.effectiveFrom <= date }.max { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// The version a check on `date` uses: the one in force, or — before the first, for a family that
    /// `coversEarlierDates` — the earliest; nil before the first version of the other families.
    public static func applicable(_ versions: [RuleSetVersion], family: RuleFamily, on date: CivilDate) -> RuleSetVersion? {
        if let version = inForce(versions, family: family, on: date) { return version }
        guard family.coversEarlierDates else { return nil }
        return versions.filter { $0.family == family }.min { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// A regulation's number as written on documents: digits, a dash, a kind and an issuer (`366-QĐ/TW`), a decree's
    /// digits, year and kind-issuer (`135/2020/NĐ-CP`), or a name such as "Điều lệ Đảng".
    public static func isRegulationNumber(_ text: String) -> Bool {
        let t = text.trimmed
        guard !t.isEmpty, t.count <= 60 else { return false }
        let decree = t.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        if decree.count == 3, !decree[0].isEmpty, decree[0].allSatisfy(\.isNumber), decree[1].count == 4, decree[1].allSatisfy(\.isNumber),
            decree[2].contains("-")
        {
            return true
        }
        let parts = t.split(separator: "-", maxSplits: 1)
        guard parts.count == 2, parts[0].allSatisfy(\.isNumber), parts[1].contains("/") else { return t.first?.isLetter == true }
        return true
    }

    /// Checks a new version: a known family, a regulation number, an effective date, a title, every threshold of the
    /// family with a value of its kind, and the family's own consistency (score bands in order, a small body's seats).
    public static func check(_ draft: RuleSetDraft, existing: [RuleSetVersion]) -> Result<RuleSetVersion, DomainError> {
        var errors: [FieldError] = []
        let family = RuleFamily(rawValue: draft.family.trimmed)
        if family == nil { errors.append(FieldError("family", Catalogue.unknownValue(draft.family))) }
        let regulation = draft.regulation.trimmed
        if !isRegulationNumber(regulation) { errors.append(FieldError("regulation", Catalogue.ruleRegulationInvalid)) }
        let effective = CivilDate(parsing: draft.effectiveFrom.trimmed)
        if effective == nil { errors.append(FieldError("effective_from", Catalogue.invalidDate(draft.effectiveFrom))) }
        let title = draft.title.trimmed
        if title.isEmpty { errors.append(FieldError("title", Catalogue.required)) }
        if title.count > 500 { errors.append(FieldError("title", Catalogue.tooLong(500))) }
        var values: [String: RuleValue] = [:]
        for parameter in family?.parameters ?? [] {
            guard let value = parameter.parse(draft.values[parameter.key] ?? "") else {
                errors.append(FieldError(parameter.key, Catalogue.ruleValueInvalid(parameter.label)))
                continue
            }
            values[parameter.key] = value
        }
        if let family, let effective, existing.contains(where: { $0.family == family && $0.effectiveFrom == effective }) {
            errors.append(FieldError("effective_from", Catalogue.ruleSameDate))
        }
        guard errors.isEmpty, let family, let effective else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        let version = RuleSetVersion(family: family, regulation: regulation, effectiveFrom: effective, title: title, values: values)
        switch family {
        case .classification:
            let r = ClassificationRules(version)
            if !(r.doneMinScore < r.goodMinScore && r.goodMinScore < r.excellentMinScore) {
                errors.append(FieldError("good_min_score", Catalogue.ruleScoresOrder))
            }
        case .election:
            let r = ElectionRules(version)
            if r.smallBodyMinSeats > r.smallBodyMaxSeats { errors.append(FieldError("small_body_max_seats", Catalogue.ruleSmallBodyOrder)) }
        case .confidenceVote:
            let r = ConfidenceVoteRules(version)
            if r.lowDismissalAtLeast.numerator * r.lowRemovalMoreThan.denominator < r.lowRemovalMoreThan.numerator * r.lowDismissalAtLeast.denominator {
                errors.append(FieldError("low_dismissal_at_least", Catalogue.ruleVoteOrder))
            }
        case .cellMeetings, .congress:
            break
        case .admission, .badges, .headTenure, .appointment, .discipline, .planning, .retirement:
            errors += consistencyProblems(version)
        }
        return errors.isEmpty ? .success(version) : .failure(.invalid(Catalogue.invalidInput, errors))
    }
}

/// Classification thresholds (Quy định 124-QĐ/TW, 366-QĐ/TW) as the rules read them.
public struct ClassificationRules: Sendable, Hashable {
    public let regulation: String
    public let usesScore: Bool
    public let excellentMinScore: Int
    public let goodMinScore: Int
    public let doneMinScore: Int
    public let excellentQuotaPercentOfGood: Int
    public let excellentMinExceededPercent: Int
    public let doneMaxLatePercent: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        usesScore = v.choice("uses_score") == "yes"
        excellentMinScore = v.integer("excellent_min_score")
        goodMinScore = v.integer("good_min_score")
        doneMinScore = v.integer("done_min_score")
        excellentQuotaPercentOfGood = v.integer("excellent_quota_percent_of_good")
        excellentMinExceededPercent = v.integer("excellent_min_exceeded_percent")
        doneMaxLatePercent = v.integer("done_max_late_percent")
    }
}

/// Confidence-vote thresholds (Quy định 96-QĐ/TW).
public struct ConfidenceVoteRules: Sendable, Hashable {
    public let regulation: String
    public let quorum: Fraction
    public let lowRemovalMoreThan: Fraction
    public let lowDismissalAtLeast: Fraction
    public let maxPlaces: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        quorum = v.fraction("quorum")
        lowRemovalMoreThan = v.fraction("low_removal_more_than")
        lowDismissalAtLeast = v.fraction("low_dismissal_at_least")
        maxPlaces = v.integer("max_places")
    }
}

/// Election thresholds (Quyết định 190-QĐ/TW).
public struct ElectionRules: Sendable, Hashable {
    public enum Base: String, Sendable, Hashable { case valid, returned }
    public let regulation: String
    public let surplusMaxPercent: Int
    public let smallBodyMinSeats: Int
    public let smallBodyMaxSeats: Int
    public let smallBodyMaxSurplus: Int
    public let floorNomineeMoreThanPercent: Int
    public let electedMoreThan: Fraction
    public let majorityBase: Base

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        surplusMaxPercent = v.integer("surplus_max_percent")
        smallBodyMinSeats = v.integer("small_body_min_seats")
        smallBodyMaxSeats = v.integer("small_body_max_seats")
        smallBodyMaxSurplus = v.integer("small_body_max_surplus")
        floorNomineeMoreThanPercent = v.integer("floor_nominee_more_than_percent")
        electedMoreThan = v.fraction("elected_more_than")
        majorityBase = Base(rawValue: v.choice("majority_base")) ?? .valid
    }
}

/// When a member is flagged for missed meetings or dues (Điều lệ Đảng, Điều 8: "bỏ sinh hoạt chi bộ hoặc không đóng
/// đảng phí ba tháng trong năm mà không có lý do chính đáng"). `flagMonths` counts the months of one calendar year in
/// which the member was absent without good reason from the regular meeting or did not pay the month's dues — each
/// month once, consecutive or not (the Charter says "in the year", not "in a row"); excused absences never count
/// (`CellMeetingStanding.standing`).
public struct CellMeetingRules: Sendable, Hashable {
    public let regulation: String
    public let flagMonths: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        flagMonths = v.integer("flag_months")
    }
}

/// Congress terms (Điều lệ Đảng): a term lasts `termYears`; terms begin every `termYears` from `firstTermYear`
/// (…2015, 2020, 2025…); the congresses of a term may be held from `leadMonths` before 1 January of its first year.
public struct CongressRules: Sendable, Hashable {
    public let regulation: String
    public let termYears: Int
    public let firstTermYear: Int
    public let leadMonths: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        termYears = v.integer("term_years")
        firstTermYear = v.integer("first_term_year")
        leadMonths = v.integer("lead_months")
    }
}
