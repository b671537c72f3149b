import Foundation
import Testing
import XiezhiCore

@Suite("Overload judgement: evidence lines and JSON")
struct OverloadJudgementOutputTests {
    typealias F = OverloadFixtures

    @Test("the evidence lines of a two-axle truck read as the evidence package expects")
    func twoAxleLines() throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(F.configurations[0], grossKg: 24000), jurisdiction: F.pinghu, limits: limits)
        let lines = judgement.judgementLines
        #expect(lines.first == "车辆轴型：二轴货车，轴组 单轴 + 单轴；驱动轴 第2轴（单轴，双轮胎，非空气悬架）")
        #expect(lines.contains("二轴货车，限值 18,000 千克（《超限运输车辆行驶公路管理规定》第三条第一款第（四）项）"))
        #expect(lines.contains { $0.hasPrefix("称重检测允许误差 5%（《交通运输部2021年答复》") && $0.contains("〔二手资料〕") && $0.contains("不超过 18,900 千克的暂按未超限处理") })
        #expect(lines.contains("实测车货总质量 24,000 千克，超过限值 18,000 千克，超出 6,000 千克，超限率 33.33%"))
        #expect(lines.contains("认定结论：超限"))
        #expect(!lines.contains { $0.hasPrefix("执法标签") || $0.hasPrefix("设备数据异常") || $0.hasPrefix("推定事项") })
    }

    @Test("each limit step and assumption has its line, in order, with its article")
    func stepLines() throws {
        let limits = try F.real()
        let truck = F.record(.truck, [F.steer(), F.drive(group: 2, air: true), F.carry(group: 2, tyres: .single)], grossKg: 20000)
        let lines = OverloadJudge.judge(truck, jurisdiction: F.pinghu, limits: limits).judgementLines
        let expected = [
            "三轴货车，限值 25,000 千克（《超限运输车辆行驶公路管理规定》第三条第一款第（五）项）",
            "第3轴每侧为单轮胎，限值减少 3,000 千克，为 22,000 千克（《超限运输车辆行驶公路管理规定》第三条第二款第（二）项）",
            "驱动轴（第2轴）为双轮胎并装备空气悬架，限值增加 1,000 千克，为 23,000 千克（《公路货运车辆超限超载认定标准》关于三轴、四轴货车驱动轴为双轮胎并装备空气悬架的规定（条款号待核）〔二手资料〕）",
        ]
        let found = expected.compactMap { lines.firstIndex(of: $0) }
        #expect(found.count == 3 && found == found.sorted())
        #expect(lines.contains("实测车货总质量 20,000 千克，未超过限值 23,000 千克"))
        #expect(lines.contains("认定结论：未超限"))
        #expect(lines.last == "推定事项：第3轴单轮胎的宽度无法由称重设备测得，按普通单轮胎减少限值；如为符合国家标准的加宽轮胎，不应减少，请核查照片")

        let capped = OverloadJudge.judge(F.record(.truck, F.configurations[0].axles, grossKg: 12500, registeredMassKg: 12000), jurisdiction: F.pinghu, limits: limits)
        #expect(capped.judgementLines.contains { $0.hasPrefix("行驶证核定总质量 12,000 千克，低于上述限值，以其为限值（") })
        #expect(capped.judgementLines.contains("认定结论：超过限值但在称重检测允许误差范围内，暂按未超限处理"))

        let articulated = OverloadJudge.judge(
            F.record(.combination, [F.steer(), F.drive(group: 2, air: true), F.carry(group: 3), F.carry(group: 3)], grossKg: 30000),
            jurisdiction: F.pinghu, limits: limits
        )
        #expect(articulated.judgementLines.contains { $0.hasPrefix("四轴铰接列车驱动轴为双轮胎并装备空气悬架，限值调整为 37,000 千克（") })
        #expect(articulated.judgementLines.contains("推定事项：半挂车轴距（不小于 1,800 毫米）及铰接列车构造无法由称重设备测得，按有利于当事人的原则推定满足，适用 37,000 千克限值"))
    }

    @Test("an override's name appears in the tolerance line; an unlisted configuration says so")
    func otherLines() throws {
        let limits = try OverloadJurisdictionTests.withOverrides()
        let judgement = OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: 50000), jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.judgementLines.contains("称重检测允许误差 10%（平湖市，《测试用规定》第一条〔未经核实〕），车货总质量不超过 53,900 千克的暂按未超限处理；超限的，按超过限值的部分计算"))
        let unlisted = OverloadJudge.judge(
            F.record(.truck, [F.steer(), F.steer(), F.drive(group: 2), F.drive(group: 2), F.carry(group: 3)], grossKg: 40000),
            jurisdiction: F.pinghu, limits: limits
        )
        #expect(unlisted.judgementLines == [
            "车辆轴型：五轴货车，轴组 二轴组 + 二轴组 + 单轴；驱动轴 第3、4轴（双轮胎，非空气悬架）",
            "五轴货车未列入超限认定限值表，无法认定车货总质量限值，需人工核查",
            "实测车货总质量 40,000 千克",
            "认定结论：车辆轴型未列入限值表，需人工核查",
        ])
    }

    @Test("absurd device values never crash the lines")
    func absurdValues() throws {
        let limits = try F.real()
        var record = F.record(.combination, F.sixAxle, grossKg: 62000)
        record.grossKg = Int.min
        record.axles[1].weightKg = Int.min
        record.axles[2].weightKg = Int.max
        record.speedKmh = -.infinity
        record.heightM = -0.5
        record.lengthM = .nan
        let judgement = OverloadJudge.judge(record, jurisdiction: F.pinghu, limits: limits)
        #expect(judgement.overloadClass == .deviceFault)
        #expect(judgement.axleSumKg == nil && judgement.overKg == nil)
        let lines = judgement.judgementLines
        #expect(lines.contains("实测车货总质量 超出范围的数值"))
        #expect(lines.contains { $0.hasPrefix("设备数据异常：总高度测量值 -0.50 米，不在合理范围（大于 0 且不超过 8.00 米）") })
        #expect(lines.contains { $0.hasPrefix("设备数据异常：总长度测量值 无效值，") })
        #expect(lines.contains { $0.hasPrefix("设备数据异常：车速 无效值，") })
    }

    @Test("the judgement encodes with the keys `xiezhi wim judge` prints, and decodes back")
    func json() throws {
        let limits = try F.real()
        let judgement = OverloadJudge.judge(F.record(.combination, F.sixAxle, grossKg: 62000, heightM: 4.2), jurisdiction: F.pinghu, limits: limits)
        let data = try JSONEncoder().encode(judgement)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["class"] as? String == "overloaded")
        #expect(object["limit_kg"] as? Int == 49000)
        #expect(object["gross_kg"] as? Int == 62000)
        #expect(object["over_kg"] as? Int == 13000)
        #expect(object["over_pct"] as? Double == 26.53)
        #expect(object["tolerated_kg"] as? Int == 51450)
        #expect(object["jurisdiction"] as? String == "330482")
        #expect(object["limits_edition"] as? String == limits.edition)
        let tolerance = try #require(object["tolerance"] as? [String: Any])
        #expect(tolerance["percent"] as? Double == 5)
        let adjustments = try #require(object["adjustments"] as? [[String: Any]])
        #expect(adjustments.first?["kind"] as? String == "base")
        #expect(adjustments.first?["limit_after_kg"] as? Int == 49000)
        let sensor = try #require(object["sensor"] as? [String: Any])
        #expect(sensor["status"] as? String == "ok")
        let excess = try #require((object["dimension_excesses"] as? [[String: Any]])?.first)
        #expect(excess["dimension"] as? String == "height" && excess["over_mm"] as? Int == 200)
        #expect(object["judgement_lines"] == nil)
        #expect(try JSONDecoder().decode(OverloadJudgement.self, from: data) == judgement)
    }

    @Test("Percentage prints and rounds as documents need")
    func percentage() {
        #expect(Percentage(hundredths: 500).description == "5%")
        #expect(Percentage(hundredths: 750).description == "7.5%")
        #expect(Percentage(hundredths: 2653).description == "26.53%")
        #expect(Percentage(hundredths: 2650).fixed == "26.50%")
        #expect(Percentage(hundredths: -204).fixed == "-2.04%")
        #expect(Percentage.ratio(1, of: 3) == Percentage(hundredths: 3333))
        #expect(Percentage.ratio(2, of: 3) == Percentage(hundredths: 6667))
        #expect(Percentage.ratio(-2, of: 3) == Percentage(hundredths: -6667))
        #expect(Percentage.ratio(1, of: 200) == Percentage(hundredths: 50))
    }
}
