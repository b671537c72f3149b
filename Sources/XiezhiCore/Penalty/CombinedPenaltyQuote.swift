/// 多项违法合并测算 — the quotes of several violations by one vehicle, combined by the jurisdiction's rule.
///
/// Under Order 62 Art. 43 ¶2 the fines are added together and the total is capped (30,000 yuan); the
/// outcome is the most severe of the parts (fine > warning > education > none).
public struct CombinedPenaltyQuote: Hashable, Sendable, Codable {
    /// The jurisdiction whose benchmarks priced the parts.
    public var jurisdiction: JurisdictionCode
    /// Each violation's own quote, in the order given.
    public var parts: [PenaltyQuote]
    /// The combination rule applied and the entry it came from.
    public var combination: ResolvedCombinationRule
    /// The most severe outcome of the parts.
    public var outcome: PenaltyOutcome
    /// The combined fine after the cap.
    public var amount: Money
    /// The parts' citations and the combination rule's, without repeats.
    public var citations: [Citation]
    /// Ordered Chinese lines: one per part, then the total.
    public var reasoning: [String]
    /// The same reasoning as structured steps.
    public var steps: [PenaltyStep]

    /// Combines `parts` under `combination` (sum, then cap).
    public init(jurisdiction: JurisdictionCode, parts: [PenaltyQuote], combination: ResolvedCombinationRule) {
        self.jurisdiction = jurisdiction
        self.parts = parts
        self.combination = combination
        outcome = parts.map(\.outcome).max() ?? .none

        var steps: [PenaltyStep] = []
        var sum = Money.zero
        for (index, part) in parts.enumerated() {
            let result = part.outcome == .fine
                ? "罚款 \(NoticeFormat.yuanText(part.amount))"
                : part.outcome.chineseName
            steps.append(PenaltyStep(
                kind: .part, label: part.violation.nameZh, amount: part.amount,
                line: "\(Self.ordinal(index + 1))、\(part.violation.nameZh)：\(result)"
            ))
            sum += part.amount
        }
        let cap = Money(yuan: combination.rule.capYuan)
        let capText = NoticeFormat.yuanText(cap)
        amount = min(sum, cap)
        let totalLine = sum > cap
            ? "累计 \(NoticeFormat.yuanText(sum))，超过累计最高 \(capText)，按最高 \(capText)计"
            : "累计 \(NoticeFormat.yuanText(sum))，未超过累计最高 \(capText)"
        steps.append(PenaltyStep(kind: .total, label: "累计", amount: amount, line: totalLine))
        self.steps = steps
        reasoning = steps.map(\.line)
        citations = (parts.flatMap(\.citations) + [combination.rule.citation]).withoutRepeats()
    }

    /// 一, 二, … 十, then Arabic digits.
    static func ordinal(_ number: Int) -> String {
        let numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
        return number >= 1 && number <= numerals.count ? numerals[number - 1] : "\(number)"
    }
}
