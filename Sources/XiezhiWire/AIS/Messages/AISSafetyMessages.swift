/// Type 12 — addressed safety-related message (ITU-R M.1371-5 table 66), 72–1008 bits.
public struct AISAddressedSafetyMessage: Sendable, Hashable, Codable {
    /// Type 12, repeat, MMSI.
    public var header: AISHeader
    /// Sequence number 0–3 (gpsd `seqno`).
    public var sequenceNumber: Int
    /// The addressed station (gpsd `dest_mmsi`).
    public var destinationMMSI: Int
    /// Retransmit flag (gpsd `retransmit`).
    public var retransmit: Bool
    /// The six-bit text, up to the first `@`, trailing spaces dropped (gpsd `text`).
    public var text: String

    /// Decodes type 12.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(72...1008, payload)
        header = AISHeader(payload)
        sequenceNumber = payload.int(38, 2)
        destinationMMSI = payload.int(40, 30)
        retransmit = payload.flag(70)
        text = payload.textToEnd(from: 72)
    }
}

/// Type 14 — safety-related broadcast message (ITU-R M.1371-5 table 68), 40–1008 bits.
public struct AISSafetyBroadcast: Sendable, Hashable, Codable {
    /// Type 14, repeat, MMSI.
    public var header: AISHeader
    /// The six-bit text, up to the first `@`, trailing spaces dropped (gpsd `text`).
    public var text: String

    /// Decodes type 14.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(40...1008, payload)
        header = AISHeader(payload)
        text = payload.textToEnd(from: 40)
    }
}
