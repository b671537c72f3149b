import Foundation

/// 凌晨2-5时违规运行 — a coach moving inside the 02:00–05:00 window (China time): one clue per window per vehicle, at the
/// first moving position, unless its approved route is exempt.
struct EarlyMorningWatch: Hashable, Sendable {
    /// The start of the window occurrence already reported.
    var reportedOccurrence: Date?

    mutating func step(_ step: PositionStep) -> MonitoringClue? {
        let rule = step.rules.earlyMorningBan
        guard rule.appliesTo.contains(step.context.kind), step.isMoving,
              let occurrence = rule.window.occurrenceStart(containing: step.time), occurrence != reportedOccurrence,
              !Self.isExempt(step.context.approvedRoute, rule: rule)
        else { return nil }
        reportedOccurrence = occurrence
        let facts = "\(step.vehicleLabel)于\(PositionStep.clock(step.time))以\(MeasurementUnit.kilometresPerHour.format(step.position.speedKmh))"
            + "行驶，处于长途客运车辆\(rule.window)停止运行时段（未实行接驳运输，线路无豁免），"
            + "地点位于\(step.name(of: step.location.jurisdiction))。"
        return step.clue(
            .earlyMorningOperation, start: step.time, route: step.context.approvedRoute?.id, citation: rule.citation, facts: facts,
            evidence: [step.previous, step.position].compactMap { $0 })
    }

    /// Whether the route may run in the window: a shuttle or relay route, or a short haul no longer than the table's
    /// maximum.
    static func isExempt(_ route: ApprovedRoute?, rule: EarlyMorningBanRule) -> Bool {
        guard let route, let exemption = route.earlyMorningExemption else { return false }
        switch exemption {
        case .airportOrRailShuttle, .relayTransport: return true
        case .shortHaul: return route.lengthKm <= Double(rule.shortHaulMaxKm.value)
        }
    }
}
