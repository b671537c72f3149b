import Foundation

/// 危险品船动态跟踪 — a dangerous-goods ship being followed through the region.
public struct EscortedVessel: Hashable, Codable, Sendable {
    /// The ship.
    public var profile: VesselProfile
    /// Its latest position.
    public var lastPosition: VesselPosition
    /// The jurisdiction it is in.
    public var jurisdiction: JurisdictionCode?
    /// The segments it is in, sorted.
    public var segments: [String]
    /// Since when it has been stopped, when it is.
    public var stoppedSince: Date?

    /// Creates the value.
    public init(profile: VesselProfile, lastPosition: VesselPosition, jurisdiction: JurisdictionCode?, segments: [String], stoppedSince: Date?) {
        self.profile = profile
        self.lastPosition = lastPosition
        self.jurisdiction = jurisdiction
        self.segments = segments
        self.stoppedSince = stoppedSince
    }
}
