import Foundation

/// Picks the unit to send: on duty, of a kind that can work the scene, allowed where the target is (the agency of
/// the place, or an agency of a joint zone the place lies in), nearest by the travel estimate of `dispatch.json`.
/// Pure.
public enum UnitPlanner {
    /// A unit that could go, with the estimate.
    public struct Candidate: Sendable, Hashable, Codable {
        public var unit: EnforcementUnit
        /// Straight-line distance, metres.
        public var distanceMetres: Double
        /// Estimated travel time, minutes (distance × detour ÷ the unit kind's speed).
        public var etaMinutes: Double
        /// The unit is another agency's (the order waits for that agency).
        public var isPartner: Bool
    }

    /// The eligible units, best first. `location` is where the target lies (the region's answer for the point).
    public static func candidates(
        units: [EnforcementUnit], target: GeoPoint, location: Location, scene: DispatchScene, commandingAgency: JurisdictionCode, rules: DispatchRules
    ) -> [Candidate] {
        var allowed = Set(location.jointZones.flatMap(\.between))
        if let code = location.jurisdiction { allowed.insert(code) }
        return units
            .filter { $0.status == .onDuty && scene.unitKinds.contains($0.kind) && allowed.contains($0.jurisdiction) && $0.position != nil }
            .map { unit in
                let distance = unit.position!.distance(to: target)
                let speed = Double(rules.travelSpeedsKmh[unit.kind]?.value ?? 1)
                let eta = distance * Double(rules.detourPercent.value) / 100 / 1000 / speed * 60
                return Candidate(unit: unit, distanceMetres: distance, etaMinutes: eta, isPartner: unit.jurisdiction != commandingAgency)
            }
            .sorted { ($0.etaMinutes, $0.unit.id) < ($1.etaMinutes, $1.unit.id) }
    }
}
