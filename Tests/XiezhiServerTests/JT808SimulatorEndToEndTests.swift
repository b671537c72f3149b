import Foundation
import Testing
import XiezhiCore
import XiezhiSimulator
import XiezhiSimulatorTCP
import XiezhiStore
import XiezhiWire
@testable import XiezhiServer

/// The simulated fleet against a real gateway over loopback TCP: terminals of all three editions (with vendor quirks,
/// 0x0704 batches and subpackaged back-fill) register, authenticate and report; every acknowledged position is in the
/// store exactly once; the monitoring rules raise exactly the clue kinds the ground truth lists for each vehicle.
@Suite struct JT808SimulatorEndToEndTests {
    @Test func fleetRaisesTheGroundTruth() async throws {
        var configuration = NodeConfiguration(passwordHashCost: 4)
        configuration.openRegistration = true
        let clock = DemoClock()
        let node = try Node.inMemory(configuration: configuration, now: { clock.now() })
        let rules = node.rules.current
        let now = Date()
        var generator = JT808FleetGenerator(region: rules.region, rules: rules.vehicleMonitoring, seed: 5, fixInterval: 60)
        let fleet = generator.fleet(count: 24, now: now)
        try fleet.file(in: node, by: "test", at: now)
        #expect(Set(fleet.terminals.map(\.version)) == Set(JT808Version.allCases))
        #expect(Set(fleet.terminals.compactMap(\.violation)) == Set(InjectedViolation.allCases))
        #expect(Set(fleet.terminals.flatMap(\.quirks)) == Set(TerminalQuirk.allCases))
        #expect(fleet.terminals.contains { !$0.provisioned })

        try await withJT808Gateway(node) { port in
            let outcomes = await JT808FleetDriver(host: "127.0.0.1", port: port).drive(fleet, liveFrom: nil, pacing: .immediate)
            #expect(outcomes.count == fleet.terminals.count)
            for (terminal, outcome) in zip(fleet.terminals, outcomes) {
                #expect(outcome.failure == nil, "\(terminal.terminalKey) (\(terminal.version)): \(outcome.failure ?? "")")
                #expect(outcome.authenticated)
                #expect(outcome.registrationResult == 0)
                #expect(outcome.acknowledged.count == terminal.fixes.count, "\(terminal.terminalKey): every fix acknowledged")
            }
            // Acknowledged ⇒ stored, once.
            let store = TerminalStore(database: node.database, signingKey: nil)
            for (terminal, outcome) in zip(fleet.terminals, outcomes) {
                let subject = SubjectKey.vehicle(terminal.vehicle).stringValue
                let stored = try store.track(subject: subject, from: .distantPast, to: .distantFuture, limit: 100_000)
                let storedTimes = stored.map { Int($0.time.timeIntervalSince1970) }
                #expect(storedTimes.count == outcome.acknowledged.count, "\(terminal.terminalKey): stored once each")
                #expect(Set(storedTimes) == Set(outcome.acknowledged.map { Int($0.time.timeIntervalSince1970) }))
            }
        }
        // The signal-lost vehicle has been silent for a quarter of an hour by the node's clock.
        clock.pin(Date().addingTimeInterval(15 * 60))
        await node.vehicleMonitoring.sweep()

        let alerts = try AlertStore(database: node.database, signingKey: nil).list(for: nil, status: nil, kind: nil, since: nil, limit: 10_000, offset: 0).items
        var raised: [String: Set<String>] = [:]
        for alert in alerts where alert.source == "vehicle_monitoring" { raised[alert.subject, default: []].insert(alert.kind) }
        for (terminal, truth) in zip(fleet.terminals, fleet.groundTruth) {
            let subject = SubjectKey.vehicle(terminal.vehicle).stringValue
            #expect(raised[subject, default: []] == Set(truth.expectedClues), "\(truth.vehicle) \(truth.kind) \(truth.violation?.rawValue ?? "clean")")
        }
        #expect(Set(alerts.map(\.kind)) == Set(MonitoringClueKind.allCases.map(\.rawValue)))
    }
}
