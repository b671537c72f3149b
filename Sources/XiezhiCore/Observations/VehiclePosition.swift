import Foundation

/// One position of a monitored vehicle, as its terminal reported it (JT/T 808 0x0200 / 0x0704): the observation the
/// vehicle detectors consume.
public struct VehiclePosition: Hashable, Codable, Sendable {
    /// The vehicle's subject key (`vehicle:浙F12345:yellow`).
    public var subject: String
    /// The terminal's phone number (its identity on the link).
    public var terminal: String
    /// The device's fix time (UTC).
    public var time: Date
    public var longitude: Double
    public var latitude: Double
    /// km/h.
    public var speedKmh: Double
    /// Degrees from north, 0–359.
    public var heading: Int
    /// Metres.
    public var altitude: Int
    /// The JT/T 808 alarm bits and status bits as sent (named in XiezhiWire's `JT808AlarmFlags`/`JT808StatusFlags`).
    public var alarmBits: UInt32
    public var statusBits: UInt32
    /// When the node received it.
    public var receivedAt: Date

    public init(
        subject: String, terminal: String, time: Date, longitude: Double, latitude: Double, speedKmh: Double, heading: Int, altitude: Int,
        alarmBits: UInt32, statusBits: UInt32, receivedAt: Date
    ) {
        self.subject = subject
        self.terminal = terminal
        self.time = time
        self.longitude = longitude
        self.latitude = latitude
        self.speedKmh = speedKmh
        self.heading = heading
        self.altitude = altitude
        self.alarmBits = alarmBits
        self.statusBits = statusBits
        self.receivedAt = receivedAt
    }
}

/// The kinds of monitored vehicles (两客一危 and heavy trucks): what rules apply to them.
public enum MonitoredVehicleKind: String, Codable, Sendable, CaseIterable {
    /// 公交车.
    case bus
    /// 长途客车 / 班线客车 (long-distance and intercity coaches).
    case coach
    /// 危险货物运输车辆.
    case hazmat
    /// 重型货车.
    case truck
    /// 出租车.
    case taxi

    public var chineseName: String {
        switch self {
        case .bus: "公交车"
        case .coach: "班线客车"
        case .hazmat: "危险货物运输车辆"
        case .truck: "重型货车"
        case .taxi: "出租汽车"
        }
    }
}

/// A JT/T 808 terminal registered to a vehicle.
public struct TerminalRegistration: Hashable, Codable, Sendable {
    /// The terminal's phone number without leading zeros (the same under the 2013 and 2019 headers).
    public var phone: String
    public var vehicle: VehicleKey
    public var kind: MonitoredVehicleKind
    public var carrier: UnifiedSocialCreditCode?
    /// The code the terminal authenticates with (issued at registration, 0x8100).
    public var authenticationCode: String

    public init(phone: String, vehicle: VehicleKey, kind: MonitoredVehicleKind, carrier: UnifiedSocialCreditCode?, authenticationCode: String) {
        self.phone = phone
        self.vehicle = vehicle
        self.kind = kind
        self.carrier = carrier
        self.authenticationCode = authenticationCode
    }

    /// A terminal phone: 1–20 digits (BCD[6] holds 12, BCD[10] holds 20); leading zeros are not significant.
    public static func normalisedPhone(_ text: String) throws -> String {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard (1...20).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw DomainError(code: "invalid_terminal_phone", reason: "a terminal phone is 1–20 digits, got '\(text)'")
        }
        let stripped = String(digits.drop { $0 == "0" })
        return stripped.isEmpty ? "0" : stripped
    }
}
