import Foundation
import Testing
import XiezhiCore
import XiezhiData

@Suite struct UnitPlannerTests {
    typealias F = DispatchFixtures

    static func region() throws -> Region {
        try Region(geoJSON: try Data(contentsOf: BundledData.demoRegion), jointZoneRule: try BundledData.rulesFile("joint-zone.json"))
    }

    @Test func theNearestEligibleUnitComesFirstWithItsTravelEstimate() throws {
        let rules = try DispatchRulesTests.bundled()
        let region = try Self.region()
        let scene = try #require(rules.scene(named: "dangerous_goods"))
        // A point inside Pinghu away from the border.
        let target = GeoPoint(longitude: 121.05, latitude: 30.70)
        let location = region.locate(target)
        #expect(location.jurisdiction == F.pinghu)
        let near = F.unit("near", kind: .patrolCar, at: target.offsetBy(east: 5_000, north: 0))
        let far = F.unit("far", at: target.offsetBy(east: 0, north: 8_000))
        let off = F.unit("off", status: .off, at: target)
        let busy = F.unit("busy", status: .busy, at: target)
        let boat = F.unit("boat", kind: .patrolBoat, at: target)
        let lost = F.unit("lost", at: nil)
        let foreign = F.unit("foreign", F.jinshan, at: target)
        let ranked = UnitPlanner.candidates(
            units: [far, off, busy, boat, lost, foreign, near], target: target, location: location, scene: scene, commandingAgency: F.pinghu, rules: rules)
        #expect(ranked.map(\.unit.id) == ["near", "far"])
        let first = try #require(ranked.first)
        // 5 km × 130 % at 50 km/h = 7.8 min.
        #expect(abs(first.distanceMetres - 5_000) < 1 && abs(first.etaMinutes - 7.8) < 0.01)
        #expect(!first.isPartner)
    }

    @Test func aPartnersUnitIsEligibleInsideTheJointZone() throws {
        let rules = try DispatchRulesTests.bundled()
        let region = try Self.region()
        let scene = try #require(rules.scene(named: "road_transport"))
        // The Pinghu–Jinshan joint station lies on the border: inside the joint zone of both.
        let station = GeoPoint(longitude: 121.248843, latitude: 30.697819)
        let location = region.locate(station)
        #expect(location.isInJointZone)
        let jinshanCar = F.unit("js-car", F.jinshan, kind: .patrolCar, at: station.offsetBy(east: 1_000, north: 0))
        let ranked = UnitPlanner.candidates(units: [jinshanCar], target: station, location: location, scene: scene, commandingAgency: F.pinghu, rules: rules)
        #expect(ranked.map(\.unit.id) == ["js-car"] && ranked.first?.isPartner == true)
        // Far inside Pinghu it is not.
        let inland = GeoPoint(longitude: 121.05, latitude: 30.70)
        #expect(UnitPlanner.candidates(units: [jinshanCar], target: inland, location: region.locate(inland), scene: scene, commandingAgency: F.pinghu, rules: rules).isEmpty)
    }
}
