/// Texts of the briefing report (DOMAIN.md §5, issue 7).
extension Catalogue {
    public static func periodYear(_ y: Int) -> Localized { t("năm \(y)", "the year \(y)") }
    public static func periodHalf(_ h: Int, _ y: Int) -> Localized {
        h == 1 ? t("6 tháng đầu năm \(y)", "the first half of \(y)") : t("6 tháng cuối năm \(y)", "the second half of \(y)")
    }
    public static func periodQuarter(_ q: Int, _ y: Int) -> Localized {
        let roman = ["I", "II", "III", "IV"][q - 1]
        return t("quý \(roman)/\(y)", "Q\(q) \(y)")
    }
    public static func periodMonth(_ m: Int, _ y: Int) -> Localized { t("tháng \(m)/\(y)", "\(y)-\(m < 10 ? "0" : "")\(m)") }
    public static func periodRange(_ fromVi: String, _ toVi: String, _ fromEn: String, _ toEn: String) -> Localized {
        t("từ ngày \(fromVi) đến ngày \(toVi)", "from \(fromEn) to \(toEn)")
    }
    public static func periodInvalid(_ text: String) -> Localized {
        t(
            "Kỳ báo cáo “\(text)” không hợp lệ: ghi năm (2022), tháng (2023-06), 6 tháng (2023-H1), quý (2023-Q3) hoặc khoảng ngày (2023-01-01..2023-03-31).",
            "“\(text)” is not a report period: write a year (2022), a month (2023-06), a half (2023-H1), a quarter (2023-Q3) or a range of dates (2023-01-01..2023-03-31).")
    }
}

