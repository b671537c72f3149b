/// The client feed's reconnect schedule (a pure value; the caller sleeps).
///
/// Delays grow from `initialDelay` by `multiplier` per failed attempt up to `maximumDelay` (1 s, 2 s, 4 s … 60 s
/// by default); each is shortened at random by up to `jitter` of itself, so many nodes restarted together do not
/// reconnect in lockstep. A connection that lasted at least `healthyAfter` resets the schedule.
public struct AISFeedBackoff: Sendable {
    /// The schedule's parameters.
    public struct Configuration: Sendable, Hashable {
        /// The first delay (default 1 s).
        public var initialDelay: Duration
        /// The longest delay (default 60 s).
        public var maximumDelay: Duration
        /// Growth per failed attempt (default 2).
        public var multiplier: Double
        /// Fraction of each delay removed at random, 0–1 (default 0.2).
        public var jitter: Double
        /// A connection that lasted this long was healthy: the next delay starts again at `initialDelay` (default 30 s).
        public var healthyAfter: Duration

        /// Creates a schedule; every parameter has the documented default.
        public init(
            initialDelay: Duration = .seconds(1), maximumDelay: Duration = .seconds(60), multiplier: Double = 2,
            jitter: Double = 0.2, healthyAfter: Duration = .seconds(30)
        ) {
            self.initialDelay = initialDelay
            self.maximumDelay = maximumDelay
            self.multiplier = multiplier
            self.jitter = jitter
            self.healthyAfter = healthyAfter
        }
    }

    /// The schedule's parameters.
    public let configuration: Configuration
    /// Attempts since the last healthy connection (or the start) that did not give one.
    public private(set) var consecutiveFailures = 0

    /// Creates a schedule at its start.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The delay before the next attempt, after one that failed to connect (`lasted` nil) or whose connection
    /// lasted `lasted`.
    public mutating func delay(afterConnectionLasting lasted: Duration?, using generator: inout some RandomNumberGenerator) -> Duration {
        if let lasted, lasted >= configuration.healthyAfter { consecutiveFailures = 0 }
        let maximum = Self.seconds(configuration.maximumDelay)
        var delay = min(Self.seconds(configuration.initialDelay), maximum)
        for _ in 0..<min(consecutiveFailures, 64) where delay < maximum {
            delay = min(delay * max(configuration.multiplier, 1), maximum)
        }
        consecutiveFailures += 1
        let jitter = min(max(configuration.jitter, 0), 1)
        let shortened = jitter > 0 ? delay * (1 - jitter * Double.random(in: 0..<1, using: &generator)) : delay
        return .milliseconds(Int64((shortened * 1000).rounded()))
    }

    /// The delay before the next attempt, with the system's random numbers.
    public mutating func delay(afterConnectionLasting lasted: Duration?) -> Duration {
        var generator = SystemRandomNumberGenerator()
        return delay(afterConnectionLasting: lasted, using: &generator)
    }

    /// A duration in seconds.
    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
