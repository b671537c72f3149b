import Foundation
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// The command centre end to end in-process: an alert from the vehicle rules, units registered, the best unit
/// suggested, the order dispatched, accepted, evidence attached, the violation reported (→ a case from the alert),
/// closed; escalation of an order nobody accepts; the live feed, the figures and the yearly report.
@Suite struct DispatchAPITests {
    /// A Pinghu tanker without a waybill raises alerts; returns the test node and the alert ids.
    static func alerts() async throws -> (TestNode, [String]) {
        let test = try TestNode()
        test.clock.pin(AlertAPITests.start.addingTimeInterval(3600))
        let tanker = try AlertAPITests.register(test.node, plate: "浙F12345", phone: "13900000001")
        let positions = try AlertAPITests.drive(test.node, subject: "vehicle:浙F12345:yellow", phone: tanker.phone, in: TestNode.pinghu)
        let raised = await test.node.vehicleMonitoring.observe(positions, terminal: tanker)
        let hazmat = raised.filter { $0.kind == "hazmat_without_waybill" }
        #expect(!hazmat.isEmpty, "\(raised.map(\.kind))")
        return (test, hazmat.map(\.id))
    }

    @Test func anAlertIsDispatchedWorkedReportedAndClosed() async throws {
        let (test, ids) = try await Self.alerts()
        let alertID = try #require(ids.first)
        let alert = try #require(try AlertStore(database: test.node.database, signingKey: nil).alert(id: alertID))
        let here = GeoPoint(longitude: alert.longitude, latitude: alert.latitude)
        let officer = test.account(.officer)
        try await test.withClient { client in
            let commander = test.token(.commander)
            // Units: a team 3 km away, a patrol car 10 km away, a boat (wrong kind), and an officer may not register units.
            for (id, kind, east) in [("ph-team", "team", 3_000.0), ("ph-car", "patrol_car", 10_000.0), ("ph-boat", "patrol_boat", 500.0)] {
                let point = here.offsetBy(east: east, north: 0)
                let saved = try await client.call(.post, "/api/v1/units", token: commander, json: [
                    "id": id, "name": "平湖\(id)", "kind": kind, "members": [officer.username], "position": [point.longitude, point.latitude],
                ])
                #expect(saved.status == .created, "\(saved.text)")
            }
            #expect(try await client.call(.post, "/api/v1/units", token: test.token(.officer), json: ["id": "x", "name": "x", "kind": "team"]).status == .forbidden)
            let stranger = try await client.call(.post, "/api/v1/units", token: commander, json: ["id": "y", "name": "y", "kind": "team", "members": ["310116-officer"]])
            #expect(stranger.status == .badRequest && stranger.problemCode == "invalid_member")

            // Suggestions: the team first (3 km × 130 % at 40 km/h ≈ 6 min), then the car; not the boat.
            let suggested = try await client.call(.get, "/api/v1/dispatch/suggest?alert=\(alertID)", token: commander)
            let candidates = try #require(suggested.json["items"] as? [[String: Any]])
            #expect(candidates.map { $0["unit_id"] as? String } == ["ph-team", "ph-car"], "\(suggested.text)")
            #expect(candidates.first?["eta_minutes"] as? Int == 6)

            // Dispatch to the best unit; twice is refused.
            let created = try await client.call(.post, "/api/v1/dispatch", token: commander, json: ["alert_id": alertID])
            #expect(created.status == .created, "\(created.text)")
            let order = try #require(created.json["order"] as? [String: Any])
            let orderID = try #require(order["id"] as? String)
            #expect(order["unit_id"] as? String == "ph-team" && order["state"] as? String == "dispatched")
            #expect((created.json["checklists"] as? [[String: Any]])?.count == 2, "dangerous goods: vehicle and company checks")
            let twice = try await client.call(.post, "/api/v1/dispatch", token: commander, json: ["alert_id": alertID, "unit_id": "ph-car"])
            #expect(twice.status == .conflict && twice.problemCode == "already_dispatched")

            // The officer's phone: the order is there; Jinshan cannot see it; a case handler cannot accept it.
            let mine = try await client.call(.get, "/api/v1/dispatch/mine", token: test.token(.officer))
            #expect((mine.json["items"] as? [[String: Any]])?.count == 1)
            #expect(try await client.call(.post, "/api/v1/dispatch/\(orderID)/accept", token: test.token(.officer, TestNode.jinshan), json: [:]).status == .notFound)
            #expect(try await client.call(.post, "/api/v1/dispatch/\(orderID)/accept", token: test.token(.caseHandler), json: [:]).status == .forbidden)
            let accepted = try await client.call(.post, "/api/v1/dispatch/\(orderID)/accept", token: test.token(.officer), json: [:])
            #expect((accepted.json["order"] as? [String: Any])?["state"] as? String == "accepted", "\(accepted.text)")
            #expect(try UnitStore(database: test.node.database, signingKey: nil).unit(id: "ph-team")?.status == .busy)
            #expect(try await client.call(.post, "/api/v1/dispatch/\(orderID)/arrive", token: test.token(.officer), json: [:]).status == .ok)

            // Evidence: a photo hashed by the node, a note.
            let photo = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46])
            let added = try await client.call(.post, "/api/v1/dispatch/\(orderID)/evidence", token: test.token(.officer), json: [
                "kind": "photo", "name": "现场.jpg", "media_type": "image/jpeg", "content_base64": photo.base64EncodedString(),
            ])
            #expect(added.status == .created, "\(added.text)")
            let evidence = try #require((added.json["items"] as? [[String: Any]])?.first)
            #expect(evidence["sha256"] as? String == SHA256Hex.of(photo))
            let bytes = try await client.call(.get, "/api/v1/dispatch/\(orderID)/evidence/\(evidence["id"] as? Int ?? 0)", token: test.token(.officer))
            #expect(bytes.body == photo && bytes.headers[.contentType] == "image/jpeg")
            let badPhoto = try await client.call(.post, "/api/v1/dispatch/\(orderID)/evidence", token: test.token(.officer), json: ["kind": "photo", "content_base64": "@@"])
            #expect(badPhoto.status == .badRequest && badPhoto.problemCode == "invalid_photo")

