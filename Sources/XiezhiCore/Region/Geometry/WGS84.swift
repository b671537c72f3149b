import Foundation

/// The WGS84 ellipsoid (the datum of GPS, BeiDou-reported WGS84 positions and GeoJSON).
public enum WGS84 {
    /// Semi-major axis, metres.
    public static let semiMajorAxis = 6_378_137.0
    /// Flattening.
    public static let flattening = 1 / 298.257_223_563
    /// First eccentricity squared, e² = f(2 − f).
    public static let eccentricitySquared = flattening * (2 - flattening)

    /// Meridional radius of curvature M at `latitude` (degrees), metres: the north–south scale.
    public static func meridionalRadius(atLatitude latitude: Double) -> Double {
        let s = sin(latitude * .pi / 180)
        let w = 1 - eccentricitySquared * s * s
        return semiMajorAxis * (1 - eccentricitySquared) / (w * w.squareRoot())
    }

    /// Prime-vertical radius of curvature N at `latitude` (degrees), metres; N·cos(latitude) is the east–west scale.
    public static func primeVerticalRadius(atLatitude latitude: Double) -> Double {
        let s = sin(latitude * .pi / 180)
        return semiMajorAxis / (1 - eccentricitySquared * s * s).squareRoot()
    }
}
