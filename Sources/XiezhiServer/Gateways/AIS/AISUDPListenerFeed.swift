import Foundation
import Logging
import Metrics
import NIOCore
import NIOPosix
import ServiceLifecycle
import Synchronization
import XiezhiWire

/// A UDP port AIS receivers send datagrams of NMEA lines to (`--ais-udp-listen HOST:PORT`).
///
/// Each datagram holds whole lines (the last one may lack its line break). Each sender (`IP:PORT`) has its own
/// assembler, up to `maximumUDPSenders` (the least recently heard is forgotten beyond it).
///
/// A slow sink: UDP cannot be slowed down, so one task keeps reading the socket into a queue of at most
/// `maximumQueuedDatagrams` datagrams and the sink is fed from the queue; when the queue is full, new datagrams
/// are dropped and counted (`xiezhi_ais_dropped_datagrams_total`) instead of being lost uncounted in the kernel's
/// socket buffer. No data for `stallTimeout` is logged and counted once per quiet period (there is no connection
/// to restart). Graceful shutdown closes the socket and delivers what was queued.
public struct AISUDPListenerFeed: AISFeedService {
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
        endpoint = AISFeedEndpoint(.udpListen(host: host, port: port), options: options, logger: logger, metricsFactory: metricsFactory, now: now, sink: sink)
        self.onBound = onBound
    }

    /// What the reader and the tick put in the queue, each stamped when it was queued (so that a backlog behind a
    /// slow sink does not look like a gap in the feed).
    private enum Input: Sendable {
        case datagram(ByteBuffer, sender: String, receivedAt: Date, instant: ContinuousClock.Instant)
        case tick(at: Date, instant: ContinuousClock.Instant)
    }

    /// Listens until graceful shutdown; throws only when the port cannot be bound.
    public func run() async throws {
        // No SO_REUSEADDR: on Linux it would let a second process bind the same UDP port and take part of the feed.
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.recvAllocator, value: FixedSizeRecvByteBufferAllocator(capacity: max(512, options.maximumDatagramSize)))
            .bind(host: host, port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<AddressedEnvelope<ByteBuffer>, AddressedEnvelope<ByteBuffer>>(wrappingChannelSynchronously: channel)
                }
            }
        let bound = channel.channel.localAddress?.port ?? port
        logger.info("ais feed listening", metadata: ["ais.host": "\(host)", "ais.port": "\(bound)", "ais.transport": "udp"])
        counters.opened()
        defer { counters.closed() }
        onBound(bound)
        let (inputs, continuation) = AsyncStream.makeStream(of: Input.self, bufferingPolicy: .bufferingOldest(max(1, options.maximumQueuedDatagrams)))
        let socket = channel.channel
        let tickQueued = TickFlag()
        try await withGracefulShutdownHandler {
            try await channel.executeThenClose { inbound, _ in
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { await read(inbound, into: continuation) }
                    group.addTask {
                        while !Task.isCancelled {
                            do {
                                try await Task.sleep(for: options.tickInterval)
                            } catch {
                                return
                            }
                            // At most one tick waits in the queue, so ticks never take the place of datagrams.
                            guard tickQueued.claim() else { continue }
                            if case .dropped = continuation.yield(.tick(at: now(), instant: .now)) {
                                tickQueued.release()
                            }
                        }
                    }
                    var senders = Senders(feed: self)
                    for await input in inputs {
                        switch input {
                        case .datagram(let bytes, let sender, let receivedAt, let instant):
                            for message in senders.receive(bytes, from: sender, at: receivedAt, instant: instant) { await sink(message) }
                        case .tick(let at, let instant):
                            tickQueued.release()
                            senders.tick(now: at, instant: instant)
                        }
                    }
                    senders.finish(now: now())
                    group.cancelAll()
                }
            }
        } onGracefulShutdown: {
            socket.close(promise: nil)
        }
        logger.info("ais feed stopped")
    }

    /// Reads datagrams into the queue until the socket closes; a full queue drops (and counts) the datagram.
    private func read(
        _ inbound: NIOAsyncChannelInboundStream<AddressedEnvelope<ByteBuffer>>, into queue: AsyncStream<Input>.Continuation
    ) async {
        var throttle = AISLogThrottle(interval: options.logInterval)
        do {
            for try await envelope in inbound {
                let receivedAt = now()
                counters.record(.datagram)
                var bytes = envelope.data
                if bytes.capacity >= 2 * bytes.readableBytes + 1024 {
                    // Keep the queue's memory proportional to the data, not to the receive buffer size.
                    bytes = ByteBuffer(bytes: bytes.readableBytesView)
                }
                let sender = AISFeedConnection.describe(envelope.remoteAddress) ?? "?"
                if case .dropped = queue.yield(.datagram(bytes, sender: sender, receivedAt: receivedAt, instant: .now)) {
                    counters.record(.droppedDatagram)
                    let metadata: Logger.Metadata = ["ais.peer": "\(sender)", "ais.queue": "\(options.maximumQueuedDatagrams)"]
                    if let suppressed = throttle.admit("dropped") {
                        logger.warning("ais datagram dropped: the sink is behind", metadata: metadata.merging(["ais.suppressed": "\(suppressed)"]) { $1 })
                    } else {
                        logger.debug("ais datagram dropped: the sink is behind", metadata: metadata)
                    }
                }
            }
        } catch {
            logger.warning("ais feed socket failed", metadata: ["error": "\(error)"])
        }
        queue.finish()
    }

    /// Whether a tick is waiting in the queue (shared by the tick task and the consumer).
    private final class TickFlag: Sendable {
        private let flag = Atomic<Bool>(false)

        /// Marks a tick as queued; false when one already is.
        func claim() -> Bool {
            flag.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        }

        /// The queued tick was taken (or never queued).
        func release() {
            flag.store(false, ordering: .releasing)
        }
    }

    /// The consumer's state: one pipeline per sender, and whether the feed has gone silent.
    private struct Senders {
        private struct Entry {
            var pipeline: AISFeedPipeline
            var lastUsed: UInt64
        }

        let feed: AISUDPListenerFeed
        private var entries: [String: Entry] = [:]
        private var uses: UInt64 = 0
        private var lastDatagram = ContinuousClock.now
        private var silent = false

        init(feed: AISUDPListenerFeed) {
            self.feed = feed
        }

        mutating func receive(_ bytes: ByteBuffer, from sender: String, at receivedAt: Date, instant: ContinuousClock.Instant) -> [AISFeedMessage] {
            lastDatagram = max(lastDatagram, instant)
            if silent {
                silent = false
                feed.logger.info("ais feed receiving again")
            }
            uses += 1
            if entries[sender] == nil {
                if entries.count >= max(1, feed.options.maximumUDPSenders),
                   let oldest = entries.min(by: { $0.value.lastUsed < $1.value.lastUsed })?.key {
                    _ = entries[oldest]?.pipeline.finish(at: receivedAt)
                    entries.removeValue(forKey: oldest)
                }
                let pipeline = AISFeedPipeline(counters: feed.counters, options: feed.options, peer: sender, logger: feed.logger)
                entries[sender] = Entry(pipeline: pipeline, lastUsed: uses)
            }
            entries[sender]?.lastUsed = uses
            return entries[sender]?.pipeline.receiveDatagram(bytes, at: receivedAt) ?? []
        }

        mutating func tick(now: Date, instant: ContinuousClock.Instant) {
            for key in Array(entries.keys) { entries[key]?.pipeline.expire(now: now) }
            if !silent, instant - lastDatagram >= feed.options.stallTimeout {
                silent = true
                feed.counters.record(.stall)
                feed.logger.warning("ais feed silent", metadata: ["ais.stall_timeout": "\(feed.options.stallTimeout)"])
            }
        }

        mutating func finish(now: Date) {
            for key in Array(entries.keys) { _ = entries[key]?.pipeline.finish(at: now) }
            entries.removeAll()
        }
    }
}
