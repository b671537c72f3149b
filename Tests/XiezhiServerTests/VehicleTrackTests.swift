import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Terminal registration and positions: stored durably, latest kept, track served as GeoJSON.
@Suite struct VehicleTrackTests {
    @Test func positionsMakeATrack() async throws {
        let test = try TestNode()
        let store = TerminalStore(database: test.node.database, signingKey: test.node.key)
        let vehicle = try VehicleKey(plate: "浙F·D1234", color: .yellow)
        try store.register(
            TerminalRegistration(phone: try TerminalRegistration.normalisedPhone("013912345678"), vehicle: vehicle, kind: .hazmat, carrier: nil, authenticationCode: "AB12CD34"),
            jurisdiction: TestNode.pinghu, by: "test", at: Date())
        #expect(try store.terminal(phone: "13912345678")?.vehicle == vehicle)
        #expect(try store.terminal(phone: "99") == nil)
        let start = Date(timeIntervalSince1970: 1_767_225_600)
        let subject = SubjectKey.vehicle(vehicle).stringValue
        let positions = (0..<10).map { index in
            VehiclePosition(
                subject: subject, terminal: "13912345678", time: start.addingTimeInterval(Double(index) * 30), longitude: 121.0 + Double(index) * 0.001,
                latitude: 30.7, speedKmh: 60, heading: 90, altitude: 5, alarmBits: 0, statusBits: 3, receivedAt: start)
        }
        try store.store(positions.reversed())
        let latest = try await test.node.database.writer.read { db in try String.fetchOne(db, sql: "SELECT time FROM vehicle_latest WHERE subject = ?", arguments: [subject]) }
        #expect(latest == Timestamp.format(start.addingTimeInterval(270)), "the latest position is the newest, whatever the arrival order")
        try await test.withClient { client in
            let reply = try await client.call(.get, "/api/v1/vehicles/浙FD1234/track?from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!, token: test.token(.commander))
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.headers[.contentType] == "application/geo+json")
            let features = reply.json["features"] as? [[String: Any]] ?? []
            #expect(features.count == 11)
            let line = (features.first?["geometry"] as? [String: Any])?["coordinates"] as? [[Double]]
            #expect(line?.count == 10)
            #expect(line?.first == [121.0, 30.7])
            let bad = try await client.call(.get, "/api/v1/vehicles/%E6%B5%99FI234/track", token: test.token(.commander))
            #expect(bad.problemCode == "invalid_plate")
        }
    }

    @Test func terminalPhonesAreNormalised() throws {
        #expect(try TerminalRegistration.normalisedPhone("000013912345678") == "13912345678")
        #expect(throws: DomainError.self) { try TerminalRegistration.normalisedPhone("1391234567a") }
        #expect(throws: DomainError.self) { try TerminalRegistration.normalisedPhone(String(repeating: "1", count: 21)) }
    }
}
