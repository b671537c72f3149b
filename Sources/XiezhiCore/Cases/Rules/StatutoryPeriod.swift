import Foundation

/// A legal time period read from the rule tables ("within 7 days", "3 months", "24 hours"), with its citation.
///
/// Day, month and year periods follow the usual rule of Chinese procedural law: the start day is not counted
/// and the period ends at the end (23:59:59.999, China time) of its last day (see ``ChinaTime``). Hour periods
/// run from the exact instant. Working-day periods (行政处罚法 第八十五条: the law's 二日、三日、五日、七日 are
/// working days, without statutory holidays) count the days of the node's ``WorkCalendar``.
public struct StatutoryPeriod: Hashable, Codable, Sendable {
    /// The number of units, e.g. `90`.
    public var amount: Int
    /// The unit of `amount`.
    public var unit: Unit
    /// The article the period comes from, with its confidence.
    public var citation: Citation
    /// What the data keeper wants a reader to know (doubts, local practice); may be empty.
    public var note: String?

    /// The unit of a period.
    public enum Unit: String, Codable, Sendable {
        case hours, days, workingDays, months, years
    }

    /// Creates the value with every field given.
    public init(amount: Int, unit: Unit, citation: Citation, note: String? = nil) {
        self.amount = amount
        self.unit = unit
        self.citation = citation
        self.note = note
    }

    /// The instant the period ends when it starts at `start` (working days counted in `calendar`).
    public func end(after start: Date, calendar: WorkCalendar) -> Date {
        switch unit {
        case .hours:
            return start.addingTimeInterval(TimeInterval(amount) * 3600)
        case .days:
            return ChinaTime.endOfDay(amount, after: start)
        case .workingDays:
            return calendar.endOfWorkingDays(amount, after: start)
        case .months, .years:
            let component: Calendar.Component = unit == .months ? .month : .year
            let shifted = ChinaTime.calendar.date(byAdding: component, value: amount, to: start) ?? start
            return ChinaTime.endOfDay(0, after: shifted)
        }
    }

    /// `90 days`, `3 months`, `24 hours`: the period in refusal reasons.
    public var englishText: String {
        let name: String
        switch unit {
        case .hours: name = "hour"
        case .days: name = "day"
        case .workingDays: name = "working day"
        case .months: name = "month"
        case .years: name = "year"
        }
        return "\(amount) \(name)\(amount == 1 ? "" : "s")"
    }

    /// `90日`, `3个月`, `24小时`: the period as printed in Chinese documents.
    public var chineseText: String {
        switch unit {
        case .hours: "\(amount)小时"
        case .days: "\(amount)日"
        case .workingDays: "\(amount)个工作日"
        case .months: "\(amount)个月"
        case .years: "\(amount)年"
        }
    }
}

extension StatutoryPeriod {
    /// Whether `later` is at least this period after `earlier` ("notify 7 days before": 7 China calendar days
    /// between the two dates, for day periods; `later` on or after the day the period ends, for working days).
    func isAtLeast(from earlier: Date, to later: Date, calendar: WorkCalendar) -> Bool {
        switch unit {
        case .days:
            return ChinaTime.calendarDays(from: earlier, to: later) >= amount
        case .workingDays:
            return ChinaTime.calendarDays(from: end(after: earlier, calendar: calendar), to: later) >= 0
        case .hours:
            return later.timeIntervalSince(earlier) >= TimeInterval(amount) * 3600
        case .months, .years:
            let component: Calendar.Component = unit == .months ? .month : .year
            let bound = ChinaTime.calendar.date(byAdding: component, value: amount, to: earlier) ?? earlier
            return later >= bound
        }
    }
}
