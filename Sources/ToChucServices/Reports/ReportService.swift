import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// The figures of a briefing report (báo cáo giao ban, DOMAIN.md §5) for a unit's subtree and a period: the JSON
/// contract of `/api/v1/units/{code}/report` and `tochuc report --format json` (issue 7). Each figure's definition is
/// on its property.
public struct ReportFigures: Sendable, Equatable, Encodable {
    /// Cells (units of kind `cell`) existing on the period's last day.
    public let cells: Int
    /// Of those, the cells with an elected committee ("933/954 chi bộ có cấp ủy").
    public let cellsWithCommittee: Int
    /// Admission dates in the period, counted by the unit the member belonged to then.
    public let admitted: Int
    /// The same, a year earlier ("tăng 518 so với năm 2021").
    public let admittedPrevious: Int
    /// Recognition dates (ngày chính thức) in the period, by the unit the member belonged to then.
    public let recognized: Int
    /// Members who left in the period, by kind (expelled, removed, resigned, deceased), by the unit they left from.
    public let left: [String: Int]
    /// Official transfers out of the register in the period, by the unit they left from.
    public let transferredOut: Int
    /// Base units of the non-state enterprise sector founded in the period (and existing on its last day).
    public let newUnitsNonState: Int
    /// Approvals by managing level (`DecisionService.approvalCounts`): central, provincial, upper_base, base.
    public let approvals: [String: Int]
    /// Members' classification by class (excellent, good, done, not_done) for the review period of the report: the
    /// quarter for a quarter, else the year of the period's last day (`ReportService.reviewPeriod`).
    public let ratings: [String: Int]
    /// The same for organizations (party units rated by their parent).
    public let ratingsUnits: [String: Int]
    /// Trainee enrollments sent by units of the subtree to courses that started in the period ("cử 1.656 cán bộ đi đào
    /// tạo", `TrainingService.trainedCount`).
    public let trained: Int
    /// Courses organized by the subtree that started in the period, and their trainees ("14 lớp … 133 học viên").
    public let coursesOrganized: Int
    public let courseTrainees: Int
    /// Political-standard vetting cases concluded in the period by units of the subtree (`VettingService.concludedCount`).
    public let vettingConcluded: Int
    /// Congresses by kind of unit (`provincial`, `upper_base`, `base`): among the units of that kind existing on the
    /// period's last day in the subtree, those that held the congress of the term in course on or before that day (the
    /// term whose round includes the day, by the congress rule set in force then: `CongressRules.term(inCourseOn:)`),
    /// with the pilots and direct elections of the secretary among them (`CongressService.reportLevels`).
    public let congress: [String: CongressFigure]
    /// Proposals and recommendations answered in the period — by the answer's date — whose receiving unit lies in the
    /// subtree: the answers the subtree gave ("62 đề xuất, kiến nghị được giải đáp", `ProposalService.answeredCount`).
    public let proposalsAnswered: Int
    /// Tasks carried out by units of the subtree that are open on the period's last day: assigned by then and not done
    /// or cancelled by then (`TaskService.openCount`, `TaskRules.isOpen`).
    public let tasksOpen: Int

    enum CodingKeys: String, CodingKey {
        case cells, admitted, recognized, left, approvals
        case cellsWithCommittee = "cells_with_committee"
        case admittedPrevious = "admitted_previous"
        case transferredOut = "transferred_out"
        case newUnitsNonState = "new_units_non_state"
        case ratings
        case ratingsUnits = "ratings_units"
        case vettingConcluded = "vetting_concluded"
        case proposalsAnswered = "proposals_answered"
        case tasksOpen = "tasks_open"
        case trained
        case coursesOrganized = "courses_organized"
        case courseTrainees = "course_trainees"
        case congress
    }
}

/// One kind of unit's congress progress in a report: `{"held", "total", "percent", "pilot", "direct_secretary"}`.
public struct CongressFigure: Sendable, Equatable, Encodable {
    public let held: Int
    public let total: Int
    /// held / total in percent, cut to two decimals as the seeds write it (624/1.305 → 47.81); 0 with no unit.
    public let percent: Double
    public let pilot: Int
    public let directSecretary: Int

