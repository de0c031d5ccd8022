import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// A unit's congress of a term, as the API shows it.
struct APICongress: Encodable, Sendable {
    let unitCode: String
    let unitName: String
    let term: String
    @ExplicitNull var plannedOn: String?
    @ExplicitNull var heldOn: String?
    let pilot: Bool
    let directSecretary: Bool
    @ExplicitNull var delegates: Int?
    @ExplicitNull var committeeElected: Int?
    @ExplicitNull var note: String?
    let version: Int
    let updatedAt: String

    init(_ r: CongressRecord) {
        unitCode = r.unitCode
        unitName = r.unitName
        term = r.facts.term.key
        plannedOn = r.facts.plannedOn?.iso
        heldOn = r.facts.heldOn?.iso
        pilot = r.facts.pilot
        directSecretary = r.facts.directSecretary
        delegates = r.facts.delegates
        committeeElected = r.facts.committeeElected
        note = r.facts.note.isEmpty ? nil : r.facts.note
        version = r.version
        updatedAt = r.updatedAt
    }
}

struct APICongressRow: Encodable, Sendable {
    let unit: APIUnit
    @ExplicitNull var congress: APICongress?
}

struct APICongressList: Encodable, Sendable {
    let unitCode: String
    let term: String
    let date: String
    let items: [APICongressRow]
    let page: Int
    let perPage: Int
    let total: Int
}

/// One level of the progress: the figures of the report's `figures.congress` plus the text as pages print it.
struct APICongressLevel: Encodable, Sendable {
    let kind: String
    let held: Int
    let total: Int
    let percent: Double
    let pilot: Int
    let directSecretary: Int
    /// "624/1.305 (47,81%)".
    let textVi: String

    init(_ l: CongressLevelProgress) {
        kind = l.kind.rawValue
        held = l.held
        total = l.total
        percent = l.percent
        pilot = l.pilot
        directSecretary = l.directSecretary
        textVi = l.ratio.vi
    }
}

struct APICongressProgress: Encodable, Sendable {
    let unit: String
    let unitName: String
    let date: String
    let term: String
    let termInCourse: Bool
    let levels: [APICongressLevel]
    let sentenceVi: String
    let sentenceEn: String

    init(_ p: CongressProgress) {
        unit = p.unitCode
        unitName = p.unitName
        date = p.date.iso
        term = p.term.key
        termInCourse = p.termInCourse
        levels = p.levels.map(APICongressLevel.init)
        sentenceVi = p.sentence.vi
        sentenceEn = p.sentence.en
    }
}

/// The body of PUT on a congress: the values and the version the client started from (0 for a term not recorded yet).
struct APICongressBody: Decodable, Sendable {
    let plannedOn: String?
    let heldOn: String?
    let pilot: Bool?
    let directSecretary: Bool?
    let delegates: Int?
    let committeeElected: Int?
    let note: String?
    let version: Int

    func draft(term: String) -> CongressDraft {
        CongressDraft(
            term: term, plannedOn: plannedOn ?? "", heldOn: heldOn ?? "", pilot: pilot == true ? "true" : "false",
            directSecretary: directSecretary == true ? "true" : "false", delegates: delegates.map { String($0) } ?? "",
            committeeElected: committeeElected.map { String($0) } ?? "", note: note ?? "")
    }
}

struct APIElection: Encodable, Sendable {
    let id: Int64
    let unitCode: String
    let unitName: String
    @ExplicitNull var congressTerm: String?
    let body: String
    let title: String
    let heldOn: String
    let seats: Int
    let delegates: Int
    let status: String
    @ExplicitNull var approvalNo: String?
    @ExplicitNull var approvedOn: String?
    @ExplicitNull var approvedBy: String?
    let version: Int

    init(_ e: ElectionRecord) {
        id = e.id
        unitCode = e.unitCode
        unitName = e.unitName
        congressTerm = e.congressTerm?.key
        body = e.body.rawValue
        title = e.title
        heldOn = e.heldOn.iso
        seats = e.seats
        delegates = e.delegates
        status = e.status.rawValue
        approvalNo = e.approvalNo
        approvedOn = e.approvedOn?.iso
        approvedBy = e.approvedBy
        version = e.version
    }
}

struct APIElectionCandidate: Encodable, Sendable {
    let id: Int64
    let fullName: String
    @ExplicitNull var cardNo: String?
    @ExplicitNull var cadreId: Int64?
    let source: String
    @ExplicitNull var agreed: Int?
    let onList: Bool
}

struct APIListCheck: Encodable, Sendable {
    let seats: Int
    let admitted: [Int64]
    let refused: [Int64]
    let surplus: Int
    let maxSurplus: Int
    let valid: Bool
    let problemsVi: [String]
    let notesVi: [String]

    init(_ c: ElectionListCheck) {
        seats = c.seats
        admitted = c.admitted.compactMap { Int64($0) }
        refused = c.refused.compactMap { Int64($0) }
        surplus = c.surplus
        maxSurplus = c.maxSurplus
        valid = c.isValid
        problemsVi = c.problems.map(\.vi)
        notesVi = c.notes.map(\.vi)
    }
}

