/// Tasks (nhiệm vụ, chương trình, kế hoạch thực hiện; DOMAIN.md §5): a task implements a document, belongs to a unit,
/// has an owner, a deadline, a status and progress notes; "nhiệm vụ trọng tâm" are the tasks marked for a year's focus
/// list. States, steps and "open on a day" are plain functions here.

/// Where a task stands.
public enum TaskStatus: String, Sendable, CaseIterable, Codable {
    /// Assigned, not started.
    case open
    case inProgress = "in_progress"
    case done
    case cancelled

    public var label: Localized { Catalogue.taskStatus(self) }

    /// Not finished: open or in progress.
    public var isOpen: Bool { self == .open || self == .inProgress }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> TaskStatus? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: TaskStatus] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// How a task stands against its deadline on a day.
public enum TaskDue: String, Sendable, CaseIterable, Codable {
    /// Done or cancelled.
    case closed
    case onTime = "on_time"
    /// Not finished after its deadline (the deadline day itself is in time).
    case overdue

    public var label: Localized { Catalogue.taskDue(self) }
}

/// A task as typed in a form, a request or a file, before it is checked.
public struct TaskDraft: Sendable, Equatable {
    /// The unit that carries it out (empty: the principal's).
    public var unitCode = ""
    /// The unit that assigned it: the owner or a unit above it (empty: the owner).
    public var assignedByCode = ""
    /// The number of the document it implements (optional); or `documentId`.
    public var document = ""
    public var documentId: Int64? = nil
    public var title = ""
    public var description = ""
    /// Who is responsible (a person's name or title).
    public var owner = ""
    /// Empty: today.
    public var assignedOn = ""
    public var deadline = ""
    /// The year of the focus list (nhiệm vụ trọng tâm) it is on; empty: none.
    public var focusYear = ""

    public init() {}
}

/// A task's own fields, checked.
public struct ValidTask: Sendable, Equatable {
    public let title: String
    public let description: String
    public let owner: String
    public let assignedOn: CivilDate
    public let deadline: CivilDate
    public let focusYear: Int?
    /// The document's number when one is given by number.
    public let documentNumber: DocumentNumber?
}

/// The changing part of a task.
public struct TaskState: Sendable, Hashable {
    public let status: TaskStatus
    /// 0–100.
    public let progress: Int
    /// The day it was done or cancelled; nil while open.
    public let closedOn: CivilDate?
    public let closeReason: String?

    public init(status: TaskStatus, progress: Int = 0, closedOn: CivilDate? = nil, closeReason: String? = nil) {
        self.status = status
        self.progress = status == .done ? 100 : progress
        self.closedOn = status.isOpen ? nil : closedOn
        self.closeReason = status.isOpen ? nil : closeReason
    }

    public static let open = TaskState(status: .open)
}

/// One action on a task.
public enum TaskStep: Sendable, Equatable {
    /// A progress note (báo cáo tiến độ): what was done, on which day, and the progress reached (optional). The first note
    /// with progress above 0 moves an open task to in progress.
    case note(text: String, notedOn: String, progress: String)
    /// Done on a day (progress 100).
    case complete(on: String)
    /// Cancelled on a day, with a reason.
    case cancel(on: String, reason: String)
    /// A done or cancelled task taken up again, with a reason.
    case reopen(reason: String)
}

/// A progress note, checked.
public struct TaskNoteValue: Sendable, Hashable {
    public let text: String
    public let notedOn: CivilDate
    public let progress: Int?
}

public enum TaskRules {
    public static let maximumTitleLength = 500
    public static let maximumDescriptionLength = 5000
    public static let maximumOwnerLength = 200
    public static let maximumNoteLength = 2000
    public static let focusYears = 2000...2100

