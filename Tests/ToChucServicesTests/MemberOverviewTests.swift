import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// The member's page reads the record with flags saying which of its sections have rows (`MemberService.overview`),
/// and reads a section only when its flag is set: a flag that said "none" while the section had rows would hide them.
@Suite struct MemberOverviewTests {
    static let today = TrainingServiceTests.today

    func flags(_ o: MemberOverview) -> [Bool] { [o.hasPhoto, o.hasTraining, o.hasVettingCases] }

    @Test("each flag of the overview is set exactly when the section's own read has rows: photo, courses, vetting cases")
    func flagsFollowTheSections() async throws {
        try await TestDatabase.with { t in
            try await TrainingServiceTests.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let id = try await t.services.members.search(clerk, { var q = MemberQuery(); q.text = "hoa"; return q }()).items[0].id
            func check(_ expected: [Bool]) async throws {
                let overview = try await t.services.members.overview(clerk, id: id)
                #expect(flags(overview) == expected)
                let member = overview.member
                #expect(try await t.services.members.hasPhoto(clerk, member: member) == expected[0])
                #expect(try await !t.services.training.personRecords(clerk, member: member).isEmpty == expected[1])
                #expect(try await !t.services.vetting.cases(clerk, member: member, today: Self.today).isEmpty == expected[2])
            }
            try await check([false, false, false])
            try await t.services.members.setPhoto(clerk, memberId: id, data: MemberPhotoServiceTests.jpeg)
            try await check([true, false, false])
            let enrollment = try await TrainingServiceTests.enroll(t, try await TrainingServiceTests.course(t), 1)
            try await check([true, true, false])
            _ = try await t.services.training.annulEnrollment(clerk, id: enrollment.id, reason: "Nhập nhầm người", today: Self.today)
            try await check([true, false, false])
            _ = try await t.services.vetting.create(clerk, VettingServiceTests.draft("30000001"), today: Self.today)
            try await check([true, false, true])
            try await t.services.members.removePhoto(clerk, memberId: id)
            try await check([false, false, true])
        }
    }

    @Test("the overview's history and events are what their own reads give: imported, then corrected, then transferred")
    func historyAndEventsFollowTheirOwnReads() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let folder = t.folder.appendingPathComponent("members-overview")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(MemberTests.membersCSV.utf8).write(to: folder.appendingPathComponent("members.csv"))
            _ = try await t.services.interchange.importDataset(MemberTests.cli, at: folder)
            let clerk = try await t.principal(.clerk, at: "T01")
            let id = try await t.services.members.search(clerk, { var q = MemberQuery(); q.text = "tùng"; return q }()).items[0].id
            func check(_ actions: [String], events: [MemberEventKind]) async throws {
                let overview = try await t.services.members.overview(clerk, id: id)
                #expect(overview.history.map(\.action) == actions)
                #expect(overview.history == (try await t.services.members.history(clerk, member: overview.member)))
                #expect(overview.events.map(\.kind) == events)
                #expect(overview.events == (try await t.services.members.events(clerk, member: overview.member)))
            }
            try await check(["import"], events: [])
            let member = try await t.services.members.get(clerk, id: id)
            var draft = member.draft
            draft.phone = "0912345678"
            _ = try await t.services.members.update(clerk, id: id, draft, expectedVersion: member.version, today: MemberTests.today)
            try await check(["import", "update"], events: [])
            _ = try await t.services.members.recordEvent(
                clerk, memberId: id,
                MemberEventInput(kind: .transferWithin, effectiveOn: CivilDate(year: 2026, month: 3, day: 2)!, decisionNo: "15-QĐ/ĐU", toUnitCode: "T01-B-C1"),
                today: MemberTests.today)
            try await check(["import", "update", "transfer_within"], events: [.transferWithin])
        }
    }

    @Test("the overview of a member outside the principal's subtree is 'not found', like the member")
    func outsideTheScope() async throws {
        try await TestDatabase.with { t in
            try await TrainingServiceTests.setUp(t)
            let province = try await t.principal(.admin, at: "T01")
            let id = try await t.services.members.search(province, { var q = MemberQuery(); q.text = "hoa"; return q }()).items[0].id
            #expect(try await t.services.members.overview(province, id: id).member.record.fullName == "Nguyễn Thị Hoa")
            let sibling = try await t.principal(.admin, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) { try await t.services.members.overview(sibling, id: id) }
            await #expect(throws: DomainError.notFound(Catalogue.memberNotFound)) { try await t.services.members.overview(sibling, id: 999_999) }
        }
    }
}
