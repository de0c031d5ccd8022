import Foundation

/// Kinds of restructuring event (DOMAIN.md §1: giảm đầu mối, sáp nhập …), plus `correction`, the only way to undo one.
public enum RestructureKind: String, Sendable, CaseIterable, Codable {
    case found
    case rename
    case move
    case merge
    case split
    case dissolve
    case correction

    public var label: Localized { Catalogue.restructureKind(self) }
}

/// One restructuring operation, before it is checked against the tree of its date.
public enum RestructureOperation: Sendable, Equatable {
    /// A new unit (its `foundedOn` is the step's date).
    case found(UnitDraft)
    case rename(code: String, name: String)
    /// A subtree under another parent.
    case move(code: String, parentCode: String)
    /// Refused while the unit still has sub-units on the date.
    case dissolve(code: String)
    /// Sources into a target: an existing unit (which may be one of the sources), or a new one (`newTarget`).
    /// Sub-units of every other source move under the target; those sources end on the date.
    case merge(sources: [String], target: String, newTarget: UnitDraft?)
    /// A unit into new parts under the same parent; every sub-unit is assigned to a part; the source ends.
    case split(source: String, parts: [UnitDraft], assignments: [String: String])

    public var kind: RestructureKind {
        switch self {
        case .found: return .found
        case .rename: return .rename
        case .move: return .move
        case .dissolve: return .dissolve
        case .merge: return .merge
        case .split: return .split
        }
    }
}

/// A dated, documented operation: what `tochuc restructure` and the UI apply, one or many in one transaction.
public struct RestructureStep: Sendable, Equatable {
    public let operation: RestructureOperation
    public let effectiveOn: CivilDate
    /// The decision it carries out, e.g. `1234-QĐ/TU`.
    public let decisionNo: String
    public let note: String
    /// The plan file's line, for messages.
    public let line: Int?

    public init(operation: RestructureOperation, effectiveOn: CivilDate, decisionNo: String, note: String = "", line: Int? = nil) {
        self.operation = operation
        self.effectiveOn = effectiveOn
        self.decisionNo = decisionNo
        self.note = note
        self.line = line
    }
}

/// Rules of restructuring that need no database (DOMAIN.md §1).
public enum RestructureRules {
    /// Units merge only with units of the same kind (two communes, two provinces — never a cell into a province).
    public static func checkMergeKinds(sources: [(code: String, kind: UnitKind)], target: (code: String, kind: UnitKind))
        -> Localized?
    {
        for source in sources where source.kind != target.kind {
            return Catalogue.mergeKindsDiffer(source.code, source.kind, target.code, target.kind)
        }
        return nil
    }

    /// The message when a unit cannot be dissolved yet: which sub-units to move or dissolve first.
    public static func dissolveRefusal(code: String, liveChildren: [String]) -> Localized? {
        guard !liveChildren.isEmpty else { return nil }
        return Catalogue.dissolveHasChildren(code, liveChildren.count, Array(liveChildren.prefix(5)))
    }

    /// A decision number is required for every restructuring step (the event records what it carries out).
    public static func checkDecision(_ number: String) -> Localized? {
        number.trimmed.isEmpty ? Catalogue.decisionRequired : nil
    }
}

