import Foundation

/// 一超四罚 (公路安全保护条例 Art. 66): how many overload penalties a vehicle has had in the rule's window, and
/// whether it is past the threshold that calls for revoking its operating certificate.
public struct RepeatOffenceStatus: Hashable, Codable, Sendable {
    /// Penalties for `overload` on this subject decided by any agency the node knows of, with the act in the window.
    public var count: Int
    public var windowStart: Date
    /// More than the maximum (Art. 66: "超过3次").
    public var exceeds: Bool
    /// The recommendation in Chinese, when it exceeds.
    public var recommendation: String?
    public var citation: Citation
    /// The decisions counted.
    public var decisions: [String]

    /// Evaluates a vehicle's record as of `now`.
    public static func vehicle(penalties: [PriorPenalty], now: Date, rule: RepeatOffenceRule) -> RepeatOffenceStatus {
        let start = ChinaTime.calendar.date(byAdding: .day, value: -rule.windowDays, to: now)!
        let counted = penalties.filter { $0.violationKind == "overload" && !$0.firstViolationWaiver && $0.actAt >= start && $0.actAt <= now }
        let exceeds = counted.count > rule.vehicleMaximum
        return RepeatOffenceStatus(
            count: counted.count, windowStart: start, exceeds: exceeds,
            recommendation: exceeds ? "一年内违法超限运输 \(counted.count) 次，超过 \(rule.vehicleMaximum) 次：建议由道路运输管理机构吊销车辆营运证（\(rule.citation)）" : nil,
            citation: rule.citation, decisions: counted.map(\.decisionNumber))
    }
}
