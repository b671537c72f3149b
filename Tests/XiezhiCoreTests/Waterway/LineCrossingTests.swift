import Foundation
import Testing
import XiezhiCore

@Suite("Checkpoint line crossing with interpolation")
struct LineCrossingTests {
    /// A 100 m line across a north-flowing channel: right bank east, left bank west.
    let origin = GeoPoint(longitude: 120.97, latitude: 30.96)
    var line: CheckpointLine { CheckpointLine(rightBank: origin.offsetBy(east: 50, north: 0), leftBank: origin.offsetBy(east: -50, north: 0)) }
    let rules = CrossingRules(
        windowSeconds: 180, nearMetres: 150, maxInterpolationGapSeconds: 600, settleSeconds: 120,
        citation: Citation(law: "测试", article: "测试", confidence: .unverified))
    let t0 = WaterwayFixtures.morning

    func at(_ east: Double, _ north: Double, _ seconds: Double, mmsi: Int = 413000001, course: Double? = nil) -> VesselPosition {
        WaterwayFixtures.position(mmsi, origin.offsetBy(east: east, north: north), t0.addingTimeInterval(seconds), course: course)
    }

    @Test("two positions on both sides give the crossing time interpolated at the line, forward when going north")
    func interpolatedForward() throws {
        let crossings = line.crossings(of: [at(0, -30, 0), at(0, 10, 40)], around: t0.addingTimeInterval(25), rules: rules)
        let crossing = try #require(crossings.first)
        #expect(crossings.count == 1)
        #expect(crossing.kind == .crossed)
        #expect(abs(crossing.time.timeIntervalSince(t0) - 30) < 0.05)
        #expect(abs(crossing.offsetSeconds - 5) < 0.05)
        #expect(crossing.direction == .forward)
        #expect(crossing.distanceMetres == 0)
        #expect(line.direction(from: origin.offsetBy(east: 0, north: -1), to: origin.offsetBy(east: 0, north: 1)) == .forward)
    }

    @Test("going south is reverse; positions given out of order are sorted first")
    func reverse() throws {
        let crossing = try #require(line.crossings(of: [at(20, -60, 60), at(20, 60, 0)], around: t0.addingTimeInterval(30), rules: rules).first)
        #expect(crossing.direction == .reverse)
        #expect(abs(crossing.time.timeIntervalSince(t0) - 30) < 0.05)
    }

    @Test("a track passing beyond the line's end but within the near distance counts as crossing the extended line")
    func extendedEnd() throws {
        let crossing = try #require(line.crossings(of: [at(190, -20, 0), at(190, 20, 20)], around: t0, rules: rules).first)
        #expect(crossing.kind == .crossed)
        let none = line.crossings(of: [at(201, -20, 0), at(201, 20, 20)], around: t0, rules: rules)
        #expect(none.first?.kind == .near || none.isEmpty)
        let far = line.crossings(of: [at(205, -20, 0), at(205, 20, 20)], around: t0, rules: rules)
        #expect(far.isEmpty, "155 m from the line's end")
    }

    @Test("positions more than the interpolation gap apart are not joined; a lone position within the near distance is a near pass")
    func gapAndNear() throws {
        let gap = line.crossings(of: [at(0, -400, 0), at(0, 400, 601)], around: t0.addingTimeInterval(300), rules: rules)
        #expect(gap.isEmpty)
        let near = try #require(line.crossings(of: [at(0, -120, 0, course: 0)], around: t0, rules: rules).first)
        #expect(near.kind == .near)
        #expect(abs(near.distanceMetres - 120) < 0.5)
        #expect(near.direction == .forward)
    }

    @Test("a track that approaches and turns back gives a near pass at the closest approach, interpolated")
    func closestApproach() throws {
        // y = −100 + 0.2x from x = −300 to 300: closest to the right-bank end (50, 0), 90/√1.04 m away, at x ≈ 67.3.
        let crossings = line.crossings(of: [at(-300, -160, 0), at(300, -40, 60)], around: t0, rules: rules)
        let near = try #require(crossings.first)
        #expect(near.kind == .near)
        #expect(abs(near.distanceMetres - 90 / 1.04.squareRoot()) < 0.5)
        #expect(abs(near.time.timeIntervalSince(t0) - 60 * (300 + 67.3) / 600) < 0.5)
    }

    @Test("crossings outside ± the window are dropped; one result per MMSI, the crossing nearest in time")
    func window() {
        let positions = [
            at(0, -30, 0), at(0, 30, 20),
            at(0, 30, 400), at(0, -30, 420),
            at(5, -30, 1000, mmsi: 413000002), at(5, 30, 1020, mmsi: 413000002),
        ]
        let crossings = line.crossings(of: positions, around: t0.addingTimeInterval(230), rules: rules)
        #expect(crossings.map(\.mmsi.value) == ["413000001"])
        #expect(crossings.first?.direction == .reverse)
        // Crossing at 10 s; the positions themselves are 200 m off the line, beyond the near distance.
        let exactEdge = line.crossings(of: [at(0, -200, 0), at(0, 200, 20)], around: t0.addingTimeInterval(190), rules: rules)
        #expect(exactEdge.count == 1)
        let pastEdge = line.crossings(of: [at(0, -200, 0), at(0, 200, 20)], around: t0.addingTimeInterval(190.01), rules: rules)
        #expect(pastEdge.isEmpty)
    }
}
