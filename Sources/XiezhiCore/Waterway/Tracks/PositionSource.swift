import Foundation

/// Where a position came from.
public enum PositionSource: String, CaseIterable, Hashable, Codable, Sendable {
    /// AIS heard by a shore base station (the regional network).
    case aisShore = "ais_shore"
    /// AIS heard by a satellite.
    case aisSatellite = "ais_satellite"
    /// AIS relayed by a partner node (federation).
    case aisPartner = "ais_partner"
}
