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
