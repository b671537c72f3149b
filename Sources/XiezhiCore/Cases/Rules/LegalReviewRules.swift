/// 重大执法决定法制审核 — which decisions must pass legal review before they are made (行政处罚法 Art. 58).
///
/// The statute names the categories; the concrete list (the amount, the penalty kinds) is each agency's published
/// 重大执法决定法制审核目录, so the values are per jurisdiction.
public struct LegalReviewRules: Hashable, Codable, Sendable {
    /// A fine (or confiscation) of at least this amount is a major decision.
    public var fineThreshold: CitedAmount
    /// Penalty kinds that always need review.
    public var measures: MeasureList
    /// A decision after a hearing needs review (Art. 58(2)).
    public var whenHearingHeld: RuleFlag

    /// Creates the value with every field given.
    public init(fineThreshold: CitedAmount, measures: MeasureList, whenHearingHeld: RuleFlag) {
        self.fineThreshold = fineThreshold
        self.measures = measures
        self.whenHearingHeld = whenHearingHeld
    }

    /// Why a decision with `measures` needs review, one Chinese line per ground; empty when it does not.
    public func grounds(for measures: [PenaltyMeasure], hearingHeld: Bool) -> [String] {
        var grounds: [String] = []
        for measure in measures {
            if self.measures.contains(measure.kind) {
                grounds.append("\(measure.kind.chineseName)（\(self.measures.citation)）")
            } else if measure.kind == .fine || measure.kind == .confiscation,
                      let amount = measure.amount, amount >= fineThreshold.money {
                grounds.append("\(measure.kind.chineseName)\(amount)元，达到\(fineThreshold.money)元（\(fineThreshold.citation)）")
            }
        }
        if hearingHeld && whenHearingHeld.applies {
            grounds.append("经过听证程序（\(whenHearingHeld.citation)）")
        }
        return grounds
    }
}
