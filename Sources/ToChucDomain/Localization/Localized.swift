/// The languages of the UI: Vietnamese first, English second (per user).
public enum Language: String, Sendable, CaseIterable, Codable {
    case vi
    case en
}

/// A text in both languages. Every message a user can see is one of these, made in `Catalogue`.
public struct Localized: Sendable, Hashable, Codable, CustomStringConvertible {
    public let vi: String
    public let en: String

    public init(vi: String, en: String) {
        self.vi = vi
        self.en = en
    }

    public func text(_ language: Language) -> String { language == .vi ? vi : en }
    public var description: String { vi }
}

/// One field's problem, for forms (shown beside the field) and the API (`errors[]`).
public struct FieldError: Sendable, Hashable, Codable {
    public let field: String
    public let message: Localized

    public init(_ field: String, _ message: Localized) {
        self.field = field
        self.message = message
    }
}

/// One attribute that differs between two versions of a record: what a refused stale save shows.
public struct FieldChange: Sendable, Hashable, Codable {
    public let field: String
    public let old: String?
    public let new: String?

    public init(field: String, old: String?, new: String?) {
        self.field = field
        self.old = old
        self.new = new
    }
}

/// The ways a use case refuses, each with a message for the user. Interfaces map them to HTTP statuses.
public enum DomainError: Error, Sendable, Equatable {
    /// The record does not exist, or is outside the user's scope (the two are not told apart).
    case notFound(Localized)
    /// The user may see it but may not do this.
    case forbidden(Localized)
    /// The input breaks a rule; nothing was stored.
    case invalid(Localized, [FieldError])
    /// The record changed since the user loaded it (optimistic locking); nothing was stored.
    case conflict(Localized, changes: [FieldChange], current: [String: String?])
    /// Not logged in, or the credentials are wrong.
    case unauthenticated(Localized)
    /// Too many attempts; try again later.
    case throttled(Localized, retryAfterSeconds: Int)

    public var message: Localized {
        switch self {
        case .notFound(let m), .forbidden(let m), .invalid(let m, _), .conflict(let m, _, _), .unauthenticated(let m),
            .throttled(let m, _):
            return m
        }
    }
}
