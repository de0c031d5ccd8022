import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A member who reaches a badge milestone for an award date.
public struct BadgeCandidate: Sendable, Equatable {
    public let member: Member
    public let milestone: Int
    public let reachedOn: CivilDate
}

/// Badges (Huy hiệu Đảng, DOMAIN.md §2): who becomes eligible for each award date.
public struct BadgeService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Members of the subtree whose party age reaches a milestone after the previous award date and on or before
    /// `awardDate` (the usual ceremony days 3/2, 19/5, 2/9, 7/11). Interruptions and early or posthumous awards
    /// need the lifecycle events, which arrive later: party age counts from admission here.
    public func eligible(_ principal: Principal, awardDate: CivilDate) async throws -> [BadgeCandidate] {
        let dates = (Badges.awardDates(in: awardDate.year - 1) + Badges.awardDates(in: awardDate.year)).sorted()
        let previous = dates.last { $0 < awardDate } ?? awardDate.adding(months: -3)
        let range = principal.pathRange
        let earliest = previous.adding(years: -Badges.milestones.last!)
        let latest = awardDate.adding(years: -Badges.milestones.first!)
        let members = try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from)
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.status IN ('full', 'exempt')
                AND m.recognized_on IS NOT NULL AND m.admitted_on > \(bind: earliest.iso) AND m.admitted_on <= \(bind: latest.iso)
                ORDER BY m.name_sort_key
                """
            ).all().map(MemberStore.member)
        }
        return members.compactMap { member in
            guard let admitted = member.record.admittedOn else { return nil }
            for milestone in Badges.milestones {
                let reached = admitted.adding(years: milestone)
                if reached > previous && reached <= awardDate {
                    return BadgeCandidate(member: member, milestone: milestone, reachedOn: reached)
                }
            }
            return nil
        }
    }
}
