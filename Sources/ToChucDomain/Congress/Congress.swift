import Foundation

/// The term of a unit's congress (nhiệm kỳ đại hội, DOMAIN.md §4): "2020-2025". Most terms last five years; the cells
/// under a base committee used to hold two congresses in five years ("nhiệm kỳ 2022 - 2025", seed 001), so any term of
/// one to ten years is accepted.
public struct CongressTerm: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let firstYear: Int
    public let lastYear: Int

    public static let years = 1900...2200

    public init?(firstYear: Int, lastYear: Int) {
        guard Self.years.contains(firstYear), Self.years.contains(lastYear), (1...10).contains(lastYear - firstYear) else { return nil }
        self.firstYear = firstYear
        self.lastYear = lastYear
    }

    /// "2020-2025", "2020–2025" or "2020 - 2025".
    public init?(parsing text: String) {
        let parts = text.trimmed.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts.allSatisfy({ $0.count == 4 }), let first = Int(parts[0]), let last = Int(parts[1]) else { return nil }
        self.init(firstYear: first, lastYear: last)
    }

    /// "2020-2025": the key stored, typed and exported.
    public var key: String { "\(firstYear)-\(lastYear)" }
    /// "2020–2025", as pages print it.
    public var label: String { "\(firstYear)–\(lastYear)" }
    public var description: String { key }

    public static func < (lhs: CongressTerm, rhs: CongressTerm) -> Bool { (lhs.firstYear, lhs.lastYear) < (rhs.firstYear, rhs.lastYear) }
}

extension CongressRules {
    /// The term in course on `date` (DOMAIN.md §5 "the congress of the term in course"): the term of the grid
    /// (`firstTermYear` ± k × `termYears`) whose congress window contains the date. A window opens `leadMonths` before
    /// 1 January of the term's first year and lasts until the next one opens: with the shipped values (5 years from
    /// 2020, 12 months) every date of 2019–2023 is in the 2020–2025 round and every date of 2024–2028 in the 2025–2030 one.
    public func term(inCourseOn date: CivilDate) -> CongressTerm {
        let effectiveYear = (date.year * 12 + date.month - 1 + leadMonths) / 12
        let offset = effectiveYear - firstTermYear
        let rounds = offset >= 0 ? offset / termYears : -((-offset + termYears - 1) / termYears)
        let first = min(max(firstTermYear + rounds * termYears, CongressTerm.years.lowerBound), CongressTerm.years.upperBound - termYears)
        return CongressTerm(firstYear: first, lastYear: first + termYears)!
    }

    /// The first day the congresses of the grid term beginning in `firstYear` may be held.
    public func windowOpens(firstYear: Int) -> CivilDate { CivilDate(year: firstYear, month: 1, day: 1)!.adding(months: -leadMonths) }

    /// Whether a congress of `term` is one of the round of `round`: its term begins during the round's term. So a cell
    /// with two half terms (2020–2022, 2022–2025) has two congresses in the 2020–2025 round; a unit counts once.
    public static func belongs(_ term: CongressTerm, to round: CongressTerm) -> Bool {
        round.firstYear <= term.firstYear && term.firstYear < round.lastYear
    }
}

/// A congress record as typed in a form, a request or a file, before it is checked.
public struct CongressDraft: Sendable, Equatable {
    public var term = ""
    public var plannedOn = ""
    public var heldOn = ""
    public var pilot = ""
    public var directSecretary = ""
    public var delegates = ""
    public var committeeElected = ""
    public var note = ""

    public init(
        term: String = "", plannedOn: String = "", heldOn: String = "", pilot: String = "", directSecretary: String = "", delegates: String = "",
        committeeElected: String = "", note: String = ""
    ) {
        self.term = term
        self.plannedOn = plannedOn
        self.heldOn = heldOn
        self.pilot = pilot
        self.directSecretary = directSecretary
        self.delegates = delegates
        self.committeeElected = committeeElected
        self.note = note
    }
}

/// The checked values of one unit's congress of one term (DOMAIN.md §4).
public struct CongressFacts: Sendable, Equatable {
    public let term: CongressTerm
    public let plannedOn: CivilDate?
    /// The day the congress was held; nil while it is only planned.
    public let heldOn: CivilDate?
    /// A pilot congress (đại hội điểm).
    public let pilot: Bool
    /// The secretary elected directly by the congress (bầu trực tiếp bí thư tại đại hội).
    public let directSecretary: Bool
    /// The delegates convened (đại biểu được triệu tập), when known.
    public let delegates: Int?
    /// The members of the committee elected (số ủy viên cấp ủy được bầu), when known.
    public let committeeElected: Int?
    public let note: String

    public init(
        term: CongressTerm, plannedOn: CivilDate? = nil, heldOn: CivilDate? = nil, pilot: Bool = false, directSecretary: Bool = false,
        delegates: Int? = nil, committeeElected: Int? = nil, note: String = ""
    ) {
        self.term = term
        self.plannedOn = plannedOn
        self.heldOn = heldOn
        self.pilot = pilot
        self.directSecretary = directSecretary
        self.delegates = delegates
        self.committeeElected = committeeElected
        self.note = note
    }

    public var auditValues: [String: String?] {
        [
            "term": term.key, "planned_on": plannedOn?.iso, "held_on": heldOn?.iso, "pilot": pilot ? "true" : "false",
            "direct_secretary": directSecretary ? "true" : "false", "delegates": delegates.map { String($0) },
            "committee_elected": committeeElected.map { String($0) }, "note": note.isEmpty ? nil : note,
        ]
    }

