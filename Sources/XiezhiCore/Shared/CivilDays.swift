import Foundation

/// Day arithmetic on the proleptic Gregorian calendar without `Calendar`: days since 1970-01-01 ⇄ (year, month,
/// day), after Howard Hinnant's `days_from_civil` / `civil_from_days`.
///
/// Decision: China time is a fixed UTC+8 (``ChinaTime/timeZone``), so the China day of an instant is plain integer
/// arithmetic; `Calendar` costs microseconds per call and sits on the hot path of every weigh record and every
/// stored timestamp. Tests hold this against `Calendar` over a wide range of days. `JT808BCDTime` in XiezhiWire
/// carries the same two formulas: the codec target depends on nothing of the domain, and a shared target for
/// nine lines of arithmetic would cost more than it saves.
enum CivilDays {
    /// Days since 1970-01-01 of a Gregorian date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The Gregorian date of a day count since 1970-01-01.
    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Floor division for negative instants.
    static func floorDiv(_ value: Int64, _ divisor: Int64) -> Int64 {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}

/// UTC ISO 8601 text of an instant, `2024-03-05T01:02:03.456Z`, written by integer arithmetic.
///
/// Milliseconds are the instant rounded to the nearest millisecond, so text → `Date` → text gives the same text
/// (Foundation's `ISO8601FormatStyle` truncates the binary fraction and turns a parsed `.779` into `.778`).
public enum UTCTimeText {
    /// With milliseconds (`.sss`) always.
    public static func withMilliseconds(_ date: Date) -> String {
        format(milliseconds: roundedMilliseconds(date), fraction: true)
    }

    /// With milliseconds only when the instant is not on a whole second (`2024-05-01T00:30:00Z`).
    public static func compact(_ date: Date) -> String {
        let milliseconds = roundedMilliseconds(date)
        return format(milliseconds: milliseconds, fraction: milliseconds % 1000 != 0)
    }

    static func roundedMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    static func format(milliseconds: Int64, fraction: Bool) -> String {
        let dayCount = CivilDays.floorDiv(milliseconds, 86_400_000)
        let msOfDay = Int(milliseconds - dayCount * 86_400_000)
        let (year, month, day) = CivilDays.date(days: Int(dayCount))
        var bytes = [UInt8]()
        bytes.reserveCapacity(24)
        func digits(_ value: Int, _ count: Int) {
            var divisor = 1
            for _ in 1..<count { divisor *= 10 }
            var rest = value
            while divisor > 0 {
                bytes.append(UInt8(48 + rest / divisor))
                rest %= divisor
                divisor /= 10
            }
        }
        digits(year, 4)
        bytes.append(45)
        digits(month, 2)
        bytes.append(45)
        digits(day, 2)
        bytes.append(84)
        digits(msOfDay / 3_600_000, 2)
        bytes.append(58)
        digits(msOfDay / 60_000 % 60, 2)
        bytes.append(58)
        digits(msOfDay / 1000 % 60, 2)
        if fraction {
            bytes.append(46)
            digits(msOfDay % 1000, 3)
        }
        bytes.append(90)
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension UTCTimeText {
    /// Reads exactly `yyyy-MM-ddTHH:mm:ssZ` or `yyyy-MM-ddTHH:mm:ss.sssZ` (what this type writes); `nil` for
    /// anything else, including impossible dates and times.
    public static func parse(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 20 || bytes.count == 24, bytes[4] == 45, bytes[7] == 45, bytes[10] == 84, bytes[13] == 58, bytes[16] == 58,
                  bytes[bytes.count - 1] == 90
            else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for index in from..<(from + count) {
                    let byte = bytes[index]
                    guard byte >= 48, byte <= 57 else { return nil }
                    value = value * 10 + Int(byte - 48)
                }
                return value
            }
            guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2), let hour = number(11, 2), let minute = number(14, 2),
                  let second = number(17, 2), CalendarDate(year: year, month: month, day: day) != nil, hour < 24, minute < 60, second < 60
            else { return nil }
            var milliseconds = 0
            if bytes.count == 24 {
                guard bytes[19] == 46, let fraction = number(20, 3) else { return nil }
                milliseconds = fraction
            }
            let total = Int64(CivilDays.days(year: year, month: month, day: day)) * 86_400_000
                + Int64(((hour * 60 + minute) * 60 + second) * 1000 + milliseconds)
            return Date(timeIntervalSince1970: Double(total) / 1000)
        }
    }
}
