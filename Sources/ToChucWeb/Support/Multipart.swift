import Foundation
import ToChucDomain

/// One part of a `multipart/form-data` body: a form field, or an uploaded file when `filename` is set (possibly
/// empty: a file input left empty).
public struct MultipartPart: Sendable, Equatable {
    public let name: String
    public let filename: String?
    public let contentType: String?
    public let data: Data

    public init(name: String, filename: String?, contentType: String?, data: Data) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.data = data
    }
}

/// A small, strict reader of `multipart/form-data` (RFC 7578 over RFC 2046), as browsers, curl and Python send it.
///
/// Strict on purpose: the body must start with the boundary and end with the closing one (a body cut short is refused,
/// not half-read), every part names itself in `Content-Disposition: form-data`, header lines are not folded.
/// Binary-safe: part contents are bytes, found by searching for CRLF + boundary, never decoded as text unless they
/// are form fields. The size limit is the caller's (`collectBody(upTo:)` before this runs).
public enum Multipart {
    /// Why a body was refused; the raw value keys `Catalogue.multipartProblem`.
    public enum Problem: String, Error, Sendable, Equatable {
        case boundary, start, end, headers, disposition, encoding, parts
    }

    /// More parts than any form of ours has is an attack or an error, not an upload.
    public static let maxParts = 100
    /// Headers of one part; ours are two short lines.
    static let maxHeaderBytes = 8 * 1024

    /// Whether a Content-Type is `multipart/form-data` (with or without parameters).
    public static func isMultipart(contentType: String) -> Bool {
        contentType.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            == "multipart/form-data"
    }

    /// The boundary of a `multipart/form-data` Content-Type, checked against RFC 2046 (1–70 characters of `bchars`).
    public static func boundary(contentType: String) -> String? {
        guard let header = HeaderValue(contentType, escapes: true), header.value == "multipart/form-data",
            let boundary = header.parameters["boundary"], (1...70).contains(boundary.count), !boundary.hasSuffix(" ")
        else { return nil }
        let allowed = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ".unicodeScalars)
        return boundary.unicodeScalars.allSatisfy(allowed.contains) ? boundary : nil
    }

    /// The parts of a body, in order.
    public static func parse(_ body: Data, contentType: String) throws -> [MultipartPart] {
        guard let boundary = boundary(contentType: contentType) else { throw Problem.boundary }
        return try parse(body, boundary: boundary)
    }

