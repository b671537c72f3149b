import Foundation

/// A line through two or more positions (a border segment, a road, a waterway), straight in longitude/latitude
/// between them as in GeoJSON.
///
/// Encoded as the GeoJSON LineString `coordinates`.
///
/// Distances are measured on the WGS84 ellipsoid: the line is laid on the ``LocalPlane`` of the query point to
/// find the closest point, and the distance to that point is then measured from the plane's origin, where the
/// plane is accurate (relative error about 2e-8 at 5 km; the closest point's small misplacement only changes the
/// distance to second order). "Straight" means linear in longitude/latitude, as for polygon edges.
public struct GeoPolyline: Hashable, Sendable, Codable {
    /// The positions in order, two or more for a usable line.
    public var points: [GeoPoint]

    public init(points: [GeoPoint]) {
        self.points = points
    }

    public init(from decoder: any Decoder) throws {
        points = try [GeoPoint](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try points.encode(to: encoder)
    }

    /// The box around the vertices; `nil` when empty.
    public var bounds: GeoBoundingBox? { GeoBoundingBox(points) }

    /// The length along the line, metres.
    public var length: Double {
        zip(points, points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
    }

    /// The distance in metres from `point` to the nearest point of the line.
    public func distance(from point: GeoPoint) -> Double {
        closestPoint(to: point)?.distance ?? .infinity
    }

    /// The point of the line nearest to `point`; `nil` for a line without positions.
    public func closestPoint(to point: GeoPoint) -> PolylineProjection? {
        guard let first = points.first else { return nil }
        guard points.count > 1 else {
            return PolylineProjection(point: first, distance: point.distance(to: first), segment: 0, fraction: 0)
        }
        let plane = LocalPlane(origin: point)
        let projected = points.map(plane.project)
        // Planar candidates first; the plane's error between non-origin points is far below this margin.
        var planar: [(segment: Int, fraction: Double, distance: Double)] = []
        planar.reserveCapacity(projected.count - 1)
        var best = Double.infinity
        for index in 0..<(projected.count - 1) {
            let (fraction, distance) = Self.closest(toOrigin: projected[index], projected[index + 1])
            planar.append((index, fraction, distance))
            best = min(best, distance)
        }
        let margin = best * 2e-3 + 1
        var result: PolylineProjection?
        for candidate in planar where candidate.distance <= best + margin {
            let onLine = Self.interpolate(points[candidate.segment], points[candidate.segment + 1], candidate.fraction)
            let distance = point.distance(to: onLine)
            if distance < result?.distance ?? .infinity {
                result = PolylineProjection(point: onLine, distance: distance, segment: candidate.segment,
                                            fraction: candidate.fraction)
            }
        }
        return result
    }

    /// Which side of the line `point` is on, looking from the first position towards the last.
    ///
    /// Decided at the closest point: by the segment's direction when that point is inside a segment, by the sum
    /// of the two neighbouring segments' left normals when it is a vertex (so a point off a corner gets the side
    /// of the region it is in), by the end segment beyond either end.
    public func side(of point: GeoPoint) -> PolylineSide {
        guard points.count > 1, let closest = closestPoint(to: point) else { return .on }
        let plane = LocalPlane(origin: point)
        let segment = closest.segment
        let start = plane.project(points[segment])
        let end = plane.project(points[segment + 1])
        let direction = end - start
        let value: Double
        let atVertex: Int? = closest.fraction <= 0 ? segment : (closest.fraction >= 1 ? segment + 1 : nil)
        if let vertex = atVertex, vertex > 0, vertex < points.count - 1 {
            let here = plane.project(points[vertex])
            let incoming = here - plane.project(points[vertex - 1])
            let outgoing = plane.project(points[vertex + 1]) - here
            let normal = Self.leftNormal(incoming) + Self.leftNormal(outgoing)
            value = (PlanePoint(x: 0, y: 0) - here).dot(normal)
        } else {
            value = direction.cross(PlanePoint(x: 0, y: 0) - start)
        }
        if value > 0 { return .left }
        if value < 0 { return .right }
        return .on
    }

    /// The closest point of the plane segment `a`–`b` to the origin: its fraction along the segment and distance.
    static func closest(toOrigin a: PlanePoint, _ b: PlanePoint) -> (fraction: Double, distance: Double) {
        let direction = b - a
        let lengthSquared = direction.dot(direction)
        guard lengthSquared > 0 else { return (0, a.length) }
        let fraction = min(1, max(0, -a.dot(direction) / lengthSquared))
        return (fraction, (a + direction * fraction).length)
    }

    /// The position `fraction` of the way from `a` to `b`, linear in longitude/latitude.
    static func interpolate(_ a: GeoPoint, _ b: GeoPoint, _ fraction: Double) -> GeoPoint {
        if fraction <= 0 { return a }
        if fraction >= 1 { return b }
        return GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * fraction,
                        latitude: a.latitude + (b.latitude - a.latitude) * fraction)
    }

    /// The unit vector 90° counter-clockwise of `vector` (zero for a zero vector).
    static func leftNormal(_ vector: PlanePoint) -> PlanePoint {
        let length = vector.length
        guard length > 0 else { return PlanePoint(x: 0, y: 0) }
        return PlanePoint(x: -vector.y / length, y: vector.x / length)
    }
}
