/// 夜间 — the night window of the monitoring rules (22:00–06:00 China time in the default table, unverified): night
/// driving is limited to 2 h at a stretch and passenger vehicles to 80 % of the day limit.
///
/// JSON: `{"from": "22:00", "to": "06:00", "citation", "note"?}`.
public struct NightWindow: Hashable, Sendable, Decodable {
    /// The window, China time.
    public var window: ClockWindow
    /// Where the hours come from.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates the window.
    public init(window: ClockWindow, citation: Citation, note: String? = nil) {
        self.window = window
        self.citation = citation
        self.note = note
    }

    private enum CodingKeys: String, CodingKey { case from, to, citation, note }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(in: decoder, allowed: ["from", "to", "citation", "note"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let from = try container.clockMinutes(.from, in: decoder)
        let to = try container.clockMinutes(.to, in: decoder)
        guard let window = ClockWindow(startMinute: from, endMinute: to) else {
            throw MonitoringRulesDecoding.invalid(decoder, "'from' and 'to' are the same time; a window needs two different times")
        }
        self.window = window
        citation = try container.monitoringCitation(.citation, in: decoder)
        note = try container.decodeIfPresent(String.self, forKey: .note)
    }
}
