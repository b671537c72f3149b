import Foundation
import GRDB
import Testing
import XiezhiCore
@testable import XiezhiStore

/// Joint operation messages at Pinghu's inbox, from Jinshan: whatever order they arrive in, the node keeps the highest
/// plan revision and each agency's latest report; a sender speaks only for its own agency.
@Suite struct JointOperationReceiveTests {
    let jinshanKey = NodeKey.generate()
    let pinghuKey = NodeKey.generate()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let pinghu = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "330482")!, name: "平湖")
    static let jinshan = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "310116")!, name: "金山")
    static let wujiang = OperationAgency(jurisdiction: JurisdictionCode(rawValue: "320509")!, name: "吴江")

    func pinghuInbox() throws -> (NodeDatabase, FederationReceiver) {
        let database = try NodeDatabase.inMemory()
        try PeerStore(database: database, signingKey: pinghuKey).save(
            PeerStore.Peer(name: "jinshan", url: "http://127.0.0.1:9", publicKey: jinshanKey.publicKeyBase64, jurisdictions: [Self.jinshan.jurisdiction],
                           agreement: .standard(), at: now),
            by: "test")
        return (database, FederationReceiver(database: database, key: pinghuKey, window: ReplayWindow(seconds: 300)))
    }

    func send<Body: Encodable>(_ kind: FederationKind, _ body: Body, to inbox: FederationReceiver) async throws -> String {
        let envelope = try FederationSigning.sign(
            FederationEnvelope(messageId: UUID().uuidString, sender: jinshanKey.publicKeyBase64, recipient: pinghuKey.publicKeyBase64, kind: kind.rawValue,
                               sentAt: Timestamp.format(now), body: try FederationJSON.encode(body)),
            with: jinshanKey)
        return try await inbox.receive(try JSONEncoder().encode(envelope), now: now).status
    }

    func refusal(_ body: () async throws -> String) async -> FederationRefusal.Code? {
        do { _ = try await body(); return nil } catch { return (error as? FederationRefusal)?.code }
    }

    func plan(lead: OperationAgency = jinshan, partners: [OperationAgency] = [pinghu]) throws -> JointOperationPlan {
        try JointOperationPlan(
            operationId: "op-1", title: "金山牵头水上联合执法", startsAt: now, endsAt: now.addingTimeInterval(7200), place: OperationPlace(name: "黄浦江上游"),
            lead: lead, partners: partners, targets: [.waterway], note: nil, at: now.addingTimeInterval(-86400))
    }

    func report(_ agency: OperationAgency, inspections: Int, at offset: TimeInterval) -> AgencyContribution {
        AgencyContribution(
            operationId: "op-1", agency: agency, units: [OperationUnit(id: "js-usv-1", name: "金山无人艇01", kind: .unmannedBoat)], officers: [],
            results: OperationResults(inspections: inspections, violations: 0, casesOpened: 0), reportedAt: now.addingTimeInterval(offset))
    }

    @Test func aReportBeforeThePlanAndAStalePlanStillGiveTheLatestOperation() async throws {
        let (database, inbox) = try pinghuInbox()
        let store = JointOperationStore(database: database, signingKey: pinghuKey)
        #expect(try await send(.jointOperationReport, report(Self.jinshan, inspections: 6, at: 60), to: inbox) == "accepted")
        #expect(try await store.operation(id: "op-1") == nil)
        let started = try plan().applying(.start, note: nil, at: now)
        #expect(try await send(.jointOperation, started, to: inbox) == "accepted")
        #expect(try await send(.jointOperation, try plan(), to: inbox) == "accepted")
        #expect(try await send(.jointOperationReport, report(Self.jinshan, inspections: 2, at: 30), to: inbox) == "accepted")
        let operation = try #require(try await store.operation(id: "op-1"))
        #expect(operation.plan == started)
        #expect(operation.totals.inspections == 6)
        // Pinghu takes part: it records its own results, which go back to Jinshan.
        let recorded = try await store.contribute(
            operationID: "op-1", agency: Self.pinghu.jurisdiction, unitIDs: nil, results: OperationResults(inspections: 4, violations: 1, casesOpened: 0),
            by: "head", at: now.addingTimeInterval(90))
        #expect(recorded.totals.inspections == 10)
        let queued = try FederationOutbox(database: database).list(status: "queued", limit: 10, offset: 0).items
        #expect(queued.map(\.kind) == ["joint_operation_report"])
        // Only the lead moves the operation.
        await #expect(throws: DomainError.self) { try await store.apply(.conclude, id: "op-1", note: nil, agency: Self.pinghu.jurisdiction, by: "head", at: now) }
    }

    @Test func aSenderSpeaksOnlyForItsOwnAgency() async throws {
        let (_, inbox) = try pinghuInbox()
        #expect(await refusal { try await send(.jointOperation, try plan(lead: Self.pinghu, partners: [Self.jinshan]), to: inbox) } == .jurisdictionNotAgreed)
        #expect(await refusal { try await send(.jointOperationReport, report(Self.wujiang, inspections: 1, at: 0), to: inbox) } == .jurisdictionNotAgreed)
        #expect(try await send(.jointOperation, try plan(), to: inbox) == "accepted")
        // A report's counts must be consistent, and a plan must pass the same checks as on the lead's node.
        var inconsistent = report(Self.jinshan, inspections: 1, at: 0)
        inconsistent.results = OperationResults(inspections: 1, violations: 2, casesOpened: 0)
        #expect(await refusal { try await send(.jointOperationReport, inconsistent, to: inbox) } == .invalidBody)
        var untitled = try plan()
        untitled.operationId = "op-2"
        untitled.title = ""
        #expect(await refusal { try await send(.jointOperation, untitled, to: inbox) } == .invalidBody)
    }
}
