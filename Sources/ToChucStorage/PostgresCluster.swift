import Foundation
import Logging
import NIOCore
import NIOSSL
import PostgresKit
import SQLKit
import Synchronization

/// Read replicas and how far behind they may be (docs/deployment.md).
public struct ReplicaOptions: Sendable {
    /// `postgres://` URLs of streaming replicas (hot standbys) of the primary.
    public var urls: [String]
    /// A replica further behind than this serves no reads until it catches up (seconds since the last transaction it
    /// replayed, counted only while it has received WAL it has not replayed yet).
    public var maxLag: Duration
    /// How often each replica is asked whether it is up, a standby, and how far behind.
    public var checkEvery: Duration

    public init(urls: [String] = [], maxLag: Duration = .seconds(10), checkEvery: Duration = .seconds(1)) {
        self.urls = urls
        self.maxLag = maxLag
        self.checkEvery = checkEvery
    }

    public static let none = ReplicaOptions()
}

/// Which reads may go to a replica. The web layer sets it around the requests the rule allows (docs/deployment.md);
/// everything else — writes, the pages after a write, the CLI, the session check — reads from the primary.
public enum ReadPreference {
    @TaskLocal public static var replicaAllowed = false
}

/// What the server knows about one read replica (for tests, logs and the health answer).
public struct ReplicaStatus: Sendable, Equatable {
    public var host: String
    public var healthy: Bool
    /// Seconds behind the primary at the last check, when it answered.
    public var lagSeconds: Double?
    /// Why it serves no reads, when it does not.
    public var problem: String?
    /// Reads it has served since the server started.
    public var served: Int
}

/// One PostgreSQL server: a pool for the work, and one-off connections for health checks (a pool whose server is
/// down keeps retrying with back-off, and a lease waits meanwhile — a check must answer at once).
final class PostgresNode: Sendable {
    let host: PostgresURL.Host
    let client: PostgresClient
    let runner: Task<Void, Never>
    let probeConfiguration: PostgresConnection.Configuration
    let logger: Logger
    private let liveness = LivenessCache()
    /// As many tickets as the pool has connections, handed out the earliest request first (`RequestOrder`): the pool's
    /// own queue serves reads in arrival order.
    let tickets = ConnectionQueue(Array(0..<PostgresNode.connections))
    let leases = LeaseMonitor()
    let prepared = PreparedStatements()
    static let connections = 16
    /// How long a lease may wait before the server is checked (and given up on if it does not answer).
    static let leaseCheck: Duration = .seconds(3)
    static let probeTimeout: Duration = .seconds(3)

    init(url: PostgresURL, host: PostgresURL.Host, logger: Logger) throws {
        self.host = host
        self.logger = logger
        let (clientTLS, probeTLS) = try Self.tls(url.sslMode)
        var configuration = PostgresClient.Configuration(
            host: host.name, port: host.port, username: url.user, password: url.password, database: url.database, tls: clientTLS)
        configuration.options.minimumConnections = 0
        configuration.options.maximumConnections = Self.connections
        // Short statements over large tables: the JIT compiler's 15–30 ms per statement costs more than it saves
        // (a name search measured 60 ms with it, 10 ms without; BENCHMARKS.md).
        configuration.options.additionalStartupParameters = [("jit", "off")]
        configuration.options.connectTimeout = .seconds(5)
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        let client = self.client
        runner = Task { await client.run() }
        var probe = PostgresConnection.Configuration(
            host: host.name, port: host.port, username: url.user, password: url.password, database: url.database, tls: probeTLS)
        probe.options.connectTimeout = .seconds(2)
        probeConfiguration = probe
        leases.start(every: .seconds(1)) { [weak self] lease in await self?.check(lease) }
    }

