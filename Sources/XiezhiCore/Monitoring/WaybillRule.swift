/// 电子运单 — a dangerous-goods vehicle moving needs a waybill (危险货物道路运输安全管理办法 Art. 24, rules.md A6, text);
/// the monitor checks the electronic one.
///
/// JSON: `{"appliesTo", "citation", "tripBreakMinutes", "note"?}`. A stop of at least ``tripBreakMinutes`` ends a trip
/// (one waybill per vehicle per trip, 一车一趟一派), so the next trip without a waybill is a new clue.
public struct WaybillRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds that need a waybill.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The article.
    public var citation: Citation
    /// The stop that ends a trip, minutes.
    public var tripBreakMinutes: CitedValue
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, citation: Citation, tripBreakMinutes: CitedValue, note: String? = nil) {
        self.appliesTo = appliesTo
        self.citation = citation
        self.tripBreakMinutes = tripBreakMinutes
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, citation, tripBreakMinutes, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "citation", "tripBreakMinutes", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        citation = try container.monitoringCitation(.citation, in: decoder)
        tripBreakMinutes = try container.citedValue(.tripBreakMinutes, in: decoder, 1...MonitoringRulesDecoding.Bound.minutes)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
