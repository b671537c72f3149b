/// 送达 — how and how fast a decision must reach the party.
public struct ServiceRules: Hashable, Codable, Sendable {
    /// Serve the decision within this period of deciding when not handed over on the spot (行政处罚法 Art. 61: 7 days).
    public var deadline: StatutoryPeriod
    /// 公告送达: service is deemed complete when this period after publication ends (unverified; 30 days).
    public var announcementPeriod: StatutoryPeriod
    /// 电子送达 only with the party's consent recorded in a 送达地址确认书 (交通运输行政执法程序规定 Art. 18).
    public var electronicNeedsConsent: RuleFlag

    /// Creates the value with every field given.
    public init(deadline: StatutoryPeriod, announcementPeriod: StatutoryPeriod, electronicNeedsConsent: RuleFlag) {
        self.deadline = deadline
        self.announcementPeriod = announcementPeriod
        self.electronicNeedsConsent = electronicNeedsConsent
    }
}
