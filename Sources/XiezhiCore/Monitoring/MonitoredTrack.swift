import Foundation

/// One vehicle's state inside ``VehicleMonitor``: the last accepted position and each rule family's open episode.
///
/// Bounded: each watch keeps at most ``MonitoringClue/maximumEvidence`` positions, the driving-time watch at most the
/// spans of one rolling window, the zone watch one entry per border.
struct MonitoredTrack: Hashable, Sendable {
    /// The context given with the latest position.
    var context: MonitoredVehicleContext
    /// The latest accepted position (by fix time).
    var last: VehiclePosition?
    /// Where ``last`` was.
    var lastLocation: Location?
    /// The latest positions, oldest first (evidence for a signal loss).
    var recent: [VehiclePosition] = []
    /// The latest node receive time of any position, accepted or not: the terminal was alive then.
    var lastReceivedAt: Date?
    /// Whether the current silence was already reported.
    var signalLostReported = false

    var speeding = SpeedingWatch()
    var driving = DrivingTimeWatch()
    var earlyMorning = EarlyMorningWatch()
    var routeDeviation = RouteDeviationWatch()
    var waybill = WaybillWatch()
    var jointZones = JointZoneWatch()

    /// How many recent positions are kept for a signal-loss clue.
    static let recentCapacity = 5

    init(context: MonitoredVehicleContext) {
        self.context = context
    }

    mutating func remember(_ position: VehiclePosition, at location: Location) {
        last = position
        lastLocation = location
        recent.append(position)
        if recent.count > Self.recentCapacity { recent.removeFirst(recent.count - Self.recentCapacity) }
    }
}

/// What every clue of one vehicle shares: who it is, the rules and the region (for names of places).
struct ClueWriter {
    let context: MonitoredVehicleContext
    let rules: VehicleMonitoringRules
    let region: Region

    /// A clue about this vehicle, with the context's subject, kind, carrier and the rules' edition filled in.
    func clue(
        _ kind: MonitoringClueKind, start: Date, end: Date, location: Location, notify: JurisdictionCode? = nil, border: String? = nil,
        road: String? = nil, route: String? = nil, measurements: [ClueMeasurement] = [], citation: Citation, facts: String,
        evidence: [VehiclePosition]
    ) -> MonitoringClue {
        MonitoringClue(
            kind: kind, subject: .vehicle(context.vehicle), vehicleKind: context.kind, carrier: context.carrier, start: start,
            end: end, location: location, notify: notify, border: border, road: road, route: route,
            measurements: measurements, citation: citation, factsZh: facts, evidence: evidence, rulesEdition: rules.edition
        )
    }

    /// `浙F12345（黄色）班线客车`: how the facts name the vehicle.
    var vehicleLabel: String { "\(context.vehicle.chineseLabel)\(context.kind.chineseName)" }

    /// The name of a jurisdiction, or its code when the region does not hold it.
    func name(of code: JurisdictionCode?) -> String {
        guard let code else { return "辖区外" }
        return region.jurisdiction(code)?.name ?? code.rawValue
    }

    /// `2024-03-05 14:02（北京时间）`.
    static func clock(_ date: Date) -> String { "\(ChinaTime.format(date))（北京时间）" }
}

/// One accepted position as the watches see it: the position, the one before, where it is, and the rules.
struct PositionStep {
    let position: VehiclePosition
    /// The previous accepted position of the vehicle, if any.
    let previous: VehiclePosition?
    let location: Location
    let writer: ClueWriter
    /// Whether this position is moving (speed at or above ``VehicleMonitoringRules/movingSpeedKmh``).
    let isMoving: Bool
    /// Whether the vehicle drove between ``previous`` and this position: `nil` without a previous position; `false`
    /// when the previous position was not moving, or the distance over the time is below the moving speed (a
    /// terminal silent while parked).
    let drovePreviousInterval: Bool?
    /// Whether the previous position is close enough in time (at most the signal-loss silence) for an episode to run
    /// on through it.
    let isContinuous: Bool

    var time: Date { position.time }
    var context: MonitoredVehicleContext { writer.context }
    var rules: VehicleMonitoringRules { writer.rules }
    var region: Region { writer.region }
    var vehicleLabel: String { writer.vehicleLabel }

    /// A clue about this vehicle at this position unless told otherwise.
    func clue(
        _ kind: MonitoringClueKind, start: Date, location: Location? = nil, notify: JurisdictionCode? = nil, border: String? = nil,
        route: String? = nil, measurements: [ClueMeasurement] = [], citation: Citation, facts: String, evidence: [VehiclePosition]
    ) -> MonitoringClue {
        writer.clue(
            kind, start: start, end: time, location: location ?? self.location, notify: notify, border: border, route: route,
            measurements: measurements, citation: citation, facts: facts, evidence: evidence)
    }

    /// The name of a jurisdiction, or its code when the region does not hold it.
    func name(of code: JurisdictionCode?) -> String { writer.name(of: code) }

    /// `2024-03-05 14:02（北京时间）`.
    static func clock(_ date: Date) -> String { ClueWriter.clock(date) }
}
