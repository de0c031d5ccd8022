import Testing

@testable import ToChucDomain

/// The enrolment's QR code (issue 9) against a reference encoder: the modules of python-qrcode 8 (PyPI) for the same
/// bytes, version, level M and mask, row by row in hexadecimal (leftmost module the highest bit, padded to 4 bits).
@Suite("QR code (ISO/IEC 18004), byte mode, level M")
struct QRCodeTests {
    static let references: [(bytes: [UInt8], version: Int, mask: Int, rows: String)] = [
        (Array("ToChuc".utf8), 1, 0,
         "fe73f8 82e208 ba22e8 ba72e8 bafae8 821208 feabf8 004000 aa0890 9db538 2e9758 191d90 9bd738 00e340 fe28d8 824298 ba8a98 ba55f0 bab7a8 821c10 feb7d8"),
        (Array("otpauth://totp/ToChuc:canbo.tinh?secret=JBSWY3DPEHPK3PXP&issuer=ToChuc".utf8), 5, 3,
         "fefe012bf8 82fb078a08 ba0fb34ae8 baf3caeae8 ba3714aae8 8269fa8208 feaaaaabf8 00b0911800 b714243a58 f0312e6b70 468afdc2c0 6004abf720 ba155bb2b8 51a2d8b680 f75e908bb0 91aa07b490 8eaf5745a0 384c37fe38 33b06ad438 9c29eb8248 2a4ff624b8 99d9dd0c58 d73ead04c0 3de84967f8 4304957e28 707445e9d8 6b2e44cc30 b5633c1300 1e1ebedfc0 00d18d78f0 fec92a2a98 82e6ec18d8 ba3c88afc0 bac585aec8 bac7631f80 820d337960 feb2c2e358"),
        (Array(String(repeating: "Đảng bộ tỉnh — ", count: 12).utf8.prefix(150)), 8, 5,
         "fe5163dc4cbf8 82c13ac2efa08 baaafc3b65ae8 ba93bb0a492e8 ba0563e86c2e8 8215123706208 feaaaaaaaabf8 00bac22960000 82af2be6f9e70 8982989b744b0 824bd0b8e9a20 2491e9fa14cd8 377cfd5776458 19da9954ff698 1f54e8306b040 cdb310a902a48 4236c21eb7a78 1914484f24400 225245ddbdd78 c95f8e4e232e8 1a588e839ff60 70923722e1100 cf9847e875fa0 48f28223c58a0 1aedf6b717af0 18a0223f028e0 9f8c73fc64ff0 15ba638223ce8 ee97658ff4ef8 c42520602a208 6a2ed1b9e9dc0 25a59faca7720 03b279299bed8 745de62eaeda0 5778d1916aa18 680f20aae2020 3f42cf6fcaf00 593a6f3c58130 462fc0f363080 7149789633378 e215b7fbc1fe8 00b4ca34de8d0 fe3066bddda88 827c4e3092888 ba728bf85ffe8 ba595a2888038 ba40998088cc0 8248c069840a8 fea5f07ef9b28"),
        (Array(String(repeating: "Đảng bộ tỉnh — ", count: 12).utf8.prefix(170)), 9, 2,
         "fe08f5734f63f8 821b0438e23208 bafa4f6a0452e8 baf68a1ba9eae8 ba8527fc4f62e8 82824d8a622208 feaaaaaaaaabf8 0089568860a000 be622effd80be0 31e6949a475900 4b9fcc78730698 9d14c7df042650 f2c472bab989e0 e9ecd6b1c71140 cafa0c5ef22698 f43de74ec0a4b0 9fddb6ba580a40 1441ec98275918 e270047f730610 894899db40a640 c7e28cbadc0878 958ab0a7a31010 4e6e15d4f72608 c17c78c6c122f0 6fb3c7fa5cefb0 38a81288031898 1ad344af775a90 c8f81c8ac1a8e0 efe1e6fa5d6fb8 656f21b6320650 bb77d48d6fc108 19e1d0dbc13678 626b4f82dca238 505673d31b0610 2ef8146a677008 894be53b41b670 977d96c2fd6a30 fce081b4721e40 9ab88ae84fc018 b19376bfc3b668 06ffbbc2ff2338 b10655b57a0618 dfbd506841f1d0 61670d3b4396b0 136434faff4fe0 00c0068c3b1880 fe3ec4a8607ad8 82b3e18f4218a8 ba9df5fae3cff8 ba870044628b18 bacd0d3043e658 820de274cbf9b0 fea62ba9e736e0"),
        (Array(repeating: UInt8(ascii: "x"), count: 200), 10, 6,
         "feb738bbbbbf3f8 82fc228d60d1208 ba851e60560f2e8 ba58d73abbbd2e8 bafbe2bf9f292e8 824a8be2560e208 feaaaaaaaaaabf8 0072b4223582000 9f918f3e7ca74b8 2011278eeeefe90 cfa603b83583df8 b946e95d8359320 de83c19eeeee690 dd353117ca7da00 b250d87d8358b20 a5b0a3511110168 aba75227ca7c200 90a5f2aa7ca6cd8 b2822bf11111968 f014783c35825f8 c7b187287ca74d8 b9af858ceeefe90 bbced9be3583df8 9c4ac3540359320 e25bee0e6eee690 b0933fc74a7da00 9ff022fe8358fa0 78d0822311108e8 5afffc2bca7da80 a8bae4e27ca68d8 efe66bbf1110fe8 7c62120c35830f8 1acd23c07ca6e58 45a82abaeeeeb88 96a17ed23582770 20d7cfa18358620 0a3f6c7ceeefc18 20e9b1dbca7cf00 ff3730d783591a0 2045d6551111468 4363f42dca7d880 450f4a9e7ca79d8 9fdd399b11103e8 61090c0db5830f8 2add2f437ca6e58 a12d43beeeeeb90 a6f1d3d63582778 f92dd7638358620 03d2667eeeeff90 0095f1e3ca7c880 fecd0ceb8358aa0 82b61e2311108e8 baf3f5ffca7cf80 baa2ae747ca6340 ba18c54f1110ef8 82178f663582a78 fee2a5147ca6340"),
    ]

