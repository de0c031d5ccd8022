import Foundation
import Hummingbird
import NIOCore
import ToChucDomain
import ToChucServices
import ToChucStorage

/// A unit as the API shows it.
struct APIUnit: Encodable, Sendable {
    let code: String
    let name: String
    let kind: String
    @ExplicitNull var parentCode: String?
    let sector: String
    let hasCommittee: Bool
    @ExplicitNull var foundedOn: String?
    @ExplicitNull var dissolvedOn: String?
    let version: Int

    init(_ unit: OrgUnit) {
        code = unit.code
        name = unit.name
        kind = unit.kind.rawValue
        parentCode = unit.parentCode
        sector = unit.sector.rawValue
        hasCommittee = unit.hasCommittee
        foundedOn = unit.foundedOn?.iso
        dissolvedOn = unit.dissolvedOn?.iso
        version = unit.version
    }

}

/// A suggestion of the unit chooser: enough to tell units of the same name apart.
struct APIUnitMatch: Encodable, Sendable {
    let code: String
    let name: String
    let kind: String
    @ExplicitNull var parentCode: String?
    @ExplicitNull var parentName: String?
    @ExplicitNull var dissolvedOn: String?

    init(_ match: UnitMatch) {
        code = match.unit.code
        name = match.unit.name
        kind = match.unit.kind.rawValue
        parentCode = match.unit.parentCode
        parentName = match.parentName
        dissolvedOn = match.unit.dissolvedOn?.iso
    }
}

/// The body of POST and PUT on units.
struct APIUnitBody: Decodable, Sendable {
    let code: String?
    let name: String
    let kind: String
    let parentCode: String?
    let sector: String?
    let hasCommittee: Bool?
    let foundedOn: String?
    let dissolvedOn: String?
    let version: Int?

    func draft(code fixed: String? = nil) -> UnitDraft {
        UnitDraft(
            code: fixed ?? code ?? "", name: name, kind: kind, parentCode: parentCode ?? "", sector: sector ?? Sector.other.rawValue,
            hasCommittee: hasCommittee ?? false, foundedOn: foundedOn ?? "", dissolvedOn: dissolvedOn ?? "")
    }
}

/// A whole (unpaged) result, e.g. what one action changed.
struct APIItems<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
}

struct APIList<Item: Encodable & Sendable>: Encodable, Sendable {
    let items: [Item]
    let page: Int
    let perPage: Int
    let total: Int
    /// Only for searches that stopped counting (millions of matches): `total` is "more than".
    var totalIsLowerBound: Bool? = nil
}

struct APIAuditEntry: Encodable, Sendable {
    let id: Int64
    let at: String
    let actor: String
    @ExplicitNull var address: String?
    let action: String
    let entity: String
    let entityKey: String
    let changes: [APIChange]

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actor = entry.actor
        address = entry.address
        action = entry.action
        entity = entry.entity
        entityKey = entry.entityKey
        changes = entry.changes.map { APIChange(field: $0.field, old: $0.old, new: $0.new) }
    }


}

struct APIChange: Encodable, Sendable {
    let field: String
    @ExplicitNull var old: String?
    @ExplicitNull var new: String?


}

struct APITokenBody: Decodable, Sendable {
    let name: String
    let scope: String?
}

struct APIUserBody: Decodable, Sendable {
    let username: String
    let displayName: String?
    let password: String
    let role: String
    let unitCode: String
}

struct HealthAnswer: Encodable {
    let status: String
    let replicas: Int
    let replicasServing: Int
}

