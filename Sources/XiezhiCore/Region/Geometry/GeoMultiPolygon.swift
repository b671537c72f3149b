/// Several polygons treated as one area (a jurisdiction with islands, a joint zone).
///
/// Encoded as the GeoJSON MultiPolygon `coordinates`.
public struct GeoMultiPolygon: Hashable, Sendable, Codable {
    /// The parts.
    public var polygons: [GeoPolygon]

    public init(polygons: [GeoPolygon]) {
        self.polygons = polygons
    }

    public init(from decoder: any Decoder) throws {
        polygons = try [GeoPolygon](from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try polygons.encode(to: encoder)
    }

    /// The box around all exterior rings; `nil` when empty.
    public var bounds: GeoBoundingBox? {
        polygons.compactMap(\.bounds).reduce(nil) { partial, box in partial?.union(box) ?? box }
    }

    /// Whether any polygon contains `point` (same edge rule as ``GeoPolygon/contains(_:)``).
    public func contains(_ point: GeoPoint) -> Bool {
        polygons.contains { $0.contains(point) }
    }

    /// Every vertex of every ring.
    public var vertices: [GeoPoint] { polygons.flatMap { $0.rings.flatMap { $0 } } }
}
