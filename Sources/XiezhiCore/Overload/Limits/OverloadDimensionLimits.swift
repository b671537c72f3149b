/// 外廓尺寸限值 — Order 62 Art. 3 ¶1 (一)–(三): over 4 m high from the ground, over 2.55 m wide or over 18.1 m long
/// is 超限. Millimetres. JSON: `{"heightMm", "widthMm", "lengthMm", "citation", "note"?}`.
public struct OverloadDimensionLimits: Hashable, Sendable, Decodable {
    /// 车货总高度 limit, mm.
    public var heightMm: Int
    /// 车货总宽度 limit, mm.
    public var widthMm: Int
    /// 车货总长度 limit, mm.
    public var lengthMm: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the limits.
    public init(heightMm: Int, widthMm: Int, lengthMm: Int, citation: Citation, note: String? = nil) {
        self.heightMm = heightMm
        self.widthMm = widthMm
        self.lengthMm = lengthMm
        self.citation = citation
        self.note = note
    }

    /// The limit for one dimension, mm.
    public func limitMm(_ dimension: Dimension) -> Int {
        switch dimension {
        case .height: heightMm
        case .width: widthMm
        case .length: lengthMm
        }
    }

    private enum CodingKeys: String, CodingKey { case heightMm, widthMm, lengthMm, citation, note }

    /// Decodes strictly: unknown keys, missing citations and out-of-range numbers are refused (see `LimitsDecoding`).
    public init(from decoder: any Decoder) throws {
        try LimitsDecoding.rejectUnknownKeys(in: decoder, allowed: ["heightMm", "widthMm", "lengthMm", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        heightMm = try container.limitInt(.heightMm, in: decoder, 1...LimitsDecoding.Bound.mm)
        widthMm = try container.limitInt(.widthMm, in: decoder, 1...LimitsDecoding.Bound.mm)
        lengthMm = try container.limitInt(.lengthMm, in: decoder, 1...LimitsDecoding.Bound.mm)
        citation = try container.limitCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
