import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

struct APIDocumentNumber: Encodable, Sendable {
    let number: String
    let serial: Int
    let kind: String
    let kindLabelVi: String
    let issuer: String
    @ExplicitNull var issuerNameVi: String?
    let central: Bool
    let key: String

    init(_ n: DocumentNumber) {
        number = n.text
        serial = n.serial
        kind = n.kind.rawValue
        kindLabelVi = n.kind.label.vi
        issuer = n.issuer
        issuerNameVi = n.issuerName?.vi
        central = n.isCentral
        key = n.key
    }
}

struct APIDocument: Encodable, Sendable {
    let id: Int64
    let number: String
    let kind: String
    let issuer: String
    let central: Bool
    let issuedOn: String
    let title: String
    @ExplicitNull var note: String?
    let unitCode: String
    let unitName: String
    let replaced: Bool
    let version: Int
    let createdBy: String
    let updatedAt: String

    init(_ d: DocumentRecord) {
        id = d.id
        number = d.number.text
        kind = d.number.kind.rawValue
        issuer = d.number.issuer
        central = d.isCentral
        issuedOn = d.issuedOn.iso
        title = d.title
        note = d.note
        unitCode = d.unitCode
        unitName = d.unitName
        replaced = d.isReplaced
        version = d.version
        createdBy = d.createdBy
        updatedAt = d.updatedAt
    }
}

struct APIDocumentLink: Encodable, Sendable {
    let id: Int64
    let number: String
    let title: String
    let issuedOn: String
    let generation: Int
}

struct APICitation: Encodable, Sendable {
    let kind: String
    @ExplicitNull var id: Int64?
    let text: String
    @ExplicitNull var date: String?
}

struct APIAttachment: Encodable, Sendable {
    let id: Int64
    let owner: String
    let ownerId: Int64
    let side: String
    let fileName: String
    let contentType: String
    let size: Int
    let sha256: String
    let uploadedBy: String
    let uploadedAt: String

    init(_ a: AttachmentInfo) {
        id = a.id
        owner = a.owner.rawValue
        ownerId = a.ownerId
        side = a.side
        fileName = a.fileName
        contentType = a.contentType
        size = a.size
        sha256 = a.sha256
        uploadedBy = a.uploadedBy
        uploadedAt = a.uploadedAt
    }
}

struct APIDocumentDetail: Encodable, Sendable {
    let document: APIDocument
    let replaces: [APIDocumentLink]
    let replacedBy: [APIDocumentLink]
    let citations: [APICitation]
    let files: [APIAttachment]
    let editable: Bool

    init(_ d: DocumentDetail) {
        document = APIDocument(d.document)
        func link(_ l: DocumentLink) -> APIDocumentLink {
            APIDocumentLink(id: l.document.id, number: l.document.number.text, title: l.document.title, issuedOn: l.document.issuedOn.iso, generation: l.generation)
        }
        replaces = d.replaces.map(link)
        replacedBy = d.replacedBy.map(link)
        citations = d.citations.map { APICitation(kind: $0.kind.rawValue, id: $0.id, text: $0.text, date: $0.date?.iso) }
        files = d.files.map(APIAttachment.init)
        editable = d.editable
    }
}

struct APIDocumentBody: Decodable, Sendable {
    let number: String
    let issuedOn: String
    let title: String
    let unitCode: String?
    let replaces: [String]?
    let note: String?
    let version: Int?

    var draft: DocumentDraft {
        DocumentDraft(
            number: number, issuedOn: issuedOn, title: title, unitCode: unitCode ?? "", replaces: (replaces ?? []).joined(separator: ";"), note: note ?? "")
    }
}

struct APIProposal: Encodable, Sendable {
    let id: Int64
    let kind: String
    let fromUnit: String
    let fromUnitName: String
    let toUnit: String
    let toUnitName: String
    let subject: String
    let text: String
    let receivedOn: String
    @ExplicitNull var handler: String?
    let status: String
    @ExplicitNull var answer: String?
    @ExplicitNull var answeredOn: String?
    @ExplicitNull var answeredBy: String?
    @ExplicitNull var withdrawnOn: String?
    @ExplicitNull var withdrawReason: String?
    let reminders: Int
    @ExplicitNull var lastRemindedOn: String?
    let due: String
    let remindAfter: String
    let version: Int
    let createdBy: String
    let updatedAt: String

