/// 船舶尺度（AIS） — the ship's size as its AIS static reports (types 5, 19, 24B) give it: distances from the GNSS
/// antenna to bow, stern, port and starboard, whole metres, 0 meaning unknown.
///
/// Hand-entered on the transponder and often wrong (reference/ais.md §4.5), so identification never relies on these
/// alone; the registry's dimensions and the checkpoint's laser are preferred.
public struct AISDimensions: Hashable, Codable, Sendable {
    /// Antenna to bow, metres (511 = 511 m or more).
    public var toBow: Int
    /// Antenna to stern, metres (511 = 511 m or more).
    public var toStern: Int
    /// Antenna to port side, metres (63 = 63 m or more).
    public var toPort: Int
    /// Antenna to starboard side, metres (63 = 63 m or more).
    public var toStarboard: Int

    /// Creates the value.
    public init(toBow: Int, toStern: Int, toPort: Int, toStarboard: Int) {
        self.toBow = toBow
        self.toStern = toStern
        self.toPort = toPort
        self.toStarboard = toStarboard
    }

    /// Overall length (bow + stern), metres; `nil` when either part is unknown (0).
    public var lengthMetres: Double? { toBow > 0 && toStern > 0 ? Double(toBow + toStern) : nil }

    /// Beam (port + starboard), metres; `nil` when either part is unknown (0).
    public var beamMetres: Double? { toPort > 0 && toStarboard > 0 ? Double(toPort + toStarboard) : nil }
}
