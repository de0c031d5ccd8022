import PostgresKit
import SQLKit

/// The reads of `PlanningDatabase` sent straight through PostgresNIO, their rows decoded from the cells. PostgresKit's
/// row builds a coding path naming the column ("full_name (3)") for every value it decodes: on the national demo that
/// was ~9 % of all the CPU of `wrk` on a cell's member list (50 members of ~30 columns per page; perf, BENCHMARKS.md).
/// Values and columns of the usual types (text, integers, truth values) take the short way; any other type, and a
/// statement with a nil among its values, goes through PostgresKit as before, so nothing is read differently.
enum DirectPostgresRead {
    /// Runs `query` on `connection` when every bound value is of a type bound here; false (nothing run) otherwise.
    static func run(
        _ query: any SQLExpression, on connection: PostgresConnection, serializingWith database: any SQLDatabase,
        _ onRow: @escaping @Sendable (any SQLRow) -> Void
    ) async throws -> Bool {
        let (text, binds) = database.serialize(query)
        guard let bindings = bindings(binds) else { return false }
        let rows = try await connection.query(PostgresQuery(unsafeSQL: text, binds: bindings), logger: database.logger)
        for try await row in rows { onRow(DirectPostgresRow(row)) }
        return true
    }

    /// The binds as PostgresKit encodes them, each by its own PostgreSQL encoding; nil for a value of a type not listed
    /// and for a nil: PostgresKit binds a NULL with its optional's type (so `$1 IS NULL` is understood), which
    /// PostgresNIO's own bindings cannot say.
    static func bindings(_ binds: [any Encodable & Sendable]) -> PostgresBindings? {
        var bindings = PostgresBindings(capacity: binds.count)
        for bind in binds {
            var value: Any = bind
            if let optional = bind as? any OptionalBind {
                guard let wrapped = optional.wrapped else { return nil }
                value = wrapped
            }
            switch value {
            case let text as String: bindings.append(text)
            case let number as Int: bindings.append(number)
            case let number as Int64: bindings.append(number)
            case let number as Int32: bindings.append(number)
            case let truth as Bool: bindings.append(truth)
            default: return nil
            }
        }
        return bindings
    }
}

/// A bound optional, seen through `any Encodable`.
protocol OptionalBind {
    var wrapped: Any? { get }
}

extension Optional: OptionalBind {
    var wrapped: Any? { self.map { $0 as Any } }
}

/// A row of `DirectPostgresRead`: text, integers and truth values decoded from the cell by PostgresNIO, as PostgresKit's
/// row itself does for them after building its coding path; every other type through PostgresKit's row.
struct DirectPostgresRow: SQLRow {
    let row: PostgresRow
    let cells: PostgresRandomAccessRow

    init(_ row: PostgresRow) {
        self.row = row
        self.cells = row.makeRandomAccess()
    }

    var allColumns: [String] { cells.map(\.columnName) }

    func contains(column: String) -> Bool { cells.contains(column) }

    func decodeNil(column: String) throws -> Bool { !cells.contains(column) || cells[column].bytes == nil }

    func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
        if cells.contains(column), let value = try Self.decode(cells[column], as: T.self) { return value }
        return try row.sql().decode(column: column, as: T.self)
    }

    /// The value of `cell` for the types decoded here, nil for the others. Text of a type made by the database (an
    /// enum) goes to PostgresKit, which reads it as a name.
    static func decode<T>(_ cell: PostgresCell, as type: T.Type) throws -> T? {
        // `as Any as! T` after the check of T: an absent value stays a value of T (nil), never "no decoding".
        func value<V: PostgresDecodable>(_ decoded: V.Type) throws -> T? { .some(try cell.decode(V.self) as Any as! T) }
        if T.self == String.self || T.self == String?.self {
            guard !cell.dataType.isUserDefined else { return nil }
            return T.self == String.self ? try value(String.self) : try value(String?.self)
        }
        if T.self == Int64.self { return try value(Int64.self) }
        if T.self == Int64?.self { return try value(Int64?.self) }
        if T.self == Int.self { return try value(Int.self) }
        if T.self == Int?.self { return try value(Int?.self) }
        if T.self == Bool.self { return try value(Bool.self) }
        if T.self == Bool?.self { return try value(Bool?.self) }
        return nil
    }
}
