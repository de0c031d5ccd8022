/// Texts of congresses and elections (issue 6, DOMAIN.md §4).
extension Catalogue {
    // MARK: - Rule set of congress terms

    public static let ruleTermYears = t("Số năm của một nhiệm kỳ đại hội", "Years of a congress term")
    public static let ruleFirstTermYear = t(
        "Năm bắt đầu của một nhiệm kỳ làm mốc (các nhiệm kỳ tính từ năm này)", "Year a term begins, from which the terms count")
    public static let ruleLeadMonths = t(
        "Đại hội nhiệm kỳ mới được tổ chức từ bao nhiêu tháng trước năm đầu nhiệm kỳ", "Months before a term's first year its congresses may be held")
    public static let unitYears = t("năm", "years")
    public static let unitYear = t("năm", "year")

    // MARK: - Congress records

    public static func congressTermInvalid(_ text: String) -> Localized {
        t(
            "Nhiệm kỳ “\(text)” không hợp lệ: ghi năm đầu và năm cuối, ví dụ 2025-2030.",
            "Term “\(text)” is not valid: write the first and last year, e.g. 2025-2030.")
    }
    public static func congressHeldAfterTerm(_ term: String) -> Localized {
        t("Ngày tổ chức đại hội sau khi nhiệm kỳ \(term) đã kết thúc.", "The congress is dated after the \(term) term ended.")
    }
    public static let congressNotFound = t("Không tìm thấy đại hội.", "Congress not found.")
    public static func congressUnitMissing(_ code: String, _ date: String) -> Localized {
        t("Tổ chức \(code) không tồn tại vào ngày \(date).", "Unit \(code) did not exist on \(date).")
    }
    public static let congressArea = t("Đại hội", "Congresses")
    public static func congressesTitle(_ term: String) -> Localized { t("Đại hội nhiệm kỳ \(term)", "Congresses of the \(term) term") }
    public static let congressTerm = t("Nhiệm kỳ", "Term")
    public static let congressPlannedOn = t("Ngày dự kiến", "Planned on")
    public static let congressHeldOn = t("Ngày tổ chức", "Held on")
    public static let congressPilot = t("Đại hội điểm", "Pilot congress")
    public static let congressDirectSecretary = t("Bầu trực tiếp bí thư tại đại hội", "Secretary elected directly")
    public static let congressDelegates = t("Số đại biểu được triệu tập", "Delegates convened")
    public static let congressCommitteeElected = t("Số cấp ủy viên được bầu", "Committee members elected")
    public static let congressStatus = t("Tình trạng", "Status")
    public static let congressHeld = t("Đã tổ chức", "Held")
    public static let congressPlanned = t("Đã có kế hoạch", "Planned")
    public static let congressMissing = t("Chưa có kế hoạch", "Not planned")
    public static let congressAllStatuses = t("Mọi tình trạng", "Any status")
    public static let congressAllKinds = t("Mọi cấp", "Every level")
    public static let congressSaved = t("Đã lưu thông tin đại hội.", "Congress saved.")
    public static let congressEdit = t("Ghi thông tin đại hội", "Record the congress")
    public static let congressHistory = t("Lịch sử thay đổi", "History")
    public static let congressNone = t("Chưa ghi đại hội nhiệm kỳ này.", "No congress of this term recorded yet.")
    public static let congressSheet = t("Đại hội", "Congresses")
    public static let congressCommittee = t("Cấp ủy được bầu", "Committee elected")
    public static let congressCommitteeNone = t("Chưa có kết quả bầu cử được chuẩn y.", "No approved election result yet.")
    public static let congressProgressLink = t("Tiến độ đại hội", "Congress progress")
    public static func congressTermInCourse(_ term: String) -> Localized { t("Nhiệm kỳ đang diễn ra: \(term).", "Term in course: \(term).") }
    public static func congressTermHelp(_ rules: String) -> Localized {
        t(
            "Nhiệm kỳ đang diễn ra vào một ngày là nhiệm kỳ có đợt đại hội bao gồm ngày đó (theo \(rules)). Đại hội thuộc đợt khi năm đầu nhiệm kỳ của nó nằm trong nhiệm kỳ của đợt.",
            "The term in course on a date is the term whose round of congresses includes it (per \(rules)). A congress belongs to the round when its term begins within the round's term."
        )
    }

