import Foundation

/// The period of a briefing report (báo cáo giao ban, DOMAIN.md §5): a year (`2022`), a month (`2023-06`), a half
/// (`2023-H1`), a quarter (`2023-Q3`), or any range of dates (`2023-01-15..2023-02-14`). Both ends are included.
public struct ReportPeriod: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case year, half, quarter, month, range
    }

    public let kind: Kind
    public let from: CivilDate
    public let to: CivilDate
    /// The half (1–2), quarter (1–4) or month (1–12) within the year; 0 for a year or a range.
    public let index: Int

    init(kind: Kind, from: CivilDate, to: CivilDate, index: Int) {
        self.kind = kind
        self.from = from
        self.to = to
        self.index = index
    }

    public static let minimumYear = 1930
    public static let maximumYear = 2100

    /// Parses the forms above (case of `H`/`Q` ignored); nil for anything else, an impossible month or quarter, a year
    /// outside 1930–2100, or a range that ends before it starts.
    public init?(parsing text: String) {
        let t = text.trimmed.uppercased()
        if let dots = t.range(of: "..") {
            guard let from = CivilDate(parsing: String(t[..<dots.lowerBound])), let to = CivilDate(parsing: String(t[dots.upperBound...])),
                from <= to, Self.inRange(from.year), Self.inRange(to.year)
            else { return nil }
            self.init(kind: .range, from: from, to: to, index: 0)
            return
        }
        let parts = t.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, first.count == 4, first.allSatisfy(\.isNumber), let year = Int(first), Self.inRange(year) else { return nil }
        if parts.count == 1 {
            self.init(kind: .year, from: CivilDate(year: year, month: 1, day: 1)!, to: CivilDate(year: year, month: 12, day: 31)!, index: 0)
            return
        }
        guard parts.count == 2, let second = parts.last, !second.isEmpty else { return nil }
        let rest = second.dropFirst()
        switch second.first {
        case "H":
            guard rest.count == 1, let h = Int(rest), (1...2).contains(h) else { return nil }
            self.init(year: year, firstMonth: (h - 1) * 6 + 1, months: 6, kind: .half, index: h)
        case "Q":
            guard rest.count == 1, let q = Int(rest), (1...4).contains(q) else { return nil }
            self.init(year: year, firstMonth: (q - 1) * 3 + 1, months: 3, kind: .quarter, index: q)
        default:
            guard second.count == 2, second.allSatisfy(\.isNumber), let m = Int(second), (1...12).contains(m) else { return nil }
            self.init(year: year, firstMonth: m, months: 1, kind: .month, index: m)
        }
    }

    private init(year: Int, firstMonth: Int, months: Int, kind: Kind, index: Int) {
        let from = CivilDate(year: year, month: firstMonth, day: 1)!
        self.init(kind: kind, from: from, to: from.adding(months: months).adding(days: -1), index: index)
    }

    private static func inRange(_ year: Int) -> Bool { (minimumYear...maximumYear).contains(year) }

    /// The same period a year earlier ("tăng 518 so với năm 2021"): 29/02 becomes 28/02.
    public var yearEarlier: ReportPeriod {
        switch kind {
        case .range: return ReportPeriod(kind: .range, from: from.adding(years: -1), to: to.adding(years: -1), index: 0)
        default:
            let from = CivilDate(year: self.from.year - 1, month: self.from.month, day: 1)!
            let to = CivilDate(year: self.to.year - 1, month: self.to.month, day: CivilDate.daysIn(month: self.to.month, year: self.to.year - 1))!
            return ReportPeriod(kind: kind, from: from, to: to, index: index)
        }
    }

    /// The canonical text of the period (`2023-Q3`), which parses back to it.
    public var key: String {
        let y = String(from.year)
        switch kind {
        case .year: return y
        case .half: return y + "-H\(index)"
        case .quarter: return y + "-Q\(index)"
        case .month: return y + "-" + (index < 10 ? "0" : "") + String(index)
        case .range: return from.iso + ".." + to.iso
        }
    }

    /// The period as a report names it: "năm 2022", "6 tháng đầu năm 2023", "quý III/2023", "tháng 6/2023".
    public var label: Localized {
        let y = from.year
        switch kind {
        case .year: return Catalogue.periodYear(y)
        case .half: return Catalogue.periodHalf(index, y)
        case .quarter: return Catalogue.periodQuarter(index, y)
        case .month: return Catalogue.periodMonth(index, y)
        case .range: return Catalogue.periodRange(VietnameseFormat.date(from), VietnameseFormat.date(to), EnglishFormat.date(from), EnglishFormat.date(to))
        }
    }
}
