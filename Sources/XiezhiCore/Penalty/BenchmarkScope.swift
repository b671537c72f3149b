/// The level a benchmark entry is written for: the national default, a province, a prefecture or a county.
///
/// Written in the file as `national`, a 2-digit province prefix (`33`), a 4-digit prefecture prefix (`3304`)
/// or a 6-digit GB/T 2260 code (`330482`). A quote looks for the county first, then the prefecture, the
/// province and the national default, so a county entry overrides its province.
public enum BenchmarkScope: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    /// 全国 — the national default (国家规定).
    case national
    /// 省级 — a province or provincial-level city, by its 2-digit prefix (33 Zhejiang, 31 Shanghai, 32 Jiangsu).
    case province(String)
    /// 地市级 — a prefecture, by its 4-digit prefix (3304 Jiaxing).
    case prefecture(String)
    /// 区县级 — a county or district, by its full 6-digit code (330482 Pinghu).
    case county(JurisdictionCode)

    /// Parses `national`, 2, 4 or 6 digits; anything else is `nil`.
    public init?(text: String) {
        if text == "national" { self = .national; return }
        guard text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        switch text.utf8.count {
        case 2: self = .province(text)
        case 4: self = .prefecture(text)
        case 6:
            guard let code = JurisdictionCode(rawValue: text) else { return nil }
            self = .county(code)
        default: return nil
        }
    }

    /// The scopes a jurisdiction's quote looks in, most specific first.
    public static func lookupOrder(for jurisdiction: JurisdictionCode) -> [BenchmarkScope] {
        let code = jurisdiction.rawValue
        return [.county(jurisdiction), .prefecture(String(code.prefix(4))), .province(jurisdiction.provincePrefix), .national]
    }

    /// The text used in the file: `national`, `33`, `3304` or `330482`.
    public var text: String {
        switch self {
        case .national: "national"
        case .province(let prefix), .prefecture(let prefix): prefix
        case .county(let code): code.rawValue
        }
    }

    /// `全国`, `省级`, `地市级` or `区县级`, for reasoning lines.
    public var chineseLevel: String {
        switch self {
        case .national: "全国"
        case .province: "省级"
        case .prefecture: "地市级"
        case .county: "区县级"
        }
    }

    public var description: String { text }

    /// More specific scopes sort first (county, prefecture, province, national), then by code.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        func rank(_ scope: Self) -> Int {
            switch scope {
            case .county: 0
            case .prefecture: 1
            case .province: 2
            case .national: 3
            }
        }
        return rank(lhs) != rank(rhs) ? rank(lhs) < rank(rhs) : lhs.text < rhs.text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let scope = BenchmarkScope(text: text) else {
            throw DomainError(
                code: "invalid_benchmark_value",
                reason: "\(BenchmarkDecoding.path(decoder.codingPath)): '\(text)' is not 'national' or a 2-, 4- or 6-digit GB/T 2260 code"
            )
        }
        self = scope
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
