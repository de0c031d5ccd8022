import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// What an exam session list is asked for.
public struct ExamQuery: Sendable, Equatable {
    public var text = ""
    /// An `ExamKind` key; empty for every kind.
    public var kind = ""
    public var year: Int? = nil
    public var unitCode = ""
    public var page = 1
    public var perPage = 50

    public init() {}
}

/// A session of a list with its counts.
public struct ExamSessionSummary: Sendable, Equatable {
    public let session: ExamSession
    public let candidates: Int
    public let passed: Int
    public let failed: Int
}

/// A candidate as a session's page shows it: the outcome by the pass mark, and the plan after a failed sát hạch with
/// where it stands.
public struct ExamCandidateRow: Sendable {
    public let candidate: ExamCandidate
    public let outcome: ExamOutcome
    public let plan: TrainingPlan?
    public let planStatus: StaffReductionStatus?
    /// A failed sát hạch without a plan yet: the plan is due (seed 004).
    public var needsPlan: Bool
}

/// Everything a session's page shows.
public struct ExamDetail: Sendable {
    public let session: ExamSession
    /// Active candidates, by name (only those working in the principal's subtree when it does not organize the session).
    public let candidates: [ExamCandidateRow]
    public let annulled: [ExamCandidate]
    public let organizes: Bool
}

/// One person considered for staff reduction (xem xét tinh giản biên chế) on a date, and why.
public struct StaffReductionItem: Sendable {
    public let candidate: ExamCandidate
    /// The sát hạch the person failed.
    public let session: ExamSession
    public let plan: TrainingPlan
    public let reasons: [StaffReductionReason]
}

extension TrainingService {
    static let sessionEntity = "exam_session"
    static let candidateEntity = "exam_candidate"
    static let planEntity = "training_plan"

    // MARK: - Sessions

