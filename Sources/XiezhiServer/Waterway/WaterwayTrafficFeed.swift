import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import XiezhiCore
import XiezhiSimulator
import XiezhiStore

/// The demo's live waterway traffic: a seeded day of simulated ships (``WaterwayTrafficGenerator``) whose AIS goes to
/// the node's own AIS TCP listener as real NMEA sentences (types 1, 5, 18, 24 with tag blocks), and whose checkpoint
/// passages go through ``CheckpointPassageIngest`` as the passages API takes them.
///
/// The day starts 17 hours before the node started: the past is replayed at once (its passages first, then its AIS,
/// so the map, the passages and a few alerts are there from the start), the rest plays in real time, with the
/// injected violations in its last third. The fleet is registered in the subject register (once), and the ground truth is written to
/// `simulated-waterway-truth.json` in the data directory.
struct WaterwayTrafficFeed: Service {
    let node: Node
    let host: String
    let port: Int
    var seed: UInt64 = 2026
    static let hours = 24.0
    static let replayedHours = 17.0

    func run() async throws {
        let rules = node.rules.current
        let start = node.now().addingTimeInterval(-Self.replayedHours * 3600)
        let scenario: WaterwayScenario
        do {
            let geography = try WaterwayGeography(rules: rules.waterway, region: rules.region)
            scenario = try WaterwayTrafficGenerator(geography: geography).scenario(seed: seed, hours: Self.hours, start: start)
            try register(scenario.ships)
            writeTruth(scenario)
        } catch {
            node.logger.error("simulated waterway traffic not started", metadata: ["error": "\(error)"])
            return
        }
        await node.waterwayMonitoring.refreshRegistry()
        let run = String(Int(start.timeIntervalSince1970))
        var feed = WaterwayAISFeed()
        var next = 0
        node.logger.info("simulated waterway traffic", metadata: ["ships": "\(scenario.ships.count)", "events": "\(scenario.events.count)", "ais.target": "\(host):\(port)"])
        while !Task.isCancelledOrShuttingDownGracefully, next < scenario.events.count {
            do {
                let channel = try await connect()
                try await channel.executeThenClose { _, outbound in
                    while !Task.isCancelledOrShuttingDownGracefully, next < scenario.events.count {
                        let now = node.now()
                        var lines: [String] = []
                        var passages: [(passage: CheckpointPassage, photos: [WaterwayStore.Photo])] = []
                        if next == 0 {
                            // The replayed past: its passages first, so that they wait in the monitor for their AIS
                            // (judged as the AIS data clock passes them), then its AIS in one burst.
                            let past = scenario.events.prefix { $0.time <= now }
                            let replayed = past.compactMap { event -> (passage: CheckpointPassage, photos: [WaterwayStore.Photo])? in
                                if case .passage(let passage) = event { Self.stamped(passage, run: run) } else { nil }
                            }
                            if !replayed.isEmpty { _ = try await CheckpointPassageIngest(node: node).ingest(replayed) }
                            for case .position(let position) in past {
                                if let ship = scenario.ship(mmsi: position.mmsi) { lines += try feed.lines(for: position, ship: ship) }
                            }
                            next = past.count
                        }
                        while next < scenario.events.count, scenario.events[next].time <= now {
                            switch scenario.events[next] {
                            case .position(let position):
                                if let ship = scenario.ship(mmsi: position.mmsi) { lines += try feed.lines(for: position, ship: ship) }
                            case .passage(let passage):
                                passages.append(Self.stamped(passage, run: run))
                            }
                            next += 1
                        }
                        if !lines.isEmpty {
                            try await outbound.write(ByteBuffer(string: lines.joined(separator: "\r\n") + "\r\n"))
                        }
                        if !passages.isEmpty {
                            // Let the AIS of the same moment through the feed and the ingest first.
                            try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
                            _ = try await CheckpointPassageIngest(node: node).ingest(passages)
                        }
                        try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
                    }
                }
            } catch {
                if Task.isCancelledOrShuttingDownGracefully { break }
                node.logger.warning("simulated waterway traffic interrupted; retrying", metadata: ["error": "\(error)"])
                do {
                    try await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(2)) }
                } catch {
                    break
                }
            }
        }
    }

    private func connect() async throws -> NIOAsyncChannel<ByteBuffer, ByteBuffer> {
        try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(5))
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
    }

    /// The passage with a run-specific id (a restarted demo replays the day with new ids) and photo hashes.
    static func stamped(_ passage: CheckpointPassage, run: String) -> (passage: CheckpointPassage, photos: [WaterwayStore.Photo]) {
        var passage = passage
        passage.id = "SIM\(run)-\(passage.id)"
        passage.photos = passage.photos.map { "sim/\(run)/\($0)" }
        // The simulator has no image bytes: the hash is of the reference, standing in for the photo's content.
        return (passage, passage.photos.map { WaterwayStore.Photo(ref: $0, sha256: SHA256Hex.of($0)) })
    }

    /// Registers the fleet in the subject register (ships already registered are left alone).
    private func register(_ ships: [WaterwayScenario.Ship]) throws {
        let store = SubjectStore(database: node.database, signingKey: node.key)
        let jurisdiction = node.rules.current.waterway.checkpoints.first?.jurisdiction ?? JurisdictionCode(rawValue: "330421")!
        for ship in ships {
            let key = ship.profile.vessel.subjectKey.stringValue
            guard try store.entry(key: key) == nil else { continue }
            let record = RegisteredVessel(vessel: ship.profile.vessel, mustCarryAIS: ship.profile.mustCarryAIS, cargoClass: ship.profile.cargoClass)
            let label = ship.profile.name.value + (ship.profile.mmsi.map { "（MMSI \($0.value)）" } ?? "")
            try store.register(SubjectStore.Entry(
                key: key, kind: "vessel", label: label, data: try CanonicalJSON.string(record), jurisdiction: jurisdiction,
                registeredBy: "system:demo", registeredAt: node.now()))
        }
    }

    private func writeTruth(_ scenario: WaterwayScenario) {
        let url = node.configuration.dataDirectory.appendingPathComponent("simulated-waterway-truth.json")
        struct File: Encodable { var start: Date; var end: Date; var truth: WaterwayScenario.Truth }
        try? CanonicalJSON.data(File(start: scenario.start, end: scenario.end, truth: scenario.truth)).write(to: url)
    }
}
