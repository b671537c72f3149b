import Foundation
import Logging
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Pinghu and Jinshan as two nodes on loopback with their delivery services: a joint operation Pinghu plans reaches
/// Jinshan, each records its results and sees the other's, and both assessments count the same; a joint meeting on a
/// referred case is attached on both sides. Every wait has a deadline; both nodes are stopped on every path.
@Suite struct JointOperationFederationTests {
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!

    @Test func aJointOperationAndAMeetingAreTheSameOnBothNodes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-joint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var logger = Logger(label: "xiezhi.test")
        logger.logLevel = .critical
        let jinshanNode = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("js"), port: 0, logger: logger))
        var pinghuNode: FederationBench.Running?
        do {
            let ph = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("ph"), port: 0, logger: logger))
            pinghuNode = ph
            try FederationBench.pair(jinshan: jinshanNode, pinghu: ph)
            try await run(pinghu: ph.node, jinshan: jinshanNode.node)
        } catch {
            await pinghuNode?.stop()
            await jinshanNode.stop()
            throw error
        }
        await pinghuNode?.stop()
        await jinshanNode.stop()
    }

    func run(pinghu: Node, jinshan: Node) async throws {
        // Whole seconds: times travel as ISO 8601 with milliseconds, and the plans are compared whole.
        let now = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let phOps = JointOperationStore(database: pinghu.database, signingKey: pinghu.key)
        let jsOps = JointOperationStore(database: jinshan.database, signingKey: jinshan.key)
        let phHead = try pinghu.createAccount(
            username: "ph.head", displayName: "平湖负责人", role: .agencyHead, jurisdiction: Self.pinghu, certificateNumber: "ZF1", password: "password-1", by: "test")
        let phOfficer = try pinghu.createAccount(
            username: "ph.officer", displayName: "平湖执法员", role: .officer, jurisdiction: Self.pinghu, certificateNumber: "ZF2", password: "password-1", by: "test")
        let jsHead = try jinshan.createAccount(
            username: "js.head", displayName: "金山负责人", role: .agencyHead, jurisdiction: Self.jinshan, certificateNumber: "ZF3", password: "password-1", by: "test")
        let jsOfficer = try jinshan.createAccount(
            username: "js.officer", displayName: "金山执法员", role: .officer, jurisdiction: Self.jinshan, certificateNumber: "ZF4", password: "password-1", by: "test")
        try UnitStore(database: pinghu.database, signingKey: nil).save(
            EnforcementUnit(id: "ph-team", jurisdiction: Self.pinghu, name: "平湖治超一组", kind: .team, members: [phOfficer.id]), by: "test", at: now)
        try UnitStore(database: jinshan.database, signingKey: nil).save(
            EnforcementUnit(id: "js-boat", jurisdiction: Self.jinshan, name: "金山巡逻艇", kind: .patrolBoat), by: "test", at: now)

        // Pinghu plans with Jinshan; Jinshan sees the same plan and Pinghu's unit.
        let plan = try JointOperationPlan(
            operationId: UUID().uuidString.lowercased(), title: "浙沪边界治超联合行动", startsAt: now.addingTimeInterval(-3600), endsAt: now.addingTimeInterval(3600),
            place: OperationPlace(name: "G320 沪浙界", border: "pinghu-jinshan"), lead: try pinghu.operationAgency(Self.pinghu, field: "lead"),
            partners: [try pinghu.operationAgency(Self.jinshan, field: "partners")], targets: [.overload, .waterway], note: nil, at: now)
        let id = plan.operationId
        _ = try await phOps.plan(plan, units: ["ph-team"], by: phHead.id, at: now)
        try await eventually("the plan and Pinghu's unit at Jinshan") {
            try await jsOps.operation(id: id)?.contributions.first?.units.map(\.name) == ["平湖治超一组"]
        }
        #expect(try await jsOps.operation(id: id)?.plan == plan)

        // Pinghu starts it; Jinshan commits its boat and records its results once it sees the operation under way.
        _ = try await phOps.apply(.start, id: id, note: nil, agency: Self.pinghu, by: phHead.id, at: now)
        try await eventually("the start at Jinshan") { try await jsOps.operation(id: id)?.plan.state == .underWay }
        await #expect(throws: DomainError.self) { try await jsOps.apply(.conclude, id: id, note: nil, agency: Self.jinshan, by: jsHead.id, at: now) }
        _ = try await jsOps.contribute(operationID: id, agency: Self.jinshan, unitIDs: ["js-boat"], results: nil, by: jsHead.id, at: now)
        _ = try await jsOps.contribute(
            operationID: id, agency: Self.jinshan, unitIDs: nil, results: OperationResults(inspections: 8, violations: 2, casesOpened: 1), by: jsHead.id,
            at: now.addingTimeInterval(1))
        _ = try await phOps.contribute(
            operationID: id, agency: Self.pinghu, unitIDs: nil, results: OperationResults(inspections: 12, violations: 3, casesOpened: 2), by: phHead.id,
            at: now.addingTimeInterval(2))
        _ = try await phOps.apply(.conclude, id: id, note: "行动结束", agency: Self.pinghu, by: phHead.id, at: now.addingTimeInterval(3))
        try await eventually("Jinshan's results at Pinghu") { try await phOps.operation(id: id)?.totals.inspections == 20 }
        try await eventually("the conclusion and Pinghu's results at Jinshan") {
            let there = try await jsOps.operation(id: id)
            return there?.plan.state == .concluded && there?.totals.inspections == 20
        }
        let here = try #require(try await phOps.operation(id: id))
        let there = try #require(try await jsOps.operation(id: id))
        #expect(here == there)
        #expect(here.contributions.map(\.agency.jurisdiction) == [Self.pinghu, Self.jinshan])
        #expect(here.contributions.last?.units.map(\.kind) == [.patrolBoat])

        // A meeting on a case Pinghu referred to Jinshan, convened by each side.
        let phCase = try CaseService(node: pinghu).open(
            ClueIntake(jurisdiction: Self.pinghu, subject: "vehicle:沪D12345:yellow", partyKind: .individual, violationKind: "overload", facts: "超限 30%",
                       occurredAt: now.addingTimeInterval(-86400), source: "联合执法"),
            by: phOfficer).id
        let jsCase = try CaseService(node: jinshan).open(
            ClueIntake(jurisdiction: Self.jinshan, subject: "vehicle:沪D12345:yellow", partyKind: .individual, violationKind: "overload", facts: "移交线索立案",
                       occurredAt: now.addingTimeInterval(-86400), source: "平湖移交"),
            by: jsOfficer).id
        let referral = try ReferralStore(database: pinghu.database, signingKey: pinghu.key).refer(
            to: "jinshan", subject: "vehicle:沪D12345:yellow", violationKind: "overload", summary: "车籍地金山的超限车辆", place: nil, occurredAt: nil,
            caseID: phCase, files: [], by: phHead.id, at: now, calendar: pinghu.rules.current.workCalendar)
        let jsReferrals = ReferralStore(database: jinshan.database, signingKey: jinshan.key)
        try await eventually("the referral at Jinshan") { try jsReferrals.referral(id: referral.id, now: now) != nil }
        let phMeetings = JointMeetingStore(database: pinghu.database, signingKey: pinghu.key)
        let jsMeetings = JointMeetingStore(database: jinshan.database, signingKey: jinshan.key)
        func meeting(_ node: Node, convener: JurisdictionCode, partner: JurisdictionCode, caseID: String, referralID: String?, topic: String) throws -> JointMeeting {
            try JointMeeting(
                meetingId: UUID().uuidString.lowercased(), heldOn: CalendarDate(chinaDateOf: now), topic: topic,
                convener: try node.operationAgency(convener, field: "convener"), partners: [try node.operationAgency(partner, field: "partners")],
                participants: [MeetingParticipant(agency: "平湖执法队", name: "王明", role: "主持人"), MeetingParticipant(agency: "金山执法大队", name: "李华", role: "承办人")],
                questions: ["管辖权归属"], decisions: ["由金山立案查处"], caseId: caseID, caseReference: nil, referralId: referralID, recordedAt: now)
        }
        let fromJinshan = try await jsMeetings.convene(
            try meeting(jinshan, convener: Self.jinshan, partner: Self.pinghu, caseID: jsCase, referralID: referral.id, topic: "金山召集"), by: jsHead.id, at: now)
        let fromPinghu = try await phMeetings.convene(
            try meeting(pinghu, convener: Self.pinghu, partner: Self.jinshan, caseID: phCase, referralID: nil, topic: "平湖召集"), by: phHead.id, at: now)
        #expect(fromPinghu.meeting.referralId == referral.id)
        try await eventually("Jinshan's meeting on Pinghu's case") { try await phMeetings.meetings(caseID: phCase).count == 2 }
        try await eventually("Pinghu's meeting on Jinshan's referral") { try await jsMeetings.list(referralID: referral.id).count == 2 }
        let received = try #require(try await phMeetings.meetings(caseID: phCase).first { $0.originPeer == "jinshan" })
        #expect(received.meeting == fromJinshan.meeting)
        #expect(received.caseId == phCase)
        #expect(try await jsMeetings.meetings(caseID: jsCase).map(\.meeting.topic) == ["金山召集"])

        // Both assessments count the same operation, results and meetings.
        func assessment(_ node: Node, peer: String, as agency: JurisdictionCode) async throws -> PartnerAssessment {
            let partner = try #require(try PeerStore(database: node.database, signingKey: nil).all().first { $0.name == peer })
            let day = CalendarDate(chinaDateOf: now)
            return PartnerAssessment(
                facts: try await AssessmentStore(database: node.database).facts(peer: partner), agency: agency, from: day.adding(days: -1).startInChina,
                to: day.adding(days: 1).startInChina, now: now)
        }
        let atPinghu = try await assessment(pinghu, peer: "jinshan", as: Self.pinghu)
        let atJinshan = try await assessment(jinshan, peer: "pinghu", as: Self.jinshan)
        #expect(atPinghu.jointOperations.held == 1)
        #expect(atPinghu.jointOperations.totals == OperationResults(inspections: 20, violations: 5, casesOpened: 3))
        #expect(atJinshan.jointOperations.totals == atPinghu.jointOperations.totals)
        #expect(atJinshan.jointOperations.byAgency == atPinghu.jointOperations.byAgency)
        #expect([atPinghu.jointOperations.led, atJinshan.jointOperations.led] == [1, 0] as [Int])
        #expect([atPinghu.jointMeetings.held, atJinshan.jointMeetings.held] == [2, 2] as [Int])
        #expect([atPinghu.jointMeetings.convened, atJinshan.jointMeetings.convened] == [1, 1] as [Int])
        #expect([atPinghu.referralsSent.referred, atJinshan.referralsReceived.referred] == [1, 1] as [Int])
    }
}
