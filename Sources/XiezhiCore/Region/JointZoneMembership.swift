/// A point's place in one border's joint zone (毗邻联合执法区域).
public struct JointZoneMembership: Hashable, Sendable, Codable {
    /// The ``Border/id``.
    public var border: String
    /// The border's two jurisdictions.
    public var between: [JurisdictionCode]
    /// The jurisdiction the point is in (one of ``between``): the zone "on that side".
    public var side: JurisdictionCode
    /// The distance from the point to the border line, metres.
    public var distance: Double

    public init(border: String, between: [JurisdictionCode], side: JurisdictionCode, distance: Double) {
        self.border = border
        self.between = between
        self.side = side
        self.distance = distance
    }

    /// The jurisdiction across the border, whose officers may also act here.
    public var otherSide: JurisdictionCode { between.first { $0 != side } ?? side }
}
