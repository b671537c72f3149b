import Foundation
import Testing
@testable import XiezhiCore

/// Non-site notice to the owner (浙江省公路条例 Art. 40): app/SMS/mail first, an announcement only after a failed
/// attempt, 15 days to come forward from delivery or from the end of the announcement, and a decision from the
/// records only once that period is over without the owner.
@Suite struct OwnerNoticeTests {
    static let period = CaseFixture.ownerReportPeriod

    /// A Pinghu overload case notified (告知 7,660 yuan) on day 2, statement period over by day 10.
    func notifiedCase() throws -> CaseScript {
        var script = try CaseScript(rules: try CaseFixture.rules())
        try script.notify(CaseFixture.fine(7660))
        return script
    }

    @Test func anAnnouncementNeedsAFailedAttemptFirst() throws {
        var script = try notifiedCase()
        let announcement = CaseAction.noticeOwner(channel: .announcement, delivered: true, effectiveAt: CaseFixture.day(20), proof: "浙江政务服务网公告 2024-031", reportPeriod: Self.period)
        #expect(script.refusal(announcement, by: CaseFixture.handler, at: CaseFixture.day(3))?.code == "announcement_not_allowed")
        try script.step(.noticeOwner(channel: .mail, delivered: false, effectiveAt: nil, proof: "EMS 退件 EK123456789CN", reportPeriod: Self.period), by: CaseFixture.handler, at: CaseFixture.day(3))
        try script.step(announcement, by: CaseFixture.handler, at: CaseFixture.day(5))
        let notice = try #require(script.item.effectiveOwnerNotice)
        #expect(notice.channel == .announcement)
        // 15 days from the end of the announcement period (day 20), to the end of that China day.
        #expect(notice.reportDueAt == ChinaTime.endOfDay(15, after: CaseFixture.day(20)))
        #expect(script.item.ownerNotices?.count == 2)
    }

    @Test func noDecisionFromTheRecordsWhileTheOwnerMayStillComeForward() throws {
        var script = try notifiedCase()
        try script.step(.noticeOwner(channel: .sms, delivered: true, effectiveAt: CaseFixture.day(3), proof: "短信回执 SMS-0001", reportPeriod: Self.period), by: CaseFixture.handler, at: CaseFixture.day(3))
        let decide = CaseAction.decide(number: "平交罚〔2024〕118号", measures: nil)
        // Day 3 + 15 days ends at the end of day 18 (China time); day 18 at 09:00 is still inside.
        let refusal = script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(18))
        #expect(refusal?.code == "owner_report_period_running")
        #expect(refusal?.reason.contains("浙江省公路条例 第四十条") == true)
        try script.step(decide, by: CaseFixture.head, at: CaseFixture.day(19))
        let decision = try #require(script.item.decision)
        #expect(decision.fromRecords == Self.period.citation)
        #expect(script.events.last?.changes.contains { $0.contains("依据记录作出决定") } == true)
    }

    @Test func anOwnerWhoComesForwardIsDealtWithAtOnce() throws {
        var script = try notifiedCase()
        #expect(script.refusal(.recordOwnerAppearance(note: "车主到案"), by: CaseFixture.handler, at: CaseFixture.day(3))?.code == "owner_not_noticed")
        try script.step(.noticeOwner(channel: .app, delivered: true, effectiveAt: nil, proof: "浙里办推送 #88123", reportPeriod: Self.period), by: CaseFixture.handler, at: CaseFixture.day(3))
        try script.step(.recordOwnerAppearance(note: "车主王某到新埭治超站，对称重记录无异议"), by: CaseFixture.handler, at: CaseFixture.day(6))
        #expect(script.refusal(.recordOwnerAppearance(note: "再次到案"), by: CaseFixture.handler, at: CaseFixture.day(7))?.code == "owner_already_appeared")
        try script.step(.decide(number: "平交罚〔2024〕118号", measures: nil), by: CaseFixture.head, at: CaseFixture.day(10))
        #expect(script.item.decision?.fromRecords == nil)
    }

    @Test func anUndeliveredNoticeStartsNoPeriod() throws {
        var script = try notifiedCase()
        try script.step(.noticeOwner(channel: .sms, delivered: false, effectiveAt: nil, proof: "短信网关：号码停机", reportPeriod: Self.period), by: CaseFixture.handler, at: CaseFixture.day(3))
        #expect(script.item.effectiveOwnerNotice == nil)
        #expect(!script.item.awaitsOwner(at: CaseFixture.day(4)))
        try script.step(.decide(number: "平交罚〔2024〕118号", measures: nil), by: CaseFixture.head, at: CaseFixture.day(10))
        #expect(script.item.decision?.fromRecords == nil)
    }

    @Test func aNoticeCannotArriveAfterItIsRecorded() throws {
        let script = try notifiedCase()
        let late = CaseAction.noticeOwner(channel: .sms, delivered: true, effectiveAt: CaseFixture.day(9), proof: "回执", reportPeriod: Self.period)
        #expect(script.refusal(late, by: CaseFixture.handler, at: CaseFixture.day(3))?.code == "invalid_notice_time")
    }
}
