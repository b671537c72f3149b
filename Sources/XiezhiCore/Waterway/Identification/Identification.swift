import Foundation

/// 过卡身份识别结果 — who passed a checkpoint, how sure, and by which evidence.
public struct Identification: Hashable, Codable, Sendable {
    /// The ``CheckpointPassage/id``.
    public var passage: String
    /// The ``Checkpoint/id``.
    public var checkpoint: String
    /// The passage time (UTC).
    public var time: Date
    /// The identified ship's name; `nil` when not identified or identified only by an unknown MMSI.
    public var vessel: VesselName?
    /// The identified ship's MMSI, when identified and known.
    public var mmsi: MMSI?
    /// The best candidate's confidence, 0–1 (0 without candidates).
    public var confidence: Double
    /// The evidence that identified it (AIS, OCR, fingerprint — several for a combined identification); empty when
    /// not identified.
    public var method: [IdentificationSource]
    /// Whether the confidence reached ``IdentificationRules/identifiedFloor``.
    public var isIdentified: Bool
    /// The candidates considered, best first (capped).
    public var candidates: [IdentificationCandidate]

    /// Creates the value.
    public init(
        passage: String, checkpoint: String, time: Date, vessel: VesselName?, mmsi: MMSI?, confidence: Double,
        method: [IdentificationSource], isIdentified: Bool, candidates: [IdentificationCandidate]
    ) {
        self.passage = passage
        self.checkpoint = checkpoint
        self.time = time
        self.vessel = vessel
        self.mmsi = mmsi
        self.confidence = confidence
        self.method = method
        self.isIdentified = isIdentified
        self.candidates = candidates
    }

    /// The chosen candidate, when identified.
    public var best: IdentificationCandidate? { isIdentified ? candidates.first : nil }

    /// The candidates other than the chosen one (all of them when not identified).
    public var alternatives: [IdentificationCandidate] { isIdentified ? Array(candidates.dropFirst()) : candidates }

    /// `AIS+船名识别+船舶指纹`, or `未识别`.
    public var methodZh: String { method.isEmpty ? "未识别" : method.map(\.chineseName).joined(separator: "+") }
}
