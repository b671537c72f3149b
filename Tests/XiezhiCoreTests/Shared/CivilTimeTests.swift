import Foundation
import Testing
@testable import XiezhiCore

/// The integer day arithmetic and the UTC text writer/reader agree with Foundation's `Calendar` and
/// `ISO8601FormatStyle` wherever Foundation is exact, and text → date → text is the identity.
@Suite struct CivilTimeTests {
    @Test func civilDaysAgreeWithTheGregorianCalendarFrom1600To2400() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let epoch = calendar.date(from: DateComponents(year: 1970, month: 1, day: 1))!
        for days in stride(from: -135_000, through: 157_000, by: 37) {
            let date = calendar.date(byAdding: .day, value: days, to: epoch)!
            let parts = calendar.dateComponents([.year, .month, .day], from: date)
            let civil = CivilDays.date(days: days)
            #expect(civil == (parts.year!, parts.month!, parts.day!), "day \(days)")
            #expect(CivilDays.days(year: civil.year, month: civil.month, day: civil.day) == days)
        }
    }

    @Test(arguments: [
        // (UTC instant, China date): 16:00 UTC is midnight in China.
        ("2026-03-04T15:59:59.999Z", "2026-03-04"), ("2026-03-04T16:00:00.000Z", "2026-03-05"),
        ("2024-02-28T16:00:00.000Z", "2024-02-29"), ("1969-12-31T16:00:00.000Z", "1970-01-01"), ("1969-12-31T15:59:59.000Z", "1969-12-31"),
    ])
    func chinaDateOfAnInstant(instant: String, day: String) throws {
        let date = try #require(UTCTimeText.parse(instant))
        #expect(CalendarDate(chinaDateOf: date).description == day)
        let viaCalendar = ChinaTime.calendar.dateComponents([.year, .month, .day], from: date)
        #expect(CalendarDate(year: viaCalendar.year!, month: viaCalendar.month!, day: viaCalendar.day!)?.description == day)
    }

    @Test func startInChinaAndAddingDaysAgreeWithCalendar() {
        var date = CalendarDate(year: 2023, month: 12, day: 25)!
        for step in [1, 7, 30, 366, -400, 59, -1] {
            let expected = ChinaTime.calendar.date(byAdding: .day, value: step, to: date.startInChina)!
            let next = date.adding(days: step)
            #expect(next.startInChina == expected)
            #expect(date.days(to: next) == step)
            #expect(ChinaTime.calendar.startOfDay(for: next.startInChina) == next.startInChina)
            date = next
        }
    }

    @Test func utcTextMatchesFoundationOnWholeMillisecondsAndRoundTrips() throws {
        let style = Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(identifier: "UTC")!)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            let milliseconds = Int64.random(in: -2_000_000_000_000...4_102_444_800_000, using: &generator)
            // Integer seconds plus a fraction Foundation holds exactly (multiples of 1/8 s) so both must agree.
            let exact = Date(timeIntervalSince1970: Double(milliseconds / 1000) + Double(Int.random(in: 0..<8, using: &generator)) / 8)
            #expect(UTCTimeText.withMilliseconds(exact) == exact.formatted(style))
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1000)
            let text = UTCTimeText.withMilliseconds(date)
            let parsed = try #require(UTCTimeText.parse(text))
            #expect(UTCTimeText.withMilliseconds(parsed) == text)
            #expect(abs(parsed.timeIntervalSince(date)) < 0.0005)
            #expect(abs(try style.parse(text).timeIntervalSince(parsed)) < 0.000_001)
        }
    }

    @Test func compactTextOmitsAWholeSecondsFraction() {
        #expect(UTCTimeText.compact(Date(timeIntervalSince1970: 1_767_225_600)) == "2026-01-01T00:00:00Z")
        #expect(UTCTimeText.compact(Date(timeIntervalSince1970: 1_767_225_600.25)) == "2026-01-01T00:00:00.250Z")
        #expect(UTCTimeText.compact(Date(timeIntervalSince1970: 1_767_225_599.9996)) == "2026-01-01T00:00:00Z")
    }

    @Test(arguments: ["2026-02-29T00:00:00Z", "2026-01-01T24:00:00Z", "2026-01-01T00:60:00Z", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00+08:00",
                      "2026-01-01T00:00:00.5Z", "2026-1-01T00:00:00Z", "", "2026-01-01T00:00:0aZ"])
    func parseRefusesAnythingButTheStoredForm(text: String) {
        #expect(UTCTimeText.parse(text) == nil)
    }

    @Test func jsonTextEscapesWhatJSONRequires() throws {
        var json = JSONText()
        json.beginArray()
        json.string("浙F·12345 \"quoted\" back\\slash\nline\u{01}")
        json.comma()
        json.double(80)
        json.comma()
        json.double(12.25)
        json.comma()
        json.double(.nan)
        json.endArray()
        #expect(json.string == #"["浙F·12345 \"quoted\" back\\slash\nline\u0001",80,12.25,null]"#)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.string.utf8)) as? [Any]
        #expect(decoded?.first as? String == "浙F·12345 \"quoted\" back\\slash\nline\u{01}")
    }
}