    init(_ row: ProposalRow) {
        let p = row.proposal
        id = p.id
        kind = p.kind.rawValue
        fromUnit = p.fromUnitCode
        fromUnitName = p.fromUnitName
        toUnit = p.toUnitCode
        toUnitName = p.toUnitName
        subject = p.subject
        text = p.text
        receivedOn = p.receivedOn.iso
        handler = p.state.handler.isEmpty ? nil : p.state.handler
        status = p.status.rawValue
        answer = p.state.answer?.text
        answeredOn = p.state.answer?.answeredOn.iso
        answeredBy = p.answeredBy
        withdrawnOn = p.state.withdrawnOn?.iso
        withdrawReason = p.state.withdrawReason
        reminders = p.state.reminders
        lastRemindedOn = p.state.lastRemindedOn?.iso
        due = row.due.rawValue
        remindAfter = row.remindAfter.iso
        version = p.version
        createdBy = p.createdBy
        updatedAt = p.updatedAt
    }
}

struct APIProposalDetail: Encodable, Sendable {
    let proposal: APIProposal
    let side: String
    let files: [APIAttachment]
}

struct APIProposalBody: Decodable, Sendable {
    let kind: String?
    let fromUnit: String?
    let toUnit: String?
    let subject: String
    let text: String
    let receivedOn: String?
    let handler: String?

    var draft: ProposalDraft {
        var d = ProposalDraft()
        d.kind = kind ?? ""
        d.fromUnitCode = fromUnit ?? ""
        d.toUnitCode = toUnit ?? ""
        d.subject = subject
        d.text = text
        d.receivedOn = receivedOn ?? ""
        d.handler = handler ?? ""
        return d
    }
}

struct APIProposalStepBody: Decodable, Sendable {
    let version: Int
    let handler: String?
    let answer: String?
    let answeredOn: String?
    let reason: String?
}

struct APIProposalCounts: Encodable, Sendable {
    struct Box: Encodable, Sendable {
        let received: Int
        let answered: Int
        let open: Int
        let overdue: Int

        init(_ c: ProposalBoxCounts) {
            received = c.received
            answered = c.answered
            open = c.open
            overdue = c.overdue
        }
    }

    let unit: String
    let from: String
    let to: String
    let asOf: String
    let inbox: Box
    let outbox: Box
}

struct APIProposalSettings: Encodable, Sendable {
    let reminderWorkingDays: Int
    let version: Int
    @ExplicitNull var updatedBy: String?
    @ExplicitNull var updatedAt: String?

    init(_ r: ProposalSettingsRecord) {
        reminderWorkingDays = r.settings.reminderWorkingDays
        version = r.version
        updatedBy = r.updatedBy
        updatedAt = r.updatedAt
    }
}

struct APIProposalSettingsBody: Decodable, Sendable {
    let reminderWorkingDays: Int
    let version: Int
}

struct APITask: Encodable, Sendable {
    let id: Int64
    let unitCode: String
    let unitName: String
    let assignedBy: String
    let assignedByName: String
    @ExplicitNull var documentId: Int64?
    @ExplicitNull var documentNumber: String?
    let title: String
    @ExplicitNull var description: String?
    @ExplicitNull var owner: String?
    let assignedOn: String
    let deadline: String
    let status: String
    let progress: Int
    @ExplicitNull var closedOn: String?
    @ExplicitNull var closeReason: String?
    @ExplicitNull var focusYear: Int?
    let due: String
    let version: Int
    let createdBy: String
    let updatedAt: String

    init(_ t: TaskRecord, due: TaskDue) {
        id = t.id
        unitCode = t.unitCode
        unitName = t.unitName
        assignedBy = t.assignedByCode
        assignedByName = t.assignedByName
        documentId = t.document?.id
        documentNumber = t.document?.number
        title = t.title
        description = t.description
        owner = t.owner
        assignedOn = t.assignedOn.iso
        deadline = t.deadline.iso
        status = t.status.rawValue
        progress = t.state.progress
        closedOn = t.state.closedOn?.iso
        closeReason = t.state.closeReason
        focusYear = t.focusYear
        self.due = due.rawValue
        version = t.version
        createdBy = t.createdBy
        updatedAt = t.updatedAt
    }
}

struct APITaskNote: Encodable, Sendable {
    let id: Int64
    let notedOn: String
    @ExplicitNull var progress: Int?
    let text: String
    let createdBy: String
    let createdAt: String
}

struct APITaskDetail: Encodable, Sendable {
    let task: APITask
    let notes: [APITaskNote]
}

struct APITaskBody: Decodable, Sendable {
    let unitCode: String?
    let assignedBy: String?
    let document: String?
    let documentId: Int64?
    let title: String
    let description: String?
    let owner: String?
    let assignedOn: String?
    let deadline: String
    let focusYear: Int?
    let version: Int?

