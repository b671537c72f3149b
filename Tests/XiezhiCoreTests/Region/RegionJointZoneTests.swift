import Foundation
import Testing
import XiezhiCore

@Suite("Demo region: joint zones")
struct RegionJointZoneTests {
    static let steps: [Double] = [1_000, 4_900, 5_100]

    /// A point on the border and, for each side, the points 1, 4.9 and 5.1 km away perpendicular to the border.
    struct Probe {
        /// Metres along the border from its first position.
        var along: Double
        var anchor: GeoPoint
        /// side jurisdiction code → the stepped points, in `steps` order.
        var points: [String: [GeoPoint]]
    }

    /// The jurisdiction on the left of the border's direction, from the raw outline: a ring that is
    /// counter-clockwise has its inside on its left, so it is on the border's left when it walks the border the
    /// same way.
    static func leftSide(of id: String, raw: RawRegion) throws -> String {
        let border = try #require(raw.borders[id])
        let (a, b) = (border.line[0], border.line[1])
        let ring = try #require(raw.rings[border.between[0]])
        let index = try #require(ring.firstIndex(of: a))
        let sameDirection = ring[(index + 1) % (ring.count - 1)] == b
        let counterClockwise = IndependentGeodesy.signedArea(ring) > 0
        return sameDirection == counterClockwise ? border.between[0] : border.between[1]
    }

