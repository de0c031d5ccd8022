/// Party document numbers (số, ký hiệu văn bản của Đảng; DOMAIN.md §5; Hướng dẫn 36-HD/VPTW on the form of Party
/// documents): a serial number, a dash, the kind's abbreviation, a slash and the issuer's abbreviation, which may carry
/// a dash-separated suffix — `21-NQ/TW`, `680-QĐ/TU`, `26-HD/BTCTW`, `1011-CTr/TU`, `7-KH/HU-BTC`.

/// The kinds of Party documents, by their abbreviation in the number. The raw value is the abbreviation as written.
public enum DocumentKind: String, Sendable, CaseIterable, Codable {
    /// Nghị quyết.
    case resolution = "NQ"
    /// Kết luận.
    case conclusion = "KL"
    /// Quy định, quyết định (the two share the abbreviation).
    case decision = "QĐ"
    /// Chỉ thị.
    case directive = "CT"
    /// Hướng dẫn.
    case guidance = "HD"
    /// Chương trình.
    case programme = "CTr"
    /// Kế hoạch.
    case plan = "KH"
    /// Thông báo.
    case notice = "TB"
    /// Công văn.
    case letter = "CV"
    /// Báo cáo.
    case report = "BC"
    /// Quy chế.
    case statute = "QC"
    /// Thông tri.
    case circular = "TT"
    /// Đề án.
    case project = "ĐA"
    /// Tờ trình.
    case submission = "TTr"

    /// "Nghị quyết", "Quy định, quyết định"…
    public var label: Localized { Catalogue.documentKind(self) }

    /// The abbreviation compared: upper case, Đ as D (`QD` is `QĐ`, `ctr` is `CTr`).
    var key: String { DocumentNumber.fold(rawValue) }

    /// An abbreviation as typed (any case, `D` for `Đ`), or a kind's key (`decision`) or label ("Nghị quyết").
    public static func parse(_ text: String) -> DocumentKind? {
        let t = text.trimmed
        if let kind = byKey[DocumentNumber.fold(t)] { return kind }
        return byName[VietnameseText.fold(t)]
    }

    private static let byKey = Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0) })
    private static let byName: [String: DocumentKind] = Dictionary(
        allCases.flatMap { kind in
            [(VietnameseText.fold(kind.label.vi), kind), (VietnameseText.fold(String(describing: kind)), kind)]
                + kind.label.vi.split(separator: ",").map { (VietnameseText.fold(String($0)), kind) }
        }, uniquingKeysWith: { a, _ in a })
}

/// An issuer the registry knows by name; any other well-formed abbreviation is accepted as written.
public struct DocumentIssuer: Sendable, Hashable {
    /// As written in numbers: `BTCTW`, `ĐU`.
    public let abbreviation: String
    public let name: Localized
    /// Whether documents of this issuer are central (Trung ương): visible to every user.
    public let isCentral: Bool

    /// The issuers of the central and local levels most documents come from.
    public static let known: [DocumentIssuer] = Catalogue.documentIssuers.map { DocumentIssuer(abbreviation: $0.0, name: $0.1, isCentral: $0.2) }

    static let byKey = Dictionary(known.map { (DocumentNumber.fold($0.abbreviation), $0) }, uniquingKeysWith: { a, _ in a })
}

/// A parsed document number. Two numbers are the same document number when their `key`s are equal: serial without
/// leading zeros, kind and issuer compared in upper case with Đ as D (`05-QD/DU` is `5-QĐ/ĐU`).
public struct DocumentNumber: Sendable, Hashable {
    /// The serial as a number (680).
    public let serial: Int
    /// The serial as written, leading zeros kept ("05").
    public let digits: String
    public let kind: DocumentKind
    /// The issuer as written in the canonical form: upper case, known abbreviations spelled with Đ, `TƯ` as `TW`.
    public let issuer: String

    /// A number from its parts, as `parse` makes it (the parts are taken as they are).
    public init(serial: Int, digits: String, kind: DocumentKind, issuer: String) {
        self.serial = serial
        self.digits = digits
        self.kind = kind
        self.issuer = issuer
    }

    /// The longest number accepted.
    public static let maximumLength = 60
    /// The longest serial (six digits: no registry numbers beyond 999,999 in a term).
    public static let maximumDigits = 6

    /// `680-QĐ/TU`: how the number is shown and stored.
    public var text: String { digits + "-" + kind.rawValue + "/" + issuer }

    /// `680-QD/TU`: what numbers are compared by (search, uniqueness, citations).
    public var key: String { String(serial) + "-" + kind.key + "/" + Self.fold(issuer) }

    /// The issuer's first segment (before any dash suffix): what says who issued it.
    public var issuerBase: String { String(issuer.split(separator: "-").first ?? "") }

