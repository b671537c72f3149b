/// 联合国编号 — the four-digit UN number of a dangerous good (e.g. `1203`, motor spirit), as on a waybill.
///
/// Accepts `1203`, `UN1203` or `UN 1203` (any case); stores the four digits. `0000` is not a UN number.
/// Encoded as the four digits.
public struct UNNumber: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The four digits, e.g. `1203`.
    public let digits: String

    /// Parses a UN number; throws `invalid_un_number` unless it is four digits (after an optional `UN`), not `0000`.
    public init(_ text: String) throws(DomainError) {
        var body = Substring(text.trimmingCharacters(in: .whitespaces))
        if body.uppercased().hasPrefix("UN") {
            body = body.dropFirst(2).drop { $0 == " " }
        }
        guard body.count == 4, body.allSatisfy(IdentifierText.isDigit), body != "0000" else {
            throw DomainError(code: "invalid_un_number", reason: "'\(text)' is not a UN number: four digits, optionally after 'UN', e.g. UN1203.")
        }
        digits = String(body)
    }

    /// `UN1203`.
    public var description: String { "UN\(digits)" }

    /// Orders by the digits.
    public static func < (lhs: UNNumber, rhs: UNNumber) -> Bool { lhs.digits < rhs.digits }

    /// Decodes through ``init(_:)``.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the four digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
