import Foundation

/// Training (đào tạo, bồi dưỡng) and exams (thi tuyển, thi nâng ngạch, kiểm tra sát hạch), DOMAIN.md §3; seed 004 for
/// the sát hạch → training plan → staff reduction sequence. Rules are plain functions; the service reads the records.

/// The kinds of course of DOMAIN.md §3. Keys are stored; labels are shown.
public enum TrainingCourseKind: String, Sendable, CaseIterable, Codable {
    /// Cao cấp lý luận chính trị.
    case theoryAdvanced = "theory_advanced"
    /// Trung cấp lý luận chính trị.
    case theoryIntermediate = "theory_intermediate"
    /// Sơ cấp lý luận chính trị.
    case theoryElementary = "theory_elementary"
    /// Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo, quản lý.
    case leadersUpdate = "leaders_update"
    /// Lớp bồi dưỡng nhận thức về Đảng (for candidates, DOMAIN.md §2).
    case partyAwareness = "party_awareness"
    /// Lớp bồi dưỡng lý luận chính trị cho đảng viên mới.
    case newMembers = "new_members"
    /// Chuyên môn, nghiệp vụ (what a training plan after a failed sát hạch usually is).
    case professional
    case other

    /// "Cao cấp lý luận chính trị"…
    public var label: Localized { Catalogue.trainingCourseKind(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics; also the short names spreadsheets use.
    public static func parse(_ text: String) -> TrainingCourseKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: TrainingCourseKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [
                ("cao cap", .theoryAdvanced), ("trung cap", .theoryIntermediate), ("so cap", .theoryElementary),
                ("cap nhat kien thuc", .leadersUpdate), ("boi duong cap nhat kien thuc", .leadersUpdate), ("nhan thuc ve dang", .partyAwareness),
                ("lop boi duong nhan thuc ve dang", .partyAwareness), ("dang vien moi", .newMembers),
                ("chuyen mon", .professional), ("khac", .other),
            ],
        uniquingKeysWith: { a, _ in a })
}

/// A trainee's result (INTERCHANGE.md trainings.csv `result`); no result yet is nil.
public enum TrainingResult: String, Sendable, CaseIterable, Codable {
    /// Hoàn thành, loại giỏi (xuất sắc).
    case excellent
    /// Hoàn thành, loại khá.
    case good
    /// Hoàn thành (trung bình, đạt).
    case pass
    /// Không hoàn thành.
    case notCompleted = "not_completed"
    /// Bỏ học, rút khỏi lớp: the person was sent (and counts as sent) but did not finish.
    case withdrawn

    /// Whether the course was completed (what a certificate needs, and what a training plan reads).
    public var isCompleted: Bool { self == .excellent || self == .good || self == .pass }

    public var label: Localized { Catalogue.trainingResult(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics; also the grades certificates carry.
    public static func parse(_ text: String) -> TrainingResult? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: TrainingResult] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [
                ("xuat sac", .excellent), ("gioi", .excellent), ("kha", .good), ("trung binh", .pass), ("dat", .pass),
                ("hoan thanh", .pass), ("not completed", .notCompleted), ("khong dat", .notCompleted), ("rut", .withdrawn),
                ("bo hoc", .withdrawn),
            ],
        uniquingKeysWith: { a, _ in a })
}

/// Where a course stands: from its dates, unless it was cancelled.
public enum CourseStatus: String, Sendable, CaseIterable, Codable {
    case planned
    case ongoing
    case finished
    case cancelled

    public var label: Localized { Catalogue.courseStatus(self) }

