import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

/// The per-request context: who is asking (resolved once by `AuthenticationMiddleware`) and the parsed form.
public struct AppContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, or nil on public pages.
    public var principal: Principal?
    /// The session cookie's value, when the user came with one.
    public var sessionToken: String?
    /// The session's CSRF token, echoed in every form and `<meta name="csrf-token">`.
    public var csrfToken: String?
    /// The stage of the cookie's session: `enrollment` confines the user to enrolling a second factor.
    public var sessionStage: SessionStage?
    /// A session that awaits its TOTP code (no principal yet): the token the code step upgrades.
    public var pendingSessionToken: String?
    /// The urlencoded body of a POST, read once by the CSRF check (for a multipart body: its text fields).
    public var form = FormData()
    /// The files of a `multipart/form-data` POST, read with its fields by the CSRF check.
    public var uploads: [MultipartPart] = []
    public let remoteAddress: String?

    /// Uploads (imports) are limited; larger bodies get 413.
    public var maxUploadSize: Int { 20 * 1024 * 1024 }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress
    }

    /// The signed-in user, or `unauthenticated` (which becomes a redirect to the log-in page or a 401).
    public func requirePrincipal() throws -> Principal {
        guard let principal else { throw DomainError.unauthenticated(Catalogue.loginRequired) }
        return principal
    }

    public var language: Language { principal?.language ?? .vi }
}
