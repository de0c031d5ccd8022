import Foundation

/// Statuses of a membership (DOMAIN.md §2; INTERCHANGE.md members.csv). Keys are the interchange's.
public enum MemberStatus: String, Sendable, CaseIterable, Codable {
    case candidate
    case probationary
    case full
    case exempt
    case transferredOut = "transferred_out"
    case expelled
    case removed
    case resigned
    case deceased

    public var label: Localized { Catalogue.memberStatus(self) }

    /// Still a member of the Party (counted in "đảng viên" figures): probationary, full, exempt.
    public var isMember: Bool { self == .probationary || self == .full || self == .exempt }
    /// Statuses that end membership here and need the date they did (`left_on`).
    public var hasLeft: Bool { [.transferredOut, .expelled, .removed, .resigned, .deceased].contains(self) }

    public static func parse(_ text: String) -> MemberStatus? {
        MemberStatus(rawValue: text) ?? byFoldedLabel[VietnameseText.fold(text)]
    }

    private static let byFoldedLabel: [String: MemberStatus] = Dictionary(
        MemberStatus.allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// Professional qualification (chuyên môn), INTERCHANGE.md keys.
public enum Qualification: String, Sendable, CaseIterable, Codable {
    case none, intermediate, college, bachelor, master, doctor
    public var label: Localized { Catalogue.qualification(self) }
    public static func parse(_ text: String) -> Qualification? {
        Qualification(rawValue: text) ?? allCases.first { VietnameseText.fold($0.label.vi) == VietnameseText.fold(text) }
    }
}

/// Political theory level (lý luận chính trị), INTERCHANGE.md keys.
public enum PoliticalTheory: String, Sendable, CaseIterable, Codable {
    case none, elementary, intermediate, advanced, bachelor
    public var label: Localized { Catalogue.politicalTheory(self) }
    public static func parse(_ text: String) -> PoliticalTheory? {
        PoliticalTheory(rawValue: text) ?? allCases.first { VietnameseText.fold($0.label.vi) == VietnameseText.fold(text) }
    }
}

/// A member as typed in a form, an API body or a CSV row: text, not yet checked.
public struct MemberDraft: Sendable, Equatable, Codable {
    public var cardNo = ""
    public var nationalId = ""
    public var fullName = ""
    public var gender = ""
    public var birthDate = ""
    public var ethnicity = ""
    public var religion = ""
    public var homeTown = ""
    public var unitCode = ""
    public var status = ""
    public var admittedOn = ""
    public var recognizedOn = ""
    public var leftOn = ""
    public var education = ""
    public var qualification = ""
    public var politicalTheory = ""
    public var occupation = ""
    public var phone = ""
    public var address = ""

    public init() {}
}

/// A member record that passed `MemberRules.check`.
public struct ValidMember: Sendable, Equatable {
    public var cardNo: String?
    public var nationalId: String?
    public var fullName: String
    public var gender: Gender
    public var birthDate: CivilDate?
    public var ethnicity: Ethnicity?
    public var religion: String
    public var homeTown: String
    public var unitCode: String
    public var status: MemberStatus
    public var admittedOn: CivilDate?
    public var recognizedOn: CivilDate?
    public var leftOn: CivilDate?
    public var education: String
    public var qualification: Qualification?
    public var politicalTheory: PoliticalTheory?
    public var occupation: String
    public var phone: String
    public var address: String

    public init(
        cardNo: String?, nationalId: String?, fullName: String, gender: Gender, birthDate: CivilDate?, ethnicity: Ethnicity?,
        religion: String, homeTown: String, unitCode: String, status: MemberStatus, admittedOn: CivilDate?, recognizedOn: CivilDate?,
        leftOn: CivilDate?, education: String, qualification: Qualification?, politicalTheory: PoliticalTheory?, occupation: String,
        phone: String, address: String
    ) {
        self.cardNo = cardNo
        self.nationalId = nationalId
        self.fullName = fullName
        self.gender = gender
        self.birthDate = birthDate
        self.ethnicity = ethnicity
        self.religion = religion
        self.homeTown = homeTown
        self.unitCode = unitCode
        self.status = status
        self.admittedOn = admittedOn
        self.recognizedOn = recognizedOn
        self.leftOn = leftOn
        self.education = education
        self.qualification = qualification
        self.politicalTheory = politicalTheory
        self.occupation = occupation
        self.phone = phone
        self.address = address
    }

    /// The attributes as text, the way the audit log and conflict messages compare them.
    public var auditValues: [String: String?] {
        func opt(_ s: String) -> String? { s.isEmpty ? nil : s }
        return [
            "card_no": cardNo, "national_id": nationalId, "full_name": fullName, "gender": gender.rawValue,
            "birth_date": birthDate?.iso, "ethnicity": ethnicity?.name, "religion": opt(religion), "home_town": opt(homeTown),
            "unit_code": unitCode, "status": status.rawValue, "admitted_on": admittedOn?.iso, "recognized_on": recognizedOn?.iso,
            "left_on": leftOn?.iso, "education": opt(education), "qualification": qualification?.rawValue,
            "political_theory": politicalTheory?.rawValue, "occupation": opt(occupation), "phone": opt(phone), "address": opt(address),
        ]
    }
}

/// The rules a member record must keep (DOMAIN.md §2). `strict` adds the rules of entering a record by hand
/// (the age rule at admission, by the admission rule set in force on the admission date); imports of old records
/// accept them and `tochuc check` lists them instead.
public enum MemberRules {
    public static let maximumNameLength = 120

    public static func check(
        _ draft: MemberDraft, today: CivilDate, strict: Bool, rules: RuleVersions = .builtIn
    ) -> Result<ValidMember, DomainError> {
        var errors: [FieldError] = []
        func date(_ text: String, _ field: String) -> CivilDate? {
            let trimmed = text.trimmed
            if trimmed.isEmpty { return nil }
            guard let parsed = CivilDate(parsing: trimmed) else {
                errors.append(FieldError(field, Catalogue.invalidDate(trimmed)))
                return nil
            }
            if parsed > today { errors.append(FieldError(field, Catalogue.dateInFuture)) }
            return parsed
        }
        let name = draft.fullName.collapsedWhitespace
        if name.isEmpty { errors.append(FieldError("full_name", Catalogue.required)) }
        if name.count > maximumNameLength { errors.append(FieldError("full_name", Catalogue.tooLong(maximumNameLength))) }
        let gender = Gender.parse(draft.gender.trimmed)
        if gender == nil { errors.append(FieldError("gender", Catalogue.unknownValue(draft.gender))) }
        let birth = date(draft.birthDate, "birth_date")
        if birth == nil && draft.birthDate.trimmed.isEmpty { errors.append(FieldError("birth_date", Catalogue.required)) }
        var ethnicity: Ethnicity? = nil
        if !draft.ethnicity.trimmed.isEmpty {
            ethnicity = Ethnicity.match(draft.ethnicity)
            if ethnicity == nil { errors.append(FieldError("ethnicity", Catalogue.unknownEthnicity(draft.ethnicity))) }
        }
        let status = MemberStatus.parse(draft.status.trimmed)
        if status == nil { errors.append(FieldError("status", Catalogue.unknownValue(draft.status))) }
        let admitted = date(draft.admittedOn, "admitted_on")
        let recognized = date(draft.recognizedOn, "recognized_on")
        let left = date(draft.leftOn, "left_on")
        let cardNo = draft.cardNo.trimmed
        // ASCII letters, digits and hyphens only, so bytes are characters.
        if !cardNo.isEmpty && !(cardNo.utf8.count <= 20 && cardNo.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || (0x30...0x39).contains($0) || $0 == 0x2D }) {
            errors.append(FieldError("card_no", Catalogue.invalidCardNo))
        }
        let nationalId = draft.nationalId.trimmed
        if !nationalId.isEmpty {
            errors += NationalID.problems(nationalId, birthDate: birth, gender: gender).map { FieldError("national_id", $0) }
        }
        if draft.unitCode.trimmed.isEmpty { errors.append(FieldError("unit_code", Catalogue.required)) }
        let qualification = draft.qualification.trimmed.isEmpty ? nil : Qualification.parse(draft.qualification.trimmed)
        if !draft.qualification.trimmed.isEmpty && qualification == nil {
            errors.append(FieldError("qualification", Catalogue.unknownValue(draft.qualification)))
        }
        let theory = draft.politicalTheory.trimmed.isEmpty ? nil : PoliticalTheory.parse(draft.politicalTheory.trimmed)
        if !draft.politicalTheory.trimmed.isEmpty && theory == nil {
            errors.append(FieldError("political_theory", Catalogue.unknownValue(draft.politicalTheory)))
        }
        if let status {
            // What each status needs (INTERCHANGE.md members.csv; DOMAIN.md §2).
            if status == .candidate {
                if admitted != nil { errors.append(FieldError("admitted_on", Catalogue.candidateHasNoAdmission)) }
            } else {
                if admitted == nil && draft.admittedOn.trimmed.isEmpty { errors.append(FieldError("admitted_on", Catalogue.required)) }
                if cardNo.isEmpty && status != .probationary { errors.append(FieldError("card_no", Catalogue.required)) }
            }
            if status == .full && recognized == nil && draft.recognizedOn.trimmed.isEmpty {
                errors.append(FieldError("recognized_on", Catalogue.required))
            }
            if status == .probationary && recognized != nil { errors.append(FieldError("recognized_on", Catalogue.probationaryNotRecognized)) }
            if status.hasLeft && left == nil && draft.leftOn.trimmed.isEmpty { errors.append(FieldError("left_on", Catalogue.required)) }
            if !status.hasLeft && left != nil { errors.append(FieldError("left_on", Catalogue.leftOnlyWhenLeft)) }
        }
        if let admitted, let recognized, recognized < admitted { errors.append(FieldError("recognized_on", Catalogue.recognizedBeforeAdmitted)) }
        if let admitted, let left, left < admitted { errors.append(FieldError("left_on", Catalogue.leftBeforeAdmitted)) }
        if let birth, let admitted, admitted <= birth { errors.append(FieldError("admitted_on", Catalogue.admittedBeforeBirth)) }
        if strict, let birth, let admitted,
            let problem = Admission.candidateAge(
                birthDate: birth, on: admitted, hasProvincialConsent: true, minimumYears: rules.admission(on: admitted).minimumAge)
        {
            errors.append(FieldError("admitted_on", problem))
        }
        guard errors.isEmpty, let gender, let status else { return .failure(.invalid(Catalogue.invalidInput, errors)) }
        return .success(
            ValidMember(
                cardNo: cardNo.isEmpty ? nil : cardNo, nationalId: nationalId.isEmpty ? nil : nationalId, fullName: name, gender: gender,
                birthDate: birth, ethnicity: ethnicity, religion: draft.religion.trimmed, homeTown: draft.homeTown.trimmed,
                unitCode: draft.unitCode.trimmed, status: status, admittedOn: admitted, recognizedOn: recognized, leftOn: left,
                education: draft.education.trimmed, qualification: qualification, politicalTheory: theory,
                occupation: draft.occupation.trimmed, phone: draft.phone.trimmed, address: draft.address.trimmed))
    }
}

/// The columns of `members.csv` (INTERCHANGE.md).
public enum MembersFile {
    public static let fileName = "members.csv"
    public static let sheetName = "members"
    public static let columns: [InterchangeColumn] = [
        InterchangeColumn("card_no", "Số thẻ đảng viên"),
        InterchangeColumn("national_id", "Số CCCD"),
        InterchangeColumn("full_name", "Họ và tên", required: true),
        InterchangeColumn("gender", "Giới tính", required: true),
        InterchangeColumn("birth_date", "Ngày sinh", required: true),
        InterchangeColumn("ethnicity", "Dân tộc"),
        InterchangeColumn("religion", "Tôn giáo"),
        InterchangeColumn("unit_code", "Mã chi bộ", required: true),
        InterchangeColumn("status", "Trạng thái", required: true),
        InterchangeColumn("admitted_on", "Ngày vào Đảng"),
        InterchangeColumn("recognized_on", "Ngày chính thức"),
        InterchangeColumn("left_on", "Ngày ra khỏi Đảng"),
        InterchangeColumn("education", "Giáo dục phổ thông"),
        InterchangeColumn("qualification", "Chuyên môn"),
        InterchangeColumn("political_theory", "Lý luận chính trị"),
    ]
}
