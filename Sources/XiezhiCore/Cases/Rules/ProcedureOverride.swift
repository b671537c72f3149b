/// Local procedural rules for a province (2-digit prefix, e.g. `33`) or a county (6-digit GB/T 2260 code).
///
/// Each section present replaces the national section as a whole (a local rule restates its own citation); absent
/// sections keep the national defaults.
public struct ProcedureOverride: Hashable, Codable, Sendable {
    /// `33` (a province prefix) or `330482` (one jurisdiction).
    public var jurisdiction: String
    /// The jurisdiction's name, e.g. `浙江省`.
    public var name: String
    /// Replaces the national `decision` section when present.
    public var decision: DecisionTimeRules?
    /// Replaces the national `service` section when present.
    public var service: ServiceRules?
    /// Replaces the national `hearing` section when present.
    public var hearing: HearingRules?
    /// Replaces the national `statement` section when present.
    public var statement: StatementRules?
    /// Replaces the national `legalReview` section when present.
    public var legalReview: LegalReviewRules?
    /// Replaces the national `payment` section when present.
    public var payment: PaymentRules?
    /// Replaces the national `enforcement` section when present.
    public var enforcement: EnforcementRules?
    /// Replaces the national `limitation` section when present.
    public var limitation: LimitationRules?
    /// Replaces the national `summary` section when present.
    public var summary: SummaryProcedureRules?
    /// Replaces the national `firstViolation` section when present.
    public var firstViolation: FirstViolationList?
    /// Replaces the national `criminalTransfer` section when present.
    public var criminalTransfer: CriminalTransferRules?
    /// Replaces the national `doublePenalty` section when present.
    public var doublePenalty: DoublePenaltyRules?
    /// Replaces the national `investigation` section when present.
    public var investigation: InvestigationRules?

    /// An override for `jurisdiction` (`33` or `330482`) with no sections yet: set the ones it replaces.
    public init(jurisdiction: String, name: String) {
        self.jurisdiction = jurisdiction
        self.name = name
    }

    /// Whether this override is for a whole province (a 2-digit prefix).
    public var isProvince: Bool { jurisdiction.utf8.count == 2 }

    /// Whether this override applies to `code`.
    public func applies(to code: JurisdictionCode) -> Bool {
        isProvince ? code.provincePrefix == jurisdiction : code.rawValue == jurisdiction
    }
}
