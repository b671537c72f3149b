import Foundation

/// 夜间禁限航 — a jurisdiction's ban on some classes of ships being underway during a nightly window, on some of its
/// segments or anywhere in its waters.
///
/// JSON: `{"id", "nameZh", "jurisdiction", "segments"?: [id], "from": "HH:mm", "to": "HH:mm", "vesselClasses":
/// ["muck" | "dangerous_goods" | "general"], "citation", "note"?}`. Without `segments` the restriction applies in the
/// whole jurisdiction; with them, only on those segments and only on the part inside the jurisdiction.
public struct NightRestriction: Hashable, Sendable, Decodable {
    /// A stable id, e.g. `jiashan-muck-night`.
    public var id: String
    /// The Chinese name, e.g. `嘉善县渣土船舶夜间禁航`.
    public var nameZh: String
    /// The jurisdiction that set it.
    public var jurisdiction: JurisdictionCode
    /// The segments it covers, by ``WaterwaySegment/id``; empty for the whole jurisdiction.
    public var segments: [String]
    /// The nightly window, China time (the vehicle monitoring's ``ClockWindow``).
    public var window: ClockWindow
    /// The ship classes it applies to.
    public var vesselClasses: [CargoClass]
    /// The rule.
    public var citation: Citation
    /// Free text for the legal office.
    public var note: String?

    /// Creates a restriction.
    public init(
        id: String, nameZh: String, jurisdiction: JurisdictionCode, segments: [String], window: ClockWindow,
        vesselClasses: [CargoClass], citation: Citation, note: String? = nil
    ) {
        self.id = id
        self.nameZh = nameZh
        self.jurisdiction = jurisdiction
        self.segments = segments
        self.window = window
        self.vesselClasses = vesselClasses
        self.citation = citation
        self.note = note
    }

    /// Whether it applies to a ship of `cargoClass`.
    public func applies(to cargoClass: CargoClass) -> Bool { vesselClasses.contains(cargoClass) }

    /// The China calendar day on which the night holding `date` began (01:00 belongs to the previous evening's night);
    /// `nil` outside the window.
    public func night(of date: Date) -> CalendarDate? {
        window.occurrenceStart(containing: date).map(CalendarDate.init(chinaDateOf:))
    }

    /// The window's length, minutes (1–1439).
    public var windowMinutes: Int { (window.endMinute - window.startMinute + 1440) % 1440 }

    private enum CodingKeys: String, CodingKey {
        case id, nameZh, jurisdiction, segments, from, to, vesselClasses, citation, note
    }

    /// Decodes strictly (see `WaterwayRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        let c = try WaterwayRulesDecoding.keyed(
            decoder, CodingKeys.self,
            allowed: ["id", "nameZh", "jurisdiction", "segments", "from", "to", "vesselClasses", "citation", "note"])
        id = try c.waterwayIdentifier(.id, in: decoder)
        nameZh = try c.waterwayText(.nameZh, in: decoder)
        jurisdiction = try c.decode(JurisdictionCode.self, forKey: .jurisdiction)
        segments = try c.decodeIfPresent([String].self, forKey: .segments) ?? []
        func minutes(_ key: CodingKeys) throws -> Int {
            let text = try c.decode(String.self, forKey: key)
            guard let minutes = ClockWindow.minutes(fromClock: text) else {
                throw DomainError(
                    code: WaterwayRulesDecoding.invalidValueCode,
                    reason: "\(WaterwayRulesDecoding.path(decoder.codingPath + [key])) is '\(text)'; a time of day is HH:mm (00:00–23:59)")
            }
            return minutes
        }
        let from = try minutes(.from)
        let to = try minutes(.to)
        guard let window = ClockWindow(startMinute: from, endMinute: to) else {
            throw WaterwayRulesDecoding.invalid(decoder, "the window from \(ClockWindow.clock(from)) to \(ClockWindow.clock(to)) is empty")
        }
        self.window = window
        vesselClasses = try c.decode([CargoClass].self, forKey: .vesselClasses)
        citation = try c.waterwayCitation(.citation, in: decoder)
        note = try c.decodeIfPresent(String.self, forKey: .note)
        try WaterwayRulesDecoding.require(!vesselClasses.isEmpty, decoder, "vesselClasses is empty; name the ship classes the restriction applies to")
    }
}
