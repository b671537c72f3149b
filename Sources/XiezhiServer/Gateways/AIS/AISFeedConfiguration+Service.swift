import Foundation
import Logging
import Metrics
import ServiceLifecycle

extension AISFeedConfiguration {
    /// The service that runs this feed: ``AISTCPClientFeed``, ``AISTCPListenerFeed`` or ``AISUDPListenerFeed``.
    ///
    /// `sink` receives every decoded message; `now` stamps them (the node's clock); `metricsFactory` defaults to the
    /// bootstrapped `MetricsSystem`.
    public func makeService(
        options: AISFeedOptions = AISFeedOptions(), logger: Logger, metricsFactory: (any MetricsFactory)? = nil,
        now: @escaping @Sendable () -> Date = { Date() }, sink: @escaping AISFeedSink
    ) -> any Service {
        switch self {
        case .tcpClient(let host, let port):
            AISTCPClientFeed(host: host, port: port, options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
        case .tcpListen(let host, let port):
            AISTCPListenerFeed(host: host, port: port, options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
        case .udpListen(let host, let port):
            AISUDPListenerFeed(host: host, port: port, options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
        }
    }
}
