/// The point of a ``GeoPolyline`` closest to a given point, and how far away it is.
public struct PolylineProjection: Hashable, Sendable {
    /// The closest point on the line.
    public var point: GeoPoint
    /// The distance from the given point to ``point``, metres.
    public var distance: Double
    /// The index of the segment (from `points[segment]` to `points[segment + 1]`) holding ``point``.
    public var segment: Int
    /// Where on that segment, 0 (its start) … 1 (its end), linear in longitude/latitude.
    public var fraction: Double

    public init(point: GeoPoint, distance: Double, segment: Int, fraction: Double) {
        self.point = point
        self.distance = distance
        self.segment = segment
        self.fraction = fraction
    }
}
