import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `exams.csv` (docs/interchange.md): one row per candidate with the session's columns and the training plan after a
/// failed sát hạch; all or nothing, every wrong row named, idempotent, one audit entry per file imported.
enum ExamImport {
    /// The form fields of `ExamSessionDraft` and `TrainingPlanDraft` as the file names them.
    static let column = [
        "code": "exam_code", "kind": "exam_kind", "name": "exam_name", "training": "plan_training", "deadline": "plan_deadline",
        "completed_on": "plan_completed_on",
    ]

    struct Row {
        let line: Int
        let session: ValidExamSession
        let code: String
        let organizer: PositionPlace
        let who: TrainingImport.RowPerson?
        let score: ExamScore?
        let plan: ValidTrainingPlan?
        let courseId: Int64?
        let closed: (on: CivilDate, reason: String)?
    }

    static func importExams(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String),
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> CadreImport.Counts {
        let file = ExamsFile.fileName
        guard let index = try CadreImport.header(records, columns: ExamsFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var places = TrainingImport.Places(sql: sql, principal: principal)
        var firstSession: [String: (line: Int, session: ValidExamSession)] = [:]
        var firstCandidate: [String: Int] = [:]
        var rows: [Row] = []
        func place(_ code: String) async throws -> PositionPlace? { try await places.find(code) }
        for record in records.dropFirst() {
            if let wrong = TrainingImport.wrongWidth(record, width, file: file) {
                problems.append(wrong)
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            func problem(_ name: String?, _ reason: Localized) {
                problems.append(ImportProblem(file: file, line: record.line, column: name, reason: reason))
            }
            func invalid<T>(_ result: Result<T, DomainError>) {
                if case .failure(.invalid(_, let errors)) = result { for e in errors { problem(column[e.field] ?? e.field, e.message) } }
            }
            let code = cell("exam_code")
            if code.isEmpty { problem("exam_code", Catalogue.required) }
            let checked = ExamRules.check(
                ExamSessionDraft(
                    code: code, kind: cell("exam_kind"), name: cell("exam_name"), heldOn: cell("held_on"), organizerCode: cell("organizer_code"),
                    passMark: cell("pass_mark")))
            invalid(checked)
            let session = try? checked.get()
            let organizer = cell("organizer_code").isEmpty ? nil : try await place(cell("organizer_code"))
            if organizer == nil && !cell("organizer_code").isEmpty { problem("organizer_code", Catalogue.placeNotFound) }
            if let session, !code.isEmpty {
                if let first = firstSession[code] {
                    if first.session != session { problem("exam_code", Catalogue.examsSessionDiffers(code, firstLine: first.line)) }
                } else {
                    firstSession[code] = (record.line, session)
                    if let stored = try await TrainingStore.findSession(sql, code: code), !principal.sees(path: stored.organizer.path) {
                        problem("exam_code", Catalogue.examCodeTaken)
                    }
                }
            }
            let planColumns = ["plan_training", "plan_deadline", "plan_course_code", "plan_completed_on", "plan_closed_on", "plan_close_reason"]
            let who = try await TrainingImport.person(
                sql, principal, cell: cell, placeColumn: "work_unit_code", others: ["score"] + planColumns, place: place, problem: problem)
            if let who {
                let key = code + "|" + who.person.key
                if let first = firstCandidate[key] {
                    problem(who.column, Catalogue.importDuplicateKey(code + " " + who.number, firstLine: first))
                } else {
                    firstCandidate[key] = record.line
                }
            }
            let scored = ExamRules.checkScore(cell("score"))
            invalid(scored)
            let score = (try? scored.get()) ?? nil
            // The plan: only after a failed sát hạch; its course must hold the person already (trainings.csv loads first).
            var plan: ValidTrainingPlan? = nil
            var courseId: Int64? = nil
            var closed: (on: CivilDate, reason: String)? = nil
            if planColumns.contains(where: { !cell($0).isEmpty }), let session {
                if session.kind != .proficiency || ExamRules.outcome(score: score, passMark: session.passMark) != .failed {
                    problem("plan_training", Catalogue.planOnlyAfterFailedCheck)
                }
                let draft = TrainingPlanDraft(
                    training: cell("plan_training"), deadline: cell("plan_deadline"), courseCode: cell("plan_course_code"),
                    completedOn: cell("plan_completed_on"))
                let checkedPlan = ExamRules.check(draft, failedOn: session.heldOn, today: today)
                invalid(checkedPlan)
                plan = try? checkedPlan.get()
                if let courseCode = plan?.courseCode, let who {
                    courseId = try await planCourse(sql, principal, code: courseCode, person: who.person)
                    if courseId == nil { problem("plan_course_code", Catalogue.planCourseWithoutPerson(courseCode)) }
                }
                let closedOn = cell("plan_closed_on")
                let reason = cell("plan_close_reason")
                if !closedOn.isEmpty || !reason.isEmpty {
                    if let date = CivilDate(parsing: closedOn), !reason.isEmpty, reason.count <= TrainingRules.maximumReasonLength {
                        closed = (date, reason)
                    } else {
                        problem(
                            closedOn.isEmpty || CivilDate(parsing: closedOn) == nil ? "plan_closed_on" : "plan_close_reason",
                            Catalogue.planCloseNeedsBoth)
                    }
                }
            }
            guard let session, let organizer, !code.isEmpty else { continue }
            rows.append(
                Row(
                    line: record.line, session: session, code: code, organizer: organizer, who: who, score: score, plan: plan, courseId: courseId,
                    closed: closed))
        }
        if !problems.isEmpty { throw CadreImport.sorted(problems) }
        return try await write(sql, principal: principal, rows: rows, records: records.count - 1, source: source)
    }

    /// The course a plan names, when the person is an active trainee of it (the file enrols nobody).
    static func planCourse(_ sql: any SQLDatabase, _ principal: Principal, code: String, person: TrainingPerson) async throws -> Int64? {
        guard let course = try await TrainingStore.findCourse(sql, code: code),
            (try? await TrainingService.visibleCourse(sql, principal, id: course.id)) != nil,
            try await TrainingService.activeEnrollment(sql, courseId: course.id, person: person) != nil
        else { return nil }
        return course.id
    }

    static func write(
        _ sql: any SQLDatabase, principal: Principal, rows: [Row], records: Int, source: (name: String, hash: String)
    ) async throws -> CadreImport.Counts {
        var sessions: [String: ExamSession] = [:]
        var candidates: [String: ExamCandidate] = [:]
        var plans: [Int64: TrainingPlan] = [:]
        for code in Set(rows.map(\.code)) {
            guard let session = try await TrainingStore.findSession(sql, code: code) else { continue }
            sessions[code] = session
            let active = try await TrainingStore.candidates(sql, sessionId: session.id).filter(\.isActive)
            for k in active { candidates[code + "|" + k.person.key] = k }
            plans.merge(try await TrainingStore.plans(sql, candidateIds: active.map(\.id))) { a, _ in a }
        }
        // What changes: sessions (once each), candidates, plans.
        var unchanged = 0
        var seen: Set<String> = []
        var sessionWork: [Row] = []
        var candidateWork: [Row] = []
        for row in rows {
            if seen.insert(row.code).inserted {
                if let current = sessions[row.code], current.auditValues == values(row) { unchanged += 1 } else { sessionWork.append(row) }
            }
            guard let who = row.who else { continue }
            let current = candidates[row.code + "|" + who.person.key]
            let currentPlan = current.flatMap { plans[$0.id] }
            let sameCandidate = current.map { $0.work.code == who.place.code && $0.score == row.score } ?? false
            // A row without plan columns says nothing about a plan (plans are closed, never removed).
            let samePlan = row.plan == nil || currentPlan.map { values($0) == values(row.plan, courseId: row.courseId, closed: row.closed) } == true
            if sameCandidate && samePlan { unchanged += 1 } else { candidateWork.append(row) }
        }
        let created =
            sessionWork.filter { sessions[$0.code] == nil }.count
            + candidateWork.filter { candidates[$0.code + "|" + $0.who!.person.key] == nil }.count
        let updated = sessionWork.count + candidateWork.count - created
        if sessionWork.isEmpty && candidateWork.isEmpty { return (0, 0, unchanged) }
        let auditId = try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: ["file": ExamsFile.fileName, "sha256": source.hash, "rows": String(records), "created": String(created), "updated": String(updated)])
        func audit(_ entity: String, _ id: Int64, _ path: String, old: [String: String?], new: [String: String?]) async throws {
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: entity, key: String(id), unitPath: path, old: old,
                new: new.merging(["import": String(auditId)]) { $1 })
        }
        for row in sessionWork {
            if let current = sessions[row.code] {
                _ = try await TrainingService.writeSession(
                    sql, id: current.id, row.session, code: row.code, organizer: row.organizer, expectedVersion: current.version)
                let saved = try await TrainingStore.findSession(sql, id: current.id)!
                try await audit(TrainingService.sessionEntity, current.id, row.organizer.path, old: current.auditValues, new: saved.auditValues)
                sessions[row.code] = saved
            } else {
                let id = try await TrainingService.insertSession(sql, principal, row.session, organizer: row.organizer, importAuditId: auditId)
                sessions[row.code] = try await TrainingStore.findSession(sql, id: id)!
            }
        }
        for row in candidateWork {
            let who = row.who!
            let session = sessions[row.code]!
            var candidateId: Int64
            if let current = candidates[row.code + "|" + who.person.key] {
                candidateId = current.id
                if current.work.code != who.place.code || current.score != row.score {
                    try await sql.raw(
                        """
                        UPDATE exam_candidates SET work_unit_id = \(bind: who.place.isAgency ? nil : who.place.id),
                            work_agency_id = \(bind: who.place.isAgency ? who.place.id : nil), score = \(bind: row.score?.hundredths),
                                version = version + 1,
                            updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: current.id)
                        """
                    ).run()
                    let saved = try await TrainingStore.findCandidate(sql, id: current.id)!
                    try await audit(
                        TrainingService.candidateEntity, current.id, session.organizer.path, old: current.auditValues, new: saved.auditValues)
                }
            } else {
                candidateId = try await TrainingService.insertCandidate(
                    sql, principal, session: session, person: who.person, work: who.place, score: row.score, importAuditId: auditId)
            }
            guard let plan = row.plan else { continue }
            if let current = plans[candidateId] {
                guard values(current) != values(plan, courseId: row.courseId, closed: row.closed) else { continue }
                try await sql.raw(
                    """
                    UPDATE training_plans SET training = \(bind: plan.training), deadline = \(bind: plan.deadline.iso),
                        course_id = \(bind: row.courseId),
                        completed_on = \(bind: plan.completedOn?.iso), closed_on = \(bind: row.closed?.on.iso),
                            close_reason = \(bind: row.closed?.reason),
                        version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: current.id)
                    """
                ).run()
                let saved = try await TrainingStore.findPlan(sql, id: current.id)!
                try await audit(TrainingService.planEntity, current.id, who.place.path, old: current.auditValues, new: saved.auditValues)
            } else {
                _ = try await TrainingService.insertPlan(
                    sql, principal, candidateId: candidateId, plan, courseId: row.courseId, closed: row.closed, importAuditId: auditId)
            }
        }
        return (created, updated, unchanged)
    }

