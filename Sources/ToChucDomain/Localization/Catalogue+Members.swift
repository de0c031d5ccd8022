/// Texts of the members area (DOMAIN.md §2): person fields, the admission pipeline, party age and badges.
extension Catalogue {
    private static func both(_ date: CivilDate) -> (vi: String, en: String) {
        (VietnameseFormat.date(date), EnglishFormat.date(date))
    }

    // MARK: - Person

    /// Gender labels as INTERCHANGE.md members.csv gives them (Nam, Nữ).
    public static func gender(_ gender: Gender) -> Localized {
        switch gender {
        case .male: return Localized(vi: "Nam", en: "Male")
        case .female: return Localized(vi: "Nữ", en: "Female")
        }
    }

    /// An ethnicity that is not one of the 54 official groups (Quyết định 121-TCTK/PPCĐ 1979).
    public static func unknownEthnicity(_ text: String) -> Localized {
        Localized(
            vi: "“\(text)” không có trong danh mục 54 dân tộc Việt Nam; hãy ghi tên dân tộc, ví dụ Kinh, Tày, Thái, Mường, Khmer, Mông.",
            en: "“\(text)” is not one of Vietnam's 54 ethnic groups; write the group's name, e.g. Kinh, Tày, Thái, Mường, Khmer, Mông.")
    }

    // MARK: - National ID (CCCD, Thông tư 59/2021/TT-BCA, Điều 7)

    /// The number is not 12 digits.
    public static func nationalIDShape(length: Int, hasNonDigit: Bool) -> Localized {
        let viExtra = hasNonDigit ? ", có ký tự không phải chữ số" : ""
        let enExtra = hasNonDigit ? ", some of them not digits" : ""
        return Localized(
            vi: "Số CCCD phải gồm đúng 12 chữ số (0–9); số đã nhập có \(length) ký tự\(viExtra).",
            en: "A national ID (CCCD) is exactly 12 digits (0–9); this one has \(length) characters\(enExtra).")
    }

    /// Digits 1–3 are not a province code.
    public static func nationalIDProvince(_ code: String) -> Localized {
        Localized(
            vi: "Ba chữ số đầu của số CCCD (“\(code)”) không phải mã tỉnh, thành phố nơi đăng ký khai sinh (001–096, theo danh mục của Bộ Công an).",
            en: "The first three digits of the national ID (“\(code)”) are not the code of a province of birth registration (001–096, per the Ministry of Public Security's list).")
    }

    /// Digit 4 gives the other gender.
    public static func nationalIDGender(digit: Character, coded: Gender, recorded: Gender) -> Localized {
        Localized(
            vi: "Chữ số thứ 4 của số CCCD (“\(digit)”) là mã giới tính \(gender(coded).vi), nhưng giới tính ghi là \(gender(recorded).vi).",
            en: "The 4th digit of the national ID (“\(digit)”) codes a \(gender(coded).en.lowercased()), but the gender recorded is \(gender(recorded).en.lowercased()).")
    }

    /// Digit 4 gives another century than the birth date's.
    public static func nationalIDCentury(digit: Character, centuryStart: Int, birthYear: Int) -> Localized {
        Localized(
            vi: "Chữ số thứ 4 của số CCCD (“\(digit)”) ứng với người sinh từ năm \(centuryStart) đến năm \(centuryStart + 99), nhưng năm sinh là \(birthYear).",
            en: "The 4th digit of the national ID (“\(digit)”) is for people born from \(centuryStart) to \(centuryStart + 99), but the birth year is \(birthYear).")
    }

    /// Digits 5–6 are not the last two digits of the birth year.
    public static func nationalIDYear(_ digits: String, birthYear: Int) -> Localized {
        let expected = String(format2: birthYear % 100)
        return Localized(
            vi: "Chữ số thứ 5–6 của số CCCD (“\(digits)”) phải là hai số cuối của năm sinh \(birthYear), tức là “\(expected)”.",
            en: "Digits 5–6 of the national ID (“\(digits)”) must be the last two digits of the birth year \(birthYear), i.e. “\(expected)”.")
    }

    // MARK: - Admission (Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021)

