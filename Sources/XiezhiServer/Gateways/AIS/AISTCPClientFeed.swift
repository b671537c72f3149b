import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import ServiceLifecycle
import XiezhiWire

/// A TCP AIS feed we connect to (`--ais-feed HOST:PORT`): a receiver or aggregator that serves NMEA lines.
///
/// Connects, reads with backpressure (see ``AISFeedConnection``) and reconnects whenever the connection fails,
/// closes or stalls, after the ``AISFeedBackoff`` delay. Logs state changes, not retry storms: connected,
/// disconnected (with the reason) and stalled once each time; an unreachable feed once, then again every 10 minutes
/// while it stays unreachable (each attempt at debug). Graceful shutdown stops reconnecting and closes the connection
/// after delivering what was read.
public struct AISTCPClientFeed: AISFeedService {
    public let endpoint: AISFeedEndpoint

    /// Creates the feed; nothing connects or binds before `run()`.
    ///
    /// `metricsFactory` defaults to the bootstrapped `MetricsSystem`; `now` stamps messages (the node's clock).
    public init(
        host: String, port: Int, options: AISFeedOptions = AISFeedOptions(), logger: Logger,
        metricsFactory: (any MetricsFactory)? = nil, now: @escaping @Sendable () -> Date = { Date() },
        sink: @escaping AISFeedSink
    ) {
        endpoint = AISFeedEndpoint(.tcpClient(host: host, port: port), options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
    }

    /// Connects and reconnects until graceful shutdown or cancellation.
    public func run() async throws {
        var backoff = AISFeedBackoff(configuration: options.backoff)
        var attempts = 0
        var failuresInARow = 0
        var lastUnreachableLog: ContinuousClock.Instant?
        logger.info("ais feed starting", metadata: ["ais.host": "\(host)", "ais.port": "\(port)"])
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            if attempts > 0 { counters.record(.reconnect) }
            attempts += 1
            var lasted: Duration?
            do {
                let channel = try await connect()
                let started = ContinuousClock.now
                counters.record(.connection)
                counters.opened()
                var metadata: Logger.Metadata = ["ais.peer": "\(AISFeedConnection.describe(channel.channel.remoteAddress) ?? "\(host):\(port)")"]
                if failuresInARow > 0 { metadata["ais.failed_attempts"] = "\(failuresInARow)" }
                logger.info("ais feed connected", metadata: metadata)
                failuresInARow = 0
                lastUnreachableLog = nil
                let end = await AISFeedConnection(
                    channel: channel, counters: counters, options: options, logger: logger, now: now, sink: sink
                ).run()
                counters.closed()
                lasted = ContinuousClock.now - started
                switch end {
                case .shutDown:
                    logger.info("ais feed disconnected for shutdown")
                case .stalled:
                    logger.warning("ais feed stalled; reconnecting", metadata: ["ais.stall_timeout": "\(options.stallTimeout)"])
                case .closedByPeer, .failed:
                    logger.warning("ais feed disconnected; reconnecting", metadata: ["ais.reason": "\(end)"])
                }
            } catch {
                counters.record(.connectFailure)
                failuresInARow += 1
                let metadata: Logger.Metadata = ["error": "\(error)", "ais.failed_attempts": "\(failuresInARow)"]
                if lastUnreachableLog.map({ ContinuousClock.now - $0 >= .seconds(600) }) ?? true {
                    logger.warning("ais feed unreachable; retrying with backoff", metadata: metadata)
                    lastUnreachableLog = .now
                } else {
                    logger.debug("ais feed still unreachable", metadata: metadata)
                }
            }
            if Task.isCancelled || Task.isShuttingDownGracefully { break }
            let delay = backoff.delay(afterConnectionLasting: lasted)
            logger.debug("ais feed waiting before reconnecting", metadata: ["ais.delay": "\(delay)"])
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: delay) }
            } catch {
                break
            }
        }
        logger.info("ais feed stopped")
    }

    private func connect() async throws -> NIOAsyncChannel<AISTimedBytes, Never> {
        let options = options
        let now = now
        return try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(TimeAmount(options.connectTimeout))
            .channelOption(.socketOption(.so_keepalive), value: 1)
            .connect(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try AISFeedConnection.wrap(channel, options: options, now: now)
                }
            }
    }
}
