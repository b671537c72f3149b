import Foundation

/// 两客一危动态监控 — the vehicle detectors as one streaming state machine: fed positions, it returns clues.
///
/// Per vehicle it watches speeding (limit by road class and kind, 80 % at night for coaches), fatigue (continuous
/// driving, rests, the 24 h total), coaches running 02:00–05:00, coaches off their approved route, dangerous goods
/// moving without an electronic waybill, entries into joint zones, and (on ``sweep(now:)``) terminals silent while
/// moving. Every number comes from ``VehicleMonitoringRules``.
///
/// - One clue per episode: an ongoing violation is reported once, not at every position. Speeding is reported when
///   its episode ends (so the clue holds the worst speed); the other rules when the episode qualifies (the fix that
///   crosses the limit, the first moving fix in the window or without a waybill, the zone entry, the sweep).
/// - Positions are taken in fix-time order: one not later than the vehicle's latest accepted position (out of order or
///   a duplicate) is ignored, though it still shows the terminal is alive.
/// - Memory per vehicle is bounded: each open episode keeps at most ``MonitoringClue/maximumEvidence`` positions.
/// - Pure: no clock, no I/O; the caller passes each position with its ``MonitoredVehicleContext`` and calls
///   ``sweep(now:)`` with the node's time.
public struct VehicleMonitor: Sendable {
    /// The rule table applied.
    public let rules: VehicleMonitoringRules
    /// The region positions are placed in.
    public let region: Region
    private let roads: RoadSpeedIndex
    private var tracks: [VehicleKey: MonitoredTrack] = [:]

    /// A monitor with no vehicles yet; throws `unclassified_road` when a road of `region` has no class in `rules`.
    public init(rules: VehicleMonitoringRules, region: Region) throws(DomainError) {
        self.rules = rules
        self.region = region
        self.roads = try RoadSpeedIndex(region: region, rules: rules)
    }

    /// The vehicles the monitor holds state for.
    public var vehicles: [VehicleKey] { tracks.keys.sorted() }

    /// The latest accepted position of `vehicle`, if any.
    public func lastPosition(of vehicle: VehicleKey) -> VehiclePosition? { tracks[vehicle]?.last }

    /// Drops everything held for `vehicle` (deregistered terminal); its open episodes end without a clue.
    public mutating func forget(_ vehicle: VehicleKey) { tracks[vehicle] = nil }

    /// Takes one position of the vehicle `vehicle` describes and returns the clues it completes (usually none).
    ///
    /// State is kept per ``MonitoredVehicleContext/vehicle``; the position's own `subject` is not consulted. A position
    /// with an invalid coordinate or a negative or non-finite speed is ignored.
    public mutating func observe(_ position: VehiclePosition, vehicle: MonitoredVehicleContext) -> [MonitoringClue] {
        let (rules, region, roads) = (self.rules, self.region, self.roads)
        // Mutated in place: copying the track out and back would copy its evidence on every position.
        return Self.observe(
            position, context: vehicle, track: &tracks[vehicle.vehicle, default: MonitoredTrack(context: vehicle)], rules: rules,
            region: region, roads: roads)
    }

    /// Looks at the vehicles whose terminal has been silent for longer than ``SignalLostRule/silentMinutes`` (by receive
    /// time): ends their open speeding episode (its clue, if it lasted long enough) and, when the vehicle was moving at
    /// its last position, reports the silence (one clue per silence; a new position ends it). Sorted by vehicle.
    public mutating func sweep(now: Date) -> [MonitoringClue] {
        var clues: [MonitoringClue] = []
        let silent = Double(rules.signalLost.silentMinutes.value * 60)
        for key in tracks.keys.sorted() {
            guard var track = tracks[key], let heard = track.lastReceivedAt, now.timeIntervalSince(heard) > silent else { continue }
            if let clue = track.speeding.close(ClueWriter(context: track.context, rules: rules, region: region)) { clues.append(clue) }
            if let clue = signalLost(&track, now: now) { clues.append(clue) }
            tracks[key] = track
        }
        return clues
    }

