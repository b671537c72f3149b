import Foundation
import XiezhiCore

/// Independent reference computations for the region tests: spherical haversine with the ellipsoid's radius of
/// curvature in the direction of travel (Euler's formula), spherical destination and bearing, densified
/// point-to-line distance, and a winding-number point-in-ring. None of it uses the code under test except the
/// `GeoPoint` value type.
enum IndependentGeodesy {
    static let a = 6_378_137.0
    static let f = 1 / 298.257_223_563
    static let e2 = f * (2 - f)

    static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
    static func degrees(_ radians: Double) -> Double { radians * 180 / .pi }

    /// The radius of curvature of the normal section at `latitude` in direction `azimuth` (radians), metres.
    static func radius(latitude: Double, azimuth: Double) -> Double {
        let s = sin(latitude)
        let w = 1 - e2 * s * s
        let m = a * (1 - e2) / pow(w, 1.5)
        let n = a / w.squareRoot()
        return m * n / (n * cos(azimuth) * cos(azimuth) + m * sin(azimuth) * sin(azimuth))
    }

    /// Initial great-circle bearing from `p` to `q`, radians clockwise from north.
    static func bearing(_ p: GeoPoint, _ q: GeoPoint) -> Double {
        let φ1 = radians(p.latitude), φ2 = radians(q.latitude), Δλ = radians(q.longitude - p.longitude)
        return atan2(sin(Δλ) * cos(φ2), cos(φ1) * sin(φ2) - sin(φ1) * cos(φ2) * cos(Δλ))
    }

    /// Haversine distance, metres, on the sphere of the local radius of curvature along the p→q direction.
    static func haversine(_ p: GeoPoint, _ q: GeoPoint) -> Double {
        let φ1 = radians(p.latitude), φ2 = radians(q.latitude)
        let Δφ = φ2 - φ1, Δλ = radians(q.longitude - p.longitude)
        let h = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        let angle = 2 * asin(min(1, h.squareRoot()))
        let r = radius(latitude: (φ1 + φ2) / 2, azimuth: bearing(p, q))
        return angle * r
    }

    /// The point `distance` metres from `p` along initial bearing `azimuth` (radians), on the same local sphere.
    static func destination(_ p: GeoPoint, azimuth: Double, distance: Double) -> GeoPoint {
        let r = radius(latitude: radians(p.latitude), azimuth: azimuth)
        let δ = distance / r
        let φ1 = radians(p.latitude), λ1 = radians(p.longitude)
        let φ2 = asin(sin(φ1) * cos(δ) + cos(φ1) * sin(δ) * cos(azimuth))
        let λ2 = λ1 + atan2(sin(azimuth) * sin(δ) * cos(φ1), cos(δ) - sin(φ1) * sin(φ2))
        return GeoPoint(longitude: degrees(λ2), latitude: degrees(φ2))
    }

    /// The distance from `p` to the line through `points` (straight in lon/lat): the minimum haversine distance
    /// over each segment that can hold the nearest point, found by golden-section search along the segment.
    static func distance(from p: GeoPoint, toLine points: [GeoPoint]) -> Double {
        let toVertex = points.map { haversine(p, $0) }
        var best = toVertex.min() ?? .infinity
        for index in 0..<(points.count - 1) {
            let a = points[index], b = points[index + 1]
            let length = haversine(a, b)
            guard (toVertex[index] + toVertex[index + 1] - length) / 2 < best else { continue }
            func along(_ t: Double) -> Double {
                haversine(p, GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t,
                                      latitude: a.latitude + (b.latitude - a.latitude) * t))
            }
            let ratio = (5.0.squareRoot() - 1) / 2
            var (low, high) = (0.0, 1.0)
            for _ in 0..<80 {
                let m1 = high - ratio * (high - low), m2 = low + ratio * (high - low)
                if along(m1) < along(m2) { high = m2 } else { low = m1 }
            }
            best = min(best, along((low + high) / 2))
        }
        return best
    }

    /// Winding number of `ring` around `p` is non-zero (Sunday's algorithm, planar lon/lat).
    static func windingContains(_ ring: [GeoPoint], _ p: GeoPoint) -> Bool {
        var winding = 0
        for (a, b) in zip(ring, ring.dropFirst()) {
            let isLeft = (b.longitude - a.longitude) * (p.latitude - a.latitude)
                - (p.longitude - a.longitude) * (b.latitude - a.latitude)
            if a.latitude <= p.latitude {
                if b.latitude > p.latitude, isLeft > 0 { winding += 1 }
            } else if b.latitude <= p.latitude, isLeft < 0 {
                winding -= 1
            }
        }
        return winding != 0
    }

    /// Twice the signed area of a closed ring in lon/lat (positive: counter-clockwise).
    static func signedArea(_ ring: [GeoPoint]) -> Double {
        zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.longitude * $1.1.latitude - $1.1.longitude * $1.0.latitude }
    }
}
