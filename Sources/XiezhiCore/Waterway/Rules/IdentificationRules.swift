import Foundation

/// 过卡身份融合参数 — the weights and floors of ``VesselIdentifier``.
///
/// JSON: `{"ocrConfidenceFloor", "ocrNeutralDistance", "candidateMinimumSimilarity", "candidateLimit", "ocrWeight",
/// "fingerprintWeight", "aisWeight", "nearCrossingFactor", "noneLogOdds", "unregisteredLogOdds", "identifiedFloor",
/// "citation", "note"?}`. Each candidate's score is a sum of log-odds: `ocrWeight` × the OCR evidence (+1 for an exact
/// name, 0 at an edit distance of `ocrNeutralDistance`, −1 at twice that or more, scaled by the OCR confidence; the
/// distance is absolute, so each misread character costs the same whatever the name's length), `fingerprintWeight` × the
/// fingerprint evidence (+1 within half the tolerance, 0 at its edge, −1 at one and a half tolerances), `aisWeight` × the
/// AIS evidence (+1 crossing at the passage time, falling to 0 at the window edge, × `nearCrossingFactor` when only
/// passing near), plus
/// `unregisteredLogOdds` for a name read but not in the registry. The confidence of a candidate is its share against
/// all candidates and an "unknown ship" hypothesis scored `noneLogOdds`; a passage is identified at `identifiedFloor`.
public struct IdentificationRules: Hashable, Sendable, Decodable {
    /// OCR readings below this confidence are ignored (0–1).
    public var ocrConfidenceFloor: Double
    /// The weighted edit distance (``ShipNameMatcher``) that is neither for nor against a candidate, in unrelated
    /// characters (the shipped table: 3).
    public var ocrNeutralDistance: Double
    /// Registry names less similar than this to the reading are not candidates (0–1).
    public var candidateMinimumSimilarity: Double
    /// The most candidates taken from each source (names, fingerprints).
    public var candidateLimit: Int
    /// Log-odds of an exact name read with full confidence.
    public var ocrWeight: Double
    /// Log-odds of an exact fingerprint match.
    public var fingerprintWeight: Double
    /// Log-odds of an AIS line crossing at the passage time.
    public var aisWeight: Double
    /// Factor on the AIS evidence when a track only passed near the line (0–1).
    public var nearCrossingFactor: Double
    /// Log-odds of the hypothesis that the ship is none of the candidates.
    public var noneLogOdds: Double
    /// Log-odds added to a name that was read but is not in the registry (usually negative).
    public var unregisteredLogOdds: Double
    /// Least confidence for a passage to count as identified (0–1).
    public var identifiedFloor: Double
    /// The project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rules.
    public init(
        ocrConfidenceFloor: Double, ocrNeutralDistance: Double, candidateMinimumSimilarity: Double, candidateLimit: Int,
        ocrWeight: Double, fingerprintWeight: Double, aisWeight: Double, nearCrossingFactor: Double, noneLogOdds: Double,
        unregisteredLogOdds: Double, identifiedFloor: Double, citation: Citation, note: String? = nil
    ) {
        self.ocrConfidenceFloor = ocrConfidenceFloor
        self.ocrNeutralDistance = ocrNeutralDistance
        self.candidateMinimumSimilarity = candidateMinimumSimilarity
        self.candidateLimit = candidateLimit
        self.ocrWeight = ocrWeight
        self.fingerprintWeight = fingerprintWeight
        self.aisWeight = aisWeight
        self.nearCrossingFactor = nearCrossingFactor
        self.noneLogOdds = noneLogOdds
        self.unregisteredLogOdds = unregisteredLogOdds
        self.identifiedFloor = identifiedFloor
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case ocrConfidenceFloor, ocrNeutralDistance, candidateMinimumSimilarity, candidateLimit, ocrWeight
        case fingerprintWeight, aisWeight, nearCrossingFactor, noneLogOdds, unregisteredLogOdds, identifiedFloor
        case citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "ocrConfidenceFloor", "ocrNeutralDistance", "candidateMinimumSimilarity", "candidateLimit", "ocrWeight",
                "fingerprintWeight", "aisWeight", "nearCrossingFactor", "noneLogOdds", "unregisteredLogOdds",
                "identifiedFloor", "citation", "note",
            ])
        let unit = WaterwayBound.unit
        ocrConfidenceFloor = try c.waterwayNumber(.ocrConfidenceFloor, in: decoder, unit)
        ocrNeutralDistance = try c.waterwayNumber(.ocrNeutralDistance, in: decoder, 0.1...20)
        candidateMinimumSimilarity = try c.waterwayNumber(.candidateMinimumSimilarity, in: decoder, unit)
        candidateLimit = try c.waterwayInt(.candidateLimit, in: decoder, 1...100)
        ocrWeight = try c.waterwayNumber(.ocrWeight, in: decoder, 0...50)
        fingerprintWeight = try c.waterwayNumber(.fingerprintWeight, in: decoder, 0...50)
        aisWeight = try c.waterwayNumber(.aisWeight, in: decoder, 0...50)
        nearCrossingFactor = try c.waterwayNumber(.nearCrossingFactor, in: decoder, unit)
        noneLogOdds = try c.waterwayNumber(.noneLogOdds, in: decoder, -50...50)
        unregisteredLogOdds = try c.waterwayNumber(.unregisteredLogOdds, in: decoder, -50...50)
        identifiedFloor = try c.waterwayNumber(.identifiedFloor, in: decoder, unit)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
