import Foundation
import ToChucDomain

/// PDF from HTML by the server's headless Chromium (Debian's `chromium`, also used by the browser tests): the member
/// sheet and the briefing report.
public enum PDFPrinter {
    /// Prints HTML to PDF with headless Chromium (the one the browser tests use); refused clearly when it is missing.
    public static func pdf(_ html: String) async throws -> Data {
        let binary = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let binary else { throw DomainError.forbidden(Catalogue.pdfNeedsChromium) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("sheet.html")
        let output = folder.appendingPathComponent("sheet.pdf")
        try Data(html.utf8).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-pdf-header-footer",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--print-to-pdf=\(output.path)", input.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        if process.isRunning { process.terminate() }
        guard let data = try? Data(contentsOf: output), data.starts(with: Data("%PDF".utf8)) else {
            throw DomainError.forbidden(Catalogue.pdfNeedsChromium)
        }
        return data
    }
}
