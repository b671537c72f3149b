import Foundation
import Testing
import XiezhiData
@testable import XiezhiCore

/// Working days with the State Council's holiday table (`work-calendar.json`), checked against the published 2026
/// arrangement by hand.
@Suite struct WorkCalendarTests {
    static func bundled() throws -> WorkCalendar { try WorkCalendar(json: try BundledData.rulesFile("work-calendar.json")) }

    /// Noon China time on a day.
    func day(_ text: String) throws -> Date {
        try #require(WorkCalendar.day(text)).addingTimeInterval(12 * 3600)
    }

    func endDay(_ date: Date) -> String { WorkCalendar.text(date) }

    @Test func springFestivalAndItsMakeUpSaturdays() throws {
        let calendar = try Self.bundled()
        // 2026: 春节 15–23 February off; Saturday 14 and Saturday 28 February are working days.
        #expect(calendar.isWorkingDay(try day("2026-02-14")))
        #expect(!calendar.isWorkingDay(try day("2026-02-16")))
        #expect(!calendar.isWorkingDay(try day("2026-02-23")))
        #expect(calendar.isWorkingDay(try day("2026-02-24")))
        #expect(calendar.isWorkingDay(try day("2026-02-28")))
        // Referred on Friday 13 February with 3 working days: Saturday 14 (make-up), then 24 and 25 February.
        #expect(endDay(calendar.endOfWorkingDays(3, after: try day("2026-02-13"))) == "2026-02-25")
        // Weekends only would have said Wednesday 18 February, in the middle of the holiday.
        #expect(endDay(WorkCalendar.weekendsOnly.endOfWorkingDays(3, after: try day("2026-02-13"))) == "2026-02-18")
    }

    @Test func nationalDayWeekAndOrdinaryWeeks() throws {
        let calendar = try Self.bundled()
        // Order 62 Art. 44's 7 working days from Wednesday 30 September 2026: 8, 9, 10 (Saturday, make-up), 12–15 October.
        #expect(endDay(calendar.endOfWorkingDays(7, after: try day("2026-09-30"))) == "2026-10-15")
        // An ordinary Thursday: 3 working days end on Tuesday.
        #expect(endDay(calendar.endOfWorkingDays(3, after: try day("2026-11-19"))) == "2026-11-24")
        // The period ends at the last millisecond of its China day.
        let end = calendar.endOfWorkingDays(1, after: try day("2026-11-19"))
        #expect(ChinaTime.calendar.component(.hour, from: end) == 23 && endDay(end.addingTimeInterval(0.001)) == "2026-11-21")
        let lastDay = try day("2026-12-31"), nextYear = try day("2027-01-01")
        #expect(calendar.covers(lastDay) && !calendar.covers(nextYear))
    }

    @Test func aMalformedTableIsRefusedWithTheReason() throws {
        func refusal(_ json: String) -> String? {
            do { _ = try WorkCalendar(json: Data(json.utf8)); return nil } catch let error as DomainError { return error.reason } catch { return "\(error)" }
        }
        let citation = #"{"law":"x","article":"y","confidence":"text"}"#
        #expect(refusal(#"{"years":[{"year":2026,"citation":\#(citation),"holidays":[{"name":"春节","from":"2026-02-23","to":"2026-02-15"}],"workdays":[]}]}"#)?.contains("春节") == true)
        #expect(refusal(#"{"years":[{"year":2026,"citation":\#(citation),"holidays":[],"workdays":["2026-02-16"]}]}"#)?.contains("Saturday or Sunday") == true)
        #expect(refusal(#"{"years":[{"year":2026,"citation":\#(citation),"holidays":[],"workdays":["2026-02-30"]}]}"#) != nil)
    }
}
