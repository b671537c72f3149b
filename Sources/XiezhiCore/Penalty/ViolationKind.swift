/// 违法行为种类 — a kind of violation the benchmarks price, with its stable id and Chinese name.
///
/// The id (`overload`, `over_dimension`) is what cases and clues refer to; the scale type says which facts a
/// quote needs, so a new kind priced by an existing scale type is added in data alone.
public struct ViolationKind: Hashable, Sendable, Codable {
    /// Stable snake_case id, e.g. `overload`.
    public var id: String
    /// The Chinese name printed on documents, e.g. `超限运输（车货总质量超限）`.
    public var nameZh: String
    /// The kind of scale every entry for this violation must use.
    public var scaleType: PenaltyScaleType
    /// Free text for the legal office.
    public var note: String?

    /// Creates a kind.
    public init(id: String, nameZh: String, scaleType: PenaltyScaleType, note: String? = nil) {
        self.id = id
        self.nameZh = nameZh
        self.scaleType = scaleType
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case id, nameZh, scaleType, note }

    public init(from decoder: any Decoder) throws {
        try BenchmarkDecoding.rejectUnknownKeys(in: decoder, allowed: ["id", "nameZh", "scaleType", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        nameZh = try container.decode(String.self, forKey: .nameZh)
        scaleType = try container.decode(PenaltyScaleType.self, forKey: .scaleType)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try BenchmarkDecoding.require(Self.isSnakeCase(id), decoder, "violation id '\(id)' must be snake_case (a-z, 0-9, _)")
        try BenchmarkDecoding.require(!nameZh.isEmpty, decoder, "violation '\(id)' needs a Chinese name (nameZh)")
    }

    static func isSnakeCase(_ text: String) -> Bool {
        guard let first = text.utf8.first, first >= 97, first <= 122 else { return false }
        return text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }
    }
}
