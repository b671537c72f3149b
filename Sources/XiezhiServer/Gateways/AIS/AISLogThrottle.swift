import Synchronization

/// One visible log line per kind of event per interval; the rest are counted and go to debug.
///
/// Bad input comes in storms (a feed spewing binary junk, a receiver reconnecting every second); the counters
/// carry the volume, the log carries one example per kind and how many were held back since the last one.
struct AISLogThrottle: Sendable {
    private struct Entry: Sendable {
        var loggedAt: ContinuousClock.Instant
        var suppressed: Int
    }

    /// The shortest time between two visible lines of one kind.
    let interval: Duration
    private var entries: [String: Entry] = [:]

    /// Creates a throttle that has logged nothing.
    init(interval: Duration) {
        self.interval = interval
    }

    /// For an event of kind `key` at `now`: the number of events held back since the last visible one when this one
    /// should be logged visibly, nil when it should go to debug.
    mutating func admit(_ key: String, at now: ContinuousClock.Instant = .now) -> Int? {
        if var entry = entries[key], now - entry.loggedAt < interval {
            entry.suppressed += 1
            entries[key] = entry
            return nil
        }
        let suppressed = entries[key]?.suppressed ?? 0
        entries[key] = Entry(loggedAt: now, suppressed: 0)
        return suppressed
    }
}

extension AISLogThrottle {
    /// A throttle shared by concurrent tasks (a listener's connections).
    final class Shared: Sendable {
        private let throttle: Mutex<AISLogThrottle>

        init(interval: Duration) {
            throttle = Mutex(AISLogThrottle(interval: interval))
        }

        /// See ``AISLogThrottle/admit(_:at:)``.
        func admit(_ key: String) -> Int? {
            throttle.withLock { $0.admit(key) }
        }
    }
}
