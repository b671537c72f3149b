/// Where the act happened: a description and, when known, WGS-84 coordinates in degrees.
public struct CasePlace: Hashable, Codable, Sendable {
    /// The place in words, e.g. `G320国道K115+300 平湖新埭治超非现场执法点`.
    public var text: String
    /// Longitude in degrees (−180…180), if known.
    public var longitude: Double?
    /// Latitude in degrees (−90…90), if known.
    public var latitude: Double?

    /// Creates the value with every field given.
    public init(text: String, longitude: Double? = nil, latitude: Double? = nil) {
        self.text = text
        self.longitude = longitude
        self.latitude = latitude
    }

    /// Whether the coordinates, if any, are both present and in range.
    public var hasValidCoordinates: Bool {
        switch (longitude, latitude) {
        case (nil, nil): true
        case let (lon?, lat?): (-180...180).contains(lon) && (-90...90).contains(lat)
        default: false
        }
    }
}
