/// 班线客运线路 — an approved scheduled passenger route: the line the coaches on it must keep to, and any exemption from
/// the 02:00–05:00 ban.
///
/// Validated on creation and decoding: a non-blank id, a line of two or more valid positions, a positive corridor.
public struct ApprovedRoute: Hashable, Codable, Sendable {
    /// The route's number in the permit register.
    public var id: String
    /// The Chinese name, e.g. `平湖—上海南站`.
    public var nameZh: String
    /// The vehicles approved to run it.
    public var vehicles: [VehicleKey]
    /// The route as driven, start to end.
    public var line: GeoPolyline
    /// This route's corridor half-width, metres, replacing the table's default (``RouteDeviationRule/corridorMetres``).
    public var corridorMetres: Double?
    /// Why the route may run from 02:00 to 05:00, if it may.
    public var earlyMorningExemption: EarlyMorningExemption?

    /// Creates a route; throws `invalid_route` when the id is blank, the line has fewer than two valid positions, or
    /// the corridor is not a positive number of metres.
    public init(
        id: String, nameZh: String, vehicles: [VehicleKey], line: GeoPolyline, corridorMetres: Double? = nil,
        earlyMorningExemption: EarlyMorningExemption? = nil
    ) throws(DomainError) {
        self.id = id
        self.nameZh = nameZh
        self.vehicles = vehicles
        self.line = line
        self.corridorMetres = corridorMetres
        self.earlyMorningExemption = earlyMorningExemption
        if let problem { throw DomainError(code: "invalid_route", reason: problem) }
    }

    /// Whether `vehicle` is approved to run the route.
    public func covers(_ vehicle: VehicleKey) -> Bool { vehicles.contains(vehicle) }

    /// The route's length along its line, kilometres.
    public var lengthKm: Double { line.length / 1000 }

    /// What is wrong, or `nil`.
    var problem: String? {
        if id.trimmingCharacters(in: .whitespaces).isEmpty { return "a route needs its id" }
        if line.points.count < 2 || !line.points.allSatisfy(\.isValid) {
            return "route '\(id)' needs a line of two or more valid positions"
        }
        if let corridorMetres, !(corridorMetres.isFinite && corridorMetres > 0) {
            return "route '\(id)': corridorMetres must be a positive number of metres"
        }
        return nil
    }

    private enum CodingKeys: String, CodingKey { case id, nameZh, vehicles, line, corridorMetres, earlyMorningExemption }

    /// Decodes and validates like ``init(id:nameZh:vehicles:line:corridorMetres:earlyMorningExemption:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(
            id: try container.decode(String.self, forKey: .id),
            nameZh: try container.decode(String.self, forKey: .nameZh),
            vehicles: try container.decode([VehicleKey].self, forKey: .vehicles),
            line: try container.decode(GeoPolyline.self, forKey: .line),
            corridorMetres: try container.decodeIfPresent(Double.self, forKey: .corridorMetres),
            earlyMorningExemption: try container.decodeIfPresent(EarlyMorningExemption.self, forKey: .earlyMorningExemption)
        )
    }
}

/// Why a coach route may run from 02:00 to 05:00 (道路旅客运输企业安全管理规范 Art. 38(5), rules.md A6).
public enum EarlyMorningExemption: String, Codable, Sendable, CaseIterable {
    /// 线路固定的机场、高铁快线 — a fixed airport or high-speed-rail shuttle.
    case airportOrRailShuttle = "airport_or_rail_shuttle"
    /// 接驳运输 — relay transport (the vehicle takes over from a coach that stopped).
    case relayTransport = "relay_transport"
    /// 短途驳载 — a short haul; exempt only when the route is no longer than the table's ``EarlyMorningBanRule/shortHaulMaxKm``.
    case shortHaul = "short_haul"

    /// The Chinese name, e.g. `接驳运输`.
    public var chineseName: String {
        switch self {
        case .airportOrRailShuttle: "机场、高铁快线"
        case .relayTransport: "接驳运输"
        case .shortHaul: "短途驳载"
        }
    }
}
