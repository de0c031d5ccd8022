import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let trainingCourses = "/training"
    static let exams = "/exams"
    static let staffReduction = "/exams/staff-reduction"
    static let trainingExport = "/training/export"
    static let examsExport = "/exams/export"
    static let staffReductionExport = "/exams/staff-reduction/export"
    static func course(_ id: Int64) -> String { "/training/\(id)" }
    static func courseTrainees(_ id: Int64) -> String { "/training/\(id)/trainees" }
    static func courseTraineesBulk(_ id: Int64) -> String { "/training/\(id)/trainees/bulk" }
    static func courseTraineesExport(_ id: Int64) -> String { "/training/\(id)/export" }
    static func courseDelete(_ id: Int64) -> String { "/training/\(id)/delete" }
    static func enrollment(_ id: Int64) -> String { "/training/enrollments/\(id)" }
    static func enrollmentAnnul(_ id: Int64) -> String { "/training/enrollments/\(id)/annul" }
    static func exam(_ id: Int64) -> String { "/exams/\(id)" }
    static func examCandidates(_ id: Int64) -> String { "/exams/\(id)/candidates" }
    static func examCandidatesBulk(_ id: Int64) -> String { "/exams/\(id)/candidates/bulk" }
    static func candidate(_ id: Int64) -> String { "/exams/candidates/\(id)" }
    static func candidateAnnul(_ id: Int64) -> String { "/exams/candidates/\(id)/annul" }
    static func candidatePlan(_ id: Int64) -> String { "/exams/candidates/\(id)/plan" }
    static func plan(_ id: Int64) -> String { "/exams/plans/\(id)" }
    static func planClose(_ id: Int64) -> String { "/exams/plans/\(id)/close" }
}

/// Training and exams (DOMAIN.md §3; seed 004): courses with their trainees, the figures of the briefing report, exam
/// sessions with scores, training plans after a failed sát hạch, and the staff-reduction list. Every form works
/// without JavaScript; a refused form comes back with the message and what was typed.
extension Site {
    func registerTrainingPages(_ router: Router<AppContext>) {
        registerCoursePages(router)
        registerExamPages(router)
    }

    // MARK: - Courses

