/// The rule families of DOMAIN.md §3 (cadres): head of the same unit, appointments, discipline, planning and the
/// retirement roadmap — their thresholds, shipped versions and typed views.
extension RuleFamily {
    static let headTenureParameters: [RuleParameter] = [
        RuleParameter("limit_years", Catalogue.ruleHeadLimitYears, .integer(1...30, unit: Catalogue.unitYears))
    ]

    static let appointmentParameters: [RuleParameter] = [
        RuleParameter("min_months_in_post", Catalogue.ruleMinMonthsInPost, .integer(0...120, unit: Catalogue.unitMonths)),
        RuleParameter("working_age_months", Catalogue.ruleAppointmentWorkingAge, .integer(0...180, unit: Catalogue.unitMonths)),
        RuleParameter("term_years", Catalogue.ruleAppointmentTermYears, .integer(1...10, unit: Catalogue.unitYears)),
        RuleParameter("notice_working_days", Catalogue.ruleNoticeWorkingDays, .integer(0...365, unit: Catalogue.unitWorkingDays)),
        RuleParameter("reappointment_min_months", Catalogue.ruleReappointmentMinMonths, .integer(0...120, unit: Catalogue.unitMonths)),
    ]

    static let disciplineParameters: [RuleParameter] = [
        RuleParameter("reprimand_months", Catalogue.ruleBarMonths(.reprimand), .integer(0...240, unit: Catalogue.unitMonths)),
        RuleParameter("warning_months", Catalogue.ruleBarMonths(.warning), .integer(0...240, unit: Catalogue.unitMonths)),
        RuleParameter("removal_months", Catalogue.ruleBarMonths(.removalFromPost), .integer(0...240, unit: Catalogue.unitMonths)),
    ]

    static let planningParameters: [RuleParameter] = [
        RuleParameter("max_per_position", Catalogue.rulePlanningMaxPerPosition, .integer(1...20, unit: Catalogue.unitPeople)),
        RuleParameter("max_positions_per_person", Catalogue.rulePlanningMaxPositions, .integer(1...20, unit: Catalogue.unitPositions)),
        RuleParameter("working_age_months", Catalogue.rulePlanningWorkingAge, .integer(0...180, unit: Catalogue.unitMonths)),
        RuleParameter("women_min_percent", Catalogue.rulePlanningWomen, .integer(0...100, unit: Catalogue.unitPercent)),
        RuleParameter("young_min_percent", Catalogue.rulePlanningYoung, .integer(0...100, unit: Catalogue.unitPercent)),
        RuleParameter("young_under_province", Catalogue.rulePlanningYoungProvince, .integer(18...70, unit: Catalogue.unitYears)),
        RuleParameter("young_under_central", Catalogue.rulePlanningYoungCentral, .integer(18...70, unit: Catalogue.unitYears)),
    ]

    static let retirementParameters: [RuleParameter] =
        [RuleParameter("first_year", Catalogue.ruleRoadmapFirstYear, .integer(1990...2100, unit: Catalogue.unitYear))]
        + [Gender.male, .female].flatMap { gender in
            let prefix = gender == .male ? "men" : "women"
            return [
                RuleParameter(prefix + "_age_before", Catalogue.ruleRoadmapAgeBefore(gender), .integer(480...900, unit: Catalogue.unitAgeMonths)),
                RuleParameter(prefix + "_first_age", Catalogue.ruleRoadmapFirstAge(gender), .integer(480...900, unit: Catalogue.unitAgeMonths)),
                RuleParameter(prefix + "_step_months", Catalogue.ruleRoadmapStep(gender), .integer(0...12, unit: Catalogue.unitMonths)),
                RuleParameter(prefix + "_final_age", Catalogue.ruleRoadmapFinalAge(gender), .integer(480...900, unit: Catalogue.unitAgeMonths)),
            ]
        }
}

