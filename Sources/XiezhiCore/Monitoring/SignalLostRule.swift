/// 信号中断 — a terminal silent for more than ``silentMinutes`` while its vehicle was last seen moving (operating with an
/// offline positioning unit, 道路运输车辆动态监督管理办法 Art. 37, rules.md A6, secondary).
///
/// JSON: `{"appliesTo", "citation", "silentMinutes", "note"?}`.
public struct SignalLostRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds it applies to.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The article.
    public var citation: Citation
    /// How long a moving vehicle's terminal may be silent, minutes (strictly more is a clue).
    public var silentMinutes: CitedValue
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, citation: Citation, silentMinutes: CitedValue, note: String? = nil) {
        self.appliesTo = appliesTo
        self.citation = citation
        self.silentMinutes = silentMinutes
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, citation, silentMinutes, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "citation", "silentMinutes", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        citation = try container.monitoringCitation(.citation, in: decoder)
        silentMinutes = try container.citedValue(.silentMinutes, in: decoder, 1...MonitoringRulesDecoding.Bound.minutes)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
