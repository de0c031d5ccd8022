import Foundation

/// A planning term (nhiệm kỳ quy hoạch, DOMAIN.md §3): five years, written "2025-2030". Planning for the congress terms
/// (2020–2025, 2025–2030) and for the elected bodies' terms (2026–2031) follows the same rules.
public struct PlanningTerm: Sendable, Hashable, Comparable {
    /// The year the term begins.
    public let firstYear: Int

    /// The term beginning in `firstYear` (2000…2100).
    public init?(firstYear: Int) {
        guard (2000...2100).contains(firstYear) else { return nil }
        self.firstYear = firstYear
    }

    /// "2025-2030", "2025–2030" or "2025 - 2030": the last year must be the first plus five.
    public init?(parsing text: String) {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let first = Int(parts[0]), let last = Int(parts[1]), last == first + 5 else { return nil }
        self.init(firstYear: first)
    }

    /// The year the term ends.
    public var lastYear: Int { firstYear + 5 }

    /// "2025-2030": the key stored and typed.
    public var key: String { "\(firstYear)-\(lastYear)" }

    /// "2025–2030", as pages print it.
    public var label: String { "\(firstYear)–\(lastYear)" }

    /// The date the rules count working age from: the first day of the term's first year. (The congresses of a term
    /// are held over several months; counting from 1 January is the stricter reading for every one of them.)
    public var startsOn: CivilDate { CivilDate(year: firstYear, month: 1, day: 1)! }

    /// The terms of DOMAIN.md §3 that a new list is offered, the newest first.
    public static let offered: [PlanningTerm] = [2026, 2025, 2020].compactMap { PlanningTerm(firstYear: $0) }

    public static func < (lhs: PlanningTerm, rhs: PlanningTerm) -> Bool { lhs.firstYear < rhs.firstYear }
}

extension Planning {
    /// What adding `candidate` to the list of `position` would break (Quy định 377-QĐ/TW): the problems of the lists of
    /// one level after the addition that were not there before — so a list that is already irregular (say, after a
    /// change of regulation) does not block an addition that is itself correct. Empty when the addition is allowed.
    public static func problemsAdding(
        _ candidate: PlanningCandidate, to position: String, lists: [PlanningList], termStart: CivilDate,
        maxPerPosition: Int = PlanningRules.builtIn.maxPerPosition, maxPositionsPerPerson: Int = PlanningRules.builtIn.maxPositionsPerPerson,
        requiredMonths: Int = PlanningRules.builtIn.workingAgeMonths, rule: RetirementRule = .current,
        regulation: String = PlanningRules.builtIn.regulation
    ) -> [Localized] {
        var after = lists
        if let index = after.firstIndex(where: { $0.position == position }) {
            after[index] = PlanningList(position: position, candidates: after[index].candidates + [candidate])
        } else {
            after.append(PlanningList(position: position, candidates: [candidate]))
        }
        let check = { (lists: [PlanningList]) in
            problems(
                lists: lists, termStart: termStart, maxPerPosition: maxPerPosition, maxPositionsPerPerson: maxPositionsPerPerson,
                requiredMonths: requiredMonths, rule: rule, regulation: regulation)
        }
        let before = Set(check(lists))
        return check(after).filter { !before.contains($0) }
    }
}
