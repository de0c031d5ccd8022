import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

// A small, self-contained reader and writer of Office Open XML workbooks (.xlsx).
//
// Writing produces the minimal package that Excel, LibreOffice and openpyxl open: one worksheet part per sheet
// with inline strings and numeric cells, a bold, frozen first row (the header), and rough column widths.
//
// Reading returns every worksheet as rows of text, in the order of the workbook's tabs. Numbers are rendered
// without a trailing ".0" for integers; a number whose cell style is a date format becomes "YYYY-MM-DD" (the
// interchange format expects dates as text, and that is what spreadsheets that users typed dates into hold).

/// A cell value: text or a number (numbers are stored as numbers, so Excel can sum them).
public enum XLSXCell: Sendable, Equatable {
    case text(String)
    case number(Double)
    case empty
}

/// One worksheet to write: its tab name and its rows (the first row is written as a bold, frozen header).
public struct XLSXSheet: Sendable, Equatable {
    /// The tab name: 1 to 31 characters (UTF-16 units, as Excel counts them), none of `[ ] : * ? / \`, not
    /// starting or ending with an apostrophe, unique within the workbook ignoring case. Checked on write.
    public var name: String
    public var rows: [[XLSXCell]]

    public init(name: String, rows: [[XLSXCell]]) {
        self.name = name
        self.rows = rows
    }
}

public enum XLSXError: Error, Equatable {
    /// Not a zip, a zip without a workbook, a corrupt or oversized (more than 200 MB unpacked) zip entry.
    case notAnXLSX(String)
    /// A part the workbook refers to (a worksheet, its relationships) is not in the package.
    case missingPart(String)
    /// A part is not well-formed XML, has a DTD, or holds impossible values (bad cell reference, string index).
    case malformedXML(String)
    /// A sheet name Excel would refuse; the payload is the name.
    case invalidSheetName(String)
}

public enum XLSX {
    /// Largest unpacked size of one zip entry that `read` accepts (zip-bomb guard).
    static let maxEntrySize = 200 * 1024 * 1024
    /// Largest number of cells (padding of skipped cells included) that `read` materialises for one workbook.
    static let maxCells = 20_000_000
    /// Excel's grid.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// Writes a workbook; the first row of each sheet is written as a header (bold, frozen pane).
    /// Text cells are written verbatim (no formula escaping: a leading "=" stays text, it is never a formula).
    /// Characters XML 1.0 forbids (control characters other than tab, LF, CR) are dropped. A number that is not
    /// finite (NaN, ±infinity) cannot be stored as a number and is written as text ("nan", "inf", "-inf").
    /// An empty `sheets` array writes one empty sheet named "Sheet1" (a workbook needs one sheet).
    public static func write(_ sheets: [XLSXSheet], to url: URL) throws {
        try data(sheets).write(to: url, options: .atomic)
    }

    /// Same as `write(_:to:)`, in memory (for HTTP downloads).
    public static func data(_ sheets: [XLSXSheet]) throws -> Data {
        try zip(parts(for: sheets))
    }

    /// Reads every worksheet (hidden ones too; chart sheets are skipped) as text rows, in tab order.
    ///
    /// Row index in the result = spreadsheet row number - 1, so callers can report "line N" as the spreadsheet
    /// row; skipped rows are empty arrays. Empty trailing cells are trimmed, and so are trailing empty rows;
    /// missing cells in the middle are "". Strings are shared or inline strings (rich-text runs concatenated,
    /// phonetic runs left out); numbers are rendered with Swift's shortest representation, integers without
    /// ".0"; booleans are "true"/"false"; formulas give their cached value ("" when none was saved);
    /// error cells give the error text ("#DIV/0!"). A number whose cell style is a date format (built-in ids
    /// 14–17 and 22, or a custom format with d, m or y) becomes "YYYY-MM-DD", or "YYYY-MM-DD HH:MM:SS" when the
    /// format shows a time and the time is not midnight; a number under 1 with a time-only format becomes
    /// "HH:MM:SS". The 1904 date system is honoured.
    ///
    /// Throws `XLSXError`; file-system errors reading `url` are passed through as they are.
    public static func read(_ url: URL) throws -> [(name: String, rows: [[String]])] {
        try read(data: Data(contentsOf: url, options: .mappedIfSafe))
    }

    /// Same as `read(_:)`, from the bytes of the file.
    public static func read(data: Data) throws -> [(name: String, rows: [[String]])] {
        try read(data: data, maxEntrySize: maxEntrySize, maxCells: maxCells)
    }
}

// MARK: - Writing

