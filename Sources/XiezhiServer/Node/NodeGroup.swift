import Logging
import ServiceLifecycle
import Synchronization

/// Several nodes in one process (the demo's agencies): each node is its own application — HTTP server, audit
/// checkpoints, federation delivery and the rest of its services — and all of them run in one service group, so
/// SIGTERM or SIGINT shuts every node down gracefully (each signing its audit checkpoint on the way out), and a node
/// that fails to start stops the others.
public enum NodeGroup {
    /// Runs `nodes` until SIGTERM or SIGINT; `onRunning` is called once, with each node's HTTP port in the order of
    /// `nodes`, when all of them are listening.
    public static func run(_ nodes: [Node], logger: Logger, onRunning: @escaping @Sendable ([Int]) -> Void) async throws {
        let ports = Mutex<[Int: Int]>([:])
        let count = nodes.count
        let services: [any Service] = nodes.enumerated().map { index, node in
            buildApplication(node: node) { port in
                let all: [Int]? = ports.withLock { ports in
                    ports[index] = port
                    return ports.count == count ? (0..<count).map { ports[$0]! } : nil
                }
                if let all { onRunning(all) }
            }
        }
        let group = ServiceGroup(configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
    }
}
