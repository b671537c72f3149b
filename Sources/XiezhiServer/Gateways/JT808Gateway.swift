import Foundation
import Logging
import NIOCore
import NIOPosix
import ServiceLifecycle
import XiezhiStore
import XiezhiWire

/// The JT/T 808 TCP gateway: one task per terminal connection inside a discarding task group; each runs the pure
/// ``JT808SessionStateMachine`` and executes its actions (frames out, lookups and position writes against the
/// node's store). A connection's failure never touches the others; graceful shutdown stops accepting and closes.
/// Positions of all connections are committed together (``JT808PositionCommitter``); each report is still acknowledged
/// only after its own positions are committed.
struct JT808Gateway: Service {
    let node: Node
    let host: String
    let port: Int
    /// Called with the bound port (tests bind to port 0).
    var onBound: @Sendable (Int) -> Void = { _ in }

    func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 4096)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        let bound = server.channel.localAddress?.port ?? port
        node.logger.info("jt808 gateway listening", metadata: ["jt808.host": "\(host)", "jt808.port": "\(bound)"])
        onBound(bound)
        let committer = JT808PositionCommitter(store: TerminalStore(database: node.database, signingKey: node.key))
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { outer in
                outer.addTask { await committer.run() }
                defer { committer.finish() }
                try await withThrowingDiscardingTaskGroup { group in
                    try await server.executeThenClose { connections in
                        for try await connection in connections {
                            group.addTask {
                                await JT808Connection(node: node, committer: committer, channel: connection).run()
                            }
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }
}
