import Foundation

/// The waterway rules placed in a region: checkpoints, segments and unloading sites resolved against the region's
/// sites and waterway lines, with the look-ups the detectors need (jurisdiction, segment, coverage, unloading site).
///
/// Building it checks that the rules fit the region and throws `waterway_rules_region_mismatch` naming the entry
/// otherwise: every checkpoint is a checkpoint site of the same waterway and jurisdiction, its line crosses the
/// waterway's line near the site with the forward direction along the waterway's order; every segment end lies near
/// its waterway; every unloading site is an unloading-site site; every covered waterway and every restriction's
/// jurisdiction exists.
public struct WaterwayGeography: Sendable {
    /// The rules.
    public let rules: WaterwayRules
    /// The region.
    public let region: Region
    private let resolvedSegments: [String: ResolvedSegment]
    private let coveredWaterways: [ResolvedSegment]
    /// The approved unloading sites with their positions.
    public let unloadingSites: [ResolvedUnloadingSite]

    /// How far a checkpoint line's middle or a segment's end may lie from the site or line it belongs to, metres (a
    /// consistency check of the file, not a legal number).
    public static let placementToleranceMetres = 500.0

    /// Resolves `rules` in `region`; throws `waterway_rules_region_mismatch` when they do not fit.
    public init(rules: WaterwayRules, region: Region) throws(DomainError) {
        func mismatch(_ reason: String) -> DomainError { DomainError(code: "waterway_rules_region_mismatch", reason: reason) }
        func waterway(_ id: String, for what: String) throws(DomainError) -> Waterway {
            guard let waterway = region.waterway(id), waterway.line.points.count >= 2 else {
                throw mismatch("\(what) refers to waterway '\(id)', which the region does not have")
            }
            return waterway
        }
        for checkpoint in rules.checkpoints {
            let what = "checkpoint '\(checkpoint.id)'"
            guard let site = region.site(checkpoint.site), site.type == .checkpoint else {
                throw mismatch("\(what) refers to site '\(checkpoint.site)', which is not a checkpoint site of the region")
            }
            let line = try waterway(checkpoint.waterway, for: what).line
            if let siteWaterway = site.waterway, siteWaterway != checkpoint.waterway {
                throw mismatch("\(what) is on waterway '\(checkpoint.waterway)' but its site is on '\(siteWaterway)'")
            }
            guard site.jurisdiction == checkpoint.jurisdiction else {
                throw mismatch("\(what) is in \(checkpoint.jurisdiction) but its site is in \(site.jurisdiction)")
            }
            let offset = checkpoint.line.midpoint.distance(to: site.location)
            guard offset <= Self.placementToleranceMetres else {
                throw mismatch("\(what): the line's middle is \(Int(offset)) m from the site")
            }
            guard let direction = Self.waterwayDirection(across: checkpoint.line, of: line) else {
                throw mismatch("\(what): the line does not cross the waterway's line")
            }
            guard direction == .forward else {
                throw mismatch("\(what): the line is drawn left bank first; it runs from the right bank to the left bank looking along the waterway's order")
            }
        }
        var segments: [String: ResolvedSegment] = [:]
        for segment in rules.segments {
            let line = try waterway(segment.waterway, for: "segment '\(segment.id)'").line
            let resolved = ResolvedSegment(line: line, from: segment.from, to: segment.to, corridor: segment.corridorMetres)
            for (end, point) in [("from", segment.from), ("to", segment.to)] {
                let distance = line.distance(from: point)
                guard distance <= Self.placementToleranceMetres else {
                    throw mismatch("segment '\(segment.id)': '\(end)' is \(Int(distance)) m from waterway '\(segment.waterway)'")
                }
            }
            guard resolved.end - resolved.start > 0 else {
                throw mismatch("segment '\(segment.id)': 'from' and 'to' are the same place on the waterway")
            }
            segments[segment.id] = resolved
        }
        var covered: [ResolvedSegment] = []
        for id in rules.coverage.waterways {
            let line = try waterway(id, for: "coverage").line
            let margin = rules.coverage.endMarginMetres
            covered.append(ResolvedSegment(line: line, start: margin, end: (line.cumulativeLengths.last ?? 0) - margin, corridor: rules.coverage.corridorMetres))
        }
        var sites: [ResolvedUnloadingSite] = []
        for rule in rules.unloadingSites {
            guard let site = region.site(rule.site), site.type == .unloadingSite else {
                throw mismatch("unloading site '\(rule.site)' is not an unloading site of the region")
            }
            sites.append(ResolvedUnloadingSite(rule: rule, site: site))
        }
        for restriction in rules.nightRestrictions where region.jurisdiction(restriction.jurisdiction) == nil {
            throw mismatch("night restriction '\(restriction.id)' is for \(restriction.jurisdiction), which is not in the region")
        }
        self.rules = rules
        self.region = region
        self.resolvedSegments = segments
        self.coveredWaterways = covered
        self.unloadingSites = sites
    }

