import Foundation
import GRDB
import Logging
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// The demo as two nodes: each seeded from its own agency through the real workflow, each the other's partner, and
/// what crosses between them — the penalty record that blocks a second fine, the 送达互助 requests, the Art. 44 copy,
/// the referrals — travels through federation over loopback when the nodes run.
@Suite struct DemoFederationTests {
    /// A kind added to the protocol joins the demo's agreement with one line in ``DemoFederation/kinds``.
    @Test func theDemoAgreementNamesEveryKind() {
        #expect(Set(DemoFederation.kinds) == Set(FederationKind.allCases))
        let agreement = DemoFederation.agreement
        #expect(agreement.kinds == Set(FederationKind.allCases.map(\.rawValue)))
        #expect(agreement.fields.contains("subject"))
        #expect(!agreement.fields.contains("owner_phone"))
    }

    @Test func pairingTwiceWritesNothingNew() throws {
        let nodes = try [DemoAgency.pinghu, .jinshan].map { ($0, try Node.inMemory()) }
        let members = nodes.map { DemoFederation.Member(agency: $0.0, node: $0.1, url: "http://127.0.0.1:\(8080 + $0.0.portOffset)") }
        try DemoFederation.pair(members, at: Date())
        let audit = { (node: Node) in try node.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0 } }
        let before = try nodes.map { try audit($0.1) }
        try DemoFederation.pair(members, at: Date())
        #expect(try nodes.map { try audit($0.1) } == before)
        let peer = try #require(try PeerStore(database: nodes[0].1.database, signingKey: nil).all().first)
        #expect(peer.name == "jinshan" && peer.url == "http://127.0.0.1:8081" && peer.jurisdictions.map(\.rawValue) == ["310116", "310100"])
        #expect(peer.publicKey == nodes[1].1.key.publicKeyBase64)
    }

    @Test func twoNodesSeededFromTheirAgenciesMeetThroughFederation() async throws {
        var logger = Logger(label: "xiezhi.test")
        logger.logLevel = .critical
        var configuration = NodeConfiguration.inMemoryDefault
        configuration.httpPort = 0
        configuration.federation.backoffMaximum = 1
        let opened = try [DemoAgency.pinghu, .jinshan].map { agency in
            let clock = DemoClock()
            return (agency, clock, try Node.inMemory(configuration: configuration, logger: logger, now: { clock.now() }))
        }
        let (pinghu, jinshan) = (opened[0].2, opened[1].2)
        // Partners first (at addresses nobody listens on yet), then each node seeded from its agency alone.
        try DemoFederation.pair(opened.map { DemoFederation.Member(agency: $0.0, node: $0.2, url: "http://127.0.0.1:9") }, at: Date())
        for (agency, clock, node) in opened {
            try DemoSeed.seed(node, agency: agency, clock: clock)
            #expect(try DemoSeed.isSeeded(node, agency: agency))
        }

        // Each node holds only its own desks' accounts, cases and units.
        let pinghuAccounts = try pinghu.accounts.accounts(jurisdiction: nil)
        #expect(pinghuAccounts.count == 16)
        for jurisdiction in [DemoSeed.pinghu, DemoSeed.jiashan] {
            #expect(Set(pinghuAccounts.filter { $0.jurisdiction == jurisdiction }.map(\.role)) == Set(Role.allCases))
        }
        let jinshanAccounts = try jinshan.accounts.accounts(jurisdiction: nil)
        #expect(jinshanAccounts.count == 8 && jinshanAccounts.allSatisfy { $0.jurisdiction == DemoSeed.jinshan })
        #expect(try UnitStore(database: pinghu.database, signingKey: nil).all().allSatisfy { $0.jurisdiction == DemoSeed.pinghu })
        #expect(try UnitStore(database: jinshan.database, signingKey: nil).all().map(\.id).sorted() == ["js-car-1", "js-team-1", "js-usv-1"])
        let provinces = { (node: Node) in
            try node.database.writer.read { db in try Set(String.fetchAll(db, sql: "SELECT DISTINCT substr(jurisdiction, 1, 2) FROM enforcement_case")) }
        }
        #expect(try provinces(pinghu) == ["33"])
        #expect(try provinces(jinshan) == ["31"])
        let pinghuCases = try CaseStore(database: pinghu.database, signingKey: nil).list(jurisdiction: DemoSeed.pinghu, stages: [], violationKind: nil, subjectContains: nil)
        #expect(Set(pinghuCases.map(\.stage)).isSuperset(of: [.clue, .investigating, .notified, .legalReview, .served, .closed, .noPenalty]))
        let overdue = pinghuCases.filter { value in CaseClocks.compute(value, rules: pinghu.rules.current.procedure, now: Date()).contains { $0.isOverdue } }
        #expect(overdue.count == 1)
        let jinshanCases = try CaseStore(database: jinshan.database, signingKey: nil).list(jurisdiction: DemoSeed.jinshan, stages: [], violationKind: nil, subjectContains: nil)
        #expect(Set(jinshanCases.map(\.stage)).isSuperset(of: [.clue, .notified, .decided, .closed]))
        // Nothing has crossed yet: Pinghu does not know Jinshan's decision on 沪D12345.
        let jinshanDecision = try #require(jinshanCases.first { $0.subject == "vehicle:沪D12345:yellow" }?.decision?.number)
        #expect(jinshanDecision.hasPrefix("金交执罚决字"))
        let known = { try pinghu.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM penalty_record WHERE decision_number = ?", arguments: [jinshanDecision]) ?? 0 } }
        #expect(try known() == 0)

        // The nodes run; each learns the other's address and the outboxes drain.
        let runningPinghu = try await FederationBench.Running.start(pinghu)
        let runningJinshan: FederationBench.Running
        do {
            runningJinshan = try await FederationBench.Running.start(jinshan)
        } catch {
            await runningPinghu.stop()
            throw error
        }
        do {
            try DemoFederation.pair([
                DemoFederation.Member(agency: .pinghu, node: pinghu, url: "http://127.0.0.1:\(runningPinghu.port)"),
                DemoFederation.Member(agency: .jinshan, node: jinshan, url: "http://127.0.0.1:\(runningJinshan.port)"),
            ], at: Date())
            let outboxes = [FederationOutbox(database: pinghu.database), FederationOutbox(database: jinshan.database)]
            try await eventually("both outboxes delivered", seconds: 60) { try outboxes.allSatisfy { try $0.counts()["queued", default: 0] == 0 } }
            for outbox in outboxes {
                let counts = try outbox.counts()
                let refused = try outbox.list(status: "failed", limit: 5, offset: 0).items.map(\.lastError)
                #expect(counts["failed"] == nil, "refused: \(refused)")
                #expect(counts["delivered", default: 0] >= 4)
            }
            #expect(try known() == 1)

            // 一事不再罚 across the nodes: Pinghu's decision on the same trip is refused, naming Jinshan's decision.
            let crossBorder = try #require(pinghuCases.first { $0.subject == "vehicle:沪D12345:yellow" })
            let head = try #require(pinghuAccounts.first { $0.jurisdiction == DemoSeed.pinghu && $0.role == .agencyHead })
            #expect {
                try CaseService(node: pinghu).act(caseID: crossBorder.id, request: CaseActionRequest(action: "decide", payload: nil), by: head)
            } throws: { error in
                (error as? DomainError)?.code == "double_penalty" && (error as? DomainError)?.reason.contains(jinshanDecision) == true
            }
            // Pinghu's notice on the Shanghai truck asked Jinshan to serve it; Jinshan's notice on a 浙F truck and its
            // closed 浙F case (Art. 44) reached Pinghu.
            let atJinshan = try ReceivedRequestStore(database: jinshan.database, signingKey: nil).list(limit: 50, offset: 0).items
            #expect(atJinshan.contains { $0.kind == "notice_service_request" && $0.subject == "vehicle:沪D12345:yellow" })
            let atPinghu = try ReceivedRequestStore(database: pinghu.database, signingKey: nil).list(limit: 50, offset: 0).items
            #expect(Set(atPinghu.map(\.kind)) == ["notice_service_request", "home_agency_copy"])
            let sent = try PartnerRequestStore(database: pinghu.database).requests(caseID: crossBorder.id)
            #expect(sent.map(\.status) == ["delivered"])
            // The referrals: the same deadline and overdue flag on both nodes.
            let outgoing = try ReferralStore(database: pinghu.database, signingKey: nil).list(now: Date(), overdueOnly: false)
            let incoming = try ReferralStore(database: jinshan.database, signingKey: nil).list(now: Date(), overdueOnly: false)
            #expect(outgoing.count == 2 && incoming.count == 2)
            #expect(Set(outgoing.map { [$0.id, Timestamp.format($0.acceptBy), "\($0.overdue)"] }) == Set(incoming.map { [$0.id, Timestamp.format($0.acceptBy), "\($0.overdue)"] }))
            #expect(incoming.filter(\.overdue).count == 1 && incoming.allSatisfy { $0.direction == "incoming" && $0.evidence.count == 1 })
        } catch {
            await runningJinshan.stop()
            await runningPinghu.stop()
            throw error
        }
        await runningJinshan.stop()
        await runningPinghu.stop()
        for node in [pinghu, jinshan] {
            let key = node.key
            let report = try await node.database.read { db in try AuditVerifier.verify(db, publicKey: key.publicKey) }
            #expect(report.isIntact)
        }
    }
}
