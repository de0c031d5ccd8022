import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Issue "Audit": every change is logged in its own transaction, hash-chained; `verify` finds the first altered entry.
@Suite struct AuditTests {
    /// Gets past the engine's append-only trigger, as someone with direct database access could.
    func tamper(_ t: TestDatabase, _ statement: String) async throws {
        try await t.db.write { sql in
            if sql.dialect.name == "sqlite" {
                try await sql.raw("DROP TRIGGER audit_log_no_update").run()
                try await sql.raw("DROP TRIGGER audit_log_no_delete").run()
            } else {
                try await sql.raw("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change").run()
            }
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    @Test("the chain verifies after a series of changes, with one entry per change")
    func intactChain() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            #expect(try await t.services.audit.verify() == .intact(entries: 6))
            let clerk = try await t.principal(.clerk, at: "T01-A")
            var draft = try await t.services.units.get(clerk, code: "T01-A-C1").draft
            draft.name = "Chi bộ thôn Một"
            _ = try await t.services.units.update(clerk, code: "T01-A-C1", draft, expectedVersion: 1)
            let history = try await t.services.units.history(clerk, code: "T01-A-C1")
            #expect(history.map(\.action) == ["create", "update"])
            #expect(history.last?.actor == "clerk-T01-A")
            #expect(history.last?.address == "127.0.0.1")
            #expect(history.last?.changes.contains(FieldChange(field: "name", old: "Chi bộ thôn 1", new: "Chi bộ thôn Một")) == true)
            #expect(try await t.services.audit.verify() == .intact(entries: 7))
        }
    }

    @Test("the engine refuses to update or delete an audit entry")
    func appendOnly() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            await #expect(throws: (any Error).self) {
                try await t.db.write { sql in try await sql.raw("UPDATE audit_log SET actor = 'x' WHERE id = 1").run() }
            }
            await #expect(throws: (any Error).self) {
                try await t.db.write { sql in try await sql.raw("DELETE FROM audit_log WHERE id = 1").run() }
            }
            #expect(try await t.services.audit.verify() == .intact(entries: 6))
        }
    }

    @Test("an altered entry is named as the first broken one")
    func alteredEntry() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await tamper(t, "UPDATE audit_log SET new_values = '{\"name\":\"Giả\"}' WHERE id = 3")
            #expect(try await t.services.audit.verify() == .broken(entryId: 3, reason: "entry 3 was altered"))
        }
    }

    @Test("a removed entry in the middle, or at the end, is detected")
    func removedEntries() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await tamper(t, "DELETE FROM audit_log WHERE id = 4")
            #expect(try await t.services.audit.verify() == .broken(entryId: 4, reason: "entry 4 is missing"))
        }
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await tamper(t, "DELETE FROM audit_log WHERE id = 6")
            #expect(try await t.services.audit.verify() == .broken(entryId: 6, reason: "entries 6…6 were removed"))
        }
    }

    @Test("a change that fails leaves neither the record nor its audit entry")
    func atomicWithChange() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            await #expect(throws: (any Error).self) {
                try await t.db.write { sql in
                    try await AuditLog.append(
                        sql, actor: "x", address: nil, action: "update", entity: "unit", key: "T01-A", unitPath: "/", old: nil, new: nil)
                    throw DomainError.forbidden(Catalogue.forbidden)
                }
            }
            #expect(try await t.services.audit.verify() == .intact(entries: 6))
        }
    }
}

/// Issue "Foundation": `tochuc backup` (online, consistent) restores to identical content.
@Suite struct BackupTests {
    @Test("a backup restores to identical content")
    func backupRestores() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "lan", displayName: "Nguyễn Thị Lan", password: "Mat-khau-kiem-thu-2026", role: .clerk,
                unitCode: "T01-A")
            let before = try await t.contentDigest()
            let file = t.folder.appendingPathComponent("backup.bak").path
            try await Backup.backup(t.location, to: file)
            // Change after the backup, then restore: the change must be gone.
            let clerk = try await t.principal(.clerk, at: "T01-A")
            var draft = try await t.services.units.get(clerk, code: "T01-A-C1").draft
            draft.name = "Sau sao lưu"
            _ = try await t.services.units.update(clerk, code: "T01-A-C1", draft, expectedVersion: 1)
            #expect(try await t.contentDigest() != before)
            await t.db.close()
            try await Backup.restore(t.location, from: file)
            let reopened = try await Database.open(t.location)
            #expect(try await TestDatabase.contentDigest(of: reopened) == before)
            #expect(try await AuditLog.verify(reopened) == .intact(entries: 7))
            await reopened.close()
        }
    }

    @Test("scheduled backups keep the newest N, named by time; other files in the folder are left alone")
    func scheduledKeepsNewest() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let folder = t.folder.appendingPathComponent("scheduled").path
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            _ = FileManager.default.createFile(atPath: folder + "/notes.txt", contents: Data("keep me".utf8))
            let start = Date(timeIntervalSince1970: 1_800_000_000)
            var written: [String] = []
            for n in 0..<4 {
                written.append(try await Backup.scheduled(t.location, directory: folder, keep: 2, now: start.addingTimeInterval(Double(n) * 90)))
            }
            let left = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
            let names = written.map { URL(fileURLWithPath: $0).lastPathComponent }
            #expect(left == ["notes.txt"] + names.suffix(2))
            #expect(names[0].hasPrefix(Backup.scheduledPrefix + "20270115T080000.000Z"))
        }
    }
}

