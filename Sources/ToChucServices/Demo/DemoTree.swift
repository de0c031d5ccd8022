import Foundation
import ToChucDomain

/// A small, fast, seedable generator (SplitMix64): the same seed gives the same dataset on every machine.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A national-shaped organization tree (DOMAIN.md §1, FACTS.md sizes): the central unit, 34 provinces, blocks
/// (upper-base) in each, ~52,000 base units (communes and wards, agencies, enterprises) and ~250,000 cells.
/// Deterministic by seed; written as `org_units.csv` rows (INTERCHANGE.md) so that it loads through the same import.
public enum DemoTree {
    /// The 34 provincial units since the 2025 reform.
    public static let provinces = [
        "Hà Nội", "Thành phố Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "Lai Châu", "Điện Biên", "Sơn La", "Lạng Sơn",
        "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh", "Cao Bằng", "Tuyên Quang", "Lào Cai", "Thái Nguyên", "Phú Thọ", "Bắc Ninh",
        "Hưng Yên", "Ninh Bình", "Quảng Trị", "Quảng Ngãi", "Gia Lai", "Khánh Hòa", "Lâm Đồng", "Đắk Lắk", "Đồng Nai", "Tây Ninh",
        "Vĩnh Long", "Đồng Tháp", "Cà Mau", "An Giang",
    ]
    static let communeWords = [
        "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Hưng", "Phước", "Thuận", "Đông", "Tây", "Nam", "Bắc", "Trung", "Vĩnh",
        "Mỹ", "Hiệp", "Lộc", "Thịnh", "Quang", "Minh", "Đức", "Nghĩa", "Thành", "Xuân", "Hải", "Sơn", "Lâm", "Đồng",
    ]
    static let agencyNames = [
        "Sở Tài chính", "Sở Nội vụ", "Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Xây dựng", "Sở Công Thương", "Bệnh viện Đa khoa", "Trường Trung học phổ thông",
        "Công ty Điện lực", "Công ty Cổ phần Xây lắp", "Công ty TNHH Thương mại", "Ngân hàng", "Cục Thuế", "Kho bạc Nhà nước", "Công an", "Ban Chỉ huy Quân sự",
    ]

    public struct Size: Sendable {
        public var provinces: Int
        public var blocksPerProvince: Int
        public var communesPerProvince: Int
        public var agenciesPerProvince: Int
        public var cellsPerBase: ClosedRange<Int>

        /// ~300,000 units: the national tree of FACTS.md.
        public static let nation = Size(provinces: 34, blocksPerProvince: 10, communesPerProvince: 97, agenciesPerProvince: 1_433, cellsPerBase: 2...7)
        /// One province (~9,000 units): the province demo.
        public static let province = Size(provinces: 1, blocksPerProvince: 10, communesPerProvince: 97, agenciesPerProvince: 1_433, cellsPerBase: 2...7)
    }

    /// Header and rows of `org_units.csv`.
    public static func rows(size: Size, seed: UInt64 = 2025) -> [[String]] {
        var random = SeededGenerator(seed: seed)
        var rows: [[String]] = [OrgUnitsFile.columns.map(\.name)]
        func add(_ code: String, _ name: String, _ kind: UnitKind, _ parent: String, _ sector: Sector, _ committee: Bool, _ founded: String) {
            rows.append([code, name, kind.rawValue, parent, sector.rawValue, committee ? "true" : "false", founded, ""])
        }
        add("TW", "Trung ương", .central, "", .other, true, "1930-02-03")
        for p in 0..<min(size.provinces, provinces.count) {
            let province = String(format: "T%02d", p + 1)
            add(province, "Đảng bộ tỉnh \(provinces[p])", .provincial, "TW", .other, true, "1945-09-02")
            var blocks: [String] = []
            for b in 0..<size.blocksPerProvince {
                let code = "\(province)-K\(b + 1)"
                blocks.append(code)
                add(code, "Đảng bộ Khối \(["các cơ quan", "doanh nghiệp", "y tế", "giáo dục", "công an", "quân sự", "tài chính", "xây dựng", "giao thông", "nông nghiệp"][b % 10]) \(provinces[p])", .upperBase, province, .stateAgency, true, "1976-01-01")
            }
            func cells(under base: String, sector: Sector, founded: String) {
                let count = Int.random(in: size.cellsPerBase, using: &random)
                for c in 0..<count {
                    let committee = Int.random(in: 0..<100, using: &random) < 35
                    add("\(base)-C\(c + 1)", "Chi bộ \(sector == .commune ? "thôn" : "phòng") \(c + 1)", .cell, base, sector, committee, founded)
                }
            }
            for c in 0..<size.communesPerProvince {
                let code = "\(province)-X\(c + 1)"
                let name = communeWords.randomElement(using: &random)! + " " + communeWords.randomElement(using: &random)!
                add(code, "Đảng bộ \(c % 5 == 0 ? "phường" : "xã") \(name)", .base, province, .commune, true, "2025-07-01")
                cells(under: code, sector: .commune, founded: "2025-07-01")
            }
            for a in 0..<size.agenciesPerProvince {
                let code = "\(province)-A\(a + 1)"
                let sector: Sector = [.stateAgency, .publicService, .stateEnterprise, .nonStateEnterprise, .armedForces][a % 5]
                let parent = blocks.isEmpty ? province : blocks[a % blocks.count]
                add(code, "Đảng bộ \(agencyNames[a % agencyNames.count]) số \(a + 1)", .base, parent, sector, true, "2000-01-01")
                cells(under: code, sector: sector, founded: "2000-01-01")
            }
        }
        return rows
    }
}
