/// Texts of confidence votes (DOMAIN.md §4, Quy định 96-QĐ/TW; issue 6).
extension Catalogue {
    public static func confidenceLevel(_ l: ConfidenceLevel) -> Localized {
        switch l {
        case .high: return t("Tín nhiệm cao", "High confidence")
        case .medium: return t("Tín nhiệm", "Confidence")
        case .low: return t("Tín nhiệm thấp", "Low confidence")
        }
    }
    public static func voteBodyKind(_ k: VoteBodyKind) -> Localized {
        switch k {
        case .committee: return t("Ban Chấp hành", "Executive committee")
        case .standingCommittee: return t("Ban Thường vụ", "Standing committee")
        case .conference: return t("Hội nghị cán bộ chủ chốt", "Conference of key cadres")
        }
    }
    public static func voteConsequence(_ c: VoteConsequence) -> Localized {
        switch c {
        case .none: return t("Không", "None")
        case .removal:
            return t(
                "Đưa ra khỏi quy hoạch chức vụ cao hơn; xem xét cho thôi giữ chức vụ",
                "Out of the planning for higher posts; considered for leaving the post")
        case .dismissal: return t("Miễn nhiệm, bố trí công tác khác không chờ hết nhiệm kỳ", "Dismissal, moved to other work before the term ends")
        }
    }
    public static func voteCountLabel(_ key: String) -> Localized {
        switch key {
        case "issued": return t("Số phiếu phát ra", "Ballots issued")
        case "returned": return t("Số phiếu thu về", "Ballots returned")
        case "valid": return t("Số phiếu hợp lệ", "Valid")
        case "invalid": return t("Số phiếu không hợp lệ", "Invalid")
        case "high": return confidenceLevel(.high)
        case "medium": return confidenceLevel(.medium)
        default: return confidenceLevel(.low)
        }
    }
    /// Short headers of the tally table.
    public static func voteCountShort(_ key: String) -> Localized {
        switch key {
        case "issued": return t("Phát ra", "Issued")
        case "returned": return t("Thu về", "Returned")
        case "valid": return t("Hợp lệ", "Valid")
        case "invalid": return t("Không hợp lệ", "Invalid")
        case "high": return t("Cao", "High")
        case "medium": return t("Tín nhiệm", "Medium")
        default: return t("Thấp", "Low")
        }
    }

