import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: long-distance coaches from 02:00 to 05:00")
struct EarlyMorningTests {
    /// Fixes a minute apart on G60 from `start` (China time) for `count` minutes at `kmh`.
    static func track(_ start: Date, minutes count: Double, kmh: Double = 80) throws -> [VehiclePosition] {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 30_000, start: start)
        track.drive(from: 0, to: .minutes(count), kmh: kmh)
        return track.positions
    }

    static func clues(_ positions: [VehiclePosition], _ context: MonitoredVehicleContext = MonitoringFixtures.context(.coach)) throws -> [MonitoringClue] {
        try MonitoringFixtures.clues(.earlyMorningOperation, positions, context)
    }

    @Test("the window is read in China time: 01:59 and 05:00 are outside, 02:00 and 04:59:59 inside")
    func edges() throws {
        let cases: [(String, Double, Int)] = [
            ("2024-03-05 01:58:00", 1, 0),
            ("2024-03-05 01:59:00", 1, 1),
            ("2024-03-05 04:59:59", 0, 1),
            ("2024-03-05 05:00:00", 10, 0),
        ]
        for (start, length, expected) in cases {
            let clues = try Self.clues(try Self.track(MonitoringFixtures.china(start), minutes: length))
            #expect(clues.count == expected, "\(start)")
        }
        let clue = try #require(try Self.clues(try Self.track(MonitoringFixtures.china("2024-03-05 01:59:00"), minutes: 1)).first)
        #expect(clue.start == MonitoringFixtures.china("2024-03-05 02:00:00"))
        #expect(clue.citation.article == "第三十八条第（五）项")
        #expect(clue.factsZh.contains("02:00–05:00"))
        #expect(clue.evidence.count == 2)
    }

    @Test("02:00 UTC is 10:00 in China: a coach running then is not reported")
    func utcIsNotChina() throws {
        let twoUTC = Date(timeIntervalSince1970: 1_709_604_000) // 2024-03-05T02:00:00Z
        #expect(ChinaTime.format(twoUTC) == "2024-03-05 10:00")
        #expect(try Self.clues(try Self.track(twoUTC, minutes: 30)).isEmpty)
        // 18:00 UTC is 02:00 the next day in China.
        let eighteenUTC = Date(timeIntervalSince1970: 1_709_661_600) // 2024-03-05T18:00:00Z
        #expect(try Self.clues(try Self.track(eighteenUTC, minutes: 5)).count == 1)
    }

    @Test("one clue per night however long it runs; the next night is another")
    func onePerNight() throws {
        var positions = try Self.track(MonitoringFixtures.china("2024-03-05 02:10:00"), minutes: 120)
        positions += try Self.track(MonitoringFixtures.china("2024-03-06 03:00:00"), minutes: 10)
        let clues = try Self.clues(positions)
        #expect(clues.map(\.start) == [MonitoringFixtures.china("2024-03-05 02:10:00"), MonitoringFixtures.china("2024-03-06 03:00:00")])
    }

    @Test("a coach parked in the window, a truck, or an exempt route are not reported")
    func quiet() throws {
        let start = MonitoringFixtures.china("2024-03-05 02:30:00")
        #expect(try Self.clues(try Self.track(start, minutes: 30, kmh: 0)).isEmpty)
        #expect(try Self.clues(try Self.track(start, minutes: 30), MonitoringFixtures.context(.truck)).isEmpty)
        let g60 = try MonitoringFixtures.road("G60")
        let vehicle = MonitoringFixtures.key("浙F00001")
        for exemption in [EarlyMorningExemption.airportOrRailShuttle, .relayTransport] {
            let route = try ApprovedRoute(id: "R1", nameZh: "嘉兴—虹桥机场", vehicles: [vehicle], line: g60.line, earlyMorningExemption: exemption)
            #expect(try Self.clues(try Self.track(start, minutes: 30), MonitoringFixtures.context(.coach, route: route)).isEmpty)
        }
    }

    @Test("a short-haul exemption holds only for a route of at most 100 km")
    func shortHaul() throws {
        let start = MonitoringFixtures.china("2024-03-05 02:30:00")
        let g60 = try MonitoringFixtures.road("G60")
        let vehicle = MonitoringFixtures.key("浙F00001")
        let long = try ApprovedRoute(id: "R2", nameZh: "上海—杭州", vehicles: [vehicle], line: g60.line, earlyMorningExemption: .shortHaul)
        #expect(long.lengthKm > 100)
        #expect(try Self.clues(try Self.track(start, minutes: 10), MonitoringFixtures.context(.coach, route: long)).count == 1)
        let short = try ApprovedRoute(
            id: "R3", nameZh: "枫泾—嘉善", vehicles: [vehicle], line: GeoPolyline(points: Array(g60.line.points.prefix(6))),
            earlyMorningExemption: .shortHaul)
        #expect(short.lengthKm <= 100)
        #expect(try Self.clues(try Self.track(start, minutes: 10), MonitoringFixtures.context(.coach, route: short)).isEmpty)
    }

    @Test("ClockWindow: half-open, over midnight, occurrence start")
    func clockWindow() throws {
        let night = try #require(ClockWindow(startMinute: 22 * 60, endMinute: 6 * 60))
        #expect(night.crossesMidnight)
        #expect(night.contains(MonitoringFixtures.china("2024-03-05 22:00:00")))
        #expect(night.contains(MonitoringFixtures.china("2024-03-06 05:59:59")))
        #expect(!night.contains(MonitoringFixtures.china("2024-03-06 06:00:00")))
        #expect(!night.contains(MonitoringFixtures.china("2024-03-05 21:59:59")))
        #expect(night.occurrenceStart(containing: MonitoringFixtures.china("2024-03-06 03:00:00")) == MonitoringFixtures.china("2024-03-05 22:00:00"))
        #expect(night.occurrenceStart(containing: MonitoringFixtures.china("2024-03-05 23:00:00")) == MonitoringFixtures.china("2024-03-05 22:00:00"))
        #expect(night.occurrenceStart(containing: MonitoringFixtures.china("2024-03-05 12:00:00")) == nil)
        #expect(ClockWindow(startMinute: 120, endMinute: 120) == nil)
        #expect(ClockWindow(startMinute: 0, endMinute: 1440) == nil)
    }
}
