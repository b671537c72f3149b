import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// The one-stop process over HTTP, as the console drives it: clue → filed → evidence → notice priced from the
/// benchmark → statement → decision → service → payment → closed; documents; refusals that write nothing.
@Suite struct CaseAPITests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func newCase(_ client: Client, _ test: TestNode, token: String, plate: String = "浙F·12345") async throws -> String {
        let reply = try await client.call(.post, "/api/v1/cases", token: token, json: [
            "subject": "vehicle:\(plate):yellow", "party_kind": "individual", "violation_kind": "overload",
            "facts": "六轴货车车货总质量 80,000 千克", "occurred_at": "2026-01-01T00:00:00Z", "source": "非现场治超检测点",
            "place": ["text": "G228平湖段", "longitude": 121.02, "latitude": 30.70],
        ])
        #expect(reply.status == .created, "\(reply.text)")
        let summary = try #require(reply.json["summary"] as? [String: Any])
        return try #require(summary["id"] as? String)
    }

    func act(_ client: Client, _ id: String, token: String, _ action: String, _ payload: [String: Any] = [:]) async throws -> Client.Reply {
        try await client.call(.post, "/api/v1/cases/\(id)/actions", token: token, json: ["action": action, "payload": payload])
    }

    func stage(_ reply: Client.Reply) -> String? { (reply.json["summary"] as? [String: Any])?["stage"] as? String }

    @Test func clueToClosedOverHTTP() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(3600))
        try await test.withClient { client in
            let id = try await newCase(client, test, token: test.token(.officer))
            let officers = [test.account(.officer).id, test.account(.caseHandler).id]
            test.clock.pin(Self.start.addingTimeInterval(86400))
            var reply = try await act(client, id, token: test.token(.agencyHead), "file", ["officer_ids": officers])
            #expect(stage(reply) == "filed", "\(reply.text)")
            let record = try #require(reply.json["record"] as? [String: Any])
            let filing = try #require(record["filing"] as? [String: Any])
            #expect(filing["register_number"] as? String == "平交执立字〔2026〕第0001号")
            reply = try await act(client, id, token: test.token(.officer), "add_evidence", ["item": [
                "kind": "electronic_data", "description": "称重记录", "sha256": String(repeating: "ab", count: 32), "source": "G228检测点"]])
            #expect(stage(reply) == "investigating", "\(reply.text)")
            test.clock.pin(Self.start.addingTimeInterval(2 * 86400))
            reply = try await act(client, id, token: test.token(.caseHandler), "notify", ["overload": ["limit_kg": 49_000, "gross_kg": 80_000]])
            #expect(stage(reply) == "notified", "\(reply.text)")
            #expect((reply.json["summary"] as? [String: Any])?["fine_fen"] as? Int == 766_000)
            // Too early: the statement period runs.
            reply = try await act(client, id, token: test.token(.agencyHead), "decide")
            #expect(reply.status == .unprocessableContent)
            #expect(reply.problemCode == "hearing_period_running")
            // A case handler may not decide.
            test.clock.pin(Self.start.addingTimeInterval(10 * 86400))
            reply = try await act(client, id, token: test.token(.caseHandler), "decide")
            #expect(reply.status == .forbidden)
            #expect(reply.problemCode == "role_not_allowed")
            reply = try await act(client, id, token: test.token(.agencyHead), "decide")
            #expect(stage(reply) == "decided", "\(reply.text)")
            #expect((reply.json["summary"] as? [String: Any])?["decision_number"] as? String == "平交执罚决字〔2026〕第0001号")
            test.clock.pin(Self.start.addingTimeInterval(11 * 86400))
            reply = try await act(client, id, token: test.token(.caseHandler), "serve", ["method": "direct", "recipient": "王某", "proof": "送达回证"])
            #expect(stage(reply) == "served", "\(reply.text)")
            test.clock.pin(Self.start.addingTimeInterval(12 * 86400))
            reply = try await act(client, id, token: test.token(.caseHandler), "record_payment", ["amount": 766_000, "paid_at": "2026-01-12T02:00:00Z", "reference": "缴款书"])
            #expect(reply.status == .ok, "\(reply.text)")
            reply = try await act(client, id, token: test.token(.agencyHead), "close", ["report": "已缴清"])
            #expect(stage(reply) == "closed", "\(reply.text)")

            // The timeline is the audit chain: one entry per step, linked by hash.
            let timeline = try await client.call(.get, "/api/v1/cases/\(id)/timeline", token: test.token(.auditor)).jsonArray
            #expect(timeline.map { $0["action"] as? String } == [
                "case.create_clue", "case.file", "case.add_evidence", "case.notify", "case.decide", "case.serve", "case.record_payment", "case.close"])
            for (previous, next) in zip(timeline, timeline.dropFirst()) {
                #expect((next["seq"] as? Int ?? 0) > (previous["seq"] as? Int ?? 0))
            }
            // Documents carry the facts, the article, the amount and the rights.
            let decision = try await client.call(.get, "/api/v1/cases/\(id)/documents/decision", token: test.token(.caseHandler))
            #expect(decision.status == .ok)
            #expect(decision.text.contains("行政处罚决定书"))
            #expect(decision.text.contains("浙江省公路条例"))
            #expect(decision.text.contains("人民币7660.00元"))
            #expect(decision.text.contains("六十日内"))
            #expect(decision.text.contains("六个月内"))
            #expect(decision.text.contains("十五日内"))
            #expect(decision.text.contains("百分之三"))
            let notice = try await client.call(.get, "/api/v1/cases/\(id)/documents/prior-notice", token: test.token(.caseHandler))
            #expect(notice.text.contains("行政处罚事先告知书"))
            #expect(notice.text.contains("超限 20%–50% 部分 14,700 千克 × 300 元/吨 = 4,410 元"))
            let filingForm = try await client.call(.get, "/api/v1/cases/\(id)/documents/filing-approval", token: test.token(.caseHandler))
            #expect(filingForm.text.contains("立案审批表"))
            #expect(filingForm.text.contains(test.account(.officer).certificateNumber!))
        }
        let key = test.node.key
        let report = try await test.node.database.writer.read { db in try AuditVerifier.verify(db, publicKey: key.publicKey) }
        #expect(report.isIntact)
    }

    @Test func anotherAgencysCaseIsNotFound() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let id = try await newCase(client, test, token: test.token(.officer))
            let seen = try await client.call(.get, "/api/v1/cases/\(id)", token: test.token(.caseHandler, TestNode.jinshan))
            #expect(seen.status == .notFound)
            let acted = try await act(client, id, token: test.token(.agencyHead, TestNode.jinshan), "refuse_filing", ["reason": "x"])
            #expect(acted.status == .notFound)
            let list = try await client.call(.get, "/api/v1/cases", token: test.token(.caseHandler, TestNode.jinshan))
            #expect(list.json["total"] as? Int == 0)
        }
    }

    @Test func placeOutsideTheAgencysAreaIsRefused() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            // Songjiang, far from any Pinghu joint zone.
            let reply = try await client.call(.post, "/api/v1/cases", token: test.token(.officer), json: [
                "subject": "vehicle:浙F12345:yellow", "party_kind": "individual", "violation_kind": "overload", "facts": "x",
                "occurred_at": "2026-01-01T00:00:00Z", "source": "x", "place": ["text": "松江", "longitude": 121.23, "latitude": 31.03],
            ])
            #expect(reply.status == .unprocessableContent, "\(reply.text)")
            #expect(reply.problemCode == "outside_jurisdiction")
        }
    }

    @Test func badInputIsAProblemAndWritesNothing() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let id = try await newCase(client, test, token: test.token(.officer))
            let before = try test.auditCount()
            let cases: [(Client.Reply, HTTPResponse.Status, String)] = [
                (try await client.call(.post, "/api/v1/cases", token: test.token(.officer), raw: "{not json"), .badRequest, "malformed_json"),
                (try await client.call(.post, "/api/v1/cases", token: test.token(.officer), json: ["subject": "vehicle:浙Z1:yellow"]), .badRequest, "malformed_json"),
                (try await client.call(.post, "/api/v1/cases", token: test.token(.officer), json: [
                    "subject": "vehicle:浙FI2345:yellow", "party_kind": "individual", "violation_kind": "overload", "facts": "x",
                    "occurred_at": "2026-01-01T00:00:00Z", "source": "x"]), .badRequest, "invalid_plate"),
                (try await client.call(.post, "/api/v1/cases", token: test.token(.officer), raw: "{\"x\":\"" + String(repeating: "a", count: 1_100_000) + "\"}"), .contentTooLarge, "body_too_large"),
                (try await act(client, id, token: test.token(.agencyHead), "decide"), .unprocessableContent, "transition_not_allowed"),
                (try await act(client, id, token: test.token(.agencyHead), "teleport"), .badRequest, "invalid_action"),
                (try await act(client, id, token: test.token(.agencyHead), "file", ["officer_ids": [test.account(.officer).id, test.account(.commander).id]]), .unprocessableContent, "certificate_required"),
                (try await act(client, id, token: test.token(.auditor), "refuse_filing", ["reason": "x"]), .forbidden, "role_not_allowed"),
            ]
            for (reply, status, code) in cases {
                #expect(reply.status == status, "\(reply.text.prefix(300))")
                #expect(reply.problemCode == code, "\(reply.text.prefix(300))")
                #expect(reply.headers[.contentType] == "application/problem+json")
                #expect(!(reply.json["detail"] as? String ?? "").isEmpty)
            }
            #expect(try test.auditCount() == before, "a refused request wrote to the audit log")
            let detail = try await client.call(.get, "/api/v1/cases/\(id)", token: test.token(.officer))
            #expect(stage(detail) == "clue")
        }
    }

    @Test func partnerDecisionBlocksASecondFine() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(3600))
        try await test.withClient { client in
            let recorded = try await client.call(.post, "/api/v1/penalties/partner", token: test.token(.partnerLiaison), json: [
                "subject": "vehicle:浙F·12345:yellow", "violation_kind": "overload", "act_at": "2026-01-01T02:00:00Z",
                "decision_number": "金交执罚决字〔2026〕第0099号", "agency": "上海市金山区交通行政执法大队", "jurisdiction": "310116",
                "decided_at": "2026-01-01T03:00:00Z", "amount_fen": 650_000,
            ])
            #expect(recorded.status == .created, "\(recorded.text)")
            let id = try await newCase(client, test, token: test.token(.officer), plate: "浙f12345")
            test.clock.pin(Self.start.addingTimeInterval(86400))
            _ = try await act(client, id, token: test.token(.agencyHead), "file", ["officer_ids": [test.account(.officer).id, test.account(.caseHandler).id]])
            _ = try await act(client, id, token: test.token(.officer), "add_evidence", ["item": [
                "kind": "electronic_data", "description": "称重记录", "sha256": String(repeating: "cd", count: 32), "source": "检测点"]])
            _ = try await act(client, id, token: test.token(.caseHandler), "notify", ["overload": ["limit_kg": 49_000, "gross_kg": 80_000]])
            test.clock.pin(Self.start.addingTimeInterval(10 * 86400))
            let refused = try await act(client, id, token: test.token(.agencyHead), "decide")
            #expect(refused.status == .conflict)
            #expect(refused.problemCode == "double_penalty")
            #expect((refused.json["detail"] as? String)?.contains("金交执罚决字〔2026〕第0099号") == true)
        }
    }
}
