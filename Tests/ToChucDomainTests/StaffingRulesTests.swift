import Testing

@testable import ToChucDomain

/// DOMAIN.md §3 staffing quotas (biên chế): per agency and year, the quota assigned, the headcount, the reduction target
/// and progress (tinh giản biên chế, Nghị quyết 39-NQ/TW); a child's quota cannot exceed what its parent allotted.
struct StaffingRulesTests {
    static func around(parentAssigned: Int?, siblings: Int = 0, children: Int = 0) -> QuotaNeighbourhood {
        QuotaNeighbourhood(
            agency: "Sở Nội vụ", year: 2026, parent: parentAssigned == nil ? nil : "UBND tỉnh", parentAssigned: parentAssigned,
            siblingsAssigned: siblings, childrenAssigned: children)
    }

    @Test(
        "the children's quotas together may reach the parent's quota but not pass it (checked with this agency's new quota)",
        arguments: [
            (60, 40, 100, true),  // exactly the parent's: the whole quota handed down
            (61, 40, 100, false),  // one over
            (0, 100, 100, true),
            (1, 100, 100, false),
            (100, 0, 100, true),
            (101, 0, 100, false),
        ])
    func fitsInTheParent(assigned: Int, siblings: Int, parent: Int, fits: Bool) {
        let problems = StaffingRules.quotaProblems(assigned: assigned, around: Self.around(parentAssigned: parent, siblings: siblings))
        #expect(problems.isEmpty == fits)
        if !fits {
            #expect(problems[0].field == "assigned")
            #expect(problems[0].message.vi.contains("vượt \(VietnameseFormat.integer(parent))"))
            #expect(problems[0].message.vi.contains("(vượt \(assigned + siblings - parent))"))
        }
    }

    @Test(
        "an agency's quota may not fall below what it already allotted to its own children",
        arguments: [(50, 50, true), (49, 50, false), (0, 0, true), (10, 0, true)])
    func coversTheChildren(assigned: Int, children: Int, covers: Bool) {
        let problems = StaffingRules.quotaProblems(assigned: assigned, around: Self.around(parentAssigned: nil, children: children))
        #expect(problems.isEmpty == covers)
        if !covers { #expect(problems[0].message.vi.contains("thiếu \(children - assigned)")) }
    }

    @Test("a parent without a quota for the year leaves nothing to compare with: the check runs when the parent's is saved")
    func noParentQuota() {
        #expect(StaffingRules.quotaProblems(assigned: 1_000, around: Self.around(parentAssigned: nil, siblings: 5_000)).isEmpty)
    }

    @Test(
        "figures are whole numbers from 0 (dots and spaces of Vietnamese thousands allowed); the reduction target fits in the quota",
        arguments: [
            (StaffingDraft(assigned: "1.250", actual: "1 200", reductionTarget: "50", reduced: "20"), nil as String?),
            (StaffingDraft(assigned: "10", actual: "12"), nil),  // over quota is a fact, not an error
            (StaffingDraft(assigned: "10", actual: "10", reductionTarget: "10"), nil),
            (StaffingDraft(assigned: "10", actual: "10", reductionTarget: "11"), "reduction_target"),
            (StaffingDraft(assigned: "", actual: "10"), "assigned"),
            (StaffingDraft(assigned: "-1", actual: "10"), "assigned"),
            (StaffingDraft(assigned: "10", actual: "ba"), "actual"),
            (StaffingDraft(assigned: "10000001", actual: "1"), "assigned"),
            (StaffingDraft(assigned: "10", actual: "1", note: String(repeating: "x", count: 1001)), "note"),
        ])
    func figures(draft: StaffingDraft, wrongField: String?) {
        switch StaffingRules.check(draft) {
        case .success: #expect(wrongField == nil)
        case .failure(.invalid(_, let errors)): #expect(errors.first?.field == wrongField)
        case .failure(let other): Issue.record("unexpected \(other)")
        }
    }

    @Test("progress is the reductions over the target, none without a target", arguments: [(20, 50, 40.0 as Double?), (50, 50, 100), (0, 0, nil), (5, 0, nil)])
    func progress(reduced: Int, target: Int, percent: Double?) {
        #expect(StaffingRules.progressPercent(reduced: reduced, target: target) == percent)
    }
}
