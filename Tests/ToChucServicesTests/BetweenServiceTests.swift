import Foundation
import Testing
import ToChucDomain
import ToChucServices

/// Issue 7 between levels (DOMAIN.md §5, §6): documents (registry, scope both ways, replacement chains, citations),
/// proposals (scope of both sides, who answers, counts by answered date at the period's edges), tasks (open on a day,
/// focus lists, progress notes), files, and documents.csv / proposals.csv / tasks.csv; on SQLite and PostgreSQL.
@Suite(.serialized)
struct BetweenServiceTests {
    static let cli = TestDatabase.cli
    static let today = CivilDate(year: 2026, month: 11, day: 20)!
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    static func document(_ number: String, _ issued: String, unit: String = "", replaces: String = "", title: String? = nil) -> DocumentDraft {
        DocumentDraft(number: number, issuedOn: issued, title: title ?? "Văn bản " + number, unitCode: unit, replaces: replaces)
    }

    static func proposal(_ subject: String, from: String = "T01-A", to: String = "", received: String = "2026-11-02") -> ProposalDraft {
        var d = ProposalDraft()
        d.subject = subject
        d.text = "Đề nghị cấp trên hướng dẫn: " + subject
        d.fromUnitCode = from
        d.toUnitCode = to
        d.receivedOn = received
        return d
    }

    static func task(_ title: String, unit: String = "T01-A", by: String = "", assigned: String = "2026-01-10", deadline: String = "2026-06-30",
                     document: String = "", focus: String = "") -> TaskDraft {
        var d = TaskDraft()
        d.title = title
        d.unitCode = unit
        d.assignedByCode = by
        d.assignedOn = assigned
        d.deadline = deadline
        d.document = document
        d.focusYear = focus
        return d
    }

    // MARK: - Documents

