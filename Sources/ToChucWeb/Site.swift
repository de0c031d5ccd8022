import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

/// The web application: services, settings, and the routes of the UI and the API.
public struct Site: Sendable {
    public let services: AppServices
    public let settings: WebSettings
    let demoJob = DemoJob()
    let importJobs = ImportJobs()

    public init(services: AppServices, settings: WebSettings) {
        self.services = services
        self.settings = settings
    }

    /// The router with every middleware and route; `main` and the tests build the app the same way.
    public func router() -> Router<AppContext> {
        let router = Router(context: AppContext.self)
        router.add(middleware: RequestOrderMiddleware(services: services))
        router.add(middleware: SecurityHeadersMiddleware(secure: settings.secureCookies))
        router.add(middleware: ErrorMiddleware(site: self))
        router.add(middleware: AuthenticationMiddleware(site: self))
        // After the session check (always on the primary: a revoked session must not live on in a replica's lag).
        router.add(middleware: ReadRoutingMiddleware(recent: settings.readYourWrites))
        router.get("/static/app.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: StaticAssets.css)))
        }
        router.get("/static/app.js") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: StaticAssets.javascript)))
        }
        registerSessionRoutes(router)
        registerUnitPages(router)
        registerRestructurePages(router)
        registerMemberPages(router)
        registerMergePages(router)
        registerPhotoPages(router)
        registerDemoPages(router)
        registerImportPages(router)
        registerMemberSheet(router)
        registerAdmissionPages(router)
        registerAgencyPages(router)
        registerCadrePages(router)
        registerPlanningPages(router)
        registerTrainingPages(router)
        registerStaffingPages(router)
        registerVettingPages(router)
        registerReportPages(router)
        registerAssessmentPages(router)
        registerVotePages(router)
        registerMeetingPages(router)
        registerCongressPages(router)
        registerBetweenPages(router)
        registerAccountPages(router)
        registerAdminPages(router)
        registerAPI(router)
        return router
    }

    /// The frame's context for a signed-in request. It reads nothing from the database: the unit chooser of the top bar
    /// is a text field (issue 8), so no page pays for a list of units it does not show.
    func pageContext(_ request: Request, _ context: AppContext) async throws -> PageContext {
        Self.frameContext(request, context)
    }

    static func frameContext(_ request: Request, _ context: AppContext) -> PageContext {
        var ctx = PageContext(
            principal: context.principal, csrf: context.csrfToken ?? "", language: context.language, path: request.uri.path)
        ctx.enrolling = context.sessionStage == .enrollment
        return ctx
    }

    /// An error page in the frame when the user is signed in, bare otherwise.
    func errorResponse(status: HTTPResponse.Status, message: Localized, request: Request, context: AppContext) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            let problem: [String: Any] = [
                "type": "about:blank", "title": status.reasonPhrase, "status": status.code,
                "detail": message.text(context.language), "message_vi": message.vi, "message_en": message.en,
            ]
            let data = (try? JSONSerialization.data(withJSONObject: problem, options: [.sortedKeys])) ?? Data()
            return Response(
                status: status, headers: [.contentType: "application/problem+json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let ctx = Self.frameContext(request, context)
        let title = "\(status.code) — \(status.reasonPhrase)"
        let body: HTML = """
            <h1>\(ctx.t(message))</h1>
            <p class="muted">\(title)</p>
            <p><a href="/">\(ctx.t(Catalogue.home))</a></p>
            """
        return Responses.html(Layout.page(ctx, title: ctx.t(message), content: body), status: status)
    }
}
