import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Federation inside one node: what a decision and a notice write to the outbox, what the inbox answers.
@Suite struct FederationAPITests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
    let partnerKey = NodeKey.generate()

    func registerJinshan(_ test: TestNode) throws {
        try PeerStore(database: test.node.database, signingKey: nil).save(
            PeerStore.Peer(name: "jinshan", url: "http://127.0.0.1:9", publicKey: partnerKey.publicKeyBase64,
                           jurisdictions: [TestNode.jinshan, JurisdictionCode(rawValue: "310100")!], agreement: .standard(personal: ["subject"]), at: Self.start),
            by: "test")
    }

    func act(_ client: Client, _ id: String, token: String, _ action: String, _ payload: [String: Any] = [:]) async throws -> Client.Reply {
        try await client.call(.post, "/api/v1/cases/\(id)/actions", token: token, json: ["action": action, "payload": payload])
    }

    @Test func aDecisionAndANoticeWriteTheirMessagesToTheOutbox() async throws {
        let test = try TestNode()
        try registerJinshan(test)
        test.clock.pin(Self.start.addingTimeInterval(3600))
        try await test.withClient { client in
            let opened = try await client.call(.post, "/api/v1/cases", token: test.token(.officer), json: [
                "subject": "vehicle:沪D·54321:yellow", "party_kind": "individual", "violation_kind": "overload",
                "facts": "六轴货车车货总质量 62,000 千克", "occurred_at": "2026-01-01T00:00:00Z", "source": "非现场治超检测点",
            ])
            let id = try #require((opened.json["summary"] as? [String: Any])?["id"] as? String)
            _ = try await act(client, id, token: test.token(.agencyHead), "file", ["officer_ids": [test.account(.officer).id, test.account(.caseHandler).id]])
            _ = try await act(client, id, token: test.token(.officer), "add_evidence", ["item": [
                "kind": "electronic_data", "description": "称重记录", "sha256": String(repeating: "ab", count: 32), "source": "检测点"]])
            let notified = try await act(client, id, token: test.token(.caseHandler), "notify", ["overload": ["limit_kg": 49_000, "gross_kg": 62_000]])
            #expect(notified.status == .ok, "\(notified.text)")
            _ = try await act(client, id, token: test.token(.caseHandler), "record_statement", ["stated_by": "车主", "content": "无异议", "waives_rights": true])
            let decided = try await act(client, id, token: test.token(.agencyHead), "decide")
            #expect(decided.status == .ok, "\(decided.text)")
            let number = try #require((decided.json["summary"] as? [String: Any])?["decision_number"] as? String)

            let outbox = try await client.call(.get, "/api/v1/federation/outbox", token: test.token(.partnerLiaison))
            #expect(outbox.status == .ok, "\(outbox.text)")
            let items = try #require(outbox.json["items"] as? [[String: Any]])
            #expect(Set(items.compactMap { $0["kind"] as? String }) == ["penalty_record", "notice_service_request"])
            #expect(items.allSatisfy { $0["status"] as? String == "queued" && $0["peer"] as? String == "jinshan" })
            let penalty = try #require(items.first { $0["kind"] as? String == "penalty_record" })
            let body = try FederationJSON.decode(PenaltyRecordBody.self, from: try #require(penalty["body"] as? String))
            #expect(body.decisionNumber == number)
            #expect(body.subject == "vehicle:沪D54321:yellow")
            #expect(body.jurisdiction == "330482")
            // The 送达互助 request shows on the case with the outbox carrying it.
            let detail = try await client.call(.get, "/api/v1/cases/\(id)", token: test.token(.caseHandler))
            let requests = try #require(detail.json["partner_requests"] as? [[String: Any]])
            #expect(requests.first?["kind"] as? String == "notice_service")
            #expect(requests.first?["status"] as? String == "queued")
            #expect(try await client.call(.get, "/api/v1/federation/outbox", token: test.token(.officer)).status == .forbidden)
        }
    }

    @Test func theInboxAnswersRefusalsAsProblemJSON() async throws {
        let test = try TestNode()
        try registerJinshan(test)
        try await test.withClient { client in
            var envelope = try FederationSigning.sign(
                FederationEnvelope(messageId: "m-1", sender: partnerKey.publicKeyBase64, recipient: test.node.key.publicKeyBase64, kind: "penalty_record",
                                   sentAt: Timestamp.format(test.node.now()), body: "{\"decision_number\":\"x\"}"),
                with: partnerKey)
            envelope.body = "{\"decision_number\":\"y\"}"
            let reply = try await client.call(.post, "/federation/v1/inbox", raw: String(decoding: try JSONEncoder().encode(envelope), as: UTF8.self))
            #expect(reply.status == .unauthorized)
            #expect(reply.problemCode == "bad_signature")
            #expect(reply.headers[.contentType] == "application/problem+json")
            let garbage = try await client.call(.post, "/federation/v1/inbox", raw: "{\"hello\":1}")
            #expect(garbage.status == .badRequest)
            #expect(garbage.problemCode == "malformed_envelope")
            let identity = try await client.call(.get, "/federation/v1/node")
            #expect(identity.json["public_key"] as? String == test.node.key.publicKeyBase64)
        }
    }
}
