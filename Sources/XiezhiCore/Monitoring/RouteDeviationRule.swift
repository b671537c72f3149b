/// 偏离批准线路 — an intercity coach more than ``corridorMetres`` off its approved route for more than
/// ``minimumMinutes`` (the platform must hold the approved routes, 道路运输车辆动态监督管理办法, rules.md A6).
///
/// JSON: `{"appliesTo", "citation", "corridorMetres", "minimumMinutes", "note"?}`. A route may set its own corridor
/// (``ApprovedRoute/corridorMetres``).
public struct RouteDeviationRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds it applies to (those with an approved route).
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The article the clue cites.
    public var citation: Citation
    /// The default corridor half-width, metres: farther from the route line is off route.
    public var corridorMetres: CitedValue
    /// How long a vehicle must stay off route before it is a clue, minutes (strictly more).
    public var minimumMinutes: CitedValue
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, citation: Citation, corridorMetres: CitedValue, minimumMinutes: CitedValue, note: String? = nil) {
        self.appliesTo = appliesTo
        self.citation = citation
        self.corridorMetres = corridorMetres
        self.minimumMinutes = minimumMinutes
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, citation, corridorMetres, minimumMinutes, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "citation", "corridorMetres", "minimumMinutes", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        citation = try container.monitoringCitation(.citation, in: decoder)
        corridorMetres = try container.citedValue(.corridorMetres, in: decoder, 1...MonitoringRulesDecoding.Bound.metres)
        minimumMinutes = try container.citedValue(.minimumMinutes, in: decoder, 0...MonitoringRulesDecoding.Bound.minutes)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
