import Foundation
import SQLKit
import ToChucDomain
import ToChucStorage

/// A meeting as a form or a request gives it.
public struct MeetingDraft: Sendable, Equatable {
    public var meetsOn = ""
    public var kind = ""
    public var topics = ""
    public var resolution = ""

    public init(meetsOn: String = "", kind: String = "", topics: String = "", resolution: String = "") {
        self.meetsOn = meetsOn
        self.kind = kind
        self.topics = topics
        self.resolution = resolution
    }
}

/// A cell meeting as stored: a date in the future is a scheduled meeting.
public struct CellMeeting: Sendable, Equatable {
    public let id: Int64
    public let unitCode: String
    public let unitName: String
    public let unitPath: String
    public let meetsOn: CivilDate
    public let kind: MeetingKind
    public let topics: String?
    public let resolution: String?
    public let version: Int
    public let createdBy: String
    public let updatedAt: String

    public var auditValues: [String: String?] {
        ["meets_on": meetsOn.iso, "kind": kind.rawValue, "topics": topics, "resolution": resolution, "version": String(version)]
    }
}

/// A member of the cell on a meeting's attendance grid.
public struct AttendanceRow: Sendable, Equatable {
    public let memberId: Int64
    public let name: String
    public let cardNo: String?
    public let attendance: Attendance?
    public let reason: String?
}

/// A meeting with its attendance grid.
public struct MeetingDetail: Sendable {
    public let meeting: CellMeeting
    public let rows: [AttendanceRow]
    /// Whether the meeting has taken place (attendance is recorded only then).
    public let isHeld: Bool

    public var counts: [Attendance: Int] { rows.compactMap(\.attendance).reduce(into: [:]) { $0[$1, default: 0] += 1 } }
}

/// One line of an attendance grid as typed: the attendance (key, label or letter; empty for none) and the reason.
public struct AttendanceInput: Sendable, Equatable {
    public var memberId: Int64
    public var attendance: String
    public var reason: String

    public init(memberId: Int64, attendance: String, reason: String = "") {
        self.memberId = memberId
        self.attendance = attendance
        self.reason = reason
    }
}

/// A cell's meetings of a year, for its list and calendar.
public struct MeetingYear: Sendable {
    public let unit: OrgUnit
    public let year: Int
    /// Oldest first.
    public let meetings: [CellMeeting]

    public func meetings(inMonth month: Int) -> [CellMeeting] { meetings.filter { $0.meetsOn.month == month } }
    public func hasRegular(inMonth month: Int) -> Bool { meetings(inMonth: month).contains { $0.kind == .monthly } }
}

/// A recorded month of a member's dues.
public struct DuesCell: Sendable, Equatable {
    public let mark: DuesMark
    public let version: Int
}

/// A member's line of the dues grid: the months recorded.
public struct DuesRow: Sendable, Equatable {
    public let memberId: Int64
    public let name: String
    public let cardNo: String?
    public let months: [Int: DuesCell]
}

/// The dues grid of a cell for a year.
public struct DuesGrid: Sendable {
    public let unit: OrgUnit
    public let year: Int
    public let rows: [DuesRow]
    /// Months before this one may be marked unpaid (the grid's day is today).
    public let currentMonth: YearMonth

    /// The members who paid each month, and the amount collected when known.
    public func paid(inMonth month: Int) -> (count: Int, amount: Int) {
        rows.reduce((0, 0)) { sum, row in
            guard case .paid(let amount)? = row.months[month]?.mark else { return sum }
            return (sum.0 + 1, sum.1 + (amount ?? 0))
        }
    }
}

/// One cell of a dues grid as typed, with the version it was read at (0 when it was empty).
public struct DuesInput: Sendable, Equatable {
    public var memberId: Int64
    public var month: Int
    public var text: String
    public var version: Int

    public init(memberId: Int64, month: Int, text: String, version: Int = 0) {
        self.memberId = memberId
        self.month = month
        self.text = text
        self.version = version
    }
}

/// A member the rule flags, with the months behind it.
public struct FlaggedMember: Sendable, Equatable {
    public let memberId: Int64
    public let name: String
    public let cardNo: String?
    public let unitCode: String
    public let unitName: String
    public let standing: MemberStanding
}

/// The flagged members of a subtree for a year.
public struct FlaggedList: Sendable {
    public let unitCode: String
    public let year: Int
    /// The day the months are counted to: the year's last day, or today while the year runs.
    public let asOf: CivilDate
    public let rules: CellMeetingRules
    public let page: Page<FlaggedMember>
}

