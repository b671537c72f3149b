/// 设备数据合理性 — the device-plausibility rule: when a record fails it, the weighing is a device fault (设备数据异常)
/// and never becomes a case.
///
/// Not law: these are the project's checks that a weighing is internally consistent and physically possible (the
/// axle weights add up to the gross within `axleSumTolerance`, no axle or gross beyond what a road vehicle carries,
/// no speed the device cannot weigh at, dimensions a road vehicle can have). Its citation says so. There is no lower
/// speed bound on purpose: driving slowly over the sensors is itself forbidden (浙江省公路条例 Art. 39) and must not
/// make a weighing unusable. JSON: `{"axleSumTolerancePercent", "minAxles", "minAxleKg", "maxAxleKg", "maxGrossKg",
/// "maxSpeedKmh", "maxLengthMm", "maxWidthMm", "maxHeightMm", "citation", "note"?}`.
public struct SensorSanity: Hashable, Sendable, Decodable {
    /// How far the axle sum may differ from the gross, relative to the gross (e.g. 3 %).
    public var axleSumTolerance: Percentage
    /// The fewest axles a goods vehicle has (2).
    public var minAxles: Int
    /// The lightest plausible axle, kg.
    public var minAxleKg: Int
    /// The heaviest plausible axle, kg.
    public var maxAxleKg: Int
    /// The heaviest plausible gross mass, kg.
    public var maxGrossKg: Int
    /// The fastest plausible speed, km/h.
    public var maxSpeedKmh: Int
    /// The longest plausible length, mm.
    public var maxLengthMm: Int
    /// The widest plausible width, mm.
    public var maxWidthMm: Int
    /// The tallest plausible height, mm.
    public var maxHeightMm: Int
    /// Where the rule comes from (the project, not a statute).
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule; throws `invalid_limit_value` when a minimum exceeds its maximum.
    public init(
        axleSumTolerance: Percentage, minAxles: Int, minAxleKg: Int, maxAxleKg: Int, maxGrossKg: Int, maxSpeedKmh: Int,
        maxLengthMm: Int, maxWidthMm: Int, maxHeightMm: Int, citation: Citation, note: String? = nil
    ) throws {
        self.axleSumTolerance = axleSumTolerance
        self.minAxles = minAxles
        self.minAxleKg = minAxleKg
        self.maxAxleKg = maxAxleKg
        self.maxGrossKg = maxGrossKg
        self.maxSpeedKmh = maxSpeedKmh
        self.maxLengthMm = maxLengthMm
        self.maxWidthMm = maxWidthMm
        self.maxHeightMm = maxHeightMm
        self.citation = citation
        self.note = note
        if let problem { throw DomainError(code: "invalid_limit_value", reason: "sensorSanity: \(problem)") }
    }

    /// The plausibility bound for one dimension, mm.
    public func maxMm(_ dimension: Dimension) -> Int {
        switch dimension {
        case .height: maxHeightMm
        case .width: maxWidthMm
        case .length: maxLengthMm
        }
    }

    var problem: String? {
        if minAxleKg > maxAxleKg { return "minAxleKg \(minAxleKg) is above maxAxleKg \(maxAxleKg)" }
        if maxAxleKg > maxGrossKg { return "maxAxleKg \(maxAxleKg) is above maxGrossKg \(maxGrossKg)" }
        return nil
    }

    private enum CodingKeys: String, CodingKey {
        case axleSumTolerancePercent, minAxles, minAxleKg, maxAxleKg, maxGrossKg, maxSpeedKmh
        case maxLengthMm, maxWidthMm, maxHeightMm, citation, note
    }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: [
                "axleSumTolerancePercent", "minAxles", "minAxleKg", "maxAxleKg", "maxGrossKg", "maxSpeedKmh",
                "maxLengthMm", "maxWidthMm", "maxHeightMm", "citation", "note",
            ]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bound = LimitsDecoding.Bound.self
        axleSumTolerance = try container.limitPercentage(.axleSumTolerancePercent, in: decoder, 0...10_000)
        minAxles = try container.limitInt(.minAxles, in: decoder, 1...bound.axles)
        minAxleKg = try container.limitInt(.minAxleKg, in: decoder, 1...bound.kg)
        maxAxleKg = try container.limitInt(.maxAxleKg, in: decoder, 1...bound.kg)
        maxGrossKg = try container.limitInt(.maxGrossKg, in: decoder, 1...bound.kg)
        maxSpeedKmh = try container.limitInt(.maxSpeedKmh, in: decoder, 1...bound.kmh)
        maxLengthMm = try container.limitInt(.maxLengthMm, in: decoder, 1...bound.mm)
        maxWidthMm = try container.limitInt(.maxWidthMm, in: decoder, 1...bound.mm)
        maxHeightMm = try container.limitInt(.maxHeightMm, in: decoder, 1...bound.mm)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        if let problem { throw DomainError(code: "invalid_limit_value", reason: "\(LimitsDecoding.path(decoder.codingPath)): \(problem)") }
    }
}
