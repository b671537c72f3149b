import Foundation
import Testing
@testable import XiezhiCore

@Suite("Statutory clocks")
struct CaseClocksTests {
    static func clock(_ kind: StatutoryClock.Kind, _ item: EnforcementCase, _ rules: ProcedureRules, now: Date) throws -> StatutoryClock {
        try #require(CaseClocks.compute(item, rules: rules, now: now).first { $0.kind == kind })
    }

    @Test("the 90-day decision limit runs from filing and is overdue on day 91; an extension adds 30 days")
    func decisionLimit() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.investigate(at: CaseFixture.day(1))
        let filed = CaseFixture.day(1)
        let onDay90 = try Self.clock(.decisionLimit, script.item, rules, now: filed.addingTimeInterval(90 * 86_400))
        #expect(onDay90.state == .running && onDay90.daysLeft == 0)
        #expect(onDay90.dueAt == ChinaTime.endOfDay(90, after: filed))
        #expect(onDay90.citation.article == "第六十条" && onDay90.label == "作出处罚决定期限")
        let onDay91 = try Self.clock(.decisionLimit, script.item, rules, now: filed.addingTimeInterval(91 * 86_400))
        #expect(onDay91.isOverdue && onDay91.daysLeft == -1)

        try script.step(.extendDecisionLimit(reason: "需要技术鉴定"), by: CaseFixture.head, at: CaseFixture.day(60))
        let extended = try Self.clock(.decisionLimit, script.item, rules, now: filed.addingTimeInterval(91 * 86_400))
        #expect(extended.state == .running && extended.daysLeft == 29)
    }

    @Test("a late decision leaves the decision limit overdue; a timely one meets it")
    func decisionLimitCompleted() throws {
        let rules = try CaseFixture.rules()
        var late = try CaseScript(rules: rules)
        try late.notify(CaseFixture.fine(7660))
        try late.step(.decide(number: "N", measures: nil), by: CaseFixture.head, at: CaseFixture.day(95))
        #expect(try Self.clock(.decisionLimit, late.item, rules, now: CaseFixture.day(96)).isOverdue)
        var timely = try CaseScript(rules: rules)
        try timely.decide()
        let met = try Self.clock(.decisionLimit, timely.item, rules, now: CaseFixture.day(200))
        #expect(met.state == .met && met.daysLeft == nil && met.completedAt == CaseFixture.day(10))
    }

    @Test("statement and hearing-request periods belong to the party: running, then met")
    func partyPeriods() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(20000), at: CaseFixture.day(2))
        let during = CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(4))
        #expect(during.first { $0.kind == .statementPeriod }?.state == .running)
        // 5 working days (行政处罚法 Art. 64, Art. 85) from Wednesday 6 March end on Wednesday 13 March: 5 days left on Friday 8th.
        #expect(during.first { $0.kind == .hearingRequest }?.daysLeft == 5)
        let after = CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(30))
        #expect(after.first { $0.kind == .statementPeriod }?.state == .met)
        #expect(after.first { $0.kind == .hearingRequest }?.state == .met)
        #expect(!after.contains { $0.isOverdue && $0.kind != .decisionLimit })
    }

    @Test("service within 7 days of the decision")
    func service() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.decide()
        // Decided on Thursday 14 March: 7 working days (Art. 61, Art. 85) end on Monday 25 March (day 21).
        #expect(try Self.clock(.service, script.item, rules, now: CaseFixture.day(21)).state == .running)
        #expect(try Self.clock(.service, script.item, rules, now: CaseFixture.day(22)).isOverdue)
        try script.step(.serve(method: .mail, recipient: "王某", proof: "EMS1234"), by: CaseFixture.handler, at: CaseFixture.day(22))
        #expect(try Self.clock(.service, script.item, rules, now: CaseFixture.day(23)).isOverdue, "served late")
    }

    /// Served on day 11; the payment period ends at the end of day 26.
    static func served(_ rules: ProcedureRules) throws -> CaseScript {
        var script = try CaseScript(rules: rules)
        try script.serve(at: CaseFixture.day(11))
        return script
    }

    @Test("late surcharge: 3 % a day of the fine — 15 % after 5 days late")
    func surchargeFiveDays() throws {
        let rules = try CaseFixture.rules()
        let script = try Self.served(rules)
        let payment = try Self.clock(.payment, script.item, rules, now: CaseFixture.day(26))
        #expect(payment.state == .running && payment.dueAt == ChinaTime.endOfDay(15, after: CaseFixture.day(11)))
        #expect(!CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(26)).contains { $0.kind == .lateSurcharge })
        let surcharge = try Self.clock(.lateSurcharge, script.item, rules, now: CaseFixture.day(31))
        #expect(surcharge.amount == Money(yuan: 1149))  // 15 % of 7,660
        #expect(surcharge.state == .running)
        #expect(try Self.clock(.payment, script.item, rules, now: CaseFixture.day(31)).isOverdue)
        let account = FineAccount(of: script.item, rules: try CaseFixture.rules().resolved(for: CaseFixture.pinghu), at: CaseFixture.day(31))
        #expect(account.surchargeDays == 5 && account.outstanding == Money(yuan: 7660 + 1149))
    }

    @Test("late surcharge is capped at the fine after 34 days", arguments: [(33, 7_583_40), (34, 7_660_00), (60, 7_660_00)])
    func surchargeCap(daysLate: Int, fen: Int) throws {
        let rules = try CaseFixture.rules()
        let script = try Self.served(rules)
        let surcharge = try Self.clock(.lateSurcharge, script.item, rules, now: CaseFixture.day(26 + daysLate))
        #expect(surcharge.amount == Money(fen: fen))
        #expect(surcharge.isOverdue == (daysLate >= 34))
        if daysLate >= 34 {
            #expect(surcharge.dueAt == ChinaTime.endOfDay(60, after: CaseFixture.day(0)), "capped on day 34 after day 26")
        }
    }

    @Test("late surcharge pauses while litigation is pending and resumes after")
    func surchargePaused() throws {
        let rules = try CaseFixture.rules()
        var script = try Self.served(rules)
        // Due day is day 26; the lawsuit is filed on day 28 (late-day 2) and ends on day 41 (late-day 15).
        try script.step(.recordAppeal(kind: .litigation, filedAt: CaseFixture.day(28), body: "平湖市人民法院"), by: CaseFixture.handler, at: CaseFixture.day(28))
        let pending = try Self.clock(.lateSurcharge, script.item, rules, now: CaseFixture.day(36))
        #expect(pending.state == .paused)
        #expect(pending.amount == Money(fen: 229_80))  // 1 day accrued before filing = 3 %
        let courtWindow = try Self.clock(.courtApplication, script.item, rules, now: CaseFixture.day(36))
        #expect(courtWindow.state == .paused)
        try script.step(.concludeAppeal(outcome: .upheld, summary: "驳回"), by: CaseFixture.handler, at: CaseFixture.day(41))
        let resumed = try Self.clock(.lateSurcharge, script.item, rules, now: CaseFixture.day(46))
        #expect(resumed.state == .running)
        #expect(resumed.amount == Money(fen: 7660_00 * 3 * 7 / 100))  // late-days 1 and 15…20
    }

    @Test("paying the fine stops the surcharge; the payment clock is met only when paid in time")
    func paymentStopsSurcharge() throws {
        let rules = try CaseFixture.rules()
        var script = try Self.served(rules)
        try script.step(.recordPayment(amount: Money(yuan: 7660), paidAt: CaseFixture.day(28), reference: "银行"), by: CaseFixture.handler, at: CaseFixture.day(29))
        let surcharge = try Self.clock(.lateSurcharge, script.item, rules, now: CaseFixture.day(50))
        #expect(surcharge.state == .met && surcharge.amount == Money(fen: 7660_00 * 6 / 100))
        #expect(try Self.clock(.payment, script.item, rules, now: CaseFixture.day(50)).isOverdue)
        #expect(script.refusal(.close(report: "结"), by: CaseFixture.head, at: CaseFixture.day(50))?.code == "execution_incomplete")
        try script.step(.recordPayment(amount: Money(fen: 7660_00 * 6 / 100), paidAt: CaseFixture.day(50), reference: "银行2"), by: CaseFixture.handler, at: CaseFixture.day(50))
        try script.step(.close(report: "罚款及加处罚款已缴清"), by: CaseFixture.head, at: CaseFixture.day(51))
        #expect(script.item.stage == .closed)
    }

    @Test("court application window: opens after 6 months, closes 3 months later, overdue if missed")
    func courtWindow() throws {
        let rules = try CaseFixture.rules()
        let script = try Self.served(rules)
        let opens = ChinaTime.endOfDay(0, after: ChinaTime.calendar.date(byAdding: .month, value: 6, to: CaseFixture.day(11))!)
        let clock = try Self.clock(.courtApplication, script.item, rules, now: CaseFixture.day(40))
        #expect(clock.startedAt == opens && clock.state == .running)
        let missed = try Self.clock(.courtApplication, script.item, rules, now: opens.addingTimeInterval(100 * 86_400))
        #expect(missed.isOverdue)
    }

    @Test("no clocks start before their event; the limitation clock is always there")
    func onlyStartedClocks() throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(rules: rules)
        let clocks = CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(1))
        #expect(clocks.map(\.kind) == [.limitation])
        #expect(clocks[0].state == .met && clocks[0].citation.article == "第三十六条")
    }
}