/// Cell meetings and party dues (sinh hoạt chi bộ, đảng phí; DOMAIN.md §4; issue 6): a cell's meetings of a year with
/// their topics, resolution and attendance; dues per member per month; the members flagged under Điều lệ Đảng, Điều 8.
/// Scope follows the cell; clerks enter, every role in scope reads.
public struct MeetingService: Sendable {
    let db: Database

    public init(db: Database) { self.db = db }

    static let meetingEntity = "cell_meeting"
    static let duesEntity = "party_dues"
    /// Members on an attendance grid: those in the Party who attend (exempt members are excused from meetings).
    static let attendingStatuses = "('probationary', 'full')"
    /// Members on a dues grid and the flagged list: everyone still in the Party.
    static let memberStatuses = "('probationary', 'full', 'exempt')"
    static let columns = "cm.*, u.code AS unit_code, u.name AS unit_name, u.path AS unit_path"
    static let from = "cell_meetings cm JOIN units u ON u.id = cm.unit_id"

    static func meeting(from row: any SQLRow) throws -> CellMeeting {
        CellMeeting(
            id: try row.decode(column: "id", as: Int64.self), unitCode: try row.decode(column: "unit_code", as: String.self),
            unitName: try row.decode(column: "unit_name", as: String.self), unitPath: try row.decode(column: "unit_path", as: String.self),
            meetsOn: CivilDate(parsing: try row.decode(column: "meets_on", as: String.self))!,
            kind: MeetingKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .monthly,
            topics: try row.decode(column: "topics", as: String?.self),
            resolution: try row.decode(column: "resolution", as: String?.self), version: try row.decode(column: "version", as: Int.self),
            createdBy: try row.decode(column: "created_by", as: String.self), updatedAt: try row.decode(column: "updated_at", as: String.self))
    }

    static func visible(_ sql: any SQLDatabase, _ principal: Principal, id: Int64) async throws -> CellMeeting {
        guard let found = try await sql.raw("SELECT \(unsafeRaw: columns) FROM \(unsafeRaw: from) WHERE cm.id = \(bind: id)").first().map(meeting),
            principal.sees(path: found.unitPath)
        else { throw DomainError.notFound(Catalogue.meetingNotFound) }
        return found
    }

    /// A cell in scope: a unit of kind cell, or a base cell (chi bộ cơ sở).
    func cell(_ principal: Principal, code: String) async throws -> OrgUnit {
        let unit = try await UnitService(db: db).get(principal, code: code.trimmed.isEmpty ? principal.unitCode : code.trimmed)
        guard unit.kind == .cell || unit.kind == .base else {
            throw DomainError.invalid(Catalogue.meetingUnitKind, [FieldError("unit", Catalogue.meetingUnitKind)])
        }
        return unit
    }

    static func checkYear(_ year: Int) throws {
        guard (1930...2100).contains(year) else {
            throw DomainError.invalid(Catalogue.invalidInput, [FieldError("year", Catalogue.meetingYearInvalid)])
        }
    }

    // MARK: - Meetings

