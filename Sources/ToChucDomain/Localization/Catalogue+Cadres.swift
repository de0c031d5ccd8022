/// Texts of the cadres area (DOMAIN.md §3): retirement, terms as head, appointments, discipline and planning.
extension Catalogue {
    private static func cadreDate(_ date: CivilDate) -> (vi: String, en: String) {
        (VietnameseFormat.date(date), EnglishFormat.date(date))
    }

    private static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

    // MARK: - Durations and ages

    /// A length in full months: "8 năm 3 tháng", "8 năm", "11 tháng" / "8 years 3 months", "8 years", "11 months".
    public static func yearsAndMonths(_ totalMonths: Int) -> Localized {
        let years = totalMonths / 12
        let months = totalMonths % 12
        if years == 0 { return Localized(vi: "\(months) tháng", en: plural(months, "month")) }
        if months == 0 { return Localized(vi: "\(years) năm", en: plural(years, "year")) }
        return Localized(vi: "\(years) năm \(months) tháng", en: plural(years, "year") + " " + plural(months, "month"))
    }

    /// A retirement age: "60 tuổi 3 tháng", "62 tuổi" / "60 years 3 months", "62 years".
    public static func retirementAge(years: Int, months: Int) -> Localized {
        if months == 0 { return Localized(vi: "\(years) tuổi", en: plural(years, "year")) }
        return Localized(vi: "\(years) tuổi \(months) tháng", en: plural(years, "year") + " " + plural(months, "month"))
    }

    // MARK: - Head of the same unit (Quy định 65-QĐ/TW 2022)

    private static func postAndUnit(_ run: HeadRun) -> (vi: String, en: String) {
        let title = run.title.trimmed
        let unit = run.unitName.trimmed
        return (
            (title.isEmpty ? "chức vụ người đứng đầu" : "chức \(title)") + " tại " + (unit.isEmpty ? "đơn vị này" : unit),
            (title.isEmpty ? "the head's post" : "the post of \(title)") + " at " + (unit.isEmpty ? "this unit" : unit)
        )
    }

    /// The run as head of one unit has reached the limit.
    public static func headTenureReached(_ run: HeadRun, limitYears: Int, regulation: String) -> Localized {
        let post = postAndUnit(run)
        let span = yearsAndMonths(run.months)
        let start = cadreDate(run.start)
        let period: (vi: String, en: String)
        if let last = run.lastDay {
            let end = cadreDate(last)
            period = ("từ \(start.vi) đến \(end.vi)", "from \(start.en) to \(end.en)")
        } else {
            period = ("từ \(start.vi)", "since \(start.en)")
        }
        return Localized(
            vi: "Đã giữ \(post.vi) \(span.vi) liên tục (\(period.vi)); Quy định \(regulation): không quá hai nhiệm kỳ liên tiếp (\(limitYears) năm).",
            en: "Has held \(post.en) for \(span.en) in a row (\(period.en)); Quy định \(regulation): no more than two consecutive terms (\(plural(limitYears, "year"))).")
    }

    /// The current run as head of one unit reaches the limit soon ("sắp đủ").
    public static func headTenureApproaching(_ run: HeadRun, reachesOn: CivilDate, limitYears: Int, regulation: String) -> Localized {
        let post = postAndUnit(run)
        let span = yearsAndMonths(run.months)
        let start = cadreDate(run.start)
        let reach = cadreDate(reachesOn)
        return Localized(
            vi: "Sắp đủ \(limitYears) năm giữ \(post.vi): đã giữ \(span.vi) liên tục (từ \(start.vi)), đến ngày \(reach.vi) sẽ đủ \(limitYears) năm; Quy định \(regulation): không quá hai nhiệm kỳ liên tiếp (\(limitYears) năm).",
            en: "Nearly \(plural(limitYears, "year")) in \(post.en): held for \(span.en) in a row (since \(start.en)), \(plural(limitYears, "year")) on \(reach.en); Quy định \(regulation): no more than two consecutive terms (\(plural(limitYears, "year"))).")
    }

