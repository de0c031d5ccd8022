import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let tasks = "/tasks"
    static let tasksExport = "/tasks/export"
    static let tasksFocus = "/tasks/focus"
    static func task(_ id: Int64) -> String { "/tasks/\(id)" }
    /// `edit`, `note`, `complete`, `cancel`, `reopen`.
    static func taskAction(_ id: Int64, _ action: String) -> String { "/tasks/\(id)/\(action)" }
}

/// Tasks (DOMAIN.md §5): the tasks of a unit's subtree with filters (open on a day: what the report's `tasks_open` counts),
/// the focus list of a year (nhiệm vụ trọng tâm) with its progress bars, a task's page with its progress notes, steps and
/// history.
extension Site {
    func registerTaskPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.tasks)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            var form = FormData()
            form.set("document", request.query("document") ?? "")
            return Responses.html(try await tasksIndex(ctx, principal, request: request, form: form, message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.tasks)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let created = try await services.tasks.create(principal, Self.taskDraft(form))
                return Responses.redirect(SiteURL.task(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await tasksIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.tasksExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.tasks.exportRows(principal, Self.taskQuery(request))
            // Column 8: the progress in percent.
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.tasksArea.text(principal.language), baseName: Self.fileName("nhiem-vu", principal),
                numeric: [8])
        }
        router.get(RouterPath(SiteURL.tasksFocus)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await focusPage(ctx, principal, request: request))
        }
        router.get("/tasks/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.taskNotFound)
            let ctx = try await pageContext(request, context)
            let flash = request.query("created") != nil ? ctx.t(Catalogue.taskCreated) : request.query("saved") != nil ? ctx.t(Catalogue.betweenSaved) : nil
            return Responses.html(try await taskPage(ctx, principal, id: id, flash: flash))
        }
        for action in ["edit", "note", "complete", "cancel", "reopen"] {
            router.post(RouterPath("/tasks/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.taskNotFound)
                let form = context.form
                let version = Int(form.string("version")) ?? 0
                return try await formAction(request, context, form: form, page: { ctx, form, message, errors in
                    try await taskPage(ctx, principal, id: id, form: form, action: action, message: message, errors: errors)
                }) {
                    switch action {
                    case "edit": _ = try await services.tasks.update(principal, id: id, Self.taskDraft(form), expectedVersion: version)
                    case "note":
                        let step = TaskStep.note(text: form.string("note"), notedOn: form.string("noted_on"), progress: form.string("progress"))
                        _ = try await services.tasks.apply(principal, id: id, step, expectedVersion: version)
                    case "complete": _ = try await services.tasks.apply(principal, id: id, .complete(on: form.string("closed_on")), expectedVersion: version)
                    case "cancel":
                        let step = TaskStep.cancel(on: form.string("closed_on"), reason: form.string("reason"))
                        _ = try await services.tasks.apply(principal, id: id, step, expectedVersion: version)
                    default: _ = try await services.tasks.apply(principal, id: id, .reopen(reason: form.string("reason")), expectedVersion: version)
                    }
                    return SiteURL.task(id) + "?saved=1"
                }
            }
        }
    }

    static func taskDraft(_ form: FormData) -> TaskDraft {
        var d = TaskDraft()
        d.unitCode = form.string("unit_code")
        d.assignedByCode = form.string("assigned_by")
        d.document = form.string("document")
        d.title = form.string("title")
        d.description = form.string("description")
        d.owner = form.string("owner")
        d.assignedOn = form.string("assigned_on")
        d.deadline = form.string("deadline")
        d.focusYear = form.string("focus_year")
        return d
    }

    static func taskQuery(_ request: Request) -> TaskQuery {
        var q = TaskQuery()
        q.unitCode = (request.query("unit") ?? "").trimmed
        q.text = request.query("q") ?? ""
        q.status = request.query("status") ?? ""
        q.due = request.query("due") ?? ""
        q.openOn = request.query("open_on") ?? ""
        q.focusYear = request.query("focus_year") ?? ""
        q.documentId = request.query("document_id") ?? ""
        q.sort = request.query("sort") ?? ""
        q.page = request.query("page").flatMap { Int($0) } ?? 1
        return q
    }

    static func taskParameters(_ q: TaskQuery) -> [(String, String)] {
        [
            ("unit", q.unitCode), ("q", q.text), ("status", q.status), ("due", q.due), ("open_on", q.openOn), ("focus_year", q.focusYear),
            ("document_id", q.documentId), ("sort", q.sort),
        ]
    }

    func taskTable(_ ctx: PageContext, _ rows: [TaskRow], id: String) -> HTML {
        guard !rows.isEmpty else { return "<p id=\"\(id)\">\(ctx.t(Catalogue.noRecords))</p>" }
        let lines: [HTML] = rows.map { row in
            let t = row.task
            let document: HTML = t.document.map { "<a href=\"\(SiteURL.document($0.id))\">\($0.number)</a>" } ?? .empty
            let due: HTML = row.due == .overdue ? "<strong>\(ctx.t(row.due.label))</strong>" : "\(ctx.t(row.due.label))"
            return """
                <tr class="due-\(row.due.rawValue)"><td><a href="\(SiteURL.task(t.id))">\(t.title)</a></td><td>\(t.unitName)</td><td>\(document)</td>
                <td>\(t.owner ?? "")</td><td>\(ctx.date(t.assignedOn))</td><td>\(ctx.date(t.deadline))</td><td>\(ctx.t(t.status.label))</td>
                <td class="num"><progress max="100" value="\(t.state.progress)">\(t.state.progress)%</progress> \(t.state.progress)%</td><td>\(due)</td></tr>
                """
        }
        return """
            <table id="\(id)"><thead><tr><th>\(ctx.t(Catalogue.taskTitle))</th><th>\(ctx.t(Catalogue.taskUnit))</th><th>\(ctx.t(Catalogue.taskDocument))</th>
            <th>\(ctx.t(Catalogue.taskOwner))</th><th>\(ctx.t(Catalogue.taskAssignedOn))</th><th>\(ctx.t(Catalogue.taskDeadline))</th>
            <th>\(ctx.t(Catalogue.taskStatusLabel))</th><th>\(ctx.t(Catalogue.taskProgress))</th><th>\(ctx.t(Catalogue.taskDueLabel))</th></tr></thead>
            <tbody>\(lines)</tbody></table>
            """
    }

    func tasksIndex(_ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError])
        async throws -> HTML
    {
        let query = Self.taskQuery(request)
        let result = try await services.tasks.list(principal, query)
        let parameters = Self.taskParameters(query)
        let statuses = Self.vettingOptions(ctx, TaskStatus.allCases.map { ($0.rawValue, $0.label) }, selected: query.status, any: Catalogue.allStatuses)
        let dues = Self.vettingOptions(ctx, [("overdue", TaskDue.overdue.label)], selected: query.due, any: Catalogue.vettingAnyDue)
        let sorts = Self.vettingOptions(ctx, TaskQuery.sorts.map { ($0, Catalogue.taskSortLabel($0)) }, selected: query.sort)
        let openOn: HTML = CivilDate(parsing: query.openOn).map { "<p class=\"muted\" id=\"open-on\">\(ctx.t(Catalogue.taskOpenOnHelp(ctx.date($0))))</p>" } ?? .empty
        // A refused form comes first, so that its messages are in view.
        let refused = message != nil || !errors.isEmpty
        let newForm = principal.role.canWriteRecords ? taskForm(ctx, principal, form: form, message: message, errors: errors, task: nil) : HTML.empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.tasksArea))</h1>
            \(Self.betweenTabs(ctx, current: SiteURL.tasks))
            \(refused ? newForm : HTML.empty)
            <form method="get" action="\(SiteURL.tasks)" class="searchbar" role="search" id="tasks-filter">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="status">\(ctx.t(Catalogue.taskStatusLabel))</label><br><select id="status" name="status">\(statuses)</select></div>
            <div><label for="due">\(ctx.t(Catalogue.taskDueLabel))</label><br><select id="due" name="due">\(dues)</select></div>
            <div><label for="open_on">\(ctx.t(Catalogue.taskOpenOn))</label><br>\(Self.dateInput(ctx, name: "open_on", value: query.openOn))</div>
            <div><label for="focus_year">\(ctx.t(Catalogue.taskFocusYear))</label><br><input type="text" id="focus_year" name="focus_year" value="\(query.focusYear)" maxlength="4" inputmode="numeric" class="narrow"></div>
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <input type="hidden" name="document_id" value="\(query.documentId)">
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(openOn)
            \(Self.exportLinks(ctx, SiteURL.tasksExport, parameters))
            \(taskTable(ctx, result.items, id: "tasks"))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.tasks, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(refused ? HTML.empty : newForm)
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.tasksArea), breadcrumbs: [(ctx.t(Catalogue.tasksArea), nil)], content: body)
    }

    /// The new-task form, or the edit form of `task`.
    func taskForm(_ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError], task: TaskRecord?) -> HTML {
        func value(_ name: String, _ stored: String) -> String { form.values[name] != nil ? form.string(name) : stored }
        let action = task.map { SiteURL.taskAction($0.id, "edit") } ?? SiteURL.tasks
        let version: HTML = task.map { "<input type=\"hidden\" name=\"version\" value=\"\(String($0.version))\">" } ?? .empty
        return """
            <h2 id="\(task == nil ? "new" : "edit")">\(ctx.t(task == nil ? Catalogue.taskNew : Catalogue.taskEdit))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="\(task == nil ? "task-form" : "task-edit-form")">\(ctx.csrfField)\(version)
            <label for="title">\(ctx.t(Catalogue.taskTitle))</label>
            <input type="text" id="title" name="title" value="\(value("title", task?.title ?? ""))" maxlength="500" required>
            <label for="unit_code">\(ctx.t(Catalogue.taskUnit))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(value("unit_code", task?.unitCode ?? principal.unitCode))" maxlength="40">
            <label for="assigned_by">\(ctx.t(Catalogue.taskAssignedBy))</label>
            <input type="text" id="assigned_by" name="assigned_by" value="\(value("assigned_by", task?.assignedByCode ?? ""))" maxlength="40">
            <p class="muted">\(ctx.t(Catalogue.taskAssignedByHelp))</p>
            <label for="document">\(ctx.t(Catalogue.taskDocument))</label>
            <input type="text" id="document" name="document" value="\(value("document", task?.document?.number ?? ""))" maxlength="60" placeholder="21-NQ/TW">
            <label for="owner">\(ctx.t(Catalogue.taskOwner))</label>
            <input type="text" id="owner" name="owner" value="\(value("owner", task?.owner ?? ""))" maxlength="200">
            <label for="assigned_on">\(ctx.t(Catalogue.taskAssignedOn))</label>\(Self.dateInput(ctx, name: "assigned_on", value: value("assigned_on", task?.assignedOn.iso ?? "")))
            <label for="deadline">\(ctx.t(Catalogue.taskDeadline))</label>\(Self.dateInput(ctx, name: "deadline", value: value("deadline", task?.deadline.iso ?? "")))
            <label for="focus_year">\(ctx.t(Catalogue.taskFocusYear))</label>
            <input type="text" id="focus_year" name="focus_year" value="\(value("focus_year", task?.focusYear.map(String.init) ?? ""))" maxlength="4" inputmode="numeric" class="narrow">
            <label for="description">\(ctx.t(Catalogue.taskDescription))</label>
            <textarea id="description" name="description" maxlength="5000" rows="3">\(value("description", task?.description ?? ""))</textarea>
            <div class="actions"><button type="submit">\(ctx.t(task == nil ? Catalogue.taskNew : Catalogue.save))</button></div>
            </form>
            """
    }

    func focusPage(_ ctx: PageContext, _ principal: Principal, request: Request) async throws -> HTML {
        let unit = (request.query("unit") ?? "").trimmed
        let yearText = (request.query("year") ?? "").trimmed
        let year = Int(yearText) ?? Timestamp.vietnamDate().year
        var query = TaskQuery()
        query.unitCode = unit
        query.focusYear = String(year)
        query.perPage = UnitService.maximumPerPage
        let result = try await services.tasks.list(principal, query)
        let rows = result.items
        let done = rows.filter { $0.task.status == .done }.count
        let bars = rows.map { row in
            Charts.Bar(
                label: String(row.task.title.prefix(32)), hundredths: row.task.state.progress * 100,
                figure: "\(row.task.state.progress)%" + (row.due == .overdue ? " — " + ctx.t(TaskDue.overdue.label) : ""), targetPercent: nil,
                met: row.task.status == .done ? true : (row.due == .overdue ? false : nil))
        }
        let average = rows.isEmpty ? 0 : rows.map(\.task.state.progress).reduce(0, +) * 100 / rows.count
        let chart: HTML = rows.isEmpty ? .empty : Charts.bars(bars, title: ctx.t(Catalogue.taskFocusTitle(year)), id: "focus-chart")
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.taskFocusTitle(year)))</h1>
            \(Self.betweenTabs(ctx, current: SiteURL.tasksFocus))
            <form method="get" action="\(SiteURL.tasksFocus)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="year">\(ctx.t(Catalogue.staffingYear))</label><br><input type="text" id="year" name="year" value="\(String(year))" maxlength="4" inputmode="numeric" class="narrow"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <p id="focus-summary">\(ctx.t(Catalogue.taskFocusSummary(ctx.ratio(done, rows.count), ctx.percent(Double(average) / 100, fractionDigits: 0))))</p>
            \(chart)
            \(taskTable(ctx, rows, id: "focus-tasks"))
            \(Self.exportLinks(ctx, SiteURL.tasksExport, [("unit", unit), ("focus_year", String(year))]))
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.taskFocusTitle(year)), breadcrumbs: [(ctx.t(Catalogue.tasksArea), SiteURL.tasks), (ctx.t(Catalogue.taskFocusList), nil)],
            content: body)
    }

    func taskPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), action: String = "",
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.tasks.detail(principal, id: id)
        let history = try await services.tasks.history(principal, id: id)
        let t = detail.task
        func errorsFor(_ name: String) -> HTML { action == name ? Layout.errors(ctx, message, errors) : .empty }
        func typed(_ name: String, _ field: String, _ stored: String = "") -> String { action == name ? form.string(field) : stored }
        let version: HTML = "<input type=\"hidden\" name=\"version\" value=\"\(String(t.version))\">"
        var forms: HTML = .empty
        if principal.role.canWriteRecords {
            if t.status.isOpen {
                forms = forms + """
                    <h2>\(ctx.t(Catalogue.taskNoteAdd))</h2>
                    \(errorsFor("note"))
                    <form method="post" action="\(SiteURL.taskAction(id, "note"))" class="stacked" id="task-note-form">\(ctx.csrfField)\(version)
                    <label for="note">\(ctx.t(Catalogue.taskNoteText))</label>
                    <textarea id="note" name="note" maxlength="2000" rows="3" required>\(typed("note", "note"))</textarea>
                    <label for="progress">\(ctx.t(Catalogue.taskProgress))</label>
                    <input type="number" id="progress" name="progress" value="\(typed("note", "progress", String(t.state.progress)))" min="0" max="100" class="narrow">
                    <label for="noted_on">\(ctx.t(Catalogue.taskNotedOn))</label>\(Self.dateInput(ctx, name: "noted_on", value: typed("note", "noted_on")))
                    <div class="actions"><button type="submit">\(ctx.t(Catalogue.taskNoteAdd))</button></div>
                    </form>
                    <h2>\(ctx.t(Catalogue.taskComplete))</h2>
                    \(errorsFor("complete"))
                    <form method="post" action="\(SiteURL.taskAction(id, "complete"))" class="stacked" id="task-complete-form">\(ctx.csrfField)\(version)
                    <label for="complete-on">\(ctx.t(Catalogue.taskClosedOn))</label>
                    <input type="text" id="complete-on" name="closed_on" value="\(typed("complete", "closed_on"))" placeholder="\(ctx.t(Catalogue.datePlaceholder))" maxlength="10">
                    <div class="actions"><button type="submit">\(ctx.t(Catalogue.taskComplete))</button></div>
                    </form>
                    <h2>\(ctx.t(Catalogue.taskCancel))</h2>
                    \(errorsFor("cancel"))
                    <form method="post" action="\(SiteURL.taskAction(id, "cancel"))" class="stacked" id="task-cancel-form">\(ctx.csrfField)\(version)
                    <label for="cancel-reason">\(ctx.t(Catalogue.taskReason))</label>
                    <input type="text" id="cancel-reason" name="reason" value="\(typed("cancel", "reason"))" maxlength="500" required>
                    <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.taskCancel))</button></div>
                    </form>
                    """
            } else {
                forms = forms + """
                    <h2>\(ctx.t(Catalogue.taskReopen))</h2>
                    \(errorsFor("reopen"))
                    <form method="post" action="\(SiteURL.taskAction(id, "reopen"))" class="stacked" id="task-reopen-form">\(ctx.csrfField)\(version)
                    <label for="reopen-reason">\(ctx.t(Catalogue.taskReason))</label>
                    <input type="text" id="reopen-reason" name="reason" value="\(typed("reopen", "reason"))" maxlength="500" required>
                    <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.taskReopen))</button></div>
                    </form>
                    """
            }
            forms = forms + taskForm(ctx, principal, form: action == "edit" ? form : FormData(), message: action == "edit" ? message : nil,
                                     errors: action == "edit" ? errors : [], task: t)
        }
        let notes: [HTML] = detail.notes.map { n in
            "<tr><td>\(ctx.date(n.notedOn))</td><td class=\"num\">\(n.progress.map { "\($0)%" } ?? "")</td><td class=\"text\">\(n.text)</td><td>\(n.createdBy)</td></tr>"
        }
        let notesTable: HTML = notes.isEmpty
            ? "<p class=\"muted\" id=\"task-notes\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
                <table id="task-notes"><thead><tr><th>\(ctx.t(Catalogue.taskNotedOn))</th><th>\(ctx.t(Catalogue.taskProgress))</th>
                <th>\(ctx.t(Catalogue.taskNoteText))</th><th>\(ctx.t(Catalogue.who))</th></tr></thead><tbody>\(notes)</tbody></table>
                """
        let bar = Charts.bars(
            [Charts.Bar(label: ctx.t(Catalogue.taskProgress), hundredths: t.state.progress * 100, figure: "\(t.state.progress)%", targetPercent: nil,
                        met: t.status == .done ? true : (detail.due == .overdue ? false : nil))],
            title: ctx.t(Catalogue.taskProgress), id: "task-progress")
        let document: HTML = t.document.map { "<a href=\"\(SiteURL.document($0.id))\">\($0.number)</a> — \($0.title)" } ?? .empty
        let body: HTML = """
            <h1>\(t.title)</h1>
            <dl class="facts" id="task-facts">
            <dt>\(ctx.t(Catalogue.taskUnit))</dt><dd><a href="\(SiteURL.unit(t.unitCode))">\(t.unitName)</a></dd>
            <dt>\(ctx.t(Catalogue.taskAssignedBy))</dt><dd>\(t.assignedByName)</dd>
            <dt>\(ctx.t(Catalogue.taskDocument))</dt><dd id="task-document">\(document)</dd>
            <dt>\(ctx.t(Catalogue.taskOwner))</dt><dd>\(t.owner ?? "")</dd>
            <dt>\(ctx.t(Catalogue.taskAssignedOn))</dt><dd>\(ctx.date(t.assignedOn))</dd>
            <dt>\(ctx.t(Catalogue.taskDeadline))</dt><dd>\(ctx.date(t.deadline)) — <span id="task-due" class="due-\(detail.due.rawValue)">\(ctx.t(detail.due.label))</span></dd>
            <dt>\(ctx.t(Catalogue.taskStatusLabel))</dt><dd id="task-status">\(ctx.t(t.status.label))</dd>
            <dt>\(ctx.t(Catalogue.taskClosedOn))</dt><dd>\(ctx.date(t.state.closedOn))\(t.state.closeReason.map { " — " + $0 } ?? "")</dd>
            <dt>\(ctx.t(Catalogue.taskFocusYear))</dt><dd>\(t.focusYear.map(String.init) ?? "")</dd>
            <dt>\(ctx.t(Catalogue.taskDescription))</dt><dd class="text">\(t.description ?? "")</dd>
            </dl>
            \(bar)
            <h2>\(ctx.t(Catalogue.taskNotes))</h2>
            \(notesTable)
            \(forms)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(ctx, title: t.title, breadcrumbs: [(ctx.t(Catalogue.tasksArea), SiteURL.tasks), (t.title, nil)], flash: flash, content: body)
    }
}
