import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import XiezhiStore
import XiezhiWire

/// The JT/T 808 TCP gateway: one ``JT808Connection`` handler per terminal connection, on the connection's event loop;
/// each runs the pure ``JT808SessionStateMachine`` and executes its actions (frames out, lookups against the node's
/// store, positions to the group commit). A connection's failure never touches the others; graceful shutdown stops
/// accepting, closes the connections and ends the commit loop.
///
/// Position path: connection → ``JT808PositionCommitter`` (one transaction for everything handed over while the
/// previous one committed) → each report's 0x8001, and the committed group → the vehicle monitoring's queues
/// (``VehicleMonitoring/take(_:)``), which run the rules after the answer, sharded by vehicle.
struct JT808Gateway: Service {
    let node: Node
    let host: String
    let port: Int
    /// Called with the bound port (tests bind to port 0).
    var onBound: @Sendable (Int) -> Void = { _ in }

    func run() async throws {
        let monitoring = node.vehicleMonitoring
        let watchlist = node.watchlist
        // After each durable commit, in commit order, off the acknowledgement path: the monitoring rules' queues, then
        // the watchlist lookout (an in-memory index; it writes only when a flagged plate is seen).
        let committer = JT808PositionCommitter(
            store: TerminalStore(database: node.database, signingKey: node.key),
            committed: { groups in
                await monitoring.take(groups)
                for group in groups { await watchlist.observe(positions: group.positions, terminal: group.terminal) }
            })
        let counters = JT808Counters()
        let tickers = JT808Tickers()
        let open = OpenConnections()
        let node = self.node
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 4096)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(JT808Connection(node: node, committer: committer, counters: counters, tickers: tickers))
                    open.insert(channel)
                }
            }
            .bind(host: host, port: port).get()
        let bound = server.localAddress?.port ?? port
        node.logger.info("jt808 gateway listening", metadata: ["jt808.host": "\(host)", "jt808.port": "\(bound)"])
        onBound(bound)
        await withDiscardingTaskGroup { group in
            group.addTask { await committer.run() }
            await withGracefulShutdownHandler {
                await withTaskCancellationHandler {
                    try? await server.closeFuture.get()
                } onCancel: {
                    server.close(promise: nil)
                }
            } onGracefulShutdown: {
                server.close(promise: nil)
            }
            await open.closeAll()
            tickers.stop()
            committer.finish()
        }
    }

    /// The accepted connections still open, so that stopping the gateway closes them.
    final class OpenConnections: Sendable {
        private let channels = Mutex<[ObjectIdentifier: any Channel]>([:])

        func insert(_ channel: any Channel) {
            let id = ObjectIdentifier(channel)
            channels.withLock { $0[id] = channel }
            channel.closeFuture.whenComplete { _ in _ = self.channels.withLock { $0.removeValue(forKey: id) } }
        }

        func closeAll() async {
            let all = channels.withLock { Array($0.values) }
            for channel in all { try? await channel.close() }
        }
    }
}
