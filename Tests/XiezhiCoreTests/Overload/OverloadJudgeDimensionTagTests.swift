import Foundation
import Testing
import XiezhiCore

@Suite("Overload judge: dimensions and enforcement tags")
struct OverloadJudgeDimensionTagTests {
    typealias F = OverloadFixtures

    @Test("dimensions over 4 m, 2.55 m, 18.1 m are excesses with their limit and article; at the limit they are not")
    func dimensions() throws {
        let limits = try F.real()
        func excesses(height: Double?, width: Double?, length: Double?) -> [DimensionExcess] {
            let record = F.record(.combination, F.sixAxle, grossKg: 40000, lengthM: length, widthM: width, heightM: height)
            return OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits).dimensionExcesses
        }
        #expect(excesses(height: 4.0, width: 2.55, length: 18.1).isEmpty)
        #expect(excesses(height: nil, width: nil, length: nil).isEmpty)
        let over = excesses(height: 4.3, width: 2.551, length: 18.2)
        #expect(over.map(\.dimension) == [.height, .width, .length])
        #expect(over.map(\.measuredMm) == [4300, 2551, 18200])
        #expect(over.map(\.limitMm) == [4000, 2550, 18100])
        #expect(over.map(\.overMm) == [300, 1, 100])
        #expect(over.allSatisfy { $0.citation.article == "第三条第一款第（一）至（三）项" && $0.citation.confidence == .text })
    }

    @Test("an over-dimension vehicle within the mass limit is still a violation; a faulty one is not")
    func dimensionViolation() throws {
        let limits = try F.real()
        let tall = F.record(.combination, F.sixAxle, grossKg: 40000, heightM: 4.3)
        let judgement = OverloadJudge.judge(tall, jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.overloadClass == .compliant)
        #expect(judgement.isViolation)
        #expect(judgement.judgementLines.contains("总高度 4.30 米，超过限值 4.00 米，超出 0.30 米（《超限运输车辆行驶公路管理规定》第三条第一款第（一）至（三）项）"))
        var faulty = tall
        faulty.speedKmh = 400
        #expect(!OverloadJudge.judge(faulty, jurisdiction: F.pinghu, limits: limits).isViolation)
    }

    struct TagCase: CustomStringConvertible, Sendable {
        var grossKg: Int
        var tags: [String]
        var description: String { "\(grossKg) kg" }
    }

    /// A six-axle 49 t combination: 40 % over is 68,600 kg, 100 % over is 98,000 kg, 百吨王 at 100,000 kg.
    static let tagCases: [TagCase] = [
        TagCase(grossKg: 52000, tags: []),
        TagCase(grossKg: 68599, tags: []),
        TagCase(grossKg: 68600, tags: ["over_40_percent"]),
        TagCase(grossKg: 97999, tags: ["over_40_percent"]),
        TagCase(grossKg: 98000, tags: ["over_40_percent", "over_100_percent"]),
        TagCase(grossKg: 99999, tags: ["over_40_percent", "over_100_percent"]),
        TagCase(grossKg: 100_000, tags: ["over_40_percent", "over_100_percent", "hundred_tonne"]),
        TagCase(grossKg: 171_000, tags: ["over_40_percent", "over_100_percent", "hundred_tonne"]),
    ]

    @Test("the tags at their thresholds (inclusive)", arguments: tagCases)
    func tags(tagCase: TagCase) throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: tagCase.grossKg), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.tags.map(\.id) == tagCase.tags)
        #expect(judgement.overloadClass == .overloaded)
        for id in tagCase.tags { #expect(judgement.hasTag(id)) }
    }

    @Test("tags carry their kind and citation, and read as labels in the evidence lines")
    func tagLabels() throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: 100_000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.tags.map(\.kind) == [.statistic, .localPriority, .enforcementLabel])
        #expect(judgement.tags.map(\.labelZh) == ["超限40%以上", "超限100%以上", "百吨王"])
        #expect(judgement.judgementLines.contains { $0.hasPrefix("执法标签：超限100%以上（地方重点管控标签，非法定认定标准；") && $0.hasSuffix("〔未经核实〕）") })
        #expect(judgement.judgementLines.contains { $0.hasPrefix("执法标签：百吨王（执法标签，非法定认定标准；") })
    }

    @Test("百吨王 applies by gross even when the configuration is unlisted; percent tags need a limit")
    func tagsWithoutLimit() throws {
        let limits = try F.real()
        let axles = [F.steer(), F.steer(), F.drive(group: 2), F.drive(group: 2), F.carry(group: 3)]
        let judgement = OverloadJudge.judge(F.record(.truck, axles, grossKg: 100_000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.overloadClass == .unlistedConfiguration)
        #expect(judgement.tags.map(\.id) == ["hundred_tonne"])
    }
}
