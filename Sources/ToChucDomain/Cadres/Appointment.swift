/// Where an appointment stands with re-appointment on a date (DOMAIN.md §3: "the system lists who is due").
public enum AppointmentTermStatus: String, Sendable, CaseIterable, Codable {
    /// Before the notice date: nothing to do yet.
    case notDue = "not_due"
    /// From the notice date to the last day of the term: the re-appointment procedure must be under way.
    case due
    /// The term has ended and no re-appointment is recorded.
    case overdue

    /// The Vietnamese and English names of the status.
    public var label: Localized { Catalogue.appointmentTermStatus(self) }
}

/// What happens when an appointment term ends (Quy định 80-QĐ/TW 2022 on tái bổ nhiệm; `Appointment.reappointment`).
public struct ReappointmentDecision: Sendable, Hashable {
    /// Re-appointed for a new term, or kept in the post until retirement.
    public enum Kind: String, Sendable, CaseIterable, Codable {
        /// Re-appointed (tái bổ nhiệm) for a new term, cut at the retirement time.
        case reappoint
        /// Not re-appointed: the time in the post is extended to the retirement time (kéo dài thời hạn giữ chức vụ
        /// đến thời điểm nghỉ hưu).
        case extendToRetirement = "extend_to_retirement"

        /// Bổ nhiệm lại / Kéo dài thời hạn giữ chức vụ đến khi nghỉ hưu.
        public var label: Localized { Catalogue.reappointmentKind(self) }
    }

    /// Which case applies.
    public let kind: Kind
    /// The last day in the post: the end of the new term (`reappoint`) or the retirement time (`extendToRetirement`).
    public let until: CivilDate
    /// Full months of working time left on the re-appointment date.
    public let monthsLeft: Int
    /// What the rule concludes, with the numbers.
    public let message: Localized

    /// A decision; `message` says why.
    public init(kind: Kind, until: CivilDate, monthsLeft: Int, message: Localized) {
        self.kind = kind
        self.until = until
        self.monthsLeft = monthsLeft
        self.message = message
    }
}

/// Appointments (bổ nhiệm) of DOMAIN.md §3: the term, the re-appointment notice and the age rules of an appointment.
/// Each check returns nil when fine or a warning that says what the numbers are. Thresholds and the regulation cited
/// are parameters whose defaults are the shipped rule set (`AppointmentRules.builtIn`, `RetirementRule.current`);
/// `CadreService` passes the versions in force: for the term, on the appointment's date; for the rest, on the date
/// judged.
public enum Appointment {
    /// The last day of an appointment term of `years` years (DOMAIN.md §3: an appointment lasts 5 years; Quy định
    /// 80-QĐ/TW 2022). The term runs to the end of the same day `years` later, the way the Bộ luật Dân sự 2015, Điều
    /// 147–148, counts periods: appointed on 01/06/2020, the term ends with 01/06/2025; appointed 29/02/2024, with
    /// 28/02/2029.
    public static func termEnd(start: CivilDate, years: Int = AppointmentRules.builtIn.termYears) -> CivilDate {
        start.adding(years: years)
    }

    /// The latest day to start the re-appointment procedure (Quy định 377-QĐ/TW 2025: at least 90 working days before
    /// the term ends): the `workingDays`-th working day before `termEnd` (`termEnd` itself does not count), so that
    /// `workingDays` working days, the notice date included, lie before the last day of the term. For a term ending
    /// with 01/06/2025: 16/01/2025, across Tết, Giỗ Tổ, 30/4 and 1/5.
    public static func noticeDate(
        termEnd: CivilDate, calendar: HolidayCalendar = .vietnam, workingDays: Int = AppointmentRules.builtIn.noticeWorkingDays
    ) -> CivilDate {
        calendar.adding(workingDays: -workingDays, to: termEnd)
    }

    /// Not due before `noticeDate`; due from it to `termEnd` inclusive; overdue after `termEnd` (ask only for
    /// appointments not yet renewed).
    public static func status(
        termEnd: CivilDate, on date: CivilDate, calendar: HolidayCalendar = .vietnam,
        workingDays: Int = AppointmentRules.builtIn.noticeWorkingDays
    ) -> AppointmentTermStatus {
        if date > termEnd { return .overdue }
        return date >= noticeDate(termEnd: termEnd, calendar: calendar, workingDays: workingDays) ? .due : .notDue
    }

