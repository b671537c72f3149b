/// 加处罚款 — the late-payment surcharge (行政处罚法 Art. 72): a percentage of the fine per day, capped.
public struct LateSurchargeRule: Hashable, Codable, Sendable {
    /// Percent of the fine added per day late (Art. 72: 3).
    public var percentPerDay: Int
    /// The cap as a percent of the fine (Art. 72: the surcharge may not exceed the fine, 100).
    public var capPercentOfFine: Int
    /// The article, with its confidence.
    public var citation: Citation
    /// Doubts or local practice; may be empty.
    public var note: String?

    /// Creates the value with every field given.
    public init(percentPerDay: Int, capPercentOfFine: Int, citation: Citation, note: String? = nil) {
        self.percentPerDay = percentPerDay
        self.capPercentOfFine = capPercentOfFine
        self.citation = citation
        self.note = note
    }

    /// The surcharge on `fine` after `days` accruing days, capped; rounded down to the fen.
    public func surcharge(on fine: Money, days: Int) -> Money {
        let uncapped = fine.fen * percentPerDay * max(0, days) / 100
        let cap = fine.fen * capPercentOfFine / 100
        return Money(fen: min(uncapped, cap))
    }

    /// The number of accruing days after which the cap is reached (34 for 3 % and 100 %).
    public var daysToCap: Int {
        guard percentPerDay > 0 else { return Int.max }
        return (capPercentOfFine + percentPerDay - 1) / percentPerDay
    }
}
