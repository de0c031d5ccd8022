import Foundation
import Testing
import ToChucDomain

@testable import ToChucServices

/// Issue 8: the demo's records keep the rules their import checks — a congress held while its unit existed, the
/// "xuất sắc" quota of each rating unit (DOMAIN.md §4), one post per person and term — and the same seed gives the
/// same files.
struct DemoRecordsTests {
    static let today = CivilDate(year: 2026, month: 12, day: 7)!
    static let units = DemoTree.rows(size: .province, seed: 7)
    static let members = DemoMembers.rows(cells: DemoService.cells(of: units), perCell: 4...14, today: today, seed: 8)

    @Test("congresses: held after the unit's founding, both terms for old units, only 2025–2030 for the 2025 communes")
    func congresses() {
        let rows = DemoRecords.congresses(unitRows: Self.units, seed: 9)
        let founded = Dictionary(uniqueKeysWithValues: Self.units.dropFirst().map { ($0[0], CivilDate(parsing: $0[6])!) })
        #expect(rows.count > 1000)
        for row in rows.dropFirst() {
            let held = CivilDate(parsing: row[3])!
            #expect(founded[row[0]]! <= held && String(held.year) == row[1].prefix(4), "\(row)")
        }
        #expect(!rows.contains { $0[0].hasPrefix("T01-X") && $0[1] == "2020-2025" })
        #expect(rows.contains { $0[0] == "T01-A1" && $0[1] == "2020-2025" } && rows.contains { $0[0] == "T01-A1" && $0[1] == "2025-2030" })
        #expect(rows == DemoRecords.congresses(unitRows: Self.units, seed: 9))
    }

    @Test("evaluations: within the quota in every rating unit, two years, members in the Party by the year's end")
    func evaluations() throws {
        let rows = DemoRecords.evaluations(unitRows: Self.units, memberRows: Self.members, today: Self.today, seed: 10)
        #expect(Set(rows.dropFirst().map { $0[0] }) == ["2024", "2025"])
        let rules = ClassificationRules(try #require(RuleBook.inForce(RuleBook.builtIn, family: .classification, on: CivilDate(parsing: "2025-12-31")!)))
        let cellOf = Dictionary(Self.members.dropFirst().map { ($0[0], $0[7]) }, uniquingKeysWith: { a, _ in a })
        let parentOf = Dictionary(uniqueKeysWithValues: Self.units.dropFirst().map { ($0[0], $0[3]) })
        let groups = Dictionary(grouping: rows.dropFirst()) { row -> String in
            let subject = row[1]
            let unit = subject.hasPrefix("unit:") ? "u|" + parentOf[String(subject.dropFirst(5))]! : "m|" + cellOf[subject]!
            return row[0] + "|" + unit
        }
        #expect(groups.count > 1000)
        for (key, group) in groups {
            #expect(Classification.quotaBreach(group.map { Rating(rawValue: $0[2])! }, rules: rules) == nil, "\(key)")
        }
        let ratings = rows.dropFirst().map { $0[2] }
        #expect(ratings.contains("excellent") && ratings.contains("not_done") && ratings.filter { $0 == "good" }.count > ratings.count / 2)
    }

    @Test("positions: a secretary for units with a committee, no one twice in a term, ended at the next congress")
    func positions() {
        let congresses = DemoRecords.congresses(unitRows: Self.units, seed: 9)
        let rows = DemoRecords.positions(unitRows: Self.units, memberRows: Self.members, congresses: congresses, seed: 11)
        #expect(rows.count > 1000)
        var seen: Set<String> = []
        for row in rows.dropFirst() {
            let term = row[5].isEmpty ? "2025" : "2020"
            #expect(seen.insert(term + row[1]).inserted, "\(row)")
            if !row[5].isEmpty { #expect(CivilDate(parsing: row[4])! < CivilDate(parsing: row[5])! && row[7] == "term_end") }
        }
        #expect(rows.contains { $0[2] == "T01" && $0[3] == "Bí thư" && $0[8] == "central" })
    }
}
