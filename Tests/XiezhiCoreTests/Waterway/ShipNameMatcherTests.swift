import Foundation
import Testing
import XiezhiCore

@Suite("Ship-name OCR: weighted edit distance with the confusion table")
struct ShipNameMatcherTests {
    let matcher = ShipNameMatcher()

    @Test("readings against 浙嘉兴货1234: confusions cost little, unrelated characters and drops cost one",
          arguments: [
              ("浙嘉兴货1234", 0.0),
              ("浙嘉兴货1Z34", 0.2),
              ("浙嘉兴货I234", 0.1),
              ("浙嘉兴贷1234", 0.2),
              ("淅喜米货1234", 0.8),
              ("浙嘉兴货12З4", 1.0),
              ("嘉兴货1234", 1.0),
              ("浙嘉兴货12345", 1.0),
              ("浙嘉兴货7234", 0.5),
              ("浙嘉兴货1284", 0.5),
              ("浙嘉兴货1294", 1.0),
              ("浙 嘉兴货·１２３４", 0.0),
              ("浙嘉兴货l234", 0.25),
          ])
    func distances(reading: String, expected: Double) {
        #expect(abs(matcher.distance(reading: reading, name: "浙嘉兴货1234") - expected) < 1e-9)
    }

    @Test("similarity is 1 − distance / the longer length, never below 0")
    func similarity() {
        #expect(matcher.similarity(reading: "浙嘉兴货1234", name: "浙嘉兴货1234") == 1)
        #expect(abs(matcher.similarity(reading: "浙嘉兴货1Z34", name: "浙嘉兴货1234") - 0.975) < 1e-9)
        #expect(abs(matcher.similarity(reading: "嘉兴货1234", name: "浙嘉兴货1234") - 0.875) < 1e-9)
        #expect(matcher.similarity(reading: "XXXXXXXXXXXXXXXX", name: "浙嘉兴货1234") == 0)
        #expect(matcher.similarity(reading: "苏州货0567", name: "浙嘉兴货1234") < 0.4)
    }

    @Test("the table is symmetric and the standard pairs are present")
    func table() {
        let table = OCRConfusionTable.standard
        for (a, b) in [("0", "O"), ("1", "I"), ("8", "B"), ("5", "S"), ("2", "Z"), ("6", "G"), ("货", "贷"), ("嘉", "喜"), ("兴", "米"), ("州", "川")] as [(Character, Character)] {
            #expect(table.substitutionCost(a, b) < 0.5, "\(a)/\(b)")
            #expect(table.substitutionCost(a, b) == table.substitutionCost(b, a))
        }
        #expect(table.substitutionCost("货", "货") == 0)
        #expect(table.substitutionCost("货", "船") == 1)
        #expect(table.confusables(of: "0").contains("O"))
        let custom = OCRConfusionTable([("A", "B", 0.7), ("B", "A", 0.2), ("C", "C", 0.1), ("D", "E", 3)])
        #expect(custom.substitutionCost("A", "B") == 0.2)
        #expect(custom.substitutionCost("D", "E") == 1)
        #expect(custom.confusions.count == 2)
    }

    @Test("registry form: letters in the number become digits, a lookalike province becomes the province",
          arguments: [
              ("浙嘉兴货1Z34", "浙嘉兴货1234"),
              ("淅嘉兴货12B4", "浙嘉兴货1284"),
              ("苏州货O567", "苏州货0567"),
              ("皖宣城货3lll", "皖宣城货3111"),
          ])
    func registryForm(reading: String, expected: String) throws {
        #expect(matcher.registryForm(of: reading) == (try VesselName(expected)))
    }

    @Test("readings that cannot be a name have no registry form", arguments: ["", "12345", "浙嘉兴货", "ABC123"])
    func noRegistryForm(reading: String) {
        #expect(matcher.registryForm(of: reading) == nil)
    }

    @Test("registry candidates are ranked by similarity, then name, and cut by the floor and the limit")
    func candidates() throws {
        let registry = try VesselRegistry([
            WaterwayFixtures.profile("浙嘉兴货1234"), WaterwayFixtures.profile("浙嘉兴货1284"),
            WaterwayFixtures.profile("浙嘉兴货7234"), WaterwayFixtures.profile("苏州货0567"),
        ])
        let found = registry.nameCandidates(for: "浙嘉兴货1Z34", minimumSimilarity: 0.5, limit: 3)
        // 1284 (Z/2 + 8/3) and 7234 (Z/2 + 7/1) both cost 0.7: the tie goes by name.
        #expect(found.map(\.profile.name.value) == ["浙嘉兴货1234", "浙嘉兴货1284", "浙嘉兴货7234"])
        #expect(found[0].similarity > found[1].similarity)
        #expect(found[1].similarity == found[2].similarity)
        #expect(registry.nameCandidates(for: "浙嘉兴货1Z34", minimumSimilarity: 0.95, limit: 3).count == 1)
        #expect(registry.nameCandidates(for: "", minimumSimilarity: 0, limit: 3).isEmpty)
    }

    @Test("a registry refuses a name or an MMSI registered twice")
    func duplicates() {
        #expect(throws: DomainError.self) {
            _ = try VesselRegistry([WaterwayFixtures.profile("浙嘉兴货1234"), WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413000001)])
        }
        #expect(throws: DomainError.self) {
            _ = try VesselRegistry([WaterwayFixtures.profile("浙嘉兴货1234", mmsi: 413000001), WaterwayFixtures.profile("浙嘉兴货5678", mmsi: 413000001)])
        }
    }

    @Test("the cargo class follows the name's type character unless given")
    func cargoClass() {
        #expect(WaterwayFixtures.profile("浙嘉兴渣0012").cargoClass == .muck)
        #expect(WaterwayFixtures.profile("浙嘉兴油0012").cargoClass == .dangerousGoods)
        #expect(WaterwayFixtures.profile("浙嘉兴化0012").cargoClass == .dangerousGoods)
        #expect(WaterwayFixtures.profile("浙嘉兴货0012").cargoClass == .general)
        #expect(WaterwayFixtures.profile("浙嘉兴货0012", cargoClass: .muck).cargoClass == .muck)
    }
}
