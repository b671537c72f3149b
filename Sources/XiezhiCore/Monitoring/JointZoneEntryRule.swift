/// 进入毗邻联合执法区域 — when a monitored vehicle enters a joint zone, the neighbour across the border is told (its
/// officers may act there; the zone's width is in `joint-zone.json`).
///
/// JSON: `{"appliesTo", "citation", "reentryQuietMinutes", "note"?}`: a re-entry into the same zone within
/// ``reentryQuietMinutes`` of leaving it is not told again (a vehicle running along the zone's edge).
public struct JointZoneEntryRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds whose entries are told.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The arrangement the notice rests on.
    public var citation: Citation
    /// How long after leaving a zone a re-entry stays quiet, minutes.
    public var reentryQuietMinutes: CitedValue
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, citation: Citation, reentryQuietMinutes: CitedValue, note: String? = nil) {
        self.appliesTo = appliesTo
        self.citation = citation
        self.reentryQuietMinutes = reentryQuietMinutes
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, citation, reentryQuietMinutes, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "citation", "reentryQuietMinutes", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        citation = try container.monitoringCitation(.citation, in: decoder)
        reentryQuietMinutes = try container.citedValue(.reentryQuietMinutes, in: decoder, 0...MonitoringRulesDecoding.Bound.minutes)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
