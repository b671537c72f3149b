import Testing
import XiezhiCore

/// Boundaries of both overload scales in the shipped benchmarks, for a six-axle combination (limit 49,000 kg).
///
/// National (Order 62 Art. 43(二), Shanghai and Jiangsu): ≤1,000 kg over → warning; otherwise the whole excess
/// at 500 yuan/t = 0.5 yuan/kg, exact to the fen; cap 30,000 (reached at 60,000 kg over).
/// Zhejiang (浙江省公路条例 Art. 53): 20 % of 49,000 = 9,800 kg, 50 % = 24,500 kg; ≤9,800 kg over → education;
/// the part 9,800–24,500 kg at 0.3 yuan/kg (at most 14,700 kg → 4,410 yuan); the part above 24,500 at 0.5 yuan/kg;
/// cap 30,000, reached when 4,410 + (excess − 24,500) × 0.5 = 30,000, i.e. excess 75,680 kg (gross 124,680).
@Suite("Overload quote boundaries")
struct OverloadQuoteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let grossKg: Int
        let outcome: PenaltyOutcome
        let fen: Int
        var testDescription: String { "\(name) (gross \(grossKg) kg)" }
    }

    static let national: [Case] = [
        Case(name: "exactly at the limit", grossKg: 49_000, outcome: .none, fen: 0),
        Case(name: "limit + 1 kg", grossKg: 49_001, outcome: .warning, fen: 0),
        Case(name: "limit + 1,000 kg", grossKg: 50_000, outcome: .warning, fen: 0),
        // 1,001 kg × 0.5 yuan = 500.50 yuan: the whole excess counts once past 1,000 kg.
        Case(name: "limit + 1,001 kg", grossKg: 50_001, outcome: .fine, fen: 50_050),
        // 9,800 kg × 0.5 = 4,900 yuan.
        Case(name: "exactly 20 %", grossKg: 58_800, outcome: .fine, fen: 490_000),
        // 9,801 kg × 0.5 = 4,900.50 yuan.
        Case(name: "20 % + 1 kg", grossKg: 58_801, outcome: .fine, fen: 490_050),
        // 24,500 kg × 0.5 = 12,250 yuan.
        Case(name: "exactly 50 %", grossKg: 73_500, outcome: .fine, fen: 1_225_000),
        // 60,000 kg × 0.5 = 30,000 yuan: exactly the cap.
        Case(name: "exactly at the cap", grossKg: 109_000, outcome: .fine, fen: 3_000_000),
        // 60,001 kg × 0.5 = 30,000.50 yuan → capped.
        Case(name: "one kg past the cap", grossKg: 109_001, outcome: .fine, fen: 3_000_000),
        // 151,000 kg × 0.5 = 75,500 yuan → capped.
        Case(name: "huge mass", grossKg: 200_000, outcome: .fine, fen: 3_000_000),
    ]

    static let zhejiang: [Case] = [
        Case(name: "exactly at the limit", grossKg: 49_000, outcome: .none, fen: 0),
        Case(name: "limit + 1 kg", grossKg: 49_001, outcome: .educationNoPenalty, fen: 0),
        Case(name: "limit + 1,000 kg", grossKg: 50_000, outcome: .educationNoPenalty, fen: 0),
        Case(name: "limit + 1,001 kg", grossKg: 50_001, outcome: .educationNoPenalty, fen: 0),
        Case(name: "exactly 20 %", grossKg: 58_800, outcome: .educationNoPenalty, fen: 0),
        // 1 kg in the 20–50 % part × 0.3 yuan = 0.30 yuan.
        Case(name: "20 % + 1 kg", grossKg: 58_801, outcome: .fine, fen: 30),
        // 14,700 kg × 0.3 = 4,410 yuan; nothing above 50 %.
        Case(name: "exactly 50 %", grossKg: 73_500, outcome: .fine, fen: 441_000),
        // 4,410 + 1 kg × 0.5 = 4,410.50 yuan.
        Case(name: "50 % + 1 kg", grossKg: 73_501, outcome: .fine, fen: 441_050),
        // 4,410 + 51,180 kg × 0.5 (25,590) = 30,000 yuan: exactly the cap.
        Case(name: "exactly at the cap", grossKg: 124_680, outcome: .fine, fen: 3_000_000),
        // 4,410 + 51,181 × 0.5 = 30,000.50 → capped.
        Case(name: "one kg past the cap", grossKg: 124_681, outcome: .fine, fen: 3_000_000),
        // 4,410 + 126,500 × 0.5 = 67,660 → capped.
        Case(name: "huge mass", grossKg: 200_000, outcome: .fine, fen: 3_000_000),
    ]

    @Test("National scale (Jinshan 310116)", arguments: national)
    func nationalScale(_ row: Case) throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: row.grossKg)
        #expect(quote.outcome == row.outcome)
        #expect(quote.amount == Money(fen: row.fen))
    }

    @Test("Zhejiang scale (Pinghu 330482)", arguments: zhejiang)
    func zhejiangScale(_ row: Case) throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: row.grossKg)
        #expect(quote.outcome == row.outcome)
        #expect(quote.amount == Money(fen: row.fen))
    }

    @Test("Hitting the cap says so and cites the cap")
    func capLine() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 200_000)
        #expect(quote.reasoning.last == "合计 75,500 元，超过最高 30,000 元，按最高 30,000 元计")
        #expect(quote.steps.last?.amount == Money(yuan: 30_000))
        #expect(quote.citations.contains { $0.article == "第四十三条第一款第（二）项" })
    }

    @Test("A warning and an education outcome explain themselves and cite their article")
    func lenientLines() throws {
        let benchmarks = try PenaltyFixtures.real()
        let warning = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 49_500)
        #expect(warning.reasoning == [
            "车货总质量 49,500 千克，限值 49,000 千克，超限 500 千克（1.02%）",
            "适用裁量基准：上海市，适用全国（国家规定）标准",
            "超限未超过 1,000 千克：予以警告",
        ])
        #expect(warning.citations.map(\.law).contains("超限运输车辆行驶公路管理规定（交通运输部令2016年第62号）"))

        let education = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: 58_800)
        #expect(education.reasoning == [
            "车货总质量 58,800 千克，限值 49,000 千克，超限 9,800 千克（20.00%）",
            "适用裁量基准：浙江省",
            "超限未超过限值的 20%：批评教育，不予处罚",
        ])
        #expect(education.citations == [Citation(law: "浙江省公路条例", article: "第五十三条", confidence: .text)])
    }

    @Test("Within the limit is a quote with outcome none, not an error")
    func compliant() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 18_000, grossKg: 17_950)
        #expect(quote.outcome == .none)
        #expect(quote.amount == .zero)
        #expect(quote.citations.isEmpty)
        #expect(quote.reasoning == ["车货总质量 17,950 千克，未超过限值 18,000 千克，不构成超限运输违法行为"])
    }

    @Test("Non-positive or impossible masses are refused", arguments: [(0, 10_000), (-5, 10_000), (49_000, 0), (49_000, -1), (49_000, Int.max), (Int.max, 49_000)])
    func invalidMasses(limitKg: Int, grossKg: Int) throws {
        let benchmarks = try PenaltyFixtures.real()
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: limitKg, grossKg: grossKg)
        }
        #expect(error?.code == "invalid_facts")
    }

    @Test("Every step's line is the matching reasoning line")
    func stepsMatchReasoning() throws {
        let benchmarks = try PenaltyFixtures.real()
        for jurisdiction in [PenaltyFixtures.pinghu, PenaltyFixtures.jinshan, PenaltyFixtures.wujiang] {
            for gross in [49_000, 49_500, 58_801, 80_000, 200_000] {
                let quote = try benchmarks.quoteOverload(jurisdiction: jurisdiction, limitKg: 49_000, grossKg: gross)
                #expect(quote.steps.map(\.line) == quote.reasoning)
                #expect(!quote.reasoning.isEmpty)
            }
        }
    }
}
