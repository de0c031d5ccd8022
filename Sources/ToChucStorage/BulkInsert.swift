import SQLKit

/// Multi-row `INSERT … VALUES (…), (…)`: the bulk path.
///
/// SQLiteNIO prepares every statement anew (FACTS.md: ~33 k single-row inserts/s), so bulk loads send a few
/// hundred rows per statement instead; PostgreSQL likewise saves a round trip per row. Chunks stay under
/// PostgreSQL's 65,535 bind parameters.
public enum BulkInsert {
    public static func insert(
        _ sql: any SQLDatabase, table: String, columns: [String], rows: [[any Encodable & Sendable]], rowsPerStatement: Int = 400
    ) async throws {
        guard !rows.isEmpty else { return }
        let perStatement = max(1, min(rowsPerStatement, 60_000 / max(1, columns.count)))
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

    /// After rows were inserted with explicit ids, PostgreSQL's identity sequence must move past them.
    public static func syncIdentity(_ sql: any SQLDatabase, table: String) async throws {
        guard sql.dialect.name == "postgresql" else { return }
        try await sql.raw(
            "SELECT setval(pg_get_serial_sequence('\(unsafeRaw: table)', 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM \(unsafeRaw: table)), 1))"
        ).run()
    }
}
