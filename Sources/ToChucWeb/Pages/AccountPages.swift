import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerAccountPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.account)) { request, context in
            let ctx = try await pageContext(request, context)
            return Responses.html(try accountPage(ctx, flash: request.query("done").map { _ in ctx.t(Catalogue.passwordChanged) }))
        }
        router.post(RouterPath(SiteURL.accountLanguage)) { request, context in
            let principal = try context.requirePrincipal()
            let language = Language(rawValue: context.form.string("language")) ?? .vi
            try await services.accounts.setLanguage(principal, language)
            return Responses.redirect(SiteURL.account)
        }
        router.post(RouterPath(SiteURL.accountPassword)) { request, context in
            let principal = try context.requirePrincipal()
            do {
                try await services.accounts.changeOwnPassword(
                    principal, current: context.form.string("current_password"), new: context.form.string("new_password"),
                    keepingSession: context.sessionToken)
                return Responses.redirect(SiteURL.account + "?done=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(try accountPage(ctx, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.tokens)) { request, context in
            let ctx = try await pageContext(request, context)
            return Responses.html(try await tokensPage(ctx, newToken: nil))
        }
        router.post(RouterPath(SiteURL.tokens)) { request, context in
            let principal = try context.requirePrincipal()
            let scope = TokenScope(rawValue: context.form.string("scope")) ?? .read
            let ctx = try await pageContext(request, context)
            do {
                let created = try await services.accounts.createToken(principal, name: context.form.string("name"), scope: scope)
                return Responses.html(try await tokensPage(ctx, newToken: created.token), status: .created)
            } catch DomainError.invalid(let message, let errors) {
                return Responses.html(try await tokensPage(ctx, newToken: nil, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.post("/account/tokens/:id/revoke") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.notFound) }
            try await services.accounts.revokeToken(principal, id: id)
            return Responses.redirect(SiteURL.tokens)
        }
    }

    func accountPage(_ ctx: PageContext, flash: String? = nil, message: Localized? = nil, errors: [FieldError] = []) throws -> HTML {
        guard let p = ctx.principal else { throw DomainError.unauthenticated(Catalogue.loginRequired) }
        let languages: [HTML] = Language.allCases.map { lang in
            let label = Catalogue.languageName.text(lang)
            return "<option value=\"\(lang.rawValue)\"\(HTML(raw: lang == p.language ? " selected" : ""))>\(label)</option>"
        }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.account))</h1>
            <dl class="facts">
            <dt>\(ctx.t(Catalogue.username))</dt><dd>\(p.username)</dd>
            <dt>\(ctx.t(Catalogue.displayName))</dt><dd>\(p.displayName)</dd>
            <dt>\(ctx.t(Catalogue.role))</dt><dd>\(ctx.t(p.role.label))</dd>
            <dt>\(ctx.t(Catalogue.yourUnit))</dt><dd><a href="\(SiteURL.unit(p.unitCode))">\(p.unitName)</a></dd>
            </dl>
            <h2>\(ctx.t(Catalogue.language))</h2>
            <form method="post" action="\(SiteURL.accountLanguage)" class="stacked" id="language-form">\(ctx.csrfField)
            <label for="language">\(ctx.t(Catalogue.language))</label><select id="language" name="language">\(languages)</select>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div></form>
            <h2>\(ctx.t(Catalogue.changePassword))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.accountPassword)" class="stacked" id="password-form">\(ctx.csrfField)
            <label for="current_password">\(ctx.t(Catalogue.currentPassword))</label>
            <input type="password" id="current_password" name="current_password" autocomplete="current-password" required>
            <label for="new_password">\(ctx.t(Catalogue.newPassword))</label>
            <input type="password" id="new_password" name="new_password" autocomplete="new-password" required minlength="\(PasswordPolicy.minimumLength)">
            <p class="muted">\(ctx.t(Catalogue.passwordTooShort(PasswordPolicy.minimumLength)))</p>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.changePassword))</button></div></form>
            <p><a href="\(SiteURL.tokens)">\(ctx.t(Catalogue.apiTokens))</a></p>
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.account), breadcrumbs: [(ctx.t(Catalogue.account), nil)], flash: flash, content: body)
    }

    func tokensPage(_ ctx: PageContext, newToken: String?, message: Localized? = nil, errors: [FieldError] = []) async throws -> HTML {
        let principal = try ctx.principal ?? { throw DomainError.unauthenticated(Catalogue.loginRequired) }()
        let tokens = try await services.accounts.listTokens(principal)
        let rows: [HTML] = tokens.map { token in
            let state: HTML =
                token.revokedAt == nil
                ? "<form method=\"post\" action=\"\(SiteURL.revokeToken(token.id))\" class=\"inline\">\(ctx.csrfField)<button type=\"submit\" class=\"secondary\">\(ctx.t(Catalogue.revoke))</button></form>"
                : "\(ctx.t(Catalogue.revoked))"
            return """
                <tr><td>\(token.name)</td><td>\(ctx.t(token.scope.label))</td><td>\(ctx.timestamp(token.createdAt))</td>
                <td>\(token.lastUsedAt.map(ctx.timestamp) ?? "")</td><td>\(state)</td></tr>
                """
        }
        let shown: HTML = newToken.map { "<p>\(ctx.t(Catalogue.tokenShownOnce))</p><p class=\"secret\" id=\"new-token\">\($0)</p>" } ?? .empty
        let scopes: [HTML] = TokenScope.allCases.map { "<option value=\"\($0.rawValue)\">\(ctx.t($0.label))</option>" }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.apiTokens))</h1>
            \(shown)
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.tokens)" class="stacked" id="token-form">\(ctx.csrfField)
            <label for="token-name">\(ctx.t(Catalogue.tokenName))</label><input type="text" id="token-name" name="name" required maxlength="100">
            <label for="token-scope">\(ctx.t(Catalogue.tokenScopeLabel))</label><select id="token-scope" name="scope">\(scopes)</select>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.createToken))</button></div></form>
            <h2>\(ctx.t(Catalogue.apiTokens))</h2>
            <table id="tokens-table"><thead><tr><th>\(ctx.t(Catalogue.tokenName))</th><th>\(ctx.t(Catalogue.tokenScopeLabel))</th>
            <th>\(ctx.t(Catalogue.createdAt))</th><th>\(ctx.t(Catalogue.lastUsed))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.apiTokens),
            breadcrumbs: [(ctx.t(Catalogue.account), SiteURL.account), (ctx.t(Catalogue.apiTokens), nil)], content: body)
    }
}
