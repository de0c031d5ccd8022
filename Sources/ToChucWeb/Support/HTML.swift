import ToChucDomain

/// A fragment of HTML. Interpolated strings are escaped; only other `HTML` values go in raw, so text from
/// users can never become markup.
public struct HTML: Sendable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var text: String

    public init(raw: String) { self.text = raw }
    public init(stringLiteral value: String) { self.text = value }
    public init(stringInterpolation: Interpolation) { self.text = stringInterpolation.out }

    public var description: String { text }

    public static let empty = HTML(raw: "")

    public struct Interpolation: StringInterpolationProtocol {
        var out = ""
        public init(literalCapacity: Int, interpolationCount: Int) { out.reserveCapacity(literalCapacity * 2) }
        public mutating func appendLiteral(_ literal: String) { out += literal }
        public mutating func appendInterpolation(_ value: String) { HTML.escape(value, into: &out) }
        public mutating func appendInterpolation(_ value: String?) { HTML.escape(value ?? "", into: &out) }
        public mutating func appendInterpolation(_ value: Int) { out += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { out += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) { for v in values { out += v.text } }
        public mutating func appendInterpolation(_ value: HTML?) { out += value?.text ?? "" }
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        escape(s, into: &out)
        return out
    }

    /// Appends `s` escaped. Most text has nothing to escape: it is then appended whole, without a scalar-by-scalar
    /// copy (this ran for every value of every page: 5 % of the member page's CPU — issue 8).
    static func escape(_ s: String, into out: inout String) {
        let bytes = s.utf8
        guard bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            out += s
            return
        }
        // The special characters are ASCII, so the indices around them are character boundaries.
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let entity: String? =
                switch bytes[index] {
                case 0x26: "&amp;"
                case 0x3C: "&lt;"
                case 0x3E: "&gt;"
                case 0x22: "&quot;"
                case 0x27: "&#39;"
                default: nil
                }
            let next = bytes.index(after: index)
            if let entity {
                out += s[start..<index]
                out += entity
                start = next
            }
            index = next
        }
        out += s[start...]
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.text + rhs.text) }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(raw: map(\.text).joined()) }
}
