import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let congresses = "/congresses"
    static let congressesExport = "/congresses/export"
    static let congressProgress = "/congresses/progress"
    static func congress(_ code: String, _ term: String) -> String { "/congresses/" + escape(code) + "/" + escape(term) }
    static func congressProgress(unit: String, date: CivilDate? = nil, term: String = "") -> String {
        with(congressProgress, [("unit", unit), ("date", date?.iso ?? ""), ("term", term)])
    }
}

/// Congresses of every unit per term (DOMAIN.md §4): the subtree's units with their congress of a term, one unit's
/// record with its form, elections and history, and the progress by level on a date in the seeds' words.
extension Site {
    func registerCongressPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.congresses)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await congressIndex(ctx, principal, request: request))
        }
        router.get(RouterPath(SiteURL.congressesExport)) { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.congressQuery(request)
            let rows = try await services.congresses.exportRows(principal, query)
            // Columns 8 and 9: delegates, committee members elected.
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.congressSheet.text(principal.language),
                baseName: "dai-hoi-\(query.term.isEmpty ? "nhiem-ky" : query.term)-\(query.unitCode.isEmpty ? principal.unitCode : query.unitCode)",
                numeric: [8, 9])
        }
        router.get(RouterPath(SiteURL.congressProgress)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let unit = (request.query("unit") ?? "").trimmed
            let date = try Self.optionalDate(request.query("date"), field: "date") ?? Timestamp.vietnamDate()
            let progress = try await services.congresses.progress(principal, unitCode: unit, on: date, term: request.query("term") ?? "")
            if request.query("format") == "json" { return try Responses.json(APICongressProgress(progress)) }
            let language = principal.language
            // Counts as numbers; the percentage as the report writes it (two decimals).
            if let file = try await listDownload(
                request, principal, sheet: "tien-do-dai-hoi", baseName: "tien-do-dai-hoi-\(progress.unitCode)-\(progress.date.iso)",
                numeric: [1, 2, 3, 4, 5],
                rows: {
                    [
                        [
                            Catalogue.progressLevel, Catalogue.congressHeldCount, Catalogue.total, Catalogue.congressPercent, Catalogue.progressPilot,
                            Catalogue.progressDirect,
                        ].map { $0.text(language) }
                    ]
                        + progress.levels.map { l in
                            [
                                l.kind.label.text(language), String(l.held), String(l.total), String(format: "%.2f", l.percent), String(l.pilot),
                                String(l.directSecretary),
                            ]
                        }
                })
            {
                return file
            }
            return Responses.html(congressProgressPage(ctx, progress, unitField: unit, termField: request.query("term") ?? ""))
        }
        router.get("/congresses/:code/:term") { request, context in
            let principal = try context.requirePrincipal()
            let (code, term) = try Self.congressKey(context)
            let ctx = try await pageContext(request, context)
            let record = try await services.congresses.get(principal, unitCode: code, term: term)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.congressSaved) : nil
            return Responses.html(
                try await congressPage(
                    ctx, principal, code: code, term: term, record: record, draft: record?.facts.draft ?? CongressDraft(term: term),
                    version: record?.version ?? 0, message: nil, errors: [], flash: flash))
        }
        router.post("/congresses/:code/:term") { request, context in
            let principal = try context.requirePrincipal()
            let (code, term) = try Self.congressKey(context)
            let form = context.form
            let draft = CongressDraft(
                term: term, plannedOn: form.string("planned_on"), heldOn: form.string("held_on"), pilot: form.flag("pilot") ? "true" : "false",
                directSecretary: form.flag("direct_secretary") ? "true" : "false", delegates: form.string("delegates"),
                committeeElected: form.string("committee_elected"), note: form.string("note"))
            let version = Int(form.string("version")) ?? -1
            do {
                _ = try await services.congresses.save(principal, unitCode: code, term: term, draft, expectedVersion: version)
                return Responses.redirect(SiteURL.congress(code, term) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let record = try await services.congresses.get(principal, unitCode: code, term: term)
                return Responses.html(
                    try await congressPage(
                        ctx, principal, code: code, term: term, record: record, draft: draft, version: version, message: message, errors: errors,
                        flash: nil),
                    status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(
                        ctx, title: ctx.t(Catalogue.congressEdit), message: message, changes: changes, retry: SiteURL.congress(code, term)),
                    status: .conflict)
            }
        }
        registerElectionPages(router)
    }

    /// A date typed in a query (dd/mm/yyyy or yyyy-mm-dd); nil when absent; a 422 with the field when malformed.
    static func optionalDate(_ text: String?, field: String) throws -> CivilDate? {
        guard let text = text?.trimmed, !text.isEmpty else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.invalidDate(text))])
        }
        return date
    }

    static func congressKey(_ context: AppContext) throws -> (String, String) {
        let code = try context.parameters.require("code")
        guard let term = context.parameters.get("term").flatMap({ CongressTerm(parsing: $0) }) else {
            throw DomainError.notFound(Catalogue.congressNotFound)
        }
        return (code, term.key)
    }

    /// The list's filters from a request's query, checked (an unknown kind or status is a 422).
    static func congressQuery(_ request: Request) throws -> CongressQuery {
        var query = CongressQuery()
        query.unitCode = (request.query("unit") ?? "").trimmed
        query.term = (request.query("term") ?? "").trimmed
        query.date = try optionalDate(request.query("date"), field: "date")
        query.text = request.query("q") ?? ""
        var errors: [FieldError] = []
        if let kind = request.query("kind"), !kind.isEmpty {
            query.kind = UnitKind(rawValue: kind)
            if query.kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(kind))) }
        }
        if let status = request.query("status"), !status.isEmpty {
            query.status = CongressStatus(rawValue: status)
            if query.status == nil { errors.append(FieldError("status", Catalogue.unknownValue(status))) }
        }
        for (name, flag) in [("pilot", \CongressQuery.pilot), ("direct_secretary", \CongressQuery.directSecretary)] {
            guard let text = request.query(name), !text.isEmpty else { continue }
            guard text == "1" || text == "0" else {
                errors.append(FieldError(name, Catalogue.unknownValue(text)))
                continue
            }
            query[keyPath: flag] = text == "1"
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return query
    }

    func congressIndex(_ ctx: PageContext, _ principal: Principal, request: Request) async throws -> HTML {
        var query = try Self.congressQuery(request)
        query.page = try ListQuery(request).page
        query.perPage = 50
        let list = try await services.congresses.list(principal, query)
        let term = list.term
        let rows: [HTML] = list.rows.items.map { row in
            let f = row.congress?.facts
            let indent = String(repeating: "\u{2003}", count: max(0, row.unit.depth - (list.rows.items.first?.unit.depth ?? 0)))
            return """
                <tr><td><a href="\(SiteURL.unit(row.unit.code))">\(row.unit.code)</a></td>
                <td>\(indent)<a href="\(SiteURL.congress(row.unit.code, f?.term.key ?? term.key))">\(row.unit.name)</a></td><td>\(ctx.t(row.unit.kind.label))</td>
                <td>\(f.map { $0.term.label } ?? "")</td><td>\(ctx.date(f?.plannedOn))</td><td>\(ctx.date(f?.heldOn))</td>
                <td>\(f?.pilot == true ? "✓" : "")</td><td>\(f?.directSecretary == true ? "✓" : "")</td>
                <td class="num">\(f?.delegates.map(ctx.number) ?? "")</td><td class="num">\(f?.committeeElected.map(ctx.number) ?? "")</td></tr>
                """
        }
        let kinds: [HTML] = UnitKind.allCases.map { k in
            "<option value=\"\(k.rawValue)\"\(HTML(raw: query.kind == k ? " selected" : ""))>\(ctx.t(k.label))</option>"
        }
        let statuses: [HTML] = CongressStatus.allCases.map { s in
            "<option value=\"\(s.rawValue)\"\(HTML(raw: query.status == s ? " selected" : ""))>\(ctx.t(s.label))</option>"
        }
        let params: [(String, String)] = [
            ("unit", query.unitCode), ("term", query.term), ("date", query.date?.iso ?? ""), ("kind", query.kind?.rawValue ?? ""),
            ("status", query.status?.rawValue ?? ""), ("q", query.text), ("pilot", query.pilot ? "1" : ""),
            ("direct_secretary", query.directSecretary ? "1" : ""),
        ]
        let title = ctx.t(Catalogue.congressesTitle(term.label))
        let body: HTML = """
            <h1>\(title)</h1>
            <form method="get" action="\(SiteURL.congresses)" class="searchbar" role="search">
            \(unitField(ctx, query.unitCode))
            <div><label for="term">\(ctx.t(Catalogue.congressTerm))</label><br><input type="text" id="term" name="term" value="\(query.term)" maxlength="9" placeholder="\(term.key)"></div>
            <div><label for="date">\(ctx.t(Catalogue.progressDate))</label><br>\(Self.dateInput(ctx, name: "date", value: query.date?.iso ?? ""))</div>
            <div><label for="kind">\(ctx.t(Catalogue.progressLevel))</label><br><select id="kind" name="kind"><option value="">\(ctx.t(Catalogue.congressAllKinds))</option>\(kinds)</select></div>
            <div><label for="status">\(ctx.t(Catalogue.congressStatus))</label><br><select id="status" name="status"><option value="">\(ctx.t(Catalogue.congressAllStatuses))</option>\(statuses)</select></div>
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            <div><label><input type="checkbox" name="pilot" value="1"\(HTML(raw: query.pilot ? " checked" : ""))> \(ctx.t(Catalogue.congressPilot))</label><br>
            <label><input type="checkbox" name="direct_secretary" value="1"\(HTML(raw: query.directSecretary ? " checked" : ""))> \(ctx.t(Catalogue.progressDirect))</label></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <div class="actions"><a class="button" id="progress-link" href="\(SiteURL.congressProgress(unit: list.unitCode, date: list.date, term: query.term))">\(ctx.t(Catalogue.congressProgressLink))</a>
            <a class="button secondary" href="\(SiteURL.elections)">\(ctx.t(Catalogue.electionsArea))</a>
            </div>
            \(Self.exportLinks(ctx, SiteURL.congressesExport, params))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="congress-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.name))</th><th>\(ctx.t(Catalogue.kind))</th>
            <th>\(ctx.t(Catalogue.congressTerm))</th><th>\(ctx.t(Catalogue.congressPlannedOn))</th><th>\(ctx.t(Catalogue.congressHeldOn))</th>
            <th>\(ctx.t(Catalogue.congressPilot))</th><th>\(ctx.t(Catalogue.progressDirect))</th><th>\(ctx.t(Catalogue.congressDelegates))</th>
            <th>\(ctx.t(Catalogue.congressCommitteeElected))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: list.rows.page, pageCount: list.rows.pageCount, total: list.rows.total) {
                SiteURL.with(SiteURL.congresses, params + [("page", $0 > 1 ? String($0) : "")])
            })
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.congressArea), nil)], content: body)
    }

    func congressProgressPage(_ ctx: PageContext, _ p: CongressProgress, unitField unit: String, termField: String) -> HTML {
        let rows: [HTML] = p.levels.map { l in
            """
            <tr id="level-\(l.kind.rawValue)"><td>\(ctx.t(l.kind.label))</td><td class="num">\(ctx.t(l.ratio))</td>
            <td class="num">\(ctx.number(l.pilot))</td><td class="num">\(ctx.number(l.directSecretary))</td>
            <td><a href="\(SiteURL.with(SiteURL.congresses, [("unit", p.unitCode), ("term", p.term.key), ("date", p.date.iso), ("kind", l.kind.rawValue), ("status", CongressStatus.missing.rawValue)]))">\(ctx.t(Catalogue.congressMissing))</a></td></tr>
            """
        }
        let bars = p.levels.map { l in
            Charts.Bar(label: ctx.t(l.kind.label), hundredths: l.hundredthsOfPercent, figure: ctx.t(l.ratio), targetPercent: nil, met: nil)
        }
        let title = ctx.t(Catalogue.progressTitle(p.term.label)) + " — " + p.unitName
        let body: HTML = """
            <h1>\(title)</h1>
            <form method="get" action="\(SiteURL.congressProgress)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="date">\(ctx.t(Catalogue.progressDate))</label><br>\(Self.dateInput(ctx, name: "date", value: p.date.iso))</div>
            <div><label for="term">\(ctx.t(Catalogue.congressTerm))</label><br><input type="text" id="term" name="term" value="\(termField)" maxlength="9" placeholder="\(p.term.key)"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <p id="progress-sentence"><strong>\(ctx.t(p.sentence))</strong></p>
            \(Self.exportLinks(ctx, SiteURL.congressProgress, [("unit", p.unitCode), ("date", p.date.iso), ("term", termField)]))
            <table id="progress-levels"><thead><tr><th>\(ctx.t(Catalogue.progressLevel))</th><th>\(ctx.t(Catalogue.progressHeld))</th>
            <th>\(ctx.t(Catalogue.progressPilot))</th><th>\(ctx.t(Catalogue.progressDirect))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            \(bars.isEmpty ? HTML.empty : Charts.bars(bars, title: ctx.t(Catalogue.progressChart), id: "progress-chart"))
            <p class="muted">\(ctx.t(Catalogue.progressDefinition))</p>
            <p class="muted" id="term-help">\(p.termInCourse ? ctx.t(Catalogue.congressTermInCourse(p.term.label)) + " " : "")\(ctx.t(Catalogue.congressTermHelp(p.regulation)))</p>
            <div class="actions"><a class="button secondary" href="\(SiteURL.with(SiteURL.congresses, [("unit", p.unitCode), ("term", p.term.key), ("date", p.date.iso)]))">\(ctx.t(Catalogue.congressArea))</a>
            <a class="button secondary" href="\(SiteURL.with(SiteURL.congressProgress, [("unit", p.unitCode), ("date", p.date.iso), ("term", termField), ("format", "json")]))">JSON</a></div>
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.congressArea), SiteURL.congresses), (ctx.t(Catalogue.congressProgressLink), nil)],
            content: body)
    }

    func congressPage(
        _ ctx: PageContext, _ principal: Principal, code: String, term: String, record: CongressRecord?, draft: CongressDraft, version: Int,
        message: Localized?, errors: [FieldError], flash: String?
    ) async throws -> HTML {
        let unit = try await services.units.get(principal, code: code)
        let history = try await services.congresses.history(principal, unitCode: code, term: term)
        let others = try await services.congresses.ofUnit(principal, unitCode: code).filter { $0.facts.term.key != term }
        var elections: [ElectionRecord] = []
        if let record { elections = try await services.elections.list(principal, congressId: record.id, perPage: 100).items }
        let termLabel = CongressTerm(parsing: term)?.label ?? term
        let facts: HTML
        if let f = record?.facts {
            facts = """
                <dl class="facts" id="congress-facts">
                <dt>\(ctx.t(Catalogue.congressPlannedOn))</dt><dd>\(ctx.date(f.plannedOn))</dd>
                <dt>\(ctx.t(Catalogue.congressHeldOn))</dt><dd>\(f.heldOn.map { ctx.date($0) } ?? ctx.t(Catalogue.congressPlanned))</dd>
                <dt>\(ctx.t(Catalogue.congressPilot))</dt><dd>\(ctx.t(f.pilot ? Catalogue.yes : Catalogue.no))</dd>
                <dt>\(ctx.t(Catalogue.congressDirectSecretary))</dt><dd>\(ctx.t(f.directSecretary ? Catalogue.yes : Catalogue.no))</dd>
                <dt>\(ctx.t(Catalogue.congressDelegates))</dt><dd>\(f.delegates.map(ctx.number) ?? "—")</dd>
                <dt>\(ctx.t(Catalogue.congressCommitteeElected))</dt><dd>\(f.committeeElected.map(ctx.number) ?? "—")</dd>
                <dt>\(ctx.t(Catalogue.note))</dt><dd>\(f.note.isEmpty ? "—" : f.note)</dd>
                </dl>
                """
        } else {
            facts = "<p id=\"congress-facts\">\(ctx.t(Catalogue.congressNone))</p>"
        }
        func number(_ name: String, _ label: Localized, _ value: String) -> HTML {
            """
            <label for="\(name)">\(ctx.t(label))</label>
            <input type="text" inputmode="numeric" pattern="[0-9.]*" id="\(name)" name="\(name)" value="\(value)" maxlength="7">
            """
        }
        func check(_ name: String, _ label: Localized, _ on: Bool) -> HTML {
            "<div class=\"check\"><input type=\"checkbox\" id=\"\(name)\" name=\"\(name)\" value=\"true\"\(HTML(raw: on ? " checked" : ""))> <label for=\"\(name)\">\(ctx.t(label))</label></div>"
        }
        let form: HTML =
            principal.role.canWriteRecords
            ? """
            <h2>\(ctx.t(Catalogue.congressEdit))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.congress(code, term))" class="stacked" id="congress-form">
            \(ctx.csrfField)<input type="hidden" name="version" value="\(version)">
            <label for="planned_on">\(ctx.t(Catalogue.congressPlannedOn))</label>\(Self.dateInput(ctx, name: "planned_on", value: draft.plannedOn))
            <label for="held_on">\(ctx.t(Catalogue.congressHeldOn))</label>\(Self.dateInput(ctx, name: "held_on", value: draft.heldOn))
            \(check("pilot", Catalogue.congressPilot, UnitRules.parseFlag(draft.pilot) == true))
            \(check("direct_secretary", Catalogue.congressDirectSecretary, UnitRules.parseFlag(draft.directSecretary) == true))
            \(number("delegates", Catalogue.congressDelegates, draft.delegates))
            \(number("committee_elected", Catalogue.congressCommitteeElected, draft.committeeElected))
            <label for="note">\(ctx.t(Catalogue.note))</label>
            <textarea id="note" name="note" maxlength="\(CongressRecordRules.maximumNoteLength)">\(draft.note)</textarea>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(SiteURL.congresses)">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """ : .empty
        let electionRows: [HTML] = elections.map { e in
            """
            <tr><td><a href="\(SiteURL.election(e.id))">\(ctx.t(e.body.label))</a></td><td>\(ctx.date(e.heldOn))</td><td class="num">\(e.seats)</td>
            <td>\(ctx.t(e.status.label))</td></tr>
            """
        }
        var committee: [HTML] = []
        for e in elections where e.status == .approved {
            let detail = try await services.elections.detail(principal, id: e.id)
            committee += detail.elected.map { "<li>\($0.fullName) — \(e.title)</li>" }
        }
        let newElection: HTML =
            record != nil && principal.role.canWriteRecords
            ? electionCreateForm(ctx, unitCode: code, congressTerm: term, heldOn: record?.facts.heldOn, delegates: record?.facts.delegates)
            : .empty
        let otherLinks: [HTML] = others.map { "<a href=\"\(SiteURL.congress(code, $0.facts.term.key))\">\($0.facts.term.label)</a>" }
        let title = "\(unit.name) — \(ctx.t(Catalogue.congressesTitle(termLabel)))"
        let body: HTML = """
            <h1>\(title)</h1>
            <p><a href="\(SiteURL.unit(unit.code))">\(unit.code)</a> · \(ctx.t(unit.kind.label))\(otherLinks.isEmpty ? HTML.empty : HTML(raw: " · " + otherLinks.map(\.text).joined(separator: " · ")))</p>
            \(facts)
            <h2>\(ctx.t(Catalogue.congressCommittee))</h2>
            \(committee.isEmpty ? HTML("<p>\(ctx.t(Catalogue.congressCommitteeNone))</p>") : HTML("<ul id=\"congress-committee\">\(committee)</ul>"))
            <h2>\(ctx.t(Catalogue.electionsArea))</h2>
            \(electionRows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="congress-elections"><thead><tr><th>\(ctx.t(Catalogue.electionBody))</th><th>\(ctx.t(Catalogue.electionHeldOn))</th>
            <th>\(ctx.t(Catalogue.electionSeats))</th><th>\(ctx.t(Catalogue.congressStatus))</th></tr></thead><tbody>\(electionRows)</tbody></table>
            """))
            \(newElection)
            \(form)
            <h2>\(ctx.t(Catalogue.congressHistory))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.congressArea), SiteURL.congresses), (unit.name, nil)], flash: flash, content: body)
    }
}