    var draft: TaskDraft {
        var d = TaskDraft()
        d.unitCode = unitCode ?? ""
        d.assignedByCode = assignedBy ?? ""
        d.document = document ?? ""
        d.documentId = documentId
        d.title = title
        d.description = description ?? ""
        d.owner = owner ?? ""
        d.assignedOn = assignedOn ?? ""
        d.deadline = deadline
        d.focusYear = focusYear.map(String.init) ?? ""
        return d
    }
}

struct APITaskStepBody: Decodable, Sendable {
    let version: Int
    let text: String?
    let notedOn: String?
    let progress: Int?
    let closedOn: String?
    let reason: String?
}

/// The JSON API of proposals, documents and tasks (issue 7), documented in `OpenAPIDocument+Between.swift`.
extension Site {
    func registerBetweenAPI(_ api: RouterGroup<AppContext>) {
        registerDocumentAPI(api)
        registerProposalAPI(api)
        registerTaskAPI(api)
        api.get("attachments/:id") { _, context in
            let principal = try context.requirePrincipal()
            return Self.attachmentResponse(try await services.attachments.download(principal, id: try Self.pathId(context, notFound: Catalogue.attachmentNotFound)))
        }
        api.delete("attachments/:id") { _, context in
            let principal = try context.requirePrincipal()
            _ = try await services.attachments.remove(principal, id: try Self.pathId(context, notFound: Catalogue.attachmentNotFound))
            return Response(status: .noContent)
        }
    }

    /// A raw upload: the body is the file, `name` in the query its file name.
    static func upload(_ request: Request, _ context: AppContext) async throws -> (name: String, data: Data) {
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return ((request.query("name") ?? "").trimmed, Data(body.readableBytesView))
    }

