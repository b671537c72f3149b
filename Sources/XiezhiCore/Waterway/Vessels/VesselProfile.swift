/// 船舶档案 — what the waterway detectors know about a ship: its registry identity (name, MMSI, registered size), its
/// AIS static data, whether the law requires it to carry AIS, and its enforcement class.
public struct VesselProfile: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The ship: registered name, MMSI when it has one, registry record.
    public var vessel: Vessel
    /// 呼号 — the call sign, as AIS type 5 or 24B carries it.
    public var callSign: String?
    /// 船舶类型（AIS） — the AIS ship-and-cargo type code 0–99, as type 5, 19 or 24B carries it.
    public var aisShipType: Int?
    /// The size as AIS reports it (types 5, 19, 24B).
    public var aisDimensions: AISDimensions?
    /// 依法应配备AIS — whether the ship must carry a working AIS (in China: inland ships over 100 GT since 2010 and the
    /// 四客一危 classes, reference/ais.md §5.1; the registry decides per ship).
    public var mustCarryAIS: Bool
    /// The enforcement class (muck, dangerous goods, general).
    public var cargoClass: CargoClass

    /// A profile; the class defaults to what the name's type character implies (``CargoClass/implied(by:)``).
    public init(
        vessel: Vessel, callSign: String? = nil, aisShipType: Int? = nil, aisDimensions: AISDimensions? = nil,
        mustCarryAIS: Bool, cargoClass: CargoClass? = nil
    ) {
        self.vessel = vessel
        self.callSign = callSign
        self.aisShipType = aisShipType
        self.aisDimensions = aisDimensions
        self.mustCarryAIS = mustCarryAIS
        self.cargoClass = cargoClass ?? CargoClass.implied(by: vessel.name)
    }

    /// The registered name.
    public var name: VesselName { vessel.name }

    /// The MMSI, when the ship has one.
    public var mmsi: MMSI? { vessel.mmsi }

    /// The registered overall length, metres (not the AIS one).
    public var registeredLengthMetres: Double? { vessel.registration?.lengthMetres }

    /// The registered beam, metres (not the AIS one).
    public var registeredBeamMetres: Double? { vessel.registration?.beamMetres }

    /// `浙嘉兴货1234 (MMSI 413123456)`.
    public var description: String { vessel.description }
}
