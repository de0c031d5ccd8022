import Testing

@testable import ToChucDomain

/// DOMAIN.md: "Where this page gives a number from a regulation, treat it as the default of a setting that an
/// administrator can change"; issue 6: each check uses the rule set in force on the date it judges.
struct RuleSetTests {
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test(
        "fractions compare in integers: at least 2/3 and more than 1/2, at and around the boundary",
        arguments: [
            (2, 3, 26, 39, true, false),  // exactly 2/3: reached, not exceeded
            (2, 3, 25, 39, false, false),
            (2, 3, 27, 39, true, true),
            (1, 2, 20, 40, true, false),  // exactly half is not "more than half"
            (1, 2, 21, 40, true, true),
            (1, 2, 0, 0, false, false),  // nothing to count
        ])
    func fractions(n: Int, d: Int, count: Int, total: Int, reached: Bool, exceeded: Bool) throws {
        let f = try #require(Fraction(n, d))
        #expect(f.isReached(count, of: total) == reached)
        #expect(f.isExceeded(count, of: total) == exceeded)
    }

    @Test("the least count reaching 2/3 of 40 is 27; of 39 is 26; a fraction is written n/d and parses back")
    func leastReaching() throws {
        let twoThirds = try #require(Fraction(parsing: " 2 / 3 "))
        #expect(twoThirds.leastReaching(40) == 27 && twoThirds.leastReaching(39) == 26)
        #expect(Fraction(parsing: twoThirds.description) == twoThirds)
        #expect(Fraction(parsing: "3/2") == nil && Fraction(parsing: "1/0") == nil && Fraction(parsing: "x") == nil)
    }

    @Test(
        "classification uses Quy định 124-QĐ/TW for 2023–2024 and 366-QĐ/TW from 2025 — chosen by the date judged, not by code",
        arguments: [("2023-12-31", "124-QĐ/TW"), ("2024-12-31", "124-QĐ/TW"), ("2025-01-01", "366-QĐ/TW"), ("2025-12-31", "366-QĐ/TW")])
    func inForce(date: String, regulation: String) {
        #expect(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: Self.d(date))?.regulation == regulation)
    }

    @Test("before the first version nothing is in force; a later version replaces the earlier from its date")
    func replacement() throws {
        #expect(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: Self.d("2018-03-07")) == nil)
        #expect(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: Self.d("2022-12-31"))?.regulation == "132-QĐ/TW")
        var values = RuleFamily.election.parameters.reduce(into: [String: String]()) { $0[$1.key] = "" }
        values = ["surplus_max_percent": "25", "small_body_min_seats": "3", "small_body_max_seats": "5", "small_body_max_surplus": "1",
                  "floor_nominee_more_than_percent": "30", "elected_more_than": "1/2", "majority_base": "returned"]
        let draft = RuleSetDraft(family: "election", regulation: "250-QĐ/TW", effectiveFrom: "01/01/2030", title: "Quy chế bầu cử mới", values: values)
        let version = try RuleBook.check(draft, existing: RuleBook.builtIn).get()
        let all = RuleBook.builtIn + [version]
        #expect(RuleBook.inForce(all, family: .election, on: Self.d("2029-12-31"))?.regulation == "190-QĐ/TW")
        let later = try #require(RuleBook.inForce(all, family: .election, on: Self.d("2030-01-01")))
        #expect(ElectionRules(later).surplusMaxPercent == 25 && ElectionRules(later).majorityBase == .returned)
    }

