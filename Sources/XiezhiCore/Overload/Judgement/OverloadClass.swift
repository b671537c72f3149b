/// 认定结论 — what a weighing amounts to.
public enum OverloadClass: String, Hashable, Sendable, Codable, CaseIterable {
    /// 未超限 — gross mass at or under the limit.
    case compliant
    /// 允许误差内 — over the limit but within the weighing tolerance (≤ limit × (1 + tolerance)): treated as not over.
    case withinTolerance = "within_tolerance"
    /// 超限 — over the limit beyond the tolerance: a violation, a case candidate.
    case overloaded
    /// 限值表未列明 — no row of the limits table covers the configuration (e.g. a five-axle truck): manual review,
    /// never a case.
    case unlistedConfiguration = "unlisted_configuration"
    /// 设备数据异常 — the weighing fails the device-plausibility rule: never a case.
    case deviceFault = "device_fault"

    /// The Chinese conclusion printed in the evidence package.
    public var chineseName: String {
        switch self {
        case .compliant: "未超限"
        case .withinTolerance: "超过限值但在称重检测允许误差范围内，暂按未超限处理"
        case .overloaded: "超限"
        case .unlistedConfiguration: "车辆轴型未列入限值表，需人工核查"
        case .deviceFault: "设备数据异常，不作为执法依据"
        }
    }

    /// `true` only for `overloaded`: the one class that may open a case (subject to the station's evidence status).
    public var isViolation: Bool { self == .overloaded }
}
