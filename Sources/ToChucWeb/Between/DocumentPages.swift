import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let documents = "/documents"
    static let documentsExport = "/documents/export"
    static func document(_ id: Int64) -> String { "/documents/\(id)" }
    /// `edit`, `files`.
    static func documentAction(_ id: Int64, _ action: String) -> String { "/documents/\(id)/\(action)" }
    static func attachment(_ id: Int64) -> String { "/attachments/\(id)" }
    static func removeAttachment(_ id: Int64) -> String { "/attachments/\(id)/remove" }
}

/// The document registry (DOMAIN.md §5): the list with search and filters, the new-document form with the parser's
/// messages, a document's page with its chain of replacements both ways, what cites it, its files and history; the
/// files' downloads (audited) and removal.
extension Site {
    /// The pages of proposals, documents and tasks (issue 7).
    func registerBetweenPages(_ router: Router<AppContext>) {
        registerDocumentPages(router)
        registerProposalPages(router)
        registerTaskPages(router)
    }

    func registerDocumentPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.documents)) { request, context in
            let principal = try context.requirePrincipal()
            let ctx = try await pageContext(request, context)
            return Responses.html(try await documentsIndex(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.documents)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let created = try await services.documents.create(principal, Self.documentDraft(form))
                return Responses.redirect(SiteURL.document(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await documentsIndex(ctx, principal, request: request, form: form, message: message, errors: errors), status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.documentsExport)) { request, context in
            let principal = try context.requirePrincipal()
            let rows = try await services.documents.exportRows(principal, Self.documentQuery(request))
            return try await download(
                request, principal, rows: rows, sheet: Catalogue.documentsArea.text(principal.language),
                baseName: Self.fileName("so-van-ban", principal))
        }
        router.get("/documents/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            let ctx = try await pageContext(request, context)
            let flash = request.query("created") != nil ? ctx.t(Catalogue.documentCreated) : request.query("saved") != nil ? ctx.t(Catalogue.betweenSaved) : nil
            return Responses.html(try await documentPage(ctx, principal, id: id, flash: flash))
        }
        router.post("/documents/:id/edit") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            let form = context.form
            return try await formAction(request, context, form: form, page: { ctx, form, message, errors in
                try await documentPage(ctx, principal, id: id, form: form, action: "edit", message: message, errors: errors)
            }) {
                _ = try await services.documents.update(principal, id: id, Self.documentDraft(form), expectedVersion: Int(form.string("version")) ?? 0)
                return SiteURL.document(id) + "?saved=1"
            }
        }
        router.post("/documents/:id/files") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            let upload = context.uploads.first { $0.name == "file" }
            return try await formAction(request, context, form: context.form, page: { ctx, form, message, errors in
                try await documentPage(ctx, principal, id: id, form: form, action: "files", message: message, errors: errors)
            }) {
                _ = try await services.documents.attach(principal, id: id, fileName: upload?.filename ?? "", data: upload?.data ?? Data())
                return SiteURL.document(id) + "?saved=1#files"
            }
        }
        router.get("/attachments/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.attachmentNotFound)
            return Self.attachmentResponse(try await services.attachments.download(principal, id: id))
        }
        router.post("/attachments/:id/remove") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.attachmentNotFound)
            let removed = try await services.attachments.remove(principal, id: id)
            let back = removed.owner == .document ? SiteURL.document(removed.ownerId) : SiteURL.proposal(removed.ownerId)
            return Responses.redirect(back + "?saved=1#files")
        }
    }

    /// A file as a download: its stored type, its name in ASCII and in UTF-8 (RFC 6266), never shown inline.
    static func attachmentResponse(_ a: StoredAttachment) -> Response {
        // RFC 5987: only ASCII letters and digits and a few marks stay as they are (Foundation's `alphanumerics` has đ).
        let plain = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")
        let encoded = a.info.fileName.addingPercentEncoding(withAllowedCharacters: plain) ?? ""
        return Response(
            status: .ok,
            headers: [
                .contentType: a.info.contentType, .cacheControl: "private, no-store",
                .contentDisposition: "attachment; filename=\"\(AttachmentRules.asciiName(a.info.fileName))\"; filename*=UTF-8''\(encoded)",
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: a.data)))
    }

    static func documentDraft(_ form: FormData) -> DocumentDraft {
        DocumentDraft(
            number: form.string("number"), issuedOn: form.string("issued_on"), title: form.string("title"), unitCode: form.string("unit_code"),
            replaces: form.string("replaces"), note: form.string("note"))
    }

    static func documentQuery(_ request: Request) -> DocumentQuery {
        var q = DocumentQuery()
        q.text = request.query("q") ?? ""
        q.unitCode = (request.query("unit") ?? "").trimmed
        q.kind = request.query("kind") ?? ""
        q.issuer = request.query("issuer") ?? ""
        q.year = request.query("year") ?? ""
        q.state = request.query("state") ?? ""
        q.sort = request.query("sort") ?? ""
        q.page = request.query("page").flatMap { Int($0) } ?? 1
        return q
    }

    static func documentParameters(_ q: DocumentQuery) -> [(String, String)] {
        [("q", q.text), ("unit", q.unitCode), ("kind", q.kind), ("issuer", q.issuer), ("year", q.year), ("state", q.state), ("sort", q.sort)]
    }

    /// The links to the three lists of the area, with the current one marked.
    static func betweenTabs(_ ctx: PageContext, current: String) -> HTML {
        let tabs: [HTML] = [(SiteURL.documents, Catalogue.documentsArea), (SiteURL.proposals, Catalogue.proposalsArea), (SiteURL.tasks, Catalogue.tasksArea),
                            (SiteURL.tasksFocus, Catalogue.taskFocusList)].map { link, label in
            link == current
                ? "<strong class=\"button\" aria-current=\"page\">\(ctx.t(label))</strong>"
                : "<a class=\"button secondary\" href=\"\(link)\">\(ctx.t(label))</a>"
        }
        return "<nav class=\"actions\" aria-label=\"\(ctx.t(Catalogue.areaDocuments))\">\(tabs)</nav>"
    }

    func documentsIndex(_ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError])
        async throws -> HTML
    {
        let query = Self.documentQuery(request)
        let result = try await services.documents.list(principal, query)
        let kinds = Self.vettingOptions(ctx, DocumentKind.allCases.map { ($0.rawValue, Localized(vi: $0.rawValue + " — " + $0.label.vi, en: $0.rawValue + " — " + $0.label.en)) },
                                        selected: DocumentKind.parse(query.kind)?.rawValue ?? "", any: Catalogue.documentAllKinds)
        let states = Self.vettingOptions(ctx, [("in_force", Catalogue.documentInForce), ("replaced", Catalogue.documentReplaced)], selected: query.state,
                                         any: Catalogue.documentAnyState)
        let sorts = Self.vettingOptions(ctx, DocumentQuery.sorts.map { ($0, Catalogue.documentSortLabel($0)) }, selected: query.sort)
        let parameters = Self.documentParameters(query)
        let rows: [HTML] = result.items.map { d in
            """
            <tr><td><a href="\(SiteURL.document(d.id))">\(d.number.text)</a></td><td>\(ctx.t(d.number.kind.label))</td>
            <td>\(d.number.issuerName.map { ctx.t($0) } ?? d.number.issuer)</td><td>\(ctx.date(d.issuedOn))</td><td>\(d.title)</td><td>\(d.unitName)</td>
            <td>\(ctx.t(d.isReplaced ? Catalogue.documentReplaced : Catalogue.documentInForce))</td></tr>
            """
        }
        let table: HTML = rows.isEmpty
            ? "<p id=\"documents\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
                <table id="documents"><thead><tr><th>\(ctx.t(Catalogue.documentNumberLabel))</th><th>\(ctx.t(Catalogue.documentKindLabel))</th>
                <th>\(ctx.t(Catalogue.documentIssuer))</th><th>\(ctx.t(Catalogue.documentIssuedOn))</th><th>\(ctx.t(Catalogue.documentTitle))</th>
                <th>\(ctx.t(Catalogue.documentRegistry))</th><th>\(ctx.t(Catalogue.documentState))</th></tr></thead><tbody>\(rows)</tbody></table>
                """
        // A refused form comes first, so that its messages are in view.
        let refused = message != nil || !errors.isEmpty
        let newForm = principal.role.canWriteRecords ? documentForm(ctx, principal, form: form, message: message, errors: errors, document: nil) : HTML.empty
        let body: HTML = """
            <h1>\(ctx.t(Catalogue.documentsArea))</h1>
            \(Self.betweenTabs(ctx, current: SiteURL.documents))
            \(refused ? newForm : HTML.empty)
            <form method="get" action="\(SiteURL.documents)" class="searchbar" role="search" id="documents-filter">
            <div><label for="q">\(ctx.t(Catalogue.search))</label><br><input type="search" id="q" name="q" value="\(query.text)" maxlength="200" placeholder="\(ctx.t(Catalogue.documentSearchPlaceholder))"></div>
            \(unitField(ctx, query.unitCode))
            <div><label for="kind">\(ctx.t(Catalogue.documentKindLabel))</label><br><select id="kind" name="kind">\(kinds)</select></div>
            <div><label for="issuer">\(ctx.t(Catalogue.documentIssuer))</label><br><input type="text" id="issuer" name="issuer" value="\(query.issuer)" maxlength="30" class="narrow"></div>
            <div><label for="year">\(ctx.t(Catalogue.documentYear))</label><br><input type="text" id="year" name="year" value="\(query.year)" maxlength="4" inputmode="numeric" class="narrow"></div>
            <div><label for="state">\(ctx.t(Catalogue.documentState))</label><br><select id="state" name="state">\(states)</select></div>
            <div><label for="sort">\(ctx.t(Catalogue.sortBy))</label><br><select id="sort" name="sort">\(sorts)</select></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(ctx, SiteURL.documentsExport, parameters))
            \(table)
            \(Layout.pager(ctx, page: result.page, pageCount: result.pageCount, total: result.total) {
                SiteURL.with(SiteURL.documents, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            \(refused ? HTML.empty : newForm)
            """
        return Layout.page(ctx, title: ctx.t(Catalogue.documentsArea), breadcrumbs: [(ctx.t(Catalogue.documentsArea), nil)], content: body)
    }

    /// The new-document form, or the edit form of `document`; the parser's messages beside the number.
    func documentForm(
        _ ctx: PageContext, _ principal: Principal, form: FormData, message: Localized?, errors: [FieldError], document: (DocumentRecord, [String])?
    ) -> HTML {
        func value(_ name: String, _ stored: String) -> String { form.values[name] != nil ? form.string(name) : stored }
        let d = document?.0
        let numberErrors: [HTML] = errors.filter { $0.field == "number" }.map { "<p class=\"field-error\" id=\"number-error\">\(ctx.t($0.message))</p>" }
        let action = d.map { SiteURL.documentAction($0.id, "edit") } ?? SiteURL.documents
        let version: HTML = d.map { "<input type=\"hidden\" name=\"version\" value=\"\(String($0.version))\">" } ?? .empty
        let kinds = DocumentKind.allCases.map { $0.rawValue + " " + $0.label.text(ctx.language).lowercased() }.joined(separator: ", ")
        return """
            <h2 id="\(d == nil ? "new" : "edit")">\(ctx.t(d == nil ? Catalogue.documentNew : Catalogue.documentEdit))</h2>
            \(Layout.errors(ctx, message, errors))
            <form method="post" action="\(action)" class="stacked" id="\(d == nil ? "document-form" : "document-edit-form")">\(ctx.csrfField)\(version)
            <label for="number">\(ctx.t(Catalogue.documentNumberLabel))</label>
            <input type="text" id="number" name="number" value="\(value("number", d?.number.text ?? ""))" maxlength="60" placeholder="680-QĐ/TU" required aria-describedby="number-help">
            \(numberErrors)
            <p class="muted" id="number-help">\(ctx.t(Catalogue.documentNumberHelp(kinds)))</p>
            <label for="issued_on">\(ctx.t(Catalogue.documentIssuedOn))</label>\(Self.dateInput(ctx, name: "issued_on", value: value("issued_on", d?.issuedOn.iso ?? "")))
            <label for="title">\(ctx.t(Catalogue.documentTitle))</label>
            <textarea id="title" name="title" maxlength="1000" rows="2" required>\(value("title", d?.title ?? ""))</textarea>
            <label for="unit_code">\(ctx.t(Catalogue.documentRegistry))</label>
            <input type="text" id="unit_code" name="unit_code" value="\(value("unit_code", d?.unitCode ?? principal.unitCode))" maxlength="40">
            <label for="replaces">\(ctx.t(Catalogue.documentReplacesLabel))</label>
            <input type="text" id="replaces" name="replaces" value="\(value("replaces", document?.1.joined(separator: "; ") ?? ""))" maxlength="500" placeholder="335-QĐ/TU">
            <p class="muted">\(ctx.t(Catalogue.documentReplacesHelp))</p>
            <label for="note">\(ctx.t(Catalogue.note))</label>
            <textarea id="note" name="note" maxlength="2000" rows="2">\(value("note", d?.note ?? ""))</textarea>
            <div class="actions"><button type="submit">\(ctx.t(d == nil ? Catalogue.documentNew : Catalogue.save))</button></div>
            </form>
            """
    }

    /// Files as a table with their download links, and for those who may, the removal buttons and the upload form.
    func filesBlock(_ ctx: PageContext, _ files: [AttachmentInfo], upload: String?, removable: (AttachmentInfo) -> Bool, errors: HTML) -> HTML {
        let rows: [HTML] = files.map { f in
            let remove: HTML = removable(f)
                ? """
                    <form method="post" action="\(SiteURL.removeAttachment(f.id))" class="inline">\(ctx.csrfField)<button type="submit" class="secondary">\(ctx.t(Catalogue.attachmentRemove))</button></form>
                    """ : .empty
            return """
                <tr><td><a href="\(SiteURL.attachment(f.id))">\(f.fileName)</a></td><td class="num">\(ctx.number(max(1, f.size / 1024))) KB</td>
                <td>\(f.side == "sender" ? ctx.t(Catalogue.proposalFrom) : f.side == "receiver" ? ctx.t(Catalogue.proposalTo) : "")</td>
                <td>\(f.uploadedBy)</td><td>\(ctx.timestamp(f.uploadedAt))</td><td>\(remove)</td></tr>
                """
        }
        let table: HTML = files.isEmpty
            ? "<p class=\"muted\">\(ctx.t(Catalogue.attachmentNone))</p>"
            : """
                <table id="files-table"><thead><tr><th>\(ctx.t(Catalogue.attachmentFile))</th><th>\(ctx.t(Catalogue.attachmentSize))</th>
                <th>\(ctx.t(Catalogue.attachmentSide))</th><th>\(ctx.t(Catalogue.who))</th><th>\(ctx.t(Catalogue.when))</th><th></th></tr></thead>
                <tbody>\(rows)</tbody></table>
                """
        let form: HTML = upload.map { action in
            """
            \(errors)
            <form method="post" action="\(action)" enctype="multipart/form-data" class="stacked" id="file-form">\(ctx.csrfField)
            <label for="file">\(ctx.t(Catalogue.attachmentAdd))</label>
            <input type="file" id="file" name="file" accept="\(AttachmentRules.extensions.map { "." + $0 }.joined(separator: ","))" required>
            <p class="muted">\(ctx.t(Catalogue.attachmentHelp(AttachmentRules.extensions.joined(separator: ", "), AttachmentRules.maximumBytes / (1024 * 1024))))</p>
            <div class="actions"><button type="submit">\(ctx.t(Catalogue.attachmentAdd))</button></div>
            </form>
            """
        } ?? .empty
        return "<h2 id=\"files\">\(ctx.t(Catalogue.attachmentFiles))</h2>\(table)\(form)"
    }

    func documentPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), action: String = "",
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let detail = try await services.documents.detail(principal, id: id)
        let d = detail.document
        let history = try await services.documents.history(principal, id: id)
        func links(_ list: [DocumentLink], id: String) -> HTML {
            guard !list.isEmpty else { return "<p class=\"muted\" id=\"\(id)\">\(ctx.t(Catalogue.noRecords))</p>" }
            let items: [HTML] = list.map { link in
                let level: HTML = link.generation > 1 ? " <span class=\"muted\">(\(ctx.t(Catalogue.documentGeneration(link.generation))))</span>" : .empty
                return "<li><a href=\"\(SiteURL.document(link.document.id))\">\(link.document.number.text)</a> — \(ctx.date(link.document.issuedOn)) — \(link.document.title)\(level)</li>"
            }
            return "<ul id=\"\(id)\">\(items)</ul>"
        }
        let citations: [HTML] = detail.citations.map { c in
            let target: String?
            switch c.kind {
            case .task: target = c.id.map(SiteURL.task)
            case .decision: target = c.id.map(SiteURL.decision)
            case .planning: target = c.id.map(SiteURL.planningList)
            case .vetting: target = c.id.map(SiteURL.vettingCase)
            case .ruleSet: target = SiteURL.rules
            }
            let text: HTML = target.map { "<a href=\"\($0)\">\(c.text)</a>" } ?? "\(c.text)"
            return "<tr><td>\(ctx.t(c.kind.label))</td><td>\(text)</td><td>\(ctx.date(c.date))</td></tr>"
        }
        let citationTable: HTML = citations.isEmpty
            ? "<p class=\"muted\" id=\"citations\">\(ctx.t(Catalogue.documentNotCited))</p>"
            : """
                <table id="citations"><thead><tr><th>\(ctx.t(Catalogue.documentCitationKind))</th><th>\(ctx.t(Catalogue.documentCitationRecord))</th>
                <th>\(ctx.t(Catalogue.documentCitationDate))</th></tr></thead><tbody>\(citations)</tbody></table>
                """
        let writer = detail.editable && principal.role.canWriteRecords
        let replacedNumbers = detail.replaces.filter { $0.generation == 1 }.map(\.document.number.text)
        let newTask = SiteURL.with(SiteURL.tasks, [("document", d.number.text)]) + "#new"
        let title = d.number.text + " — " + d.title
        let body: HTML = """
            <h1>\(d.number.text) — \(d.title)</h1>
            <dl class="facts" id="document-facts">
            <dt>\(ctx.t(Catalogue.documentNumberLabel))</dt><dd id="document-number">\(d.number.text)</dd>
            <dt>\(ctx.t(Catalogue.documentKindLabel))</dt><dd id="document-kind">\(ctx.t(d.number.kind.label))</dd>
            <dt>\(ctx.t(Catalogue.documentIssuer))</dt><dd id="document-issuer">\(d.number.issuer)\(d.number.issuerName.map { " — " + ctx.t($0) } ?? "")</dd>
            <dt>\(ctx.t(Catalogue.documentIssuedOn))</dt><dd>\(ctx.date(d.issuedOn))</dd>
            <dt>\(ctx.t(Catalogue.documentTitle))</dt><dd id="document-title">\(d.title)</dd>
            <dt>\(ctx.t(Catalogue.documentRegistry))</dt><dd><a href="\(SiteURL.unit(d.unitCode))">\(d.unitName)</a>\(d.isCentral ? " — " + ctx.t(Catalogue.documentCentral) : "")</dd>
            <dt>\(ctx.t(Catalogue.documentState))</dt><dd id="document-state">\(ctx.t(d.isReplaced ? Catalogue.documentReplaced : Catalogue.documentInForce))</dd>
            <dt>\(ctx.t(Catalogue.note))</dt><dd>\(d.note ?? "")</dd>
            </dl>
            <h2>\(ctx.t(Catalogue.documentReplacesLabel))</h2>
            \(links(detail.replaces, id: "replaces"))
            <h2>\(ctx.t(Catalogue.documentReplacedByLabel))</h2>
            \(links(detail.replacedBy, id: "replaced-by"))
            <h2>\(ctx.t(Catalogue.documentCitedBy))</h2>
            \(citationTable)
            \(principal.role.canWriteRecords ? HTML("<p><a class=\"button secondary\" href=\"\(newTask)\">\(ctx.t(Catalogue.documentNewTask))</a></p>") : HTML.empty)
            \(filesBlock(ctx, detail.files, upload: writer ? SiteURL.documentAction(id, "files") : nil, removable: { _ in writer },
                         errors: action == "files" ? Layout.errors(ctx, message, errors) : .empty))
            \(writer ? documentForm(ctx, principal, form: action == "edit" ? form : FormData(), message: action == "edit" ? message : nil,
                                    errors: action == "edit" ? errors : [], document: (d, replacedNumbers)) : HTML.empty)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.documentsArea), SiteURL.documents), (d.number.text, nil)], flash: flash, content: body)
    }
}
