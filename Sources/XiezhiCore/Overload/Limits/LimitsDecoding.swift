import Foundation

/// Strict decoding for the hand-edited `overload-limits.json`: unknown keys, missing citations, blank citations and
/// out-of-range numbers are refused with a ``DomainError`` naming the place (`grossLimits[2].limitKg`).
///
/// Codes: `unknown_limits_key`, `missing_citation`, `invalid_overload_limits` (a required key missing or of the
/// wrong type), `invalid_limit_value` (a number outside its range or a contradiction between entries).
enum LimitsDecoding {
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

    /// `grossLimits[1].citation`, or `the file` for the root.
    static func path(_ codingPath: [any CodingKey]) -> String {
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "the file" : text
    }

    /// Turns a Foundation decoding error into a ``DomainError`` saying what and where.
    static func domainError(from error: DecodingError) -> DomainError {
        switch error {
        case .keyNotFound(let key, let context):
            let place = path(context.codingPath + [key])
            if key.stringValue == "citation" {
                return DomainError(code: "missing_citation", reason: "\(place) is missing: every number in the limits needs its citation")
            }
            return DomainError(code: "invalid_overload_limits", reason: "\(place) is required but missing")
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return DomainError(code: "invalid_overload_limits", reason: "\(path(context.codingPath)): \(context.debugDescription)")
        @unknown default:
            return DomainError(code: "invalid_overload_limits", reason: "the limits file could not be decoded: \(error)")
        }
    }

    /// Throws `unknown_limits_key` when the object at `decoder` has a key outside `allowed` (a misspelt key must not
    /// be silently ignored: `singleDriveAxel` would turn the 46 t row into a second 49 t row).
    static func rejectUnknownKeys(in decoder: any Decoder, allowed: Set<String>) throws {
        let container = try decoder.container(keyedBy: AnyCodingKey.self)
        for key in container.allKeys where !allowed.contains(key.stringValue) {
            throw DomainError(
                code: "unknown_limits_key",
                reason: "unknown key '\(key.stringValue)' at \(path(decoder.codingPath)); allowed here: \(allowed.sorted().joined(separator: ", "))"
            )
        }
    }

    /// Throws `invalid_limit_value` naming the place unless `condition` holds.
    static func require(_ condition: Bool, _ decoder: any Decoder, _ message: String) throws {
        guard condition else {
            throw DomainError(code: "invalid_limit_value", reason: "\(path(decoder.codingPath)): \(message)")
        }
    }
}

extension KeyedDecodingContainer {
    /// Decodes the citation at `key`: a missing key, an unknown key inside it, or a blank law or article is refused.
    func limitCitation(_ key: Key, in decoder: any Decoder) throws -> Citation {
        guard contains(key), try !decodeNil(forKey: key) else {
            let place = LimitsDecoding.path(decoder.codingPath + [key])
            throw DomainError(code: "missing_citation", reason: "\(place) is missing: every number in the limits needs its citation")
        }
        let inner = try superDecoder(forKey: key)
        try LimitsDecoding.rejectUnknownKeys(in: inner, allowed: ["law", "article", "confidence"])
        let citation = try Citation(from: inner)
        let blank = citation.law.trimmingCharacters(in: .whitespaces).isEmpty
            || citation.article.trimmingCharacters(in: .whitespaces).isEmpty
        guard !blank else {
            throw DomainError(code: "missing_citation", reason: "\(LimitsDecoding.path(inner.codingPath)): a citation needs both 'law' and 'article'")
        }
        return citation
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
