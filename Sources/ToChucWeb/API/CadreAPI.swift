import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// An agency as the API shows it.
struct APIAgency: Encodable, Sendable {
    let code: String
    let name: String
    let kind: String
    @ExplicitNull var parentCode: String?
    let unitCode: String
    let unitName: String
    let version: Int

    init(_ a: Agency) {
        code = a.code
        name = a.name
        kind = a.kind.rawValue
        parentCode = a.parentCode
        unitCode = a.unitCode
        unitName = a.unitName
        version = a.version
    }
}

/// The body of POST and PUT on agencies.
struct APIAgencyBody: Decodable, Sendable {
    let code: String?
    let name: String
    let kind: String
    let parentCode: String?
    let unitCode: String
    let version: Int?

    func draft(code fixed: String? = nil) -> AgencyDraft {
        AgencyDraft(code: fixed ?? code ?? "", name: name, kind: kind, parentCode: parentCode ?? "", unitCode: unitCode)
    }
}

/// A cadre as the API shows it; the national ID masked for roles that may not see personal data.
struct APICadre: Encodable, Sendable {
    let id: Int64
    @ExplicitNull var memberId: Int64?
    @ExplicitNull var cardNo: String?
    @ExplicitNull var nationalId: String?
    let fullName: String
    let gender: String
    @ExplicitNull var birthDate: String?
    let unitCode: String
    let unitName: String
    let version: Int

    init(_ c: Cadre, personal: Bool) {
        id = c.id
        memberId = c.memberId
        cardNo = c.cardNo
        nationalId = personal ? c.nationalId : c.nationalId.map(NationalID.mask)
        fullName = c.fullName
        gender = c.gender.rawValue
        birthDate = c.birthDate?.iso
        unitCode = c.unitCode
        unitName = c.unitName
        version = c.version
    }
}

struct APICadreBody: Decodable, Sendable {
    let memberNumber: String?
    let fullName: String?
    let gender: String?
    let birthDate: String?
    let nationalId: String?
    let unitCode: String?

    var draft: CadreDraft {
        var d = CadreDraft()
        d.memberNumber = memberNumber ?? ""
        d.fullName = fullName ?? ""
        d.gender = gender ?? ""
        d.birthDate = birthDate ?? ""
        d.nationalId = nationalId ?? ""
        d.unitCode = unitCode ?? ""
        return d
    }
}

struct APIPosition: Encodable, Sendable {
    let id: Int64
    let cadreId: Int64
    let unitCode: String
    let unitName: String
    let isAgency: Bool
    let title: String
    let isHead: Bool
    let startedOn: String
    @ExplicitNull var endedOn: String?
    @ExplicitNull var startKind: String?
    @ExplicitNull var endKind: String?
    let managedBy: String
    @ExplicitNull var approvedOn: String?
    @ExplicitNull var decisionId: Int64?
    @ExplicitNull var endDecisionId: Int64?
    @ExplicitNull var voidedByDecisionId: Int64?

    init(_ p: PositionRecord) {
        id = p.id
        cadreId = p.cadreId
        unitCode = p.place.code
        unitName = p.place.name
        isAgency = p.place.isAgency
        title = p.title
        isHead = p.isHead
        startedOn = p.startedOn.iso
        endedOn = p.endedOn?.iso
        startKind = p.startKind?.rawValue
        endKind = p.endKind?.rawValue
        managedBy = p.managedBy.rawValue
        approvedOn = p.approvedOn?.iso
        decisionId = p.decisionId
        endDecisionId = p.endDecisionId
        voidedByDecisionId = p.voidedByDecisionId
    }
}

struct APIDecisionChange: Encodable, Sendable {
    let position: String
    let field: String
    @ExplicitNull var old: String?
    @ExplicitNull var new: String?
}

struct APIDecision: Encodable, Sendable {
    let id: Int64
    let cadreId: Int64
    let cadreName: String
    let kind: String
    let status: String
    let decisionNo: String
    let effectiveOn: String
    @ExplicitNull var note: String?
    @ExplicitNull var closesPositionId: Int64?
    @ExplicitNull var unitCode: String?
    @ExplicitNull var title: String?
    let managedBy: String
    let proposedBy: String
    let proposedAt: String
    @ExplicitNull var approvedOn: String?
    @ExplicitNull var approvedBy: String?
    @ExplicitNull var voidedAt: String?
    @ExplicitNull var voidDecisionNo: String?
    @ExplicitNull var voidNote: String?
    let changes: [APIDecisionChange]
    let version: Int