    /// Cancelled when so recorded; else planned before the first day, ongoing from the first to the last day (both
    /// included), finished after the last day.
    public static func of(startsOn: CivilDate, endsOn: CivilDate, cancelled: Bool, on date: CivilDate) -> CourseStatus {
        if cancelled { return .cancelled }
        if date < startsOn { return .planned }
        return date <= endsOn ? .ongoing : .finished
    }
}

/// A course as typed in a form, a request or a file, before it is checked.
public struct CourseDraft: Sendable, Equatable {
    /// Empty: the service makes one (`LOP-<year>-<id>`).
    public var code = ""
    public var kind = ""
    public var name = ""
    /// The organizing party unit or agency.
    public var organizerCode = ""
    public var place = ""
    public var startsOn = ""
    public var endsOn = ""
    /// The document the course rests on (quyết định mở lớp, kế hoạch): free text.
    public var decisionNo = ""
    /// Empty (from the dates) or `cancelled`.
    public var status = ""

    public init(
        code: String = "", kind: String = "", name: String = "", organizerCode: String = "", place: String = "", startsOn: String = "",
        endsOn: String = "", decisionNo: String = "", status: String = ""
    ) {
        self.code = code
        self.kind = kind
        self.name = name
        self.organizerCode = organizerCode
        self.place = place
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.decisionNo = decisionNo
        self.status = status
    }
}

/// A checked course draft (the organizer's existence and scope need the database).
public struct ValidCourse: Sendable, Equatable {
    public let code: String?
    public let kind: TrainingCourseKind
    public let name: String
    public let organizerCode: String
    public let place: String?
    public let startsOn: CivilDate
    public let endsOn: CivilDate
    public let decisionNo: String?
    public let cancelled: Bool

    public init(
        code: String?, kind: TrainingCourseKind, name: String, organizerCode: String, place: String?, startsOn: CivilDate, endsOn: CivilDate,
        decisionNo: String?, cancelled: Bool
    ) {
        self.code = code
        self.kind = kind
        self.name = name
        self.organizerCode = organizerCode
        self.place = place
        self.startsOn = startsOn
        self.endsOn = endsOn
        self.decisionNo = decisionNo
        self.cancelled = cancelled
    }
}

/// A trainee's outcome as typed: the result and the certificate.
public struct OutcomeDraft: Sendable, Equatable {
    public var result = ""
    public var certificateNo = ""
    public var certificateOn = ""

    public init(result: String = "", certificateNo: String = "", certificateOn: String = "") {
        self.result = result
        self.certificateNo = certificateNo
        self.certificateOn = certificateOn
    }
}

/// A checked outcome.
public struct TrainingOutcome: Sendable, Equatable {
    public let result: TrainingResult?
    public let certificateNo: String?
    public let certificateOn: CivilDate?

    public init(result: TrainingResult?, certificateNo: String?, certificateOn: CivilDate?) {
        self.result = result
        self.certificateNo = certificateNo
        self.certificateOn = certificateOn
    }
}

/// The rules of a course and of a trainee's outcome on their own.
public enum TrainingRules {
    public static let maximumNameLength = 300
    public static let maximumTextLength = 200
    public static let maximumReasonLength = 500