    init(_ level: CongressLevelProgress) {
        held = level.held
        total = level.total
        percent = level.percent
        pilot = level.pilot
        directSecretary = level.directSecretary
    }

    enum CodingKeys: String, CodingKey {
        case held, total, percent, pilot
        case directSecretary = "direct_secretary"
    }
}

/// A report: the unit, the period, the figures. Encoded as the JSON contract of issue 7:
/// `{"unit", "unit_name", "period": {"from", "to", "key", "label_vi", "label_en"}, "figures": {…}}`.
public struct BriefingReport: Sendable, Equatable, Encodable {
    public let unitCode: String
    public let unitName: String
    public let period: ReportPeriod
    public let figures: ReportFigures

    enum CodingKeys: String, CodingKey {
        case unit, period, figures
        case unitName = "unit_name"
    }

    enum PeriodKeys: String, CodingKey {
        case from, to, key
        case labelVi = "label_vi"
        case labelEn = "label_en"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(unitCode, forKey: .unit)
        try c.encode(unitName, forKey: .unitName)
        var p = c.nestedContainer(keyedBy: PeriodKeys.self, forKey: .period)
        try p.encode(period.from.iso, forKey: .from)
        try p.encode(period.to.iso, forKey: .to)
        try p.encode(period.key, forKey: .key)
        try p.encode(period.label.vi, forKey: .labelVi)
        try p.encode(period.label.en, forKey: .labelEn)
        try c.encode(figures, forKey: .figures)
    }
}

