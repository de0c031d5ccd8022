import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a generated, realistic dataset (tree and members; deterministic by seed), or write it as interchange files.")
    @OptionGroup var db: DatabaseOptions
    @Option(name: .long, help: "province (~8,000 units, ~70,000 members) or nation (~290,000 units, ~5.5 million members).") var scale: String = "province"
    @Option(name: .long, help: "Seed of the generator.") var seed: UInt64 = 2025
    @Option(name: .long, help: "Write the dataset (CSV folder) here instead of loading it.") var writeTo: String?

    func run() async throws {
        guard let scale = DemoService.Scale(rawValue: scale) else { throw ValidationError("--scale must be province or nation") }
        if let writeTo {
            let counts = try DemoService.write(scale: scale, seed: seed, today: Timestamp.vietnamDate(), to: URL(fileURLWithPath: writeTo))
            print("\(writeTo): \(counts.units) units, \(counts.members) members")
            return
        }
        let summary = try await withServices(db) { services in
            try await services.demo.load(.currentCommandLine, scale: scale, seed: seed) { progress in
                switch progress.stage {
                case .generating: FileHandle.standardError.write("generating…\n")
                case .loading: FileHandle.standardError.write("loading \(progress.units) units and \(progress.members) members…\n")
                default: break
                }
            }
        }
        print("created \(summary.created), updated \(summary.updated), unchanged \(summary.unchanged)")
    }
}
