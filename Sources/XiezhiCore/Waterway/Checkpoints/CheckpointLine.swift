import Foundation

/// 卡口断面线 — the line a checkpoint watches, from the right bank to the left bank as seen travelling forward.
///
/// Encoded as `[[lon, lat], [lon, lat]]` (right bank first). A ship travelling ``PassageDirection/forward`` crosses
/// it from its left side to its right side (looking from the right bank to the left bank).
public struct CheckpointLine: Hashable, Sendable, Codable {
    /// The end on the right bank (looking forward).
    public var rightBank: GeoPoint
    /// The end on the left bank.
    public var leftBank: GeoPoint

    /// The shortest line accepted, metres (a checkpoint spans a waterway).
    public static let minimumLengthMetres = 5.0
    /// The longest line accepted, metres.
    public static let maximumLengthMetres = 5_000.0

    /// Creates the line.
    public init(rightBank: GeoPoint, leftBank: GeoPoint) {
        self.rightBank = rightBank
        self.leftBank = leftBank
    }

    /// Decodes `[[lon, lat], [lon, lat]]`, right bank first.
    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        let right = try container.decode(GeoPoint.self)
        let left = try container.decode(GeoPoint.self)
        guard container.isAtEnd, right.isValid, left.isValid else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "A checkpoint line is two valid positions: [[lon, lat], [lon, lat]], right bank first")
        }
        self.init(rightBank: right, leftBank: left)
    }

    /// Encodes `[[lon, lat], [lon, lat]]`, right bank first.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(rightBank)
        try container.encode(leftBank)
    }

    /// The middle of the line (linear in longitude/latitude).
    public var midpoint: GeoPoint {
        GeoPoint(longitude: (rightBank.longitude + leftBank.longitude) / 2, latitude: (rightBank.latitude + leftBank.latitude) / 2)
    }

    /// The line's length, metres.
    public var lengthMetres: Double { rightBank.distance(to: leftBank) }

    /// The distance from `point` to the line segment, metres.
    public func distance(from point: GeoPoint) -> Double {
        let plane = LocalPlane(origin: midpoint)
        return Self.distance(plane.project(point), plane.project(rightBank), plane.project(leftBank)).distance
    }

    /// The direction of a movement from `from` to `to` across the line: forward when it goes from the line's left side
    /// to its right side; `nil` for a movement along the line or no movement.
    public func direction(from: GeoPoint, to: GeoPoint) -> PassageDirection? {
        let plane = LocalPlane(origin: midpoint)
        let along = plane.project(leftBank) - plane.project(rightBank)
        let move = plane.project(to) - plane.project(from)
        let cross = along.cross(move)
        if cross < 0 { return .forward }
        if cross > 0 { return .reverse }
        return nil
    }

    /// Which MMSIs crossed the line, or passed within ``CrossingRules/nearMetres`` of it, within
    /// ±``CrossingRules/windowSeconds`` of `time`: at most one ``LineCrossing`` per MMSI, sorted by MMSI.
    ///
    /// Per MMSI the positions are sorted by time; each pair of consecutive positions at most
    /// ``CrossingRules/maxInterpolationGapSeconds`` apart is tested against the line extended by `nearMetres` at both
    /// ends, and a crossing gets the time interpolated linearly at the crossing point. A pair or a lone position that
    /// does not cross but comes within `nearMetres` gives a ``LineCrossing/Kind/near`` at the time of closest approach.
    /// An MMSI's crossing nearest in time wins over any near pass; among near passes the closest, then the nearest in
    /// time.
    public func crossings(of positions: [VesselPosition], around time: Date, rules: CrossingRules) -> [LineCrossing] {
        let plane = LocalPlane(origin: midpoint)
        let a = plane.project(rightBank)
        let b = plane.project(leftBank)
        let along = b - a
        let length = along.length
        guard length > 0 else { return [] }
        let unit = along * (1 / length)
        let extendedA = a - unit * rules.nearMetres
        let extendedB = b + unit * rules.nearMetres
        var byMMSI: [MMSI: [VesselPosition]] = [:]
        for position in positions { byMMSI[position.mmsi, default: []].append(position) }

        var result: [LineCrossing] = []
        for mmsi in byMMSI.keys.sorted() {
            let track = byMMSI[mmsi]!.sorted { ($0.time, $0.longitude, $0.latitude) < ($1.time, $1.longitude, $1.latitude) }
            let projected = track.map { plane.project($0.point) }
            var best: LineCrossing?
            func consider(_ candidate: LineCrossing) {
                guard abs(candidate.offsetSeconds) <= rules.windowSeconds else { return }
                if let current = best, !candidate.isBetter(than: current) { return }
                best = candidate
            }
            for index in track.indices {
                let here = track[index]
                let distance = Self.distance(projected[index], a, b).distance
                if distance <= rules.nearMetres {
                    consider(LineCrossing(
                        mmsi: mmsi, time: here.time, point: here.point, kind: .near, distanceMetres: distance,
                        direction: courseDirection(here, plane: plane, along: along), offsetSeconds: here.time.timeIntervalSince(time)))
                }
                guard index + 1 < track.count else { continue }
                let next = track[index + 1]
                let gap = next.time.timeIntervalSince(here.time)
                guard gap > 0, gap <= rules.maxInterpolationGapSeconds else { continue }
                let p1 = projected[index], p2 = projected[index + 1]
                let move = p2 - p1
                let direction: PassageDirection? = along.cross(move) < 0 ? .forward : (along.cross(move) > 0 ? .reverse : nil)
                if let fraction = Self.intersection(p1, p2, extendedA, extendedB) {
                    let at = here.time.addingTimeInterval(gap * fraction)
                    consider(LineCrossing(
                        mmsi: mmsi, time: at, point: plane.unproject(p1 + move * fraction), kind: .crossed, distanceMetres: 0,
                        direction: direction, offsetSeconds: at.timeIntervalSince(time)))
                } else {
                    let (fraction, distance) = Self.closestApproach(p1, p2, a, b)
                    guard distance <= rules.nearMetres, fraction > 0, fraction < 1 else { continue }
                    let at = here.time.addingTimeInterval(gap * fraction)
                    consider(LineCrossing(
                        mmsi: mmsi, time: at, point: plane.unproject(p1 + move * fraction), kind: .near, distanceMetres: distance,
                        direction: direction, offsetSeconds: at.timeIntervalSince(time)))
                }
            }
            if let best { result.append(best) }
        }
        return result
    }

    /// The direction a lone position's course points across the line, when it has a course.
    private func courseDirection(_ position: VesselPosition, plane: LocalPlane, along: PlanePoint) -> PassageDirection? {
        guard let course = position.courseDegrees else { return nil }
        let radians = course * .pi / 180
        let cross = along.cross(PlanePoint(x: sin(radians), y: cos(radians)))
        return cross < 0 ? .forward : (cross > 0 ? .reverse : nil)
    }

    // MARK: - Plane geometry

    /// Where segment `p1`–`p2` meets segment `q1`–`q2`, as the fraction along `p1`–`p2`; `nil` when they do not meet
    /// (parallel segments never do).
    static func intersection(_ p1: PlanePoint, _ p2: PlanePoint, _ q1: PlanePoint, _ q2: PlanePoint) -> Double? {
        let d = p2 - p1
        let e = q2 - q1
        let denominator = d.cross(e)
        guard abs(denominator) > 1e-12 else { return nil }
        let offset = q1 - p1
        let u = offset.cross(e) / denominator
        let v = offset.cross(d) / denominator
        guard (0...1).contains(u), (0...1).contains(v) else { return nil }
        return u
    }

    /// The distance from `point` to segment `a`–`b` and the fraction along it of the closest point.
    static func distance(_ point: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> (fraction: Double, distance: Double) {
        let (fraction, distance) = GeoPolyline.closest(toOrigin: a - point, b - point)
        return (fraction, distance)
    }

    /// The closest approach of segment `p1`–`p2` to segment `a`–`b` when they do not meet: the fraction along
    /// `p1`–`p2` and the distance.
    static func closestApproach(_ p1: PlanePoint, _ p2: PlanePoint, _ a: PlanePoint, _ b: PlanePoint) -> (fraction: Double, distance: Double) {
        var best = (fraction: 0.0, distance: distance(p1, a, b).distance)
        let end = distance(p2, a, b).distance
        if end < best.distance { best = (1, end) }
        for point in [a, b] {
            let onTrack = distance(point, p1, p2)
            if onTrack.distance < best.distance { best = onTrack }
        }
        return best
    }
}
