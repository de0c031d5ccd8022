import Foundation
import ToChucDomain

/// Realistic, deterministic party-member records (DOMAIN.md §2) for the cells of a demo tree, written as
/// `members.csv` rows (INTERCHANGE.md) so that they load through the same import as real data.
///
/// Every record keeps the rules of DOMAIN.md §2: admission between full 18 and full 60 years of age (in months),
/// recognition 12 months after admission (the cell meets up to 40 days later), probationary members admitted in the
/// last 12 months, left members with a leaving date after recognition, no date after `today`; national IDs valid
/// for the birth date and gender (`NationalID.problems` is empty). Names, ethnic groups, religions and birth places
/// follow the province; education, qualification and political theory follow age and party age.
///
/// Built for national benchmarks (5.6 million rows): strings are assembled from bytes, without formatters.
public enum DemoMembers {
    /// The header row: the canonical column names of `members.csv`.
    public static let header = [
        "card_no", "national_id", "full_name", "gender", "birth_date", "ethnicity", "religion", "unit_code", "status",
        "admitted_on", "recognized_on", "left_on", "education", "qualification", "political_theory",
    ]

    /// `members.csv` rows (header first, the columns of `header`) for the given cells, `perCell` members each.
    ///
    /// `cells`: (unit code, province index into `DemoTree.provinces`, founded date of the cell). The province decides
    /// the regional flavour of names, the ethnic mix and the birth places; an index outside `0..<34` is taken modulo 34.
    /// Members who left did so on or after the cell's founding date (the import counts them in the cell from the later
    /// of admission and founding); when that cannot be before `today`, the member is generated as a full member.
    /// `today`: the reference date; no date is later. Deterministic for a seed.
    ///
    /// Card numbers (8 digits, the first two from the province) and national IDs are unique within one call, and also
    /// across calls whose cells are in different provinces, so a national dataset can be made province by province.
    /// At most 2,000,000 members of one province per call.
    public static func rows(
        cells: [(code: String, province: Int, founded: CivilDate)], perCell: ClosedRange<Int>, today: CivilDate, seed: UInt64
    ) -> [[String]] {
        var maker = MemberMaker(today: today, seed: seed)
        let low = max(perCell.lowerBound, 0)
        let high = max(perCell.upperBound, low)
        var rows: [[String]] = []
        rows.reserveCapacity(1 + cells.count * ((low + high) / 2 + 1))
        rows.append(header)
        for cell in cells {
            let province = ((cell.province % DemoTree.provinces.count) + DemoTree.provinces.count) % DemoTree.provinces.count
            let founded = cell.founded.dayNumber
            let count = low + maker.random.below(high - low + 1)
            for _ in 0..<count {
                rows.append(maker.row(unit: cell.code, province: province, foundedN: founded))
            }
        }
        return rows
    }
}

extension DemoMembers {
    // MARK: - Generation

    /// The state of one `rows` call: the random stream and the counters that keep card numbers and IDs unique.
    fileprivate struct MemberMaker {
        var random: SeededGenerator
        let todayN: Int
        let todayYear: Int
        let earliestBirthN: Int
        let latestBirthN: Int
        /// The last admission that can be recognized by today (admitted + 12 months ≤ today).
        let lastRecognizableN: Int
        /// The first admission of a member still on probation today (within the last 12 months).
        let probationStartN: Int
        let seventyYearsAgoN: Int
        let minimumAdmissionN = CivilDate(year: 1950, month: 1, day: 1)!.dayNumber
        /// Per (birth-place code, century/gender digit, year of birth, member's province): the last serial used.
        var idCounters: [Int32]
        /// Per province: card numbers given.
        var cardCounters: [Int]
        var scratch: [UInt8] = []
        // The static tables, held here so the hot loop does not go through their lazy initialization each time.
        let provinces = DemoData.provinces
        let naming = DemoData.naming
        let kinhFamilies = DemoData.kinhFamilies
        let kinhMiddles = DemoData.kinhMiddles
        let kinhGiven = DemoData.kinhGiven

        init(today: CivilDate, seed: UInt64) {
            random = SeededGenerator(seed: seed ^ 0x6D65_6D62_6572_7321)
            todayN = today.dayNumber
            todayYear = today.year
            earliestBirthN = CivilDate(year: today.year - 90, month: 1, day: 1)!.dayNumber
            latestBirthN = CivilDate(year: today.year - 19, month: 12, day: 31)!.dayNumber
            lastRecognizableN = today.adding(months: -12).dayNumber
            probationStartN = today.adding(months: -12).dayNumber + 1
            seventyYearsAgoN = today.adding(years: -70).dayNumber
            idCounters = [Int32](repeating: 0, count: DemoData.birthCodes.count * 4 * 100 * DemoTree.provinces.count)
            cardCounters = [Int](repeating: 0, count: DemoTree.provinces.count)
            scratch.reserveCapacity(96)
        }

        mutating func row(unit: String, province p: Int, foundedN: Int) -> [String] {
            let profile = provinces[p]
            var status = DemoData.statuses[DemoData.statusDice.roll(&random)]
            let birthN: Int
            // Day numbers count from 1970 and are negative before it: absent dates are nil.
            var admittedN: Int? = nil
            var recognizedN: Int? = nil
            var leftN: Int? = nil
            switch status {
            case .candidate:
                birthN = birth(admittedOn: todayN, ages: DemoData.candidateAges)
            case .probationary:
                let admitted = probationStartN + random.below(todayN - probationStartN + 1)
                admittedN = admitted
                birthN = birth(admittedOn: admitted, ages: DemoData.admissionAges)
            default:
                let ages: AgeBands
                switch status {
                case .exempt: ages = DemoData.exemptAges
                case .deceased: ages = DemoData.deceasedAges
                case .transferredOut, .expelled, .removed, .resigned: ages = DemoData.leftAges
                default: ages = DemoData.fullAges
                }
                let (born, admitted) = career(ages: ages, exempt: status == .exempt)
                birthN = born
                admittedN = admitted
                let due = CivilDate(dayNumber: admitted).adding(months: 12).dayNumber
                let recognized = due + random.below(min(40, todayN - due) + 1)
                recognizedN = recognized
                if status.hasLeft {
                    let span = status == .deceased ? 3_000 : status == .transferredOut ? 1_100 : 2_200
                    var first = max(recognized + 1, foundedN, todayN - span)
                    if first > todayN { first = max(recognized + 1, foundedN) }
                    if first <= todayN {
                        leftN = first + random.below(todayN - first + 1)
                    } else {
                        status = .full
                    }
                }
            }
            let birth = CivilDate(dayNumber: birthN)
            let year = birth.year
            let female = random.below(10_000) < DemoData.femaleShare(bornIn: year)
            let ethnicity = profile.ethnicity(&random)
            let era = year < 1965 ? 0 : year < 1990 ? 1 : 2
            let name = fullName(ethnicity: ethnicity, female: female, region: profile.region, era: era)
            let nationalID = nationalID(
                province: p, profile: profile, ethnicity: ethnicity, birth: birth, female: female, status: status)
            let religion = (ethnicity == 1 ? profile.religion : DemoData.minorityReligion[ethnicity]).pickString(&random)
            let education = DemoData.education(bornIn: year, south: profile.region == 2, minority: ethnicity != 1)
                .pickString(&random)
            let age = (todayN - birthN) / 365
            // Indices into DemoData.qualificationKeys (none … doctor) and DemoData.theoryKeys (none … bachelor).
            let qualification = DemoData.qualification(age: age, minority: ethnicity != 1, status: status).roll(&random)
            var theory = DemoData.theory(
                status: status, partyYears: admittedN.map { (todayN - $0) / 365 } ?? 0, cadre: qualification >= 4
            ).roll(&random)
            // The advanced course and the bachelor of political theory are for graduates (college and above).
            if theory >= 3 && qualification < 2 { theory = 2 }
            return [
                status == .candidate ? "" : cardNumber(province: p),
                nationalID,
                name,
                female ? Gender.female.rawValue : Gender.male.rawValue,
                Self.iso(birth),
                DemoData.ethnicityNames[ethnicity],
                religion,
                unit,
                status.rawValue,
                admittedN.map { Self.iso(CivilDate(dayNumber: $0)) } ?? "",
                recognizedN.map { Self.iso(CivilDate(dayNumber: $0)) } ?? "",
                leftN.map { Self.iso(CivilDate(dayNumber: $0)) } ?? "",
                education,
                DemoData.qualificationKeys[qualification],
                DemoData.theoryKeys[theory],
            ]
        }

        // MARK: Dates

        /// A birth date for someone admitted (or considered, for candidates) on `admittedOn`: full 18 to full 60 years
        /// old that day, born between `earliestBirthN` and `latestBirthN`.
        mutating func birth(admittedOn dayN: Int, ages: AgeBands) -> Int {
            let day = CivilDate(dayNumber: dayN)
            let low = max(day.adding(years: -60).dayNumber, earliestBirthN)
            let high = min(day.adding(years: -18).dayNumber, latestBirthN)
            guard low < high else { return high }
            for _ in 0..<4 {
                let candidate = dayN - ages.sample(&random)
                if candidate >= low && candidate <= high { return candidate }
            }
            return high - min(random.below(high - low + 1), random.below(high - low + 1))
        }

        /// Birth and admission of a recognized member who is `ages` old today: admitted at full 18 to full 60, not before
        /// 1950, and at least 12 months before today.
        mutating func career(ages: AgeBands, exempt: Bool) -> (birth: Int, admitted: Int) {
            for _ in 0..<8 {
                var birthN = todayN - ages.sample(&random)
                if exempt { birthN = min(birthN, seventyYearsAgoN) }
                birthN = min(max(birthN, earliestBirthN), latestBirthN)
                let birth = CivilDate(dayNumber: birthN)
                let first = max(birth.adding(years: 18).dayNumber, minimumAdmissionN)
                let last = min(birth.adding(years: 60).dayNumber, lastRecognizableN)
                guard first <= last else { continue }
                for _ in 0..<4 {
                    let admitted = birthN + DemoData.admissionAges.sample(&random)
                    if admitted >= first && admitted <= last { return (birthN, admitted) }
                }
                // Younger than the usual admission ages allow: admitted early in the possible span.
                let span = last - first + 1
                return (birthN, first + min(random.below(span), random.below(span)))
            }
            let birth = CivilDate(year: todayYear - 45, month: 6, day: 15)!
            return (birth.dayNumber, birth.adding(years: 28).dayNumber)
        }

        /// `YYYY-MM-DD`.
        static func iso(_ date: CivilDate) -> String {
            String(unsafeUninitializedCapacity: 10) { buffer in
                let y = date.year
                buffer[0] = 48 &+ UInt8(truncatingIfNeeded: y / 1000 % 10)
                buffer[1] = 48 &+ UInt8(truncatingIfNeeded: y / 100 % 10)
                buffer[2] = 48 &+ UInt8(truncatingIfNeeded: y / 10 % 10)
                buffer[3] = 48 &+ UInt8(truncatingIfNeeded: y % 10)
                buffer[4] = 45
                buffer[5] = 48 &+ UInt8(truncatingIfNeeded: date.month / 10)
                buffer[6] = 48 &+ UInt8(truncatingIfNeeded: date.month % 10)
                buffer[7] = 45
                buffer[8] = 48 &+ UInt8(truncatingIfNeeded: date.day / 10)
                buffer[9] = 48 &+ UInt8(truncatingIfNeeded: date.day % 10)
                return 10
            }
        }

        // MARK: Numbers

        /// 8 digits: two for the province (01–34, then 35–68 after a million cards), six from a bijection of the
        /// province's counter, so numbers look scattered but never repeat.
        mutating func cardNumber(province p: Int) -> String {
            let counter = cardCounters[p]
            cardCounters[p] += 1
            precondition(counter < 2_000_000, "DemoMembers: more than 2,000,000 members of one province in one call")
            let prefix = p + 1 + (counter / 1_000_000) * DemoTree.provinces.count
            let serial = ((counter % 1_000_000) &* 651_337 &+ Self.scatter(p)) % 1_000_000
            return String(unsafeUninitializedCapacity: 8) { buffer in
                buffer[0] = 48 &+ UInt8(truncatingIfNeeded: prefix / 10)
                buffer[1] = 48 &+ UInt8(truncatingIfNeeded: prefix % 10)
                Self.write(serial, digits: 6, into: buffer, at: 2)
                return 8
            }
        }

        /// 12 digits (NationalID): the birth province's code, the century/gender digit, the year of birth, and six digits
        /// unique for that prefix and the member's province. About 3% empty: records made before the CCCD.
        mutating func nationalID(
            province p: Int, profile: ProvinceProfile, ethnicity: Int, birth: CivilDate, female: Bool, status: MemberStatus
        ) -> String {
            let missing = status == .deceased ? 3_500 : birth.year < todayYear - 80 ? 1_200 : 250
            if random.below(10_000) < missing { return "" }
            let codeIndex: Int
            if ethnicity == 1 || ethnicity == 4, random.below(10_000) < profile.migrants {
                codeIndex = DemoData.migrantOrigins.roll(&random)
            } else {
                codeIndex = profile.birthPlace(ethnicity: ethnicity, &random)
            }
            let centuryDigit = (birth.year >= 2000 ? 2 : 0) + (female ? 1 : 0)
            let yy = birth.year % 100
            let prefix = (codeIndex * 4 + centuryDigit) * 100 + yy
            let slot = p * DemoData.birthCodes.count * 400 + prefix
            let counter = Int(idCounters[slot])
            // 34 provinces × 29,000 serials fit the 6 digits; a full bucket leaves the number out.
            guard counter < 29_000 else { return "" }
            idCounters[slot] = Int32(counter + 1)
            // A bijection of (province, counter) for each prefix: unique, and not the same digits under every prefix.
            let serial = ((p * 29_000 + counter) &* 387_419 &+ Self.scatter(prefix)) % 1_000_000
            let code = DemoData.birthCodeValues[codeIndex]
            return String(unsafeUninitializedCapacity: 12) { buffer in
                Self.write(code, digits: 3, into: buffer, at: 0)
                buffer[3] = 48 &+ UInt8(truncatingIfNeeded: centuryDigit)
                Self.write(yy, digits: 2, into: buffer, at: 4)
                Self.write(serial, digits: 6, into: buffer, at: 6)
                return 12
            }
        }

        /// A fixed offset in `0..<1_000_000` for `n` (SplitMix64's finalizer).
        @inline(__always)
        static func scatter(_ n: Int) -> Int {
            var z = UInt64(truncatingIfNeeded: n) &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % 1_000_000)
        }

