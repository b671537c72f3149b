/// 最高车速 — the speed limit of one road class for some vehicle kinds (道路交通安全法实施条例 Art. 45, Art. 78).
///
/// JSON: `{"roadClass", "kinds": [...], "limitKmh", "citation", "note"?}`. The daytime limit; at night the
/// ``NightSpeedRule`` lowers it for the kinds it names.
public struct SpeedLimitRow: Hashable, Sendable, Decodable {
    /// The road class.
    public var roadClass: RoadClass
    /// The vehicle kinds the limit applies to.
    public var kinds: Set<MonitoredVehicleKind>
    /// The limit, km/h: above it is 超速.
    public var limitKmh: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a row.
    public init(roadClass: RoadClass, kinds: Set<MonitoredVehicleKind>, limitKmh: Int, citation: Citation, note: String? = nil) {
        self.roadClass = roadClass
        self.kinds = kinds
        self.limitKmh = limitKmh
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case roadClass, kinds, limitKmh, citation, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["roadClass", "kinds", "limitKmh", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        roadClass = try container.decode(RoadClass.self, forKey: .roadClass)
        kinds = try container.monitoredKinds(.kinds, in: decoder)
        limitKmh = try container.monitoringInt(.limitKmh, in: decoder, 1...MonitoringRulesDecoding.Bound.kmh)
        citation = try container.monitoringCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}

/// 夜间限速 — at night a passenger vehicle may drive at most a share of the daytime limit (80 %, 道路运输车辆动态监督管理办法,
/// rules.md A6).
///
/// JSON: `{"appliesTo": [...], "percentOfDayLimit", "citation", "note"?}`; the night is the table's `nightWindow`.
public struct NightSpeedRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds it applies to.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The night limit as a percentage of the day limit, 1–100.
    public var percentOfDayLimit: Int
    /// The article.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, percentOfDayLimit: Int, citation: Citation, note: String? = nil) {
        self.appliesTo = appliesTo
        self.percentOfDayLimit = percentOfDayLimit
        self.citation = citation
        self.note = note
    }

    /// The night limit for a day limit, km/h (exact: `100 × 80 / 100 = 80`).
    public func nightLimit(dayLimitKmh: Int) -> Double {
        Double(dayLimitKmh * percentOfDayLimit) / 100
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, percentOfDayLimit, citation, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "percentOfDayLimit", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        percentOfDayLimit = try container.monitoringInt(.percentOfDayLimit, in: decoder, 1...MonitoringRulesDecoding.Bound.percent)
        citation = try container.monitoringCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
