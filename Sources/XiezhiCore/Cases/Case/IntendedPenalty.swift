/// 拟作出的行政处罚 — a penalty as proposed: the measures, the article applied and the reasons.
///
/// Notified to the party (告知, 行政处罚法 Art. 44) and also the content of an on-the-spot decision.
public struct IntendedPenalty: Hashable, Codable, Sendable {
    /// The measures.
    public var measures: [PenaltyMeasure]
    /// The article the penalty is based on (e.g. 浙江省公路条例 第五十三条).
    public var citation: Citation
    /// The reasoning, one line each, in Chinese (facts found, discretion applied).
    public var reasoning: [String]

    /// Creates the value with every field given.
    public init(measures: [PenaltyMeasure], citation: Citation, reasoning: [String]) {
        self.measures = measures
        self.citation = citation
        self.reasoning = reasoning
    }

    /// The total of the fines.
    public var fineTotal: Money { measures.fineTotal }
}
