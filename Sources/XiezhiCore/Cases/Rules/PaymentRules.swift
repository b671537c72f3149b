/// 缴纳罚款 — the payment period and the late surcharge (行政处罚法 Arts. 67, 72, 73).
public struct PaymentRules: Hashable, Codable, Sendable {
    /// Pay within this period of service of the decision (Art. 67: 15 days).
    public var deadline: StatutoryPeriod
    /// The late surcharge (Art. 72: 3 % per day, capped at the fine).
    public var surcharge: LateSurchargeRule
    /// The surcharge does not accrue while 复议 or 诉讼 is pending (Art. 73).
    public var pausedDuringAppeal: RuleFlag

    /// Creates the value with every field given.
    public init(deadline: StatutoryPeriod, surcharge: LateSurchargeRule, pausedDuringAppeal: RuleFlag) {
        self.deadline = deadline
        self.surcharge = surcharge
        self.pausedDuringAppeal = pausedDuringAppeal
    }
}
