import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

struct APIRuleSet: Encodable, Sendable {
    @ExplicitNull var id: Int64?
    let family: String
    let regulation: String
    let effectiveFrom: String
    let title: String
    let values: [String: String]
    let builtIn: Bool
    @ExplicitNull var createdBy: String?
    @ExplicitNull var voidReason: String?
    let inForce: Bool

    init(_ r: RuleSetRecord, inForce: Bool) {
        id = r.id
        family = r.version.family.rawValue
        regulation = r.version.regulation
        effectiveFrom = r.version.effectiveFrom.iso
        title = r.version.title
        values = r.version.values.mapValues(\.text)
        builtIn = r.id == nil
        createdBy = r.createdBy
        voidReason = r.voidReason
        self.inForce = inForce
    }
}

struct APIRuleSetBody: Decodable, Sendable {
    let family: String
    let regulation: String
    let effectiveFrom: String
    let title: String
    let values: [String: String]
}

/// Counts by class, every class present.
func ratingCounts(_ counts: [Rating: Int]) -> [String: Int] {
    Dictionary(uniqueKeysWithValues: Rating.allCases.map { ($0.rawValue, counts[$0] ?? 0) })
}

struct APIEvaluationLine: Encodable, Sendable {
    let subjectKey: String
    let name: String
    let detail: String
    @ExplicitNull var previous: String?
    @ExplicitNull var rating: String?
    @ExplicitNull var score: Int?
    let version: Int
}

struct APIEvaluationGrid: Encodable, Sendable {
    let unit: String
    let period: String
    let subject: String
    let regulation: String
    let usesScore: Bool
    let excellentAllowed: Int
    let counts: [String: Int]
    let items: [APIEvaluationLine]

    init(_ g: EvaluationGrid) {
        unit = g.unit.code
        period = g.period.key
        subject = g.subject.rawValue
        regulation = g.rules.regulation
        usesScore = g.rules.usesScore
        excellentAllowed = g.excellentAllowed
        counts = ratingCounts(g.counts)
        items = g.rows.map {
            APIEvaluationLine(
                subjectKey: $0.subjectKey, name: $0.name, detail: $0.detail, previous: $0.previous?.rawValue, rating: $0.current?.rating.rawValue,
                score: $0.current?.score, version: $0.current?.version ?? 0)
        }
    }
}

struct APIEvaluationItemBody: Decodable, Sendable {
    let subjectKey: String
    let rating: String?
    let score: Int?
    let version: Int?
}

struct APIEvaluationBody: Decodable, Sendable {
    let period: String
    let subject: String?
    let items: [APIEvaluationItemBody]
}

struct APIEvaluationResults: Encodable, Sendable {
    struct Line: Encodable, Sendable {
        let code: String
        let name: String
        let counts: [String: Int]
        let total: Int
    }

    let unit: String
    let period: String
    let subject: String
    let lines: [Line]
    let totals: [String: Int]
    let previousPeriod: String
    let previousTotals: [String: Int]
}

extension Site {
    func registerAssessmentAPI(_ api: RouterGroup<AppContext>) {
        api.get("rules") { request, context in
            _ = try context.requirePrincipal()
            let familyText = request.query("family") ?? ""
            let family = RuleFamily(rawValue: familyText)
            if !familyText.isEmpty && family == nil {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("family", Catalogue.unknownValue(familyText))])
            }
            let all = try await services.rules.list(family: family)
            let live = all.filter { !$0.isVoided }.map(\.version)
            let today = Timestamp.vietnamDate()
            return try Responses.json(
                APIItems(items: all.map { r in
                    APIRuleSet(r, inForce: !r.isVoided && RuleBook.inForce(live, family: r.version.family, on: today) == r.version)
                }))
        }
        api.post("rules") { request, context in
            let principal = try context.requirePrincipal()
            try principal.requireAdmin()
            let body = try await Self.decode(APIRuleSetBody.self, request, context)
            let record = try await services.rules.add(
                principal, RuleSetDraft(family: body.family, regulation: body.regulation, effectiveFrom: body.effectiveFrom, title: body.title, values: body.values))
            return try Responses.json(APIRuleSet(record, inForce: false), status: .created)
        }
        api.get("units/:code/evaluations") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            let query = try Self.assessmentQuery(code, request.query("period"), request.query("subject"), principal: principal)
            return try Responses.json(
                APIEvaluationGrid(try await services.evaluations.grid(principal, unitCode: code, period: query.period, subject: query.subject)))
        }
        api.put("units/:code/evaluations") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            _ = try await services.units.get(principal, code: code)
            let body = try await Self.decode(APIEvaluationBody.self, request, context)
            let query = try Self.assessmentQuery(code, body.period, body.subject, principal: principal)
            let inputs = body.items.map {
                EvaluationInput(subjectKey: $0.subjectKey, rating: $0.rating ?? "", score: $0.score.map(String.init) ?? "", version: $0.version ?? 0)
            }
            return try Responses.json(
                APIEvaluationGrid(try await services.evaluations.save(principal, unitCode: code, period: query.period, subject: query.subject, inputs)))
        }
        api.get("units/:code/evaluation-results") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            let query = try Self.assessmentQuery(code, request.query("period"), request.query("subject"), principal: principal)
            let r = try await services.evaluations.results(principal, unitCode: code, period: query.period, subject: query.subject)
            return try Responses.json(
                APIEvaluationResults(
                    unit: r.unit.code, period: r.period.key, subject: r.subject.rawValue,
                    lines: r.lines.map { .init(code: $0.code, name: $0.name, counts: ratingCounts($0.counts), total: $0.total) },
                    totals: ratingCounts(r.totals), previousPeriod: r.period.previous.key, previousTotals: ratingCounts(r.previousTotals)))
        }
    }
}
