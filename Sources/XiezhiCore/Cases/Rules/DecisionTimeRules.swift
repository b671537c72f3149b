/// 作出处罚决定期限 — how long an agency has from 立案 to its decision, and how it may be extended.
public struct DecisionTimeRules: Hashable, Codable, Sendable {
    /// The limit counted from 立案 (行政处罚法 Art. 60: 90 days).
    public var limit: StatutoryPeriod
    /// One extension approved by the agency head (交通运输行政执法程序规定; unverified: 30 days).
    public var headExtension: StatutoryPeriod
    /// How many extensions the agency head may approve (further ones need the higher department, not modelled).
    public var maximumExtensions: StatutoryCount

    /// Creates the value with every field given.
    public init(limit: StatutoryPeriod, headExtension: StatutoryPeriod, maximumExtensions: StatutoryCount) {
        self.limit = limit
        self.headExtension = headExtension
        self.maximumExtensions = maximumExtensions
    }
}
