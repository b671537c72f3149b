import Foundation

/// 船舶电子卡口 — a waterway checkpoint: cameras reading ship names and a laser measuring them along a line across
/// the waterway.
///
/// JSON (in `waterway.json`): `{"id", "nameZh", "site", "waterway", "jurisdiction", "line": [[lon, lat], [lon, lat]],
/// "forwardNameZh", "reverseNameZh", "guards"?: [{"segment", "direction"}], "illustrative"?}`. The line runs from the
/// right bank to the left bank as seen travelling ``PassageDirection/forward``; `guards` names the segments a passage
/// in a direction enters (for their length limits).
public struct Checkpoint: Hashable, Sendable, Codable {
    /// A stable id, the region ``Site/id`` of the checkpoint, e.g. `hongqitang-checkpoint`.
    public var id: String
    /// The Chinese name.
    public var nameZh: String
    /// The region site it is (type ``SiteType/checkpoint``).
    public var site: String
    /// The ``Waterway/id`` it spans.
    public var waterway: String
    /// The jurisdiction whose agency runs it.
    public var jurisdiction: JurisdictionCode
    /// The line across the waterway.
    public var line: CheckpointLine
    /// What the forward direction is called locally, e.g. `入沪方向`.
    public var forwardNameZh: String
    /// What the reverse direction is called locally, e.g. `出沪方向`.
    public var reverseNameZh: String
    /// The segments a passage enters, by direction.
    public var guards: [SegmentGuard]
    /// `true` for an invented example; replace before real use.
    public var isIllustrative: Bool

    /// Creates a checkpoint.
    public init(
        id: String, nameZh: String, site: String, waterway: String, jurisdiction: JurisdictionCode, line: CheckpointLine,
        forwardNameZh: String, reverseNameZh: String, guards: [SegmentGuard] = [], isIllustrative: Bool = false
    ) {
        self.id = id
        self.nameZh = nameZh
        self.site = site
        self.waterway = waterway
        self.jurisdiction = jurisdiction
        self.line = line
        self.forwardNameZh = forwardNameZh
        self.reverseNameZh = reverseNameZh
        self.guards = guards
        self.isIllustrative = isIllustrative
    }

    /// The local name of a direction.
    public func directionNameZh(_ direction: PassageDirection) -> String {
        direction == .forward ? forwardNameZh : reverseNameZh
    }

    /// A segment a passage in `direction` enters.
    public struct SegmentGuard: Hashable, Sendable, Codable {
        /// The ``WaterwaySegment/id``.
        public var segment: String
        /// The direction of passages that enter it.
        public var direction: PassageDirection

        /// Creates the guard.
        public init(segment: String, direction: PassageDirection) {
            self.segment = segment
            self.direction = direction
        }

        private enum CodingKeys: String, CodingKey { case segment, direction }

        /// Decodes strictly (see `WaterwayRulesDecoding`).
        public init(from decoder: any Decoder) throws {
            let c = try WaterwayRulesDecoding.keyed(decoder, CodingKeys.self, allowed: ["segment", "direction"])
            segment = try c.waterwayIdentifier(.segment, in: decoder)
            direction = try c.decode(PassageDirection.self, forKey: .direction)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, nameZh, site, waterway, jurisdiction, line, forwardNameZh, reverseNameZh, guards
        case isIllustrative = "illustrative"
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: [
                "id", "nameZh", "site", "waterway", "jurisdiction", "line", "forwardNameZh", "reverseNameZh", "guards",
                "illustrative",
            ])
        id = try c.waterwayIdentifier(.id, in: decoder)
        nameZh = try c.waterwayText(.nameZh, in: decoder)
        site = try c.waterwayIdentifier(.site, in: decoder)
        waterway = try c.waterwayIdentifier(.waterway, in: decoder)
        jurisdiction = try c.decode(JurisdictionCode.self, forKey: .jurisdiction)
        line = try c.decode(CheckpointLine.self, forKey: .line)
        forwardNameZh = try c.waterwayText(.forwardNameZh, in: decoder)
        reverseNameZh = try c.waterwayText(.reverseNameZh, in: decoder)
        guards = try c.decodeIfPresent([SegmentGuard].self, forKey: .guards) ?? []
        isIllustrative = try c.decodeIfPresent(Bool.self, forKey: .isIllustrative) ?? false
        try WaterwayRulesDecoding.require(
            line.lengthMetres >= CheckpointLine.minimumLengthMetres && line.lengthMetres <= CheckpointLine.maximumLengthMetres,
            decoder,
            "the line is \(Int(line.lengthMetres.rounded())) m long; a checkpoint line spans a waterway (\(Int(CheckpointLine.minimumLengthMetres))–\(Int(CheckpointLine.maximumLengthMetres)) m)")
    }
}
