import Foundation
import GRDB
import Logging
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Shared watchlists between two nodes over loopback: Jinshan flags 沪A12345, Pinghu's weigh station sees it, and
/// Jinshan gets the alert exactly once per sighting; the throttle and the withdrawal stop further sightings; the
/// agreement decides which identifying fields travel.
@Suite struct WatchlistFederationTests {
    /// Both sides agree every kind, with plates and MMSIs but not ship names.
    static func pair(jinshan: FederationBench.Running, pinghu: FederationBench.Running) throws {
        for (here, there, name, code) in [(jinshan, pinghu, "pinghu", "330482"), (pinghu, jinshan, "jinshan", "310116")] {
            try PeerStore(database: here.node.database, signingKey: nil).save(
                PeerStore.Peer(name: name, url: "http://127.0.0.1:\(there.port)", publicKey: there.node.key.publicKeyBase64,
                               jurisdictions: [JurisdictionCode(rawValue: code)!], agreement: .standard(personal: ["subject", "mmsi"]), at: Date()),
                by: "test")
        }
    }

    func record(_ id: String, minutes: Double) throws -> Result<WeighRecord, DomainError> {
        let json = try JSONSerialization.data(withJSONObject: WeighIngestTests.record("wim-pinghu", id, plate: "沪A12345", minutes: minutes))
        return .success(try WeighRecord(json: json))
    }

    func count(_ node: Node, _ sql: String) throws -> Int {
        try node.database.writer.read { db in try Int.fetchOne(db, sql: sql) ?? 0 }
    }

    @Test func aPinghuSightingAlertsJinshanExactlyOnce() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("xiezhi-watchlist-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        var logger = Logger(label: "xiezhi.test")
        logger.logLevel = .critical
        let jinshan = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("js"), port: 0, logger: logger))
        var pinghu: FederationBench.Running?
        do {
            let ph = try await FederationBench.Running.start(try FederationBench.open(root.appendingPathComponent("ph"), port: 0, logger: logger))
            pinghu = ph
            try Self.pair(jinshan: jinshan, pinghu: ph)
            let station = try APIJSON.decodeBody(
                WeighStation.self, from: try JSONSerialization.data(withJSONObject: WeighIngestTests.station("wim-pinghu", "330482", lon: 121.19, lat: 30.675)))
            try WeighStationStore(database: ph.node.database, signingKey: nil).save(station, by: "test", at: Date())

            let store = WatchlistStore(database: jinshan.node.database, signingKey: jinshan.node.key)
            let validUntil = Date().addingTimeInterval(30 * 86400)
            func flag(_ subject: WatchlistSubject) async throws -> WatchlistStore.Entry {
                try await store.flag(
                    .init(subject: subject, reason: "多次超限运输、拒不接受处理", violationKind: "overload", validUntil: validUntil, agency: "金山区交通执法",
                          jurisdiction: TestNode.jinshan),
                    by: "js.commander", at: Date())
            }
            let truck = try await flag(try WatchlistSubject(kind: "vehicle", plate: "沪A12345", plateColour: "yellow", mmsi: nil, shipName: nil))
            let ship = try await flag(try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: "413000001", shipName: "沪航工368"))
            let nameOnly = try await flag(try WatchlistSubject(kind: "ship", plate: nil, plateColour: nil, mmsi: nil, shipName: "沪航工369"))
            let outbox = FederationOutbox(database: jinshan.node.database)
            try await eventually("two entries delivered") { try outbox.counts()["delivered"] == 2 }
            // The name-only ship cannot travel: the agreement does not name ship names (数据最小化).
            let failed = try outbox.list(status: "failed", related: .init(type: "watchlist_entry", id: nameOnly.id), limit: 5, offset: 0).items
            #expect(failed.count == 1)
            #expect(failed.first?.lastError?.hasPrefix("field_not_agreed") == true)
            let received = WatchlistStore(database: ph.node.database, signingKey: nil)
            let shipThere = try #require(try await received.entry(id: ship.id, now: Date()))
            #expect(shipThere.mmsi == "413000001")
            #expect(shipThere.shipName == nil, "the ship name is not sent")
            #expect(shipThere.origin == "received")
            #expect(shipThere.peer == "jinshan")
            #expect(try await received.entry(id: nameOnly.id, now: Date()) == nil)
            #expect(try await received.entry(id: truck.id, now: Date())?.plate == "沪A12345")

            // Pinghu's station sees the truck: at +60 min, +70 (throttled), +100.
            let ingest = WeighIngest(node: ph.node)
            _ = try ingest.ingest([try record("P-1", minutes: 60), try record("P-2", minutes: 70)], restrictTo: nil)
            _ = try ingest.ingest([try record("P-3", minutes: 100)], restrictTo: nil)
            #expect(try count(ph.node, "SELECT COUNT(*) FROM watchlist_sighting") == 2)
            #expect(try count(ph.node, "SELECT COUNT(*) FROM alert") == 0, "the alert is the flagging agency's, not Pinghu's")
            try await eventually("two sightings at Jinshan") { try count(jinshan.node, "SELECT COUNT(*) FROM watchlist_sighting") == 2 }
            let alerts = try AlertStore(database: jinshan.node.database, signingKey: nil).list(
                for: TestNode.jinshan, status: nil, kind: "watchlist_sighting", since: nil, limit: 10, offset: 0)
            #expect(alerts.total == 2)
            #expect(alerts.items.allSatisfy { $0.subject == "vehicle:沪A12345:yellow" && $0.jurisdiction?.rawValue == "330482" && $0.notify == TestNode.jinshan })
            #expect(alerts.items.first?.summary.contains("协作方 pinghu") == true)
            let sightings = try #require(try await store.sightings(entryID: truck.id, limit: 10, offset: 0))
            #expect(sightings.items.allSatisfy { $0.origin == "partner" && $0.peer == "pinghu" && $0.sensor == "wim-pinghu" && $0.alertId != nil })

            // Jinshan withdraws; once Pinghu has the withdrawal, its station no longer sights the truck.
            _ = try await store.withdraw(id: truck.id, reason: "当事人已接受处理", jurisdiction: TestNode.jinshan, by: "js.commander", at: Date())
            try await eventually("withdrawal applied at Pinghu") {
                try count(ph.node, "SELECT COUNT(*) FROM watchlist_entry WHERE status = 'withdrawn' AND peer = 'jinshan'") == 1
            }
            _ = try ingest.ingest([try record("P-4", minutes: 140)], restrictTo: nil)
            #expect(try count(ph.node, "SELECT COUNT(*) FROM watchlist_sighting") == 2)
            try await eventually("everything delivered") { try outbox.counts()["queued"] == nil && FederationOutbox(database: ph.node.database).counts()["queued"] == nil }
            #expect(try count(jinshan.node, "SELECT COUNT(*) FROM alert WHERE kind = 'watchlist_sighting'") == 2)
            #expect(try count(jinshan.node, "SELECT COUNT(*) FROM federation_inbox WHERE kind = 'watchlist_sighting'") == 2)
        } catch {
            await pinghu?.stop()
            await jinshan.stop()
            throw error
        }
        await pinghu?.stop()
        await jinshan.stop()
    }
}
