/// 轮胎配置 — whether an axle carries one tyre or two tyres on each side.
///
/// Order 62 Art. 3 ¶2(二) presumes dual tyres on the axles of tandem and tridem groups and on trailer axles (the
/// drive axle excepted); single tyres there lower the gross-mass limit by 3,000 kg unless they are compliant wide
/// tyres.
public enum TyreFitting: String, CaseIterable, Hashable, Codable, Sendable {
    /// 单轮胎 — one tyre per side.
    case single
    /// 双轮胎 — two tyres per side.
    case dual

    /// `单轮胎` or `双轮胎`.
    public var chineseName: String {
        switch self {
        case .single: "单轮胎"
        case .dual: "双轮胎"
        }
    }

    /// Decodes `single` or `dual`; anything else is `invalid_tyres`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let fitting = TyreFitting(rawValue: text) else {
            throw DomainError(code: "invalid_tyres", reason: "'\(text)' is not a tyre fitting; use 'single' (单轮胎) or 'dual' (双轮胎)")
        }
        self = fitting
    }

    /// Encodes the raw value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
