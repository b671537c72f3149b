/// Where a dispatch order (派单) stands.
public enum DispatchState: String, Codable, Sendable, CaseIterable {
    /// 已派单 — sent to a unit, waiting for it to accept.
    case dispatched
    /// 已接单 — the unit is on its way.
    case accepted
    /// 已到场.
    case arrived
    /// 已反馈 — the unit reported the result; the commander closes it.
    case reported
    /// 已办结.
    case closed
    /// 已拒单 — the unit declined (with the reason); the commander dispatches again.
    case declined
    /// 已撤销 — the commander withdrew it.
    case cancelled
    /// 待协作方派单 — the best unit is a partner agency's: the request waits for that agency to assign it (through
    /// federation when the partner runs its own node).
    case awaitingPartner = "awaiting_partner"

    public var chineseName: String {
        switch self {
        case .dispatched: "已派单"
        case .accepted: "已接单"
        case .arrived: "已到场"
        case .reported: "已反馈"
        case .closed: "已办结"
        case .declined: "已拒单"
        case .cancelled: "已撤销"
        case .awaitingPartner: "待协作方派单"
        }
    }

    /// Whether the order is still being worked (the unit is busy with it).
    public var isActive: Bool { self == .dispatched || self == .accepted || self == .arrived || self == .reported }
    /// Whether nothing more can happen to the order.
    public var isFinal: Bool { self == .closed || self == .declined || self == .cancelled }
}

/// What the unit found on site.
public enum DispatchResult: String, Codable, Sendable, CaseIterable {
    /// 检查无异常 — checked, no violation.
    case checkedNoViolation = "checked_no_violation"
    /// 确认违法 — violation confirmed: a case is opened from the alert.
    case violationConfirmed = "violation_confirmed"
    /// 未发现目标 — the target was not found.
    case targetNotFound = "target_not_found"

    public var chineseName: String {
        switch self {
        case .checkedNoViolation: "检查无异常"
        case .violationConfirmed: "确认违法，转立案"
        case .targetNotFound: "未发现目标"
        }
    }
}
