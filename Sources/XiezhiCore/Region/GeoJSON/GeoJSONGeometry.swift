/// A GeoJSON geometry (RFC 7946 §3.1) of the kinds the region uses; GeometryCollection is not supported.
public enum GeoJSONGeometry: Hashable, Sendable, Codable {
    /// `Point`.
    case point(GeoPoint)
    /// `MultiPoint`.
    case multiPoint([GeoPoint])
    /// `LineString`.
    case lineString(GeoPolyline)
    /// `MultiLineString`.
    case multiLineString([GeoPolyline])
    /// `Polygon`.
    case polygon(GeoPolygon)
    /// `MultiPolygon`.
    case multiPolygon(GeoMultiPolygon)

    private enum CodingKeys: String, CodingKey {
        case type, coordinates
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "Point": self = .point(try container.decode(GeoPoint.self, forKey: .coordinates))
        case "MultiPoint": self = .multiPoint(try container.decode([GeoPoint].self, forKey: .coordinates))
        case "LineString": self = .lineString(try container.decode(GeoPolyline.self, forKey: .coordinates))
        case "MultiLineString": self = .multiLineString(try container.decode([GeoPolyline].self, forKey: .coordinates))
        case "Polygon": self = .polygon(try container.decode(GeoPolygon.self, forKey: .coordinates))
        case "MultiPolygon": self = .multiPolygon(try container.decode(GeoMultiPolygon.self, forKey: .coordinates))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Unsupported geometry type '\(type)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(typeName, forKey: .type)
        switch self {
        case .point(let point): try container.encode(point, forKey: .coordinates)
        case .multiPoint(let points): try container.encode(points, forKey: .coordinates)
        case .lineString(let line): try container.encode(line, forKey: .coordinates)
        case .multiLineString(let lines): try container.encode(lines, forKey: .coordinates)
        case .polygon(let polygon): try container.encode(polygon, forKey: .coordinates)
        case .multiPolygon(let polygons): try container.encode(polygons, forKey: .coordinates)
        }
    }

    /// The GeoJSON `type` member, e.g. `Polygon`.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        }
    }

    /// Every position in the geometry.
    public var positions: [GeoPoint] {
        switch self {
        case .point(let point): [point]
        case .multiPoint(let points): points
        case .lineString(let line): line.points
        case .multiLineString(let lines): lines.flatMap(\.points)
        case .polygon(let polygon): polygon.rings.flatMap { $0 }
        case .multiPolygon(let polygons): polygons.vertices
        }
    }
}
