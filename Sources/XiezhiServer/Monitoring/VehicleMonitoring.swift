import Foundation
import Logging
import ServiceLifecycle
import XiezhiCore
import XiezhiStore

/// Runs the vehicle-monitoring rules (``VehicleMonitor``) over every position the JT/T 808 gateway has stored and
/// raises their clues as alerts.
///
/// One actor for the node: the monitor is a per-vehicle state machine and must see each vehicle's positions in
/// order. A vehicle's context (kind, carrier, home agency, approved route, waybills) is read from the stores and
/// kept for a minute, so a waybill filed now counts within a minute.
actor VehicleMonitoring {
    let database: NodeDatabase
    let key: NodeKey
    let rules: RuleBook
    let logger: Logger
    let now: @Sendable () -> Date
    private var monitor: VehicleMonitor?
    private var contexts: [VehicleKey: (context: MonitoredVehicleContext, readAt: Date)] = [:]
    static let contextLifetime: TimeInterval = 60

    init(database: NodeDatabase, key: NodeKey, rules: RuleBook, logger: Logger, now: @escaping @Sendable () -> Date) {
        self.database = database
        self.key = key
        self.rules = rules
        self.logger = logger
        self.now = now
    }

    /// Feeds stored positions of one terminal; returns the alerts raised.
    @discardableResult
    func observe(_ positions: [VehiclePosition], terminal: TerminalRegistration) -> [AlertStore.Alert] {
        guard var monitor = currentMonitor() else { return [] }
        var clues: [MonitoringClue] = []
        do {
            let context = try context(for: terminal)
            for position in positions.sorted(by: { $0.time < $1.time }) {
                clues += monitor.observe(position, vehicle: context)
            }
        } catch {
            logger.error("vehicle monitoring context not read", metadata: ["error": "\(error)"])
        }
        self.monitor = monitor
        return raise(clues)
    }

    /// Signal-lost and other time-driven rules; returns the alerts raised.
    @discardableResult
    func sweep() -> [AlertStore.Alert] {
        guard var monitor = currentMonitor() else { return [] }
        let clues = monitor.sweep(now: now())
        self.monitor = monitor
        return raise(clues)
    }

    private func currentMonitor() -> VehicleMonitor? {
        let rules = self.rules.current
        if let monitor, monitor.rules.edition == rules.vehicleMonitoring.edition { return monitor }
        do {
            // Rebuilt when the table changes; episodes in progress start over (documented in the README).
            monitor = try VehicleMonitor(rules: rules.vehicleMonitoring, region: rules.region)
        } catch {
            logger.error("vehicle monitoring rules do not fit the region", metadata: ["error": "\(error)"])
            monitor = nil
        }
        return monitor
    }

    private func context(for terminal: TerminalRegistration) throws -> MonitoredVehicleContext {
        let now = now()
        if let cached = contexts[terminal.vehicle], now.timeIntervalSince(cached.readAt) < Self.contextLifetime { return cached.context }
        let store = WaybillStore(database: database, signingKey: nil)
        let route = try store.routes().first { $0.covers(terminal.vehicle) }
        let waybills = terminal.kind == .hazmat ? try store.waybills(vehicle: terminal.vehicle, endingAfter: now.addingTimeInterval(-86_400)) : []
        let context = MonitoredVehicleContext(
            registration: terminal, homeJurisdiction: HomeAgency.of(terminal.vehicle.plate)?.jurisdiction, approvedRoute: route, waybills: waybills)
        contexts[terminal.vehicle] = (context, now)
        return context
    }

    private func raise(_ clues: [MonitoringClue]) -> [AlertStore.Alert] {
        guard !clues.isEmpty else { return [] }
        let now = now()
        let alerts: [AlertStore.Alert] = clues.compactMap { clue in
            guard let data = try? CanonicalJSON.string(clue) else { return nil }
            return AlertStore.Alert(
                id: "vm-" + clue.id, source: "vehicle_monitoring", kind: clue.kind.rawValue, kindName: clue.kind.chineseName, subject: clue.subject.stringValue,
                jurisdiction: clue.jurisdiction, notify: clue.notify, occurredAt: clue.start, detectedAt: now, longitude: clue.point.longitude,
                latitude: clue.point.latitude, summary: clue.factsZh, data: data)
        }
        do {
            let raised = try AlertStore(database: database, signingKey: key).raise(alerts)
            for alert in raised {
                logger.info("alert raised", metadata: ["alert.kind": "\(alert.kind)", "alert.subject": "\(alert.subject)"])
            }
            return raised
        } catch {
            logger.error("alerts not stored", metadata: ["error": "\(error)", "count": "\(alerts.count)"])
            return []
        }
    }
}

/// Sweeps the vehicle monitor every 30 s (signal lost while moving).
struct VehicleMonitoringSweep: Service {
    let monitoring: VehicleMonitoring
    var interval: Duration = .seconds(30)

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Graceful shutdown cuts the wait short (a 30 s sleep would hold up the node's exit).
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) } } catch { return }
            await monitoring.sweep()
        }
    }
}