    public static func parse(_ body: Data, boundary: String) throws -> [MultipartPart] {
        let delimiter = Array(("--" + boundary).utf8)
        let partEnd = Array("\r\n".utf8) + delimiter
        return try body.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) throws -> [MultipartPart] in
            func at(_ index: Int, _ expected: String) -> Bool {
                let e = Array(expected.utf8)
                return index + e.count <= bytes.count && zip(bytes[index..<index + e.count], e).allSatisfy { $0 == $1 }
            }
            guard bytes.count >= delimiter.count, zip(bytes[0..<delimiter.count], delimiter).allSatisfy({ $0 == $1 }) else {
                throw Problem.start
            }
            var position = delimiter.count
            var parts: [MultipartPart] = []
            while true {
                // After a delimiter: `--` closes the body (nothing but a line end may follow), CRLF opens a part.
                if at(position, "--") {
                    let rest = bytes.count - position - 2
                    guard rest == 0 || (rest == 2 && at(position + 2, "\r\n")) else { throw Problem.end }
                    return parts
                }
                guard at(position, "\r\n") else { throw position >= bytes.count ? Problem.end : Problem.headers }
                position += 2
                let headerEnd: Int
                let contentStart: Int
                if at(position, "\r\n") {
                    headerEnd = position
                    contentStart = position + 2
                } else {
                    let window = UnsafeRawBufferPointer(rebasing: bytes[position..<min(bytes.count, position + maxHeaderBytes)])
                    guard let found = find(Array("\r\n\r\n".utf8), in: window, from: 0) else {
                        throw window.count < maxHeaderBytes ? Problem.end : Problem.headers
                    }
                    headerEnd = position + found
                    contentStart = headerEnd + 4
                }
                let headers = try parseHeaders(UnsafeRawBufferPointer(rebasing: bytes[position..<headerEnd]))
                guard let end = find(partEnd, in: bytes, from: contentStart) else { throw Problem.end }
                let data = Data(bytes[contentStart..<end])
                if headers.filename == nil && String(data: data, encoding: .utf8) == nil { throw Problem.encoding }
                parts.append(MultipartPart(name: headers.name, filename: headers.filename, contentType: headers.contentType, data: data))
                if parts.count > maxParts { throw Problem.parts }
                position = end + partEnd.count
            }
        }
    }

    /// A part's headers: `Content-Disposition` exactly once (form-data, a name), `Content-Type` at most once; others
    /// are ignored (RFC 7578 §4.8).
    static func parseHeaders(_ bytes: UnsafeRawBufferPointer) throws -> (name: String, filename: String?, contentType: String?) {
        guard let text = String(bytes: bytes, encoding: .utf8) else { throw Problem.headers }
        var disposition: HeaderValue? = nil
        var contentType: String? = nil
        for line in text.components(separatedBy: "\r\n") where !line.isEmpty {
            // Folded lines (obsolete) and stray CR or LF are refused rather than guessed at.
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("\t"),
                !line.contains("\r"), !line.contains("\n")
            else { throw Problem.headers }
            let name = line[..<colon].lowercased()
            guard !name.isEmpty, !name.contains(where: { $0 == " " || $0 == "\t" }) else { throw Problem.headers }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch name {
            case "content-disposition":
                // Browsers write names as-is between quotes, with `"` percent-encoded (HTML): no backslash escapes.
                guard disposition == nil, let parsed = HeaderValue(value, escapes: false) else { throw Problem.headers }
                disposition = parsed
            case "content-type":
                guard contentType == nil else { throw Problem.headers }
                contentType = value
            default:
                continue
            }
        }
        guard let disposition, disposition.value == "form-data", let name = disposition.parameters["name"], !name.isEmpty else {
            throw Problem.disposition
        }
        return (name, disposition.parameters["filename"], contentType)
    }

    /// The first index at or after `start` where `needle` occurs in `haystack` (memchr for the first byte, then memcmp).
    static func find(_ needle: [UInt8], in haystack: UnsafeRawBufferPointer, from start: Int) -> Int? {
        guard !needle.isEmpty, let base = haystack.baseAddress, start >= 0, haystack.count - start >= needle.count else { return nil }
        let last = haystack.count - needle.count
        return needle.withUnsafeBytes { n -> Int? in
            var i = start
            while i <= last {
                guard let hit = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
                let j = base.distance(to: UnsafeRawPointer(hit))
                if memcmp(base + j, n.baseAddress!, needle.count) == 0 { return j }
                i = j + 1
            }
            return nil
        }
    }
}

/// A header value with parameters: `form-data; name="file"; filename="a.csv"`. Parameter names are lower-cased;
/// a repeated parameter or an unclosed quote makes the whole value invalid.
struct HeaderValue {
    let value: String
    let parameters: [String: String]

    init?(_ text: String, escapes: Bool) {
        let chars = Array(text)
        var i = 0
        func skipSpaces() { while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 } }
        var head = ""
        while i < chars.count, chars[i] != ";" {
            head.append(chars[i])
            i += 1
        }
        value = head.trimmingCharacters(in: .whitespaces).lowercased()
        guard !value.isEmpty else { return nil }
        var parameters: [String: String] = [:]
        while i < chars.count {
            // At a ';'.
            i += 1
            skipSpaces()
            if i == chars.count { break }
            var key = ""
            while i < chars.count, chars[i] != "=", chars[i] != ";" {
                key.append(chars[i])
                i += 1
            }
            key = key.trimmingCharacters(in: .whitespaces).lowercased()
            guard !key.isEmpty, i < chars.count, chars[i] == "=" else { return nil }
            i += 1
            skipSpaces()
            var item = ""
            if i < chars.count, chars[i] == "\"" {
                i += 1
                var closed = false
                while i < chars.count {
                    let c = chars[i]
                    i += 1
                    if c == "\"" {
                        closed = true
                        break
                    }
                    if escapes, c == "\\", i < chars.count {
                        item.append(chars[i])
                        i += 1
                        continue
                    }
                    item.append(c)
                }
                guard closed else { return nil }
            } else {
                while i < chars.count, chars[i] != ";", chars[i] != " ", chars[i] != "\t" {
                    item.append(chars[i])
                    i += 1
                }
            }
            skipSpaces()
            guard i == chars.count || chars[i] == ";", parameters[key] == nil else { return nil }
            parameters[key] = item
        }
        self.parameters = parameters
    }
}

extension Multipart.Problem {
    /// The message shown to the user (Vietnamese first), naming what is wrong.
    public var message: Localized { Catalogue.multipartMalformed(Catalogue.multipartProblem(rawValue)) }
}