        @inline(__always)
        static func write(_ value: Int, digits: Int, into buffer: UnsafeMutableBufferPointer<UInt8>, at start: Int) {
            var v = value
            var i = start + digits - 1
            while i >= start {
                buffer[i] = 48 &+ UInt8(truncatingIfNeeded: v % 10)
                v /= 10
                i -= 1
            }
        }

        // MARK: Names

        /// Family, middle and given name in the pattern of the member's ethnic group (the Kinh by region and generation).
        mutating func fullName(ethnicity: Int, female: Bool, region: Int, era: Int) -> String {
            scratch.removeAll(keepingCapacity: true)
            let g = female ? 1 : 0
            if ethnicity == 1 {
                let givenTable = kinhGiven[(g * 3 + region) * 3 + era]
                let family = kinhFamilies[region].pickBytes(&random)
                let middle = kinhMiddles[g * 3 + era].pickBytes(&random)
                var given = givenTable.pickBytes(&random)
                if Self.endsWithWord(middle, given) { given = givenTable.pickBytes(&random) }
                append(family, middle, given, glue: false, familyLast: false)
            } else {
                let scheme = naming[ethnicity].pick(&random)
                let family = (female ? scheme.femaleFamilies : scheme.maleFamilies).pickBytes(&random)
                let middle = (female ? scheme.femaleMiddles : scheme.maleMiddles).pickBytes(&random)
                let givenTable = (female ? scheme.femaleGiven : scheme.maleGiven) ?? kinhGiven[(g * 3 + region) * 3 + era]
                var given = givenTable.pickBytes(&random)
                if Self.endsWithWord(middle, given) { given = givenTable.pickBytes(&random) }
                append(family, middle, given, glue: female ? scheme.glueFemale : scheme.glueMale, familyLast: scheme.familyLast)
            }
            return String(decoding: scratch, as: UTF8.self)
        }

        private mutating func append(_ family: [UInt8], _ middle: [UInt8], _ given: [UInt8], glue: Bool, familyLast: Bool) {
            func word(_ part: [UInt8], _ scratch: inout [UInt8]) {
                guard !part.isEmpty else { return }
                if !scratch.isEmpty { scratch.append(32) }
                scratch.append(contentsOf: part)
            }
            if !familyLast { word(family, &scratch) }
            word(middle, &scratch)
            if glue && !middle.isEmpty {
                scratch.append(contentsOf: given)
            } else {
                word(given, &scratch)
            }
            if familyLast { word(family, &scratch) }
        }

