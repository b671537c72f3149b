/// 位置附加信息项 — one additional item after the 28 basic bytes of 0x0200: `id BYTE, length BYTE, value`.
///
/// Every item of the 2019 table 27 (a superset of 2013's) is typed when its length is the standard one;
/// any other ID, or a standard ID with a non-standard length (vendors reuse IDs), stays `.raw` so that it
/// re-encodes byte for byte. 0xE0 (length of custom information) and the vendor range 0xE1–0xFF, and the IDs of
/// the extension standards (JT/T 1078 0x14–0x18, 苏标/粤标 0x64–0x67), are kept raw for per-vendor decoders.
public enum JT808LocationItem: Hashable, Sendable {
    /// 0x01 里程 — odometer, DWORD, 1/10 km.
    case mileage(UInt32)
    /// 0x02 油量 — fuel, WORD, 1/10 L.
    case fuel(UInt16)
    /// 0x03 行驶记录功能获取的速度 — speed from the tachograph, WORD, 1/10 km/h.
    case recorderSpeed(UInt16)
    /// 0x04 需要人工确认报警事件的 ID — ID of an alarm event needing manual confirmation, WORD, from 1.
    case alarmEventID(UInt16)
    /// 0x05 胎压 — tyre pressure (2019), 30 bytes, one per wheel from the front left; 0xFF unused. Unit Pa as printed.
    case tyrePressure([UInt8])
    /// 0x06 车厢温度 — compartment temperature (2019), °C, sign and magnitude.
    case carriageTemperature(JT808CarriageTemperature)
    /// 0x11 超速报警附加信息 — overspeed detail (2013 table 28).
    case overspeed(JT808OverspeedDetail)
    /// 0x12 进出区域/路线报警附加信息 — area or route entry/exit detail (2013 table 29).
    case areaOrRouteTransition(JT808AreaTransition)
    /// 0x13 路段行驶时间不足/过长报警附加信息 — road-section driving time detail (2013 table 30).
    case sectionDrivingTime(JT808SectionDrivingTime)
    /// 0x25 扩展车辆信号状态位 — extended vehicle signals.
    case extendedSignals(JT808ExtendedSignals)
    /// 0x2A IO 状态位 — IO status.
    case ioStatus(JT808IOStatus)
    /// 0x2B 模拟量 — analog inputs AD0 and AD1.
    case analog(JT808AnalogInputs)
    /// 0x30 无线通信网络信号强度 — wireless network signal strength, BYTE.
    case signalStrength(UInt8)
    /// 0x31 GNSS 定位卫星数 — number of GNSS satellites, BYTE.
    case satelliteCount(UInt8)
    /// Any other item, or a standard ID with a non-standard length, as carried.
    case raw(id: UInt8, value: [UInt8])

    /// The item ID (附加信息 ID).
    public var id: UInt8 {
        switch self {
        case .mileage: 0x01
        case .fuel: 0x02
        case .recorderSpeed: 0x03
        case .alarmEventID: 0x04
        case .tyrePressure: 0x05
        case .carriageTemperature: 0x06
        case .overspeed: 0x11
        case .areaOrRouteTransition: 0x12
        case .sectionDrivingTime: 0x13
        case .extendedSignals: 0x25
        case .ioStatus: 0x2A
        case .analog: 0x2B
        case .signalStrength: 0x30
        case .satelliteCount: 0x31
        case .raw(let id, _): id
        }
    }

