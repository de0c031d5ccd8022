/// Proposals and recommendations (đề xuất, kiến nghị; DOMAIN.md §5): sent from a unit to a unit above it, answered by the
/// receiving side, withdrawn by the sending side while unanswered; a reminder is due once a set number of working days
/// has passed without an answer. The states, the steps and the reminder are plain functions here.

/// Đề xuất or kiến nghị.
public enum ProposalKind: String, Sendable, CaseIterable, Codable {
    case proposal
    case recommendation

    public var label: Localized { Catalogue.proposalKind(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> ProposalKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: ProposalKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// Where a proposal stands: waiting, being handled (a handler assigned), answered, or withdrawn by the sender.
public enum ProposalStatus: String, Sendable, CaseIterable, Codable {
    case pending
    case inProgress = "in_progress"
    case answered
    case withdrawn

    public var label: Localized { Catalogue.proposalStatus(self) }

    /// Still waiting for an answer.
    public var isOpen: Bool { self == .pending || self == .inProgress }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> ProposalStatus? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: ProposalStatus] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// How an open proposal stands against the reminder on a day.
public enum ProposalDue: String, Sendable, CaseIterable, Codable {
    /// Answered or withdrawn.
    case closed
    case onTime = "on_time"
    /// Unanswered after the reminder's working days: the sender may remind, the receiver's lists highlight it.
    case overdue

    public var label: Localized { Catalogue.proposalDue(self) }
}

/// Which side of a proposal a user is on: the receiving unit and those above it, or the sending side below it.
public enum ProposalSide: String, Sendable, Codable {
    case sender
    case receiver
}

/// The administrator's setting: after how many working days without an answer a proposal is overdue.
public struct ProposalSettings: Sendable, Hashable {
    public let reminderWorkingDays: Int

    public init(reminderWorkingDays: Int = 10) {
        self.reminderWorkingDays = reminderWorkingDays
    }

    /// 10 working days (two working weeks): a default of this system — no regulation fixes one figure for every kind
    /// of proposal — which an administrator changes without a release (DOMAIN.md: numbers are settings).
    public static let standard = ProposalSettings()
    public static let range = 1...120

    public static func check(reminderWorkingDays text: String) -> Result<ProposalSettings, DomainError> {
        guard let n = Int(text.trimmed), range.contains(n) else {
            return .failure(.invalid(Catalogue.invalidInput, [FieldError("reminder_working_days", Catalogue.outOfRange(range.lowerBound, range.upperBound))]))
        }
        return .success(ProposalSettings(reminderWorkingDays: n))
    }
}

/// A proposal as typed in a form, a request or a file, before it is checked.
public struct ProposalDraft: Sendable, Equatable {
    public var kind = ""
    /// The sending unit (empty: the principal's).
    public var fromUnitCode = ""
    /// The receiving unit: a unit above the sender (empty: the sender's parent).
    public var toUnitCode = ""
    public var subject = ""
    public var text = ""
    /// Empty: today.
    public var receivedOn = ""
    public var handler = ""

    public init() {}
}

/// A proposal's own fields, checked.
public struct ValidProposal: Sendable, Equatable {
    public let kind: ProposalKind
    public let subject: String
    public let text: String
    public let receivedOn: CivilDate
    public let handler: String
}

/// An answer: its text and its date.
public struct ProposalAnswer: Sendable, Hashable {
    public let text: String
    public let answeredOn: CivilDate

    public init(text: String, answeredOn: CivilDate) {
        self.text = text
        self.answeredOn = answeredOn
    }
}

/// The changing part of a proposal.
public struct ProposalState: Sendable, Hashable {
    public let status: ProposalStatus
    public let handler: String
    /// Set exactly when answered.
    public let answer: ProposalAnswer?
    /// Set exactly when withdrawn.
    public let withdrawnOn: CivilDate?
    public let withdrawReason: String?
    /// Reminders sent by the sending side, and the last one's day.
    public let reminders: Int
    public let lastRemindedOn: CivilDate?

    public init(
        status: ProposalStatus, handler: String = "", answer: ProposalAnswer? = nil, withdrawnOn: CivilDate? = nil, withdrawReason: String? = nil,
        reminders: Int = 0, lastRemindedOn: CivilDate? = nil
    ) {
        self.status = status
        self.handler = handler
        self.answer = status == .answered ? answer : nil
        self.withdrawnOn = status == .withdrawn ? withdrawnOn : nil
        self.withdrawReason = status == .withdrawn ? withdrawReason : nil
        self.reminders = reminders
        self.lastRemindedOn = lastRemindedOn
    }

    public static let pending = ProposalState(status: .pending)
}

/// One action on a proposal.
public enum ProposalStep: Sendable, Equatable {
    /// The receiving side names who handles it (pending → in progress; the handler can be changed while open).
    case assign(handler: String)
    /// The receiving side answers (or amends its answer): the text and the date.
    case answer(text: String, answeredOn: String)
    /// The sending side withdraws an unanswered proposal, with a reason.
    case withdraw(reason: String)
    /// The sending side reminds the receiver of an overdue proposal.
    case remind
}

public enum ProposalRules {
    public static let maximumSubjectLength = 500
    public static let maximumTextLength = 10_000
    public static let maximumHandlerLength = 200
    public static let maximumReasonLength = 500

    /// The fields of a new proposal: kind (key or label), subject and text (required), the day of receipt (empty =
    /// `today`; not in the future), the handler (optional).
    public static func check(_ draft: ProposalDraft, today: CivilDate) -> Result<ValidProposal, DomainError> {
        var errors: [FieldError] = []
        let kind = draft.kind.trimmed.isEmpty ? ProposalKind.proposal : ProposalKind.parse(draft.kind)
        if kind == nil { errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind))) }
        let subject = draft.subject.trimmed
        if subject.isEmpty { errors.append(FieldError("subject", Catalogue.required)) }
        if subject.count > maximumSubjectLength { errors.append(FieldError("subject", Catalogue.tooLong(maximumSubjectLength))) }
        let text = draft.text.trimmed
        if text.isEmpty { errors.append(FieldError("text", Catalogue.required)) }
        if text.count > maximumTextLength { errors.append(FieldError("text", Catalogue.tooLong(maximumTextLength))) }
        let received = draft.receivedOn.trimmed.isEmpty ? today : CivilDate(parsing: draft.receivedOn.trimmed)
        if received == nil { errors.append(FieldError("received_on", Catalogue.invalidDate(draft.receivedOn))) }
        if let received, received > today { errors.append(FieldError("received_on", Catalogue.dateInFuture)) }
        let handler = draft.handler.trimmed
        if handler.count > maximumHandlerLength { errors.append(FieldError("handler", Catalogue.tooLong(maximumHandlerLength))) }
        guard errors.isEmpty, let kind, let received else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ValidProposal(kind: kind, subject: subject, text: text, receivedOn: received, handler: handler))
    }

    /// The last day of the answer's time: `workingDays` working days after the day of receipt (which does not count),
    /// on the holiday calendar. The proposal is overdue from the next day (`due`).
    public static func remindAfter(receivedOn: CivilDate, workingDays: Int, calendar: HolidayCalendar = .vietnam) -> CivilDate {
        calendar.adding(workingDays: workingDays, to: receivedOn)
    }

    /// The latest day of receipt whose open proposals are overdue on `today` (every earlier one is too: `remindAfter`
    /// never goes back as the day of receipt moves on), for filtering lists by the day of receipt.
    public static func overdueIfReceivedBy(today: CivilDate, workingDays: Int, calendar: HolidayCalendar = .vietnam) -> CivilDate {
        // The Nth working day before today is in time (its answer is due today); step back until a day is overdue.
        var day = calendar.adding(workingDays: -workingDays, to: today)
        while remindAfter(receivedOn: day, workingDays: workingDays, calendar: calendar) >= today { day = day.adding(days: -1) }
        return day
    }

    /// How a proposal stands on `today`: closed once answered or withdrawn; overdue when still open after
    /// `remindAfter` (that day itself is still in time).
    public static func due(
        status: ProposalStatus, receivedOn: CivilDate, today: CivilDate, workingDays: Int, calendar: HolidayCalendar = .vietnam
    ) -> ProposalDue {
        guard status.isOpen else { return .closed }
        return today > remindAfter(receivedOn: receivedOn, workingDays: workingDays, calendar: calendar) ? .overdue : .onTime
    }

    /// An answer as typed: the text (required, at most 10,000 characters) and its date (empty = `today`; not before the
    /// day of receipt, not in the future).
    public static func checkAnswer(text: String, answeredOn: String, receivedOn: CivilDate, today: CivilDate) -> Result<ProposalAnswer, DomainError> {
        var errors: [FieldError] = []
        let body = text.trimmed
        if body.isEmpty { errors.append(FieldError("answer", Catalogue.required)) }
        if body.count > maximumTextLength { errors.append(FieldError("answer", Catalogue.tooLong(maximumTextLength))) }
        let date = answeredOn.trimmed.isEmpty ? today : CivilDate(parsing: answeredOn.trimmed)
        if date == nil { errors.append(FieldError("answered_on", Catalogue.invalidDate(answeredOn))) }
        if let date, date > today { errors.append(FieldError("answered_on", Catalogue.dateInFuture)) }
        if let date, date < receivedOn { errors.append(FieldError("answered_on", Catalogue.proposalAnsweredBeforeReceipt)) }
        guard errors.isEmpty, let date else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ProposalAnswer(text: body, answeredOn: date))
    }

    /// The state after `step` taken by `side` on `today`, or why it is refused:
    /// - only the receiving side assigns and answers; an answer can be amended (answered → answered) but a withdrawn
    ///   proposal takes nothing more;
    /// - only the sending side withdraws (while unanswered, with a reason) and reminds (only when overdue, once a day).
    public static func next(
        _ state: ProposalState, _ step: ProposalStep, side: ProposalSide, receivedOn: CivilDate, today: CivilDate, workingDays: Int,
        calendar: HolidayCalendar = .vietnam
    ) -> Result<ProposalState, DomainError> {
        func refuse(_ field: String, _ message: Localized) -> Result<ProposalState, DomainError> {
            .failure(.invalid(Catalogue.proposalStepRefused, [FieldError(field, message)]))
        }
        switch step {
        case .assign(let handler):
            guard side == .receiver else { return .failure(.forbidden(Catalogue.proposalReceiverOnly)) }
            guard state.status.isOpen else { return refuse("status", Catalogue.proposalClosed(state.status)) }
            let name = handler.trimmed
            if name.isEmpty { return refuse("handler", Catalogue.required) }
            if name.count > maximumHandlerLength { return refuse("handler", Catalogue.tooLong(maximumHandlerLength)) }
            return .success(
                ProposalState(status: .inProgress, handler: name, reminders: state.reminders, lastRemindedOn: state.lastRemindedOn))
        case .answer(let text, let answeredOn):
            guard side == .receiver else { return .failure(.forbidden(Catalogue.proposalReceiverOnly)) }
            guard state.status != .withdrawn else { return refuse("status", Catalogue.proposalClosed(state.status)) }
            return checkAnswer(text: text, answeredOn: answeredOn, receivedOn: receivedOn, today: today).map {
                ProposalState(status: .answered, handler: state.handler, answer: $0, reminders: state.reminders, lastRemindedOn: state.lastRemindedOn)
            }
        case .withdraw(let reason):
            guard side == .sender else { return .failure(.forbidden(Catalogue.proposalSenderOnly)) }
            guard state.status.isOpen else { return refuse("status", Catalogue.proposalClosed(state.status)) }
            let why = reason.trimmed
            if why.isEmpty { return refuse("reason", Catalogue.proposalWithdrawNeedsReason) }
            if why.count > maximumReasonLength { return refuse("reason", Catalogue.tooLong(maximumReasonLength)) }
            return .success(
                ProposalState(
                    status: .withdrawn, handler: state.handler, withdrawnOn: today, withdrawReason: why, reminders: state.reminders,
                    lastRemindedOn: state.lastRemindedOn))
        case .remind:
            guard side == .sender else { return .failure(.forbidden(Catalogue.proposalSenderOnly)) }
            let due = due(status: state.status, receivedOn: receivedOn, today: today, workingDays: workingDays, calendar: calendar)
            guard due == .overdue else {
                return refuse("status", Catalogue.proposalNotOverdue(remindAfter(receivedOn: receivedOn, workingDays: workingDays, calendar: calendar)))
            }
            if state.lastRemindedOn == today { return refuse("status", Catalogue.proposalRemindedToday) }
            return .success(
                ProposalState(status: state.status, handler: state.handler, reminders: state.reminders + 1, lastRemindedOn: today))
        }
    }
}

/// The columns of `proposals.csv` (docs/interchange.md). Key: sending unit, receiving unit, day of receipt, subject.
public enum ProposalsFile {
    public static let fileName = "proposals.csv"
    public static let sheetName = "proposals"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("from_unit", "Đơn vị gửi", required: true),
        InterchangeColumn("to_unit", "Đơn vị nhận", required: true),
        InterchangeColumn("kind", "Loại"),
        InterchangeColumn("subject", "Trích yếu", required: true),
        InterchangeColumn("text", "Nội dung", required: true),
        InterchangeColumn("received_on", "Ngày nhận", required: true),
        InterchangeColumn("handler", "Người xử lý"),
        InterchangeColumn("status", "Trạng thái"),
        InterchangeColumn("answer", "Nội dung trả lời"),
        InterchangeColumn("answered_on", "Ngày trả lời"),
        InterchangeColumn("withdrawn_on", "Ngày rút"),
    ]
}