extension Site {
    func registerAPI(_ router: Router<AppContext>) {
        let api = router.group("api/v1")
        api.get("health") { _, _ in
            // Counts only (no host names: the health check needs no sign-in).
            let replicas = services.db.replicaStatus
            return try Responses.json(
                HealthAnswer(status: "ok", replicas: replicas.count, replicasServing: replicas.filter(\.healthy).count))
        }
        registerMemberAPI(api)
        registerCadreAPI(api)
        registerPlanningAPI(api)
        registerTrainingAPI(api)
        registerStaffingAPI(api)
        registerVettingAPI(api)
        registerReportAPI(api)
        registerAssessmentAPI(api)
        registerVoteAPI(api)
        registerMeetingAPI(api)
        registerCongressAPI(api)
        registerBetweenAPI(api)
        api.get("openapi.json") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: OpenAPIDocument.json(version: settings.programVersion))))
        }
        api.get("me") { _, context in
            let p = try context.requirePrincipal()
            return try Responses.json([
                "username": p.username, "display_name": p.displayName, "role": p.role.rawValue, "unit_code": p.unitCode,
                "language": p.language.rawValue, "token_scope": p.tokenScope.rawValue,
            ])
        }
        api.get("units") { request, context in
            let principal = try context.requirePrincipal()
            let query = try ListQuery(request)
            let filters = try Self.unitListQuery(request)
            let result = try await services.units.list(
                principal, query: filters.text, page: query.page, perPage: query.perPage, sort: filters.sort, asOf: filters.asOf,
                filter: filters.filter)
            return try Responses.json(APIList(items: result.items.map(APIUnit.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        // The unit chooser's suggestions (issue 8): units of the caller's scope by code or name, best first.
        api.get("unit-choices") { request, context in
            let principal = try context.requirePrincipal()
            let query = try ListQuery(request)
            let text = (request.query("q") ?? "").trimmed
            guard text.count <= 200 else { throw DomainError.invalid(Catalogue.invalidInput, [FieldError("q", Catalogue.tooLong(200))]) }
            let result = try await services.units.matches(principal, text: text, page: query.page, perPage: min(query.perPage, 50))
            return try Responses.json(
                APIList(items: result.items.map(APIUnitMatch.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("units") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIUnitBody.self, request, context)
            let unit = try await services.units.create(principal, body.draft())
            return try Responses.json(APIUnit(unit), status: .created)
        }
        api.get("units/:code") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            if let asOf = try Self.asOf(request) {
                guard let unit = try await services.units.get(principal, code: code, asOf: asOf) else {
                    throw DomainError.notFound(Catalogue.unitNotOnDate(code, asOf.iso))
                }
                return try Responses.json(APIUnit(unit))
            }
            return try Responses.json(APIUnit(try await services.units.get(principal, code: code)))
        }
        api.get("units/:code/stats") { request, context in
            let principal = try context.requirePrincipal()
            let stats = try await services.units.stats(principal, code: try context.parameters.require("code"), asOf: try Self.asOf(request))
            return try Responses.json(stats)
        }
        api.get("units/:code/children") { request, context in
            let principal = try context.requirePrincipal()
            let unit = try await services.units.get(principal, code: try context.parameters.require("code"))
            let children = try await services.units.children(principal, of: unit, asOf: try Self.asOf(request))
            return try Responses.json(["items": children.map(APIUnit.init)])
        }
        api.get("units/:code/versions") { _, context in
            let principal = try context.requirePrincipal()
            let versions = try await services.units.versions(principal, code: try context.parameters.require("code"))
            return try Responses.json(["items": versions.map(APIVersion.init)])
        }
        api.get("restructure/events") { request, context in
            let principal = try context.requirePrincipal()
            let code = request.query("code")
            let events = try await services.restructuring.events(principal, code: code?.isEmpty == true ? nil : code)
            return try Responses.json(["items": events.map(APIEvent.init)])
        }
        api.post("restructure") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIRestructureBody.self, request, context)
            let steps = try body.steps.enumerated().map { try $0.element.step(line: $0.offset + 1) }
            do {
                let outcomes = try await services.restructuring.apply(principal, steps: steps, dryRun: body.dryRun ?? false, file: "steps")
                return try Responses.json(["items": outcomes], status: body.dryRun == true ? .ok : .created)
            } catch let failure as ImportFailure {
                throw DomainError.invalid(
                    Catalogue.invalidInput, failure.problems.map { FieldError("steps[\(($0.line ?? 1) - 1)].\($0.column ?? "")", $0.reason) })
            }
        }
        api.post("restructure/events/:id/correct") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.notFound) }
            // Scope first: an event outside the subtree is 404 whatever the body says.
            try await services.restructuring.checkEventInScope(principal, eventId: id)
            let body = try await Self.decode(APICorrectionBody.self, request, context)
            let correction = try await services.restructuring.correct(principal, eventId: id, decisionNo: body.decisionNo, note: body.note ?? "")
            return try Responses.json(["id": correction], status: .created)
        }
        api.put("units/:code") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            // Scope first: a unit outside the subtree is 404 whatever the body says.
            _ = try await services.units.get(principal, code: code)
            let body = try await Self.decode(APIUnitBody.self, request, context)
            guard let version = body.version else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)])
            }
            let unit = try await services.units.update(principal, code: code, body.draft(code: code), expectedVersion: version)
            return try Responses.json(APIUnit(unit))
        }
        api.get("units/:code/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.units.history(principal, code: try context.parameters.require("code"))
            return try Responses.json(["items": entries.map(APIAuditEntry.init)])
        }
        api.get("audit") { request, context in
            let principal = try context.requirePrincipal()
            let query = try ListQuery(request)
            let result = try await services.audit.list(principal, page: query.page, perPage: query.perPage)
            return try Responses.json(
                APIList(items: result.items.map(APIAuditEntry.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.get("tokens") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(["items": try await services.accounts.listTokens(principal)])
        }
        api.post("tokens") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APITokenBody.self, request, context)
            guard let scope = TokenScope(rawValue: body.scope ?? TokenScope.read.rawValue) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("scope", Catalogue.unknownValue(body.scope ?? ""))])
            }
            let created = try await services.accounts.createToken(principal, name: body.name, scope: scope)
            return try Responses.json(TokenCreated(id: created.id, name: body.name, scope: scope.rawValue, token: created.token), status: .created)
        }
        api.delete("tokens/:id") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.notFound) }
            try await services.accounts.revokeToken(principal, id: id)
            return Response(status: .noContent)
        }
        api.get("users") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(["items": try await services.accounts.listUsers(by: principal)])
        }
        api.post("users") { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireAdmin()
            let body = try await Self.decode(APIUserBody.self, request, context)
            guard let role = Role(rawValue: body.role) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("role", Catalogue.unknownValue(body.role))])
            }
            try await services.accounts.createUser(
                by: principal, username: body.username, displayName: body.displayName ?? "", password: body.password, role: role,
                unitCode: body.unitCode)
            let created = try await services.accounts.listUsers(by: principal).first { $0.username == body.username }
            return try Responses.json(created, status: .created)
        }
        api.post("users/:username/disable") { _, context in
            let principal = try context.requirePrincipal()
            try await services.accounts.disableUser(by: principal, username: try context.parameters.require("username"))
            return Response(status: .noContent)
        }
    }

    /// `as_of` (or `asOf`) as a date; absent means today.
    static func asOf(_ request: Request) throws -> CivilDate? {
        guard let text = request.query("as_of") ?? request.query("asOf"), !text.isEmpty else { return nil }
        guard let date = CivilDate(parsing: text) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("as_of", Catalogue.invalidDate(text))])
        }
        return date
    }

    /// Decodes a JSON body; any malformed body is a 400 problem, never a crash.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: AppContext) async throws -> T {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        if String(buffer: buffer).contains("\\u0000") { throw DomainError.invalid(Catalogue.nulCharacter, []) }
        do {
            return try Responses.decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw DomainError.invalid(Catalogue.malformedBody, [])
        }
    }
}

