import Foundation
import Logging
import PostgresNIO
import Synchronization
import Testing

@testable import ToChucStorage

/// A PostgreSQL lease that waits on a server gone, or on a statement whose connection closed, is given up (issue 10):
/// one monitor per server looks at the leases due, instead of a watchdog task per statement (issue 8).
@Suite struct LeaseMonitorTests {
    @Test("the leases due are looked at, and kept or let go as the check says; those not due or ended are not looked at")
    func dueLeasesAreChecked() async throws {
        let monitor = LeaseMonitor()
        let names = Mutex([ObjectIdentifier: String]())
        let looks = Mutex([String: Int]())
        func add(_ name: String, due: ContinuousClock.Instant) -> Int {
            let gate = LeaseGate()
            names.withLock { $0[ObjectIdentifier(gate)] = name }
            var lease = WatchedLease(gate: gate, isOver: { false }, giveUp: { _ in })
            lease.due = due
            return monitor.add(lease)
        }
        _ = add("kept", due: .now)
        _ = add("let go", due: .now)
        _ = add("not due", due: .now + .seconds(3600))
        monitor.remove(add("ended", due: .now))
        monitor.start(every: .milliseconds(10)) { lease in
            let name = names.withLock { $0[ObjectIdentifier(lease.gate)]! }
            looks.withLock { $0[name, default: 0] += 1 }
            return name == "let go" ? nil : lease
        }
        let start = ContinuousClock.now
        while looks.withLock({ $0.count }) < 2, ContinuousClock.now - start < .seconds(10) { try await Task.sleep(for: .milliseconds(10)) }
        // Looked at again only `leaseCheck` (3 s) later.
        try await Task.sleep(for: .milliseconds(100))
        await monitor.stop()
        #expect(looks.withLock { $0 } == ["kept": 1, "let go": 1])
        #expect(monitor.count == 2)
    }

    @Test("a lease on a server that does not answer fails as 'unavailable' after the first check, not after the pool's minute")
    func serverGone() async throws {
        let url = try PostgresURL.parse("postgres://nobody:secret@127.0.0.1:1/none")
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let quiet = logger
        let node = try PostgresNode(url: url, host: url.hosts[0], logger: quiet)
        let start = ContinuousClock.now
        await #expect(throws: StorageError.self) {
            try await node.withConnection { connection in
                _ = try await connection.query("SELECT 1", logger: quiet)
                return 1
            }
        }
        #expect(ContinuousClock.now - start < .seconds(15))
        await node.shutdown()
    }
}