    /// DOMAIN.md §3: a kind of the list, a name, an organizer, a first and a last day with the last not before the
    /// first; the code (when given) as a unit code; the status empty or cancelled.
    public static func check(_ draft: CourseDraft) -> Result<ValidCourse, DomainError> {
        var errors: [FieldError] = []
        let code = draft.code.trimmed
        if !code.isEmpty && !UnitCode.isValid(code) { errors.append(FieldError("code", Catalogue.invalidUnitCode)) }
        let kind = TrainingCourseKind.parse(draft.kind)
        if draft.kind.trimmed.isEmpty {
            errors.append(FieldError("kind", Catalogue.required))
        } else if kind == nil {
            errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind)))
        }
        let name = draft.name.trimmed
        if name.isEmpty {
            errors.append(FieldError("name", Catalogue.required))
        } else if name.count > maximumNameLength {
            errors.append(FieldError("name", Catalogue.tooLong(maximumNameLength)))
        }
        let organizer = draft.organizerCode.trimmed
        if organizer.isEmpty { errors.append(FieldError("organizer_code", Catalogue.required)) }
        let starts = requiredDate(draft.startsOn, field: "starts_on", into: &errors)
        let ends = requiredDate(draft.endsOn, field: "ends_on", into: &errors)
        if let starts, let ends, ends < starts { errors.append(FieldError("ends_on", Catalogue.courseEndsBeforeStart)) }
        let place = draft.place.trimmed
        if place.count > maximumTextLength { errors.append(FieldError("place", Catalogue.tooLong(maximumTextLength))) }
        let decision = draft.decisionNo.trimmed
        if decision.count > maximumTextLength { errors.append(FieldError("decision_no", Catalogue.tooLong(maximumTextLength))) }
        let status = VietnameseText.fold(draft.status)
        let cancelled =
            status == CourseStatus.cancelled.rawValue || status == VietnameseText.fold(CourseStatus.cancelled.label.vi)
            || status == "huy"
        if !status.isEmpty && !cancelled && status != "auto" { errors.append(FieldError("status", Catalogue.unknownValue(draft.status))) }
        guard errors.isEmpty, let kind, let starts, let ends else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            ValidCourse(
                code: code.isEmpty ? nil : code, kind: kind, name: name, organizerCode: organizer, place: place.isEmpty ? nil : place,
                startsOn: starts, endsOn: ends, decisionNo: decision.isEmpty ? nil : decision, cancelled: cancelled))
    }

    /// A trainee's outcome: a known result (or none yet); a certificate only for a completed course, dated not before
    /// the course's first day and not in the future.
    public static func check(_ draft: OutcomeDraft, courseStartsOn: CivilDate, today: CivilDate) -> Result<TrainingOutcome, DomainError> {
        var errors: [FieldError] = []
        var result: TrainingResult? = nil
        if !draft.result.trimmed.isEmpty {
            result = TrainingResult.parse(draft.result)
            if result == nil { errors.append(FieldError("result", Catalogue.unknownValue(draft.result))) }
        }
        let number = draft.certificateNo.trimmed
        if number.count > maximumTextLength { errors.append(FieldError("certificate_no", Catalogue.tooLong(maximumTextLength))) }
        let date = UnitRules.parseOptionalDate(draft.certificateOn, field: "certificate_on", into: &errors)
        if let date {
            if date < courseStartsOn { errors.append(FieldError("certificate_on", Catalogue.certificateBeforeCourse)) }
            if date > today { errors.append(FieldError("certificate_on", Catalogue.dateInFuture)) }
        }
        let certificateGiven = !number.isEmpty || !draft.certificateOn.trimmed.isEmpty
        if certificateGiven && draft.result.trimmed.isEmpty || result.map({ !$0.isCompleted && certificateGiven }) == true {
            errors.append(FieldError("certificate_no", Catalogue.certificateNeedsCompletion))
        }
        guard errors.isEmpty else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(TrainingOutcome(result: result, certificateNo: number.isEmpty ? nil : number, certificateOn: date))
    }

    /// Splits a pasted list of card or national ID numbers: one per line, or separated by commas, semicolons or spaces.
    public static func numbers(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "," || $0 == ";" || $0 == " " || $0 == "\t" })
            .map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    static func requiredDate(_ text: String, field: String, into errors: inout [FieldError]) -> CivilDate? {
        if text.trimmed.isEmpty {
            errors.append(FieldError(field, Catalogue.required))
            return nil
        }
        return UnitRules.parseOptionalDate(text, field: field, into: &errors)
    }
}

// MARK: - Exams

/// The kinds of exam session of DOMAIN.md §3.
public enum ExamKind: String, Sendable, CaseIterable, Codable {
    /// Thi tuyển công chức.
    case recruitment
    /// Thi nâng ngạch.
    case promotion
    /// Kiểm tra, sát hạch công chức (seed 004): a failure leads to a training plan.
    case proficiency

