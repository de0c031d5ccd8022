/// Texts of training (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let trainingArea = t("Đào tạo, bồi dưỡng", "Training")
    public static let examsArea = t("Thi tuyển, nâng ngạch, sát hạch", "Exams")
    public static let staffReductionList = t("Xem xét tinh giản biên chế", "Considered for staff reduction")
}

// MARK: - Labels of the enumerations

extension Catalogue {
    public static func trainingCourseKind(_ kind: TrainingCourseKind) -> Localized {
        switch kind {
        case .theoryAdvanced: return t("Cao cấp lý luận chính trị", "Advanced political theory")
        case .theoryIntermediate: return t("Trung cấp lý luận chính trị", "Intermediate political theory")
        case .theoryElementary: return t("Sơ cấp lý luận chính trị", "Elementary political theory")
        case .leadersUpdate: return t("Bồi dưỡng cập nhật kiến thức cho cán bộ lãnh đạo, quản lý", "Knowledge update for leaders")
        case .partyAwareness: return t("Bồi dưỡng nhận thức về Đảng", "Course on the Party (candidates)")
        case .newMembers: return t("Bồi dưỡng lý luận chính trị cho đảng viên mới", "New members' course")
        case .professional: return t("Chuyên môn, nghiệp vụ", "Professional")
        case .other: return t("Khác", "Other")
        }
    }

    public static func trainingResult(_ result: TrainingResult) -> Localized {
        switch result {
        case .excellent: return t("Hoàn thành, loại giỏi", "Completed, excellent")
        case .good: return t("Hoàn thành, loại khá", "Completed, good")
        case .pass: return t("Hoàn thành", "Completed")
        case .notCompleted: return t("Không hoàn thành", "Not completed")
        case .withdrawn: return t("Bỏ học, rút khỏi lớp", "Withdrawn")
        }
    }

    public static func courseStatus(_ status: CourseStatus) -> Localized {
        switch status {
        case .planned: return t("Sắp khai giảng", "Planned")
        case .ongoing: return t("Đang học", "Ongoing")
        case .finished: return t("Đã bế giảng", "Finished")
        case .cancelled: return t("Đã hủy", "Cancelled")
        }
    }

    public static func examKind(_ kind: ExamKind) -> Localized {
        switch kind {
        case .recruitment: return t("Thi tuyển", "Recruitment exam")
        case .promotion: return t("Thi nâng ngạch", "Promotion exam")
        case .proficiency: return t("Kiểm tra, sát hạch", "Proficiency check")
        }
    }

    public static func examOutcome(_ outcome: ExamOutcome) -> Localized {
        switch outcome {
        case .pending: return t("Chưa có điểm", "No score yet")
        case .passed: return t("Đạt", "Passed")
        case .failed: return t("Không đạt", "Failed")
        }
    }

    public static func staffReductionReason(_ reason: StaffReductionReason) -> Localized {
        switch reason {
        case .noLaterExam:
            return t("Quá hạn kế hoạch mà chưa sát hạch lại đạt yêu cầu.", "The plan's deadline passed without a later check passed.")
        case .failedAgain(let dates):
            let vi = dates.map(VietnameseFormat.date).joined(separator: ", ")
            let en = dates.map(EnglishFormat.date).joined(separator: ", ")
            return t("Sát hạch lại vẫn không đạt (\(vi)).", "Failed the later check again (\(en)).")
        case .trainingNotCompleted:
            return t("Chưa hoàn thành việc đào tạo, bồi dưỡng theo kế hoạch.", "The planned training was not completed.")
        }
    }
}

// MARK: - Rules and refusals

