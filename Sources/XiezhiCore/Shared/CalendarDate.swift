import Foundation

/// A calendar day with no time and no zone (a birth date, a registration date), in the Gregorian calendar.
public struct CalendarDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The year, e.g. `1949`.
    public let year: Int
    /// The month, 1–12.
    public let month: Int
    /// The day of the month, 1–31.
    public let day: Int

    /// A day that exists in the Gregorian calendar (leap years counted); `nil` for e.g. 2023-02-29 or month 13.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `yyyy-MM-dd`; `nil` if the text is not that or not a real day.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(IdentifierText.isDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `1949-12-31`.
    public var description: String {
        let month = month < 10 ? "0\(month)" : "\(month)"
        let day = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(month)-\(day)"
    }

    /// The first instant of this day in China time (``ChinaTime``), as a UTC `Date`.
    public var startInChina: Date {
        Date(timeIntervalSince1970: Double(CivilDays.days(year: year, month: month, day: day)) * 86_400 - Double(ChinaTime.offsetSeconds))
    }

    /// The China (UTC+8) calendar day of an instant.
    public init(chinaDateOf date: Date) {
        let seconds = Int64((date.timeIntervalSince1970).rounded(.down)) + Int64(ChinaTime.offsetSeconds)
        (year, month, day) = CivilDays.date(days: Int(CivilDays.floorDiv(seconds, 86_400)))
    }

    /// The day `days` calendar days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        let (year, month, day) = CivilDays.date(days: CivilDays.days(year: year, month: month, day: day) + days)
        return CalendarDate(checkedYear: year, month: month, day: day)
    }

    /// Days from this date to `other` (negative when `other` is earlier).
    public func days(to other: CalendarDate) -> Int {
        CivilDays.days(year: other.year, month: other.month, day: other.day) - CivilDays.days(year: year, month: month, day: day)
    }

    private init(checkedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Orders by year, month, day.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `yyyy-MM-dd`; anything else is refused with `invalid_date`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DomainError(code: "invalid_date", reason: "'\(text)' is not a calendar date in the form yyyy-MM-dd.")
        }
        self = date
    }

    /// Encodes `yyyy-MM-dd`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11:
            return 30
        default:
            return 31
        }
    }
}
