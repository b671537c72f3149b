/// 行刑衔接 — the time limits for transferring a suspected crime to the police (行政处罚法 Art. 27;
/// 行政执法机关移送涉嫌犯罪案件的规定).
public struct CriminalTransferRules: Hashable, Codable, Sendable {
    /// The agency head decides whether to transfer within this period of the case handler's report (3 days).
    public var headDecision: StatutoryPeriod
    /// Once approved, the case goes to the police within this period (24 hours).
    public var transferAfterApproval: StatutoryPeriod
    /// The police decide whether to file within this period of receiving it (3 days; informational, not tracked).
    public var policeReview: StatutoryPeriod

    /// Creates the value with every field given.
    public init(headDecision: StatutoryPeriod, transferAfterApproval: StatutoryPeriod, policeReview: StatutoryPeriod) {
        self.headDecision = headDecision
        self.transferAfterApproval = transferAfterApproval
        self.policeReview = policeReview
    }
}
