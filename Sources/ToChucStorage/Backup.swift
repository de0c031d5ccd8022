import Foundation
import Logging
import SQLKit
import SQLiteKit

/// Online, consistent backups and their restore.
///
/// SQLite: `VACUUM INTO` from its own connection reads one snapshot while the server keeps writing (WAL),
/// and writes a compact, self-contained file. PostgreSQL: `pg_dump` (one snapshot) and `pg_restore` in one
/// transaction, so a failed restore leaves the database as it was.
public enum Backup {
    public static func backup(_ location: DatabaseLocation, to file: String) async throws {
        switch location {
        case .sqlite(let path):
            if FileManager.default.fileExists(atPath: file) {
                throw StorageError.toolFailed("refusing to overwrite \(file)")
            }
            let connection = try await SQLiteConnection.open(storage: .file(path: path))
            do {
                let db = connection.sql(queryLogLevel: nil)
                try await db.raw("PRAGMA busy_timeout = 15000").run()
                try await db.raw("VACUUM INTO \(bind: file)").run()
                try await connection.close()
            } catch {
                try? await connection.close()
                throw error
            }
        case .postgres(let url):
            try run("pg_dump", ["--format=custom", "--no-owner", "--file=\(file)", "--dbname=\(url)"])
        }
    }

    /// Replaces the database's content with the backup's. Stop the server first.
    public static func restore(_ location: DatabaseLocation, from file: String) async throws {
        guard FileManager.default.fileExists(atPath: file) else { throw StorageError.toolFailed("no such file: \(file)") }
        switch location {
        case .sqlite(let path):
            try await checkSQLiteBackup(file)
            // Copy beside the target, then rename: the target is either the old file or the whole backup.
            let temporary = path + ".restoring"
            try? FileManager.default.removeItem(atPath: temporary)
            try FileManager.default.copyItem(atPath: file, toPath: temporary)
            for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            if rename(temporary, path) != 0 {
                throw StorageError.toolFailed("cannot replace \(path): \(String(cString: strerror(errno)))")
            }
        case .postgres(let url):
            try run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error", "--dbname=\(url)", file])
        }
    }

    /// A backup must open, pass SQLite's integrity check and carry ToChuc's schema.
    static func checkSQLiteBackup(_ file: String) async throws {
        let connection = try await SQLiteConnection.open(storage: .file(path: file))
        defer { Task { try? await connection.close() } }
        let db = connection.sql(queryLogLevel: nil)
        let check = try await db.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
        guard check == "ok" else { throw StorageError.toolFailed("\(file) fails the integrity check: \(check ?? "?")") }
        guard try await db.raw("SELECT name FROM sqlite_master WHERE name = 'schema_migrations'").first() != nil else {
            throw StorageError.toolFailed("\(file) is not a ToChuc database")
        }
    }

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw StorageError.toolFailed("\(tool) failed: \(String(decoding: message, as: UTF8.self))")
        }
    }
}
