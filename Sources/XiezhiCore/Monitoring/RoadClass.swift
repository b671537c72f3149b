/// 道路等级 — the class of a road as far as speed limits go (道路交通安全法实施条例 Art. 45, Art. 78).
public enum RoadClass: String, Codable, Sendable, CaseIterable {
    /// 高速公路 — expressway (Art. 78).
    case expressway
    /// 普通公路 — an ordinary highway (national, provincial, county road; Art. 45 "公路").
    case highway
    /// 城市道路 — an urban road (Art. 45 "城市道路").
    case urban

    /// The Chinese name, e.g. `高速公路`.
    public var chineseName: String {
        switch self {
        case .expressway: "高速公路"
        case .highway: "普通公路"
        case .urban: "城市道路"
        }
    }
}

/// Which class a road of the region is: one row of `roads` in the monitoring table.
///
/// JSON: `{"road": "G60", "roadClass": "expressway", "note"?}`; `road` is a ``Road/id`` of the region.
public struct RoadClassAssignment: Hashable, Sendable, Decodable {
    /// The ``Road/id``, e.g. `G60`.
    public var road: String
    /// Its class.
    public var roadClass: RoadClass
    /// Free text for the legal office.
    public var note: String?

    /// Creates a row.
    public init(road: String, roadClass: RoadClass, note: String? = nil) {
        self.road = road
        self.roadClass = roadClass
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case road, roadClass, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["road", "roadClass", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        road = try container.decode(String.self, forKey: .road)
        roadClass = try container.decode(RoadClass.self, forKey: .roadClass)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        try MonitoringRulesDecoding.require(!road.trimmingCharacters(in: .whitespaces).isEmpty, decoder, "a row needs the road's id")
    }
}
