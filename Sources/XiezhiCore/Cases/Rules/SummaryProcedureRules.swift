/// 简易程序 — on-the-spot decisions (行政处罚法 Art. 51; 交通运输行政执法程序规定 Art. 61).
public struct SummaryProcedureRules: Hashable, Codable, Sendable {
    /// The largest fine on an individual decided on the spot (Art. 51: 200 yuan).
    public var individualMaximum: CitedAmount
    /// The largest fine on an organisation decided on the spot (Art. 51: 3,000 yuan).
    public var organisationMaximum: CitedAmount
    /// The penalty kinds a summary decision may impose (Art. 51: a warning or a fine).
    public var measures: MeasureList
    /// File a copy of the on-the-spot decision with the agency within this period (MoT Art. 61: 5 days).
    public var filingDeadline: StatutoryPeriod

    /// Creates the value with every field given.
    public init(
        individualMaximum: CitedAmount, organisationMaximum: CitedAmount,
        measures: MeasureList, filingDeadline: StatutoryPeriod
    ) {
        self.individualMaximum = individualMaximum
        self.organisationMaximum = organisationMaximum
        self.measures = measures
        self.filingDeadline = filingDeadline
    }

    /// The largest fine for `party`.
    public func maximum(for party: PartyKind) -> CitedAmount {
        party == .individual ? individualMaximum : organisationMaximum
    }
}