    // MARK: - Time in the current post (Quy định 80-QĐ/TW 2022, Quy định 377-QĐ/TW 2025)

    /// Too short a time in the current post before a promotion.
    public static func timeInPostShort(months: Int, since: CivilDate, promotionDate: CivilDate, minimumMonths: Int, regulation: String) -> Localized {
        let from = cadreDate(since)
        let to = cadreDate(promotionDate)
        let minimum = yearsAndMonths(minimumMonths)
        return Localized(
            vi: "Mới giữ chức vụ hiện tại \(months) tháng (từ \(from.vi) đến ngày đề nghị bổ nhiệm \(to.vi)); Quy định \(regulation): phải giữ chức vụ hiện tại ít nhất \(minimumMonths) tháng (\(minimum.vi)) mới được bổ nhiệm chức vụ cao hơn.",
            en: "Only \(plural(months, "month")) in the current post (from \(from.en) to the proposed appointment on \(to.en)); Quy định \(regulation): at least \(minimumMonths) months (\(minimum.en)) in the current post before an appointment to a higher post.")
    }

    // MARK: - Appointments (Quy định 80-QĐ/TW 2022; Quy định 377-QĐ/TW 2025)

    /// Labels of the re-appointment status.
    public static func appointmentTermStatus(_ status: AppointmentTermStatus) -> Localized {
        switch status {
        case .notDue: return Localized(vi: "Chưa đến hạn bổ nhiệm lại", en: "Not due for re-appointment")
        case .due: return Localized(vi: "Đến hạn bổ nhiệm lại", en: "Due for re-appointment")
        case .overdue: return Localized(vi: "Quá hạn bổ nhiệm lại", en: "Overdue for re-appointment")
        }
    }

    /// Labels of the two outcomes at the end of a term.
    public static func reappointmentKind(_ kind: ReappointmentDecision.Kind) -> Localized {
        switch kind {
        case .reappoint: return Localized(vi: "Bổ nhiệm lại", en: "Re-appointment")
        case .extendToRetirement:
            return Localized(vi: "Kéo dài thời hạn giữ chức vụ đến khi nghỉ hưu", en: "Kept in the post until retirement")
        }
    }

    /// The re-appointment procedure must be under way.
    public static func reappointmentDue(termEnd: CivilDate, noticeDate: CivilDate, workingDays: Int, regulation: String) -> Localized {
        let end = cadreDate(termEnd)
        let notice = cadreDate(noticeDate)
        return Localized(
            vi: "Thời hạn bổ nhiệm kết thúc ngày \(end.vi); quy trình bổ nhiệm lại phải bắt đầu chậm nhất ngày \(notice.vi) (\(workingDays) ngày làm việc trước khi hết thời hạn, Quy định \(regulation)).",
            en: "The appointment term ends on \(end.en); the re-appointment procedure must start by \(notice.en) (\(workingDays) working days before the term ends, Quy định \(regulation)).")
    }

    /// The term ended without a re-appointment.
    public static func reappointmentOverdue(termEnd: CivilDate, on date: CivilDate) -> Localized {
        let end = cadreDate(termEnd)
        let today = cadreDate(date)
        return Localized(
            vi: "Thời hạn bổ nhiệm đã kết thúc ngày \(end.vi); đến ngày \(today.vi) chưa có quyết định bổ nhiệm lại hoặc kéo dài thời hạn giữ chức vụ.",
            en: "The appointment term ended on \(end.en); by \(today.en) there is no decision to re-appoint or to extend the time in the post.")
    }

