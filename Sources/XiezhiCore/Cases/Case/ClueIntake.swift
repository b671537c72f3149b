import Foundation

/// 违法线索 — what is known when a clue is registered; ``CaseWorkflow/open(_:id:by:at:)`` turns it into a case.
public struct ClueIntake: Hashable, Codable, Sendable {
    /// The agency the case belongs to (where the act happened, 行政处罚法 Art. 22).
    public var jurisdiction: JurisdictionCode
    /// The subject key, e.g. `vehicle:浙F12345:yellow` (validated elsewhere; carried as is).
    public var subject: String
    /// Individual or organisation.
    public var partyKind: PartyKind
    /// The violation kind id from the catalogue, e.g. `overload`.
    public var violationKind: String
    /// The facts as known, in Chinese.
    public var facts: String
    /// Where it happened.
    public var place: CasePlace?
    /// When the act happened (for a continuing act: when it ended, 行政处罚法 Art. 36).
    public var occurredAt: Date
    /// When the agency discovered it; the opening time when `nil`.
    public var discoveredAt: Date?
    /// Whether the act concerns life, health or financial safety and caused harm (5-year limitation, Art. 36).
    public var concernsSafetyWithHarm: Bool
    /// Where the clue came from: a detector id, 举报, a partner's referral number…
    public var source: String
    /// The carrier operating the vehicle (`organisation:<USCC>`), when the register knows it.
    public var carrier: String?

    /// Creates an intake; `discoveredAt` defaults to the opening time.
    public init(
        jurisdiction: JurisdictionCode, subject: String, partyKind: PartyKind, violationKind: String, facts: String,
        place: CasePlace? = nil, occurredAt: Date, discoveredAt: Date? = nil, concernsSafetyWithHarm: Bool = false,
        source: String
    ) {
        self.jurisdiction = jurisdiction
        self.subject = subject
        self.partyKind = partyKind
        self.violationKind = violationKind
        self.facts = facts
        self.place = place
        self.occurredAt = occurredAt
        self.discoveredAt = discoveredAt
        self.concernsSafetyWithHarm = concernsSafetyWithHarm
        self.source = source
    }
}
