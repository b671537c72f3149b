/// A GeoJSON FeatureCollection (RFC 7946 §3.3); members other than `type` and `features` are ignored.
public struct GeoJSONFeatureCollection: Hashable, Sendable, Codable {
    /// Always `FeatureCollection`.
    public var type: String
    /// The features in order.
    public var features: [GeoJSONFeature]

    public init(features: [GeoJSONFeature]) {
        self.type = "FeatureCollection"
        self.features = features
    }

    private enum CodingKeys: String, CodingKey {
        case type, features
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(String.self, forKey: .type)
        guard type == "FeatureCollection" else {
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "Expected type 'FeatureCollection', found '\(type)'")
        }
        features = try container.decode([GeoJSONFeature].self, forKey: .features)
    }
}
