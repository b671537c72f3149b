import Foundation

/// A position on the WGS84 ellipsoid in decimal degrees (GeoJSON order: longitude first).
///
/// Encoded as the GeoJSON position `[longitude, latitude]`; a third number (altitude) is accepted and ignored.
public struct GeoPoint: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Degrees east of Greenwich, −180…180.
    public var longitude: Double
    /// Degrees north of the equator, −90…90.
    public var latitude: Double

    public init(longitude: Double, latitude: Double) {
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Whether both numbers are finite and within the WGS84 degree ranges.
    public var isValid: Bool {
        longitude.isFinite && latitude.isFinite && abs(longitude) <= 180 && abs(latitude) <= 90
    }

    /// The distance to `other` in metres, on the WGS84 ellipsoid.
    ///
    /// Uses the mid-latitude plane (``LocalPlane``): relative error 2e-8 at 5 km and below 1e-5 up to 100 km,
    /// the range this project measures (joint zones, corridors, checkpoints). Not meant for intercontinental
    /// distances.
    public func distance(to other: GeoPoint) -> Double {
        let offset = LocalPlane(origin: self).project(other)
        return (offset.x * offset.x + offset.y * offset.y).squareRoot()
    }

    /// The point `east` metres east and `north` metres north of this one (in this point's ``LocalPlane``).
    public func offsetBy(east: Double, north: Double) -> GeoPoint {
        LocalPlane(origin: self).unproject(PlanePoint(x: east, y: north))
    }

    public var description: String { "(\(longitude), \(latitude))" }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let longitude = try container.decode(Double.self)
        let latitude = try container.decode(Double.self)
        if !container.isAtEnd { _ = try container.decode(Double.self) }
        guard container.isAtEnd else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A position has two or three numbers: [longitude, latitude(, altitude)]")
        }
        self.init(longitude: longitude, latitude: latitude)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(longitude)
        try container.encode(latitude)
    }
}
