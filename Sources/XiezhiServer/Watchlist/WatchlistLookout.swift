import Foundation
import GRDB
import Logging
import Synchronization
import XiezhiCore
import XiezhiStore

/// Watches the node's sensors for watchlisted subjects (布控比对): JT/T 808 positions, weigh-in-motion records, AIS
/// positions and checkpoint passages are checked against an in-memory index of the active entries, so an observation
/// costs a dictionary lookup and the database is touched only on a match.
///
/// The index is rebuilt from the store after every commit that changes `watchlist_entry` (a flag, a withdrawal, a
/// partner's message), on the writer's queue right after the commit (GRDB's region observation); a lapsed entry stays in
/// the index until the next rebuild but no longer matches (``WatchlistEntry/isActive(at:)``). A match passes the throttle (``SightingThrottle``: one sighting per entry per sensor per 30 minutes,
/// remembered across restarts from the stored sightings) and is recorded by ``WatchlistStore/recordSighting(of:by:seenAt:observed:at:in:)``:
/// an alert for our own entries, a message to the flagging node for a partner's.
final class WatchlistLookout: Sendable {
    private struct State {
        var matcher = WatchlistMatcher(entries: [])
        var throttle = SightingThrottle()
    }

    private let state = Mutex(State())
    private let observation: Mutex<AnyDatabaseCancellable?> = Mutex(nil)
    let database: NodeDatabase
    let rules: RuleBook
    let logger: Logger
    let now: @Sendable () -> Date

    init(database: NodeDatabase, rules: RuleBook, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.rules = rules
        self.logger = logger
        self.now = now
    }

    /// Loads the index and the throttle's memory, and starts following changes to the entries.
    func start() throws {
        try database.writer.read { db in
            try self.reload(db)
            let seen = try WatchlistStore.lastSightings(in: db)
            self.state.withLock { state in
                for sighting in seen { state.throttle.remember(entry: sighting.entry, sensor: sighting.sensor, at: sighting.at) }
            }
        }
        let cancellable = DatabaseRegionObservation(tracking: Table("watchlist_entry")).start(in: database.writer) { [logger] error in
            logger.error("watchlist index not followed", metadata: ["error": "\(error)"])
        } onChange: { [weak self] db in
            do {
                try self?.reload(db)
            } catch {
                self?.logger.error("watchlist index not reloaded", metadata: ["error": "\(error)"])
            }
        }
        observation.withLock { $0 = cancellable }
    }

    private func reload(_ db: Database) throws {
        let entries = try WatchlistStore.activeEntries(at: now(), in: db)
        state.withLock { state in
            state.matcher = WatchlistMatcher(entries: entries)
            state.throttle.retain(entries: Set(entries.map(\.id)))
        }
    }

    /// The entries `observation` matches that pass the throttle for `sensor` at `time`.
    private func admitted(_ observation: WatchlistObservation, sensor: WatchlistSensor, at time: Date) -> [WatchlistEntry] {
        return state.withLock { state in
            guard !state.matcher.isEmpty else { return [] }
            return state.matcher.matches(observation, at: time).filter { state.throttle.admit(entry: $0.id, sensor: sensor.key, at: time) }
        }
    }

    /// Whether no entry is active (the hooks' fast path).
    var isIdle: Bool { state.withLock { $0.matcher.isEmpty } }

    /// Checks one observation inside the caller's transaction (the weigh-in-motion ingest's batch) and records its sightings there.
    /// The throttle counts the sighting as it is admitted: if the batch is then rolled back, that entry and station give
    /// no sighting for the rest of the interval (a rolled-back batch is rare: record errors are caught per record).
    func sight(_ observation: WatchlistObservation, text: String, by sensor: WatchlistSensor, at time: Date, in db: Database) throws {
        for entry in admitted(observation, sensor: sensor, at: time) {
            try WatchlistStore.recordSighting(of: entry, by: sensor, seenAt: time, observed: text, at: now(), in: db)
            logger.info("watchlist sighting", metadata: ["watchlist.entry": "\(entry.id)", "sensor": "\(sensor.key)"])
        }
    }

