/// Texts of proposals, documents and tasks (DOMAIN.md §5, issue 7).

// MARK: - Documents: values and rules

extension Catalogue {
    public static func documentKind(_ kind: DocumentKind) -> Localized {
        switch kind {
        case .resolution: return t("Nghị quyết", "Resolution")
        case .conclusion: return t("Kết luận", "Conclusion")
        case .decision: return t("Quy định, quyết định", "Regulation, decision")
        case .directive: return t("Chỉ thị", "Directive")
        case .guidance: return t("Hướng dẫn", "Guidance")
        case .programme: return t("Chương trình", "Programme")
        case .plan: return t("Kế hoạch", "Plan")
        case .notice: return t("Thông báo", "Notice")
        case .letter: return t("Công văn", "Official letter")
        case .report: return t("Báo cáo", "Report")
        case .statute: return t("Quy chế", "Statute")
        case .circular: return t("Thông tri", "Circular")
        case .project: return t("Đề án", "Project")
        case .submission: return t("Tờ trình", "Submission")
        }
    }

    /// The issuers the registry names (abbreviation, name, central).
    static let documentIssuers: [(String, Localized, Bool)] = [
        ("TW", t("Trung ương", "Central Committee"), true),
        ("BCHTW", t("Ban Chấp hành Trung ương", "Central Committee"), true),
        ("BCT", t("Bộ Chính trị", "Politburo"), true),
        ("BBT", t("Ban Bí thư", "Secretariat"), true),
        ("BTCTW", t("Ban Tổ chức Trung ương", "Central Organization Commission"), true),
        ("VPTW", t("Văn phòng Trung ương Đảng", "Party Central Office"), true),
        ("UBKTTW", t("Ủy ban Kiểm tra Trung ương", "Central Inspection Commission"), true),
        ("BTGTW", t("Ban Tuyên giáo Trung ương", "Central Propaganda Commission"), true),
        ("BDVTW", t("Ban Dân vận Trung ương", "Central Mass Mobilization Commission"), true),
        ("BNCTW", t("Ban Nội chính Trung ương", "Central Internal Affairs Commission"), true),
        ("TU", t("Tỉnh ủy, Thành ủy", "Provincial Party Committee"), false),
        ("BTCTU", t("Ban Tổ chức Tỉnh ủy, Thành ủy", "Provincial Organization Commission"), false),
        ("UBKTTU", t("Ủy ban Kiểm tra Tỉnh ủy", "Provincial Inspection Commission"), false),
        ("VPTU", t("Văn phòng Tỉnh ủy", "Provincial Party Office"), false),
        ("HU", t("Huyện ủy", "District Party Committee"), false),
        ("QU", t("Quận ủy", "Urban District Party Committee"), false),
        ("BTCHU", t("Ban Tổ chức Huyện ủy", "District Organization Commission"), false),
        ("ĐU", t("Đảng ủy", "Party Committee"), false),
        ("ĐUK", t("Đảng ủy Khối", "Party Committee of the bloc"), false),
        ("CB", t("Chi bộ", "Party cell"), false),
    ]

    public static let documentNumberShape = t(
        "Số, ký hiệu văn bản phải có dạng số-loại/cơ quan ban hành, ví dụ 680-QĐ/TU, 21-NQ/TW, 26-HD/BTCTW.",
        "A document number is written number-kind/issuer, e.g. 680-QĐ/TU, 21-NQ/TW, 26-HD/BTCTW.")
    public static func documentNumberSerial(_ s: String) -> Localized {
        t("Phần số “\(s)” phải gồm 1 đến 6 chữ số, lớn hơn 0.", "The number “\(s)” must be 1 to 6 digits, above 0.")
    }
    public static func documentNumberKind(_ k: String) -> Localized {
        let known = DocumentKind.allCases.map(\.rawValue).joined(separator: ", ")
        return t("Loại văn bản “\(k)” không có trong danh mục (\(known)).", "The kind “\(k)” is not one of \(known).")
    }
    public static func documentNumberIssuer(_ i: String) -> Localized {
        t(
            "Cơ quan ban hành “\(i)” không hợp lệ: viết tắt bằng chữ (có thể thêm phần sau dấu gạch ngang), ví dụ TU, BTCTW, HU-BTC.",
            "The issuer “\(i)” is not valid: letters (with an optional dash suffix), e.g. TU, BTCTW, HU-BTC.")
    }
    public static let documentReplacesItself = t("Văn bản không thể thay thế chính nó.", "A document cannot replace itself.")
    public static func documentReplacedNumber(_ item: String, _ problem: Localized) -> Localized {
        t("Văn bản bị thay thế “\(item)”: \(problem.vi)", "Replaced document “\(item)”: \(problem.en)")
    }
}

