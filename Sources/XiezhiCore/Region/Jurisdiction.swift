/// 辖区 — a county-level jurisdiction (district 区, county 县, county-level city 市) and its enforcement agency.
public struct Jurisdiction: Hashable, Sendable, Codable {
    /// The GB/T 2260 code, e.g. `330482`.
    public var code: JurisdictionCode
    /// The Chinese name, e.g. `平湖市`.
    public var name: String
    /// The province-level division, e.g. `浙江省`, `上海市`.
    public var province: String
    /// The transport enforcement agency (交通运输行政执法机构) that runs this jurisdiction's node.
    public var agency: String
    /// The territory (mainland outline; neighbours share identical boundary vertices).
    public var area: GeoMultiPolygon

    public init(code: JurisdictionCode, name: String, province: String, agency: String, area: GeoMultiPolygon) {
        self.code = code
        self.name = name
        self.province = province
        self.agency = agency
        self.area = area
    }

    /// Whether `point` is in this jurisdiction (points on a shared boundary belong to exactly one neighbour, see
    /// ``GeoPolygon/contains(_:)``).
    public func contains(_ point: GeoPoint) -> Bool { area.contains(point) }
}
