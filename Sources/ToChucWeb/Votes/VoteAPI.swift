import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

struct APIVoteTally: Encodable, Sendable {
    let issued: Int
    let returned: Int
    let valid: Int
    let invalid: Int
    let high: Int
    let medium: Int
    let low: Int
}

/// Shares of the ballots returned, in percent with two decimals (truncated like the pages: 2/3 is 66.66).
struct APIVotePercent: Encodable, Sendable {
    let high: Double
    let medium: Double
    let low: Double
    let invalid: Double

    init(_ t: VoteTally) {
        func p(_ n: Int) -> Double { Double(PlanningShare(count: n, total: t.returned).hundredthsOfPercent) / 100 }
        high = p(t.high)
        medium = p(t.medium)
        low = p(t.low)
        invalid = p(t.invalid)
    }
}

struct APIVotePerson: Encodable, Sendable {
    let id: Int64
    let cadreId: Int64
    let fullName: String
    @ExplicitNull var cardNo: String?
    let position: String
    let version: Int
    @ExplicitNull var tally: APIVoteTally?
    @ExplicitNull var percent: APIVotePercent?
    @ExplicitNull var consequence: String?
}

struct APIVoteQuorum: Encodable, Sendable {
    let required: Int
    let met: Bool
}

struct APIVoteSession: Encodable, Sendable {
    let id: Int64
    let unitCode: String
    let unitName: String
    let bodyKind: String
    let bodyName: String
    let round: String
    let heldOn: String
    let convened: Int
    let present: Int
    @ExplicitNull var note: String?
    let version: Int
    let regulation: String
    let quorum: APIVoteQuorum
    let persons: [APIVotePerson]

    init(_ d: VoteSessionDetail) {
        let s = d.session
        id = s.id
        unitCode = s.unitCode
        unitName = s.unitName
        bodyKind = s.bodyKind.rawValue
        bodyName = s.bodyName
        round = s.round
        heldOn = s.heldOn.iso
        convened = s.convened
        present = s.present
        note = s.note
        version = s.version
        regulation = d.rules.regulation
        quorum = APIVoteQuorum(required: d.quorum.required, met: d.quorum.isMet)
        persons = d.subjects.map { p in
            APIVotePerson(
                id: p.id, cadreId: p.cadre.id, fullName: p.cadre.fullName, cardNo: p.cadre.cardNo, position: p.position, version: p.version,
                tally: p.tally.map {
                    APIVoteTally(
                        issued: $0.issued, returned: $0.returned, valid: $0.valid, invalid: $0.invalid, high: $0.high, medium: $0.medium, low: $0.low)
                }, percent: p.tally.map(APIVotePercent.init), consequence: d.consequence(p)?.rawValue)
        }
    }
}

struct APIVoteSessionBody: Decodable, Sendable {
    let unitCode: String?
    let bodyKind: String
    let bodyName: String?
    let round: String
    let heldOn: String
    let convened: Int
    let present: Int
    let note: String?
    let version: Int?

    var draft: VoteSessionDraft {
        VoteSessionDraft(
            unitCode: unitCode ?? "", bodyKind: bodyKind, bodyName: bodyName ?? "", round: round, heldOn: heldOn, convened: String(convened),
            present: String(present), note: note ?? "")
    }
}

struct APIVotePersonBody: Decodable, Sendable {
    let person: String
    let position: String?
}

struct APIVoteTallyItem: Decodable, Sendable {
    let subjectId: Int64
    let version: Int
    let issued: Int?
    let returned: Int?
    let valid: Int?
    let invalid: Int?
    let high: Int?
    let medium: Int?
    let low: Int?

    var input: VoteTallyInput {
        func s(_ n: Int?) -> String { n.map(String.init) ?? "" }
        return VoteTallyInput(
            subjectId: subjectId,
            draft: VoteTallyDraft(
                issued: s(issued), returned: s(returned), valid: s(valid), invalid: s(invalid), high: s(high), medium: s(medium), low: s(low)),
            version: version)
    }
}

struct APIVoteTallyBody: Decodable, Sendable {
    let items: [APIVoteTallyItem]
}

struct APICadreVote: Encodable, Sendable {
    let sessionId: Int64
    let heldOn: String
    let bodyName: String
    let round: String
    let person: APIVotePerson
}

extension Site {
    func registerVoteAPI(_ api: RouterGroup<AppContext>) {
        api.get("votes") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            var query = Self.voteQuery(request)
            query.page = list.page
            query.perPage = list.perPage
            let result = try await services.votes.list(principal, query)
            return try Responses.json(
                APIList(items: result.items.map(APIVoteSession.init), page: result.page, perPage: result.perPage, total: result.total))
        }
        api.post("votes") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIVoteSessionBody.self, request, context)
            let created = try await services.votes.create(principal, body.draft)
            return try Responses.json(APIVoteSession(try await services.votes.detail(principal, id: created.id)), status: .created)
        }
        api.get("votes/:id") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(
                APIVoteSession(try await services.votes.detail(principal, id: try Self.pathId(context, notFound: Catalogue.voteSessionNotFound))))
        }
        api.put("votes/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            _ = try await services.votes.detail(principal, id: id)
            let body = try await Self.decode(APIVoteSessionBody.self, request, context)
            _ = try await services.votes.update(principal, id: id, body.draft, expectedVersion: body.version ?? 0)
            return try Responses.json(APIVoteSession(try await services.votes.detail(principal, id: id)))
        }
        api.post("votes/:id/persons") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            _ = try await services.votes.detail(principal, id: id)
            let body = try await Self.decode(APIVotePersonBody.self, request, context)
            _ = try await services.votes.addPerson(principal, sessionId: id, person: body.person, position: body.position ?? "")
            return try Responses.json(APIVoteSession(try await services.votes.detail(principal, id: id)), status: .created)
        }
        api.delete("votes/:id/persons/:subject") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            guard let subject = context.parameters.get("subject").flatMap({ Int64($0) }) else {
                throw DomainError.notFound(Catalogue.voteSubjectNotFound)
            }
            try await services.votes.removePerson(principal, sessionId: id, subjectId: subject)
            return try Responses.json(APIVoteSession(try await services.votes.detail(principal, id: id)))
        }
        api.put("votes/:id/tallies") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.voteSessionNotFound)
            _ = try await services.votes.detail(principal, id: id)
            let body = try await Self.decode(APIVoteTallyBody.self, request, context)
            return try Responses.json(APIVoteSession(try await services.votes.saveTallies(principal, sessionId: id, body.items.map(\.input))))
        }
        api.get("votes/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.votes.history(principal, id: try Self.pathId(context, notFound: Catalogue.voteSessionNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
        api.get("cadres/:id/votes") { _, context in
            let principal = try context.requirePrincipal()
            let results = try await services.votes.results(principal, cadreId: try Self.pathId(context, notFound: Catalogue.cadreNotFound))
            return try Responses.json(
                APIItems(
                    items: results.map { r in
                        let s = r.detail.session
                        let person = APIVoteSession(r.detail).persons.first { $0.id == r.subject.id }!
                        return APICadreVote(sessionId: s.id, heldOn: s.heldOn.iso, bodyName: s.bodyName, round: s.round, person: person)
                    }))
        }
    }
}