    @Test("documents: central ones for everyone, a province's for its subtree and above, a commune's not for its sibling; only the registry's scope edits")
    func documentScope() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let docs = t.services.documents
            let root = try await t.principal(.clerk, at: "TW")
            let central = try await docs.create(root, Self.document("21-NQ/TW", "2022-06-16"), today: Self.today)
            #expect(central.isCentral && central.number.text == "21-NQ/TW")
            let provinceClerk = try await t.principal(.clerk, at: "T01")
            // A central number goes to the top unit's registry only.
            await #expect(throws: DomainError.self) { try await docs.create(provinceClerk, Self.document("22-NQ/TW", "2022-06-16"), today: Self.today) }
            let province = try await docs.create(provinceClerk, Self.document("680-QĐ/TU", "2018-05-16"), today: Self.today)
            let communeA = try await t.principal(.clerk, at: "T01-A")
            let local = try await docs.create(communeA, Self.document("5-NQ/ĐU", "2025-03-01"), today: Self.today)
            let communeB = try await t.principal(.viewer, at: "T01-B")
            // The commune below sees the province's and the central document; the sibling does not see the other commune's.
            #expect(try await docs.get(communeA, id: province.id).title == province.title)
            #expect(try await docs.get(communeB, id: central.id).id == central.id)
            await #expect(throws: DomainError.notFound(Catalogue.documentNotFound)) { try await docs.get(communeB, id: local.id) }
            #expect(try await docs.get(provinceClerk, id: local.id).unitCode == "T01-A")
            let listed = try await docs.list(communeB, DocumentQuery()).items.map(\.number.text)
            #expect(Set(listed) == ["21-NQ/TW", "680-QĐ/TU"])
            // Only the registry's scope edits: the commune reads the province's document.
            await #expect(throws: DomainError.forbidden(Catalogue.documentReadOnly)) {
                try await docs.update(communeA, id: province.id, Self.document("680-QĐ/TU", "2018-05-16"), expectedVersion: province.version, today: Self.today)
            }
            // A number is unique in its registry for its year, compared by key (QD is QĐ).
            await #expect(throws: DomainError.self) { try await docs.create(provinceClerk, Self.document("680-QD/TU", "2018-01-02"), today: Self.today) }
            #expect(try await docs.create(provinceClerk, Self.document("680-QD/TU", "2023-01-02"), today: Self.today).number.text == "680-QĐ/TU")
            // Search by number, by the start of one, by title words; filters by kind, issuer, year.
            var q = DocumentQuery()
            q.text = "680-qd/tu"
            #expect(try await docs.list(provinceClerk, q).total == 2)
            q.text = "680"
            #expect(try await docs.list(provinceClerk, q).total == 2)
            q.text = "van ban 21"
            #expect(try await docs.list(provinceClerk, q).items.map(\.id) == [central.id])
            q = DocumentQuery()
            q.kind = "QD"
            q.year = "2018"
            q.issuer = "TU"
            #expect(try await docs.list(provinceClerk, q).items.map(\.id) == [province.id])
            q.kind = "XX"
            await #expect(throws: DomainError.self) { try await docs.list(provinceClerk, q) }
        }
    }

    @Test("replacement: chains both ways, nothing replaced that is issued later or unknown, no cycle; audited with the numbers")
    func replacements() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let docs = t.services.documents
            let clerk = try await t.principal(.clerk, at: "T01")
            let d335 = try await docs.create(clerk, Self.document("335-QĐ/TU", "2010-03-01"), today: Self.today)
            let d680 = try await docs.create(clerk, Self.document("680-QĐ/TU", "2018-05-16", replaces: "335-QĐ/TU"), today: Self.today)
            let d900 = try await docs.create(clerk, Self.document("900-QĐ/TU", "2024-01-02", replaces: "680-QD/TU"), today: Self.today)
            // An unknown number, or one issued after the new document, is refused.
            await #expect(throws: DomainError.self) { try await docs.create(clerk, Self.document("1-QĐ/TU", "2026-01-02", replaces: "999-QĐ/TU"), today: Self.today) }
            await #expect(throws: DomainError.self) { try await docs.create(clerk, Self.document("2-QĐ/TU", "2009-01-02", replaces: "335-QĐ/TU"), today: Self.today) }
            let middle = try await docs.detail(clerk, id: d680.id)
            #expect(middle.replaces.map(\.document.id) == [d335.id] && middle.replacedBy.map(\.document.id) == [d900.id])
            let first = try await docs.detail(clerk, id: d335.id)
            #expect(first.replacedBy.map { [$0.document.id, Int64($0.generation)] } == [[d680.id, 1], [d900.id, 2]])
            let last = try await docs.get(clerk, id: d900.id)
            #expect(first.document.isReplaced && !last.isReplaced)
            // 335 replacing 900 would close the chain 900 → 680 → 335.
            do {
                _ = try await docs.update(
                    clerk, id: d335.id, Self.document("335-QĐ/TU", "2025-03-01", replaces: "900-QĐ/TU"), expectedVersion: d335.version, today: Self.today)
                Issue.record("a cycle was stored")
            } catch DomainError.invalid(_, let errors) {
                #expect(errors == [FieldError("replaces", Catalogue.documentReplacementCycle("900-QĐ/TU"))])
            }
            var q = DocumentQuery()
            q.state = "in_force"
            #expect(try await docs.list(clerk, q).items.map(\.id) == [d900.id])
            // A stale save is refused with what changed; the history names the replaced numbers.
            let edited = try await docs.update(
                clerk, id: d680.id, Self.document("680-QĐ/TU", "2018-05-16", replaces: "335-QĐ/TU", title: "Quy định về phân cấp quản lý cán bộ"),
                expectedVersion: d680.version, today: Self.today)
            await #expect(throws: DomainError.self) {
                try await docs.update(clerk, id: d680.id, Self.document("680-QĐ/TU", "2018-05-16"), expectedVersion: d680.version, today: Self.today)
            }
            let history = try await docs.history(clerk, id: d680.id)
            #expect(history.map(\.action) == ["create", "update"] && history[0].newValues?["replaces"] == "335-QĐ/TU")
            #expect(edited.version == 2)
        }
    }

    @Test("what cites a document: tasks by id, rule sets by regulation, cadre decisions and vetting conclusions by number (QD is QĐ)")
    func citations() async throws {
        try await TestDatabase.with { t in
            let cadre = try await CadrePositionTests.setUp(t)
            let root = try await t.principal(.clerk, at: "TW")
            let regulation = try await t.services.documents.create(root, Self.document("366-QĐ/TW", "2025-01-01"), today: Self.today)
            let clerk = try await t.principal(.clerk, at: "T01")
            let province = try await t.services.documents.create(clerk, Self.document("12-QĐ/TU", "2026-05-01"), today: Self.today)
            let head = try await t.principal(.head, at: "T01")
            _ = try await t.services.decisions.propose(head, CadrePositionTests.appointment(cadre, on: "2026-06-01", number: "12-QD/TU"))
            _ = try await t.services.decisions.propose(head, CadrePositionTests.appointment(cadre, on: "2026-06-02", number: "112-QĐ/TU"))
            let task = try await t.services.tasks.create(clerk, Self.task("Triển khai Quy định 12", unit: "T01-A", document: "12-QĐ/TU"), today: Self.today)
            let found = try await t.services.documents.detail(clerk, id: province.id).citations
            #expect(found.map(\.kind) == [.task, .decision])
            #expect(found[0].id == task.id && found[1].text.contains("Nguyễn Văn Tùng"))
            // The rule set shipped with the program for classification rests on 366-QĐ/TW.
            let rules = try await t.services.documents.detail(clerk, id: regulation.id).citations
            #expect(rules.map(\.kind) == [.ruleSet] && rules[0].id == nil)
            // The sibling commune sees the province's document but not the task or the decision of the other commune.
            let sibling = try await t.principal(.clerk, at: "T01-B")
            #expect(try await t.services.documents.detail(sibling, id: province.id).citations.isEmpty)
            // A vetting conclusion rests on a letter of the province's organization commission; viewers do not see it.
            let letter = try await t.services.documents.create(clerk, Self.document("12-CV/BTCTU", "2026-05-20"), today: Self.today)
            let vetting = try await VettingServiceTests.concluded(t, "10000001", unit: "T01-A", received: "2026-05-04", on: "2026-06-01")
            let cited = try await t.services.documents.detail(clerk, id: letter.id).citations
            #expect(cited.map(\.kind) == [.vetting] && cited[0].id == vetting.id && cited[0].date == Self.date("2026-06-01"))
            #expect(try await t.services.documents.detail(try await t.principal(.viewer, at: "T01"), id: letter.id).citations.isEmpty)
        }
    }

    @Test("files: a document's and a proposal's, checked; downloads recorded; only those who see the owner get them; the other side cannot remove")
    func files() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let clerkA = try await t.principal(.clerk, at: "T01-A")
            let pdf = Data("%PDF-1.7\n1 0 obj\n".utf8)
            let p = try await t.services.proposals.create(clerkA, Self.proposal("Xin hướng dẫn"), today: Self.today)
            let file = try await t.services.proposals.attach(clerkA, id: p.id, fileName: "C:\\fakepath\\Tờ trình.pdf", data: pdf)
            #expect(file.fileName == "Tờ trình.pdf" && file.contentType == "application/pdf" && file.side == "sender" && file.size == pdf.count)
            await #expect(throws: DomainError.self) { try await t.services.proposals.attach(clerkA, id: p.id, fileName: "x.docx", data: pdf) }
            let receiver = try await t.principal(.clerk, at: "T01")
            #expect(try await t.services.attachments.download(receiver, id: file.id).data == pdf)
            await #expect(throws: DomainError.forbidden(Catalogue.attachmentOtherSide)) { try await t.services.attachments.remove(receiver, id: file.id) }
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.attachmentNotFound)) { try await t.services.attachments.download(sibling, id: file.id) }
            let history = try await t.services.proposals.history(clerkA, id: p.id)
            #expect(history.map(\.action) == ["create", "attach"])
            #expect(try await t.services.audit.list(Self.cli).items.contains { $0.action == "download" && $0.entityKey == String(file.id) })
            _ = try await t.services.attachments.remove(clerkA, id: file.id)
            #expect(try await t.services.proposals.detail(clerkA, id: p.id).files.isEmpty)
            let doc = try await t.services.documents.create(receiver, Self.document("1-HD/TU", "2026-01-05"), today: Self.today)
            let scan = try await t.services.documents.attach(receiver, id: doc.id, fileName: "hd.png", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0]))
            #expect(try await t.services.attachments.download(clerkA, id: scan.id).info.contentType == "image/png")
            await #expect(throws: DomainError.forbidden(Catalogue.documentReadOnly)) {
                try await t.services.documents.attach(clerkA, id: doc.id, fileName: "x.pdf", data: pdf)
            }
        }
    }

    // MARK: - Proposals

    @Test("proposals: from a unit to one above it; both sides see it, the sibling does not; the receiver answers, the sender withdraws and reminds")
    func proposalSides() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let ps = t.services.proposals
            let sender = try await t.principal(.clerk, at: "T01-A")
            // Not to a unit below or beside the sender.
            await #expect(throws: DomainError.self) { try await ps.create(sender, Self.proposal("Sai", to: "T01-A-C1"), today: Self.today) }
            await #expect(throws: DomainError.self) { try await ps.create(sender, Self.proposal("Sai", to: "T01-B"), today: Self.today) }
            await #expect(throws: DomainError.self) { try await ps.create(sender, Self.proposal("Sai", to: "T01-A"), today: Self.today) }
            var named = Self.proposal("Có người xử lý")
            named.handler = "Chuyên viên"
            await #expect(throws: DomainError.self) { try await ps.create(sender, named, today: Self.today) }
            let p = try await ps.create(sender, Self.proposal("Xin hướng dẫn kết nạp"), today: Self.today)
            #expect(p.toUnitCode == "T01" && p.status == .pending)
            await #expect(throws: DomainError.self) { try await ps.create(sender, Self.proposal("xin huong dan ket nap"), today: Self.today) }
            let receiver = try await t.principal(.clerk, at: "T01")
            let sibling = try await t.principal(.head, at: "T01-B")
            let cell = try await t.principal(.clerk, at: "T01-A-C1")
            #expect(try await ps.detail(sender, id: p.id, today: Self.today).side == .sender)
            #expect(try await ps.detail(receiver, id: p.id, today: Self.today).side == .receiver)
            #expect(try await ps.detail(Self.cli, id: p.id, today: Self.today).side == .receiver)
            await #expect(throws: DomainError.notFound(Catalogue.proposalNotFound)) { try await ps.get(sibling, id: p.id) }
            await #expect(throws: DomainError.notFound(Catalogue.proposalNotFound)) { try await ps.get(cell, id: p.id) }
            // The sender cannot answer; the receiver cannot withdraw.
            await #expect(throws: DomainError.forbidden(Catalogue.proposalReceiverOnly)) {
                try await ps.apply(sender, id: p.id, .answer(text: "Tự trả lời", answeredOn: ""), expectedVersion: p.version, today: Self.today)
            }
            await #expect(throws: DomainError.forbidden(Catalogue.proposalSenderOnly)) {
                try await ps.apply(receiver, id: p.id, .withdraw(reason: "x"), expectedVersion: p.version, today: Self.today)
            }
            // Overdue on 20/11 (10 working days from 2/11 end on 16/11): the sender reminds once.
            #expect(try await ps.detail(receiver, id: p.id, today: Self.today).due == .overdue)
            let reminded = try await ps.apply(sender, id: p.id, .remind, expectedVersion: p.version, today: Self.today)
            #expect(reminded.state.reminders == 1)
            let assigned = try await ps.apply(receiver, id: p.id, .assign(handler: "Nguyễn Thị Hà"), expectedVersion: reminded.version, today: Self.today)
            // A stale step is refused with what changed.
            do {
                _ = try await ps.apply(receiver, id: p.id, .answer(text: "Trả lời", answeredOn: ""), expectedVersion: reminded.version, today: Self.today)
                Issue.record("stale answer stored")
            } catch DomainError.conflict(_, let changes, _) {
                #expect(changes.contains { $0.field == "handler" && $0.new == "Nguyễn Thị Hà" })
            }
            let answered = try await ps.apply(
                receiver, id: p.id, .answer(text: "Thực hiện theo Hướng dẫn 12-HD/BTCTW", answeredOn: "2026-11-19"), expectedVersion: assigned.version,
                today: Self.today)
            #expect(answered.status == .answered && answered.answeredBy == receiver.actor)
            await #expect(throws: DomainError.self) {
                try await ps.apply(sender, id: p.id, .withdraw(reason: "Muộn"), expectedVersion: answered.version, today: Self.today)
            }
            #expect(try await ps.history(sender, id: p.id).map(\.action) == ["create", "remind", "assign", "answer"])
            // Withdrawal before an answer, with its reason.
            let other = try await ps.create(sender, Self.proposal("Đề nghị bổ sung biên chế"), today: Self.today)
            let withdrawn = try await ps.apply(sender, id: other.id, .withdraw(reason: "Đã tự giải quyết"), expectedVersion: other.version, today: Self.today)
            #expect(withdrawn.status == .withdrawn && withdrawn.state.withdrawnOn == Self.today)
            // A viewer reads but does not act.
            let viewer = try await t.principal(.viewer, at: "T01")
            #expect(try await ps.get(viewer, id: p.id).id == p.id)
            await #expect(throws: DomainError.self) {
                try await ps.apply(viewer, id: p.id, .answer(text: "x", answeredOn: ""), expectedVersion: answered.version, today: Self.today)
            }
        }
    }

    @Test("inbox and outbox of a unit; counts by the day of receipt and by the answer's date, the period's first and last days included")
    func proposalBoxesAndCounts() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let ps = t.services.proposals
            let commune = try await t.principal(.clerk, at: "T01-A")
            let province = try await t.principal(.clerk, at: "T01")
            let cellClerk = try await t.principal(.clerk, at: "T01-A-C1")
            // Answered on the last day of June, the first of July, the last of July, and the first of August.
            var ids: [Int64] = []
            for (subject, answered) in [("A", "2026-06-30"), ("B", "2026-07-01"), ("C", "2026-07-31"), ("D", "2026-08-01")] {
                let p = try await ps.create(commune, Self.proposal(subject, received: "2026-06-15"), today: Self.today)
                _ = try await ps.apply(province, id: p.id, .answer(text: "Trả lời " + subject, answeredOn: answered), expectedVersion: p.version, today: Self.today)
                ids.append(p.id)
            }
            // A cell's proposal to its commune: in the commune's inbox, the province's too (its subtree received it).
            let up = try await ps.create(cellClerk, Self.proposal("Từ chi bộ", from: "T01-A-C1", received: "2026-07-10"), today: Self.today)
            _ = try await ps.apply(commune, id: up.id, .answer(text: "Trả lời chi bộ", answeredOn: "2026-07-20"), expectedVersion: up.version, today: Self.today)
            let july = try await ps.counts(province, unitCode: "T01", from: Self.date("2026-07-01"), to: Self.date("2026-07-31"), today: Self.today)
            #expect(july.inbox.answered == 3 && july.inbox.received == 1)
            #expect(try await ps.answeredCount(province, unitCode: "T01", from: Self.date("2026-07-01"), to: Self.date("2026-07-31")) == 3)
            #expect(try await ps.answeredCount(province, unitCode: "T01-A", from: Self.date("2026-07-01"), to: Self.date("2026-07-31")) == 1)
            #expect(try await ps.answeredCount(province, unitCode: "T01", from: Self.date("2026-06-30"), to: Self.date("2026-06-30")) == 1)
            #expect(try await ps.answeredCount(province, unitCode: "T01", from: Self.date("2026-08-01"), to: Self.date("2026-08-31")) == 1)
            let communeJuly = try await ps.counts(commune, from: Self.date("2026-07-01"), to: Self.date("2026-07-31"), today: Self.today)
            #expect(communeJuly.outbox.answered == 2 && communeJuly.inbox.answered == 1 && communeJuly.inbox.received == 1)
            // Open at the end of June: received on Monday 15/6, answered later — three of the four; due by 29/6 (10 working days), so
            // overdue on 30/6.
            let june = try await ps.counts(province, unitCode: "T01", from: Self.date("2026-06-01"), to: Self.date("2026-06-30"), today: Self.today)
            #expect(june.inbox.received == 4 && june.inbox.open == 3 && june.inbox.overdue == 3)
            let lateJune = try await ps.counts(province, unitCode: "T01", from: Self.date("2026-06-01"), to: Self.date("2026-06-29"), today: Self.today)
            #expect(lateJune.inbox.open == 4 && lateJune.inbox.overdue == 0)
            let july2 = try await ps.counts(province, unitCode: "T01", from: Self.date("2026-07-01"), to: Self.date("2026-07-15"), today: Self.today)
            #expect(july2.inbox.open == 3 && july2.inbox.overdue == 2)  // C, D and the cell's open on 15/7; the cell's not yet due
            // The lists: the commune's outbox, its inbox; filters by answered dates as the report links them.
            var q = ProposalQuery()
            q.box = "out"
            #expect(try await ps.list(commune, q, today: Self.today).total == 4)
            q.box = "in"
            #expect(try await ps.list(commune, q, today: Self.today).items.map(\.proposal.id) == [up.id])
            q.unitCode = "T01"
            q.status = "answered"
            q.dateField = "answered"
            q.from = "2026-07-01"
            q.to = "2026-07-31"
            #expect(Set(try await ps.list(province, q, today: Self.today).items.map(\.proposal.id)) == [ids[1], ids[2], up.id])
            await #expect(throws: DomainError.notFound(Catalogue.unitNotFound)) { try await ps.list(commune, q, today: Self.today) }
            // Overdue filter: an open proposal received long ago.
            let late = try await ps.create(commune, Self.proposal("Chưa trả lời", received: "2026-10-01"), today: Self.today)
            var overdue = ProposalQuery()
            overdue.box = "out"
            overdue.due = "overdue"
            #expect(try await ps.list(commune, overdue, today: Self.today).items.map(\.proposal.id) == [late.id])
            // The province's dashboard counts what waits in its inbox.
            #expect(try await t.services.dashboard.dashboard(province, unitCode: "T01", today: Self.today).proposalsOverdue == 1)
            // The command line sees every inbox.
            #expect(try await ps.list(Self.cli, ProposalQuery(), today: Self.today).total == 6)
            let rows = try await ps.exportRows(commune, overdue, today: Self.today)
            #expect(rows.count == 2 && rows[1].contains("Chưa trả lời") && rows[1].contains("Quá hạn trả lời"))
        }
    }

    @Test("the reminder's working days are a setting an administrator of a top unit changes; lists follow it")
    func settings() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let ps = t.services.proposals
            let commune = try await t.principal(.clerk, at: "T01-A")
            let p = try await ps.create(commune, Self.proposal("Hỏi", received: "2026-11-10"), today: Self.today)
            #expect(try await ps.detail(commune, id: p.id, today: Self.today).due == .onTime)
            let admin = try await t.principal(.admin, at: "TW")
            let record = try await ps.settings()
            #expect(record.settings.reminderWorkingDays == 10)
            await #expect(throws: DomainError.self) {
                try await ps.saveSettings(try await t.principal(.admin, at: "T01"), reminderWorkingDays: "3", expectedVersion: record.version)
            }
            await #expect(throws: DomainError.self) { try await ps.saveSettings(admin, reminderWorkingDays: "0", expectedVersion: record.version) }
            let saved = try await ps.saveSettings(admin, reminderWorkingDays: "3", expectedVersion: record.version)
            #expect(saved.settings.reminderWorkingDays == 3 && saved.version == 2)
            await #expect(throws: DomainError.self) { try await ps.saveSettings(admin, reminderWorkingDays: "4", expectedVersion: record.version) }
            #expect(try await ps.detail(commune, id: p.id, today: Self.today).due == .overdue)
        }
    }

    // MARK: - Tasks

    @Test("tasks: visible to the carrying unit's subtree and the assigning unit; open on a day at the period's edges; focus lists; notes and steps")
    func tasks() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let ts = t.services.tasks
            let province = try await t.principal(.clerk, at: "T01")
            let commune = try await t.principal(.clerk, at: "T01-A")
            _ = try await t.services.documents.create(province, Self.document("21-KH/TU", "2026-01-05"), today: Self.today)
            // The commune may not be assigned tasks by its sibling, nor assign to its parent.
            await #expect(throws: DomainError.self) { try await ts.create(province, Self.task("Sai", unit: "T01-A", by: "T01-B"), today: Self.today) }
            await #expect(throws: DomainError.self) { try await ts.create(commune, Self.task("Sai", unit: "T01", by: "T01-A"), today: Self.today) }
            await #expect(throws: DomainError.self) { try await ts.create(commune, Self.task("Sai", document: "99-KH/TU"), today: Self.today) }
            let a = try await ts.create(province, Self.task("Rà soát quy hoạch", by: "T01", assigned: "2026-01-10", document: "21-KH/TU", focus: "2026"), today: Self.today)
            #expect(a.document?.number == "21-KH/TU" && a.assignedByCode == "T01" && a.status == .open)
            let b = try await ts.create(commune, Self.task("Kiện toàn chi bộ", assigned: "2026-03-01", deadline: "2026-12-31", focus: "2026"), today: Self.today)
            let sibling = try await t.principal(.clerk, at: "T01-B")
            await #expect(throws: DomainError.notFound(Catalogue.taskNotFound)) { try await ts.get(sibling, id: a.id) }
            // Notes move progress; done on 30/6.
            let noted = try await ts.apply(commune, id: a.id, .note(text: "Đã lập danh sách", notedOn: "2026-03-15", progress: "60"), expectedVersion: a.version, today: Self.today)
            #expect(noted.status == .inProgress && noted.state.progress == 60)
            let done = try await ts.apply(commune, id: a.id, .complete(on: "2026-06-30"), expectedVersion: noted.version, today: Self.today)
            #expect(done.status == .done && done.state.closedOn == Self.date("2026-06-30"))
            let detail = try await ts.detail(province, id: a.id, today: Self.today)
            #expect(detail.notes.map(\.text) == ["Đã lập danh sách"] && detail.due == .closed)
            #expect(try await ts.history(commune, id: a.id).map(\.action) == ["create", "progress", "complete"])
            // Open on a day: assigned by then, not closed by then.
            #expect(try await ts.openCount(province, unitCode: "T01", on: Self.date("2026-01-09")) == 0)
            #expect(try await ts.openCount(province, unitCode: "T01", on: Self.date("2026-01-10")) == 1)
            #expect(try await ts.openCount(province, unitCode: "T01", on: Self.date("2026-03-01")) == 2)
            #expect(try await ts.openCount(province, unitCode: "T01", on: Self.date("2026-06-29")) == 2)
            #expect(try await ts.openCount(province, unitCode: "T01", on: Self.date("2026-06-30")) == 1)
            #expect(try await ts.openCount(province, unitCode: "T01-B", on: Self.date("2026-06-29")) == 0)
            var q = TaskQuery()
            q.openOn = "2026-06-29"
            q.unitCode = "T01"
            #expect(Set(try await ts.list(province, q, today: Self.today).items.map(\.task.id)) == [a.id, b.id])
            q = TaskQuery()
            q.focusYear = "2026"
            q.sort = "progress"
            #expect(try await ts.list(commune, q, today: Self.today).items.map(\.task.id) == [b.id, a.id])
            q = TaskQuery()
            q.due = "overdue"
            #expect(try await ts.list(commune, q, today: Self.date("2027-01-01")).items.map(\.task.id) == [b.id])
            // Reopening needs a reason; a stale save is refused.
            await #expect(throws: DomainError.self) { try await ts.apply(commune, id: a.id, .reopen(reason: ""), expectedVersion: done.version, today: Self.today) }
            await #expect(throws: DomainError.self) { try await ts.apply(commune, id: a.id, .reopen(reason: "x"), expectedVersion: noted.version, today: Self.today) }
            let edited = try await ts.update(
                commune, id: b.id, Self.task("Kiện toàn chi bộ thôn 2", assigned: "2026-03-01", deadline: "2026-10-31"), expectedVersion: b.version, today: Self.today)
            #expect(edited.title == "Kiện toàn chi bộ thôn 2" && edited.focusYear == nil)
            // The report's figure counts tasks open on the period's last day.
            let report = try await t.services.reports.report(province, unitCode: "T01", period: ReportPeriod(parsing: "2026-H1")!)
            #expect(report.figures.tasksOpen == 1)
            #expect(try await t.services.reports.report(province, unitCode: "T01", period: ReportPeriod(parsing: "2026-Q1")!).figures.tasksOpen == 2)
        }
    }

    // MARK: - Files of the interchange format

    func write(_ t: TestDatabase, _ files: [String: String], folder name: String) throws -> URL {
        let folder = t.folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (file, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(file)) }
        return folder
    }

    func expectProblems(_ t: TestDatabase, _ principal: Principal, _ folder: URL, _ prefixes: [String]) async throws {
        do {
            _ = try await t.services.interchange.importDataset(principal, at: folder)
            Issue.record("a bad file was loaded")
        } catch let failure as ImportFailure {
            let lines = failure.problems.map { $0.text(.en) }
            for prefix in prefixes { #expect(lines.contains { $0.hasPrefix(prefix) }, "\(prefix) in \(lines)") }
        }
    }

    @Test("documents.csv, proposals.csv, tasks.csv: every wrong row named and nothing stored; then all of it; a second load changes nothing; the export loads back")
    func interchange() async throws {
        try await TestDatabase.with { t in
            try await t.seedTree()
            let root = try await t.principal(.admin, at: "TW")
            let bad = try write(t, [
                DocumentsFile.fileName: """
                    Số ký hiệu,Ngày ban hành,Trích yếu,Đơn vị quản lý,Thay thế,Ghi chú
                    680-QĐ,16/05/2018,Quy định,T01,,
                    21-NQ/TW,2022-06-16,Nghị quyết,T01,,
                    681-QĐ/TU,2018-05-17,Quy định,T99,,
                    682-QĐ/TU,2018-05-17,Quy định,T01,999-QĐ/TU,
                    683-QĐ/TU,2018-05-17,Quy định,T01,,
                    683-QD/TU,2018-01-01,Trùng số,T01,,
                    """,
                ProposalsFile.fileName: """
                    from_unit,to_unit,kind,subject,text,received_on,handler,status,answer,answered_on,withdrawn_on
                    T01-A,T01-B,,Hỏi,Nội dung,2026-07-01,,,,,
                    T01-A,T01,khác,Hỏi,Nội dung,2026-07-01,,,,,
                    T01-A,T01,,Hỏi,Nội dung,2026-07-01,,answered,,,
                    T01-A,T01,,Hỏi 2,Nội dung,2026-07-01,,,Trả lời,2026-06-30,
                    """,
                TasksFile.fileName: """
                    unit_code,assigned_by,document,title,description,owner,assigned_on,deadline,status,progress,closed_on,focus_year
                    T01-A,T01-B,,Sai đơn vị giao,,,2026-01-10,2026-06-30,,,,
                    T01-A,,99-KH/TU,Sai văn bản,,,2026-01-10,2026-06-30,,,,
                    T01-A,,,Hoàn thành thiếu ngày,,,2026-01-10,2026-06-30,done,,,
                    T01-A,,,Tiến độ sai,,,2026-01-10,2026-06-30,,120,,
                    """,
            ], folder: "bad")
            try await expectProblems(t, root, bad, [
                "documents.csv:2: number:", "documents.csv:3: number:", "documents.csv:4: unit_code:", "documents.csv:5: replaces:", "documents.csv:7: number:",
            ])
            // The other files wait for a clean documents.csv; then their own problems show.
            let bad2 = try write(t, [ProposalsFile.fileName: try String(contentsOf: bad.appendingPathComponent(ProposalsFile.fileName), encoding: .utf8),
                                     TasksFile.fileName: try String(contentsOf: bad.appendingPathComponent(TasksFile.fileName), encoding: .utf8)],
                                 folder: "bad2")
            try await expectProblems(t, root, bad2, [
                "proposals.csv:2: to_unit:", "proposals.csv:3: kind:", "proposals.csv:4: answered_on:", "proposals.csv:5: answered_on:",
            ])
            try FileManager.default.removeItem(at: bad2.appendingPathComponent(ProposalsFile.fileName))
            try await expectProblems(t, root, bad2, [
                "tasks.csv:2: assigned_by:", "tasks.csv:3: document:", "tasks.csv:4: closed_on:", "tasks.csv:5: progress:",
            ])
            #expect(try await t.services.documents.list(root, DocumentQuery()).total == 0)
            let good = try write(t, [
                DocumentsFile.fileName: """
                    number,issued_on,title,unit_code,replaces,note
                    680-QĐ/TU,16/05/2018,Quy định về phân cấp quản lý cán bộ,T01,335-QĐ/TU,
                    335-QĐ/TU,2010-03-01,Quy định cũ,T01,,
                    21-NQ/TW,2022-06-16,Nghị quyết về tổ chức cơ sở đảng,TW,,Hội nghị Trung ương 5
                    """,
                ProposalsFile.fileName: """
                    from_unit,to_unit,kind,subject,text,received_on,handler,status,answer,answered_on,withdrawn_on
                    T01-A,T01,Kiến nghị,Xin hướng dẫn,Nội dung,2026-07-01,Chuyên viên A,,Trả lời,2026-07-31,
                    T01-A-C1,T01-A,,Hỏi về đảng phí,Nội dung,2026-07-02,,,,,
                    T01-B,T01,,Đã rút,Nội dung,2026-07-03,,withdrawn,,,2026-07-04
                    """,
                TasksFile.fileName: """
                    unit_code,assigned_by,document,title,description,owner,assigned_on,deadline,status,progress,closed_on,focus_year
                    T01-A,T01,21-NQ/TW,Xây dựng kế hoạch thực hiện,,Phó Bí thư,2026-01-10,2026-06-30,done,,2026-06-30,2026
                    T01-B,,680-QĐ/TU,Rà soát phân cấp,,,10/01/2026,31/12/2026,,40,,2026
                    """,
            ], folder: "good")
            let first = try await t.services.interchange.importDataset(root, at: good)
            #expect(first.created == 8 && first.updated == 0)
            let again = try await t.services.interchange.importDataset(root, at: good)
            #expect(again.created == 0 && again.updated == 0 && again.unchanged == 8)
            var q = DocumentQuery()
            q.text = "680-QĐ/TU"
            let d680 = try #require(try await t.services.documents.list(root, q).items.first)
            #expect(try await t.services.documents.detail(root, id: d680.id).replaces.map(\.document.number.text) == ["335-QĐ/TU"])
            #expect(try await t.services.documents.history(root, id: d680.id).first?.action == "import")
            #expect(try await t.services.proposals.answeredCount(root, unitCode: "T01", from: Self.date("2026-07-01"), to: Self.date("2026-07-31")) == 1)
            #expect(try await t.services.tasks.openCount(root, unitCode: "T01", on: Self.date("2026-06-29")) == 2)
            // A change is an update, recorded as one.
            try Data(try String(contentsOf: good.appendingPathComponent(TasksFile.fileName), encoding: .utf8)
                .replacingOccurrences(of: ",40,,2026", with: ",70,,2026").utf8).write(to: good.appendingPathComponent(TasksFile.fileName))
            #expect(try await t.services.interchange.importDataset(root, at: good).updated == 1)
            // The export loads back unchanged.
            let out = t.folder.appendingPathComponent("export")
            let counts = try await t.services.interchange.export(Self.cli, format: .csv, to: out, programVersion: "test")
            #expect(counts[DocumentsFile.fileName] == 3 && counts[ProposalsFile.fileName] == 3 && counts[TasksFile.fileName] == 2)
            let reload = t.folder.appendingPathComponent("reload")
            try FileManager.default.createDirectory(at: reload, withIntermediateDirectories: true)
            for file in [DocumentsFile.fileName, ProposalsFile.fileName, TasksFile.fileName] {
                try FileManager.default.copyItem(at: out.appendingPathComponent(file), to: reload.appendingPathComponent(file))
            }
            let back = try await t.services.interchange.importDataset(Self.cli, at: reload)
            #expect(back.created == 0 && back.updated == 0 && back.unchanged == 8)
        }
    }
}
