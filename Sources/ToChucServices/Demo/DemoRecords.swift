import Foundation
import ToChucDomain

/// The demo's work records beside its tree and members (issue 8): two terms of congresses, cadres' positions and two
/// years of annual classification, written as `congresses.csv`, `positions.csv` and `evaluations.csv` (INTERCHANGE.md)
/// so that they load through the same import as any client's files. Deterministic by seed; every row keeps the rules
/// the import checks (a congress held while its unit existed, the "xuất sắc" quota per rating unit).
public enum DemoRecords {
    /// The years rated: the two before `today`'s.
    public static func ratedYears(today: CivilDate) -> [Int] { [today.year - 2, today.year - 1] }

    struct Unit {
        let code: String
        let kind: UnitKind
        let parent: String
        let committee: Bool
        let founded: CivilDate

        /// A unit that holds congresses and elects a secretary: one with a committee, below the centre, not a cell.
        var electsCommittee: Bool { committee && kind != .central && kind != .cell }
    }

    static func units(_ unitRows: [[String]]) -> [Unit] {
        let header = unitRows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (code, kind, parent, committee, founded) = (column("code"), column("kind"), column("parent_code"), column("has_committee"), column("founded_on"))
        return unitRows.dropFirst().compactMap { row in
            guard let k = UnitKind(rawValue: row[kind]) else { return nil }
            return Unit(
                code: row[code], kind: k, parent: row[parent], committee: row[committee] == "true",
                founded: CivilDate(parsing: row[founded]) ?? CivilDate(year: 2000, month: 1, day: 1)!)
        }
    }

    /// A member row of `DemoMembers.rows` as the records need it.
    struct Member {
        let number: String
        let cell: String
        let inPartySince: CivilDate?
    }

    static func members(_ memberRows: [[String]]) -> [Member] {
        let header = memberRows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (card, unit, status, admitted) = (column("card_no"), column("unit_code"), column("status"), column("admitted_on"))
        return memberRows.dropFirst().compactMap { row in
            // Rated and appointed: members in the Party now who carry a card number (how the files name them).
            guard !row[card].isEmpty, row[status] == MemberStatus.full.rawValue || row[status] == MemberStatus.probationary.rawValue else { return nil }
            return Member(number: row[card], cell: row[unit], inPartySince: CivilDate(parsing: row[admitted]))
        }
    }

