/// Texts of vetting (DOMAIN.md §3, issue 5).
extension Catalogue {
    public static let vettingArea = t("Thẩm định tiêu chuẩn chính trị", "Political-standard vetting")
}

// MARK: - Values

extension Catalogue {
    public static func vettingPurpose(_ purpose: VettingPurpose) -> Localized {
        switch purpose {
        case .planning: return t("Quy hoạch", "Planning")
        case .appointment: return t("Bổ nhiệm", "Appointment")
        case .candidacy: return t("Ứng cử", "Candidacy")
        case .admission: return t("Kết nạp Đảng", "Admission to the Party")
        case .recognition: return t("Công nhận đảng viên chính thức", "Recognition as full member")
        case .travelAbroad: return t("Đi nước ngoài", "Travel abroad")
        case .other: return t("Khác", "Other")
        }
    }

    public static func vettingStatus(_ status: VettingStatus) -> Localized {
        switch status {
        case .received: return t("Đã tiếp nhận", "Received")
        case .verifying: return t("Đang thẩm tra, xác minh", "Verifying")
        case .concluded: return t("Đã kết luận", "Concluded")
        }
    }

    public static func vettingConclusion(_ conclusion: VettingConclusion) -> Localized {
        switch conclusion {
        case .meets: return t("Đạt tiêu chuẩn chính trị", "Meets the political standard")
        case .doesNotMeet: return t("Không đạt tiêu chuẩn chính trị", "Does not meet the political standard")
        }
    }

    public static func vettingDue(_ due: VettingDue) -> Localized {
        switch due {
        case .concluded: return t("Đã kết luận", "Concluded")
        case .onTime: return t("Trong hạn", "On time")
        case .dueSoon: return t("Sắp đến hạn", "Due soon")
        case .overdue: return t("Quá hạn", "Overdue")
        }
    }
}

// MARK: - Rules and refusals

extension Catalogue {
    public static let vettingDeadlineBeforeReceipt = t("Hạn thẩm định trước ngày tiếp nhận.", "The deadline is before the day of receipt.")
    public static let vettingConclusionRequired = t(
        "Phải chọn kết luận: đạt hoặc không đạt tiêu chuẩn chính trị.", "Choose the conclusion: meets or does not meet the political standard.")
    public static let vettingConcludedBeforeReceipt = t("Ngày kết luận trước ngày tiếp nhận.", "The conclusion date is before the day of receipt.")
    public static let vettingDocumentRequired = t(
        "Phải ghi số văn bản làm căn cứ kết luận (ví dụ 123-CV/BTCTU).", "The number of the document the conclusion rests on is required (e.g. 123-CV/BTCTU).")
    public static let vettingStepRefused = t("Không chuyển được trạng thái hồ sơ:", "The case cannot change this way:")
    public static func vettingCannotStart(_ status: VettingStatus) -> Localized {
        t("Chỉ hồ sơ “Đã tiếp nhận” mới chuyển sang thẩm tra, xác minh; hồ sơ này đang “\(status.label.vi)”.",
          "Only a received case can start verifying; this one is “\(status.label.en)”.")
    }
    public static func vettingCannotConclude(_ status: VettingStatus) -> Localized {
        status == .concluded
            ? t("Hồ sơ đã có kết luận; muốn sửa phải đính chính, ghi rõ lý do.", "The case is already concluded; change it by a correction with a reason.")
            : t("Phải thẩm tra, xác minh trước khi kết luận.", "The case must be verified before it is concluded.")
    }
    public static let vettingCorrectionNeedsReason = t("Phải ghi lý do đính chính.", "A correction needs its reason.")
    public static func vettingCorrectionForward(_ target: VettingStatus) -> Localized {
        t("Đính chính chỉ để quay lại trạng thái trước hoặc sửa kết luận; để chuyển sang “\(target.label.vi)” hãy dùng thao tác của bước đó.",
          "A correction only goes back or amends the conclusion; to move to “\(target.label.en)” use that step's own action.")
    }
    public static let vettingCorrectionChangesNothing = t("Đính chính không thay đổi gì.", "The correction changes nothing.")
    public static let vettingCorrectionNeedsHead = t(
        "Chỉ lãnh đạo ban (trưởng, phó) mới được đính chính hồ sơ đã kết luận.", "Only a head may correct a concluded case.")
    public static let vettingCaseNotFound = t("Không tìm thấy hồ sơ thẩm định.", "Vetting case not found.")
    public static let vettingDetailsForbidden = t(
        "Chi tiết hồ sơ thẩm định chỉ dành cho cán bộ được giao xử lý (chuyên viên, lãnh đạo ban); vai trò của bạn chỉ xem được số liệu tổng hợp.",
        "Vetting case details are for the staff who handle them (clerks, heads); your role sees the counts only.")
    public static let vettingPersonNotFound = t(
        "Không tìm thấy đảng viên hoặc cán bộ có số thẻ hoặc số CCCD này trong phạm vi quản lý; người chưa có hồ sơ thì nhập số CCCD và họ tên.",
        "No member or cadre with this card or national ID number in your scope; for a person not in the register give the national ID and the name.")
    public static let vettingPersonOutsideScope = t(
        "Số này thuộc một người ngoài phạm vi quản lý của bạn.", "This number belongs to a person outside your scope.")
    public static let vettingCaseExists = t(
        "Người này đã có hồ sơ thẩm định cùng mục đích, cùng ngày tiếp nhận.", "This person already has a case for this purpose received on this day.")
    public static let vettingOutcomeNeedsConcluded = t(
        "Kết luận, ngày kết luận và văn bản chỉ ghi cho hồ sơ đã kết luận.", "A conclusion, its date and its document belong to a concluded case only.")
    public static let vettingSettingsForbidden = t(
        "Chỉ quản trị viên ở cấp cao nhất mới được thay đổi thiết lập thẩm định (áp dụng cho mọi đơn vị).",
        "Only an administrator at the top unit may change the vetting settings (they apply to every unit).")
}

