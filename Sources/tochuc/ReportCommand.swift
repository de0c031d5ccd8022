import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices

/// `tochuc report`: the briefing report's figures for a unit's subtree and a period (DOMAIN.md §5, issue 7).
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The briefing report of a unit's subtree for a period: text, or the JSON of /api/v1/units/{code}/report.")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var out: OutputOptions
    @Option(name: .long, help: "Code of the unit.") var unit: String
    @Option(name: .long, help: "2022, 2023-06, 2023-H1, 2023-Q3 or 2023-01-01..2023-03-31.") var period: String

    func run() async throws {
        guard let parsed = ReportPeriod(parsing: period) else { throw ValidationError(Catalogue.periodInvalid(period).en) }
        let report = try await withServices(db) { services in
            try await services.reports.report(.currentCommandLine, unitCode: unit, period: parsed)
        }
        let f = report.figures
        if out.format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try out.write(String(decoding: try encoder.encode(report), as: UTF8.self))
            return
        }
        let vi = VietnameseFormat.integer
        var lines = [Catalogue.reportTitle(report.unitName, parsed.label).vi, ""]
        lines.append("  \(Catalogue.figureCellsWithCommittee.vi): \(VietnameseFormat.ratio(f.cellsWithCommittee, f.cells))")
        lines.append("  " + Catalogue.sentenceAdmitted(f.admitted, f.admittedPrevious, parsed.yearEarlier.label).vi)
        lines.append("  \(Catalogue.figureRecognized.vi): \(vi(f.recognized))")
        lines.append("  \(Catalogue.figureTransferredOut.vi): \(vi(f.transferredOut))")
        lines.append("  \(Catalogue.figureLeft.vi): " + ReportService.leavingKinds.map { "\($0.label.vi) \(vi(f.left[$0.rawValue] ?? 0))" }.joined(separator: ", "))
        lines.append("  \(Catalogue.figureNewUnitsNonState.vi): \(vi(f.newUnitsNonState))")
        lines.append("  \(Catalogue.figureApprovals.vi): " + ManagementLevel.allCases.map { "\($0.label.vi) \(vi(f.approvals[$0.rawValue] ?? 0))" }.joined(separator: ", "))
        lines.append("  \(Catalogue.figureVettingConcluded.vi): \(vi(f.vettingConcluded))")
        lines.append(
            "  \(Catalogue.figureCongress.vi): "
                + CongressService.reportKinds.compactMap { kind -> String? in
                    guard let c = f.congress[kind.rawValue], c.total > 0 else { return nil }
                    return "\(kind.label.vi) \(VietnameseFormat.ratio(c.held, c.total)), \(Catalogue.congressPilotsAndDirect(c.pilot, c.directSecretary).vi)"
                }.joined(separator: "; "))
        let total = f.ratings.values.reduce(0, +)
        lines.append(
            "  \(Catalogue.figureRatings.vi): "
                + Rating.allCases.map { "\(Catalogue.ratingShort($0).vi) \(VietnameseFormat.ratio(f.ratings[$0.rawValue] ?? 0, total))" }.joined(separator: ", "))
        try out.write(lines.joined(separator: "\n"))
    }
}
