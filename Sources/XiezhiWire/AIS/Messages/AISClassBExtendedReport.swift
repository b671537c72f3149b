/// Type 19 — extended Class B position report (ITU-R M.1371-5 table 73), 312 bits.
public struct AISClassBExtendedReport: Sendable, Hashable, Codable {
    /// Type 19, repeat, MMSI.
    public var header: AISHeader
    /// Regional reserved bits 38–45 (gpsd `reserved`).
    public var reserved: Int
    /// Speed over ground in 0.1 knot; 1023 = not available (gpsd `speed`).
    public var speedOverGround: Int
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute (gpsd `lat`).
    public var latitude: Int
    /// Course over ground in 0.1° (gpsd `course`).
    public var courseOverGround: Int
    /// True heading in degrees; 511 = not available (gpsd `heading`).
    public var trueHeading: Int
    /// UTC second of the fix (gpsd `second`).
    public var timestampSecond: Int
    /// Regional reserved, 4 bits (gpsd `regional`).
    public var regional: Int
    /// Ship name, up to 20 characters (gpsd `shipname`). 船名
    public var shipName: String
    /// Type of ship and cargo 0–255 (gpsd `shiptype`).
    public var shipType: Int
    /// Antenna offsets (gpsd `to_bow` … `to_starboard`).
    public var dimensions: AISDimensions
    /// Type of electronic position fixing device (gpsd `epfd`).
    public var epfd: Int
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// DTE flag (gpsd `dte`).
    public var dte: Bool
    /// Assigned mode flag (gpsd `assigned`).
    public var assigned: Bool

    /// Decodes type 19.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(312, payload)
        header = AISHeader(payload)
        reserved = payload.int(38, 8)
        speedOverGround = payload.int(46, 10)
        positionAccuracy = payload.flag(56)
        longitude = payload.sint(57, 28)
        latitude = payload.sint(85, 27)
        courseOverGround = payload.int(112, 12)
        trueHeading = payload.int(124, 9)
        timestampSecond = payload.int(133, 6)
        regional = payload.int(139, 4)
        shipName = payload.text(at: 143, characters: 20)
        shipType = payload.int(263, 8)
        dimensions = AISDimensions(payload, at: 271)
        epfd = payload.int(301, 4)
        raim = payload.flag(305)
        dte = payload.flag(306)
        assigned = payload.flag(307)
    }
}
