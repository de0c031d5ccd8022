import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let elections = "/elections"
    static func election(_ id: Int64) -> String { "/elections/\(id)" }
    static func electionCandidates(_ id: Int64) -> String { "/elections/\(id)/candidates" }
    static func electionRemoveCandidate(_ id: Int64, _ candidate: Int64) -> String { "/elections/\(id)/candidates/\(candidate)/remove" }
    static func electionCount(_ id: Int64) -> String { "/elections/\(id)/count" }
    static func electionRounds(_ id: Int64) -> String { "/elections/\(id)/rounds" }
    static func electionApprove(_ id: Int64) -> String { "/elections/\(id)/approve" }
    static func electionMinutes(_ id: Int64) -> String { "/elections/\(id)/minutes" }
    static let minutesCSS = "/static/minutes.css"
}

/// Elections at congresses and conferences (Quyết định 190-QĐ/TW; DOMAIN.md §4): the list with the surplus check shown
/// before any ballot, the paper count of each round, the result with its reasons, re-votes, the higher level's approval,
/// and the printable minutes.
extension Site {
    func registerElectionPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.elections)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let language = principal.language
            let file = try await listDownload(
                request, principal, sheet: "bau-cu", baseName: Self.fileName("bau-cu", principal, unit: unit), numeric: [4]
            ) {
                let all = try await Page.all { page, perPage in
                    try await services.elections.list(principal, unitCode: unit, page: page, perPage: perPage)
                }
                return [
                    [
                        Catalogue.electionBody, Catalogue.name, Catalogue.congressTerm, Catalogue.electionHeldOn, Catalogue.electionSeats,
                        Catalogue.congressStatus,
                    ]
                    .map { $0.text(language) }
                ]
                    + all.map { e in
                        [
                            e.body.label.text(language), e.unitName, e.congressTerm.map { $0.label } ?? Catalogue.electionConference.text(language),
                            Self.day(e.heldOn, language), String(e.seats), e.status.label.text(language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            return Responses.html(try await electionIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.elections)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            var draft = ElectionDraft()
            draft.unitCode = form.string("unit_code")
            draft.congressTerm = form.string("congress_term")
            draft.body = form.string("body")
            draft.title = form.string("title")
            draft.heldOn = form.string("held_on")
            draft.seats = form.string("seats")
            draft.delegates = form.string("delegates")
            do {
                let election = try await services.elections.create(principal, draft)
                return Responses.redirect(SiteURL.election(election.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await electionIndex(ctx, principal, request: request, form: form, message: message, errors: errors),
                    status: .unprocessableContent)
            }
        }
        router.get("/elections/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let ctx = try await pageContext(request, context)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.electionSaved) : nil
            return Responses.html(try await electionPage(ctx, principal, id: id, flash: flash))
        }
        router.get(RouterPath(SiteURL.minutesCSS)) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Self.minutesCSS)))
        }
        router.get("/elections/:id/minutes") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let detail = try await services.elections.detail(principal, id: id)
            return Responses.html(Self.electionMinutes(detail))
        }
        router.post("/elections/:id/candidates") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let form = context.form
            return try await electionAction(request, context, principal, id: id, form: form) {
                _ = try await services.elections.addCandidate(
                    principal, electionId: id, person: form.string("member_number"), source: form.string("source"), agreed: form.string("agreed"),
                    expectedVersion: Int(form.string("version")))
            }
        }
        router.post("/elections/:id/candidates/:candidate/remove") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            guard let candidate = context.parameters.get("candidate").flatMap({ Int64($0) }) else {
                throw DomainError.notFound(Catalogue.electionCandidateNotFound)
            }
            let form = context.form
            return try await electionAction(request, context, principal, id: id, form: form) {
                try await services.elections.removeCandidate(
                    principal, electionId: id, candidateId: candidate, expectedVersion: Int(form.string("version")))
            }
        }
        router.post("/elections/:id/count") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let form = context.form
            return try await electionAction(request, context, principal, id: id, form: form) {
                let count = try Self.ballotFields(form)
                _ = try await services.elections.enterCount(
                    principal, electionId: id, issued: count.issued, returned: count.returned, valid: count.valid, invalid: count.invalid,
                    votes: count.votes,
                    expectedVersion: Int(form.string("version")))
            }
        }
        router.post("/elections/:id/rounds") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let form = context.form
            return try await electionAction(request, context, principal, id: id, form: form) {
                let chosen = (form.values["candidate_ids"] ?? []).compactMap { Int64($0) }
                _ = try await services.elections.nextRound(
                    principal, electionId: id, candidateIds: chosen, expectedVersion: Int(form.string("version")))
            }
        }
        router.post("/elections/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            let form = context.form
            return try await electionAction(request, context, principal, id: id, form: form) {
                _ = try await services.elections.approve(
                    principal, electionId: id, approvalNo: form.string("approval_no"), approvedOn: form.string("approved_on"))
            }
        }
    }

    /// The count typed in the form: whole numbers (dots as thousands separators allowed); a field left empty or not a
    /// number is named in the refusal.
    static func ballotFields(_ form: FormData) throws -> (issued: Int, returned: Int, valid: Int, invalid: Int, votes: [Int64: Int]) {
        var errors: [FieldError] = []
        func number(_ name: String) -> Int {
            let text = form.string(name).trimmed.replacingOccurrences(of: ".", with: "")
            guard let n = Int(text), (0...CongressRecordRules.maximumDelegates).contains(n) else {
                errors.append(FieldError(name, text.isEmpty ? Catalogue.required : Catalogue.outOfRange(0, CongressRecordRules.maximumDelegates)))
                return 0
            }
            return n
        }
        let counts = (number("issued"), number("returned"), number("valid"), number("invalid"))
        var votes: [Int64: Int] = [:]
        for key in form.values.keys where key.hasPrefix("votes_") {
            guard let id = Int64(key.dropFirst("votes_".count)) else { continue }
            votes[id] = number(key)
        }
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.electionCountInvalid, errors) }
        return (counts.0, counts.1, counts.2, counts.3, votes)
    }

    /// Runs an election form's action; back to the election's page, or the page again with the refusal and the form.
    func electionAction(
        _ request: Request, _ context: AppContext, _ principal: Principal, id: Int64, form: FormData, _ action: () async throws -> Void
    ) async throws -> Response {
        do {
            try await action()
            return Responses.redirect(SiteURL.election(id) + "?saved=1")
        } catch DomainError.invalid(let message, let errors) {
            let ctx = try await pageContext(request, context)
            return Responses.html(
                try await electionPage(ctx, principal, id: id, form: form, message: message, errors: errors), status: .unprocessableContent)
        } catch DomainError.conflict(let message, let changes, _) {
            let ctx = try await pageContext(request, context)
            return Responses.html(
                Layout.conflict(ctx, title: ctx.t(Catalogue.electionsArea), message: message, changes: changes, retry: SiteURL.election(id)),
                status: .conflict)
        }
    }

    func electionIndex(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    ) async throws -> HTML {
        let unit = (request.query("unit") ?? "").trimmed
        let page = try ListQuery(request).page
        let list = try await services.elections.list(principal, unitCode: unit, page: page)
        let rows: [HTML] = list.items.map { e in
            """
            <tr><td><a href="\(SiteURL.election(e.id))">\(ctx.t(e.body.label))</a></td><td><a href="\(SiteURL.unit(e.unitCode))">\(e.unitName)</a></td>
            <td>\(e.congressTerm.map { $0.label } ?? ctx.t(Catalogue.electionConference))</td><td>\(ctx.date(e.heldOn))</td><td class="num">\(e.seats)</td>
            <td>\(ctx.t(e.status.label))</td></tr>
            """
        }
        let create: HTML =
            principal.role.canWriteRecords
            ? Layout.errors(ctx, message, errors)
                + electionCreateForm(
                    ctx, unitCode: form.string("unit_code").isEmpty ? (unit.isEmpty ? principal.unitCode : unit) : form.string("unit_code"),
                    congressTerm: form.string("congress_term"), heldOn: nil, delegates: nil, form: form)
            : .empty
        let title = ctx.t(Catalogue.electionsArea)
        let body: HTML = """
            <h1>\(title)</h1>
            \(listFilter(ctx, SiteURL.elections, unit))
            \(Self.exportLinks(ctx, SiteURL.elections, [("unit", unit)]))
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <table id="elections-table"><thead><tr><th>\(ctx.t(Catalogue.electionBody))</th><th>\(ctx.t(Catalogue.name))</th>
            <th>\(ctx.t(Catalogue.congressTerm))</th><th>\(ctx.t(Catalogue.electionHeldOn))</th><th>\(ctx.t(Catalogue.electionSeats))</th>
            <th>\(ctx.t(Catalogue.congressStatus))</th></tr></thead><tbody>\(rows)</tbody></table>
            """))
            \(Layout.pager(ctx, page: list.page, pageCount: list.pageCount, total: list.total) {
                SiteURL.with(SiteURL.elections, [("unit", unit), ("page", $0 > 1 ? String($0) : "")])
            })
            \(create)
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.congressArea), SiteURL.congresses), (title, nil)], content: body)
    }

    /// The form that opens an election at a unit (at its congress of a term, or at a conference when the term is empty).
    func electionCreateForm(
        _ ctx: PageContext, unitCode: String, congressTerm: String, heldOn: CivilDate?, delegates: Int?, form: FormData = FormData()
    ) -> HTML {
        let chosen = form.string("body").isEmpty ? ElectedBody.committee.rawValue : form.string("body")
        let bodies: [HTML] = ElectedBody.allCases.map { b in
            "<option value=\"\(b.rawValue)\"\(HTML(raw: chosen == b.rawValue ? " selected" : ""))>\(ctx.t(b.label))</option>"
        }
        let held = form.string("held_on").isEmpty ? (heldOn?.iso ?? "") : form.string("held_on")
        let present = form.string("delegates").isEmpty ? (delegates.map { String($0) } ?? "") : form.string("delegates")
        return """
            <h2>\(ctx.t(Catalogue.electionNew))</h2>
            <form method="post" action="\(SiteURL.elections)" class="stacked" id="election-create-form">\(ctx.csrfField)
            <label for="unit_code">\(ctx.t(Catalogue.code))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(unitCode)" maxlength="40" required>
            <label for="congress_term">\(ctx.t(Catalogue.electionCongressTerm))</label>
            <input type="text" id="congress_term" name="congress_term" value="\(congressTerm)" maxlength="9" placeholder="2025-2030">
            <label for="body">\(ctx.t(Catalogue.electionBody))</label><select id="body" name="body">\(bodies)</select>
            <label for="title">\(ctx.t(Catalogue.electionTitle))</label>
            <input type="text" id="title" name="title" value="\(form.string("title"))" maxlength="\(CadreTitle.maximumLength)" placeholder="\(ctx.t(ElectedBody.committee.defaultTitle))">
            <label for="held_on">\(ctx.t(Catalogue.electionHeldOn))</label>\(Self.dateInput(ctx, name: "held_on", value: held))
            <label for="seats">\(ctx.t(Catalogue.electionSeats))</label>
            <input type="text" inputmode="numeric" id="seats" name="seats" value="\(form.string("seats"))" maxlength="4" required>
            <label for="delegates">\(ctx.t(Catalogue.electionDelegates))</label>
            <input type="text" inputmode="numeric" id="delegates" name="delegates" value="\(present)" maxlength="6" required>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.electionNew))</button></div>
            </form>
            """
    }

    func electionPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), message: Localized? = nil,
        errors: [FieldError] = []
    ) async throws -> HTML {
        let d = try await services.elections.detail(principal, id: id)
        let e = d.election
        let history = try await services.elections.history(principal, id: id)
        let canWrite = principal.role.canWriteRecords && e.status == .open
        let listing = d.stage == .listing
        let version: HTML = "<input type=\"hidden\" name=\"version\" value=\"\(e.version)\">"
        let admitted = Set(d.listCheck.admitted)
        let candidateRows: [HTML] = d.candidates.map { c in
            let onList = admitted.contains(String(c.id))
            let remove: HTML =
                canWrite && listing
                ? "<form method=\"post\" action=\"\(SiteURL.electionRemoveCandidate(e.id, c.id))\" class=\"inline\">\(ctx.csrfField)\(version)<button type=\"submit\" class=\"secondary\">\(ctx.t(Catalogue.electionRemove))</button></form>"
                : .empty
            let agreed = c.agreed.map { ctx.t(Catalogue.floorAdmitted($0, e.delegates)) } ?? ""
            return """
                <tr><td>\(c.cadreId.map { HTML("<a href=\"\(SiteURL.cadre($0))\">\(c.fullName)</a>") } ?? HTML("\(c.fullName)"))</td><td>\(c.cardNo ?? "")</td>
                <td>\(ctx.t(c.source.label))</td><td>\(agreed)</td>
                <td>\(ctx.t(onList ? Catalogue.electionOnList : Catalogue.electionOffList))</td><td>\(remove)</td></tr>
                """
        }
        let check = d.listCheck
        let surplusText = check.seats > 0 ? ctx.ratio(max(0, check.surplus), check.seats) : "—"
        let problems: [HTML] = check.problems.map { "<li>\(ctx.t($0))</li>" }
        let notes: [HTML] = check.notes.map { "<li>\(ctx.t($0))</li>" }
        let checkBox: HTML = """
            <div id="list-check" class="\(check.isValid ? "facts" : "errors")">
            <p>\(ctx.t(Catalogue.electionListSummary(seats: check.seats, names: check.admitted.count, surplus: surplusText, limit: check.maxSurplus, regulation: d.rules.regulation)))</p>
            \(problems.isEmpty ? HTML.empty : HTML("<ul class=\"warnings\" id=\"list-problems\">\(problems)</ul>"))
            \(notes.isEmpty ? HTML.empty : HTML("<ul id=\"list-notes\">\(notes)</ul>"))
            </div>
            """
        let sources: [HTML] = NominationSource.allCases.map { s in
            "<option value=\"\(s.rawValue)\"\(HTML(raw: form.string("source") == s.rawValue ? " selected" : ""))>\(ctx.t(s.label))</option>"
        }
        let addForm: HTML =
            canWrite && listing
            ? """
            <h3>\(ctx.t(Catalogue.electionAddCandidate))</h3>
            <form method="post" action="\(SiteURL.electionCandidates(e.id))" class="stacked" id="candidate-form">\(ctx.csrfField)\(version)
            <label for="member_number">\(ctx.t(Catalogue.memberNumber))</label>
            <input type="text" id="member_number" name="member_number" value="\(form.string("member_number"))" maxlength="20" required>
            <label for="source">\(ctx.t(Catalogue.electionSource))</label><select id="source" name="source">\(sources)</select>
            <label for="agreed">\(ctx.t(Catalogue.electionAgreed))</label>
            <input type="text" inputmode="numeric" id="agreed" name="agreed" value="\(form.string("agreed"))" maxlength="6">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.electionAddCandidate))</button></div>
            </form>
            """ : .empty
        var roundsHTML: [HTML] = []
        for view in d.rounds {
            let r = view.round
            var table: HTML = "<p class=\"muted\">\(ctx.t(Catalogue.electionNotCounted))</p>"
            if let count = r.count, let result = view.result {
                let rows: [HTML] = result.results.map { res in
                    let name = d.candidate(res.id)?.fullName ?? res.id
                    return """
                        <tr class="outcome-\(res.outcome.rawValue)"><td>\(name)</td><td class="num">\(ctx.number(res.votes))</td>
                        <td>\(ctx.t(res.outcome.label))</td><td>\(ctx.t(res.reason))</td></tr>
                        """
                }
                table = """
                    <p id="round-\(r.number)-count">\(ctx.t(Catalogue.electionCountLine(count.issued, count.returned, count.valid, count.invalid)))</p>
                    <table id="round-\(r.number)-result"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.electionVotes))</th>
                    <th>\(ctx.t(Catalogue.electionOutcome))</th><th>\(ctx.t(Catalogue.electionReason))</th></tr></thead><tbody>\(rows)</tbody></table>
                    """
            }
            roundsHTML.append(
                """
                <h3>\(ctx.t(Catalogue.electionRoundTitle(r.number, seats: r.seats)))</h3><p class="muted">\(ctx.t(r.reason.label))</p>
                \(table)
                """)
        }
        // The count form of the current round (the first one opens on the admitted list); a count can be corrected until
        // the next round is opened.
        let countIds: [Int64] = d.rounds.last?.round.candidateIds ?? check.admitted.compactMap { Int64($0) }
        let lastCount = d.rounds.last?.round.count
        func field(_ name: String, _ label: Localized, _ value: Int?) -> HTML {
            let typed = form.string(name).isEmpty ? (value.map { String($0) } ?? "") : form.string(name)
            return """
                <div><label for="\(name)">\(ctx.t(label))</label><br>
                <input type="text" inputmode="numeric" class="narrow" id="\(name)" name="\(name)" value="\(typed)" maxlength="7" required></div>
                """
        }
        let voteFields: [HTML] = countIds.map { id in
            let name = d.candidate(id)?.fullName ?? String(id)
            let key = "votes_\(id)"
            let typed = form.string(key).isEmpty ? (lastCount?.votes[String(id)].map { String($0) } ?? "") : form.string(key)
            return """
                <tr><td><label for="\(key)">\(name)</label></td>
                <td><input type="text" inputmode="numeric" class="narrow" id="\(key)" name="\(key)" value="\(typed)" maxlength="7" required></td></tr>
                """
        }
        let canCount = canWrite && !countIds.isEmpty && (check.isValid || !d.rounds.isEmpty)
        let countForm: HTML =
            canCount
            ? """
            <h3>\(ctx.t(Catalogue.electionEnterCount(d.rounds.last?.round.number ?? 1)))</h3>
            <form method="post" action="\(SiteURL.electionCount(e.id))" id="count-form">\(ctx.csrfField)\(version)
            <div class="searchbar">\(field("issued", Catalogue.ballotsIssued, lastCount?.issued))\(field("returned", Catalogue.ballotsReturnedLabel, lastCount?.returned))
            \(field("valid", Catalogue.ballotsValidLabel, lastCount?.valid))\(field("invalid", Catalogue.ballotsInvalidLabel, lastCount?.invalid))</div>
            <table id="count-votes"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.electionVotes))</th></tr></thead><tbody>\(voteFields)</tbody></table>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.electionSaveCount))</button></div>
            </form>
            """ : .empty
        var stageHTML: HTML = .empty
        switch d.stage {
        case .revote(let seats, let tied):
            let names = tied.compactMap { d.candidate($0)?.fullName }.joined(separator: ", ")
            stageHTML = """
                <div class="errors" id="election-stage"><p>\(ctx.t(Catalogue.electionStageRevote(names, seats: seats)))</p></div>
                \(canWrite ? HTML("<form method=\"post\" action=\"\(SiteURL.electionRounds(e.id))\" id=\"next-round-form\">\(ctx.csrfField)\(version)<button type=\"submit\">\(ctx.t(Catalogue.electionStartRevote))</button></form>") : HTML.empty)
                """
        case .seatsLeft(let seats):
            let elected = Set(d.elected.map(\.id))
            let boxes: [HTML] = check.admitted.compactMap { Int64($0) }.filter { !elected.contains($0) }.map { id in
                let key = String(id)
                return
                    "<div class=\"check\"><input type=\"checkbox\" id=\"next-\(key)\" name=\"candidate_ids\" value=\"\(key)\" checked> <label for=\"next-\(key)\">\(d.candidate(id)?.fullName ?? "")</label></div>"
            }
            stageHTML = """
                <div class="facts" id="election-stage"><p>\(ctx.t(Catalogue.electionStageSeatsLeft(seats)))</p></div>
                \(canWrite ? HTML("<form method=\"post\" action=\"\(SiteURL.electionRounds(e.id))\" id=\"next-round-form\">\(ctx.csrfField)\(version)\(boxes)<button type=\"submit\">\(ctx.t(Catalogue.electionStartAgain))</button></form>") : HTML.empty)
                """
        case .complete:
            stageHTML =
                "<div class=\"facts\" id=\"election-stage\"><p>\(ctx.t(Catalogue.electionStageComplete(ctx.t(d.approvingLevel.label))))</p></div>"
        case .approved:
            stageHTML = """
                <div class="facts" id="election-stage"><p>\(ctx.t(Catalogue.electionApprovedLine(e.approvalNo ?? "", ctx.date(e.approvedOn), e.approvedBy ?? "")))</p></div>
                """
        case .listing, .counting:
            break
        }
        let electedList: [HTML] = d.elected.map { c in
            "<li>\(c.cadreId.map { HTML("<a href=\"\(SiteURL.cadre($0))\">\(c.fullName)</a>") } ?? HTML("\(c.fullName)"))</li>"
        }
        let resultHTML: HTML =
            d.rounds.contains(where: { $0.result != nil })
            ? """
            <h2>\(ctx.t(Catalogue.electionResult))</h2>
            <div id="election-result">\(electedList.isEmpty ? HTML("<p>\(ctx.t(Catalogue.electionNobodyElected))</p>") : HTML("<p>\(ctx.t(Catalogue.electionElectedCount(d.elected.count, e.seats)))</p><ol id=\"elected-list\">\(electedList)</ol>"))</div>
            """ : .empty
        let approvable: Bool = {
            switch d.stage {
            case .complete, .seatsLeft: return !d.elected.isEmpty
            default: return false
            }
        }()
        let approveForm: HTML =
            principal.role.canApprove && approvable && principal.unitPath != e.unitPath
            ? """
            <h2>\(ctx.t(Catalogue.electionApprove))</h2>
            <p class="muted">\(ctx.t(Catalogue.electionApproveHelp(ctx.t(d.approvingLevel.label), e.title)))</p>
            <form method="post" action="\(SiteURL.electionApprove(e.id))" class="stacked" id="approve-election-form">\(ctx.csrfField)
            <label for="approval_no">\(ctx.t(Catalogue.electionApprovalNo))</label>
            <input type="text" id="approval_no" name="approval_no" value="\(form.string("approval_no"))" maxlength="100" required>
            <label for="approved_on">\(ctx.t(Catalogue.electionApprovedOn))</label>\(Self.dateInput(ctx, name: "approved_on", value: form.string("approved_on")))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.electionApprove))</button></div>
            </form>
            """ : .empty
        let congressLink: HTML =
            e.congressTerm.map { term in
                HTML("<a href=\"\(SiteURL.congress(e.unitCode, term.key))\">\(ctx.t(Catalogue.congressesTitle(term.label)))</a>")
            } ?? HTML("\(ctx.t(Catalogue.electionConference))")
        let title = "\(ctx.t(e.body.label)) — \(e.unitName)"
        let body: HTML = """
            <h1>\(title)</h1>
            <dl class="facts" id="election-facts">
            <dt>\(ctx.t(Catalogue.name))</dt><dd><a href="\(SiteURL.unit(e.unitCode))">\(e.unitName)</a> · \(congressLink)</dd>
            <dt>\(ctx.t(Catalogue.electionHeldOn))</dt><dd>\(ctx.date(e.heldOn))</dd>
            <dt>\(ctx.t(Catalogue.electionSeats))</dt><dd>\(e.seats)</dd>
            <dt>\(ctx.t(Catalogue.electionDelegates))</dt><dd>\(ctx.number(e.delegates))</dd>
            <dt>\(ctx.t(Catalogue.electionTitle))</dt><dd>\(e.title)</dd>
            <dt>\(ctx.t(Catalogue.congressStatus))</dt><dd id="election-status">\(ctx.t(e.status.label))</dd>
            <dt>\(ctx.t(Catalogue.electionRules))</dt><dd>\(d.rules.regulation) — \(ctx.t(Catalogue.electionRulesLine(share: d.rules.electedMoreThan.description, valid: d.rules.majorityBase == .valid)))</dd>
            </dl>
            <div class="actions"><a class="button secondary" id="minutes-link" href="\(SiteURL.electionMinutes(e.id))">\(ctx.t(Catalogue.electionMinutes))</a></div>
            \(Layout.errors(ctx, message, errors))
            <h2>\(ctx.t(Catalogue.electionList))</h2>
            \(checkBox)
            \(candidateRows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.electionListEmpty))</p>") : HTML("""
            <table id="election-candidates"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th>
            <th>\(ctx.t(Catalogue.electionSource))</th><th>\(ctx.t(Catalogue.electionAgreed))</th><th>\(ctx.t(Catalogue.congressStatus))</th><th></th></tr></thead>
            <tbody>\(candidateRows)</tbody></table>
            """))
            \(addForm)
            \(roundsHTML.isEmpty ? HTML.empty : HTML("<h2>\(ctx.t(Catalogue.electionRounds))</h2>"))
            \(roundsHTML)
            \(stageHTML)
            \(countForm)
            \(resultHTML)
            \(approveForm)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.congressArea), SiteURL.congresses), (ctx.t(Catalogue.electionsArea), SiteURL.elections), (title, nil)],
            flash: flash, content: body)
    }

    /// The printable minutes of the count (biên bản kiểm phiếu), in Vietnamese as filed, with print CSS.
    static func electionMinutes(_ d: ElectionDetail) -> HTML {
        let e = d.election
        let vi = Language.vi
        var rounds: [HTML] = []
        for view in d.rounds {
            guard let count = view.round.count, let result = view.result else { continue }
            let rows: [HTML] = result.results.enumerated().map { index, res in
                """
                <tr><td>\(index + 1)</td><td>\(d.candidate(res.id)?.fullName ?? res.id)</td><td class="num">\(VietnameseFormat.integer(res.votes))</td>
                <td>\(VietnameseFormat.ratio(res.votes, result.base))</td><td>\(res.outcome.label.text(vi))</td></tr>
                """
            }
            rounds.append(
                """
                <h2>\(Catalogue.electionRoundTitle(view.round.number, seats: view.round.seats).text(vi)) — \(view.round.reason.label.text(vi))</h2>
                <p>\(Catalogue.electionCountLine(count.issued, count.returned, count.valid, count.invalid).text(vi))</p>
                <table><thead><tr><th>TT</th><th>\(Catalogue.fullName.text(vi))</th><th>\(Catalogue.electionVotes.text(vi))</th>
                <th>\(Catalogue.electionShare.text(vi))</th><th>\(Catalogue.electionOutcome.text(vi))</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
        }
        let elected: [HTML] = d.elected.map { "<li>\($0.fullName)</li>" }
        let approval: HTML =
            e.status == .approved
            ? HTML(
                "<p>\(Catalogue.electionApprovedLine(e.approvalNo ?? "", e.approvedOn.map(VietnameseFormat.date) ?? "", e.approvedBy ?? "").text(vi))</p>"
            )
            : HTML("<p>\(Catalogue.electionAwaitingApproval(d.approvingLevel.label.text(vi)).text(vi))</p>")
        let term = e.congressTerm.map { Catalogue.congressesTitle($0.label).text(vi) } ?? Catalogue.electionConference.text(vi)
        return """
            <!doctype html>
            <html lang="vi"><head><meta charset="utf-8"><title>\(Catalogue.electionMinutesTitle.text(vi)) — \(e.unitName)</title>
            <link rel="stylesheet" href="\(SiteURL.minutesCSS)"><script src="/static/app.js" defer></script></head>
            <body>
            <div class="head"><div><strong>\(e.unitName)</strong><br>\(term)</div><div><strong>\(Catalogue.partyName.text(vi))</strong><br><em>\(Catalogue.sheetDate(VietnameseFormat.date(e.heldOn)).text(vi))</em></div></div>
            <h1>\(Catalogue.electionMinutesTitle.text(vi).uppercased())</h1>
            <p class="sub">\(Catalogue.electionMinutesSubtitle(e.body.label.text(vi)).text(vi))</p>
            <p>\(Catalogue.electionMinutesIntro(seats: e.seats, delegates: e.delegates, names: d.listCheck.admitted.count).text(vi))</p>
            <p>\(Catalogue.electionRulesLine(share: d.rules.electedMoreThan.description, valid: d.rules.majorityBase == .valid).text(vi)) (\(d.rules.regulation)).</p>
            \(rounds)
            <h2>\(Catalogue.electionResult.text(vi))</h2>
            \(elected.isEmpty ? HTML("<p>\(Catalogue.electionNobodyElected.text(vi))</p>") : HTML("<p>\(Catalogue.electionElectedCount(d.elected.count, e.seats).text(vi))</p><ol id=\"minutes-elected\">\(elected)</ol>"))
            \(approval)
            <div class="sign"><div>\(HTML(raw: HTML.escape(Catalogue.electionMinutesSign.text(vi)).replacingOccurrences(of: "\n", with: "<br>")))</div></div>
            <div class="actions"><button type="button" data-print>\(Catalogue.print.text(vi))</button> <a href="\(SiteURL.election(e.id))">\(Catalogue.electionBack.text(vi))</a></div>
            </body></html>
            """
    }

    static let minutesCSS = """
        body { font: 12pt/1.45 "Times New Roman", "DejaVu Serif", serif; color:#000; margin:2cm; }
        .head { display:flex; justify-content:space-between; text-align:center; font-size:11pt; }
        h1 { text-align:center; font-size:15pt; margin:1.2em 0 .2em; }
        h2 { font-size:12.5pt; margin:1.2em 0 .3em; }
        .sub { text-align:center; font-weight:bold; margin-bottom:1.2em; }
        table { width:100%; border-collapse:collapse; margin:.4em 0; }
        th, td { border:1px solid #000; padding:.2em .4em; text-align:left; vertical-align:top; }
        td.num { text-align:right; }
        .sign { display:flex; justify-content:flex-end; margin-top:2.5em; text-align:center; font-weight:bold; }
        .actions { margin-top:1.5em; }
        @media print { .actions { display:none; } body { margin:1.5cm; } h2 { page-break-after:avoid; } tr { page-break-inside:avoid; } }
        """
}
