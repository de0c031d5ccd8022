import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// The demo members (DemoMembers): realistic records that keep every rule of DOMAIN.md §2, the same for a seed.
@Suite struct DemoMembersTests {
    typealias Cell = (code: String, province: Int, founded: CivilDate)

    static let today = CivilDate(year: 2025, month: 11, day: 22)!
    static let communeFounded = CivilDate(year: 2025, month: 7, day: 1)!
    static let agencyFounded = CivilDate(year: 2000, month: 1, day: 1)!

    /// Cells spread evenly over the 34 provinces, as DemoTree makes them: one in seven a commune cell founded
    /// on 2025-07-01, the others founded on 2000-01-01.
    static func cells(_ count: Int, provinces: [Int] = Array(0..<34)) -> [Cell] {
        (0..<count).map { i in
            let province = provinces[i % provinces.count]
            let commune = i % 7 == 0
            return (
                "T\(province + 1)-\(commune ? "X" : "A")\(i)-C1", province, commune ? communeFounded : agencyFounded
            )
        }
    }

    /// A national mix of ~300,000 members (15,000 cells of 10–30), made once for the suite.
    static let nationalCells = cells(15_000)
    static let national = DemoMembers.rows(cells: nationalCells, perCell: 10...30, today: today, seed: 2025)
    static var members: ArraySlice<[String]> { national.dropFirst() }

    enum Column: Int {
        case cardNo, nationalID, fullName, gender, birthDate, ethnicity, religion, unitCode, status, admittedOn
        case recognizedOn, leftOn, education, qualification, politicalTheory
    }

    static func date(_ text: String) -> CivilDate? { text.isEmpty ? nil : CivilDate(parsing: text) }

    @Test("the header is members.csv's canonical columns, and every row has one value per column")
    func header() {
        #expect(Self.national[0] == DemoMembers.header)
        #expect(Set(DemoMembers.header) == Set(MembersFile.columns.map(\.name)))
        #expect(Self.members.count >= 200_000)
        #expect(Self.members.allSatisfy { $0.count == DemoMembers.header.count })
    }

    @Test("the same seed gives the same rows; another seed gives other rows")
    func deterministic() {
        let cells = Self.cells(500)
        let first = DemoMembers.rows(cells: cells, perCell: 5...15, today: Self.today, seed: 7)
        let again = DemoMembers.rows(cells: cells, perCell: 5...15, today: Self.today, seed: 7)
        let other = DemoMembers.rows(cells: cells, perCell: 5...15, today: Self.today, seed: 8)
        #expect(first == again)
        #expect(first != other)
    }

    @Test("each cell gets a number of members within perCell, in the order of the cells")
    func perCell() {
        let cells = Self.cells(300)
        let rows = DemoMembers.rows(cells: cells, perCell: 3...9, today: Self.today, seed: 1)
        var counts: [String: Int] = [:]
        var order: [String] = []
        for row in rows.dropFirst() {
            if counts[row[Column.unitCode.rawValue]] == nil { order.append(row[Column.unitCode.rawValue]) }
            counts[row[Column.unitCode.rawValue], default: 0] += 1
        }
        #expect(order == cells.map(\.code))
        #expect(counts.values.allSatisfy { (3...9).contains($0) })
        #expect(DemoMembers.rows(cells: cells, perCell: 0...0, today: Self.today, seed: 1).count == 1)
    }

