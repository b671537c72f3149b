import Foundation
import Synchronization
import XiezhiCore
import XiezhiStore

/// Group commit of JT/T 808 positions across connections (组提交): each connection hands over the positions of a report
/// and waits; one loop commits everything handed over since its last commit in a single transaction (one WAL sync) and
/// then wakes every waiter. A connection's 0x8001 still goes out only after its positions are committed, so
/// "acknowledged ⇒ durable" holds; what changes is that a thousand reports cost one commit, not a thousand.
///
/// If a group's transaction fails, each waiter's positions are retried alone, so one bad report cannot fail the others.
final class JT808PositionCommitter: Sendable {
    private struct Waiter {
        var positions: [VehiclePosition]
        var continuation: CheckedContinuation<Void, any Error>
    }

    private struct State {
        var waiting: [Waiter] = []
        var finished = false
    }

    private let state = Mutex(State())
    private let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation
    let store: TerminalStore

    init(store: TerminalStore) {
        self.store = store
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Returns once `positions` are committed; throws the store's error, or `gateway_stopping` after ``finish()``.
    func commit(_ positions: [VehiclePosition]) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            let accepted = state.withLock { state in
                guard !state.finished else { return false }
                state.waiting.append(Waiter(positions: positions, continuation: continuation))
                return true
            }
            if accepted {
                signal.yield()
            } else {
                continuation.resume(throwing: StoreError(code: "gateway_stopping", reason: "the JT/T 808 gateway is stopping"))
            }
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
                    try await store.persist(group.flatMap(\.positions))
                    for waiter in group { waiter.continuation.resume() }
                } catch {
                    for waiter in group {
                        do {
                            try await store.persist(waiter.positions)
                            waiter.continuation.resume()
                        } catch {
                            waiter.continuation.resume(throwing: error)
                        }
                    }
                }
            }
        }
        let left = state.withLock { state in
            state.finished = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for waiter in left { waiter.continuation.resume(throwing: StoreError(code: "gateway_stopping", reason: "the JT/T 808 gateway stopped")) }
    }

    /// Refuses new positions and lets ``run()`` end once it has committed what it holds.
    func finish() {
        state.withLock { $0.finished = true }
        signal.finish()
    }
}