struct APIBallotCount: Encodable, Sendable {
    let issued: Int
    let returned: Int
    let valid: Int
    let invalid: Int
}

struct APICandidateResult: Encodable, Sendable {
    let candidateId: Int64
    let votes: Int
    let outcome: String
    let reasonVi: String
    let reasonEn: String
}

struct APIElectionRound: Encodable, Sendable {
    let number: Int
    let seats: Int
    let reason: String
    let candidateIds: [Int64]
    @ExplicitNull var count: APIBallotCount?
    @ExplicitNull var base: Int?
    @ExplicitNull var results: [APICandidateResult]?

    init(_ view: ElectionRoundView) {
        number = view.round.number
        seats = view.round.seats
        reason = view.round.reason.rawValue
        candidateIds = view.round.candidateIds
        count = view.round.count.map { APIBallotCount(issued: $0.issued, returned: $0.returned, valid: $0.valid, invalid: $0.invalid) }
        base = view.result?.base
        results = view.result?.results.map {
            APICandidateResult(
                candidateId: Int64($0.id) ?? 0, votes: $0.votes, outcome: $0.outcome.rawValue, reasonVi: $0.reason.vi, reasonEn: $0.reason.en)
        }
    }
}

struct APIElectionStage: Encodable, Sendable {
    let kind: String
    @ExplicitNull var seats: Int?
    let candidateIds: [Int64]

    init(_ stage: ElectionStage) {
        switch stage {
        case .listing: (kind, seats, candidateIds) = ("listing", nil, [])
        case .counting: (kind, seats, candidateIds) = ("counting", nil, [])
        case .revote(let n, let ids): (kind, seats, candidateIds) = ("revote", n, ids)
        case .seatsLeft(let n): (kind, seats, candidateIds) = ("seats_left", n, [])
        case .complete: (kind, seats, candidateIds) = ("complete", nil, [])
        case .approved: (kind, seats, candidateIds) = ("approved", nil, [])
        }
    }
}

struct APIElectionDetail: Encodable, Sendable {
    let election: APIElection
    let regulation: String
    let approvingLevel: String
    let candidates: [APIElectionCandidate]
    let listCheck: APIListCheck
    let rounds: [APIElectionRound]
    let elected: [Int64]
    let stage: APIElectionStage

    init(_ d: ElectionDetail) {
        election = APIElection(d.election)
        regulation = d.rules.regulation
        approvingLevel = d.approvingLevel.rawValue
        let admitted = Set(d.listCheck.admitted)
        candidates = d.candidates.map {
            APIElectionCandidate(
                id: $0.id, fullName: $0.fullName, cardNo: $0.cardNo, cadreId: $0.cadreId, source: $0.source.rawValue, agreed: $0.agreed,
                onList: admitted.contains(String($0.id)))
        }
        listCheck = APIListCheck(d.listCheck)
        rounds = d.rounds.map(APIElectionRound.init)
        elected = d.elected.map(\.id)
        stage = APIElectionStage(d.stage)
    }
}

struct APIElectionBody: Decodable, Sendable {
    let unitCode: String
    let congressTerm: String?
    let body: String
    let title: String?
    let heldOn: String
    let seats: Int
    let delegates: Int

    var draft: ElectionDraft {
        var d = ElectionDraft()
        d.unitCode = unitCode
        d.congressTerm = congressTerm ?? ""
        d.body = body
        d.title = title ?? ""
        d.heldOn = heldOn
        d.seats = String(seats)
        d.delegates = String(delegates)
        return d
    }
}

struct APIElectionCandidateBody: Decodable, Sendable {
    let memberNumber: String
    let source: String
    let agreed: Int?
    let version: Int?
}

struct APIVote: Decodable, Sendable {
    let candidateId: Int64
    let votes: Int
}

struct APICountBody: Decodable, Sendable {
    let issued: Int
    let returned: Int
    let valid: Int
    let invalid: Int
    let votes: [APIVote]
    let version: Int?
}

struct APIRoundBody: Decodable, Sendable {
    let candidateIds: [Int64]?
    let version: Int?
}

struct APIElectionApproveBody: Decodable, Sendable {
    let approvalNo: String
    let approvedOn: String?
}