/// Builds briefing reports from the records: nothing is typed by hand, every figure is a count with a definition.
public struct ReportService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Kinds of leaving that `left` counts (DOMAIN.md §2 "left", and deceased).
    public static let leavingKinds: [MemberEventKind] = [.expelled, .removed, .resigned, .deceased]

    /// The report of a unit in scope for a period. The unit must exist on the period's last day.
    public func report(_ principal: Principal, unitCode: String, period: ReportPeriod) async throws -> BriefingReport {
        let units = UnitService(db: db)
        let current = try await units.get(principal, code: unitCode)
        guard let then = try await units.get(principal, code: unitCode, asOf: period.to) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("period", Catalogue.reportUnitMissing(current.code, VietnameseFormat.date(period.to)))])
        }
        // Every figure is asked for at once: the member pass in parallel parts, the others each on its own connection as
        // one frees up. Asked one after the other beside the member pass, the others were the report's critical path
        // (national demo, SQLite: 2.2 s of wall time for 2.9 s of CPU on two cores). No read waits inside another, so
        // together they never hold every pooled connection while each waits.
        async let memberPass = Self.memberFigures(db, period: period, root: (then.id, then.path))
        async let statsRead = units.stats(principal, code: unitCode, asOf: period.to, countingMembers: false)
        async let approvalsRead = DecisionService(db: db).approvalCounts(principal, unitCode: unitCode, from: period.from, to: period.to)
        async let vettingRead = VettingService(db: db).concludedCount(principal, unitCode: unitCode, from: period.from, to: period.to)
        async let answeredRead = ProposalService(db: db).answeredCount(principal, unitCode: unitCode, from: period.from, to: period.to)
        async let tasksOpenRead = TaskService(db: db).openCount(principal, unitCode: unitCode, on: period.to)
        let training = TrainingService(db: db)
        async let trainedRead = training.trainedCount(principal, unitCode: unitCode, from: period.from, to: period.to)
        async let coursesRead = training.coursesOrganized(principal, unitCode: unitCode, from: period.from, to: period.to)
        let range = PathRange.of(then.path)
        async let newUnitsRead = db.read { sql in try await Self.newUnits(sql, kind: .base, sector: .nonStateEnterprise, period: period, range: range) }
        async let ratingsRead = db.read { sql in
            try await EvaluationService.totals(sql, period: Self.reviewPeriod(period), subjects: [.member, .unit], path: then.path)
        }
        async let congressRead = db.read { sql in try await CongressService.reportLevels(sql, path: then.path, on: period.to) }
        let (stats, approvals, vetting, answered, tasksOpen) = try await (statsRead, approvalsRead, vettingRead, answeredRead, tasksOpenRead)
        let (trained, courses, newUnits, ratings, congress) = try await (trainedRead, coursesRead, newUnitsRead, ratingsRead, congressRead)
        func byRating(_ subject: RatingSubject) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.rawValue, ratings[subject]?[$0] ?? 0) })
        }
        let members = try await memberPass
        var left: [String: Int] = [:]
        for kind in Self.leavingKinds { left[kind.rawValue] = members.left[kind.resultingStatus!.rawValue] ?? 0 }
        let figures = ReportFigures(
            cells: stats.cells, cellsWithCommittee: stats.cellsWithCommittee, admitted: members.admitted, admittedPrevious: members.admittedPrevious,
            recognized: members.recognized, left: left, transferredOut: members.left[MemberStatus.transferredOut.rawValue] ?? 0,
            newUnitsNonState: newUnits, approvals: approvals.approvals, ratings: byRating(.member), ratingsUnits: byRating(.unit),
            trained: trained, coursesOrganized: courses.count, courseTrainees: courses.reduce(0) { $0 + $1.trainees }, vettingConcluded: vetting,
            congress: Dictionary(uniqueKeysWithValues: congress.map { ($0.key.rawValue, CongressFigure($0.value)) }),
            proposalsAnswered: answered, tasksOpen: tasksOpen)
        return BriefingReport(unitCode: current.code, unitName: then.name, period: period, figures: figures)
    }

    /// The review whose results a report carries: a quarter's own review for a quarter, else the year of the period's
    /// last day (the annual review of 2023 for "2023" and for "2023-H1").
    public static func reviewPeriod(_ period: ReportPeriod) -> ReviewPeriod {
        period.kind == .quarter ? ReviewPeriod(parsing: period.key)! : .year(period.to.year)
    }

    /// The unit a member belonged to on a date: the unit left by the first official transfer after it, else the
    /// member's unit now. Its version on the period's last day must lie in the subtree.
    static func unitThen(_ date: String) -> String {
        """
        COALESCE((SELECT e.from_unit_id FROM member_events e WHERE e.member_id = m.id AND e.kind IN \(transferKinds)
            AND e.effective_on > \(date) ORDER BY e.effective_on, e.id LIMIT 1), m.unit_id)
        """
    }

    /// The member figures of a report, counted by the unit a member belonged to on the date counted (`unitThen`) — or,
    /// for leaving, the unit left (a member who left keeps their last unit; a member re-admitted since has no `left_on`).
    struct MemberFigures: Equatable {
        var admitted = 0, admittedPrevious = 0, recognized = 0
        /// By status now: the leaving kinds' statuses and `transferred_out`.
        var left: [String: Int] = [:]

        static func + (a: MemberFigures, b: MemberFigures) -> MemberFigures {
            MemberFigures(
                admitted: a.admitted + b.admitted, admittedPrevious: a.admittedPrevious + b.admittedPrevious,
                recognized: a.recognized + b.recognized, left: a.left.merging(b.left, uniquingKeysWith: +))
        }
    }

    /// The member figures of a subtree as of the period's last day, counted in parts (`UnitHistory.partitions`) read
    /// concurrently: each part is a contiguous range of paths, so the parts add up to the subtree exactly.
    static func memberFigures(_ db: Database, period: ReportPeriod, root: (unitId: Int64, path: String)) async throws -> MemberFigures {
        let parts = try await db.read { sql in
            try await UnitHistory.partitions(sql, of: root, on: period.to, into: partCount(sql.dialect.name))
        }
        return try await withThrowingTaskGroup(of: MemberFigures.self) { group in
            for part in parts {
                group.addTask { try await db.read { sql in try await memberFigures(sql, period: period, range: part) } }
            }
            return try await group.reduce(MemberFigures(), +)
        }
    }

    /// How many parts a report's member pass is split into. SQLite runs a statement on one core: enough parts for the
    /// cores and the read connections to share the work when the parts differ in size (provinces do, fourfold), few
    /// enough that a commune's report stays a handful of statements. PostgreSQL shares one statement among its own
    /// parallel workers, and a path range does not narrow its scan of `members`: eight parts read the whole table
    /// eight times (national demo: ~7 s each at once, against 1.2 s for the one statement), so it gets one part.
    static func partCount(_ dialect: String) -> Int { dialect == "postgresql" ? 1 : 8 }

    /// The official transfers that change the unit a member is counted in (`unitThen`, `memberFigures`).
    static let transferKinds = "('\(MemberEventKind.transferWithin.rawValue)', '\(MemberEventKind.transferOut.rawValue)')"

    /// The members of the subtree's units with a date in the period (SQLite: one pass over the unit index, which carries
    /// the dates and the status; PostgreSQL: a range of each date's own index), plus one pass over the official transfers
    /// out of those units for members who moved on after the date counted. Equal to counting each member by `unitThen`
    /// (ReportServiceTests), without a correlated look-up per member of the register.
    static func memberFigures(
        _ sql: any SQLDatabase, period: ReportPeriod, range: (lower: String, upper: String)
    ) async throws -> MemberFigures {
        let dated: [(column: String, period: ReportPeriod)] = [
            ("admitted_on", period), ("admitted_on", period.yearEarlier), ("recognized_on", period),
        ]
        func within(_ column: String, from: CivilDate, to: CivilDate) -> SQLQueryString {
            "\(unsafeRaw: column) >= \(bind: from.iso) AND \(unsafeRaw: column) <= \(bind: to.iso)"
        }
        func within(_ column: String, _ p: ReportPeriod) -> SQLQueryString { within(column, from: p.from, to: p.to) }
        func movedAfter(_ column: String) -> SQLQueryString {
            """
            EXISTS (SELECT 1 FROM member_events t WHERE t.member_id = m.id AND t.kind IN \(unsafeRaw: transferKinds)
                AND t.effective_on > \(unsafeRaw: column))
            """
        }
        let statuses = leavingKinds.compactMap(\.resultingStatus) + [.transferredOut]
        // PostgreSQL counts the members still in the unit they were in on the date as all members of the subtree's units
        // with the date in the period — no member id needed — less those of them who moved on after the date (a second
        // statement over the members with a transfer). SQLite needs one pass over the unit index (its row id is in it):
        // nested CASEs, so the transfer look-up runs only for the rows whose date falls in the period.
        let isPostgres = sql.dialect.name == "postgresql"
        let stayDated: [(column: String, sum: SQLQueryString)] = dated.enumerated().map { i, d in
            let moved: SQLQueryString = isPostgres ? "1" : "CASE WHEN \(movedAfter("m." + d.column)) THEN 0 ELSE 1 END"
            return (d.column, "SUM(CASE WHEN \(within("m." + d.column, d.period)) THEN \(moved) ELSE 0 END) AS d\(unsafeRaw: String(i))")
        }
        let stayLeft: [SQLQueryString] = statuses.enumerated().map { i, status in
            "SUM(CASE WHEN m.status = '\(unsafeRaw: status.rawValue)' AND \(within("m.left_on", period)) THEN 1 ELSE 0 END) AS s\(unsafeRaw: String(i))"
        }
        // Members who moved on: the first official transfer after the date left one of the subtree's units.
        let moved: [SQLQueryString] = dated.enumerated().map { i, d in
            let column = "m." + d.column
            return """
                SUM(CASE WHEN \(within(column, d.period)) AND e.effective_on > \(unsafeRaw: column) THEN CASE WHEN EXISTS (
                    SELECT 1 FROM member_events t WHERE t.member_id = e.member_id AND t.kind IN \(unsafeRaw: transferKinds)
                    AND t.effective_on > \(unsafeRaw: column)
                    AND (t.effective_on < e.effective_on OR (t.effective_on = e.effective_on AND t.id < e.id))) THEN 0 ELSE 1 END ELSE 0 END)
                    AS d\(unsafeRaw: String(i))
                """
        }
        let subtree: SQLQueryString = "\(UnitHistory.at(period.to)) AND v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper)"
        // Only rows with a date in a period add to a sum; stating so lets the engine skip the sums for the rest (most
        // members), which halves the pass (measured with sqlite3 on the national demo: 2.5 s → 1.2 s).
        let counted = (dated.map { within("m." + $0.column, $0.period) } + [within("m.left_on", period)]).map { "(\($0))" as SQLQueryString }
        // The members of the subtree's units with a date that counts (both passes over them read this).
        let countedMembers: SQLQueryString = """
            FROM unit_versions v JOIN members m ON m.unit_id = v.unit_id
            WHERE \(subtree) AND (\(counted.joined(separator: " OR ")))
            """
        let stayRow: any SQLRow
        if isPostgres {
            // One range of each date's own index (migration 32) per date column: the members with a date in the
            // periods, not every member of the subtree's units (national demo: the whole unit index, 5.4 million
            // entries, read for ~250,000 dates that count).
            var passes: [SQLQueryString] = []
            let columns = dated.map(\.column).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
            for column in columns {
                let sums = stayDated.filter { $0.column == column }.map(\.sum)
                let periods = dated.filter { $0.column == column }.map(\.period)
                passes.append(
                    """
                    (SELECT \(sums.joined(separator: ", ")) FROM unit_versions v JOIN members m ON m.unit_id = v.unit_id
                    WHERE \(subtree) AND \(within("m." + column, from: periods.map(\.from).min()!, to: periods.map(\.to).max()!)))
                    """)
            }
            passes.append(
                """
                (SELECT \(stayLeft.joined(separator: ", ")) FROM unit_versions v JOIN members m ON m.unit_id = v.unit_id
                WHERE \(subtree) AND \(within("m.left_on", period)))
                """)
            let named = passes.enumerated().map { i, pass in "\(pass) AS p\(unsafeRaw: String(i))" as SQLQueryString }
            stayRow = try await sql.raw("SELECT * FROM \(named.joined(separator: ", "))").first()!
        } else {
            let stay = stayDated.map(\.sum) + stayLeft
            stayRow = try await sql.raw("SELECT \(stay.joined(separator: ", ")) \(countedMembers)").first()!
        }
        let movedRow = try await sql.raw(
            """
            SELECT \(moved.joined(separator: ", ")) FROM unit_versions v
            JOIN member_events e ON e.from_unit_id = v.unit_id AND e.kind IN \(unsafeRaw: transferKinds)
            JOIN members m ON m.id = e.member_id WHERE \(subtree)
            """
        ).first()!
        func sum(_ row: any SQLRow, _ column: String) throws -> Int { try row.decode(column: column, as: Int?.self) ?? 0 }
        var movedAway: (any SQLRow)? = nil
        if isPostgres {
            // Of the members counted above, those with an official transfer after the date counted.
            let away: [SQLQueryString] = dated.enumerated().map { i, d in
                "SUM(CASE WHEN \(within("m." + d.column, d.period)) AND \(movedAfter("m." + d.column)) THEN 1 ELSE 0 END) AS d\(unsafeRaw: String(i))"
            }
            let earliest = dated.map(\.period.from).min()!
            movedAway = try await sql.raw(
                """
                SELECT \(away.joined(separator: ", ")) \(countedMembers) AND EXISTS (SELECT 1 FROM member_events t WHERE t.member_id = m.id
                    AND t.kind IN \(unsafeRaw: transferKinds) AND t.effective_on > \(bind: earliest.iso))
                """
            ).first()!
        }
        var out = MemberFigures()
        var counts: [Int] = []
        for i in dated.indices {
            counts.append(try sum(stayRow, "d\(i)") - (movedAway.map { try sum($0, "d\(i)") } ?? 0) + sum(movedRow, "d\(i)"))
        }
        (out.admitted, out.admittedPrevious, out.recognized) = (counts[0], counts[1], counts[2])
        for (i, status) in statuses.enumerated() { out.left[status.rawValue] = try sum(stayRow, "s\(i)") }
        return out
    }

    /// Units of a kind and sector founded in the period that exist on its last day in the subtree.
    static func newUnits(
        _ sql: any SQLDatabase, kind: UnitKind, sector: Sector, period: ReportPeriod, range: (lower: String, upper: String)
    ) async throws -> Int {
        try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM unit_versions v JOIN units u ON u.id = v.unit_id
            WHERE \(UnitHistory.at(period.to)) AND v.path >= \(bind: range.lower) AND v.path < \(bind: range.upper)
            AND v.kind = \(bind: kind.rawValue) AND v.sector = \(bind: sector.rawValue)
            AND u.founded_on >= \(bind: period.from.iso) AND u.founded_on <= \(bind: period.to.iso)
            """
        ).first()!.decode(column: "n", as: Int.self)
    }
}
