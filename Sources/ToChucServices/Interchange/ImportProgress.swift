import ToChucDomain

/// How far an import has come, for the progress page and the terminal bar.
public struct ImportProgress: Sendable, Equatable {
    public enum Stage: String, Sendable, Equatable, CaseIterable {
        case reading, checking, writing, done, failed
    }

    public var stage: Stage
    /// The file being loaded (`members.csv`), or the uploaded name while reading.
    public var file: String
    /// Rows of `file` checked or written so far, out of `rowsTotal`.
    public var rowsDone: Int
    public var rowsTotal: Int
    /// Which of the dataset's files this is (0-based), and how many it has: the overall bar needs both.
    public var fileIndex: Int
    public var fileCount: Int

    public init(stage: Stage, file: String, rowsDone: Int = 0, rowsTotal: Int = 0, fileIndex: Int = 0, fileCount: Int = 1) {
        self.stage = stage
        self.file = file
        self.rowsDone = rowsDone
        self.rowsTotal = rowsTotal
        self.fileIndex = fileIndex
        self.fileCount = fileCount
    }

    /// The whole import's share done, 0…1, never going back: each file's checking is the first half of its share,
    /// its writing the second.
    public var fraction: Double {
        switch stage {
        case .reading: return 0
        case .done: return 1
        case .failed, .checking, .writing:
            let files = Double(max(1, fileCount))
            let inStage = rowsTotal > 0 ? min(1, Double(rowsDone) / Double(rowsTotal)) : 0
            let inFile = stage == .writing ? 0.5 + inStage / 2 : stage == .checking ? inStage / 2 : 0
            return min(1, (Double(min(fileIndex, fileCount)) + inFile) / files)
        }
    }

    /// `fraction` as a whole percentage (what `<progress>` and the terminal show).
    public var percent: Int { Int((fraction * 100).rounded(.down)) }
}

/// Hands an import's progress to an optional callback, at a bounded rate: rows are counted one by one but
/// reported every `every` rows, so a large file does not pay for a callback per row.
struct ImportProgressReporter: Sendable {
    let callback: (@Sendable (ImportProgress) async -> Void)?
    var file: String
    var fileIndex: Int
    var fileCount: Int

    /// Rows between two reports while checking.
    static let every = 5_000
    /// Updates (single-row statements) between two reports while writing.
    static let everyUpdate = 1_000

    static let silent = ImportProgressReporter(callback: nil, file: "", fileIndex: 0, fileCount: 1)

    init(callback: (@Sendable (ImportProgress) async -> Void)?, file: String, fileIndex: Int, fileCount: Int) {
        self.callback = callback
        self.file = file
        self.fileIndex = fileIndex
        self.fileCount = fileCount
    }

    func report(_ stage: ImportProgress.Stage, _ done: Int, of total: Int) async {
        guard let callback else { return }
        await callback(ImportProgress(stage: stage, file: file, rowsDone: done, rowsTotal: total, fileIndex: fileIndex, fileCount: fileCount))
    }

    /// While checking: at the first row, then every `every` rows.
    func checked(_ done: Int, of total: Int) async {
        if done % Self.every == 0 { await report(.checking, done, of: total) }
    }

    /// While writing row by row (updates): every `everyUpdate` rows; `before` rows were written in bulk already.
    func updated(_ done: Int, after before: Int, of total: Int) async {
        if done > 0 && done % Self.everyUpdate == 0 { await report(.writing, before + done, of: total) }
    }
}
