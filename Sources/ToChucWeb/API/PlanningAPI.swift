import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// A share of a planning list (women, young, ethnic minorities) with its target.
struct APIPlanningShare: Encodable, Sendable {
    let count: Int
    let total: Int
    /// Truncated to two decimals, as shown; the target is checked on the exact fraction.
    let percent: Double
    @ExplicitNull var targetPercent: Int?
    @ExplicitNull var met: Bool?

    init(_ share: PlanningShare, target: Int?, met: Bool?) {
        count = share.count
        total = share.total
        percent = Double(share.hundredthsOfPercent) / 100
        targetPercent = target
        self.met = met
    }
}

struct APIPlanningStructure: Encodable, Sendable {
    let total: Int
    let women: APIPlanningShare
    let young: APIPlanningShare
    let youngAgeLimit: Int
    let ethnicMinority: APIPlanningShare
    let problems: [String]

    init(_ s: PlanningStructure) {
        total = s.total
        women = APIPlanningShare(s.women, target: s.targets.womenPercent, met: s.womenMet)
        young = APIPlanningShare(s.young, target: s.targets.youngPercent, met: s.youngMet)
        youngAgeLimit = s.targets.youngAgeLimit
        ethnicMinority = APIPlanningShare(s.ethnicMinority, target: s.targets.ethnicMinorityPercent, met: s.ethnicMinorityMet)
        problems = s.problems.map(\.vi)
    }
}

struct APIPlanningEntry: Encodable, Sendable {
    let id: Int64
    let listId: Int64
    let cadre: APICadre
    let isEthnicMinority: Bool
    let addedOn: String
    @ExplicitNull var addedReason: String?
    let addedBy: String
    @ExplicitNull var approvedOn: String?
    @ExplicitNull var removedOn: String?
    @ExplicitNull var removalKind: String?
    @ExplicitNull var removedReason: String?

    init(_ e: PlanningEntry, personal: Bool) {
        id = e.id
        listId = e.listId
        cadre = APICadre(e.cadre, personal: personal)
        isEthnicMinority = e.isEthnicMinority
        addedOn = e.addedOn.iso
        addedReason = e.addedReason
        addedBy = e.addedBy
        approvedOn = e.approvedOn?.iso
        removedOn = e.removedOn?.iso
        removalKind = e.removalKind
        removedReason = e.removedReason
    }
}

struct APIPlanningList: Encodable, Sendable {
    let id: Int64
    let term: String
    let position: String
    let placeCode: String
    let placeName: String
    let isAgency: Bool
    let managedBy: String
    @ExplicitNull var approvedOn: String?
    @ExplicitNull var approvedBy: String?
    @ExplicitNull var approvalNo: String?
    let version: Int

    init(_ l: PlanningListRecord) {
        id = l.id
        term = l.term.key
        position = l.position
        placeCode = l.place.code
        placeName = l.place.name
        isAgency = l.place.isAgency
        managedBy = l.managedBy.rawValue
        approvedOn = l.approvedOn?.iso
        approvedBy = l.approvedBy
        approvalNo = l.approvalNo
        version = l.version
    }
}

struct APIPlanningListSummary: Encodable, Sendable {
    let list: APIPlanningList
    let planned: Int
    let pending: Int
    let structure: APIPlanningStructure
}

struct APIPlanningReviewItem: Encodable, Sendable {
    let entry: APIPlanningEntry
    let reasons: [String]

    init(_ item: PlanningReviewItem, personal: Bool) {
        entry = APIPlanningEntry(item.entry, personal: personal)
        reasons = item.reasons.map(\.message.vi)
    }
}

struct APIPlanningDetail: Encodable, Sendable {
    let list: APIPlanningList
    let active: [APIPlanningEntry]
    let removed: [APIPlanningEntry]
    let structure: APIPlanningStructure
    let problems: [String]
    let review: [APIPlanningReviewItem]
}

struct APIPlanningListBody: Decodable, Sendable {
    let term: String
    let position: String
    let placeCode: String
    let managedBy: String