    /// The fields of a task: a title (required), a description, an owner, the day assigned (empty = `today`; not in the
    /// future), the deadline (required, not before the day assigned), the focus year, the document's number (it must
    /// parse; the service finds the document).
    public static func check(_ draft: TaskDraft, today: CivilDate) -> Result<ValidTask, DomainError> {
        var errors: [FieldError] = []
        let title = draft.title.trimmed
        if title.isEmpty { errors.append(FieldError("title", Catalogue.required)) }
        if title.count > maximumTitleLength { errors.append(FieldError("title", Catalogue.tooLong(maximumTitleLength))) }
        let description = draft.description.trimmed
        if description.count > maximumDescriptionLength { errors.append(FieldError("description", Catalogue.tooLong(maximumDescriptionLength))) }
        let owner = draft.owner.trimmed
        if owner.count > maximumOwnerLength { errors.append(FieldError("owner", Catalogue.tooLong(maximumOwnerLength))) }
        let assigned = draft.assignedOn.trimmed.isEmpty ? today : CivilDate(parsing: draft.assignedOn.trimmed)
        if assigned == nil { errors.append(FieldError("assigned_on", Catalogue.invalidDate(draft.assignedOn))) }
        if let assigned, assigned > today { errors.append(FieldError("assigned_on", Catalogue.dateInFuture)) }
        let deadline = CivilDate(parsing: draft.deadline.trimmed)
        if draft.deadline.trimmed.isEmpty {
            errors.append(FieldError("deadline", Catalogue.required))
        } else if deadline == nil {
            errors.append(FieldError("deadline", Catalogue.invalidDate(draft.deadline)))
        }
        if let deadline, let assigned, deadline < assigned { errors.append(FieldError("deadline", Catalogue.taskDeadlineBeforeAssigned)) }
        var focus: Int? = nil
        if !draft.focusYear.trimmed.isEmpty {
            focus = Int(draft.focusYear.trimmed)
            if focus.map({ !focusYears.contains($0) }) ?? true {
                errors.append(FieldError("focus_year", Catalogue.outOfRange(focusYears.lowerBound, focusYears.upperBound)))
            }
        }
        var number: DocumentNumber? = nil
        if !draft.document.trimmed.isEmpty {
            switch DocumentNumber.parse(draft.document) {
            case .success(let parsed): number = parsed
            case .failure(let problem): errors.append(FieldError("document", problem.message))
            }
        }
        guard errors.isEmpty, let assigned, let deadline else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            ValidTask(title: title, description: description, owner: owner, assignedOn: assigned, deadline: deadline, focusYear: focus, documentNumber: number))
    }

    /// DOMAIN.md §5 "open tasks": a task is open on `date` when it was assigned on or before that day and was not done or
    /// cancelled by then (closed on a later day, or not closed).
    public static func isOpen(assignedOn: CivilDate, closedOn: CivilDate?, on date: CivilDate) -> Bool {
        assignedOn <= date && (closedOn.map { $0 > date } ?? true)
    }

    /// How a task stands on `today`: closed once done or cancelled; overdue when unfinished after its deadline.
    public static func due(status: TaskStatus, deadline: CivilDate, today: CivilDate) -> TaskDue {
        guard status.isOpen else { return .closed }
        return today > deadline ? .overdue : .onTime
    }

    /// A progress note as typed: the text (required), the day (empty = `today`; not before the task was assigned, not in
    /// the future), the progress (empty = unchanged; a whole number 0–100).
    public static func checkNote(text: String, notedOn: String, progress: String, assignedOn: CivilDate, today: CivilDate)
        -> Result<TaskNoteValue, DomainError>
    {
        var errors: [FieldError] = []
        let body = text.trimmed
        if body.isEmpty { errors.append(FieldError("note", Catalogue.required)) }
        if body.count > maximumNoteLength { errors.append(FieldError("note", Catalogue.tooLong(maximumNoteLength))) }
        let date = day(notedOn, field: "noted_on", assignedOn: assignedOn, today: today, errors: &errors)
        var percent: Int? = nil
        let p = progress.filter { $0 != "%" }.trimmed
        if !p.isEmpty {
            percent = Int(p)
            if percent.map({ !(0...100).contains($0) }) ?? true { errors.append(FieldError("progress", Catalogue.outOfRange(0, 100))) }
        }
        guard errors.isEmpty, let date else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(TaskNoteValue(text: body, notedOn: date, progress: percent))
    }

    /// A day typed for a step: empty = `today`; not before the task was assigned, not in the future.
    public static func day(_ text: String, field: String, assignedOn: CivilDate, today: CivilDate, errors: inout [FieldError]) -> CivilDate? {
        let date = text.trimmed.isEmpty ? today : CivilDate(parsing: text.trimmed)
        if date == nil { errors.append(FieldError(field, Catalogue.invalidDate(text))) }
        if let date, date > today { errors.append(FieldError(field, Catalogue.dateInFuture)) }
        if let date, date < assignedOn { errors.append(FieldError(field, Catalogue.taskDateBeforeAssigned)) }
        return date
    }

    /// The state after `step`, or why it is refused: notes, completion and cancellation only while the task is open;
    /// cancelling and reopening need a reason; reopening only a done or cancelled task (it goes back to in progress).
    public static func next(_ state: TaskState, _ step: TaskStep, assignedOn: CivilDate, today: CivilDate) -> Result<TaskState, DomainError> {
        func refuse(_ field: String, _ message: Localized) -> Result<TaskState, DomainError> {
            .failure(.invalid(Catalogue.taskStepRefused, [FieldError(field, message)]))
        }
        func reason(_ text: String, _ errors: inout [FieldError]) -> String {
            let why = text.trimmed
            if why.isEmpty { errors.append(FieldError("reason", Catalogue.taskNeedsReason)) }
            if why.count > ProposalRules.maximumReasonLength { errors.append(FieldError("reason", Catalogue.tooLong(ProposalRules.maximumReasonLength))) }
            return why
        }
        switch step {
        case .note(let text, let notedOn, let progress):
            guard state.status.isOpen else { return refuse("status", Catalogue.taskClosed(state.status)) }
            return checkNote(text: text, notedOn: notedOn, progress: progress, assignedOn: assignedOn, today: today).map { note in
                let percent = note.progress ?? state.progress
                return TaskState(status: state.status == .open && percent > 0 ? .inProgress : state.status, progress: percent)
            }
        case .complete(let on):
            guard state.status.isOpen else { return refuse("status", Catalogue.taskClosed(state.status)) }
            var errors: [FieldError] = []
            let date = day(on, field: "closed_on", assignedOn: assignedOn, today: today, errors: &errors)
            guard errors.isEmpty, let date else { return .failure(.invalid(Catalogue.taskStepRefused, errors)) }
            return .success(TaskState(status: .done, progress: 100, closedOn: date))
        case .cancel(let on, let text):
            guard state.status.isOpen else { return refuse("status", Catalogue.taskClosed(state.status)) }
            var errors: [FieldError] = []
            let date = day(on, field: "closed_on", assignedOn: assignedOn, today: today, errors: &errors)
            let why = reason(text, &errors)
            guard errors.isEmpty, let date else { return .failure(.invalid(Catalogue.taskStepRefused, errors)) }
            return .success(TaskState(status: .cancelled, progress: state.progress, closedOn: date, closeReason: why))
        case .reopen(let text):
            guard !state.status.isOpen else { return refuse("status", Catalogue.taskNotClosed) }
            var errors: [FieldError] = []
            _ = reason(text, &errors)
            guard errors.isEmpty else { return .failure(.invalid(Catalogue.taskStepRefused, errors)) }
            return .success(TaskState(status: .inProgress, progress: state.progress))
        }
    }
}

/// The columns of `tasks.csv` (docs/interchange.md). Key: the carrying unit, the title (accents ignored), the day assigned.
public enum TasksFile {
    public static let fileName = "tasks.csv"
    public static let sheetName = "tasks"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("unit_code", "Đơn vị thực hiện", required: true),
        InterchangeColumn("assigned_by", "Đơn vị giao"),
        InterchangeColumn("document", "Văn bản"),
        InterchangeColumn("title", "Nhiệm vụ", required: true),
        InterchangeColumn("description", "Nội dung"),
        InterchangeColumn("owner", "Người phụ trách"),
        InterchangeColumn("assigned_on", "Ngày giao", required: true),
        InterchangeColumn("deadline", "Hạn hoàn thành", required: true),
        InterchangeColumn("status", "Trạng thái"),
        InterchangeColumn("progress", "Tiến độ"),
        InterchangeColumn("closed_on", "Ngày kết thúc"),
        InterchangeColumn("focus_year", "Trọng tâm năm"),
    ]
}
