import Foundation

/// One ship a passage may have been, with what speaks for and against it.
public struct IdentificationCandidate: Hashable, Codable, Sendable {
    /// The ship's name; `nil` for an MMSI not in the registry.
    public var vessel: VesselName?
    /// The ship's MMSI, when known.
    public var mmsi: MMSI?
    /// Whether the name is in the registry (a name only read, or an unknown MMSI, is not).
    public var isRegistered: Bool
    /// The summed log-odds of its evidence.
    public var score: Double
    /// Its share of belief against the other candidates and an unknown ship, 0–1.
    public var confidence: Double
    /// The OCR reading's similarity to its name, when both exist.
    public var ocrSimilarity: Double?
    /// The OCR evidence, −1…1 (already scaled by the OCR confidence).
    public var ocrEvidence: Double?
    /// How the laser measurement compares with its fingerprint.
    public var fingerprint: FingerprintMatch?
    /// Its MMSI's crossing of the line.
    public var crossing: LineCrossing?
    /// The AIS evidence, 0…1.
    public var aisEvidence: Double?

    /// Creates the value.
    public init(
        vessel: VesselName?, mmsi: MMSI?, isRegistered: Bool, score: Double, confidence: Double,
        ocrSimilarity: Double? = nil, ocrEvidence: Double? = nil, fingerprint: FingerprintMatch? = nil,
        crossing: LineCrossing? = nil, aisEvidence: Double? = nil
    ) {
        self.vessel = vessel
        self.mmsi = mmsi
        self.isRegistered = isRegistered
        self.score = score
        self.confidence = confidence
        self.ocrSimilarity = ocrSimilarity
        self.ocrEvidence = ocrEvidence
        self.fingerprint = fingerprint
        self.crossing = crossing
        self.aisEvidence = aisEvidence
    }

    /// The sources whose evidence is for it, in the order AIS, OCR, fingerprint.
    public var supportingSources: [IdentificationSource] {
        var sources: [IdentificationSource] = []
        if (aisEvidence ?? 0) > 0 { sources.append(.ais) }
        if (ocrEvidence ?? 0) > 0 { sources.append(.ocr) }
        if (fingerprint?.evidence ?? 0) > 0 { sources.append(.fingerprint) }
        return sources
    }

    /// `浙嘉兴货1234`, `MMSI 413123456`, or both.
    public var label: String {
        switch (vessel, mmsi) {
        case let (name?, mmsi?): "\(name.value)（MMSI \(mmsi.value)）"
        case let (name?, nil): name.value
        case let (nil, mmsi?): "MMSI \(mmsi.value)"
        case (nil, nil): "未知船舶"
        }
    }
}
