import Foundation

/// 违法线索 — what a vehicle detector found: the kind, the vehicle, when and where, the measured value against the limit,
/// the article, and the positions that prove it.
///
/// ``VehicleMonitor`` emits one per episode (a speeding run, a driving span, a night window, a trip, a zone visit, a
/// silence). The place is where the decisive position was (the worst speed, the farthest deviation, the position where
/// the limit was crossed), located in the region (行政处罚法 Art. 22: the place of the act decides the jurisdiction).
public struct MonitoringClue: Hashable, Codable, Sendable {
    /// The most evidence positions a clue carries.
    public static let maximumEvidence = 20

    /// What was found.
    public var kind: MonitoringClueKind
    /// The vehicle (`vehicle:浙F12345:yellow`).
    public var subject: SubjectKey
    /// The vehicle's kind when it was found.
    public var vehicleKind: MonitoredVehicleKind
    /// 运输企业 — the carrier, if the context named it.
    public var carrier: UnifiedSocialCreditCode?
    /// When the episode began (UTC).
    public var start: Date
    /// When the clue was established: the qualifying position, or the sweep time for a signal loss (UTC).
    public var end: Date
    /// Where it happened: the point, its jurisdiction and joint zones.
    public var location: Location
    /// For a joint-zone entry: the jurisdiction to tell (across the border from the vehicle's home).
    public var notify: JurisdictionCode?
    /// For a joint-zone entry: the ``Border/id``.
    public var border: String?
    /// For speeding: the ``Road/id`` whose limit applied.
    public var road: String?
    /// For a route deviation: the ``ApprovedRoute/id``.
    public var route: String?
    /// The measured values against their limits (empty when the rule has no number, e.g. a missing waybill).
    public var measurements: [ClueMeasurement]
    /// The article the clue rests on.
    public var citation: Citation
    /// The facts in Chinese, for the clue register and the case file.
    public var factsZh: String
    /// The positions that prove it, oldest first, at most ``maximumEvidence``.
    public var evidence: [VehiclePosition]
    /// The ``VehicleMonitoringRules/edition`` applied.
    public var rulesEdition: String

    /// Creates a clue; the evidence is cut to ``maximumEvidence`` positions (the first, the last and evenly spaced ones).
    public init(
        kind: MonitoringClueKind, subject: SubjectKey, vehicleKind: MonitoredVehicleKind, carrier: UnifiedSocialCreditCode?, start: Date,
        end: Date, location: Location, notify: JurisdictionCode? = nil, border: String? = nil, road: String? = nil, route: String? = nil,
        measurements: [ClueMeasurement], citation: Citation, factsZh: String, evidence: [VehiclePosition], rulesEdition: String
    ) {
        self.kind = kind
        self.subject = subject
        self.vehicleKind = vehicleKind
        self.carrier = carrier
        self.start = start
        self.end = end
        self.location = location
        self.notify = notify
        self.border = border
        self.road = road
        self.route = route
        self.measurements = measurements
        self.citation = citation
        self.factsZh = factsZh
        self.evidence = EvidenceTrail.sample(evidence, cap: Self.maximumEvidence)
        self.rulesEdition = rulesEdition
    }

    /// A stable id for the episode: `speeding:vehicle:浙F12345:yellow:1709618400` (kind, subject, start in Unix seconds),
    /// so that storing the same clue twice can be detected.
    public var id: String {
        "\(kind.rawValue):\(subject.stringValue):\(Int(start.timeIntervalSince1970.rounded(.down)))"
    }

    /// Where it happened.
    public var point: GeoPoint { location.point }

    /// The jurisdiction where it happened; `nil` outside the region.
    public var jurisdiction: JurisdictionCode? { location.jurisdiction }
}
