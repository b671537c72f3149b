/// 陈述、申辩 — the period after the notice (告知) during which no decision may be made unless the party waives it.
public struct StatementRules: Hashable, Codable, Sendable {
    /// The statement period counted from the notice (unverified; 3 days is what transport notices commonly print).
    public var period: StatutoryPeriod
    /// The party may waive its rights to state, defend and ask for a hearing (行政处罚法 Art. 62).
    public var waiver: RuleFlag

    /// Creates the value with every field given.
    public init(period: StatutoryPeriod, waiver: RuleFlag) {
        self.period = period
        self.waiver = waiver
    }
}
