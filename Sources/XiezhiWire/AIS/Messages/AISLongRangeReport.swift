/// Type 27 — long-range AIS broadcast (ITU-R M.1371-5 table 87), 96 bits (168 seen in the wild and accepted).
public struct AISLongRangeReport: Sendable, Hashable, Codable {
    /// Type 27, repeat, MMSI.
    public var header: AISHeader
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// Navigational status 0–15 (gpsd `status`, as text when scaled).
    public var navigationStatus: Int
    /// Longitude in 0.1 minute, 18 bits signed (gpsd `lon`, degrees with 1 decimal).
    public var longitude: Int
    /// Latitude in 0.1 minute, 17 bits signed (gpsd `lat`).
    public var latitude: Int
    /// Speed over ground in knots 0–62; 63 = not available (gpsd `speed`).
    public var speedOverGround: Int
    /// Course over ground in degrees; 511 = not available (gpsd `course`).
    public var courseOverGround: Int
    /// GNSS position status: false = current GNSS position (gpsd `gnss`).
    public var gnss: Bool

    /// Decodes type 27.
    init(_ payload: AISPayload) throws(AISError) {
        guard payload.bitCount == 96 || payload.bitCount == 168 else {
            throw AISError(
                payload.bitCount < 96 ? .payloadTooShort : .payloadTooLong,
                "Type 27 has 96 bits (168 tolerated); the payload has \(payload.bitCount).",
                offset: min(payload.bitCount, 96), messageType: 27
            )
        }
        header = AISHeader(payload)
        positionAccuracy = payload.flag(38)
        raim = payload.flag(39)
        navigationStatus = payload.int(40, 4)
        longitude = payload.sint(44, 18)
        latitude = payload.sint(62, 17)
        speedOverGround = payload.int(79, 6)
        courseOverGround = payload.int(85, 9)
        gnss = payload.flag(94)
    }
}
