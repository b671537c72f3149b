import Foundation
import Testing
import XiezhiCore

/// The joint operation's plan, state machine and results checks, and the joint meeting's checks.
@Suite struct JointOperationPlanTests {
    static let pinghu = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "330482")!, name: "平湖市交通运输行政执法队")
    static let jinshan = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "310116")!, name: "金山区交通执法大队")
    static let wujiang = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "320509")!, name: "吴江区交通运输综合行政执法大队")
    let start = Date(timeIntervalSince1970: 1_780_000_000)

    func plan(partners: [OperationAgency] = [jinshan], title: String = "浙沪边界治超联合行动", hours: Double = 4, targets: [JointOperationTarget] = [.overload]) throws -> JointOperationPlan {
        try JointOperationPlan(
            operationId: "op-1", title: title, startsAt: start, endsAt: start.addingTimeInterval(hours * 3600), place: OperationPlace(name: "G320 沪浙界"),
            lead: Self.pinghu, partners: partners, targets: targets, note: nil, at: start.addingTimeInterval(-86400))
    }

    func code(_ body: () throws -> Any) -> String? {
        do { _ = try body(); return nil } catch { return (error as? DomainError)?.code }
    }

    @Test func aPlanRunsPlannedUnderWayConcludedWithOneEventAndRevisionPerStep() throws {
        let planned = try plan()
        #expect(planned.state == .planned)
        #expect(planned.revision == 1)
        let started = try planned.applying(.start, note: nil, at: start)
        let concluded = try started.applying(.conclude, note: "  查处超限车辆 5 辆 ", at: start.addingTimeInterval(4 * 3600))
        #expect(concluded.state == .concluded)
        #expect(concluded.revision == 3)
        #expect(concluded.events.map(\.state) == [.planned, .underWay, .concluded])
        #expect(concluded.events.last?.note == "查处超限车辆 5 辆")
        #expect(concluded.agencies == [Self.pinghu, Self.jinshan])
        #expect(concluded.involves(Self.jinshan.jurisdiction))
        #expect(!concluded.involves(Self.wujiang.jurisdiction))
    }

    @Test func onlyTheTransitionsOfTheStateMachineAreAllowed() throws {
        let planned = try plan()
        #expect(code { try planned.applying(.conclude, note: nil, at: start) } == "operation_transition_not_allowed")
        let cancelled = try planned.applying(.cancel, note: "台风预警", at: start)
        #expect(cancelled.state == .cancelled)
        #expect(code { try cancelled.applying(.start, note: nil, at: start) } == "operation_transition_not_allowed")
        let concluded = try planned.applying(.start, note: nil, at: start).applying(.conclude, note: nil, at: start)
        #expect(code { try concluded.applying(.cancel, note: "x", at: start) } == "operation_transition_not_allowed")
        #expect(try planned.applying(.start, note: nil, at: start).applying(.cancel, note: "道路封闭", at: start).state == .cancelled)
        // Which states take forces and results.
        #expect(JointOperationState.allCases.filter(\.acceptsForces) == [.planned, .underWay])
        #expect(JointOperationState.allCases.filter(\.acceptsResults) == [.underWay, .concluded])
        #expect(JointOperationState.allCases.filter(\.wasHeld) == [.underWay, .concluded])
    }

    @Test func cancellingNeedsAReason() throws {
        #expect(code { try plan().applying(.cancel, note: "  ", at: start) } == "missing_reason")
    }

    @Test func aPlanNeedsATitleAWindowPartnersAndTargets() throws {
        #expect(code { try plan(title: " ") } == "missing_title")
        #expect(code { try plan(hours: 0) } == "invalid_window")
        #expect(code { try plan(partners: []) } == "missing_partners")
        #expect(code { try plan(partners: [Self.jinshan, Self.jinshan]) } == "invalid_partners")
        #expect(code { try plan(partners: [Self.pinghu]) } == "invalid_partners")
        #expect(code { try plan(targets: []) } == "missing_targets")
        #expect(try plan(partners: [Self.jinshan, Self.wujiang]).partners.count == 2)
    }

    @Test func resultsAreConsistentCounts() throws {
        try OperationResults(inspections: 10, violations: 3, casesOpened: 2, caseIds: ["c-1"]).validate()
        #expect(code { try OperationResults(inspections: -1, violations: 0, casesOpened: 0).validate() } == "invalid_results")
        #expect(code { try OperationResults(inspections: 2, violations: 3, casesOpened: 0).validate() } == "invalid_results")
        #expect(code { try OperationResults(inspections: 5, violations: 3, casesOpened: 4).validate() } == "invalid_results")
        #expect(code { try OperationResults(inspections: 5, violations: 3, casesOpened: 1, caseIds: ["a", "b"]).validate() } == "invalid_results")
        #expect(code { try OperationResults(inspections: 5, violations: 3, casesOpened: 2, caseIds: ["a", "a"]).validate() } == "invalid_results")
    }

    @Test func anOperationAddsUpItsAgenciesInPlanOrder() throws {
        let plan = try plan(partners: [Self.jinshan, Self.wujiang])
        func part(_ agency: OperationAgency, _ results: OperationResults?, units: Int) -> AgencyContribution {
            AgencyContribution(
                operationId: plan.operationId, agency: agency, units: (0..<units).map { OperationUnit(id: "u\($0)", name: "组\($0)", kind: .team) },
                officers: [OperationOfficer(id: "o", name: "张三")], results: results, reportedAt: start)
        }
        let outsider = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "330402")!, name: "南湖")
        let operation = JointOperation(plan: plan, contributions: [
            part(Self.wujiang, nil, units: 1),
            part(Self.jinshan, OperationResults(inspections: 8, violations: 2, casesOpened: 1, caseIds: ["j-1"]), units: 2),
            part(Self.pinghu, OperationResults(inspections: 12, violations: 3, casesOpened: 2), units: 1),
            part(outsider, OperationResults(inspections: 100, violations: 0, casesOpened: 0), units: 9),
        ])
        #expect(operation.contributions.map(\.agency) == [Self.pinghu, Self.jinshan, Self.wujiang])
        #expect(operation.totals == OperationResults(inspections: 20, violations: 5, casesOpened: 3, caseIds: ["j-1"]))
        #expect(operation.unitCount == 4)
        #expect(operation.officerCount == 3)
    }

    @Test func aMeetingNeedsParticipantsQuestionsDecisionsAndPartners() throws {
        func meeting(participants: Int = 2, questions: [String] = ["是否并案处理"], decisions: [String] = ["由金山并案"], partners: [OperationAgency] = [Self.jinshan]) throws -> JointMeeting {
            try JointMeeting(
                meetingId: "m-1", heldOn: CalendarDate(year: 2026, month: 3, day: 10)!, topic: "沪D12345 跨省超限案件", convener: Self.pinghu, partners: partners,
                participants: (0..<participants).map { MeetingParticipant(agency: "平湖执法队", name: "人员\($0)", role: "承办人") },
                questions: questions, decisions: decisions, caseId: "case-1", caseReference: nil, referralId: nil, recordedAt: start)
        }
        #expect(try meeting().involves(Self.jinshan.jurisdiction))
        #expect(try !meeting().involves(Self.wujiang.jurisdiction))
        #expect(code { try meeting(participants: 1) } == "missing_participants")
        #expect(code { try meeting(questions: []) } == "missing_questions")
        #expect(code { try meeting(questions: [" "]) } == "missing_questions")
        #expect(code { try meeting(decisions: []) } == "missing_decisions")
        #expect(code { try meeting(partners: []) } == "missing_partners")
        #expect(code { try meeting(partners: [Self.pinghu]) } == "invalid_partners")
        #expect(code {
            try JointMeeting(
                meetingId: "m", heldOn: CalendarDate(year: 2026, month: 3, day: 10)!, topic: "t", convener: Self.pinghu, partners: [Self.jinshan],
                participants: [MeetingParticipant(agency: "平湖", name: "甲", role: "主持"), MeetingParticipant(agency: "", name: "乙", role: "承办")],
                questions: ["q"], decisions: ["d"], caseId: "c", caseReference: nil, referralId: nil, recordedAt: start)
        } == "invalid_participant")
    }
}