extension RuleBook {
    /// Head of the same unit: Quy định 65-QĐ/TW of 28/04/2022 (no more than two consecutive terms: 8 years). Appointments:
    /// Quy định 80-QĐ/TW of 18/08/2022, replaced from 08/10/2025 by Quy định 377-QĐ/TW, with the numbers of DOMAIN.md §3
    /// (2 years in the post, a 5-year term of working age, 5-year terms, notice 90 working days ahead; re-appointment
    /// with 2 years of work left). Discipline: Quy định 22-QĐ/TW of 28/07/2021 (12, 30, 60 months). Planning: Quy định
    /// 50-QĐ/TW of 27/12/2021, replaced by Quy định 377-QĐ/TW (3 per position, 3 positions per person, a full term of
    /// working age, women ≥ 25%, young ≥ 15% — under 40 at province level, under 45 centrally). Retirement: Nghị định
    /// 135/2020/NĐ-CP from 01/01/2021 (men 60y3m rising by 3 months a year to 62, women 55y4m rising by 4 months to 60;
    /// before 2021, 60 and 55).
    static let cadreVersions: [RuleSetVersion] = {
        let appointment: [String: RuleValue] = [
            "min_months_in_post": .integer(24), "working_age_months": .integer(60), "term_years": .integer(5), "notice_working_days": .integer(90),
            "reappointment_min_months": .integer(24),
        ]
        let title377 =
            "Quy định về phân cấp quản lý cán bộ và quy hoạch, bổ nhiệm, giới thiệu ứng cử, tạm đình chỉ công tác, cho thôi giữ chức vụ, "
            + "từ chức, miễn nhiệm đối với cán bộ"
        let planning: [String: RuleValue] = [
            "max_per_position": .integer(3), "max_positions_per_person": .integer(3), "working_age_months": .integer(60),
            "women_min_percent": .integer(25), "young_min_percent": .integer(15), "young_under_province": .integer(40),
            "young_under_central": .integer(45),
        ]
        return [
            RuleSetVersion(
                family: .headTenure, regulation: "65-QĐ/TW", effectiveFrom: d("2022-04-28"),
                title: "Quy định về luân chuyển cán bộ: không giữ chức vụ người đứng đầu một địa phương, đơn vị quá hai nhiệm kỳ liên tiếp",
                values: ["limit_years": .integer(8)], builtIn: true),
            RuleSetVersion(
                family: .appointment, regulation: "80-QĐ/TW", effectiveFrom: d("2022-08-18"),
                title: "Quy định về phân cấp quản lý cán bộ và bổ nhiệm, giới thiệu cán bộ ứng cử", values: appointment, builtIn: true),
            RuleSetVersion(
                family: .appointment, regulation: "377-QĐ/TW", effectiveFrom: d("2025-10-08"), title: title377, values: appointment, builtIn: true),
            RuleSetVersion(
                family: .discipline, regulation: "22-QĐ/TW", effectiveFrom: d("2021-07-28"),
                title: "Quy định về công tác kiểm tra, giám sát và kỷ luật của Đảng: thời hạn không quy hoạch, bổ nhiệm, giới thiệu ứng cử "
                    + "sau kỷ luật",
                values: ["reprimand_months": .integer(12), "warning_months": .integer(30), "removal_months": .integer(60)], builtIn: true),
            RuleSetVersion(
                family: .planning, regulation: "50-QĐ/TW", effectiveFrom: d("2021-12-27"), title: "Quy định về công tác quy hoạch cán bộ",
                values: planning, builtIn: true),
            RuleSetVersion(
                family: .planning, regulation: "377-QĐ/TW", effectiveFrom: d("2025-10-08"), title: title377, values: planning, builtIn: true),
            RuleSetVersion(
                family: .retirement, regulation: "135/2020/NĐ-CP", effectiveFrom: d("2021-01-01"),
                title: "Nghị định quy định về tuổi nghỉ hưu: lộ trình điều chỉnh tuổi nghỉ hưu trong điều kiện lao động bình thường",
                values: [
                    "first_year": .integer(2021), "men_age_before": .integer(720), "men_first_age": .integer(723), "men_step_months": .integer(3),
                    "men_final_age": .integer(744), "women_age_before": .integer(660), "women_first_age": .integer(664),
                    "women_step_months": .integer(4), "women_final_age": .integer(720),
                ], builtIn: true),
        ]
    }()

    /// What no single threshold says but a version must respect, for the families of §2–§3: ages in order, a lighter
    /// discipline never barring longer than a heavier one, a roadmap that rises to its final age.
    static func consistencyProblems(_ version: RuleSetVersion) -> [FieldError] {
        switch version.family {
        case .discipline:
            let r = DisciplineBarPeriods(version)
            return r.reprimand <= r.warning && r.warning <= r.removalFromPost ? [] : [FieldError("warning_months", Catalogue.ruleBarsOrder)]
        case .retirement:
            return [Gender.male, .female].compactMap { gender in
                let prefix = gender == .male ? "men" : "women"
                let first = version.integer(prefix + "_first_age")
                let final = version.integer(prefix + "_final_age")
                let step = version.integer(prefix + "_step_months")
                return first <= final && (step > 0 || first == final) ? nil : FieldError(prefix + "_final_age", Catalogue.ruleRoadmapOrder)
            }
        default:
            return memberConsistency(version)
        }
    }
}

