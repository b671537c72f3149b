import Foundation
import Testing
import XiezhiCore

/// A hand-edited file with a mistake is refused with a DomainError that says what and where.
@Suite("Malformed benchmark data")
struct MalformedBenchmarksTests {
    struct Mutation: CustomTestStringConvertible, Sendable {
        let name: String
        let old: String
        let new: String
        let code: String
        /// A fragment the reason must contain (where or what).
        let mentions: String
        var testDescription: String { name }
    }

    static let citation = PenaltyFixtures.testCitation

    static let mutations: [Mutation] = [
        Mutation(name: "band without citation",
                 old: #""yuanPerTonne": 400, "citation": \#(citation)"#, new: #""yuanPerTonne": 400"#,
                 code: "missing_citation", mentions: "entries[1].violations.overload.scale.bands[0].citation"),
        Mutation(name: "combination cap without citation",
                 old: #""capYuan": 20000, "citation": \#(citation)"#, new: #""capYuan": 20000"#,
                 code: "missing_citation", mentions: "combinedViolations.citation"),
        Mutation(name: "citation with a blank article",
                 old: #""capYuan": 20000, "citation": {"law": "测试用规定", "article": "第一条""#,
                 new: #""capYuan": 20000, "citation": {"law": "测试用规定", "article": " ""#,
                 code: "missing_citation", mentions: "article"),
        Mutation(name: "adoption without basis",
                 old: #", "basis": {"law": "测试用地方规定", "article": "第二条", "confidence": "text"}"#, new: "",
                 code: "missing_citation", mentions: "basis"),
        Mutation(name: "unknown confidence label",
                 old: #""article": "第二条", "confidence": "text""#, new: #""article": "第二条", "confidence": "sure""#,
                 code: "invalid_benchmarks", mentions: "basis"),
        Mutation(name: "unknown scale type",
                 old: #""type": "dimension_bands""#, new: #""type": "per_axle""#,
                 code: "unknown_scale_type", mentions: "per_axle"),
        Mutation(name: "negative cap",
                 old: #""cap": {"yuan": 30000"#, new: #""cap": {"yuan": -1"#,
                 code: "invalid_benchmark_value", mentions: "≥ 0"),
        Mutation(name: "negative combination cap",
                 old: #""capYuan": 20000"#, new: #""capYuan": -20000"#,
                 code: "invalid_benchmark_value", mentions: "capYuan"),
        Mutation(name: "negative rate",
                 old: #""yuanPerTonne": 400"#, new: #""yuanPerTonne": -400"#,
                 code: "invalid_benchmark_value", mentions: "yuanPerTonne"),
        Mutation(name: "absurd rate that would overflow the arithmetic",
                 old: #""yuanPerTonne": 400"#, new: #""yuanPerTonne": 9000000000000000000"#,
                 code: "invalid_benchmark_value", mentions: "yuanPerTonne"),
        Mutation(name: "misspelt key",
                 old: #""yuanPerTonne": 450"#, new: #""yuanPerTonne": 450, "toPercentofLimit": 50"#,
                 code: "unknown_benchmark_key", mentions: "toPercentofLimit"),
        Mutation(name: "both kg and percent",
                 old: #""fromKg": 0, "yuanPerTonne": 450"#, new: #""fromKg": 0, "fromPercentOfLimit": 0, "yuanPerTonne": 450"#,
                 code: "invalid_benchmark_value", mentions: "not both"),
        Mutation(name: "undeclared violation",
                 old: #""violations": {"overload": {"scale": {"#, new: #""violations": {"speeding": {"scale": {"#,
                 code: "unknown_violation", mentions: "speeding"),
        Mutation(name: "scale of the wrong type",
                 old: #""scaleType": "mass_excess""#, new: #""scaleType": "dimension_bands""#,
                 code: "scale_type_mismatch", mentions: "mass_excess"),
        Mutation(name: "two entries for one code",
                 old: #""code": "330482""#, new: #""code": "33""#,
                 code: "duplicate_benchmark_entry", mentions: "33"),
        Mutation(name: "adoption of a missing entry",
                 old: #""appliesScaleOf": "national""#, new: #""appliesScaleOf": "32""#,
                 code: "invalid_adoption", mentions: "32"),
        Mutation(name: "both scale and adoption",
                 old: #""appliesScaleOf": "national""#, new: #""appliesScaleOf": "national", "scale": {}"#,
                 code: "invalid_benchmarks", mentions: "exactly one"),
        Mutation(name: "fixed pick outside the range",
                 old: #""yuan": 700"#, new: #""yuan": 1700"#,
                 code: "invalid_benchmark_value", mentions: "outside"),
        Mutation(name: "misspelt key in a pick",
                 old: #""yuan": 2500, "citation": \#(citation)}"#, new: #""yuan": 2500, "citation": \#(citation), "yaun": 1}"#,
                 code: "unknown_benchmark_key", mentions: "yaun"),
        Mutation(name: "band maxima not increasing",
                 old: #""maxHeightMm": 4500, "maxWidthMm": 3750"#, new: #""maxHeightMm": 4100, "maxWidthMm": 3750"#,
                 code: "invalid_benchmark_value", mentions: "height"),
        Mutation(name: "min above max",
                 old: #""minYuan": 200, "maxYuan": 1000"#, new: #""minYuan": 2000, "maxYuan": 1000"#,
                 code: "invalid_benchmark_value", mentions: "minYuan"),
        Mutation(name: "bad jurisdiction code",
                 old: #""code": "3304""#, new: #""code": "330""#,
                 code: "invalid_benchmark_value", mentions: "330"),
        Mutation(name: "lenient tier that fines",
                 old: #""outcome": "warning""#, new: #""outcome": "fine""#,
                 code: "invalid_benchmark_value", mentions: "lenient"),
        Mutation(name: "unknown counting rule",
                 old: #""massCounting": "exact_kg""#, new: #""massCounting": "per_axle""#,
                 code: "invalid_benchmark_value", mentions: "exact_kg"),
        Mutation(name: "missing edition",
                 old: #""edition": "test-levels","#, new: "",
                 code: "invalid_benchmarks", mentions: "edition"),
        Mutation(name: "number given as text",
                 old: #""capYuan": 30000"#, new: #""capYuan": "30000""#,
                 code: "invalid_benchmarks", mentions: "capYuan"),
    ]

