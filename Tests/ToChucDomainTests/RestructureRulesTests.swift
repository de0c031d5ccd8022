import Foundation
import Testing
import ToChucDomain

/// DOMAIN.md §1 restructuring rules that need no database.
@Suite struct RestructureRulesTests {
    @Test("only units of the same kind merge", arguments: [(UnitKind.base, UnitKind.base, true), (.provincial, .provincial, true), (.cell, .base, false), (.base, .upperBase, false)])
    func mergeKinds(source: UnitKind, target: UnitKind, allowed: Bool) {
        let message = RestructureRules.checkMergeKinds(sources: [("S", source)], target: ("T", target))
        #expect((message == nil) == allowed)
    }

    @Test("dissolving with sub-units names them (up to five) and says what to do")
    func dissolveMessage() {
        #expect(RestructureRules.dissolveRefusal(code: "X", liveChildren: []) == nil)
        let message = RestructureRules.dissolveRefusal(code: "X", liveChildren: ["A", "B", "C", "D", "E", "F"])
        #expect(message?.vi == "Chưa thể giải thể X: còn 6 tổ chức trực thuộc (A, B, C, D, E, …). Hãy chuyển hoặc giải thể các tổ chức này trước.")
    }

    @Test("every step needs its decision number", arguments: [("", false), ("   ", false), ("1234-QĐ/TU", true)])
    func decision(number: String, accepted: Bool) {
        #expect((RestructureRules.checkDecision(number) == nil) == accepted)
    }

    @Test("the stats JSON has the contract's keys, every kind present, and cells equal to the cell count")
    func statsContract() throws {
        let stats = SubtreeStats(unit: "T01", asOf: CivilDate(year: 2020, month: 7, day: 25)!, unitsByKind: [.cell: 3, .base: 1], cellsWithCommittee: 2)
        let object = try JSONSerialization.jsonObject(with: JSONEncoder().encode(stats)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["unit", "as_of", "units_by_kind", "cells", "cells_with_committee", "members_by_status"])
        #expect(object?["as_of"] as? String == "2020-07-25")
        #expect(object?["cells"] as? Int == 3)
        let byKind = object?["units_by_kind"] as? [String: Int]
        #expect(byKind == ["central": 0, "provincial": 0, "upper_base": 0, "base": 1, "sub_base": 0, "cell": 3])
        #expect((object?["members_by_status"] as? [String: Int])?.count == MemberStatus.allCases.count)
    }
}
