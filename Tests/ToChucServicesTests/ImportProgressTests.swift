import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// `importDataset(progress:)`: the stages in order, a bounded number of reports, and the last one `done` or `failed`.
@Suite struct ImportProgressTests {
    actor Reports {
        var items: [ImportProgress] = []
        func add(_ progress: ImportProgress) { items.append(progress) }
    }

    static let units = """
        code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on
        TW,Trung ương,central,,other,true,,
        T01,Đảng bộ tỉnh Thử Nghiệm,provincial,TW,other,true,1945-09-02,
        T01-A,Đảng bộ xã An Bình,base,T01,commune,true,2000-01-01,
        T01-A-C1,Chi bộ thôn 1,cell,T01-A,commune,true,2000-01-01,

        """

    /// `count` valid full members of T01-A-C1, card numbers from 60000000.
    static func members(_ count: Int) -> String {
        var text = "card_no,full_name,gender,birth_date,ethnicity,unit_code,status,admitted_on,recognized_on\n"
        for i in 0..<count {
            text += "\(60_000_000 + i),Nguyễn Văn Số \(i),male,1985-04-12,Kinh,T01-A-C1,full,2010-05-19,2011-05-19\n"
        }
        return text
    }

    func folder(_ t: TestDatabase, _ files: [String: String]) throws -> URL {
        let folder = t.folder.appendingPathComponent("ds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        return folder
    }

    @Test("a two-file import reports reading, checking every few thousand rows, writing, and ends with done; the bar never goes back")
    func reportsInOrder() async throws {
        try await TestDatabase.with { t in
            let reports = Reports()
            let rows = 12_000
            let summary = try await t.services.interchange.importDataset(
                TestDatabase.cli, at: try folder(t, ["org_units.csv": Self.units, "members.csv": Self.members(rows)])
            ) { await reports.add($0) }
            #expect(summary.created == 4 + rows)
            let items = await reports.items
            #expect(items.first?.stage == .reading)
            #expect(items.last?.stage == .done)
            #expect(items.last?.percent == 100)
            // Per stage, not per row: 12,004 rows give a few dozen reports at most.
            #expect(items.count < 40)
            let fractions = items.map(\.fraction)
            #expect(fractions == fractions.sorted(), "the bar went back: \(fractions)")
            let members = items.filter { $0.file == "members.csv" }
            #expect(members.allSatisfy { $0.fileIndex == 1 && $0.fileCount == 2 })
            #expect(members.contains { $0.stage == .checking && $0.rowsDone > 0 && $0.rowsDone < rows && $0.rowsTotal == rows })
            #expect(members.contains { $0.stage == .writing && $0.rowsDone == rows && $0.rowsTotal == rows })
            #expect(items.contains { $0.file == "org_units.csv" && $0.stage == .writing && $0.fileIndex == 0 })
            let order: [ImportProgress.Stage] = [.reading, .checking, .writing, .done]
            let perFile = members.map { order.firstIndex(of: $0.stage) ?? -1 }
            #expect(perFile == perFile.sorted())
        }
    }

    @Test("a refused import ends with failed, and nothing is stored")
    func failedEndsWithFailed() async throws {
        try await TestDatabase.with { t in
            let reports = Reports()
            let bad = Self.members(3).replacingOccurrences(of: "60000001,Nguyễn Văn Số 1,male", with: "60000001,Nguyễn Văn Số 1,robot")
            await #expect(throws: ImportFailure.self) {
                try await t.services.interchange.importDataset(
                    TestDatabase.cli, at: try folder(t, ["org_units.csv": Self.units, "members.csv": bad])
                ) { await reports.add($0) }
            }
            let items = await reports.items
            #expect(items.first?.stage == .reading)
            #expect(items.last?.stage == .failed)
            #expect(!items.contains { $0.stage == .done })
            let stored = try await t.services.units.list(TestDatabase.cli).total
            #expect(stored == 0)
        }
    }

    @Test("without a callback an import behaves as before")
    func noCallback() async throws {
        try await TestDatabase.with { t in
            let summary = try await t.services.interchange.importDataset(TestDatabase.cli, at: try folder(t, ["org_units.csv": Self.units]))
            #expect(summary == ImportSummary(created: 4, files: ["org_units.csv"]))
        }
    }
}
