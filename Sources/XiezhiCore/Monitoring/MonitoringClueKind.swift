/// The kinds of vehicle-monitoring clue (两客一危动态监控线索); the raw value is the id cases and the catalogue use.
public enum MonitoringClueKind: String, Codable, Sendable, CaseIterable {
    /// 超速 — over the speed limit of the road class and vehicle kind (lowered at night for coaches).
    case speeding
    /// 疲劳驾驶 — continuous driving without a long enough rest, or too much driving in 24 h.
    case fatigueDriving = "fatigue_driving"
    /// 凌晨2-5时违规运行 — a long-distance coach running from 02:00 to 05:00.
    case earlyMorningOperation = "early_morning_operation"
    /// 偏离批准线路 — an intercity coach off its approved route.
    case routeDeviation = "route_deviation"
    /// 无电子运单运输危险货物 — a dangerous-goods vehicle moving without an active electronic waybill.
    case hazmatWithoutWaybill = "hazmat_without_waybill"
    /// 进入毗邻联合执法区域 — a monitored vehicle entering a joint zone; the neighbour is told. A notice, not a violation.
    case jointZoneEntry = "joint_zone_entry"
    /// 信号中断/离线 — a terminal silent while its vehicle was last seen moving.
    case signalLost = "signal_lost"

    /// The Chinese name shown to officers, e.g. `超速`.
    public var chineseName: String {
        switch self {
        case .speeding: "超速"
        case .fatigueDriving: "疲劳驾驶"
        case .earlyMorningOperation: "凌晨2-5时违规运行"
        case .routeDeviation: "偏离批准线路"
        case .hazmatWithoutWaybill: "无电子运单运输危险货物"
        case .jointZoneEntry: "进入毗邻联合执法区域"
        case .signalLost: "信号中断/离线"
        }
    }

    /// Whether the clue points at a violation (all but ``jointZoneEntry``, which only tells a neighbour).
    public var isViolation: Bool { self != .jointZoneEntry }
}