    /// Central documents (Trung ương: the issuer's base ends in TW, or is BCT or BBT, e.g. `TW`, `BTCTW`, `VPTW`, `BCT`,
    /// `BBT`) are visible to every user; the others to the issuing unit's subtree and the units above it.
    public var isCentral: Bool {
        let base = Self.fold(issuerBase)
        return base.hasSuffix("TW") || base == "BCT" || base == "BBT"
    }

    /// The issuer's name when the registry knows it ("Ban Tổ chức Trung ương").
    public var issuerName: Localized? { DocumentIssuer.byKey[Self.fold(issuerBase)]?.name }

    /// Why a number is refused; `message` says how to write it.
    public enum Problem: Error, Sendable, Equatable {
        case empty
        case tooLong
        /// Not of the form serial-kind/issuer.
        case shape
        /// The part before the dash is not 1–6 digits, or is 0.
        case serial(String)
        case kind(String)
        case issuer(String)

        public var message: Localized {
            switch self {
            case .empty: return Catalogue.required
            case .tooLong: return Catalogue.tooLong(DocumentNumber.maximumLength)
            case .shape: return Catalogue.documentNumberShape
            case .serial(let s): return Catalogue.documentNumberSerial(s)
            case .kind(let k): return Catalogue.documentNumberKind(k)
            case .issuer(let i): return Catalogue.documentNumberIssuer(i)
            }
        }
    }

    /// Reads a number as users type it: spaces anywhere are ignored (`92- KL/TU`), a leading "Số" is dropped, the kind
    /// and the issuer in any case, `D` for `Đ` in known abbreviations (`QD` → `QĐ`, `DU` → `ĐU`), `TƯ` for `TW`.
    public static func parse(_ text: String) -> Result<DocumentNumber, Problem> {
        var t = text.trimmed
        if t.isEmpty { return .failure(.empty) }
        if t.count > maximumLength { return .failure(.tooLong) }
        // "Số 680-QĐ/TU", "số: 680-QĐ/TU".
        let firstWord = t.prefix { !$0.isWhitespace && $0 != ":" && $0 != "." }
        if VietnameseText.fold(String(firstWord)) == "so", firstWord.count < t.count {
            t = String(t.dropFirst(firstWord.count).drop { $0.isWhitespace || $0 == ":" || $0 == "." })
        }
        let compact = String(t.filter { !$0.isWhitespace })
        guard let dash = compact.firstIndex(of: "-") else { return .failure(.shape) }
        let serialPart = String(compact[..<dash])
        let rest = compact[compact.index(after: dash)...]
        guard let slash = rest.firstIndex(of: "/") else { return .failure(.shape) }
        let kindPart = String(rest[..<slash])
        let issuerPart = String(rest[rest.index(after: slash)...])
        if serialPart.isEmpty || kindPart.isEmpty { return .failure(.shape) }
        guard serialPart.count <= maximumDigits, serialPart.allSatisfy({ $0.isASCII && $0.isNumber }), let serial = Int(serialPart), serial > 0
        else { return .failure(.serial(serialPart)) }
        guard let kind = DocumentKind.parse(kindPart), DocumentNumber.fold(kindPart) == kind.key else { return .failure(.kind(kindPart)) }
        guard let issuer = canonicalIssuer(issuerPart) else { return .failure(.issuer(issuerPart)) }
        return .success(DocumentNumber(serial: serial, digits: serialPart, kind: kind, issuer: issuer))
    }

    /// The key of a number as typed, or nil when it does not parse (citations stored as free text).
    public static func key(of text: String) -> String? { try? parse(text).get().key }

    /// Segments of 1–15 letters or digits (with at least one letter), joined by single dashes, 30 characters at most.
    public static func canonicalIssuer(_ text: String) -> String? {
        guard !text.isEmpty, text.count <= 30 else { return nil }
        let segments = text.split(separator: "-", omittingEmptySubsequences: false)
        var out: [String] = []
        for segment in segments {
            guard (1...15).contains(segment.count), segment.allSatisfy({ $0.isLetter || ($0.isASCII && $0.isNumber) }),
                segment.contains(where: \.isLetter)
            else { return nil }
            var upper = segment.uppercased()
            // TƯ (Trung ương) is the older spelling of TW; "TU" without the hook is tỉnh ủy.
            if upper.hasSuffix("TƯ") { upper = String(upper.dropLast(2)) + "TW" }
            out.append(DocumentIssuer.byKey[fold(upper)]?.abbreviation ?? upper)
        }
        return out.joined(separator: "-")
    }

    /// Upper case with Đ as D and Ư as U, other letters' marks dropped: how abbreviations are compared.
    public static func fold(_ text: String) -> String { VietnameseText.fold(text).uppercased() }
}
