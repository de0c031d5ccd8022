import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucWeb

/// `tochuc report`: the briefing report of a unit's subtree for a period (DOMAIN.md §5, issue 7), as text, the JSON of
/// /api/v1/units/{code}/report, printable HTML, PDF, Word or Excel.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The briefing report of a unit's subtree for a period: text, json, html, pdf, docx or xlsx.")
    @OptionGroup var db: DatabaseOptions
    @Option(name: .long, help: "Code of the unit.") var unit: String
    @Option(name: .long, help: "2022, 2023-06, 2023-H1, 2023-Q3 or 2023-01-01..2023-03-31.") var period: String
    @Option(name: .long, help: "text, json, html, pdf, docx or xlsx.") var format: String = "text"
    @Option(name: .long, help: "Write to this file (required for pdf, docx and xlsx).") var output: String?
    @Option(name: .long, help: "Language of the document: vi or en.") var lang: String = "vi"

    func run() async throws {
        guard let parsed = ReportPeriod(parsing: period) else { throw ValidationError(Catalogue.periodInvalid(period).en) }
        guard ["text", "json", "html", "pdf", "docx", "xlsx"].contains(format) else { throw ValidationError("--format: text, json, html, pdf, docx or xlsx") }
        if ["pdf", "docx", "xlsx"].contains(format) && output == nil { throw ValidationError("--format \(format) needs --output FILE") }
        let language = Language(rawValue: lang) ?? .vi
        let principal = Principal.currentCommandLine
        let report = try await withServices(db) { services in try await services.reports.report(principal, unitCode: unit, period: parsed) }
        let data: Data
        switch format {
        case "json":
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            data = try encoder.encode(report) + Data("\n".utf8)
        case "html": data = Data(Site.reportDocumentHTML(report, language, preparedBy: principal.actor).text.utf8)
        case "pdf": data = try await PDFPrinter.pdf(Site.reportDocumentHTML(report, language, preparedBy: principal.actor).text)
        case "docx": data = try ReportDocument.docx(report, language, preparedBy: principal.actor)
        case "xlsx": data = try ReportDocument.xlsx(report, language, preparedBy: principal.actor)
        default:
            var lines = [ReportDocument.title(report, language), ReportDocument.subtitle(report, language, preparedBy: principal.actor, at: Date())]
            for section in ReportDocument.sections(report, language) {
                lines.append("")
                lines.append(section.heading)
                lines += section.sentences.map { "  - " + $0 }
            }
            data = Data((lines.joined(separator: "\n") + "\n").utf8)
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}