    /// Younger than the minimum age on the day the cell considers the case.
    public static func candidateTooYoung(years: Int, months: Int, on date: CivilDate, minimumYears: Int) -> Localized {
        let d = both(date)
        return Localized(
            vi: "Người vào Đảng phải đủ \(minimumYears) tuổi (tính theo tháng) vào ngày chi bộ xét kết nạp; ngày \(d.vi) mới \(years) tuổi \(months) tháng.",
            en: "A candidate must be a full \(minimumYears) years old (counted in months) on the day the cell considers the case; on \(d.en) the candidate is \(years) years \(months) months old.")
    }

    /// Older than the maximum age without the provincial committee's written consent.
    public static func candidateNeedsConsent(years: Int, months: Int, on date: CivilDate, maximumYears: Int) -> Localized {
        let d = both(date)
        return Localized(
            vi: "Ngày \(d.vi) người vào Đảng đã \(years) tuổi \(months) tháng, quá \(maximumYears) tuổi: chỉ được kết nạp khi có ý kiến đồng ý bằng văn bản của cấp ủy trực thuộc Trung ương.",
            en: "On \(d.en) the candidate is \(years) years \(months) months old, over \(maximumYears): admission needs the written consent of the provincial-level committee.")
    }

    /// Not exactly the required number of introducers.
    public static func introducerCount(_ count: Int, required: Int) -> Localized {
        Localized(
            vi: "Cần đúng \(required) người giới thiệu (đảng viên chính thức, hoặc ban chấp hành đoàn cơ sở / công đoàn cơ sở thay một người); hồ sơ có \(count).",
            en: "Exactly \(required) introducers are needed (full members, or the base Youth Union / trade union committee in place of one); the file has \(count).")
    }

    /// A Youth Union committee introducing a candidate past youth age.
    public static func youthUnionOverAge(age: Int, limit: Int) -> Localized {
        Localized(
            vi: "Ban Chấp hành Đoàn cơ sở chỉ giới thiệu người trong độ tuổi thanh niên (đến \(limit) tuổi); người vào Đảng đã \(age) tuổi: cần hai đảng viên chính thức giới thiệu.",
            en: "The base Youth Union committee introduces only candidates of youth age (up to \(limit)); the candidate is \(age): two full members must introduce.")
    }

    public static let committeeNameRequired = Localized(
        vi: "Cần ghi tên ban chấp hành giới thiệu (ví dụ: Ban Chấp hành Đoàn xã An Bình).",
        en: "Name the introducing committee (for example: Youth Union committee of An Binh commune).")
    public static let introducerKindLabel = Localized(vi: "Người giới thiệu thứ hai", en: "Second introducer")
    public static let committeeName = Localized(vi: "Tên ban chấp hành (nếu tập thể giới thiệu)", en: "Committee name (if a committee introduces)")
    public static func introducerKind(_ kind: Introducer.Kind) -> Localized {
        switch kind {
        case .member: return Localized(vi: "Đảng viên chính thức", en: "A full member")
        case .youthUnionCommittee: return Localized(vi: "Ban Chấp hành Đoàn cơ sở", en: "Base Youth Union committee")
        case .tradeUnionCommittee: return Localized(vi: "Ban Chấp hành Công đoàn cơ sở", en: "Base trade union committee")
        }
    }

    public static let mergeRefused = Localized(
        vi: "Hai hồ sơ này không phải của cùng một người nên không gộp được.", en: "These two records are not of the same person and cannot be merged.")
    public static func mergeDiffers(_ kept: String, _ other: String) -> Localized {
        Localized(vi: "Khác nhau: “\(kept)” và “\(other)”.", en: "Different: “\(kept)” and “\(other)”.")
    }
    public static let mergeTitle = Localized(vi: "Gộp hồ sơ trùng", en: "Merge duplicate records")
    public static let mergeHelp = Localized(
        vi: "Hồ sơ giữ lại nhận các thông tin nó còn thiếu từ hồ sơ trùng; biến động của hồ sơ trùng chuyển sang; hồ sơ trùng bị xóa, lịch sử vẫn giữ trong nhật ký.",
        en: "The kept record takes the values it lacks from the duplicate; the duplicate's events move to it; the duplicate is deleted, its history stays in the audit log.")
    public static let mergeKeep = Localized(vi: "Giữ hồ sơ này", en: "Keep this record")
    public static let mergeInto = Localized(vi: "Gộp vào hồ sơ giữ lại", en: "Merge into the kept record")
    public static let mergeDuplicate = Localized(vi: "Hồ sơ trùng (sẽ xóa)", en: "Duplicate (will be deleted)")
    public static let mergeKeepOther = Localized(vi: "Giữ hồ sơ kia thay vì hồ sơ này", en: "Keep the other record instead")
    public static let mergeAction = Localized(vi: "Gộp", en: "Merge")
    public static let mergeResult = Localized(vi: "Hồ sơ sau khi gộp", en: "Record after the merge")
    public static let mergeDone = Localized(vi: "Đã gộp hồ sơ trùng.", en: "The duplicate was merged.")
    public static let mergeSelf = Localized(vi: "Không thể gộp một hồ sơ với chính nó.", en: "A record cannot be merged with itself.")

