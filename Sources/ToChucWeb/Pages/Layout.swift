import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// What every page needs to draw its frame: who is looking, in which language, and the form token.
struct PageContext: Sendable {
    let principal: Principal?
    let csrf: String
    let language: Language
    let path: String
    /// The unit the page is about (its code), shown in the top bar's chooser.
    var selectedUnit: String? = nil
    /// The session must enroll a second factor first (issue 9): the frame offers nothing but the enrolment and log-out.
    var enrolling = false

    func t(_ text: Localized) -> String { text.text(language) }

    var csrfField: HTML { "<input type=\"hidden\" name=\"_csrf\" value=\"\(csrf)\">" }

    func number(_ n: Int) -> String { language == .vi ? VietnameseFormat.integer(n) : EnglishFormat.integer(n) }
    func decimal(_ x: Double, fractionDigits: Int) -> String {
        language == .vi ? VietnameseFormat.decimal(x, fractionDigits: fractionDigits) : EnglishFormat.decimal(x, fractionDigits: fractionDigits)
    }
    func ratio(_ part: Int, _ whole: Int) -> String { language == .vi ? VietnameseFormat.ratio(part, whole) : EnglishFormat.ratio(part, whole) }
    /// A percentage (50.5) in the user's convention (50,50% / 50.50%).
    func percent(_ x: Double, fractionDigits: Int = 2) -> String {
        language == .vi ? VietnameseFormat.percent(x, fractionDigits: fractionDigits) : EnglishFormat.percent(x, fractionDigits: fractionDigits)
    }
    func date(_ d: CivilDate?) -> String {
        guard let d else { return "" }
        return language == .vi ? VietnameseFormat.date(d) : EnglishFormat.date(d)
    }
    func timestamp(_ text: String) -> String {
        guard let date = Timestamp.parse(text) else { return text }
        return language == .vi ? VietnameseFormat.dateTime(date) : EnglishFormat.dateTime(date)
    }
}

/// One item of the left menu: an area of DOMAIN.md, with the link when the area exists in this version.
struct MenuArea {
    let title: Localized
    let link: String?
    let prefixes: [String]
}

enum Layout {
    static let areas: [MenuArea] = [
        MenuArea(title: Catalogue.areaOrganization, link: SiteURL.tree(), prefixes: ["/units", "/tree", "/restructure"]),
        MenuArea(title: Catalogue.areaMembers, link: SiteURL.members, prefixes: ["/members", "/admission"]),
        MenuArea(title: Catalogue.areaCadres, link: SiteURL.cadres, prefixes: ["/cadres", "/agencies", "/planning", "/training", "/exams", "/staffing", "/vetting"]),
        MenuArea(title: Catalogue.areaAssessment, link: SiteURL.assessment, prefixes: ["/assessment", "/rules", "/votes", "/meetings"]),
        MenuArea(title: Catalogue.areaCongress, link: SiteURL.congresses, prefixes: ["/congresses", "/elections"]),
        MenuArea(title: Catalogue.areaReports, link: SiteURL.reports, prefixes: ["/reports"]),
        MenuArea(title: Catalogue.areaDocuments, link: SiteURL.documents, prefixes: ["/documents", "/proposals", "/tasks", "/attachments"]),
        MenuArea(title: Catalogue.areaImport, link: SiteURL.importData, prefixes: ["/import"]),
        MenuArea(title: Catalogue.areaAdmin, link: SiteURL.admin, prefixes: ["/admin", "/audit"]),
    ]

