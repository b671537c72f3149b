import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: speeding")
struct SpeedingTests {
    /// 14:00 China time: day.
    static let afternoon = MonitoringFixtures.china("2024-03-05 14:00:00")
    /// 23:00 China time: night (22:00–06:00).
    static let lateEvening = MonitoringFixtures.china("2024-03-05 23:00:00")

    /// Fixes every 15 s at one speed on `road` for `seconds`, starting 20 km along it, then one fix at 50 km/h that
    /// ends any episode.
    static func track(_ road: String, kmh: Double, seconds: TimeInterval, start: Date = afternoon) throws -> [VehiclePosition] {
        var track = SyntheticTrack(road: try MonitoringFixtures.road(road), startMetres: 20_000, start: start)
        track.drive(from: 0, to: seconds, every: 15, kmh: kmh)
        track.fix(at: seconds + 15, kmh: 50)
        return track.positions
    }

    @Test("on an expressway by day: exactly at the limit is quiet, just over for 60 s is one clue", arguments: [
        (MonitoredVehicleKind.coach, 100.0, 300.0, 0),
        (.coach, 100.5, 300.0, 1),
        (.coach, 100.5, 45.0, 0),
        (.coach, 100.5, 60.0, 1),
        (.hazmat, 101.0, 120.0, 1),
        (.taxi, 110.0, 300.0, 0),
        (.taxi, 121.0, 120.0, 1),
    ])
    func expressway(kind: MonitoredVehicleKind, kmh: Double, seconds: TimeInterval, expected: Int) throws {
        let clues = try MonitoringFixtures.clues(.speeding, try Self.track("G60", kmh: kmh, seconds: seconds), MonitoringFixtures.context(kind))
        #expect(clues.count == expected)
    }