    /// Not a full term of working time left for a first appointment or an appointment to a higher post.
    public static func appointmentAgeShort(
        monthsLeft: Int, appointmentDate: CivilDate, schedule: RetirementSchedule, requiredMonths: Int, regulation: String
    ) -> Localized {
        let date = cadreDate(appointmentDate)
        let retires = cadreDate(schedule.retiresOn)
        let age = retirementAge(years: schedule.years, months: schedule.months)
        let required = yearsAndMonths(requiredMonths)
        return Localized(
            vi: "Tính từ ngày bổ nhiệm \(date.vi) đến thời điểm nghỉ hưu (hết ngày \(retires.vi), tuổi nghỉ hưu \(age.vi)) chỉ còn \(monthsLeft) tháng công tác; bổ nhiệm lần đầu hoặc bổ nhiệm chức vụ cao hơn phải còn đủ ít nhất \(requiredMonths) tháng (\(required.vi)) công tác (Quy định \(regulation)).",
            en: "From the appointment on \(date.en) to retirement (end of \(retires.en), at the retirement age of \(age.en)) only \(plural(monthsLeft, "month")) of working time are left; a first appointment or an appointment to a higher post needs at least \(requiredMonths) months (\(required.en)) (Quy định \(regulation)).")
    }

    /// Enough working time left: re-appointed.
    public static func reappointed(monthsLeft: Int, on date: CivilDate, until: CivilDate, retiresOn: CivilDate) -> Localized {
        let from = cadreDate(date)
        let end = cadreDate(until)
        let retires = cadreDate(retiresOn)
        return Localized(
            vi: "Còn \(monthsLeft) tháng công tác tính từ ngày \(from.vi) đến thời điểm nghỉ hưu (hết ngày \(retires.vi)): xem xét bổ nhiệm lại, thời hạn đến hết ngày \(end.vi).",
            en: "\(plural(monthsLeft, "month")) of working time left from \(from.en) to retirement (end of \(retires.en)): may be re-appointed, the term running to the end of \(end.en).")
    }

    /// Too little working time left: the post is held until retirement instead of a re-appointment.
    public static func extendedToRetirement(
        monthsLeft: Int, on date: CivilDate, retiresOn: CivilDate, minimumMonths: Int, regulation: String
    ) -> Localized {
        let from = cadreDate(date)
        let retires = cadreDate(retiresOn)
        let minimum = yearsAndMonths(minimumMonths)
        return Localized(
            vi: "Chỉ còn \(monthsLeft) tháng công tác tính từ ngày \(from.vi) đến thời điểm nghỉ hưu (hết ngày \(retires.vi)), dưới \(minimumMonths) tháng (\(minimum.vi)): không bổ nhiệm lại mà kéo dài thời hạn giữ chức vụ đến thời điểm nghỉ hưu (Quy định \(regulation)).",
            en: "Only \(plural(monthsLeft, "month")) of working time left from \(from.en) to retirement (end of \(retires.en)), under \(minimumMonths) months (\(minimum.en)): not re-appointed; the time in the post is extended to retirement (Quy định \(regulation)).")
    }

    // MARK: - Discipline (Điều lệ Đảng, Điều 35; Quy định 22-QĐ/TW 2021)

    /// Khiển trách, Cảnh cáo, Cách chức, Khai trừ.
    public static func disciplineLevel(_ level: DisciplineLevel) -> Localized {
        switch level {
        case .reprimand: return Localized(vi: "Khiển trách", en: "Reprimand")
        case .warning: return Localized(vi: "Cảnh cáo", en: "Warning")
        case .removalFromPost: return Localized(vi: "Cách chức", en: "Removal from post")
        case .expulsion: return Localized(vi: "Khai trừ", en: "Expulsion")
        }
    }

    /// A discipline still bars the proposal.
    public static func disciplineBarred(
        _ record: DisciplineRecord, months: Int, barredUntil: CivilDate, proposedDate: CivilDate
    ) -> Localized {
        let level = disciplineLevel(record.level)
        let decided = cadreDate(record.decidedOn)
        let until = cadreDate(barredUntil)
        let proposed = cadreDate(proposedDate)
        return Localized(
            vi: "Bị kỷ luật \(level.vi.lowercased()) ngày \(decided.vi): không quy hoạch, bổ nhiệm, giới thiệu ứng cử trong \(months) tháng, đến hết ngày \(until.vi); ngày đề nghị \(proposed.vi) còn trong thời hạn này.",
            en: "Disciplined (\(level.en.lowercased())) on \(decided.en): no planning, appointment or nomination for \(months) months, up to and including \(until.en); the proposed date \(proposed.en) is within that period.")
    }

