import Foundation

/// 航段船长限制 — the longest ship allowed in a segment.
///
/// JSON: `{"segment", "maxLengthMetres", "citation", "note"?}`.
public struct LengthLimitRule: Hashable, Sendable, Codable {
    /// The ``WaterwaySegment/id``.
    public var segment: String
    /// The longest overall length allowed, metres.
    public var maxLengthMetres: Double
    /// The limit's source.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(segment: String, maxLengthMetres: Double, citation: Citation, note: String? = nil) {
        self.segment = segment
        self.maxLengthMetres = maxLengthMetres
        self.citation = citation
        self.note = note
    }

    /// The limit as an applied threshold.
    public var threshold: AppliedThreshold {
        AppliedThreshold(nameZh: "航段最大船长", value: maxLengthMetres, unit: .metres, citation: citation, scope: segment)
    }

    private enum CodingKeys: String, CodingKey { case segment, maxLengthMetres, citation, note }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(decoder, CodingKeys.self, allowed: ["segment", "maxLengthMetres", "citation", "note"])
        segment = try c.waterwayIdentifier(.segment, in: decoder)
        maxLengthMetres = try c.waterwayNumber(.maxLengthMetres, in: decoder, 1...500)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