    public var label: Localized { Catalogue.examKind(self) }

    /// The key or the Vietnamese label, ignoring case and diacritics; also "sát hạch", "nâng ngạch", "thi tuyển".
    public static func parse(_ text: String) -> ExamKind? { byFoldedName[VietnameseText.fold(text)] }

    private static let byFoldedName: [String: ExamKind] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }
            + [("thi tuyen", .recruitment), ("nang ngach", .promotion), ("sat hach", .proficiency), ("kiem tra sat hach", .proficiency)],
        uniquingKeysWith: { a, _ in a })
}

/// A score on the 100-point scale with up to two decimals, kept exact as hundredths (72,5 is 7250).
public struct ExamScore: Sendable, Hashable, Comparable, Codable {
    public let hundredths: Int

    public init?(hundredths: Int) {
        guard (0...10_000).contains(hundredths) else { return nil }
        self.hundredths = hundredths
    }

    /// "72,5", "72.5", "72.25", "100", " 0 "; nil for anything else: a sign, more than two decimals, above 100.
    public init?(parsing text: String) {
        let trimmed = text.trimmed.replacingOccurrences(of: ",", with: ".")
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, (1...3).contains(whole.count), whole.allSatisfy(\.isASCIIDigit)
        else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isASCIIDigit), parts.count == 1 || !fraction.isEmpty else { return nil }
        while fraction.count < 2 { fraction += "0" }
        guard let w = Int(whole), let f = Int(fraction) else { return nil }
        self.init(hundredths: w * 100 + f)
    }

    public static func < (a: ExamScore, b: ExamScore) -> Bool { a.hundredths < b.hundredths }

    /// The score as a number (for JSON).
    public var value: Double { Double(hundredths) / 100 }

    /// "72,5" / "72.5": no trailing zeros.
    public func text(_ language: Language) -> String {
        var out = String(hundredths / 100)
        let fraction = hundredths % 100
        if fraction != 0 {
            var digits = fraction < 10 ? "0" + String(fraction) : String(fraction)
            if digits.hasSuffix("0") { digits.removeLast() }
            out += (language == .vi ? "," : ".") + digits
        }
        return out
    }

    /// The canonical text stored in interchange files and the audit log: "72.5".
    public var key: String { text(.en) }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// A candidate's outcome in a session.
public enum ExamOutcome: String, Sendable, CaseIterable, Codable {
    /// No score yet.
    case pending
    case passed
    case failed

    public var label: Localized { Catalogue.examOutcome(self) }
}

/// An exam session as typed.
public struct ExamSessionDraft: Sendable, Equatable {
    /// Empty: the service makes one (`THI-<year>-<id>`).
    public var code = ""
    public var kind = ""
    public var name = ""
    public var heldOn = ""
    public var organizerCode = ""
    public var passMark = ""

    public init(code: String = "", kind: String = "", name: String = "", heldOn: String = "", organizerCode: String = "", passMark: String = "") {
        self.code = code
        self.kind = kind
        self.name = name
        self.heldOn = heldOn
        self.organizerCode = organizerCode
        self.passMark = passMark
    }
}

/// A checked exam session draft.
public struct ValidExamSession: Sendable, Equatable {
    public let code: String?
    public let kind: ExamKind
    public let name: String
    public let heldOn: CivilDate
    public let organizerCode: String
    public let passMark: ExamScore
}

/// A training plan as typed (after a failed sát hạch).
public struct TrainingPlanDraft: Sendable, Equatable {
    /// What training: free text ("Bồi dưỡng nghiệp vụ văn thư, lưu trữ").
    public var training = ""
    public var deadline = ""
    /// A course the person is enrolled in for the plan (optional).
    public var courseCode = ""
    /// For a plan without a course: the day the training was completed.
    public var completedOn = ""

