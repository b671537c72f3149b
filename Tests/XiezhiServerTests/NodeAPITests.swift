import Foundation
import GRDB
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Login, region, subjects, rule tables, metrics and the demo seed, through the router.
@Suite struct NodeAPITests {
    @Test func loginWithBcryptPasswordAndLogout() async throws {
        let test = try TestNode()
        let stored = try #require(try test.node.accounts.credentials(username: "330482-officer")).1
        #expect(stored.hasPrefix("$2"), "passwords are stored as bcrypt hashes")
        #expect(!stored.contains("password-officer"))
        try await test.withClient { client in
            let wrong = try await client.call(.post, "/api/v1/session", json: ["username": "330482-officer", "password": "nope-nope"])
            #expect(wrong.status == .unauthorized)
            let unknown = try await client.call(.post, "/api/v1/session", json: ["username": "nobody", "password": "password-officer"])
            #expect(unknown.status == .unauthorized)
            let login = try await client.call(.post, "/api/v1/session", json: ["username": "330482-officer", "password": "password-officer"])
            #expect(login.status == .ok)
            let token = try #require(login.json["token"] as? String)
            let me = try await client.call(.get, "/api/v1/me", token: token)
            #expect(me.json["role"] as? String == "officer")
            #expect(me.json["jurisdiction"] as? String == "330482")
            #expect(try await client.call(.delete, "/api/v1/session", token: token).status == .noContent)
            #expect(try await client.call(.get, "/api/v1/me", token: token).status == .unauthorized)
        }
    }

    @Test func deactivatedAccountCannotLogIn() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let target = test.account(.officer)
            let reply = try await client.call(.put, "/api/v1/accounts/\(target.id)/active", token: test.token(.admin), json: ["active": false])
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(try await client.call(.get, "/api/v1/me", token: test.token(.officer)).status == .unauthorized)
            let login = try await client.call(.post, "/api/v1/session", json: ["username": "330482-officer", "password": "password-officer"])
            #expect(login.status == .unauthorized)
            // An administrator of another agency cannot touch it.
            let foreign = try await client.call(.put, "/api/v1/accounts/\(target.id)/active", token: test.token(.admin, TestNode.jinshan), json: ["active": true])
            #expect(foreign.status == .notFound)
        }
    }

    @Test func regionIsGeoJSONWithComputedJointZones() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let region = try await client.call(.get, "/api/v1/region", token: test.token(.commander))
            #expect(region.headers[.contentType] == "application/geo+json")
            let features = try #require(region.json["features"] as? [[String: Any]])
            let kinds = Set(features.compactMap { ($0["properties"] as? [String: Any])?["kind"] as? String })
            #expect(kinds.isSuperset(of: ["jurisdiction", "border", "site", "joint_zone", "road", "waterway"]))
            let located = try await client.call(.get, "/api/v1/region/locate?lon=121.0155&lat=30.6983", token: test.token(.officer))
            #expect((located.json["jurisdiction"] as? [String: Any])?["code"] as? String == "330482")
            let bad = try await client.call(.get, "/api/v1/region/locate?lon=abc&lat=30", token: test.token(.officer))
            #expect(bad.problemCode == "invalid_point")
        }
    }

    @Test func subjectsAreNormalisedAndValidated() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let first = try await client.call(.post, "/api/v1/subjects/vehicles", token: test.token(.officer), json: ["plate": "浙F·12345", "plate_color": "yellow"])
            #expect(first.status == .created, "\(first.text)")
            #expect(first.json["key"] as? String == "vehicle:浙F12345:yellow")
            let same = try await client.call(.post, "/api/v1/subjects/vehicles", token: test.token(.officer), json: ["plate": "浙f12345", "plate_color": "黄"])
            #expect(same.status == .conflict)
            let badPlate = try await client.call(.post, "/api/v1/subjects/vehicles", token: test.token(.officer), json: ["plate": "浙F1234", "plate_color": "yellow"])
            #expect(badPlate.status == .badRequest)
            #expect(badPlate.problemCode == "invalid_plate")
            let badCode = try await client.call(.post, "/api/v1/subjects/carriers", token: test.token(.officer), json: ["name": "某物流有限公司", "credit_code": "91330482MA2B00000X"])
            #expect(badCode.problemCode == "invalid_credit_code")
            let carrier = try await client.call(.post, "/api/v1/subjects/carriers", token: test.token(.officer), json: ["name": "华为技术有限公司", "credit_code": "914403001922038216"])
            #expect(carrier.status == .created, "\(carrier.text)")
            let vessel = try await client.call(.post, "/api/v1/subjects/vessels", token: test.token(.officer), json: ["name": "浙嘉兴货1234", "mmsi": "413123456"])
            #expect(vessel.status == .created, "\(vessel.text)")
            let found = try await client.call(.get, "/api/v1/subjects?kind=vehicle&q=浙F", token: test.token(.caseHandler))
            #expect(found.json["total"] as? Int == 1)
        }
    }

    @Test func ruleTableReplacementIsValidatedAuditedAndApplied() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let quoteBefore = try await client.call(.get, "/api/v1/penalty/quote?jurisdiction=310116&limit_kg=49000&gross_kg=80000", token: test.token(.officer))
            #expect(quoteBefore.json["amount_fen"] as? Int == 1_550_000)
            let before = try test.auditCount()
            let broken = try await client.call(.put, "/api/v1/rules/joint-zone.json", token: test.token(.admin), raw: "{\"width_m\": -5}")
            #expect(broken.status.code >= 400 && broken.status.code < 500, "\(broken.text)")
            #expect(try test.auditCount() == before)
            // Narrow the joint zone to 3 km: a point 4 km from the border leaves the zone.
            let table = try #require(try test.node.ruleTables.table(name: "joint-zone.json"))
            let narrowed = table.content.replacingOccurrences(of: "5000", with: "3000")
            #expect(narrowed != table.content)
            let reply = try await client.call(.put, "/api/v1/rules/joint-zone.json", token: test.token(.admin), raw: narrowed)
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["version"] as? Int == 2)
            #expect(try test.auditCount() == before + 1)
            let entries = try await client.call(.get, "/api/v1/audit?entity_type=rule_table", token: test.token(.auditor))
            let actions = (entries.json["items"] as? [[String: Any]] ?? []).compactMap { $0["action"] as? String }
            #expect(actions.first == "rule_table.updated")
            #expect(test.node.rules.current.region.jurisdiction(TestNode.pinghu) != nil)
        }
    }

    @Test func metricsArePrometheusText() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            _ = try await client.call(.get, "/api/v1/me", token: test.token(.officer))
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("xiezhi_audit_entries"))
            #expect(metrics.text.contains("xiezhi_accounts 16"))
        }
    }

    @Test func auditVerifyEndpointReportsIntact() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            let reply = try await client.call(.get, "/api/v1/audit/verify", token: test.token(.auditor))
            #expect(reply.json["intact"] as? Bool == true)
            let count = try test.auditCount()
            #expect(reply.json["entries"] as? Int == count)
        }
    }
}