    /// The typed item for `id` when `value` has the standard length, else `.raw`.
    public init(id: UInt8, value: [UInt8]) {
        func word(_ at: Int) -> UInt16 { UInt16(value[at]) << 8 | UInt16(value[at + 1]) }
        func doubleWord(_ at: Int) -> UInt32 { UInt32(word(at)) << 16 | UInt32(word(at + 2)) }
        switch (id, value.count) {
        case (0x01, 4): self = .mileage(doubleWord(0))
        case (0x02, 2): self = .fuel(word(0))
        case (0x03, 2): self = .recorderSpeed(word(0))
        case (0x04, 2): self = .alarmEventID(word(0))
        case (0x05, 30): self = .tyrePressure(value)
        case (0x06, 2): self = .carriageTemperature(JT808CarriageTemperature(rawValue: word(0)))
        case (0x11, 1): self = .overspeed(JT808OverspeedDetail(locationType: JT808LocationType(rawValue: value[0]), areaID: nil))
        case (0x11, 5):
            self = .overspeed(JT808OverspeedDetail(locationType: JT808LocationType(rawValue: value[0]), areaID: doubleWord(1)))
        case (0x12, 6):
            self = .areaOrRouteTransition(JT808AreaTransition(
                locationType: JT808LocationType(rawValue: value[0]), areaID: doubleWord(1),
                direction: JT808AreaTransition.Direction(rawValue: value[5])
            ))
        case (0x13, 7):
            self = .sectionDrivingTime(JT808SectionDrivingTime(
                sectionID: doubleWord(0), drivingSeconds: word(4),
                result: JT808SectionDrivingTime.Result(rawValue: value[6])
            ))
        case (0x25, 4): self = .extendedSignals(JT808ExtendedSignals(rawValue: doubleWord(0)))
        case (0x2A, 2): self = .ioStatus(JT808IOStatus(rawValue: word(0)))
        case (0x2B, 4): self = .analog(JT808AnalogInputs(rawValue: doubleWord(0)))
        case (0x30, 1): self = .signalStrength(value[0])
        case (0x31, 1): self = .satelliteCount(value[0])
        default: self = .raw(id: id, value: value)
        }
    }

    /// The value bytes (without ID and length).
    public var value: [UInt8] {
        func word(_ v: UInt16) -> [UInt8] { [UInt8(v >> 8), UInt8(v & 0xFF)] }
        func doubleWord(_ v: UInt32) -> [UInt8] { word(UInt16(v >> 16)) + word(UInt16(v & 0xFFFF)) }
        switch self {
        case .mileage(let v): return doubleWord(v)
        case .fuel(let v), .recorderSpeed(let v), .alarmEventID(let v): return word(v)
        case .tyrePressure(let bytes): return bytes
        case .carriageTemperature(let t): return word(t.rawValue)
        case .overspeed(let d):
            return [d.locationType.rawValue] + (d.areaID.map(doubleWord) ?? [])
        case .areaOrRouteTransition(let t):
            return [t.locationType.rawValue] + doubleWord(t.areaID) + [t.direction.rawValue]
        case .sectionDrivingTime(let s):
            return doubleWord(s.sectionID) + word(s.drivingSeconds) + [s.result.rawValue]
        case .extendedSignals(let s): return doubleWord(s.rawValue)
        case .ioStatus(let s): return word(s.rawValue)
        case .analog(let a): return doubleWord(a.rawValue)
        case .signalStrength(let v), .satelliteCount(let v): return [v]
        case .raw(_, let bytes): return bytes
        }
    }
}

/// 车厢温度 (0x06, 2019): °C from −32767 to +32767, the top bit the sign ("最高位为1表示负数").
///
/// Sign and magnitude, not two's complement: 0x8005 is −5 °C. The WORD is kept as carried.
public struct JT808CarriageTemperature: RawRepresentable, Hashable, Sendable {
    /// The WORD as carried.
    public var rawValue: UInt16

    /// Wraps the WORD.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// The temperature for `degreesCelsius`, clamped to ±32767.
    public init(degreesCelsius: Int) {
        let magnitude = UInt16(min(abs(degreesCelsius), 0x7FFF))
        rawValue = degreesCelsius < 0 ? 0x8000 | magnitude : magnitude
    }

    /// The temperature in °C.
    public var degreesCelsius: Int {
        let magnitude = Int(rawValue & 0x7FFF)
        return rawValue & 0x8000 == 0 ? magnitude : -magnitude
    }
}