// MARK: - Proposals: values and rules

extension Catalogue {
    public static func proposalKind(_ kind: ProposalKind) -> Localized {
        switch kind {
        case .proposal: return t("Đề xuất", "Proposal")
        case .recommendation: return t("Kiến nghị", "Recommendation")
        }
    }

    public static func proposalStatus(_ status: ProposalStatus) -> Localized {
        switch status {
        case .pending: return t("Chờ xử lý", "Pending")
        case .inProgress: return t("Đang xử lý", "In progress")
        case .answered: return t("Đã trả lời", "Answered")
        case .withdrawn: return t("Đã rút", "Withdrawn")
        }
    }

    public static func proposalDue(_ due: ProposalDue) -> Localized {
        switch due {
        case .closed: return t("Đã kết thúc", "Closed")
        case .onTime: return t("Trong hạn", "On time")
        case .overdue: return t("Quá hạn trả lời", "Overdue")
        }
    }

    public static let proposalAnsweredBeforeReceipt = t("Ngày trả lời trước ngày nhận.", "The answer is dated before the day of receipt.")
    public static let proposalStepRefused = t("Không thực hiện được thao tác này:", "This cannot be done:")
    public static let proposalReceiverOnly = t(
        "Chỉ đơn vị nhận (và cấp trên của đơn vị nhận) mới phân công xử lý và trả lời.", "Only the receiving side assigns and answers.")
    public static let proposalSenderOnly = t(
        "Chỉ đơn vị gửi mới rút hoặc nhắc trả lời đề xuất, kiến nghị.", "Only the sending side withdraws or reminds.")
    public static func proposalClosed(_ status: ProposalStatus) -> Localized {
        t("Đề xuất, kiến nghị đang ở trạng thái “\(status.label.vi)”.", "The proposal is “\(status.label.en)”.")
    }
    public static let proposalWithdrawNeedsReason = t("Phải ghi lý do rút.", "Give the reason for withdrawing.")
    public static func proposalNotOverdue(_ until: CivilDate) -> Localized {
        t(
            "Chưa quá hạn trả lời: hạn đến hết ngày \(VietnameseFormat.date(until)).",
            "Not overdue yet: the answer is due by \(EnglishFormat.date(until)).")
    }
    public static let proposalRemindedToday = t("Đã nhắc trả lời trong ngày hôm nay.", "A reminder was already sent today.")
}

// MARK: - Tasks: values and rules

extension Catalogue {
    public static func taskStatus(_ status: TaskStatus) -> Localized {
        switch status {
        case .open: return t("Chưa thực hiện", "Not started")
        case .inProgress: return t("Đang thực hiện", "In progress")
        case .done: return t("Hoàn thành", "Done")
        case .cancelled: return t("Hủy bỏ", "Cancelled")
        }
    }

    public static func taskDue(_ due: TaskDue) -> Localized {
        switch due {
        case .closed: return t("Đã kết thúc", "Closed")
        case .onTime: return t("Trong hạn", "On time")
        case .overdue: return t("Quá hạn", "Overdue")
        }
    }

