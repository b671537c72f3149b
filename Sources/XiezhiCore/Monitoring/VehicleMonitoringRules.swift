import Foundation

/// 两客一危动态监控规则 — the monitoring table (`Data/rules/vehicle-monitoring.json`): speed limits by road class and vehicle
/// kind, the night window and night speed share, the driving-time limits, the 02:00–05:00 coach ban, route-deviation,
/// waybill, joint-zone and signal-loss parameters, each number with its citation.
///
/// Decoding is strict: an unknown key, a number without a citation, a blank citation, an out-of-range number, a road
/// listed twice or two speed rows for the same road class and vehicle kind are refused with a ``DomainError`` naming
/// the place. The pure domain never reads the file itself: the caller passes its bytes to ``init(json:)``.
public struct VehicleMonitoringRules: Hashable, Sendable, Decodable {
    /// The file's Chinese title.
    public var titleZh: String?
    /// The edition, recorded in every clue.
    public var edition: String
    /// Free text for the legal office.
    public var note: String?
    /// At or above this speed (km/h) a position is moving.
    public var movingSpeedKmh: CitedValue
    /// 夜间 — the night window.
    public var nightWindow: NightWindow
    /// The class of each road of the region, by ``Road/id``.
    public var roads: [RoadClassAssignment]
    /// How far from a road's centre line a position is still on it, metres.
    public var roadMatchToleranceMetres: CitedValue
    /// The day speed limits.
    public var speedLimits: [SpeedLimitRow]
    /// The night share of the day limit.
    public var nightSpeed: NightSpeedRule
    /// How long a vehicle must stay over the limit before it is a clue, seconds.
    public var speedingMinimumSeconds: CitedValue
    /// The driving-time limits.
    public var fatigue: FatigueRules
    /// The 02:00–05:00 coach ban.
    public var earlyMorningBan: EarlyMorningBanRule
    /// Off the approved route.
    public var routeDeviation: RouteDeviationRule
    /// Dangerous goods without an electronic waybill.
    public var waybill: WaybillRule
    /// Entering a joint zone.
    public var jointZoneEntry: JointZoneEntryRule
    /// A moving vehicle's terminal gone silent.
    public var signalLost: SignalLostRule

    /// Decodes and checks the file's bytes; every failure is a ``DomainError`` naming the place.
    public init(json: Data) throws {
        do {
            self = try JSONDecoder().decode(VehicleMonitoringRules.self, from: json)
        } catch let error as DecodingError {
            throw MonitoringRulesDecoding.domainError(from: error)
        }
    }

    /// The class of the road with `id`, if the table lists it.
    public func roadClass(of id: String) -> RoadClass? {
        roads.first { $0.road == id }?.roadClass
    }

    /// The day speed limit row for a road class and a vehicle kind, if any.
    public func speedLimit(on roadClass: RoadClass, for kind: MonitoredVehicleKind) -> SpeedLimitRow? {
        speedLimits.first { $0.roadClass == roadClass && $0.kinds.contains(kind) }
    }

    private enum CodingKeys: String, CodingKey {
        case titleZh, edition, note, movingSpeedKmh, nightWindow, roads, roadMatchToleranceMetres, speedLimits, nightSpeed
        case speedingMinimumSeconds, fatigue, earlyMorningBan, routeDeviation, waybill, jointZoneEntry, signalLost
    }

    /// Decodes strictly (see `MonitoringRulesDecoding`).
    public init(from decoder: any Decoder) throws {
        try MonitoringRulesDecoding.rejectUnknownKeys(
            in: decoder,
            allowed: [
                "titleZh", "edition", "note", "movingSpeedKmh", "nightWindow", "roads", "roadMatchToleranceMetres", "speedLimits",
                "nightSpeed", "speedingMinimumSeconds", "fatigue", "earlyMorningBan", "routeDeviation", "waybill", "jointZoneEntry",
                "signalLost",
            ]
        )
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let bound = MonitoringRulesDecoding.Bound.self
        titleZh = try container.decodeIfPresent(String.self, forKey: .titleZh)
        edition = try container.decode(String.self, forKey: .edition)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        movingSpeedKmh = try container.citedValue(.movingSpeedKmh, in: decoder, 1...bound.kmh)
        nightWindow = try container.decode(NightWindow.self, forKey: .nightWindow)
        roads = try container.decode([RoadClassAssignment].self, forKey: .roads)
        roadMatchToleranceMetres = try container.citedValue(.roadMatchToleranceMetres, in: decoder, 1...bound.metres)
        speedLimits = try container.decode([SpeedLimitRow].self, forKey: .speedLimits)
        nightSpeed = try container.decode(NightSpeedRule.self, forKey: .nightSpeed)
        speedingMinimumSeconds = try container.citedValue(.speedingMinimumSeconds, in: decoder, 0...bound.seconds)
        fatigue = try container.decode(FatigueRules.self, forKey: .fatigue)
        earlyMorningBan = try container.decode(EarlyMorningBanRule.self, forKey: .earlyMorningBan)
        routeDeviation = try container.decode(RouteDeviationRule.self, forKey: .routeDeviation)
        waybill = try container.decode(WaybillRule.self, forKey: .waybill)
        jointZoneEntry = try container.decode(JointZoneEntryRule.self, forKey: .jointZoneEntry)
        signalLost = try container.decode(SignalLostRule.self, forKey: .signalLost)
        if let problem { throw DomainError(code: MonitoringRulesDecoding.invalidValueCode, reason: problem) }
    }

    /// What is wrong across entries, or `nil`: a blank edition, no speed rows, a road listed twice, two rows for the
    /// same road class and vehicle kind.
    var problem: String? {
        if edition.trimmingCharacters(in: .whitespaces).isEmpty {
            return "the monitoring file needs an 'edition', recorded in every clue"
        }
        if speedLimits.isEmpty { return "speedLimits is empty" }
        var seenRoads = Set<String>()
        for row in roads where !seenRoads.insert(row.road).inserted {
            return "roads: '\(row.road)' is listed twice"
        }
        for (index, row) in speedLimits.enumerated() {
            for other in speedLimits[(index + 1)...] where other.roadClass == row.roadClass {
                if let kind = row.kinds.intersection(other.kinds).sorted(by: { $0.rawValue < $1.rawValue }).first {
                    return "speedLimits: two rows give the \(row.roadClass.rawValue) limit for '\(kind.rawValue)'"
                }
            }
        }
        return nil
    }
}