    // MARK: - Progress

    public static func progressTitle(_ term: String) -> Localized { t("Tiến độ đại hội nhiệm kỳ \(term)", "Congress progress, \(term) term") }
    public static let progressDate = t("Tính đến ngày", "As of")
    public static let progressLevel = t("Cấp", "Level")
    public static let progressHeld = t("Đã tổ chức / tổng số", "Held / total")
    public static let progressPilot = t("Đại hội điểm", "Pilots")
    public static let progressDirect = t("Bầu trực tiếp bí thư", "Direct elections of the secretary")
    public static let progressChart = t("Tỷ lệ tổ chức đã đại hội theo cấp", "Share of units that held their congress, by level")
    public static let progressDefinition = t(
        "Trong số tổ chức đảng tồn tại vào ngày đã chọn thuộc phạm vi, số đã tổ chức đại hội của nhiệm kỳ (ngày tổ chức không sau ngày đó); tỷ lệ lấy hai chữ số thập phân, không làm tròn lên.",
        "Among the units of the subtree existing on the chosen date, those that held the congress of the term by that date; shares are cut to two decimals, never rounded up."
    )
    public static func levelPhrase(_ kind: UnitKind) -> Localized {
        switch kind {
        case .central: return t("Trung ương", "the Centre")
        case .provincial: return t("đảng bộ trực thuộc Trung ương", "provincial units")
        case .upperBase: return t("đảng bộ cấp trên cơ sở", "upper-base units")
        case .base: return t("đảng bộ, chi bộ cơ sở", "base units")
        case .subBase: return t("đảng bộ bộ phận", "sub-base units")
        case .cell: return t("chi bộ trực thuộc", "cells")
        }
    }

    /// The sentence of seed 002 for a date: "Tính đến hết ngày 25/07/2020 đã có 52.031 (99,85%) đảng bộ, chi bộ cơ sở
    /// và 624/1.305 (47,81%) đảng bộ cấp trên cơ sở tổ chức đại hội; trong đó có 127 đại hội điểm, 99 bầu trực tiếp bí
    /// thư." The base level is written as its count and share, the others as x/y (share), as the seed does.
    public static func progressSentence(_ date: CivilDate, levels: [CongressLevelProgress]) -> Localized {
        let parts = levels.map { l -> (vi: String, en: String) in
            let figure = l.kind == .base ? l.countWithPercent : l.ratio
            return (figure.vi + " " + levelPhrase(l.kind).vi, figure.en + " " + levelPhrase(l.kind).en)
        }
        let pilot = levels.map(\.pilot).reduce(0, +)
        let direct = levels.map(\.directSecretary).reduce(0, +)
        // The base level's own name has a comma ("đảng bộ, chi bộ cơ sở"): Vietnamese lists levels with semicolons.
        func join(_ items: [String], _ separator: String, _ and: String) -> String {
            items.count <= 1 ? items.joined() : items.dropLast().joined(separator: separator) + " " + and + " " + items.last!
        }
        let vi = parts.isEmpty ? "0 tổ chức" : join(parts.map(\.vi), "; ", "và")
        let en = parts.isEmpty ? "0 units" : join(parts.map(\.en), ", ", "and")
        return t(
            "Tính đến hết ngày \(VietnameseFormat.date(date)) đã có \(vi) tổ chức đại hội; trong đó có \(VietnameseFormat.integer(pilot)) đại hội điểm, \(VietnameseFormat.integer(direct)) bầu trực tiếp bí thư.",
            "By the end of \(EnglishFormat.date(date)), \(en) had held their congress; of those, \(EnglishFormat.integer(pilot)) pilot congresses, \(EnglishFormat.integer(direct)) direct elections of the secretary."
        )
    }

    // MARK: - Elections: lists

