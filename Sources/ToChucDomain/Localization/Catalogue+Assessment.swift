/// Texts of assessment (DOMAIN.md §4, issue 6): classification.
extension Catalogue {
    public static func rating(_ r: Rating) -> Localized {
        switch r {
        case .excellent: return t("Hoàn thành xuất sắc nhiệm vụ", "Excellent")
        case .good: return t("Hoàn thành tốt nhiệm vụ", "Good")
        case .done: return t("Hoàn thành nhiệm vụ", "Done")
        case .notDone: return t("Không hoàn thành nhiệm vụ", "Not done")
        }
    }
    public static func ratingShort(_ r: Rating) -> Localized {
        switch r {
        case .excellent: return t("Xuất sắc", "Excellent")
        case .good: return t("Tốt", "Good")
        case .done: return t("Hoàn thành", "Done")
        case .notDone: return t("Không hoàn thành", "Not done")
        }
    }
    /// The grid's one-letter code: the first letter of the short Vietnamese label.
    public static func ratingLetter(_ r: Rating) -> String {
        switch r {
        case .excellent: return "X"
        case .good: return "T"
        case .done: return "H"
        case .notDone: return "K"
        }
    }
    public static func ratingSubject(_ s: RatingSubject) -> Localized {
        switch s {
        case .member: return t("Đảng viên", "Members")
        case .leader: return t("Cán bộ lãnh đạo, quản lý", "Leaders")
        case .unit: return t("Tổ chức đảng", "Organizations")
        }
    }
    public static func reviewPeriod(_ p: ReviewPeriod) -> Localized {
        switch p.kind {
        case .year: return t("năm \(p.year)", "\(p.year)")
        case .quarter: return t("quý \(["I", "II", "III", "IV"][p.index - 1])/\(p.year)", "Q\(p.index) \(p.year)")
        case .term: return t("nhiệm kỳ \(p.year)–\(p.index)", "term \(p.year)–\(p.index)")
        }
    }
    public static func excellentQuotaBreach(excellent: Int, good: Int, allowed: Int, percent: Int, regulation: String) -> Localized {
        t(
            "Số xếp loại hoàn thành xuất sắc (\(excellent)) vượt \(percent)% số hoàn thành tốt nhiệm vụ (\(good) → tối đa \(allowed)), vượt \(excellent - allowed) người (Quy định \(regulation)). Chưa lưu.",
            "Excellent ratings (\(excellent)) exceed \(percent)% of the good ones (\(good) → at most \(allowed)), by \(excellent - allowed) (Quy định \(regulation)). Nothing was saved.")
    }
    public static let scoreInvalid = t("Điểm phải là số nguyên từ 0 đến 100.", "A score is a whole number from 0 to 100.")
    public static let reviewPeriodInvalid = t(
        "Kỳ đánh giá ghi năm (2024), quý (2025-Q2) hoặc nhiệm kỳ (2020-2025).", "Write the review period as a year (2024), a quarter (2025-Q2) or a term (2020-2025).")
}

extension Catalogue {
    public static func notOnGrid(_ key: String) -> Localized {
        t("“\(key)” không thuộc danh sách đánh giá của đơn vị trong kỳ này.", "“\(key)” is not on this unit's grid for the period.")
    }
    public static func scoreOf(_ name: String, _ message: Localized) -> Localized { t("\(name): \(message.vi)", "\(name): \(message.en)") }
    public static func scoreNotUsed(_ name: String, _ regulation: String) -> Localized {
        t(
            "\(name): kỳ này áp dụng Quy định \(regulation), không chấm điểm; chỉ chọn mức xếp loại.",
            "\(name): Quy định \(regulation) applies to this period and has no score; choose the class only.")
    }
    public static func ratingUnknown(_ name: String, _ text: String) -> Localized {
        t(
            "\(name): “\(text)” không phải mức xếp loại (X: xuất sắc, T: tốt, H: hoàn thành, K: không hoàn thành).",
            "\(name): “\(text)” is not a class (X excellent, T good, H done, K not done).")
    }
    public static func scoreDisagrees(_ name: String, _ score: Int, _ rating: Localized) -> Localized {
        t("\(name): \(score) điểm ứng với mức “\(rating.vi)”.", "\(name): a score of \(score) means “\(rating.en)”.")
    }
    public static let gridRefused = t("Chưa lưu: có dòng chưa đúng.", "Nothing saved: some lines are wrong.")
    public static let gridStale = t(
        "Chưa lưu: một số dòng đã được người khác sửa sau khi anh/chị mở trang. Tải lại trang để xem kết quả mới rồi nhập lại.",
        "Nothing saved: someone changed some lines since you opened the page. Reload to see them, then enter again.")
}