extension Site {
    func registerCongressAPI(_ api: RouterGroup<AppContext>) {
        api.get("congresses") { request, context in
            let principal = try context.requirePrincipal()
            let paging = try ListQuery(request)
            var query = try Self.congressQuery(request)
            query.page = paging.page
            query.perPage = paging.perPage
            let list = try await services.congresses.list(principal, query)
            return try Responses.json(
                APICongressList(
                    unitCode: list.unitCode, term: list.term.key, date: list.date.iso,
                    items: list.rows.items.map { APICongressRow(unit: APIUnit($0.unit), congress: $0.congress.map(APICongress.init)) },
                    page: list.rows.page, perPage: list.rows.perPage, total: list.rows.total))
        }
        api.get("congresses/progress") { request, context in
            let principal = try context.requirePrincipal()
            let date = try Self.optionalDate(request.query("date"), field: "date") ?? Timestamp.vietnamDate()
            let progress = try await services.congresses.progress(
                principal, unitCode: Self.unitFilter(request), on: date, term: request.query("term") ?? "")
            return try Responses.json(APICongressProgress(progress))
        }
        api.get("congresses/:code/:term") { _, context in
            let principal = try context.requirePrincipal()
            let (code, term) = try Self.congressKey(context)
            guard let record = try await services.congresses.get(principal, unitCode: code, term: term) else {
                throw DomainError.notFound(Catalogue.congressNotFound)
            }
            return try Responses.json(APICongress(record))
        }
        api.put("congresses/:code/:term") { request, context in
            let principal = try context.requirePrincipal()
            let (code, term) = try Self.congressKey(context)
            // Scope first: a unit outside the subtree is 404 whatever the body says.
            let before = try await services.congresses.get(principal, unitCode: code, term: term)
            let body = try await Self.decode(APICongressBody.self, request, context)
            let saved = try await services.congresses.save(
                principal, unitCode: code, term: term, body.draft(term: term), expectedVersion: body.version)
            return try Responses.json(APICongress(saved), status: before == nil ? .created : .ok)
        }
        api.get("congresses/:code/:term/history") { _, context in
            let principal = try context.requirePrincipal()
            let (code, term) = try Self.congressKey(context)
            let entries = try await services.congresses.history(principal, unitCode: code, term: term)
            return try Responses.json(["items": entries.map(APIAuditEntry.init)])
        }
        api.get("elections") { request, context in
            let principal = try context.requirePrincipal()
            let paging = try ListQuery(request)
            let list = try await services.elections.list(principal, unitCode: Self.unitFilter(request), page: paging.page, perPage: paging.perPage)
            return try Responses.json(APIList(items: list.items.map(APIElection.init), page: list.page, perPage: list.perPage, total: list.total))
        }
        api.post("elections") { request, context in
            let principal = try context.requirePrincipal()
            let body = try await Self.decode(APIElectionBody.self, request, context)
            let election = try await services.elections.create(principal, body.draft)
            return try Responses.json(APIElectionDetail(try await services.elections.detail(principal, id: election.id)), status: .created)
        }
        api.get("elections/:id") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            return try Responses.json(APIElectionDetail(try await services.elections.detail(principal, id: id)))
        }
        api.get("elections/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            return try Responses.json(["items": try await services.elections.history(principal, id: id).map(APIAuditEntry.init)])
        }
        api.post("elections/:id/candidates") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            _ = try await services.elections.detail(principal, id: id)
            let body = try await Self.decode(APIElectionCandidateBody.self, request, context)
            _ = try await services.elections.addCandidate(
                principal, electionId: id, person: body.memberNumber, source: body.source, agreed: body.agreed.map { String($0) } ?? "",
                expectedVersion: body.version)
            return try Responses.json(APIElectionDetail(try await services.elections.detail(principal, id: id)), status: .created)
        }
        api.delete("elections/:id/candidates/:candidate") { _, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            guard let candidate = context.parameters.get("candidate").flatMap({ Int64($0) }) else {
                throw DomainError.notFound(Catalogue.electionCandidateNotFound)
            }
            try await services.elections.removeCandidate(principal, electionId: id, candidateId: candidate)
            return Response(status: .noContent)
        }
        api.post("elections/:id/count") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            _ = try await services.elections.detail(principal, id: id)
            let body = try await Self.decode(APICountBody.self, request, context)
            var votes: [Int64: Int] = [:]
            for vote in body.votes {
                if votes[vote.candidateId] != nil {
                    throw DomainError.invalid(Catalogue.electionCountInvalid, [FieldError("votes", Catalogue.unknownValue(String(vote.candidateId)))])
                }
                votes[vote.candidateId] = vote.votes
            }
            let detail = try await services.elections.enterCount(
                principal, electionId: id, issued: body.issued, returned: body.returned, valid: body.valid, invalid: body.invalid, votes: votes,
                expectedVersion: body.version)
            return try Responses.json(APIElectionDetail(detail))
        }
        api.post("elections/:id/rounds") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            _ = try await services.elections.detail(principal, id: id)
            let body = try await Self.decode(APIRoundBody.self, request, context)
            let detail = try await services.elections.nextRound(
                principal, electionId: id, candidateIds: body.candidateIds ?? [], expectedVersion: body.version)
            return try Responses.json(APIElectionDetail(detail), status: .created)
        }
        api.post("elections/:id/approve") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.electionNotFound)
            _ = try await services.elections.detail(principal, id: id)
            let body = try await Self.decode(APIElectionApproveBody.self, request, context)
            let detail = try await services.elections.approve(
                principal, electionId: id, approvalNo: body.approvalNo, approvedOn: body.approvedOn ?? "")
            return try Responses.json(APIElectionDetail(detail))
        }
    }
}