struct TokenCreated: Encodable, Sendable {
    let id: Int64
    let name: String
    let scope: String
    let token: String
}

/// `page` and `per_page` of a list request, checked.
struct ListQuery {
    let page: Int
    let perPage: Int

    init(_ request: Request) throws {
        var errors: [FieldError] = []
        func read(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let text = request.query(name) else { return value }
            guard let n = Int(text), range.contains(n) else {
                errors.append(FieldError(name, Catalogue.outOfRange(range.lowerBound, range.upperBound)))
                return value
            }
            return n
        }
        page = read("page", default: 1, range: 1...1_000_000)
        perPage = read("per_page", default: 50, range: 1...UnitService.maximumPerPage)
        if !errors.isEmpty { throw DomainError.invalid(Catalogue.invalidInput, errors) }
    }
}

struct APIVersion: Encodable, Sendable {
    @ExplicitNull var validFrom: String?
    @ExplicitNull var validTo: String?
    let name: String
    let kind: String
    let sector: String
    let hasCommittee: Bool
    @ExplicitNull var parentCode: String?
    @ExplicitNull var eventId: Int64?

    init(_ v: UnitVersion) {
        validFrom = v.foundedKnown ? v.validFrom.iso : nil
        validTo = v.validTo?.iso
        name = v.name
        kind = v.kind.rawValue
        sector = v.sector.rawValue
        hasCommittee = v.hasCommittee
        parentCode = v.parentCode
        eventId = v.eventId
    }


}

