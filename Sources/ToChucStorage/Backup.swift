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

    /// Names of the scheduled backups: `tochuc-backup-20261206T201503.120Z.sqlite` (`.dump` on PostgreSQL); they sort by time.
    public static let scheduledPrefix = "tochuc-backup-"

    /// One scheduled backup into `directory`, then only the newest `keep` of them are kept. The copy is written under a
    /// hidden name and renamed when whole, so that a crash mid-copy never leaves a file that looks like a backup.
    @discardableResult
    public static func scheduled(_ location: DatabaseLocation, directory: String, keep: Int, now: Date = Date()) async throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss.SSS'Z'"
        let suffix: String
        if case .sqlite = location { suffix = ".sqlite" } else { suffix = ".dump" }
        let name = scheduledPrefix + formatter.string(from: now) + suffix
        let final = (directory as NSString).appendingPathComponent(name)
        let partial = (directory as NSString).appendingPathComponent("." + name + ".partial")
        try? FileManager.default.removeItem(atPath: partial)
        do {
            try await backup(location, to: partial)
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
        if rename(partial, final) != 0 {
            throw StorageError.toolFailed("cannot rename \(partial): \(String(cString: strerror(errno)))")
        }
        let kept = try FileManager.default.contentsOfDirectory(atPath: directory)
            .filter { $0.hasPrefix(scheduledPrefix) && $0.hasSuffix(suffix) }.sorted()
        for old in kept.dropLast(max(1, keep)) {
            try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(old))
        }
        return final
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
