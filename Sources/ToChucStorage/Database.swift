import Foundation
import Logging
import PostgresKit
import SQLKit
import SQLiteKit
import Synchronization

/// The two SQL engines ToChuc runs on. Queries are shared wherever the dialects agree.
public enum Dialect: String, Sendable {
    case sqlite
    case postgres
}

/// Where the data lives: an SQLite file (the default) or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(url: String)

    /// `postgres://…` or `postgresql://…` is PostgreSQL; anything else is a path to an SQLite file.
    public init(_ text: String) {
        if text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else {
            self = .sqlite(path: text)
        }
    }

    /// `--database`, else `TOCHUC_DATABASE`, else `./tochuc.sqlite` (the CLI contract).
    public static func resolve(_ option: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> DatabaseLocation
    {
        DatabaseLocation(option ?? environment["TOCHUC_DATABASE"] ?? "tochuc.sqlite")
    }
}

/// Errors of the storage layer itself (not of the rules).
public enum StorageError: Error, CustomStringConvertible {
    case invalidURL(String)
    case migrationNewerThanProgram(Int)
    case toolFailed(String)
    /// No PostgreSQL server that can take the request answers (all hosts down, or a failover under way).
    case unavailable(String)
    /// The connection was lost while COMMIT was on its way: the change may or may not be stored.
    case writeOutcomeUnknown

    public var description: String {
        switch self {
        case .invalidURL(let url): return "invalid database URL: \(url)"
        case .migrationNewerThanProgram(let v):
            return "the database has schema version \(v), newer than this program knows; upgrade ToChuc"
        case .toolFailed(let message): return message
        case .unavailable(let why): return "the database is unavailable: \(why)"
        case .writeOutcomeUnknown: return "the connection to the database was lost while committing; the change may or may not be stored"
        }
    }
}

/// One `Sendable` facade over the database: reads on a pooled connection, writes in one transaction.
///
/// SQLite allows one writer at a time, so writes go through a single connection guarded by a queue
/// (`BEGIN IMMEDIATE` also makes other processes wait, not fail); reads use a small pool (WAL lets them run
/// beside the writer). PostgreSQL uses PostgresNIO's pool for both.
public final class Database: Sendable {
    public let dialect: Dialect
    public let location: DatabaseLocation
    private let backend: any DatabaseBackend

    private init(dialect: Dialect, location: DatabaseLocation, backend: any DatabaseBackend) {
        self.dialect = dialect
        self.location = location
        self.backend = backend
    }

    /// Opens the database and brings its schema to the current version (the CLI contract: every command migrates).
    public static func open(
        _ location: DatabaseLocation, durability: SQLiteDurability = .full, readers: Int = 4,
        replicas: ReplicaOptions = .none, logger: Logger = Logger(label: "tochuc.db")
    ) async throws -> Database {
        let db: Database
        switch location {
        case .sqlite(let path):
            let backend = try await SQLiteBackend.open(path: path, durability: durability, readers: readers, logger: logger)
            db = Database(dialect: .sqlite, location: location, backend: backend)
        case .postgres(let url):
            let backend = try await PostgresBackend.open(url: url, replicas: replicas, logger: logger)
            db = Database(dialect: .postgres, location: location, backend: backend)
        }
        do {
            try await Migrator.migrate(db)
        } catch {
            await db.close()
            throw error
        }
        return db
    }