    /// libpq's sslmode: `prefer`/`allow` try TLS without checking the certificate (as libpq does); `require` and
    /// `verify-*` demand TLS with the certificate checked (ToChuc's behaviour before multi-host URLs).
    static func tls(_ mode: String) throws -> (PostgresClient.Configuration.TLS, PostgresConnection.Configuration.TLS) {
        switch mode {
        case "disable":
            return (.disable, .disable)
        case "allow", "prefer":
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.certificateVerification = .none
            return (.prefer(tls), .prefer(try NIOSSLContext(configuration: tls)))
        default:
            let tls = TLSConfiguration.makeClientConfiguration()
            return (.require(tls), .require(try NIOSSLContext(configuration: tls)))
        }
    }

    struct Probe: Sendable {
        var inRecovery: Bool
        var lagSeconds: Double
    }

    /// Connects afresh and asks whether this server is a standby and how far behind it is. A standby that has
    /// replayed all it received counts as current (an idle primary sends nothing, so "time since the last replayed
    /// transaction" alone would call an idle standby late).
    func probe() async throws -> Probe {
        let configuration = probeConfiguration
        let logger = logger
        return try await withDeadline(Self.probeTimeout, what: "\(host)") {
            let connection = try await PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.any(), configuration: configuration, id: 0, logger: logger
            ).get()
            do {
                let rows = try await connection.query(
                    """
                    SELECT pg_is_in_recovery(),
                           CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                                ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9) END::float8
                    """, logger: logger)
                var result = Probe(inRecovery: false, lagSeconds: 0)
                for try await (inRecovery, lag) in rows.decode((Bool, Double).self) {
                    result = Probe(inRecovery: inRecovery, lagSeconds: lag)
                }
                try? await connection.close()
                return result
            } catch {
                try? await connection.close()
                throw error
            }
        }
    }

    /// A connection for reads outside a transaction: `PlannedRead`s run as prepared statements.
    func reading(_ connection: PostgresConnection) -> any SQLDatabase {
        PlanningDatabase(inner: connection.sql(queryLogLevel: nil), connection: connection, prepared: prepared)
    }

    /// Leases a connection for `body`. When no connection comes within `leaseCheck` the server is checked: still
    /// answering means the pool is only busy (keep waiting); not answering means it is gone (give up, so the caller
    /// can look for the new primary instead of waiting for the pool's own minute-long back-off).
    ///
    /// The lease runs in a task of its own, not a child task: a pool whose server is gone does not end a cancelled
    /// lease until its circuit breaker trips (a minute; measured in tests/test_failover.py), and a task group would wait
    /// for it. Given up, the lease is cancelled and left to end on its own; it can no longer run `body` (`LeaseGate`).
    func withConnection<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        try await tickets.with { _ in try await self.lease(body) }
    }

    private func lease<R: Sendable>(_ body: @escaping @Sendable (PostgresConnection) async throws -> R) async throws -> R {
        let gate = LeaseGate()
        let slot = ContinuationSlot<R>()
        let client = client
        let host = host
        let leases = leases
        let handle = LeaseHandle()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                slot.set(continuation)
                let lease = Task {
                    let outcome: Result<R, any Error>
                    do {
                        outcome = .success(
                            try await client.withConnection { connection in
                                guard gate.start(connection) else { throw StorageError.unavailable("\(host): no connection in time") }
                                do {
                                    return try await body(connection)
                                } catch where PostgresFailure.isConnectionLost(error) {
                                    // Closed before it goes back: the pool otherwise handed the dead connection to the
                                    // next lease (a retried read failed on the connection its first attempt lost).
                                    try? await connection.close()
                                    throw error
                                }
                            })
                    } catch {
                        outcome = .failure(error)
                    }
                    slot.resume(with: outcome)
                    if let id = handle.id { leases.remove(id) }
                }
                let id = leases.add(
                    WatchedLease(
                        gate: gate, isOver: { slot.isResumed },
                        giveUp: { error in
                            guard slot.resume(with: .failure(error)) else { return }
                            lease.cancel()
                        }))
                handle.set(id: id, task: lease)
                // The lease may have ended before it was registered.
                if slot.isResumed { leases.remove(id) }
            }
        } onCancel: {
            handle.cancel()
        }
    }

    /// Every `leaseCheck` of each lease until it ends (one task for all the node's leases, `LeaseMonitor`): before it
    /// has a connection, whether the server still answers (see `withConnection`); once it has one, whether that
    /// connection was closed under the statement. A statement in flight when the server ends the connection does not
    /// always end (PostgresNIO 1.33; seen in swift test with `pg_terminate_backend` and in one request of two at a
    /// failover, which then waited a minute): the lease is given up one period after the connection is seen closed.
    func check(_ lease: WatchedLease) async -> WatchedLease? {
        if lease.isOver() { return nil }
        var lease = lease
        if let connection = lease.gate.connection {
            guard connection.isClosed else { return lease }
            if !lease.seenClosed {
                lease.seenClosed = true
                return lease
            }
            lease.giveUp(StorageError.unavailable("\(host): the connection closed under a statement"))
            return nil
        }
        if await answers() { return lease }
        if lease.gate.abandon() {
            lease.giveUp(StorageError.unavailable("\(host) does not answer"))
            return nil
        }
        return lease
    }

    /// Whether the server answers at all: one check at a time per server, its answer reused for a second — under load
    /// many leases wait at once, and each opening its own check would add connections to a busy server. A server
    /// that answers with an error (too many connections, authentication) is there; one that refuses the connection,
    /// says it is shutting down or does not answer in time is not.
    func answers() async -> Bool {
        await liveness.answer {
            do {
                _ = try await self.probe()
                return true
            } catch let error as PSQLError where error.code == .server {
                return !PostgresFailure.isConnectionLost(error)
            } catch {
                return false
            }
        }
    }

    func shutdown() async {
        await leases.stop()
        runner.cancel()
        _ = await runner.value
    }
}

