/// Type 17 — DGNSS broadcast binary message (ITU-R M.1371-5 table 71), 80–816 bits.
public struct AISGNSSBroadcast: Sendable, Hashable, Codable {
    /// Type 17, repeat, MMSI.
    public var header: AISHeader
    /// Reference station longitude in 0.1 minute, 18 bits signed (gpsd `lon`, degrees with 1 decimal).
    public var longitude: Int
    /// Reference station latitude in 0.1 minute, 17 bits signed (gpsd `lat`).
    public var latitude: Int
    /// The DGNSS correction data from bit 80 (gpsd `data`).
    public var data: AISBinaryData

    /// Decodes type 17.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(80...816, payload)
        header = AISHeader(payload)
        longitude = payload.sint(40, 18)
        latitude = payload.sint(58, 17)
        data = payload.blob(from: 80)
    }
}
