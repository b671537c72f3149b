import Foundation
import Testing
@testable import XiezhiCore

@Suite("Case workflow paths")
struct CaseWorkflowTests {
    // MARK: - Ordinary procedure

    @Test("happy path: an overload fine of 7,660 yuan from clue to closed")
    func happyPath() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        #expect(script.item.stage == .clue)
        try script.file(at: CaseFixture.day(1))
        #expect(script.item.stage == .filed)
        try script.step(.addEvidence(item: CaseFixture.evidence()), by: CaseFixture.officer, at: CaseFixture.day(1, hours: 1))
        #expect(script.item.stage == .investigating)
        try script.step(.notify(penalty: CaseFixture.fine(7660)), by: CaseFixture.handler, at: CaseFixture.day(2))
        #expect(script.item.stage == .notified)
        #expect(script.item.notice?.grantsHearing == false)
        try script.step(.recordStatement(statedBy: "王某", content: "对超限事实无异议，请求从轻", waivesRights: false), by: CaseFixture.handler, at: CaseFixture.day(3))
        try script.step(.decide(number: "平交罚〔2024〕118号", measures: nil), by: CaseFixture.head, at: CaseFixture.day(10))
        #expect(script.item.stage == .decided)
        #expect(script.item.decision?.fineTotal == Money(yuan: 7660))
        try script.step(.serve(method: .direct, recipient: "王某", proof: "送达回证0118"), by: CaseFixture.handler, at: CaseFixture.day(11))
        #expect(script.item.stage == .served)
        try script.step(.recordPayment(amount: Money(yuan: 7660), paidAt: CaseFixture.day(20), reference: "银行流水20240324"), by: CaseFixture.handler, at: CaseFixture.day(20))
        try script.step(.close(report: "罚款已按期缴清"), by: CaseFixture.head, at: CaseFixture.day(21))
        #expect(script.item.stage == .closed)

