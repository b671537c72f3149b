import Foundation
import Testing
import XiezhiCore
import XiezhiData

/// Shared inputs for the penalty tests: the real benchmark file, and a small hand-made file whose numbers are
/// test-only (its citations say so) for resolution, counting rules and malformed-data cases.
enum PenaltyFixtures {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jiashan = JurisdictionCode(rawValue: "330421")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!
    static let wujiang = JurisdictionCode(rawValue: "320509")!
    static let beijingDongcheng = JurisdictionCode(rawValue: "110101")!

    /// The shipped `Data/rules/penalty-benchmarks.json`, decoded.
    static func real() throws -> PenaltyBenchmarks {
        try PenaltyBenchmarks(json: try realBytes())
    }

    static func realBytes() throws -> Data {
        try BundledData.rulesFile("penalty-benchmarks.json")
    }

    static let testCitation = #"{"law": "测试用规定", "article": "第一条", "confidence": "unverified"}"#

    /// A mass scale: lenient ≤ `lenientKg` kg → warning, then `rate` yuan per tonne of the whole excess.
    static func massScale(
        rate: Int = 500, lenientKg: Int = 1000, cap: Int = 30000,
        counting: String = "exact_kg", rounding: String = "none"
    ) -> String {
        """
        {
          "type": "mass_excess",
          "lenient": {"upToKg": \(lenientKg), "outcome": "warning", "citation": \(testCitation)},
          "bands": [{"fromKg": 0, "yuanPerTonne": \(rate), "citation": \(testCitation)}],
          "cap": {"yuan": \(cap), "citation": \(testCitation)},
          "massCounting": "\(counting)",
          "amountRounding": "\(rounding)"
        }
        """
    }

    /// A dimension scale with the Order 62 maxima and the given picks for the three bands.
    static func dimensionScale(picks: [String], rounding: String = "floor_yuan") -> String {
        """
        {
          "type": "dimension_bands",
          "limits": {"heightMm": 4000, "widthMm": 2550, "lengthMm": 18100, "citation": \(testCitation)},
          "bands": [
            {"labelZh": "第一档", "maxHeightMm": 4200, "maxWidthMm": 3000, "maxLengthMm": 20000,
             "minYuan": 0, "maxYuan": 200, "citation": \(testCitation), "pick": \(picks[0])},
            {"labelZh": "第二档", "maxHeightMm": 4500, "maxWidthMm": 3750, "maxLengthMm": 28000,
             "minYuan": 200, "maxYuan": 1000, "citation": \(testCitation), "pick": \(picks[1])},
            {"labelZh": "第三档", "minYuan": 1000, "maxYuan": 3000, "citation": \(testCitation), "pick": \(picks[2])}
          ],
          "amountRounding": "\(rounding)"
        }
        """
    }

    static func fixedPick(_ yuan: Int) -> String { #"{"rule": "fixed", "yuan": \#(yuan), "citation": \#(testCitation)}"# }
    static let proportionalPick = #"{"rule": "proportional_to_worst_excess"}"#

    /// A file with only a national entry pricing `overload` by `scale`.
    static func nationalOnly(overload scale: String) -> String {
        """
        {
          "edition": "test",
          "violationKinds": [{"id": "overload", "nameZh": "超限运输（车货总质量超限）", "scaleType": "mass_excess"}],
          "entries": [{"code": "national", "nameZh": "全国", "violations": {"overload": {"scale": \(scale)}}}]
        }
        """
    }

    /// Five levels: national (500/t), Zhejiang 33 (400/t), Jiaxing prefecture 3304 (its own dimension picks),
    /// Pinghu county 330482 (450/t), Shanghai 31 adopting the national overload scale. Test numbers only.
    static let levels = """
    {
      "titleZh": "测试裁量基准",
      "edition": "test-levels",
      "violationKinds": [
        {"id": "overload", "nameZh": "超限运输（车货总质量超限）", "scaleType": "mass_excess"},
        {"id": "over_dimension", "nameZh": "超限运输（车货外廓尺寸超限）", "scaleType": "dimension_bands"}
      ],
      "entries": [
        {
          "code": "national", "nameZh": "全国",
          "combinedViolations": {"rule": "sum_with_cap", "capYuan": 30000, "citation": \(testCitation)},
          "violations": {
            "overload": {"scale": \(massScale(rate: 500))},
            "over_dimension": {"scale": \(dimensionScale(picks: [fixedPick(100), fixedPick(600), fixedPick(2000)]))}
          }
        },
        {"code": "33", "nameZh": "浙江省", "violations": {"overload": {"scale": \(massScale(rate: 400))}}},
        {
          "code": "3304", "nameZh": "嘉兴市",
          "combinedViolations": {"rule": "sum_with_cap", "capYuan": 20000, "citation": \(testCitation)},
          "violations": {"over_dimension": {"scale": \(dimensionScale(picks: [fixedPick(150), fixedPick(700), fixedPick(2500)]))}}
        },
        {"code": "330482", "nameZh": "平湖市", "violations": {"overload": {"scale": \(massScale(rate: 450))}}},
        {
          "code": "31", "nameZh": "上海市",
          "violations": {"overload": {"appliesScaleOf": "national", "basis": {"law": "测试用地方规定", "article": "第二条", "confidence": "text"}}}
        }
      ]
    }
    """

    /// `text` with `old` replaced by `new`; fails the test when `old` is absent, so a mutation never silently
    /// leaves the fixture valid.
    static func mutate(_ text: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        try #require(text.contains(old), "fixture does not contain \(old)", sourceLocation: sourceLocation)
        return Data(text.replacingOccurrences(of: old, with: new).utf8)
    }

    /// The ``DomainError`` `body` throws; fails the test when it throws nothing or something else.
    static func domainError(sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) -> DomainError? {
        do {
            try body()
            Issue.record("expected a DomainError, nothing was thrown", sourceLocation: sourceLocation)
        } catch let error as DomainError {
            return error
        } catch {
            Issue.record("expected a DomainError, got \(error)", sourceLocation: sourceLocation)
        }
        return nil
    }
}
