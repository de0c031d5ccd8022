import Foundation

/// The stages a person goes through from "quần chúng ưu tú" to full member (DOMAIN.md §2: the pipeline is tracked;
/// Điều lệ Đảng, Điều 4–5; Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021). Keys are stored; labels are shown.
public enum AdmissionStage: String, Sendable, CaseIterable, Codable {
    /// Quần chúng ưu tú: an outstanding non-member the cell follows.
    case outstanding
    /// Has attended the course on the Party (lớp bồi dưỡng nhận thức về Đảng).
    case course
    /// Has the introducers the rules need (`Admission.introducers`).
    case introduced
    /// The cell's resolution proposes admission (`Admission.cellVote`).
    case cellApproved = "cell_approved"
    /// The competent committee has decided the admission.
    case committeeDecided = "committee_decided"
    /// The admission ceremony was held: a probationary member (đảng viên dự bị).
    case ceremonyHeld = "ceremony_held"
    /// Recognized as a full member (đảng viên chính thức).
    case recognized

    /// The Vietnamese and English names of the stage.
    public var label: Localized { Catalogue.admissionStage(self) }

    /// The stage that follows; nil after recognition.
    public var nextStage: AdmissionStage? {
        let all = AdmissionStage.allCases
        let index = all.firstIndex(of: self)!
        return index + 1 < all.count ? all[index + 1] : nil
    }

    /// The key or the Vietnamese label, ignoring case and diacritics.
    public static func parse(_ text: String) -> AdmissionStage? {
        byFoldedName[VietnameseText.fold(text)]
    }

    private static let byFoldedName: [String: AdmissionStage] = Dictionary(
        allCases.flatMap { [(VietnameseText.fold($0.label.vi), $0), ($0.rawValue, $0)] }, uniquingKeysWith: { a, _ in a })
}

/// Where a probationary member stands with recognition as a full member (DOMAIN.md §2: "the system lists who is due
/// and who is overdue").
public enum RecognitionStatus: String, Sendable, CaseIterable, Codable {
    /// The 12 months of probation are not over.
    case notYetDue = "not_yet_due"
    /// Probation is over and the cell is within its working days to consider recognition.
    case due
    /// The working days after probation have passed without recognition.
    case overdue

    /// The Vietnamese and English names of the status.
    public var label: Localized { Catalogue.recognitionStatus(self) }
}

/// A rule's answer about a recorded fact: a refusal (the fact breaks the rule) or a warning (the fact is allowed
/// but must be explained, such as a late ceremony).
public struct AdmissionFinding: Sendable, Hashable {
    /// How serious the finding is.
    public enum Severity: String, Sendable, Codable {
        /// The record cannot be accepted as it is.
        case refusal
        /// The record is accepted, and the clerk is told what to explain.
        case warning
    }

    /// Refusal or warning.
    public let severity: Severity
    /// What is wrong and what is expected.
    public let message: Localized

    /// A finding of `severity` that says `message`.
    public init(severity: Severity, message: Localized) {
        self.severity = severity
        self.message = message
    }
}

/// Who introduces a candidate (người giới thiệu; Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW 2021, on
/// Điều 4): two full members who have worked with the candidate for at least 12 months — or, for a Youth Union member
/// of youth age, the base Youth Union committee and one full member (the same with the base trade union committee
/// where it introduces a union member).
public struct Introducer: Sendable, Hashable {
    /// A party member, or a committee that introduces by resolution.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case member
        /// Ban chấp hành đoàn cơ sở (Ho Chi Minh Communist Youth Union).
        case youthUnionCommittee = "youth_union_committee"
        /// Ban chấp hành công đoàn cơ sở (trade union).
        case tradeUnionCommittee = "trade_union_committee"
    }

    /// Member or committee.
    public let kind: Kind
    /// The member's full name, or the committee's name, as messages show it.
    public let name: String
    /// Whether the member is a full member (đảng viên chính thức) on the day the cell considers the case.
    public let isFull: Bool
    /// Since when the member has worked, studied or lived in the same unit as the candidate.
    public let workedTogetherSince: CivilDate?

    /// A member introducer.
    public static func member(_ name: String, isFull: Bool, workedTogetherSince: CivilDate?) -> Introducer {
        Introducer(kind: .member, name: name, isFull: isFull, workedTogetherSince: workedTogetherSince)
    }

    /// A committee introducer (its resolution stands in for one member).
    public static func committee(_ kind: Kind, name: String) -> Introducer {
        Introducer(kind: kind, name: name, isFull: false, workedTogetherSince: nil)
    }
}