extension Catalogue {
    public static func reportUnitMissing(_ code: String, _ date: String) -> Localized {
        t("Tổ chức \(code) không tồn tại vào ngày \(date), ngày cuối của kỳ báo cáo.", "The unit \(code) did not exist on \(date), the last day of the period.")
    }
    public static let reportsArea = t("Báo cáo giao ban", "Briefing reports")
    public static let reportPeriod = t("Kỳ báo cáo", "Period")
    public static let reportPeriodHelp = t(
        "Năm (2022), tháng (2023-06), 6 tháng (2023-H1), quý (2023-Q3) hoặc khoảng ngày (2023-01-01..2023-03-31).",
        "A year (2022), a month (2023-06), a half (2023-H1), a quarter (2023-Q3) or a range of dates (2023-01-01..2023-03-31).")
    public static func reportTitle(_ unit: String, _ period: Localized) -> Localized {
        t("Báo cáo giao ban \(period.vi) — \(unit)", "Briefing report, \(period.en) — \(unit)")
    }
    public static let reportFigure = t("Chỉ tiêu", "Figure")
    public static let reportValue = t("Số liệu", "Value")
    public static let reportDefinition = t("Cách tính", "Definition")
    public static let reportDownloadJSON = t("Tải số liệu (JSON)", "Download figures (JSON)")
    public static let figureCellsWithCommittee = t("Chi bộ có cấp ủy", "Cells with a committee")
    public static let figureAdmitted = t("Kết nạp đảng viên mới", "New members admitted")
    public static let figureRecognized = t("Công nhận đảng viên chính thức", "Recognized as full members")
    public static let figureTransferredOut = t("Chuyển sinh hoạt đảng chính thức ra ngoài", "Transferred out")
    public static let figureLeft = t("Ra khỏi Đảng, từ trần", "Left the Party, deceased")
    public static let figureNewUnitsNonState = t(
        "Tổ chức cơ sở đảng mới thành lập trong doanh nghiệp ngoài khu vực nhà nước", "New base units in non-state enterprises")
    public static let figureApprovals = t("Phê duyệt cán bộ theo diện quản lý", "Cadre approvals by managing level")
    public static let figureTrained = t("Cán bộ được cử đi đào tạo, bồi dưỡng", "People sent to training")
    public static let definitionTrained = t(
        "Lượt học viên do tổ chức trong phạm vi cử đi, ở các lớp khai giảng trong kỳ (nơi tổ chức lớp ở đâu cũng được).",
        "Trainees sent by units of the subtree to courses that started in the period (wherever organized).")
    public static let figureCourses = t("Lớp đào tạo, bồi dưỡng tổ chức trong kỳ", "Courses organized")
    public static let definitionCourses = t(
        "Lớp do tổ chức trong phạm vi mở, khai giảng trong kỳ (không kể lớp đã hủy), và số học viên của các lớp đó.",
        "Courses organized by the subtree that started in the period (cancelled ones aside), and their trainees.")
    public static func coursesAndTrainees(_ courses: Int, _ trainees: Int) -> Localized {
        t("\(VietnameseFormat.integer(courses)) lớp, \(VietnameseFormat.integer(trainees)) học viên", "\(EnglishFormat.integer(courses)) courses, \(EnglishFormat.integer(trainees)) trainees")
    }
    public static let figureVettingConcluded = t("Thẩm định tiêu chuẩn chính trị (trường hợp đã kết luận)", "Vetting cases concluded")
    public static let definitionVettingConcluded = t(
        "Hồ sơ thẩm định do tổ chức trong phạm vi xử lý, có ngày kết luận trong kỳ.", "Cases handled in the subtree with a conclusion date in the period.")
    public static let figureRatings = t("Xếp loại chất lượng đảng viên", "Members' classification")
    public static let figureRatingsUnits = t("Xếp loại chất lượng tổ chức đảng", "Organizations' classification")
    public static let definitionRatings = t(
        "Kết quả xếp loại của kỳ đánh giá: quý (nếu kỳ báo cáo là quý), nếu không thì năm của ngày cuối kỳ; tính theo tổ chức đảng đánh giá.",
        "Ratings of the review period: the quarter for a quarter, else the year of the period's last day; by the unit that rated.")
    public static let definitionCells = t(
        "Chi bộ tồn tại vào ngày cuối kỳ; trong đó số chi bộ có cấp ủy.", "Cells existing on the period's last day; of them, those with a committee.")
    public static let definitionAdmitted = t(
        "Số đảng viên có ngày vào Đảng trong kỳ, tính theo tổ chức đảng sinh hoạt khi đó; so với cùng kỳ năm trước.",
        "Members whose admission date lies in the period, by the unit they belonged to then; compared with the same period a year earlier.")
    public static let definitionRecognized = t(
        "Số đảng viên có ngày chính thức trong kỳ, tính theo tổ chức đảng sinh hoạt khi đó.",
        "Members whose recognition date lies in the period, by the unit they belonged to then.")
    public static let definitionLeft = t(
        "Biến động trong kỳ (khai trừ, xóa tên, xin ra, từ trần; chuyển đi), tính theo tổ chức đảng nơi đảng viên rời đi.",
        "Events in the period (expelled, removed, resigned, deceased; transferred out), by the unit the member left.")
    public static let definitionNewUnits = t(
        "Tổ chức cơ sở đảng thuộc khu vực doanh nghiệp ngoài nhà nước có ngày thành lập trong kỳ, còn tồn tại vào ngày cuối kỳ.",
        "Base units of the non-state enterprise sector founded in the period and existing on its last day.")
    public static let definitionApprovals = t(
        "Chức vụ có ngày phê duyệt trong kỳ (và quyết định chấm dứt chức vụ được phê duyệt), theo diện quản lý.",
        "Positions approved in the period (and approved decisions ending a position), by managing level.")
    public static func sentenceAdmitted(_ n: Int, _ previous: Int, _ previousLabel: Localized) -> Localized {
        let diff = n - previous
        let vi = diff == 0 ? "bằng" : (diff > 0 ? "tăng \(VietnameseFormat.integer(diff)) so với" : "giảm \(VietnameseFormat.integer(-diff)) so với")
        let en = diff == 0 ? "the same as" : (diff > 0 ? "\(EnglishFormat.integer(diff)) more than" : "\(EnglishFormat.integer(-diff)) fewer than")
        return t(
            "Kết nạp \(VietnameseFormat.integer(n)) đảng viên mới, \(vi) \(previousLabel.vi) (\(VietnameseFormat.integer(previous))).",
            "\(EnglishFormat.integer(n)) new members admitted, \(en) in \(previousLabel.en) (\(EnglishFormat.integer(previous))).")
    }
}

