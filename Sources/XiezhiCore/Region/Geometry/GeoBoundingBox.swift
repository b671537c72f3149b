import Foundation

/// A longitude/latitude rectangle (no antimeridian crossing: the project's regions are all in eastern China).
public struct GeoBoundingBox: Hashable, Sendable {
    /// Western edge, degrees.
    public var minLongitude: Double
    /// Southern edge, degrees.
    public var minLatitude: Double
    /// Eastern edge, degrees.
    public var maxLongitude: Double
    /// Northern edge, degrees.
    public var maxLatitude: Double

    public init(minLongitude: Double, minLatitude: Double, maxLongitude: Double, maxLatitude: Double) {
        self.minLongitude = minLongitude
        self.minLatitude = minLatitude
        self.maxLongitude = maxLongitude
        self.maxLatitude = maxLatitude
    }

    /// The smallest box holding all `points`; `nil` for none.
    public init?(_ points: some Sequence<GeoPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        self.init(minLongitude: first.longitude, minLatitude: first.latitude,
                  maxLongitude: first.longitude, maxLatitude: first.latitude)
        while let point = iterator.next() {
            minLongitude = min(minLongitude, point.longitude)
            maxLongitude = max(maxLongitude, point.longitude)
            minLatitude = min(minLatitude, point.latitude)
            maxLatitude = max(maxLatitude, point.latitude)
        }
    }

    /// Whether `point` is inside or on the edge.
    public func contains(_ point: GeoPoint) -> Bool {
        point.longitude >= minLongitude && point.longitude <= maxLongitude
            && point.latitude >= minLatitude && point.latitude <= maxLatitude
    }

    /// The smallest box holding both.
    public func union(_ other: GeoBoundingBox) -> GeoBoundingBox {
        GeoBoundingBox(minLongitude: min(minLongitude, other.minLongitude), minLatitude: min(minLatitude, other.minLatitude),
                       maxLongitude: max(maxLongitude, other.maxLongitude), maxLatitude: max(maxLatitude, other.maxLatitude))
    }

    /// This box grown by at least `meters` on every side (a conservative bound: 1 % extra, the east–west degree
    /// length taken at the box's latitude nearest a pole).
    public func expanded(byMeters meters: Double) -> GeoBoundingBox {
        let degrees = 180 / Double.pi
        let poleward = max(abs(minLatitude), abs(maxLatitude))
        let north = meters * 1.01 / WGS84.meridionalRadius(atLatitude: 0) * degrees
        let east = meters * 1.01 / (WGS84.primeVerticalRadius(atLatitude: poleward) * cos(min(poleward + north, 89) / degrees))
            * degrees
        return GeoBoundingBox(minLongitude: minLongitude - east, minLatitude: minLatitude - north,
                              maxLongitude: maxLongitude + east, maxLatitude: maxLatitude + north)
    }

    /// The centre point.
    public var center: GeoPoint {
        GeoPoint(longitude: (minLongitude + maxLongitude) / 2, latitude: (minLatitude + maxLatitude) / 2)
    }
}
