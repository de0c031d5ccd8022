/// Political-standard vetting (thẩm định tiêu chuẩn chính trị, bảo vệ chính trị nội bộ; DOMAIN.md §3): a case per person
/// and purpose, received → verifying → concluded (meets / does not meet the standard), with a deadline. The state machine,
/// the deadline and the due state are plain functions here; the service stores and audits what they allow.

/// Why a person is vetted (DOMAIN.md §3). Keys are stored; labels are shown.
public enum VettingPurpose: String, Sendable, CaseIterable, Codable {
    /// Quy hoạch.
    case planning
    /// Bổ nhiệm, giới thiệu ứng cử vào chức vụ.
    case appointment
    /// Ứng cử (đại biểu, cấp ủy).
    case candidacy
    /// Kết nạp Đảng.
    case admission
    /// Công nhận đảng viên chính thức.
    case recognition
    /// Đi nước ngoài.
    case travelAbroad = "travel_abroad"
    case other

    /// Quy hoạch / Bổ nhiệm / Ứng cử / Kết nạp Đảng / Công nhận đảng viên chính thức / Đi nước ngoài / Khác.
    public var label: Localized { Catalogue.vettingPurpose(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> VettingPurpose? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: VettingPurpose] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [("ket nap", .admission), ("cong nhan chinh thuc", .recognition), ("nuoc ngoai", .travelAbroad), ("bo nhiem", .appointment)],
        uniquingKeysWith: { a, _ in a })
}

/// Where a case stands. Each step forward is its own action; going back is a correction with a reason.
public enum VettingStatus: String, Sendable, CaseIterable, Codable, Comparable {
    /// Đã tiếp nhận.
    case received
    /// Đang thẩm tra, xác minh.
    case verifying
    /// Đã kết luận.
    case concluded

    public var label: Localized { Catalogue.vettingStatus(self) }

    private var rank: Int { Self.allCases.firstIndex(of: self)! }
    public static func < (lhs: VettingStatus, rhs: VettingStatus) -> Bool { lhs.rank < rhs.rank }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> VettingStatus? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: VettingStatus] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// The conclusion of a case: the person meets the political standard, or does not.
public enum VettingConclusion: String, Sendable, CaseIterable, Codable {
    case meets
    case doesNotMeet = "does_not_meet"

    /// Đạt tiêu chuẩn chính trị / Không đạt tiêu chuẩn chính trị.
    public var label: Localized { Catalogue.vettingConclusion(self) }

    /// The key, the label or its short forms (đạt, không đạt, đủ, không đủ), ignoring case and diacritics.
    public static func parse(_ text: String) -> VettingConclusion? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: VettingConclusion] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [("dat", .meets), ("du", .meets), ("du tieu chuan", .meets), ("khong dat", .doesNotMeet), ("khong du", .doesNotMeet),
               ("khong du tieu chuan", .doesNotMeet)],
        uniquingKeysWith: { a, _ in a })
}

/// What a conclusion says and what it rests on.
public struct VettingOutcome: Sendable, Hashable {
    public let conclusion: VettingConclusion
    public let concludedOn: CivilDate
    /// The document the conclusion rests on, e.g. `123-CV/BTCTU`.
    public let documentNo: String

    public init(conclusion: VettingConclusion, concludedOn: CivilDate, documentNo: String) {
        self.conclusion = conclusion
        self.concludedOn = concludedOn
        self.documentNo = documentNo
    }
}

/// A conclusion as typed in a form, a request or a file, before it is checked.
public struct VettingOutcomeDraft: Sendable, Equatable {
    public var conclusion = ""
    public var concludedOn = ""
    public var documentNo = ""

    public init(conclusion: String = "", concludedOn: String = "", documentNo: String = "") {
        self.conclusion = conclusion
        self.concludedOn = concludedOn
        self.documentNo = documentNo
    }
}

/// The status of a case with its conclusion: `outcome` is set exactly when the case is concluded.
public struct VettingState: Sendable, Hashable {
    public let status: VettingStatus
    public let outcome: VettingOutcome?

    public init(status: VettingStatus, outcome: VettingOutcome? = nil) {
        self.status = status
        self.outcome = status == .concluded ? outcome : nil
    }

