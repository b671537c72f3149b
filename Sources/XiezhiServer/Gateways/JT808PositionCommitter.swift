import Foundation
import Synchronization
import XiezhiCore
import XiezhiStore

/// Group commit of JT/T 808 positions across connections (组提交): each connection hands over the positions of a report
/// with a completion; one loop commits everything handed over since its last commit in a single transaction (one WAL
/// sync) and then completes every report of the group. A connection's 0x8001 goes out only from that completion, so
/// "acknowledged ⇒ durable" holds; a thousand reports cost one commit, not a thousand.
///
/// After each successful commit, and after the group's reports are completed (answered), they are passed to `committed`
/// in commit order, so each vehicle's positions reach it in the order they were stored. The node's vehicle monitoring
/// queues them there and returns at once unless its queues are over their limit, in which case the next commit waits
/// (backpressure: the rules may fall behind by a bounded amount, never skip a position). This is the one place where
/// "a position is now durable" is known: anything else that must see every stored position belongs in that hook, not
/// on the connection's path.
///
/// If a group's transaction fails, each report's positions are retried alone, so one bad report cannot fail the others.
final class JT808PositionCommitter: Sendable {
    typealias Completion = @Sendable (Result<Void, any Error>) -> Void

    private struct Waiter {
        var report: CommittedPositions
        var completion: Completion
    }

    private struct State {
        var waiting: [Waiter] = []
        var finished = false
    }

    private let state = Mutex(State())
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    let store: TerminalStore
    let committed: @Sendable ([CommittedPositions]) async -> Void

    init(store: TerminalStore, committed: @escaping @Sendable ([CommittedPositions]) async -> Void = { _ in }) {
        self.store = store
        self.committed = committed
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Hands a report over; `completion` runs (on the commit loop) once its positions are committed, with the store's
    /// error, or with `gateway_stopping` after ``finish()``. Never waits.
    func submit(_ report: CommittedPositions, completion: @escaping Completion) {
        let accepted = state.withLock { state in
            guard !state.finished else { return false }
            state.waiting.append(Waiter(report: report, completion: completion))
            return true
        }
        if accepted {
            signal.yield()
        } else {
            completion(.failure(StoreError(code: "gateway_stopping", reason: "the JT/T 808 gateway is stopping")))
        }
    }

    /// Returns once the report's positions are committed; throws as ``submit(_:completion:)`` completes.
    func commit(_ report: CommittedPositions) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            submit(report) { continuation.resume(with: $0) }
        }
    }

    /// The commit loop; returns after ``finish()``, failing whatever was still waiting.
    func run() async {
        for await _ in signals {
            while true {
                let group = state.withLock { state in
                    defer { state.waiting = [] }
                    return state.waiting
                }
                if group.isEmpty { break }
                do {
                    try await store.persist(group.flatMap(\.report.positions))
                } catch {
                    var stored: [CommittedPositions] = []
                    for waiter in group {
                        do {
                            try await store.persist(waiter.report.positions)
                            stored.append(waiter.report)
                            waiter.completion(.success(()))
                        } catch {
                            waiter.completion(.failure(error))
                        }
                    }
                    await committed(stored)
                    continue
                }
                for waiter in group { waiter.completion(.success(())) }
                await committed(group.map(\.report))
            }
        }
        let left = state.withLock { state in
            state.finished = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in left { waiter.completion(.failure(StoreError(code: "gateway_stopping", reason: "the JT/T 808 gateway stopped"))) }
    }

    /// Refuses new positions and lets ``run()`` end once it has committed what it holds.
    func finish() {
        state.withLock { $0.finished = true }
        signal.finish()
    }
}
