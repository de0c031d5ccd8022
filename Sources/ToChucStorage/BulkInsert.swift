import Foundation
import Logging
import NIOCore
import PostgresKit
import SQLKit
import SQLiteKit

/// A value bound to a statement, typed up front: the bulk path hands these straight to the engine instead of going
/// through `Encodable` (SQLKit's encoder cost ~8× the raw engine on imports, BENCHMARKS.md). It is also `Encodable`,
/// so the same value lists serve ordinary single-row statements.
public enum SQLValue: Sendable, Equatable, Encodable {
    case null
    case integer(Int64)
    case text(String)
    case bool(Bool)

    public init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    public init(_ integer: Int64?) { self = integer.map { .integer($0) } ?? .null }
    public init(_ integer: Int?) { self = integer.map { .integer(Int64($0)) } ?? .null }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .integer(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        case .bool(let value): try container.encode(value)
        }
    }

    var sqlite: SQLiteData {
        switch self {
        case .null: return .null
        case .integer(let value): return .integer(Int(value))
        case .text(let value): return .text(value)
        case .bool(let value): return .integer(value ? 1 : 0)
        }
    }

    /// PostgreSQL's COPY text format: `\N` for NULL, backslash escapes for the separators.
    func appendCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let value): buffer.writeString(String(value))
        case .bool(let value): buffer.writeStaticString(value ? "t" : "f")
        case .text(let value):
            var plain = true
            for byte in value.utf8 where byte == UInt8(ascii: "\\") || byte == 9 || byte == 10 || byte == 13 {
                plain = false
                break
            }
            if plain {
                buffer.writeString(value)
                return
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "\\"): buffer.writeStaticString("\\\\")
                case 9: buffer.writeStaticString("\\t")
                case 10: buffer.writeStaticString("\\n")
                case 13: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}

/// Rows in bulk into one table, inside the caller's transaction.
///
/// On a write transaction opened by `Database.write`, the rows go to the engine directly: multi-row INSERTs with
/// `SQLiteData` binds on SQLite (SQLiteNIO prepares every statement anew, FACTS.md: ~33 k single-row inserts/s),
/// `COPY … FROM STDIN` on PostgreSQL. On any other `SQLDatabase` (tests, tools) it falls back to SQLKit statements.
public enum BulkInsert {
    public static func insert(_ sql: any SQLDatabase, table: String, columns: [String], rows: [[SQLValue]]) async throws {
        guard !rows.isEmpty else { return }
        switch (sql as? TransactionDatabase)?.connection {
        case .sqlite(let connection):
            try await sqliteInsert(connection, table: table, columns: columns, rows: rows)
        case .postgres(let connection):
            try await copy(connection, logger: sql.logger, table: table, columns: columns, rows: rows)
        case nil:
            try await genericInsert(sql, table: table, columns: columns, rows: rows)
        }
    }