            // Report: violation confirmed → a case opened from the alert, in the clue stage.
            let noResult = try await client.call(.post, "/api/v1/dispatch/\(orderID)/report", token: test.token(.officer), json: ["note": "x"])
            #expect(noResult.status == .badRequest && noResult.problemCode == "result_required")
            let reported = try await client.call(.post, "/api/v1/dispatch/\(orderID)/report", token: test.token(.officer), json: [
                "result": "violation_confirmed", "note": "驾驶员无法出示电子运单",
            ])
            let reportedOrder = try #require(reported.json["order"] as? [String: Any])
            #expect(reportedOrder["state"] as? String == "reported", "\(reported.text)")
            let caseID = try #require(reportedOrder["case_id"] as? String)
            let after = try #require(try AlertStore(database: test.node.database, signingKey: nil).alert(id: alertID))
            #expect(after.status == .caseOpened && after.caseID == caseID)
            #expect(try CaseStore(database: test.node.database, signingKey: nil).fetch(id: caseID)?.stage == .clue)

            // The officer cannot close; the commander does; the unit is free again.
            #expect(try await client.call(.post, "/api/v1/dispatch/\(orderID)/close", token: test.token(.officer), json: [:]).status == .forbidden)
            let closed = try await client.call(.post, "/api/v1/dispatch/\(orderID)/close", token: commander, json: ["note": "办结"])
            #expect((closed.json["order"] as? [String: Any])?["state"] as? String == "closed", "\(closed.text)")
            #expect(try UnitStore(database: test.node.database, signingKey: nil).unit(id: "ph-team")?.status == .onDuty)
            let history = try #require((closed.json["order"] as? [String: Any])?["history"] as? [[String: Any]])
            #expect(history.map { $0["action"] as? String } == ["dispatch", "accept", "arrive", "report", "close"])
            let audited = try await test.node.database.writer.read { db in
                try String.fetchAll(db, sql: "SELECT action FROM audit_log WHERE entity_type = 'dispatch_order' ORDER BY seq")
            }
            #expect(audited == ["dispatch.dispatch", "dispatch.accept", "dispatch.arrive", "dispatch.evidence", "dispatch.report", "dispatch.close"])

            // The clue case itself can be dispatched (a unit sent to the place of the act), once at a time.
            let both = try await client.call(.post, "/api/v1/dispatch", token: commander, json: ["alert_id": alertID, "case_id": caseID])
            #expect(both.status == .badRequest && both.problemCode == "target_required")
            let fromCase = try await client.call(.post, "/api/v1/dispatch", token: commander, json: ["case_id": caseID])
            #expect(fromCase.status == .created, "\(fromCase.text)")
            let caseOrder = try #require(fromCase.json["order"] as? [String: Any])
            #expect(caseOrder["case_id"] as? String == caseID && caseOrder["alert_id"] == nil && caseOrder["scene"] as? String == "dangerous_goods")
            #expect(try await client.call(.post, "/api/v1/dispatch", token: commander, json: ["case_id": caseID]).problemCode == "already_dispatched")
            #expect(try await client.call(.post, "/api/v1/dispatch/\(caseOrder["id"] as? String ?? "")/cancel", token: commander, json: ["reason": "已由办案人员处理"]).status == .ok)

