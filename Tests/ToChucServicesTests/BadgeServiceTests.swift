import Testing
import ToChucDomain
import ToChucServices

/// DOMAIN.md §2, badges: party age from the first admission less time out of the Party; posthumous awards.
@Suite struct BadgeServiceTests {
    static let cli = TestDatabase.cli
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    @Test("a re-admitted member reaches 30 years five years late; the page's party age says why")
    func readmitted() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let created = try await t.services.members.create(
                Self.cli, MemberTests.draft("Trịnh Văn Gián", card: "71000001", birth: "1965-01-01", admitted: "1990-03-02", recognized: "1991-03-02"),
                today: Self.d("2026-11-22"))
            _ = try await t.services.members.recordEvent(
                Self.cli, memberId: created.id, MemberEventInput(kind: .resigned, effectiveOn: Self.d("2010-05-19"), decisionNo: "5-QĐ/ĐU"))
            let back = try await t.services.members.recordEvent(
                Self.cli, memberId: created.id, MemberEventInput(kind: .readmitted, effectiveOn: Self.d("2015-05-19"), decisionNo: "9-QĐ/HU"))
            var draft = back.draft
            draft.status = "full"
            draft.recognizedOn = "2016-05-19"
            let member = try await t.services.members.update(Self.cli, id: created.id, draft, expectedVersion: back.version, today: Self.d("2026-11-22"))
            #expect(member.record.admittedOn == Self.d("2015-05-19"))
            let events = try await t.services.members.events(Self.cli, member: member)
            let report = try t.services.members.partyAge(Self.cli, member: member, events: events, today: Self.d("2025-03-02"))
            #expect(report?.firstAdmitted == Self.d("1990-03-02") && report?.age.years == 30 && report?.interruptedMonths == 60)
            // 1990-03-02 + 35 years − 5 years out: the 30-year badge falls on 2025-03-02, not on 2020-03-02.
            let award = try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2025-03-02"))
            #expect(award.map(\.milestone) == [30] && award.first?.reachedOn == Self.d("2025-03-02") && award.first?.kind == .regular)
            #expect(try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2020-05-19")).isEmpty)
        }
    }

    @Test("a member who died two months short of 30 years is listed for the posthumous badge at the next award date")
    func posthumous() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let created = try await t.services.members.create(
                Self.cli, MemberTests.draft("Lê Văn Truy", card: "71000002", birth: "1960-01-01", admitted: "1996-02-01", recognized: "1997-02-01"),
                today: Self.d("2026-11-22"))
            _ = try await t.services.members.recordEvent(
                Self.cli, memberId: created.id, MemberEventInput(kind: .deceased, effectiveOn: Self.d("2025-12-01"), decisionNo: "1-TB/CB"))
            let award = try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2026-02-03"))
            #expect(award.map(\.milestone) == [30] && award.first?.kind == .posthumous)
            // Not again at the award date after.
            #expect(try await t.services.badges.eligible(Self.cli, awardDate: Self.d("2026-05-19")).isEmpty)
        }
    }
}
