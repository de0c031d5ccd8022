import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let assessment = "/assessment"
    static let assessmentResults = "/assessment/results"
    static let rules = "/rules"
    static func assessment(unit: String, period: String, subject: String) -> String {
        with(assessment, [("unit", unit), ("period", period), ("subject", subject)])
    }
    static func assessmentResults(unit: String, period: String, subject: String, format: String = "") -> String {
        with(assessmentResults, [("unit", unit), ("period", period), ("subject", subject), ("format", format)])
    }
    static func voidRule(_ id: Int64) -> String { "/rules/\(id)/void" }
}

/// Classification (DOMAIN.md §4, issue 6): the entry grid of a unit (a clerk rates a cell of 40 in a minute: one
/// letter per line, Tab to the next), results by class for a subtree, and the rule sets in force.
extension Site {
    func registerAssessmentPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.assessment)) { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.assessmentQuery(request.query("unit"), request.query("period"), request.query("subject"), principal: principal)
            let grid = try await services.evaluations.grid(principal, unitCode: query.unit, period: query.period, subject: query.subject)
            let language = principal.language
            // The grid as it stands: one line a subject, its rating this period and the last, and the score where the rules use one.
            if let file = try await listDownload(
                request, principal, sheet: "xep-loai", baseName: "phieu-xep-loai-\(grid.unit.code)-\(grid.period.key)-\(grid.subject.rawValue)",
                numeric: [0, 5],
                rows: {
                    [
                        [
                            "#", Catalogue.fullName.text(language), Catalogue.gridDetail(grid.subject).text(language),
                            grid.period.previous.label.text(language),
                            Catalogue.ratingLabel.text(language), Catalogue.scoreLabel.text(language),
                        ]
                    ]
                        + grid.rows.enumerated().map { index, row in
                            [
                                String(index + 1), row.name, row.detail, row.previous.map { Catalogue.ratingShort($0).text(language) } ?? "",
                                row.current.map { $0.rating.label.text(language) } ?? "", row.current?.score.map(String.init) ?? "",
                            ]
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.gridSaved) : nil
            return Responses.html(try await gridPage(ctx, principal, grid, typed: [:], message: nil, errors: [], flash: flash))
        }
        router.post(RouterPath(SiteURL.assessment)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            let query = try Self.assessmentQuery(form["unit"], form["period"], form["subject"], principal: principal)
            let keys = form.values.keys.filter { $0.hasPrefix("rating_") }.map { String($0.dropFirst("rating_".count)) }.sorted()
            let inputs = keys.map { key in
                EvaluationInput(
                    subjectKey: key, rating: form.string("rating_" + key), score: form.string("score_" + key), version: Int(form.string("version_" + key)) ?? 0)
            }
            do {
                _ = try await services.evaluations.save(principal, unitCode: query.unit, period: query.period, subject: query.subject, inputs)
                return Responses.redirect(SiteURL.assessment(unit: query.unit, period: query.period.key, subject: query.subject.rawValue) + "&saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let grid = try await services.evaluations.grid(principal, unitCode: query.unit, period: query.period, subject: query.subject)
                let typed = Dictionary(uniqueKeysWithValues: inputs.map { ($0.subjectKey, $0) })
                return Responses.html(
                    try await gridPage(ctx, principal, grid, typed: typed, message: message, errors: errors, flash: nil), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(
                        ctx, title: ctx.t(Catalogue.assessmentGrid), message: message, changes: changes,
                        retry: SiteURL.assessment(unit: query.unit, period: query.period.key, subject: query.subject.rawValue)), status: .conflict)
            }
        }
        router.get(RouterPath(SiteURL.assessmentResults)) { request, context in
            let principal = try context.requirePrincipal()
            let query = try Self.assessmentQuery(request.query("unit"), request.query("period"), request.query("subject"), principal: principal)
            let results = try await services.evaluations.results(principal, unitCode: query.unit, period: query.period, subject: query.subject)
            // Every column after the code and the name is a count.
            let file = try await listDownload(
                request, principal, sheet: "xep-loai", baseName: "xep-loai-\(results.unit.code)-\(query.period.key)-\(query.subject.rawValue)",
                numeric: Set(2...(2 + Rating.allCases.count))
            ) {
                let language = principal.language
                var rows = [[Catalogue.code.text(language), Catalogue.unit.text(language)] + Rating.allCases.map { $0.label.text(language) }
                    + [Catalogue.total.text(language)]]
                for line in results.lines {
                    rows.append([line.code, line.name] + Rating.allCases.map { String(line.counts[$0] ?? 0) } + [String(line.total)])
                }
                rows.append(["", Catalogue.total.text(language)] + Rating.allCases.map { String(results.totals[$0] ?? 0) } + [String(results.total)])
                return rows
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            return Responses.html(resultsPage(ctx, results))
        }
        router.get(RouterPath(SiteURL.rules)) { request, context in
            let principal = try context.requirePrincipal()
            if let file = try await listDownload(
                request, principal, sheet: "quy-dinh", baseName: "bo-quy-dinh", rows: { try await rulesRows(principal) })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.ruleSaved) : nil
            let draft = request.query("family").map { RuleSetDraft(family: $0) }
            return Responses.html(try await rulesPage(ctx, principal, draft: draft, message: nil, errors: [], flash: flash))
        }
        router.post(RouterPath(SiteURL.rules)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            var draft = RuleSetDraft(
                family: form.string("family"), regulation: form.string("regulation"), effectiveFrom: form.string("effective_from"), title: form.string("title"))
            for parameter in RuleFamily(rawValue: draft.family)?.parameters ?? [] { draft.values[parameter.key] = form.string(parameter.key) }
            do {
                _ = try await services.rules.add(principal, draft)
                return Responses.redirect(SiteURL.rules + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await rulesPage(ctx, principal, draft: draft, message: message, errors: errors, flash: nil), status: .unprocessableContent)
            }
        }
        router.post("/rules/:id/void") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { throw DomainError.notFound(Catalogue.notFound) }
            do {
                try await services.rules.void(principal, id: id, reason: context.form.string("reason"))
                return Responses.redirect(SiteURL.rules + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await rulesPage(ctx, principal, draft: nil, message: message, errors: errors, flash: nil), status: .unprocessableContent)
            }
        }
    }

    struct AssessmentQuery {
        let unit: String
        let period: ReviewPeriod
        let subject: RatingSubject
    }

    /// The unit (default the user's), the period (default the current year) and the kind of subject (default members).
    static func assessmentQuery(_ unit: String?, _ period: String?, _ subject: String?, principal: Principal) throws -> AssessmentQuery {
        var errors: [FieldError] = []
        let periodText = (period ?? "").trimmed
        let parsed = periodText.isEmpty ? ReviewPeriod.year(Timestamp.vietnamDate().year) : ReviewPeriod(parsing: periodText)
        if parsed == nil { errors.append(FieldError("period", Catalogue.reviewPeriodInvalid)) }
        let subjectText = (subject ?? "").trimmed
        let kind = subjectText.isEmpty ? RatingSubject.member : RatingSubject(rawValue: subjectText)
        if kind == nil { errors.append(FieldError("subject", Catalogue.unknownValue(subjectText))) }
        guard errors.isEmpty, let parsed, let kind else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        let code = (unit ?? "").trimmed
        return AssessmentQuery(unit: code.isEmpty ? principal.unitCode : code, period: parsed, subject: kind)
    }

    func assessmentFilter(_ ctx: PageContext, action: String, unit: String, period: ReviewPeriod, subject: RatingSubject) -> HTML {
        let subjects: [HTML] = RatingSubject.allCases.map { s in
            "<option value=\"\(s.rawValue)\"\(HTML(raw: s == subject ? " selected" : ""))>\(ctx.t(s.label))</option>"
        }
        return """
            <form method="get" action="\(action)" class="searchbar">
            <div><label for="unit">\(ctx.t(Catalogue.unitFilter))</label><br><input type="text" id="unit" name="unit" value="\(unit)" maxlength="40"></div>
            <div><label for="period">\(ctx.t(Catalogue.reviewPeriodLabel))</label><br><input type="text" id="period" name="period" value="\(period.key)" maxlength="9" class="narrow"></div>
            <div><label for="subject">\(ctx.t(Catalogue.ratingSubjectLabel))</label><br><select id="subject" name="subject">\(subjects)</select></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            """
    }

    func gridPage(
        _ ctx: PageContext, _ principal: Principal, _ grid: EvaluationGrid, typed: [String: EvaluationInput], message: Localized?, errors: [FieldError],
        flash: String?
    ) async throws -> HTML {
        let canWrite = principal.role.canWriteRecords
        let wrong = Set(errors.map(\.field))
        let rows: [HTML] = grid.rows.enumerated().map { index, row in
            let typedLine = typed[row.subjectKey]
            let chosen = typedLine.map { Rating.parse($0.rating) } ?? row.current?.rating
            let options: [HTML] = [HTML("<option value=\"\"></option>")] + Rating.allCases.map { r in
                "<option value=\"\(r.rawValue)\"\(HTML(raw: chosen == r ? " selected" : ""))>\(r.letter) — \(ctx.t(Catalogue.ratingShort(r)))</option>"
            }
            let name: HTML = row.link.map { "<a href=\"\($0)\">\(row.name)</a>" } ?? "\(row.name)"
            let previous = row.previous.map { ctx.t(Catalogue.ratingShort($0)) } ?? "—"
            let field = "rating_" + row.subjectKey
            let invalid: HTML = wrong.contains(field) || wrong.contains("score_" + row.subjectKey) ? HTML(raw: " class=\"invalid\"") : .empty
            let rating: HTML =
                canWrite
                ? "<select name=\"\(field)\" id=\"\(field)\" aria-label=\"\(ctx.t(Catalogue.ratingOf(row.name)))\">\(options)</select><input type=\"hidden\" name=\"version_\(row.subjectKey)\" value=\"\(row.current?.version ?? 0)\">"
                : "\(row.current.map { ctx.t($0.rating.label) } ?? "—")"
            let score: HTML =
                grid.rules.usesScore
                ? (canWrite
                    ? "<td><input type=\"text\" inputmode=\"numeric\" name=\"score_\(row.subjectKey)\" value=\"\(typedLine?.score ?? row.current?.score.map(String.init) ?? "")\" maxlength=\"5\" class=\"narrow\" aria-label=\"\(ctx.t(Catalogue.scoreLabel))\"></td>"
                    : "<td class=\"num\">\(row.current?.score.map(String.init) ?? "")</td>")
                : .empty
            return "<tr\(invalid)><td class=\"num\">\(index + 1)</td><td>\(name)</td><td>\(row.detail)</td><td>\(previous)</td><td>\(rating)</td>\(score)</tr>"
        }
        let counts = grid.counts
        let summary: [HTML] = Rating.allCases.map { r in "<dt>\(ctx.t(r.label))</dt><dd id=\"count-\(r.rawValue)\">\(ctx.number(counts[r] ?? 0))</dd>" }
        let scoreHead: HTML = grid.rules.usesScore ? "<th>\(ctx.t(Catalogue.scoreLabel))</th>" : .empty
        let save: HTML = canWrite && !grid.rows.isEmpty ? "<div class=\"actions\"><button type=\"submit\">\(ctx.t(Catalogue.save))</button></div>" : .empty
        let history = try await services.evaluations.history(principal, unitCode: grid.unit.code, period: grid.period, subject: grid.subject)
        let title = ctx.t(Catalogue.gridTitle(grid.subject.label, grid.unit.name, grid.period.label))
        let body: HTML = """
            <h1>\(title)</h1>
            \(assessmentFilter(ctx, action: SiteURL.assessment, unit: grid.unit.code, period: grid.period, subject: grid.subject))
            <p class="muted">\(ctx.t(Catalogue.gridHelp(grid.rules.regulation, grid.rules.usesScore, grid.rules.excellentQuotaPercentOfGood)))</p>
            <div class="actions"><a class="button secondary" href="\(SiteURL.assessmentResults(unit: grid.unit.code, period: grid.period.key, subject: grid.subject.rawValue))">\(ctx.t(Catalogue.assessmentResults))</a>
            <a class="button secondary" href="\(SiteURL.rules)">\(ctx.t(Catalogue.rulesArea))</a>
            <a class="button secondary" href="\(SiteURL.votes)">\(ctx.t(Catalogue.votesArea))</a>
            <a class="button secondary" href="\(SiteURL.meetings)">\(ctx.t(Catalogue.meetingsArea))</a></div>
            \(Layout.errors(ctx, message, errors))
            \(Self.exportLinks(ctx, SiteURL.assessment, [("unit", grid.unit.code), ("period", grid.period.key), ("subject", grid.subject.rawValue)]))
            <dl class="facts" id="grid-counts">\(summary)<dt>\(ctx.t(Catalogue.excellentAllowedLabel))</dt><dd id="excellent-allowed">\(ctx.number(grid.excellentAllowed))</dd></dl>
            \(grid.rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
            <form method="post" action="\(SiteURL.assessment)" id="grid-form">
            \(ctx.csrfField)<input type="hidden" name="unit" value="\(grid.unit.code)"><input type="hidden" name="period" value="\(grid.period.key)">
            <input type="hidden" name="subject" value="\(grid.subject.rawValue)">
            <table id="grid"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.gridDetail(grid.subject)))</th>
            <th>\(ctx.t(grid.period.previous.label))</th><th>\(ctx.t(Catalogue.ratingLabel))</th>\(scoreHead)</tr></thead><tbody>\(rows)</tbody></table>
            \(save)
            </form>
            """))
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.areaAssessment), nil)], flash: flash, content: body)
    }

    func resultsPage(_ ctx: PageContext, _ r: EvaluationResults) -> HTML {
        func cells(_ counts: [Rating: Int]) -> HTML {
            let total = counts.values.reduce(0, +)
            let parts: [HTML] = Rating.allCases.map { "<td class=\"num\">\(ctx.ratio(counts[$0] ?? 0, total))</td>" }
            return "\(parts)<td class=\"num\">\(ctx.number(total))</td>"
        }
        let rows: [HTML] = r.lines.map { line in
            let link = SiteURL.assessmentResults(unit: line.code, period: r.period.key, subject: r.subject.rawValue)
            return "<tr><td><a href=\"\(link)\">\(line.code)</a></td><td>\(line.name)</td>\(cells(line.counts))</tr>"
        }
        let bars: [Charts.Bar] = Rating.allCases.map { rating in
            let n = r.totals[rating] ?? 0
            return Charts.Bar(
                label: ctx.t(Catalogue.ratingShort(rating)), hundredths: r.total == 0 ? 0 : n * 10_000 / r.total, figure: ctx.ratio(n, r.total),
                targetPercent: nil, met: nil)
        }
        let previousTotal = r.previousTotals.values.reduce(0, +)
        let comparison: [HTML] = Rating.allCases.map { rating in
            let now = r.totals[rating] ?? 0
            let before = r.previousTotals[rating] ?? 0
            return "<tr><td>\(ctx.t(rating.label))</td><td class=\"num\">\(ctx.ratio(before, previousTotal))</td><td class=\"num\">\(ctx.ratio(now, r.total))</td><td class=\"num\">\(now - before > 0 ? "+" : "")\(ctx.number(now - before))</td></tr>"
        }
        let head: [HTML] = Rating.allCases.map { "<th>\(ctx.t(Catalogue.ratingShort($0)))</th>" }
        let title = ctx.t(Catalogue.resultsTitle(r.subject.label, r.unit.name, r.period.label))
        let body: HTML = """
            <h1>\(title)</h1>
            \(assessmentFilter(ctx, action: SiteURL.assessmentResults, unit: r.unit.code, period: r.period, subject: r.subject))
            <div class="actions"><a class="button secondary" href="\(SiteURL.assessment(unit: r.unit.code, period: r.period.key, subject: r.subject.rawValue))">\(ctx.t(Catalogue.assessmentGrid))</a>
            </div>
            \(Self.exportLinks(ctx, SiteURL.assessmentResults, [("unit", r.unit.code), ("period", r.period.key), ("subject", r.subject.rawValue)]))
            <table id="results-table"><thead><tr><th>\(ctx.t(Catalogue.code))</th><th>\(ctx.t(Catalogue.unit))</th>\(head)<th>\(ctx.t(Catalogue.total))</th></tr></thead>
            <tbody>\(rows)</tbody><tfoot><tr id="results-total"><th colspan="2">\(ctx.t(Catalogue.total))</th>\(cells(r.totals))</tr></tfoot></table>
            \(Charts.bars(bars, title: title, id: "results-chart"))
            <h2>\(ctx.t(Catalogue.comparedWith(r.period.previous.label)))</h2>
            <table id="results-comparison"><thead><tr><th>\(ctx.t(Catalogue.ratingLabel))</th><th>\(ctx.t(r.period.previous.label))</th>
            <th>\(ctx.t(r.period.label))</th><th>\(ctx.t(Catalogue.change))</th></tr></thead><tbody>\(comparison)</tbody></table>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.assessmentResults), nil)], content: body)
    }

    func rulesPage(_ ctx: PageContext, _ principal: Principal, draft: RuleSetDraft?, message: Localized?, errors: [FieldError], flash: String?) async throws
        -> HTML
    {
        let all = try await services.rules.list()
        let today = Timestamp.vietnamDate()
        var sections: [HTML] = []
        for family in RuleFamily.allCases {
            let versions = all.filter { $0.version.family == family }
            let inForce = RuleBook.inForce(versions.filter { !$0.isVoided }.map(\.version), family: family, on: today)
            let rows: [HTML] = versions.map { record in
                let v = record.version
                let values: [HTML] = family.parameters.map { p in
                    "<li>\(ctx.t(p.label)): <strong>\(v.values[p.key]?.text ?? "")</strong>\(HTML(raw: Self.unitText(ctx, p)))</li>"
                }
                let state: String =
                    record.isVoided
                    ? ctx.t(Catalogue.ruleVoided(record.voidReason ?? "")) : (inForce == v ? ctx.t(Catalogue.ruleInForce) : "")
                let who = record.createdBy ?? ctx.t(Catalogue.ruleBuiltIn)
                let voidForm: HTML =
                    principal.role.canManageAccounts && record.id != nil && !record.isVoided
                    ? """
                    <form method="post" action="\(SiteURL.voidRule(record.id!))" class="inline">\(ctx.csrfField)
                    <input type="text" name="reason" required maxlength="500" placeholder="\(ctx.t(Catalogue.voidReason))" aria-label="\(ctx.t(Catalogue.voidReason))">
                    <button type="submit" class="secondary">\(ctx.t(Catalogue.voidAction))</button></form>
                    """ : .empty
                return """
                    <tr><td>\(v.regulation)</td><td>\(ctx.date(v.effectiveFrom))</td><td>\(v.title)<ul class="changes">\(values)</ul></td>
                    <td>\(state)</td><td>\(who)\(voidForm)</td></tr>
                    """
            }
            sections.append(
                """
                <h2 id="family-\(family.rawValue)">\(ctx.t(family.label))</h2>
                <table class="rules"><thead><tr><th>\(ctx.t(Catalogue.ruleRegulation))</th><th>\(ctx.t(Catalogue.ruleEffectiveFrom))</th>
                <th>\(ctx.t(Catalogue.ruleTitle))</th><th></th><th>\(ctx.t(Catalogue.ruleAddedBy))</th></tr></thead><tbody>\(rows)</tbody></table>
                """)
        }
        var form: HTML = .empty
        if principal.role.canManageAccounts {
            let family = RuleFamily(rawValue: draft?.family ?? "") ?? .classification
            let base = RuleBook.inForce(all.filter { !$0.isVoided }.map(\.version), family: family, on: today)
            let families: [HTML] = RuleFamily.allCases.map { f in
                "<option value=\"\(f.rawValue)\"\(HTML(raw: f == family ? " selected" : ""))>\(ctx.t(f.label))</option>"
            }
            let fields: [HTML] = family.parameters.map { p in
                let value = draft?.values[p.key] ?? base?.values[p.key]?.text ?? ""
                return """
                    <label for="\(p.key)">\(ctx.t(p.label))\(HTML(raw: Self.unitText(ctx, p)))</label>
                    <input type="text" id="\(p.key)" name="\(p.key)" value="\(value)" maxlength="20" required>
                    """
            }
            form = """
                <h2>\(ctx.t(Catalogue.ruleNewVersion))</h2>
                <form method="get" action="\(SiteURL.rules)" class="searchbar"><div><label for="pick-family">\(ctx.t(Catalogue.ruleFamilyLabel))</label><br>
                <select id="pick-family" name="family">\(families)</select></div><button type="submit" class="secondary">\(ctx.t(Catalogue.view))</button></form>
                \(Layout.errors(ctx, message, errors))
                <form method="post" action="\(SiteURL.rules)" class="stacked" id="rule-form">\(ctx.csrfField)
                <input type="hidden" name="family" value="\(family.rawValue)">
                <p><strong>\(ctx.t(family.label))</strong></p>
                <label for="regulation">\(ctx.t(Catalogue.ruleRegulation))</label>
                <input type="text" id="regulation" name="regulation" value="\(draft?.regulation ?? "")" required maxlength="60" placeholder="366-QĐ/TW">
                <label for="effective_from">\(ctx.t(Catalogue.ruleEffectiveFrom))</label>\(Self.dateInput(ctx, name: "effective_from", value: draft?.effectiveFrom ?? ""))
                <label for="title">\(ctx.t(Catalogue.ruleTitle))</label>
                <input type="text" id="title" name="title" value="\(draft?.title ?? "")" required maxlength="500">
                \(fields)
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                </form>
                """
        }
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.rulesArea))</h1>
            <p class="muted">\(ctx.t(Catalogue.rulesHelp))</p>
            \(Self.exportLinks(ctx, SiteURL.rules, []))
            \(sections)
            \(form)
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.rulesArea), breadcrumbs: [(ctx.t(Catalogue.rulesArea), nil)], flash: flash, content: body)
    }

    /// The rule sets as the page lists them, family by family: one line a version with its values and its state.
    func rulesRows(_ principal: Principal) async throws -> [[String]] {
        let language = principal.language
        let all = try await services.rules.list()
        let today = Timestamp.vietnamDate()
        var rows = [
            [
                Catalogue.ruleFamilyLabel, Catalogue.ruleRegulation, Catalogue.ruleEffectiveFrom, Catalogue.ruleTitle, Catalogue.ruleStateLabel,
                Catalogue.ruleAddedBy,
            ]
            .map { $0.text(language) }
        ]
        for family in RuleFamily.allCases {
            let versions = all.filter { $0.version.family == family }
            let inForce = RuleBook.inForce(versions.filter { !$0.isVoided }.map(\.version), family: family, on: today)
            for record in versions {
                let v = record.version
                let values = family.parameters.map { "\($0.label.text(language)): \(v.values[$0.key]?.text ?? "")" }.joined(separator: "; ")
                let state =
                    record.isVoided
                    ? Catalogue.ruleVoided(record.voidReason ?? "").text(language) : (inForce == v ? Catalogue.ruleInForce.text(language) : "")
                rows.append([
                    family.label.text(language), v.regulation, Self.day(v.effectiveFrom, language), v.title + (values.isEmpty ? "" : " — " + values),
                    state,
                    record.createdBy ?? Catalogue.ruleBuiltIn.text(language),
                ])
            }
        }
        return rows
    }

    static func unitText(_ ctx: PageContext, _ p: RuleParameter) -> String {
        if case .integer(_, let unit) = p.kind { return " (" + HTML.escape(ctx.t(unit)) + ")" }
        if case .choice(let options) = p.kind {
            return " (" + HTML.escape(options.keys.sorted().map { "\($0): \(ctx.t(options[$0]!))" }.joined(separator: ", ")) + ")"
        }
        return " (n/d)"
    }
}
