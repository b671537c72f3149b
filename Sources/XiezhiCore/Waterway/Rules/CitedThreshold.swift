import Foundation

/// A waterway threshold with the article it comes from. JSON in the rules file: `{"<unit>": number, "citation",
/// "note"?}` (read by the rules decoder); its own `Codable` form, for storage, is `{"value", "unit", "citation", "note"?}`.
public struct CitedThreshold: Hashable, Sendable, Codable {
    /// The number, in ``unit``.
    public var value: Double
    /// The unit.
    public var unit: ThresholdUnit
    /// The article, notice or project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the value.
    public init(value: Double, unit: ThresholdUnit, citation: Citation, note: String? = nil) {
        self.value = value
        self.unit = unit
        self.citation = citation
        self.note = note
    }

    /// Decodes `{"<unit>": number, "citation", "note"?}` strictly, with the number in `range`.
    init(decoder: any Decoder, unit: ThresholdUnit, range: ClosedRange<Double>) throws {
        let container = try WaterwayRulesDecoding.keyed(
            decoder, AnyCodingKey.self, allowed: [unit.rawValue, "citation", "note"])
        value = try container.waterwayNumber(AnyCodingKey(stringValue: unit.rawValue), in: decoder, range)
        self.unit = unit
        citation = try container.waterwayCitation(AnyCodingKey(stringValue: "citation"), in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: AnyCodingKey(stringValue: "note"))
    }

    /// The value in seconds (for a threshold in minutes).
    public var seconds: TimeInterval { unit == .minutes ? value * 60 : value }
}

extension KeyedDecodingContainer {
    /// Decodes the cited threshold at `key` in `unit` within `range`.
    func citedThreshold(_ key: Key, unit: ThresholdUnit, range: ClosedRange<Double>) throws -> CitedThreshold {
        try CitedThreshold(decoder: superDecoder(forKey: key), unit: unit, range: range)
    }

    /// Decodes the cited threshold at `key` when present.
    func citedThresholdIfPresent(_ key: Key, unit: ThresholdUnit, range: ClosedRange<Double>) throws -> CitedThreshold? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        return try citedThreshold(key, unit: unit, range: range)
    }
}
