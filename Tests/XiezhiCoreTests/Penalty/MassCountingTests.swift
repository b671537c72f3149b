import Foundation
import Testing
import XiezhiCore

/// The part-tonne counting and the rounding rules an agency can choose in data, on a 500 yuan/t scale with a
/// warning up to 1,000 kg (the Order 62 shape); limit 49,000 kg.
@Suite("Mass counting and rounding rules")
struct MassCountingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let counting: String
        let rounding: String
        let excessKg: Int
        let fen: Int
        var testDescription: String { "\(counting)/\(rounding), \(excessKg) kg over" }
    }

    static let cases: [Case] = [
        // Exact kg, no rounding: 1,001 × 0.5 = 500.50; 7,030 × 0.5 = 3,515.
        Case(counting: "exact_kg", rounding: "none", excessKg: 1_001, fen: 50_050),
        Case(counting: "exact_kg", rounding: "none", excessKg: 7_030, fen: 351_500),
        // Exact kg, floored to the yuan: 500.50 → 500; 1,003 × 0.5 = 501.50 → 501.
        Case(counting: "exact_kg", rounding: "floor_yuan", excessKg: 1_001, fen: 50_000),
        Case(counting: "exact_kg", rounding: "floor_yuan", excessKg: 1_003, fen: 50_100),
        // Exact kg, half up: 500.50 → 501; 1,002 × 0.5 = 501 stays.
        Case(counting: "exact_kg", rounding: "half_up_yuan", excessKg: 1_001, fen: 50_100),
        Case(counting: "exact_kg", rounding: "half_up_yuan", excessKg: 1_002, fen: 50_100),
        // Started tonnes: 1,001 kg → 2 t = 1,000; 7,030 → 8 t = 4,000; 2,000 → 2 t = 1,000.
        Case(counting: "started_tonne", rounding: "none", excessKg: 1_001, fen: 100_000),
        Case(counting: "started_tonne", rounding: "none", excessKg: 7_030, fen: 400_000),
        Case(counting: "started_tonne", rounding: "none", excessKg: 2_000, fen: 100_000),
        // Whole tonnes: 1,001 → 1 t = 500; 7,030 → 7 t = 3,500; 1,999 → 1 t = 500.
        Case(counting: "whole_tonne", rounding: "none", excessKg: 1_001, fen: 50_000),
        Case(counting: "whole_tonne", rounding: "none", excessKg: 7_030, fen: 350_000),
        Case(counting: "whole_tonne", rounding: "none", excessKg: 1_999, fen: 50_000),
    ]

    @Test("Counting and rounding", arguments: cases)
    func counting(_ row: Case) throws {
        let json = PenaltyFixtures.nationalOnly(overload: PenaltyFixtures.massScale(counting: row.counting, rounding: row.rounding))
        let quote = try PenaltyBenchmarks(json: Data(json.utf8))
            .quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 49_000 + row.excessKg)
        #expect(quote.amount == Money(fen: row.fen))
        #expect(quote.outcome == .fine)
    }

    @Test("Tonne counting and rounding are printed")
    func printed() throws {
        let started = try PenaltyBenchmarks(json: Data(PenaltyFixtures.nationalOnly(overload: PenaltyFixtures.massScale(counting: "started_tonne")).utf8))
            .quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 56_030)
        #expect(started.reasoning.contains("超限部分 7,030 千克（不足 1 吨按 1 吨计，计 8 吨） × 500 元/吨 = 4,000 元"))

        let floored = try PenaltyBenchmarks(json: Data(PenaltyFixtures.nationalOnly(overload: PenaltyFixtures.massScale(rounding: "floor_yuan")).utf8))
            .quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 50_001)
        #expect(floored.reasoning.suffix(2) == ["500.50 元向下取整到元为 500 元", "合计 500 元，未超过最高 30,000 元"])
    }

    /// A limit that is not a multiple of 5 kg puts the 20 % line between kilograms: 20 % of 17,999 kg is
    /// 3,599.8 kg, so 7,000 kg over leaves 3,400.2 kg in the 20–50 % part × 0.3 = 1,020.06 yuan.
    @Test("Percentage lines are exact, not rounded to the kilogram")
    func fractionalThreshold() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 17_999, grossKg: 24_999)
        #expect(quote.amount == Money(fen: 102_006))
        #expect(quote.reasoning.contains("超限 20% 以内部分 3,599.8 千克，不计罚款"))
        #expect(quote.reasoning.contains("超限 20%–50% 部分 3,400.2 千克 × 300 元/吨 = 1,020.06 元"))
    }
}
