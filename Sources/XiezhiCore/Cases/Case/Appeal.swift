import Foundation

/// 复议或诉讼 — a challenge to the decision; the late surcharge does not accrue while it is pending (行政处罚法 Art. 73).
public struct Appeal: Hashable, Codable, Sendable {
    /// Review or litigation.
    public var kind: AppealKind
    /// When it was filed.
    public var filedAt: Date
    /// The 复议机关 or the court.
    public var body: String
    /// Who recorded it (account id).
    public var recordedBy: String
    /// When it ended.
    public var concludedAt: Date?
    /// How it ended.
    public var outcome: AppealOutcome?
    /// The result as written, in Chinese.
    public var summary: String?

    /// Creates the value with every field given.
    public init(
        kind: AppealKind, filedAt: Date, body: String, recordedBy: String, concludedAt: Date? = nil,
        outcome: AppealOutcome? = nil, summary: String? = nil
    ) {
        self.kind = kind
        self.filedAt = filedAt
        self.body = body
        self.recordedBy = recordedBy
        self.concludedAt = concludedAt
        self.outcome = outcome
        self.summary = summary
    }

    /// Whether it has not ended.
    public var isPending: Bool { concludedAt == nil }
}
