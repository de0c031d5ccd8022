import Foundation
import ToChucDomain
import ToChucServices

/// A list downloaded from the UI to open in Excel: cells that would run as formulas are escaped, and the
/// first line says who exported it and when (DOMAIN.md §6). Not the interchange format, which stays verbatim.
struct SpreadsheetDownload {
    let data: Data
    let contentType: String
    let fileName: String

    static func make(rows: [[String]], sheetName: String, format: String, principal: Principal, baseName: String) throws
        -> SpreadsheetDownload
    {
        let when = principal.language == .vi ? VietnameseFormat.dateTime(Date()) : EnglishFormat.dateTime(Date())
        let stamp = Catalogue.exportedBy(principal.actor, when).text(principal.language)
        let safe = rows.map { $0.map(CSV.spreadsheetSafe) }
        if format == "csv" {
            let text = CSV.line([stamp]) + safe.map(CSV.line).joined()
            // A BOM so that Excel reads UTF-8 Vietnamese correctly.
            return SpreadsheetDownload(
                data: Data(("\u{FEFF}" + text).utf8), contentType: "text/csv; charset=utf-8", fileName: baseName + ".csv")
        }
        // The list keeps its header in row 1 (bold, frozen); who exported it and when goes on a sheet of its own.
        let cells: [[XLSXCell]] = safe.map { $0.map { $0.isEmpty ? .empty : .text($0) } }
        let info = XLSXSheet(name: Catalogue.exportInfoSheet.text(principal.language), rows: [[.text(stamp)]])
        let data = try XLSX.data([XLSXSheet(name: sheetName, rows: cells), info])
        return SpreadsheetDownload(
            data: data, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fileName: baseName + ".xlsx")
    }
}
