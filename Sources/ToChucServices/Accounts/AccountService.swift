import Crypto
import Foundation
import HummingbirdBcrypt
import NIOPosix
import SQLKit
import ToChucDomain
import ToChucStorage

/// An account as listed to administrators (never with its password hash).
public struct UserSummary: Sendable, Equatable, Codable {
    public let username: String
    public let displayName: String
    public let role: Role
    public let unitCode: String
    public let unitName: String
    public let language: Language
    public let disabled: Bool
    public let createdAt: String
    /// Whether the account has a second factor (TOTP) enrolled.
    public let secondFactor: Bool
}

/// An API token as listed to its owner (the secret itself is shown once, at creation).
public struct APITokenSummary: Sendable, Equatable, Codable {
    public let id: Int64
    public let name: String
    public let scope: TokenScope
    public let createdAt: String
    public let lastUsedAt: String?
    public let revokedAt: String?
}

/// How far a session has come: only `full` sessions act; the others can only finish logging in.
public enum SessionStage: String, Sendable {
    case full
    /// The password was right; the account's TOTP code is awaited (`SessionPolicy.secondFactorTimeout`).
    case secondFactor = "second_factor"
    /// An account whose role requires a second factor has none: it can only enroll one.
    case enrollment
}

/// A logged-in session as resolved from its cookie.
public struct SessionInfo: Sendable {
    public let principal: Principal
    public let csrfToken: String
    public let stage: SessionStage
}

/// What a log-in step hands the browser: the session cookie's token, its CSRF token, and what comes next.
public struct LoginResult: Sendable {
    public let token: String
    public let csrf: String
    public let stage: SessionStage
}

/// Time limits of sessions and log-in attempts (FACTS.md, security anchors).
public enum SessionPolicy {
    /// A session unused this long ends.
    public static let idleTimeout: TimeInterval = 2 * 3600
    /// A session ends this long after log-in, used or not.
    public static let absoluteTimeout: TimeInterval = 12 * 3600
    /// Failed log-ins for one user name within `throttleWindow` that lock it for the rest of the window.
    public static let maximumFailures = 5
    public static let throttleWindow: TimeInterval = 15 * 60
    /// bcrypt cost (≥ 10 per OWASP ASVS).
    public static let bcryptCost: UInt8 = 10
    /// A session waiting for the second factor ends this long after the password step.
    public static let secondFactorTimeout: TimeInterval = 5 * 60
}

/// Accounts, log-in, sessions and API tokens.
public struct AccountService: Sendable {
    let db: Database
    /// Seals second-factor secrets (the server's key file; an ephemeral key in tests).
    let secrets: SecretBox

    public init(db: Database, secrets: SecretBox = .ephemeral()) {
        self.db = db
        self.secrets = secrets
    }

    // MARK: - Passwords

