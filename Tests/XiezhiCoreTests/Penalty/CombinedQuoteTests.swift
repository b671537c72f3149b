import Testing
import XiezhiCore

/// Several violations by one vehicle (Order 62 Art. 43 ¶2): fines added, the total capped at 30,000 yuan.
@Suite("Combined quotes")
struct CombinedQuoteTests {
    static func charges(grossKg: Int, heightMm: Int) -> [PenaltyCharge] {
        [
            PenaltyCharge(violation: "overload", facts: .mass(MassFacts(limitKg: 49_000, grossKg: grossKg))),
            PenaltyCharge(violation: "over_dimension", facts: .dimensions(DimensionFacts(heightMm: heightMm, widthMm: 2_500, lengthMm: 17_000))),
        ]
    }

    /// Jinshan: 31,000 kg over × 0.5 = 15,500 yuan; height 4.6 m → band 3, 2,000 yuan; total 17,500.
    @Test("Added together under the cap")
    func underCap() throws {
        let quote = try PenaltyFixtures.real().quote(jurisdiction: PenaltyFixtures.jinshan, charges: Self.charges(grossKg: 80_000, heightMm: 4_600))
        #expect(quote.parts.map(\.amount) == [Money(yuan: 15_500), Money(yuan: 2_000)])
        #expect(quote.amount == Money(yuan: 17_500))
        #expect(quote.outcome == .fine)
        #expect(quote.reasoning == [
            "一、超限运输（车货总质量超限）：罚款 15,500 元",
            "二、超限运输（车货外廓尺寸超限）：罚款 2,000 元",
            "累计 17,500 元，未超过累计最高 30,000 元",
        ])
        #expect(quote.combination.entry == .national)
        #expect(quote.citations.contains { $0.article == "第四十三条第二款" })
    }

    /// Pinghu: 7,660 (Zhejiang mass scale) + 600 (national dimension band 2 for 4.35 m) = 8,260.
    @Test("Pinghu mixes Zhejiang's mass scale with the national dimension bands")
    func pinghu() throws {
        let quote = try PenaltyFixtures.real().quote(jurisdiction: PenaltyFixtures.pinghu, charges: Self.charges(grossKg: 80_000, heightMm: 4_350))
        #expect(quote.amount == Money(yuan: 8_260))
        #expect(quote.parts[0].benchmark.entry == .province("33"))
        #expect(quote.parts[1].benchmark.entry == .national)
    }

    /// Jinshan, 200,000 kg gross: the mass fine alone is capped at 30,000; + 2,000 = 32,000 → capped at 30,000.
    @Test("The total is capped")
    func capped() throws {
        let quote = try PenaltyFixtures.real().quote(jurisdiction: PenaltyFixtures.jinshan, charges: Self.charges(grossKg: 200_000, heightMm: 4_600))
        #expect(quote.amount == Money(yuan: 30_000))
        #expect(quote.reasoning.last == "累计 32,000 元，超过累计最高 30,000 元，按最高 30,000 元计")
    }

    /// A warning for the mass (500 kg over) and nothing for the dimensions: the outcome is the warning.
    @Test("Outcome is the most severe part")
    func severity() throws {
        let quote = try PenaltyFixtures.real().quote(jurisdiction: PenaltyFixtures.jinshan, charges: Self.charges(grossKg: 49_500, heightMm: 3_900))
        #expect(quote.outcome == .warning)
        #expect(quote.amount == .zero)
        #expect(quote.reasoning[0] == "一、超限运输（车货总质量超限）：予以警告")
        #expect(quote.reasoning[1] == "二、超限运输（车货外廓尺寸超限）：不构成违法行为")
    }

    @Test("No charges, or the same violation twice, is refused")
    func refused() throws {
        let benchmarks = try PenaltyFixtures.real()
        let empty = PenaltyFixtures.domainError { _ = try benchmarks.quote(jurisdiction: PenaltyFixtures.jinshan, charges: []) }
        #expect(empty?.code == "invalid_facts")
        let twice = Self.charges(grossKg: 80_000, heightMm: 4_600)[0]
        let duplicate = PenaltyFixtures.domainError { _ = try benchmarks.quote(jurisdiction: PenaltyFixtures.jinshan, charges: [twice, twice]) }
        #expect(duplicate?.code == "duplicate_charge")
    }
}