    public static let photoLabel = Localized(vi: "Ảnh", en: "Photo")
    public static let photoMissing = Localized(vi: "Chưa chọn tệp ảnh.", en: "No photo file was chosen.")
    public static func photoTooLarge(_ megabytes: Int) -> Localized {
        Localized(vi: "Ảnh quá lớn: tối đa \(megabytes) MB.", en: "The photo is too large: at most \(megabytes) MB.")
    }
    public static let photoNotImage = Localized(vi: "Tệp không phải ảnh JPEG hoặc PNG.", en: "The file is not a JPEG or PNG image.")
    public static let photoUpload = Localized(vi: "Tải ảnh lên (JPEG/PNG, tối đa 2 MB)", en: "Upload a photo (JPEG/PNG, at most 2 MB)")
    public static let photoRemove = Localized(vi: "Xóa ảnh", en: "Remove the photo")
    public static let photoSaved = Localized(vi: "Đã lưu ảnh.", en: "Photo saved.")
    public static let photoRemoved = Localized(vi: "Đã xóa ảnh.", en: "Photo removed.")
    public static let back = Localized(vi: "Quay lại", en: "Back")
    public static let noPhoto = Localized(vi: "Chưa có ảnh", en: "No photo")

    public static let badgeHow = Localized(vi: "Hình thức", en: "How")
    public static func partyAgeInterrupted(_ firstAdmitted: String, _ months: Int) -> Localized {
        Localized(
            vi: "(tính từ lần kết nạp đầu \(firstAdmitted), trừ \(months) tháng gián đoạn)",
            en: "(from the first admission on \(firstAdmitted), less \(months) months out of the Party)")
    }

    /// More than one collective introducer.
    public static let introducersTooManyCommittees = Localized(
        vi: "Chỉ một người giới thiệu được là tập thể (ban chấp hành đoàn cơ sở hoặc công đoàn cơ sở); người còn lại phải là đảng viên chính thức.",
        en: "Only one introducer may be a committee (of the base Youth Union or trade union); the other must be a full member.")

    /// An introducer who is not a full member.
    public static func introducerNotFull(_ name: String) -> Localized {
        Localized(
            vi: "Người giới thiệu \(name) chưa là đảng viên chính thức; người giới thiệu phải là đảng viên chính thức.",
            en: "Introducer \(name) is not a full member; an introducer must be a full member.")
    }

    /// An introducer who has not worked with the candidate long enough.
    public static func introducerTooRecent(_ name: String, months: Int, required: Int) -> Localized {
        Localized(
            vi: "Người giới thiệu \(name) mới cùng công tác với người vào Đảng \(max(months, 0)) tháng; cần ít nhất \(required) tháng.",
            en: "Introducer \(name) has worked with the candidate for \(max(months, 0)) months; at least \(required) are needed.")
    }

    /// An introducer without the date from which they worked with the candidate.
    public static func introducerSinceUnknown(_ name: String, required: Int) -> Localized {
        Localized(
            vi: "Chưa ghi người giới thiệu \(name) cùng công tác với người vào Đảng từ ngày nào; cần ít nhất \(required) tháng.",
            en: "It is not recorded since when introducer \(name) has worked with the candidate; at least \(required) months are needed.")
    }

    /// A cell without full members cannot pass a resolution.
    public static let cellHasNoFullMembers = Localized(
        vi: "Chi bộ chưa có đảng viên chính thức nên chưa thể ra nghị quyết đề nghị kết nạp.",
        en: "The cell has no full members, so it cannot pass a resolution to admit.")

