import ArgumentParser
import Foundation
import Prometheus
import XiezhiCore
import XiezhiServer

/// `xiezhi demo [--data DIR] [--http HOST:PORT] [--jinshan-http HOST:PORT]`: the demo's two neighbouring agencies as
/// two federated nodes in this process — Pinghu's (with 嘉善's waterway desk and the device feeds) and Jinshan's, each
/// with its own data directory, key, accounts, cases and units, each the other's partner — seeded on first start;
/// prints both URLs and which logins belong to which node, then serves until SIGTERM/SIGINT.
struct Demo: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the demo: Pinghu's and Jinshan's nodes, federated (seeded on first start).")

    @OptionGroup var options: NodeOptions

    @Option(help: "Simulated JT/T 808 terminals driving the region against Pinghu's gateway (0: none).")
    var terminals = 300

    @Option(name: .customLong("jinshan-http"), help: "Jinshan's node's HTTP address HOST:PORT (default: Pinghu's host, the next port).")
    var jinshanHTTP: String?

    func run() async throws {
        var base = try options.configuration(defaultData: "demo-data", defaultJT808: "127.0.0.1:7808")
        guard base.httpPort != 0, try jinshanHTTP.map({ try NodeOptions.address($0, flag: "--jinshan-http").port }) != 0 else {
            throw ValidationError("the demo's nodes need known ports (not 0) to be each other's partners")
        }
        base.simulateWeighTraffic = true
        let logger = LoggingSetup.bootstrap(base)
        let registry = NodeRunner.bootstrapMetrics()
        if FileManager.default.fileExists(atPath: base.dataDirectory.appendingPathComponent("node.sqlite").path) {
            logger.warning("the data directory holds a one-node demo from an earlier version; the nodes now live in its pinghu/ and jinshan/ sub-directories",
                           metadata: ["data.directory": "\(base.dataDirectory.path)"])
        }
        var members: [(member: DemoFederation.Member, clock: DemoClock)] = []
        for agency in DemoAgency.all {
            var configuration = base
            configuration.dataDirectory = base.dataDirectory.appendingPathComponent(agency.name)
            if agency == .jinshan, let address = jinshanHTTP {
                (configuration.httpHost, configuration.httpPort) = try NodeOptions.address(address, flag: "--jinshan-http")
            } else {
                configuration.httpPort = base.httpPort + agency.portOffset
            }
            if agency.runsDeviceFeeds {
                configuration.openRegistration = true
                // Simulated ships: their AIS comes in over a real TCP listener, their checkpoint passages through the ingest.
                configuration.simulateWaterwayTraffic = true
                if !configuration.aisFeeds.contains(where: { if case .tcpListen = $0 { true } else { false } }) {
                    configuration.aisFeeds.append(.tcpListen(host: "127.0.0.1", port: 5631))
                }
                configuration.simulatedTerminals = configuration.jt808Address == nil ? 0 : max(terminals, 0)
            } else {
                configuration.jt808Address = nil
                configuration.aisFeeds = []
            }
            var nodeLogger = logger
            nodeLogger[metadataKey: "node"] = "\(agency.name)"
            let clock = DemoClock()
            // swift-metrics' global counters (HTTP, gateways) land in the first node's registry: one process, one bootstrap.
            let node = try Node.open(
                configuration: configuration, logger: nodeLogger, metrics: members.isEmpty ? registry : PrometheusCollectorRegistry(), now: { clock.now() })
            let host = configuration.httpHost == "0.0.0.0" ? "127.0.0.1" : configuration.httpHost
            members.append((DemoFederation.Member(agency: agency, node: node, url: "http://\(host):\(configuration.httpPort)"), clock))
        }
        // Partners first: the seed's decisions, notices and referrals write their messages in the same transactions.
        try DemoFederation.pair(members.map(\.member), at: Date())
        for (member, clock) in members where try !DemoSeed.isSeeded(member.node, agency: member.agency) {
            member.node.logger.info("seeding the demo", metadata: ["data.directory": "\(member.node.configuration.dataDirectory.path)"])
            try DemoSeed.seed(member.node, agency: member.agency, clock: clock)
        }
        let banner = DemoBanner(members: members.map(\.member))
        try await NodeGroup.run(members.map(\.member.node), logger: logger) { ports in
            FileHandle.standardOutput.write(Data(banner.text(ports: ports).utf8))
        }
        logger.info("demo stopped")
    }
}

/// What the demo prints once both nodes listen: each node's URLs, data, devices and logins.
struct DemoBanner: Sendable {
    let members: [DemoFederation.Member]

    func text(ports: [Int]) -> String {
        var lines = ["", "獬豸 Xiezhi demo: \(members.count) agencies, \(members.count) federated nodes (password for every login: \(DemoSeed.password))."]
        for (member, port) in zip(members, ports) {
            let agency = member.agency
            let configuration = member.node.configuration
            let host = configuration.httpHost == "0.0.0.0" ? "127.0.0.1" : configuration.httpHost
            let base = "http://\(host):\(port)"
            let prefix = agency.desks[0].prefix
            lines += [
                "",
                "\(agency.chineseName) node (\(agency.name), \(agency.jurisdiction)):",
                "  Console:  \(base)/",
                "  指挥中心:  \(base)/command.html  (\(prefix).commander; officer's phone: /officer.html as \(prefix).officer)",
                "  API:      \(base)/api/v1/   (OpenAPI: /openapi.json, metrics: /metrics, federation outbox: /api/v1/federation/outbox)",
                "  Data:     \(configuration.dataDirectory.path)",
                "  Partners: \(members.filter { $0.agency != agency }.map { "\($0.agency.name) (\($0.url))" }.joined(separator: ", "))",
                "  WIM:      the demo's stations in province \(agency.stationProvince) (simulated traffic every 20 s)",
            ]
            if agency.runsDeviceFeeds {
                lines.append("  JT/T 808: \(configuration.jt808Address.map { "\($0.host):\($0.port) (open registration, \(configuration.simulatedTerminals) simulated terminals)" } ?? "off")")
                lines.append("  AIS:      \(configuration.aisFeeds.map(\.description).joined(separator: ", ")) (simulated ships on the demo waterways)")
            }
            lines.append("  Logins on this node:")
            for login in agency.logins {
                lines.append("    \(login.username.padding(toLength: 24, withPad: " ", startingAt: 0)) \(login.jurisdiction)  \(login.role.rawValue) — \(login.role.chineseName) \(login.displayName)")
            }
        }
        lines += ["", "Stop with Ctrl-C: every node shuts down gracefully and signs its audit checkpoint.", ""]
        return lines.joined(separator: "\n")
    }
}
