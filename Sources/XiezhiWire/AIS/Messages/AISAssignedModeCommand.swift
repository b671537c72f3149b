/// Type 16 — assigned mode command (ITU-R M.1371-5 table 70), 96–168 bits (two stations from 144 bits).
public struct AISAssignedModeCommand: Sendable, Hashable, Codable {
    /// Type 16, repeat, MMSI.
    public var header: AISHeader
    /// First commanded station (gpsd `mmsi1`).
    public var mmsi1: Int
    /// Its slot offset (gpsd `offset1`).
    public var offset1: Int
    /// Its increment (gpsd `increment1`).
    public var increment1: Int
    /// Second commanded station, 0 when absent (gpsd `mmsi2`).
    public var mmsi2: Int
    /// Its slot offset (gpsd `offset2`).
    public var offset2: Int
    /// Its increment (gpsd `increment2`).
    public var increment2: Int

    /// Decodes type 16.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(96...168, payload)
        header = AISHeader(payload)
        mmsi1 = payload.int(40, 30)
        offset1 = payload.int(70, 12)
        increment1 = payload.int(82, 10)
        let second = payload.bitCount >= 144
        mmsi2 = second ? payload.int(92, 30) : 0
        offset2 = second ? payload.int(122, 12) : 0
        increment2 = second ? payload.int(134, 10) : 0
    }
}
