import Foundation

/// A libpq-style connection URL, including the multi-host form that pg_auto_failover prints
/// (`pg_autoctl show uri`): `postgres://user:pw@h1:5432,h2:5433/db?target_session_attrs=read-write&sslmode=prefer`.
///
/// PostgresNIO takes one host per client and `URLComponents` refuses a comma-separated authority, so the URL is read
/// here, by the rules of libpq (§34.1.1 of the PostgreSQL manual): hosts in order, a host without a port takes the
/// port of the last host that has one, else 5432.
public struct PostgresURL: Sendable, Equatable, CustomStringConvertible {
    public struct Host: Sendable, Equatable, CustomStringConvertible {
        public var name: String
        public var port: Int
        public var description: String { name.contains(":") ? "[\(name)]:\(port)" : "\(name):\(port)" }

        public init(name: String, port: Int) {
            self.name = name
            self.port = port
        }
    }

    public var hosts: [Host]
    public var user: String
    public var password: String?
    public var database: String?
    /// libpq's `sslmode`: disable, allow, prefer, require, verify-ca, verify-full (ToChuc's default: disable).
    public var sslMode: String
    /// libpq's `target_session_attrs`: `any` (the first host that answers) or `read-write` / `primary` (the first
    /// host that is not a standby — what a failover setup needs). Others (`standby`, `read-only`…) are refused.
    public var targetSessionAttrs: String

    /// Whether the connection must reach the primary rather than any host that answers.
    public var wantsPrimary: Bool { targetSessionAttrs == "read-write" || targetSessionAttrs == "primary" }

    /// The URL without the password (for messages and logs).
    public var description: String {
        let auth = user.isEmpty ? "" : user + "@"
        let db = database.map { "/" + $0 } ?? ""
        var query: [String] = []
        if sslMode != "disable" { query.append("sslmode=\(sslMode)") }
        if targetSessionAttrs != "any" { query.append("target_session_attrs=\(targetSessionAttrs)") }
        return "postgres://" + auth + hosts.map(\.description).joined(separator: ",") + db
            + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
    }

    /// A URL naming one of the hosts (what `pg_dump` or a log line needs when the whole list would not do).
    public func single(_ host: Host) -> PostgresURL {
        var copy = self
        copy.hosts = [host]
        return copy
    }

    public init(
        hosts: [Host], user: String = "postgres", password: String? = nil, database: String? = nil,
        sslMode: String = "disable", targetSessionAttrs: String = "any"
    ) {
        self.hosts = hosts
        self.user = user
        self.password = password
        self.database = database
        self.sslMode = sslMode
        self.targetSessionAttrs = targetSessionAttrs
    }

    static let sslModes: Set<String> = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]
    static let sessionAttrs: Set<String> = ["any", "read-write", "primary"]

    /// Reads `postgres://` or `postgresql://` URLs; throws `StorageError.invalidURL` naming what is wrong.
    public static func parse(_ text: String) throws -> PostgresURL {
        func invalid(_ why: String) -> StorageError { .invalidURL("\(redact(text)): \(why)") }
        var rest: Substring
        if text.hasPrefix("postgres://") {
            rest = text.dropFirst("postgres://".count)
        } else if text.hasPrefix("postgresql://") {
            rest = text.dropFirst("postgresql://".count)
        } else {
            throw invalid("not a postgres:// URL")
        }
        var queryText: Substring = ""
        if let q = rest.firstIndex(of: "?") {
            queryText = rest[rest.index(after: q)...]
            rest = rest[..<q]
        }
        var pathText: Substring = ""
        // The authority ends at the first "/" after the user info (a password may not hold a raw "/" in a URL).
        let afterAt = rest.lastIndex(of: "@").map { rest.index(after: $0) } ?? rest.startIndex
        if let slash = rest[afterAt...].firstIndex(of: "/") {
            pathText = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var user = "postgres"
        var password: String?
        if let at = rest.lastIndex(of: "@") {
            let info = rest[..<at]
            rest = rest[rest.index(after: at)...]
            if let colon = info.firstIndex(of: ":") {
                user = String(info[..<colon]).removingPercentEncoding ?? String(info[..<colon])
                let pw = info[info.index(after: colon)...]
                password = String(pw).removingPercentEncoding ?? String(pw)
            } else if !info.isEmpty {
                user = String(info).removingPercentEncoding ?? String(info)
            }
        }
        // Hosts: "h", "h:p", "[::1]:p", separated by commas.
        var parsed: [(name: String, port: Int?)] = []
        for item in rest.split(separator: ",", omittingEmptySubsequences: false) {
            var name: Substring
            var portText: Substring?
            if item.hasPrefix("[") {
                guard let close = item.firstIndex(of: "]") else { throw invalid("unclosed [ in a host") }
                name = item[item.index(after: item.startIndex)..<close]
                let after = item[item.index(after: close)...]
                if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty { throw invalid("bad host \(item)") }
            } else if let colon = item.lastIndex(of: ":") {
                name = item[..<colon]
                portText = item[item.index(after: colon)...]
            } else {
                name = item
            }
            guard !name.isEmpty else { throw invalid("a host is empty") }
            var port: Int?
            if let portText {
                guard let p = Int(portText), (1...65535).contains(p) else { throw invalid("bad port \(portText)") }
                port = p
            }
            parsed.append((String(name).removingPercentEncoding ?? String(name), port))
        }
        guard !parsed.isEmpty else { throw invalid("no host") }
        // libpq: a host without a port takes the default; give each one the next port given after it, else 5432.
        var hosts: [Host] = []
        var fallback = 5432
        for entry in parsed.reversed() {
            if let p = entry.port { fallback = p }
            hosts.insert(Host(name: entry.name, port: entry.port ?? fallback), at: 0)
        }
        let database = pathText.isEmpty ? nil : (String(pathText).removingPercentEncoding ?? String(pathText))
        var url = PostgresURL(hosts: hosts, user: user, password: password, database: database)
        for pair in queryText.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = parts.count > 1 ? (String(parts[1]).removingPercentEncoding ?? String(parts[1])) : ""
            switch key {
            case "sslmode":
                guard sslModes.contains(value) else { throw invalid("unknown sslmode \(value)") }
                url.sslMode = value
            case "target_session_attrs":
                guard sessionAttrs.contains(value) else {
                    throw invalid("target_session_attrs=\(value) is not supported (any, read-write or primary)")
                }
                url.targetSessionAttrs = value
            case "user": url.user = value
            case "password": url.password = value
            case "dbname": url.database = value
            default: break  // application_name, connect_timeout…: libpq's business, harmless to ignore
            }
        }
        return url
    }

    /// The text with any password replaced, for error messages.
    static func redact(_ text: String) -> String {
        guard let scheme = text.range(of: "://"), let at = text[scheme.upperBound...].lastIndex(of: "@") else { return text }
        let info = text[scheme.upperBound..<at]
        guard let colon = info.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }
}
