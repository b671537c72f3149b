/// A GeoJSON Feature: a geometry (or `null`) with free-form properties.
public struct GeoJSONFeature: Hashable, Sendable, Codable {
    /// Always `Feature`.
    public var type: String
    /// The shape; `null` is allowed by GeoJSON.
    public var geometry: GeoJSONGeometry?
    /// The members of `properties` (`kind`, `id`, …).
    public var properties: [String: GeoJSONValue]?

    public init(geometry: GeoJSONGeometry?, properties: [String: GeoJSONValue]) {
        self.type = "Feature"
        self.geometry = geometry
        self.properties = properties
    }

    private enum CodingKeys: String, CodingKey {
        case type, geometry, properties
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        guard type == "Feature" else {
            throw DecodingError.dataCorruptedError(forKey: .type, in: container,
                                                   debugDescription: "Expected type 'Feature', found '\(type)'")
        }
        geometry = try container.decodeIfPresent(GeoJSONGeometry.self, forKey: .geometry)
        properties = try container.decodeIfPresent([String: GeoJSONValue].self, forKey: .properties)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(type, forKey: .type)
        if let geometry { try container.encode(geometry, forKey: .geometry) } else { try container.encodeNil(forKey: .geometry) }
        if let properties { try container.encode(properties, forKey: .properties) } else { try container.encodeNil(forKey: .properties) }
    }

    /// The string property `name`, if present.
    public subscript(string name: String) -> String? { properties?[name]?.stringValue }
}
