import Foundation

/// China Standard Time (UTC+8, no daylight saving). Times are stored in UTC; day-counted legal periods
/// ("within 7 days", "15 days to pay") are counted in calendar days in China time, and shown in China time.
public enum ChinaTime {
    /// UTC+8 in seconds: fixed, China has not used daylight saving since 1991.
    public static let offsetSeconds = 8 * 3600
    public static let timeZone = TimeZone(secondsFromGMT: offsetSeconds)!

    public static var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }

    /// The end (23:59:59.999 China time) of the day that is `days` calendar days after `date`'s China date.
    ///
    /// A period of N days that starts on day D ends at the end of day D+N (the start day is not counted),
    /// the usual rule for periods in Chinese procedural law.
    public static func endOfDay(_ days: Int, after date: Date) -> Date {
        let calendar = calendar
        let startOfDay = calendar.startOfDay(for: date)
        let nextDay = calendar.date(byAdding: .day, value: days + 1, to: startOfDay)!
        return nextDay.addingTimeInterval(-0.001)
    }

    /// Whole China calendar days from `from` to `to` (negative when `to` is earlier).
    public static func calendarDays(from: Date, to: Date) -> Int {
        let calendar = calendar
        return calendar.dateComponents([.day], from: calendar.startOfDay(for: from), to: calendar.startOfDay(for: to)).day!
    }

    /// `yyyy-MM-dd HH:mm` in China time, for documents and the console.
    public static func format(_ date: Date, withTime: Bool = true) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { let v = value ?? 0; return v < 10 ? "0\(v)" : "\(v)" }
        let day = "\(parts.year!)-\(two(parts.month))-\(two(parts.day))"
        return withTime ? "\(day) \(two(parts.hour)):\(two(parts.minute))" : day
    }

    /// `2024年3月5日` for formal documents.
    public static func formatChineseDate(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return "\(parts.year!)年\(parts.month!)月\(parts.day!)日"
    }
}
