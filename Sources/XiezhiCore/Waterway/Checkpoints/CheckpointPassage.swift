import Foundation

/// 过卡记录 — one ship passing an electronic checkpoint: when, which way, the name the camera read (possibly empty or
/// wrong), the laser measurement and the photos.
public struct CheckpointPassage: Hashable, Codable, Sendable {
    /// The checkpoint system's record id, unique per checkpoint.
    public var id: String
    /// The ``Checkpoint/id``.
    public var checkpoint: String
    /// When the ship crossed the checkpoint line (UTC).
    public var time: Date
    /// Which way, when the checkpoint knows.
    public var direction: PassageDirection?
    /// 船名识别结果 — the OCR'd name as read (may be empty, partial or wrong).
    public var ocrName: String?
    /// The OCR engine's confidence, 0–1.
    public var ocrConfidence: Double?
    /// The laser measurement.
    public var laser: LaserMeasurement?
    /// References to the photos (storage keys or URLs).
    public var photos: [String]

    /// A passage; throws `invalid_passage` for a blank id or checkpoint or a confidence outside 0–1.
    public init(
        id: String, checkpoint: String, time: Date, direction: PassageDirection? = nil, ocrName: String? = nil,
        ocrConfidence: Double? = nil, laser: LaserMeasurement? = nil, photos: [String] = []
    ) throws(DomainError) {
        guard !id.trimmingCharacters(in: .whitespaces).isEmpty, !checkpoint.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw DomainError(code: "invalid_passage", reason: "A passage needs its record id and its checkpoint.")
        }
        if let ocrConfidence, !(0...1).contains(ocrConfidence) {
            throw DomainError(code: "invalid_passage", reason: "The OCR confidence must be between 0 and 1, got \(ocrConfidence).")
        }
        self.id = id
        self.checkpoint = checkpoint
        self.time = time
        self.direction = direction
        self.ocrName = ocrName
        self.ocrConfidence = ocrConfidence
        self.laser = laser
        self.photos = photos
    }

    /// The OCR text cleaned for matching (see ``ShipNameMatcher/normalised(_:)``); `nil` when nothing was read.
    public var reading: String? {
        guard let ocrName else { return nil }
        let text = ShipNameMatcher.normalised(ocrName)
        return text.isEmpty ? nil : text
    }

    private enum CodingKeys: String, CodingKey {
        case id, checkpoint, time, direction, ocrName, ocrConfidence, laser, photos
    }

    /// Decodes through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: c.decode(String.self, forKey: .id), checkpoint: c.decode(String.self, forKey: .checkpoint),
            time: c.decode(Date.self, forKey: .time), direction: c.decodeIfPresent(PassageDirection.self, forKey: .direction),
            ocrName: c.decodeIfPresent(String.self, forKey: .ocrName),
            ocrConfidence: c.decodeIfPresent(Double.self, forKey: .ocrConfidence),
            laser: c.decodeIfPresent(LaserMeasurement.self, forKey: .laser),
            photos: c.decodeIfPresent([String].self, forKey: .photos) ?? [])
    }
}