    // MARK: Refusals
    public static let voteConvenedInvalid = t("Số người được triệu tập phải là số nguyên dương.", "Those convened must be a positive whole number.")
    public static func votePresentInvalid(_ convened: Int) -> Localized {
        t(
            "Số người có mặt phải từ 0 đến số được triệu tập (\(VietnameseFormat.integer(convened))).",
            "Those present must be from 0 to those convened (\(EnglishFormat.integer(convened))).")
    }
    public static func voteCountInvalid(_ name: String, _ label: Localized) -> Localized {
        t("\(name): “\(label.vi)” phải là số nguyên không âm.", "\(name): “\(label.en)” must be a whole number, 0 or more.")
    }
    public static func voteIssuedOverPresent(_ name: String, _ issued: Int, _ present: Int) -> Localized {
        t(
            "\(name): số phiếu phát ra (\(VietnameseFormat.integer(issued))) nhiều hơn số người có mặt (\(VietnameseFormat.integer(present))).",
            "\(name): ballots issued (\(EnglishFormat.integer(issued))) exceed those present (\(EnglishFormat.integer(present))).")
    }
    public static func voteReturnedOverIssued(_ name: String, _ returned: Int, _ issued: Int) -> Localized {
        t(
            "\(name): số phiếu thu về (\(VietnameseFormat.integer(returned))) nhiều hơn số phiếu phát ra (\(VietnameseFormat.integer(issued))).",
            "\(name): ballots returned (\(EnglishFormat.integer(returned))) exceed those issued (\(EnglishFormat.integer(issued))).")
    }
    public static func voteValidPlusInvalid(_ name: String, _ valid: Int, _ invalid: Int, _ returned: Int) -> Localized {
        t(
            "\(name): phiếu hợp lệ (\(valid)) cộng không hợp lệ (\(invalid)) phải bằng số phiếu thu về (\(returned)).",
            "\(name): valid (\(valid)) plus invalid (\(invalid)) must equal the ballots returned (\(returned)).")
    }
    public static func voteLevelsSum(_ name: String, _ high: Int, _ medium: Int, _ low: Int, _ valid: Int) -> Localized {
        t(
            "\(name): tín nhiệm cao (\(high)) + tín nhiệm (\(medium)) + tín nhiệm thấp (\(low)) phải bằng số phiếu hợp lệ (\(valid)).",
            "\(name): high (\(high)) + medium (\(medium)) + low (\(low)) must equal the valid ballots (\(valid)).")
    }
    public static func voteTooManyPlaces(_ name: String, round: String, places: Int, maximum: Int, regulation: String) -> Localized {
        t(
            "\(name) đã được lấy phiếu tín nhiệm ở \(places) nơi trong đợt \(round); mỗi người không quá \(maximum) nơi (Quy định \(regulation)).",
            "\(name) is already voted on at \(places) places in the round \(round); no more than \(maximum) per person (Quy định \(regulation)).")
    }
    public static func voteQuorumShort(required: Int, present: Int, convened: Int, regulation: String) -> Localized {
        t(
            "Không đủ số người có mặt: \(present)/\(convened), cần ít nhất \(required) (Quy định \(regulation)); hội nghị không được lấy phiếu, chưa nhập được kết quả.",
            "No quorum: \(present) of \(convened) present, at least \(required) needed (Quy định \(regulation)); the session cannot vote and no tally can be entered."
        )
    }
    public static func voteQuorumMet(required: Int, present: Int, convened: Int) -> Localized {
        t(
            "Đủ số người có mặt: \(present)/\(convened) (cần ít nhất \(required)).",
            "Quorum met: \(present) of \(convened) present (at least \(required) needed).")
    }
    public static let voteSessionNotFound = t("Không tìm thấy hội nghị lấy phiếu tín nhiệm.", "Confidence vote session not found.")
    public static let votePersonNotFound = t(
        "Không tìm thấy cán bộ hoặc đảng viên có số thẻ hoặc số CCCD này trong phạm vi của anh/chị.",
        "No cadre or member with this card or national ID number in your scope.")
    public static func voteAlreadyListed(_ name: String) -> Localized {
        t("\(name) đã có trong danh sách lấy phiếu của hội nghị này.", "\(name) is already on this session's list.")
    }
    public static let voteSubjectNotFound = t(
        "Người này không có trong danh sách lấy phiếu của hội nghị.", "This person is not on the session's list.")
    public static let votePositionNeeded = t(
        "Ghi chức vụ được lấy phiếu (người này không giữ chức vụ nào tại đơn vị vào ngày lấy phiếu).",
        "Give the post voted on (the person holds no post at the unit on the day of the vote).")
    public static let voteRoundInvalid = t("Ghi đợt lấy phiếu (ví dụ 2026), tối đa 40 ký tự.", "Give the round (e.g. 2026), at most 40 characters.")
    public static let voteTallyRefused = t("Chưa lưu kết quả kiểm phiếu: có dòng chưa đúng.", "Tally not saved: some lines are wrong.")
    public static let voteTallyStale = t(
        "Chưa lưu: kết quả của một số người đã được người khác sửa sau khi anh/chị mở trang. Tải lại trang rồi nhập lại.",
        "Not saved: someone changed some results since you opened the page. Reload, then enter again.")
    public static let votePresentBelowTallies = t(
        "Số người có mặt không thể ít hơn số phiếu đã phát ra trong kết quả đã nhập.",
        "Those present cannot be fewer than the ballots issued in the tallies entered.")
}

