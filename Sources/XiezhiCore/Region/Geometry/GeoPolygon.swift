/// A polygon: one exterior ring and any holes, each ring closed (first position repeated last).
///
/// Edges are straight in longitude/latitude, as GeoJSON (RFC 7946 §3.1.1) defines them. Encoded as the GeoJSON
/// Polygon `coordinates` (an array of rings).
public struct GeoPolygon: Hashable, Sendable, Codable {
    /// The exterior ring first, then the holes.
    public var rings: [[GeoPoint]]

    public init(rings: [[GeoPoint]]) {
        self.rings = rings
    }

    public init(from decoder: any Decoder) throws {
        rings = try [[GeoPoint]](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try rings.encode(to: encoder)
    }

    /// The exterior ring.
    public var exterior: [GeoPoint] { rings.first ?? [] }

    /// The box around the exterior ring; `nil` for an empty polygon.
    public var bounds: GeoBoundingBox? { GeoBoundingBox(exterior) }

    /// Whether `point` is inside (in the exterior ring and in no hole), by crossing number over all rings.
    ///
    /// Deterministic on edges: a point exactly on an edge counts as inside the polygon on its east side (on a
    /// horizontal edge, the one on its north side). Two polygons that share an edge with identical vertices
    /// therefore never both contain a point of it, and together always contain it; a vertex shared by several
    /// polygons likewise belongs to exactly one of those that surround it.
    public func contains(_ point: GeoPoint) -> Bool {
        var inside = false
        for ring in rings where ring.count >= 2 {
            var previous = ring[ring.count - 1]
            for current in ring {
                if Self.crossesEastward(from: point, edge: previous, current) { inside.toggle() }
                previous = current
            }
        }
        return inside
    }

    /// Whether the ray going east from `point` crosses the edge `a`–`b` (half-open in latitude).
    ///
    /// The edge is always evaluated from its southern to its northern end, so the two polygons sharing it (which
    /// walk it in opposite directions) compute the same floating-point result.
    static func crossesEastward(from point: GeoPoint, edge a: GeoPoint, _ b: GeoPoint) -> Bool {
        let (low, high) = a.latitude <= b.latitude ? (a, b) : (b, a)
        guard low.latitude <= point.latitude, point.latitude < high.latitude else { return false }
        // Point strictly west of (left of the upward) edge: the eastward ray crosses it.
        let cross = (high.longitude - low.longitude) * (point.latitude - low.latitude)
            - (high.latitude - low.latitude) * (point.longitude - low.longitude)
        return cross > 0
    }
}
