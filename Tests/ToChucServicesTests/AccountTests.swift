import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue "Accounts and access" and FACTS.md security anchors.
@Suite struct AccountTests {
    static let password = "Mat-khau-kiem-thu-2026"

    @Test("log-in opens a session that resolves to the user; logout ends it")
    func loginAndLogout() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "lan", displayName: "Nguyễn Thị Lan", password: Self.password, role: .clerk, unitCode: "T01-A")
            let session = try await t.services.accounts.login(username: "lan", password: Self.password, address: "10.0.0.1")
            let info = try #require(try await t.services.accounts.session(token: session.token, address: "10.0.0.1"))
            #expect(info.principal.unitCode == "T01-A")
            #expect(info.principal.role == .clerk)
            #expect(info.csrfToken == session.csrf)
            try await t.services.accounts.logout(token: session.token, principal: info.principal)
            #expect(try await t.services.accounts.session(token: session.token, address: nil) == nil)
        }
    }

    @Test("after five wrong passwords even the right one is refused for a while (OWASP ASVS 2.2.1)")
    func throttling() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "lan", displayName: "Lan", password: Self.password, role: .clerk, unitCode: "T01-A")
            for _ in 0..<SessionPolicy.maximumFailures {
                await #expect(throws: DomainError.unauthenticated(Catalogue.wrongCredentials)) {
                    try await t.services.accounts.login(username: "lan", password: "sai-mat-khau-roi", address: nil)
                }
            }
            do {
                _ = try await t.services.accounts.login(username: "lan", password: Self.password, address: nil)
                Issue.record("a throttled log-in succeeded")
            } catch DomainError.throttled(_, let seconds) {
                #expect(seconds > 0)
            }
        }
    }

    @Test("disabling an account ends its sessions and its tokens stop working")
    func disableEndsEverything() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "lan", displayName: "Lan", password: Self.password, role: .clerk, unitCode: "T01-A")
            let session = try await t.services.accounts.login(username: "lan", password: Self.password, address: nil)
            let principal = try #require(try await t.services.accounts.session(token: session.token, address: nil)).principal
            let token = try await t.services.accounts.createToken(principal, name: "script", scope: .read)
            #expect(try await t.services.accounts.principal(forToken: token.token, address: nil)?.tokenScope == .read)
            try await t.services.accounts.disableUser(by: TestDatabase.cli, username: "lan")
            #expect(try await t.services.accounts.session(token: session.token, address: nil) == nil)
            #expect(try await t.services.accounts.principal(forToken: token.token, address: nil) == nil)
        }
    }

    @Test("weak passwords are refused with the policy's reasons", arguments: ["ngan", "matkhau123456", "lan-lan-lan-2026-lan"])
    func weakPasswords(password: String) async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            await #expect(throws: DomainError.self) {
                try await t.services.accounts.createUser(
                    by: TestDatabase.cli, username: "lan", displayName: "Lan", password: password, role: .clerk, unitCode: "T01-A")
            }
        }
    }

    @Test("an administrator creates accounts only inside their subtree")
    func adminScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let admin = try await t.principal(.admin, at: "T01-A")
            await #expect(throws: DomainError.self) {
                try await t.services.accounts.createUser(
                    by: admin, username: "minh", displayName: "Minh", password: Self.password, role: .clerk, unitCode: "T01-B")
            }
            let clerk = try await t.principal(.clerk, at: "T01")
            await #expect(throws: DomainError.forbidden(Catalogue.adminOnly)) {
                try await t.services.accounts.createUser(
                    by: clerk, username: "minh", displayName: "Minh", password: Self.password, role: .clerk, unitCode: "T01-A")
            }
            try await t.services.accounts.createUser(
                by: admin, username: "minh", displayName: "Minh", password: Self.password, role: .clerk, unitCode: "T01-A-C1")
            #expect(try await t.services.accounts.listUsers(by: admin).map(\.username) == ["minh"])
        }
    }
}

extension AccountTests {
    @Test("every character of a long Vietnamese passphrase counts, past bcrypt's 72 bytes")
    func longPassphrases() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let passphrase = "Đảng viên phải gương mẫu, trung thực, đoàn kết, gần dân — một"
            #expect(passphrase.utf8.count > 72)
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "lan", displayName: "Lan", password: passphrase, role: .clerk, unitCode: "T01-A")
            await #expect(throws: DomainError.self) {
                try await t.services.accounts.login(username: "lan", password: String(passphrase.dropLast(3)) + "hai", address: nil)
            }
            _ = try await t.services.accounts.login(username: "lan", password: passphrase, address: nil)
        }
    }

    @Test("ASVS 3.3: a session ends after 2 hours idle and after 12 hours in all, however active; it is deleted then")
    func sessionTimeouts() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            try await t.services.accounts.createUser(
                by: TestDatabase.cli, username: "thu.ky", displayName: "Thư ký", password: Self.password, role: .clerk, unitCode: "T01-A")
            let start = Date()
            let idle = try await t.services.accounts.login(username: "thu.ky", password: Self.password, address: nil)
            #expect(try await t.services.accounts.session(token: idle.token, address: nil, now: start.addingTimeInterval(2 * 3600 - 120)) != nil)
            // Seen just now (refreshed above): two hours of quiet from then, not from the log-in.
            #expect(try await t.services.accounts.session(token: idle.token, address: nil, now: start.addingTimeInterval(4 * 3600 - 200)) != nil)
            #expect(try await t.services.accounts.session(token: idle.token, address: nil, now: start.addingTimeInterval(6 * 3600)) == nil)
            #expect(try await t.services.accounts.session(token: idle.token, address: nil) == nil)  // deleted
            let busy = try await t.services.accounts.login(username: "thu.ky", password: Self.password, address: nil)
            var clock = Date()
            for _ in 0..<11 {
                clock = clock.addingTimeInterval(3600)
                #expect(try await t.services.accounts.session(token: busy.token, address: nil, now: clock) != nil)
            }
            #expect(try await t.services.accounts.session(token: busy.token, address: nil, now: clock.addingTimeInterval(3600 + 60)) == nil)
        }
    }
}
