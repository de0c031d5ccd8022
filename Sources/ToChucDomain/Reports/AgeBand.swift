/// Age bands of the dashboard's chart (full years on the day).
public enum AgeBand: String, Sendable, CaseIterable {
    case under30 = "under_30"
    case from30 = "30_39"
    case from40 = "40_49"
    case from50 = "50_59"
    case from60 = "60_plus"

    public var label: Localized { Catalogue.ageBand(self) }
    /// The youngest age of the band.
    public var from: Int { [0, 30, 40, 50, 60][AgeBand.allCases.firstIndex(of: self)!] }

    /// The band of a person born on `birthDate`, by full years on `day` (`CivilDate.fullYears`: born on 29 February,
    /// a year older on 28 February of a common year).
    public init(born birthDate: CivilDate, on day: CivilDate) {
        let age = birthDate.fullYears(until: day)
        self = AgeBand.allCases.last { $0.from <= age } ?? .under30
    }
}
