/// Type 21 — aid-to-navigation report (ITU-R M.1371-5 table 76), 272–360 bits (gpsd 3.22 accepts up to 368).
public struct AISAidToNavigationReport: Sendable, Hashable, Codable {
    /// Type 21, repeat, MMSI.
    public var header: AISHeader
    /// Type of aid to navigation 0–31 (gpsd `aid_type`).
    public var aidType: Int
    /// Name plus the name extension (bits 272 onward, used only when the 20-character name is full), up to
    /// the first `@`, trailing spaces dropped (gpsd `name`).
    public var name: String
    /// Position accuracy flag (gpsd `accuracy`).
    public var positionAccuracy: Bool
    /// Longitude in 1/10 000 minute (gpsd `lon`).
    public var longitude: Int
    /// Latitude in 1/10 000 minute (gpsd `lat`).
    public var latitude: Int
    /// Dimensions of the aid / reference point (gpsd `to_bow` … `to_starboard`).
    public var dimensions: AISDimensions
    /// Type of electronic position fixing device (gpsd `epfd`).
    public var epfd: Int
    /// UTC second (gpsd `second`).
    public var timestampSecond: Int
    /// Off-position indicator (gpsd `off_position`).
    public var offPosition: Bool
    /// Regional reserved, 8 bits (gpsd `regional`).
    public var regional: Int
    /// RAIM flag (gpsd `raim`).
    public var raim: Bool
    /// Virtual aid flag (gpsd `virtual_aid`).
    public var virtualAid: Bool
    /// Assigned mode flag (not in gpsd's JSON).
    public var assigned: Bool

    /// Decodes type 21.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.within(272...368, payload)
        header = AISHeader(payload)
        aidType = payload.int(38, 5)
        var name = payload.untrimmedText(at: 43, characters: 20)
        if name.count == 20, payload.bitCount > 272 {
            name += payload.untrimmedText(at: 272, characters: (payload.bitCount - 272) / 6)
        }
        self.name = payload.trimmedRight(name)
        positionAccuracy = payload.flag(163)
        longitude = payload.sint(164, 28)
        latitude = payload.sint(192, 27)
        dimensions = AISDimensions(payload, at: 219)
        epfd = payload.int(249, 4)
        timestampSecond = payload.int(253, 6)
        offPosition = payload.flag(259)
        regional = payload.int(260, 8)
        raim = payload.flag(268)
        virtualAid = payload.flag(269)
        assigned = payload.flag(270)
    }
}
