import Foundation
import SQLKit
import Synchronization
import Testing
import ToChucStorage

/// Issue 10: multi-host URLs, the primary found among them, replicas that fall back to the primary, and the retry rule
/// (a write is repeated only when provably not applied). The PostgreSQL cases run when `TOCHUC_TEST_DATABASE` names a
/// server (scripts/test's second Swift run); a real streaming replica and pg_auto_failover are in tests/test_replicas.py
/// and tests/test_failover.py.
@Suite struct ReplicaTests {
    // MARK: URLs

    @Test("a multi-host URL as pg_autoctl prints it")
    func multiHostURL() throws {
        let url = try PostgresURL.parse(
            "postgres://autoctl:s%2Fecret@10.0.0.1:5432,10.0.0.2:6432/tochuc?target_session_attrs=read-write&sslmode=prefer")
        #expect(url.hosts == [.init(name: "10.0.0.1", port: 5432), .init(name: "10.0.0.2", port: 6432)])
        #expect(url.user == "autoctl")
        #expect(url.password == "s/ecret")
        #expect(url.database == "tochuc")
        #expect(url.sslMode == "prefer")
        #expect(url.wantsPrimary)
        #expect(!url.description.contains("ecret"))
    }

    @Test("ports follow libpq: a host without one takes the next one given, else 5432; IPv6 in brackets")
    func ports() throws {
        let url = try PostgresURL.parse("postgresql://h1,h2:6000,[::1]:7000,h4/db")
        #expect(url.hosts.map(\.port) == [6000, 6000, 7000, 5432])
        #expect(url.hosts[2].name == "::1")
        #expect(url.user == "postgres")
        #expect(!url.wantsPrimary)
        let single = try PostgresURL.parse("postgres://postgres@127.0.0.1:5433/postgres")
        #expect(single.hosts == [.init(name: "127.0.0.1", port: 5433)])
        #expect(single.sslMode == "disable")
        #expect(single.targetSessionAttrs == "any")
    }

    @Test("malformed URLs are refused with a reason, never with the password")
    func malformed() {
        for text in [
            "mysql://h/db", "postgres://u:pw@/db", "postgres://u:pw@h:99999/db", "postgres://h,,h2/db",
            "postgres://u:pw@h/db?sslmode=maybe", "postgres://u:pw@h/db?target_session_attrs=standby", "postgres://[::1/db",
        ] {
            do {
                _ = try PostgresURL.parse(text)
                Issue.record("accepted \(text)")
            } catch {
                #expect(!String(describing: error).contains(":pw@"), "\(error)")
            }
        }
    }

    // MARK: PostgreSQL

    /// The test database's URL with other hosts or options (nil on SQLite).
    static func url(_ location: DatabaseLocation, hosts: [String]? = nil, query: String = "") throws -> String? {
        guard case .postgres(let text) = location else { return nil }
        let base = try PostgresURL.parse(text)
        let hostList = hosts ?? base.hosts.map(\.description)
        return "postgres://\(base.user)@\(hostList.joined(separator: ","))/\(base.database ?? "postgres")" + (query.isEmpty ? "" : "?" + query)
    }

    /// A loopback port where nothing listens (port 1: a connection there is refused at once).
    static func deadHost() -> String {
        "127.0.0.1:1"
    }

    @Test("a replica that is down serves no reads: they go to the primary, and the request does not fail")
    func deadReplica() async throws {
        try await TestDatabase.with { t in
            guard let primary = try Self.url(t.location) else { return }
            let dead = try #require(try Self.url(t.location, hosts: [Self.deadHost()]))
            let db = try await Database.open(.postgres(url: primary), replicas: ReplicaOptions(urls: [dead]))
            do {
                #expect(db.replicaStatus.count == 1)
                #expect(db.replicaStatus[0].healthy == false)
                let one = try await ReadPreference.$replicaAllowed.withValue(true) {
                    try await db.read { sql in try await sql.raw("SELECT 1 AS one").first()?.decode(column: "one", as: Int.self) }
                }
                #expect(one == 1)
                #expect(db.replicaStatus[0].served == 0)
                await db.close()
            } catch {
                await db.close()
                throw error
            }
        }
    }

    @Test("a primary named as a replica (or a promoted standby) is not read from as one")
    func primaryIsNoReplica() async throws {
        try await TestDatabase.with { t in
            guard let primary = try Self.url(t.location) else { return }
            let db = try await Database.open(.postgres(url: primary), replicas: ReplicaOptions(urls: [primary]))
            let status = db.replicaStatus
            _ = try await ReadPreference.$replicaAllowed.withValue(true) {
                try await db.read { sql in try await sql.raw("SELECT 1").run() }
            }
            let after = db.replicaStatus
            await db.close()
            #expect(status.first?.healthy == false)
            #expect(status.first?.problem?.contains("not a standby") == true)
            #expect(after.first?.served == 0)
        }
    }

