/// Where a point falls in the region: its jurisdiction and every joint zone it is in.
public struct Location: Hashable, Sendable, Codable {
    /// The point located.
    public var point: GeoPoint
    /// The jurisdiction containing the point; `nil` outside the region.
    public var jurisdiction: JurisdictionCode?
    /// The joint zones the point is in, nearest border first (empty outside the region).
    public var jointZones: [JointZoneMembership]

    public init(point: GeoPoint, jurisdiction: JurisdictionCode?, jointZones: [JointZoneMembership]) {
        self.point = point
        self.jurisdiction = jurisdiction
        self.jointZones = jointZones
    }

    /// Whether the point is in at least one joint zone.
    public var isInJointZone: Bool { !jointZones.isEmpty }

    /// The membership in the zone of `border` (a ``Border/id``), if the point is in it.
    public func jointZone(_ border: String) -> JointZoneMembership? {
        jointZones.first { $0.border == border }
    }
}
