import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A member who reaches a badge milestone for an award date.
public struct BadgeCandidate: Sendable, Equatable {
    public let member: Member
    public let milestone: Int
    public let reachedOn: CivilDate
    /// Regular, or posthumous for a member who died since the previous award date.
    public let kind: BadgeEligibility.Kind
}

/// Badges (Huy hiệu Đảng, DOMAIN.md §2): who becomes eligible for each award date.
public struct BadgeService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    /// Members of the subtree whose party age — from the first admission, less time out of the Party
    /// (`PartyHistory`) — reaches a milestone after the previous award date and on or before `awardDate` (the
    /// ceremony days 3/2, 19/5, 2/9, 7/11); and members who died since the previous award date, for the posthumous
    /// badge they had reached or would have reached within the months of the badge rule set applicable on the award
    /// date (`Badges.eligibility`; 12 in Hướng dẫn 01-HD/TW). Early awards for serious illness need a medical record the
    /// register does not hold: the list is where a clerk starts from.
    public func eligible(_ principal: Principal, awardDate: CivilDate) async throws -> [BadgeCandidate] {
        let rules = try await RuleService(db: db).live().badges(on: awardDate)
        let dates = (Badges.awardDates(in: awardDate.year - 1) + Badges.awardDates(in: awardDate.year)).sorted()
        let previous = dates.last { $0 < awardDate } ?? awardDate.adding(months: -3)
        let range = principal.pathRange
        let earliest = previous.adding(years: -Badges.milestones.last!)
        // A year short of the first milestone at least (the posthumous window, when longer, reaches further back).
        let latest = awardDate.adding(years: -Badges.milestones.first!).adding(months: max(rules.posthumousEarlyMonths, 12))
        let (members, events) = try await db.read { sql in
            let members = try await sql.raw(
                """
                SELECT \(unsafeRaw: MemberStore.columns) FROM \(unsafeRaw: MemberStore.from)
                WHERE m.unit_path >= \(bind: range.lower) AND m.unit_path < \(bind: range.upper) AND m.recognized_on IS NOT NULL
                AND (m.status IN ('full', 'exempt') OR (m.status = 'deceased' AND m.left_on > \(bind: previous.iso) AND m.left_on <= \(bind: awardDate.iso)))
                AND ((m.admitted_on > \(bind: earliest.iso) AND m.admitted_on <= \(bind: latest.iso))
                     OR m.id IN (SELECT member_id FROM member_events WHERE kind = 'readmitted'))
                ORDER BY m.name_sort_key
                """
            ).all().map(MemberStore.member)
            return (members, try await MemberService.partyEvents(sql, memberIds: members.map(\.id)))
        }
        return members.compactMap { member in
            guard let admitted = member.record.admittedOn else { return nil }
            let history = PartyHistory.counting(admittedOn: admitted, events: events[member.id] ?? [])
            func counted(_ day: CivilDate) -> Int {
                day < history.firstAdmitted ? 0 : PartyAge.countedMonths(admittedOn: history.firstAdmitted, interruptions: history.interruptions, on: day)
            }
            func reached(_ milestone: Int) -> CivilDate {
                MemberService.reachedOn(milestone: milestone, first: history.firstAdmitted, interruptions: history.interruptions, after: previous)
            }
            if member.record.status == .deceased, let died = member.record.leftOn {
                let awarded = Set(Badges.milestones.filter { $0 * 12 <= counted(previous) })
                guard let badge = Badges.eligibility(
                    admittedOn: history.firstAdmitted, recognized: true, interruptions: history.interruptions, awardDate: awardDate,
                    alreadyAwarded: awarded, deceasedOn: died, earlyMonthsUpTo65: rules.earlyMonths, earlyMonthsFrom70: rules.longEarlyMonths,
                    longEarlyFrom: rules.longEarlyFrom, posthumousEarlyMonths: rules.posthumousEarlyMonths)
                else { return nil }
                return BadgeCandidate(member: member, milestone: badge.milestone, reachedOn: reached(badge.milestone), kind: badge.kind)
            }
            for milestone in Badges.milestones where counted(awardDate) >= milestone * 12 && counted(previous) < milestone * 12 {
                return BadgeCandidate(member: member, milestone: milestone, reachedOn: reached(milestone), kind: .regular)
            }
            return nil
        }
    }
}
