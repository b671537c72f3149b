/// 航道 — a navigable waterway of the region, as an approximate centre line.
public struct Waterway: Hashable, Sendable, Codable {
    /// A stable id, e.g. `hangshen`.
    public var id: String
    /// The Chinese name, e.g. `杭申线`.
    public var name: String
    /// The navigation line's designation, e.g. `杭申线`.
    public var ref: String
    /// The approximate centre line.
    public var line: GeoPolyline

    public init(id: String, name: String, ref: String, line: GeoPolyline) {
        self.id = id
        self.name = name
        self.ref = ref
        self.line = line
    }
}