    /// A cell's meetings of a year, oldest first.
    public func year(_ principal: Principal, unitCode: String, year: Int) async throws -> MeetingYear {
        try Self.checkYear(year)
        let unit = try await cell(principal, code: unitCode)
        let meetings = try await db.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM \(unsafeRaw: Self.from) WHERE cm.unit_id = \(bind: unit.id)
                AND cm.meets_on >= \(bind: "\(year)-01-01") AND cm.meets_on <= \(bind: "\(year)-12-31") ORDER BY cm.meets_on, cm.id
                """
            ).all().map(Self.meeting)
        }
        return MeetingYear(unit: unit, year: year, meetings: meetings)
    }

    static func check(_ draft: MeetingDraft) throws -> (date: CivilDate, kind: MeetingKind, topics: String?, resolution: String?) {
        var errors: [FieldError] = []
        let date = CivilDate(parsing: draft.meetsOn.trimmed)
        if date == nil { errors.append(FieldError("meets_on", Catalogue.invalidDate(draft.meetsOn))) }
        if let date, !(1930...2100).contains(date.year) { errors.append(FieldError("meets_on", Catalogue.meetingYearInvalid)) }
        let kind = MeetingKind(rawValue: draft.kind.trimmed)
        if kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind))) }
        let topics = draft.topics.trimmed
        let resolution = draft.resolution.trimmed
        if topics.count > 4000 { errors.append(FieldError("topics", Catalogue.meetingTopicsTooLong)) }
        if resolution.count > 20000 { errors.append(FieldError("resolution", Catalogue.meetingResolutionTooLong)) }
        guard errors.isEmpty, let date, let kind else { throw DomainError.invalid(Catalogue.invalidInput, errors) }
        return (date, kind, topics.isEmpty ? nil : topics, resolution.isEmpty ? nil : resolution)
    }

    /// Schedules or records a meeting of a cell in scope.
    public func create(_ principal: Principal, unitCode: String, _ draft: MeetingDraft) async throws -> CellMeeting {
        let unit = try await cell(principal, code: unitCode)
        try principal.requireWrite()
        let c = try Self.check(draft)
        return try await db.write { sql in
            let now = Timestamp.now()
            let id = try await sql.raw(
                """
                INSERT INTO cell_meetings (unit_id, meets_on, kind, topics, resolution, version, created_by, created_at, updated_at)
                VALUES (\(bind: unit.id), \(bind: c.date.iso), \(bind: c.kind.rawValue), \(bind: c.topics), \(bind: c.resolution), 1,
                    \(bind: principal.actor), \(bind: now), \(bind: now)) RETURNING id
                """
            ).first()!.decode(column: "id", as: Int64.self)
            let created = try await Self.visible(sql, principal, id: id)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "create", entity: Self.meetingEntity, key: String(id),
                unitPath: unit.path, old: nil, new: created.auditValues)
            return created
        }
    }

    /// Changes a meeting's date, kind, topics or resolution; refused when its version moved on, or when attendance is
    /// recorded and the new date is in the future.
    public func update(
        _ principal: Principal, id: Int64, _ draft: MeetingDraft, expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> CellMeeting {
        try principal.requireWrite()
        let c = try Self.check(draft)
        return try await db.write { sql in
            let current = try await Self.visible(sql, principal, id: id)
            if current.version != expectedVersion { throw try await Self.conflict(sql, current, baseVersion: expectedVersion) }
            let recorded = try await sql.raw("SELECT COUNT(*) AS n FROM meeting_attendance WHERE meeting_id = \(bind: id)").first()!
                .decode(column: "n", as: Int.self)
            if recorded > 0 && c.date > today {
                throw DomainError.invalid(Catalogue.invalidInput, [FieldError("meets_on", Catalogue.attendanceBeforeMeeting)])
            }
            try await sql.raw(
                """
                UPDATE cell_meetings SET meets_on = \(bind: c.date.iso), kind = \(bind: c.kind.rawValue), topics = \(bind: c.topics),
                    resolution = \(bind: c.resolution), version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)
                """
            ).run()
            let saved = try await Self.visible(sql, principal, id: id)
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.meetingEntity, key: String(id),
                unitPath: saved.unitPath, old: current.auditValues, new: saved.auditValues)
            return saved
        }
    }

    static func conflict(_ sql: any SQLDatabase, _ current: CellMeeting, baseVersion: Int) async throws -> DomainError {
        try await AuditLog.staleRecord(sql, entity: meetingEntity, id: current.id, values: current.auditValues, baseVersion: baseVersion)
    }

    /// A meeting with its grid: the cell's attending members on its day, and anyone whose attendance was recorded.
    public func detail(_ principal: Principal, id: Int64, today: CivilDate = Timestamp.vietnamDate()) async throws -> MeetingDetail {
        try await db.read { sql in try await Self.detail(sql, try await Self.visible(sql, principal, id: id), today: today) }
    }

    static func detail(_ sql: any SQLDatabase, _ meeting: CellMeeting, today: CivilDate) async throws -> MeetingDetail {
        let rows = try await sql.raw(
            """
            SELECT m.id, m.full_name, m.card_no, a.attendance, a.reason FROM members m
            LEFT JOIN meeting_attendance a ON a.member_id = m.id AND a.meeting_id = \(bind: meeting.id)
            WHERE a.member_id IS NOT NULL OR (m.unit_id = (SELECT unit_id FROM cell_meetings WHERE id = \(bind: meeting.id))
                AND m.status IN \(unsafeRaw: attendingStatuses) AND (m.admitted_on IS NULL OR m.admitted_on <= \(bind: meeting.meetsOn.iso)))
            ORDER BY m.name_sort_key, m.id
            """
        ).all().map { row in
            AttendanceRow(
                memberId: try row.decode(column: "id", as: Int64.self), name: try row.decode(column: "full_name", as: String.self),
                cardNo: try row.decode(column: "card_no", as: String?.self),
                attendance: try row.decode(column: "attendance", as: String?.self).flatMap(Attendance.init(rawValue:)),
                reason: try row.decode(column: "reason", as: String?.self))
        }
        return MeetingDetail(meeting: meeting, rows: rows, isHeld: meeting.meetsOn <= today)
    }

    /// Records the attendance of a meeting that has taken place, all or nothing, at the meeting's version (a stale grid
    /// is a conflict). An emptied line removes the record.
    public func saveAttendance(
        _ principal: Principal, id: Int64, _ inputs: [AttendanceInput], expectedVersion: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> MeetingDetail {
        try principal.requireWrite()
        return try await db.write { sql in
            let meeting = try await Self.visible(sql, principal, id: id)
            if meeting.version != expectedVersion { throw try await Self.conflict(sql, meeting, baseVersion: expectedVersion) }
            let detail = try await Self.detail(sql, meeting, today: today)
            guard detail.isHeld else {
                throw DomainError.invalid(Catalogue.attendanceBeforeMeeting, [FieldError("meets_on", Catalogue.attendanceBeforeMeeting)])
            }
            let byId = Dictionary(uniqueKeysWithValues: detail.rows.map { ($0.memberId, $0) })
            var errors: [FieldError] = []
            var changed: [(row: AttendanceRow, attendance: Attendance?, reason: String?)] = []
            for input in inputs {
                guard let row = byId[input.memberId] else {
                    errors.append(FieldError("attendance_\(input.memberId)", Catalogue.notInCell(String(input.memberId))))
                    continue
                }
                let text = input.attendance.trimmed
                let attendance = text.isEmpty ? nil : Attendance.parse(text)
                if !text.isEmpty && attendance == nil {
                    errors.append(FieldError("attendance_\(input.memberId)", Catalogue.attendanceUnknown(row.name, text)))
                    continue
                }
                let reason = input.reason.trimmed
                if reason.count > 500 { errors.append(FieldError("reason_\(input.memberId)", Catalogue.tooLong(500))) }
                let kept: String? = attendance == nil || reason.isEmpty ? nil : reason
                if row.attendance != attendance || row.reason != kept { changed.append((row, attendance, kept)) }
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.gridRefused, errors) }
            guard !changed.isEmpty else { return detail }
            var old: [String: String?] = ["version": String(meeting.version)]
            var new: [String: String?] = ["version": String(meeting.version + 1)]
            for c in changed {
                try await sql.raw("DELETE FROM meeting_attendance WHERE meeting_id = \(bind: id) AND member_id = \(bind: c.row.memberId)").run()
                if let attendance = c.attendance {
                    try await sql.raw(
                        """
                        INSERT INTO meeting_attendance (meeting_id, member_id, attendance, reason)
                        VALUES (\(bind: id), \(bind: c.row.memberId), \(bind: attendance.rawValue), \(bind: c.reason))
                        """
                    ).run()
                }
                old[c.row.name] = c.row.attendance.map { $0.rawValue + (c.row.reason.map { ": " + $0 } ?? "") }
                new[c.row.name] = c.attendance.map { $0.rawValue + (c.reason.map { ": " + $0 } ?? "") }
            }
            try await sql.raw("UPDATE cell_meetings SET version = version + 1, updated_at = \(bind: Timestamp.now()) WHERE id = \(bind: id)").run()
            try await AuditLog.append(
                sql, actor: principal.actor, address: principal.address, action: "attendance", entity: Self.meetingEntity, key: String(id),
                unitPath: meeting.unitPath, old: old, new: new)
            return try await Self.detail(sql, try await Self.visible(sql, principal, id: id), today: today)
        }
    }

    /// The changes to a meeting and its attendance, oldest first.
    public func history(_ principal: Principal, id: Int64) async throws -> [AuditEntry] {
        try await db.read { sql in
            let meeting = try await Self.visible(sql, principal, id: id)
            return try await AuditLog.history(sql, entity: Self.meetingEntity, key: String(meeting.id))
        }
    }

    // MARK: - Dues

    /// The dues grid of a cell for a year: its members (and anyone whose dues it recorded that year), the months recorded.
    public func dues(_ principal: Principal, unitCode: String, year: Int, today: CivilDate = Timestamp.vietnamDate()) async throws -> DuesGrid {
        try Self.checkYear(year)
        let unit = try await cell(principal, code: unitCode)
        return try await db.read { sql in try await Self.dues(sql, unit: unit, year: year, today: today) }
    }

    static func dues(_ sql: any SQLDatabase, unit: OrgUnit, year: Int, today: CivilDate) async throws -> DuesGrid {
        let first = YearMonth(year: year, month: 1)!.key
        let last = YearMonth(year: year, month: 12)!.key
        let members = try await sql.raw(
            """
            SELECT id, full_name, card_no FROM members m WHERE (m.unit_id = \(bind: unit.id) AND m.status IN \(unsafeRaw: memberStatuses))
            OR m.id IN (SELECT member_id FROM party_dues WHERE unit_id = \(bind: unit.id) AND month >= \(bind: first) AND month <= \(bind: last))
            ORDER BY m.name_sort_key, m.id
            """
        ).all().map {
            (
                try $0.decode(column: "id", as: Int64.self), try $0.decode(column: "full_name", as: String.self),
                try $0.decode(column: "card_no", as: String?.self)
            )
        }
        var cells: [Int64: [Int: DuesCell]] = [:]
        if !members.isEmpty {
            for row in try await sql.raw(
                """
                SELECT member_id, month, paid, amount, version FROM party_dues
                WHERE member_id IN (\(CadreStore.idList(members.map(\.0)))) AND month >= \(bind: first) AND month <= \(bind: last)
                """
            ).all() {
                guard let month = YearMonth(parsing: try row.decode(column: "month", as: String.self)) else { continue }
                let paid = try row.decode(column: "paid", as: Int.self) != 0
                cells[try row.decode(column: "member_id", as: Int64.self), default: [:]][month.month] = DuesCell(
                    mark: paid ? .paid(amount: try row.decode(column: "amount", as: Int?.self)) : .unpaid,
                    version: try row.decode(column: "version", as: Int.self))
            }
        }
        let rows = members.map { DuesRow(memberId: $0.0, name: $0.1, cardNo: $0.2, months: cells[$0.0] ?? [:]) }
        return DuesGrid(unit: unit, year: year, rows: rows, currentMonth: YearMonth(today))
    }

    /// Saves cells of a dues grid, all or nothing: each cell parsed (`DuesMark.parse`; a month not yet begun cannot be
    /// unpaid); a cell changed by someone else since it was read is a conflict; an emptied cell removes the record. One
    /// audit entry per member and year, with the months changed.
    public func saveDues(
        _ principal: Principal, unitCode: String, year: Int, _ inputs: [DuesInput], today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> DuesGrid {
        try Self.checkYear(year)
        let unit = try await cell(principal, code: unitCode)
        try principal.requireWrite()
        return try await db.write { sql in
            let grid = try await Self.dues(sql, unit: unit, year: year, today: today)
            let byId = Dictionary(uniqueKeysWithValues: grid.rows.map { ($0.memberId, $0) })
            var errors: [FieldError] = []
            var conflicts: [FieldChange] = []
            var changed: [Int64: [(month: Int, old: DuesCell?, new: DuesMark?)]] = [:]
            for input in inputs {
                let field = "dues_\(input.memberId)_\(input.month)"
                guard let row = byId[input.memberId], (1...12).contains(input.month), let month = YearMonth(year: year, month: input.month) else {
                    errors.append(FieldError(field, Catalogue.notInCell(String(input.memberId))))
                    continue
                }
                let mark: DuesMark?
                switch DuesMark.parse(input.text) {
                case .empty: mark = nil
                case .mark(let m): mark = m
                case .invalid:
                    errors.append(FieldError(field, Catalogue.duesInvalid(row.name, input.month, input.text.trimmed)))
                    continue
                }
                if mark == .unpaid && month > grid.currentMonth { errors.append(FieldError(field, Catalogue.duesFutureMonth(row.name, input.month))) }
                let current = row.months[input.month]
                if current?.mark == mark { continue }
                if (current?.version ?? 0) != input.version {
                    conflicts.append(FieldChange(field: Catalogue.duesOf(row.name, input.month).vi, old: nil, new: current?.mark.text))
                    continue
                }
                changed[row.memberId, default: []].append((input.month, current, mark))
            }
            if !errors.isEmpty { throw DomainError.invalid(Catalogue.duesRefused, errors) }
            if !conflicts.isEmpty { throw DomainError.conflict(Catalogue.duesStale, changes: conflicts, current: [:]) }
            let now = Timestamp.now()
            for (memberId, cells) in changed.sorted(by: { $0.key < $1.key }) {
                var old: [String: String?] = [:]
                var new: [String: String?] = [:]
                for cell in cells.sorted(by: { $0.month < $1.month }) {
                    let month = YearMonth(year: year, month: cell.month)!.key
                    if let mark = cell.new {
                        let paid = mark.isPaid ? 1 : 0
                        var amount: Int? = nil
                        if case .paid(let a) = mark { amount = a }
                        if cell.old != nil {
                            try await sql.raw(
                                """
                                UPDATE party_dues SET paid = \(bind: paid), amount = \(bind: amount), unit_id = \(bind: unit.id),
                                    version = version + 1,
                                    updated_by = \(bind: principal.actor), updated_at = \(bind: now)
                                WHERE member_id = \(bind: memberId) AND month = \(bind: month)
                                """
                            ).run()
                        } else {
                            try await sql.raw(
                                """
                                INSERT INTO party_dues (member_id, unit_id, month, paid, amount, version, updated_by, updated_at)
                                VALUES (\(bind: memberId), \(bind: unit.id), \(bind: month), \(bind: paid), \(bind: amount), 1,
                                    \(bind: principal.actor), \(bind: now))
                                """
                            ).run()
                        }
                    } else {
                        try await sql.raw("DELETE FROM party_dues WHERE member_id = \(bind: memberId) AND month = \(bind: month)").run()
                    }
                    old[month] = cell.old?.mark.text
                    new[month] = cell.new?.text
                }
                try await AuditLog.append(
                    sql, actor: principal.actor, address: principal.address, action: "update", entity: Self.duesEntity, key: "\(memberId)/\(year)",
                    unitPath: unit.path, old: old, new: new)
            }
            return try await Self.dues(sql, unit: unit, year: year, today: today)
        }
    }

    /// The changes to a cell's dues of a year, oldest first.
    public func duesHistory(_ principal: Principal, unitCode: String, year: Int) async throws -> [AuditEntry] {
        let grid = try await dues(principal, unitCode: unitCode, year: year)
        return try await db.read { sql in
            var entries: [AuditEntry] = []
            for row in grid.rows { entries += try await AuditLog.history(sql, entity: Self.duesEntity, key: "\(row.memberId)/\(year)") }
            return entries.sorted { $0.id < $1.id }
        }
    }

    // MARK: - Flagged members

    /// The members of a subtree (by their cell today) whom the rule in force flags for a year, counted to the year's
    /// last day or to today while it runs: months with an absence without good reason from a monthly meeting held by
    /// then, and months recorded unpaid (`CellMeetingStanding.standing`). In name order.
    public func flagged(
        _ principal: Principal, unitCode: String, year: Int, page: Int = 1, perPage: Int = 50, today: CivilDate = Timestamp.vietnamDate()
    ) async throws -> FlaggedList {
        let all = try await allFlagged(principal, unitCode: unitCode, year: year, today: today)
        return FlaggedList(
            unitCode: unitCode.trimmed.isEmpty ? principal.unitCode : unitCode.trimmed, year: year, asOf: all.asOf, rules: all.rules,
            page: CadreService.page(all.members, page: page, perPage: perPage))
    }

    func allFlagged(
        _ principal: Principal, unitCode: String, year: Int, today: CivilDate
    ) async throws
        -> (members: [FlaggedMember], rules: CellMeetingRules, asOf: CivilDate)
    {
        try Self.checkYear(year)
        let range = try await AgencyService(db: db).scopeRange(principal, unitCode: unitCode.trimmed)
        let asOf = min(CivilDate(year: year, month: 12, day: 31)!, today)
        return try await db.read { sql in
            let rules = CellMeetingRules(try await RuleService.inForce(sql, .cellMeetings, on: asOf))
            let inScope: SQLQueryString =
                "mm.unit_path >= \(bind: range.lower) AND mm.unit_path < \(bind: range.upper) AND mm.status IN \(unsafeRaw: Self.memberStatuses)"
            var absences: [Int64: Set<Int>] = [:]
            for row in try await sql.raw(
                """
                SELECT a.member_id, cm.meets_on FROM meeting_attendance a JOIN cell_meetings cm ON cm.id = a.meeting_id
                JOIN members mm ON mm.id = a.member_id
                WHERE \(inScope) AND a.attendance = 'absent' AND cm.kind = 'monthly' AND cm.meets_on >= \(bind: "\(year)-01-01")
                AND cm.meets_on <= \(bind: asOf.iso)
                """
            ).all() {
                let date = CivilDate(parsing: try row.decode(column: "meets_on", as: String.self))!
                absences[try row.decode(column: "member_id", as: Int64.self), default: []].insert(date.month)
            }
            var unpaid: [Int64: Set<Int>] = [:]
            for row in try await sql.raw(
                """
                SELECT d.member_id, d.month FROM party_dues d JOIN members mm ON mm.id = d.member_id
                WHERE \(inScope) AND d.paid = 0 AND d.month >= \(bind: YearMonth(year: year, month: 1)!.key)
                AND d.month <= \(bind: YearMonth(asOf).key)
                """
            ).all() {
                guard let month = YearMonth(parsing: try row.decode(column: "month", as: String.self)) else { continue }
                unpaid[try row.decode(column: "member_id", as: Int64.self), default: []].insert(month.month)
            }
            var flagged: [Int64: MemberStanding] = [:]
            for id in Set(absences.keys).union(unpaid.keys) {
                let standing = CellMeetingStanding.standing(absenceMonths: absences[id] ?? [], unpaidMonths: unpaid[id] ?? [], rules: rules)
                if standing.isFlagged { flagged[id] = standing }
            }
            guard !flagged.isEmpty else { return ([], rules, asOf) }
            let members = try await sql.raw(
                """
                SELECT mm.id, mm.full_name, mm.card_no, u.code, u.name FROM members mm JOIN units u ON u.id = mm.unit_id
                WHERE mm.id IN (\(CadreStore.idList(Array(flagged.keys)))) ORDER BY mm.name_sort_key, mm.id
                """
            ).all().map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return FlaggedMember(
                    memberId: id, name: try row.decode(column: "full_name", as: String.self),
                    cardNo: try row.decode(column: "card_no", as: String?.self),
                    unitCode: try row.decode(column: "code", as: String.self), unitName: try row.decode(column: "name", as: String.self),
                    standing: flagged[id]!)
            }
            return (members, rules, asOf)
        }
    }

    /// The flagged members as a spreadsheet, header first.
    public func flaggedExportRows(
        _ principal: Principal, unitCode: String, year: Int, today: CivilDate = Timestamp.vietnamDate()
    ) async throws
        -> [[String]]
    {
        let all = try await allFlagged(principal, unitCode: unitCode, year: year, today: today)
        let language = principal.language
        let header = [
            Catalogue.fullName, Catalogue.cardNo, Catalogue.code, Catalogue.meetingCell, Catalogue.flaggedAbsences, Catalogue.flaggedUnpaid,
            Catalogue.flaggedMonths,
        ].map { $0.text(language) }
        func months(_ list: [Int]) -> String { list.map(String.init).joined(separator: ", ") }
        return [header]
            + all.members.map {
                [
                    $0.name, $0.cardNo ?? "", $0.unitCode, $0.unitName, months($0.standing.absenceMonths), months($0.standing.unpaidMonths),
                    String($0.standing.months.count),
                ]
            }
    }

    /// A duplicate member merged into the kept one (`MemberService.merge`): attendance and dues follow, except where the
    /// kept record already has the meeting or the month.
    static func followMemberMerge(_ sql: any SQLDatabase, keep: Int64, duplicate: Int64) async throws {
        try await sql.raw(
            """
            DELETE FROM meeting_attendance WHERE member_id = \(bind: duplicate)
            AND meeting_id IN (SELECT meeting_id FROM meeting_attendance WHERE member_id = \(bind: keep))
            """
        ).run()
        try await sql.raw("UPDATE meeting_attendance SET member_id = \(bind: keep) WHERE member_id = \(bind: duplicate)").run()
        try await sql.raw(
            "DELETE FROM party_dues WHERE member_id = \(bind: duplicate) AND month IN (SELECT month FROM party_dues WHERE member_id = \(bind: keep))"
        ).run()
        try await sql.raw("UPDATE party_dues SET member_id = \(bind: keep) WHERE member_id = \(bind: duplicate)").run()
    }
}
