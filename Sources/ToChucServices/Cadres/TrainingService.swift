import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// How a course list is sorted.
public enum CourseSort: String, Sendable, CaseIterable {
    /// Newest first (the default).
    case startsOn = "starts_on"
    case name
    case code
}

/// What a course list is asked for.
public struct CourseQuery: Sendable, Equatable {
    /// Words of the name, or the code (accents optional).
    public var text = ""
    /// A `TrainingCourseKind` key; empty for every kind.
    public var kind = ""
    /// The year the courses start in; nil for every year.
    public var year: Int? = nil
    /// A unit whose subtree to list (default: the principal's whole scope).
    public var unitCode = ""
    public var sort = CourseSort.startsOn
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// A course of a list, with its active trainees.
public struct CourseSummary: Sendable, Equatable {
    public let course: TrainingCourse
    public let trainees: Int
}

/// Everything a course's page shows.
public struct CourseDetail: Sendable {
    public let course: TrainingCourse
    /// Active trainees, by name; for a user who sees the course only through the people it sent, just those.
    public let trainees: [TrainingEnrollment]
    /// Trainees annulled (entered by mistake), kept in the record.
    public let annulled: [TrainingEnrollment]
    /// Whether the principal's subtree organizes the course (and so may change it and its trainees).
    public let organizes: Bool
    public let status: CourseStatus
}

/// What a pasted list of numbers did: who was enrolled, and which numbers were already in the course.
public struct BulkEnrollment: Sendable {
    public let added: [TrainingEnrollment]
    public let alreadyEnrolled: [String]
}

/// The figures of a briefing report on training for a subtree and a period (`TrainingService.summary`).
public struct TrainingSummary: Sendable {
    public let unitCode: String
    public let from: CivilDate
    public let to: CivilDate
    /// `TrainingService.trainedCount`: "cử 1.656 cán bộ đi đào tạo".
    public let trained: Int
    /// `TrainingService.coursesOrganized`: "14 lớp … 133 học viên".
    public let courses: [CourseSummary]
    public var traineesOfCourses: Int { courses.reduce(0) { $0 + $1.trainees } }
}

/// One course of a person's record.
public struct PersonCourse: Sendable {
    public let course: TrainingCourse
    public let enrollment: TrainingEnrollment
}

/// One exam of a person's record, with the plan made after a failed sát hạch.
public struct PersonExam: Sendable {
    public let session: ExamSession
    public let candidate: ExamCandidate
    public let outcome: ExamOutcome
    public let plan: TrainingPlan?
}

/// A person's courses and exams (for the cadre's and the member's page).
public struct PersonTraining: Sendable {
    public let courses: [PersonCourse]
    public let exams: [PersonExam]
    public var isEmpty: Bool { courses.isEmpty && exams.isEmpty }
    /// A person without courses or exams.
    public static let none = PersonTraining(courses: [], exams: [])
}

/// Training (đào tạo, bồi dưỡng) and exams (thi tuyển, thi nâng ngạch, kiểm tra sát hạch), DOMAIN.md §3 and seed 004:
/// courses with their trainees and results, the counts of the briefing report, exam sessions with scores and pass/fail,
/// training plans after a failed sát hạch, and the list of those considered for staff reduction.
///
/// Scope: a course (a session) is seen by the subtree of its organizer and by the subtrees that sent a trainee (a
/// candidate) to it — those see only their own people; only the organizer's subtree changes it. Nothing with people in
/// it is deleted: trainees and candidates are annulled with a reason, courses cancelled, plans closed.
public struct TrainingService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let courseEntity = "training_course"
    static let enrollmentEntity = "training_enrollment"

    // MARK: - Courses

