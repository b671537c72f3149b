import Foundation

/// A flat map around one origin point, in metres east and north, using the WGS84 radii of curvature.
///
/// A point is placed at `x = N(φm)·cos(φm)·Δλ`, `y = M(φm)·Δφ`, where φm is the mean of the origin's and the
/// point's latitudes (the "mid-latitude" formula). Distances from the origin are then within 2e-8 (relative) of
/// the WGS84 geodesic at 5 km, 3e-7 at 20 km and 1e-5 at 100 km (checked against Karney's algorithm at 30.7° N).
/// Distances between two other points of the plane are less exact, about tan(φ)·r/2R for points r from the
/// origin (2e-4 at 5 km here), which is why ``GeoPolyline`` only uses the plane to find the closest point and
/// measures the final distance from the origin.
public struct LocalPlane: Hashable, Sendable {
    /// The point at (0, 0).
    public let origin: GeoPoint

    public init(origin: GeoPoint) {
        self.origin = origin
    }

    /// The plane coordinates of `point`, metres.
    public func project(_ point: GeoPoint) -> PlanePoint {
        let meanLatitude = (origin.latitude + point.latitude) / 2
        let radians = Double.pi / 180
        var dLongitude = point.longitude - origin.longitude
        if dLongitude > 180 { dLongitude -= 360 } else if dLongitude < -180 { dLongitude += 360 }
        let x = WGS84.primeVerticalRadius(atLatitude: meanLatitude) * cos(meanLatitude * radians) * dLongitude * radians
        let y = WGS84.meridionalRadius(atLatitude: meanLatitude) * (point.latitude - origin.latitude) * radians
        return PlanePoint(x: x, y: y)
    }

    /// The position at plane coordinates `point` (the inverse of ``project(_:)``, solved by fixed-point iteration).
    public func unproject(_ point: PlanePoint) -> GeoPoint {
        let degrees = 180 / Double.pi
        var latitude = origin.latitude + point.y / WGS84.meridionalRadius(atLatitude: origin.latitude) * degrees
        for _ in 0..<4 {
            let meanLatitude = (origin.latitude + latitude) / 2
            latitude = origin.latitude + point.y / WGS84.meridionalRadius(atLatitude: meanLatitude) * degrees
        }
        let meanLatitude = (origin.latitude + latitude) / 2
        let eastScale = WGS84.primeVerticalRadius(atLatitude: meanLatitude) * cos(meanLatitude / degrees)
        return GeoPoint(longitude: origin.longitude + point.x / eastScale * degrees, latitude: latitude)
    }
}