    public static let received = VettingState(status: .received)
}

/// One change of a case's state.
public enum VettingStep: Sendable, Equatable {
    /// received → verifying.
    case startVerifying
    /// verifying → concluded, with the conclusion, its date and its document.
    case conclude(VettingOutcomeDraft)
    /// Back to an earlier status (a concluded case reopened), or a concluded case's conclusion amended; always with a
    /// reason, recorded in the history.
    case correct(to: VettingStatus, outcome: VettingOutcomeDraft, reason: String)
}

/// How a case stands against its deadline on a day.
public enum VettingDue: String, Sendable, CaseIterable, Codable {
    /// Concluded: no longer due.
    case concluded
    case onTime = "on_time"
    /// Not concluded, the deadline within the warning's working days (the deadline day itself included).
    case dueSoon = "due_soon"
    /// Not concluded, the deadline passed.
    case overdue

    public var label: Localized { Catalogue.vettingDue(self) }
}

/// The administrator's settings of vetting: the default deadline and the warning before it, in working days.
public struct VettingSettings: Sendable, Hashable {
    /// Working days from receipt to the default deadline.
    public let deadlineWorkingDays: Int
    /// A case is "due soon" when its deadline is within this many working days.
    public let warningWorkingDays: Int

    public init(deadlineWorkingDays: Int = 30, warningWorkingDays: Int = 5) {
        self.deadlineWorkingDays = deadlineWorkingDays
        self.warningWorkingDays = warningWorkingDays
    }

    /// 30 working days to conclude, a warning 5 working days before: a default of this system (no regulation fixes
    /// one figure for every purpose), which an administrator changes.
    public static let standard = VettingSettings()

    public static let deadlineRange = 1...365
    public static let warningRange = 0...60

    /// Both figures as typed: whole numbers in their ranges.
    public static func check(deadlineWorkingDays: String, warningWorkingDays: String) -> Result<VettingSettings, DomainError> {
        var errors: [FieldError] = []
        func number(_ field: String, _ text: String, _ range: ClosedRange<Int>) -> Int {
            guard let n = Int(text.trimmed), range.contains(n) else {
                errors.append(FieldError(field, Catalogue.outOfRange(range.lowerBound, range.upperBound)))
                return 0
            }
            return n
        }
        let deadline = number("deadline_working_days", deadlineWorkingDays, deadlineRange)
        let warning = number("warning_working_days", warningWorkingDays, warningRange)
        guard errors.isEmpty else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(VettingSettings(deadlineWorkingDays: deadline, warningWorkingDays: warning))
    }
}

/// The fields of a case other than the person, as checked.
public struct ValidVettingCase: Sendable, Equatable {
    public let purpose: VettingPurpose
    public let receivedOn: CivilDate
    /// nil: the default (`VettingRules.defaultDeadline`).
    public let deadline: CivilDate?
    public let note: String

    public init(purpose: VettingPurpose, receivedOn: CivilDate, deadline: CivilDate?, note: String) {
        self.purpose = purpose
        self.receivedOn = receivedOn
        self.deadline = deadline
        self.note = note
    }
}

/// The rules of vetting cases as pure functions.
public enum VettingRules {
    public static let maximumDocumentLength = 100
    public static let maximumNoteLength = 2000
    public static let maximumReasonLength = 500

    /// DOMAIN.md §6 and issue 5: a case's details (the person, the conclusion, its document, notes) are for the roles that
    /// handle cases — clerks, heads and administrators of the handling unit's subtree; a viewer sees counts only.
    public static func seesDetails(_ role: Role) -> Bool { role >= .clerk }

    /// The default deadline: `workingDays` working days after the day of receipt (which does not count), on the
    /// holiday calendar (`HolidayCalendar`), like the other deadlines "within N working days" of DOMAIN.md §2.
    public static func defaultDeadline(receivedOn: CivilDate, workingDays: Int, calendar: HolidayCalendar = .vietnam) -> CivilDate {
        calendar.adding(workingDays: workingDays, to: receivedOn)
    }

