import Foundation

/// 水上违法线索 — what a waterway detector found: the kind, the ship, where and when, the threshold that was crossed
/// with its citation, the facts in Chinese and the evidence (capped).
public struct WaterwayClue: Hashable, Codable, Sendable {
    /// A deterministic id: `kind:ship-or-passage:unix-seconds-of-occurrence`.
    public var id: String
    /// What was found.
    public var kind: WaterwayClueKind
    /// Which rule fired: `clone.mmsi_speed`, `clone.name_speed`, `clone.name_ais`, `clone.fingerprint`, a night
    /// restriction's id, a segment's id, or the kind's raw value.
    public var rule: String
    /// The ship's name, when known.
    public var vessel: VesselName?
    /// The ship's MMSI, when known.
    public var mmsi: MMSI?
    /// When the act happened (an episode's start; a passage's time).
    public var occurredAt: Date
    /// When the detector found it (the observation or sweep time).
    public var detectedAt: Date
    /// Where.
    public var place: GeoPoint
    /// The place in Chinese: the checkpoint, the segment, or the jurisdiction's waters.
    public var placeNameZh: String
    /// The jurisdiction of the place; `nil` outside the region.
    public var jurisdiction: JurisdictionCode?
    /// The threshold crossed, with its citation.
    public var threshold: AppliedThreshold
    /// The measured value in the threshold's unit (gap minutes, implied knots, stop minutes, metres), when one applies.
    public var measured: Double?
    /// The facts, in Chinese.
    public var factsZh: String
    /// What proves it, capped by ``WaterwayMonitoringRules/evidenceCap``.
    public var evidence: [ClueEvidence]
    /// The edition of the waterway rules that judged it (``WaterwayRules/edition``).
    public var rulesEdition: String

    /// Creates a clue (the monitor fills ``rulesEdition``).
    public init(
        id: String, kind: WaterwayClueKind, rule: String, vessel: VesselName?, mmsi: MMSI?, occurredAt: Date,
        detectedAt: Date, place: GeoPoint, placeNameZh: String, jurisdiction: JurisdictionCode?, threshold: AppliedThreshold,
        measured: Double?, factsZh: String, evidence: [ClueEvidence], rulesEdition: String = ""
    ) {
        self.id = id
        self.kind = kind
        self.rule = rule
        self.vessel = vessel
        self.mmsi = mmsi
        self.occurredAt = occurredAt
        self.detectedAt = detectedAt
        self.place = place
        self.placeNameZh = placeNameZh
        self.jurisdiction = jurisdiction
        self.threshold = threshold
        self.measured = measured
        self.factsZh = factsZh
        self.evidence = evidence
        self.rulesEdition = rulesEdition
    }

    /// Who the clue is about: the ship by name, else by MMSI.
    public var subject: SubjectKey? { vessel.map(SubjectKey.vessel) ?? mmsi.map(SubjectKey.mmsi) }

    /// The clue as a case intake (违法线索), with the kind's raw value as the violation kind; `nil` without a
    /// jurisdiction or a subject.
    public func intake(partyKind: PartyKind) -> ClueIntake? {
        guard let jurisdiction, let subject else { return nil }
        return ClueIntake(
            jurisdiction: jurisdiction, subject: subject.stringValue, partyKind: partyKind, violationKind: kind.rawValue,
            facts: factsZh, place: CasePlace(text: placeNameZh, longitude: place.longitude, latitude: place.latitude),
            occurredAt: occurredAt, discoveredAt: detectedAt, source: "waterway.\(rule)")
    }
}
