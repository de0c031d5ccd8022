/// Files attached to proposals, their answers and documents (DOMAIN.md §5): stored in the database like members' photos,
/// limited in size, and accepted only when the bytes are of the type the file's name says.
public enum AttachmentRules {
    /// A scanned signed document of a few dozen pages fits; the upload limit of the server is 20 MB.
    public static let maximumBytes = 10 * 1024 * 1024
    public static let maximumNameLength = 200

    /// The types accepted, by extension: the office formats documents travel in, PDF and scans.
    static let types: [String: (type: String, signature: Signature)] = [
        "pdf": ("application/pdf", .pdf),
        "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", .zip),
        "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", .zip),
        "pptx": ("application/vnd.openxmlformats-officedocument.presentationml.presentation", .zip),
        "odt": ("application/vnd.oasis.opendocument.text", .zip),
        "ods": ("application/vnd.oasis.opendocument.spreadsheet", .zip),
        "doc": ("application/msword", .ole),
        "xls": ("application/vnd.ms-excel", .ole),
        "jpg": ("image/jpeg", .jpeg),
        "jpeg": ("image/jpeg", .jpeg),
        "png": ("image/png", .png),
    ]

    /// The extensions accepted, for messages and the file input's `accept`.
    public static let extensions: [String] = types.keys.sorted()

    enum Signature {
        case pdf, zip, ole, jpeg, png

        func matches(_ b: [UInt8]) -> Bool {
            func starts(_ prefix: [UInt8]) -> Bool { b.count >= prefix.count && b.prefix(prefix.count).elementsEqual(prefix) }
            switch self {
            case .pdf: return starts(Array("%PDF-".utf8))
            case .zip: return starts([0x50, 0x4B, 0x03, 0x04])
            case .ole: return starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
            case .jpeg: return starts([0xFF, 0xD8, 0xFF])
            case .png: return starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            }
        }
    }

    /// The name to store: the last component of what the browser sent (a path is never kept), without control
    /// characters or quotes, at most 200 characters.
    public static func cleanName(_ text: String) -> String {
        let last = text.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let kept = last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && $0 != "\"" }
        return String(String.UnicodeScalarView(kept)).trimmed
    }

    /// The stored name and content type of a file, or why it is refused: no file, too large, a name without an accepted
    /// extension, or bytes that are not of that type (a renamed file).
    public static func check(fileName: String, bytes: [UInt8]) -> Result<(name: String, contentType: String), DomainError> {
        func refuse(_ message: Localized) -> Result<(name: String, contentType: String), DomainError> {
            .failure(.invalid(Catalogue.invalidInput, [FieldError("file", message)]))
        }
        let name = cleanName(fileName)
        if bytes.isEmpty || name.isEmpty { return refuse(Catalogue.attachmentMissing) }
        if bytes.count > maximumBytes { return refuse(Catalogue.attachmentTooLarge(maximumBytes / (1024 * 1024))) }
        if name.count > maximumNameLength { return refuse(Catalogue.tooLong(maximumNameLength)) }
        let ext = name.split(separator: ".").count > 1 ? String(name.split(separator: ".").last!).lowercased() : ""
        guard let known = types[ext] else { return refuse(Catalogue.attachmentType(extensions.joined(separator: ", "))) }
        guard known.signature.matches(bytes) else { return refuse(Catalogue.attachmentContentMismatch(ext)) }
        return .success((name, known.type))
    }

    /// The name as plain ASCII for the `filename` of a download (the UTF-8 name goes in `filename*`).
    public static func asciiName(_ name: String) -> String {
        String(String.UnicodeScalarView(asciiFold(name).unicodeScalars.map { $0.isASCII && $0 != "\"" && $0 != "\\" ? $0 : "_" }))
    }

    /// Vietnamese letters without marks, keeping case ("Tờ trình" → "To trinh").
    static func asciiFold(_ text: String) -> String {
        String(text.map { c -> Character in
            let folded = VietnameseText.fold(String(c))
            guard folded.count == 1, let f = folded.first else { return c }
            return c.isUppercase ? Character(f.uppercased()) : f
        })
    }
}

/// Whose a file is: a proposal (sent with it or with its answer) or a document of the registry.
public enum AttachmentOwner: String, Sendable, Codable {
    case proposal
    case document
}
