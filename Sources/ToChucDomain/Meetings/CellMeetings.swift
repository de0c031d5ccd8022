/// Cell meetings (sinh hoạt chi bộ, DOMAIN.md §4): monthly and thematic meetings with their attendance, and party dues
/// (đảng phí) per member and month; a member who misses meetings or dues without good reason for the rule's number of
/// months in a year is flagged (Điều lệ Đảng, Điều 8), so that the cell considers proposing removal from the list.

/// A meeting's kind: the regular monthly meeting (sinh hoạt thường kỳ) or a thematic one (sinh hoạt chuyên đề).
public enum MeetingKind: String, Sendable, CaseIterable, Codable {
    case monthly
    case thematic

    public var label: Localized { Catalogue.meetingKind(self) }
}

/// A member's attendance at a meeting: present, absent with good reason (excused), absent without.
public enum Attendance: String, Sendable, CaseIterable, Codable {
    case present
    case excused
    case absent

    public var label: Localized { Catalogue.attendance(self) }
    /// The grid's key: C (có mặt), P (vắng có phép), K (vắng không phép).
    public var letter: String { Catalogue.attendanceLetter(self) }

    /// The key, the Vietnamese label or the letter, case and accents ignored.
    public static func parse(_ text: String) -> Attendance? { byFolded[VietnameseText.fold(text)] }

    private static let byFolded: [String: Attendance] = Dictionary(
        allCases.flatMap { a in [(a.rawValue, a), (VietnameseText.fold(a.label.vi), a), (VietnameseText.fold(a.letter), a)] },
        uniquingKeysWith: { first, _ in first })
}

/// A calendar month: what dues are paid for.
public struct YearMonth: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int

    public init?(year: Int, month: Int) {
        guard (1930...2100).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// `2026-03`.
    public init?(parsing text: String) {
        let parts = text.trimmed.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(year: y, month: m)
    }

    public init(_ date: CivilDate) {
        year = date.year
        month = date.month
    }

    /// `2026-03`, as stored.
    public var key: String { String(year) + "-" + (month < 10 ? "0" : "") + String(month) }
    public var description: String { key }
    public var firstDay: CivilDate { CivilDate(year: year, month: month, day: 1)! }
    public var lastDay: CivilDate { CivilDate(year: year, month: month, day: CivilDate.daysIn(month: month, year: year))! }

    public static func < (a: YearMonth, b: YearMonth) -> Bool { (a.year, a.month) < (b.year, b.month) }
}

/// A month's dues as recorded: paid (with the amount when known) or not paid. No record means "not entered".
public enum DuesMark: Sendable, Hashable {
    case paid(amount: Int?)
    case unpaid

    public var isPaid: Bool { if case .paid = self { return true } else { return false } }

    /// What a grid cell shows: the amount (`25.000`), `x` for paid without an amount, `0` for not paid.
    public var text: String {
        switch self {
        case .paid(let amount?): return VietnameseFormat.integer(amount)
        case .paid(nil): return "x"
        case .unpaid: return "0"
        }
    }

    /// A cell as typed: empty (nothing recorded), `x` (or ✓, v, đ) for paid, an amount in đồng (`25000`, `25.000`) for
    /// paid, `0` or `-` for not paid.
    public enum Parsed: Sendable, Hashable {
        case empty
        case mark(DuesMark)
        case invalid
    }

    /// The largest amount a month's dues may be recorded at, in đồng.
    public static let maximumAmount = 100_000_000

    public static func parse(_ text: String) -> Parsed {
        let t = text.trimmed.lowercased()
        if t.isEmpty { return .empty }
        if ["x", "✓", "v", "đ", "d", "co", "có"].contains(t) { return .mark(.paid(amount: nil)) }
        if ["0", "-", "k", "khong", "không"].contains(t) { return .mark(.unpaid) }
        let digits = t.filter { $0 != "." && $0 != " " && $0 != "," }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits), n > 0, n <= maximumAmount
        else { return .invalid }
        return .mark(.paid(amount: n))
    }
}

/// Where a member stands in a year: the months missed, and whether that reaches the rule.
public struct MemberStanding: Sendable, Hashable {
    /// Months (1–12) with an absence without good reason from the month's regular meeting.
    public let absenceMonths: [Int]
    /// Months recorded as not paid.
    public let unpaidMonths: [Int]
    /// The months that count: either or both, each month once.
    public let months: [Int]
    /// The months that flag a member (`CellMeetingRules.flagMonths`).
    public let flagMonths: Int

    public var isFlagged: Bool { months.count >= flagMonths }
}

/// The flag of Điều lệ Đảng, Điều 8 as a plain function.
public enum CellMeetingStanding {
    /// A member's standing in a year from the months of absence without good reason from the regular (monthly)
    /// meeting and the months recorded as unpaid: a month counts once whatever happened in it; the months need not be
    /// consecutive ("ba tháng trong năm"); excused absences and thematic meetings are not passed in, so never count.
    public static func standing(absenceMonths: Set<Int>, unpaidMonths: Set<Int>, rules: CellMeetingRules) -> MemberStanding {
        let valid = Set(1...12)
        let absences = absenceMonths.intersection(valid)
        let unpaid = unpaidMonths.intersection(valid)
        return MemberStanding(
            absenceMonths: absences.sorted(), unpaidMonths: unpaid.sorted(), months: absences.union(unpaid).sorted(), flagMonths: rules.flagMonths)
    }
}
