import Foundation

/// A BCD[6] time `YY-MM-DD-hh-mm-ss` as carried on the wire, kept byte for byte.
///
/// 0x0200/0x0704 times are GMT+8 ("本标准中之后涉及的时间均采用此时区", 2013/2019 table 23); the 2019 0x8004
/// server time is UTC. The zone is not in the bytes, so `date(secondsFromGMT:)` takes it. Devices send
/// zeros or stale times: the raw bytes survive decoding even when they are not a valid date, and
/// `date(secondsFromGMT:)` then returns nil. Years are 2000–2099.
public struct JT808BCDTime: Hashable, Sendable, CustomStringConvertible {
    /// The six bytes, big-endian in the low 48 bits (`0x181015101010` is 2018-10-15 10:10:10).
    public var rawValue: UInt64

    /// The GMT+8 offset of 0x0200 times, in seconds.
    public static let chinaSecondsFromGMT = 8 * 3600

    /// Wraps six raw bytes (the low 48 bits of `rawValue`).
    public init(rawValue: UInt64) {
        self.rawValue = rawValue & 0xFFFF_FFFF_FFFF
    }

    /// Wraps six wire bytes.
    init(bytes: [UInt8]) {
        var raw: UInt64 = 0
        for byte in bytes.prefix(6) { raw = raw << 8 | UInt64(byte) }
        self.init(rawValue: raw)
    }

    /// The time from its wall-clock fields; nil when a field is out of range (year 2000–2099).
    public init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        guard (2000...2099).contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        var raw: UInt64 = 0
        for field in [year - 2000, month, day, hour, minute, second] {
            raw = raw << 8 | UInt64(JT808BCD.byte(field))
        }
        self.rawValue = raw
    }

    /// The wall-clock time of `date` in the zone `secondsFromGMT` east of UTC; nil outside 2000–2099.
    public init?(date: Date, secondsFromGMT: Int) {
        let seconds = Int((date.timeIntervalSince1970).rounded(.down)) + secondsFromGMT
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civil(fromDays: days)
        self.init(
            year: year, month: month, day: day,
            hour: secondOfDay / 3600, minute: secondOfDay / 60 % 60, second: secondOfDay % 60
        )
    }

    /// The six bytes in wire order.
    public var bytes: [UInt8] {
        (0..<6).map { UInt8(truncatingIfNeeded: rawValue >> (40 - 8 * UInt64($0))) }
    }

    /// Year, month, day, hour, minute, second as written; nil when a nibble is above 9.
    public var fields: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        var values: [Int] = []
        for byte in bytes {
            let high = Int(byte >> 4), low = Int(byte & 0x0F)
            guard high < 10, low < 10 else { return nil }
            values.append(high * 10 + low)
        }
        return (2000 + values[0], values[1], values[2], values[3], values[4], values[5])
    }

    /// The instant, reading the fields in the zone `secondsFromGMT` east of UTC; nil for an invalid date.
    public func date(secondsFromGMT: Int) -> Date? {
        guard let f = fields, (1...12).contains(f.month),
              (1...Self.daysInMonth(year: f.year, month: f.month)).contains(f.day),
              f.hour < 24, f.minute < 60, f.second < 60
        else { return nil }
        let days = Self.days(fromCivilYear: f.year, month: f.month, day: f.day)
        let seconds = days * 86_400 + f.hour * 3600 + f.minute * 60 + f.second - secondsFromGMT
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }

    /// `2018-10-15 10:10:10`, or the raw hex when a nibble is not decimal.
    public var description: String {
        guard let f = fields else {
            return bytes.map { JT808Hex.byte($0).dropFirst(2) }.joined()
        }
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(f.year)-\(two(f.month))-\(two(f.day)) \(two(f.hour)):\(two(f.minute)):\(two(f.second))"
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func days(fromCivilYear year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (`civil_from_days`).
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
