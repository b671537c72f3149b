import Foundation
import XiezhiCore
import XiezhiWire

/// Generates a fleet of JT/T 808 terminals driving the demo region's roads, with violations injected into some of
/// them, the registry entries the rules need (approved routes, waybills), and the ground truth of what must be
/// flagged. Pure and seeded: the same seed, region, rules and `now` give the same fleet.
///
/// Every number that decides whether a trip is a violation comes from ``VehicleMonitoringRules``: clean trips drive at
/// 72 % of the day limit of their road and vehicle kind (under the night limit too), shorter than the night's
/// continuous-driving limit, outside 02:00–05:00 for coaches, on their approved route, with a waybill, and end parked.
public struct JT808FleetGenerator: Sendable {
    public let region: Region
    public let rules: VehicleMonitoringRules
    /// Device seconds between two fixes.
    public var fixInterval: TimeInterval
    private var random: SeededGenerator

    public init(region: Region, rules: VehicleMonitoringRules, seed: UInt64, fixInterval: TimeInterval = 30) {
        self.region = region
        self.rules = rules
        self.fixInterval = fixInterval
        self.random = SeededGenerator(seed: seed)
    }

    /// China time (UTC+8), in which the 02:00–05:00 window is read.
    static let china = TimeZone(secondsFromGMT: 8 * 3600)!

    /// A fleet of `count` terminals whose trips are under way at `now`: each violation of ``InjectedViolation`` once
    /// (when `count` allows, after a few clean vehicles), a quarter of the vehicles crossing the Pinghu–Jinshan border
    /// on G228, editions mixed (about 55 % 2013, 35 % 2019, 10 % 2011), quirks on about one terminal in four.
    public mutating func fleet(count: Int, now: Date, phonePrefix: String = "139") -> JT808Fleet {
        var terminals: [SimulatedTerminal] = []
        var routes: [ApprovedRoute] = []
        var waybills: [ElectronicWaybill] = []
        let violations = InjectedViolation.allCases
        for index in 0..<count {
            let violation: InjectedViolation? = index >= 3 && index - 3 < violations.count ? violations[index - 3] : nil
            let kind = violation?.vehicleKind ?? Self.cleanKinds[index % Self.cleanKinds.count]
            let version: JT808Version = index % 10 == 9 ? .v2011 : (index % 20 < 7 ? .v2019 : .v2013)
            var quirks: Set<TerminalQuirk> = []
            if index % 4 == 1 { quirks.insert(TerminalQuirk.allCases[(index / 4) % TerminalQuirk.allCases.count]) }
            let phone = phonePrefix + String(format: "%08d", 10_000 + index)
            let vehicle = try! VehicleKey(plate: Self.plate(index: index, kind: kind), color: kind == .taxi ? .blue : .yellow)
            let carrier = Self.carrier(index % 7)
            let road = Self.road(for: violation, index: index)
            // Unprovisioned terminals are enrolled by open registration as trucks, and judged (and driven) as such.
            let provisioned = violation != nil || kind == .coach || kind == .hazmat || index % 3 != 0
            let fixes = trip(kind: provisioned ? kind : .truck, violation: violation, road: road, now: now)
            terminals.append(SimulatedTerminal(
                phone: phone, vehicle: vehicle, kind: provisioned ? kind : .truck, carrier: carrier, version: version, quirks: quirks,
                provisioned: provisioned, road: road, violation: violation, fixes: fixes))
            if kind == .coach, let line = region.road(road)?.line,
               let route = try? ApprovedRoute(id: "BX-\(vehicle.plate.value)", nameZh: "\(region.road(road)?.name ?? road)班线", vehicles: [vehicle], line: line) {
                routes.append(route)
            }
            if kind == .hazmat, violation != .noWaybill {
                waybills.append(try! ElectronicWaybill(
                    id: "YD-\(phone)-\(Int(now.timeIntervalSince1970 / 86_400))", vehicle: vehicle, goodsName: index % 2 == 0 ? "汽油" : "液化石油气", unNumber: try! UNNumber(index % 2 == 0 ? "1203" : "1075"),
                    goodsClass: try! DangerousGoodsClass(index % 2 == 0 ? "3" : "2.1"), origin: "嘉兴港区", destination: "上海金山石化",
                    validFrom: now.addingTimeInterval(-2 * 86_400), validTo: now.addingTimeInterval(14 * 86_400), carrier: carrier))
            }
        }
        return JT808Fleet(terminals: terminals, approvedRoutes: routes, waybills: waybills, region: region)
    }

