import Foundation
import XiezhiCore

/// Timestamps are stored as UTC ISO 8601 text with milliseconds (`2024-03-05T01:02:03.456Z`): sortable as text,
/// exact, and the same bytes in the audit hash on every platform.
public enum Timestamp {
    public static func format(_ date: Date) -> String {
        UTCTimeText.withMilliseconds(date)
    }

    /// Reads the stored form fast (`UTCTimeText.parse`), any other ISO 8601 form through Foundation.
    public static func parse(_ text: String) -> Date? {
        UTCTimeText.parse(text) ?? (try? style.parse(text))
    }

    private static let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
}
