import Foundation

/// 航段 — a stretch of a waterway between two points on its line, with a corridor on both sides: where a segment
/// rule (night restriction, forbidden stop, length limit) applies.
///
/// JSON: `{"id", "nameZh", "waterway", "from": [lon, lat], "to": [lon, lat], "corridorMetres", "illustrative"?}`. The
/// two points are snapped to the waterway's line when the rules are placed in a region (``WaterwayGeography``); a
/// position belongs to the segment when its nearest point of the line lies between them and it is within the corridor.
public struct WaterwaySegment: Hashable, Sendable, Codable {
    /// A stable id, e.g. `hangshen-jiashan`.
    public var id: String
    /// The Chinese name, e.g. `杭申线嘉善段`.
    public var nameZh: String
    /// The ``Waterway/id`` it lies on.
    public var waterway: String
    /// One end, on or near the waterway's line.
    public var from: GeoPoint
    /// The other end.
    public var to: GeoPoint
    /// Half-width of the segment around the line, metres.
    public var corridorMetres: Double
    /// `true` for an invented example placed only to make the demo complete; replace before real use.
    public var isIllustrative: Bool

    /// Creates a segment.
    public init(id: String, nameZh: String, waterway: String, from: GeoPoint, to: GeoPoint, corridorMetres: Double, isIllustrative: Bool = false) {
        self.id = id
        self.nameZh = nameZh
        self.waterway = waterway
        self.from = from
        self.to = to
        self.corridorMetres = corridorMetres
        self.isIllustrative = isIllustrative
    }

    private enum CodingKeys: String, CodingKey {
        case id, nameZh, waterway, from, to, corridorMetres
        case isIllustrative = "illustrative"
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self, allowed: ["id", "nameZh", "waterway", "from", "to", "corridorMetres", "illustrative"])
        id = try c.waterwayIdentifier(.id, in: decoder)
        nameZh = try c.waterwayText(.nameZh, in: decoder)
        waterway = try c.waterwayIdentifier(.waterway, in: decoder)
        from = try c.waterwayPoint(.from, in: decoder)
        to = try c.waterwayPoint(.to, in: decoder)
        corridorMetres = try c.waterwayNumber(.corridorMetres, in: decoder, 1...10_000)
        isIllustrative = try c.decodeIfPresent(Bool.self, forKey: .isIllustrative) ?? false
    }
}
