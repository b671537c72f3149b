/// An amount of money in fen (分, 1/100 yuan), so that surcharges and per-tonne fines stay exact.
public struct Money: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var fen: Int

    public init(fen: Int) { self.fen = fen }
    public init(yuan: Int) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)

    /// Whole yuan, rounded down.
    public var wholeYuan: Int { fen / 100 }
    /// The amount in yuan as a decimal number (for JSON and display).
    public var yuan: Double { Double(fen) / 100 }

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.fen < rhs.fen }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen + rhs.fen) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(fen: lhs.fen - rhs.fen) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.fen += rhs.fen }

    /// `¥1,234.50` style without the currency sign: `1234.50`.
    public var description: String {
        let sign = fen < 0 ? "-" : ""
        let absolute = abs(fen)
        let cents = absolute % 100
        return "\(sign)\(absolute / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// Encoded as a number of fen.
    public init(from decoder: any Decoder) throws {
        fen = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(fen)
    }
}
