import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

struct APIMeeting: Encodable, Sendable {
    let id: Int64
    let unitCode: String
    let unitName: String
    let meetsOn: String
    let kind: String
    @ExplicitNull var topics: String?
    @ExplicitNull var resolution: String?
    let version: Int

    init(_ m: CellMeeting) {
        id = m.id
        unitCode = m.unitCode
        unitName = m.unitName
        meetsOn = m.meetsOn.iso
        kind = m.kind.rawValue
        topics = m.topics
        resolution = m.resolution
        version = m.version
    }
}

struct APIMeetingYear: Encodable, Sendable {
    let unit: String
    let year: Int
    let items: [APIMeeting]
}

struct APIAttendanceLine: Encodable, Sendable {
    let memberId: Int64
    let fullName: String
    @ExplicitNull var cardNo: String?
    @ExplicitNull var attendance: String?
    @ExplicitNull var reason: String?
}

struct APIMeetingDetail: Encodable, Sendable {
    let meeting: APIMeeting
    let held: Bool
    let counts: [String: Int]
    let attendance: [APIAttendanceLine]

    init(_ d: MeetingDetail) {
        meeting = APIMeeting(d.meeting)
        held = d.isHeld
        let c = d.counts
        counts = Dictionary(uniqueKeysWithValues: Attendance.allCases.map { ($0.rawValue, c[$0] ?? 0) })
        attendance = d.rows.map {
            APIAttendanceLine(memberId: $0.memberId, fullName: $0.name, cardNo: $0.cardNo, attendance: $0.attendance?.rawValue, reason: $0.reason)
        }
    }
}

struct APIMeetingBody: Decodable, Sendable {
    let meetsOn: String
    let kind: String
    let topics: String?
    let resolution: String?
    let version: Int?

    var draft: MeetingDraft { MeetingDraft(meetsOn: meetsOn, kind: kind, topics: topics ?? "", resolution: resolution ?? "") }
}

struct APIAttendanceBody: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        let memberId: Int64
        let attendance: String?
        let reason: String?
    }
    let version: Int
    let items: [Item]
}

struct APIDuesMonth: Encodable, Sendable {
    let month: Int
    let paid: Bool
    @ExplicitNull var amount: Int?
    let version: Int
}

struct APIDuesLine: Encodable, Sendable {
    let memberId: Int64
    let fullName: String
    @ExplicitNull var cardNo: String?
    let months: [APIDuesMonth]
}

struct APIDuesGrid: Encodable, Sendable {
    let unit: String
    let year: Int
    let items: [APIDuesLine]

    init(_ g: DuesGrid) {
        unit = g.unit.code
        year = g.year
        items = g.rows.map { row in
            APIDuesLine(
                memberId: row.memberId, fullName: row.name, cardNo: row.cardNo,
                months: row.months.keys.sorted().map { m in
                    let cell = row.months[m]!
                    var amount: Int? = nil
                    if case .paid(let a) = cell.mark { amount = a }
                    return APIDuesMonth(month: m, paid: cell.mark.isPaid, amount: amount, version: cell.version)
                })
        }
    }
}

struct APIDuesBody: Decodable, Sendable {
    struct Item: Decodable, Sendable {
        let memberId: Int64
        let month: Int
        let value: String
        let version: Int?
    }
    let year: Int
    let items: [Item]
}

struct APIFlaggedMember: Encodable, Sendable {
    let memberId: Int64
    let fullName: String
    @ExplicitNull var cardNo: String?
    let unitCode: String
    let unitName: String
    let absenceMonths: [Int]
    let unpaidMonths: [Int]
    let months: Int
}

struct APIFlaggedList: Encodable, Sendable {
    let unit: String
    let year: Int
    let asOf: String
    let flagMonths: Int
    let regulation: String
    let items: [APIFlaggedMember]
    let page: Int
    let perPage: Int
    let total: Int
}

