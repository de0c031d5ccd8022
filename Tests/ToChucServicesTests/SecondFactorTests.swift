import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Issue 9: the second factor (RFC 6238) required of head and admin, "log out everywhere", and FACTS.md's
/// "all sessions of a disabled account end".
@Suite struct SecondFactorTests {
    static let password = "Mat-khau-kiem-thu-2026"

    static func code(_ secret: [UInt8], _ date: Date = Date()) -> String {
        TOTP.code(secret: secret, at: Int64(date.timeIntervalSince1970))
    }

    /// A head of T01-A with a second factor enrolled through the service, as the enrolment page does it.
    static func enrolledHead(_ t: TestDatabase, now: Date = Date()) async throws -> [UInt8] {
        try await t.services.accounts.createUser(
            by: TestDatabase.cli, username: "truong.ban", displayName: "Trưởng ban", password: password, role: .head, unitCode: "T01-A")
        let first = try await t.services.accounts.login(username: "truong.ban", password: password, address: nil)
        #expect(first.stage == .enrollment)
        let info = try #require(try await t.services.accounts.session(token: first.token, address: nil))
        #expect(info.stage == .enrollment)
        let secret = AccountService.newSecondFactorSecret()
        await #expect(throws: DomainError.self) {
            try await t.services.accounts.enableSecondFactor(info.principal, secret: secret, code: "000000", sessionToken: first.token, now: now)
        }
        try await t.services.accounts.enableSecondFactor(
            info.principal, secret: secret, code: code(secret, now), sessionToken: first.token, now: now)
        #expect(try await t.services.accounts.session(token: first.token, address: nil)?.stage == .full)
        #expect(try await t.services.accounts.hasSecondFactor(info.principal))
        return secret
    }

    @Test("viewers and clerks log in with the password alone; a head without a second factor may only enroll")
    func stagesByRole() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for role in Role.allCases {
                try await t.services.accounts.createUser(
                    by: TestDatabase.cli, username: "u-\(role.rawValue)", displayName: "U", password: Self.password, role: role, unitCode: "T01-A")
                let result = try await t.services.accounts.login(username: "u-\(role.rawValue)", password: Self.password, address: nil)
                #expect(result.stage == (role.requiresSecondFactor ? .enrollment : .full))
            }
        }
    }

    @Test("with a second factor the password opens only a waiting session; the right code opens a new full one, once")
    func codeStep() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let start = Date()
            let secret = try await Self.enrolledHead(t, now: start)
            // The code used to enroll is spent: a log-in in the same 30 s needs the next one (RFC 6238 §5.2).
            let waiting = try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: "10.0.0.9")
            #expect(waiting.stage == .secondFactor)
            #expect(try await t.services.accounts.session(token: waiting.token, address: nil)?.stage == .secondFactor)
            await #expect(throws: DomainError.unauthenticated(Catalogue.wrongSecondFactorCode)) {
                try await t.services.accounts.verifySecondFactor(token: waiting.token, code: Self.code(secret, start), address: nil, now: start)
            }
            let later = start.addingTimeInterval(30)
            let full = try await t.services.accounts.verifySecondFactor(
                token: waiting.token, code: Self.code(secret, later), address: "10.0.0.9", now: later)
            #expect(full.stage == .full)
            #expect(full.token != waiting.token)
            #expect(try await t.services.accounts.session(token: waiting.token, address: nil) == nil)
            #expect(try await t.services.accounts.session(token: full.token, address: nil)?.principal.username == "truong.ban")
            // The same code a second time: refused, even within its window.
            let again = try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            await #expect(throws: DomainError.unauthenticated(Catalogue.wrongSecondFactorCode)) {
                try await t.services.accounts.verifySecondFactor(token: again.token, code: Self.code(secret, later), address: nil, now: later)
            }
        }
    }

    @Test("a waiting session ends after 5 minutes, and five wrong codes lock the account like wrong passwords")
    func waitingSessionLimits() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let secret = try await Self.enrolledHead(t)
            let waiting = try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            #expect(try await t.services.accounts.session(token: waiting.token, address: nil, now: Date().addingTimeInterval(301)) == nil)
            let next = try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            for _ in 0..<SessionPolicy.maximumFailures {
                await #expect(throws: DomainError.unauthenticated(Catalogue.wrongSecondFactorCode)) {
                    try await t.services.accounts.verifySecondFactor(token: next.token, code: "123456", address: nil)
                }
            }
            let soon = Date().addingTimeInterval(30)
            await #expect(throws: DomainError.self) {
                try await t.services.accounts.verifySecondFactor(token: next.token, code: Self.code(secret, soon), address: nil, now: soon)
            }
            #expect(try await t.services.accounts.session(token: next.token, address: nil) == nil)
            await #expect(throws: DomainError.self) {
                try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            }
        }
    }

    @Test("the secret is sealed: the database holds neither it nor its Base32, and another server key cannot open it")
    func sealedSecret() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let secret = try await Self.enrolledHead(t)
            let stored = try await t.db.read { sql in
                try await sql.raw("SELECT totp_secret FROM users WHERE username = 'truong.ban'").first()?.decode(
                    column: "totp_secret", as: String.self)
            }
            let sealed = try #require(stored)
            #expect(sealed.hasPrefix("v1:"))
            #expect(!sealed.contains(Base32.encode(secret)))
            #expect(!sealed.contains(Data(secret).base64EncodedString()))
            let otherServer = AppServices(db: t.db, secrets: .ephemeral())
            let waiting = try await otherServer.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            let soon = Date().addingTimeInterval(30)
            await #expect(throws: DomainError.unauthenticated(Catalogue.secondFactorUnreadable)) {
                try await otherServer.accounts.verifySecondFactor(token: waiting.token, code: Self.code(secret, soon), address: nil, now: soon)
            }
        }
    }

    @Test("the key file is created once, owner-only, and read back the same")
    func keyFile() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tochuc-key-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try SecretBox.loadOrCreate(keyFile: path)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        _ = try SecretBox.loadOrCreate(keyFile: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == written)
        #expect(Data(base64Encoded: written.trimmingCharacters(in: .whitespacesAndNewlines))?.count == 32)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(SecretBox.defaultKeyFile(for: .sqlite(path: "/srv/tochuc.sqlite"), environment: [:]) == "/srv/tochuc.sqlite.key")
        #expect(SecretBox.defaultKeyFile(for: .postgres(url: "postgres://x/y"), environment: ["TOCHUC_KEY_FILE": "/etc/k"]) == "/etc/k")
    }

    @Test("an administrator resets a second factor: audited, the user's sessions end, and they enroll again")
    func adminReset() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let secret = try await Self.enrolledHead(t)
            let soon = Date().addingTimeInterval(30)
            let waiting = try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil)
            let full = try await t.services.accounts.verifySecondFactor(token: waiting.token, code: Self.code(secret, soon), address: nil, now: soon)
            let otherAdmin = try await t.principal(.admin, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.notFound)) {
                try await t.services.accounts.resetSecondFactor(by: otherAdmin, username: "truong.ban")
            }
            let clerk = try await t.principal(.clerk, at: "T01")
            await #expect(throws: DomainError.forbidden(Catalogue.adminOnly)) {
                try await t.services.accounts.resetSecondFactor(by: clerk, username: "truong.ban")
            }
            let admin = try await t.principal(.admin, at: "T01")
            try await t.services.accounts.resetSecondFactor(by: admin, username: "truong.ban")
            #expect(try await t.services.accounts.session(token: full.token, address: nil) == nil)
            #expect(try await t.services.accounts.listUsers(by: admin).first { $0.username == "truong.ban" }?.secondFactor == false)
            #expect(try await t.services.accounts.login(username: "truong.ban", password: Self.password, address: nil).stage == .enrollment)
            let entries = try await t.services.audit.list(admin, page: 1, perPage: 50).items
            #expect(entries.contains { $0.action == "totp_reset" && $0.entityKey == "truong.ban" && $0.actor == admin.actor })
            #expect(entries.contains { $0.action == "totp_enable" && $0.entityKey == "truong.ban" })
        }
    }

    @Test("log out everywhere ends every session of the account, and only its own; it is audited")
    func logoutEverywhere() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            for name in ["lan", "minh"] {
                try await t.services.accounts.createUser(
                    by: TestDatabase.cli, username: name, displayName: name, password: Self.password, role: .clerk, unitCode: "T01-A")
            }
            let phone = try await t.services.accounts.login(username: "lan", password: Self.password, address: nil)
            let office = try await t.services.accounts.login(username: "lan", password: Self.password, address: nil)
            let other = try await t.services.accounts.login(username: "minh", password: Self.password, address: nil)
            let principal = try #require(try await t.services.accounts.session(token: office.token, address: nil)).principal
            #expect(try await t.services.accounts.sessionCount(principal) == 2)
            try await t.services.accounts.logoutEverywhere(principal)
            #expect(try await t.services.accounts.session(token: phone.token, address: nil) == nil)
            #expect(try await t.services.accounts.session(token: office.token, address: nil) == nil)
            #expect(try await t.services.accounts.session(token: other.token, address: nil) != nil)
            let admin = try await t.principal(.admin, at: "T01")
            let entries = try await t.services.audit.list(admin, page: 1, perPage: 50).items
            #expect(entries.contains { $0.action == "logout_all" && $0.entityKey == "lan" })
        }
    }
}
