/// 点位 — a fixed place in the region: a joint station, a checkpoint, a weigh-in-motion station, an unloading
/// site, scenic waters.
public struct Site: Hashable, Sendable, Codable {
    /// A stable id, e.g. `hongqitang-checkpoint`.
    public var id: String
    /// The Chinese name.
    public var name: String
    /// What kind of place it is.
    public var type: SiteType
    /// The jurisdiction it lies in (checked on load).
    public var jurisdiction: JurisdictionCode
    /// Where it is.
    public var location: GeoPoint
    /// The ``Road/id`` it stands on, if any.
    public var road: String?
    /// The road's kilometre stake (桩号), e.g. `K3584+400`.
    public var stake: String?
    /// The ``Waterway/id`` it stands on, if any.
    public var waterway: String?
    /// `true` for an invented example placed only to make the demo region complete; replace before real use.
    public var isIllustrative: Bool

    public init(id: String, name: String, type: SiteType, jurisdiction: JurisdictionCode, location: GeoPoint,
                road: String? = nil, stake: String? = nil, waterway: String? = nil, isIllustrative: Bool = false) {
        self.id = id
        self.name = name
        self.type = type
        self.jurisdiction = jurisdiction
        self.location = location
        self.road = road
        self.stake = stake
        self.waterway = waterway
        self.isIllustrative = isIllustrative
    }
}