    @Test(
        "a new version is refused with the field: unknown family, bad number, no date, a value of the wrong kind, bands out of order, same date",
        arguments: [
            (RuleSetDraft(family: "galaxy", regulation: "1-QĐ/TW", effectiveFrom: "2030-01-01", title: "x"), "family"),
            (RuleSetDraft(family: "cell_meetings", regulation: "-/", effectiveFrom: "2030-01-01", title: "x", values: ["flag_months": "3"]), "regulation"),
            (RuleSetDraft(family: "cell_meetings", regulation: "1-QĐ/TW", effectiveFrom: "", title: "x", values: ["flag_months": "3"]), "effective_from"),
            (RuleSetDraft(family: "cell_meetings", regulation: "1-QĐ/TW", effectiveFrom: "2030-01-01", title: "", values: ["flag_months": "3"]), "title"),
            (RuleSetDraft(family: "cell_meetings", regulation: "1-QĐ/TW", effectiveFrom: "2030-01-01", title: "x", values: ["flag_months": "13"]), "flag_months"),
            (RuleSetDraft(family: "cell_meetings", regulation: "1-QĐ/TW", effectiveFrom: "2011-01-19", title: "x", values: ["flag_months": "4"]), "effective_from"),
            (RuleSetDraft(family: "classification", regulation: "9-QĐ/TW", effectiveFrom: "2030-01-01", title: "x", values: [
                "uses_score": "yes", "excellent_min_score": "90", "good_min_score": "95", "done_min_score": "50",
                "excellent_quota_percent_of_good": "20", "excellent_min_exceeded_percent": "30", "done_max_late_percent": "20"]), "good_min_score"),
            (RuleSetDraft(family: "confidence_vote", regulation: "9-QĐ/TW", effectiveFrom: "2030-01-01", title: "x", values: [
                "quorum": "2/3", "low_removal_more_than": "2/3", "low_dismissal_at_least": "1/2", "max_places": "2"]), "low_dismissal_at_least"),
        ])
    func refusals(draft: RuleSetDraft, field: String) {
        guard case .failure(.invalid(_, let errors)) = RuleBook.check(draft, existing: RuleBook.builtIn) else {
            Issue.record("accepted")
            return
        }
        #expect(errors.contains { $0.field == field }, "\(errors.map(\.field))")
    }

    @Test("congress terms are a setting too: Điều lệ Đảng ships 5-year terms from 2020; a later version changes the term in course from its date")
    func congressTerms() throws {
        let shipped = try #require(RuleBook.inForce(RuleBook.builtIn, family: .congress, on: Self.d("2025-06-01")))
        #expect(shipped.regulation == "Điều lệ Đảng" && CongressRules(shipped).termYears == 5 && CongressRules(shipped).leadMonths == 12)
        let draft = RuleSetDraft(
            family: "congress", regulation: "Điều lệ Đảng (sửa đổi)", effectiveFrom: "2030-01-01", title: "Nhiệm kỳ 6 năm",
            values: ["term_years": "6", "first_term_year": "2031", "lead_months": "6"])
        let later = try RuleBook.check(draft, existing: RuleBook.builtIn).get()
        let rules = CongressRules(try #require(RuleBook.inForce(RuleBook.builtIn + [later], family: .congress, on: Self.d("2030-07-01"))))
        #expect(rules.term(inCourseOn: Self.d("2030-07-01")).key == "2031-2037")
        #expect(RuleBook.check(RuleSetDraft(family: "congress", regulation: "1-QĐ/TW", effectiveFrom: "2031-01-01", title: "x", values: [
            "term_years": "0", "first_term_year": "2031", "lead_months": "6"]), existing: []).isFailure)
    }

    @Test("every built-in version carries every threshold of its family with a value of its kind")
    func builtInsAreComplete() {
        for version in RuleBook.builtIn {
            for parameter in version.family.parameters {
                #expect(parameter.parse(version.values[parameter.key]?.text ?? "") != nil, "\(version.regulation) \(parameter.key)")
            }
            let draft = RuleSetDraft(
                family: version.family.rawValue, regulation: version.regulation, effectiveFrom: version.effectiveFrom.iso, title: version.title,
                values: version.values.mapValues(\.text))
            #expect((try? RuleBook.check(draft, existing: []).get()) == version.withBuiltIn(false))
        }
    }
}

extension RuleSetVersion {
    func withBuiltIn(_ flag: Bool) -> RuleSetVersion {
        RuleSetVersion(family: family, regulation: regulation, effectiveFrom: effectiveFrom, title: title, values: values, builtIn: flag)
    }
}

extension Result {
    var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}

/// The families of DOMAIN.md §2–§3 (admission, badges, head of a unit, appointments, discipline, planning, retirement):
/// each shipped with its regulation, the version in force chosen by the date judged, the earliest standing for older
/// dates, and the typed views giving the numbers the rules used to hard-code.
extension RuleSetTests {
    @Test(
        "the version in force by date for each family of §2–§3; before the first, the earliest answers (old records are still judged)",
        arguments: [
            (RuleFamily.admission, "1990-05-19", "24-QĐ/TW"), (.admission, "2026-01-01", "24-QĐ/TW"),
            (.badges, "2021-09-27", "01-HD/TW"), (.badges, "2026-02-03", "01-HD/TW"),
            (.headTenure, "2015-01-01", "65-QĐ/TW"), (.headTenure, "2026-01-01", "65-QĐ/TW"),
            (.appointment, "2020-01-01", "80-QĐ/TW"), (.appointment, "2025-10-07", "80-QĐ/TW"), (.appointment, "2025-10-08", "377-QĐ/TW"),
            (.discipline, "2010-01-01", "22-QĐ/TW"), (.discipline, "2026-01-01", "22-QĐ/TW"),
            (.planning, "2021-12-26", "50-QĐ/TW"), (.planning, "2025-10-07", "50-QĐ/TW"), (.planning, "2025-10-08", "377-QĐ/TW"),
            (.retirement, "2019-01-01", "135/2020/NĐ-CP"), (.retirement, "2030-01-01", "135/2020/NĐ-CP"),
        ])
    func inForceForPeopleAndCadres(family: RuleFamily, date: String, regulation: String) {
        #expect(RuleVersions.builtIn.inForce(family, on: Self.d(date))?.regulation == regulation)
        #expect(RuleBook.applicable(RuleBook.builtIn, family: family, on: Self.d(date))?.regulation == regulation)
    }

