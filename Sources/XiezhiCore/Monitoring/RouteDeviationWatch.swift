import Foundation

/// 偏离批准线路 — a coach with an approved route farther than the corridor from the route line. An episode opens at a
/// moving position off the corridor (a coach parked off route does not open one), runs while the vehicle stays off,
/// becomes a clue once it has lasted more than ``RouteDeviationRule/minimumMinutes`` and ends back inside the corridor.
struct RouteDeviationWatch: Hashable, Sendable {
    struct Episode: Hashable, Sendable {
        let start: Date
        let route: String
        var trail = EvidenceTrail()
        var farthest: Double
        var farthestLocation: Location
        var reported = false
    }

    var episode: Episode?

    mutating func step(_ step: PositionStep) -> MonitoringClue? {
        let rule = step.rules.routeDeviation
        guard rule.appliesTo.contains(step.context.kind), let route = step.context.approvedRoute else {
            episode = nil
            return nil
        }
        let corridor = route.corridorMetres ?? Double(rule.corridorMetres.value)
        let distance = route.line.distance(from: step.position.geoPoint)
        guard distance > corridor else {
            episode = nil
            return nil
        }
        if var open = episode, open.route == route.id {
            if distance > open.farthest {
                open.farthest = distance
                open.farthestLocation = step.location
            }
            episode = open
        } else {
            guard step.isMoving else {
                episode = nil
                return nil
            }
            episode = Episode(start: step.time, route: route.id, farthest: distance, farthestLocation: step.location)
        }
        episode!.trail.add(step.position, score: distance)
        let minimum = Double(rule.minimumMinutes.value * 60)
        guard let open = episode, !open.reported, step.time.timeIntervalSince(open.start) > minimum else { return nil }
        episode!.reported = true
        let duration = step.time.timeIntervalSince(open.start)
        let measurements = [
            ClueMeasurement(nameZh: "最远偏离距离", value: open.farthest, limit: corridor, unit: .metres, citation: rule.corridorMetres.citation),
            ClueMeasurement(nameZh: "偏离时长", value: duration, limit: minimum, unit: .seconds, citation: rule.minimumMinutes.citation),
        ]
        let own = route.corridorMetres == nil ? "" : "（该线路单独设定）"
        let facts = "\(step.vehicleLabel)于\(PositionStep.clock(open.start))起偏离批准线路\(route.nameZh)（编号\(route.id)），"
            + "持续\(MeasurementUnit.duration(duration))，最远偏离\(MeasurementUnit.metres.format(open.farthest))"
            + "（走廊宽度\(MeasurementUnit.metres.format(corridor))\(own)），最远处位于\(step.name(of: open.farthestLocation.jurisdiction))。"
        return step.clue(
            .routeDeviation, start: open.start, location: open.farthestLocation, route: route.id, measurements: measurements,
            citation: rule.citation, facts: facts, evidence: open.trail.positions)
    }
}