    public static func nominationSource(_ s: NominationSource) -> Localized {
        switch s {
        case .committee: return t("Cấp ủy giới thiệu", "Introduced by the committee")
        case .floor: return t("Đại biểu đề cử", "Proposed from the floor")
        case .selfNominated: return t("Tự ứng cử", "Self-nominated")
        }
    }
    public static func electedBody(_ b: ElectedBody) -> Localized {
        switch b {
        case .committee: return t("Ban Chấp hành (cấp ủy)", "Executive committee")
        case .standingCommittee: return t("Ban Thường vụ", "Standing committee")
        case .secretary: return t("Bí thư", "Secretary")
        case .deputySecretary: return t("Phó Bí thư", "Deputy secretary")
        case .inspectionCommittee: return t("Ủy ban Kiểm tra", "Inspection committee")
        case .delegates: return t("Đại biểu dự đại hội cấp trên", "Delegates to the higher congress")
        }
    }
    public static func electedTitle(_ b: ElectedBody) -> Localized {
        switch b {
        case .committee: return t("Ủy viên Ban Chấp hành", "Executive committee member")
        case .standingCommittee: return t("Ủy viên Ban Thường vụ", "Standing committee member")
        case .secretary: return t("Bí thư", "Secretary")
        case .deputySecretary: return t("Phó Bí thư", "Deputy secretary")
        case .inspectionCommittee: return t("Ủy viên Ủy ban Kiểm tra", "Inspection committee member")
        case .delegates: return t("Đại biểu dự đại hội cấp trên", "Delegate to the higher congress")
        }
    }
    public static func surplusTooLarge(surplus: Int, seats: Int, percent: Int, regulation: String) -> Localized {
        let share = VietnameseFormat.ratio(surplus, seats)
        return t(
            "Số dư \(share) vượt quá \(percent)% số lượng cần bầu (\(regulation)): tối đa \(VietnameseFormat.integer(seats * percent / 100)) người.",
            "A surplus of \(EnglishFormat.ratio(surplus, seats)) exceeds \(percent)% of the seats (\(regulation)): at most \(EnglishFormat.integer(seats * percent / 100))."
        )
    }
    public static func surplusSmallBody(surplus: Int, seats: Int, limit: Int, regulation: String) -> Localized {
        t(
            "Bầu \(seats) người thì số dư không quá \(limit) (\(regulation)); danh sách đang dư \(surplus).",
            "Electing \(seats) allows a surplus of at most \(limit) (\(regulation)); the list has \(surplus) more.")
    }
    public static let surplusNone = t("Danh sách không có số dư (bằng số lượng cần bầu).", "The list has no surplus (as many names as seats).")
    public static func listShort(names: Int, seats: Int) -> Localized {
        t("Danh sách có \(names) người, ít hơn số lượng cần bầu (\(seats)).", "The list has \(names) names, fewer than the \(seats) seats.")
    }
    public static func floorRefused(_ n: Int, percent: Int) -> Localized {
        t(
            "\(n) người được đề cử hoặc ứng cử tại hội nghị không được quá \(percent)% đại biểu đồng ý nên không vào danh sách.",
            "\(n) floor or self nomination(s) did not get more than \(percent)% of the delegates and stay off the list.")
    }
    public static func floorAdmitted(_ agreed: Int, _ delegates: Int) -> Localized {
        t("\(VietnameseFormat.ratio(agreed, delegates)) đại biểu đồng ý", "\(EnglishFormat.ratio(agreed, delegates)) delegates agreed")
    }

    // MARK: - Elections: counts and results

