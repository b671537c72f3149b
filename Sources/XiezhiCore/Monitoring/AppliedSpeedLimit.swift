/// The speed limit in force at one position: the road it matched, the day limit and, at night, the lowered one.
struct AppliedSpeedLimit: Hashable, Sendable {
    /// The matched road.
    let road: Road
    let roadClass: RoadClass
    /// The day limit row.
    let row: SpeedLimitRow
    /// The limit in force, km/h (the night share of the day limit at night for the kinds the night rule names).
    let limitKmh: Double
    /// The night rule's citation when the night limit applies.
    let nightCitation: Citation?

    /// The article behind ``limitKmh``.
    var citation: Citation { nightCitation ?? row.citation }
}

/// The region's roads with their class and a box around each grown by the matching tolerance: finds the speed limit
/// at a position.
struct RoadSpeedIndex: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        let road: Road
        let roadClass: RoadClass
        let bounds: GeoBoundingBox?
    }

    let entries: [Entry]
    let toleranceMetres: Double

    /// Indexes `region`'s roads; throws `unclassified_road` when the rules give no class for one of them.
    init(region: Region, rules: VehicleMonitoringRules) throws(DomainError) {
        let tolerance = Double(rules.roadMatchToleranceMetres.value)
        var entries: [Entry] = []
        for road in region.roads {
            guard let roadClass = rules.roadClass(of: road.id) else {
                throw DomainError(
                    code: "unclassified_road",
                    reason: "road '\(road.id)' (\(road.name)) of the region has no class in the monitoring rules ('roads'); its speed limit would be unknown")
            }
            entries.append(Entry(road: road, roadClass: roadClass, bounds: road.line.bounds?.expanded(byMeters: tolerance)))
        }
        self.entries = entries
        self.toleranceMetres = tolerance
    }

    /// The limit at `point` for `kind` at `night` or by day: among the roads within the tolerance that have a limit
    /// for the kind, the highest limit (the benefit of the doubt), the nearest road among equal limits; `nil` off the
    /// mapped roads or when no row covers the kind.
    func limit(at point: GeoPoint, kind: MonitoredVehicleKind, night: Bool, rules: VehicleMonitoringRules) -> AppliedSpeedLimit? {
        var best: (limit: AppliedSpeedLimit, distance: Double)?
        for entry in entries where entry.bounds?.contains(point) == true {
            let distance = entry.road.line.distance(from: point)
            guard distance <= toleranceMetres, let row = rules.speedLimit(on: entry.roadClass, for: kind) else { continue }
            let lowered = night && rules.nightSpeed.appliesTo.contains(kind)
            let limit = AppliedSpeedLimit(
                road: entry.road, roadClass: entry.roadClass, row: row,
                limitKmh: lowered ? rules.nightSpeed.nightLimit(dayLimitKmh: row.limitKmh) : Double(row.limitKmh),
                nightCitation: lowered ? rules.nightSpeed.citation : nil
            )
            if let current = best, (current.limit.limitKmh, -current.distance) >= (limit.limitKmh, -distance) { continue }
            best = (limit, distance)
        }
        return best?.limit
    }
}
