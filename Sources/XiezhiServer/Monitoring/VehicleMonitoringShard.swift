import Foundation
import GRDB
import Logging
import Synchronization
import XiezhiCore
import XiezhiStore

/// One shard of ``VehicleMonitoring``: the monitor state of the vehicles whose key falls to it, their contexts, and a
/// queue of work. One drain task at a time works the queue in order — started when work arrives on an idle shard,
/// ending as soon as the queue is empty, so nothing runs on after the gateway stops.
///
/// A drain takes everything queued at once: the vehicle contexts (kind, carrier, home agency, approved route, waybills;
/// kept for a minute, so a waybill filed now counts within a minute) that are missing or stale are read in one
/// asynchronous read, then the rules run over the whole batch, then the clues are stored as alerts.
final class VehicleMonitoringShard: Sendable {
    enum Work: Sendable {
        /// Positions to feed; `reply` (if any) gets the alerts they raised.
        case observe(CommittedPositions, reply: (@Sendable ([AlertStore.Alert]) -> Void)?)
        /// The time-driven rules at the node's time.
        case sweep(reply: @Sendable ([AlertStore.Alert]) -> Void)
    }

    private struct Queue {
        var work: [Work] = []
        var draining = false
        /// Positions queued or being worked on.
        var positions = 0
    }

    /// Touched only by the one drain task; the lock is never held across a suspension.
    private struct State {
        var monitor: VehicleMonitor?
        var contexts: [VehicleKey: (context: MonitoredVehicleContext, readAt: Date)] = [:]
        /// The terminals on patrol cars (units' `terminal_phone`), read again every minute: their positions move the unit.
        var unitTerminals: (phones: Set<String>, readAt: Date)?
    }

    static let contextLifetime: TimeInterval = 60

    let database: NodeDatabase
    let key: NodeKey
    let rules: RuleBook
    let logger: Logger
    let now: @Sendable () -> Date
    private let queue = Mutex(Queue())
    private let state = Mutex(State())

    init(database: NodeDatabase, key: NodeKey, rules: RuleBook, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.key = key
        self.rules = rules
        self.logger = logger
        self.now = now
    }

    /// Queues work behind what is already queued; starts a drain when none runs.
    func submit(_ work: [Work]) {
        let count = Self.positions(in: work)
        let start = queue.withLock { queue in
            queue.work += work
            queue.positions += count
            guard !queue.draining else { return false }
            queue.draining = true
            return true
        }
        if start { Task { await self.drain() } }
    }

    private func drain() async {
        while true {
            let batch = queue.withLock { queue in
                if queue.work.isEmpty { queue.draining = false }
                defer { queue.work = [] }
                return queue.work
            }
            if batch.isEmpty { return }
            await process(batch)
            let done = Self.positions(in: batch)
            queue.withLock { $0.positions -= done }
        }
    }

    private static func positions(in work: [Work]) -> Int {
        work.reduce(0) { count, work in
            if case .observe(let committed, _) = work { count + committed.positions.count } else { count }
        }
    }

    /// Positions queued or being worked on.
    var backlog: Int { queue.withLock { $0.positions } }

    /// One batch, in order: contexts read, rules run, alerts stored, replies given.
    private func process(_ batch: [Work]) async {
        let now = now()
        let fresh = await readContexts(for: batch, now: now)
        let movedUnits = await unitTerminals(now: now)
        var outcomes: [(clues: [MonitoringClue], reply: (@Sendable ([AlertStore.Alert]) -> Void)?)] = []
        var unitMoves: [(phone: String, position: VehiclePosition)] = []
        let current = rules.current
        state.withLock { state in
            for (vehicle, context) in fresh { state.contexts[vehicle] = (context, now) }
            if let movedUnits { state.unitTerminals = (movedUnits, now) }
            Self.refreshMonitor(&state, rules: current.vehicleMonitoring, region: current.region, logger: logger)
            for work in batch {
                switch work {
                case .observe(let committed, let reply):
                    var clues: [MonitoringClue] = []
                    if state.monitor != nil, let context = state.contexts[committed.terminal.vehicle]?.context {
                        for position in committed.positions.sorted(by: { $0.time < $1.time }) {
                            clues += state.monitor!.observe(position, vehicle: context)
                        }
                    }
                    if state.unitTerminals?.phones.contains(committed.terminal.phone) == true,
                       let latest = committed.positions.max(by: { $0.time < $1.time }) {
                        unitMoves.append((committed.terminal.phone, latest))
                    }
                    outcomes.append((clues, reply))
                case .sweep(let reply):
                    outcomes.append((state.monitor?.sweep(now: now) ?? [], reply))
                }
            }
        }
        for (phone, position) in unitMoves { await moveUnit(phone, to: position) }
        for outcome in outcomes {
            let raised = raise(outcome.clues, at: now)
            outcome.reply?(raised)
        }
    }

