/// Type 10 — UTC and date inquiry (ITU-R M.1371-5 table 65), 72 bits.
public struct AISUTCInquiry: Sendable, Hashable, Codable {
    /// Type 10, repeat, MMSI.
    public var header: AISHeader
    /// The interrogated station (gpsd `dest_mmsi`).
    public var destinationMMSI: Int

    /// Decodes type 10.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(72, payload)
        header = AISHeader(payload)
        destinationMMSI = payload.int(40, 30)
    }
}
