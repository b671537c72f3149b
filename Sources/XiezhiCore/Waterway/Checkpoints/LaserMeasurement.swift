/// 激光测量 — a checkpoint's laser (3-D scan) measurement of a passing ship, metres.
///
/// Any dimension may be missing (a partial scan); the ones present are positive and finite.
public struct LaserMeasurement: Hashable, Codable, Sendable {
    /// 船长 — overall length, metres.
    public var lengthMetres: Double?
    /// 船宽 — beam, metres.
    public var beamMetres: Double?
    /// 水面以上高度 — air draft (height above the water line), metres; changes with the load.
    public var airDraftMetres: Double?

    /// A measurement; throws `invalid_laser_measurement` for a dimension that is not a positive finite number or when
    /// none is given.
    public init(lengthMetres: Double? = nil, beamMetres: Double? = nil, airDraftMetres: Double? = nil) throws(DomainError) {
        for (label, value) in [("length", lengthMetres), ("beam", beamMetres), ("air draft", airDraftMetres)] {
            if let value, !(value > 0 && value.isFinite) {
                throw DomainError(code: "invalid_laser_measurement", reason: "The measured \(label) must be a positive number of metres, got \(value).")
            }
        }
        guard lengthMetres != nil || beamMetres != nil || airDraftMetres != nil else {
            throw DomainError(code: "invalid_laser_measurement", reason: "A laser measurement needs at least one of length, beam and air draft.")
        }
        self.lengthMetres = lengthMetres
        self.beamMetres = beamMetres
        self.airDraftMetres = airDraftMetres
    }

    /// The measured value of `dimension`, metres.
    public func value(_ dimension: ShipDimension) -> Double? {
        switch dimension {
        case .length: lengthMetres
        case .beam: beamMetres
        case .airDraft: airDraftMetres
        }
    }

    private enum CodingKeys: String, CodingKey { case lengthMetres, beamMetres, airDraftMetres }

    /// Decodes through the validating initialiser.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            lengthMetres: c.decodeIfPresent(Double.self, forKey: .lengthMetres),
            beamMetres: c.decodeIfPresent(Double.self, forKey: .beamMetres),
            airDraftMetres: c.decodeIfPresent(Double.self, forKey: .airDraftMetres))
    }
}