extension Catalogue {
    public static let courseEndsBeforeStart = t("Ngày bế giảng trước ngày khai giảng.", "The course ends before it starts.")
    public static let certificateBeforeCourse = t("Ngày cấp chứng chỉ trước ngày khai giảng.", "The certificate is dated before the course started.")
    public static let certificateNeedsCompletion = t(
        "Chỉ cấp chứng chỉ cho học viên hoàn thành khóa học: chọn kết quả hoàn thành.", "A certificate needs a completed result.")
    public static func scoreInvalid(_ text: String) -> Localized {
        t(
            "Điểm “\(text)” không hợp lệ: ghi số từ 0 đến 100, tối đa hai chữ số thập phân (ví dụ 72,5).",
            "Score “\(text)” is not valid: a number from 0 to 100 with at most two decimals (e.g. 72.5).")
    }
    public static let planDeadlineNotAfterExam = t(
        "Hạn hoàn thành kế hoạch phải sau ngày sát hạch.", "The plan's deadline must come after the check.")
    public static let planCompletedBeforeExam = t("Ngày hoàn thành trước ngày sát hạch.", "Completed before the check took place.")
    public static let courseNotFound = t("Không tìm thấy lớp đào tạo, bồi dưỡng này trong phạm vi của bạn.", "No such course in your scope.")
    public static let courseCodeTaken = t("Mã lớp này đã được dùng.", "This course code is taken.")
    public static let courseOrganizerOnly = t(
        "Chỉ đơn vị tổ chức lớp (và cấp trên của đơn vị đó) mới được sửa lớp và danh sách học viên.",
        "Only the organizing unit (and the levels above it) may change the course and its trainees.")
    public static let courseHasTrainees = t(
        "Lớp đã có học viên: không xóa được; hãy chuyển tình trạng sang “Đã hủy”, hoặc hủy ghi nhận từng học viên nhập nhầm.",
        "The course has trainees: it cannot be deleted; set its status to cancelled, or annul the trainees entered by mistake.")
    public static let courseCancelledNoTrainees = t("Lớp đã hủy: không thêm học viên được.", "The course is cancelled: no trainee can be added.")
    public static let enrollmentNotFound = t("Không tìm thấy học viên này trong phạm vi của bạn.", "No such trainee in your scope.")
    public static let enrollmentAnnulled = t("Học viên này đã bị hủy ghi nhận.", "This trainee was annulled.")
    public static let trainingPersonNotFound = t(
        "Không tìm thấy đảng viên hoặc cán bộ có số thẻ hoặc số CCCD này trong phạm vi của bạn; người chưa có hồ sơ cần được tạo hồ sơ cán bộ trước.",
        "No member or cadre with this card or national ID number in your scope; a person without a record needs a cadre record first.")
    public static func trainingNumberNotFound(_ number: String) -> Localized {
        t("Không có đảng viên hoặc cán bộ nào với số “\(number)” trong phạm vi của bạn.", "No member or cadre with number “\(number)” in your scope.")
    }
    public static func traineeAlreadyEnrolled(_ name: String) -> Localized {
        t("\(name) đã có trong danh sách học viên của lớp.", "\(name) is already a trainee of this course.")
    }
    public static let reasonRequired = t("Phải ghi lý do.", "A reason is required.")
    public static let bulkRefused = t("Danh sách có số không hợp lệ; chưa thêm ai.", "The list has numbers that are not valid; nobody was added.")
    public static func bulkNumberNotFound(_ number: String) -> Localized {
        t("“\(number)”: không tìm thấy trong phạm vi của bạn.", "“\(number)”: not found in your scope.")
    }
    public static func bulkNumberProblem(_ number: String, _ problem: Localized) -> Localized {
        t("“\(number)”: \(problem.vi)", "“\(number)”: \(problem.en)")
    }
    public static func bulkAdded(_ added: Int, skipped: Int) -> Localized {
        t(
            "Đã thêm \(VietnameseFormat.integer(added)) người\(skipped > 0 ? "; \(VietnameseFormat.integer(skipped)) người đã có trong danh sách" : "").",
            "Added \(EnglishFormat.integer(added))\(skipped > 0 ? "; \(EnglishFormat.integer(skipped)) already listed" : "").")
    }
    public static func trainingsCourseDiffers(_ code: String, firstLine: Int) -> Localized {
        t(
            "Thông tin lớp \(code) khác với dòng \(firstLine): mọi dòng của một lớp phải ghi giống nhau.",
            "Course \(code) differs from line \(firstLine): every row of a course must describe it the same way.")
    }
    public static func examsSessionDiffers(_ code: String, firstLine: Int) -> Localized {
        t(
            "Thông tin kỳ thi \(code) khác với dòng \(firstLine): mọi dòng của một kỳ thi phải ghi giống nhau.",
            "Session \(code) differs from line \(firstLine): every row of a session must describe it the same way.")
    }
    public static func planCourseWithoutPerson(_ code: String) -> Localized {
        t(
            "Người này không có trong lớp \(code) (hoặc không thấy lớp): ghi người này vào lớp trong trainings.csv trước.",
            "This person is not a trainee of course \(code) (or the course is not found): enrol them in trainings.csv first.")
    }
    public static let planCloseNeedsBoth = t(
        "Đóng kế hoạch cần cả ngày đóng (hợp lệ) và lý do (tối đa 500 ký tự).",
        "Closing a plan needs both a valid date and a reason (up to 500 characters).")
    public static let examNotFound = t("Không tìm thấy kỳ thi, sát hạch này trong phạm vi của bạn.", "No such exam session in your scope.")
    public static let examCodeTaken = t("Mã kỳ thi này đã được dùng.", "This session code is taken.")
    public static let examOrganizerOnly = t(
        "Chỉ đơn vị tổ chức kỳ thi (và cấp trên của đơn vị đó) mới được sửa kỳ thi, danh sách và điểm.",
        "Only the organizing unit (and the levels above it) may change the session, its candidates and scores.")
    public static let candidateNotFound = t("Không tìm thấy thí sinh này trong phạm vi của bạn.", "No such candidate in your scope.")
    public static let candidateAnnulled = t("Thí sinh này đã bị hủy ghi nhận.", "This candidate was annulled.")
    public static func candidateAlreadyListed(_ name: String) -> Localized {
        t("\(name) đã có trong danh sách thí sinh.", "\(name) is already a candidate of this session.")
    }
    public static let planNotFound = t("Không tìm thấy kế hoạch đào tạo này.", "No such training plan.")
    public static let planOnlyAfterFailedCheck = t(
        "Chỉ lập kế hoạch đào tạo, bồi dưỡng cho người không đạt kỳ kiểm tra, sát hạch.",
        "A training plan is made only for someone who failed a proficiency check.")
    public static let planExists = t("Người này đã có kế hoạch cho lần sát hạch này.", "This person already has a plan for this check.")
    public static let planClosed = t("Kế hoạch này đã đóng.", "This plan is closed.")
    public static let planCourseNotOrganized = t(
        "Lớp này không do đơn vị trong phạm vi của bạn tổ chức: hãy để đơn vị tổ chức ghi người này vào lớp trước.",
        "The course is not organized in your scope: have the organizer enrol the person first.")
    public static func changedMeanwhile(old: String, new: String) -> Localized {
        t("người khác đã sửa trong lúc bạn sửa: \(old) → \(new)", "changed meanwhile by someone else: \(old) → \(new)")
    }
}

