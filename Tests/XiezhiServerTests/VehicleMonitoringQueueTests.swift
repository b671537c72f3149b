import Foundation
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// The monitoring rules off the acknowledgement path: committed positions are queued (``VehicleMonitoring/enqueue(_:)``
/// never waits), spread over shards by vehicle, and still reach the rules in commit order; a sweep runs after what was
/// queued before it.
@Suite struct VehicleMonitoringQueueTests {
    @Test func queuedPositionsReachTheRulesInOrderBeforeASweep() async throws {
        let test = try TestNode()
        test.clock.pin(AlertAPITests.start.addingTimeInterval(3600))
        let monitoring = VehicleMonitoring(
            database: test.node.database, key: test.node.key, rules: test.node.rules, logger: test.node.logger, now: test.node.now, shardCount: 3)
        let plates = ["浙F12345", "浙F22345", "浙F32345", "浙F42345"]
        var tankers: [(TerminalRegistration, [VehiclePosition])] = []
        for (index, plate) in plates.enumerated() {
            let tanker = try AlertAPITests.register(test.node, plate: plate, phone: "1390000000\(index)")
            let subject = SubjectKey.vehicle(tanker.vehicle).stringValue
            tankers.append((tanker, try AlertAPITests.drive(test.node, subject: subject, phone: tanker.phone, in: TestNode.pinghu)))
        }
        // Reports of 8 positions, the vehicles interleaved as a group commit hands them over.
        for start in stride(from: 0, to: 80, by: 8) {
            monitoring.enqueue(tankers.map { tanker, positions in CommittedPositions(positions: Array(positions[start..<start + 8]), terminal: tanker) })
        }
        _ = await monitoring.sweep()
        let alerts = try AlertStore(database: test.node.database, signingKey: nil).list(for: nil, status: nil, kind: nil, since: nil, limit: 100, offset: 0).items
        // The same drives fed whole, in order, to another node: the episodes must start at the same fixes.
        let reference = try TestNode()
        reference.clock.pin(AlertAPITests.start.addingTimeInterval(3600))
        for (tanker, positions) in tankers {
            let subject = SubjectKey.vehicle(tanker.vehicle).stringValue
            _ = try AlertAPITests.register(reference.node, plate: tanker.vehicle.plate.value, phone: tanker.phone)
            let expected = await reference.node.vehicleMonitoring.observe(positions, terminal: tanker)
            // The episodes start where the in-order run starts them: every position was taken, in order, once.
            let raised = alerts.filter { $0.subject == subject }
            let fromPositions = raised.filter { $0.kind != "signal_lost" }.map { "\($0.kind) \($0.occurredAt)" }.sorted()
            #expect(fromPositions == expected.map { "\($0.kind) \($0.occurredAt)" }.sorted(), "\(subject)")
            #expect(fromPositions.contains { $0.hasPrefix("hazmat_without_waybill") })
            // The sweep came after the last queued position: the silence is counted from the drive's last fix.
            #expect(raised.filter { $0.kind == "signal_lost" }.map(\.occurredAt) == [try #require(positions.last).time], "\(subject)")
            // Fed again: the monitor has already seen them all (older or equal fix times are ignored).
            #expect(await monitoring.observe(positions, terminal: tanker).isEmpty)
        }
    }
}
