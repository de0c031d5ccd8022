import Testing
import ToChucDomain

/// Political-standard vetting (thẩm định tiêu chuẩn chính trị, DOMAIN.md §3): received → verifying → concluded (meets /
/// does not meet), a deadline in working days (weekends and the holidays of Bộ luật Lao động 2019, Điều 112, excluded),
/// nothing going back except by a correction with a reason, details for the roles that handle cases (DOMAIN.md §6).
@Suite struct VettingTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static let today = date("2026-11-20")
    static let received = date("2026-10-01")
    static let outcome = VettingOutcome(conclusion: .meets, concludedOn: date("2026-11-10"), documentNo: "123-CV/BTCTU")
    static let concluded = VettingState(status: .concluded, outcome: outcome)
    static let verifying = VettingState(status: .verifying)
    static func draft(_ conclusion: String = "meets", _ on: String = "2026-11-10", _ document: String = "123-CV/BTCTU") -> VettingOutcomeDraft {
        VettingOutcomeDraft(conclusion: conclusion, concludedOn: on, documentNo: document)
    }

    // MARK: Deadlines

    @Test(
        "the default deadline is N working days after the day of receipt (which does not count): weekends and holidays skipped",
        arguments: [
            ("2026-11-02", 30, "2026-12-14"),  // Monday + 30 working days: six weeks later, a Monday.
            ("2026-11-06", 1, "2026-11-09"),  // Friday → Monday.
            ("2026-11-07", 1, "2026-11-09"),  // received on a Saturday: the Monday is the first working day.
            ("2026-02-13", 1, "2026-02-23"),  // Tết 2026 (16–20/2) is skipped.
            ("2026-04-29", 1, "2026-05-04"),  // 30/4 and 1/5, then the weekend.
            ("2026-08-31", 1, "2026-09-03"),  // 1/9 and 2/9.
            ("2026-11-02", 0, "2026-11-02"),
        ])
    func defaultDeadline(received: String, days: Int, expected: String) {
        #expect(VettingRules.defaultDeadline(receivedOn: Self.date(received), workingDays: days) == Self.date(expected))
    }

    @Test(
        "overdue from the day after the deadline — the deadline day itself is in time; due soon within the warning's working days",
        arguments: [
            ("2026-12-14", "2026-12-14", 5, VettingDue.dueSoon),  // the deadline day: not overdue
            ("2026-12-14", "2026-12-15", 5, .overdue),  // the next working day: overdue
            ("2026-12-11", "2026-12-12", 5, .overdue),  // a Friday deadline: overdue on the Saturday already
            ("2026-12-14", "2026-12-07", 5, .dueSoon),  // exactly 5 working days before
            ("2026-12-14", "2026-12-04", 5, .onTime),  // 6 working days before
            ("2026-12-14", "2026-12-05", 5, .onTime),  // a Saturday: five working days reach the Friday only
            ("2026-02-24", "2026-02-13", 2, .dueSoon),  // Tết between: 23/2 and 24/2 are the next two working days
            ("2026-02-24", "2026-02-12", 2, .onTime),
            ("2026-12-14", "2026-12-14", 0, .dueSoon),
            ("2026-12-14", "2026-12-11", 0, .onTime),
        ])
    func due(deadline: String, today: String, warning: Int, expected: VettingDue) {
        let due = VettingRules.due(status: .verifying, deadline: Self.date(deadline), today: Self.date(today), warningWorkingDays: warning)
        #expect(due == expected)
    }

    @Test("a concluded case is never overdue, whatever the date", arguments: [VettingStatus.received, .verifying, .concluded])
    func concludedIsNotDue(status: VettingStatus) {
        let due = VettingRules.due(status: status, deadline: Self.date("2026-01-05"), today: Self.today, warningWorkingDays: 5)
        #expect(due == (status == .concluded ? .concluded : .overdue))
    }

    // MARK: The state machine

    /// What a step gives: the new status, or the field the refusal names.
    enum Expected: Sendable, Equatable {
        case status(VettingStatus)
        case refused(String)
    }

    @Test(
        "received → verifying → concluded, each step from its own status only; a conclusion needs its conclusion, date and document",
        arguments: [
            (VettingState.received, VettingStep.startVerifying, Expected.status(.verifying)),
            (verifying, .startVerifying, .refused("status")),
            (concluded, .startVerifying, .refused("status")),
            (.received, .conclude(draft()), .refused("status")),  // verify first
            (verifying, .conclude(draft()), .status(.concluded)),
            (verifying, .conclude(draft("does_not_meet")), .status(.concluded)),
            (verifying, .conclude(draft("Không đạt")), .status(.concluded)),
            (verifying, .conclude(draft("meets", "2026-11-10", "  ")), .refused("document_no")),
            (verifying, .conclude(draft("")), .refused("conclusion")),
            (verifying, .conclude(draft("maybe")), .refused("conclusion")),
            (verifying, .conclude(draft("meets", "")), .refused("concluded_on")),
            (verifying, .conclude(draft("meets", "2026-09-30")), .refused("concluded_on")),  // before receipt
            (verifying, .conclude(draft("meets", "2026-10-01")), .status(.concluded)),  // the day of receipt
            (verifying, .conclude(draft("meets", "2026-11-20")), .status(.concluded)),  // today
            (verifying, .conclude(draft("meets", "2026-11-21")), .refused("concluded_on")),  // tomorrow
            (concluded, .conclude(draft()), .refused("status")),
        ])
    func forward(state: VettingState, step: VettingStep, expected: Expected) {
        Self.check(state, step, expected)
    }

    @Test(
        "nothing goes back except by a correction with a reason; a concluded case is reopened or amended only that way",
        arguments: [
            (verifying, VettingStep.correct(to: .received, outcome: VettingOutcomeDraft(), reason: "Nhận nhầm hồ sơ"), Expected.status(.received)),
            (verifying, .correct(to: .received, outcome: VettingOutcomeDraft(), reason: "  "), .refused("reason")),
            (concluded, .correct(to: .verifying, outcome: VettingOutcomeDraft(), reason: "Có đơn tố cáo mới, xác minh lại"), .status(.verifying)),
            (concluded, .correct(to: .received, outcome: VettingOutcomeDraft(), reason: "Kết luận nhầm người"), .status(.received)),
            (concluded, .correct(to: .concluded, outcome: draft("does_not_meet", "2026-11-12", "130-CV/BTCTU"), reason: "Sửa kết luận"), .status(.concluded)),
            (concluded, .correct(to: .concluded, outcome: draft(), reason: "Không đổi gì"), .refused("status")),
            (concluded, .correct(to: .concluded, outcome: draft("meets", "2026-11-10", ""), reason: "Thiếu văn bản"), .refused("document_no")),
            (VettingState.received, .correct(to: .verifying, outcome: VettingOutcomeDraft(), reason: "Tiến lên"), .refused("status")),
            (.received, .correct(to: .received, outcome: VettingOutcomeDraft(), reason: "Không đổi"), .refused("status")),
            (verifying, .correct(to: .concluded, outcome: draft(), reason: "Kết luận qua đính chính"), .refused("status")),
        ])
    func corrections(state: VettingState, step: VettingStep, expected: Expected) {
        Self.check(state, step, expected)
    }

    static func check(_ state: VettingState, _ step: VettingStep, _ expected: Expected) {
        switch (VettingRules.next(state, step, receivedOn: received, today: today), expected) {
        case (.success(let next), .status(let status)):
            #expect(next.status == status)
            #expect((next.outcome != nil) == (status == .concluded), "a conclusion exactly when concluded")
        case (.failure(.invalid(let message, let errors)), .refused(let field)):
            #expect(message == Catalogue.vettingStepRefused)
            #expect(errors.map(\.field).contains(field), "\(errors.map(\.field))")
        case (let result, _):
            Issue.record("\(result) instead of \(expected)")
        }
    }

    @Test("a reopened case loses its conclusion; an amended one carries the new conclusion, date and document")
    func correctionValues() throws {
        let reopened = try VettingRules.next(
            Self.concluded, .correct(to: .verifying, outcome: Self.draft(), reason: "Xác minh lại"), receivedOn: Self.received, today: Self.today
        ).get()
        #expect(reopened == VettingState(status: .verifying))
        let amended = try VettingRules.next(
            Self.concluded, .correct(to: .concluded, outcome: Self.draft("không đạt", "12/11/2026", " 130-CV/BTCTU "), reason: "Sửa"),
            receivedOn: Self.received, today: Self.today
        ).get()
        #expect(amended.outcome == VettingOutcome(conclusion: .doesNotMeet, concludedOn: Self.date("2026-11-12"), documentNo: "130-CV/BTCTU"))
        #expect(VettingRules.isCorrection(from: Self.concluded, to: reopened))
        #expect(VettingRules.isCorrection(from: Self.concluded, to: amended))
        #expect(!VettingRules.isCorrection(from: Self.verifying, to: Self.concluded))
        #expect(!VettingRules.isCorrection(from: .received, to: Self.verifying))
    }

    // MARK: Values and fields

    @Test(
        "purposes, statuses and conclusions read their keys and their Vietnamese labels, accents optional",
        arguments: [
            ("Quy hoạch", "planning"), ("bo nhiem", "appointment"), ("Ứng cử", "candidacy"), ("Kết nạp Đảng", "admission"), ("ket nap", "admission"),
            ("Công nhận đảng viên chính thức", "recognition"), ("Đi nước ngoài", "travel_abroad"), ("travel_abroad", "travel_abroad"), ("Khác", "other"),
        ])
    func purposes(text: String, key: String) {
        #expect(VettingPurpose.parse(text)?.rawValue == key)
    }

    @Test("conclusions: đạt / không đạt and their long forms", arguments: [
        ("meets", VettingConclusion.meets), ("Đạt", .meets), ("đạt tiêu chuẩn chính trị", .meets), ("does_not_meet", .doesNotMeet),
        ("Không đạt", .doesNotMeet), ("KHÔNG ĐẠT TIÊU CHUẨN CHÍNH TRỊ", .doesNotMeet),
    ])
    func conclusions(text: String, expected: VettingConclusion) {
        #expect(VettingConclusion.parse(text) == expected)
        #expect(VettingStatus.parse("Đã kết luận") == .concluded && VettingStatus.parse("verifying") == .verifying)
        #expect(VettingConclusion.parse("có thể") == nil && VettingPurpose.parse("du lịch") == nil)
    }

    @Test("a case's own fields: receipt defaults to today and is not in the future; the deadline is not before it")
    func fields() throws {
        let valid = try VettingRules.check(purpose: "Đi nước ngoài", receivedOn: "", deadline: "", note: " Đi học ", today: Self.today).get()
        #expect(valid == ValidVettingCase(purpose: .travelAbroad, receivedOn: Self.today, deadline: nil, note: "Đi học"))
        func fields(_ purpose: String, _ received: String, _ deadline: String) -> [String] {
            guard case .failure(.invalid(_, let errors)) = VettingRules.check(purpose: purpose, receivedOn: received, deadline: deadline, note: "", today: Self.today)
            else { return [] }
            return errors.map(\.field)
        }
        #expect(fields("", "2026-10-01", "") == ["purpose"])
        #expect(fields("du lịch", "2026-10-01", "") == ["purpose"])
        #expect(fields("planning", "2026-11-21", "") == ["received_on"])
        #expect(fields("planning", "31/02/2026", "") == ["received_on"])
        #expect(fields("planning", "2026-10-01", "2026-09-30") == ["deadline"])
        #expect(fields("planning", "2026-10-01", "2026-10-01").isEmpty)
    }

    @Test("DOMAIN.md §6: case details for clerks, heads and administrators; a viewer sees counts only", arguments: Role.allCases)
    func details(role: Role) {
        #expect(VettingRules.seesDetails(role) == (role != .viewer))
    }

    @Test(
        "the settings: a deadline of 1 to 365 working days, a warning of 0 to 60",
        arguments: [("30", "5", true), ("1", "0", true), ("365", "60", true), ("0", "5", false), ("366", "5", false), ("30", "61", false), ("x", "5", false)])
    func settings(deadline: String, warning: String, valid: Bool) {
        let result = VettingSettings.check(deadlineWorkingDays: deadline, warningWorkingDays: warning)
        #expect(((try? result.get()) != nil) == valid)
        #expect(VettingSettings.standard == VettingSettings(deadlineWorkingDays: 30, warningWorkingDays: 5))
    }
}
