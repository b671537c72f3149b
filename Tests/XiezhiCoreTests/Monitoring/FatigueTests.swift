import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: fatigue driving")
struct FatigueTests {
    /// 08:00 China time.
    static let morning = MonitoringFixtures.china("2024-03-05 08:00:00")

    /// A track on G60 at 60 km/h with a fix a minute, starting at `start`.
    static func track(start: Date = morning) throws -> SyntheticTrack {
        SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 5_000, start: start)
    }

    static func fatigue(_ track: SyntheticTrack, _ kind: MonitoredVehicleKind = .coach) throws -> [MonitoringClue] {
        try MonitoringFixtures.clues(.fatigueDriving, track.positions, MonitoringFixtures.context(kind))
    }

    @Test("4 h of continuous driving by day is allowed; the first fix beyond is one clue citing Art. 62(7)")
    func continuousDay() throws {
        var exact = try Self.track()
        exact.drive(from: 0, to: .hours(4), kmh: 60)
        exact.still(from: .hours(4) + 60, to: .hours(5))
        #expect(try Self.fatigue(exact).isEmpty)

        var over = try Self.track()
        over.drive(from: 0, to: .hours(4) + .minutes(30), kmh: 60)
        let clues = try Self.fatigue(over)
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.start == Self.morning)
        #expect(clue.end == Self.morning.addingTimeInterval(.hours(4) + 60))
        let measurement = try #require(clue.measurements.first)
        #expect(measurement.value == .hours(4) + 60 && measurement.limit == .hours(4))
        #expect(measurement.description == "连续驾驶时长 4小时1分（限值 4小时）")
        #expect(clue.citation == Citation(law: "中华人民共和国道路交通安全法实施条例", article: "第六十二条第（七）项", confidence: .text))
        #expect(clue.evidence.count <= MonitoringClue.maximumEvidence)
        #expect(clue.evidence.first?.time == Self.morning)
        #expect(clue.evidence.last?.time == clue.end)
    }

    @Test("a 19-minute stop does not reset continuous driving, a 20-minute stop does", arguments: [(19.0, 1), (20.0, 0)])
    func rest(stopMinutes: Double, expected: Int) throws {
        // Driving 0–180 min; still fixes until the first moving fix `stopMinutes` after the last moving one; then
        // 70 min more (4 h 10 min from the start in all with the stop, 3 h + 70 min of driving).
        var track = try Self.track()
        track.drive(from: 0, to: .minutes(180), kmh: 60)
        track.still(from: .minutes(181), to: .minutes(180 + stopMinutes - 1))
        track.drive(from: .minutes(180 + stopMinutes), to: .minutes(180 + stopMinutes + 70), kmh: 60)
        let clues = try Self.fatigue(track)
        #expect(clues.count == expected)
        if let clue = clues.first {
            #expect(clue.start == Self.morning)
            // The short stop is in the evidence: the last moving fix before it and the first after it.
            let times = clue.evidence.map { $0.time.timeIntervalSince(Self.morning) }
            #expect(times.contains(.minutes(180)) && times.contains(.minutes(199)))
        }
    }

    @Test("a terminal silent for 25 min at the same place is a rest; silent while the vehicle moved on is not")
    func silentStop() throws {
        var parked = try Self.track()
        parked.drive(from: 0, to: .minutes(180), kmh: 60)
        parked.fix(at: .minutes(205), kmh: 0)
        parked.drive(from: .minutes(206), to: .minutes(300), kmh: 60)
        #expect(try Self.fatigue(parked).isEmpty)

        var moving = try Self.track()
        moving.drive(from: 0, to: .minutes(180), kmh: 60)
        moving.fix(at: .minutes(205), kmh: 60)
        moving.drive(from: .minutes(206), to: .minutes(300), kmh: 60)
        #expect(try Self.fatigue(moving).count == 1)
    }

    @Test("at night 2 h is the limit, cited to the dynamic-supervision measures")
    func continuousNight() throws {
        let night = MonitoringFixtures.china("2024-03-05 22:30:00")
        var exact = try Self.track(start: night)
        exact.drive(from: 0, to: .hours(2), kmh: 60)
        exact.still(from: .hours(2) + 60, to: .hours(3))
        #expect(try Self.fatigue(exact).isEmpty)

        var over = try Self.track(start: night)
        over.drive(from: 0, to: .hours(2) + .minutes(5), kmh: 60)
        let clue = try #require(try Self.fatigue(over).first)
        #expect(clue.measurements.first?.limit == .hours(2))
        #expect(clue.measurements.first?.nameZh == "夜间连续驾驶时长")
        #expect(clue.citation.confidence == .secondary)
        #expect(clue.citation.law.hasPrefix("道路运输车辆动态监督管理办法"))
    }

    @Test("a span that runs into the night is held to 2 h from 22:00 on")
    func intoTheNight() throws {
        var track = try Self.track(start: MonitoringFixtures.china("2024-03-05 20:30:00"))
        track.drive(from: 0, to: .hours(2) + .minutes(5), kmh: 60)
        let clue = try #require(try Self.fatigue(track).first)
        #expect(clue.end == MonitoringFixtures.china("2024-03-05 22:31:00"))
        #expect(clue.measurements.first?.value == .hours(2) + 60)
    }

    /// Three spans of `first`, `second` and `third` minutes with 30-minute rests between them.
    static func threeSpans(_ first: Double, _ second: Double, _ third: Double) throws -> SyntheticTrack {
        var track = try Self.track()
        var start = 0.0
        for (index, length) in [first, second, third].enumerated() {
            track.drive(from: .minutes(start), to: .minutes(start + length), kmh: 60)
            if index < 2 {
                track.still(from: .minutes(start + length + 1), to: .minutes(start + length + 29))
            }
            start += length + 30
        }
        return track
    }

    @Test("8 h in 24 h is allowed; the first fix beyond is one clue with every span as evidence")
    func dailyTotal() throws {
        #expect(try Self.fatigue(try Self.threeSpans(230, 230, 20)).isEmpty)
        let clues = try Self.fatigue(try Self.threeSpans(230, 230, 40))
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.measurements.first?.nameZh == "24小时内累计驾驶时长")
        #expect(clue.measurements.first?.value == .hours(8) + 60)
        #expect(clue.measurements.first?.limit == .hours(8))
        #expect(clue.start == Self.morning)
        #expect(clue.end == Self.morning.addingTimeInterval(.minutes(230 + 30 + 230 + 30 + 21)))
        #expect(clue.evidence.contains { $0.time == Self.morning.addingTimeInterval(.minutes(230)) })
        #expect(clue.evidence.contains { $0.time == Self.morning.addingTimeInterval(.minutes(260)) })
        #expect(clue.evidence.count <= MonitoringClue.maximumEvidence)
    }

    @Test("driving older than the 24 h window no longer counts")
    func windowSlides() throws {
        var track = try Self.track()
        track.drive(from: 0, to: .minutes(230), kmh: 60)
        track.still(from: .minutes(231), to: .minutes(259))
        track.drive(from: .minutes(260), to: .minutes(490), kmh: 60)
        track.still(from: .minutes(491), to: .hours(24) + .minutes(29))
        track.drive(from: .hours(24) + .minutes(30), to: .hours(24) + .minutes(90), kmh: 60)
        #expect(try Self.fatigue(track).isEmpty)
    }

    @Test("fatigue is not checked for a taxi (the table's appliesTo)")
    func notApplicable() throws {
        var track = try Self.track()
        track.drive(from: 0, to: .hours(5), kmh: 60)
        #expect(try Self.fatigue(track, .taxi).isEmpty)
        #expect(try Self.fatigue(track, .hazmat).count == 1)
    }
}