    /// Runs `body` on one connection, outside any write transaction: on the primary, or on a read replica when the
    /// request allows it (`ReadPreference.replicaAllowed`, set by the web layer) and one is healthy.
    public func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        if ReadPreference.replicaAllowed {
            return try await backend.readReplica(body)
        }
        return try await backend.read(body)
    }

    /// The read replicas and their health (empty without `--read-replica`).
    public var replicaStatus: [ReplicaStatus] { (backend as? PostgresBackend)?.replicaStatus ?? [] }

    /// The PostgreSQL host taken as the primary now (nil on SQLite, or while a failover is being followed).
    public var primaryHost: String? { (backend as? PostgresBackend)?.primaryHost }

    /// Runs `body` in one transaction: everything it writes is stored, or nothing is.
    public func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await backend.write(body)
    }

    public func close() async {
        await backend.close()
    }

    /// Brings the planner's statistics up to date after a bulk load. PostgreSQL plans by them (`ANALYZE`); on SQLite
    /// the queries that matter name their index, and a full `ANALYZE` of millions of rows would cost seconds.
    public func refreshStatistics(tables: [String]) async throws {
        guard dialect == .postgres else { return }
        try await write { sql in try await Statistics.refresh(sql, tables: tables) }
    }
}

/// The planner's statistics inside a transaction that is loading rows.
public enum Statistics {
    /// Rows added to a table in one transaction from which its statistics are refreshed before the rows that refer
    /// to it go in.
    public static let bulkRows = 1_000

    /// PostgreSQL plans the check of a foreign key once per connection and keeps the plan: made while the referenced
    /// table was nearly empty, it scans that table for every row that refers to it. `ANALYZE` inside the transaction
    /// counts the transaction's own new rows and makes the plans be made again. SQLite: nothing to do (its checks use
    /// the key's index).
    public static func refresh(_ sql: any SQLDatabase, tables: [String]) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw("ANALYZE \(unsafeRaw: tables.joined(separator: ", "))").run()
    }
}

/// Runs `body` between `begin` and COMMIT on one connection; any error rolls everything back.
func inTransaction<R: Sendable>(
    _ db: any SQLDatabase, begin: String, committing: @Sendable () -> Void = {},
    rollsBackItself: (any Error) -> Bool = { _ in false }, _ body: @escaping @Sendable (any SQLDatabase) async throws -> R
) async throws -> R {
    try await db.raw("\(unsafeRaw: begin)").run()
    do {
        let result = try await body(db)
        committing()
        try await db.raw("COMMIT").run()
        return result
    } catch {
        // After an error the server answers for itself (a lost connection: it rolled back already, and a ROLLBACK sent on
        // a closing connection may never end), no ROLLBACK is sent.
        if !rollsBackItself(error) { try? await db.raw("ROLLBACK").run() }
        throw error
    }
}

/// How hard SQLite works to keep the last commits on power loss (FACTS.md: NORMAL may lose them, never corrupts).
public enum SQLiteDurability: String, Sendable {
    case full = "FULL"
    case normal = "NORMAL"
}

protocol DatabaseBackend: Sendable {
    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func readReplica<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R
    func close() async
}

extension DatabaseBackend {
    /// Without replicas (SQLite), every read is a read of the one database.
    func readReplica<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await read(body)
    }
}

/// Who is served first when every connection is taken: the request that began first. A page reads several times, one
/// connection at a time; served in the order of each read's arrival, a page of a dozen reads would go to the back of
/// the queue a dozen times behind requests that began after it (under `--full` load on PostgreSQL no dashboard
/// finished in 30 s so). Ordered by when the request began, a page once started is finished first — the pool then
/// serves pages, not reads, in arrival order. The web layer sets it per request; elsewhere a read is its own request.
public enum RequestOrder {
    @TaskLocal public static var began: ContinuousClock.Instant?
}

/// A fixed set of connections handed out one caller at a time, the earliest request first (`RequestOrder`).
final class ConnectionQueue<Connection: Sendable>: Sendable {
    private struct State {
        var idle: [Connection]
        var waiting: [(began: ContinuousClock.Instant, continuation: CheckedContinuation<Connection, Never>)] = []
    }
    // A lock, not an actor: a free connection is taken without a hop to another executor (every read passes here).
    private let state: Mutex<State>
    let all: [Connection]

    init(_ connections: [Connection]) {
        self.state = Mutex(State(idle: connections))
        self.all = connections
    }

