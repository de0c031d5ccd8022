import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// The second factor (TOTP, RFC 6238) and ending sessions (issue 9; FACTS.md "Security anchors").
extension AccountService {
    /// A fresh secret for enrolment (160 random bits, RFC 4226 §4).
    public static func newSecondFactorSecret() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<TOTP.secretLength).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Finishes a log-in that awaits its code: on the right code a new full session replaces the waiting one.
    /// Wrong codes count as failed log-ins (so the throttle bounds guessing) and are audited.
    public func verifySecondFactor(token: String, code: String, address: String?, now: Date = Date()) async throws -> LoginResult {
        let tokenHash = Secrets.sha256Hex(token)
        guard
            let row = try await db.read({ sql in
                try await sql.raw(
                    """
                    SELECT s.created_at, s.user_id, u.username, u.disabled, u.totp_secret, u.totp_last_step, n.path
                    FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.id = u.unit_id
                    WHERE s.token_hash = \(bind: tokenHash) AND s.stage = 'second_factor'
                    """
                ).first()
            }),
            let created = Timestamp.parse(try row.decode(column: "created_at", as: String.self)),
            now.timeIntervalSince(created) <= SessionPolicy.secondFactorTimeout,
            try row.decode(column: "disabled", as: Int.self) == 0,
            let sealed = try row.decode(column: "totp_secret", as: String?.self)
        else { throw DomainError.unauthenticated(Catalogue.loginRequired) }
        let userId = try row.decode(column: "user_id", as: Int64.self)
        let username = try row.decode(column: "username", as: String.self)
        let path = try row.decode(column: "path", as: String.self)
        do {
            try await refuseIfThrottled(username: username, address: address)
        } catch {
            // Out of tries: this waiting session is over; the next try starts from the password again.
            try await db.write { sql in try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run() }
            throw error
        }
        let secret: [UInt8]
        do {
            secret = try secrets.open(sealed, context: String(userId))
        } catch {
            throw DomainError.unauthenticated(Catalogue.secondFactorUnreadable)
        }
        let lastStep = try row.decode(column: "totp_last_step", as: Int64?.self)
        let unixTime = Int64(now.timeIntervalSince1970.rounded(.down))
        guard let step = TOTP.acceptedStep(code: code, secret: secret, at: unixTime, lastUsedStep: lastStep) else {
            try await recordAttempt(username: username, address: address, succeeded: false, userPath: path, throttled: false, secondFactor: true)
            throw DomainError.unauthenticated(Catalogue.wrongSecondFactorCode)
        }
        let result: LoginResult? = try await db.write { sql in
            // Claim the step atomically: two requests with one code cannot both pass (RFC 6238 §5.2).
            let claimed = try await sql.raw(
                """
                UPDATE users SET totp_last_step = \(bind: step)
                WHERE id = \(bind: userId) AND (totp_last_step IS NULL OR totp_last_step < \(bind: step)) RETURNING id
                """
            ).first()
            guard claimed != nil else { return nil }
            try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run()
            return try await Self.openSession(sql, userId: userId, username: username, unitPath: path, address: address, stage: .full)
        }
        guard let result else {
            try await recordAttempt(username: username, address: address, succeeded: false, userPath: path, throttled: false, secondFactor: true)
            throw DomainError.unauthenticated(Catalogue.wrongSecondFactorCode)
        }
        return result
    }

    /// Whether the principal's account has a second factor.
    public func hasSecondFactor(_ principal: Principal) async throws -> Bool {
        guard let userId = principal.userId else { return false }
        let sealed = try await db.read { sql in
            try await sql.raw("SELECT totp_secret FROM users WHERE id = \(bind: userId)").first()?.decode(column: "totp_secret", as: String?.self)
        }
        return sealed.flatMap { $0 } != nil
    }

    /// Turns the second factor on with `secret` once the user proves their app has it (a right code). The session
    /// it happens in becomes a full one (it may have been an enrolment-only session). Refused when one is on already:
    /// an administrator resets it first.
    public func enableSecondFactor(
        _ principal: Principal, secret: [UInt8], code: String, sessionToken: String?, now: Date = Date()
    ) async throws {
        guard let userId = principal.userId, principal.tokenScope == .readWrite else { throw DomainError.forbidden(Catalogue.forbidden) }
        guard secret.count >= 16 else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("secret", Catalogue.secondFactorBadSecret)])
        }
        let unixTime = Int64(now.timeIntervalSince1970.rounded(.down))
        guard let step = TOTP.acceptedStep(code: code, secret: secret, at: unixTime, lastUsedStep: nil) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("code", Catalogue.wrongSecondFactorCode)])
        }
        let sealed = try secrets.seal(secret, context: String(userId))
        try await db.write { sql in
            let enabled = try await sql.raw(
                """
                UPDATE users SET totp_secret = \(bind: sealed), totp_last_step = \(bind: step), totp_enabled_at = \(bind: Timestamp.now()),
                    version = version + 1, updated_at = \(bind: Timestamp.now())
                WHERE id = \(bind: userId) AND totp_secret IS NULL RETURNING id
                """
            ).first()
            guard enabled != nil else { throw DomainError.forbidden(Catalogue.secondFactorAlreadyOn) }
            if let sessionToken {
                try await sql.raw(
                    "UPDATE sessions SET stage = 'full' WHERE token_hash = \(bind: Secrets.sha256Hex(sessionToken)) AND user_id = \(bind: userId)"
                ).run()
            }
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "totp_enable", entity: "user",
                key: principal.username, unitPath: principal.unitPath, old: ["second_factor": "off"], new: ["second_factor": "on"])
        }
    }

    /// An administrator removes a user's second factor (a lost phone); the user's sessions end, and an admin or head
    /// enrolls again at the next log-in.
    public func resetSecondFactor(by principal: Principal, username: String) async throws {
        try principal.requireAdmin()
        try await db.write { sql in
            let (id, path) = try await Self.userInScope(sql, principal: principal, username: username)
            let sealed = try await sql.raw("SELECT totp_secret FROM users WHERE id = \(bind: id)").first()?.decode(
                column: "totp_secret", as: String?.self)
            let had = sealed.flatMap { $0 } != nil
            try await sql.raw(
                """
                UPDATE users SET totp_secret = NULL, totp_last_step = NULL, totp_enabled_at = NULL, version = version + 1,
                    updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)
                """
            ).run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "totp_reset", entity: "user", key: username,
                unitPath: path, old: ["second_factor": had ? "on" : "off"], new: ["second_factor": "off"])
        }
    }

    /// Ends every session of the principal's account, this one included ("log out everywhere"). API tokens stay:
    /// they are revoked one by one on the tokens page.
    public func logoutEverywhere(_ principal: Principal) async throws {
        guard let userId = principal.userId else { throw DomainError.forbidden(Catalogue.forbidden) }
        try await db.write { sql in
            let n = try await sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE user_id = \(bind: userId)").first()?.decode(
                column: "n", as: Int.self) ?? 0
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "logout_all", entity: "session",
                key: principal.username, unitPath: principal.unitPath, old: ["sessions": String(n)], new: ["sessions": "0"])
        }
    }

    /// The number of open sessions of the principal's account (the account page shows it).
    public func sessionCount(_ principal: Principal) async throws -> Int {
        guard let userId = principal.userId else { return 0 }
        return try await db.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM sessions WHERE user_id = \(bind: userId)").first()?.decode(
                column: "n", as: Int.self) ?? 0
        }
    }
}
