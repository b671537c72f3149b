import Hummingbird
import XiezhiCore

/// A China calendar date from a query parameter (`yyyy-MM-dd`), or the default when absent; a malformed date is a
/// 400 problem naming the parameter.
enum QueryDate {
    static func day(_ query: Parameters, _ name: String, default value: CalendarDate) throws -> CalendarDate {
        guard let text = query.get(name) else { return value }
        guard let parsed = CalendarDate(iso: text) else { throw Problem.badRequest("invalid_query", "'\(name)' must be a date yyyy-MM-dd") }
        return parsed
    }

    /// A report period from `from` and `to` (inclusive China dates; default the year of `today` up to `today`): `from`
    /// not after `to`, at most five years, else a 400 problem.
    static func period(_ query: Parameters, today: CalendarDate) throws -> (from: CalendarDate, to: CalendarDate) {
        let from = try day(query, "from", default: CalendarDate(year: today.year, month: 1, day: 1)!)
        let to = try day(query, "to", default: today)
        guard from <= to, from.days(to: to) <= 366 * 5 else { throw Problem.badRequest("invalid_query", "'from' must not be after 'to', and the period at most five years") }
        return (from, to)
    }
}
