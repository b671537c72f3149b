/// Type 5 — static and voyage related data of a Class A station (ITU-R M.1371-5 table 52), 424 bits.
///
/// gpsd 3.22 accepts 420 bits or more (many transmitters send 420 or 422 bits); `dte` is read only when the
/// payload reaches bit 422. Names, dimensions, ETA and destination are typed in by the crew and unreliable.
public struct AISStaticVoyageData: Sendable, Hashable, Codable {
    /// Type 5, repeat, MMSI.
    public var header: AISHeader
    /// AIS version indicator 0–3 (gpsd `ais_version`).
    public var aisVersion: Int
    /// IMO ship identification number; 0 = not available (gpsd `imo`).
    public var imo: Int
    /// Call sign, up to 7 characters (gpsd `callsign`).
    public var callSign: String
    /// Ship name, up to 20 characters (gpsd `shipname`). 船名
    public var shipName: String
    /// Type of ship and cargo 0–255 (gpsd `shiptype`).
    public var shipType: Int
    /// Antenna offsets (gpsd `to_bow` … `to_starboard`).
    public var dimensions: AISDimensions
    /// Type of electronic position fixing device 0–15 (gpsd `epfd`).
    public var epfd: Int
    /// ETA month 1–12, 0 = not available.
    public var etaMonth: Int
    /// ETA day 1–31, 0 = not available.
    public var etaDay: Int
    /// ETA hour 0–23, 24 = not available.
    public var etaHour: Int
    /// ETA minute 0–59, 60 = not available.
    public var etaMinute: Int
    /// Maximum present static draught in 0.1 m; 0 = not available (gpsd `draught`, metres when scaled).
    public var draught: Int
    /// Destination, up to 20 characters (gpsd `destination`).
    public var destination: String
    /// Data terminal equipment flag: false = available (gpsd `dte`).
    public var dte: Bool

    /// Decodes type 5.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(420, payload)
        header = AISHeader(payload)
        aisVersion = payload.int(38, 2)
        imo = payload.int(40, 30)
        callSign = payload.text(at: 70, characters: 7)
        shipName = payload.text(at: 112, characters: 20)
        shipType = payload.int(232, 8)
        dimensions = AISDimensions(payload, at: 240)
        epfd = payload.int(270, 4)
        etaMonth = payload.int(274, 4)
        etaDay = payload.int(278, 5)
        etaHour = payload.int(283, 5)
        etaMinute = payload.int(288, 6)
        draught = payload.int(294, 8)
        destination = payload.text(at: 302, characters: 20)
        dte = payload.bitCount >= 423 ? payload.flag(422) : false
    }
}
