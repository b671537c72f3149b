import Foundation
import Testing
import XiezhiCore

@Suite("Waterway rules: the shipped data file")
struct WaterwayRulesDataTests {
    @Test("the real file decodes with its checkpoints, segments and cited thresholds")
    func realFile() throws {
        let rules = try WaterwayFixtures.rules()
        #expect(rules.checkpoints.map(\.id) == ["hongqitang-checkpoint", "siguqiao-checkpoint"])
        #expect(rules.segments.count == 4)
        let gap = rules.thresholds.national.aisGap
        #expect(gap.value == 120 && gap.unit == .minutes)
        #expect(gap.citation.confidence == .secondary)
        #expect(gap.citation.article.contains("2小时"))
        #expect(rules.clone.maxPlausibleKnots.value == 25)
        #expect(rules.clone.maxPlausibleKnots.citation.confidence == .secondary)
        #expect(rules.thresholds.national.muckStop.citation.confidence == .unverified)
        #expect(rules.lengthLimits.first?.maxLengthMetres == 80)
        #expect(rules.nightRestrictions.map(\.window.description) == ["22:00–06:00", "22:00–05:30"])
        #expect(rules.identification.identifiedFloor == 0.8)
        #expect(rules.fingerprint.growthConfidenceFloor == 0.95)
        for restriction in rules.nightRestrictions { #expect(restriction.citation.confidence == .unverified) }
    }

    @Test("thresholds resolve per jurisdiction: Jiashan's muck stop overrides the national one, the rest stay national")
    func perJurisdiction() throws {
        let thresholds = try WaterwayFixtures.rules().thresholds
        let jiashan = thresholds.applied(.muckStop, at: WaterwayFixtures.jiashan)
        #expect(jiashan.value == 20 && jiashan.scope == "330421")
        let xiuzhou = thresholds.applied(.muckStop, at: WaterwayFixtures.xiuzhou)
        #expect(xiuzhou.value == 30 && xiuzhou.scope == "national")
        #expect(thresholds.applied(.aisGap, at: WaterwayFixtures.jiashan).scope == "national")
        #expect(thresholds.applied(.aisGap, at: nil).value == 120)
        #expect(jiashan.textZh == "20分钟")
    }

    @Test("the rules fit the demo region: lines cross their waterways forward, segments and sites resolve")
    func fitsRegion() throws {
        let geography = try WaterwayFixtures.geography()
        let rules = geography.rules
        for checkpoint in rules.checkpoints {
            let region = geography.region
            let site = try #require(region.site(checkpoint.site))
            #expect(site.type == .checkpoint)
            #expect(checkpoint.line.midpoint.distance(to: site.location) < 50)
            #expect(geography.jurisdiction(at: checkpoint.line.midpoint) == checkpoint.jurisdiction)
        }
        #expect(geography.unloadingSites.count == 4)
        let hongqitang = try #require(rules.checkpoint("hongqitang-checkpoint")).line.midpoint
        #expect(geography.segments(containing: hongqitang) == ["hangshen-jiashan"])
        let siguqiao = try #require(rules.checkpoint("siguqiao-checkpoint")).line.midpoint
        #expect(geography.segments(containing: siguqiao) == ["grand-canal-wangjiangjing"])
        #expect(geography.isCovered(hongqitang))
        let hangshenStart = try WaterwayFixtures.point(on: "hangshen", at: 500)
        #expect(!geography.isCovered(hangshenStart), "within the end margin")
        #expect(!geography.isCovered(hongqitang.offsetBy(east: 0, north: 3000)), "outside the corridor")
    }

    @Test("a misspelt key is refused, naming the key and its place",
          arguments: [
              (["thresholds", "overrides", "0"], "muckStopp"),
              ([], "checkpoint"),
              (["fingerprint"], "lengthTolerance"),
              (["clone", "maxPlausibleKnots"], "knot"),
              (["checkpoints", "1"], "guard"),
          ])
    func misspeltKey(path: [String], key: String) throws {
        let error = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: path) { object in object[key] = 1 }
        }
        #expect(error.code == "unknown_waterway_key")
        #expect(error.reason.contains("'\(key)'"))
    }

    @Test("a number without its citation, or a blank citation, is refused")
    func missingCitation() throws {
        let missing = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["thresholds", "national", "aisGap"]) { $0["citation"] = nil }
        }
        #expect(missing.code == "missing_citation")
        #expect(missing.reason.contains("thresholds.national.aisGap.citation"))
        let blank = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["lengthLimits", "0", "citation"]) { $0["article"] = " " }
        }
        #expect(blank.code == "missing_citation")
    }

    @Test("out-of-range numbers, duplicate ids and unknown segment references are refused")
    func invalidValues() throws {
        let negative = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["thresholds", "national", "aisGap"]) { $0["minutes"] = -5 }
        }
        #expect(negative.code == "invalid_waterway_value")
        #expect(negative.reason.contains("aisGap.minutes"))
        let floor = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["identification"]) { $0["identifiedFloor"] = 1.5 }
        }
        #expect(floor.code == "invalid_waterway_value")
        let duplicate = try WaterwayFixtures.refusal { tree in
            var segments = try #require(tree["segments"] as? [Any])
            segments.append(segments[0])
            tree["segments"] = segments
        }
        #expect(duplicate.reason.contains("'hangshen-jiashan' is written twice"))
        let unknown = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["lengthLimits", "0"]) { $0["segment"] = "no-such-segment" }
        }
        #expect(unknown.code == "invalid_waterway_value")
        #expect(unknown.reason.contains("no-such-segment"))
        let window = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["nightRestrictions", "0"]) { $0["to"] = "22:00" }
        }
        #expect(window.reason.contains("empty"))
        let badTime = try WaterwayFixtures.refusal { tree in
            try Self.mutate(&tree, at: ["nightRestrictions", "0"]) { $0["from"] = "24:00" }
        }
        #expect(badTime.code == "invalid_waterway_value")
        #expect(badTime.reason.contains("nightRestrictions[0].from"))
    }

    @Test("rules that do not fit the region are refused: a line drawn left bank first, an unknown site")
    func regionMismatch() throws {
        let region = try DemoRegion.region()
        let reversed = try WaterwayFixtures.edited { tree in
            try Self.mutate(&tree, at: ["checkpoints", "0"]) { object in
                let line = object["line"] as! [Any]
                object["line"] = Array(line.reversed())
            }
        }
        #expect(throws: DomainError.self) { _ = try WaterwayGeography(rules: reversed, region: region) }
        do {
            _ = try WaterwayGeography(rules: reversed, region: region)
        } catch {
            #expect(error.code == "waterway_rules_region_mismatch")
            #expect(error.reason.contains("right bank"))
        }
        let unknownSite = try WaterwayFixtures.edited { tree in
            try Self.mutate(&tree, at: ["unloadingSites", "0"]) { $0["site"] = "hongqitang-checkpoint" }
        }
        #expect(throws: DomainError.self) { _ = try WaterwayGeography(rules: unknownSite, region: region) }
        let offLine = try WaterwayFixtures.edited { tree in
            try Self.mutate(&tree, at: ["segments", "0"]) { $0["from"] = [120.5, 31.5] }
        }
        #expect(throws: DomainError.self) { _ = try WaterwayGeography(rules: offLine, region: region) }
    }

    /// Applies `change` to the object at `path` (keys and array indices as strings) inside `tree`.
    static func mutate(_ tree: inout [String: Any], at path: [String], _ change: (inout [String: Any]) throws -> Void) throws {
        func walk(_ value: Any, _ rest: ArraySlice<String>) throws -> Any {
            guard let key = rest.first else {
                var object = try #require(value as? [String: Any])
                try change(&object)
                return object
            }
            if var array = value as? [Any], let index = Int(key) {
                array[index] = try walk(array[index], rest.dropFirst())
                return array
            }
            var object = try #require(value as? [String: Any])
            object[key] = try walk(try #require(object[key]), rest.dropFirst())
            return object
        }
        tree = try #require(try walk(tree, path[...]) as? [String: Any])
    }
}