    /// The point `distance` metres along `line` (linear in lon/lat within each edge).
    static func point(along distance: Double, of line: [GeoPoint], cumulative: [Double]) -> GeoPoint {
        let clamped = min(max(distance, 0), cumulative.last!)
        let edge = min(cumulative.lastIndex { $0 <= clamped } ?? 0, line.count - 2)
        let length = cumulative[edge + 1] - cumulative[edge]
        let t = length > 0 ? (clamped - cumulative[edge]) / length : 0
        let (a, b) = (line[edge], line[edge + 1])
        return GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * t,
                        latitude: a.latitude + (b.latitude - a.latitude) * t)
    }

    /// The point on the ray from `anchor` along `azimuth` where the distance to `line` first reaches `target`
    /// (within 0.5 m), starting the search `from` metres out. Distance to a line grows at most as fast as one
    /// walks, so stepping by the remaining shortfall never jumps past the first crossing.
    static func step(from anchor: GeoPoint, azimuth: Double, to target: Double, of line: [GeoPoint],
                     startingAt start: Double) -> (point: GeoPoint, walked: Double)? {
        var walked = start
        for _ in 0..<400 {
            let point = IndependentGeodesy.destination(anchor, azimuth: azimuth, distance: walked)
            let shortfall = target - IndependentGeodesy.distance(from: point, toLine: line)
            if shortfall < 0.5 { return shortfall > -0.5 ? (point, walked) : nil }
            walked += shortfall
        }
        return nil
    }

    /// A point on the border as near its middle as possible from which one can step 1, 4.9 and 5.1 km away from
    /// the border on both sides (along the perpendicular to the border's general direction there, the chord
    /// from 4 km before to 4 km after the anchor) and land, per the independent oracle, in the expected
    /// jurisdiction and at least 10 m from the edge of every zone.
    ///
    /// Real borders wiggle by hundreds of metres, so a point 5.1 km straight out from a border point is usually
    /// nearer than 5 km to some bend: the steps are therefore measured as distance from the border (walking out
    /// along the perpendicular until the independent distance reaches 1, 4.9 and 5.1 km). Anchors are tried
    /// every 250 m in the middle half of the border.
    static func probe(_ id: String, raw: RawRegion) throws -> Probe? {
        let border = try #require(raw.borders[id])
        let line = border.line
        let left = try leftSide(of: id, raw: raw)
        let right = border.between.first { $0 != left }!
        var cumulative = [0.0]
        for (a, b) in zip(line, line.dropFirst()) { cumulative.append(cumulative.last! + IndependentGeodesy.haversine(a, b)) }
        let total = cumulative.last!
        let offsets = stride(from: 0.0, through: total / 4, by: 250).flatMap { [total / 2 + $0, total / 2 - $0] }
        for along in offsets {
            let anchor = point(along: along, of: line, cumulative: cumulative)
            let bearing = IndependentGeodesy.bearing(point(along: along - 4_000, of: line, cumulative: cumulative),
                                                     point(along: along + 4_000, of: line, cumulative: cumulative))
            var points: [String: [GeoPoint]] = [:]
            var clean = true
            for (side, turn) in [(left, -Double.pi / 2), (right, Double.pi / 2)] where clean {
                let ring = try #require(raw.rings[side])
                var walked = 0.0
                var stepped: [GeoPoint] = []
                for target in steps where clean {
                    guard let found = step(from: anchor, azimuth: bearing + turn, to: target, of: line, startingAt: walked) else {
                        clean = false
                        break
                    }
                    walked = found.walked
                    stepped.append(found.point)
                    let unambiguous = raw.borders.values.allSatisfy {
                        abs(IndependentGeodesy.distance(from: found.point, toLine: $0.line) - 5_000) > 10
                    }
                    clean = unambiguous && IndependentGeodesy.windingContains(ring, found.point)
                }
                points[side] = stepped
            }
            if clean { return Probe(along: along, anchor: anchor, points: points) }
        }
        return nil
    }

    @Test(arguments: DemoRegion.borderIDs)
    func steppingAcrossTheBorderGivesTheSideAndTheZone(borderID: String) throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        let border = try #require(region.border(borderID))
        let probe = try #require(try Self.probe(borderID, raw: raw), "no clean probe edge in the middle of \(borderID)")
        for (side, points) in probe.points {
            for (index, point) in points.enumerated() {
                let step = Self.steps[index]
                let location = region.locate(point)
                #expect(location.jurisdiction?.rawValue == side, "\(borderID) \(step) m towards \(side)")
                let reference = IndependentGeodesy.distance(from: point, toLine: raw.borders[borderID]!.line)
                #expect(abs(reference - step) < 0.5)
                let membership = location.jointZone(borderID)
                if step < 5_000 {
                    let zone = try #require(membership, "\(borderID) \(step) m towards \(side) should be in the zone")
                    #expect(zone.side.rawValue == side)
                    #expect(zone.between == border.between)
                    #expect(zone.otherSide.rawValue != side)
                    #expect(abs(zone.distance - reference) <= 0.001 * reference, "\(zone.distance) vs \(reference)")
                } else {
                    #expect(membership == nil, "\(borderID) \(step) m towards \(side) is outside its zone")
                }
                // Every zone the point is in, and only those: other borders of this side within 5 km.
                let expected = raw.borders.filter { $0.value.between.contains(side) }
                    .filter { IndependentGeodesy.distance(from: point, toLine: $0.value.line) <= 5_000 }
                    .keys.sorted()
                #expect(location.jointZones.map(\.border).sorted() == expected, "\(borderID) \(step) m towards \(side)")
                for zone in location.jointZones {
                    let otherReference = IndependentGeodesy.distance(from: point, toLine: raw.borders[zone.border]!.line)
                    #expect(abs(zone.distance - otherReference) <= 0.001 * otherReference)
                    #expect(zone.side.rawValue == side)
                }
            }
        }
    }

    @Test func zonesAreSortedNearestFirstNearATriplePoint() throws {
        let region = try DemoRegion.region()
        // The Jiashan–Qingpu–Wujiang corner: a Jiashan point near it is in both Jiashan zones.
        let corner = try #require(region.border("jiashan-qingpu")?.line.points.first)
        let point = corner.offsetBy(east: 800, north: -1_500)
        let location = region.locate(point)
        #expect(location.jurisdiction?.rawValue == "330421")
        #expect(Set(location.jointZones.map(\.border)) == ["jiashan-qingpu", "jiashan-wujiang"])
        #expect(location.jointZones.map(\.distance) == location.jointZones.map(\.distance).sorted())
        #expect(location.isInJointZone)
    }

    @Test func groundOfAThirdJurisdictionNearABorderEndIsNotInThatZone() throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        let border = try #require(raw.borders["jiashan-wujiang"])
        // Find Xiuzhou ground within 5 km of the Jiashan–Wujiang border (one of its ends meets Xiuzhou).
        var found = false
        for end in [border.line.first!, border.line.last!] {
        for step in 0..<36 {
            let point = IndependentGeodesy.destination(end, azimuth: Double(step) * .pi / 18, distance: 2_000)
            guard region.locate(point).jurisdiction?.rawValue == "330411" else { continue }
            found = true
            #expect(region.locate(point).jointZone("jiashan-wujiang") == nil)
            #expect(region.locate(point).jointZone("xiuzhou-wujiang") != nil)
        }
        }
        #expect(found)
    }

    @Test func theWidthIsReadFromTheRuleFile() throws {
        let region = try DemoRegion.region()
        let station = try #require(region.site("pinghu-jinshan-joint-station"))
        let distance = try #require(region.locate(station.location).jointZone("pinghu-jinshan")).distance
        func rule(width: Double) -> Data {
            Data("""
            {"width_m": \(width), "citation": {"law": "测试", "article": "第一条", "confidence": "unverified"}}
            """.utf8)
        }
        let bytes = try DemoRegion.bytes.get()
        let narrow = try Region(geoJSON: bytes, jointZoneRule: rule(width: distance / 2))
        #expect(narrow.locate(station.location).jointZone("pinghu-jinshan") == nil)
        let wide = try Region(geoJSON: bytes, jointZoneRule: rule(width: distance * 2))
        #expect(wide.locate(station.location).jointZone("pinghu-jinshan") != nil)
        #expect(wide.jointZoneRule.citation.confidence == .unverified)
    }

    @Test func borderDistancesMatchHaversineAcrossTheRegion() throws {
        let region = try DemoRegion.region()
        let raw = try DemoRegion.rawRegion()
        var compared = 0
        for column in 0..<24 {
            for row in 0..<22 {
                let point = GeoPoint(longitude: 120.30 + Double(column) * 0.05, latitude: 30.27 + Double(row) * 0.05)
                for border in region.borders {
                    let reference = IndependentGeodesy.distance(from: point, toLine: raw.borders[border.id]!.line)
                    guard reference < 20_000 else { continue }
                    let measured = border.line.distance(from: point)
                    #expect(abs(measured - reference) <= max(0.001 * reference, 0.05), "\(border.id) \(point)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
    }
}
