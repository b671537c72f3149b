import Foundation

/// 毗邻联合执法区域 — how far each side's officers may act into the other side of a border segment.
///
/// Read from `rules/joint-zone.json`; the width is an inter-agency arrangement (see its ``citation``), not a
/// statute, so the code never hard-codes it.
public struct JointZoneRule: Hashable, Sendable, Codable {
    /// The zone's half-width: the distance from the border line on each side, metres.
    public var width: Double
    /// Where the width comes from.
    public var citation: Citation

    private enum CodingKeys: String, CodingKey {
        case width = "width_m"
        case citation
    }

    public init(width: Double, citation: Citation) {
        self.width = width
        self.citation = citation
    }

    /// Decodes the rule file's bytes, refusing a width that is not a positive number of metres up to 50 km.
    public init(data: Data) throws {
        let rule: JointZoneRule
        do {
            rule = try JSONDecoder().decode(JointZoneRule.self, from: data)
        } catch {
            throw DomainError(code: "invalid_joint_zone_rule",
                              reason: "The joint-zone rule is not valid JSON with width_m and citation: \(error)")
        }
        guard rule.width.isFinite, rule.width > 0, rule.width <= 50_000 else {
            throw DomainError(code: "invalid_joint_zone_rule",
                              reason: "The joint-zone width must be more than 0 and at most 50,000 m, not \(rule.width)")
        }
        self = rule
    }
}
