import NIOCore
import Synchronization

/// The one-second tick of the JT/T 808 connections (idle and authentication timeouts, subpackage resend requests): one
/// repeated task per event loop that ticks every connection on that loop, instead of a timer per connection — with tens
/// of thousands of connections, a timer each means as many scheduled-task heap operations and futures every second.
final class JT808Tickers: Sendable {
    /// The connections of one event loop and its timer; touched only on that loop.
    final class LoopTicker {
        var connections: [ObjectIdentifier: JT808Connection] = [:]
        var task: RepeatedTask?
    }

    private let tickers = Mutex<[ObjectIdentifier: NIOLoopBound<LoopTicker>]>([:])
    private let stopped = Mutex(false)

    /// Ticks `connection` every second from now on (call on its event loop).
    func add(_ connection: JT808Connection, on loop: any EventLoop) {
        ticker(for: loop)?.connections[ObjectIdentifier(connection)] = connection
    }

    /// Stops ticking `connection` (call on its event loop).
    func remove(_ connection: JT808Connection, on loop: any EventLoop) {
        _ = ticker(for: loop)?.connections.removeValue(forKey: ObjectIdentifier(connection))
    }

    /// Cancels every loop's timer.
    func stop() {
        let all = tickers.withLock { tickers in
            defer { tickers = [:] }
            return Array(tickers.values)
        }
        stopped.withLock { $0 = true }
        for ticker in all {
            ticker.eventLoop.execute {
                ticker.value.task?.cancel()
                ticker.value.connections = [:]
            }
        }
    }

    private func ticker(for loop: any EventLoop) -> LoopTicker? {
        guard !stopped.withLock({ $0 }) else { return nil }
        let key = ObjectIdentifier(loop)
        if let existing = tickers.withLock({ $0[key] }) { return existing.value }
        let ticker = LoopTicker()
        let bound = NIOLoopBound(ticker, eventLoop: loop)
        ticker.task = loop.scheduleRepeatedTask(initialDelay: .seconds(1), delay: .seconds(1)) { _ in
            for connection in Array(bound.value.connections.values) { connection.tick() }
        }
        tickers.withLock { $0[key] = bound }
        return ticker
    }
}