    public static func ballotsAboveDelegates(_ issued: Int, _ delegates: Int) -> Localized {
        t(
            "Số phiếu phát ra (\(issued)) nhiều hơn số đại biểu có mặt (\(delegates)).",
            "More ballots issued (\(issued)) than delegates present (\(delegates)).")
    }
    public static let ballotsReturnedAboveIssued = t("Số phiếu thu về nhiều hơn số phiếu phát ra.", "More ballots returned than issued.")
    public static func ballotsDoNotAddUp(valid: Int, invalid: Int, returned: Int) -> Localized {
        t(
            "Phiếu hợp lệ (\(valid)) cộng phiếu không hợp lệ (\(invalid)) phải bằng số phiếu thu về (\(returned)).",
            "Valid (\(valid)) plus invalid (\(invalid)) must equal the ballots returned (\(returned)).")
    }
    public static func votesAboveValid(_ valid: Int) -> Localized {
        t("Số phiếu bầu phải từ 0 đến số phiếu hợp lệ (\(valid)).", "Votes must be between 0 and the valid ballots (\(valid)).")
    }
    public static func votesAboveSeats(total: Int, valid: Int, seats: Int) -> Localized {
        t(
            "Tổng số phiếu bầu (\(total)) vượt quá số phiếu hợp lệ nhân số lượng cần bầu (\(valid) × \(seats)): phiếu bầu nhiều hơn số lượng cần bầu là phiếu không hợp lệ.",
            "Votes in all (\(total)) exceed valid ballots times seats (\(valid) × \(seats)): a ballot keeping more names than seats is invalid.")
    }
    public static func candidateOutcome(_ o: CandidateOutcome) -> Localized {
        switch o {
        case .elected: return t("Trúng cử", "Elected")
        case .tied: return t("Bằng phiếu — bầu lại", "Tied — re-vote")
        case .passed: return t("Quá bán, không trúng cử", "Majority, not elected")
        case .notPassed: return t("Không trúng cử", "Not elected")
        }
    }
    static func baseWords(_ kind: ElectionRules.Base) -> (vi: String, en: String) {
        kind == .valid ? ("phiếu hợp lệ", "valid ballots") : ("phiếu thu về", "ballots returned")
    }
    public static func reasonElected(_ votes: Int, _ base: Int, share: String, baseKind: ElectionRules.Base) -> Localized {
        let w = baseWords(baseKind)
        return t(
            "\(VietnameseFormat.ratio(votes, base)) \(w.vi), quá \(share).", "\(EnglishFormat.ratio(votes, base)) \(w.en), more than \(share).")
    }
    public static func reasonTied(_ votes: Int, seats: Int) -> Localized {
        t(
            "Bằng phiếu (\(VietnameseFormat.integer(votes))) ở vị trí cuối: bầu lại trong số người bằng phiếu cho \(seats) chỗ còn lại.",
            "Tied (\(EnglishFormat.integer(votes))) at the last seat: a re-vote among the tied for the \(seats) seat(s) left.")
    }
    public static func reasonPassedNotElected(_ votes: Int, _ base: Int, cutoff: Int, share: String, baseKind: ElectionRules.Base) -> Localized {
        let w = baseWords(baseKind)
        return t(
            "\(VietnameseFormat.ratio(votes, base)) \(w.vi), quá \(share) nhưng ít phiếu hơn người trúng cử cuối cùng (\(VietnameseFormat.integer(cutoff))); đã đủ số lượng cần bầu.",
            "\(EnglishFormat.ratio(votes, base)) \(w.en), more than \(share) but fewer votes than the last elected (\(EnglishFormat.integer(cutoff))); the seats are filled."
        )
    }
    public static func reasonNotPassed(_ votes: Int, _ base: Int, share: String, baseKind: ElectionRules.Base) -> Localized {
        let w = baseWords(baseKind)
        return t(
            "\(VietnameseFormat.ratio(votes, base)) \(w.vi), không quá \(share).",
            "\(EnglishFormat.ratio(votes, base)) \(w.en), not more than \(share).")
    }
}

