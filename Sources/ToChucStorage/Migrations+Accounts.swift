extension Migrator {
    /// Step 24, the second factor (issue 9). `users.totp_secret` (since step 1) holds the enrolled secret, sealed
    /// with the server's key file (SecretBox), so a database dump alone does not give it away. `totp_last_step`
    /// is the last time step accepted, so that no code counts twice (RFC 6238 §5.2). A session's `stage` is
    /// `full`, `second_factor` (password right, code awaited) or `enrollment` (an admin or head without a second
    /// factor, who can do nothing but enroll).
    static func secondFactor(_ dialect: Dialect) -> [String] {
        [
            "ALTER TABLE users ADD COLUMN totp_last_step BIGINT",
            "ALTER TABLE users ADD COLUMN totp_enabled_at TEXT",
            "ALTER TABLE sessions ADD COLUMN stage TEXT NOT NULL DEFAULT 'full'",
        ]
    }
}