    /// `count` fresh ids for rows the caller will insert with explicit ids (to write rows that refer to them in bulk
    /// too). PostgreSQL draws them from the identity sequence, so concurrent single inserts never collide; on SQLite
    /// the caller holds the only write lock, and ids already used once (`sqlite_sequence`) are not used again.
    public static func reserveIds(_ sql: any SQLDatabase, table: String, count: Int) async throws -> [Int64] {
        guard count > 0 else { return [] }
        if sql.dialect.name == "postgresql" {
            return try await sql.raw(
                "SELECT nextval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id')) AS id FROM generate_series(1, \(literal: count))"
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
        }
        let row = try await sql.raw(
            """
            SELECT MAX(n) AS n FROM (SELECT MAX(id) AS n FROM \(unsafeRaw: table)
            UNION ALL SELECT seq AS n FROM sqlite_sequence WHERE name = \(bind: table)) x
            """
        ).first()
        let last = try row?.decode(column: "n", as: Int64?.self) ?? 0
        return (1...Int64(count)).map { last + $0 }
    }

    /// Runs `body` (a large load) with the secondary indexes of `tables` dropped, then builds them again, all in the
    /// caller's transaction: an engine builds an index from sorted rows several times faster than it maintains one
    /// row by row (a first load of a million members: BENCHMARKS.md). The definitions are read from the engine's
    /// catalogue, so the indexes come back exactly as the migrations made them; a failure rolls everything back.
    /// On PostgreSQL dropping an index locks the table until the transaction ends: callers use this only when the
    /// table is nearly empty before the load.
    /// The tables' triggers are dropped and made again the same way: they keep derived data (`MemberCounts`), which
    /// `rederive` then computes in one statement instead of one trigger call per row.
    public static func withIndexesBuiltAfter<R: Sendable>(
        _ sql: any SQLDatabase, tables: [String], rederive: (any SQLDatabase) async throws -> Void = { _ in }, _ body: () async throws -> R
    ) async throws -> R {
        let list = tables.map { "'\($0)'" }.joined(separator: ", ")
        let indexes: [(name: String, definition: String)]
        if sql.dialect.name == "postgresql" {
            // Indexes behind a constraint (primary keys) stay.
            indexes = try await sql.raw(
                """
                SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename IN (\(unsafeRaw: list))
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)
                """
            ).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "definition", as: String.self)) }
        } else {
            // Indexes without SQL are the engine's own (primary keys, UNIQUE constraints).
            indexes = try await sql.raw(
                "SELECT name, sql AS definition FROM sqlite_master WHERE type = 'index' AND tbl_name IN (\(unsafeRaw: list)) AND sql IS NOT NULL"
            ).all().map { (try $0.decode(column: "name", as: String.self), try $0.decode(column: "definition", as: String.self)) }
        }
        let triggers: [(drop: String, definition: String)]
        if sql.dialect.name == "postgresql" {
            triggers = try await sql.raw(
                """
                SELECT 'DROP TRIGGER ' || quote_ident(t.tgname) || ' ON ' || quote_ident(c.relname) AS drop_statement, pg_get_triggerdef(t.oid) AS definition
                FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                WHERE c.relname IN (\(unsafeRaw: list)) AND c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal
                """
            ).all().map { (try $0.decode(column: "drop_statement", as: String.self), try $0.decode(column: "definition", as: String.self)) }
        } else {
            triggers = try await sql.raw(
                "SELECT 'DROP TRIGGER ' || name AS drop_statement, sql AS definition FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN (\(unsafeRaw: list))"
            ).all().map { (try $0.decode(column: "drop_statement", as: String.self), try $0.decode(column: "definition", as: String.self)) }
        }
        for index in indexes { try await sql.raw("DROP INDEX \(unsafeRaw: index.name)").run() }
        for trigger in triggers { try await sql.raw("\(unsafeRaw: trigger.drop)").run() }
        let result = try await body()
        for index in indexes { try await sql.raw("\(unsafeRaw: index.definition)").run() }
        for trigger in triggers { try await sql.raw("\(unsafeRaw: trigger.definition)").run() }
        try await rederive(sql)
        return result
    }

    /// After rows were inserted with explicit ids, PostgreSQL's identity sequence must move past them.
    public static func syncIdentity(_ sql: any SQLDatabase, table: String) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            "SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(unsafeRaw: table)), 1))"
        ).run()
    }

    /// Rows per statement: SQLite allows 32,766 variables per statement; a few hundred rows is where the gain levels off.
    static func rowsPerStatement(columns: Int) -> Int { max(1, min(500, 32_000 / max(1, columns))) }

    static func sqliteInsert(_ connection: SQLiteConnection, table: String, columns: [String], rows: [[SQLValue]]) async throws {
        let perStatement = rowsPerStatement(columns: columns.count)
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ",") + ")"
        var fullStatement: String? = nil
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            let statement: String
            if end - start == perStatement, let full = fullStatement {
                statement = full
            } else {
                statement = head + Array(repeating: tuple, count: end - start).joined(separator: ",")
                if end - start == perStatement { fullStatement = statement }
            }
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * columns.count)
            for row in rows[start..<end] {
                for value in row { binds.append(value.sqlite) }
            }
            _ = try await connection.query(statement, binds)
            start = end
        }
    }

    static func copy(_ connection: PostgresConnection, logger: Logger, table: String, columns: [String], rows: [[SQLValue]]) async throws {
        try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
            var buffer = ByteBufferAllocator().buffer(capacity: 1 << 20)
            for row in rows {
                for (index, value) in row.enumerated() {
                    if index > 0 { buffer.writeInteger(UInt8(9)) }
                    value.appendCopyText(to: &buffer)
                }
                buffer.writeInteger(UInt8(10))
                if buffer.readableBytes >= 1 << 20 {
                    try await writer.write(buffer)
                    buffer.clear()
                }
            }
            if buffer.readableBytes > 0 { try await writer.write(buffer) }
        }
    }

    static func genericInsert(_ sql: any SQLDatabase, table: String, columns: [String], rows: [[SQLValue]]) async throws {
        // PostgreSQL caps a statement at 65,535 binds.
        let perStatement = max(1, min(400, 60_000 / max(1, columns.count)))
        var start = 0
        while start < rows.count {
            let end = min(start + perStatement, rows.count)
            var query = SQLQueryString("INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) VALUES ")
            for index in start..<end {
                if index > start { query.appendLiteral(", ") }
                query.appendLiteral("(")
                query.appendInterpolation(binds: rows[index])
                query.appendLiteral(")")
            }
            try await sql.raw(query).run()
            start = end
        }
    }
}

/// An `SQLDatabase` around SQLKit's own that answers as it does, but for the statements it runs its own way.
protocol WrappingSQLDatabase: SQLDatabase {
    var inner: any SQLDatabase { get }
}

extension WrappingSQLDatabase {
    var logger: Logger { inner.logger }
    var eventLoop: any EventLoop { inner.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { inner.version }
    var dialect: any SQLDialect { inner.dialect }
    var queryLogLevel: Logger.Level? { inner.queryLogLevel }

    /// SQLKit's entry for futures; ToChuc's services use the async one.
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        inner.execute(sql: query, onRow)
    }
}

/// The `SQLDatabase` a write transaction hands out: SQLKit's own, plus the engine connection under it for the
/// bulk path. Everything else is forwarded unchanged.
struct TransactionDatabase: WrappingSQLDatabase {
    enum Connection: Sendable {
        case sqlite(SQLiteConnection)
        case postgres(PostgresConnection)
    }

    let inner: any SQLDatabase
    let connection: Connection

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await inner.execute(sql: query, onRow)
    }
}
