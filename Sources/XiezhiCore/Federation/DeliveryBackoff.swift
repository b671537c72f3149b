import Foundation

/// Retry delays for a partner that cannot be reached: exponential from ``initial``, doubling per failure, capped
/// at ``maximum``.
public struct DeliveryBackoff: Hashable, Sendable {
    public var initial: TimeInterval
    public var maximum: TimeInterval

    public init(initial: TimeInterval, maximum: TimeInterval) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// The delay after `failures` consecutive failures (1 → ``initial``).
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        let exponent = min(failures - 1, 40)
        return min(maximum, initial * pow(2, Double(exponent)))
    }
}
