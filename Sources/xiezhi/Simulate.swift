import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiData
import XiezhiSimulator

/// `xiezhi simulate …`: seeded simulations scored against their ground truth.
struct Simulate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Seeded simulations scored against their ground truth.", subcommands: [SimulateWaterway.self])
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
