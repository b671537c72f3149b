import Foundation
import Testing
import XiezhiCore
import XiezhiData

@Suite("Vehicle monitoring: the shipped rule table")
struct VehicleMonitoringRulesTests {
    static let regulation = "中华人民共和国道路交通安全法实施条例"
    static let measures = "道路运输车辆动态监督管理办法（2014年公布，2016年、2022年修正）"

    @Test("the real file decodes with the numbers of rules.md A6 and their labels")
    func realNumbers() throws {
        let rules = try MonitoringFixtures.rules()
        #expect(!rules.edition.isEmpty)
        #expect(rules.fatigue.continuousDayMinutes.value == 240)
        #expect(rules.fatigue.continuousDayMinutes.citation == Citation(law: Self.regulation, article: "第六十二条第（七）项", confidence: .text))
        #expect(rules.fatigue.minimumRestMinutes.value == 20)
        #expect(rules.fatigue.minimumRestMinutes.citation.confidence == .text)
        #expect(rules.fatigue.continuousNightMinutes.value == 120)
        #expect(rules.fatigue.continuousNightMinutes.citation.law == Self.measures)
        #expect(rules.fatigue.continuousNightMinutes.citation.confidence == .secondary)
        #expect(rules.fatigue.dailyMaxMinutes.value == 480)
        #expect(rules.fatigue.dailyWindowHours.value == 24)
        #expect(rules.nightSpeed.percentOfDayLimit == 80)
        #expect(rules.nightSpeed.appliesTo == [.coach])
        #expect(rules.nightSpeed.citation.confidence == .secondary)
        #expect(rules.nightWindow.window.description == "22:00–06:00")
        #expect(rules.nightWindow.citation.confidence == .unverified)
        #expect(rules.earlyMorningBan.window.description == "02:00–05:00")
        #expect(rules.earlyMorningBan.citation == Citation(law: "道路旅客运输企业安全管理规范", article: "第三十八条第（五）项", confidence: .secondary))
        #expect(rules.earlyMorningBan.shortHaulMaxKm.value == 100)
        #expect(rules.earlyMorningBan.appliesTo == [.coach])
        #expect(rules.waybill.citation == Citation(law: "危险货物道路运输安全管理办法（交通运输部令2019年第29号）", article: "第二十四条", confidence: .text))
        #expect(rules.waybill.appliesTo == [.hazmat])
        #expect(rules.signalLost.citation.article == "第三十七条")
    }

    @Test("speed limits by road class and kind: Art. 78 on expressways, Art. 45 elsewhere, unverified as rules.md lacks them")
    func speedLimits() throws {
        let rules = try MonitoringFixtures.rules()
        let expected: [(RoadClass, MonitoredVehicleKind, Int, String)] = [
            (.expressway, .taxi, 120, "第七十八条第二款"),
            (.expressway, .coach, 100, "第七十八条第二款"),
            (.expressway, .bus, 100, "第七十八条第二款"),
            (.expressway, .hazmat, 100, "第七十八条第二款"),
            (.expressway, .truck, 100, "第七十八条第二款"),
            (.highway, .coach, 70, "第四十五条第（二）项"),
            (.highway, .hazmat, 70, "第四十五条第（二）项"),
            (.urban, .taxi, 50, "第四十五条第（二）项"),
        ]
        for (roadClass, kind, limit, article) in expected {
            let row = try #require(rules.speedLimit(on: roadClass, for: kind))
            #expect(row.limitKmh == limit, "\(roadClass) \(kind)")
            #expect(row.citation == Citation(law: Self.regulation, article: article, confidence: .unverified))
        }
    }

    @Test("every road of the demo region has a class; the expressways are G60, G1503 and S32")
    func demoRoads() throws {
        let rules = try MonitoringFixtures.rules()
        let region = try MonitoringFixtures.region()
        #expect(!region.roads.isEmpty)
        for road in region.roads {
            let roadClass = try #require(rules.roadClass(of: road.id), "\(road.id)")
            #expect((roadClass == .expressway) == ["G60", "G1503", "S32"].contains(road.id), "\(road.id)")
        }
        #expect(rules.roadClass(of: "G228") == .highway)
        _ = try MonitoringFixtures.monitor()
    }

    @Test("every number is listed with a filled citation")
    func citedNumbers() throws {
        let numbers = try MonitoringFixtures.rules().citedNumbers
        #expect(numbers.count == 23)
        for number in numbers {
            #expect(!number.citation.law.isEmpty && !number.citation.article.isEmpty, "\(number.path)")
        }
        #expect(numbers.contains { $0.path == "fatigue.minimumRestMinutes" && $0.value == 20 && $0.unit == "minutes" })
        #expect(numbers.contains { $0.path == "nightWindow.from" && $0.value == 22 * 60 })
    }

