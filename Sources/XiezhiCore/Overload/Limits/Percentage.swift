/// A percentage held exactly in hundredths of a percent (`500` is 5 %, `2653` is 26.53 %).
///
/// Encoded in JSON as a plain number with two decimals at most (`5`, `26.53`), the form `over_pct` takes.
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Hundredths of a percent.
    public var hundredths: Int

    /// Creates a percentage from hundredths of a percent.
    public init(hundredths: Int) { self.hundredths = hundredths }

    /// The percentage as a number, e.g. `26.53`.
    public var value: Double { Double(hundredths) / 100 }

    /// `part / whole` as a percentage, rounded half away from zero to two decimals; `whole` must be positive.
    public static func ratio(_ part: Int, of whole: Int) -> Percentage {
        precondition(whole > 0, "a percentage needs a positive whole")
        let magnitude = (abs(part) * 20_000 + whole) / (2 * whole)
        return Percentage(hundredths: part < 0 ? -magnitude : magnitude)
    }

    /// `5%`, `2.5%`, `26.53%`, `-3.1%` (no trailing zeros).
    public var description: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)%" }
        if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)%" }
        return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// Always two decimals, for documents: `5.00%`, `26.50%`.
    public var fixed: String {
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)%"
    }

    /// Orders by value.
    public static func < (lhs: Percentage, rhs: Percentage) -> Bool { lhs.hundredths < rhs.hundredths }

    /// Decodes a number, rounded to two decimals.
    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer().decode(Double.self)
        guard value.isFinite, abs(value) < 1e12 else {
            throw DomainError(code: "invalid_percentage", reason: "\(value) is not a percentage")
        }
        hundredths = Int((value * 100).rounded())
    }

    /// Encodes the number, e.g. `26.53`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }
}