    /// DOMAIN.md §2: age at admission from full 18 to full 60 (in months); probation of 12 months from admission;
    /// full status from the end of the 12 months, recognized by the cell within days; left after recognition.
    @Test("every row keeps the membership rules of DOMAIN.md §2 and passes MemberRules.check (strict)")
    func everyRowKeepsTheRules() {
        let today = Self.today
        let founded = Dictionary(uniqueKeysWithValues: Self.nationalCells.map { ($0.code, $0.founded) })
        let earliestAdmission = CivilDate(year: 1950, month: 1, day: 1)!
        let probationStart = today.adding(months: -12)
        var problems: [String] = []
        func check(_ ok: Bool, _ what: String, _ row: [String]) {
            if !ok && problems.count < 20 { problems.append("\(what): \(row.joined(separator: ","))") }
        }
        for row in Self.members {
            func value(_ column: Column) -> String { row[column.rawValue] }
            guard let status = MemberStatus(rawValue: value(.status)), let gender = Gender(rawValue: value(.gender)),
                let birth = Self.date(value(.birthDate))
            else {
                check(false, "status, gender or birth date", row)
                continue
            }
            check((1935...2006).contains(birth.year), "birth year", row)
            check(Ethnicity.match(value(.ethnicity)) != nil, "ethnicity", row)
            check(Qualification(rawValue: value(.qualification)) != nil, "qualification", row)
            check(PoliticalTheory(rawValue: value(.politicalTheory)) != nil, "political theory", row)
            let education = value(.education).split(separator: "/")
            check(education.count == 2 && education.allSatisfy { Int($0) != nil }, "education", row)
            check(founded[value(.unitCode)] != nil, "unit code", row)
            if !value(.nationalID).isEmpty {
                check(NationalID.problems(value(.nationalID), birthDate: birth, gender: gender).isEmpty, "national id", row)
            }
            let admitted = Self.date(value(.admittedOn))
            let recognized = Self.date(value(.recognizedOn))
            let left = Self.date(value(.leftOn))
            if status == .candidate {
                check(value(.cardNo).isEmpty && admitted == nil && recognized == nil && left == nil, "candidate dates", row)
                check(Admission.candidateAge(birthDate: birth, on: today) == nil, "candidate age", row)
            } else {
                check(value(.cardNo).count == 8 && value(.cardNo).allSatisfy(\.isWholeNumber), "card number", row)
                guard let admitted else {
                    check(false, "admitted_on", row)
                    continue
                }
                check(admitted >= earliestAdmission && admitted <= today, "admission date", row)
                check(Admission.candidateAge(birthDate: birth, on: admitted) == nil, "age at admission", row)
                if status == .probationary {
                    check(recognized == nil && admitted > probationStart, "probation", row)
                } else if let recognized {
                    let end = Admission.probationEnd(ceremony: admitted)
                    check(recognized >= end && recognized <= end.adding(days: 40) && recognized <= today, "recognition", row)
                    if status.hasLeft, let left {
                        check(left > recognized && left <= today && left >= founded[value(.unitCode)]!, "left_on", row)
                    }
                } else {
                    check(false, "recognized_on", row)
                }
            }
            check(status.hasLeft == (left != nil), "left_on only for those who left", row)
            if status == .exempt { check(birth.fullYears(until: today) >= 70, "exempt for age", row) }
        }
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")

        // The record rules of the import, on every tenth row (they fold text, which is slow in debug builds).
        var rejected: [String] = []
        for row in Self.members.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            var draft = MemberDraft()
            draft.cardNo = row[0]
            draft.nationalId = row[1]
            draft.fullName = row[2]
            draft.gender = row[3]
            draft.birthDate = row[4]
            draft.ethnicity = row[5]
            draft.religion = row[6]
            draft.unitCode = row[7]
            draft.status = row[8]
            draft.admittedOn = row[9]
            draft.recognizedOn = row[10]
            draft.leftOn = row[11]
            draft.education = row[12]
            draft.qualification = row[13]
            draft.politicalTheory = row[14]
            if case .failure = MemberRules.check(draft, today: today, strict: true), rejected.count < 10 {
                rejected.append(row.joined(separator: ","))
            }
        }
        #expect(rejected.isEmpty, "\(rejected.joined(separator: "\n"))")
    }

    @Test("card numbers and national IDs are unique; about 3% of national IDs are missing")
    func uniqueKeys() {
        var cards = Set<String>()
        var ids = Set<String>()
        var duplicates = 0
        var missingIDs = 0
        for row in Self.members {
            let card = row[Column.cardNo.rawValue]
            if !card.isEmpty && !cards.insert(card).inserted { duplicates += 1 }
            let id = row[Column.nationalID.rawValue]
            if id.isEmpty { missingIDs += 1 } else if !ids.insert(id).inserted { duplicates += 1 }
        }
        #expect(duplicates == 0)
        let missing = Double(missingIDs) / Double(Self.members.count)
        #expect(missing > 0.015 && missing < 0.05, "missing national IDs: \(missing)")
    }

    @Test("provinces made in separate calls never share a card number or a national ID")
    func separateCallsDoNotCollide() {
        let north = DemoMembers.rows(cells: Self.cells(2_000, provinces: [0, 6, 24]), perCell: 10...20, today: Self.today, seed: 1)
        let south = DemoMembers.rows(cells: Self.cells(2_000, provinces: [1, 4, 27]), perCell: 10...20, today: Self.today, seed: 2)
        func keys(_ rows: [[String]]) -> Set<String> {
            Set(rows.dropFirst().flatMap { [$0[0], $0[1]] }.filter { !$0.isEmpty })
        }
        #expect(keys(north).isDisjoint(with: keys(south)))
    }

    @Test("national shares: about a third women (more among the young), Kinh 75–92%, at least 50 groups, statuses")
    func nationalShares() {
        let count = Double(Self.members.count)
        var women = 0
        var youngWomen = 0
        var young = 0
        var groups: [String: Int] = [:]
        var statuses: [String: Int] = [:]
        for row in Self.members {
            let female = row[Column.gender.rawValue] == "female"
            if female { women += 1 }
            if row[Column.birthDate.rawValue] >= "1990" {
                young += 1
                if female { youngWomen += 1 }
            }
            groups[row[Column.ethnicity.rawValue], default: 0] += 1
            statuses[row[Column.status.rawValue], default: 0] += 1
        }
        let womenShare = Double(women) / count
        #expect(womenShare >= 0.30 && womenShare <= 0.40, "women: \(womenShare)")
        #expect(Double(youngWomen) / Double(young) > womenShare + 0.05)
        let kinh = Double(groups["Kinh"] ?? 0) / count
        #expect(kinh >= 0.75 && kinh <= 0.92, "Kinh: \(kinh)")
        #expect(groups.count >= 50, "groups: \(groups.count)")
        for group in ["Tày", "Thái", "Mường", "Khmer", "Mông", "Nùng", "Hoa", "Dao", "Gia Rai", "Ê Đê"] {
            let share = Double(groups[group] ?? 0) / count
            #expect(share > 0.003 && share < 0.04, "\(group): \(share)")
        }
        func share(_ status: MemberStatus) -> Double { Double(statuses[status.rawValue] ?? 0) / count }
        #expect(share(.full) > 0.90 && share(.full) < 0.96)
        #expect(share(.probationary) > 0.02 && share(.probationary) < 0.04)
        #expect(share(.candidate) > 0.005 && share(.candidate) < 0.015)
        #expect(share(.exempt) > 0.01 && share(.exempt) < 0.02)
        for status in MemberStatus.allCases { #expect(statuses[status.rawValue] ?? 0 > 0, "\(status)") }
    }

    /// One word only for the Cơ Ho and Mạ way of writing men's names (K'Mák).
    @Test("names are Vietnamese: NFC, single spaces, Nguyễn about 38% of the Kinh, Huỳnh and Võ in the south")
    func names() {
        var kinh = 0
        var nguyen = 0
        var southern = (all: 0, huynhVo: 0)
        var northern = (all: 0, huynhVo: 0)
        let south = Set(["Thành phố Hồ Chí Minh", "Cần Thơ", "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang", "Đồng Nai", "Tây Ninh"])
        let north = Set(["Hà Nội", "Hải Phòng", "Hưng Yên", "Ninh Bình", "Bắc Ninh", "Quảng Ninh"])
        let provinceOf = Dictionary(uniqueKeysWithValues: Self.nationalCells.map { ($0.code, DemoTree.provinces[$0.province]) })
        var badNames: [String] = []
        var checked = Set<String>()
        for row in Self.members {
            let name = row[Column.fullName.rawValue]
            if checked.insert(name).inserted {
                let nfc = name.precomposedStringWithCanonicalMapping
                let words = name.split(separator: " ", omittingEmptySubsequences: false)
                let oneWord = words.count < 2 && !name.hasPrefix("K'")
                if Array(nfc.unicodeScalars) != Array(name.unicodeScalars) || oneWord || words.contains(where: \.isEmpty) {
                    badNames.append(name)
                }
            }
            guard row[Column.ethnicity.rawValue] == "Kinh" else { continue }
            kinh += 1
            let family = name.prefix { $0 != " " }
            if family == "Nguyễn" { nguyen += 1 }
            let province = provinceOf[row[Column.unitCode.rawValue]]!
            let huynhVo = family == "Huỳnh" || family == "Võ"
            if south.contains(province) {
                southern.all += 1
                if huynhVo { southern.huynhVo += 1 }
            } else if north.contains(province) {
                northern.all += 1
                if huynhVo { northern.huynhVo += 1 }
            }
        }
        #expect(badNames.isEmpty, "\(badNames.prefix(10))")
        #expect(checked.count > 20_000, "distinct names: \(checked.count)")
        let nguyenShare = Double(nguyen) / Double(kinh)
        #expect(nguyenShare > 0.33 && nguyenShare < 0.43, "Nguyễn: \(nguyenShare)")
        #expect(Double(southern.huynhVo) / Double(southern.all) > 5 * Double(northern.huynhVo) / Double(northern.all))
    }

    @Test("the ethnic mix follows the province: mountain north, Central Highlands, Mekong")
    func regionalMix() {
        func mix(_ province: String) -> [String: Double] {
            let index = DemoTree.provinces.firstIndex(of: province)!
            let rows = DemoMembers.rows(cells: Self.cells(400, provinces: [index]), perCell: 20...20, today: Self.today, seed: 3)
            var counts: [String: Double] = [:]
            for row in rows.dropFirst() { counts[row[Column.ethnicity.rawValue], default: 0] += 1 }
            return counts.mapValues { $0 / Double(rows.count - 1) }
        }
        let laiChau = mix("Lai Châu")
        #expect(laiChau["Kinh", default: 0] < 0.75 && laiChau["Thái", default: 0] > 0.08 && laiChau["Mông", default: 0] > 0.06)
        let caoBang = mix("Cao Bằng")
        #expect(caoBang["Kinh", default: 0] < 0.6 && caoBang["Tày", default: 0] > 0.15 && caoBang["Nùng", default: 0] > 0.09)
        let dakLak = mix("Đắk Lắk")
        #expect(dakLak["Ê Đê", default: 0] > 0.08)
        let gialai = mix("Gia Lai")
        #expect(gialai["Gia Rai", default: 0] > 0.08 && gialai["Ba Na", default: 0] > 0.04)
        let canTho = mix("Cần Thơ")
        #expect(canTho["Khmer", default: 0] > 0.06 && canTho["Hoa", default: 0] > 0.008)
        let hungYen = mix("Hưng Yên")
        #expect(hungYen["Kinh", default: 0] > 0.98)
    }

    @Test("minority names follow their group: Ê Đê men Y …, women H'…; Khmer families Thạch, Sơn, Kim, Danh…")
    func minorityNames() {
        var ede = 0
        var khmer = 0
        for row in Self.members {
            let name = row[Column.fullName.rawValue]
            switch row[Column.ethnicity.rawValue] {
            case "Ê Đê":
                ede += 1
                #expect(name.hasPrefix(row[Column.gender.rawValue] == "male" ? "Y " : "H'"), "\(name)")
            case "Khmer":
                khmer += 1
                let family = String(name.prefix { $0 != " " })
                #expect(["Thạch", "Sơn", "Kim", "Danh", "Lâm", "Lý", "Chau", "Néang", "Trần"].contains(family), "\(name)")
            default:
                continue
            }
        }
        #expect(ede > 100 && khmer > 100)
    }

    @Test("political theory and qualification grow with age and party age")
    func levelsGrowWithSeniority() {
        var seniorHigh = 0
        var senior = 0
        var juniorHigh = 0
        var junior = 0
        for row in Self.members where row[Column.status.rawValue] == "full" {
            let admitted = CivilDate(parsing: row[Column.admittedOn.rawValue])!
            let theory = row[Column.politicalTheory.rawValue]
            let high = theory == "intermediate" || theory == "advanced" || theory == "bachelor"
            if admitted.fullYears(until: Self.today) >= 20 {
                senior += 1
                if high { seniorHigh += 1 }
            } else if admitted.fullYears(until: Self.today) < 5 {
                junior += 1
                if high { juniorHigh += 1 }
            }
        }
        #expect(Double(seniorHigh) / Double(senior) > 2 * Double(juniorHigh) / Double(junior))
    }
}
