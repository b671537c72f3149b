import Foundation

/// 套牌/克隆身份判定 — when one identity is in two places.
///
/// JSON: `{"maxPlausibleKnots": {"knots", "citation", "note"?}, "noiseMetres", "minPositionsPerTrack",
/// "trackTimeoutMinutes", "maxTracksPerMMSI", "nameMaxDistance", "nameMargin", "fingerprintDeviationMultiple", "citation",
/// "note"?}`.
/// Two sightings of one MMSI or one name are implausible when they are more than `noiseMetres` apart and the straight
/// line between them (a lower bound of the distance by water) needs more than `maxPlausibleKnots`. An MMSI is cloned
/// when two such tracks each gather `minPositionsPerTrack` positions while both are alive (a track dies after
/// `trackTimeoutMinutes` without positions). A checkpoint reading is a sighting of a registered name when that name is
/// the nearest to the reading, at most `nameMaxDistance` away (weighted edit distance, ``ShipNameMatcher``), and every
/// other registered name less than `nameMargin` further away is ruled out by the laser (its fingerprint does not fit);
/// the measurement contradicts the name's fingerprint when it is off by more than `fingerprintDeviationMultiple`
/// tolerances.
public struct CloneRules: Hashable, Sendable, Decodable {
    /// The fastest a ship of the region can plausibly travel, knots (its own citation).
    public var maxPlausibleKnots: CitedThreshold
    /// Distances at or below this are position noise, never a second place, metres.
    public var noiseMetres: Double
    /// Positions each of two tracks needs before the MMSI counts as cloned.
    public var minPositionsPerTrack: Int
    /// Minutes without positions after which a track is closed.
    public var trackTimeoutMinutes: Double
    /// Tracks kept per MMSI (bounded memory); the stalest is dropped beyond this.
    public var maxTracksPerMMSI: Int
    /// The largest weighted edit distance from a reading to a name for the reading to be a sighting of it.
    public var nameMaxDistance: Double
    /// How much further than the nearest name another name must be not to compete with it (unless the laser rules it out).
    public var nameMargin: Double
    /// How many fingerprint tolerances a laser measurement must be off by to contradict the name.
    public var fingerprintDeviationMultiple: Double
    /// The project rule for the numbers other than the speed.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    private enum CodingKeys: String, CodingKey {
        case maxPlausibleKnots, noiseMetres, minPositionsPerTrack, trackTimeoutMinutes, maxTracksPerMMSI, nameMaxDistance, nameMargin
        case fingerprintDeviationMultiple, citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "maxPlausibleKnots", "noiseMetres", "minPositionsPerTrack", "trackTimeoutMinutes", "maxTracksPerMMSI",
                "nameMaxDistance", "nameMargin", "fingerprintDeviationMultiple", "citation", "note",
            ])
        maxPlausibleKnots = try c.citedThreshold(.maxPlausibleKnots, unit: .knots, range: 1...100)
        noiseMetres = try c.waterwayNumber(.noiseMetres, in: decoder, WaterwayBound.metres)
        minPositionsPerTrack = try c.waterwayInt(.minPositionsPerTrack, in: decoder, 1...1_000)
        trackTimeoutMinutes = try c.waterwayNumber(.trackTimeoutMinutes, in: decoder, WaterwayBound.minutes)
        maxTracksPerMMSI = try c.waterwayInt(.maxTracksPerMMSI, in: decoder, 2...100)
        nameMaxDistance = try c.waterwayNumber(.nameMaxDistance, in: decoder, 0...20)
        nameMargin = try c.waterwayNumber(.nameMargin, in: decoder, 0...20)
        fingerprintDeviationMultiple = try c.waterwayNumber(.fingerprintDeviationMultiple, in: decoder, 1...100)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