    /// A warning for an appointment that is due or overdue on `date` (`status`), with the notice date and the end of
    /// the term; nil when not due.
    public static func reappointmentNotice(
        termEnd: CivilDate, on date: CivilDate, calendar: HolidayCalendar = .vietnam,
        workingDays: Int = AppointmentRules.builtIn.noticeWorkingDays, regulation: String = AppointmentRules.builtIn.regulation
    ) -> Localized? {
        let notice = noticeDate(termEnd: termEnd, calendar: calendar, workingDays: workingDays)
        switch status(termEnd: termEnd, on: date, calendar: calendar, workingDays: workingDays) {
        case .notDue: return nil
        case .due: return Catalogue.reappointmentDue(termEnd: termEnd, noticeDate: notice, workingDays: workingDays, regulation: regulation)
        case .overdue: return Catalogue.reappointmentOverdue(termEnd: termEnd, on: date)
        }
    }

    /// A first appointment to a leading post, or an appointment to a higher post, needs a full term of working age
    /// left: at least `requiredMonths` full months from `appointmentDate` to the retirement time (Quy định 80-QĐ/TW
    /// 2022, then 377-QĐ/TW 2025, tuổi bổ nhiệm: đủ 5 năm công tác; the retirement time of `Retirement.schedule`, i.e. the end of the month
    /// the retirement age is reached). A man born 15/04/1966 retires at 62 with 30/04/2028: appointed on 01/05/2023
    /// he has 60 months left and passes; on 02/05/2023, 59 months, and he does not.
    public static func firstAppointmentAge(
        birthDate: CivilDate, gender: Gender, appointmentDate: CivilDate, requiredMonths: Int = AppointmentRules.builtIn.workingAgeMonths,
        rule: RetirementRule = .current, regulation: String = AppointmentRules.builtIn.regulation
    ) -> Localized? {
        let schedule = Retirement.schedule(birthDate: birthDate, gender: gender, rule: rule)
        let left = schedule.monthsOfWorkLeft(on: appointmentDate)
        if left >= requiredMonths { return nil }
        return Catalogue.appointmentAgeShort(
            monthsLeft: left, appointmentDate: appointmentDate, schedule: schedule, requiredMonths: requiredMonths, regulation: regulation)
    }

    /// Re-appointment at the end of a term, on `date` (Quy định 80-QĐ/TW 2022, tái bổ nhiệm): with at least
    /// `minimumMonths` full months of working time left, re-appointed for a new term of `termYears` years, ending at
    /// the retirement time if that comes first; with fewer, not re-appointed but kept in the post until the retirement
    /// time. Exactly 24 months left is re-appointment; one day less, extension.
    public static func reappointment(
        birthDate: CivilDate, gender: Gender, on date: CivilDate, minimumMonths: Int = AppointmentRules.builtIn.reappointmentMinimumMonths,
        termYears: Int = AppointmentRules.builtIn.termYears, rule: RetirementRule = .current, regulation: String = AppointmentRules.builtIn.regulation
    ) -> ReappointmentDecision {
        let schedule = Retirement.schedule(birthDate: birthDate, gender: gender, rule: rule)
        let left = schedule.monthsOfWorkLeft(on: date)
        if left >= minimumMonths {
            let until = min(termEnd(start: date, years: termYears), schedule.retiresOn)
            return ReappointmentDecision(
                kind: .reappoint, until: until, monthsLeft: left,
                message: Catalogue.reappointed(monthsLeft: left, on: date, until: until, retiresOn: schedule.retiresOn))
        }
        return ReappointmentDecision(
            kind: .extendToRetirement, until: schedule.retiresOn, monthsLeft: left,
            message: Catalogue.extendedToRetirement(
                monthsLeft: left, on: date, retiresOn: schedule.retiresOn, minimumMonths: minimumMonths, regulation: regulation))
    }
}