    /// `congresses.csv`: the 2020–2025 term (units that existed in 2020) and the 2025–2030 term, for every unit with a
    /// committee below the centre — base units first, then the blocks, then the provinces, as the Party holds them.
    public static func congresses(unitRows: [[String]], seed: UInt64) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        let header = CongressesFile.columns.map(\.name)
        var rows = [header]
        func row(_ values: [String: String]) -> [String] { header.map { values[$0] ?? "" } }
        for term in [2020, 2025] {
            for unit in units(unitRows) where unit.electsCommittee {
                // A unit made after the term's congress year (the communes of the 2025 reform) did not hold it.
                guard unit.founded.year <= term else { continue }
                // Base units from April to the end of June (communes made in the 2025 reform: from 15 July), blocks in
                // July, provinces from September to mid-October.
                let window: (CivilDate, Int)
                switch unit.kind {
                case .provincial: window = (CivilDate(year: term, month: 9, day: 1)!, 45)
                case .upperBase: window = (CivilDate(year: term, month: 7, day: 1)!, 30)
                default:
                    window = unit.founded > CivilDate(year: term, month: 4, day: 1)! ? (unit.founded.adding(days: 14), 45) : (CivilDate(year: term, month: 4, day: 1)!, 90)
                }
                let held = window.0.adding(days: Int.random(in: 0..<window.1, using: &random))
                guard unit.founded <= held else { continue }
                rows.append(
                    row([
                        "unit_code": unit.code, "term": "\(term)-\(term + 5)", "planned_on": held.adding(days: -Int.random(in: 30...90, using: &random)).iso,
                        "held_on": held.iso, "pilot": Int.random(in: 0..<100, using: &random) < 3 ? "true" : "false",
                        "direct_secretary": Int.random(in: 0..<100, using: &random) < 10 ? "true" : "false",
                    ]))
            }
        }
        return rows
    }

    /// `evaluations.csv`: each year of `ratedYears`, every member in the Party by that year's end rated in his cell, and
    /// every cell and base unit that existed then rated by the unit above. Most "hoàn thành tốt", some "hoàn thành", a
    /// few "không hoàn thành"; "xuất sắc" drawn from the "tốt" of each rating unit within its 20% quota.
    public static func evaluations(unitRows: [[String]], memberRows: [[String]], today: CivilDate, seed: UInt64) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        var rows = [EvaluationsFile.columns.map(\.name)]
        let header = rows[0]
        let byCell = Dictionary(grouping: members(memberRows), by: \.cell)
        let units = units(unitRows)
        let ratedUnits = Dictionary(grouping: units.filter { $0.kind == .cell || $0.kind == .base }, by: \.parent)
        func rate(_ subjects: [String], year: Int) {
            var ratings = subjects.map { _ -> Rating in
                let roll = Int.random(in: 0..<1000, using: &random)
                return roll < 15 ? .notDone : roll < 120 ? .done : .good
            }
            // An eighth of the "tốt" at most, so that the rest keep the quota: ⌊(G − ⌊G/8⌋)·20%⌋ ≥ ⌊G/8⌋.
            let good = ratings.indices.filter { ratings[$0] == .good }
            let excellent = Int.random(in: 0...(good.count / 8), using: &random)
            for index in good.shuffled(using: &random).prefix(excellent) { ratings[index] = .excellent }
            for (subject, rating) in zip(subjects, ratings) {
                rows.append(header.map { ["year": String(year), "subject": subject, "rating": rating.rawValue][$0] ?? "" })
            }
        }
        for year in ratedYears(today: today) {
            let end = CivilDate(year: year, month: 12, day: 31)!
            for cell in byCell.keys.sorted() {
                rate(byCell[cell]!.filter { ($0.inPartySince ?? end.adding(days: 1)) <= end }.map(\.number), year: year)
            }
            for parent in ratedUnits.keys.sorted() {
                rate(ratedUnits[parent]!.filter { $0.founded <= end }.map { EvaluationsFile.unitPrefix + $0.code }, year: year)
            }
        }
        return rows
    }

    /// `positions.csv`: the secretary and a deputy of every unit with a committee below the centre, elected at the
    /// 2025–2030 congress (a province and a block: two deputies); for units that held the 2020–2025 congress too, the
    /// secretary and deputy of that term, ended at the next congress. Chosen among the unit's own members (a block's
    /// and a province's among those of their base units), each person holding one post per term.
    public static func positions(unitRows: [[String]], memberRows: [[String]], congresses: [[String]], seed: UInt64) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        var rows = [PositionsFile.columns.map(\.name)]
        let header = rows[0]
        let units = units(unitRows)
        let byCode = Dictionary(uniqueKeysWithValues: units.map { ($0.code, $0) })
        // The members of each base unit (cells hang from base units), and through them of blocks and provinces.
        var pool: [String: [Member]] = [:]
        for member in members(memberRows) {
            var code = byCode[member.cell]?.parent ?? ""
            while let unit = byCode[code], unit.kind != .central {
                pool[code, default: []].append(member)
                code = unit.parent
            }
        }
        let column = Dictionary(uniqueKeysWithValues: congresses[0].enumerated().map { ($1, $0) })
        var held: [String: [Int: CivilDate]] = [:]
        for row in congresses.dropFirst() {
            guard let date = CivilDate(parsing: row[column["held_on"]!]), let term = Int(row[column["term"]!].prefix(4)) else { continue }
            held[row[column["unit_code"]!], default: [:]][term] = date
        }
        var used: [Int: Set<String>] = [:]
        for unit in units where unit.electsCommittee {
            let managedBy: ManagementLevel =
                unit.kind == .provincial ? .central : unit.kind == .upperBase ? .provincial : byCode[unit.parent]?.kind == .upperBase ? .upperBase : .provincial
            let candidates = pool[unit.code] ?? []
            for term in [2020, 2025] {
                guard let start = held[unit.code]?[term], !candidates.isEmpty else { continue }
                let ended = term == 2020 ? held[unit.code]?[2025] : nil
                let titles = ["Bí thư"] + Array(repeating: "Phó Bí thư", count: unit.kind == .base ? 1 : 2)
                for title in titles {
                    // A few tries for someone without a post this term and in the Party by then.
                    var person: Member? = nil
                    for _ in 0..<8 {
                        let pick = candidates[Int.random(in: 0..<candidates.count, using: &random)]
                        if !(used[term]?.contains(pick.number) ?? false), (pick.inPartySince ?? start) < start {
                            person = pick
                            break
                        }
                    }
                    guard let person else { continue }
                    used[term, default: []].insert(person.number)
                    rows.append(
                        header.map {
                            [
                                "card_no": person.number, "unit_code": unit.code, "title": title, "started_on": start.iso, "ended_on": ended?.iso ?? "",
                                "start_kind": "elected", "end_kind": ended == nil ? "" : "term_end", "managed_by": managedBy.rawValue,
                                "approved_on": start.adding(days: 10).iso,
                            ][$0] ?? ""
                        })
                }
            }
        }
        return rows
    }
}
