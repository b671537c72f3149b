/// Types 25 and 26 — single-slot and multiple-slot binary messages (ITU-R M.1371-5 tables 84, 86).
///
/// Type 25: 40–168 bits; type 26: 60–1004 bits, the last 20 bits being the communication state. The data
/// starts after the optional destination MMSI (30 bits, when addressed) and application id (16 bits, when
/// structured).
public struct AISSlotBinaryMessage: Sendable, Hashable, Codable {
    /// Type 25 or 26, repeat, MMSI.
    public var header: AISHeader
    /// Addressed flag (gpsd `addressed`).
    public var addressed: Bool
    /// Structured flag: an application id precedes the data (gpsd `structured`).
    public var structured: Bool
    /// Destination MMSI when addressed, else 0 (gpsd `dest_mmsi`).
    public var destinationMMSI: Int
    /// Application identifier (DAC·64 + FI) when structured, else 0 (gpsd `app_id`).
    public var applicationID: Int
    /// The binary data (gpsd `data`).
    public var data: AISBinaryData
    /// Type 26 communication state, the last 20 bits (gpsd `radio`, see the JSON note); nil for type 25.
    public var radioStatus: Int?

    /// Decodes type 25 (`multipleSlot` false) or 26.
    init(_ payload: AISPayload, multipleSlot: Bool) throws(AISError) {
        try AISLength.within(multipleSlot ? 60...1004 : 40...168, payload)
        header = AISHeader(payload)
        addressed = payload.flag(38)
        structured = payload.flag(39)
        let dataStart = 40 + (addressed ? 30 : 0) + (structured ? 16 : 0)
        let trailer = multipleSlot ? 20 : 0
        guard payload.bitCount >= dataStart + trailer else {
            throw AISError(
                .payloadTooShort,
                "Type \(header.messageType) with addressed=\(addressed), structured=\(structured) needs at least "
                    + "\(dataStart + trailer) bits; the payload has \(payload.bitCount).",
                offset: payload.bitCount, messageType: header.messageType
            )
        }
        destinationMMSI = addressed ? payload.int(40, 30) : 0
        applicationID = structured ? payload.int(addressed ? 70 : 40, 16) : 0
        data = payload.blob(from: dataStart, count: payload.bitCount - dataStart - trailer)
        radioStatus = multipleSlot ? payload.int(payload.bitCount - 20, 20) : nil
    }
}
