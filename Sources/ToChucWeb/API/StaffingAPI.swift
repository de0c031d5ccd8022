import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

/// One agency's figures for a year, as the API shows them.
struct APIStaffingFigures: Encodable, Sendable {
    let assigned: Int
    let actual: Int
    let overQuota: Int
    let reductionTarget: Int
    let reduced: Int
    /// Reductions achieved over the target, in percent with two decimals; null without a target.
    @ExplicitNull var progressPercent: Double?
    @ExplicitNull var note: String?

    init(_ f: StaffingFigures) {
        assigned = f.assigned
        actual = f.actual
        overQuota = f.overQuota
        reductionTarget = f.reductionTarget
        reduced = f.reduced
        progressPercent = f.progressPercent.map { ($0 * 100).rounded() / 100 }
        note = f.note.isEmpty ? nil : f.note
    }
}

struct APIStaffingQuota: Encodable, Sendable {
    let agencyCode: String
    let agencyName: String
    let year: Int
    let figures: APIStaffingFigures
    let version: Int
    let updatedAt: String

    init(_ q: StaffingQuota) {
        agencyCode = q.agency.code
        agencyName = q.agency.name
        year = q.year
        figures = APIStaffingFigures(q.figures)
        version = q.version
        updatedAt = q.updatedAt
    }
}

struct APIStaffingRow: Encodable, Sendable {
    let agency: APIAgency
    let depth: Int
    @ExplicitNull var figures: APIStaffingFigures?
    @ExplicitNull var version: Int?
    let countsInTotals: Bool
}

struct APIStaffingReport: Encodable, Sendable {
    let year: Int
    let unitCode: String
    let items: [APIStaffingRow]
    let page: Int
    let perPage: Int
    let total: Int
    let totals: APIStaffingFigures
}

/// The body of PUT on a quota: the figures as numbers and the version the client started from (0 for a new year).
struct APIStaffingBody: Decodable, Sendable {
    let assigned: Int
    let actual: Int
    let reductionTarget: Int?
    let reduced: Int?
    let note: String?
    let version: Int

    var draft: StaffingDraft {
        StaffingDraft(
            assigned: String(assigned), actual: String(actual), reductionTarget: reductionTarget.map { String($0) } ?? "",
            reduced: reduced.map { String($0) } ?? "", note: note ?? "")
    }
}

extension Site {
    func registerStaffingAPI(_ api: RouterGroup<AppContext>) {
        api.get("staffing") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let year = try Self.staffingYear(request.query("year"))
            let report = try await services.staffing.list(principal, year: year, unitCode: Self.unitFilter(request), page: list.page, perPage: list.perPage)
            return try Responses.json(
                APIStaffingReport(
                    year: report.year, unitCode: report.unitCode,
                    items: report.rows.items.map {
                        APIStaffingRow(
                            agency: APIAgency($0.agency), depth: $0.depth, figures: $0.figures.map(APIStaffingFigures.init), version: $0.version,
                            countsInTotals: $0.countsInTotals)
                    }, page: report.rows.page, perPage: report.rows.perPage, total: report.rows.total, totals: APIStaffingFigures(report.totals)))
        }
        api.get("staffing/:code/:year") { _, context in
            let principal = try context.requirePrincipal()
            let (code, year) = try Self.staffingKey(context)
            guard let quota = try await services.staffing.get(principal, agencyCode: code, year: year) else {
                throw DomainError.notFound(Catalogue.staffingNotFound)
            }
            return try Responses.json(APIStaffingQuota(quota))
        }
        api.put("staffing/:code/:year") { request, context in
            let principal = try context.requirePrincipal()
            let (code, year) = try Self.staffingKey(context)
            // Scope first: an agency outside the subtree is 404 whatever the body says.
            let before = try await services.staffing.get(principal, agencyCode: code, year: year)
            let body = try await Self.decode(APIStaffingBody.self, request, context)
            let saved = try await services.staffing.save(principal, agencyCode: code, year: year, body.draft, expectedVersion: body.version)
            return try Responses.json(APIStaffingQuota(saved), status: before == nil ? .created : .ok)
        }
        api.get("staffing/:code/:year/history") { _, context in
            let principal = try context.requirePrincipal()
            let (code, year) = try Self.staffingKey(context)
            let entries = try await services.staffing.history(principal, agencyCode: code, year: year)
            return try Responses.json(["items": entries.map(APIAuditEntry.init)])
        }
    }
}
