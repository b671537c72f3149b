import Foundation
import NIOCore
import Testing
@testable import XiezhiWire

@Suite("JT/T 808 values: GBK text, BCD times, flags")
struct JT808ValueTests {
    @Test(
        "plates of the demo region round-trip through GBK",
        arguments: [
            ("浙F12345", "D5E34631323334 35"), ("沪A12345", "BBA64131323334 35"), ("苏E12345", "CBD54531323334 35"),
            ("粤A12345", "D4C14131323334 35"), ("测A1234", "B2E24131323334"), ("ABC123", "414243313233"),
        ]
    )
    func plates(text: String, hex: String) throws {
        let bytes = try #require(JT808Text.encode(text))
        #expect(bytes == hexBytes(hex))
        #expect(JT808Text.decode(bytes) == text)
    }

    @Test("GBK-only characters (outside GB 2312) encode; characters outside GBK do not")
    func gbkCoverage() {
        #expect(JT808Text.encode("堃") == [0x88, 0xD2])
        #expect(JT808Text.decode([0x88, 0xD2]) == "堃")
        #expect(JT808Text.encode("😀") == nil)
    }

    @Test("broken GBK from a device decodes leniently instead of failing")
    func lenientDecoding() {
        let text = JT808Text.decode([0xD5, 0xE3, 0xFF, 0x41])
        #expect(text.hasPrefix("浙"))
        #expect(text.hasSuffix("A"))
        #expect(JT808Text.decode([0x41, 0xD5]).hasPrefix("A"))
    }

    @Test("0x0200 time is GMT+8: 2018-10-15 10:10:10 is 02:10:10 UTC")
    func chinaTime() throws {
        let time = JT808BCDTime(rawValue: 0x18_10_15_10_10_10)
        #expect(time.bytes == [0x18, 0x10, 0x15, 0x10, 0x10, 0x10])
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let expected = calendar.date(from: DateComponents(year: 2018, month: 10, day: 15, hour: 2, minute: 10, second: 10))
        #expect(time.date(secondsFromGMT: JT808BCDTime.chinaSecondsFromGMT) == expected)
        #expect(JT808BCDTime(date: try #require(expected), secondsFromGMT: 8 * 3600) == time)
    }

    @Test("0x8004 is UTC: 2017-03-15 17:09:23 travels as 17 03 15 17 09 23")
    func serverTime() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = try #require(calendar.date(from: DateComponents(year: 2017, month: 3, day: 15, hour: 17, minute: 9, second: 23)))
        let answer = try #require(JT808ServerTime(date: date))
        #expect(hexString(try answer.encodedBody(version: .v2019)) == "170315170923")
        #expect(answer.date == date)
    }

    @Test("days are converted without a calendar across month ends and leap years")
    func calendarArithmetic() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for (year, month, day) in [(2000, 1, 1), (2000, 2, 29), (2023, 12, 31), (2024, 2, 29), (2024, 3, 1), (2099, 12, 31)] {
            let time = try #require(JT808BCDTime(year: year, month: month, day: day, hour: 23, minute: 59, second: 59))
            let expected = calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 23, minute: 59, second: 59))
            #expect(time.date(secondsFromGMT: 0) == expected)
            #expect(JT808BCDTime(date: try #require(expected), secondsFromGMT: 0) == time)
        }
    }

    @Test("invalid times keep their bytes: zeros, 2023-02-29, non-decimal nibbles")
    func invalidTimes() {
        #expect(JT808BCDTime(rawValue: 0).date(secondsFromGMT: 0) == nil)
        #expect(JT808BCDTime(rawValue: 0).description == "2000-00-00 00:00:00")
        #expect(JT808BCDTime(rawValue: 0x23_02_29_00_00_00).date(secondsFromGMT: 0) == nil)
        #expect(JT808BCDTime(year: 2023, month: 2, day: 29, hour: 0, minute: 0, second: 0) == nil)
        let garbage = JT808BCDTime(rawValue: 0xFF_FF_FF_FF_FF_FF)
        #expect(garbage.fields == nil)
        #expect(garbage.date(secondsFromGMT: 0) == nil)
        #expect(garbage.description == "FFFFFFFFFFFF")
    }

    @Test("status bits 8–9 are the load; hemisphere bits sign the coordinates")
    func statusAndCoordinates() {
        var status: JT808StatusFlags = [.accOn, .rearDoorOpen]
        #expect(status.load == .empty)
        status.load = .full
        #expect(status.rawValue == 1 | 0x300 | 1 << 15)
        status.load = .half
        #expect(status.load == .half)
        #expect(status.contains([.accOn, .rearDoorOpen]))

        var report = JT808LocationReport(latitude: 0, longitude: 0, time: JT808BCDTime(rawValue: 0))
        report.setPosition(latitudeDegrees: -33.8688, longitudeDegrees: -70.6693)
        #expect(report.latitude == 33_868_800)
        #expect(report.status.isSuperset(of: [.southLatitude, .westLongitude]))
        #expect(report.latitudeDegrees == -33.8688)
        report.setPosition(latitudeDegrees: 30.7461, longitudeDegrees: 120.7555)
        #expect(report.status.isDisjoint(with: [.southLatitude, .westLongitude]))
        #expect(report.longitudeDegrees == 120.7555)
    }

    @Test("alarm bits follow the 2019 table; 2013 names share their bits")
    func alarmBits() {
        #expect(JT808AlarmFlags.dangerWarning == .dangerousDriving)
        #expect(JT808AlarmFlags.tyrePressureWarning.rawValue == 1 << 16)
        #expect(JT808AlarmFlags.collision.rawValue == 1 << 29)
        #expect(JT808AlarmFlags.clearedOnAcknowledgement.contains(.emergency))
        #expect(!JT808AlarmFlags.clearedOnAcknowledgement.contains(.overspeed))
    }

    @Test("compartment temperature is sign and magnitude, not two's complement")
    func carriageTemperature() {
        #expect(JT808CarriageTemperature(rawValue: 0x8005).degreesCelsius == -5)
        #expect(JT808CarriageTemperature(degreesCelsius: -5).rawValue == 0x8005)
        #expect(JT808CarriageTemperature(degreesCelsius: 40_000).rawValue == 0x7FFF)
        #expect(JT808LocationItem(id: 0x06, value: [0x80, 0x05]) == .carriageTemperature(JT808CarriageTemperature(degreesCelsius: -5)))
    }

    @Test("standard IDs with non-standard lengths stay raw")
    func nonStandardLengths() {
        #expect(JT808LocationItem(id: 0x01, value: [0, 1]) == .raw(id: 0x01, value: [0, 1]))
        #expect(JT808LocationItem(id: 0x05, value: [1, 2, 3]) == .raw(id: 0x05, value: [1, 2, 3]))
        #expect(JT808LocationItem(id: 0x11, value: [1, 0, 0]) == .raw(id: 0x11, value: [1, 0, 0]))
        #expect(JT808LocationItem(id: 0x30, value: [1]) == .signalStrength(1))
    }
}