// MARK: - Pages

extension Catalogue {
    public static let trainingSaved = t("Đã lưu.", "Saved.")
    public static let newCourse = t("Mở lớp đào tạo, bồi dưỡng", "New course")
    public static let editCourse = t("Sửa thông tin lớp", "Edit the course")
    public static let deleteCourse = t("Xóa lớp nhập nhầm (chưa có học viên)", "Delete the course entered by mistake (no trainees)")
    public static let courseCode = t("Mã", "Code")
    public static let codeMadeIfEmpty = t("để trống: hệ thống tự đặt", "empty: made automatically")
    public static let courseKind = t("Loại lớp", "Kind of course")
    public static let courseName = t("Tên lớp", "Course name")
    public static let courseOrganizer = t("Đơn vị tổ chức", "Organized by")
    public static let organizerCode = t("Mã đơn vị tổ chức (tổ chức đảng hoặc cơ quan)", "Organizer code (party unit or agency)")
    public static let coursePlace = t("Địa điểm", "Place")
    public static let courseStartsOn = t("Ngày khai giảng", "Starts on")
    public static let courseEndsOn = t("Ngày bế giảng", "Ends on")
    public static let courseDates = t("Thời gian học", "Dates")
    public static let courseDecision = t("Quyết định, kế hoạch mở lớp (số)", "Decision or plan (number)")
    public static let courseStatusLabel = t("Tình trạng", "Status")
    public static let statusByDates = t("Theo ngày khai giảng, bế giảng", "From the dates")
    public static let courseTrainees = t("Học viên", "Trainees")
    public static let allKinds = t("Mọi loại", "Every kind")
    public static let yearLabel = t("Năm", "Year")
    public static let sortNewest = t("Mới nhất trước", "Newest first")
    public static func trainingFigures(_ from: String, _ to: String) -> Localized {
        t("Số liệu báo cáo từ \(from) đến \(to)", "Report figures from \(from) to \(to)")
    }
    public static func trainedSentence(_ count: String) -> Localized {
        t("Cử \(count) lượt cán bộ, đảng viên đi đào tạo, bồi dưỡng.", "Sent \(count) trainees to courses.")
    }
    public static func organizedSentence(_ courses: String, _ trainees: String) -> Localized {
        t("Tổ chức \(courses) lớp với \(trainees) học viên.", "Organized \(courses) courses with \(trainees) trainees.")
    }
    public static let trainingCountsHelp = t(
        "“Cử đi đào tạo” đếm lượt học viên (không tính người bị hủy ghi nhận) do đơn vị trong phạm vi cử đi, ở các lớp không bị hủy có ngày khai giảng trong kỳ, dù lớp do đâu tổ chức; người bỏ học vẫn được tính là đã cử. “Tổ chức” đếm các lớp không bị hủy do đơn vị trong phạm vi tổ chức, khai giảng trong kỳ, với số học viên của các lớp đó.",
        "“Sent” counts trainees (annulled ones aside) sent by units in scope to courses not cancelled that start in the period, wherever organized; a withdrawn trainee was sent and counts. “Organized” counts courses not cancelled, organized in scope, starting in the period, with their trainees."
    )
    public static let addTrainee = t("Thêm học viên", "Add a trainee")
    public static let addTraineesBulk = t("Thêm nhiều học viên", "Add several trainees")
    public static let bulkNumbers = t(
        "Số thẻ đảng viên hoặc số CCCD, mỗi dòng một số (hoặc cách nhau bởi dấu phẩy)",
        "Card or national ID numbers, one per line (or comma-separated)")
    public static let sendingUnit = t("Đơn vị cử đi", "Sent by")
    public static let sendingUnitCode = t("Mã đơn vị cử đi", "Code of the sending unit")
    public static let defaultPersonUnit = t("để trống: đơn vị quản lý hồ sơ", "empty: the unit holding the record")
    public static let trainingResultLabel = t("Kết quả", "Result")
    public static let noResultYet = t("Chưa có kết quả", "No result yet")
    public static let certificateNo = t("Số chứng chỉ, văn bằng", "Certificate number")
    public static let certificateOn = t("Ngày cấp", "Issued on")
    public static let updateResult = t("Cập nhật kết quả", "Record the result")
    public static let annulTrainee = t("Hủy ghi nhận (nhập nhầm)", "Annul (entered by mistake)")
    public static let annulHelp = t(
        "Hủy ghi nhận không xóa dữ liệu: người này vẫn còn trong lịch sử của lớp nhưng không được tính nữa. Người bỏ học thì ghi kết quả “Bỏ học”.",
        "Annulling deletes nothing: the person stays in the course's record but no longer counts. For someone who dropped out, record the result “Withdrawn”."
    )
    public static let annulledTrainees = t("Học viên đã hủy ghi nhận", "Annulled trainees")
    public static let annulledOn = t("Ngày hủy ghi nhận", "Annulled on")
    public static let reason = t("Lý do", "Reason")
    public static let onlyYourTrainees = t(
        "Lớp do đơn vị ngoài phạm vi của bạn tổ chức: chỉ hiện học viên do đơn vị của bạn cử đi.",
        "The course is organized outside your scope: only the trainees your units sent are shown.")
    public static let personTraining = t("Đào tạo, bồi dưỡng", "Training")
    public static let personExams = t("Thi tuyển, nâng ngạch, sát hạch", "Exams")

