import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Settings of the web interface that depend on how it is deployed.
public struct WebSettings: Sendable {
    /// Served over TLS (directly or behind a proxy that says so): cookies get `Secure` and the `__Host-` prefix.
    public var secureCookies: Bool
    public var programVersion: String
    /// After a change, the user's pages read from the primary for this long (only matters with read replicas).
    public var readYourWrites: ReadYourWrites

    public init(secureCookies: Bool, programVersion: String, readYourWritesWindow: Duration = .seconds(5)) {
        self.secureCookies = secureCookies
        self.programVersion = programVersion
        self.readYourWrites = ReadYourWrites(window: readYourWritesWindow)
    }

    var sessionCookie: String { secureCookies ? "__Host-tc_session" : "tc_session" }
    var loginCSRFCookie: String { secureCookies ? "__Host-tc_login_csrf" : "tc_login_csrf" }

    func cookie(_ name: String, _ value: String, maxAge: Int? = nil) -> String {
        var parts = ["\(name)=\(value)", "Path=/", "HttpOnly", "SameSite=Strict"]
        if secureCookies { parts.append("Secure") }
        if let maxAge { parts.append("Max-Age=\(maxAge)") }
        return parts.joined(separator: "; ")
    }
}

/// Marks each request with the moment it began, so the database serves connections to pages begun earlier first
/// (`AppServices.serving`: a page's dozen reads are not each queued behind requests that came after it).
struct RequestOrderMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let services: AppServices

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        try await services.serving { try await next(request, context) }
    }
}

/// Headers every response carries (OWASP ASVS 3.4): no inline script, no framing, no referrer leaks.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let secure: Bool

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.contentSecurityPolicy] =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Permissions-Policy")!] = "camera=(), microphone=(), geolocation=()"
        if secure { response.headers[.strictTransportSecurity] = "max-age=31536000" }
        return response
    }
}

/// Turns every error into a response: a problem document on the API, a page in the user's language elsewhere.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let site: Site

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as DomainError {
            return render(error, request: request, context: context)
        } catch let error as HTTPError {
            let domain: DomainError
            switch error.status {
            case .notFound: domain = .notFound(Catalogue.notFound)
            case .unauthorized: domain = .unauthenticated(Catalogue.loginRequired)
            case .forbidden: domain = .forbidden(Catalogue.forbidden)
            case .contentTooLarge:
                return site.errorResponse(status: .contentTooLarge, message: Catalogue.uploadTooLarge, request: request, context: context)
            case .methodNotAllowed:
                return site.errorResponse(status: .methodNotAllowed, message: Catalogue.methodNotAllowed, request: request, context: context)
            default:
                return site.errorResponse(status: error.status, message: Catalogue.malformedBody, request: request, context: context)
            }
            return render(domain, request: request, context: context)
        } catch is NIOTooManyBytesError {
            // `collectBody(upTo:)` past `maxUploadSize`: the body is too large, not the server broken.
            return site.errorResponse(status: .contentTooLarge, message: Catalogue.uploadTooLarge, request: request, context: context)
        } catch StorageError.unavailable(let why) {
            // No primary answers (a failover under way, or the server down): nothing was stored; try again shortly.
            context.logger.warning("database unavailable", metadata: ["path": "\(request.uri.path)", "why": "\(why)"])
            var response = site.errorResponse(status: .serviceUnavailable, message: Catalogue.databaseUnavailable, request: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
        } catch StorageError.writeOutcomeUnknown {
            context.logger.error("write outcome unknown", metadata: ["path": "\(request.uri.path)"])
            var response = site.errorResponse(status: .serviceUnavailable, message: Catalogue.writeOutcomeUnknown, request: request, context: context)
            response.headers[.retryAfter] = "5"
            return response
        } catch is DecodingError {
            return site.errorResponse(status: .badRequest, message: Catalogue.malformedBody, request: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["path": "\(request.uri.path)", "error": "\(String(reflecting: error))"])
            return site.errorResponse(status: .internalServerError, message: Catalogue.internalError, request: request, context: context)
        }
    }

    func render(_ error: DomainError, request: Request, context: AppContext) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return Responses.problem(error, language: context.language)
        }
        if case .unauthenticated = error, request.method == .get {
            let next = request.uri.path == "/" ? "" : "?next=" + (request.uri.path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "")
            return Responses.redirect("/login" + next)
        }
        return site.errorResponse(status: Responses.status(of: error), message: error.message, request: request, context: context)
    }
}

