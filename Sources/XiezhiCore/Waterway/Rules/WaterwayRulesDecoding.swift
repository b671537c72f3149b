import Foundation

/// Strict decoding for the hand-edited `waterway.json`: unknown keys, missing or blank citations and out-of-range
/// numbers are refused with a ``DomainError`` naming the place (`segments[2].corridorMetres`).
///
/// Codes: `unknown_waterway_key`, `missing_citation`, `invalid_waterway_rules` (a required key missing or of the wrong
/// type), `invalid_waterway_value` (a number outside its range or a contradiction between entries).
enum WaterwayRulesDecoding: RuleTableDecoding {
    static let invalidTableCode = "invalid_waterway_rules"
    static let unknownKeyCode = "unknown_waterway_key"
    static let invalidValueCode = "invalid_waterway_value"
    static let tableName = "the waterway rules file"
    static let citationKeys: Set<String> = ["citation"]
    static let citationRule = "every threshold of the waterway rules needs its citation"

    /// Decodes a whole object with `allowed` keys after checking that no other key is present.
    static func keyed<Key: CodingKey>(
        _ decoder: any Decoder, _ type: Key.Type, allowed: Set<String>
    ) throws -> KeyedDecodingContainer<Key> {
        try rejectUnknownKeys(in: decoder, allowed: allowed)
        return try decoder.container(keyedBy: type)
    }

    /// `true` for a snake- or kebab-case id (`a`–`z`, `0`–`9`, `-`, `_`, starting with a letter).
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 97, first <= 122 else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 || $0 == 45 }
    }

    /// The first value written twice in `values`, or `nil`.
    static func duplicate(in values: [String]) -> String? {
        var seen = Set<String>()
        return values.first { !seen.insert($0).inserted }
    }
}

extension KeyedDecodingContainer {
    /// Decodes a waterway-rules citation at `key` (see ``RuleTableDecoding``).
    func waterwayCitation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        try citation(key, in: decoder, table: WaterwayRulesDecoding.self)
    }

    /// Decodes a finite number at `key` within `range`, or `invalid_waterway_value` naming the place.
    func waterwayNumber(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Double>) throws -> Double {
        let value = try decode(Double.self, forKey: key)
        guard value.isFinite, range.contains(value) else {
            throw DomainError(
                code: WaterwayRulesDecoding.invalidValueCode,
                reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return value
    }

    /// Decodes a whole number at `key` within `range`, or `invalid_waterway_value` naming the place.
    func waterwayInt(_ key: Key, in decoder: any Decoder, _ range: ClosedRange<Int>) throws -> Int {
        let value = try decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw DomainError(
                code: WaterwayRulesDecoding.invalidValueCode,
                reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is \(value); it must be between \(range.lowerBound) and \(range.upperBound)"
            )
        }
        return value
    }

    /// Decodes an id at `key` (lower-case letters, digits, `-`, `_`), or `invalid_waterway_value` naming the place.
    func waterwayIdentifier(_ key: Key, in decoder: any Decoder) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard WaterwayRulesDecoding.isIdentifier(value) else {
            throw DomainError(
                code: WaterwayRulesDecoding.invalidValueCode,
                reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is '\(value)'; an id is lower-case letters, digits, '-' and '_'"
            )
        }
        return value
    }

    /// Decodes a non-blank text at `key`, or `invalid_waterway_value` naming the place.
    func waterwayText(_ key: Key, in decoder: any Decoder) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw DomainError(
                code: WaterwayRulesDecoding.invalidValueCode,
                reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is blank"
            )
        }
        return value
    }

    /// Decodes a `[longitude, latitude]` position at `key` that is a valid WGS84 position.
    func waterwayPoint(_ key: Key, in decoder: any Decoder) throws -> GeoPoint {
        let point = try decode(GeoPoint.self, forKey: key)
        guard point.isValid else {
            throw DomainError(
                code: WaterwayRulesDecoding.invalidValueCode,
                reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is \(point); it is not a WGS84 position"
            )
        }
        return point
    }
}