    public static let newExam = t("Tổ chức kỳ thi, sát hạch", "New exam session")
    public static let editExam = t("Sửa thông tin kỳ thi", "Edit the session")
    public static let examName = t("Kỳ thi, sát hạch", "Session")
    public static let examKindLabel = t("Hình thức", "Kind")
    public static let examHeldOn = t("Ngày thi", "Held on")
    public static let passMark = t("Điểm đạt", "Pass mark")
    public static let passMarkHelp = t(
        "Thang điểm 100; đạt khi điểm từ điểm đạt trở lên (bằng điểm đạt là đạt). Người không đạt kỳ kiểm tra, sát hạch phải có kế hoạch đào tạo, bồi dưỡng.",
        "Scores out of 100; a score at or above the pass mark passes (exactly the mark passes). Whoever fails a proficiency check needs a training plan."
    )
    public static let examCandidates = t("Thí sinh", "Candidates")
    public static let examPassed = t("Đạt", "Passed")
    public static let examFailed = t("Không đạt", "Failed")
    public static let examScore = t("Điểm", "Score")
    public static let examOutcomeLabel = t("Kết quả", "Outcome")
    public static let addCandidate = t("Thêm thí sinh", "Add a candidate")
    public static let addCandidatesBulk = t("Thêm nhiều thí sinh", "Add several candidates")
    public static let workUnit = t("Đơn vị công tác", "Works at")
    public static let workUnitCode = t("Mã đơn vị công tác", "Code of the unit where the person works")
    public static let annulCandidate = t("Hủy ghi nhận thí sinh (nhập nhầm)", "Annul the candidate (entered by mistake)")
    public static let annulledCandidates = t("Thí sinh đã hủy ghi nhận", "Annulled candidates")
    public static let onlyYourCandidates = t(
        "Kỳ thi do đơn vị ngoài phạm vi của bạn tổ chức: chỉ hiện thí sinh công tác trong phạm vi của bạn.",
        "The session is organized outside your scope: only candidates working in your scope are shown.")
    public static let planNeeded = t("Cần lập kế hoạch đào tạo, bồi dưỡng", "A training plan is needed")
    public static let newPlan = t("Lập kế hoạch đào tạo, bồi dưỡng", "Make the training plan")
    public static let editPlan = t("Kế hoạch đào tạo, bồi dưỡng", "Training plan")
    public static let planHelp = t(
        "Sau hạn kế hoạch, nếu chưa sát hạch lại đạt yêu cầu thì người này vào danh sách xem xét tinh giản biên chế.",
        "After the deadline, without a later check passed, the person enters the list of those considered for staff reduction.")
    public static let planTraining = t("Nội dung đào tạo, bồi dưỡng", "Training")
    public static let planDeadline = t("Hạn hoàn thành", "Deadline")
    public static let planCourseCode = t("Mã lớp học theo kế hoạch (nếu có)", "Course code for the plan (optional)")
    public static let planCompletedOn = t("Ngày hoàn thành (khi không học theo lớp trong hệ thống)", "Completed on (when not through a course here)")
    public static let planStatusLabel = t("Tình hình thực hiện", "Progress")
    public static let planCloseReason = t("Lý do đóng kế hoạch (nghỉ hưu, chuyển công tác…)", "Why the plan is closed (retired, moved…)")
    public static let closePlan = t("Đóng kế hoạch", "Close the plan")
    public static let planClosedLabel = t("Đã đóng", "Closed")
    public static func planResolved(_ date: String) -> Localized {
        t("Đã sát hạch lại đạt yêu cầu ngày \(date)", "Passed a later check on \(date)")
    }
    public static func planInProgress(_ deadline: String) -> Localized {
        t("Đang thực hiện, hạn \(deadline)", "In progress, due \(deadline)")
    }
    public static let failedExam = t("Kỳ sát hạch không đạt", "Check failed")
    public static let staffReductionReasons = t("Lý do", "Reasons")
    public static let staffReductionHelp = t(
        "Người không đạt kỳ kiểm tra, sát hạch, có kế hoạch đào tạo, bồi dưỡng chưa đóng, đã quá hạn kế hoạch mà chưa sát hạch lại đạt yêu cầu (đến ngày xem). Lọc theo đơn vị công tác.",
        "People who failed a proficiency check and whose open training plan is past its deadline without a later check passed (as of the date shown), by the unit where they work."
    )
}

