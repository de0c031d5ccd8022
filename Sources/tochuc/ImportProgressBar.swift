import Foundation
import ToChucDomain
import ToChucServices

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one-line bar `tochuc import` draws on standard error while it works, redrawn in place with `\r`.
/// Only on a terminal: scripts and tests read stderr, and must see exactly the problems and nothing else.
actor ImportProgressBar {
    let language: Language
    static let width = 30

    init(language: Language) { self.language = language }

    /// A bar when standard error is a terminal, nil otherwise.
    static func onTerminal(language: Language) -> ImportProgressBar? {
        isatty(2) == 1 ? ImportProgressBar(language: language) : nil
    }

    func draw(_ progress: ImportProgress) {
        let filled = min(Self.width, Int(progress.fraction * Double(Self.width)))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.width - filled)
        let percent = String(progress.percent)
        var line = "\r[\(bar)] \(String(repeating: " ", count: max(0, 3 - percent.count)))\(percent)% "
            + Catalogue.importStage(progress.stage.rawValue).text(language)
        if progress.rowsTotal > 0 && progress.stage != .done {
            line += " — " + Catalogue.importRows(progress.file, number(progress.rowsDone), number(progress.rowsTotal)).text(language)
        }
        // Erase what a longer previous line left; end the line once the import has ended, so that what follows
        // (the summary, or the problems) starts on a line of its own.
        line += "\u{1B}[K"
        if progress.stage == .done || progress.stage == .failed { line += "\n" }
        FileHandle.standardError.write(Data(line.utf8))
    }

    private func number(_ n: Int) -> String { language == .vi ? VietnameseFormat.integer(n) : EnglishFormat.integer(n) }
}