    /// The jurisdiction containing `point`; `nil` outside the region.
    public func jurisdiction(at point: GeoPoint) -> JurisdictionCode? { region.locate(point).jurisdiction }

    /// Whether `point` lies in segment `id` (within its corridor, between its ends along the waterway).
    public func segment(_ id: String, contains point: GeoPoint) -> Bool {
        resolvedSegments[id]?.contains(point) ?? false
    }

    /// The ids of the segments containing `point`, sorted.
    public func segments(containing point: GeoPoint) -> [String] {
        resolvedSegments.filter { $0.value.contains(point) }.map(\.key).sorted()
    }

    /// Whether `point` is inside the AIS coverage (near a covered waterway, away from its ends).
    public func isCovered(_ point: GeoPoint) -> Bool {
        coveredWaterways.contains { $0.contains(point) }
    }

    /// The approved unloading site `point` is at, if any (the nearest when several).
    public func unloadingSite(at point: GeoPoint) -> ResolvedUnloadingSite? {
        unloadingSites.map { ($0, $0.location.distance(to: point)) }
            .filter { $0.1 <= $0.0.radiusMetres }
            .min { $0.1 < $1.1 }?.0
    }

    /// The direction along which a waterway's line crosses a checkpoint line (the first crossing), `nil` if it does not.
    static func waterwayDirection(across line: CheckpointLine, of waterway: GeoPolyline) -> PassageDirection? {
        let plane = LocalPlane(origin: line.midpoint)
        let a = plane.project(line.rightBank), b = plane.project(line.leftBank)
        for (start, end) in zip(waterway.points, waterway.points.dropFirst()) {
            let p1 = plane.project(start), p2 = plane.project(end)
            if CheckpointLine.intersection(p1, p2, a, b) != nil { return line.direction(from: start, to: end) }
        }
        return nil
    }
}

/// A stretch of a waterway's line between two chainages (metres along the line), with a corridor.
struct ResolvedSegment: Sendable {
    let line: GeoPolyline
    /// Metres along the line to each vertex.
    let cumulative: [Double]
    let start: Double
    let end: Double
    let corridor: Double

    init(line: GeoPolyline, start: Double, end: Double, corridor: Double) {
        self.line = line
        self.cumulative = line.cumulativeLengths
        self.start = start
        self.end = end
        self.corridor = corridor
    }

    init(line: GeoPolyline, from: GeoPoint, to: GeoPoint, corridor: Double) {
        let cumulative = line.cumulativeLengths
        let a = line.closestPoint(to: from).map { Self.chainage($0, cumulative) } ?? 0
        let b = line.closestPoint(to: to).map { Self.chainage($0, cumulative) } ?? 0
        self.init(line: line, start: min(a, b), end: max(a, b), corridor: corridor)
    }

    func contains(_ point: GeoPoint) -> Bool {
        guard end > start, let projection = line.closestPoint(to: point), projection.distance <= corridor else { return false }
        let chainage = Self.chainage(projection, cumulative)
        return chainage >= start && chainage <= end
    }

    /// Metres along the line to a projection on it (the segment's fraction taken linearly).
    static func chainage(_ projection: PolylineProjection, _ cumulative: [Double]) -> Double {
        let index = projection.segment
        guard index + 1 < cumulative.count else { return cumulative.last ?? 0 }
        return cumulative[index] + (cumulative[index + 1] - cumulative[index]) * projection.fraction
    }
}

extension GeoPolyline {
    /// Metres along the line to each vertex (0 for the first).
    var cumulativeLengths: [Double] {
        var total = 0.0
        var lengths = [0.0]
        for (a, b) in zip(points, points.dropFirst()) {
            total += a.distance(to: b)
            lengths.append(total)
        }
        return lengths
    }
}
