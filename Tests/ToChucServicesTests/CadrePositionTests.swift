import Foundation
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Issue 5 (DOMAIN.md §3, §6): agencies, cadres' positions and the decisions that change them, management levels,
/// approval counts and positions.csv.
@Suite struct CadrePositionTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    /// The tree of `TestDatabase.seedTree`, a member in T01-A-C1, an agency led by T01-A and a cadre for the member.
    static func setUp(_ t: TestDatabase) async throws -> Cadre {
        try await t.seedTree()
        _ = try await t.services.members.create(cli, MemberTests.draft("Nguyễn Văn Tùng", card: "10000001"), today: today)
        _ = try await t.services.agencies.create(
            cli, AgencyDraft(code: "UBND-A", name: "Ủy ban nhân dân xã An Bình", kind: "government", parentCode: "", unitCode: "T01-A"))
        var draft = CadreDraft()
        draft.memberNumber = "10000001"
        return try await t.services.cadres.create(try await t.principal(.clerk, at: "T01-A"), draft)
    }

    static func appointment(_ cadre: Cadre, place: String = "T01-A", title: String = "Bí thư", level: String = "provincial", on date: String,
                            kind: String = "appointment", closes: Int64? = nil, number: String = "12-QĐ/TU") -> DecisionDraft {
        var d = DecisionDraft()
        d.cadreId = cadre.id
        d.kind = kind
        d.decisionNo = number
        d.effectiveOn = date
        d.placeCode = place
        d.title = title
        d.managedBy = level
        d.closesPositionId = closes
        return d
    }

    func write(_ t: TestDatabase, _ files: [String: String], folder name: String = "ds") throws -> URL {
        let folder = t.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(file)) }
        return folder
    }

    @Test("agencies form a second tree led by party units: scope follows the leading unit, no cycles, codes unique across both trees")
    func agencies() async throws {
        try await TestDatabase.with { t in
            _ = try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let child = try await t.services.agencies.create(
                clerk, AgencyDraft(code: "UBND-A-VP", name: "Văn phòng UBND xã", kind: "Chính quyền", parentCode: "UBND-A", unitCode: "T01-A"))
            #expect(child.parentCode == "UBND-A" && child.kind == .government)
            let rows = try await t.services.agencies.list(clerk).items
            #expect(rows.map(\.agency.code) == ["UBND-A", "UBND-A-VP"] && rows.map(\.depth) == [0, 1])
            let sibling = try await t.principal(.admin, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.agencyNotFound)) { try await t.services.agencies.get(sibling, code: "UBND-A") }
            #expect(try await t.services.agencies.list(sibling).total == 0)
            let parent = try await t.services.agencies.get(clerk, code: "UBND-A")
            var cyclic = parent.draft
            cyclic.parentCode = "UBND-A-VP"
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("parent_code", Catalogue.cycle)])) {
                try await t.services.agencies.update(clerk, code: "UBND-A", cyclic, expectedVersion: parent.version)
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.agencyCodeTaken)])) {
                try await t.services.agencies.create(clerk, AgencyDraft(code: "T01-A-C1", name: "Trùng mã", kind: "other", unitCode: "T01-A"))
            }
            // Both ways: a new party unit may not take an agency's code (in the form and in org_units.csv).
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.unitCodeTaken("UBND-A"))])) {
                _ = try await t.services.units.create(
                    Self.cli,
                    UnitDraft(code: "UBND-A", name: "Chi bộ trùng mã", kind: "cell", parentCode: "T01-A", sector: "commune", hasCommittee: false, foundedOn: "",
                              dissolvedOn: ""))
            }
            let units = try write(t, ["org_units.csv": "code,name,kind,parent_code\nUBND-A,Chi bộ trùng mã,cell,T01-A\n"], folder: "clash")
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: units)
                Issue.record("a unit took an agency's code")
            } catch let failure as ImportFailure {
                #expect(failure.problems.map(\.column) == ["code"])
            }
            var renamed = parent.draft
            renamed.name = "UBND xã An Bình"
            let saved = try await t.services.agencies.update(clerk, code: "UBND-A", renamed, expectedVersion: parent.version)
            #expect(saved.version == 2)
            await #expect(throws: DomainError.self) {
                try await t.services.agencies.update(clerk, code: "UBND-A", renamed, expectedVersion: parent.version)
            }
            #expect(try await t.services.agencies.history(clerk, code: "UBND-A").map(\.action) == ["create", "update"])
        }
    }

    @Test("a draft changes nothing; only a head at the managing level or above approves; lower levels propose and read")
    func approvalRights() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let baseClerk = try await t.principal(.clerk, at: "T01-A")
            let baseHead = try await t.principal(.head, at: "T01-A")
            let provinceClerk = try await t.principal(.clerk, at: "T01")
            let provinceHead = try await t.principal(.head, at: "T01")
            let draft = try await t.services.decisions.propose(baseClerk, Self.appointment(cadre, on: "2026-06-01"))
            #expect(draft.status == .draft && draft.managedBy == .provincial)
            // Draft: no position on any date.
            #expect(try await t.services.cadres.profile(baseHead, id: cadre.id, today: Self.date("2027-01-01")).current.isEmpty)
            #expect(try await t.services.cadres.profile(baseHead, id: cadre.id).positions.isEmpty)
            await #expect(throws: DomainError.forbidden(Catalogue.approvalNeedsLevel(.provincial))) {
                try await t.services.decisions.approve(baseHead, id: draft.id, on: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.approveNeedsHead)) {
                try await t.services.decisions.approve(provinceClerk, id: draft.id, on: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.decisions.propose(try await t.principal(.viewer, at: "T01-A"), Self.appointment(cadre, on: "2026-06-01"))
            }
            let sibling = try await t.principal(.head, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.decisionNotFound)) {
                try await t.services.decisions.approve(sibling, id: draft.id, on: Self.today)
            }
            #expect(try await t.services.decisions.get(baseClerk, id: draft.id).status == .draft)
            let approved = try await t.services.decisions.approve(provinceHead, id: draft.id, on: Self.today)
            #expect(approved.status == .approved && approved.approvedOn == Self.today && approved.approvedBy == provinceHead.actor)
            #expect(approved.changes.contains(DecisionChange(position: "Bí thư — Đảng bộ xã An Bình", field: "started_on", old: nil, new: "2026-06-01")))
            let profile = try await t.services.cadres.profile(baseClerk, id: cadre.id, today: Self.today)
            #expect(profile.current.map(\.title) == ["Bí thư"] && profile.current[0].approvedOn == Self.today)
            await #expect(throws: DomainError.invalid(Catalogue.decisionNotDraft, [FieldError("status", Catalogue.decisionNotDraft)])) {
                try await t.services.decisions.approve(provinceHead, id: draft.id, on: Self.today)
            }
            // A base-level position: the base head approves it; the Centre's command line could too.
            let base = try await t.services.decisions.propose(
                baseClerk, Self.appointment(cadre, place: "UBND-A", title: "Phó Chủ tịch", level: "base", on: "2026-07-01", number: "5-QĐ/ĐU"))
            #expect(try await t.services.decisions.approve(baseHead, id: base.id, on: Self.today).status == .approved)
            let history = try await t.services.cadres.history(baseClerk, id: cadre.id).map(\.action)
            #expect(history == ["create", "create", "approve", "create", "approve"])
        }
    }

    @Test("an approved decision takes effect on its effective date: before it the old state holds, from it the new one")
    func effectiveDate() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            let first = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2020-06-01", number: "1-QĐ/TU"))
            _ = try await t.services.decisions.approve(head, id: first.id, on: Self.date("2020-05-20"))
            let held = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).current
            #expect(held.count == 1)
            // Rotated to the agency from 01/03/2027, approved today.
            let rotation = try await t.services.decisions.propose(
                head, Self.appointment(cadre, place: "UBND-A", title: "Chủ tịch", on: "2027-03-01", kind: "rotation", closes: held[0].id, number: "2-QĐ/TU"))
            _ = try await t.services.decisions.approve(head, id: rotation.id, on: Self.today)
            let before = try await t.services.cadres.profile(head, id: cadre.id, today: Self.date("2027-02-28")).current
            #expect(before.map(\.title) == ["Bí thư"])
            let after = try await t.services.cadres.profile(head, id: cadre.id, today: Self.date("2027-03-01"))
            #expect(after.current.map(\.title) == ["Chủ tịch"] && after.current[0].startKind == .rotated)
            let ended = after.positions.first { $0.title == "Bí thư" }!
            #expect(ended.endedOn == Self.date("2027-02-28") && ended.endKind == .transferred)
            // A decision that must end a position cannot be proposed without one, nor for an ended one.
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("closes_position_id", Catalogue.decisionMustClose)])) {
                var d = Self.appointment(cadre, on: "2027-04-01", kind: "retirement")
                d.placeCode = ""
                _ = try await t.services.decisions.propose(head, d)
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("closes_position_id", Catalogue.positionNotCurrent)])) {
                _ = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2027-04-01", kind: "dismissal", closes: ended.id))
            }
        }
    }

    @Test("voiding: a draft is withdrawn; an approved decision is undone by a numbered voiding decision, nothing deleted; a later change blocks it")
    func voiding() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            let draft = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2025-01-01", number: "3-QĐ/TU"))
            #expect(try await t.services.decisions.void(head, id: draft.id, decisionNo: "", note: "Đề xuất lại").status == .voided)
            await #expect(throws: DomainError.invalid(Catalogue.decisionAlreadyVoided, [FieldError("status", Catalogue.decisionAlreadyVoided)])) {
                try await t.services.decisions.void(head, id: draft.id, decisionNo: "", note: "")
            }
            let a = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2025-01-01", number: "4-QĐ/TU")).id, on: Self.date("2024-12-20"))
            let position = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).current[0]
            let b = try await t.services.decisions.approve(
                head,
                id: try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2026-09-01", kind: "dismissal", closes: position.id, number: "5-QĐ/TU")).id,
                on: Self.date("2026-08-20"))
            #expect(try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).current.isEmpty)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("decision", Catalogue.decisionHasLaterChange)])) {
                try await t.services.decisions.void(head, id: a.id, decisionNo: "6-QĐ/TU", note: "")
            }
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("decision_no", Catalogue.decisionRequired)])) {
                try await t.services.decisions.void(head, id: b.id, decisionNo: " ", note: "")
            }
            await #expect(throws: DomainError.forbidden(Catalogue.approvalNeedsLevel(.provincial))) {
                try await t.services.decisions.void(try await t.principal(.head, at: "T01-A"), id: b.id, decisionNo: "6-QĐ/ĐU", note: "")
            }
            _ = try await t.services.decisions.void(head, id: b.id, decisionNo: "6-QĐ/TU", note: "Nhầm người")
            #expect(try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).current.map(\.id) == [position.id])
            let voidedA = try await t.services.decisions.void(head, id: a.id, decisionNo: "7-QĐ/TU", note: "Hủy")
            #expect(voidedA.status == .voided && voidedA.voidDecisionNo == "7-QĐ/TU")
            let profile = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today)
            #expect(profile.current.isEmpty && profile.positions.count == 1 && profile.positions[0].voidedByDecisionId == a.id)
        }
    }

    @Test("approvals are counted per management level and period: positions by approval date, ending decisions once, voided ones not")
    func approvalCounts() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            let a = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2026-03-01", number: "8-QĐ/TU")).id, on: Self.date("2026-02-15"))
            _ = try await t.services.decisions.approve(
                head,
                id: try await t.services.decisions.propose(
                    head, Self.appointment(cadre, place: "UBND-A", title: "Phó Chủ tịch", level: "base", on: "2026-04-01", number: "9-QĐ/ĐU")).id,
                on: Self.date("2026-03-10"))
            let position = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).current.first { $0.decisionId == a.id }!
            _ = try await t.services.decisions.approve(
                head,
                id: try await t.services.decisions.propose(
                    head, Self.appointment(cadre, on: "2026-10-01", kind: "resignation", closes: position.id, number: "10-QĐ/TU")).id,
                on: Self.date("2026-09-20"))
            // A draft is not an approval.
            _ = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2026-12-01", number: "11-QĐ/TU"))
            let year = try await t.services.decisions.approvalCounts(head, from: Self.date("2026-01-01"), to: Self.date("2026-12-31"))
            #expect(year.approvals == ["central": 0, "provincial": 2, "upper_base": 0, "base": 1] && year.total == 3)
            let quarter = try await t.services.decisions.approvalCounts(head, from: Self.date("2026-01-01"), to: Self.date("2026-03-31"))
            #expect(quarter.approvals == ["central": 0, "provincial": 1, "upper_base": 0, "base": 1])
            let commune = try await t.services.decisions.approvalCounts(head, unitCode: "T01-B", from: Self.date("2026-01-01"), to: Self.date("2026-12-31"))
            #expect(commune.total == 0)
            // The list behind the counts (where the report's figures link): the same approvals, level by level, in the order approved.
            for level in ManagementLevel.allCases {
                let listed = try await t.services.decisions.approvals(head, from: Self.date("2026-01-01"), to: Self.date("2026-12-31"), level: level)
                #expect(listed.total == year.byLevel[level] ?? 0 && listed.items.allSatisfy { $0.level == level }, "\(level)")
            }
            let listed = try await t.services.decisions.approvals(head, from: Self.date("2026-01-01"), to: Self.date("2026-12-31"))
            #expect(
                listed.items.map(\.decisionNo) == ["8-QĐ/TU", "9-QĐ/ĐU", "10-QĐ/TU"] && listed.items.map(\.endsPosition) == [false, false, true])
            #expect(listed.items.last?.decisionKind == .resignation && listed.items.first?.cadreName == cadre.fullName)
            #expect(
                try await t.services.decisions.approvals(head, unitCode: "T01-B", from: Self.date("2026-01-01"), to: Self.date("2026-12-31")).total
                    == 0)
            // Voided, the resignation is no longer an approval.
            let resignation = try await t.services.decisions.list(head, status: .approved).items.first { $0.kind == .resignation }!
            _ = try await t.services.decisions.void(head, id: resignation.id, decisionNo: "12-QĐ/TU", note: "")
            let after = try await t.services.decisions.approvalCounts(head, from: Self.date("2026-01-01"), to: Self.date("2026-12-31"))
            #expect(after.approvals == ["central": 0, "provincial": 1, "upper_base": 0, "base": 1])
        }
    }

    @Test("positions.csv: every wrong row named, nothing stored; then all stored; again, nothing changes; a lower level cannot record a higher one's")
    func importPositions() async throws {
        try await TestDatabase.with { t in
            _ = try await Self.setUp(t)
            let bad = """
                Số thẻ đảng viên,Số CCCD,Mã đơn vị,Chức vụ,Ngày bắt đầu,Ngày kết thúc,Hình thức,Lý do kết thúc,Diện quản lý,Ngày phê duyệt,Họ và tên,Giới tính,Ngày sinh
                10000001,,T01-A,Bí thư,2015-06-01,2020-05-31,Bầu,Hết nhiệm kỳ,Tỉnh ủy,2015-05-20,,,
                10000001,,T99,Bí thư,2020-06-01,,elected,,provincial,2020-05-20,,,
                10000001,,T01-A,,2020-06-01,,elected,,provincial,,,,
                99999999,,T01-A,Phó Bí thư,2020-06-01,,elected,,provincial,,,,
                ,001066001234,UBND-A,Chủ tịch,2021-07-01,,appointed,,tỉnh,2021-06-20,Trần Văn Bình,Nam,1966-04-15
                10000001,,T01-A,Bí thư,2015-06-01,,elected,,provincial,,,,
                10000001,,T01-A,Bí thư,2020-06-01,2019-01-01,elected,,galaxy,,,,
                """
            do {
                _ = try await t.services.interchange.importDataset(Self.cli, at: try write(t, ["positions.csv": bad]))
                Issue.record("a bad file was accepted")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("positions.csv:3: unit_code:") }, "\(lines)")
                #expect(lines.contains { $0.hasPrefix("positions.csv:4: title:") })
                #expect(lines.contains { $0.hasPrefix("positions.csv:5: card_no:") })
                #expect(lines.contains { $0.hasPrefix("positions.csv:7: started_on:") })
                #expect(lines.contains { $0.hasPrefix("positions.csv:8: ended_on:") })
                #expect(lines.contains { $0.hasPrefix("positions.csv:8: managed_by:") })
                #expect(!lines.contains { $0.hasPrefix("positions.csv:2:") || $0.hasPrefix("positions.csv:6:") })
            }
            #expect(try await t.services.cadres.list(Self.cli, CadreQuery()).items.allSatisfy { $0.fullName == "Nguyễn Văn Tùng" })
            let good = """
                card_no,national_id,unit_code,title,started_on,ended_on,start_kind,end_kind,managed_by,approved_on,full_name,gender,birth_date
                10000001,,T01-A,Bí thư,2015-06-01,2020-05-31,elected,term_end,provincial,2015-05-20,,,
                10000001,,T01-A,Bí thư,2020-06-01,,elected,,provincial,2020-05-20,,,
                ,001066001234,UBND-A,Chủ tịch,2021-07-01,,appointed,,tỉnh,2021-06-20,Trần Văn Bình,Nam,1966-04-15
                """
            let folder = try write(t, ["positions.csv": good], folder: "good")
            let first = try await t.services.interchange.importDataset(Self.cli, at: folder)
            #expect(first == ImportSummary(created: 3, updated: 0, unchanged: 0, files: ["positions.csv"]))
            let again = try await t.services.interchange.importDataset(Self.cli, at: folder)
            #expect(again == ImportSummary(created: 0, updated: 0, unchanged: 3, files: ["positions.csv"]))
            let cadres = try await t.services.cadres.list(Self.cli, CadreQuery()).items
            #expect(Set(cadres.map(\.fullName)) == ["Nguyễn Văn Tùng", "Trần Văn Bình"])
            // 2015–2026 as Bí thư of the same unit: the 8-year rule warns; the appointment from 2021 is due in 2026.
            let tung = cadres.first { $0.fullName == "Nguyễn Văn Tùng" }!
            let warnings = try await t.services.cadres.profile(Self.cli, id: tung.id, today: Self.today).warnings.map(\.message.en)
            #expect(warnings.contains { $0.contains("Quy định 65-QĐ/TW") }, "\(warnings)")
            let binh = cadres.first { $0.fullName == "Trần Văn Bình" }!
            let binhWarnings = try await t.services.cadres.profile(Self.cli, id: binh.id, today: Self.date("2026-04-01")).warnings.map(\.message.en)
            #expect(binhWarnings.contains { $0.contains("re-appointment procedure must start") }, "\(binhWarnings)")
            let due = try await t.services.cadres.dueForReappointment(Self.cli, today: Self.date("2026-04-01"))
            #expect(due.items.map(\.cadre.fullName) == ["Trần Văn Bình"] && due.items[0].termEnd == Self.date("2026-07-01"))
            // Born 15/04/1966, a man retires at 62 at the end of 30/04/2028.
            let retiring = try await t.services.cadres.retiring(Self.cli, today: Self.date("2027-06-01"))
            #expect(retiring.items.map(\.cadre.fullName) == ["Trần Văn Bình"] && retiring.items[0].schedule.retiresOn == Self.date("2028-04-30"))
            // The posts held come with the line shown (read for the page only).
            #expect(retiring.items[0].current.map(\.id) == due.items.map(\.position.id))
            #expect(try await t.services.cadres.retiring(Self.cli, today: Self.today).total == 0)
            // The dashboard's count is the list's total.
            #expect(try await t.services.cadres.retiringCount(Self.cli, today: Self.date("2027-06-01")) == 1)
            #expect(try await t.services.cadres.retiringCount(Self.cli, today: Self.date("2028-04-30")) == 1)
            #expect(try await t.services.cadres.retiringCount(Self.cli, today: Self.date("2028-05-01")) == 0)
            #expect(try await t.services.cadres.retiringCount(Self.cli, today: Self.today) == 0)
            // Counts read imported approvals too.
            let counts = try await t.services.decisions.approvalCounts(Self.cli, unitCode: "T01", from: Self.date("2020-01-01"), to: Self.date("2021-12-31"))
            #expect(counts.approvals["provincial"] == 2)
            // A commune's clerk records base-level positions only.
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let higher = """
                card_no,unit_code,title,started_on,managed_by
                10000001,UBND-A,Phó Chủ tịch,2022-01-01,provincial
                """
            await #expect(throws: ImportFailure.self) {
                _ = try await t.services.interchange.importDataset(clerk, at: try write(t, ["positions.csv": higher], folder: "higher"))
            }
            // Export writes what imports back.
            let out = t.folder.appendingPathComponent("out")
            _ = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            let exported = try String(contentsOf: out.appendingPathComponent("positions.csv"), encoding: .utf8)
            #expect(exported.contains("001066001234,,UBND-A,Chủ tịch,2021-07-01,,appointed,,provincial,2021-06-20,Trần Văn Bình,male,1966-04-15"))
            let reimport = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(reimport.created == 0 && reimport.updated == 0)
        }
    }

    @Test("positions.csv with 1,000 new people: each becomes a cadre holding their post (on PostgreSQL the statistics of cadres are refreshed in between)")
    func importManyNewPeople() async throws {
        try await TestDatabase.with { t in
            _ = try await Self.setUp(t)
            let before = try await t.services.cadres.list(Self.cli, CadreQuery()).total
            let rows = (1...Statistics.bulkRows).map { n in
                "001066\(String(format: "%06d", n)),,UBND-A,Chuyên viên,2021-07-01,,appointed,,provincial,,Người Số \(n),Nam,1966-04-15"
            }
            let file = (["national_id,card_no,unit_code,title,started_on,ended_on,start_kind,end_kind,managed_by,approved_on,full_name,gender,birth_date"]
                + rows).joined(separator: "\n")
            let summary = try await t.services.interchange.importDataset(Self.cli, at: try write(t, ["positions.csv": file], folder: "many"))
            #expect(summary.created == Statistics.bulkRows)
            let cadres = try await t.services.cadres.list(Self.cli, CadreQuery()).total
            #expect(cadres == before + Statistics.bulkRows)
            let last = try await t.services.cadres.list(Self.cli, { var q = CadreQuery(); q.text = "Người Số 1000"; return q }()).items
            #expect(last.count == 1)
            let posts = try await t.services.cadres.profile(Self.cli, id: last[0].id, today: Self.today).positions
            #expect(posts.map(\.title) == ["Chuyên viên"] && posts[0].place.code == "UBND-A")
        }
    }

    @Test("discipline bars a draft appointment, and the cadre page warns about time in post and working age left")
    func draftWarnings() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(cadre, title: "Phó Bí thư", on: "2026-01-01", number: "1-QĐ/TU")).id,
                on: Self.date("2025-12-20"))
            _ = try await t.services.cadres.recordDiscipline(
                head, cadreId: cadre.id, level: "Khiển trách", decidedOn: "2026-06-01", decisionNo: "20-QĐ/UBKT", note: "", today: Self.today)
            _ = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2027-01-01", number: "2-QĐ/TU"))
            let warnings = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today).warnings
            #expect(warnings.contains { $0.decisionNo == nil && $0.message.en.contains("Disciplined") })
            #expect(warnings.contains { $0.decisionNo == "2-QĐ/TU" && $0.message.en.contains("in the current post") })
            #expect(warnings.contains { $0.decisionNo == "2-QĐ/TU" && $0.message.en.contains("Disciplined") })
        }
    }

    @Test("a post taken against the rules keeps its warnings once the appointment is approved and in force")
    func heldPostKeepsItsWarnings() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(cadre, title: "Phó Bí thư", on: "2026-01-01", number: "1-QĐ/TU")).id,
                on: Self.date("2025-12-20"))
            let promotion = try await t.services.decisions.propose(head, Self.appointment(cadre, on: "2026-06-01", number: "2-QĐ/TU"))
            let before = try await t.services.cadres.profile(head, id: cadre.id, today: Self.date("2026-05-01")).warnings
            #expect(before.contains { $0.decisionNo == "2-QĐ/TU" && $0.message.en.contains("in the current post") })
            _ = try await t.services.decisions.approve(head, id: promotion.id, on: Self.date("2026-05-20"))
            let held = try await t.services.cadres.profile(head, id: cadre.id, today: Self.date("2026-07-01")).warnings
            #expect(held.contains { $0.decisionNo == "2-QĐ/TU" && $0.message.en.hasPrefix("When taking the post") && $0.message.en.contains("in the current post") })
            // The first post, taken with no earlier post, carries no time-in-post warning.
            #expect(!held.contains { $0.decisionNo == "1-QĐ/TU" && $0.message.en.contains("in the current post") })
        }
    }

    @Test("re-appointment ends the term the day before and continues the same post as re-appointed; the notice then stops")
    func reappointment() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(
                    head, Self.appointment(cadre, place: "UBND-A", title: "Chủ tịch", on: "2021-12-01", number: "1-QĐ/TU")).id,
                on: Self.date("2021-11-20"))
            let held = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today)
            #expect(held.warnings.contains { $0.message.en.contains("re-appointment procedure must start") })
            var renew = Self.appointment(cadre, on: "2026-12-02", kind: "reappointment", closes: held.current[0].id, number: "2-QĐ/TU")
            renew.placeCode = ""
            renew.title = ""
            renew.managedBy = ""
            let draft = try await t.services.decisions.propose(head, renew)
            #expect(draft.openPlace?.code == "UBND-A" && draft.openTitle == "Chủ tịch" && draft.managedBy == .provincial)
            _ = try await t.services.decisions.approve(head, id: draft.id, on: Self.today)
            let after = try await t.services.cadres.profile(head, id: cadre.id, today: Self.date("2026-12-02"))
            #expect(after.current.map(\.startKind) == [.reappointed])
            #expect(after.positions.first { $0.startKind == .appointed }?.endKind == .termEnd)
            #expect(!after.warnings.contains { $0.message.en.contains("re-appointment") })
            #expect(try await t.services.cadres.dueForReappointment(head, today: Self.date("2026-12-02")).total == 0)
        }
    }

    @Test("an .xlsx export carries agencies and positions, and loads into an empty database as the same records")
    func xlsxRoundTrip() async throws {
        let book: URL
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        book = folder.appendingPathComponent("dataset.xlsx")
        var before: [[String]] = []
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(cadre, place: "UBND-A", title: "Chủ tịch", on: "2024-01-01")).id,
                on: Self.date("2023-12-20"))
            var other = CadreDraft()
            other.fullName = "Trần Văn Bình"
            other.gender = "male"
            other.birthDate = "1966-04-15"
            other.nationalId = "001066001234"
            other.unitCode = "T01-A"
            let binh = try await t.services.cadres.create(head, other)
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(binh, title: "Phó Bí thư", on: "2025-01-01", number: "3-QĐ/TU")).id,
                on: Self.date("2024-12-20"))
            _ = try await t.services.interchange.export(Self.cli, format: .xlsx, to: book, programVersion: "test")
            before = try await t.services.interchange.positionRows(Self.cli)
        }
        try await TestDatabase.with { t in
            let summary = try await t.services.interchange.importDataset(Self.cli, at: book)
            #expect(summary.files.contains("positions.csv") && summary.files.contains("agencies.csv"))
            #expect(try await t.services.interchange.positionRows(Self.cli) == before)
            #expect(try await t.services.agencies.get(Self.cli, code: "UBND-A").unitCode == "T01-A")
        }
    }

    @Test("merging a duplicate member moves its cadre record, positions and decisions to the record kept")
    func memberMerge() async throws {
        try await TestDatabase.with { t in
            let cadre = try await Self.setUp(t)
            let head = try await t.principal(.head, at: "T01")
            var same = MemberTests.draft("Nguyễn Văn Tùng", card: "", status: "probationary", admitted: "2025-05-19", recognized: "")
            same.nationalId = "001085012345"
            let twin = try await t.services.members.create(Self.cli, same, today: Self.today)
            var draft = CadreDraft()
            draft.memberNumber = "001085012345"
            let other = try await t.services.cadres.create(head, draft)
            _ = try await t.services.decisions.approve(
                head, id: try await t.services.decisions.propose(head, Self.appointment(other, on: "2025-01-01")).id, on: Self.date("2024-12-20"))
            let kept = try await t.services.members.get(Self.cli, id: cadre.memberId!)
            _ = try await t.services.members.merge(
                Self.cli, keep: kept.id, keepVersion: kept.version, duplicate: twin.id, duplicateVersion: twin.version, today: Self.today)
            await #expect(throws: DomainError.notFound(Catalogue.cadreNotFound)) { try await t.services.cadres.get(head, id: other.id) }
            let profile = try await t.services.cadres.profile(head, id: cadre.id, today: Self.today)
            #expect(profile.current.map(\.title) == ["Bí thư"] && profile.decisions.count == 1)
        }
    }
}