extension Site {
    func registerMeetingAPI(_ api: RouterGroup<AppContext>) {
        api.get("units/:code/meetings") { request, context in
            let principal = try context.requirePrincipal()
            let year = try await services.meetings.year(
                principal, unitCode: try context.parameters.require("code"), year: Self.meetingYear(request.query("year")))
            return try Responses.json(APIMeetingYear(unit: year.unit.code, year: year.year, items: year.meetings.map(APIMeeting.init)))
        }
        api.post("units/:code/meetings") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            _ = try await services.units.get(principal, code: code)
            let body = try await Self.decode(APIMeetingBody.self, request, context)
            let created = try await services.meetings.create(principal, unitCode: code, body.draft)
            return try Responses.json(APIMeetingDetail(try await services.meetings.detail(principal, id: created.id)), status: .created)
        }
        api.get("meetings/flagged") { request, context in
            let principal = try context.requirePrincipal()
            let list = try ListQuery(request)
            let r = try await services.meetings.flagged(
                principal, unitCode: Self.unitFilter(request), year: Self.meetingYear(request.query("year")), page: list.page, perPage: list.perPage)
            return try Responses.json(
                APIFlaggedList(
                    unit: r.unitCode, year: r.year, asOf: r.asOf.iso, flagMonths: r.rules.flagMonths, regulation: r.rules.regulation,
                    items: r.page.items.map {
                        APIFlaggedMember(
                            memberId: $0.memberId, fullName: $0.name, cardNo: $0.cardNo, unitCode: $0.unitCode, unitName: $0.unitName,
                            absenceMonths: $0.standing.absenceMonths, unpaidMonths: $0.standing.unpaidMonths, months: $0.standing.months.count)
                    }, page: r.page.page, perPage: r.page.perPage, total: r.page.total))
        }
        api.get("meetings/:id") { _, context in
            let principal = try context.requirePrincipal()
            return try Responses.json(
                APIMeetingDetail(try await services.meetings.detail(principal, id: try Self.pathId(context, notFound: Catalogue.meetingNotFound))))
        }
        api.put("meetings/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.meetingNotFound)
            _ = try await services.meetings.detail(principal, id: id)
            let body = try await Self.decode(APIMeetingBody.self, request, context)
            _ = try await services.meetings.update(principal, id: id, body.draft, expectedVersion: body.version ?? 0)
            return try Responses.json(APIMeetingDetail(try await services.meetings.detail(principal, id: id)))
        }
        api.put("meetings/:id/attendance") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.meetingNotFound)
            _ = try await services.meetings.detail(principal, id: id)
            let body = try await Self.decode(APIAttendanceBody.self, request, context)
            let inputs = body.items.map { AttendanceInput(memberId: $0.memberId, attendance: $0.attendance ?? "", reason: $0.reason ?? "") }
            return try Responses.json(
                APIMeetingDetail(try await services.meetings.saveAttendance(principal, id: id, inputs, expectedVersion: body.version)))
        }
        api.get("meetings/:id/history") { _, context in
            let principal = try context.requirePrincipal()
            let entries = try await services.meetings.history(principal, id: try Self.pathId(context, notFound: Catalogue.meetingNotFound))
            return try Responses.json(APIItems(items: entries.map(APIAuditEntry.init)))
        }
        api.get("units/:code/dues") { request, context in
            let principal = try context.requirePrincipal()
            let grid = try await services.meetings.dues(
                principal, unitCode: try context.parameters.require("code"), year: Self.meetingYear(request.query("year")))
            return try Responses.json(APIDuesGrid(grid))
        }
        api.put("units/:code/dues") { request, context in
            let principal = try context.requirePrincipal()
            let code = try context.parameters.require("code")
            _ = try await services.units.get(principal, code: code)
            let body = try await Self.decode(APIDuesBody.self, request, context)
            let inputs = body.items.map { DuesInput(memberId: $0.memberId, month: $0.month, text: $0.value, version: $0.version ?? 0) }
            return try Responses.json(APIDuesGrid(try await services.meetings.saveDues(principal, unitCode: code, year: body.year, inputs)))
        }
    }
}
