import Foundation

/// An MMSI's passage of a checkpoint line as its AIS track shows it (see ``CheckpointLine/crossings(of:around:rules:)``).
public struct LineCrossing: Hashable, Codable, Sendable {
    /// How the track met the line.
    public enum Kind: String, Hashable, Codable, Sendable {
        /// Two consecutive positions lie on both sides of the (extended) line.
        case crossed
        /// The track came within the near distance without crossing.
        case near
    }

    /// The transmitting identity.
    public var mmsi: MMSI
    /// The interpolated time of the crossing or of the closest approach (UTC).
    public var time: Date
    /// Where, on the track.
    public var point: GeoPoint
    /// Crossed or passed near.
    public var kind: Kind
    /// 0 for a crossing; the closest distance to the line for a near pass, metres.
    public var distanceMetres: Double
    /// Which way the track went across, when it can be told.
    public var direction: PassageDirection?
    /// ``time`` minus the passage time, seconds.
    public var offsetSeconds: Double

    /// Creates the value.
    public init(
        mmsi: MMSI, time: Date, point: GeoPoint, kind: Kind, distanceMetres: Double, direction: PassageDirection?,
        offsetSeconds: Double
    ) {
        self.mmsi = mmsi
        self.time = time
        self.point = point
        self.kind = kind
        self.distanceMetres = distanceMetres
        self.direction = direction
        self.offsetSeconds = offsetSeconds
    }

    /// Whether this is better evidence of passing than `other`: a crossing beats a near pass; crossings by nearness in
    /// time; near passes by distance, then nearness in time.
    func isBetter(than other: LineCrossing) -> Bool {
        if kind != other.kind { return kind == .crossed }
        if kind == .near, distanceMetres != other.distanceMetres { return distanceMetres < other.distanceMetres }
        return abs(offsetSeconds) < abs(other.offsetSeconds)
    }
}
