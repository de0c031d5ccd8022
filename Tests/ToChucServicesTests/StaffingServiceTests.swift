import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Staffing quotas per agency and year (DOMAIN.md §3), on SQLite and PostgreSQL: the parent/children check from both
/// sides, stale saves, scope, totals that count each quota once.
@Suite(.serialized)
struct StaffingServiceTests {
    static let cli = TestDatabase.cli

    static func agencies(_ t: TestDatabase) async throws {
        try await t.seedTree()
        for (code, parent, unit) in [("UBT", "", "T01"), ("SNV", "UBT", "T01"), ("STC", "UBT", "T01"), ("UBA", "", "T01-A")] {
            _ = try await t.services.agencies.create(
                Self.cli, AgencyDraft(code: code, name: "Cơ quan " + code, kind: "government", parentCode: parent, unitCode: unit))
        }
    }

    static func figures(_ assigned: Int, _ actual: Int, target: Int = 0, reduced: Int = 0) -> StaffingDraft {
        StaffingDraft(assigned: String(assigned), actual: String(actual), reductionTarget: String(target), reduced: String(reduced))
    }

    @Test("a child's quota cannot exceed what the parent allotted; the parent cannot fall below its children's; equal is allowed")
    func quotaCheck() async throws {
        try await TestDatabase.with { t in
            try await Self.agencies(t)
            let s = t.services.staffing
            _ = try await s.save(Self.cli, agencyCode: "UBT", year: 2026, Self.figures(100, 98, target: 10, reduced: 3), expectedVersion: 0)
            _ = try await s.save(Self.cli, agencyCode: "SNV", year: 2026, Self.figures(60, 58), expectedVersion: 0)
            await #expect(throws: DomainError.self) {
                _ = try await s.save(Self.cli, agencyCode: "STC", year: 2026, Self.figures(41, 40), expectedVersion: 0)
            }
            #expect(try await s.get(Self.cli, agencyCode: "STC", year: 2026) == nil)
            _ = try await s.save(Self.cli, agencyCode: "STC", year: 2026, Self.figures(40, 40), expectedVersion: 0)
            await #expect(throws: DomainError.self) {
                _ = try await s.save(Self.cli, agencyCode: "UBT", year: 2026, Self.figures(99, 98), expectedVersion: 1)
            }
            // Another year is another budget.
            _ = try await s.save(Self.cli, agencyCode: "STC", year: 2027, Self.figures(500, 10), expectedVersion: 0)
            let list = try await s.list(Self.cli, year: 2026, unitCode: "T01")
            #expect(list.totals.assigned == 100 && list.totals.actual == 98 && list.totals.reductionTarget == 10)
            #expect(list.rows.items.count == 4)
            #expect(list.rows.items.filter(\.countsInTotals).map(\.agency.code) == ["UBT"])
        }
    }

    @Test("a save over someone else's is refused with what changed, and the history keeps every change")
    func staleSave() async throws {
        try await TestDatabase.with { t in
            try await Self.agencies(t)
            let s = t.services.staffing
            _ = try await s.save(Self.cli, agencyCode: "SNV", year: 2026, Self.figures(60, 58), expectedVersion: 0)
            _ = try await s.save(Self.cli, agencyCode: "SNV", year: 2026, Self.figures(60, 57), expectedVersion: 1)
            do {
                _ = try await s.save(Self.cli, agencyCode: "SNV", year: 2026, Self.figures(60, 50), expectedVersion: 1)
                Issue.record("a stale save went through")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.contains { $0.field == "actual" && $0.new == "57" })
            }
            // A first save that someone else made meanwhile is stale too.
            await #expect(throws: DomainError.self) {
                _ = try await s.save(Self.cli, agencyCode: "SNV", year: 2026, Self.figures(60, 50), expectedVersion: 0)
            }
            let history = try await s.history(Self.cli, agencyCode: "SNV", year: 2026)
            #expect(history.map(\.action) == ["create", "update"])
            #expect(try await s.get(Self.cli, agencyCode: "SNV", year: 2026)?.figures.actual == 57)
        }
    }

    @Test("a commune's clerk sees and enters the agencies its unit leads, not the province's; a viewer cannot enter")
    func scope() async throws {
        try await TestDatabase.with { t in
            try await Self.agencies(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            _ = try await t.services.staffing.save(clerk, agencyCode: "UBA", year: 2026, Self.figures(20, 19), expectedVersion: 0)
            await #expect(throws: DomainError.self) {
                _ = try await t.services.staffing.save(clerk, agencyCode: "UBT", year: 2026, Self.figures(20, 19), expectedVersion: 0)
            }
            #expect(try await t.services.staffing.list(clerk, year: 2026).rows.items.map(\.agency.code) == ["UBA"])
            let viewer = try await t.principal(.viewer, at: "T01-A")
            await #expect(throws: DomainError.self) {
                _ = try await t.services.staffing.save(viewer, agencyCode: "UBA", year: 2026, Self.figures(20, 18), expectedVersion: 1)
            }
        }
    }

    @Test("staffing_quotas.csv: the quota check on the file as a whole, every wrong row named; then stored; again nothing; the export loads back")
    func interchange() async throws {
        try await TestDatabase.with { t in
            try await Self.agencies(t)
            let folder = t.folder.appendingPathComponent("quotas")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            func load(_ text: String) async throws -> ImportSummary {
                try Data(text.utf8).write(to: folder.appendingPathComponent("staffing_quotas.csv"))
                return try await t.services.interchange.importDataset(Self.cli, at: folder)
            }
            // SNV + STC = 101 > 100: the parent and both children named; an unknown agency; a reduction above the quota.
            do {
                _ = try await load("""
                    Mã cơ quan,Năm,Biên chế được giao,Có mặt,Chỉ tiêu tinh giản,Đã tinh giản,Ghi chú
                    UBT,2026,100,98,10,3,
                    SNV,2026,60,58,,,
                    STC,2026,41,40,,,
                    XYZ,2026,1,1,,,
                    UBA,2026,5,5,6,,

                    """)
                Issue.record("a wrong file was stored")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { "\($0.line ?? 0):\($0.column ?? "")" } == ["2:assigned", "3:assigned", "4:assigned", "5:agency_code", "6:reduction_target"])
            }
            let good = "agency_code,year,assigned,actual,reduction_target,reduced,note\nUBT,2026,100,98,10,3,\nSNV,2026,60,58,,,\nSTC,2026,40,40,,,Theo NQ 39\n"
            #expect(try await load(good).created == 3)
            #expect(try await load(good).created == 0)
            let out = t.folder.appendingPathComponent("out")
            _ = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(try String(contentsOf: out.appendingPathComponent("staffing_quotas.csv"), encoding: .utf8).contains("STC,2026,40,40,0,0,Theo NQ 39"))
            let again = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(again.created == 0 && again.updated == 0)
            #expect(try await t.services.staffing.history(Self.cli, agencyCode: "STC", year: 2026).count == 1)
        }
    }
}
