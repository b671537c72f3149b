/// 单轮胎减载 — Order 62 Art. 3 ¶2(二): apart from the drive axle, the axles of tandem and tridem groups and the
/// axles of semi-trailers and full trailers are presumed dual-tyred; where such an axle has a single tyre on each
/// side, the limit is reduced by `reductionKg` (3,000 kg), unless the tyres are compliant wide tyres.
///
/// Applied once per vehicle however many axles have single tyres ("限定标准减少3000千克"). JSON:
/// `{"reductionKg", "citation", "note"?}`.
public struct SingleTyreReduction: Hashable, Sendable, Decodable {
    /// The reduction in kilograms.
    public var reductionKg: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(reductionKg: Int, citation: Citation, note: String? = nil) {
        self.reductionKg = reductionKg
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case reductionKg, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["reductionKg", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reductionKg = try container.limitInt(.reductionKg, in: decoder, 0...LimitsDecoding.Bound.kg)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// 空气悬架增加限值 — 交公路发〔2016〕124号 认定标准: for a truck of the listed axle counts (三轴、四轴货车) whose
/// drive axle has dual tyres and air suspension, the limit rises by `increaseKg` (1,000 kg).
///
/// With several drive axles, every one must be dual-tyred and air-suspended. JSON:
/// `{"vehicle", "axleCounts", "increaseKg", "citation", "note"?}`.
public struct AirSuspensionAllowance: Hashable, Sendable, Decodable {
    /// The vehicle class it applies to (货车).
    public var vehicle: WeighVehicle
    /// The axle counts it applies to (3 and 4).
    public var axleCounts: [Int]
    /// The increase in kilograms.
    public var increaseKg: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(vehicle: WeighVehicle, axleCounts: [Int], increaseKg: Int, citation: Citation, note: String? = nil) {
        self.vehicle = vehicle
        self.axleCounts = axleCounts
        self.increaseKg = increaseKg
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case vehicle, axleCounts, increaseKg, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["vehicle", "axleCounts", "increaseKg", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vehicle = try container.decode(WeighVehicle.self, forKey: .vehicle)
        axleCounts = try container.decode([Int].self, forKey: .axleCounts)
        increaseKg = try container.limitInt(.increaseKg, in: decoder, 0...LimitsDecoding.Bound.kg)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try LimitsDecoding.require(
            !axleCounts.isEmpty && axleCounts.allSatisfy { (1...LimitsDecoding.Bound.axles).contains($0) }, decoder,
            "axleCounts must list at least one axle count between 1 and \(LimitsDecoding.Bound.axles)"
        )
    }
}

/// What the judge assumes about a qualifying condition a weigh-in-motion device cannot measure.
public enum UnmeasuredCondition: String, Hashable, Sendable, Codable {
    /// 推定满足 — resolved in the party's favour: the condition is taken as met (the higher limit applies).
    case assumeMet = "assume_met"
    /// 推定不满足 — the condition is taken as not met (the higher limit needs proof).
    case assumeNotMet = "assume_not_met"
}

/// 四轴铰接列车37吨 — 交公路发〔2016〕124号 认定标准 (after GB 1589-2016): a four-axle articulated combination whose
/// drive axle has dual tyres and air suspension, and whose semi-trailer axles are at least
/// `trailerAxleSpacingMinMm` (1,800 mm) apart, is limited to `limitKg` (37,000 kg) instead of 36,000 kg.
///
/// A WIM record carries no axle spacing and does not tell an articulated combination from a truck with a centre-axle
/// trailer, so `whenUnmeasured` decides those conditions; the shipped data resolves them in the party's favour and
/// the judgement says so. JSON: `{"vehicle", "axles", "limitKg", "trailerAxleSpacingMinMm", "whenUnmeasured",
/// "citation", "note"?}`.
public struct ArticulatedAirSuspensionLimit: Hashable, Sendable, Decodable {
    /// 汽车列车.
    public var vehicle: WeighVehicle
    /// Four.
    public var axles: Int
    /// The limit in kilograms when the conditions hold.
    public var limitKg: Int
    /// The least spacing between the semi-trailer's two axles, mm (shown in the judgement; not measurable).
    public var trailerAxleSpacingMinMm: Int
    /// What to assume about the spacing and the articulation.
    public var whenUnmeasured: UnmeasuredCondition
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(
        vehicle: WeighVehicle, axles: Int, limitKg: Int, trailerAxleSpacingMinMm: Int,
        whenUnmeasured: UnmeasuredCondition, citation: Citation, note: String? = nil
    ) {
        self.vehicle = vehicle
        self.axles = axles
        self.limitKg = limitKg
        self.trailerAxleSpacingMinMm = trailerAxleSpacingMinMm
        self.whenUnmeasured = whenUnmeasured
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case vehicle, axles, limitKg, trailerAxleSpacingMinMm, whenUnmeasured, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(
            in: decoder, allowed: ["vehicle", "axles", "limitKg", "trailerAxleSpacingMinMm", "whenUnmeasured", "citation", "note"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vehicle = try container.decode(WeighVehicle.self, forKey: .vehicle)
        axles = try container.limitInt(.axles, in: decoder, 1...LimitsDecoding.Bound.axles)
        limitKg = try container.limitInt(.limitKg, in: decoder, 1...LimitsDecoding.Bound.kg)
        trailerAxleSpacingMinMm = try container.limitInt(.trailerAxleSpacingMinMm, in: decoder, 0...LimitsDecoding.Bound.mm)
        whenUnmeasured = try container.decode(UnmeasuredCondition.self, forKey: .whenUnmeasured)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// 行驶证核定总质量 — 交公路发〔2016〕124号 认定标准 (confirmed by 交公路发〔2017〕173号 per the MoT in 2021): a
/// two-axle truck's limit is also capped by the total mass on its registration certificate, when that is known.
///
/// No number of its own: the cap is the record's `registered_mass_kg`. JSON: `{"vehicle", "axleCounts", "citation",
/// "note"?}`.
public struct RegisteredMassCap: Hashable, Sendable, Decodable {
    /// 货车.
    public var vehicle: WeighVehicle
    /// The axle counts it applies to (2).
    public var axleCounts: [Int]
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(vehicle: WeighVehicle, axleCounts: [Int], citation: Citation, note: String? = nil) {
        self.vehicle = vehicle
        self.axleCounts = axleCounts
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case vehicle, axleCounts, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["vehicle", "axleCounts", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        vehicle = try container.decode(WeighVehicle.self, forKey: .vehicle)
        axleCounts = try container.decode([Int].self, forKey: .axleCounts)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try LimitsDecoding.require(
            !axleCounts.isEmpty && axleCounts.allSatisfy { (1...LimitsDecoding.Bound.axles).contains($0) }, decoder,
            "axleCounts must list at least one axle count between 1 and \(LimitsDecoding.Bound.axles)"
        )
    }
}
