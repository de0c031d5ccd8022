import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerUnitPages(_ router: Router<AppContext>) {
        router.get("/units") { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.unitListQuery(request)
            let ctx = try await pageContext(request, context)
            let result = try await services.units.list(
                principal, query: query.text, page: query.page, perPage: 50, sort: query.sort, asOf: query.asOf, filter: query.filter)
            return Responses.html(unitsPage(ctx, principal, query, result))
        }
        router.get(RouterPath(SiteURL.pickUnit)) { request, context in try await unitPickPage(request, context) }
        router.get(RouterPath(SiteURL.unitsExport)) { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.unitListQuery(request)
            let units = try await Page.all { page, perPage in
                try await services.units.list(
                    principal, query: query.text, page: page, perPage: perPage, sort: query.sort, asOf: query.asOf, filter: query.filter)
            }
            let language = principal.language
            let header = [
                Catalogue.code, Catalogue.name, Catalogue.kind, Catalogue.parentCode, Catalogue.sectorLabel, Catalogue.hasCommittee,
                Catalogue.foundedOn,
                Catalogue.dissolvedOn,
            ].map { $0.text(language) }
            let rows =
                [header]
                + units.map { u in
                    [
                        u.code, u.name, u.kind.label.text(language), u.parentCode ?? "", u.sector.label.text(language),
                        (u.hasCommittee ? Catalogue.yes : Catalogue.no).text(language), Self.day(u.foundedOn, language),
                        Self.day(u.dissolvedOn, language),
                    ]
                }
            return try await download(
                request, principal, rows: rows, sheet: OrgUnitsFile.sheetName, baseName: Self.fileName("to-chuc", principal, unit: query.filter.under)
            )
        }
        router.get(RouterPath(SiteURL.newUnit)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            let parent = request.query("parent") ?? principal.unitCode
            let draft = UnitDraft(
                code: "", name: "", kind: UnitKind.cell.rawValue, parentCode: parent, sector: Sector.other.rawValue,
                hasCommittee: false, foundedOn: "", dissolvedOn: "")
            return Responses.html(unitForm(ctx, draft: draft, version: nil, message: nil, errors: []))
        }
        router.post("/units") { request, context in
            let principal = try context.requirePrincipal()
            let draft = Self.unitDraft(from: context.form)
            do {
                let unit = try await services.units.create(principal, draft)
                return Responses.redirect(SiteURL.unit(unit.code) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    unitForm(ctx, draft: draft, version: nil, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get("/units/:code") { request, context in
            let principal = try context.requirePrincipal()
            var ctx = try await pageContext(request, context)
            let code = try context.parameters.require("code")
            let current = try await services.units.get(principal, code: code)
            ctx.selectedUnit = current.code
            let asOfText = request.query("as_of") ?? request.query("asOf") ?? ""
            let asOf = CivilDate(parsing: asOfText)
            let date = asOf ?? Timestamp.vietnamDate()
            let shown = try await services.units.get(principal, code: code, asOf: date)
            async let children = services.units.children(principal, of: current, asOf: date)
            async let ancestors = services.units.ancestors(principal, of: current)
            async let history = services.units.history(principal, code: code)
            async let versions = services.units.versions(principal, code: code)
            async let events = services.restructuring.events(principal, code: code)
            async let stats = services.units.stats(principal, code: code, asOf: date)
            let unit = shown ?? current
            let childRows: [HTML] = try await children.map { child in
                "<tr><td><a href=\"\(SiteURL.unit(child.code, asOf: asOf))\">\(child.code)</a></td><td>\(child.name)</td><td>\(ctx.t(child.kind.label))</td><td>\(ctx.t(child.hasCommittee ? Catalogue.yes : Catalogue.no))</td></tr>"
            }
            let editButtons: HTML =
                principal.role.canWriteRecords && current.dissolvedOn == nil
                ? """
                <a class="button" href="\(SiteURL.editUnit(unit.code))">\(ctx.t(Catalogue.edit))</a>
                <a class="button secondary" href="\(SiteURL.restructureUnit(unit.code))">\(ctx.t(Catalogue.restructure))</a>
                <a class="button secondary" href="\(SiteURL.newUnit)?parent=\(SiteURL.escape(unit.code))">\(ctx.t(Catalogue.newSubUnit))</a>
                """ : .empty
            let crumbs = try await ancestors.map { ($0.name, Optional(SiteURL.unit($0.code))) } + [(unit.name, nil)]
            let subTable: HTML =
                childRows.isEmpty
                ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
                : """
                <table id="sub-units"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.name))</th><th>\(ctx.t(Catalogue.kind))</th><th>\(ctx.t(Catalogue.hasCommittee))</th></tr></thead>
                <tbody>\(childRows)</tbody></table>
                """
            let notThen: HTML = shown == nil ? "<p class=\"errors\">\(ctx.t(Catalogue.unitNotOnDate(code, ctx.date(date))))</p>" : .empty
            let figures = try await stats
            let statCards: [HTML] = UnitKind.allCases.compactMap { kind in
                guard let n = figures.unitsByKind[kind.rawValue], n > 0 else { return nil }
                return "<div class=\"card\"><div class=\"figure\">\(ctx.number(n))</div><div>\(ctx.t(kind.label))</div></div>"
            }
            let committeeCard: HTML =
                figures.cells > 0
                ? "<div class=\"card\"><div class=\"figure\">\(ctx.ratio(figures.cellsWithCommittee, figures.cells))</div><div>\(ctx.t(Catalogue.cellsWithCommittee))</div></div>"
                : .empty
            let body: HTML = """
                <h1>\(unit.name)</h1>
                <form method="get" action="\(SiteURL.unit(code))" class="searchbar" id="as-of-form">
                <div><label for="as_of">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "as_of", value: asOf?.iso ?? ""))</div>
                <button type="submit">\(ctx.t(Catalogue.view))</button>
                <a href="\(SiteURL.tree(root: code, asOf: asOf))">\(ctx.t(Catalogue.tree))</a>
                </form>
                \(notThen)
                <dl class="facts">
                <dt>\(ctx.t(Catalogue.code))</dt><dd>\(unit.code)</dd>
                <dt>\(ctx.t(Catalogue.kind))</dt><dd>\(ctx.t(unit.kind.label))</dd>
                <dt>\(ctx.t(Catalogue.parent))</dt><dd>\(parentLink(unit, principal))</dd>
                <dt>\(ctx.t(Catalogue.sectorLabel))</dt><dd>\(ctx.t(unit.sector.label))</dd>
                <dt>\(ctx.t(Catalogue.hasCommittee))</dt><dd>\(ctx.t(unit.hasCommittee ? Catalogue.yes : Catalogue.no))</dd>
                <dt>\(ctx.t(Catalogue.foundedOn))</dt><dd>\(ctx.date(current.foundedOn))</dd>
                <dt>\(ctx.t(Catalogue.dissolvedOn))</dt><dd>\(ctx.date(current.dissolvedOn))</dd>
                </dl>
                <div class="actions">\(editButtons)</div>
                <h2>\(ctx.t(Catalogue.unitsInSubtree)) — \(ctx.date(date))</h2>
                <div class="cards" id="subtree-stats">\(statCards)\(committeeCard)</div>
                <h2>\(ctx.t(Catalogue.subUnits))</h2>
                \(subTable)
                <h2>\(ctx.t(Catalogue.timeline))</h2>
                \(timeline(ctx, try await versions, try await events, canCorrect: principal.role.canWriteRecords))
                <h2>\(ctx.t(Catalogue.history))</h2>
                \(Layout.history(ctx, try await history))
                """
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.unitSaved) : nil
            return Responses.html(Layout.page(ctx, title: unit.name, breadcrumbs: crumbs, flash: flash, content: body))
        }
        router.get("/units/:code/edit") { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            let unit = try await services.units.get(principal, code: try context.parameters.require("code"))
            return Responses.html(unitForm(ctx, draft: unit.draft, version: unit.version, message: nil, errors: []))
        }
        router.post("/units/:code") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            var draft = Self.unitDraft(from: context.form)
            draft.code = code
            guard let version = Int(context.form.string("version")) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.invalidNumber)])
            }
            do {
                let unit = try await services.units.update(principal, code: code, draft, expectedVersion: version)
                return Responses.redirect(SiteURL.unit(unit.code) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    unitForm(ctx, draft: draft, version: version, message: message, errors: errors), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(Layout.conflict(ctx, title: ctx.t(Catalogue.editUnit), message: message, changes: changes, retry: SiteURL.editUnit(code)), status: .conflict)
            }
        }
    }

    private func parentLink(_ unit: OrgUnit, _ principal: Principal) -> HTML {
        guard let parent = unit.parentCode else { return "—" }
        // The parent of the user's own unit lies outside their scope: name it without a link.
        return unit.path == principal.unitPath ? "\(parent)" : "<a href=\"\(SiteURL.unit(parent))\">\(parent)</a>"
    }

    static func unitDraft(from form: FormData) -> UnitDraft {
        UnitDraft(
            code: form.string("code"), name: form.string("name"), kind: form.string("kind"), parentCode: form.string("parent_code"),
            sector: form.string("sector"), hasCommittee: form.flag("has_committee"), foundedOn: form.string("founded_on"),
            dissolvedOn: form.string("dissolved_on"))
    }

    func unitForm(_ ctx: PageContext, draft: UnitDraft, version: Int?, message: Localized?, errors: [FieldError]) -> HTML {
        let editing = version != nil
        let kindOptions: [HTML] = UnitKind.allCases.map { kind in
            "<option value=\"\(kind.rawValue)\"\(HTML(raw: draft.kind == kind.rawValue ? " selected" : ""))>\(ctx.t(kind.label))</option>"
        }
        let sectorOptions: [HTML] = Sector.allCases.map { sector in
            "<option value=\"\(sector.rawValue)\"\(HTML(raw: draft.sector == sector.rawValue ? " selected" : ""))>\(ctx.t(sector.label))</option>"
        }
        let action = editing ? SiteURL.unit(draft.code) : "/units"
        let codeField: HTML =
            editing
            ? "<p><strong>\(ctx.t(Catalogue.code)):</strong> \(draft.code)</p><input type=\"hidden\" name=\"version\" value=\"\(version ?? 0)\">"
            : "<label for=\"code\">\(ctx.t(Catalogue.code))</label><input type=\"text\" id=\"code\" name=\"code\" value=\"\(draft.code)\" required maxlength=\"40\">"
        let title = ctx.t(editing ? Catalogue.editUnit : Catalogue.newUnit)
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="unit-form">
            \(ctx.csrfField)
            \(codeField)
            <label for="name">\(ctx.t(Catalogue.name))</label>
            <input type="text" id="name" name="name" value="\(draft.name)" required maxlength="300">
            <label for="kind">\(ctx.t(Catalogue.kind))</label>
            <select id="kind" name="kind">\(kindOptions)</select>
            \(editing
                ? "<p><strong>\(ctx.t(Catalogue.parentCode)):</strong> \(draft.parentCode)</p><input type=\"hidden\" name=\"parent_code\" value=\"\(draft.parentCode)\">"
                : "<label for=\"parent_code\">\(ctx.t(Catalogue.parentCode))</label><input type=\"text\" id=\"parent_code\" name=\"parent_code\" value=\"\(draft.parentCode)\">")
            <label for="sector">\(ctx.t(Catalogue.sectorLabel))</label>
            <select id="sector" name="sector">\(sectorOptions)</select>
            <div class="check"><input type="checkbox" id="has_committee" name="has_committee" value="true"\(HTML(raw: draft.hasCommittee ? " checked" : ""))>
            <label for="has_committee">\(ctx.t(Catalogue.hasCommittee))</label></div>
            <label for="founded_on">\(ctx.t(Catalogue.foundedOn))</label>
            \(Self.dateInput(ctx, name: "founded_on", value: draft.foundedOn))
            \(editing
                ? "<input type=\"hidden\" name=\"dissolved_on\" value=\"\(draft.dissolvedOn)\"><p class=\"muted\">\(ctx.t(Catalogue.useRestructuring))</p>"
                : "<label for=\"dissolved_on\">\(ctx.t(Catalogue.dissolvedOn))</label>\(Self.dateInput(ctx, name: "dissolved_on", value: draft.dissolvedOn))")
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(editing ? SiteURL.unit(draft.code) : SiteURL.units())">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.units), SiteURL.units()), (title, nil)], content: body)
    }

    /// A date typed the Vietnamese way (dd/mm/yyyy; yyyy-mm-dd is accepted too): the browser's own date picker
    /// would show the browser's locale instead.
    /// The unit list's filters as a request has them (the page, its download and the API read the same names).
    struct UnitListQuery {
        var text = ""
        var sortKey = ""
        var sort = UnitSort.tree
        var asOf: CivilDate? = nil
        var filter = UnitFilter()
        var page = 1

        /// The filters as link parameters (without the page).
        var parameters: [(String, String)] {
            [
                ("q", text), ("sort", sortKey), ("as_of", asOf?.iso ?? ""), ("under", filter.under), ("kind", filter.kind?.rawValue ?? ""),
                ("sector", filter.sector?.rawValue ?? ""), ("committee", filter.hasCommittee.map { $0 ? "1" : "0" } ?? ""),
                ("founded_from", filter.foundedFrom?.iso ?? ""), ("founded_to", filter.foundedTo?.iso ?? ""),
            ]
        }
    }

    static func unitListQuery(_ request: Request) throws -> UnitListQuery {
        var q = UnitListQuery()
        var errors: [FieldError] = []
        func value<T>(_ name: String, _ parse: (String) -> T?) -> T? {
            guard let text = request.query(name)?.trimmed, !text.isEmpty else { return nil }
            guard let parsed = parse(text) else {
                errors.append(FieldError(name, Catalogue.unknownValue(text)))
                return nil
            }
            return parsed
        }
        q.text = request.query("q") ?? ""
        q.sortKey = request.query("sort") ?? ""
        q.sort = value("sort", UnitSort.init(rawValue:)) ?? .tree
        q.asOf = value("as_of", CivilDate.init(parsing:)) ?? value("asOf", CivilDate.init(parsing:))
        q.filter.under = (request.query("under") ?? "").trimmed
        q.filter.kind = value("kind", UnitKind.init(rawValue:))
        q.filter.sector = value("sector", Sector.init(rawValue:))
        q.filter.hasCommittee = value("committee") { ["1": true, "true": true, "0": false, "false": false][$0] }
        q.filter.foundedFrom = value("founded_from", CivilDate.init(parsing:))
        q.filter.foundedTo = value("founded_to", CivilDate.init(parsing:))
        q.page = max(1, request.query("page").flatMap { Int($0) } ?? 1)
        guard errors.isEmpty else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return q
    }

    /// A date in the principal's language, empty for none (for downloads).
    static func day(_ date: CivilDate?, _ language: Language) -> String {
        date.map { language == .vi ? VietnameseFormat.date($0) : EnglishFormat.date($0) } ?? ""
    }

    /// The units of the subtree on a date with their filters, the download of the same list and the pager.
    func unitsPage(_ ctx: PageContext, _ principal: Principal, _ query: UnitListQuery, _ result: Page<OrgUnit>) -> HTML {
        let rows: [HTML] = result.items.map { unit in
            """
            <tr><td><a href="\(SiteURL.unit(unit.code, asOf: query.asOf))">\(unit.code)</a></td><td>\(unit.name)</td><td>\(ctx.t(unit.kind.label))</td>
            <td>\(unit.parentCode ?? "")</td><td>\(ctx.t(unit.sector.label))</td><td>\(ctx.t(unit.hasCommittee ? Catalogue.yes : Catalogue.no))</td>
            <td>\(ctx.date(unit.foundedOn))</td></tr>
            """
        }
        func select(_ name: String, _ label: Localized, _ pairs: [(String, String)], _ selected: String) -> HTML {
            "<div><label for=\"\(name)\">\(ctx.t(label))</label><br><select id=\"\(name)\" name=\"\(name)\">\(options(pairs, selected: selected, empty: ctx.t(Catalogue.anyValue)))</select></div>"
        }
        let f = query.filter
        let sortOptions: [HTML] = UnitSort.allCases.map { option in
            "<option value=\"\(option.rawValue)\"\(HTML(raw: option == query.sort ? " selected" : ""))>\(ctx.t(Catalogue.unitSort(option.rawValue)))</option>"
        }
        let newButton: HTML =
            principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.newUnit)\">\(ctx.t(Catalogue.newUnit))</a>" : .empty
        let table: HTML =
            result.items.isEmpty
            ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="units-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.name))</th>
            <th>\(ctx.t(Catalogue.kind))</th><th>\(ctx.t(Catalogue.parentCode))</th><th>\(ctx.t(Catalogue.sectorLabel))</th>
            <th>\(ctx.t(Catalogue.hasCommittee))</th><th>\(ctx.t(Catalogue.foundedOn))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.units))</h1>
            <form method="get" action="/units" class="searchbar" role="search" id="units-filter">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
            <div><label for="under">\(ctx.t(Catalogue.unitsUnder))</label><br><input type="text" id="under" name="under" value="\(f.under)" maxlength="40"></div>
            \(select("kind", Catalogue.kind, UnitKind.allCases.map { ($0.rawValue, ctx.t($0.label)) }, f.kind?.rawValue ?? ""))
            \(select("sector", Catalogue.sectorLabel, Sector.allCases.map { ($0.rawValue, ctx.t($0.label)) }, f.sector?.rawValue ?? ""))
            \(select("committee", Catalogue.hasCommittee, [("1", ctx.t(Catalogue.yes)), ("0", ctx.t(Catalogue.no))], f.hasCommittee.map { $0 ? "1" : "0" } ?? ""))
            <div><label for="founded_from">\(ctx.t(Catalogue.foundedFrom))</label><br>\(Self.dateInput(ctx, name: "founded_from", value: f.foundedFrom?.iso ?? ""))</div>
            <div><label for="founded_to">\(ctx.t(Catalogue.foundedTo))</label><br>\(Self.dateInput(ctx, name: "founded_to", value: f.foundedTo?.iso ?? ""))</div>
            <div><label for="as_of">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "as_of", value: query.asOf?.iso ?? ""))</div>
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sortOptions)</select></div>
            <button type="submit">\(ctx.t(Catalogue.search))</button>
            </form>
            <div class="actions">\(newButton)</div>
            \(Self.exportLinks(ctx, SiteURL.unitsExport, query.parameters))
            \(table)
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.units(), query.parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.units), breadcrumbs: [(ctx.t(Catalogue.units), nil)], content: body)
    }

    static func dateInput(_ ctx: PageContext, name: String, value: String) -> HTML {
        let shown = CivilDate(parsing: value).map { ctx.date($0) } ?? value
        return "<input type=\"text\" id=\"\(name)\" name=\"\(name)\" value=\"\(shown)\" placeholder=\"\(ctx.t(Catalogue.datePlaceholder))\" inputmode=\"numeric\" maxlength=\"10\">"
    }
}