    init(_ d: CadreDecision, changes: [DecisionChange]? = nil) {
        id = d.id
        cadreId = d.cadreId
        cadreName = d.cadreName
        kind = d.kind.rawValue
        status = d.status.rawValue
        decisionNo = d.decisionNo
        effectiveOn = d.effectiveOn.iso
        note = d.note
        closesPositionId = d.closesPositionId
        unitCode = d.openPlace?.code
        title = d.openTitle
        managedBy = d.managedBy.rawValue
        proposedBy = d.proposedBy
        proposedAt = d.proposedAt
        approvedOn = d.approvedOn?.iso
        approvedBy = d.approvedBy
        voidedAt = d.voidedAt
        voidDecisionNo = d.voidDecisionNo
        voidNote = d.voidNote
        self.changes = (changes ?? d.changes).map { APIDecisionChange(position: $0.position, field: $0.field, old: $0.old, new: $0.new) }
        version = d.version
    }
}

struct APIDecisionBody: Decodable, Sendable {
    let cadreId: Int64
    let kind: String
    let decisionNo: String
    let effectiveOn: String
    let closesPositionId: Int64?
    let unitCode: String?
    let title: String?
    let managedBy: String?
    let note: String?

    var draft: DecisionDraft {
        var d = DecisionDraft()
        d.cadreId = cadreId
        d.kind = kind
        d.decisionNo = decisionNo
        d.effectiveOn = effectiveOn
        d.closesPositionId = closesPositionId
        d.placeCode = unitCode ?? ""
        d.title = title ?? ""
        d.managedBy = managedBy ?? ""
        d.note = note ?? ""
        return d
    }
}

struct APIApproveBody: Decodable, Sendable {
    let approvedOn: String?
}

struct APIVoidBody: Decodable, Sendable {
    let decisionNo: String?
    let note: String?
}

struct APIWarning: Encodable, Sendable {
    let kind: String
    @ExplicitNull var decisionNo: String?
    let messageVi: String
    let messageEn: String

    init(_ w: CadreWarning) {
        kind = w.kind.rawValue
        decisionNo = w.decisionNo
        messageVi = w.message.vi
        messageEn = w.message.en
    }
}

struct APIWarningRow: Encodable, Sendable {
    let cadre: APICadre
    let warnings: [APIWarning]
}

/// The warnings dashboard of a subtree: cadres checked, cadres flagged per rule, and a page of the flagged cadres.
struct APIWarningsDashboard: Encodable, Sendable {
    let unitCode: String
    let asOf: String
    let checked: Int
    let counts: [String: Int]
    let items: [APIWarningRow]
    let page: Int
    let perPage: Int
    let total: Int
}

struct APIRetirement: Encodable, Sendable {
    let ageYears: Int
    let ageMonths: Int
    let reachedOn: String
    let retiresOn: String
    let pensionFrom: String

    init(_ s: RetirementSchedule) {
        ageYears = s.years
        ageMonths = s.months
        reachedOn = s.reachedOn.iso
        retiresOn = s.retiresOn.iso
        pensionFrom = s.pensionFrom.iso
    }
}

struct APICadreProfile: Encodable, Sendable {
    let cadre: APICadre
    let asOf: String
    let currentPositionIds: [Int64]
    let positions: [APIPosition]
    let decisions: [APIDecision]
    let warnings: [APIWarning]
    @ExplicitNull var retirement: APIRetirement?
}

struct APIRetiring: Encodable, Sendable {
    let cadre: APICadre
    let retirement: APIRetirement
    let positions: [APIPosition]
}

struct APIReappointment: Encodable, Sendable {
    let cadre: APICadre
    let position: APIPosition
    let termEndsOn: String
    let noticeBy: String
    let status: String
}

struct APIApprovals: Encodable, Sendable {
    let unit: String
    let from: String
    let to: String
    let approvals: [String: Int]
    let total: Int
}

extension Site {
    /// `unit` of a list request: a code, or the caller's whole scope.
    static func unitFilter(_ request: Request) -> String { (request.query("unit") ?? "").trimmed }

