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
        public mutating func appendInterpolation(_ value: String) { out += HTML.escape(value) }
        public mutating func appendInterpolation(_ value: String?) { out += HTML.escape(value ?? "") }
        public mutating func appendInterpolation(_ value: Int) { out += String(value) }
        public mutating func appendInterpolation(_ value: HTML) { out += value.text }
        public mutating func appendInterpolation(_ values: [HTML]) { for v in values { out += v.text } }
        public mutating func appendInterpolation(_ value: HTML?) { out += value?.text ?? "" }
    }

    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    public static func + (lhs: HTML, rhs: HTML) -> HTML { HTML(raw: lhs.text + rhs.text) }
}

extension Array where Element == HTML {
    func joined() -> HTML { HTML(raw: map(\.text).joined()) }
}