/// 位置类型 — the kind of place in 0x11/0x12 (2013 tables 28–29).
public struct JT808LocationType: RawRepresentable, Hashable, Sendable {
    /// The type byte.
    public var rawValue: UInt8

    /// Wraps the type byte.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// 0 无特定位置 — no particular place (0x11 only).
    public static let none = JT808LocationType(rawValue: 0)
    /// 1 圆形区域 — circular area.
    public static let circle = JT808LocationType(rawValue: 1)
    /// 2 矩形区域 — rectangular area.
    public static let rectangle = JT808LocationType(rawValue: 2)
    /// 3 多边形区域 — polygonal area.
    public static let polygon = JT808LocationType(rawValue: 3)
    /// 4 路段 (0x11) / 路线 (0x12) — road section or route.
    public static let roadSection = JT808LocationType(rawValue: 4)
}

/// 超速报警附加信息 (0x11): the place of an overspeed; 1 byte when the type is 0, else 5.
public struct JT808OverspeedDetail: Hashable, Sendable {
    /// Where the limit applies.
    public var locationType: JT808LocationType
    /// The area or road-section ID (区域或路段 ID); nil when the item is 1 byte long.
    public var areaID: UInt32?

    /// Creates the detail; give `areaID` unless `locationType` is `.none`.
    public init(locationType: JT808LocationType, areaID: UInt32?) {
        self.locationType = locationType
        self.areaID = areaID
    }
}

/// 进出区域/路线报警附加信息 (0x12): type BYTE, area or route ID DWORD, direction BYTE.
public struct JT808AreaTransition: Hashable, Sendable {
    /// The kind of area, or 4 for a route.
    public var locationType: JT808LocationType
    /// The area or route ID.
    public var areaID: UInt32
    /// In or out.
    public var direction: Direction

    /// 方向 — 0 进, 1 出.
    public struct Direction: RawRepresentable, Hashable, Sendable {
        /// The direction byte.
        public var rawValue: UInt8
        /// Wraps the direction byte.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 0 进 — entering.
        public static let entering = Direction(rawValue: 0)
        /// 1 出 — leaving.
        public static let leaving = Direction(rawValue: 1)
    }

    /// Creates the detail.
    public init(locationType: JT808LocationType, areaID: UInt32, direction: Direction) {
        self.locationType = locationType
        self.areaID = areaID
        self.direction = direction
    }
}

/// 路段行驶时间不足/过长报警附加信息 (0x13): section ID DWORD, driving time WORD (s), result BYTE.
public struct JT808SectionDrivingTime: Hashable, Sendable {
    /// The road-section ID (路段 ID).
    public var sectionID: UInt32
    /// The time driven on the section (路段行驶时间), in seconds.
    public var drivingSeconds: UInt16
    /// Too short or too long.
    public var result: Result

    /// 结果 — 0 不足, 1 过长.
    public struct Result: RawRepresentable, Hashable, Sendable {
        /// The result byte.
        public var rawValue: UInt8
        /// Wraps the result byte.
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// 0 不足 — too short.
        public static let tooShort = Result(rawValue: 0)
        /// 1 过长 — too long.
        public static let tooLong = Result(rawValue: 1)
    }

    /// Creates the detail.
    public init(sectionID: UInt32, drivingSeconds: UInt16, result: Result) {
        self.sectionID = sectionID
        self.drivingSeconds = drivingSeconds
        self.result = result
    }
}

/// 模拟量 (0x2B): bits 0–15 AD0, bits 16–31 AD1.
public struct JT808AnalogInputs: RawRepresentable, Hashable, Sendable {
    /// The DWORD.
    public var rawValue: UInt32

    /// Wraps the DWORD.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The two inputs.
    public init(ad0: UInt16, ad1: UInt16) { rawValue = UInt32(ad1) << 16 | UInt32(ad0) }

    /// AD0, the low 16 bits.
    public var ad0: UInt16 { UInt16(rawValue & 0xFFFF) }
    /// AD1, the high 16 bits.
    public var ad1: UInt16 { UInt16(rawValue >> 16) }
}
