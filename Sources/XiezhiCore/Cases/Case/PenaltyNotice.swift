import Foundation

/// 行政处罚事先告知 — the notice of the intended penalty and of the party's rights (行政处罚法 Arts. 44, 63–64).
public struct PenaltyNotice: Hashable, Codable, Sendable {
    /// When the notice reached the party; the statement and hearing periods count from here.
    public var at: Date
    /// Who gave it (account id).
    public var by: String
    /// The intended penalty.
    public var penalty: IntendedPenalty
    /// Why the party may ask for a hearing (Chinese lines); empty when it may not.
    public var hearingGrounds: [String]
    /// The end of the statement period.
    public var statementDueAt: Date
    /// The end of the hearing-request window, when the party has hearing rights.
    public var hearingRequestDueAt: Date?

    /// Creates the value with every field given.
    public init(
        at: Date, by: String, penalty: IntendedPenalty, hearingGrounds: [String], statementDueAt: Date,
        hearingRequestDueAt: Date?
    ) {
        self.at = at
        self.by = by
        self.penalty = penalty
        self.hearingGrounds = hearingGrounds
        self.statementDueAt = statementDueAt
        self.hearingRequestDueAt = hearingRequestDueAt
    }

    /// Whether the party has the right to ask for a hearing.
    public var grantsHearing: Bool { !hearingGrounds.isEmpty }
}
