import Testing
import ToChucDomain

/// Training and exams (DOMAIN.md §3; seed 004: "công chức … không hoàn thành nhiệm vụ thì … có kế hoạch đào tạo, bồi
/// dưỡng …; nếu không có tiến bộ thì xem xét giải quyết tinh giản biên chế"): scores and the pass mark, course dates
/// and results, and the staff-reduction rule.
@Suite struct TrainingRulesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static func score(_ text: String) -> ExamScore { ExamScore(parsing: text)! }

    // MARK: Scores and the pass mark

    @Test(
        "a score reaches the pass mark at the mark itself: exactly the pass mark passes, one hundredth below fails",
        arguments: [
            ("50", "50", true), ("49,99", "50", false), ("50,01", "50", true), ("0", "50", false), ("100", "50", true),
            ("72,5", "72,5", true), ("72,49", "72,5", false), ("72.51", "72.5", true), ("0", "0", true), ("100", "100", true),
            ("99,99", "100", false),
        ])
    func passMark(score: String, mark: String, passes: Bool) {
        #expect(ExamRules.passes(Self.score(score), passMark: Self.score(mark)) == passes)
        #expect(ExamRules.outcome(score: Self.score(score), passMark: Self.score(mark)) == (passes ? .passed : .failed))
    }

    @Test("no score yet is pending, whatever the pass mark")
    func pending() {
        #expect(ExamRules.outcome(score: nil, passMark: ExamRules.defaultPassMark) == .pending)
        #expect(ExamRules.defaultPassMark.hundredths == 5000)
    }

    @Test(
        "scores are 0–100 with at most two decimals, comma or point; read exactly as hundredths",
        arguments: [
            ("72,5", 7250), ("72.5", 7250), ("72.25", 7225), ("100", 10_000), ("100,00", 10_000), ("0", 0), (" 65 ", 6500), ("7,05", 705),
            ("007", 700),
        ])
    func scoreParsing(text: String, hundredths: Int) {
        #expect(ExamScore(parsing: text)?.hundredths == hundredths)
    }

    @Test(
        "scores out of range or badly written are refused",
        arguments: ["100,01", "101", "1000", "-1", "+5", "72,555", "72.", ".5", "abc", "", "7 2", "1e2", "72,5,1", "٣"])
    func scoreRefused(text: String) {
        #expect(ExamScore(parsing: text) == nil)
    }

    @Test("a score is shown without trailing zeros, with the language's decimal mark")
    func scoreText() {
        #expect(Self.score("72.50").text(.vi) == "72,5" && Self.score("72.50").text(.en) == "72.5")
        #expect(Self.score("70").text(.vi) == "70" && Self.score("7.05").text(.vi) == "7,05" && Self.score("100").key == "100")
    }

    @Test("an empty score is none; a wrong one names its field")
    func checkScore() throws {
        #expect(try ExamRules.checkScore("  ").get() == nil)
        #expect(try ExamRules.checkScore("88,5").get() == Self.score("88.5"))
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("score", Catalogue.scoreInvalid("101"))])) {
            try ExamRules.checkScore("101").get()
        }
    }

    @Test("a session: a known kind (sát hạch by its Vietnamese name), a date, an organizer; the pass mark 50 by default")
    func session() throws {
        let valid = try ExamRules.check(
            ExamSessionDraft(kind: "Sát hạch", name: "Sát hạch công chức 2025", heldOn: "01/03/2025", organizerCode: "T01")
        )
        .get()
        #expect(
            valid.kind == .proficiency && valid.passMark == ExamRules.defaultPassMark && valid.heldOn == Self.date("2025-03-01") && valid.code == nil)
        #expect(throws: DomainError.self) {
            try ExamRules.check(ExamSessionDraft(kind: "thi đấu", name: "X", heldOn: "2025-03-01", organizerCode: "T01", passMark: "120")).get()
        }
        if case .failure(.invalid(_, let errors)) = ExamRules.check(
            ExamSessionDraft(kind: "", name: "", heldOn: "", organizerCode: "", passMark: "x"))
        {
            #expect(Set(errors.map(\.field)) == ["kind", "name", "held_on", "organizer_code", "pass_mark"])
        } else {
            Issue.record("an empty session was accepted")
        }
    }

    // MARK: Courses

    @Test(
        "a course ends on or after the day it starts (a one-day course is fine)",
        arguments: [("2025-03-01", "2025-03-01", true), ("2025-03-01", "2025-03-02", true), ("2025-03-02", "2025-03-01", false)])
    func courseDates(starts: String, ends: String, valid: Bool) {
        let result = TrainingRules.check(
            CourseDraft(kind: "trung cấp", name: "Lớp trung cấp LLCT K12", organizerCode: "T01", startsOn: starts, endsOn: ends))
        switch result {
        case .success(let course): #expect(valid && course.kind == .theoryIntermediate && !course.cancelled)
        case .failure(let error):
            #expect(!valid && error == .invalid(Catalogue.invalidInput, [FieldError("ends_on", Catalogue.courseEndsBeforeStart)]))
        }
    }

    @Test("what a course needs: a kind of the list, a name, an organizer, both dates; a code like a unit code; status empty or cancelled")
    func courseFields() throws {
        if case .failure(.invalid(_, let errors)) = TrainingRules.check(CourseDraft(code: "lớp 1", kind: "bơi lội", status: "tạm hoãn")) {
            #expect(Set(errors.map(\.field)) == ["code", "kind", "name", "organizer_code", "starts_on", "ends_on", "status"])
        } else {
            Issue.record("an empty course was accepted")
        }
        let cancelled = try TrainingRules.check(
            CourseDraft(
                kind: "Bồi dưỡng nhận thức về Đảng", name: "Lớp NTVĐ", organizerCode: "T01-A", startsOn: "2025-04-01", endsOn: "2025-04-05",
                status: "Đã hủy")
        ).get()
        #expect(cancelled.cancelled && cancelled.kind == .partyAwareness)
    }

    @Test(
        "a course's status follows its dates: planned before the first day, ongoing on the first and last days, finished after",
        arguments: [
            ("2025-02-28", CourseStatus.planned), ("2025-03-01", .ongoing), ("2025-03-15", .ongoing), ("2025-03-31", .ongoing),
            ("2025-04-01", .finished),
        ])
    func courseStatus(on: String, status: CourseStatus) {
        #expect(CourseStatus.of(startsOn: Self.date("2025-03-01"), endsOn: Self.date("2025-03-31"), cancelled: false, on: Self.date(on)) == status)
        #expect(CourseStatus.of(startsOn: Self.date("2025-03-01"), endsOn: Self.date("2025-03-31"), cancelled: true, on: Self.date(on)) == .cancelled)
    }

    @Test(
        "results by key or by the grades certificates carry",
        arguments: [
            ("excellent", TrainingResult.excellent), ("Giỏi", .excellent), ("xuất sắc", .excellent), ("Khá", .good), ("Trung bình", .pass),
            ("đạt", .pass),
            ("Hoàn thành", .pass), ("Không hoàn thành", .notCompleted), ("bỏ học", .withdrawn), ("withdrawn", .withdrawn),
        ])
    func results(text: String, result: TrainingResult) {
        #expect(TrainingResult.parse(text) == result)
    }

    @Test("a certificate needs a completed result, dated from the course's start and not in the future")
    func certificates() throws {
        let start = Self.date("2025-03-01")
        let today = Self.date("2025-12-01")
        func check(_ result: String, _ number: String, _ date: String) -> Result<TrainingOutcome, DomainError> {
            TrainingRules.check(OutcomeDraft(result: result, certificateNo: number, certificateOn: date), courseStartsOn: start, today: today)
        }
        #expect(try check("good", "CC-01", "2025-03-01").get().certificateOn == start)
        #expect(try check("", "", "").get() == TrainingOutcome(result: nil, certificateNo: nil, certificateOn: nil))
        #expect(try check("withdrawn", "", "").get().result == .withdrawn)
        let needsCompletion = DomainError.invalid(Catalogue.invalidInput, [FieldError("certificate_no", Catalogue.certificateNeedsCompletion)])
        #expect(throws: needsCompletion) { try check("not_completed", "CC-02", "").get() }
        #expect(throws: needsCompletion) { try check("", "CC-02", "2025-04-01").get() }
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("certificate_on", Catalogue.certificateBeforeCourse)])) {
            try check("pass", "CC-03", "2025-02-28").get()
        }
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("certificate_on", Catalogue.dateInFuture)])) {
            try check("pass", "CC-03", "2025-12-02").get()
        }
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("result", Catalogue.unknownValue("tốt"))])) {
            try check("tốt", "", "").get()
        }
    }

    @Test("a pasted list of numbers: lines, commas, semicolons and spaces separate them")
    func pastedNumbers() {
        #expect(
            TrainingRules.numbers(in: "50000001\n 001085012345 ,50000003;\r\n\n50000004\t50000005") == [
                "50000001", "001085012345", "50000003", "50000004", "50000005",
            ])
        #expect(TrainingRules.numbers(in: " \n ,").isEmpty)
    }

    @Test(
        "the kinds of course by their short Vietnamese names",
        arguments: [
            ("cao cấp", TrainingCourseKind.theoryAdvanced), ("Sơ cấp lý luận chính trị", .theoryElementary),
            ("Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo, quản lý", .leadersUpdate), ("đảng viên mới", .newMembers),
            ("chuyên môn", .professional),
        ])
    func kinds(text: String, kind: TrainingCourseKind) {
        #expect(TrainingCourseKind.parse(text) == kind)
    }

    // MARK: Training plans and staff reduction (seed 004)

    @Test("a plan's deadline comes after the failed check; its completion not before the check nor in the future")
    func planDates() throws {
        let failed = Self.date("2025-03-01")
        let today = Self.date("2025-06-01")
        func check(_ deadline: String, completed: String = "") -> Result<ValidTrainingPlan, DomainError> {
            ExamRules.check(
                TrainingPlanDraft(training: "Bồi dưỡng nghiệp vụ văn thư", deadline: deadline, completedOn: completed), failedOn: failed, today: today
            )
        }
        #expect(try check("2025-03-02").get().deadline == Self.date("2025-03-02"))
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("deadline", Catalogue.planDeadlineNotAfterExam)])) {
            try check("2025-03-01").get()
        }
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("completed_on", Catalogue.planCompletedBeforeExam)])) {
            try check("2025-12-31", completed: "2025-02-28").get()
        }
        #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("completed_on", Catalogue.dateInFuture)])) {
            try check("2025-12-31", completed: "2025-06-02").get()
        }
    }

    static let failedOn = date("2025-03-01")
    static let deadline = date("2025-12-31")

    static func later(_ held: String, _ outcome: ExamOutcome) -> LaterExam { LaterExam(heldOn: date(held), outcome: outcome) }

    @Test(
        "seed 004: after the plan's deadline without a later pass, the person is considered for staff reduction; the deadline day is still within it",
        arguments: [
            // (on, later checks, training completed, expected)
            ("2025-12-31", [LaterExam](), Bool?.none, StaffReductionStatus.inProgress(deadline: deadline)),
            ("2026-01-01", [], nil, .considered([.noLaterExam, .trainingNotCompleted])),
            ("2026-01-01", [], true, .considered([.noLaterExam])),
            ("2026-01-01", [], false, .considered([.noLaterExam, .trainingNotCompleted])),
            ("2026-01-01", [later("2025-10-01", .failed)], true, .considered([.failedAgain([date("2025-10-01")])])),
            (
                "2026-01-01", [later("2025-10-01", .failed), later("2025-12-01", .failed)], nil,
                .considered([.failedAgain([date("2025-10-01"), date("2025-12-01")]), .trainingNotCompleted])
            ),
            // A pass resolves the plan, before the deadline or after it — from the day it is held.
            ("2025-11-02", [later("2025-11-01", .passed)], nil, .resolved(passedOn: date("2025-11-01"))),
            ("2026-03-01", [later("2025-10-01", .failed), later("2026-02-01", .passed)], false, .resolved(passedOn: date("2026-02-01"))),
            ("2026-01-15", [later("2026-02-01", .passed)], nil, .considered([.noLaterExam, .trainingNotCompleted])),
            // Only checks held after the failed one count; a check without a score yet counts for nothing.
            ("2026-01-01", [later("2025-03-01", .passed), later("2024-12-01", .passed)], true, .considered([.noLaterExam])),
            ("2026-01-01", [later("2025-12-15", .pending)], true, .considered([.noLaterExam])),
        ])
    func staffReduction(on: String, later: [LaterExam], completed: Bool?, expected: StaffReductionStatus) {
        let plan = TrainingPlanFacts(failedOn: Self.failedOn, deadline: Self.deadline, trainingCompleted: completed)
        #expect(StaffReduction.status(plan, laterExams: later, on: Self.date(on)) == expected)
    }

    @Test("a closed plan is no longer followed, whatever the dates")
    func closedPlan() {
        let plan = TrainingPlanFacts(failedOn: Self.failedOn, deadline: Self.deadline, trainingCompleted: nil, closed: true)
        #expect(StaffReduction.status(plan, laterExams: [], on: Self.date("2027-01-01")) == .closed)
        #expect(!StaffReductionStatus.closed.isConsidered && StaffReductionStatus.considered([.noLaterExam]).isConsidered)
    }

    @Test("the reasons say what happened, with the dates of the failed checks")
    func reasonMessages() {
        #expect(StaffReductionReason.failedAgain([Self.date("2025-10-01")]).message.vi == "Sát hạch lại vẫn không đạt (01/10/2025).")
        #expect(StaffReductionReason.noLaterExam.key == "no_later_exam" && StaffReductionReason.trainingNotCompleted.key == "training_not_completed")
    }
}