    @Test("the clue carries the worst speed against the limit, the road, Art. 78 and the proving positions")
    func clueContents() throws {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.afternoon)
        track.drive(from: 0, to: 60, every: 15, kmh: 105)
        track.drive(from: 75, to: 90, every: 15, kmh: 112)
        track.drive(from: 105, to: 600, every: 15, kmh: 104)
        track.drive(from: 615, to: 700, every: 15, kmh: 90)
        let context = MonitoringFixtures.context(.coach)
        let clues = try MonitoringFixtures.clues(.speeding, track.positions, context)
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.subject == .vehicle(context.vehicle))
        #expect(clue.vehicleKind == .coach)
        #expect(clue.road == "G60")
        #expect(clue.start == Self.afternoon)
        #expect(clue.end == Self.afternoon.addingTimeInterval(600))
        let measurement = try #require(clue.measurements.first)
        #expect(measurement.value == 112 && measurement.limit == 100 && measurement.unit == .kilometresPerHour)
        #expect(measurement.description == "车速 112 km/h（限值 100 km/h）")
        #expect(clue.citation.article == "第七十八条第二款")
        #expect(clue.evidence.first?.time == Self.afternoon)
        #expect(clue.evidence.contains { $0.speedKmh == 112 })
        #expect(clue.evidence.allSatisfy { $0.speedKmh > 100 })
        #expect(clue.location.jurisdiction != nil)
        #expect(clue.location.point == clue.evidence.first { $0.speedKmh == 112 }.map { GeoPoint(longitude: $0.longitude, latitude: $0.latitude) })
        #expect(clue.factsZh.contains("G60沪昆高速"))
        #expect(clue.factsZh.contains("最高车速112 km/h"))
    }

    @Test("a coach at night is held to 80 % of the day limit; a truck is not")
    func night() throws {
        let cases: [(MonitoredVehicleKind, Double, Date, Int)] = [
            (.coach, 80, Self.lateEvening, 0),
            (.coach, 80.5, Self.lateEvening, 1),
            (.coach, 95, Self.afternoon, 0),
            (.truck, 95, Self.lateEvening, 0),
            (.coach, 81, MonitoringFixtures.china("2024-03-06 05:50:00"), 1),
            (.coach, 81, MonitoringFixtures.china("2024-03-06 06:00:00"), 0),
            (.coach, 81, MonitoringFixtures.china("2024-03-05 21:55:00"), 0),
        ]
        for (kind, kmh, start, expected) in cases {
            let clues = try MonitoringFixtures.clues(
                .speeding, try Self.track("G60", kmh: kmh, seconds: 120, start: start), MonitoringFixtures.context(kind))
            #expect(clues.count == expected, "\(kind) \(kmh) at \(ChinaTime.format(start))")
            if let clue = clues.first {
                #expect(clue.measurements.first?.limit == 80)
                #expect(clue.citation == (try MonitoringFixtures.rules()).nightSpeed.citation)
                #expect(clue.factsZh.contains("日间限速100 km/h的80%"))
            }
        }
    }

    @Test("on an ordinary national road the Art. 45 limit applies")
    func ordinaryRoad() throws {
        let quiet = try MonitoringFixtures.clues(.speeding, try Self.track("G228", kmh: 70, seconds: 300), MonitoringFixtures.context(.truck))
        #expect(quiet.isEmpty)
        let clues = try MonitoringFixtures.clues(.speeding, try Self.track("G228", kmh: 75, seconds: 300), MonitoringFixtures.context(.truck))
        #expect(clues.count == 1)
        #expect(clues.first?.road == "G228")
        #expect(clues.first?.measurements.first?.limit == 70)
        #expect(clues.first?.citation.article == "第四十五条第（二）项")
    }

    @Test("one clue per episode: a run over the limit is one clue, a second run after slowing down another")
    func episodes() throws {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.afternoon)
        track.drive(from: 0, to: 900, every: 15, kmh: 110)
        track.drive(from: 915, to: 960, every: 15, kmh: 100)
        track.drive(from: 975, to: 1200, every: 15, kmh: 110)
        var monitor = try MonitoringFixtures.monitor()
        let context = MonitoringFixtures.context(.coach)
        let clues = MonitoringFixtures.run(track.positions, context, on: &monitor).filter { $0.kind == .speeding }
        #expect(clues.map(\.start) == [Self.afternoon])
        #expect(clues.first?.end == Self.afternoon.addingTimeInterval(900))
        // The second run is still open when the positions stop; a sweep after the silence ends it.
        let lastHeard = Self.afternoon.addingTimeInterval(1200)
        #expect(monitor.sweep(now: lastHeard.addingTimeInterval(.minutes(10))).isEmpty)
        let swept = monitor.sweep(now: lastHeard.addingTimeInterval(.minutes(10) + 1)).filter { $0.kind == .speeding }
        #expect(swept.map(\.start) == [Self.afternoon.addingTimeInterval(975)])
        #expect(swept.first?.end == lastHeard)
        #expect(monitor.sweep(now: lastHeard.addingTimeInterval(.minutes(30))).filter { $0.kind == .speeding }.isEmpty)
    }

    @Test("a silence longer than the signal-loss time splits an episode; each part must last 60 s on its own")
    func silenceSplits() throws {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.afternoon)
        track.drive(from: 0, to: 45, every: 15, kmh: 110)
        track.drive(from: 45 + .minutes(11), to: 90 + .minutes(11), every: 15, kmh: 110)
        track.fix(at: 105 + .minutes(11), kmh: 50)
        #expect(try MonitoringFixtures.clues(.speeding, track.positions, MonitoringFixtures.context(.coach)).isEmpty)
    }

    @Test("off the mapped roads no limit is known and nothing is reported")
    func offRoad() throws {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.afternoon)
        let away = GeoPoint(longitude: 120.60, latitude: 30.90)
        #expect(try MonitoringFixtures.region().roads.allSatisfy { $0.line.distance(from: away) > 10_000 })
        for second in stride(from: 0.0, through: 300, by: 15) {
            track.fix(at: second, kmh: 130, at: away.offsetBy(east: second * 36, north: 0))
        }
        #expect(try MonitoringFixtures.clues(.speeding, track.positions, MonitoringFixtures.context(.coach)).isEmpty)
    }
}
