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
    /// The terminals on patrol cars (units' `terminal_phone`), read again every minute: their positions move the unit.
    private var unitTerminals: (phones: Set<String>, readAt: Date)?

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
        moveUnit(terminal.phone, to: positions.max { $0.time < $1.time })
        return raise(clues)
    }

    /// A patrol car's terminal moves its unit on the command centre's map.
    private func moveUnit(_ phone: String, to position: VehiclePosition?) {
        guard let position else { return }
        let store = UnitStore(database: database, signingKey: nil)
        do {
            let now = now()
            if unitTerminals == nil || now.timeIntervalSince(unitTerminals!.readAt) > Self.contextLifetime {
                unitTerminals = (Set(try store.all().compactMap(\.terminalPhone)), now)
            }
            guard unitTerminals?.phones.contains(phone) == true else { return }
            try store.moveTerminal(phone, to: GeoPoint(longitude: position.longitude, latitude: position.latitude), at: position.time)
        } catch {
            logger.error("unit position not stored", metadata: ["terminal": "\(phone)", "error": "\(error)"])
        }
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
        return AlertRaising.store(alerts, database: database, key: key, logger: logger)
    }
}