    /// The page frame: top bar (user's unit, unit picker, account), left menu by area, breadcrumbs, content.
    static func page(_ ctx: PageContext, title: String, breadcrumbs: [(String, String?)] = [], flash: String? = nil, content: HTML)
        -> HTML
    {
        var top: HTML = .empty
        var menu: HTML = .empty
        if let p = ctx.principal {
            let account: HTML = """
                <div class="account">\(ctx.enrolling ? HTML("<span>\(p.displayName)</span>") : HTML("<a href=\"\(SiteURL.account)\">\(p.displayName)</a>")) (\(ctx.t(p.role.label)))
                <form method="post" action="\(SiteURL.logout)" class="inline">\(ctx.csrfField)<button type="submit" id="logout">\(ctx.t(Catalogue.logout))</button></form></div>
                """
            // Enrolling a second factor (issue 9): the enrolment page and log-out only, nothing that leads elsewhere.
            if ctx.enrolling { return frame(ctx, title: title, top: account, menu: .empty, crumbs: .empty, flash: flash, content: content) }
            top = """
                <div class="who"><span class="unit-label">\(ctx.t(Catalogue.yourUnit)):</span> <a href="\(SiteURL.unit(p.unitCode))" id="user-unit">\(p.unitName)</a></div>
                <form method="get" action="\(SiteURL.pickUnit)" class="picker" role="search">
                <label for="unit-picker">\(ctx.t(Catalogue.pickUnit))</label>
                \(UnitChooser.field(ctx, name: "q", id: "unit-picker", value: ctx.selectedUnit ?? "", autosubmit: true))
                <button type="submit">\(ctx.t(Catalogue.go))</button>
                </form>
                \(account)
                """
            let items: [HTML] = areas.map { area in
                let isAdmin = area.prefixes.contains("/admin")
                if isAdmin && !p.role.canReadAudit { return .empty }
                if area.prefixes.contains("/import") && !p.role.canWriteRecords { return .empty }
                let link = isAdmin ? (p.role.canManageAccounts ? SiteURL.adminUsers : SiteURL.audit) : area.link
                if let link {
                    let current = area.prefixes.contains { ctx.path.hasPrefix($0) } ? " aria-current=\"page\"" : ""
                    return "<li><a href=\"\(link)\"\(HTML(raw: current))>\(ctx.t(area.title))</a></li>"
                }
                return "<li><span class=\"later\" title=\"\(ctx.t(Catalogue.comingLater))\">\(ctx.t(area.title))</span></li>"
            }
            menu = "<nav class=\"menu\" aria-label=\"menu\"><ul>\(items)</ul></nav>"
        }
        let crumbs: HTML =
            breadcrumbs.isEmpty
            ? .empty
            : "<nav class=\"crumbs\" aria-label=\"breadcrumbs\"><ol>\(breadcrumbs.map { item -> HTML in item.1.map { "<li><a href=\"\($0)\">\(item.0)</a></li>" } ?? "<li aria-current=\"page\">\(item.0)</li>" })</ol></nav>"
        return frame(ctx, title: title, top: top, menu: menu, crumbs: crumbs, flash: flash, content: content)
    }

    private static func frame(_ ctx: PageContext, title: String, top: HTML, menu: HTML, crumbs: HTML, flash: String?, content: HTML) -> HTML {
        let lang = ctx.language.rawValue
        let flashHTML: HTML = flash.map { "<p class=\"flash\" role=\"status\">\($0)</p>" } ?? .empty
        return """
            <!doctype html>
            <html lang="\(lang)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="csrf-token" content="\(ctx.csrf)">
            <title>\(title) — ToChuc</title>
            <link rel="stylesheet" href="/static/app.css">
            <script src="/static/app.js" defer></script>
            </head>
            <body>
            <header class="top"><a class="brand" href="/">ToChuc</a>\(top)</header>
            <div class="frame">\(menu)<main id="main">\(crumbs)\(flashHTML)\(content)</main></div>
            </body>
            </html>
            """
    }

    /// What users read for a field key: its label where the catalogue has one, else the key itself.
    static func fieldName(_ ctx: PageContext, _ key: String) -> String { Catalogue.fieldLabel(key).map(ctx.t) ?? key }

    /// A table of field errors shown above a form.
    static func errors(_ ctx: PageContext, _ message: Localized?, _ errors: [FieldError]) -> HTML {
        guard message != nil || !errors.isEmpty else { return .empty }
        let items: [HTML] = errors.map { "<li><strong>\(fieldName(ctx, $0.field))</strong>: \(ctx.t($0.message))</li>" }
        return "<div class=\"errors\" role=\"alert\"><p>\(message.map(ctx.t) ?? "")</p><ul>\(items)</ul></div>"
    }

    /// Previous/next links that keep the other query parameters.
    /// `atLeast`: the total was counted only so far (a search over millions), shown as "more than".
    static func pager(_ ctx: PageContext, page: Int, pageCount: Int, total: Int, atLeast: Bool = false, link: (Int) -> String) -> HTML {
        let prev: HTML = page > 1 ? "<a rel=\"prev\" href=\"\(link(page - 1))\">\(ctx.t(Catalogue.previousPage))</a>" : .empty
        let next: HTML = page < pageCount ? "<a rel=\"next\" href=\"\(link(page + 1))\">\(ctx.t(Catalogue.nextPage))</a>" : .empty
        return "<nav class=\"pager\">\(prev) <span>\(ctx.t(atLeast ? Catalogue.pageOfMany(ctx.number(page), ctx.number(pageCount), ctx.number(total)) : Catalogue.pageOf(ctx.number(page), ctx.number(pageCount), ctx.number(total))))</span> \(next)</nav>"
    }

    /// The page of a refused stale save: what changed since the form was opened, and the way back to a fresh form.
    static func conflict(_ ctx: PageContext, title: String, message: Localized, changes: [FieldChange], retry: String) -> HTML {
        let rows: [HTML] = changes.map { "<tr><td>\(fieldName(ctx, $0.field))</td><td>\($0.old ?? "∅")</td><td>\($0.new ?? "∅")</td></tr>" }
        let body: HTML = """
            <h1>\(title)</h1>
            <div class="errors" role="alert"><p>\(ctx.t(message))</p></div>
            <table id="conflict-changes"><thead><tr><th>\(ctx.t(Catalogue.field))</th><th>\(ctx.t(Catalogue.yourBase))</th><th>\(ctx.t(Catalogue.theirValue))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            <div class="actions"><a class="button" href="\(retry)">\(ctx.t(Catalogue.reloadAndRetry))</a></div>
            """
        return page(ctx, title: title, content: body)
    }

    /// The history of a record from the audit log, newest first.
    static func history(_ ctx: PageContext, _ entries: [AuditEntry]) -> HTML {
        guard !entries.isEmpty else { return "<p>\(ctx.t(Catalogue.noRecords))</p>" }
        let rows: [HTML] = entries.reversed().map { entry in
            let changes: [HTML] = entry.changes.map { change in
                "<li>\(fieldName(ctx, change.field)): \(change.old ?? "∅") → \(change.new ?? "∅")</li>"
            }
            return """
                <tr><td>\(ctx.timestamp(entry.at))</td><td>\(entry.actor)</td><td>\(entry.address)</td>
                <td>\(ctx.t(Catalogue.auditAction(entry.action)))</td><td><ul class="changes">\(changes)</ul></td></tr>
                """
        }
        return """
            <table class="history"><thead><tr><th>\(ctx.t(Catalogue.when))</th><th>\(ctx.t(Catalogue.who))</th>
            <th>\(ctx.t(Catalogue.fromAddress))</th><th>\(ctx.t(Catalogue.action))</th><th>\(ctx.t(Catalogue.changes))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
    }
}

/// Every route's path, built in one place so that no URL is typed twice.
enum SiteURL {
    static let home = "/"
    static let login = "/login"
    static let logout = "/logout"
    static let account = "/account"
    static let accountLanguage = "/account/language"
    static let accountPassword = "/account/password"
    static let tokens = "/account/tokens"
    static func revokeToken(_ id: Int64) -> String { "/account/tokens/\(id)/revoke" }
    static let admin = "/admin/users"
    static let adminUsers = "/admin/users"
    static let adminDatabase = "/admin/database"
    static func disableUser(_ username: String) -> String { "/admin/users/\(escape(username))/disable" }
    static func resetPassword(_ username: String) -> String { "/admin/users/\(escape(username))/reset-password" }
    static func resetSecondFactor(_ username: String) -> String { "/admin/users/\(escape(username))/reset-two-factor" }
    /// The second step of a log-in: the TOTP code.
    static let loginCode = "/login/code"
    static let twoFactor = "/account/two-factor"
    static let logoutEverywhere = "/account/logout-all"
    static let audit = "/audit"
    static let pickUnit = "/units/pick"
    static func pickUnit(q: String, page: Int = 1) -> String { pickUnit + "?q=" + escape(q) + (page > 1 ? "&page=\(page)" : "") }
    static let members = "/members"
    static let demo = "/admin/demo"
    static let demoProgress = "/admin/demo/progress"
    static let importData = "/import"
    static func importJob(_ id: String) -> String { "/import/jobs/" + escape(id) }
    static let newMember = "/members/new"
    static let membersExport = "/members/export"
    static let dataCheck = "/members/check"
    static let mergeMembers = "/members/merge"
    static func mergeMembers(keep: Int64, duplicate: Int64) -> String { "/members/merge?keep=\(keep)&duplicate=\(duplicate)" }
    static let badges = "/members/badges"
    static let membersAway = "/members/away"
    static let admission = "/admission"
    static func admissionCase(_ id: Int64) -> String { "/admission/\(id)" }
    static func member(_ id: Int64) -> String { "/members/\(id)" }
    static func editMember(_ id: Int64) -> String { "/members/\(id)/edit" }
    static let newUnit = "/units/new"
    static let unitsExport = "/units/export"
    static func units(q: String = "", page: Int = 1, sort: String = "") -> String {
        var items: [String] = []
        if !q.isEmpty { items.append("q=" + escape(q)) }
        if page > 1 { items.append("page=\(page)") }
        if !sort.isEmpty { items.append("sort=" + escape(sort)) }
        return "/units" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }
    static func unit(_ code: String) -> String { "/units/" + escape(code) }
    static func unit(_ code: String, asOf: CivilDate?) -> String { unit(code) + (asOf.map { "?as_of=\($0.iso)" } ?? "") }
    static func restructureUnit(_ code: String) -> String { "/units/" + escape(code) + "/restructure" }
    static func correctEvent(_ id: Int64) -> String { "/restructure/events/\(id)/correct" }
    static func tree(root: String? = nil, asOf: CivilDate? = nil) -> String {
        var items: [String] = []
        if let root { items.append("root=" + escape(root)) }
        if let asOf { items.append("as_of=" + asOf.iso) }
        return "/tree" + (items.isEmpty ? "" : "?" + items.joined(separator: "&"))
    }
    static func editUnit(_ code: String) -> String { "/units/" + escape(code) + "/edit" }

    /// Percent-encodes a path segment or query value. Codes and ids, the usual values, are plain ASCII and pass as they
    /// are; the character set is built once (building it per call cost 1 % of a page).
    static func escape(_ s: String) -> String {
        if s.utf8.allSatisfy({ isUnreserved($0) }) { return s }
        return s.addingPercentEncoding(withAllowedCharacters: allowed) ?? s
    }

    private static let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_.~"))

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"): true
        default: false
        }
    }
}