    @Test("the families of §4 still judge no date before their first regulation; those of §2–§3 cover earlier dates")
    func coverage() {
        #expect(RuleBook.applicable(RuleBook.builtIn, family: .election, on: Self.d("2024-10-06")) == nil)
        let covering: [RuleFamily] = [.admission, .badges, .headTenure, .appointment, .discipline, .planning, .retirement]
        #expect(RuleFamily.allCases.filter(\.coversEarlierDates) == covering)
    }

    @Test("the shipped versions give the numbers of DOMAIN.md §2–§3, which the pure functions take by default")
    func shippedNumbers() throws {
        let a = AdmissionRules.builtIn
        #expect((a.minimumAge, a.maximumAge, a.introducers, a.introducerMonths, a.youthUnionMaxAge) == (18, 60, 2, 12, 30))
        #expect(a.cellVote == Fraction(2, 3) && (a.ceremonyWorkingDays, a.probationMonths, a.recognitionWorkingDays) == (30, 12, 30))
        let b = BadgeRules.builtIn
        #expect((b.earlyMonths, b.longEarlyFrom, b.longEarlyMonths, b.posthumousEarlyMonths) == (12, 70, 24, 12))
        #expect(HeadTenureRules.builtIn.limitYears == 8 && HeadTenureRules.builtIn.regulation == "65-QĐ/TW")
        let p = AppointmentRules.builtIn
        #expect((p.minimumMonthsInPost, p.workingAgeMonths, p.termYears, p.noticeWorkingDays, p.reappointmentMinimumMonths) == (24, 60, 5, 90, 24))
        #expect(DisciplineBarPeriods.current == DisciplineBarPeriods(reprimand: 12, warning: 30, removalFromPost: 60))
        let q = PlanningRules.builtIn
        #expect((q.maxPerPosition, q.maxPositionsPerPerson, q.workingAgeMonths, q.womenPercent, q.youngPercent) == (3, 3, 60, 25, 15))
        #expect(PlanningTargets.province.youngAgeLimit == 40 && PlanningTargets.central.youngAgeLimit == 45)
        // Nghị định 135/2020/NĐ-CP, Phụ lục I, as a rule set: exactly the tables written out year by year.
        #expect(RetirementRule.current.men == .men && RetirementRule.current.women == .women && RetirementRule.current.lowestAge == 55 * 12)
        // The roadmap ends at 62 for men (2028 on) and 60 for women (2035 on): nobody retires older.
        #expect(RetirementRule.current.highestAge == 62 * 12)
    }

    @Test("decree numbers are regulation numbers too: 135/2020/NĐ-CP; a number without its kind is not")
    func decreeNumbers() {
        #expect(RuleBook.isRegulationNumber("135/2020/NĐ-CP") && RuleBook.isRegulationNumber("01-HD/TW"))
        #expect(!RuleBook.isRegulationNumber("135/2020") && !RuleBook.isRegulationNumber("135/20/NĐ-CP"))
    }

    static func draft(_ family: RuleFamily, _ from: String, _ changes: [String: String]) -> RuleSetDraft {
        let shipped = RuleBook.shipped(family).values.mapValues(\.text)
        return RuleSetDraft(
            family: family.rawValue, regulation: "999-QĐ/TW", effectiveFrom: from, title: "Quy định mới",
            values: shipped.merging(changes) { $1 })
    }

