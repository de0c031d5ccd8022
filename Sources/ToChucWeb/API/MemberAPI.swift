import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// A member as the API shows it; personal data masked for roles that may not see it (DOMAIN.md §6).
struct APIMember: Encodable, Sendable {
    let id: Int64
    let values: [String: String?]
    let version: Int

    init(_ m: Member, personal: Bool) {
        id = m.id
        var v = m.record.auditValues
        if !personal {
            v["national_id"] = m.record.nationalId.map(NationalID.mask)
            v["phone"] = m.record.phone.isEmpty ? nil : PersonalData.maskPhone(m.record.phone)
            v["address"] = m.record.address.isEmpty ? nil : PersonalData.maskAddress(m.record.address)
        }
        v["unit_name"] = m.unitName
        values = v
        version = m.version
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(id, forKey: Key(stringValue: "id"))
        for (key, value) in values { try c.encode(value, forKey: Key(stringValue: key)) }
        try c.encode(version, forKey: Key(stringValue: "version"))
    }
}

/// The body of POST and PUT on members (INTERCHANGE.md names, plus the fields of the record).
struct APIMemberBody: Decodable, Sendable {
    let cardNo: String?
    let nationalId: String?
    let fullName: String
    let gender: String
    let birthDate: String?
    let ethnicity: String?
    let religion: String?
    let homeTown: String?
    let unitCode: String
    let status: String
    let admittedOn: String?
    let recognizedOn: String?
    let leftOn: String?
    let education: String?
    let qualification: String?
    let politicalTheory: String?
    let occupation: String?
    let phone: String?
    let address: String?
    let version: Int?

    var draft: MemberDraft {
        var d = MemberDraft()
        d.cardNo = cardNo ?? ""
        d.nationalId = nationalId ?? ""
        d.fullName = fullName
        d.gender = gender
        d.birthDate = birthDate ?? ""
        d.ethnicity = ethnicity ?? ""
        d.religion = religion ?? ""
        d.homeTown = homeTown ?? ""
        d.unitCode = unitCode
        d.status = status
        d.admittedOn = admittedOn ?? ""
        d.recognizedOn = recognizedOn ?? ""
        d.leftOn = leftOn ?? ""
        d.education = education ?? ""
        d.qualification = qualification ?? ""
        d.politicalTheory = politicalTheory ?? ""
        d.occupation = occupation ?? ""
        d.phone = phone ?? ""
        d.address = address ?? ""
        return d
    }
}

