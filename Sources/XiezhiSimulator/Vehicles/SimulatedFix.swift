import Foundation
import XiezhiCore
import XiezhiWire

/// One GNSS fix a simulated terminal reports: device time, WGS-84 position, speed, heading and alarm bits.
public struct SimulatedFix: Hashable, Codable, Sendable {
    /// The fix time (the device's clock; sent as BCD China time).
    public var time: Date
    public var longitude: Double
    public var latitude: Double
    /// km/h.
    public var speedKmh: Double
    /// Degrees clockwise from north, 0–359.
    public var heading: Int
    /// JT/T 808 alarm bits the terminal raises with the fix (e.g. its own overspeed alarm).
    public var alarmBits: UInt32

    public init(time: Date, longitude: Double, latitude: Double, speedKmh: Double, heading: Int, alarmBits: UInt32 = 0) {
        self.time = time
        self.longitude = longitude
        self.latitude = latitude
        self.speedKmh = speedKmh
        self.heading = heading
        self.alarmBits = alarmBits
    }

    /// The fix as a 0x0200 body: positioned (GPS and BeiDou), ACC on while moving, mileage and satellites; with
    /// `vendorItems` also the raw vendor and JT/T 1078 items.
    public func report(odometerTenthsKm: UInt32, vendorItems: Bool) -> JT808LocationReport {
        var status: JT808StatusFlags = [.positioned, JT808StatusFlags(rawValue: 1 << 18), JT808StatusFlags(rawValue: 1 << 19)]
        if speedKmh > 0 { status.insert(.accOn) }
        var items: [JT808LocationItem] = [.mileage(odometerTenthsKm), .satelliteCount(14), .signalStrength(26)]
        if vendorItems {
            items += [.raw(id: 0x14, value: [0, 0, 0, 0]), .raw(id: 0xEB, value: [0x00, 0x0C, 0x00, 0xB2, 0x89, 0x86, 0x04, 0x94, 0x01, 0x20, 0x80, 0x44]),
                      .raw(id: 0xE1, value: [0x7E, 0x7D])]
        }
        var report = JT808LocationReport(
            alarms: JT808AlarmFlags(rawValue: alarmBits), status: status, latitude: 0, longitude: 0, altitude: 12,
            speed: UInt16(min(speedKmh * 10, 6553).rounded()), direction: UInt16(heading % 360),
            time: JT808BCDTime(date: time, secondsFromGMT: JT808BCDTime.chinaSecondsFromGMT) ?? JT808BCDTime(rawValue: 0), items: items)
        report.setPosition(latitudeDegrees: latitude, longitudeDegrees: longitude)
        return report
    }
}
