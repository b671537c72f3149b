import Foundation
import Testing
import XiezhiCore

/// County → prefecture → province → national: the most specific entry that prices the violation wins.
@Suite("Benchmark resolution")
struct BenchmarkResolutionTests {
    static func levels() throws -> PenaltyBenchmarks {
        try PenaltyBenchmarks(json: Data(PenaltyFixtures.levels.utf8))
    }

    struct Row: CustomTestStringConvertible, Sendable {
        let jurisdiction: String
        let violation: String
        let entry: BenchmarkScope
        let scaleSource: BenchmarkScope
        let searched: [String]
        var testDescription: String { "\(violation) in \(jurisdiction) → \(entry)" }
    }

    static let rows: [Row] = [
        // Pinghu has its own overload entry: the county overrides Zhejiang.
        Row(jurisdiction: "330482", violation: "overload", entry: .county(PenaltyFixtures.pinghu), scaleSource: .county(PenaltyFixtures.pinghu),
            searched: ["330482"]),
        // Jiashan has none, nor does Jiaxing: Zhejiang's entry.
        Row(jurisdiction: "330421", violation: "overload", entry: .province("33"), scaleSource: .province("33"),
            searched: ["330421", "3304", "33"]),
        // Dimensions: Jiaxing's prefecture entry, for Pinghu too (its county entry has no dimensions).
        Row(jurisdiction: "330482", violation: "over_dimension", entry: .prefecture("3304"), scaleSource: .prefecture("3304"),
            searched: ["330482", "3304"]),
        // Hangzhou (3301) is in Zhejiang but not in Jiaxing: national dimensions.
        Row(jurisdiction: "330106", violation: "over_dimension", entry: .national, scaleSource: .national,
            searched: ["330106", "3301", "33", "national"]),
        // Shanghai adopts the national overload scale.
        Row(jurisdiction: "310116", violation: "overload", entry: .province("31"), scaleSource: .national,
            searched: ["310116", "3101", "31"]),
        // Jiangsu has no entry in this fixture: national.
        Row(jurisdiction: "320509", violation: "overload", entry: .national, scaleSource: .national,
            searched: ["320509", "3205", "32", "national"]),
    ]

    @Test("Most specific entry wins", arguments: rows)
    func resolution(_ row: Row) throws {
        let code = try JurisdictionCode.parse(row.jurisdiction)
        let resolved = try Self.levels().benchmark(for: code, violation: row.violation)
        #expect(resolved.entry == row.entry)
        #expect(resolved.scaleSource == row.scaleSource)
        #expect(resolved.searched.map(\.text) == row.searched)
        #expect(resolved.jurisdiction == code)
        #expect(resolved.edition == "test-levels")
    }

    /// The override changes the price: Pinghu's 450/t vs Jiashan's (Zhejiang's) 400/t vs national 500/t,
    /// on 2,000 kg over (lenient ends at 1,000 kg): 900, 800 and 1,000 yuan.
    @Test("The entry used is the one that prices")
    func overridePrices() throws {
        let benchmarks = try Self.levels()
        let rows: [(String, Int)] = [("330482", 900), ("330421", 800), ("310116", 1_000), ("320509", 1_000)]
        for (code, yuan) in rows {
            let quote = try benchmarks.quoteOverload(jurisdiction: try JurisdictionCode.parse(code), limitKg: 49_000, grossKg: 51_000)
            #expect(quote.amount == Money(yuan: yuan), "\(code)")
        }
    }

    @Test("An adoption reports its basis and the entry it adopts")
    func adoption() throws {
        let resolved = try Self.levels().benchmark(for: PenaltyFixtures.jinshan, violation: "overload")
        #expect(resolved.adoptionBasis == Citation(law: "测试用地方规定", article: "第二条", confidence: .text))
        #expect(resolved.entryNameZh == "上海市")
        #expect(resolved.scaleSourceNameZh == "全国")
        #expect(resolved.chineseLine == "适用裁量基准：上海市，适用全国标准")
    }

    @Test("The combination rule resolves the same way")
    func combination() throws {
        let benchmarks = try Self.levels()
        #expect(try benchmarks.combinationRule(for: PenaltyFixtures.pinghu).entry == .prefecture("3304"))
        #expect(try benchmarks.combinationRule(for: PenaltyFixtures.pinghu).rule.capYuan == 20_000)
        #expect(try benchmarks.combinationRule(for: PenaltyFixtures.jinshan).entry == .national)
    }

    @Test("No national default and no local entry: no_benchmark")
    func noDefault() throws {
        let withoutNational = """
        {
          "edition": "test",
          "violationKinds": [{"id": "overload", "nameZh": "超限运输", "scaleType": "mass_excess"}],
          "entries": [{"code": "33", "nameZh": "浙江省", "violations": {"overload": {"scale": \(PenaltyFixtures.massScale())}}}]
        }
        """
        let benchmarks = try PenaltyBenchmarks(json: Data(withoutNational.utf8))
        #expect(try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: 51_000).amount == Money(yuan: 1_000))
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.beijingDongcheng, limitKg: 49_000, grossKg: 51_000)
        }
        #expect(error?.code == "no_benchmark")
        let combined = PenaltyFixtures.domainError { _ = try benchmarks.combinationRule(for: PenaltyFixtures.pinghu) }
        #expect(combined?.code == "no_benchmark")
    }

    @Test("An undeclared violation id is unknown_violation")
    func unknownViolation() throws {
        let benchmarks = try PenaltyFixtures.real()
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quote(jurisdiction: PenaltyFixtures.pinghu, violation: "speeding", facts: .mass(MassFacts(limitKg: 1, grossKg: 2)))
        }
        #expect(error?.code == "unknown_violation")
        #expect(error?.reason.contains("speeding") == true)
    }

    @Test("Facts of the wrong kind are facts_mismatch")
    func factsMismatch() throws {
        let benchmarks = try PenaltyFixtures.real()
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quote(
                jurisdiction: PenaltyFixtures.pinghu, violation: "overload",
                facts: .dimensions(DimensionFacts(heightMm: 4_500, widthMm: 2_500, lengthMm: 18_000))
            )
        }
        #expect(error?.code == "facts_mismatch")
    }

    /// The shipped file: Jiaxing's counties use Zhejiang's entry, Shanghai's and Jiangsu's districts adopt the
    /// national scale, anywhere else gets the national default; dimensions are national everywhere.
    @Test("Shipped file resolves the demo region", arguments: [
        ("330482", "overload", "33", "33"), ("330421", "overload", "33", "33"), ("330402", "overload", "33", "33"),
        ("310116", "overload", "31", "national"), ("310118", "overload", "31", "national"),
        ("320509", "overload", "32", "national"), ("110101", "overload", "national", "national"),
        ("330482", "over_dimension", "national", "national"), ("310116", "over_dimension", "national", "national"),
    ])
    func shipped(code: String, violation: String, entry: String, source: String) throws {
        let resolved = try PenaltyFixtures.real().benchmark(for: try JurisdictionCode.parse(code), violation: violation)
        #expect(resolved.entry.text == entry)
        #expect(resolved.scaleSource.text == source)
    }
}