    var draft: PlanningListDraft { PlanningListDraft(term: term, position: position, placeCode: placeCode, managedBy: managedBy) }
}

struct APIPlanningEntryBody: Decodable, Sendable {
    let person: String
    let addedOn: String?
    let reason: String?
}

struct APIPlanningRemovalBody: Decodable, Sendable {
    let reason: String
    let removedOn: String?
}

struct APIPlanningReviewBody: Decodable, Sendable {
    let on: String?
}

struct APIPlanningApprovalBody: Decodable, Sendable {
    let decisionNo: String
    let approvedOn: String?
}

extension Site {
    func registerPlanningAPI(_ api: RouterGroup<AppContext>) {
        api.get("planning") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let result = try await services.planning.lists(
                principal, term: request.query("term") ?? "", unitCode: Self.unitFilter(request), query: request.query("q") ?? "",
                page: list.page, perPage: list.perPage)
            return try Responses.json(
                APIList(
                    items: result.items.map {
                        APIPlanningListSummary(
                            list: APIPlanningList($0.list), planned: $0.active.count, pending: $0.pending, structure: APIPlanningStructure($0.structure))
                    }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("planning") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIPlanningListBody.self, request, context)
            return try Responses.json(APIPlanningList(try await services.planning.createList(principal, body.draft)), status: .created)
        }
        api.get("planning/:id") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(
                Self.apiPlanningDetail(
                    try await services.planning.detail(principal, id: try Self.pathId(context)), personal: principal.role.seesPersonalData))
        }
        api.post("planning/:id/entries") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            _ = try await services.planning.detail(principal, id: id)
            let body = try await Self.decode(APIPlanningEntryBody.self, request, context)
            let entry = try await services.planning.addCandidate(
                principal, listId: id, person: body.person, addedOn: body.addedOn ?? "", reason: body.reason ?? "")
            return try Responses.json(APIPlanningEntry(entry, personal: principal.role.seesPersonalData), status: .created)
        }
        api.post("planning/entries/:id/remove") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.planningEntryNotFound)
            // Scope first: an entry outside the subtree is 404 whatever the body says.
            try await services.planning.checkEntryInScope(principal, entryId: id)
            let body = try await Self.decode(APIPlanningRemovalBody.self, request, context)
            let entry = try await services.planning.removeCandidate(principal, entryId: id, removedOn: body.removedOn ?? "", reason: body.reason)
            return try Responses.json(APIPlanningEntry(entry, personal: principal.role.seesPersonalData))
        }
        api.post("planning/:id/review") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            _ = try await services.planning.detail(principal, id: id)
            let body = try await Self.decodeOptional(APIPlanningReviewBody.self, request, context)
            var date = Timestamp.vietnamDate()
            if let text = body?.on, !text.isEmpty {
                guard let parsed = CivilDate(parsing: text), parsed <= date else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("on", Catalogue.invalidDate(text))])
                }
                date = parsed
            }
            let removed = try await services.planning.applyReview(principal, listId: id, on: date)
            let personal = principal.role.seesPersonalData
            return try Responses.json(APIItems(items: removed.map { APIPlanningReviewItem($0, personal: personal) }))
        }
        api.post("planning/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context)
            _ = try await services.planning.detail(principal, id: id)
            let body = try await Self.decode(APIPlanningApprovalBody.self, request, context)
            let list = try await services.planning.approve(principal, listId: id, decisionNo: body.decisionNo, on: body.approvedOn ?? "")
            return try Responses.json(APIPlanningList(list))
        }
    }

    static func apiPlanningDetail(_ d: PlanningListDetail, personal: Bool) -> APIPlanningDetail {
        APIPlanningDetail(
            list: APIPlanningList(d.list), active: d.active.map { APIPlanningEntry($0, personal: personal) },
            removed: d.removed.map { APIPlanningEntry($0, personal: personal) }, structure: APIPlanningStructure(d.structure),
            problems: d.problems.map(\.vi), review: d.review.map { APIPlanningReviewItem($0, personal: personal) })
    }
}
