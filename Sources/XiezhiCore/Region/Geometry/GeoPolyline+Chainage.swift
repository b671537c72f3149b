extension GeoPolyline {
    /// The point `metres` along the line from its first point (linear in longitude/latitude within a segment);
    /// clamped to the line's ends.
    public func point(atChainage metres: Double) -> GeoPoint? {
        guard let first = points.first else { return nil }
        var remaining = max(0, metres)
        for (a, b) in zip(points, points.dropFirst()) {
            let length = a.distance(to: b)
            if remaining <= length, length > 0 {
                let fraction = remaining / length
                return GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * fraction, latitude: a.latitude + (b.latitude - a.latitude) * fraction)
            }
            remaining -= length
        }
        return points.last ?? first
    }

    /// Metres along the line to the point of it nearest `point`.
    public func chainage(of point: GeoPoint) -> Double? {
        guard let projection = closestPoint(to: point) else { return nil }
        var total = 0.0
        for index in 0..<projection.segment { total += points[index].distance(to: points[index + 1]) }
        return total + points[projection.segment].distance(to: points[projection.segment + 1]) * projection.fraction
    }
}
