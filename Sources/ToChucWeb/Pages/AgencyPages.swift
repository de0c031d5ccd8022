import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// Routes and links of cadre work (issue 5).
extension SiteURL {
    static let agencies = "/agencies"
    static let newAgency = "/agencies/new"
    static func agency(_ code: String) -> String { "/agencies/" + escape(code) }
    static func editAgency(_ code: String) -> String { "/agencies/" + escape(code) + "/edit" }
    static func agencies(q: String = "", page: Int = 1) -> String {
        var items: [String] = []
        if !q.isEmpty { items.append("q=" + escape(q)) }
        if page > 1 { items.append("page=\(page)") }
        return agencies + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }
    static let cadres = "/cadres"
    static let newCadre = "/cadres/new"
    static func cadre(_ id: Int64) -> String { "/cadres/\(id)" }
    static func cadreDecisions(_ id: Int64) -> String { "/cadres/\(id)/decisions" }
    static func cadreDiscipline(_ id: Int64) -> String { "/cadres/\(id)/discipline" }
    static let decisions = "/cadres/decisions"
    static func decision(_ id: Int64) -> String { "/cadres/decisions/\(id)" }
    static func approveDecision(_ id: Int64) -> String { "/cadres/decisions/\(id)/approve" }
    static func voidDecision(_ id: Int64) -> String { "/cadres/decisions/\(id)/void" }
    static let retiring = "/cadres/retiring"
    static let reappointment = "/cadres/reappointment"
    static let approvals = "/cadres/approvals"

    /// `path?key=value&…`, leaving out empty values.
    static func with(_ path: String, _ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }.map { $0.0 + "=" + escape($0.1) }
        return path + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }
}