/// Texts of elections' pages and refusals (issue 6).
extension Catalogue {
    public static func electionStatus(_ s: ElectionStatus) -> Localized {
        switch s {
        case .open: return t("Đang tiến hành", "In progress")
        case .approved: return t("Đã chuẩn y", "Approved")
        }
    }
    public static func roundReason(_ r: ElectionRoundReason) -> Localized {
        switch r {
        case .first: return t("Bầu lần đầu", "First ballot")
        case .tie: return t("Bầu lại giữa những người bằng phiếu", "Re-vote among the tied")
        case .again: return t("Bầu bổ sung theo quyết định của hội nghị", "Further round decided by the body")
        }
    }
    public static let electionNotFound = t("Không tìm thấy cuộc bầu cử.", "Election not found.")
    public static let electionCandidateNotFound = t("Không có người này trong danh sách bầu cử.", "No such name on the list.")
    public static func electionCongressMissing(_ term: String) -> Localized {
        t(
            "Chưa ghi đại hội nhiệm kỳ \(term) của tổ chức này; hãy ghi đại hội trước.",
            "No congress of the \(term) term is recorded for this unit; record it first.")
    }
    public static let electionApproved = t(
        "Kết quả bầu cử đã được chuẩn y; không thay đổi được nữa.", "The result is approved and can no longer change.")
    public static let electionListClosed = t(
        "Đã bắt đầu kiểm phiếu: danh sách bầu cử không thay đổi được nữa.", "Counting has begun: the list can no longer change.")
    public static let electionNotFullMember = t(
        "Chỉ đảng viên chính thức mới được ứng cử, đề cử (Điều lệ Đảng, Điều 5).", "Only full members may stand (Điều lệ Đảng, Article 5).")
    public static func electionMemberOutside(_ unit: String) -> Localized {
        t("Người này không phải đảng viên của \(unit).", "This person is not a member of \(unit).")
    }
    public static func electionAlreadyListed(_ name: String) -> Localized {
        t("\(name) đã có trong danh sách.", "\(name) is already on the list.")
    }
    public static let electionListBreaksRules = t(
        "Danh sách bầu cử chưa đúng quy định; chưa thể kiểm phiếu.", "The list breaks the rules; no count can be entered yet.")
    public static let electionListEmpty = t("Danh sách bầu cử chưa có ai.", "The list is empty.")
    public static let electionCountInvalid = t("Kết quả kiểm phiếu không khớp; chưa lưu gì.", "The count does not add up; nothing was saved.")
    public static let electionRoundCandidates = t(
        "Chọn những người trong danh sách chưa trúng cử để bầu tiếp.", "Choose names from the list not elected yet for the next round.")
    public static let electionNoNextRound = t(
        "Không cần bầu tiếp: chưa kiểm phiếu lần này, hoặc đã đủ số lượng cần bầu.",
        "No further round: this round is not counted, or every seat is filled.")
    public static let electionApprovalAbove = t(
        "Kết quả bầu cử do cấp ủy cấp trên chuẩn y, không do chính tổ chức đó.", "The result is approved by the higher level, not by the unit itself."
    )
    public static let electionApprovedBeforeHeld = t("Ngày chuẩn y trước ngày bầu cử.", "Approval dated before the election.")
    public static let electionTiePending = t(
        "Còn người bằng phiếu ở vị trí cuối: phải bầu lại trước khi chuẩn y.", "A tie at the last seat must be re-voted before approval.")
    public static let electionNotCounted = t("Chưa có kết quả kiểm phiếu.", "No count entered yet.")
    public static let electionNobodyElected = t("Chưa có ai trúng cử.", "Nobody is elected.")
    public static func electionDecisionNote(_ body: String, _ date: String) -> Localized {
        t("Chuẩn y kết quả bầu cử \(body) ngày \(date).", "Approval of the election of the \(body) on \(date).")
    }
}

