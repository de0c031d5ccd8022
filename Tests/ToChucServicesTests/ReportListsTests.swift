import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 7: every figure of the briefing report links to a list of its records filtered the same way (DOMAIN.md §5) —
/// the members admitted, recognized or who left in the period by the unit they belonged to then, the units of the
/// subtree on the period's last day by kind, sector, committee and founding date. Each list's total is the figure.
@Suite(.serialized)
struct ReportListsTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static func period(_ text: String) -> ReportPeriod { ReportPeriod(parsing: text)! }

    /// The member list as the report's link opens it: the unit's subtree, anyone whatever their status now.
    static func members(_ t: TestDatabase, unit: String, _ set: (inout MemberQuery) -> Void) async throws -> Page<Member> {
        var q = MemberQuery()
        q.unitCode = unit
        q.currentOnly = false
        set(&q)
        return try await t.services.members.search(cli, q, today: today)
    }

    @Test("admitted and recognized: the list by date counts members where they were then, as the report does")
    func admittedAndRecognized() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            _ = try await m.create(Self.cli, MemberTests.draft("Nguyễn Văn An", card: "10000001", status: "probationary", admitted: "2022-01-01", recognized: ""), today: Self.today)
            let moved = try await m.create(
                Self.cli, MemberTests.draft("Trần Thị Bình", card: "10000002", gender: "female", birth: "1990-02-03", status: "probationary", admitted: "2022-12-31", recognized: ""),
                today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Lê Văn Cường", card: "10000003", unit: "T01-B-C1", status: "probationary", admitted: "2022-06-15", recognized: ""), today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Phạm Văn Dũng", card: "10000004", admitted: "2021-03-02", recognized: "2022-03-02"), today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Hoàng Văn Em", card: "10000005", status: "probationary", admitted: "2023-01-01", recognized: ""), today: Self.today)
            // Admitted in A on the year's last day, transferred to B in 2023: A's admission of 2022, not B's.
            _ = try await m.recordEvent(
                Self.cli, memberId: moved.id, MemberEventInput(kind: .transferWithin, effectiveOn: Self.date("2023-02-01"), decisionNo: "5-QĐ/ĐU", toUnitCode: "T01-B-C1"),
                today: Self.today)
            for (unit, period) in [("T01-A", "2022"), ("T01-B", "2022"), ("T01", "2022"), ("T01", "2022-H1"), ("T01-A", "2022-12"), ("T01", "2023-Q1"), ("T01-A", "2021")] {
                let p = Self.period(period)
                let report = try await t.services.reports.report(Self.cli, unitCode: unit, period: p)
                let admitted = try await Self.members(t, unit: unit) { $0.admittedFrom = p.from; $0.admittedTo = p.to }
                let recognized = try await Self.members(t, unit: unit) { $0.recognizedFrom = p.from; $0.recognizedTo = p.to }
                #expect(admitted.total == report.figures.admitted, "\(unit) \(period)")
                #expect(recognized.total == report.figures.recognized, "\(unit) \(period)")
            }
            let a = try await Self.members(t, unit: "T01-A") { $0.admittedFrom = Self.date("2022-01-01"); $0.admittedTo = Self.date("2022-12-31") }
            #expect(Set(a.items.map(\.record.fullName)) == ["Nguyễn Văn An", "Trần Thị Bình"])
            // Without a date filter the list is by the unit now.
            #expect(try await Self.members(t, unit: "T01-B") { _ in }.items.map(\.record.fullName).sorted() == ["Lê Văn Cường", "Trần Thị Bình"])
            // A reversed range is refused with the field named.
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("admitted_to", Catalogue.periodReversed)])) {
                _ = try await Self.members(t, unit: "") { $0.admittedFrom = Self.date("2023-01-01"); $0.admittedTo = Self.date("2022-01-01") }
            }
        }
    }

    @Test("left by kind and transferred out; cells, cells with a committee and new non-state units on the period's last day")
    func leavingAndUnits() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            let a = try await m.create(Self.cli, MemberTests.draft("Nguyễn Văn An", card: "10000001"), today: Self.today)
            let b = try await m.create(Self.cli, MemberTests.draft("Trần Văn Bình", card: "10000002", unit: "T01-B-C1"), today: Self.today)
            let c = try await m.create(Self.cli, MemberTests.draft("Lê Văn Cường", card: "10000003"), today: Self.today)
            _ = try await m.recordEvent(Self.cli, memberId: a.id, MemberEventInput(kind: .deceased, effectiveOn: Self.date("2024-05-01"), decisionNo: "3-TB/ĐU"), today: Self.today)
            _ = try await m.recordEvent(Self.cli, memberId: b.id, MemberEventInput(kind: .resigned, effectiveOn: Self.date("2024-06-01"), decisionNo: "9-QĐ/ĐU"), today: Self.today)
            _ = try await m.recordEvent(
                Self.cli, memberId: c.id, MemberEventInput(kind: .transferOut, effectiveOn: Self.date("2024-07-01"), decisionNo: "10-QĐ/ĐU", destination: "Tỉnh khác"),
                today: Self.today)
            for (code, founded, sector, committee) in [
                ("T01-DN1", "2024-03-01", Sector.nonStateEnterprise, true), ("T01-DN2", "2023-12-31", .nonStateEnterprise, false), ("T01-CQ", "2024-04-01", .stateAgency, false),
            ] {
                _ = try await t.services.units.create(
                    Self.cli,
                    UnitDraft(code: code, name: "Chi bộ " + code, kind: UnitKind.base.rawValue, parentCode: "T01", sector: sector.rawValue, hasCommittee: committee,
                              foundedOn: founded, dissolvedOn: ""))
            }
            for (unit, period) in [("T01", "2024"), ("T01-A", "2024"), ("T01-B", "2024-H1"), ("T01", "2023")] {
                let p = Self.period(period)
                let f = try await t.services.reports.report(Self.cli, unitCode: unit, period: p).figures
                for kind in ReportService.leavingKinds {
                    let listed = try await Self.members(t, unit: unit) { $0.status = kind.resultingStatus; $0.leftFrom = p.from; $0.leftTo = p.to }
                    #expect(listed.total == f.left[kind.rawValue], "\(unit) \(period) \(kind)")
                }
                let out = try await Self.members(t, unit: unit) { $0.status = .transferredOut; $0.leftFrom = p.from; $0.leftTo = p.to }
                #expect(out.total == f.transferredOut, "\(unit) \(period)")
                var cells = UnitFilter()
                cells.under = unit
                cells.kind = .cell
                #expect(try await t.services.units.list(Self.cli, asOf: p.to, filter: cells).total == f.cells, "\(unit) \(period)")
                cells.hasCommittee = true
                #expect(try await t.services.units.list(Self.cli, asOf: p.to, filter: cells).total == f.cellsWithCommittee, "\(unit) \(period)")
                var new = UnitFilter()
                new.under = unit
                new.kind = .base
                new.sector = .nonStateEnterprise
                new.foundedFrom = p.from
                new.foundedTo = p.to
                let founded = try await t.services.units.list(Self.cli, asOf: p.to, filter: new)
                #expect(founded.total == f.newUnitsNonState, "\(unit) \(period)")
            }
            var filter = UnitFilter()
            filter.sector = .nonStateEnterprise
            filter.hasCommittee = false
            #expect(try await t.services.units.list(Self.cli, filter: filter).items.map(\.code) == ["T01-DN2"])
            // A unit out of scope is not found, as everywhere.
            filter.under = "T01-B"
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                _ = try await t.services.units.list(try await t.principal(.clerk, at: "T01-A"), filter: filter)
            }
        }
    }
}
