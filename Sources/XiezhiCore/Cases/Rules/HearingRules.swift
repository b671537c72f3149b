/// 听证 — when a party has the right to a hearing and the periods around it (行政处罚法 Arts. 63–64).
public struct HearingRules: Hashable, Codable, Sendable {
    /// The party asks for a hearing within this period of the notice (Art. 64: 5 days).
    public var requestWindow: StatutoryPeriod
    /// The agency notifies the hearing at least this long before it (Art. 64: 7 days).
    public var noticeBeforeHearing: StatutoryPeriod
    /// 较大数额 for an individual: a fine (or confiscation) of at least this amount gives hearing rights (set locally).
    public var individualThreshold: CitedAmount
    /// 较大数额 for an organisation: a fine (or confiscation) of at least this amount gives hearing rights (set locally).
    public var organisationThreshold: CitedAmount
    /// Penalty kinds that always give hearing rights, whatever the amount (Art. 63).
    public var alwaysFor: MeasureList

    /// Creates the value with every field given.
    public init(
        requestWindow: StatutoryPeriod, noticeBeforeHearing: StatutoryPeriod,
        individualThreshold: CitedAmount, organisationThreshold: CitedAmount, alwaysFor: MeasureList
    ) {
        self.requestWindow = requestWindow
        self.noticeBeforeHearing = noticeBeforeHearing
        self.individualThreshold = individualThreshold
        self.organisationThreshold = organisationThreshold
        self.alwaysFor = alwaysFor
    }

    /// The 较大数额 threshold for `party`.
    public func threshold(for party: PartyKind) -> CitedAmount {
        party == .individual ? individualThreshold : organisationThreshold
    }

    /// Why `measures` give `party` hearing rights, one Chinese line per ground; empty when they do not.
    public func grounds(for measures: [PenaltyMeasure], party: PartyKind) -> [String] {
        let threshold = threshold(for: party)
        var grounds: [String] = []
        for measure in measures {
            if alwaysFor.contains(measure.kind) {
                grounds.append("\(measure.kind.chineseName)（\(alwaysFor.citation)）")
            } else if measure.kind == .fine || measure.kind == .confiscation,
                      let amount = measure.amount, amount >= threshold.money {
                grounds.append("\(measure.kind.chineseName)\(amount)元，达到较大数额\(threshold.money)元（\(threshold.citation)）")
            }
        }
        return grounds
    }
}