    /// How a case stands on `today`: overdue from the day after its deadline (the deadline day itself is still in time);
    /// due soon when the deadline is at most `warningWorkingDays` working days away (`HolidayCalendar.adding`).
    public static func due(
        status: VettingStatus, deadline: CivilDate, today: CivilDate, warningWorkingDays: Int, calendar: HolidayCalendar = .vietnam
    ) -> VettingDue {
        if status == .concluded { return .concluded }
        if today > deadline { return .overdue }
        if deadline <= calendar.adding(workingDays: warningWorkingDays, to: today) { return .dueSoon }
        return .onTime
    }

    /// The end of the warning window: an open case whose deadline lies in `[today, dueSoonUntil]` is due soon.
    public static func dueSoonUntil(today: CivilDate, warningWorkingDays: Int, calendar: HolidayCalendar = .vietnam) -> CivilDate {
        calendar.adding(workingDays: warningWorkingDays, to: today)
    }

    /// The case's own fields as typed: purpose (key or label), the day of receipt (empty = `today`; not in the future),
    /// the deadline (empty = the default; not before receipt), the note (at most 2,000 characters).
    public static func check(
        purpose: String, receivedOn: String, deadline: String, note: String, today: CivilDate
    ) -> Result<ValidVettingCase, DomainError> {
        var errors: [FieldError] = []
        let parsedPurpose = VettingPurpose.parse(purpose)
        if purpose.trimmed.isEmpty {
            errors.append(FieldError("purpose", Catalogue.required))
        } else if parsedPurpose == nil {
            errors.append(FieldError("purpose", Catalogue.unknownValue(purpose)))
        }
        let received = receivedOn.trimmed.isEmpty ? today : CivilDate(parsing: receivedOn.trimmed)
        if received == nil { errors.append(FieldError("received_on", Catalogue.invalidDate(receivedOn))) }
        if let received, received > today { errors.append(FieldError("received_on", Catalogue.dateInFuture)) }
        var due: CivilDate? = nil
        if !deadline.trimmed.isEmpty {
            due = CivilDate(parsing: deadline.trimmed)
            if due == nil { errors.append(FieldError("deadline", Catalogue.invalidDate(deadline))) }
        }
        if let due, let received, due < received { errors.append(FieldError("deadline", Catalogue.vettingDeadlineBeforeReceipt)) }
        if note.trimmed.count > maximumNoteLength { errors.append(FieldError("note", Catalogue.tooLong(maximumNoteLength))) }
        guard errors.isEmpty, let parsedPurpose, let received else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ValidVettingCase(purpose: parsedPurpose, receivedOn: received, deadline: due, note: note.trimmed))
    }

    /// A conclusion as typed: which one (required), its date (required, not before the receipt, not in the future) and
    /// the document it rests on (required — a conclusion stands on a document — at most 100 characters).
    public static func checkOutcome(_ draft: VettingOutcomeDraft, receivedOn: CivilDate, today: CivilDate) -> Result<VettingOutcome, DomainError> {
        var errors: [FieldError] = []
        let conclusion = VettingConclusion.parse(draft.conclusion)
        if draft.conclusion.trimmed.isEmpty {
            errors.append(FieldError("conclusion", Catalogue.vettingConclusionRequired))
        } else if conclusion == nil {
            errors.append(FieldError("conclusion", Catalogue.unknownValue(draft.conclusion)))
        }
        let date = CivilDate(parsing: draft.concludedOn.trimmed)
        if draft.concludedOn.trimmed.isEmpty {
            errors.append(FieldError("concluded_on", Catalogue.required))
        } else if date == nil {
            errors.append(FieldError("concluded_on", Catalogue.invalidDate(draft.concludedOn)))
        }
        if let date, date > today { errors.append(FieldError("concluded_on", Catalogue.dateInFuture)) }
        if let date, date < receivedOn { errors.append(FieldError("concluded_on", Catalogue.vettingConcludedBeforeReceipt)) }
        let document = draft.documentNo.trimmed
        if document.isEmpty { errors.append(FieldError("document_no", Catalogue.vettingDocumentRequired)) }
        if document.count > maximumDocumentLength { errors.append(FieldError("document_no", Catalogue.tooLong(maximumDocumentLength))) }
        guard errors.isEmpty, let conclusion, let date else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(VettingOutcome(conclusion: conclusion, concludedOn: date, documentNo: document))
    }

    /// The state after `step`, or why the step is refused:
    /// - verifying starts only from received; a conclusion is recorded only while verifying, and only with its
    ///   conclusion, date and document (`checkOutcome`);
    /// - nothing goes back except by a correction, which needs a reason and goes to an earlier status (a concluded case
    ///   reopened: its conclusion is cleared) or amends the conclusion of a concluded case; a correction that would move
    ///   forward, or change nothing, is refused (the forward steps are their own actions).
    public static func next(
        _ state: VettingState, _ step: VettingStep, receivedOn: CivilDate, today: CivilDate
    ) -> Result<VettingState, DomainError> {
        func refuse(_ field: String, _ message: Localized) -> Result<VettingState, DomainError> {
            .failure(.invalid(Catalogue.vettingStepRefused, [FieldError(field, message)]))
        }
        switch step {
        case .startVerifying:
            guard state.status == .received else { return refuse("status", Catalogue.vettingCannotStart(state.status)) }
            return .success(VettingState(status: .verifying))
        case .conclude(let draft):
            guard state.status == .verifying else { return refuse("status", Catalogue.vettingCannotConclude(state.status)) }
            return checkOutcome(draft, receivedOn: receivedOn, today: today).map { VettingState(status: .concluded, outcome: $0) }.mapError { error in
                guard case .invalid(_, let errors) = error else { return error }
                return .invalid(Catalogue.vettingStepRefused, errors)
            }
        case .correct(let target, let draft, let reason):
            var errors: [FieldError] = []
            if reason.trimmed.isEmpty { errors.append(FieldError("reason", Catalogue.vettingCorrectionNeedsReason)) }
            if reason.trimmed.count > maximumReasonLength { errors.append(FieldError("reason", Catalogue.tooLong(maximumReasonLength))) }
            var result = VettingState(status: target)
            if target > state.status {
                errors.append(FieldError("status", Catalogue.vettingCorrectionForward(target)))
            } else if target == .concluded {
                switch checkOutcome(draft, receivedOn: receivedOn, today: today) {
                case .success(let outcome):
                    result = VettingState(status: .concluded, outcome: outcome)
                    if outcome == state.outcome { errors.append(FieldError("status", Catalogue.vettingCorrectionChangesNothing)) }
                case .failure(.invalid(_, let outcomeErrors)): errors += outcomeErrors
                case .failure(let error): return .failure(error)
                }
            } else if target == state.status {
                errors.append(FieldError("status", Catalogue.vettingCorrectionChangesNothing))
            }
            guard errors.isEmpty else { return .failure(.invalid(Catalogue.vettingStepRefused, errors)) }
            return .success(result)
        }
    }

    /// Whether going from `old` to `new` is a correction (backwards, or a conclusion amended) rather than a step forward:
    /// what an import must record as a correction.
    public static func isCorrection(from old: VettingState, to new: VettingState) -> Bool {
        new.status < old.status || (old.status == .concluded && new.status == .concluded && old.outcome != new.outcome)
    }
}

/// The columns of `vetting_cases.csv` (docs/interchange.md). Key: the person, `purpose` and `received_on`.
public enum VettingCasesFile {
    public static let fileName = "vetting_cases.csv"
    public static let sheetName = "vetting_cases"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("card_no", "Số thẻ đảng viên"),
        InterchangeColumn("national_id", "Số CCCD"),
        InterchangeColumn("full_name", "Họ và tên"),
        InterchangeColumn("birth_date", "Ngày sinh"),
        InterchangeColumn("purpose", "Mục đích thẩm định", required: true),
        InterchangeColumn("unit_code", "Đơn vị thẩm định", required: true),
        InterchangeColumn("received_on", "Ngày tiếp nhận", required: true),
        InterchangeColumn("deadline", "Hạn thẩm định"),
        InterchangeColumn("status", "Tình trạng"),
        InterchangeColumn("conclusion", "Kết luận"),
        InterchangeColumn("concluded_on", "Ngày kết luận"),
        InterchangeColumn("document_no", "Văn bản kết luận"),
        InterchangeColumn("note", "Ghi chú"),
    ]
}
