import Foundation
import Testing
import XiezhiCore
import XiezhiData

@Suite struct DispatchRulesTests {
    static func bundled() throws -> DispatchRules { try DispatchRules(json: try BundledData.rulesFile("dispatch.json")) }

    @Test func theBundledTableDecodesWithEveryNumberCited() throws {
        let rules = try Self.bundled()
        #expect(rules.acceptWithin.value == 10)
        #expect(rules.acceptWithinSeconds == 600)
        #expect(Set(rules.travelSpeedsKmh.keys) == Set(UnitKind.allCases))
        #expect(rules.scenes.map(\.scene) == ["dangerous_goods", "passenger", "overload", "road_transport", "waterway"])
        // 现场执法规范流程: company and vehicle checks for the three key trades, every step with its article.
        for name in ["dangerous_goods", "passenger", "overload"] {
            let scene = try #require(rules.scene(named: name))
            #expect(Set(scene.checklists.map(\.check)) == ["vehicle", "company"], "\(name)")
        }
        let first = try #require(rules.scene(named: "passenger")?.checklists.first?.items.first)
        #expect(first.citation.law == "中华人民共和国行政处罚法" && first.citation.article.contains("第五十五条"))
    }

    @Test func scenesFollowTheAlertKindThenTheSource() throws {
        let rules = try Self.bundled()
        #expect(rules.scene(alertKind: "hazmat_without_waybill", source: "vehicle_monitoring")?.scene == "dangerous_goods")
        #expect(rules.scene(alertKind: "route_deviation", source: "vehicle_monitoring")?.scene == "passenger")
        #expect(rules.scene(alertKind: "speeding", source: "vehicle_monitoring")?.scene == "road_transport")
        #expect(rules.scene(alertKind: "ais_gap", source: "waterway")?.scene == "waterway")
        #expect(rules.scene(alertKind: "something_new", source: "vehicle_monitoring")?.scene == "road_transport")
        #expect(rules.scene(alertKind: "x", source: "unknown") == nil)
        #expect(rules.scene(named: "waterway")?.unitKinds == [.patrolBoat, .unmannedBoat])
    }

    @Test func aMisspeltKeyOrAMissingCitationIsRefusedNamingThePlace() throws {
        let text = String(decoding: try BundledData.rulesFile("dispatch.json"), as: UTF8.self)
        let misspelt = text.replacingOccurrences(of: "\"detourPercent\"", with: "\"detourPercents\"")
        #expect { try DispatchRules(json: Data(misspelt.utf8)) } throws: { ($0 as? DomainError)?.code == "unknown_dispatch_key" }
        var object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        var accept = try #require(object["acceptWithinMinutes"] as? [String: Any])
        accept.removeValue(forKey: "citation")
        object["acceptWithinMinutes"] = accept
        let uncited = try JSONSerialization.data(withJSONObject: object)
        #expect { try DispatchRules(json: uncited) } throws: { error in
            let error = error as? DomainError
            return error?.code == "missing_citation" && error?.reason.contains("acceptWithinMinutes") == true
        }
        accept["citation"] = ["law": "x", "article": "y"]
        accept["value"] = 0
        object["acceptWithinMinutes"] = accept
        #expect { try DispatchRules(json: try JSONSerialization.data(withJSONObject: object)) } throws: { ($0 as? DomainError)?.code == "invalid_dispatch_value" }
    }
}
