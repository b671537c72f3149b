/// Type 15 — interrogation (ITU-R M.1371-5 table 69), 88–168 bits.
///
/// Fields beyond the payload's length are 0, as gpsd prints them (88 bits: one request; 110: two requests to
/// the first station; 160: one more request to a second station).
public struct AISInterrogation: Sendable, Hashable, Codable {
    /// Type 15, repeat, MMSI.
    public var header: AISHeader
    /// First interrogated station (gpsd `mmsi1`).
    public var mmsi1: Int
    /// First requested message type (gpsd `type1_1`).
    public var type1_1: Int
    /// Its slot offset (gpsd `offset1_1`).
    public var offset1_1: Int
    /// Second requested message type from station 1 (gpsd `type1_2`).
    public var type1_2: Int
    /// Its slot offset (gpsd `offset1_2`).
    public var offset1_2: Int
    /// Second interrogated station (gpsd `mmsi2`).
    public var mmsi2: Int
    /// Requested message type from station 2 (gpsd `type2_1`).
    public var type2_1: Int
    /// Its slot offset (gpsd `offset2_1`).
    public var offset2_1: Int

    /// Decodes type 15.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(88...168, payload)
        header = AISHeader(payload)
        mmsi1 = payload.int(40, 30)
        type1_1 = payload.int(70, 6)
        offset1_1 = payload.int(76, 12)
        let second = payload.bitCount > 90
        type1_2 = second ? payload.int(90, 6) : 0
        offset1_2 = second ? payload.int(96, 12) : 0
        let third = payload.bitCount > 110
        mmsi2 = third ? payload.int(110, 30) : 0
        type2_1 = third ? payload.int(140, 6) : 0
        offset2_1 = third ? payload.int(146, 12) : 0
    }
}
