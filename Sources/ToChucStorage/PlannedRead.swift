import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLKit
import Synchronization

/// A read whose plan PostgreSQL keeps on each connection: `PREPARE` the first time a connection meets it, `EXECUTE`
/// after. Sent as one-off statements (PostgresNIO's way), the reads of the pages served most were planned on every
/// request, and planning cost more than running them: the member's page with its flags 0.39 ms to plan and 0.06 ms
/// to run, the session 0.11 and 0.03 (`EXPLAIN (ANALYZE, SUMMARY)` on a warm connection; 57 % of the server's time in
/// `wrk` on the member page was the planner, BENCHMARKS.md). PostgreSQL plans a prepared statement for its first five
/// executions, then keeps a generic plan when it costs no more.
///
/// Only for statements whose text does not vary with the values (values as binds, no lists of varying length): each
/// text is prepared once per connection and kept until the connection closes. SQLite runs the query as it is.
public struct PlannedRead: SQLExpression {
    /// A short name for the statement, for the server's `pg_prepared_statements` and its logs.
    let label: String
    let query: SQLQueryString

    public func serialize(to serializer: inout SQLSerializer) {
        query.serialize(to: &serializer)
    }
}

extension SQLDatabase {
    /// The rows of a read PostgreSQL keeps planned (`PlannedRead`).
    public func planned(_ label: String, _ query: SQLQueryString) async throws -> [any SQLRow] {
        let rows = RowCollector()
        try await execute(sql: PlannedRead(label: label, query: query)) { rows.append($0) }
        return rows.all
    }
}

final class RowCollector: Sendable {
    private let rows = Mutex<[any SQLRow]>([])
    func append(_ row: any SQLRow) { rows.withLock { $0.append(row) } }
    var all: [any SQLRow] { rows.withLock { $0 } }
}

/// Which statements each connection of a server has prepared. A connection is known by the object (kept here, so that
/// a new connection cannot take a closed one's identity); closed ones are forgotten as new ones come.
final class PreparedStatements: Sendable {
    private let byConnection = Mutex<[ObjectIdentifier: (connection: PostgresConnection, names: Set<String>)]>([:])

    func has(_ name: String, on connection: PostgresConnection) -> Bool {
        byConnection.withLock { $0[ObjectIdentifier(connection)]?.names.contains(name) ?? false }
    }

    func add(_ name: String, on connection: PostgresConnection) {
        byConnection.withLock { all in
            let key = ObjectIdentifier(connection)
            if all[key] == nil {
                all = all.filter { !$0.value.connection.isClosed }
                all[key] = (connection, [])
            }
            all[key]!.names.insert(name)
        }
    }

    func forget(_ name: String, on connection: PostgresConnection) {
        _ = byConnection.withLock { $0[ObjectIdentifier(connection)]?.names.remove(name) }
    }
}

/// A PostgreSQL connection outside a transaction, that runs `PlannedRead`s as prepared statements and everything else
/// as it is.
struct PlanningDatabase: WrappingSQLDatabase {
    let inner: any SQLDatabase
    let connection: PostgresConnection
    let prepared: PreparedStatements

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        guard let read = query as? PlannedRead else { return try await run(query, onRow) }
        var serializer = SQLSerializer(database: inner)
        read.serialize(to: &serializer)
        let text = serializer.sql
        let binds = serializer.binds
        let types = binds.map(Self.typeName)
        let values = binds.map(Self.literal)
        // A value of a type not named here: run as it is (no plan kept, but nothing refused).
        guard !types.contains(nil), !values.contains(nil) else { return try await run(query, onRow) }
        let name = "tc_\(read.label)_\(Self.hash(text + "|" + types.map { $0! }.joined(separator: ",")))"
        // EXECUTE is a utility statement: it takes no parameters of its own, so the values go in as literals.
        let execute = SQLRaw("EXECUTE \(name)" + (values.isEmpty ? "" : "(" + values.map { $0! }.joined(separator: ", ") + ")"))
        if prepared.has(name, on: connection) {
            do {
                return try await run(execute, onRow)
            } catch where ["26000", "0A000"].contains(Self.state(of: error)) {
                // 26000: the server no longer has it (DEALLOCATE). 0A000: a migration changed a table it reads ("cached
                // plan must not change result type", a server of the older version beside a newer one). Prepare again.
                _ = try? await connection.simpleQuery("DEALLOCATE \(name)").get()
                prepared.forget(name, on: connection)
            }
        }
        let typeList = types.isEmpty ? "" : "(" + types.map { $0! }.joined(separator: ", ") + ")"
        do {
            // The simple protocol: sent as a one-off statement, PREPARE's own $1… would be taken for the one-off's.
            _ = try await connection.simpleQuery("PREPARE \(name) \(typeList) AS \(text)").get()
        } catch where Self.state(of: error) == "42P05" {
            // Prepared already on this connection (by a registry that forgot it).
        }
        prepared.add(name, on: connection)
        do {
            try await run(execute, onRow)
        } catch where Self.state(of: error) == "26000" {
            // Gone again at once: something between ToChuc and the server hands each statement another server
            // connection (PgBouncer in transaction mode; docs/deployment.md asks for session mode). Run it as it is.
            prepared.forget(name, on: connection)
            try await run(query, onRow)
        }
    }

    /// A statement as it is: straight through PostgresNIO when its values allow (`DirectPostgresRead`), else SQLKit's.
    private func run(_ query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        if try await DirectPostgresRead.run(query, on: connection, serializingWith: inner, onRow) { return }
        try await inner.execute(sql: query, onRow)
    }

    /// The PostgreSQL type of a bound value, as `PREPARE` names it (nil for the types ToChuc does not prepare with).
    static func typeName(_ value: any Encodable & Sendable) -> String? {
        switch value {
        case is Int, is Int64: return "int8"
        case is Int32: return "int4"
        case is String: return "text"
        case is Bool: return "bool"
        default: return nil
        }
    }

    /// A value as a literal of `EXECUTE`'s arguments: numbers and truth values as they are, text as an escape string
    /// (`E'…'`: quotes doubled and backslashes escaped, which reads the same whatever `standard_conforming_strings` is).
    static func literal(_ value: any Encodable & Sendable) -> String? {
        switch value {
        case let n as Int: return String(n)
        case let n as Int64: return String(n)
        case let n as Int32: return String(n)
        case let b as Bool: return b ? "TRUE" : "FALSE"
        case let text as String:
            guard !text.unicodeScalars.contains("\0") else { return nil }
            return "E'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "''") + "'"
        default: return nil
        }
    }

    static func state(of error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// FNV-1a of the text, in hex: the same text always gives the same name, in every process.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return String(h, radix: 16)
    }
}
