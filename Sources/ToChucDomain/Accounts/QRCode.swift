/// A QR code (ISO/IEC 18004) of a short text: byte mode, error correction level M, the smallest version of 1–10
/// that holds it (up to 213 bytes), the mask with the lowest penalty. The second-factor enrolment shows the otpauth
/// link as one, so that a phone's authenticator app reads it with the camera instead of the secret being typed.
public struct QRCode: Sendable, Equatable {
    /// 1–10: the size is 17 + 4 × version modules.
    public let version: Int
    /// 0–7 (ISO/IEC 18004 §7.8.2).
    public let mask: Int
    public let size: Int
    /// Row by row, `true` for a dark module; no quiet zone.
    public let modules: [Bool]

    public static let versions = 1...10

    /// Nil when the text needs more than version 10 holds at level M.
    public init?(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    /// `version` and `mask` fixed for tests that compare with a reference encoder; chosen otherwise.
    public init?(bytes: [UInt8], version fixedVersion: Int? = nil, mask fixedMask: Int? = nil) {
        guard let version = fixedVersion ?? Self.versions.first(where: { bytes.count <= Self.byteCapacity($0) }),
            Self.versions.contains(version), bytes.count <= Self.byteCapacity(version)
        else { return nil }
        var grid = Grid(version: version)
        grid.drawFunctionPatterns()
        grid.drawCodewords(Self.codewords(bytes, version: version))
        let masks = fixedMask.map { [$0] } ?? Array(0..<8)
        var best: (mask: Int, grid: Grid, penalty: Int)? = nil
        for mask in masks where (0..<8).contains(mask) {
            var candidate = grid
            candidate.apply(mask: mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = candidate.penalty()
            if best == nil || penalty < best!.penalty { best = (mask, candidate, penalty) }
        }
        guard let best else { return nil }
        self.version = version
        self.mask = best.mask
        self.size = best.grid.size
        self.modules = best.grid.dark
    }

    public func isDark(x: Int, y: Int) -> Bool { modules[y * size + x] }

    // MARK: - Capacity and codewords (level M)

    /// Error correction codewords per block and blocks, level M, versions 1–10 (ISO/IEC 18004 Table 9).
    static let eccPerBlock = [10, 16, 26, 18, 24, 16, 18, 22, 22, 26]
    static let blocks = [1, 1, 1, 2, 2, 4, 4, 4, 5, 5]

    /// Modules left for data and error correction once the function patterns are drawn, in whole codewords.
    static func rawCodewords(_ version: Int) -> Int {
        var modules = (16 * version + 128) * version + 64
        if version >= 2 {
            let alignments = version / 7 + 2
            modules -= (25 * alignments - 10) * alignments - 55
            if version >= 7 { modules -= 36 }
        }
        return modules / 8
    }

    static func dataCodewords(_ version: Int) -> Int {
        rawCodewords(version) - eccPerBlock[version - 1] * blocks[version - 1]
    }

    /// Bytes a version holds in byte mode: 4 bits of mode and 8 (16 from version 10) of count come first.
    static func byteCapacity(_ version: Int) -> Int {
        (dataCodewords(version) * 8 - 4 - (version < 10 ? 8 : 16)) / 8
    }

    /// The data bits padded to capacity, split into blocks, each block's error correction computed, interleaved.
    static func codewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for byte in bytes { append(Int(byte), 8) }
        let capacity = dataCodewords(version) * 8
        append(0, min(4, capacity - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var data: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while data.count < dataCodewords(version) {
            data.append(pad)
            pad ^= 0xEC ^ 0x11
        }
        let count = blocks[version - 1], ecc = eccPerBlock[version - 1]
        let raw = rawCodewords(version)
        // The last `raw % count` blocks hold one data codeword more than the others.
        let short = count - raw % count
        let shortData = raw / count - ecc
        let divisor = ReedSolomon.divisor(degree: ecc)
        var dataBlocks: [[UInt8]] = []
        var eccBlocks: [[UInt8]] = []
        var start = 0
        for index in 0..<count {
            let length = shortData + (index < short ? 0 : 1)
            let block = Array(data[start..<start + length])
            start += length
            dataBlocks.append(block)
            eccBlocks.append(ReedSolomon.remainder(block, divisor: divisor))
        }
        var out: [UInt8] = []
        for i in 0...shortData {
            for block in dataBlocks where i < block.count { out.append(block[i]) }
        }
        for i in 0..<ecc {
            for block in eccBlocks { out.append(block[i]) }
        }
        return out
    }

    /// Reed–Solomon over GF(256) with the QR code's polynomial x⁸ + x⁴ + x³ + x² + 1.
    enum ReedSolomon {
        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            var product = 0
            for i in stride(from: 7, through: 0, by: -1) {
                product = (product << 1) ^ ((product >> 7) * 0x11D)
                product ^= Int((b >> UInt8(i)) & 1) * Int(a)
            }
            return UInt8(product)
        }

        /// The generator polynomial's coefficients, highest power first without the leading 1.
        static func divisor(degree: Int) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: degree)
            result[degree - 1] = 1
            var root: UInt8 = 1
            for _ in 0..<degree {
                for j in 0..<degree {
                    result[j] = multiply(result[j], root)
                    if j + 1 < degree { result[j] ^= result[j + 1] }
                }
                root = multiply(root, 0x02)
            }
            return result
        }

        static func remainder(_ data: [UInt8], divisor: [UInt8]) -> [UInt8] {
            var result = [UInt8](repeating: 0, count: divisor.count)
            for byte in data {
                let factor = byte ^ result.removeFirst()
                result.append(0)
                for i in result.indices { result[i] ^= multiply(divisor[i], factor) }
            }
            return result
        }
    }

