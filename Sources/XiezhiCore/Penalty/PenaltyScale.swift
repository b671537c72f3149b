/// 裁量标准 — the scale a benchmark entry prices one violation with.
///
/// Written in the file as an object with a `type` and that type's fields; an unknown `type` is refused with
/// `unknown_scale_type`.
public enum PenaltyScale: Hashable, Sendable, Codable {
    /// Per-tonne fines on the mass over the limit (超限 车货总质量).
    case massExcess(MassExcessScale)
    /// Fine ranges by how far height, width or length is over (超限 外廓尺寸).
    case dimensionBands(DimensionBandScale)

    /// The scale's type tag.
    public var type: PenaltyScaleType {
        switch self {
        case .massExcess: .massExcess
        case .dimensionBands: .dimensionBands
        }
    }

    /// Every citation in the scale, in file order.
    public var citations: [Citation] {
        switch self {
        case .massExcess(let scale): scale.citations
        case .dimensionBands(let scale): scale.citations
        }
    }

    private enum CodingKeys: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(PenaltyScaleType.self, forKey: .type) {
        case .massExcess: self = .massExcess(try MassExcessScale(from: decoder))
        case .dimensionBands: self = .dimensionBands(try DimensionBandScale(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .massExcess(let scale): try scale.encode(to: encoder)
        case .dimensionBands(let scale): try scale.encode(to: encoder)
        }
    }
}

/// The known scale types; the file's `type` and a violation kind's `scaleType` must be one of these.
public enum PenaltyScaleType: String, Hashable, Sendable, Codable, CaseIterable {
    /// `mass_excess` — see ``MassExcessScale``.
    case massExcess = "mass_excess"
    /// `dimension_bands` — see ``DimensionBandScale``.
    case dimensionBands = "dimension_bands"

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let type = PenaltyScaleType(rawValue: text) else {
            let known = Self.allCases.map(\.rawValue).joined(separator: ", ")
            throw DomainError(
                code: "unknown_scale_type",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): unknown scale type '\(text)'; known types: \(known)"
            )
        }
        self = type
    }
}

/// How the tonnes over a limit are counted against a per-tonne rate (每超1,000千克罚款…).
///
/// Order 62 says "每超1000千克罚款500元" without saying how a part tonne counts; practice differs, so each
/// jurisdiction states its rule in data.
public enum MassCounting: String, Hashable, Sendable, Codable, CaseIterable {
    /// 按实际千克数折算 — the exact kilograms, pro rata (1 kg = 1/1,000 of the tonne rate).
    case exactKg = "exact_kg"
    /// 不足1吨按1吨计 — every started tonne counts as a whole tonne.
    case startedTonne = "started_tonne"
    /// 不足1吨不计 — only whole tonnes count.
    case wholeTonne = "whole_tonne"

    public init(from decoder: any Decoder) throws {
        self = try decodeKnown(Self.self, from: decoder, what: "mass counting rule")
    }
}

/// How a computed amount is rounded before the cap is applied.
public enum AmountRounding: String, Hashable, Sendable, Codable, CaseIterable {
    /// 精确到分 — kept to the fen, no rounding.
    case none
    /// 向下取整到元 — whole yuan, rounded down (in the party's favour).
    case floorYuan = "floor_yuan"
    /// 四舍五入到元 — whole yuan, half up.
    case halfUpYuan = "half_up_yuan"

    public init(from decoder: any Decoder) throws {
        self = try decodeKnown(Self.self, from: decoder, what: "amount rounding rule")
    }

    /// Applies the rule to an amount.
    public func apply(to money: Money) -> Money {
        switch self {
        case .none: money
        case .floorYuan: Money(fen: money.fen - money.fen % 100)
        case .halfUpYuan: Money(fen: (money.fen + 50) / 100 * 100)
        }
    }

    /// The rule in Chinese, for reasoning lines.
    public var chineseName: String {
        switch self {
        case .none: "精确到分"
        case .floorYuan: "向下取整到元"
        case .halfUpYuan: "四舍五入到元"
        }
    }
}

/// Decodes a string enum, refusing unknown values with `invalid_benchmark_value` and listing the known ones.
func decodeKnown<Value: RawRepresentable & CaseIterable>(
    _ type: Value.Type, from decoder: any Decoder, what: String
) throws -> Value where Value.RawValue == String {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = Value(rawValue: text) else {
        let known = Value.allCases.map(\.rawValue).joined(separator: ", ")
        throw DomainError(
            code: "invalid_benchmark_value",
            reason: "\(BenchmarkDecoding.path(decoder.codingPath)): unknown \(what) '\(text)'; known: \(known)"
        )
    }
    return value
}
