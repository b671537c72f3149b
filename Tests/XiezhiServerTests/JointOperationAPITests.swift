import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Joint operations, joint meetings and the assessment through the API of one node with Jinshan registered as a
/// partner (its messages wait in the outbox; the two-node round trip is `JointOperationFederationTests`).
@Suite struct JointOperationAPITests {
    static let start = Date(timeIntervalSince1970: 1_774_972_800)  // 2026-03-31T16:00:00Z = 2026-04-01 00:00 China

    func registerJinshan(_ test: TestNode) throws {
        try PeerStore(database: test.node.database, signingKey: nil).save(
            PeerStore.Peer(name: "jinshan", url: "http://127.0.0.1:9", publicKey: NodeKey.generate().publicKeyBase64,
                           jurisdictions: [TestNode.jinshan], agreement: .standard(), at: Self.start),
            by: "test")
    }

    func newOperation(_ overrides: [String: Any] = [:]) -> [String: Any] {
        var body: [String: Any] = [
            "title": "平湖—金山边界治超联合行动", "starts_at": "2026-04-02T00:00:00Z", "ends_at": "2026-04-02T06:00:00Z",
            "place": ["name": "平湖市—上海金山片区联合执法站", "site": "pinghu-jinshan-joint-station", "point": [121.248843, 30.697819], "radius_m": 3000],
            "partners": ["310116"], "targets": ["overload", "illegal_passenger_transport"], "units": ["ph-team"],
        ]
        for (key, value) in overrides { body[key] = value }
        return body
    }

