import Foundation

/// 监测运行参数 — bounds that keep the monitor's memory and output finite (project parameters, not law).
///
/// JSON: `{"evidenceCap", "stateRetentionHours", "bufferRadiusMetres", "maxPendingPassages", "maxBufferedPositions",
/// "episodeWindowMinutes", "citation", "note"?}`.
public struct WaterwayMonitoringRules: Hashable, Sendable, Decodable {
    /// The most evidence items one clue carries.
    public var evidenceCap: Int
    /// Hours after its last position or sighting that a ship's state is forgotten.
    public var stateRetentionHours: Double
    /// Positions within this distance of a checkpoint line are kept for matching passages, metres.
    public var bufferRadiusMetres: Double
    /// Passages waiting for their AIS window beyond this are judged at once, oldest first.
    public var maxPendingPassages: Int
    /// Positions kept per checkpoint beyond this are dropped, oldest first.
    public var maxBufferedPositions: Int
    /// A clue of the same kind, rule and ship within this many minutes belongs to the same episode and is not repeated
    /// (a night restriction's episode is its night; a gap's, a stop's and a cloned MMSI's end with the condition).
    public var episodeWindowMinutes: Double
    /// The project rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    private enum CodingKeys: String, CodingKey {
        case evidenceCap, stateRetentionHours, bufferRadiusMetres, maxPendingPassages, maxBufferedPositions
        case episodeWindowMinutes, citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "evidenceCap", "stateRetentionHours", "bufferRadiusMetres", "maxPendingPassages", "maxBufferedPositions",
                "episodeWindowMinutes", "citation", "note",
            ])
        evidenceCap = try c.waterwayInt(.evidenceCap, in: decoder, 1...1_000)
        stateRetentionHours = try c.waterwayNumber(.stateRetentionHours, in: decoder, 1...8_760)
        bufferRadiusMetres = try c.waterwayNumber(.bufferRadiusMetres, in: decoder, 1...100_000)
        maxPendingPassages = try c.waterwayInt(.maxPendingPassages, in: decoder, 1...10_000_000)
        maxBufferedPositions = try c.waterwayInt(.maxBufferedPositions, in: decoder, 1...100_000_000)
        episodeWindowMinutes = try c.waterwayNumber(.episodeWindowMinutes, in: decoder, WaterwayBound.minutes)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
    }
}
