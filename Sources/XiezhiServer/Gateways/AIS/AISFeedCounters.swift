import Metrics
import Synchronization

/// One feed's counters: each count goes both to swift-metrics (`xiezhi_ais_*`, dimension `feed`) and to a
/// snapshot the service exposes as ``AISFeedStatistics``. Shared by all the feed's connections; thread-safe.
///
/// Metric names: `xiezhi_ais_sentences_total`, `xiezhi_ais_messages_total{type}`, `xiezhi_ais_bad_checksum_total`,
/// `xiezhi_ais_unparsable_lines_total{reason}`, `xiezhi_ais_oversized_lines_total`, `xiezhi_ais_binary_bytes_total`,
/// `xiezhi_ais_orphan_fragments_total`, `xiezhi_ais_out_of_order_fragments_total`,
/// `xiezhi_ais_timed_out_fragments_total`, `xiezhi_ais_evicted_fragments_total`,
/// `xiezhi_ais_undecodable_messages_total{reason}`, `xiezhi_ais_position_unavailable_total`,
/// `xiezhi_ais_connections_total`, `xiezhi_ais_connected` (gauge), `xiezhi_ais_refused_connections_total`,
/// `xiezhi_ais_reconnects_total`, `xiezhi_ais_connect_failures_total`, `xiezhi_ais_stalls_total`,
/// `xiezhi_ais_datagrams_total`, `xiezhi_ais_dropped_datagrams_total`. `reason` is an `AISError.Code` raw value.
public final class AISFeedCounters: Sendable {
    /// What is counted; each kind is one metric.
    enum Kind: String, Sendable, CaseIterable {
        case sentence = "xiezhi_ais_sentences_total"
        case badChecksum = "xiezhi_ais_bad_checksum_total"
        case unparsableLine = "xiezhi_ais_unparsable_lines_total"
        case oversizedLine = "xiezhi_ais_oversized_lines_total"
        case binaryByte = "xiezhi_ais_binary_bytes_total"
        case orphanFragment = "xiezhi_ais_orphan_fragments_total"
        case outOfOrderFragment = "xiezhi_ais_out_of_order_fragments_total"
        case timedOutFragment = "xiezhi_ais_timed_out_fragments_total"
        case evictedFragment = "xiezhi_ais_evicted_fragments_total"
        case undecodableMessage = "xiezhi_ais_undecodable_messages_total"
        case positionUnavailable = "xiezhi_ais_position_unavailable_total"
        case connection = "xiezhi_ais_connections_total"
        case refusedConnection = "xiezhi_ais_refused_connections_total"
        case reconnect = "xiezhi_ais_reconnects_total"
        case connectFailure = "xiezhi_ais_connect_failures_total"
        case stall = "xiezhi_ais_stalls_total"
        case datagram = "xiezhi_ais_datagrams_total"
        case droppedDatagram = "xiezhi_ais_dropped_datagrams_total"

        /// The kinds that carry a `reason` dimension.
        var hasReason: Bool { self == .unparsableLine || self == .undecodableMessage }
    }

    private struct ReasonKey: Hashable {
        var kind: Kind
        var reason: String
    }

    private struct State {
        var statistics = AISFeedStatistics()
        var counters: [Kind: Counter] = [:]
        var reasonCounters: [ReasonKey: Counter] = [:]
        var typeCounters: [Int: Counter] = [:]
    }

    /// The feed's name: the `feed` dimension.
    public let feed: String
    private let factory: any MetricsFactory
    private let connectedGauge: Meter
    private let state = Mutex(State())

    /// Creates the counters of `feed`, registering metrics with `factory` (default: the bootstrapped system).
    public init(feed: String, factory: (any MetricsFactory)? = nil) {
        let factory = factory ?? MetricsSystem.factory
        self.feed = feed
        self.factory = factory
        self.connectedGauge = Meter(label: "xiezhi_ais_connected", dimensions: [("feed", feed)], factory: factory)
        connectedGauge.set(0)
    }

    /// A snapshot of the counts.
    public var statistics: AISFeedStatistics {
        state.withLock { $0.statistics }
    }

    /// Adds `amount` to a kind; `reason` fills the `reason` dimension of the kinds that have one.
    func record(_ kind: Kind, by amount: Int = 1, reason: String? = nil) {
        guard amount > 0 else { return }
        let counter = state.withLock { state -> Counter in
            switch kind {
            case .sentence: state.statistics.sentences += amount
            case .badChecksum: state.statistics.badChecksums += amount
            case .unparsableLine: state.statistics.unparsableLines += amount
            case .oversizedLine: state.statistics.oversizedLines += amount
            case .binaryByte: state.statistics.binaryBytes += amount
            case .orphanFragment: state.statistics.orphanFragments += amount
            case .outOfOrderFragment: state.statistics.outOfOrderFragments += amount
            case .timedOutFragment: state.statistics.timedOutFragments += amount
            case .evictedFragment: state.statistics.evictedFragments += amount
            case .undecodableMessage: state.statistics.undecodableMessages += amount
            case .positionUnavailable: state.statistics.positionsUnavailable += amount
            case .connection: state.statistics.connections += amount
            case .refusedConnection: state.statistics.refusedConnections += amount
            case .reconnect: state.statistics.reconnects += amount
            case .connectFailure: state.statistics.connectFailures += amount
            case .stall: state.statistics.stalls += amount
            case .datagram: state.statistics.datagrams += amount
            case .droppedDatagram: state.statistics.droppedDatagrams += amount
            }
            if kind.hasReason {
                let key = ReasonKey(kind: kind, reason: reason ?? "unknown")
                if let counter = state.reasonCounters[key] { return counter }
                let counter = Counter(label: kind.rawValue, dimensions: [("feed", feed), ("reason", key.reason)], factory: factory)
                state.reasonCounters[key] = counter
                return counter
            }
            if let counter = state.counters[kind] { return counter }
            let counter = Counter(label: kind.rawValue, dimensions: [("feed", feed)], factory: factory)
            state.counters[kind] = counter
            return counter
        }
        counter.increment(by: amount)
    }

    /// Counts one decoded message of AIS type `type`.
    func recordMessage(type: Int) {
        let counter = state.withLock { state -> Counter in
            state.statistics.messages += 1
            state.statistics.messagesByType[type, default: 0] += 1
            if let counter = state.typeCounters[type] { return counter }
            let counter = Counter(label: "xiezhi_ais_messages_total", dimensions: [("feed", feed), ("type", String(type))], factory: factory)
            state.typeCounters[type] = counter
            return counter
        }
        counter.increment()
    }

    /// A connection (or a bound UDP socket) opened: the `connected` gauge goes up.
    func opened() {
        state.withLock { state in
            state.statistics.connected += 1
            connectedGauge.set(state.statistics.connected)
        }
    }

    /// A connection (or a bound UDP socket) closed: the `connected` gauge goes down.
    func closed() {
        state.withLock { state in
            state.statistics.connected = max(0, state.statistics.connected - 1)
            connectedGauge.set(state.statistics.connected)
        }
    }

    /// Opens a connection if fewer than `limit` are open; false (nothing changed) otherwise.
    func openIfBelow(_ limit: Int) -> Bool {
        state.withLock { state in
            guard state.statistics.connected < limit else { return false }
            state.statistics.connected += 1
            connectedGauge.set(state.statistics.connected)
            return true
        }
    }
}