    var waitingCount: Int { state.withLock { $0.waiting.count } }

    func acquire(began: ContinuousClock.Instant) async -> Connection {
        if let connection = state.withLock({ $0.idle.popLast() }) { return connection }
        return await withCheckedContinuation { continuation in
            // One may have been released between the two looks.
            let free = state.withLock { s -> Connection? in
                if let connection = s.idle.popLast() { return connection }
                s.waiting.append((began, continuation))
                return nil
            }
            if let free { continuation.resume(returning: free) }
        }
    }

    func release(_ connection: Connection) {
        // The earliest request; among reads of one request (or equal instants), the first to arrive.
        let next = state.withLock { s -> CheckedContinuation<Connection, Never>? in
            if let first = s.waiting.indices.min(by: { s.waiting[$0].began < s.waiting[$1].began }) {
                return s.waiting.remove(at: first).continuation
            }
            s.idle.append(connection)
            return nil
        }
        next?.resume(returning: connection)
    }

    func with<R: Sendable>(_ body: @Sendable (Connection) async throws -> R) async throws -> R {
        let connection = await acquire(began: RequestOrder.began ?? .now)
        do {
            let result = try await body(connection)
            release(connection)
            return result
        } catch {
            release(connection)
            throw error
        }
    }
}

struct SQLiteBackend: DatabaseBackend {
    let writer: ConnectionQueue<SQLiteConnection>
    let readers: ConnectionQueue<SQLiteConnection>
    let logger: Logger

    static func open(path: String, durability: SQLiteDurability, readers count: Int, logger: Logger) async throws
        -> SQLiteBackend
    {
        func connect(readOnly: Bool) async throws -> SQLiteConnection {
            let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
            let db = connection.sql(queryLogLevel: nil)
            // busy_timeout first: another process (a CLI beside the server) may hold the write lock.
            try await db.raw("PRAGMA busy_timeout = 15000").run()
            if !readOnly {
                try await db.raw("PRAGMA journal_mode = WAL").run()
            }
            try await db.raw("PRAGMA foreign_keys = ON").run()
            try await db.raw("PRAGMA synchronous = \(unsafeRaw: durability.rawValue)").run()
            // SQLite's default page cache is 2 MB: a bulk load into indexes of millions of rows then reads the same
            // pages from the OS again and again. The writer gets 256 MiB, each reader 64 MiB (RSS target: < 1 GiB).
            try await db.raw("PRAGMA cache_size = \(unsafeRaw: readOnly ? "-65536" : "-262144")").run()
            // Statement journals (multi-row inserts into tables with unique keys) in memory, not in a temp file.
            try await db.raw("PRAGMA temp_store = MEMORY").run()
            if readOnly {
                try await db.raw("PRAGMA query_only = 1").run()
            } else {
                // Index builds after a bulk load (and other large sorts) may use helper threads, one per core.
                let cores = ProcessInfo.processInfo.activeProcessorCount
                try await db.raw("PRAGMA threads = \(unsafeRaw: String(max(1, min(cores, 8))))").run()
            }
            return connection
        }
        let writer = try await connect(readOnly: false)
        var readers: [SQLiteConnection] = []
        for _ in 0..<max(1, count) {
            readers.append(try await connect(readOnly: true))
        }
        return SQLiteBackend(writer: ConnectionQueue([writer]), readers: ConnectionQueue(readers), logger: logger)
    }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await readers.with { connection in
            try await body(connection.sql(queryLogLevel: nil))
        }
    }

    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await writer.with { connection in
            // IMMEDIATE takes the write lock at once, so another process waits (busy_timeout) instead of failing later.
            let sql = TransactionDatabase(inner: connection.sql(queryLogLevel: nil), connection: .sqlite(connection))
            return try await inTransaction(sql, begin: "BEGIN IMMEDIATE", body)
        }
    }

    func close() async {
        for connection in writer.all + readers.all {
            try? await connection.close()
        }
    }
}
