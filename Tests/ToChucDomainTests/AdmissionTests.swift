import Testing
import ToChucDomain

/// The admission pipeline of DOMAIN.md §2 (Điều lệ Đảng, Điều 1, 4, 5; Quy định 24-QĐ/TW 2021; Hướng dẫn 01-HD/TW 2021).
@Suite struct AdmissionTests {
    static func date(_ text: String) -> CivilDate { CivilDate(parsing: text)! }

    // MARK: Age — "đủ 18 tuổi đến đủ 60 tuổi (tính theo tháng)" on the day the cell considers the case

    @Test(
        "age runs from full 18 to full 60 counted in months; older needs the provincial committee's written consent",
        arguments: [
            ("2006-03-15", "2024-03-14", false, false),  // 18 years minus one day
            ("2006-03-15", "2024-03-15", false, true),  // exactly 18
            ("2004-02-29", "2022-02-28", false, true),  // born 29/02: full 18 on 28/02 of a common year
            ("2004-02-29", "2022-02-27", false, false),
            ("1964-03-15", "2024-03-15", false, true),  // exactly 60
            ("1964-03-15", "2024-04-14", false, true),  // 60 years, 0 full months beyond
            ("1964-03-15", "2024-04-15", false, false),  // 60 years and one month
            ("1964-03-15", "2024-04-15", true, true),  // … with the written consent
            ("1950-01-01", "2024-03-15", true, true),
            ("2010-01-01", "2024-03-15", true, false),  // consent does not help the young
        ])
    func candidateAge(birth: String, on: String, consent: Bool, accepted: Bool) {
        let refusal = Admission.candidateAge(birthDate: Self.date(birth), on: Self.date(on), hasProvincialConsent: consent)
        #expect((refusal == nil) == accepted, "\(refusal?.vi ?? "accepted")")
    }

    @Test("the age refusals say the age found and the rule")
    func ageMessages() {
        let young = Admission.candidateAge(birthDate: Self.date("2006-03-15"), on: Self.date("2024-03-14"))
        #expect(young?.vi.contains("17 tuổi 11 tháng") == true)
        #expect(young?.vi.contains("đủ 18 tuổi") == true)
        #expect(young?.vi.contains("14/03/2024") == true)
        #expect(young?.en.contains("17 years 11 months") == true)
        let old = Admission.candidateAge(birthDate: Self.date("1964-03-15"), on: Self.date("2024-04-15"))
        #expect(old?.vi.contains("60 tuổi 1 tháng") == true)
        #expect(old?.vi.contains("đồng ý bằng văn bản") == true)
    }

    @Test("the age limits are parameters")
    func ageParameters() {
        #expect(Admission.candidateAge(birthDate: Self.date("2007-01-01"), on: Self.date("2024-03-15"), minimumYears: 17) == nil)
        #expect(Admission.candidateAge(birthDate: Self.date("1960-01-01"), on: Self.date("2024-03-15"), maximumYears: 65) == nil)
    }

    // MARK: Introducers — two full members who have worked with the candidate for 12 months

    static let considered = date("2024-06-01")
    static let anh = Introducer.member("Nguyễn Văn Anh", isFull: true, workedTogetherSince: date("2020-01-01"))
    static let binh = Introducer.member("Trần Thị Bình", isFull: true, workedTogetherSince: date("2023-06-01"))  // exactly 12 months
    static let cuong = Introducer.member("Lê Văn Cường", isFull: true, workedTogetherSince: date("2023-06-02"))  // 11 months 30 days
    static let dung = Introducer.member("Phạm Văn Dũng", isFull: false, workedTogetherSince: date("2020-01-01"))  // probationary
    static let em = Introducer.member("Hoàng Thị Em", isFull: true, workedTogetherSince: nil)
    static let youthUnion = Introducer.committee(.youthUnionCommittee, name: "Ban Chấp hành Đoàn trường")
    static let tradeUnion = Introducer.committee(.tradeUnionCommittee, name: "Ban Chấp hành Công đoàn cơ sở")

    @Test(
        "two full members with 12 months together, or a union committee and one such member, are enough",
        arguments: [[anh, binh], [binh, anh], [youthUnion, anh], [anh, tradeUnion]])
    func validIntroducers(introducers: [Introducer]) {
        #expect(Admission.introducers(introducers, on: Self.considered).isEmpty)
    }

    @Test(
        "each failing introducer is named with what is wrong",
        arguments: [
            ([anh, cuong], ["Lê Văn Cường", "11 tháng", "12 tháng"]),
            ([anh, dung], ["Phạm Văn Dũng", "chưa là đảng viên chính thức"]),
            ([anh, em], ["Hoàng Thị Em", "từ ngày nào"]),
        ])
    func failingIntroducer(introducers: [Introducer], fragments: [String]) {
        let problems = Admission.introducers(introducers, on: Self.considered)
        #expect(problems.count == 1)
        for fragment in fragments {
            #expect(problems.first?.vi.contains(fragment) == true, "\(problems.first?.vi ?? "") lacks \(fragment)")
        }
        #expect(problems.first?.vi.contains("Nguyễn Văn Anh") == false)
    }

    @Test(
        "exactly two introducers, at most one of them a committee",
        arguments: [([anh], 1), ([anh, binh, anh], 1), ([], 1), ([youthUnion, tradeUnion], 1), ([youthUnion], 1), ([dung, cuong, em], 4)])
    func introducerCount(introducers: [Introducer], problems: Int) {
        #expect(Admission.introducers(introducers, on: Self.considered).count == problems)
    }

