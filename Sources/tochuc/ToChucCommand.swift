import ArgumentParser
import Foundation
import Hummingbird
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ToChucDomain
import ToChucServices
import ToChucStorage
import ToChucWeb

let programVersion = "0.1.0"

@main
struct ToChucCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tochuc",
        abstract: "ToChuc — the working system of a Party Organization Commission (Ban Tổ chức).",
        version: programVersion,
        subcommands: [
            Serve.self, Migrate.self, Import.self, Export.self, Backup.self, Restore.self, Stats.self, Restructure.self, UserCommand.self,
            AuditCommand.self, Bench.self, Demo.self, Check.self, Report.self,
        ]
    )
}

/// `--database` and `--output`, shared by every subcommand.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: """
            SQLite file path or postgres:// URL (default: $TOCHUC_DATABASE, else ./tochuc.sqlite). For failover, list every \
            node and ask for the primary: postgres://u@h1:5432,h2:5432/db?target_session_attrs=read-write (what \
            `pg_autoctl show uri` prints); the server follows the primary when it moves.
            """)
    var database: String?

    @Option(name: .long, help: "SQLite durability: FULL (default, every commit on disk) or NORMAL (faster; may lose the last commits on power loss).")
    var synchronous: String = "FULL"

    var location: DatabaseLocation { DatabaseLocation.resolve(database) }

    /// Opens and migrates (the CLI contract: every subcommand works on a current schema).
    func open(replicas: ReplicaOptions = .none) async throws -> Database {
        let durability = SQLiteDurability(rawValue: synchronous.uppercased()) ?? .full
        var logger = Logger(label: "tochuc.db")
        logger.logLevel = .warning
        return try await Database.open(location, durability: durability, replicas: replicas, logger: logger)
    }
}

struct OutputOptions: ParsableArguments {
    @Option(name: .long, help: "Write to this file instead of standard output.")
    var output: String?

    @Option(name: .long, help: "text or json.")
    var format: OutputFormat = .text

    func write(_ text: String) throws {
        if let output {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } else {
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
    }
}

enum OutputFormat: String, ExpressibleByArgument, Sendable {
    case text
    case json
}

/// A refusal the CLI prints on standard error (exit status 1).
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
}

extension Principal {
    static var currentCommandLine: Principal {
        let user = ProcessInfo.processInfo.environment["USER"] ?? ProcessInfo.processInfo.environment["LOGNAME"] ?? NSUserName()
        return .commandLine(osUser: user)
    }
}

/// Runs a body with the database open, closes it, and turns rule refusals into messages.
func withServices<R>(_ options: DatabaseOptions, _ body: (AppServices) async throws -> R) async throws -> R {
    let db = try await options.open()
    do {
        let result = try await body(AppServices(db: db))
        await db.close()
        return result
    } catch let error as DomainError {
        await db.close()
        var lines = [error.message.en]
        if case .invalid(_, let errors) = error {
            lines += errors.map { "  \($0.field): \($0.message.en)" }
        }
        throw CommandFailure(description: lines.joined(separator: "\n"))
    } catch {
        await db.close()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve the web UI and the JSON API.")

    @OptionGroup var db: DatabaseOptions
    @Option(name: .long, help: "Port to listen on.") var port: Int = 8080
    @Option(name: .long, help: "Address to listen on.") var host: String = "127.0.0.1"
    @Option(name: .long, help: "TLS certificate chain (PEM).") var tlsCert: String?
    @Option(name: .long, help: "TLS private key (PEM).") var tlsKey: String?
    @Flag(name: .long, help: "Behind a reverse proxy that serves HTTPS: cookies get Secure and __Host-.") var behindHttpsProxy = false
    @Option(
        name: .long,
        help: "Key that seals second-factor secrets (created when missing; default $TOCHUC_KEY_FILE, else DATABASE.key, else ./tochuc.key).")
    var keyFile: String?
    @Option(name: .long, help: "Back up while serving, every 24h, 30m, 90s or 1d (a bare number is hours). Needs --backup-dir.")
    var backupEvery: String?
    @Option(name: .long, help: "Folder of the scheduled backups (tochuc-backup-<UTC time>.sqlite, or .dump on PostgreSQL).")
    var backupDir: String?
    @Option(name: .long, help: "How many scheduled backups to keep; older ones are removed.") var backupKeep: Int = 7
    @Option(
        name: .long,
        help: """
            A PostgreSQL streaming replica (postgres://…) for lists, searches and reports; repeat for several. A replica \
            that is down or too far behind is skipped (its reads go to the primary).
            """)
    var readReplica: [String] = []
    @Option(name: .long, help: "Seconds a replica may be behind the primary and still serve reads.") var replicaMaxLag: Double = 10
    @Option(name: .long, help: "Seconds during which a user's pages read from the primary after they changed something.")
    var readYourWrites: Double = 5

    func validate() throws {
        if let backupEvery, BackupSchedule.interval(backupEvery) == nil {
            throw ValidationError("--backup-every: a positive number with s, m, h or d (e.g. 24h, 30m), not \(backupEvery)")
        }
        if (backupEvery == nil) != (backupDir == nil) { throw ValidationError("--backup-every and --backup-dir go together") }
        if backupKeep < 1 { throw ValidationError("--backup-keep must be at least 1") }
        if !readReplica.isEmpty, case .sqlite = db.location {
            throw ValidationError("--read-replica needs a PostgreSQL --database (postgres://…)")
        }
        for replica in readReplica where !(replica.hasPrefix("postgres://") || replica.hasPrefix("postgresql://")) {
            throw ValidationError("--read-replica: a postgres:// URL, not \(replica)")
        }
        if !(replicaMaxLag > 0) { throw ValidationError("--replica-max-lag must be a positive number of seconds") }
        if !(readYourWrites >= 0) { throw ValidationError("--read-your-writes must be zero or more seconds") }
    }

    func run() async throws {
        let database = try await db.open(
            replicas: ReplicaOptions(urls: readReplica, maxLag: .milliseconds(Int64(replicaMaxLag * 1000))))
        let secrets = try SecretBox.loadOrCreate(keyFile: keyFile ?? SecretBox.defaultKeyFile(for: db.location))
        let services = AppServices(db: database, secrets: secrets)
        let admin = try await services.bootstrap(adminPassword: ProcessInfo.processInfo.environment["TOCHUC_ADMIN_PASSWORD"])
        let tls = tlsCert != nil && tlsKey != nil
        let scheme = tls ? "https" : "http"
        if admin.created {
            print("Đã tạo tài khoản quản trị / Administrator account created: admin")
            if let password = admin.password {
                print("Mật khẩu (chỉ hiển thị một lần) / Password (shown once): \(password)")
            } else {
                print("Mật khẩu lấy từ TOCHUC_ADMIN_PASSWORD / Password taken from TOCHUC_ADMIN_PASSWORD")
            }
        }
        let site = Site(services: services, settings: WebSettings(
                secureCookies: tls || behindHttpsProxy, programVersion: programVersion,
                readYourWritesWindow: .milliseconds(Int64(readYourWrites * 1000))))
        var logger = Logger(label: "tochuc")
        logger.logLevel = .info
        let configuration = ApplicationConfiguration(address: .hostname(host, port: port), serverName: "ToChuc")
        let onRunning: @Sendable (any Channel) async -> Void = { channel in
            let actualPort = channel.localAddress?.port ?? port
            // Written straight to the file descriptor: scripts wait for this line, and stdout may be a buffered pipe.
            FileHandle.standardOutput.write("ToChuc đang chạy / is running: \(scheme)://\(host):\(actualPort)/\n")
        }
        let backups = backupEvery.flatMap(BackupSchedule.interval).map { interval in
            BackupSchedule.start(db.location, every: interval, directory: backupDir ?? ".", keep: backupKeep, logger: logger)
        }
        defer { backups?.cancel() }
        if let tlsCert, let tlsKey {
            let chain = try NIOSSLCertificate.fromPEMFile(tlsCert).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tlsKey, format: .pem)
            let tlsConfiguration = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
            let app = Application(
                responder: site.responder(), server: try .tls(.http1(), tlsConfiguration: tlsConfiguration), configuration: configuration,
                onServerRunning: onRunning, logger: logger)
            try await app.runService()
        } else {
            let app = Application(responder: site.responder(), configuration: configuration, onServerRunning: onRunning, logger: logger)
            try await app.runService()
        }
        await database.close()
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Create or bring the database schema up to date.")
    @OptionGroup var db: DatabaseOptions

    func run() async throws {
        try await withServices(db) { _ in }
        print("OK")
    }
}

struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load a dataset (a folder of CSV files or an .xlsx workbook; INTERCHANGE.md). All or nothing.")
    @OptionGroup var db: DatabaseOptions
    @OptionGroup var out: OutputOptions
    @Option(name: .long, help: "Language of error messages: vi or en.") var lang: String = "en"
    @Argument(help: "Folder, .csv file or .xlsx workbook.") var path: String

    func run() async throws {
        let language = Language(rawValue: lang) ?? .en
        do {
            var progress: (@Sendable (ImportProgress) async -> Void)? = nil
            if let bar = ImportProgressBar.onTerminal(language: language) {
                progress = { await bar.draw($0) }
            }
            let summary = try await withServices(db) { [progress] services in
                try await services.interchange.importDataset(.currentCommandLine, at: URL(fileURLWithPath: path), progress: progress)
            }
            if out.format == .json {
                try out.write(try out.json(["created": summary.created, "updated": summary.updated, "unchanged": summary.unchanged, "files": summary.files]))
            } else {
                try out.write("created \(summary.created), updated \(summary.updated), unchanged \(summary.unchanged) (\(summary.files.joined(separator: ", ")))")
            }
        } catch let failure as ImportFailure {
            var stderr = FileHandle.standardError
            for problem in failure.problems {
                print(problem.text(language), to: &stderr)
            }
            print(Catalogue.importNothingStored.text(language), to: &stderr)
            throw ExitCode(1)
        }
    }
}

struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write the dataset in the interchange format, with manifest.json.")
    @OptionGroup var db: DatabaseOptions
    @Option(name: .long, help: "csv (a folder) or xlsx (one workbook).") var format: String = "csv"
    @Argument(help: "Folder (csv) or .xlsx file to write.") var path: String

    func run() async throws {
        guard let format = InterchangeService.ExportFormat(rawValue: format) else {
            throw ValidationError("--format must be csv or xlsx")
        }
        let counts = try await withServices(db) { services in
            try await services.interchange.export(.currentCommandLine, format: format, to: URL(fileURLWithPath: path), programVersion: programVersion)
        }
        print(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value) rows" }.joined(separator: "\n"))
    }
}

extension FileHandle: @retroactive TextOutputStream {
    public func write(_ string: String) { write(Data(string.utf8)) }
}