    /// Sessions seen from the principal's subtree (or a unit's), newest first.
    public func sessions(_ principal: Principal, _ query: ExamQuery) async throws -> Page<ExamSessionSummary> {
        let page = max(1, query.page)
        let perPage = min(max(1, query.perPage), UnitService.maximumPerPage)
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: query.unitCode.trimmed)
        var filter = TrainingStore.sessionInRange(range)
        if !query.kind.trimmed.isEmpty {
            guard let kind = ExamKind.parse(query.kind) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.unknownValue(query.kind))])
            }
            filter = filter + " AND x.kind = \(bind: kind.rawValue)"
        }
        if let year = query.year {
            guard StaffingRules.isValidYear(year) else {
                throw DomainError.invalid(
                    Catalogue.invalidInput, [FieldError("year", Catalogue.outOfRange(StaffingRules.minimumYear, StaffingRules.maximumYear))])
            }
            filter = filter + " AND x.held_on >= \(bind: "\(year)-01-01") AND x.held_on <= \(bind: "\(year)-12-31")"
        }
        for word in VietnameseText.fold(query.text).split(separator: " ").map(String.init) {
            filter = filter + " AND (x.name_folded LIKE \(bind: "%" + word + "%") OR LOWER(x.code) LIKE \(bind: "%" + word + "%"))"
        }
        let conditions = filter
        let counted = "FROM exam_candidates kc WHERE kc.session_id = x.id AND kc.annulled_on IS NULL"
        return try await db.read { sql in
            let total =
                try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: TrainingStore.sessionFrom) WHERE \(conditions)").first()?
                .decode(column: "n", as: Int.self) ?? 0
            let rows = try await sql.raw(
                """
                SELECT \(unsafeRaw: TrainingStore.sessionColumns), (SELECT COUNT(*) \(unsafeRaw: counted)) AS candidates,
                    (SELECT COUNT(*) \(unsafeRaw: counted) AND kc.score >= x.pass_mark) AS passed,
                    (SELECT COUNT(*) \(unsafeRaw: counted) AND kc.score < x.pass_mark) AS failed
                FROM \(unsafeRaw: TrainingStore.sessionFrom) WHERE \(conditions)
                ORDER BY x.held_on DESC, x.id DESC LIMIT \(literal: perPage) OFFSET \(literal: (page - 1) * perPage)
                """
            ).all().map { row in
                ExamSessionSummary(
                    session: try TrainingStore.session(from: row), candidates: try row.decode(column: "candidates", as: Int.self),
                    passed: try row.decode(column: "passed", as: Int.self), failed: try row.decode(column: "failed", as: Int.self))
            }
            return Page(items: rows, page: page, perPage: perPage, total: total)
        }
    }

    /// The session list as a spreadsheet, header first.
    public func exportSessions(_ principal: Principal, _ query: ExamQuery) async throws -> [[String]] {
        var query = query
        query.perPage = UnitService.maximumPerPage
        query.page = 1
        let language = principal.language
        var out = [
            [
                Catalogue.courseCode, Catalogue.examName, Catalogue.examKindLabel, Catalogue.examHeldOn, Catalogue.courseOrganizer,
                Catalogue.passMark,
                Catalogue.examCandidates, Catalogue.examPassed, Catalogue.examFailed,
            ].map { $0.text(language) }
        ]
        while true {
            let page = try await sessions(principal, query)
            for s in page.items {
                let x = s.session
                out.append([
                    x.code, x.name, x.kind.label.text(language), language == .vi ? VietnameseFormat.date(x.heldOn) : EnglishFormat.date(x.heldOn),
                    x.organizer.name, x.passMark.text(language), String(s.candidates), String(s.passed), String(s.failed),
                ])
            }
            if query.page >= page.pageCount { return out }
            query.page += 1
        }
    }

    /// Opens a session organized by a party unit or an agency in scope.
    public func createSession(_ principal: Principal, _ draft: ExamSessionDraft) async throws -> ExamSession {
        try principal.requireWrite()
        let valid = try ExamRules.check(draft).get()
        return try await db.write { sql in
            let organizer = try await Self.organizerPlace(sql, principal, code: valid.organizerCode)
            if let code = valid.code, try await TrainingStore.findSession(sql, code: code) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.examCodeTaken)])
            }
            let id = try await Self.insertSession(sql, principal, valid, organizer: organizer, importAuditId: nil)
            let session = try await TrainingStore.findSession(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.sessionEntity, key: String(id),
                unitPath: organizer.path, old: nil, new: session.auditValues.merging(["version": "1"]) { $1 })
            return session
        }
    }

    static func insertSession(
        _ sql: any SQLDatabase, _ principal: Principal, _ x: ValidExamSession, organizer: PositionPlace, importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        let id = try await sql.raw(
            """
            INSERT INTO exam_sessions (code, kind, name, name_folded, held_on, unit_id, agency_id, pass_mark, version, created_by,
                created_at, updated_at,
                import_audit_id)
            VALUES (\(bind: x.code ?? "new-" + UUID().uuidString), \(bind: x.kind.rawValue), \(bind: x.name), \(bind: VietnameseText.fold(x.name)),
                \(bind: x.heldOn.iso), \(bind: organizer.isAgency ? nil : organizer.id), \(bind: organizer.isAgency ? organizer.id : nil),
                \(bind: x.passMark.hundredths), 1, \(bind: principal.actor), \(bind: now), \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        if x.code == nil {
            let code = try await TrainingStore.freeCode(sql, table: "exam_sessions", prefix: "THI", year: x.heldOn.year, id: id)
            try await sql.raw("UPDATE exam_sessions SET code = \(bind: code) WHERE id = \(bind: id)").run()
        }
        return id
    }

    /// Writes the session when it is still at `expectedVersion`; false when another save came first.
    static func writeSession(
        _ sql: any SQLDatabase, id: Int64, _ x: ValidExamSession, code: String, organizer: PositionPlace, expectedVersion: Int
    ) async throws -> Bool {
        try await sql.raw(
            """
            UPDATE exam_sessions SET code = \(bind: code), kind = \(bind: x.kind.rawValue), name = \(bind: x.name),
                name_folded = \(bind: VietnameseText.fold(x.name)), held_on = \(bind: x.heldOn.iso),
                unit_id = \(bind: organizer.isAgency ? nil : organizer.id), agency_id = \(bind: organizer.isAgency ? organizer.id : nil),
                pass_mark = \(bind: x.passMark.hundredths), version = version + 1, updated_at = \(bind: Timestamp.now())
            WHERE id = \(bind: id) AND version = \(bind: expectedVersion) RETURNING id
            """
        ).first() != nil
    }

    /// A session and whether the principal's subtree organizes it; `notFound` when the principal sees neither its
    /// organizer nor any candidate working in its subtree.
    static func visibleSession(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> (ExamSession, organizes: Bool) {
        guard let session = try await TrainingStore.findSession(sql, id: id) else { throw DomainError.notFound(Catalogue.examNotFound) }
        if principal.sees(path: session.organizer.path) { return (session, true) }
        guard try await TrainingStore.reaches(sql, principal, rows: "exam_candidates k", place: TrainingStore.work, parent: "k.session_id", id: id)
        else { throw DomainError.notFound(Catalogue.examNotFound) }
        return (session, false)
    }

    static func organizedSession(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> ExamSession {
        let (session, organizes) = try await visibleSession(sql, principal, id: id)
        try principal.requireWrite()
        guard organizes else { throw DomainError.forbidden(Catalogue.examOrganizerOnly) }
        return session
    }

    /// A session with its candidates, their outcomes and plans, on `today`.
    public func session(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> ExamDetail {
        try await db.read { sql in
            let (session, organizes) = try await Self.visibleSession(sql, principal, id: id)
            let all = try await TrainingStore.candidates(sql, sessionId: id).filter { organizes || principal.sees(path: $0.work.path) }
            let plans = try await TrainingStore.plans(sql, candidateIds: all.map(\.id))
            var rows: [ExamCandidateRow] = []
            for k in all where k.isActive {
                let outcome = ExamRules.outcome(score: k.score, passMark: session.passMark)
                var status: StaffReductionStatus? = nil
                if let plan = plans[k.id] { status = try await Self.planStatus(sql, plan: plan, candidate: k, session: session, on: today) }
                rows.append(
                    ExamCandidateRow(
                        candidate: k, outcome: outcome, plan: plans[k.id], planStatus: status,
                        needsPlan: session.kind == .proficiency && outcome == .failed && plans[k.id] == nil))
            }
            return ExamDetail(session: session, candidates: rows, annulled: all.filter { !$0.isActive }, organizes: organizes)
        }
    }

    /// Saves a session as edited from `expectedVersion`; a new pass mark changes every outcome at once (outcomes are
    /// computed, never stored).
    public func updateSession(_ principal: Principal, id: Int64, _ draft: ExamSessionDraft, expectedVersion: Int) async throws -> ExamSession {
        try await db.write { sql in
            let current = try await Self.organizedSession(sql, principal, id: id)
            func conflict() async throws -> DomainError {
                try await AuditLog.staleSave(
                    sql, entity: Self.sessionEntity, key: String(id), baseVersion: expectedVersion, current: current.auditValues,
                    currentVersion: current.version, fallback: [:])
            }
            if current.version != expectedVersion { throw try await conflict() }
            var edited = draft
            if edited.code.trimmed.isEmpty { edited.code = current.code }
            let valid = try ExamRules.check(edited).get()
            let organizer = try await Self.organizerPlace(sql, principal, code: valid.organizerCode)
            let code = valid.code ?? current.code
            if let other = try await TrainingStore.findSession(sql, code: code), other.id != id {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.examCodeTaken)])
            }
            let written = try await Self.writeSession(sql, id: id, valid, code: code, organizer: organizer, expectedVersion: expectedVersion)
            guard written else { throw try await conflict() }
            let saved = try await TrainingStore.findSession(sql, id: id)!
            if saved.auditValues != current.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.sessionEntity, key: String(id),
                    unitPath: organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: saved.auditValues.merging(["version": String(saved.version)]) { $1 })
            }
            return saved
        }
    }

    /// The changes to a session, its candidates and their plans, oldest first.
    public func sessionHistory(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let (session, organizes) = try await Self.visibleSession(sql, principal, id: id)
            var entries = try await AuditLog.history(
                sql, entity: Self.sessionEntity, key: String(session.id), importedInto: "exam_sessions", rowId: id)
            let candidates = try await TrainingStore.candidates(sql, sessionId: id).filter { organizes || principal.sees(path: $0.work.path) }
            let plans = try await TrainingStore.plans(sql, candidateIds: candidates.map(\.id))
            for k in candidates {
                entries += try await AuditLog.history(
                    sql, entity: Self.candidateEntity, key: String(k.id), importedInto: "exam_candidates", rowId: k.id)
                if let plan = plans[k.id] {
                    entries += try await AuditLog.history(
                        sql, entity: Self.planEntity, key: String(plan.id), importedInto: "training_plans", rowId: plan.id)
                }
            }
            var seen: Set<Int64> = []
            return entries.filter { seen.insert($0.id).inserted }.sorted { $0.id < $1.id }
        }
    }

    // MARK: - Candidates

    /// Adds a candidate (card or national ID number, in scope) working at `workCode` (default: the unit holding the
    /// person's record), with a score when it is known already.
    public func addCandidate(
        _ principal: Principal, sessionId: Int64, person: String, workCode: String = "", score: String = ""
    ) async throws -> ExamCandidate {
        let parsed = try ExamRules.checkScore(score).get()
        return try await db.write { sql in
            let session = try await Self.organizedSession(sql, principal, id: sessionId)
            guard let found = try await TrainingStore.person(sql, principal, number: person) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.trainingPersonNotFound)])
            }
            let work = try await Self.place(sql, principal, code: workCode, default: found, field: "work_unit_code")
            if try await Self.activeCandidate(sql, sessionId: sessionId, person: found) != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.candidateAlreadyListed(found.fullName))])
            }
            let id = try await Self.insertCandidate(sql, principal, session: session, person: found, work: work, score: parsed)
            return try await TrainingStore.findCandidate(sql, id: id)!
        }
    }

    /// Adds every person of a pasted list, all or nothing (unknown numbers named); those already listed are skipped.
    public func addCandidates(_ principal: Principal, sessionId: Int64, numbers text: String, workCode: String = "") async throws -> [ExamCandidate] {
        let numbers = try Self.pasted(text)
        return try await db.write { sql in
            let session = try await Self.organizedSession(sql, principal, id: sessionId)
            let people = try await Self.people(sql, principal, numbers: numbers, placeCode: workCode, field: "work_unit_code")
            var added: [ExamCandidate] = []
            for (_, person, work) in people {
                if try await Self.activeCandidate(sql, sessionId: sessionId, person: person) != nil { continue }
                let id = try await Self.insertCandidate(sql, principal, session: session, person: person, work: work, score: nil)
                added.append(try await TrainingStore.findCandidate(sql, id: id)!)
            }
            return added
        }
    }

    static func activeCandidate(_ sql: any SQLDatabase, sessionId: Int64, person: TrainingPerson) async throws -> Int64? {
        try await sql.raw(
            """
            SELECT k.id FROM exam_candidates k WHERE k.session_id = \(bind: sessionId)
            AND k.annulled_on IS NULL AND \(TrainingStore.isPerson("k", person))
            """
        ).first()?.decode(column: "id", as: Int64.self)
    }

    static func insertCandidate(
        _ sql: any SQLDatabase, _ principal: Principal, session: ExamSession, person: TrainingPerson, work: PositionPlace, score: ExamScore?,
        importAuditId: Int64? = nil
    ) async throws -> Int64 {
        let now = Timestamp.now()
        let id = try await sql.raw(
            """
            INSERT INTO exam_candidates (session_id, member_id, cadre_id, work_unit_id, work_agency_id, score, version, created_by,
                created_at, updated_at,
                import_audit_id)
            VALUES (\(bind: session.id), \(bind: person.memberId), \(bind: person.memberId == nil ? person.cadreId : nil),
                \(bind: work.isAgency ? nil : work.id),
                \(bind: work.isAgency ? work.id : nil), \(bind: score?.hundredths), 1, \(bind: principal.actor), \(bind: now),
                    \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
        if importAuditId != nil { return id }
        let saved = try await TrainingStore.findCandidate(sql, id: id)!
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "create", entity: candidateEntity, key: String(id),
            unitPath: session.organizer.path, old: nil,
            new: saved.auditValues.merging(["session": session.code, "full_name": person.fullName, "version": "1"]) { $1 })
        return id
    }

    /// One candidate with the session, outcome, plan and where the plan stands on `today`, for its page.
    public func candidate(
        _ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()
    ) async throws
        -> (row: ExamCandidateRow, session: ExamSession, organizes: Bool)
    {
        try await db.read { sql in
            guard let candidate = try await TrainingStore.findCandidate(sql, id: id) else { throw DomainError.notFound(Catalogue.candidateNotFound) }
            let (session, organizes) = try await Self.visibleSession(sql, principal, id: candidate.sessionId)
            guard organizes || principal.sees(path: candidate.work.path) else { throw DomainError.notFound(Catalogue.candidateNotFound) }
            let outcome = ExamRules.outcome(score: candidate.score, passMark: session.passMark)
            let plan = try await TrainingStore.plans(sql, candidateIds: [id])[id]
            let status = try await plan.asyncFlatMap { try await Self.planStatus(sql, plan: $0, candidate: candidate, session: session, on: today) }
            let row = ExamCandidateRow(
                candidate: candidate, outcome: outcome, plan: plan, planStatus: status,
                needsPlan: candidate.isActive && session.kind == .proficiency && outcome == .failed && plan == nil)
            return (row, session, organizes)
        }
    }

    static func organizedCandidate(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> (ExamCandidate, ExamSession) {
        guard let candidate = try await TrainingStore.findCandidate(sql, id: id) else { throw DomainError.notFound(Catalogue.candidateNotFound) }
        let (session, organizes) = try await visibleSession(sql, principal, id: candidate.sessionId)
        guard organizes || principal.sees(path: candidate.work.path) else { throw DomainError.notFound(Catalogue.candidateNotFound) }
        try principal.requireWrite()
        guard organizes else { throw DomainError.forbidden(Catalogue.examOrganizerOnly) }
        guard candidate.isActive else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.candidateAnnulled)]) }
        return (candidate, session)
    }

    /// Records (or corrects, or clears with an empty text) a candidate's score, from `expectedVersion`.
    public func recordScore(_ principal: Principal, candidateId: Int64, score: String, expectedVersion: Int) async throws -> ExamCandidate {
        let parsed = try ExamRules.checkScore(score).get()
        return try await db.write { sql in
            let (current, session) = try await Self.organizedCandidate(sql, principal, id: candidateId)
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: Self.candidateEntity, key: String(candidateId), baseVersion: expectedVersion, current: current.auditValues,
                    currentVersion: current.version, fallback: [:])
            }
            if parsed != current.score {
                try await sql.raw(
                    """
                    UPDATE exam_candidates SET score = \(bind: parsed?.hundredths), version = version + 1, updated_at = \(bind: Timestamp.now())
                    WHERE id = \(bind: candidateId)
                    """
                ).run()
                let saved = try await TrainingStore.findCandidate(sql, id: candidateId)!
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.candidateEntity, key: String(candidateId),
                    unitPath: session.organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: saved.auditValues.merging([
                        "version": String(saved.version), "outcome": ExamRules.outcome(score: parsed, passMark: session.passMark).rawValue,
                    ]) { $1 })
            }
            return try await TrainingStore.findCandidate(sql, id: candidateId)!
        }
    }

    /// Annuls a candidate entered by mistake, with a reason (the row stays, marked).
    public func annulCandidate(
        _ principal: Principal, candidateId: Int64, reason: String, today: CivilDate = Timestamp.vietnamDate()
    ) async throws
        -> ExamCandidate
    {
        let why = try Self.reason(reason)
        return try await db.write { sql in
            let (current, session) = try await Self.organizedCandidate(sql, principal, id: candidateId)
            try await sql.raw(
                """
                UPDATE exam_candidates SET annulled_on = \(bind: today.iso), annul_reason = \(bind: why), version = version + 1,
                    updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: candidateId)
                """
            ).run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "void", entity: Self.candidateEntity, key: String(candidateId),
                unitPath: session.organizer.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: ["annulled_on": today.iso, "reason": why, "version": String(current.version + 1)])
            return try await TrainingStore.findCandidate(sql, id: candidateId)!
        }
    }

    // MARK: - Training plans (seed 004)

    /// A candidate whose plan the principal may write: the session's organizer, or the subtree where the person works
    /// (the agency that must "có kế hoạch đào tạo, bồi dưỡng").
    static func plannable(_ sql: any SQLDatabase, _ principal: Principal, candidateId: Int64) async throws -> (ExamCandidate, ExamSession) {
        guard let candidate = try await TrainingStore.findCandidate(sql, id: candidateId) else {
            throw DomainError.notFound(Catalogue.candidateNotFound)
        }
        let (session, organizes) = try await visibleSession(sql, principal, id: candidate.sessionId)
        guard organizes || principal.sees(path: candidate.work.path) else { throw DomainError.notFound(Catalogue.candidateNotFound) }
        try principal.requireWrite()
        return (candidate, session)
    }

    /// Makes the training plan of a candidate who failed a sát hạch: what training, by when, and optionally the course
    /// (by code) the person is enrolled in for it — enrolled now, sent by the unit where they work, when not yet.
    public func createPlan(
        _ principal: Principal, candidateId: Int64, _ draft: TrainingPlanDraft, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TrainingPlan {
        try await db.write { sql in
            let (candidate, session) = try await Self.plannable(sql, principal, candidateId: candidateId)
            guard candidate.isActive, session.kind == .proficiency,
                ExamRules.outcome(score: candidate.score, passMark: session.passMark) == .failed
            else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.planOnlyAfterFailedCheck)]) }
            if try await TrainingStore.plans(sql, candidateIds: [candidateId])[candidateId] != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.planExists)])
            }
            let valid = try ExamRules.check(draft, failedOn: session.heldOn, today: today).get()
            let courseId = try await Self.planCourse(sql, principal, code: valid.courseCode, candidate: candidate)
            let id = try await Self.insertPlan(sql, principal, candidateId: candidateId, valid, courseId: courseId, closed: nil, importAuditId: nil)
            let plan = try await TrainingStore.findPlan(sql, id: id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.planEntity, key: String(id),
                unitPath: candidate.work.path, old: nil,
                new: plan.auditValues.merging(["candidate": String(candidateId), "full_name": candidate.person.fullName, "version": "1"]) { $1 })
            return plan
        }
    }

    static func insertPlan(
        _ sql: any SQLDatabase, _ principal: Principal, candidateId: Int64, _ p: ValidTrainingPlan, courseId: Int64?,
        closed: (on: CivilDate, reason: String)?, importAuditId: Int64?
    ) async throws -> Int64 {
        let now = Timestamp.now()
        return try await sql.raw(
            """
            INSERT INTO training_plans (candidate_id, training, deadline, course_id, completed_on, closed_on, close_reason, version,
                created_by, created_at,
                updated_at, import_audit_id)
            VALUES (\(bind: candidateId), \(bind: p.training), \(bind: p.deadline.iso), \(bind: courseId), \(bind: p.completedOn?.iso),
                \(bind: closed?.on.iso), \(bind: closed?.reason), 1, \(bind: principal.actor), \(bind: now), \(bind: now), \(bind: importAuditId))
            RETURNING id
            """
        ).first()!.decode(column: "id", as: Int64.self)
    }

    /// The course a plan names: one the principal sees and that is not cancelled; the person is enrolled in it (sent by
    /// their work unit) unless already — which needs the course to be organized in the principal's subtree.
    static func planCourse(_ sql: any SQLDatabase, _ principal: Principal, code: String?, candidate: ExamCandidate) async throws -> Int64? {
        guard let code else { return nil }
        let notFound = DomainError.invalid(Catalogue.invalidInput, [FieldError("course_code", Catalogue.courseNotFound)])
        guard let found = try await TrainingStore.findCourse(sql, code: code) else { throw notFound }
        let (course, organizes): (TrainingCourse, Bool)
        do {
            (course, organizes) = try await visibleCourse(sql, principal, id: found.id)
        } catch DomainError.notFound {
            throw notFound
        }
        if try await activeEnrollment(sql, courseId: course.id, person: candidate.person) != nil { return course.id }
        guard organizes else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("course_code", Catalogue.planCourseNotOrganized)]) }
        if course.cancelled { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("course_code", Catalogue.courseCancelledNoTrainees)]) }
        guard principal.sees(path: candidate.work.path) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("course_code", Catalogue.placeNotFound)])
        }
        _ = try await insertEnrollment(
            sql, principal, course: course, person: candidate.person, sending: candidate.work,
            outcome: TrainingOutcome(result: nil, certificateNo: nil, certificateOn: nil), importAuditId: nil)
        return course.id
    }

    /// A plan the principal sees (through its session or the candidate's work unit); `notFound` otherwise.
    public func plan(_ principal: Principal, id: Int64) async throws -> TrainingPlan {
        try await db.read { sql in
            guard let plan = try await TrainingStore.findPlan(sql, id: id),
                let candidate = try await TrainingStore.findCandidate(sql, id: plan.candidateId)
            else { throw DomainError.notFound(Catalogue.planNotFound) }
            let (_, organizes) = try await Self.visibleSession(sql, principal, id: candidate.sessionId)
            guard organizes || principal.sees(path: candidate.work.path) else { throw DomainError.notFound(Catalogue.planNotFound) }
            return plan
        }
    }

    static func ownPlan(_ sql: any SQLDatabase, _ principal: Principal, planId: Int64) async throws -> (TrainingPlan, ExamCandidate, ExamSession) {
        guard let plan = try await TrainingStore.findPlan(sql, id: planId) else { throw DomainError.notFound(Catalogue.planNotFound) }
        let (candidate, session) = try await plannable(sql, principal, candidateId: plan.candidateId)
        if plan.closedOn != nil { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("plan", Catalogue.planClosed)]) }
        return (plan, candidate, session)
    }

    /// Saves a plan as edited from `expectedVersion`: the training, the deadline, the course, the completion date.
    public func updatePlan(
        _ principal: Principal, planId: Int64, _ draft: TrainingPlanDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TrainingPlan {
        try await db.write { sql in
            let (current, candidate, session) = try await Self.ownPlan(sql, principal, planId: planId)
            if current.version != expectedVersion {
                throw try await AuditLog.staleSave(
                    sql, entity: Self.planEntity, key: String(planId), baseVersion: expectedVersion, current: current.auditValues,
                    currentVersion: current.version, fallback: [:])
            }
            let valid = try ExamRules.check(draft, failedOn: session.heldOn, today: today).get()
            let courseId =
                valid.courseCode == current.courseCode
                ? current.courseId
                : try await Self.planCourse(sql, principal, code: valid.courseCode, candidate: candidate)
            try await sql.raw(
                """
                UPDATE training_plans SET training = \(bind: valid.training), deadline = \(bind: valid.deadline.iso), course_id = \(bind: courseId),
                    completed_on = \(bind: valid.completedOn?.iso), version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: planId)
                """
            ).run()
            let saved = try await TrainingStore.findPlan(sql, id: planId)!
            if saved.auditValues != current.auditValues {
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.planEntity, key: String(planId),
                    unitPath: candidate.work.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                    new: saved.auditValues.merging(["version": String(saved.version)]) { $1 })
            }
            return saved
        }
    }

    /// Closes a plan that is no longer followed (the person retired, moved, left), with a reason; kept in the record.
    public func closePlan(
        _ principal: Principal, planId: Int64, reason: String, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> TrainingPlan {
        let why = try Self.reason(reason)
        return try await db.write { sql in
            let (current, candidate, _) = try await Self.ownPlan(sql, principal, planId: planId)
            try await sql.raw(
                """
                UPDATE training_plans SET closed_on = \(bind: today.iso), close_reason = \(bind: why), version = version + 1,
                    updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: planId)
                """
            ).run()
            let saved = try await TrainingStore.findPlan(sql, id: planId)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.planEntity, key: String(planId),
                unitPath: candidate.work.path, old: current.auditValues.merging(["version": String(current.version)]) { $1 },
                new: saved.auditValues.merging(["version": String(saved.version)]) { $1 })
            return saved
        }
    }

    /// Where a plan stands on `date` (`StaffReduction.status`): the person's later sát hạch (not annulled, held after
    /// the failed one) and whether the plan's training was completed — the course's result when the plan names one
    /// (nil while there is none), else the completion date recorded on the plan.
    static func planStatus(
        _ sql: any SQLDatabase, plan: TrainingPlan, candidate: ExamCandidate, session: ExamSession, on date: CivilDate
    ) async throws
        -> StaffReductionStatus
    {
        let later = try await sql.raw(
            """
            SELECT k.score, x.held_on, x.pass_mark FROM exam_candidates k JOIN exam_sessions x ON x.id = k.session_id
            WHERE k.annulled_on IS NULL AND x.kind = \(bind: ExamKind.proficiency.rawValue) AND x.held_on > \(bind: session.heldOn.iso)
            AND \(TrainingStore.isPerson("k", candidate.person))
            """
        ).all().compactMap { row -> LaterExam? in
            guard let held = try TrainingStore.date(row, "held_on"),
                let mark = ExamScore(hundredths: try row.decode(column: "pass_mark", as: Int.self))
            else { return nil }
            let score = try row.decode(column: "score", as: Int?.self).flatMap { ExamScore(hundredths: $0) }
            return LaterExam(heldOn: held, outcome: ExamRules.outcome(score: score, passMark: mark))
        }
        var completed: Bool? = plan.completedOn != nil ? true : nil
        if let courseId = plan.courseId {
            let result = try await sql.raw(
                """
                SELECT e.result FROM training_enrollments e WHERE e.course_id = \(bind: courseId) AND e.annulled_on IS NULL
                AND \(TrainingStore.isPerson("e", candidate.person))
                """
            ).first()?.decode(column: "result", as: String?.self).flatMap(TrainingResult.init(rawValue:))
            completed = result.map(\.isCompleted)
        }
        let facts = TrainingPlanFacts(failedOn: session.heldOn, deadline: plan.deadline, trainingCompleted: completed, closed: plan.closedOn != nil)
        return StaffReduction.status(facts, laterExams: later, on: date)
    }

    // MARK: - Staff reduction

    /// Everyone considered for staff reduction on `today` (`StaffReduction.status`) among the people working in the
    /// subtree of `unitCode`: a plan after a failed sát hạch, not closed, whose deadline has passed without a later
    /// pass. Earliest deadline first.
    public func staffReduction(
        _ principal: Principal, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate(), page: Int = 1, perPage: Int = 50
    ) async throws -> Page<StaffReductionItem> {
        CadreService.page(try await staffReductionItems(principal, unitCode: unitCode, today: today), page: page, perPage: perPage)
    }

    /// Every item of the staff-reduction list (`staffReduction`), for exports.
    func staffReductionItems(_ principal: Principal, unitCode: String, today: CivilDate) async throws -> [StaffReductionItem] {
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        return try await db.read { sql in
            let rows = try await sql.raw(
                """
                SELECT tp.id AS plan_id, k.id AS candidate_id FROM training_plans tp
                    JOIN exam_candidates k ON k.id = tp.candidate_id \(unsafeRaw: TrainingStore.work.joins)
                WHERE tp.closed_on IS NULL AND k.annulled_on IS NULL AND tp.deadline < \(bind: today.iso)
                AND \(unsafeRaw: TrainingStore.work.path) >= \(bind: range.lower) AND \(unsafeRaw: TrainingStore.work.path) < \(bind: range.upper)
                ORDER BY tp.deadline, tp.id
                """
            ).all()
            var out: [StaffReductionItem] = []
            for row in rows {
                guard let plan = try await TrainingStore.findPlan(sql, id: try row.decode(column: "plan_id", as: Int64.self)),
                    let candidate = try await TrainingStore.findCandidate(sql, id: try row.decode(column: "candidate_id", as: Int64.self)),
                    let session = try await TrainingStore.findSession(sql, id: candidate.sessionId)
                else { continue }
                if case .considered(let reasons) = try await Self.planStatus(sql, plan: plan, candidate: candidate, session: session, on: today) {
                    out.append(StaffReductionItem(candidate: candidate, session: session, plan: plan, reasons: reasons))
                }
            }
            return out
        }
    }

    /// The staff-reduction list as a spreadsheet, header first.
    public func exportStaffReduction(
        _ principal: Principal, unitCode: String = "", today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> [[String]] {
        let language = principal.language
        let date = { (d: CivilDate?) in d.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? "" }
        let header = [
            Catalogue.fullName, Catalogue.cardNo, Catalogue.workUnit, Catalogue.examName, Catalogue.examHeldOn, Catalogue.examScore,
            Catalogue.planTraining,
            Catalogue.planDeadline, Catalogue.staffReductionReasons,
        ].map { $0.text(language) }
        return [header]
            + (try await staffReductionItems(principal, unitCode: unitCode, today: today)).map { item in
                [
                    item.candidate.person.fullName, item.candidate.person.cardNo ?? "", item.candidate.work.name, item.session.name,
                    date(item.session.heldOn),
                    item.candidate.score?.text(language) ?? "", item.plan.training, date(item.plan.deadline),
                    item.reasons.map { $0.message.text(language) }.joined(separator: " "),
                ]
            }
    }
}