    @Test("a multi-host URL: hosts that do not answer are passed over, the primary is found and used")
    func multiHostFindsThePrimary() async throws {
        try await TestDatabase.with { t in
            guard let base = try Self.url(t.location) else { return }
            let live = try PostgresURL.parse(base).hosts[0].description
            let url = try #require(try Self.url(t.location, hosts: [Self.deadHost(), live], query: "target_session_attrs=read-write"))
            let db = try await Database.open(.postgres(url: url))
            do {
                #expect(db.primaryHost == live)
                try await db.write { sql in try await sql.raw("CREATE TABLE IF NOT EXISTS ha_multi (n BIGINT)").run() }
                try await db.write { sql in try await sql.raw("INSERT INTO ha_multi VALUES (7)").run() }
                let n = try await db.read { sql in try await sql.raw("SELECT count(*) AS n FROM ha_multi").first()?.decode(column: "n", as: Int.self) }
                #expect(n == 1)
                try await db.write { sql in try await sql.raw("DROP TABLE ha_multi").run() }
                await db.close()
            } catch {
                await db.close()
                throw error
            }
        }
    }

    @Test("no host answers: opening fails at once with every host's reason")
    func noHostAnswers() async throws {
        guard let admin = TestDatabase.postgresURL,
            let url = try Self.url(.postgres(url: admin), hosts: ["127.0.0.1:1", "127.0.0.1:2"], query: "target_session_attrs=read-write")
        else { return }
        let start = ContinuousClock.now
        do {
            let db = try await Database.open(.postgres(url: url))
            await db.close()
            Issue.record("opened a database with no host")
        } catch {
            #expect(String(describing: error).contains("127.0.0.1:2"))
        }
        #expect(ContinuousClock.now - start < .seconds(15))
    }

    @Test("a write whose connection is lost before COMMIT was not applied, and runs once more — stored exactly once")
    func writeRetriedBeforeCommit() async throws {
        try await TestDatabase.with { t in
            guard let url = try Self.url(t.location) else { return }
            let db = try await Database.open(.postgres(url: url))
            do {
                try await db.write { sql in try await sql.raw("CREATE TABLE IF NOT EXISTS ha_retry (n BIGINT)").run() }
                let attempts = Attempts()
                try await db.write { sql in
                    try await sql.raw("INSERT INTO ha_retry VALUES (1)").run()
                    if attempts.next() == 1 {
                        // The server ends this very connection, mid-transaction, as a dying primary would.
                        try await sql.raw("SELECT pg_terminate_backend(pg_backend_pid())").run()
                    }
                }
                let n = try await db.read { sql in try await sql.raw("SELECT count(*) AS n FROM ha_retry").first()?.decode(column: "n", as: Int.self) }
                #expect(attempts.count == 2)
                #expect(n == 1)
                try await db.write { sql in try await sql.raw("DROP TABLE ha_retry").run() }
                await db.close()
            } catch {
                await db.close()
                throw error
            }
        }
    }

    @Test("a read whose connection is lost runs once more; a second loss is reported as 'unavailable', not hidden")
    func readRetried() async throws {
        try await TestDatabase.with { t in
            guard let url = try Self.url(t.location) else { return }
            let db = try await Database.open(.postgres(url: url))
            let attempts = Attempts()
            let value = try await db.read { sql -> Int? in
                if attempts.next() == 1 { try await sql.raw("SELECT pg_terminate_backend(pg_backend_pid())").run() }
                return try await sql.raw("SELECT 42 AS v").first()?.decode(column: "v", as: Int.self)
            }
            #expect(value == 42)
            #expect(attempts.count == 2)
            let always = Attempts()
            do {
                _ = try await db.read { sql in
                    _ = always.next()
                    try await sql.raw("SELECT pg_terminate_backend(pg_backend_pid())").run()
                }
                Issue.record("a read that always loses its connection succeeded")
            } catch StorageError.unavailable {
                #expect(always.count == 2)
            } catch {
                Issue.record("unexpected \(String(reflecting: error))")
            }
            await db.close()
        }
    }
}

/// Counts the runs of a body (bodies are `@Sendable`).
final class Attempts: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    var count: Int { value.withLock { $0 } }
}