    public init(training: String = "", deadline: String = "", courseCode: String = "", completedOn: String = "") {
        self.training = training
        self.deadline = deadline
        self.courseCode = courseCode
        self.completedOn = completedOn
    }
}

/// A checked plan.
public struct ValidTrainingPlan: Sendable, Equatable {
    public let training: String
    public let deadline: CivilDate
    public let courseCode: String?
    public let completedOn: CivilDate?
}

/// The rules of exams: scores, the pass mark, sessions and plans.
public enum ExamRules {
    /// The default pass mark: 50 of 100 (a session sets its own).
    public static let defaultPassMark = ExamScore(hundredths: 5_000)!

    /// A score reaches the pass mark when it is at least the mark: exactly the pass mark passes, one hundredth below
    /// fails.
    public static func passes(_ score: ExamScore, passMark: ExamScore) -> Bool { score >= passMark }

    /// No score yet is pending; otherwise passed or failed by `passes`.
    public static func outcome(score: ExamScore?, passMark: ExamScore) -> ExamOutcome {
        guard let score else { return .pending }
        return passes(score, passMark: passMark) ? .passed : .failed
    }

    /// A score as typed: empty is none (not entered yet); otherwise 0–100 with at most two decimals.
    public static func checkScore(_ text: String, field: String = "score") -> Result<ExamScore?, DomainError> {
        if text.trimmed.isEmpty { return .success(nil) }
        guard let score = ExamScore(parsing: text) else {
            return .failure(.invalid(Catalogue.invalidInput, [FieldError(field, Catalogue.scoreInvalid(text))]))
        }
        return .success(score)
    }

    /// A session: a known kind, a name, a date, an organizer, a pass mark on the same scale (default 50).
    public static func check(_ draft: ExamSessionDraft) -> Result<ValidExamSession, DomainError> {
        var errors: [FieldError] = []
        let code = draft.code.trimmed
        if !code.isEmpty && !UnitCode.isValid(code) { errors.append(FieldError("code", Catalogue.invalidUnitCode)) }
        let kind = ExamKind.parse(draft.kind)
        if draft.kind.trimmed.isEmpty {
            errors.append(FieldError("kind", Catalogue.required))
        } else if kind == nil {
            errors.append(FieldError("kind", Catalogue.unknownValue(draft.kind)))
        }
        let name = draft.name.trimmed
        if name.isEmpty {
            errors.append(FieldError("name", Catalogue.required))
        } else if name.count > TrainingRules.maximumNameLength {
            errors.append(FieldError("name", Catalogue.tooLong(TrainingRules.maximumNameLength)))
        }
        let held = TrainingRules.requiredDate(draft.heldOn, field: "held_on", into: &errors)
        let organizer = draft.organizerCode.trimmed
        if organizer.isEmpty { errors.append(FieldError("organizer_code", Catalogue.required)) }
        var mark = defaultPassMark
        switch checkScore(draft.passMark, field: "pass_mark") {
        case .success(let value): mark = value ?? defaultPassMark
        case .failure(.invalid(_, let fields)): errors += fields
        case .failure: break
        }
        guard errors.isEmpty, let kind, let held else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            ValidExamSession(code: code.isEmpty ? nil : code, kind: kind, name: name, heldOn: held, organizerCode: organizer, passMark: mark))
    }

    /// A training plan: what training (required), a deadline after the failed session's date, a completion date not
    /// before that session and not in the future.
    public static func check(_ draft: TrainingPlanDraft, failedOn: CivilDate, today: CivilDate) -> Result<ValidTrainingPlan, DomainError> {
        var errors: [FieldError] = []
        let training = draft.training.trimmed
        if training.isEmpty {
            errors.append(FieldError("training", Catalogue.required))
        } else if training.count > TrainingRules.maximumReasonLength {
            errors.append(FieldError("training", Catalogue.tooLong(TrainingRules.maximumReasonLength)))
        }
        let deadline = TrainingRules.requiredDate(draft.deadline, field: "deadline", into: &errors)
        if let deadline, deadline <= failedOn { errors.append(FieldError("deadline", Catalogue.planDeadlineNotAfterExam)) }
        let completed = UnitRules.parseOptionalDate(draft.completedOn, field: "completed_on", into: &errors)
        if let completed {
            if completed < failedOn { errors.append(FieldError("completed_on", Catalogue.planCompletedBeforeExam)) }
            if completed > today { errors.append(FieldError("completed_on", Catalogue.dateInFuture)) }
        }
        let course = draft.courseCode.trimmed
        guard errors.isEmpty, let deadline else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(ValidTrainingPlan(training: training, deadline: deadline, courseCode: course.isEmpty ? nil : course, completedOn: completed))
    }
}