/// The last liveness answer of a server, and the check under way if any.
actor LivenessCache {
    private var last: (at: ContinuousClock.Instant, alive: Bool)?
    private var running: Task<Bool, Never>?

    func answer(_ check: @escaping @Sendable () async -> Bool) async -> Bool {
        if let last, ContinuousClock.now - last.at < .seconds(1) { return last.alive }
        if let running { return await running.value }
        let task = Task { await check() }
        running = task
        let alive = await task.value
        last = (ContinuousClock.now, alive)
        running = nil
        return alive
    }
}

/// Decides, once, whether a lease's body runs or the wait was given up: never both. Keeps the connection the body
/// runs on, for the watchdog.
final class LeaseGate: Sendable {
    private enum State {
        case waiting, abandoned
        case started(PostgresConnection)
    }
    private let state = Mutex(State.waiting)

    func start(_ connection: PostgresConnection) -> Bool {
        state.withLock { s in
            if case .abandoned = s { return false }
            s = .started(connection)
            return true
        }
    }

    func abandon() -> Bool {
        state.withLock { s in
            if case .started = s { return false }
            s = .abandoned
            return true
        }
    }

    var connection: PostgresConnection? {
        state.withLock { s in
            if case .started(let connection) = s { return connection }
            return nil
        }
    }
}

/// A lease's task and its number with the monitor, set once both exist (the task may end first).
final class LeaseHandle: Sendable {
    private let state = Mutex<(id: Int, task: Task<Void, Never>)?>(nil)

    func set(id: Int, task: Task<Void, Never>) { state.withLock { $0 = (id, task) } }

    var id: Int? { state.withLock { $0?.id } }

    func cancel() { state.withLock { $0 }?.task.cancel() }
}

/// A lease under way, as its node's monitor sees it.
struct WatchedLease: Sendable {
    let gate: LeaseGate
    /// The caller has its answer.
    let isOver: @Sendable () -> Bool
    /// Answers the caller with `error` and cancels the lease (nothing if it was answered already).
    let giveUp: @Sendable (any Error) -> Void
    var seenClosed = false
    var due: ContinuousClock.Instant = .now + PostgresNode.leaseCheck