    @Test("Refused with a clear DomainError", arguments: mutations)
    func refused(_ mutation: Mutation) throws {
        let data = try PenaltyFixtures.mutate(PenaltyFixtures.levels, mutation.old, mutation.new)
        let error = PenaltyFixtures.domainError { _ = try PenaltyBenchmarks(json: data) }
        #expect(error?.code == mutation.code, "\(error?.description ?? "no error")")
        #expect(error?.reason.contains(mutation.mentions) == true, "\(error?.reason ?? "")")
    }

    @Test("The unmutated fixture is valid")
    func fixtureIsValid() throws {
        #expect(try PenaltyBenchmarks(json: Data(PenaltyFixtures.levels.utf8)).entries.count == 5)
    }

    @Test("An open band with a proportional pick is refused")
    func proportionalOpenBand() throws {
        let scale = PenaltyFixtures.dimensionScale(picks: [PenaltyFixtures.fixedPick(100), PenaltyFixtures.fixedPick(600), PenaltyFixtures.proportionalPick])
        let json = """
        {
          "edition": "test",
          "violationKinds": [{"id": "over_dimension", "nameZh": "超限运输", "scaleType": "dimension_bands"}],
          "entries": [{"code": "national", "nameZh": "全国", "violations": {"over_dimension": {"scale": \(scale)}}}]
        }
        """
        let error = PenaltyFixtures.domainError { _ = try PenaltyBenchmarks(json: Data(json.utf8)) }
        #expect(error?.code == "invalid_benchmark_value")
        #expect(error?.reason.contains("open-ended") == true)
    }

