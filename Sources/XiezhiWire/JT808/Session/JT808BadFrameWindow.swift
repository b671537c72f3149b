import Foundation

/// Counts bad frames in a sliding time window: a few are normal radio noise, a flood means junk.
///
/// Keeps the times of the last `limit + 1` bad frames (a fixed ring); a flood is `limit + 1` of them
/// within `window` seconds.
struct JT808BadFrameWindow: Sendable {
    /// Bad frames tolerated within `window`.
    let limit: Int
    /// The window, in seconds.
    let window: TimeInterval
    private var times: [Date] = []
    private var oldestSlot = 0

    init(limit: Int, window: TimeInterval) {
        self.limit = max(0, limit)
        self.window = window
    }

    /// Records a bad frame at `date`; true when it is more than `limit` within the window.
    mutating func record(at date: Date) -> Bool {
        let capacity = limit + 1
        if times.count < capacity {
            times.append(date)
        } else {
            times[oldestSlot] = date
            oldestSlot = (oldestSlot + 1) % capacity
        }
        guard times.count == capacity else { return false }
        return date.timeIntervalSince(times[oldestSlot]) <= window
    }
}
