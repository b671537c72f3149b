import ArgumentParser
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus
import XiezhiServer

/// `xiezhi serve --data DIR --http HOST:PORT`: runs the node until SIGTERM/SIGINT, then shuts down gracefully.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run a node.")

    @OptionGroup var options: NodeOptions

    func run() async throws {
        let configuration = try options.configuration(defaultData: "xiezhi-data")
        let logger = LoggingSetup.bootstrap(configuration)
        let node = try NodeRunner.open(configuration, logger: logger)
        try await NodeRunner.run(node, banner: nil)
    }
}

enum NodeRunner {
    /// Opens the node and routes swift-metrics to its Prometheus registry.
    static func open(_ configuration: NodeConfiguration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws -> Node {
        try Node.open(configuration: configuration, logger: logger, metrics: bootstrapMetrics(), now: now)
    }

    /// Routes swift-metrics (once per process) to a new Prometheus registry and returns it.
    static func bootstrapMetrics() -> PrometheusCollectorRegistry {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }

    /// Runs the HTTP application and its services until SIGTERM or SIGINT, then shuts down gracefully.
    static func run(_ node: Node, banner: (@Sendable (Int) -> Void)?) async throws {
        let app = buildApplication(node: node) { port in banner?(port) }
        try await app.runService()
        node.logger.info("node stopped")
    }
}
