import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// DOMAIN.md §4 classification on SQLite and PostgreSQL: a grid per unit, the rule set of the year (124-QĐ/TW without a
/// score for 2024, 366-QĐ/TW with one for 2025), the "xuất sắc" quota before saving, conflicts, results by subtree.
@Suite(.serialized)
struct EvaluationServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Twelve members in the first cell, two in the other commune's.
    static func members(_ t: TestDatabase) async throws -> [String] {
        try await t.seedTree()
        var keys: [String] = []
        for i in 1...12 {
            let m = try await t.services.members.create(
                Self.cli, MemberTests.draft("Đảng viên Số \(i)", card: String(20_000_000 + i)), today: Self.today)
            keys.append("m:\(m.id)")
        }
        for i in 13...14 {
            _ = try await t.services.members.create(
                Self.cli, MemberTests.draft("Đảng viên Số \(i)", card: String(20_000_000 + i), unit: "T01-B-C1"), today: Self.today)
        }
        return keys
    }

    /// The ratings kept per unit, period, subject and class (`RatingCounts`, read by the report and the results) agree
    /// with a count of the rows.
    static func expectCountsKept(_ t: TestDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await t.db.read { sql in
            func counts(_ query: String) async throws -> [String] {
                try await sql.raw(SQLQueryString(query)).all().map {
                    "\(try $0.decode(column: "unit_id", as: Int64.self)) \(try $0.decode(column: "period", as: String.self)) "
                        + "\(try $0.decode(column: "subject_kind", as: String.self)) \(try $0.decode(column: "rating", as: String.self)) "
                        + "\(try $0.decode(column: "n", as: Int.self))"
                }
            }
            let kept = try await counts(
                "SELECT unit_id, period, subject_kind, rating, n FROM unit_rating_counts WHERE n <> 0 ORDER BY 1, 2, 3, 4")
            let rows = try await counts(
                "SELECT unit_id, period, subject_kind, rating, COUNT(*) AS n FROM evaluations GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
            #expect(kept == rows, "\(step)", sourceLocation: sourceLocation)
        }
    }

    static func input(_ key: String, _ rating: String, score: String = "", version: Int = 0) -> EvaluationInput {
        EvaluationInput(subjectKey: key, rating: rating, score: score, version: version)
    }

    @Test("a cell's grid: ten rated tốt allow two xuất sắc; a third is refused before anything is saved (a breach by one)")
    func quota() async throws {
        try await TestDatabase.with { t in
            let keys = try await Self.members(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let period = ReviewPeriod.year(2024)
            let e = t.services.evaluations
            let grid = try await e.grid(clerk, unitCode: "T01-A-C1", period: period, subject: .member, today: Self.today)
            #expect(grid.rows.count == 12 && grid.rules.regulation == "124-QĐ/TW")
            var lines = keys.prefix(9).map { Self.input($0, "T") }
            lines += [Self.input(keys[9], "Hoàn thành tốt nhiệm vụ"), Self.input(keys[10], "x"), Self.input(keys[11], "X")]
            let saved = try await e.save(clerk, unitCode: "T01-A-C1", period: period, subject: .member, lines, today: Self.today)
            #expect(saved.counts == [.good: 10, .excellent: 2])
            // One more "xuất sắc" (a tốt becomes xuất sắc): 3 > 20% of 9.
            let version = saved.rows.first { $0.subjectKey == keys[0] }!.current!.version
            do {
                _ = try await e.save(clerk, unitCode: "T01-A-C1", period: period, subject: .member, [Self.input(keys[0], "X", version: version)], today: Self.today)
                Issue.record("the quota breach was saved")
            } catch DomainError.invalid(let message, _) {
                #expect(message.vi.contains("(9 → tối đa 1), vượt 2 người"))
            }
            #expect(try await e.grid(clerk, unitCode: "T01-A-C1", period: period, subject: .member, today: Self.today).counts == [.good: 10, .excellent: 2])
        }
    }

    @Test("2025 follows Quy định 366-QĐ/TW: the score decides the class; 2024 (124-QĐ/TW) has no score; a wrong line saves nothing")
    func scores() async throws {
        try await TestDatabase.with { t in
            let keys = try await Self.members(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let e = t.services.evaluations
            let y2025 = ReviewPeriod.year(2025)
            let saved = try await e.save(
                clerk, unitCode: "T01-A-C1", period: y2025, subject: .member,
                [Self.input(keys[0], "", score: "75"), Self.input(keys[1], "", score: "69"), Self.input(keys[2], "T", score: "92"),
                 Self.input(keys[3], "", score: "49")], today: Self.today)
            let byKey = Dictionary(uniqueKeysWithValues: saved.rows.map { ($0.subjectKey, $0.current) })
            #expect(byKey[keys[0]]??.rating == .good && byKey[keys[1]]??.rating == .done && byKey[keys[2]]??.rating == .good)
            #expect(byKey[keys[3]]??.rating == .notDone && byKey[keys[0]]??.score == 75 && byKey[keys[0]]??.regulation == "366-QĐ/TW")
            // A class that contradicts the score, and a score under 124-QĐ/TW: refused, nothing saved.
            await #expect(throws: DomainError.self) {
                _ = try await e.save(clerk, unitCode: "T01-A-C1", period: y2025, subject: .member,
                                     [Self.input(keys[4], "T"), Self.input(keys[5], "X", score: "80")], today: Self.today)
            }
            await #expect(throws: DomainError.self) {
                _ = try await e.save(clerk, unitCode: "T01-A-C1", period: .year(2024), subject: .member, [Self.input(keys[4], "T", score: "80")], today: Self.today)
            }
            #expect(try await e.grid(clerk, unitCode: "T01-A-C1", period: y2025, subject: .member, today: Self.today).counts.values.reduce(0, +) == 4)
        }
    }

    @Test("a line changed by someone else since it was read is refused; an emptied line removes the rating; history keeps both")
    func conflictsAndRemoval() async throws {
        try await TestDatabase.with { t in
            let keys = try await Self.members(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let e = t.services.evaluations
            let p = ReviewPeriod.year(2024)
            _ = try await e.save(clerk, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "H")], today: Self.today)
            try await Self.expectCountsKept(t, "saved")
            _ = try await e.save(clerk, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "T", version: 1)], today: Self.today)
            try await Self.expectCountsKept(t, "corrected")
            _ = try await e.save(clerk, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "H", version: 2)], today: Self.today)
            // Another clerk read the line before the first save (version 0).
            do {
                _ = try await e.save(clerk, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "T", version: 0)], today: Self.today)
                Issue.record("a stale line was saved")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.map(\.field) == ["Đảng viên Số 1"])
            }
            _ = try await e.save(clerk, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "", version: 3)], today: Self.today)
            try await Self.expectCountsKept(t, "emptied")
            #expect(try await e.grid(clerk, unitCode: "T01-A-C1", period: p, subject: .member, today: Self.today).counts.isEmpty)
            let history = try await e.history(clerk, unitCode: "T01-A-C1", period: p, subject: .member)
            #expect(history.map(\.action) == ["create", "update", "update", "delete"])
            // A viewer reads but cannot rate; a sibling commune cannot see the cell.
            let viewer = try await t.principal(.viewer, at: "T01-A")
            await #expect(throws: DomainError.self) {
                _ = try await e.save(viewer, unitCode: "T01-A-C1", period: p, subject: .member, [Self.input(keys[0], "H")], today: Self.today)
            }
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                _ = try await e.grid(sibling, unitCode: "T01-A-C1", period: p, subject: .member, today: Self.today)
            }
        }
    }

    @Test("results by class for a subtree: each commune's line, the totals, and the year before beside them; organizations rated by the parent")
    func results() async throws {
        try await TestDatabase.with { t in
            let keys = try await Self.members(t)
            let e = t.services.evaluations
            _ = try await e.save(Self.cli, unitCode: "T01-A-C1", period: .year(2024), subject: .member, keys.prefix(5).map { Self.input($0, "T") }, today: Self.today)
            _ = try await e.save(Self.cli, unitCode: "T01-A-C1", period: .year(2023), subject: .member, keys.prefix(3).map { Self.input($0, "H") }, today: Self.today)
            let b = try await e.grid(Self.cli, unitCode: "T01-B-C1", period: .year(2024), subject: .member, today: Self.today)
            _ = try await e.save(Self.cli, unitCode: "T01-B-C1", period: .year(2024), subject: .member, b.rows.map { Self.input($0.subjectKey, "K") }, today: Self.today)
            let province = try await e.results(Self.cli, unitCode: "T01", period: .year(2024), subject: .member)
            #expect(province.totals == [.good: 5, .notDone: 2] && province.previousTotals == [.done: 3])
            #expect(province.lines.map(\.code) == ["T01", "T01-A", "T01-B"])
            #expect(province.lines[1].counts == [.good: 5] && province.lines[2].counts == [.notDone: 2])
            // The totals alone (the dashboard's) are the results' totals, for the subtree and for one commune of it.
            #expect(try await e.totals(Self.cli, unitCode: "T01", period: .year(2024), subject: .member) == province.totals)
            #expect(try await e.totals(Self.cli, unitCode: "T01-B", period: .year(2024), subject: .member) == [.notDone: 2])
            // The province rates its communes (organizations): the grid lists its sub-units.
            let units = try await e.grid(Self.cli, unitCode: "T01", period: .year(2024), subject: .unit, today: Self.today)
            #expect(units.rows.map(\.detail) == ["T01-A", "T01-B"])
            _ = try await e.save(Self.cli, unitCode: "T01", period: .year(2024), subject: .unit, units.rows.map { Self.input($0.subjectKey, "T") }, today: Self.today)
            #expect(try await e.results(Self.cli, unitCode: "TW", period: .year(2024), subject: .unit).totals == [.good: 2])
            // Leaders: the cadres holding a post at the unit on the period's last day (or today while it runs).
            var draft = CadreDraft()
            draft.memberNumber = "20000001"
            let cadre = try await t.services.cadres.create(Self.cli, draft)
            var decision = DecisionDraft()
            decision.cadreId = cadre.id
            decision.kind = "appointment"
            decision.decisionNo = "3-QĐ/TU"
            decision.effectiveOn = "2024-03-01"
            decision.placeCode = "T01-A"
            decision.title = "Bí thư Đảng ủy"
            decision.managedBy = "provincial"
            _ = try await t.services.decisions.approve(
                Self.cli, id: try await t.services.decisions.propose(Self.cli, decision).id, on: CivilDate(year: 2024, month: 2, day: 20)!)
            let leaders = try await e.grid(Self.cli, unitCode: "T01-A", period: .year(2024), subject: .leader, today: Self.today)
            #expect(leaders.rows.map(\.detail) == ["Bí thư Đảng ủy"] && leaders.rows[0].name == "Đảng viên Số 1")
            #expect(try await e.grid(Self.cli, unitCode: "T01-A", period: .year(2023), subject: .leader, today: Self.today).rows.isEmpty)
        }
    }

    @Test("merging a duplicate member carries its ratings to the record kept, where that has none for the period")
    func merge() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let keep = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000001"), today: Self.today)
            // The same person entered again as probationary, without a card number.
            let draft = MemberTests.draft("Nguyễn Văn Tùng", card: "", status: "probationary", admitted: "2023-01-10", recognized: "")
            let dup = try await t.services.members.create(Self.cli, draft, today: Self.today)
            let e = t.services.evaluations
            _ = try await e.save(Self.cli, unitCode: "T01-A-C1", period: .year(2024), subject: .member,
                                 [Self.input("m:\(keep.id)", "T"), Self.input("m:\(dup.id)", "H")], today: Self.today)
            _ = try await e.save(Self.cli, unitCode: "T01-A-C1", period: .year(2023), subject: .member, [Self.input("m:\(dup.id)", "K")], today: Self.today)
            _ = try await t.services.members.merge(Self.cli, keep: keep.id, keepVersion: keep.version, duplicate: dup.id, duplicateVersion: dup.version)
            try await Self.expectCountsKept(t, "merged")
            let y2024 = try await e.grid(Self.cli, unitCode: "T01-A-C1", period: .year(2024), subject: .member, today: Self.today)
            #expect(y2024.rows.map(\.subjectKey) == ["m:\(keep.id)"] && y2024.rows[0].current?.rating == .good && y2024.rows[0].previous == .notDone)
        }
    }

    @Test("evaluations.csv: every wrong row named and nothing stored; then all stored; a second load changes nothing; the export loads back")
    func interchange() async throws {
        try await TestDatabase.with { t in
            _ = try await Self.members(t)
            let folder = t.folder.appendingPathComponent("eval")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let wrong = """
                Năm,Đối tượng,Xếp loại,Điểm
                2024,20000001,Tốt,
                2024,99999999,Tốt,
                2024,20000002,Giỏi,
                2024,20000003,Tốt,80
                2025,20000004,Xuất sắc,75
                2017,20000005,Tốt,
                2024,unit:T01-A,Hoàn thành tốt nhiệm vụ,
                2024,20000001,Tốt,

                """
            try Data(wrong.utf8).write(to: folder.appendingPathComponent("evaluations.csv"))
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: folder)
                Issue.record("a wrong file was stored")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { "\($0.line ?? 0):\($0.column ?? "")" } == ["3:subject", "4:rating", "5:score", "6:rating", "7:year", "9:subject"])
            }
            #expect(try await t.services.evaluations.grid(Self.cli, unitCode: "T01-A-C1", period: .year(2024), subject: .member, today: Self.today).counts.isEmpty)
            // Three xuất sắc for ten tốt: 3 > 2, named on the group's first line.
            var lines = ["year,subject,rating,score"] + (1...10).map { "2024,\(20_000_000 + $0),good," } + ["2024,20000011,excellent,", "2024,20000012,x,"]
            try Data((lines + ["2024,unit:T01-A,good,", "2025,20000001,good,85"]).joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("evaluations.csv"))
            let loaded = try await t.services.interchange.importDataset(Self.cli, at: folder)
            #expect(loaded.created == 14)
            try await Self.expectCountsKept(t, "imported")
            #expect(try await t.services.interchange.importDataset(Self.cli, at: folder).created == 0)
            lines[1] = "2024,20000001,excellent,"
            try Data(lines.joined(separator: "\n").utf8).write(to: folder.appendingPathComponent("evaluations.csv"))
            await #expect(throws: ImportFailure.self) { _ = try await t.services.interchange.importDataset(Self.cli, at: folder) }
            // One line alone is checked against the ratings already stored: one tốt fewer leaves nine, and the two
            // xuất sắc stored are then over the 1 allowed (the line alone would break nothing).
            try Data("year,subject,rating,score\n2024,20000001,done,\n".utf8).write(to: folder.appendingPathComponent("evaluations.csv"))
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: folder)
                Issue.record("a line breaking the quota with the stored ratings was stored")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { "\($0.line ?? 0):\($0.column ?? "")" } == ["2:rating"])
            }
            // A class changed by a file (xuất sắc → tốt) moves one rating from one count to the other.
            try Data("year,subject,rating,score\n2024,20000011,good,\n".utf8).write(to: folder.appendingPathComponent("evaluations.csv"))
            #expect(try await t.services.interchange.importDataset(Self.cli, at: folder).updated == 1)
            try await Self.expectCountsKept(t, "changed by a file")
            let out = t.folder.appendingPathComponent("out")
            _ = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            let exported = try String(contentsOf: out.appendingPathComponent("evaluations.csv"), encoding: .utf8)
            #expect(exported.contains("2024,unit:T01-A,good,") && exported.contains("2025,20000001,good,85"))
            let again = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(again.created == 0 && again.updated == 0)
        }
    }
}