extension Catalogue {
    public static let assessmentGrid = t("Nhập kết quả xếp loại", "Enter ratings")
    public static let assessmentResults = t("Kết quả xếp loại theo đơn vị", "Results by unit")
    public static let gridSaved = t("Đã lưu kết quả xếp loại.", "Ratings saved.")
    public static let reviewPeriodLabel = t("Kỳ đánh giá", "Review period")
    public static let ratingSubjectLabel = t("Đối tượng", "Subject")
    public static let ratingLabel = t("Xếp loại", "Rating")
    public static let scoreLabel = t("Điểm", "Score")
    public static let excellentAllowedLabel = t("Số được xếp xuất sắc tối đa", "Most excellent allowed")
    public static let change = t("Tăng (+) / giảm (−)", "Change")
    public static func ratingOf(_ name: String) -> Localized { t("Xếp loại của \(name)", "Rating of \(name)") }
    public static func gridTitle(_ subject: Localized, _ unit: String, _ period: Localized) -> Localized {
        t("Xếp loại \(subject.vi.lowercased()) — \(unit), \(period.vi)", "Ratings of \(subject.en.lowercased()) — \(unit), \(period.en)")
    }
    public static func resultsTitle(_ subject: Localized, _ unit: String, _ period: Localized) -> Localized {
        t("Kết quả xếp loại \(subject.vi.lowercased()) — \(unit), \(period.vi)", "Results: \(subject.en.lowercased()) — \(unit), \(period.en)")
    }
    public static func comparedWith(_ period: Localized) -> Localized { t("So sánh với \(period.vi)", "Compared with \(period.en)") }
    public static func gridDetail(_ s: RatingSubject) -> Localized {
        switch s {
        case .member: return t("Số thẻ", "Card")
        case .leader: return t("Chức vụ", "Post")
        case .unit: return t("Mã", "Code")
        }
    }
    public static func gridHelp(_ regulation: String, _ usesScore: Bool, _ quota: Int) -> Localized {
        usesScore
            ? t(
                "Áp dụng Quy định \(regulation): nhập điểm (thang 100) để tự xếp loại, hoặc chọn mức bằng một phím (X, T, H, K) rồi Tab sang dòng sau. Số xuất sắc không quá \(quota)% số hoàn thành tốt; kiểm tra trước khi lưu.",
                "Quy định \(regulation) applies: type the score (out of 100) to rate, or pick the class with one key (X, T, H, K) and Tab to the next line. Excellent at most \(quota)% of good; checked before saving.")
            : t(
                "Áp dụng Quy định \(regulation): chọn mức bằng một phím (X xuất sắc, T tốt, H hoàn thành, K không hoàn thành) rồi Tab sang dòng sau. Số xuất sắc không quá \(quota)% số hoàn thành tốt; kiểm tra trước khi lưu.",
                "Quy định \(regulation) applies: pick the class with one key (X excellent, T good, H done, K not done) and Tab to the next line. Excellent at most \(quota)% of good; checked before saving.")
    }
    public static let ruleFamilyLabel = t("Nhóm quy định", "Family")
    public static func ruleVoided(_ reason: String) -> Localized { t("Đã hủy: \(reason)", "Voided: \(reason)") }
    public static let voidReason = t("Lý do hủy", "Reason")
    public static let voidAction = t("Hủy phiên bản", "Void")
}

extension Catalogue {
    public static func quotaBreachIn(_ unit: String, _ breach: Localized) -> Localized { t("\(unit): \(breach.vi)", "\(unit): \(breach.en)") }
}