    /// A row's session as `ExamSession.auditValues` would show it once stored.
    static func values(_ row: Row) -> [String: String?] {
        let x = row.session
        return [
            "code": row.code, "kind": x.kind.rawValue, "name": x.name, "held_on": x.heldOn.iso, "organizer_code": row.organizer.code,
            "pass_mark": x.passMark.key,
        ]
    }

    /// What tells two plans apart, stored or read from a row.
    static func values(_ plan: TrainingPlan) -> [String?] {
        [plan.training, plan.deadline.iso, plan.courseId.map(String.init), plan.completedOn?.iso, plan.closedOn?.iso, plan.closeReason]
    }

    static func values(_ plan: ValidTrainingPlan?, courseId: Int64?, closed: (on: CivilDate, reason: String)?) -> [String?] {
        guard let plan else { return [] }
        return [plan.training, plan.deadline.iso, courseId.map(String.init), plan.completedOn?.iso, closed?.on.iso, closed?.reason]
    }

    /// The rows of `exams.csv` for sessions organized in the principal's subtree: each active candidate with the plan,
    /// or the session alone when it has none; header first.
    static func rows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let path = TrainingStore.sessionOrganizer.path
        let sessions = try await sql.raw(
            """
            SELECT \(unsafeRaw: TrainingStore.sessionColumns) FROM \(unsafeRaw: TrainingStore.sessionFrom)
            WHERE \(unsafeRaw: path) >= \(bind: range.lower) AND \(unsafeRaw: path) < \(bind: range.upper) ORDER BY x.held_on, x.code
            """
        ).all().map(TrainingStore.session)
        var out = [ExamsFile.columns.map(\.name)]
        for x in sessions {
            let session = [x.code, x.kind.rawValue, x.name, x.organizer.code, x.heldOn.iso, x.passMark.key]
            let candidates = try await TrainingStore.candidates(sql, sessionId: x.id).filter(\.isActive)
            let plans = try await TrainingStore.plans(sql, candidateIds: candidates.map(\.id))
            if candidates.isEmpty { out.append(session + Array(repeating: "", count: 10)) }
            for k in candidates {
                let p = plans[k.id]
                out.append(
                    session + [
                        k.person.nationalId ?? "", k.person.cardNo ?? "", k.work.code, k.score?.key ?? "", p?.training ?? "", p?.deadline.iso ?? "",
                        p?.courseCode ?? "", p?.completedOn?.iso ?? "", p?.closedOn?.iso ?? "", p?.closeReason ?? "",
                    ])
            }
        }
        return out
    }
}
