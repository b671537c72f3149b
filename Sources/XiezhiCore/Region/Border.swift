/// 省际交界线 — one stretch of the boundary between two jurisdictions of different provinces.
///
/// Its positions are exactly vertices of both jurisdictions' outlines, in order. The joint zone around it is
/// computed from it and the ``JointZoneRule``, never drawn by hand.
public struct Border: Hashable, Sendable, Codable {
    /// A stable id, e.g. `pinghu-jinshan`.
    public var id: String
    /// The Chinese name, e.g. `平湖—金山`.
    public var name: String
    /// The two jurisdictions it separates (exactly two, different).
    public var between: [JurisdictionCode]
    /// The boundary line.
    public var line: GeoPolyline

    public init(id: String, name: String, between: [JurisdictionCode], line: GeoPolyline) {
        self.id = id
        self.name = name
        self.between = between
        self.line = line
    }

    /// The jurisdiction across the border from `code`; `nil` when `code` is not one of the two.
    public func other(than code: JurisdictionCode) -> JurisdictionCode? {
        guard between.contains(code) else { return nil }
        return between.first { $0 != code }
    }
}
