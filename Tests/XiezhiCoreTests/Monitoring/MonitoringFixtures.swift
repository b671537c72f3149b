import Foundation
import Testing
import XiezhiCore
import XiezhiData

/// The real monitoring table and demo region, vehicles and synthetic tracks along the demo roads.
enum MonitoringFixtures {
    static let ruleBytes = Result { try BundledData.rulesFile("vehicle-monitoring.json") }
    static let loaded = Result { try VehicleMonitoringRules(json: try ruleBytes.get()) }

    static func rules() throws -> VehicleMonitoringRules { try loaded.get() }
    static func region() throws -> Region { try DemoRegion.region() }
    static func monitor() throws -> VehicleMonitor { try VehicleMonitor(rules: try rules(), region: try region()) }

    /// The real table's bytes as a JSON object, to damage in one place.
    static func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: try ruleBytes.get()) as? [String: Any])
    }

    /// Decodes a (damaged) JSON object as the table.
    static func decode(_ object: [String: Any]) throws -> VehicleMonitoringRules {
        try VehicleMonitoringRules(json: try JSONSerialization.data(withJSONObject: object))
    }

    static let carrier = try! UnifiedSocialCreditCode("914403001922038216")
    static let pinghu = JurisdictionCode(rawValue: "330482")!
    static let jinshan = JurisdictionCode(rawValue: "310116")!
    static let jiashan = JurisdictionCode(rawValue: "330421")!
    static let qingpu = JurisdictionCode(rawValue: "310118")!

    static func key(_ plate: String) -> VehicleKey { try! VehicleKey(plate: plate, color: .yellow) }

    static func context(
        _ kind: MonitoredVehicleKind, plate: String = "浙F00001", home: JurisdictionCode? = pinghu, route: ApprovedRoute? = nil,
        waybills: [ElectronicWaybill] = []
    ) -> MonitoredVehicleContext {
        MonitoredVehicleContext(vehicle: key(plate), kind: kind, carrier: carrier, homeJurisdiction: home, approvedRoute: route, waybills: waybills)
    }

    /// An instant given in China time, `yyyy-MM-dd HH:mm:ss`.
    static func china(_ text: String) -> Date {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0)! }
        let components = DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: parts[3], minute: parts[4], second: parts[5])
        return ChinaTime.calendar.date(from: components)!
    }

    /// A road of the demo region.
    static func road(_ id: String) throws -> Road { try #require(try region().road(id)) }

    /// Feeds `positions` to `monitor` for `context` and returns every clue, in order.
    static func run(_ positions: [VehiclePosition], _ context: MonitoredVehicleContext, on monitor: inout VehicleMonitor) -> [MonitoringClue] {
        positions.flatMap { monitor.observe($0, vehicle: context) }
    }

    /// Feeds `positions` to a fresh monitor and returns the clues of `kind`.
    static func clues(_ kind: MonitoringClueKind, _ positions: [VehiclePosition], _ context: MonitoredVehicleContext) throws -> [MonitoringClue] {
        var monitor = try monitor()
        return run(positions, context, on: &monitor).filter { $0.kind == kind }
    }
}

/// A synthetic terminal track along a line: moving fixes advance by speed × time along the line (back and forth
/// between its ends), still fixes stay put. Times are offsets in seconds from `start`.
struct SyntheticTrack {
    let line: [GeoPoint]
    let cumulative: [Double]
    let start: Date
    let subject: String
    /// Metres along the line (unfolded: beyond the end the vehicle drives back).
    var odometer: Double
    var lastOffset: TimeInterval?
    var positions: [VehiclePosition] = []

    init(line: GeoPolyline, startMetres: Double = 0, start: Date, subject: String = "vehicle:浙F00001:yellow") {
        self.line = line.points
        var cumulative: [Double] = [0]
        for (a, b) in zip(line.points, line.points.dropFirst()) { cumulative.append(cumulative.last! + a.distance(to: b)) }
        self.cumulative = cumulative
        self.start = start
        self.subject = subject
        self.odometer = startMetres
    }

    init(road: Road, startMetres: Double = 0, start: Date, subject: String = "vehicle:浙F00001:yellow") {
        self.init(line: road.line, startMetres: startMetres, start: start, subject: subject)
    }

    /// The point `metres` along the line, folded back at the ends.
    func point(at metres: Double) -> GeoPoint {
        let length = cumulative.last!
        var folded = metres.truncatingRemainder(dividingBy: 2 * length)
        if folded < 0 { folded += 2 * length }
        if folded > length { folded = 2 * length - folded }
        let edge = min(cumulative.lastIndex { $0 <= folded } ?? 0, line.count - 2)
        let span = cumulative[edge + 1] - cumulative[edge]
        let t = span > 0 ? (folded - cumulative[edge]) / span : 0
        let (a, b) = (line[edge], line[edge + 1])
        return GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t, latitude: a.latitude + (b.latitude - a.latitude) * t)
    }

    /// The current point.
    var here: GeoPoint { point(at: odometer) }

    /// One fix at `offset` seconds with `kmh`; a moving fix first advances by `kmh` × the time since the last fix.
    mutating func fix(at offset: TimeInterval, kmh: Double, at override: GeoPoint? = nil, receivedDelay: TimeInterval = 0) {
        if kmh > 0, let last = lastOffset { odometer += kmh / 3.6 * (offset - last) }
        lastOffset = offset
        let point = override ?? here
        let time = start.addingTimeInterval(offset)
        positions.append(VehiclePosition(
            subject: subject, terminal: "13800000001", time: time, longitude: point.longitude, latitude: point.latitude, speedKmh: kmh,
            heading: 90, altitude: 10, alarmBits: 0, statusBits: 0, receivedAt: time.addingTimeInterval(receivedDelay)))
    }

    /// Moving fixes every `every` seconds from `from` to `to` seconds (both included).
    mutating func drive(from: TimeInterval, to: TimeInterval, every: TimeInterval = 60, kmh: Double) {
        var offset = from
        while offset <= to + 1e-9 {
            fix(at: offset, kmh: kmh)
            offset += every
        }
    }

    /// Still fixes (speed 0, same place) every `every` seconds from `from` to `to` seconds (both included).
    mutating func still(from: TimeInterval, to: TimeInterval, every: TimeInterval = 60) {
        var offset = from
        while offset <= to + 1e-9 {
            fix(at: offset, kmh: 0)
            offset += every
        }
    }
}

extension TimeInterval {
    /// Minutes as seconds.
    static func minutes(_ value: Double) -> TimeInterval { value * 60 }
    /// Hours as seconds.
    static func hours(_ value: Double) -> TimeInterval { value * 3600 }
}
