/// The document registry (sổ văn bản, DOMAIN.md §5): a document's own fields and the chains of replacement ("Quy định số
/// 680-QĐ/TU … thay thế Quy định 335"), as pure functions.

/// A document as typed in a form, a request or a file, before it is checked.
public struct DocumentDraft: Sendable, Equatable {
    public var number = ""
    public var issuedOn = ""
    public var title = ""
    /// The unit whose registry holds it (empty: the principal's).
    public var unitCode = ""
    /// Numbers of the documents it replaces, separated by `;` or new lines.
    public var replaces = ""
    public var note = ""

    public init(number: String = "", issuedOn: String = "", title: String = "", unitCode: String = "", replaces: String = "", note: String = "") {
        self.number = number
        self.issuedOn = issuedOn
        self.title = title
        self.unitCode = unitCode
        self.replaces = replaces
        self.note = note
    }
}

/// A document's own fields, checked.
public struct ValidDocument: Sendable, Equatable {
    public let number: DocumentNumber
    public let issuedOn: CivilDate
    public let title: String
    /// The numbers it replaces, each parsed, in the order given, without repeats.
    public let replaces: [DocumentNumber]
    public let note: String
}

/// One document of a replacement chain, as the chain functions need it.
public struct ChainLink: Sendable, Hashable {
    public let id: Int64
    /// How many replacements away: 1 for the documents replaced directly (or replacing directly), 2 beyond…
    public let generation: Int

    public init(id: Int64, generation: Int) {
        self.id = id
        self.generation = generation
    }
}

public enum DocumentRules {
    public static let maximumTitleLength = 1000
    public static let maximumNoteLength = 2000

    /// The fields of a document: a number that parses (`DocumentNumber.parse`, each problem named), the date of issue
    /// (required, not in the future), a title, the numbers it replaces (each must parse; its own number is refused), a note.
    public static func check(_ draft: DocumentDraft, today: CivilDate) -> Result<ValidDocument, DomainError> {
        var errors: [FieldError] = []
        var number: DocumentNumber? = nil
        switch DocumentNumber.parse(draft.number) {
        case .success(let parsed): number = parsed
        case .failure(let problem): errors.append(FieldError("number", problem.message))
        }
        let issued = CivilDate(parsing: draft.issuedOn.trimmed)
        if draft.issuedOn.trimmed.isEmpty {
            errors.append(FieldError("issued_on", Catalogue.required))
        } else if issued == nil {
            errors.append(FieldError("issued_on", Catalogue.invalidDate(draft.issuedOn)))
        } else if let issued, issued > today {
            errors.append(FieldError("issued_on", Catalogue.dateInFuture))
        }
        let title = draft.title.trimmed
        if title.isEmpty { errors.append(FieldError("title", Catalogue.required)) }
        if title.count > maximumTitleLength { errors.append(FieldError("title", Catalogue.tooLong(maximumTitleLength))) }
        let note = draft.note.trimmed
        if note.count > maximumNoteLength { errors.append(FieldError("note", Catalogue.tooLong(maximumNoteLength))) }
        var replaces: [DocumentNumber] = []
        for item in listItems(draft.replaces) {
            switch DocumentNumber.parse(item) {
            case .success(let parsed):
                if let number, parsed.key == number.key {
                    errors.append(FieldError("replaces", Catalogue.documentReplacesItself))
                } else if !replaces.contains(where: { $0.key == parsed.key }) {
                    replaces.append(parsed)
                }
            case .failure(let problem): errors.append(FieldError("replaces", Catalogue.documentReplacedNumber(item, problem.message)))
            }
        }
        guard errors.isEmpty, let number, let issued else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ValidDocument(number: number, issuedOn: issued, title: title, replaces: replaces, note: note))
    }

    /// The items of a list typed in one field: separated by `;`, `,` or new lines, trimmed, empty ones dropped.
    public static func listItems(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == ";" || $0 == "\n" || $0 == "\r" || $0 == "," }).map { $0.trimmed }.filter { !$0.isEmpty }
    }

    /// A document replaces only documents issued on or before its own date (a later one cannot have been replaced by it).
    public static func mayReplace(issuedOn: CivilDate, replacedIssuedOn: CivilDate) -> Bool { replacedIssuedOn <= issuedOn }
}

/// Replacement chains over the registry's edges (`replacer → [replaced]`). A document cannot replace itself, and no
/// chain may come back to where it started: "A replaces B, B replaces A" is refused, at any length.
public enum DocumentChains {
    /// The targets of `replaced` that would close a cycle if `document` replaced them, given the other edges (the
    /// document's own current edges are left out: they are what is being set). A target equal to `document` counts.
    public static func cycles(document: Int64, replacing replaced: [Int64], edges: [Int64: [Int64]]) -> [Int64] {
        var others = edges
        others[document] = nil
        // Adding document → t closes a cycle exactly when t already reaches document.
        return replaced.filter { $0 == document || reaches(from: $0, to: document, edges: others) }
    }

    /// Whether `to` can be reached from `from` by following replacements.
    public static func reaches(from: Int64, to: Int64, edges: [Int64: [Int64]]) -> Bool {
        var seen: Set<Int64> = [from]
        var queue = [from]
        while let next = queue.popLast() {
            if next == to { return true }
            for target in edges[next] ?? [] where seen.insert(target).inserted { queue.append(target) }
        }
        return false
    }

    /// The documents `id` replaces, directly and through them (what it replaced replaced…), nearest first; each once.
    public static func earlier(than id: Int64, edges: [Int64: [Int64]]) -> [ChainLink] { walk(from: id, edges: edges) }

    /// The documents that replace `id`, directly and beyond (what replaced its replacement…), nearest first.
    public static func later(than id: Int64, edges: [Int64: [Int64]]) -> [ChainLink] {
        var reversed: [Int64: [Int64]] = [:]
        for (from, targets) in edges {
            for target in targets { reversed[target, default: []].append(from) }
        }
        for key in reversed.keys { reversed[key]?.sort() }
        return walk(from: id, edges: reversed)
    }

    /// Breadth first, so that each document is listed at its nearest generation; ids in order within a generation.
    static func walk(from start: Int64, edges: [Int64: [Int64]]) -> [ChainLink] {
        var seen: Set<Int64> = [start]
        var out: [ChainLink] = []
        var frontier = [start]
        var generation = 0
        while !frontier.isEmpty {
            generation += 1
            var next: [Int64] = []
            for id in frontier {
                for target in (edges[id] ?? []).sorted() where seen.insert(target).inserted {
                    next.append(target)
                    out.append(ChainLink(id: target, generation: generation))
                }
            }
            frontier = next
        }
        return out
    }
}

/// What may cite a document: a rule set by its regulation, a cadre decision, a planning approval or a vetting conclusion
/// by its number, a task by the document it implements.
public enum CitationKind: String, Sendable, CaseIterable, Codable {
    case ruleSet = "rule_set"
    case decision
    case planning
    case vetting
    case task

    public var label: Localized { Catalogue.citationKind(self) }
}

/// The columns of `documents.csv` (docs/interchange.md). Key: the number (by its key), the year of issue, the registry.
public enum DocumentsFile {
    public static let fileName = "documents.csv"
    public static let sheetName = "documents"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("number", "Số ký hiệu", required: true),
        InterchangeColumn("issued_on", "Ngày ban hành", required: true),
        InterchangeColumn("title", "Trích yếu", required: true),
        InterchangeColumn("unit_code", "Đơn vị quản lý", required: true),
        InterchangeColumn("replaces", "Thay thế"),
        InterchangeColumn("note", "Ghi chú"),
    ]
}
