import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `trainings.csv` (INTERCHANGE.md; docs/interchange.md): one row per trainee with its course's columns; all or
/// nothing, every wrong row named, idempotent, one audit entry per file imported.
enum TrainingImport {
    /// The form fields of `CourseDraft` as the file names them.
    static let courseColumn = ["code": "course_code", "kind": "course_kind", "name": "course_name", "status": "course_status"]

    struct Row {
        let line: Int
        let course: ValidCourse
        let code: String
        let organizer: PositionPlace
        let person: TrainingPerson?
        let sending: PositionPlace?
        let outcome: TrainingOutcome
    }

    static func importTrainings(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String),
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> CadreImport.Counts {
        let file = TrainingsFile.fileName
        guard let index = try CadreImport.header(records, columns: TrainingsFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var places = TrainingImport.Places(sql: sql, principal: principal)
        var firstCourse: [String: (line: Int, course: ValidCourse)] = [:]
        var firstEnrollment: [String: Int] = [:]
        var rows: [Row] = []
        func place(_ code: String) async throws -> PositionPlace? { try await places.find(code) }
        for record in records.dropFirst() {
            if let wrong = TrainingImport.wrongWidth(record, width, file: file) {
                problems.append(wrong)
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            func problem(_ column: String?, _ reason: Localized) {
                problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason))
            }
            let code = cell("course_code")
            if code.isEmpty { problem("course_code", Catalogue.required) }
            let draft = CourseDraft(
                code: code, kind: cell("course_kind"), name: cell("course_name"), organizerCode: cell("organizer_code"), place: cell("place"),
                startsOn: cell("starts_on"), endsOn: cell("ends_on"), decisionNo: cell("decision_no"), status: cell("course_status"))
            var course: ValidCourse? = nil
            switch TrainingRules.check(draft) {
            case .success(let valid): course = valid
            case .failure(.invalid(_, let errors)): for e in errors { problem(courseColumn[e.field] ?? e.field, e.message) }
            case .failure(let error): problem(nil, error.message)
            }
            let organizer = draft.organizerCode.trimmed.isEmpty ? nil : try await place(draft.organizerCode.trimmed)
            if organizer == nil && !draft.organizerCode.trimmed.isEmpty { problem("organizer_code", Catalogue.placeNotFound) }
            if let course, !code.isEmpty {
                if let first = firstCourse[code] {
                    if first.course != course { problem("course_code", Catalogue.trainingsCourseDiffers(code, firstLine: first.line)) }
                } else {
                    firstCourse[code] = (record.line, course)
                    if let stored = try await TrainingStore.findCourse(sql, code: code), !principal.sees(path: stored.organizer.path) {
                        problem("course_code", Catalogue.courseCodeTaken)
                    }
                }
            }
            let who = try await Self.person(
                sql, principal, cell: cell, placeColumn: "sending_unit_code", others: ["result", "certificate_no", "certificate_on"], place: place,
                problem: problem)
            if let who {
                let key = code + "|" + who.person.key
                if let first = firstEnrollment[key] {
                    problem(who.column, Catalogue.importDuplicateKey(code + " " + who.number, firstLine: first))
                } else {
                    firstEnrollment[key] = record.line
                }
            }
            var outcome = TrainingOutcome(result: nil, certificateNo: nil, certificateOn: nil)
            let outcomeDraft = OutcomeDraft(result: cell("result"), certificateNo: cell("certificate_no"), certificateOn: cell("certificate_on"))
            switch TrainingRules.check(outcomeDraft, courseStartsOn: course?.startsOn ?? UnitVersion.epoch, today: today) {
            case .success(let valid): outcome = valid
            case .failure(.invalid(_, let errors)): for e in errors { problem(e.field, e.message) }
            case .failure(let error): problem(nil, error.message)
            }
            guard let course, let organizer, !code.isEmpty else { continue }
            rows.append(
                Row(line: record.line, course: course, code: code, organizer: organizer, person: who?.person, sending: who?.place, outcome: outcome))
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }

        // What the database has for these courses, and what changes.
        var existing: [String: TrainingCourse] = [:]
        var enrolled: [String: TrainingEnrollment] = [:]
        for code in Set(rows.map(\.code)) {
            guard let course = try await TrainingStore.findCourse(sql, code: code) else { continue }
            existing[code] = course
            for e in try await TrainingStore.enrollments(sql, courseId: course.id) where e.isActive { enrolled[code + "|" + e.person.key] = e }
        }
        var unchanged = 0
        var newCourses: [Row] = []
        var changedCourses: [(Row, TrainingCourse)] = []
        var seenCourse: Set<String> = []
        var newEnrollments: [Row] = []
        var changedEnrollments: [(Row, TrainingEnrollment)] = []
        for row in rows {
            if seenCourse.insert(row.code).inserted {
                if let current = existing[row.code] {
                    if current.auditValues == values(row) { unchanged += 1 } else { changedCourses.append((row, current)) }
                } else {
                    newCourses.append(row)
                }
            }
            guard let person = row.person, let sending = row.sending else { continue }
            if let current = enrolled[row.code + "|" + person.key] {
                if current.sending.code == sending.code && current.outcome == row.outcome {
                    unchanged += 1
                } else {
                    changedEnrollments.append((row, current))
                }
            } else {
                newEnrollments.append(row)
            }
        }
        let created = newCourses.count + newEnrollments.count
        let updated = changedCourses.count + changedEnrollments.count
        if created + updated == 0 { return (0, 0, unchanged) }
        let auditId = try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: ["file": file, "sha256": source.hash, "rows": String(records.count - 1), "created": String(created), "updated": String(updated)])
        for row in newCourses {
            existing[row.code] = try await TrainingStore.findCourse(
                sql, id: try await TrainingService.insertCourse(sql, principal, row.course, organizer: row.organizer, importAuditId: auditId))
        }
        for (row, current) in changedCourses {
            _ = try await TrainingService.writeCourse(
                sql, id: current.id, row.course, code: row.code, organizer: row.organizer, expectedVersion: current.version)
            let saved = try await TrainingStore.findCourse(sql, id: current.id)!
            existing[row.code] = saved
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: TrainingService.courseEntity,
                key: String(current.id),
                unitPath: row.organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: saved.auditValues.merging(["version": String(saved.version), "import": String(auditId)]) { $1 })
        }
        for row in newEnrollments {
            _ = try await TrainingService.insertEnrollment(
                sql, principal, course: existing[row.code]!, person: row.person!, sending: row.sending!, outcome: row.outcome, importAuditId: auditId)
        }
        for (row, current) in changedEnrollments {
            try await TrainingService.writeEnrollment(sql, id: current.id, sending: row.sending!, outcome: row.outcome)
            let saved = try await TrainingStore.findEnrollment(sql, id: current.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: TrainingService.enrollmentEntity,
                key: String(current.id), unitPath: row.organizer.path,
                old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: saved.auditValues.merging(["version": String(saved.version), "import": String(auditId)]) { $1 })
        }
        return (created, updated, unchanged)
    }

    /// Party units and agencies by code, each looked up once; those outside the principal's scope are not found.
    struct Places {
        let sql: any SQLDatabase
        let principal: Principal
        var found: [String: PositionPlace?] = [:]

        mutating func find(_ code: String) async throws -> PositionPlace? {
            if found[code] == nil { found[code] = .some(try await CadreStore.place(sql, code: code)) }
            return (found[code] ?? nil).flatMap { principal.sees(path: $0.path) ? $0 : nil }
        }
    }

    /// The problem of a row whose number of fields is not the header's.
    static func wrongWidth(_ record: CSV.Record, _ width: Int, file: String) -> ImportProblem? {
        record.fields.count == width
            ? nil : ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width))
    }

    /// Who a row names, by which number (and in which column), and the place of `placeColumn`.
    struct RowPerson {
        let person: TrainingPerson
        let number: String
        let column: String
        let place: PositionPlace
    }

    /// The person of a row — card number first, then national ID, of someone the principal sees — and the place in
    /// `placeColumn` (empty: the unit holding the person's record). Nil, without a problem, when both person columns
    /// are empty and so are `others` (a row about the course or session alone); every other gap is a problem.
    static func person(
        _ sql: any SQLDatabase, _ principal: Principal, cell: (String) -> String, placeColumn: String, others: [String],
        place: (String) async throws -> PositionPlace?, problem: (String?, Localized) -> Void
    ) async throws -> RowPerson? {
        let card = cell("card_no")
        let nid = cell("national_id")
        let column = card.isEmpty ? "national_id" : "card_no"
        let number = card.isEmpty ? nid : card
        if number.isEmpty {
            if ([placeColumn] + others).contains(where: { !cell($0).isEmpty }) { problem("national_id", Catalogue.importPersonMissing) }
            return nil
        }
        var found: TrainingPerson? = nil
        for candidate in [card, nid] where !candidate.isEmpty && found == nil {
            found = try await TrainingStore.person(sql, principal, number: candidate)
        }
        guard let found else {
            problem(column, Catalogue.trainingNumberNotFound(number))
            return nil
        }
        guard let at = try await place(cell(placeColumn).isEmpty ? found.unitCode : cell(placeColumn)) else {
            problem(placeColumn, Catalogue.placeNotFound)
            return nil
        }
        return RowPerson(person: found, number: number, column: column, place: at)
    }

    /// A row's course as `TrainingCourse.auditValues` would show it once stored.
    static func values(_ row: Row) -> [String: String?] {
        let c = row.course
        return [
            "code": row.code, "kind": c.kind.rawValue, "name": c.name, "organizer_code": row.organizer.code, "place": c.place,
            "starts_on": c.startsOn.iso, "ends_on": c.endsOn.iso, "decision_no": c.decisionNo,
            "status": c.cancelled ? CourseStatus.cancelled.rawValue : nil,
        ]
    }

    /// The rows of `trainings.csv` for courses organized in the principal's subtree: each active trainee, or the course
    /// alone when it has none; header first. Members are named by national ID and card number, others by national ID.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let path = TrainingStore.organizer.path
        let courses = try await sql.raw(
            """
            SELECT \(unsafeRaw: TrainingStore.courseColumns) FROM \(unsafeRaw: TrainingStore.courseFrom)
            WHERE \(unsafeRaw: path) >= \(bind: range.lower) AND \(unsafeRaw: path) < \(bind: range.upper) ORDER BY c.starts_on, c.code
            """
        ).all().map(TrainingStore.course)
        var out = [TrainingsFile.columns.map(\.name)]
        for c in courses {
            let course = [
                c.code, c.kind.rawValue, c.name, c.organizer.code, c.place ?? "", c.startsOn.iso, c.endsOn.iso, c.decisionNo ?? "",
                c.cancelled ? CourseStatus.cancelled.rawValue : "",
            ]
            let trainees = try await TrainingStore.enrollments(sql, courseId: c.id).filter(\.isActive)
            if trainees.isEmpty { out.append(course + Array(repeating: "", count: 6)) }
            for e in trainees {
                out.append(
                    course + [
                        e.person.nationalId ?? "", e.person.cardNo ?? "", e.sending.code, e.outcome.result?.rawValue ?? "",
                        e.outcome.certificateNo ?? "",
                        e.outcome.certificateOn?.iso ?? "",
                    ])
            }
        }
        return out
    }
}
