import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ToChucDomain

/// Building responses: HTML pages, redirects, JSON and RFC 9457 problems.
enum Responses {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.contentType] = "text/html; charset=utf-8"
        fields[.cacheControl] = "no-store"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: page.text)))
    }

    /// 303 See Other: after a POST the browser GETs the new page (no resubmission on reload).
    static func redirect(_ location: String, headers: HTTPFields = [:]) -> Response {
        var fields = headers
        fields[.location] = location
        return Response(status: .seeOther, headers: fields)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let data = try encoder.encode(value)
        return Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func bytes(_ data: Data, contentType: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType, .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(fileName)\"",
            ], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func status(of error: DomainError) -> HTTPResponse.Status {
        switch error {
        case .notFound: return .notFound
        case .forbidden: return .forbidden
        case .invalid: return .unprocessableContent
        case .conflict: return .conflict
        case .unauthenticated: return .unauthorized
        case .throttled: return .tooManyRequests
        }
    }

    /// An RFC 9457 problem with the message in both languages (issue: API errors).
    static func problem(_ error: DomainError, language: Language) -> Response {
        let status = status(of: error)
        var body: [String: Any] = [
            "type": "about:blank", "title": status.reasonPhrase, "status": status.code,
            "detail": error.message.text(language), "message_vi": error.message.vi, "message_en": error.message.en,
        ]
        switch error {
        case .invalid(_, let errors):
            body["errors"] = errors.map { ["field": $0.field, "message_vi": $0.message.vi, "message_en": $0.message.en] }
        case .conflict(_, let changes, let current):
            body["changes"] = changes.map { ["field": $0.field, "old": $0.old as Any, "new": $0.new as Any] }
            body["current"] = current.mapValues { $0 as Any }
        default: break
        }
        var headers: HTTPFields = [.contentType: "application/problem+json; charset=utf-8", .cacheControl: "no-store"]
        if case .throttled(_, let seconds) = error { headers[.retryAfter] = String(seconds) }
        if case .unauthenticated = error { headers[.wwwAuthenticate] = "Bearer realm=\"tochuc\"" }
        let data = (try? JSONSerialization.data(withJSONObject: body.mapValues(nullify), options: [.sortedKeys])) ?? Data("{}".utf8)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// JSONSerialization wants NSNull for a missing value.
    private static func nullify(_ value: Any) -> Any {
        if let dict = value as? [String: Any] { return dict.mapValues(nullify) }
        if let list = value as? [Any] { return list.map(nullify) }
        if case Optional<Any>.none = value { return NSNull() }
        if let optional = value as? String? { return optional.map { $0 as Any } ?? NSNull() }
        return value
    }
}