    /// The person was expelled from the Party.
    public static func disciplineExpelled(decidedOn: CivilDate) -> Localized {
        let decided = cadreDate(decidedOn)
        return Localized(
            vi: "Đã bị kỷ luật khai trừ khỏi Đảng ngày \(decided.vi): không còn là đảng viên, không thể quy hoạch, bổ nhiệm, giới thiệu ứng cử.",
            en: "Expelled from the Party on \(decided.en): no longer a member; cannot be planned, appointed or nominated.")
    }

    // MARK: - Planning (Quy định 377-QĐ/TW 2025)

    /// "Nữ" / "Women", for the structure table.
    public static let planningWomen = Localized(vi: "Nữ", en: "Women")
    /// "Người dân tộc thiểu số" / "Ethnic minorities", for the structure table.
    public static let planningEthnicMinority = Localized(vi: "Người dân tộc thiểu số", en: "Ethnic minorities")

    /// "Cán bộ trẻ (dưới 40 tuổi)" / "Young cadres (under 40)", for the structure table.
    public static func planningYoung(ageLimit: Int) -> Localized {
        Localized(vi: "Cán bộ trẻ (dưới \(ageLimit) tuổi)", en: "Young cadres (under \(ageLimit))")
    }

    /// Too many people planned for one position.
    public static func planningListTooLong(position: String, count: Int, maximum: Int, regulation: String) -> Localized {
        Localized(
            vi: "Chức danh \(position) có \(count) người trong quy hoạch; mỗi chức danh quy hoạch không quá \(maximum) người (Quy định \(regulation)).",
            en: "\(count) people are planned for \(position); at most \(maximum) per position (Quy định \(regulation)).")
    }

    /// A person twice in one list.
    public static func planningDuplicate(name: String, position: String) -> Localized {
        Localized(
            vi: "\(name) có tên hai lần trong danh sách quy hoạch chức danh \(position).",
            en: "\(name) is listed twice for \(position).")
    }

    /// A planned person without a full term of working age left at the start of the term.
    public static func planningNoFullTerm(
        _ candidate: PlanningCandidate, position: String, monthsLeft: Int, termStart: CivilDate, retiresOn: CivilDate,
        requiredMonths: Int
    ) -> Localized {
        let born = cadreDate(candidate.birthDate)
        let start = cadreDate(termStart)
        let retires = cadreDate(retiresOn)
        return Localized(
            vi: "\(candidate.name) (sinh ngày \(born.vi)) không đủ tuổi quy hoạch chức danh \(position): tính từ đầu nhiệm kỳ \(start.vi) đến thời điểm nghỉ hưu (hết ngày \(retires.vi)) chỉ còn \(monthsLeft) tháng công tác; phải còn đủ ít nhất \(requiredMonths) tháng (trọn một nhiệm kỳ).",
            en: "\(candidate.name) (born \(born.en)) cannot be planned for \(position): from the start of the term on \(start.en) to retirement (end of \(retires.en)) only \(plural(monthsLeft, "month")) of working time are left; at least \(requiredMonths) (a full term) are needed.")
    }

    /// A person in the lists of too many positions at one level.
    public static func planningTooManyPositions(name: String, positions: [String], maximum: Int, regulation: String) -> Localized {
        Localized(
            vi: "\(name) có tên trong quy hoạch \(positions.count) chức danh cùng cấp (\(positions.joined(separator: "; "))); một người không quá \(maximum) chức danh (Quy định \(regulation)).",
            en: "\(name) is planned for \(positions.count) positions at one level (\(positions.joined(separator: "; "))); at most \(maximum) per person (Quy định \(regulation)).")
    }

    /// A list with nobody: no target can be met.
    public static let planningEmpty = Localized(vi: "Danh sách quy hoạch chưa có người nào.", en: "The planning list is empty.")

    /// Too few women.
    public static func planningWomenShort(_ share: PlanningShare, target: Int) -> Localized {
        Localized(
            vi: "Tỷ lệ nữ trong danh sách quy hoạch \(share.label.vi), chưa đạt mục tiêu ít nhất \(target)%.",
            en: "Women in the planning list: \(share.label.en), below the target of at least \(target)%.")
    }

