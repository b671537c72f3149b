import Foundation

/// 行政处罚决定 — the penalty decision, ordinary (决定书) or on the spot (当场处罚决定书).
public struct PenaltyDecision: Hashable, Codable, Sendable {
    /// Which procedure produced it.
    public enum Procedure: String, Codable, Sendable {
        /// 普通程序.
        case ordinary
        /// 简易程序 (当场处罚).
        case summary
    }

    /// The decision document number.
    public var number: String
    /// When it was made.
    public var decidedAt: Date
    /// Who made it (account id: the agency head, or the officer on the spot).
    public var decidedBy: String
    /// Ordinary or summary.
    public var procedure: Procedure
    /// The measures imposed.
    public var measures: [PenaltyMeasure]
    /// The total of the fines imposed (zero when none).
    public var fineTotal: Money
    /// The article applied.
    public var citation: Citation
    /// The reasoning, in Chinese.
    public var reasoning: [String]
    /// The officers who made an on-the-spot decision; empty for ordinary decisions (see the case's filing).
    public var officers: [FilingOfficer]
    /// Made from the records because the noticed owner did not come forward in time (浙江省公路条例 Art. 40);
    /// the article is the report period's.
    public var fromRecords: Citation?

    /// Creates a decision; `fineTotal` is computed from the fines among `measures`.
    public init(
        number: String, decidedAt: Date, decidedBy: String, procedure: Procedure, measures: [PenaltyMeasure],
        citation: Citation, reasoning: [String], officers: [FilingOfficer] = []
    ) {
        self.number = number
        self.decidedAt = decidedAt
        self.decidedBy = decidedBy
        self.procedure = procedure
        self.measures = measures
        self.fineTotal = measures.fineTotal
        self.citation = citation
        self.reasoning = reasoning
        self.officers = officers
    }
}
