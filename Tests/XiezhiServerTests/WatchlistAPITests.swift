import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Watchlists inside one node (Pinghu and Jinshan agencies on the test node): flagging with its checks, the list's
/// filters, sightings by the weigh-in-motion stations, JT/T 808 terminals, AIS and checkpoints with their throttle and
/// alerts, withdrawal.
@Suite struct WatchlistAPITests {
    static let start = WeighIngestTests.start

    func flag(_ client: Client, _ test: TestNode, _ body: [String: Any], role: Role = .commander) async throws -> Client.Reply {
        var json: [String: Any] = ["reason": "多次超限运输、拒不接受处理", "violation_kind": "overload",
                                   "valid_until": Timestamp.format(Self.start.addingTimeInterval(30 * 86400))]
        json.merge(body) { $1 }
        return try await client.call(.post, "/api/v1/watchlist", token: test.token(role, TestNode.jinshan), json: json)
    }

    func sightings(_ client: Client, _ test: TestNode, _ id: String) async throws -> [[String: Any]] {
        let reply = try await client.call(.get, "/api/v1/watchlist/\(id)/sightings", token: test.token(.officer, TestNode.jinshan))
        #expect(reply.status == .ok, "\(reply.text)")
        return reply.json["items"] as? [[String: Any]] ?? []
    }

    @Test func flagSightAtWeighStationsAndWithdraw() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let wim = WeighIngestTests()
            try await wim.setUp(client, test)
            let vehicle: [String: Any] = ["subject_kind": "vehicle", "plate": "沪D·12345", "plate_colour": "yellow"]
            #expect(try await flag(client, test, vehicle, role: .officer).status == .forbidden)
            #expect(try await flag(client, test, ["subject_kind": "vehicle", "plate": "沪I12345", "plate_colour": "yellow"]).problemCode == "invalid_plate")
            #expect(try await flag(client, test, ["subject_kind": "vehicle", "plate": "沪D12345"]).problemCode == "invalid_plate_color")
            #expect(try await flag(client, test, ["subject_kind": "ship"]).problemCode == "missing_ship")
            let noReason = try await flag(client, test, vehicle.merging(["reason": " "]) { $1 })
            #expect(noReason.status == .badRequest)
            #expect(noReason.problemCode == "missing_reason")
            let past = try await flag(client, test, vehicle.merging(["valid_until": "2025-01-01T00:00:00Z"]) { $1 })
            #expect(past.problemCode == "invalid_valid_until")

            let flagged = try await flag(client, test, vehicle, role: .caseHandler)
            #expect(flagged.status == .created, "\(flagged.text)")
            let id = try #require(flagged.json["id"] as? String)
            #expect(flagged.json["plate"] as? String == "沪D12345")
            #expect(flagged.json["subject_label"] as? String == "沪D12345（黄色）")
            #expect(flagged.json["origin"] as? String == "own")
            #expect(flagged.json["active"] as? Bool == true)
            #expect(flagged.json["jurisdiction"] as? String == "310116")

            let reader = test.token(.auditor, TestNode.pinghu)
            #expect(try await client.call(.get, "/api/v1/watchlist?origin=own", token: reader).json["total"] as? Int == 1)
            #expect(try await client.call(.get, "/api/v1/watchlist?origin=received", token: reader).json["total"] as? Int == 0)
            #expect(try await client.call(.get, "/api/v1/watchlist?q=%E6%B2%AAd12345", token: reader).json["total"] as? Int == 1)
            #expect(try await client.call(.get, "/api/v1/watchlist?subject_kind=ship", token: reader).json["total"] as? Int == 0)
            #expect(try await client.call(.get, "/api/v1/watchlist?status=bogus", token: reader).problemCode == "invalid_query")

            // Pinghu's station sees it at +60 min and again at +70 (throttled); Jinshan's station at +75 (another sensor).
            _ = try await wim.ingest(client, test, [WeighIngestTests.record("wim-pinghu", "P-1", plate: "沪D12345", minutes: 60)])
            _ = try await wim.ingest(client, test, [WeighIngestTests.record("wim-pinghu", "P-2", plate: "沪D12345", minutes: 70)])
            _ = try await wim.ingest(client, test, [WeighIngestTests.record("wim-jinshan", "J-1", plate: "沪D12345", minutes: 75)], jurisdiction: TestNode.jinshan)
            _ = try await wim.ingest(client, test, [WeighIngestTests.record("wim-pinghu", "P-9", plate: "沪D54321", minutes: 76)])
            let seen = try await sightings(client, test, id)
            #expect(seen.count == 2)
            #expect(Set(seen.compactMap { $0["sensor"] as? String }) == ["wim-pinghu", "wim-jinshan"])
            #expect(seen.allSatisfy { $0["origin"] as? String == "local" && $0["alert_id"] is String })
            let alerts = try await client.call(.get, "/api/v1/alerts?kind=watchlist_sighting", token: test.token(.commander, TestNode.jinshan))
            let items = try #require(alerts.json["items"] as? [[String: Any]])
            #expect(items.count == 2, "\(alerts.text)")
            let atPinghu = try #require(items.first { ($0["alert"] as? [String: Any])?["jurisdiction"] as? String == "330482" }?["alert"] as? [String: Any])
            #expect(atPinghu["notify"] as? String == "310116", "the flagging agency is told of a sighting in Pinghu")
            #expect((atPinghu["summary"] as? String)?.contains("沪D12345（黄色）") == true)
            let evidence = try #require(items.first { ($0["alert"] as? [String: Any])?["jurisdiction"] as? String == "330482" }?["clue"] as? [String: Any])
            #expect(evidence["sensor"] as? String == "wim-pinghu")
            #expect(evidence["entry_id"] as? String == id)

