import Foundation
import ServiceLifecycle
import XiezhiCore
import XiezhiSimulator
import XiezhiSimulatorTCP
import XiezhiStore

/// The demo's vehicles: a few hundred simulated JT/T 808 terminals (buses, coaches, tankers, trucks, taxis) driving
/// the region's roads against the node's own gateway, with one of each injected violation, so the console shows
/// moving vehicles and live monitoring alerts. Their approved routes, waybills and most terminals are filed first
/// (as a carrier would); the rest enrol through open registration.
struct DemoTerminalFleet: Service {
    let node: Node
    let count: Int
    let host: String
    let port: Int

    func run() async throws {
        let now = node.now()
        let rules = node.rules.current
        var generator = JT808FleetGenerator(region: rules.region, rules: rules.vehicleMonitoring, seed: 808, fixInterval: 15)
        let fleet = generator.fleet(count: count, now: now, phonePrefix: "145")
        try fleet.file(in: node, by: "system:demo", at: now)
        node.logger.info("demo terminals starting", metadata: ["jt808.terminals": "\(count)", "jt808.port": "\(port)"])
        // Give the gateway a moment to bind; the terminals retry on their own anyway.
        try? await cancelWhenGracefulShutdown { try await Task.sleep(for: .seconds(1)) }
        let driver = JT808FleetDriver(host: host, port: port)
        let next = generator
        await cancelWhenGracefulShutdown {
            await driver.driveContinuously(fleet, generator: next, now: node.now, logger: node.logger)
        }
    }
}

extension JT808Fleet {
    /// Files what the fleet's trips need at `node`: the approved routes, the waybills, and the provisioned terminals
    /// (kind and carrier; authentication codes the terminals learn when they register).
    public func file(in node: Node, by actor: String, at date: Date) throws {
        let registry = WaybillStore(database: node.database, signingKey: node.key)
        let register = TerminalStore(database: node.database, signingKey: node.key)
        let fallback = JurisdictionCode(rawValue: "330482")!
        for route in approvedRoutes {
            let home = route.vehicles.first.flatMap { HomeAgency.of($0.plate)?.jurisdiction } ?? fallback
            try registry.file(route, jurisdiction: home, by: actor, at: date)
        }
        let filed = Set(try waybills.flatMap { try registry.waybills(vehicle: $0.vehicle, endingAfter: date) }.map(\.id))
        for waybill in waybills where !filed.contains(waybill.id) {
            try registry.file(waybill, by: actor, at: date)
        }
        for terminal in terminals where terminal.provisioned {
            let code = String(format: "%08X", UInt32(truncatingIfNeeded: terminal.phone.hashValue))
            try register.register(
                TerminalRegistration(phone: terminal.terminalKey, vehicle: terminal.vehicle, kind: terminal.kind, carrier: terminal.carrier, authenticationCode: code),
                jurisdiction: HomeAgency.of(terminal.vehicle.plate)?.jurisdiction ?? fallback, by: actor, at: date)
        }
    }
}
