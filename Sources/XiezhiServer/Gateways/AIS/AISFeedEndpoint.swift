import Foundation
import Logging
import Metrics
import ServiceLifecycle
import XiezhiWire

/// What every AIS feed service holds: its address, limits, counters, logger (tagged with the feed's name), clock
/// and sink. The three services differ only in how they get their bytes.
public struct AISFeedEndpoint: Sendable {
    let host: String
    let port: Int
    let options: AISFeedOptions
    let counters: AISFeedCounters
    let logger: Logger
    let now: @Sendable () -> Date
    let sink: AISFeedSink

    init(
        _ configuration: AISFeedConfiguration, options: AISFeedOptions, logger: Logger, metricsFactory: (any MetricsFactory)?,
        now: @escaping @Sendable () -> Date, sink: @escaping AISFeedSink
    ) {
        host = configuration.host
        port = configuration.port
        self.options = options
        counters = AISFeedCounters(feed: configuration.name, factory: metricsFactory)
        var logger = logger
        logger[metadataKey: "ais.feed"] = .string(counters.feed)
        self.logger = logger
        self.now = now
        self.sink = sink
    }
}

/// An AIS feed service: the TCP client, the TCP listener or the UDP listener.
public protocol AISFeedService: Service {
    var endpoint: AISFeedEndpoint { get }
}

extension AISFeedService {
    /// The host.
    public var host: String { endpoint.host }
    /// The port (for a listener, 0 binds any free port, reported to `onBound`).
    public var port: Int { endpoint.port }
    /// Limits and timers.
    public var options: AISFeedOptions { endpoint.options }
    /// The feed's counters (metrics and snapshot).
    public var counters: AISFeedCounters { endpoint.counters }
    /// The feed's name (`tcp-client:HOST:PORT`, `tcp-listen:…`, `udp-listen:…`, with the configured port).
    public var name: String { endpoint.counters.feed }
    /// The counts so far.
    public var statistics: AISFeedStatistics { endpoint.counters.statistics }
    var logger: Logger { endpoint.logger }
    var now: @Sendable () -> Date { endpoint.now }
    var sink: AISFeedSink { endpoint.sink }
}
