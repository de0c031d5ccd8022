import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// INTERCHANGE.md: a load is all or nothing, names every wrong row as `file:line: column: reason`, and is idempotent.
@Suite struct InterchangeTests {
    func write(_ t: TestDatabase, _ csv: String, folder name: String = "ds") throws -> URL {
        let folder = t.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent("org_units.csv"))
        return folder
    }

    static let good = """
        \u{FEFF}Mã,Tên tổ chức,Loại,Mã cấp trên,Khu vực,Có cấp ủy,Ngày thành lập,Ngày giải thể
        TW,Trung ương,Trung ương,,Khác,có,,
        T02,Đảng bộ tỉnh Hà Giang,Đảng bộ tỉnh,TW,other,có,01/01/1946,
        T02-X,"Đảng bộ xã Lũng Cú, huyện Đồng Văn",Cơ sở,T02,commune,có,,
        T02-X-C1,Chi bộ thôn Lô Lô Chải,Chi bộ,T02-X,commune,không,,
        """

    @Test("a file with bad rows stores nothing and names every bad row; fixed, it stores everything; again, it changes nothing")
    func allOrNothingAndIdempotent() async throws {
        try await TestDatabase.with { t in
            let bad = """
                code,name,kind,parent_code,sector,has_committee,founded_on,dissolved_on
                TW,Trung ương,central,,other,true,,
                T02,Đảng bộ tỉnh Hà Giang,provincial,TW,other,true,1946-01-01,
                T02-X,Xã Lũng Cú,ward,T02,commune,true,,
                T02-Y,Xã Sủng Là,base,T99,commune,true,,
                T02-X-C1,Chi bộ thôn Lô Lô Chải,cell,T02,commune,maybe,,
                T02-Z,Xã Phố Bảng,base,T02,commune,true,2020-01-01,2019-01-01
                T02,Lặp lại,base,TW,commune,true,,
                """
            do {
                _ = try await t.services.interchange.importDataset(TestDatabase.cli, at: try write(t, bad, folder: "bad"))
                Issue.record("a bad file was loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("org_units.csv:4: kind:") })
                #expect(lines.contains { $0.hasPrefix("org_units.csv:5: parent_code:") })
                #expect(lines.contains { $0.hasPrefix("org_units.csv:6: has_committee:") })
                #expect(lines.contains { $0.hasPrefix("org_units.csv:7: dissolved_on:") })
                #expect(lines.contains { $0.hasPrefix("org_units.csv:8: code:") })
                #expect(Set(failure.problems.compactMap(\.line)) == [4, 5, 6, 7, 8])
            }
            #expect(try await t.services.units.list(TestDatabase.cli).total == 0)

            let folder = try write(t, Self.good)
            let first = try await t.services.interchange.importDataset(TestDatabase.cli, at: folder)
            #expect(first.created == 4)
            let unit = try await t.services.units.get(TestDatabase.cli, code: "T02-X")
            #expect(unit.name == "Đảng bộ xã Lũng Cú, huyện Đồng Văn")
            #expect(unit.kind == .base)
            #expect(try await t.services.units.get(TestDatabase.cli, code: "T02").foundedOn == CivilDate(year: 1946, month: 1, day: 1))
            let history = try await t.services.units.history(TestDatabase.cli, code: "T02-X")
            #expect(history.map(\.action) == ["import"])
            #expect(history.first?.newValues?["created"] == "4")
            let auditBefore = try await t.services.audit.verify()
            let second = try await t.services.interchange.importDataset(TestDatabase.cli, at: folder)
            #expect(second == ImportSummary(created: 0, updated: 0, unchanged: 4, files: ["org_units.csv"]))
            #expect(try await t.services.audit.verify() == auditBefore)
        }
    }

    @Test("unknown files and unknown columns are refused by name")
    func unknownNames() async throws {
        try await TestDatabase.with { t in
            let folder = try write(t, "code,name,kind,colour\nTW,Trung ương,central,red\n")
            try Data("x".utf8).write(to: folder.appendingPathComponent("people.csv"))
            do {
                _ = try await t.services.interchange.importDataset(TestDatabase.cli, at: folder)
                Issue.record("accepted")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { $0.text(.en) }.contains { $0.hasPrefix("people.csv") })
            }
            try FileManager.default.removeItem(at: folder.appendingPathComponent("people.csv"))
            do {
                _ = try await t.services.interchange.importDataset(TestDatabase.cli, at: folder)
                Issue.record("accepted")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { $0.text(.en) } == ["org_units.csv:1: colour: Unknown column: “colour”."])
            }
        }
    }

    @Test("a cell over 10,000 characters refuses the file, naming its line and column, before any row is checked")
    func cellTooLong() async throws {
        try await TestDatabase.with { t in
            let long = String(repeating: "đ", count: InterchangeService.maximumCellLength + 1)
            let exact = String(repeating: "a", count: InterchangeService.maximumCellLength)
            let csv = "code,name,kind,parent_code\nTW,\(exact),central,\nT01,\(long),provincial,TW\n"
            do {
                _ = try await t.services.interchange.importDataset(TestDatabase.cli, at: try write(t, csv))
                Issue.record("accepted")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map { $0.text(.en) } == ["org_units.csv:3: name: The cell is longer than 10000 characters (10001)."])
            }
            #expect(try await t.services.units.list(TestDatabase.cli).total == 0)
        }
    }

    @Test("a cycle inside the file is refused")
    func cycle() async throws {
        try await TestDatabase.with { t in
            let csv = "code,name,kind,parent_code\nTW,Trung ương,central,\nA,A,base,B\nB,B,sub_base,A\n"
            await #expect(throws: ImportFailure.self) {
                try await t.services.interchange.importDataset(TestDatabase.cli, at: try write(t, csv))
            }
        }
    }

    @Test("export writes what import reads back to the same records, as CSV and as XLSX")
    func roundTrip() async throws {
        try await TestDatabase.with { t in
            _ = try await t.services.interchange.importDataset(TestDatabase.cli, at: try write(t, Self.good))
            let csvFolder = t.folder.appendingPathComponent("out")
            _ = try await t.services.interchange.export(TestDatabase.cli, format: .csv, to: csvFolder, programVersion: "test")
            let xlsx = t.folder.appendingPathComponent("out.xlsx")
            _ = try await t.services.interchange.export(TestDatabase.cli, format: .xlsx, to: xlsx, programVersion: "test")
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: csvFolder.appendingPathComponent("manifest.json"))) as? [String: Any]
            #expect(manifest?["exported_by"] as? String == "cli:test")
            for source in [csvFolder, xlsx] {
                try await TestDatabase.with { other in
                    let summary = try await other.services.interchange.importDataset(TestDatabase.cli, at: source)
                    #expect(summary.created == 4)
                    let a = try await t.services.interchange.orgUnitRows(TestDatabase.cli)
                    let b = try await other.services.interchange.orgUnitRows(TestDatabase.cli)
                    #expect(a == b)
                }
            }
        }
    }
}