    func registerDocumentAPI(_ api: RouterGroup<AppContext>) {
        api.get("documents") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.documentQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.documents.list(principal, query)
            return try Responses.json(APIList(items: result.items.map(APIDocument.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("documents") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIDocumentBody.self, request, context)
            let created = try await services.documents.create(principal, body.draft)
            return try Responses.json(APIDocumentDetail(try await services.documents.detail(principal, id: created.id)), status: .created)
        }
        api.get("documents/parse") { request, context in
            _ = try context.requirePrincipal()
            return try Responses.json(APIDocumentNumber(try services.documents.parse(request.query("number") ?? "")))
        }
        api.get("documents/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            return try Responses.json(APIDocumentDetail(try await services.documents.detail(principal, id: id)))
        }
        api.put("documents/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            _ = try await services.documents.get(principal, id: id)
            let body = try await Self.decode(APIDocumentBody.self, request, context)
            guard let version = body.version else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)]) }
            _ = try await services.documents.update(principal, id: id, body.draft, expectedVersion: version)
            return try Responses.json(APIDocumentDetail(try await services.documents.detail(principal, id: id)))
        }
        api.get("documents/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.documents.history(principal, id: try Self.pathId(context, notFound: Catalogue.documentNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
        api.post("documents/:id/files") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.documentNotFound)
            _ = try await services.documents.get(principal, id: id)
            let file = try await Self.upload(request, context)
            return try Responses.json(APIAttachment(try await services.documents.attach(principal, id: id, fileName: file.name, data: file.data)), status: .created)
        }
    }

    func registerProposalAPI(_ api: RouterGroup<AppContext>) {
        api.get("proposals") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.proposalQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.proposals.list(principal, query)
            return try Responses.json(APIList(items: result.items.map(APIProposal.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("proposals") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIProposalBody.self, request, context)
            let created = try await services.proposals.create(principal, body.draft)
            return try Responses.json(try await apiProposal(principal, id: created.id), status: .created)
        }
        api.get("proposals/counts") { request, context in
            let principal = try context.requirePrincipal()
            let period = try Self.period(request)
            let c = try await services.proposals.counts(principal, unitCode: Self.unitFilter(request), from: period.from, to: period.to)
            return try Responses.json(
                APIProposalCounts(unit: c.unitCode, from: c.from.iso, to: c.to.iso, asOf: c.asOf.iso, inbox: .init(c.inbox), outbox: .init(c.outbox)))
        }
        api.get("proposals/settings") { _, context in
            _ = try context.requirePrincipal()
            return try Responses.json(APIProposalSettings(try await services.proposals.settings()))
        }
        api.put("proposals/settings") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIProposalSettingsBody.self, request, context)
            let saved = try await services.proposals.saveSettings(principal, reminderWorkingDays: String(body.reminderWorkingDays), expectedVersion: body.version)
            return try Responses.json(APIProposalSettings(saved))
        }
        api.get("proposals/:id") { _, context in
            let principal = try context.requirePrincipal()
            let detail = try await services.proposals.detail(principal, id: try Self.pathId(context, notFound: Catalogue.proposalNotFound))
            return try Responses.json(
                APIProposalDetail(
                    proposal: APIProposal(ProposalRow(proposal: detail.proposal, due: detail.due, remindAfter: detail.remindAfter)), side: detail.side.rawValue,
                    files: detail.files.map(APIAttachment.init)))
        }
        for action in ["assign", "answer", "withdraw", "remind"] {
            api.post(RouterPath("proposals/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.proposalNotFound)
                _ = try await services.proposals.get(principal, id: id)
                let body = try await Self.decode(APIProposalStepBody.self, request, context)
                let step: ProposalStep
                switch action {
                case "assign": step = .assign(handler: body.handler ?? "")
                case "answer": step = .answer(text: body.answer ?? "", answeredOn: body.answeredOn ?? "")
                case "withdraw": step = .withdraw(reason: body.reason ?? "")
                default: step = .remind
                }
                _ = try await services.proposals.apply(principal, id: id, step, expectedVersion: body.version)
                return try Responses.json(try await apiProposal(principal, id: id))
            }
        }
        api.get("proposals/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.proposals.history(principal, id: try Self.pathId(context, notFound: Catalogue.proposalNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
        api.post("proposals/:id/files") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.proposalNotFound)
            _ = try await services.proposals.get(principal, id: id)
            let file = try await Self.upload(request, context)
            return try Responses.json(APIAttachment(try await services.proposals.attach(principal, id: id, fileName: file.name, data: file.data)), status: .created)
        }
    }

    /// A proposal with its reminder state today.
    func apiProposal(_ principal: Principal, id: Int64) async throws -> APIProposal {
        let d = try await services.proposals.detail(principal, id: id)
        return APIProposal(ProposalRow(proposal: d.proposal, due: d.due, remindAfter: d.remindAfter))
    }

    func registerTaskAPI(_ api: RouterGroup<AppContext>) {
        api.get("tasks") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.taskQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.tasks.list(principal, query)
            return try Responses.json(
                APIList(items: result.items.map { APITask($0.task, due: $0.due) }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("tasks") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APITaskBody.self, request, context)
            let created = try await services.tasks.create(principal, body.draft)
            return try Responses.json(try await apiTask(principal, id: created.id), status: .created)
        }
        api.get("tasks/:id") { _, context in
            let principal = try context.requirePrincipal()
            let d = try await services.tasks.detail(principal, id: try Self.pathId(context, notFound: Catalogue.taskNotFound))
            let notes = d.notes.map {
                APITaskNote(id: $0.id, notedOn: $0.notedOn.iso, progress: $0.progress, text: $0.text, createdBy: $0.createdBy, createdAt: $0.createdAt)
            }
            return try Responses.json(APITaskDetail(task: APITask(d.task, due: d.due), notes: notes))
        }
        api.put("tasks/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.taskNotFound)
            _ = try await services.tasks.get(principal, id: id)
            let body = try await Self.decode(APITaskBody.self, request, context)
            guard let version = body.version else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)]) }
            _ = try await services.tasks.update(principal, id: id, body.draft, expectedVersion: version)
            return try Responses.json(try await apiTask(principal, id: id))
        }
        for action in ["notes", "complete", "cancel", "reopen"] {
            api.post(RouterPath("tasks/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.taskNotFound)
                _ = try await services.tasks.get(principal, id: id)
                let body = try await Self.decode(APITaskStepBody.self, request, context)
                let step: TaskStep
                switch action {
                case "notes": step = .note(text: body.text ?? "", notedOn: body.notedOn ?? "", progress: body.progress.map(String.init) ?? "")
                case "complete": step = .complete(on: body.closedOn ?? "")
                case "cancel": step = .cancel(on: body.closedOn ?? "", reason: body.reason ?? "")
                default: step = .reopen(reason: body.reason ?? "")
                }
                _ = try await services.tasks.apply(principal, id: id, step, expectedVersion: body.version)
                return try Responses.json(try await apiTask(principal, id: id))
            }
        }
        api.get("tasks/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.tasks.history(principal, id: try Self.pathId(context, notFound: Catalogue.taskNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
    }

    func apiTask(_ principal: Principal, id: Int64) async throws -> APITask {
        let d = try await services.tasks.detail(principal, id: id)
        return APITask(d.task, due: d.due)
    }
}