struct APIEvent: Encodable, Sendable {
    let id: Int64
    let kind: String
    let effectiveOn: String
    @ExplicitNull var decisionNo: String?
    @ExplicitNull var note: String?
    let actor: String
    let createdAt: String
    let units: [String]
    @ExplicitNull var correctsEventId: Int64?
    @ExplicitNull var correctedByEventId: Int64?

    init(_ e: RestructureEventSummary) {
        id = e.id
        kind = e.kind.rawValue
        effectiveOn = e.effectiveOn.iso
        decisionNo = e.decisionNo
        note = e.note
        actor = e.actor
        createdAt = e.createdAt
        units = e.units
        correctsEventId = e.correctsEventId
        correctedByEventId = e.correctedByEventId
    }


}

struct APICorrectionBody: Decodable, Sendable {
    let decisionNo: String
    let note: String?
}

/// One step of `POST /api/v1/restructure`, shaped like a line of the CSV plan.
struct APIStep: Decodable, Sendable {
    let op: String
    let effectiveOn: String
    let decisionNo: String
    let code: String
    let name: String?
    let kind: String?
    let parentCode: String?
    let sector: String?
    let hasCommittee: Bool?
    let sources: [String]?
    let parts: [APIPart]?
    let assign: [String: String]?
    let note: String?

    func step(line: Int) throws -> RestructureStep {
        guard let date = CivilDate(parsing: effectiveOn) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("steps[\(line - 1)].effective_on", Catalogue.invalidDate(effectiveOn))])
        }
        func draft(_ code: String, _ name: String, kind: String?, parent: String) -> UnitDraft {
            UnitDraft(
                code: code, name: name, kind: kind ?? "", parentCode: parent, sector: sector ?? Sector.other.rawValue,
                hasCommittee: hasCommittee ?? false, foundedOn: date.iso, dissolvedOn: "")
        }
        let operation: RestructureOperation
        switch op {
        case "found": operation = .found(draft(code, name ?? "", kind: kind, parent: parentCode ?? ""))
        case "rename": operation = .rename(code: code, name: name ?? "")
        case "move": operation = .move(code: code, parentCode: parentCode ?? "")
        case "dissolve": operation = .dissolve(code: code)
        case "merge":
            operation = .merge(
                sources: sources ?? [], target: code, newTarget: name.map { draft(code, $0, kind: kind, parent: parentCode ?? "") })
        case "split":
            operation = .split(
                source: code, parts: (parts ?? []).map { draft($0.code, $0.name, kind: $0.kind, parent: "") }, assignments: assign ?? [:])
        default:
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("steps[\(line - 1)].op", Catalogue.unknownValue(op))])
        }
        return RestructureStep(operation: operation, effectiveOn: date, decisionNo: decisionNo, note: note ?? "", line: line)
    }
}

struct APIPart: Decodable, Sendable {
    let code: String
    let name: String
    let kind: String?
}

struct APIRestructureBody: Decodable, Sendable {
    let steps: [APIStep]
    let dryRun: Bool?
}

/// An optional that encodes as `null` when absent (JSONEncoder would drop the key): clients see every field.
@propertyWrapper
struct ExplicitNull<Value: Encodable & Sendable>: Encodable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value = wrappedValue { try container.encode(value) } else { try container.encodeNil() }
    }
}