/// The admission rules of DOMAIN.md §2 as pure functions (Điều lệ Đảng, Điều 4–5; Quy định 24-QĐ/TW 2021;
/// Hướng dẫn 01-HD/TW 2021). Each refuses with a message that says what is wrong and what is expected, or returns
/// nil / an empty list. Thresholds are parameters whose defaults are the shipped rule set (`AdmissionRules.builtIn`);
/// `AdmissionService` passes the version in force on the date each check judges.
public enum Admission {
    /// Age on the day the cell considers the case (Điều lệ Đảng, Điều 1, khoản 2; Quy định 24-QĐ/TW 2021, on Điều 1:
    /// "đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)"): at least `minimumYears` full years, and at most `maximumYears`
    /// full years and 0 months — 60 years and some days is still 60, counted in months. Older candidates need the
    /// written consent of the committee directly under the Centre (`hasProvincialConsent`).
    public static func candidateAge(
        birthDate: CivilDate, on date: CivilDate, hasProvincialConsent: Bool = false, minimumYears: Int = AdmissionRules.builtIn.minimumAge,
        maximumYears: Int = AdmissionRules.builtIn.maximumAge
    ) -> Localized? {
        let months = birthDate.fullMonths(until: date)
        if months < minimumYears * 12 {
            let shown = max(months, 0)
            return Catalogue.candidateTooYoung(years: shown / 12, months: shown % 12, on: date, minimumYears: minimumYears)
        }
        if months > maximumYears * 12 && !hasProvincialConsent {
            return Catalogue.candidateNeedsConsent(years: months / 12, months: months % 12, on: date, maximumYears: maximumYears)
        }
        return nil
    }

    /// The introducers on the day the cell considers the case (Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW 2021, on
    /// Điều 4): exactly `required`; at most one of them a committee; every member introducer a full member who has
    /// worked with the candidate for at least `minimumMonthsTogether` full months. One message per problem, naming
    /// the introducer; empty when the introducers are valid. The Youth Union committee introduces only a candidate of
    /// youth age (Điều lệ Đoàn: members are 16 to 30; `candidateAge` in whole years on `date`, when known).
    public static func introducers(
        _ introducers: [Introducer], on date: CivilDate, required: Int = AdmissionRules.builtIn.introducers,
        minimumMonthsTogether: Int = AdmissionRules.builtIn.introducerMonths, candidateAge: Int? = nil,
        youthAgeLimit: Int = AdmissionRules.builtIn.youthUnionMaxAge
    ) -> [Localized] {
        var problems: [Localized] = []
        if let age = candidateAge, age > youthAgeLimit, introducers.contains(where: { $0.kind == .youthUnionCommittee }) {
            problems.append(Catalogue.youthUnionOverAge(age: age, limit: youthAgeLimit))
        }
        if introducers.count != required {
            problems.append(Catalogue.introducerCount(introducers.count, required: required))
        }
        if introducers.filter({ $0.kind != .member }).count > 1 {
            problems.append(Catalogue.introducersTooManyCommittees)
        }
        for (index, introducer) in introducers.enumerated() where introducer.kind == .member {
            let name = introducer.name.trimmed.isEmpty ? "#\(index + 1)" : introducer.name
            if !introducer.isFull {
                problems.append(Catalogue.introducerNotFull(name))
            }
            guard let since = introducer.workedTogetherSince else {
                problems.append(Catalogue.introducerSinceUnknown(name, required: minimumMonthsTogether))
                continue
            }
            let months = since.fullMonths(until: date)
            if months < minimumMonthsTogether {
                problems.append(Catalogue.introducerTooRecent(name, months: months, required: minimumMonthsTogether))
            }
        }
        return problems
    }

