import Testing
import ToChucDomain

/// Appointments (DOMAIN.md §3): a 5-year term; re-appointment notice 90 working days before it ends (Quy định
/// 377-QĐ/TW 2025); a full 5-year term of working age for a first or higher appointment, and re-appointment only with
/// at least 2 years left, else extension to retirement (Quy định 80-QĐ/TW 2022).
@Suite struct CadreAppointmentTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }
    let calendar = HolidayCalendar.vietnam

    // MARK: The term — 5 years, to the end of the same day (Bộ luật Dân sự 2015, Điều 147–148)

    @Test(
        "an appointment lasts 5 years, to the same day 5 years later (29/02 ends on 28/02)",
        arguments: [("2020-06-01", "2025-06-01"), ("2024-02-29", "2029-02-28"), ("2021-12-31", "2026-12-31")])
    func termEnd(start: String, end: String) {
        #expect(Appointment.termEnd(start: Self.date(start)) == Self.date(end))
    }

    // MARK: Quy định 377-QĐ/TW — the procedure starts at least 90 working days before the term ends

    @Test(
        "Quy định 377-QĐ/TW: the notice date is the 90th working day before the term ends, across the holidays",
        arguments: [
            ("2025-06-01", "2025-01-16"),  // across Tết 2025, Giỗ Tổ, 30/4 and 1/5
            ("2025-06-02", "2025-01-16"),  // the last day of the term itself is not counted
            ("2026-06-01", "2026-01-15"),
            ("2025-12-31", "2025-08-25"),  // across 1/9 and 2/9
        ])
    func noticeDate(termEnd: String, notice: String) {
        let end = Self.date(termEnd)
        let computed = Appointment.noticeDate(termEnd: end, calendar: calendar)
        #expect(computed == Self.date(notice))
        #expect(calendar.isWorkingDay(computed))
        // 90 working days from the notice date (counted) to the day before the term's last day.
        #expect(calendar.workingDays(from: computed.adding(days: -1), to: end.adding(days: -1)) == 90)
    }

    @Test(
        "Quy định 377-QĐ/TW: not due before the notice date, due from it to the last day of the term, overdue after",
        arguments: [
            ("2025-01-15", AppointmentTermStatus.notDue),
            ("2025-01-16", .due),
            ("2025-06-01", .due),
            ("2025-06-02", .overdue),
            ("2026-01-01", .overdue),
        ])
    func status(on: String, expected: AppointmentTermStatus) {
        #expect(Appointment.status(termEnd: Self.date("2025-06-01"), on: Self.date(on), calendar: calendar) == expected)
    }

    @Test("the re-appointment warnings give the end of the term and the notice date")
    func noticeMessages() {
        let end = Self.date("2025-06-01")
        #expect(Appointment.reappointmentNotice(termEnd: end, on: Self.date("2025-01-15"), calendar: calendar) == nil)
        #expect(
            Appointment.reappointmentNotice(termEnd: end, on: Self.date("2025-03-01"), calendar: calendar)?.vi
                == "Thời hạn bổ nhiệm kết thúc ngày 01/06/2025; quy trình bổ nhiệm lại phải bắt đầu chậm nhất ngày 16/01/2025 (90 ngày làm việc trước khi hết thời hạn, Quy định 377-QĐ/TW)."
        )
        let overdue = Appointment.reappointmentNotice(termEnd: end, on: Self.date("2025-07-01"), calendar: calendar)
        #expect(overdue?.vi.contains("đã kết thúc ngày 01/06/2025") == true)
        #expect(overdue?.vi.contains("đến ngày 01/07/2025 chưa có quyết định bổ nhiệm lại") == true)
        #expect(AppointmentTermStatus.due.label.vi == "Đến hạn bổ nhiệm lại")
    }

    @Test("the notice period is a parameter")
    func noticeParameter() {
        let end = Self.date("2025-06-01")
        #expect(Appointment.noticeDate(termEnd: end, calendar: calendar, workingDays: 1) == Self.date("2025-05-30"))
        #expect(Appointment.status(termEnd: end, on: Self.date("2025-05-29"), calendar: calendar, workingDays: 1) == .notDue)
    }

    // MARK: Quy định 80-QĐ/TW — first or higher appointment: at least 60 months of working time left

    @Test(
        "Quy định 80-QĐ/TW: a first appointment needs 60 full months to the end of the retirement month; 59 is too few",
        arguments: [
            ("1966-04-15", Gender.male, "2023-05-01", nil),  // retires with 30/04/2028 at 62: exactly 60 months
            ("1966-04-15", .male, "2023-05-02", 59),
            ("1966-04-15", .male, "2020-01-01", nil),
            ("1975-05-10", .female, "2030-06-01", nil),  // retires with 31/05/2035 at 60
            ("1975-05-10", .female, "2030-06-02", 59),
            ("1961-01-15", .male, "2025-01-01", 0),  // already retired
        ] as [(String, Gender, String, Int?)])
    func firstAppointmentAge(birth: String, gender: Gender, appointment: String, monthsLeft: Int?) {
        let warning = Appointment.firstAppointmentAge(birthDate: Self.date(birth), gender: gender, appointmentDate: Self.date(appointment))
        #expect((warning == nil) == (monthsLeft == nil))
        if let months = monthsLeft {
            #expect(warning?.vi.contains("chỉ còn \(months) tháng công tác") == true, "\(warning?.vi ?? "nil")")
        }
    }

    @Test("the appointment-age warning gives the retirement time, the age and the rule")
    func appointmentAgeMessage() {
        // An appointment of 2022 is judged by Quy định 80-QĐ/TW (the default is the shipped version in force today).
        let warning = Appointment.firstAppointmentAge(
            birthDate: Self.date("1964-03-20"), gender: .male, appointmentDate: Self.date("2022-01-10"), regulation: "80-QĐ/TW")
        #expect(
            warning?.vi
                == "Tính từ ngày bổ nhiệm 10/01/2022 đến thời điểm nghỉ hưu (hết ngày 30/06/2025, tuổi nghỉ hưu 61 tuổi 3 tháng) chỉ còn 41 tháng công tác; bổ nhiệm lần đầu hoặc bổ nhiệm chức vụ cao hơn phải còn đủ ít nhất 60 tháng (5 năm) công tác (Quy định 80-QĐ/TW)."
        )
        #expect(
            Appointment.firstAppointmentAge(
                birthDate: Self.date("1964-03-20"), gender: .male, appointmentDate: Self.date("2022-01-10"), requiredMonths: 41) == nil)
    }

    // MARK: Quy định 80-QĐ/TW — re-appointment with at least 24 months left; else extended to retirement

    @Test(
        "Quy định 80-QĐ/TW: 24 months left is re-appointment, one day less is extension to the retirement time",
        arguments: [
            ("2026-05-01", ReappointmentDecision.Kind.reappoint, "2028-04-30", 24),  // the new term is cut at retirement
            ("2026-05-02", .extendToRetirement, "2028-04-30", 23),
            ("2020-05-01", .reappoint, "2025-05-01", 96),  // a full new term of 5 years
            ("2023-05-01", .reappoint, "2028-04-30", 60),
            ("2028-01-15", .extendToRetirement, "2028-04-30", 3),
        ])
    func reappointment(on: String, kind: ReappointmentDecision.Kind, until: String, monthsLeft: Int) {
        let decision = Appointment.reappointment(birthDate: Self.date("1966-04-15"), gender: .male, on: Self.date(on))
        #expect(decision.kind == kind)
        #expect(decision.until == Self.date(until))
        #expect(decision.monthsLeft == monthsLeft)
    }

    @Test("the re-appointment decision says which case and why")
    func reappointmentMessages() {
        let extended = Appointment.reappointment(birthDate: Self.date("1966-04-15"), gender: .male, on: Self.date("2026-05-02"))
        #expect(
            extended.message.vi
                == "Chỉ còn 23 tháng công tác tính từ ngày 02/05/2026 đến thời điểm nghỉ hưu (hết ngày 30/04/2028), dưới 24 tháng (2 năm): không bổ nhiệm lại mà kéo dài thời hạn giữ chức vụ đến thời điểm nghỉ hưu (Quy định 377-QĐ/TW)."
        )
        let renewed = Appointment.reappointment(birthDate: Self.date("1966-04-15"), gender: .male, on: Self.date("2020-05-01"))
        #expect(renewed.message.vi.contains("xem xét bổ nhiệm lại, thời hạn đến hết ngày 01/05/2025") == true)
        #expect(ReappointmentDecision.Kind.extendToRetirement.rawValue == "extend_to_retirement")
        #expect(ReappointmentDecision.Kind.reappoint.label.vi == "Bổ nhiệm lại")
    }
}
