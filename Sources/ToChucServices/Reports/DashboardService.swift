import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// What the dashboard of a unit shows (issue 7): this month's report, the members in the Party now by age band and
/// gender, admissions per year, and the counts of work waiting (overdue recognitions, vetting, re-appointments).
public struct Dashboard: Sendable {
    public let unit: OrgUnit
    public let month: BriefingReport
    /// Members in the Party today (probationary and full), by age band and gender.
    public let ages: [AgeBand: [Gender: Int]]
    /// Admissions per year, oldest first (the last ten years, this one included).
    public let admissionsByYear: [(year: Int, count: Int)]
    public let membersByStatus: [MemberStatus: Int]
    /// Recognitions overdue (DOMAIN.md §2), cadres retiring within 12 months, appointments due for re-appointment.
    public let recognitionOverdue: Int
    public let retiring: Int
    public let reappointmentDue: Int
    /// Proposals received by the subtree and unanswered past the reminder, and its tasks past their deadline, today.
    public var proposalsOverdue = 0
    public var tasksOverdue = 0
    /// Members' classification of last year's review, by class.
    public let lastYearRatings: [Rating: Int]
}

/// The dashboard's figures, each read from the records (members counted by the unit they are in now).
public struct DashboardService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    public func dashboard(_ principal: Principal, unitCode: String, today: CivilDate = Timestamp.vietnamDate()) async throws -> Dashboard {
        let unit = try await UnitService(db: db).get(principal, code: unitCode)
        let month = ReportPeriod(parsing: today.iso.prefix(7).description)!
        // The parts are independent: read at once, the nation's page waits for its slowest part, not for their sum.
        async let report = ReportService(db: db).report(principal, unitCode: unit.code, period: month)
        let range = PathRange.of(unit.path)
        let first = today.year - 9
        async let figures = db.read { sql in
            // The root and the units below it read the kept counts (`MemberProfiles`), deeper units their members' rows:
            // the same figures either way (MemberCountsTests), in rows of (birth date, gender, n) and (year, n).
            let kept = MemberProfiles.isAnchor(path: unit.path)
            let births: SQLQueryString =
                kept
                ? "SELECT birth_date, gender, n FROM subtree_birth_counts WHERE anchor_path = \(bind: unit.path) AND n <> 0"
                : """
                SELECT m.birth_date, m.gender, COUNT(*) AS n FROM members m
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.status IN ('probationary', 'full')
                AND m.birth_date IS NOT NULL GROUP BY 1, 2
                """
            var ages: [AgeBand: [Gender: Int]] = [:]
            for row in try await sql.raw(births).all() {
                guard let born = CivilDate(parsing: try row.decode(column: "birth_date", as: String.self)),
                    let g = Gender(rawValue: try row.decode(column: "gender", as: String.self))
                else { continue }
                ages[AgeBand(born: born, on: today), default: [:]][g, default: 0] += try row.decode(column: "n", as: Int.self)
            }
            let admissions: SQLQueryString =
                kept
                ? "SELECT year AS y, n FROM subtree_admission_counts WHERE anchor_path = \(bind: unit.path) AND year >= \(bind: String(first))"
                : """
                SELECT substr(m.admitted_on, 1, 4) AS y, COUNT(*) AS n FROM members m
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.admitted_on >= \(bind: "\(first)-01-01")
                GROUP BY 1
                """
            var byYear = Dictionary(uniqueKeysWithValues: (first...today.year).map { ($0, 0) })
            for row in try await sql.raw(admissions).all() {
                // Admission dates after today are refused on every path (DOMAIN.md §2), so no year lies beyond this one.
                if let y = Int(try row.decode(column: "y", as: String.self)), byYear[y] != nil { byYear[y] = try row.decode(column: "n", as: Int.self) }
            }
            let statuses = try await UnitService.membersByStatus(sql, path: unit.path, on: today)
            return (ages, byYear.sorted { $0.key < $1.key }.map { (year: $0.key, count: $0.value) }, statuses)
        }
        let scoped = Principal(
            userId: principal.userId, username: principal.username, displayName: principal.displayName, role: principal.role, unitId: unit.id,
            unitCode: unit.code, unitName: unit.name, unitPath: unit.path, language: principal.language, tokenScope: principal.tokenScope,
            address: principal.address, actor: principal.actor)
        async let overdue = AdmissionService(db: db).recognitionOverdueCount(scoped, today: today)
        let cadres = CadreService(db: db)
        async let retiring = cadres.retiringCount(principal, unitCode: unit.code, today: today)
        async let due = cadres.dueForReappointment(principal, unitCode: unit.code, today: today, perPage: 1).total
        async let ratings = EvaluationService(db: db).totals(principal, unitCode: unit.code, period: .year(today.year - 1), subject: .member)
        async let proposalsOverdue = ProposalService(db: db).counts(principal, unitCode: unit.code, from: today, to: today, today: today).inbox.overdue
        var late = TaskQuery()
        late.unitCode = unit.code
        late.due = "overdue"
        late.perPage = 1
        async let tasksOverdue = TaskService(db: db).list(principal, late, today: today).total
        let (ages, years, statuses) = try await figures
        var dashboard = Dashboard(
            unit: unit, month: try await report, ages: ages, admissionsByYear: years, membersByStatus: statuses, recognitionOverdue: try await overdue,
            retiring: try await retiring, reappointmentDue: try await due, lastYearRatings: try await ratings)
        dashboard.proposalsOverdue = try await proposalsOverdue
        dashboard.tasksOverdue = try await tasksOverdue
        return dashboard
    }
}
