import Foundation
import Testing
import XiezhiCore
import XiezhiSimulator
import XiezhiStore
import XiezhiWire
@testable import XiezhiServer

/// Checkpoint passages → storage → identification (OCR, fingerprint, AIS) → waterway alerts → a stop-for-inspection
/// order → a case; AIS positions through the vessel ingest → the waterway monitoring → a dumping alert.
@Suite struct WaterwayAPITests {
    static let start = Date(timeIntervalSince1970: 1_775_012_400)  // 2026-04-01T03:00:00Z, 11:00 in China
    static let jiashan = JurisdictionCode(rawValue: "330421")!

    /// An officer of Jiashan (where the Hongqitang checkpoint is) and a session token.
    static func jiashanOfficer(_ test: TestNode) throws -> String {
        let account = try test.node.createAccount(
            username: "jiashan-officer", displayName: "嘉善执法", role: .officer, jurisdiction: jiashan, certificateNumber: "ZF330421001",
            password: "password-officer", by: "test")
        return try test.node.accounts.startSession(accountID: account.id, at: Date(), lifetime: 3600).token
    }

    static func photo(_ ref: String) -> [String: Any] { ["ref": ref, "sha256": SHA256Hex.of(ref)] }

    @Test func passagesAreIdentifiedAndAShipWithoutAISBecomesAnAlertAnOrderAndACase() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(3600))
        let token = try Self.jiashanOfficer(test)
        try await test.withClient { client in
            let registered = try await client.call(.post, "/api/v1/subjects/vessels", token: token, json: [
                "name": "浙嘉兴货1234", "mmsi": "413501234", "must_carry_ais": true, "cargo_class": "general",
                "registration": ["length_metres": 45.0, "beam_metres": 10.8],
            ])
            #expect(registered.status == .created, "\(registered.text)")
            await test.node.waterwayMonitoring.refreshRegistry()

            let passage: [String: Any] = [
                "id": "HQT-1", "checkpoint": "hongqitang-checkpoint", "time": "2026-04-01T03:10:00Z", "direction": "forward",
                "ocr_name": "浙嘉兴货1234", "ocr_confidence": 0.93, "laser": ["length_metres": 45.1, "beam_metres": 10.8, "air_draft_metres": 5.2],
                "photos": [Self.photo("cam/HQT-1.jpg")],
            ]
            let posted = try await client.call(.post, "/api/v1/waterway/passages", token: token, json: ["passages": [passage]])
            #expect(posted.status == .ok, "\(posted.text)")
            #expect(posted.json["stored"] as? Int == 1 && posted.json["alerts_raised"] as? Int == 1)
            let again = try await client.call(.post, "/api/v1/waterway/passages", token: token, json: ["passages": [passage]])
            #expect(again.json["duplicates"] as? Int == 1 && again.json["stored"] as? Int == 0)

            let list = try await client.call(.get, "/api/v1/waterway/passages?checkpoint=hongqitang-checkpoint", token: token)
            let item = try #require((list.json["items"] as? [[String: Any]])?.first)
            let identification = try #require(item["identification"] as? [String: Any])
            #expect(identification["is_identified"] as? Bool == true && identification["vessel"] as? String == "浙嘉兴货1234")
            #expect((identification["method"] as? [String])?.contains("ocr") == true)
            #expect((item["photos"] as? [[String: Any]])?.first?["sha256"] as? String == SHA256Hex.of("cam/HQT-1.jpg"))

            let rate = try await client.call(.get, "/api/v1/waterway/identification-rate?day=2026-04-01", token: token)
            let rows = try #require(rate.json["checkpoints"] as? [[String: Any]])
            let hongqitang = try #require(rows.first { $0["checkpoint"] as? String == "hongqitang-checkpoint" })
            #expect(hongqitang["passages"] as? Int == 1 && hongqitang["identified"] as? Int == 1 && hongqitang["rate"] as? Double == 1)
            let checkpoints = try await client.call(.get, "/api/v1/waterway/checkpoints", token: test.token(.commander))
            #expect((checkpoints.json["items"] as? [Any])?.count == 2)

            // The ship must carry AIS, and no AIS position came near the line: an alert, with the passage as evidence.
            let alerts = try await client.call(.get, "/api/v1/alerts?kind=ais_off_at_checkpoint", token: token)
            let alert = try #require((alerts.json["items"] as? [[String: Any]])?.first?["alert"] as? [String: Any])
            let id = try #require(alert["id"] as? String)
            #expect(alert["source"] as? String == "waterway" && alert["subject"] as? String == "vessel:浙嘉兴货1234")

            let badOrder = try await client.call(.post, "/api/v1/alerts/\(id)/inspection-orders", token: token, json: [
                "channel": "vhf", "ordered_at": "2026-04-01T03:20:00Z", "outcome": "complied", "answer_zh": "收到",
            ])
            #expect(badOrder.status == .badRequest && badOrder.problemCode == "invalid_inspection_order")
            let order = try await client.call(.post, "/api/v1/alerts/\(id)/inspection-orders", token: token, json: [
                "channel": "vhf", "vhf_channel": 16, "ordered_at": "2026-04-01T03:20:00Z", "stop_at_zh": "红旗塘执法码头",
                "answer_zh": "收到，马上靠泊", "outcome": "complied",
            ])
            #expect(order.status == .created, "\(order.text)")
            let shown = try await client.call(.get, "/api/v1/alerts/\(id)", token: token)
            #expect((shown.json["inspection_orders"] as? [Any])?.count == 1)

            let opened = try await client.call(.post, "/api/v1/alerts/\(id)/case", token: token)
            #expect(opened.status == .created, "\(opened.text)")
            #expect((opened.json["inspection_orders"] as? [Any])?.count == 1)
            let record = try #require(opened.json["record"] as? [String: Any])
            #expect(record["violation_kind"] as? String == "ais_off")
            #expect((record["facts"] as? String)?.contains("受检指令") == true)

            // Bad input.
            var unknown = passage
            unknown["checkpoint"] = "nowhere"
            let refused = try await client.call(.post, "/api/v1/waterway/passages", token: token, json: ["passages": [unknown]])
            #expect(refused.status == .unprocessableContent && refused.problemCode == "unknown_checkpoint")
            var badPhoto = passage
            badPhoto["id"] = "HQT-2"
            badPhoto["photos"] = [["ref": "x.jpg", "sha256": "abc"]]
            #expect(try await client.call(.post, "/api/v1/waterway/passages", token: token, json: ["passages": [badPhoto]]).problemCode == "invalid_photo")
            var badConfidence = passage
            badConfidence["id"] = "HQT-3"
            badConfidence["ocr_confidence"] = 1.5
            #expect(try await client.call(.post, "/api/v1/waterway/passages", token: token, json: ["passages": [badConfidence]]).status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/waterway/identification-rate?day=tomorrow", token: token).status == .badRequest)
        }
    }

    @Test func aMuckShipStoppedOutsideTheSitesRaisesADumpingAlertFromTheAISFeed() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(2 * 3600))
        let token = try Self.jiashanOfficer(test)
        let region = test.node.rules.current.region
        let point = GeoPoint(longitude: 120.955, latitude: 30.94)
        try #require(region.locate(point).jurisdiction == Self.jiashan)
        try await test.withClient { client in
            let registered = try await client.call(.post, "/api/v1/subjects/vessels", token: token, json: [
                "name": "浙嘉善渣0088", "mmsi": "413508800", "must_carry_ais": true, "cargo_class": "muck",
            ])
            #expect(registered.status == .created, "\(registered.text)")
        }
        await test.node.waterwayMonitoring.refreshRegistry()
        // 40 minutes stopped on the Hangshen line, one report a minute, as NMEA through the feed path.
        var assembler = AISAssembler()
        for minute in 0...40 {
            let time = Self.start.addingTimeInterval(Double(minute) * 60)
            let position = VesselPosition(
                mmsi: try MMSI(413_508_800), time: time, longitude: point.longitude, latitude: point.latitude, speedKnots: 0.1,
                navigationStatus: .underwayUsingEngine)
            for line in try AISEncoder.sentences(WaterwayAISFeed.positionMessage(position, classB: false)) {
                guard let payload = assembler.add(line: line, receivedAt: time).payload else { continue }
                await test.node.vesselIngest.accept(AISFeedMessage(message: try payload.message(), sentences: [line], feed: "test", receivedAt: time))
            }
        }
        await test.node.vesselIngest.flush()
        try await test.withClient { client in
            let alerts = try await client.call(.get, "/api/v1/alerts?kind=suspected_dumping", token: token)
            let items = try #require(alerts.json["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let alert = try #require(items.first?["alert"] as? [String: Any])
            #expect(alert["subject"] as? String == "vessel:浙嘉善渣0088")
            #expect(((items.first?["clue"] as? [String: Any])?["evidence"] as? [Any])?.isEmpty == false)
        }
    }
}
