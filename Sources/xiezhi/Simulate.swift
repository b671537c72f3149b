import ArgumentParser
import Foundation
import Logging
import XiezhiCore
import XiezhiData
import XiezhiServer
import XiezhiSimulator
import XiezhiSimulatorTCP
import XiezhiWire

/// `xiezhi simulate jt808 --host H --port P --terminals N --seed S …`: simulated JT/T 808 terminals driving the demo
/// region's roads against a running node, with injected violations; writes the ground truth (JSON Lines) and prints
/// what the node acknowledged.
struct Simulate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Simulated devices driving a running node, and seeded simulations scored against their ground truth.",
        subcommands: [JT808Simulation.self, SimulateWaterway.self])

    struct JT808Simulation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "jt808", abstract: "JT/T 808 terminals (2011/2013/2019) over TCP.")

        @Option(help: "The node's JT/T 808 gateway host.")
        var host = "127.0.0.1"
        @Option(help: "The node's JT/T 808 gateway port.")
        var port = 7808
        @Option(help: "How many terminals (one of each injected violation from the fourth on).")
        var terminals = 50
        @Option(help: "Random seed of the fleet.")
        var seed: UInt64 = 1
        @Option(help: "Device seconds between two fixes.")
        var fixInterval: Double = 30
        @Option(help: "Device time runs this many times faster than real time; 0 sends every upload as soon as the last is acknowledged.")
        var speedup: Double = 0
        @Option(help: "Where to write the ground truth (JSON Lines, one terminal a line).")
        var truth = "jt808-ground-truth.jsonl"
        @Option(help: "Terminal phone prefix (3 digits), so two runs against one node do not share terminals.")
        var phonePrefix = "139"
        @Option(help: "File the fleet's approved routes, waybills and terminals into this node data directory first (the node must use it).")
        var provision: String?

        func run() async throws {
            let region = try XiezhiCore.Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
            let rules = try VehicleMonitoringRules(json: try BundledData.rulesFile("vehicle-monitoring.json"))
            let now = Date()
            var generator = JT808FleetGenerator(region: region, rules: rules, seed: seed, fixInterval: fixInterval)
            let fleet = generator.fleet(count: terminals, now: now, phonePrefix: phonePrefix)
            if let provision {
                let node = try Node.open(configuration: NodeConfiguration(dataDirectory: URL(fileURLWithPath: provision)), logger: Logger(label: "xiezhi.simulate"))
                try fleet.file(in: node, by: "system:simulator", at: now)
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let lines = try fleet.groundTruth.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
            try (lines.joined(separator: "\n") + "\n").write(toFile: truth, atomically: true, encoding: .utf8)
            print("\(terminals) terminals → \(host):\(port); ground truth in \(truth)")
            let clock = ContinuousClock()
            let started = clock.now
            let pacing: JT808TerminalClient.Pacing = speedup > 0 ? .deviceTime(anchor: now, speedup: speedup) : .immediate
            let outcomes = await JT808FleetDriver(host: host, port: port).drive(fleet, liveFrom: speedup > 0 ? now : nil, pacing: pacing)
            let elapsed = clock.now - started
            for version in JT808Version.allCases {
                let ofVersion = zip(fleet.terminals, outcomes).filter { $0.0.version == version }
                guard !ofVersion.isEmpty else { continue }
                print("  JT/T 808-\(version.rawValue): \(ofVersion.count) terminals, \(ofVersion.filter { $0.1.authenticated }.count) authenticated, "
                    + "\(ofVersion.reduce(0) { $0 + $1.1.acknowledged.count }) positions acknowledged")
            }
            let failures = outcomes.filter { $0.failure != nil }
            for failure in failures.prefix(5) { print("  terminal \(failure.terminalKey): \(failure.failure ?? "")") }
            let acknowledged = outcomes.reduce(0) { $0 + $1.acknowledged.count }
            print("\(acknowledged) positions acknowledged (acknowledged ⇒ stored) in \(String(format: "%.1f", Double(elapsed.components.seconds))) s; "
                + "\(failures.count) connections failed; injected: "
                + fleet.terminals.compactMap { terminal in terminal.violation.map { "\($0.rawValue) \(terminal.vehicle.chineseLabel)" } }.joined(separator: ", "))
            if !failures.isEmpty { throw ExitCode(1) }
        }
    }
}

/// `xiezhi simulate waterway --seed S --hours H`: vessel traffic over the demo waterways with OCR, laser and AIS noise
/// and injected violations, run through the waterway detectors the node runs; prints the identification rate and the
/// precision and recall per detection.
struct SimulateWaterway: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "waterway", abstract: "Simulate waterway traffic and evaluate identification and detections against the ground truth.")

    @Option(help: "The random seed (the same seed gives the same traffic and the same figures).")
    var seed: UInt64 = 1

    @Option(help: "Simulated hours (12 to 336; the injections happen in the last third, night runs only when it holds a night).")
    var hours: Double = 72

    @Option(help: "The start, ISO 8601 (default 2026-04-01T00:00:00+08:00).")
    var start: String = "2026-04-01T00:00:00+08:00"

    func validate() throws {
        guard hours >= 12, hours <= 24 * 14 else { throw ValidationError("--hours is 12 to 336") }
    }

    func run() throws {
        guard let begin = try? Date.ISO8601FormatStyle().parse(start) else { throw ValidationError("--start must be an ISO 8601 time") }
        let geography = try SimulationData.waterwayGeography()
        let clock = ContinuousClock()
        let began = clock.now
        let scenario = try WaterwayTrafficGenerator(geography: geography).scenario(seed: seed, hours: hours, start: begin)
        let evaluation = try WaterwayEvaluation.run(scenario, geography: geography)
        let elapsed = clock.now - began
        print("xiezhi simulate waterway --seed \(seed) --hours \(String(format: "%g", hours)) (\(scenario.ships.count) ships, \(scenario.events.count) events; \(String(format: "%.1f", elapsed.seconds)) s)")
        print(evaluation.table)
    }
}

/// The bundled demo region and rules, for commands that run without a node.
enum SimulationData {
    static func waterwayGeography() throws -> WaterwayGeography {
        let region = try XiezhiCore.Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
        return try WaterwayGeography(rules: try WaterwayRules(json: try BundledData.rulesFile("waterway.json")), region: region)
    }
}
