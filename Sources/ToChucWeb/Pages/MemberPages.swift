import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerMemberPages(_ router: Router<AppContext>) {
        router.get("/members") { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            var query = Self.memberQuery(request.query)
            // The unit filter is a chooser (issue 8): its text is resolved to one unit in scope before searching; text
            // that is not a code lists the matching units to pick from instead of the members.
            var unitChoice: HTML? = nil
            if !query.unitCode.trimmed.isEmpty {
                do {
                    let unitPage = request.query("unit_page").flatMap { Int($0) } ?? 1
                    switch try await services.units.choose(principal, text: query.unitCode, page: unitPage) {
                    case .unit(let unit): query.unitCode = unit.code
                    case .matches(let matches):
                        let typed = query
                        unitChoice = UnitChooser.matchList(
                            ctx, text: query.unitCode, matches: matches,
                            link: { unit in
                                var q = typed
                                q.unitCode = unit.code
                                q.page = 1
                                return SiteURL.members + "?" + Self.queryString(q)
                            },
                            pageLink: { SiteURL.members + "?" + Self.queryString(typed) + "&unit_page=\($0)" })
                    }
                } catch DomainError.notFound(let message) {
                    let body: HTML = """
                        <h1>\(ctx.t(Catalogue.members))</h1>
                        \(memberSearchForm(ctx, query))
                        <div class="errors" role="alert" id="unit-choice-error"><p>\(ctx.t(message))</p></div>
                        """
                    return Responses.html(
                        Layout.page(ctx, title: ctx.t(Catalogue.members), breadcrumbs: [(ctx.t(Catalogue.members), nil)], content: body),
                        status: .notFound)
                }
            }
            if let unitChoice {
                let body: HTML = "<h1>\(ctx.t(Catalogue.members))</h1>\(memberSearchForm(ctx, query))\(unitChoice)"
                return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.members), breadcrumbs: [(ctx.t(Catalogue.members), nil)], content: body))
            }
            let result = try await services.members.search(principal, query)
            let rows: [HTML] = result.items.map { m in
                """
                <tr><td>\(m.record.cardNo ?? "")</td><td><a href="\(SiteURL.member(m.id))">\(m.record.fullName)</a></td>
                <td>\(ctx.t(m.record.gender.label))</td><td>\(ctx.date(m.record.birthDate))</td>
                <td><a href="\(SiteURL.unit(m.record.unitCode))">\(m.unitName)</a></td><td>\(ctx.t(m.record.status.label))</td>
                <td>\(ctx.date(m.record.admittedOn))</td></tr>
                """
            }
            let table: HTML =
                rows.isEmpty
                ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
                : """
                <table id="members-table"><thead><tr><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.genderLabel))</th>
                <th>\(ctx.t(Catalogue.birthDate))</th><th>\(ctx.t(Catalogue.cellLabel))</th><th>\(ctx.t(Catalogue.statusLabel))</th><th>\(ctx.t(Catalogue.admittedOn))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
            let newButton: HTML =
                principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.newMember)\">\(ctx.t(Catalogue.newMember))</a>" : .empty
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.members))</h1>
                \(memberSearchForm(ctx, query))
                <div class="actions">\(newButton)
                <a class="button secondary" href="\(SiteURL.dataCheck)">\(ctx.t(Catalogue.dataCheck))</a>
                <a class="button secondary" href="\(SiteURL.badges)">\(ctx.t(Catalogue.badgesTitle))</a>
                <a class="button secondary" href="\(SiteURL.membersAway)">\(ctx.t(Catalogue.farAway))</a>
                <a class="button secondary" href="\(SiteURL.admission)">\(ctx.t(Catalogue.admissionBoard))</a></div>
                \(Self.exportLinks(ctx, SiteURL.membersExport, Self.memberParameters(query)))
                \(table)
                \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total, atLeast: result.totalIsLowerBound) { page in
                    var q = query
                    q.page = page
                    return SiteURL.members + "?" + Self.queryString(q)
                })
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.members), breadcrumbs: [(ctx.t(Catalogue.members), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.membersExport)) { request, context in
            let principal = try context.requirePrincipal()
            let query = Self.memberQuery(request.query)
            let members = try await Page.all { page, perPage in
                var q = query
                q.page = page
                q.perPage = perPage
                return try await services.members.search(principal, q)
            }
            let language = principal.language
            let header = [
                Catalogue.cardNo, Catalogue.fullName, Catalogue.genderLabel, Catalogue.birthDate, Catalogue.ethnicityLabel, Catalogue.cellLabel,
                Catalogue.statusLabel, Catalogue.admittedOn, Catalogue.recognizedOn, Catalogue.leftOn, Catalogue.nationalIdLabel, Catalogue.phone,
                Catalogue.address,
            ].map { $0.text(language) }
            // Personal data as the member's page shows it: masked for roles that do not see it.
            let rows = [header] + members.map { m in
                let r = m.record
                return [
                    r.cardNo ?? "", r.fullName, r.gender.label.text(language), Self.day(r.birthDate, language), r.ethnicity?.name ?? "", m.unitName,
                    r.status.label.text(language), Self.day(r.admittedOn, language), Self.day(r.recognizedOn, language), Self.day(r.leftOn, language),
                    Self.personal(principal, r.nationalId, NationalID.mask), Self.personal(principal, r.phone, PersonalData.maskPhone),
                    Self.personal(principal, r.address, PersonalData.maskAddress),
                ]
            }
            return try await download(
                request, principal, rows: rows, sheet: "dang-vien", baseName: Self.fileName("dang-vien", principal, unit: query.unitCode))
        }
        router.get(RouterPath(SiteURL.dataCheck)) { request, context in
            let principal = try context.requirePrincipal()
            let findings = try await services.dataCheck.run(principal, unitCode: request.query("unit"))
            if let file = try await listDownload(
                request, principal, sheet: "kiem-tra", baseName: Self.fileName("kiem-tra-du-lieu", principal),
                rows: {
                    [[Catalogue.findingLabel, Catalogue.members, Catalogue.detailLabel].map { $0.text(principal.language) }]
                        + findings.map { [$0.message.text(principal.language), $0.names.joined(separator: "; "), $0.detail] }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let rows: [HTML] = findings.map { finding in
                let links: [HTML] = zip(finding.memberIds, finding.names).map { "<a href=\"\(SiteURL.member($0.0))\">\($0.1)</a> " }
                // A likely duplicate: merge each later record into the first (the preview lets the user keep the other).
                let merges: [HTML] = finding.kind == .likelyDuplicate && principal.role.canWriteRecords
                    ? finding.memberIds.dropFirst().map { "<a class=\"button secondary\" href=\"\(SiteURL.mergeMembers(keep: finding.memberIds[0], duplicate: $0))\">\(ctx.t(Catalogue.mergeAction))</a> " }
                    : []
                return "<tr><td>\(ctx.t(finding.message))</td><td>\(links)</td><td>\(finding.detail)</td><td>\(merges)</td></tr>"
            }
            let table: HTML = rows.isEmpty
                ? "<p>\(ctx.t(Catalogue.noFindings))</p>"
                : "<table id=\"findings\"><thead><tr><th>\(ctx.t(Catalogue.action))</th><th>\(ctx.t(Catalogue.members))</th><th></th><th></th></tr></thead><tbody>\(rows)</tbody></table>"
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.dataCheck))</h1>
                <p class="muted">\(ctx.t(Catalogue.dataCheckHelp))</p>
                \(Self.exportLinks(ctx, SiteURL.dataCheck, [("unit", request.query("unit") ?? "")]))
                \(table)
                """
            return Responses.html(Layout.page(
                ctx, title: ctx.t(Catalogue.dataCheck), breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (ctx.t(Catalogue.dataCheck), nil)], content: body))
        }
        router.get(RouterPath(SiteURL.badges)) { request, context in
            let principal = try context.requirePrincipal()
            let today = Timestamp.vietnamDate()
            let upcoming = (Badges.awardDates(in: today.year) + Badges.awardDates(in: today.year + 1)).filter { $0 >= today }.prefix(4)
            let chosen = request.query("date").flatMap { CivilDate(parsing: $0) } ?? upcoming.first ?? today
            let candidates = try await services.badges.eligible(principal, awardDate: chosen)
            let language = principal.language
            if let file = try await listDownload(
                request, principal, sheet: "huy-hieu", baseName: Self.fileName("huy-hieu", principal, chosen.iso),
                rows: {
                    [
                        [
                            Catalogue.fullName, Catalogue.cardNo, Catalogue.cellLabel, Catalogue.admittedOn, Catalogue.badgeLabel, Catalogue.badgeHow,
                            Catalogue.badgeReachedOn,
                        ].map { $0.text(language) }
                    ]
                        + candidates.map { c in
                            [
                                c.member.record.fullName, c.member.record.cardNo ?? "", c.member.unitName,
                                Self.day(c.member.record.admittedOn, language),
                                Catalogue.badge(c.milestone).text(language), c.kind.label.text(language), Self.day(c.reachedOn, language),
                            ]
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let options: [HTML] = Array(upcoming).map { d in
                "<option value=\"\(d.iso)\"\(HTML(raw: d == chosen ? " selected" : ""))>\(ctx.date(d))</option>"
            }
            let rows: [HTML] = candidates.map { c in
                """
                <tr><td><a href="\(SiteURL.member(c.member.id))">\(c.member.record.fullName)</a></td><td>\(c.member.record.cardNo ?? "")</td>
                <td>\(c.member.unitName)</td><td>\(ctx.date(c.member.record.admittedOn))</td><td>\(ctx.t(Catalogue.badge(c.milestone)))</td><td>\(ctx.t(c.kind.label))</td>
                <td>\(ctx.date(c.reachedOn))</td></tr>
                """
            }
            let table: HTML = rows.isEmpty ? "<p>\(ctx.t(Catalogue.noRecords))</p>" : """
                <table id="badge-table"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.cellLabel))</th>
                <th>\(ctx.t(Catalogue.admittedOn))</th><th>\(ctx.t(Catalogue.badgeLabel))</th><th>\(ctx.t(Catalogue.badgeHow))</th><th>\(ctx.t(Catalogue.badgeReachedOn))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.badgesTitle))</h1>
                <form method="get" action="\(SiteURL.badges)" class="searchbar"><div><label for="date">\(ctx.t(Catalogue.awardDate))</label><br>
                <select id="date" name="date">\(options)</select></div><button type="submit">\(ctx.t(Catalogue.view))</button></form>
                <p class="muted">\(ctx.t(Catalogue.badgesHelp(ctx.number(candidates.count), ctx.date(chosen))))</p>
                \(Self.exportLinks(ctx, SiteURL.badges, [("date", chosen.iso)]))
                \(table)
                """
            return Responses.html(Layout.page(
                ctx, title: ctx.t(Catalogue.badgesTitle), breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (ctx.t(Catalogue.badgesTitle), nil)],
                content: body))
        }
        router.get(RouterPath(SiteURL.newMember)) { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            var draft = MemberDraft()
            draft.unitCode = request.query("unit") ?? ""
            draft.status = request.query("status") ?? MemberStatus.full.rawValue
            draft.ethnicity = "Kinh"
            return Responses.html(memberForm(ctx, draft: draft, id: nil, version: nil, message: nil, errors: []))
        }
        router.post("/members") { request, context in
            let principal = try context.requirePrincipal()
            let draft = Self.memberDraft(from: context.form)
            do {
                let member = try await services.members.create(principal, draft)
                return Responses.redirect(SiteURL.member(member.id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(memberForm(ctx, draft: draft, id: nil, version: nil, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get("/members/:id") { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let overview = try await services.members.overview(principal, id: id)
            let member = overview.member
            let history = overview.history
            let events = overview.events
            let r = member.record
            let personal = principal.role.seesPersonalData
            func masked(_ value: String, _ mask: (String) -> String) -> String {
                value.isEmpty ? "" : (personal ? value : mask(value) + " " + ctx.t(Catalogue.maskedForRole))
            }
            let editButton: HTML =
                (principal.role.canWriteRecords ? "<a class=\"button\" href=\"\(SiteURL.editMember(member.id))\">\(ctx.t(Catalogue.edit))</a> " : HTML.empty)
                + "<a class=\"button secondary\" href=\"\(SiteURL.member(member.id))/sheet\" id=\"member-sheet\">\(ctx.t(Catalogue.memberSheet))</a> <a class=\"button secondary\" href=\"\(SiteURL.member(member.id))/sheet.pdf\">PDF</a>"
            let photo = photoBlock(ctx, principal, member, has: overview.hasPhoto)
            let partyAge = try services.members.partyAge(principal, member: member, events: events)
            let vetting = try await vettingSection(ctx, principal, member: member, number: r.cardNo ?? r.nationalId, hasCases: overview.hasVettingCases)
            let body: HTML = """
                <h1>\(r.fullName)</h1>
                \(photo)
                <dl class="facts" id="member-facts">
                <dt>\(ctx.t(Catalogue.cardNo))</dt><dd>\(r.cardNo ?? "")</dd>
                <dt>\(ctx.t(Catalogue.statusLabel))</dt><dd>\(ctx.t(r.status.label))</dd>
                <dt>\(ctx.t(Catalogue.genderLabel))</dt><dd>\(ctx.t(r.gender.label))</dd>
                <dt>\(ctx.t(Catalogue.birthDate))</dt><dd>\(ctx.date(r.birthDate))</dd>
                <dt>\(ctx.t(Catalogue.ethnicityLabel))</dt><dd>\(r.ethnicity?.name ?? "")</dd>
                <dt>\(ctx.t(Catalogue.religion))</dt><dd>\(r.religion)</dd>
                <dt>\(ctx.t(Catalogue.homeTown))</dt><dd>\(r.homeTown)</dd>
                <dt>\(ctx.t(Catalogue.nationalIdLabel))</dt><dd id="national-id">\(masked(r.nationalId ?? "", NationalID.mask))</dd>
                <dt>\(ctx.t(Catalogue.phone))</dt><dd>\(masked(r.phone, PersonalData.maskPhone))</dd>
                <dt>\(ctx.t(Catalogue.address))</dt><dd>\(masked(r.address, PersonalData.maskAddress))</dd>
                <dt>\(ctx.t(Catalogue.cellLabel))</dt><dd><a href="\(SiteURL.unit(r.unitCode))">\(member.unitName)</a></dd>
                <dt>\(ctx.t(Catalogue.admittedOn))</dt><dd>\(ctx.date(r.admittedOn))</dd>
                <dt>\(ctx.t(Catalogue.recognizedOn))</dt><dd>\(ctx.date(r.recognizedOn))</dd>
                <dt>\(ctx.t(Catalogue.leftOn))</dt><dd>\(ctx.date(r.leftOn))</dd>
                <dt>\(ctx.t(Catalogue.partyAgeLabel))</dt><dd id="party-age">\(Self.partyAgeText(ctx, partyAge))</dd>
                <dt>\(ctx.t(Catalogue.educationLabel))</dt><dd>\(r.education)</dd>
                <dt>\(ctx.t(Catalogue.qualificationLabel))</dt><dd>\(r.qualification.map { ctx.t($0.label) } ?? "")</dd>
                <dt>\(ctx.t(Catalogue.politicalTheoryLabel))</dt><dd>\(r.politicalTheory.map { ctx.t($0.label) } ?? "")</dd>
                <dt>\(ctx.t(Catalogue.occupation))</dt><dd>\(r.occupation)</dd>
                </dl>
                <div class="actions">\(editButton)</div>
                <h2>\(ctx.t(Catalogue.memberEvents))</h2>
                \(memberEvents(ctx, principal, member, events, form: FormData(), message: nil, errors: []))
                \(vetting)
                \(try await trainingSection(ctx, principal, member: member, hasRecords: overview.hasTraining))
                <h2>\(ctx.t(Catalogue.history))</h2>
                \(Layout.history(ctx, personal ? history : history.map(Self.maskedEntry)))
                """
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.memberSaved)
                : request.query("event") != nil ? ctx.t(Catalogue.eventRecorded)
                : request.query("merged") != nil ? ctx.t(Catalogue.mergeDone)
                : request.query("photo") == "saved" ? ctx.t(Catalogue.photoSaved)
                : request.query("photo") == "removed" ? ctx.t(Catalogue.photoRemoved) : nil
            return Responses.html(Layout.page(
                ctx, title: r.fullName, breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (r.fullName, nil)], flash: flash, content: body))
        }
        router.post("/members/:id/events") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let form = context.form
            do {
                guard let kind = MemberEventKind(rawValue: form.string("kind")) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.unknownValue(form.string("kind")))])
                }
                guard let date = CivilDate(parsing: form.string("effective_on")) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("effective_on", Catalogue.invalidDate(form.string("effective_on")))])
                }
                _ = try await services.members.recordEvent(
                    principal, memberId: id,
                    MemberEventInput(kind: kind, effectiveOn: date, decisionNo: form.string("decision_no"), toUnitCode: form.string("to_unit"),
                                     destination: form.string("destination"), note: form.string("note")))
                return Responses.redirect(SiteURL.member(id) + "?event=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let member = try await services.members.get(principal, id: id)
                let events = try await services.members.events(principal, member: member)
                let body: HTML = """
                    <h1>\(member.record.fullName)</h1>
                    <h2>\(ctx.t(Catalogue.memberEvents))</h2>
                    \(memberEvents(ctx, principal, member, events, form: form, message: message, errors: errors))
                    """
                return Responses.html(Layout.page(ctx, title: member.record.fullName, breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (member.record.fullName, SiteURL.member(id))], content: body), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.membersAway)) { request, context in
            let principal = try context.requirePrincipal()
            let away = try await services.members.temporarilyAway(principal)
            if let file = try await listDownload(
                request, principal, sheet: "sinh-hoat-tam-thoi", baseName: Self.fileName("sinh-hoat-tam-thoi", principal),
                rows: {
                    [[Catalogue.fullName, Catalogue.cardNo, Catalogue.cellLabel, Catalogue.temporarilyAt].map { $0.text(principal.language) }]
                        + away.map { [$0.member.record.fullName, $0.member.record.cardNo ?? "", $0.member.unitName, $0.heldBy] }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let rows: [HTML] = away.map { item in
                "<tr><td><a href=\"\(SiteURL.member(item.member.id))\">\(item.member.record.fullName)</a></td><td>\(item.member.unitName)</td><td>\(item.heldBy)</td></tr>"
            }
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.farAway))</h1>
                \(Self.exportLinks(ctx, SiteURL.membersAway, []))
                \(rows.isEmpty ? HTML("<p>\(ctx.t(Catalogue.noRecords))</p>") : HTML("<table id=\"away-table\"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cellLabel))</th><th>\(ctx.t(Catalogue.temporarilyAt))</th></tr></thead><tbody>\(rows)</tbody></table>"))
                """
            return Responses.html(Layout.page(ctx, title: ctx.t(Catalogue.farAway), breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (ctx.t(Catalogue.farAway), nil)], content: body))
        }
        router.get("/members/:id/edit") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let member = try await services.members.get(principal, id: id)
            try principal.requireWrite()
            let ctx = try await pageContext(request, context)
            return Responses.html(memberForm(ctx, draft: member.draft, id: member.id, version: member.version, message: nil, errors: []))
        }
        router.post("/members/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let draft = Self.memberDraft(from: context.form)
            let version = Int(context.form.string("version")) ?? 0
            do {
                _ = try await services.members.update(principal, id: id, draft, expectedVersion: version)
                return Responses.redirect(SiteURL.member(id) + "?saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(memberForm(ctx, draft: draft, id: id, version: version, message: message, errors: errors), status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(ctx, title: ctx.t(Catalogue.editMember), message: message, changes: changes, retry: SiteURL.editMember(id)), status: .conflict)
            }
        }
    }

    /// The member's lifecycle events and, for writers, the form to record the next one (only the kinds the status allows).
    func memberEvents(_ ctx: PageContext, _ principal: Principal, _ member: Member, _ events: [MemberEventRecord], form: FormData, message: Localized?, errors: [FieldError]) -> HTML {
        let rows: [HTML] = events.map { e in
            """
            <tr><td>\(ctx.date(e.effectiveOn))</td><td>\(ctx.t(e.kind.label))</td><td>\(e.decisionNo)</td><td>\(e.fromUnit)</td>
            <td>\(e.toUnit ?? e.destination)</td><td>\(e.note)</td><td>\(e.actor)</td></tr>
            """
        }
        let table: HTML = rows.isEmpty ? "<p>\(ctx.t(Catalogue.noRecords))</p>" : """
            <table id="member-events"><thead><tr><th>\(ctx.t(Catalogue.effectiveOn))</th><th>\(ctx.t(Catalogue.eventKind))</th><th>\(ctx.t(Catalogue.decisionNo))</th>
            <th>\(ctx.t(Catalogue.parent))</th><th>\(ctx.t(Catalogue.destination))</th><th>\(ctx.t(Catalogue.note))</th><th>\(ctx.t(Catalogue.who))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let kinds = MemberEventKind.allowed(for: member.record.status)
        guard principal.role.canWriteRecords, !kinds.isEmpty else { return table }
        let options: [HTML] = kinds.map { "<option value=\"\($0.rawValue)\"\(HTML(raw: form.string("kind") == $0.rawValue ? " selected" : ""))>\(ctx.t($0.label))</option>" }
        return """
            \(table)
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(SiteURL.member(member.id))/events" class="stacked" id="event-form"><h3>\(ctx.t(Catalogue.recordEvent))</h3>\(ctx.csrfField)
            <label for="kind">\(ctx.t(Catalogue.eventKind))</label><select id="kind" name="kind">\(options)</select>
            <label for="effective_on">\(ctx.t(Catalogue.effectiveOn))</label>\(Self.dateInput(ctx, name: "effective_on", value: form.string("effective_on")))
            <label for="decision_no">\(ctx.t(Catalogue.decisionNo))</label><input type="text" id="decision_no" name="decision_no" value="\(form.string("decision_no"))" required>
            <label for="to_unit">\(ctx.t(Catalogue.toUnit))</label><input type="text" id="to_unit" name="to_unit" value="\(form.string("to_unit"))">
            <label for="destination">\(ctx.t(Catalogue.destination))</label><input type="text" id="destination" name="destination" value="\(form.string("destination"))">
            <label for="event-note">\(ctx.t(Catalogue.note))</label><input type="text" id="event-note" name="note" value="\(form.string("note"))">
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.recordEvent))</button></div></form>
            """
    }

    /// Party age today (from the first admission, less time out of the Party) and the next badge milestone.
    static func partyAgeText(_ ctx: PageContext, _ report: PartyAgeReport?) -> String {
        guard let report else { return "" }
        let out = report.interruptedMonths > 0 ? " " + ctx.t(Catalogue.partyAgeInterrupted(ctx.date(report.firstAdmitted), report.interruptedMonths)) : ""
        let next = report.nextBadge.map { " — " + ctx.t(Catalogue.nextBadge(ctx.t(Catalogue.badge($0.milestone)), ctx.date($0.on))) } ?? ""
        return ctx.t(report.age.label) + out + next
    }

    /// Personal values in the history are masked for roles that do not see personal data.
    static func maskedEntry(_ entry: AuditEntry) -> AuditEntry { entry.masking(PersonalData.fields) }

    static func memberQuery(_ get: (String) -> String?) -> MemberQuery {
        var q = MemberQuery()
        q.text = get("q") ?? ""
        q.unitCode = get("unit") ?? ""
        q.status = get("status").flatMap(MemberStatus.init(rawValue:))
        q.currentOnly = get("all") == nil
        q.gender = get("gender").flatMap(Gender.init(rawValue:))
        q.ageFrom = get("age_from").flatMap { Int($0) }
        q.ageTo = get("age_to").flatMap { Int($0) }
        q.ethnicityCode = get("ethnicity").flatMap { Int($0) }
        q.admittedYear = get("admitted_year").flatMap { Int($0) }
        q.admittedFrom = get("admitted_from").flatMap { CivilDate(parsing: $0) }
        q.admittedTo = get("admitted_to").flatMap { CivilDate(parsing: $0) }
        q.recognizedFrom = get("recognized_from").flatMap { CivilDate(parsing: $0) }
        q.recognizedTo = get("recognized_to").flatMap { CivilDate(parsing: $0) }
        q.leftFrom = get("left_from").flatMap { CivilDate(parsing: $0) }
        q.leftTo = get("left_to").flatMap { CivilDate(parsing: $0) }
        q.sort = get("sort").flatMap(MemberQuery.Sort.init(rawValue:)) ?? .name
        q.page = get("page").flatMap { Int($0) } ?? 1
        return q
    }

    static func queryString(_ q: MemberQuery) -> String {
        memberParameters(q).map { $0.0 + "=" + SiteURL.escape($0.1) }.joined(separator: "&")
    }

    /// The member list's filters (and page) as link parameters.
    static func memberParameters(_ q: MemberQuery) -> [(String, String)] {
        var items: [(String, String)] = []
        if !q.text.isEmpty { items.append(("q", q.text)) }
        if !q.unitCode.isEmpty { items.append(("unit", q.unitCode)) }
        if let s = q.status { items.append(("status", s.rawValue)) }
        if !q.currentOnly { items.append(("all", "1")) }
        if let g = q.gender { items.append(("gender", g.rawValue)) }
        if let a = q.ageFrom { items.append(("age_from", String(a))) }
        if let a = q.ageTo { items.append(("age_to", String(a))) }
        if let e = q.ethnicityCode { items.append(("ethnicity", String(e))) }
        if let y = q.admittedYear { items.append(("admitted_year", String(y))) }
        for (name, date) in Self.memberDateFilters(q) { if let date { items.append((name, date.iso)) } }
        if q.sort != .name { items.append(("sort", q.sort.rawValue)) }
        if q.page > 1 { items.append(("page", String(q.page))) }
        return items
    }

    /// The date filters of the member list by their parameter names.
    static func memberDateFilters(_ q: MemberQuery) -> [(String, CivilDate?)] {
        [
            ("admitted_from", q.admittedFrom), ("admitted_to", q.admittedTo), ("recognized_from", q.recognizedFrom),
            ("recognized_to", q.recognizedTo),
            ("left_from", q.leftFrom), ("left_to", q.leftTo),
        ]
    }

    func memberSearchForm(_ ctx: PageContext, _ q: MemberQuery) -> HTML {
        func option(_ value: String, _ label: String, _ selected: Bool) -> HTML {
            "<option value=\"\(value)\"\(HTML(raw: selected ? " selected" : ""))>\(label)</option>"
        }
        let statuses: [HTML] = [option("", ctx.t(Catalogue.anyValue), q.status == nil)] + MemberStatus.allCases.map { option($0.rawValue, ctx.t($0.label), q.status == $0) }
        let genders: [HTML] = [option("", ctx.t(Catalogue.anyValue), q.gender == nil)] + Gender.allCases.map { option($0.rawValue, ctx.t($0.label), q.gender == $0) }
        let ethnicities: [HTML] = [option("", ctx.t(Catalogue.anyValue), q.ethnicityCode == nil)] + Ethnicity.all.map { option(String($0.code), $0.name, q.ethnicityCode == $0.code) }
        let sorts: [HTML] = MemberQuery.Sort.allCases.map { option($0.rawValue, ctx.t(Catalogue.memberSort($0.rawValue)), q.sort == $0) }
        let labels = [
            Catalogue.admittedFrom, Catalogue.admittedTo, Catalogue.recognizedFrom, Catalogue.recognizedTo, Catalogue.leftFrom, Catalogue.leftTo,
        ]
        let dates: [HTML] = zip(Self.memberDateFilters(q), labels).map { filter, label in
            "<div><label for=\"\(filter.0)\">\(ctx.t(label))</label><br>\(Self.dateInput(ctx, name: filter.0, value: filter.1?.iso ?? ""))</div>"
        }
        return """
            <form method="get" action="\(SiteURL.members)" class="searchbar" role="search" id="member-search">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(q.text)" placeholder="\(ctx.t(Catalogue.memberNameSearch))"></div>
            <div><label for="unit">\(ctx.t(Catalogue.unit))</label><br>\(UnitChooser.field(ctx, name: "unit", id: "unit", value: q.unitCode))</div>
            <div><label for="status">\(ctx.t(Catalogue.statusLabel))</label><br><select id="status" name="status">\(statuses)</select></div>
            <div><label for="gender">\(ctx.t(Catalogue.genderLabel))</label><br><select id="gender" name="gender">\(genders)</select></div>
            <div><label for="age_from">\(ctx.t(Catalogue.ageFrom))</label><br><input type="number" id="age_from" name="age_from" min="0" max="120" value="\(q.ageFrom.map(String.init) ?? "")" class="narrow"></div>
            <div><label for="age_to">\(ctx.t(Catalogue.ageTo))</label><br><input type="number" id="age_to" name="age_to" min="0" max="120" value="\(q.ageTo.map(String.init) ?? "")" class="narrow"></div>
            <div><label for="ethnicity">\(ctx.t(Catalogue.ethnicityLabel))</label><br><select id="ethnicity" name="ethnicity">\(ethnicities)</select></div>
            <div><label for="admitted_year">\(ctx.t(Catalogue.admittedYear))</label><br><input type="number" id="admitted_year" name="admitted_year" min="1930" max="2100" value="\(q.admittedYear.map(String.init) ?? "")" class="narrow"></div>
            \(dates)
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <button type="submit">\(ctx.t(Catalogue.search))</button>
            </form>
            \(!q.unitCode.isEmpty && Self.memberDateFilters(q).contains { $0.1 != nil } ? HTML("<p class=\"muted\" id=\"unit-then\">\(ctx.t(Catalogue.countedByUnitThen))</p>") : HTML.empty)
            """
    }

    static func memberDraft(from form: FormData) -> MemberDraft {
        var d = MemberDraft()
        d.cardNo = form.string("card_no")
        d.nationalId = form.string("national_id")
        d.fullName = form.string("full_name")
        d.gender = form.string("gender")
        d.birthDate = form.string("birth_date")
        d.ethnicity = form.string("ethnicity")
        d.religion = form.string("religion")
        d.homeTown = form.string("home_town")
        d.unitCode = form.string("unit_code")
        d.status = form.string("status")
        d.admittedOn = form.string("admitted_on")
        d.recognizedOn = form.string("recognized_on")
        d.leftOn = form.string("left_on")
        d.education = form.string("education")
        d.qualification = form.string("qualification")
        d.politicalTheory = form.string("political_theory")
        d.occupation = form.string("occupation")
        d.phone = form.string("phone")
        d.address = form.string("address")
        return d
    }

    func memberForm(_ ctx: PageContext, draft: MemberDraft, id: Int64?, version: Int?, message: Localized?, errors: [FieldError]) -> HTML {
        func text(_ name: String, _ label: Localized, _ value: String, required: Bool = false) -> HTML {
            "<label for=\"\(name)\">\(ctx.t(label))</label><input type=\"text\" id=\"\(name)\" name=\"\(name)\" value=\"\(value)\"\(HTML(raw: required ? " required" : ""))>"
        }
        func date(_ name: String, _ label: Localized, _ value: String) -> HTML {
            "<label for=\"\(name)\">\(ctx.t(label))</label>\(Self.dateInput(ctx, name: name, value: value))"
        }
        func select(_ name: String, _ label: Localized, _ options: [(String, String)], _ value: String) -> HTML {
            let items: [HTML] = options.map { "<option value=\"\($0.0)\"\(HTML(raw: $0.0 == value ? " selected" : ""))>\($0.1)</option>" }
            return "<label for=\"\(name)\">\(ctx.t(label))</label><select id=\"\(name)\" name=\"\(name)\">\(items)</select>"
        }
        let editing = id != nil
        let action = id.map(SiteURL.member) ?? SiteURL.members
        let title = ctx.t(editing ? Catalogue.editMember : Catalogue.newMember)
        let body: HTML = """
            <h1>\(title)</h1>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="member-form">\(ctx.csrfField)
            \(version.map { HTML("<input type=\"hidden\" name=\"version\" value=\"\($0)\">") } ?? .empty)
            \(text("full_name", Catalogue.fullName, draft.fullName, required: true))
            \(select("gender", Catalogue.genderLabel, Gender.allCases.map { ($0.rawValue, ctx.t($0.label)) }, draft.gender))
            \(date("birth_date", Catalogue.birthDate, draft.birthDate))
            \(select("ethnicity", Catalogue.ethnicityLabel, Ethnicity.all.map { ($0.name, $0.name) }, Ethnicity.match(draft.ethnicity)?.name ?? draft.ethnicity))
            \(text("religion", Catalogue.religion, draft.religion))
            \(text("home_town", Catalogue.homeTown, draft.homeTown))
            \(text("national_id", Catalogue.nationalIdLabel, draft.nationalId))
            \(text("unit_code", Catalogue.unitCodeOfMember, draft.unitCode, required: true))
            \(select("status", Catalogue.statusLabel, MemberStatus.allCases.map { ($0.rawValue, ctx.t($0.label)) }, draft.status))
            \(text("card_no", Catalogue.cardNo, draft.cardNo))
            \(date("admitted_on", Catalogue.admittedOn, draft.admittedOn))
            \(date("recognized_on", Catalogue.recognizedOn, draft.recognizedOn))
            \(date("left_on", Catalogue.leftOn, draft.leftOn))
            \(text("education", Catalogue.educationLabel, draft.education))
            \(select("qualification", Catalogue.qualificationLabel, [("", "")] + Qualification.allCases.map { ($0.rawValue, ctx.t($0.label)) }, draft.qualification))
            \(select("political_theory", Catalogue.politicalTheoryLabel, [("", "")] + PoliticalTheory.allCases.map { ($0.rawValue, ctx.t($0.label)) }, draft.politicalTheory))
            \(text("occupation", Catalogue.occupation, draft.occupation))
            \(text("phone", Catalogue.phone, draft.phone))
            \(text("address", Catalogue.address, draft.address))
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button>
            <a class="button secondary" href="\(id.map(SiteURL.member) ?? SiteURL.members)">\(ctx.t(Catalogue.cancel))</a></div>
            </form>
            """
        return Layout.page(ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (title, nil)], content: body)
    }
}
