import Crypto
import Foundation
import ToChucStorage

/// Seals the second-factor secrets with a key kept outside the database (AES-256-GCM), so that a dump or a
/// backup of the database alone does not give them away (the database's own hashes cannot serve: a TOTP secret
/// must be read back to check a code). Losing the key file only loses the enrolments: `tochuc user reset-totp`.
public struct SecretBox: Sendable {
    let key: SymmetricKey

    public init(key: SymmetricKey) { self.key = key }

    /// A key that lives as long as the process: tests, and commands that never read a secret back.
    public static func ephemeral() -> SecretBox { SecretBox(key: SymmetricKey(size: .bits256)) }

    /// Where the key lives by default: `$TOCHUC_KEY_FILE`, else next to an SQLite file (`tochuc.sqlite.key`),
    /// else `tochuc.key` in the working directory for PostgreSQL.
    public static func defaultKeyFile(for location: DatabaseLocation, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let file = environment["TOCHUC_KEY_FILE"], !file.isEmpty { return file }
        switch location {
        case .sqlite(let path): return path + ".key"
        case .postgres: return "tochuc.key"
        }
    }

    /// Reads the key file (32 random bytes, base64), creating it readable by its owner only when missing.
    public static func loadOrCreate(keyFile path: String) throws -> SecretBox {
        let url = URL(fileURLWithPath: path)
        if !FileManager.default.fileExists(atPath: path) {
            let key = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString() + "\n"
            // Created with 0600 from the start: never readable by others, even for an instant. Another process
            // creating it at the same moment wins; both then read the same file.
            _ = FileManager.default.createFile(atPath: path, contents: Data(key.utf8), attributes: [.posixPermissions: 0o600])
        }
        let text = try String(contentsOf: url, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let data = Data(base64Encoded: text), data.count == 32 else { throw SecretBoxError.badKeyFile(path) }
        return SecretBox(key: SymmetricKey(data: data))
    }

    /// `v1:` + base64 of nonce, ciphertext and tag. `context` (the user's id) is authenticated, so a sealed secret
    /// copied onto another account's row does not open there.
    func seal(_ plaintext: [UInt8], context: String) throws -> String {
        let box = try AES.GCM.seal(Data(plaintext), using: key, authenticating: Data(context.utf8))
        guard let combined = box.combined else { throw SecretBoxError.unreadable }
        return "v1:" + combined.base64EncodedString()
    }

    func open(_ sealed: String, context: String) throws -> [UInt8] {
        guard sealed.hasPrefix("v1:"), let data = Data(base64Encoded: String(sealed.dropFirst(3))) else { throw SecretBoxError.unreadable }
        do {
            return Array(try AES.GCM.open(try AES.GCM.SealedBox(combined: data), using: key, authenticating: Data(context.utf8)))
        } catch {
            throw SecretBoxError.unreadable
        }
    }
}

public enum SecretBoxError: Error, CustomStringConvertible {
    case badKeyFile(String)
    /// Sealed with another key (the key file was replaced or lost), or altered.
    case unreadable

    public var description: String {
        switch self {
        case .badKeyFile(let path): "The key file \(path) does not hold a base64 256-bit key."
        case .unreadable: "A sealed secret cannot be opened with this key."
        }
    }
}
