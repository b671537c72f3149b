import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import ServiceLifecycle
import XiezhiWire

/// A TCP port AIS receivers connect to and push NMEA lines (`--ais-tcp-listen HOST:PORT`).
///
/// One task per connection inside a discarding task group, each with its own assembler (fragments of different
/// receivers never mix) and the feed's shared counters; a connection's failure never touches the others. At most
/// `maximumConnections` at once (more are closed at once and counted). Stalled connections are closed (the
/// receiver is expected to reconnect). Graceful shutdown stops accepting and closes every connection after
/// delivering what was read.
public struct AISTCPListenerFeed: AISFeedService {
    public let endpoint: AISFeedEndpoint
    private let onBound: @Sendable (Int) -> Void

    /// Creates the feed; nothing connects or binds before `run()`.
    ///
    /// `metricsFactory` defaults to the bootstrapped `MetricsSystem`; `now` stamps messages (the node's clock).
    public init(
        host: String, port: Int, options: AISFeedOptions = AISFeedOptions(), logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil, now: @escaping @Sendable () -> Date = { Date() },
        onBound: @escaping @Sendable (Int) -> Void = { _ in }, sink: @escaping AISFeedSink
    ) {
        endpoint = AISFeedEndpoint(.tcpListen(host: host, port: port), options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
        self.onBound = onBound
    }

    /// Listens until graceful shutdown; throws only when the port cannot be bound.
    public func run() async throws {
        let options = options
        let now = now
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.so_keepalive), value: 1)
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try AISFeedConnection.wrap(channel, options: options, now: now)
                }
            }
        let bound = server.channel.localAddress?.port ?? port
        logger.info("ais feed listening", metadata: ["ais.host": "\(host)", "ais.port": "\(bound)", "ais.transport": "tcp"])
        onBound(bound)
        let throttle = AISLogThrottle.Shared(interval: options.logInterval)
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                try await server.executeThenClose { connections in
                    for try await connection in connections {
                        let peer = AISFeedConnection.describe(connection.channel.remoteAddress) ?? "?"
                        guard counters.openIfBelow(options.maximumConnections) else {
                            counters.record(.refusedConnection)
                            log(throttle, "refused", "ais receiver refused: too many connections", ["ais.peer": "\(peer)", "ais.limit": "\(options.maximumConnections)"])
                            connection.channel.close(promise: nil)
                            continue
                        }
                        counters.record(.connection)
                        group.addTask {
                            log(throttle, "connected", "ais receiver connected", ["ais.peer": "\(peer)"])
                            let end = await AISFeedConnection(
                                channel: connection, counters: counters, options: options, logger: logger, now: now, sink: sink
                            ).run()
                            counters.closed()
                            log(throttle, "disconnected", "ais receiver disconnected", ["ais.peer": "\(peer)", "ais.reason": "\(end)"])
                        }
                    }
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
        logger.info("ais feed stopped")
    }

    /// Logs at info once per kind per interval (receivers that flap), otherwise at debug.
    private func log(_ throttle: AISLogThrottle.Shared, _ key: String, _ message: Logger.Message, _ metadata: Logger.Metadata) {
        if let suppressed = throttle.admit(key) {
            var metadata = metadata
            if suppressed > 0 { metadata["ais.suppressed"] = "\(suppressed)" }
            logger.info(message, metadata: metadata)
        } else {
            logger.debug(message, metadata: metadata)
        }
    }
}
