import Foundation
import Testing
@testable import XiezhiCore
import XiezhiData

@Suite struct YearlyFiguresTests {
    static func rules() throws -> YearlyReportRules { try YearlyReportRules(json: try BundledData.rulesFile("yearly-report.json")) }

    /// A case decided on `day` with `fine` yuan; `device`: opened by the WIM system (non-site).
    static func decided(_ id: String, fine: Int, device: Bool, suspension: Bool = false, day: Int = 10) throws -> EnforcementCase {
        var script = try CaseScript(CaseFixture.intake(), id: id, rules: try CaseFixture.rules())
        try script.decide()
        var value = script.item
        value.decision?.decidedAt = CaseFixture.day(day)
        value.decision?.fineTotal = Money(yuan: fine)
        if suspension { value.decision?.measures.append(.suspension("暂扣道路运输证")) }
        if device { value.history[0].actor = CaseActor(accountId: "system:wim", role: .caseHandler, jurisdiction: value.jurisdiction, certified: false) }
        return value
    }

    @Test func seedFourFiguresAreCountedFromTheCases() throws {
        let rules = try Self.rules()
        #expect(rules.largeFine == Money(yuan: 10_000) && rules.nonSiteShareTargetPercent == 65)
        let cases = [
            try Self.decided("a", fine: 7_660, device: false),
            try Self.decided("b", fine: 10_000, device: true),
            try Self.decided("c", fine: 20_160, device: true, suspension: true),
            try Self.decided("d", fine: 500, device: true, day: 400),  // outside the period
        ]
        let figures = YearlyFigures(
            cases: cases, jurisdiction: CaseFixture.pinghu, from: CaseFixture.day(0), to: CaseFixture.day(365), rules: rules)
        #expect(figures.penaltyCases == 3)
        #expect(figures.largeFineCases == 2)  // 10,000 counts (罚款1万元以上 includes 10,000)
        #expect(figures.suspensionCases == 1)
        #expect(figures.nonSitePenaltyCases == 2)
        #expect(figures.nonSiteSharePercent == 66.67)
        #expect(figures.finesDecidedYuan == 37_820)
        #expect(figures.courtEnforcementCases == 0 && figures.criminalTransfers == 0 && figures.firstViolationWaivers == 0)
        // Another agency's report does not count Pinghu's cases.
        let jinshan = YearlyFigures(cases: cases, jurisdiction: CaseFixture.jinshan, from: CaseFixture.day(0), to: CaseFixture.day(365), rules: rules)
        #expect(jinshan.penaltyCases == 0 && jinshan.nonSiteSharePercent == nil)
    }
}