    init(gate: LeaseGate, isOver: @escaping @Sendable () -> Bool, giveUp: @escaping @Sendable (any Error) -> Void) {
        self.gate = gate
        self.isOver = isOver
        self.giveUp = giveUp
    }
}

/// The leases of one node, each checked every `PostgresNode.leaseCheck` by one task for them all: a watchdog task per
/// lease cost a task to start, to wake and to end for every statement (~18 % of a member page on PostgreSQL,
/// BENCHMARKS.md), though almost every lease ends long before its first check.
final class LeaseMonitor: Sendable {
    private let leases = Mutex<(next: Int, watched: [Int: WatchedLease])>((0, [:]))
    private let task = Mutex<Task<Void, Never>?>(nil)

    func add(_ lease: WatchedLease) -> Int {
        leases.withLock { state in
            let id = state.next
            state.next &+= 1
            state.watched[id] = lease
            return id
        }
    }

    func remove(_ id: Int) { _ = leases.withLock { $0.watched.removeValue(forKey: id) } }

    /// The leases watched now.
    var count: Int { leases.withLock { $0.watched.count } }

    /// Every `every` until `stop`, passes each lease that is due to `check`, which gives it back to be watched on or
    /// nil when it is over.
    func start(every: Duration, check: @escaping @Sendable (WatchedLease) async -> WatchedLease?) {
        let running = Task { [weak self] in
            while !Task.isCancelled {
                try? await Task.sleep(for: every)
                guard let self else { return }
                let now = ContinuousClock.now
                for (id, lease) in self.leases.withLock({ state in state.watched.filter { $0.value.due <= now } }) {
                    var next = await check(lease)
                    next?.due = ContinuousClock.now + PostgresNode.leaseCheck
                    self.leases.withLock { state in
                        // Removed meanwhile (the lease ended): it stays removed.
                        guard state.watched[id] != nil else { return }
                        state.watched[id] = next
                    }
                }
            }
        }
        task.withLock { $0 = running }
    }

    func stop() async {
        let running = task.withLock { $0 }
        running?.cancel()
        await running?.value
    }
}

/// Runs `body` and gives up after `limit` (the body may go on in the background: a connect or a query to a server
/// that stopped answering does not always heed cancellation, and a health check must not wait on it).
func withDeadline<R: Sendable>(_ limit: Duration, what: String, _ body: @escaping @Sendable () async throws -> R) async throws -> R {
    let slot = ContinuationSlot<R>()
    return try await withCheckedThrowingContinuation { continuation in
        slot.set(continuation)
        let work = Task {
            do {
                slot.resume(with: .success(try await body()))
            } catch {
                slot.resume(with: .failure(error))
            }
        }
        Task {
            try? await Task.sleep(for: limit)
            if slot.resume(with: .failure(StorageError.unavailable("\(what): no answer within \(limit)"))) { work.cancel() }
        }
    }
}

final class ContinuationSlot<R: Sendable>: Sendable {
    private let slot = Mutex<CheckedContinuation<R, any Error>?>(nil)

    private let done = Mutex(false)

    func set(_ continuation: CheckedContinuation<R, any Error>) { slot.withLock { $0 = continuation } }

    var isResumed: Bool { done.withLock { $0 } }

    /// Resumes the continuation if nobody has yet; true when this call did.
    @discardableResult
    func resume(with result: Result<R, any Error>) -> Bool {
        let continuation = slot.withLock { value -> CheckedContinuation<R, any Error>? in
            defer { value = nil }
            return value
        }
        if continuation != nil { done.withLock { $0 = true } }
        continuation?.resume(with: result)
        return continuation != nil
    }
}

