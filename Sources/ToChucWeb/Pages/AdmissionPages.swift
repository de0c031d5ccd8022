import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension Site {
    func registerAdmissionPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.admission)) { request, context in
            let principal = try context.requirePrincipal()
            let items = try await services.admission.board(principal)
            // The board's rows in its order (stage by stage), with the stage as a column.
            let shown = AdmissionStage.allCases.filter { $0 != .recognized }.flatMap { stage in items.filter { $0.stage == stage } }
            let language = principal.language
            if let file = try await listDownload(
                request, principal, sheet: "ket-nap", baseName: Self.fileName("ket-nap", principal),
                rows: {
                    [
                        [
                            Catalogue.stageLabel, Catalogue.fullName, Catalogue.cellLabel, Catalogue.admittedOn, Catalogue.probationEndLabel,
                            Catalogue.recognitionLabel,
                        ].map { $0.text(language) }
                    ]
                        + shown.map { item in
                            [
                                item.stage.label.text(language), item.member.record.fullName, item.member.unitName,
                                Self.day(item.member.record.admittedOn, language),
                                Self.day(item.probationEnd, language), item.recognition.map { $0 == .notYetDue ? "" : $0.label.text(language) } ?? "",
                            ]
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            var sections: [HTML] = []
            for stage in AdmissionStage.allCases where stage != .recognized {
                let rows: [HTML] = items.filter { $0.stage == stage }.map { item in
                    let due: HTML = switch item.recognition {
                    case .due: "<strong>\(ctx.t(Catalogue.recognitionDue))</strong>"
                    case .overdue: "<strong class=\"overdue\">\(ctx.t(Catalogue.recognitionOverdue))</strong>"
                    default: .empty
                    }
                    return """
                        <tr><td><a href="\(SiteURL.admissionCase(item.member.id))">\(item.member.record.fullName)</a></td><td>\(item.member.unitName)</td>
                        <td>\(ctx.date(item.member.record.admittedOn))</td><td>\(ctx.date(item.probationEnd))</td><td>\(due)</td></tr>
                        """
                }
                guard !rows.isEmpty else { continue }
                sections.append("""
                    <h2>\(ctx.t(stage.label)) (\(ctx.number(rows.count)))</h2>
                    <table class="admission" id="stage-\(stage.rawValue)"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cellLabel))</th>
                    <th>\(ctx.t(Catalogue.admittedOn))</th><th>\(ctx.t(Catalogue.probationEndLabel))</th><th></th></tr></thead><tbody>\(rows)</tbody></table>
                    """)
            }
            let newButton: HTML = principal.role.canWriteRecords
                ? "<a class=\"button\" href=\"\(SiteURL.newMember)?status=candidate\">\(ctx.t(Catalogue.newCandidate))</a>" : .empty
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.admissionBoard))</h1>
                <div class="actions">\(newButton)</div>
                \(Self.exportLinks(ctx, SiteURL.admission, []))
                \(sections.isEmpty ? "<p>\(ctx.t(Catalogue.noRecords))</p>" : sections.joined())
                """
            return Responses.html(Layout.page(
                ctx, title: ctx.t(Catalogue.admissionBoard), breadcrumbs: [(ctx.t(Catalogue.members), SiteURL.members), (ctx.t(Catalogue.admissionBoard), nil)],
                content: body))
        }
        router.get("/admission/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let ctx = try await pageContext(request, context)
            return Responses.html(try await admissionCase(ctx, principal, id, form: FormData(), message: nil, errors: [],
                                                          flash: request.query("done") != nil ? ctx.t(Catalogue.stepDone) : nil))
        }
        router.post("/admission/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            do {
                let step = try Self.admissionStep(context.form)
                let warnings = try await services.admission.advance(principal, memberId: id, step)
                if !warnings.isEmpty {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(try await admissionCase(ctx, principal, id, form: FormData(), message: nil, errors: [],
                                                                  flash: ([Catalogue.stepDone] + warnings).map(ctx.t).joined(separator: " ")))
                }
                return Responses.redirect(SiteURL.admissionCase(id) + "?done=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(try await admissionCase(ctx, principal, id, form: context.form, message: message, errors: errors, flash: nil),
                                      status: .unprocessableContent)
            }
        }
    }

    static func admissionStep(_ form: FormData) throws -> AdmissionStep {
        func date(_ name: String) throws -> CivilDate {
            guard let d = CivilDate(parsing: form.string(name)) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError(name, Catalogue.invalidDate(form.string(name)))])
            }
            return d
        }
        func number(_ name: String) throws -> Int {
            guard let n = Int(form.string(name).trimmed), n >= 0 else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError(name, Catalogue.invalidNumber)])
            }
            return n
        }
        switch AdmissionStage(rawValue: form.string("step")) {
        case .course: return .course(on: try date("course_on"))
        case .introduced:
            let first = AdmissionIntroducer.member(cardNo: form.string("card_1").trimmed, since: try date("since_1"))
            // The second introducer may be the base Youth Union or trade union committee instead of a member.
            switch Introducer.Kind(rawValue: form.string("introducer_2")) ?? .member {
            case .member: return .introducers([first, .member(cardNo: form.string("card_2").trimmed, since: try date("since_2"))])
            case let kind: return .introducers([first, .committee(kind, name: form.string("committee_2"))])
            }
        case .cellApproved:
            return .cellVote(on: try date("meeting_on"), fullMembers: try number("full_members"), inFavour: try number("in_favour"),
                             provincialConsent: form.flag("consent"))
        case .committeeDecided: return .decision(number: form.string("decision_no"), on: try date("decision_on"))
        case .ceremonyHeld: return .ceremony(on: try date("ceremony_on"))
        case .recognized: return .recognition(cardNo: form.string("card_no"))
        default: throw DomainError.invalid(Catalogue.invalidInput, [FieldError("step", Catalogue.unknownValue(form.string("step")))])
        }
    }

    func admissionCase(_ ctx: PageContext, _ principal: Principal, _ id: Int64, form: FormData, message: Localized?, errors: [FieldError], flash: String?)
        async throws -> HTML
    {
        let member = try await services.members.get(principal, id: id)
        let item = try await services.admission.board(principal).first { $0.member.id == id }
        let stage = item?.stage ?? (member.record.status == .full ? .recognized : .outstanding)
        let stages: [HTML] = AdmissionStage.allCases.map { s in
            let done = (AdmissionStage.allCases.firstIndex(of: s) ?? 0) <= (AdmissionStage.allCases.firstIndex(of: stage) ?? 0)
            return "<li\(HTML(raw: s == stage ? " aria-current=\"step\"" : ""))>\(done ? "✔" : "○") \(ctx.t(s.label))</li>"
        }
        let order = AdmissionStage.allCases
        let next = order.firstIndex(of: stage).flatMap { $0 + 1 < order.count ? order[$0 + 1] : nil }
        func dateField(_ name: String, _ label: Localized) -> HTML {
            "<label for=\"\(name)\">\(ctx.t(label))</label>\(Self.dateInput(ctx, name: name, value: form.string(name)))"
        }
        let introducerKinds: [HTML] = Introducer.Kind.allCases.map { kind in
            let selected = form.string("introducer_2") == kind.rawValue ? " selected" : ""
            return "<option value=\"\(kind.rawValue)\"\(HTML(raw: selected))>\(ctx.t(Catalogue.introducerKind(kind)))</option>"
        }
        let consent = Catalogue.provincialConsent(maximumAge: try await services.rules.live().admission(on: Timestamp.vietnamDate()).maximumAge)
        var fields: HTML = .empty
        switch next {
        case .course: fields = dateField("course_on", AdmissionStage.course.label)
        case .introduced:
            fields = """
                <label for="card_1">\(ctx.t(Catalogue.introducerCard)) 1</label><input type="text" id="card_1" name="card_1" value="\(form.string("card_1"))" required>
                \(dateField("since_1", Catalogue.workedSince))
                <label for="introducer_2">\(ctx.t(Catalogue.introducerKindLabel))</label><select id="introducer_2" name="introducer_2">\(introducerKinds)</select>
                <label for="card_2">\(ctx.t(Catalogue.introducerCard)) 2</label><input type="text" id="card_2" name="card_2" value="\(form.string("card_2"))">
                \(dateField("since_2", Catalogue.workedSince))
                <label for="committee_2">\(ctx.t(Catalogue.committeeName))</label><input type="text" id="committee_2" name="committee_2" value="\(form.string("committee_2"))">
                """
        case .cellApproved:
            fields = """
                \(dateField("meeting_on", Catalogue.meetingOn))
                <label for="full_members">\(ctx.t(Catalogue.cellFullMembers))</label><input type="number" id="full_members" name="full_members" min="1" value="\(form.string("full_members"))" required>
                <label for="in_favour">\(ctx.t(Catalogue.cellInFavour))</label><input type="number" id="in_favour" name="in_favour" min="0" value="\(form.string("in_favour"))" required>
                <div class="check"><input type="checkbox" id="consent" name="consent" value="true"><label for="consent">\(ctx.t(consent))</label></div>
                """
        case .committeeDecided:
            fields = """
                <label for="decision_no">\(ctx.t(Catalogue.decisionNo))</label><input type="text" id="decision_no" name="decision_no" value="\(form.string("decision_no"))" required>
                \(dateField("decision_on", Catalogue.admittedOn))
                """
        case .ceremonyHeld: fields = dateField("ceremony_on", AdmissionStage.ceremonyHeld.label)
        case .recognized:
            fields = "<label for=\"card_no\">\(ctx.t(Catalogue.cardNo))</label><input type=\"text\" id=\"card_no\" name=\"card_no\" value=\"\(form.string("card_no"))\" required>"
        default: break
        }
        let stepForm: HTML = next != nil && principal.role.canWriteRecords
            ? """
            <form method="post" action="\(SiteURL.admissionCase(id))" class="stacked" id="admission-form"><h2>\(ctx.t(Catalogue.nextStep)): \(ctx.t(next!.label))</h2>
            \(ctx.csrfField)<input type="hidden" name="step" value="\(next!.rawValue)">
            \(fields)
            <div class="actions"><button type="submit" id="admission-submit">\(ctx.t(Catalogue.save))</button></div></form>
            """ : .empty
        let body: HTML = """
            <h1>\(member.record.fullName)</h1>
            <p><a href="\(SiteURL.member(id))">\(ctx.t(Catalogue.view))</a> · \(member.unitName) · \(ctx.t(member.record.status.label))</p>
            <ol class="stages" id="admission-stages">\(stages)</ol>
            \(Layout.errors(ctx, message, errors))
            \(stepForm)
            """
        return Layout.page(
            ctx, title: ctx.t(Catalogue.admissionBoard),
            breadcrumbs: [(ctx.t(Catalogue.admissionBoard), SiteURL.admission), (member.record.fullName, nil)], flash: flash, content: body)
    }
}
