import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A trainee or an exam candidate: a party member, or a cadre who is not one.
public struct TrainingPerson: Sendable, Equatable {
    public let memberId: Int64?
    public let cadreId: Int64?
    public let fullName: String
    public let cardNo: String?
    public let nationalId: String?
    public let gender: Gender
    public let birthDate: CivilDate?
    /// The unit that holds the person's record (a member's cell).
    public let unitCode: String
    public let unitName: String
    public let unitPath: String

    /// What tells two people apart across courses and sessions.
    public var key: String { memberId.map { "m:\($0)" } ?? "c:\(cadreId ?? 0)" }
}

/// A course (lớp đào tạo, bồi dưỡng) as stored.
public struct TrainingCourse: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let kind: TrainingCourseKind
    public let name: String
    /// The organizing party unit or agency: scope follows it.
    public let organizer: PositionPlace
    public let place: String?
    public let startsOn: CivilDate
    public let endsOn: CivilDate
    public let decisionNo: String?
    public let cancelled: Bool
    public let version: Int

    public func status(on date: CivilDate) -> CourseStatus {
        CourseStatus.of(startsOn: startsOn, endsOn: endsOn, cancelled: cancelled, on: date)
    }

    public var auditValues: [String: String?] {
        [
            "code": code, "kind": kind.rawValue, "name": name, "organizer_code": organizer.code, "place": place, "starts_on": startsOn.iso,
            "ends_on": endsOn.iso, "decision_no": decisionNo, "status": cancelled ? CourseStatus.cancelled.rawValue : nil,
        ]
    }

    /// The course as a form shows it.
    public var draft: CourseDraft {
        CourseDraft(
            code: code, kind: kind.rawValue, name: name, organizerCode: organizer.code, place: place ?? "", startsOn: startsOn.iso,
            endsOn: endsOn.iso, decisionNo: decisionNo ?? "", status: cancelled ? CourseStatus.cancelled.rawValue : "")
    }
}

/// A trainee in a course, as stored: active unless annulled (entered by mistake).
public struct TrainingEnrollment: Sendable, Equatable {
    public let id: Int64
    public let courseId: Int64
    public let person: TrainingPerson
    /// Đơn vị cử đi: what the "trained" count reads.
    public let sending: PositionPlace
    public let outcome: TrainingOutcome
    public let annulledOn: CivilDate?
    public let annulReason: String?
    public let version: Int

    public var isActive: Bool { annulledOn == nil }

    public var auditValues: [String: String?] {
        [
            "person": person.cardNo ?? person.nationalId ?? person.key, "sending_unit_code": sending.code, "result": outcome.result?.rawValue,
            "certificate_no": outcome.certificateNo, "certificate_on": outcome.certificateOn?.iso,
        ]
    }
}

/// An exam session as stored.
public struct ExamSession: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let kind: ExamKind
    public let name: String
    public let heldOn: CivilDate
    public let organizer: PositionPlace
    public let passMark: ExamScore
    public let version: Int

    public var auditValues: [String: String?] {
        [
            "code": code, "kind": kind.rawValue, "name": name, "held_on": heldOn.iso, "organizer_code": organizer.code,
            "pass_mark": passMark.key,
        ]
    }

    public var draft: ExamSessionDraft {
        ExamSessionDraft(code: code, kind: kind.rawValue, name: name, heldOn: heldOn.iso, organizerCode: organizer.code, passMark: passMark.key)
    }
}

/// A candidate of a session, as stored.
public struct ExamCandidate: Sendable, Equatable {
    public let id: Int64
    public let sessionId: Int64
    public let person: TrainingPerson
    /// Where the person works: what the staff-reduction list is read by.
    public let work: PositionPlace
    public let score: ExamScore?
    public let annulledOn: CivilDate?
    public let annulReason: String?
    public let version: Int

    public var isActive: Bool { annulledOn == nil }

    public var auditValues: [String: String?] {
        ["person": person.cardNo ?? person.nationalId ?? person.key, "work_unit_code": work.code, "score": score?.key]
    }
}

/// A training plan after a failed sát hạch, as stored.
public struct TrainingPlan: Sendable, Equatable {
    public let id: Int64
    public let candidateId: Int64
    public let training: String
    public let deadline: CivilDate
    public let courseId: Int64?
    public let courseCode: String?
    public let courseName: String?
    public let completedOn: CivilDate?
    public let closedOn: CivilDate?
    public let closeReason: String?
    public let version: Int

