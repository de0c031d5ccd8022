import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucStorage

@testable import ToChucServices

/// Issue 8: the members of each unit by status now (`unit_member_counts`) are kept by triggers in the same transaction
/// as every change to the register; after any sequence of changes they equal a count of the members' rows
/// (`MemberStore.statusOn` today), and the subtree counts read from them equal the count read from the members.
@Suite(.serialized)
struct MemberCountsTests {
    static let cli = TestDatabase.cli
    static let today = Timestamp.vietnamDate()

    /// The kept counts and a fresh count of the rows, as "unit status n" lines (zero rows left out).
    static func keptAndCounted(_ t: TestDatabase) async throws -> (kept: [String], counted: [String]) {
        try await t.db.read { sql in
            func lines(_ query: SQLQueryString) async throws -> [String] {
                try await sql.raw(query).all().map {
                    "\(try $0.decode(column: "unit_id", as: Int64.self)) \(try $0.decode(column: "status", as: String.self)) \(try $0.decode(column: "n", as: Int.self))"
                }
            }
            let kept = try await lines("SELECT unit_id, status, n FROM unit_member_counts WHERE n <> 0 ORDER BY 1, 2")
            let counted = try await lines(
                """
                SELECT m.unit_id, \(MemberStore.statusOn(Self.today)) AS status, COUNT(*) AS n FROM members m
                WHERE \(MemberStore.statusOn(Self.today)) IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
                """)
            return (kept, counted)
        }
    }

