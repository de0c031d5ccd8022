import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A non-party agency (government, Fatherland Front, mass organization) as the register holds it.
public struct Agency: Sendable, Equatable {
    public let id: Int64
    public let code: String
    public let name: String
    public let kind: AgencyKind
    public let parentCode: String?
    /// The party unit that leads it: scope follows this unit.
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let version: Int

    public var draft: AgencyDraft {
        AgencyDraft(code: code, name: name, kind: kind.rawValue, parentCode: parentCode ?? "", unitCode: unitCode)
    }

    public var auditValues: [String: String?] {
        ["code": code, "name": name, "kind": kind.rawValue, "parent_code": parentCode, "unit_code": unitCode]
    }
}

/// A cadre: a person, a party member or not (DOMAIN.md §3).
public struct Cadre: Sendable, Equatable {
    public let id: Int64
    /// The member record, when the person is a party member (name, gender and birth date come from it).
    public let memberId: Int64?
    public let cardNo: String?
    public let nationalId: String?
    public let fullName: String
    public let gender: Gender
    public let birthDate: CivilDate?
    /// The unit that holds the record.
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let version: Int
}

/// Where a position is held: a party unit or an agency.
public struct PositionPlace: Sendable, Equatable {
    public let id: Int64
    public let isAgency: Bool
    public let code: String
    public let name: String
    /// The path that decides scope: the unit's, or the leading unit's for an agency.
    public let path: String
}

/// A position a cadre holds or held (INTERCHANGE.md positions.csv), as stored.
public struct PositionRecord: Sendable, Equatable {
    public let id: Int64
    public let cadreId: Int64
    public let place: PositionPlace
    public let title: String
    public let isHead: Bool
    public let startedOn: CivilDate
    /// The last day in the post; nil while held.
    public let endedOn: CivilDate?
    public let startKind: PositionStartKind?
    public let endKind: PositionEndKind?
    public let managedBy: ManagementLevel
    public let approvedOn: CivilDate?
    public let decisionId: Int64?
    public let endDecisionId: Int64?
    /// Set when the decision that made it was voided: kept, but no longer counts.
    public let voidedByDecisionId: Int64?

    /// Held on `date`: started on or before it, not ended before it, not voided.
    public func isHeld(on date: CivilDate) -> Bool {
        voidedByDecisionId == nil && startedOn <= date && (endedOn.map { $0 >= date } ?? true)
    }

    /// The position as the cadre rules take it (ToChucDomain `CadrePosition`).
    public var forRules: CadrePosition {
        CadrePosition(
            unit: (place.isAgency ? "a:" : "u:") + String(place.id), unitName: place.name, title: title, isHead: isHead,
            start: startedOn, end: endedOn)
    }

    /// "Bí thư — Đảng bộ xã An Bình": how decisions and history name the position.
    public var label: String { title + " — " + place.name }
}

/// One changed property of a position (old → new), what an approved decision did.
public struct DecisionChange: Sendable, Equatable, Codable {
    /// The position, as `PositionRecord.label` names it.
    public let position: String
    public let field: String
    public let old: String?
    public let new: String?

    public init(position: String, field: String, old: String?, new: String?) {
        self.position = position
        self.field = field
        self.old = old
        self.new = new
    }
}

/// A decision about a cadre (DOMAIN.md §3): a draft until approved; approved ones take effect on their date.
public struct CadreDecision: Sendable, Equatable {
    public let id: Int64
    public let cadreId: Int64
    public let cadreName: String
    public let kind: CadreDecisionKind
    public let status: CadreDecisionStatus
    public let decisionNo: String
    public let effectiveOn: CivilDate
    public let note: String?
    public let closesPositionId: Int64?
    /// The place of the position it opens (nil for decisions that only end one).
    public let openPlace: PositionPlace?
    public let openTitle: String?
    public let openManagedBy: ManagementLevel?
    /// The highest level that manages a position it touches: who may approve it.
    public let managedBy: ManagementLevel
    public let proposedBy: String
    public let proposedAt: String
    public let approvedOn: CivilDate?
    public let approvedBy: String?
    public let voidedAt: String?
    public let voidedBy: String?
    public let voidDecisionNo: String?
    public let voidNote: String?
    /// What approval changed (stored at approval); empty for drafts.
    public let changes: [DecisionChange]
    public let version: Int
}

/// A discipline recorded against a cadre.
public struct CadreDiscipline: Sendable, Equatable {
    public let id: Int64
    public let record: DisciplineRecord
    public let decisionNo: String
    public let note: String?
}

