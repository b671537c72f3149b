/// Types 4 and 11 — base station report / UTC and date response (ITU-R M.1371-5 table 46), 168 bits.
public struct AISBaseStationReport: Sendable, Hashable, Codable {
    /// Type (4 base station report, 11 UTC/date response), repeat, MMSI.
    public var header: AISHeader
    /// UTC year 1–9999; 0 = not available (gpsd prints the raw value, 14 bits).
    public var year: Int
    /// UTC month 1–12; 0 = not available.
    public var month: Int
    /// UTC day 1–31; 0 = not available.
    public var day: Int
    /// UTC hour 0–23; 24 = not available.
    public var hour: Int
    /// UTC minute 0–59; 60 = not available.
    public var minute: Int
    /// UTC second 0–59; 60 = not available.
    public var second: Int
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute; 181° = not available (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute; 91° = not available (gpsd `lat`).
    public var latitude: Int
    /// Type of electronic position fixing device 0–15 (gpsd `epfd`).
    public var epfd: Int
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// SOTDMA communication state (gpsd `radio`).
    public var radioStatus: Int

    /// Decodes types 4 and 11.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(168, payload)
        header = AISHeader(payload)
        year = payload.int(38, 14)
        month = payload.int(52, 4)
        day = payload.int(56, 5)
        hour = payload.int(61, 5)
        minute = payload.int(66, 6)
        second = payload.int(72, 6)
        positionAccuracy = payload.flag(78)
        longitude = payload.sint(79, 28)
        latitude = payload.sint(107, 27)
        epfd = payload.int(134, 4)
        raim = payload.flag(148)
        radioStatus = payload.int(149, 19)
    }
}
