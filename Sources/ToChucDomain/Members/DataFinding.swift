/// One thing the data-cleaning campaign should look at ("đúng – đủ – sạch – sống", DOMAIN.md §2).
public struct DataFinding: Sendable, Equatable, Codable {
    public init(kind: Kind, memberIds: [Int64], names: [String], detail: String) {
        self.kind = kind
        self.memberIds = memberIds
        self.names = names
        self.detail = detail
    }

    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The same name and birth date in two records.
        case likelyDuplicate = "likely_duplicate"
        /// Admitted before full 18.
        case admittedUnder18 = "admitted_under_18"
        /// Recognized before being admitted.
        case recognizedBeforeAdmission = "recognized_before_admission"
        /// A current member in a dissolved unit.
        case inDissolvedUnit = "in_dissolved_unit"
        /// A full member without a recognition date, or a probationary one past recognition.
        case statusWithoutDates = "status_without_dates"
    }

    public let kind: Kind
    public let memberIds: [Int64]
    public let names: [String]
    public let detail: String

    public var message: Localized { Catalogue.finding(kind) }
}