    /// The cell's resolution to propose admission (Điều lệ Đảng, Điều 4; Quy định 24-QĐ/TW 2021): at least two thirds
    /// of the cell's full members in favour, in whole numbers (`inFavour × 3 ≥ fullMembers × 2`: 6 of 9 passes,
    /// 5 of 8 does not).
    public static func cellVote(
        fullMembers: Int, inFavour: Int,
        share: (numerator: Int, denominator: Int) = (AdmissionRules.builtIn.cellVote.numerator, AdmissionRules.builtIn.cellVote.denominator)
    ) -> Localized? {
        guard fullMembers > 0 else { return Catalogue.cellHasNoFullMembers }
        if inFavour > fullMembers { return Catalogue.cellVoteExceeds(inFavour: inFavour, fullMembers: fullMembers) }
        if inFavour * share.denominator >= fullMembers * share.numerator { return nil }
        let needed = (fullMembers * share.numerator + share.denominator - 1) / share.denominator
        return Catalogue.cellVoteShort(inFavour: max(inFavour, 0), fullMembers: fullMembers, needed: needed)
    }

    /// The last day for the admission ceremony: the `workingDays`-th working day after the decision (Quy định
    /// 24-QĐ/TW 2021, on Điều 4 of the Điều lệ Đảng: within 30 working days). The regulation counts from the day the
    /// cell receives the decision: pass that day as `decisionDate` when it is recorded.
    public static func ceremonyDeadline(
        decisionDate: CivilDate, calendar: HolidayCalendar = .vietnam, workingDays: Int = AdmissionRules.builtIn.ceremonyWorkingDays
    ) -> CivilDate {
        calendar.adding(workingDays: workingDays, to: decisionDate)
    }

    /// The recorded ceremony date against the decision: before the decision is a refusal; after
    /// `ceremonyDeadline` a warning (the admission stands, the delay must be explained); nil when on time.
    public static func checkCeremony(
        decision: CivilDate, ceremony: CivilDate, calendar: HolidayCalendar = .vietnam,
        workingDays: Int = AdmissionRules.builtIn.ceremonyWorkingDays
    ) -> AdmissionFinding? {
        if ceremony < decision {
            return AdmissionFinding(severity: .refusal, message: Catalogue.ceremonyBeforeDecision(ceremony: ceremony, decision: decision))
        }
        let deadline = ceremonyDeadline(decisionDate: decision, calendar: calendar, workingDays: workingDays)
        if ceremony > deadline {
            return AdmissionFinding(
                severity: .warning, message: Catalogue.ceremonyLate(ceremony: ceremony, deadline: deadline, workingDays: workingDays))
        }
        return nil
    }

    /// The day the probation ends: `months` calendar months after the ceremony (Điều lệ Đảng, Điều 5: twelve months
    /// of probation counted from the day the cell holds the admission ceremony); a ceremony on 15/03/2024 ends
    /// probation on 15/03/2025, and one on 29/02/2024 on 28/02/2025.
    public static func probationEnd(ceremony: CivilDate, months: Int = AdmissionRules.builtIn.probationMonths) -> CivilDate {
        ceremony.adding(months: months)
    }

    /// The last day for the cell to consider recognition: the `workingDays`-th working day after the probation ends
    /// (Điều lệ Đảng, Điều 5; Quy định 24-QĐ/TW 2021).
    public static func recognitionDeadline(
        probationEnd: CivilDate, calendar: HolidayCalendar = .vietnam, workingDays: Int = AdmissionRules.builtIn.recognitionWorkingDays
    ) -> CivilDate {
        calendar.adding(workingDays: workingDays, to: probationEnd)
    }

    /// The date full membership (ngày chính thức) takes effect: the end of the probation, even when the cell's
    /// meeting or the committee's decision comes later (Hướng dẫn 01-HD/TW 2021, on Điều 5).
    public static func fullMembershipDate(probationEnd: CivilDate) -> CivilDate { probationEnd }

    /// Whether a probationary member is not yet due (before `probationEnd`), due (from `probationEnd` to
    /// `recognitionDeadline` inclusive) or overdue (after it) for recognition on `today`.
    public static func recognitionStatus(
        probationEnd: CivilDate, today: CivilDate, calendar: HolidayCalendar = .vietnam,
        workingDays: Int = AdmissionRules.builtIn.recognitionWorkingDays
    ) -> RecognitionStatus {
        if today < probationEnd { return .notYetDue }
        let deadline = recognitionDeadline(probationEnd: probationEnd, calendar: calendar, workingDays: workingDays)
        return today <= deadline ? .due : .overdue
    }
}
