import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let planning = "/planning"
    static func planningList(_ id: Int64) -> String { "/planning/\(id)" }
    static func planningEntries(_ id: Int64) -> String { "/planning/\(id)/entries" }
    static func planningReview(_ id: Int64) -> String { "/planning/\(id)/review" }
    static func planningApprove(_ id: Int64) -> String { "/planning/\(id)/approve" }
    static func planningRemove(_ entry: Int64) -> String { "/planning/entries/\(entry)/remove" }
}

/// Planning of cadres per term (DOMAIN.md §3): the lists of a term, one list with its people, structure and review.
extension Site {
    func registerPlanningPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.planning)) { request, context in
            let principal = try context.requirePrincipal()
            let term = (request.query("term") ?? "").trimmed
            let unit = (request.query("unit") ?? "").trimmed
            let q = request.query("q") ?? ""
            let language = principal.language
            let file = try await listDownload(
                request, principal, sheet: "quy-hoach", baseName: Self.fileName("quy-hoach", principal, unit: unit, term), numeric: [4]
            ) {
                let all = try await Page.all { page, perPage in
                    try await services.planning.lists(principal, term: term, unitCode: unit, query: q, page: page, perPage: perPage)
                }
                return [
                    [
                        Catalogue.planningPosition, Catalogue.place, Catalogue.planningTerm, Catalogue.managedBy, Catalogue.planningPeople,
                        Catalogue.planningWomen, Catalogue.planningYoung(ageLimit: 40), Catalogue.planningEthnicMinority, Catalogue.planningStatus,
                    ]
                    .map { $0.text(language) }
                ]
                    + all.map { item in
                        [
                            item.list.position, item.list.place.name, item.list.term.label, item.list.managedBy.label.text(language),
                            String(item.active.count),
                            item.structure.women.label.text(language), item.structure.young.label.text(language),
                            item.structure.ethnicMinority.label.text(language), Self.planningStatus(item).text(language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            return Responses.html(try await planningIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.planning)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            let draft = PlanningListDraft(
                term: form.string("term"), position: form.string("position"), placeCode: form.string("place_code"), managedBy: form.string("managed_by"))
            do {
                let list = try await services.planning.createList(principal, draft)
                return Responses.redirect(SiteURL.planningList(list.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await planningIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get("/planning/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            let file = try await listDownload(request, principal, sheet: "danh-sach", baseName: "quy-hoach-danh-sach-\(id)") {
                let detail = try await services.planning.detail(principal, id: id)
                let language = principal.language
                return [
                    [
                        Catalogue.fullName, Catalogue.birthDate, Catalogue.planningAge, Catalogue.genderLabel, Catalogue.planningMinority,
                        Catalogue.planningAddedOn, Catalogue.planningReason, Catalogue.planningStatus,
                    ].map { $0.text(language) }
                ]
                    + detail.active.map { e in
                        [
                            e.cadre.fullName, Self.day(e.cadre.birthDate, language),
                            e.cadre.birthDate.map { String($0.fullYears(until: detail.today)) } ?? "",
                            e.cadre.gender.label.text(language), e.isEthnicMinority ? Catalogue.yes.text(language) : "",
                            Self.day(e.addedOn, language),
                            e.addedReason ?? "", (e.approvedOn == nil ? Catalogue.planningPending : Catalogue.planningApproved).text(language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let flash: String? =
                request.query("saved") != nil
                ? ctx.t(Catalogue.planningSaved) : request.query("reviewed").flatMap { Int($0) }.map { ctx.t(Catalogue.planningReviewRemoved($0)) }
            return Responses.html(try await planningListPage(ctx, principal, id: id, flash: flash))
        }
        router.post("/planning/:id/entries") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            let form = context.form
            return try await planningAction(request, context, principal, id: id, form: form) {
                _ = try await services.planning.addCandidate(
                    principal, listId: id, person: form.string("person"), addedOn: form.string("added_on"), reason: form.string("reason"))
                return SiteURL.planningList(id) + "?saved=1"
            }
        }
        router.post("/planning/entries/:id/remove") { request, context in
            let principal = try context.requirePrincipal()
            let entryId = try Self.pathId(context, notFound: Catalogue.planningEntryNotFound)
            let form = context.form
            let listId = Int64(form.string("list_id")) ?? 0
            return try await planningAction(request, context, principal, id: listId, form: form) {
                let entry = try await services.planning.removeCandidate(
                    principal, entryId: entryId, removedOn: form.string("removed_on"), reason: form.string("reason"))
                return SiteURL.planningList(entry.listId) + "?saved=1"
            }
        }
        router.post("/planning/:id/review") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            let form = context.form
            return try await planningAction(request, context, principal, id: id, form: form) {
                let removed = try await services.planning.applyReview(principal, listId: id)
                return SiteURL.planningList(id) + "?reviewed=\(removed.count)"
            }
        }
        router.post("/planning/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            let form = context.form
            return try await planningAction(request, context, principal, id: id, form: form) {
                _ = try await services.planning.approve(principal, listId: id, decisionNo: form.string("decision_no"), on: form.string("approved_on"))
                return SiteURL.planningList(id) + "?saved=1"
            }
        }
    }

    static func pathId(_ context: AppContext, notFound: Localized = Catalogue.planningListNotFound) throws -> Int64 {
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }), id > 0 else { throw DomainError.notFound(notFound) }
        return id
    }

    /// Runs a form's action; on a refusal the list's page comes back with the message and the form as typed.
    func planningAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> String
    ) async throws -> Response {
        do {
            return Responses.redirect(try await action())
        } catch DomainError.invalid(let message, let errors) {
            let ctx = try await pageContext(request, context)
            return Responses.html(
                try await planningListPage(ctx, principal, id: id, form: form, message: message, errors: errors), status: .unprocessableContent)
        }
    }

    func planningIndex(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    ) async throws -> HTML {
        let term = (request.query("term") ?? "").trimmed
        let unit = (request.query("unit") ?? "").trimmed
        let q = request.query("q") ?? ""
        let page = request.query("page").flatMap { Int($0) } ?? 1
        let result = try await services.planning.lists(principal, term: term, unitCode: unit, query: q, page: page)
        let rules = try await services.rules.live().planning(on: Timestamp.vietnamDate())
        let most = rules.maxPerPosition
        let young = rules.youngUnderProvince
        let rows: [HTML] = result.items.map { item in
            let s = item.structure
            let status = Self.planningStatus(item)
            return """
                <tr><td><a href="\(SiteURL.planningList(item.list.id))">\(item.list.position)</a></td><td>\(item.list.place.name)</td>
                <td>\(item.list.term.label)</td><td>\(ctx.t(item.list.managedBy.label))</td><td class="num">\(item.active.count)/\(most)</td>
                <td>\(ctx.t(s.women.label))</td><td>\(ctx.t(s.young.label))</td><td>\(ctx.t(s.ethnicMinority.label))</td><td>\(ctx.t(status))</td></tr>
                """
        }
        let terms: [HTML] = PlanningTerm.offered.map { t in
            "<option value=\"\(t.key)\"\(HTML(raw: term == t.key ? " selected" : ""))>\(t.label)</option>"
        }
        var chart: HTML = .empty
        if let parsed = PlanningTerm(parsing: term) {
            let structure = try await services.planning.termStructure(principal, term: parsed.key, unitCode: unit)
            chart = "<h2>\(ctx.t(Catalogue.planningTermStructure)) \(parsed.label)</h2>" + structureChart(ctx, structure, id: "term-structure")
        }
        let createForm: HTML =
            principal.role.canWriteRecords ? planningListForm(ctx, principal, form: form, message: message, errors: errors) : .empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.planningArea))</h1>
            <p class="muted">\(ctx.t(Catalogue.planningLimitNote(rules)))</p>
            <form method="get" action="\(SiteURL.planning)" class="searchbar" role="search">
            <div><label for="term">\(ctx.t(Catalogue.planningTerm))</label><br><select id="term" name="term"><option value="">\(ctx.t(Catalogue.planningAllTerms))</option>\(terms)</select></div>
            \(unitField(ctx, unit))
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(q)" maxlength="200"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(ctx, SiteURL.planning, [("term", term), ("unit", unit), ("q", q)]))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="planning-lists"><thead><tr><th>\(ctx.t(Catalogue.planningPosition))</th><th>\(ctx.t(Catalogue.place))</th>
            <th>\(ctx.t(Catalogue.planningTerm))</th><th>\(ctx.t(Catalogue.managedBy))</th><th>\(ctx.t(Catalogue.planningPeople))</th>
            <th>\(ctx.t(Catalogue.planningWomen))</th><th>\(ctx.t(Catalogue.planningYoung(ageLimit: young)))</th><th>\(ctx.t(Catalogue.planningEthnicMinority))</th>
            <th>\(ctx.t(Catalogue.planningStatus))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.planning, [("term", term), ("unit", unit), ("q", q), ("page", $0 > 1 ? String($0) : "")])
            })
            \(chart)
            \(createForm)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.planningArea),
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.planningArea), nil)], content: body)
    }

    /// A list is approved when it has an approval and no one waiting for one.
    static func planningStatus(_ item: PlanningListSummary) -> Localized {
        item.pending > 0 ? Catalogue.planningPending : (item.list.approvedOn != nil ? Catalogue.planningApproved : Catalogue.planningPending)
    }

    func planningListForm(_ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError]) -> HTML {
        let chosenTerm = form.string("term").isEmpty ? PlanningTerm.offered[1].key : form.string("term")
        let terms: [HTML] = PlanningTerm.offered.map { t in
            "<option value=\"\(t.key)\"\(HTML(raw: chosenTerm == t.key ? " selected" : ""))>\(t.label)</option>"
        }
        let levels: [HTML] = ManagementLevel.allCases.map { l in
            "<option value=\"\(l.rawValue)\"\(HTML(raw: form.string("managed_by") == l.rawValue ? " selected" : ""))>\(ctx.t(l.label))</option>"
        }
        let place = form.string("place_code").isEmpty ? principal.unitCode : form.string("place_code")
        return """
            <h2>\(ctx.t(Catalogue.planningNewList))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.planning)" class="stacked" id="planning-list-form">
            \(ctx.csrfField)
            <label for="new-term">\(ctx.t(Catalogue.planningTerm))</label><select id="new-term" name="term">\(terms)</select>
            <label for="position">\(ctx.t(Catalogue.planningPosition))</label>
            <input type="text" id="position" name="position" value="\(form.string("position"))" maxlength="200" required placeholder="Bí thư Đảng ủy">
            <label for="place_code">\(ctx.t(Catalogue.planningPlace))</label>
            <input type="text" id="place_code" name="place_code" value="\(place)" maxlength="40" required>
            <label for="managed_by">\(ctx.t(Catalogue.managedBy))</label><select id="managed_by" name="managed_by">\(levels)</select>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.planningNewList))</button></div>
            </form>
            """
    }

    /// The structure as bars against the targets (women ≥ 25%, young ≥ 15%, ethnic minorities reported), with the
    /// same figures in a table for those who do not read charts.
    func structureChart(_ ctx: PageContext, _ s: PlanningStructure, id: String) -> HTML {
        let young = ctx.t(Catalogue.planningYoung(ageLimit: s.targets.youngAgeLimit))
        let bars = [
            Charts.Bar(
                label: ctx.t(Catalogue.planningWomen), hundredths: s.women.hundredthsOfPercent, figure: ctx.t(s.women.label),
                targetPercent: s.targets.womenPercent, met: s.womenMet),
            Charts.Bar(
                label: young, hundredths: s.young.hundredthsOfPercent, figure: ctx.t(s.young.label), targetPercent: s.targets.youngPercent,
                met: s.youngMet),
            Charts.Bar(
                label: ctx.t(Catalogue.planningEthnicMinority), hundredths: s.ethnicMinority.hundredthsOfPercent, figure: ctx.t(s.ethnicMinority.label),
                targetPercent: s.targets.ethnicMinorityPercent, met: s.ethnicMinorityMet),
        ]
        let verdict = { (met: Bool?) -> String in met.map { ctx.t($0 ? Catalogue.planningMet : Catalogue.planningNotMet) } ?? ctx.t(Catalogue.planningNoTarget) }
        let problems: [HTML] = s.problems.map { "<li>\(ctx.t($0))</li>" }
        return """
            \(Charts.bars(bars, title: ctx.t(Catalogue.planningStructure), id: id))
            <table class="structure" id="\(id)-table"><thead><tr><th></th><th>\(ctx.t(Catalogue.planningPeople))</th><th>\(ctx.t(Catalogue.planningTarget))</th><th></th></tr></thead><tbody>
            <tr><td>\(ctx.t(Catalogue.planningWomen))</td><td>\(ctx.t(s.women.label))</td><td>≥ \(s.targets.womenPercent)%</td><td>\(verdict(s.womenMet))</td></tr>
            <tr><td>\(young)</td><td>\(ctx.t(s.young.label))</td><td>≥ \(s.targets.youngPercent)%</td><td>\(verdict(s.youngMet))</td></tr>
            <tr><td>\(ctx.t(Catalogue.planningEthnicMinority))</td><td>\(ctx.t(s.ethnicMinority.label))</td><td>\(s.targets.ethnicMinorityPercent.map { "≥ \($0)%" } ?? "—")</td><td>\(verdict(s.ethnicMinorityMet))</td></tr>
            </tbody></table>
            \(problems.isEmpty ? HTML.empty : HTML("<ul class=\"warnings\" id=\"\(id)-problems\">\(problems)</ul>"))
            """
    }

    func planningListPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), message: Localized? = nil,
        errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.planning.detail(principal, id: id)
        let history = try await services.planning.history(principal, listId: id)
        let list = detail.list
        let canWrite = principal.role.canWriteRecords
        let rows: [HTML] = detail.active.map { e in
            let age = e.cadre.birthDate.map { String($0.fullYears(until: detail.today)) } ?? "—"
            let removeForm: HTML =
                canWrite
                ? """
                <form method="post" action="\(SiteURL.planningRemove(e.id))" class="inline">\(ctx.csrfField)
                <input type="hidden" name="list_id" value="\(String(list.id))">
                <input type="text" name="reason" maxlength="500" required aria-label="\(ctx.t(Catalogue.planningReason))" placeholder="\(ctx.t(Catalogue.planningReason))">
                <button type="submit" class="secondary">\(ctx.t(Catalogue.planningRemove))</button></form>
                """ : .empty
            return """
                <tr><td><a href="\(SiteURL.cadre(e.cadre.id))">\(e.cadre.fullName)</a></td><td>\(ctx.date(e.cadre.birthDate))</td><td class="num">\(age)</td>
                <td>\(ctx.t(e.cadre.gender.label))</td><td>\(e.isEthnicMinority ? "✓" : "")</td><td>\(ctx.date(e.addedOn))</td><td>\(e.addedReason ?? "")</td>
                <td>\(ctx.t(e.approvedOn == nil ? Catalogue.planningPending : Catalogue.planningApproved))</td><td>\(removeForm)</td></tr>
                """
        }
        let removedRows: [HTML] = detail.removed.map { e in
            let kind = ctx.t(Catalogue.planningRemovalKind(e.removalKind ?? "manual"))
            return """
                <tr><td><a href="\(SiteURL.cadre(e.cadre.id))">\(e.cadre.fullName)</a></td><td>\(ctx.date(e.addedOn))</td><td>\(ctx.date(e.removedOn))</td>
                <td>\(kind)</td><td>\(e.removedReason ?? "")</td></tr>
                """
        }
        let problems: [HTML] = detail.problems.map { "<li>\(ctx.t($0))</li>" }
        let review: [HTML] = detail.review.map { item in
            "<li><strong>\(item.entry.cadre.fullName)</strong>: \(item.reasons.map { ctx.t($0.message) }.joined(separator: " "))</li>"
        }
        let addForm: HTML =
            canWrite
            ? """
            <h2>\(ctx.t(Catalogue.planningAddPerson))</h2>
            <form method="post" action="\(SiteURL.planningEntries(list.id))" class="stacked" id="planning-add-form">\(ctx.csrfField)
            <label for="person">\(ctx.t(Catalogue.planningPersonNumber))</label>
            <input type="text" id="person" name="person" value="\(form.string("person"))" maxlength="20" required>
            <label for="added_on">\(ctx.t(Catalogue.planningAddedOn))</label>\(Self.dateInput(ctx, name: "added_on", value: form.string("added_on")))
            <label for="reason">\(ctx.t(Catalogue.planningReason))</label>
            <input type="text" id="reason" name="reason" value="\(form.string("reason"))" maxlength="500">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.planningAddPerson))</button></div>
            </form>
            """ : .empty
        let reviewForm: HTML =
            canWrite && !review.isEmpty
            ? "<form method=\"post\" action=\"\(SiteURL.planningReview(list.id))\" id=\"planning-review-form\">\(ctx.csrfField)<button type=\"submit\">\(ctx.t(Catalogue.planningApplyReview))</button></form>"
            : .empty
        let approveForm: HTML =
            principal.role.canApprove && detail.active.contains(where: { $0.approvedOn == nil })
            ? """
            <h2>\(ctx.t(Catalogue.planningApprove))</h2>
            <form method="post" action="\(SiteURL.planningApprove(list.id))" class="stacked" id="planning-approve-form">\(ctx.csrfField)
            <label for="decision_no">\(ctx.t(Catalogue.planningApprovalNo))</label>
            <input type="text" id="decision_no" name="decision_no" value="\(form.string("decision_no"))" maxlength="60" required>
            <label for="approved_on">\(ctx.t(Catalogue.planningApprovedOn))</label>\(Self.dateInput(ctx, name: "approved_on", value: form.string("approved_on")))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.planningApprove))</button></div>
            </form>
            """ : .empty
        let approval: HTML = list.approvedOn.map { date in
            HTML("<p>\(ctx.t(Catalogue.planningApproved)): \(list.approvalNo ?? "") — \(ctx.date(date)) (\(list.approvedBy ?? ""))</p>")
        } ?? .empty
        let title = list.position + " — " + list.place.name
        let body: HTML = """
            <h1>\(title)</h1>
            <p>\(ctx.t(Catalogue.planningTerm)) \(list.term.label) · \(ctx.t(Catalogue.managedBy)): \(ctx.t(list.managedBy.label))</p>
            \(approval)
            \(Layout.errors(ctx, message, errors))
            \(problems.isEmpty ? HTML.empty : HTML("<h2>\(ctx.t(Catalogue.planningProblems))</h2><ul class=\"warnings\" id=\"planning-problems\">\(problems)</ul>"))
            \(Self.exportLinks(ctx, SiteURL.planningList(list.id), []))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.planningEmpty))</p>") : HTML("""
            <table id="planning-entries"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.birthDate))</th><th>\(ctx.t(Catalogue.planningAge))</th>
            <th>\(ctx.t(Catalogue.genderLabel))</th><th>\(ctx.t(Catalogue.planningMinority))</th><th>\(ctx.t(Catalogue.planningAddedOn))</th>
            <th>\(ctx.t(Catalogue.planningReason))</th><th>\(ctx.t(Catalogue.planningStatus))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            <h2>\(ctx.t(Catalogue.planningStructure))</h2>
            \(structureChart(ctx, detail.structure, id: "planning-structure"))
            <h2>\(ctx.t(Catalogue.planningReview))</h2>
            \(review.isEmpty ? HTML("<p>\(ctx.t(Catalogue.planningReviewNone))</p>") : HTML("<ul class=\"warnings\" id=\"planning-review\">\(review)</ul>"))
            \(reviewForm)
            \(addForm)
            \(approveForm)
            \(removedRows.isEmpty ? HTML.empty : HTML("""
            <h2>\(ctx.t(Catalogue.planningRemovedList))</h2>
            <table id="planning-removed"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.planningAddedOn))</th>
            <th>\(ctx.t(Catalogue.planningRemovedOn))</th><th>\(ctx.t(Catalogue.planningStatus))</th><th>\(ctx.t(Catalogue.planningReason))</th></tr></thead>
            <tbody>\(removedRows)</tbody></table>
            """))
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.planningArea), SiteURL.planning), (title, nil)], flash: flash,
            content: body)
    }
}
