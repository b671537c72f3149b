/// 报警标志 — the alarm flags DWORD of 0x0200 (2013 table 24, 2019 table 25).
///
/// "Clear on ack" bits (收到应答后清零) are cleared by the terminal when the platform answers; the others
/// hold until the condition ends (标志维持至报警条件解除). Where 2013 and 2019 name a bit differently,
/// both names are given; bit 31 is reserved in 2019.
public struct JT808AlarmFlags: OptionSet, Hashable, Sendable {
    /// The DWORD.
    public var rawValue: UInt32

    /// Wraps the DWORD.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 0 紧急报警 — emergency alarm (clear on ack).
    public static let emergency = JT808AlarmFlags(rawValue: 1 << 0)
    /// Bit 1 超速报警 — overspeed alarm.
    public static let overspeed = JT808AlarmFlags(rawValue: 1 << 1)
    /// Bit 2 疲劳驾驶(报警) — fatigue driving alarm.
    public static let fatigueDriving = JT808AlarmFlags(rawValue: 1 << 2)
    /// Bit 3, 2019: 危险驾驶行为报警 — dangerous-driving-behaviour alarm (hold).
    public static let dangerousDriving = JT808AlarmFlags(rawValue: 1 << 3)
    /// Bit 3, 2013: 危险预警 — danger warning (clear on ack); the same bit as `dangerousDriving`.
    public static let dangerWarning = JT808AlarmFlags(rawValue: 1 << 3)
    /// Bit 4 GNSS 模块发生故障 — GNSS module fault.
    public static let gnssModuleFault = JT808AlarmFlags(rawValue: 1 << 4)
    /// Bit 5 GNSS 天线未接或被剪断 — GNSS antenna disconnected or cut.
    public static let gnssAntennaDisconnected = JT808AlarmFlags(rawValue: 1 << 5)
    /// Bit 6 GNSS 天线短路 — GNSS antenna short circuit.
    public static let gnssAntennaShortCircuit = JT808AlarmFlags(rawValue: 1 << 6)
    /// Bit 7 终端主电源欠压 — main power under-voltage.
    public static let mainPowerUnderVoltage = JT808AlarmFlags(rawValue: 1 << 7)
    /// Bit 8 终端主电源掉电 — main power off.
    public static let mainPowerOff = JT808AlarmFlags(rawValue: 1 << 8)
    /// Bit 9 终端 LCD 或显示器故障 — display fault.
    public static let displayFault = JT808AlarmFlags(rawValue: 1 << 9)
    /// Bit 10 TTS 模块故障 — TTS module fault.
    public static let ttsModuleFault = JT808AlarmFlags(rawValue: 1 << 10)
    /// Bit 11 摄像头故障 — camera fault.
    public static let cameraFault = JT808AlarmFlags(rawValue: 1 << 11)
    /// Bit 12 道路运输证 IC 卡模块故障 — road-transport-certificate IC-card module fault.
    public static let icCardModuleFault = JT808AlarmFlags(rawValue: 1 << 12)
    /// Bit 13 超速预警 — overspeed warning.
    public static let overspeedWarning = JT808AlarmFlags(rawValue: 1 << 13)
    /// Bit 14 疲劳驾驶预警 — fatigue-driving warning.
    public static let fatigueDrivingWarning = JT808AlarmFlags(rawValue: 1 << 14)
    /// Bit 15 违规行驶报警 — prohibited-period driving alarm (2019; reserved in 2013).
    public static let prohibitedDriving = JT808AlarmFlags(rawValue: 1 << 15)
    /// Bit 16 胎压预警 — tyre-pressure warning (2019; reserved in 2013).
    public static let tyrePressureWarning = JT808AlarmFlags(rawValue: 1 << 16)
    /// Bit 17 右转盲区异常报警 — right-turn blind-spot alarm (2019; reserved in 2013).
    public static let rightTurnBlindSpot = JT808AlarmFlags(rawValue: 1 << 17)
    /// Bit 18 当天累计驾驶超时 — daily cumulative driving time exceeded.
    public static let dailyDrivingTimeExceeded = JT808AlarmFlags(rawValue: 1 << 18)
    /// Bit 19 超时停车 — parked too long.
    public static let parkedTooLong = JT808AlarmFlags(rawValue: 1 << 19)
    /// Bit 20 进出区域 — entering or leaving an area (clear on ack).
    public static let areaEntryExit = JT808AlarmFlags(rawValue: 1 << 20)
    /// Bit 21 进出路线 — entering or leaving a route (clear on ack).
    public static let routeEntryExit = JT808AlarmFlags(rawValue: 1 << 21)
    /// Bit 22 路段行驶时间不足/过长 — road-section driving time too short or too long (clear on ack).
    public static let sectionDrivingTime = JT808AlarmFlags(rawValue: 1 << 22)
    /// Bit 23 路线偏离报警 — route deviation.
    public static let routeDeviation = JT808AlarmFlags(rawValue: 1 << 23)
    /// Bit 24 车辆 VSS 故障 — vehicle speed sensor fault.
    public static let vssFault = JT808AlarmFlags(rawValue: 1 << 24)
    /// Bit 25 车辆油量异常 — abnormal fuel level.
    public static let abnormalFuel = JT808AlarmFlags(rawValue: 1 << 25)
    /// Bit 26 车辆被盗 — vehicle stolen (via the anti-theft device).
    public static let stolen = JT808AlarmFlags(rawValue: 1 << 26)
    /// Bit 27 车辆非法点火 — illegal ignition (clear on ack).
    public static let illegalIgnition = JT808AlarmFlags(rawValue: 1 << 27)
    /// Bit 28 车辆非法位移 — illegal displacement (clear on ack).
    public static let illegalDisplacement = JT808AlarmFlags(rawValue: 1 << 28)
    /// Bit 29 碰撞侧翻报警 (2019) / 碰撞预警 (2013) — collision (and rollover) alarm.
    public static let collision = JT808AlarmFlags(rawValue: 1 << 29)
    /// Bit 30 侧翻预警 — rollover warning.
    public static let rolloverWarning = JT808AlarmFlags(rawValue: 1 << 30)
    /// Bit 31 非法开门报警 — illegal door opening (2013, clear on ack; reserved in 2019).
    public static let illegalDoorOpening = JT808AlarmFlags(rawValue: 1 << 31)

