import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// Merging likely duplicates found by the data check: a side-by-side preview, then the merge (recorded in history).
extension Site {
    func registerMergePages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.mergeMembers)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            guard let keep = request.query("keep").flatMap({ Int64($0) }), let duplicate = request.query("duplicate").flatMap({ Int64($0) }) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            return Responses.html(try await mergePage(ctx, principal, keep: keep, duplicate: duplicate))
        }
        router.post(RouterPath(SiteURL.mergeMembers)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            guard let keep = Int64(form.string("keep")), let duplicate = Int64(form.string("duplicate")) else {
                throw DomainError.notFound(Catalogue.memberNotFound)
            }
            do {
                _ = try await services.members.merge(
                    principal, keep: keep, keepVersion: Int(form.string("keep_version")) ?? 0, duplicate: duplicate,
                    duplicateVersion: Int(form.string("duplicate_version")) ?? 0)
                return Responses.redirect(SiteURL.member(keep) + "?merged=1")
            } catch let error as DomainError {
                let ctx = try await pageContext(request, context)
                switch error {
                case .invalid, .conflict:
                    // Show the refusal above the (reloaded) comparison, so that the user sees the current records.
                    let page = try await mergePage(ctx, principal, keep: keep, duplicate: duplicate, refusal: error)
                    if case .conflict = error { return Responses.html(page, status: .conflict) }
                    return Responses.html(page, status: .unprocessableContent)
                default: throw error
                }
            }
        }
    }

    func mergePage(_ ctx: PageContext, _ principal: Principal, keep: Int64, duplicate: Int64, refusal: DomainError? = nil) async throws -> HTML {
        let title = ctx.t(Catalogue.mergeTitle)
        let crumbs: [(String, String?)] = [(ctx.t(Catalogue.members), SiteURL.members), (ctx.t(Catalogue.dataCheck), SiteURL.dataCheck), (title, nil)]
        let kept: Member
        let other: Member
        var merged: MemberDraft? = nil
        var problem: HTML = .empty
        do {
            let preview = try await services.members.mergePreview(principal, keep: keep, duplicate: duplicate)
            (kept, other, merged) = (preview.keep, preview.duplicate, preview.merged)
        } catch DomainError.invalid(let message, let errors) {
            kept = try await services.members.get(principal, id: keep)
            other = try await services.members.get(principal, id: duplicate)
            problem = Layout.errors(ctx, message, errors)
        }
        if let refusal, problem.text.isEmpty {
            switch refusal {
            case .invalid(let message, let errors): problem = Layout.errors(ctx, message, errors)
            default: problem = "<div class=\"errors\" role=\"alert\"><p>\(ctx.t(refusal.message))</p></div>"
            }
        }
        let personal = principal.role.seesPersonalData
        func shown(_ draft: MemberDraft) -> MemberDraft { personal ? draft : PersonalData.masked(draft) }
        let a = shown(kept.draft)
        let b = shown(other.draft)
        let c = merged.map(shown)
        let fields: [(String, (MemberDraft) -> String)] = [
            ("full_name", \.fullName), ("card_no", \.cardNo), ("national_id", \.nationalId), ("gender", \.gender), ("birth_date", \.birthDate),
            ("ethnicity", \.ethnicity), ("unit_code", \.unitCode), ("status", \.status), ("admitted_on", \.admittedOn),
            ("recognized_on", \.recognizedOn), ("home_town", \.homeTown), ("education", \.education), ("qualification", \.qualification),
            ("political_theory", \.politicalTheory), ("occupation", \.occupation), ("phone", \.phone), ("address", \.address),
        ]
        // Values as the member page shows them: labels for codes, Vietnamese dates.
        func display(_ key: String, _ raw: String) -> String {
            switch key {
            case "gender": return Gender(rawValue: raw).map { ctx.t($0.label) } ?? raw
            case "status": return MemberStatus(rawValue: raw).map { ctx.t($0.label) } ?? raw
            case "qualification": return Qualification(rawValue: raw).map { ctx.t($0.label) } ?? raw
            case "political_theory": return PoliticalTheory(rawValue: raw).map { ctx.t($0.label) } ?? raw
            case "birth_date", "admitted_on", "recognized_on": return CivilDate(parsing: raw).map { ctx.date($0) } ?? raw
            default: return raw
            }
        }
        let rows: [HTML] = fields.map { key, value in
            let differs = !value(a).isEmpty && !value(b).isEmpty && value(a) != value(b)
            return """
                <tr\(HTML(raw: differs ? " class=\"differs\"" : ""))><th scope="row">\(Layout.fieldName(ctx, key))</th><td>\(display(key, value(a)))</td>
                <td>\(display(key, value(b)))</td><td>\(c.map { display(key, value($0)) } ?? "—")</td></tr>
                """
        }
        let action: HTML = merged != nil && principal.role.canWriteRecords
            ? """
                <form method="post" action="\(SiteURL.mergeMembers)" id="merge-form">\(ctx.csrfField)
                <input type="hidden" name="keep" value="\(String(kept.id))"><input type="hidden" name="keep_version" value="\(kept.version)">
                <input type="hidden" name="duplicate" value="\(String(other.id))"><input type="hidden" name="duplicate_version" value="\(other.version)">
                <div class="actions"><button type="submit" id="merge">\(ctx.t(Catalogue.mergeInto))</button>
                <a class="button secondary" href="\(SiteURL.mergeMembers(keep: other.id, duplicate: kept.id))">\(ctx.t(Catalogue.mergeKeepOther))</a></div>
                </form>
                """
            : .empty
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="muted">\(ctx.t(Catalogue.mergeHelp))</p>
            \(problem)
            <table id="merge-table"><thead><tr><th>\(ctx.t(Catalogue.field))</th>
            <th><a href="\(SiteURL.member(kept.id))">\(ctx.t(Catalogue.mergeKeep))</a></th>
            <th><a href="\(SiteURL.member(other.id))">\(ctx.t(Catalogue.mergeDuplicate))</a></th><th>\(ctx.t(Catalogue.mergeResult))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            \(action)
            """
        return Layout.page(ctx, title: title, breadcrumbs: crumbs, content: body)
    }
}
