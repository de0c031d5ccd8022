import Testing
import ToChucDomain

/// DOMAIN.md §5 between levels: replacement chains of documents ("Quy định số 680-QĐ/TU … thay thế Quy định 335"),
/// the reminder of unanswered proposals after a set number of working days (holiday calendar of Bộ luật Lao động 2019,
/// Điều 112), who may take which step, tasks open on a day ("nhiệm vụ chưa hoàn thành"), attached files.
@Suite struct BetweenRulesTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    static let today = date("2026-11-20")

    // MARK: Documents

    @Test("a document's fields: the number parses, the date is given and not in the future, what it replaces parses and is not itself")
    func documentCheck() throws {
        let ok = DocumentRules.check(
            DocumentDraft(number: "680-QĐ/TU", issuedOn: "16/05/2018", title: "Quy định về phân cấp quản lý cán bộ", replaces: "335-QĐ/TU; 335-QD/TU\n12-QĐ/TU"),
            today: Self.today)
        let valid = try ok.get()
        #expect(valid.number.text == "680-QĐ/TU" && valid.issuedOn == Self.date("2018-05-16"))
        #expect(valid.replaces.map(\.text) == ["335-QĐ/TU", "12-QĐ/TU"])
        let bad = DocumentRules.check(
            DocumentDraft(number: "680-QĐ", issuedOn: "2026-11-21", title: " ", replaces: "680-QĐ/TU; x"), today: Self.today)
        guard case .failure(.invalid(_, let errors)) = bad else { Issue.record("accepted"); return }
        #expect(Set(errors.map(\.field)) == ["number", "issued_on", "title", "replaces"])
        let itself = DocumentRules.check(DocumentDraft(number: "680-QĐ/TU", issuedOn: "2018-05-16", title: "A", replaces: "680-QD/TU"), today: Self.today)
        guard case .failure(.invalid(_, let e2)) = itself else { Issue.record("accepted"); return }
        #expect(e2 == [FieldError("replaces", Catalogue.documentReplacesItself)])
        #expect(DocumentRules.mayReplace(issuedOn: Self.date("2018-05-16"), replacedIssuedOn: Self.date("2018-05-16")))
        #expect(!DocumentRules.mayReplace(issuedOn: Self.date("2018-05-16"), replacedIssuedOn: Self.date("2018-05-17")))
    }

    // 4 replaces 3, 3 replaces 2 and 1; 5 replaces 1.
    static let edges: [Int64: [Int64]] = [4: [3], 3: [2, 1], 5: [1]]

    @Test("chains both ways, nearest first, each document once")
    func chains() {
        #expect(DocumentChains.earlier(than: 4, edges: Self.edges) == [ChainLink(id: 3, generation: 1), ChainLink(id: 1, generation: 2), ChainLink(id: 2, generation: 2)])
        #expect(DocumentChains.later(than: 1, edges: Self.edges) == [ChainLink(id: 3, generation: 1), ChainLink(id: 5, generation: 1), ChainLink(id: 4, generation: 2)])
        #expect(DocumentChains.later(than: 4, edges: Self.edges).isEmpty && DocumentChains.earlier(than: 1, edges: Self.edges).isEmpty)
    }

    @Test(
        "no cycles: a document cannot replace itself, nor one that already replaces it at any distance",
        arguments: [
            (1, [4], [4]),  // 4 → 3 → 1: 1 replacing 4 closes the chain
            (1, [3], [3]),
            (2, [1], []),  // 2 and 1 are siblings under 3: fine
            (1, [1], [1]),  // itself
            (3, [2, 1], []),  // 3's own edges are being set: no cycle with themselves
            (3, [4, 2], [4]),
            (6, [4, 5], []),  // a new document
        ] as [(Int64, [Int64], [Int64])])
    func cycles(document: Int64, replacing: [Int64], closing: [Int64]) {
        #expect(DocumentChains.cycles(document: document, replacing: replacing, edges: Self.edges) == closing)
    }

    // MARK: Proposals

    @Test(
        "the reminder: unanswered after N working days from the day of receipt (which does not count); that last day is in time",
        arguments: [
            // Received Monday 2/11/2026, 10 working days: due by Monday 16/11; overdue from Tuesday 17/11.
            ("2026-11-02", 10, "2026-11-16", ProposalDue.onTime),
            ("2026-11-02", 10, "2026-11-17", .overdue),
            // Received Friday 6/11, 1 working day: due Monday 9/11 — the weekend is in time.
            ("2026-11-06", 1, "2026-11-08", .onTime),
            ("2026-11-06", 1, "2026-11-09", .onTime),
            ("2026-11-06", 1, "2026-11-10", .overdue),
            // Tết 2026 (16–20/2): received Friday 13/2, 1 working day: due Monday 23/2.
            ("2026-02-13", 1, "2026-02-20", .onTime),
            ("2026-02-13", 1, "2026-02-23", .onTime),
            ("2026-02-13", 1, "2026-02-24", .overdue),
            // 30/4 and 1/5 2026 (Thursday, Friday): received Wednesday 29/4, 1 working day: due Monday 4/5.
            ("2026-04-29", 1, "2026-05-04", .onTime),
            ("2026-04-29", 1, "2026-05-05", .overdue),
        ])
    func reminder(received: String, days: Int, today: String, expected: ProposalDue) {
        #expect(ProposalRules.due(status: .pending, receivedOn: Self.date(received), today: Self.date(today), workingDays: days) == expected)
        #expect(ProposalRules.due(status: .inProgress, receivedOn: Self.date(received), today: Self.date(today), workingDays: days) == expected)
        #expect(ProposalRules.due(status: .answered, receivedOn: Self.date(received), today: Self.date(today), workingDays: days) == .closed)
        #expect(ProposalRules.due(status: .withdrawn, receivedOn: Self.date(received), today: Self.date(today), workingDays: days) == .closed)
    }

    @Test("the list's filter by day of receipt agrees with the reminder on every day of a year, for several settings")
    func overdueFilter() {
        for workingDays in [1, 5, 10, 30] {
            var today = Self.date("2026-01-01")
            while today <= Self.date("2026-12-31") {
                let by = ProposalRules.overdueIfReceivedBy(today: today, workingDays: workingDays)
                #expect(ProposalRules.due(status: .pending, receivedOn: by, today: today, workingDays: workingDays) == .overdue)
                #expect(ProposalRules.due(status: .pending, receivedOn: by.adding(days: 1), today: today, workingDays: workingDays) == .onTime)
                today = today.adding(days: 1)
            }
        }
    }

    static let received = date("2026-11-02")
    static func step(_ state: ProposalState, _ step: ProposalStep, _ side: ProposalSide, today: String = "2026-11-20") -> Result<ProposalState, DomainError> {
        ProposalRules.next(state, step, side: side, receivedOn: Self.received, today: Self.date(today), workingDays: 10)
    }

    @Test("only the receiving side assigns and answers; only the sending side withdraws and reminds")
    func sides() throws {
        #expect(Self.step(.pending, .assign(handler: "Chuyên viên A"), .sender) == .failure(.forbidden(Catalogue.proposalReceiverOnly)))
        #expect(Self.step(.pending, .answer(text: "Trả lời", answeredOn: ""), .sender) == .failure(.forbidden(Catalogue.proposalReceiverOnly)))
        #expect(Self.step(.pending, .withdraw(reason: "Đã tự giải quyết"), .receiver) == .failure(.forbidden(Catalogue.proposalSenderOnly)))
        #expect(Self.step(.pending, .remind, .receiver) == .failure(.forbidden(Catalogue.proposalSenderOnly)))
        let assigned = try Self.step(.pending, .assign(handler: "Chuyên viên A"), .receiver).get()
        #expect(assigned.status == .inProgress && assigned.handler == "Chuyên viên A")
        let answered = try Self.step(assigned, .answer(text: "Đồng ý", answeredOn: "19/11/2026"), .receiver).get()
        #expect(answered.status == .answered && answered.answer == ProposalAnswer(text: "Đồng ý", answeredOn: Self.date("2026-11-19")))
        #expect(answered.handler == "Chuyên viên A")
        // An answer can be amended; a withdrawal needs a reason and comes only before an answer.
        #expect(try Self.step(answered, .answer(text: "Đồng ý, bổ sung", answeredOn: ""), .receiver).get().answer?.text == "Đồng ý, bổ sung")
        guard case .failure(.invalid) = Self.step(answered, .withdraw(reason: "x"), .sender) else { Issue.record("withdrew an answered one"); return }
        guard case .failure(.invalid) = Self.step(.pending, .withdraw(reason: " "), .sender) else { Issue.record("no reason"); return }
        let withdrawn = try Self.step(.pending, .withdraw(reason: "Đã tự giải quyết"), .sender).get()
        #expect(withdrawn.status == .withdrawn && withdrawn.withdrawnOn == Self.today && withdrawn.withdrawReason == "Đã tự giải quyết")
        guard case .failure(.invalid) = Self.step(withdrawn, .answer(text: "x", answeredOn: ""), .receiver) else { Issue.record("answered a withdrawn one"); return }
    }

    @Test(
        "an answer is dated between the day of receipt and today",
        arguments: [("2026-11-01", false), ("2026-11-02", true), ("2026-11-20", true), ("2026-11-21", false), ("", true), ("31/02/2026", false)])
    func answerDate(on: String, accepted: Bool) {
        let result = Self.step(.pending, .answer(text: "Đồng ý", answeredOn: on), .receiver)
        #expect(((try? result.get()) != nil) == accepted)
    }

    @Test("a reminder only when overdue, at most once a day; reminders are counted")
    func remind() throws {
        // Due by 16/11: not yet on that day; on 17/11 it may be reminded once.
        guard case .failure(.invalid) = Self.step(.pending, .remind, .sender, today: "2026-11-16") else { Issue.record("early reminder"); return }
        let once = try Self.step(.pending, .remind, .sender, today: "2026-11-17").get()
        #expect(once.reminders == 1 && once.lastRemindedOn == Self.date("2026-11-17") && once.status == .pending)
        guard case .failure(.invalid) = Self.step(once, .remind, .sender, today: "2026-11-17") else { Issue.record("twice a day"); return }
        #expect(try Self.step(once, .remind, .sender, today: "2026-11-18").get().reminders == 2)
    }

    @Test("a new proposal: kind, subject and text required, the day of receipt not in the future")
    func proposalCheck() {
        var d = ProposalDraft()
        d.kind = "Kiến nghị"
        d.subject = "Đề nghị hướng dẫn"
        d.text = "Nội dung"
        #expect((try? ProposalRules.check(d, today: Self.today).get())?.kind == .recommendation)
        d.kind = "khác"
        d.subject = ""
        d.receivedOn = "2026-11-21"
        guard case .failure(.invalid(_, let errors)) = ProposalRules.check(d, today: Self.today) else { Issue.record("accepted"); return }
        #expect(Set(errors.map(\.field)) == ["kind", "subject", "received_on"])
        #expect(ProposalSettings.check(reminderWorkingDays: "0") != .success(ProposalSettings(reminderWorkingDays: 0)))
        #expect(ProposalSettings.check(reminderWorkingDays: "15") == .success(ProposalSettings(reminderWorkingDays: 15)))
    }

    // MARK: Tasks

    @Test(
        "a task is open on a day when assigned by then and not closed by then (closed that day: no longer open)",
        arguments: [
            ("2026-01-10", nil as String?, "2026-01-09", false),
            ("2026-01-10", nil, "2026-01-10", true),
            ("2026-01-10", "2026-06-30", "2026-06-29", true),
            ("2026-01-10", "2026-06-30", "2026-06-30", false),
            ("2026-01-10", "2026-06-30", "2026-12-31", false),
        ])
    func openOn(assigned: String, closed: String?, on: String, open: Bool) {
        #expect(TaskRules.isOpen(assignedOn: Self.date(assigned), closedOn: closed.map(Self.date), on: Self.date(on)) == open)
    }

    @Test("overdue after the deadline (that day is in time); done and cancelled tasks are closed")
    func taskDue() {
        #expect(TaskRules.due(status: .inProgress, deadline: Self.date("2026-11-20"), today: Self.date("2026-11-20")) == .onTime)
        #expect(TaskRules.due(status: .open, deadline: Self.date("2026-11-19"), today: Self.date("2026-11-20")) == .overdue)
        #expect(TaskRules.due(status: .done, deadline: Self.date("2026-11-19"), today: Self.date("2026-11-20")) == .closed)
    }

    @Test("steps: a note with progress starts the task; done at 100; cancel and reopen need a reason; nothing on a closed task but reopening")
    func taskSteps() throws {
        let assigned = Self.date("2026-01-10")
        func next(_ s: TaskState, _ step: TaskStep) -> Result<TaskState, DomainError> {
            TaskRules.next(s, step, assignedOn: assigned, today: Self.today)
        }
        let noted = try next(.open, .note(text: "Đã xây dựng dự thảo", notedOn: "", progress: "40%")).get()
        #expect(noted == TaskState(status: .inProgress, progress: 40))
        #expect(try next(.open, .note(text: "Họp bàn", notedOn: "", progress: "")).get() == .open)
        guard case .failure(.invalid) = next(.open, .note(text: "x", notedOn: "2026-01-09", progress: "")) else { Issue.record("before assigned"); return }
        guard case .failure(.invalid) = next(.open, .note(text: "x", notedOn: "", progress: "101")) else { Issue.record("101%"); return }
        let done = try next(noted, .complete(on: "2026-11-19")).get()
        #expect(done.status == .done && done.progress == 100 && done.closedOn == Self.date("2026-11-19"))
        guard case .failure(.invalid) = next(done, .note(text: "x", notedOn: "", progress: "")) else { Issue.record("noted a closed task"); return }
        guard case .failure(.invalid) = next(noted, .cancel(on: "", reason: "")) else { Issue.record("cancelled without a reason"); return }
        let cancelled = try next(noted, .cancel(on: "", reason: "Không còn phù hợp")).get()
        #expect(cancelled.status == .cancelled && cancelled.closedOn == Self.today && cancelled.closeReason == "Không còn phù hợp")
        let reopened = try next(cancelled, .reopen(reason: "Tiếp tục theo chỉ đạo")).get()
        #expect(reopened.status == .inProgress && reopened.closedOn == nil && reopened.progress == 40)
        guard case .failure(.invalid) = next(noted, .reopen(reason: "x")) else { Issue.record("reopened an open task"); return }
    }

    @Test("a task's fields: title and deadline required, the deadline not before the day assigned, a focus year, a document number that parses")
    func taskCheck() throws {
        var d = TaskDraft()
        d.title = "Xây dựng kế hoạch thực hiện Nghị quyết 21-NQ/TW"
        d.assignedOn = "2026-01-10"
        d.deadline = "2026-06-30"
        d.focusYear = "2026"
        d.document = "21-NQ/TW"
        let valid = try TaskRules.check(d, today: Self.today).get()
        #expect(valid.focusYear == 2026 && valid.documentNumber?.key == "21-NQ/TW")
        d.deadline = "2026-01-09"
        d.focusYear = "1999"
        d.document = "21 NQ TW"
        guard case .failure(.invalid(_, let errors)) = TaskRules.check(d, today: Self.today) else { Issue.record("accepted"); return }
        #expect(Set(errors.map(\.field)) == ["deadline", "focus_year", "document"])
    }

    // MARK: Files

    @Test(
        "files: accepted by extension when the bytes agree; a renamed file, an unknown type, an empty or too large one refused",
        arguments: [
            ("to-trinh.pdf", Array("%PDF-1.7 ...".utf8), "application/pdf"),
            ("C:\\fakepath\\Báo cáo.docx", [0x50, 0x4B, 0x03, 0x04, 0x14], "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
            ("scan.JPG", [0xFF, 0xD8, 0xFF, 0xE0], "image/jpeg"),
            ("../../etc/x.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "application/vnd.ms-excel"),
            ("renamed.pdf", [0x50, 0x4B, 0x03, 0x04], nil),
            ("script.exe", [0x4D, 0x5A], nil),
            ("noextension", Array("%PDF-".utf8), nil),
            ("empty.pdf", [], nil),
        ] as [(String, [UInt8], String?)])
    func files(name: String, bytes: [UInt8], type: String?) {
        let result = AttachmentRules.check(fileName: name, bytes: bytes)
        #expect((try? result.get())?.contentType == type)
        if type != nil { #expect((try? result.get())?.name.contains("/") == false && (try? result.get())?.name.contains("\\") == false) }
        let large = [UInt8](repeating: 0x25, count: AttachmentRules.maximumBytes + 1)
        #expect((try? AttachmentRules.check(fileName: "big.pdf", bytes: large).get()) == nil)
        #expect(AttachmentRules.cleanName("C:\\fakepath\\Báo cáo.docx") == "Báo cáo.docx" && AttachmentRules.asciiName("Báo cáo \"Tờ trình\".pdf") == "Bao cao _To trinh_.pdf")
    }
}
