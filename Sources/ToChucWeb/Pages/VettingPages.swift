import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let vetting = "/vetting"
    static let vettingOverdue = "/vetting/overdue"
    static let vettingExport = "/vetting/export"
    static let vettingSettings = "/vetting/settings"
    static func vettingCase(_ id: Int64) -> String { "/vetting/\(id)" }
    /// `edit`, `verify`, `conclude`, `correct`.
    static func vettingAction(_ id: Int64, _ action: String) -> String { "/vetting/\(id)/\(action)" }
}

/// Political-standard vetting (DOMAIN.md §3): the counts of a period (every role), the cases with filters, the overdue
/// list, one case with its steps and history (the roles that handle cases), the settings (administrators).
extension Site {
    func registerVettingPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.vetting)) { request, context in
            let principal = try context.requirePrincipal()
            // The counts of the period, which every role sees (the cases download from /vetting/export, for those who see them).
            let query = Self.vettingQuery(request)
            let period = try Self.period(request)
            let language = principal.language
            if let file = try await listDownload(
                request, principal, sheet: "tham-dinh-so-lieu", baseName: Self.fileName("tham-dinh-so-lieu", principal, unit: query.unitCode),
                numeric: [1, 2, 3, 4, 5],
                rows: {
                    let counts = try await services.vetting.counts(principal, unitCode: query.unitCode, from: period.from, to: period.to)
                    let header = [
                        Catalogue.vettingPurposeLabel, Catalogue.vettingReceived, Catalogue.vettingConcludedCount, Catalogue.vettingMeets,
                        Catalogue.vettingDoesNotMeet, Catalogue.vettingOverdue,
                    ]
                    let lines = VettingPurpose.allCases.map { ($0.label, counts.of($0)) } + [(Catalogue.total, counts.total)]
                    return [header.map { $0.text(language) }]
                        + lines.map { label, c in
                            [label.text(language)] + [c.received, c.concluded, c.meets, c.doesNotMeet, c.overdue].map(String.init)
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            var form = FormData()
            form.set("person", request.query("person") ?? "")
            return Responses.html(try await vettingIndex(ctx, principal, request: request, form: form, message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.vetting)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            var draft = VettingCaseDraft()
            draft.person = form.string("person")
            draft.fullName = form.string("full_name")
            draft.birthDate = form.string("birth_date")
            draft.purpose = form.string("purpose")
            draft.unitCode = form.string("unit_code")
            draft.receivedOn = form.string("received_on")
            draft.deadline = form.string("deadline")
            draft.note = form.string("note")
            do {
                let created = try await services.vetting.create(principal, draft)
                return Responses.redirect(SiteURL.vettingCase(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await vettingIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.vettingOverdue)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await vettingOverduePage(ctx, principal, unit: (request.query("unit") ?? "").trimmed))
        }
        router.get(RouterPath(SiteURL.vettingExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.vetting.exportRows(principal, Self.vettingQuery(request))
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.vettingSheet.text(principal.language),
                baseName: Self.fileName("tham-dinh", principal))
        }
        router.get(RouterPath(SiteURL.vettingSettings)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let saved = request.query("saved") != nil ? ctx.t(Catalogue.vettingSaved) : nil
            return Responses.html(try await vettingSettingsPage(ctx, principal, form: nil, message: nil, errors: [], flash: saved))
        }
        router.post(RouterPath(SiteURL.vettingSettings)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                _ = try await services.vetting.saveSettings(
                    principal, deadlineWorkingDays: form.string("deadline_working_days"), warningWorkingDays: form.string("warning_working_days"),
                    expectedVersion: Int(form.string("version")) ?? 0)
                return Responses.redirect(SiteURL.vettingSettings + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await vettingSettingsPage(ctx, principal, form: form, message: message, errors: errors, flash: nil), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await vettingSettingsPage(ctx, principal, form: nil, message: message, errors: Self.conflictErrors(changes), flash: nil),
                    status: .conflict)
            }
        }
        router.get("/vetting/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound)
            let ctx = try await pageContext(request, context)
            let flash = request.query("created") != nil ? ctx.t(Catalogue.vettingCreated) : request.query("saved") != nil ? ctx.t(Catalogue.vettingSaved) : nil
            return Responses.html(try await vettingCasePage(ctx, principal, id: id, flash: flash))
        }
        for action in ["edit", "verify", "conclude", "correct"] {
            router.post(RouterPath("/vetting/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound)
                let form = context.form
                let version = Int(form.string("version")) ?? 0
                do {
                    if action == "edit" {
                        let edit = VettingCaseEdit(
                            unitCode: form.string("unit_code"), receivedOn: form.string("received_on"), deadline: form.string("deadline"),
                            note: form.string("note"))
                        _ = try await services.vetting.update(principal, id: id, edit, expectedVersion: version)
                    } else {
                        _ = try await services.vetting.apply(principal, id: id, Self.vettingStep(action, form), expectedVersion: version)
                    }
                    return Responses.redirect(SiteURL.vettingCase(id) + "?saved=1")
                } catch DomainError.invalid(let message, let errors) {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(
                        try await vettingCasePage(ctx, principal, id: id, form: form, action: action, message: message, errors: errors),
                        status: .unprocessableContent)
                } catch DomainError.conflict(let message, let changes, _) {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(
                        try await vettingCasePage(ctx, principal, id: id, action: action, message: message, errors: Self.conflictErrors(changes)),
                        status: .conflict)
                }
            }
        }
    }

    /// A step from a form's fields.
    static func vettingStep(_ action: String, _ form: FormData) -> VettingStep {
        let outcome = VettingOutcomeDraft(
            conclusion: form.string("conclusion"), concludedOn: form.string("concluded_on"), documentNo: form.string("document_no"))
        switch action {
        case "verify": return .startVerifying
        case "conclude": return .conclude(outcome)
        default: return .correct(to: VettingStatus.parse(form.string("status")) ?? .received, outcome: outcome, reason: form.string("reason"))
        }
    }

    /// The list's query from the request's parameters.
    static func vettingQuery(_ request: Request) -> VettingQuery {
        var query = VettingQuery()
        query.text = request.query("q") ?? ""
        query.unitCode = (request.query("unit") ?? "").trimmed
        query.status = request.query("status") ?? ""
        query.purpose = request.query("purpose") ?? ""
        query.conclusion = request.query("conclusion") ?? ""
        query.due = request.query("due") ?? ""
        query.dateField = request.query("date_field") ?? ""
        query.from = request.query("from") ?? ""
        query.to = request.query("to") ?? ""
        query.sort = request.query("sort") ?? ""
        query.page = request.query("page").flatMap { Int($0) } ?? 1
        return query
    }

    static func vettingParameters(_ q: VettingQuery) -> [(String, String)] {
        [
            ("q", q.text), ("unit", q.unitCode), ("status", q.status), ("purpose", q.purpose), ("conclusion", q.conclusion), ("due", q.due),
            ("date_field", q.dateField), ("from", q.from), ("to", q.to), ("sort", q.sort),
        ]
    }

    /// `<option>`s of (value, label) pairs, `selected` marked; `any` first when given.
    static func vettingOptions(_ ctx: PageContext, _ values: [(String, Localized)], selected: String, any: Localized? = nil) -> [HTML] {
        let first: [HTML] = any.map { [HTML("<option value=\"\">\(ctx.t($0))</option>")] } ?? []
        return first + values.map { value, label in
            "<option value=\"\(value)\"\(HTML(raw: value == selected ? " selected" : ""))>\(ctx.t(label))</option>"
        }
    }

    func vettingIndex(_ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError])
        async throws -> HTML
    {
        let query = Self.vettingQuery(request)
        let period = try Self.period(request)
        let counts = try await services.vetting.counts(principal, unitCode: query.unitCode, from: period.from, to: period.to)
        let details = VettingRules.seesDetails(principal.role)
        let settings = try await services.vetting.settings().settings
        var body: HTML = """
            <h1>\(ctx.t(Catalogue.vettingArea))</h1>
            <p class="muted">\(ctx.t(Catalogue.vettingSettingsNow(settings.deadlineWorkingDays, settings.warningWorkingDays)))</p>
            """
        if !details {
            body = body + """
                <p class="muted" id="vetting-counts-only">\(ctx.t(Catalogue.vettingCountsOnly))</p>
                <form method="get" action="\(SiteURL.vetting)" class="searchbar">
                \(unitField(ctx, query.unitCode))
                <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: period.from.iso))</div>
                <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: period.to.iso))</div>
                <button type="submit">\(ctx.t(Catalogue.view))</button>
                </form>
                \(Self.exportLinks(ctx, SiteURL.vetting, [("unit", query.unitCode), ("from", period.from.iso), ("to", period.to.iso)]))
                \(vettingSummary(ctx, counts, query: query, links: false))
                """
            return Layout.page(
                ctx, title: ctx.t(Catalogue.vettingArea),
                breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.vettingArea), nil)], content: body)
        }
        let result = try await services.vetting.list(principal, query)
        let purposes = Self.vettingOptions(ctx, VettingPurpose.allCases.map { ($0.rawValue, $0.label) }, selected: query.purpose, any: Catalogue.vettingAllPurposes)
        let statuses = Self.vettingOptions(ctx, VettingStatus.allCases.map { ($0.rawValue, $0.label) }, selected: query.status, any: Catalogue.allStatuses)
        let conclusions = Self.vettingOptions(
            ctx, VettingConclusion.allCases.map { ($0.rawValue, $0.label) }, selected: query.conclusion, any: Catalogue.vettingAllConclusions)
        let dues = Self.vettingOptions(ctx, [("overdue", VettingDue.overdue.label), ("due_soon", VettingDue.dueSoon.label)], selected: query.due, any: Catalogue.vettingAnyDue)
        let dateFields = Self.vettingOptions(ctx, VettingQuery.dateFields.map { ($0, Catalogue.vettingDateFieldLabel($0)) }, selected: query.dateField)
        let sorts = Self.vettingOptions(ctx, VettingQuery.sorts.map { ($0, Catalogue.vettingSortLabel($0)) }, selected: query.sort)
        let parameters = Self.vettingParameters(query)
        let links: HTML = """
            <div class="actions"><a class="button secondary" href="\(SiteURL.vettingOverdue)">\(ctx.t(Catalogue.vettingOverdueList))</a>
            \(Self.exportLinks(ctx, SiteURL.vettingExport, parameters))
            \(VettingService.mayChangeSettings(principal) ? HTML("<a class=\"button secondary\" href=\"\(SiteURL.vettingSettings)\">\(ctx.t(Catalogue.vettingSettings))</a>") : HTML.empty)</div>
            """
        body = body + """
            <form method="get" action="\(SiteURL.vetting)" class="searchbar" role="search" id="vetting-filter">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="purpose">\(ctx.t(Catalogue.vettingPurposeLabel))</label><br><select id="purpose" name="purpose">\(purposes)</select></div>
            <div><label for="status">\(ctx.t(Catalogue.vettingStatusLabel))</label><br><select id="status" name="status">\(statuses)</select></div>
            <div><label for="conclusion">\(ctx.t(Catalogue.vettingConclusionLabel))</label><br><select id="conclusion" name="conclusion">\(conclusions)</select></div>
            <div><label for="due">\(ctx.t(Catalogue.vettingDueLabel))</label><br><select id="due" name="due">\(dues)</select></div>
            <div><label for="date_field">\(ctx.t(Catalogue.vettingDateField))</label><br><select id="date_field" name="date_field">\(dateFields)</select></div>
            <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: query.from))</div>
            <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: query.to))</div>
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(links)
            \(vettingTable(ctx, result.items, id: "vetting-cases"))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.vetting, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            <h2>\(ctx.t(Catalogue.vettingSummary)) \(ctx.date(counts.from)) – \(ctx.date(counts.to))</h2>
            \(Self.exportLinks(ctx, SiteURL.vetting, [("unit", query.unitCode), ("from", counts.from.iso), ("to", counts.to.iso)]))
            \(vettingSummary(ctx, counts, query: query, links: true))
            \(principal.role.canWriteRecords ? vettingNewForm(ctx, principal, form: form, message: message, errors: errors) : HTML.empty)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.vettingArea), breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.vettingArea), nil)],
            content: body)
    }

    /// The counts per purpose with a total line; for those who see details, each count links to the cases behind it.
    func vettingSummary(_ ctx: PageContext, _ counts: VettingCounts, query: VettingQuery, links: Bool) -> HTML {
        let period = [("unit", query.unitCode), ("from", counts.from.iso), ("to", counts.to.iso)]
        func cell(_ n: Int, _ id: String, _ filter: [(String, String)]?) -> HTML {
            guard links, n > 0, let filter else { return "<td class=\"num\" id=\"\(id)\">\(ctx.number(n))</td>" }
            return "<td class=\"num\" id=\"\(id)\"><a href=\"\(SiteURL.with(SiteURL.vetting, filter))\">\(ctx.number(n))</a></td>"
        }
        func line(_ label: String, _ key: String, _ c: VettingPurposeCounts, purpose: String) -> HTML {
            let base = [("purpose", purpose)]
            // Overdue counts are "as of" the period's end; the list shows today's, so the link is there only when they agree.
            let overdue: [(String, String)]? = counts.asOf == Timestamp.vietnamDate() ? base + [("unit", query.unitCode), ("due", "overdue")] : nil
            return """
                <tr><th scope="row">\(label)</th>\(cell(c.received, "vetting-received-\(key)", base + period + [("date_field", "received")]))
                \(cell(c.concluded, "vetting-concluded-\(key)", base + period + [("date_field", "concluded"), ("status", "concluded")]))
                \(cell(c.meets, "vetting-meets-\(key)", base + period + [("date_field", "concluded"), ("conclusion", "meets")]))
                \(cell(c.doesNotMeet, "vetting-does-not-meet-\(key)", base + period + [("date_field", "concluded"), ("conclusion", "does_not_meet")]))
                \(cell(c.overdue, "vetting-overdue-\(key)", overdue))</tr>
                """
        }
        let rows: [HTML] = VettingPurpose.allCases.map { line(ctx.t($0.label), $0.rawValue, counts.of($0), purpose: $0.rawValue) }
        let total = counts.total
        return """
            <table id="vetting-summary"><thead><tr><th>\(ctx.t(Catalogue.vettingPurposeLabel))</th><th>\(ctx.t(Catalogue.vettingReceived))</th>
            <th>\(ctx.t(Catalogue.vettingConcludedCount))</th><th>\(ctx.t(Catalogue.vettingMeets))</th><th>\(ctx.t(Catalogue.vettingDoesNotMeet))</th>
            <th>\(ctx.t(Catalogue.vettingOverdue))</th></tr></thead>
            <tbody>\(rows)\(line(ctx.t(Catalogue.total), "total", total, purpose: ""))</tbody></table>
            <p class="muted">\(ctx.t(Catalogue.vettingConcludedSentence(ctx.number(total.concluded)))) \(ctx.t(Catalogue.vettingAsOf(ctx.date(counts.asOf))))</p>
            <p class="muted">\(ctx.t(Catalogue.vettingSummaryHelp))</p>
            """
    }

    /// Cases as a table: person, purpose, unit, dates, status, conclusion, deadline state.
    func vettingTable(_ ctx: PageContext, _ rows: [VettingRow], id: String) -> HTML {
        guard !rows.isEmpty else { return "<p id=\"\(id)\">\(ctx.t(Catalogue.noRecords))</p>" }
        let lines: [HTML] = rows.map { row in
            let c = row.vettingCase
            return """
                <tr class="due-\(row.due.rawValue)"><td><a href="\(SiteURL.vettingCase(c.id))">\(c.person.fullName)</a></td><td>\(ctx.t(c.purpose.label))</td>
                <td>\(c.unitName)</td><td>\(ctx.date(c.receivedOn))</td><td>\(ctx.date(c.deadline))</td><td>\(ctx.t(c.status.label))</td>
                <td>\(c.outcome.map { ctx.t($0.conclusion.label) } ?? "")</td><td>\(ctx.date(c.outcome?.concludedOn))</td><td>\(ctx.t(row.due.label))</td></tr>
                """
        }
        return """
            <table id="\(id)"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.vettingPurposeLabel))</th><th>\(ctx.t(Catalogue.place))</th>
            <th>\(ctx.t(Catalogue.vettingReceivedOn))</th><th>\(ctx.t(Catalogue.vettingDeadline))</th><th>\(ctx.t(Catalogue.vettingStatusLabel))</th>
            <th>\(ctx.t(Catalogue.vettingConclusionLabel))</th><th>\(ctx.t(Catalogue.vettingConcludedOn))</th><th>\(ctx.t(Catalogue.vettingDueLabel))</th></tr></thead>
            <tbody>\(lines)</tbody></table>
            """
    }

    func vettingNewForm(_ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError]) -> HTML {
        let purposes = Self.vettingOptions(ctx, VettingPurpose.allCases.map { ($0.rawValue, $0.label) }, selected: form.string("purpose"))
        let unit = form.string("unit_code").isEmpty ? principal.unitCode : form.string("unit_code")
        return """
            <h2 id="new">\(ctx.t(Catalogue.vettingNew))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.vetting)" class="stacked" id="vetting-new-form">\(ctx.csrfField)
            <label for="person">\(ctx.t(Catalogue.vettingPersonNumber))</label>
            <input type="text" id="person" name="person" value="\(form.string("person"))" maxlength="20" required>
            <p class="muted">\(ctx.t(Catalogue.vettingNewPersonHelp))</p>
            <label for="full_name">\(ctx.t(Catalogue.fullName))</label>
            <input type="text" id="full_name" name="full_name" value="\(form.string("full_name"))" maxlength="200">
            <label for="birth_date">\(ctx.t(Catalogue.birthDate))</label>\(Self.dateInput(ctx, name: "birth_date", value: form.string("birth_date")))
            <label for="new-purpose">\(ctx.t(Catalogue.vettingPurposeLabel))</label><select id="new-purpose" name="purpose">\(purposes)</select>
            <label for="unit_code">\(ctx.t(Catalogue.vettingUnit))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(unit)" maxlength="40" required>
            <label for="received_on">\(ctx.t(Catalogue.vettingReceivedOn))</label>\(Self.dateInput(ctx, name: "received_on", value: form.string("received_on")))
            <label for="deadline">\(ctx.t(Catalogue.vettingDeadline))</label>\(Self.dateInput(ctx, name: "deadline", value: form.string("deadline")))
            <p class="muted">\(ctx.t(Catalogue.vettingDeadlineHelp))</p>
            <label for="note">\(ctx.t(Catalogue.note))</label>
            <textarea id="note" name="note" maxlength="2000" rows="3">\(form.string("note"))</textarea>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.vettingNew))</button></div>
            </form>
            """
    }

    func vettingOverduePage(_ ctx: PageContext, _ principal: Principal, unit: String) async throws -> HTML {
        let settings = try await services.vetting.settings().settings
        var query = VettingQuery()
        query.unitCode = unit
        query.sort = "deadline"
        query.perPage = 100
        query.due = "overdue"
        let overdue = try await services.vetting.list(principal, query)
        query.due = "due_soon"
        let soon = try await services.vetting.list(principal, query)
        func more(_ page: Page<VettingRow>, _ due: String) -> HTML {
            guard page.total > page.items.count else { return .empty }
            return "<p><a href=\"\(SiteURL.with(SiteURL.vetting, [("unit", unit), ("due", due), ("sort", "deadline")]))\">\(ctx.t(Catalogue.vettingSeeAll(ctx.number(page.total))))</a></p>"
        }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.vettingOverdueList))</h1>
            <p class="muted">\(ctx.t(Catalogue.vettingAsOf(ctx.date(Timestamp.vietnamDate()))))</p>
            \(listFilter(ctx, SiteURL.vettingOverdue, unit))
            <h2>\(ctx.t(Catalogue.vettingOverdue)) (\(ctx.number(overdue.total)))</h2>
            \(Self.exportLinks(ctx, SiteURL.vettingExport, [("unit", unit), ("due", "overdue"), ("sort", "deadline")]))
            \(vettingTable(ctx, overdue.items, id: "vetting-overdue"))
            \(more(overdue, "overdue"))
            <h2>\(ctx.t(Catalogue.vettingDueSoonTitle(settings.warningWorkingDays))) (\(ctx.number(soon.total)))</h2>
            \(Self.exportLinks(ctx, SiteURL.vettingExport, [("unit", unit), ("due", "due_soon"), ("sort", "deadline")]))
            \(vettingTable(ctx, soon.items, id: "vetting-due-soon"))
            \(more(soon, "due_soon"))
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.vettingOverdueList),
            breadcrumbs: [
                (ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.vettingArea), SiteURL.vetting), (ctx.t(Catalogue.vettingOverdueList), nil),
            ], content: body)
    }

    func vettingCasePage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), action: String = "",
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let c = try await services.vetting.get(principal, id: id)
        let history = try await services.vetting.history(principal, id: id)
        let settings = try await services.vetting.settings().settings
        let due = c.due(today: Timestamp.vietnamDate(), settings: settings)
        let p = c.person
        let personLink: HTML
        switch p.kind {
        case .member: personLink = "<a href=\"\(SiteURL.member(p.memberId ?? 0))\">\(p.fullName)</a>"
        case .cadre: personLink = "<a href=\"\(SiteURL.cadre(p.cadreId ?? 0))\">\(p.fullName)</a>"
        case .other: personLink = "\(p.fullName) (\(ctx.t(Catalogue.vettingOther)))"
        }
        // The form that was refused shows its errors and keeps what was typed; the others start from the record.
        func errorsFor(_ name: String) -> HTML { action == name ? Layout.errors(ctx, message, errors) : .empty }
        func typed(_ name: String, _ field: String, _ stored: String) -> String { action == name ? form.string(field) : stored }
        let version: HTML = "<input type=\"hidden\" name=\"version\" value=\"\(String(c.version))\">"
        var forms: HTML = .empty
        if principal.role.canWriteRecords {
            if c.status == .received {
                forms = forms + """
                    \(errorsFor("verify"))
                    <form method="post" action="\(SiteURL.vettingAction(c.id, "verify"))" id="vetting-verify-form">\(ctx.csrfField)\(version)
                    <button type="submit">\(ctx.t(Catalogue.vettingStartVerifying))</button></form>
                    """
            }
            if c.status == .verifying {
                let conclusions = Self.vettingOptions(
                    ctx, VettingConclusion.allCases.map { ($0.rawValue, $0.label) }, selected: typed("conclude", "conclusion", ""), any: Catalogue.vettingConclusionLabel)
                forms = forms + """
                    <h2>\(ctx.t(Catalogue.vettingConclude))</h2>
                    \(errorsFor("conclude"))
                    <form method="post" action="\(SiteURL.vettingAction(c.id, "conclude"))" class="stacked" id="vetting-conclude-form">\(ctx.csrfField)\(version)
                    <label for="conclusion">\(ctx.t(Catalogue.vettingConclusionLabel))</label><select id="conclusion" name="conclusion">\(conclusions)</select>
                    <label for="concluded_on">\(ctx.t(Catalogue.vettingConcludedOn))</label>\(Self.dateInput(ctx, name: "concluded_on", value: typed("conclude", "concluded_on", "")))
                    <label for="document_no">\(ctx.t(Catalogue.vettingDocument))</label>
                    <input type="text" id="document_no" name="document_no" value="\(typed("conclude", "document_no", ""))" maxlength="100" placeholder="123-CV/BTCTU">
                    <div class="actions"><button type="submit">\(ctx.t(Catalogue.vettingConclude))</button></div>
                    </form>
                    """
            }
            let targets = VettingStatus.allCases.filter { $0 < c.status || ($0 == .concluded && c.status == .concluded) }
            if !targets.isEmpty && (c.status != .concluded || principal.role.canApprove) {
                let options = Self.vettingOptions(ctx, targets.map { ($0.rawValue, $0.label) }, selected: typed("correct", "status", ""))
                let amend: HTML =
                    c.status == .concluded
                    ? """
                    <label for="correct-conclusion">\(ctx.t(Catalogue.vettingConclusionLabel))</label><select id="correct-conclusion" name="conclusion">\(Self.vettingOptions(ctx, VettingConclusion.allCases.map { ($0.rawValue, $0.label) }, selected: typed("correct", "conclusion", c.outcome?.conclusion.rawValue ?? "")))</select>
                    <label for="concluded_on">\(ctx.t(Catalogue.vettingConcludedOn))</label>\(Self.dateInput(ctx, name: "concluded_on", value: typed("correct", "concluded_on", c.outcome?.concludedOn.iso ?? "")))
                    <label for="correct-document">\(ctx.t(Catalogue.vettingDocument))</label>
                    <input type="text" id="correct-document" name="document_no" value="\(typed("correct", "document_no", c.outcome?.documentNo ?? ""))" maxlength="100">
                    """ : .empty
                forms = forms + """
                    <h2>\(ctx.t(Catalogue.vettingCorrect))</h2>
                    <p class="muted">\(ctx.t(Catalogue.vettingCorrectHelp))</p>
                    \(errorsFor("correct"))
                    <form method="post" action="\(SiteURL.vettingAction(c.id, "correct"))" class="stacked" id="vetting-correct-form">\(ctx.csrfField)\(version)
                    <label for="correct-status">\(ctx.t(Catalogue.vettingCorrectTo))</label><select id="correct-status" name="status">\(options)</select>
                    \(amend)
                    <label for="reason">\(ctx.t(Catalogue.vettingReason))</label>
                    <input type="text" id="reason" name="reason" value="\(typed("correct", "reason", ""))" maxlength="500" required>
                    <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.vettingCorrect))</button></div>
                    </form>
                    """
            }
            forms = forms + """
                <h2>\(ctx.t(Catalogue.vettingEdit))</h2>
                \(errorsFor("edit"))
                <form method="post" action="\(SiteURL.vettingAction(c.id, "edit"))" class="stacked" id="vetting-edit-form">\(ctx.csrfField)\(version)
                <label for="unit_code">\(ctx.t(Catalogue.vettingUnit))</label>
                <input type="text" id="unit_code" name="unit_code" value="\(typed("edit", "unit_code", c.unitCode))" maxlength="40" required>
                <label for="received_on">\(ctx.t(Catalogue.vettingReceivedOn))</label>\(Self.dateInput(ctx, name: "received_on", value: typed("edit", "received_on", c.receivedOn.iso)))
                <label for="deadline">\(ctx.t(Catalogue.vettingDeadline))</label>\(Self.dateInput(ctx, name: "deadline", value: typed("edit", "deadline", c.deadline.iso)))
                <label for="note">\(ctx.t(Catalogue.note))</label>
                <textarea id="note" name="note" maxlength="2000" rows="3">\(typed("edit", "note", c.note ?? ""))</textarea>
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                </form>
                """
        }
        let title = ctx.t(Catalogue.vettingCase) + " — " + p.fullName
        let body: HTML = """
            <h1>\(title)</h1>
            <dl class="facts" id="vetting-facts">
            <dt>\(ctx.t(Catalogue.vettingPerson))</dt><dd>\(personLink)</dd>
            <dt>\(ctx.t(Catalogue.cardNo))</dt><dd>\(p.cardNo ?? "")</dd>
            <dt>\(ctx.t(Catalogue.nationalIdLabel))</dt><dd>\(p.nationalId ?? "")</dd>
            <dt>\(ctx.t(Catalogue.birthDate))</dt><dd>\(ctx.date(p.birthDate))</dd>
            <dt>\(ctx.t(Catalogue.vettingPurposeLabel))</dt><dd id="vetting-purpose">\(ctx.t(c.purpose.label))</dd>
            <dt>\(ctx.t(Catalogue.vettingUnit))</dt><dd><a href="\(SiteURL.unit(c.unitCode))">\(c.unitName)</a></dd>
            <dt>\(ctx.t(Catalogue.vettingReceivedOn))</dt><dd>\(ctx.date(c.receivedOn))</dd>
            <dt>\(ctx.t(Catalogue.vettingDeadline))</dt><dd>\(ctx.date(c.deadline)) — <span class="due-\(due.rawValue)" id="vetting-due">\(ctx.t(due.label))</span></dd>
            <dt>\(ctx.t(Catalogue.vettingStatusLabel))</dt><dd id="vetting-status">\(ctx.t(c.status.label))</dd>
            <dt>\(ctx.t(Catalogue.vettingConclusionLabel))</dt><dd id="vetting-conclusion">\(c.outcome.map { ctx.t($0.conclusion.label) } ?? "")</dd>
            <dt>\(ctx.t(Catalogue.vettingConcludedOn))</dt><dd>\(ctx.date(c.outcome?.concludedOn))</dd>
            <dt>\(ctx.t(Catalogue.vettingDocument))</dt><dd>\(c.outcome?.documentNo ?? "")</dd>
            <dt>\(ctx.t(Catalogue.note))</dt><dd>\(c.note ?? "")</dd>
            </dl>
            \(forms)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.vettingArea), SiteURL.vetting), (p.fullName, nil)], flash: flash,
            content: body)
    }

    func vettingSettingsPage(
        _ ctx: PageContext, _ principal: Principal, form: FormData?, message: Localized?, errors: [FieldError], flash: String?
    ) async throws -> HTML {
        guard VettingService.mayChangeSettings(principal) else { throw DomainError.forbidden(Catalogue.vettingSettingsForbidden) }
        let record = try await services.vetting.settings()
        let deadline = form?.string("deadline_working_days") ?? String(record.settings.deadlineWorkingDays)
        let warning = form?.string("warning_working_days") ?? String(record.settings.warningWorkingDays)
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.vettingSettings))</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.vettingSettings)" class="stacked" id="vetting-settings-form">\(ctx.csrfField)
            <input type="hidden" name="version" value="\(String(record.version))">
            <label for="deadline_working_days">\(ctx.t(Catalogue.vettingDeadlineDays))</label>
            <input type="number" id="deadline_working_days" name="deadline_working_days" value="\(deadline)" min="1" max="365" required>
            <label for="warning_working_days">\(ctx.t(Catalogue.vettingWarningDays))</label>
            <input type="number" id="warning_working_days" name="warning_working_days" value="\(warning)" min="0" max="60" required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
            </form>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.vettingSettings),
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.vettingArea), SiteURL.vetting), (ctx.t(Catalogue.vettingSettings), nil)],
            flash: flash, content: body)
    }

    // MARK: - The section on a person's page

    /// A cadre's cases for the cadre's page; nothing for roles that see counts only.
    func vettingSection(_ ctx: PageContext, _ principal: Principal, cadreId: Int64, number: String?) async throws -> HTML {
        guard VettingRules.seesDetails(principal.role) else { return .empty }
        return vettingSection(ctx, principal, try await services.vetting.cases(principal, cadreId: cadreId), number: number)
    }

    /// A member's cases for the member's page; nothing for roles that see counts only. `hasCases` (from
    /// `MemberService.overview`) false spares the read.
    func vettingSection(_ ctx: PageContext, _ principal: Principal, member: Member, number: String?, hasCases: Bool) async throws -> HTML {
        guard VettingRules.seesDetails(principal.role) else { return .empty }
        let rows = hasCases ? try await services.vetting.cases(principal, member: member) : []
        return vettingSection(ctx, principal, rows, number: number)
    }

    private func vettingSection(_ ctx: PageContext, _ principal: Principal, _ rows: [VettingRow], number: String?) -> HTML {
        let new: HTML =
            principal.role.canWriteRecords && number != nil
            ? "<p><a class=\"button secondary\" href=\"\(SiteURL.with(SiteURL.vetting, [("person", number ?? "")]))#new\">\(ctx.t(Catalogue.vettingNewForPerson))</a></p>"
            : .empty
        return """
            <h2>\(ctx.t(Catalogue.vettingOfPerson))</h2>
            \(vettingTable(ctx, rows, id: "person-vetting"))
            \(new)
            """
    }
}
