import Foundation

/// An earlier decision on the same subject, from this node or a partner's, supplied by the caller for the
/// 一事不再罚 check (行政处罚法 Art. 29) and the 首违不罚 "first time" check (Art. 33).
public struct PriorPenalty: Hashable, Codable, Sendable {
    /// Where the record comes from.
    public enum Source: String, Codable, Sendable {
        /// This node's own cases.
        case local
        /// A partner jurisdiction's node (处罚互认).
        case partner
    }

    /// The subject key, e.g. `vehicle:浙F12345:yellow`.
    public var subject: String
    /// The violation kind id.
    public var violationKind: String
    /// When the act happened.
    public var actAt: Date
    /// The decision's document number.
    public var decisionNumber: String
    /// The deciding agency's name.
    public var agency: String
    /// The deciding agency's jurisdiction.
    public var jurisdiction: JurisdictionCode
    /// When it was decided.
    public var decidedAt: Date
    /// Local or partner.
    public var source: Source
    /// Whether it was a 首违不罚 waiver (no penalty): counts as an earlier violation, not as an earlier penalty.
    public var firstViolationWaiver: Bool
    /// The driver of the act (`person:<ID>`), when established: 一超四罚 counts per driver too.
    public var driver: String?
    /// The carrier operating the vehicle (`organisation:<USCC>`), when known: 一超四罚 counts a carrier's fleet.
    public var carrier: String?

    /// Creates the value with every field given.
    public init(
        subject: String, violationKind: String, actAt: Date, decisionNumber: String, agency: String,
        jurisdiction: JurisdictionCode, decidedAt: Date, source: Source, firstViolationWaiver: Bool = false,
        driver: String? = nil, carrier: String? = nil
    ) {
        self.driver = driver
        self.carrier = carrier
        self.subject = subject
        self.violationKind = violationKind
        self.actAt = actAt
        self.decisionNumber = decisionNumber
        self.agency = agency
        self.jurisdiction = jurisdiction
        self.decidedAt = decidedAt
        self.source = source
        self.firstViolationWaiver = firstViolationWaiver
    }

    /// `浙平湖交罚〔2024〕118号（平湖市交通运输局，330482，2024-03-01）` for refusal reasons.
    var citationText: String {
        "\(decisionNumber) (\(agency), \(jurisdiction), decided \(ChinaTime.format(decidedAt, withTime: false)))"
    }
}
