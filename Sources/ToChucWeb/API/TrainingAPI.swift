import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// A trainee or candidate as the API shows them (national ID masked for roles without personal data).
struct APIPerson: Encodable, Sendable {
    @ExplicitNull var memberId: Int64?
    @ExplicitNull var cadreId: Int64?
    let fullName: String
    @ExplicitNull var cardNo: String?
    @ExplicitNull var nationalId: String?
    @ExplicitNull var birthDate: String?
    let unitCode: String
    let unitName: String

    init(_ p: TrainingPerson, personal: Bool) {
        memberId = p.memberId
        cadreId = p.memberId == nil ? p.cadreId : nil
        fullName = p.fullName
        cardNo = p.cardNo
        nationalId = personal ? p.nationalId : p.nationalId.map(NationalID.mask)
        birthDate = p.birthDate?.iso
        unitCode = p.unitCode
        unitName = p.unitName
    }
}

struct APICourse: Encodable, Sendable {
    let id: Int64
    let code: String
    let kind: String
    let name: String
    let organizerCode: String
    let organizerName: String
    let organizerIsAgency: Bool
    @ExplicitNull var place: String?
    let startsOn: String
    let endsOn: String
    @ExplicitNull var decisionNo: String?
    let status: String
    let version: Int

    init(_ c: TrainingCourse, today: CivilDate = Timestamp.vietnamDate()) {
        id = c.id
        code = c.code
        kind = c.kind.rawValue
        name = c.name
        organizerCode = c.organizer.code
        organizerName = c.organizer.name
        organizerIsAgency = c.organizer.isAgency
        place = c.place
        startsOn = c.startsOn.iso
        endsOn = c.endsOn.iso
        decisionNo = c.decisionNo
        status = c.status(on: today).rawValue
        version = c.version
    }
}

struct APICourseSummary: Encodable, Sendable {
    let course: APICourse
    let trainees: Int

    init(_ s: CourseSummary) {
        course = APICourse(s.course)
        trainees = s.trainees
    }
}

struct APIEnrollment: Encodable, Sendable {
    let id: Int64
    let courseId: Int64
    let person: APIPerson
    let sendingUnitCode: String
    let sendingUnitName: String
    @ExplicitNull var result: String?
    @ExplicitNull var certificateNo: String?
    @ExplicitNull var certificateOn: String?
    @ExplicitNull var annulledOn: String?
    @ExplicitNull var annulReason: String?
    let version: Int

    init(_ e: TrainingEnrollment, personal: Bool) {
        id = e.id
        courseId = e.courseId
        person = APIPerson(e.person, personal: personal)
        sendingUnitCode = e.sending.code
        sendingUnitName = e.sending.name
        result = e.outcome.result?.rawValue
        certificateNo = e.outcome.certificateNo
        certificateOn = e.outcome.certificateOn?.iso
        annulledOn = e.annulledOn?.iso
        annulReason = e.annulReason
        version = e.version
    }
}

struct APICourseDetail: Encodable, Sendable {
    let course: APICourse
    let organizes: Bool
    let trainees: [APIEnrollment]
    let annulled: [APIEnrollment]
}

struct APIBulkEnrollment: Encodable, Sendable {
    let added: [APIEnrollment]
    let alreadyEnrolled: [String]
}

struct APITrainingSummary: Encodable, Sendable {
    let unit: String
    let from: String
    let to: String
    let trained: Int
    let coursesCount: Int
    let traineesOfCourses: Int
    let courses: [APICourseSummary]
}

struct APIExam: Encodable, Sendable {
    let id: Int64
    let code: String
    let kind: String
    let name: String
    let heldOn: String
    let organizerCode: String
    let organizerName: String
    let passMark: Double
    let version: Int

    init(_ x: ExamSession) {
        id = x.id
        code = x.code
        kind = x.kind.rawValue
        name = x.name
        heldOn = x.heldOn.iso
        organizerCode = x.organizer.code
        organizerName = x.organizer.name
        passMark = x.passMark.value
        version = x.version
    }
}

struct APIExamSummary: Encodable, Sendable {
    let exam: APIExam
    let candidates: Int
    let passed: Int
    let failed: Int
}

