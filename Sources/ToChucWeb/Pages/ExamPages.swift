import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// Exam sessions (thi tuyển, thi nâng ngạch, kiểm tra sát hạch), candidates and scores, training plans after a failed
/// sát hạch, and the staff-reduction list (DOMAIN.md §3; seed 004).
extension Site {
    func registerExamPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.exams)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await examIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.exams)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let session = try await services.training.createSession(principal, Self.examDraft(form))
                return Responses.redirect(SiteURL.exam(session.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await examIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent
                )
            }
        }
        router.get(RouterPath(SiteURL.examsExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.training.exportSessions(principal, try Self.examQuery(request))
            // Columns 6 to 8: candidates, passed, failed.
            return try await download(
                request, principal, rows: rows, sheet: "ky-thi", baseName: Self.fileName("ky-thi", principal), numeric: [6, 7, 8])
        }
        router.get(RouterPath(SiteURL.staffReduction)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await staffReductionPage(ctx, principal, request: request))
        }
        router.get(RouterPath(SiteURL.staffReductionExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.training.exportStaffReduction(
                principal, unitCode: (request.query("unit") ?? "").trimmed, today: try Self.onDate(request))
            return try await download(request, principal, rows: rows, sheet: "tinh-gian", baseName: Self.fileName("xem-xet-tinh-gian", principal))
        }
        router.get("/exams/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            let file = try await listDownload(request, principal, sheet: "thi-sinh", baseName: "thi-sinh-ky-thi-\(id)") {
                let detail = try await services.training.session(principal, id: id)
                let language = principal.language
                return [
                    [
                        Catalogue.fullName, Catalogue.cardNo, Catalogue.workUnit, Catalogue.examScore, Catalogue.examOutcomeLabel,
                        Catalogue.planTraining,
                    ]
                    .map { $0.text(language) }
                ]
                    + detail.candidates.map { row in
                        [
                            row.candidate.person.fullName, row.candidate.person.cardNo ?? "", row.candidate.work.name,
                            row.candidate.score?.text(language) ?? "",
                            row.outcome.label.text(language), row.needsPlan ? Catalogue.planNeeded.text(language) : row.plan?.training ?? "",
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let flash: String? =
                request.query("saved") != nil
                ? ctx.t(Catalogue.trainingSaved) : request.query("added").flatMap { Int($0) }.map { ctx.t(Catalogue.bulkAdded($0, skipped: 0)) }
            return Responses.html(try await examPage(ctx, principal, id: id, flash: flash))
        }
        router.post("/exams/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            let form = context.form
            return try await examAction(request, context, principal, id: id, form: form) {
                _ = try await services.training.updateSession(
                    principal, id: id, Self.examDraft(form), expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.exam(id) + "?saved=1"
            }
        }
        router.post("/exams/:id/candidates") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            let form = context.form
            return try await examAction(request, context, principal, id: id, form: form) {
                _ = try await services.training.addCandidate(
                    principal, sessionId: id, person: form.string("person"), workCode: form.string("work_unit_code"), score: form.string("score"))
                return SiteURL.exam(id) + "?saved=1"
            }
        }
        router.post("/exams/:id/candidates/bulk") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.examNotFound)
            let form = context.form
            return try await examAction(request, context, principal, id: id, form: form) {
                let added = try await services.training.addCandidates(
                    principal, sessionId: id, numbers: form.string("numbers"), workCode: form.string("bulk_work_unit_code"))
                return SiteURL.exam(id) + "?added=\(added.count)"
            }
        }
        router.get("/exams/candidates/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            let ctx = try await pageContext(request, context)
            return Responses.html(
                try await candidatePage(ctx, principal, id: id, flash: request.query("saved") != nil ? ctx.t(Catalogue.trainingSaved) : nil))
        }
        router.post("/exams/candidates/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            let form = context.form
            return try await candidateAction(request, context, principal, id: id, form: form) {
                let saved = try await services.training.recordScore(
                    principal, candidateId: id, score: form.string("score"), expectedVersion: Int(form.string("version")) ?? 0)
                return form.string("_from") == "exam" ? SiteURL.exam(saved.sessionId) + "?saved=1" : SiteURL.candidate(id) + "?saved=1"
            }
        }
        router.post("/exams/candidates/:id/annul") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            let form = context.form
            return try await candidateAction(request, context, principal, id: id, form: form) {
                let saved = try await services.training.annulCandidate(principal, candidateId: id, reason: form.string("reason"))
                return SiteURL.exam(saved.sessionId) + "?saved=1"
            }
        }
        router.post("/exams/candidates/:id/plan") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.candidateNotFound)
            let form = context.form
            return try await candidateAction(request, context, principal, id: id, form: form) {
                _ = try await services.training.createPlan(principal, candidateId: id, Self.planDraft(form))
                return SiteURL.candidate(id) + "?saved=1"
            }
        }
        router.post("/exams/plans/:id") { request, context in
            let principal = try context.requirePrincipal()
            let planId = try Self.pathId(context, notFound: Catalogue.planNotFound)
            let form = context.form
            let candidateId = Int64(form.string("candidate_id")) ?? 0
            return try await candidateAction(request, context, principal, id: candidateId, form: form) {
                let plan = try await services.training.updatePlan(
                    principal, planId: planId, Self.planDraft(form), expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.candidate(plan.candidateId) + "?saved=1"
            }
        }
        router.post("/exams/plans/:id/close") { request, context in
            let principal = try context.requirePrincipal()
            let planId = try Self.pathId(context, notFound: Catalogue.planNotFound)
            let form = context.form
            let candidateId = Int64(form.string("candidate_id")) ?? 0
            return try await candidateAction(request, context, principal, id: candidateId, form: form) {
                let plan = try await services.training.closePlan(principal, planId: planId, reason: form.string("reason"))
                return SiteURL.candidate(plan.candidateId) + "?saved=1"
            }
        }
    }

    static func examDraft(_ form: FormData) -> ExamSessionDraft {
        ExamSessionDraft(
            code: form.string("code"), kind: form.string("kind"), name: form.string("name"), heldOn: form.string("held_on"),
            organizerCode: form.string("organizer_code"), passMark: form.string("pass_mark"))
    }

    static func planDraft(_ form: FormData) -> TrainingPlanDraft {
        TrainingPlanDraft(
            training: form.string("training"), deadline: form.string("deadline"), courseCode: form.string("course_code"),
            completedOn: form.string("completed_on"))
    }

    static func examQuery(_ request: Request) throws -> ExamQuery {
        var query = ExamQuery()
        query.text = request.query("q") ?? ""
        query.kind = request.query("kind") ?? ""
        query.unitCode = (request.query("unit") ?? "").trimmed
        query.year = try year(request)
        query.page = request.query("page").flatMap { Int($0) } ?? 1
        return query
    }

    /// `on`: the date the staff-reduction list is read for (default today, not later).
    static func onDate(_ request: Request) throws -> CivilDate {
        let today = Timestamp.vietnamDate()
        guard let text = request.query("on"), !text.isEmpty else { return today }
        guard let date = CivilDate(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("on", Catalogue.invalidDate(text))])
        }
        return date
    }

    func examAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> String
    ) async throws -> Response {
        try await formAction(
            request, context, form: form, page: { try await examPage($0, principal, id: id, form: $1, message: $2, errors: $3) }, action)
    }

    func candidateAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> String
    ) async throws -> Response {
        try await formAction(
            request, context, form: form, page: { try await candidatePage($0, principal, id: id, form: $1, message: $2, errors: $3) }, action)
    }

    func examIndex(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    ) async throws
        -> HTML
    {
        let query = try Self.examQuery(request)
        let result = try await services.training.sessions(principal, query)
        let rows: [HTML] = result.items.map { s in
            let x = s.session
            return """
                <tr><td><a href="\(SiteURL.exam(x.id))">\(x.code)</a></td><td>\(x.name)</td><td>\(ctx.t(x.kind.label))</td><td>\(ctx.date(x.heldOn))</td>
                <td>\(x.organizer.name)</td><td class="num">\(x.passMark.text(ctx.language))</td><td class="num">\(ctx.number(s.candidates))</td>
                <td class="num">\(ctx.number(s.passed))</td><td class="num">\(ctx.number(s.failed))</td></tr>
                """
        }
        let kinds = options(ExamKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: query.kind, empty: ctx.t(Catalogue.allKinds))
        let filters: [(String, String)] = [
            ("q", query.text), ("kind", query.kind), ("year", query.year.map(String.init) ?? ""), ("unit", query.unitCode),
        ]
        let createForm: HTML =
            principal.role.canWriteRecords ? examForm(ctx, principal, form: form, message: message, errors: errors, edit: nil) : .empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.examsArea))</h1>
            <p class="actions"><a class="button secondary" href="\(SiteURL.staffReduction)">\(ctx.t(Catalogue.staffReductionList))</a>
            <a class="button secondary" href="\(SiteURL.trainingCourses)">\(ctx.t(Catalogue.trainingArea))</a></p>
            <form method="get" action="\(SiteURL.exams)" class="searchbar" role="search">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            <div><label for="kind">\(ctx.t(Catalogue.examKindLabel))</label><br><select id="kind" name="kind">\(kinds)</select></div>
            <div><label for="year">\(ctx.t(Catalogue.yearLabel))</label><br><input type="text" id="year" name="year" value="\(query.year.map(String.init) ?? "")" maxlength="4" inputmode="numeric"></div>
            \(unitField(ctx, query.unitCode))
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="exams-table"><thead><tr><th>\(ctx.t(Catalogue.courseCode))</th><th>\(ctx.t(Catalogue.examName))</th><th>\(ctx.t(Catalogue.examKindLabel))</th>
            <th>\(ctx.t(Catalogue.examHeldOn))</th><th>\(ctx.t(Catalogue.courseOrganizer))</th><th>\(ctx.t(Catalogue.passMark))</th>
            <th>\(ctx.t(Catalogue.examCandidates))</th><th>\(ctx.t(Catalogue.examPassed))</th><th>\(ctx.t(Catalogue.examFailed))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.exams, filters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(Self.exportLinks(ctx, SiteURL.examsExport, filters))
            \(createForm)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.examsArea), breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.examsArea), nil)],
            content: body)
    }

    func examForm(_ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError], edit: ExamSession?) -> HTML {
        let draft = form.values.isEmpty ? (edit?.draft ?? ExamSessionDraft(organizerCode: principal.unitCode, passMark: "50")) : Self.examDraft(form)
        let kinds = options(ExamKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }, selected: draft.kind)
        let title = ctx.t(edit == nil ? Catalogue.newExam : Catalogue.editExam)
        let version: HTML =
            edit.map { session in
                "<input type=\"hidden\" name=\"_form\" value=\"edit\"><input type=\"hidden\" name=\"version\" value=\"\(String(form.values.isEmpty ? session.version : Int(form.string("version")) ?? session.version))\">"
            } ?? .empty
        return """
            <h2>\(title)</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(edit.map { SiteURL.exam($0.id) } ?? SiteURL.exams)" class="stacked" id="\(edit == nil ? "exam-form" : "exam-edit-form")">
            \(ctx.csrfField)\(version)
            <label for="code">\(ctx.t(Catalogue.courseCode))</label>
            <input type="text" id="code" name="code" value="\(draft.code)" maxlength="40" placeholder="\(ctx.t(Catalogue.codeMadeIfEmpty))">
            <label for="exam-kind">\(ctx.t(Catalogue.examKindLabel))</label><select id="exam-kind" name="kind">\(kinds)</select>
            <label for="name">\(ctx.t(Catalogue.examName))</label>
            <input type="text" id="name" name="name" value="\(draft.name)" maxlength="300" required>
            <label for="held_on">\(ctx.t(Catalogue.examHeldOn))</label>\(Self.dateInput(ctx, name: "held_on", value: draft.heldOn))
            <label for="organizer_code">\(ctx.t(Catalogue.organizerCode))</label>
            <input type="text" id="organizer_code" name="organizer_code" value="\(draft.organizerCode)" maxlength="40" required>
            <label for="pass_mark">\(ctx.t(Catalogue.passMark))</label>
            <input type="text" id="pass_mark" name="pass_mark" value="\(draft.passMark)" maxlength="6" inputmode="decimal">
            <div class="actions"><button type="submit">\(title)</button></div>
            </form>
            """
    }

    /// Where a plan stands, in words.
    func planStatusText(_ ctx: PageContext, _ status: StaffReductionStatus?) -> String {
        guard let status else { return "" }
        let date = { (d: CivilDate) in ctx.date(d) }
        switch status {
        case .closed: return ctx.t(Catalogue.planClosedLabel)
        case .resolved(let on): return ctx.t(Catalogue.planResolved(date(on)))
        case .inProgress(let deadline): return ctx.t(Catalogue.planInProgress(date(deadline)))
        case .considered(let reasons): return ctx.t(Catalogue.staffReductionList) + ": " + reasons.map { ctx.t($0.message) }.joined(separator: " ")
        }
    }

    func examPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), message: Localized? = nil,
        errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.training.session(principal, id: id)
        let history = try await services.training.sessionHistory(principal, id: id)
        let x = detail.session
        let canWrite = principal.role.canWriteRecords && detail.organizes
        let rows: [HTML] = detail.candidates.map { row in
            let k = row.candidate
            let scoreForm: HTML =
                canWrite
                ? """
                <form method="post" action="\(SiteURL.candidate(k.id))" class="inline">\(ctx.csrfField)
                <input type="hidden" name="_from" value="exam"><input type="hidden" name="version" value="\(String(k.version))">
                <input type="text" name="score" value="\(k.score?.text(ctx.language) ?? "")" maxlength="6" size="5" inputmode="decimal" aria-label="\(ctx.t(Catalogue.examScore))">
                <button type="submit" class="secondary">\(ctx.t(Catalogue.save))</button></form>
                """ : HTML("\(k.score?.text(ctx.language) ?? "")")
            let plan: HTML =
                row.needsPlan
                ? "<strong>\(ctx.t(Catalogue.planNeeded))</strong>"
                : row.plan.map { "\($0.training) — \(planStatusText(ctx, row.planStatus))" } ?? .empty
            return """
                <tr><td><a href="\(SiteURL.candidate(k.id))">\(k.person.fullName)</a></td><td>\(k.person.cardNo ?? "")</td><td>\(k.work.name)</td>
                <td>\(scoreForm)</td><td class="outcome-\(row.outcome.rawValue)">\(ctx.t(row.outcome.label))</td><td>\(plan)</td></tr>
                """
        }
        let annulled: [HTML] = detail.annulled.map { k in
            "<tr><td>\(personLink(k.person))</td><td>\(ctx.date(k.annulledOn))</td><td>\(k.annulReason ?? "")</td></tr>"
        }
        let which = form.string("_form")
        func filled(_ name: String) -> FormData { which == name ? form : FormData() }
        func errorsFor(_ name: String) -> HTML { which == name ? Layout.errors(ctx, message, errors) : .empty }
        var forms: HTML = .empty
        if canWrite {
            let add = filled("add")
            forms = """
                <h2>\(ctx.t(Catalogue.addCandidate))</h2>
                \(errorsFor("add"))
                <form method="post" action="\(SiteURL.examCandidates(x.id))" class="stacked" id="candidate-form">\(ctx.csrfField)
                <input type="hidden" name="_form" value="add">
                <label for="person">\(ctx.t(Catalogue.memberNumber))</label>
                <input type="text" id="person" name="person" value="\(add.string("person"))" maxlength="20" required>
                <label for="work_unit_code">\(ctx.t(Catalogue.workUnitCode))</label>
                <input type="text" id="work_unit_code" name="work_unit_code" value="\(add.string("work_unit_code"))" maxlength="40" placeholder="\(ctx.t(Catalogue.defaultPersonUnit))">
                <label for="score">\(ctx.t(Catalogue.examScore))</label>
                <input type="text" id="score" name="score" value="\(add.string("score"))" maxlength="6" inputmode="decimal">
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.addCandidate))</button></div>
                </form>
                <h2>\(ctx.t(Catalogue.addCandidatesBulk))</h2>
                \(errorsFor("bulk"))
                <form method="post" action="\(SiteURL.examCandidatesBulk(x.id))" class="stacked" id="candidate-bulk-form">\(ctx.csrfField)
                <input type="hidden" name="_form" value="bulk">
                <label for="numbers">\(ctx.t(Catalogue.bulkNumbers))</label>
                <textarea id="numbers" name="numbers" rows="6" cols="40">\(filled("bulk").string("numbers"))</textarea>
                <label for="bulk_work_unit_code">\(ctx.t(Catalogue.workUnitCode))</label>
                <input type="text" id="bulk_work_unit_code" name="bulk_work_unit_code" value="\(filled("bulk").string("bulk_work_unit_code"))" maxlength="40" placeholder="\(ctx.t(Catalogue.defaultPersonUnit))">
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.addCandidatesBulk))</button></div>
                </form>
                \(examForm(ctx, principal, form: filled("edit"), message: which == "edit" ? message : nil, errors: which == "edit" ? errors : [], edit: x))
                """
        }
        let topErrors = ["add", "bulk", "edit"].contains(which) && canWrite ? HTML.empty : Layout.errors(ctx, message, errors)
        let title = x.name
        let body: HTML = """
            <h1>\(title)</h1>
            \(topErrors)
            <dl class="facts" id="exam-facts">
            <dt>\(ctx.t(Catalogue.courseCode))</dt><dd>\(x.code)</dd>
            <dt>\(ctx.t(Catalogue.examKindLabel))</dt><dd>\(ctx.t(x.kind.label))</dd>
            <dt>\(ctx.t(Catalogue.examHeldOn))</dt><dd>\(ctx.date(x.heldOn))</dd>
            <dt>\(ctx.t(Catalogue.courseOrganizer))</dt><dd>\(x.organizer.name) (\(x.organizer.code))</dd>
            <dt>\(ctx.t(Catalogue.passMark))</dt><dd id="pass-mark">\(x.passMark.text(ctx.language))</dd>
            </dl>
            <p class="muted">\(ctx.t(Catalogue.passMarkHelp))</p>
            \(detail.organizes ? HTML.empty : HTML("<p class=\"muted\">\(ctx.t(Catalogue.onlyYourCandidates))</p>"))
            <h2>\(ctx.t(Catalogue.examCandidates)) (\(ctx.number(detail.candidates.count)))</h2>
            \(Self.exportLinks(ctx, SiteURL.exam(x.id), []))
            \(rows.isEmpty ? HTML("<p id=\"candidates-table\">\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="candidates-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.workUnit))</th>
            <th>\(ctx.t(Catalogue.examScore))</th><th>\(ctx.t(Catalogue.examOutcomeLabel))</th><th>\(ctx.t(Catalogue.planTraining))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """))
            \(forms)
            \(annulled.isEmpty ? HTML.empty : HTML("""
            <h2>\(ctx.t(Catalogue.annulledCandidates))</h2>
            <table id="annulled-candidates"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.annulledOn))</th><th>\(ctx.t(Catalogue.reason))</th></tr></thead>
            <tbody>\(annulled)</tbody></table>
            """))
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, principal.role.seesPersonalData ? history : history.map { $0.masking(["person"]) }))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.examsArea), SiteURL.exams), (title, nil)],
            flash: flash, content: body)
    }

    func candidatePage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), message: Localized? = nil,
        errors: [FieldError] = []
    ) async throws -> HTML {
        let (row, session, organizes) = try await services.training.candidate(principal, id: id)
        let k = row.candidate
        let which = form.string("_form")
        func filled(_ name: String) -> FormData { which == name ? form : FormData() }
        func errorsFor(_ name: String) -> HTML { which == name ? Layout.errors(ctx, message, errors) : .empty }
        var forms: HTML = .empty
        if principal.role.canWriteRecords && k.isActive {
            if organizes {
                let score = which == "score" ? form.string("score") : k.score?.text(ctx.language) ?? ""
                forms =
                    forms + """
                        <h2>\(ctx.t(Catalogue.examScore))</h2>
                        \(errorsFor("score"))
                        <form method="post" action="\(SiteURL.candidate(k.id))" class="stacked" id="score-form">\(ctx.csrfField)
                        <input type="hidden" name="_form" value="score"><input type="hidden" name="version" value="\(String(k.version))">
                        <label for="score">\(ctx.t(Catalogue.examScore))</label>
                        <input type="text" id="score" name="score" value="\(score)" maxlength="6" inputmode="decimal">
                        <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                        </form>
                        """
            }
            if row.needsPlan || row.plan != nil && row.plan?.closedOn == nil {
                let plan = row.plan
                let draft = which == "plan" ? Self.planDraft(form) : plan?.draft ?? TrainingPlanDraft()
                let hidden: HTML =
                    plan.map {
                        "<input type=\"hidden\" name=\"version\" value=\"\(String($0.version))\"><input type=\"hidden\" name=\"candidate_id\" value=\"\(String(k.id))\">"
                    } ?? .empty
                forms =
                    forms + """
                        <h2>\(ctx.t(plan == nil ? Catalogue.newPlan : Catalogue.editPlan))</h2>
                        <p class="muted">\(ctx.t(Catalogue.planHelp))</p>
                        \(errorsFor("plan"))
                        <form method="post" action="\(plan.map { SiteURL.plan($0.id) } ?? SiteURL.candidatePlan(k.id))" class="stacked" id="plan-form">\(ctx.csrfField)
                        <input type="hidden" name="_form" value="plan">\(hidden)
                        <label for="training">\(ctx.t(Catalogue.planTraining))</label>
                        <input type="text" id="training" name="training" value="\(draft.training)" maxlength="500" required>
                        <label for="deadline">\(ctx.t(Catalogue.planDeadline))</label>\(Self.dateInput(ctx, name: "deadline", value: draft.deadline))
                        <label for="course_code">\(ctx.t(Catalogue.planCourseCode))</label>
                        <input type="text" id="course_code" name="course_code" value="\(draft.courseCode)" maxlength="40">
                        <label for="completed_on">\(ctx.t(Catalogue.planCompletedOn))</label>\(Self.dateInput(ctx, name: "completed_on", value: draft.completedOn))
                        <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                        </form>
                        """
                if let plan {
                    forms =
                        forms + """
                            \(errorsFor("close"))
                            <form method="post" action="\(SiteURL.planClose(plan.id))" class="stacked" id="plan-close-form">\(ctx.csrfField)
                            <input type="hidden" name="_form" value="close"><input type="hidden" name="candidate_id" value="\(String(k.id))">
                            <label for="close_reason">\(ctx.t(Catalogue.planCloseReason))</label><input type="text" id="close_reason" name="reason" maxlength="500" required>
                            <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.closePlan))</button></div>
                            </form>
                            """
                }
            }
            if organizes {
                forms =
                    forms + """
                        <h2>\(ctx.t(Catalogue.annulCandidate))</h2>
                        \(errorsFor("annul"))
                        <form method="post" action="\(SiteURL.candidateAnnul(k.id))" class="stacked" id="candidate-annul-form">\(ctx.csrfField)
                        <input type="hidden" name="_form" value="annul">
                        <label for="reason">\(ctx.t(Catalogue.reason))</label><input type="text" id="reason" name="reason" maxlength="500" required>
                        <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.annulCandidate))</button></div>
                        </form>
                        """
            }
        }
        let known = ["score", "plan", "close", "annul"].contains(which)
        let plan: HTML =
            row.plan.map { p in
                HTML(
                    """
                    <dt>\(ctx.t(Catalogue.planTraining))</dt><dd id="plan-training">\(p.training)</dd>
                    <dt>\(ctx.t(Catalogue.planDeadline))</dt><dd>\(ctx.date(p.deadline))</dd>
                    <dt>\(ctx.t(Catalogue.planCourseCode))</dt><dd>\(p.courseId.map { HTML("<a href=\"\(SiteURL.course($0))\">\(p.courseName ?? "")</a>") } ?? HTML.empty)</dd>
                    <dt>\(ctx.t(Catalogue.planStatusLabel))</dt><dd id="plan-status">\(planStatusText(ctx, row.planStatus))</dd>
                    """)
            }
            ?? (row.needsPlan
                ? HTML("<dt>\(ctx.t(Catalogue.planTraining))</dt><dd id=\"plan-status\"><strong>\(ctx.t(Catalogue.planNeeded))</strong></dd>")
                : .empty)
        let title = k.person.fullName + " — " + session.name
        let body: HTML = """
            <h1>\(title)</h1>
            \(known ? HTML.empty : Layout.errors(ctx, message, errors))
            <dl class="facts" id="candidate-facts">
            <dt>\(ctx.t(Catalogue.fullName))</dt><dd>\(personLink(k.person))</dd>
            <dt>\(ctx.t(Catalogue.examName))</dt><dd><a href="\(SiteURL.exam(session.id))">\(session.name)</a> (\(ctx.t(session.kind.label)), \(ctx.date(session.heldOn)))</dd>
            <dt>\(ctx.t(Catalogue.workUnit))</dt><dd>\(k.work.name)</dd>
            <dt>\(ctx.t(Catalogue.examScore))</dt><dd>\(k.score?.text(ctx.language) ?? "") / \(ctx.t(Catalogue.passMark)) \(session.passMark.text(ctx.language))</dd>
            <dt>\(ctx.t(Catalogue.examOutcomeLabel))</dt><dd id="candidate-outcome">\(ctx.t(row.outcome.label))</dd>
            \(plan)
            \(k.annulledOn.map { HTML("<dt>\(ctx.t(Catalogue.annulledOn))</dt><dd>\(ctx.date($0)) — \(k.annulReason ?? "")</dd>") } ?? HTML.empty)
            </dl>
            \(forms)
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.examsArea), SiteURL.exams), (session.name, SiteURL.exam(session.id)), (k.person.fullName, nil)],
            flash: flash,
            content: body)
    }

    func staffReductionPage(_ ctx: PageContext, _ principal: Principal, request: Request) async throws -> HTML {
        let unit = (request.query("unit") ?? "").trimmed
        let on = try Self.onDate(request)
        let page = request.query("page").flatMap { Int($0) } ?? 1
        let result = try await services.training.staffReduction(principal, unitCode: unit, today: on, page: page)
        let rows: [HTML] = result.items.map { item in
            let k = item.candidate
            return """
                <tr><td><a href="\(SiteURL.candidate(k.id))">\(k.person.fullName)</a></td><td>\(k.person.cardNo ?? "")</td><td>\(k.work.name)</td>
                <td><a href="\(SiteURL.exam(item.session.id))">\(item.session.name)</a> (\(ctx.date(item.session.heldOn)))</td>
                <td class="num">\(k.score?.text(ctx.language) ?? "") / \(item.session.passMark.text(ctx.language))</td><td>\(item.plan.training)</td>
                <td>\(ctx.date(item.plan.deadline))</td><td>\(item.reasons.map { ctx.t($0.message) }.joined(separator: " "))</td></tr>
                """
        }
        let filters: [(String, String)] = [("unit", unit), ("on", request.query("on") ?? "")]
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.staffReductionList))</h1>
            <p class="muted">\(ctx.t(Catalogue.staffReductionHelp))</p>
            <form method="get" action="\(SiteURL.staffReduction)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="on">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "on", value: on.iso))</div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(rows.isEmpty ? HTML("<p id=\"staff-reduction-table\">\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="staff-reduction-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.workUnit))</th>
            <th>\(ctx.t(Catalogue.failedExam))</th><th>\(ctx.t(Catalogue.examScore))</th><th>\(ctx.t(Catalogue.planTraining))</th><th>\(ctx.t(Catalogue.planDeadline))</th>
            <th>\(ctx.t(Catalogue.staffReductionReasons))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.staffReduction, filters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(Self.exportLinks(ctx, SiteURL.staffReductionExport, filters))
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.staffReductionList),
            breadcrumbs: [
                (ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.examsArea), SiteURL.exams), (ctx.t(Catalogue.staffReductionList), nil),
            ],
            content: body)
    }
}