            // Only the flagging agency withdraws, with a reason; then the stations no longer sight it.
            let wrong = try await client.call(.post, "/api/v1/watchlist/\(id)/withdraw", token: test.token(.commander), json: ["reason": "已处理"])
            #expect(wrong.status == .forbidden)
            let noWhy = try await client.call(.post, "/api/v1/watchlist/\(id)/withdraw", token: test.token(.commander, TestNode.jinshan), json: ["reason": ""])
            #expect(noWhy.problemCode == "missing_reason")
            let withdrawn = try await client.call(.post, "/api/v1/watchlist/\(id)/withdraw", token: test.token(.commander, TestNode.jinshan), json: ["reason": "当事人已接受处理"])
            #expect(withdrawn.status == .ok, "\(withdrawn.text)")
            #expect(withdrawn.json["status"] as? String == "withdrawn")
            #expect(withdrawn.json["sightings"] as? Int == 2)
            let again = try await client.call(.post, "/api/v1/watchlist/\(id)/withdraw", token: test.token(.commander, TestNode.jinshan), json: ["reason": "重复"])
            #expect(again.status == .unprocessableContent)
            _ = try await wim.ingest(client, test, [WeighIngestTests.record("wim-pinghu", "P-3", plate: "沪D12345", minutes: 120)])
            #expect(try await sightings(client, test, id).count == 2)
            #expect(try await client.call(.get, "/api/v1/watchlist?status=withdrawn", token: reader).json["total"] as? Int == 1)
            #expect(try await client.call(.get, "/api/v1/watchlist/nope/sightings", token: reader).status == .notFound)
            let page = try await client.call(.get, "/watchlist.html")
            #expect(page.status == .ok)
            #expect(page.text.contains("/api/v1/watchlist"))
        }
    }

    @Test func terminalsAISAndCheckpointsSightFlaggedSubjects() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start)
        try await test.withClient { client in
            let truck = try #require(try await flag(client, test, ["subject_kind": "vehicle", "plate": "沪A12345", "plate_colour": "yellow"]).json["id"] as? String)
            let ship = try await flag(client, test, ["subject_kind": "ship", "mmsi": "413000001", "ship_name": "浙嘉兴货1234", "violation_kind": "illegal_operation"])
            let shipID = try #require(ship.json["id"] as? String, "\(ship.text)")

            let terminal = TerminalRegistration(
                phone: "13800000001", vehicle: try VehicleKey(plate: "沪A12345", color: .yellow), kind: .truck, carrier: nil, authenticationCode: "x")
            func position(_ minutes: Double) -> VehiclePosition {
                VehiclePosition(subject: "vehicle:沪A12345:yellow", terminal: "13800000001", time: Self.start.addingTimeInterval(minutes * 60),
                                longitude: 121.19, latitude: 30.675, speedKmh: 60, heading: 90, altitude: 5, alarmBits: 0, statusBits: 0,
                                receivedAt: Self.start.addingTimeInterval(minutes * 60))
            }
            await test.node.watchlist.observe(positions: [position(1), position(2), position(20)], terminal: terminal)
            await test.node.watchlist.observe(positions: [position(31), position(40)], terminal: terminal)
            let truckSightings = try await sightings(client, test, truck)
            #expect(truckSightings.count == 2, "one per 30 minutes from the truck's own terminal")
            #expect(truckSightings.allSatisfy { $0["sensor_kind"] as? String == "jt808" && $0["jurisdiction"] as? String == "330482" })

            func ais(_ mmsi: Int, _ minutes: Double) -> VesselStore.Position {
                VesselStore.Position(mmsi: mmsi, time: Self.start.addingTimeInterval(minutes * 60), longitude: 121.19, latitude: 30.675, speedKnots: 6,
                                     courseDegrees: 90, heading: 90, navigationStatus: 0, messageType: 1, feed: "tcp-client:ais:1")
            }
            await test.node.watchlist.observe(vesselPositions: [ais(413_000_001, 5), ais(413_000_001, 6), ais(413_000_002, 7)])
            let passage = try CheckpointPassage(id: "K-1", checkpoint: "hongqitang-checkpoint", time: Self.start.addingTimeInterval(600), ocrName: "浙嘉兴货 1234")
            let misread = try CheckpointPassage(id: "K-2", checkpoint: "hongqitang-checkpoint", time: Self.start.addingTimeInterval(700), ocrName: "浙嘉兴货1284")
            await test.node.watchlist.observe(passages: [passage, misread])
            let shipSightings = try await sightings(client, test, shipID)
            #expect(Set(shipSightings.compactMap { $0["sensor_kind"] as? String }) == ["ais", "checkpoint"], "\(shipSightings)")
            #expect(shipSightings.first { $0["sensor_kind"] as? String == "checkpoint" }?["place"] as? String == "红旗塘横港大桥船舶电子卡口")
            let alerts = try AlertStore(database: test.node.database, signingKey: nil).list(
                for: TestNode.jinshan, status: nil, kind: "watchlist_sighting", since: nil, limit: 50, offset: 0)
            #expect(alerts.total == 4)
        }
    }
}
