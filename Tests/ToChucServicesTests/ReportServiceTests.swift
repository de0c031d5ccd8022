import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// DOMAIN.md §5: the briefing report's figures, each by its definition, for a unit's subtree and a period; the same
/// tests run on SQLite and PostgreSQL.
@Suite(.serialized)
struct ReportServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static func period(_ text: String) -> ReportPeriod { ReportPeriod(parsing: text)! }

    /// The member list as a figure's link opens it (issue 7): the unit's subtree, anyone whatever their status now.
    static func members(_ t: TestDatabase, unit: String, _ set: (inout MemberQuery) -> Void) async throws -> Page<Member> {
        var q = MemberQuery()
        q.unitCode = unit
        q.currentOnly = false
        set(&q)
        return try await t.services.members.search(cli, q, today: today)
    }

    @Test("admissions count by the unit the member belonged to then, against the same period a year earlier")
    func admissions() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            // 2022: two in commune A (one at each end of the year), one in B; 2021: one in A; 2023-01-01 is outside.
            _ = try await m.create(Self.cli, MemberTests.draft("Nguyễn Văn An", card: "10000001", status: "probationary", admitted: "2022-01-01", recognized: ""), today: Self.today)
            let moved = try await m.create(
                Self.cli, MemberTests.draft("Trần Thị Bình", card: "10000002", gender: "female", birth: "1990-02-03", status: "probationary", admitted: "2022-12-31", recognized: ""),
                today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Lê Văn Cường", card: "10000003", unit: "T01-B-C1", status: "probationary", admitted: "2022-06-15", recognized: ""), today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Phạm Văn Dũng", card: "10000004", admitted: "2021-03-02", recognized: "2022-03-02"), today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Hoàng Văn Em", card: "10000005", status: "probationary", admitted: "2023-01-01", recognized: ""), today: Self.today)
            // Admitted in A, transferred to B in 2023: still counted in A for 2022.
            _ = try await m.recordEvent(
                Self.cli, memberId: moved.id, MemberEventInput(kind: .transferWithin, effectiveOn: Self.date("2023-02-01"), decisionNo: "5-QĐ/ĐU", toUnitCode: "T01-B-C1"),
                today: Self.today)
            let a = try await t.services.reports.report(Self.cli, unitCode: "T01-A", period: Self.period("2022"))
            #expect(a.figures.admitted == 2 && a.figures.admittedPrevious == 1)
            #expect(a.figures.recognized == 1)
            let b = try await t.services.reports.report(Self.cli, unitCode: "T01-B", period: Self.period("2022"))
            #expect(b.figures.admitted == 1 && b.figures.admittedPrevious == 0)
            let province = try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2022"))
            #expect(province.figures.admitted == 3 && province.figures.admittedPrevious == 1)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2022-H1")).figures.admitted == 2)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2022-12")).figures.admitted == 1)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2023-Q1")).figures.admitted == 1)
            // Each figure links to the member list filtered by the same dates, members placed where they were then: its total.
            for (unit, period) in [
                ("T01-A", "2022"), ("T01-B", "2022"), ("T01", "2022"), ("T01", "2022-H1"), ("T01-A", "2022-12"), ("T01", "2023-Q1"),
                ("T01-A", "2021"),
            ] {
                let p = Self.period(period)
                let report = try await t.services.reports.report(Self.cli, unitCode: unit, period: p)
                let admitted = try await Self.members(t, unit: unit) {
                    $0.admittedFrom = p.from
                    $0.admittedTo = p.to
                }
                let recognized = try await Self.members(t, unit: unit) {
                    $0.recognizedFrom = p.from
                    $0.recognizedTo = p.to
                }
                #expect(admitted.total == report.figures.admitted && recognized.total == report.figures.recognized, "\(unit) \(period)")
            }
            let listed = try await Self.members(t, unit: "T01-A") {
                $0.admittedFrom = Self.date("2022-01-01")
                $0.admittedTo = Self.date("2022-12-31")
            }
            #expect(Set(listed.items.map(\.record.fullName)) == ["Nguyễn Văn An", "Trần Thị Bình"])
            // Without a date the list is by the unit now; a reversed range is refused with the field named.
            #expect(try await Self.members(t, unit: "T01-B") { _ in }.items.map(\.record.fullName).sorted() == ["Lê Văn Cường", "Trần Thị Bình"])
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("admitted_to", Catalogue.periodReversed)])) {
                _ = try await Self.members(t, unit: "") {
                    $0.admittedFrom = Self.date("2023-01-01")
                    $0.admittedTo = Self.date("2022-01-01")
                }
            }
            // Admitted in B, moved to A the same year, then within A: the first transfer after the admission says where
            // it counts (B), not a later one nor the unit now.
            _ = try await t.services.units.create(
                Self.cli,
                UnitDraft(
                    code: "T01-A-C2", name: "Chi bộ thôn 2", kind: UnitKind.cell.rawValue, parentCode: "T01-A", sector: Sector.commune.rawValue,
                    hasCommittee: false, foundedOn: "", dissolvedOn: ""))
            let twice = try await m.create(
                Self.cli, MemberTests.draft("Đỗ Văn Giang", card: "10000006", unit: "T01-B-C1", status: "probationary", admitted: "2022-05-05", recognized: ""),
                today: Self.today)
            for (date, unit, number) in [("2022-08-01", "T01-A-C1", "7-QĐ/ĐU"), ("2023-03-01", "T01-A-C2", "8-QĐ/ĐU")] {
                _ = try await m.recordEvent(
                    Self.cli, memberId: twice.id, MemberEventInput(kind: .transferWithin, effectiveOn: Self.date(date), decisionNo: number, toUnitCode: unit),
                    today: Self.today)
            }
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01-B", period: Self.period("2022")).figures.admitted == 2)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01-A", period: Self.period("2022")).figures.admitted == 2)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2022")).figures.admitted == 4)
            let inB = try await Self.members(t, unit: "T01-B") {
                $0.admittedFrom = Self.date("2022-01-01")
                $0.admittedTo = Self.date("2022-12-31")
            }
            #expect(Set(inB.items.map(\.record.fullName)) == ["Lê Văn Cường", "Đỗ Văn Giang"])
        }
    }

    @Test("leaving counts by kind and by the unit left; cells with a committee on the last day; non-state units founded in the period")
    func leavingCellsAndNewUnits() async throws {
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
            for (code, founded, sector) in [("T01-DN1", "2024-03-01", Sector.nonStateEnterprise), ("T01-DN2", "2023-12-31", .nonStateEnterprise), ("T01-CQ", "2024-04-01", .stateAgency)] {
                _ = try await t.services.units.create(
                    Self.cli,
                    UnitDraft(code: code, name: "Chi bộ " + code, kind: UnitKind.base.rawValue, parentCode: "T01", sector: sector.rawValue, hasCommittee: false,
                              foundedOn: founded, dissolvedOn: ""))
            }
            let year = try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2024"))
            #expect(year.figures.left == ["expelled": 0, "removed": 0, "resigned": 1, "deceased": 1])
            #expect(year.figures.transferredOut == 1)
            #expect(year.figures.newUnitsNonState == 1)
            #expect(year.figures.cells == 2 && year.figures.cellsWithCommittee == 0)
            let communeA = try await t.services.reports.report(Self.cli, unitCode: "T01-A", period: Self.period("2024"))
            #expect(communeA.figures.left["deceased"] == 1 && communeA.figures.left["resigned"] == 0 && communeA.figures.transferredOut == 1)
            // Each figure's list (issue 7): members by status and leaving date, units on the period's last day; its total.
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
                #expect(try await t.services.units.list(Self.cli, asOf: p.to, filter: new).total == f.newUnitsNonState, "\(unit) \(period)")
            }
            var filter = UnitFilter()
            filter.sector = .nonStateEnterprise
            filter.foundedTo = Self.date("2023-12-31")
            #expect(try await t.services.units.list(Self.cli, filter: filter).items.map(\.code) == ["T01-DN2"])
            filter.under = "T01-B"
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                _ = try await t.services.units.list(try await t.principal(.clerk, at: "T01-A"), filter: filter)
            }
            // The JSON contract: figures by the names of issue 7.
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(year), as: UTF8.self)
            #expect(json.contains(#""period":{"from":"2024-01-01","key":"2024","label_en":"the year 2024","label_vi":"năm 2024","to":"2024-12-31"}"#))
            #expect(json.contains(#""approvals":{"base":0,"central":0,"provincial":0,"upper_base":0}"#))
            #expect(json.contains(#""cells_with_committee":0"#) && json.contains(#""new_units_non_state":1"#) && json.contains(#""admitted_previous":0"#))
            #expect(json.contains(#""ratings":{"done":0,"excellent":0,"good":0,"not_done":0}"#) && json.contains(#""vetting_concluded":0"#))
        }
    }

    @Test("ratings by class come from the review of the period: the year, or a quarter's own review")
    func ratings() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let a = try await t.services.members.create(Self.cli, MemberTests.draft("Nguyễn Văn An", card: "10000001"), today: Self.today)
            let b = try await t.services.members.create(Self.cli, MemberTests.draft("Trần Văn Bình", card: "10000002", unit: "T01-B-C1"), today: Self.today)
            let e = t.services.evaluations
            _ = try await e.save(Self.cli, unitCode: "T01-A-C1", period: .year(2025), subject: .member, [EvaluationInput(subjectKey: "m:\(a.id)", rating: "T")], today: Self.today)
            _ = try await e.save(Self.cli, unitCode: "T01-B-C1", period: .year(2025), subject: .member, [EvaluationInput(subjectKey: "m:\(b.id)", rating: "H")], today: Self.today)
            _ = try await e.save(
                Self.cli, unitCode: "T01-B-C1", period: ReviewPeriod(parsing: "2025-Q2")!, subject: .member, [EvaluationInput(subjectKey: "m:\(b.id)", rating: "K")],
                today: Self.today)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2025")).figures.ratings == ["excellent": 0, "good": 1, "done": 1, "not_done": 0])
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01-A", period: Self.period("2025-H1")).figures.ratings["good"] == 1)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2025-Q2")).figures.ratings == ["excellent": 0, "good": 0, "done": 0, "not_done": 1])
        }
    }

    @Test("proposals answered count by the answer's date and the receiving unit; tasks open on the period's last day; both at the edges")
    func proposalsAndTasks() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let commune = try await t.principal(.clerk, at: "T01-A")
            let province = try await t.principal(.clerk, at: "T01")
            // Answered by the province on 31/12/2024 and 1/1/2025; the commune answers its cell's on 1/1/2025.
            for (subject, from, answered) in [("Một", "T01-A", "2024-12-31"), ("Hai", "T01-A", "2025-01-01"), ("Ba", "T01-A-C1", "2025-01-01")] {
                var d = ProposalDraft()
                d.subject = subject
                d.text = "Nội dung " + subject
                d.fromUnitCode = from
                d.receivedOn = "2024-12-02"
                let sender = from == "T01-A" ? commune : try await t.principal(.clerk, at: from)
                let p = try await t.services.proposals.create(sender, d, today: Self.today)
                let receiver = from == "T01-A" ? province : commune
                _ = try await t.services.proposals.apply(
                    receiver, id: p.id, .answer(text: "Trả lời", answeredOn: answered), expectedVersion: p.version, today: Self.today)
            }
            // A task assigned on 1/10/2024, done on 31/12/2024; another assigned on 31/12/2024 and still open; one from 1/1/2025.
            for (title, assigned, closed) in [("Xong cuối năm", "2024-10-01", "2024-12-31"), ("Giao cuối năm", "2024-12-31", ""), ("Giao đầu năm", "2025-01-01", "")] {
                var d = TaskDraft()
                d.title = title
                d.unitCode = "T01-A"
                d.assignedOn = assigned
                d.deadline = "2025-06-30"
                let task = try await t.services.tasks.create(commune, d, today: Self.today)
                if !closed.isEmpty { _ = try await t.services.tasks.apply(commune, id: task.id, .complete(on: closed), expectedVersion: task.version, today: Self.today) }
            }
            let r2024 = try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2024"))
            #expect(r2024.figures.proposalsAnswered == 1 && r2024.figures.tasksOpen == 1)
            let r2025 = try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2025-01"))
            #expect(r2025.figures.proposalsAnswered == 2 && r2025.figures.tasksOpen == 2)
            // The commune answered one (its cell's); the province's answers to the commune are not the commune's.
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01-A", period: Self.period("2025-01")).figures.proposalsAnswered == 1)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01-B", period: Self.period("2025")).figures.proposalsAnswered == 0)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2024-Q4")).figures.tasksOpen == 1)
            #expect(try await t.services.reports.report(Self.cli, unitCode: "T01", period: Self.period("2024-Q3")).figures.tasksOpen == 0)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys]
            let json = String(decoding: try encoder.encode(r2025), as: UTF8.self)
            #expect(json.contains(#""proposals_answered":2"#) && json.contains(#""tasks_open":2"#))
            let lines = ReportDocument.figureLines(r2025, .vi)
            #expect(lines.first { $0.key == "proposals_answered" }?.value == 2 && lines.first { $0.key == "tasks_open" }?.value == 2)
            let section = try #require(ReportDocument.sections(r2025, .vi).first { $0.heading.hasPrefix("VI.") })
            #expect(section.sentences == ["Đã có 2 đề xuất, kiến nghị được trao đổi, giải đáp.", "Đến ngày 31/01/2025 còn 2 nhiệm vụ đang triển khai, chưa hoàn thành."])
        }
    }

    @Test("the dashboard: members in the Party by age band and gender on the day, admissions per year of the last ten")
    func dashboard() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            // 29 and 30 on the day (22/11/2026): two bands; a woman of 45; one who left is not counted.
            _ = try await m.create(Self.cli, MemberTests.draft("Trẻ Tuổi", card: "10000001", birth: "1997-11-23", admitted: "2020-03-01", recognized: "2021-03-01"), today: Self.today)
            _ = try await m.create(Self.cli, MemberTests.draft("Ba Mươi", card: "10000002", birth: "1996-11-22", admitted: "2020-06-01", recognized: "2021-06-01"), today: Self.today)
            _ = try await m.create(
                Self.cli, MemberTests.draft("Bốn Lăm", card: "10000003", gender: "female", birth: "1981-01-01", admitted: "2012-01-01", recognized: "2013-01-01"),
                today: Self.today)
            let gone = try await m.create(Self.cli, MemberTests.draft("Đã Đi", card: "10000004", birth: "1970-01-01", admitted: "2023-05-05", recognized: "2024-05-05"), today: Self.today)
            _ = try await m.recordEvent(Self.cli, memberId: gone.id, MemberEventInput(kind: .resigned, effectiveOn: Self.date("2025-01-01"), decisionNo: "1-QĐ/ĐU"), today: Self.today)
            let d = try await t.services.dashboard.dashboard(Self.cli, unitCode: "T01", today: Self.today)
            #expect(d.ages[.under30]?[.male] == 1 && d.ages[.from30]?[.male] == 1 && d.ages[.from40]?[.female] == 1 && d.ages[.from50] == nil)
            #expect(d.admissionsByYear.count == 10 && d.admissionsByYear.first?.year == 2017 && d.admissionsByYear.last?.year == 2026)
            #expect(d.admissionsByYear.first { $0.year == 2020 }?.count == 2 && d.admissionsByYear.first { $0.year == 2023 }?.count == 1)
            #expect(d.month.period.key == "2026-11")
            // The root and the province read kept counts, the commune and the cell their rows: the same figures.
            for code in ["TW", "T01-A", "T01-A-C1"] {
                let other = try await t.services.dashboard.dashboard(Self.cli, unitCode: code, today: Self.today)
                #expect(other.ages == d.ages && other.admissionsByYear.map(\.count) == d.admissionsByYear.map(\.count), "\(code)")
            }
        }
    }

    @Test("the dashboard counts every record past its recognition deadline, by the day its probation started")
    func recognitionOverdue() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let m = t.services.members
            // Probation of 12 months from the admission (no ceremony recorded): from 2024-10-01 it ended 2025-10-01, and
            // the 30 working days after it are past on 22/11/2026; from 2026-01-05 it has not ended.
            for (index, admitted) in ["2024-10-01", "2024-10-01", "2026-01-05"].enumerated() {
                _ = try await m.create(
                    Self.cli, MemberTests.draft("Dự Bị \(index)", card: "2000000\(index)", status: "probationary", admitted: admitted, recognized: ""), today: Self.today)
            }
            let board = try await t.services.admission.board(Self.cli, today: Self.today)
            #expect(board.filter { $0.recognition == .overdue }.count == 2)
            for code in ["TW", "T01", "T01-A-C1"] {
                #expect(try await t.services.dashboard.dashboard(Self.cli, unitCode: code, today: Self.today).recognitionOverdue == 2, "\(code)")
            }
            #expect(try await t.services.dashboard.dashboard(Self.cli, unitCode: "T01-B", today: Self.today).recognitionOverdue == 0)
        }
    }

    @Test("a unit outside the principal's subtree is not found; a unit that did not exist on the period's last day is refused")
    func scope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerk = try await t.principal(.clerk, at: "T01-A")
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                _ = try await t.services.reports.report(clerk, unitCode: "T01-B", period: Self.period("2024"))
            }
            _ = try await t.services.units.create(
                Self.cli,
                UnitDraft(code: "T01-N", name: "Đảng bộ mới", kind: UnitKind.base.rawValue, parentCode: "T01", sector: Sector.commune.rawValue, hasCommittee: true,
                          foundedOn: "2025-01-01", dissolvedOn: ""))
            await #expect(throws: DomainError.self) {
                _ = try await t.services.reports.report(Self.cli, unitCode: "T01-N", period: Self.period("2024"))
            }
        }
    }
}
