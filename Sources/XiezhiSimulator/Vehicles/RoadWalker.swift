import Foundation
import XiezhiCore

/// Walks a road's centre line by distance: the point and heading `metres` from its start. A walk past either end
/// turns round (a U-turn at the end of the road), so a trip of any length stays on the road.
struct RoadWalker: Sendable {
    let points: [GeoPoint]
    /// Distance from the start to each vertex, metres.
    let cumulative: [Double]

    init(_ line: GeoPolyline) {
        points = line.points
        var total = 0.0
        var cumulative = [0.0]
        for index in points.indices.dropFirst() {
            total += points[index - 1].distance(to: points[index])
            cumulative.append(total)
        }
        self.cumulative = cumulative
    }

    var length: Double { cumulative.last ?? 0 }

    /// The point `distance` metres along a back-and-forth walk, and the heading of travel there.
    func locate(_ distance: Double) -> (point: GeoPoint, heading: Int) {
        let length = max(self.length, 1)
        let lap = distance.truncatingRemainder(dividingBy: 2 * length)
        let forward = lap < length
        let along = forward ? lap : 2 * length - lap
        var segment = 1
        while segment < cumulative.count - 1 && cumulative[segment] < along { segment += 1 }
        let (a, b) = (points[segment - 1], points[segment])
        let span = max(cumulative[segment] - cumulative[segment - 1], 1e-9)
        let t = min(max((along - cumulative[segment - 1]) / span, 0), 1)
        let point = GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t, latitude: a.latitude + (b.latitude - a.latitude) * t)
        let east = (b.longitude - a.longitude) * cos(a.latitude * .pi / 180)
        let north = b.latitude - a.latitude
        var heading = atan2(east, north) * 180 / .pi
        if !forward { heading += 180 }
        return (point, (Int(heading.rounded()) % 360 + 360) % 360)
    }
}
