import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let staffing = "/staffing"
    static let staffingExport = "/staffing/export"
    static func staffing(year: Int, unit: String = "", page: Int = 1) -> String {
        with(staffing, [("year", String(year)), ("unit", unit), ("page", page > 1 ? String(page) : "")])
    }
    static func staffingQuota(_ agencyCode: String, _ year: Int) -> String { "/staffing/" + escape(agencyCode) + "/\(year)" }
}

/// Staffing quotas per agency and year (biên chế, DOMAIN.md §3): the list of a year in tree order with totals and the
/// progress of reductions, one agency's figures with their history, and the form that records them.
extension Site {
    func registerStaffingPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.staffing)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await staffingIndex(ctx, principal, request: request))
        }
        router.get(RouterPath(SiteURL.staffingExport)) { request, context in
            let principal = try context.requirePrincipal()
            let year = try Self.staffingYear(request.query("year"))
            let unit = (request.query("unit") ?? "").trimmed
            let rows = try await services.staffing.exportRows(principal, year: year, unitCode: unit)
            // Columns 3 to 7: the quotas and reductions; the last line is the totals, not an agency.
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.staffingSheet.text(principal.language),
                baseName: "bien-che-\(year)-\(unit.isEmpty ? principal.unitCode : unit)", numeric: [3, 4, 5, 6, 7], headerRows: 2)
        }
        router.get("/staffing/:code/:year") { request, context in
            let principal = try context.requirePrincipal()
            let (code, year) = try Self.staffingKey(context)
            let ctx = try await pageContext(request, context)
            let quota = try await services.staffing.get(principal, agencyCode: code, year: year)
            let draft = quota?.figures.draft ?? StaffingDraft()
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.staffingSaved) : nil
            return Responses.html(
                try await staffingQuotaPage(
                    ctx, principal, code: code, year: year, quota: quota, draft: draft, version: quota?.version ?? 0, message: nil, errors: [],
                    flash: flash))
        }
        router.post("/staffing/:code/:year") { request, context in
            let principal = try context.requirePrincipal()
            let (code, year) = try Self.staffingKey(context)
            let form = context.form
            let draft = StaffingDraft(
                assigned: form.string("assigned"), actual: form.string("actual"), reductionTarget: form.string("reduction_target"),
                reduced: form.string("reduced"), note: form.string("note"))
            let version = Int(form.string("version")) ?? -1
            do {
                _ = try await services.staffing.save(principal, agencyCode: code, year: year, draft, expectedVersion: version)
                return Responses.redirect(SiteURL.staffingQuota(code, year) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let quota = try await services.staffing.get(principal, agencyCode: code, year: year)
                return Responses.html(
                    try await staffingQuotaPage(
                        ctx, principal, code: code, year: year, quota: quota, draft: draft, version: version, message: message, errors: errors,
                        flash: nil), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(ctx, title: ctx.t(Catalogue.editStaffing), message: message, changes: changes, retry: SiteURL.staffingQuota(code, year)),
                    status: .conflict)
            }
        }
    }

    /// The year of a request (`year=`), the current year when absent; a year out of range is a 422 with the reason.
    static func staffingYear(_ text: String?) throws -> Int {
        guard let text = text?.trimmed, !text.isEmpty else { return Timestamp.vietnamDate().year }
        guard let year = Int(text), StaffingRules.isValidYear(year) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("year", Catalogue.staffingInvalidYear)])
        }
        return year
    }

    static func staffingKey(_ context: AppContext) throws -> (String, Int) {
        let code = try context.parameters.require("code")
        guard let year = context.parameters.get("year").flatMap({ Int($0) }), StaffingRules.isValidYear(year) else {
            throw DomainError.notFound(Catalogue.staffingNotFound)
        }
        return (code, year)
    }

    func staffingIndex(_ ctx: PageContext, _ principal: Principal, request: Request) async throws -> HTML {
        let year = try Self.staffingYear(request.query("year"))
        let unit = (request.query("unit") ?? "").trimmed
        let page = request.query("page").flatMap { Int($0) } ?? 1
        let report = try await services.staffing.list(principal, year: year, unitCode: unit, page: page, perPage: 100)
        func cells(_ f: StaffingFigures?) -> HTML {
            guard let f else { return "<td colspan=\"6\" class=\"muted\">\(ctx.t(Catalogue.staffingNoFigures))</td>" }
            return """
                <td class="num">\(ctx.number(f.assigned))</td><td class="num">\(ctx.number(f.actual))</td>
                <td class="num">\(f.overQuota > 0 ? "+" : "")\(ctx.number(f.overQuota))</td><td class="num">\(ctx.number(f.reductionTarget))</td>
                <td class="num">\(ctx.number(f.reduced))</td><td class="num">\(f.progressPercent.map { ctx.percent($0, fractionDigits: 1) } ?? "—")</td>
                """
        }
        let rows: [HTML] = report.rows.items.map { row in
            let indent = String(repeating: "\u{2003}", count: row.depth)
            return """
                <tr><td><a href="\(SiteURL.agency(row.agency.code))">\(row.agency.code)</a></td>
                <td>\(indent)<a href="\(SiteURL.staffingQuota(row.agency.code, year))">\(row.agency.name)</a></td>\(cells(row.figures))</tr>
                """
        }
        let years: [HTML] = (max(StaffingRules.minimumYear, year - 10)...min(StaffingRules.maximumYear, Timestamp.vietnamDate().year + 2)).reversed()
            .map { y in "<option value=\"\(y)\"\(HTML(raw: y == year ? " selected" : ""))>\(y)</option>" }
        // The progress chart: each agency that counts in the totals (its figures include its sub-agencies'), then the totals.
        let counted = report.rows.items.filter { $0.countsInTotals && ($0.figures?.reductionTarget ?? 0) > 0 }.prefix(12)
        var bars: [Charts.Bar] = counted.map { row in
            let f = row.figures!
            return Charts.Bar(
                label: row.agency.name, hundredths: min(10_000, f.reduced * 10_000 / max(1, f.reductionTarget)),
                figure: "\(ctx.number(f.reduced))/\(ctx.number(f.reductionTarget))", targetPercent: 100, met: f.reduced >= f.reductionTarget)
        }
        let totals = report.totals
        if totals.reductionTarget > 0 {
            bars.append(
                Charts.Bar(
                    label: ctx.t(Catalogue.staffingTotals), hundredths: min(10_000, totals.reduced * 10_000 / totals.reductionTarget),
                    figure: "\(ctx.number(totals.reduced))/\(ctx.number(totals.reductionTarget))", targetPercent: 100,
                    met: totals.reduced >= totals.reductionTarget))
        }
        let chart: HTML =
            bars.isEmpty
            ? .empty
            : "<h2>\(ctx.t(Catalogue.reductionProgress))</h2>" + Charts.bars(bars, title: ctx.t(Catalogue.reductionProgress), id: "staffing-progress")
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.staffingTitle(year)))</h1>
            <form method="get" action="\(SiteURL.staffing)" class="searchbar">
            <div><label for="year">\(ctx.t(Catalogue.staffingYear))</label><br><select id="year" name="year">\(years)</select></div>
            \(unitField(ctx, unit))
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(
                ctx, SiteURL.staffingExport, [("year", String(year)), ("unit", unit)],
                extra: "<a class=\"button secondary\" href=\"\(SiteURL.agencies)\">\(ctx.t(Catalogue.agencies))</a>"))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="staffing-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.staffingAgency))</th>
            <th>\(ctx.t(Catalogue.quotaAssigned))</th><th>\(ctx.t(Catalogue.quotaActual))</th><th>\(ctx.t(Catalogue.quotaOver))</th>
            <th>\(ctx.t(Catalogue.reductionTarget))</th><th>\(ctx.t(Catalogue.reductionAchieved))</th><th>\(ctx.t(Catalogue.reductionProgress))</th></tr></thead>
            <tbody>\(rows)</tbody>
            <tfoot><tr id="staffing-totals"><th colspan="2">\(ctx.t(Catalogue.staffingTotals))</th>\(cells(totals))</tr></tfoot></table>
            <p class="muted">\(ctx.t(Catalogue.staffingTotalsHelp))</p>
            """))
            \(Layout.pager(ctx, page: report.rows.page, pageCount: report.rows.pageCount, total: report.rows.total) {
                SiteURL.staffing(year: year, unit: unit, page: $0)
            })
            \(chart)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.staffingTitle(year)),
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.staffingArea), nil)], content: body)
    }

    func staffingQuotaPage(
        _ ctx: PageContext, _ principal: Principal, code: String, year: Int, quota: StaffingQuota?, draft: StaffingDraft, version: Int,
        message: Localized?, errors: [FieldError], flash: String?
    ) async throws -> HTML {
        let agency = try await services.agencies.get(principal, code: code)
        let history = try await services.staffing.history(principal, agencyCode: code, year: year)
        let facts: HTML
        if let f = quota?.figures {
            facts = """
                <dl class="facts" id="staffing-facts">
                <dt>\(ctx.t(Catalogue.quotaAssigned))</dt><dd>\(ctx.number(f.assigned))</dd>
                <dt>\(ctx.t(Catalogue.quotaActual))</dt><dd>\(ctx.number(f.actual))</dd>
                <dt>\(ctx.t(Catalogue.quotaOver))</dt><dd>\(f.overQuota > 0 ? "+" : "")\(ctx.number(f.overQuota))</dd>
                <dt>\(ctx.t(Catalogue.reductionTarget))</dt><dd>\(ctx.number(f.reductionTarget))</dd>
                <dt>\(ctx.t(Catalogue.reductionAchieved))</dt><dd>\(ctx.number(f.reduced))</dd>
                <dt>\(ctx.t(Catalogue.reductionProgress))</dt><dd>\(f.progressPercent.map { ctx.percent($0, fractionDigits: 1) } ?? "—")</dd>
                <dt>\(ctx.t(Catalogue.note))</dt><dd>\(f.note.isEmpty ? "—" : f.note)</dd>
                </dl>
                """
        } else {
            facts = "<p id=\"staffing-facts\">\(ctx.t(Catalogue.staffingNotFound))</p>"
        }
        func field(_ name: String, _ label: Localized, _ value: String, required: Bool) -> HTML {
            """
            <label for="\(name)">\(ctx.t(label))</label>
            <input type="text" inputmode="numeric" pattern="[0-9. ]*" id="\(name)" name="\(name)" value="\(value)" maxlength="12"\(HTML(raw: required ? " required" : ""))>
            """
        }
        let form: HTML =
            principal.role.canWriteRecords
            ? """
            <h2>\(ctx.t(Catalogue.editStaffing))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.staffingQuota(code, year))" class="stacked" id="staffing-form">
            \(ctx.csrfField)<input type="hidden" name="version" value="\(version)">
            \(field("assigned", Catalogue.quotaAssigned, draft.assigned, required: true))
            \(field("actual", Catalogue.quotaActual, draft.actual, required: true))
            \(field("reduction_target", Catalogue.reductionTarget, draft.reductionTarget, required: false))
            \(field("reduced", Catalogue.reductionAchieved, draft.reduced, required: false))
            <label for="note">\(ctx.t(Catalogue.note))</label>
            <textarea id="note" name="note" maxlength="\(StaffingRules.maximumNoteLength)">\(draft.note)</textarea>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(SiteURL.staffing(year: year))">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """ : .empty
        let title = "\(agency.name) — \(ctx.t(Catalogue.staffingTitle(year)))"
        let body: HTML = """
            <h1>\(title)</h1>
            <p><a href="\(SiteURL.agency(agency.code))">\(agency.code)</a> · <a href="\(SiteURL.staffingQuota(code, year - 1))">\(year - 1)</a>
            · <a href="\(SiteURL.staffingQuota(code, year + 1))">\(year + 1)</a></p>
            \(facts)
            \(form)
            <h2>\(ctx.t(Catalogue.staffingHistory))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.staffingArea), SiteURL.staffing(year: year)), (agency.name, nil)], flash: flash, content: body)
    }
}
