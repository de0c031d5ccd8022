import SQLKit
import Testing
import ToChucStorage

/// The reads of the pages served most keep their plan on each PostgreSQL connection (`PlannedRead`, issue 8): they
/// answer as the plain statement does, and go on answering when the server dropped the plan or a migration changed
/// the table under it. On SQLite they are the plain statement.
@Suite struct PlannedReadTests {
    @Test("a planned read gives the plain read's rows, again and again, also after DEALLOCATE ALL and ALTER TABLE")
    func sameRowsWhateverTheServerDid() async throws {
        try await TestDatabase.with { t in
            try await t.db.write { sql in
                try await sql.raw("CREATE TABLE planned_probe (id BIGINT PRIMARY KEY, name TEXT NOT NULL)").run()
                try await sql.raw("INSERT INTO planned_probe (id, name) VALUES (1, 'Hoa'), (2, 'Minh')").run()
            }
            let isPostgres = t.db.dialect == .postgres
            @Sendable func read(_ sql: any SQLDatabase, _ id: Int64) async throws -> [String] {
                try await sql.planned("probe", "SELECT * FROM planned_probe WHERE id = \(bind: id) AND name <> \(bind: "it's \\ not")").map {
                    try $0.decode(column: "name", as: String.self) + ($0.allColumns.contains("extra") ? try $0.decode(column: "extra", as: String.self) : "")
                }
            }
            // Each read runs on one connection, so the plan it prepared is there for the next statements.
            var names = try await t.db.read { sql -> [String] in
                var names: [String] = []
                // Past the five custom plans: PostgreSQL then keeps a generic one.
                for id in [1, 2, 1, 2, 1, 2, 1, 3] as [Int64] { names += try await read(sql, id) }
                guard isPostgres else { return names }
                try await sql.raw("DEALLOCATE ALL").run()
                names += try await read(sql, 2)
                try await sql.raw("ALTER TABLE planned_probe ADD COLUMN extra TEXT NOT NULL DEFAULT '+'").run()
                names += try await read(sql, 1)
                return names
            }
            if !isPostgres {
                // SQLite runs the statement as it is: nothing is kept between reads.
                names += try await t.db.read { sql in try await read(sql, 2) }
            }
            #expect(names == ["Hoa", "Minh", "Hoa", "Minh", "Hoa", "Minh", "Hoa", "Minh"] + (isPostgres ? ["Hoa+"] : []))
            if isPostgres {
                let kept = try await t.db.read { sql in
                    try await sql.raw("SELECT count(*) AS n FROM pg_prepared_statements WHERE name LIKE 'tc_probe_%'").first()!
                        .decode(column: "n", as: Int.self)
                }
                // On whichever connection this read ran: none or the one plan, never one per execution.
                #expect(kept <= 1)
            }
        }
    }
}

/// Reads on PostgreSQL go straight through PostgresNIO, their text, integers and truth values decoded from the cells
/// (`DirectPostgresRead`): every value, NULLs included, reads as through SQLKit's row — the write connection's — and
/// the binds mean the same (a statement binding a nil, which PostgresKit types, goes through PostgresKit); a type read
/// otherwise still works.
@Suite struct DirectPostgresReadTests {
    @Test("a read decodes text, integers, truth values and their NULLs, and binds nil, as the write connection does")
    func sameValuesAsSQLKit() async throws {
        try await TestDatabase.with { t in
            try await t.db.write { sql in
                try await sql.raw("CREATE TABLE direct_probe (id BIGINT PRIMARY KEY, name TEXT, n INTEGER, flag BOOLEAN, ratio DOUBLE PRECISION)").run()
                try await sql.raw("INSERT INTO direct_probe VALUES (1, 'Lê Thị Hoa', 7, TRUE, 0.5), (2, NULL, NULL, NULL, NULL)").run()
            }
            struct Values: Equatable, Sendable {
                var id: Int64, idAsInt: Int, name: String?, n: Int?, n64: Int64?, flag: Bool?, ratio: Double?, missing: Bool
            }
            @Sendable func values(_ sql: any SQLDatabase, bindingNil: Bool) async throws -> [Values] {
                let none: String? = nil, some: String? = "Lê Thị Hoa"
                let name: SQLQueryString = bindingNil ? "(\(bind: none) IS NULL OR name = \(bind: none))" : "(name IS NULL OR name = \(bind: some))"
                return try await sql.raw(
                    """
                    SELECT * FROM direct_probe WHERE id >= \(bind: 1 as Int64) AND id <= \(bind: 2 as Int)
                    AND \(name) AND \(bind: true) ORDER BY id
                    """
                ).all().map { row in
                    Values(
                        id: try row.decode(column: "id", as: Int64.self), idAsInt: try row.decode(column: "id", as: Int.self),
                        name: try row.decode(column: "name", as: String?.self), n: try row.decode(column: "n", as: Int?.self),
                        n64: try row.decode(column: "n", as: Int64?.self), flag: try row.decode(column: "flag", as: Bool?.self),
                        ratio: try row.decode(column: "ratio", as: Double?.self), missing: row.contains(column: "absent"))
                }
            }
            let written = try await t.db.write { sql in try await values(sql, bindingNil: false) }
            let read = try await t.db.read { sql in try await values(sql, bindingNil: false) }
            #expect(read == written)
            #expect(try await t.db.read { sql in try await values(sql, bindingNil: true) } == written)
            #expect(read.map(\.name) == ["Lê Thị Hoa", nil] && read.map(\.flag) == [true, nil] && read.map(\.ratio) == [0.5, nil])
            // A NULL read as a value that cannot be absent is refused, as before.
            await #expect(throws: (any Error).self) {
                try await t.db.read { sql in try await sql.raw("SELECT name FROM direct_probe WHERE id = 2").first()!.decode(column: "name", as: String.self) }
            }
        }
    }
}