// MARK: - Staff reduction (seed 004)

/// What the staff-reduction rule needs to know about one training plan.
public struct TrainingPlanFacts: Sendable, Hashable {
    /// The date of the sát hạch the person failed.
    public let failedOn: CivilDate
    public let deadline: CivilDate
    /// Whether the plan's training was completed: true, false, or nil when not known yet (no result).
    public let trainingCompleted: Bool?
    /// A plan closed (the person left, retired, moved): no longer followed.
    public let closed: Bool

    public init(failedOn: CivilDate, deadline: CivilDate, trainingCompleted: Bool?, closed: Bool = false) {
        self.failedOn = failedOn
        self.deadline = deadline
        self.trainingCompleted = trainingCompleted
        self.closed = closed
    }
}

/// A later sát hạch of the same person: its date and outcome.
public struct LaterExam: Sendable, Hashable {
    public let heldOn: CivilDate
    public let outcome: ExamOutcome

    public init(heldOn: CivilDate, outcome: ExamOutcome) {
        self.heldOn = heldOn
        self.outcome = outcome
    }
}

/// Why a person is considered for staff reduction.
public enum StaffReductionReason: Sendable, Hashable {
    /// No sát hạch was passed after the failed one: none held yet…
    case noLaterExam
    /// …or the later ones were failed too (their dates).
    case failedAgain([CivilDate])
    /// The plan's training was not completed (or no result is known).
    case trainingNotCompleted

    public var key: String {
        switch self {
        case .noLaterExam: return "no_later_exam"
        case .failedAgain: return "failed_again"
        case .trainingNotCompleted: return "training_not_completed"
        }
    }

    public var message: Localized { Catalogue.staffReductionReason(self) }
}

/// Where a plan stands on a date.
public enum StaffReductionStatus: Sendable, Hashable {
    /// Closed: no longer followed.
    case closed
    /// A later sát hạch was passed on this date: the person improved (seed 004: "có tiến bộ").
    case resolved(passedOn: CivilDate)
    /// The deadline has not passed yet.
    case inProgress(deadline: CivilDate)
    /// The deadline passed without a later pass: consider for staff reduction (xem xét tinh giản biên chế).
    case considered([StaffReductionReason])

    public var isConsidered: Bool { if case .considered = self { return true } else { return false } }
}