/// The report as a document: sections and sentences in the form of the seeds.
extension Catalogue {
    public static let figureCells = t("Chi bộ (trực thuộc)", "Cells")
    public static let figureCoursesOnly = t("Lớp đào tạo, bồi dưỡng tổ chức", "Courses organized")
    public static let figureCourseTrainees = t("Học viên các lớp tổ chức", "Trainees of the courses organized")
    public static let reportFigureKey = t("Mã chỉ tiêu", "Key")
    public static let reportYearEarlier = t("Cùng kỳ năm trước", "A year earlier")
    public static let reportFiguresTable = t("Bảng số liệu", "Figures")
    public static let reportPrintable = t("Bản in", "Printable")
    public static let downloadPDF = t("Tải PDF", "Download PDF")
    public static let downloadDOCX = t("Tải về Word (.docx)", "Download Word (.docx)")
    public static let reportDefinitionsHelp = t(
        "Mỗi số liệu tính từ hồ sơ trong hệ thống theo định nghĩa của nó (xem API /api/v1/units/{mã}/report); bấm vào số liệu để xem các hồ sơ.",
        "Each figure is counted from the records by its definition (see the API /api/v1/units/{code}/report); follow a figure to its records.")
    public static let reportFiguresSheet = t("So lieu", "Figures")
    public static let reportTextSheet = t("Bao cao", "Report")
    public static let sectionOrganization = t("I. Công tác tổ chức, xây dựng tổ chức đảng", "I. Party organizations")
    public static let sectionMembers = t("II. Công tác đảng viên", "II. Party members")
    public static let sectionCadres = t("III. Công tác cán bộ", "III. Cadre work")
    public static let sectionCongress = t("IV. Đại hội đảng bộ các cấp", "IV. Congresses")
    public static let sectionAssessment = t("V. Đánh giá, xếp loại chất lượng", "V. Classification")
    public static func congressOf(_ kind: Localized) -> Localized { t("Đại hội — \(kind.vi)", "Congresses — \(kind.en)") }
    public static func congressHeldLine(_ l: Localized) -> Localized { t("\(l.vi): đã tổ chức", "\(l.en): held") }
    public static func congressTotalLine(_ l: Localized) -> Localized { t("\(l.vi): tổng số tổ chức", "\(l.en): units") }
    public static func congressPilotLine(_ l: Localized) -> Localized { t("\(l.vi): đại hội điểm", "\(l.en): pilot") }
    public static func congressDirectLine(_ l: Localized) -> Localized { t("\(l.vi): bầu trực tiếp bí thư", "\(l.en): secretary elected directly") }
    public static func approvalsOf(_ level: Localized) -> Localized { t("Phê duyệt cán bộ diện \(level.vi) quản lý", "Approvals, managed by \(level.en)") }
    public static func ratingsOf(_ subject: Localized, _ rating: Localized) -> Localized { t("\(subject.vi): \(rating.vi.lowercased())", "\(subject.en): \(rating.en.lowercased())") }
    public static func reportSubtitle(_ from: String, _ to: String, _ who: String, _ when: String) -> Localized {
        t("Số liệu từ ngày \(from) đến ngày \(to); lập bởi \(who) lúc \(when).", "Figures from \(from) to \(to); prepared by \(who) at \(when).")
    }
    public static func sentenceCells(_ withCommittee: Int, _ cells: Int) -> Localized {
        t("Toàn đảng bộ có \(VietnameseFormat.ratio(withCommittee, cells)) chi bộ có cấp ủy.", "\(EnglishFormat.ratio(withCommittee, cells)) cells have an elected committee.")
    }
    public static func sentenceNewUnits(_ n: Int) -> Localized {
        t(
            "Thành lập mới \(VietnameseFormat.integer(n)) tổ chức cơ sở đảng trong doanh nghiệp ngoài khu vực nhà nước.",
            "\(EnglishFormat.integer(n)) new base units founded in non-state enterprises.")
    }
    public static func sentenceRecognized(_ n: Int) -> Localized {
        t("Công nhận \(VietnameseFormat.integer(n)) đảng viên chính thức.", "\(EnglishFormat.integer(n)) members recognized as full members.")
    }
    public static func sentenceLeft(transferredOut: Int, left: [String: Int]) -> Localized {
        let vi = VietnameseFormat.integer
        let en = EnglishFormat.integer
        let l = { (k: MemberEventKind) in left[k.rawValue] ?? 0 }
        return t(
            "Chuyển sinh hoạt đảng chính thức ra ngoài \(vi(transferredOut)) đảng viên; khai trừ \(vi(l(.expelled))), xóa tên \(vi(l(.removed))), xin ra khỏi Đảng \(vi(l(.resigned))); từ trần \(vi(l(.deceased))) đảng viên.",
            "\(en(transferredOut)) members transferred out; \(en(l(.expelled))) expelled, \(en(l(.removed))) removed, \(en(l(.resigned))) resigned; \(en(l(.deceased))) deceased.")
    }
    public static func sentenceApprovals(_ approvals: [String: Int]) -> Localized {
        let total = approvals.values.reduce(0, +)
        let vi = ManagementLevel.allCases.map { "diện \($0.label.vi) quản lý \(VietnameseFormat.integer(approvals[$0.rawValue] ?? 0))" }.joined(separator: ", ")
        let en = ManagementLevel.allCases.map { "\($0.label.en) \(EnglishFormat.integer(approvals[$0.rawValue] ?? 0))" }.joined(separator: ", ")
        return t("Phê duyệt \(VietnameseFormat.integer(total)) lượt cán bộ (\(vi)).", "\(EnglishFormat.integer(total)) cadre approvals (\(en)).")
    }
    public static func sentenceTraining(_ trained: Int, _ courses: Int, _ trainees: Int) -> Localized {
        t(
            "Cử \(VietnameseFormat.integer(trained)) cán bộ đi đào tạo, bồi dưỡng; tổ chức \(VietnameseFormat.integer(courses)) lớp với \(VietnameseFormat.integer(trainees)) học viên.",
            "\(EnglishFormat.integer(trained)) people sent to training; \(EnglishFormat.integer(courses)) courses organized with \(EnglishFormat.integer(trainees)) trainees.")
    }
    public static func sentenceVetting(_ n: Int) -> Localized {
        t("Thẩm định tiêu chuẩn chính trị \(VietnameseFormat.integer(n)) trường hợp.", "\(EnglishFormat.integer(n)) political-standard vetting cases concluded.")
    }
    public static func sentenceRatings(_ subject: Localized, _ counts: [String: Int], _ period: Localized) -> Localized {
        let total = counts.values.reduce(0, +)
        let vi = Rating.allCases.map { "\($0.label.vi.lowercased()) \(VietnameseFormat.ratio(counts[$0.rawValue] ?? 0, total))" }.joined(separator: "; ")
        let en = Rating.allCases.map { "\($0.label.en.lowercased()) \(EnglishFormat.ratio(counts[$0.rawValue] ?? 0, total))" }.joined(separator: "; ")
        return t("\(subject.vi) (xếp loại \(period.vi)): \(vi).", "\(subject.en) (review of \(period.en)): \(en).")
    }
}

/// The dashboard (issue 7).
extension Catalogue {
    public static func ageBand(_ b: AgeBand) -> Localized {
        switch b {
        case .under30: return t("Dưới 30 tuổi", "Under 30")
        case .from30: return t("Từ 30 đến 39", "30–39")
        case .from40: return t("Từ 40 đến 49", "40–49")
        case .from50: return t("Từ 50 đến 59", "50–59")
        case .from60: return t("Từ 60 tuổi", "60 and over")
        }
    }
    public static func dashboardMonth(_ period: Localized) -> Localized { t("Trong \(period.vi)", "In \(period.en)") }
    public static let dashboardWaiting = t("Việc cần xử lý", "Waiting")
    public static let dashboardMembers = t("Đảng viên", "Members")
    public static let chartAges = t("Đảng viên theo độ tuổi và giới tính", "Members by age band and gender")
    public static let chartAdmissions = t("Kết nạp đảng viên theo năm", "Admissions per year")
    public static func chartRatings(_ year: Int) -> Localized { t("Xếp loại đảng viên năm \(year)", "Members' classification \(year)") }
    public static let fullReport = t("Xem báo cáo giao ban", "Open the briefing report")
}
