import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// The person of a case as the API shows it (only to roles that see case details, who also see personal data).
struct APIVettingPerson: Encodable, Sendable {
    let kind: String
    @ExplicitNull var memberId: Int64?
    @ExplicitNull var cadreId: Int64?
    let fullName: String
    @ExplicitNull var cardNo: String?
    @ExplicitNull var nationalId: String?
    @ExplicitNull var birthDate: String?

    init(_ p: VettingPerson) {
        kind = p.kind.rawValue
        memberId = p.memberId
        cadreId = p.cadreId
        fullName = p.fullName
        cardNo = p.cardNo
        nationalId = p.nationalId
        birthDate = p.birthDate?.iso
    }
}

struct APIVettingCase: Encodable, Sendable {
    let id: Int64
    let person: APIVettingPerson
    let purpose: String
    let unitCode: String
    let unitName: String
    let receivedOn: String
    let deadline: String
    let status: String
    @ExplicitNull var conclusion: String?
    @ExplicitNull var concludedOn: String?
    @ExplicitNull var documentNo: String?
    @ExplicitNull var note: String?
    let due: String
    let version: Int
    let createdBy: String
    let updatedAt: String

    init(_ c: VettingCase, due: VettingDue) {
        id = c.id
        person = APIVettingPerson(c.person)
        purpose = c.purpose.rawValue
        unitCode = c.unitCode
        unitName = c.unitName
        receivedOn = c.receivedOn.iso
        deadline = c.deadline.iso
        status = c.status.rawValue
        conclusion = c.outcome?.conclusion.rawValue
        concludedOn = c.outcome?.concludedOn.iso
        documentNo = c.outcome?.documentNo
        note = c.note
        self.due = due.rawValue
        version = c.version
        createdBy = c.createdBy
        updatedAt = c.updatedAt
    }
}

struct APIVettingCounts: Encodable, Sendable {
    struct Figures: Encodable, Sendable {
        let received: Int
        let concluded: Int
        let meets: Int
        let doesNotMeet: Int
        let overdue: Int

        init(_ c: VettingPurposeCounts) {
            received = c.received
            concluded = c.concluded
            meets = c.meets
            doesNotMeet = c.doesNotMeet
            overdue = c.overdue
        }
    }

    let unit: String
    let from: String
    let to: String
    let asOf: String
    let byPurpose: [String: Figures]
    let total: Figures

    init(_ c: VettingCounts) {
        unit = c.unitCode
        from = c.from.iso
        to = c.to.iso
        asOf = c.asOf.iso
        byPurpose = Dictionary(uniqueKeysWithValues: VettingPurpose.allCases.map { ($0.rawValue, Figures(c.of($0))) })
        total = Figures(c.total)
    }
}

struct APIVettingSettings: Encodable, Sendable {
    let deadlineWorkingDays: Int
    let warningWorkingDays: Int
    let version: Int
    @ExplicitNull var updatedBy: String?
    @ExplicitNull var updatedAt: String?

    init(_ r: VettingSettingsRecord) {
        deadlineWorkingDays = r.settings.deadlineWorkingDays
        warningWorkingDays = r.settings.warningWorkingDays
        version = r.version
        updatedBy = r.updatedBy
        updatedAt = r.updatedAt
    }
}

struct APIVettingCaseBody: Decodable, Sendable {
    let person: String
    let fullName: String?
    let birthDate: String?
    let purpose: String
    let unitCode: String?
    let receivedOn: String?
    let deadline: String?
    let note: String?

    var draft: VettingCaseDraft {
        var d = VettingCaseDraft()
        d.person = person
        d.fullName = fullName ?? ""
        d.birthDate = birthDate ?? ""
        d.purpose = purpose
        d.unitCode = unitCode ?? ""
        d.receivedOn = receivedOn ?? ""
        d.deadline = deadline ?? ""
        d.note = note ?? ""
        return d
    }
}

struct APIVettingEditBody: Decodable, Sendable {
    let version: Int
    let unitCode: String?
    let receivedOn: String?
    let deadline: String?
    let note: String?
}

