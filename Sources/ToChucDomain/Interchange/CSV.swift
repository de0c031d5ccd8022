import Foundation

/// RFC 4180 CSV: comma-separated, `"` quoting with `""` for a quote, CRLF or LF line ends, optional UTF-8 BOM.
public enum CSV {
    /// One record and the line of the file where it starts (1-based; line 1 is the header).
    public struct Record: Sendable, Equatable {
        public let line: Int
        public let fields: [String]

        public init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    public enum ParseError: Error, Equatable {
        case notUTF8
        /// A quoted field that never closes; the line where it opened.
        case unclosedQuote(line: Int)
        /// A NUL character (no text has one; databases refuse it).
        case nulCharacter(line: Int)
    }

    public static func parse(_ data: Data) throws -> [Record] {
        guard var text = String(data: data, encoding: .utf8) else { throw ParseError.notUTF8 }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return try parse(text)
    }

    public static func parse(_ text: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var fieldStarted = false
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldStarted = false
        }

        while let c = pending ?? scalars.next() {
            pending = nil
            if c == "\u{0}" { throw ParseError.nulCharacter(line: line) }
            if inQuotes {
                if c == "\"" {
                    if let next = scalars.next() {
                        if next == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            pending = next
                        }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
                continue
            }
            switch c {
            case "\"":
                inQuotes = true
                quoteLine = line
                fieldStarted = true
            case ",":
                fields.append(field)
                field = ""
                fieldStarted = true
            case "\r":
                if let next = scalars.next(), next != "\n" { pending = next }
                endRecord()
                line += 1
                recordLine = line
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
        }
        if inQuotes { throw ParseError.unclosedQuote(line: quoteLine) }
        if !field.isEmpty || !fields.isEmpty || fieldStarted { endRecord() }
        return records
    }

    /// Writes one record; quotes a field only when it must (comma, quote, line break, leading/trailing space).
    public static func line(_ fields: [String]) -> String {
        fields.map { field in
            let needsQuotes = field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                || field.hasPrefix(" ") || field.hasSuffix(" ")
            return needsQuotes ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    /// For spreadsheets meant to be opened in Excel (not the interchange format): a cell that would be read as a
    /// formula gets a leading apostrophe (OWASP CSV injection).
    public static func spreadsheetSafe(_ value: String) -> String {
        guard let first = value.first, "=+-@\t\r".contains(first) else { return value }
        return "'" + value
    }
}

/// One column of an interchange file: the canonical English name and the Vietnamese header users' spreadsheets have.
public struct InterchangeColumn: Sendable, Equatable {
    public let name: String
    public let vietnamese: String
    public let required: Bool

    public init(_ name: String, _ vietnamese: String, required: Bool = false) {
        self.name = name
        self.vietnamese = vietnamese
        self.required = required
    }

    /// Whether a header cell names this column: either name, ignoring case, accents, spaces and underscores.
    public func matches(_ header: String) -> Bool {
        let key = InterchangeColumn.key(header)
        return key == InterchangeColumn.key(name) || key == InterchangeColumn.key(vietnamese)
    }

    static func key(_ text: String) -> String {
        VietnameseText.fold(text).filter { $0 != " " && $0 != "_" && $0 != "-" }
    }
}

/// The columns of `org_units.csv` (INTERCHANGE.md).
public enum OrgUnitsFile {
    public static let fileName = "org_units.csv"
    public static let sheetName = "org_units"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("code", "Mã", required: true),
        InterchangeColumn("name", "Tên tổ chức", required: true),
        InterchangeColumn("kind", "Loại", required: true),
        InterchangeColumn("parent_code", "Mã cấp trên"),
        InterchangeColumn("sector", "Khu vực"),
        InterchangeColumn("has_committee", "Có cấp ủy"),
        InterchangeColumn("founded_on", "Ngày thành lập"),
        InterchangeColumn("dissolved_on", "Ngày giải thể"),
    ]
}

/// A problem with one cell or row of an import: rendered `file:line: column: reason`.
public struct ImportProblem: Sendable, Equatable, Error {
    public let file: String
    public let line: Int?
    public let column: String?
    public let reason: Localized

    public init(file: String, line: Int?, column: String?, reason: Localized) {
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason
    }

    public func text(_ language: Language) -> String {
        var out = file
        if let line { out += ":\(line)" }
        if let column { out += ": \(column)" }
        return out + ": " + reason.text(language)
    }
}

/// A refused import: every problem found, nothing stored.
public struct ImportFailure: Error, Sendable, Equatable {
    public let problems: [ImportProblem]

    public init(problems: [ImportProblem]) { self.problems = problems }
}

/// Maps a header row to known columns; every unknown, duplicate or missing column is a problem.
public enum HeaderMapping {
    public static func map(header: [String], columns: [InterchangeColumn], file: String, line: Int) -> Result<[String: Int], ImportFailure> {
        var index: [String: Int] = [:]
        var problems: [ImportProblem] = []
        for (i, cell) in header.enumerated() {
            let trimmed = cell.trimmed
            guard let column = columns.first(where: { $0.matches(trimmed) }) else {
                problems.append(ImportProblem(file: file, line: line, column: trimmed, reason: Catalogue.importUnknownColumn(trimmed)))
                continue
            }
            if index[column.name] != nil {
                problems.append(ImportProblem(file: file, line: line, column: column.name, reason: Catalogue.importDuplicateColumn(column.name)))
            }
            index[column.name] = i
        }
        for column in columns where column.required && index[column.name] == nil {
            problems.append(ImportProblem(file: file, line: line, column: column.name, reason: Catalogue.importMissingColumn(column.name)))
        }
        return problems.isEmpty ? .success(index) : .failure(ImportFailure(problems: problems))
    }
}
