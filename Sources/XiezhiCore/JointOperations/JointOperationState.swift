import Foundation

/// Where a joint operation (联合执法行动) stands, the same on every agency's node: `planned` → `under_way` →
/// `concluded`, or `cancelled` from either of the first two. Only the lead agency moves it; the partners receive it.
public enum JointOperationState: String, Codable, Sendable, CaseIterable {
    /// 已计划 — agreed and announced to the partners, not started.
    case planned
    /// 进行中.
    case underWay = "under_way"
    /// 已结束.
    case concluded
    /// 已取消 (with the reason).
    case cancelled

    public var chineseName: String {
        switch self {
        case .planned: "已计划"
        case .underWay: "进行中"
        case .concluded: "已结束"
        case .cancelled: "已取消"
        }
    }

    /// The state after `action`, or a refusal naming the state the operation is in.
    public func after(_ action: JointOperationAction) throws -> JointOperationState {
        switch (self, action) {
        case (.planned, .start): return .underWay
        case (.underWay, .conclude): return .concluded
        case (.planned, .cancel), (.underWay, .cancel): return .cancelled
        default:
            throw DomainError(
                code: "operation_transition_not_allowed",
                reason: "a joint operation that is \(rawValue) (\(chineseName)) cannot be \(action.pastTense)")
        }
    }

    /// Whether agencies may record results: once the operation is under way, and after it has concluded (figures
    /// are often tallied the next day).
    public var acceptsResults: Bool { self == .underWay || self == .concluded }

    /// Whether agencies may still commit units and officers.
    public var acceptsForces: Bool { self == .planned || self == .underWay }

    /// Whether the operation counts as held (开展) in an assessment.
    public var wasHeld: Bool { self == .underWay || self == .concluded }
}

/// What the lead agency does to a joint operation.
public enum JointOperationAction: String, Codable, Sendable, CaseIterable {
    /// 开始行动.
    case start
    /// 结束行动.
    case conclude
    /// 取消行动 — needs a reason.
    case cancel

    var pastTense: String {
        switch self {
        case .start: "started"
        case .conclude: "concluded"
        case .cancel: "cancelled"
        }
    }
}