    public static let taskDeadlineBeforeAssigned = t("Hạn hoàn thành trước ngày giao.", "The deadline is before the day assigned.")
    public static let taskDateBeforeAssigned = t("Ngày này trước ngày giao nhiệm vụ.", "This day is before the task was assigned.")
    public static let taskStepRefused = t("Không cập nhật được nhiệm vụ:", "The task cannot change this way:")
    public static let taskNeedsReason = t("Phải ghi lý do.", "Give the reason.")
    public static func taskClosed(_ status: TaskStatus) -> Localized {
        t("Nhiệm vụ đã kết thúc (“\(status.label.vi)”); mở lại trước khi cập nhật.", "The task is closed (“\(status.label.en)”); reopen it first.")
    }
    public static let taskNotClosed = t("Chỉ mở lại nhiệm vụ đã hoàn thành hoặc đã hủy.", "Only a done or cancelled task can be reopened.")
}

// MARK: - Attachments

extension Catalogue {
    public static let attachmentMissing = t("Chưa chọn tệp, hoặc tệp rỗng.", "No file chosen, or the file is empty.")
    public static func attachmentTooLarge(_ mb: Int) -> Localized { t("Tệp lớn quá \(mb) MB.", "The file is larger than \(mb) MB.") }
    public static func attachmentType(_ list: String) -> Localized {
        t("Chỉ nhận tệp \(list).", "Only these files are accepted: \(list).")
    }
    public static func attachmentContentMismatch(_ ext: String) -> Localized {
        t("Nội dung tệp không phải định dạng .\(ext) như tên tệp.", "The file's content is not .\(ext) as its name says.")
    }
}

// MARK: - Documents: the registry

extension Catalogue {
    public static let documentsArea = t("Sổ văn bản", "Document registry")
    public static let documentNotFound = t("Không tìm thấy văn bản này trong phạm vi của bạn.", "No such document in your scope.")
    public static let documentReadOnly = t(
        "Văn bản này thuộc sổ văn bản của cấp trên: bạn chỉ được xem.", "This document is in a registry above yours: you may only read it.")
    public static let documentNumberLabel = t("Số, ký hiệu", "Number")
    public static let documentKindLabel = t("Loại văn bản", "Kind")
    public static let documentIssuer = t("Cơ quan ban hành", "Issuer")
    public static let documentIssuedOn = t("Ngày ban hành", "Issued on")
    public static let documentTitle = t("Trích yếu", "Title")
    public static let documentRegistry = t("Đơn vị quản lý", "Registry")
    public static let documentState = t("Hiệu lực", "State")
    public static let documentReplaced = t("Đã bị thay thế", "Replaced")
    public static let documentInForce = t("Đang có hiệu lực", "In force")
    public static let documentReplacesLabel = t("Thay thế văn bản", "Replaces")
    public static let documentReplacedByLabel = t("Bị thay thế bởi", "Replaced by")
    public static func documentCentralNeedsRoot(_ number: String) -> Localized {
        t(
            "\(number) là văn bản của Trung ương: chỉ đơn vị cấp cao nhất của hệ thống vào sổ (mọi người dùng đều xem được).",
            "\(number) is a central document: only the top unit of the tree registers it (every user sees it).")
    }
    public static func documentExists(_ number: String, _ year: Int) -> Localized {
        t("Sổ văn bản đã có văn bản \(number) ban hành năm \(year).", "The registry already holds \(number) issued in \(year).")
    }
    public static func documentReplacedNotFound(_ number: String, _ date: CivilDate) -> Localized {
        t(
            "Không tìm thấy văn bản \(number) ban hành trước hoặc trong ngày \(VietnameseFormat.date(date)) trong sổ văn bản; vào sổ văn bản đó trước.",
            "No document \(number) issued on or before \(EnglishFormat.date(date)) in the registry; register it first.")
    }
    public static func documentReplacementCycle(_ number: String) -> Localized {
        t(
            "Không thể thay thế \(number): \(number) đã (trực tiếp hoặc gián tiếp) thay thế văn bản này.",
            "Cannot replace \(number): \(number) already replaces this document, directly or through others.")
    }
    public static func citationKind(_ kind: CitationKind) -> Localized {
        switch kind {
        case .ruleSet: return t("Bộ quy tắc", "Rule set")
        case .decision: return t("Quyết định về cán bộ", "Cadre decision")
        case .planning: return t("Phê duyệt quy hoạch", "Planning approval")
        case .vetting: return t("Kết luận thẩm định", "Vetting conclusion")
        case .task: return t("Nhiệm vụ", "Task")
        }
    }
}

