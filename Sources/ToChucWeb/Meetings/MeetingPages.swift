import Foundation
import Hummingbird
import ToChucDomain
import ToChucServices

extension SiteURL {
    static let meetings = "/meetings"
    static let meetingDues = "/meetings/dues"
    static let meetingFlagged = "/meetings/flagged"
    static func meeting(_ id: Int64) -> String { "/meetings/\(id)" }
    /// `edit`, `attendance`.
    static func meetingAction(_ id: Int64, _ action: String) -> String { "/meetings/\(id)/\(action)" }
    static func meetings(unit: String, year: Int) -> String { with(meetings, [("unit", unit), ("year", String(year))]) }
    static func meetingDues(unit: String, year: Int) -> String { with(meetingDues, [("unit", unit), ("year", String(year))]) }
}

/// Cell meetings and dues (DOMAIN.md §4; issue 6): a cell's meetings of a year as a list and a calendar, a meeting with
/// its topics, resolution and attendance grid (one key per member, Tab to the next), the dues grid of a year, and the
/// members flagged under Điều lệ Đảng, Điều 8 for any subtree.
extension Site {
    func registerMeetingPages(_ router: Router<AppContext>) {
        router.get(RouterPath(SiteURL.meetings)) { request, context in
            let principal = try context.requirePrincipal()
            let query = Self.meetingQuery(request.query("unit"), request.query("year"), principal: principal)
            let language = principal.language
            let file = try await listDownload(
                request, principal, sheet: "sinh-hoat", baseName: Self.fileName("sinh-hoat", principal, unit: query.unit, String(query.year))
            ) {
                let year = try await services.meetings.year(principal, unitCode: query.unit, year: query.year)
                return [[Catalogue.meetingDate, Catalogue.meetingKindLabel, Catalogue.meetingTopics].map { $0.text(language) }]
                    + year.meetings.map { [Self.day($0.meetsOn, language), $0.kind.label.text(language), $0.topics ?? ""] }
            }
            if let file { return file }
            let ctx = try await pageContext(request, context)
            return Responses.html(try await meetingsPage(ctx, principal, request: request, form: FormData(), message: nil, errors: []))
        }
        router.post(RouterPath(SiteURL.meetings)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            do {
                let created = try await services.meetings.create(principal, unitCode: form.string("unit"), Self.meetingDraft(form))
                return Responses.redirect(SiteURL.meeting(created.id) + "?created=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    try await meetingsPage(ctx, principal, request: request, form: form, message: message, errors: errors),
                    status: .unprocessableContent)
            }
        }
        router.get(RouterPath(SiteURL.meetingDues)) { request, context in
            let principal = try context.requirePrincipal()
            let query = Self.meetingQuery(request.query("unit"), request.query("year"), principal: principal)
            let grid = try await services.meetings.dues(principal, unitCode: query.unit, year: query.year)
            // A month: the amount paid (a number), x when paid without an amount, 0 when not paid.
            if let file = try await listDownload(
                request, principal, sheet: "dang-phi", baseName: Self.fileName("dang-phi", principal, unit: grid.unit.code, String(grid.year)),
                numeric: Set(3...14), rows: {
                    [["#", Catalogue.fullName.text(principal.language), Catalogue.cardNo.text(principal.language)]
                        + (1...12).map { Catalogue.monthShort($0).text(principal.language) }]
                        + grid.rows.enumerated().map { index, row in
                            [String(index + 1), row.name, row.cardNo ?? ""]
                                + (1...12).map { month -> String in
                                    guard let mark = row.months[month]?.mark else { return "" }
                                    if case .paid(let amount?) = mark { return String(amount) }
                                    return mark.text
                                }
                        }
                })
            {
                return file
            }
            let ctx = try await pageContext(request, context)
            let flash = request.query("saved") != nil ? ctx.t(Catalogue.duesSaved) : nil
            return Responses.html(try await duesPage(ctx, principal, grid, typed: [:], message: nil, errors: [], flash: flash))
        }
        router.post(RouterPath(SiteURL.meetingDues)) { request, context in
            let principal = try context.requirePrincipal()
            let form = context.form
            let query = Self.meetingQuery(form["unit"], form["year"], principal: principal)
            let inputs = Self.duesInputs(form)
            do {
                _ = try await services.meetings.saveDues(principal, unitCode: query.unit, year: query.year, inputs)
                return Responses.redirect(SiteURL.meetingDues(unit: query.unit, year: query.year) + "&saved=1")
            } catch DomainError.invalid(let message, let errors) {
                let ctx = try await pageContext(request, context)
                let grid = try await services.meetings.dues(principal, unitCode: query.unit, year: query.year)
                let typed = Dictionary(inputs.map { ("\($0.memberId)_\($0.month)", $0.text) }, uniquingKeysWith: { a, _ in a })
                return Responses.html(
                    try await duesPage(ctx, principal, grid, typed: typed, message: message, errors: errors, flash: nil),
                    status: .unprocessableContent)
            } catch DomainError.conflict(let message, let changes, _) {
                let ctx = try await pageContext(request, context)
                return Responses.html(
                    Layout.conflict(
                        ctx, title: ctx.t(Catalogue.duesTitle), message: message, changes: changes,
                        retry: SiteURL.meetingDues(unit: query.unit, year: query.year)),
                    status: .conflict)
            }
        }
        router.get(RouterPath(SiteURL.meetingFlagged)) { request, context in
            let principal = try context.requirePrincipal()
            let unit = (request.query("unit") ?? "").trimmed
            let year = Self.meetingYear(request.query("year"))
            // Column 6: the months flagged.
            if let file = try await listDownload(
                request, principal, sheet: Catalogue.flaggedSheetName.text(principal.language),
                baseName: Self.fileName("sinh-hoat-dang-phi", principal, unit: unit, String(year)), numeric: [6],
                rows: { try await services.meetings.flaggedExportRows(principal, unitCode: unit, year: year) })
            {
                return file
            }
            let page = request.query("page").flatMap { Int($0) } ?? 1
            let list = try await services.meetings.flagged(principal, unitCode: unit, year: year, page: page)
            let ctx = try await pageContext(request, context)
            return Responses.html(flaggedPage(ctx, list, unit: unit))
        }
        router.get("/meetings/:id") { request, context in
            let principal = try context.requirePrincipal()
            let id = try Self.pathId(context, notFound: Catalogue.meetingNotFound)
            let ctx = try await pageContext(request, context)
            let flash =
                request.query("created") != nil
                ? ctx.t(Catalogue.meetingCreated) : request.query("saved") != nil ? ctx.t(Catalogue.meetingSaved) : nil
            return Responses.html(try await meetingPage(ctx, principal, id: id, flash: flash))
        }
        for action in ["edit", "attendance"] {
            router.post(RouterPath("/meetings/:id/" + action)) { request, context in
                let principal = try context.requirePrincipal()
                let id = try Self.pathId(context, notFound: Catalogue.meetingNotFound)
                let form = context.form
                let version = Int(form.string("version")) ?? 0
                let inputs = Self.attendanceInputs(form)
                do {
                    if action == "edit" {
                        _ = try await services.meetings.update(principal, id: id, Self.meetingDraft(form), expectedVersion: version)
                    } else {
                        _ = try await services.meetings.saveAttendance(principal, id: id, inputs, expectedVersion: version)
                    }
                    return Responses.redirect(SiteURL.meeting(id) + "?saved=1")
                } catch DomainError.invalid(let message, let errors) {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(
                        try await meetingPage(ctx, principal, id: id, form: form, action: action, message: message, errors: errors),
                        status: .unprocessableContent)
                } catch DomainError.conflict(let message, let changes, _) {
                    let ctx = try await pageContext(request, context)
                    return Responses.html(
                        Layout.conflict(ctx, title: ctx.t(Catalogue.meetingsArea), message: message, changes: changes, retry: SiteURL.meeting(id)),
                        status: .conflict)
                }
            }
        }
    }

