import Foundation
import Testing
import XiezhiCore

@Suite("Vehicle monitoring: terminal silent while moving")
struct SignalLostTests {
    static let start = MonitoringFixtures.china("2024-03-05 10:00:00")

    static func monitor(lastKmh: Double, kind: MonitoredVehicleKind = .coach) throws -> (VehicleMonitor, Date) {
        var track = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 60_000, start: start)
        track.drive(from: 0, to: .minutes(10), kmh: 70)
        track.fix(at: .minutes(11), kmh: lastKmh)
        var monitor = try MonitoringFixtures.monitor()
        _ = MonitoringFixtures.run(track.positions, MonitoringFixtures.context(kind), on: &monitor)
        return (monitor, start.addingTimeInterval(.minutes(11)))
    }

    @Test("silent for exactly 10 min is quiet; longer is one clue, not repeated by later sweeps")
    func silence() throws {
        var (monitor, last) = try Self.monitor(lastKmh: 70)
        #expect(monitor.sweep(now: last.addingTimeInterval(.minutes(10))).isEmpty)
        let clues = monitor.sweep(now: last.addingTimeInterval(.minutes(10) + 1))
        let clue = try #require(clues.first)
        #expect(clues.count == 1)
        #expect(clue.kind == .signalLost)
        #expect(clue.start == last)
        #expect(clue.end == last.addingTimeInterval(.minutes(10) + 1))
        #expect(clue.measurements.first?.value == .minutes(10) + 1)
        #expect(clue.measurements.first?.limit == .minutes(10))
        #expect(clue.citation.article == "第三十七条")
        #expect(clue.evidence.last?.time == last)
        #expect(clue.evidence.count == 5)
        #expect(clue.location.jurisdiction != nil)
        #expect(monitor.sweep(now: last.addingTimeInterval(.hours(2))).isEmpty)
    }

    @Test("a new position ends the silence; the next silence is a new clue")
    func rearm() throws {
        var (monitor, last) = try Self.monitor(lastKmh: 70)
        #expect(monitor.sweep(now: last.addingTimeInterval(.minutes(15))).count == 1)
        var again = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 80_000, start: last.addingTimeInterval(.minutes(20)))
        again.drive(from: 0, to: .minutes(2), kmh: 70)
        let context = MonitoringFixtures.context(.coach)
        _ = MonitoringFixtures.run(again.positions, context, on: &monitor)
        let back = last.addingTimeInterval(.minutes(22))
        #expect(monitor.sweep(now: back.addingTimeInterval(.minutes(5))).isEmpty)
        #expect(monitor.sweep(now: back.addingTimeInterval(.minutes(11))).count == 1)
    }

    @Test("a vehicle last seen standing still, or a bus, is not reported")
    func quiet() throws {
        var (parked, last) = try Self.monitor(lastKmh: 0)
        #expect(parked.sweep(now: last.addingTimeInterval(.hours(3))).isEmpty)
        var (bus, busLast) = try Self.monitor(lastKmh: 70, kind: .bus)
        #expect(bus.sweep(now: busLast.addingTimeInterval(.hours(3))).isEmpty)
    }

    @Test("silence is measured by receive time: a late batch upload shows the terminal alive")
    func receiveTime() throws {
        var (monitor, last) = try Self.monitor(lastKmh: 70)
        // An old fix (already passed) arrives 9 minutes later: ignored for the rules, but the terminal is alive.
        var old = SyntheticTrack(road: try MonitoringFixtures.road("G60"), startMetres: 60_000, start: Self.start)
        old.fix(at: .minutes(5), kmh: 70, receivedDelay: .minutes(15))
        #expect(monitor.observe(old.positions[0], vehicle: MonitoringFixtures.context(.coach)).isEmpty)
        #expect(monitor.sweep(now: last.addingTimeInterval(.minutes(15))).isEmpty)
        #expect(monitor.sweep(now: last.addingTimeInterval(.minutes(20))).count == 1)
    }
}
