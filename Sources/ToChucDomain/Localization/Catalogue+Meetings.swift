/// Texts of cell meetings and party dues (DOMAIN.md §4; Điều lệ Đảng, Điều 8; issue 6).
extension Catalogue {
    public static func meetingKind(_ k: MeetingKind) -> Localized {
        switch k {
        case .monthly: return t("Sinh hoạt thường kỳ", "Monthly meeting")
        case .thematic: return t("Sinh hoạt chuyên đề", "Thematic meeting")
        }
    }
    public static func attendance(_ a: Attendance) -> Localized {
        switch a {
        case .present: return t("Có mặt", "Present")
        case .excused: return t("Vắng có lý do", "Excused")
        case .absent: return t("Vắng không lý do", "Absent")
        }
    }
    /// The grid's one-letter key: C có mặt, P vắng có phép, K vắng không phép.
    public static func attendanceLetter(_ a: Attendance) -> String {
        switch a {
        case .present: return "C"
        case .excused: return "P"
        case .absent: return "K"
        }
    }
    public static func monthName(_ m: Int) -> Localized {
        t("Tháng \(m)", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m - 1) % 12])
    }
    public static func monthShort(_ m: Int) -> Localized {
        t("T\(m)", ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][(m - 1) % 12])
    }

    // MARK: Refusals
    public static let meetingNotFound = t("Không tìm thấy buổi sinh hoạt.", "Meeting not found.")
    public static let meetingUnitKind = t(
        "Chỉ chi bộ (chi bộ trực thuộc hoặc chi bộ cơ sở) tổ chức sinh hoạt chi bộ và thu đảng phí.",
        "Only a cell (or a base cell) holds cell meetings and collects dues.")
    public static let meetingTopicsTooLong = t("Nội dung tối đa 4.000 ký tự.", "Topics: at most 4,000 characters.")
    public static let meetingResolutionTooLong = t("Nghị quyết tối đa 20.000 ký tự.", "Resolution: at most 20,000 characters.")
    public static func attendanceUnknown(_ name: String, _ text: String) -> Localized {
        t(
            "\(name): “\(text)” không phải mức tham dự (C: có mặt, P: vắng có lý do, K: vắng không lý do).",
            "\(name): “\(text)” is not an attendance (C present, P excused, K absent).")
    }
    public static let attendanceBeforeMeeting = t(
        "Chưa đến ngày sinh hoạt: chỉ ghi điểm danh sau khi buổi sinh hoạt diễn ra.",
        "The meeting has not happened yet: attendance is recorded afterwards.")
    public static func notInCell(_ key: String) -> Localized {
        t("“\(key)” không phải đảng viên của chi bộ.", "“\(key)” is not a member of the cell.")
    }
    public static func duesInvalid(_ name: String, _ month: Int, _ text: String) -> Localized {
        t(
            "\(name), tháng \(month): “\(text)” không hợp lệ — ghi x (đã đóng), số tiền (25.000) hoặc 0 (không đóng); để trống nếu chưa ghi.",
            "\(name), month \(month): “\(text)” is not valid — write x (paid), the amount (25000) or 0 (not paid); leave empty if not recorded.")
    }
    public static func duesFutureMonth(_ name: String, _ month: Int) -> Localized {
        t(
            "\(name), tháng \(month): tháng chưa đến, chưa ghi được là không đóng.",
            "\(name), month \(month): the month has not begun; it cannot be marked unpaid.")
    }
    public static let meetingYearInvalid = t("Năm phải từ 1930 đến 2100.", "The year must be from 1930 to 2100.")
    public static let meetingStale = t(
        "Chưa lưu: buổi sinh hoạt đã được người khác sửa sau khi anh/chị mở trang.", "Not saved: someone changed the meeting since you opened it.")
    public static let duesStale = t(
        "Chưa lưu: một số ô đã được người khác sửa sau khi anh/chị mở trang. Tải lại trang rồi nhập lại.",
        "Not saved: someone changed some cells since you opened the page. Reload, then enter again.")
    public static let duesRefused = t("Chưa lưu: có ô chưa đúng.", "Nothing saved: some cells are wrong.")
}