    /// One approval behind the counts.
    struct APIApprovalRecord: Encodable, Sendable {
        let cadreId: Int64
        let cadreName: String
        let title: String
        let place: String
        let managedBy: String
        let approvedOn: String
        @ExplicitNull var decisionNo: String?
        @ExplicitNull var decisionKind: String?
        let endsPosition: Bool

        init(_ a: ApprovalRecord) {
            cadreId = a.cadreId
            cadreName = a.cadreName
            title = a.title
            place = a.placeName
            managedBy = a.level.rawValue
            approvedOn = a.approvedOn.iso
            decisionNo = a.decisionNo
            decisionKind = a.decisionKind?.rawValue
            endsPosition = a.endsPosition
        }
    }

    func registerCadreAPI(_ api: RouterGroup<AppContext>) {
        api.get("agencies") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let result = try await services.agencies.list(
                principal, query: request.query("q") ?? "", unitCode: Self.unitFilter(request), page: list.page, perPage: list.perPage)
            return try Responses.json(
                APIList(items: result.items.map { APIAgency($0.agency) }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("agencies") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIAgencyBody.self, request, context)
            return try Responses.json(APIAgency(try await services.agencies.create(principal, body.draft())), status: .created)
        }
        api.get("agencies/:code") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(APIAgency(try await services.agencies.get(principal, code: try context.parameters.require("code"))))
        }
        api.put("agencies/:code") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            _ = try await services.agencies.get(principal, code: code)
            let body = try await Self.decode(APIAgencyBody.self, request, context)
            guard let version = body.version else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)])
            }
            return try Responses.json(APIAgency(try await services.agencies.update(principal, code: code, body.draft(code: code), expectedVersion: version)))
        }
        api.get("cadres") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = CadreQuery()
            query.text = request.query("q") ?? ""
            query.unitCode = Self.unitFilter(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.cadres.list(principal, query)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIList(items: result.items.map { APICadre($0, personal: personal) }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("cadres") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APICadreBody.self, request, context)
            let cadre = try await services.cadres.create(principal, body.draft)
            return try Responses.json(APICadre(cadre, personal: principal.role.seesPersonalData), status: .created)
        }
        api.get("cadres/warnings") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let query = try Self.warningsQuery(request)
            let d = try await services.cadres.warningsDashboard(
                principal, unitCode: query.unit, kind: query.kind, today: query.today, page: list.page, perPage: list.perPage)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIWarningsDashboard(
                    unitCode: d.unitCode, asOf: d.today.iso, checked: d.checked,
                    counts: Dictionary(uniqueKeysWithValues: CadreWarningKind.allCases.map { ($0.rawValue, d.counts[$0] ?? 0) }),
                    items: d.rows.items.map { APIWarningRow(cadre: APICadre($0.cadre, personal: personal), warnings: $0.warnings.map(APIWarning.init)) },
                    page: d.rows.page, perPage: d.rows.perPage, total: d.rows.total))
        }
        api.get("cadres/retiring") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let result = try await services.cadres.retiring(principal, unitCode: Self.unitFilter(request), page: list.page, perPage: list.perPage)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIList(
                    items: result.items.map {
                        APIRetiring(cadre: APICadre($0.cadre, personal: personal), retirement: APIRetirement($0.schedule), positions: $0.current.map(APIPosition.init))
                    }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.get("cadres/reappointment-due") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let result = try await services.cadres.dueForReappointment(
                principal, unitCode: Self.unitFilter(request), page: list.page, perPage: list.perPage)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIList(
                    items: result.items.map {
                        APIReappointment(
                            cadre: APICadre($0.cadre, personal: personal), position: APIPosition($0.position), termEndsOn: $0.termEnd.iso,
                            noticeBy: $0.noticeDate.iso, status: $0.status.rawValue)
                    }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.get("cadres/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.cadreNotFound) }
            let asOf = try Self.asOf(request)
            let profile = try await services.cadres.profile(principal, id: id, today: asOf ?? Timestamp.vietnamDate())
            return try Responses.json(Self.apiProfile(profile, personal: principal.role.seesPersonalData))
        }
        api.get("decisions") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var status: CadreDecisionStatus? = nil
            if let text = request.query("status"), !text.isEmpty {
                guard let parsed = CadreDecisionStatus(rawValue: text) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("status", Catalogue.unknownValue(text))])
                }
                status = parsed
            }
            let result = try await services.decisions.list(
                principal, unitCode: Self.unitFilter(request), status: status, page: list.page, perPage: list.perPage)
            return try Responses.json(APIList(items: result.items.map { APIDecision($0) }, page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("decisions") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIDecisionBody.self, request, context)
            let decision = try await services.decisions.propose(principal, body.draft)
            return try Responses.json(APIDecision(decision, changes: try await services.decisions.preview(principal, decision)), status: .created)
        }
        api.get("decisions/:id") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            let decision = try await services.decisions.get(principal, id: id)
            return try Responses.json(APIDecision(decision, changes: try await services.decisions.preview(principal, decision)))
        }
        api.post("decisions/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            _ = try await services.decisions.get(principal, id: id)
            let body = try await Self.decodeOptional(APIApproveBody.self, request, context)
            var date = Timestamp.vietnamDate()
            if let text = body?.approvedOn, !text.isEmpty {
                guard let parsed = CivilDate(parsing: text) else {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError("approved_on", Catalogue.invalidDate(text))])
                }
                date = parsed
            }
            return try Responses.json(APIDecision(try await services.decisions.approve(principal, id: id, on: date)))
        }
        api.post("decisions/:id/void") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.decisionNotFound) }
            _ = try await services.decisions.get(principal, id: id)
            let body = try await Self.decodeOptional(APIVoidBody.self, request, context)
            let decision = try await services.decisions.void(principal, id: id, decisionNo: body?.decisionNo ?? "", note: body?.note ?? "")
            return try Responses.json(APIDecision(decision))
        }
        api.get("approvals") { request, context in
            let principal = try context.requirePrincipal()
            let period = try Self.period(request)
            let counts = try await services.decisions.approvalCounts(principal, unitCode: Self.unitFilter(request), from: period.from, to: period.to)
            return try Responses.json(
                APIApprovals(unit: counts.unit, from: counts.from.iso, to: counts.to.iso, approvals: counts.approvals, total: counts.total))
        }
        api.get("approvals/records") { request, context in
            let principal = try context.requirePrincipal()
            let period = try Self.period(request)
            let list = try ListQuery(request)
            let result = try await services.decisions.approvals(
                principal, unitCode: Self.unitFilter(request), from: period.from, to: period.to, level: try Self.managementLevel(request),
                page: list.page,
                perPage: list.perPage)
            return try Responses.json(
                APIList(items: result.items.map(APIApprovalRecord.init), page: result.page, perPage: result.perPage, total: result.total))
        }
    }

    /// `from` and `to` of a period: default the current year up to today.
    static func period(_ request: Request) throws -> (from: CivilDate, to: CivilDate) {
        let today = Timestamp.vietnamDate()
        var errors: [FieldError] = []
        func read(_ name: String, _ fallback: CivilDate) -> CivilDate {
            guard let text = request.query(name), !text.isEmpty else { return fallback }
            guard let date = CivilDate(parsing: text) else {
                errors.append(FieldError(name, Catalogue.invalidDate(text)))
                return fallback
            }
            return date
        }
        let from = read("from", CivilDate(year: today.year, month: 1, day: 1)!)
        let to = read("to", today)
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return (from, to)
    }

    static func apiProfile(_ p: CadreProfile, personal: Bool) -> APICadreProfile {
        APICadreProfile(
            cadre: APICadre(p.cadre, personal: personal), asOf: p.today.iso, currentPositionIds: p.current.map(\.id),
            positions: p.positions.map(APIPosition.init), decisions: p.decisions.map { APIDecision($0) },
            warnings: p.warnings.map(APIWarning.init),
            retirement: p.retirement.map(APIRetirement.init))
    }

    /// A JSON body that may be absent (or empty): nil then; a malformed one is a 400 problem.
    static func decodeOptional<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppContext) async throws -> T? {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: buffer).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return nil }
        if text.contains("\\u0000") { throw DomainError.invalid(Catalogue.nulCharacter, []) }
        do {
            return try Responses.decoder.decode(T.self, from: Data(text.utf8))
        } catch {
            throw DomainError.invalid(Catalogue.malformedBody, [])
        }
    }
}