    func registerCoursePages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.trainingCourses)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await courseIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.trainingCourses)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let course = try await services.training.createCourse(principal, Self.courseDraft(form))
                return Responses.redirect(SiteURL.course(course.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await courseIndex(ctx, principal, request: request, form: form, message: message, errors: errors),
                    status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.trainingExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.training.exportCourses(principal, try Self.courseQuery(request))
            // Column 9: the trainees.
            return try await download(
                request, principal, rows: rows, sheet: "lop-dao-tao", baseName: Self.fileName("lop-dao-tao", principal), numeric: [9])
        }
        router.get("/training/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            let ctx = try await pageContext(request, context)
            let flash: String? =
                request.query("saved") != nil
                ? ctx.t(Catalogue.trainingSaved)
                : request.query("added").flatMap { Int($0) }.map { ctx.t(Catalogue.bulkAdded($0, skipped: Int(request.query("skipped") ?? "") ?? 0)) }
            return Responses.html(try await coursePage(ctx, principal, id: id, flash: flash))
        }
        router.get("/training/:id/export") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            let rows = try await services.training.exportTrainees(principal, courseId: id)
            return try await download(request, principal, rows: rows, sheet: "hoc-vien", baseName: "hoc-vien-lop-\(id)")
        }
        router.post("/training/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            let form = context.form
            return try await courseAction(request, context, principal, id: id, form: form) {
                _ = try await services.training.updateCourse(
                    principal, id: id, Self.courseDraft(form), expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.course(id) + "?saved=1"
            }
        }
        router.post("/training/:id/delete") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            return try await courseAction(request, context, principal, id: id, form: context.form) {
                try await services.training.deleteCourse(principal, id: id)
                return SiteURL.trainingCourses
            }
        }
        router.post("/training/:id/trainees") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            let form = context.form
            return try await courseAction(request, context, principal, id: id, form: form) {
                _ = try await services.training.enroll(
                    principal, courseId: id, person: form.string("person"), sendingCode: form.string("sending_unit_code"),
                    outcome: Self.outcomeDraft(form))
                return SiteURL.course(id) + "?saved=1"
            }
        }
        router.post("/training/:id/trainees/bulk") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.courseNotFound)
            let form = context.form
            return try await courseAction(request, context, principal, id: id, form: form) {
                let done = try await services.training.enrollMany(
                    principal, courseId: id, numbers: form.string("numbers"), sendingCode: form.string("bulk_sending_unit_code"))
                return SiteURL.course(id) + "?added=\(done.added.count)&skipped=\(done.alreadyEnrolled.count)"
            }
        }
        router.get("/training/enrollments/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.enrollmentNotFound)
            let ctx = try await pageContext(request, context)
            return Responses.html(try await enrollmentPage(ctx, principal, id: id))
        }
        router.post("/training/enrollments/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.enrollmentNotFound)
            let form = context.form
            return try await enrollmentAction(request, context, principal, id: id, form: form) {
                let saved = try await services.training.updateEnrollment(
                    principal, id: id, sendingCode: form.string("sending_unit_code"), outcome: Self.outcomeDraft(form),
                    expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.course(saved.courseId) + "?saved=1"
            }
        }
        router.post("/training/enrollments/:id/annul") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.enrollmentNotFound)
            let form = context.form
            return try await enrollmentAction(request, context, principal, id: id, form: form) {
                let saved = try await services.training.annulEnrollment(principal, id: id, reason: form.string("reason"))
                return SiteURL.course(saved.courseId) + "?saved=1"
            }
        }
    }

    static func courseDraft(_ form: FormData) -> CourseDraft {
        CourseDraft(
            code: form.string("code"), kind: form.string("kind"), name: form.string("name"), organizerCode: form.string("organizer_code"),
            place: form.string("place"), startsOn: form.string("starts_on"), endsOn: form.string("ends_on"), decisionNo: form.string("decision_no"),
            status: form.string("status"))
    }

    static func outcomeDraft(_ form: FormData) -> OutcomeDraft {
        OutcomeDraft(result: form.string("result"), certificateNo: form.string("certificate_no"), certificateOn: form.string("certificate_on"))
    }

    /// The list query of `/training` and `/api/v1/training/courses`.
    static func courseQuery(_ request: Request) throws -> CourseQuery {
        var query = CourseQuery()
        query.text = request.query("q") ?? ""
        query.kind = request.query("kind") ?? ""
        query.unitCode = (request.query("unit") ?? "").trimmed
        query.year = try year(request)
        let sort = request.query("sort") ?? ""
        if !sort.isEmpty {
            guard let parsed = CourseSort(rawValue: sort) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("sort", Catalogue.unknownValue(sort))])
            }
            query.sort = parsed
        }
        query.page = request.query("page").flatMap { Int($0) } ?? 1
        return query
    }

    static func year(_ request: Request) throws -> Int? {
        guard let text = request.query("year")?.trimmed, !text.isEmpty else { return nil }
        guard let year = Int(text) else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("year", Catalogue.unknownValue(text))]) }
        return year
    }

    /// Runs a form's action and follows its redirect; a refusal shows `page` again with the message and what was typed
    /// (422), a stale save with what the other save changed (409).
    func formAction(
        _ request: Request, _ context: AppContext, form: FormData, page: (PageContext, FormData, Localized?, [FieldError]) async throws -> HTML,
        _ action: () async throws -> String
    ) async throws -> Response {
        do {
            return Responses.redirect(try await action())
        } catch DomainError.invalid(let message, let errors) {
            return Responses.html(try await page(try await pageContext(request, context), form, message, errors), status: .unprocessableContent)
        } catch DomainError.conflict(let message, let changes, _) {
            return Responses.html(
                try await page(try await pageContext(request, context), FormData(), message, Self.conflictErrors(changes)), status: .conflict)
        }
    }

    func courseAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> String
    ) async throws -> Response {
        try await formAction(
            request, context, form: form, page: { try await coursePage($0, principal, id: id, form: $1, message: $2, errors: $3) }, action)
    }

    /// A stale save as field messages: what the other save changed (old → new).
    static func conflictErrors(_ changes: [FieldChange]) -> [FieldError] {
        changes.map { FieldError($0.field, Catalogue.changedMeanwhile(old: $0.old ?? "∅", new: $0.new ?? "∅")) }
    }

    func options(_ pairs: [(String, String)], selected: String, empty: String? = nil) -> [HTML] {
        (empty.map { [HTML("<option value=\"\">\($0)</option>")] } ?? [])
            + pairs.map { "<option value=\"\($0.0)\"\(HTML(raw: $0.0 == selected ? " selected" : ""))>\($0.1)</option>" }
    }

    func courseIndex(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    ) async throws -> HTML {
        let query = try Self.courseQuery(request)
        let result = try await services.training.courses(principal, query)
        let today = Timestamp.vietnamDate()
        let rows: [HTML] = result.items.map { s in
            let c = s.course
            return """
                <tr><td><a href="\(SiteURL.course(c.id))">\(c.code)</a></td><td>\(c.name)</td><td>\(ctx.t(c.kind.label))</td><td>\(c.organizer.name)</td>
                <td>\(ctx.date(c.startsOn))</td><td>\(ctx.date(c.endsOn))</td><td>\(ctx.t(c.status(on: today).label))</td><td class="num">\(ctx.number(s.trainees))</td></tr>
                """
        }
        // The report's figures for the period: the year chosen, else from/to (default this year).
        let year = query.year ?? today.year
        let from = CivilDate(parsing: request.query("from") ?? "") ?? CivilDate(year: year, month: 1, day: 1)!
        let to = CivilDate(parsing: request.query("to") ?? "") ?? CivilDate(year: year, month: 12, day: 31)!
        let summary = try await services.training.summary(principal, unitCode: query.unitCode, from: from, to: max(from, to))
        let kinds = options(
            TrainingCourseKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: query.kind, empty: ctx.t(Catalogue.allKinds))
        let sorts = options(
            [
                (CourseSort.startsOn.rawValue, ctx.t(Catalogue.sortNewest)), (CourseSort.name.rawValue, ctx.t(Catalogue.courseName)),
                (CourseSort.code.rawValue, ctx.t(Catalogue.courseCode)),
            ], selected: query.sort.rawValue)
        let filters: [(String, String)] = [
            ("q", query.text), ("kind", query.kind), ("year", query.year.map(String.init) ?? ""), ("unit", query.unitCode),
            ("sort", query.sort == .startsOn ? "" : query.sort.rawValue),
        ]
        let createForm: HTML =
            principal.role.canWriteRecords ? courseForm(ctx, principal, form: form, message: message, errors: errors, edit: nil) : .empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.trainingArea))</h1>
            <p class="actions"><a class="button secondary" href="\(SiteURL.exams)">\(ctx.t(Catalogue.examsArea))</a>
            <a class="button secondary" href="\(SiteURL.staffReduction)">\(ctx.t(Catalogue.staffReductionList))</a></p>
            <form method="get" action="\(SiteURL.trainingCourses)" class="searchbar" role="search">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            <div><label for="kind">\(ctx.t(Catalogue.courseKind))</label><br><select id="kind" name="kind">\(kinds)</select></div>
            <div><label for="year">\(ctx.t(Catalogue.yearLabel))</label><br><input type="text" id="year" name="year" value="\(query.year.map(String.init) ?? "")" maxlength="4" inputmode="numeric"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <section id="training-summary" class="summary">
            <h2>\(ctx.t(Catalogue.trainingFigures(ctx.date(summary.from), ctx.date(summary.to))))</h2>
            <p>\(ctx.t(Catalogue.trainedSentence(ctx.number(summary.trained)))) <span id="trained-count" class="num">\(ctx.number(summary.trained))</span></p>
            <p>\(ctx.t(Catalogue.organizedSentence(ctx.number(summary.courses.count), ctx.number(summary.traineesOfCourses))))
            <span id="courses-organized" class="num">\(ctx.number(summary.courses.count))</span> / <span id="course-trainees" class="num">\(ctx.number(summary.traineesOfCourses))</span></p>
            <form method="get" action="\(SiteURL.trainingCourses)" class="searchbar">
            <input type="hidden" name="unit" value="\(query.unitCode)">
            <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: summary.from.iso))</div>
            <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: summary.to.iso))</div>
            <button type="submit">\(ctx.t(Catalogue.view))</button></form>
            <p class="muted">\(ctx.t(Catalogue.trainingCountsHelp))</p>
            </section>
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="courses-table"><thead><tr><th>\(ctx.t(Catalogue.courseCode))</th><th>\(ctx.t(Catalogue.courseName))</th><th>\(ctx.t(Catalogue.courseKind))</th>
            <th>\(ctx.t(Catalogue.courseOrganizer))</th><th>\(ctx.t(Catalogue.courseStartsOn))</th><th>\(ctx.t(Catalogue.courseEndsOn))</th>
            <th>\(ctx.t(Catalogue.courseStatusLabel))</th><th>\(ctx.t(Catalogue.courseTrainees))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.trainingCourses, filters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(Self.exportLinks(ctx, SiteURL.trainingExport, filters))
            \(createForm)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.trainingArea),
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.trainingArea), nil)], content: body)
    }

    /// The form that opens a course, or edits one (`edit`: the course with its version).
    func courseForm(
        _ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError], edit: TrainingCourse?
    ) -> HTML {
        let draft = form.values.isEmpty ? (edit?.draft ?? CourseDraft(organizerCode: principal.unitCode)) : Self.courseDraft(form)
        let kinds = options(TrainingCourseKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: draft.kind)
        let action = edit.map { SiteURL.course($0.id) } ?? SiteURL.trainingCourses
        let statuses = options(
            [("", ctx.t(Catalogue.statusByDates)), (CourseStatus.cancelled.rawValue, ctx.t(CourseStatus.cancelled.label))], selected: draft.status)
        let editOnly: HTML =
            edit.map { course in
                """
                <label for="status">\(ctx.t(Catalogue.courseStatusLabel))</label><select id="status" name="status">\(statuses)</select>
                <input type="hidden" name="version" value="\(String(form.values.isEmpty ? course.version : Int(form.string("version")) ?? course.version))">
                """
            } ?? .empty
        let title = ctx.t(edit == nil ? Catalogue.newCourse : Catalogue.editCourse)
        return """
            <h2>\(title)</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="\(edit == nil ? "course-form" : "course-edit-form")">
            \(ctx.csrfField)\(edit == nil ? HTML.empty : HTML("<input type=\"hidden\" name=\"_form\" value=\"edit\">"))
            <label for="code">\(ctx.t(Catalogue.courseCode))</label>
            <input type="text" id="code" name="code" value="\(draft.code)" maxlength="40" placeholder="\(ctx.t(Catalogue.codeMadeIfEmpty))">
            <label for="course-kind">\(ctx.t(Catalogue.courseKind))</label><select id="course-kind" name="kind">\(kinds)</select>
            <label for="name">\(ctx.t(Catalogue.courseName))</label>
            <input type="text" id="name" name="name" value="\(draft.name)" maxlength="300" required>
            <label for="organizer_code">\(ctx.t(Catalogue.organizerCode))</label>
            <input type="text" id="organizer_code" name="organizer_code" value="\(draft.organizerCode)" maxlength="40" required>
            <label for="place">\(ctx.t(Catalogue.coursePlace))</label>
            <input type="text" id="place" name="place" value="\(draft.place)" maxlength="200">
            <label for="starts_on">\(ctx.t(Catalogue.courseStartsOn))</label>\(Self.dateInput(ctx, name: "starts_on", value: draft.startsOn))
            <label for="ends_on">\(ctx.t(Catalogue.courseEndsOn))</label>\(Self.dateInput(ctx, name: "ends_on", value: draft.endsOn))
            <label for="decision_no">\(ctx.t(Catalogue.courseDecision))</label>
            <input type="text" id="decision_no" name="decision_no" value="\(draft.decisionNo)" maxlength="200">
            \(editOnly)
            <div class="actions"><button type="submit">\(title)</button></div>
            </form>
            """
    }

    /// A person's name linked to the member's page or, for a non-member, the cadre's.
    func personLink(_ p: TrainingPerson) -> HTML {
        if let id = p.memberId { return "<a href=\"\(SiteURL.member(id))\">\(p.fullName)</a>" }
        return "<a href=\"\(SiteURL.cadre(p.cadreId ?? 0))\">\(p.fullName)</a>"
    }

    func coursePage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), message: Localized? = nil,
        errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.training.course(principal, id: id)
        let history = try await services.training.courseHistory(principal, id: id)
        let c = detail.course
        let canWrite = principal.role.canWriteRecords && detail.organizes
        let rows: [HTML] = detail.trainees.map { e in
            let edit: HTML = canWrite ? "<a href=\"\(SiteURL.enrollment(e.id))\">\(ctx.t(Catalogue.updateResult))</a>" : .empty
            return """
                <tr><td>\(personLink(e.person))</td><td>\(e.person.cardNo ?? "")</td><td>\(ctx.date(e.person.birthDate))</td><td>\(e.sending.name)</td>
                <td>\(e.outcome.result.map { ctx.t($0.label) } ?? ctx.t(Catalogue.noResultYet))</td><td>\(e.outcome.certificateNo ?? "")</td>
                <td>\(ctx.date(e.outcome.certificateOn))</td><td>\(edit)</td></tr>
                """
        }
        let annulled: [HTML] = detail.annulled.map { e in
            "<tr><td>\(personLink(e.person))</td><td>\(ctx.date(e.annulledOn))</td><td>\(e.annulReason ?? "")</td></tr>"
        }
        // A form that was refused comes back filled in; the others are blank.
        let which = form.string("_form")
        func filled(_ name: String) -> FormData { which == name ? form : FormData() }
        func errorsFor(_ name: String) -> HTML { which == name ? Layout.errors(ctx, message, errors) : .empty }
        let results = options(
            TrainingResult.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: filled("add").string("result"),
            empty: ctx.t(Catalogue.noResultYet))
        var forms: HTML = .empty
        if canWrite {
            let add = filled("add")
            let bulk = filled("bulk")
            let deleteForm: HTML =
                detail.trainees.isEmpty && detail.annulled.isEmpty
                ? """
                <form method="post" action="\(SiteURL.courseDelete(c.id))" class="inline" id="course-delete-form">\(ctx.csrfField)
                <button type="submit" class="secondary">\(ctx.t(Catalogue.deleteCourse))</button></form>
                """ : .empty
            forms = """
                <h2>\(ctx.t(Catalogue.addTrainee))</h2>
                \(errorsFor("add"))
                <form method="post" action="\(SiteURL.courseTrainees(c.id))" class="stacked" id="trainee-form">\(ctx.csrfField)
                <input type="hidden" name="_form" value="add">
                <label for="person">\(ctx.t(Catalogue.memberNumber))</label>
                <input type="text" id="person" name="person" value="\(add.string("person"))" maxlength="20" required>
                <label for="sending_unit_code">\(ctx.t(Catalogue.sendingUnitCode))</label>
                <input type="text" id="sending_unit_code" name="sending_unit_code" value="\(add.string("sending_unit_code"))" maxlength="40" placeholder="\(ctx.t(Catalogue.defaultPersonUnit))">
                <label for="result">\(ctx.t(Catalogue.trainingResultLabel))</label><select id="result" name="result">\(results)</select>
                <label for="certificate_no">\(ctx.t(Catalogue.certificateNo))</label>
                <input type="text" id="certificate_no" name="certificate_no" value="\(add.string("certificate_no"))" maxlength="200">
                <label for="certificate_on">\(ctx.t(Catalogue.certificateOn))</label>\(Self.dateInput(ctx, name: "certificate_on", value: add.string("certificate_on")))
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.addTrainee))</button></div>
                </form>
                <h2>\(ctx.t(Catalogue.addTraineesBulk))</h2>
                \(errorsFor("bulk"))
                <form method="post" action="\(SiteURL.courseTraineesBulk(c.id))" class="stacked" id="trainee-bulk-form">\(ctx.csrfField)
                <input type="hidden" name="_form" value="bulk">
                <label for="numbers">\(ctx.t(Catalogue.bulkNumbers))</label>
                <textarea id="numbers" name="numbers" rows="6" cols="40">\(bulk.string("numbers"))</textarea>
                <label for="bulk_sending_unit_code">\(ctx.t(Catalogue.sendingUnitCode))</label>
                <input type="text" id="bulk_sending_unit_code" name="bulk_sending_unit_code" value="\(bulk.string("bulk_sending_unit_code"))" maxlength="40" placeholder="\(ctx.t(Catalogue.defaultPersonUnit))">
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.addTraineesBulk))</button></div>
                </form>
                \(courseForm(ctx, principal, form: filled("edit"), message: which == "edit" ? message : nil, errors: which == "edit" ? errors : [], edit: c))
                \(deleteForm)
                """
        }
        // A refusal that belongs to no form (a stale save, a delete refused, a read-only user) shows at the top.
        let topErrors = ["add", "bulk", "edit"].contains(which) && canWrite ? HTML.empty : Layout.errors(ctx, message, errors)
        let title = c.name
        let body: HTML = """
            <h1>\(title)</h1>
            \(topErrors)
            <dl class="facts" id="course-facts">
            <dt>\(ctx.t(Catalogue.courseCode))</dt><dd>\(c.code)</dd>
            <dt>\(ctx.t(Catalogue.courseKind))</dt><dd>\(ctx.t(c.kind.label))</dd>
            <dt>\(ctx.t(Catalogue.courseOrganizer))</dt><dd>\(c.organizer.name) (\(c.organizer.code))</dd>
            <dt>\(ctx.t(Catalogue.coursePlace))</dt><dd>\(c.place ?? "")</dd>
            <dt>\(ctx.t(Catalogue.courseDates))</dt><dd>\(ctx.date(c.startsOn)) – \(ctx.date(c.endsOn))</dd>
            <dt>\(ctx.t(Catalogue.courseStatusLabel))</dt><dd id="course-status">\(ctx.t(detail.status.label))</dd>
            <dt>\(ctx.t(Catalogue.courseDecision))</dt><dd>\(c.decisionNo ?? "")</dd>
            </dl>
            \(detail.organizes ? HTML.empty : HTML("<p class=\"muted\">\(ctx.t(Catalogue.onlyYourTrainees))</p>"))
            <h2>\(ctx.t(Catalogue.courseTrainees)) (\(ctx.number(detail.trainees.count)))</h2>
            \(rows.isEmpty ? HTML("<p id=\"trainees-table\">\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="trainees-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.birthDate))</th>
            <th>\(ctx.t(Catalogue.sendingUnit))</th><th>\(ctx.t(Catalogue.trainingResultLabel))</th><th>\(ctx.t(Catalogue.certificateNo))</th>
            <th>\(ctx.t(Catalogue.certificateOn))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Self.exportLinks(ctx, SiteURL.courseTraineesExport(c.id), []))
            \(forms)
            \(annulled.isEmpty ? HTML.empty : HTML("""
            <h2>\(ctx.t(Catalogue.annulledTrainees))</h2>
            <table id="annulled-trainees"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.annulledOn))</th><th>\(ctx.t(Catalogue.reason))</th></tr></thead>
            <tbody>\(annulled)</tbody></table>
            """))
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, principal.role.seesPersonalData ? history : history.map { $0.masking(["person"]) }))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.trainingArea), SiteURL.trainingCourses), (title, nil)],
            flash: flash,
            content: body)
    }

    func enrollmentAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> String
    ) async throws -> Response {
        try await formAction(
            request, context, form: form, page: { try await enrollmentPage($0, principal, id: id, form: $1, message: $2, errors: $3) }, action)
    }

    func enrollmentPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, form: FormData = FormData(), message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let (e, course, organizes) = try await services.training.enrollment(principal, id: id)
        // The result form comes back as typed; a refused annulment leaves it as stored.
        let filled = form.values["version"] != nil
        let result = filled ? form.string("result") : e.outcome.result?.rawValue ?? ""
        let results = options(TrainingResult.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: result, empty: ctx.t(Catalogue.noResultYet))
        let canWrite = principal.role.canWriteRecords && organizes && e.isActive
        let forms: HTML =
            canWrite
            ? """
            <form method="post" action="\(SiteURL.enrollment(e.id))" class="stacked" id="enrollment-form">\(ctx.csrfField)
            <input type="hidden" name="version" value="\(String(e.version))">
            <label for="sending_unit_code">\(ctx.t(Catalogue.sendingUnitCode))</label>
            <input type="text" id="sending_unit_code" name="sending_unit_code" value="\(filled ? form.string("sending_unit_code") : e.sending.code)" maxlength="40">
            <label for="result">\(ctx.t(Catalogue.trainingResultLabel))</label><select id="result" name="result">\(results)</select>
            <label for="certificate_no">\(ctx.t(Catalogue.certificateNo))</label>
            <input type="text" id="certificate_no" name="certificate_no" value="\(filled ? form.string("certificate_no") : e.outcome.certificateNo ?? "")" maxlength="200">
            <label for="certificate_on">\(ctx.t(Catalogue.certificateOn))</label>\(Self.dateInput(ctx, name: "certificate_on", value: filled ? form.string("certificate_on") : e.outcome.certificateOn?.iso ?? ""))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
            </form>
            <h2>\(ctx.t(Catalogue.annulTrainee))</h2>
            <p class="muted">\(ctx.t(Catalogue.annulHelp))</p>
            <form method="post" action="\(SiteURL.enrollmentAnnul(e.id))" class="stacked" id="enrollment-annul-form">\(ctx.csrfField)
            <label for="reason">\(ctx.t(Catalogue.reason))</label><input type="text" id="reason" name="reason" maxlength="500" required>
            <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.annulTrainee))</button></div>
            </form>
            """ : .empty
        let title = e.person.fullName + " — " + course.name
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <dl class="facts" id="enrollment-facts">
            <dt>\(ctx.t(Catalogue.fullName))</dt><dd>\(personLink(e.person))</dd>
            <dt>\(ctx.t(Catalogue.courseName))</dt><dd><a href="\(SiteURL.course(course.id))">\(course.name)</a> (\(course.code))</dd>
            <dt>\(ctx.t(Catalogue.sendingUnit))</dt><dd>\(e.sending.name)</dd>
            <dt>\(ctx.t(Catalogue.trainingResultLabel))</dt><dd>\(e.outcome.result.map { ctx.t($0.label) } ?? ctx.t(Catalogue.noResultYet))</dd>
            \(e.annulledOn.map { HTML("<dt>\(ctx.t(Catalogue.annulledOn))</dt><dd>\(ctx.date($0)) — \(e.annulReason ?? "")</dd>") } ?? HTML.empty)
            </dl>
            \(forms)
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [
                (ctx.t(Catalogue.trainingArea), SiteURL.trainingCourses), (course.name, SiteURL.course(course.id)), (e.person.fullName, nil),
            ], content: body)
    }

    // MARK: - A person's courses and exams

    /// The section of a member's page listing their courses and exams; `hasRecords` (from `MemberService.overview`)
    /// false spares the reads.
    func trainingSection(_ ctx: PageContext, _ principal: Principal, member: Member, hasRecords: Bool) async throws -> HTML {
        trainingSection(ctx, hasRecords ? try await services.training.personRecords(principal, member: member) : PersonTraining.none)
    }

    /// The section of a cadre's page listing their courses and exams.
    func trainingSection(_ ctx: PageContext, _ principal: Principal, cadreId: Int64) async throws -> HTML {
        trainingSection(ctx, try await services.training.personRecords(principal, cadreId: cadreId))
    }

    private func trainingSection(_ ctx: PageContext, _ records: PersonTraining) -> HTML {
        let courses: [HTML] = records.courses.map { item in
            """
            <tr><td><a href="\(SiteURL.course(item.course.id))">\(item.course.name)</a></td><td>\(ctx.t(item.course.kind.label))</td>
            <td>\(ctx.date(item.course.startsOn)) – \(ctx.date(item.course.endsOn))</td>
            <td>\(item.enrollment.outcome.result.map { ctx.t($0.label) } ?? ctx.t(Catalogue.noResultYet))</td><td>\(item.enrollment.outcome.certificateNo ?? "")</td></tr>
            """
        }
        let exams: [HTML] = records.exams.map { item in
            let plan: HTML = item.plan.map { "\($0.training) (\(ctx.t(Catalogue.planDeadline)): \(ctx.date($0.deadline)))" } ?? .empty
            return """
                <tr><td><a href="\(SiteURL.exam(item.session.id))">\(item.session.name)</a></td><td>\(ctx.t(item.session.kind.label))</td>
                <td>\(ctx.date(item.session.heldOn))</td><td>\(item.candidate.score?.text(ctx.language) ?? "")</td><td>\(ctx.t(item.outcome.label))</td><td>\(plan)</td></tr>
                """
        }
        return """
            <h2>\(ctx.t(Catalogue.personTraining))</h2>
            \(courses.isEmpty ? HTML("<p id=\"person-courses\" class=\"muted\">\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="person-courses"><thead><tr><th>\(ctx.t(Catalogue.courseName))</th><th>\(ctx.t(Catalogue.courseKind))</th><th>\(ctx.t(Catalogue.courseDates))</th>
            <th>\(ctx.t(Catalogue.trainingResultLabel))</th><th>\(ctx.t(Catalogue.certificateNo))</th></tr></thead><tbody>\(courses)</tbody></table>
            """))
            \(exams.isEmpty ? HTML.empty : HTML("""
            <h2>\(ctx.t(Catalogue.personExams))</h2>
            <table id="person-exams"><thead><tr><th>\(ctx.t(Catalogue.examName))</th><th>\(ctx.t(Catalogue.examKindLabel))</th><th>\(ctx.t(Catalogue.examHeldOn))</th>
            <th>\(ctx.t(Catalogue.examScore))</th><th>\(ctx.t(Catalogue.examOutcomeLabel))</th><th>\(ctx.t(Catalogue.planTraining))</th></tr></thead><tbody>\(exams)</tbody></table>
            """))
            """
    }
}
