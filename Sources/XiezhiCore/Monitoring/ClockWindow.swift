import Foundation

/// A daily window of China clock time (北京时间), start included, end excluded; it may run over midnight
/// (`22:00`–`06:00`).
///
/// Positions carry UTC instants; the window is read in ``ChinaTime`` so that 02:00 means 02:00 in China
/// (18:00 UTC the day before).
public struct ClockWindow: Hashable, Sendable, CustomStringConvertible {
    /// Minutes after midnight, China time, 0–1439: the first minute in the window.
    public var startMinute: Int
    /// Minutes after midnight, China time, 0–1439: the first minute after the window.
    public var endMinute: Int

    /// A window from `startMinute` to `endMinute`; `nil` when either is outside 0–1439 or they are equal.
    public init?(startMinute: Int, endMinute: Int) {
        guard (0..<1440).contains(startMinute), (0..<1440).contains(endMinute), startMinute != endMinute else { return nil }
        self.startMinute = startMinute
        self.endMinute = endMinute
    }

    /// Whether the window runs over midnight (its end is earlier in the day than its start).
    public var crossesMidnight: Bool { endMinute < startMinute }

    /// Whether `date` falls inside the window, in China time (to the second: 05:00:00 is outside a window ending at
    /// 05:00).
    public func contains(_ date: Date) -> Bool {
        let seconds = Self.secondsOfDay(date)
        let start = startMinute * 60
        let end = endMinute * 60
        return crossesMidnight ? (seconds >= start || seconds < end) : (seconds >= start && seconds < end)
    }

    /// When the occurrence of the window holding `date` began (UTC), or `nil` when `date` is outside the window.
    public func occurrenceStart(containing date: Date) -> Date? {
        guard contains(date) else { return nil }
        let calendar = ChinaTime.calendar
        var day = calendar.startOfDay(for: date)
        if crossesMidnight, Self.secondsOfDay(date) < endMinute * 60 {
            day = calendar.date(byAdding: .day, value: -1, to: day)!
        }
        return day.addingTimeInterval(TimeInterval(startMinute * 60))
    }

    /// `22:00–06:00`.
    public var description: String { "\(Self.clock(startMinute))–\(Self.clock(endMinute))" }

    /// `HH:mm` for minutes after midnight.
    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return "\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }

    /// Reads `HH:mm` (two digits each, 00:00–23:59) as minutes after midnight.
    static func minutes(fromClock text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(IdentifierText.isDigit) }),
              let hours = Int(parts[0]), let minutes = Int(parts[1]), hours < 24, minutes < 60
        else { return nil }
        return hours * 60 + minutes
    }

    /// Seconds since China midnight.
    static func secondsOfDay(_ date: Date) -> Int {
        let parts = ChinaTime.calendar.dateComponents([.hour, .minute, .second], from: date)
        return parts.hour! * 3600 + parts.minute! * 60 + parts.second!
    }
}