extension Site {
    func registerAgencyPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.agencies)) { request, context in
            let principal = try context.requirePrincipal()
            let q = request.query("q") ?? ""
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let language = principal.language
            let file = try await listDownload(request, principal, sheet: "co-quan", baseName: Self.fileName("co-quan", principal)) {
                let all = try await Page.all { page, perPage in try await services.agencies.list(principal, query: q, page: page, perPage: perPage) }
                return [[Catalogue.code, Catalogue.agencyName, Catalogue.parentCode, Catalogue.kind, Catalogue.agencyUnit].map { $0.text(language) }]
                    + all.map { row in
                        [row.agency.code, row.agency.name, row.agency.parentCode ?? "", row.agency.kind.label.text(language), row.agency.unitName]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let result = try await services.agencies.list(principal, query: q, page: page, perPage: 50)
            let rows: [HTML] = result.items.map { row in
                let a = row.agency
                let indent = String(repeating: "\u{2003}", count: row.depth)
                return """
                    <tr><td><a href="\(SiteURL.agency(a.code))">\(a.code)</a></td><td>\(indent + a.name)</td><td>\(ctx.t(a.kind.label))</td>
                    <td><a href="\(SiteURL.unit(a.unitCode))">\(a.unitName)</a></td></tr>
                    """
            }
            let newButton: HTML =
                principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.newAgency)\">\(ctx.t(Catalogue.newAgency))</a>" : .empty
            let table: HTML =
                rows.isEmpty
                ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
                : """
                <table id="agencies-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.agencyName))</th>
                <th>\(ctx.t(Catalogue.kind))</th><th>\(ctx.t(Catalogue.agencyUnit))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.agencies))</h1>
                <form method="get" action="\(SiteURL.agencies)" class="searchbar" role="search">
                <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(q)" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
                <button type="submit">\(ctx.t(Catalogue.search))</button>
                </form>
                <div class="actions">\(newButton) <a class="button secondary" href="\(SiteURL.cadres)">\(ctx.t(Catalogue.cadres))</a></div>
                \(Self.exportLinks(ctx, SiteURL.agencies, [("q", q)]))
                \(table)
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) { SiteURL.agencies(q: q, page: $0) })
                """
            return Responses.html(
                Layout.page(ctx, title: ctx.t(Catalogue.agencies), breadcrumbs: [(ctx.t(Catalogue.agencies), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.newAgency)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            let draft = AgencyDraft(parentCode: request.query("parent") ?? "", unitCode: request.query("unit") ?? principal.unitCode)
            return Responses.html(agencyForm(ctx, draft: draft, version: nil, message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.agencies)) { request, context in
            let principal = try context.requirePrincipal()
            let draft = Self.agencyDraft(context.form)
            do {
                let agency = try await services.agencies.create(principal, draft)
                return Responses.redirect(SiteURL.agency(agency.code) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(agencyForm(ctx, draft: draft, version: nil, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get("/agencies/:code") { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let agency = try await services.agencies.get(principal, code: try context.parameters.require("code"))
            let children = try await services.agencies.children(principal, of: agency)
            let history = try await services.agencies.history(principal, code: agency.code)
            let childRows: [HTML] = children.map {
                "<tr><td><a href=\"\(SiteURL.agency($0.code))\">\($0.code)</a></td><td>\($0.name)</td><td>\(ctx.t($0.kind.label))</td></tr>"
            }
            let buttons: HTML =
                principal.role.canWriteRecords
                ? """
                <a class="button" href="\(SiteURL.editAgency(agency.code))">\(ctx.t(Catalogue.edit))</a>
                <a class="button secondary" href="\(SiteURL.newAgency)?parent=\(SiteURL.escape(agency.code))&amp;unit=\(SiteURL.escape(agency.unitCode))">\(ctx.t(Catalogue.newAgency))</a>
                """ : .empty
            let parent: HTML = agency.parentCode.map { "<a href=\"\(SiteURL.agency($0))\">\($0)</a>" } ?? "—"
            let body: HTML = """
                <h1>\(agency.name)</h1>
                <dl class="facts" id="agency-facts">
                <dt>\(ctx.t(Catalogue.code))</dt><dd>\(agency.code)</dd>
                <dt>\(ctx.t(Catalogue.kind))</dt><dd>\(ctx.t(agency.kind.label))</dd>
                <dt>\(ctx.t(Catalogue.parentCode))</dt><dd>\(parent)</dd>
                <dt>\(ctx.t(Catalogue.agencyUnit))</dt><dd><a href="\(SiteURL.unit(agency.unitCode))">\(agency.unitName)</a></dd>
                </dl>
                <div class="actions">\(buttons)</div>
                <h2>\(ctx.t(Catalogue.subAgencies))</h2>
                \(childRows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("<table id=\"sub-agencies\"><tbody>\(childRows)</tbody></table>"))
                <h2>\(ctx.t(Catalogue.history))</h2>
                \(Layout.history(ctx, history))
                """
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.agencySaved) : nil
            return Responses.html(
                Layout.page(
                    ctx, title: agency.name, breadcrumbs: [(ctx.t(Catalogue.agencies), SiteURL.agencies), (agency.name, nil)], flash: flash,
                    content: body))
        }
        router.get("/agencies/:code/edit") { request, context in
            let principal = try context.requirePrincipal()
            let agency = try await services.agencies.get(principal, code: try context.parameters.require("code"))
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            return Responses.html(agencyForm(ctx, draft: agency.draft, version: agency.version, message: nil, errors: []))
        }
        router.post("/agencies/:code") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            var draft = Self.agencyDraft(context.form)
            draft.code = code
            let version = Int(context.form.string("version")) ?? 0
            do {
                let agency = try await services.agencies.update(principal, code: code, draft, expectedVersion: version)
                return Responses.redirect(SiteURL.agency(agency.code) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(agencyForm(ctx, draft: draft, version: version, message: message, errors: errors), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(ctx, title: ctx.t(Catalogue.editAgency), message: message, changes: changes, retry: SiteURL.editAgency(code)), status: .conflict)
            }
        }
    }

    static func agencyDraft(_ form: FormData) -> AgencyDraft {
        AgencyDraft(
            code: form.string("code"), name: form.string("name"), kind: form.string("kind"), parentCode: form.string("parent_code"),
            unitCode: form.string("unit_code"))
    }

    func agencyForm(_ ctx: PageContext, draft: AgencyDraft, version: Int?, message: Localized?, errors: [FieldError]) -> HTML {
        let editing = version != nil
        let kinds: [HTML] = AgencyKind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(HTML(raw: draft.kind == kind.rawValue ? " selected" : ""))>\(ctx.t(kind.label))</option>"
        }
        let codeField: HTML =
            editing
            ? "<p><strong>\(ctx.t(Catalogue.code)):</strong> \(draft.code)</p><input type=\"hidden\" name=\"version\" value=\"\(version ?? 0)\">"
            : "<label for=\"code\">\(ctx.t(Catalogue.code))</label><input type=\"text\" id=\"code\" name=\"code\" value=\"\(draft.code)\" required maxlength=\"40\">"
        let title = ctx.t(editing ? Catalogue.editAgency : Catalogue.newAgency)
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(editing ? SiteURL.agency(draft.code) : SiteURL.agencies)" class="stacked" id="agency-form">
            \(ctx.csrfField)
            \(codeField)
            <label for="name">\(ctx.t(Catalogue.agencyName))</label>
            <input type="text" id="name" name="name" value="\(draft.name)" required maxlength="300">
            <label for="kind">\(ctx.t(Catalogue.kind))</label>
            <select id="kind" name="kind">\(kinds)</select>
            <label for="parent_code">\(ctx.t(Catalogue.parentCode))</label>
            <input type="text" id="parent_code" name="parent_code" value="\(draft.parentCode)" maxlength="40">
            <label for="unit_code">\(ctx.t(Catalogue.agencyUnit))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(draft.unitCode)" required maxlength="40">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(editing ? SiteURL.agency(draft.code) : SiteURL.agencies)">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.agencies), SiteURL.agencies), (title, nil)], content: body)
    }
}
