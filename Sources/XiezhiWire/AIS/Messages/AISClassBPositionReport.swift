/// Type 18 — standard Class B position report (ITU-R M.1371-5 table 72), 168 bits.
public struct AISClassBPositionReport: Sendable, Hashable, Codable {
    /// Type 18, repeat, MMSI.
    public var header: AISHeader
    /// Regional reserved bits 38–45 (gpsd `reserved`).
    public var reserved: Int
    /// Speed over ground in 0.1 knot; 1023 = not available (gpsd `speed`, knots with 1 decimal).
    public var speedOverGround: Int
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute (gpsd `lat`).
    public var latitude: Int
    /// Course over ground in 0.1°; 3600 = not available (gpsd `course`).
    public var courseOverGround: Int
    /// True heading in degrees; 511 = not available (gpsd `heading`).
    public var trueHeading: Int
    /// UTC second of the fix; 60–63 as in type 1 (gpsd `second`).
    public var timestampSecond: Int
    /// Regional reserved, 2 bits (gpsd `regional`).
    public var regional: Int
    /// Class B unit flag: true = carrier-sense unit (gpsd `cs`).
    public var carrierSense: Bool
    /// Display flag (gpsd `display`).
    public var display: Bool
    /// DSC flag (gpsd `dsc`).
    public var dsc: Bool
    /// Band flag (gpsd `band`).
    public var band: Bool
    /// Message 22 flag (gpsd `msg22`).
    public var message22: Bool
    /// Assigned mode flag (gpsd 3.22 does not print it).
    public var assigned: Bool
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// Communication state, 20 bits (gpsd `radio`).
    public var radioStatus: Int

    /// Decodes type 18.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(168, payload)
        header = AISHeader(payload)
        reserved = payload.int(38, 8)
        speedOverGround = payload.int(46, 10)
        positionAccuracy = payload.flag(56)
        longitude = payload.sint(57, 28)
        latitude = payload.sint(85, 27)
        courseOverGround = payload.int(112, 12)
        trueHeading = payload.int(124, 9)
        timestampSecond = payload.int(133, 6)
        regional = payload.int(139, 2)
        carrierSense = payload.flag(141)
        display = payload.flag(142)
        dsc = payload.flag(143)
        band = payload.flag(144)
        message22 = payload.flag(145)
        assigned = payload.flag(146)
        raim = payload.flag(147)
        radioStatus = payload.int(148, 20)
    }
}
