/// 凌晨2-5时停止运行 — long-distance coaches stop, or hand over to relay transport, from 02:00 to 05:00
/// (道路旅客运输企业安全管理规范 Art. 38(5), rules.md A6, secondary).
///
/// Fixed airport or high-speed-rail shuttles, relay vehicles and short hauls of at most ``shortHaulMaxKm`` one way are
/// exempt (``EarlyMorningExemption`` on the ``ApprovedRoute``). JSON: `{"appliesTo", "from", "to", "citation",
/// "shortHaulMaxKm", "note"?}`.
public struct EarlyMorningBanRule: Hashable, Sendable, Decodable {
    /// The vehicle kinds it applies to.
    public var appliesTo: Set<MonitoredVehicleKind>
    /// The window, China time.
    public var window: ClockWindow
    /// The article.
    public var citation: Citation
    /// The longest one-way route a short-haul exemption may cover, km (100).
    public var shortHaulMaxKm: CitedValue
    /// Free text for the legal office.
    public var note: String?

    /// Creates the rule.
    public init(appliesTo: Set<MonitoredVehicleKind>, window: ClockWindow, citation: Citation, shortHaulMaxKm: CitedValue, note: String? = nil) {
        self.appliesTo = appliesTo
        self.window = window
        self.citation = citation
        self.shortHaulMaxKm = shortHaulMaxKm
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case appliesTo, from, to, citation, shortHaulMaxKm, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["appliesTo", "from", "to", "citation", "shortHaulMaxKm", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        appliesTo = try container.monitoredKinds(.appliesTo, in: decoder)
        let from = try container.clockMinutes(.from, in: decoder)
        let to = try container.clockMinutes(.to, in: decoder)
        guard let window = ClockWindow(startMinute: from, endMinute: to) else {
            throw MonitoringRulesDecoding.invalid(decoder, "'from' and 'to' are the same time; a window needs two different times")
        }
        self.window = window
        citation = try container.monitoringCitation(.citation, in: decoder)
        shortHaulMaxKm = try container.citedValue(.shortHaulMaxKm, in: decoder, 1...MonitoringRulesDecoding.Bound.km)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
