import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerRestructurePages(_ router: Router<AppContext>) {
        router.get("/tree") { request, context in
            let principal = try context.requirePrincipal()
            var ctx = try await pageContext(request, context)
            let asOf = CivilDate(parsing: request.query("as_of") ?? "")
            let date = asOf ?? Timestamp.vietnamDate()
            let rootCode = request.query("root") ?? principal.unitCode
            let root = try await services.units.get(principal, code: rootCode)
            ctx.selectedUnit = root.code
            let ancestors = try await services.units.ancestors(principal, of: root)
            let node = try await treeNode(ctx, principal, root, date: date, asOf: asOf, depth: 0)
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.tree)): \(root.name)</h1>
                <form method="get" action="/tree" class="searchbar" id="tree-form">
                <input type="hidden" name="root" value="\(root.code)">
                <div><label for="as_of">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "as_of", value: asOf?.iso ?? ""))</div>
                <button type="submit">\(ctx.t(Catalogue.view))</button>
                </form>
                <form method="get" action="/units" class="searchbar" role="search">
                <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
                <input type="hidden" name="as_of" value="\(asOf?.iso ?? "")">
                <button type="submit">\(ctx.t(Catalogue.search))</button>
                <a href="\(SiteURL.units())">\(ctx.t(Catalogue.units))</a>
                </form>
                <p class="muted">\(ctx.t(Catalogue.treeLegend(ctx.date(date))))</p>
                \(Self.exportLinks(ctx, SiteURL.unitsExport, [("under", root.code), ("as_of", asOf?.iso ?? "")]))
                <div class="tree" id="unit-tree">\(node)</div>
                """
            let crumbs = ancestors.map { ($0.name, Optional(SiteURL.tree(root: $0.code, asOf: asOf))) } + [(root.name, nil)]
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.tree), breadcrumbs: crumbs, content: body))
        }
        router.get("/units/:code/restructure") { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            var ctx = try await pageContext(request, context)
            let unit = try await services.units.get(principal, code: try context.parameters.require("code"))
            ctx.selectedUnit = unit.code
            return Responses.html(try await restructurePage(ctx, principal, unit, form: FormData(), message: nil, errors: [], preview: nil))
        }
        router.post("/units/:code/restructure") { request, context in
            let principal = try context.requirePrincipal()
            var ctx = try await pageContext(request, context)
            let unit = try await services.units.get(principal, code: try context.parameters.require("code"))
            ctx.selectedUnit = unit.code
            let form = context.form
            do {
                let step = try Self.step(from: form, unit: unit)
                if form.string("confirm") != "1" {
                    let outcomes = try await services.restructuring.apply(principal, steps: [step], dryRun: true)
                    return Responses.html(try await restructurePage(ctx, principal, unit, form: form, message: nil, errors: [], preview: outcomes))
                }
                _ = try await services.restructuring.apply(principal, step: step)
                let target = (try? await services.units.get(principal, code: unit.code)).map { _ in unit.code } ?? principal.unitCode
                return Responses.redirect(SiteURL.unit(target) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                return Responses.html(
                    try await restructurePage(ctx, principal, unit, form: form, message: message, errors: errors, preview: nil),
                    status: .unprocessableContent)
            } catch let failure as ImportFailure {
                let errors = failure.problems.map { FieldError($0.column ?? "", $0.reason) }
                return Responses.html(
                    try await restructurePage(ctx, principal, unit, form: form, message: Catalogue.invalidInput, errors: errors, preview: nil),
                    status: .unprocessableContent)
            }
        }
        router.post("/restructure/events/:id/correct") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.notFound) }
            _ = try await services.restructuring.correct(
                principal, eventId: id, decisionNo: context.form.string("decision_no"), note: context.form.string("note"))
            let back = context.form.string("back")
            return Responses.redirect(back.hasPrefix("/") && !back.hasPrefix("//") ? back : SiteURL.home)
        }
    }

    /// Expandable without JavaScript (`<details>`): two levels open, deeper levels one click away.
    func treeNode(_ ctx: PageContext, _ principal: Principal, _ unit: OrgUnit, date: CivilDate, asOf: CivilDate?, depth: Int) async throws -> HTML {
        let stats = try await services.units.stats(principal, code: unit.code, asOf: date)
        let below = stats.unitsByKind.values.reduce(0, +) - 1
        let members = MemberStatus.allCases.filter(\.isMember).reduce(0) { $0 + (stats.membersByStatus[$1.rawValue] ?? 0) }
        let label: HTML = """
            <a href="\(SiteURL.unit(unit.code, asOf: asOf))">\(unit.name)</a> <span class="muted">\(unit.code) · \(ctx.t(unit.kind.label))\
            \(below > 0 ? " · \(ctx.t(Catalogue.treeCounts(ctx.number(below), ctx.number(stats.cells))))" : "")\
            \(" · \(ctx.t(Catalogue.treeMembers(ctx.number(members))))")</span>
            """
        guard below > 0 else { return "<div class=\"leaf\">\(label)</div>" }
        if depth >= 2 {
            return "<div class=\"leaf\">\(label) <a href=\"\(SiteURL.tree(root: unit.code, asOf: asOf))\">\(ctx.t(Catalogue.openBranch))</a></div>"
        }
        var items: [HTML] = []
        for child in try await services.units.children(principal, of: unit, asOf: date) {
            items.append(try await treeNode(ctx, principal, child, date: date, asOf: asOf, depth: depth + 1))
        }
        return "<details\(HTML(raw: depth < 1 ? " open" : ""))><summary>\(label)</summary><div class=\"branch\">\(items)</div></details>"
    }

    /// The unit's versions and the events that made them, with a correction form for each event not yet corrected.
    func timeline(_ ctx: PageContext, _ versions: [UnitVersion], _ events: [RestructureEventSummary], canCorrect: Bool) -> HTML {
        let versionRows: [HTML] = versions.map { v in
            let from = v.foundedKnown ? ctx.date(v.validFrom) : "…"
            return """
                <tr><td>\(from)</td><td>\(v.validTo.map { ctx.date($0) } ?? "…")</td><td>\(v.name)</td><td>\(ctx.t(v.kind.label))</td>
                <td>\(v.parentCode.map { HTML("<a href=\"\(SiteURL.unit($0, asOf: v.validFrom))\">\($0)</a>") } ?? "—")</td></tr>
                """
        }
        let eventRows: [HTML] = events.map { e in
            var state: HTML = .empty
            if let by = e.correctedByEventId {
                state = "\(ctx.t(Catalogue.correctedBy(String(by))))"
            } else if e.kind != .correction && canCorrect {
                state = """
                    <form method="post" action="\(SiteURL.correctEvent(e.id))" class="inline correction">\(ctx.csrfField)
                    <input type="hidden" name="back" value="\(ctx.path)">
                    <input type="text" name="decision_no" placeholder="\(ctx.t(Catalogue.decisionNo))" required aria-label="\(ctx.t(Catalogue.decisionNo))">
                    <input type="text" name="note" placeholder="\(ctx.t(Catalogue.note))" aria-label="\(ctx.t(Catalogue.note))">
                    <button type="submit" class="secondary">\(ctx.t(Catalogue.correct))</button></form>
                    """
            }
            return """
                <tr><td class="num">\(Int(e.id))</td><td>\(ctx.date(e.effectiveOn))</td><td>\(ctx.t(e.kind.label))</td><td>\(e.decisionNo)</td>
                <td>\(e.units.joined(separator: ", "))</td><td>\(e.note)</td><td>\(e.actor)</td><td>\(state)</td></tr>
                """
        }
        let eventsTable: HTML =
            eventRows.isEmpty
            ? .empty
            : """
            <h3>\(ctx.t(Catalogue.events))</h3>
            <table id="unit-events"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.effectiveOn))</th><th>\(ctx.t(Catalogue.action))</th>
            <th>\(ctx.t(Catalogue.decisionNo))</th><th>\(ctx.t(Catalogue.units))</th><th>\(ctx.t(Catalogue.note))</th><th>\(ctx.t(Catalogue.who))</th><th></th></tr></thead>
            <tbody>\(eventRows)</tbody></table>
            """
        return """
            <table id="unit-versions"><thead><tr><th>\(ctx.t(Catalogue.validFrom))</th><th>\(ctx.t(Catalogue.validTo))</th><th>\(ctx.t(Catalogue.name))</th>
            <th>\(ctx.t(Catalogue.kind))</th><th>\(ctx.t(Catalogue.parent))</th></tr></thead><tbody>\(versionRows)</tbody></table>
            \(eventsTable)
            """
    }

    /// The restructuring step a form describes (one of rename, move, dissolve, merge, split, found).
    static func step(from form: FormData, unit: OrgUnit) throws -> RestructureStep {
        guard let date = CivilDate(parsing: form.string("effective_on")) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("effective_on", Catalogue.invalidDate(form.string("effective_on")))])
        }
        let codes = { (text: String) in
            text.split(whereSeparator: { ",; \n\r\t".contains($0) }).map(String.init).filter { !$0.isEmpty }
        }
        let operation: RestructureOperation
        switch form.string("op") {
        case "rename":
            operation = .rename(code: unit.code, name: form.string("name"))
        case "move":
            operation = .move(code: unit.code, parentCode: form.string("parent_code").trimmed)
        case "dissolve":
            operation = .dissolve(code: unit.code)
        case "merge":
            let others = codes(form.string("sources"))
            let newCode = form.string("new_code").trimmed
            if newCode.isEmpty {
                operation = .merge(sources: [unit.code] + others, target: unit.code, newTarget: nil)
            } else {
                let draft = UnitDraft(
                    code: newCode, name: form.string("new_name"), kind: unit.kind.rawValue, parentCode: unit.parentCode ?? "",
                    sector: unit.sector.rawValue, hasCommittee: unit.hasCommittee, foundedOn: "", dissolvedOn: "")
                operation = .merge(sources: [unit.code] + others, target: newCode, newTarget: draft)
            }
        case "split":
            var parts: [UnitDraft] = []
            for line in form.string("parts").split(whereSeparator: \.isNewline) {
                let pieces = line.split(separator: ":", maxSplits: 1).map { $0.trimmed }
                guard pieces.count == 2 else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("parts", Catalogue.unknownValue(String(line)))])
                }
                parts.append(
                    UnitDraft(
                        code: pieces[0], name: pieces[1], kind: unit.kind.rawValue, parentCode: unit.parentCode ?? "", sector: unit.sector.rawValue,
                        hasCommittee: unit.hasCommittee, foundedOn: "", dissolvedOn: ""))
            }
            var assignments: [String: String] = [:]
            for (key, values) in form.values where key.hasPrefix("assign_") {
                if let part = values.last, !part.isEmpty { assignments[String(key.dropFirst("assign_".count))] = part }
            }
            operation = .split(source: unit.code, parts: parts, assignments: assignments)
        case "found":
            operation = .found(
                UnitDraft(
                    code: form.string("new_code"), name: form.string("new_name"), kind: form.string("kind"), parentCode: unit.code,
                    sector: form.string("sector"), hasCommittee: form.flag("has_committee"), foundedOn: "", dissolvedOn: ""))
        default:
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("op", Catalogue.unknownValue(form.string("op")))])
        }
        return RestructureStep(operation: operation, effectiveOn: date, decisionNo: form.string("decision_no"), note: form.string("note"))
    }

    func restructurePage(
        _ ctx: PageContext, _ principal: Principal, _ unit: OrgUnit, form: FormData, message: Localized?, errors: [FieldError],
        preview: [RestructureOutcome]?
    ) async throws -> HTML {
        let children = try await services.units.children(principal, of: unit)
        let common = { (op: String) -> HTML in
            """
            \(ctx.csrfField)<input type="hidden" name="op" value="\(op)">
            <label for="\(op)-date">\(ctx.t(Catalogue.effectiveOn))</label>
            <input type="text" id="\(op)-date" name="effective_on" value="\(form.string("op") == op ? form.string("effective_on") : "")" placeholder="\(ctx.t(Catalogue.datePlaceholder))" required>
            <label for="\(op)-decision">\(ctx.t(Catalogue.decisionNo))</label>
            <input type="text" id="\(op)-decision" name="decision_no" value="\(form.string("op") == op ? form.string("decision_no") : "")" placeholder="1234-QĐ/TU" required>
            <label for="\(op)-note">\(ctx.t(Catalogue.note))</label>
            <input type="text" id="\(op)-note" name="note" value="\(form.string("op") == op ? form.string("note") : "")">
            """
        }
        let value = { (op: String, field: String) -> String in form.string("op") == op ? form.string(field) : "" }
        let assignRows: [HTML] = children.map { child in
            "<label for=\"assign-\(child.code)\">\(child.code) — \(child.name)</label><input type=\"text\" id=\"assign-\(child.code)\" name=\"assign_\(child.code)\" value=\"\(form.string("assign_" + child.code))\" placeholder=\"\(ctx.t(Catalogue.partCode))\">"
        }
        var previewHTML: HTML = .empty
        if let preview {
            let hidden: [HTML] = form.values.sorted { $0.key < $1.key }.flatMap { key, values in
                key == "_csrf" || key == "confirm" ? [] : values.map { "<input type=\"hidden\" name=\"\(key)\" value=\"\($0)\">" as HTML }
            }
            let rows: [HTML] = preview.map { "<li>\($0.summary(ctx.language))</li>" }
            previewHTML = """
                <section class="flash" id="restructure-preview"><h2>\(ctx.t(Catalogue.preview))</h2><ul>\(rows)</ul>
                <form method="post" action="\(SiteURL.restructureUnit(unit.code))">\(ctx.csrfField)\(hidden)<input type="hidden" name="confirm" value="1">
                <div class="actions"><button type="submit" id="confirm-restructure">\(ctx.t(Catalogue.apply))</button>
                <a class="button secondary" href="\(SiteURL.restructureUnit(unit.code))">\(ctx.t(Catalogue.cancel))</a></div></form></section>
                """
        }
        let kindOptions: [HTML] = UnitKind.allCases.filter { $0.order > unit.kind.order }.map { "<option value=\"\($0.rawValue)\">\(ctx.t($0.label))</option>" }
        let sectorOptions: [HTML] = Sector.allCases.map { "<option value=\"\($0.rawValue)\"\(HTML(raw: $0 == unit.sector ? " selected" : ""))>\(ctx.t($0.label))</option>" }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.restructure)): \(unit.name)</h1>
            <p class="muted">\(ctx.t(Catalogue.restructureHelp))</p>
            \(Layout.errors(ctx, message, errors))
            \(previewHTML)
            <div class="forms">
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="rename-form"><h2>\(ctx.t(RestructureKind.rename.label))</h2>
            \(common("rename"))<label for="rename-name">\(ctx.t(Catalogue.newName))</label><input type="text" id="rename-name" name="name" value="\(value("rename", "name").isEmpty ? unit.name : value("rename", "name"))" required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="move-form"><h2>\(ctx.t(RestructureKind.move.label))</h2>
            \(common("move"))<label for="move-parent">\(ctx.t(Catalogue.newParent))</label><input type="text" id="move-parent" name="parent_code" value="\(value("move", "parent_code"))" required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="merge-form"><h2>\(ctx.t(RestructureKind.merge.label))</h2>
            \(common("merge"))<label for="merge-sources">\(ctx.t(Catalogue.mergeOthers))</label><input type="text" id="merge-sources" name="sources" value="\(value("merge", "sources"))" required>
            <label for="merge-code">\(ctx.t(Catalogue.mergeNewCode))</label><input type="text" id="merge-code" name="new_code" value="\(value("merge", "new_code"))">
            <label for="merge-name">\(ctx.t(Catalogue.mergeNewName))</label><input type="text" id="merge-name" name="new_name" value="\(value("merge", "new_name"))">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="split-form"><h2>\(ctx.t(RestructureKind.split.label))</h2>
            \(common("split"))<label for="split-parts">\(ctx.t(Catalogue.splitParts))</label><textarea id="split-parts" name="parts" rows="3" required>\(value("split", "parts"))</textarea>
            \(assignRows)
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="found-form"><h2>\(ctx.t(Catalogue.foundSubUnit))</h2>
            \(common("found"))<label for="found-code">\(ctx.t(Catalogue.code))</label><input type="text" id="found-code" name="new_code" value="\(value("found", "new_code"))" required>
            <label for="found-name">\(ctx.t(Catalogue.name))</label><input type="text" id="found-name" name="new_name" value="\(value("found", "new_name"))" required>
            <label for="found-kind">\(ctx.t(Catalogue.kind))</label><select id="found-kind" name="kind">\(kindOptions)</select>
            <label for="found-sector">\(ctx.t(Catalogue.sectorLabel))</label><select id="found-sector" name="sector">\(sectorOptions)</select>
            <div class="check"><input type="checkbox" id="found-committee" name="has_committee" value="true"><label for="found-committee">\(ctx.t(Catalogue.hasCommittee))</label></div>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            <form method="post" action="\(SiteURL.restructureUnit(unit.code))" class="stacked" id="dissolve-form"><h2>\(ctx.t(RestructureKind.dissolve.label))</h2>
            \(common("dissolve"))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.preview))</button></div></form>
            </div>
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.restructure),
            breadcrumbs: [(unit.name, SiteURL.unit(unit.code)), (ctx.t(Catalogue.restructure), nil)], content: body)
    }
}
