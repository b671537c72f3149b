import Foundation
import Testing
import XiezhiCore

@Suite("Demo region: GeoJSON output")
struct RegionGeoJSONTests {
    @Test func roundTripsWithoutZones() throws {
        let region = try DemoRegion.region()
        let output = region.geoJSON(includeJointZones: false)
        let again = try Region(geoJSON: output, jointZoneRule: try DemoRegion.ruleBytes.get())
        #expect(again == region)
        #expect(again.geoJSON(includeJointZones: false) == output, "deterministic bytes")
    }

    @Test func writesComputedJointZonesThatReadBackIgnored() throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        let output = region.geoJSON(includeJointZones: true)
        let collection = try JSONDecoder().decode(GeoJSONFeatureCollection.self, from: output)
        let zones = collection.features.filter { $0[string: "kind"] == "joint_zone" }
        #expect(zones.count == region.borders.count)
        for border in region.borders {
            let zone = try #require(zones.first { $0[string: "border"] == border.id }, "zone of \(border.id)")
            #expect(zone.properties?["width_m"] == .number(5_000))
            #expect(zone.properties?["between"] == .array(border.between.map { .string($0.rawValue) }))
            let area: GeoMultiPolygon
            switch zone.geometry {
            case .polygon(let polygon): area = GeoMultiPolygon(polygons: [polygon])
            case .multiPolygon(let polygons): area = polygons
            default: Issue.record("\(border.id): zone geometry is not a polygon"); continue
            }
            let line = try #require(raw.borders[border.id]).line
            for polygon in area.polygons {
                #expect(IndependentGeodesy.signedArea(polygon.exterior) > 0)
                for ring in polygon.rings {
                    for (index, vertex) in ring.enumerated() {
                        let distance = IndependentGeodesy.distance(from: vertex, toLine: line)
                        #expect(abs(distance - 5_000) < 50, "\(border.id) vertex at \(distance) m")
                        guard index > 0, index % 5 == 0 else { continue }
                        let previous = ring[index - 1]
                        let middle = GeoPoint(longitude: (previous.longitude + vertex.longitude) / 2,
                                              latitude: (previous.latitude + vertex.latitude) / 2)
                        let sag = IndependentGeodesy.distance(from: middle, toLine: line)
                        #expect(abs(sag - 5_000) < 50, "\(border.id) edge middle at \(sag) m")
                    }
                }
            }
            for vertex in line { #expect(area.contains(vertex)) }
        }
        // The zones are skipped when the output is read back.
        let again = try Region(geoJSON: output, jointZoneRule: try DemoRegion.ruleBytes.get())
        #expect(again == region)
    }
}
