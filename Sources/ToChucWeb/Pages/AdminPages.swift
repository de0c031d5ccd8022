import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices
import ToChucStorage

extension Site {
    func registerAdminPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.adminUsers)) { request, context in
            let principal = try context.requirePrincipal()
            let language = principal.language
            if let file = try await listDownload(
                request, principal, sheet: "nguoi-dung", baseName: Self.fileName("nguoi-dung", principal),
                rows: {
                    [[Catalogue.username, Catalogue.displayName, Catalogue.role, Catalogue.unit, Catalogue.statusLabel].map { $0.text(language) }]
                        + (try await services.accounts.listUsers(by: principal)).map { u in
                            [
                                u.username, u.displayName, u.role.label.text(language), u.unitName,
                                (u.disabled ? Catalogue.disabled : Catalogue.active).text(language),
                            ]
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let flash = request.query("done").map {
                ctx.t($0 == "disabled" ? Catalogue.userDisabled : $0 == "totp_reset" ? Catalogue.secondFactorResetDone : Catalogue.userCreated)
            }
            return Responses.html(try await usersPage(ctx, flash: flash))
        }
        router.post(RouterPath(SiteURL.adminUsers)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                try principal.requireAdmin()
                // The unit is typed into a chooser (issue 8): a code in scope is taken, other text lists the matches.
                let unitCode: String
                do {
                    switch try await services.units.choose(principal, text: form.string("unit_code"), perPage: 50) {
                    case .unit(let unit): unitCode = unit.code
                    case .matches(let matches):
                        let ctx = try await pageContext(request, context)
                        let errors = [FieldError("unit_code", Catalogue.pickOneUnit)]
                        return Responses.html(
                            try await usersPage(ctx, message: Catalogue.invalidInput, errors: errors, form: form, unitMatches: matches),
                            status: .unprocessableContent)
                    }
                } catch DomainError.notFound(let message) {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("unit_code", message)])
                }
                try await services.accounts.createUser(
                    by: principal, username: form.string("username"), displayName: form.string("display_name"),
                    password: form.string("password"), role: Role(rawValue: form.string("role")) ?? .viewer,
                    unitCode: unitCode)
                return Responses.redirect(SiteURL.adminUsers + "?done=created")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(try await usersPage(ctx, message: message, errors: errors, form: form), status: .unprocessableContent)
            }
        }
        router.post("/admin/users/:username/disable") { request, context in
            let principal = try context.requirePrincipal()
            try await services.accounts.disableUser(by: principal, username: try context.parameters.require("username"))
            return Responses.redirect(SiteURL.adminUsers + "?done=disabled")
        }
        router.post("/admin/users/:username/reset-two-factor") { request, context in
            let principal = try context.requirePrincipal()
            try await services.accounts.resetSecondFactor(by: principal, username: try context.parameters.require("username"))
            return Responses.redirect(SiteURL.adminUsers + "?done=totp_reset")
        }
        router.post("/admin/users/:username/reset-password") { request, context in
            let principal = try context.requirePrincipal()
            let username = try context.parameters.require("username")
            let password = try await services.accounts.resetPassword(by: principal, username: username, newPassword: nil)
            let ctx = try await pageContext(request, context)
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.passwordResetFor(username)))</h1>
                <p>\(ctx.t(Catalogue.passwordShownOnce))</p><p class="secret" id="new-password">\(password)</p>
                <p><a href="\(SiteURL.adminUsers)">\(ctx.t(Catalogue.users))</a></p>
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.users), content: body))
        }
        router.get(RouterPath(SiteURL.adminDatabase)) { request, context in
            let principal = try context.requirePrincipal()
            let status = try services.databaseStatus(principal)
            let ctx = try await pageContext(request, context)
            return Responses.html(
                Layout.page(
                    ctx, title: ctx.t(Catalogue.databaseStatus), breadcrumbs: [(ctx.t(Catalogue.databaseStatus), nil)],
                    content: Self.databasePage(ctx, status)))
        }
        router.get(RouterPath(SiteURL.audit)) { request, context in
            let principal = try context.requirePrincipal()
            let language = principal.language
            if let file = try await listDownload(
                request, principal, sheet: "nhat-ky", baseName: Self.fileName("nhat-ky", principal), numeric: [0],
                rows: {
                    let all = try await Page.all { page, perPage in try await services.audit.list(principal, page: page, perPage: perPage) }
                    return [
                        [
                            "#", Catalogue.when.text(language), Catalogue.who.text(language), Catalogue.fromAddress.text(language),
                            Catalogue.action.text(language),
                            Catalogue.record.text(language), Catalogue.changes.text(language),
                        ]
                    ]
                        + all.map { e in
                            [
                                String(e.id), e.at, e.actor, e.address ?? "", Catalogue.auditAction(e.action).text(language),
                                "\(e.entity): \(e.entityKey)",
                                e.changes.map { "\($0.field): \($0.old ?? "∅") → \($0.new ?? "∅")" }.joined(separator: "; "),
                            ]
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let result = try await services.audit.list(principal, page: page, perPage: 50)
            let rows: [HTML] = result.items.map { entry in
                let changes: [HTML] = entry.changes.map { "<li>\(Layout.fieldName(ctx, $0.field)): \($0.old ?? "∅") → \($0.new ?? "∅")</li>" }
                let record: HTML = entry.entity == "unit" ? "<a href=\"\(SiteURL.unit(entry.entityKey))\">\(entry.entityKey)</a>" : "\(entry.entity): \(entry.entityKey)"
                return """
                    <tr><td class="num">\(Int(entry.id))</td><td>\(ctx.timestamp(entry.at))</td><td>\(entry.actor)</td><td>\(entry.address)</td>
                    <td>\(ctx.t(Catalogue.auditAction(entry.action)))</td><td>\(record)</td><td><ul class="changes">\(changes)</ul></td></tr>
                    """
            }
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.auditLog))</h1>
                \(Self.adminLinks(ctx))
                \(Self.exportLinks(ctx, SiteURL.audit, []))
                <table id="audit-table"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.when))</th><th>\(ctx.t(Catalogue.who))</th><th>\(ctx.t(Catalogue.fromAddress))</th>
                <th>\(ctx.t(Catalogue.action))</th><th>\(ctx.t(Catalogue.record))</th><th>\(ctx.t(Catalogue.changes))</th></tr></thead><tbody>\(rows)</tbody></table>
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) { "\(SiteURL.audit)?page=\($0)" })
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.auditLog), breadcrumbs: [(ctx.t(Catalogue.auditLog), nil)], content: body))
        }
    }

    /// The administration's pages, as far as the role may open them.
    static func adminLinks(_ ctx: PageContext) -> HTML {
        guard let principal = ctx.principal else { return .empty }
        let role = principal.role
        var links: [(String, String)] = []
        if role.canManageAccounts { links.append((SiteURL.adminUsers, ctx.t(Catalogue.users))) }
        if role.canReadAudit { links.append((SiteURL.audit, ctx.t(Catalogue.auditLog))) }
        if principal.administersRootUnit { links.append((SiteURL.adminDatabase, ctx.t(Catalogue.databaseStatus))) }
        guard links.count > 1 else { return .empty }
        let items: [HTML] = links.map { link in
            let current = ctx.path == link.0 ? " aria-current=\"page\"" : ""
            return "<li><a href=\"\(link.0)\"\(HTML(raw: current))>\(link.1)</a></li>"
        }
        return "<nav class=\"subnav\" aria-label=\"\(ctx.t(Catalogue.areaAdmin))\"><ul>\(items)</ul></nav>"
    }

    /// The engine, the primary and each read replica with its health, lag and reads served.
    static func databasePage(_ ctx: PageContext, _ status: DatabaseStatus) -> HTML {
        let engine: HTML
        switch status.engine {
        case .sqlite(let path):
            engine = "<dt>\(ctx.t(Catalogue.databaseEngine))</dt><dd>\(ctx.t(Catalogue.databaseEmbedded)) <code>\(path)</code></dd>"
        case .postgres:
            let primary: HTML = status.primaryHost.map { "<code>\($0)</code>" } ?? "<em>\(ctx.t(Catalogue.databasePrimarySearching))</em>"
            engine = """
                <dt>\(ctx.t(Catalogue.databaseEngine))</dt><dd>\(ctx.t(Catalogue.databasePostgres))</dd>
                <dt>\(ctx.t(Catalogue.databasePrimary))</dt><dd id="primary-host">\(primary)</dd>
                """
        }
        let replicas: HTML
        if status.replicas.isEmpty {
            replicas = "<p id=\"no-replicas\">\(ctx.t(Catalogue.noReadReplicas))</p>"
        } else {
            let rows: [HTML] = status.replicas.map { r in
                let state: HTML = r.healthy ? "\(ctx.t(Catalogue.replicaServing))" : "<strong>\(ctx.t(Catalogue.replicaNotServing))</strong>"
                let lag = r.lagSeconds.map { ctx.decimal($0, fractionDigits: 1) } ?? "–"
                return """
                    <tr><td><code>\(r.host)</code></td><td>\(state)</td><td class="num">\(lag)</td><td>\(r.problem ?? "")</td>
                    <td class="num">\(ctx.number(r.served))</td></tr>
                    """
            }
            replicas = """
                <table id="replicas-table"><thead><tr><th>\(ctx.t(Catalogue.replicaHost))</th><th>\(ctx.t(Catalogue.statusLabel))</th>
                <th>\(ctx.t(Catalogue.replicaLag))</th><th>\(ctx.t(Catalogue.replicaProblem))</th><th>\(ctx.t(Catalogue.replicaServed))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                <p class="muted">\(ctx.t(Catalogue.replicaRule))</p>
                """
        }
        return """
            <h1>\(ctx.t(Catalogue.databaseStatus))</h1>
            \(adminLinks(ctx))
            <dl class="facts" id="database-facts">\(engine)</dl>
            <h2>\(ctx.t(Catalogue.readReplicas))</h2>
            \(replicas)
            """
    }

    /// The users and the new-user form; after a refused save the form keeps what was typed (never the password), and
    /// `unitMatches` lists the units matching its unit text to pick from.
    func usersPage(
        _ ctx: PageContext, flash: String? = nil, message: Localized? = nil, errors: [FieldError] = [], form: FormData? = nil,
        unitMatches: Page<UnitMatch>? = nil
    ) async throws -> HTML {
        let principal = try ctx.principal ?? { throw DomainError.unauthenticated(Catalogue.loginRequired) }()
        let users = try await services.accounts.listUsers(by: principal)
        let rows: [HTML] = users.map { user in
            let actions: HTML =
                user.disabled || user.username == principal.username
                ? .empty
                : """
                <form method="post" action="\(SiteURL.disableUser(user.username))" class="inline">\(ctx.csrfField)<button type="submit" class="secondary">\(ctx.t(Catalogue.disable))</button></form>
                """
            let reset: HTML = "<form method=\"post\" action=\"\(SiteURL.resetPassword(user.username))\" class=\"inline\">\(ctx.csrfField)<button type=\"submit\" class=\"secondary\">\(ctx.t(Catalogue.resetPassword))</button></form>"
            let resetSecondFactor: HTML =
                user.secondFactor
                ? """
                <form method="post" action="\(SiteURL.resetSecondFactor(user.username))" class="inline">\(ctx.csrfField)
                <button type="submit" class="secondary">\(ctx.t(Catalogue.resetSecondFactor))</button></form>
                """ : .empty
            let factor = ctx.t(user.secondFactor ? Catalogue.secondFactorOn : Catalogue.secondFactorOff)
            let factorState = user.secondFactor ? "on" : "off"
            return """
                <tr data-username="\(user.username)"><td>\(user.username)</td><td>\(user.displayName)</td><td>\(ctx.t(user.role.label))</td>
                <td><a href="\(SiteURL.unit(user.unitCode))">\(user.unitName)</a></td>
                <td>\(ctx.t(user.disabled ? Catalogue.disabled : Catalogue.active))</td>
                <td class="two-factor" data-state="\(factorState)">\(factor)</td><td>\(actions) \(reset) \(resetSecondFactor)</td></tr>
                """
        }
        let chosenRole = form?.string("role") ?? ""
        let roles: [HTML] = Role.allCases.map {
            "<option value=\"\($0.rawValue)\"\(HTML(raw: $0.rawValue == chosenRole ? " selected" : ""))>\(ctx.t($0.label))</option>"
        }
        let unitText = form.map { $0.string("unit_code") } ?? principal.unitCode
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.users))</h1>
            \(Self.adminLinks(ctx))
            \(Self.exportLinks(ctx, SiteURL.adminUsers, []))
            <table id="users-table"><thead><tr><th>\(ctx.t(Catalogue.username))</th><th>\(ctx.t(Catalogue.displayName))</th><th>\(ctx.t(Catalogue.role))</th>
            <th>\(ctx.t(Catalogue.unit))</th><th>\(ctx.t(Catalogue.statusLabel))</th><th>\(ctx.t(Catalogue.secondFactor))</th><th></th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <h2>\(ctx.t(Catalogue.addUser))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.adminUsers)" class="stacked" id="user-form">\(ctx.csrfField)
            <label for="new-username">\(ctx.t(Catalogue.username))</label><input type="text" id="new-username" name="username" required maxlength="40" value="\(form?.string("username") ?? "")">
            <label for="display_name">\(ctx.t(Catalogue.displayName))</label><input type="text" id="display_name" name="display_name" maxlength="200" value="\(form?.string("display_name") ?? "")">
            <label for="new-user-password">\(ctx.t(Catalogue.password))</label><input type="password" id="new-user-password" name="password" required minlength="\(PasswordPolicy.minimumLength)" autocomplete="new-password">
            <label for="role">\(ctx.t(Catalogue.role))</label><select id="role" name="role">\(roles)</select>
            <label for="unit_code">\(ctx.t(Catalogue.unitCodeOfUser))</label>\(unitMatches.map { UnitChooser.radioList(ctx, name: "unit_code", matches: $0) })\(UnitChooser.field(ctx, name: "unit_code", id: "unit_code", value: unitText, required: unitMatches == nil))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.addUser))</button></div></form>
            <p><a href="\(SiteURL.audit)">\(ctx.t(Catalogue.auditLog))</a></p>
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.users), breadcrumbs: [(ctx.t(Catalogue.areaAdmin), nil)], flash: flash, content: body)
    }
}
