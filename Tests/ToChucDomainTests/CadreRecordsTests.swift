import Testing
import ToChucDomain

/// Issue 5: the pure parts of positions and decisions — management levels, titles of heads, the checks of a position.
@Suite struct CadreRecordsTests {
    @Test(
        "DOMAIN.md §3, §6: the managing authority or one above it approves; a lower level does not",
        arguments: [
            (ManagementLevel.provincial, ManagementLevel.provincial, true),
            (.provincial, .central, true),
            (.provincial, .upperBase, false),
            (.provincial, .base, false),
            (.base, .base, true),
            (.central, .provincial, false),
        ] as [(ManagementLevel, ManagementLevel, Bool)])
    func approvalByLevel(managedBy: ManagementLevel, approver: ManagementLevel, allowed: Bool) {
        #expect(ManagementLevel.mayApprove(managedBy: managedBy, approver: approver) == allowed)
    }

    @Test("a unit's committee manages at its level; everything below the upper-base level is the base level")
    func levelOfUnits() {
        #expect(ManagementLevel.of(.central) == .central)
        #expect(ManagementLevel.of(.provincial) == .provincial)
        #expect(ManagementLevel.of(.upperBase) == .upperBase)
        #expect([UnitKind.base, .subBase, .cell].map(ManagementLevel.of) == [.base, .base, .base])
    }

    @Test("levels are read as INTERCHANGE.md writes them, in English or Vietnamese, with or without accents")
    func parseLevels() {
        #expect(ManagementLevel.parse("Tỉnh ủy") == .provincial)
        #expect(ManagementLevel.parse("TINH UY") == .provincial)
        #expect(ManagementLevel.parse("upper_base") == .upperBase)
        #expect(ManagementLevel.parse("Huyện ủy") == .upperBase)
        #expect(ManagementLevel.parse("Trung ương") == .central)
        #expect(ManagementLevel.parse("Cơ sở") == .base)
        #expect(ManagementLevel.parse("galaxy") == nil)
        #expect(PositionStartKind.parse("Bổ nhiệm lại") == .reappointed && PositionStartKind.parse("luan chuyen") == .rotated)
        #expect(PositionEndKind.parse("Miễn nhiệm") == .dismissed && PositionEndKind.parse("term_end") == .termEnd)
        #expect(AgencyKind.parse("Mặt trận Tổ quốc") == .fatherlandFront)
    }

    @Test(
        "Quy định 65-QĐ/TW counts the head of a unit: Bí thư, Chủ tịch, Giám đốc, Trưởng ban — not their deputies",
        arguments: [
            ("Bí thư", true), ("Bí thư Tỉnh ủy", true), ("Chủ tịch UBND", true), ("Giám đốc Sở Nội vụ", true), ("Trưởng ban Tổ chức", true),
            ("Phó Bí thư", false), ("Phó Chủ tịch", false), ("Ủy viên Ban Thường vụ", false), ("Chuyên viên", false),
            // A school is not a title: "Trường" (school) folds like "Trưởng" (head), so accents decide when typed.
            ("Trường Chính trị tỉnh", false), ("Hiệu trưởng Trường Chính trị", true), ("Trưởng phòng", true),
            // Without accents the folded words decide.
            ("Bi thu Dang uy", true), ("truong ban", true), ("Pho Bi thu", false), ("Chuyen vien", false),
            ("  Bí   thư  ", true), ("Chánh Văn phòng Tỉnh ủy", true),
        ] as [(String, Bool)])
    func heads(title: String, isHead: Bool) {
        #expect(CadreTitle.isHead(title) == isHead)
    }

    @Test("a decision ending a post names it; one opening a post starts it the way its kind says")
    func decisionKinds() {
        #expect(CadreDecisionKind.allCases.filter(\.mustClose) == [.reappointment, .dismissal, .resignation, .retirement])
        #expect(CadreDecisionKind.rotation.opens == .rotated && CadreDecisionKind.rotation.closes == .transferred)
        #expect(CadreDecisionKind.retirement.opens == nil && CadreDecisionKind.retirement.closes == .retired)
    }

    @Test("a position needs a title, a start, a known level; it ends no earlier than it starts; an end kind needs an end")
    func positionChecks() {
        var draft = PositionDraft()
        draft.title = "Bí thư"
        draft.startedOn = "01/06/2020"
        draft.managedBy = "Tỉnh ủy"
        draft.startKind = "Bầu"
        let valid = try? PositionRules.check(draft).get()
        #expect(valid?.startedOn == CivilDate(year: 2020, month: 6, day: 1) && valid?.managedBy == .provincial && valid?.startKind == .elected)
        draft.endedOn = "2020-05-31"
        draft.endKind = "sideways"
        draft.managedBy = ""
        guard case .failure(.invalid(_, let errors)) = PositionRules.check(draft) else {
            Issue.record("accepted")
            return
        }
        #expect(Set(errors.map(\.field)) == ["ended_on", "end_kind", "managed_by"])
        var open = PositionDraft()
        open.title = "Bí thư"
        open.startedOn = "2020-06-01"
        open.managedBy = "base"
        open.endKind = "retired"
        guard case .failure(.invalid(_, let missing)) = PositionRules.check(open) else {
            Issue.record("an end kind without an end was accepted")
            return
        }
        #expect(missing.map(\.field) == ["ended_on"])
    }
}
