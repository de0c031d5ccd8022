import SQLKit
import ToChucDomain
import ToChucStorage

/// A member's party age as the events tell it: from the first admission, less the time out of the Party.
public struct PartyAgeReport: Sendable, Equatable {
    public let age: PartyAge
    public let firstAdmitted: CivilDate
    public let interruptedMonths: Int
    /// The next badge milestone and the day it is reached, when there is one.
    public let nextBadge: (milestone: Int, on: CivilDate)?

    public static func == (a: PartyAgeReport, b: PartyAgeReport) -> Bool {
        a.age == b.age && a.firstAdmitted == b.firstAdmitted && a.nextBadge?.milestone == b.nextBadge?.milestone
    }
}

extension MemberService {
    /// Party age today (or on the day the member left), from the record and its events (`events(principal, member:)`,
    /// which the member's page reads anyway); nil before recognition.
    public func partyAge(_ principal: Principal, member: Member, events: [MemberEventRecord], today: CivilDate = Timestamp.vietnamDate()) throws
        -> PartyAgeReport?
    {
        try Self.requireSees(principal, member)
        let party = events.filter { Self.partyKinds.contains($0.kind) }.map {
            PartyHistory.Event(kind: $0.kind, on: $0.effectiveOn, previousAdmittedOn: $0.previousAdmittedOn)
        }
        return Self.partyAge(member.record, events: party, on: member.record.leftOn ?? today)
    }

    /// The events that interrupt or resume party life (`PartyHistory`).
    static let partyKinds: Set<MemberEventKind> = [.expelled, .removed, .resigned, .readmitted]

    static func partyAge(_ r: ValidMember, events: [PartyHistory.Event], on date: CivilDate) -> PartyAgeReport? {
        guard let admitted = r.admittedOn else { return nil }
        let history = PartyHistory.counting(admittedOn: admitted, events: events)
        guard let age = PartyAge.on(date, admittedOn: history.firstAdmitted, recognized: r.recognizedOn != nil, interruptions: history.interruptions)
        else { return nil }
        let plain = history.firstAdmitted.fullMonths(until: date)
        let next = Badges.nextMilestone(partyAge: age).map { milestone in
            (milestone, reachedOn(milestone: milestone, first: history.firstAdmitted, interruptions: history.interruptions, after: date))
        }
        return PartyAgeReport(age: age, firstAdmitted: history.firstAdmitted, interruptedMonths: max(0, plain - age.totalMonths), nextBadge: next)
    }

    /// The first day party age reaches `milestone` years (interruptions before `after` push it later).
    static func reachedOn(milestone: Int, first: CivilDate, interruptions: [PartyAge.Interruption], after: CivilDate) -> CivilDate {
        var day = first.adding(years: milestone)
        while PartyAge.countedMonths(admittedOn: first, interruptions: interruptions, on: day) < milestone * 12 {
            day = day.adding(days: 1)
        }
        return day
    }

    /// The events that bear on party age, per member.
    static func partyEvents(_ sql: any SQLDatabase, memberIds: [Int64]) async throws -> [Int64: [PartyHistory.Event]] {
        var result: [Int64: [PartyHistory.Event]] = [:]
        for chunk in Batches.of(memberIds) {
            for row in try await sql.raw(
                """
                SELECT member_id, kind, effective_on, previous_admitted_on FROM member_events
                WHERE member_id IN (\(binds: chunk)) AND kind IN (\(unsafeRaw: partyKinds.map { "'\($0.rawValue)'" }.sorted().joined(separator: ", ")))
                """
            ).all() {
                guard let kind = MemberEventKind(rawValue: try row.decode(column: "kind", as: String.self)),
                    let on = CivilDate(parsing: try row.decode(column: "effective_on", as: String.self))
                else { continue }
                let previous = try row.decode(column: "previous_admitted_on", as: String?.self).flatMap { CivilDate(parsing: $0) }
                result[try row.decode(column: "member_id", as: Int64.self), default: []].append(
                    PartyHistory.Event(kind: kind, on: on, previousAdmittedOn: previous))
            }
        }
        return result
    }
}
