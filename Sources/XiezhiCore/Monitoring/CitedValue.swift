/// A number of the monitoring table with the citation beside it: `{"value": 20, "citation": {…}, "note": "…"}`.
///
/// The unit is in the key's name (`minimumRestMinutes`, `corridorMetres`); the decoder checks the value against
/// a range given by the key.
public struct CitedValue: Hashable, Sendable {
    /// The number as written in the file.
    public var value: Int
    /// Where it comes from (a platform parameter says so, with `unverified`).
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a value.
    public init(value: Int, citation: Citation, note: String? = nil) {
        self.value = value
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case value, citation, note }

    /// Decodes strictly: only `value`, `citation` and `note`; the value within `range`.
    init(from decoder: any Decoder, range: ClosedRange<Int>) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["value", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        value = try container.monitoringInt(.value, in: decoder, range)
        citation = try container.monitoringCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