/// The sequence of seed 004: "công chức … không hoàn thành nhiệm vụ thì … có kế hoạch đào tạo, bồi dưỡng …; nếu không
/// có tiến bộ thì xem xét giải quyết tinh giản biên chế".
public enum StaffReduction {
    /// The status of a plan on `date`, in this order:
    /// 1. a closed plan is `closed`;
    /// 2. a sát hạch held after the failed one (`heldOn > failedOn`, and on or before `date`) that the person passed
    ///    resolves the plan, whenever it was held — progress is shown by passing, before or after the deadline;
    /// 3. on or before the deadline the plan is `inProgress` (the deadline day itself still counts as within it);
    /// 4. after the deadline, without such a pass, the person is `considered` for staff reduction, with the reasons:
    ///    the later sát hạch failed (their dates), or none was held; and the training not completed when it was not
    ///    (or is not known to be). Completing the training alone does not resolve a plan: only a pass does.
    public static func status(_ plan: TrainingPlanFacts, laterExams: [LaterExam], on date: CivilDate) -> StaffReductionStatus {
        if plan.closed { return .closed }
        let later = laterExams.filter { $0.heldOn > plan.failedOn && $0.heldOn <= date }.sorted { $0.heldOn < $1.heldOn }
        if let pass = later.first(where: { $0.outcome == .passed }) { return .resolved(passedOn: pass.heldOn) }
        if date <= plan.deadline { return .inProgress(deadline: plan.deadline) }
        var reasons: [StaffReductionReason] = []
        let failed = later.filter { $0.outcome == .failed }.map(\.heldOn)
        reasons.append(failed.isEmpty ? .noLaterExam : .failedAgain(failed))
        if plan.trainingCompleted != true { reasons.append(.trainingNotCompleted) }
        return .considered(reasons)
    }
}

// MARK: - Interchange

/// The columns of `trainings.csv` (INTERCHANGE.md; docs/interchange.md): one row per trainee enrollment, with its
/// course's columns; a row without a person describes a course without trainees.
public enum TrainingsFile {
    public static let fileName = "trainings.csv"
    public static let sheetName = "trainings"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("course_code", "Mã lớp", required: true),
        InterchangeColumn("course_kind", "Loại lớp", required: true),
        InterchangeColumn("course_name", "Tên lớp", required: true),
        InterchangeColumn("organizer_code", "Mã đơn vị tổ chức", required: true),
        InterchangeColumn("place", "Địa điểm"),
        InterchangeColumn("starts_on", "Ngày khai giảng", required: true),
        InterchangeColumn("ends_on", "Ngày bế giảng", required: true),
        InterchangeColumn("decision_no", "Số quyết định"),
        InterchangeColumn("course_status", "Tình trạng lớp"),
        InterchangeColumn("national_id", "Số CCCD"),
        InterchangeColumn("card_no", "Số thẻ đảng viên"),
        InterchangeColumn("sending_unit_code", "Mã đơn vị cử đi"),
        InterchangeColumn("result", "Kết quả"),
        InterchangeColumn("certificate_no", "Số chứng chỉ"),
        InterchangeColumn("certificate_on", "Ngày cấp chứng chỉ"),
    ]
}

/// The columns of `exams.csv` (docs/interchange.md): one row per candidate with the session's columns and, after a
/// failed sát hạch, the training plan; a row without a person describes a session alone.
public enum ExamsFile {
    public static let fileName = "exams.csv"
    public static let sheetName = "exams"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("exam_code", "Mã kỳ thi", required: true),
        InterchangeColumn("exam_kind", "Hình thức", required: true),
        InterchangeColumn("exam_name", "Tên kỳ thi", required: true),
        InterchangeColumn("organizer_code", "Mã đơn vị tổ chức", required: true),
        InterchangeColumn("held_on", "Ngày thi", required: true),
        InterchangeColumn("pass_mark", "Điểm đạt"),
        InterchangeColumn("national_id", "Số CCCD"),
        InterchangeColumn("card_no", "Số thẻ đảng viên"),
        InterchangeColumn("work_unit_code", "Mã đơn vị công tác"),
        InterchangeColumn("score", "Điểm"),
        InterchangeColumn("plan_training", "Nội dung đào tạo, bồi dưỡng"),
        InterchangeColumn("plan_deadline", "Hạn hoàn thành"),
        InterchangeColumn("plan_course_code", "Mã lớp theo kế hoạch"),
        InterchangeColumn("plan_completed_on", "Ngày hoàn thành"),
        InterchangeColumn("plan_closed_on", "Ngày đóng kế hoạch"),
        InterchangeColumn("plan_close_reason", "Lý do đóng kế hoạch"),
    ]
}