    /// Too few young cadres.
    public static func planningYoungShort(_ share: PlanningShare, target: Int, ageLimit: Int) -> Localized {
        Localized(
            vi: "Tỷ lệ cán bộ trẻ (dưới \(ageLimit) tuổi) trong danh sách quy hoạch \(share.label.vi), chưa đạt mục tiêu ít nhất \(target)%.",
            en: "Young cadres (under \(ageLimit)) in the planning list: \(share.label.en), below the target of at least \(target)%.")
    }

    /// Too few cadres of ethnic minorities, when there is a target.
    public static func planningEthnicMinorityShort(_ share: PlanningShare, target: Int) -> Localized {
        Localized(
            vi: "Tỷ lệ cán bộ người dân tộc thiểu số trong danh sách quy hoạch \(share.label.vi), chưa đạt mục tiêu ít nhất \(target)%.",
            en: "Ethnic-minority cadres in the planning list: \(share.label.en), below the target of at least \(target)%.")
    }

    /// Short names of the reasons for leaving the planning.
    public static func planningRemovalLabel(_ reason: PlanningRemovalReason) -> Localized {
        switch reason {
        case .ageLimit: return Localized(vi: "Không còn đủ tuổi quy hoạch", en: "No longer of planning age")
        case .discipline: return Localized(vi: "Bị kỷ luật", en: "Disciplined")
        case .politicalStandard: return Localized(vi: "Không đạt tiêu chuẩn chính trị", en: "Political standard not met")
        case .lowConfidence: return Localized(vi: "Tín nhiệm thấp quá một nửa", en: "Low confidence from more than half")
        }
    }

    /// Why a person leaves the planning.
    public static func planningRemoval(_ reason: PlanningRemovalReason) -> Localized {
        switch reason {
        case .ageLimit(let left, let from, let retiresOn, let required):
            let start = cadreDate(from)
            let retires = cadreDate(retiresOn)
            return Localized(
                vi: "Không còn đủ tuổi quy hoạch: tính từ ngày \(start.vi) đến thời điểm nghỉ hưu (hết ngày \(retires.vi)) chỉ còn \(left) tháng công tác; cần ít nhất \(required) tháng (trọn một nhiệm kỳ).",
                en: "No longer of planning age: from \(start.en) to retirement (end of \(retires.en)) only \(plural(left, "month")) of working time are left; at least \(required) (a full term) are needed.")
        case .discipline(let record):
            let level = disciplineLevel(record.level)
            let decided = cadreDate(record.decidedOn)
            return Localized(
                vi: "Bị kỷ luật \(level.vi.lowercased()) ngày \(decided.vi); bị kỷ luật từ khiển trách trở lên thì đưa ra khỏi quy hoạch.",
                en: "Disciplined (\(level.en.lowercased())) on \(decided.en); a discipline of reprimand or worse removes a cadre from the planning.")
        case .politicalStandard:
            return Localized(
                vi: "Không đạt tiêu chuẩn chính trị theo kết luận thẩm định.",
                en: "Does not meet the political standard, as the vetting concluded.")
        case .lowConfidence(let vote):
            guard let held = vote.heldOn else {
                return Localized(
                    vi: "Số phiếu tín nhiệm thấp \(VietnameseFormat.ratio(vote.low, vote.ballots)), quá một nửa tổng số phiếu.",
                    en: "Low-confidence ballots: \(EnglishFormat.ratio(vote.low, vote.ballots)), more than half of the ballots.")
            }
            let date = cadreDate(held)
            let body = vote.body.map { " (\($0))" } ?? ""
            return Localized(
                vi: "Lấy phiếu tín nhiệm ngày \(date.vi)\(body): số phiếu tín nhiệm thấp \(VietnameseFormat.ratio(vote.low, vote.ballots)), quá một nửa số phiếu thu về.",
                en: "Confidence vote of \(date.en)\(body): low-confidence ballots \(EnglishFormat.ratio(vote.low, vote.ballots)), more than half of the ballots returned.")
        }
    }
}
