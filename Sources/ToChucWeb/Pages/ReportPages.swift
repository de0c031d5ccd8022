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

/// The briefing report (báo cáo giao ban, DOMAIN.md §5): the figures of a unit's subtree for a period in the sentences
/// of the seeds, with charts and the table of figures, each linked to its records where a list of them exists; the same
/// report as a printable HTML document, PDF, Word, Excel and JSON.
extension Site {
    func registerReportPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.reports)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let periodText = (request.query("period") ?? "").trimmed
            let period = try Self.reportPeriod(periodText.isEmpty ? String(Timestamp.vietnamDate().year) : periodText)
            let report = try await services.reports.report(principal, unitCode: unit.isEmpty ? principal.unitCode : unit, period: period)
            if let format = request.query("format"), !format.isEmpty {
                return try await reportDownload(report, format: format, principal: principal)
            }
            let ctx = try await pageContext(request, context)
            return Responses.html(reportPage(ctx, report, unitField: unit))
        }
    }

    static func reportPeriod(_ text: String) throws -> ReportPeriod {
        guard let period = ReportPeriod(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("period", Catalogue.periodInvalid(text))])
        }
        return period
    }

    /// The report as a file: `json`, `html` (printable), `pdf`, `docx`, `xlsx`; downloads are audited.
    func reportDownload(_ report: BriefingReport, format: String, principal: Principal) async throws -> Response {
        let language = principal.language
        let base = "bao-cao-\(report.unitCode)-\(report.period.key)"
        let file: (Data, String, String)
        switch format {
        case "json": return try Responses.json(report)
        case "html":
            return Responses.html(Self.reportDocumentHTML(report, language, preparedBy: principal.actor))
        case "pdf":
            file = (try await PDFPrinter.pdf(Self.reportDocumentHTML(report, language, preparedBy: principal.actor).text), "application/pdf", base + ".pdf")
        case "docx":
            file = (
                try ReportDocument.docx(report, language, preparedBy: principal.actor),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", base + ".docx"
            )
        case "xlsx":
            file = (
                try ReportDocument.xlsx(report, language, preparedBy: principal.actor),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", base + ".xlsx"
            )
        default:
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("format", Catalogue.unknownValue(format))])
        }
        try await services.interchange.recordDownload(principal, name: file.2, rows: ReportDocument.figureLines(report, language).count)
        return Responses.bytes(file.0, contentType: file.1, fileName: file.2)
    }

    /// The report's charts, server-made SVG that reads in black and white (each bar carries its figure).
    static func reportCharts(_ report: BriefingReport, _ language: Language) -> HTML {
        let f = report.figures
        func ratio(_ n: Int, _ total: Int) -> String { language == .vi ? VietnameseFormat.ratio(n, total) : EnglishFormat.ratio(n, total) }
        func number(_ n: Int) -> String { language == .vi ? VietnameseFormat.integer(n) : EnglishFormat.integer(n) }
        let rated = f.ratings.values.reduce(0, +)
        let ratings = Rating.allCases.map { r in
            let n = f.ratings[r.rawValue] ?? 0
            return Charts.Bar(
                label: Catalogue.ratingShort(r).text(language), hundredths: rated == 0 ? 0 : n * 10_000 / rated, figure: ratio(n, rated), targetPercent: nil,
                met: nil)
        }
        let approvals = f.approvals.values.reduce(0, +)
        let levels = ManagementLevel.allCases.map { level in
            let n = f.approvals[level.rawValue] ?? 0
            return Charts.Bar(
                label: level.label.text(language), hundredths: approvals == 0 ? 0 : n * 10_000 / approvals, figure: number(n), targetPercent: nil, met: nil)
        }
        let most = max(1, f.admitted, f.admittedPrevious)
        let admissions = [
            Charts.Bar(
                label: report.period.yearEarlier.label.text(language), hundredths: f.admittedPrevious * 10_000 / most, figure: number(f.admittedPrevious),
                targetPercent: nil, met: nil),
            Charts.Bar(label: report.period.label.text(language), hundredths: f.admitted * 10_000 / most, figure: number(f.admitted), targetPercent: nil, met: nil),
        ]
        return """
            <div class="report-charts">
            <h3>\(Catalogue.figureAdmitted.text(language))</h3>\(Charts.bars(admissions, title: Catalogue.figureAdmitted.text(language), id: "chart-admitted", scaled: false))
            <h3>\(Catalogue.figureRatings.text(language))</h3>\(Charts.bars(ratings, title: Catalogue.figureRatings.text(language), id: "chart-ratings"))
            <h3>\(Catalogue.figureApprovals.text(language))</h3>\(Charts.bars(levels, title: Catalogue.figureApprovals.text(language), id: "chart-approvals", scaled: false))
            </div>
            """
    }

    /// The printable report: no application frame, its own styles, A4 margins (what the PDF is printed from).
    public static func reportDocumentHTML(_ report: BriefingReport, _ language: Language, preparedBy: String) -> HTML {
        var sections: [HTML] = []
        for section in ReportDocument.sections(report, language) {
            let items: [HTML] = section.sentences.map { "<li>\($0)</li>" }
            sections.append("<h2>\(section.heading)</h2><ul>\(items)</ul>")
        }
        let rows: [HTML] = ReportDocument.figureLines(report, language).map {
            "<tr><td>\($0.label)</td><td class=\"num\">\($0.text)</td><td class=\"num\">\($0.previous.map { language == .vi ? VietnameseFormat.integer($0) : EnglishFormat.integer($0) } ?? "")</td></tr>"
        }
        let css = """
            body { font-family: "DejaVu Serif", "Times New Roman", serif; font-size: 12pt; color: #000; margin: 2cm 2cm 2cm 3cm; }
            h1 { text-align: center; font-size: 15pt; margin: 0 0 .3em; } .sub { text-align: center; font-style: italic; margin: 0 0 1.2em; }
            h2 { font-size: 13pt; margin: 1em 0 .4em; } h3 { font-size: 11pt; margin: .8em 0 .2em; } li { margin: .2em 0; text-align: justify; }
            table { border-collapse: collapse; width: 100%; margin-top: .5em; } td, th { border: 1px solid #000; padding: .2em .4em; }
            .num { text-align: right; white-space: nowrap; } .chart { max-width: 100%; height: auto; font-size: 12px; }
            .chart-track { fill: #eee; } .chart-neutral, .chart-met, .chart-short { fill: #555; } .chart-label, .chart-figure { fill: #000; }
            .chart-axis { fill: #555; font-size: 10px; } .chart-target { stroke: #000; stroke-dasharray: 4 3; }
            @page { size: A4; margin: 0; }
            """
        let header = [Catalogue.reportFigure, Catalogue.reportValue, Catalogue.reportYearEarlier].map { $0.text(language) }
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(ReportDocument.title(report, language))</title><style>\(HTML(raw: css))</style></head>
            <body>
            <h1>\(ReportDocument.title(report, language))</h1>
            <p class="sub">\(ReportDocument.subtitle(report, language, preparedBy: preparedBy, at: Date()))</p>
            \(sections)
            \(reportCharts(report, language))
            <h2>\(Catalogue.reportFiguresTable.text(language))</h2>
            <table><thead><tr><th>\(header[0])</th><th>\(header[1])</th><th>\(header[2])</th></tr></thead><tbody>\(rows)</tbody></table>
            </body></html>
            """
    }

    /// Where the records behind a figure of the report are listed, filtered as the figure counts them (the unit's subtree,
    /// the period): the members admitted, recognized or who left in it, the units on its last day, the approvals, the
    /// courses, the vetting cases, the proposals answered, the tasks open, the congresses, the classification results.
    static func figureLink(_ key: String, unit code: String, period p: ReportPeriod) -> String {
        let period = [("from", p.from.iso), ("to", p.to.iso)]
        let members = { (filters: [(String, String)]) in SiteURL.with(SiteURL.members, [("unit", code), ("all", "1")] + filters) }
        let units = { (filters: [(String, String)]) in SiteURL.with(SiteURL.units(), [("under", code), ("as_of", p.to.iso)] + filters) }
        let training = SiteURL.with(SiteURL.trainingCourses, [("unit", code)] + period)
        let parts = key.split(separator: ".").map(String.init)
        switch parts[0] {
        case "cells": return units([("kind", UnitKind.cell.rawValue)])
        case "cells_with_committee": return units([("kind", UnitKind.cell.rawValue), ("committee", "1")])
        case "admitted": return members([("admitted_from", p.from.iso), ("admitted_to", p.to.iso)])
        case "recognized": return members([("recognized_from", p.from.iso), ("recognized_to", p.to.iso)])
        case "transferred_out":
            return members([("status", MemberStatus.transferredOut.rawValue), ("left_from", p.from.iso), ("left_to", p.to.iso)])
        case "left":
            let status = parts.count > 1 ? MemberEventKind(rawValue: parts[1])?.resultingStatus?.rawValue ?? "" : ""
            return members([("status", status), ("left_from", p.from.iso), ("left_to", p.to.iso)])
        case "new_units_non_state":
            return units([
                ("kind", UnitKind.base.rawValue), ("sector", Sector.nonStateEnterprise.rawValue), ("founded_from", p.from.iso),
                ("founded_to", p.to.iso),
            ])
        case "approvals": return SiteURL.with(SiteURL.approvals, [("unit", code)] + period + [("level", parts.count > 1 ? parts[1] : "")])
        case "trained", "courses_organized", "course_trainees": return training
        case "vetting_concluded":
            return SiteURL.with(SiteURL.vetting, [("unit", code), ("status", "concluded"), ("date_field", "concluded")] + period)
        case "proposals_answered":
            return SiteURL.with(SiteURL.proposals, [("box", "in"), ("unit", code), ("status", "answered"), ("date_field", "answered")] + period)
        case "tasks_open": return SiteURL.with(SiteURL.tasks, [("unit", code), ("open_on", p.to.iso)])
        case "congress":
            // congress.<kind>.<held|total|pilot|direct_secretary>: the units of that kind on the day, those that held it, …
            let figure = parts.count > 2 ? parts[2] : ""
            var filters = [("unit", code), ("date", p.to.iso), ("kind", parts.count > 1 ? parts[1] : "")]
            if figure != "total" { filters.append(("status", CongressStatus.held.rawValue)) }
            if figure == "pilot" || figure == "direct_secretary" { filters.append((figure, "1")) }
            return SiteURL.with(SiteURL.congresses, filters)
        case "ratings", "ratings_units":
            let subject = parts[0] == "ratings" ? RatingSubject.member : RatingSubject.unit
            return SiteURL.assessmentResults(unit: code, period: ReportService.reviewPeriod(p).key, subject: subject.rawValue)
        default: return ""
        }
    }

    func reportPage(_ ctx: PageContext, _ report: BriefingReport, unitField unit: String) -> HTML {
        let p = report.period
        let code = report.unitCode
        let rows: [HTML] = ReportDocument.figureLines(report, ctx.language).map { line in
            let link = Self.figureLink(line.key, unit: code, period: p)
            let shown: HTML = link.isEmpty ? "\(line.text)" : "<a href=\"\(link)\">\(line.text)</a>"
            // The same figure a year earlier links to its own records.
            let previous: HTML =
                line.previous.map { "<a href=\"\(Self.figureLink(line.key, unit: code, period: p.yearEarlier))\">\(ctx.number($0))</a>" } ?? .empty
            return "<tr id=\"figure-\(line.key.replacingOccurrences(of: ".", with: "-"))\"><td>\(line.label)</td><td class=\"num\">\(shown)</td><td class=\"num\">\(previous)</td></tr>"
        }
        var sections: [HTML] = []
        for section in ReportDocument.sections(report, ctx.language) {
            let items: [HTML] = section.sentences.map { "<li>\($0)</li>" }
            sections.append("<h2>\(section.heading)</h2><ul class=\"report-sentences\">\(items)</ul>")
        }
        let downloads: [HTML] = [("html", Catalogue.reportPrintable), ("pdf", Catalogue.downloadPDF), ("docx", Catalogue.downloadDOCX),
                                 ("xlsx", Catalogue.downloadXLSX), ("json", Catalogue.reportDownloadJSON)].map { format, label in
            "<a class=\"button secondary\" href=\"\(SiteURL.report(unit: code, period: p.key, format: format))\">\(ctx.t(label))</a>"
        }
        let title = ctx.t(Catalogue.reportTitle(report.unitName, p.label))
        let body: HTML = """
            <h1>\(title)</h1>
            <form method="get" action="\(SiteURL.reports)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="period">\(ctx.t(Catalogue.reportPeriod))</label><br><input type="text" id="period" name="period" value="\(p.key)" maxlength="30"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            <p class="muted">\(ctx.t(Catalogue.reportPeriodHelp))</p>
            <div class="actions">\(downloads)</div>
            <div id="report-text">\(sections)</div>
            \(Self.reportCharts(report, ctx.language))
            <h2>\(ctx.t(Catalogue.reportFiguresTable))</h2>
            <table id="report-figures"><thead><tr><th>\(ctx.t(Catalogue.reportFigure))</th><th>\(ctx.t(Catalogue.reportValue))</th>
            <th>\(ctx.t(Catalogue.reportYearEarlier))</th></tr></thead><tbody>\(rows)</tbody></table>
            <p class="muted">\(ctx.t(Catalogue.reportDefinitionsHelp))</p>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.reportsArea), nil)], content: body)
    }
}
