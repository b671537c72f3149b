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
}
