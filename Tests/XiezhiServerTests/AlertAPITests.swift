import Foundation
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Stored JT/T 808 positions → the vehicle-monitoring rules → alerts → a case (or a dismissal); a filed waybill
/// keeps a tanker out of the queue.
@Suite struct AlertAPITests {
    static let start = Date(timeIntervalSince1970: 1_767_574_800)  // 2026-01-05T01:00:00Z, 09:00 in China

    /// A 40-minute drive at about 50 km/h along the first stretch of a demo road that lies in `jurisdiction`.
    static func drive(_ node: Node, subject: String, phone: String, in jurisdiction: JurisdictionCode) throws -> [VehiclePosition] {
        let region = node.rules.current.region
        var points: [GeoPoint] = []
        for road in region.roads {
            let inside = road.line.points.filter { region.locate($0).jurisdiction == jurisdiction }
            if inside.count >= 2 { points = inside; break }
        }
        let line = GeoPolyline(points: try #require(points.count >= 2 ? points : nil))
        let metresPerFix = 50_000.0 / 3600 * 30
        return (0..<80).map { index in
            let point = Self.point(on: line, atDistance: min(Double(index) * metresPerFix, line.length))
            let time = start.addingTimeInterval(Double(index) * 30)
            return VehiclePosition(subject: subject, terminal: phone, time: time, longitude: point.longitude, latitude: point.latitude, speedKmh: 50,
                                   heading: 90, altitude: 5, alarmBits: 0, statusBits: 0x3, receivedAt: time)
        }
    }

    /// The point `distance` metres along `line` (linear within a segment).
    static func point(on line: GeoPolyline, atDistance distance: Double) -> GeoPoint {
        var remaining = distance
        for (a, b) in zip(line.points, line.points.dropFirst()) {
            let length = GeoPolyline(points: [a, b]).length
            if remaining <= length, length > 0 {
                let f = remaining / length
                return GeoPoint(longitude: a.longitude + (b.longitude - a.longitude) * f, latitude: a.latitude + (b.latitude - a.latitude) * f)
            }
            remaining -= length
        }
        return line.points.last!
    }

    static func register(_ node: Node, plate: String, phone: String) throws -> TerminalRegistration {
        let registration = TerminalRegistration(
            phone: phone, vehicle: try VehicleKey(plate: plate, color: .yellow), kind: .hazmat, carrier: try UnifiedSocialCreditCode("91330482MA2B3C4D1J"),
            authenticationCode: "C0DE\(phone.suffix(4))")
        try TerminalStore(database: node.database, signingKey: node.key).register(registration, jurisdiction: TestNode.pinghu, by: "test", at: start)
        return registration
    }

    @Test func aTankerWithoutAWaybillRaisesAnAlertThatBecomesACase() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(3600))
        let tanker = try Self.register(test.node, plate: "浙F12345", phone: "13900000001")
        let positions = try Self.drive(test.node, subject: "vehicle:浙F12345:yellow", phone: tanker.phone, in: TestNode.pinghu)
        let raised = await test.node.vehicleMonitoring.observe(positions, terminal: tanker)
        #expect(raised.map(\.kind).contains("hazmat_without_waybill"), "\(raised.map(\.kind))")
        // Fed again (a replayed batch): nothing new.
        #expect(await test.node.vehicleMonitoring.observe(positions, terminal: tanker).isEmpty)
        try await test.withClient { client in
            let list = try await client.call(.get, "/api/v1/alerts?status=open&kind=hazmat_without_waybill", token: test.token(.commander))
            let items = try #require(list.json["items"] as? [[String: Any]])
            #expect(items.count == 1, "\(list.text)")
            let alert = try #require(items.first?["alert"] as? [String: Any])
            let id = try #require(alert["id"] as? String)
            #expect(alert["kind_name"] as? String == "无电子运单运输危险货物")
            let clue = try #require(items.first?["clue"] as? [String: Any])
            #expect(!((clue["evidence"] as? [Any]) ?? []).isEmpty)
            // Jinshan does not see Pinghu's alert.
            let foreign = try await client.call(.get, "/api/v1/alerts/\(id)", token: test.token(.commander, TestNode.jinshan))
            #expect(foreign.status == .notFound)
            // An officer opens a case from it: clue stage, the violation, the facts with the article.
            let opened = try await client.call(.post, "/api/v1/alerts/\(id)/case", token: test.token(.officer))
            #expect(opened.status == .created, "\(opened.text)")
            let record = try #require(opened.json["record"] as? [String: Any])
            #expect(record["stage"] as? String == "clue" && record["violation_kind"] as? String == "hazmat_no_waybill")
            #expect((record["facts"] as? String)?.contains("危险货物道路运输安全管理办法") == true, "\(record["facts"] ?? "")")
            let again = try await client.call(.post, "/api/v1/alerts/\(id)/case", token: test.token(.officer))
            #expect(again.status == .conflict && again.json["code"] as? String == "alert_not_open")
            let after = try await client.call(.get, "/api/v1/alerts/\(id)", token: test.token(.officer))
            #expect((after.json["alert"] as? [String: Any])?["status"] as? String == "case_opened")
            #expect((after.json["alert"] as? [String: Any])?["case_id"] as? String == record["id"] as? String)
            // A commander may dismiss, not open cases.
            #expect(try await client.call(.post, "/api/v1/alerts/\(id)/case", token: test.token(.commander)).status == .forbidden)
        }
    }

    @Test func aFiledWaybillKeepsTheTankerQuiet() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start)
        let tanker = try Self.register(test.node, plate: "浙F54321", phone: "13900000002")
        try await test.withClient { client in
            let filed = try await client.call(.post, "/api/v1/waybills", token: test.token(.caseHandler), json: [
                "id": "YD-2026-0001", "vehicle": ["plate": "浙F54321", "color": "yellow"], "goods_name": "汽油", "un_number": "1203", "goods_class": "3", "origin": "嘉兴港区",
                "destination": "平湖加油站", "valid_from": "2026-01-05T00:00:00Z", "valid_to": "2026-01-05T12:00:00Z", "carrier": "91330482MA2B3C4D1J"])
            #expect(filed.status == .created, "\(filed.text)")
            let listed = try await client.call(.get, "/api/v1/waybills?plate=%E6%B5%99F54321", token: test.token(.officer))
            #expect((listed.json["items"] as? [Any])?.count == 1, "\(listed.text)")
            let duplicate = try await client.call(.post, "/api/v1/waybills", token: test.token(.caseHandler), json: [
                "id": "YD-2026-0001", "vehicle": ["plate": "浙F54321", "color": "yellow"], "goods_name": "汽油", "un_number": "1203", "goods_class": "3", "origin": "嘉兴港区",
                "destination": "平湖加油站", "valid_from": "2026-01-05T00:00:00Z", "valid_to": "2026-01-05T12:00:00Z", "carrier": "91330482MA2B3C4D1J"])
            #expect(duplicate.status == .conflict)
        }
        let positions = try Self.drive(test.node, subject: "vehicle:浙F54321:yellow", phone: tanker.phone, in: TestNode.pinghu)
        let raised = await test.node.vehicleMonitoring.observe(positions, terminal: tanker)
        #expect(!raised.map(\.kind).contains("hazmat_without_waybill"), "\(raised.map(\.kind))")
    }

    @Test func dismissingNeedsAReason() async throws {
        let test = try TestNode()
        test.clock.pin(Self.start.addingTimeInterval(3600))
        let tanker = try Self.register(test.node, plate: "浙F12345", phone: "13900000003")
        let raised = await test.node.vehicleMonitoring.observe(try Self.drive(test.node, subject: "vehicle:浙F12345:yellow", phone: tanker.phone, in: TestNode.pinghu), terminal: tanker)
        let id = try #require(raised.first?.id)
        try await test.withClient { client in
            let blank = try await client.call(.post, "/api/v1/alerts/\(id)/dismiss", token: test.token(.commander), json: ["reason": " "])
            #expect(blank.status == .badRequest)
            let dismissed = try await client.call(.post, "/api/v1/alerts/\(id)/dismiss", token: test.token(.commander), json: ["reason": "运单系统延迟，已核实有效运单"])
            #expect((dismissed.json["alert"] as? [String: Any])?["status"] as? String == "dismissed", "\(dismissed.text)")
        }
    }
}