/// Only one search for the primary at a time; callers that arrive meanwhile wait for its answer.
actor PrimarySearch {
    private var running: Task<Int, any Error>?

    func run(_ search: @escaping @Sendable () async throws -> Int) async throws -> Int {
        if let running { return try await running.value }
        let task = Task { try await search() }
        running = task
        defer { running = nil }
        return try await task.value
    }
}

/// Errors that mean the server went away or is no longer the primary — as opposed to an error of the statement.
enum PostgresFailure {
    static func isConnectionLost(_ error: any Error) -> Bool {
        if case StorageError.unavailable = error { return true }
        if let error = error as? PSQLError {
            if error.code == .connectionError || error.code == .serverClosedConnection || error.code == .clientClosedConnection
                || error.code == .uncleanShutdown || error.code == .poolClosed
            {
                return true
            }
            if error.code == .server, let state = error.serverInfo?[.sqlState] {
                // 08…: connection exception; 57P01–03: the server is shutting down or starting; 25006: read-only
                // transaction — this node was demoted to a standby.
                return state.hasPrefix("08") || ["57P01", "57P02", "57P03", "25006"].contains(state)
            }
            return false
        }
        // PostgresClient's pool fails the waiting leases with its own error once connecting has failed for long.
        return String(reflecting: type(of: error)).contains("ConnectionPoolError")
    }

    /// A standby cancels a read that conflicts with the WAL it replays (40001): the primary can answer it.
    static func isRecoveryConflict(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError, error.code == .server else { return false }
        return error.serverInfo?[.sqlState] == "40001"
    }
}

/// Knows the whole flag of whether COMMIT was sent: after that a lost connection leaves the outcome unknown.
final class CommitMark: Sendable {
    private let sent = Mutex(false)
    func mark() { sent.withLock { $0 = true } }
    var isSent: Bool { sent.withLock { $0 } }
}

/// The replicas, their health, and which one serves the next read (the healthy one with the fewest reads running;
/// ties in turn).
final class ReplicaSet: Sendable {
    struct State: Sendable {
        var healthy = false
        var lagSeconds: Double?
        var problem: String? = "not checked yet"
        var running = 0
        var served = 0
    }

    let nodes: [PostgresNode]
    let maxLagSeconds: Double
    let checkEvery: Duration
    private let states: Mutex<[State]>
    private let turn = Mutex(0)
    private let monitor = Mutex<Task<Void, Never>?>(nil)
    let logger: Logger

    init(nodes: [PostgresNode], options: ReplicaOptions, logger: Logger) {
        self.nodes = nodes
        self.maxLagSeconds = Double(options.maxLag.components.seconds) + Double(options.maxLag.components.attoseconds) / 1e18
        self.checkEvery = options.checkEvery
        self.states = Mutex(Array(repeating: State(), count: nodes.count))
        self.logger = logger
    }

    func checkAll() async {
        await withTaskGroup(of: Void.self) { group in
            for index in nodes.indices {
                group.addTask { await self.check(index) }
            }
        }
    }

    func check(_ index: Int) async {
        var healthy = false
        var lag: Double?
        var problem: String?
        do {
            let probe = try await nodes[index].probe()
            lag = probe.lagSeconds
            if !probe.inRecovery {
                problem = "not a standby (promoted, or a primary named as a replica)"
            } else if probe.lagSeconds > maxLagSeconds {
                problem = String(format: "%.1f s behind (more than %.1f s)", probe.lagSeconds, maxLagSeconds)
            } else {
                healthy = true
            }
        } catch {
            problem = PostgresBackend.short(error)
        }
        let host = nodes[index].host
        let changed = states.withLock { states -> Bool in
            let was = states[index].healthy
            states[index].healthy = healthy
            states[index].lagSeconds = lag
            states[index].problem = problem
            return was != healthy
        }
        if changed {
            if healthy {
                logger.info("read replica serves reads", metadata: ["replica": "\(host)"])
            } else {
                logger.warning("read replica serves no reads", metadata: ["replica": "\(host)", "why": "\(problem ?? "")"])
            }
        }
    }