/// Resolves the session cookie or bearer token into a principal, and refuses unsafe requests without a CSRF token.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppContext
    let site: Site

    func handle(_ request: Request, context: AppContext, next: (Request, AppContext) async throws -> Response) async throws -> Response {
        var context = context
        var request = request
        let address = context.remoteAddress
        // NUL never belongs in text, and PostgreSQL refuses it in every string: turn it away at the door.
        if (request.uri.string.removingPercentEncoding ?? request.uri.string).contains("\u{0}") || request.uri.string.contains("%00") {
            throw DomainError.invalid(Catalogue.nulCharacter, [])
        }
        var byCookie = false
        if let authorization = request.headers[.authorization], authorization.lowercased().hasPrefix("bearer ") {
            let token = String(authorization.dropFirst(7)).trimmed
            guard let principal = try await site.services.accounts.principal(forToken: token, address: address) else {
                throw DomainError.unauthenticated(Catalogue.invalidToken)
            }
            context.principal = principal
        } else if let token = request.cookies[site.settings.sessionCookie]?.value, !token.isEmpty,
            let session = try await site.services.accounts.session(token: token, address: address)
        {
            switch session.stage {
            case .full, .enrollment:
                // A session that must enroll first is no session for the API.
                if session.stage == .full || !request.uri.path.hasPrefix("/api/") {
                    context.principal = session.principal
                    context.sessionToken = token
                    context.csrfToken = session.csrfToken
                    context.sessionStage = session.stage
                    byCookie = true
                }
            case .secondFactor:
                // Not signed in yet: only the code step reads this (and checks the form's CSRF token itself, so that
                // the log-in form still works from here).
                context.pendingSessionToken = token
                context.csrfToken = session.csrfToken
            }
        }
        let unsafe = request.method != .get && request.method != .head && request.method != .options
        let contentType = request.headers[.contentType] ?? ""
        let isForm = contentType.lowercased().hasPrefix("application/x-www-form-urlencoded")
        if unsafe && isForm {
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            context.form = FormData(urlEncoded: String(buffer: body))
        } else if unsafe && Multipart.isMultipart(contentType: contentType) {
            // Uploads carry the CSRF token as a field of the same body: read it all (within the size limit) here.
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            let parts: [MultipartPart]
            do {
                parts = try Multipart.parse(Data(body.readableBytesView), contentType: contentType)
            } catch let problem as Multipart.Problem {
                throw DomainError.invalid(problem.message, [])
            }
            for part in parts {
                if part.filename == nil {
                    context.form.append(part.name, String(decoding: part.data, as: UTF8.self))
                } else {
                    context.uploads.append(part)
                }
            }
        }
        if context.form.values.values.contains(where: { $0.contains { $0.contains("\u{0}") } }) {
            throw DomainError.invalid(Catalogue.nulCharacter, [])
        }
        // CSRF (OWASP ASVS 3.5): a cookie alone never authorizes a change.
        if unsafe && byCookie {
            let sent = request.headers[HTTPField.Name("X-CSRF-Token")!] ?? context.form["_csrf"] ?? ""
            guard let expected = context.csrfToken, Secrets.constantTimeEquals(sent, expected) else {
                throw DomainError.forbidden(Catalogue.csrfFailed)
            }
        }
        // An admin or head without a second factor can do nothing but enroll one (or log out).
        if context.sessionStage == .enrollment && !Self.allowedWhileEnrolling(request.uri.path) {
            if request.method == .get || request.method == .head { return Responses.redirect(SiteURL.twoFactor) }
            throw DomainError.forbidden(Catalogue.secondFactorRequired)
        }
        // A viewer, or a read-only token, changes nothing but its own account: refused here, before any body is read
        // for validation, so that the answer is 403 whatever the body (DOMAIN.md §6). The services check again.
        let writes: Set<HTTPRequest.Method> = [.post, .put, .patch, .delete]
        if writes.contains(request.method), let principal = context.principal, !Self.isSelfService(request.uri.path) {
            try principal.requireWrite()
        }
        return try await next(request, context)
    }

    /// Changes anyone signed in may make to their own account and sessions (the services check who may do what).
    static func isSelfService(_ path: String) -> Bool {
        let path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return path == SiteURL.login || path == SiteURL.loginCode || path == SiteURL.logout || path == SiteURL.account
            || path.hasPrefix(SiteURL.account + "/") || path == "/api/v1/tokens" || path.hasPrefix("/api/v1/tokens/")
    }

    static func allowedWhileEnrolling(_ path: String) -> Bool {
        path == SiteURL.twoFactor || path == SiteURL.logout || path.hasPrefix("/static/")
    }
}
