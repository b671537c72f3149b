import Foundation

/// 船舶指纹比对参数 — how close a laser measurement must be to a ship's fingerprint, and when an identification may
/// grow the library.
///
/// JSON: `{"lengthToleranceMetres", "lengthTolerancePercent", "beamToleranceMetres", "airDraftToleranceMetres",
/// "spreadMultiple", "minSamples", "growthConfidenceFloor", "lengthLimitMarginMetres", "citation", "note"?}`. The
/// tolerance of a dimension is the larger of its fixed tolerance (for length: of the fixed and the percentage of the
/// expected length) and, once the fingerprint has `minSamples` samples, `spreadMultiple` standard deviations of them.
public struct FingerprintRules: Hashable, Sendable, Decodable {
    /// Fixed length tolerance, metres.
    public var lengthToleranceMetres: Double
    /// Length tolerance as a percentage of the expected length.
    public var lengthTolerancePercent: Double
    /// Beam tolerance, metres.
    public var beamToleranceMetres: Double
    /// Air-draft tolerance, metres (wide: air draft changes with the load).
    public var airDraftToleranceMetres: Double
    /// Standard deviations of the samples allowed once a fingerprint is established.
    public var spreadMultiple: Double
    /// Samples from which a fingerprint is established (its own mean and spread are used).
    public var minSamples: Int
    /// Least identification confidence for a measurement to be added to the library (0–1).
    public var growthConfidenceFloor: Double
    /// Laser length above a segment's maximum by more than this counts as over-length, metres.
    public var lengthLimitMarginMetres: Double
    /// The project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rules.
    public init(
        lengthToleranceMetres: Double, lengthTolerancePercent: Double, beamToleranceMetres: Double,
        airDraftToleranceMetres: Double, spreadMultiple: Double, minSamples: Int, growthConfidenceFloor: Double,
        lengthLimitMarginMetres: Double, citation: Citation, note: String? = nil
    ) {
        self.lengthToleranceMetres = lengthToleranceMetres
        self.lengthTolerancePercent = lengthTolerancePercent
        self.beamToleranceMetres = beamToleranceMetres
        self.airDraftToleranceMetres = airDraftToleranceMetres
        self.spreadMultiple = spreadMultiple
        self.minSamples = minSamples
        self.growthConfidenceFloor = growthConfidenceFloor
        self.lengthLimitMarginMetres = lengthLimitMarginMetres
        self.citation = citation
        self.note = note
    }

    /// The fixed tolerance of `dimension` for an expected value, metres.
    public func fixedTolerance(_ dimension: ShipDimension, expected: Double) -> Double {
        switch dimension {
        case .length: max(lengthToleranceMetres, expected * lengthTolerancePercent / 100)
        case .beam: beamToleranceMetres
        case .airDraft: airDraftToleranceMetres
        }
    }

    private enum CodingKeys: String, CodingKey {
        case lengthToleranceMetres, lengthTolerancePercent, beamToleranceMetres, airDraftToleranceMetres, spreadMultiple
        case minSamples, growthConfidenceFloor, lengthLimitMarginMetres, citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "lengthToleranceMetres", "lengthTolerancePercent", "beamToleranceMetres", "airDraftToleranceMetres",
                "spreadMultiple", "minSamples", "growthConfidenceFloor", "lengthLimitMarginMetres", "citation", "note",
            ])
        lengthToleranceMetres = try c.waterwayNumber(.lengthToleranceMetres, in: decoder, 0.01...50)
        lengthTolerancePercent = try c.waterwayNumber(.lengthTolerancePercent, in: decoder, 0...50)
        beamToleranceMetres = try c.waterwayNumber(.beamToleranceMetres, in: decoder, 0.01...50)
        airDraftToleranceMetres = try c.waterwayNumber(.airDraftToleranceMetres, in: decoder, 0.01...50)
        spreadMultiple = try c.waterwayNumber(.spreadMultiple, in: decoder, 0...100)
        minSamples = try c.waterwayInt(.minSamples, in: decoder, 1...10_000)
        growthConfidenceFloor = try c.waterwayNumber(.growthConfidenceFloor, in: decoder, WaterwayBound.unit)
        lengthLimitMarginMetres = try c.waterwayNumber(.lengthLimitMarginMetres, in: decoder, 0...50)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