    @Test(
        "the Youth Union committee introduces only a candidate of youth age (up to 30)",
        arguments: [(30, 0), (31, 1), (nil, 0)] as [(Int?, Int)])
    func youthUnionAge(age: Int?, problems: Int) {
        #expect(Admission.introducers([Self.youthUnion, Self.anh], on: Self.considered, candidateAge: age).count == problems)
        #expect(Admission.introducers([Self.tradeUnion, Self.anh], on: Self.considered, candidateAge: age).isEmpty)
    }

    @Test("an unnamed introducer is called by position")
    func unnamedIntroducer() {
        let unnamed = Introducer.member(" ", isFull: false, workedTogetherSince: Self.date("2020-01-01"))
        #expect(Admission.introducers([Self.anh, unnamed], on: Self.considered).first?.vi.contains("#2") == true)
    }

    // MARK: The cell's resolution — at least 2/3 of its full members

    @Test(
        "the resolution needs inFavour × 3 ≥ fullMembers × 2",
        arguments: [
            (9, 6, true), (9, 5, false), (8, 6, true), (8, 5, false), (3, 2, true), (3, 1, false), (1, 1, true), (1, 0, false),
            (12, 8, true), (12, 7, false), (0, 0, false), (5, 6, false),
        ])
    func cellVote(fullMembers: Int, inFavour: Int, passes: Bool) {
        #expect((Admission.cellVote(fullMembers: fullMembers, inFavour: inFavour) == nil) == passes)
    }

    @Test("a short vote says how many were needed")
    func cellVoteMessage() {
        let refusal = Admission.cellVote(fullMembers: 8, inFavour: 5)
        #expect(refusal?.vi.contains("hai phần ba") == true)
        #expect(refusal?.vi.contains("6/8") == true)
        #expect(refusal?.vi.contains("mới có 5") == true)
    }

    // MARK: Ceremony — within 30 working days of the decision

    @Test(
        "the ceremony deadline is the 30th working day after the decision, holidays skipped",
        arguments: [
            ("2024-03-01", "2024-04-12"),
            ("2024-01-25", "2024-03-12"),  // across Tết Giáp Thìn: 09–13/02/2024 off
            ("2025-03-20", "2025-05-06"),  // across Giỗ Tổ, 30/4 and 1/5 of 2025
        ])
    func ceremonyDeadline(decision: String, deadline: String) {
        #expect(Admission.ceremonyDeadline(decisionDate: Self.date(decision)) == Self.date(deadline))
    }

    @Test(
        "a ceremony before the decision is refused; after the deadline it is a warning; on the deadline it is on time",
        arguments: [
            ("2024-01-24", .refusal),
            ("2024-01-25", nil),
            ("2024-03-12", nil),
            ("2024-03-13", .warning),
            ("2024-06-01", .warning),
        ] as [(String, AdmissionFinding.Severity?)])
    func ceremonyCheck(ceremony: String, severity: AdmissionFinding.Severity?) {
        let finding = Admission.checkCeremony(decision: Self.date("2024-01-25"), ceremony: Self.date(ceremony))
        #expect(finding?.severity == severity)
        if severity == .warning { #expect(finding?.message.vi.contains("12/03/2024") == true) }
    }

    // MARK: Probation and recognition

    @Test(
        "probation lasts 12 months from the ceremony; full membership dates from its end",
        arguments: [("2024-03-15", "2025-03-15"), ("2024-02-29", "2025-02-28"), ("2023-12-31", "2024-12-31")])
    func probation(ceremony: String, end: String) {
        let probationEnd = Admission.probationEnd(ceremony: Self.date(ceremony))
        #expect(probationEnd == Self.date(end))
        #expect(Admission.fullMembershipDate(probationEnd: probationEnd) == Self.date(end))
    }

    @Test(
        "recognition is due from the end of probation to the 30th working day after it, then overdue",
        arguments: [
            ("2025-03-14", RecognitionStatus.notYetDue),
            ("2025-03-15", .due),
            ("2025-04-28", .due),  // the 30th working day (07/04/2025, Giỗ Tổ, skipped)
            ("2025-04-29", .overdue),
            ("2026-01-01", .overdue),
        ])
    func recognition(today: String, status: RecognitionStatus) {
        #expect(Admission.recognitionDeadline(probationEnd: Self.date("2025-03-15")) == Self.date("2025-04-28"))
        #expect(Admission.recognitionStatus(probationEnd: Self.date("2025-03-15"), today: Self.date(today)) == status)
    }

    // MARK: Stages

    @Test("the stages follow one another from quần chúng ưu tú to full member")
    func stages() {
        var chain: [AdmissionStage] = [.outstanding]
        while let next = chain.last?.nextStage { chain.append(next) }
        #expect(chain == AdmissionStage.allCases)
        #expect(chain.count == 7)
        #expect(AdmissionStage.recognized.nextStage == nil)
        #expect(AdmissionStage.outstanding.label.vi == "Quần chúng ưu tú")
        #expect(AdmissionStage.ceremonyHeld.label.vi == "Đảng viên dự bị")
        #expect(AdmissionStage.recognized.label.vi == "Đảng viên chính thức")
        #expect(Set(AdmissionStage.allCases.map(\.label.vi)).count == 7)
    }

    @Test(
        "stages parse from their key or Vietnamese label",
        arguments: [
            ("cell_approved", AdmissionStage.cellApproved), ("Quần chúng ưu tú", .outstanding), ("dang vien du bi", .ceremonyHeld),
            ("ĐẢNG VIÊN CHÍNH THỨC", .recognized),
        ])
    func stageParsing(text: String, stage: AdmissionStage) {
        #expect(AdmissionStage.parse(text) == stage)
    }
}
