import Foundation
import Testing
import XiezhiCore

@Suite("Geometry: points, planes, polygons")
struct GeometryTests {
    static let jiaxing = GeoPoint(longitude: 120.755, latitude: 30.746)

    @Test func pointIsCodableAsLongitudeLatitudePair() throws {
        let point = GeoPoint(longitude: 121.25, latitude: 30.5)
        #expect(String(decoding: try JSONEncoder().encode(point), as: UTF8.self) == "[121.25,30.5]")
        #expect(try JSONDecoder().decode(GeoPoint.self, from: Data("[121.25,30.5,12]".utf8)) == point)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoPoint.self, from: Data("[121.25]".utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(GeoPoint.self, from: Data("[1,2,3,4]".utf8)) }
    }

    @Test(arguments: [100.0, 1_000, 5_000, 20_000, 100_000])
    func pointDistanceMatchesHaversine(distance: Double) {
        for step in 0..<16 {
            let azimuth = Double(step) * .pi / 8
            let other = IndependentGeodesy.destination(Self.jiaxing, azimuth: azimuth, distance: distance)
            let measured = Self.jiaxing.distance(to: other)
            let reference = IndependentGeodesy.haversine(Self.jiaxing, other)
            // The reference itself is within 3e-5 of the geodesic up to 100 km (Karney's algorithm, offline).
            #expect(abs(measured - reference) / reference < 5e-5, "azimuth \(step * 45 / 2)°: \(measured) vs \(reference)")
            #expect(abs(other.distance(to: Self.jiaxing) - measured) < 1e-6 * distance)
        }
    }

    @Test func localPlaneRoundTripsAndOffsets() {
        let plane = LocalPlane(origin: Self.jiaxing)
        for (x, y) in [(0.0, 0.0), (5_000.0, 0.0), (-3_000.0, 4_000.0), (25_000.0, -40_000.0)] {
            let point = plane.unproject(PlanePoint(x: x, y: y))
            let back = plane.project(point)
            #expect(abs(back.x - x) < 1e-6 && abs(back.y - y) < 1e-6)
        }
        let east = Self.jiaxing.offsetBy(east: 5_000, north: 0)
        #expect(abs(east.latitude - Self.jiaxing.latitude) < 1e-12)
        #expect(abs(IndependentGeodesy.haversine(Self.jiaxing, east) - 5_000) < 0.5)
        let north = Self.jiaxing.offsetBy(east: 0, north: 5_000)
        #expect(abs(IndependentGeodesy.haversine(Self.jiaxing, north) - 5_000) < 0.5)
    }

    /// Four unit squares around (121, 31) that share edges and the middle vertex.
    static func square(_ west: Double, _ south: Double, size: Double = 0.1) -> GeoPolygon {
        let ring = [(west, south), (west + size, south), (west + size, south + size), (west, south + size), (west, south)]
        return GeoPolygon(rings: [ring.map { GeoPoint(longitude: $0.0, latitude: $0.1) }])
    }

    @Test func polygonContainsWithHolesAndMultipolygons() {
        var donut = Self.square(121.0, 31.0, size: 0.3)
        donut.rings.append(Self.square(121.1, 31.1, size: 0.1).rings[0].reversed())
        #expect(donut.contains(GeoPoint(longitude: 121.05, latitude: 31.05)))
        #expect(!donut.contains(GeoPoint(longitude: 121.15, latitude: 31.15)), "inside the hole")
        #expect(!donut.contains(GeoPoint(longitude: 121.35, latitude: 31.15)), "outside")
        let island = Self.square(121.12, 31.12, size: 0.02)
        let area = GeoMultiPolygon(polygons: [donut, island])
        #expect(area.contains(GeoPoint(longitude: 121.13, latitude: 31.13)), "island inside the hole")
        #expect(!area.contains(GeoPoint(longitude: 121.11, latitude: 31.11)))
        #expect(area.bounds == GeoBoundingBox(minLongitude: 121.0, minLatitude: 31.0, maxLongitude: 121.3, maxLatitude: 31.3))
    }

    @Test func pointsOnSharedEdgesBelongToExactlyOneSide() {
        let southWest = Self.square(120.9, 30.9), southEast = Self.square(121.0, 30.9)
        let northWest = Self.square(120.9, 31.0), northEast = Self.square(121.0, 31.0)
        let all = [southWest, southEast, northWest, northEast]
        func owners(_ point: GeoPoint) -> [Int] { all.indices.filter { all[$0].contains(point) } }
        // Vertical shared edge: the point goes to the polygon on its east.
        #expect(owners(GeoPoint(longitude: 121.0, latitude: 30.95)) == [1])
        #expect(owners(GeoPoint(longitude: 121.0, latitude: 31.05)) == [3])
        // Horizontal shared edge: the polygon on its north.
        #expect(owners(GeoPoint(longitude: 120.95, latitude: 31.0)) == [2])
        #expect(owners(GeoPoint(longitude: 121.05, latitude: 31.0)) == [3])
        // The vertex shared by all four.
        #expect(owners(GeoPoint(longitude: 121.0, latitude: 31.0)).count == 1)
        // A slanted shared edge, walked in opposite directions by the two triangles.
        let a = GeoPoint(longitude: 120.913_579, latitude: 30.871_113), b = GeoPoint(longitude: 121.027_361, latitude: 30.963_97)
        let left = GeoPolygon(rings: [[a, b, GeoPoint(longitude: 120.9, latitude: 31.0), a]])
        let right = GeoPolygon(rings: [[b, a, GeoPoint(longitude: 121.05, latitude: 30.85), b]])
        for step in 1..<50 {
            let t = Double(step) / 50
            let point = GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t,
                                 latitude: a.latitude + (b.latitude - a.latitude) * t)
            #expect(left.contains(point) != right.contains(point), "point \(step) on the shared edge")
        }
    }
}