    /// More votes in favour than full members.
    public static func cellVoteExceeds(inFavour: Int, fullMembers: Int) -> Localized {
        Localized(
            vi: "Số đảng viên tán thành (\(inFavour)) không thể lớn hơn số đảng viên chính thức của chi bộ (\(fullMembers)).",
            en: "The votes in favour (\(inFavour)) cannot exceed the cell's full members (\(fullMembers)).")
    }

    /// Fewer votes than the required share.
    public static func cellVoteShort(inFavour: Int, fullMembers: Int, needed: Int) -> Localized {
        Localized(
            vi: "Nghị quyết đề nghị kết nạp cần ít nhất hai phần ba số đảng viên chính thức tán thành (\(needed)/\(fullMembers)); mới có \(inFavour).",
            en: "The resolution to admit needs at least two thirds of the full members in favour (\(needed) of \(fullMembers)); it has \(inFavour).")
    }

    /// The ceremony is dated before the decision.
    public static func ceremonyBeforeDecision(ceremony: CivilDate, decision: CivilDate) -> Localized {
        let c = both(ceremony)
        let d = both(decision)
        return Localized(
            vi: "Ngày lễ kết nạp (\(c.vi)) không thể trước ngày quyết định kết nạp (\(d.vi)).",
            en: "The admission ceremony (\(c.en)) cannot precede the admission decision (\(d.en)).")
    }

    /// The ceremony is later than the deadline.
    public static func ceremonyLate(ceremony: CivilDate, deadline: CivilDate, workingDays: Int) -> Localized {
        let c = both(ceremony)
        let d = both(deadline)
        return Localized(
            vi: "Lễ kết nạp (\(c.vi)) muộn hơn thời hạn \(workingDays) ngày làm việc kể từ quyết định kết nạp (hạn cuối \(d.vi)); cần ghi rõ lý do chậm.",
            en: "The admission ceremony (\(c.en)) is later than \(workingDays) working days after the decision (deadline \(d.en)); record why it was late.")
    }

    /// Stages of the admission pipeline.
    public static func admissionStage(_ stage: AdmissionStage) -> Localized {
        switch stage {
        case .outstanding: return Localized(vi: "Quần chúng ưu tú", en: "Outstanding candidate")
        case .course: return Localized(vi: "Đã học lớp bồi dưỡng nhận thức về Đảng", en: "Attended the course on the Party")
        case .introduced: return Localized(vi: "Đã có người giới thiệu", en: "Introduced")
        case .cellApproved: return Localized(vi: "Chi bộ đã đề nghị kết nạp", en: "Proposed by the cell")
        case .committeeDecided: return Localized(vi: "Đã có quyết định kết nạp", en: "Admission decided")
        case .ceremonyHeld: return Localized(vi: "Đảng viên dự bị", en: "Probationary member")
        case .recognized: return Localized(vi: "Đảng viên chính thức", en: "Full member")
        }
    }

    /// Where a probationary member stands with recognition.
    public static func recognitionStatus(_ status: RecognitionStatus) -> Localized {
        switch status {
        case .notYetDue: return Localized(vi: "Chưa hết thời gian dự bị", en: "Probation not over")
        case .due: return Localized(vi: "Đến hạn xét công nhận chính thức", en: "Due for recognition")
        case .overdue: return Localized(vi: "Quá hạn xét công nhận chính thức", en: "Recognition overdue")
        }
    }

    // MARK: - Party age and badges (Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021, mục 18)

    /// "12 năm 3 tháng".
    public static func partyAge(_ age: PartyAge) -> Localized {
        Localized(vi: "\(age.years) năm \(age.months) tháng", en: "\(age.years) years \(age.months) months")
    }

    /// "Huy hiệu 30 năm tuổi Đảng".
    public static func badge(_ milestone: Int) -> Localized {
        Localized(vi: "Huy hiệu \(milestone) năm tuổi Đảng", en: "\(milestone)-year Party badge")
    }

    /// How a badge is given.
    public static func badgeKind(_ kind: BadgeEligibility.Kind) -> Localized {
        switch kind {
        case .regular: return Localized(vi: "Tặng", en: "Award")
        case .early: return Localized(vi: "Tặng sớm (bệnh nặng)", en: "Early award (serious illness)")
        case .posthumous: return Localized(vi: "Truy tặng", en: "Posthumous award")
        }
    }
}