    // MARK: - The matrix

    struct Grid: Sendable {
        let version: Int
        let size: Int
        var dark: [Bool]
        var function: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            function = Array(repeating: false, count: size * size)
        }

        mutating func set(_ x: Int, _ y: Int, _ isDark: Bool) {
            dark[y * size + x] = isDark
            function[y * size + x] = true
        }

        /// Finder, separator, timing and alignment patterns, the dark module, and the format and version areas.
        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                        let distance = max(abs(dx), abs(dy))
                        set(cx + dx, cy + dy, distance != 2 && distance != 4)
                    }
                }
            }
            let positions = alignmentPositions
            for (i, cy) in positions.enumerated() {
                for (j, cx) in positions.enumerated() {
                    let last = positions.count - 1
                    // Not where a finder pattern is.
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            drawFormatBits(mask: 0)  // reserves the areas; drawn again with the chosen mask
            if version >= 7 {
                var remainder = version
                for _ in 0..<12 { remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25) }
                let bits = version << 12 | remainder
                for i in 0..<18 {
                    let bit = (bits >> i) & 1 == 1
                    let a = size - 11 + i % 3, b = i / 3
                    set(a, b, bit)
                    set(b, a, bit)
                }
            }
        }

        var alignmentPositions: [Int] {
            guard version > 1 else { return [] }
            let count = version / 7 + 2
            let step = (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
            var positions: [Int] = []
            var position = size - 7
            while positions.count < count - 1 {
                positions.insert(position, at: 0)
                position -= step
            }
            return [6] + positions
        }

        /// Level M (bits 00) and the mask, BCH-protected and masked with 101010000010010, in both copies.
        mutating func drawFormatBits(mask: Int) {
            let data = 0b00 << 3 | mask
            var remainder = data
            for _ in 0..<10 { remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537) }
            let bits = (data << 10 | remainder) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        /// Two columns at a time from the right, upwards then downwards, skipping the vertical timing pattern.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            var i = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !function[y * size + x] && i < codewords.count * 8 {
                        dark[y * size + x] = (codewords[i >> 3] >> (7 - UInt8(i & 7))) & 1 == 1
                        i += 1
                    }
                }
                right -= 2
            }
        }

        static func masked(_ mask: Int, x: Int, y: Int) -> Bool {
            switch mask {
            case 0: (x + y) % 2 == 0
            case 1: y % 2 == 0
            case 2: x % 3 == 0
            case 3: (x + y) % 3 == 0
            case 4: (x / 3 + y / 2) % 2 == 0
            case 5: x * y % 2 + x * y % 3 == 0
            case 6: (x * y % 2 + x * y % 3) % 2 == 0
            default: ((x + y) % 2 + x * y % 3) % 2 == 0
            }
        }

        mutating func apply(mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !function[y * size + x] && Self.masked(mask, x: x, y: y) {
                    dark[y * size + x].toggle()
                }
            }
        }

        /// ISO/IEC 18004 §7.8.3: runs of five or more, 2×2 blocks, finder-like 1:1:3:1:1 patterns beside four light
        /// modules, and the distance of the dark share from half.
        func penalty() -> Int {
            var total = 0
            func line(_ at: (Int) -> Bool) {
                var run = 1
                for i in 1..<size {
                    if at(i) == at(i - 1) {
                        run += 1
                    } else {
                        if run >= 5 { total += 3 + run - 5 }
                        run = 1
                    }
                }
                if run >= 5 { total += 3 + run - 5 }
                let finder: [Bool] = [true, false, true, true, true, false, true]
                let light = [Bool](repeating: false, count: 4)
                for start in 0...(size - 11) {
                    let window = (start..<start + 11).map(at)
                    if window == finder + light || window == light + finder { total += 40 }
                }
            }
            for y in 0..<size { line { dark[y * size + $0] } }
            for x in 0..<size { line { dark[$0 * size + x] } }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let c = dark[y * size + x]
                    if c == dark[y * size + x + 1] && c == dark[(y + 1) * size + x] && c == dark[(y + 1) * size + x + 1] { total += 3 }
                }
            }
            let darkCount = dark.filter { $0 }.count
            total += abs(darkCount * 100 / (size * size) - 50) / 5 * 10
            return total
        }
    }
}
