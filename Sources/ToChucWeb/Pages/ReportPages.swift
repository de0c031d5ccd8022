import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let reports = "/reports"
    static func report(unit: String, period: String, format: String = "") -> String {
        with(reports, [("unit", unit), ("period", period), ("format", format)])
    }
}

/// The briefing report (báo cáo giao ban, DOMAIN.md §5): the figures of a unit's subtree for a period, each with its
/// definition and a link to the records behind it where a list of them exists.
extension Site {
    func registerReportPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.reports)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let unit = (request.query("unit") ?? "").trimmed
            let periodText = (request.query("period") ?? "").trimmed
            let period = try Self.reportPeriod(periodText.isEmpty ? String(Timestamp.vietnamDate().year) : periodText)
            let report = try await services.reports.report(principal, unitCode: unit.isEmpty ? principal.unitCode : unit, period: period)
            if request.query("format") == "json" {
                return try Responses.json(report)
            }
            return Responses.html(reportPage(ctx, report, unitField: unit))
        }
    }

    static func reportPeriod(_ text: String) throws -> ReportPeriod {
        guard let period = ReportPeriod(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("period", Catalogue.periodInvalid(text))])
        }
        return period
    }

    func reportPage(_ ctx: PageContext, _ report: BriefingReport, unitField unit: String) -> HTML {
        let f = report.figures
        let p = report.period
        let code = report.unitCode
        func row(_ id: String, _ label: Localized, _ value: String, _ definition: Localized, link: String?) -> HTML {
            let shown: HTML = link.map { "<a href=\"\($0)\">\(value)</a>" } ?? "\(value)"
            return "<tr id=\"figure-\(id)\"><td>\(ctx.t(label))</td><td class=\"num\">\(shown)</td><td class=\"muted\">\(ctx.t(definition))</td></tr>"
        }
        let leftText = ReportService.leavingKinds.map { "\(ctx.t($0.label)): \(ctx.number(f.left[$0.rawValue] ?? 0))" }.joined(separator: "; ")
        let approvalsText = ManagementLevel.allCases.map { "\(ctx.t($0.label)): \(ctx.number(f.approvals[$0.rawValue] ?? 0))" }.joined(separator: "; ")
        let review = ReportService.reviewPeriod(p)
        func ratingsText(_ counts: [String: Int]) -> String {
            let total = counts.values.reduce(0, +)
            return Rating.allCases.map { "\(ctx.t(Catalogue.ratingShort($0))): \(ctx.ratio(counts[$0.rawValue] ?? 0, total))" }.joined(separator: "; ")
        }
        let approvalsLink = SiteURL.with(SiteURL.approvals, [("unit", code), ("from", p.from.iso), ("to", p.to.iso)])
        let congressText = CongressService.reportKinds.compactMap { kind -> String? in
            guard let c = f.congress[kind.rawValue], c.total > 0 else { return nil }
            return "\(ctx.t(kind.label)): \(ctx.ratio(c.held, c.total)), \(ctx.t(Catalogue.congressPilotsAndDirect(c.pilot, c.directSecretary)))"
        }.joined(separator: "; ")
        let rows: [HTML] = [
            row("cells", Catalogue.figureCellsWithCommittee, ctx.ratio(f.cellsWithCommittee, f.cells), Catalogue.definitionCells,
                link: SiteURL.tree(root: code, asOf: p.to)),
            row("admitted", Catalogue.figureAdmitted, "\(ctx.number(f.admitted)) (\(ctx.t(p.yearEarlier.label)): \(ctx.number(f.admittedPrevious)))",
                Catalogue.definitionAdmitted, link: p.kind == .year ? SiteURL.with(SiteURL.members, [("unit", code), ("admitted_year", String(p.from.year)), ("all", "1")]) : nil),
            row("recognized", Catalogue.figureRecognized, ctx.number(f.recognized), Catalogue.definitionRecognized, link: nil),
            row("left", Catalogue.figureLeft, leftText, Catalogue.definitionLeft, link: nil),
            row("transferred-out", Catalogue.figureTransferredOut, ctx.number(f.transferredOut), Catalogue.definitionLeft, link: nil),
            row("new-units-non-state", Catalogue.figureNewUnitsNonState, ctx.number(f.newUnitsNonState), Catalogue.definitionNewUnits, link: nil),
            row("approvals", Catalogue.figureApprovals, approvalsText, Catalogue.definitionApprovals, link: approvalsLink),
            row("vetting-concluded", Catalogue.figureVettingConcluded, ctx.number(f.vettingConcluded), Catalogue.definitionVettingConcluded,
                link: SiteURL.with(SiteURL.vetting, [("unit", code), ("status", "concluded"), ("date_field", "concluded"), ("from", p.from.iso), ("to", p.to.iso)])),
            row("congress", Catalogue.figureCongress, congressText.isEmpty ? "—" : congressText, Catalogue.definitionCongress,
                link: SiteURL.congressProgress(unit: code, date: p.to)),
            row("ratings", Catalogue.figureRatings, ratingsText(f.ratings), Catalogue.definitionRatings,
                link: SiteURL.assessmentResults(unit: code, period: review.key, subject: RatingSubject.member.rawValue)),
            row("ratings-units", Catalogue.figureRatingsUnits, ratingsText(f.ratingsUnits), Catalogue.definitionRatings,
                link: SiteURL.assessmentResults(unit: code, period: review.key, subject: RatingSubject.unit.rawValue)),
        ]
        let title = ctx.t(Catalogue.reportTitle(report.unitName, p.label))
        let body: HTML = """
            <h1>\(title)</h1>
            <form method="get" action="\(SiteURL.reports)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="period">\(ctx.t(Catalogue.reportPeriod))</label><br><input type="text" id="period" name="period" value="\(p.key)" maxlength="30"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <p class="muted">\(ctx.t(Catalogue.reportPeriodHelp))</p>
            <p id="report-summary">\(ctx.t(Catalogue.sentenceAdmitted(f.admitted, f.admittedPrevious, p.yearEarlier.label)))</p>
            <table id="report-figures"><thead><tr><th>\(ctx.t(Catalogue.reportFigure))</th><th>\(ctx.t(Catalogue.reportValue))</th>
            <th>\(ctx.t(Catalogue.reportDefinition))</th></tr></thead><tbody>\(rows)</tbody></table>
            <div class="actions"><a class="button secondary" href="\(SiteURL.report(unit: code, period: p.key, format: "json"))">\(ctx.t(Catalogue.reportDownloadJSON))</a></div>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.reportsArea), nil)], content: body)
    }
}