/// The CSV plan of `tochuc restructure FILE` (documented in docs/interchange.md): one step per line, in order.
///
/// Columns: `op, effective_on, decision_no, code, name, kind, parent_code, sector, has_committee, sources, parts,
/// assign, note`. `sources` lists codes separated by `;`; `parts` lists `CODE:Name` separated by `;`; `assign` lists
/// `CHILD>PART` separated by `;`.
public enum RestructurePlan {
    public static let fileName = "restructure.csv"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("op", "Thao tác", required: true),
        InterchangeColumn("effective_on", "Ngày hiệu lực", required: true),
        InterchangeColumn("decision_no", "Số quyết định", required: true),
        InterchangeColumn("code", "Mã", required: true),
        InterchangeColumn("name", "Tên tổ chức"),
        InterchangeColumn("kind", "Loại"),
        InterchangeColumn("parent_code", "Mã cấp trên"),
        InterchangeColumn("sector", "Khu vực"),
        InterchangeColumn("has_committee", "Có cấp ủy"),
        InterchangeColumn("sources", "Các tổ chức hợp nhất"),
        InterchangeColumn("parts", "Các tổ chức tách ra"),
        InterchangeColumn("assign", "Phân công trực thuộc"),
        InterchangeColumn("note", "Ghi chú"),
    ]

    public static func parse(_ records: [CSV.Record], file: String = fileName) -> Result<[RestructureStep], ImportFailure> {
        guard let header = records.first else { return .success([]) }
        let index: [String: Int]
        switch HeaderMapping.map(header: header.fields, columns: columns, file: file, line: header.line) {
        case .success(let map): index = map
        case .failure(let failure): return .failure(failure)
        }
        var steps: [RestructureStep] = []
        var problems: [ImportProblem] = []
        for record in records.dropFirst() {
            func cell(_ name: String) -> String {
                guard let i = index[name], i < record.fields.count else { return "" }
                return record.fields[i].trimmed
            }
            func problem(_ column: String, _ reason: Localized) {
                problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason))
            }
            guard let date = CivilDate(parsing: cell("effective_on")) else {
                problem("effective_on", Catalogue.invalidDate(cell("effective_on")))
                continue
            }
            if let message = RestructureRules.checkDecision(cell("decision_no")) { problem("decision_no", message) }
            let code = cell("code")
            if code.isEmpty { problem("code", Catalogue.required) }
            let flag = UnitRules.parseFlag(cell("has_committee"))
            if flag == nil { problem("has_committee", Catalogue.unknownValue(cell("has_committee"))) }
            func draft(code: String, name: String, parent: String) -> UnitDraft {
                UnitDraft(
                    code: code, name: name, kind: cell("kind"), parentCode: parent, sector: cell("sector").isEmpty ? Sector.other.rawValue : cell("sector"),
                    hasCommittee: flag ?? false, foundedOn: date.iso, dissolvedOn: "")
            }
            let list = { (text: String) in text.split(separator: ";").map { $0.trimmed }.filter { !$0.isEmpty } }
            var operation: RestructureOperation?
            switch cell("op").lowercased() {
            case "found":
                operation = .found(draft(code: code, name: cell("name"), parent: cell("parent_code")))
            case "rename":
                if cell("name").isEmpty { problem("name", Catalogue.required) }
                operation = .rename(code: code, name: cell("name"))
            case "move":
                if cell("parent_code").isEmpty { problem("parent_code", Catalogue.required) }
                operation = .move(code: code, parentCode: cell("parent_code"))
            case "dissolve":
                operation = .dissolve(code: code)
            case "merge":
                let sources = list(cell("sources"))
                if sources.isEmpty { problem("sources", Catalogue.required) }
                let newTarget = cell("name").isEmpty ? nil : draft(code: code, name: cell("name"), parent: cell("parent_code"))
                operation = .merge(sources: sources, target: code, newTarget: newTarget)
            case "split":
                var parts: [UnitDraft] = []
                for item in list(cell("parts")) {
                    let pieces = item.split(separator: ":", maxSplits: 1).map { $0.trimmed }
                    guard pieces.count == 2, !pieces[0].isEmpty, !pieces[1].isEmpty else {
                        problem("parts", Catalogue.unknownValue(item))
                        continue
                    }
                    parts.append(draft(code: pieces[0], name: pieces[1], parent: ""))
                }
                if parts.count < 2 { problem("parts", Catalogue.splitNeedsTwoParts) }
                var assignments: [String: String] = [:]
                for item in list(cell("assign")) {
                    let pieces = item.split(separator: ">", maxSplits: 1).map { $0.trimmed }
                    guard pieces.count == 2 else {
                        problem("assign", Catalogue.unknownValue(item))
                        continue
                    }
                    assignments[pieces[0]] = pieces[1]
                }
                operation = .split(source: code, parts: parts, assignments: assignments)
            default:
                problem("op", Catalogue.unknownValue(cell("op")))
            }
            if let operation {
                steps.append(RestructureStep(operation: operation, effectiveOn: date, decisionNo: cell("decision_no"), note: cell("note"), line: record.line))
            }
        }
        return problems.isEmpty ? .success(steps) : .failure(ImportFailure(problems: problems))
    }
}

/// The figures of a subtree on a date: the JSON contract of `tochuc stats` and `/api/v1/units/{code}/stats`.
public struct SubtreeStats: Sendable, Equatable, Codable {
    public let unit: String
    public let asOf: String
    public let unitsByKind: [String: Int]
    public let cells: Int
    public let cellsWithCommittee: Int
    /// Members by status on the date (every status present, zero when none).
    public let membersByStatus: [String: Int]

    public init(unit: String, asOf: CivilDate, unitsByKind: [UnitKind: Int], cellsWithCommittee: Int, membersByStatus: [MemberStatus: Int] = [:]) {
        self.unit = unit
        self.asOf = asOf.iso
        var byKind: [String: Int] = [:]
        for kind in UnitKind.allCases { byKind[kind.rawValue] = unitsByKind[kind] ?? 0 }
        self.unitsByKind = byKind
        self.cells = unitsByKind[.cell] ?? 0
        self.cellsWithCommittee = cellsWithCommittee
        var byStatus: [String: Int] = [:]
        for status in MemberStatus.allCases { byStatus[status.rawValue] = membersByStatus[status] ?? 0 }
        self.membersByStatus = byStatus
    }

    enum CodingKeys: String, CodingKey {
        case unit
        case asOf = "as_of"
        case unitsByKind = "units_by_kind"
        case cells
        case cellsWithCommittee = "cells_with_committee"
        case membersByStatus = "members_by_status"
    }
}
