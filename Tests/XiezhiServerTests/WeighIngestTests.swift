import Foundation
import Hummingbird
import Testing
import XiezhiCore
import XiezhiStore
@testable import XiezhiServer

/// Non-site overload over HTTP: stations registered by each agency, a batch of records, cases opened from
/// evidence-grade overloads with each side's fine, review queue, screening-only stations, idempotency, statistics.
@Suite struct WeighIngestTests {
    static let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z = 08:00 China

    static func station(_ id: String, _ jurisdiction: String, lon: Double, lat: Double, calibratedUntil: String = "2026-12-31") -> [String: Any] {
        ["id": id, "name": "\(id) 检测点", "jurisdiction": jurisdiction, "location": [lon, lat], "road": "G228", "lanes": [1, 2],
         "device_model": "WIM-S6", "published_on": "2025-06-01", "activated_on": "2025-07-01",
         "calibrations": [["issuer": "计量中心", "number": "JD-\(id)", "valid_from": "2025-06-15", "valid_to": calibratedUntil]]]
    }

    /// A six-axle combination: steer 7 t, drive tandem, tridem trailer; `gross` spread over the axles.
    static func record(_ station: String, _ id: String, plate: String = "沪D12345", gross: Int = 62_000, minutes: Double = 60) -> [String: Any] {
        let rest = gross - 7_000
        let weights = [7_000] + (0..<5).map { index in rest / 5 + (index == 0 ? rest % 5 : 0) }
        let groups = [1, 2, 2, 3, 3, 3]
        return [
            "station": station, "record_id": id, "time": Timestamp.format(start.addingTimeInterval(minutes * 60)), "lane": 1,
            "plate": plate, "plate_color": "yellow", "vehicle": "combination",
            "axles": zip(weights, groups).enumerated().map { index, pair in
                ["weight_kg": pair.0, "group": pair.1, "tyres": index == 0 ? "single" : "dual", "drive": index == 1 || index == 2, "air_suspension": false] as [String: Any]
            },
            "gross_kg": gross, "speed_kmh": 62.5, "length_m": 16.5, "width_m": 2.5, "height_m": 3.9,
            "photos": [["kind": "plate", "sha256": String(repeating: "a", count: 64), "uri": "wim://\(station)/\(id)/plate.jpg"]],
        ]
    }

    func setUp(_ client: Client, _ test: TestNode) async throws {
        test.clock.pin(Self.start.addingTimeInterval(86400))
        for (id, jurisdiction, lon, lat) in [("wim-pinghu", TestNode.pinghu, 121.19, 30.675), ("wim-jinshan", TestNode.jinshan, 121.34, 30.755)] {
            let reply = try await client.call(.put, "/api/v1/wim/stations/\(id)", token: test.token(.admin, jurisdiction),
                                              json: Self.station(id, jurisdiction.rawValue, lon: lon, lat: lat))
            #expect(reply.status == .ok, "\(reply.text)")
            #expect(reply.json["evidence_today"] as? Bool == true, "\(reply.text)")
        }
        let expired = try await client.call(.put, "/api/v1/wim/stations/wim-expired", token: test.token(.admin),
                                            json: Self.station("wim-expired", "330482", lon: 121.16, lat: 30.665, calibratedUntil: "2025-12-01"))
        #expect(expired.json["evidence_today"] as? Bool == false)
    }

    func ingest(_ client: Client, _ test: TestNode, _ records: [[String: Any]], jurisdiction: JurisdictionCode = TestNode.pinghu) async throws -> Client.Reply {
        try await client.call(.post, "/api/v1/wim/records", token: test.token(.caseHandler, jurisdiction), json: ["records": records])
    }

    func results(_ reply: Client.Reply) -> [[String: Any]] { reply.json["results"] as? [[String: Any]] ?? [] }

