import Foundation
import Testing
import XiezhiCore

/// 考核 figures against a hand-computed set: March 2026 (China time) between Pinghu and Jinshan.
@Suite struct PartnerAssessmentTests {
    static let pinghu = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "330482")!, name: "平湖")
    static let jinshan = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "310116")!, name: "金山")
    /// 2026-03-02 00:00 China time.
    let t0 = CalendarDate(year: 2026, month: 3, day: 2)!.startInChina
    let from = CalendarDate(year: 2026, month: 3, day: 1)!.startInChina
    let to = CalendarDate(year: 2026, month: 4, day: 1)!.startInChina

    func hours(_ h: Double) -> Date { t0.addingTimeInterval(h * 3600) }

    func operation(_ id: String, lead: OperationAgency, startsAtHour: Double, state: JointOperationState, _ parts: [(OperationAgency, OperationResults)]) throws -> JointOperation {
        var plan = try JointOperationPlan(
            operationId: id, title: "联合治超", startsAt: hours(startsAtHour), endsAt: hours(startsAtHour + 4), place: OperationPlace(name: "G320"),
            lead: lead, partners: [lead == Self.pinghu ? Self.jinshan : Self.pinghu], targets: [.overload], note: nil, at: hours(-48))
        plan.state = state
        return JointOperation(plan: plan, contributions: parts.map {
            AgencyContribution(operationId: id, agency: $0.0, units: [], officers: [], results: $0.1, reportedAt: hours(startsAtHour + 5))
        })
    }

    func meeting(_ id: String, day: Int, month: Int = 3, convener: OperationAgency, decisions: Int) throws -> JointMeeting {
        try JointMeeting(
            meetingId: id, heldOn: CalendarDate(year: 2026, month: month, day: day)!, topic: "重大案件", convener: convener,
            partners: [convener == Self.pinghu ? Self.jinshan : Self.pinghu],
            participants: [MeetingParticipant(agency: "平湖", name: "甲", role: "主持"), MeetingParticipant(agency: "金山", name: "乙", role: "承办")],
            questions: ["q"], decisions: (0..<decisions).map { "决定\($0)" }, caseId: "c", caseReference: nil, referralId: nil, recordedAt: hours(0))
    }

    @Test func figuresMatchTheHandCount() throws {
        let facts = AssessmentFacts(
            referrals: [
                // Sent: answered in 10 h and concluded at 50 h; answered late (80 h > 72 h) with a rejection; unanswered past
                // its deadline; one before the period.
                ReferralFact(direction: .sent, referredAt: hours(0), acceptBy: hours(72), respondedAt: hours(10), accepted: true, resultAt: hours(50)),
                ReferralFact(direction: .sent, referredAt: hours(24), acceptBy: hours(96), respondedAt: hours(104), accepted: false, resultAt: nil),
                ReferralFact(direction: .sent, referredAt: hours(48), acceptBy: hours(120), respondedAt: nil, accepted: nil, resultAt: nil),
                ReferralFact(direction: .sent, referredAt: hours(-240), acceptBy: hours(-168), respondedAt: hours(-230), accepted: true, resultAt: nil),
                // Received: answered in 20 h, result at 120 h.
                ReferralFact(direction: .received, referredAt: hours(100), acceptBy: hours(172), respondedAt: hours(120), accepted: true, resultAt: hours(220)),
            ],
            serviceRequests: [
                ServiceRequestFact(direction: .sent, requestedAt: hours(0), servedAt: hours(24)),
                ServiceRequestFact(direction: .sent, requestedAt: hours(10), servedAt: hours(58)),
                ServiceRequestFact(direction: .sent, requestedAt: hours(20), servedAt: nil),
                ServiceRequestFact(direction: .sent, requestedAt: hours(-100), servedAt: hours(-90)),
                ServiceRequestFact(direction: .received, requestedAt: hours(30), servedAt: hours(35)),
            ],
            penaltyShares: [
                PenaltyShareFact(direction: .sent, at: hours(1)), PenaltyShareFact(direction: .sent, at: hours(2)),
                PenaltyShareFact(direction: .sent, at: to), PenaltyShareFact(direction: .received, at: from),
            ],
            operations: [
                try operation("op-1", lead: Self.pinghu, startsAtHour: 0, state: .concluded, [
                    (Self.pinghu, OperationResults(inspections: 12, violations: 3, casesOpened: 2)),
                    (Self.jinshan, OperationResults(inspections: 8, violations: 2, casesOpened: 1)),
                ]),
                try operation("op-2", lead: Self.jinshan, startsAtHour: 120, state: .underWay, [(Self.jinshan, OperationResults(inspections: 5, violations: 1, casesOpened: 0))]),
                try operation("op-3", lead: Self.pinghu, startsAtHour: 480, state: .planned, []),
                try operation("op-4", lead: Self.pinghu, startsAtHour: 72, state: .cancelled, []),
                try operation("op-5", lead: Self.pinghu, startsAtHour: 24 * 31, state: .concluded, [(Self.pinghu, OperationResults(inspections: 50, violations: 9, casesOpened: 9))]),
            ],
            meetings: [
                try meeting("m-1", day: 10, convener: Self.pinghu, decisions: 2),
                try meeting("m-2", day: 31, convener: Self.jinshan, decisions: 1),
                try meeting("m-3", day: 1, month: 4, convener: Self.pinghu, decisions: 5),
            ])
        let figures = PartnerAssessment(facts: facts, agency: Self.pinghu.jurisdiction, from: from, to: to, now: hours(24 * 30))

        func counts(_ f: PartnerAssessment.ReferralFigures) -> [Int] { [f.referred, f.accepted, f.rejected, f.pending, f.overdue, f.concluded] }
        #expect(counts(figures.referralsSent) == [3, 1, 1, 1, 2, 1])
        #expect(figures.referralsSent.medianHoursToResponse == 45)
        #expect(figures.referralsSent.medianHoursToResult == 50)
        #expect(counts(figures.referralsReceived) == [1, 1, 0, 0, 0, 1])
        #expect(figures.referralsReceived.medianHoursToResponse == 20)
        #expect(figures.referralsReceived.medianHoursToResult == 120)
        #expect([figures.noticeServiceSent.requested, figures.noticeServiceSent.completed] == [3, 2] as [Int])
        #expect(figures.noticeServiceSent.medianHoursToProof == 36)
        #expect([figures.noticeServiceReceived.requested, figures.noticeServiceReceived.completed] == [1, 1] as [Int])
        #expect(figures.noticeServiceReceived.medianHoursToProof == 5)
        #expect(figures.penaltyRecordsSent == 2)
        #expect(figures.penaltyRecordsReceived == 1)
        let operations = figures.jointOperations
        #expect([operations.held, operations.planned, operations.cancelled, operations.led] == [2, 1, 1, 1] as [Int])
        #expect(operations.totals == OperationResults(inspections: 25, violations: 6, casesOpened: 3))
        #expect(operations.byAgency.map(\.agency) == [Self.jinshan, Self.pinghu])
        #expect(operations.byAgency.map(\.operations) == [2, 1])
        #expect(operations.byAgency.map(\.results) == [
            OperationResults(inspections: 13, violations: 3, casesOpened: 1), OperationResults(inspections: 12, violations: 3, casesOpened: 2),
        ])
        #expect([figures.jointMeetings.held, figures.jointMeetings.convened, figures.jointMeetings.decisions] == [2, 1, 3] as [Int])
    }

    @Test func medianOfAnEvenCountIsTheMeanOfTheMiddleTwoInTenthsOfAnHour() {
        #expect(medianHours([]) == nil)
        #expect(medianHours([3600]) == 1)
        #expect(medianHours([7200, 3600, 36000, 10800]) == 2.5)
        #expect(medianHours([100, 200, 400]) == 0.1)  // 200 s = 0.0556 h → 0.1
    }
}
