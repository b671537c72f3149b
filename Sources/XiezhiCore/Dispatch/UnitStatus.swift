/// Whether a unit can take an order now.
public enum UnitStatus: String, Codable, Sendable, CaseIterable {
    /// 在岗 — on duty and free.
    case onDuty = "on_duty"
    /// 执行任务中 — on duty, working an order.
    case busy
    /// 离岗 — off duty.
    case off

    public var chineseName: String {
        switch self {
        case .onDuty: "在岗"
        case .busy: "任务中"
        case .off: "离岗"
        }
    }
}