    @Test("Overlapping mass bands are refused")
    func overlappingBands() throws {
        let scale = """
        {
          "type": "mass_excess",
          "lenient": {"upToPercentOfLimit": 20, "outcome": "education_no_penalty", "citation": \(Self.citation)},
          "bands": [
            {"fromPercentOfLimit": 20, "toPercentOfLimit": 60, "yuanPerTonne": 300, "citation": \(Self.citation)},
            {"fromPercentOfLimit": 50, "yuanPerTonne": 500, "citation": \(Self.citation)}
          ],
          "cap": {"yuan": 30000, "citation": \(Self.citation)},
          "massCounting": "exact_kg", "amountRounding": "none"
        }
        """
        let error = PenaltyFixtures.domainError { _ = try PenaltyBenchmarks(json: Data(PenaltyFixtures.nationalOnly(overload: scale).utf8)) }
        #expect(error?.code == "invalid_benchmark_value")
        #expect(error?.reason.contains("overlap") == true)
    }

    @Test("Not JSON at all")
    func notJSON() throws {
        let error = PenaltyFixtures.domainError { _ = try PenaltyBenchmarks(json: Data("{ not json".utf8)) }
        #expect(error?.code == "invalid_benchmarks")
    }
}

/// Scales built in code (not decoded) are checked the same way, and a scale broken after construction is
/// refused at pricing time instead of crashing.
@Suite("Scales built in code")
struct ScalesBuiltInCodeTests {
    static let citation = Citation(law: "测试用规定", article: "第一条", confidence: .unverified)

    @Test("Empty or open-in-the-middle bands are refused")
    func refusedAtInit() throws {
        let cap = CitedAmount(yuan: 30_000, citation: Self.citation)
        let empty = PenaltyFixtures.domainError {
            _ = try MassExcessScale(lenient: nil, bands: [], cap: cap, massCounting: .exactKg, amountRounding: .none)
        }
        #expect(empty?.code == "invalid_benchmark_value")

        let openFirst = PenaltyFixtures.domainError {
            _ = try MassExcessScale(
                lenient: nil,
                bands: [
                    RateBand(from: .kg(0), to: nil, yuanPerTonne: 500, citation: Self.citation),
                    RateBand(from: .kg(5_000), to: nil, yuanPerTonne: 800, citation: Self.citation),
                ],
                cap: cap, massCounting: .exactKg, amountRounding: .none
            )
        }
        #expect(openFirst?.reason.contains("open-ended") == true)

        let limits = DimensionLimits(heightMm: 4_000, widthMm: 2_550, lengthMm: 18_100, citation: Self.citation)
        let band = try DimensionBand(
            labelZh: "第一档", maxima: DimensionSizes(heightMm: 4_200, widthMm: 3_000, lengthMm: 20_000),
            minYuan: 0, maxYuan: 200, citation: Self.citation, pick: .proportionalToWorstExcess(note: nil)
        )
        let closedLast = PenaltyFixtures.domainError {
            _ = try DimensionBandScale(limits: limits, bands: [band], amountRounding: .floorYuan)
        }
        #expect(closedLast?.reason.contains("open-ended") == true)

        let proportionalOpen = PenaltyFixtures.domainError {
            _ = try DimensionBand(labelZh: "第三档", maxima: nil, minYuan: 1_000, maxYuan: 3_000, citation: Self.citation, pick: .proportionalToWorstExcess(note: nil))
        }
        #expect(proportionalOpen?.code == "invalid_benchmark_value")
    }

    @Test("A scale emptied after construction is refused when pricing")
    func refusedAtPricing() throws {
        var scale = try MassExcessScale(
            lenient: nil, bands: [RateBand(from: .kg(0), to: nil, yuanPerTonne: 500, citation: Self.citation)],
            cap: CitedAmount(yuan: 30_000, citation: Self.citation), massCounting: .exactKg, amountRounding: .none
        )
        scale.bands = []
        let benchmarks = try PenaltyBenchmarks(
            edition: "test",
            violationKinds: [ViolationKind(id: "overload", nameZh: "超限运输", scaleType: .massExcess)],
            entries: [BenchmarkEntry(code: .national, nameZh: "全国", violations: ["overload": .scale(.massExcess(scale), note: nil)])]
        )
        let error = PenaltyFixtures.domainError {
            _ = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: 60_000)
        }
        #expect(error?.code == "invalid_benchmark_value")
    }
}