/// Texts of the election pages and the printed minutes (issue 6).
extension Catalogue {
    public static let electionsArea = t("Bầu cử", "Elections")
    public static let electionNew = t("Mở cuộc bầu cử", "Open an election")
    public static let electionSaved = t("Đã lưu.", "Saved.")
    public static let electionBody = t("Bầu", "Body elected")
    public static let electionTitle = t("Chức danh của người trúng cử", "Title of those elected")
    public static let electionHeldOn = t("Ngày bầu cử", "Held on")
    public static let electionSeats = t("Số lượng cần bầu", "Seats")
    public static let electionDelegates = t("Số đại biểu có mặt", "Delegates present")
    public static let electionCongressTerm = t("Nhiệm kỳ đại hội (để trống nếu bầu tại hội nghị)", "Congress term (empty for a conference)")
    public static let electionConference = t("Hội nghị", "Conference")
    public static let electionRules = t("Quy chế áp dụng", "Rules applied")
    public static func electionRulesLine(share: String, valid: Bool) -> Localized {
        valid
            ? t("trúng cử khi được quá \(share) số phiếu hợp lệ", "elected with more than \(share) of the valid ballots")
            : t("trúng cử khi được quá \(share) số phiếu thu về", "elected with more than \(share) of the ballots returned")
    }
    public static let electionList = t("Danh sách bầu cử", "The list")
    public static func electionListSummary(seats: Int, names: Int, surplus: String, limit: Int, regulation: String) -> Localized {
        t(
            "Số lượng cần bầu: \(seats); số người trong danh sách: \(names); số dư: \(surplus); số dư tối đa: \(limit) (\(regulation)).",
            "Seats: \(seats); names on the list: \(names); surplus: \(surplus); largest surplus allowed: \(limit) (\(regulation)).")
    }
    public static let electionOnList = t("Trong danh sách", "On the list")
    public static let electionOffList = t("Không vào danh sách", "Off the list")
    public static let electionSource = t("Nguồn giới thiệu", "Nominated by")
    public static let electionAgreed = t("Số đại biểu đồng ý đưa vào danh sách", "Delegates agreeing to list the name")
    public static let electionAddCandidate = t("Thêm người vào danh sách", "Add a name")
    public static let electionRemove = t("Rút khỏi danh sách", "Remove")
    public static let electionRounds = t("Các lần bỏ phiếu", "Rounds")
    public static func electionRoundTitle(_ n: Int, seats: Int) -> Localized {
        t("Lần bỏ phiếu thứ \(n) (bầu \(seats) người)", "Round \(n) (\(seats) seat(s))")
    }
    public static func electionCountLine(_ issued: Int, _ returned: Int, _ valid: Int, _ invalid: Int) -> Localized {
        t(
            "Số phiếu phát ra: \(VietnameseFormat.integer(issued)); thu về: \(VietnameseFormat.integer(returned)); hợp lệ: \(VietnameseFormat.integer(valid)); không hợp lệ: \(VietnameseFormat.integer(invalid)).",
            "Ballots issued: \(EnglishFormat.integer(issued)); returned: \(EnglishFormat.integer(returned)); valid: \(EnglishFormat.integer(valid)); invalid: \(EnglishFormat.integer(invalid))."
        )
    }
    public static let electionVotes = t("Số phiếu bầu", "Votes")
    public static let electionShare = t("Tỷ lệ", "Share")
    public static let electionOutcome = t("Kết quả", "Outcome")
    public static let electionReason = t("Căn cứ", "Why")
    public static func electionEnterCount(_ round: Int) -> Localized {
        t("Nhập kết quả kiểm phiếu lần thứ \(round)", "Enter the count of round \(round)")
    }
    public static let ballotsIssued = t("Phiếu phát ra", "Issued")
    public static let ballotsReturnedLabel = t("Phiếu thu về", "Returned")
    public static let ballotsValidLabel = t("Phiếu hợp lệ", "Valid")
    public static let ballotsInvalidLabel = t("Phiếu không hợp lệ", "Invalid")
    public static let electionSaveCount = t("Lưu kết quả kiểm phiếu", "Save the count")
    public static func electionStageRevote(_ names: String, seats: Int) -> Localized {
        t(
            "Các đồng chí \(names) bằng phiếu ở vị trí cuối: bầu lại trong số những người này cho \(seats) chỗ còn lại.",
            "\(names) are tied at the last seat: re-vote among them for the \(seats) seat(s) left.")
    }
    public static let electionStartRevote = t("Mở lần bầu lại giữa những người bằng phiếu", "Open the re-vote among the tied")
    public static func electionStageSeatsLeft(_ seats: Int) -> Localized {
        t(
            "Số người trúng cử ít hơn số lượng cần bầu (còn thiếu \(seats)): hội nghị quyết định bầu tiếp hay không. Có thể chuẩn y kết quả như hiện có.",
            "Fewer elected than seats (\(seats) left): the body decides whether to vote again. The result may also be approved as it stands.")
    }
    public static let electionStartAgain = t("Bầu tiếp với những người đã chọn", "Vote again among those chosen")
    public static func electionStageComplete(_ level: String) -> Localized {
        t("Đã bầu đủ số lượng. Chờ cấp ủy cấp trên (\(level)) chuẩn y.", "Every seat is filled. Awaiting the higher level's approval (\(level)).")
    }
    public static func electionApprovedLine(_ number: String, _ date: String, _ by: String) -> Localized {
        t("Đã chuẩn y theo \(number) ngày \(date) (\(by)).", "Approved by \(number) on \(date) (\(by)).")
    }
    public static func electionAwaitingApproval(_ level: String) -> Localized {
        t("Kết quả chờ cấp ủy cấp trên (\(level)) chuẩn y.", "Awaiting the higher level's approval (\(level)).")
    }
    public static let electionResult = t("Kết quả bầu cử", "Result")
    public static func electionElectedCount(_ n: Int, _ seats: Int) -> Localized {
        t("Trúng cử \(n)/\(seats) người:", "\(n) of \(seats) elected:")
    }
    public static let electionApprove = t("Chuẩn y kết quả bầu cử", "Approve the result")
    public static func electionApproveHelp(_ level: String, _ title: String) -> Localized {
        t(
            "Cấp ủy cấp trên (\(level) trở lên) chuẩn y. Mỗi người trúng cử được ghi chức vụ “\(title)” tại tổ chức này từ ngày bầu cử, bằng một quyết định đã phê duyệt.",
            "The higher level (\(level) or above) approves. Each person elected then holds “\(title)” at this unit from the election's day, by an approved decision."
        )
    }
    public static let electionApprovalNo = t("Số quyết định chuẩn y", "Approval decision number")
    public static let electionApprovedOn = t("Ngày chuẩn y", "Approved on")
    public static let electionMinutes = t("Biên bản kiểm phiếu (bản in)", "Minutes of the count (print)")
    public static let electionMinutesTitle = t("Biên bản kiểm phiếu", "Minutes of the count")
    public static func electionMinutesSubtitle(_ body: String) -> Localized { t("Bầu \(body)", "Election of the \(body)") }
    public static func electionMinutesIntro(seats: Int, delegates: Int, names: Int) -> Localized {
        t(
            "Số lượng cần bầu: \(seats). Số đại biểu có mặt: \(VietnameseFormat.integer(delegates)). Số người trong danh sách bầu cử: \(names).",
            "Seats: \(seats). Delegates present: \(EnglishFormat.integer(delegates)). Names on the list: \(names).")
    }
    public static let electionMinutesSign = t("TM. BAN KIỂM PHIẾU\nTRƯỞNG BAN", "FOR THE COUNTING BOARD\nCHAIR")
    public static let electionBack = t("Về trang bầu cử", "Back to the election")
}

