import Foundation
import Testing
import ToChucDomain

@testable import ToChucWeb

@Suite("Server-made SVG")
struct ChartsTests {
    @Test("a QR code draws one square per dark module inside a quiet zone of four, its label escaped")
    func qrCode() throws {
        let code = try #require(QRCode("ToChuc"))
        let svg = Charts.qrCode(code, label: "Mã QR <A&B>").description
        #expect(svg.contains("viewBox=\"0 0 29 29\""))
        #expect(svg.components(separatedBy: "h1v1h-1z").count - 1 == code.modules.filter { $0 }.count)
        #expect(svg.contains("aria-label=\"Mã QR &lt;A&amp;B&gt;\""))
    }
}