    public var auditValues: [String: String?] {
        [
            "training": training, "deadline": deadline.iso, "course_code": courseCode, "completed_on": completedOn?.iso,
            "closed_on": closedOn?.iso, "close_reason": closeReason,
        ]
    }

    public var draft: TrainingPlanDraft {
        TrainingPlanDraft(training: training, deadline: deadline.iso, courseCode: courseCode ?? "", completedOn: completedOn?.iso ?? "")
    }
}

/// SQL of training and exams, used inside the service's reads and transactions.
enum TrainingStore {
    /// A party unit or an agency named by a pair of columns of a row (`t.unit_id`, `t.agency_id`): its joins, its
    /// columns (prefixed), the path that decides scope, and the place decoded.
    struct PlaceJoin {
        let prefix: String
        let table: String
        let unitColumn: String
        let agencyColumn: String

        var joins: String {
            let p = prefix
            return """
                LEFT JOIN units \(p)u ON \(p)u.id = \(table).\(unitColumn) LEFT JOIN agencies \(p)a ON \(p)a.id = \(table).\(agencyColumn) \
                LEFT JOIN units \(p)au ON \(p)au.id = \(p)a.unit_id
                """
        }
        var columns: String {
            let p = prefix
            return """
                COALESCE(\(p)u.code, \(p)a.code) AS \(p)_code, COALESCE(\(p)u.name, \(p)a.name) AS \(p)_name, \(path) AS \(p)_path, \
                \(table).\(unitColumn) AS \(p)_unit_id, \(table).\(agencyColumn) AS \(p)_agency_id
                """
        }
        var path: String { "COALESCE(\(prefix)u.path, \(prefix)au.path)" }

        func place(_ row: any SQLRow) throws -> PositionPlace {
            let agency = try row.decode(column: "\(prefix)_agency_id", as: Int64?.self)
            return PositionPlace(
                id: try agency ?? row.decode(column: "\(prefix)_unit_id", as: Int64?.self) ?? 0, isAgency: agency != nil,
                code: try row.decode(column: "\(prefix)_code", as: String?.self) ?? "",
                name: try row.decode(column: "\(prefix)_name", as: String?.self) ?? "",
                path: try row.decode(column: "\(prefix)_path", as: String?.self) ?? "")
        }
    }

    static let organizer = PlaceJoin(prefix: "o", table: "c", unitColumn: "unit_id", agencyColumn: "agency_id")
    static let sending = PlaceJoin(prefix: "s", table: "e", unitColumn: "sending_unit_id", agencyColumn: "sending_agency_id")
    static let sessionOrganizer = PlaceJoin(prefix: "o", table: "x", unitColumn: "unit_id", agencyColumn: "agency_id")
    static let work = PlaceJoin(prefix: "w", table: "k", unitColumn: "work_unit_id", agencyColumn: "work_agency_id")

    /// The person of a row whose table (alias `table`) has `member_id` and `cadre_id`.
    static func personJoins(_ table: String) -> String {
        """
        LEFT JOIN members pm ON pm.id = \(table).member_id LEFT JOIN cadres pc ON pc.id = \(table).cadre_id
        LEFT JOIN units pu ON pu.id = COALESCE(pm.unit_id, pc.unit_id)
        """
    }

    static func personColumns(_ table: String) -> String {
        """
        \(table).member_id AS p_member_id, \(table).cadre_id AS p_cadre_id, COALESCE(pm.full_name, pc.full_name) AS p_name, pm.card_no AS p_card,
        COALESCE(pm.national_id, pc.national_id) AS p_nid, COALESCE(pm.gender, pc.gender) AS p_gender,
        COALESCE(pm.birth_date, pc.birth_date) AS p_birth,
        pu.code AS p_unit_code, pu.name AS p_unit_name, pu.path AS p_unit_path
        """
    }

    static let personSortKey = "COALESCE(pm.name_sort_key, pc.name_sort_key)"

