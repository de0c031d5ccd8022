/// The rule families of DOMAIN.md §2 (members): admission and badges — their thresholds, shipped versions and typed
/// views.
extension RuleFamily {
    static let admissionParameters: [RuleParameter] = [
        RuleParameter("min_age", Catalogue.ruleAdmissionMinAge, .integer(14...30, unit: Catalogue.unitYears)),
        RuleParameter("max_age", Catalogue.ruleAdmissionMaxAge, .integer(30...100, unit: Catalogue.unitYears)),
        RuleParameter("introducers", Catalogue.ruleIntroducers, .integer(1...5, unit: Catalogue.unitPeople)),
        RuleParameter("introducer_months", Catalogue.ruleIntroducerMonths, .integer(0...120, unit: Catalogue.unitMonths)),
        RuleParameter("youth_union_max_age", Catalogue.ruleYouthUnionMaxAge, .integer(14...45, unit: Catalogue.unitYears)),
        RuleParameter("cell_vote", Catalogue.ruleCellVote, .fraction),
        RuleParameter("ceremony_working_days", Catalogue.ruleCeremonyDays, .integer(1...365, unit: Catalogue.unitWorkingDays)),
        RuleParameter("probation_months", Catalogue.ruleProbationMonths, .integer(1...60, unit: Catalogue.unitMonths)),
        RuleParameter("recognition_working_days", Catalogue.ruleRecognitionDays, .integer(1...365, unit: Catalogue.unitWorkingDays)),
    ]

    static let badgeParameters: [RuleParameter] = [
        RuleParameter("early_months", Catalogue.ruleBadgeEarlyMonths, .integer(0...60, unit: Catalogue.unitMonths)),
        RuleParameter("long_early_from", Catalogue.ruleBadgeLongEarlyFrom, .integer(30...100, unit: Catalogue.unitPartyYears)),
        RuleParameter("long_early_months", Catalogue.ruleBadgeLongEarlyMonths, .integer(0...60, unit: Catalogue.unitMonths)),
        RuleParameter("posthumous_early_months", Catalogue.ruleBadgePosthumousMonths, .integer(0...60, unit: Catalogue.unitMonths)),
    ]
}

extension RuleBook {
    /// Admission: Quy định 24-QĐ/TW of 30/07/2021 on the Charter (Điều 1: from full 18 to full 60, counted in months;
    /// Điều 4: two full members who worked with the candidate for 12 months, or the base Youth Union committee for a
    /// Youth Union member of youth age — up to 30, Điều lệ Đoàn —, the cell's resolution by two thirds of its full
    /// members, the ceremony within 30 working days of the decision; Điều 5: 12 months of probation, recognition
    /// considered within 30 working days after). Badges: Hướng dẫn 01-HD/TW of 28/09/2021, mục 18 (up to 12 months
    /// early for 30–65 years, 24 for 70–90; posthumous up to 12 months early). The same numbers held before them (Quy
    /// định 29-QĐ/TW 2016): these families cover earlier dates.
    static let memberVersions: [RuleSetVersion] = [
        RuleSetVersion(
            family: .admission, regulation: "24-QĐ/TW", effectiveFrom: d("2021-07-30"),
            title: "Quy định thi hành Điều lệ Đảng: tuổi đời người vào Đảng, người giới thiệu, nghị quyết chi bộ, lễ kết nạp, thời gian dự bị",
            values: [
                "min_age": .integer(18), "max_age": .integer(60), "introducers": .integer(2), "introducer_months": .integer(12),
                "youth_union_max_age": .integer(30), "cell_vote": .fraction(Fraction(2, 3)!), "ceremony_working_days": .integer(30),
                "probation_months": .integer(12), "recognition_working_days": .integer(30),
            ], builtIn: true),
        RuleSetVersion(
            family: .badges, regulation: "01-HD/TW", effectiveFrom: d("2021-09-28"),
            title: "Hướng dẫn một số vấn đề cụ thể thi hành Điều lệ Đảng, mục 18: xét tặng Huy hiệu Đảng",
            values: [
                "early_months": .integer(12), "long_early_from": .integer(70), "long_early_months": .integer(24),
                "posthumous_early_months": .integer(12),
            ], builtIn: true),
    ]

    /// What no single threshold says but a version must respect: ages in order.
    static func memberConsistency(_ version: RuleSetVersion) -> [FieldError] {
        switch version.family {
        case .admission:
            let r = AdmissionRules(version)
            return r.minimumAge < r.maximumAge ? [] : [FieldError("max_age", Catalogue.ruleAgesOrder)]
        default:
            return []
        }
    }
}

/// Admission thresholds (DOMAIN.md §2; Điều lệ Đảng, Điều 1, 4, 5; Quy định 24-QĐ/TW 2021) as `Admission` reads them.
public struct AdmissionRules: Sendable, Hashable {
    public let regulation: String
    /// Full years, counted in months, on the day the cell considers the case.
    public let minimumAge: Int
    /// Full years beyond which the provincial committee's written consent is needed.
    public let maximumAge: Int
    public let introducers: Int
    /// Full months each member introducer has worked with the candidate.
    public let introducerMonths: Int
    /// The Youth Union committee introduces only candidates up to this age.
    public let youthUnionMaxAge: Int
    /// The share of the cell's full members in favour.
    public let cellVote: Fraction
    /// The ceremony within this many working days of the decision.
    public let ceremonyWorkingDays: Int
    public let probationMonths: Int
    /// Recognition considered within this many working days after the probation ends.
    public let recognitionWorkingDays: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        minimumAge = v.integer("min_age")
        maximumAge = v.integer("max_age")
        introducers = v.integer("introducers")
        introducerMonths = v.integer("introducer_months")
        youthUnionMaxAge = v.integer("youth_union_max_age")
        cellVote = v.fraction("cell_vote")
        ceremonyWorkingDays = v.integer("ceremony_working_days")
        probationMonths = v.integer("probation_months")
        recognitionWorkingDays = v.integer("recognition_working_days")
    }

    /// The shipped version (Quy định 24-QĐ/TW): the defaults of the pure functions.
    public static let builtIn = AdmissionRules(RuleBook.shipped(.admission))
}

/// How early a badge may be given (Hướng dẫn 01-HD/TW 2021, mục 18) as `Badges` reads it: up to `earlyMonths` before
/// a milestone under `longEarlyFrom` years, `longEarlyMonths` from it; posthumously up to `posthumousEarlyMonths`.
public struct BadgeRules: Sendable, Hashable {
    public let regulation: String
    public let earlyMonths: Int
    public let longEarlyFrom: Int
    public let longEarlyMonths: Int
    public let posthumousEarlyMonths: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        earlyMonths = v.integer("early_months")
        longEarlyFrom = v.integer("long_early_from")
        longEarlyMonths = v.integer("long_early_months")
        posthumousEarlyMonths = v.integer("posthumous_early_months")
    }

    /// The shipped version (Hướng dẫn 01-HD/TW).
    public static let builtIn = BadgeRules(RuleBook.shipped(.badges))
}