    static func hexRows(_ code: QRCode) -> String {
        (0..<code.size).map { y in
            var bits = (0..<code.size).map { code.isDark(x: $0, y: y) }
            bits += Array(repeating: false, count: (4 - code.size % 4) % 4)
            return stride(from: 0, to: bits.count, by: 4).map { i in
                String((0..<4).reduce(0) { $0 << 1 | (bits[i + $1] ? 1 : 0) }, radix: 16)
            }.joined()
        }.joined(separator: " ")
    }

    @Test("every module equals the reference encoder's: versions 1, 5, 8, 9 and 10 (one and several blocks, version bits)", arguments: references.indices)
    func matchesReference(index: Int) throws {
        let reference = Self.references[index]
        let code = try #require(QRCode(bytes: reference.bytes, version: reference.version, mask: reference.mask))
        #expect(code.size == 17 + 4 * reference.version)
        #expect(Self.hexRows(code) == reference.rows)
    }

    @Test("the smallest version that holds the text is chosen; more than version 10 holds is refused")
    func versionChoice() throws {
        #expect(QRCode("ToChuc")?.version == 1)
        // 70 bytes: version 4 holds 62 at level M, version 5 holds 84.
        #expect(QRCode(String(repeating: "a", count: 70))?.version == 5)
        #expect(QRCode(String(repeating: "a", count: 213))?.version == 10)
        #expect(QRCode(String(repeating: "a", count: 214)) == nil)
        #expect(QRCode.byteCapacity(1) == 14 && QRCode.byteCapacity(4) == 62 && QRCode.byteCapacity(5) == 84)
    }

    @Test("the chosen mask is the one with the lowest penalty (ISO/IEC 18004 §7.8.3)")
    func maskChoice() throws {
        let text = "otpauth://totp/ToChuc:canbo.tinh?secret=JBSWY3DPEHPK3PXP&issuer=ToChuc"
        let chosen = try #require(QRCode(text))
        let penalties = try (0..<8).map { mask -> Int in
            let code = try #require(QRCode(bytes: Array(text.utf8), version: chosen.version, mask: mask))
            var grid = QRCode.Grid(version: code.version)
            grid.dark = code.modules
            return grid.penalty()
        }
        #expect(penalties[chosen.mask] == penalties.min())
    }
}
