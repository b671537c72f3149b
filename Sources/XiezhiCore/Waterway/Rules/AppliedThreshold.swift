import Foundation

/// The threshold a clue used: its name, value, unit, citation and the jurisdiction scope it was resolved for.
public struct AppliedThreshold: Hashable, Sendable, Codable {
    /// What the number limits, in Chinese, e.g. `AIS信号中断时长`.
    public var nameZh: String
    /// The number, in ``unit``.
    public var value: Double
    /// The unit.
    public var unit: ThresholdUnit
    /// The article, notice or project rule.
    public var citation: Citation
    /// `national`, a 2-, 4- or 6-digit override code, or the id of the rule entry (segment, restriction) it belongs to.
    public var scope: String

    /// Creates the value.
    public init(nameZh: String, value: Double, unit: ThresholdUnit, citation: Citation, scope: String) {
        self.nameZh = nameZh
        self.value = value
        self.unit = unit
        self.citation = citation
        self.scope = scope
    }

    /// Applies a cited threshold under a name and scope.
    public init(_ threshold: CitedThreshold, nameZh: String, scope: String) {
        self.init(nameZh: nameZh, value: threshold.value, unit: threshold.unit, citation: threshold.citation, scope: scope)
    }

    /// `120分钟`, `25节`, `80米`, `0.3` (whole numbers without decimals; ratios with two).
    public var textZh: String {
        let number = unit == .ratio ? String(format: "%.2f", value)
            : (value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value))
        return "\(number)\(unit.chineseName)"
    }
}