    /// The next clean trip of a terminal that has finished one: it starts at `after` (later for a coach whose trip would
    /// run into 02:00–05:00) and follows the same road.
    public mutating func nextTrip(of terminal: SimulatedTerminal, after: Date) -> [SimulatedFix] {
        var start = after
        let duration = Double(Int.random(in: 45...80, using: &random)) * 60
        if terminal.kind == .coach, let window = earlyMorningOverlap(from: start, to: start.addingTimeInterval(duration + 600)) {
            start = window.end.addingTimeInterval(60)
        }
        return drive(road: terminal.road, kind: terminal.kind, start: start, minutes: duration / 60, plan: { _ in (0.72, 0) }, endParked: true)
    }

    /// The same generator with its random numbers reseeded (one per terminal of a continuous demo).
    public func reseeded(_ seed: UInt64) -> JT808FleetGenerator {
        var copy = self
        copy.random = SeededGenerator(seed: seed)
        return copy
    }

    // MARK: - Trips

    static let cleanKinds: [MonitoredVehicleKind] = [.coach, .hazmat, .truck, .bus, .taxi, .truck, .hazmat, .coach]

    static func road(for violation: InjectedViolation?, index: Int) -> String {
        switch violation {
        case .speeding, .fatigue: "G60"
        case .earlyMorning: "G60"
        case .offRoute: "G320"
        case .noWaybill, .signalLost: "G228"
        case nil: ["G228", "G60", "S32", "G320", "G1503", "G228", "G60", "S32"][index % 8]
        }
    }

    mutating func trip(kind: MonitoredVehicleKind, violation: InjectedViolation?, road: String, now: Date) -> [SimulatedFix] {
        switch violation {
        case .speeding?:
            // 20 min at 72 %, 5 min at 120 %, then 25 min at 72 %; under way at `now` (two thirds done).
            return drive(road: road, kind: kind, start: now.addingTimeInterval(-35 * 60), minutes: 50, plan: { minute in
                (20..<25).contains(minute) ? (1.2, JT808AlarmFlags.overspeed.rawValue) : (0.72, 0)
            }, endParked: true)
        case .fatigue?:
            let minutes = Double(rules.fatigue.continuousDayMinutes.value) + 30
            return drive(road: road, kind: kind, start: now.addingTimeInterval(-(minutes - 10) * 60), minutes: minutes, plan: { _ in (0.72, 0) }, endParked: true)
        case .earlyMorning?:
            let start = earlyMorningStart(before: now)
            return drive(road: road, kind: kind, start: start, minutes: 80, plan: { _ in (0.72, 0) }, endParked: true)
        case .offRoute?:
            var fixes = cleanTrip(kind: kind, road: road, now: now, minutes: 60)
            // Minutes 20–35 of the trip: 1.5 km to the right of the route (ramping over two minutes each way).
            let first = fixes.first?.time ?? now
            for index in fixes.indices {
                let minute = fixes[index].time.timeIntervalSince(first) / 60
                let offset = minute < 18 || minute > 37 ? 0 : min(1, min(minute - 18, 37 - minute) / 2) * 1_500
                guard offset > 0 else { continue }
                let right = Double(fixes[index].heading + 90) * .pi / 180
                let point = GeoPoint(longitude: fixes[index].longitude, latitude: fixes[index].latitude)
                    .offsetBy(east: offset * sin(right), north: offset * cos(right))
                fixes[index].longitude = point.longitude
                fixes[index].latitude = point.latitude
            }
            return fixes
        case .signalLost?:
            // Under way for 20 min, then silent while moving: the fixes end at speed.
            return drive(road: road, kind: kind, start: now.addingTimeInterval(-20 * 60), minutes: 20, plan: { _ in (0.72, 0) }, endParked: false)
        case .noWaybill?, nil:
            return cleanTrip(kind: kind, road: road, now: now, minutes: Double(Int.random(in: 45...80, using: &random)))
        }
    }

    /// A clean trip under way at `now` (a random share of it done); a coach's trip is moved earlier so that it ends
    /// before 02:00 when it would overlap 02:00–05:00.
    mutating func cleanTrip(kind: MonitoredVehicleKind, road: String, now: Date, minutes: Double) -> [SimulatedFix] {
        var start = now.addingTimeInterval(-minutes * 60 * Double.random(in: 0.2...0.6, using: &random))
        let end = start.addingTimeInterval(minutes * 60 + 600)
        if kind == .coach, let window = earlyMorningOverlap(from: start, to: end) {
            start = window.start.addingTimeInterval(-(minutes * 60 + 900))
        }
        return drive(road: road, kind: kind, start: start, minutes: minutes, plan: { _ in (0.72, 0) }, endParked: true)
    }

