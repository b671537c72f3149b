import Foundation
import XiezhiCore

/// Simulated waterway traffic with its ground truth: the fleet (the registry the node would hold), the AIS positions
/// and checkpoint passages in time order, and what was injected where.
public struct WaterwayScenario: Sendable {
    /// A simulated ship: its registry profile, its true dimensions (what the laser measures, with noise), and how its
    /// AIS transponder presents it.
    public struct Ship: Sendable, Hashable {
        public var profile: VesselProfile
        public var length: Double
        public var beam: Double
        public var airDraft: Double
        /// Class B transponder (types 18 and 24) instead of Class A (types 1 and 5).
        public var classB: Bool
        /// The name the transponder sends (six-bit ASCII: the registered name in pinyin).
        public var aisName: String
        public var callSign: String

        public var hasAIS: Bool { profile.mmsi != nil }
    }

    /// One thing that happened, in time order.
    public enum Event: Sendable, Hashable {
        case position(VesselPosition)
        case passage(CheckpointPassage)

        public var time: Date {
            switch self {
            case .position(let position): position.time
            case .passage(let passage): passage.time
            }
        }
    }

    /// What was injected.
    public struct Truth: Sendable, Hashable, Codable {
        /// Passage id → the true ship, for the passages of registered ships as themselves (impostors excluded).
        public var passageVessel: [String: VesselName] = [:]
        /// Passages of impostors carrying another ship's name.
        public var impostors: Set<String> = []
        /// Passages where a ship that must carry AIS had it off.
        public var aisOff: Set<String> = []
        /// MMSIs transmitted from two places at once.
        public var clonedMMSIs: Set<MMSI> = []
        /// Names carried by an impostor at the other checkpoint.
        public var clonedNames: Set<VesselName> = []
        /// Passages with the name plate covered.
        public var coveredPlates: Set<String> = []
        /// Muck ships that stopped too long outside the unloading sites.
        public var dumpers: Set<MMSI> = []
        /// Muck ships that sailed a restricted segment at night.
        public var nightRunners: Set<MMSI> = []
        /// Ships whose AIS went silent while underway inside coverage.
        public var aisGaps: Set<MMSI> = []

        public init() {}
    }

    public var start: Date
    public var end: Date
    public var ships: [Ship]
    public var events: [Event]
    public var truth: Truth

    /// The registry the node holds (every simulated ship's profile).
    public var registry: [VesselProfile] { ships.map(\.profile) }

    /// The ship of an MMSI.
    public func ship(mmsi: MMSI) -> Ship? { ships.first { $0.profile.mmsi == mmsi } }
}
