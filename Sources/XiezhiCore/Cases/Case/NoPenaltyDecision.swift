import Foundation

/// 不予行政处罚决定 — the decision to give no penalty, with the education given.
public struct NoPenaltyDecision: Hashable, Codable, Sendable {
    /// The decision document number.
    public var number: String
    /// When it was made.
    public var decidedAt: Date
    /// Who made it (account id).
    public var decidedBy: String
    /// Why no penalty.
    public var ground: NoPenaltyGround
    /// The education record (批评教育 content), in Chinese.
    public var educationRecord: String
    /// The list entry relied on, for a first-violation waiver.
    public var firstViolationItem: FirstViolationItem?

    /// Creates the value with every field given.
    public init(
        number: String, decidedAt: Date, decidedBy: String, ground: NoPenaltyGround, educationRecord: String,
        firstViolationItem: FirstViolationItem? = nil
    ) {
        self.number = number
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.ground = ground
        self.educationRecord = educationRecord
        self.firstViolationItem = firstViolationItem
    }
}
