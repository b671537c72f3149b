import Foundation

/// 过卡AIS关联 — how AIS positions are matched to a checkpoint passage.
///
/// JSON: `{"windowSeconds", "nearMetres", "maxInterpolationGapSeconds", "settleSeconds", "citation", "note"?}`. An MMSI
/// crossed the line when two consecutive positions at most `maxInterpolationGapSeconds` apart lie on both sides of it
/// (the line extended by `nearMetres` at each end), at the interpolated time; it passed near when its track comes
/// within `nearMetres` of the line. Either counts when within ±`windowSeconds` of the passage. A passage is judged
/// `settleSeconds` after its window closes, so that late AIS positions have arrived.
public struct CrossingRules: Hashable, Sendable, Decodable {
    /// Half-width of the time window around the passage, seconds.
    public var windowSeconds: Double
    /// How near a track must come to the line to count when it does not cross, metres.
    public var nearMetres: Double
    /// The longest time between two positions that is interpolated across, seconds.
    public var maxInterpolationGapSeconds: Double
    /// How long after the window a passage waits for late positions, seconds.
    public var settleSeconds: Double
    /// The project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rules.
    public init(
        windowSeconds: Double, nearMetres: Double, maxInterpolationGapSeconds: Double, settleSeconds: Double,
        citation: Citation, note: String? = nil
    ) {
        self.windowSeconds = windowSeconds
        self.nearMetres = nearMetres
        self.maxInterpolationGapSeconds = maxInterpolationGapSeconds
        self.settleSeconds = settleSeconds
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case windowSeconds, nearMetres, maxInterpolationGapSeconds, settleSeconds, citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: ["windowSeconds", "nearMetres", "maxInterpolationGapSeconds", "settleSeconds", "citation", "note"])
        windowSeconds = try c.waterwayNumber(.windowSeconds, in: decoder, 1...86_400)
        nearMetres = try c.waterwayNumber(.nearMetres, in: decoder, WaterwayBound.metres)
        maxInterpolationGapSeconds = try c.waterwayNumber(.maxInterpolationGapSeconds, in: decoder, 1...86_400)
        settleSeconds = try c.waterwayNumber(.settleSeconds, in: decoder, WaterwayBound.seconds)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
