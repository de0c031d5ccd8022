import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Cell meetings and dues on SQLite and PostgreSQL (DOMAIN.md §4; Điều lệ Đảng, Điều 8): meetings of a cell with their
/// attendance, dues per member and month, the members flagged for three months in a year, scope and stale saves.
@Suite(.serialized)
struct MeetingServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Three members in T01-A-C1, one in T01-B-C1; returns their ids.
    static func setUp(_ t: TestDatabase) async throws -> [Int64] {
        try await t.seedTree()
        var ids: [Int64] = []
        for (n, name) in ["Nguyễn Văn Hải", "Trần Thị Hoa", "Lê Văn Khánh"].enumerated() {
            ids.append(try await t.services.members.create(cli, MemberTests.draft(name, card: "4000000\(n + 1)"), today: today).id)
        }
        ids.append(try await t.services.members.create(cli, MemberTests.draft("Đỗ Văn Long", card: "40000009", unit: "T01-B-C1"), today: today).id)
        return ids
    }

    static func meeting(_ t: TestDatabase, _ date: String, kind: String = "monthly", unit: String = "T01-A-C1") async throws -> CellMeeting {
        try await t.services.meetings.create(
            try await t.principal(.clerk, at: "T01-A"), unitCode: unit, MeetingDraft(meetsOn: date, kind: kind, topics: "Nghị quyết tháng"))
    }

    static func attend(_ t: TestDatabase, _ meeting: CellMeeting, _ lines: [(Int64, String)]) async throws -> MeetingDetail {
        try await t.services.meetings.saveAttendance(
            try await t.principal(.clerk, at: "T01-A"), id: meeting.id, lines.map { AttendanceInput(memberId: $0.0, attendance: $0.1) },
            expectedVersion: meeting.version, today: today)
    }

    @Test("Điều lệ Đảng, Điều 8: two months missed are not flagged, a third is — excused absences and thematic meetings never count")
    func flagged() async throws {
        try await TestDatabase.with { t in
            let ids = try await Self.setUp(t)
            let (hai, hoa, khanh) = (ids[0], ids[1], ids[2])
            let clerk = try await t.principal(.clerk, at: "T01-A")
            _ = try await Self.attend(t, try await Self.meeting(t, "2026-01-15"), [(hai, "K"), (hoa, "K"), (khanh, "C")])
            _ = try await Self.attend(t, try await Self.meeting(t, "2026-02-15"), [(hai, "absent"), (hoa, "P"), (khanh, "C")])
            _ = try await Self.attend(t, try await Self.meeting(t, "2026-03-15"), [(hai, "P"), (hoa, "P"), (khanh, "K")])
            _ = try await Self.attend(t, try await Self.meeting(t, "2026-04-10", kind: "thematic"), [(hai, "K"), (hoa, "K"), (khanh, "K")])
            var list = try await t.services.meetings.flagged(clerk, unitCode: "", year: 2026, today: Self.today)
            #expect(list.page.items.isEmpty && list.rules.flagMonths == 3)
            // Unpaid dues in January (already absent: the month counts once) and in June.
            _ = try await t.services.meetings.saveDues(
                clerk, unitCode: "T01-A-C1", year: 2026,
                [
                    DuesInput(memberId: hai, month: 6, text: "0"), DuesInput(memberId: hoa, month: 1, text: "-"),
                    DuesInput(memberId: khanh, month: 1, text: "25.000"),
                ],
                today: Self.today)
            list = try await t.services.meetings.flagged(clerk, unitCode: "T01-A", year: 2026, today: Self.today)
            #expect(list.page.items.map(\.name) == ["Nguyễn Văn Hải"])
            let standing = list.page.items[0].standing
            #expect(standing.absenceMonths == [1, 2] && standing.unpaidMonths == [6] && standing.months == [1, 2, 6])
            // Other subtrees and other years see nobody.
            #expect(
                try await t.services.meetings.flagged(try await t.principal(.clerk, at: "T01-B"), unitCode: "", year: 2026, today: Self.today).page
                    .total == 0)
            #expect(try await t.services.meetings.flagged(clerk, unitCode: "", year: 2025, today: Self.today).page.total == 0)
            let rows = try await t.services.meetings.flaggedExportRows(clerk, unitCode: "", year: 2026, today: Self.today)
            #expect(rows.count == 2 && rows[1][4] == "1, 2" && rows[1][6] == "3")
        }
    }

    @Test("a meeting's year, calendar and attendance: a scheduled meeting takes no attendance; a stale grid is a conflict")
    func meetings() async throws {
        try await TestDatabase.with { t in
            let ids = try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let planned = try await Self.meeting(t, "2026-12-15")
            await #expect(throws: DomainError.self) { _ = try await Self.attend(t, planned, [(ids[0], "C")]) }
            let held = try await Self.meeting(t, "2026-05-20")
            let detail = try await Self.attend(t, held, [(ids[0], "C"), (ids[1], "P"), (ids[2], "")])
            #expect(detail.rows.count == 3 && detail.counts == [.present: 1, .excused: 1])
            #expect(detail.rows.first { $0.memberId == ids[3] } == nil)  // another cell's member
            // The grid read before that save is stale now.
            await #expect(throws: DomainError.self) { _ = try await Self.attend(t, held, [(ids[2], "K")]) }
            await #expect(throws: DomainError.self) {
                _ = try await t.services.meetings.saveAttendance(
                    clerk, id: held.id, [AttendanceInput(memberId: ids[2], attendance: "V")], expectedVersion: held.version + 1, today: Self.today)
            }
            let year = try await t.services.meetings.year(clerk, unitCode: "T01-A-C1", year: 2026)
            #expect(year.meetings.map(\.meetsOn.month) == [5, 12] && year.hasRegular(inMonth: 5) && !year.hasRegular(inMonth: 6))
            let updated = try await t.services.meetings.update(
                clerk, id: held.id, MeetingDraft(meetsOn: "2026-05-21", kind: "thematic", topics: "Chuyên đề", resolution: "Nghị quyết số 5"),
                expectedVersion: held.version + 1, today: Self.today)
            #expect(updated.kind == .thematic && updated.resolution == "Nghị quyết số 5")
            #expect(try await t.services.meetings.history(clerk, id: held.id).map(\.action) == ["create", "attendance", "update"])
            // A province is not a cell; a sibling commune's meeting is not found.
            await #expect(throws: DomainError.self) { _ = try await t.services.meetings.year(clerk, unitCode: "T01", year: 2026) }
            await #expect(throws: DomainError.notFound(Catalogue.meetingNotFound)) {
                _ = try await t.services.meetings.detail(try await t.principal(.clerk, at: "T01-B"), id: held.id)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                _ = try await t.services.meetings.create(
                    try await t.principal(.viewer, at: "T01-A"), unitCode: "T01-A-C1", MeetingDraft(meetsOn: "2026-06-01", kind: "monthly"))
            }
        }
    }

    @Test("dues: x or an amount is paid, 0 is not, a month to come cannot be unpaid, an emptied cell is removed, stale cells refused")
    func dues() async throws {
        try await TestDatabase.with { t in
            let ids = try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let dues = t.services.meetings
            var grid = try await dues.saveDues(
                clerk, unitCode: "T01-A-C1", year: 2026,
                [
                    DuesInput(memberId: ids[0], month: 1, text: "x"), DuesInput(memberId: ids[0], month: 2, text: "30.000"),
                    DuesInput(memberId: ids[1], month: 2, text: "0"),
                ],
                today: Self.today)
            let hai = grid.rows.first { $0.memberId == ids[0] }!
            #expect(hai.months[1]?.mark == .paid(amount: nil) && hai.months[2]?.mark == .paid(amount: 30000))
            #expect(grid.paid(inMonth: 2) == (1, 30000))
            await #expect(throws: DomainError.self) {
                _ = try await dues.saveDues(
                    clerk, unitCode: "T01-A-C1", year: 2026, [DuesInput(memberId: ids[2], month: 12, text: "0")], today: Self.today)
            }
            await #expect(throws: DomainError.self) {
                _ = try await dues.saveDues(
                    clerk, unitCode: "T01-A-C1", year: 2026, [DuesInput(memberId: ids[2], month: 3, text: "nửa")], today: Self.today)
            }
            await #expect(throws: DomainError.self) {
                _ = try await dues.saveDues(
                    clerk, unitCode: "T01-A-C1", year: 2026, [DuesInput(memberId: ids[3], month: 3, text: "x")], today: Self.today)
            }
            // Someone changed February since the grid was read (version 0 was read when it was empty).
            do {
                _ = try await dues.saveDues(
                    clerk, unitCode: "T01-A-C1", year: 2026, [DuesInput(memberId: ids[1], month: 2, text: "x", version: 0)], today: Self.today)
                Issue.record("a stale cell was saved")
            } catch DomainError.conflict(let message, _, _) {
                #expect(message == Catalogue.duesStale)
            }
            grid = try await dues.saveDues(
                clerk, unitCode: "T01-A-C1", year: 2026, [DuesInput(memberId: ids[0], month: 1, text: "", version: hai.months[1]!.version)],
                today: Self.today)
            #expect(grid.rows.first { $0.memberId == ids[0] }!.months[1] == nil)
            #expect(try await dues.duesHistory(clerk, unitCode: "T01-A-C1", year: 2026).count == 3)
        }
    }

    @Test("merging a duplicate member moves its attendance and dues to the kept record, which keeps its own where both have one")
    func memberMerge() async throws {
        try await TestDatabase.with { t in
            let ids = try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            // The same person entered again as probationary, without a card number.
            let again = MemberTests.draft("Nguyễn Văn Hải", card: "", status: "probationary", admitted: "2025-05-19", recognized: "")
            let dup = try await t.services.members.create(Self.cli, again, today: Self.today).id
            let m = try await Self.meeting(t, "2026-02-10")
            _ = try await Self.attend(t, m, [(ids[0], "C"), (dup, "K")])
            let other = try await Self.meeting(t, "2026-03-10")
            _ = try await Self.attend(t, other, [(dup, "K")])
            _ = try await t.services.meetings.saveDues(
                clerk, unitCode: "T01-A-C1", year: 2026,
                [
                    DuesInput(memberId: dup, month: 3, text: "0"), DuesInput(memberId: ids[0], month: 3, text: "x"),
                    DuesInput(memberId: dup, month: 4, text: "0"),
                ],
                today: Self.today)
            let keep = try await t.services.members.get(clerk, id: ids[0])
            let duplicate = try await t.services.members.get(clerk, id: dup)
            _ = try await t.services.members.merge(
                clerk, keep: keep.id, keepVersion: keep.version, duplicate: duplicate.id, duplicateVersion: duplicate.version, today: Self.today)
            #expect(
                try await t.services.meetings.detail(clerk, id: m.id, today: Self.today).rows.first { $0.memberId == ids[0] }?.attendance == .present)
            #expect(
                try await t.services.meetings.detail(clerk, id: other.id, today: Self.today).rows.first { $0.memberId == ids[0] }?.attendance
                    == .absent)
            let months = try await t.services.meetings.dues(clerk, unitCode: "T01-A-C1", year: 2026, today: Self.today).rows.first {
                $0.memberId == ids[0]
            }?.months
            #expect(months?[3]?.mark == .paid(amount: nil) && months?[4]?.mark == .unpaid)
        }
    }
}
