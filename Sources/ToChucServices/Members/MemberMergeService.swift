import SQLKit
import ToChucDomain
import ToChucStorage

extension MemberService {
    /// What a merge of two records would give, without storing anything (the confirmation page shows it).
    public func mergePreview(_ principal: Principal, keep keepId: Int64, duplicate duplicateId: Int64) async throws
        -> (keep: Member, duplicate: Member, merged: MemberDraft)
    {
        guard keepId != duplicateId else { throw DomainError.invalid(Catalogue.mergeRefused, [FieldError("duplicate", Catalogue.mergeSelf)]) }
        let keep = try await get(principal, id: keepId)
        let duplicate = try await get(principal, id: duplicateId)
        let merged = try MemberMerge.merged(keep: keep.draft, duplicate: duplicate.draft).get()
        return (keep, duplicate, merged)
    }

    /// Merges a duplicate into the record kept (data cleaning, DOMAIN.md §2), both still at the versions the user saw:
    /// the kept record takes what it lacks, the duplicate's events and admission case move to it, the duplicate is
    /// deleted. The audit log keeps both sides: a `merge` entry on the kept record and a `delete` entry with every
    /// value of the duplicate.
    public func merge(
        _ principal: Principal, keep keepId: Int64, keepVersion: Int, duplicate duplicateId: Int64, duplicateVersion: Int,
        today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> Member {
        try principal.requireWrite()
        guard keepId != duplicateId else { throw DomainError.invalid(Catalogue.mergeRefused, [FieldError("duplicate", Catalogue.mergeSelf)]) }
        return try await db.write { sql in
            guard let keep = try await MemberStore.find(sql, id: keepId), principal.sees(path: keep.unitPath),
                let duplicate = try await MemberStore.find(sql, id: duplicateId), principal.sees(path: duplicate.unitPath)
            else { throw DomainError.notFound(Catalogue.memberNotFound) }
            if keep.version != keepVersion { throw try await Self.conflict(sql, current: keep, baseVersion: keepVersion) }
            if duplicate.version != duplicateVersion { throw try await Self.conflict(sql, current: duplicate, baseVersion: duplicateVersion) }
            let draft = try MemberMerge.merged(keep: keep.draft, duplicate: duplicate.draft).get()
            let valid = try MemberRules.check(draft, today: today, strict: false).get()
            // The duplicate goes first, so that its card number and ID may pass to the kept record.
            try await sql.raw("UPDATE member_events SET member_id = \(bind: keep.id) WHERE member_id = \(bind: duplicate.id)").run()
            let keptCase = try await sql.raw("SELECT member_id FROM admission_cases WHERE member_id = \(bind: keep.id)").first()
            if keptCase == nil {
                try await sql.raw("UPDATE admission_cases SET member_id = \(bind: keep.id) WHERE member_id = \(bind: duplicate.id)").run()
            } else {
                try await sql.raw("DELETE FROM admission_cases WHERE member_id = \(bind: duplicate.id)").run()
            }
            // The duplicate's photo passes to the kept record when that has none.
            if try await sql.raw("SELECT member_id FROM member_photos WHERE member_id = \(bind: keep.id)").first() == nil {
                try await sql.raw("UPDATE member_photos SET member_id = \(bind: keep.id) WHERE member_id = \(bind: duplicate.id)").run()
            }
            try await sql.raw("DELETE FROM member_photos WHERE member_id = \(bind: duplicate.id)").run()
            try await MemberSearchIndex.remove(sql, memberId: duplicate.id)
            try await CadreService.followMerge(sql, principal: principal, keep: keep.id, duplicate: duplicate.id)
            try await VettingService.followMemberMerge(sql, keep: keep.id, duplicate: duplicate.id)
            try await EvaluationService.followMerge(sql, kind: .member, keep: keep.id, duplicate: duplicate.id)
            try await TrainingService.followMerge(sql, keep: keep.id, duplicate: duplicate.id)
            try await MeetingService.followMemberMerge(sql, keep: keep.id, duplicate: duplicate.id)
            try await sql.raw("DELETE FROM members WHERE id = \(bind: duplicate.id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "delete", entity: "member", key: String(duplicate.id),
                unitPath: duplicate.unitPath, old: duplicate.record.auditValues, new: ["merged_into": String(keep.id)])
            let unit = try await Self.memberUnit(sql, principal: principal, code: valid.unitCode)
            let assignments = MemberStore.assignments(valid, unitId: unit.id, unitPath: unit.path)
            try await sql.raw(
                "UPDATE members SET \(assignments), version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: keep.id)"
            ).run()
            let updated = try await MemberStore.find(sql, id: keep.id)!
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "merge", entity: "member", key: String(keep.id),
                unitPath: updated.unitPath, old: keep.record.auditValues.merging(["version": String(keep.version)]) { $1 },
                new: updated.record.auditValues.merging(["version": String(updated.version), "merged_from": String(duplicate.id)]) { $1 })
            return updated
        }
    }
}
