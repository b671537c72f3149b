import Foundation

/// 进入毗邻联合执法区域 — entries into joint zones: a clue when the vehicle is in a border's zone and was not at its
/// previous position, unless it left that zone less than ``JointZoneEntryRule/reentryQuietMinutes`` ago. Crossing the
/// border inside the zone is the same visit (the zone is one per border, both sides).
struct JointZoneWatch: Hashable, Sendable {
    /// The borders whose zone the vehicle is in.
    var inside: Set<String> = []
    /// When the vehicle last left each zone.
    var lastExit: [String: Date] = [:]

    mutating func step(_ step: PositionStep) -> MonitoringClue? {
        let rule = step.rules.jointZoneEntry
        guard rule.appliesTo.contains(step.context.kind) else {
            inside = []
            return nil
        }
        let now = Set(step.location.jointZones.map(\.border))
        for border in inside.subtracting(now) { lastExit[border] = step.time }
        let quiet = Double(rule.reentryQuietMinutes.value * 60)
        var entered: JointZoneMembership?
        for zone in step.location.jointZones where !inside.contains(zone.border) {
            if let exit = lastExit[zone.border], step.time.timeIntervalSince(exit) < quiet { continue }
            if entered == nil { entered = zone }
        }
        inside = now
        guard let zone = entered else { return nil }
        let notify = Self.jurisdictionToTell(zone, home: step.context.homeJurisdiction)
        let width = step.region.jointZoneRule
        let borderName = step.region.border(zone.border)?.name ?? zone.border
        let measurement = ClueMeasurement(
            nameZh: "距省际交界线", value: zone.distance, limit: width.width, unit: .metres, citation: width.citation)
        let facts = "\(step.vehicleLabel)于\(PositionStep.clock(step.time))进入\(borderName)毗邻联合执法区域"
            + "（位于\(step.name(of: zone.side))一侧，距交界线\(MeasurementUnit.metres.format(zone.distance))），通报\(step.name(of: notify))。"
        return step.clue(
            .jointZoneEntry, start: step.time, notify: notify, border: zone.border, measurements: [measurement], citation: rule.citation,
            facts: facts, evidence: [step.previous, step.position].compactMap { $0 })
    }

    /// Who is told: the side of the border that is not the vehicle's home; for a vehicle from neither side, the side in
    /// another province than its home; otherwise (or with no home) the side across from where the vehicle is.
    static func jurisdictionToTell(_ zone: JointZoneMembership, home: JurisdictionCode?) -> JurisdictionCode {
        guard let home else { return zone.otherSide }
        if zone.between.contains(home) { return zone.between.first { $0 != home } ?? zone.otherSide }
        let foreign = zone.between.filter { $0.provincePrefix != home.provincePrefix }
        return foreign.count == 1 ? foreign[0] : zone.otherSide
    }
}