            // The live feed (one snapshot) carries the order, the alert and the figures.
            let feed = try await client.call(.get, "/api/v1/events?once=true", token: commander)
            #expect(feed.headers[.contentType]?.hasPrefix("text/event-stream") == true)
            #expect(feed.text.contains("event: order") && feed.text.contains("event: alert") && feed.text.contains("event: figures"), "\(feed.text.prefix(300))")
            #expect(feed.text.contains(orderID))
            let figures = try await client.call(.get, "/api/v1/command/figures", token: commander)
            #expect(figures.json["orders_active"] as? Int == 0 && figures.json["units_on_duty"] as? Int == 3, "\(figures.text)")
            #expect((figures.json["open_cases"] as? Int ?? 0) >= 1)
            let report = try await client.call(.get, "/api/v1/reports/yearly?from=2026-01-01&to=2026-12-31", token: commander)
            #expect(report.status == .ok, "\(report.text)")
            #expect((report.json["figures"] as? [String: Any])?["large_fine_yuan"] as? Int == 10_000)
            #expect(try await client.call(.get, "/api/v1/reports/yearly?from=2026-13-01", token: commander).status == .badRequest)
        }
    }

    @Test func anOrderNobodyAcceptsEscalatesAndRoutineAlertsAreDispatchedByRule() async throws {
        let (test, ids) = try await Self.alerts()
        let alertID = try #require(ids.first)
        let alert = try #require(try AlertStore(database: test.node.database, signingKey: nil).alert(id: alertID))
        let here = GeoPoint(longitude: alert.longitude, latitude: alert.latitude)
        let officer = test.account(.officer)
        try UnitStore(database: test.node.database, signingKey: nil).save(
            EnforcementUnit(id: "ph-team", jurisdiction: TestNode.pinghu, name: "平湖一组", kind: .team, members: [officer.id], position: here.offsetBy(east: 2_000, north: 0)),
            by: "test", at: test.node.now())
        // hazmat_without_waybill is a routine kind (dispatch.json): the sweep dispatches it by itself.
        #expect(alert.kind == "hazmat_without_waybill")
        let service = DispatchService(node: test.node)
        let first = service.sweep()
        #expect(first.dispatched >= 1 && first.escalated == 0)
        let order = try #require(try DispatchStore(database: test.node.database, signingKey: nil).orders(for: TestNode.pinghu, activeOnly: true, limit: 10).first { $0.alertID == alertID })
        #expect(order.byRule && order.createdBy == "system")
        // Ten minutes pass: not yet; one more: escalated, once.
        test.clock.pin(test.node.now().addingTimeInterval(600))
        #expect(service.sweep().escalated == 0)
        test.clock.pin(test.node.now().addingTimeInterval(60))
        #expect(service.sweep().escalated >= 1)
        #expect(service.sweep().escalated == 0)
        try await test.withClient { client in
            let seen = try await client.call(.get, "/api/v1/dispatch/\(order.id)", token: test.token(.commander))
            #expect(seen.json["overdue"] as? Bool == true, "\(seen.text)")
            // The commander withdraws it with a reason; then the alert can be dispatched again.
            #expect(try await client.call(.post, "/api/v1/dispatch/\(order.id)/cancel", token: test.token(.commander), json: ["reason": ""]).status == .unprocessableContent)
            let cancelled = try await client.call(.post, "/api/v1/dispatch/\(order.id)/cancel", token: test.token(.commander), json: ["reason": "改派"])
            #expect((cancelled.json["order"] as? [String: Any])?["state"] as? String == "cancelled")
            let again = try await client.call(.post, "/api/v1/dispatch", token: test.token(.commander), json: ["alert_id": alertID, "unit_id": "ph-team"])
            #expect(again.status == .created, "\(again.text)")
        }
    }

    @Test func aPatrolCarsTerminalMovesItsUnit() async throws {
        let test = try TestNode()
        test.clock.pin(AlertAPITests.start.addingTimeInterval(3600))
        try UnitStore(database: test.node.database, signingKey: nil).save(
            EnforcementUnit(id: "ph-car", jurisdiction: TestNode.pinghu, name: "平湖巡逻车", kind: .patrolCar, terminalPhone: "13900000002"), by: "test", at: test.node.now())
        let car = try AlertAPITests.register(test.node, plate: "浙F00001", phone: "13900000002")
        let positions = try AlertAPITests.drive(test.node, subject: "vehicle:浙F00001:yellow", phone: car.phone, in: TestNode.pinghu)
        await test.node.vehicleMonitoring.observe(positions, terminal: car)
        let unit = try #require(try UnitStore(database: test.node.database, signingKey: nil).unit(id: "ph-car"))
        let last = try #require(positions.last)
        #expect(unit.position == GeoPoint(longitude: last.longitude, latitude: last.latitude) && unit.positionAt == last.time)
    }
}