extension Site {
    func registerMemberAPI(_ api: RouterGroup<AppContext>) {
        api.get("members") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.memberQuery(request.query)
            if let sortText = request.query("sort"), MemberQuery.Sort(rawValue: sortText) == nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("sort", Catalogue.unknownValue(sortText))])
            }
            for name in ["age_from", "age_to", "ethnicity", "admitted_year"] {
                if let text = request.query(name), Int(text) == nil {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError(name, Catalogue.invalidNumber)])
                }
            }
            for (name, _) in Self.memberDateFilters(query) {
                if let text = request.query(name), !text.isEmpty, CivilDate(parsing: text) == nil {
                    throw DomainError.invalid(Catalogue.invalidInput, [FieldError(name, Catalogue.invalidDate(text))])
                }
            }
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.members.search(principal, query)
            let personal = principal.role.seesPersonalData
            return try Responses.json(
                APIList(
                    items: result.items.map { APIMember($0, personal: personal) }, page: result.page, perPage: result.perPage, total: result.total,
                    totalIsLowerBound: result.totalIsLowerBound))
        }
        api.post("members") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIMemberBody.self, request, context)
            let member = try await services.members.create(principal, body.draft)
            return try Responses.json(APIMember(member, personal: principal.role.seesPersonalData), status: .created)
        }
        api.get("members/:id") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            return try Responses.json(APIMember(try await services.members.get(principal, id: id), personal: principal.role.seesPersonalData))
        }
        api.put("members/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            _ = try await services.members.get(principal, id: id)
            let body = try await Self.decode(APIMemberBody.self, request, context)
            guard let version = body.version else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("version", Catalogue.required)])
            }
            let member = try await services.members.update(principal, id: id, body.draft, expectedVersion: version)
            return try Responses.json(APIMember(member, personal: principal.role.seesPersonalData))
        }
        api.post("members/:id/merge") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            _ = try await services.members.get(principal, id: id)
            let body = try await Self.decode(APIMergeBody.self, request, context)
            let member = try await services.members.merge(
                principal, keep: id, keepVersion: body.version, duplicate: body.duplicate, duplicateVersion: body.duplicateVersion)
            return try Responses.json(APIMember(member, personal: principal.role.seesPersonalData))
        }
        api.get("members/:id/photo") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            guard let photo = try await services.members.photo(principal, memberId: id) else { throw DomainError.notFound(Catalogue.noPhoto) }
            return Site.photoResponse(photo)
        }
        api.put("members/:id/photo") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            var request = request
            let body = try await request.collectBody(upTo: context.maxUploadSize)
            try await services.members.setPhoto(principal, memberId: id, data: Data(body.readableBytesView))
            return Response(status: .noContent)
        }
        api.delete("members/:id/photo") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            try await services.members.removePhoto(principal, memberId: id)
            return Response(status: .noContent)
        }
        api.get("members/:id/events") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            let events = try await services.members.events(principal, memberId: id)
            return try Responses.json(["items": events.map(APIMemberEvent.init)])
        }
        api.post("members/:id/events") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            _ = try await services.members.get(principal, id: id)
            let body = try await Self.decode(APIMemberEventBody.self, request, context)
            guard let kind = MemberEventKind(rawValue: body.kind) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("kind", Catalogue.unknownValue(body.kind))])
            }
            guard let date = CivilDate(parsing: body.effectiveOn) else {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("effective_on", Catalogue.invalidDate(body.effectiveOn))])
            }
            let member = try await services.members.recordEvent(
                principal, memberId: id,
                MemberEventInput(kind: kind, effectiveOn: date, decisionNo: body.decisionNo, toUnitCode: body.toUnit ?? "",
                                 destination: body.destination ?? "", note: body.note ?? ""))
            return try Responses.json(APIMember(member, personal: principal.role.seesPersonalData), status: .created)
        }
        api.get("admission") { _, context in
            let principal = try context.requirePrincipal()
            let items = try await services.admission.board(principal)
            let personal = principal.role.seesPersonalData
            return try Responses.json(["items": items.map { APIAdmissionItem($0, personal: personal) }])
        }
        api.post("admission/:id") { request, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            _ = try await services.members.get(principal, id: id)
            // Read as plain keys (no snake-case conversion): the step's fields are named as in the form.
            var raw = request
            let buffer = try await raw.collectBody(upTo: context.maxUploadSize)
            guard let body = try? JSONDecoder().decode([String: String].self, from: Data(buffer.readableBytesView)) else {
                throw DomainError.invalid(Catalogue.malformedBody, [])
            }
            if body.values.contains(where: { $0.contains("\u{0}") }) { throw DomainError.invalid(Catalogue.nulCharacter, []) }
            var form = FormData()
            for (key, value) in body { form.set(key, value) }
            let warnings = try await services.admission.advance(principal, memberId: id, try Self.admissionStep(form))
            let member = try await services.members.get(principal, id: id)
            return try Responses.json(
                APIAdmissionResult(member: APIMember(member, personal: principal.role.seesPersonalData),
                                   warningsVi: warnings.map(\.vi), warningsEn: warnings.map(\.en)), status: .created)
        }
        api.get("members/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            guard let id = Int64(try context.parameters.require("id")) else { throw DomainError.notFound(Catalogue.memberNotFound) }
            var entries = try await services.members.history(principal, id: id)
            if !principal.role.seesPersonalData { entries = entries.map(Self.maskedEntry) }
            return try Responses.json(["items": entries.map(APIAuditEntry.init)])
        }
    }
}

/// Merge of a likely duplicate into the member of the path, both at the versions the client saw.
struct APIMergeBody: Decodable, Sendable {
    let duplicate: Int64
    let version: Int
    let duplicateVersion: Int
}

struct APIMemberEventBody: Decodable, Sendable {
    let kind: String
    let effectiveOn: String
    let decisionNo: String
    let toUnit: String?
    let destination: String?
    let note: String?
}

struct APIMemberEvent: Encodable, Sendable {
    let id: Int64
    let kind: String
    let effectiveOn: String
    @ExplicitNull var decisionNo: String?
    @ExplicitNull var fromUnit: String?
    @ExplicitNull var toUnit: String?
    @ExplicitNull var destination: String?
    @ExplicitNull var note: String?
    let actor: String

    init(_ e: MemberEventRecord) {
        id = e.id
        kind = e.kind.rawValue
        effectiveOn = e.effectiveOn.iso
        decisionNo = e.decisionNo
        fromUnit = e.fromUnit
        toUnit = e.toUnit
        destination = e.destination
        note = e.note
        actor = e.actor
    }
}

struct APIAdmissionItem: Encodable, Sendable {
    let member: APIMember
    let stage: String
    @ExplicitNull var probationEnd: String?
    @ExplicitNull var recognition: String?

    init(_ item: AdmissionItem, personal: Bool) {
        member = APIMember(item.member, personal: personal)
        stage = item.stage.rawValue
        probationEnd = item.probationEnd?.iso
        recognition = item.recognition?.rawValue
    }
}

struct APIAdmissionResult: Encodable, Sendable {
    let member: APIMember
    let warningsVi: [String]
    let warningsEn: [String]
}