// MARK: - Pages

extension Catalogue {
    public static let vettingCase = t("Hồ sơ thẩm định", "Vetting case")
    public static let vettingCases = t("Hồ sơ thẩm định", "Vetting cases")
    public static let vettingPerson = t("Người được thẩm định", "Person vetted")
    public static let vettingPersonNumber = t("Số thẻ đảng viên hoặc số CCCD", "Card or national ID number")
    public static let vettingNewPersonHelp = t(
        "Người chưa có hồ sơ đảng viên, cán bộ: nhập số CCCD, họ và tên (ngày sinh nếu có).",
        "A person who is neither a member nor a cadre: give the national ID, the full name (and the birth date if known).")
    public static let vettingPurposeLabel = t("Mục đích thẩm định", "Purpose")
    public static let vettingUnit = t("Đơn vị thẩm định (mã)", "Handling unit (code)")
    public static let vettingReceivedOn = t("Ngày tiếp nhận", "Received on")
    public static let vettingDeadline = t("Hạn thẩm định", "Deadline")
    public static let vettingDeadlineHelp = t(
        "Để trống: hạn mặc định theo thiết lập (số ngày làm việc kể từ ngày tiếp nhận, trừ thứ Bảy, Chủ nhật và ngày lễ).",
        "Empty: the default deadline of the settings (working days after receipt, weekends and holidays excluded).")
    public static let vettingStatusLabel = t("Tình trạng", "Status")
    public static let vettingConclusionLabel = t("Kết luận", "Conclusion")
    public static let vettingConcludedOn = t("Ngày kết luận", "Concluded on")
    public static let vettingDocument = t("Văn bản làm căn cứ", "Document it rests on")
    public static let vettingDueLabel = t("Thời hạn", "Deadline state")
    public static let vettingNew = t("Tiếp nhận hồ sơ thẩm định", "Receive a vetting case")
    public static let vettingCreated = t("Đã tiếp nhận hồ sơ.", "Case received.")
    public static let vettingSaved = t("Đã lưu.", "Saved.")
    public static let vettingStartVerifying = t("Chuyển sang thẩm tra, xác minh", "Start verifying")
    public static let vettingConclude = t("Ghi kết luận", "Record the conclusion")
    public static let vettingCorrect = t("Đính chính", "Correct")
    public static let vettingCorrectHelp = t(
        "Đính chính để quay lại trạng thái trước (mở lại hồ sơ đã kết luận) hoặc sửa kết luận; lý do được ghi vào lịch sử.",
        "A correction goes back to an earlier status (reopening a concluded case) or amends the conclusion; the reason goes into the history.")
    public static let vettingCorrectTo = t("Đưa về trạng thái", "Set the status to")
    public static let vettingReason = t("Lý do", "Reason")
    public static let vettingEdit = t("Sửa thông tin hồ sơ", "Edit the case")
    public static let vettingOverdueList = t("Hồ sơ quá hạn, sắp đến hạn", "Overdue and due soon")
    public static let vettingOverdue = t("Quá hạn", "Overdue")
    public static func vettingDueSoonTitle(_ days: Int) -> Localized {
        t("Sắp đến hạn (trong \(days) ngày làm việc)", "Due soon (within \(days) working days)")
    }
    public static func vettingAsOf(_ date: String) -> Localized { t("Tính đến ngày \(date).", "As of \(date).") }
    public static let vettingSummary = t("Số liệu theo kỳ", "Counts for the period")
    public static let vettingSummaryHelp = t(
        "Tiếp nhận: ngày tiếp nhận trong kỳ. Đã kết luận: ngày kết luận trong kỳ (đạt / không đạt). Quá hạn: hồ sơ chưa kết luận khi hết hạn, tính đến cuối kỳ (hoặc hôm nay nếu kỳ chưa hết). Tính theo đơn vị thẩm định và các đơn vị trực thuộc.",
        "Received: received in the period. Concluded: conclusion date in the period (meets / does not meet). Overdue: not concluded by the deadline, as of the period's end (or today if sooner). Counted by the handling unit and its subtree.")
    public static let vettingReceived = t("Tiếp nhận", "Received")
    public static let vettingConcludedCount = t("Đã kết luận", "Concluded")
    public static let vettingMeets = t("Đạt", "Meets")
    public static let vettingDoesNotMeet = t("Không đạt", "Does not meet")
    public static let vettingAllPurposes = t("Mọi mục đích", "Any purpose")
    public static let vettingAllConclusions = t("Mọi kết luận", "Any conclusion")
    public static let vettingAnyDue = t("Mọi thời hạn", "Any deadline state")
    public static let vettingDateField = t("Lọc kỳ theo", "Period by")
    public static func vettingDateFieldLabel(_ key: String) -> Localized {
        switch key {
        case "concluded": return t("Ngày kết luận", "Conclusion date")
        case "deadline": return t("Hạn thẩm định", "Deadline")
        default: return t("Ngày tiếp nhận", "Receipt date")
        }
    }
    public static func vettingSortLabel(_ key: String) -> Localized {
        switch key {
        case "deadline": return t("Hạn thẩm định (sớm nhất trước)", "Deadline (earliest first)")
        case "name": return t("Họ tên", "Name")
        case "concluded_on": return t("Ngày kết luận (mới nhất trước)", "Conclusion date (newest first)")
        default: return t("Ngày tiếp nhận (mới nhất trước)", "Receipt date (newest first)")
        }
    }
    public static let vettingCountsOnly = t(
        "Vai trò của bạn chỉ xem được số liệu tổng hợp; chi tiết từng hồ sơ (họ tên, kết luận, văn bản) dành cho cán bộ được giao xử lý.",
        "Your role sees the counts only; each case's details (name, conclusion, documents) are for the staff who handle them.")
    public static let vettingOfPerson = t("Thẩm định tiêu chuẩn chính trị", "Political-standard vetting")
    public static let vettingNewForPerson = t("Tiếp nhận hồ sơ cho người này", "Receive a case for this person")
    public static let vettingSettings = t("Thiết lập thẩm định", "Vetting settings")
    public static let vettingDeadlineDays = t("Hạn mặc định (số ngày làm việc từ ngày tiếp nhận)", "Default deadline (working days after receipt)")
    public static let vettingWarningDays = t("Cảnh báo sắp đến hạn trước (số ngày làm việc)", "Warn this many working days before the deadline")
    public static func vettingSettingsNow(_ deadline: Int, _ warning: Int) -> Localized {
        t("Hạn mặc định: \(deadline) ngày làm việc; cảnh báo trước \(warning) ngày làm việc.",
          "Default deadline: \(deadline) working days; warning \(warning) working days before.")
    }
    public static func vettingSeeAll(_ n: String) -> Localized { t("Xem cả \(n) hồ sơ", "See all \(n) cases") }
    public static let vettingSheet = t("Thẩm định", "Vetting")
    public static let vettingOther = t("Người ngoài hồ sơ", "Person not in the register")
    public static func vettingConcludedSentence(_ n: String) -> Localized {
        t("Thẩm định tiêu chuẩn chính trị \(n) trường hợp.", "Political standard vetted: \(n) cases.")
    }
}

/// Labels of the fields vetting names by key (forms, conflicts, history).
extension Catalogue {
    static let vettingFieldLabels: [String: Localized] = [
        "person": vettingPerson, "purpose": vettingPurposeLabel, "received_on": vettingReceivedOn, "deadline": vettingDeadline,
        "conclusion": vettingConclusionLabel, "concluded_on": vettingConcludedOn, "document_no": vettingDocument, "reason": vettingReason,
        "deadline_working_days": vettingDeadlineDays, "warning_working_days": vettingWarningDays, "due": vettingDueLabel,
        "date_field": vettingDateField,
    ]
}

/// The audit actions of vetting cases (`auditAction` falls back to these).
extension Catalogue {
    static let vettingAuditActions: [String: Localized] = [
        "verify": t("Chuyển sang thẩm tra, xác minh", "Verifying started"), "conclude": t("Kết luận", "Concluded"),
        "correct": t("Đính chính", "Corrected"), "settings": t("Thay đổi thiết lập", "Settings changed"),
    ]
}