    @Test func anOperationIsPlannedRunAndItsResultsRecorded() async throws {
        let test = try TestNode()
        try registerJinshan(test)
        test.clock.pin(Self.start)
        try UnitStore(database: test.node.database, signingKey: nil).save(
            EnforcementUnit(id: "ph-team", jurisdiction: TestNode.pinghu, name: "平湖治超一组", kind: .team, members: [test.account(.officer).id]), by: "test", at: Self.start)
        try UnitStore(database: test.node.database, signingKey: nil).save(
            EnforcementUnit(id: "js-team", jurisdiction: TestNode.jinshan, name: "金山一组", kind: .team), by: "test", at: Self.start)
        try await test.withClient { client in
            let commander = test.token(.commander)
            let created = try await client.call(.post, "/api/v1/joint-operations", token: commander, json: newOperation())
            #expect(created.status == .created, "\(created.text)")
            let id = try #require(created.json["id"] as? String)
            #expect(created.json["state"] as? String == "planned")
            #expect((created.json["lead"] as? [String: Any])?["jurisdiction"] as? String == "330482")
            let contribution = try #require((created.json["contributions"] as? [[String: Any]])?.first)
            #expect((contribution["officers"] as? [[String: Any]])?.first?["name"] as? String == test.account(.officer).displayName)
            #expect(created.json["unit_count"] as? Int == 1)

            // The plan and the lead's units are queued to Jinshan.
            let outbox = try await client.call(.get, "/api/v1/federation/outbox", token: test.token(.partnerLiaison))
            let kinds = (outbox.json["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.sorted() == ["joint_operation", "joint_operation_report"])

            // Bad input is a problem with a reason.
            for (overrides, status, code) in [
                (["targets": ["speeding"]], HTTPResponse.Status.badRequest, "invalid_targets"),
                (["partners": ["999999"]], .badRequest, "invalid_partners"),
                (["partners": ["320509"]], .unprocessableContent, "kind_not_agreed"),
                (["ends_at": "2026-04-01T00:00:00Z"], .badRequest, "invalid_window"),
                (["place": ["name": "海上", "point": [0.0, 0.0]]], .badRequest, "invalid_place"),
                (["units": ["js-team"]], .forbidden, "wrong_jurisdiction"),
            ] as [([String: Any], HTTPResponse.Status, String)] {
                let reply = try await client.call(.post, "/api/v1/joint-operations", token: commander, json: newOperation(overrides))
                #expect(reply.status == status, "\(overrides): \(reply.text)")
                #expect(reply.problemCode == code, "\(overrides): \(reply.text)")
            }

            let early = try await client.call(.post, "/api/v1/joint-operations/\(id)/results", token: commander, json: ["inspections": 1, "violations": 0, "cases_opened": 0])
            #expect(early.problemCode == "operation_transition_not_allowed")
            let notLead = try await client.call(.post, "/api/v1/joint-operations/\(id)/transition", token: test.token(.commander, TestNode.jinshan), json: ["action": "start"])
            #expect(notLead.status == .forbidden)
            let started = try await client.call(.post, "/api/v1/joint-operations/\(id)/transition", token: commander, json: ["action": "start"])
            #expect(started.json["state"] as? String == "under_way", "\(started.text)")
            let inconsistent = try await client.call(.post, "/api/v1/joint-operations/\(id)/results", token: commander, json: ["inspections": 2, "violations": 3, "cases_opened": 0])
            #expect(inconsistent.status == .badRequest)
            #expect(inconsistent.problemCode == "invalid_results")
            let recorded = try await client.call(
                .post, "/api/v1/joint-operations/\(id)/results", token: commander, json: ["inspections": 12, "violations": 3, "cases_opened": 2, "note": "查处超限 3 辆"])
            #expect((recorded.json["totals"] as? [String: Any])?["inspections"] as? Int == 12, "\(recorded.text)")
            let cancel = try await client.call(.post, "/api/v1/joint-operations/\(id)/transition", token: commander, json: ["action": "cancel"])
            #expect(cancel.problemCode == "missing_reason")
            let concluded = try await client.call(.post, "/api/v1/joint-operations/\(id)/transition", token: commander, json: ["action": "conclude", "note": "行动结束"])
            #expect(concluded.json["revision"] as? Int == 3)
            #expect((concluded.json["events"] as? [[String: Any]])?.count == 3)

            let list = try await client.call(.get, "/api/v1/joint-operations?from=2026-04-01&to=2026-04-30&state=concluded", token: test.token(.officer))
            #expect((list.json["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
            #expect(try await client.call(.get, "/api/v1/joint-operations?state=done", token: test.token(.officer)).problemCode == "invalid_query")
            #expect(try await client.call(.get, "/api/v1/joint-operations/nope", token: test.token(.officer)).status == .notFound)

            let assessment = try await client.call(.get, "/api/v1/assessment?from=2026-04-01&to=2026-04-30&partner=jinshan", token: test.token(.agencyHead))
            #expect(assessment.status == .ok, "\(assessment.text)")
            let partner = try #require((assessment.json["partners"] as? [[String: Any]])?.first)
            let operations = try #require((partner["figures"] as? [String: Any])?["joint_operations"] as? [String: Any])
            #expect(operations["held"] as? Int == 1)
            #expect(operations["led"] as? Int == 1)
            #expect((operations["totals"] as? [String: Any])?["violations"] as? Int == 3)
            #expect(try await client.call(.get, "/api/v1/assessment?partner=nobody", token: test.token(.agencyHead)).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/assessment?from=2026-05-01&to=2026-04-01", token: test.token(.agencyHead)).problemCode == "invalid_query")
            #expect(try await client.call(.get, "/api/v1/assessment", token: test.token(.officer)).status == .forbidden)
        }
    }

    @Test func aJointMeetingIsRecordedOnACaseAndSentToThePartner() async throws {
        let test = try TestNode()
        try registerJinshan(test)
        test.clock.pin(Self.start)
        try await test.withClient { client in
            let opened = try await client.call(.post, "/api/v1/cases", token: test.token(.officer), json: [
                "subject": "vehicle:沪D·54321:yellow", "party_kind": "individual", "violation_kind": "overload",
                "facts": "六轴货车车货总质量 62,000 千克", "occurred_at": "2026-03-30T00:00:00Z", "source": "非现场治超检测点",
            ])
            let caseID = try #require((opened.json["summary"] as? [String: Any])?["id"] as? String)
            let meeting: [String: Any] = [
                "held_on": "2026-04-01", "topic": "沪D54321 跨省超限运输案件管辖", "partners": ["310116"],
                "participants": [["agency": "平湖市交通运输行政执法队", "name": "王明", "role": "主持人"], ["agency": "金山区交通执法大队", "name": "李华", "role": "承办人"]],
                "questions": ["管辖权归属", "是否并案处理"], "decisions": ["由平湖立案查处", "金山提供称重记录"],
            ]
            let created = try await client.call(.post, "/api/v1/cases/\(caseID)/joint-meetings", token: test.token(.caseHandler), json: meeting)
            #expect(created.status == .created, "\(created.text)")
            #expect((created.json["meeting"] as? [String: Any])?["case_reference"] as? String == "overload \(caseID)")
            let listed = try await client.call(.get, "/api/v1/cases/\(caseID)/joint-meetings", token: test.token(.officer))
            #expect((listed.json["items"] as? [[String: Any]])?.count == 1)
            let outbox = try await client.call(.get, "/api/v1/federation/outbox", token: test.token(.partnerLiaison))
            #expect((outbox.json["items"] as? [[String: Any]] ?? []).contains { $0["kind"] as? String == "joint_meeting" })

            var undecided = meeting
            undecided["decisions"] = [String]()
            #expect(try await client.call(.post, "/api/v1/cases/\(caseID)/joint-meetings", token: test.token(.caseHandler), json: undecided).problemCode == "missing_decisions")
            #expect(try await client.call(.get, "/api/v1/cases/\(caseID)/joint-meetings", token: test.token(.officer, TestNode.jinshan)).status == .forbidden)
            #expect(try await client.call(.get, "/api/v1/cases/nope/joint-meetings", token: test.token(.officer)).status == .notFound)
            let assessment = try await client.call(.get, "/api/v1/assessment?from=2026-04-01&to=2026-04-01", token: test.token(.partnerLiaison))
            let figures = (assessment.json["partners"] as? [[String: Any]])?.first?["figures"] as? [String: Any]
            #expect((figures?["joint_meetings"] as? [String: Any])?["decisions"] as? Int == 2, "\(assessment.text)")
        }
    }
}
