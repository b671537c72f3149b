import Foundation
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization
import XiezhiWire

/// One TCP connection of a feed (client or accepted): reads, frames, assembles and hands messages to the sink.
///
/// Backpressure: the connection is read through an `NIOAsyncChannel`, whose inbound buffer holds at most
/// `maximumBufferedReads` socket reads; while the sink is busy nothing is taken from the buffer, so once it is full
/// NIO stops reading the socket and TCP flow control slows the sender. No line is dropped for a slow sink.
///
/// A tick every `tickInterval` expires overdue fragments and checks for a stall, only while the connection is
/// waiting for data (never while the sink is busy, which would otherwise look like a silent feed): when nothing
/// has arrived for `stallTimeout` the connection is closed and the stall counted. Graceful shutdown closes the
/// connection after the lines already read are delivered.
struct AISFeedConnection {
    /// Why a connection ended.
    enum End: Sendable, Hashable, CustomStringConvertible {
        /// The peer closed it (or the connection dropped).
        case closedByPeer
        /// Nothing arrived for the stall timeout; we closed it.
        case stalled
        /// Reading failed with this error.
        case failed(String)
        /// The node is shutting down; we closed it.
        case shutDown

        var description: String {
            switch self {
            case .closedByPeer: "closed_by_peer"
            case .stalled: "stalled"
            case .failed(let error): "failed: \(error)"
            case .shutDown: "shut_down"
            }
        }
    }

    let channel: NIOAsyncChannel<AISTimedBytes, Never>
    let counters: AISFeedCounters
    let options: AISFeedOptions
    let logger: Logger
    let now: @Sendable () -> Date
    let sink: AISFeedSink

    /// Sets up a new TCP channel from its initializer (on its event loop): read timestamps, then the async
    /// channel with the configured backpressure.
    static func wrap(
        _ channel: any Channel, options: AISFeedOptions, now: @escaping @Sendable () -> Date
    ) throws -> NIOAsyncChannel<AISTimedBytes, Never> {
        try channel.pipeline.syncOperations.addHandler(AISReadTimestamper(now: now))
        // Reading resumes when fewer than `lowWatermark` reads are buffered, so it must be at least 1 (0 would never resume).
        let high = max(1, options.maximumBufferedReads)
        let strategy = NIOAsyncSequenceProducerBackPressureStrategies.HighLowWatermark(
            lowWatermark: min(max(1, options.resumeReadingBelow), high), highWatermark: high
        )
        return try NIOAsyncChannel(wrappingChannelSynchronously: channel, configuration: .init(backPressureStrategy: strategy))
    }

    /// `IP:PORT` of an address, or nil.
    static func describe(_ address: SocketAddress?) -> String? {
        guard let address else { return nil }
        guard let ip = address.ipAddress, let port = address.port else { return address.description }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    /// Runs until the connection ends; never throws (a connection's failure is its own).
    func run() async -> End {
        let peer = Self.describe(channel.channel.remoteAddress)
        let shared = Shared(pipeline: AISFeedPipeline(counters: counters, options: options, peer: peer, logger: logger))
        let socket = channel.channel
        var failure: String?
        do {
            try await withGracefulShutdownHandler {
                try await channel.executeThenClose { inbound in
                    try await withThrowingTaskGroup(of: Void.self) { group in
                        group.addTask { await watch(shared, socket: socket) }
                        shared.startWaiting()
                        for try await chunk in inbound {
                            let messages = shared.receive(chunk)
                            for message in messages { await sink(message) }
                            shared.startWaiting()
                        }
                        group.cancelAll()
                    }
                }
            } onGracefulShutdown: {
                shared.end(.shutDown)
                socket.close(promise: nil)
            }
        } catch {
            failure = "\(error)"
        }
        for message in shared.finish(at: now()) { await sink(message) }
        return shared.ending ?? failure.map(End.failed) ?? .closedByPeer
    }

    /// The tick: expiry and stall detection while the reader waits for data.
    private func watch(_ shared: Shared, socket: any Channel) async {
        while !Task.isCancelled {
            do {
                try await Task.sleep(for: options.tickInterval)
            } catch {
                return
            }
            if shared.tick(now: now(), stallTimeout: options.stallTimeout) {
                counters.record(.stall)
                socket.close(promise: nil)
                return
            }
        }
    }

    /// The pipeline and the reader's state, shared by the reader and the tick.
    final class Shared: Sendable {
        private struct State: Sendable {
            var pipeline: AISFeedPipeline
            var waitingSince: ContinuousClock.Instant?
            var ending: End?
        }

        private let state: Mutex<State>

        init(pipeline: AISFeedPipeline) {
            state = Mutex(State(pipeline: pipeline))
        }

        /// Why the connection is ending, when we decided it.
        var ending: End? { state.withLock { $0.ending } }

        /// Records the first reason for ending.
        func end(_ reason: End) {
            state.withLock { state in
                if state.ending == nil { state.ending = reason }
            }
        }

        /// The reader starts waiting for data.
        func startWaiting() {
            state.withLock { $0.waitingSince = .now }
        }

        /// The reader got a read: its messages.
        func receive(_ chunk: AISTimedBytes) -> [AISFeedMessage] {
            state.withLock { state in
                state.waitingSince = nil
                return state.pipeline.receive(chunk.bytes, at: chunk.receivedAt)
            }
        }

        /// A tick at `now`: expires fragments while the reader waits; true when the feed has stalled.
        func tick(now: Date, stallTimeout: Duration) -> Bool {
            state.withLock { state in
                guard let since = state.waitingSince else { return false }
                state.pipeline.expire(now: now)
                guard state.ending == nil, ContinuousClock.now - since >= stallTimeout else { return false }
                state.ending = .stalled
                return true
            }
        }

        /// The connection ended: the last messages.
        func finish(at now: Date) -> [AISFeedMessage] {
            state.withLock { $0.pipeline.finish(at: now) }
        }
    }
}