    /// Rebuilt when the table changes; episodes in progress start over (documented in the README).
    private static func refreshMonitor(_ state: inout State, rules: VehicleMonitoringRules, region: Region, logger: Logger) {
        if let monitor = state.monitor, monitor.rules.edition == rules.edition { return }
        do {
            state.monitor = try VehicleMonitor(rules: rules, region: region)
        } catch {
            logger.error("vehicle monitoring rules do not fit the region", metadata: ["error": "\(error)"])
            state.monitor = nil
        }
    }

    /// The contexts the batch needs that are missing or older than ``contextLifetime``, in one read.
    private func readContexts(for batch: [Work], now: Date) async -> [VehicleKey: MonitoredVehicleContext] {
        var stale: [VehicleKey: TerminalRegistration] = [:]
        state.withLock { state in
            for case .observe(let committed, _) in batch where stale[committed.terminal.vehicle] == nil {
                let vehicle = committed.terminal.vehicle
                if let cached = state.contexts[vehicle], now.timeIntervalSince(cached.readAt) < Self.contextLifetime { continue }
                stale[vehicle] = committed.terminal
            }
        }
        guard !stale.isEmpty else { return [:] }
        let terminals = Array(stale.values)
        do {
            return try await database.read { db in
                let routes = try WaybillStore.routes(in: db)
                var contexts: [VehicleKey: MonitoredVehicleContext] = [:]
                for terminal in terminals {
                    let waybills = terminal.kind == .hazmat
                        ? try WaybillStore.waybills(vehicle: terminal.vehicle, endingAfter: now.addingTimeInterval(-86_400), in: db) : []
                    contexts[terminal.vehicle] = MonitoredVehicleContext(
                        registration: terminal, homeJurisdiction: HomeAgency.of(terminal.vehicle.plate)?.jurisdiction,
                        approvedRoute: routes.first { $0.covers(terminal.vehicle) }, waybills: waybills)
                }
                return contexts
            }
        } catch {
            logger.error("vehicle monitoring context not read", metadata: ["error": "\(error)"])
            return [:]
        }
    }

    /// The patrol cars' terminal phones when the shard's copy is missing or stale (nil: keep the copy).
    private func unitTerminals(now: Date) async -> Set<String>? {
        let readAt = state.withLock { $0.unitTerminals?.readAt }
        if let readAt, now.timeIntervalSince(readAt) <= Self.contextLifetime { return nil }
        do {
            return try await database.read { db in Set(try UnitStore.all(in: db).compactMap(\.terminalPhone)) }
        } catch {
            logger.error("patrol-car terminals not read", metadata: ["error": "\(error)"])
            return nil
        }
    }

    /// A patrol car's terminal moves its unit on the command centre's map.
    private func moveUnit(_ phone: String, to position: VehiclePosition) async {
        do {
            try await database.writer.write { db in
                try UnitStore.moveTerminal(phone, to: GeoPoint(longitude: position.longitude, latitude: position.latitude), at: position.time, in: db)
            }
        } catch {
            logger.error("unit position not stored", metadata: ["terminal": "\(phone)", "error": "\(error)"])
        }
    }

    private func raise(_ clues: [MonitoringClue], at now: Date) -> [AlertStore.Alert] {
        guard !clues.isEmpty else { return [] }
        let alerts: [AlertStore.Alert] = clues.compactMap { clue in
            guard let data = try? CanonicalJSON.string(clue) else { return nil }
            return AlertStore.Alert(
                id: "vm-" + clue.id, source: "vehicle_monitoring", kind: clue.kind.rawValue, kindName: clue.kind.chineseName, subject: clue.subject.stringValue,
                jurisdiction: clue.jurisdiction, notify: clue.notify, occurredAt: clue.start, detectedAt: now, longitude: clue.point.longitude,
                latitude: clue.point.latitude, summary: clue.factsZh, data: data)
        }
        return AlertRaising.store(alerts, database: database, key: key, logger: logger)
    }
}
