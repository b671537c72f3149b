import Foundation

extension GeoPolyline {
    /// The area within `width` metres of the line (both sides, round ends), as polygons whose edges stay within
    /// `tolerance` metres of the true outline.
    ///
    /// Built in three steps: the outline is traced on a grid of distances (marching squares, cells of `width`/20
    /// on the ``LocalPlane`` of the line's centre); every traced vertex is then moved onto the true outline with
    /// the accurate ``distance(from:)`` (a Newton step along the direction away from the closest point); and an
    /// edge whose midpoint, moved the same way, lies more than `tolerance` from the edge is split there, to a
    /// depth of 8. Exterior rings are counter-clockwise and holes clockwise (RFC 7946).
    ///
    /// - Parameters:
    ///   - width: the buffer distance, metres (> 0).
    ///   - tolerance: the largest allowed gap between an edge and the true outline, metres; `width`/500 by default.
    public func buffer(width: Double, tolerance: Double? = nil) -> GeoMultiPolygon {
        guard width > 0, let box = bounds else { return GeoMultiPolygon(polygons: []) }
        let tolerance = tolerance ?? width / 500
        let plane = LocalPlane(origin: box.center)
        let line = points.map(plane.project)
        let rings = BufferTracer(line: line, width: width).rings()
        let polygons = rings.map { ringSet in
            GeoPolygon(rings: ringSet.map { ring in
                refine(ring.map(plane.unproject), width: width, tolerance: tolerance)
            })
        }
        return GeoMultiPolygon(polygons: polygons)
    }

    /// Moves every vertex of a closed ring onto the outline and splits edges until each is within `tolerance`.
    private func refine(_ ring: [GeoPoint], width: Double, tolerance: Double) -> [GeoPoint] {
        guard ring.count > 3 else { return ring }
        let snapped = ring.dropLast().map { onOutline($0, width: width) }
        var result: [GeoPoint] = []
        result.reserveCapacity(snapped.count * 2)
        for index in snapped.indices {
            let a = snapped[index]
            let b = snapped[(index + 1) % snapped.count]
            result.append(a)
            split(a, b, width: width, tolerance: tolerance, depth: 8, into: &result)
        }
        result.append(result[0])
        return result
    }

    private func split(_ a: GeoPoint, _ b: GeoPoint, width: Double, tolerance: Double, depth: Int,
                       into result: inout [GeoPoint]) {
        guard depth > 0 else { return }
        let middle = GeoPolyline.interpolate(a, b, 0.5)
        let moved = onOutline(middle, width: width)
        guard middle.distance(to: moved) > tolerance else { return }
        split(a, moved, width: width, tolerance: tolerance, depth: depth - 1, into: &result)
        result.append(moved)
        split(moved, b, width: width, tolerance: tolerance, depth: depth - 1, into: &result)
    }

    /// The point at distance `width` from the line, on the ray from the closest point through `point`.
    private func onOutline(_ point: GeoPoint, width: Double) -> GeoPoint {
        var current = point
        for _ in 0..<3 {
            guard let closest = closestPoint(to: current), closest.distance > 0 else { return current }
            if abs(closest.distance - width) < width * 1e-9 { return current }
            let plane = LocalPlane(origin: current)
            let foot = plane.project(closest.point)
            // current is the plane's origin: current' = foot + (current − foot)·width/distance
            current = plane.unproject(foot * (1 - width / closest.distance))
        }
        return current
    }
}
