import Foundation

/// 超速 — one speeding episode at a time. It opens at the first position over the limit and ends at the first position
/// at or under the limit, off the mapped roads, after a silence longer than the signal-loss time, or on a sweep that
/// finds the terminal silent that long. An episode that lasted at least ``VehicleMonitoringRules/speedingMinimumSeconds``
/// (first to last position over the limit) becomes one clue when it ends, so that the clue holds the worst speed.
struct SpeedingWatch: Hashable, Sendable {
    struct Episode: Hashable, Sendable {
        let start: Date
        var last: Date
        var trail = EvidenceTrail()
        /// The worst position's speed, the limit there and where it was.
        var worstSpeed: Double
        var worstRatio: Double
        var worstLimit: AppliedSpeedLimit
        var worstLocation: Location
    }

    var episode: Episode?

    /// Takes one position with the limit in force there; returns the clue of an episode it ends.
    mutating func step(_ step: PositionStep, limit: AppliedSpeedLimit?) -> MonitoringClue? {
        let speed = step.position.speedKmh
        var ended: MonitoringClue?
        let over = limit.map { speed > $0.limitKmh } ?? false
        if episode != nil, !over || !step.isContinuous {
            ended = close(step.writer)
        }
        guard over, let limit else { return ended }
        let ratio = speed / limit.limitKmh
        if var open = episode {
            if ratio > open.worstRatio {
                open.worstSpeed = speed
                open.worstRatio = ratio
                open.worstLimit = limit
                open.worstLocation = step.location
            }
            open.last = step.time
            episode = open
        } else {
            episode = Episode(start: step.time, last: step.time, worstSpeed: speed, worstRatio: ratio, worstLimit: limit, worstLocation: step.location)
        }
        episode!.trail.add(step.position, score: ratio)
        return ended
    }

    /// Ends the open episode; its clue when it lasted long enough.
    mutating func close(_ writer: ClueWriter) -> MonitoringClue? {
        guard let open = episode else { return nil }
        episode = nil
        let duration = open.last.timeIntervalSince(open.start)
        guard duration >= Double(writer.rules.speedingMinimumSeconds.value) else { return nil }
        let limit = open.worstLimit
        let measurement = ClueMeasurement(
            nameZh: "车速", value: open.worstSpeed, limit: limit.limitKmh, unit: .kilometresPerHour, citation: limit.citation)
        let kmh = MeasurementUnit.kilometresPerHour
        var limitText = "限速\(kmh.format(limit.limitKmh))"
        if limit.nightCitation != nil {
            limitText = "夜间限速\(kmh.format(limit.limitKmh))（日间限速\(kmh.format(Double(limit.row.limitKmh)))的\(writer.rules.nightSpeed.percentOfDayLimit)%）"
        }
        let excess = measurement.excessPercent.map { "，超过\(MeasurementUnit.decimal($0))%" } ?? ""
        let facts = "\(writer.vehicleLabel)于\(ClueWriter.clock(open.start))至\(ClueWriter.clock(open.last))在\(limit.road.label)"
            + "（\(limit.roadClass.chineseName)）超速行驶，持续\(MeasurementUnit.duration(duration))，最高车速\(kmh.format(open.worstSpeed))，"
            + "\(limitText)\(excess)，最高车速处位于\(writer.name(of: open.worstLocation.jurisdiction))。"
        return writer.clue(
            .speeding, start: open.start, end: open.last, location: open.worstLocation, road: limit.road.id, measurements: [measurement],
            citation: limit.citation, facts: facts, evidence: open.trail.positions)
    }
}
