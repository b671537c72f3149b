/// Type 22 — channel management (ITU-R M.1371-5 table 77), 168 bits.
public struct AISChannelManagement: Sendable, Hashable, Codable {
    /// Where the command applies: a rectangle or two addressed stations.
    public enum Target: Sendable, Hashable, Codable {
        /// Broadcast to a region; corners in 0.1 minute (18/17-bit signed) (gpsd `ne_lon` … `sw_lat`).
        case area(northEastLongitude: Int, northEastLatitude: Int, southWestLongitude: Int, southWestLatitude: Int)
        /// Addressed to up to two stations (gpsd `dest1`, `dest2`).
        case stations(Int, Int)
    }

    /// Type 22, repeat, MMSI.
    public var header: AISHeader
    /// Channel A number (ITU-R M.1084) (gpsd `channel_a`).
    public var channelA: Int
    /// Channel B number (gpsd `channel_b`).
    public var channelB: Int
    /// Tx/Rx mode 0–15 (gpsd `txrx`).
    public var txrxMode: Int
    /// Power: true = low (gpsd `power`).
    public var lowPower: Bool
    /// The region or stations addressed (bit 139 selects).
    public var target: Target
    /// Channel A bandwidth flag (gpsd `band_a`).
    public var bandA: Bool
    /// Channel B bandwidth flag (gpsd `band_b`).
    public var bandB: Bool
    /// Transitional zone size in nautical miles minus 1 (gpsd `zonesize`).
    public var zoneSize: Int

    /// Decodes type 22.
    init(_ payload: AISPayload) throws(AISError) {
        try AISLength.atLeast(168, payload)
        header = AISHeader(payload)
        channelA = payload.int(40, 12)
        channelB = payload.int(52, 12)
        txrxMode = payload.int(64, 4)
        lowPower = payload.flag(68)
        if payload.flag(139) {
            target = .stations(payload.int(69, 30), payload.int(104, 30))
        } else {
            target = .area(
                northEastLongitude: payload.sint(69, 18), northEastLatitude: payload.sint(87, 17),
                southWestLongitude: payload.sint(104, 18), southWestLatitude: payload.sint(122, 17)
            )
        }
        bandA = payload.flag(140)
        bandB = payload.flag(141)
        zoneSize = payload.int(142, 3)
    }
}