    /// Records sightings found outside a transaction (positions and passages already stored), in one write.
    private func record(_ found: [(entry: WatchlistEntry, sensor: WatchlistSensor, time: Date, text: String)]) async {
        guard !found.isEmpty else { return }
        let now = now()
        do {
            try await database.writer.write { db in
                for item in found {
                    try WatchlistStore.recordSighting(of: item.entry, by: item.sensor, seenAt: item.time, observed: item.text, at: now, in: db)
                }
            }
            for item in found {
                logger.info("watchlist sighting", metadata: ["watchlist.entry": "\(item.entry.id)", "sensor": "\(item.sensor.key)"])
            }
        } catch {
            logger.error("watchlist sightings not stored", metadata: ["error": "\(error)", "count": "\(found.count)"])
        }
    }

    /// JT/T 808 positions of one terminal, once stored; positions outside the region are not this node's sightings.
    func observe(positions: [VehiclePosition], terminal: TerminalRegistration) async {
        guard !isIdle else { return }
        let observation = WatchlistObservation.vehicle(plate: terminal.vehicle.plate.value, colour: terminal.vehicle.color)
        var found: [(entry: WatchlistEntry, sensor: WatchlistSensor, time: Date, text: String)] = []
        for position in positions.sorted(by: { $0.time < $1.time }) {
            let point = GeoPoint(longitude: position.longitude, latitude: position.latitude)
            guard !state.withLock({ $0.matcher.matches(observation, at: position.time).isEmpty }),
                  let jurisdiction = rules.current.region.locate(point).jurisdiction
            else { continue }
            let sensor = WatchlistSensor(
                kind: .jt808, id: terminal.phone, place: nil, longitude: position.longitude, latitude: position.latitude, jurisdiction: jurisdiction)
            for entry in admitted(observation, sensor: sensor, at: position.time) {
                found.append((entry, sensor, position.time, terminal.vehicle.stringValue))
            }
        }
        await record(found)
    }

    /// AIS positions, once stored; positions outside the region are not this node's sightings.
    func observe(vesselPositions positions: [VesselStore.Position]) async {
        guard !isIdle else { return }
        var found: [(entry: WatchlistEntry, sensor: WatchlistSensor, time: Date, text: String)] = []
        for position in positions {
            guard let mmsi = try? MMSI(position.mmsi) else { continue }
            let observation = WatchlistObservation.ship(mmsi: mmsi.value, name: nil)
            let point = GeoPoint(longitude: position.longitude, latitude: position.latitude)
            guard !state.withLock({ $0.matcher.matches(observation, at: position.time).isEmpty }),
                  let jurisdiction = rules.current.region.locate(point).jurisdiction
            else { continue }
            let sensor = WatchlistSensor(
                kind: .ais, id: position.feed, place: nil, longitude: position.longitude, latitude: position.latitude, jurisdiction: jurisdiction)
            for entry in admitted(observation, sensor: sensor, at: position.time) { found.append((entry, sensor, position.time, mmsi.value)) }
        }
        await record(found)
    }

    /// Checkpoint passages, once stored: the name the camera read.
    func observe(passages: [CheckpointPassage]) async {
        guard !isIdle else { return }
        let waterway = rules.current.waterway
        var found: [(entry: WatchlistEntry, sensor: WatchlistSensor, time: Date, text: String)] = []
        for passage in passages {
            guard let name = passage.ocrName, let checkpoint = waterway.checkpoint(passage.checkpoint) else { continue }
            let middle = checkpoint.line.midpoint
            let sensor = WatchlistSensor(
                kind: .checkpoint, id: checkpoint.id, place: checkpoint.nameZh, longitude: middle.longitude, latitude: middle.latitude,
                jurisdiction: checkpoint.jurisdiction)
            for entry in admitted(.ship(mmsi: nil, name: name), sensor: sensor, at: passage.time) { found.append((entry, sensor, passage.time, name)) }
        }
        await record(found)
    }
}
