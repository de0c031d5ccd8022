import Foundation
import HTTPTypes
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerSessionRoutes(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.login)) { request, context in
            if context.principal != nil { return Responses.redirect(SiteURL.home) }
            return loginPage(request, context, error: nil, status: .ok)
        }
        router.post(RouterPath(SiteURL.login)) { request, context in
            // Log-in CSRF: the form's token must match the cookie set with the form (double submit).
            let cookie = request.cookies[settings.loginCSRFCookie]?.value ?? ""
            guard !cookie.isEmpty, Secrets.constantTimeEquals(cookie, context.form.string("_csrf")) else {
                throw DomainError.forbidden(Catalogue.csrfFailed)
            }
            do {
                let session = try await services.accounts.login(
                    username: context.form.string("username"), password: context.form.string("password"),
                    address: context.remoteAddress)
                var headers = HTTPFields()
                headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.sessionCookie, session.token)))
                headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.loginCSRFCookie, "", maxAge: 0)))
                let next = context.form.string("next")
                let target = next.hasPrefix("/") && !next.hasPrefix("//") ? next : SiteURL.home
                return Responses.redirect(target, headers: headers)
            } catch let error as DomainError {
                switch error {
                case .throttled: return loginPage(request, context, error: error.message, status: .tooManyRequests)
                case .unauthenticated: return loginPage(request, context, error: error.message, status: .ok)
                default: throw error
                }
            }
        }
        router.post(RouterPath(SiteURL.logout)) { request, context in
            let principal = try context.requirePrincipal()
            if let token = context.sessionToken {
                try await services.accounts.logout(token: token, principal: principal)
            }
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.sessionCookie, "", maxAge: 0)))
            return Responses.redirect(SiteURL.login, headers: headers)
        }
        router.get(RouterPath(SiteURL.home)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let unit = try await services.units.get(principal, code: principal.unitCode)
            let counts = try await services.units.countsByKind(principal, under: unit)
            let cards: [HTML] = UnitKind.allCases.compactMap { kind in
                guard let n = counts[kind], n > 0 else { return nil }
                return """
                    <div class="card"><div class="figure">\(ctx.number(n))</div><div>\(ctx.t(kind.label))</div></div>
                    """
            }
            let offer = try await demoOffer(ctx, principal)
            let body: HTML = """
                <h1>\(unit.name)</h1>
                <p class="muted">\(ctx.t(Catalogue.welcome(principal.displayName)))</p>
                \(offer)
                <h2>\(ctx.t(Catalogue.unitsInSubtree))</h2>
                <div class="cards">\(cards)</div>
                <div class="actions"><a class="button" href="\(SiteURL.unit(unit.code))">\(ctx.t(Catalogue.view)): \(unit.name)</a>
                <a class="button secondary" href="\(SiteURL.units())">\(ctx.t(Catalogue.units))</a></div>
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.home), content: body))
        }
    }

    func loginPage(_ request: Request, _ context: AppContext, error: Localized?, status: HTTPResponse.Status) -> Response {
        let token = Secrets.randomToken()
        let ctx = PageContext(principal: nil, csrf: token, language: .vi, path: request.uri.path)
        let next = request.query("next") ?? (context.form["next"] ?? "")
        let errorHTML: HTML = error.map { "<div class=\"errors\" role=\"alert\"><p>\(ctx.t($0))</p></div>" } ?? .empty
        let body: HTML = """
            <div class="login">
            <h1>\(ctx.t(Catalogue.appName))</h1>
            \(errorHTML)
            <form method="post" action="\(SiteURL.login)" class="stacked" id="login-form">
            \(ctx.csrfField)
            <input type="hidden" name="next" value="\(next)">
            <label for="username">\(ctx.t(Catalogue.username))</label>
            <input type="text" id="username" name="username" autocomplete="username" required autofocus>
            <label for="password">\(ctx.t(Catalogue.password))</label>
            <input type="password" id="password" name="password" autocomplete="current-password" required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.login))</button></div>
            </form>
            </div>
            """
        var headers = HTTPFields()
        headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.loginCSRFCookie, token)))
        return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.login), content: body), status: status, headers: headers)
    }
}
