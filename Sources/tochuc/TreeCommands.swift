import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

struct Stats: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Figures of a unit's subtree on a date (default today): units by kind, cells, cells with a committee.")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var out: OutputOptions
    @Option(name: .long, help: "Code of the unit.") var unit: String
    @Option(name: .customLong("as-of"), help: "YYYY-MM-DD or DD/MM/YYYY.") var asOf: String?

    func run() async throws {
        var date: CivilDate? = nil
        if let asOf {
            guard let parsed = CivilDate(parsing: asOf) else { throw ValidationError("--as-of: not a date: \(asOf)") }
            date = parsed
        }
        let stats = try await withServices(db) { services in
            try await services.units.stats(.currentCommandLine, code: unit, asOf: date)
        }
        if out.format == .json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try out.write(String(decoding: try encoder.encode(stats), as: UTF8.self))
        } else {
            var lines = ["\(stats.unit) — \(stats.asOf)"]
            for kind in UnitKind.allCases {
                lines.append("  \(Catalogue.unitKind(kind).vi): \(VietnameseFormat.integer(stats.unitsByKind[kind.rawValue] ?? 0))")
            }
            lines.append(
                "  \(Catalogue.cellsWithCommittee.vi): \(VietnameseFormat.ratio(stats.cellsWithCommittee, stats.cells))")
            try out.write(lines.joined(separator: "\n"))
        }
    }
}

struct Restructure: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply a CSV plan of restructuring steps in one transaction (docs/interchange.md), or correct an event.")
    @OptionGroup var db: DatabaseOptions
    @Flag(name: .long, help: "Print what would change; store nothing.") var dryRun = false
    @Option(name: .long, help: "Language of messages: vi or en.") var lang: String = "en"
    @Option(name: .long, help: "Correct (undo) this event id instead of applying a plan.") var correct: Int64?
    @Option(name: .long, help: "With --correct: the decision number of the correction.") var decision: String?
    @Option(name: .long, help: "With --correct: why.") var note: String = ""
    @Argument(help: "The plan (CSV).") var file: String?

    func run() async throws {
        let language = Language(rawValue: lang) ?? .en
        if let correct {
            let id = try await withServices(db) { services in
                try await services.restructuring.correct(.currentCommandLine, eventId: correct, decisionNo: decision ?? "", note: note)
            }
            print("OK: correction \(id) of event \(correct)")
            return
        }
        guard let file else { throw ValidationError("give a plan file, or --correct EVENT") }
        var stderr = FileHandle.standardError
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            let records: [CSV.Record]
            do {
                records = try CSV.parse(data)
            } catch {
                throw ImportFailure(problems: [
                    ImportProblem(file: URL(fileURLWithPath: file).lastPathComponent, line: nil, column: nil, reason: Catalogue.importMalformed)
                ])
            }
            let name = URL(fileURLWithPath: file).lastPathComponent
            let steps = try RestructurePlan.parse(records, file: name).get()
            let outcomes = try await withServices(db) { services in
                try await services.restructuring.apply(.currentCommandLine, steps: steps, dryRun: dryRun, file: name)
            }
            for outcome in outcomes {
                print("\(name):\(outcome.line ?? 0): \(outcome.summary(language))")
            }
            if dryRun { print(Catalogue.dryRunNothingStored.text(language)) }
        } catch let failure as ImportFailure {
            for problem in failure.problems { print(problem.text(language), to: &stderr) }
            print(Catalogue.importNothingStored.text(language), to: &stderr)
            throw ExitCode(1)
        }
    }
}

struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List likely duplicate and impossible member records (data cleaning, DOMAIN.md §2).")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var out: OutputOptions
    @Option(name: .long, help: "Only this unit's subtree.") var unit: String?

    func run() async throws {
        let findings = try await withServices(db) { services in try await services.dataCheck.run(.currentCommandLine, unitCode: unit) }
        if out.format == .json {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = .convertToSnakeCase
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try out.write(String(decoding: try encoder.encode(findings), as: UTF8.self))
        } else {
            try out.write(
                findings.isEmpty
                    ? Catalogue.noFindings.en
                    : findings.map { "\($0.kind.rawValue)\t\($0.memberIds.map(String.init).joined(separator: ","))\t\($0.names.joined(separator: " / "))\t\($0.detail)" }
                        .joined(separator: "\n"))
        }
    }
}
