import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: the stream")
struct MonitorStreamTests {
    static let start = MonitoringFixtures.china("2024-03-05 14:00:00")

    /// A coach on G60 that speeds for 10 min, drives 4 h 30 min in all, and passes the Jiashan–Jinshan zone.
    static func busyTrack() throws -> [VehiclePosition] {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: start)
        track.drive(from: 0, to: .minutes(10), every: 30, kmh: 110)
        track.drive(from: .minutes(10) + 30, to: .hours(4.5), every: 30, kmh: 60)
        return track.positions
    }

    static func run(_ positions: [VehiclePosition], _ context: MonitoredVehicleContext = MonitoringFixtures.context(.coach)) throws -> [MonitoringClue] {
        var monitor = try MonitoringFixtures.monitor()
        return MonitoringFixtures.run(positions, context, on: &monitor)
    }

    @Test("the busy track gives one clue of each kind it violates")
    func busy() throws {
        let kinds = try Self.run(try Self.busyTrack()).map(\.kind)
        #expect(kinds.filter { $0 == .speeding }.count == 1)
        #expect(kinds.filter { $0 == .fatigueDriving }.count == 1)
        #expect(kinds.filter { $0 == .jointZoneEntry }.count >= 1)
    }

    @Test("duplicates and positions older than the latest are ignored: the clues are the same")
    func outOfOrder() throws {
        let clean = try Self.busyTrack()
        var noisy: [VehiclePosition] = []
        for (index, position) in clean.enumerated() {
            noisy.append(position)
            if index % 7 == 3 { noisy.append(position) }
            if index % 11 == 5, index >= 4 {
                var stale = clean[index - 4]
                stale.speedKmh = 150
                noisy.append(stale)
            }
            if index % 13 == 6 {
                var sameTime = position
                sameTime.speedKmh = 150
                sameTime.latitude += 0.01
                noisy.append(sameTime)
            }
        }
        #expect(noisy.count > clean.count + 100)
        #expect(try Self.run(noisy) == (try Self.run(clean)))
    }

    @Test("a long episode keeps at most 20 positions, the first and the worst among them")
    func boundedEvidence() throws {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 5_000, start: Self.start)
        track.drive(from: 0, to: .minutes(30), every: 5, kmh: 105)
        track.fix(at: .minutes(30) + 5, kmh: 130)
        track.drive(from: .minutes(30) + 10, to: .minutes(60), every: 5, kmh: 105)
        track.fix(at: .minutes(60) + 5, kmh: 50)
        #expect(track.positions.count > 700)
        let clue = try #require(try Self.run(track.positions).first { $0.kind == .speeding })
        #expect(clue.evidence.count == MonitoringClue.maximumEvidence)
        #expect(clue.evidence.first?.time == Self.start)
        #expect(clue.evidence.contains { $0.speedKmh == 130 })
        #expect(clue.evidence.last?.time == Self.start.addingTimeInterval(.minutes(60)))
        #expect(clue.evidence.map(\.time) == clue.evidence.map(\.time).sorted())
        #expect(clue.measurements.first?.value == 130)
    }

    @Test("vehicles are kept apart; forget drops one")
    func vehicles() throws {
        var monitor = try MonitoringFixtures.monitor()
        let a = MonitoringFixtures.context(.coach, plate: "浙F00001")
        let b = MonitoringFixtures.context(.hazmat, plate: "沪A00002")
        var trackA = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.start)
        trackA.drive(from: 0, to: .minutes(3), every: 15, kmh: 110)
        var trackB = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.start, subject: "vehicle:沪A00002:yellow")
        trackB.drive(from: 0, to: .minutes(3), every: 15, kmh: 90)
        for (pa, pb) in zip(trackA.positions, trackB.positions) {
            _ = monitor.observe(pa, vehicle: a)
            _ = monitor.observe(pb, vehicle: b)
        }
        #expect(monitor.vehicles == [a.vehicle, b.vehicle].sorted())
        #expect(monitor.lastPosition(of: b.vehicle) == trackB.positions.last)
        monitor.forget(a.vehicle)
        #expect(monitor.vehicles == [b.vehicle])
        #expect(monitor.sweep(now: Self.start.addingTimeInterval(.hours(1))).map(\.kind) == [.signalLost])
    }

    @Test("a position with an impossible coordinate or speed is ignored")
    func invalid() throws {
        var monitor = try MonitoringFixtures.monitor()
        let context = MonitoringFixtures.context(.coach)
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 20_000, start: Self.start)
        track.drive(from: 0, to: 60, every: 15, kmh: 60)
        var bad = track.positions
        bad[1].latitude = 95
        bad[2].speedKmh = .nan
        bad[3].speedKmh = -5
        _ = MonitoringFixtures.run(bad, context, on: &monitor)
        #expect(monitor.lastPosition(of: context.vehicle) == track.positions[4])
    }

    @Test("a clue round-trips through JSON and has a stable id")
    func codable() throws {
        let clues = try Self.run(try Self.busyTrack())
        #expect(!clues.isEmpty)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let decoded = try decoder.decode([MonitoringClue].self, from: try encoder.encode(clues))
        #expect(decoded == clues)
        let speeding = try #require(clues.first { $0.kind == .speeding })
        #expect(speeding.id == "speeding:vehicle:浙F00001:yellow:\(Int(Self.start.timeIntervalSince1970))")
        #expect(MonitoringClueKind.allCases.map(\.chineseName) == [
            "超速", "疲劳驾驶", "凌晨2-5时违规运行", "偏离批准线路", "无电子运单运输危险货物", "进入毗邻联合执法区域", "信号中断/离线",
        ])
    }

    @Test("measurements print for documents", arguments: [
        (ClueMeasurement(nameZh: "车速", value: 112, limit: 100, unit: .kilometresPerHour, citation: Citation(law: "l", article: "a")),
         "车速 112 km/h（限值 100 km/h）"),
        (ClueMeasurement(nameZh: "车速", value: 80.46, limit: 80, unit: .kilometresPerHour, citation: Citation(law: "l", article: "a")),
         "车速 80.5 km/h（限值 80 km/h）"),
        (ClueMeasurement(nameZh: "连续驾驶时长", value: 15_120, limit: 14_400, unit: .seconds, citation: Citation(law: "l", article: "a")),
         "连续驾驶时长 4小时12分（限值 4小时）"),
        (ClueMeasurement(nameZh: "离线时长", value: 630, limit: 600, unit: .seconds, citation: Citation(law: "l", article: "a")),
         "离线时长 10分30秒（限值 10分）"),
        (ClueMeasurement(nameZh: "最远偏离距离", value: 1_234.4, limit: 500, unit: .metres, citation: Citation(law: "l", article: "a")),
         "最远偏离距离 1234米（限值 500米）"),
    ])
    func printing(measurement: ClueMeasurement, text: String) {
        #expect(measurement.description == text)
    }
}