        /// Whether `phrase` is `word` or ends with ` word` (no "Nguyễn Minh Minh").
        static func endsWithWord(_ phrase: [UInt8], _ word: [UInt8]) -> Bool {
            guard let last = word.last, phrase.last == last, phrase.count >= word.count else { return false }
            let start = phrase.count - word.count
            guard start == 0 || phrase[start - 1] == 32 else { return false }
            return phrase[start...].elementsEqual(word)
        }
    }

    // MARK: - Sampling

    /// A weighted choice of an index.
    fileprivate struct Dice: Sendable {
        let cumulative: [UInt64]

        init(_ weights: [Double]) {
            var total: UInt64 = 0
            cumulative = weights.map { weight in
                total += UInt64(max(weight, 0) * 1_000 + 0.5)
                return total
            }
            precondition(total > 0, "DemoMembers: a table without weight")
        }

        @inline(__always)
        func roll(_ random: inout SeededGenerator) -> Int {
            let x = cumulative[cumulative.count - 1].multipliedFullWidth(by: random.next()).high
            var low = 0
            var high = cumulative.count - 1
            while low < high {
                let mid = (low + high) >> 1
                if cumulative[mid] > x { high = mid } else { low = mid + 1 }
            }
            return low
        }
    }

    // The tables are classes: the hot loop then passes one reference instead of retaining every array of a copy.

    /// A weighted choice of a word (kept as UTF-8 bytes for names, as a string for column values).
    fileprivate final class Words: Sendable {
        let dice: Dice
        let bytes: [[UInt8]]
        let strings: [String]

        init(_ entries: [(String, Double)]) {
            dice = Dice(entries.map(\.1))
            strings = entries.map(\.0)
            bytes = entries.map { Array($0.0.utf8) }
        }

        /// `"Nguyễn:36, Trần:11, Lê"`: entries separated by commas or new lines, each with an optional `:weight`
        /// (default 1); `":40"` is the empty word.
        convenience init(_ spec: String, weight: Int = 0) {
            self.init(DemoData.entries(spec).map { ($0.name, $0.weights[min(weight, $0.weights.count - 1)]) })
        }

        @inline(__always) func pickBytes(_ random: inout SeededGenerator) -> [UInt8] { bytes[dice.roll(&random)] }
        @inline(__always) func pickString(_ random: inout SeededGenerator) -> String { strings[dice.roll(&random)] }
    }

    /// Ages in days, from bands of years with weights; uniform inside a band.
    fileprivate final class AgeBands: Sendable {
        let dice: Dice
        let starts: [Int]
        let widths: [Int]

        init(_ bands: [(from: Double, to: Double, weight: Double)]) {
            dice = Dice(bands.map(\.weight))
            starts = bands.map { Int($0.from * 365.2425) }
            widths = bands.map { max(Int(($0.to - $0.from) * 365.2425), 1) }
        }

        @inline(__always)
        func sample(_ random: inout SeededGenerator) -> Int {
            let band = dice.roll(&random)
            return starts[band] + random.below(widths[band])
        }
    }

    /// How a group writes names: family, middle and given name tables (the given name of the Kinh when nil),
    /// whether the middle is written against the given name (K'Mák, H'Hen) and whether the family comes last (Ê Đê).
    fileprivate final class NamingScheme: Sendable {
        let maleFamilies: Words
        let femaleFamilies: Words
        let maleMiddles: Words
        let femaleMiddles: Words
        let maleGiven: Words?
        let femaleGiven: Words?
        let glueMale: Bool
        let glueFemale: Bool
        let familyLast: Bool

        init(
            maleFamilies: Words, femaleFamilies: Words, maleMiddles: Words, femaleMiddles: Words, maleGiven: Words?,
            femaleGiven: Words?, glueMale: Bool, glueFemale: Bool, familyLast: Bool
        ) {
            self.maleFamilies = maleFamilies
            self.femaleFamilies = femaleFamilies
            self.maleMiddles = maleMiddles
            self.femaleMiddles = femaleMiddles
            self.maleGiven = maleGiven
            self.femaleGiven = femaleGiven
            self.glueMale = glueMale
            self.glueFemale = glueFemale
            self.familyLast = familyLast
        }
    }

    /// A weighted choice among a group's naming schemes.
    fileprivate final class Schemes: Sendable {
        let dice: Dice
        let schemes: [NamingScheme]

        init(dice: Dice, schemes: [NamingScheme]) {
            self.dice = dice
            self.schemes = schemes
        }

        @inline(__always) func pick(_ random: inout SeededGenerator) -> NamingScheme { schemes[dice.roll(&random)] }
    }

    /// What a province contributes: region (0 north, 1 centre, 2 south), ethnic mix, birth places, religion of the Kinh.
    fileprivate final class ProvinceProfile: Sendable {
        let region: Int
        /// Ethnic codes and their weights.
        let ethnicities: [Int]
        let ethnicityDice: Dice
        let religion: Words
        /// Per 10,000 Kinh and Hoa members: born in another province.
        let migrants: Int
        /// Birth places by ethnic code (index 0 unused): the province's own codes, narrowed to the group's home areas.
        let birthPlaces: [Dice]

        init(region: Int, ethnicities: [Int], ethnicityDice: Dice, religion: Words, migrants: Int, birthPlaces: [Dice]) {
            self.region = region
            self.ethnicities = ethnicities
            self.ethnicityDice = ethnicityDice
            self.religion = religion
            self.migrants = migrants
            self.birthPlaces = birthPlaces
        }

        @inline(__always) func ethnicity(_ random: inout SeededGenerator) -> Int { ethnicities[ethnicityDice.roll(&random)] }
        @inline(__always) func birthPlace(ethnicity: Int, _ random: inout SeededGenerator) -> Int {
            birthPlaces[ethnicity].roll(&random)
        }
    }

    // MARK: - Data

    fileprivate enum DemoData {
        static let statuses: [MemberStatus] = [
            .full, .probationary, .candidate, .exempt, .transferredOut, .deceased, .expelled, .removed, .resigned,
        ]
        static let statusDice = Dice([9_300, 300, 100, 150, 50, 60, 10, 20, 10])

        static let admissionAges = AgeBands([
            (18, 22, 10), (22, 26, 26), (26, 30, 22), (30, 35, 18), (35, 40, 11), (40, 45, 7), (45, 50, 4), (50, 55, 1.5),
            (55, 60, 0.5),
        ])
        static let candidateAges = AgeBands([
            (18.2, 20, 2), (20, 22, 4), (22, 25, 6), (25, 30, 6), (30, 35, 4), (35, 40, 2), (40, 50, 1.2), (50, 59.5, 0.3),
        ])
        static let fullAges = AgeBands([
            (19.3, 20, 0.6), (20, 25, 4), (25, 30, 8), (30, 35, 11), (35, 40, 12), (40, 45, 11), (45, 50, 10), (50, 55, 9),
            (55, 60, 9), (60, 65, 8), (65, 70, 6.5), (70, 75, 5), (75, 80, 3.5), (80, 85, 2.5), (85, 89.9, 1),
        ])
        static let exemptAges = AgeBands([(70.1, 75, 2), (75, 80, 4), (80, 85, 3), (85, 89.9, 2)])
        static let deceasedAges = AgeBands([(50, 60, 1), (60, 65, 1.5), (65, 70, 2), (70, 75, 3), (75, 80, 3.5), (80, 85, 3), (85, 89.9, 2)])
        static let leftAges = AgeBands([(22, 25, 2), (25, 30, 4), (30, 35, 4), (35, 40, 3), (40, 45, 2), (45, 50, 1.5), (50, 60, 2)])

        /// Per 10,000: women are a third of the members, half of the young ones.
        static func femaleShare(bornIn year: Int) -> Int {
            year < 1945 ? 1_300 : year < 1955 ? 1_900 : year < 1965 ? 2_600 : year < 1975 ? 3_100 : year < 1985 ? 3_500
                : year < 1995 ? 4_200 : 4_900
        }

        static let ethnicityNames: [String] = [""] + Ethnicity.all.map(\.name)

        /// Parses `Words` specs: `name:w1/w2/w3` entries.
        static func entries(_ spec: String) -> [(name: String, weights: [Double])] {
            spec.split(whereSeparator: { $0 == "," || $0 == "\n" }).compactMap { token in
                let item = token.trimmingCharacters(in: .whitespaces)
                if item.isEmpty { return nil }
                guard let colon = item.lastIndex(of: ":") else { return (item, [1]) }
                let name = String(item[..<colon]).trimmingCharacters(in: .whitespaces)
                let weights = item[item.index(after: colon)...].split(separator: "/").map { Double($0)! }
                return (name, weights)
            }
        }

        static func ethnicCode(_ name: String) -> Int {
            guard let group = Ethnicity.match(name) else { preconditionFailure("DemoMembers: unknown ethnic group \(name)") }
            return group.code
        }

        // MARK: Kinh names

        /// Family names by region (north / centre / south), per mille; Nguyễn ~38% nationally.
        static let kinhFamilySpec = """
            Nguyễn:440/430/460, Trần:110/100/120, Lê:92/115/85, Phạm:88/70/68, Hoàng:50/32/5, Huỳnh:1/18/70, Phan:32/62/45,
            Vũ:48/8/4, Võ:2/40/48, Đặng:25/20/18, Bùi:28/15/15, Đỗ:25/10/10, Hồ:6/30/15, Ngô:15/13/12, Dương:12/10/10,
            Lý:4/3/10, Đinh:12/10/6, Trịnh:10/5/4, Đào:12/6/5, Mai:6/7/8, Lương:7/5/4, Hà:10/6/3, Tạ:6/3/4, Lưu:5/4/6,
            Trương:5/12/12, Cao:6/8/6, Lâm:2/4/12, Tô:4/3/5, Quách:3/2/4, Thái:2/6/3, Kiều:4/1/1, Khổng:2/0/0.5, Chu:5/2/2,
            Phùng:6/2/1, Vương:3/3/3, Triệu:3/1/1, Văn:3/3/2, Tăng:1/2/3, La:1/1/3, Đoàn:9/8/8, Tống:4/2/2, Lại:4/1/1,
            Nghiêm:4/1/0.5, Lã:3/0/0, Giáp:3/0/0, Hứa:1/1/3, Thân:4/1/0.5, Mạc:2/1/1, Doãn:3/1/0, Châu:1/3/6, Kim:1/1/2,
            Ông:1/1/2, Tôn:1/3/2, Từ:2/2/3, Bạch:2/1/1, Đàm:4/1/0.5, Khúc:2/0/0, Diệp:0/0.5/2, Ninh:2/0.5/0.5, Viên:1/0.5/0.5,
            Tôn Thất:0/1.5/0.5, Âu:1/1/1, Lục:1/0/0, Nhữ:1/0/0, Quan:1/1/1, Phó:1/1/0.5
            """
        static let kinhFamilies: [Words] = (0..<3).map { Words(kinhFamilySpec, weight: $0) }

        /// Middle names by generation (born before 1965 / 1965–1989 / from 1990): Văn and Thị give way to others.
        static let maleMiddleSpec = """
            Văn:60/42/18, Hữu:4/5/5, Đức:5/7/9, Minh:3/6/11, Quang:4/5/6, Công:4/5/5, Xuân:3/3/3, Thanh:3/4/6, Trọng:2/3/3,
            Quốc:2/4/6, Đình:4/4/3, Ngọc:3/3/3, Mạnh:1/2/3, Tuấn:0.5/1/3, Anh:0.5/1.5/4, Hoàng:1/3/6, Thành:1/2/4, Trung:1/2/3,
            Hải:1/2/3, Bá:2/2/1, Duy:0.5/2/4, Tiến:1/2/2, Việt:1/2/3, Huy:0.5/1/3, Khắc:2/2/1, Thế:2/2/2, Chí:1/2/3, Tấn:1/2/3,
            Nhật:0/0.5/2, Phước:0.5/1/1, Kim:1/1/0.5, Gia:0/0.5/2, Bảo:0/0.5/2, Sỹ:1/1/0.5, Như:1/1/0.5, Thái:0.5/1/1,
            Hồng:1/1/1, :1.5/1.5/2, Đức Minh:0.1/0.2/0.5, Quang Minh:0.1/0.2/0.5, Hoàng Minh:0/0.2/0.5, Minh Đức:0/0.2/0.5,
            Hữu Minh:0.1/0.2/0.3, Đình Quang:0.1/0.1/0.2, Trọng Minh:0/0.1/0.3, Ngọc Minh:0/0.1/0.3
            """
        static let femaleMiddleSpec = """
            Thị:82/62/38, Ngọc:3/6/9, Thu:2/4/6, Thanh:3/5/7, Kim:2/3/4, Hồng:2/3/4, Minh:0.5/2/5, Phương:0.5/1.5/4,
            Thúy:0.5/1/2, Bích:1/1.5/1, Mỹ:0.5/1/3, Diệu:0/0.5/2, Khánh:0/0.5/3, Hải:0.5/1/3, Lan:0.5/1/2, Quỳnh:0/0.5/2,
            Hoài:0.5/1/2, Thùy:0.5/1.5/3, Mai:0.5/1/2, Hà:0.5/1/2, Bảo:0/0.5/2, Như:0.5/1/2, Tú:0.5/1/1, Vân:0.5/1/1,
            Xuân:1/1/1, Hoàng:0.5/1/2, Cẩm:0.5/1/1, Tuyết:0.5/1/1, Trúc:0/0.5/1, Ánh:0/0.5/1.5, :1/1.5/2,
            Thị Thu:1/1.2/1, Thị Ngọc:0.8/1/0.8, Thị Thanh:0.8/1/0.8, Thị Kim:0.6/0.8/0.6, Thị Hồng:0.6/0.8/0.6,
            Thị Minh:0.3/0.5/0.5, Thị Bích:0.4/0.5/0.3, Thị Kiều:0.2/0.3/0.3, Thị Mỹ:0.2/0.3/0.4, Thị Thúy:0.3/0.4/0.4,
            Thị Diệu:0.1/0.2/0.3, Thị Tuyết:0.2/0.3/0.2
            """
        /// [gender * 3 + era].
        static let kinhMiddles: [Words] =
            (0..<3).map { Words(maleMiddleSpec, weight: $0) } + (0..<3).map { Words(femaleMiddleSpec, weight: $0) }

        /// Given names: weights by region (north / centre / south); names of the older or the younger generations apart.
        static let maleGivenSpec = """
            Anh:30/25/20, Bình:15/18/15, Cường:20/15/12, Chiến:15/10/6, Công:6/8/8, Dũng:30/25/20, Duy:10/10/10, Dương:8/6/5,
            Đạt:12/12/10, Định:6/8/6, Đông:6/6/6, Đức:20/18/12, Giang:8/6/5, Hải:25/22/15, Hậu:4/6/10, Hiếu:12/12/10, Hiển:5/5/3,
            Hiệp:6/6/8, Hòa:10/12/12, Hoàng:12/12/10, Hùng:35/28/20, Hưng:20/15/10, Huy:18/18/15, Khánh:10/8/7, Khoa:4/6/8,
            Kiên:10/6/4, Lâm:6/6/7, Lộc:4/6/12, Lợi:4/6/10, Long:20/18/18, Luân:2/3/6, Mạnh:12/6/3, Minh:35/30/30, Nam:20/18/15,
            Nghĩa:10/10/10, Nhân:5/7/10, Phong:10/10/10, Phúc:8/8/8, Phước:1/6/14, Phương:6/5/4, Quân:12/10/8, Quang:20/18/12,
            Quốc:6/8/10, Quý:6/8/6, Sang:1/4/12, Sơn:25/20/12, Tài:4/6/14, Tâm:6/8/12, Tân:5/8/12, Thắng:25/15/10, Thanh:15/15/15,
            Thành:25/25/25, Thịnh:8/8/8, Thông:5/6/10, Thuận:6/8/8, Tiến:20/12/8, Toàn:12/10/8, Trí:4/8/12, Trọng:8/6/4,
            Trung:20/18/15, Trường:10/10/10, Tú:8/8/8, Tuấn:35/30/25, Tùng:15/10/6, Vinh:10/10/10, Việt:12/10/6, Vũ:6/8/12,
            Hà:5/4/2, Điệp:3/3/2, Hào:4/5/6, Khải:4/4/4, Khiêm:3/3/2, Lực:4/3/2, Nguyên:6/6/8, Nhật:4/5/7, Phát:2/4/10, Sỹ:2/4/2,
            Tuyến:4/3/2, Tuân:5/4/3, Triều:3/4/6, Tình:4/5/6, Thiện:3/5/8, Hiền:3/3/3, Cảnh:5/5/3, Châu:2/4/5, Chính:6/5/4,
            Bảo:4/6/8, Thái:4/4/3, Vương:3/3/3, Quyền:3/2/2, Hoan:3/2/1, Huân:3/2/2, Đăng:4/4/4, An:4/5/6
            """
        static let maleGivenOldSpec = """
            Út:0/1/6, Bảy:0/0/3, Tám:0/0/3, Thuyết:4/2/1, Lượng:4/3/1, Thìn:3/2/1, Dần:3/2/1, Sửu:2/1/1, Ngọ:2/1/1, Quyết:6/4/2,
            Chức:3/2/1, Lạc:3/2/1, Độ:3/2/1, Quế:3/2/1, Cẩn:3/2/1, Tỉnh:3/2/1, Xuân:8/6/4, Kỳ:3/3/2, Điền:2/3/3, Thạch:3/3/2,
            Khoát:2/1/0, Phụng:0/1/3, Lãm:2/2/1, Thỉnh:2/1/0, Bổng:2/1/1, Chương:3/3/2
            """
        static let maleGivenNewSpec = """
            Khang:2/4/6, Khôi:4/4/4, Bách:3/2/1, Kiệt:2/4/6, Lĩnh:2/1/1, Hiếu:3/3/3, Vỹ:1/2/4, Phú:2/3/5, Tú:2/2/2, Thịnh:2/2/2,
            Đạt:3/3/3, Trung:2/2/2, Nhân:2/2/3
            """
        static let femaleGivenSpec = """
            Anh:20/18/15, Bích:8/8/6, Châu:3/5/8, Chi:10/8/6, Diệp:3/4/5, Dung:18/15/12, Duyên:8/10/10, Giang:12/8/6, Hà:25/18/12,
            Hạnh:18/15/12, Hằng:25/18/15, Hiền:18/15/12, Hoa:22/20/18, Hòa:8/8/6, Hồng:15/15/15, Huệ:10/10/8, Hương:35/30/25,
            Hường:10/6/4, Huyền:18/12/8, Lan:25/22/20, Liên:12/10/8, Linh:20/15/12, Loan:8/10/12, Ly:5/6/8, Mai:25/20/15,
            My:4/5/8, Nga:20/15/12, Ngân:8/8/8, Ngọc:12/15/18, Nguyệt:8/6/5, Nhung:15/12/10, Oanh:12/8/6, Phương:22/18/15,
            Phượng:8/8/8, Quyên:6/5/6, Quỳnh:10/8/8, Tâm:6/8/10, Thảo:20/18/15, Thanh:15/15/15, Thoa:8/6/4, Thu:18/15/12,
            Thủy:25/20/15, Thúy:15/12/10, Thùy:10/10/8, Trang:25/20/15, Trinh:4/8/12, Tuyết:8/8/10, Vân:15/12/10, Xuân:10/8/6,
            Yến:15/12/12, Hải:6/5/4, Lệ:5/6/8, Liễu:4/4/3, Lý:4/3/3, Nhàn:8/5/3, Thắm:6/5/5, Thơ:3/5/6, Thư:6/6/6, Trâm:3/5/8,
            Uyên:4/5/6, Vy:3/4/8, Nhi:4/5/8, Diễm:3/5/8, Kiều:4/5/6, Mỹ:2/4/8, Nhạn:2/3/4, Sương:3/4/6, Tiên:3/5/8, Hậu:4/4/4,
            Minh:4/4/3, Nương:2/3/3, Hiên:3/2/1, Trà:3/3/3, An:3/3/3
            """
        static let femaleGivenOldSpec = """
            Cúc:6/4/3, Đào:5/3/2, Gấm:4/2/1, Lụa:3/1/0, Mận:4/2/1, Nụ:3/1/0, Xuyến:4/2/1, Lài:0/1/4, Sen:3/3/3, Tươi:4/3/3,
            Thìn:2/1/1, Mơ:3/2/1, Hoan:3/2/1, Bé:0/1/4, Út:0/1/4, Lựu:2/1/1, Dậu:2/1/0, Chanh:1/1/1
            """
        static let femaleGivenNewSpec = """
            Ánh:4/4/5, Hân:3/3/4, Khánh:3/3/3, Giao:2/3/4, Tú:3/3/3, Như:2/3/5, Diệu:2/3/3, Hạ:3/2/2, Linh:6/5/4, Ngân:3/3/3,
            Vy:3/3/4, Trâm:2/2/3, Thư:3/3/3, Nhi:3/3/4, My:3/3/3, Quyên:2/2/2, Phương:3/3/3
            """

        /// [(gender * 3 + region) * 3 + era].
        static let kinhGiven: [Words] = (
            givenTables(maleGivenSpec, old: maleGivenOldSpec, new: maleGivenNewSpec)
                + givenTables(femaleGivenSpec, old: femaleGivenOldSpec, new: femaleGivenNewSpec)
        ).flatMap { $0 }

        static func givenTables(_ common: String, old: String, new: String) -> [[Words]] {
            let eraFactors: [[Double]] = [[1, 1, 1], [2.5, 0.8, 0.15], [0.1, 0.6, 2.5]]
            let lists = [entries(common), entries(old), entries(new)]
            return (0..<3).map { region in
                (0..<3).map { era in
                    var merged: [(String, Double)] = []
                    for (kind, list) in lists.enumerated() {
                        for entry in list {
                            let weight = entry.weights[region] * eraFactors[kind][era]
                            if let i = merged.firstIndex(where: { $0.0 == entry.name }) {
                                merged[i].1 += weight
                            } else {
                                merged.append((entry.name, weight))
                            }
                        }
                    }
                    return Words(merged)
                }
            }
        }

        // MARK: Minority names

        static let vanMale = "Văn:85, Đức:3, Thanh:3, Ngọc:2, Minh:3, Quang:2, Xuân:2"
        static let thiFemale = "Thị:90, Thu:2, Thanh:2, Ngọc:2, Kim:1, Hồng:2, Minh:1"
        static let none = ":1"

        static let thaiMale = """
            Pâng, Chăn, Hom, Ún, Xiến, Phanh, Khăm, Bun, Ọn, Muôn, Tương, Pọm, Inh, Quyết, Thanh, Chiến, Hùng, Dũng, Bình, Khánh,
            Tiến, Toản, Xuân, Sáng, Chung, Hặc, Ngoan, Ươi, Thoi, Duấn, Phong, Lả, Cương, Lượng, Biên, Sơn, Hải, Tuấn, Minh, Thắng
            """
        static let thaiFemale = """
            Ương, Xuân, Hoa, Lan, Thoan, Ngoan, Phương, Hương, Pọm, Ón, Ngân, Thu, Hiên, Chiên, Nhâm, Thương, Hồng, Minh, Trang,
            Mai, Nga, Hà, Kim, Xiêng, Bua, Dung, Tiên, Thảo, Huyền, Vân, Ánh, Lả, Inh
            """
        static let mongMale = """
            Páo, Chư, Dìa, Sử, Pó, Chá, Tủa, Súa, Lềnh, Dế, Chồ, Sính, Dình, Lử, Chứ, Vả, Nhà, Dủa, Lâu, Phử, Chông, Của, Tráng,
            Xa, Dũng, Hùng, Chu, Lồng, Sàng, Tếnh, Pao
            """
        static let mongFemale = """
            Mỷ, Sua, Pà, Dợ, Mai, Chia, Sày, Xá, Dở, Máy, Chở, Lan, Súa, Dính, Ly, Dung, Hoa, Nhìa, Mảy, Chu, Say, Sinh, Hương,
            Lìa
            """
        static let daoMale = """
            Vình, Sành, Chiêu, Lở, Quẩy, Phủ, Chòi, Sinh, Kiều, Xuân, Hin, Phin, Lìn, Sơn, Minh, Quyết, Tiến, Dũng, Thành, Sanh,
            Tòn, Lai, Phấu, Kìn, Chấn, Lành
            """
        static let daoFemale = """
            Mẩy, Nhất, Xuân, Sử, Ún, Nái, Kiều, Mai, Lan, Phương, Hoa, Quyên, Sinh, Liên, Dung, Chiêm, Tòn, Nguyên, Lìu, Hiền
            """
        static let khmerMale = """
            Sóc, Sô Phal, Chanh, Thol, Kha, Sà Rinh, Phol, Đa Ra, Sa Vây, Sô Kha, Pho, Khương, Dên, Chum, Sa Rát, Sang, Sóc Khăng,
            Chanh Đa, Sà Em, Rết, Sa Ron, Út, Hênh, Kiên, Ny, Thươl, Minh, Hùng, Dũng, Hoàng
            """
        static let khmerFemale = """
            Sa Ri, Sà Phiến, Sa Rươl, Sóc Phi, Sô Phia, Ly, Na, Sa Ra, Kim Hoa, Phal La, Sô Phi, Đa Ni, Sa Mây, Thy, Ry, Mây,
            Sa Vi, Sóc Thươl, Chanh Thu, Nhung, Thu, Mai, Hồng, Nga, Dơn, Pha Ly, Sa Phia
            """
        static let edeMale = """
            Biêr, Ngông, Blin, Jim, Khuê, Soen, Dhăm, Kô, Mơn, Wai, Yơ, Diêm, Jút, Bhiông, Tlô, Thanh, Kim, Dhuê, Ngọc, Bion,
            Tuyn, Khoa, Lang, Nam, Phu, Wang, Thu, Hiăo, Suôn, Kiêm, Hoàng, Dũng, Mút, Thuyn, Ju, Hin, Luân
            """
        static let edeFemale = """
            Hen, Zen, Ngân, Loan, Yâm, Ba, Nhi, Ruôn, Trang, Bia, Liên, Mai, Dung, Lim, Juin, Năm, Xíu, Lê, Bhiết, Nga, Vân, Hoa,
            Yim, Nai, Doan, Jang, Mi, Liễu, Thư, Nguyệt
            """
        static let jraiMale = """
            Phơ, Tuân, Ban, Long, Thuyên, Phi La, Chung, Ớt, Bi, Dôn, Nhă, Luân, Blơng, Kuang, Yơn, Jơn, Hiếu, Lâm, Hlim, Pôn,
            Hăn, Hiêu, Thái, Dũng, Thành, Tin
            """
        static let jraiFemale = """
            H'Mai, Hương, H'Bla, H'Blin, Thu, H'Nga, Đoan, H'Lan, Nhi, H'Yơn, Phước Hà, H'Hương, H'Ngai, Vy, H'Ly, Hơ, H'Lương,
            Nguyệt, H'Juin, H'Mơ, Huê, H'Lít
            """
        static let bahnarMale = """
            Pớt, Thuyên, Nhan, Blong, Kông, Pố, Phô, Đứ, Hyên, Sang, Thương, Hrin, Khang, Vinh, Dũi, Tin, Đoan, Lưu, Pôn, Yên,
            Ler, Bình, Jung, Rớt, Thiên, Hiếu, Dền, Hưng, Tuấn, Lục
            """
        static let bahnarFemale = """
            Nhan, Đức, Hoa, Mai, Khuê, Hiên, Bút, Hơm, Lan, Thoa, Phương, Nga, Rin, Ngọc, Sương, Thu, Hiền, Liên, Lâm, Nhung, Lợi,
            Bình, Hương, Vân, Tuyết, Mơ
            """
        static let kohoMale = """
            Mák, Bình, Sơ, Điệp, Brỗi, Dũng, Tin, Bằng, Tiếu, Lân, Krai, Jăn, Kiên, Hòa, Sang, Brơi, Bre, Đim, Lía, Sỹ, Tuấn, Hùng,
            Wiên, Sỏi
            """
        static let kohoFemale = """
            Hồng, Sô Liễng, Điệp, Hòa, Bre, Thoan, Nhẫn, Sang, Trang, Nhung, Phin, Dơng, Hường, Thìn, Bằng, Hiền, Lan, Mai, Nga,
            Tiên, Xuân
            """
        static let mnongMale = """
            Kré, Blô, Bình, Thông, Xuân, Ngọc, Srênh, Ria, Dũng, Jin, Tuyên, Lý, Lăm, Bơ, Sơn, Khải, Xiêm, Mênh, Tâm, Hùng, Điều
            """

        static func scheme(
            _ families: String, femaleFamilies: String? = nil, maleMiddle: String = vanMale, femaleMiddle: String = thiFemale,
            maleGiven: String? = nil, femaleGiven: String? = nil, glueMale: Bool = false, glueFemale: Bool = false,
            familyLast: Bool = false
        ) -> NamingScheme {
            NamingScheme(
                maleFamilies: Words(families), femaleFamilies: Words(femaleFamilies ?? families), maleMiddles: Words(maleMiddle),
                femaleMiddles: Words(femaleMiddle), maleGiven: maleGiven.map { Words($0) }, femaleGiven: femaleGiven.map { Words($0) },
                glueMale: glueMale, glueFemale: glueFemale, familyLast: familyLast)
        }

        /// A group written like the Thái: family, Văn/Thị, a Thái given name (or a common one).
        static func thaiLike(_ families: String) -> NamingScheme {
            scheme(families, maleMiddle: "Văn:92, Đức:2, Thanh:2, Xuân:2, Minh:2", femaleMiddle: "Thị:95, Thu:2, Thanh:2, Ngọc:1",
                maleGiven: thaiMale, femaleGiven: thaiFemale)
        }

        /// The Kon Tum pattern: "A Pớt" for men, "Y Hoa" for women, no family name.
        static let konTum = scheme(none, maleMiddle: "A", femaleMiddle: "Y", maleGiven: bahnarMale, femaleGiven: bahnarFemale)
        static func mongLike(_ families: String) -> NamingScheme {
            scheme(families, maleMiddle: "A:55, Seo:15, Mí:10, Văn:15, Chứ:5", femaleMiddle: "Thị", maleGiven: mongMale, femaleGiven: mongFemale)
        }

        /// Naming by ethnic code (index 0 unused; 1, the Kinh, is named from the regional tables).
        static let naming: [Schemes] = {
            var table: [String: [(NamingScheme, Double)]] = [:]
            table["Tày"] = [(scheme("""
                Hoàng:15, Nông:15, Lục:5, Ma:8, Hà:8, Bế:8, Triệu:5, Lương:6, Đàm:5, Vi:4, Lâm:5, Nguyễn:8, Phùng:3, La:3, Đinh:3,
                Sầm:2, Lưu:2, Hứa:2
                """, maleMiddle: "Văn:80, Đức:5, Thanh:4, Ngọc:3, Minh:3, Quang:3, Đình:2",
                femaleMiddle: "Thị:85, Thu:3, Thanh:3, Ngọc:3, Kim:2, Hồng:2, Minh:2"), 1)]
            table["Thái"] = [(thaiLike("""
                Lò:15, Cầm:8, Lường:10, Quàng:8, Tòng:6, Hà:8, Vi:6, Lang:4, Lữ:3, Lương:6, Điêu:4, Bạc:3, Mè:3, Lù:3, Cà:3, Hoàng:3,
                Sầm:2, Lê:3
                """), 1)]
            table["Hoa"] = [(scheme("""
                Lâm:15, Trương:10, Quách:6, Lý:8, Hứa:6, Mã:5, Tăng:5, Châu:5, Lưu:6, Dương:4, Ông:3, Diệp:4, Tạ:3, Trần:8, Huỳnh:6,
                Lư:3, Thái:3, Giang:2
                """, maleMiddle: "Văn:30, Kiến:10, Gia:10, Quốc:10, Vĩnh:10, Chí:10, Minh:10, Tuấn:5",
                femaleMiddle: "Thị:30, Mỹ:15, Ngọc:15, Lệ:10, Tú:10, Huệ:5, Bội:5, Kim:10"), 1)]
            table["Khmer"] = [(scheme(
                "Thạch:25, Sơn:20, Kim:15, Danh:15, Lâm:8, Lý:5, Chau:10, Trần:2",
                femaleFamilies: "Thạch:25, Sơn:20, Kim:15, Danh:15, Lâm:8, Lý:5, Néang:10, Trần:2",
                maleMiddle: ":75, Văn:15, Ngọc:5, Hoàng:5", femaleMiddle: "Thị:60, :40", maleGiven: khmerMale, femaleGiven: khmerFemale), 1)]
            table["Mường"] = [(scheme("Đinh:20, Bùi:25, Quách:10, Bạch:5, Hà:8, Xa:4, Cao:4, Nguyễn:6, Phạm:5, Trương:3",
                maleMiddle: "Văn:65, Công:15, Đức:6, Xuân:5, Ngọc:4, Quang:5", femaleMiddle: "Thị:90, Thanh:4, Thu:3, Ngọc:3"), 1)]
            table["Nùng"] = [(scheme("""
                Hoàng:15, Nông:10, Vi:8, Lăng:6, Lý:8, Chu:6, Mã:6, Triệu:6, Hứa:5, Lục:4, Đinh:4, Lương:5, Dương:3, Nguyễn:5, Tô:3
                """, maleMiddle: "Văn:80, Đức:5, Thanh:4, Ngọc:3, Minh:3, Quang:3, Đình:2",
                femaleMiddle: "Thị:85, Thu:3, Thanh:3, Ngọc:3, Kim:2, Hồng:2, Minh:2"), 1)]
            table["Mông"] = [(mongLike("""
                Vàng:15, Giàng:15, Sùng:12, Thào:12, Lý:10, Hầu:6, Hờ:5, Vừ:6, Mùa:6, Chang:4, Tráng:4, Lầu:4, Lù:3, Sình:3, Cứ:3,
                Mua:3, Ly:3, Má:2
                """), 1)]
            table["Dao"] = [(scheme("Triệu:18, Bàn:18, Đặng:15, Lý:12, Chảo:10, Phùng:7, Tẩn:7, Hoàng:5, Dương:3",
                maleMiddle: "Văn:50, Tài:18, Láo:10, Phúc:8, Kim:5, Sinh:4, Quang:5", femaleMiddle: "Thị:70, Mùi:12, Tả:8, Tà:5, Ngọc:5",
                maleGiven: daoMale, femaleGiven: daoFemale), 1)]
            table["Gia Rai"] = [(scheme("""
                Ksor:22, Rơ Châm:12, Siu:14, Rơ Mah:10, Rơ Lan:6, Kpă:8, Nay:8, Puih:6, Rah Lan:5, Kpuil:3, Rcom:3, Ayun:2
                """, maleMiddle: none, femaleMiddle: none, maleGiven: jraiMale, femaleGiven: jraiFemale), 1)]
            table["Ngái"] = [(scheme("Lý:20, Tô:15, Hoàng:15, Trương:10, Phùng:10, Lương:10, Đặng:5, Lâm:10"), 1)]
            table["Ê Đê"] = [(scheme("""
                Niê:25, Mlô:10, Êban:8, Byă:6, Ksơr:6, Adrơng:5, Buôn Yă:4, Hwing:4, Kbuôr:4, Ayun:4, Ênuôl:5, Mdrang:4, Knul:3,
                Niê Kdăm:4, Bdap:3, Hmok:3
                """, maleMiddle: "Y", femaleMiddle: "H'", maleGiven: edeMale, femaleGiven: edeFemale, glueFemale: true,
                familyLast: true), 1)]
            table["Ba Na"] = [(konTum, 6), (scheme("Đinh:70, Lê:10, Nguyễn:10, Hồ:10"), 4)]
            table["Xơ Đăng"] = [(konTum, 6), (scheme("Hồ:40, Đinh:30, Lê:10, Nguyễn:10, Trần:10"), 4)]
            table["Sán Chay"] = [(scheme("La:12, Lý:10, Hoàng:12, Trần:8, Đàm:8, Nịnh:8, Lâm:8, Dương:8, Ninh:6, Nguyễn:8, Đặng:6, Chu:6"), 1)]
            table["Cơ Ho"] = [
                (scheme(none, maleMiddle: "K'", femaleMiddle: "Ka", maleGiven: kohoMale, femaleGiven: kohoFemale, glueMale: true), 6),
                (scheme("Kră Jăn:15, Liêng Hót:12, Bon Niêng:10, Cil:12, Lơ Mu:10, Đa Cát:8, Rơ Ông:8, Kơ Să:8, Bon Yô:8, Ya:9",
                    maleMiddle: none, femaleMiddle: none, maleGiven: kohoMale, femaleGiven: kohoFemale), 3),
            ]
            table["Chăm"] = [(scheme("""
                Đàng:15, Thiên:8, Quảng:8, Lưu:6, Thông:6, Báo:5, Châu:5, Thuận:5, Trượng:5, Bá:5, Phú:4, Hán:4, Lộ:3, Tài:3, Kiều:3,
                Nguyễn:5
                """), 1)]
            table["Sán Dìu"] = [(scheme("Lưu:12, Trần:10, Lý:10, Diệp:8, Đàm:8, Tạ:6, Ninh:8, Từ:6, La:6, Tiêu:6, Dương:8"), 1)]
            table["Hrê"] = [(scheme("Đinh:60, Phạm:15, Trương:8, Lê:7, Nguyễn:5, Cao:5"), 1)]
            table["Mnông"] = [(scheme("Điểu:1", maleMiddle: ":85, Văn:15", femaleMiddle: "Thị", maleGiven: mnongMale), 1)]
            table["Raglai"] = [(scheme("Chamaléa:20, Pinăng:15, Katơr:10, Mang:10, Bo Bo:8, Cao:8, Ma:5",
                maleMiddle: "Văn:40, :60", femaleMiddle: "Thị:50, :50"), 1)]
            table["Xtiêng"] = [(scheme("Điểu:80, Lâm:5, Nguyễn:10, Trần:5", maleMiddle: ":70, Văn:30", femaleMiddle: "Thị",
                maleGiven: mnongMale), 1)]
            table["Bru - Vân Kiều"] = [(scheme("Hồ:60, Lê:10, Nguyễn:8, Trần:6, Đinh:6, Cao:5, Kăn:5"), 1)]
            table["Thổ"] = [(scheme("Lê:20, Trương:12, Hồ:10, Lương:10, Nguyễn:12, Phạm:8, Đinh:8, Hoàng:8, Vi:6, Lang:6"), 1)]
            table["Giáy"] = [(scheme("Hoàng:15, Lò:12, Vương:10, Lù:10, Sằm:8, Giàng:8, Lồ:6, Chảo:6, Thào:5, Lý:8"), 1)]
            table["Cơ Tu"] = [(scheme("""
                Bhling:15, Briu:12, Alăng:15, Zơrâm:8, Cơlâu:8, Arâl:8, Tơ Ngôn:5, Pơloong:8, Blúp:4, Ating:5, Clâu:5, Hốih:4
                """, maleMiddle: ":55, Văn:45", femaleMiddle: ":45, Thị:55"), 1)]
            table["Giẻ Triêng"] = [(konTum, 7), (scheme("Hồ:50, Đinh:30, Nguyễn:20"), 3)]
            table["Mạ"] = [
                (scheme("Điểu", maleMiddle: "K':50, :50", femaleMiddle: "Thị", maleGiven: kohoMale, femaleGiven: kohoFemale,
                    glueMale: true), 6),
                (scheme(none, maleMiddle: "K'", femaleMiddle: "Ka", maleGiven: kohoMale, femaleGiven: kohoFemale, glueMale: true), 4),
            ]
            table["Khơ Mú"] = [(thaiLike("Lò:20, Vi:15, Quàng:12, Cụt:8, Lường:8, Vì:8, Moong:6, Xeo:4, Lữ:4, Lộc:4"), 1)]
            table["Co"] = [(scheme("Đinh:40, Hồ:30, Lê:10, Nguyễn:10, Phạm:10"), 1)]
            table["Tà Ôi"] = [(scheme("Hồ:40, Kăn:15, Lê:10, Nguyễn:10, Viên:5, Quỳnh:5, Trần:5"), 1)]
            table["Chơ Ro"] = [(scheme("Điểu:70, Trương:10, Nguyễn:10, Lê:10", maleMiddle: ":50, Văn:50", femaleMiddle: "Thị"), 1)]
            table["Kháng"] = [(thaiLike("Lò:20, Quàng:15, Lường:15, Vì:15, Cà:15, Lừ:10"), 1)]
            table["Xinh Mun"] = [(thaiLike("Lò:20, Vì:20, Quàng:15, Cà:20, Lừ:10, Lường:10"), 1)]
            table["Hà Nhì"] = [(scheme("Lý:20, Pờ:15, Chu:15, Sần:10, Ly:10, Phu:8, Hù:8, Lò:8, Ma:6", maleMiddle: "A:60, Văn:40",
                femaleMiddle: "Thị", maleGiven: mongMale, femaleGiven: mongFemale), 1)]
            table["Lào"] = [(thaiLike("Lò:25, Vì:15, Lường:15, Cầm:10"), 1)]
            table["La Chí"] = [(scheme("Sin:20, Vương:15, Lương:15, Hoàng:15, Ly:10, Chảo:10"), 1)]
            table["La Ha"] = [(thaiLike("Lò:25, Quàng:20, Lường:20, Cầm:15"), 1)]
            table["Phù Lá"] = [(scheme("Ly:15, Vàng:15, Hầu:12, Lù:12, Sần:10, Tẩn:10, Pờ:8", maleMiddle: "Văn:60, A:20, Seo:20"), 1)]
            table["La Hủ"] = [(scheme("Lò:20, Lý:20, Phùng:15, Chu:15, Pờ:15, Vàng:15", maleMiddle: "A:60, Văn:40",
                femaleMiddle: "Thị", maleGiven: mongMale, femaleGiven: mongFemale), 1)]
            table["Lự"] = [(thaiLike("Tao:25, Lò:20, Lù:15, Vàng:10, Chẻo:10, Pin:5, Lý:5"), 1)]
            table["Lô Lô"] = [(scheme("Lò:20, Sình:15, Vàng:15, Lù:15, Mìn:10, Lý:10, Sìn:10"), 1)]
            table["Chứt"] = [(scheme("Cao:25, Hồ:25, Đinh:20, Trương:15, Nguyễn:15"), 1)]
            table["Mảng"] = [(thaiLike("Chảo:25, Lò:25, Vàng:20, Tao:15"), 1)]
            table["Pà Thẻn"] = [(scheme("Phạm:20, Lương:15, Tẩn:15, Sìn:15, Hoàng:15, Ma:10"), 1)]
            table["Cờ Lao"] = [(scheme("Sín:20, Tẩn:20, Vần:20, Lẩu:15, Thào:15"), 1)]
            table["Cống"] = [(thaiLike("Chang:25, Lỳ:20, Pạc:20, Hù:15, Lò:15"), 1)]
            table["Bố Y"] = [(scheme("Sầm:20, Lồ:20, Hoàng:20, Vi:15, Lu:10"), 1)]
            table["Si La"] = [(thaiLike("Hù:25, Pờ:25, Lý:20, Vàng:15"), 1)]
            table["Pu Péo"] = [(scheme("Cáo:25, Sáng:20, Hoàng:20, Thèn:15, Giàng:10"), 1)]
            table["Brâu"] = [(konTum, 1)]
            table["Ơ Đu"] = [(thaiLike("Lô:40, Lỳ:20, Vi:20, Lo:10"), 1)]
            table["Rơ Măm"] = [(konTum, 1)]
            table["Chu Ru"] = [(scheme("Touneh:20, Ya:15, Bơ Nah:12, Jơ Lơng:12, Ma:10", maleMiddle: none, femaleMiddle: none,
                maleGiven: kohoMale, femaleGiven: kohoFemale), 1)]
            var byCode = [Schemes](repeating: Schemes(dice: Dice([1]), schemes: [konTum]), count: Ethnicity.all.count + 1)
            for (name, schemes) in table {
                byCode[ethnicCode(name)] = Schemes(dice: Dice(schemes.map(\.1)), schemes: schemes.map(\.0))
            }
            precondition(Set(table.keys.map(ethnicCode)).count == Ethnicity.all.count - 1, "DemoMembers: a group without names")
            return byCode
        }()

        // MARK: Provinces

        /// NationalID province codes in a fixed order (a Dictionary's order changes between runs).
        static let birthCodes: [String] = NationalID.provinceCodes.keys.sorted()
        static let birthCodeValues: [Int] = birthCodes.map { Int($0)! }
        static func birthCodeIndex(_ code: String) -> Int {
            guard let i = birthCodes.firstIndex(of: code) else { preconditionFailure("DemoMembers: unknown province code \(code)") }
            return i
        }

        /// Where members born in another province come from: every code, the emigration provinces more.
        static let migrantOrigins: Dice = {
            var weights = [Double](repeating: 1, count: birthCodes.count)
            for entry in entries("""
                038:12, 040:12, 034:8, 036:8, 042:6, 001:6, 030:4, 031:3, 049:6, 051:5, 052:5, 046:3, 079:5, 083:3, 082:3, 080:2,
                044:3, 045:3, 035:3, 037:2, 033:2, 027:2, 024:2, 025:2, 054:2, 056:2
                """)
            {
                weights[birthCodeIndex(entry.name)] += entry.weights[0]
            }
            return Dice(weights)
        }()

        /// Home areas (birth-registration codes) of the minority groups; members are born in those of their province.
        static let homeCodes: [String: String] = [
            "Khmer": "094, 084, 091, 089, 095, 096, 092, 093, 086, 072, 079", "Hoa": "079, 094, 091, 089, 095, 092, 075, 022, 096",
            "Ê Đê": "066, 054, 067", "Gia Rai": "064, 062", "Ba Na": "064, 062, 052, 054", "Xơ Đăng": "062, 049, 051",
            "Hrê": "051, 052", "Cơ Tu": "049, 046, 048", "Giẻ Triêng": "062, 049", "Co": "051, 049", "Brâu": "062",
            "Rơ Măm": "062", "Mnông": "067, 066, 070", "Cơ Ho": "068, 060, 058", "Mạ": "068, 067, 075", "Chu Ru": "068, 058",
            "Raglai": "058, 056, 060", "Chăm": "058, 060, 054, 052, 089, 079, 072", "Xtiêng": "070, 072", "Chơ Ro": "075, 077",
            "Bru - Vân Kiều": "045, 044", "Tà Ôi": "046, 045", "Chứt": "044, 042", "Mường": "017, 038, 025, 037, 014, 001",
            "Mông": "002, 010, 015, 011, 012, 014, 004, 038, 040, 020, 006, 008",
            "Tày": "004, 020, 002, 008, 006, 019, 010, 015, 022, 024", "Nùng": "020, 004, 002, 024, 019, 006, 010",
            "Dao": "002, 015, 010, 008, 022, 004, 006, 020, 019, 017, 025", "Sán Chay": "008, 019, 024, 020, 022, 004",
            "Sán Dìu": "019, 026, 022, 024, 008", "Giáy": "010, 012, 002, 011", "Bố Y": "010, 002", "Phù Lá": "010, 015, 002",
            "Hà Nhì": "012, 011, 010", "Lô Lô": "002, 004", "Pu Péo": "002", "Pà Thẻn": "002, 008", "Cờ Lao": "002",
            "La Chí": "002, 010", "Thái": "014, 011, 012, 038, 040, 015, 017", "Khơ Mú": "011, 014, 040, 012", "Lào": "011, 012, 014",
            "Lự": "012", "Cống": "011, 012", "Si La": "011, 012", "La Hủ": "012", "Mảng": "012", "Kháng": "014, 012, 011",
            "Xinh Mun": "014, 011", "La Ha": "014", "Thổ": "040, 038", "Ơ Đu": "040", "Ngái": "022, 024, 019",
        ]

        struct ProvinceSpec {
            var region: Int
            /// Per 10,000 members, on top of `baseline`; the Kinh are the rest.
            var mix: String
            /// Pre-2025 provinces (NationalID codes) with their populations.
            var codes: String
            var migrants: Int = 500
            /// Per 10,000 Kinh members; none for the rest.
            var religion: String = "Phật giáo:150, Công giáo:50"
        }

        /// Minorities found everywhere in small numbers (workers, soldiers, officials who moved).
        static let baseline = "Tày:10, Mường:10, Nùng:6, Thái:6, Hoa:10, Dao:4, Khmer:2, Mông:2, Sán Dìu:2, Chăm:1"

        /// The 34 provinces of `DemoTree.provinces`, by name.
        static func spec(_ province: String) -> ProvinceSpec {
            switch province {
            case "Hà Nội":
                return ProvinceSpec(region: 0, mix: "Mường:80, Tày:10, Dao:4, Hoa:10", codes: "001:1", migrants: 2_000)
            case "Thành phố Hồ Chí Minh":
                return ProvinceSpec(region: 2, mix: "Hoa:600, Khmer:60, Chăm:8, Chơ Ro:5, Tày:10, Nùng:8, Mường:5",
                    codes: "079:9.4, 074:2.8, 077:1.2", migrants: 3_500,
                    religion: "Phật giáo:300, Công giáo:150, Tin Lành:10, Cao Đài:20")
            case "Hải Phòng":
                return ProvinceSpec(region: 0, mix: "Hoa:5", codes: "031:2.1, 030:1.9", migrants: 800)
            case "Đà Nẵng":
                return ProvinceSpec(region: 1, mix: "Cơ Tu:120, Xơ Đăng:40, Giẻ Triêng:20, Co:15, Tày:5",
                    codes: "048:1.2, 049:1.5", migrants: 1_500)
            case "Cần Thơ":
                return ProvinceSpec(region: 2, mix: "Khmer:1300, Hoa:250", codes: "092:1.25, 094:1.2, 093:0.73", migrants: 800,
                    religion: "Phật giáo:250, Phật giáo Hòa Hảo:80, Công giáo:40")
            case "Huế":
                return ProvinceSpec(region: 1, mix: "Tà Ôi:100, Cơ Tu:40, Bru - Vân Kiều:20", codes: "046:1",
                    religion: "Phật giáo:350, Công giáo:50")
            case "Lai Châu":
                return ProvinceSpec(region: 0, mix: """
                    Thái:1235, Mông:910, Dao:420, Hà Nhì:195, Giáy:115, Lự:65, La Hủ:65, Khơ Mú:45, Cống:20, Mảng:30, Si La:10,
                    Kháng:25, Lào:25, Tày:45, Nùng:15, Phù Lá:5, Xinh Mun:5, Hoa:10
                    """, codes: "012:1")
            case "Điện Biên":
                return ProvinceSpec(region: 0, mix: """
                    Thái:1495, Mông:1040, Khơ Mú:180, Dao:85, Hà Nhì:40, Lào:90, Kháng:45, Cống:20, Si La:15, Xinh Mun:30,
                    Phù Lá:10, Hoa:10, Tày:25, Nùng:15, Mường:15
                    """, codes: "011:1")
            case "Sơn La":
                return ProvinceSpec(region: 0, mix: """
                    Thái:2210, Mông:650, Mường:290, Dao:85, Xinh Mun:60, Khơ Mú:45, Kháng:45, La Ha:35, Lào:30, Tày:20
                    """, codes: "014:1")
            case "Lạng Sơn":
                return ProvinceSpec(region: 0, mix: "Nùng:1625, Tày:1495, Dao:145, Sán Chay:30, Mông:25, Hoa:30", codes: "020:1")
            case "Quảng Ninh":
                return ProvinceSpec(region: 0, mix: "Dao:250, Tày:150, Sán Dìu:100, Sán Chay:100, Hoa:60, Ngái:15, Nùng:40",
                    codes: "022:1", migrants: 1_500)
            case "Thanh Hóa":
                return ProvinceSpec(region: 1, mix: "Mường:1200, Thái:500, Mông:60, Thổ:40, Dao:30, Khơ Mú:20", codes: "038:1",
                    religion: "Phật giáo:100, Công giáo:80")
            case "Nghệ An":
                return ProvinceSpec(region: 1, mix: "Thái:900, Khơ Mú:150, Mông:100, Thổ:80, Ơ Đu:5", codes: "040:1",
                    religion: "Phật giáo:80, Công giáo:80")
            case "Hà Tĩnh":
                return ProvinceSpec(region: 1, mix: "Chứt:5, Lào:5", codes: "042:1", religion: "Phật giáo:80, Công giáo:60")
            case "Cao Bằng":
                return ProvinceSpec(region: 0, mix: "Tày:2145, Nùng:1430, Mông:390, Dao:340, Sán Chay:60, Lô Lô:25, Hoa:15",
                    codes: "004:1")
            case "Tuyên Quang":
                return ProvinceSpec(region: 0, mix: """
                    Tày:1300, Mông:845, Dao:535, Nùng:290, Sán Chay:210, Giáy:60, Lô Lô:30, Pà Thẻn:35, La Chí:45, Cờ Lao:30,
                    Pu Péo:20, Bố Y:15, Phù Lá:15, Hoa:15, Sán Dìu:15
                    """, codes: "008:0.8, 002:0.9")
            case "Lào Cai":
                return ProvinceSpec(region: 0, mix: """
                    Tày:650, Mông:780, Dao:535, Giáy:150, Nùng:150, Thái:290, Hà Nhì:45, Phù Lá:60, La Chí:5, Bố Y:15, Mường:45,
                    Khơ Mú:30, Sán Chay:15
                    """, codes: "010:0.77, 015:0.85")
            case "Thái Nguyên":
                return ProvinceSpec(region: 0, mix: "Tày:910, Nùng:290, Dao:210, Sán Dìu:115, Sán Chay:90, Mông:60, Hoa:15, Ngái:5",
                    codes: "019:1.3, 006:0.32", migrants: 800)
            case "Phú Thọ":
                return ProvinceSpec(region: 0, mix: "Mường:1600, Dao:90, Thái:90, Tày:45, Sán Dìu:45, Sán Chay:25, Mông:15",
                    codes: "025:1.5, 026:1.2, 017:0.88")
            case "Bắc Ninh":
                return ProvinceSpec(region: 0, mix: "Nùng:250, Tày:150, Sán Chay:100, Sán Dìu:80, Hoa:50, Dao:40, Ngái:10",
                    codes: "027:1.5, 024:1.9", migrants: 800)
            case "Hưng Yên":
                return ProvinceSpec(region: 0, mix: "", codes: "033:1.3, 034:1.9", religion: "Phật giáo:100, Công giáo:120")
            case "Ninh Bình":
                return ProvinceSpec(region: 0, mix: "Mường:150", codes: "037:1.0, 035:0.88, 036:1.9",
                    religion: "Phật giáo:100, Công giáo:250")
            case "Quảng Trị":
                return ProvinceSpec(region: 1, mix: "Bru - Vân Kiều:500, Tà Ôi:120, Chứt:40", codes: "045:0.65, 044:0.9",
                    religion: "Phật giáo:100, Công giáo:80")
            case "Quảng Ngãi":
                return ProvinceSpec(region: 1, mix: """
                    Hrê:800, Xơ Đăng:700, Ba Na:350, Co:200, Giẻ Triêng:200, Brâu:8, Rơ Măm:8, Gia Rai:40
                    """, codes: "051:1.25, 062:0.58")
            case "Gia Lai":
                return ProvinceSpec(region: 1, mix: "Gia Rai:1500, Ba Na:800, Tày:40, Nùng:30, Hrê:10, Chăm:5, Mông:20",
                    codes: "064:1.6, 052:1.5", migrants: 2_500, religion: "Phật giáo:150, Công giáo:120, Tin Lành:30")
            case "Khánh Hòa":
                return ProvinceSpec(region: 1, mix: "Chăm:500, Raglai:500, Cơ Ho:60, Ê Đê:20, Hoa:50", codes: "056:1.25, 058:0.6",
                    migrants: 1_000, religion: "Phật giáo:200, Công giáo:60")
            case "Lâm Đồng":
                return ProvinceSpec(region: 1, mix: """
                    Cơ Ho:600, Mạ:150, Mnông:300, Chu Ru:80, Chăm:150, Raglai:50, Tày:150, Nùng:150, Ê Đê:50, Hoa:60, Dao:50,
                    Mông:50, Xtiêng:10
                    """, codes: "068:1.3, 067:0.66, 060:1.25", migrants: 3_000,
                    religion: "Phật giáo:150, Công giáo:150, Tin Lành:30")
            case "Đắk Lắk":
                return ProvinceSpec(region: 1, mix: """
                    Ê Đê:1400, Gia Rai:150, Mnông:300, Tày:250, Nùng:250, Chăm:60, Ba Na:30, Mông:60, Dao:60, Thái:60, Mường:60
                    """, codes: "066:1.9, 054:0.87", migrants: 3_000, religion: "Phật giáo:150, Công giáo:120, Tin Lành:30")
            case "Đồng Nai":
                return ProvinceSpec(region: 2, mix: "Xtiêng:350, Hoa:300, Chơ Ro:100, Mnông:60, Tày:80, Nùng:100, Khmer:80, Mạ:30, Dao:20",
                    codes: "075:3.2, 070:1.0", migrants: 3_000, religion: "Phật giáo:200, Công giáo:300")
            case "Tây Ninh":
                return ProvinceSpec(region: 2, mix: "Khmer:60, Chăm:20, Hoa:20", codes: "072:1.2, 080:1.7", migrants: 1_000,
                    religion: "Phật giáo:150, Cao Đài:200, Công giáo:40")
            case "Vĩnh Long":
                return ProvinceSpec(region: 2, mix: "Khmer:1200, Hoa:60", codes: "086:1.0, 083:1.3, 084:1.0",
                    religion: "Phật giáo:250, Công giáo:50")
            case "Đồng Tháp":
                return ProvinceSpec(region: 2, mix: "Hoa:30, Khmer:20", codes: "087:1.6, 082:1.8",
                    religion: "Phật giáo:200, Phật giáo Hòa Hảo:100, Công giáo:30")
            case "Cà Mau":
                return ProvinceSpec(region: 2, mix: "Khmer:600, Hoa:150", codes: "096:1.2, 095:0.9",
                    religion: "Phật giáo:200, Công giáo:50")
            case "An Giang":
                return ProvinceSpec(region: 2, mix: "Khmer:1000, Hoa:200, Chăm:50", codes: "089:1.9, 091:1.75",
                    religion: "Phật giáo:200, Phật giáo Hòa Hảo:200, Công giáo:30")
            default:
                return ProvinceSpec(region: 0, mix: "", codes: "001:1")
            }
        }

        static let provinces: [ProvinceProfile] = DemoTree.provinces.map { name in
            let config = spec(name)
            var shares = [Double](repeating: 0, count: Ethnicity.all.count + 1)
            for entry in entries(baseline) + entries(config.mix) { shares[ethnicCode(entry.name)] += entry.weights[0] }
            shares[1] = 10_000 - shares.reduce(0, +)
            precondition(shares[1] > 0, "DemoMembers: minorities over 100% in \(name)")
            let groups = (1..<shares.count).filter { shares[$0] > 0 }

            let codes = entries(config.codes).map { (index: birthCodeIndex($0.name), weight: $0.weights[0]) }
            let all = Dice(codes.reduce(into: [Double](repeating: 0, count: birthCodes.count)) { $0[$1.index] += $1.weight })
            var places = [Dice](repeating: all, count: Ethnicity.all.count + 1)
            for (group, homes) in homeCodes {
                let home = Set(entries(homes).map { birthCodeIndex($0.name) })
                let local = codes.filter { home.contains($0.index) }
                guard !local.isEmpty else { continue }
                places[ethnicCode(group)] = Dice(
                    local.reduce(into: [Double](repeating: 0, count: birthCodes.count)) { $0[$1.index] += $1.weight })
            }
            var religion = entries(config.religion).map { ($0.name, $0.weights[0]) }
            religion.append(("", 10_000 - religion.reduce(0) { $0 + $1.1 }))
            return ProvinceProfile(
                region: config.region, ethnicities: groups, ethnicityDice: Dice(groups.map { shares[$0] }), religion: Words(religion),
                migrants: config.migrants, birthPlaces: places)
        }

        // MARK: Religion, education, qualification, political theory

        static let minorityReligion: [Words] = {
            var table = [Words](repeating: Words([("", 9_950), ("Phật giáo", 50)]), count: Ethnicity.all.count + 1)
            table[ethnicCode("Khmer")] = Words([("", 4_500), ("Phật giáo", 5_500)])
            table[ethnicCode("Hoa")] = Words([("", 8_000), ("Phật giáo", 2_000)])
            table[ethnicCode("Chăm")] = Words([("", 6_500), ("Bà La Môn", 2_500), ("Hồi giáo", 1_000)])
            for group in ["Ê Đê", "Gia Rai", "Mnông", "Cơ Ho", "Ba Na", "Xơ Đăng", "Mạ", "Chu Ru"] {
                table[ethnicCode(group)] = Words([("", 9_400), ("Tin Lành", 300), ("Công giáo", 300)])
            }
            table[ethnicCode("Mông")] = Words([("", 9_900), ("Tin Lành", 100)])
            return table
        }()

        /// General education: the North's 10-year school before the 1980s, the South's 12 years; fewer years for the
        /// oldest members and in the mountains.
        static let educationTables: [Words] = [
            Words("12/12:9500, 9/12:250, 11/12:100, 10/12:150"),
            Words("12/12:6000, 10/10:3000, 9/12:400, 7/10:300, 8/10:300"),
            Words("12/12:8500, 9/12:800, 10/12:400, 7/12:300"),
            Words("10/10:5000, 12/12:1500, 7/10:1500, 9/10:600, 8/10:700, 4/10:300, 9/12:400"),
            Words("12/12:4500, 9/12:2000, 7/12:1000, 10/10:1500, 5/12:1000"),
            Words("12/12:8800, 9/12:800, 10/12:200, 7/12:200"),
        ]

        static func education(bornIn year: Int, south: Bool, minority: Bool) -> Words {
            if year >= 1975 { return educationTables[minority ? 5 : 0] }
            if year >= 1960 && !minority { return educationTables[south ? 2 : 1] }
            return educationTables[south ? 4 : 3]
        }

        static let qualificationKeys = ["none", "intermediate", "college", "bachelor", "master", "doctor"]
        static let qualificationTables = [
            Dice([1_600, 1_400, 1_200, 5_200, 580, 20]),
            Dice([2_100, 1_400, 700, 4_500, 1_150, 150]),
            Dice([3_800, 2_000, 600, 3_000, 400, 200]),
            Dice([5_500, 2_000, 400, 1_800, 100, 200]),
            Dice([3_500, 2_500, 1_000, 2_800, 180, 20]),
            Dice([6_500, 2_000, 500, 950, 40, 10]),
        ]

        /// Qualification by age (the young are more often graduates; retired members often trained before
        /// universities were common), lower in the minorities.
        static func qualification(age: Int, minority: Bool, status: MemberStatus) -> Dice {
            if minority { return qualificationTables[age < 60 ? 4 : 5] }
            if status == .candidate || status == .probationary || age < 35 { return qualificationTables[0] }
            return qualificationTables[age < 60 ? 1 : age < 75 ? 2 : 3]
        }

        static let theoryKeys = ["none", "elementary", "intermediate", "advanced", "bachelor"]
        static let theoryTables = [
            Dice([9_000, 1_000, 0, 0, 0]),
            Dice([5_000, 4_500, 500, 0, 0]),
            Dice([2_500, 6_000, 1_300, 200, 0]),
            Dice([1_200, 5_500, 2_600, 600, 100]),
            Dice([1_000, 4_500, 3_300, 1_000, 200]),
            Dice([1_500, 4_000, 3_000, 1_200, 300]),
            Dice([200, 2_500, 4_000, 2_800, 500]),
        ]

        /// Political theory grows with party age; members with a master's or a doctorate are mostly cadres.
        static func theory(status: MemberStatus, partyYears: Int, cadre: Bool) -> Dice {
            switch status {
            case .candidate: return theoryTables[0]
            case .probationary: return theoryTables[1]
            default:
                if cadre && partyYears >= 5 { return theoryTables[6] }
                return theoryTables[partyYears < 5 ? 2 : partyYears < 15 ? 3 : partyYears < 30 ? 4 : 5]
            }
        }
    }
}

extension SeededGenerator {
    /// Uniform in `0..<n` (n > 0), by multiply-high: no division on the hot path.
    @inline(__always)
    fileprivate mutating func below(_ n: Int) -> Int {
        Int(truncatingIfNeeded: UInt64(n).multipliedFullWidth(by: next()).high)
    }
}
