import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 6, congresses (DOMAIN.md §4, §5): a record per unit and term with scope, roles, stale saves and history; progress
/// among the units existing on a date; the report's `figures.congress`; `congresses.csv` all or nothing and idempotent.
@Suite struct CongressServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 6, day: 30)!
    static func d(_ s: String) -> CivilDate { CivilDate(parsing: s)! }

    /// The test tree plus T01-D, a commune merged away on 30/06/2024.
    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        _ = try await t.services.units.create(
            cli,
            UnitDraft(
                code: "T01-D", name: "Đảng bộ xã Đông Hòa", kind: UnitKind.base.rawValue, parentCode: "T01", sector: Sector.commune.rawValue,
                hasCommittee: true, foundedOn: "2000-01-01", dissolvedOn: "2024-06-30"))
    }

    @discardableResult
    static func record(
        _ t: TestDatabase, _ code: String, _ term: String, held: String = "", planned: String = "", pilot: Bool = false, direct: Bool = false
    ) async throws -> CongressRecord {
        try await t.services.congresses.save(
            cli, unitCode: code, term: term,
            CongressDraft(term: term, plannedOn: planned, heldOn: held, pilot: pilot ? "true" : "", directSecretary: direct ? "true" : ""),
            expectedVersion: try await t.services.congresses.get(cli, unitCode: code, term: term)?.version ?? 0, today: today)
    }

    /// T01 holds in October 2025 (direct election), T01-A in May (a pilot), T01-B only plans; a cell of T01-A held its
    /// half-term congress in March; T01-D held the 2020 round's congress before it was merged away.
    static func seedCongresses(_ t: TestDatabase) async throws {
        try await record(t, "T01", "2025-2030", held: "2025-10-15", direct: true)
        try await record(t, "T01-A", "2025-2030", held: "2025-05-20", pilot: true)
        try await record(t, "T01-B", "2025-2030", planned: "2025-08-01")
        try await record(t, "T01-A-C1", "2025-2027", held: "2025-03-10")
        try await record(t, "T01-D", "2020-2025", held: "2020-05-01", pilot: true)
    }

    @Test("a clerk records the unit's congress of a term; a sibling does not see it, a viewer cannot save, a stale save is refused; history")
    func recordScopeAndHistory() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let draft = CongressDraft(term: "2025-2030", heldOn: "20/05/2025", pilot: "true", delegates: "120", committeeElected: "15")
            let saved = try await t.services.congresses.save(
                clerk, unitCode: "T01-A", term: "2025-2030", draft, expectedVersion: 0, today: Self.today)
            #expect(saved.version == 1 && saved.facts.heldOn == Self.d("2025-05-20") && saved.facts.pilot && saved.facts.delegates == 120)
            #expect(try await t.services.congresses.get(clerk, unitCode: "T01-A", term: "2025–2030") == saved)
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                try await t.services.congresses.get(sibling, unitCode: "T01-A", term: "2025-2030")
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.congresses.save(
                    try await t.principal(.viewer, at: "T01-A"), unitCode: "T01-A", term: "2025-2030", draft, expectedVersion: 1, today: Self.today)
            }
            var changed = draft
            changed.note = "Đại hội điểm của tỉnh"
            _ = try await t.services.congresses.save(clerk, unitCode: "T01-A", term: "2025-2030", changed, expectedVersion: 1, today: Self.today)
            do {
                _ = try await t.services.congresses.save(clerk, unitCode: "T01-A", term: "2025-2030", draft, expectedVersion: 1, today: Self.today)
                Issue.record("a stale save was accepted")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.contains { $0.field == "note" })
            }
            var future = draft
            future.heldOn = "2026-07-01"
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("held_on", Catalogue.dateInFuture)])) {
                try await t.services.congresses.save(clerk, unitCode: "T01-A", term: "2025-2030", future, expectedVersion: 2, today: Self.today)
            }
            let history = try await t.services.congresses.history(clerk, unitCode: "T01-A", term: "2025-2030")
            #expect(history.map(\.action) == ["create", "update"])
            #expect(history.last?.changes.contains { $0.field == "note" && $0.new == "Đại hội điểm của tỉnh" } == true)
        }
    }

    @Test("progress on a date: among the units existing then, by kind, those that held the congress of the term in course by then")
    func progress() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            try await Self.seedCongresses(t)
            let september = try await t.services.congresses.progress(Self.cli, unitCode: "T01", on: Self.d("2025-09-30"))
            #expect(september.term.key == "2025-2030" && september.termInCourse)
            #expect(september.level(.provincial) == CongressLevelProgress(kind: .provincial, total: 1, held: 0, pilot: 0, directSecretary: 0))
            // T01-D was merged away in 2024: not a unit of 30/09/2025. T01-B has only planned.
            #expect(september.level(.base) == CongressLevelProgress(kind: .base, total: 2, held: 1, pilot: 1, directSecretary: 0))
            #expect(september.level(.cell) == CongressLevelProgress(kind: .cell, total: 2, held: 1, pilot: 0, directSecretary: 0))
            #expect(september.level(.upperBase).total == 0 && !september.levels.contains { $0.kind == .upperBase })
            #expect(
                september.sentence.vi
                    == "Tính đến hết ngày 30/09/2025 đã có 1 (50,00%) đảng bộ, chi bộ cơ sở và 0/1 (0,00%) đảng bộ trực thuộc Trung ương "
                    + "tổ chức đại hội; trong đó có 1 đại hội điểm, 0 bầu trực tiếp bí thư."
            )
            let december = try await t.services.congresses.progress(Self.cli, unitCode: "T01", on: Self.d("2025-12-31"))
            #expect(december.level(.provincial).held == 1 && december.level(.provincial).directSecretary == 1)
            // 2020: T01-D existed and held the 2020–2025 congress; nobody else recorded one.
            let seed = try await t.services.congresses.progress(Self.cli, unitCode: "T01", on: Self.d("2020-07-25"))
            #expect(
                seed.term.key == "2020-2025"
                    && seed.level(.base) == CongressLevelProgress(kind: .base, total: 3, held: 1, pilot: 1, directSecretary: 0))
            // A term asked for explicitly.
            let asked = try await t.services.congresses.progress(Self.cli, unitCode: "T01", on: Self.d("2025-09-30"), term: "2020-2025")
            #expect(!asked.termInCourse && asked.level(.base).held == 0)
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                try await t.services.congresses.progress(try await t.principal(.head, at: "T01-A"), unitCode: "T01", on: Self.d("2025-09-30"))
            }
            let own = try await t.services.congresses.progress(try await t.principal(.viewer, at: "T01-A"), on: Self.d("2025-09-30"))
            #expect(
                own.unitCode == "T01-A" && own.level(.base) == CongressLevelProgress(kind: .base, total: 1, held: 1, pilot: 1, directSecretary: 0))
        }
    }

    @Test("the briefing report carries figures.congress by kind for the period's last day and the term in course then")
    func report() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            try await Self.seedCongresses(t)
            let report = try await t.services.reports.report(Self.cli, unitCode: "T01", period: ReportPeriod(parsing: "2025")!)
            let congress = report.figures.congress
            #expect(Set(congress.keys) == ["provincial", "upper_base", "base"])
            #expect(congress["base"]?.held == 1 && congress["base"]?.total == 2 && congress["base"]?.percent == 50 && congress["base"]?.pilot == 1)
            #expect(congress["provincial"]?.held == 1 && congress["provincial"]?.percent == 100 && congress["provincial"]?.directSecretary == 1)
            #expect(congress["upper_base"]?.total == 0 && congress["upper_base"]?.percent == 0)
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(report)) as? [String: Any]
            let figures = (json?["figures"] as? [String: Any])?["congress"] as? [String: [String: Any]]
            #expect(figures?["base"]?["direct_secretary"] as? Int == 0 && figures?["base"]?["percent"] as? Double == 50)
            let june = try await t.services.reports.report(Self.cli, unitCode: "T01", period: ReportPeriod(parsing: "2025-06")!)
            #expect(june.figures.congress["base"]?.held == 1 && june.figures.congress["provincial"]?.held == 0)
        }
    }

    @Test("the list: the subtree's units on the date with their congress of the round, filtered by status and kind, paged, exported")
    func list() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            try await Self.seedCongresses(t)
            var query = CongressQuery()
            query.unitCode = "T01"
            query.date = Self.d("2025-09-30")
            let all = try await t.services.congresses.list(Self.cli, query)
            #expect(all.term.key == "2025-2030" && all.rows.total == 5 && all.rows.items.first?.unit.code == "T01")
            #expect(all.rows.items.first { $0.unit.code == "T01-A-C1" }?.congress?.facts.term.key == "2025-2027")
            query.status = .held
            #expect(Set(try await t.services.congresses.list(Self.cli, query).rows.items.map(\.unit.code)) == ["T01-A", "T01-A-C1"])
            query.status = .planned
            #expect(Set(try await t.services.congresses.list(Self.cli, query).rows.items.map(\.unit.code)) == ["T01", "T01-B"])
            query.status = .missing
            #expect(try await t.services.congresses.list(Self.cli, query).rows.items.map(\.unit.code) == ["T01-B-C1"])
            query.status = nil
            query.kind = .base
            query.text = "binh minh"
            #expect(try await t.services.congresses.list(Self.cli, query).rows.items.map(\.unit.code) == ["T01-B"])
            query.kind = nil
            query.text = ""
            query.perPage = 2
            query.page = 3
            let last = try await t.services.congresses.list(Self.cli, query)
            #expect(last.rows.total == 5 && last.rows.items.count == 1)
            let rows = try await t.services.congresses.exportRows(Self.cli, query)
            #expect(rows.count == 6 && rows[0][0] == "Mã")
        }
    }

    func write(_ t: TestDatabase, _ csv: String, folder name: String) throws -> URL {
        let folder = t.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent("congresses.csv"))
        return folder
    }

    @Test("congresses.csv: a bad file stores nothing and names every wrong row; a good one loads; again, nothing changes; export writes it back")
    func interchange() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let bad = """
                unit_code,term,planned_on,held_on,pilot,direct_secretary
                T99,2025-2030,,2025-05-01,false,false
                T01-A,2025,,2025-05-01,false,false
                T01-B,2025-2030,,2099-05-01,false,false
                T01-A-C1,2025-2030,,2025-05-01,false,false
                T01-A-C1,2025-2030,,2025-06-01,false,false
                T01,2025-2030,,2025-10-15,perhaps,false
                """
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: try write(t, bad, folder: "bad"))
                Issue.record("a bad file was loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("congresses.csv:2: unit_code:") })
                #expect(lines.contains { $0.hasPrefix("congresses.csv:3: term:") })
                #expect(lines.contains { $0.hasPrefix("congresses.csv:4: held_on:") })
                #expect(lines.contains { $0.hasPrefix("congresses.csv:6: term:") })
                #expect(lines.contains { $0.hasPrefix("congresses.csv:7: pilot:") })
                #expect(Set(failure.problems.compactMap(\.line)) == [2, 3, 4, 6, 7])
            }
            #expect(try await t.services.congresses.ofUnit(Self.cli, unitCode: "T01-A-C1").isEmpty)

            let good = """
                Mã tổ chức,Nhiệm kỳ,Ngày dự kiến,Ngày tổ chức,Đại hội điểm,Bầu trực tiếp bí thư,Số đại biểu
                T01,2025-2030,01/10/2025,15/10/2025,không,có,350
                T01-A,2025–2030,,20/05/2025,có,không,120
                T01-B,2025-2030,01/08/2025,,,,
                """
            let folder = try write(t, good, folder: "good")
            let first = try await t.services.interchange.importDataset(Self.cli, at: folder)
            #expect(first.created == 3 && first.updated == 0)
            let t01 = try #require(try await t.services.congresses.get(Self.cli, unitCode: "T01", term: "2025-2030"))
            #expect(t01.facts.directSecretary && !t01.facts.pilot && t01.facts.delegates == 350 && t01.facts.heldOn == Self.d("2025-10-15"))
            let second = try await t.services.interchange.importDataset(Self.cli, at: folder)
            #expect(second.created == 0 && second.updated == 0 && second.unchanged == 3)
            // A file without the delegates column keeps the stored number.
            let fewer = """
                unit_code,term,held_on,pilot,direct_secretary
                T01,2025-2030,2025-10-16,false,true
                """
            let third = try await t.services.interchange.importDataset(Self.cli, at: try write(t, fewer, folder: "fewer"))
            #expect(third.updated == 1)
            let again = try #require(try await t.services.congresses.get(Self.cli, unitCode: "T01", term: "2025-2030"))
            #expect(again.facts.delegates == 350 && again.facts.heldOn == Self.d("2025-10-16") && again.facts.plannedOn == Self.d("2025-10-01"))
            #expect(try await t.services.congresses.history(Self.cli, unitCode: "T01", term: "2025-2030").map(\.action) == ["import", "update"])
            // A clerk of T01-B cannot load T01-A's congress.
            do {
                _ = try await t.services.interchange.importDataset(try await t.principal(.clerk, at: "T01-B"), at: folder)
                Issue.record("a row outside scope was loaded")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { $0.text(.en) }.contains { $0.hasPrefix("congresses.csv:2: unit_code:") })
            }
            let out = t.folder.appendingPathComponent("export")
            let counts = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(counts["congresses.csv"] == 3)
            let exported = try String(contentsOf: out.appendingPathComponent("congresses.csv"), encoding: .utf8)
            #expect(exported.contains("T01,2025-2030,2025-10-01,2025-10-16,false,true,350,,"))
            let reloaded = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(reloaded.created == 0 && reloaded.updated == 0)
        }
    }
}
