import Foundation

/// 无电子运单运输危险货物 — a dangerous-goods vehicle moving with no waybill in force: one clue per trip, at the first
/// moving position without one. The trip ends when a waybill is in force at a moving position or after a stop of at
/// least ``WaybillRule/tripBreakMinutes``.
struct WaybillWatch: Hashable, Sendable {
    struct Episode: Hashable, Sendable {
        let start: Date
        var stoppedSince: Date?
    }

    var episode: Episode?

    mutating func step(_ step: PositionStep) -> MonitoringClue? {
        let rule = step.rules.waybill
        guard rule.appliesTo.contains(step.context.kind) else {
            episode = nil
            return nil
        }
        guard step.isMoving else {
            if var open = episode {
                let since = open.stoppedSince ?? step.time
                open.stoppedSince = since
                episode = step.time.timeIntervalSince(since) >= Double(rule.tripBreakMinutes.value * 60) ? nil : open
            }
            return nil
        }
        if step.context.activeWaybill(at: step.time) != nil {
            episode = nil
            return nil
        }
        if var open = episode {
            open.stoppedSince = nil
            episode = open
            return nil
        }
        episode = Episode(start: step.time)
        let known = step.context.waybills.filter { $0.vehicle == step.context.vehicle }
        let registry = known.isEmpty ? "电子运单系统中无该车运单" : "该车已登记的\(known.count)份电子运单均不在有效期内"
        let facts = "\(step.vehicleLabel)于\(PositionStep.clock(step.time))以\(MeasurementUnit.kilometresPerHour.format(step.position.speedKmh))"
            + "行驶，未查到有效的危险货物电子运单（\(registry)），地点位于\(step.name(of: step.location.jurisdiction))。"
        return step.clue(
            .hazmatWithoutWaybill, start: step.time, citation: rule.citation, facts: facts,
            evidence: [step.previous, step.position].compactMap { $0 })
    }
}
