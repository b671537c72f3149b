import Foundation

/// The unit a waterway threshold is written in; the JSON key of its number is the unit's raw value.
public enum ThresholdUnit: String, Hashable, Codable, Sendable {
    /// Minutes (`{"minutes": 120, …}`).
    case minutes
    /// Knots, nautical miles per hour (`{"knots": 25, …}`).
    case knots
    /// Metres (`{"metres": 80, …}`).
    case metres
    /// A ratio or a confidence, 0–1 (`{"ratio": 0.3, …}`).
    case ratio

    /// The Chinese unit printed in clue facts, e.g. `分钟`.
    public var chineseName: String {
        switch self {
        case .minutes: "分钟"
        case .knots: "节"
        case .metres: "米"
        case .ratio: ""
        }
    }
}
