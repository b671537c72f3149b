import Foundation

/// At most one sighting per entry per sensor within ``interval``: a truck's own terminal reports every 30 s and a ship's
/// AIS every few seconds, and the flagging agency wants to know where it is, not a thousand alerts.
public struct SightingThrottle: Sendable {
    /// 30 minutes. Not a legal number (no rule fixes how often a flagged vehicle is reported); an operational choice:
    /// long enough that a vehicle driving past or a ship lying at a checkpoint gives one alert, short enough that
    /// the flagging agency sees it again when it turns up later the same day.
    public static let defaultInterval: TimeInterval = 30 * 60

    public let interval: TimeInterval
    private var last: [String: Date] = [:]

    public init(interval: TimeInterval = defaultInterval) {
        self.interval = interval
    }

    /// Whether a sighting of `entry` by `sensor` at `time` is new enough to record; records it when it is. A time
    /// earlier than the last one recorded (a terminal's stored-up positions) is not.
    public mutating func admit(entry: String, sensor: String, at time: Date) -> Bool {
        let key = "\(entry)\u{1F}\(sensor)"
        if let previous = last[key], time.timeIntervalSince(previous) < interval { return false }
        last[key] = time
        return true
    }

    /// Remembers a sighting recorded before (the store's latest per entry and sensor, read at start-up).
    public mutating func remember(entry: String, sensor: String, at time: Date) {
        let key = "\(entry)\u{1F}\(sensor)"
        last[key] = max(last[key] ?? time, time)
    }

    /// Forgets the entries not in `keep` (withdrawn or lapsed ones).
    public mutating func retain(entries keep: Set<String>) {
        last = last.filter { keep.contains(String($0.key.prefix { $0 != "\u{1F}" })) }
    }
}