    static func person(from row: any SQLRow) throws -> TrainingPerson {
        TrainingPerson(
            memberId: try row.decode(column: "p_member_id", as: Int64?.self), cadreId: try row.decode(column: "p_cadre_id", as: Int64?.self),
            fullName: try row.decode(column: "p_name", as: String?.self) ?? "", cardNo: try row.decode(column: "p_card", as: String?.self),
            nationalId: try row.decode(column: "p_nid", as: String?.self),
            gender: Gender(rawValue: try row.decode(column: "p_gender", as: String?.self) ?? "") ?? .male,
            birthDate: try row.decode(column: "p_birth", as: String?.self).flatMap { CivilDate(parsing: $0) },
            unitCode: try row.decode(column: "p_unit_code", as: String?.self) ?? "",
            unitName: try row.decode(column: "p_unit_name", as: String?.self) ?? "",
            unitPath: try row.decode(column: "p_unit_path", as: String?.self) ?? "")
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> CivilDate? {
        try row.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) }
    }

    // MARK: Courses

    static let courseColumns = "c.*, \(organizer.columns)"
    static let courseFrom = "training_courses c \(organizer.joins)"
    static let activeTrainees = "(SELECT COUNT(*) FROM training_enrollments te WHERE te.course_id = c.id AND te.annulled_on IS NULL)"

    static func course(from row: any SQLRow) throws -> TrainingCourse {
        TrainingCourse(
            id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
            kind: TrainingCourseKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            name: try row.decode(column: "name", as: String.self), organizer: try organizer.place(row),
            place: try row.decode(column: "place", as: String?.self), startsOn: try date(row, "starts_on") ?? UnitVersion.epoch,
            endsOn: try date(row, "ends_on") ?? UnitVersion.epoch, decisionNo: try row.decode(column: "decision_no", as: String?.self),
            cancelled: try row.decode(column: "status", as: String?.self) == CourseStatus.cancelled.rawValue,
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findCourse(_ sql: any SQLDatabase, id: Int64) async throws -> TrainingCourse? {
        try await sql.raw("SELECT \(unsafeRaw: courseColumns) FROM \(unsafeRaw: courseFrom) WHERE c.id = \(bind: id)").first().map(course)
    }

    static func findCourse(_ sql: any SQLDatabase, code: String) async throws -> TrainingCourse? {
        try await sql.raw("SELECT \(unsafeRaw: courseColumns) FROM \(unsafeRaw: courseFrom) WHERE c.code = \(bind: code)").first().map(course)
    }

    /// Courses seen from `[lower, upper)`: organized there, or with an active trainee sent from there.
    static func courseInRange(_ range: (lower: String, upper: String)) -> SQLQueryString {
        """
        ((\(unsafeRaw: organizer.path) >= \(bind: range.lower) AND \(unsafeRaw: organizer.path) < \(bind: range.upper)) OR EXISTS (
            SELECT 1 FROM training_enrollments e \(unsafeRaw: sending.joins) WHERE e.course_id = c.id AND e.annulled_on IS NULL
            AND \(unsafeRaw: sending.path) >= \(bind: range.lower) AND \(unsafeRaw: sending.path) < \(bind: range.upper)))
        """
    }

    // MARK: Enrollments

    static let enrollmentColumns = "e.*, \(sending.columns), \(personColumns("e"))"
    static let enrollmentFrom = "training_enrollments e \(sending.joins) \(personJoins("e"))"

    static func enrollment(from row: any SQLRow) throws -> TrainingEnrollment {
        TrainingEnrollment(
            id: try row.decode(column: "id", as: Int64.self), courseId: try row.decode(column: "course_id", as: Int64.self),
            person: try person(from: row), sending: try sending.place(row),
            outcome: TrainingOutcome(
                result: try row.decode(column: "result", as: String?.self).flatMap(TrainingResult.init(rawValue:)),
                certificateNo: try row.decode(column: "certificate_no", as: String?.self), certificateOn: try date(row, "certificate_on")),
            annulledOn: try date(row, "annulled_on"), annulReason: try row.decode(column: "annul_reason", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func enrollments(_ sql: any SQLDatabase, courseId: Int64) async throws -> [TrainingEnrollment] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: enrollmentColumns) FROM \(unsafeRaw: enrollmentFrom)
            WHERE e.course_id = \(bind: courseId) ORDER BY \(unsafeRaw: personSortKey), e.id
            """
        ).all().map(enrollment)
    }

    static func findEnrollment(_ sql: any SQLDatabase, id: Int64) async throws -> TrainingEnrollment? {
        try await sql.raw("SELECT \(unsafeRaw: enrollmentColumns) FROM \(unsafeRaw: enrollmentFrom) WHERE e.id = \(bind: id)").first().map(enrollment)
    }

    // MARK: Sessions and candidates

    static let sessionColumns = "x.*, \(sessionOrganizer.columns)"
    static let sessionFrom = "exam_sessions x \(sessionOrganizer.joins)"

    static func session(from row: any SQLRow) throws -> ExamSession {
        ExamSession(
            id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
            kind: ExamKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .proficiency,
            name: try row.decode(column: "name", as: String.self), heldOn: try date(row, "held_on") ?? UnitVersion.epoch,
            organizer: try sessionOrganizer.place(row),
            passMark: ExamScore(hundredths: try row.decode(column: "pass_mark", as: Int.self)) ?? ExamRules.defaultPassMark,
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findSession(_ sql: any SQLDatabase, id: Int64) async throws -> ExamSession? {
        try await sql.raw("SELECT \(unsafeRaw: sessionColumns) FROM \(unsafeRaw: sessionFrom) WHERE x.id = \(bind: id)").first().map(session)
    }

    static func findSession(_ sql: any SQLDatabase, code: String) async throws -> ExamSession? {
        try await sql.raw("SELECT \(unsafeRaw: sessionColumns) FROM \(unsafeRaw: sessionFrom) WHERE x.code = \(bind: code)").first().map(session)
    }

    /// Sessions seen from `[lower, upper)`: organized there, or with an active candidate working there.
    static func sessionInRange(_ range: (lower: String, upper: String)) -> SQLQueryString {
        """
        ((\(unsafeRaw: sessionOrganizer.path) >= \(bind: range.lower) AND \(unsafeRaw: sessionOrganizer.path) < \(bind: range.upper)) OR EXISTS (
            SELECT 1 FROM exam_candidates k \(unsafeRaw: work.joins) WHERE k.session_id = x.id AND k.annulled_on IS NULL
            AND \(unsafeRaw: work.path) >= \(bind: range.lower) AND \(unsafeRaw: work.path) < \(bind: range.upper)))
        """
    }

    static let candidateColumns = "k.*, \(work.columns), \(personColumns("k"))"
    static let candidateFrom = "exam_candidates k \(work.joins) \(personJoins("k"))"

    static func candidate(from row: any SQLRow) throws -> ExamCandidate {
        ExamCandidate(
            id: try row.decode(column: "id", as: Int64.self), sessionId: try row.decode(column: "session_id", as: Int64.self),
            person: try person(from: row), work: try work.place(row),
            score: try row.decode(column: "score", as: Int?.self).flatMap { ExamScore(hundredths: $0) }, annulledOn: try date(row, "annulled_on"),
            annulReason: try row.decode(column: "annul_reason", as: String?.self), version: try row.decode(column: "version", as: Int.self))
    }

    static func candidates(_ sql: any SQLDatabase, sessionId: Int64) async throws -> [ExamCandidate] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: candidateColumns) FROM \(unsafeRaw: candidateFrom)
            WHERE k.session_id = \(bind: sessionId) ORDER BY \(unsafeRaw: personSortKey), k.id
            """
        ).all().map(candidate)
    }

    static func findCandidate(_ sql: any SQLDatabase, id: Int64) async throws -> ExamCandidate? {
        try await sql.raw("SELECT \(unsafeRaw: candidateColumns) FROM \(unsafeRaw: candidateFrom) WHERE k.id = \(bind: id)").first().map(candidate)
    }

    // MARK: Plans

    static let planColumns = "tp.*, pcs.code AS course_code, pcs.name AS course_name"
    static let planFrom = "training_plans tp LEFT JOIN training_courses pcs ON pcs.id = tp.course_id"

    static func plan(from row: any SQLRow) throws -> TrainingPlan {
        TrainingPlan(
            id: try row.decode(column: "id", as: Int64.self), candidateId: try row.decode(column: "candidate_id", as: Int64.self),
            training: try row.decode(column: "training", as: String.self), deadline: try date(row, "deadline") ?? UnitVersion.epoch,
            courseId: try row.decode(column: "course_id", as: Int64?.self), courseCode: try row.decode(column: "course_code", as: String?.self),
            courseName: try row.decode(column: "course_name", as: String?.self), completedOn: try date(row, "completed_on"),
            closedOn: try date(row, "closed_on"), closeReason: try row.decode(column: "close_reason", as: String?.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findPlan(_ sql: any SQLDatabase, id: Int64) async throws -> TrainingPlan? {
        try await sql.raw("SELECT \(unsafeRaw: planColumns) FROM \(unsafeRaw: planFrom) WHERE tp.id = \(bind: id)").first().map(plan)
    }

    static func plans(_ sql: any SQLDatabase, candidateIds: [Int64]) async throws -> [Int64: TrainingPlan] {
        guard !candidateIds.isEmpty else { return [:] }
        let rows = try await sql.raw(
            "SELECT \(unsafeRaw: planColumns) FROM \(unsafeRaw: planFrom) WHERE tp.candidate_id IN (\(binds: candidateIds))"
        ).all().map(plan)
        return Dictionary(rows.map { ($0.candidateId, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Whether a course (session) has an active trainee (candidate) placed in the principal's subtree: `rows` is the
    /// table with its alias, `place` the join of the row's unit, `parent` the column naming the course (session).
    static func reaches(
        _ sql: any SQLDatabase, _ principal: Principal, rows: String, place: PlaceJoin, parent: String, id: Int64
    ) async throws -> Bool {
        let range = principal.pathRange
        return try await sql.raw(
            """
            SELECT 1 AS found FROM \(unsafeRaw: rows) \(unsafeRaw: place.joins) WHERE \(unsafeRaw: parent) = \(bind: id)
                AND \(unsafeRaw: place.table).annulled_on IS NULL
            AND \(unsafeRaw: place.path) >= \(bind: range.lower) AND \(unsafeRaw: place.path) < \(bind: range.upper) LIMIT 1
            """
        ).first() != nil
    }

    // MARK: People

    /// The person of a card or national ID number whom the principal sees: a member (card number first), else a
    /// cadre who is not a member, by national ID.
    static func person(_ sql: any SQLDatabase, _ principal: Principal, number: String) async throws -> TrainingPerson? {
        let number = number.trimmed
        guard !number.isEmpty else { return nil }
        if let member = try await CadreService.member(sql, number: number) {
            return principal.sees(path: member.unitPath) ? try await person(sql, memberId: member.id, cadreId: nil) : nil
        }
        guard
            let id = try await sql.raw("SELECT id FROM cadres WHERE national_id = \(bind: number) AND member_id IS NULL ORDER BY id LIMIT 1").first()?
                .decode(column: "id", as: Int64.self), let cadre = try await CadreStore.findCadre(sql, id: id),
            try await CadreStore.sees(sql, principal, cadre: cadre)
        else { return nil }
        return try await person(sql, memberId: nil, cadreId: id)
    }

    static func person(_ sql: any SQLDatabase, memberId: Int64?, cadreId: Int64?) async throws -> TrainingPerson? {
        let source: SQLQueryString =
            memberId.map { "SELECT id AS member_id, CAST(NULL AS BIGINT) AS cadre_id FROM members WHERE id = \(bind: $0)" }
            ?? "SELECT CAST(NULL AS BIGINT) AS member_id, id AS cadre_id FROM cadres WHERE id = \(bind: cadreId ?? 0)"
        return try await sql.raw("SELECT \(unsafeRaw: personColumns("q")) FROM (\(source)) q \(unsafeRaw: personJoins("q"))").first().map(person)
    }

    /// The party unit that holds a person's record, as a place (the default sending or work unit).
    static func home(_ sql: any SQLDatabase, of person: TrainingPerson) async throws -> PositionPlace? {
        try await CadreStore.place(sql, code: person.unitCode)
    }

    /// The condition that a row of `table` is about this person.
    static func isPerson(_ table: String, _ person: TrainingPerson) -> SQLQueryString {
        if let id = person.memberId { return "\(unsafeRaw: table).member_id = \(bind: id)" }
        return "\(unsafeRaw: table).cadre_id = \(bind: person.cadreId ?? 0)"
    }

    /// A duplicate member merged into the kept one: its enrollments and candidacies follow.
    static func followMerge(_ sql: any SQLDatabase, keep: Int64, duplicate: Int64) async throws {
        for table in ["training_enrollments", "exam_candidates"] {
            try await sql.raw("UPDATE \(unsafeRaw: table) SET member_id = \(bind: keep) WHERE member_id = \(bind: duplicate)").run()
        }
    }

    /// A free code `PREFIX-<year>-<id>` for a record inserted without one (a suffix if a user took it already).
    static func freeCode(_ sql: any SQLDatabase, table: String, prefix: String, year: Int, id: Int64) async throws -> String {
        let base = "\(prefix)-\(year)-\(id)"
        var code = base
        var n = 1
        while try await sql.raw("SELECT id FROM \(unsafeRaw: table) WHERE code = \(bind: code) AND id <> \(bind: id)").first() != nil {
            n += 1
            code = base + "-\(n)"
        }
        return code
    }
}
