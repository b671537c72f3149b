import Foundation

/// Where a referral (移交违法线索) stands, the same on both nodes: `referred` → `accepted` | `rejected`;
/// `accepted` → `concluded` when the result is fed back.
public enum ReferralStatus: String, Codable, Sendable, CaseIterable {
    case referred, accepted, rejected, concluded

    public var chineseName: String {
        switch self {
        case .referred: "已移交待接收"
        case .accepted: "已接收"
        case .rejected: "已退回"
        case .concluded: "已反馈结果"
        }
    }

    /// The status after `event`, or a refusal naming the state it is in.
    public func after(_ event: ReferralStatus) throws -> ReferralStatus {
        switch (self, event) {
        case (.referred, .accepted), (.referred, .rejected), (.accepted, .concluded): return event
        default:
            throw DomainError(code: "referral_transition_not_allowed", reason: "a referral that is \(rawValue) (\(chineseName)) cannot become \(event.rawValue)")
        }
    }

    /// Overdue: still waiting for acceptance after the agreed deadline.
    public func isOverdue(acceptBy: Date, now: Date) -> Bool {
        self == .referred && now > acceptBy
    }
}