    /// The bits the terminal clears itself once the platform acknowledges (收到应答后清零), per 2013.
    public static let clearedOnAcknowledgement: JT808AlarmFlags = [
        .emergency, .dangerWarning, .areaEntryExit, .routeEntryExit, .sectionDrivingTime,
        .illegalIgnition, .illegalDisplacement, .illegalDoorOpening,
    ]
}

/// 状态 — the status DWORD of 0x0200 (2013 table 25, 2019 table 24).
public struct JT808StatusFlags: OptionSet, Hashable, Sendable {
    /// The DWORD.
    public var rawValue: UInt32

    /// Wraps the DWORD.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 0 ACC 开 — ignition (ACC) on.
    public static let accOn = JT808StatusFlags(rawValue: 1 << 0)
    /// Bit 1 定位 — position fixed; without it the coordinates are not a fix.
    public static let positioned = JT808StatusFlags(rawValue: 1 << 1)
    /// Bit 2 南纬 — south latitude.
    public static let southLatitude = JT808StatusFlags(rawValue: 1 << 2)
    /// Bit 3 西经 — west longitude.
    public static let westLongitude = JT808StatusFlags(rawValue: 1 << 3)
    /// Bit 4 停运状态 — out of service.
    public static let outOfService = JT808StatusFlags(rawValue: 1 << 4)
    /// Bit 5 经纬度已经保密插件加密 — coordinates offset by the secrecy plug-in (保密插件).
    public static let coordinatesEncrypted = JT808StatusFlags(rawValue: 1 << 5)
    /// Bit 6 紧急刹车系统采集的前撞预警 — AEBS forward-collision warning (2019).
    public static let forwardCollisionWarning = JT808StatusFlags(rawValue: 1 << 6)
    /// Bit 7 车道偏移预警 — lane-departure warning (2019).
    public static let laneDepartureWarning = JT808StatusFlags(rawValue: 1 << 7)
    /// Bit 10 车辆油路断开 — fuel line cut.
    public static let fuelLineCut = JT808StatusFlags(rawValue: 1 << 10)
    /// Bit 11 车辆电路断开 — circuit cut.
    public static let circuitCut = JT808StatusFlags(rawValue: 1 << 11)
    /// Bit 12 车门加锁 — doors locked.
    public static let doorsLocked = JT808StatusFlags(rawValue: 1 << 12)
    /// Bit 13 门 1 开（前门） — door 1 (front) open.
    public static let frontDoorOpen = JT808StatusFlags(rawValue: 1 << 13)
    /// Bit 14 门 2 开（中门） — door 2 (middle) open.
    public static let middleDoorOpen = JT808StatusFlags(rawValue: 1 << 14)
    /// Bit 15 门 3 开（后门） — door 3 (rear) open.
    public static let rearDoorOpen = JT808StatusFlags(rawValue: 1 << 15)
    /// Bit 16 门 4 开（驾驶席门） — door 4 (driver's) open.
    public static let driverDoorOpen = JT808StatusFlags(rawValue: 1 << 16)
    /// Bit 17 门 5 开（自定义） — door 5 (custom) open.
    public static let customDoorOpen = JT808StatusFlags(rawValue: 1 << 17)
    /// Bit 18 使用 GPS 卫星进行定位 — positioned with GPS.
    public static let gps = JT808StatusFlags(rawValue: 1 << 18)
    /// Bit 19 使用北斗卫星进行定位 — positioned with BeiDou.
    public static let beidou = JT808StatusFlags(rawValue: 1 << 19)
    /// Bit 20 使用 GLONASS 卫星进行定位 — positioned with GLONASS.
    public static let glonass = JT808StatusFlags(rawValue: 1 << 20)
    /// Bit 21 使用 Galileo 卫星进行定位 — positioned with Galileo.
    public static let galileo = JT808StatusFlags(rawValue: 1 << 21)
    /// Bit 22 车辆处于行驶状态 — moving (2019; 0 is stopped).
    public static let moving = JT808StatusFlags(rawValue: 1 << 22)

