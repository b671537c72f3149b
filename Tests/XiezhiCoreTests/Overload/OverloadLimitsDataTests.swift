import Foundation
import Testing
import XiezhiCore

@Suite("Overload limits: the shipped data file")
struct OverloadLimitsDataTests {
    static let order62 = "超限运输车辆行驶公路管理规定（交通运输部令2016年第62号）"

    @Test("the real file decodes with the Order 62 Art. 3 table")
    func table() throws {
        let limits = try OverloadFixtures.real()
        let expected: [(WeighVehicle, Int, Bool, Int, String)] = [
            (.truck, 2, false, 18000, "第三条第一款第（四）项"),
            (.truck, 3, false, 25000, "第三条第一款第（五）项"),
            (.combination, 3, false, 27000, "第三条第一款第（五）项"),
            (.truck, 4, false, 31000, "第三条第一款第（六）项"),
            (.combination, 4, false, 36000, "第三条第一款第（六）项"),
            (.combination, 5, false, 43000, "第三条第一款第（七）项"),
            (.combination, 6, false, 49000, "第三条第一款第（八）项"),
            (.combination, 9, false, 49000, "第三条第一款第（八）项"),
            (.combination, 6, true, 46000, "第三条第一款第（八）项"),
            (.combination, 8, true, 46000, "第三条第一款第（八）项"),
            (.combination, 5, true, 43000, "第三条第一款第（七）项"),
        ]
        for (vehicle, axles, singleDrive, limit, article) in expected {
            let row = try #require(limits.grossLimit(vehicle: vehicle, axleCount: axles, singleDriveAxle: singleDrive))
            #expect(row.limitKg == limit, "\(vehicle) \(axles)")
            #expect(row.citation == Citation(law: Self.order62, article: article, confidence: .text))
        }
        #expect(limits.grossLimit(vehicle: .truck, axleCount: 5, singleDriveAxle: false) == nil)
        #expect(limits.grossLimit(vehicle: .combination, axleCount: 2, singleDriveAxle: false) == nil)
    }

    @Test("the adjustments, dimensions, tolerance, sanity rule and tags carry the numbers of rules.md")
    func otherNumbers() throws {
        let limits = try OverloadFixtures.real()
        #expect(limits.singleTyreReduction.reductionKg == 3000)
        #expect(limits.singleTyreReduction.citation == Citation(law: Self.order62, article: "第三条第二款第（二）项", confidence: .text))
        #expect(limits.airSuspensionAllowance.increaseKg == 1000)
        #expect(limits.airSuspensionAllowance.axleCounts == [3, 4])
        #expect(limits.airSuspensionAllowance.vehicle == .truck)
        #expect(limits.airSuspensionAllowance.citation.confidence == .secondary)
        #expect(limits.articulatedAirSuspension.limitKg == 37000)
        #expect(limits.articulatedAirSuspension.trailerAxleSpacingMinMm == 1800)
        #expect(limits.articulatedAirSuspension.whenUnmeasured == .assumeMet)
        #expect(limits.articulatedAirSuspension.citation.confidence == .secondary)
        #expect(limits.registeredMassCap.axleCounts == [2])
        #expect(limits.registeredMassCap.citation.confidence == .secondary)
        let dimensions = limits.dimensionLimits
        let sizes: [Int] = [dimensions.heightMm, dimensions.widthMm, dimensions.lengthMm]
        #expect(sizes == [4000, 2550, 18100])
        #expect(dimensions.citation.confidence == .text)
        #expect(limits.tolerance.national.percentage == Percentage(hundredths: 500))
        #expect(limits.tolerance.national.citation.confidence == .secondary)
        #expect(limits.sensorSanity.axleSumTolerance == Percentage(hundredths: 300))
        #expect(limits.sensorSanity.citation.law.contains("非法律规定"))
        let tags = Dictionary(uniqueKeysWithValues: limits.tags.map { ($0.id, $0) })
        let over40: EnforcementTagRule.Threshold? = tags["over_40_percent"]?.threshold
        let over100: EnforcementTagRule.Threshold? = tags["over_100_percent"]?.threshold
        let hundredTonne: EnforcementTagRule.Threshold? = tags["hundred_tonne"]?.threshold
        #expect(over40 == .overPercentAtLeast(40))
        #expect(over100 == .overPercentAtLeast(100))
        #expect(tags["over_100_percent"]?.kind == .localPriority)
        #expect(tags["over_100_percent"]?.citation.confidence == .unverified)
        #expect(hundredTonne == .grossKgAtLeast(100_000))
        #expect(tags["hundred_tonne"]?.labelZh == "百吨王")
        #expect(tags["hundred_tonne"]?.kind == .enforcementLabel)
    }