    func startMonitor() {
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: checkEvery)
                if Task.isCancelled { break }
                await checkAll()
            }
        }
        monitor.withLock { $0 = task }
    }

    /// The replica to read from, counted as busy until `finished`; nil when none is healthy.
    func acquire() -> Int? {
        let start = turn.withLock { t -> Int in
            defer { t &+= 1 }
            return t
        }
        return states.withLock { states -> Int? in
            var best: Int?
            for offset in 0..<states.count {
                let i = (start + offset) % states.count
                guard states[i].healthy else { continue }
                if best == nil || states[i].running < states[best!].running { best = i }
            }
            if let best { states[best].running += 1 }
            return best
        }
    }

    func finished(_ index: Int, served: Bool) {
        states.withLock {
            $0[index].running -= 1
            if served { $0[index].served += 1 }
        }
    }

    func markDown(_ index: Int, _ error: any Error) {
        let problem = PostgresBackend.short(error)
        states.withLock {
            $0[index].healthy = false
            $0[index].problem = problem
        }
        logger.warning("read replica failed; reads go to the primary", metadata: ["replica": "\(nodes[index].host)", "why": "\(problem)"])
    }

    var status: [ReplicaStatus] {
        states.withLock { states in
            states.indices.map { i in
                ReplicaStatus(
                    host: "\(nodes[i].host)", healthy: states[i].healthy, lagSeconds: states[i].lagSeconds,
                    problem: states[i].problem, served: states[i].served)
            }
        }
    }

    func shutdown() async {
        let task = monitor.withLock { $0 }
        task?.cancel()
        await task?.value
        for node in nodes { await node.shutdown() }
    }
}

/// PostgreSQL: the primary — one of the URL's hosts, found again after a failover — and optional read replicas.
///
/// Retries (docs/deployment.md): a read that loses its connection runs once more on the primary found again; a write
/// whose connection is lost *before* COMMIT was sent was not applied (the server rolls back a transaction whose
/// connection ends) and runs once more; a write whose connection is lost while COMMIT was on its way may or may not
/// be stored — it is not repeated, and the caller gets `StorageError.writeOutcomeUnknown`.
final class PostgresBackend: DatabaseBackend {
    let url: PostgresURL
    let nodes: [PostgresNode]
    let replicas: ReplicaSet?
    let logger: Logger
    private let current = Mutex<Int?>(nil)
    private let search = PrimarySearch()

    private init(url: PostgresURL, nodes: [PostgresNode], replicas: ReplicaSet?, logger: Logger) {
        self.url = url
        self.nodes = nodes
        self.replicas = replicas
        self.logger = logger
    }

    static func open(url text: String, replicas options: ReplicaOptions, logger: Logger) async throws -> PostgresBackend {
        let url = try PostgresURL.parse(text)
        let nodes = try url.hosts.map { try PostgresNode(url: url, host: $0, logger: logger) }
        var replicaSet: ReplicaSet?
        if !options.urls.isEmpty {
            var replicaNodes: [PostgresNode] = []
            for replica in options.urls {
                let parsed = try PostgresURL.parse(replica)
                guard parsed.hosts.count == 1 else {
                    throw StorageError.invalidURL("\(parsed): a read replica is one host (give --read-replica once per replica)")
                }
                replicaNodes.append(try PostgresNode(url: parsed, host: parsed.hosts[0], logger: logger))
            }
            replicaSet = ReplicaSet(nodes: replicaNodes, options: options, logger: logger)
        }
        let backend = PostgresBackend(url: url, nodes: nodes, replicas: replicaSet, logger: logger)
        // Fail fast with the server's own message when the URL is wrong.
        do {
            _ = try await backend.primary()
        } catch {
            await backend.close()
            throw StorageError.toolFailed("cannot connect to PostgreSQL at \(url): \(String(reflecting: error))")
        }
        if let replicaSet {
            // A replica down at start is no reason not to serve: it is checked again every `checkEvery`.
            await replicaSet.checkAll()
            replicaSet.startMonitor()
        }
        return backend
    }