    /// Bits 8–9 载客/载货状态 — the load: 0 empty, 1 half, 2 reserved, 3 full.
    public var load: JT808Load {
        get { JT808Load(rawValue: UInt8((rawValue >> 8) & 0x03))! }
        set { rawValue = rawValue & ~(0x03 << 8) | UInt32(newValue.rawValue) << 8 }
    }
}

/// Status bits 8–9 (空车/半载/满载): the vehicle's load.
public enum JT808Load: UInt8, Hashable, Sendable, CaseIterable {
    /// 00 空车 — empty.
    case empty = 0
    /// 01 半载 — half loaded.
    case half = 1
    /// 10 保留 — reserved.
    case reserved = 2
    /// 11 满载 — full.
    case full = 3
}

/// 扩展车辆信号状态位 — additional item 0x25 (2013 table 31, 2019 table 31).
public struct JT808ExtendedSignals: OptionSet, Hashable, Sendable {
    /// The DWORD.
    public var rawValue: UInt32

    /// Wraps the DWORD.
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Bit 0 近光灯 — low beam.
    public static let lowBeam = JT808ExtendedSignals(rawValue: 1 << 0)
    /// Bit 1 远光灯 — high beam.
    public static let highBeam = JT808ExtendedSignals(rawValue: 1 << 1)
    /// Bit 2 右转向灯 — right turn signal.
    public static let rightTurnSignal = JT808ExtendedSignals(rawValue: 1 << 2)
    /// Bit 3 左转向灯 — left turn signal.
    public static let leftTurnSignal = JT808ExtendedSignals(rawValue: 1 << 3)
    /// Bit 4 制动 — braking.
    public static let brake = JT808ExtendedSignals(rawValue: 1 << 4)
    /// Bit 5 倒档 — reverse gear.
    public static let reverse = JT808ExtendedSignals(rawValue: 1 << 5)
    /// Bit 6 雾灯 — fog lamp.
    public static let fogLamp = JT808ExtendedSignals(rawValue: 1 << 6)
    /// Bit 7 示廓灯 — position lamp.
    public static let positionLamp = JT808ExtendedSignals(rawValue: 1 << 7)
    /// Bit 8 喇叭 — horn.
    public static let horn = JT808ExtendedSignals(rawValue: 1 << 8)
    /// Bit 9 空调 — air conditioning.
    public static let airConditioning = JT808ExtendedSignals(rawValue: 1 << 9)
    /// Bit 10 空挡 — neutral.
    public static let neutral = JT808ExtendedSignals(rawValue: 1 << 10)
    /// Bit 11 缓速器工作 — retarder on.
    public static let retarder = JT808ExtendedSignals(rawValue: 1 << 11)
    /// Bit 12 ABS 工作 — ABS active.
    public static let abs = JT808ExtendedSignals(rawValue: 1 << 12)
    /// Bit 13 加热器工作 — heater on.
    public static let heater = JT808ExtendedSignals(rawValue: 1 << 13)
    /// Bit 14 离合器状态 — clutch engaged.
    public static let clutch = JT808ExtendedSignals(rawValue: 1 << 14)
}

/// IO 状态位 — additional item 0x2A (2013 table 32, 2019 table 32).
public struct JT808IOStatus: OptionSet, Hashable, Sendable {
    /// The WORD.
    public var rawValue: UInt16

    /// Wraps the WORD.
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// Bit 0 深度休眠状态 — deep sleep.
    public static let deepSleep = JT808IOStatus(rawValue: 1 << 0)
    /// Bit 1 休眠状态 — sleep.
    public static let sleep = JT808IOStatus(rawValue: 1 << 1)
}
