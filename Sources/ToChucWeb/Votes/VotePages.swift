import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let votes = "/votes"
    static let votesExport = "/votes/export"
    static func vote(_ id: Int64) -> String { "/votes/\(id)" }
    /// `edit`, `persons`, `tally`, `sheet`.
    static func voteAction(_ id: Int64, _ action: String) -> String { "/votes/\(id)/\(action)" }
    static func removeVotePerson(_ id: Int64, _ subject: Int64) -> String { "/votes/\(id)/persons/\(subject)/remove" }
    static let votesCSS = "/static/votes.css"
}

/// Confidence votes (DOMAIN.md §4, Quy định 96-QĐ/TW; issue 6): the sessions of a subtree with filters and downloads,
/// a session with its quorum, persons, tally form, results and consequences, and the printed result sheet.
extension Site {
    func registerVotePages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.votesCSS)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Self.votesStylesheet)))
        }
        router.get(RouterPath(SiteURL.votes)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await votesIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.votes)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let created = try await services.votes.create(principal, Self.voteDraft(form))
                return Responses.redirect(SiteURL.vote(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await votesIndex(ctx, principal, request: request, form: form, message: message, errors: errors),
                    status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.votesExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.votes.exportRows(principal, Self.voteQuery(request))
            // Counts: convened and present (5, 6), the ballots (11 to 14) and each level's votes (15, 17, 19; its share beside it).
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.voteSheetName.text(principal.language),
                baseName: Self.fileName("lay-phieu-tin-nhiem", principal), numeric: [5, 6, 11, 12, 13, 14, 15, 17, 19])
        }
        router.get("/votes/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            let ctx = try await pageContext(request, context)
            let flash =
                request.query("created") != nil ? ctx.t(Catalogue.voteCreated) : request.query("saved") != nil ? ctx.t(Catalogue.voteSaved) : nil
            return Responses.html(try await votePage(ctx, principal, id: id, flash: flash))
        }
        router.get("/votes/:id/sheet") { _, context in
            let principal = try context.requirePrincipal()
            let detail = try await services.votes.detail(principal, id: try Self.pathId(context, notFound: Catalogue.voteSessionNotFound))
            return Responses.html(Self.voteSheet(detail, language: principal.language))
        }
        for action in ["edit", "persons", "tally"] {
            router.post(RouterPath("/votes/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
                let form = context.form
                let inputs = Self.tallyInputs(form)
                do {
                    switch action {
                    case "edit":
                        _ = try await services.votes.update(
                            principal, id: id, Self.voteDraft(form), expectedVersion: Int(form.string("version")) ?? 0)
                    case "persons":
                        _ = try await services.votes.addPerson(
                            principal, sessionId: id, person: form.string("person"), position: form.string("position"))
                    default:
                        _ = try await services.votes.saveTallies(principal, sessionId: id, inputs)
                    }
                    return Responses.redirect(SiteURL.vote(id) + "?saved=1" + (action == "tally" ? "#vote-results" : ""))
                } catch DomainError.invalid(let message, let errors) {
                    let ctx = try await pageContext(request, context)
                    let typed = Dictionary(uniqueKeysWithValues: inputs.map { ($0.subjectId, $0.draft) })
                    return Responses.html(
                        try await votePage(ctx, principal, id: id, form: form, typed: typed, action: action, message: message, errors: errors),
                        status: .unprocessableContent)
                } catch DomainError.conflict(let message, let changes, _) {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(
                        Layout.conflict(ctx, title: ctx.t(Catalogue.voteSession), message: message, changes: changes, retry: SiteURL.vote(id)),
                        status: .conflict)
                }
            }
        }
        router.post("/votes/:id/persons/:subject/remove") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            guard let subject = context.parameters.get("subject").flatMap({ Int64($0) }) else {
                throw DomainError.notFound(Catalogue.voteSubjectNotFound)
            }
            try await services.votes.removePerson(principal, sessionId: id, subjectId: subject)
            return Responses.redirect(SiteURL.vote(id) + "?saved=1")
        }
    }

    static func voteDraft(_ form: FormData) -> VoteSessionDraft {
        VoteSessionDraft(
            unitCode: form.string("unit_code"), bodyKind: form.string("body_kind"), bodyName: form.string("body_name"), round: form.string("round"),
            heldOn: form.string("held_on"), convened: form.string("convened"), present: form.string("present"), note: form.string("note"))
    }

    /// The lines of a tally form: `issued_<id>` … `low_<id>` and `version_<id>` for each person.
    static func tallyInputs(_ form: FormData) -> [VoteTallyInput] {
        let ids = form.values.keys.filter { $0.hasPrefix("issued_") }.compactMap { Int64($0.dropFirst("issued_".count)) }.sorted()
        return ids.map { id in
            func v(_ key: String) -> String { form.string("\(key)_\(id)") }
            return VoteTallyInput(
                subjectId: id,
                draft: VoteTallyDraft(
                    issued: v("issued"), returned: v("returned"), valid: v("valid"), invalid: v("invalid"), high: v("high"), medium: v("medium"),
                    low: v("low")),
                version: Int(v("version")) ?? 0)
        }
    }

    static func voteQuery(_ request: Request) -> VoteQuery {
        var query = VoteQuery()
        query.text = request.query("q") ?? ""
        query.unitCode = (request.query("unit") ?? "").trimmed
        query.round = request.query("round") ?? ""
        query.bodyKind = request.query("body_kind") ?? ""
        query.from = request.query("from") ?? ""
        query.to = request.query("to") ?? ""
        query.page = request.query("page").flatMap { Int($0) } ?? 1
        return query
    }

    static func voteParameters(_ q: VoteQuery) -> [(String, String)] {
        [("q", q.text), ("unit", q.unitCode), ("round", q.round), ("body_kind", q.bodyKind), ("from", q.from), ("to", q.to)]
    }

    /// A refusal's messages above a form: each names its person or field already.
    static func voteErrors(_ ctx: PageContext, _ message: Localized?, _ errors: [FieldError]) -> HTML {
        guard message != nil || !errors.isEmpty else { return .empty }
        let items: [HTML] = errors.map { error in
            let label = Catalogue.fieldLabel(error.field).map { "<strong>\(ctx.t($0))</strong>: " as HTML } ?? .empty
            return "<li>\(label)\(ctx.t(error.message))</li>"
        }
        return "<div class=\"errors\" role=\"alert\"><p>\(message.map(ctx.t) ?? "")</p><ul>\(items)</ul></div>"
    }

    func votesIndex(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    )
        async throws -> HTML
    {
        let query = Self.voteQuery(request)
        let result = try await services.votes.list(principal, query)
        let parameters = Self.voteParameters(query)
        let kinds = Self.vettingOptions(
            ctx, VoteBodyKind.allCases.map { ($0.rawValue, $0.label) }, selected: query.bodyKind, any: Catalogue.voteAllBodies)
        let rules = try? await services.rules.inForce(.confidenceVote, on: Timestamp.vietnamDate())
        let help: HTML =
            rules.map(ConfidenceVoteRules.init).map {
                "<p class=\"muted\">\(ctx.t(Catalogue.voteSessionsHelp(quorum: $0.quorum, maxPlaces: $0.maxPlaces, regulation: $0.regulation)))</p>"
            } ?? .empty
        let rows: [HTML] = result.items.map { d in
            let s = d.session
            let quorum = d.quorum.isMet ? ctx.t(Catalogue.yes) : ctx.t(Catalogue.no)
            return """
                <tr><td>\(ctx.date(s.heldOn))</td><td><a href="\(SiteURL.vote(s.id))">\(s.bodyName)</a></td><td>\(s.unitName)</td><td>\(s.round)</td>
                <td class="num">\(ctx.number(s.present))/\(ctx.number(s.convened))</td><td>\(quorum)</td><td class="num">\(ctx.number(d.subjects.count))</td>
                <td class="num">\(ctx.number(d.tallied))</td><td class="num">\(ctx.number(d.count(.removal)))</td><td class="num">\(ctx.number(d.count(.dismissal)))</td></tr>
                """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p id=\"vote-sessions\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="vote-sessions"><thead><tr><th>\(ctx.t(Catalogue.voteHeldOn))</th><th>\(ctx.t(Catalogue.voteBody))</th><th>\(ctx.t(Catalogue.voteUnit))</th>
            <th>\(ctx.t(Catalogue.voteRound))</th><th>\(ctx.t(Catalogue.votePresent))</th><th>\(ctx.t(Catalogue.voteQuorum))</th>
            <th>\(ctx.t(Catalogue.votePersonsCount))</th><th>\(ctx.t(Catalogue.voteTalliedCount))</th>
            <th>\(ctx.t(Catalogue.voteConsequenceShort(.removal)))</th><th>\(ctx.t(Catalogue.voteConsequenceShort(.dismissal)))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let newForm =
            principal.role.canWriteRecords ? voteSessionForm(ctx, principal, form: form, session: nil, message: message, errors: errors) : HTML.empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.votesArea))</h1>
            \(help)
            <form method="get" action="\(SiteURL.votes)" class="searchbar" role="search" id="vote-filter">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="round">\(ctx.t(Catalogue.voteRound))</label><br><input type="text" id="round" name="round" value="\(query.round)" maxlength="40" class="narrow"></div>
            <div><label for="body_kind">\(ctx.t(Catalogue.voteBodyKindLabel))</label><br><select id="body_kind" name="body_kind">\(kinds)</select></div>
            <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: query.from))</div>
            <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: query.to))</div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(
                ctx, SiteURL.votesExport, parameters, extra: "<a class=\"button secondary\" href=\"\(SiteURL.meetings)\">\(ctx.t(Catalogue.meetingsArea))</a>"))
            \(table)
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.votes, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(newForm)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.votesArea),
            breadcrumbs: [(ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.votesArea), nil)], content: body)
    }

    /// The form of a new session, or of a session's correction (with its version).
    func voteSessionForm(
        _ ctx: PageContext, _ principal: Principal, form: FormData, session: VoteSession?, message: Localized?, errors: [FieldError]
    )
        -> HTML
    {
        let stored = session?.draft
        func value(_ key: String, _ fallback: String?) -> String { form[key] ?? fallback ?? "" }
        let kinds = Self.vettingOptions(
            ctx, VoteBodyKind.allCases.map { ($0.rawValue, $0.label) },
            selected: value("body_kind", stored?.bodyKind ?? VoteBodyKind.committee.rawValue))
        let id = session == nil ? "vote-new-form" : "vote-edit-form"
        let action = session.map { SiteURL.voteAction($0.id, "edit") } ?? SiteURL.votes
        let version: HTML = session.map { "<input type=\"hidden\" name=\"version\" value=\"\(String($0.version))\">" } ?? .empty
        return """
            <h2 id="\(session == nil ? "new" : "edit")">\(ctx.t(session == nil ? Catalogue.voteNewSession : Catalogue.voteEdit))</h2>
            \(Self.voteErrors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="\(id)">\(ctx.csrfField)\(version)
            <label for="\(id)-unit">\(ctx.t(Catalogue.voteUnit))</label>
            <input type="text" id="\(id)-unit" name="unit_code" value="\(value("unit_code", stored?.unitCode ?? principal.unitCode))" maxlength="40" required>
            <label for="\(id)-kind">\(ctx.t(Catalogue.voteBodyKindLabel))</label><select id="\(id)-kind" name="body_kind">\(kinds)</select>
            <label for="\(id)-name">\(ctx.t(Catalogue.voteBodyName))</label>
            <input type="text" id="\(id)-name" name="body_name" value="\(value("body_name", stored?.bodyName))" maxlength="300">
            <label for="\(id)-round">\(ctx.t(Catalogue.voteRound))</label>
            <input type="text" id="\(id)-round" name="round" value="\(value("round", stored?.round ?? String(Timestamp.vietnamDate().year)))" maxlength="40" required>
            <label for="held_on">\(ctx.t(Catalogue.voteHeldOn))</label>\(Self.dateInput(ctx, name: "held_on", value: value("held_on", stored?.heldOn)))
            <label for="\(id)-convened">\(ctx.t(Catalogue.voteConvened))</label>
            <input type="text" inputmode="numeric" id="\(id)-convened" name="convened" value="\(value("convened", stored?.convened))" maxlength="6" required>
            <label for="\(id)-present">\(ctx.t(Catalogue.votePresent))</label>
            <input type="text" inputmode="numeric" id="\(id)-present" name="present" value="\(value("present", stored?.present))" maxlength="6" required>
            <label for="\(id)-note">\(ctx.t(Catalogue.note))</label>
            <textarea id="\(id)-note" name="note" maxlength="2000" rows="2">\(value("note", stored?.note))</textarea>
            <div class="actions"><button type="submit">\(ctx.t(session == nil ? Catalogue.voteNewSession : Catalogue.save))</button></div>
            </form>
            """
    }

    /// A tally cell as shown in results: the count and its share of the ballots returned.
    static func voteShare(_ ctx: PageContext, _ tally: VoteTally, _ level: ConfidenceLevel) -> String {
        ctx.ratio(tally.count(level), tally.returned)
    }

    func voteResultsTable(_ ctx: PageContext, _ d: VoteSessionDetail, id: String) -> HTML {
        let rows: [HTML] = d.subjects.enumerated().map { index, s in
            let name: HTML = "<a href=\"\(SiteURL.cadre(s.cadre.id))\">\(s.cadre.fullName)</a>"
            guard let t = s.tally else {
                return
                    "<tr><td class=\"num\">\(index + 1)</td><td>\(name)</td><td>\(s.position)</td><td colspan=\"6\" class=\"muted\">\(ctx.t(Catalogue.voteNoTally))</td></tr>"
            }
            let consequence = d.consequence(s) ?? .none
            let levels: [HTML] = ConfidenceLevel.allCases.map { "<td class=\"num\">\(Self.voteShare(ctx, t, $0))</td>" }
            return """
                <tr class="consequence-\(consequence.rawValue)"><td class="num">\(index + 1)</td><td>\(name)</td><td>\(s.position)</td>
                <td class="num">\(ctx.number(t.returned))/\(ctx.number(t.issued))</td><td class="num">\(ctx.ratio(t.invalid, t.returned))</td>\(levels)
                <td id="consequence-\(String(s.id))">\(ctx.t(consequence.label))</td></tr>
                """
        }
        let levels: [HTML] = ConfidenceLevel.allCases.map { "<th>\(ctx.t($0.label))</th>" }
        return """
            <table id="\(id)"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.votePosition))</th>
            <th>\(ctx.t(Catalogue.voteCountShort("returned")))/\(ctx.t(Catalogue.voteCountShort("issued")))</th><th>\(ctx.t(Catalogue.voteCountShort("invalid")))</th>
            \(levels)<th>\(ctx.t(Catalogue.voteConsequenceLabel))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    func votePage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(),
        typed: [Int64: VoteTallyDraft] = [:],
        action: String = "", message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let d = try await services.votes.detail(principal, id: id)
        let s = d.session
        let history = try await services.votes.history(principal, id: id)
        func errorsFor(_ name: String) -> HTML { action == name ? Self.voteErrors(ctx, message, errors) : .empty }
        let q = d.quorum
        let quorum: HTML =
            q.isMet
            ? "<span id=\"vote-quorum\" class=\"quorum-met\">\(ctx.t(Catalogue.voteQuorumMet(required: q.required, present: q.present, convened: q.convened)))</span>"
            : "<strong id=\"vote-quorum\" class=\"quorum-short\">\(ctx.t(Catalogue.voteQuorumShort(required: q.required, present: q.present, convened: q.convened, regulation: d.rules.regulation)))</strong>"
        var forms: HTML = .empty
        if principal.role.canWriteRecords {
            let wrong = Set(errors.map(\.field))
            let keys = ["issued", "returned", "valid", "invalid", "high", "medium", "low"]
            let lines: [HTML] = d.subjects.map { subject in
                let draft = typed[subject.id] ?? VoteTallyDraft(subject.tally)
                let values = Dictionary(uniqueKeysWithValues: draft.fields.map { ($0.key, $0.text) })
                let cells: [HTML] = keys.map { key in
                    let name = "\(key)_\(subject.id)"
                    let invalid: HTML = wrong.contains("\(subject.id)_\(key)") ? HTML(raw: " aria-invalid=\"true\"") : .empty
                    return """
                        <td><input type="text" inputmode="numeric" name="\(name)" id="\(name)" value="\(values[key] ?? "")" maxlength="7" class="narrow"\(invalid)
                        aria-label="\(ctx.t(Catalogue.voteCountLabel(key))) — \(subject.cadre.fullName)"></td>
                        """
                }
                return """
                    <tr><td>\(subject.cadre.fullName)<input type="hidden" name="version_\(String(subject.id))" value="\(String(subject.version))"></td>\(cells)</tr>
                    """
            }
            let heads: [HTML] = keys.map { "<th>\(ctx.t(Catalogue.voteCountShort($0)))</th>" }
            let tallyForm: HTML =
                d.subjects.isEmpty
                ? .empty
                : """
                <h2 id="tally">\(ctx.t(Catalogue.voteTally))</h2>
                <p class="muted">\(ctx.t(Catalogue.voteTallyHelp))</p>
                \(errorsFor("tally"))
                <form method="post" action="\(SiteURL.voteAction(s.id, "tally"))" id="tally-form">\(ctx.csrfField)
                <table id="tally-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th>\(heads)</tr></thead><tbody>\(lines)</tbody></table>
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                </form>
                """
            let removals: [HTML] = d.subjects.map { subject in
                """
                <li>\(subject.cadre.fullName) — \(subject.position)
                <form method="post" action="\(SiteURL.removeVotePerson(s.id, subject.id))" class="inline">\(ctx.csrfField)
                <button type="submit" class="secondary">\(ctx.t(Catalogue.voteRemovePerson))</button></form></li>
                """
            }
            let edit = action == "edit"
            let editForm = voteSessionForm(
                ctx, principal, form: edit ? form : FormData(), session: s, message: edit ? message : nil, errors: edit ? errors : [])
            forms = """
                \(tallyForm)
                <h2 id="persons">\(ctx.t(Catalogue.voteAddPerson))</h2>
                \(errorsFor("persons"))
                <form method="post" action="\(SiteURL.voteAction(s.id, "persons"))" class="stacked" id="vote-add-form">\(ctx.csrfField)
                <label for="person">\(ctx.t(Catalogue.votePersonNumber))</label>
                <input type="text" id="person" name="person" value="\(action == "persons" ? form.string("person") : "")" maxlength="20" required>
                <label for="position">\(ctx.t(Catalogue.votePosition))</label>
                <input type="text" id="position" name="position" value="\(action == "persons" ? form.string("position") : "")" maxlength="200">
                <p class="muted">\(ctx.t(Catalogue.votePositionHelp))</p>
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.voteAddPerson))</button></div>
                </form>
                \(removals.isEmpty ? HTML.empty : HTML("<ul class=\"changes\" id=\"vote-persons\">\(removals)</ul>"))
                \(editForm)
                """
        }
        let title = s.bodyName + " — " + ctx.date(s.heldOn)
        let body: HTML = """
            <h1>\(title)</h1>
            <dl class="facts" id="vote-facts">
            <dt>\(ctx.t(Catalogue.voteUnit))</dt><dd><a href="\(SiteURL.unit(s.unitCode))">\(s.unitName)</a></dd>
            <dt>\(ctx.t(Catalogue.voteBodyKindLabel))</dt><dd>\(ctx.t(s.bodyKind.label))</dd>
            <dt>\(ctx.t(Catalogue.voteRound))</dt><dd id="vote-round">\(s.round)</dd>
            <dt>\(ctx.t(Catalogue.voteHeldOn))</dt><dd>\(ctx.date(s.heldOn))</dd>
            <dt>\(ctx.t(Catalogue.voteConvened))</dt><dd>\(ctx.number(s.convened))</dd>
            <dt>\(ctx.t(Catalogue.votePresent))</dt><dd>\(ctx.number(s.present))</dd>
            <dt>\(ctx.t(Catalogue.voteQuorum))</dt><dd>\(quorum)</dd>
            <dt>\(ctx.t(Catalogue.note))</dt><dd>\(s.note ?? "")</dd>
            </dl>
            <p class="muted">\(ctx.t(Catalogue.voteRulesApplied(d.rules.regulation))) \(ctx.t(Catalogue.votePlanningNote))</p>
            <div class="actions"><a class="button secondary" href="\(SiteURL.voteAction(s.id, "sheet"))" id="vote-sheet-link">\(ctx.t(Catalogue.voteResultSheet))</a></div>
            <h2>\(ctx.t(Catalogue.voteResults))</h2>
            \(d.subjects.isEmpty ? HTML("<p id=\"vote-results\">\(ctx.t(Catalogue.noRecords))</p>") : voteResultsTable(ctx, d, id: "vote-results"))
            \(forms)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.votesArea), SiteURL.votes), (s.bodyName, nil)],
            flash: flash, content: body)
    }

    /// The result sheet's table and its landscape page, and the dues grid's narrow cells (served as `/static/votes.css`: the
    /// pages' security policy allows no inline style).
    static let votesStylesheet = """
        .vote-sheet th, .vote-sheet td { border:1px solid #000; padding:.2em .35em; font-size:11pt; }
        .vote-sheet th { background:#eee; } .vote-sheet td.num { text-align:right; }
        .vote-sheet .facts { margin:.6em 0 1em; } .vote-sheet .note { font-style:italic; font-size:10pt; }
        @page landscape { size: A4 landscape; margin: 1.2cm; }
        @media print { .vote-sheet { page: landscape; margin:0; } }
        #dues-grid th, #dues-grid td { padding:.25rem .3rem; }
        #dues-grid input[type=text] { width:3.6rem; padding:.15rem .25rem; font:inherit; }
        """

    /// The result sheet to print: who voted, when, the quorum, and per person the counts, percentages and consequence.
    static func voteSheet(_ d: VoteSessionDetail, language: Language) -> HTML {
        let s = d.session
        func text(_ l: Localized) -> String { l.text(language) }
        func ratio(_ a: Int, _ b: Int) -> String { language == .vi ? VietnameseFormat.ratio(a, b) : EnglishFormat.ratio(a, b) }
        func date(_ c: CivilDate) -> String { language == .vi ? VietnameseFormat.date(c) : EnglishFormat.date(c) }
        let rows: [HTML] = d.subjects.enumerated().map { index, subject in
            guard let t = subject.tally else {
                return
                    "<tr><td class=\"num\">\(index + 1)</td><td>\(subject.cadre.fullName)</td><td>\(subject.position)</td><td colspan=\"8\">\(text(Catalogue.voteNoTally))</td></tr>"
            }
            let levels: [HTML] = ConfidenceLevel.allCases.map { "<td class=\"num\">\(ratio(t.count($0), t.returned))</td>" }
            return """
                <tr><td class="num">\(index + 1)</td><td>\(subject.cadre.fullName)</td><td>\(subject.position)</td><td class="num">\(t.issued)</td>
                <td class="num">\(t.returned)</td><td class="num">\(t.valid)</td><td class="num">\(t.invalid)</td>\(levels)
                <td>\(text((d.consequence(subject) ?? .none).label))</td></tr>
                """
        }
        let heads: [HTML] =
            ["issued", "returned", "valid", "invalid"].map { "<th>\(text(Catalogue.voteCountShort($0)))</th>" }
            + ConfidenceLevel.allCases.map { "<th>\(text($0.label))</th>" }
        let quorum =
            d.quorum.isMet
            ? text(Catalogue.voteQuorumMet(required: d.quorum.required, present: s.present, convened: s.convened))
            : text(Catalogue.voteQuorumShort(required: d.quorum.required, present: s.present, convened: s.convened, regulation: d.rules.regulation))
        return """
            <!doctype html>
            <html lang="\(language.rawValue)"><head><meta charset="utf-8"><title>\(text(Catalogue.voteSheetTitle)) — \(s.bodyName)</title>
            <link rel="stylesheet" href="/static/sheet.css"><link rel="stylesheet" href="\(SiteURL.votesCSS)"></head>
            <body class="vote-sheet">
            <div class="head"><div><strong>\(s.unitName)</strong></div><div><strong>\(text(Catalogue.partyName))</strong></div></div>
            <h1>\(text(Catalogue.voteSheetTitle))</h1>
            <div class="form">\(text(Catalogue.voteSheetSubtitle(s.bodyName, date(s.heldOn))))</div>
            <p class="facts" id="sheet-facts">\(text(Catalogue.voteRound)): \(s.round). \(quorum) \(text(Catalogue.voteRulesApplied(d.rules.regulation)))</p>
            <table id="sheet-results"><thead><tr><th>#</th><th>\(text(Catalogue.fullName))</th><th>\(text(Catalogue.votePosition))</th>\(heads)
            <th>\(text(Catalogue.voteConsequenceLabel))</th></tr></thead><tbody>\(rows)</tbody></table>
            <p class="note">\(text(Catalogue.voteSheetSecret))</p>
            <div class="sign"><div>\(text(Catalogue.sheetDate(date(Timestamp.vietnamDate()))))<br><strong>\(text(Catalogue.voteSheetBoard))</strong></div></div>
            <div class="actions"><a href="\(SiteURL.vote(s.id))">\(text(Catalogue.voteSession))</a></div>
            </body></html>
            """
    }

    // MARK: - The section on a cadre's page

    /// A cadre's confidence votes at the sessions in the principal's scope, for the cadre's page.
    func voteSection(_ ctx: PageContext, _ principal: Principal, cadreId: Int64) async throws -> HTML {
        let results = try await services.votes.results(principal, cadreId: cadreId)
        let rows: [HTML] = results.map { r in
            let s = r.detail.session
            let shares: [HTML] = ConfidenceLevel.allCases.map { level in
                "<td class=\"num\">\(r.subject.tally.map { Self.voteShare(ctx, $0, level) } ?? "")</td>"
            }
            return """
                <tr><td>\(ctx.date(s.heldOn))</td><td><a href="\(SiteURL.vote(s.id))">\(s.bodyName)</a></td><td>\(s.round)</td><td>\(r.subject.position)</td>
                \(shares)<td>\(r.consequence.map { ctx.t($0.label) } ?? ctx.t(Catalogue.voteNoTally))</td></tr>
                """
        }
        let levels: [HTML] = ConfidenceLevel.allCases.map { "<th>\(ctx.t($0.label))</th>" }
        let table: HTML =
            rows.isEmpty
            ? "<p id=\"cadre-votes\" class=\"muted\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="cadre-votes"><thead><tr><th>\(ctx.t(Catalogue.voteHeldOn))</th><th>\(ctx.t(Catalogue.voteBody))</th><th>\(ctx.t(Catalogue.voteRound))</th>
            <th>\(ctx.t(Catalogue.votePosition))</th>\(levels)<th>\(ctx.t(Catalogue.voteConsequenceLabel))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        return "<h2>\(ctx.t(Catalogue.voteOfPerson))</h2>\(table)"
    }
}