    static func hashPassword(_ password: String) async throws -> String {
        // bcrypt is deliberately slow: keep it off the event loops and the cooperative pool.
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(prehash(password), cost: SessionPolicy.bcryptCost) }
    }

    static func verifyPassword(_ password: String, hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(prehash(password), hash: hash) }
    }

    /// bcrypt reads only 72 bytes, and a Vietnamese passphrase of 30 characters can pass that: hash it first
    /// (SHA-256, base64: 44 bytes) so every character counts.
    static func prehash(_ password: String) -> String {
        Data(SHA256.hash(data: Data(password.utf8))).base64EncodedString()
    }

    static func checkPassword(_ password: String, username: String) throws {
        let problems = PasswordPolicy.problems(password: password, username: username)
        guard !problems.isEmpty else { return }
        let messages = problems.map { problem -> FieldError in
            switch problem {
            case .tooShort(let n): return FieldError("password", Catalogue.passwordTooShort(n))
            case .tooLong(let n): return FieldError("password", Catalogue.passwordTooLong(n))
            case .common: return FieldError("password", Catalogue.passwordCommon)
            case .containsUsername: return FieldError("password", Catalogue.passwordContainsUsername)
            }
        }
        throw DomainError.invalid(Catalogue.invalidInput, messages)
    }

    static func isValidUsername(_ name: String) -> Bool {
        (3...40).contains(name.count)
            && name.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
            }
    }

    // MARK: - Administration

    public func userCount() async throws -> Int {
        try await db.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM users").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    /// Creates an account in a unit of the administrator's subtree.
    public func createUser(
        by principal: Principal, username: String, displayName: String, password: String, role: Role, unitCode: String
    ) async throws {
        try principal.requireAdmin()
        let username = username.trimmed
        var errors: [FieldError] = []
        if !Self.isValidUsername(username) { errors.append(FieldError("username", Catalogue.invalidUsername)) }
        let name = displayName.trimmed
        if name.count > 200 { errors.append(FieldError("display_name", Catalogue.tooLong(200))) }
        do { try Self.checkPassword(password, username: username) } catch DomainError.invalid(_, let e) { errors += e }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let hash = try await Self.hashPassword(password)
        try await db.write { sql in
            guard let unit = try await UnitStore.find(sql, code: unitCode), principal.sees(path: unit.path) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("unit_code", Catalogue.unitNotFound)])
            }
            if try await sql.raw("SELECT id FROM users WHERE username = \(bind: username)").first() != nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("username", Catalogue.usernameTaken)])
            }
            let now = Timestamp.now()
            try await sql.raw(
                """
                INSERT INTO users (username, display_name, password_hash, role, unit_id, language, disabled, created_at, updated_at)
                VALUES (\(bind: username), \(bind: name.isEmpty ? username : name), \(bind: hash), \(bind: role.rawValue),
                        \(bind: unit.id), 'vi', 0, \(bind: now), \(bind: now))
                """
            ).run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: "user", key: username,
                unitPath: unit.path, old: nil,
                new: ["username": username, "display_name": name, "role": role.rawValue, "unit_code": unit.code, "disabled": "false"])
        }
    }

    public func listUsers(by principal: Principal) async throws -> [UserSummary] {
        guard principal.role.canManageAccounts else { throw DomainError.forbidden(Catalogue.adminOnly) }
        let range = principal.pathRange
        return try await db.read { sql in
            try await sql.raw(
                """
                SELECT u.*, n.code AS unit_code, n.name AS unit_name FROM users u JOIN units n ON n.id = u.unit_id
                WHERE n.path >= \(bind: range.lower) AND n.path < \(bind: range.upper) ORDER BY u.username
                """
            ).all().map { row in
                UserSummary(
                    username: try row.decode(column: "username", as: String.self),
                    displayName: try row.decode(column: "display_name", as: String.self),
                    role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
                    unitCode: try row.decode(column: "unit_code", as: String.self),
                    unitName: try row.decode(column: "unit_name", as: String.self),
                    language: Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .vi,
                    disabled: try row.decode(column: "disabled", as: Int.self) != 0,
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    secondFactor: try row.decode(column: "totp_secret", as: String?.self) != nil)
            }
        }
    }

    /// Disables an account and ends all its sessions at once.
    public func disableUser(by principal: Principal, username: String) async throws {
        try principal.requireAdmin()
        try await db.write { sql in
            let (id, path) = try await Self.userInScope(sql, principal: principal, username: username)
            if id == principal.userId { throw DomainError.forbidden(Catalogue.forbidden) }
            try await sql.raw("UPDATE users SET disabled = 1, version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)").run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "disable", entity: "user", key: username,
                unitPath: path, old: ["disabled": "false"], new: ["disabled": "true"])
        }
    }

    /// Sets a new password (a random one when none is given, returned once) and ends the user's sessions.
    @discardableResult
    public func resetPassword(by principal: Principal, username: String, newPassword: String?) async throws -> String {
        try principal.requireAdmin()
        let password = newPassword ?? Secrets.randomPassword()
        try Self.checkPassword(password, username: username)
        let hash = try await Self.hashPassword(password)
        try await db.write { sql in
            let (id, path) = try await Self.userInScope(sql, principal: principal, username: username)
            try await Self.storePassword(sql, userId: id, hash: hash)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "password", entity: "user", key: username,
                unitPath: path, old: nil, new: ["password": "(reset)", "disabled": "false"])
        }
        return password
    }

    /// The user changes their own password; their other sessions end.
    public func changeOwnPassword(
        _ principal: Principal, current: String, new: String, keepingSession sessionToken: String?
    ) async throws {
        guard let userId = principal.userId else { throw DomainError.forbidden(Catalogue.forbidden) }
        let stored = try await db.read { sql in
            try await sql.raw("SELECT password_hash FROM users WHERE id = \(bind: userId)").first()?.decode(
                column: "password_hash", as: String.self)
        }
        guard let stored, try await Self.verifyPassword(current, hash: stored) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("current_password", Catalogue.wrongCredentials)])
        }
        try Self.checkPassword(new, username: principal.username)
        let hash = try await Self.hashPassword(new)
        let keep = sessionToken.map(Secrets.sha256Hex) ?? ""
        try await db.write { sql in
            try await sql.raw("UPDATE users SET password_hash = \(bind: hash), version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: userId)").run()
            try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId) AND token_hash <> \(bind: keep)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "password", entity: "user",
                key: principal.username, unitPath: principal.unitPath, old: nil, new: ["password": "(changed)"])
        }
    }

    public func setLanguage(_ principal: Principal, _ language: Language) async throws {
        guard let userId = principal.userId else { return }
        try await db.write { sql in
            try await sql.raw("UPDATE users SET language = \(bind: language.rawValue) WHERE id = \(bind: userId)").run()
        }
    }

    static func storePassword(_ sql: any SQLDatabase, userId: Int64, hash: String) async throws {
        try await sql.raw(
            "UPDATE users SET password_hash = \(bind: hash), disabled = 0, version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: userId)"
        ).run()
        try await sql.raw("DELETE FROM sessions WHERE user_id = \(bind: userId)").run()
    }

    static func userInScope(_ sql: any SQLDatabase, principal: Principal, username: String) async throws -> (Int64, String) {
        guard
            let row = try await sql.raw(
                "SELECT u.id, n.path FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = \(bind: username)"
            ).first(),
            let path = try? row.decode(column: "path", as: String.self), principal.sees(path: path)
        else { throw DomainError.notFound(Catalogue.notFound) }
        return (try row.decode(column: "id", as: Int64.self), path)
    }

    // MARK: - Log-in and sessions

    /// Checks a password and opens a session. Refuses for a while after repeated failures (OWASP ASVS 2.2).
    /// Returns the session token for the cookie and the session's CSRF token.
    /// With a second factor enrolled the session only reaches `secondFactor` (finish with `verifySecondFactor`);
    /// an admin or head without one reaches `enrollment`. Only a full log-in counts as a success for the throttle,
    /// so wrong codes after a right password keep counting.
    public func login(username: String, password: String, address: String?) async throws -> LoginResult {
        let username = username.trimmed
        try await refuseIfThrottled(username: username, address: address)
        let row = try await db.read { sql in
            try await sql.raw(
                """
                SELECT u.id, u.password_hash, u.disabled, u.role, u.totp_secret, n.path
                FROM users u JOIN units n ON n.id = u.unit_id WHERE u.username = \(bind: username)
                """
            ).first()
        }
        // Verify even for an unknown user, so that timing does not tell which names exist.
        let hash = try row?.decode(column: "password_hash", as: String.self) ?? Self.dummyHash
        let matches = try await Self.verifyPassword(password, hash: hash)
        guard let row, matches, try row.decode(column: "disabled", as: Int.self) == 0 else {
            try await recordAttempt(
                username: username, address: address, succeeded: false, userPath: try row?.decode(column: "path", as: String.self),
                throttled: false)
            throw DomainError.unauthenticated(Catalogue.wrongCredentials)
        }
        let userId = try row.decode(column: "id", as: Int64.self)
        let path = try row.decode(column: "path", as: String.self)
        let role = Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer
        let stage: SessionStage =
            try row.decode(column: "totp_secret", as: String?.self) != nil
            ? .secondFactor : role.requiresSecondFactor ? .enrollment : .full
        return try await db.write { sql in
            try await Self.openSession(sql, userId: userId, username: username, unitPath: path, address: address, stage: stage)
        }
    }

    /// A new session (a new token: rotated at every step of the log-in). Anything but a password step that awaits
    /// the code is a successful log-in: it resets the throttle and is audited.
    static func openSession(
        _ sql: any SQLDatabase, userId: Int64, username: String, unitPath: String, address: String?, stage: SessionStage
    ) async throws -> LoginResult {
        let token = Secrets.randomToken()
        let csrf = Secrets.randomToken()
        let now = Timestamp.now()
        try await sql.raw(
            """
            INSERT INTO sessions (token_hash, user_id, csrf_token, address, created_at, last_seen_at, stage)
            VALUES (\(bind: Secrets.sha256Hex(token)), \(bind: userId), \(bind: csrf), \(bind: address), \(bind: now), \(bind: now),
                    \(bind: stage.rawValue))
            """
        ).run()
        if stage != .secondFactor {
            try await sql.raw(
                "INSERT INTO login_attempts (username, address, at, succeeded) VALUES (\(bind: username), \(bind: address), \(bind: now), 1)"
            ).run()
            try await AuditLog.append(
                sql, actor: username, address: address, action: "login", entity: "session", key: username, unitPath: unitPath,
                old: nil, new: stage == .full ? nil : ["second_factor": "enrollment"])
        }
        return LoginResult(token: token, csrf: csrf, stage: stage)
    }

    /// Refuses (429) once `maximumFailures` failures since the last success fall in the throttle window.
    func refuseIfThrottled(username: String, address: String?) async throws {
        let since = Timestamp.string(Date().addingTimeInterval(-SessionPolicy.throttleWindow))
        let failures = try await db.read { sql in
            // Failures since the last success inside the window.
            let lastSuccess = try await sql.raw(
                "SELECT MAX(at) AS at FROM login_attempts WHERE username = \(bind: username) AND succeeded = 1"
            ).first()?.decode(column: "at", as: String?.self) ?? nil
            let from = max(since, lastSuccess ?? "")
            return try await sql.raw(
                "SELECT COUNT(*) AS n FROM login_attempts WHERE username = \(bind: username) AND succeeded = 0 AND at > \(bind: from)"
            ).first()?.decode(column: "n", as: Int.self) ?? 0
        }
        if failures >= SessionPolicy.maximumFailures {
            try await recordAttempt(username: username, address: address, succeeded: false, userPath: nil, throttled: true)
            let minutes = Int(SessionPolicy.throttleWindow / 60)
            throw DomainError.throttled(Catalogue.throttled(minutes: minutes), retryAfterSeconds: Int(SessionPolicy.throttleWindow))
        }
    }

    private static let dummyHash = Bcrypt.hash(prehash("not a real password"), cost: SessionPolicy.bcryptCost)

    func recordAttempt(
        username: String, address: String?, succeeded: Bool, userPath: String?, throttled: Bool, secondFactor: Bool = false
    ) async throws {
        try await db.write { sql in
            try await sql.raw(
                "INSERT INTO login_attempts (username, address, at, succeeded) VALUES (\(bind: username), \(bind: address), \(bind: Timestamp.now()), \(bind: succeeded ? 1 : 0))"
            ).run()
            // Failed log-ins go into the tamper-evident log too (without the password, OWASP ASVS 7.1).
            try await AuditLog.append(
                sql, actor: username, address: address, action: "login_failed", entity: "session", key: username,
                unitPath: userPath, old: nil,
                new: throttled ? ["throttled": "true"] : secondFactor ? ["second_factor": "wrong code"] : nil)
        }
    }

    /// Resolves a session cookie; refreshes its idle timer. Nil when unknown, expired or the account is disabled.
    /// `now` is the clock (tests move it past the timeouts).
    public func session(token: String, address: String?, now: Date = Date()) async throws -> SessionInfo? {
        let tokenHash = Secrets.sha256Hex(token)
        guard
            let row = try await db.read({ sql in
                try await sql.planned(
                    "session",
                    """
                    SELECT s.csrf_token, s.created_at, s.last_seen_at, s.stage, \(unsafeRaw: Self.principalColumns)
                    FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.id = u.unit_id
                    WHERE s.token_hash = \(bind: tokenHash)
                    """
                ).first
            })
        else { return nil }
        let created = Timestamp.parse(try row.decode(column: "created_at", as: String.self)) ?? .distantPast
        let lastSeen = Timestamp.parse(try row.decode(column: "last_seen_at", as: String.self)) ?? .distantPast
        let stage = SessionStage(rawValue: try row.decode(column: "stage", as: String.self)) ?? .full
        if try row.decode(column: "disabled", as: Int.self) != 0
            || now.timeIntervalSince(created) > SessionPolicy.absoluteTimeout
            || (stage == .secondFactor && now.timeIntervalSince(created) > SessionPolicy.secondFactorTimeout)
            || now.timeIntervalSince(lastSeen) > SessionPolicy.idleTimeout
        {
            try await db.write { sql in try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: tokenHash)").run() }
            return nil
        }
        // Refresh at most once a minute: a page view should not always be a write.
        if now.timeIntervalSince(lastSeen) > 60 {
            try await db.write { sql in
                try await sql.raw("UPDATE sessions SET last_seen_at = \(bind: Timestamp.string(now)) WHERE token_hash = \(bind: tokenHash)").run()
            }
        }
        return SessionInfo(
            principal: try Self.principal(from: row, scope: .readWrite, address: address),
            csrfToken: try row.decode(column: "csrf_token", as: String.self), stage: stage)
    }

    public func logout(token: String, principal: Principal) async throws {
        try await db.write { sql in
            try await sql.raw("DELETE FROM sessions WHERE token_hash = \(bind: Secrets.sha256Hex(token))").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "logout", entity: "session",
                key: principal.username, unitPath: principal.unitPath, old: nil, new: nil)
        }
    }

    static let principalColumns =
        "u.id AS user_id, u.username, u.display_name, u.role, u.language, u.disabled, n.id AS unit_id, n.code AS unit_code, n.name AS unit_name, n.path AS unit_path"

    static func principal(from row: any SQLRow, scope: TokenScope, address: String?) throws -> Principal {
        let username = try row.decode(column: "username", as: String.self)
        return Principal(
            userId: try row.decode(column: "user_id", as: Int64.self), username: username,
            displayName: try row.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .viewer,
            unitId: try row.decode(column: "unit_id", as: Int64.self),
            unitCode: try row.decode(column: "unit_code", as: String.self),
            unitName: try row.decode(column: "unit_name", as: String.self),
            unitPath: try row.decode(column: "unit_path", as: String.self),
            language: Language(rawValue: try row.decode(column: "language", as: String.self)) ?? .vi, tokenScope: scope,
            address: address, actor: username)
    }

    // MARK: - API tokens

    /// Creates a token for the principal's own account; the secret is returned once and only its hash kept.
    public func createToken(_ principal: Principal, name: String, scope: TokenScope) async throws -> (id: Int64, token: String) {
        guard let userId = principal.userId, principal.tokenScope == .readWrite else {
            throw DomainError.forbidden(Catalogue.forbidden)
        }
        let name = name.trimmed
        if name.isEmpty || name.count > 100 {
            throw DomainError.invalid(
                Catalogue.invalidInput, [FieldError("name", name.isEmpty ? Catalogue.required : Catalogue.tooLong(100))])
        }
        let token = "tc_" + Secrets.randomToken()
        let id = try await db.write { sql in
            let id = try await sql.raw(
                """
                INSERT INTO api_tokens (user_id, name, token_hash, scope, created_at)
                VALUES (\(bind: userId), \(bind: name), \(bind: Secrets.sha256Hex(token)), \(bind: scope.rawValue), \(bind: Timestamp.now()))
                RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "token_create", entity: "api_token",
                key: String(id), unitPath: principal.unitPath, old: nil, new: ["name": name, "scope": scope.rawValue])
            return id
        }
        return (id, token)
    }

    public func listTokens(_ principal: Principal) async throws -> [APITokenSummary] {
        guard let userId = principal.userId else { return [] }
        return try await db.read { sql in
            try await sql.raw("SELECT * FROM api_tokens WHERE user_id = \(bind: userId) ORDER BY id DESC").all().map { row in
                APITokenSummary(
                    id: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "name", as: String.self),
                    scope: TokenScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .read,
                    createdAt: try row.decode(column: "created_at", as: String.self),
                    lastUsedAt: try row.decode(column: "last_used_at", as: String?.self),
                    revokedAt: try row.decode(column: "revoked_at", as: String?.self))
            }
        }
    }

    public func revokeToken(_ principal: Principal, id: Int64) async throws {
        guard let userId = principal.userId, principal.tokenScope == .readWrite else {
            throw DomainError.forbidden(Catalogue.forbidden)
        }
        try await db.write { sql in
            guard
                try await sql.raw("SELECT id FROM api_tokens WHERE id = \(bind: id) AND user_id = \(bind: userId) AND revoked_at IS NULL")
                    .first() != nil
            else { throw DomainError.notFound(Catalogue.notFound) }
            try await sql.raw("UPDATE api_tokens SET revoked_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "token_revoke", entity: "api_token",
                key: String(id), unitPath: principal.unitPath, old: ["revoked": "false"], new: ["revoked": "true"])
        }
    }

    /// Resolves a bearer token. Nil when unknown, revoked, or the account is disabled.
    public func principal(forToken token: String, address: String?) async throws -> Principal? {
        let tokenHash = Secrets.sha256Hex(token)
        guard
            let row = try await db.read({ sql in
                try await sql.planned(
                    "token",
                    """
                    SELECT t.id AS token_id, t.scope, t.last_used_at, \(unsafeRaw: Self.principalColumns)
                    FROM api_tokens t JOIN users u ON u.id = t.user_id JOIN units n ON n.id = u.unit_id
                    WHERE t.token_hash = \(bind: tokenHash) AND t.revoked_at IS NULL
                    """
                ).first
            }), try row.decode(column: "disabled", as: Int.self) == 0
        else { return nil }
        let scope = TokenScope(rawValue: try row.decode(column: "scope", as: String.self)) ?? .read
        let lastUsed = try row.decode(column: "last_used_at", as: String?.self).flatMap(Timestamp.parse) ?? .distantPast
        if Date().timeIntervalSince(lastUsed) > 60 {
            let id = try row.decode(column: "token_id", as: Int64.self)
            try await db.write { sql in
                try await sql.raw("UPDATE api_tokens SET last_used_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)").run()
            }
        }
        return try Self.principal(from: row, scope: scope, address: address)
    }
}