// MARK: - Proposals: records and lists

extension Catalogue {
    public static let proposalsArea = t("Đề xuất, kiến nghị", "Proposals and recommendations")
    public static let proposalNotFound = t("Không tìm thấy đề xuất, kiến nghị này trong phạm vi của bạn.", "No such proposal in your scope.")
    public static let proposalSettingsForbidden = t(
        "Chỉ quản trị viên của đơn vị cấp cao nhất mới đổi được thời hạn nhắc trả lời (áp dụng cho mọi đơn vị).",
        "Only an administrator of a top unit changes the reminder (it applies to every unit).")
    public static let proposalKindLabel = t("Loại", "Kind")
    public static let proposalSubject = t("Trích yếu", "Subject")
    public static let proposalText = t("Nội dung", "Text")
    public static let proposalFrom = t("Đơn vị gửi", "From")
    public static let proposalTo = t("Đơn vị nhận", "To")
    public static let proposalReceivedOn = t("Ngày nhận", "Received on")
    public static let proposalHandler = t("Người xử lý", "Handler")
    public static let proposalStatusLabel = t("Trạng thái", "Status")
    public static let proposalDueLabel = t("Thời hạn trả lời", "Answer due")
    public static let proposalAnsweredOn = t("Ngày trả lời", "Answered on")
    public static let proposalAnswer = t("Nội dung trả lời", "Answer")
    public static let proposalReceiverNotAbove = t(
        "Đơn vị nhận phải là cấp trên của đơn vị gửi.", "The receiving unit must be above the sending unit.")
    public static let proposalExists = t(
        "Đã có đề xuất, kiến nghị cùng trích yếu, cùng đơn vị gửi, đơn vị nhận và ngày nhận.",
        "A proposal with this subject, sender, receiver and day of receipt exists.")
    public static let proposalAnswerNeedsAnswered = t(
        "Có nội dung hoặc ngày trả lời thì trạng thái phải là “Đã trả lời”.", "An answer needs the status “answered”.")
    public static let proposalWithdrawnBeforeReceipt = t("Ngày rút trước ngày nhận.", "Withdrawn before the day of receipt.")
    public static let proposalWithdrawnNeedsStatus = t("Có ngày rút thì trạng thái phải là “Đã rút”.", "A withdrawal date needs the status “withdrawn”.")
}

// MARK: - Tasks: records and lists

