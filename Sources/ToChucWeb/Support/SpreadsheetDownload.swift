import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// A list downloaded from the UI to open in Excel: cells that would run as formulas are escaped, and the
/// first line says who exported it and when (DOMAIN.md §6). Not the interchange format, which stays verbatim.
struct SpreadsheetDownload {
    let data: Data
    let contentType: String
    let fileName: String

    /// `numeric`: the columns that hold counts or amounts; their whole numbers (and decimals) are written to the
    /// workbook as numbers, so that Excel sums them. Every other cell stays text (codes and card numbers keep their zeros).
    static func make(
        rows: [[String]], sheetName: String, format: String, principal: Principal, baseName: String, numeric: Set<Int> = []
    ) throws -> SpreadsheetDownload {
        let when = principal.language == .vi ? VietnameseFormat.dateTime(Date()) : EnglishFormat.dateTime(Date())
        let stamp = Catalogue.exportedBy(principal.actor, when).text(principal.language)
        // The header (row 0) is always text; a number is never escaped (a minus sign there is no formula).
        func number(_ row: Int, _ column: Int, _ value: String) -> Double? { row > 0 && numeric.contains(column) ? Self.number(value) : nil }
        if format == "csv" {
            let safe = rows.enumerated().map { r, row in
                row.enumerated().map { number(r, $0.offset, $0.element) == nil ? CSV.spreadsheetSafe($0.element) : $0.element }
            }
            let text = CSV.line([stamp]) + safe.map(CSV.line).joined()
            // A BOM so that Excel reads UTF-8 Vietnamese correctly.
            return SpreadsheetDownload(
                data: Data(("\u{FEFF}" + text).utf8), contentType: "text/csv; charset=utf-8", fileName: baseName + ".csv")
        }
        let cells: [[XLSXCell]] = rows.enumerated().map { r, row in
            row.enumerated().map { c, value in
                number(r, c, value).map(XLSXCell.number) ?? (value.isEmpty ? .empty : .text(CSV.spreadsheetSafe(value)))
            }
        }
        // The list keeps its header in row 1 (bold, frozen); who exported it and when goes on a sheet of its own.
        let info = XLSXSheet(name: Catalogue.exportInfoSheet.text(principal.language), rows: [[.text(stamp)]])
        let data = try XLSX.data([XLSXSheet(name: sheetName, rows: cells), info])
        return SpreadsheetDownload(
            data: data, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            fileName: baseName + ".xlsx")
    }

    /// A plain number as the lists write it: `12`, `-3`, `7.5` (no grouping, no leading zero but for `0` itself).
    static func number(_ text: String) -> Double? {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), digits.filter({ $0 == "." }).count <= 1,
            !digits.hasPrefix("."), !digits.hasSuffix("."), !(digits.count > 1 && digits.hasPrefix("0") && !digits.hasPrefix("0."))
        else { return nil }
        return Double(text)
    }
}

extension Site {
    /// A list as a spreadsheet download (`format` csv or xlsx, default xlsx), stamped with who exported it and when, the
    /// download audited (how many rows). `headerRows`: the lines of `rows` that are headings, not records.
    func download(
        _ request: Request, _ principal: Principal, rows: [[String]], sheet: String, baseName: String, numeric: Set<Int> = [], headerRows: Int = 1
    ) async throws -> Response {
        let format = request.query("format") ?? "xlsx"
        guard format == "csv" || format == "xlsx" else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("format", Catalogue.unknownValue(format))])
        }
        let file = try SpreadsheetDownload.make(
            rows: rows, sheetName: sheet, format: format, principal: principal, baseName: Self.fileSafe(baseName), numeric: numeric)
        try await services.interchange.recordDownload(principal, name: file.fileName, rows: max(0, rows.count - headerRows))
        return Responses.bytes(file.data, contentType: file.contentType, fileName: file.fileName)
    }

    /// The download of a list page that answers `?format=csv|xlsx` itself: nil when no such format is asked (the page
    /// then shows as HTML); `rows` runs only for a download.
    func listDownload(
        _ request: Request, _ principal: Principal, sheet: String, baseName: String, numeric: Set<Int> = [],
        rows: () async throws -> [[String]]
    ) async throws -> Response? {
        guard let format = request.query("format"), format == "csv" || format == "xlsx" else { return nil }
        return try await download(request, principal, rows: try await rows(), sheet: sheet, baseName: baseName, numeric: numeric)
    }

    /// A download's name: what it is, then the unit it covers (the user's own when none is chosen; `tat-ca` for all).
    static func fileName(_ what: String, _ principal: Principal, unit: String = "", _ more: String...) -> String {
        let scope = unit.isEmpty ? (principal.unitCode.isEmpty ? "tat-ca" : principal.unitCode) : unit
        return ([what, scope] + more.filter { !$0.isEmpty }).joined(separator: "-")
    }

    /// A file name with plain ASCII letters, digits, `-`, `_` and `.` only (codes may hold other marks).
    static func fileSafe(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) ? $0 : "-" })
    }

    /// The links that download a list as Excel and CSV, with the list's filters (`path` answers `format`).
    static func exportLinks(_ ctx: PageContext, _ path: String, _ parameters: [(String, String)], extra: HTML = .empty) -> HTML {
        """
        <div class="actions downloads">
        <a class="button secondary" href="\(SiteURL.with(path, parameters.filter { $0.0 != "format" && $0.0 != "page" } + [("format", "xlsx")]))">\(ctx.t(Catalogue.downloadXLSX))</a>
        <a class="button secondary" href="\(SiteURL.with(path, parameters.filter { $0.0 != "format" && $0.0 != "page" } + [("format", "csv")]))">\(ctx.t(Catalogue.downloadCSV))</a>
        \(extra)
        </div>
        """
    }

    /// A national ID, phone or address as the principal may see it: whole for roles that see personal data, masked
    /// otherwise (as on the record's page).
    static func personal(_ principal: Principal, _ value: String?, _ mask: (String) -> String) -> String {
        guard let value, !value.isEmpty else { return "" }
        return principal.role.seesPersonalData ? value : mask(value)
    }
}