struct APICandidate: Encodable, Sendable {
    let id: Int64
    let examId: Int64
    let person: APIPerson
    let workUnitCode: String
    let workUnitName: String
    @ExplicitNull var score: Double?
    @ExplicitNull var annulledOn: String?
    @ExplicitNull var annulReason: String?
    let version: Int

    init(_ k: ExamCandidate, personal: Bool) {
        id = k.id
        examId = k.sessionId
        person = APIPerson(k.person, personal: personal)
        workUnitCode = k.work.code
        workUnitName = k.work.name
        score = k.score?.value
        annulledOn = k.annulledOn?.iso
        annulReason = k.annulReason
        version = k.version
    }
}

struct APIPlan: Encodable, Sendable {
    let id: Int64
    let candidateId: Int64
    let training: String
    let deadline: String
    @ExplicitNull var courseCode: String?
    @ExplicitNull var completedOn: String?
    @ExplicitNull var closedOn: String?
    @ExplicitNull var closeReason: String?
    let version: Int

    init(_ p: TrainingPlan) {
        id = p.id
        candidateId = p.candidateId
        training = p.training
        deadline = p.deadline.iso
        courseCode = p.courseCode
        completedOn = p.completedOn?.iso
        closedOn = p.closedOn?.iso
        closeReason = p.closeReason
        version = p.version
    }
}

/// Where a plan stands: `closed`, `resolved`, `in_progress` or `considered`, with the reasons of the last.
struct APIPlanStatus: Encodable, Sendable {
    let state: String
    @ExplicitNull var date: String?
    let reasons: [String]
    let reasonKeys: [String]

    init(_ s: StaffReductionStatus) {
        switch s {
        case .closed:
            state = "closed"
            reasons = []
            reasonKeys = []
        case .resolved(let on):
            state = "resolved"
            date = on.iso
            reasons = []
            reasonKeys = []
        case .inProgress(let deadline):
            state = "in_progress"
            date = deadline.iso
            reasons = []
            reasonKeys = []
        case .considered(let list):
            state = "considered"
            reasons = list.map(\.message.vi)
            reasonKeys = list.map(\.key)
        }
    }
}

struct APICandidateRow: Encodable, Sendable {
    let candidate: APICandidate
    let outcome: String
    @ExplicitNull var plan: APIPlan?
    @ExplicitNull var planStatus: APIPlanStatus?
    let needsPlan: Bool

    init(_ r: ExamCandidateRow, personal: Bool) {
        candidate = APICandidate(r.candidate, personal: personal)
        outcome = r.outcome.rawValue
        plan = r.plan.map(APIPlan.init)
        planStatus = r.planStatus.map(APIPlanStatus.init)
        needsPlan = r.needsPlan
    }
}

struct APIExamDetail: Encodable, Sendable {
    let exam: APIExam
    let organizes: Bool
    let candidates: [APICandidateRow]
    let annulled: [APICandidate]
}

struct APIStaffReductionItem: Encodable, Sendable {
    let candidate: APICandidate
    let exam: APIExam
    let plan: APIPlan
    let reasons: [String]
    let reasonKeys: [String]
}

struct APIPersonCourse: Encodable, Sendable {
    let course: APICourse
    let enrollment: APIEnrollment
}

struct APIPersonExam: Encodable, Sendable {
    let exam: APIExam
    let candidate: APICandidate
    let outcome: String
    @ExplicitNull var plan: APIPlan?
}

struct APIPersonTraining: Encodable, Sendable {
    let courses: [APIPersonCourse]
    let exams: [APIPersonExam]
}

struct APICourseBody: Decodable, Sendable {
    let code: String?
    let kind: String
    let name: String
    let organizerCode: String
    let place: String?
    let startsOn: String
    let endsOn: String
    let decisionNo: String?
    let status: String?
    let version: Int?

    var draft: CourseDraft {
        CourseDraft(
            code: code ?? "", kind: kind, name: name, organizerCode: organizerCode, place: place ?? "", startsOn: startsOn, endsOn: endsOn,
            decisionNo: decisionNo ?? "", status: status ?? "")
    }
}