    /// The node taken as the primary, looked for when unknown.
    func primary() async throws -> (index: Int, node: PostgresNode) {
        if let index = current.withLock({ $0 }) { return (index, nodes[index]) }
        let index = try await search.run { try await self.findPrimary() }
        return (index, nodes[index])
    }

    /// libpq's order: the first host that answers (and, for `read-write`, is not a standby).
    private func findPrimary() async throws -> Int {
        var problems: [String] = []
        for (index, node) in nodes.enumerated() {
            do {
                let probe = try await node.probe()
                if url.wantsPrimary && probe.inRecovery {
                    problems.append("\(node.host): a standby")
                    continue
                }
                current.withLock { $0 = index }
                if nodes.count > 1 { logger.notice("PostgreSQL primary", metadata: ["host": "\(node.host)"]) }
                return index
            } catch {
                problems.append("\(node.host): \(Self.short(error))")
            }
        }
        throw StorageError.unavailable(problems.joined(separator: "; "))
    }

    /// Forget the primary after its connection failed (unless another request already found the next one).
    private func lost(_ index: Int, _ error: any Error) {
        let forgot = current.withLock { value -> Bool in
            guard value == index else { return false }
            value = nil
            return true
        }
        if forgot {
            logger.warning("PostgreSQL connection lost; looking for the primary", metadata: ["host": "\(nodes[index].host)", "error": "\(Self.short(error))"])
        }
    }

    func read<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        var attempt = 0
        while true {
            attempt += 1
            let (index, node) = try await primary()
            do {
                return try await node.withConnection { connection in try await body(node.reading(connection)) }
            } catch where PostgresFailure.isConnectionLost(error) {
                lost(index, error)
                if attempt >= 2 { throw StorageError.unavailable(Self.short(error)) }
            }
        }
    }

    func readReplica<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        guard let replicas, let index = replicas.acquire() else { return try await read(body) }
        do {
            let node = replicas.nodes[index]
            let result = try await node.withConnection { connection in try await body(node.reading(connection)) }
            replicas.finished(index, served: true)
            return result
        } catch where PostgresFailure.isConnectionLost(error) || PostgresFailure.isRecoveryConflict(error) {
            replicas.finished(index, served: false)
            replicas.markDown(index, error)
            return try await read(body)
        } catch {
            replicas.finished(index, served: false)
            throw error
        }
    }

    func write<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        var attempt = 0
        while true {
            attempt += 1
            let (index, node) = try await primary()
            let commit = CommitMark()
            do {
                return try await node.withConnection { connection in
                    let sql = TransactionDatabase(inner: connection.sql(queryLogLevel: nil), connection: .postgres(connection))
                    return try await inTransaction(
                        sql, begin: "BEGIN", committing: commit.mark, rollsBackItself: PostgresFailure.isConnectionLost, body)
                }
            } catch where PostgresFailure.isConnectionLost(error) {
                lost(index, error)
                if commit.isSent {
                    logger.error("connection lost while COMMIT was on its way; the outcome is unknown", metadata: ["error": "\(Self.short(error))"])
                    throw StorageError.writeOutcomeUnknown
                }
                if attempt >= 2 { throw StorageError.unavailable(Self.short(error)) }
            }
        }
    }

    var replicaStatus: [ReplicaStatus] { replicas?.status ?? [] }

    /// The host currently taken as the primary (nil while it is being looked for).
    var primaryHost: String? { current.withLock { $0 }.map { "\(nodes[$0].host)" } }

    func close() async {
        await replicas?.shutdown()
        for node in nodes { await node.shutdown() }
    }

    static func short(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return "\(error.serverInfo?[.sqlState] ?? "") \(message)" }
            return "\(error.code)"
        }
        return String(describing: error)
    }
}