extension XLSX {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipsNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    /// Throws `invalidSheetName` unless Excel accepts `name` as a tab name.
    static func validateSheetName(_ name: String) throws {
        let forbidden: Set<Unicode.Scalar> = ["[", "]", ":", "*", "?", "/", "\\"]
        let ok = !name.isEmpty
            && name.utf16.count <= 31
            && !name.unicodeScalars.contains { forbidden.contains($0) || !isXMLCharacter($0) || $0.value < 0x20 }
            && !name.hasPrefix("'") && !name.hasSuffix("'")
            && name.lowercased() != "history"  // reserved by Excel for change tracking
        guard ok else { throw XLSXError.invalidSheetName(name) }
    }

    /// The package parts, in the order they are zipped.
    static func parts(for requested: [XLSXSheet]) throws -> [(path: String, data: Data)] {
        let sheets = requested.isEmpty ? [XLSXSheet(name: "Sheet1", rows: [])] : requested
        var seen = Set<String>()
        for sheet in sheets {
            try validateSheetName(sheet.name)
            guard seen.insert(sheet.name.lowercased()).inserted else { throw XLSXError.invalidSheetName(sheet.name) }
        }

        var contentTypes = xmlDeclaration + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            <Override PartName="/docProps/core.xml" \
            ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
            <Override PartName="/docProps/app.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>
            """
        for index in sheets.indices {
            contentTypes += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        contentTypes += "</Types>"

        let rootRelationships = xmlDeclaration + """
            <Relationships xmlns="\(packageRelationshipsNamespace)">\
            <Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
            Target="xl/workbook.xml"/>\
            <Relationship Id="rId2" \
            Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" \
            Target="docProps/core.xml"/>\
            <Relationship Id="rId3" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" \
            Target="docProps/app.xml"/>\
            </Relationships>
            """

        let app = xmlDeclaration + """
            <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
            xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">\
            <Application>ToChuc</Application></Properties>
            """
        let now = Date().ISO8601Format()
        let core = xmlDeclaration + """
            <cp:coreProperties \
            xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:creator>ToChuc</dc:creator>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(now)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(now)</dcterms:modified>\
            </cp:coreProperties>
            """

        var workbook = xmlDeclaration + """
            <workbook xmlns="\(mainNamespace)" xmlns:r="\(relationshipsNamespace)">\
            <bookViews><workbookView activeTab="0"/></bookViews><sheets>
            """
        var workbookRelationships = xmlDeclaration + "<Relationships xmlns=\"\(packageRelationshipsNamespace)\">"
        for (index, sheet) in sheets.enumerated() {
            workbook += "<sheet name=\"\(escapeXML(sheet.name, attribute: true))\" sheetId=\"\(index + 1)\" "
                + "r:id=\"rId\(index + 1)\"/>"
            workbookRelationships += "<Relationship Id=\"rId\(index + 1)\" "
                + "Type=\"\(relationshipsNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        workbook += "</sheets></workbook>"
        workbookRelationships += "<Relationship Id=\"rId\(sheets.count + 1)\" "
            + "Type=\"\(relationshipsNamespace)/styles\" Target=\"styles.xml\"/></Relationships>"

        // Style 0: default; style 1: bold (the header row).
        let styles = xmlDeclaration + """
            <styleSheet xmlns="\(mainNamespace)">\
            <fonts count="2">\
            <font><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            <font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>\
            </fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill>\
            <fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """

        var parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", Data(contentTypes.utf8)),
            ("_rels/.rels", Data(rootRelationships.utf8)),
            ("docProps/app.xml", Data(app.utf8)),
            ("docProps/core.xml", Data(core.utf8)),
            ("xl/workbook.xml", Data(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Data(workbookRelationships.utf8)),
            ("xl/styles.xml", Data(styles.utf8)),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheetXML(sheet, selected: index == 0)))
        }
        return parts
    }

    static func worksheetXML(_ sheet: XLSXSheet, selected: Bool) -> Data {
        // Column widths (in characters, roughly) and the used range.
        var widths: [Int] = []
        var lastRow = 0
        var lastColumn = 0
        for (rowIndex, row) in sheet.rows.enumerated() {
            for (columnIndex, cell) in row.enumerated() {
                let length: Int
                switch cell {
                case .empty: continue
                case .text(let text):
                    if text.isEmpty { continue }
                    length = displayWidth(text)
                case .number(let value): length = numberText(value).count
                }
                if widths.count <= columnIndex { widths += repeatElement(0, count: columnIndex + 1 - widths.count) }
                widths[columnIndex] = max(widths[columnIndex], length)
                lastRow = max(lastRow, rowIndex + 1)
                lastColumn = max(lastColumn, columnIndex + 1)
            }
        }

        var out = xmlDeclaration
        out.reserveCapacity(4096 + sheet.rows.count * 64)
        out += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipsNamespace)\">"
        out += lastRow == 0
            ? "<dimension ref=\"A1\"/>"
            : "<dimension ref=\"A1:\(columnName(lastColumn - 1))\(lastRow)\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
        if !sheet.rows.isEmpty {
            out += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
                + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
        }
        out += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if widths.contains(where: { $0 > 0 }) {
            out += "<cols>"
            for (index, width) in widths.enumerated() {
                let chars = min(max(width, 8) + 2, 60)
                out += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(chars)\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        let columnNames = (0..<lastColumn).map(columnName)
        for (rowIndex, row) in sheet.rows.enumerated() {
            let style = rowIndex == 0 ? " s=\"1\"" : ""
            let rowNumber = String(rowIndex + 1)
            var rowOpen = false
            for (columnIndex, cell) in row.enumerated() {
                var number: String?
                var text = ""
                switch cell {
                case .empty: continue
                case .text(let value):
                    if value.isEmpty { continue }
                    text = value
                case .number(let value) where value.isFinite: number = numberText(value)
                case .number(let value): text = "\(value)"  // NaN and infinities have no numeric form in a cell
                }
                if !rowOpen {
                    out += "<row r=\""
                    out += rowNumber
                    out += "\">"
                    rowOpen = true
                }
                out += "<c r=\""
                out += columnNames[columnIndex]
                out += rowNumber
                out += "\""
                out += style
                if let number {
                    out += "><v>"
                    out += number
                    out += "</v></c>"
                } else {
                    out += needsSpacePreserve(text) ? " t=\"inlineStr\"><is><t xml:space=\"preserve\">" : " t=\"inlineStr\"><is><t>"
                    appendEscapedXML(escapeOOXMLLiterals(stripForbiddenCharacters(text)), to: &out, attribute: false)
                    out += "</t></is></c>"
                }
            }
            if rowOpen { out += "</row>" }
        }
        out += "</sheetData></worksheet>"
        return Data(out.utf8)
    }

    /// Roughly how many characters wide the longest line of `text` is (capped at 100), for column widths.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        var current = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                current = 0
            } else if !scalar.properties.isGraphemeExtend {
                current += 1
                widest = max(widest, current)
                if widest >= 100 { return 100 }
            }
        }
        return widest
    }

    /// Whether `text` contains the two ASCII bytes `first`, `second` in a row (cheaper than Foundation's contains).
    static func containsASCIIPair(_ text: String, _ first: UInt8, _ second: UInt8) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == first, byte == second { return true }
            previous = byte
        }
        return false
    }

    /// "A" for 0, "Z" for 25, "AA" for 26.
    static func columnName(_ index: Int) -> String {
        var name: [Character] = []
        var n = index + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            name.insert(Character(Unicode.Scalar(UInt8(65 + remainder))), at: 0)
            n = (n - 1) / 26
        }
        return String(name)
    }

    /// A finite number as read back: integers without ".0" (12.0 → "12"), others in Swift's shortest form.
    static func numberString(_ value: Double) -> String {
        if value == value.rounded(.towardZero), abs(value) <= 9_007_199_254_740_992 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A finite number as `<v>` text: `numberString` with an upper-case exponent ("1E-07").
    static func numberText(_ value: Double) -> String {
        let text = numberString(value)
        guard text.utf8.contains(UInt8(ascii: "e")) else { return text }
        return String(text.map { $0 == "e" ? "E" : $0 })
    }

    /// The characters XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000 and up.
    static func isXMLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }

    static func stripForbiddenCharacters(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0xEF }),  // 0xEF starts U+FFFE and U+FFFF
              text.unicodeScalars.contains(where: { !isXMLCharacter($0) }) else { return text }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: text.unicodeScalars.lazy.filter(isXMLCharacter))
        return String(result)
    }

    /// OOXML strings encode characters as `_xHHHH_`, so a literal "_x0041_" must be written "_x005F_x0041_"
    /// for Excel (and `read`) to show it as typed.
    static func escapeOOXMLLiterals(_ text: String) -> String {
        guard containsASCIIPair(text, UInt8(ascii: "_"), UInt8(ascii: "x")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if isOOXMLEscape(scalars, at: index) != nil {
                result.append(contentsOf: "_x005F".unicodeScalars)
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }

    /// The code of the `_xHHHH_` sequence starting at `index`, if there is one.
    static func isOOXMLEscape(_ scalars: [Unicode.Scalar], at index: Int) -> UInt32? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x",
              scalars[index + 6] == "_" else { return nil }
        var code: UInt32 = 0
        for scalar in scalars[(index + 2)...(index + 5)] {
            guard let digit = hexValue(scalar) else { return nil }
            code = code * 16 + digit
        }
        return code
    }

    static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar.value {
        case 0x30...0x39: return scalar.value - 0x30
        case 0x41...0x46: return scalar.value - 0x41 + 10
        case 0x61...0x66: return scalar.value - 0x61 + 10
        default: return nil
        }
    }

    /// Decodes `_xHHHH_` sequences (how OOXML stores control characters; `_x005F_` is a literal "_").
    static func decodeOOXMLEscapes(_ text: String) -> String {
        guard containsASCIIPair(text, UInt8(ascii: "_"), UInt8(ascii: "x")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let code = isOOXMLEscape(scalars, at: index), let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    static func needsSpacePreserve(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        return first.properties.isWhitespace || last.properties.isWhitespace
            || containsASCIIPair(text, UInt8(ascii: " "), UInt8(ascii: " "))
    }

    /// Escapes XML's special characters; CR becomes `&#13;` (a raw CR would be read back as LF), and in
    /// attributes tab and LF are escaped too (attribute values are whitespace-normalised).
    static func escapeXML(_ text: String, attribute: Bool) -> String {
        var out = ""
        appendEscapedXML(text, to: &out, attribute: attribute)
        return out
    }

    static func appendEscapedXML(_ text: String, to out: inout String, attribute: Bool) {
        let utf8 = text.utf8
        var runStart = utf8.startIndex
        var index = runStart
        while index != utf8.endIndex {
            let replacement: String?
            switch utf8[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\r"): replacement = "&#13;"
            case UInt8(ascii: "\""): replacement = attribute ? "&quot;" : nil
            case UInt8(ascii: "\n"): replacement = attribute ? "&#10;" : nil
            case UInt8(ascii: "\t"): replacement = attribute ? "&#9;" : nil
            default: replacement = nil
            }
            if let replacement {
                // The special characters are ASCII, so these indices are on character boundaries.
                out += text[runStart..<index]
                out += replacement
                runStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        out += text[runStart..<utf8.endIndex]
    }

    /// Zips `parts` (deflated) into an in-memory archive.
    static func zip(_ parts: [(path: String, data: Data)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let bytes = part.data
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                let start = bytes.startIndex + Int(position)
                return bytes.subdata(in: start..<min(start + size, bytes.endIndex))
            }
        }
        guard let data = archive.data else { throw XLSXError.notAnXLSX("could not build the zip archive") }
        return data
    }
}

// MARK: - Reading

extension XLSX {
    /// The zip entries of a package, found by part name ignoring case (OPC part names are case-insensitive).
    struct Package {
        let archive: Archive
        let entries: [String: Entry]
        let maxEntrySize: Int

        init(data: Data, maxEntrySize: Int) throws {
            let archive: Archive
            do {
                archive = try Archive(data: data, accessMode: .read)
            } catch {
                throw XLSXError.notAnXLSX("not a zip archive")
            }
            var entries: [String: Entry] = [:]
            for entry in archive where entry.type == .file {
                let key = Self.key(entry.path)
                if entries[key] == nil { entries[key] = entry }
            }
            self.archive = archive
            self.entries = entries
            self.maxEntrySize = maxEntrySize
        }

        static func key(_ path: String) -> String {
            var path = path.replacingOccurrences(of: "\\", with: "/")
            while path.hasPrefix("/") { path.removeFirst() }
            return path.lowercased()
        }

        func contains(_ path: String) -> Bool { entries[Self.key(path)] != nil }

        /// The unpacked bytes of a part, or nil when the package has no such part.
        func part(_ path: String) throws -> Data? {
            guard let entry = entries[Self.key(path)] else { return nil }
            let limit = maxEntrySize
            guard entry.uncompressedSize <= UInt64(limit) else {
                throw XLSXError.notAnXLSX("\(path) unpacks to more than \(limit) bytes")
            }
            var data = Data()
            data.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry) { chunk in
                    // The declared size may lie: count what is actually inflated.
                    guard data.count + chunk.count <= limit else {
                        throw XLSXError.notAnXLSX("\(path) unpacks to more than \(limit) bytes")
                    }
                    data.append(chunk)
                }
            } catch let error as XLSXError {
                throw error
            } catch {
                throw XLSXError.notAnXLSX("\(path) is corrupt (\(error))")
            }
            return data
        }

        func requiredPart(_ path: String) throws -> Data {
            guard let data = try part(path) else { throw XLSXError.missingPart(path) }
            return data
        }
    }

    struct Relationship {
        var id: String
        var type: String
        var target: String
        var external: Bool
    }

    static func read(data: Data, maxEntrySize: Int, maxCells: Int) throws -> [(name: String, rows: [[String]])] {
        let package = try Package(data: data, maxEntrySize: maxEntrySize)

        // The workbook part: from the root relationships, else the usual place.
        var workbookPath = "xl/workbook.xml"
        if let rootData = try package.part("_rels/.rels") {
            let relationships = try parseRelationships(rootData, part: "_rels/.rels")
            if let office = relationships.first(where: { $0.type.hasSuffix("/officeDocument") && !$0.external }) {
                let path = resolve(office.target, against: "")
                if package.contains(path) { workbookPath = path }
            }
        }
        guard let workbookData = try package.part(workbookPath) else {
            throw XLSXError.notAnXLSX("no xl/workbook.xml")
        }
        let workbook = try parseWorkbook(workbookData, part: workbookPath)

        let slash = workbookPath.lastIndex(of: "/")
        let workbookDirectory = slash.map { String(workbookPath[..<$0]) } ?? ""
        let workbookFile = slash.map { String(workbookPath[workbookPath.index(after: $0)...]) } ?? workbookPath
        let relationshipsPath = (workbookDirectory.isEmpty ? "" : workbookDirectory + "/")
            + "_rels/\(workbookFile).rels"
        let relationships = try parseRelationships(try package.requiredPart(relationshipsPath), part: relationshipsPath)
        func target(ofType suffix: String, fallback: String) -> String {
            relationships.first { $0.type.hasSuffix(suffix) && !$0.external }
                .map { resolve($0.target, against: workbookDirectory) } ?? fallback
        }

        let sharedStringsPath = target(ofType: "/sharedStrings", fallback: workbookDirectory + "/sharedStrings.xml")
        let sharedStrings = try package.part(sharedStringsPath).map {
            try parseSharedStrings($0, part: sharedStringsPath)
        } ?? []
        let stylesPath = target(ofType: "/styles", fallback: workbookDirectory + "/styles.xml")
        let styles = try package.part(stylesPath).map { try parseStyles($0, part: stylesPath) } ?? []

        var byID: [String: Relationship] = [:]
        for relationship in relationships where byID[relationship.id] == nil { byID[relationship.id] = relationship }
        var result: [(name: String, rows: [[String]])] = []
        var budget = maxCells
        for sheet in workbook.sheets {
            guard let relationship = byID[sheet.relationshipID] else {
                throw XLSXError.missingPart("\(relationshipsPath)#\(sheet.relationshipID)")
            }
            // Chart sheets, dialog sheets and macro sheets hold no cells.
            guard relationship.type.hasSuffix("/worksheet"), !relationship.external else { continue }
            let path = resolve(relationship.target, against: workbookDirectory)
            let rows = try parseWorksheet(
                try package.requiredPart(path), part: path, sharedStrings: sharedStrings, styles: styles,
                date1904: workbook.date1904, budget: &budget
            )
            result.append((name: sheet.name, rows: rows))
        }
        return result
    }

    /// Resolves a relationship target against the folder of the part that owns the relationships.
    static func resolve(_ target: String, against directory: String) -> String {
        let cleaned = (target.removingPercentEncoding ?? target).replacingOccurrences(of: "\\", with: "/")
        var components = cleaned.hasPrefix("/") ? [] : directory.split(separator: "/").map(String.init)
        for component in cleaned.split(separator: "/") {
            switch component {
            case ".": continue
            case "..": if !components.isEmpty { components.removeLast() }
            default: components.append(String(component))
            }
        }
        return components.joined(separator: "/")
    }

    static func parseRelationships(_ data: Data, part: String) throws -> [Relationship] {
        var relationships: [Relationship] = []
        try parseXML(data, part: part, start: { name, attributes in
            guard name == "Relationship" else { return }
            relationships.append(Relationship(
                id: attributes["Id"] ?? "", type: attributes["Type"] ?? "", target: attributes["Target"] ?? "",
                external: attributes["TargetMode"]?.lowercased() == "external"
            ))
        })
        return relationships
    }

    struct Workbook {
        var sheets: [(name: String, relationshipID: String)] = []
        var date1904 = false
    }

    static func parseWorkbook(_ data: Data, part: String) throws -> Workbook {
        var workbook = Workbook()
        var sawRoot = false
        try parseXML(data, part: part, start: { name, attributes in
            if !sawRoot {
                sawRoot = true
                guard name == "workbook" else { throw XLSXError.notAnXLSX("\(part) is not a workbook") }
            }
            switch name {
            case "workbookPr":
                let value = attributes["date1904"]?.lowercased()
                workbook.date1904 = value == "1" || value == "true"
            case "sheet":
                // r:id, whatever prefix the file binds to the relationships namespace.
                let id = attributes.first { $0.key.hasSuffix(":id") }?.value ?? attributes["id"] ?? ""
                workbook.sheets.append((name: attributes["name"] ?? "", relationshipID: id))
            default: break
            }
        })
        return workbook
    }

    static func parseSharedStrings(_ data: Data, part: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inItem = false
        var inText = false
        var phoneticDepth = 0
        try parseXML(data, part: part, start: { name, _ in
            switch name {
            case "si": inItem = true; current = ""
            case "rPh": phoneticDepth += 1
            case "t": inText = inItem && phoneticDepth == 0
            default: break
            }
        }, end: { name in
            switch name {
            case "si":
                strings.append(decodeOOXMLEscapes(current))
                inItem = false
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }, text: { text in
            if inText { current += text }
        })
        return strings
    }

    /// How a cell style shows numbers: the kind of each `cellXfs` entry, by index (the cell's `s`).
    static func parseStyles(_ data: Data, part: String) throws -> [NumberFormatKind] {
        var formats: [Int: String] = [:]
        var cellFormats: [Int] = []
        var inCellXfs = false
        try parseXML(data, part: part, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap({ Int($0) }) { formats[id] = attributes["formatCode"] ?? "" }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
            default: break
            }
        }, end: { name in
            if name == "cellXfs" { inCellXfs = false }
        })
        return cellFormats.map { id in formats[id].map(classifyFormat) ?? builtinFormatKind(id) }
    }

    static func parseWorksheet(
        _ data: Data, part: String, sharedStrings: [String], styles: [NumberFormatKind], date1904: Bool,
        budget: inout Int
    ) throws -> [[String]] {
        var rows: [[String]] = []
        var remaining = budget

        var inSheetData = false
        var rowNumber: Int?  // of the open <row>
        var lastRowNumber = 0
        var pending: [(column: Int, value: String)] = []
        var nextColumn = 0

        var inCell = false
        var cellType = "n"
        var cellStyle = 0
        var cellColumn = 0
        var value = ""
        var inlineText = ""
        var inValue = false
        var inInline = false
        var inText = false
        var phoneticDepth = 0

        func commitRow() throws {
            let number = rowNumber ?? lastRowNumber + 1
            lastRowNumber = number
            defer { pending = [] }
            guard let widest = pending.map(\.column).max() else { return }
            let index = number - 1
            if rows.count <= index { rows += repeatElement([], count: index + 1 - rows.count) }
            var row = rows[index]
            if row.count <= widest {
                remaining -= widest + 1 - row.count
                guard remaining >= 0 else { throw XLSXError.malformedXML("\(part): too many cells") }
                row += repeatElement("", count: widest + 1 - row.count)
            }
            for cell in pending { row[cell.column] = cell.value }
            rows[index] = row
        }

        func cellValue() throws -> String {
            switch cellType {
            case "s":
                let trimmed = trimmingXMLSpace(value)
                if trimmed.isEmpty { return "" }
                guard let index = Int(trimmed), sharedStrings.indices.contains(index) else {
                    throw XLSXError.malformedXML("\(part): shared string \(trimmed) does not exist")
                }
                return sharedStrings[index]
            case "inlineStr":
                return decodeOOXMLEscapes(inlineText.isEmpty ? value : inlineText)
            case "str":
                return decodeOOXMLEscapes(value)
            case "b":
                switch trimmingXMLSpace(value) {
                case "1", "true": return "true"
                case "0", "false": return "false"
                case let other: return other
                }
            case "e":
                return trimmingXMLSpace(value)
            case "d":
                return isoDateText(trimmingXMLSpace(value))
            default:
                let trimmed = trimmingXMLSpace(value)
                guard !trimmed.isEmpty else { return "" }
                guard let number = Double(trimmed), number.isFinite else { return trimmed }
                let kind = styles.indices.contains(cellStyle) ? styles[cellStyle] : .number
                return renderNumber(number, kind: kind, date1904: date1904)
            }
        }

        try parseXML(data, part: part, start: { name, attributes in
            if inCell {
                switch name {
                case "v": inValue = true
                case "is": inInline = true
                case "rPh": phoneticDepth += 1
                case "t": inText = inInline && phoneticDepth == 0
                default: break
                }
                return
            }
            switch name {
            case "sheetData": inSheetData = true
            case "row" where inSheetData:
                rowNumber = nil
                if let text = attributes["r"] {
                    guard let number = Int(text), (1...maxRows).contains(number) else {
                        throw XLSXError.malformedXML("\(part): bad row number \(text)")
                    }
                    rowNumber = number
                }
                nextColumn = 0
                pending = []
            case "c" where inSheetData:
                inCell = true
                cellType = attributes["t"] ?? "n"
                cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
                cellColumn = nextColumn
                if let reference = attributes["r"] {
                    guard let parsed = parseCellReference(reference) else {
                        throw XLSXError.malformedXML("\(part): bad cell reference \(reference)")
                    }
                    cellColumn = parsed.column
                    if rowNumber == nil, let row = parsed.row { rowNumber = row }
                }
                guard cellColumn < maxColumns else {
                    throw XLSXError.malformedXML("\(part): column beyond \(columnName(maxColumns - 1))")
                }
                value = ""
                inlineText = ""
                phoneticDepth = 0
            default: break
            }
        }, end: { name in
            if inCell {
                switch name {
                case "v": inValue = false
                case "is": inInline = false
                case "rPh": phoneticDepth -= 1
                case "t": inText = false
                case "c":
                    inCell = false
                    let text = try cellValue()
                    if !text.isEmpty { pending.append((column: cellColumn, value: text)) }
                    nextColumn = cellColumn + 1
                default: break
                }
                return
            }
            switch name {
            case "row" where inSheetData: try commitRow()
            case "sheetData": inSheetData = false
            default: break
            }
        }, text: { text in
            if inValue {
                value += text
            } else if inText {
                inlineText += text
            }
        })
        budget = remaining
        return rows
    }

    /// `text` without leading and trailing XML whitespace (space, tab, CR, LF).
    static func trimmingXMLSpace(_ text: String) -> String {
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return text }
        guard let start = utf8.firstIndex(where: { !isSpace($0) }), let end = utf8.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[start...end])
    }

    /// "B3" → column 1, row 3. Row is nil when the reference has none (a column-only reference).
    static func parseCellReference(_ reference: String) -> (column: Int, row: Int?)? {
        var column = 0
        var letters = 0
        var row = 0
        var digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default: return nil
            }
        }
        guard letters > 0 else { return nil }
        if digits > 0, !(1...maxRows).contains(row) { return nil }
        return (column: column - 1, row: digits > 0 ? row : nil)
    }
}

// MARK: - Numbers and dates

extension XLSX {
    /// What a number format shows.
    enum NumberFormatKind: Equatable {
        case number
        case date(showsTime: Bool)
        case time
    }

    /// The built-in formats (ECMA-376 §18.8.30) that show dates or times.
    static func builtinFormatKind(_ id: Int) -> NumberFormatKind {
        switch id {
        case 14...17: return .date(showsTime: false)
        case 22: return .date(showsTime: true)
        case 18...21, 45...47: return .time
        default: return .number
        }
    }

    /// Classifies a custom format code: a date if its first section has d, y, or m that is not minutes.
    /// Quoted text, escaped characters, padding (`_x`, `*x`) and bracketed parts (`[Red]`, `[$-409]`) are ignored;
    /// `[h]`, `[mm]`, `[ss]` are elapsed time.
    static func classifyFormat(_ code: String) -> NumberFormatKind {
        var letters = ""
        var elapsed = false
        var iterator = code.lowercased().makeIterator()
        scan: while let character = iterator.next() {
            switch character {
            case ";":
                break scan  // only the first section decides
            case "\"", "\\", "_", "*", "[":
                if character == "\"" {
                    while let next = iterator.next(), next != "\"" {}
                } else if character == "[" {
                    var inside = ""
                    while let next = iterator.next(), next != "]" { inside.append(next) }
                    if !inside.isEmpty, inside.allSatisfy({ "hms".contains($0) }) { elapsed = true }
                } else {
                    _ = iterator.next()
                }
            default:
                letters.append(character)
            }
        }
        letters = letters.replacingOccurrences(of: "am/pm", with: "").replacingOccurrences(of: "a/p", with: "")
        let showsTime = elapsed || letters.contains("h") || letters.contains("s")
        if letters.contains("d") || letters.contains("y") || (letters.contains("m") && !showsTime) {
            return .date(showsTime: showsTime)
        }
        return showsTime ? .time : .number
    }

    static func renderNumber(_ value: Double, kind: NumberFormatKind, date1904: Bool) -> String {
        switch kind {
        case .number:
            return numberString(value)
        case .date(let showsTime):
            return dateText(serial: value, date1904: date1904, withTime: showsTime) ?? numberString(value)
        case .time:
            guard value >= 0, value < 1 else { return numberString(value) }
            return clockText(min(Int((value * 86_400).rounded()), 86_399))
        }
    }

    /// An Excel serial date as "YYYY-MM-DD" (plus " HH:MM:SS" when `withTime` and the time is not midnight).
    /// The 1900 system keeps Excel's phantom 1900-02-29 (serial 60). Nil outside years 1900 (1904)–9999.
    static func dateText(serial: Double, date1904: Bool, withTime: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        let totalSeconds = Int((serial * 86_400).rounded())
        let days = totalSeconds / 86_400
        let seconds = totalSeconds % 86_400
        let date: String
        if date1904 {
            date = civilDateText(daysSince1970: days - 24_107)
        } else if days == 60 {
            date = "1900-02-29"
        } else {
            date = civilDateText(daysSince1970: days - (days < 60 ? 25_568 : 25_569))
        }
        return withTime && seconds != 0 ? date + " " + clockText(seconds) : date
    }

    static func clockText(_ seconds: Int) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    /// Proleptic Gregorian date of a day count from 1970-01-01 (H. Hinnant's civil_from_days).
    static func civilDateText(daysSince1970: Int) -> String {
        let z = daysSince1970 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func pad(_ n: Int, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// A `t="d"` cell (ISO 8601): the date alone when the time is midnight or absent, else as stored.
    static func isoDateText(_ text: String) -> String {
        guard let separator = text.firstIndex(of: "T") else { return text }
        let time = text[text.index(after: separator)...]
        if time.hasPrefix("00:00:00") || time == "00:00" || time.hasPrefix("00:00Z") {
            return String(text[..<separator])
        }
        return text
    }
}

// MARK: - XML

extension XLSX {
    /// Streams `data` through XMLParser, calling back with local element names (prefix dropped) and attributes
    /// as written (qualified names). A DTD is refused (OOXML has none; entities could be abused).
    static func parseXML(
        _ data: Data, part: String,
        start: @escaping (String, [String: String]) throws -> Void,
        end: @escaping (String) throws -> Void = { _ in },
        text: @escaping (String) -> Void = { _ in }
    ) throws {
        if hasDoctype(data) { throw XLSXError.malformedXML("\(part): a DTD is not allowed") }
        // A stream, not XMLParser(data:): on Linux the latter fails on documents over 10 MB (libxml2's limit on
        // one pushed chunk); the stream is fed in small chunks.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let delegate = SAXDelegate(start: start, end: end, text: text)
        parser.delegate = delegate
        let ok = withExtendedLifetime(delegate) { parser.parse() }
        if let error = delegate.error { throw error }
        // On Linux, parse() returns true after recovering from an error: parserError tells.
        let xmlError = delegate.xmlError ?? parser.parserError
        if xmlError != nil || !ok {
            let code = xmlError.map { " \(($0 as NSError).code)" } ?? ""
            let line = delegate.xmlError == nil ? parser.lineNumber : delegate.errorLine
            throw XLSXError.malformedXML("\(part): not well-formed XML (error\(code), line \(line))")
        }
    }

    /// Whether the prolog (before the root element) has a `<!DOCTYPE`.
    static func hasDoctype(_ data: Data) -> Bool {
        let doctype = Array("<!DOCTYPE".utf8)
        return data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            let bytes = raw.bindMemory(to: UInt8.self)
            func matches(_ pattern: [UInt8], at index: Int) -> Bool {
                guard index + pattern.count <= bytes.count else { return false }
                for offset in pattern.indices where bytes[index + offset] != pattern[offset] { return false }
                return true
            }
            func skip(past terminator: [UInt8], from index: Int) -> Int {
                var i = index
                while i < bytes.count, !matches(terminator, at: i) { i += 1 }
                return i + terminator.count
            }
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if matches(Array("<!--".utf8), at: i) {
                    i = skip(past: Array("-->".utf8), from: i + 4)
                } else if matches(Array("<?".utf8), at: i) {
                    i = skip(past: Array("?>".utf8), from: i + 2)
                } else {
                    return matches(doctype, at: i)
                }
            }
            return false
        }
    }

    private final class SAXDelegate: NSObject, XMLParserDelegate {
        let start: (String, [String: String]) throws -> Void
        let end: (String) throws -> Void
        let text: (String) -> Void
        /// The first error thrown by a callback.
        var error: (any Error)?
        /// The first XML syntax error, and where.
        var xmlError: (any Error)?
        var errorLine = 0

        init(
            start: @escaping (String, [String: String]) throws -> Void,
            end: @escaping (String) throws -> Void,
            text: @escaping (String) -> Void
        ) {
            self.start = start
            self.end = end
            self.text = text
        }

        static func localName(_ name: String) -> String {
            guard let colon = name.lastIndex(of: ":") else { return name }
            return String(name[name.index(after: colon)...])
        }

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            guard error == nil, xmlError == nil else { return }
            do { try start(Self.localName(elementName), attributeDict) } catch {
                self.error = error
                parser.abortParsing()
            }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            guard error == nil, xmlError == nil else { return }
            do { try end(Self.localName(elementName)) } catch {
                self.error = error
                parser.abortParsing()
            }
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            guard xmlError == nil else { return }
            xmlError = parseError
            errorLine = parser.lineNumber
            parser.abortParsing()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if error == nil, xmlError == nil { text(string) }
        }

        func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
            if error == nil, xmlError == nil { text(whitespaceString) }
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            if error == nil, xmlError == nil { text(String(decoding: CDATABlock, as: UTF8.self)) }
        }
    }
}