    @Test("every number the decoded limits hold stands beside a filled citation")
    func citedNumbers() throws {
        let numbers = try OverloadFixtures.real().citedNumbers
        #expect(numbers.count >= 40)
        for number in numbers {
            #expect(!number.citation.law.trimmingCharacters(in: .whitespaces).isEmpty, "\(number.path)")
            #expect(!number.citation.article.trimmingCharacters(in: .whitespaces).isEmpty, "\(number.path)")
        }
        #expect(numbers.contains { $0.path == "grossLimits[7].limitKg" && $0.value == 46000 })
        #expect(numbers.contains { $0.path == "tolerance.national.percent" && $0.value == 500 && $0.unit == "percent" })
    }

    /// Walks the raw JSON, independently of the decoder: every object holding a number or a flag (or a list of
    /// numbers) has a `citation` with law, article and a known confidence.
    @Test("in the raw file, every object with a number has its citation")
    func rawFileCitations() throws {
        let tree = try OverloadFixtures.realTree()
        var checked = 0
        func visit(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                let holdsNumber = object.contains { key, value in
                    key != "citation" && (value is NSNumber || value is Bool || value is Int || value is Double
                        || (value as? [Any])?.contains { $0 is NSNumber || $0 is Int } == true)
                }
                if holdsNumber {
                    checked += 1
                    let citation = object["citation"] as? [String: Any] ?? [:]
                    let law = citation["law"] as? String ?? ""
                    let article = citation["article"] as? String ?? ""
                    let confidence = citation["confidence"] as? String ?? ""
                    #expect(!law.isEmpty, "\(path) has numbers but no citation law")
                    #expect(!article.isEmpty, "\(path) has numbers but no citation article")
                    #expect(["text", "secondary", "unverified"].contains(confidence), "\(path)")
                }
                for (key, child) in object where key != "citation" { visit(child, path: "\(path).\(key)") }
            } else if let array = value as? [Any] {
                for (index, child) in array.enumerated() { visit(child, path: "\(path)[\(index)]") }
            }
        }
        visit(tree, path: "root")
        #expect(checked == 18)
    }

    struct Corruption: CustomStringConvertible, Sendable {
        var name: String
        var code: String
        var edit: @Sendable (inout [String: Any]) -> Void
        var description: String { name }
    }

    static func row(_ tree: inout [String: Any], _ index: Int, _ edit: (inout [String: Any]) -> Void) {
        var rows = tree["grossLimits"] as! [[String: Any]]
        edit(&rows[index])
        tree["grossLimits"] = rows
    }

    static func section(_ tree: inout [String: Any], _ key: String, _ edit: (inout [String: Any]) -> Void) {
        var object = tree[key] as! [String: Any]
        edit(&object)
        tree[key] = object
    }

    static let corruptions: [Corruption] = [
        Corruption(name: "a row without citation", code: "missing_citation") { tree in row(&tree, 0) { $0["citation"] = nil } },
        Corruption(name: "a blank article", code: "missing_citation") { tree in
            row(&tree, 3) { $0["citation"] = ["law": "超限运输车辆行驶公路管理规定", "article": " ", "confidence": "text"] }
        },
        Corruption(name: "sensor sanity without citation", code: "missing_citation") { tree in section(&tree, "sensorSanity") { $0["citation"] = nil } },
        Corruption(name: "an unknown root key", code: "unknown_limits_key") { tree in tree["grossLimit"] = [] },
        Corruption(name: "a misspelt row key", code: "unknown_limits_key") { tree in
            row(&tree, 7) { $0["singleDriveAxle"] = nil; $0["singleDriveAxel"] = true }
        },
        Corruption(name: "an unknown key in a citation", code: "unknown_limits_key") { tree in
            section(&tree, "dimensionLimits") { $0["citation"] = ["law": "x", "article": "y", "confidence": "text", "page": 3] }
        },
        Corruption(name: "a negative limit", code: "invalid_limit_value") { tree in row(&tree, 1) { $0["limitKg"] = -25000 } },
        Corruption(name: "a limit the reduction would zero", code: "invalid_limit_value") { tree in row(&tree, 1) { $0["limitKg"] = 3000 } },
        Corruption(name: "two rows for the same configuration", code: "invalid_limit_value") { tree in row(&tree, 2) { $0["vehicle"] = "truck" } },
        Corruption(name: "an exact row inside an and-more row", code: "invalid_limit_value") { tree in row(&tree, 6) { $0["axles"] = 5 } },
        Corruption(name: "a drive-axle row without a general row", code: "invalid_limit_value") { tree in
            row(&tree, 7) { $0["axles"] = 3; $0["andMore"] = false; $0["vehicle"] = "truck"; $0["limitKg"] = 20000 }
            row(&tree, 1) { $0["axles"] = 10; $0["vehicle"] = "truck" }
        },
        Corruption(name: "a tolerance with three decimals", code: "invalid_limit_value") { tree in
            section(&tree, "tolerance") { tolerance in
                var national = tolerance["national"] as! [String: Any]
                national["percent"] = 5.125
                tolerance["national"] = national
            }
        },
        Corruption(name: "a negative tolerance", code: "invalid_limit_value") { tree in
            section(&tree, "tolerance") { tolerance in
                var national = tolerance["national"] as! [String: Any]
                national["percent"] = -1
                tolerance["national"] = national
            }
        },
        Corruption(name: "an override naming no jurisdiction", code: "invalid_limit_value") { tree in
            section(&tree, "tolerance") { $0["overrides"] = [["jurisdiction": "3", "nameZh": "?", "percent": 5, "citation": OverloadFixtures.testCitation]] }
        },
        Corruption(name: "a duplicate override", code: "invalid_limit_value") { tree in
            let override: [String: Any] = ["jurisdiction": "33", "nameZh": "浙江省", "percent": 5, "citation": OverloadFixtures.testCitation]
            section(&tree, "tolerance") { $0["overrides"] = [override, override] }
        },
        Corruption(name: "a tag with both thresholds", code: "invalid_limit_value") { tree in
            var tags = tree["tags"] as! [[String: Any]]
            tags[0]["grossKgAtLeast"] = 100_000
            tree["tags"] = tags
        },
        Corruption(name: "a duplicate tag", code: "invalid_limit_value") { tree in
            var tags = tree["tags"] as! [[String: Any]]
            tags.append(tags[0])
            tree["tags"] = tags
        },
        Corruption(name: "a sanity minimum above its maximum", code: "invalid_limit_value") { tree in
            section(&tree, "sensorSanity") { $0["minAxleKg"] = 70000 }
        },
        Corruption(name: "an unknown confidence", code: "invalid_overload_limits") { tree in
            row(&tree, 0) { $0["citation"] = ["law": "x", "article": "y", "confidence": "probably"] }
        },
        Corruption(name: "a missing edition", code: "invalid_overload_limits") { tree in tree["edition"] = nil },
        Corruption(name: "a blank edition", code: "invalid_limit_value") { tree in tree["edition"] = " " },
        Corruption(name: "a limit as text", code: "invalid_overload_limits") { tree in row(&tree, 0) { $0["limitKg"] = "18000" } },
        Corruption(name: "an unknown vehicle", code: "invalid_vehicle") { tree in row(&tree, 0) { $0["vehicle"] = "tractor" } },
        Corruption(name: "an unknown unmeasured policy", code: "invalid_overload_limits") { tree in
            section(&tree, "articulatedAirSuspension") { $0["whenUnmeasured"] = "guess" }
        },
    ]

    @Test("malformed limits are refused with a code naming the place", arguments: corruptions)
    func malformed(corruption: Corruption) throws {
        var tree = try OverloadFixtures.realTree()
        corruption.edit(&tree)
        let data = try JSONSerialization.data(withJSONObject: tree)
        #expect { try OverloadLimits(json: data) } throws: { error in
            (error as? DomainError)?.code == corruption.code
        }
    }

    @Test("bytes that are not JSON are refused")
    func notJSON() {
        #expect { try OverloadLimits(json: Data("{\"edition\": ".utf8)) } throws: { ($0 as? DomainError)?.code == "invalid_overload_limits" }
    }

    @Test("an error names the place in the file")
    func errorNamesPlace() throws {
        var tree = try OverloadFixtures.realTree()
        Self.row(&tree, 4) { $0["limitKg"] = 0 }
        let data = try JSONSerialization.data(withJSONObject: tree)
        #expect { try OverloadLimits(json: data) } throws: { ($0 as? DomainError)?.reason.contains("grossLimits[4].limitKg") == true }
    }
}
