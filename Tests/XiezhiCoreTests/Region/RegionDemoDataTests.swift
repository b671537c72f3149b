import Foundation
import Testing
import XiezhiCore

@Suite("Demo region: data")
struct RegionDemoDataTests {
    @Test func loadsTheJurisdictionsBordersAndRule() throws {
        let region = try DemoRegion.region()
        #expect(region.jurisdictions.map(\.code.rawValue) == [
            "310116", "310117", "310118", "320509", "330402", "330411", "330421", "330424", "330481", "330482", "330483",
        ])
        #expect(Set(region.borders.map(\.id)) == Set(DemoRegion.borderIDs))
        let pinghu = try #require(region.jurisdiction(try JurisdictionCode.parse("330482")))
        #expect(pinghu.name == "平湖市")
        #expect(pinghu.province == "浙江省")
        #expect(pinghu.agency == "平湖市交通运输行政执法队")
        let border = try #require(region.border("pinghu-jinshan"))
        #expect(border.name == "平湖—金山")
        #expect(border.between.map(\.rawValue) == ["330482", "310116"])
        // Seed 003: Pinghu and Jinshan share a 58 km boundary line.
        #expect(border.line.length > 50_000 && border.line.length < 65_000)
        #expect(region.jointZoneRule.width == 5_000)
        #expect(region.jointZoneRule.citation.confidence == .secondary)
        #expect(region.jointZoneRule.citation.article.contains("五公里"))
    }

    @Test func everyBorderCrossesAProvincialBoundaryBetweenNeighbours() throws {
        let region = try DemoRegion.region()
        for border in region.borders {
            #expect(border.between[0].provincePrefix != border.between[1].provincePrefix, "\(border.id)")
        }
        let wujiang = try JurisdictionCode.parse("320509")
        #expect(region.neighbours(of: wujiang).map(\.rawValue) == ["310118", "330411", "330421", "330483"])
        #expect(region.neighbours(of: try JurisdictionCode.parse("330482")).map(\.rawValue) == ["310116"])
        #expect(region.neighbours(of: try JurisdictionCode.parse("330424")).isEmpty)
    }

    @Test func borderVerticesAreVerticesOfBothOutlinesInOrder() throws {
        let raw = try DemoRegion.rawRegion()
        for id in DemoRegion.borderIDs {
            let border = try #require(raw.borders[id])
            for code in border.between {
                let ring = try #require(raw.rings[code])
                var edges = Set<[Double]>()
                for (a, b) in zip(ring, ring.dropFirst()) {
                    edges.insert([a.longitude, a.latitude, b.longitude, b.latitude])
                    edges.insert([b.longitude, b.latitude, a.longitude, a.latitude])
                }
                for (a, b) in zip(border.line, border.line.dropFirst()) {
                    #expect(edges.contains([a.longitude, a.latitude, b.longitude, b.latitude]), "\(id) edge \(a)–\(b) not on \(code)")
                }
            }
        }
    }

    @Test func neighboursShareIdenticalVerticesWithoutGaps() throws {
        let raw = try DemoRegion.rawRegion()
        var edgesOf: [String: Set<[Double]>] = [:]
        for (code, ring) in raw.rings {
            #expect(IndependentGeodesy.signedArea(ring) > 0, "\(code) exterior counter-clockwise (RFC 7946)")
            for (a, b) in zip(ring, ring.dropFirst()) {
                edgesOf[code, default: []].insert([a.longitude, a.latitude, b.longitude, b.latitude])
            }
        }
        // Just outside each edge (1 m to its right, the outside of a counter-clockwise ring) lies either no
        // jurisdiction or exactly one neighbour that has the same edge, walked the other way.
        var shared = 0
        let boxes = try raw.rings.mapValues { try #require(GeoBoundingBox($0)) }
        for (code, ring) in raw.rings {
            for (a, b) in zip(ring, ring.dropFirst()) where IndependentGeodesy.haversine(a, b) > 20 {
                let middle = GeoPoint(longitude: (a.longitude + b.longitude) / 2, latitude: (a.latitude + b.latitude) / 2)
                let outside = IndependentGeodesy.destination(middle, azimuth: IndependentGeodesy.bearing(a, b) + .pi / 2,
                                                             distance: 1)
                let owners = raw.rings.filter {
                    boxes[$0.key]!.contains(outside) && IndependentGeodesy.windingContains($0.value, outside)
                }.keys
                #expect(owners.count <= 1 && !owners.contains(code), "\(code) edge at \(middle)")
                if let neighbour = owners.first {
                    #expect(edgesOf[neighbour]!.contains([b.longitude, b.latitude, a.longitude, a.latitude]),
                            "\(code)/\(neighbour) edge at \(middle) is not shared vertex for vertex")
                    shared += 1
                }
            }
        }
        #expect(shared > 500)
    }

    @Test func pointsOnBordersBelongToExactlyOneOfTheTwoSides() throws {
        let region = try DemoRegion.region()
        for border in region.borders {
            let points = border.line.points
            for index in points.indices {
                let owners = region.jurisdictions.filter { $0.contains(points[index]) }.map(\.code)
                if index == 0 || index == points.count - 1 {
                    #expect(owners.count <= 1, "\(border.id) end vertex \(index)")
                } else {
                    #expect(owners.count == 1 && border.between.contains(owners[0]), "\(border.id) vertex \(index): \(owners)")
                }
                guard index > 0 else { continue }
                let middle = GeoPoint(longitude: (points[index - 1].longitude + points[index].longitude) / 2,
                                      latitude: (points[index - 1].latitude + points[index].latitude) / 2)
                let middleOwners = region.jurisdictions.filter { $0.contains(middle) }.map(\.code)
                #expect(middleOwners.count == 1 && border.between.contains(middleOwners[0]), "\(border.id) edge \(index)")
            }
        }
    }

    @Test func jurisdictionsDoNotOverlap() throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        let boxes = Dictionary(uniqueKeysWithValues: region.jurisdictions.map { ($0.code, $0.area.bounds!) })
        let rawBoxes = try raw.rings.mapValues { try #require(GeoBoundingBox($0)) }
        var samples = 0, covered = 0
        // A 0.0125° grid (about 1.2 × 1.4 km) over the whole region, offset so it rarely hits a vertex exactly.
        for column in 0..<96 {
            for row in 0..<88 {
                let point = GeoPoint(longitude: 120.28 + Double(column) * 0.0125 + 0.0037,
                                     latitude: 30.25 + Double(row) * 0.0125 + 0.0061)
                let owners = region.jurisdictions.filter { boxes[$0.code]!.contains(point) && $0.contains(point) }
                let independent = raw.rings.filter {
                    rawBoxes[$0.key]!.contains(point) && IndependentGeodesy.windingContains($0.value, point)
                }
                #expect(owners.count <= 1, "\(point) in \(owners.map(\.code))")
                #expect(owners.map(\.code.rawValue) == independent.keys.sorted(), "\(point)")
                samples += 1
                covered += owners.count
            }
        }
        // The eleven jurisdictions cover about 7,800 km² of the ~14,000 km² box.
        let share = Double(covered) / Double(samples)
        #expect(share > 0.5 && share < 0.62, "share \(share)")
    }

    @Test func everySiteLiesInItsDeclaredJurisdiction() throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        #expect(raw.sites.count == region.sites.count)
        for site in raw.sites {
            let ring = try #require(raw.rings[site.jurisdiction])
            #expect(IndependentGeodesy.windingContains(ring, site.point), "\(site.id)")
            #expect(region.locate(site.point).jurisdiction?.rawValue == site.jurisdiction, "\(site.id)")
        }
    }

    @Test func sitesOnARoadOrWaterwayLieOnItsLine() throws {
        let raw = try DemoRegion.rawRegion()
        for site in raw.sites {
            for reference in [site.road, site.waterway].compactMap({ $0 }) {
                let line = try #require(raw.lines[reference], "\(site.id) names \(reference)")
                #expect(IndependentGeodesy.distance(from: site.point, toLine: line) < 200, "\(site.id)")
            }
        }
    }

    @Test func theSitesTheSeedsNameAreThere() throws {
        let region = try DemoRegion.region()
        let station = try #require(region.site("pinghu-jinshan-joint-station"))
        #expect(station.type == .jointStation)
        #expect(station.road == "G228" && station.stake == "K3584+400")
        #expect(station.jurisdiction.rawValue == "330482")
        #expect(station.isIllustrative == false)
        #expect(region.locate(station.location).jointZone("pinghu-jinshan")?.side.rawValue == "330482")

        let hongqitang = try #require(region.site("hongqitang-checkpoint"))
        #expect(hongqitang.type == .checkpoint && hongqitang.waterway == "hangshen")
        #expect(hongqitang.jurisdiction.rawValue == "330421")
        let toShanghai = try #require(region.border("jiashan-qingpu")).line.distance(from: hongqitang.location)
        #expect(toShanghai > 1_000 && toShanghai <= 1_500, "1,500 m upstream of the entry into Shanghai: \(toShanghai)")

        let canal = try #require(region.site("siguqiao-checkpoint"))
        #expect(canal.type == .checkpoint && canal.waterway == "grand-canal")
        #expect(region.locate(canal.location).jointZone("xiuzhou-wujiang") != nil)

        let nanhu = try #require(region.site("nanhu-scenic-waters"))
        #expect(nanhu.type == .scenicWaters && nanhu.jurisdiction.rawValue == "330402")

        for road in ["G60", "G1503", "S32", "G320", "G228"] {
            #expect(region.sites.contains { $0.type == .wimStation && $0.road == road }, "overload station on \(road)")
            #expect(region.road(road) != nil)
        }
        let unloading = region.sites.filter { $0.type == .unloadingSite }
        #expect((3...5).contains(unloading.count))
        #expect(unloading.allSatisfy { $0.waterway != nil })
        #expect(region.waterway("grand-canal")?.name == "京杭运河")
        #expect(region.waterway("hangshen")?.name == "杭申线")
    }

    @Test func pointsOutsideTheRegionHaveNoJurisdictionOrZone() throws {
        let region = try DemoRegion.region()
        let outside = [
            GeoPoint(longitude: 120.16, latitude: 30.27),  // Hangzhou
            GeoPoint(longitude: 120.09, latitude: 30.89),  // Huzhou
            GeoPoint(longitude: 120.62, latitude: 31.32),  // Suzhou
            GeoPoint(longitude: 121.47, latitude: 31.23),  // central Shanghai
            GeoPoint(longitude: 120.98, latitude: 31.38),  // Kunshan
            GeoPoint(longitude: 121.45, latitude: 30.85),  // Fengxian
        ]
        for point in outside {
            let location = region.locate(point)
            #expect(location.jurisdiction == nil, "\(point)")
            #expect(location.jointZones.isEmpty)
        }
    }
}
