import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A recorded lifecycle event, as listed on the member page.
public struct MemberEventRecord: Sendable, Equatable {
    public let id: Int64
    public let kind: MemberEventKind
    public let effectiveOn: CivilDate
    public let decisionNo: String?
    public let fromUnit: String?
    public let toUnit: String?
    public let destination: String?
    public let note: String?
    public let actor: String
    /// For a re-admission: the first admission's date, which party age counts from (`PartyHistory`).
    public let previousAdmittedOn: CivilDate?
}

/// What a user asks to record.
public struct MemberEventInput: Sendable, Equatable {
    public var kind: MemberEventKind
    public var effectiveOn: CivilDate
    public var decisionNo: String
    public var toUnitCode: String = ""
    public var destination: String = ""
    public var note: String = ""

    public init(kind: MemberEventKind, effectiveOn: CivilDate, decisionNo: String, toUnitCode: String = "", destination: String = "", note: String = "") {
        self.kind = kind
        self.effectiveOn = effectiveOn
        self.decisionNo = decisionNo
        self.toUnitCode = toUnitCode
        self.destination = destination
        self.note = note
    }
}

extension MemberService {
    /// Records a lifecycle event (DOMAIN.md §2): the member's status, unit and dates follow from it, in one transaction
    /// with its audit entry. Refused when the event does not fit the member's status or dates.
    public func recordEvent(_ principal: Principal, memberId: Int64, _ input: MemberEventInput, today: CivilDate = Timestamp.vietnamDate())
        async throws -> Member
    {
        try await db.write { sql in
            guard let current = try await MemberStore.find(sql, id: memberId), principal.sees(path: current.unitPath) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            try principal.requireWrite()
            var errors: [FieldError] = []
            if !MemberEventKind.allowed(for: current.record.status).contains(input.kind) {
                errors.append(FieldError("kind", Catalogue.eventNotAllowed(input.kind, current.record.status)))
            }
            if let message = RestructureRules.checkDecision(input.decisionNo) { errors.append(FieldError("decision_no", message)) }
            if input.effectiveOn > today { errors.append(FieldError("effective_on", Catalogue.dateInFuture)) }
            if let admitted = current.record.admittedOn, input.effectiveOn < admitted, input.kind != .readmitted {
                errors.append(FieldError("effective_on", Catalogue.eventBeforeAdmission))
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
            let date = input.effectiveOn.iso
            var toUnit: OrgUnit? = nil
            switch input.kind {
            case .transferWithin:
                let unit = try await Self.memberUnit(sql, principal: principal, code: input.toUnitCode.trimmed)
                toUnit = unit
                try await sql.raw(
                    "UPDATE members SET unit_id = \(bind: unit.id), unit_path = \(bind: unit.path), temporary_unit_id = NULL WHERE id = \(bind: memberId)"
                ).run()
            case .transferTemporary:
                // The holding unit may lie anywhere in the register (a member studying in another province).
                guard let unit = try await UnitStore.find(sql, code: input.toUnitCode.trimmed), [.cell, .base, .subBase].contains(unit.kind) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("to_unit", Catalogue.unitNotFound)])
                }
                toUnit = unit
                try await sql.raw("UPDATE members SET temporary_unit_id = \(bind: unit.id) WHERE id = \(bind: memberId)").run()
            case .returnFromTemporary:
                let away = try await sql.raw("SELECT temporary_unit_id FROM members WHERE id = \(bind: memberId)").first()?
                    .decode(column: "temporary_unit_id", as: Int64?.self) ?? nil
                if away == nil { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.notTemporarilyAway)]) }
                try await sql.raw("UPDATE members SET temporary_unit_id = NULL WHERE id = \(bind: memberId)").run()
            case .exempt:
                try await sql.raw("UPDATE members SET status = 'exempt' WHERE id = \(bind: memberId)").run()
            case .transferOut, .expelled, .removed, .resigned, .deceased:
                try await sql.raw(
                    "UPDATE members SET status = \(bind: input.kind.resultingStatus!.rawValue), left_on = \(bind: date), temporary_unit_id = NULL WHERE id = \(bind: memberId)"
                ).run()
            case .readmitted:
                try await sql.raw(
                    "UPDATE members SET status = 'probationary', admitted_on = \(bind: date), recognized_on = NULL, left_on = NULL WHERE id = \(bind: memberId)"
                ).run()
            }
            try await sql.raw("UPDATE members SET version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: memberId)").run()
            let fromUnitId = try await UnitStore.find(sql, code: current.record.unitCode)?.id
            try await sql.raw(
                """
                INSERT INTO member_events (member_id, kind, effective_on, decision_no, from_unit_id, to_unit_id, destination, note, actor, created_at,
                                           previous_admitted_on)
                VALUES (\(bind: memberId), \(bind: input.kind.rawValue), \(bind: date), \(bind: input.decisionNo.trimmed), \(bind: fromUnitId),
                        \(bind: toUnit?.id), \(bind: input.destination.trimmed.isEmpty ? nil : input.destination.trimmed),
                        \(bind: input.note.trimmed.isEmpty ? nil : input.note.trimmed), \(bind: principal.actor), \(bind: Timestamp.now()),
                        \(bind: input.kind == .readmitted ? current.record.admittedOn?.iso : nil))
                """
            ).run()
            let updated = try await MemberStore.find(sql, id: memberId)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: input.kind.rawValue, entity: "member", key: String(memberId),
                unitPath: updated.unitPath, old: current.record.auditValues.merging(["version": String(current.version)]) { $1 },
                new: updated.record.auditValues.merging([
                    "version": String(updated.version), "decision_no": input.decisionNo.trimmed, "effective_on": date,
                    "to_unit": toUnit?.code, "destination": input.destination.trimmed.isEmpty ? nil : input.destination.trimmed,
                ]) { $1 })
            return updated
        }
    }

    public func events(_ principal: Principal, memberId: Int64) async throws -> [MemberEventRecord] {
        try await events(principal, member: try await get(principal, id: memberId))
    }

    /// The events of a member the caller already read with `get`.
    public func events(_ principal: Principal, member: Member) async throws -> [MemberEventRecord] {
        try Self.requireSees(principal, member)
        let memberId = member.id
        return try await db.read { sql in try await Self.events(sql, memberId: memberId) }
    }

    /// A member's events in the order they took effect.
    static func events(_ sql: any SQLDatabase, memberId: Int64) async throws -> [MemberEventRecord] {
        try await sql.raw(
            """
            SELECT e.*, f.code AS from_code, t.code AS to_code FROM member_events e
            LEFT JOIN units f ON f.id = e.from_unit_id LEFT JOIN units t ON t.id = e.to_unit_id
            WHERE e.member_id = \(bind: memberId) ORDER BY e.effective_on, e.id
            """
        ).all().map { row in
            MemberEventRecord(
                id: try row.decode(column: "id", as: Int64.self),
                kind: MemberEventKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .transferWithin,
                effectiveOn: CivilDate(parsing: try row.decode(column: "effective_on", as: String.self)) ?? UnitVersion.epoch,
                decisionNo: try row.decode(column: "decision_no", as: String?.self), fromUnit: try row.decode(column: "from_code", as: String?.self),
                toUnit: try row.decode(column: "to_code", as: String?.self), destination: try row.decode(column: "destination", as: String?.self),
                note: try row.decode(column: "note", as: String?.self), actor: try row.decode(column: "actor", as: String.self),
                previousAdmittedOn: try row.decode(column: "previous_admitted_on", as: String?.self).flatMap { CivilDate(parsing: $0) })
        }
    }

    /// Members of the subtree who live their party life elsewhere for now (temporary transfers).
    public func temporarilyAway(_ principal: Principal) async throws -> [(member: Member, heldBy: String)] {
        let range = principal.pathRange
        return try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns), h.name AS held_by FROM \(unsafeRaw: MemberStore.from) JOIN units h ON h.id = m.temporary_unit_id
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) ORDER BY m.name_sort_key LIMIT 5000
                """
            ).all().map { (try MemberStore.member(from: $0), try $0.decode(column: "held_by", as: String.self)) }
        }
    }
}
