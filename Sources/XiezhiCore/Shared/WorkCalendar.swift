import Foundation

/// Working days (工作日) in China time: Monday to Friday, without the statutory holidays the State Council announces
/// each year, plus the weekend days it makes working days (调休上班). Years the table does not list count weekends only,
/// so a deadline in such a year can come a few days early around a holiday, never late. Pure: built from
/// `work-calendar.json`.
public struct WorkCalendar: Sendable, Hashable, Codable {
    /// One year's announcement.
    public struct Year: Codable, Sendable, Hashable {
        public var year: Int
        public var citation: Citation
        public var holidays: [Holiday]
        /// Weekend days that are working days (调休上班), `yyyy-MM-dd`.
        public var workdays: [String]
    }

    /// A holiday, both ends included (`yyyy-MM-dd`, China days).
    public struct Holiday: Codable, Sendable, Hashable {
        public var name: String
        public var from: String
        public var to: String
    }

    public let years: [Year]
    /// Holiday days and make-up working days, as China days (`yyyy-MM-dd`).
    let offDays: Set<String>
    let makeUpDays: Set<String>

    /// A calendar that knows no holidays (Monday to Friday).
    public static let weekendsOnly = WorkCalendar(checked: [])

    /// Decodes `work-calendar.json`; refuses malformed dates, a holiday that ends before it starts, or a make-up
    /// working day that is not a weekend day or lies outside its year.
    public init(json: Data) throws {
        struct File: Decodable { var years: [Year] }
        let file: File
        do { file = try JSONDecoder().decode(File.self, from: json) } catch {
            throw DomainError(code: "invalid_rule_table", reason: "work-calendar.json does not decode: \(error)")
        }
        for year in file.years {
            for holiday in year.holidays {
                guard let from = Self.day(holiday.from), let to = Self.day(holiday.to), from <= to,
                      holiday.from.hasPrefix("\(year.year)-") || holiday.to.hasPrefix("\(year.year)-") else {
                    throw DomainError(code: "invalid_rule_table", reason: "work-calendar.json: holiday \(holiday.name) \(holiday.from)–\(holiday.to) of \(year.year) is not a date range in that year")
                }
            }
            for workday in year.workdays {
                guard let date = Self.day(workday), workday.hasPrefix("\(year.year)-"), Self.isWeekend(date) else {
                    throw DomainError(code: "invalid_rule_table", reason: "work-calendar.json: make-up working day \(workday) of \(year.year) must be a Saturday or Sunday of that year")
                }
            }
        }
        self.init(checked: file.years)
    }

    init(checked years: [Year]) {
        self.years = years
        var off = Set<String>()
        for holiday in years.flatMap(\.holidays) {
            guard var day = Self.day(holiday.from), let last = Self.day(holiday.to) else { continue }
            while day <= last {
                off.insert(Self.text(day))
                day = ChinaTime.calendar.date(byAdding: .day, value: 1, to: day)!
            }
        }
        offDays = off
        makeUpDays = Set(years.flatMap(\.workdays))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(checked: try container.decode([Year].self, forKey: .years))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(years, forKey: .years)
    }

    enum CodingKeys: String, CodingKey { case years }

    /// Whether the China day of `date` is a working day.
    public func isWorkingDay(_ date: Date) -> Bool {
        let key = Self.text(date)
        if makeUpDays.contains(key) { return true }
        if offDays.contains(key) { return false }
        return !Self.isWeekend(date)
    }

    /// Whether the table lists the year of `date`'s China day.
    public func covers(_ date: Date) -> Bool {
        let year = ChinaTime.calendar.component(.year, from: date)
        return years.contains { $0.year == year }
    }

    /// The end (23:59:59.999 China time) of the `count`-th working day after `date`'s China day.
    public func endOfWorkingDays(_ count: Int, after date: Date) -> Date {
        let calendar = ChinaTime.calendar
        var day = calendar.startOfDay(for: date)
        var remaining = count
        while remaining > 0 {
            day = calendar.date(byAdding: .day, value: 1, to: day)!
            if isWorkingDay(day) { remaining -= 1 }
        }
        return calendar.date(byAdding: .day, value: 1, to: day)!.addingTimeInterval(-0.001)
    }

    static func isWeekend(_ date: Date) -> Bool {
        let weekday = ChinaTime.calendar.component(.weekday, from: date)  // 1 Sunday … 7 Saturday
        return weekday == 1 || weekday == 7
    }

    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3, text.count == 10 else { return nil }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2])
        guard let date = ChinaTime.calendar.date(from: components), text == Self.text(date) else { return nil }
        return date
    }

    static func text(_ date: Date) -> String {
        let parts = ChinaTime.calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
    }
}
