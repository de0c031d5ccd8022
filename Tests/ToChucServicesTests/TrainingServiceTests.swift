import Foundation
import SQLKit
import Testing
import ToChucDomain
import ToChucServices
import ToChucStorage

/// Issue 5, training and exams (DOMAIN.md §3; seed 004): courses and trainees in scope, the counts of the briefing
/// report, trainings.csv, exam sessions with scores, training plans and the staff-reduction list.
@Suite struct TrainingServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 22)!

    /// Members 3000000n: 1–3 in T01-A-C1, 4–5 in T01-B-C1.
    static func setUp(_ t: TestDatabase) async throws {
        try await t.seedTree()
        let people = [
            ("Nguyễn Thị Hoa", "T01-A-C1"), ("Trần Văn Minh", "T01-A-C1"), ("Lê Văn Nam", "T01-A-C1"), ("Phạm Văn Quang", "T01-B-C1"),
            ("Hoàng Thị Sen", "T01-B-C1"),
        ]
        for (index, person) in people.enumerated() {
            _ = try await t.services.members.create(
                cli, MemberTests.draft(person.0, card: "3000000\(index + 1)", unit: person.1, birth: "1985-0\(index + 1)-10"), today: today)
        }
    }

    static func course(
        _ t: TestDatabase, at unit: String = "T01-A", code: String = "", starts: String = "2025-03-01", ends: String = "2025-03-31",
        kind: String = "professional", status: String = ""
    ) async throws -> TrainingCourse {
        try await t.services.training.createCourse(
            try await t.principal(.clerk, at: unit),
            CourseDraft(code: code, kind: kind, name: "Lớp \(kind) \(starts)", organizerCode: unit, startsOn: starts, endsOn: ends, status: status))
    }

    static func enroll(
        _ t: TestDatabase, _ course: TrainingCourse, _ n: Int, by unit: String = "T01-A", sending: String = "", result: String = ""
    )
        async throws -> TrainingEnrollment
    {
        try await t.services.training.enroll(
            try await t.principal(.clerk, at: unit), courseId: course.id, person: "3000000\(n)", sendingCode: sending,
            outcome: OutcomeDraft(result: result), today: today)
    }

    @Test("DOMAIN.md §6: a commune's course is not seen or changed by the sibling commune; the province sees it")
    func scope() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let course = try await Self.course(t)
            #expect(course.code == "LOP-2025-\(course.id)" && course.organizer.code == "T01-A")
            _ = try await Self.enroll(t, course, 1)
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.courseNotFound)) { try await t.services.training.course(sibling, id: course.id) }
            await #expect(throws: DomainError.notFound(Catalogue.courseNotFound)) {
                try await t.services.training.updateCourse(sibling, id: course.id, course.draft, expectedVersion: course.version)
            }
            await #expect(throws: DomainError.notFound(Catalogue.courseNotFound)) {
                try await t.services.training.enroll(sibling, courseId: course.id, person: "30000004", today: Self.today)
            }
            #expect(try await t.services.training.courses(sibling, CourseQuery()).total == 0)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("organizer_code", Catalogue.placeNotFound)])) {
                try await t.services.training.createCourse(
                    sibling, CourseDraft(kind: "other", name: "X", organizerCode: "T01-A", startsOn: "2025-01-01", endsOn: "2025-01-02"))
            }
            // A member of the sibling commune is not found from T01-A.
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("person", Catalogue.trainingPersonNotFound)])) {
                try await Self.enroll(t, course, 4)
            }
            let province = try await t.principal(.viewer, at: "T01")
            #expect(try await t.services.training.course(province, id: course.id).trainees.map(\.person.fullName) == ["Nguyễn Thị Hoa"])
            await #expect(throws: DomainError.forbidden(Catalogue.readOnlyRole)) {
                try await t.services.training.enroll(
                    try await t.principal(.viewer, at: "T01-A"), courseId: course.id, person: "30000002", today: Self.today)
            }
        }
    }

    @Test("a provincial course is seen by a commune that sent people to it, with only its own trainees, and not changed by it")
    func sentThrough() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let course = try await Self.course(t, at: "T01", kind: "theory_intermediate")
            _ = try await Self.enroll(t, course, 1, by: "T01")
            _ = try await Self.enroll(t, course, 4, by: "T01")
            let communeA = try await t.principal(.clerk, at: "T01-A")
            let detail = try await t.services.training.course(communeA, id: course.id)
            #expect(!detail.organizes && detail.trainees.map(\.person.fullName) == ["Nguyễn Thị Hoa"])
            #expect(try await t.services.training.courses(communeA, CourseQuery()).items.map(\.trainees) == [2])
            await #expect(throws: DomainError.forbidden(Catalogue.courseOrganizerOnly)) {
                try await t.services.training.enroll(communeA, courseId: course.id, person: "30000002", today: Self.today)
            }
            let records = try await t.services.training.personRecords(communeA, memberId: detail.trainees[0].person.memberId)
            #expect(records.courses.map(\.course.code) == [course.code])
        }
    }

    @Test(
        "the counts of the briefing report: trainees sent from the subtree to courses starting in [from, to], courses organized there with their trainees"
    )
    func counts() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let agency = try await t.services.agencies.create(
                Self.cli, AgencyDraft(code: "UBND-A", name: "Ủy ban nhân dân xã An Bình", kind: "government", unitCode: "T01-A"))
            let before = try await Self.course(t, starts: "2025-12-31", ends: "2026-01-10")
            let first = try await Self.course(t, starts: "2026-01-01", ends: "2026-01-10")
            let last = try await Self.course(t, starts: "2026-06-30", ends: "2026-07-30")
            let after = try await Self.course(t, starts: "2026-07-01", ends: "2026-07-02")
            let cancelled = try await Self.course(t, starts: "2026-03-01", ends: "2026-03-02", status: "cancelled")
            let provincial = try await Self.course(t, at: "T01", starts: "2026-02-01", ends: "2026-02-10", kind: "leaders_update")
            for course in [before, first, last, after] { _ = try await Self.enroll(t, course, 1) }
            _ = try await Self.enroll(t, first, 2, sending: agency.code)
            let wrong = try await Self.enroll(t, first, 3)
            _ = try await t.services.training.annulEnrollment(
                try await t.principal(.clerk, at: "T01-A"), id: wrong.id, reason: "Nhập nhầm", today: Self.today)
            _ = try await Self.enroll(t, last, 2, result: "withdrawn")
            _ = try await Self.enroll(t, provincial, 3, by: "T01")
            _ = try await Self.enroll(t, provincial, 4, by: "T01")
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("course", Catalogue.courseCancelledNoTrainees)])) {
                try await Self.enroll(t, cancelled, 1)
            }
            let viewer = try await t.principal(.viewer, at: "T01")
            let from = CivilDate(year: 2026, month: 1, day: 1)!
            let to = CivilDate(year: 2026, month: 6, day: 30)!
            // first: Hoa + Minh (through the agency) — Nam annulled; provincial: Nam; last: Hoa + Minh (withdrawn counts).
            #expect(try await t.services.training.trainedCount(viewer, unitCode: "T01-A", from: from, to: to) == 5)
            #expect(try await t.services.training.trainedCount(viewer, unitCode: "T01-B", from: from, to: to) == 1)
            #expect(try await t.services.training.trainedCount(viewer, unitCode: "T01", from: from, to: to) == 6)
            #expect(try await t.services.training.trainedCount(viewer, unitCode: "T01-A", from: from, to: from) == 2)
            let organized = try await t.services.training.coursesOrganized(viewer, unitCode: "T01-A", from: from, to: to)
            #expect(organized.map(\.course.id) == [first.id, last.id] && organized.map(\.trainees) == [2, 2])
            let all = try await t.services.training.summary(viewer, unitCode: "T01", from: from, to: to)
            #expect(all.courses.count == 3 && all.traineesOfCourses == 6 && all.trained == 6)
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("to", Catalogue.periodReversed)])) {
                try await t.services.training.trainedCount(viewer, unitCode: "", from: to, to: from)
            }
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) {
                try await t.services.training.trainedCount(try await t.principal(.viewer, at: "T01-B"), unitCode: "T01-A", from: from, to: to)
            }
        }
    }

    @Test(
        "edits carry a version (a stale save is refused with what changed); a course with trainees is cancelled, never deleted; history shows it all")
    func editsAndHistory() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let course = try await Self.course(t, code: "NV-2025-01")
            var draft = course.draft
            draft.place = "Hội trường xã"
            let saved = try await t.services.training.updateCourse(clerk, id: course.id, draft, expectedVersion: course.version)
            #expect(saved.version == 2 && saved.place == "Hội trường xã")
            draft.place = "Nhà văn hóa"
            do {
                _ = try await t.services.training.updateCourse(clerk, id: course.id, draft, expectedVersion: 1)
                Issue.record("a stale save was accepted")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.map(\.field) == ["place"] && changes[0].new == "Hội trường xã")
            }
            let trainee = try await Self.enroll(t, course, 1)
            await #expect(throws: DomainError.invalid(Catalogue.courseHasTrainees, [FieldError("course", Catalogue.courseHasTrainees)])) {
                try await t.services.training.deleteCourse(clerk, id: course.id)
            }
            let result = try await t.services.training.updateEnrollment(
                clerk, id: trainee.id, sendingCode: "", outcome: OutcomeDraft(result: "Giỏi", certificateNo: "CC-17", certificateOn: "2025-04-02"),
                expectedVersion: 1, today: Self.today)
            #expect(result.outcome.result == .excellent && result.outcome.certificateNo == "CC-17" && result.version == 2)
            await #expect(throws: DomainError.self) {
                try await t.services.training.updateEnrollment(clerk, id: trainee.id, sendingCode: "", outcome: OutcomeDraft(), expectedVersion: 1)
            }
            draft.status = "cancelled"
            let cancelled = try await t.services.training.updateCourse(clerk, id: course.id, draft, expectedVersion: 2)
            #expect(cancelled.cancelled && cancelled.status(on: Self.today) == .cancelled)
            let empty = try await Self.course(t, code: "NHAP-NHAM")
            try await t.services.training.deleteCourse(clerk, id: empty.id)
            await #expect(throws: DomainError.notFound(Catalogue.courseNotFound)) { try await t.services.training.course(clerk, id: empty.id) }
            let actions = try await t.services.training.courseHistory(clerk, id: course.id).map { "\($0.entity):\($0.action)" }
            #expect(
                actions == [
                    "training_course:create", "training_course:update", "training_enrollment:create", "training_enrollment:update",
                    "training_course:update",
                ])
        }
    }

    @Test("a pasted list is all or nothing: an unknown number refuses it, named; those already enrolled are skipped")
    func bulk() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let course = try await Self.course(t, kind: "new_members")
            _ = try await Self.enroll(t, course, 1)
            do {
                _ = try await t.services.training.enrollMany(clerk, courseId: course.id, numbers: "30000002\n99999999, 30000004", today: Self.today)
                Issue.record("a list with unknown numbers was accepted")
            } catch DomainError.invalid(let message, let errors) {
                #expect(
                    message == Catalogue.bulkRefused
                        && errors.map(\.message) == [
                            Catalogue.bulkNumberNotFound("99999999"), Catalogue.bulkNumberNotFound("30000004"),
                        ])
            }
            #expect(try await t.services.training.course(clerk, id: course.id).trainees.count == 1)
            let done = try await t.services.training.enrollMany(
                clerk, courseId: course.id, numbers: "30000001; 30000002 30000003 30000002", today: Self.today)
            #expect(done.added.map(\.person.cardNo) == ["30000002", "30000003"] && done.alreadyEnrolled == ["30000001"])
        }
    }

    // MARK: - trainings.csv

    static let header =
        "Mã lớp,Loại lớp,Tên lớp,Mã đơn vị tổ chức,Địa điểm,Ngày khai giảng,Ngày bế giảng,Số quyết định,Tình trạng lớp,Số CCCD,Số thẻ đảng viên,Mã đơn vị cử đi,Kết quả,Số chứng chỉ,Ngày cấp chứng chỉ"

    func write(_ t: TestDatabase, _ csv: String, file: String = "trainings.csv", folder name: String) throws -> URL {
        let folder = t.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: folder.appendingPathComponent(file))
        return folder
    }

    @Test(
        "trainings.csv: a file with bad rows stores nothing and names each; fixed, it loads; again, it changes nothing; exported, it loads back unchanged"
    )
    func importFile() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let bad = """
                \(Self.header)
                TC-01,Trung cấp,Lớp trung cấp LLCT,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,30000001,,Khá,CC-1,01/10/2025
                TC-01,Trung cấp,Lớp khác tên,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,30000002,,,,
                TC-02,bơi lội,Lớp X,T01-A,,01/03/2025,01/02/2025,,,,30000002,,,,
                TC-03,Sơ cấp,Lớp Y,T01-B,,01/03/2025,02/03/2025,,,,30000002,,,,
                TC-01,Trung cấp,Lớp trung cấp LLCT,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,99999999,,,,
                TC-01,Trung cấp,Lớp trung cấp LLCT,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,30000001,,,,
                TC-04,Sơ cấp,Lớp Z,T01-A,,01/03/2025,02/03/2025,,,,30000003,,Không hoàn thành,CC-9,
                """
            do {
                _ = try await t.services.interchange.importDataset(clerk, at: try write(t, bad, folder: "bad"))
                Issue.record("a bad file was loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("trainings.csv:3: course_code:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:4: course_kind:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:4: ends_on:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:5: organizer_code:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:6: card_no:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:7: card_no:") })
                #expect(lines.contains { $0.hasPrefix("trainings.csv:8: certificate_no:") })
                #expect(Set(failure.problems.compactMap(\.line)) == [3, 4, 5, 6, 7, 8])
            }
            #expect(try await t.services.training.courses(clerk, CourseQuery()).total == 0)
            let good = """
                \(Self.header)
                TC-01,Trung cấp,Lớp trung cấp LLCT,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,30000001,,Khá,CC-1,01/10/2025
                TC-01,Trung cấp,Lớp trung cấp LLCT,T01-A,Trường Chính trị,01/03/2025,30/09/2025,12-QĐ/ĐU,,,30000002,,,,
                TC-05,Bồi dưỡng cập nhật kiến thức,Lớp cập nhật kiến thức,T01-A,,2025-05-01,2025-05-03,,Đã hủy,,,,,,
                """
            let folder = try write(t, good, folder: "good")
            let first = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(first.created == 4 && first.updated == 0)
            let list = try await t.services.training.courses(clerk, CourseQuery())
            #expect(list.items.map(\.course.code).sorted() == ["TC-01", "TC-05"])
            let tc01 = list.items.first { $0.course.code == "TC-01" }!
            #expect(tc01.trainees == 2 && tc01.course.kind == .theoryIntermediate)
            let detail = try await t.services.training.course(clerk, id: tc01.course.id)
            #expect(detail.trainees.first { $0.person.cardNo == "30000001" }?.outcome.result == .good)
            #expect(try await t.services.training.courseHistory(clerk, id: tc01.course.id).first?.action == "import")
            let audit = try await t.services.audit.verify()
            let second = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(second.created == 0 && second.updated == 0 && second.unchanged == 4)
            #expect(try await t.services.audit.verify() == audit)
            // Exported, the dataset loads back unchanged.
            let out = t.folder.appendingPathComponent("export")
            let counts = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(counts["trainings.csv"] == 3)
            let again = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(again.created == 0 && again.updated == 0)
            // A changed result is an update, audited.
            let changed = good.replacingOccurrences(of: "30000002,,,,", with: "30000002,,Giỏi,CC-2,02/10/2025")
            let third = try await t.services.interchange.importDataset(clerk, at: try write(t, changed, folder: "changed"))
            #expect(third.created == 0 && third.updated == 1)
        }
    }

    static let examHeader =
        "Mã kỳ thi,Hình thức,Tên kỳ thi,Mã đơn vị tổ chức,Ngày thi,Điểm đạt,Số CCCD,Số thẻ đảng viên,Mã đơn vị công tác,Điểm,Nội dung đào tạo, bồi dưỡng,Hạn hoàn thành,Mã lớp theo kế hoạch,Ngày hoàn thành,Ngày đóng kế hoạch,Lý do đóng kế hoạch"
        .replacingOccurrences(of: "Nội dung đào tạo, bồi dưỡng", with: "\"Nội dung đào tạo, bồi dưỡng\"")

    @Test(
        "exams.csv: sessions, scores and plans load all or nothing (plans only after a failed sát hạch, their course holding the person); again, nothing changes"
    )
    func importExams() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let course = try await Self.course(t, code: "NV-01", starts: "2025-04-01", ends: "2025-06-30")
            _ = try await Self.enroll(t, course, 2)
            let bad = """
                \(Self.examHeader)
                SH-01,Sát hạch,Sát hạch công chức 2025,T01-A,01/03/2025,50,,30000001,,50,Bồi dưỡng,31/12/2025,,,,
                SH-01,Sát hạch,Sát hạch công chức 2025,T01-A,01/03/2025,50,,30000003,,40,Bồi dưỡng,31/12/2025,NV-01,,,
                SH-01,Sát hạch,Sát hạch công chức 2025,T01-A,01/03/2025,50,,30000002,,100.5,,,,,,
                NT-01,Nâng ngạch,Thi nâng ngạch,T01-A,01/03/2025,60,,30000001,,55,Bồi dưỡng,01/02/2025,,,01/01/2026,
                """
            do {
                _ = try await t.services.interchange.importDataset(clerk, at: try write(t, bad, file: "exams.csv", folder: "bad-exams"))
                Issue.record("a bad file was loaded")
            } catch let failure as ImportFailure {
                let lines = failure.problems.map { $0.text(.en) }
                #expect(lines.contains { $0.hasPrefix("exams.csv:2: plan_training:") })
                #expect(lines.contains { $0.hasPrefix("exams.csv:3: plan_course_code:") })
                #expect(lines.contains { $0.hasPrefix("exams.csv:4: score:") })
                #expect(
                    lines.contains { $0.hasPrefix("exams.csv:5: plan_training:") } && lines.contains { $0.hasPrefix("exams.csv:5: plan_deadline:") })
                #expect(lines.contains { $0.hasPrefix("exams.csv:5: plan_close_reason:") })
                #expect(Set(failure.problems.compactMap(\.line)) == [2, 3, 4, 5])
            }
            #expect(try await t.services.training.sessions(clerk, ExamQuery()).total == 0)
            let good = """
                \(Self.examHeader)
                SH-01,Sát hạch,Sát hạch công chức 2025,T01-A,01/03/2025,50,,30000001,,50,,,,,,
                SH-01,Sát hạch,Sát hạch công chức 2025,T01-A,01/03/2025,50,,30000002,,"49,5",Bồi dưỡng nghiệp vụ,31/12/2025,NV-01,,,
                SH-02,Kiểm tra sát hạch,Sát hạch lần 2,T01-A,2026-02-01,50,,,,,,,,,,
                """
            let folder = try write(t, good, file: "exams.csv", folder: "good-exams")
            let first = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(first.created == 4 && first.updated == 0)
            let listed = try await t.services.training.staffReduction(clerk, today: Self.today)
            #expect(listed.items.map(\.candidate.person.cardNo) == ["30000002"] && listed.items[0].plan.courseCode == "NV-01")
            let second = try await t.services.interchange.importDataset(clerk, at: folder)
            #expect(second.created == 0 && second.updated == 0 && second.unchanged == 4)
            let out = t.folder.appendingPathComponent("export-exams")
            let counts = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(counts["exams.csv"] == 3)
            let again = try await t.services.interchange.importDataset(Self.cli, at: out)
            #expect(again.created == 0 && again.updated == 0)
            let session = try await t.services.training.sessions(clerk, ExamQuery()).items.first { $0.session.code == "SH-01" }!
            #expect(try await t.services.training.sessionHistory(clerk, id: session.session.id).first?.action == "import")
        }
    }

    // MARK: - Exams

    static func session(_ t: TestDatabase, kind: String = "proficiency", held: String = "2025-03-01", mark: String = "50") async throws -> ExamSession
    {
        try await t.services.training.createSession(
            try await t.principal(.clerk, at: "T01-A"),
            ExamSessionDraft(kind: kind, name: "Sát hạch công chức \(held)", heldOn: held, organizerCode: "T01-A", passMark: mark))
    }

    @Test("seed 004: who fails a sát hạch gets a training plan; after its deadline without a later pass, they are considered for staff reduction")
    func staffReduction() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let check = try await Self.session(t)
            let passing = try await t.services.training.addCandidate(clerk, sessionId: check.id, person: "30000001", score: "50")
            let failing = try await t.services.training.addCandidate(clerk, sessionId: check.id, person: "30000002", score: "49,99")
            let detail = try await t.services.training.session(clerk, id: check.id, today: Self.today)
            #expect(detail.candidates.map(\.outcome) == [.passed, .failed] && detail.candidates.map(\.needsPlan) == [false, true])
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.planOnlyAfterFailedCheck)])) {
                try await t.services.training.createPlan(clerk, candidateId: passing.id, TrainingPlanDraft(training: "X", deadline: "2025-12-31"))
            }
            let course = try await Self.course(t, code: "NV-01", starts: "2025-04-01", ends: "2025-06-30")
            let plan = try await t.services.training.createPlan(
                clerk, candidateId: failing.id, TrainingPlanDraft(training: "Bồi dưỡng nghiệp vụ", deadline: "2025-12-31", courseCode: "NV-01"),
                today: Self.today)
            #expect(plan.courseCode == "NV-01")
            #expect(try await t.services.training.course(clerk, id: course.id).trainees.map(\.person.cardNo) == ["30000002"])
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("candidate", Catalogue.planExists)])) {
                try await t.services.training.createPlan(clerk, candidateId: failing.id, TrainingPlanDraft(training: "X", deadline: "2025-12-31"))
            }
            let viewer = try await t.principal(.viewer, at: "T01")
            #expect(try await t.services.training.staffReduction(viewer, today: CivilDate(year: 2025, month: 12, day: 31)!).total == 0)
            let listed = try await t.services.training.staffReduction(viewer, today: CivilDate(year: 2026, month: 1, day: 1)!)
            #expect(listed.items.map(\.candidate.person.fullName) == ["Trần Văn Minh"])
            #expect(listed.items[0].reasons == [.noLaterExam, .trainingNotCompleted])
            #expect(try await t.services.training.staffReduction(try await t.principal(.viewer, at: "T01-B"), today: Self.today).total == 0)
            // The course completed: still considered until a later check is passed.
            let trainee = try await t.services.training.course(clerk, id: course.id).trainees[0]
            _ = try await t.services.training.updateEnrollment(
                clerk, id: trainee.id, sendingCode: "", outcome: OutcomeDraft(result: "pass"), expectedVersion: trainee.version, today: Self.today)
            #expect(try await t.services.training.staffReduction(viewer, today: Self.today).items.first?.reasons == [.noLaterExam])
            // A later check passed (scored after being added) takes the person off the list.
            let recheck = try await Self.session(t, held: "2026-02-01", mark: "60")
            let again = try await t.services.training.addCandidate(clerk, sessionId: recheck.id, person: "30000002")
            #expect(try await t.services.training.staffReduction(viewer, today: Self.today).total == 1)
            do {
                _ = try await t.services.training.recordScore(clerk, candidateId: again.id, score: "75", expectedVersion: 0)
                Issue.record("a stale score was accepted")
            } catch DomainError.conflict {}
            _ = try await t.services.training.recordScore(clerk, candidateId: again.id, score: "75", expectedVersion: again.version)
            #expect(try await t.services.training.staffReduction(viewer, today: Self.today).total == 0)
            let row = try await t.services.training.candidate(clerk, id: failing.id, today: Self.today).row
            #expect(row.planStatus == .resolved(passedOn: CivilDate(year: 2026, month: 2, day: 1)!))
            // The sibling commune neither sees the session nor changes a score.
            await #expect(throws: DomainError.notFound(Catalogue.examNotFound)) {
                try await t.services.training.session(try await t.principal(.clerk, at: "T01-B"), id: check.id)
            }
            let history = try await t.services.training.sessionHistory(clerk, id: check.id).map { "\($0.entity):\($0.action)" }
            #expect(history == ["exam_session:create", "exam_candidate:create", "exam_candidate:create", "training_plan:create"])
        }
    }

    @Test("a new pass mark changes every outcome at once; scores keep two decimals exactly; an annulled candidate no longer counts")
    func passMarkAndAnnul() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            let exam = try await Self.session(t, kind: "promotion", mark: "72,5")
            let a = try await t.services.training.addCandidate(clerk, sessionId: exam.id, person: "30000001", score: "72.5")
            _ = try await t.services.training.addCandidate(clerk, sessionId: exam.id, person: "30000003", score: "72,49")
            await #expect(throws: DomainError.invalid(Catalogue.invalidInput, [FieldError("score", Catalogue.scoreInvalid("100,5"))])) {
                try await t.services.training.addCandidate(clerk, sessionId: exam.id, person: "30000002", score: "100,5")
            }
            var summary = try await t.services.training.sessions(clerk, ExamQuery()).items[0]
            #expect(summary.passed == 1 && summary.failed == 1 && summary.session.passMark.hundredths == 7250)
            var draft = exam.draft
            draft.passMark = "72,49"
            _ = try await t.services.training.updateSession(clerk, id: exam.id, draft, expectedVersion: exam.version)
            summary = try await t.services.training.sessions(clerk, ExamQuery()).items[0]
            #expect(summary.passed == 2 && summary.failed == 0)
            _ = try await t.services.training.annulCandidate(clerk, candidateId: a.id, reason: "Nhập nhầm người")
            let detail = try await t.services.training.session(clerk, id: exam.id)
            #expect(detail.candidates.count == 1 && detail.annulled.map(\.id) == [a.id])
            // A promotion exam failed leads to no plan.
            #expect(detail.candidates.allSatisfy { !$0.needsPlan })
        }
    }

    @Test("a merged duplicate member's courses follow the kept record")
    func mergeFollows() async throws {
        try await TestDatabase.with { t in
            try await Self.setUp(t)
            let clerk = try await t.principal(.clerk, at: "T01-A")
            // The same person entered twice: as a candidate with a national ID, and as a member with a card number.
            var draft = MemberTests.draft("Nguyễn Thị Hoa", card: "", birth: "1985-01-10", status: "candidate", admitted: "", recognized: "")
            draft.nationalId = "001085012345"
            let duplicate = try await t.services.members.create(Self.cli, draft, today: Self.today)
            let course = try await Self.course(t, kind: "party_awareness")
            _ = try await t.services.training.enroll(clerk, courseId: course.id, person: "001085012345", today: Self.today)
            let keepId = try await t.db.read { sql in
                try await sql.raw("SELECT id FROM members WHERE card_no = '30000001'").first()!.decode(column: "id", as: Int64.self)
            }
            let keep = try await t.services.members.get(clerk, id: keepId)
            _ = try await t.services.members.merge(
                clerk, keep: keep.id, keepVersion: keep.version, duplicate: duplicate.id, duplicateVersion: duplicate.version, today: Self.today)
            #expect(try await t.services.training.personRecords(clerk, memberId: keep.id).courses.map(\.course.id) == [course.id])
        }
    }
}