    /// Courses seen from the principal's subtree (or a unit's): organized there or attended by people sent from there.
    public func courses(_ principal: Principal, _ query: CourseQuery) async throws -> Page<CourseSummary> {
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), UnitService.maximumPerPage)
        let conditions = try await courseConditions(principal, query)
        let order: String
        switch query.sort {
        case .startsOn: order = "c.starts_on DESC, c.id DESC"
        case .name: order = "c.name_folded, c.id"
        case .code: order = "c.code"
        }
        return try await db.read { sql in
            let total =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: TrainingStore.courseFrom) WHERE \(conditions)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: TrainingStore.courseColumns), \(unsafeRaw: TrainingStore.activeTrainees) AS trainees
                FROM \(unsafeRaw: TrainingStore.courseFrom) WHERE \(conditions)
                ORDER BY \(unsafeRaw: order) LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all().map { CourseSummary(course: try TrainingStore.course(from: $0), trainees: try $0.decode(column: "trainees", as: Int.self)) }
            return Page(items: rows, page: page, perPage: perPage, total: total)
        }
    }

    func courseConditions(_ principal: Principal, _ query: CourseQuery) async throws -> SQLQueryString {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: query.unitCode.trimmed)
        var filter = TrainingStore.courseInRange(range)
        if !query.kind.trimmed.isEmpty {
            guard let kind = TrainingCourseKind.parse(query.kind) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.unknownValue(query.kind))])
            }
            filter = filter + " AND c.kind = \(bind: kind.rawValue)"
        }
        if let year = query.year {
            guard StaffingRules.isValidYear(year) else {
                throw DomainError.invalid(
                    Catalogue.invalidInput, [FieldError("year", Catalogue.outOfRange(StaffingRules.minimumYear, StaffingRules.maximumYear))])
            }
            filter = filter + " AND c.starts_on >= \(bind: "\(year)-01-01") AND c.starts_on <= \(bind: "\(year)-12-31")"
        }
        let words = VietnameseText.fold(query.text).split(separator: " ").map(String.init)
        for word in words {
            filter = filter + " AND (c.name_folded LIKE \(bind: "%" + word + "%") OR LOWER(c.code) LIKE \(bind: "%" + word + "%"))"
        }
        return filter
    }

    /// Every course of a list (for exports), in the list's order.
    public func allCourses(_ principal: Principal, _ query: CourseQuery) async throws -> [CourseSummary] {
        var query = query
        query.perPage = UnitService.maximumPerPage
        query.page = 1
        var out: [CourseSummary] = []
        while true {
            let page = try await courses(principal, query)
            out += page.items
            if query.page >= page.pageCount { return out }
            query.page += 1
        }
    }

    /// The course list as a spreadsheet, header first.
    public func exportCourses(_ principal: Principal, _ query: CourseQuery, today: CivilDate = Timestamp.vietnamDate()) async throws -> [[String]] {
        let language = principal.language
        let header = [
            Catalogue.courseCode, Catalogue.courseName, Catalogue.courseKind, Catalogue.courseOrganizer, Catalogue.coursePlace,
            Catalogue.courseStartsOn,
            Catalogue.courseEndsOn, Catalogue.courseStatusLabel, Catalogue.courseDecision, Catalogue.courseTrainees,
        ].map { $0.text(language) }
        let date = { (d: CivilDate) in language == .vi ? VietnameseFormat.date(d) : EnglishFormat.date(d) }
        return [header]
            + (try await allCourses(principal, query)).map { s in
                let c = s.course
                return [
                    c.code, c.name, c.kind.label.text(language), c.organizer.name, c.place ?? "", date(c.startsOn), date(c.endsOn),
                    c.status(on: today).label.text(language), c.decisionNo ?? "", String(s.trainees),
                ]
            }
    }

    /// Opens a course organized by a party unit or an agency in scope.
    public func createCourse(_ principal: Principal, _ draft: CourseDraft) async throws -> TrainingCourse {
        try principal.requireWrite()
        let valid = try TrainingRules.check(draft).get()
        return try await db.write { sql in
            let organizer = try await Self.organizerPlace(sql, principal, code: valid.organizerCode)
            if let code = valid.code, try await TrainingStore.findCourse(sql, code: code) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.courseCodeTaken)])
            }
            let id = try await Self.insertCourse(sql, principal, valid, organizer: organizer, importAuditId: nil)
            let course = try await TrainingStore.findCourse(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.courseEntity, key: String(id),
                unitPath: organizer.path, old: nil, new: course.auditValues.merging(["version": "1"]) { $1 })
            return course
        }
    }

    static func insertCourse(
        _ sql: any SQLDatabase, _ principal: Principal, _ c: ValidCourse, organizer: PositionPlace, importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        // Without a code, a unique placeholder first: the code is made from the id.
        let code = c.code ?? "new-" + UUID().uuidString
        let id = try await sql.raw(
            """
            INSERT INTO training_courses (code, kind, name, name_folded, unit_id, agency_id, place, starts_on, ends_on, decision_no, status, version,
                created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: code), \(bind: c.kind.rawValue), \(bind: c.name), \(bind: VietnameseText.fold(c.name)),
                \(bind: organizer.isAgency ? nil : organizer.id), \(bind: organizer.isAgency ? organizer.id : nil), \(bind: c.place),
                \(bind: c.startsOn.iso), \(bind: c.endsOn.iso), \(bind: c.decisionNo),
                    \(bind: c.cancelled ? CourseStatus.cancelled.rawValue : nil), 1,
                \(bind: principal.actor), \(bind: now), \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        if c.code == nil {
            let made = try await TrainingStore.freeCode(sql, table: "training_courses", prefix: "LOP", year: c.startsOn.year, id: id)
            try await sql.raw("UPDATE training_courses SET code = \(bind: made) WHERE id = \(bind: id)").run()
        }
        return id
    }

    /// A party unit or an agency in scope that organizes a course or a session.
    static func organizerPlace(_ sql: any SQLDatabase, _ principal: Principal, code: String) async throws -> PositionPlace {
        guard let place = try await CadreStore.place(sql, code: code.trimmed), principal.sees(path: place.path) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("organizer_code", Catalogue.placeNotFound)])
        }
        return place
    }

    /// A course and whether the principal's subtree organizes it; `notFound` when the principal sees neither its
    /// organizer nor any trainee it sent.
    static func visibleCourse(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> (TrainingCourse, organizes: Bool) {
        guard let course = try await TrainingStore.findCourse(sql, id: id) else { throw DomainError.notFound(Catalogue.courseNotFound) }
        if principal.sees(path: course.organizer.path) { return (course, true) }
        guard
            try await TrainingStore.reaches(
                sql, principal, rows: "training_enrollments e", place: TrainingStore.sending, parent: "e.course_id", id: id)
        else { throw DomainError.notFound(Catalogue.courseNotFound) }
        return (course, false)
    }

    /// A course the principal may change: organized in its subtree, by a role that writes.
    static func organizedCourse(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> TrainingCourse {
        let (course, organizes) = try await visibleCourse(sql, principal, id: id)
        try principal.requireWrite()
        guard organizes else { throw DomainError.forbidden(Catalogue.courseOrganizerOnly) }
        return course
    }

    /// A course with its trainees (only those sent from the principal's subtree when it does not organize the course).
    public func course(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> CourseDetail {
        try await db.read { sql in
            let (course, organizes) = try await Self.visibleCourse(sql, principal, id: id)
            let all = try await TrainingStore.enrollments(sql, courseId: id).filter { organizes || principal.sees(path: $0.sending.path) }
            return CourseDetail(
                course: course, trainees: all.filter(\.isActive), annulled: all.filter { !$0.isActive }, organizes: organizes,
                status: course.status(on: today))
        }
    }

    /// Saves a course as edited from `expectedVersion` (a stale save is refused with what changed). Cancelling is an
    /// edit of the status; a cancelled course keeps its trainees.
    public func updateCourse(_ principal: Principal, id: Int64, _ draft: CourseDraft, expectedVersion: Int) async throws -> TrainingCourse {
        try await db.write { sql in
            let current = try await Self.organizedCourse(sql, principal, id: id)
            if current.version != expectedVersion { throw try await Self.courseConflict(sql, current: current, baseVersion: expectedVersion) }
            var edited = draft
            if edited.code.trimmed.isEmpty { edited.code = current.code }
            let valid = try TrainingRules.check(edited).get()
            let organizer = try await Self.organizerPlace(sql, principal, code: valid.organizerCode)
            if let other = try await TrainingStore.findCourse(sql, code: valid.code ?? current.code), other.id != id {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.courseCodeTaken)])
            }
            guard
                try await Self.writeCourse(
                    sql, id: id, valid, code: valid.code ?? current.code, organizer: organizer, expectedVersion: expectedVersion)
            else { throw try await Self.courseConflict(sql, current: current, baseVersion: expectedVersion) }
            let saved = try await TrainingStore.findCourse(sql, id: id)!
            if saved.auditValues != current.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.courseEntity, key: String(id),
                    unitPath: organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: saved.auditValues.merging(["version": String(saved.version)]) { $1 })
            }
            return saved
        }
    }

    /// Writes the course when it is still at `expectedVersion`; false when another save came first.
    static func writeCourse(
        _ sql: any SQLDatabase, id: Int64, _ c: ValidCourse, code: String, organizer: PositionPlace, expectedVersion: Int
    ) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE training_courses SET code = \(bind: code), kind = \(bind: c.kind.rawValue), name = \(bind: c.name),
                name_folded = \(bind: VietnameseText.fold(c.name)), unit_id = \(bind: organizer.isAgency ? nil : organizer.id),
                agency_id = \(bind: organizer.isAgency ? organizer.id : nil), place = \(bind: c.place), starts_on = \(bind: c.startsOn.iso),
                ends_on = \(bind: c.endsOn.iso), decision_no = \(bind: c.decisionNo),
                    status = \(bind: c.cancelled ? CourseStatus.cancelled.rawValue : nil),
                version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
            """
        ).first() != nil
    }

    static func courseConflict(_ sql: any SQLDatabase, current: TrainingCourse, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleSave(
            sql, entity: courseEntity, key: String(current.id), baseVersion: baseVersion, current: current.auditValues,
            currentVersion: current.version, fallback: [:])
    }

    /// Deletes a course entered by mistake — only one that never had a trainee (a course with trainees is cancelled
    /// instead, and its trainees annulled one by one when they were wrong).
    public func deleteCourse(_ principal: Principal, id: Int64) async throws {
        try await db.write { sql in
            let course = try await Self.organizedCourse(sql, principal, id: id)
            let used =
                try await sql.raw(
                    """
                    SELECT (SELECT COUNT(*) FROM training_enrollments WHERE course_id = \(bind: id)) + (SELECT COUNT(*) FROM training_plans
                        WHERE course_id = \(bind: id)) AS n
                    """
                ).first()?.decode(column: "n", as: Int.self) ?? 0
            if used > 0 { throw DomainError.invalid(Catalogue.courseHasTrainees, [FieldError("course", Catalogue.courseHasTrainees)]) }
            try await sql.raw("DELETE FROM training_courses WHERE id = \(bind: id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "delete", entity: Self.courseEntity, key: String(id),
                unitPath: course.organizer.path, old: course.auditValues, new: nil)
        }
    }

    /// The changes to a course and to its trainees (and the import that made them), oldest first.
    public func courseHistory(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let (course, organizes) = try await Self.visibleCourse(sql, principal, id: id)
            var entries = try await AuditLog.history(
                sql, entity: Self.courseEntity, key: String(course.id), importedInto: "training_courses", rowId: id)
            for e in try await TrainingStore.enrollments(sql, courseId: id) where organizes || principal.sees(path: e.sending.path) {
                entries += try await AuditLog.history(
                    sql, entity: Self.enrollmentEntity, key: String(e.id), importedInto: "training_enrollments", rowId: e.id)
            }
            var seen: Set<Int64> = []
            return entries.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        }
    }

    // MARK: - Trainees

    /// Enrolls a person (card or national ID number of a member, or national ID of a cadre who is not a member, in
    /// scope) in a course that is not cancelled, sent by `sendingCode` (default: the unit holding the person's record).
    /// The result and certificate may come at once (a course recorded after it ended).
    public func enroll(
        _ principal: Principal, courseId: Int64, person: String, sendingCode: String = "", outcome: OutcomeDraft = OutcomeDraft(),
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TrainingEnrollment {
        try await db.write { sql in
            let course = try await Self.organizedCourse(sql, principal, id: courseId)
            if course.cancelled { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("course", Catalogue.courseCancelledNoTrainees)]) }
            guard let found = try await TrainingStore.person(sql, principal, number: person) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.trainingPersonNotFound)])
            }
            let result = try TrainingRules.check(outcome, courseStartsOn: course.startsOn, today: today).get()
            let sending = try await Self.place(sql, principal, code: sendingCode, default: found, field: "sending_unit_code")
            if try await Self.activeEnrollment(sql, courseId: courseId, person: found) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.traineeAlreadyEnrolled(found.fullName))])
            }
            let id = try await Self.insertEnrollment(
                sql, principal, course: course, person: found, sending: sending, outcome: result, importAuditId: nil)
            return try await TrainingStore.findEnrollment(sql, id: id)!
        }
    }

    /// Enrolls every person of a pasted list (one number per line, or separated by commas, semicolons, spaces), all or
    /// nothing: an unknown number refuses the whole list, each named; those already in the course are skipped.
    public func enrollMany(
        _ principal: Principal, courseId: Int64, numbers text: String, sendingCode: String = "", today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> BulkEnrollment {
        let numbers = try Self.pasted(text)
        return try await db.write { sql in
            let course = try await Self.organizedCourse(sql, principal, id: courseId)
            if course.cancelled { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("course", Catalogue.courseCancelledNoTrainees)]) }
            let people = try await Self.people(sql, principal, numbers: numbers, placeCode: sendingCode, field: "sending_unit_code")
            var added: [TrainingEnrollment] = []
            var already: [String] = []
            for (number, person, sending) in people {
                if try await Self.activeEnrollment(sql, courseId: courseId, person: person) != nil {
                    already.append(number)
                    continue
                }
                let id = try await Self.insertEnrollment(
                    sql, principal, course: course, person: person, sending: sending,
                    outcome: TrainingOutcome(result: nil, certificateNo: nil, certificateOn: nil),
                    importAuditId: nil)
                added.append(try await TrainingStore.findEnrollment(sql, id: id)!)
            }
            return BulkEnrollment(added: added, alreadyEnrolled: already)
        }
    }

    /// The numbers of a pasted list (1 to 2,000).
    static func pasted(_ text: String) throws -> [String] {
        let numbers = TrainingRules.numbers(in: text)
        if numbers.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("numbers", Catalogue.required)]) }
        if numbers.count > 2000 { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("numbers", Catalogue.outOfRange(1, 2000))]) }
        return numbers
    }

    /// The people of a pasted list, each once, with the place that sends them (or where they work): `placeCode`, else
    /// the unit holding their record. Every number not found (or whose place is not in scope) is named, and then
    /// nothing is done.
    static func people(
        _ sql: any SQLDatabase, _ principal: Principal, numbers: [String], placeCode: String, field: String
    ) async throws
        -> [(number: String, person: TrainingPerson, place: PositionPlace)]
    {
        var problems: [FieldError] = []
        var people: [(number: String, person: TrainingPerson, place: PositionPlace)] = []
        var seen: Set<String> = []
        for number in numbers {
            guard let person = try await TrainingStore.person(sql, principal, number: number) else {
                problems.append(FieldError("numbers", Catalogue.bulkNumberNotFound(number)))
                continue
            }
            guard seen.insert(person.key).inserted else { continue }
            do {
                people.append((number, person, try await place(sql, principal, code: placeCode, default: person, field: field)))
            } catch DomainError.invalid(_, let errors) {
                problems += errors.map { FieldError($0.field, Catalogue.bulkNumberProblem(number, $0.message)) }
            }
        }
        if !problems.isEmpty { throw DomainError.invalid(Catalogue.bulkRefused, problems) }
        return people
    }

    /// A place in scope by code, or the unit holding the person's record when `code` is empty.
    static func place(
        _ sql: any SQLDatabase, _ principal: Principal, code: String, default person: TrainingPerson, field: String
    ) async throws
        -> PositionPlace
    {
        let wanted = code.trimmed.isEmpty ? person.unitCode : code.trimmed
        guard let place = try await CadreStore.place(sql, code: wanted), principal.sees(path: place.path) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.placeNotFound)])
        }
        return place
    }

    static func activeEnrollment(_ sql: any SQLDatabase, courseId: Int64, person: TrainingPerson) async throws -> Int64? {
        try await sql.raw(
            """
            SELECT e.id FROM training_enrollments e
            WHERE e.course_id = \(bind: courseId) AND e.annulled_on IS NULL AND \(TrainingStore.isPerson("e", person))
            """
        ).first()?.decode(column: "id", as: Int64.self)
    }

    static func insertEnrollment(
        _ sql: any SQLDatabase, _ principal: Principal, course: TrainingCourse, person: TrainingPerson, sending: PositionPlace,
        outcome: TrainingOutcome,
        importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        let id = try await sql.raw(
            """
            INSERT INTO training_enrollments (course_id, member_id, cadre_id, sending_unit_id, sending_agency_id, result, certificate_no,
                certificate_on,
                version, created_by, created_at, updated_at, import_audit_id)
            VALUES (\(bind: course.id), \(bind: person.memberId), \(bind: person.memberId == nil ? person.cadreId : nil),
                \(bind: sending.isAgency ? nil : sending.id), \(bind: sending.isAgency ? sending.id : nil), \(bind: outcome.result?.rawValue),
                \(bind: outcome.certificateNo), \(bind: outcome.certificateOn?.iso), 1, \(bind: principal.actor), \(bind: now), \(bind: now),
                \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        if importAuditId == nil {
            let saved = try await TrainingStore.findEnrollment(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: enrollmentEntity, key: String(id),
                unitPath: course.organizer.path, old: nil,
                new: saved.auditValues.merging(["course": course.code, "full_name": person.fullName, "version": "1"]) { $1 })
        }
        return id
    }

    /// Records a trainee's result and certificate, or corrects the sending unit, from `expectedVersion`.
    public func updateEnrollment(
        _ principal: Principal, id: Int64, sendingCode: String, outcome draft: OutcomeDraft, expectedVersion: Int,
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TrainingEnrollment {
        try await db.write { sql in
            let (current, course) = try await Self.organizedEnrollment(sql, principal, id: id)
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: Self.enrollmentEntity, key: String(id), baseVersion: expectedVersion, current: current.auditValues,
                    currentVersion: current.version, fallback: [:])
            }
            let outcome = try TrainingRules.check(draft, courseStartsOn: course.startsOn, today: today).get()
            let sending = try await Self.place(
                sql, principal, code: sendingCode.trimmed.isEmpty ? current.sending.code : sendingCode, default: current.person,
                field: "sending_unit_code")
            try await Self.writeEnrollment(sql, id: id, sending: sending, outcome: outcome)
            let saved = try await TrainingStore.findEnrollment(sql, id: id)!
            if saved.auditValues != current.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.enrollmentEntity, key: String(id),
                    unitPath: course.organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: saved.auditValues.merging(["version": String(saved.version)]) { $1 })
            }
            return saved
        }
    }

    static func writeEnrollment(_ sql: any SQLDatabase, id: Int64, sending: PositionPlace, outcome: TrainingOutcome) async throws {
        try await sql.raw(
            """
            UPDATE training_enrollments SET sending_unit_id = \(bind: sending.isAgency ? nil : sending.id),
                sending_agency_id = \(bind: sending.isAgency ? sending.id : nil), result = \(bind: outcome.result?.rawValue),
                certificate_no = \(bind: outcome.certificateNo), certificate_on = \(bind: outcome.certificateOn?.iso), version = version + 1,
                updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id)
            """
        ).run()
    }

    /// One trainee with the course, for its page; `notFound` unless the principal organizes the course or sent the
    /// trainee.
    public func enrollment(
        _ principal: Principal, id: Int64
    ) async throws -> (enrollment: TrainingEnrollment, course: TrainingCourse, organizes: Bool) {
        try await db.read { sql in
            guard let enrollment = try await TrainingStore.findEnrollment(sql, id: id) else {
                throw DomainError.notFound(Catalogue.enrollmentNotFound)
            }
            let (course, organizes) = try await Self.visibleCourse(sql, principal, id: enrollment.courseId)
            guard organizes || principal.sees(path: enrollment.sending.path) else { throw DomainError.notFound(Catalogue.enrollmentNotFound) }
            return (enrollment, course, organizes)
        }
    }

    static func organizedEnrollment(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> (TrainingEnrollment, TrainingCourse) {
        guard let enrollment = try await TrainingStore.findEnrollment(sql, id: id) else { throw DomainError.notFound(Catalogue.enrollmentNotFound) }
        let (course, organizes) = try await visibleCourse(sql, principal, id: enrollment.courseId)
        guard organizes || principal.sees(path: enrollment.sending.path) else { throw DomainError.notFound(Catalogue.enrollmentNotFound) }
        try principal.requireWrite()
        guard organizes else { throw DomainError.forbidden(Catalogue.courseOrganizerOnly) }
        guard enrollment.isActive else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("enrollment", Catalogue.enrollmentAnnulled)])
        }
        return (enrollment, course)
    }

    /// Annuls a trainee entered by mistake, with a reason: the row stays (marked), the counts leave it out.
    public func annulEnrollment(
        _ principal: Principal, id: Int64, reason: String, today: CivilDate = Timestamp.vietnamDate()
    ) async throws
        -> TrainingEnrollment
    {
        let why = try Self.reason(reason)
        return try await db.write { sql in
            let (current, course) = try await Self.organizedEnrollment(sql, principal, id: id)
            try await sql.raw(
                """
                UPDATE training_enrollments SET annulled_on = \(bind: today.iso), annul_reason = \(bind: why), version = version + 1,
                    updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)
                """
            ).run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "void", entity: Self.enrollmentEntity, key: String(id),
                unitPath: course.organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: ["annulled_on": today.iso, "reason": why, "version": String(current.version + 1)])
            return try await TrainingStore.findEnrollment(sql, id: id)!
        }
    }

    static func reason(_ text: String) throws -> String {
        let why = text.trimmed
        if why.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("reason", Catalogue.reasonRequired)]) }
        if why.count > TrainingRules.maximumReasonLength {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("reason", Catalogue.tooLong(TrainingRules.maximumReasonLength))])
        }
        return why
    }

    /// The trainees of a course as a spreadsheet, header first (national IDs masked for roles without personal data).
    public func exportTrainees(_ principal: Principal, courseId: Int64) async throws -> [[String]] {
        let detail = try await course(principal, id: courseId)
        let language = principal.language
        let personal = principal.role.seesPersonalData
        let header = [
            Catalogue.fullName, Catalogue.cardNo, Catalogue.nationalIdLabel, Catalogue.birthDate, Catalogue.sendingUnit,
            Catalogue.trainingResultLabel,
            Catalogue.certificateNo, Catalogue.certificateOn,
        ].map { $0.text(language) }
        let date = { (d: CivilDate?) in d.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? "" }
        return [header]
            + detail.trainees.map { e in
                [
                    e.person.fullName, e.person.cardNo ?? "", e.person.nationalId.map { personal ? $0 : NationalID.mask($0) } ?? "",
                    date(e.person.birthDate),
                    e.sending.name, e.outcome.result?.label.text(language) ?? "", e.outcome.certificateNo ?? "", date(e.outcome.certificateOn),
                ]
            }
    }

    // MARK: - Counts for the briefing report

    /// "Trained" of a briefing report (DOMAIN.md §5; "cử 1.656 cán bộ đi đào tạo"): the number of trainee enrollments
    /// (lượt người: a person in two courses counts twice) that are not annulled, in courses that are not cancelled and
    /// whose first day falls within `[from, to]` (both included), sent by a party unit or an agency (through the party
    /// unit that leads it) in the subtree of `unitCode` — wherever the course was organized, inside the subtree or not.
    /// A withdrawn trainee was sent and counts. Units are placed where they are now.
    public func trainedCount(_ principal: Principal, unitCode: String, from: CivilDate, to: CivilDate) async throws -> Int {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        return try await db.read { sql in
            try await sql.raw(
                """
                SELECT COUNT(*) AS n FROM training_enrollments e
                    JOIN training_courses c ON c.id = e.course_id \(unsafeRaw: TrainingStore.sending.joins)
                WHERE e.annulled_on IS NULL AND c.status IS NULL AND c.starts_on >= \(bind: from.iso) AND c.starts_on <= \(bind: to.iso)
                AND \(unsafeRaw: TrainingStore.sending.path) >= \(bind: range.lower)
                    AND \(unsafeRaw: TrainingStore.sending.path) < \(bind: range.upper)
                """
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Courses organized (DOMAIN.md §5; "14 lớp … 133 học viên"): the courses that are not cancelled, organized by a
    /// party unit or an agency in the subtree of `unitCode`, whose first day falls within `[from, to]`, each with its
    /// trainees not annulled (from any sending unit), by first day.
    public func coursesOrganized(_ principal: Principal, unitCode: String, from: CivilDate, to: CivilDate) async throws -> [CourseSummary] {
        if to < from { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)]) }
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        let path = TrainingStore.organizer.path
        return try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: TrainingStore.courseColumns), \(unsafeRaw: TrainingStore.activeTrainees) AS trainees
                    FROM \(unsafeRaw: TrainingStore.courseFrom)
                WHERE c.status IS NULL AND c.starts_on >= \(bind: from.iso) AND c.starts_on <= \(bind: to.iso)
                AND \(unsafeRaw: path) >= \(bind: range.lower) AND \(unsafeRaw: path) < \(bind: range.upper) ORDER BY c.starts_on, c.id
                """
            ).all().map { CourseSummary(course: try TrainingStore.course(from: $0), trainees: try $0.decode(column: "trainees", as: Int.self)) }
        }
    }

    /// Both figures for a subtree and a period.
    public func summary(_ principal: Principal, unitCode: String, from: CivilDate, to: CivilDate) async throws -> TrainingSummary {
        TrainingSummary(
            unitCode: unitCode.trimmed.isEmpty ? principal.unitCode : unitCode.trimmed, from: from, to: to,
            trained: try await trainedCount(principal, unitCode: unitCode, from: from, to: to),
            courses: try await coursesOrganized(principal, unitCode: unitCode, from: from, to: to))
    }

    // MARK: - A person's record

    /// The courses and exams of a member (`memberId`) or of a cadre (`cadreId`: a member's cadre record reads the
    /// member's), for their page; `notFound` when the principal does not see the person.
    public func personRecords(_ principal: Principal, memberId: Int64? = nil, cadreId: Int64? = nil) async throws -> PersonTraining {
        try await db.read { sql in
            var person: TrainingPerson? = nil
            if let cadreId {
                let cadre = try await CadreService.visible(sql, principal, id: cadreId)
                person = try await TrainingStore.person(sql, memberId: cadre.memberId, cadreId: cadre.memberId == nil ? cadre.id : nil)
            } else if let memberId, let member = try await MemberStore.find(sql, id: memberId), principal.sees(path: member.unitPath) {
                person = try await TrainingStore.person(sql, memberId: memberId, cadreId: nil)
            }
            guard let person else { throw DomainError.notFound(Catalogue.notFound) }
            return try await Self.records(sql, of: person)
        }
    }

    /// The courses and exams of a member the caller already read with `MemberService.get`.
    public func personRecords(_ principal: Principal, member: Member) async throws -> PersonTraining {
        try MemberService.requireSees(principal, member)
        let person = TrainingPerson(
            memberId: member.id, cadreId: nil, fullName: member.record.fullName, cardNo: member.record.cardNo, nationalId: member.record.nationalId,
            gender: member.record.gender, birthDate: member.record.birthDate, unitCode: member.record.unitCode, unitName: member.unitName,
            unitPath: member.unitPath)
        return try await db.read { sql in try await Self.records(sql, of: person) }
    }

    static func records(_ sql: any SQLDatabase, of person: TrainingPerson) async throws -> PersonTraining {
            let enrollments = try await sql.raw(
                """
                SELECT \(unsafeRaw: TrainingStore.enrollmentColumns) FROM \(unsafeRaw: TrainingStore.enrollmentFrom)
                WHERE e.annulled_on IS NULL AND \(TrainingStore.isPerson("e", person))
                """
            ).all().map(TrainingStore.enrollment)
            var courses: [PersonCourse] = []
            for e in enrollments {
                if let course = try await TrainingStore.findCourse(sql, id: e.courseId) {
                    courses.append(PersonCourse(course: course, enrollment: e))
                }
            }
            let candidates = try await sql.raw(
                """
                SELECT \(unsafeRaw: TrainingStore.candidateColumns) FROM \(unsafeRaw: TrainingStore.candidateFrom)
                WHERE k.annulled_on IS NULL AND \(TrainingStore.isPerson("k", person))
                """
            ).all().map(TrainingStore.candidate)
            let plans = try await TrainingStore.plans(sql, candidateIds: candidates.map(\.id))
            var exams: [PersonExam] = []
            for k in candidates {
                guard let session = try await TrainingStore.findSession(sql, id: k.sessionId) else { continue }
                exams.append(
                    PersonExam(
                        session: session, candidate: k, outcome: ExamRules.outcome(score: k.score, passMark: session.passMark), plan: plans[k.id]))
            }
            return PersonTraining(
                courses: courses.sorted { ($0.course.startsOn, $0.course.id) > ($1.course.startsOn, $1.course.id) },
                exams: exams.sorted { ($0.session.heldOn, $0.session.id) > ($1.session.heldOn, $1.session.id) })
    }

    /// A duplicate member merged into the kept one (`MemberService.merge`): its courses and exams follow.
    static func followMerge(_ sql: any SQLDatabase, keep: Int64, duplicate: Int64) async throws {
        try await TrainingStore.followMerge(sql, keep: keep, duplicate: duplicate)
    }
}
