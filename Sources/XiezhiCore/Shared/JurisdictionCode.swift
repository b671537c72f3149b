/// A jurisdiction's administrative division code (GB/T 2260, six digits), e.g. `330482` for Pinghu.
///
/// The first two digits are the province (33 Zhejiang, 31 Shanghai, 32 Jiangsu); the code is the key an
/// agency, an account, a case and a rule table are attached to.
public struct JurisdictionCode: RawRepresentable, Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts exactly six ASCII digits; anything else is `nil`.
    public init?(rawValue: String) {
        guard rawValue.utf8.count == 6, rawValue.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        self.rawValue = rawValue
    }

    /// Parses a code or throws a ``DomainError`` that says why.
    public static func parse(_ text: String) throws -> JurisdictionCode {
        guard let code = JurisdictionCode(rawValue: text) else {
            throw DomainError(code: "invalid_jurisdiction", reason: "'\(text)' is not a six-digit GB/T 2260 code")
        }
        return code
    }

    /// The province part (first two digits), e.g. `33` for Zhejiang.
    public var provincePrefix: String { String(rawValue.prefix(2)) }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Self.parse(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