    @Test(
        "a new version of a §2–§3 family is refused when its numbers contradict each other",
        arguments: [
            (RuleFamily.admission, ["min_age": "30", "max_age": "30"], "max_age"),
            (.admission, ["cell_vote": "3/2"], "cell_vote"),
            (.discipline, ["reprimand_months": "40"], "warning_months"),
            (.retirement, ["men_first_age": "750", "men_final_age": "744"], "men_final_age"),
            (.retirement, ["women_step_months": "0"], "women_final_age"),
            (.planning, ["max_per_position": "0"], "max_per_position"),
            (.retirement, ["first_year": "1900"], "first_year"),
        ])
    func contradictions(family: RuleFamily, changes: [String: String], field: String) {
        guard case .failure(.invalid(_, let errors)) = RuleBook.check(Self.draft(family, "2030-01-01", changes), existing: RuleBook.builtIn) else {
            Issue.record("accepted")
            return
        }
        #expect(errors.map(\.field) == [field])
    }

    @Test("an administrator's version replaces the shipped one from its date, not before: 4 per position from 2030, a 65-year roadmap")
    func replacementByDate() throws {
        let planning = try RuleBook.check(Self.draft(.planning, "2030-01-01", ["max_per_position": "4"]), existing: RuleBook.builtIn).get()
        let roadmap = try RuleBook.check(Self.draft(.retirement, "2030-01-01", ["men_final_age": "780"]), existing: RuleBook.builtIn).get()
        let rules = RuleVersions(RuleBook.builtIn + [planning, roadmap])
        #expect(rules.planning(on: Self.d("2029-12-31")).maxPerPosition == 3 && rules.planning(on: Self.d("2029-12-31")).regulation == "377-QĐ/TW")
        #expect(rules.planning(on: Self.d("2030-01-01")).maxPerPosition == 4 && rules.planning(on: Self.d("2030-01-01")).regulation == "999-QĐ/TW")
        // A man born in 03/1968 reaches 62 in 2030 under the shipped decree; under the new one the 2030 age is 62y6m.
        let born = Self.d("1968-03-15")
        #expect(Retirement.age(birthDate: born, gender: .male, rule: rules.retirement(on: Self.d("2029-12-31"))) == (62, 0))
        #expect(Retirement.age(birthDate: born, gender: .male, rule: rules.retirement(on: Self.d("2030-01-01"))) == (62, 6))
        #expect(rules.retirement(on: Self.d("2030-01-01")).men.agesByYear.last == 65 * 12)
        // The women's roadmap of the new version is the shipped one.
        #expect(rules.retirement(on: Self.d("2030-01-01")).women == .women)
    }

    @Test("the typed views feed the pure functions: a younger least age, a longer bar, a longer head limit")
    func pureFunctionsTakeTheVersion() throws {
        let rules = RuleVersions(
            RuleBook.builtIn + [
                try RuleBook.check(Self.draft(.admission, "2030-01-01", ["min_age": "17"]), existing: RuleBook.builtIn).get(),
                try RuleBook.check(Self.draft(.discipline, "2030-01-01", ["reprimand_months": "18"]), existing: RuleBook.builtIn).get(),
                try RuleBook.check(Self.draft(.headTenure, "2030-01-01", ["limit_years": "10"]), existing: RuleBook.builtIn).get(),
            ])
        let birth = Self.d("2012-06-01")
        for (date, refused) in [("2029-12-31", true), ("2030-01-01", false)] {
            let r = rules.admission(on: Self.d(date))
            let problem = Admission.candidateAge(birthDate: birth, on: Self.d(date), minimumYears: r.minimumAge, maximumYears: r.maximumAge)
            #expect((problem != nil) == refused, "\(date)")
        }
        let reprimand = DisciplineRecord(level: .reprimand, decidedOn: Self.d("2029-03-01"))
        #expect(!Discipline.bars(reprimand, on: Self.d("2030-03-01"), periods: rules.discipline(on: Self.d("2029-12-31"))))
        #expect(Discipline.bars(reprimand, on: Self.d("2030-03-01"), periods: rules.discipline(on: Self.d("2030-03-01"))))
        // Head since 01/06/2021: 8 years 6 months on 31/12/2029 break the shipped 8; the next day, 10 years is the limit (and
        // 8 years 7 months are not yet within the 12 months of "sắp đủ").
        let head = [CadrePosition(unit: "u", title: "Bí thư", isHead: true, start: Self.d("2021-06-01"))]
        let shipped = rules.headTenure(on: Self.d("2029-12-31"))
        let reached = CadreRules.headTenure(head, on: Self.d("2029-12-31"), limitYears: shipped.limitYears, regulation: shipped.regulation)
        #expect(reached?.vi.contains("Quy định 65-QĐ/TW: không quá hai nhiệm kỳ liên tiếp (8 năm)") == true)
        let later = rules.headTenure(on: Self.d("2030-01-01"))
        #expect(CadreRules.headTenure(head, on: Self.d("2030-01-01"), limitYears: later.limitYears, regulation: later.regulation) == nil)
    }
}
