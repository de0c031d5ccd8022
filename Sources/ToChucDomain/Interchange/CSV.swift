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
        var text = text
        text.makeContiguousUTF8()
        return try text.utf8.withContiguousStorageIfAvailable { try parse(utf8: $0) }!
    }

    /// The parser works on the UTF-8 bytes: every byte it acts on (quote, comma, CR, LF, NUL) is ASCII, and no byte
    /// of a multi-byte character is, so fields are cut as byte ranges and decoded once (appending scalar by scalar
    /// was a tenth of a large import's time).
    static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) throws -> [Record] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [String] = []
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var fieldStarted = false
        var inQuotes = false
        // A field that had a quote collects its bytes in `pending`; an unquoted one is the range from `start`.
        var quoted = false
        var pending: [UInt8] = []
        var start = 0
        var i = 0

        func takeField(upTo end: Int) -> String {
            let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
            guard quoted else { return String(decoding: run, as: UTF8.self) }
            pending.append(contentsOf: run)
            defer {
                pending.removeAll(keepingCapacity: true)
                quoted = false
            }
            return String(decoding: pending, as: UTF8.self)
        }
        func endRecord() {
            // A blank line is no record.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            fieldStarted = false
        }

        while i < bytes.count {
            let c = bytes[i]
            if c == 0 { throw ParseError.nulCharacter(line: line) }
            if inQuotes {
                if c == quote {
                    if i + 1 < bytes.count && bytes[i + 1] == quote {
                        pending.append(quote)
                        i += 2
                    } else {
                        inQuotes = false
                        i += 1
                        start = i
                    }
                    continue
                }
                if c == lf { line += 1 }
                pending.append(c)
                i += 1
                continue
            }
            switch c {
            case quote:
                pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                quoted = true
                inQuotes = true
                quoteLine = line
                fieldStarted = true
                i += 1
            case comma:
                fields.append(takeField(upTo: i))
                fieldStarted = true
                i += 1
                start = i
            case cr, lf:
                fields.append(takeField(upTo: i))
                endRecord()
                i += c == cr && i + 1 < bytes.count && bytes[i + 1] == lf ? 2 : 1
                line += 1
                recordLine = line
                start = i
            default:
                fieldStarted = true
                i += 1
            }
        }
        if inQuotes { throw ParseError.unclosedQuote(line: quoteLine) }
        let last = takeField(upTo: bytes.count)
        if !last.isEmpty || !fields.isEmpty || fieldStarted {
            fields.append(last)
            endRecord()
        }
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
