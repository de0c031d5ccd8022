import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerUnitPages(_ router: Router<AppContext>) {
        router.get("/units") { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            let q = request.query("q") ?? ""
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let sortKey = request.query("sort") ?? ""
            let sort = UnitSort(rawValue: sortKey) ?? .tree
            let result = try await services.units.list(principal, query: q, page: page, perPage: 50, sort: sort)
            let rows: [HTML] = result.items.map { unit in
                """
                <tr><td><a href="\(SiteURL.unit(unit.code))">\(unit.code)</a></td><td>\(unit.name)</td><td>\(ctx.t(unit.kind.label))</td>
                <td>\(unit.parentCode ?? "")</td><td>\(ctx.t(unit.hasCommittee ? Catalogue.yes : Catalogue.no))</td></tr>
                """
            }
            let sortOptions: [HTML] = UnitSort.allCases.map { option in
                let selected = option == sort ? " selected" : ""
                return "<option value=\"\(option.rawValue)\"\(HTML(raw: selected))>\(ctx.t(Catalogue.unitSort(option.rawValue)))</option>"
            }
            let newButton: HTML =
                principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.newUnit)\">\(ctx.t(Catalogue.newUnit))</a>" : .empty
            let table: HTML =
                result.items.isEmpty
                ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
                : """
                <table id="units-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.name))</th>
                <th>\(ctx.t(Catalogue.kind))</th><th>\(ctx.t(Catalogue.parentCode))</th><th>\(ctx.t(Catalogue.hasCommittee))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.units))</h1>
                <form method="get" action="/units" class="searchbar" role="search">
                <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(q)" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
                <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sortOptions)</select></div>
                <button type="submit">\(ctx.t(Catalogue.search))</button>
                </form>
                <div class="actions">\(newButton)
                <a class="button secondary" href="\(SiteURL.unitsExport)?format=xlsx">\(ctx.t(Catalogue.downloadXLSX))</a>
                <a class="button secondary" href="\(SiteURL.unitsExport)?format=csv">\(ctx.t(Catalogue.downloadCSV))</a></div>
                \(table)
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) { SiteURL.units(q: q, page: $0, sort: sortKey) })
                """
            return Responses.html(
                Layout.page(ctx, title: ctx.t(Catalogue.units), breadcrumbs: [(ctx.t(Catalogue.units), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.pickUnit)) { request, context in
            let principal = try context.requirePrincipal()
            let code = request.query("code") ?? ""
            let unit = try await services.units.get(principal, code: code)
            return Responses.redirect(SiteURL.unit(unit.code))
        }
        router.get(RouterPath(SiteURL.unitsExport)) { request, context in
            let principal = try context.requirePrincipal()
            let format = request.query("format") ?? "xlsx"
            let rows = try await services.interchange.orgUnitRows(principal)
            let download = try SpreadsheetDownload.make(
                rows: rows, sheetName: OrgUnitsFile.sheetName, format: format, principal: principal,
                baseName: "to-chuc-\(principal.unitCode.isEmpty ? "tat-ca" : principal.unitCode)")
            try await services.interchange.recordDownload(principal, name: download.fileName, rows: rows.count - 1)
            return Responses.bytes(download.data, contentType: download.contentType, fileName: download.fileName)
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
    static func dateInput(_ ctx: PageContext, name: String, value: String) -> HTML {
        let shown = CivilDate(parsing: value).map { ctx.date($0) } ?? value
        return "<input type=\"text\" id=\"\(name)\" name=\"\(name)\" value=\"\(shown)\" placeholder=\"\(ctx.t(Catalogue.datePlaceholder))\" inputmode=\"numeric\" maxlength=\"10\">"
    }
}
