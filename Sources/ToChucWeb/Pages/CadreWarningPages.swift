import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let cadreWarnings = "/cadres/warnings"
    static func cadreWarnings(unit: String, kind: String, asOf: String, page: Int = 1, format: String = "") -> String {
        with(cadreWarnings, [("unit", unit), ("kind", kind), ("as_of", asOf), ("page", page > 1 ? String(page) : ""), ("format", format)])
    }
}

/// The warnings dashboard per unit (issue 5): how many cadres of a subtree each rule of DOMAIN.md §3 flags on a date, with
/// the flagged cadres and their warnings; a download of the list.
extension Site {
    func registerCadreWarningPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.cadreWarnings)) { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.warningsQuery(request)
            let file = try await listDownload(
                request, principal, sheet: "canh-bao", baseName: "canh-bao-can-bo-\(query.unit.isEmpty ? "tat-ca" : query.unit)-\(query.today.iso)"
            ) {
                let all = try await services.cadres.warningsDashboard(
                    principal, unitCode: query.unit, kind: query.kind, today: query.today, perPage: UnitService.maximumPerPage)
                var rows = [[Catalogue.fullName, Catalogue.birthDate, Catalogue.unit, Catalogue.warningKind, Catalogue.decisionNo, Catalogue.warnings]
                    .map { $0.text(principal.language) }]
                var page = all.rows
                while true {
                    for row in page.items {
                        for w in row.warnings where query.kind == nil || w.kind == query.kind {
                            rows.append([
                                row.cadre.fullName, row.cadre.birthDate?.iso ?? "", row.cadre.unitCode, w.kind.label.text(principal.language), w.decisionNo ?? "",
                                w.message.text(principal.language),
                            ])
                        }
                    }
                    guard page.page < page.pageCount else { break }
                    page = try await services.cadres.warningsDashboard(
                        principal, unitCode: query.unit, kind: query.kind, today: query.today, page: page.page + 1, perPage: UnitService.maximumPerPage
                    ).rows
                }
                return rows
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let dashboard = try await services.cadres.warningsDashboard(
                principal, unitCode: query.unit, kind: query.kind, today: query.today, page: request.query("page").flatMap { Int($0) } ?? 1)
            return Responses.html(warningsPage(ctx, dashboard, query: query))
        }
    }

    struct WarningsQuery {
        let unit: String
        let kind: CadreWarningKind?
        let today: CivilDate
        let asOfText: String
    }

    static func warningsQuery(_ request: Request) throws -> WarningsQuery {
        let kindText = (request.query("kind") ?? "").trimmed
        var errors: [FieldError] = []
        let kind = CadreWarningKind(rawValue: kindText)
        if !kindText.isEmpty && kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(kindText))) }
        let asOfText = (request.query("as_of") ?? "").trimmed
        let today = CivilDate(parsing: asOfText)
        if !asOfText.isEmpty && today == nil { errors.append(FieldError("as_of", Catalogue.invalidDate(asOfText))) }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return WarningsQuery(unit: (request.query("unit") ?? "").trimmed, kind: kind, today: today ?? Timestamp.vietnamDate(), asOfText: asOfText)
    }

    func warningsPage(_ ctx: PageContext, _ d: WarningsDashboard, query: WarningsQuery) -> HTML {
        let asOf = query.asOfText.isEmpty ? "" : d.today.iso
        let kindCode = query.kind?.rawValue ?? ""
        let countRows: [HTML] = CadreWarningKind.allCases.map { kind in
            let n = d.counts[kind] ?? 0
            let link = SiteURL.cadreWarnings(unit: query.unit, kind: kind.rawValue, asOf: asOf)
            let current: HTML = kind == query.kind ? HTML(raw: " aria-current=\"true\"") : .empty
            return "<tr><td><a href=\"\(link)\"\(current)>\(ctx.t(kind.label))</a></td><td class=\"num\">\(ctx.number(n))</td></tr>"
        }
        let bars: [Charts.Bar] = CadreWarningKind.allCases.map { kind in
            let n = d.counts[kind] ?? 0
            return Charts.Bar(
                label: ctx.t(kind.label), hundredths: d.checked == 0 ? 0 : n * 10_000 / d.checked, figure: ctx.ratio(n, d.checked), targetPercent: nil,
                met: nil)
        }
        let rows: [HTML] = d.rows.items.map { row in
            let items: [HTML] = row.warnings.filter { query.kind == nil || $0.kind == query.kind }.map { w in
                let about: HTML = w.decisionNo.map { "<strong>\(ctx.t(Catalogue.decision)) \($0):</strong> " } ?? .empty
                return "<li>\(about)\(ctx.t(w.message))</li>"
            }
            return """
                <tr><td><a href="\(SiteURL.cadre(row.cadre.id))">\(row.cadre.fullName)</a></td><td>\(ctx.date(row.cadre.birthDate))</td>
                <td><a href="\(SiteURL.unit(row.cadre.unitCode))">\(row.cadre.unitName)</a></td><td><ul class="warnings">\(items)</ul></td></tr>
                """
        }
        let kinds: [HTML] = CadreWarningKind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(HTML(raw: kind == query.kind ? " selected" : ""))>\(ctx.t(kind.label))</option>"
        }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.warningsDashboard))</h1>
            <p class="muted">\(ctx.t(Catalogue.warningsDashboardHelp(d.regulations)))</p>
            <form method="get" action="\(SiteURL.cadreWarnings)" class="searchbar">
            \(unitField(ctx, query.unit))
            <div><label for="kind">\(ctx.t(Catalogue.warningKind))</label><br><select id="kind" name="kind"><option value="">\(ctx.t(Catalogue.allWarnings))</option>\(kinds)</select></div>
            <div><label for="as_of">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "as_of", value: asOf))</div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <dl class="facts" id="warnings-summary"><dt>\(ctx.t(Catalogue.cadresChecked))</dt><dd>\(ctx.number(d.checked))</dd>
            \(query.kind == nil ? HTML("<dt>\(ctx.t(Catalogue.cadresWithWarnings))</dt><dd>\(ctx.number(d.rows.total))</dd>") : .empty)
            <dt>\(ctx.t(Catalogue.asOf))</dt><dd>\(ctx.date(d.today))</dd></dl>
            <table id="warning-counts"><thead><tr><th>\(ctx.t(Catalogue.warningKind))</th><th>\(ctx.t(Catalogue.cadresWithWarnings))</th></tr></thead>
            <tbody>\(countRows)</tbody></table>
            \(Charts.bars(bars, title: ctx.t(Catalogue.warningsDashboard), id: "warnings-chart"))
            \(Self.exportLinks(ctx, SiteURL.cadreWarnings, [("unit", query.unit), ("kind", kindCode), ("as_of", asOf)]))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noWarnings))</p>") : HTML("""
            <table id="warnings-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.birthDate))</th>
            <th>\(ctx.t(Catalogue.unit))</th><th>\(ctx.t(Catalogue.warnings))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: d.rows.page, pageCount: d.rows.pageCount, total: d.rows.total) {
                SiteURL.cadreWarnings(unit: query.unit, kind: kindCode, asOf: asOf, page: $0)
            })
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.warningsDashboard),
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.warningsDashboard), nil)], content: body)
    }
}
