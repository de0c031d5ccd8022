import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a generated, realistic dataset (deterministic by seed), or write it as interchange files.")
    @OptionGroup var db: DatabaseOptions
    @Option(name: .long, help: "province (~9,000 units) or nation (~300,000 units).") var scale: String = "province"
    @Option(name: .long, help: "Seed of the generator.") var seed: UInt64 = 2025
    @Option(name: .long, help: "Write the dataset (CSV folder) here instead of loading it.") var writeTo: String?

    func run() async throws {
        let size: DemoTree.Size = scale == "nation" ? .nation : .province
        let rows = DemoTree.rows(size: size, seed: seed)
        let folder = writeTo.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-demo-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(rows.map(CSV.line).joined().utf8).write(to: folder.appendingPathComponent(OrgUnitsFile.fileName))
        if writeTo != nil {
            print("\(folder.path): \(rows.count - 1) units")
            return
        }
        defer { try? FileManager.default.removeItem(at: folder) }
        let summary = try await withServices(db) { services in
            try await services.interchange.importDataset(.currentCommandLine, at: folder)
        }
        print("created \(summary.created), unchanged \(summary.unchanged)")
    }
}
