import Foundation

/// 船位 — one position of a ship as the waterway detectors consume it, whatever carried it (AIS messages are mapped to
/// this outside the domain).
///
/// Units: speed over ground in knots, course over ground in degrees from true north, heading in whole degrees; a
/// field is `nil` when the source marked it not available (AIS 1023, 3600, 511, 15).
public struct VesselPosition: Hashable, Codable, Sendable {
    /// The transmitting identity.
    public var mmsi: MMSI
    /// The fix time (UTC).
    public var time: Date
    /// Degrees east, −180…180.
    public var longitude: Double
    /// Degrees north, −90…90.
    public var latitude: Double
    /// 对地航速 — speed over ground, knots.
    public var speedKnots: Double?
    /// 对地航向 — course over ground, degrees 0–360.
    public var courseDegrees: Double?
    /// 船首向 — true heading, degrees 0–359.
    public var headingDegrees: Int?
    /// 航行状态 — the navigational status (Class A only).
    public var navigationStatus: NavigationStatus?
    /// What carried the position.
    public var source: PositionSource

    /// Creates a position.
    public init(
        mmsi: MMSI, time: Date, longitude: Double, latitude: Double, speedKnots: Double? = nil,
        courseDegrees: Double? = nil, headingDegrees: Int? = nil, navigationStatus: NavigationStatus? = nil,
        source: PositionSource = .aisShore
    ) {
        self.mmsi = mmsi
        self.time = time
        self.longitude = longitude
        self.latitude = latitude
        self.speedKnots = speedKnots
        self.courseDegrees = courseDegrees
        self.headingDegrees = headingDegrees
        self.navigationStatus = navigationStatus
        self.source = source
    }

    /// The position as a point.
    public var point: GeoPoint { GeoPoint(longitude: longitude, latitude: latitude) }

    /// Whether the ship is underway: speed over ground at least `underwayKnots` and no stationary status (at anchor,
    /// moored, aground). An unknown speed is not underway.
    public func isUnderway(atLeast underwayKnots: Double) -> Bool {
        guard let speed = speedKnots, speed >= underwayKnots else { return false }
        return navigationStatus?.isStationary != true
    }
}
