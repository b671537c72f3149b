/// Type 9 — standard SAR aircraft position report (ITU-R M.1371-5 table 64), 168 bits.
public struct AISSARAircraftReport: Sendable, Hashable, Codable {
    /// Type 9, repeat, MMSI.
    public var header: AISHeader
    /// Altitude in metres (GNSS); 4095 = not available, 4094 = 4094 m or higher (gpsd `alt`).
    public var altitude: Int
    /// Speed over ground in knots; 1023 = not available, 1022 = 1022 knots or more (gpsd `speed`).
    public var speedOverGround: Int
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute (gpsd `lat`).
    public var latitude: Int
    /// Course over ground in 0.1°; 3600 = not available (gpsd `course`).
    public var courseOverGround: Int
    /// UTC second of the fix; 60–63 as in type 1 (gpsd `second`).
    public var timestampSecond: Int
    /// Altitude sensor / regional bits, 8 bits (gpsd `regional`).
    public var regional: Int
    /// DTE flag (gpsd `dte`).
    public var dte: Bool
    /// Assigned mode flag (not in gpsd's JSON).
    public var assigned: Bool
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// Communication state, 20 bits (gpsd `radio`).
    public var radioStatus: Int

    /// Decodes type 9.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(168, payload)
        header = AISHeader(payload)
        altitude = payload.int(38, 12)
        speedOverGround = payload.int(50, 10)
        positionAccuracy = payload.flag(60)
        longitude = payload.sint(61, 28)
        latitude = payload.sint(89, 27)
        courseOverGround = payload.int(116, 12)
        timestampSecond = payload.int(128, 6)
        regional = payload.int(134, 8)
        dte = payload.flag(142)
        assigned = payload.flag(146)
        raim = payload.flag(147)
        radioStatus = payload.int(148, 20)
    }
}
