import Foundation
import Synchronization

/// A clock that can be pinned to a past time while the demo is seeded (so its cases have real histories spread
/// over weeks, and real clocks — some running, some overdue), and follows the real time otherwise.
public final class DemoClock: Sendable {
    private let pinned = Mutex<Date?>(nil)

    public init() {}

    public func now() -> Date { pinned.withLock { $0 } ?? Date() }

    /// Pins the clock to `date` (nil releases it to real time).
    public func pin(_ date: Date?) { pinned.withLock { $0 = date } }
}
