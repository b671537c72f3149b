import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: entering a joint enforcement zone")
struct JointZoneEntryTests {
    static let start = MonitoringFixtures.china("2024-03-05 10:00:00")

    /// Fixes a minute apart on G228 at the given distances from its Shanghai end (metres; the demo region puts the
    /// Pinghu–Jinshan zone between about 16.5 and 28 km, the border near 23 km).
    static func track(_ metres: [Double]) throws -> [VehiclePosition] {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G228"), start: start)
        for (index, distance) in metres.enumerated() {
            track.fix(at: .minutes(Double(index)), kmh: 60, at: track.point(at: distance))
        }
        return track.positions
    }

    /// From `from` to `to` metres in 1 km steps.
    static func drive(_ from: Double, _ to: Double) -> [Double] {
        Array(stride(from: from, through: to, by: from < to ? 1_000 : -1_000))
    }

    static func clues(_ positions: [VehiclePosition], home: JurisdictionCode?, kind: MonitoredVehicleKind = .hazmat) throws -> [MonitoringClue] {
        try MonitoringFixtures.clues(.jointZoneEntry, positions, MonitoringFixtures.context(kind, home: home))
    }

    @Test("a Pinghu tanker heading for Jinshan: one notice to Jinshan, crossing the border inside the zone is the same visit")
    func pinghuToJinshan() throws {
        let positions = try Self.track(Self.drive(40_000, 10_000))
        let region = try MonitoringFixtures.region()
        #expect(positions.contains { region.locate(GeoPoint(longitude: $0.longitude, latitude: $0.latitude)).jurisdiction == MonitoringFixtures.jinshan })
        let clues = try Self.clues(positions, home: MonitoringFixtures.pinghu)
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.border == "pinghu-jinshan")
        #expect(clue.notify == MonitoringFixtures.jinshan)
        #expect(clue.jurisdiction == MonitoringFixtures.pinghu)
        #expect(clue.location.jointZone("pinghu-jinshan")?.side == MonitoringFixtures.pinghu)
        #expect(!clue.kind.isViolation)
        let measurement = try #require(clue.measurements.first)
        #expect(measurement.value <= 5_000 && measurement.limit == 5_000)
        #expect(clue.citation.confidence == .secondary)
        #expect(clue.factsZh.contains("平湖—金山"))
        #expect(clue.factsZh.contains("通报金山区"))
        #expect(clue.evidence.count == 2)
    }

    @Test("who is told: the other side from the home, the other province for a third jurisdiction", arguments: [
        (Optional("310116"), "330482"), (Optional("330482"), "310116"), (Optional("330402"), "310116"), (Optional("320509"), "330482"),
        (nil, "330482"),
    ])
    func whoIsTold(home: String?, notified: String) throws {
        // Westbound from Shanghai: the vehicle enters the zone on Jinshan's side.
        let positions = try Self.track(Self.drive(10_000, 40_000))
        let clue = try #require(try Self.clues(positions, home: home.flatMap(JurisdictionCode.init(rawValue:))).first)
        #expect(clue.jurisdiction == MonitoringFixtures.jinshan)
        #expect(clue.notify?.rawValue == notified)
    }

    @Test("leaving and coming back within 30 min is not told again; after 30 min it is")
    func reentry() throws {
        // In at 27 km, out to 31 km, back in: 4 min outside.
        let quick = try Self.track(Self.drive(31_000, 27_000) + Self.drive(28_000, 31_000) + Self.drive(30_000, 20_000))
        #expect(try Self.clues(quick, home: MonitoringFixtures.pinghu).count == 1)
        // The same with 31 min waiting outside.
        let outside = Array(repeating: 31_000.0, count: 31)
        let slow = try Self.track(Self.drive(31_000, 27_000) + Self.drive(28_000, 31_000) + outside + Self.drive(30_000, 20_000))
        #expect(try Self.clues(slow, home: MonitoringFixtures.pinghu).count == 2)
    }

    @Test("driving away from every border tells no one")
    func noZone() throws {
        let positions = try Self.track(Self.drive(40_000, 90_000))
        #expect(try Self.clues(positions, home: MonitoringFixtures.pinghu).isEmpty)
    }
}
