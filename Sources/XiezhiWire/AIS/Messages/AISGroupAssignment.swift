/// Type 23 — group assignment command (ITU-R M.1371-5 table 79), 160 bits.
public struct AISGroupAssignment: Sendable, Hashable, Codable {
    /// Type 23, repeat, MMSI.
    public var header: AISHeader
    /// North-east corner longitude in 0.1 minute (gpsd `ne_lon`).
    public var northEastLongitude: Int
    /// North-east corner latitude in 0.1 minute (gpsd `ne_lat`).
    public var northEastLatitude: Int
    /// South-west corner longitude in 0.1 minute (gpsd `sw_lon`).
    public var southWestLongitude: Int
    /// South-west corner latitude in 0.1 minute (gpsd `sw_lat`).
    public var southWestLatitude: Int
    /// Station type 0–15 (gpsd `stationtype`).
    public var stationType: Int
    /// Ship and cargo type addressed (gpsd `shiptype`).
    public var shipType: Int
    /// Tx/Rx mode, 2 bits (not in gpsd's JSON).
    public var txrxMode: Int
    /// Reporting interval code 0–15 (gpsd `interval`).
    public var interval: Int
    /// Quiet time in minutes, 0 = none (gpsd `quiet`).
    public var quietTime: Int

    /// Decodes type 23.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(160, payload)
        header = AISHeader(payload)
        northEastLongitude = payload.sint(40, 18)
        northEastLatitude = payload.sint(58, 17)
        southWestLongitude = payload.sint(75, 18)
        southWestLatitude = payload.sint(93, 17)
        stationType = payload.int(110, 4)
        shipType = payload.int(114, 8)
        txrxMode = payload.int(144, 2)
        interval = payload.int(146, 4)
        quietTime = payload.int(150, 4)
    }
}