    static func expectKept(_ t: TestDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let (kept, counted) = try await keptAndCounted(t)
        #expect(kept == counted, "after \(step)", sourceLocation: sourceLocation)
        #expect(!counted.isEmpty, "after \(step)", sourceLocation: sourceLocation)
        try await expectProfilesKept(t, step, sourceLocation: sourceLocation)
        // The subtree figures read from the kept counts equal those read from the members' rows (yesterday's path
        // reads the rows; nothing in these records is dated today).
        for code in ["TW", "T01", "T01-A", "T01-B-C1"] {
            let now = try await t.services.units.stats(Self.cli, code: code)
            let rows = try await t.db.read { sql in
                try await UnitService.membersByStatusFromRows(sql, path: try await t.services.units.get(Self.cli, code: code).path, on: Self.today)
            }
            #expect(now.membersByStatus.filter { $0.value != 0 } == Dictionary(uniqueKeysWithValues: rows.map { ($0.key.rawValue, $0.value) }), "\(code) after \(step)",
                    sourceLocation: sourceLocation)
        }
    }

    /// The upper levels' kept profiles (`MemberProfiles`: birth date and gender of the members in the Party, admissions
    /// by year) equal, for every unit whose figures are kept, a count of its subtree's member rows — what the dashboard
    /// of a deeper unit reads.
    static func expectProfilesKept(_ t: TestDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        try await t.db.read { sql in
            func lines(_ query: SQLQueryString, _ columns: [String]) async throws -> [String] {
                try await sql.raw(query).all().map { row in
                    try columns.map { column in
                        column == "n" ? String(try row.decode(column: column, as: Int.self)) : try row.decode(column: column, as: String.self)
                    }.joined(separator: " ")
                }
            }
            let paths = try await sql.raw("SELECT path FROM units ORDER BY path").all().map { try $0.decode(column: "path", as: String.self) }
            let anchors = paths.filter { MemberProfiles.isAnchor(path: $0) }
            #expect(anchors.count >= 2, sourceLocation: sourceLocation)
            for path in anchors {
                let range = PathRange.of(path)
                let keptBirths = try await lines(
                    "SELECT birth_date, gender, n FROM subtree_birth_counts WHERE anchor_path = \(bind: path) AND n <> 0 ORDER BY 1, 2",
                    ["birth_date", "gender", "n"])
                let countedBirths = try await lines(
                    """
                    SELECT birth_date, gender, COUNT(*) AS n FROM members WHERE unit_path >= \(bind: range.lower) AND unit_path < \(bind: range.upper)
                    AND status IN ('probationary', 'full') AND birth_date IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2
                    """, ["birth_date", "gender", "n"])
                #expect(keptBirths == countedBirths, "births of \(path) after \(step)", sourceLocation: sourceLocation)
                let keptYears = try await lines(
                    "SELECT year, n FROM subtree_admission_counts WHERE anchor_path = \(bind: path) AND n <> 0 ORDER BY 1", ["year", "n"])
                let countedYears = try await lines(
                    """
                    SELECT substr(admitted_on, 1, 4) AS year, COUNT(*) AS n FROM members WHERE unit_path >= \(bind: range.lower)
                    AND unit_path < \(bind: range.upper) AND admitted_on IS NOT NULL GROUP BY 1 ORDER BY 1
                    """, ["year", "n"])
                #expect(keptYears == countedYears, "admissions of \(path) after \(step)", sourceLocation: sourceLocation)
            }
        }
    }

    static func importMembers(_ t: TestDatabase, _ csv: String, threshold: Int) async throws {
        let folder = t.folder.appendingPathComponent("members-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent("members.csv"))
        _ = try await MemberImport.$indexesAfterLoadOf.withValue(threshold) { try await t.services.interchange.importDataset(Self.cli, at: folder) }
    }

    @Test("the counts follow creation, edits of dates and status, events (transfer, exemption, leaving), merging duplicates, restructuring and imports")
    func countsFollowEveryChange() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            let past = CivilDate(year: 2026, month: 1, day: 5)!
            // A first large load into the empty register: the triggers are off during the load, then all is recounted.
            try await Self.importMembers(t, MemberTests.membersCSV, threshold: 1)
            try await Self.expectKept(t, "a bulk first load")
            let an = try await m.create(Self.cli, MemberTests.draft("Nguyễn Văn An", card: "40000001"), today: Self.today)
            let binh = try await m.create(
                Self.cli, MemberTests.draft("Trần Thị Bình", card: "40000002", gender: "female", status: "probationary", admitted: "2025-03-02", recognized: ""),
                today: Self.today)
            let cuong = try await m.create(Self.cli, MemberTests.draft("Lê Văn Cường", card: "40000003", unit: "T01-B-C1"), today: Self.today)
            try await Self.expectKept(t, "creation")
            // An edit that changes the dates (probationary → full) moves the member between statuses.
            var draft = MemberTests.draft("Trần Thị Bình", card: "40000002", gender: "female", status: "full", admitted: "2025-03-02", recognized: "2026-03-02")
            draft.fullName = "Trần Thị Bình"
            _ = try await m.update(Self.cli, id: binh.id, draft, expectedVersion: binh.version, today: Self.today)
            try await Self.expectKept(t, "an edit of the dates")
            _ = try await m.recordEvent(Self.cli, memberId: binh.id, MemberEventInput(kind: .exempt, effectiveOn: past.adding(days: 100), decisionNo: "9-QĐ/ĐU"),
                                        today: Self.today)
            try await Self.expectKept(t, "an exemption")
            _ = try await m.recordEvent(
                Self.cli, memberId: an.id, MemberEventInput(kind: .transferWithin, effectiveOn: past, decisionNo: "1-QĐ/ĐU", toUnitCode: "T01-B-C1"), today: Self.today)
            try await Self.expectKept(t, "a transfer")
            _ = try await m.recordEvent(Self.cli, memberId: an.id, MemberEventInput(kind: .resigned, effectiveOn: past.adding(days: 10), decisionNo: "2-QĐ/ĐU"),
                                        today: Self.today)
            try await Self.expectKept(t, "leaving")
            // A duplicate merged away: its row goes, the kept record stays.
            let twin = try await m.create(Self.cli, MemberTests.draft("Lê Văn Cường", card: "", unit: "T01-A-C1", status: "probationary", admitted: "2025-05-19", recognized: ""), today: Self.today)
            let kept = try await m.get(Self.cli, id: cuong.id)
            _ = try await m.merge(Self.cli, keep: kept.id, keepVersion: kept.version, duplicate: twin.id, duplicateVersion: twin.version,
                                  today: Self.today)
            try await Self.expectKept(t, "merging duplicates")
            // Restructuring: the cell of commune B merged into commune A's cell moves its members by unit.
            _ = try await t.services.restructuring.apply(
                Self.cli, steps: [RestructureStep(operation: .merge(sources: ["T01-B-C1"], target: "T01-A-C1", newTarget: nil), effectiveOn: past, decisionNo: "3-QĐ/TU")])
            try await Self.expectKept(t, "a restructuring merge")
            // A commune moved to another province: its members leave one province's profile for the other's.
            _ = try await t.services.units.create(
                Self.cli,
                UnitDraft(code: "T02", name: "Đảng bộ tỉnh Thứ Hai", kind: UnitKind.provincial.rawValue, parentCode: "TW", sector: Sector.commune.rawValue,
                          hasCommittee: true, foundedOn: "", dissolvedOn: ""))
            _ = try await t.services.restructuring.apply(
                Self.cli, steps: [RestructureStep(operation: .move(code: "T01-A", parentCode: "T02"), effectiveOn: past.adding(days: 20), decisionNo: "4-QĐ/TW")])
            try await Self.expectKept(t, "a commune moved to another province")
            // An import below the bulk threshold: row by row, the triggers on.
            try await Self.importMembers(t, MemberTests.membersCSV.replacingOccurrences(of: ",3000000", with: ",5000000")
                .replacingOccurrences(of: "001085012345", with: "001085099999").replacingOccurrences(of: "T01-B-C1", with: "T01-A-C1"), threshold: 1_000_000)
            try await Self.expectKept(t, "an import row by row")
        }
    }
}
