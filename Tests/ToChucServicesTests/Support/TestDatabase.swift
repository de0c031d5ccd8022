import Foundation
import SQLKit
import ToChucDomain
import ToChucServices
import ToChucStorage

/// A fresh, migrated database for one test: an SQLite file in a temporary folder, or — when
/// `TOCHUC_TEST_DATABASE` names a PostgreSQL server — a new database on it, dropped afterwards.
/// The same tests run on both engines (scripts/test runs them twice).
struct TestDatabase {
    let db: Database
    let services: AppServices
    let location: DatabaseLocation
    let folder: URL
    private let dropName: String?
    private let adminURL: String?

    static var postgresURL: String? {
        let value = ProcessInfo.processInfo.environment["TOCHUC_TEST_DATABASE"] ?? ""
        return value.hasPrefix("postgres") ? value : nil
    }

    static func make() async throws -> TestDatabase {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        if let admin = postgresURL {
            let name = "tochuc_t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            // CREATE DATABASE copies template1 and refuses while another copy is running: one at a time.
            try await DatabaseCreation.shared.run {
                let server = try await Database.open(.postgres(url: admin))
                do {
                    try await server.read { sql in try await sql.raw("CREATE DATABASE \(unsafeRaw: name)").run() }
                } catch {
                    await server.close()
                    throw TestFailure(String(reflecting: error))
                }
                await server.close()
            }
            var components = URLComponents(string: admin)!
            components.path = "/" + name
            let location = DatabaseLocation.postgres(url: components.string!)
            let db = try await Database.open(location)
            return TestDatabase(db: db, services: AppServices(db: db), location: location, folder: folder, dropName: name, adminURL: admin)
        }
        let location = DatabaseLocation.sqlite(path: folder.appendingPathComponent("test.sqlite").path)
        let db = try await Database.open(location)
        return TestDatabase(db: db, services: AppServices(db: db), location: location, folder: folder, dropName: nil, adminURL: nil)
    }

    func close() async {
        await db.close()
        if let dropName, let adminURL, let server = try? await Database.open(.postgres(url: adminURL)) {
            try? await server.read { sql in try await sql.raw("DROP DATABASE IF EXISTS \(unsafeRaw: dropName) WITH (FORCE)").run() }
            await server.close()
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a test body on a fresh database and always cleans up.
    static func with(_ body: (TestDatabase) async throws -> Void) async throws {
        let test = try await make()
        do {
            try await body(test)
            await test.close()
        } catch {
            await test.close()
            // PostgresNIO hides the server's message from `description`; tests want it.
            if String(describing: type(of: error)).hasPrefix("PSQL") { throw TestFailure(String(reflecting: error)) }
            throw error
        }
    }

    static let cli = Principal.commandLine(osUser: "test")

    /// TW → T01 → {T01-A → T01-A-C1, T01-B → T01-B-C1}: two sibling communes with a cell each.
    func seedTree() async throws {
        let rows: [(String, String, UnitKind, String)] = [
            ("TW", "Trung ương", .central, ""),
            ("T01", "Đảng bộ tỉnh Thử Nghiệm", .provincial, "TW"),
            ("T01-A", "Đảng bộ xã An Bình", .base, "T01"),
            ("T01-B", "Đảng bộ xã Bình Minh", .base, "T01"),
            ("T01-A-C1", "Chi bộ thôn 1", .cell, "T01-A"),
            ("T01-B-C1", "Chi bộ thôn Đông", .cell, "T01-B"),
        ]
        for (code, name, kind, parent) in rows {
            _ = try await services.units.create(
                Self.cli,
                UnitDraft(
                    code: code, name: name, kind: kind.rawValue, parentCode: parent, sector: Sector.commune.rawValue,
                    hasCommittee: kind != .cell, foundedOn: "", dissolvedOn: ""))
        }
    }

    /// A principal acting from `unitCode` with `role`, as the web layer would build it after log-in.
    func principal(_ role: Role, at unitCode: String, scope: TokenScope = .readWrite, username: String? = nil) async throws -> Principal {
        let unit = try await services.units.get(Self.cli, code: unitCode)
        let name = username ?? "\(role.rawValue)-\(unitCode)"
        return Principal(
            userId: 1_000_000, username: name, displayName: name, role: role, unitId: unit.id, unitCode: unit.code, unitName: unit.name,
            unitPath: unit.path, language: .vi, tokenScope: scope, address: "127.0.0.1", actor: name)
    }

    /// Every row of every table, in a fixed order: two databases with the same content give the same text.
    func contentDigest() async throws -> String { try await Self.contentDigest(of: db) }

    static func contentDigest(of db: Database) async throws -> String {
        let tables = ["units", "users", "api_tokens", "audit_log", "audit_head", "schema_migrations"]
        var text = ""
        for table in tables {
            let rows = try await db.read { sql in try await sql.raw("SELECT * FROM \(unsafeRaw: table) ORDER BY 1").all() }
            for row in rows {
                let values = row.allColumns.sorted().map { column -> String in
                    if (try? row.decodeNil(column: column)) == true { return "\(column)=NULL" }
                    if let s = try? row.decode(column: column, as: String.self) { return "\(column)=\(s)" }
                    if let n = try? row.decode(column: column, as: Int?.self) { return "\(column)=\(n)" }
                    return "\(column)=?"
                }
                text += table + ":" + values.joined(separator: "|") + "\n"
            }
        }
        return Secrets.sha256Hex(text)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Serializes the creation of test databases on one PostgreSQL server.
actor DatabaseCreation {
    static let shared = DatabaseCreation()
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run(_ body: @Sendable () async throws -> Void) async throws {
        if busy {
            await withCheckedContinuation { waiting.append($0) }
        }
        busy = true
        defer {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
        try await body()
    }
}
