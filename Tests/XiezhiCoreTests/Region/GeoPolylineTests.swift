import Foundation
import Testing
import XiezhiCore

@Suite("Geometry: lines, distances, sides, buffers")
struct GeoPolylineTests {
    static let origin = GeoPoint(longitude: 121.0, latitude: 30.8)

    /// A line from plane offsets (metres east, north) of `origin`.
    static func line(_ offsets: [(Double, Double)]) -> GeoPolyline {
        GeoPolyline(points: offsets.map { origin.offsetBy(east: $0.0, north: $0.1) })
    }

    @Test(arguments: [1.0, 250, 1_000, 4_900, 5_000, 5_100, 20_000])
    func distanceMatchesDensifiedHaversine(distance: Double) {
        let line = Self.line([(-8_000, -6_000), (-1_000, 500), (3_000, 1_500), (9_000, 7_000)])
        for step in 0..<12 {
            let anchor = IndependentGeodesy.destination(line.points[1], azimuth: IndependentGeodesy.bearing(line.points[1], line.points[2]), distance: 2_000)
            let azimuth = IndependentGeodesy.bearing(line.points[1], line.points[2]) + (step % 2 == 0 ? -.pi / 2 : .pi / 2)
            let point = IndependentGeodesy.destination(anchor, azimuth: azimuth + Double(step / 2) * 0.05, distance: distance)
            let measured = line.distance(from: point)
            let reference = IndependentGeodesy.distance(from: point, toLine: line.points)
            #expect(abs(measured - reference) <= max(0.001 * reference, 0.01), "\(measured) vs \(reference)")
        }
    }

    @Test func closestPointReportsSegmentAndFraction() throws {
        let line = Self.line([(0, 0), (0, 1_000), (1_000, 1_000)])
        let projection = try #require(line.closestPoint(to: Self.origin.offsetBy(east: 300, north: 400)))
        #expect(projection.segment == 0)
        #expect(abs(projection.fraction - 0.4) < 1e-3)
        #expect(abs(projection.distance - 300) < 0.01)
        #expect(abs(line.length - 2_000) < 0.1)
    }

    @Test func sideFollowsDirectionIncludingAtCorners() {
        // North for 1 km, then east for 1 km: left is west of the first leg and north of the second.
        let line = Self.line([(0, 0), (0, 1_000), (1_000, 1_000)])
        let cases: [((Double, Double), PolylineSide)] = [
            ((-300, 500), .left), ((300, 500), .right), ((500, 1_300), .left), ((500, 700), .right),
            ((-500, 1_500), .left), ((200, 900), .right), ((1_500, 1_200), .left), ((1_500, 800), .right),
            ((-200, -300), .left), ((200, -300), .right),
        ]
        for ((east, north), expected) in cases {
            #expect(line.side(of: Self.origin.offsetBy(east: east, north: north)) == expected, "(\(east), \(north))")
        }
        #expect(line.side(of: line.points[1]) == .on)
        let reversed = GeoPolyline(points: line.points.reversed())
        #expect(reversed.side(of: Self.origin.offsetBy(east: -500, north: 1_500)) == .right)
    }

    @Test func bufferOfAStraightLineIsAStadium() throws {
        let line = Self.line([(-5_000, 0), (5_000, 0)])
        let zone = line.buffer(width: 1_000)
        #expect(zone.polygons.count == 1)
        let polygon = try #require(zone.polygons.first)
        #expect(polygon.rings.count == 1)
        #expect(IndependentGeodesy.signedArea(polygon.exterior) > 0, "exterior counter-clockwise")
        for vertex in polygon.exterior {
            let distance = IndependentGeodesy.distance(from: vertex, toLine: line.points)
            #expect(abs(distance - 1_000) < 2.5, "vertex at \(distance) m")
        }
        let plane = LocalPlane(origin: Self.origin)
        let ring = polygon.exterior.map(plane.project)
        let area = zip(ring, ring.dropFirst()).reduce(0) { $0 + $1.0.cross($1.1) } / 2
        let expected = 2 * 1_000 * 10_000 + Double.pi * 1_000 * 1_000
        #expect(abs(area - expected) / expected < 0.005)
        #expect(zone.contains(Self.origin.offsetBy(east: 5_600, north: 600)))
        #expect(!zone.contains(Self.origin.offsetBy(east: 5_800, north: 800)), "outside the round end")
    }

    @Test func bufferOfALoopHasAClockwiseHole() throws {
        let line = Self.line([(0, 0), (20_000, 0), (20_000, 20_000), (0, 20_000), (0, 0)])
        let zone = line.buffer(width: 2_000)
        let polygon = try #require(zone.polygons.first)
        #expect(zone.polygons.count == 1)
        #expect(polygon.rings.count == 2)
        #expect(IndependentGeodesy.signedArea(polygon.rings[0]) > 0)
        #expect(IndependentGeodesy.signedArea(polygon.rings[1]) < 0, "hole clockwise")
        #expect(!zone.contains(Self.origin.offsetBy(east: 10_000, north: 10_000)), "the middle is in the hole")
        #expect(zone.contains(Self.origin.offsetBy(east: 10_000, north: 1_900)))
        for ring in polygon.rings {
            for vertex in ring {
                #expect(abs(IndependentGeodesy.distance(from: vertex, toLine: line.points) - 2_000) < 5)
            }
        }
    }
}
