import Foundation

/// 航行状态判定 — when a ship counts as underway or stopped (project parameters, cited as such).
///
/// JSON: `{"underwayKnots", "stopKnots", "stopRadiusMetres", "citation", "note"?}`. A position is underway at or above
/// `underwayKnots` over ground unless its navigational status is at anchor, moored or aground; a ship is stopped while
/// its speed stays at or below `stopKnots` and it stays within `stopRadiusMetres` of where it stopped.
public struct MotionRules: Hashable, Sendable, Decodable {
    /// Speed over ground from which a ship is underway, knots.
    public var underwayKnots: Double
    /// Speed over ground up to which a ship is stopped, knots.
    public var stopKnots: Double
    /// How far a stopped ship may drift from where it stopped, metres.
    public var stopRadiusMetres: Double
    /// The project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rules; throws `invalid_waterway_value` when the stop speed is above the underway speed.
    public init(underwayKnots: Double, stopKnots: Double, stopRadiusMetres: Double, citation: Citation, note: String? = nil) throws {
        self.underwayKnots = underwayKnots
        self.stopKnots = stopKnots
        self.stopRadiusMetres = stopRadiusMetres
        self.citation = citation
        self.note = note
        if stopKnots > underwayKnots {
            throw DomainError(code: WaterwayRulesDecoding.invalidValueCode, reason: "motion: stopKnots \(stopKnots) is above underwayKnots \(underwayKnots)")
        }
    }

    private enum CodingKeys: String, CodingKey { case underwayKnots, stopKnots, stopRadiusMetres, citation, note }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self, allowed: ["underwayKnots", "stopKnots", "stopRadiusMetres", "citation", "note"])
        underwayKnots = try c.waterwayNumber(.underwayKnots, in: decoder, WaterwayBound.knots)
        stopKnots = try c.waterwayNumber(.stopKnots, in: decoder, WaterwayBound.knots)
        stopRadiusMetres = try c.waterwayNumber(.stopRadiusMetres, in: decoder, WaterwayBound.metres)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        try WaterwayRulesDecoding.require(
            stopKnots <= underwayKnots, decoder, "stopKnots \(stopKnots) is above underwayKnots \(underwayKnots)")
    }
}
