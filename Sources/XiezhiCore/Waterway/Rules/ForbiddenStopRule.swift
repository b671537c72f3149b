import Foundation

/// 危险品船禁停区段 — a segment where a dangerous-goods ship may not stop longer than the jurisdiction's
/// dangerous-goods stop threshold (``WaterwayThresholds/Kind/dangerousGoodsStop``).
///
/// JSON: `{"segment", "citation", "note"?}`.
public struct ForbiddenStopRule: Hashable, Sendable, Codable {
    /// The ``WaterwaySegment/id``.
    public var segment: String
    /// The ban.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(segment: String, citation: Citation, note: String? = nil) {
        self.segment = segment
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case segment, citation, note }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(decoder, CodingKeys.self, allowed: ["segment", "citation", "note"])
        segment = try c.waterwayIdentifier(.segment, in: decoder)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
