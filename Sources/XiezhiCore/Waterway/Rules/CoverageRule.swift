import Foundation

/// AIS岸基覆盖 — where the shore network is taken to hear every AIS transponder: within `corridorMetres` of the listed
/// waterways, except within `endMarginMetres` of a waterway's ends (a ship there may simply have sailed out).
///
/// JSON: `{"waterways": [id], "corridorMetres", "endMarginMetres", "citation", "note"?}`.
public struct CoverageRule: Hashable, Sendable, Decodable {
    /// The covered waterways, by ``Waterway/id``.
    public var waterways: [String]
    /// Half-width of the covered corridor around each waterway's line, metres.
    public var corridorMetres: Double
    /// Length at each end of a waterway's line that does not count as inside coverage, metres.
    public var endMarginMetres: Double
    /// Where the coverage claim comes from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    private enum CodingKeys: String, CodingKey { case waterways, corridorMetres, endMarginMetres, citation, note }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self, allowed: ["waterways", "corridorMetres", "endMarginMetres", "citation", "note"])
        waterways = try c.decode([String].self, forKey: .waterways)
        corridorMetres = try c.waterwayNumber(.corridorMetres, in: decoder, WaterwayBound.metres)
        endMarginMetres = try c.waterwayNumber(.endMarginMetres, in: decoder, WaterwayBound.metres)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        if let duplicate = WaterwayRulesDecoding.duplicate(in: waterways) {
            throw WaterwayRulesDecoding.invalid(decoder, "waterways: '\(duplicate)' is written twice")
        }
    }
}