struct APITraineeBody: Decodable, Sendable {
    let person: String
    let sendingUnitCode: String?
    let result: String?
    let certificateNo: String?
    let certificateOn: String?
}

struct APINumbersBody: Decodable, Sendable {
    let numbers: [String]
    let sendingUnitCode: String?
    let workUnitCode: String?
}

struct APIEnrollmentBody: Decodable, Sendable {
    let version: Int
    let sendingUnitCode: String?
    let result: String?
    let certificateNo: String?
    let certificateOn: String?
}

struct APIReasonBody: Decodable, Sendable {
    let reason: String
}

struct APIExamBody: Decodable, Sendable {
    let code: String?
    let kind: String
    let name: String
    let heldOn: String
    let organizerCode: String
    let passMark: Double?
    let version: Int?

    var draft: ExamSessionDraft {
        ExamSessionDraft(
            code: code ?? "", kind: kind, name: name, heldOn: heldOn, organizerCode: organizerCode, passMark: passMark.map(Site.numberText) ?? "")
    }
}

struct APICandidateBody: Decodable, Sendable {
    let person: String
    let workUnitCode: String?
    let score: Double?
}

struct APIScoreBody: Decodable, Sendable {
    let score: Double?
    let version: Int
}

struct APIPlanBody: Decodable, Sendable {
    let training: String
    let deadline: String
    let courseCode: String?
    let completedOn: String?
    let version: Int?

    var draft: TrainingPlanDraft {
        TrainingPlanDraft(training: training, deadline: deadline, courseCode: courseCode ?? "", completedOn: completedOn ?? "")
    }
}

extension Site {
    /// A JSON number as the score rules read it ("72.5"); anything odd (exponents, many decimals) stays odd and is
    /// refused by them.
    static func numberText(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : String(x)
    }