    static func meetingDraft(_ form: FormData) -> MeetingDraft {
        MeetingDraft(
            meetsOn: form.string("meets_on"), kind: form.string("kind"), topics: form.string("topics"), resolution: form.string("resolution"))
    }

    static func attendanceInputs(_ form: FormData) -> [AttendanceInput] {
        form.values.keys.filter { $0.hasPrefix("attendance_") }.compactMap { Int64($0.dropFirst("attendance_".count)) }.sorted().map { id in
            AttendanceInput(memberId: id, attendance: form.string("attendance_\(id)"), reason: form.string("reason_\(id)"))
        }
    }

    /// The cells of a dues grid: `dues_<member>_<month>` with `version_<member>_<month>`.
    static func duesInputs(_ form: FormData) -> [DuesInput] {
        form.values.keys.filter { $0.hasPrefix("dues_") }.compactMap { key -> DuesInput? in
            let parts = key.split(separator: "_")
            guard parts.count == 3, let member = Int64(parts[1]), let month = Int(parts[2]) else { return nil }
            return DuesInput(memberId: member, month: month, text: form.string(key), version: Int(form.string("version_\(member)_\(month)")) ?? 0)
        }.sorted { ($0.memberId, $0.month) < ($1.memberId, $1.month) }
    }

    static func meetingYear(_ text: String?) -> Int { text.flatMap { Int($0.trimmed) } ?? Timestamp.vietnamDate().year }

