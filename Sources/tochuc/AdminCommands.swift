import ArgumentParser
import Foundation
import ToChucDomain
import ToChucServices
import ToChucStorage

struct Backup: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Write a consistent copy of the database while it is in use.")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "File to write (must not exist).") var file: String

    func run() async throws {
        // Migrate first (the CLI contract), then copy from a snapshot.
        try await withServices(db) { _ in }
        try await ToChucStorage.Backup.backup(db.location, to: file)
        print("OK: \(file)")
    }
}

struct Restore: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Replace the database's content with a backup. Stop the server first.")
    @OptionGroup var db: DatabaseOptions
    @Argument(help: "A file written by `tochuc backup`.") var file: String

    func run() async throws {
        try await ToChucStorage.Backup.restore(db.location, from: file)
        // The restored database is migrated to this program's schema, and the restore is audited in it.
        try await withServices(db) { services in
            _ = try await services.db.write { sql in
                try await AuditLog.append(
                    sql, actor: Principal.currentCommandLine.actor, address: "local", action: "restore", entity: "database",
                    key: URL(fileURLWithPath: file).lastPathComponent, unitPath: "/", old: nil, new: nil)
            }
        }
        print("OK")
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts.", subcommands: [Add.self, List.self, Disable.self, ResetPassword.self, ResetTOTP.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account.")
        @OptionGroup var db: DatabaseOptions
        @Option(name: .long) var username: String
        @Option(name: .long, help: "Password (default: $TOCHUC_NEW_PASSWORD, else a random one, printed).") var password: String?
        @Option(name: .long, help: "viewer, clerk, head or admin.") var role: String
        @Option(name: .long, help: "Code of the user's unit.") var unit: String
        @Option(name: .long, help: "Full name.") var name: String?

        func run() async throws {
            guard let role = Role(rawValue: role) else { throw ValidationError("--role must be viewer, clerk, head or admin") }
            let given = password ?? ProcessInfo.processInfo.environment["TOCHUC_NEW_PASSWORD"]
            let chosen = given ?? Secrets.randomPassword()
            try await withServices(db) { services in
                try await services.accounts.createUser(
                    by: .currentCommandLine, username: username, displayName: name ?? username, password: chosen, role: role, unitCode: unit)
            }
            print(given == nil ? "OK: \(username) password: \(chosen)" : "OK: \(username)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var out: OutputOptions

        func run() async throws {
            let users = try await withServices(db) { services in try await services.accounts.listUsers(by: .currentCommandLine) }
            if out.format == .json {
                try out.write(
                    try out.json(
                        users.map {
                            ["username": $0.username, "display_name": $0.displayName, "role": $0.role.rawValue, "unit_code": $0.unitCode,
                             "disabled": $0.disabled] as [String: Any]
                        }))
            } else {
                try out.write(
                    users.map { "\($0.username)\t\($0.role.rawValue)\t\($0.unitCode)\t\($0.disabled ? "disabled" : "active")\t\($0.displayName)" }
                        .joined(separator: "\n"))
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account and end its sessions.")
        @OptionGroup var db: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            try await withServices(db) { services in try await services.accounts.disableUser(by: .currentCommandLine, username: username) }
            print("OK")
        }
    }

    struct ResetPassword: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a new password (random unless given) and end the user's sessions.")
        @OptionGroup var db: DatabaseOptions
        @Argument var username: String
        @Option(name: .long) var password: String?

        func run() async throws {
            let chosen = try await withServices(db) { services in
                try await services.accounts.resetPassword(by: .currentCommandLine, username: username, newPassword: password)
            }
            print(password == nil ? "OK: new password: \(chosen)" : "OK")
        }
    }
}

extension UserCommand {
    struct ResetTOTP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "reset-totp", abstract: "Remove the user's second factor (a lost phone) and end their sessions.")
        @OptionGroup var db: DatabaseOptions
        @Argument var username: String

        func run() async throws {
            try await withServices(db) { services in try await services.accounts.resetSecondFactor(by: .currentCommandLine, username: username) }
            print("OK")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit log.", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the hash chain; name the first entry altered or removed.")
        @OptionGroup var db: DatabaseOptions
        @OptionGroup var out: OutputOptions

        func run() async throws {
            let result = try await withServices(db) { services in try await services.audit.verify() }
            switch result {
            case .intact(let entries):
                try out.write(out.format == .json ? try out.json(["status": "intact", "entries": entries]) : "OK: \(entries) entries")
            case .broken(let id, let reason):
                try out.write(out.format == .json ? try out.json(["status": "broken", "entry": id, "reason": reason]) : "BROKEN at entry \(id): \(reason)")
                throw ExitCode(1)
            }
        }
    }
}
