import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: intercity coach off its approved route")
struct RouteDeviationTests {
    static let start = MonitoringFixtures.china("2024-03-05 09:00:00")

    /// The approved route: G60 from its Shanghai end for 7 vertices (about 45 km).
    static func route(corridor: Double? = nil) throws -> ApprovedRoute {
        let g60 = try MonitoringFixtures.road("G60")
        return try ApprovedRoute(
            id: "沪浙-0601", nameZh: "上海—嘉善", vehicles: [MonitoringFixtures.key("浙F00001")],
            line: GeoPolyline(points: Array(g60.line.points.prefix(7))), corridorMetres: corridor)
    }

    /// The point `metres` to the left of `line` beside `point` (perpendicular to the segment nearest to it).
    static func beside(_ point: GeoPoint, of line: GeoPolyline, by metres: Double) throws -> GeoPoint {
        let nearest = try #require(line.closestPoint(to: point))
        let plane = LocalPlane(origin: point)
        let direction = plane.project(line.points[nearest.segment + 1]) - plane.project(line.points[nearest.segment])
        let normal = PlanePoint(x: -direction.y / direction.length, y: direction.x / direction.length)
        return plane.unproject(normal * metres)
    }

    /// 5 min on the route, then fixes `offset` metres beside it (moving at `kmh`) from minute 6 to minute 6 + `offMinutes`
    /// (off for `offMinutes` from the first to the last of them), then 5 min back on it.
    static func track(offset: Double, offMinutes: Double, kmh: Double = 80) throws -> [VehiclePosition] {
        let route = try route()
        var track = SyntheticTrack(line: route.line, startMetres: 10_000, start: start)
        track.drive(from: 0, to: .minutes(5), kmh: 80)
        for minute in stride(from: 6.0, through: 6 + offMinutes, by: 1) {
            track.fix(at: .minutes(minute), kmh: kmh)
            let off = try beside(track.here, of: route.line, by: offset)
            track.positions[track.positions.count - 1].longitude = off.longitude
            track.positions[track.positions.count - 1].latitude = off.latitude
        }
        track.drive(from: .minutes(7 + offMinutes), to: .minutes(12 + offMinutes), kmh: 80)
        return track.positions
    }

    static func clues(_ positions: [VehiclePosition], kind: MonitoredVehicleKind = .coach, route: ApprovedRoute? = nil) throws -> [MonitoringClue] {
        try MonitoringFixtures.clues(.routeDeviation, positions, MonitoringFixtures.context(kind, route: route ?? (try Self.route())))
    }

    @Test("the helper puts points where the route's distance says")
    func helper() throws {
        let route = try Self.route()
        let positions = try Self.track(offset: 600, offMinutes: 3)
        let distances = positions.map { route.line.distance(from: GeoPoint(longitude: $0.longitude, latitude: $0.latitude)) }
        #expect(distances.filter { abs($0 - 600) < 2 }.count == 4)
        #expect(distances.filter { $0 < 1 }.count == positions.count - 4)
    }

    @Test("more than 500 m off for more than 10 min is one clue; exactly 10 min or 450 m off is not", arguments: [
        (600.0, 10.0, 0), (600.0, 11.0, 1), (450.0, 30.0, 0), (2_000.0, 60.0, 1),
    ])
    func thresholds(offset: Double, offMinutes: Double, expected: Int) throws {
        #expect(try Self.clues(try Self.track(offset: offset, offMinutes: offMinutes)).count == expected)
    }

    @Test("the clue measures the farthest distance and the time off against the corridor and the minimum")
    func clueContents() throws {
        let clue = try #require(try Self.clues(try Self.track(offset: 600, offMinutes: 13)).first)
        #expect(clue.route == "沪浙-0601")
        #expect(clue.start == Self.start.addingTimeInterval(.minutes(6)))
        #expect(clue.end == Self.start.addingTimeInterval(.minutes(17)))
        #expect(clue.measurements.count == 2)
        #expect(abs(clue.measurements[0].value - 600) < 2)
        #expect(clue.measurements[0].limit == 500)
        #expect(clue.measurements[1].value == .minutes(11))
        #expect(clue.measurements[1].limit == .minutes(10))
        #expect(clue.measurements[0].citation.confidence == .unverified)
        #expect(clue.citation.confidence == .secondary)
        #expect(clue.evidence.count == 12)
        #expect(clue.location.jurisdiction != nil)
        #expect(clue.factsZh.contains("上海—嘉善"))
    }

    @Test("a route's own corridor replaces the default")
    func ownCorridor() throws {
        let narrow = try Self.route(corridor: 300)
        let clue = try #require(try Self.clues(try Self.track(offset: 450, offMinutes: 11), route: narrow).first)
        #expect(clue.measurements[0].limit == 300)
        #expect(clue.factsZh.contains("单独设定"))
    }

    @Test("two separate deviations are two clues")
    func twoEpisodes() throws {
        let first = try Self.track(offset: 800, offMinutes: 11)
        let shift = TimeInterval.minutes(30)
        let second = try Self.track(offset: 800, offMinutes: 11).map { position -> VehiclePosition in
            var moved = position
            moved.time = position.time.addingTimeInterval(shift)
            moved.receivedAt = moved.time
            return moved
        }
        #expect(try Self.clues(first + second).count == 2)
    }

    @Test("a coach parked off route, a truck, or a coach without a route are not reported")
    func quiet() throws {
        #expect(try Self.clues(try Self.track(offset: 800, offMinutes: 30, kmh: 0)).isEmpty)
        #expect(try Self.clues(try Self.track(offset: 800, offMinutes: 30), kind: .truck).isEmpty)
        let positions = try Self.track(offset: 800, offMinutes: 30)
        #expect(try MonitoringFixtures.clues(.routeDeviation, positions, MonitoringFixtures.context(.coach)).isEmpty)
    }

    @Test("a route needs an id and two valid positions; its corridor must be positive")
    func routeValidation() throws {
        let line = try Self.route().line
        #expect(throws: DomainError.self) { try ApprovedRoute(id: " ", nameZh: "x", vehicles: [], line: line) }
        #expect(throws: DomainError.self) { try ApprovedRoute(id: "R", nameZh: "x", vehicles: [], line: GeoPolyline(points: [line.points[0]])) }
        #expect(throws: DomainError.self) { try ApprovedRoute(id: "R", nameZh: "x", vehicles: [], line: line, corridorMetres: 0) }
        let route = try Self.route()
        #expect(route.covers(MonitoringFixtures.key("浙F00001")))
        #expect(!route.covers(MonitoringFixtures.key("浙F00002")))
        let decoded = try JSONDecoder().decode(ApprovedRoute.self, from: try JSONEncoder().encode(route))
        #expect(decoded == route)
    }
}