    static func meetingQuery(_ unit: String?, _ year: String?, principal: Principal) -> (unit: String, year: Int) {
        let code = (unit ?? "").trimmed
        return (code.isEmpty ? principal.unitCode : code, meetingYear(year))
    }

    func meetingFilter(_ ctx: PageContext, action: String, unit: String, year: Int) -> HTML {
        """
        <form method="get" action="\(action)" class="searchbar" id="meeting-filter">
        <div><label for="unit">\(ctx.t(Catalogue.meetingCell))</label><br><input type="text" id="unit" name="unit" value="\(unit)" maxlength="40"></div>
        <div><label for="year">\(ctx.t(Catalogue.meetingYear))</label><br><input type="text" inputmode="numeric" id="year" name="year" value="\(String(year))" maxlength="4" class="narrow"></div>
        <button type="submit">\(ctx.t(Catalogue.view))</button>
        </form>
        """
    }

    /// Assessment › the cell's meetings of the year › `last`.
    func meetingCrumbs(_ ctx: PageContext, unit: String, year: Int, last: String) -> [(String, String?)] {
        [
            (ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.meetingsArea), SiteURL.meetings(unit: unit, year: year)),
            (last, nil),
        ]
    }

    func meetingLinks(_ ctx: PageContext, unit: String, year: Int) -> HTML {
        """
        <div class="actions"><a class="button secondary" href="\(SiteURL.meetings(unit: unit, year: year))">\(ctx.t(Catalogue.meetingList))</a>
        <a class="button secondary" href="\(SiteURL.meetingDues(unit: unit, year: year))">\(ctx.t(Catalogue.duesTitle))</a>
        <a class="button secondary" href="\(SiteURL.with(SiteURL.meetingFlagged, [("unit", unit), ("year", String(year))]))">\(ctx.t(Catalogue.flaggedTitle))</a>
        <a class="button secondary" href="\(SiteURL.votes)">\(ctx.t(Catalogue.votesArea))</a></div>
        """
    }

    func meetingsPage(
        _ ctx: PageContext, _ principal: Principal, request: Request, form: FormData, message: Localized?, errors: [FieldError]
    )
        async throws -> HTML
    {
        let query = Self.meetingQuery(request.query("unit") ?? form["unit"], request.query("year"), principal: principal)
        let crumbs: [(String, String?)] = [(ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.meetingsArea), nil)]
        let year: MeetingYear
        do {
            year = try await services.meetings.year(principal, unitCode: query.unit, year: query.year)
        } catch DomainError.invalid(let refusal, let problems) {
            // Not a cell (say, the user's own province): the filter to pick one, and the subtree's flagged members.
            let body: HTML = """
                <h1>\(ctx.t(Catalogue.meetingsArea))</h1>
                \(meetingFilter(ctx, action: SiteURL.meetings, unit: query.unit, year: query.year))
                \(Self.voteErrors(ctx, refusal, problems.filter { $0.field != "unit" }))
                <p class="muted" id="meeting-pick-cell">\(ctx.t(Catalogue.meetingUnitKind))</p>
                \(meetingLinks(ctx, unit: query.unit, year: query.year))
                """
            return Layout.page(ctx, title: ctx.t(Catalogue.meetingsArea), breadcrumbs: crumbs, content: body)
        }
        let today = Timestamp.vietnamDate()
        let months: [HTML] = (1...12).map { month in
            let items: [HTML] = year.meetings(inMonth: month).map { m in
                let scheduled: HTML = m.meetsOn > today ? " (\(ctx.t(Catalogue.meetingScheduled)))" : .empty
                return "<li><a href=\"\(SiteURL.meeting(m.id))\">\(ctx.date(m.meetsOn))</a> — \(ctx.t(m.kind.label))\(scheduled)</li>"
            }
            let past = YearMonth(year: query.year, month: month)!.lastDay < today
            let missing: HTML = past && !year.hasRegular(inMonth: month) ? "<p class=\"muted\">\(ctx.t(Catalogue.meetingNoRegular))</p>" : .empty
            return
                "<div class=\"card\" id=\"month-\(month)\"><strong>\(ctx.t(Catalogue.monthName(month)))</strong><ul class=\"changes\">\(items)</ul>\(missing)</div>"
        }
        let rows: [HTML] = year.meetings.map { m in
            """
            <tr><td><a href="\(SiteURL.meeting(m.id))">\(ctx.date(m.meetsOn))</a></td><td>\(ctx.t(m.kind.label))</td><td>\(m.topics ?? "")</td></tr>
            """
        }
        let list: HTML =
            rows.isEmpty
            ? "<p id=\"meeting-list\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="meeting-list"><thead><tr><th>\(ctx.t(Catalogue.meetingDate))</th><th>\(ctx.t(Catalogue.meetingKindLabel))</th>
            <th>\(ctx.t(Catalogue.meetingTopics))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let title = ctx.t(Catalogue.meetingsArea) + " — " + year.unit.name + ", " + String(query.year)
        let newForm =
            principal.role.canWriteRecords
            ? meetingForm(ctx, unit: year.unit.code, meeting: nil, form: form, message: message, errors: errors) : HTML.empty
        let body: HTML = """
            <h1>\(title)</h1>
            \(meetingFilter(ctx, action: SiteURL.meetings, unit: year.unit.code, year: query.year))
            \(meetingLinks(ctx, unit: year.unit.code, year: query.year))
            <h2>\(ctx.t(Catalogue.meetingList))</h2>
            \(Self.exportLinks(ctx, SiteURL.meetings, [("unit", year.unit.code), ("year", String(query.year))]))
            \(list)
            <h2>\(ctx.t(Catalogue.meetingCalendar))</h2>
            <div class="cards" id="meeting-calendar">\(months)</div>
            \(newForm)
            """
        return Layout.page(ctx, title: title, breadcrumbs: crumbs, content: body)
    }

    func meetingForm(_ ctx: PageContext, unit: String, meeting: CellMeeting?, form: FormData, message: Localized?, errors: [FieldError]) -> HTML {
        func value(_ key: String, _ stored: String?) -> String { form[key] ?? stored ?? "" }
        let kinds = Self.vettingOptions(
            ctx, MeetingKind.allCases.map { ($0.rawValue, $0.label) }, selected: value("kind", meeting?.kind.rawValue ?? MeetingKind.monthly.rawValue)
        )
        let id = meeting == nil ? "meeting-new-form" : "meeting-edit-form"
        let hidden: HTML =
            meeting.map { "<input type=\"hidden\" name=\"version\" value=\"\(String($0.version))\">" }
            ?? "<input type=\"hidden\" name=\"unit\" value=\"\(unit)\">"
        return """
            <h2 id="\(meeting == nil ? "new" : "edit")">\(ctx.t(meeting == nil ? Catalogue.meetingNew : Catalogue.meetingEdit))</h2>
            \(Self.voteErrors(ctx, message, errors))
            <form method="post" action="\(meeting.map { SiteURL.meetingAction($0.id, "edit") } ?? SiteURL.meetings)" class="stacked" id="\(id)">\(ctx.csrfField)\(hidden)
            <label for="meets_on">\(ctx.t(Catalogue.meetingDate))</label>\(Self.dateInput(ctx, name: "meets_on", value: value("meets_on", meeting?.meetsOn.iso)))
            <label for="\(id)-kind">\(ctx.t(Catalogue.meetingKindLabel))</label><select id="\(id)-kind" name="kind">\(kinds)</select>
            <label for="\(id)-topics">\(ctx.t(Catalogue.meetingTopics))</label>
            <textarea id="\(id)-topics" name="topics" maxlength="4000" rows="3">\(value("topics", meeting?.topics))</textarea>
            <label for="\(id)-resolution">\(ctx.t(Catalogue.meetingResolution))</label>
            <textarea id="\(id)-resolution" name="resolution" maxlength="20000" rows="6">\(value("resolution", meeting?.resolution))</textarea>
            <div class="actions"><button type="submit">\(ctx.t(meeting == nil ? Catalogue.meetingNew : Catalogue.save))</button></div>
            </form>
            """
    }

    func meetingPage(
        _ ctx: PageContext, _ principal: Principal, id: Int64, flash: String? = nil, form: FormData = FormData(), action: String = "",
        message: Localized? = nil, errors: [FieldError] = []
    ) async throws -> HTML {
        let d = try await services.meetings.detail(principal, id: id)
        let m = d.meeting
        let history = try await services.meetings.history(principal, id: id)
        let canWrite = principal.role.canWriteRecords
        let wrong = Set(errors.map(\.field))
        let typed = action == "attendance"
        let rows: [HTML] = d.rows.enumerated().map { index, row in
            let chosen = typed ? Attendance.parse(form.string("attendance_\(String(row.memberId))")) : row.attendance
            let reason = typed ? form.string("reason_\(String(row.memberId))") : (row.reason ?? "")
            let invalid: HTML =
                wrong.contains("attendance_\(String(row.memberId))") || wrong.contains("reason_\(String(row.memberId))")
                ? HTML(raw: " class=\"invalid\"") : .empty
            let cells: HTML
            if canWrite && d.isHeld {
                let options: [HTML] =
                    [HTML("<option value=\"\"></option>")]
                    + Attendance.allCases.map { a in
                        "<option value=\"\(a.rawValue)\"\(HTML(raw: chosen == a ? " selected" : ""))>\(a.letter) — \(ctx.t(a.label))</option>"
                    }
                cells = """
                    <td><select name="attendance_\(String(row.memberId))" id="attendance_\(String(row.memberId))" aria-label="\(ctx.t(Catalogue.attendanceOf(row.name)))">\(options)</select></td>
                    <td><input type="text" name="reason_\(String(row.memberId))" value="\(reason)" maxlength="500" aria-label="\(ctx.t(Catalogue.meetingReason))"></td>
                    """
            } else {
                cells = "<td>\(row.attendance.map { ctx.t($0.label) } ?? "—")</td><td>\(row.reason ?? "")</td>"
            }
            return
                "<tr\(invalid)><td class=\"num\">\(index + 1)</td><td><a href=\"\(SiteURL.member(row.memberId))\">\(row.name)</a></td><td>\(row.cardNo ?? "")</td>\(cells)</tr>"
        }
        let counts = d.counts
        let summary: [HTML] = Attendance.allCases.map { a in
            "<dt>\(ctx.t(a.label))</dt><dd id=\"count-\(a.rawValue)\">\(ctx.number(counts[a] ?? 0))</dd>"
        }
        let grid: HTML = """
            <table id="attendance-grid"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th>
            <th>\(ctx.t(Catalogue.meetingAttendanceTitle))</th><th>\(ctx.t(Catalogue.meetingReason))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
        let attendance: HTML
        if !d.isHeld {
            attendance = "<p class=\"muted\" id=\"attendance-later\">\(ctx.t(Catalogue.attendanceBeforeMeeting))</p>"
        } else if canWrite && !d.rows.isEmpty {
            attendance = """
                <p class="muted">\(ctx.t(Catalogue.meetingAttendanceHelp))</p>
                \(action == "attendance" ? Self.voteErrors(ctx, message, errors) : HTML.empty)
                <form method="post" action="\(SiteURL.meetingAction(m.id, "attendance"))" id="attendance-form">\(ctx.csrfField)
                <input type="hidden" name="version" value="\(String(m.version))">
                \(grid)
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                </form>
                """
        } else {
            attendance = d.rows.isEmpty ? "<p>\(ctx.t(Catalogue.noRecords))</p>" : grid
        }
        let title = ctx.t(m.kind.label) + " — " + m.unitName + ", " + ctx.date(m.meetsOn)
        let edit = action == "edit"
        let editForm =
            canWrite
            ? meetingForm(ctx, unit: m.unitCode, meeting: m, form: edit ? form : FormData(), message: edit ? message : nil, errors: edit ? errors : [])
            : HTML.empty
        let body: HTML = """
            <h1>\(title)</h1>
            <dl class="facts" id="meeting-facts">
            <dt>\(ctx.t(Catalogue.meetingCell))</dt><dd><a href="\(SiteURL.meetings(unit: m.unitCode, year: m.meetsOn.year))">\(m.unitName)</a></dd>
            <dt>\(ctx.t(Catalogue.meetingDate))</dt><dd>\(ctx.date(m.meetsOn))</dd>
            <dt>\(ctx.t(Catalogue.meetingKindLabel))</dt><dd>\(ctx.t(m.kind.label))</dd>
            <dt>\(ctx.t(Catalogue.meetingTopics))</dt><dd id="meeting-topics">\(m.topics ?? "")</dd>
            <dt>\(ctx.t(Catalogue.meetingResolution))</dt><dd id="meeting-resolution" class="pre">\(m.resolution ?? "")</dd>
            </dl>
            <h2>\(ctx.t(Catalogue.meetingAttendanceTitle))</h2>
            <dl class="facts" id="attendance-counts">\(summary)</dl>
            \(attendance)
            \(editForm)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: meetingCrumbs(ctx, unit: m.unitCode, year: m.meetsOn.year, last: ctx.date(m.meetsOn)), flash: flash,
            content: body)
    }

    func duesPage(
        _ ctx: PageContext, _ principal: Principal, _ grid: DuesGrid, typed: [String: String], message: Localized?, errors: [FieldError],
        flash: String?
    )
        async throws -> HTML
    {
        let canWrite = principal.role.canWriteRecords
        let wrong = Set(errors.map(\.field))
        let rows: [HTML] = grid.rows.enumerated().map { index, row in
            let cells: [HTML] = (1...12).map { month in
                let stored = row.months[month]
                let key = "\(String(row.memberId))_\(month)"
                let shown = typed[key] ?? stored?.mark.text ?? ""
                guard canWrite else { return "<td class=\"num\">\(shown)</td>" }
                let invalid: HTML = wrong.contains("dues_" + key) ? HTML(raw: " aria-invalid=\"true\"") : .empty
                return """
                    <td><input type="text" name="dues_\(key)" value="\(shown)" maxlength="12" size="6" aria-label="\(ctx.t(Catalogue.duesOf(row.name, month)))"\(invalid)><input type="hidden" name="version_\(key)" value="\(String(stored?.version ?? 0))"></td>
                    """
            }
            return "<tr><td class=\"num\">\(index + 1)</td><td><a href=\"\(SiteURL.member(row.memberId))\">\(row.name)</a></td>\(cells)</tr>"
        }
        let totals: [HTML] = (1...12).map { month in
            let paid = grid.paid(inMonth: month)
            return "<td class=\"num\">\(ctx.number(paid.count))\(paid.amount > 0 ? HTML("<br>\(ctx.number(paid.amount))") : HTML.empty)</td>"
        }
        let heads: [HTML] = (1...12).map { "<th>\(ctx.t(Catalogue.monthShort($0)))</th>" }
        let table: HTML = """
            <table id="dues-grid"><thead><tr><th>#</th><th>\(ctx.t(Catalogue.fullName))</th>\(heads)</tr></thead><tbody>\(rows)</tbody>
            <tfoot><tr><th colspan="2">\(ctx.t(Catalogue.total))</th>\(totals)</tr></tfoot></table>
            """
        let content: HTML =
            grid.rows.isEmpty
            ? "<p>\(ctx.t(Catalogue.noRecords))</p>"
            : canWrite
                ? """
                <form method="post" action="\(SiteURL.meetingDues)" id="dues-form">\(ctx.csrfField)
                <input type="hidden" name="unit" value="\(grid.unit.code)"><input type="hidden" name="year" value="\(String(grid.year))">
                \(table)
                <div class="actions"><button type="submit">\(ctx.t(Catalogue.save))</button></div>
                </form>
                """ : table
        let history = try await services.meetings.duesHistory(principal, unitCode: grid.unit.code, year: grid.year)
        let title = ctx.t(Catalogue.duesTitleOf(grid.unit.name, grid.year))
        let body: HTML = """
            <h1>\(title)</h1>
            \(meetingFilter(ctx, action: SiteURL.meetingDues, unit: grid.unit.code, year: grid.year))
            \(meetingLinks(ctx, unit: grid.unit.code, year: grid.year))
            <link rel="stylesheet" href="\(SiteURL.votesCSS)">
            <p class="muted">\(ctx.t(Catalogue.duesHelp))</p>
            \(Self.exportLinks(ctx, SiteURL.meetingDues, [("unit", grid.unit.code), ("year", String(grid.year))]))
            \(Self.voteErrors(ctx, message, errors))
            \(content)
            <h2>\(ctx.t(Catalogue.history))</h2>
            \(Layout.history(ctx, history))
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: meetingCrumbs(ctx, unit: grid.unit.code, year: grid.year, last: ctx.t(Catalogue.duesTitle)), flash: flash,
            content: body)
    }

    func flaggedPage(_ ctx: PageContext, _ list: FlaggedList, unit: String) -> HTML {
        let parameters = [("unit", unit), ("year", String(list.year))]
        let months = { (m: [Int]) -> String in m.map { ctx.t(Catalogue.monthShort($0)) }.joined(separator: ", ") }
        let rows: [HTML] = list.page.items.map { f in
            """
            <tr><td><a href="\(SiteURL.member(f.memberId))">\(f.name)</a></td><td>\(f.cardNo ?? "")</td>
            <td><a href="\(SiteURL.meetings(unit: f.unitCode, year: list.year))">\(f.unitName)</a></td>
            <td>\(months(f.standing.absenceMonths))</td><td>\(months(f.standing.unpaidMonths))</td><td class="num">\(ctx.number(f.standing.months.count))</td></tr>
            """
        }
        let table: HTML =
            rows.isEmpty
            ? "<p id=\"flagged-members\">\(ctx.t(Catalogue.noRecords))</p>"
            : """
            <table id="flagged-members"><thead><tr><th>\(ctx.t(Catalogue.fullName))</th><th>\(ctx.t(Catalogue.cardNo))</th><th>\(ctx.t(Catalogue.meetingCell))</th>
            <th>\(ctx.t(Catalogue.flaggedAbsences))</th><th>\(ctx.t(Catalogue.flaggedUnpaid))</th><th>\(ctx.t(Catalogue.flaggedMonths))</th></tr></thead>
            <tbody>\(rows)</tbody></table>
            """
        let title = ctx.t(Catalogue.flaggedTitle) + " — " + String(list.year)
        let body: HTML = """
            <h1>\(title)</h1>
            <p class="muted">\(ctx.t(Catalogue.flaggedHelp(list.rules.flagMonths, list.rules.regulation)))</p>
            <form method="get" action="\(SiteURL.meetingFlagged)" class="searchbar">
            \(unitField(ctx, unit))
            <div><label for="year">\(ctx.t(Catalogue.meetingYear))</label><br><input type="text" inputmode="numeric" id="year" name="year" value="\(String(list.year))" maxlength="4" class="narrow"></div>
            <button type="submit">\(ctx.t(Catalogue.view))</button>
            </form>
            \(Self.exportLinks(ctx, SiteURL.meetingFlagged, parameters))
            \(table)
            \(Layout.pager(ctx, page: list.page.page, pageCount: list.page.pageCount, total: list.page.total) {
                SiteURL.with(SiteURL.meetingFlagged, parameters + [("page", $0 > 1 ? String($0) : "")])
            })
            """
        return Layout.page(
            ctx, title: title, breadcrumbs: [(ctx.t(Catalogue.areaAssessment), SiteURL.assessment), (ctx.t(Catalogue.flaggedTitle), nil)],
            content: body)
    }
}
