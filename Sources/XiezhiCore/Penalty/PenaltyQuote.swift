/// 罚款测算 — what the benchmark says for one violation: the outcome, the amount, the articles, and the
/// reasoning a penalty notice prints verbatim.
///
/// A quote is a proposal for the case handler and the legal reviewer, not a decision; it records the benchmark
/// entry and edition it used.
public struct PenaltyQuote: Hashable, Sendable, Codable {
    /// The jurisdiction whose benchmark priced the violation.
    public var jurisdiction: JurisdictionCode
    /// The violation kind (id and Chinese name).
    public var violation: ViolationKind
    /// `none`, `education_no_penalty`, `warning` or `fine`.
    public var outcome: PenaltyOutcome
    /// The fine; ``Money/zero`` unless `outcome` is `fine`.
    public var amount: Money
    /// The articles behind the numbers used, adoption basis first, without repeats.
    public var citations: [Citation]
    /// The benchmark entry, edition and scale used.
    public var benchmark: ResolvedBenchmark
    /// Ordered Chinese lines, e.g. `超限 20%–50% 部分 14,700 千克 × 300 元/吨 = 4,410 元`.
    public var reasoning: [String]
    /// The same reasoning as structured steps; `steps[i].line == reasoning[i]`.
    public var steps: [PenaltyStep]

    /// Creates a quote; `reasoning` is taken from the steps' lines.
    public init(
        jurisdiction: JurisdictionCode, violation: ViolationKind, outcome: PenaltyOutcome, amount: Money,
        citations: [Citation], benchmark: ResolvedBenchmark, steps: [PenaltyStep]
    ) {
        self.jurisdiction = jurisdiction
        self.violation = violation
        self.outcome = outcome
        self.amount = amount
        self.citations = citations
        self.benchmark = benchmark
        self.reasoning = steps.map(\.line)
        self.steps = steps
    }
}

/// What pricing one scale yields, before the quote adds the benchmark used.
struct PricedScale {
    var outcome: PenaltyOutcome
    var amount: Money
    var steps: [PenaltyStep]
    var citations: [Citation]
}

extension Array where Element: Hashable {
    /// The elements in order, each kept once.
    func withoutRepeats() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