    public var draft: CongressDraft {
        CongressDraft(
            term: term.key, plannedOn: plannedOn?.iso ?? "", heldOn: heldOn?.iso ?? "", pilot: pilot ? "true" : "false",
            directSecretary: directSecretary ? "true" : "false", delegates: delegates.map { String($0) } ?? "",
            committeeElected: committeeElected.map { String($0) } ?? "", note: note)
    }
}

/// The rules of a congress record on its own (DOMAIN.md §4); that the unit exists and is in scope needs the database.
public enum CongressRecordRules {
    public static let maximumDelegates = 100_000
    public static let maximumCommittee = 1_000
    public static let maximumNoteLength = 1_000

    public static func check(_ draft: CongressDraft, today: CivilDate) -> Result<CongressFacts, DomainError> {
        var errors: [FieldError] = []
        let term = CongressTerm(parsing: draft.term)
        if term == nil {
            errors.append(FieldError("term", draft.term.trimmed.isEmpty ? Catalogue.required : Catalogue.congressTermInvalid(draft.term)))
        }
        let planned = UnitRules.parseOptionalDate(draft.plannedOn, field: "planned_on", into: &errors)
        let held = UnitRules.parseOptionalDate(draft.heldOn, field: "held_on", into: &errors)
        if let held, held > today { errors.append(FieldError("held_on", Catalogue.dateInFuture)) }
        if let held, let term, held.year > term.lastYear { errors.append(FieldError("held_on", Catalogue.congressHeldAfterTerm(term.label))) }
        func flag(_ field: String, _ text: String) -> Bool {
            guard let value = UnitRules.parseFlag(text.trimmed) else {
                errors.append(FieldError(field, Catalogue.unknownValue(text)))
                return false
            }
            return value
        }
        let pilot = flag("pilot", draft.pilot)
        let direct = flag("direct_secretary", draft.directSecretary)
        func count(_ field: String, _ text: String, _ range: ClosedRange<Int>) -> Int? {
            let t = text.trimmed.replacingOccurrences(of: ".", with: "")
            if t.isEmpty { return nil }
            guard let n = Int(t), range.contains(n) else {
                errors.append(FieldError(field, Catalogue.outOfRange(range.lowerBound, range.upperBound)))
                return nil
            }
            return n
        }
        let delegates = count("delegates", draft.delegates, 1...maximumDelegates)
        let committee = count("committee_elected", draft.committeeElected, 0...maximumCommittee)
        let note = draft.note.trimmed
        if note.count > maximumNoteLength { errors.append(FieldError("note", Catalogue.tooLong(maximumNoteLength))) }
        guard errors.isEmpty, let term else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            CongressFacts(
                term: term, plannedOn: planned, heldOn: held, pilot: pilot, directSecretary: direct, delegates: delegates,
                committeeElected: committee,
                note: note))
    }
}

/// The congresses of one kind of unit in a subtree on a date (DOMAIN.md §4, §5): among the units of that kind existing
/// on the date, how many held the congress of the round by then, and of those how many were pilots and how many elected
/// the secretary directly.
public struct CongressLevelProgress: Sendable, Equatable {
    public let kind: UnitKind
    public let total: Int
    public let held: Int
    public let pilot: Int
    public let directSecretary: Int

    public init(kind: UnitKind, total: Int, held: Int, pilot: Int, directSecretary: Int) {
        self.kind = kind
        self.total = total
        self.held = held
        self.pilot = pilot
        self.directSecretary = directSecretary
    }

    /// held / total in hundredths of a percent, truncated like `VietnameseFormat.ratio` (624/1.305 → 4781); 0 with no unit.
    public var hundredthsOfPercent: Int { total > 0 ? held * 10_000 / total : 0 }
    /// The same as a number with two decimals (47.81): what the report's JSON carries.
    public var percent: Double { Double(hundredthsOfPercent) / 100 }

    /// "624/1.305 (47,81%)" / "624/1,305 (47.81%)".
    public var ratio: Localized { Localized(vi: VietnameseFormat.ratio(held, total), en: EnglishFormat.ratio(held, total)) }

    /// "52.031 (99,85%)": the count and its percentage without the total, as seed 002 writes the base level.
    public var countWithPercent: Localized {
        let percent = Double(hundredthsOfPercent) / 100
        return Localized(
            vi: VietnameseFormat.integer(held) + " (" + VietnameseFormat.percent(percent) + ")",
            en: EnglishFormat.integer(held) + " (" + EnglishFormat.percent(percent) + ")")
    }
}

/// The columns of `congresses.csv` (INTERCHANGE.md; the last three are ToChuc's own, docs/interchange.md).
public enum CongressesFile {
    public static let fileName = "congresses.csv"
    public static let sheetName = "congresses"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("unit_code", "Mã tổ chức", required: true),
        InterchangeColumn("term", "Nhiệm kỳ", required: true),
        InterchangeColumn("planned_on", "Ngày dự kiến"),
        InterchangeColumn("held_on", "Ngày tổ chức"),
        InterchangeColumn("pilot", "Đại hội điểm"),
        InterchangeColumn("direct_secretary", "Bầu trực tiếp bí thư"),
        InterchangeColumn("delegates", "Số đại biểu"),
        InterchangeColumn("committee_elected", "Số cấp ủy viên được bầu"),
        InterchangeColumn("note", "Ghi chú"),
    ]
}
