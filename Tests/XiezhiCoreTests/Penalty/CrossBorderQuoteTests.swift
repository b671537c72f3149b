import Testing
import XiezhiCore

/// The same truck, the same weighing, quoted either side of the Pinghu–Jinshan line: each side's own scale.
@Suite("Same truck, Pinghu vs Jinshan")
struct CrossBorderQuoteTests {
    /// Six-axle combination, limit 49,000 kg, gross 80,000 kg → 31,000 kg over (31,000 / 49,000 = 63.27 %).
    ///
    /// Pinghu (浙江省公路条例 Art. 53): 20 % of 49,000 = 9,800 kg not fined; the 20–50 % part is
    /// 24,500 − 9,800 = 14,700 kg × 300 yuan/t = 4,410 yuan; the part above 50 % is 31,000 − 24,500 = 6,500 kg ×
    /// 500 yuan/t = 3,250 yuan; total 7,660 yuan (under the 30,000 cap).
    /// Jinshan (Order 62 Art. 43(二), via 上海市公路管理条例): 31,000 kg × 500 yuan/t = 15,500 yuan.
    @Test("Six-axle, 49,000 kg limit, 80,000 kg gross")
    func sixAxle() throws {
        let benchmarks = try PenaltyFixtures.real()
        let pinghu = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: 80_000)
        let jinshan = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 49_000, grossKg: 80_000)

        #expect(pinghu.outcome == .fine)
        #expect(pinghu.amount == Money(yuan: 7_660))
        #expect(pinghu.reasoning == [
            "车货总质量 80,000 千克，限值 49,000 千克，超限 31,000 千克（63.27%）",
            "适用裁量基准：浙江省",
            "超限 20% 以内部分 9,800 千克，不计罚款",
            "超限 20%–50% 部分 14,700 千克 × 300 元/吨 = 4,410 元",
            "超限 50% 以上部分 6,500 千克 × 500 元/吨 = 3,250 元",
            "合计 7,660 元，未超过最高 30,000 元",
        ])
        #expect(pinghu.citations == [Citation(law: "浙江省公路条例", article: "第五十三条", confidence: .text)])
        #expect(pinghu.benchmark.entry == .province("33"))

        #expect(jinshan.outcome == .fine)
        #expect(jinshan.amount == Money(yuan: 15_500))
        #expect(jinshan.reasoning == [
            "车货总质量 80,000 千克，限值 49,000 千克，超限 31,000 千克（63.27%）",
            "适用裁量基准：上海市，适用全国（国家规定）标准",
            "超限部分 31,000 千克 × 500 元/吨 = 15,500 元",
            "合计 15,500 元，未超过最高 30,000 元",
        ])
        #expect(jinshan.benchmark.entry == .province("31"))
        #expect(jinshan.benchmark.scaleSource == .national)
        #expect(jinshan.citations.first?.law == "上海市公路管理条例（2020年修正）")
        #expect(jinshan.citations.contains {
            $0.law == "超限运输车辆行驶公路管理规定（交通运输部令2016年第62号）" && $0.article == "第四十三条第一款第（二）项"
        })

        #expect(pinghu.amount != jinshan.amount)
    }

    /// Two-axle truck, limit 18,000 kg, gross 25,000 kg → 7,000 kg over (7,000 / 18,000 = 38.89 %).
    ///
    /// Pinghu: 20 % of 18,000 = 3,600 kg not fined; the 20–50 % part is 7,000 − 3,600 = 3,400 kg × 300 yuan/t =
    /// 1,020 yuan; nothing above 50 % (9,000 kg). Jinshan: 7,000 kg × 500 yuan/t = 3,500 yuan.
    @Test("Two-axle, 18,000 kg limit, 25,000 kg gross")
    func twoAxle() throws {
        let benchmarks = try PenaltyFixtures.real()
        let pinghu = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 18_000, grossKg: 25_000)
        let jinshan = try benchmarks.quoteOverload(jurisdiction: PenaltyFixtures.jinshan, limitKg: 18_000, grossKg: 25_000)

        #expect(pinghu.amount == Money(yuan: 1_020))
        #expect(pinghu.reasoning == [
            "车货总质量 25,000 千克，限值 18,000 千克，超限 7,000 千克（38.89%）",
            "适用裁量基准：浙江省",
            "超限 20% 以内部分 3,600 千克，不计罚款",
            "超限 20%–50% 部分 3,400 千克 × 300 元/吨 = 1,020 元",
            "合计 1,020 元，未超过最高 30,000 元",
        ])
        #expect(jinshan.amount == Money(yuan: 3_500))
        #expect(jinshan.reasoning.contains("超限部分 7,000 千克 × 500 元/吨 = 3,500 元"))
    }

    /// Wujiang (Jiangsu) prices like Jinshan, but the quote flags that Jiangsu's applicability is unverified.
    @Test("Wujiang 320509 uses the national scale, flagged as unverified")
    func wujiang() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.wujiang, limitKg: 49_000, grossKg: 80_000)
        #expect(quote.amount == Money(yuan: 15_500))
        #expect(quote.benchmark.entry == .province("32"))
        #expect(quote.benchmark.adoptionBasis?.confidence == .unverified)
        #expect(quote.reasoning[1] == "适用裁量基准：江苏省，适用全国（国家规定）标准（依据待核）")
        #expect(quote.citations.first?.confidence == .unverified)
    }

    /// The structured steps carry the same numbers as the printed lines.
    @Test("Steps carry quantity, rate and amount")
    func structuredSteps() throws {
        let quote = try PenaltyFixtures.real().quoteOverload(jurisdiction: PenaltyFixtures.pinghu, limitKg: 49_000, grossKg: 80_000)
        let bands = quote.steps.filter { $0.kind == .band }
        #expect(bands.map(\.label) == ["超限 20%–50% 部分", "超限 50% 以上部分"])
        #expect(bands.map(\.quantity) == [Measure(value: 14_700, unit: "kg"), Measure(value: 6_500, unit: "kg")])
        #expect(bands.map(\.rate) == [Measure(value: 300, unit: "yuan_per_tonne"), Measure(value: 500, unit: "yuan_per_tonne")])
        #expect(bands.map(\.amount) == [Money(yuan: 4_410), Money(yuan: 3_250)])
        #expect(quote.steps.first { $0.kind == .unfinedPortion }?.quantity == Measure(value: 9_800, unit: "kg"))
        #expect(quote.steps.last?.kind == .total)
        #expect(quote.steps.last?.amount == quote.amount)
    }
}
