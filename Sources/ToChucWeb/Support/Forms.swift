import Foundation
import Hummingbird

/// A decoded `application/x-www-form-urlencoded` body or query string.
public struct FormData: Sendable {
    public private(set) var values: [String: [String]] = [:]

    public init() {}

    public init(urlEncoded text: String) {
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = FormData.decode(parts[0])
            let value = parts.count > 1 ? FormData.decode(parts[1]) : ""
            values[key, default: []].append(value)
        }
    }

    public subscript(_ key: String) -> String? { values[key]?.first }

    /// Sets one value (for bodies that arrive as JSON but are read like a form).
    public mutating func set(_ key: String, _ value: String) { values[key] = [value] }
    /// Adds one value (the text fields of a multipart body).
    public mutating func append(_ key: String, _ value: String) { values[key, default: []].append(value) }
    public func string(_ key: String) -> String { values[key]?.first ?? "" }
    public func flag(_ key: String) -> Bool {
        guard let v = values[key]?.last else { return false }
        return v == "on" || v == "true" || v == "1"
    }

    static func decode(_ s: Substring) -> String {
        let spaced = s.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}


extension Request {
    /// A query parameter decoded the way HTML forms encode it (`+` is a space, then percent escapes).
    func query(_ name: String) -> String? {
        FormData(urlEncoded: uri.query ?? "")[name]
    }
}