/// Labels of training's field keys (errors, conflicts and history name fields by key).
extension Catalogue {
    static let trainingFieldLabels: [String: Localized] = [
        "course_code": courseCode, "course_kind": courseKind, "course_name": courseName, "course_status": courseStatusLabel,
        "organizer_code": organizerCode, "place": coursePlace, "starts_on": courseStartsOn, "ends_on": courseEndsOn, "person": memberNumber,
        "sending_unit_code": sendingUnitCode, "result": trainingResultLabel, "certificate_no": certificateNo, "certificate_on": certificateOn,
        "numbers": bulkNumbers, "reason": reason, "held_on": examHeldOn, "pass_mark": passMark, "score": examScore, "work_unit_code": workUnitCode,
        "training": planTraining, "deadline": planDeadline, "completed_on": planCompletedOn, "closed_on": planClosedLabel, "close_reason": reason,
        "year": yearLabel, "course": courseName, "enrollment": courseTrainees, "candidate": examCandidates, "plan": editPlan,
        "annulled_on": annulledOn,
        "outcome": examOutcomeLabel, "exam_code": courseCode, "exam_kind": examKindLabel, "exam_name": examName, "plan_training": planTraining,
        "plan_deadline": planDeadline, "plan_course_code": planCourseCode, "plan_completed_on": planCompletedOn, "plan_closed_on": planClosedLabel,
        "plan_close_reason": planCloseReason,
    ]
}
