import Foundation

/// Strict decoding for the hand-edited `overload-limits.json`: unknown keys, missing citations, blank citations and
/// out-of-range numbers are refused with a ``DomainError`` naming the place (`grossLimits[2].limitKg`).
///
/// Codes: `unknown_limits_key`, `missing_citation`, `invalid_overload_limits` (a required key missing or of the
/// wrong type), `invalid_limit_value` (a number outside its range or a contradiction between entries).
enum LimitsDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_overload_limits"
    static let unknownKeyCode = "unknown_limits_key"
    static let invalidValueCode = "invalid_limit_value"
    static let tableName = "the limits file"
    static let citationKeys: Set<String> = ["citation"]
    static let citationRule = "every number in the limits needs its citation"

    /// Upper bounds on the file's numbers, far above any real value: they keep the arithmetic far from overflow.
    /// Not legal numbers.
    enum Bound {
        /// Masses in kilograms: 10,000 t.
        static let kg = 10_000_000
        /// Lengths in millimetres: 1 km.
        static let mm = 1_000_000
        /// Axle counts.
        static let axles = 100
        /// Speeds in km/h.
        static let kmh = 1_000
        /// Percentages: 1,000 %.
        static let percentHundredths = 100_000
    }

}

extension KeyedDecodingContainer {
    /// Decodes a limits citation at `key` (see ``RuleTableDecoding``).
    func limitCitation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        try citation(key, in: decoder, table: LimitsDecoding.self)
    }

    /// Decodes a whole number at `key` within `range`, or `invalid_limit_value` naming the place.
    func limitInt(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw DomainError(
                code: "invalid_limit_value",
                reason: "\(LimitsDecoding.path(decoder.codingPath + [key])) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return value
    }

    /// Decodes a percentage with at most two decimals (`5`, `2.5`, `3.25`) within `range` hundredths.
    func limitPercentage(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Int>) throws -> Percentage {
        let value = try decode(Double.self, forKey: key)
        let scaled = value * 100
        let place = LimitsDecoding.path(decoder.codingPath + [key])
        guard value.isFinite, abs(scaled - scaled.rounded()) < 1e-6 else {
            throw DomainError(code: "invalid_limit_value", reason: "\(place) is \(value); a percentage has at most two decimals")
        }
        let hundredths = Int(scaled.rounded())
        guard range.contains(hundredths) else {
            throw DomainError(
                code: "invalid_limit_value",
                reason: "\(place) is \(value)%; it must be between \(Double(range.lowerBound) / 100)% and \(Double(range.upperBound) / 100)%"
            )
        }
        return Percentage(hundredths: hundredths)
    }
}
