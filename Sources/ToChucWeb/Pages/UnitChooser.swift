import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// The unit chooser (issue 8): a text field for a unit's name or code that reaches every unit of the user's scope.
/// Without JavaScript the form is submitted and the server resolves the text (`UnitService.choose`): an exact code is
/// that unit, anything else gives a paged list of matching units to pick from. `/static/app.js` adds suggestions from
/// `GET /api/v1/unit-choices` as the user types (inputs marked `data-unit-chooser`).
enum UnitChooser {
    /// The text field; `autosubmit` submits its form when a suggestion is picked (the top bar's picker).
    static func field(
        _ ctx: PageContext, name: String, id: String, value: String, required: Bool = false, autosubmit: Bool = false
    ) -> HTML {
        let flags = (required ? " required" : "") + (autosubmit ? " data-autosubmit" : "")
        return """
            <span class="chooser"><input type="search" id="\(id)" name="\(name)" value="\(value)" maxlength="200" autocomplete="off" \
            data-unit-chooser placeholder="\(ctx.t(Catalogue.unitChooserPlaceholder))" title="\(ctx.t(Catalogue.unitChooserHelp))"\(HTML(raw: flags))></span>
            """
    }

    /// One unit as a line of a list of matches: name, code, kind, parent, and whether it is dissolved.
    static func describe(_ ctx: PageContext, _ match: UnitMatch) -> HTML {
        let u = match.unit
        let parent: HTML = match.parentName.map { " · \(ctx.t(Catalogue.unitUnder)) \($0)" } ?? .empty
        let dissolved: HTML = u.dissolvedOn != nil ? " · \(ctx.t(Catalogue.unitDissolvedMark))" : .empty
        return "<span class=\"muted\">\(u.code) · \(ctx.t(u.kind.label))\(parent)\(dissolved)</span>"
    }

    /// The matches of a typed text as links (`link` gives the page of the chosen unit), with a pager.
    static func matchList(
        _ ctx: PageContext, text: String, matches: Page<UnitMatch>, link: (OrgUnit) -> String, pageLink: (Int) -> String
    ) -> HTML {
        let items: [HTML] = matches.items.map { m in
            "<li data-code=\"\(m.unit.code)\"><a href=\"\(link(m.unit))\">\(m.unit.name)</a> \(describe(ctx, m))</li>"
        }
        return """
            <section class="chooser-results" id="unit-matches" aria-labelledby="unit-matches-title">
            <h2 id="unit-matches-title">\(ctx.t(Catalogue.unitMatchesFor(text)))</h2>
            <p role="status">\(ctx.t(Catalogue.pickOneUnit))</p>
            <ul class="unit-matches">\(items)</ul>
            \(Layout.pager(ctx, page: matches.page, pageCount: matches.pageCount, total: matches.total, link: pageLink))
            </section>
            """
    }

    /// The matches as radio buttons inside a POST form (the new-user form), placed before the text field of the same name:
    /// a checked one is the first value sent, so it wins; none checked, the (retyped) text is resolved again.
    static func radioList(_ ctx: PageContext, name: String, matches: Page<UnitMatch>) -> HTML {
        let items: [HTML] = matches.items.enumerated().map { i, m in
            """
            <li class="check"><input type="radio" name="\(name)" value="\(m.unit.code)" id="\(name)-\(i)"> \
            <label for="\(name)-\(i)">\(m.unit.name)</label> \(describe(ctx, m))</li>
            """
        }
        let more: HTML =
            matches.total > matches.items.count
            ? "<p class=\"muted\">\(ctx.t(Catalogue.pageOf(ctx.number(1), ctx.number(matches.pageCount), ctx.number(matches.total))))</p>" : .empty
        return "<fieldset class=\"chooser-results\" id=\"unit-matches\"><legend>\(ctx.t(Catalogue.pickOneUnit))</legend><ul class=\"unit-matches\">\(items)</ul>\(more)</fieldset>"
    }
}

extension Site {
    /// `GET /units/pick?q=…`: the top bar's chooser. An exact code goes to the unit; other text lists the matches.
    func unitPickPage(_ request: Request, _ context: AppContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let text = (request.query("q") ?? request.query("code") ?? "").trimmed
        let page = request.query("page").flatMap { Int($0) } ?? 1
        var ctx = try await pageContext(request, context)
        ctx.selectedUnit = text
        let title = ctx.t(Catalogue.pickUnit)
        func frame(_ content: HTML, status: HTTPResponse.Status) -> Response {
            Responses.html(Layout.page(ctx, title: title, breadcrumbs: [(title, nil)], content: "<h1>\(title)</h1>\(content)"), status: status)
        }
        do {
            switch try await services.units.choose(principal, text: text, page: page) {
            case .unit(let unit):
                return Responses.redirect(SiteURL.unit(unit.code))
            case .matches(let matches):
                let list = UnitChooser.matchList(
                    ctx, text: text, matches: matches, link: { SiteURL.unit($0.code) }, pageLink: { SiteURL.pickUnit(q: text, page: $0) })
                return frame(list, status: .ok)
            }
        } catch DomainError.notFound(let message) {
            return frame("<div class=\"errors\" role=\"alert\" id=\"unit-choice-error\"><p>\(ctx.t(message))</p></div>", status: .notFound)
        } catch DomainError.invalid(let message, _) {
            return frame("<div class=\"errors\" role=\"alert\" id=\"unit-choice-error\"><p>\(ctx.t(message))</p></div>", status: .unprocessableContent)
        }
    }
}
