import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// `agencies.csv` and `positions.csv` (INTERCHANGE.md; docs/interchange.md): all or nothing, every wrong row named,
/// idempotent, one audit entry per file imported.
enum CadreImport {
    typealias Counts = (created: Int, updated: Int, unchanged: Int)

    static func header(_ records: [CSV.Record], columns: [InterchangeColumn], file: String) throws -> [String: Int]? {
        guard let header = records.first else { return nil }
        switch HeaderMapping.map(header: header.fields, columns: columns, file: file, line: header.line) {
        case .success(let map): return map
        case .failure(let failure): throw failure
        }
    }

    /// The audit entry of one file's import (the records it creates refer to it); returns its id.
    static func recordImport(
        _ sql: any SQLDatabase, principal: Principal, file: String, source: (name: String, hash: String), rows: Int, created: Int, updated: Int
    ) async throws -> Int64 {
        try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: ["file": file, "sha256": source.hash, "rows": String(rows), "created": String(created), "updated": String(updated)])
    }

    static func sorted(_ problems: [ImportProblem]) -> ImportFailure {
        ImportFailure(problems: problems.sorted { ($0.line ?? 0, $0.column ?? "") < ($1.line ?? 0, $1.column ?? "") })
    }

    // MARK: - agencies.csv

    static func importAgencies(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String)
    ) async throws -> Counts {
        let file = AgenciesFile.fileName
        guard let index = try header(records, columns: AgenciesFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        var problems: [ImportProblem] = []
        var rows: [(line: Int, agency: ValidAgency)] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            let draft = AgencyDraft(code: cell("code"), name: cell("name"), kind: cell("kind"), parentCode: cell("parent_code"), unitCode: cell("unit_code"))
            switch AgencyRules.check(draft) {
            case .failure(.invalid(_, let errors)):
                problems += errors.map { ImportProblem(file: file, line: record.line, column: $0.field, reason: $0.message) }
            case .failure(let error):
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: error.message))
            case .success(let agency):
                if let first = firstLine[agency.code] {
                    problems.append(ImportProblem(file: file, line: record.line, column: "code", reason: Catalogue.importDuplicateKey(agency.code, firstLine: first)))
                    continue
                }
                firstLine[agency.code] = record.line
                rows.append((record.line, agency))
            }
        }
        let inFile = Dictionary(uniqueKeysWithValues: rows.map { ($0.agency.code, $0.agency) })
        var existing: [String: Agency] = [:]
        var units: [String: OrgUnit] = [:]
        for (line, agency) in rows {
            if let unit = try await UnitStore.find(sql, code: agency.unitCode), principal.sees(path: unit.path) {
                units[unit.code] = unit
            } else {
                problems.append(ImportProblem(file: file, line: line, column: "unit_code", reason: Catalogue.parentNotFound(agency.unitCode)))
            }
            if try await UnitStore.find(sql, code: agency.code) != nil {
                problems.append(ImportProblem(file: file, line: line, column: "code", reason: Catalogue.agencyCodeTaken))
            }
            if let found = try await CadreStore.findAgency(sql, code: agency.code) {
                if principal.sees(path: found.unitPath) {
                    existing[found.code] = found
                } else {
                    problems.append(ImportProblem(file: file, line: line, column: "code", reason: Catalogue.agencyCodeTaken))
                }
            }
            if let parent = agency.parentCode, inFile[parent] == nil {
                if let found = try await CadreStore.findAgency(sql, code: parent), principal.sees(path: found.unitPath) {
                    existing[found.code] = found
                } else {
                    problems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.parentNotFound(parent)))
                }
            }
        }
        // Cycles: follow each parent chain through the file and the database.
        for (line, agency) in rows {
            var seen: Set<String> = [agency.code]
            var next = agency.parentCode
            while let code = next {
                if !seen.insert(code).inserted {
                    problems.append(ImportProblem(file: file, line: line, column: "parent_code", reason: Catalogue.cycle))
                    break
                }
                next = inFile[code].map(\.parentCode) ?? existing[code]?.parentCode
            }
        }
        if !problems.isEmpty { throw sorted(problems) }
        // Parents first.
        var depth: [String: Int] = [:]
        func depthOf(_ code: String) -> Int {
            if let d = depth[code] { return d }
            let d = inFile[code]?.parentCode.flatMap { inFile[$0] != nil ? depthOf($0) + 1 : nil } ?? 0
            depth[code] = d
            return d
        }
        let ordered = rows.sorted { (depthOf($0.agency.code), $0.line) < (depthOf($1.agency.code), $1.line) }
        var unchanged = 0
        var work: [ValidAgency] = []
        for (_, agency) in ordered {
            if let current = existing[agency.code], current.auditValues == agency.auditValues { unchanged += 1 } else { work.append(agency) }
        }
        if work.isEmpty { return (0, 0, unchanged) }
        let auditId = try await AuditLog.append(
            sql, actor: principal.actor, address: principal.address, action: "import", entity: "dataset", key: source.name,
            unitPath: principal.unitPath, old: nil,
            new: ["file": file, "sha256": source.hash, "rows": String(records.count - 1)])
        var created = 0
        var updated = 0
        let now = Timestamp.now()
        for agency in work {
            let parentId = try await agency.parentCode.asyncFlatMap { try await CadreStore.findAgency(sql, code: $0)?.id }
            let unitId = units[agency.unitCode]!.id
            if let current = existing[agency.code] {
                try await sql.raw(
                    """
                    UPDATE agencies SET name = \(bind: agency.name), name_folded = \(bind: VietnameseText.fold(agency.name)), kind = \(bind: agency.kind.rawValue),
                        parent_id = \(bind: parentId), unit_id = \(bind: unitId), version = version + 1, updated_at = \(bind: now)
                    WHERE id = \(bind: current.id)
                    """
                ).run()
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: "agency", key: agency.code,
                    unitPath: units[agency.unitCode]!.path, old: current.auditValues,
                    new: agency.auditValues.merging(["import": String(auditId)]) { $1 })
                updated += 1
            } else {
                try await sql.raw(
                    """
                    INSERT INTO agencies (code, name, name_folded, kind, parent_id, unit_id, version, created_at, updated_at, import_audit_id)
                    VALUES (\(bind: agency.code), \(bind: agency.name), \(bind: VietnameseText.fold(agency.name)), \(bind: agency.kind.rawValue),
                        \(bind: parentId), \(bind: unitId), 1, \(bind: now), \(bind: now), \(bind: auditId))
                    """
                ).run()
                created += 1
            }
        }
        return (created, updated, unchanged)
    }

    /// The rows of `agencies.csv` for the principal's subtree, parents first; header first.
    static func agencyRows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let agencies = try await sql.raw(
            """
            SELECT \(unsafeRaw: CadreStore.agencyColumns) FROM \(unsafeRaw: CadreStore.agencyFrom)
            WHERE au.path >= \(bind: range.lower) AND au.path < \(bind: range.upper) ORDER BY a.code
            """
        ).all().map(CadreStore.agency)
        let codes = Set(agencies.map(\.code))
        return [AgenciesFile.columns.map(\.name)]
            + AgencyService.treeOrder(agencies).map { row in
                let a = row.agency
                return [a.code, a.name, a.kind.rawValue, a.parentCode.flatMap { codes.contains($0) ? $0 : nil } ?? "", a.unitCode]
            }
    }

    // MARK: - positions.csv

    /// Who a row is about.
    enum Person {
        /// A cadre record that exists.
        case cadre(Int64)
        /// A member without a cadre record yet.
        case member(Member)
        /// A person not in the register: a cadre record is made from the row.
        case newPerson(CadreDraft)

        var key: String {
            switch self {
            case .cadre(let id): return "cadre:\(id)"
            case .member(let m): return "member:\(m.id)"
            case .newPerson(let d): return "nid:" + d.nationalId
            }
        }
    }

    static func importPositions(
        _ sql: any SQLDatabase, principal: Principal, records: [CSV.Record], source: (name: String, hash: String)
    ) async throws -> Counts {
        let file = PositionsFile.fileName
        guard let index = try header(records, columns: PositionsFile.columns, file: file) else { return (0, 0, 0) }
        let width = records[0].fields.count
        let level = try await CadreStore.level(sql, of: principal)
        var problems: [ImportProblem] = []
        var places: [String: PositionPlace?] = [:]
        var rows: [(line: Int, person: Person, place: PositionPlace, position: ValidPosition)] = []
        var firstLine: [String: Int] = [:]
        for record in records.dropFirst() {
            if record.fields.count != width {
                problems.append(ImportProblem(file: file, line: record.line, column: nil, reason: Catalogue.importWrongFieldCount(record.fields.count, width)))
                continue
            }
            func cell(_ name: String) -> String { index[name].map { record.fields[$0].trimmed } ?? "" }
            func problem(_ column: String?, _ reason: Localized) { problems.append(ImportProblem(file: file, line: record.line, column: column, reason: reason)) }
            var draft = PositionDraft()
            draft.title = cell("title")
            draft.startedOn = cell("started_on")
            draft.endedOn = cell("ended_on")
            draft.startKind = cell("start_kind")
            draft.endKind = cell("end_kind")
            draft.managedBy = cell("managed_by")
            draft.approvedOn = cell("approved_on")
            var position: ValidPosition? = nil
            switch PositionRules.check(draft) {
            case .success(let valid): position = valid
            case .failure(.invalid(_, let errors)): for e in errors { problem(e.field, e.message) }
            case .failure(let error): problem(nil, error.message)
            }
            if let position, !ManagementLevel.mayApprove(managedBy: position.managedBy, approver: level) {
                problem("managed_by", Catalogue.changeNeedsLevel(position.managedBy))
            }
            let code = cell("unit_code")
            if places[code] == nil { places[code] = .some(try await CadreStore.place(sql, code: code)) }
            let place = (places[code] ?? nil).flatMap { principal.sees(path: $0.path) ? $0 : nil }
            if place == nil { problem("unit_code", Catalogue.placeNotFound) }
            let person = try await Self.person(sql, principal: principal, cell: cell, place: place, problem: problem)
            guard let position, let place, let person else { continue }
            let key = [person.key, place.code, position.title, position.startedOn.iso].joined(separator: "|")
            if let first = firstLine[key] {
                problem("started_on", Catalogue.importDuplicateKey(position.title + " " + position.startedOn.iso, firstLine: first))
                continue
            }
            firstLine[key] = record.line
            rows.append((record.line, person, place, position))
        }
        if !problems.isEmpty { throw sorted(problems) }
        // Existing positions of known cadres, by (place, title, start).
        var existing: [String: PositionRecord] = [:]
        let known = Set(rows.compactMap { row -> Int64? in if case .cadre(let id) = row.person { return id } else { return nil } })
        for id in known {
            for p in try await CadreStore.positions(sql, cadreId: id) where p.voidedByDecisionId == nil {
                existing[["cadre:\(id)", p.place.code, p.title, p.startedOn.iso].joined(separator: "|")] = p
            }
        }
        var unchanged = 0
        var fresh: [(person: Person, place: PositionPlace, position: ValidPosition)] = []
        var changes: [(current: PositionRecord, position: ValidPosition)] = []
        for row in rows {
            let key = [row.person.key, row.place.code, row.position.title, row.position.startedOn.iso].joined(separator: "|")
            if let current = existing[key] {
                let same = current.endedOn == row.position.endedOn && current.startKind == row.position.startKind
                    && current.endKind == row.position.endKind && current.managedBy == row.position.managedBy
                    && current.approvedOn == row.position.approvedOn
                if same { unchanged += 1 } else { changes.append((current, row.position)) }
            } else {
                fresh.append((row.person, row.place, row.position))
            }
        }
        if fresh.isEmpty && changes.isEmpty { return (0, 0, unchanged) }
        let auditId = try await recordImport(
            sql, principal: principal, file: file, source: source, rows: records.count - 1, created: fresh.count, updated: changes.count)
        // The people first, then their positions in bulk. Inserted one by one among new cadres, each position's check
        // of its cadre ran on PostgreSQL by the plan kept from when `cadres` had been vacuumed empty: a scan of the table,
        // which grew with the import (the national demo's 203,725 positions took over 25 minutes). See `Statistics`.
        var cadreIds: [String: Int64] = [:]
        var createdCadres = 0
        for (person, place, _) in fresh where cadreIds[person.key] == nil {
            switch person {
            case .cadre(let id):
                cadreIds[person.key] = id
                continue
            case .member(let member):
                var draft = CadreDraft()
                draft.memberNumber = member.record.cardNo ?? member.record.nationalId ?? ""
                cadreIds[person.key] = try await CadreService.create(sql, principal: principal, draft, importAuditId: auditId).id
            case .newPerson(var draft):
                if draft.unitCode.isEmpty { draft.unitCode = try await homeUnit(sql, place) }
                cadreIds[person.key] = try await CadreService.create(sql, principal: principal, draft, importAuditId: auditId).id
            }
            createdCadres += 1
        }
        if createdCadres >= Statistics.bulkRows { try await Statistics.refresh(sql, tables: ["cadres"]) }
        let now = Timestamp.now()
        let positionRows = fresh.map { person, place, position in
            CadreStore.positionRow(
                cadreId: cadreIds[person.key]!, place: place, title: position.title, startedOn: position.startedOn, endedOn: position.endedOn,
                startKind: position.startKind, endKind: position.endKind, managedBy: position.managedBy, approvedOn: position.approvedOn,
                decisionId: nil, importAuditId: auditId, now: now)
        }
        try await BulkInsert.insert(sql, table: "positions", columns: CadreStore.positionInsertColumns, rows: positionRows)
        for (current, position) in changes {
            try await sql.raw(
                """
                UPDATE positions SET ended_on = \(bind: position.endedOn?.iso), start_kind = \(bind: position.startKind?.rawValue),
                    end_kind = \(bind: position.endKind?.rawValue), managed_by = \(bind: position.managedBy.rawValue), approved_on = \(bind: position.approvedOn?.iso)
                WHERE id = \(bind: current.id)
                """
            ).run()
            let updated = try await CadreStore.findPosition(sql, id: current.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: "position", key: String(current.id),
                unitPath: current.place.path, old: CadreStore.positionAuditValues(current),
                new: CadreStore.positionAuditValues(updated).merging(["import": String(auditId)]) { $1 })
        }
        return (fresh.count, changes.count, unchanged)
    }

    /// The party unit whose subtree holds a new non-member's record: the place's unit, or the agency's leading unit.
    static func homeUnit(_ sql: any SQLDatabase, _ place: PositionPlace) async throws -> String {
        if !place.isAgency { return place.code }
        return try await CadreStore.findAgency(sql, id: place.id)?.unitCode ?? ""
    }

    /// Finds the person of a row: a member by card number or national ID, a non-member cadre by national ID, or a new
    /// person described by the row's name, gender and birth date.
    static func person(
        _ sql: any SQLDatabase, principal: Principal, cell: (String) -> String, place: PositionPlace?,
        problem: (String?, Localized) -> Void
    ) async throws -> Person? {
        let card = cell("card_no")
        let nid = cell("national_id")
        if card.isEmpty && nid.isEmpty {
            problem("national_id", Catalogue.importPersonMissing)
            return nil
        }
        for number in [card, nid] where !number.isEmpty {
            if let member = try await CadreService.member(sql, number: number), principal.sees(path: member.unitPath) {
                if let id = try await sql.raw("SELECT id FROM cadres WHERE member_id = \(bind: member.id)").first()?.decode(column: "id", as: Int64.self) {
                    return .cadre(id)
                }
                return .member(member)
            }
        }
        // A non-member already recorded (the row's place lies in scope, so the position makes the cadre visible).
        if !nid.isEmpty, let id = try await sql.raw("SELECT id FROM cadres WHERE national_id = \(bind: nid)").first()?.decode(column: "id", as: Int64.self) {
            return .cadre(id)
        }
        let name = cell("full_name")
        guard !nid.isEmpty, !name.isEmpty else {
            problem(card.isEmpty ? "national_id" : "card_no", Catalogue.importPersonNotFound(card.isEmpty ? nid : card))
            return nil
        }
        var draft = CadreDraft()
        draft.fullName = name
        draft.gender = cell("gender")
        draft.birthDate = cell("birth_date")
        draft.nationalId = nid
        let gender = Gender.parse(draft.gender)
        let birth = CivilDate(parsing: draft.birthDate)
        var ok = true
        if gender == nil { problem("gender", Catalogue.unknownValue(draft.gender)); ok = false }
        if birth == nil { problem("birth_date", Catalogue.invalidDate(draft.birthDate)); ok = false }
        for message in NationalID.problems(nid, birthDate: birth, gender: gender) { problem("national_id", message); ok = false }
        return ok ? .newPerson(draft) : nil
    }

    /// The rows of `positions.csv` for places in the principal's subtree (voided positions left out); header first.
    /// Members are named by card number and national ID; others by national ID with their name, gender and birth date.
    static func positionRows(_ sql: any SQLDatabase, principal: Principal) async throws -> [[String]] {
        let range = principal.pathRange
        let rows = try await sql.raw(
            """
            SELECT \(unsafeRaw: CadreStore.positionColumns), c.member_id, c.national_id AS c_nid, c.full_name AS c_name, c.gender AS c_gender,
                c.birth_date AS c_birth, m.card_no AS m_card, m.national_id AS m_nid
            FROM \(unsafeRaw: CadreStore.positionFrom) JOIN cadres c ON c.id = p.cadre_id LEFT JOIN members m ON m.id = c.member_id
            WHERE p.voided_by_decision_id IS NULL AND \(unsafeRaw: CadreStore.placePath) >= \(bind: range.lower)
            AND \(unsafeRaw: CadreStore.placePath) < \(bind: range.upper)
            ORDER BY p.cadre_id, p.started_on, p.id
            """
        ).all()
        var out = [PositionsFile.columns.map(\.name)]
        for row in rows {
            let p = try CadreStore.position(from: row)
            let isMember = try row.decode(column: "member_id", as: Int64?.self) != nil
            func text(_ c: String) throws -> String { try row.decode(column: c, as: String?.self) ?? "" }
            out.append([
                isMember ? try text("m_nid") : try text("c_nid"), isMember ? try text("m_card") : "", p.place.code, p.title, p.startedOn.iso,
                p.endedOn?.iso ?? "", p.startKind?.rawValue ?? "", p.endKind?.rawValue ?? "", p.managedBy.rawValue, p.approvedOn?.iso ?? "",
                isMember ? "" : try text("c_name"), isMember ? "" : try text("c_gender"), isMember ? "" : try text("c_birth"),
            ])
        }
        return out
    }
}
