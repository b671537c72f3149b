/// 船舶登记记录 — a vessel as the subject register stores it: the ``Vessel`` fields (name, MMSI, registry record)
/// plus what the waterway detectors need: whether the law requires it to carry AIS and its enforcement class.
///
/// JSON: `{"name", "mmsi"?, "registration"?, "mustCarryAIS"?, "cargoClass"?}` — a plain ``Vessel`` record reads as
/// one that need not carry AIS, of the class its name implies.
public struct RegisteredVessel: Hashable, Codable, Sendable {
    /// The registered name.
    public var name: VesselName
    /// The MMSI, when it has one.
    public var mmsi: MMSI?
    /// The registry record.
    public var registration: VesselRegistration?
    /// 依法应配备AIS — set by the registering agency (see ``VesselProfile/mustCarryAIS``); absent means no.
    public var mustCarryAIS: Bool?
    /// The enforcement class; absent means what the name implies.
    public var cargoClass: CargoClass?

    /// Creates the record.
    public init(vessel: Vessel, mustCarryAIS: Bool?, cargoClass: CargoClass?) {
        name = vessel.name
        mmsi = vessel.mmsi
        registration = vessel.registration
        self.mustCarryAIS = mustCarryAIS
        self.cargoClass = cargoClass
    }

    /// The ship.
    public var vessel: Vessel { Vessel(name: name, mmsi: mmsi, registration: registration) }

    /// The profile the detectors use.
    public var profile: VesselProfile {
        VesselProfile(vessel: vessel, mustCarryAIS: mustCarryAIS ?? false, cargoClass: cargoClass)
    }
}
