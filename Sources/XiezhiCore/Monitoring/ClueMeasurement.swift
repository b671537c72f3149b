import Foundation

/// What a clue measured against what the rule allows, e.g. `车速 112 km/h（限值 100 km/h）`, `连续驾驶时长 4小时12分（限值 4小时）`.
public struct ClueMeasurement: Hashable, Codable, Sendable, CustomStringConvertible {
    /// What was measured, in Chinese, e.g. `车速`, `连续驾驶时长`.
    public var nameZh: String
    /// The measured value, in ``unit``.
    public var value: Double
    /// The limit it is compared with, in ``unit``.
    public var limit: Double
    /// The unit of both numbers.
    public var unit: MeasurementUnit
    /// Where the limit comes from.
    public var citation: Citation

    /// Creates a measurement.
    public init(nameZh: String, value: Double, limit: Double, unit: MeasurementUnit, citation: Citation) {
        self.nameZh = nameZh
        self.value = value
        self.limit = limit
        self.unit = unit
        self.citation = citation
    }

    /// How far the value is over the limit, as a percentage of the limit (`12` for 112 against 100); `nil` for a zero limit.
    public var excessPercent: Double? {
        limit > 0 ? (value - limit) / limit * 100 : nil
    }

    /// `车速 112 km/h（限值 100 km/h）`.
    public var description: String {
        "\(nameZh) \(unit.format(value))（限值 \(unit.format(limit))）"
    }
}

/// The unit of a ``ClueMeasurement``.
public enum MeasurementUnit: String, Codable, Sendable {
    /// Kilometres per hour.
    case kilometresPerHour = "km_per_h"
    /// Seconds (shown as hours, minutes and seconds).
    case seconds
    /// Metres.
    case metres

    /// The value written for a document: `112 km/h`, `80.5 km/h`, `4小时12分`, `1234米`.
    public func format(_ value: Double) -> String {
        switch self {
        case .kilometresPerHour: "\(Self.decimal(value)) km/h"
        case .seconds: Self.duration(value)
        case .metres: "\(Int(value.rounded()))米"
        }
    }

    /// A number with at most one decimal, without a trailing `.0`.
    static func decimal(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        if tenths.truncatingRemainder(dividingBy: 10) == 0 { return "\(Int(tenths / 10))" }
        return String(format: "%.1f", tenths / 10)
    }

    /// `4小时12分`, `4小时0分30秒`, `19分`, `45秒`; whole seconds.
    static func duration(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let hours = total / 3600
        let minutes = (total % 3600) / 60
        let rest = total % 60
        var text = ""
        if hours > 0 { text += "\(hours)小时" }
        if minutes > 0 || (hours > 0 && rest > 0) { text += "\(minutes)分" }
        if rest > 0 || total == 0 { text += "\(rest)秒" }
        return text
    }
}
