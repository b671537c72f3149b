import Foundation

/// 疲劳驾驶 — driving spans and rests.
///
/// A span (连续驾驶) starts at the first moving position after a rest and runs to the latest moving position. Between
/// two fixes the vehicle drove when the earlier fix is moving and the distance over the time is at least the moving
/// speed; otherwise it stood. A stop runs from the first fix of such an interval to the first moving fix after it (the
/// longest it can have lasted, so that a rest is never under-counted); a stop of at least
/// ``FatigueRules/minimumRestMinutes`` ends the span, a shorter one does not and counts as driving (道路交通安全法实施条例
/// Art. 62(7): "停车休息时间少于20分钟" is no rest).
/// The continuous limit is the night one when the position that crosses it is in the night window. Driving in the
/// rolling window (24 h) is the part of every span inside it. Each span gives at most one continuous-driving clue
/// and one daily-total clue.
struct DrivingTimeWatch: Hashable, Sendable {
    struct Span: Hashable, Sendable {
        let start: Date
        var lastMoving: Date
        var first: VehiclePosition
        var lastPosition: VehiclePosition
        var trail = EvidenceTrail()
        /// The longest stop inside the span (shorter than a rest): the fix before it and the first moving fix after.
        var longestStop: StopBracket?
        var continuousReported = false
        var dailyReported = false
    }

    /// A stop shorter than a rest: the fix before it and the first moving fix after it.
    struct StopBracket: Hashable, Sendable {
        let before: VehiclePosition
        let after: VehiclePosition

        var length: TimeInterval { after.time.timeIntervalSince(before.time) }
    }

    /// A finished span: its bounds and its first and last positions (evidence for the daily total).
    struct FinishedSpan: Hashable, Sendable {
        let start: Date
        let end: Date
        let first: VehiclePosition
        let last: VehiclePosition
    }

    var span: Span?
    /// The fix the current stop began at, while stopped.
    var stopStart: VehiclePosition?
    /// Finished spans that still reach into the rolling window, oldest first.
    var finished: [FinishedSpan] = []

    /// The most finished spans kept (more than a window can hold when each is followed by a real rest).
    static let finishedCapacity = 200

    mutating func step(_ step: PositionStep) -> [MonitoringClue] {
        let rules = step.rules.fatigue
        guard rules.appliesTo.contains(step.context.kind), let previous = step.previous, let drove = step.drovePreviousInterval else {
            return []
        }
        let restSeconds = Double(rules.minimumRestMinutes.value * 60)
        if !drove {
            let began = stopStart ?? previous
            stopStart = began
            if let open = span, step.time.timeIntervalSince(began.time) >= restSeconds {
                finish(open)
                span = nil
            }
            return []
        }
        if let before = stopStart, var open = span {
            // The stop ended at `previous`, the first moving fix after it; it was shorter than a rest.
            let stop = StopBracket(before: before, after: previous)
            if stop.length > open.longestStop?.length ?? 0 {
                open.longestStop = stop
                span = open
            }
        }
        stopStart = nil
        if span == nil {
            span = Span(start: previous.time, lastMoving: step.time, first: previous, lastPosition: step.position)
            span!.trail.add(previous)
        }
        span!.lastMoving = step.time
        span!.lastPosition = step.position
        span!.trail.add(step.position)
        var clues: [MonitoringClue] = []
        if let clue = continuousClue(step) { clues.append(clue) }
        if let clue = dailyClue(step) { clues.append(clue) }
        return clues
    }

    private mutating func finish(_ open: Span) {
        finished.append(FinishedSpan(start: open.start, end: open.lastMoving, first: open.first, last: open.lastPosition))
        if finished.count > Self.finishedCapacity { finished.removeFirst(finished.count - Self.finishedCapacity) }
    }

    private mutating func continuousClue(_ step: PositionStep) -> MonitoringClue? {
        guard let open = span, !open.continuousReported else { return nil }
        let rules = step.rules.fatigue
        let night = step.rules.nightWindow.window.contains(step.time)
        let limit = night ? rules.continuousNightMinutes : rules.continuousDayMinutes
        let elapsed = step.time.timeIntervalSince(open.start)
        guard elapsed > Double(limit.value * 60) else { return nil }
        span!.continuousReported = true
        let measurement = ClueMeasurement(
            nameZh: night ? "夜间连续驾驶时长" : "连续驾驶时长", value: elapsed, limit: Double(limit.value * 60), unit: .seconds,
            citation: limit.citation)
        let facts = "\(step.vehicleLabel)自\(PositionStep.clock(open.start))起连续驾驶\(MeasurementUnit.duration(elapsed))，"
            + "期间未停车休息满\(rules.minimumRestMinutes.value)分钟，超过\(night ? "夜间" : "日间")连续驾驶时限"
            + "\(MeasurementUnit.duration(Double(limit.value * 60)))，地点位于\(step.name(of: step.location.jurisdiction))。"
        return step.clue(
            .fatigueDriving, start: open.start, measurements: [measurement], citation: limit.citation, facts: facts,
            evidence: EvidenceTrail.compose(keeping: open.evidenceCore, filling: open.trail.positions, cap: MonitoringClue.maximumEvidence))
    }

    private mutating func dailyClue(_ step: PositionStep) -> MonitoringClue? {
        let rules = step.rules.fatigue
        let windowStart = step.time.addingTimeInterval(-Double(rules.dailyWindowHours.value * 3600))
        finished.removeAll { $0.end <= windowStart }
        guard let open = span, !open.dailyReported else { return nil }
        func inWindow(_ start: Date, _ end: Date) -> Double { max(0, end.timeIntervalSince(max(start, windowStart))) }
        let total = finished.reduce(0) { $0 + inWindow($1.start, $1.end) } + inWindow(open.start, open.lastMoving)
        let limit = rules.dailyMaxMinutes
        guard total > Double(limit.value * 60) else { return nil }
        span!.dailyReported = true
        let earliest = max(finished.first?.start ?? open.start, windowStart)
        let measurement = ClueMeasurement(
            nameZh: "\(rules.dailyWindowHours.value)小时内累计驾驶时长", value: total, limit: Double(limit.value * 60), unit: .seconds,
            citation: limit.citation)
        let facts = "\(step.vehicleLabel)在\(PositionStep.clock(windowStart))至\(PositionStep.clock(step.time))的"
            + "\(rules.dailyWindowHours.value)小时内累计驾驶\(MeasurementUnit.duration(total))（\(finished.count + 1)个连续驾驶段），"
            + "超过\(MeasurementUnit.duration(Double(limit.value * 60)))，地点位于\(step.name(of: step.location.jurisdiction))。"
        let evidence = EvidenceTrail.compose(
            keeping: finished.flatMap { [$0.first, $0.last] } + open.evidenceCore, filling: open.trail.positions,
            cap: MonitoringClue.maximumEvidence)
        return step.clue(
            .fatigueDriving, start: earliest, measurements: [measurement], citation: limit.citation, facts: facts, evidence: evidence)
    }
}

extension DrivingTimeWatch.Span {
    /// The span's first fix and its longest short stop: what shows that no rest interrupted it.
    var evidenceCore: [VehiclePosition] {
        [first] + (longestStop.map { [$0.before, $0.after] } ?? [])
    }
}
