import Foundation
import HTTPTypes
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerAccountPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.account)) { request, context in
            let ctx = try await pageContext(request, context)
            let flash = request.query("done").map { ctx.t($0 == "totp" ? Catalogue.secondFactorEnabled : Catalogue.passwordChanged) }
            return Responses.html(try await accountPage(ctx, flash: flash))
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
                return Responses.html(try await accountPage(ctx, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.twoFactor)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            if try await services.accounts.hasSecondFactor(principal) { return Responses.html(secondFactorOnPage(ctx)) }
            // A new secret each time the page is shown: it is stored only once a code proves the app has it.
            let secret = AccountService.newSecondFactorSecret()
            return Responses.html(secondFactorEnrollPage(ctx, secret: secret, forced: context.sessionStage == .enrollment))
        }
        router.post(RouterPath(SiteURL.twoFactor)) { request, context in
            let principal = try context.requirePrincipal()
            let secretText = context.form.string("secret")
            do {
                guard let secret = Base32.decode(secretText) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("secret", Catalogue.secondFactorBadSecret)])
                }
                try await services.accounts.enableSecondFactor(
                    principal, secret: secret, code: context.form.string("code"), sessionToken: context.sessionToken)
                return Responses.redirect(SiteURL.account + "?done=totp")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let secret = Base32.decode(secretText) ?? AccountService.newSecondFactorSecret()
                let page = secondFactorEnrollPage(
                    ctx, secret: secret, forced: context.sessionStage == .enrollment, message: message, errors: errors)
                return Responses.html(page, status: .unprocessableContent)
            }
        }
        router.post(RouterPath(SiteURL.logoutEverywhere)) { request, context in
            let principal = try context.requirePrincipal()
            try await services.accounts.logoutEverywhere(principal)
            var headers = HTTPFields()
            headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.sessionCookie, "", maxAge: 0)))
            return Responses.redirect(SiteURL.login, headers: headers)
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

    func accountPage(_ ctx: PageContext, flash: String? = nil, message: Localized? = nil, errors: [FieldError] = []) async throws -> HTML {
        guard let p = ctx.principal else { throw DomainError.unauthenticated(Catalogue.loginRequired) }
        let secondFactor = try await services.accounts.hasSecondFactor(p)
        let sessions = try await services.accounts.sessionCount(p)
        let state = secondFactor ? "on" : "off"
        let turnOn: HTML =
            secondFactor
            ? .empty
            : "<p><a class=\"button\" id=\"turn-on-two-factor\" href=\"\(SiteURL.twoFactor)\">\(ctx.t(Catalogue.turnOnSecondFactor))</a></p>"
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
            <h2 id="two-factor">\(ctx.t(Catalogue.secondFactor))</h2>
            <p id="two-factor-state" data-state="\(state)">\(ctx.t(secondFactor ? Catalogue.secondFactorOn : Catalogue.secondFactorOff))</p>
            \(turnOn)
            <h2>\(ctx.t(Catalogue.sessions))</h2>
            <p id="session-count">\(ctx.t(Catalogue.openSessions(sessions)))</p>
            <p class="muted">\(ctx.t(Catalogue.logoutEverywhereHelp))</p>
            <form method="post" action="\(SiteURL.logoutEverywhere)" class="stacked" id="logout-all-form">\(ctx.csrfField)
            <div class="actions"><button type="submit" class="secondary">\(ctx.t(Catalogue.logoutEverywhere))</button></div></form>
            <p><a href="\(SiteURL.tokens)">\(ctx.t(Catalogue.apiTokens))</a></p>
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.account), breadcrumbs: [(ctx.t(Catalogue.account), nil)], flash: flash, content: body)
    }

    func secondFactorOnPage(_ ctx: PageContext) -> HTML {
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.secondFactor))</h1>
            <p id="two-factor-state" data-state="on">\(ctx.t(Catalogue.secondFactorOn))</p>
            <p class="muted">\(ctx.t(Catalogue.secondFactorHowToChange))</p>
            <p><a href="\(SiteURL.account)">\(ctx.t(Catalogue.account))</a></p>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.secondFactor),
            breadcrumbs: [(ctx.t(Catalogue.account), SiteURL.account), (ctx.t(Catalogue.secondFactor), nil)], content: body)
    }

    /// Enrolment: the secret in Base32 and the otpauth link, and the code that confirms.
    func secondFactorEnrollPage(
        _ ctx: PageContext, secret: [UInt8], forced: Bool, message: Localized? = nil, errors: [FieldError] = []
    ) -> HTML {
        guard let p = ctx.principal else { return .empty }
        let base32 = Base32.encode(secret)
        // Groups of four, as apps show them; decoding ignores the spaces.
        let grouped = stride(from: 0, to: base32.count, by: 4).map { i -> String in
            let start = base32.index(base32.startIndex, offsetBy: i)
            return String(base32[start..<base32.index(start, offsetBy: min(4, base32.count - i))])
        }.joined(separator: " ")
        let uri = TOTP.uri(secret: secret, account: p.username, issuer: "ToChuc")
        let required = forced || p.role.requiresSecondFactor
        let noteText = ctx.t(required ? Catalogue.secondFactorRequired : Catalogue.secondFactorOptional)
        let note: HTML = "<p class=\"\(required ? "errors" : "muted")\" id=\"two-factor-note\">\(noteText)</p>"
        // The link as a QR code for the phone's camera; a user name too long for one leaves the secret and the link.
        let qr: HTML = QRCode(uri).map { "<figure class=\"qr\" id=\"totp-qr\">\(Charts.qrCode($0, label: ctx.t(Catalogue.secondFactorQR)))</figure>" } ?? .empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.turnOnSecondFactor))</h1>
            \(note)
            <p>\(ctx.t(Catalogue.secondFactorSteps))</p>
            \(qr)
            <dl class="facts">
            <dt>\(ctx.t(Catalogue.secondFactorSecret))</dt><dd><code class="secret" id="totp-secret">\(grouped)</code></dd>
            <dt>\(ctx.t(Catalogue.secondFactorLink))</dt><dd><a id="totp-uri" href="\(uri)">\(uri)</a></dd>
            </dl>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.twoFactor)" class="stacked" id="two-factor-form">\(ctx.csrfField)
            <input type="hidden" name="secret" value="\(base32)">
            <label for="code">\(ctx.t(Catalogue.secondFactorCode))</label>
            <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7"
             required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.turnOnSecondFactor))</button></div></form>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.secondFactor),
            breadcrumbs: [(ctx.t(Catalogue.account), SiteURL.account), (ctx.t(Catalogue.secondFactor), nil)], content: body)
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
