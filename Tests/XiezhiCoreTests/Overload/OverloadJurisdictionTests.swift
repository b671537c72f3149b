import Foundation
import Testing
import XiezhiCore

@Suite("Overload judge: tolerance per jurisdiction, the same truck on both sides of the border")
struct OverloadJurisdictionTests {
    typealias F = OverloadFixtures

    static func override(_ jurisdiction: String, _ name: String, _ percent: Double) -> [String: Any] {
        ["jurisdiction": jurisdiction, "nameZh": name, "percent": percent, "citation": F.testCitation, "note": "测试用"]
    }

    /// The real file with test overrides: Zhejiang 3 %, Jiaxing 4 %, Pinghu 10 %, Shanghai 7.5 %.
    static func withOverrides() throws -> OverloadLimits {
        try F.editedLimits { tree in
            OverloadLimitsDataTests.section(&tree, "tolerance") { tolerance in
                tolerance["overrides"] = [
                    override("33", "浙江省", 3), override("3304", "嘉兴市", 4), override("330482", "平湖市", 10), override("31", "上海市", 7.5),
                ]
            }
        }
    }

    @Test("the most specific override applies: county, then prefecture, then province, then national")
    func resolution() throws {
        let limits = try Self.withOverrides()
        let cases: [(JurisdictionCode, Int, String)] = [
            (F.pinghu, 1000, "330482"),
            (F.jiashan, 400, "3304"),
            (JurisdictionCode(rawValue: "330102")!, 300, "33"),
            (F.jinshan, 750, "31"),
            (F.wujiang, 500, "national"),
        ]
        for (jurisdiction, hundredths, scope) in cases {
            let tolerance = limits.tolerance.resolved(for: jurisdiction)
            #expect(tolerance.percentage.hundredths == hundredths, "\(jurisdiction)")
            #expect(tolerance.scope == scope, "\(jurisdiction)")
        }
        #expect(limits.tolerance.resolved(for: F.wujiang).scopeNameZh == "全国")
        #expect(limits.tolerance.resolved(for: F.pinghu).scopeNameZh == "平湖市")
    }

    @Test("the same weighing is within tolerance in one jurisdiction and overloaded in another")
    func toleranceDecidesClass() throws {
        let limits = try Self.withOverrides()
        // 49 t limit: 52,000 kg is 6.12 % over.
        let record = F.record(.combination, F.sixAxle, grossKg: 52000)
        let pinghu = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
        let jiashan = OverloadJudge.judge(record, jurisdiction: F.jiashan, limits: limits)
        let jinshan = OverloadJudge.judge(record, jurisdiction: F.jinshan, limits: limits)
        let wujiang = OverloadJudge.judge(record, jurisdiction: F.wujiang, limits: limits)
        #expect(pinghu.overloadClass == .withinTolerance && pinghu.toleratedKg == 53900)
        #expect(jiashan.overloadClass == .overloaded && jiashan.toleratedKg == 50960)
        #expect(jinshan.overloadClass == .withinTolerance && jinshan.toleratedKg == 52675)
        #expect(wujiang.overloadClass == .overloaded && wujiang.toleratedKg == 51450)
        // The limit and the excess do not move with the tolerance.
        for judgement in [pinghu, jiashan, jinshan, wujiang] {
            #expect(judgement.limitKg == 49000 && judgement.overKg == 3000)
        }
        // Exactly at Shanghai's 7.5 %: 52,675 within, 52,676 over.
        #expect(OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: 52675), jurisdiction: F.qingpu, limits: limits).overloadClass == .withinTolerance)
        #expect(OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: 52676), jurisdiction: F.qingpu, limits: limits).overloadClass == .overloaded)
    }

    @Test("a Shanghai-registered six-axle truck at 62 t is judged the same in Pinghu and in Jinshan")
    func shanghaiTruckBothSides() throws {
        let limits = try F.real()
        let record = F.record(.combination, F.sixAxle, grossKg: 62000, plate: "沪D12345")
        #expect(record.recognisedPlate?.province == .shanghai)
        let pinghu = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
        let jinshan = OverloadJudge.judge(record, jurisdiction: F.jinshan, limits: limits)
        for judgement in [pinghu, jinshan] {
            #expect(judgement.limitKg == 49000)
            #expect(judgement.overloadClass == .overloaded)
            #expect(judgement.overKg == 13000)
            #expect(judgement.overPct?.fixed == "26.53%")
            #expect(judgement.tolerance.percentage == Percentage(hundredths: 500))
            #expect(judgement.primaryCitation?.article == "第三条第一款第（八）项")
            #expect(judgement.isViolation)
            #expect(judgement.tags.isEmpty)
        }
        var pinghuWithoutPlace = pinghu
        pinghuWithoutPlace.jurisdiction = F.jinshan
        #expect(pinghuWithoutPlace == jinshan)
    }
}
