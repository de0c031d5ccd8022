import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue "Organization tree with history" (DOMAIN.md §1): dated, atomic restructuring; "as of" any date.
@Suite struct RestructuringTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static let cli = TestDatabase.cli

    func step(_ operation: RestructureOperation, _ on: String, decision: String = "100-QĐ/TU") -> RestructureStep {
        RestructureStep(operation: operation, effectiveOn: Self.date(on), decisionNo: decision)
    }

    func apply(_ t: TestDatabase, _ steps: RestructureStep...) async throws -> [RestructureOutcome] {
        try await t.services.restructuring.apply(Self.cli, steps: steps)
    }

    func draft(_ code: String, _ name: String, _ kind: UnitKind, parent: String, committee: Bool = true) -> UnitDraft {
        UnitDraft(code: code, name: name, kind: kind.rawValue, parentCode: parent, sector: Sector.commune.rawValue, hasCommittee: committee, foundedOn: "", dissolvedOn: "")
    }

    /// A province with two districts (upper-base), each with two communes (base), each with two cells,
    /// all founded 2000-01-01 — the shape the 2025 reform changed.
    func seedProvince(_ t: TestDatabase) async throws {
        var rows = "code,name,kind,parent_code,sector,has_committee,founded_on\n"
        rows += "TW,Trung ương,central,,other,true,\n"
        rows += "P1,Đảng bộ tỉnh Một,provincial,TW,other,true,2000-01-01\n"
        rows += "P2,Đảng bộ tỉnh Hai,provincial,TW,other,true,2000-01-01\n"
        for d in 1...2 {
            rows += "P1-D\(d),Đảng bộ huyện \(d),upper_base,P1,other,true,2000-01-01\n"
            for c in 1...2 {
                rows += "P1-D\(d)-X\(c),Đảng bộ xã \(d)\(c),base,P1-D\(d),commune,true,2000-01-01\n"
                for k in 1...2 {
                    rows += "P1-D\(d)-X\(c)-C\(k),Chi bộ thôn \(k),cell,P1-D\(d)-X\(c),commune,\(k == 1 ? "true" : "false"),2000-01-01\n"
                }
            }
        }
        rows += "P2-X1,Đảng bộ xã Hai Một,base,P2,commune,true,2000-01-01\n"
        rows += "P2-X1-C1,Chi bộ thôn Hai,cell,P2-X1,commune,true,2000-01-01\n"
        let folder = t.folder.appendingPathComponent("seed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(rows.utf8).write(to: folder.appendingPathComponent("org_units.csv"))
        _ = try await t.services.interchange.importDataset(Self.cli, at: folder)
    }

    @Test("rename is dated: the old name before, the new one from the date; the timeline keeps both")
    func rename() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            _ = try await apply(t, step(.rename(code: "P1-D1-X1", name: "Đảng bộ phường Mới"), "2020-03-01"))
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1-X1", asOf: Self.date("2020-02-29"))?.name == "Đảng bộ xã 11")
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1-X1", asOf: Self.date("2020-03-01"))?.name == "Đảng bộ phường Mới")
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1-X1").name == "Đảng bộ phường Mới")
            #expect(try await t.services.units.versions(Self.cli, code: "P1-D1-X1").map(\.name) == ["Đảng bộ xã 11", "Đảng bộ phường Mới"])
            #expect(try await t.services.audit.verify() != .broken(entryId: 0, reason: ""))
        }
    }

    @Test("found and dissolve: a unit counts from its founding date and not from its dissolution date on")
    func foundAndDissolve() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            _ = try await apply(t, step(.found(draft("P1-D1-X1-C3", "Chi bộ thôn 3", .cell, parent: "P1-D1-X1")), "2021-01-01"))
            _ = try await apply(t, step(.dissolve(code: "P1-D1-X1-C3"), "2023-06-01"))
            let counts = { (d: String) in try await t.services.units.stats(Self.cli, code: "P1-D1-X1", asOf: Self.date(d)).cells }
            #expect(try await counts("2020-12-31") == 2)
            #expect(try await counts("2021-01-01") == 3)
            #expect(try await counts("2023-05-31") == 3)
            #expect(try await counts("2023-06-01") == 2)
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1-X1-C3").dissolvedOn == Self.date("2023-06-01"))
        }
    }

    @Test("dissolving a unit with sub-units is refused, saying what to move first; nothing is stored")
    func dissolveRefused() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            do {
                _ = try await apply(t, step(.dissolve(code: "P1-D1"), "2025-07-01"))
                Issue.record("dissolved a district with communes")
            } catch let failure as ImportFailure {
                #expect(failure.problems.first?.reason.en.contains("P1-D1-X1") == true)
                #expect(failure.problems.first?.reason.en.contains("2 sub-units") == true)
            }
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1").dissolvedOn == nil)
            #expect(try await t.services.restructuring.events(Self.cli).isEmpty)
        }
    }

    @Test("merge moves the sub-units into the target; the sources end on the date; 'as of' before and after differ")
    func merge() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            let outcome = try await apply(
                t, step(.merge(sources: ["P1-D1-X1", "P1-D1-X2"], target: "P1-D1-X9", newTarget: draft("P1-D1-X9", "Đảng bộ xã Hợp Nhất", .base, parent: "P1-D1")), "2025-07-01"))
            #expect(outcome.first?.created == ["P1-D1-X9"])
            #expect(Set(outcome.first?.ended ?? []) == ["P1-D1-X1", "P1-D1-X2"])
            let before = try await t.services.units.stats(Self.cli, code: "P1-D1", asOf: Self.date("2025-06-30"))
            let after = try await t.services.units.stats(Self.cli, code: "P1-D1", asOf: Self.date("2025-07-01"))
            #expect(before.unitsByKind["base"] == 2)
            #expect(after.unitsByKind["base"] == 1)
            #expect(before.cells == 4 && after.cells == 4)
            #expect(after.cellsWithCommittee == 2)
            let merged = try await t.services.units.get(Self.cli, code: "P1-D1-X9")
            #expect(try await t.services.units.children(Self.cli, of: merged).count == 4)
            #expect(try await t.services.units.children(Self.cli, of: merged, asOf: Self.date("2025-06-30")).isEmpty)
            let old = try await t.services.units.get(Self.cli, code: "P1-D1-X1")
            #expect(try await t.services.units.children(Self.cli, of: old, asOf: Self.date("2025-06-30")).count == 2)
            #expect(old.dissolvedOn == Self.date("2025-07-01"))
        }
    }

    @Test("units of different kinds do not merge")
    func mergeKinds() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            await #expect(throws: ImportFailure.self) {
                try await apply(t, step(.merge(sources: ["P1-D1-X1-C1"], target: "P1-D1-X2", newTarget: nil), "2025-07-01"))
            }
        }
    }

    @Test("split: the clerk assigns each sub-unit to a part; the source ends; every sub-unit must be assigned")
    func split() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            let parts = [draft("P1-D1-X1a", "Xã Một A", .base, parent: ""), draft("P1-D1-X1b", "Xã Một B", .base, parent: "")]
            await #expect(throws: ImportFailure.self) {
                try await apply(t, step(.split(source: "P1-D1-X1", parts: parts, assignments: ["P1-D1-X1-C1": "P1-D1-X1a"]), "2024-01-01"))
            }
            _ = try await apply(
                t, step(.split(source: "P1-D1-X1", parts: parts, assignments: ["P1-D1-X1-C1": "P1-D1-X1a", "P1-D1-X1-C2": "P1-D1-X1b"]), "2024-01-01"))
            let a = try await t.services.units.get(Self.cli, code: "P1-D1-X1a")
            #expect(a.parentCode == "P1-D1")
            #expect(try await t.services.units.children(Self.cli, of: a).map(\.code) == ["P1-D1-X1-C1"])
            #expect(try await t.services.units.stats(Self.cli, code: "P1-D1", asOf: Self.date("2024-01-01")).unitsByKind["base"] == 3)
        }
    }

    @Test("the 2025 reform as a sequence: communes to the province, districts dissolved, communes merged, provinces merged")
    func reform2025() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            var steps: [RestructureStep] = []
            for d in 1...2 {
                for c in 1...2 { steps.append(step(.move(code: "P1-D\(d)-X\(c)", parentCode: "P1"), "2025-07-01", decision: "60-NQ/TW")) }
                steps.append(step(.dissolve(code: "P1-D\(d)"), "2025-07-01", decision: "60-NQ/TW"))
            }
            steps.append(step(.merge(sources: ["P1-D1-X1", "P1-D1-X2", "P1-D2-X1"], target: "P1-D1-X1", newTarget: nil), "2025-07-01", decision: "1656-NQ/UBTVQH15"))
            steps.append(step(.merge(sources: ["P1", "P2"], target: "P1", newTarget: nil), "2025-07-01", decision: "202-NQ/QH15"))
            steps.append(step(.rename(code: "P1", name: "Đảng bộ tỉnh Mới"), "2025-07-01", decision: "202-NQ/QH15"))
            _ = try await t.services.restructuring.apply(Self.cli, steps: steps)

            let before = try await t.services.units.stats(Self.cli, code: "TW", asOf: Self.date("2025-06-30"))
            #expect(before.unitsByKind == ["central": 1, "provincial": 2, "upper_base": 2, "base": 5, "sub_base": 0, "cell": 9])
            let after = try await t.services.units.stats(Self.cli, code: "TW", asOf: Self.date("2025-07-01"))
            #expect(after.unitsByKind == ["central": 1, "provincial": 1, "upper_base": 0, "base": 3, "sub_base": 0, "cell": 9])
            #expect(after.cellsWithCommittee == before.cellsWithCommittee)
            let province = try await t.services.units.get(Self.cli, code: "P1")
            #expect(province.name == "Đảng bộ tỉnh Mới")
            #expect(Set(try await t.services.units.children(Self.cli, of: province).map(\.code)) == ["P1-D1-X1", "P1-D2-X2", "P2-X1"])
            // The province's own figures on the day before still show its old shape.
            #expect(try await t.services.units.stats(Self.cli, code: "P1", asOf: Self.date("2025-06-30")).unitsByKind["upper_base"] == 2)
            #expect(try await t.services.audit.verify() == .intact(entries: try await auditCount(t)))
        }
    }

    func auditCount(_ t: TestDatabase) async throws -> Int64 {
        if case .intact(let n) = try await t.services.audit.verify() { return n }
        return -1
    }

    @Test("a plan is all or nothing: a bad step in the middle leaves the tree as it was")
    func planAtomic() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            await #expect(throws: ImportFailure.self) {
                try await apply(
                    t, step(.rename(code: "P1-D1", name: "Huyện Mới"), "2025-01-01"), step(.dissolve(code: "P1-D2"), "2025-01-01"))
            }
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1").name == "Đảng bộ huyện 1")
            #expect(try await t.services.units.versions(Self.cli, code: "P1-D1").count == 1)
        }
    }

    @Test("a dry run reports what would change and stores nothing")
    func dryRun() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            let outcomes = try await t.services.restructuring.apply(
                Self.cli, steps: [step(.move(code: "P1-D1-X1", parentCode: "P1"), "2025-07-01")], dryRun: true)
            #expect(outcomes.first?.moved == ["P1-D1-X1"])
            #expect(try await t.services.units.get(Self.cli, code: "P1-D1-X1").parentCode == "P1-D1")
            #expect(try await t.services.restructuring.events(Self.cli).isEmpty)
        }
    }

    @Test(
        "bad operations are refused with a message and store nothing",
        arguments: [
            RestructureOperation.move(code: "P1", parentCode: "P1-D1-X1"),  // cycle
            .move(code: "P1-D1-X1", parentCode: "P1-D1-X2-C1"),  // under a lower kind
            .found(UnitDraft(code: "P1-D1", name: "Trùng mã", kind: "base", parentCode: "P1", sector: "commune", hasCommittee: true, foundedOn: "", dissolvedOn: "")),  // code reused
            .found(UnitDraft(code: "NEW", name: "Mới", kind: "base", parentCode: "NOPE", sector: "commune", hasCommittee: true, foundedOn: "", dissolvedOn: "")),
            .rename(code: "P1-D1", name: " "),
        ])
    func refusals(operation: RestructureOperation) async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            await #expect(throws: ImportFailure.self) { try await apply(t, step(operation, "2025-07-01")) }
            #expect(try await t.services.restructuring.events(Self.cli).isEmpty)
        }
    }

    @Test("a parent that does not exist on the date is refused (founded later, or already dissolved)")
    func parentNotOnDate() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            await #expect(throws: ImportFailure.self) {
                try await apply(t, step(.found(draft("OLD", "Chi bộ cũ", .cell, parent: "P1-D1-X1")), "1999-01-01"))
            }
            _ = try await apply(t, step(.move(code: "P1-D1-X1", parentCode: "P1"), "2025-07-01"), step(.move(code: "P1-D1-X2", parentCode: "P1"), "2025-07-01"),
                step(.dissolve(code: "P1-D1"), "2025-07-01"))
            await #expect(throws: ImportFailure.self) {
                try await apply(t, step(.move(code: "P1-D2-X1", parentCode: "P1-D1"), "2025-08-01"))
            }
        }
    }

    @Test("a missing decision number is refused")
    func decisionRequired() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            await #expect(throws: ImportFailure.self) { try await apply(t, step(.rename(code: "P1", name: "X"), "2025-01-01", decision: " ")) }
        }
    }

    @Test("a correcting event undoes a merge without erasing it: the tree is as before, both events stay listed")
    func correction() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            let outcome = try await apply(t, step(.merge(sources: ["P1-D1-X1", "P1-D1-X2"], target: "P1-D1-X1", newTarget: nil), "2025-07-01"))
            let eventId = try #require(outcome.first?.eventId)
            #expect(try await t.services.units.stats(Self.cli, code: "P1-D1").unitsByKind["base"] == 1)
            _ = try await t.services.restructuring.correct(Self.cli, eventId: eventId, decisionNo: "101-QĐ/TU", note: "Nhập nhầm")
            #expect(try await t.services.units.stats(Self.cli, code: "P1-D1").unitsByKind["base"] == 2)
            let x2 = try await t.services.units.get(Self.cli, code: "P1-D1-X2")
            #expect(x2.dissolvedOn == nil)
            #expect(try await t.services.units.children(Self.cli, of: x2).count == 2)
            let events = try await t.services.restructuring.events(Self.cli)
            #expect(events.map(\.kind) == [.correction, .merge] || events.map(\.kind).contains(.merge))
            await #expect(throws: DomainError.self) {
                try await t.services.restructuring.correct(Self.cli, eventId: eventId, decisionNo: "102-QĐ/TU", note: "")
            }
        }
    }

    @Test("only the latest change can be corrected")
    func correctionOrder() async throws {
        try await TestDatabase.with { t in
            try await seedProvince(t)
            let first = try await apply(t, step(.rename(code: "P1-D1", name: "Tên A"), "2024-01-01"))
            _ = try await apply(t, step(.rename(code: "P1-D1", name: "Tên B"), "2024-06-01"))
            await #expect(throws: DomainError.self) {
                try await t.services.restructuring.correct(Self.cli, eventId: first.first!.eventId!, decisionNo: "1-QĐ/TU", note: "")
            }
        }
    }

    @Test("the CSV plan parses every operation and names bad lines")
    func planParsing() throws {
        let text = """
            op,effective_on,decision_no,code,name,kind,parent_code,sources,parts,assign
            move,01/07/2025,60-NQ/TW,X1,,,P1,,,
            merge,2025-07-01,60-NQ/TW,X9,Xã Mới,base,P1,X1;X2,,
            split,2025-07-01,60-NQ/TW,X3,,,,,A:Xã A;B:Xã B,C1>A;C2>B
            rename,2025-07-01,,X4,,,,,,
            explode,2025-07-01,1-QĐ/TU,X5,,,,,,
            """
        guard case .failure(let failure) = RestructurePlan.parse(try CSV.parse(text)) else {
            Issue.record("accepted a bad plan")
            return
        }
        #expect(Set(failure.problems.compactMap(\.line)) == [5, 6])
        let good = try RestructurePlan.parse(try CSV.parse(text.split(separator: "\n").prefix(4).joined(separator: "\n"))).get()
        #expect(good.count == 3)
        #expect(good[0].operation == .move(code: "X1", parentCode: "P1"))
        if case .split(_, let parts, let assign) = good[2].operation {
            #expect(parts.map(\.code) == ["A", "B"])
            #expect(assign == ["C1": "A", "C2": "B"])
        } else {
            Issue.record("not a split")
        }
    }
}