    @Test func shanghaiTruckAt62TonnesInPinghuAndInJinshan() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            try await setUp(client, test)
            let pinghu = try await ingest(client, test, [Self.record("wim-pinghu", "P-1")])
            #expect(pinghu.json["cases_opened"] as? Int == 1, "\(pinghu.text)")
            let jinshan = try await ingest(client, test, [Self.record("wim-jinshan", "J-1", minutes: 30)], jurisdiction: TestNode.jinshan)
            #expect(jinshan.json["cases_opened"] as? Int == 1, "\(jinshan.text)")
            for (reply, jurisdiction, amountFen, law) in [
                (pinghu, TestNode.pinghu, 96_000, "浙江省公路条例"),  // 62 t vs 49 t: 20–50 % part 3,200 kg × 300 元/t
                (jinshan, TestNode.jinshan, 650_000, "超限运输车辆行驶公路管理规定（交通运输部令2016年第62号）"),  // 13,000 kg × 500 元/t
            ] {
                let caseID = try #require(results(reply).first?["case_id"] as? String)
                let detail = try await client.call(.get, "/api/v1/cases/\(caseID)", token: test.token(.caseHandler, jurisdiction))
                let record = try #require(detail.json["record"] as? [String: Any])
                #expect(record["subject"] as? String == "vehicle:沪D12345:yellow")
                #expect(record["stage"] as? String == "clue")
                let facts = record["facts"] as? String ?? ""
                #expect(facts.contains("49,000"), "\(facts)")
                #expect(facts.contains("\(amountFen / 100)"), "\(facts)")
                #expect(facts.contains("上海市"), "the home agency is named: \(facts)")
                // The officer files and notifies: the benchmark prices the same amount with the article.
                test.clock.pin(Self.start.addingTimeInterval(2 * 86400))
                let head = test.token(.agencyHead, jurisdiction)
                let officers = [test.account(.officer, jurisdiction).id, test.account(.caseHandler, jurisdiction).id]
                _ = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: head, json: ["action": "file", "payload": ["officer_ids": officers]])
                _ = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: test.token(.officer, jurisdiction), json: ["action": "add_evidence", "payload": ["item": [
                    "kind": "electronic_data", "description": "动态称重记录", "sha256": String(repeating: "b", count: 64), "source": "检测点"]]])
                let notified = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: test.token(.caseHandler, jurisdiction),
                                                     json: ["action": "notify", "payload": ["overload": ["limit_kg": 49_000, "gross_kg": 62_000]]])
                #expect((notified.json["summary"] as? [String: Any])?["fine_fen"] as? Int == amountFen, "\(notified.text)")
                let notice = (notified.json["record"] as? [String: Any])?["notice"] as? [String: Any]
                let citation = (notice?["penalty"] as? [String: Any])?["citation"] as? [String: Any]
                #expect(citation?["law"] as? String == law)
                // 送达互助: a Shanghai truck noticed in Pinghu asks Shanghai to serve the notice; in Jinshan it is at home.
                let requests = (notified.json["partner_requests"] as? [[String: Any]] ?? []).map { "\($0["kind"] ?? "") \($0["to_jurisdiction"] ?? "") \($0["status"] ?? "")" }
                #expect(requests == (jurisdiction == TestNode.pinghu ? ["notice_service 310100 queued"] : []), "\(requests)")
                // The evidence package: the weigh record with its judgement.
                let package = try await client.call(.get, "/api/v1/cases/\(caseID)/weigh-records", token: test.token(.legalReviewer, jurisdiction))
                let judgement = package.jsonArray.first?["judgement"] as? [String: Any]
                #expect(judgement?["limit_kg"] as? Int == 49_000)
                #expect(judgement?["class"] as? String == "overloaded")
                // The owner is told by SMS; the report period is the rule table's, not the caller's.
                let told = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: test.token(.caseHandler, jurisdiction), json: [
                    "action": "notice_owner", "payload": ["channel": "sms", "delivered": true, "proof": "短信回执 SMS-88", "report_period": ["amount": 1, "unit": "days", "citation": ["law": "x", "article": "y"]]]])
                #expect(told.status == .ok, "\(told.text)")
                let ownerNotice = ((told.json["record"] as? [String: Any])?["owner_notices"] as? [[String: Any]])?.first
                let period = ownerNotice?["report_period"] as? [String: Any]
                #expect(period?["amount"] as? Int == 15)
                #expect((period?["citation"] as? [String: Any])?["article"] as? String == "第四十条")
                test.clock.pin(Self.start.addingTimeInterval(12 * 86400))
                let early = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: head, json: ["action": "decide", "payload": [:]])
                #expect(early.json["code"] as? String == "owner_report_period_running", "\(early.text)")
                test.clock.pin(Self.start.addingTimeInterval(19 * 86400))
                let decided = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: head, json: ["action": "decide", "payload": [:]])
                let decision = (decided.json["record"] as? [String: Any])?["decision"] as? [String: Any]
                if jurisdiction == TestNode.pinghu {
                    #expect((decision?["from_records"] as? [String: Any])?["article"] as? String == "第四十条", "\(decided.text.prefix(400))")
                } else {
                    // Pinghu decided the same trip half an hour earlier: one act, not fined twice (处罚互认 on one node).
                    #expect(decided.json["code"] as? String == "double_penalty")
                    #expect((decided.json["detail"] as? String)?.contains("平交执罚决字") == true, "\(decided.text.prefix(400))")
                }
                test.clock.pin(Self.start.addingTimeInterval(2 * 86400))
            }
        }
    }

    @Test func repeatOffencesAreCountedAcrossAgencies() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            try await setUp(client, test)
            for index in 1...4 {
                let recorded = try await client.call(.post, "/api/v1/penalties/partner", token: test.token(.partnerLiaison), json: [
                    "subject": "vehicle:沪D12345:yellow", "violation_kind": "overload", "act_at": "2025-0\(index + 1)-10T02:00:00Z",
                    "decision_number": "金交执罚决字〔2025〕第00\(index)号", "agency": "上海市金山区交通行政执法大队", "jurisdiction": "310116",
                    "decided_at": "2025-0\(index + 1)-20T03:00:00Z"])
                #expect(recorded.status == .created, "\(recorded.text)")
            }
            let reply = try await ingest(client, test, [Self.record("wim-pinghu", "R-1")])
            let caseID = try #require(results(reply).first?["case_id"] as? String)
            let detail = try await client.call(.get, "/api/v1/cases/\(caseID)", token: test.token(.caseHandler))
            let status = try #require((detail.json["repeat_offence"] as? [String: Any])?["vehicle"] as? [String: Any])
            #expect(status["count"] as? Int == 4)
            #expect(status["exceeds"] as? Bool == true)
            #expect((status["recommendation"] as? String)?.contains("吊销车辆营运证") == true)
        }
    }

    /// 一超四罚 beyond the vehicle: the carrier comes from the register onto the WIM case, the driver is established
    /// in the case; partners' penalties naming them count; a carrier with 2 of its 10 trucks overloading is past 10 %.
    @Test func repeatOffencesPerDriverAndCarrier() async throws {
        let test = try TestNode()
        let carrier = "91330482MA2B3C4D1J"
        let driver = "person:11010519491231002X"
        try await test.withClient { client in
            try await setUp(client, test)
            for index in 0..<10 {
                let plate = index == 0 ? "沪D12345" : "浙F1000\(index)"
                let registered = try await client.call(.post, "/api/v1/subjects/vehicles", token: test.token(.officer),
                                                      json: ["plate": plate, "plate_color": "yellow", "carrier_credit_code": carrier])
                #expect(registered.status == .created, "\(registered.text)")
            }
            for index in 1...4 {
                let recorded = try await client.call(.post, "/api/v1/penalties/partner", token: test.token(.partnerLiaison), json: [
                    "subject": "vehicle:浙F1000\(index % 2 + 1):yellow", "violation_kind": "overload", "act_at": "2025-0\(index + 1)-10T02:00:00Z",
                    "decision_number": "金交执罚决字〔2025〕第01\(index)号", "agency": "上海市金山区交通行政执法大队", "jurisdiction": "310116",
                    "decided_at": "2025-0\(index + 1)-20T03:00:00Z", "driver": driver, "carrier": "organisation:\(carrier)"])
                #expect(recorded.status == .created, "\(recorded.text)")
            }
            let reply = try await ingest(client, test, [Self.record("wim-pinghu", "D-1")])
            let caseID = try #require(results(reply).first?["case_id"] as? String)
            var detail = try await client.call(.get, "/api/v1/cases/\(caseID)", token: test.token(.caseHandler))
            #expect((detail.json["record"] as? [String: Any])?["carrier"] as? String == "organisation:\(carrier)")
            var statuses = try #require(detail.json["repeat_offence"] as? [String: Any])
            let carrierStatus = try #require(statuses["carrier"] as? [String: Any])
            #expect(carrierStatus["count"] as? Int == 2 && carrierStatus["fleet_size"] as? Int == 10)
            #expect(carrierStatus["exceeds"] as? Bool == true)
            #expect((carrierStatus["recommendation"] as? String)?.contains("责令停业整顿") == true)
            #expect(statuses["driver"] == nil)
            let identified = try await client.call(.post, "/api/v1/cases/\(caseID)/actions", token: test.token(.caseHandler),
                                                   json: ["action": "identify_parties", "payload": ["driver": driver]])
            #expect(identified.status == .ok, "\(identified.text)")
            detail = try await client.call(.get, "/api/v1/cases/\(caseID)", token: test.token(.caseHandler))
            statuses = try #require(detail.json["repeat_offence"] as? [String: Any])
            let driverStatus = try #require(statuses["driver"] as? [String: Any])
            #expect(driverStatus["count"] as? Int == 4 && driverStatus["exceeds"] as? Bool == true)
            // The same figures on the subject views.
            let person = try await client.call(.get, "/api/v1/subjects/\(driver.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)!)", token: test.token(.caseHandler))
            #expect(person.status == .notFound)  // the driver is not registered; counting needs no registration
            let company = try await client.call(.get, "/api/v1/subjects/vehicle:%E6%B5%99F10001:yellow", token: test.token(.caseHandler))
            let companyStatus = (company.json["repeat_offence"] as? [String: Any])?["carrier"] as? [String: Any]
            #expect(companyStatus?["exceeds"] as? Bool == true, "\(company.text)")
        }
    }

    @Test func dispositionsAndIdempotency() async throws {
        let test = try TestNode()
        try await test.withClient { client in
            try await setUp(client, test)
            var faulty = Self.record("wim-pinghu", "F-1", plate: "浙F11111")
            faulty["gross_kg"] = 90_000  // axles add up to 62 t: a device fault
            var negative = Self.record("wim-pinghu", "N-1")
            negative["gross_kg"] = -5
            let batch: [[String: Any]] = [
                Self.record("wim-pinghu", "A-1", plate: "浙F22222", gross: 48_000),  // compliant
                Self.record("wim-pinghu", "A-2", plate: "浙F33333", gross: 51_000),  // within 5 %
                Self.record("wim-pinghu", "A-3", plate: "", gross: 70_000),  // unreadable plate → review
                Self.record("wim-expired", "A-4", plate: "浙F44444", gross: 70_000),  // calibration expired → screening only
                Self.record("wim-pinghu", "A-5", plate: "浙F55555", gross: 70_000),  // case
                Self.record("wim-pinghu", "A-6", plate: "浙F55555", gross: 69_500, minutes: 75),  // same trip → linked
                faulty,
                negative,
                Self.record("wim-nowhere", "A-7"),
                Self.record("wim-jinshan", "A-8"),  // another agency's station
                ["station": "wim-pinghu"],  // malformed
            ]
            let reply = try await ingest(client, test, batch)
            #expect(reply.status == .ok, "\(reply.text)")
            let dispositions = results(reply).map { ($0["disposition"] as? String) ?? (($0["error"] as? [String: Any])?["code"] as? String) ?? "?" }
            #expect(dispositions == ["compliant", "within_tolerance", "manual_review", "screening_only", "case_opened", "linked_to_case",
                                     "device_fault", "invalid_gross_weight", "unknown_station", "wrong_jurisdiction", "invalid_weigh_record"], "\(dispositions)")
            #expect(reply.json["cases_opened"] as? Int == 1)
            #expect(results(reply)[4]["case_id"] as? String == results(reply)[5]["case_id"] as? String)
            // Sent again: nothing is stored twice, no second case.
            let again = try await ingest(client, test, Array(batch.prefix(7)))
            #expect(again.json["duplicates"] as? Int == 7)
            #expect(again.json["cases_opened"] as? Int == 0)
            // The review queue holds the unreadable plate.
            let queue = try await client.call(.get, "/api/v1/wim/review", token: test.token(.caseHandler))
            #expect(queue.json["total"] as? Int == 1)
            // Statistics for the day.
            let stats = try await client.call(.get, "/api/v1/wim/statistics?from=2026-01-01&to=2026-01-02", token: test.token(.commander))
            let days = stats.json["days"] as? [[String: Any]] ?? []
            let pinghu = try #require(days.first { $0["station"] as? String == "wim-pinghu" })
            #expect(pinghu["passes"] as? Int == 6)
            #expect(pinghu["overloaded"] as? Int == 3)
            #expect(pinghu["within_tolerance"] as? Int == 1)
            #expect(pinghu["device_faults"] as? Int == 1)
            #expect(pinghu["cases_opened"] as? Int == 1)
            let expired = try #require(days.first { $0["station"] as? String == "wim-expired" })
            #expect(expired["screening_only"] as? Int == 1)
            #expect(stats.json["non_site_cases"] as? Int == 1)
        }
    }
}