/// The years in a row as head of the same unit that make two consecutive terms (Quy định 65-QĐ/TW 2022) as
/// `CadreRules.headTenure` reads them.
public struct HeadTenureRules: Sendable, Hashable {
    public let regulation: String
    public let limitYears: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        limitYears = v.integer("limit_years")
    }

    /// The shipped version (Quy định 65-QĐ/TW).
    public static let builtIn = HeadTenureRules(RuleBook.shipped(.headTenure))
}

/// Appointment thresholds (Quy định 80-QĐ/TW 2022, Quy định 377-QĐ/TW 2025) as `CadreRules.timeInPost` and `Appointment`
/// read them.
public struct AppointmentRules: Sendable, Hashable {
    public let regulation: String
    /// Full months in the current post before an appointment to a higher one.
    public let minimumMonthsInPost: Int
    /// Full months of working time left at a first appointment or an appointment to a higher post.
    public let workingAgeMonths: Int
    public let termYears: Int
    /// The re-appointment procedure starts at least this many working days before the term ends.
    public let noticeWorkingDays: Int
    /// Full months of working time left for a re-appointment; with fewer, the post is kept until retirement.
    public let reappointmentMinimumMonths: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        minimumMonthsInPost = v.integer("min_months_in_post")
        workingAgeMonths = v.integer("working_age_months")
        termYears = v.integer("term_years")
        noticeWorkingDays = v.integer("notice_working_days")
        reappointmentMinimumMonths = v.integer("reappointment_min_months")
    }

    /// The shipped version in force today (Quy định 377-QĐ/TW).
    public static let builtIn = AppointmentRules(RuleBook.shipped(.appointment))
}

/// Planning thresholds (Quy định 50-QĐ/TW 2021, Quy định 377-QĐ/TW 2025) as `Planning` reads them.
public struct PlanningRules: Sendable, Hashable {
    public let regulation: String
    public let maxPerPosition: Int
    /// Positions' lists one person may be in at one level.
    public let maxPositionsPerPerson: Int
    /// Full months of working time left from the start of the term (a full term).
    public let workingAgeMonths: Int
    public let womenPercent: Int
    public let youngPercent: Int
    /// "Young" is under this age at province level and below.
    public let youngUnderProvince: Int
    /// "Young" is under this age for the Centre's planning.
    public let youngUnderCentral: Int

    public init(_ v: RuleSetVersion) {
        regulation = v.regulation
        maxPerPosition = v.integer("max_per_position")
        maxPositionsPerPerson = v.integer("max_positions_per_person")
        workingAgeMonths = v.integer("working_age_months")
        womenPercent = v.integer("women_min_percent")
        youngPercent = v.integer("young_min_percent")
        youngUnderProvince = v.integer("young_under_province")
        youngUnderCentral = v.integer("young_under_central")
    }

    /// The structure targets of a list planned centrally or at province level and below.
    public func targets(central: Bool) -> PlanningTargets {
        PlanningTargets(womenPercent: womenPercent, youngPercent: youngPercent, youngAgeLimit: central ? youngUnderCentral : youngUnderProvince)
    }

    /// The shipped version in force today (Quy định 377-QĐ/TW).
    public static let builtIn = PlanningRules(RuleBook.shipped(.planning))
}

extension DisciplineBarPeriods {
    /// The periods of a version of the `discipline` family.
    public init(_ v: RuleSetVersion) {
        self.init(reprimand: v.integer("reprimand_months"), warning: v.integer("warning_months"), removalFromPost: v.integer("removal_months"))
    }
}

extension RetirementRule {
    /// The roadmaps of a version of the `retirement` family: from `first_year` each gender's age starts at its first
    /// age and rises by its step each year up to its final age, which then holds; before, the age before.
    public init(_ v: RuleSetVersion) {
        func roadmap(_ prefix: String) -> RetirementRoadmap {
            let first = v.integer(prefix + "_first_age")
            let final = v.integer(prefix + "_final_age")
            let step = v.integer(prefix + "_step_months")
            var ages = [first]
            while step > 0, ages[ages.count - 1] < final { ages.append(min(ages[ages.count - 1] + step, final)) }
            return RetirementRoadmap(ageBefore: v.integer(prefix + "_age_before"), firstYear: v.integer("first_year"), agesByYear: ages)
        }
        self.init(men: roadmap("men"), women: roadmap("women"))
    }
}
