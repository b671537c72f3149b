import ArgumentParser
import Foundation
import XiezhiCore
import XiezhiServer

/// `xiezhi demo [--data DIR] [--http HOST:PORT]`: a node with the demo region, two neighbouring agencies with an
/// account for every role, and sample cases in many stages; prints the console URL and the logins, then serves.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the demo node (seeded on first start).")

    @OptionGroup var options: NodeOptions

    @Option(help: "Simulated JT/T 808 terminals driving the region against the demo's own gateway (0: none).")
    var terminals = 300

    func run() async throws {
        var options = try options.configuration(defaultData: "demo-data", defaultJT808: "127.0.0.1:7808")
        options.simulateWeighTraffic = true
        options.openRegistration = true
        // Simulated ships: their AIS comes in over a real TCP listener, their checkpoint passages through the ingest.
        options.simulateWaterwayTraffic = true
        if !options.aisFeeds.contains(where: { if case .tcpListen = $0 { true } else { false } }) {
            options.aisFeeds.append(.tcpListen(host: "127.0.0.1", port: 5631))
        }
        options.simulatedTerminals = options.jt808Address == nil ? 0 : max(terminals, 0)
        let configuration = options
        let logger = LoggingSetup.bootstrap(configuration)
        let clock = DemoClock()
        let node = try NodeRunner.open(configuration, logger: logger, now: { clock.now() })
        if try !DemoSeed.isSeeded(node) {
            logger.info("seeding the demo", metadata: ["data.directory": "\(configuration.dataDirectory.path)"])
            try DemoSeed.seed(node, clock: clock)
        }
        let host = configuration.httpHost == "0.0.0.0" ? "127.0.0.1" : configuration.httpHost
        try await NodeRunner.run(node) { port in
            var lines = [
                "",
                "獬豸 Xiezhi demo node is running.",
                "  Console:  http://\(host):\(port)/",
                "  指挥中心:  http://\(host):\(port)/command.html  (ph.commander / js.commander; officers' phones: /officer.html as ph.officer / js.officer)",
                "  API:      http://\(host):\(port)/api/v1/   (OpenAPI: /openapi.json, metrics: /metrics)",
                "  Data:     \(configuration.dataDirectory.path)",
                "  JT/T 808: \(configuration.jt808Address.map { "\($0.host):\($0.port) (open registration)" } ?? "off")",
                "  AIS:      \(configuration.aisFeeds.map(\.description).joined(separator: ", ")) (simulated ships on the demo waterways)",
                "  Logins (password for all: \(DemoSeed.password)):",
            ]
            for login in DemoSeed.logins {
                lines.append("    \(login.username.padding(toLength: 24, withPad: " ", startingAt: 0)) \(login.jurisdiction)  \(login.role.rawValue) — \(login.role.chineseName) \(login.displayName)")
            }
            lines.append("  Stop with Ctrl-C (graceful shutdown signs an audit checkpoint).")
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        }
    }
}