    private static func observe(
        _ position: VehiclePosition, context: MonitoredVehicleContext, track: inout MonitoredTrack, rules: VehicleMonitoringRules,
        region: Region, roads: RoadSpeedIndex
    ) -> [MonitoringClue] {
        track.context = context
        track.lastReceivedAt = max(track.lastReceivedAt ?? position.receivedAt, position.receivedAt)
        let point = position.geoPoint
        guard point.isValid, position.speedKmh.isFinite, position.speedKmh >= 0 else { return [] }
        if let last = track.last, position.time <= last.time { return [] }
        let location = region.locate(point)
        let moving = Double(rules.movingSpeedKmh.value)
        let previous = track.last
        var drove: Bool?
        var continuous = false
        if let previous {
            let seconds = position.time.timeIntervalSince(previous.time)
            let averageKmh = previous.geoPoint.distance(to: point) / seconds * 3.6
            drove = previous.speedKmh >= moving && averageKmh >= moving
            continuous = seconds <= Double(rules.signalLost.silentMinutes.value * 60)
        }
        let step = PositionStep(
            position: position, previous: previous, location: location, writer: ClueWriter(context: context, rules: rules, region: region),
            isMoving: position.speedKmh >= moving, drovePreviousInterval: drove, isContinuous: continuous)
        let night = rules.nightWindow.window.contains(position.time)
        let limit = roads.limit(at: point, kind: context.kind, night: night, rules: rules)

        var clues: [MonitoringClue] = []
        if let clue = track.speeding.step(step, limit: limit) { clues.append(clue) }
        clues += track.driving.step(step)
        if let clue = track.earlyMorning.step(step) { clues.append(clue) }
        if let clue = track.routeDeviation.step(step) { clues.append(clue) }
        if let clue = track.waybill.step(step) { clues.append(clue) }
        if let clue = track.jointZones.step(step) { clues.append(clue) }
        track.remember(position, at: location)
        track.signalLostReported = false
        return clues
    }

    private func signalLost(_ track: inout MonitoredTrack, now: Date) -> MonitoringClue? {
        let rule = rules.signalLost
        let moving = Double(rules.movingSpeedKmh.value)
        guard !track.signalLostReported, rule.appliesTo.contains(track.context.kind), let last = track.last,
              let location = track.lastLocation, let heard = track.lastReceivedAt, last.speedKmh >= moving
        else { return nil }
        let silence = now.timeIntervalSince(heard)
        let limit = Double(rule.silentMinutes.value * 60)
        guard silence > limit else { return nil }
        track.signalLostReported = true
        let context = track.context
        let label = "\(context.vehicle.chineseLabel)\(context.kind.chineseName)"
        let place = location.jurisdiction.map { region.jurisdiction($0)?.name ?? $0.rawValue } ?? "辖区外"
        let facts = "\(label)最后定位于\(PositionStep.clock(last.time))（车速\(MeasurementUnit.kilometresPerHour.format(last.speedKmh))，"
            + "行驶中，位于\(place)），最后收到数据为\(PositionStep.clock(heard))，至\(PositionStep.clock(now))已\(MeasurementUnit.duration(silence))"
            + "未收到任何数据，超过\(MeasurementUnit.duration(limit))。须核实是否为隧道、设备故障或人为关闭。"
        return MonitoringClue(
            kind: .signalLost, subject: .vehicle(context.vehicle), vehicleKind: context.kind, carrier: context.carrier, start: last.time,
            end: now, location: location,
            measurements: [ClueMeasurement(nameZh: "离线时长", value: silence, limit: limit, unit: .seconds, citation: rule.silentMinutes.citation)],
            citation: rule.citation, factsZh: facts, evidence: track.recent, rulesEdition: rules.edition)
    }
}
