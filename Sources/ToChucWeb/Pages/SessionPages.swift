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
                switch session.stage {
                case .full: return Responses.redirect(Self.safeNext(next), headers: headers)
                case .secondFactor:
                    let target = next.isEmpty ? SiteURL.loginCode : SiteURL.with(SiteURL.loginCode, [("next", next)])
                    return Responses.redirect(target, headers: headers)
                case .enrollment: return Responses.redirect(SiteURL.twoFactor, headers: headers)
                }
            } catch let error as DomainError {
                switch error {
                case .throttled: return loginPage(request, context, error: error.message, status: .tooManyRequests)
                case .unauthenticated: return loginPage(request, context, error: error.message, status: .ok)
                default: throw error
                }
            }
        }
        router.get(RouterPath(SiteURL.loginCode)) { request, context in
            if context.principal != nil { return Responses.redirect(SiteURL.home) }
            guard context.pendingSessionToken != nil else { return Responses.redirect(SiteURL.login) }
            return codePage(request, context, error: nil, status: .ok)
        }
        router.post(RouterPath(SiteURL.loginCode)) { request, context in
            guard let token = context.pendingSessionToken, let expected = context.csrfToken else {
                return Responses.redirect(SiteURL.login)
            }
            guard Secrets.constantTimeEquals(context.form.string("_csrf"), expected) else { throw DomainError.forbidden(Catalogue.csrfFailed) }
            do {
                let session = try await services.accounts.verifySecondFactor(
                    token: token, code: context.form.string("code"), address: context.remoteAddress)
                var headers = HTTPFields()
                headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.sessionCookie, session.token)))
                return Responses.redirect(Self.safeNext(context.form.string("next")), headers: headers)
            } catch let error as DomainError {
                switch error {
                case .throttled:
                    var headers = HTTPFields()
                    headers.append(HTTPField(name: .setCookie, value: settings.cookie(settings.sessionCookie, "", maxAge: 0)))
                    var response = loginPage(request, context, error: error.message, status: .tooManyRequests)
                    response.headers.append(contentsOf: headers)
                    return response
                case .unauthenticated(let message) where message == Catalogue.loginRequired:
                    return Responses.redirect(SiteURL.login)
                case .unauthenticated: return codePage(request, context, error: error.message, status: .ok)
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
                let link = SiteURL.with(SiteURL.units(), [("under", unit.code), ("kind", kind.rawValue)])
                return """
                    <a class="card" id="card-units-\(kind.rawValue)" href="\(link)"><div class="figure">\(ctx.number(n))</div><div>\(ctx.t(kind.label))</div></a>
                    """
            }
            let offer = try await demoOffer(ctx, principal)
            let dashboard = try await services.dashboard.dashboard(principal, unitCode: unit.code)
            let body: HTML = """
                <h1>\(unit.name)</h1>
                <p class="muted">\(ctx.t(Catalogue.welcome(principal.displayName)))</p>
                \(offer)
                \(dashboardSection(ctx, dashboard))
                <h2>\(ctx.t(Catalogue.unitsInSubtree))</h2>
                <div class="cards">\(cards)</div>
                <div class="actions"><a class="button" href="\(SiteURL.unit(unit.code))">\(ctx.t(Catalogue.view)): \(unit.name)</a>
                <a class="button secondary" href="\(SiteURL.units())">\(ctx.t(Catalogue.units))</a></div>
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.home), content: body))
        }
    }

    /// The unit's figures of this month and the work waiting, each linked to its records, with the charts (issue 7).
    func dashboardSection(_ ctx: PageContext, _ d: Dashboard) -> HTML {
        let f = d.month.figures
        let p = d.month.period
        let code = d.unit.code
        func card(_ id: String, _ n: String, _ label: Localized, _ link: String) -> HTML {
            "<a class=\"card\" id=\"card-\(id)\" href=\"\(link)\"><div class=\"figure\">\(n)</div><div>\(ctx.t(label))</div></a>"
        }
        // The members the list shows by default: probationary, full and exempt from activities.
        let inParty = [MemberStatus.probationary, .full, .exempt].reduce(0) { $0 + (d.membersByStatus[$1] ?? 0) }
        // Each card opens the records it counts, filtered as the report counts them.
        let monthCards: [HTML] = [
            card("admitted", ctx.number(f.admitted), Catalogue.figureAdmitted, Self.figureLink("admitted", unit: code, period: p)),
            card("recognized", ctx.number(f.recognized), Catalogue.figureRecognized, Self.figureLink("recognized", unit: code, period: p)),
            card(
                "approvals", ctx.number(f.approvals.values.reduce(0, +)), Catalogue.figureApprovals,
                Self.figureLink("approvals", unit: code, period: p)),
            card("trained", ctx.number(f.trained), Catalogue.figureTrained, Self.figureLink("trained", unit: code, period: p)),
            card(
                "vetting", ctx.number(f.vettingConcluded), Catalogue.figureVettingConcluded,
                Self.figureLink("vetting_concluded", unit: code, period: p)),
        ]
        let waiting: [HTML] = [
            card("members", ctx.number(inParty), Catalogue.dashboardMembers, SiteURL.with(SiteURL.members, [("unit", code)])),
            card(
                "cells", ctx.ratio(f.cellsWithCommittee, f.cells), Catalogue.figureCellsWithCommittee, Self.figureLink("cells", unit: code, period: p)
            ),
            card("recognition-overdue", ctx.number(d.recognitionOverdue), Catalogue.recognitionOverdue, SiteURL.admission),
            card("retiring", ctx.number(d.retiring), Catalogue.retiringList, SiteURL.with(SiteURL.retiring, [("unit", code)])),
            card("reappointment", ctx.number(d.reappointmentDue), Catalogue.reappointmentList, SiteURL.with(SiteURL.reappointment, [("unit", code)])),
            card("proposals-overdue", ctx.number(d.proposalsOverdue), Catalogue.dashboardProposalsOverdue,
                 SiteURL.with(SiteURL.proposals, [("box", "in"), ("unit", code), ("due", "overdue")])),
            card("tasks-overdue", ctx.number(d.tasksOverdue), Catalogue.dashboardTasksOverdue, SiteURL.with(SiteURL.tasks, [("unit", code), ("due", "overdue")])),
        ]
        let ageTotal = d.ages.values.flatMap(\.values).reduce(0, +)
        let ageBars: [Charts.Bar] = AgeBand.allCases.flatMap { band in
            Gender.allCases.map { gender in
                let n = d.ages[band]?[gender] ?? 0
                return Charts.Bar(
                    label: ctx.t(band.label) + " — " + ctx.t(gender.label), hundredths: ageTotal == 0 ? 0 : n * 10_000 / ageTotal,
                    figure: ctx.ratio(n, ageTotal), targetPercent: nil, met: nil)
            }
        }
        let most = max(1, d.admissionsByYear.map(\.count).max() ?? 1)
        let yearBars = d.admissionsByYear.map {
            Charts.Bar(label: String($0.year), hundredths: $0.count * 10_000 / most, figure: ctx.number($0.count), targetPercent: nil, met: nil)
        }
        let rated = d.lastYearRatings.values.reduce(0, +)
        let ratingBars = Rating.allCases.map { r in
            let n = d.lastYearRatings[r] ?? 0
            return Charts.Bar(label: ctx.t(Catalogue.ratingShort(r)), hundredths: rated == 0 ? 0 : n * 10_000 / rated, figure: ctx.ratio(n, rated), targetPercent: nil, met: nil)
        }
        let lastYear = Timestamp.vietnamDate().year - 1
        return """
            <section id="dashboard">
            <h2>\(ctx.t(Catalogue.dashboardMonth(p.label)))</h2>
            <div class="cards">\(monthCards)</div>
            <h2>\(ctx.t(Catalogue.dashboardWaiting))</h2>
            <div class="cards">\(waiting)</div>
            <div class="actions"><a class="button secondary" href="\(SiteURL.report(unit: code, period: p.key))">\(ctx.t(Catalogue.fullReport))</a></div>
            <h3>\(ctx.t(Catalogue.chartAges))</h3>\(Charts.bars(ageBars, title: ctx.t(Catalogue.chartAges), id: "chart-ages"))
            <h3>\(ctx.t(Catalogue.chartAdmissions))</h3>\(Charts.bars(yearBars, title: ctx.t(Catalogue.chartAdmissions), id: "chart-admissions", scaled: false))
            <h3>\(ctx.t(Catalogue.chartRatings(lastYear)))</h3>\(Charts.bars(ratingBars, title: ctx.t(Catalogue.chartRatings(lastYear)), id: "chart-dashboard-ratings"))
            </section>
            """
    }

    /// A local path to go to after log-in (never another site: `//host` is refused).
    static func safeNext(_ next: String) -> String { next.hasPrefix("/") && !next.hasPrefix("//") ? next : SiteURL.home }

    /// The second step of a log-in: the code of the authenticator app.
    func codePage(_ request: Request, _ context: AppContext, error: Localized?, status: HTTPResponse.Status) -> Response {
        let ctx = PageContext(principal: nil, csrf: context.csrfToken ?? "", language: .vi, path: request.uri.path)
        let next = request.query("next") ?? (context.form["next"] ?? "")
        let errorHTML: HTML = error.map { "<div class=\"errors\" role=\"alert\"><p>\(ctx.t($0))</p></div>" } ?? .empty
        let body: HTML = """
            <div class="login">
            <h1>\(ctx.t(Catalogue.secondFactor))</h1>
            \(errorHTML)
            <p>\(ctx.t(Catalogue.secondFactorPrompt))</p>
            <form method="post" action="\(SiteURL.loginCode)" class="stacked" id="code-form">
            \(ctx.csrfField)
            <input type="hidden" name="next" value="\(next)">
            <label for="code">\(ctx.t(Catalogue.secondFactorCode))</label>
            <input type="text" id="code" name="code" inputmode="numeric" autocomplete="one-time-code" pattern="[0-9 ]{6,7}" maxlength="7"
             required autofocus>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.verifyCode))</button></div>
            </form>
            </div>
            """
        return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.secondFactor), content: body), status: status)
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
