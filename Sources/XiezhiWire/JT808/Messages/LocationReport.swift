import Foundation
import NIOCore

/// 0x0200 位置信息汇报 (location report): 28 basic bytes, then additional items (2013/2019 tables 23–32).
///
/// | offset | field | unit |
/// |---|---|---|
/// | 0 | alarm flags DWORD | `JT808AlarmFlags` |
/// | 4 | status DWORD | `JT808StatusFlags` |
/// | 8, 12 | latitude, longitude DWORD | degrees × 10⁶, unsigned; hemisphere in status bits 2–3 |
/// | 16 | altitude WORD | metres |
/// | 18 | speed WORD | 1/10 km/h |
/// | 20 | direction WORD | degrees 0–359, north 0, clockwise |
/// | 22 | time BCD[6] | GMT+8 (printed offset "21" is a typo) |
///
/// The layout is the same in every version. Items run to the end of the body; when the last item claims
/// more bytes than remain, the rest is kept in `unparsedTail` instead of failing the whole report, so the
/// position survives a vendor's broken item and still re-encodes byte for byte.
public struct JT808LocationReport: JT808MessageBody {
    /// Alarm flags (报警标志).
    public var alarms: JT808AlarmFlags
    /// Status (状态).
    public var status: JT808StatusFlags
    /// Latitude (纬度) in millionths of a degree, unsigned; south when `status` has `.southLatitude`.
    public var latitude: UInt32
    /// Longitude (经度) in millionths of a degree, unsigned; west when `status` has `.westLongitude`.
    public var longitude: UInt32
    /// Altitude (高程) in metres, as carried (a WORD; some devices mean it signed).
    public var altitude: UInt16
    /// Speed (速度) in 1/10 km/h.
    public var speed: UInt16
    /// Direction (方向), 0–359 degrees clockwise from north.
    public var direction: UInt16
    /// Time (时间), GMT+8.
    public var time: JT808BCDTime
    /// Additional items (位置附加信息项) in the order carried; IDs may repeat.
    public var items: [JT808LocationItem]
    /// Bytes after the last well-formed item when an item overran the body; normally empty.
    public var unparsedTail: [UInt8]

    /// The size of the basic information (位置基本信息).
    public static let basicLength = 28

    /// Creates a report.
    public init(
        alarms: JT808AlarmFlags = [], status: JT808StatusFlags = [], latitude: UInt32, longitude: UInt32,
        altitude: UInt16 = 0, speed: UInt16 = 0, direction: UInt16 = 0, time: JT808BCDTime,
        items: [JT808LocationItem] = [], unparsedTail: [UInt8] = []
    ) {
        self.alarms = alarms
        self.status = status
        self.latitude = latitude
        self.longitude = longitude
        self.altitude = altitude
        self.speed = speed
        self.direction = direction
        self.time = time
        self.items = items
        self.unparsedTail = unparsedTail
    }

    /// Latitude in signed degrees (negative south).
    public var latitudeDegrees: Double {
        Double(latitude) / 1_000_000 * (status.contains(.southLatitude) ? -1 : 1)
    }

    /// Longitude in signed degrees (negative west).
    public var longitudeDegrees: Double {
        Double(longitude) / 1_000_000 * (status.contains(.westLongitude) ? -1 : 1)
    }

    /// Speed in km/h.
    public var speedKilometresPerHour: Double { Double(speed) / 10 }

    /// The instant of the fix, reading the time as GMT+8; nil when the bytes are not a valid date.
    public var date: Date? { time.date(secondsFromGMT: JT808BCDTime.chinaSecondsFromGMT) }

    /// Sets latitude, longitude and the hemisphere bits from signed degrees (rounded to 10⁻⁶°).
    public mutating func setPosition(latitudeDegrees: Double, longitudeDegrees: Double) {
        latitude = UInt32(min((abs(latitudeDegrees) * 1_000_000).rounded(), Double(UInt32.max)))
        longitude = UInt32(min((abs(longitudeDegrees) * 1_000_000).rounded(), Double(UInt32.max)))
        if latitudeDegrees < 0 { status.insert(.southLatitude) } else { status.remove(.southLatitude) }
        if longitudeDegrees < 0 { status.insert(.westLongitude) } else { status.remove(.westLongitude) }
    }

    /// The first item with `id`, if any.
    public func item(_ id: UInt8) -> JT808LocationItem? {
        items.first { $0.id == id }
    }

    /// Decodes a body: `truncated_field` when the 28 basic bytes are not all there.
    public init(decoding body: ByteBuffer, version: JT808Version) throws(JT808Error) {
        try self.init(decoding: body, messageID: 0x0200)
    }

    init(decoding body: ByteBuffer, messageID: UInt16) throws(JT808Error) {
        var reader = JT808BodyReader(body, messageID: messageID)
        alarms = JT808AlarmFlags(rawValue: try reader.doubleWord("the alarm flags"))
        status = JT808StatusFlags(rawValue: try reader.doubleWord("the status"))
        latitude = try reader.doubleWord("the latitude")
        longitude = try reader.doubleWord("the longitude")
        altitude = try reader.word("the altitude")
        speed = try reader.word("the speed")
        direction = try reader.word("the direction")
        time = JT808BCDTime(bytes: try reader.bytes(6, "the time"))
        items = []
        unparsedTail = []
        while reader.remaining > 0 {
            guard reader.remaining >= 2 else {
                unparsedTail = reader.remainingBytes()
                break
            }
            let id = try reader.byte("an item ID")
            let length = Int(try reader.byte("an item length"))
            guard reader.remaining >= length else {
                unparsedTail = [id, UInt8(length)] + reader.remainingBytes()
                break
            }
            items.append(JT808LocationItem(id: id, value: try reader.bytes(length, "an item value")))
        }
    }

    /// Appends the body; throws `invalid_value` for an item value over 255 bytes.
    public func encode(into body: inout ByteBuffer, version: JT808Version) throws(JT808Error) {
        body.writeInteger(alarms.rawValue)
        body.writeInteger(status.rawValue)
        body.writeInteger(latitude)
        body.writeInteger(longitude)
        body.writeInteger(altitude)
        body.writeInteger(speed)
        body.writeInteger(direction)
        body.writeBytes(time.bytes)
        for item in items {
            let value = item.value
            guard value.count <= 255 else {
                throw JT808Error(
                    .invalidValue, "additional item \(JT808Hex.byte(item.id)) has \(value.count) bytes; its length is one BYTE",
                    messageID: 0x0200
                )
            }
            body.writeInteger(item.id)
            body.writeInteger(UInt8(value.count))
            body.writeBytes(value)
        }
        body.writeBytes(unparsedTail)
    }
}
