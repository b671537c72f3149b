/// Types 7 and 13 — binary / safety-related acknowledgement (ITU-R M.1371-5 table 62), 72–168 bits.
///
/// One to four acknowledged stations; absent slots are 0, as gpsd prints them.
public struct AISAcknowledgement: Sendable, Hashable, Codable {
    /// Type (7 binary, 13 safety-related), repeat, MMSI.
    public var header: AISHeader
    /// Acknowledged MMSIs 1–4 (0 = absent) (gpsd `mmsi1` … `mmsi4`).
    public var destinations: [Int]
    /// Sequence numbers 0–3 of the acknowledged messages, one per destination (not in gpsd's JSON).
    public var sequenceNumbers: [Int]

    /// Decodes types 7 and 13.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(72...168, payload)
        header = AISHeader(payload)
        var destinations: [Int] = []
        var sequenceNumbers: [Int] = []
        for slot in 0..<4 {
            let start = 40 + 32 * slot
            let present = start < payload.bitCount
            destinations.append(present ? payload.int(start, 30) : 0)
            sequenceNumbers.append(present ? payload.int(start + 30, 2) : 0)
        }
        self.destinations = destinations
        self.sequenceNumbers = sequenceNumbers
    }
}
