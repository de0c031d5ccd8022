import Testing

@testable import ToChucStorage

/// Issue 9 (load): when every connection is taken, the one freed goes to the request that began first, not to the
/// read that arrived first — a page's later reads are served before pages begun after it.
struct ConnectionQueueTests {
    @Test("a freed connection goes to the earliest request; equal requests in arrival order")
    func earliestRequestFirst() async throws {
        let queue = ConnectionQueue(["only"])
        let held = await queue.acquire(began: .now)
        let start = ContinuousClock.now
        let order = Order()
        // Arrivals: a request begun late, then one begun early, then another read of the late request.
        var tasks: [Task<Void, Never>] = []
        for (name, began) in [("late", start + .seconds(2)), ("early", start), ("late again", start + .seconds(2))] {
            let count = tasks.count
            tasks.append(
                Task {
                    let connection = await queue.acquire(began: began)
                    await order.append(name)
                    queue.release(connection)
                })
            while queue.waitingCount == count { await Task.yield() }
        }
        queue.release(held)
        for task in tasks { await task.value }
        #expect(await order.names == ["early", "late", "late again"])
    }

    actor Order {
        var names: [String] = []
        func append(_ name: String) { names.append(name) }
    }
}
