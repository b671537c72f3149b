/// 执法标签 — a label put on a weighing for statistics and enforcement priority, never a legal threshold by itself.
///
/// Triggered either by the excess relative to the limit (`overPercentAtLeast`, e.g. 超限40%以上 counted by seed 001,
/// 超限100%以上 as a local priority tag) or by the gross mass (`grossKgAtLeast`, 百吨王 at 100 t). Both thresholds are
/// inclusive ("以上" includes the number). JSON: `{"id", "labelZh", "kind", "overPercentAtLeast" | "grossKgAtLeast",
/// "citation", "note"?}`.
public struct EnforcementTagRule: Hashable, Sendable, Decodable {
    /// A stable id, e.g. `over_40_percent`.
    public var id: String
    /// The label shown, e.g. `超限40%以上`.
    public var labelZh: String
    /// What sort of label it is.
    public var kind: EnforcementTagKind
    /// What triggers it.
    public var threshold: Threshold
    /// Where the label comes from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// The trigger of a tag.
    public enum Threshold: Hashable, Sendable {
        /// Over the limit by at least this many percent of the limit.
        case overPercentAtLeast(Int)
        /// A gross mass of at least this many kilograms.
        case grossKgAtLeast(Int)
    }

    /// Creates a rule.
    public init(id: String, labelZh: String, kind: EnforcementTagKind, threshold: Threshold, citation: Citation, note: String? = nil) {
        self.id = id
        self.labelZh = labelZh
        self.kind = kind
        self.threshold = threshold
        self.citation = citation
        self.note = note
    }

    /// Whether a weighing of `grossKg` against `limitKg` (nil when no limit applies) carries the tag.
    public func applies(grossKg: Int, limitKg: Int?) -> Bool {
        switch threshold {
        case .overPercentAtLeast(let percent):
            guard let limitKg else { return false }
            return (grossKg - limitKg) * 100 >= limitKg * percent
        case .grossKgAtLeast(let kg):
            return grossKg >= kg
        }
    }

    private enum CodingKeys: String, CodingKey { case id, labelZh, kind, overPercentAtLeast, grossKgAtLeast, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(
            in: decoder, allowed: ["id", "labelZh", "kind", "overPercentAtLeast", "grossKgAtLeast", "citation", "note"]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        labelZh = try container.decode(String.self, forKey: .labelZh)
        kind = try container.decode(EnforcementTagKind.self, forKey: .kind)
        switch (container.contains(.overPercentAtLeast), container.contains(.grossKgAtLeast)) {
        case (true, false):
            threshold = .overPercentAtLeast(try container.limitInt(.overPercentAtLeast, in: decoder, 1...10_000))
        case (false, true):
            threshold = .grossKgAtLeast(try container.limitInt(.grossKgAtLeast, in: decoder, 1...LimitsDecoding.Bound.kg))
        default:
            throw DomainError(
                code: "invalid_limit_value",
                reason: "\(LimitsDecoding.path(decoder.codingPath)): a tag needs exactly one of overPercentAtLeast or grossKgAtLeast"
            )
        }
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try LimitsDecoding.require(!id.isEmpty && !labelZh.isEmpty, decoder, "a tag needs an id and a Chinese label")
    }
}

/// What sort of label an ``EnforcementTagRule`` is; none of them is a statutory threshold.
public enum EnforcementTagKind: String, Hashable, Sendable, Codable {
    /// 统计口径 — counted in reports (seed 001: trucks over 40 %).
    case statistic
    /// 地方重点管控标签 — a local enforcement priority (超限100%以上), not a statute.
    case localPriority = "local_priority"
    /// 执法标签 — an enforcement label used in regional agreements (百吨王).
    case enforcementLabel = "enforcement_label"

    /// `统计口径`, `地方重点管控标签`, `执法标签`.
    public var chineseName: String {
        switch self {
        case .statistic: "统计口径"
        case .localPriority: "地方重点管控标签"
        case .enforcementLabel: "执法标签"
        }
    }
}
