import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerCadrePages(_ router: Router<AppContext>) {
        registerCadreWarningPages(router)
        router.get(RouterPath(SiteURL.cadres)) { request, context in
            let principal = try context.requirePrincipal()
            var query = CadreQuery()
            query.text = request.query("q") ?? ""
            query.unitCode = (request.query("unit") ?? "").trimmed
            query.page = request.query("page").flatMap { Int($0) } ?? 1
            let language = principal.language
            let file = try await listDownload(request, principal, sheet: "can-bo", baseName: Self.fileName("can-bo", principal, unit: query.unitCode))
            {
                let all = try await Page.all { page, perPage in
                    var q = query
                    q.page = page
                    q.perPage = perPage
                    return try await services.cadres.list(principal, q)
                }
                // The national ID as the cadre's page shows it: masked for roles that do not see personal data.
                return [
                    [Catalogue.fullName, Catalogue.cardNo, Catalogue.birthDate, Catalogue.genderLabel, Catalogue.homeUnit, Catalogue.nationalIdLabel]
                        .map { $0.text(language) }
                ]
                    + all.map { c in
                        [
                            c.fullName, c.cardNo ?? "", Self.day(c.birthDate, language), c.gender.label.text(language), c.unitName,
                            Self.personal(principal, c.nationalId, NationalID.mask),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let result = try await services.cadres.list(principal, query)
            let rows: [HTML] = result.items.map { c in
                """
                <tr><td><a href="\(SiteURL.cadre(c.id))">\(c.fullName)</a></td><td>\(c.cardNo ?? "")</td><td>\(ctx.date(c.birthDate))</td>
                <td>\(ctx.t(c.gender.label))</td><td><a href="\(SiteURL.unit(c.unitCode))">\(c.unitName)</a></td></tr>
                """
            }
            let table: HTML =
                rows.isEmpty
                ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
                : """
                <table id="cadres-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th>
                <th>\(ctx.t(Catalogue.birthDate))</th><th>\(ctx.t(Catalogue.genderLabel))</th><th>\(ctx.t(Catalogue.homeUnit))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            let newButton: HTML =
                principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.newCadre)\">\(ctx.t(Catalogue.newCadre))</a>" : .empty
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.cadres))</h1>
                <form method="get" action="\(SiteURL.cadres)" class="searchbar" role="search">
                <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" placeholder="\(ctx.t(Catalogue.searchPlaceholder))"></div>
                \(unitField(ctx, query.unitCode))
                <button type="submit">\(ctx.t(Catalogue.search))</button>
                </form>
                <div class="actions">\(newButton)
                <a class="button secondary" href="\(SiteURL.retiring)">\(ctx.t(Catalogue.retiringList))</a>
                <a class="button secondary" href="\(SiteURL.reappointment)">\(ctx.t(Catalogue.reappointmentList))</a>
                <a class="button secondary" href="\(SiteURL.cadreWarnings)">\(ctx.t(Catalogue.warningsDashboard))</a>
                <a class="button secondary" href="\(SiteURL.with(SiteURL.decisions, [("status", "draft")]))">\(ctx.t(Catalogue.draftsToApprove))</a>
                <a class="button secondary" href="\(SiteURL.approvals)">\(ctx.t(Catalogue.approvals))</a>
                <a class="button secondary" href="\(SiteURL.agencies)">\(ctx.t(Catalogue.agencies))</a>
                <a class="button secondary" href="\(SiteURL.planning)">\(ctx.t(Catalogue.planningArea))</a>
                <a class="button secondary" href="\(SiteURL.trainingCourses)">\(ctx.t(Catalogue.trainingArea))</a>
                <a class="button secondary" href="\(SiteURL.exams)">\(ctx.t(Catalogue.examsArea))</a>
                <a class="button secondary" href="\(SiteURL.staffing)">\(ctx.t(Catalogue.staffingArea))</a>
                <a class="button secondary" href="\(SiteURL.vetting)">\(ctx.t(Catalogue.vettingArea))</a></div>
                \(Self.exportLinks(ctx, SiteURL.cadres, [("q", query.text), ("unit", query.unitCode)]))
                \(table)
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                    SiteURL.with(SiteURL.cadres, [("q", query.text), ("unit", query.unitCode), ("page", $0 > 1 ? String($0) : "")])
                })
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.cadres), breadcrumbs: [(ctx.t(Catalogue.cadres), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.newCadre)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            var draft = CadreDraft()
            draft.memberNumber = request.query("member") ?? ""
            draft.unitCode = principal.unitCode
            return Responses.html(cadreForm(ctx, draft: draft, message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.cadres)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            var draft = CadreDraft()
            draft.memberNumber = form.string("member_number")
            draft.fullName = form.string("full_name")
            draft.gender = form.string("gender")
            draft.birthDate = form.string("birth_date")
            draft.nationalId = form.string("national_id")
            draft.unitCode = form.string("unit_code")
            do {
                let cadre = try await services.cadres.create(principal, draft)
                return Responses.redirect(SiteURL.cadre(cadre.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(cadreForm(ctx, draft: draft, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.retiring)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let language = principal.language
            let file = try await listDownload(request, principal, sheet: "nghi-huu", baseName: Self.fileName("nghi-huu", principal, unit: unit)) {
                let all = try await Page.all { page, perPage in
                    try await services.cadres.retiring(principal, unitCode: unit, page: page, perPage: perPage)
                }
                return [
                    [Catalogue.fullName, Catalogue.birthDate, Catalogue.retirementLabel, Catalogue.retirementTime, Catalogue.currentPositions]
                        .map { $0.text(language) }
                ]
                    + all.map { item in
                        [
                            item.cadre.fullName, Self.day(item.cadre.birthDate, language),
                            Catalogue.retirementAge(years: item.schedule.years, months: item.schedule.months).text(language),
                            Self.day(item.schedule.retiresOn, language), item.current.map { $0.label }.joined(separator: "; "),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let result = try await services.cadres.retiring(principal, unitCode: unit, page: page)
            let rows: [HTML] = result.items.map { item in
                let posts = item.current.map { $0.label }.joined(separator: "; ")
                return """
                    <tr><td><a href="\(SiteURL.cadre(item.cadre.id))">\(item.cadre.fullName)</a></td><td>\(ctx.date(item.cadre.birthDate))</td>
                    <td>\(ctx.t(Catalogue.retirementAge(years: item.schedule.years, months: item.schedule.months)))</td>
                    <td>\(ctx.date(item.schedule.retiresOn))</td><td>\(posts)</td></tr>
                    """
            }
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.retiringList))</h1>
                \(listFilter(ctx, SiteURL.retiring, unit))
                \(Self.exportLinks(ctx, SiteURL.retiring, [("unit", unit)]))
                \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
                <table id="retiring-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.birthDate))</th>
                <th>\(ctx.t(Catalogue.retirementLabel))</th><th>\(ctx.t(Catalogue.retirementTime))</th><th>\(ctx.t(Catalogue.currentPositions))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """))
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                    SiteURL.with(SiteURL.retiring, [("unit", unit), ("page", $0 > 1 ? String($0) : "")])
                })
                """
            return Responses.html(
                Layout.page(
                    ctx, title: ctx.t(Catalogue.retiringList), breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.retiringList), nil)],
                    content: body))
        }
        router.get(RouterPath(SiteURL.reappointment)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let language = principal.language
            let file = try await listDownload(
                request, principal, sheet: "bo-nhiem-lai", baseName: Self.fileName("bo-nhiem-lai", principal, unit: unit)
            ) {
                let all = try await Page.all { page, perPage in
                    try await services.cadres.dueForReappointment(principal, unitCode: unit, page: page, perPage: perPage)
                }
                return [
                    [Catalogue.fullName, Catalogue.title, Catalogue.startedOn, Catalogue.termEnds, Catalogue.noticeBy, Catalogue.decisionStatus]
                        .map { $0.text(language) }
                ]
                    + all.map { item in
                        [
                            item.cadre.fullName, item.position.label, Self.day(item.position.startedOn, language), Self.day(item.termEnd, language),
                            Self.day(item.noticeDate, language), item.status.label.text(language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let result = try await services.cadres.dueForReappointment(principal, unitCode: unit, page: page)
            let rows: [HTML] = result.items.map { item in
                """
                <tr><td><a href="\(SiteURL.cadre(item.cadre.id))">\(item.cadre.fullName)</a></td><td>\(item.position.label)</td>
                <td>\(ctx.date(item.position.startedOn))</td><td>\(ctx.date(item.termEnd))</td><td>\(ctx.date(item.noticeDate))</td>
                <td>\(ctx.t(item.status.label))</td></tr>
                """
            }
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.reappointmentList))</h1>
                \(listFilter(ctx, SiteURL.reappointment, unit))
                \(Self.exportLinks(ctx, SiteURL.reappointment, [("unit", unit)]))
                \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
                <table id="reappointment-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.title))</th>
                <th>\(ctx.t(Catalogue.startedOn))</th><th>\(ctx.t(Catalogue.termEnds))</th><th>\(ctx.t(Catalogue.noticeBy))</th><th>\(ctx.t(Catalogue.decisionStatus))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """))
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                    SiteURL.with(SiteURL.reappointment, [("unit", unit), ("page", $0 > 1 ? String($0) : "")])
                })
                """
            return Responses.html(
                Layout.page(
                    ctx, title: ctx.t(Catalogue.reappointmentList),
                    breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.reappointmentList), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.approvals)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let period = try Self.period(request)
            let level = try Self.managementLevel(request)
            let language = principal.language
            let file = try await listDownload(
                request, principal, sheet: "phe-duyet", baseName: Self.fileName("phe-duyet", principal, unit: unit, period.from.iso, period.to.iso)
            ) {
                let all = try await Page.all { page, perPage in
                    try await services.decisions.approvals(
                        principal, unitCode: unit, from: period.from, to: period.to, level: level, page: page, perPage: perPage)
                }
                let header = [
                    Catalogue.fullName, Catalogue.title, Catalogue.place, Catalogue.managedBy, Catalogue.approvalKindLabel, Catalogue.decisionNo,
                    Catalogue.approvedOn,
                ].map { $0.text(language) }
                return [header]
                    + all.map { a in
                        [
                            a.cadreName, a.title, a.placeName, a.level.label.text(language), Self.approvalKind(a).text(language), a.decisionNo ?? "",
                            Self.day(a.approvedOn, language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let counts = try await services.decisions.approvalCounts(principal, unitCode: unit, from: period.from, to: period.to)
            let list = try await services.decisions.approvals(
                principal, unitCode: unit, from: period.from, to: period.to, level: level, page: request.query("page").flatMap { Int($0) } ?? 1)
            let filters = [("unit", unit), ("from", period.from.iso), ("to", period.to.iso)]
            let rows: [HTML] = ManagementLevel.allCases.map { level in
                let n = counts.byLevel[level] ?? 0
                let link = SiteURL.with(SiteURL.approvals, filters + [("level", level.rawValue)])
                return "<tr><td>\(ctx.t(level.label))</td><td class=\"num\" id=\"approvals-\(level.rawValue)\"><a href=\"\(link)\">\(ctx.number(n))</a></td><td>\(ctx.t(Catalogue.approvalsSentence(level.label, ctx.number(n))))</td></tr>"
            }
            let levels: [HTML] =
                [HTML("<option value=\"\">\(ctx.t(Catalogue.anyValue))</option>")]
                + ManagementLevel.allCases.map { l in
                    "<option value=\"\(l.rawValue)\"\(HTML(raw: l == level ? " selected" : ""))>\(ctx.t(l.label))</option>"
            }
            let records: [HTML] = list.items.map { a in
                """
                <tr><td><a href="\(SiteURL.cadre(a.cadreId))">\(a.cadreName)</a></td><td>\(a.title)</td><td>\(a.placeName)</td><td>\(ctx.t(a.level.label))</td>
                <td>\(ctx.t(Self.approvalKind(a)))</td><td>\(a.decisionNo ?? "")</td><td>\(ctx.date(a.approvedOn))</td></tr>
                """
            }
            let parameters = filters + [("level", level?.rawValue ?? "")]
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.approvals))</h1>
                <form method="get" action="\(SiteURL.approvals)" class="searchbar">
                \(unitField(ctx, unit))
                <div><label for="from">\(ctx.t(Catalogue.periodFrom))</label><br>\(Self.dateInput(ctx, name: "from", value: period.from.iso))</div>
                <div><label for="to">\(ctx.t(Catalogue.periodTo))</label><br>\(Self.dateInput(ctx, name: "to", value: period.to.iso))</div>
                <div><label for="level">\(ctx.t(Catalogue.approvalsLevelFilter))</label><br><select id="level" name="level">\(levels)</select></div>
                <button type="submit">\(ctx.t(Catalogue.view))</button>
                </form>
                <p class="muted">\(ctx.t(Catalogue.approvalsHelp))</p>
                <table id="approvals-table"><thead><tr><th>\(ctx.t(Catalogue.managedBy))</th><th>\(ctx.t(Catalogue.total))</th><th></th></tr></thead>
                <tbody>\(rows)<tr><th>\(ctx.t(Catalogue.total))</th><th class="num" id="approvals-total"><a href="\(SiteURL.with(SiteURL.approvals, filters))">\(ctx.number(counts.total))</a></th><th></th></tr></tbody></table>
                <h2>\(ctx.t(Catalogue.approvalsListTitle))\(level.map { " — " + ctx.t($0.label) } ?? "")</h2>
                \(Self.exportLinks(ctx, SiteURL.approvals, parameters))
                \(records.isEmpty ? HTML("<p id=\"approval-records\">\(ctx.t(Catalogue.noRecords))</p>") : HTML("""
                <table id="approval-records"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.title))</th><th>\(ctx.t(Catalogue.place))</th>
                <th>\(ctx.t(Catalogue.managedBy))</th><th>\(ctx.t(Catalogue.approvalKindLabel))</th><th>\(ctx.t(Catalogue.decisionNo))</th>
                <th>\(ctx.t(Catalogue.approvedOn))</th></tr></thead><tbody>\(records)</tbody></table>
                """))
                \(Layout.pager(ctx, page: list.page, pageCount: list.pageCount, total: list.total) {
                    SiteURL.with(SiteURL.approvals, parameters + [("page", $0 > 1 ? String($0) : "")])
                })
                """
            return Responses.html(
                Layout.page(
                    ctx, title: ctx.t(Catalogue.approvals), breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.approvals), nil)],
                    content: body))
        }
        router.get(RouterPath(SiteURL.decisions)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let statusText = request.query("status") ?? ""
            let status = CadreDecisionStatus(rawValue: statusText)
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let language = principal.language
            let file = try await listDownload(request, principal, sheet: "quyet-dinh", baseName: Self.fileName("quyet-dinh", principal, unit: unit)) {
                let all = try await Page.all { page, perPage in
                    try await services.decisions.list(principal, unitCode: unit, status: status, page: page, perPage: perPage)
                }
                return [
                    [
                        Catalogue.decisionNo, Catalogue.cadre, Catalogue.decisionKind, Catalogue.opensPosition, Catalogue.effectiveOn,
                        Catalogue.managedBy,
                        Catalogue.decisionStatus, Catalogue.approvedOn,
                    ].map { $0.text(language) }
                ]
                    + all.map { d in
                        [
                            d.decisionNo, d.cadreName, d.kind.label.text(language),
                            d.openTitle.map { t in t + (d.openPlace.map { " — " + $0.name } ?? "") } ?? "",
                            Self.day(d.effectiveOn, language), d.managedBy.label.text(language), d.status.label.text(language),
                            Self.day(d.approvedOn, language),
                        ]
                    }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            let result = try await services.decisions.list(principal, unitCode: unit, status: status, page: page)
            let options: [HTML] = [HTML("<option value=\"\">\(ctx.t(Catalogue.allStatuses))</option>")] + CadreDecisionStatus.allCases.map { s in
                "<option value=\"\(s.rawValue)\"\(HTML(raw: s == status ? " selected" : ""))>\(ctx.t(s.label))</option>"
            }
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.decisions))</h1>
                <form method="get" action="\(SiteURL.decisions)" class="searchbar">
                \(unitField(ctx, unit))
                <div><label for="status">\(ctx.t(Catalogue.decisionStatus))</label><br><select id="status" name="status">\(options)</select></div>
                <button type="submit">\(ctx.t(Catalogue.view))</button>
                </form>
                \(Self.exportLinks(ctx, SiteURL.decisions, [("unit", unit), ("status", statusText)]))
                \(decisionTable(ctx, result.items, showCadre: true))
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                    SiteURL.with(SiteURL.decisions, [("unit", unit), ("status", statusText), ("page", $0 > 1 ? String($0) : "")])
                })
                """
            return Responses.html(
                Layout.page(
                    ctx, title: ctx.t(Catalogue.decisions), breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (ctx.t(Catalogue.decisions), nil)],
                    content: body))
        }
        router.get("/cadres/decisions/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            let ctx = try await pageContext(request, context)
            let decision = try await services.decisions.get(principal, id: id)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.decisionDrafted)
                : request.query("approved") != nil ? ctx.t(Catalogue.decisionApproved)
                : request.query("voided") != nil ? ctx.t(Catalogue.decisionVoided) : nil
            return Responses.html(try await decisionPage(ctx, principal, decision, flash: flash))
        }
        router.post("/cadres/decisions/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            do {
                _ = try await services.decisions.approve(principal, id: id)
                return Responses.redirect(SiteURL.decision(id) + "?approved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let decision = try await services.decisions.get(principal, id: id)
                return Responses.html(try await decisionPage(ctx, principal, decision, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.post("/cadres/decisions/:id/void") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            do {
                _ = try await services.decisions.void(
                    principal, id: id, decisionNo: context.form.string("decision_no"), note: context.form.string("note"))
                return Responses.redirect(SiteURL.decision(id) + "?voided=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let decision = try await services.decisions.get(principal, id: id)
                return Responses.html(try await decisionPage(ctx, principal, decision, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get("/cadres/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.cadreNotFound) }
            let ctx = try await pageContext(request, context)
            let asOf = CivilDate(parsing: request.query("as_of") ?? "")
            let profile = try await services.cadres.profile(principal, id: id, today: asOf ?? Timestamp.vietnamDate())
            let history = try await services.cadres.history(principal, id: id)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.cadreSaved)
                : request.query("discipline") != nil ? ctx.t(Catalogue.disciplineSaved) : nil
            return Responses.html(try await cadrePage(ctx, principal, profile, history: history, flash: flash))
        }
        router.post("/cadres/:id/decisions") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.cadreNotFound) }
            let form = context.form
            var draft = DecisionDraft()
            draft.cadreId = id
            draft.kind = form.string("kind")
            draft.decisionNo = form.string("decision_no")
            draft.effectiveOn = form.string("effective_on")
            draft.closesPositionId = Int64(form.string("closes_position_id"))
            draft.placeCode = form.string("place_code")
            draft.title = form.string("title")
            draft.managedBy = form.string("managed_by")
            draft.note = form.string("note")
            do {
                let decision = try await services.decisions.propose(principal, draft)
                return Responses.redirect(SiteURL.decision(decision.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let profile = try await services.cadres.profile(principal, id: id)
                let history = try await services.cadres.history(principal, id: id)
                return Responses.html(
                    try await cadrePage(ctx, principal, profile, history: history, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.post("/cadres/:id/discipline") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.cadreNotFound) }
            let form = context.form
            do {
                _ = try await services.cadres.recordDiscipline(
                    principal, cadreId: id, level: form.string("level"), decidedOn: form.string("decided_on"), decisionNo: form.string("decision_no"),
                    note: form.string("note"))
                return Responses.redirect(SiteURL.cadre(id) + "?discipline=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let profile = try await services.cadres.profile(principal, id: id)
                let history = try await services.cadres.history(principal, id: id)
                return Responses.html(
                    try await cadrePage(ctx, principal, profile, history: history, message: message, errors: errors), status: .unprocessableContent)
            }
        }
    }

    /// The managing level a list is filtered by (`level`), nil for all.
    static func managementLevel(_ request: Request) throws -> ManagementLevel? {
        guard let text = request.query("level")?.trimmed, !text.isEmpty else { return nil }
        guard let level = ManagementLevel(rawValue: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("level", Catalogue.unknownValue(text))])
        }
        return level
    }

    /// What an approval was: the decision's kind, or an appointment or an ending for an imported position.
    static func approvalKind(_ a: ApprovalRecord) -> Localized {
        a.decisionKind?.label ?? (a.endsPosition ? Catalogue.approvalEnding : Catalogue.approvalAppointment)
    }

    func unitField(_ ctx: PageContext, _ unit: String) -> HTML {
        "<div><label for=\"unit\">\(ctx.t(Catalogue.unitFilter))</label><br><input type=\"text\" id=\"unit\" name=\"unit\" value=\"\(unit)\" maxlength=\"40\"></div>"
    }

    func listFilter(_ ctx: PageContext, _ action: String, _ unit: String) -> HTML {
        "<form method=\"get\" action=\"\(action)\" class=\"searchbar\">\(unitField(ctx, unit))<button type=\"submit\">\(ctx.t(Catalogue.view))</button></form>"
    }

    func cadreForm(_ ctx: PageContext, draft: CadreDraft, message: Localized?, errors: [FieldError]) -> HTML {
        let genders: [HTML] = Gender.allCases.map { g in
            "<option value=\"\(g.rawValue)\"\(HTML(raw: draft.gender == g.rawValue ? " selected" : ""))>\(ctx.t(g.label))</option>"
        }
        let title = ctx.t(Catalogue.newCadre)
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.cadres)" class="stacked" id="cadre-form">
            \(ctx.csrfField)
            <fieldset><legend>\(ctx.t(Catalogue.asMember))</legend>
            <p class="muted">\(ctx.t(Catalogue.cadreFromMember))</p>
            <label for="member_number">\(ctx.t(Catalogue.memberNumber))</label>
            <input type="text" id="member_number" name="member_number" value="\(draft.memberNumber)" maxlength="20">
            </fieldset>
            <fieldset><legend>\(ctx.t(Catalogue.asNonMember))</legend>
            <p class="muted">\(ctx.t(Catalogue.cadreNotMember))</p>
            <label for="full_name">\(ctx.t(Catalogue.fullName))</label>
            <input type="text" id="full_name" name="full_name" value="\(draft.fullName)" maxlength="300">
            <label for="gender">\(ctx.t(Catalogue.genderLabel))</label>
            <select id="gender" name="gender">\(genders)</select>
            <label for="birth_date">\(ctx.t(Catalogue.birthDate))</label>
            \(Self.dateInput(ctx, name: "birth_date", value: draft.birthDate))
            <label for="national_id">\(ctx.t(Catalogue.nationalIdLabel))</label>
            <input type="text" id="national_id" name="national_id" value="\(draft.nationalId)" maxlength="12" inputmode="numeric">
            <label for="unit_code">\(ctx.t(Catalogue.homeUnit))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(draft.unitCode)" maxlength="40">
            </fieldset>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(SiteURL.cadres)">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (title, nil)], content: body)
    }

    func decisionTable(_ ctx: PageContext, _ decisions: [CadreDecision], showCadre: Bool) -> HTML {
        guard !decisions.isEmpty else { return "<p>\(ctx.t(Catalogue.noRecords))</p>" }
        let rows: [HTML] = decisions.map { d in
            let cadre: HTML = showCadre ? "<td><a href=\"\(SiteURL.cadre(d.cadreId))\">\(d.cadreName)</a></td>" : .empty
            let post = d.openTitle.map { t in t + (d.openPlace.map { " — " + $0.name } ?? "") } ?? ""
            return """
                <tr><td><a href="\(SiteURL.decision(d.id))">\(d.decisionNo)</a></td>\(cadre)<td>\(ctx.t(d.kind.label))</td><td>\(post)</td>
                <td>\(ctx.date(d.effectiveOn))</td><td>\(ctx.t(d.managedBy.label))</td><td class="status-\(d.status.rawValue)">\(ctx.t(d.status.label))</td></tr>
                """
        }
        let cadreHead: HTML = showCadre ? "<th>\(ctx.t(Catalogue.cadre))</th>" : .empty
        return """
            <table id="decisions-table"><thead><tr><th>\(ctx.t(Catalogue.decisionNo))</th>\(cadreHead)<th>\(ctx.t(Catalogue.decisionKind))</th>
            <th>\(ctx.t(Catalogue.opensPosition))</th><th>\(ctx.t(Catalogue.effectiveOn))</th><th>\(ctx.t(Catalogue.managedBy))</th>
            <th>\(ctx.t(Catalogue.decisionStatus))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    func cadrePage(
        _ ctx: PageContext, _ principal: Principal, _ profile: CadreProfile, history: [AuditEntry], flash: String? = nil, form: FormData = FormData(),
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let c = profile.cadre
        let planned: [HTML] = try await services.planning.plannedFor(principal, cadreId: c.id).map { item in
            let state: Localized =
                !item.entry.isActive
                ? Catalogue.planningRemovalKind(item.entry.removalKind ?? "manual")
                : (item.entry.approvedOn == nil ? Catalogue.planningPending : Catalogue.planningApproved)
            let removed: HTML = item.entry.removedOn.map { " – \(ctx.date($0))" } ?? .empty
            return """
                <tr><td><a href="\(SiteURL.planningList(item.list.id))">\(item.list.label)</a></td><td>\(item.list.term.label)</td>
                <td>\(ctx.date(item.entry.addedOn))\(removed)</td><td>\(ctx.t(state))</td></tr>
                """
        }
        let planningTable: HTML =
            planned.isEmpty
            ? "<p id=\"cadre-planning\" class=\"muted\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="cadre-planning"><thead><tr><th>\(ctx.t(Catalogue.planningPosition))</th><th>\(ctx.t(Catalogue.planningTerm))</th>
            <th>\(ctx.t(Catalogue.planningAddedOn))</th><th>\(ctx.t(Catalogue.planningStatus))</th></tr></thead><tbody>\(planned)</tbody></table>
            """
        let vetting = try await vettingSection(ctx, principal, cadreId: c.id, number: c.cardNo ?? c.nationalId)
            + voteSection(ctx, principal, cadreId: c.id)
        let personal = principal.role.seesPersonalData
        let nid = c.nationalId.map { personal ? $0 : NationalID.mask($0) + " " + ctx.t(Catalogue.maskedForRole) } ?? ""
        let member: HTML = c.memberId.map { "<a href=\"\(SiteURL.member($0))\">\(c.cardNo ?? ctx.t(Catalogue.partyMember))</a>" } ?? "—"
        let retirement: HTML = profile.retirement.map { s in
            HTML("\(ctx.date(s.retiresOn)) (\(ctx.t(Catalogue.retirementAge(years: s.years, months: s.months))))")
        } ?? .empty
        let warnings: [HTML] = profile.warnings.map { w in
            let about: HTML = w.decisionNo.map { "<strong>\(ctx.t(Catalogue.decision)) \($0):</strong> " } ?? .empty
            return "<li>\(about)\(ctx.t(w.message))</li>"
        }
        let warningBlock: HTML =
            warnings.isEmpty
            ? "<p id=\"cadre-warnings\" class=\"muted\">\(ctx.t(Catalogue.noWarnings))</p>"
            : "<ul id=\"cadre-warnings\" class=\"warnings\" role=\"alert\">\(warnings)</ul>"
        let positions = Dictionary(uniqueKeysWithValues: profile.positions.map { ($0.id, $0) })
        let decisions = Dictionary(uniqueKeysWithValues: profile.decisions.map { ($0.id, $0) })
        let timeline: [HTML] = profile.timeline.map { event in
            let text: String
            switch event.kind {
            case .started:
                let p = positions[event.positionId!]!
                text = ctx.t(Catalogue.careerStarted(p.title, p.place.name, p.startKind.map { ctx.t($0.label) } ?? ""))
            case .ended:
                let p = positions[event.positionId!]!
                text = ctx.t(Catalogue.careerEnded(p.title, p.place.name, p.endKind.map { ctx.t($0.label) } ?? ""))
            case .decision:
                let d = decisions[event.decisionId!]!
                text = ctx.t(Catalogue.careerDecision(d.decisionNo, d.kind.label, d.status.label))
            }
            let link: HTML = event.decisionId.map { " <a href=\"\(SiteURL.decision($0))\">\(ctx.t(Catalogue.decision))</a>" } ?? .empty
            let upcoming: HTML = event.date > profile.today && event.kind != .decision ? " <em>(\(ctx.t(Catalogue.upcoming)))</em>" : .empty
            return "<li class=\"event-\(event.kind.rawValue)\"><time datetime=\"\(event.date.iso)\">\(ctx.date(event.date))</time> — \(text)\(upcoming)\(link)</li>"
        }
        let positionRows: [HTML] = profile.positions.map { p in
            let voided: HTML = p.voidedByDecisionId != nil ? " \(ctx.t(Catalogue.voidedMark))" : .empty
            let current = p.isHeld(on: profile.today) ? " class=\"current\"" : ""
            return """
                <tr\(HTML(raw: current))><td>\(p.title)\(voided)</td><td>\(p.place.name) (\(p.place.code))</td><td>\(ctx.date(p.startedOn))</td><td>\(ctx.date(p.endedOn))</td>
                <td>\(p.startKind.map { ctx.t($0.label) } ?? "")</td><td>\(p.endKind.map { ctx.t($0.label) } ?? "")</td>
                <td>\(ctx.t(p.managedBy.label))</td><td>\(ctx.date(p.approvedOn))</td></tr>
                """
        }
        let positionTable: HTML =
            positionRows.isEmpty
            ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="positions-table"><thead><tr><th>\(ctx.t(Catalogue.title))</th><th>\(ctx.t(Catalogue.place))</th><th>\(ctx.t(Catalogue.startedOn))</th>
            <th>\(ctx.t(Catalogue.endedOn))</th><th>\(ctx.t(Catalogue.startKind))</th><th>\(ctx.t(Catalogue.endKind))</th><th>\(ctx.t(Catalogue.managedBy))</th>
            <th>\(ctx.t(Catalogue.approvedOn))</th></tr></thead><tbody>\(positionRows)</tbody></table>
            """
        let disciplineItems: [HTML] = profile.disciplines.map { d in
            "<li>\(ctx.t(Catalogue.disciplineRecorded(d.record.level.label, ctx.date(d.record.decidedOn)))) — \(d.decisionNo)</li>"
        }
        var forms: HTML = .empty
        if principal.role.canWriteRecords {
            let open = profile.positions.filter { $0.endedOn == nil && $0.voidedByDecisionId == nil }
            let closeOptions: [HTML] = [HTML("<option value=\"\">\(ctx.t(Catalogue.closesNothing))</option>")] + open.map { p in
                "<option value=\"\(String(p.id))\"\(HTML(raw: form.string("closes_position_id") == String(p.id) ? " selected" : ""))>\(p.label)</option>"
            }
            let kindOptions: [HTML] = CadreDecisionKind.allCases.map { k in
                "<option value=\"\(k.rawValue)\"\(HTML(raw: form.string("kind") == k.rawValue ? " selected" : ""))>\(ctx.t(k.label))</option>"
            }
            let levelOptions: [HTML] = ManagementLevel.allCases.map { l in
                "<option value=\"\(l.rawValue)\"\(HTML(raw: form.string("managed_by") == l.rawValue ? " selected" : ""))>\(ctx.t(l.label))</option>"
            }
            let disciplineOptions: [HTML] = DisciplineLevel.allCases.map { "<option value=\"\($0.rawValue)\">\(ctx.t($0.label))</option>" }
            forms = """
                <h2 id="propose">\(ctx.t(Catalogue.newDecision))</h2>
                <p class="muted">\(ctx.t(Catalogue.draftHelp)) \(ctx.t(Catalogue.approvalLevelHelp))</p>
                \(Layout.errors(ctx, message, errors))
                <form method="post" action="\(SiteURL.cadreDecisions(c.id))" class="stacked" id="decision-form">
                \(ctx.csrfField)
                <label for="kind">\(ctx.t(Catalogue.decisionKind))</label><select id="kind" name="kind">\(kindOptions)</select>
                <label for="decision_no">\(ctx.t(Catalogue.decisionNo))</label>
                <input type="text" id="decision_no" name="decision_no" value="\(form.string("decision_no"))" maxlength="100" required>
                <label for="effective_on">\(ctx.t(Catalogue.effectiveOn))</label>\(Self.dateInput(ctx, name: "effective_on", value: form.string("effective_on")))
                <label for="closes_position_id">\(ctx.t(Catalogue.closesPosition))</label><select id="closes_position_id" name="closes_position_id">\(closeOptions)</select>
                <fieldset><legend>\(ctx.t(Catalogue.opensPosition))</legend>
                <label for="place_code">\(ctx.t(Catalogue.placeCode))</label>
                <input type="text" id="place_code" name="place_code" value="\(form.string("place_code"))" maxlength="40">
                <label for="title">\(ctx.t(Catalogue.title))</label>
                <input type="text" id="title" name="title" value="\(form.string("title"))" maxlength="200">
                <label for="managed_by">\(ctx.t(Catalogue.managedBy))</label><select id="managed_by" name="managed_by">\(levelOptions)</select>
                </fieldset>
                <label for="note">\(ctx.t(Catalogue.note))</label><input type="text" id="note" name="note" value="\(form.string("note"))" maxlength="2000">
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.newDecision))</button></div>
                </form>
                <h2>\(ctx.t(Catalogue.recordDiscipline))</h2>
                <form method="post" action="\(SiteURL.cadreDiscipline(c.id))" class="stacked" id="discipline-form">
                \(ctx.csrfField)
                <label for="level">\(ctx.t(Catalogue.disciplineLevel))</label><select id="level" name="level">\(disciplineOptions)</select>
                <label for="decided_on">\(ctx.t(Catalogue.decidedOn))</label>\(Self.dateInput(ctx, name: "decided_on", value: ""))
                <label for="discipline_no">\(ctx.t(Catalogue.decisionNo))</label>
                <input type="text" id="discipline_no" name="decision_no" maxlength="100">
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.recordDiscipline))</button></div>
                </form>
                """
        }
        let body: HTML = """
            <h1>\(c.fullName)</h1>
            <dl class="facts" id="cadre-facts">
            <dt>\(ctx.t(Catalogue.partyMember))</dt><dd>\(member)</dd>
            <dt>\(ctx.t(Catalogue.genderLabel))</dt><dd>\(ctx.t(c.gender.label))</dd>
            <dt>\(ctx.t(Catalogue.birthDate))</dt><dd>\(ctx.date(c.birthDate))</dd>
            <dt>\(ctx.t(Catalogue.nationalIdLabel))</dt><dd>\(nid)</dd>
            <dt>\(ctx.t(Catalogue.homeUnit))</dt><dd><a href="\(SiteURL.unit(c.unitCode))">\(c.unitName)</a></dd>
            <dt>\(ctx.t(Catalogue.retirementTime))</dt><dd id="retirement">\(retirement)</dd>
            <dt>\(ctx.t(Catalogue.currentPositions))</dt><dd id="current-positions">\(profile.current.map(\.label).joined(separator: "; "))</dd>
            </dl>
            <form method="get" action="\(SiteURL.cadre(c.id))" class="searchbar">
            <div><label for="as_of">\(ctx.t(Catalogue.asOf))</label><br>\(Self.dateInput(ctx, name: "as_of", value: profile.today.iso))</div>
            <button type="submit">\(ctx.t(Catalogue.view))</button></form>
            <h2>\(ctx.t(Catalogue.warnings))</h2>
            \(warningBlock)
            <h2>\(ctx.t(Catalogue.career))</h2>
            <ol id="career" class="timeline">\(timeline)</ol>
            <h2>\(ctx.t(Catalogue.positions))</h2>
            \(positionTable)
            <h2>\(ctx.t(Catalogue.decisions))</h2>
            \(decisionTable(ctx, profile.decisions, showCadre: false))
            <h2>\(ctx.t(Catalogue.planningOfCadre))</h2>
            \(planningTable)
            \(vetting)
            \(try await trainingSection(ctx, principal, cadreId: c.id))
            <h2>\(ctx.t(Catalogue.discipline))</h2>
            \(disciplineItems.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("<ul id=\"disciplines\">\(disciplineItems)</ul>"))
            \(forms)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, personal ? history : history.map { $0.masking(["national_id"]) }))
            """
        return Layout.page(ctx, title: c.fullName, breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (c.fullName, nil)], flash: flash, content: body)
    }

    func decisionPage(
        _ ctx: PageContext, _ principal: Principal, _ d: CadreDecision, flash: String? = nil, message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let changes = try await services.decisions.preview(principal, d)
        let rows: [HTML] = changes.map { c in
            "<tr><td>\(c.position)</td><td>\(c.field == "unit_code" ? ctx.t(Catalogue.place) : Layout.fieldName(ctx, c.field))</td><td>\(c.old ?? "∅")</td><td>\(c.new ?? "∅")</td></tr>"
        }
        var actions: HTML = .empty
        if d.status == .draft && principal.role.canApprove {
            actions = actions + """
                <form method="post" action="\(SiteURL.approveDecision(d.id))" class="inline" id="approve-form">\(ctx.csrfField)
                <button type="submit">\(ctx.t(Catalogue.approve))</button></form>
                """
        }
        if d.status != .voided && principal.role.canWriteRecords {
            actions = actions + """
                <form method="post" action="\(SiteURL.voidDecision(d.id))" class="stacked" id="void-form">\(ctx.csrfField)
                <label for="void_no">\(ctx.t(Catalogue.voidDecisionNo))</label><input type="text" id="void_no" name="decision_no" maxlength="100">
                <label for="void_note">\(ctx.t(Catalogue.voidNote))</label><input type="text" id="void_note" name="note" maxlength="2000">
                <button type="submit" class="secondary">\(ctx.t(Catalogue.voidDecision))</button></form>
                """
        }
        let post: String = d.openTitle.map { t in t + (d.openPlace.map { " — " + $0.name + " (" + $0.code + ")" } ?? "") } ?? ""
        let title = ctx.t(Catalogue.decision) + " " + d.decisionNo
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <dl class="facts" id="decision-facts">
            <dt>\(ctx.t(Catalogue.cadre))</dt><dd><a href="\(SiteURL.cadre(d.cadreId))">\(d.cadreName)</a></dd>
            <dt>\(ctx.t(Catalogue.decisionKind))</dt><dd>\(ctx.t(d.kind.label))</dd>
            <dt>\(ctx.t(Catalogue.decisionStatus))</dt><dd id="decision-status">\(ctx.t(d.status.label))</dd>
            <dt>\(ctx.t(Catalogue.effectiveOn))</dt><dd>\(ctx.date(d.effectiveOn))</dd>
            <dt>\(ctx.t(Catalogue.opensPosition))</dt><dd>\(post)</dd>
            <dt>\(ctx.t(Catalogue.managedBy))</dt><dd>\(ctx.t(d.managedBy.label))</dd>
            <dt>\(ctx.t(Catalogue.proposedBy))</dt><dd>\(d.proposedBy) — \(ctx.timestamp(d.proposedAt))</dd>
            <dt>\(ctx.t(Catalogue.approvedBy))</dt><dd>\(d.approvedBy ?? "") \(ctx.date(d.approvedOn))</dd>
            <dt>\(ctx.t(Catalogue.note))</dt><dd>\(d.note ?? "")</dd>
            \(d.status == .voided ? HTML("<dt>\(ctx.t(Catalogue.voidDecision))</dt><dd>\(d.voidDecisionNo ?? "") \(d.voidNote ?? "") — \(d.voidedBy ?? "")</dd>") : HTML.empty)
            </dl>
            <h2>\(ctx.t(Catalogue.propertyChanges))</h2>
            \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("<table id=\"decision-changes\"><thead><tr><th>\(ctx.t(Catalogue.positions))</th><th>\(ctx.t(Catalogue.field))</th><th>\(ctx.t(Catalogue.oldValue))</th><th>\(ctx.t(Catalogue.newValue))</th></tr></thead><tbody>\(rows)</tbody></table>"))
            <p class="muted">\(ctx.t(Catalogue.draftHelp)) \(ctx.t(Catalogue.approvalLevelHelp))</p>
            <div class="actions">\(actions)</div>
            """
        return Layout.page(
            ctx, title: title,
            breadcrumbs: [(ctx.t(Catalogue.cadres), SiteURL.cadres), (d.cadreName, SiteURL.cadre(d.cadreId)), (title, nil)], flash: flash, content: body)
    }
}