/// Texts of the briefing report's congress figure (issue 6, DOMAIN.md §5).
extension Catalogue {
    public static let figureCongress = t("Tổ chức đảng đã tổ chức đại hội (theo cấp)", "Units that held their congress (by level)")
    public static let definitionCongress = t(
        "Trong số tổ chức đảng tồn tại vào ngày cuối kỳ thuộc phạm vi, số đã tổ chức đại hội của nhiệm kỳ đang diễn ra (nhiệm kỳ có đợt đại hội bao gồm ngày đó) đến hết ngày đó; trong đó số đại hội điểm và số bầu trực tiếp bí thư.",
        "Among the units existing on the period's last day, those that held the congress of the term in course (the term whose round includes that day) by then; of those, pilots and direct elections of the secretary."
    )
    public static func congressPilotsAndDirect(_ pilot: Int, _ direct: Int) -> Localized {
        t(
            "\(VietnameseFormat.integer(pilot)) đại hội điểm, \(VietnameseFormat.integer(direct)) bầu trực tiếp bí thư",
            "\(EnglishFormat.integer(pilot)) pilots, \(EnglishFormat.integer(direct)) direct elections of the secretary")
    }
}

/// The fields and actions of congresses' and elections' history (issue 6).
extension Catalogue {
    static let congressFieldLabels: [String: Localized] = [
        "term": congressTerm, "planned_on": congressPlannedOn, "held_on": congressHeldOn, "pilot": congressPilot,
        "direct_secretary": congressDirectSecretary, "delegates": t("Số đại biểu", "Delegates"), "committee_elected": congressCommitteeElected,
        "import": t("Lần nhập dữ liệu", "Import"), "congress_term": congressTerm, "body": electionBody, "seats": electionSeats,
        "approval_no": electionApprovalNo, "candidate": t("Người trong danh sách", "Name on the list"), "source": electionSource,
        "agreed": electionAgreed, "issued": ballotsIssued, "returned": ballotsReturnedLabel, "valid": ballotsValidLabel,
        "invalid": ballotsInvalidLabel, "round": t("Lần bỏ phiếu", "Round"), "reason": t("Lý do", "Reason"),
        "candidates": t("Những người được bầu lại", "Names voted on"), "elected": t("Trúng cử", "Elected"),
        "decisions": t("Quyết định đã ghi", "Decisions written"), "list": electionList,
    ]

    /// A field of the history: the table above, or the votes of a name ("votes: Nguyễn Văn An").
    static func congressFieldLabel(_ key: String) -> Localized? {
        if key.hasPrefix("votes: ") {
            let name = String(key.dropFirst("votes: ".count))
            return t("Số phiếu bầu: \(name)", "Votes: \(name)")
        }
        return congressFieldLabels[key]
    }

    static let congressAuditActions: [String: Localized] = [
        "count": t("Nhập kết quả kiểm phiếu", "Count entered"), "round": t("Mở lần bỏ phiếu mới", "Round opened"),
    ]
}
