import Foundation
import Testing
import XiezhiCore

/// Over-dimension (Order 62 Art. 43(一)): limits 4.00 / 2.55 / 18.10 m; band maxima 4.2 / 3 / 20 m and
/// 4.5 / 3.75 / 28 m; each dimension takes the first band it fits, the vehicle the highest of them.
@Suite("Over-dimension quotes")
struct DimensionQuoteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let height: Int, width: Int, length: Int
        let outcome: PenaltyOutcome
        let yuan: Int
        var testDescription: String { name }
    }

    /// Shipped picks: the middle of each range (100 / 600 / 2,000 yuan), marked unverified.
    static let shipped: [Case] = [
        Case(name: "exactly at every limit", height: 4_000, width: 2_550, length: 18_100, outcome: .none, yuan: 0),
        Case(name: "height + 1 mm", height: 4_001, width: 2_550, length: 18_100, outcome: .fine, yuan: 100),
        Case(name: "height exactly 4.2 m", height: 4_200, width: 2_500, length: 12_000, outcome: .fine, yuan: 100),
        Case(name: "height 4.2 m + 1 mm", height: 4_201, width: 2_500, length: 12_000, outcome: .fine, yuan: 600),
        Case(name: "width exactly 3.75 m", height: 3_900, width: 3_750, length: 16_000, outcome: .fine, yuan: 600),
        Case(name: "width 3.75 m + 1 mm", height: 3_900, width: 3_751, length: 16_000, outcome: .fine, yuan: 2_000),
        Case(name: "length 28 m + 1 mm", height: 3_900, width: 2_500, length: 28_001, outcome: .fine, yuan: 2_000),
        Case(name: "height band 1, length band 3 → band 3", height: 4_100, width: 2_500, length: 28_500, outcome: .fine, yuan: 2_000),
    ]

    @Test("Shipped national bands (Jinshan)", arguments: shipped)
    func shippedBands(_ row: Case) throws {
        let quote = try PenaltyFixtures.real().quote(
            jurisdiction: PenaltyFixtures.jinshan, violation: "over_dimension",
            facts: .dimensions(DimensionFacts(heightMm: row.height, widthMm: row.width, lengthMm: row.length))
        )
        #expect(quote.outcome == row.outcome)
        #expect(quote.amount == Money(yuan: row.yuan))
    }

    @Test("Reasoning names the band, the range and the pick, and flags the unverified pick")
    func reasoning() throws {
        let quote = try PenaltyFixtures.real().quote(
            jurisdiction: PenaltyFixtures.pinghu, violation: "over_dimension",
            facts: .dimensions(DimensionFacts(heightMm: 4_350, widthMm: 2_500, lengthMm: 18_000))
        )
        #expect(quote.reasoning == [
            "车货总高度 4.35 米（限值 4.00 米），车货总宽度 2.50 米（限值 2.55 米），车货总长度 18.00 米（限值 18.10 米）",
            "总高度超出限值 0.35 米，属第二档",
            "适用裁量基准：全国（国家规定）",
            "适用第二档：罚款 200–1,000 元",
            "按裁量基准在第二档幅度内取 600 元",
            "合计 600 元",
        ])
        #expect(quote.citations.map(\.article) == ["第三条第一款第（一）至（三）项", "第四十三条第一款第（一）项", "第三十四条"])
        #expect(quote.citations.last?.confidence == .unverified)
    }

    /// Proportional picks: amount = min + (max − min) × where the worst dimension sits in its band's interval.
    static let proportional: [Case] = [
        // Band 1: height 4.10 m is 100 / 200 = 50 % of 4.00–4.20 → 0 + 200 × 50 % = 100.
        Case(name: "band 1 halfway", height: 4_100, width: 2_500, length: 12_000, outcome: .fine, yuan: 100),
        // Band 1 top: 4.20 m = 100 % → 200.
        Case(name: "band 1 top", height: 4_200, width: 2_500, length: 12_000, outcome: .fine, yuan: 200),
        // Band 2: height 4.44 m is 240 / 300 = 80 % of 4.20–4.50; width 3.375 m is 375 / 750 = 50 % of 3.00–3.75:
        // the worst is height → 200 + 800 × 80 % = 840.
        Case(name: "band 2, worst of two", height: 4_440, width: 3_375, length: 12_000, outcome: .fine, yuan: 840),
        // Band 2 bottom: 4.201 m is 1 / 300 → 200 + 800 / 300 = 202.67 → floor to 202.
        Case(name: "band 2 bottom, floored", height: 4_201, width: 2_500, length: 12_000, outcome: .fine, yuan: 202),
        // Band 1 width dimension only counts inside band 1 when another dimension is in band 2: length 24 m is
        // 4,000 / 8,000 = 50 % of 20–28 m → 600 (width 2.9 m, band 1, is not compared).
        Case(name: "only the top band's dimensions count", height: 3_900, width: 2_900, length: 24_000, outcome: .fine, yuan: 600),
        // Band 3 is open-ended: its pick must be fixed (here 2,500).
        Case(name: "band 3 fixed", height: 4_800, width: 2_500, length: 12_000, outcome: .fine, yuan: 2_500),
    ]

    @Test("Proportional picks", arguments: proportional)
    func proportionalPicks(_ row: Case) throws {
        let scale = PenaltyFixtures.dimensionScale(picks: [PenaltyFixtures.proportionalPick, PenaltyFixtures.proportionalPick, PenaltyFixtures.fixedPick(2_500)])
        let json = """
        {
          "edition": "test",
          "violationKinds": [{"id": "over_dimension", "nameZh": "超限运输（车货外廓尺寸超限）", "scaleType": "dimension_bands"}],
          "entries": [{"code": "national", "nameZh": "全国", "violations": {"over_dimension": {"scale": \(scale)}}}]
        }
        """
        let quote = try PenaltyBenchmarks(json: Data(json.utf8)).quote(
            jurisdiction: PenaltyFixtures.pinghu, violation: "over_dimension",
            facts: .dimensions(DimensionFacts(heightMm: row.height, widthMm: row.width, lengthMm: row.length))
        )
        #expect(quote.outcome == row.outcome)
        #expect(quote.amount == Money(yuan: row.yuan))
        #expect(quote.steps.map(\.line) == quote.reasoning)
    }

    @Test("A proportional pick prints its arithmetic")
    func proportionalLine() throws {
        let scale = PenaltyFixtures.dimensionScale(picks: [PenaltyFixtures.proportionalPick, PenaltyFixtures.proportionalPick, PenaltyFixtures.fixedPick(2_000)])
        let json = """
        {
          "edition": "test",
          "violationKinds": [{"id": "over_dimension", "nameZh": "超限运输（车货外廓尺寸超限）", "scaleType": "dimension_bands"}],
          "entries": [{"code": "national", "nameZh": "全国", "violations": {"over_dimension": {"scale": \(scale)}}}]
        }
        """
        let quote = try PenaltyBenchmarks(json: Data(json.utf8)).quote(
            jurisdiction: PenaltyFixtures.pinghu, violation: "over_dimension",
            facts: .dimensions(DimensionFacts(heightMm: 4_201, widthMm: 2_500, lengthMm: 12_000))
        )
        #expect(quote.reasoning.contains(
            "按超限最严重的一项取值：总高度 4.201 米位于本档 4.20–4.50 米区间的 0.33%，200 + (1,000 − 200) × 0.33% = 202.66 元"
        ))
        #expect(quote.reasoning.contains("202.66 元向下取整到元为 202 元"))
    }

    @Test("Non-positive or impossible dimensions are refused", arguments: [
        DimensionFacts(heightMm: 4_000, widthMm: 0, lengthMm: 18_000),
        DimensionFacts(heightMm: -1, widthMm: 2_500, lengthMm: 18_000),
        DimensionFacts(heightMm: 4_000, widthMm: 2_500, lengthMm: Int.max),
    ])
    func invalid(_ facts: DimensionFacts) throws {
        let benchmarks = try PenaltyFixtures.real()
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quote(jurisdiction: PenaltyFixtures.pinghu, violation: "over_dimension", facts: .dimensions(facts))
        }
        #expect(error?.code == "invalid_facts")
    }
}