    /// Replaces the value at a dotted path (array indices as numbers) inside a JSON object.
    static func edit(_ object: [String: Any], _ path: [String], _ change: (inout [String: Any]) -> Void) -> [String: Any] {
        var copy = object
        guard let head = path.first else {
            change(&copy)
            return copy
        }
        if let array = copy[head] as? [[String: Any]], path.count > 1, let index = Int(path[1]) {
            var items = array
            items[index] = edit(items[index], Array(path.dropFirst(2)), change)
            copy[head] = items
        } else {
            copy[head] = edit(copy[head] as? [String: Any] ?? [:], Array(path.dropFirst()), change)
        }
        return copy
    }

    static func rename(_ key: String, to misspelt: String) -> (inout [String: Any]) -> Void {
        { object in
            object[misspelt] = object[key]
            object[key] = nil
        }
    }

    @Test("a misspelt key is refused, naming the place", arguments: [
        ([], "signalLost", "signaLost", "the file"),
        (["fatigue"], "minimumRestMinutes", "minimumRestMinute", "fatigue"),
        (["speedLimits", "1"], "limitKmh", "limitKMH", "speedLimits[1]"),
        (["fatigue", "continuousDayMinutes"], "note", "notes", "fatigue.continuousDayMinutes"),
        (["earlyMorningBan"], "from", "form", "earlyMorningBan"),
        (["roads", "0"], "roadClass", "class", "roads[0]"),
    ])
    func misspeltKey(path: [String], key: String, misspelt: String, place: String) throws {
        let damaged = Self.edit(try MonitoringFixtures.json(), path, Self.rename(key, to: misspelt))
        let error = try #require(throws: DomainError.self) { try MonitoringFixtures.decode(damaged) }
        #expect(error.code == "unknown_monitoring_key")
        #expect(error.reason.contains("'\(misspelt)'"))
        #expect(error.reason.contains(place))
    }

    @Test("a number without its citation is refused")
    func missingCitation() throws {
        for path in [["fatigue", "minimumRestMinutes"], ["speedLimits", "0"], ["waybill"], ["nightWindow"]] {
            let damaged = Self.edit(try MonitoringFixtures.json(), path) { $0["citation"] = nil }
            let error = try #require(throws: DomainError.self) { try MonitoringFixtures.decode(damaged) }
            #expect(error.code == "missing_citation", "\(path)")
        }
        let blank = Self.edit(try MonitoringFixtures.json(), ["movingSpeedKmh", "citation"]) { $0["article"] = " " }
        #expect(throws: DomainError(code: "missing_citation", reason: "movingSpeedKmh.citation: a citation needs both 'law' and 'article'")) {
            try MonitoringFixtures.decode(blank)
        }
    }

    @Test("bad values are refused")
    func badValues() throws {
        let json = try MonitoringFixtures.json()
        let cases: [([String], (inout [String: Any]) -> Void, String)] = [
            (["fatigue", "minimumRestMinutes"], { $0["value"] = 0 }, "invalid_monitoring_value"),
            (["nightSpeed"], { $0["percentOfDayLimit"] = 120 }, "invalid_monitoring_value"),
            (["nightWindow"], { $0["to"] = "22:00" }, "invalid_monitoring_value"),
            (["earlyMorningBan"], { $0["from"] = "2:00" }, "invalid_monitoring_value"),
            (["earlyMorningBan"], { $0["to"] = "24:00" }, "invalid_monitoring_value"),
            (["fatigue"], { $0["appliesTo"] = [] as [String] }, "invalid_monitoring_value"),
            (["fatigue"], { $0["appliesTo"] = ["coach", "coach"] }, "invalid_monitoring_value"),
            (["fatigue"], { $0["appliesTo"] = ["lorry"] }, "invalid_monitoring_rules"),
            (["fatigue", "dailyMaxMinutes"], { $0["value"] = 1440 }, "invalid_monitoring_value"),
            (["speedLimits", "0"], { $0["limitKmh"] = "120" }, "invalid_monitoring_rules"),
            (["speedLimits", "1"], { $0["kinds"] = ["taxi"] }, "invalid_monitoring_value"),
            (["roads", "1"], { $0["road"] = "G60" }, "invalid_monitoring_value"),
            ([], { $0["edition"] = " " }, "invalid_monitoring_value"),
            ([], { $0["routeDeviation"] = nil }, "invalid_monitoring_rules"),
            ([], { $0["movingSpeedKmh"] = 5 }, "invalid_monitoring_rules"),
            (["signalLost"], { $0["silentMinutes"] = nil }, "invalid_monitoring_rules"),
        ]
        for (path, change, code) in cases {
            let error = try #require(throws: DomainError.self, "\(path)") { try MonitoringFixtures.decode(Self.edit(json, path, change)) }
            #expect(error.code == code, "\(path): \(error)")
        }
    }

    @Test("a monitor refuses a region road the table does not classify")
    func unclassifiedRoad() throws {
        let damaged = Self.edit(try MonitoringFixtures.json(), []) { object in
            object["roads"] = (object["roads"] as! [[String: Any]]).filter { $0["road"] as? String != "S32" }
        }
        let rules = try MonitoringFixtures.decode(damaged)
        let error = try #require(throws: DomainError.self) { try VehicleMonitor(rules: rules, region: try MonitoringFixtures.region()) }
        #expect(error.code == "unclassified_road")
        #expect(error.reason.contains("S32"))
    }
}