extension Catalogue {
    // MARK: Pages
    public static let votesArea = t("Lấy phiếu tín nhiệm", "Confidence votes")
    public static let voteSession = t("Hội nghị lấy phiếu tín nhiệm", "Confidence vote session")
    public static let voteNewSession = t("Thêm hội nghị lấy phiếu", "New vote session")
    public static let voteUnit = t("Đơn vị", "Unit")
    public static let voteBody = t("Cơ quan, hội nghị lấy phiếu", "Body voting")
    public static let voteBodyKindLabel = t("Loại hội nghị", "Kind of body")
    public static let voteBodyName = t("Tên hội nghị (để trống: theo đơn vị)", "Name of the body (empty: from the unit)")
    public static let voteRound = t("Đợt lấy phiếu", "Round")
    public static let voteHeldOn = t("Ngày lấy phiếu", "Day of the vote")
    public static let voteConvened = t("Số người được triệu tập", "Convened")
    public static let votePresent = t("Số người có mặt", "Present")
    public static let voteQuorum = t("Túc số", "Quorum")
    public static let votePersons = t("Người được lấy phiếu", "Persons voted on")
    public static let votePersonsCount = t("Số người được lấy phiếu", "Persons voted on")
    public static let votePosition = t("Chức vụ", "Post")
    public static let voteAddPerson = t("Thêm người được lấy phiếu", "Add a person")
    public static let votePersonNumber = t("Số thẻ đảng viên hoặc số CCCD", "Party card or national ID number")
    public static let votePositionHelp = t(
        "Để trống: chức vụ người đó đang giữ tại đơn vị vào ngày lấy phiếu.", "Empty: the post the person holds at the unit on the day of the vote.")
    public static let voteRemovePerson = t("Bỏ khỏi danh sách", "Remove")
    public static let voteTally = t("Kết quả kiểm phiếu", "Tally")
    public static let voteTallyHelp = t(
        "Nhập từ biên bản kiểm phiếu: số phiếu phát ra, thu về, hợp lệ, không hợp lệ và số phiếu ở từng mức. Tỷ lệ tính trên số phiếu thu về. Hệ thống chỉ lưu các con số, không lưu ai bỏ phiếu thế nào.",
        "Enter from the counting minutes: ballots issued, returned, valid, invalid and each level's count. Shares are over the ballots returned. Only the counts are stored, never who voted how."
    )
    public static let voteResults = t("Kết quả lấy phiếu", "Results")
    public static let voteConsequenceLabel = t("Hệ quả", "Consequence")
    public static let voteResultSheet = t("Phiếu kết quả (bản in)", "Result sheet (print)")
    public static let voteSheetTitle = t("KẾT QUẢ LẤY PHIẾU TÍN NHIỆM", "CONFIDENCE VOTE RESULTS")
    public static func voteSheetSubtitle(_ body: String, _ date: String) -> Localized {
        t("\(body), ngày \(date)", "\(body), \(date)")
    }
    public static let voteSheetSecret = t(
        "Phiếu kín; số liệu lấy từ biên bản kiểm phiếu. Tỷ lệ tính trên tổng số phiếu thu về.",
        "Secret ballot; figures from the counting minutes. Shares over the ballots returned.")
    public static let voteSheetBoard = t("TM. BAN KIỂM PHIẾU", "FOR THE COUNTING BOARD")
    public static let voteCreated = t("Đã thêm hội nghị lấy phiếu.", "Vote session created.")
    public static let voteSaved = t("Đã lưu.", "Saved.")
    public static let voteNoTally = t("Chưa nhập", "Not entered")
    public static let voteTalliedCount = t("Đã nhập kết quả", "Tallies entered")
    /// Short column headers of the consequences.
    public static func voteConsequenceShort(_ c: VoteConsequence) -> Localized {
        switch c {
        case .none: return t("Không", "None")
        case .removal: return t("Ra khỏi quy hoạch", "Out of planning")
        case .dismissal: return t("Miễn nhiệm", "Dismissal")
        }
    }
    public static let voteOfPerson = t("Kết quả lấy phiếu tín nhiệm", "Confidence votes")
    public static let voteAllRounds = t("Mọi đợt", "Every round")
    public static let voteAllBodies = t("Mọi loại hội nghị", "Every kind")
    public static let voteSheetName = t("Lấy phiếu tín nhiệm", "Confidence votes")
    public static func voteSessionsHelp(quorum: Fraction, maxPlaces: Int, regulation: String) -> Localized {
        t(
            "Mỗi hội nghị lấy phiếu thuộc một đợt (ví dụ 2026). Hội nghị cần ít nhất \(quorum) số người được triệu tập có mặt; một người không được lấy phiếu quá \(maxPlaces) nơi trong một đợt (Quy định \(regulation) đang áp dụng).",
            "Each session belongs to a round (e.g. 2026). A session needs at least \(quorum) of those convened present; a person is voted on at no more than \(maxPlaces) places per round (Quy định \(regulation), in force)."
        )
    }
    public static func voteRulesApplied(_ regulation: String) -> Localized { t("Áp dụng Quy định \(regulation).", "Quy định \(regulation) applies.") }
    public static let voteEdit = t("Sửa thông tin hội nghị", "Edit the session")
    public static let votePlanningNote = t(
        "Người có trên một nửa số phiếu tín nhiệm thấp được đưa ra khỏi quy hoạch khi rà soát quy hoạch (lý do: kết quả lấy phiếu này).",
        "A person with more than half low-confidence ballots leaves the planning at the planning review (reason: this vote).")
}

extension Catalogue {
    /// Labels of the fields of vote sessions and meetings (`fieldLabel`).
    static let voteFieldLabels: [String: Localized] = [
        "body_kind": voteBodyKindLabel, "body_name": voteBody, "round": voteRound, "held_on": voteHeldOn, "convened": voteConvened,
        "present": votePresent, "person": votePersonNumber, "position": votePosition, "meets_on": meetingDate, "topics": meetingTopics,
        "resolution": meetingResolution,
    ]
}
