import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let proposals = "/proposals"
    static let proposalsExport = "/proposals/export"
    static let proposalSettings = "/proposals/settings"
    static func proposal(_ id: Int64) -> String { "/proposals/\(id)" }
    /// `assign`, `answer`, `withdraw`, `remind`, `files`.
    static func proposalAction(_ id: Int64, _ action: String) -> String { "/proposals/\(id)/\(action)" }
}

/// Proposals and recommendations (DOMAIN.md §5): a unit's inbox and outbox with filters, counts, overdue highlighting and
/// exports; the new-proposal form with a file; a proposal's page with the forms of the principal's side and its history;
/// the reminder's setting (administrators of a top unit).
extension Site {
    func registerProposalPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.proposals)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await proposalsIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.proposals)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            var draft = ProposalDraft()
            draft.kind = form.string("kind")
            draft.fromUnitCode = form.string("from_unit")
            draft.toUnitCode = form.string("to_unit")
            draft.subject = form.string("subject")
            draft.text = form.string("text")
            draft.receivedOn = form.string("received_on")
            draft.handler = form.string("handler")
            let upload = context.uploads.first { $0.name == "file" && !($0.filename ?? "").isEmpty }
            do {
                // The file is checked before anything is stored, so that a refused file leaves no proposal behind.
                if let upload { _ = try AttachmentRules.check(fileName: upload.filename ?? "", bytes: [UInt8](upload.data)).get() }
                let created = try await services.proposals.create(principal, draft)
                if let upload { _ = try await services.proposals.attach(principal, id: created.id, fileName: upload.filename ?? "", data: upload.data) }
                return Responses.redirect(SiteURL.proposal(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await proposalsIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.proposalsExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.proposals.exportRows(principal, Self.proposalQuery(request))
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.proposalsArea.text(principal.language),
                baseName: Self.fileName("de-xuat-kien-nghi", principal))
        }
        router.get(RouterPath(SiteURL.proposalSettings)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(
                try await proposalSettingsPage(ctx, principal, form: nil, message: nil, errors: [], flash: request.query("saved") != nil ? ctx.t(Catalogue.betweenSaved) : nil))
        }
        router.post(RouterPath(SiteURL.proposalSettings)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            return try await formAction(request, context, form: form, page: { ctx, form, message, errors in
                try await proposalSettingsPage(ctx, principal, form: form, message: message, errors: errors, flash: nil)
            }) {
                _ = try await services.proposals.saveSettings(
                    principal, reminderWorkingDays: form.string("reminder_working_days"), expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.proposalSettings + "?saved=1"
            }
        }
        router.get("/proposals/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.proposalNotFound)
            let ctx = try await pageContext(request, context)
            let flash = request.query("created") != nil ? ctx.t(Catalogue.proposalCreated) : request.query("saved") != nil ? ctx.t(Catalogue.betweenSaved) : nil
            return Responses.html(try await proposalPage(ctx, principal, id: id, flash: flash))
        }
        for action in ["assign", "answer", "withdraw", "remind", "files"] {
            router.post(RouterPath("/proposals/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.proposalNotFound)
                let form = context.form
                let upload = context.uploads.first { $0.name == "file" }
                return try await formAction(request, context, form: form, page: { ctx, form, message, errors in
                    try await proposalPage(ctx, principal, id: id, form: form, action: action, message: message, errors: errors)
                }) {
                    if action == "files" {
                        _ = try await services.proposals.attach(principal, id: id, fileName: upload?.filename ?? "", data: upload?.data ?? Data())
                        return SiteURL.proposal(id) + "?saved=1#files"
                    }
                    let step: ProposalStep
                    switch action {
                    case "assign": step = .assign(handler: form.string("handler"))
                    case "answer": step = .answer(text: form.string("answer"), answeredOn: form.string("answered_on"))
                    case "withdraw": step = .withdraw(reason: form.string("reason"))
                    default: step = .remind
                    }
                    _ = try await services.proposals.apply(principal, id: id, step, expectedVersion: Int(form.string("version")) ?? 0)
                    return SiteURL.proposal(id) + "?saved=1"
                }
            }
        }
    }

    static func proposalQuery(_ request: Request) -> ProposalQuery {
        var q = ProposalQuery()
        q.box = request.query("box") ?? ""
        q.unitCode = (request.query("unit") ?? "").trimmed
        q.text = request.query("q") ?? ""
        q.kind = request.query("kind") ?? ""
        q.status = request.query("status") ?? ""
        q.due = request.query("due") ?? ""
        q.dateField = request.query("date_field") ?? ""
        q.from = request.query("from") ?? ""
        q.to = request.query("to") ?? ""
        q.sort = request.query("sort") ?? ""
        q.page = request.query("page").flatMap { Int($0) } ?? 1
        return q
    }

    static func proposalParameters(_ q: ProposalQuery) -> [(String, String)] {
        [
            ("box", q.box), ("unit", q.unitCode), ("q", q.text), ("kind", q.kind), ("status", q.status), ("due", q.due), ("date_field", q.dateField),
            ("from", q.from), ("to", q.to), ("sort", q.sort),
        ]
    }

    /// Proposals as a table; overdue ones marked in words (for print and screen readers) and by their row's class.
    func proposalTable(_ ctx: PageContext, _ rows: [ProposalRow], id: String) -> HTML {
        guard !rows.isEmpty else { return "<p id=\"\(id)\">\(ctx.t(Catalogue.noRecords))</p>" }
        let lines: [HTML] = rows.map { row in
            let p = row.proposal
            let due: HTML = row.due == .overdue
                ? "<strong>\(ctx.t(row.due.label))</strong>" : row.due == .onTime ? "\(ctx.t(Catalogue.proposalDueBy(ctx.date(row.remindAfter))))" : "\(ctx.t(row.due.label))"
            return """
                <tr class="due-\(row.due.rawValue)"><td><a href="\(SiteURL.proposal(p.id))">\(p.subject)</a></td><td>\(ctx.t(p.kind.label))</td>
                <td>\(p.fromUnitName)</td><td>\(p.toUnitName)</td><td>\(ctx.date(p.receivedOn))</td><td>\(p.state.handler)</td>
                <td>\(ctx.t(p.status.label))</td><td>\(due)</td><td>\(ctx.date(p.state.answer?.answeredOn))</td></tr>
                """
        }
        return """
            <table id="\(id)"><thead><tr><th>\(ctx.t(Catalogue.proposalSubject))</th><th>\(ctx.t(Catalogue.proposalKindLabel))</th>
            <th>\(ctx.t(Catalogue.proposalFrom))</th><th>\(ctx.t(Catalogue.proposalTo))</th><th>\(ctx.t(Catalogue.proposalReceivedOn))</th>
            <th>\(ctx.t(Catalogue.proposalHandler))</th><th>\(ctx.t(Catalogue.proposalStatusLabel))</th><th>\(ctx.t(Catalogue.proposalDueLabel))</th>
            <th>\(ctx.t(Catalogue.proposalAnsweredOn))</th></tr></thead><tbody>\(lines)</tbody></table>
            """
    }

    func proposalsIndex(_ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError])
        async throws -> HTML
    {
        let query = Self.proposalQuery(request)
        let box = query.box == "out" ? "out" : "in"
        let result = try await services.proposals.list(principal, query)
        let period = try Self.period(request)
        let counts = try await services.proposals.counts(principal, unitCode: query.unitCode, from: period.from, to: period.to)
        let settings = try await services.proposals.settings().settings
        let parameters = Self.proposalParameters(query)
        let kinds = Self.vettingOptions(ctx, ProposalKind.allCases.map { ($0.rawValue, $0.label) }, selected: query.kind, any: Catalogue.proposalAnyKind)
        let statuses = Self.vettingOptions(ctx, ProposalStatus.allCases.map { ($0.rawValue, $0.label) }, selected: query.status, any: Catalogue.allStatuses)
        let dues = Self.vettingOptions(ctx, [("overdue", ProposalDue.overdue.label)], selected: query.due, any: Catalogue.vettingAnyDue)
        let dateFields = Self.vettingOptions(ctx, ProposalQuery.dateFields.map { ($0, Catalogue.proposalDateField($0)) }, selected: query.dateField)
        let sorts = Self.vettingOptions(ctx, ProposalQuery.sorts.map { ($0, Catalogue.proposalSortLabel($0)) }, selected: query.sort)
        func tab(_ value: String, _ label: Localized) -> HTML {
            let link = SiteURL.with(SiteURL.proposals, [("box", value), ("unit", query.unitCode)])
            return value == box
                ? "<strong class=\"button\" aria-current=\"page\" id=\"box-\(value)\">\(ctx.t(label))</strong>"
                : "<a class=\"button secondary\" href=\"\(link)\" id=\"box-\(value)\">\(ctx.t(label))</a>"
        }
        func cell(_ n: Int, _ id: String, _ filter: [(String, String)]) -> HTML {
            "<td class=\"num\" id=\"\(id)\"><a href=\"\(SiteURL.with(SiteURL.proposals, [("unit", counts.unitCode)] + filter))\">\(ctx.number(n))</a></td>"
        }
        func countRow(_ label: Localized, _ c: ProposalBoxCounts, _ b: String) -> HTML {
            let range = [("box", b), ("from", counts.from.iso), ("to", counts.to.iso)]
            return """
                <tr><th scope="row">\(ctx.t(label))</th>\(cell(c.received, "count-\(b)-received", range))
                \(cell(c.answered, "count-\(b)-answered", range + [("status", "answered"), ("date_field", "answered")]))
                <td class="num" id="count-\(b)-open">\(ctx.number(c.open))</td>
                \(cell(c.overdue, "count-\(b)-overdue", [("box", b), ("due", "overdue")]))</tr>
                """
        }
        let overdueBanner: HTML = counts.inbox.overdue > 0 && box == "in"
            ? "<p class=\"errors\" role=\"status\" id=\"overdue-banner\">\(ctx.t(Catalogue.proposalOverdueBanner(ctx.number(counts.inbox.overdue), settings.reminderWorkingDays)))</p>"
            : .empty
        let settingsLink: HTML = VettingService.mayChangeSettings(principal)
            ? "<a class=\"button secondary\" href=\"\(SiteURL.proposalSettings)\">\(ctx.t(Catalogue.proposalSettingsTitle))</a>" : .empty
        // A refused form comes first, so that its messages are in view.
        let refused = message != nil || !errors.isEmpty
        let newForm = principal.role.canWriteRecords ? proposalNewForm(ctx, principal, form: form, message: message, errors: errors) : HTML.empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.proposalsArea))</h1>
            \(Self.betweenTabs(ctx, current: SiteURL.proposals))
            \(refused ? newForm : HTML.empty)
            <div class="actions">\(tab("in", Catalogue.proposalInbox))\(tab("out", Catalogue.proposalOutbox))</div>
            <p class="muted">\(ctx.t(box == "in" ? Catalogue.proposalInboxHelp : Catalogue.proposalOutboxHelp)) \(ctx.t(Catalogue.proposalReminderNow(settings.reminderWorkingDays)))</p>
            \(overdueBanner)
            <form method="get" action="\(SiteURL.proposals)" class="searchbar" role="search" id="proposals-filter">
            <input type="hidden" name="box" value="\(box)">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="kind">\(ctx.t(Catalogue.proposalKindLabel))</label><br><select id="kind" name="kind">\(kinds)</select></div>
            <div><label for="status">\(ctx.t(Catalogue.proposalStatusLabel))</label><br><select id="status" name="status">\(statuses)</select></div>
            <div><label for="due">\(ctx.t(Catalogue.proposalDueLabel))</label><br><select id="due" name="due">\(dues)</select></div>
            <div><label for="date_field">\(ctx.t(Catalogue.vettingDateField))</label><br><select id="date_field" name="date_field">\(dateFields)</select></div>
            <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: query.from))</div>
            <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: query.to))</div>
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(ctx, SiteURL.proposalsExport, parameters, extra: settingsLink))
            \(proposalTable(ctx, result.items, id: "proposals"))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.proposals, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            <h2>\(ctx.t(Catalogue.proposalCounts(ctx.date(counts.from), ctx.date(counts.to))))</h2>
            <table id="proposal-counts"><thead><tr><th></th><th>\(ctx.t(Catalogue.proposalReceivedCount))</th><th>\(ctx.t(Catalogue.proposalAnsweredCount))</th>
            <th>\(ctx.t(Catalogue.proposalOpenCount(ctx.date(counts.asOf))))</th><th>\(ctx.t(Catalogue.proposalOverdueCount))</th></tr></thead>
            <tbody>\(countRow(Catalogue.proposalInbox, counts.inbox, "in"))\(countRow(Catalogue.proposalOutbox, counts.outbox, "out"))</tbody></table>
            \(refused ? HTML.empty : newForm)
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.proposalsArea), breadcrumbs: [(ctx.t(Catalogue.proposalsArea), nil)], content: body)
    }

    func proposalNewForm(_ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError]) -> HTML {
        let kinds = Self.vettingOptions(ctx, ProposalKind.allCases.map { ($0.rawValue, $0.label) }, selected: form.string("kind"))
        let from = form.string("from_unit").isEmpty ? principal.unitCode : form.string("from_unit")
        return """
            <h2 id="new">\(ctx.t(Catalogue.proposalNew))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.proposals)" enctype="multipart/form-data" class="stacked" id="proposal-form">\(ctx.csrfField)
            <label for="new-kind">\(ctx.t(Catalogue.proposalKindLabel))</label><select id="new-kind" name="kind">\(kinds)</select>
            <label for="from_unit">\(ctx.t(Catalogue.proposalFrom))</label>
            <input type="text" id="from_unit" name="from_unit" value="\(from)" maxlength="40" required>
            <label for="to_unit">\(ctx.t(Catalogue.proposalTo))</label>
            <input type="text" id="to_unit" name="to_unit" value="\(form.string("to_unit"))" maxlength="40">
            <p class="muted">\(ctx.t(Catalogue.proposalToHelp))</p>
            <label for="subject">\(ctx.t(Catalogue.proposalSubject))</label>
            <input type="text" id="subject" name="subject" value="\(form.string("subject"))" maxlength="500" required>
            <label for="text">\(ctx.t(Catalogue.proposalText))</label>
            <textarea id="text" name="text" maxlength="10000" rows="5" required>\(form.string("text"))</textarea>
            <label for="received_on">\(ctx.t(Catalogue.proposalReceivedOn))</label>\(Self.dateInput(ctx, name: "received_on", value: form.string("received_on")))
            <p class="muted">\(ctx.t(Catalogue.proposalReceivedHelp))</p>
            <label for="file">\(ctx.t(Catalogue.attachmentAdd))</label>
            <input type="file" id="file" name="file" accept="\(AttachmentRules.extensions.map { "." + $0 }.joined(separator: ","))">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.proposalSend))</button></div>
            </form>
            """
    }

    func proposalPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), action: String = "",
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.proposals.detail(principal, id: id)
        let history = try await services.proposals.history(principal, id: id)
        let p = detail.proposal
        func errorsFor(_ name: String) -> HTML { action == name ? Layout.errors(ctx, message, errors) : .empty }
        func typed(_ name: String, _ field: String, _ stored: String) -> String { action == name ? form.string(field) : stored }
        let version: HTML = "<input type=\"hidden\" name=\"version\" value=\"\(String(p.version))\">"
        let writer = principal.role.canWriteRecords
        var forms: HTML = .empty
        if writer && detail.side == .receiver && p.status.isOpen {
            forms = forms + """
                <h2>\(ctx.t(Catalogue.proposalAssign))</h2>
                \(errorsFor("assign"))
                <form method="post" action="\(SiteURL.proposalAction(id, "assign"))" class="stacked" id="proposal-assign-form">\(ctx.csrfField)\(version)
                <label for="handler">\(ctx.t(Catalogue.proposalHandler))</label>
                <input type="text" id="handler" name="handler" value="\(typed("assign", "handler", p.state.handler))" maxlength="200" required>
                <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.proposalAssign))</button></div>
                </form>
                """
        }
        if writer && detail.side == .receiver && p.status != .withdrawn {
            let amend = p.status == .answered
            forms = forms + """
                <h2>\(ctx.t(amend ? Catalogue.proposalAmend : Catalogue.proposalAnswerAction))</h2>
                \(errorsFor("answer"))
                <form method="post" action="\(SiteURL.proposalAction(id, "answer"))" class="stacked" id="proposal-answer-form">\(ctx.csrfField)\(version)
                <label for="answer">\(ctx.t(Catalogue.proposalAnswer))</label>
                <textarea id="answer" name="answer" maxlength="10000" rows="5" required>\(typed("answer", "answer", p.state.answer?.text ?? ""))</textarea>
                <label for="answered_on">\(ctx.t(Catalogue.proposalAnsweredOn))</label>\(Self.dateInput(ctx, name: "answered_on", value: typed("answer", "answered_on", p.state.answer?.answeredOn.iso ?? "")))
                <p class="muted">\(ctx.t(Catalogue.proposalAnswerHelp))</p>
                <div class="actions"><button type="submit">\(ctx.t(amend ? Catalogue.proposalAmend : Catalogue.proposalAnswerAction))</button></div>
                </form>
                """
        }
        if writer && detail.side == .sender && p.status.isOpen {
            let remind: HTML = detail.due == .overdue
                ? """
                    \(errorsFor("remind"))
                    <form method="post" action="\(SiteURL.proposalAction(id, "remind"))" id="proposal-remind-form">\(ctx.csrfField)\(version)
                    <button type="submit">\(ctx.t(Catalogue.proposalRemind))</button></form>
                    """ : .empty
            forms = forms + """
                \(remind)
                <h2>\(ctx.t(Catalogue.proposalWithdraw))</h2>
                \(errorsFor("withdraw"))
                <form method="post" action="\(SiteURL.proposalAction(id, "withdraw"))" class="stacked" id="proposal-withdraw-form">\(ctx.csrfField)\(version)
                <label for="reason">\(ctx.t(Catalogue.proposalWithdrawReason))</label>
                <input type="text" id="reason" name="reason" value="\(typed("withdraw", "reason", ""))" maxlength="500" required>
                <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.proposalWithdraw))</button></div>
                </form>
                """
        }
        let dueText: HTML = detail.due == .onTime
            ? "\(ctx.t(Catalogue.proposalDueBy(ctx.date(detail.remindAfter))))"
            : detail.due == .overdue ? "<strong>\(ctx.t(Catalogue.proposalOverdueSince(ctx.date(detail.remindAfter))))</strong>" : "\(ctx.t(detail.due.label))"
        let reminders: HTML = p.state.reminders > 0
            ? " — \(ctx.t(Catalogue.proposalReminded(p.state.reminders, ctx.date(p.state.lastRemindedOn))))" : .empty
        let canUpload = writer && p.status != .withdrawn
        let title = ctx.t(p.kind.label) + ": " + p.subject
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="muted" id="proposal-side">\(ctx.t(detail.side == .receiver ? Catalogue.proposalYouReceive : Catalogue.proposalYouSend))</p>
            <dl class="facts" id="proposal-facts">
            <dt>\(ctx.t(Catalogue.proposalFrom))</dt><dd><a href="\(SiteURL.unit(p.fromUnitCode))">\(p.fromUnitName)</a></dd>
            <dt>\(ctx.t(Catalogue.proposalTo))</dt><dd><a href="\(SiteURL.unit(p.toUnitCode))">\(p.toUnitName)</a></dd>
            <dt>\(ctx.t(Catalogue.proposalReceivedOn))</dt><dd>\(ctx.date(p.receivedOn))</dd>
            <dt>\(ctx.t(Catalogue.proposalStatusLabel))</dt><dd id="proposal-status">\(ctx.t(p.status.label))</dd>
            <dt>\(ctx.t(Catalogue.proposalDueLabel))</dt><dd id="proposal-due" class="due-\(detail.due.rawValue)">\(dueText)\(reminders)</dd>
            <dt>\(ctx.t(Catalogue.proposalHandler))</dt><dd id="proposal-handler">\(p.state.handler)</dd>
            <dt>\(ctx.t(Catalogue.proposalText))</dt><dd id="proposal-text" class="text">\(p.text)</dd>
            <dt>\(ctx.t(Catalogue.proposalAnswer))</dt><dd id="proposal-answer" class="text">\(p.state.answer?.text ?? "")</dd>
            <dt>\(ctx.t(Catalogue.proposalAnsweredOn))</dt><dd>\(ctx.date(p.state.answer?.answeredOn))\(p.answeredBy.map { " — " + $0 } ?? "")</dd>
            \(p.status == .withdrawn ? HTML("<dt>\(ctx.t(Catalogue.proposalWithdrawnOn))</dt><dd id=\"proposal-withdrawn\">\(ctx.date(p.state.withdrawnOn)) — \(p.state.withdrawReason ?? "")</dd>") : HTML.empty)
            </dl>
            \(filesBlock(ctx, detail.files, upload: canUpload ? SiteURL.proposalAction(id, "files") : nil,
                         removable: { writer && p.status != .withdrawn && $0.side == detail.side.rawValue }, errors: errorsFor("files")))
            \(forms)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.proposalsArea), SiteURL.proposals), (p.subject, nil)], flash: flash, content: body)
    }

    func proposalSettingsPage(_ ctx: PageContext, _ principal: Principal, form: FormData?, message: Localized?, errors: [FieldError], flash: String?)
        async throws -> HTML
    {
        guard VettingService.mayChangeSettings(principal) else { throw DomainError.forbidden(Catalogue.proposalSettingsForbidden) }
        let record = try await services.proposals.settings()
        let days = form.map { $0.string("reminder_working_days") } ?? String(record.settings.reminderWorkingDays)
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.proposalSettingsTitle))</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.proposalSettings)" class="stacked" id="proposal-settings-form">\(ctx.csrfField)
            <input type="hidden" name="version" value="\(String(record.version))">
            <label for="reminder_working_days">\(ctx.t(Catalogue.proposalSettingsDays))</label>
            <input type="number" id="reminder_working_days" name="reminder_working_days" value="\(days)" min="1" max="120" required>
            <p class="muted">\(ctx.t(Catalogue.proposalSettingsHelp))</p>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
            </form>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.proposalSettingsTitle),
            breadcrumbs: [(ctx.t(Catalogue.proposalsArea), SiteURL.proposals), (ctx.t(Catalogue.proposalSettingsTitle), nil)], flash: flash, content: body)
    }
}