/// The body of a step: the version it starts from, and what the step needs (a conclusion; a correction's target and reason).
struct APIVettingStepBody: Decodable, Sendable {
    let version: Int
    let conclusion: String?
    let concludedOn: String?
    let documentNo: String?
    let status: String?
    let reason: String?

    var outcome: VettingOutcomeDraft {
        VettingOutcomeDraft(conclusion: conclusion ?? "", concludedOn: concludedOn ?? "", documentNo: documentNo ?? "")
    }
}

struct APIVettingSettingsBody: Decodable, Sendable {
    let deadlineWorkingDays: Int
    let warningWorkingDays: Int
    let version: Int
}

extension Site {
    func registerVettingAPI(_ api: RouterGroup<AppContext>) {
        api.get("vetting") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.vettingQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.vetting.list(principal, query)
            return try Responses.json(
                APIList(
                    items: result.items.map { APIVettingCase($0.vettingCase, due: $0.due) }, page: result.page, perPage: result.perPage,
                    total: result.total))
        }
        api.post("vetting") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIVettingCaseBody.self, request, context)
            let created = try await services.vetting.create(principal, body.draft)
            return try Responses.json(try await apiVettingCase(created), status: .created)
        }
        api.get("vetting/counts") { request, context in
            let principal = try context.requirePrincipal()
            let period = try Self.period(request)
            let counts = try await services.vetting.counts(principal, unitCode: Self.unitFilter(request), from: period.from, to: period.to)
            return try Responses.json(APIVettingCounts(counts))
        }
        api.get("vetting/settings") { _, context in
            _ = try context.requirePrincipal()
            return try Responses.json(APIVettingSettings(try await services.vetting.settings()))
        }
        api.put("vetting/settings") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIVettingSettingsBody.self, request, context)
            let saved = try await services.vetting.saveSettings(
                principal, deadlineWorkingDays: String(body.deadlineWorkingDays), warningWorkingDays: String(body.warningWorkingDays),
                expectedVersion: body.version)
            return try Responses.json(APIVettingSettings(saved))
        }
        api.get("vetting/:id") { _, context in
            let principal = try context.requirePrincipal()
            let found = try await services.vetting.get(principal, id: try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound))
            return try Responses.json(try await apiVettingCase(found))
        }
        api.put("vetting/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound)
            // Scope and role first: a case outside the subtree is 404 whatever the body says.
            _ = try await services.vetting.get(principal, id: id)
            let body = try await Self.decode(APIVettingEditBody.self, request, context)
            let edit = VettingCaseEdit(unitCode: body.unitCode ?? "", receivedOn: body.receivedOn ?? "", deadline: body.deadline ?? "", note: body.note ?? "")
            return try Responses.json(try await apiVettingCase(try await services.vetting.update(principal, id: id, edit, expectedVersion: body.version)))
        }
        for action in ["verify", "conclude", "correct"] {
            api.post(RouterPath("vetting/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound)
                _ = try await services.vetting.get(principal, id: id)
                let body = try await Self.decode(APIVettingStepBody.self, request, context)
                let step: VettingStep
                switch action {
                case "verify": step = .startVerifying
                case "conclude": step = .conclude(body.outcome)
                default:
                    guard let target = VettingStatus(rawValue: body.status ?? "") else {
                        throw DomainError.invalid(Catalogue.invalidInput, [FieldError("status", Catalogue.unknownValue(body.status ?? ""))])
                    }
                    step = .correct(to: target, outcome: body.outcome, reason: body.reason ?? "")
                }
                let saved = try await services.vetting.apply(principal, id: id, step, expectedVersion: body.version)
                return try Responses.json(try await apiVettingCase(saved))
            }
        }
        api.get("vetting/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.vetting.history(principal, id: try Self.pathId(context, notFound: Catalogue.vettingCaseNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
    }

    /// A case with its deadline state today.
    func apiVettingCase(_ c: VettingCase) async throws -> APIVettingCase {
        APIVettingCase(c, due: c.due(today: Timestamp.vietnamDate(), settings: try await services.vetting.settings().settings))
    }
}
