import Foundation
import XiezhiCore
import XiezhiWire

/// A generated fleet: the terminals with their trips, the approved routes and waybills to file with the node before
/// they drive, and the ground truth of the clues their trips must raise.
public struct JT808Fleet: Sendable {
    public var terminals: [SimulatedTerminal]
    /// 班线 — one approved route per coach (its road's line).
    public var approvedRoutes: [ApprovedRoute]
    /// 电子运单 — one waybill per dangerous-goods vehicle, except the one driving without.
    public var waybills: [ElectronicWaybill]
    let region: Region

    /// What each terminal must produce at the node: every fix it reports acknowledged and stored, and the clue kinds
    /// listed. Clean trips must raise no violation clue; a joint-zone entry is expected wherever a trip enters a zone.
    public var groundTruth: [GroundTruthEntry] {
        terminals.map { terminal in
            var kinds: Set<MonitoringClueKind> = []
            if let violation = terminal.violation { kinds.insert(violation.expectedClue) }
            if terminal.fixes.contains(where: { region.locate(GeoPoint(longitude: $0.longitude, latitude: $0.latitude)).isInJointZone }) {
                kinds.insert(.jointZoneEntry)
            }
            return GroundTruthEntry(
                phone: terminal.terminalKey, vehicle: terminal.vehicle.stringValue, kind: terminal.kind, version: terminal.version,
                quirks: terminal.quirks.map(\.rawValue).sorted(), provisioned: terminal.provisioned, road: terminal.road,
                violation: terminal.violation, expectedClues: kinds.map(\.rawValue).sorted(), fixes: terminal.fixes.count,
                firstFix: terminal.fixes.first?.time, lastFix: terminal.fixes.last?.time)
        }
    }
}

/// One line of the ground truth file (JSON Lines).
public struct GroundTruthEntry: Codable, Sendable, Hashable {
    /// The terminal key (phone without leading zeros).
    public var phone: String
    /// `浙F60001/yellow`-style vehicle key.
    public var vehicle: String
    public var kind: MonitoredVehicleKind
    public var version: JT808Version
    public var quirks: [String]
    public var provisioned: Bool
    public var road: String
    public var violation: InjectedViolation?
    /// The ``MonitoringClueKind`` raw values the node must raise for this vehicle.
    public var expectedClues: [String]
    /// Fixes in the trip.
    public var fixes: Int
    public var firstFix: Date?
    public var lastFix: Date?
}
