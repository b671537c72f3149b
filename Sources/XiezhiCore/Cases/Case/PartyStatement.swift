import Foundation

/// 陈述、申辩 — what the party said after the notice, possibly waiving its remaining rights (行政处罚法 Arts. 45, 62).
public struct PartyStatement: Hashable, Codable, Sendable {
    /// When it was recorded.
    public var at: Date
    /// Who recorded it (account id).
    public var recordedBy: String
    /// Who made it (the party or its representative), by name.
    public var statedBy: String
    /// What was said, in Chinese.
    public var content: String
    /// Whether the party waived further statement and its hearing request (放弃陈述、申辩和听证).
    public var waivesRights: Bool

    /// Creates the value with every field given.
    public init(at: Date, recordedBy: String, statedBy: String, content: String, waivesRights: Bool) {
        self.at = at
        self.recordedBy = recordedBy
        self.statedBy = statedBy
        self.content = content
        self.waivesRights = waivesRights
    }
}