extension Catalogue {
    public static let tasksArea = t("Nhiệm vụ", "Tasks")
    public static let taskNotFound = t("Không tìm thấy nhiệm vụ này trong phạm vi của bạn.", "No such task in your scope.")
    public static let taskTitle = t("Nhiệm vụ", "Task")
    public static let taskDescription = t("Nội dung", "Description")
    public static let taskUnit = t("Đơn vị thực hiện", "Carried out by")
    public static let taskAssignedBy = t("Đơn vị giao", "Assigned by")
    public static let taskDocument = t("Thực hiện văn bản", "Implements")
    public static let taskOwner = t("Người phụ trách", "Owner")
    public static let taskAssignedOn = t("Ngày giao", "Assigned on")
    public static let taskDeadline = t("Hạn hoàn thành", "Deadline")
    public static let taskStatusLabel = t("Trạng thái", "Status")
    public static let taskProgress = t("Tiến độ (%)", "Progress (%)")
    public static let taskDueLabel = t("Thời hạn", "Due")
    public static let taskClosedOn = t("Ngày kết thúc", "Closed on")
    public static let taskFocusYear = t("Nhiệm vụ trọng tâm năm", "Focus list of the year")
    public static let taskAssignerNotAbove = t(
        "Đơn vị giao phải là đơn vị thực hiện hoặc cấp trên của đơn vị đó.", "The assigning unit must be the carrying unit or one above it.")
    public static func taskDocumentNotFound(_ number: String) -> Localized {
        t("Không tìm thấy văn bản \(number) trong sổ văn bản; vào sổ văn bản đó trước.", "No document \(number) in the registry; register it first.")
    }
    public static let taskExists = t(
        "Đơn vị đã có nhiệm vụ cùng tên giao cùng ngày.", "The unit already has a task of this title assigned that day.")
    public static let taskClosedBeforeAssigned = t("Nhiệm vụ kết thúc trước ngày giao mới.", "The task closed before the new day assigned.")
    public static let taskClosedOnNeedsClosed = t(
        "Có ngày kết thúc thì trạng thái phải là “Hoàn thành” hoặc “Hủy bỏ”.", "A closing date needs the status done or cancelled.")
}

// MARK: - Files

extension Catalogue {
    public static let attachmentNotFound = t("Không tìm thấy tệp đính kèm này.", "No such attachment.")
    public static let attachmentOtherSide = t(
        "Chỉ bên đã đính kèm tệp (hoặc người quản lý văn bản) mới gỡ được tệp.", "Only the side that attached the file may remove it.")
}

// MARK: - The briefing report

extension Catalogue {
    public static let sectionBetween = t("VI. Đề xuất, kiến nghị và nhiệm vụ", "VI. Proposals and tasks")
    public static let figureProposalsAnswered = t("Đề xuất, kiến nghị được giải đáp", "Proposals answered")
    public static let figureTasksOpen = t("Nhiệm vụ chưa hoàn thành (cuối kỳ)", "Tasks open at the period's end")
    public static func sentenceProposalsAnswered(_ n: Int) -> Localized {
        t(
            "Đã có \(VietnameseFormat.integer(n)) đề xuất, kiến nghị được trao đổi, giải đáp.",
            "\(EnglishFormat.integer(n)) proposals and recommendations answered.")
    }
    public static func sentenceTasksOpen(_ n: Int, _ day: CivilDate) -> Localized {
        t(
            "Đến ngày \(VietnameseFormat.date(day)) còn \(VietnameseFormat.integer(n)) nhiệm vụ đang triển khai, chưa hoàn thành.",
            "\(EnglishFormat.integer(n)) tasks still open on \(EnglishFormat.date(day)).")
    }
}

// MARK: - Field names

extension Catalogue {
    static let betweenFieldLabels: [String: Localized] = [
        "number": documentNumberLabel, "issued_on": documentIssuedOn, "replaces": documentReplacesLabel, "issuer": documentIssuer,
        "from_unit": proposalFrom, "to_unit": proposalTo, "subject": proposalSubject, "text": proposalText, "received_on": proposalReceivedOn,
        "handler": proposalHandler, "answer": proposalAnswer, "answered_on": proposalAnsweredOn, "withdrawn_on": t("Ngày rút", "Withdrawn on"),
        "reason": t("Lý do", "Reason"), "reminders": t("Số lần nhắc", "Reminders"), "file": t("Tệp đính kèm", "File"),
        "assigned_by": taskAssignedBy, "document": taskDocument, "description": taskDescription, "owner": taskOwner, "assigned_on": taskAssignedOn,
        "deadline": taskDeadline, "progress": taskProgress, "closed_on": taskClosedOn, "focus_year": taskFocusYear, "noted_on": t("Ngày báo cáo", "Noted on"),
        "reminder_working_days": t("Số ngày làm việc trước khi nhắc trả lời", "Working days before a reminder"), "box": t("Hộp", "Box"),
    ]
}