        let stages = script.events.map(\.stageAfter)
        #expect(stages == [.clue, .filed, .investigating, .notified, .notified, .decided, .served, .served, .closed])
        #expect(script.events.map(\.sequence) == Array(1...9))
        #expect(script.item.history == script.events)
        #expect(script.events[5].changes.contains("处罚：罚款7660.00元"))
        let clocks = CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(22))
        #expect(clocks.allSatisfy { $0.state == .met }, "\(clocks.filter { $0.state != .met })")
        #expect(Set(clocks.map(\.kind)) == [.limitation, .decisionLimit, .statementPeriod, .service, .payment])
    }

    @Test("a major case (≥ 10,000 yuan) cannot be decided before the legal review approves")
    func majorCaseNeedsLegalReview() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(CaseFixture.intake(party: .organisation, subject: "org:91330482MA2B000000"), rules: rules)
        try script.notify(CaseFixture.fine(12000))
        #expect(script.item.notice?.grantsHearing == false, "below the organisation threshold of 100,000 yuan")
        let decide = CaseAction.decide(number: "平交罚〔2024〕201号", measures: nil)
        #expect(script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(10))?.code == "legal_review_required")
        try script.step(.submitForLegalReview(note: "罚款一万元以上"), by: CaseFixture.handler, at: CaseFixture.day(10))
        #expect(script.item.legalReview?.grounds.count == 1)
        #expect(script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(11))?.code == "legal_review_required")
        try script.step(.returnLegalReview(reason: "补充称重设备检定证书"), by: CaseFixture.reviewer, at: CaseFixture.day(11))
        #expect(script.item.stage == .investigating)
        try script.step(.addEvidence(item: CaseFixture.evidence("ev-calibration")), by: CaseFixture.handler, at: CaseFixture.day(12))
        try script.step(.notify(penalty: CaseFixture.fine(12000)), by: CaseFixture.handler, at: CaseFixture.day(12))
        #expect(script.item.legalReview == nil)
        try script.step(.submitForLegalReview(note: "已补充检定证书"), by: CaseFixture.handler, at: CaseFixture.day(16))
        try script.step(.approveLegalReview(opinion: "事实清楚，证据确凿，适用依据正确"), by: CaseFixture.reviewer, at: CaseFixture.day(17))
        try script.step(decide, by: CaseFixture.head, at: CaseFixture.day(17))
        #expect(script.item.stage == .decided)
    }

    @Test("the statement period blocks a decision unless the party waives")
    func statementPeriod() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(7660), at: CaseFixture.day(2))
        let decide = CaseAction.decide(number: "平交罚〔2024〕119号", measures: nil)
        // 3 days after the notice day: the period ends at the end of day 5.
        #expect(script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(5, hours: 14))?.code == "hearing_period_running")
        #expect(script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(6)) == nil)
        try script.step(.recordStatement(statedBy: "王某", content: "", waivesRights: true), by: CaseFixture.handler, at: CaseFixture.day(3))
        try script.step(decide, by: CaseFixture.head, at: CaseFixture.day(3, hours: 1))
        #expect(script.item.stage == .decided)
    }

    @Test("a decision may be lighter than the notice, never heavier")
    func decisionWithinNotice() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(7660))
        let heavier = CaseAction.decide(number: "X1", measures: [.fine(Money(yuan: 8000))])
        #expect(script.refusal(heavier, by: CaseFixture.head, at: CaseFixture.day(10))?.code == "decision_exceeds_notice")
        let added = CaseAction.decide(number: "X1", measures: [.fine(Money(yuan: 7660)), .suspension("道路运输证")])
        #expect(script.refusal(added, by: CaseFixture.head, at: CaseFixture.day(10))?.code == "decision_exceeds_notice")
        try script.step(.decide(number: "X1", measures: [.fine(Money(yuan: 6000))]), by: CaseFixture.head, at: CaseFixture.day(10))
        #expect(script.item.decision?.fineTotal == Money(yuan: 6000))
    }

    // MARK: - Hearing

    @Test("hearing path: request in time, 7-day notice, independent chair, then legal review")
    func hearingPath() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(20000), at: CaseFixture.day(2))
        #expect(script.item.notice?.grantsHearing == true)
        #expect(script.refusal(.requestHearing(requestedBy: "王某"), by: CaseFixture.handler, at: CaseFixture.day(10))?.code == "hearing_request_window_closed")
        #expect(script.refusal(.decide(number: "X", measures: nil), by: CaseFixture.head, at: CaseFixture.day(6))?.code == "hearing_period_running")
        try script.step(.requestHearing(requestedBy: "王某"), by: CaseFixture.handler, at: CaseFixture.day(7))
        #expect(script.item.stage == .hearing)
        #expect(script.refusal(.decide(number: "X", measures: nil), by: CaseFixture.head, at: CaseFixture.day(8))?.code == "hearing_not_held")

        let room = "平湖市交通运输局听证室"
        let tooSoon = HearingSchedule(hearingAt: CaseFixture.day(13), place: room, chair: CaseFixture.chair)
        #expect(script.refusal(.scheduleHearing(schedule: tooSoon), by: CaseFixture.handler, at: CaseFixture.day(8))?.code == "hearing_notice_too_short")
        let investigatorChair = HearingSchedule(hearingAt: CaseFixture.day(17), place: room, chair: HearingOfficial(accountId: "officer-a", name: "张明"))
        #expect(script.refusal(.scheduleHearing(schedule: investigatorChair), by: CaseFixture.handler, at: CaseFixture.day(8))?.code == "chair_is_investigator")
        try script.step(.scheduleHearing(schedule: HearingSchedule(hearingAt: CaseFixture.day(17), place: room, chair: CaseFixture.chair)), by: CaseFixture.handler, at: CaseFixture.day(8))

        let heldByInvestigator = HearingRecord(chair: HearingOfficial(accountId: "officer-b", name: "李华"), partyAttended: true, summary: "听证")
        #expect(script.refusal(.holdHearing(record: heldByInvestigator), by: CaseFixture.handler, at: CaseFixture.day(17))?.code == "chair_is_investigator")
        let record = HearingRecord(chair: CaseFixture.chair, partyAttended: true, summary: "当事人对称重数据提出异议，经核对检定证书有效")
        #expect(script.refusal(.holdHearing(record: record), by: CaseFixture.handler, at: CaseFixture.day(16))?.code == "hearing_not_due")
        try script.step(.holdHearing(record: record), by: CaseFixture.handler, at: CaseFixture.day(17))
        #expect(script.refusal(.holdHearing(record: record), by: CaseFixture.handler, at: CaseFixture.day(17))?.code == "hearing_already_held")
        #expect(script.refusal(.decide(number: "X", measures: nil), by: CaseFixture.head, at: CaseFixture.day(18))?.code == "legal_review_required")

        try script.step(.submitForLegalReview(note: "经听证"), by: CaseFixture.handler, at: CaseFixture.day(18))
        #expect(script.item.legalReview?.grounds.count == 2, "amount and hearing held")
        let investigatingReviewer = CaseFixture.actor(.legalReviewer, "officer-a")
        #expect(script.refusal(.approveLegalReview(opinion: "同意"), by: investigatingReviewer, at: CaseFixture.day(19))?.code == "reviewer_is_investigator")
        try script.step(.approveLegalReview(opinion: "同意"), by: CaseFixture.reviewer, at: CaseFixture.day(19))
        try script.step(.decide(number: "平交罚〔2024〕150号", measures: nil), by: CaseFixture.head, at: CaseFixture.day(20))
        #expect(script.item.stage == .decided)
    }

    @Test("suspension, revocation and 责令停产停业 always give hearing rights and need legal review")
    func heavyMeasures() throws {
        let rules = try CaseFixture.rules()
        for measure in [PenaltyMeasure.suspension("道路运输证"), .revocation("道路运输经营许可证"), .productionHalt("停业整顿30日")] {
            var script = try CaseScript(CaseFixture.intake(party: .organisation), rules: rules)
            try script.notify(CaseFixture.penalty([measure]))
            #expect(script.item.notice?.grantsHearing == true, "\(measure.kind)")
            try script.step(.recordStatement(statedBy: "某公司", content: "", waivesRights: true), by: CaseFixture.handler, at: CaseFixture.day(3))
            #expect(script.refusal(.decide(number: "X", measures: nil), by: CaseFixture.head, at: CaseFixture.day(4))?.code == "legal_review_required")
        }
    }

    // MARK: - Service

    @Test("electronic service needs the recorded 送达地址确认书")
    func electronicService() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.decide()
        let electronic = CaseAction.serve(method: .electronic, recipient: "13800000000", proof: "短信回执")
        #expect(script.refusal(electronic, by: CaseFixture.handler, at: CaseFixture.day(11))?.code == "electronic_service_needs_consent")
        try script.step(.recordServiceConsent(consent: ServiceConsent(reference: "送达确认0007", addresses: ["13800000000"], signedAt: CaseFixture.day(10))), by: CaseFixture.handler, at: CaseFixture.day(10, hours: 1))
        try script.step(electronic, by: CaseFixture.handler, at: CaseFixture.day(11))
        #expect(script.item.service?.consentReference == "送达确认0007")
        #expect(script.item.service?.effectiveAt == CaseFixture.day(11))
    }

    @Test("service by announcement takes effect when the announcement period ends")
    func announcement() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.decide()
        try script.step(.serve(method: .announcement, recipient: "平湖市交通运输局网站", proof: "公告2024-7"), by: CaseFixture.handler, at: CaseFixture.day(11))
        let effective = try #require(script.item.service?.effectiveAt)
        #expect(effective == ChinaTime.endOfDay(30, after: CaseFixture.day(11)))
        let payment = try #require(CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(12)).first { $0.kind == .payment })
        #expect(payment.dueAt == ChinaTime.endOfDay(15, after: effective))
    }

    // MARK: - Summary procedure

    @Test("summary procedure: 200 yuan for an individual, 3,000 for an organisation, not one yuan more",
          arguments: [(PartyKind.individual, 200, true), (.individual, 201, false), (.organisation, 3000, true), (.organisation, 3001, false)])
    func summaryLimits(party: PartyKind, yuan: Int, allowed: Bool) throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(CaseFixture.intake(kind: "road_transport_certificate_not_carried", party: party), rules: rules)
        let action = CaseAction.summaryDecision(number: "平交当罚0002", penalty: CaseFixture.fine(yuan), officers: CaseFixture.officers, recipient: "王某")
        let refusal = script.refusal(action, by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))
        #expect(refusal?.code == (allowed ? nil : "summary_amount_too_high"))
    }

    @Test("summary procedure: decided on the spot, filed, closed; unpaid fines go to execution")
    func summaryPath() throws {
        let rules = try CaseFixture.rules()
        var paid = try CaseScript(rules: rules)
        try paid.step(.summaryDecision(number: "平交当罚0003", penalty: CaseFixture.fine(200), officers: CaseFixture.officers, recipient: "王某"), by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))
        #expect(paid.item.stage == .summaryDecided)
        #expect(paid.item.service?.method == .direct)
        try paid.step(.recordPayment(amount: Money(yuan: 200), paidAt: CaseFixture.day(0, hours: 2), reference: "扫码缴款"), by: CaseFixture.officer, at: CaseFixture.day(0, hours: 2))
        try paid.step(.fileSummary(reference: "备案2024-031"), by: CaseFixture.officer, at: CaseFixture.day(3))
        #expect(paid.item.stage == .closed)
        let filing = try #require(CaseClocks.compute(paid.item, rules: rules, now: CaseFixture.day(4)).first { $0.kind == .summaryFiling })
        #expect(filing.state == .met)

        var unpaid = try CaseScript(rules: rules)
        try unpaid.step(.summaryDecision(number: "平交当罚0004", penalty: CaseFixture.fine(150), officers: CaseFixture.officers, recipient: "王某"), by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))
        try unpaid.step(.fileSummary(reference: "备案2024-032"), by: CaseFixture.handler, at: CaseFixture.day(7))
        #expect(unpaid.item.stage == .executing)
        let late = try #require(CaseClocks.compute(unpaid.item, rules: rules, now: CaseFixture.day(8)).first { $0.kind == .summaryFiling })
        #expect(late.isOverdue, "filed after 5 days")

        var warning = try CaseScript(rules: rules)
        try warning.step(.summaryDecision(number: "平交当罚0005", penalty: CaseFixture.penalty([.warning]), officers: CaseFixture.officers, recipient: "王某"), by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))
        try warning.step(.fileSummary(reference: "备案2024-033"), by: CaseFixture.officer, at: CaseFixture.day(1))
        #expect(warning.item.stage == .closed)
    }

    @Test("summary procedure refuses heavier measures and a single officer")
    func summaryRefusals() throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(CaseFixture.intake(party: .organisation), rules: rules)
        let suspension = CaseAction.summaryDecision(number: "N", penalty: CaseFixture.penalty([.suspension("道路运输证")]), officers: CaseFixture.officers, recipient: "某公司")
        #expect(script.refusal(suspension, by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))?.code == "summary_measure_not_allowed")
        let alone = CaseAction.summaryDecision(number: "N", penalty: CaseFixture.fine(100), officers: [CaseFixture.officers[0]], recipient: "某公司")
        #expect(script.refusal(alone, by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1))?.code == "two_officers_required")
        let uncertified = CaseFixture.actor(.officer, "officer-c", certified: false)
        let action = CaseAction.summaryDecision(number: "N", penalty: CaseFixture.fine(100), officers: CaseFixture.officers, recipient: "某公司")
        #expect(script.refusal(action, by: uncertified, at: CaseFixture.day(0, hours: 1))?.code == "certificate_required")
    }

    // MARK: - No penalty, police, double penalty, limitation

    @Test("first violation on the Zhejiang list: no penalty, with education")
    func firstViolation() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(CaseFixture.intake(kind: "road_transport_certificate_not_carried"), rules: rules)
        try script.investigate()
        let waive = CaseAction.decideNoPenalty(number: "平交不罚〔2024〕12号", ground: .firstViolation, educationRecord: "当场宣讲《道路运输条例》，当事人承诺随车携带证件")
        let earlier = CaseFixture.prior(kind: "road_transport_certificate_not_carried", actAt: CaseFixture.day(-200), number: "平交不罚〔2023〕88号", waiver: true)
        let refused = script.refusal(waive, by: CaseFixture.head, at: CaseFixture.day(2), priors: [earlier])
        #expect(refused?.code == "not_first_violation")
        #expect(refused?.reason.contains("平交不罚〔2023〕88号") == true)
        let noEducation = CaseAction.decideNoPenalty(number: "N", ground: .firstViolation, educationRecord: " ")
        #expect(script.refusal(noEducation, by: CaseFixture.head, at: CaseFixture.day(2))?.code == "education_required")
        // An earlier violation of another kind does not count.
        script.priors = [CaseFixture.prior(kind: "overload", actAt: CaseFixture.day(-10))]
        try script.step(waive, by: CaseFixture.head, at: CaseFixture.day(2))
        #expect(script.item.stage == .noPenalty)
        #expect(script.item.noPenalty?.firstViolationItem?.citation.confidence == .unverified)
    }

    @Test("first violation refused when the kind is not on the jurisdiction's list")
    func notOnList() throws {
        let rules = try CaseFixture.rules()
        var overload = try CaseScript(rules: rules)
        try overload.investigate()
        let waive = CaseAction.decideNoPenalty(number: "N", ground: .firstViolation, educationRecord: "教育")
        #expect(overload.refusal(waive, by: CaseFixture.head, at: CaseFixture.day(2))?.code == "not_on_first_violation_list")

        // Jiangsu has no list in the data: the same kind is not waivable in Wujiang.
        var wujiang = try CaseScript(CaseFixture.intake(kind: "road_transport_certificate_not_carried", jurisdiction: CaseFixture.wujiang), by: CaseFixture.actor(.caseHandler, in: CaseFixture.wujiang), rules: rules)
        let wujiangHead = CaseFixture.actor(.agencyHead, "head-wj", in: CaseFixture.wujiang)
        try wujiang.step(.file(officers: CaseFixture.officers, registerNumber: "吴交立1"), by: wujiangHead, at: CaseFixture.day(1))
        try wujiang.step(.addEvidence(item: CaseFixture.evidence()), by: CaseFixture.actor(.officer, in: CaseFixture.wujiang), at: CaseFixture.day(1))
        #expect(wujiang.refusal(waive, by: wujiangHead, at: CaseFixture.day(2))?.code == "not_on_first_violation_list")
    }

    @Test("police transfer: reported, approved by the head, handed over; then nothing more")
    func policeTransfer() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.investigate()
        let transfer = CaseAction.transferToPolice(policeAgency: "平湖市公安局", approvedAt: CaseFixture.day(2))
        #expect(script.refusal(transfer, by: CaseFixture.head, at: CaseFixture.day(2))?.code == "crime_report_required")
        try script.step(.reportSuspectedCrime(reason: "车辆改装涉嫌伪造机动车识别代号"), by: CaseFixture.handler, at: CaseFixture.day(1, hours: 3))
        #expect(script.refusal(.reportSuspectedCrime(reason: "again"), by: CaseFixture.handler, at: CaseFixture.day(1, hours: 4))?.code == "crime_report_pending")
        #expect(script.refusal(.transferToPolice(policeAgency: "平湖市公安局", approvedAt: CaseFixture.day(0)), by: CaseFixture.head, at: CaseFixture.day(2))?.code == "invalid_approval_time")
        try script.step(.transferToPolice(policeAgency: "平湖市公安局", approvedAt: CaseFixture.day(2)), by: CaseFixture.head, at: CaseFixture.day(2, hours: 5))
        #expect(script.item.stage == .transferredToPolice)
        #expect(CaseWorkflow.allowedActions(for: script.item, actor: CaseFixture.head, at: CaseFixture.day(3), rules: rules).isEmpty)
        let clocks = CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(3))
        #expect(clocks.first { $0.kind == .transferDecision }?.state == .met)
        #expect(clocks.first { $0.kind == .transfer }?.state == .met)
        #expect(!clocks.contains { $0.kind == .decisionLimit })
    }

    @Test("a declined transfer lets the administrative case go on")
    func declinedTransfer() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.step(.reportSuspectedCrime(reason: "疑似涉嫌犯罪"), by: CaseFixture.handler, at: CaseFixture.day(0, hours: 1))
        let pending = try #require(CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(4, hours: 1)).first { $0.kind == .transferDecision })
        #expect(pending.isOverdue, "the head did not decide within 3 days")
        try script.step(.declineTransfer(reason: "未达到刑事追诉标准"), by: CaseFixture.head, at: CaseFixture.day(4, hours: 2))
        try script.file(at: CaseFixture.day(5))
        #expect(script.item.stage == .filed)
    }

    @Test("double penalty refused naming the earlier decision; allowed outside the window")
    func doublePenalty() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(7660))
        let decide = CaseAction.decide(number: "平交罚〔2024〕130号", measures: nil)
        let act = script.item.occurredAt
        let sameTrip = CaseFixture.prior(actAt: act.addingTimeInterval(-3 * 3600))
        let refused = script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(10), priors: [sameTrip])
        #expect(refused?.code == "double_penalty")
        let reason = refused?.reason ?? ""
        #expect(reason.contains("沪金交罚〔2024〕57号") && reason.contains("上海市金山区交通委员会") && reason.contains("2024-03-04") && reason.contains("310116"))

        let nextDay = CaseFixture.prior(actAt: act.addingTimeInterval(-30 * 3600))
        let otherKind = CaseFixture.prior(kind: "hazmat_no_waybill", actAt: act)
        let waiver = CaseFixture.prior(actAt: act, waiver: true)
        #expect(script.refusal(decide, by: CaseFixture.head, at: CaseFixture.day(10), priors: [nextDay, otherKind, waiver]) == nil)
        script.priors = [nextDay]
        try script.step(decide, by: CaseFixture.head, at: CaseFixture.day(10))
        #expect(script.item.stage == .decided)
    }

    @Test("double penalty also refuses a summary decision")
    func doublePenaltySummary() throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(rules: rules)
        let action = CaseAction.summaryDecision(number: "N", penalty: CaseFixture.fine(200), officers: CaseFixture.officers, recipient: "王某")
        let prior = CaseFixture.prior(actAt: script.item.occurredAt.addingTimeInterval(3600))
        #expect(script.refusal(action, by: CaseFixture.officer, at: CaseFixture.day(0, hours: 1), priors: [prior])?.code == "double_penalty")
    }

    @Test("limitation: 2 years from the act, 5 with harm to safety", arguments: [
        (false, 0, true), (false, 1, false), (true, 1, true),
    ])
    func limitation(safety: Bool, daysAfterTwoYears: Int, fileable: Bool) throws {
        let rules = try CaseFixture.rules()
        let act = ChinaTime.calendar.date(byAdding: .year, value: -2, to: CaseFixture.t0)!
        let discovered = CaseFixture.t0.addingTimeInterval(TimeInterval(daysAfterTwoYears) * 86_400)
        let script = try CaseScript(CaseFixture.intake(occurredAt: act, safety: safety), at: discovered, rules: rules)
        let refusal = script.refusal(.file(officers: CaseFixture.officers, registerNumber: "R"), by: CaseFixture.head, at: discovered.addingTimeInterval(3600))
        #expect(refusal?.code == (fileable ? nil : "limitation_expired"))
        let clock = try #require(CaseClocks.compute(script.item, rules: rules, now: discovered).first { $0.kind == .limitation })
        #expect(clock.isOverdue == !fileable)
    }

    // MARK: - Execution

    @Test("execution: 催告, 10 days, the appeal periods, then the court within 3 months")
    func execution() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.serve(at: CaseFixture.day(11))
        #expect(script.refusal(.remind(reference: "催"), by: CaseFixture.handler, at: CaseFixture.day(26))?.code == "payment_not_overdue")
        try script.step(.remind(reference: "平交催〔2024〕9号"), by: CaseFixture.handler, at: CaseFixture.day(27))
        #expect(script.item.stage == .executing)
        let apply = CaseAction.applyToCourt(court: "平湖市人民法院", reference: "平交执申1")
        #expect(script.refusal(apply, by: CaseFixture.head, at: CaseFixture.day(30))?.code == "reminder_period_running")
        #expect(script.refusal(apply, by: CaseFixture.head, at: CaseFixture.day(60))?.code == "court_application_too_early")
        let opens = ChinaTime.endOfDay(0, after: ChinaTime.calendar.date(byAdding: .month, value: 6, to: CaseFixture.day(11))!)
        let closes = ChinaTime.endOfDay(0, after: ChinaTime.calendar.date(byAdding: .month, value: 3, to: opens)!)
        #expect(script.refusal(apply, by: CaseFixture.head, at: closes.addingTimeInterval(1))?.code == "court_application_window_closed")
        try script.step(.recordAppeal(kind: .litigation, filedAt: CaseFixture.day(40), body: "平湖市人民法院"), by: CaseFixture.handler, at: CaseFixture.day(40))
        #expect(script.refusal(apply, by: CaseFixture.head, at: opens.addingTimeInterval(86_400))?.code == "appeal_pending")
        #expect(script.refusal(.close(report: "结"), by: CaseFixture.head, at: CaseFixture.day(41))?.code == "appeal_pending")
        try script.step(.concludeAppeal(outcome: .upheld, summary: "驳回诉讼请求"), by: CaseFixture.handler, at: CaseFixture.day(100))
        try script.step(apply, by: CaseFixture.head, at: opens.addingTimeInterval(86_400))
        #expect(script.item.courtApplication?.court == "平湖市人民法院")
        try script.step(.close(report: "已申请法院强制执行"), by: CaseFixture.head, at: opens.addingTimeInterval(2 * 86_400))
        #expect(script.item.stage == .closed)
    }

    @Test("a revoked decision leaves nothing to execute")
    func revoked() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.serve()
        try script.step(.recordAppeal(kind: .administrativeReview, filedAt: CaseFixture.day(12), body: "平湖市人民政府"), by: CaseFixture.handler, at: CaseFixture.day(12))
        try script.step(.concludeAppeal(outcome: .revoked, summary: "撤销原处罚决定"), by: CaseFixture.handler, at: CaseFixture.day(50))
        #expect(script.refusal(.recordPayment(amount: Money(yuan: 1), paidAt: CaseFixture.day(50), reference: "x"), by: CaseFixture.handler, at: CaseFixture.day(50))?.code == "nothing_outstanding")
        try script.step(.close(report: "原决定经复议撤销"), by: CaseFixture.head, at: CaseFixture.day(51))
        #expect(script.item.stage == .closed)
    }

    @Test("a warning-only decision is served and closed with nothing to pay")
    func warningOnly() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.penalty([.warning]))
        try script.step(.decide(number: "平交罚〔2024〕140号", measures: nil), by: CaseFixture.head, at: CaseFixture.day(10))
        try script.step(.serve(method: .mail, recipient: "王某", proof: "EMS9876"), by: CaseFixture.handler, at: CaseFixture.day(12))
        #expect(script.refusal(.recordPayment(amount: Money(yuan: 1), paidAt: CaseFixture.day(12), reference: "x"), by: CaseFixture.handler, at: CaseFixture.day(12))?.code == "nothing_outstanding")
        #expect(script.refusal(.remind(reference: "催"), by: CaseFixture.handler, at: CaseFixture.day(40))?.code == "payment_not_overdue")
        #expect(!CaseClocks.compute(script.item, rules: rules, now: CaseFixture.day(40)).contains { $0.kind == .payment })
        try script.step(.close(report: "警告已送达"), by: CaseFixture.head, at: CaseFixture.day(13))
        #expect(script.item.stage == .closed)
    }

    @Test("a waived hearing cannot be requested; the buttons follow the clock")
    func waiverAndButtons() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.notify(CaseFixture.fine(20000), at: CaseFixture.day(2))
        let buttonsDuring = CaseWorkflow.allowedActions(for: script.item, actor: CaseFixture.head, at: CaseFixture.day(4), rules: rules)
        #expect(!buttonsDuring.contains(.decide) && buttonsDuring.contains(.decideNoPenalty))
        #expect(CaseWorkflow.allowedActions(for: script.item, actor: CaseFixture.handler, at: CaseFixture.day(4), rules: rules).contains(.requestHearing))
        try script.step(.recordStatement(statedBy: "王某", content: "认可处罚", waivesRights: true), by: CaseFixture.handler, at: CaseFixture.day(4))
        #expect(script.refusal(.requestHearing(requestedBy: "王某"), by: CaseFixture.handler, at: CaseFixture.day(4))?.code == "hearing_request_window_closed")
        // The decision still needs legal review (20,000 yuan), but no longer waits for the periods.
        #expect(script.refusal(.decide(number: "N", measures: nil), by: CaseFixture.head, at: CaseFixture.day(4))?.code == "legal_review_required")
        #expect(CaseWorkflow.allowedActions(for: script.item, actor: CaseFixture.handler, at: CaseFixture.day(4), rules: rules).contains(.submitForLegalReview))
    }

    @Test("the timeline says what changed, in Chinese, with the actor and the stages")
    func timeline() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.serve()
        let opened = script.events[0]
        #expect(opened.kind == .createClue && opened.actor == CaseFixture.handler)
        #expect(opened.changes.contains("当事人：vehicle:浙F12345:yellow（公民）"))
        let filed = script.events[1]
        #expect(filed.changes.contains("承办人员：张明（执法证浙JT33040012）、李华（执法证浙JT33040013）"))
        let evidence = script.events[2]
        #expect(evidence.changes.first?.contains(CaseFixture.sha) == true)
        let notified = script.events[3]
        #expect(notified.changes.first == "拟处罚：罚款7660.00元" && notified.stageBefore == .investigating)
        let served = try #require(script.events.last)
        #expect(served.changes.contains { $0.hasPrefix("缴纳罚款期限至2024-03-30") })
    }

    // MARK: - Gates and payloads

    @Test("refusal reasons name the stage, the action and who may act")
    func refusalReasons() throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(rules: rules)
        let wrongRole = script.refusal(.file(officers: CaseFixture.officers, registerNumber: "R"), by: CaseFixture.handler, at: CaseFixture.day(1))
        #expect(wrongRole?.code == "role_not_allowed")
        #expect(wrongRole?.reason.contains("agency_head") == true)
        let wrongStage = script.refusal(.decide(number: "N", measures: nil), by: CaseFixture.head, at: CaseFixture.day(1))
        #expect(wrongStage?.code == "transition_not_allowed")
        #expect(wrongStage?.reason.contains("'clue'") == true && wrongStage?.reason.contains("decide") == true)
        let foreign = script.refusal(.file(officers: CaseFixture.officers, registerNumber: "R"), by: CaseFixture.actor(.agencyHead, in: CaseFixture.jinshan), at: CaseFixture.day(1))
        #expect(foreign?.code == "wrong_jurisdiction")
        let backwards = script.refusal(.file(officers: CaseFixture.officers, registerNumber: "R"), by: CaseFixture.head, at: CaseFixture.day(-1))
        #expect(backwards?.code == "event_out_of_order")
    }

    @Test("payload checks", arguments: [
        ("two_officers_required", CaseAction.file(officers: [CaseFixture.officers[0], CaseFixture.officers[0]], registerNumber: "R")),
        ("two_officers_required", CaseAction.file(officers: [CaseFixture.officers[0], FilingOfficer(accountId: "x", name: "x", certificateNumber: " ")], registerNumber: "R")),
        ("register_number_required", CaseAction.file(officers: CaseFixture.officers, registerNumber: "")),
        ("reason_required", CaseAction.refuseFiling(reason: "  ")),
    ])
    func payloads(code: String, action: CaseAction) throws {
        let rules = try CaseFixture.rules()
        let script = try CaseScript(rules: rules)
        #expect(script.refusal(action, by: CaseFixture.head, at: CaseFixture.day(1))?.code == code)
    }

    @Test("evidence: SHA-256 validated and stored lower-case; ids unique")
    func evidence() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.file()
        var bad = CaseFixture.evidence("ev-bad")
        for hash in [String(repeating: "a", count: 63), String(repeating: "g", count: 64), String(repeating: "a", count: 65)] {
            bad.sha256 = hash
            #expect(script.refusal(.addEvidence(item: bad), by: CaseFixture.officer, at: CaseFixture.day(1))?.code == "invalid_sha256")
        }
        var upper = CaseFixture.evidence()
        upper.sha256 = String(repeating: "AB", count: 32)
        try script.step(.addEvidence(item: upper), by: CaseFixture.officer, at: CaseFixture.day(1))
        #expect(script.item.evidence.first?.sha256 == CaseFixture.sha)
        #expect(script.refusal(.addEvidence(item: CaseFixture.evidence()), by: CaseFixture.officer, at: CaseFixture.day(1))?.code == "duplicate_evidence")
        let uncertified = CaseFixture.actor(.officer, "officer-x", certified: false)
        #expect(script.refusal(.addEvidence(item: CaseFixture.evidence("ev-2")), by: uncertified, at: CaseFixture.day(1))?.code == "certificate_required")
    }

    @Test("notify needs evidence; the decision limit is extended once")
    func notifyAndExtend() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.file()
        #expect(!CaseWorkflow.allowedActions(for: script.item, actor: CaseFixture.handler, at: CaseFixture.day(1), rules: rules).contains(.notify))
        try script.step(.addEvidence(item: CaseFixture.evidence()), by: CaseFixture.officer, at: CaseFixture.day(1))
        #expect(script.refusal(.notify(penalty: CaseFixture.penalty([])), by: CaseFixture.handler, at: CaseFixture.day(2))?.code == "penalty_required")
        #expect(script.refusal(.notify(penalty: CaseFixture.penalty([PenaltyMeasure(kind: .fine)])), by: CaseFixture.handler, at: CaseFixture.day(2))?.code == "invalid_measure")
        try script.step(.extendDecisionLimit(reason: "需要技术鉴定"), by: CaseFixture.head, at: CaseFixture.day(80))
        #expect(script.refusal(.extendDecisionLimit(reason: "再次延长"), by: CaseFixture.head, at: CaseFixture.day(81))?.code == "extension_limit_reached")
    }

    @Test("opening a clue validates the intake and the role")
    func opening() throws {
        #expect(throws: DomainError(code: "role_not_allowed", reason: "'create_clue' (登记线索) may be taken only by officer (执法人员) or case_handler (办案人员); account head-1 is agency_head")) {
            _ = try CaseWorkflow.open(CaseFixture.intake(), id: "c", by: CaseFixture.head, at: CaseFixture.t0)
        }
        var empty = CaseFixture.intake()
        empty.subject = " "
        #expect(throws: DomainError.self) { _ = try CaseWorkflow.open(empty, id: "c", by: CaseFixture.officer, at: CaseFixture.t0) }
        var future = CaseFixture.intake()
        future.occurredAt = CaseFixture.day(1)
        #expect(throws: DomainError.self) { _ = try CaseWorkflow.open(future, id: "c", by: CaseFixture.officer, at: CaseFixture.t0) }
        var badPlace = CaseFixture.intake()
        badPlace.place = CasePlace(text: "x", longitude: 200, latitude: 30)
        #expect(throws: DomainError.self) { _ = try CaseWorkflow.open(badPlace, id: "c", by: CaseFixture.officer, at: CaseFixture.t0) }
        #expect(throws: DomainError.self) {
            _ = try CaseWorkflow.open(CaseFixture.intake(), id: "c", by: CaseFixture.actor(.officer, in: CaseFixture.jinshan), at: CaseFixture.t0)
        }
        let (opened, event) = try CaseWorkflow.open(CaseFixture.intake(), id: "c", by: CaseFixture.officer, at: CaseFixture.t0)
        #expect(opened.stage == .clue && opened.discoveredAt == CaseFixture.t0 && event.stageBefore == nil && event.sequence == 1)
    }

    @Test("cases, events and actions survive a JSON round trip")
    func codable() throws {
        let rules = try CaseFixture.rules()
        var script = try CaseScript(rules: rules)
        try script.serve()
        let encoded = try JSONEncoder().encode(script.item)
        #expect(try JSONDecoder().decode(EnforcementCase.self, from: encoded) == script.item)
        let action = CaseAction.decide(number: "平交罚〔2024〕1号", measures: [.fine(Money(yuan: 7660))])
        let actionJSON = try JSONEncoder().encode(action)
        #expect(try JSONDecoder().decode(CaseAction.self, from: actionJSON) == action)
        let text = String(decoding: actionJSON, as: UTF8.self)
        #expect(text.contains("\"decide\"") && text.contains("\"number\""))
    }
}
