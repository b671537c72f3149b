import Foundation

/// 识别率 — the share of passages identified, per checkpoint per China calendar day.
public struct IdentificationRate: Hashable, Codable, Sendable {
    /// The ``Checkpoint/id``.
    public var checkpoint: String
    /// The China (UTC+8) calendar day of the passages.
    public var day: CalendarDate
    /// Passages that day.
    public var passages: Int
    /// Of which identified.
    public var identified: Int

    /// Creates the value.
    public init(checkpoint: String, day: CalendarDate, passages: Int, identified: Int) {
        self.checkpoint = checkpoint
        self.day = day
        self.passages = passages
        self.identified = identified
    }

    /// identified ÷ passages (0 for no passages).
    public var rate: Double { passages == 0 ? 0 : Double(identified) / Double(passages) }

    /// The rates of `identifications`, sorted by checkpoint, then day; one row per checkpoint and day with passages.
    public static func daily(_ identifications: [Identification]) -> [IdentificationRate] {
        struct Key: Hashable { let checkpoint: String; let day: CalendarDate }
        var counts: [Key: (passages: Int, identified: Int)] = [:]
        for identification in identifications {
            let key = Key(checkpoint: identification.checkpoint, day: CalendarDate(chinaDateOf: identification.time))
            var count = counts[key] ?? (0, 0)
            count.passages += 1
            if identification.isIdentified { count.identified += 1 }
            counts[key] = count
        }
        return counts.map { IdentificationRate(checkpoint: $0.key.checkpoint, day: $0.key.day, passages: $0.value.passages, identified: $0.value.identified) }
            .sorted { ($0.checkpoint, $0.day) < ($1.checkpoint, $1.day) }
    }
}
