import Foundation

/// UTC instants stored as ISO 8601 text with milliseconds (`2026-11-22T08:05:03.120Z`):
/// they sort correctly as text and read the same in SQLite and PostgreSQL.
public enum Timestamp {
    public static func now() -> String { string(Date()) }

    public static func string(_ date: Date) -> String {
        let ms = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let (days, msOfDay) = ms.quotientAndRemainder(dividingBy: 86_400_000)
        let (dayShift, msInDay) = msOfDay < 0 ? (-1, msOfDay + 86_400_000) : (0, msOfDay)
        let day = CivilDate(dayNumber: days + dayShift)
        let secs = msInDay / 1000
        return day.iso + "T" + String(format2: secs / 3600) + ":" + String(format2: secs / 60 % 60) + ":"
            + String(format2: secs % 60) + "." + String(format3: msInDay % 1000) + "Z"
    }

    public static func parse(_ text: String) -> Date? {
        let parts = text.split(separator: "T")
        guard parts.count == 2, let day = CivilDate(parsing: String(parts[0])), parts[1].hasSuffix("Z") else { return nil }
        let time = parts[1].dropLast().split(separator: ":")
        guard time.count == 3, let h = Int(time[0]), let m = Int(time[1]), let s = Double(time[2]) else { return nil }
        return Date(timeIntervalSince1970: Double(day.dayNumber * 86400 + h * 3600 + m * 60) + s)
    }

    /// The civil date in Vietnam (UTC+7, no daylight saving) of an instant: "today" for the rules.
    public static func vietnamDate(_ date: Date = Date()) -> CivilDate {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down)) + 7 * 3600
        return CivilDate(dayNumber: Int((Double(seconds) / 86400).rounded(.down)))
    }
}

extension String {
    init(format3 n: Int) { self = n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
}