    /// Fixes every ``fixInterval`` for `minutes` along `road` from a random place, at `plan(minute).share` of the day
    /// limit of the road class for `kind`, raising `plan(minute).alarms`; ends with two parked fixes when `endParked`.
    mutating func drive(
        road: String, kind: MonitoredVehicleKind, start: Date, minutes: Double, plan: (Int) -> (share: Double, alarms: UInt32), endParked: Bool
    ) -> [SimulatedFix] {
        guard let line = region.road(road)?.line else { return [] }
        let walker = RoadWalker(line)
        let limit = rules.roadClass(of: road).flatMap { rules.speedLimit(on: $0, for: kind) }.map { Double($0.limitKmh) } ?? 60
        var distance = Double.random(in: 0...walker.length, using: &random)
        var fixes: [SimulatedFix] = []
        let steps = Int(minutes * 60 / fixInterval)
        for step in 0...steps {
            let time = start.addingTimeInterval(Double(step) * fixInterval)
            let (share, alarms) = plan(Int(Double(step) * fixInterval / 60))
            let speed = (limit * share * 10).rounded() / 10
            let (point, heading) = walker.locate(distance)
            fixes.append(SimulatedFix(time: time, longitude: point.longitude, latitude: point.latitude, speedKmh: speed, heading: heading, alarmBits: alarms))
            distance += speed / 3.6 * fixInterval
        }
        if endParked, let last = fixes.last {
            for minute in 1...2 {
                var parked = last
                parked.time = last.time.addingTimeInterval(Double(minute) * 60)
                parked.speedKmh = 0
                parked.alarmBits = 0
                fixes.append(parked)
            }
        }
        return fixes
    }

    /// The 02:00–05:00 (China time) window that overlaps `from…to`, if any.
    func earlyMorningOverlap(from: Date, to: Date) -> DateInterval? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.china
        let ban = rules.earlyMorningBan
        var day = calendar.startOfDay(for: from).addingTimeInterval(-86_400)
        while day < to {
            let window = DateInterval(start: day.addingTimeInterval(Double(ban.window.startMinute * 60)), end: day.addingTimeInterval(Double(ban.window.endMinute * 60)))
            if window.start < to && from < window.end { return window }
            day = day.addingTimeInterval(86_400)
        }
        return nil
    }

    /// 01:40 (China time) of the latest night whose 01:40–03:00 lies before `now`.
    func earlyMorningStart(before now: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Self.china
        var day = calendar.startOfDay(for: now)
        let offset = Double(rules.earlyMorningBan.window.startMinute * 60 - 20 * 60)
        while day.addingTimeInterval(offset + 90 * 60) > now { day = day.addingTimeInterval(-86_400) }
        return day.addingTimeInterval(offset)
    }

    /// A load-test terminal: a truck enrolled by open registration, `fixes` fixes `interval` seconds apart from `start`
    /// at 60 km/h along one of the region's roads; editions mixed as in ``fleet(count:now:phonePrefix:)``.
    public static func benchmarkTerminal(index: Int, region: Region, start: Date, fixes count: Int, interval: TimeInterval) -> SimulatedTerminal {
        let road = region.roads[index % max(region.roads.count, 1)]
        let walker = RoadWalker(road.line)
        let offset = Double(index * 7_919 % 100_000)
        let fixes = (0..<count).map { step in
            let (point, heading) = walker.locate(offset + Double(step) * interval * 60 / 3.6)
            return SimulatedFix(time: start.addingTimeInterval(Double(step) * interval), longitude: point.longitude, latitude: point.latitude, speedKmh: 60, heading: heading)
        }
        let provinces = ["浙F", "沪A", "苏E", "浙A", "沪B"]
        let plate = provinces[(index / 40_000) % provinces.count] + String(format: "%05d", 60_000 + index % 40_000)
        return SimulatedTerminal(
            phone: "150" + String(format: "%08d", index), vehicle: try! VehicleKey(plate: plate, color: .yellow), kind: .truck, carrier: carrier(0),
            version: index % 10 == 9 ? .v2011 : (index % 20 < 7 ? .v2019 : .v2013), quirks: [], provisioned: false, road: road.id, violation: nil,
            fixes: fixes)
    }

    // MARK: - Identities

    static func plate(index: Int, kind: MonitoredVehicleKind) -> String {
        let prefixes = ["浙F", "沪A", "浙F", "苏E", "浙F", "沪D"]
        return prefixes[index % prefixes.count] + (kind == .hazmat ? String(format: "D%04d", index % 10_000) : String(format: "%05d", 60_000 + index % 40_000))
    }

    /// A valid unified social credit code (GB 32100) of demo carrier `number`.
    static func carrier(_ number: Int) -> UnifiedSocialCreditCode {
        let organisation = String(format: "7%07d", 1_234_500 + number)
        let check = try! UnifiedSocialCreditCode.organisationCodeCheckCharacter(for: organisation)
        let first17 = "91330400" + organisation + String(check)
        return try! UnifiedSocialCreditCode(first17 + String(try! UnifiedSocialCreditCode.checkCharacter(for: first17)))
    }
}