/// SQL for cadre work, used inside the services' reads and transactions.
enum CadreStore {
    // MARK: Agencies

    static let agencyColumns =
        "a.id, a.code, a.name, a.kind, a.version, pa.code AS parent_code, au.code AS unit_code, au.name AS unit_name, au.path AS unit_path"
    static let agencyFrom = "agencies a JOIN units au ON au.id = a.unit_id LEFT JOIN agencies pa ON pa.id = a.parent_id"

    static func agency(from row: any SQLRow) throws -> Agency {
        Agency(
            id: try row.decode(column: "id", as: Int64.self), code: try row.decode(column: "code", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            kind: AgencyKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .other,
            parentCode: try row.decode(column: "parent_code", as: String?.self), unitCode: try row.decode(column: "unit_code", as: String.self),
            unitName: try row.decode(column: "unit_name", as: String.self), unitPath: try row.decode(column: "unit_path", as: String.self),
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findAgency(_ sql: any SQLDatabase, code: String) async throws -> Agency? {
        try await sql.raw("SELECT \(unsafeRaw: agencyColumns) FROM \(unsafeRaw: agencyFrom) WHERE a.code = \(bind: code)").first().map(agency)
    }

    static func findAgency(_ sql: any SQLDatabase, id: Int64) async throws -> Agency? {
        try await sql.raw("SELECT \(unsafeRaw: agencyColumns) FROM \(unsafeRaw: agencyFrom) WHERE a.id = \(bind: id)").first().map(agency)
    }

    /// A party unit or an agency by its code (codes are unique across both).
    static func place(_ sql: any SQLDatabase, code: String) async throws -> PositionPlace? {
        if let unit = try await UnitStore.find(sql, code: code) {
            return PositionPlace(id: unit.id, isAgency: false, code: unit.code, name: unit.name, path: unit.path)
        }
        if let agency = try await findAgency(sql, code: code) {
            return PositionPlace(id: agency.id, isAgency: true, code: agency.code, name: agency.name, path: agency.unitPath)
        }
        return nil
    }

    // MARK: Cadres

    static let cadreColumns = """
        c.id, c.member_id, c.version, m.card_no, COALESCE(m.national_id, c.national_id) AS national_id,
        COALESCE(m.full_name, c.full_name) AS full_name, COALESCE(m.gender, c.gender) AS gender,
        COALESCE(m.birth_date, c.birth_date) AS birth_date, cu.code AS unit_code, cu.name AS unit_name, cu.path AS unit_path
        """
    static let cadreFrom = "cadres c JOIN units cu ON cu.id = c.unit_id LEFT JOIN members m ON m.id = c.member_id"
    static let cadreSortKey = "COALESCE(m.name_sort_key, c.name_sort_key)"
    static let cadreFolded = "COALESCE(m.name_folded, c.name_folded)"

    static func cadre(from row: any SQLRow) throws -> Cadre {
        Cadre(
            id: try row.decode(column: "id", as: Int64.self), memberId: try row.decode(column: "member_id", as: Int64?.self),
            cardNo: try row.decode(column: "card_no", as: String?.self), nationalId: try row.decode(column: "national_id", as: String?.self),
            fullName: try row.decode(column: "full_name", as: String.self),
            gender: Gender(rawValue: try row.decode(column: "gender", as: String.self)) ?? .male,
            birthDate: try row.decode(column: "birth_date", as: String?.self).flatMap { CivilDate(parsing: $0) },
            unitCode: try row.decode(column: "unit_code", as: String.self), unitName: try row.decode(column: "unit_name", as: String.self),
            unitPath: try row.decode(column: "unit_path", as: String.self), version: try row.decode(column: "version", as: Int.self))
    }

    static func findCadre(_ sql: any SQLDatabase, id: Int64) async throws -> Cadre? {
        try await sql.raw("SELECT \(unsafeRaw: cadreColumns) FROM \(unsafeRaw: cadreFrom) WHERE c.id = \(bind: id)").first().map(cadre)
    }

    /// Cadres whose record, or one of whose (non-voided) positions, lies in `[lower, upper)`.
    static func cadreInRange(_ range: (lower: String, upper: String)) -> SQLQueryString {
        """
        ((cu.path >= \(bind: range.lower) AND cu.path < \(bind: range.upper)) OR EXISTS (
            SELECT 1 FROM \(unsafeRaw: positionFrom) WHERE p.cadre_id = c.id AND p.voided_by_decision_id IS NULL
            AND \(unsafeRaw: placePath) >= \(bind: range.lower) AND \(unsafeRaw: placePath) < \(bind: range.upper)))
        """
    }

    /// Whether the principal sees the cadre: its record's unit, or a place where it holds or held a position.
    static func sees(_ sql: any SQLDatabase, _ principal: Principal, cadre: Cadre) async throws -> Bool {
        if principal.sees(path: cadre.unitPath) { return true }
        return try await positions(sql, cadreId: cadre.id).contains { $0.voidedByDecisionId == nil && principal.sees(path: $0.place.path) }
    }

    // MARK: Positions

    static let placePath = "COALESCE(pu.path, pau.path)"
    static let positionColumns = """
        p.*, COALESCE(pu.code, pa.code) AS place_code, COALESCE(pu.name, pa.name) AS place_name, COALESCE(pu.path, pau.path) AS place_path
        """
    static let placeJoins = "LEFT JOIN units pu ON pu.id = p.unit_id LEFT JOIN agencies pa ON pa.id = p.agency_id LEFT JOIN units pau ON pau.id = pa.unit_id"
    static let positionFrom = "positions p " + placeJoins

    /// A position `p` held in a unit of the path range or in an agency attached to one, found from the range's units
    /// (each engine then reads that subtree's positions by their unit or agency index) — not by reading every position
    /// of a period and its place's path: the national demo approves 105,000 in 2025, read for a commune's report too.
    /// PostgreSQL gets the ids as arrays: it cannot probe two indexes with `IN (subquery) OR IN (subquery)` and scanned
    /// every position instead (national demo: a commune's approvals 45 ms → 0.5 ms, a province's 49 → 9.5 ms).
    static func placeWithin(_ range: (lower: String, upper: String), on sql: any SQLDatabase) -> SQLQueryString {
        let units: SQLQueryString = "SELECT id FROM units WHERE path >= \(bind: range.lower) AND path < \(bind: range.upper)"
        let agencies: SQLQueryString = """
            SELECT a.id FROM agencies a JOIN units u ON u.id = a.unit_id WHERE u.path >= \(bind: range.lower) AND u.path < \(bind: range.upper)
            """
        if sql.dialect.name == "postgresql" {
            return "(p.unit_id = ANY (ARRAY(\(units))) OR p.agency_id = ANY (ARRAY(\(agencies))))"
        }
        return "(p.unit_id IN (\(units)) OR p.agency_id IN (\(agencies)))"
    }

    static func position(from row: any SQLRow) throws -> PositionRecord {
        func date(_ column: String) throws -> CivilDate? { try row.decode(column: column, as: String?.self).flatMap { CivilDate(parsing: $0) } }
        let agencyId = try row.decode(column: "agency_id", as: Int64?.self)
        let place = PositionPlace(
            id: try agencyId ?? row.decode(column: "unit_id", as: Int64.self), isAgency: agencyId != nil,
            code: try row.decode(column: "place_code", as: String.self), name: try row.decode(column: "place_name", as: String.self),
            path: try row.decode(column: "place_path", as: String.self))
        return PositionRecord(
            id: try row.decode(column: "id", as: Int64.self), cadreId: try row.decode(column: "cadre_id", as: Int64.self), place: place,
            title: try row.decode(column: "title", as: String.self), isHead: try row.decode(column: "is_head", as: Int.self) != 0,
            startedOn: try date("started_on") ?? UnitVersion.epoch, endedOn: try date("ended_on"),
            startKind: try row.decode(column: "start_kind", as: String?.self).flatMap(PositionStartKind.init(rawValue:)),
            endKind: try row.decode(column: "end_kind", as: String?.self).flatMap(PositionEndKind.init(rawValue:)),
            managedBy: ManagementLevel(rawValue: try row.decode(column: "managed_by", as: String.self)) ?? .base,
            approvedOn: try date("approved_on"), decisionId: try row.decode(column: "decision_id", as: Int64?.self),
            endDecisionId: try row.decode(column: "end_decision_id", as: Int64?.self),
            voidedByDecisionId: try row.decode(column: "voided_by_decision_id", as: Int64?.self))
    }

    static func positions(_ sql: any SQLDatabase, cadreId: Int64) async throws -> [PositionRecord] {
        try await positions(sql, cadreIds: [cadreId])[cadreId] ?? []
    }

    /// The positions of several cadres, by cadre, oldest first.
    static func positions(_ sql: any SQLDatabase, cadreIds: [Int64]) async throws -> [Int64: [PositionRecord]] {
        guard !cadreIds.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await sql.raw(
                "SELECT \(unsafeRaw: positionColumns) FROM \(unsafeRaw: positionFrom) WHERE p.cadre_id IN (\(idList(cadreIds))) ORDER BY p.started_on, p.id"
            ).all().map(position), by: \.cadreId)
    }

    /// Ids written into an `IN (…)` list: integers only, so nothing to bind (lists of hundreds stay one statement).
    static func idList(_ ids: [Int64]) -> SQLQueryString { SQLQueryString(ids.map { String($0) }.joined(separator: ", ")) }

    static func findPosition(_ sql: any SQLDatabase, id: Int64) async throws -> PositionRecord? {
        try await sql.raw("SELECT \(unsafeRaw: positionColumns) FROM \(unsafeRaw: positionFrom) WHERE p.id = \(bind: id)").first().map(position)
    }

    /// Inserts a position; returns its id.
    static func insertPosition(
        _ sql: any SQLDatabase, cadreId: Int64, place: PositionPlace, title: String, startedOn: CivilDate, endedOn: CivilDate?,
        startKind: PositionStartKind?, endKind: PositionEndKind?, managedBy: ManagementLevel, approvedOn: CivilDate?, decisionId: Int64?,
        importAuditId: Int64?
    ) async throws -> Int64 {
        let row = positionRow(
            cadreId: cadreId, place: place, title: title, startedOn: startedOn, endedOn: endedOn, startKind: startKind, endKind: endKind,
            managedBy: managedBy, approvedOn: approvedOn, decisionId: decisionId, importAuditId: importAuditId, now: Timestamp.now())
        return try await sql.raw(
            "INSERT INTO positions (\(unsafeRaw: positionInsertColumns.joined(separator: ", "))) VALUES (\(binds: row)) RETURNING id"
        ).first()!.decode(column: "id", as: Int64.self)
    }

    static let positionInsertColumns = [
        "cadre_id", "unit_id", "agency_id", "title", "is_head", "started_on", "ended_on", "start_kind", "end_kind", "managed_by", "approved_on",
        "decision_id", "import_audit_id", "created_at",
    ]

    /// The values of a new position, in the order of `positionInsertColumns` (one statement, or many rows in bulk).
    static func positionRow(
        cadreId: Int64, place: PositionPlace, title: String, startedOn: CivilDate, endedOn: CivilDate?, startKind: PositionStartKind?,
        endKind: PositionEndKind?, managedBy: ManagementLevel, approvedOn: CivilDate?, decisionId: Int64?, importAuditId: Int64?, now: String
    ) -> [SQLValue] {
        [
            .integer(cadreId), SQLValue(place.isAgency ? nil : place.id), SQLValue(place.isAgency ? place.id : nil), .text(title),
            .integer(CadreTitle.isHead(title) ? 1 : 0), .text(startedOn.iso), SQLValue(endedOn?.iso), SQLValue(startKind?.rawValue),
            SQLValue(endKind?.rawValue), .text(managedBy.rawValue), SQLValue(approvedOn?.iso), SQLValue(decisionId), SQLValue(importAuditId),
            .text(now),
        ]
    }

    static func positionAuditValues(_ p: PositionRecord) -> [String: String?] {
        [
            "title": p.title, "unit_code": p.place.code, "started_on": p.startedOn.iso, "ended_on": p.endedOn?.iso,
            "start_kind": p.startKind?.rawValue, "end_kind": p.endKind?.rawValue, "managed_by": p.managedBy.rawValue,
            "approved_on": p.approvedOn?.iso,
        ]
    }

    // MARK: Decisions

    static let decisionColumns = """
        d.*, COALESCE(m.full_name, c.full_name) AS cadre_name, COALESCE(du.code, da.code) AS open_code, COALESCE(du.name, da.name) AS open_name,
        COALESCE(du.path, dau.path) AS open_path
        """
    static let decisionFrom = """
        cadre_decisions d JOIN cadres c ON c.id = d.cadre_id LEFT JOIN members m ON m.id = c.member_id
        LEFT JOIN units du ON du.id = d.open_unit_id LEFT JOIN agencies da ON da.id = d.open_agency_id LEFT JOIN units dau ON dau.id = da.unit_id
        """

    static func decision(from row: any SQLRow) throws -> CadreDecision {
        func text(_ column: String) throws -> String? { try row.decode(column: column, as: String?.self) }
        func date(_ column: String) throws -> CivilDate? { try text(column).flatMap { CivilDate(parsing: $0) } }
        var openPlace: PositionPlace? = nil
        if let code = try text("open_code") {
            let agencyId = try row.decode(column: "open_agency_id", as: Int64?.self)
            openPlace = PositionPlace(
                id: try agencyId ?? row.decode(column: "open_unit_id", as: Int64.self), isAgency: agencyId != nil, code: code,
                name: try text("open_name") ?? "", path: try text("open_path") ?? "")
        }
        let changes = try text("changes").flatMap { try? JSONDecoder().decode([DecisionChange].self, from: Data($0.utf8)) } ?? []
        return CadreDecision(
            id: try row.decode(column: "id", as: Int64.self), cadreId: try row.decode(column: "cadre_id", as: Int64.self),
            cadreName: try text("cadre_name") ?? "",
            kind: CadreDecisionKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .appointment,
            status: CadreDecisionStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .draft,
            decisionNo: try row.decode(column: "decision_no", as: String.self), effectiveOn: try date("effective_on") ?? UnitVersion.epoch,
            note: try text("note"), closesPositionId: try row.decode(column: "closes_position_id", as: Int64?.self), openPlace: openPlace,
            openTitle: try text("open_title"), openManagedBy: try text("open_managed_by").flatMap(ManagementLevel.init(rawValue:)),
            managedBy: ManagementLevel(rawValue: try row.decode(column: "managed_by", as: String.self)) ?? .base,
            proposedBy: try row.decode(column: "proposed_by", as: String.self), proposedAt: try row.decode(column: "proposed_at", as: String.self),
            approvedOn: try date("approved_on"), approvedBy: try text("approved_by"), voidedAt: try text("voided_at"),
            voidedBy: try text("voided_by"), voidDecisionNo: try text("void_decision_no"), voidNote: try text("void_note"), changes: changes,
            version: try row.decode(column: "version", as: Int.self))
    }

    static func findDecision(_ sql: any SQLDatabase, id: Int64) async throws -> CadreDecision? {
        try await sql.raw("SELECT \(unsafeRaw: decisionColumns) FROM \(unsafeRaw: decisionFrom) WHERE d.id = \(bind: id)").first().map(decision)
    }

    static func decisions(_ sql: any SQLDatabase, cadreId: Int64) async throws -> [CadreDecision] {
        try await decisions(sql, cadreIds: [cadreId])[cadreId] ?? []
    }

    /// The decisions about several cadres, by cadre, by effective date.
    static func decisions(_ sql: any SQLDatabase, cadreIds: [Int64]) async throws -> [Int64: [CadreDecision]] {
        guard !cadreIds.isEmpty else { return [:] }
        return Dictionary(
            grouping: try await sql.raw(
                "SELECT \(unsafeRaw: decisionColumns) FROM \(unsafeRaw: decisionFrom) WHERE d.cadre_id IN (\(idList(cadreIds))) ORDER BY d.effective_on, d.id"
            ).all().map(decision), by: \.cadreId)
    }

    // MARK: Discipline

    static func disciplines(_ sql: any SQLDatabase, cadreId: Int64) async throws -> [CadreDiscipline] {
        try await disciplines(sql, cadreIds: [cadreId])[cadreId] ?? []
    }

    /// The discipline records of several cadres, by cadre, oldest first.
    static func disciplines(_ sql: any SQLDatabase, cadreIds: [Int64]) async throws -> [Int64: [CadreDiscipline]] {
        guard !cadreIds.isEmpty else { return [:] }
        var out: [Int64: [CadreDiscipline]] = [:]
        for row in try await sql.raw("SELECT * FROM cadre_disciplines WHERE cadre_id IN (\(idList(cadreIds))) ORDER BY decided_on, id").all() {
            guard let level = DisciplineLevel(rawValue: try row.decode(column: "level", as: String.self)),
                let date = CivilDate(parsing: try row.decode(column: "decided_on", as: String.self))
            else { continue }
            out[try row.decode(column: "cadre_id", as: Int64.self), default: []].append(
                CadreDiscipline(
                    id: try row.decode(column: "id", as: Int64.self), record: DisciplineRecord(level: level, decidedOn: date),
                    decisionNo: try row.decode(column: "decision_no", as: String.self), note: try row.decode(column: "note", as: String?.self)))
        }
        return out
    }

    // MARK: Levels

    /// The management level of the principal's own unit (the command line acts for the Centre).
    static func level(_ sql: any SQLDatabase, of principal: Principal) async throws -> ManagementLevel {
        if principal.isRootScope { return .central }
        let kind = try await sql.raw("SELECT kind FROM units WHERE id = \(bind: principal.unitId)").first()?.decode(column: "kind", as: String.self)
        return kind.flatMap(UnitKind.init(rawValue:)).map(ManagementLevel.of) ?? .base
    }
}