extension Catalogue {
    // MARK: Pages
    public static let meetingsArea = t("Sinh hoạt chi bộ", "Cell meetings")
    public static let meetingCell = t("Chi bộ", "Cell")
    public static let meetingYear = t("Năm", "Year")
    public static let meetingDate = t("Ngày sinh hoạt", "Date")
    public static let meetingKindLabel = t("Hình thức", "Kind")
    public static let meetingTopics = t("Nội dung sinh hoạt", "Topics")
    public static let meetingResolution = t("Nghị quyết (văn bản)", "Resolution (text)")
    public static let meetingNew = t("Thêm buổi sinh hoạt", "New meeting")
    public static let meetingCalendar = t("Lịch sinh hoạt trong năm", "Calendar of the year")
    public static let meetingList = t("Các buổi sinh hoạt", "Meetings")
    public static let meetingNoRegular = t("chưa có sinh hoạt thường kỳ", "no monthly meeting")
    public static let meetingScheduled = t("dự kiến", "scheduled")
    public static let meetingAttendanceTitle = t("Điểm danh", "Attendance")
    public static let meetingAttendanceHelp = t(
        "Chọn bằng một phím cho từng đảng viên (C: có mặt, P: vắng có lý do, K: vắng không lý do) rồi Tab sang dòng sau; lý do vắng ghi ở cột bên cạnh.",
        "Pick with one key per member (C present, P excused, K absent), Tab to the next line; the reason goes in the next column.")
    public static let meetingReason = t("Lý do vắng", "Reason")
    public static func attendanceOf(_ name: String) -> Localized { t("Điểm danh của \(name)", "Attendance of \(name)") }
    public static let meetingCounts = t("Tổng hợp điểm danh", "Attendance counts")
    public static let meetingCreated = t("Đã thêm buổi sinh hoạt.", "Meeting created.")
    public static let meetingSaved = t("Đã lưu.", "Saved.")
    public static let duesTitle = t("Sổ thu đảng phí", "Party dues")
    public static func duesTitleOf(_ unit: String, _ year: Int) -> Localized {
        t("Sổ thu đảng phí — \(unit), năm \(year)", "Party dues — \(unit), \(year)")
    }
    public static let duesHelp = t(
        "Mỗi ô một tháng: x (đã đóng) hoặc số tiền đã đóng (25.000); 0 là không đóng; để trống nếu chưa ghi. Tab sang ô sau.",
        "One cell per month: x (paid) or the amount paid (25000); 0 for not paid; empty when not recorded. Tab to the next cell.")
    public static func duesOf(_ name: String, _ month: Int) -> Localized {
        t("Đảng phí tháng \(month) của \(name)", "Dues of \(name), month \(month)")
    }
    public static let duesSaved = t("Đã lưu sổ thu đảng phí.", "Dues saved.")
    public static let flaggedTitle = t("Đảng viên bỏ sinh hoạt hoặc không đóng đảng phí", "Members missing meetings or dues")
    public static func flaggedHelp(_ months: Int, _ regulation: String) -> Localized {
        t(
            "Đảng viên trong năm có từ \(months) tháng trở lên (không cần liên tiếp) vắng sinh hoạt thường kỳ không có lý do hoặc không đóng đảng phí; chi bộ xem xét, đề nghị xóa tên (\(regulation), Điều 8). Vắng có lý do không tính.",
            "Members who in the year had \(months) or more months (not necessarily in a row) of absence without good reason from the monthly meeting or of unpaid dues; the cell considers proposing removal from the list (\(regulation), Article 8). Excused absences do not count."
        )
    }
    public static let flaggedAbsences = t("Tháng vắng không lý do", "Months absent")
    public static let flaggedUnpaid = t("Tháng không đóng đảng phí", "Months unpaid")
    public static let flaggedMonths = t("Số tháng", "Months")
    public static let flaggedSheetName = t("Đảng viên cần xem xét", "Members flagged")
    public static let meetingMembers = t("Đảng viên", "Members")
    public static let meetingEdit = t("Sửa buổi sinh hoạt", "Edit the meeting")
}