    func registerTrainingAPI(_ api: RouterGroup<AppContext>) {
        api.get("training/courses") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = try Self.courseQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.training.courses(principal, query)
            return try Responses.json(
                APIList(items: result.items.map(APICourseSummary.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("training/courses") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APICourseBody.self, request, context)
            return try Responses.json(APICourse(try await services.training.createCourse(principal, body.draft)), status: .created)
        }
        api.get("training/courses/:id") { _, context in
            let principal = try context.requirePrincipal()
            let detail = try await services.training.course(principal, id: try Self.pathId(context, notFound: Catalogue.courseNotFound))
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APICourseDetail(
                    course: APICourse(detail.course), organizes: detail.organizes,
                    trainees: detail.trainees.map { APIEnrollment($0, personal: personal) },
                    annulled: detail.annulled.map { APIEnrollment($0, personal: personal) }))
        }
        api.put("training/courses/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            _ = try await services.training.course(principal, id: id)
            let body = try await Self.decode(APICourseBody.self, request, context)
            guard let version = body.version else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)]) }
            return try Responses.json(APICourse(try await services.training.updateCourse(principal, id: id, body.draft, expectedVersion: version)))
        }
        api.delete("training/courses/:id") { _, context in
            let principal = try context.requirePrincipal()
            try await services.training.deleteCourse(principal, id: try Self.pathId(context, notFound: Catalogue.courseNotFound))
            return Response(status: .noContent)
        }
        api.get("training/courses/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.training.courseHistory(principal, id: try Self.pathId(context, notFound: Catalogue.courseNotFound))
            let personal = principal.role.seesPersonalData
            return try Responses.json(APIItems(items: entries.map { APIAuditEntry(personal ? $0 : $0.masking(["person"])) }))
        }
        api.post("training/courses/:id/trainees") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            _ = try await services.training.course(principal, id: id)
            let body = try await Self.decode(APITraineeBody.self, request, context)
            let enrollment = try await services.training.enroll(
                principal, courseId: id, person: body.person, sendingCode: body.sendingUnitCode ?? "",
                outcome: OutcomeDraft(result: body.result ?? "", certificateNo: body.certificateNo ?? "", certificateOn: body.certificateOn ?? ""))
            return try Responses.json(APIEnrollment(enrollment, personal: principal.role.seesPersonalData), status: .created)
        }
        api.post("training/courses/:id/trainees/bulk") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            _ = try await services.training.course(principal, id: id)
            let body = try await Self.decode(APINumbersBody.self, request, context)
            let done = try await services.training.enrollMany(
                principal, courseId: id, numbers: body.numbers.joined(separator: "\n"), sendingCode: body.sendingUnitCode ?? "")
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIBulkEnrollment(added: done.added.map { APIEnrollment($0, personal: personal) }, alreadyEnrolled: done.alreadyEnrolled),
                status: .created)
        }
        api.put("training/enrollments/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.enrollmentNotFound)
            _ = try await services.training.enrollment(principal, id: id)
            let body = try await Self.decode(APIEnrollmentBody.self, request, context)
            let saved = try await services.training.updateEnrollment(
                principal, id: id, sendingCode: body.sendingUnitCode ?? "",
                outcome: OutcomeDraft(result: body.result ?? "", certificateNo: body.certificateNo ?? "", certificateOn: body.certificateOn ?? ""),
                expectedVersion: body.version)
            return try Responses.json(APIEnrollment(saved, personal: principal.role.seesPersonalData))
        }
        api.post("training/enrollments/:id/annul") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.enrollmentNotFound)
            _ = try await services.training.enrollment(principal, id: id)
            let body = try await Self.decode(APIReasonBody.self, request, context)
            let saved = try await services.training.annulEnrollment(principal, id: id, reason: body.reason)
            return try Responses.json(APIEnrollment(saved, personal: principal.role.seesPersonalData))
        }
        api.get("training/summary") { request, context in
            let principal = try context.requirePrincipal()
            let period = try Self.period(request)
            let s = try await services.training.summary(principal, unitCode: Self.unitFilter(request), from: period.from, to: period.to)
            return try Responses.json(
                APITrainingSummary(
                    unit: s.unitCode, from: s.from.iso, to: s.to.iso, trained: s.trained, coursesCount: s.courses.count,
                    traineesOfCourses: s.traineesOfCourses, courses: s.courses.map(APICourseSummary.init)))
        }
        api.get("cadres/:id/training") { _, context in
            let principal = try context.requirePrincipal()
            let records = try await services.training.personRecords(principal, cadreId: try Self.pathId(context, notFound: Catalogue.cadreNotFound))
            return try Responses.json(Self.apiPersonTraining(records, personal: principal.role.seesPersonalData))
        }
        api.get("members/:id/training") { _, context in
            let principal = try context.requirePrincipal()
            let records = try await services.training.personRecords(principal, memberId: try Self.pathId(context, notFound: Catalogue.memberNotFound))
            return try Responses.json(Self.apiPersonTraining(records, personal: principal.role.seesPersonalData))
        }
        registerExamAPI(api)
    }

    static func apiPersonTraining(_ r: PersonTraining, personal: Bool) -> APIPersonTraining {
        APIPersonTraining(
            courses: r.courses.map { APIPersonCourse(course: APICourse($0.course), enrollment: APIEnrollment($0.enrollment, personal: personal)) },
            exams: r.exams.map {
                APIPersonExam(
                    exam: APIExam($0.session), candidate: APICandidate($0.candidate, personal: personal), outcome: $0.outcome.rawValue,
                    plan: $0.plan.map(APIPlan.init))
            })
    }

    func registerExamAPI(_ api: RouterGroup<AppContext>) {
        api.get("exams") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = try Self.examQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.training.sessions(principal, query)
            return try Responses.json(
                APIList(
                    items: result.items.map {
                        APIExamSummary(exam: APIExam($0.session), candidates: $0.candidates, passed: $0.passed, failed: $0.failed)
                    },
                    page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("exams") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIExamBody.self, request, context)
            return try Responses.json(APIExam(try await services.training.createSession(principal, body.draft)), status: .created)
        }
        api.get("exams/staff-reduction") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let result = try await services.training.staffReduction(
                principal, unitCode: Self.unitFilter(request), today: try Self.onDate(request), page: list.page, perPage: list.perPage)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIList(
                    items: result.items.map {
                        APIStaffReductionItem(
                            candidate: APICandidate($0.candidate, personal: personal), exam: APIExam($0.session), plan: APIPlan($0.plan),
                            reasons: $0.reasons.map(\.message.vi), reasonKeys: $0.reasons.map(\.key))
                    }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.get("exams/:id") { _, context in
            let principal = try context.requirePrincipal()
            let detail = try await services.training.session(principal, id: try Self.pathId(context, notFound: Catalogue.examNotFound))
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIExamDetail(
                    exam: APIExam(detail.session), organizes: detail.organizes,
                    candidates: detail.candidates.map { APICandidateRow($0, personal: personal) },
                    annulled: detail.annulled.map { APICandidate($0, personal: personal) }))
        }
        api.put("exams/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            _ = try await services.training.session(principal, id: id)
            let body = try await Self.decode(APIExamBody.self, request, context)
            guard let version = body.version else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)]) }
            return try Responses.json(APIExam(try await services.training.updateSession(principal, id: id, body.draft, expectedVersion: version)))
        }
        api.get("exams/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.training.sessionHistory(principal, id: try Self.pathId(context, notFound: Catalogue.examNotFound))
            let personal = principal.role.seesPersonalData
            return try Responses.json(APIItems(items: entries.map { APIAuditEntry(personal ? $0 : $0.masking(["person"])) }))
        }
        api.post("exams/:id/candidates") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            _ = try await services.training.session(principal, id: id)
            let body = try await Self.decode(APICandidateBody.self, request, context)
            let candidate = try await services.training.addCandidate(
                principal, sessionId: id, person: body.person, workCode: body.workUnitCode ?? "", score: body.score.map(Self.numberText) ?? "")
            return try Responses.json(APICandidate(candidate, personal: principal.role.seesPersonalData), status: .created)
        }
        api.post("exams/:id/candidates/bulk") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            _ = try await services.training.session(principal, id: id)
            let body = try await Self.decode(APINumbersBody.self, request, context)
            let added = try await services.training.addCandidates(
                principal, sessionId: id, numbers: body.numbers.joined(separator: "\n"), workCode: body.workUnitCode ?? "")
            let personal = principal.role.seesPersonalData
            return try Responses.json(APIItems(items: added.map { APICandidate($0, personal: personal) }), status: .created)
        }
        api.put("exams/candidates/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            _ = try await services.training.candidate(principal, id: id)
            let body = try await Self.decode(APIScoreBody.self, request, context)
            let saved = try await services.training.recordScore(
                principal, candidateId: id, score: body.score.map(Self.numberText) ?? "", expectedVersion: body.version)
            return try Responses.json(APICandidate(saved, personal: principal.role.seesPersonalData))
        }
        api.post("exams/candidates/:id/annul") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            _ = try await services.training.candidate(principal, id: id)
            let body = try await Self.decode(APIReasonBody.self, request, context)
            return try Responses.json(
                APICandidate(
                    try await services.training.annulCandidate(principal, candidateId: id, reason: body.reason),
                    personal: principal.role.seesPersonalData))
        }
        api.post("exams/candidates/:id/plan") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            _ = try await services.training.candidate(principal, id: id)
            let body = try await Self.decode(APIPlanBody.self, request, context)
            return try Responses.json(APIPlan(try await services.training.createPlan(principal, candidateId: id, body.draft)), status: .created)
        }
        api.put("exams/plans/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.planNotFound)
            _ = try await services.training.plan(principal, id: id)
            let body = try await Self.decode(APIPlanBody.self, request, context)
            guard let version = body.version else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)]) }
            return try Responses.json(APIPlan(try await services.training.updatePlan(principal, planId: id, body.draft, expectedVersion: version)))
        }
        api.post("exams/plans/:id/close") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.planNotFound)
            _ = try await services.training.plan(principal, id: id)
            let body = try await Self.decode(APIReasonBody.self, request, context)
            return try Responses.json(APIPlan(try await services.training.closePlan(principal, planId: id, reason: body.reason)))
        }
    }
}
