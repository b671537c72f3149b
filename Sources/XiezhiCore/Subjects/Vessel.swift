/// 船舶 — a ship known to the system: its name, its MMSI when it carries AIS, and its registry record when known.
public struct Vessel: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The registered name, e.g. `浙嘉兴货1234`.
    public var name: VesselName
    /// The AIS identity, when the ship carries AIS (small inland ships often do not).
    public var mmsi: MMSI?
    /// 船舶登记 — the registry record, when known.
    public var registration: VesselRegistration?

    /// A vessel; only the name is required.
    public init(name: VesselName, mmsi: MMSI? = nil, registration: VesselRegistration? = nil) {
        self.name = name
        self.mmsi = mmsi
        self.registration = registration
    }

    /// The subject key of the vessel (``SubjectKey/vessel(_:)``, by name).
    public var subjectKey: SubjectKey { .vessel(name) }

    /// The name, with the MMSI when known: `浙嘉兴货1234 (MMSI 413123456)`.
    public var description: String {
        mmsi.map { "\(name.value) (MMSI \($0.value))" } ?? name.value
    }
}
