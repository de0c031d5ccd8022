/// The live versions of every family — shipped and added, voided ones left out — read once and asked by date, so that
/// a check over many records (the warnings of every cadre of a province) does not read the rule sets again for each.
/// Each typed view is the version applicable on the date given (`RuleBook.applicable`): the date the check judges.
public struct RuleVersions: Sendable {
    public let versions: [RuleSetVersion]

    public init(_ versions: [RuleSetVersion]) { self.versions = versions }

    /// The shipped versions only (a database where no administrator added any).
    public static let builtIn = RuleVersions(RuleBook.builtIn)

    /// The version applicable on `date`; nil before the first version of a family that does not cover earlier dates.
    public func inForce(_ family: RuleFamily, on date: CivilDate) -> RuleSetVersion? {
        RuleBook.applicable(versions, family: family, on: date)
    }

    /// Every version of a family, oldest first: for bounds that must hold under each of them.
    public func all(_ family: RuleFamily) -> [RuleSetVersion] {
        versions.filter { $0.family == family }.sorted { $0.effectiveFrom < $1.effectiveFrom }
    }

    /// A family that covers earlier dates always has a version (the shipped one at least).
    func covering(_ family: RuleFamily, on date: CivilDate) -> RuleSetVersion {
        inForce(family, on: date) ?? RuleBook.shipped(family)
    }

    /// Admission on `date` (DOMAIN.md §2).
    public func admission(on date: CivilDate) -> AdmissionRules { AdmissionRules(covering(.admission, on: date)) }
    /// Badges on `date` (the award date).
    public func badges(on date: CivilDate) -> BadgeRules { BadgeRules(covering(.badges, on: date)) }
    /// Head of the same unit on `date`.
    public func headTenure(on date: CivilDate) -> HeadTenureRules { HeadTenureRules(covering(.headTenure, on: date)) }
    /// Appointments on `date`.
    public func appointment(on date: CivilDate) -> AppointmentRules { AppointmentRules(covering(.appointment, on: date)) }
    /// Discipline bars on `date` (the date proposed).
    public func discipline(on date: CivilDate) -> DisciplineBarPeriods { DisciplineBarPeriods(covering(.discipline, on: date)) }
    /// Planning on `date`.
    public func planning(on date: CivilDate) -> PlanningRules { PlanningRules(covering(.planning, on: date)) }
    /// The retirement roadmap on `date`.
    public func retirement(on date: CivilDate) -> RetirementRule { RetirementRule(covering(.retirement, on: date)) }
}