// MARK: - Pages

extension Catalogue {
    public static let betweenSaved = t("Đã lưu.", "Saved.")
    // Documents.
    public static let documentCreated = t("Đã vào sổ văn bản.", "Registered.")
    public static let documentAllKinds = t("Mọi loại", "All kinds")
    public static let documentAnyState = t("Mọi hiệu lực", "Any state")
    public static func documentSortLabel(_ key: String) -> Localized {
        switch key {
        case "number": return t("Loại và số", "Kind and number")
        case "title": return t("Trích yếu", "Title")
        default: return t("Ngày ban hành (mới nhất trước)", "Date issued (newest first)")
        }
    }
    public static let documentSearchPlaceholder = t("Số (680-QĐ/TU) hoặc từ trong trích yếu", "A number (680-QĐ/TU) or words of the title")
    public static let documentYear = t("Năm", "Year")
    public static let documentNew = t("Vào sổ văn bản", "Register a document")
    public static let documentEdit = t("Sửa văn bản", "Edit the document")
    public static func documentNumberHelp(_ kinds: String) -> Localized {
        t(
            "Số-loại/cơ quan ban hành, ví dụ 21-NQ/TW, 680-QĐ/TU, 26-HD/BTCTW, 1011-CTr/TU; gõ QD thay cho QĐ cũng được. Loại: \(kinds). Văn bản của Trung ương (TW, BCT, BBT, BTCTW…) do đơn vị cấp cao nhất vào sổ và mọi người dùng đều xem được.",
            "Number-kind/issuer, e.g. 21-NQ/TW, 680-QĐ/TU, 26-HD/BTCTW, 1011-CTr/TU; QD may be typed for QĐ. Kinds: \(kinds). Central documents (TW, BCT, BBT, BTCTW…) are registered by the top unit and seen by every user.")
    }
    public static let documentReplacesHelp = t(
        "Số của các văn bản bị thay thế, cách nhau bằng dấu chấm phẩy; mỗi văn bản phải có trong sổ và ban hành không muộn hơn văn bản này.",
        "Numbers of the documents replaced, separated by semicolons; each must be in the registry and issued no later than this one.")
    public static func documentGeneration(_ n: Int) -> Localized { t("qua \(n - 1) văn bản trung gian", "through \(n - 1) in between") }
    public static let documentNotCited = t("Chưa có hồ sơ nào trong hệ thống viện dẫn văn bản này.", "Nothing in the system cites this document yet.")
    public static let documentCitedBy = t("Được viện dẫn trong hệ thống", "Cited in the system")
    public static let documentCitationKind = t("Loại hồ sơ", "Record")
    public static let documentCitationRecord = t("Hồ sơ", "What")
    public static let documentCitationDate = t("Ngày", "Date")
    public static let documentCentral = t("văn bản của Trung ương", "a central document")
    public static let documentNewTask = t("Giao nhiệm vụ thực hiện văn bản này", "Assign a task implementing it")
    // Files.
    public static let attachmentFiles = t("Tệp đính kèm", "Files")
    public static let attachmentFile = t("Tệp", "File")
    public static let attachmentSize = t("Dung lượng", "Size")
    public static let attachmentSide = t("Bên đính kèm", "Attached by side")
    public static let attachmentNone = t("Chưa có tệp đính kèm.", "No files.")
    public static let attachmentAdd = t("Đính kèm tệp", "Attach a file")
    public static let attachmentRemove = t("Gỡ tệp", "Remove")
    public static func attachmentHelp(_ list: String, _ mb: Int) -> Localized {
        t("Nhận tệp \(list), tối đa \(mb) MB; mỗi lần tải về đều được ghi lại.", "Files \(list), at most \(mb) MB; every download is recorded.")
    }
    // Proposals.
    public static let proposalCreated = t("Đã gửi đề xuất, kiến nghị.", "The proposal was sent.")
    public static let proposalInbox = t("Hộp đến", "Inbox")
    public static let proposalOutbox = t("Hộp đi", "Outbox")
    public static let proposalInboxHelp = t(
        "Hộp đến: đề xuất, kiến nghị gửi tới đơn vị hoặc các đơn vị trực thuộc.", "Inbox: proposals sent to the unit or to units below it.")
    public static let proposalOutboxHelp = t(
        "Hộp đi: đề xuất, kiến nghị đơn vị (hoặc đơn vị trực thuộc) gửi lên cấp trên.", "Outbox: proposals the unit (or units below it) sent above it.")
    public static func proposalReminderNow(_ days: Int) -> Localized {
        t("Quá \(days) ngày làm việc kể từ ngày nhận mà chưa trả lời thì được nhắc.", "Unanswered after \(days) working days from receipt: overdue.")
    }
    public static func proposalOverdueBanner(_ n: String, _ days: Int) -> Localized {
        t("Có \(n) đề xuất, kiến nghị quá \(days) ngày làm việc chưa trả lời.", "\(n) proposals unanswered after \(days) working days.")
    }
    public static let proposalAnyKind = t("Đề xuất và kiến nghị", "Proposals and recommendations")
    public static func proposalDateField(_ key: String) -> Localized {
        key == "answered" ? t("Ngày trả lời", "Answered on") : t("Ngày nhận", "Received on")
    }
    public static func proposalSortLabel(_ key: String) -> Localized {
        switch key {
        case "answered_on": return t("Ngày trả lời (mới nhất trước)", "Answered (newest first)")
        case "subject": return t("Trích yếu", "Subject")
        default: return t("Ngày nhận (mới nhất trước)", "Received (newest first)")
        }
    }
    public static func proposalDueBy(_ date: String) -> Localized { t("Hạn trả lời \(date)", "Due by \(date)") }
    public static func proposalOverdueSince(_ date: String) -> Localized {
        t("Quá hạn trả lời (hạn \(date))", "Overdue (due by \(date))")
    }
    public static func proposalReminded(_ n: Int, _ date: String) -> Localized {
        t("đã nhắc \(n) lần, lần cuối ngày \(date)", "reminded \(n) times, last on \(date)")
    }
    public static func proposalCounts(_ from: String, _ to: String) -> Localized { t("Số liệu từ \(from) đến \(to)", "Figures from \(from) to \(to)") }
    public static let proposalReceivedCount = t("Đã nhận (gửi)", "Received (sent)")
    public static let proposalAnsweredCount = t("Được giải đáp", "Answered")
    public static func proposalOpenCount(_ date: String) -> Localized { t("Chưa trả lời ngày \(date)", "Unanswered on \(date)") }
    public static let proposalOverdueCount = t("Trong đó quá hạn", "Of which overdue")
    public static let proposalNew = t("Gửi đề xuất, kiến nghị", "Send a proposal")
    public static let proposalToHelp = t(
        "Mã của đơn vị cấp trên nhận; để trống là cấp trên trực tiếp.", "The code of the receiving unit above; empty for the direct parent.")
    public static let proposalReceivedHelp = t(
        "Để trống là hôm nay; bên nhận ghi ngày nhận khi vào sổ đề xuất gửi bằng văn bản giấy.",
        "Empty for today; the receiving side enters the day it received a proposal sent on paper.")
    public static let proposalSend = t("Gửi", "Send")
    public static let proposalAssign = t("Phân công xử lý", "Assign")
    public static let proposalAnswerAction = t("Trả lời", "Answer")
    public static let proposalAmend = t("Sửa nội dung trả lời", "Amend the answer")
    public static let proposalAnswerHelp = t("Ngày trả lời để trống là hôm nay.", "An empty date is today.")
    public static let proposalRemind = t("Nhắc trả lời", "Remind")
    public static let proposalWithdraw = t("Rút đề xuất, kiến nghị", "Withdraw")
    public static let proposalWithdrawReason = t("Lý do rút", "Reason")
    public static let proposalWithdrawnOn = t("Đã rút ngày", "Withdrawn on")
    public static let proposalYouReceive = t("Bạn thuộc bên nhận: phân công, trả lời.", "You are on the receiving side: assign and answer.")
    public static let proposalYouSend = t("Bạn thuộc bên gửi: theo dõi, nhắc trả lời, rút.", "You are on the sending side: follow, remind, withdraw.")
    public static let proposalSettingsTitle = t("Thời hạn nhắc trả lời", "Reminder setting")
    public static let proposalSettingsDays = t(
        "Số ngày làm việc kể từ ngày nhận, quá số ngày này mà chưa trả lời thì nhắc", "Working days from receipt after which an unanswered proposal is overdue")
    public static let proposalSettingsHelp = t(
        "Mặc định 10 ngày làm việc (không tính thứ Bảy, Chủ nhật và ngày lễ); áp dụng ngay cho mọi danh sách.",
        "10 working days by default (weekends and holidays not counted); applies at once to every list.")
    // Tasks.
    public static let taskCreated = t("Đã giao nhiệm vụ.", "The task was assigned.")
    public static let taskFocusList = t("Nhiệm vụ trọng tâm", "Focus tasks")
    public static func taskFocusTitle(_ year: Int) -> Localized { t("Nhiệm vụ trọng tâm năm \(year)", "Focus tasks of \(year)") }
    public static func taskFocusSummary(_ done: String, _ average: String) -> Localized {
        t("Hoàn thành \(done) nhiệm vụ; tiến độ bình quân \(average).", "\(done) tasks done; average progress \(average).")
    }
    public static func taskSortLabel(_ key: String) -> Localized {
        switch key {
        case "assigned_on": return t("Ngày giao (mới nhất trước)", "Assigned (newest first)")
        case "title": return t("Tên nhiệm vụ", "Title")
        case "progress": return t("Tiến độ (thấp trước)", "Progress (lowest first)")
        default: return t("Hạn hoàn thành (sớm trước)", "Deadline (earliest first)")
        }
    }
    public static let taskOpenOn = t("Chưa hoàn thành tại ngày", "Open on")
    public static func taskOpenOnHelp(_ date: String) -> Localized {
        t("Nhiệm vụ đã giao và chưa hoàn thành, chưa hủy tại ngày \(date).", "Tasks assigned and neither done nor cancelled on \(date).")
    }
    public static let taskNew = t("Giao nhiệm vụ", "Assign a task")
    public static let taskEdit = t("Sửa nhiệm vụ", "Edit the task")
    public static let taskAssignedByHelp = t(
        "Mã đơn vị giao: đơn vị thực hiện hoặc cấp trên của đơn vị đó; để trống là chính đơn vị thực hiện.",
        "The assigning unit's code: the carrying unit or one above it; empty for the carrying unit itself.")
    public static let taskNotes = t("Báo cáo tiến độ", "Progress notes")
    public static let taskNoteAdd = t("Báo cáo tiến độ", "Report progress")
    public static let taskNoteText = t("Kết quả thực hiện", "What was done")
    public static let taskNotedOn = t("Ngày báo cáo", "Noted on")
    public static let taskComplete = t("Hoàn thành nhiệm vụ", "Mark done")
    public static let taskCancel = t("Hủy nhiệm vụ", "Cancel the task")
    public static let taskReopen = t("Mở lại nhiệm vụ", "Reopen the task")
    public static let taskReason = t("Lý do", "Reason")
    // The dashboard.
    public static let dashboardProposalsOverdue = t("Đề xuất, kiến nghị quá hạn trả lời", "Proposals overdue")
    public static let dashboardTasksOverdue = t("Nhiệm vụ quá hạn", "Tasks overdue")
}
