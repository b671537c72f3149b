import Foundation

/// The body of a ``FederationKind/watchlistEntry`` message: a watchlist entry's current state, sent when it is flagged
/// and again when it is withdrawn (the receiver keeps the latest state; withdrawal is final). `subject` (the plate),
/// `mmsi` and `ship_name` are personal data and flow only when the agreement names them; an entry whose identifying
/// fields the agreement strips entirely is not sent.
public struct WatchlistEntryBody: Codable, Hashable, Sendable {
    public var entryId: String
    /// `active` or `withdrawn`.
    public var status: String
    /// `vehicle` or `ship`.
    public var subjectKind: String
    /// The plate, for a vehicle (e.g. `沪A12345`).
    public var subject: String?
    public var plateColour: String?
    public var mmsi: String?
    public var shipName: String?
    public var reason: String
    public var violationKind: String
    public var agency: String
    public var jurisdiction: String
    public var flaggedAt: Date
    public var validUntil: Date
    public var withdrawnAt: Date?
    public var withdrawReason: String?

    public init(
        entryId: String, status: String, subjectKind: String, subject: String?, plateColour: String?, mmsi: String?, shipName: String?,
        reason: String, violationKind: String, agency: String, jurisdiction: String, flaggedAt: Date, validUntil: Date, withdrawnAt: Date?,
        withdrawReason: String?
    ) {
        self.entryId = entryId
        self.status = status
        self.subjectKind = subjectKind
        self.subject = subject
        self.plateColour = plateColour
        self.mmsi = mmsi
        self.shipName = shipName
        self.reason = reason
        self.violationKind = violationKind
        self.agency = agency
        self.jurisdiction = jurisdiction
        self.flaggedAt = flaggedAt
        self.validUntil = validUntil
        self.withdrawnAt = withdrawnAt
        self.withdrawReason = withdrawReason
    }

    /// The fields that identify the subject: at least one must survive the agreement.
    public static let identifyingFields: Set<String> = ["subject", "mmsi", "ship_name"]
}

/// The body of a ``FederationKind/watchlistSighting`` message: a partner's sensor saw a subject this node flagged.
public struct WatchlistSightingBody: Codable, Hashable, Sendable {
    /// The flagging node's entry id.
    public var entryId: String
    /// The sighting's id on the node that saw it (the receiver's alert is idempotent on it).
    public var sightingId: String
    public var seenAt: Date
    /// ``WatchlistSensor/Kind`` raw value.
    public var sensorKind: String
    public var sensor: String
    /// The agency whose area the sighting is in.
    public var jurisdiction: String
    public var place: String?
    public var longitude: Double?
    public var latitude: Double?
    /// What the sensor read (the plate, the MMSI or the name): personal data.
    public var subject: String?

    public init(
        entryId: String, sightingId: String, seenAt: Date, sensorKind: String, sensor: String, jurisdiction: String, place: String?,
        longitude: Double?, latitude: Double?, subject: String?
    ) {
        self.entryId = entryId
        self.sightingId = sightingId
        self.seenAt = seenAt
        self.sensorKind = sensorKind
        self.sensor = sensor
        self.jurisdiction = jurisdiction
        self.place = place
        self.longitude = longitude
        self.latitude = latitude
        self.subject = subject
    }
}
