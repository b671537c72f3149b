import Foundation
import Logging
import ServiceLifecycle
import XiezhiCore
import XiezhiStore

/// Runs the waterway detectors (``WaterwayMonitor``) over the AIS positions the vessel ingest has stored and the
/// checkpoint passages the node has stored: identifications are recorded on the passages, confident ones grow the
/// persisted fingerprint library, and clues are raised as alerts with their evidence.
///
/// The monitor's clock is the AIS data clock: the sweep judges passages and measures silences up to the newest stored
/// AIS position (never past the node's clock), so a backlog replayed after a feed outage is judged as it happened, and
/// an outage of the feed itself is not reported as every ship going silent.
///
/// One actor for the node: the monitor is a streaming state machine and must see each ship's positions in order.
/// The registry (the vessels of the subject register) is re-read once a minute, so a ship registered now counts
/// within a minute. Each call does a little CPU work and at most three short writes; nothing waits inside them.
actor WaterwayMonitoring {
    let database: NodeDatabase
    let key: NodeKey
    let rules: RuleBook
    let logger: Logger
    let now: @Sendable () -> Date
    /// Whether passages are judged as soon as they arrive: when the node has no AIS feed, no AIS position can come
    /// to match them, so waiting for the AIS window would only delay the identification.
    let judgeAtOnce: Bool
    private var monitor: WaterwayMonitor?
    private var registryReadAt: Date?
    /// The newest AIS position observed (capped at the node's clock).
    private var dataClock: Date?
    static let registryLifetime: TimeInterval = 60

    init(database: NodeDatabase, key: NodeKey, rules: RuleBook, logger: Logger, judgeAtOnce: Bool, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.key = key
        self.rules = rules
        self.logger = logger
        self.judgeAtOnce = judgeAtOnce
        self.now = now
    }

    var store: WaterwayStore { WaterwayStore(database: database) }

    /// Feeds stored AIS positions; returns the alerts raised.
    @discardableResult
    func observe(positions: [VesselStore.Position]) -> [AlertStore.Alert] {
        guard var monitor = currentMonitor() else { return [] }
        var clues: [WaterwayClue] = []
        for position in positions.sorted(by: { $0.time < $1.time }) {
            guard let converted = Self.position(position) else { continue }
            clues += monitor.observe(converted)
        }
        if let newest = positions.map(\.time).max() {
            let capped = min(newest, now())
            dataClock = max(dataClock ?? capped, capped)
        }
        self.monitor = monitor
        return raise(clues)
    }

    /// Feeds stored checkpoint passages; without AIS feeds they are judged at once. Returns the alerts raised.
    @discardableResult
    func observe(passages: [CheckpointPassage]) -> [AlertStore.Alert] {
        guard var monitor = currentMonitor() else { return [] }
        var report = WaterwayReport()
        for passage in passages.sorted(by: { $0.time < $1.time }) {
            do {
                report.append(try monitor.observe(passage))
            } catch {
                logger.warning("passage not monitored", metadata: ["passage": "\(passage.checkpoint)/\(passage.id)", "error": "\(error)"])
            }
        }
        if judgeAtOnce, let latest = passages.map(\.time).max() {
            let wait = monitor.rules.crossing.windowSeconds + monitor.rules.crossing.settleSeconds
            report.append(monitor.sweep(now: max(now(), latest.addingTimeInterval(wait))))
        }
        self.monitor = monitor
        return handle(report)
    }

    /// Re-reads the vessel register at the next step (ships were just registered).
    func refreshRegistry() {
        registryReadAt = nil
    }

    /// Judges the passages whose AIS window has closed and reports AIS gaps, up to the AIS data clock (nothing before
    /// the first AIS position); returns the alerts raised.
    @discardableResult
    func sweep() -> [AlertStore.Alert] {
        guard let clock = dataClock, var monitor = currentMonitor() else { return [] }
        let report = monitor.sweep(now: min(clock, now()))
        self.monitor = monitor
        return handle(report)
    }

    /// The monitor for the rules in force, with a registry at most a minute old. Rebuilt when the waterway table
    /// changes (episodes in progress start over); on (re)building, the fingerprint library is read from the store
    /// and the passages not judged yet are queued again.
    private func currentMonitor() -> WaterwayMonitor? {
        let rules = self.rules.current
        let now = now()
        if var monitor, monitor.rules.edition == rules.waterway.edition {
            if let readAt = registryReadAt, now.timeIntervalSince(readAt) < Self.registryLifetime { return monitor }
            if let registry = readRegistry() {
                monitor.replaceRegistry(registry)
                registryReadAt = now
                self.monitor = monitor
            }
            return monitor
        }
        do {
            var fresh = WaterwayMonitor(
                geography: try WaterwayGeography(rules: rules.waterway, region: rules.region), registry: readRegistry() ?? .empty,
                fingerprints: try store.fingerprints())
            registryReadAt = now
            let since = now.addingTimeInterval(-fresh.rules.monitoring.stateRetentionHours * 3600)
            for passage in try store.unjudged(since: since) { _ = try? fresh.observe(passage) }
            monitor = fresh
        } catch {
            logger.error("waterway monitoring not started", metadata: ["error": "\(error)"])
            monitor = nil
        }
        return monitor
    }

    /// The vessels of the subject register as profiles; `nil` (keep the old registry) when the register cannot be read.
    private func readRegistry() -> VesselRegistry? {
        do {
            let decoder = CanonicalJSON.decoder
            var profiles: [VesselProfile] = []
            var names = Set<VesselName>(), mmsis = Set<MMSI>()
            for record in try store.registeredVesselRecords() {
                guard let vessel = try? decoder.decode(RegisteredVessel.self, from: Data(record.utf8)) else { continue }
                let profile = vessel.profile
                // A second ship claiming a registered MMSI stays out of the registry (it is what clone detection looks for).
                guard names.insert(profile.name).inserted, profile.mmsi.map({ mmsis.insert($0).inserted }) ?? true else { continue }
                profiles.append(profile)
            }
            return try VesselRegistry(profiles)
        } catch {
            logger.error("vessel register not read", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// Records the identifications, saves the fingerprints they grew, raises the clues.
    private func handle(_ report: WaterwayReport) -> [AlertStore.Alert] {
        guard !report.identifications.isEmpty || !report.clues.isEmpty else { return [] }
        let now = now()
        do {
            try store.record(report.identifications, at: now)
            if let library = monitor?.fingerprints {
                let grown = Set(report.identifications.compactMap { $0.isIdentified ? $0.vessel : nil }).compactMap(library.fingerprint(for:))
                try store.save(grown, at: now)
            }
        } catch {
            logger.error("identifications not stored", metadata: ["error": "\(error)", "count": "\(report.identifications.count)"])
        }
        return raise(report.clues)
    }

    private func raise(_ clues: [WaterwayClue]) -> [AlertStore.Alert] {
        guard !clues.isEmpty else { return [] }
        let now = now()
        let alerts: [AlertStore.Alert] = clues.compactMap { clue in
            guard let data = try? CanonicalJSON.string(clue) else { return nil }
            return AlertStore.Alert(
                id: "ww-" + clue.id, source: "waterway", kind: clue.kind.rawValue, kindName: clue.kind.chineseName,
                subject: clue.subject?.stringValue ?? "unknown", jurisdiction: clue.jurisdiction, notify: nil, occurredAt: clue.occurredAt,
                detectedAt: now, longitude: clue.place.longitude, latitude: clue.place.latitude, summary: clue.factsZh, data: data)
        }
        return AlertRaising.store(alerts, database: database, key: key, logger: logger)
    }

    /// A stored AIS position as the detectors take it; `nil` for an MMSI out of range.
    static func position(_ position: VesselStore.Position) -> VesselPosition? {
        guard let mmsi = try? MMSI(position.mmsi) else { return nil }
        return VesselPosition(
            mmsi: mmsi, time: position.time, longitude: position.longitude, latitude: position.latitude, speedKnots: position.speedKnots,
            courseDegrees: position.courseDegrees, headingDegrees: position.heading,
            navigationStatus: position.navigationStatus.flatMap(NavigationStatus.init(rawValue:)), source: .aisShore)
    }
}
