import Foundation

/// The median of a set of durations, in hours (the mean of the two middle values when the count is even), or nil
/// when there are none. Rounded to 0.1 h.
public func medianHours(_ durations: [TimeInterval]) -> Double? {
    guard !durations.isEmpty else { return nil }
    let sorted = durations.sorted()
    let middle = sorted.count / 2
    let seconds = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    return (seconds / 360).rounded() / 10
}
